/*
 * Tests for dates and the working-day calendar (include/jbw/date.h).
 *
 * Every expected date or count below was worked out by hand from the
 * published Gregorian calendar; the comment beside each assertion shows
 * the working. Weekdays are derived from anchors that are easy to check
 * in any almanac: 1 January 2025 is a Wednesday, 1 January 2026 a
 * Thursday, 1900-01-01 a Monday, 1970-01-01 a Thursday.
 */
#include "jbw_test.h"

#include <limits.h>

/* ---- helpers --------------------------------------------------------- */

static jbw_calendar *new_calendar(int good_friday_off, jbw_liberation_day lib)
{
    jbw_calendar_options opts = JBW_CALENDAR_OPTIONS_INIT;
    jbw_calendar *cal = NULL;
    opts.good_friday_off = good_friday_off;
    opts.liberation_day = lib;
    if (jbw_calendar_new(&cal, &opts) != JBW_OK)
        fail_msg("jbw_calendar_new failed: %s", jbw_last_error());
    return cal;
}

static jbw_calendar *default_calendar(void)
{
    jbw_calendar *cal = NULL;
    if (jbw_calendar_new(&cal, NULL) != JBW_OK)
        fail_msg("jbw_calendar_new failed: %s", jbw_last_error());
    return cal;
}

static jbw_holiday_kind holiday_on(const jbw_calendar *cal, jbw_date d)
{
    jbw_holiday_kind k = (jbw_holiday_kind)-1;
    assert_ok(jbw_calendar_holiday(&k, cal, d));
    return k;
}

static int is_workday(const jbw_calendar *cal, jbw_date d)
{
    int w = -1;
    assert_ok(jbw_calendar_is_workday(&w, cal, d));
    return w;
}

static int32_t workdays(const jbw_calendar *cal, jbw_date from, jbw_date to)
{
    int32_t n = INT32_MIN;
    assert_ok(jbw_calendar_workdays_between(&n, cal, from, to));
    return n;
}

static jbw_date add_workdays(const jbw_calendar *cal, jbw_date from, int32_t n)
{
    jbw_date d = JBW_DATE_NONE;
    assert_ok(jbw_calendar_add_workdays(&d, cal, from, n));
    return d;
}

/* Easter Sunday: the date the calendar reports as Eerste Paasdag, found
 * by scanning March 22..April 25 (the computus window) of the year. */
static jbw_date easter_of(const jbw_calendar *cal, int year)
{
    jbw_date d, found = JBW_DATE_NONE;
    int hits = 0;
    for (d = D(year, 3, 22); d <= D(year, 4, 25); d++) {
        if (holiday_on(cal, d) == JBW_HOLIDAY_EERSTE_PAASDAG) {
            found = d;
            hits++;
        }
    }
    assert_int_equal(hits, 1);
    return found;
}

/* ---- plain dates ----------------------------------------------------- */

static void test_epoch_is_day_zero_and_range_ends(void **state)
{
    jbw_date d = 12345;
    (void)state;
    assert_ok(jbw_date_from_ymd(&d, 1970, 1, 1));
    assert_int_equal(d, 0);
    /* 70 years * 365 + 17 leap days (1904..1968) = 25567 days before. */
    assert_ok(jbw_date_from_ymd(&d, 1900, 1, 1));
    assert_int_equal(d, -25567);
    /* 230 * 365 + 56 leap days (1972..2196, 2100 is not) = 84006 days to
     * 2200-01-01, so 2199-12-31 is day 84005. */
    assert_ok(jbw_date_from_ymd(&d, 2199, 12, 31));
    assert_int_equal(d, 84005);
    assert_int_equal(jbw_date_none(), JBW_DATE_NONE);
}

static void test_ymd_round_trip_counts_every_day_of_the_range(void **state)
{
    /* Walks 1900-01-01..2199-12-31 with a hand-written month length
     * table: each next day must be the previous date plus one, and
     * splitting must give the same y-m-d back. */
    static const int mdays[12] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
    jbw_date prev = D(1900, 1, 1) - 1;
    long total = 0;
    int y, m, dd;
    (void)state;
    for (y = 1900; y <= 2199; y++) {
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        for (m = 1; m <= 12; m++) {
            int len = mdays[m - 1] + (m == 2 && leap);
            for (dd = 1; dd <= len; dd++) {
                jbw_date d = JBW_DATE_NONE;
                int yy = 0, mm = 0, ddd = 0;
                assert_ok(jbw_date_from_ymd(&d, y, m, dd));
                if (d != prev + 1)
                    fail_msg("%d-%d-%d is %d, expected %d", y, m, dd, d,
                             prev + 1);
                assert_ok(jbw_date_to_ymd(&yy, &mm, &ddd, d));
                if (yy != y || mm != m || ddd != dd)
                    fail_msg("%d split as %d-%d-%d", d, yy, mm, ddd);
                prev = d;
                total++;
            }
        }
    }
    /* 300 * 365 + 73 leap days = 109573 days. */
    assert_int_equal(total, 109573);
}

static void test_from_ymd_rejects_days_that_do_not_exist(void **state)
{
    jbw_date d = 777;
    (void)state;
    assert_status(jbw_date_from_ymd(&d, 2025, 4, 31), JBW_EINVAL);
    assert_error_contains("April 2025");
    assert_status(jbw_date_from_ymd(&d, 2025, 2, 29), JBW_EINVAL);
    assert_error_contains("February 2025");
    /* 1900 is divisible by 100 and not by 400: no 29 February. */
    assert_status(jbw_date_from_ymd(&d, 1900, 2, 29), JBW_EINVAL);
    assert_status(jbw_date_from_ymd(&d, 2025, 0, 1), JBW_EINVAL);
    assert_error_contains("month 0");
    assert_status(jbw_date_from_ymd(&d, 2025, 13, 1), JBW_EINVAL);
    assert_error_contains("month 13");
    assert_status(jbw_date_from_ymd(&d, 2025, 1, 0), JBW_EINVAL);
    assert_status(jbw_date_from_ymd(&d, 2025, 1, -5), JBW_EINVAL);
    assert_int_equal(d, 777);
    /* 2000 is divisible by 400: a leap year. */
    assert_ok(jbw_date_from_ymd(&d, 2000, 2, 29));
    assert_status(jbw_date_from_ymd(NULL, 2025, 1, 1), JBW_EINVAL);
    assert_error_contains("NULL");
}

static void test_years_outside_1900_2199_are_out_of_range(void **state)
{
    jbw_date d = 777;
    int y = -1, m = -1, dd = -1;
    (void)state;
    assert_status(jbw_date_from_ymd(&d, 1899, 12, 31), JBW_ERANGE);
    assert_error_contains("1899");
    assert_status(jbw_date_from_ymd(&d, 2200, 1, 1), JBW_ERANGE);
    assert_error_contains("2200");
    assert_status(jbw_date_from_ymd(&d, INT_MIN, 1, 1), JBW_ERANGE);
    assert_status(jbw_date_from_ymd(&d, INT_MAX, 1, 1), JBW_ERANGE);
    assert_int_equal(d, 777);
    /* Splitting: one day either side of the range, and NONE. */
    assert_status(jbw_date_to_ymd(&y, &m, &dd, D(1900, 1, 1) - 1), JBW_ERANGE);
    assert_error_contains("outside");
    assert_status(jbw_date_to_ymd(&y, &m, &dd, D(2199, 12, 31) + 1),
                  JBW_ERANGE);
    assert_status(jbw_date_to_ymd(&y, &m, &dd, JBW_DATE_NONE), JBW_ERANGE);
    assert_error_contains("JBW_DATE_NONE");
    assert_int_equal(y, -1);
    assert_int_equal(m, -1);
    assert_int_equal(dd, -1);
    /* Every output of to_ymd may be NULL. */
    assert_ok(jbw_date_to_ymd(NULL, NULL, NULL, D(2025, 9, 1)));
    assert_ok(jbw_date_to_ymd(NULL, &m, NULL, D(2025, 9, 1)));
    assert_int_equal(m, 9);
}

static void test_weekday_is_iso_monday_one(void **state)
{
    (void)state;
    /* 1970-01-01 was a Thursday. */
    assert_int_equal(jbw_date_weekday(0), 4);
    /* 1900-01-01 was a Monday. */
    assert_int_equal(jbw_date_weekday(D(1900, 1, 1)), 1);
    /* 2025-09-01: 1 Jan 2025 is a Wednesday, 243 days later (243 % 7 = 5)
     * is a Monday. */
    assert_int_equal(jbw_date_weekday(D(2025, 9, 1)), 1);
    /* 2025-12-21: Christmas 2025 is a Thursday, 4 days earlier a Sunday. */
    assert_int_equal(jbw_date_weekday(D(2025, 12, 21)), 7);
    /* 2200-01-01 falls on the same weekday as 1800-01-01 (400-year cycle),
     * a Wednesday, so 2199-12-31 is a Tuesday. */
    assert_int_equal(jbw_date_weekday(D(2199, 12, 31)), 2);
    assert_int_equal(jbw_date_weekday(JBW_DATE_NONE), 0);
    assert_int_equal(jbw_date_weekday(D(1900, 1, 1) - 1), 0);
    assert_int_equal(jbw_date_weekday(D(2199, 12, 31) + 1), 0);
}

/* ---- parsing and formatting ------------------------------------------ */

static void test_parse_accepts_iso_and_dutch_forms(void **state)
{
    jbw_date d = JBW_DATE_NONE;
    jbw_date want = D(2025, 9, 1);
    (void)state;
    assert_ok(jbw_date_parse(&d, "2025-09-01", (size_t)-1));
    assert_int_equal(d, want);
    d = JBW_DATE_NONE;
    assert_ok(jbw_date_parse(&d, "1-9-2025", (size_t)-1));
    assert_int_equal(d, want);
    d = JBW_DATE_NONE;
    assert_ok(jbw_date_parse(&d, "01-09-2025", (size_t)-1));
    assert_int_equal(d, want);
    d = JBW_DATE_NONE;
    assert_ok(jbw_date_parse(&d, "01-9-2025", (size_t)-1));
    assert_int_equal(d, want);
    d = JBW_DATE_NONE;
    assert_ok(jbw_date_parse(&d, "  2025-09-01   ", (size_t)-1));
    assert_int_equal(d, want);
    d = JBW_DATE_NONE;
    assert_ok(jbw_date_parse(&d, "\t1-9-2025 ", (size_t)-1));
    assert_int_equal(d, want);
    /* `len` bounds the text: the junk after 10 bytes is not read. */
    d = JBW_DATE_NONE;
    assert_ok(jbw_date_parse(&d, "2025-09-01junk", 10));
    assert_int_equal(d, want);
    /* 2024 is a leap year. */
    assert_ok(jbw_date_parse(&d, "29-02-2024", (size_t)-1));
    assert_int_equal(d, D(2024, 2, 29));
    /* Range ends. */
    assert_ok(jbw_date_parse(&d, "1900-01-01", (size_t)-1));
    assert_int_equal(d, D(1900, 1, 1));
    assert_ok(jbw_date_parse(&d, "31-12-2199", (size_t)-1));
    assert_int_equal(d, D(2199, 12, 31));
}

/* Asserts a parse failure with `status`, a detail holding `needle`, and
 * the output untouched. */
static void expect_parse_error(const char *text, size_t len, int status,
                               const char *needle)
{
    jbw_date d = 4242;
    assert_status(jbw_date_parse(&d, text, len), status);
    assert_error_contains(needle);
    assert_int_equal(d, 4242);
}

static void test_parse_rejects_days_that_do_not_exist(void **state)
{
    (void)state;
    /* the reason first, then the value */
    expect_parse_error("31-02-2025", (size_t)-1, JBW_EPARSE,
                       "not a date, February 2025 has 28 days: '31-02-2025'");
    expect_parse_error("31-02-2025", (size_t)-1, JBW_EPARSE, "February 2025");
    expect_parse_error("29-02-2025", (size_t)-1, JBW_EPARSE, "29-02-2025");
    /* day 0 does not exist in any month; it is not a month too short */
    expect_parse_error("00-01-2025", (size_t)-1, JBW_EPARSE, "day 0");
    assert_reason_before_value("not a date, day 0 does not exist",
                               "00-01-2025");
    assert_null(strstr(jbw_last_error(), "31 days"));
    expect_parse_error("2025-13-01", (size_t)-1, JBW_EPARSE, "month 13");
    expect_parse_error("2025-00-10", (size_t)-1, JBW_EPARSE, "month 0");
    expect_parse_error("00-01-2025", (size_t)-1, JBW_EPARSE, "00-01-2025");
    expect_parse_error("2025-04-31", (size_t)-1, JBW_EPARSE, "April 2025");
}

static void test_parse_rejects_other_forms(void **state)
{
    (void)state;
    expect_parse_error("", (size_t)-1, JBW_EPARSE, "empty");
    expect_parse_error("   ", (size_t)-1, JBW_EPARSE, "empty");
    expect_parse_error("2025-09-01", 0, JBW_EPARSE, "empty");
    expect_parse_error("1/9/2025", (size_t)-1, JBW_EPARSE,
                       "not a date (expected YYYY-MM-DD, D-M-YYYY or "
                       "DD-MM-YYYY): '1/9/2025'");
    expect_parse_error("01-09-25", (size_t)-1, JBW_EPARSE, "'01-09-25'");
    /* ISO needs two-digit month and day. */
    expect_parse_error("2025-9-1", (size_t)-1, JBW_EPARSE, "'2025-9-1'");
    expect_parse_error("2025-09-1", (size_t)-1, JBW_EPARSE, "'2025-09-1'");
    expect_parse_error("2025-09-01x", (size_t)-1, JBW_EPARSE, "2025-09-01x");
    expect_parse_error("2025-09-01 x", (size_t)-1, JBW_EPARSE, "YYYY-MM-DD");
    expect_parse_error("1-9-02025", (size_t)-1, JBW_EPARSE, "'1-9-02025'");
    expect_parse_error("001-9-2025", (size_t)-1, JBW_EPARSE, "'001-9-2025'");
    expect_parse_error("1-009-2025", (size_t)-1, JBW_EPARSE, "'1-009-2025'");
    expect_parse_error("+1-9-2025", (size_t)-1, JBW_EPARSE, "'+1-9-2025'");
    expect_parse_error("-1-9-2025", (size_t)-1, JBW_EPARSE, "'-1-9-2025'");
    expect_parse_error("1 - 9 - 2025", (size_t)-1, JBW_EPARSE, "1 - 9");
    expect_parse_error("20250901", (size_t)-1, JBW_EPARSE, "'20250901'");
    expect_parse_error("2025-09-01T10:00", (size_t)-1, JBW_EPARSE, "T10:00");
    expect_parse_error("1.9.2025", (size_t)-1, JBW_EPARSE, "'1.9.2025'");
    expect_parse_error("2025-09-", (size_t)-1, JBW_EPARSE, "'2025-09-'");
    expect_parse_error("1-9-", (size_t)-1, JBW_EPARSE, "'1-9-'");
    /* A NUL inside the given length is a bad byte, quoted as '?'. */
    expect_parse_error("2025-09-01\0", 11, JBW_EPARSE, "'2025-09-01?'");
    expect_parse_error("1-9\0-2025", 9, JBW_EPARSE, "'1-9?-2025'");
}

static void test_parse_years_outside_the_range_are_erange(void **state)
{
    (void)state;
    expect_parse_error("1899-12-31", (size_t)-1, JBW_ERANGE, "'1899-12-31'");
    expect_parse_error("1899-12-31", (size_t)-1, JBW_ERANGE, "1900..2199");
    expect_parse_error("01-01-2200", (size_t)-1, JBW_ERANGE, "'01-01-2200'");
    expect_parse_error("0000-01-01", (size_t)-1, JBW_ERANGE, "year 0");
    expect_parse_error("1-1-9999", (size_t)-1, JBW_ERANGE, "9999");
}

static void test_parse_gives_the_reason_before_the_value(void **state)
{
    /* Each refusal says why first, then quotes the text; a long text is
     * cut at 40 bytes with U+2026, at the start of a character. */
    char text[200];
    size_t i;
    (void)state;
    expect_parse_error("31-02-2025", (size_t)-1, JBW_EPARSE, "not a date");
    assert_reason_before_value("not a date, February 2025 has 28 days",
                               "31-02-2025");
    expect_parse_error("2025-13-01", (size_t)-1, JBW_EPARSE, "month 13");
    assert_reason_before_value("not a date, month 13 does not exist",
                               "2025-13-01");
    expect_parse_error("1/9/2025", (size_t)-1, JBW_EPARSE, "expected");
    assert_reason_before_value("not a date (expected YYYY-MM-DD, D-M-YYYY "
                               "or DD-MM-YYYY)",
                               "1/9/2025");
    expect_parse_error("1899-12-31", (size_t)-1, JBW_ERANGE, "1899");
    assert_reason_before_value("year 1899 is outside the supported "
                               "1900..2199",
                               "1899-12-31");
    assert_status(jbw_date_parse_iso(&(jbw_date){0}, "1-9-2025", 8),
                  JBW_EPARSE);
    assert_reason_before_value("not a date of the form YYYY-MM-DD", "1-9-2025");
    /* "1" then 60 two-byte characters: 121 bytes. 40 bytes of room take
     * "1" and 19 characters (39 bytes); the 20th would split. */
    text[0] = '1';
    for (i = 0; i < 60; i++)
        memcpy(text + 1 + 2 * i, "\xC3\xA9", 2);
    expect_parse_error(text, 121, JBW_EPARSE, "not a date");
    assert_reason_before_value("not a date (expected",
                               "1\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                               "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                               "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                               "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                               "\xE2\x80\xA6");
}

static void test_parse_quotes_huge_input_briefly(void **state)
{
    /* 100000 bytes of digits and control bytes, not NUL-terminated: the
     * parser must stay inside `len` and the detail must be short. */
    size_t n = 100000, i;
    char *big = (char *)malloc(n);
    jbw_date d = 4242;
    (void)state;
    assert_non_null(big);
    for (i = 0; i < n; i++)
        big[i] = (char)(i % 3 == 0 ? '7' : (i % 3 == 1 ? '\n' : '\x01'));
    assert_status(jbw_date_parse(&d, big, n), JBW_EPARSE);
    assert_error_contains("\xE2\x80\xA6'"); /* cut with U+2026 */
    assert_error_contains("'7??7??");
    assert_true(strlen(jbw_last_error()) < 200);
    assert_int_equal(d, 4242);
    /* A long valid-looking prefix followed by more digits. */
    for (i = 0; i < n; i++)
        big[i] = '1';
    assert_status(jbw_date_parse(&d, big, n), JBW_EPARSE);
    assert_true(strlen(jbw_last_error()) < 200);
    free(big);
}

/* The folder names of a history: exactly YYYY-MM-DD, nothing else. */
static void test_parse_iso_takes_only_yyyy_mm_dd(void **state)
{
    static const char *const refused[] = {
        "1-9-2025",      "01-09-2025", "20250901",   " 2025-09-01",
        "2025-09-01 ",   "2025-9-01",  "2025/09/01", "2025-09-1",
        "+025-09-01",    "2025-09-0a", "",           "2025-09-01-",
        "２０２５-09-01"};
    jbw_date d = JBW_DATE_NONE;
    size_t i;
    (void)state;
    assert_ok(jbw_date_parse_iso(&d, "2025-09-01", (size_t)-1));
    assert_int_equal(d, D(2025, 9, 1));
    /* 2024 is a leap year, 2025 is not */
    assert_ok(jbw_date_parse_iso(&d, "2024-02-29", 10));
    assert_int_equal(d, D(2024, 2, 29));
    d = 4242;
    for (i = 0; i < sizeof refused / sizeof *refused; i++) {
        assert_status(jbw_date_parse_iso(&d, refused[i], (size_t)-1),
                      JBW_EPARSE);
        assert_error_contains("not a date of the form YYYY-MM-DD");
    }
    /* the form is right, the day is not: the date parser's reason */
    assert_status(jbw_date_parse_iso(&d, "2025-02-29", (size_t)-1), JBW_EPARSE);
    assert_error_contains("February 2025 has 28 days");
    assert_status(jbw_date_parse_iso(&d, "2200-01-01", (size_t)-1), JBW_ERANGE);
    /* len bounds the text: a NUL inside is a byte like any other */
    assert_status(jbw_date_parse_iso(&d, "2025-09-0\0", 10), JBW_EPARSE);
    assert_ok(jbw_date_parse_iso(&d, "2025-09-01junk", 10));
    assert_int_equal(d, D(2025, 9, 1));
    d = 4242;
    assert_status(jbw_date_parse_iso(&d, "2025-09-01junk", (size_t)-1),
                  JBW_EPARSE);
    assert_int_equal(d, 4242);
    assert_status(jbw_date_parse_iso(NULL, "2025-09-01", 10), JBW_EINVAL);
    assert_status(jbw_date_parse_iso(&d, NULL, 10), JBW_EINVAL);
}

static void test_parse_null_arguments_are_einval(void **state)
{
    jbw_date d = 4242;
    (void)state;
    assert_status(jbw_date_parse(&d, NULL, 10), JBW_EINVAL);
    assert_error_contains("text is NULL");
    assert_status(jbw_date_parse(NULL, "2025-09-01", (size_t)-1), JBW_EINVAL);
    assert_error_contains("out is NULL");
    assert_int_equal(d, 4242);
}

static void test_format_writes_iso_and_round_trips(void **state)
{
    /* Every day of a few years, including both range ends and the leap
     * year rules of 1900 (common), 2000 and 2024 (leap). */
    static const int years[] = {1900, 1970, 2000, 2024, 2025, 2100, 2199};
    char buf[JBW_DATE_BUFSIZE];
    char want[32];
    size_t k;
    (void)state;
    assert_ok(jbw_date_format(buf, sizeof buf, D(2025, 9, 1)));
    assert_string_equal(buf, "2025-09-01");
    assert_ok(jbw_date_format(buf, sizeof buf, D(1900, 1, 1)));
    assert_string_equal(buf, "1900-01-01");
    assert_ok(jbw_date_format(buf, sizeof buf, D(2199, 12, 31)));
    assert_string_equal(buf, "2199-12-31");
    for (k = 0; k < sizeof years / sizeof years[0]; k++) {
        jbw_date d, end = D(years[k], 12, 31);
        for (d = D(years[k], 1, 1); d <= end; d++) {
            jbw_date back = JBW_DATE_NONE;
            int y, m, dd;
            assert_ok(jbw_date_format(buf, sizeof buf, d));
            assert_ok(jbw_date_to_ymd(&y, &m, &dd, d));
            snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, dd);
            assert_string_equal(buf, want);
            assert_ok(jbw_date_parse(&back, buf, (size_t)-1));
            assert_int_equal(back, d);
            /* The Dutch form of the same day parses to it as well. */
            snprintf(want, sizeof want, "%d-%d-%04d", dd, m, y);
            back = JBW_DATE_NONE;
            assert_ok(jbw_date_parse(&back, want, (size_t)-1));
            assert_int_equal(back, d);
        }
    }
}

static void test_format_errors_leave_the_buffer_alone(void **state)
{
    char buf[32];
    (void)state;
    memset(buf, 'Z', sizeof buf);
    assert_status(jbw_date_format(buf, 10, D(2025, 9, 1)), JBW_EBUFFER);
    assert_error_contains("10 bytes");
    assert_status(jbw_date_format(buf, 0, D(2025, 9, 1)), JBW_EBUFFER);
    assert_status(jbw_date_format(buf, sizeof buf, JBW_DATE_NONE), JBW_ERANGE);
    assert_error_contains("JBW_DATE_NONE");
    assert_status(jbw_date_format(buf, sizeof buf, D(2199, 12, 31) + 1),
                  JBW_ERANGE);
    assert_int_equal(buf[0], 'Z');
    assert_int_equal(buf[10], 'Z');
    assert_status(jbw_date_format(NULL, 11, D(2025, 9, 1)), JBW_EINVAL);
    assert_error_contains("NULL");
    /* Exactly 11 bytes is enough. */
    assert_ok(jbw_date_format(buf, 11, D(2025, 9, 1)));
    assert_string_equal(buf, "2025-09-01");
}

/* ---- months, tenure and age ------------------------------------------ */

static void test_add_months_clamps_to_the_end_of_the_month(void **state)
{
    jbw_date d = JBW_DATE_NONE;
    (void)state;
    /* February 2025 has 28 days, February 2024 has 29. */
    assert_ok(jbw_date_add_months(&d, D(2025, 1, 31), 1));
    assert_int_equal(d, D(2025, 2, 28));
    assert_ok(jbw_date_add_months(&d, D(2024, 1, 31), 1));
    assert_int_equal(d, D(2024, 2, 29));
    assert_ok(jbw_date_add_months(&d, D(2025, 3, 31), -1));
    assert_int_equal(d, D(2025, 2, 28));
    assert_ok(jbw_date_add_months(&d, D(2025, 1, 15), 12));
    assert_int_equal(d, D(2026, 1, 15));
    assert_ok(jbw_date_add_months(&d, D(2025, 1, 15), -13));
    assert_int_equal(d, D(2023, 12, 15));
    assert_ok(jbw_date_add_months(&d, D(2025, 5, 31), 0));
    assert_int_equal(d, D(2025, 5, 31));
    /* 2024-02-29 + 12 months: 2025 has no 29 February -> 28 February. */
    assert_ok(jbw_date_add_months(&d, D(2024, 2, 29), 12));
    assert_int_equal(d, D(2025, 2, 28));
}

static void test_add_months_out_of_range_is_erange(void **state)
{
    jbw_date d = 4242;
    (void)state;
    assert_status(jbw_date_add_months(&d, D(2199, 12, 15), 1), JBW_ERANGE);
    assert_error_contains("2199-12-15");
    assert_status(jbw_date_add_months(&d, D(1900, 1, 15), -1), JBW_ERANGE);
    assert_status(jbw_date_add_months(&d, D(2025, 1, 1), INT_MAX), JBW_ERANGE);
    assert_status(jbw_date_add_months(&d, D(2025, 1, 1), INT_MIN), JBW_ERANGE);
    assert_status(jbw_date_add_months(&d, JBW_DATE_NONE, 1), JBW_ERANGE);
    assert_int_equal(d, 4242);
    assert_status(jbw_date_add_months(NULL, D(2025, 1, 1), 1), JBW_EINVAL);
    assert_error_contains("NULL");
}

static int32_t months(jbw_date from, jbw_date to)
{
    int32_t n = INT32_MIN;
    assert_ok(jbw_months_between(&n, from, to));
    return n;
}

static int32_t years(jbw_date from, jbw_date to)
{
    int32_t n = INT32_MIN;
    assert_ok(jbw_years_between(&n, from, to));
    return n;
}

static void test_tenure_counts_whole_months_from_the_hire_date(void **state)
{
    (void)state;
    /* Hired 15 January: 2 months on 14 April, 3 on 15 April (docs/calendar.md).
     */
    assert_int_equal(months(D(2025, 1, 15), D(2025, 4, 14)), 2);
    assert_int_equal(months(D(2025, 1, 15), D(2025, 4, 15)), 3);
    assert_int_equal(months(D(2025, 1, 15), D(2025, 1, 15)), 0);
    assert_int_equal(months(D(2025, 1, 15), D(2025, 2, 14)), 0);
    /* 31 January + 1 month is complete on the last day of February. */
    assert_int_equal(months(D(2025, 1, 31), D(2025, 2, 27)), 0);
    assert_int_equal(months(D(2025, 1, 31), D(2025, 2, 28)), 1);
    assert_int_equal(months(D(2024, 1, 31), D(2024, 2, 28)), 0);
    assert_int_equal(months(D(2024, 1, 31), D(2024, 2, 29)), 1);
    /* 31 January to 30 March: March has a 31st, so 2 months on 31 March. */
    assert_int_equal(months(D(2025, 1, 31), D(2025, 3, 30)), 1);
    assert_int_equal(months(D(2025, 1, 31), D(2025, 3, 31)), 2);
    /* Across years: 15 Nov 2023 to 15 Feb 2025 = 12 + 3 = 15. */
    assert_int_equal(months(D(2023, 11, 15), D(2025, 2, 15)), 15);
    /* Whole range: 299 * 12 + 11 = 3599 months reach 2199-12-01; the
     * 3600th would end on 2200-01-01. */
    assert_int_equal(months(D(1900, 1, 1), D(2199, 12, 31)), 300 * 12 - 1);
}

static void test_months_between_is_negative_backwards(void **state)
{
    (void)state;
    /* 15 January -> 15 April is 3, so backwards it is -3. */
    assert_int_equal(months(D(2025, 4, 15), D(2025, 1, 15)), -3);
    assert_int_equal(months(D(2025, 4, 14), D(2025, 1, 15)), -2);
}

static void test_age_counts_whole_years(void **state)
{
    (void)state;
    /* Born 15 June 2000: 24 on 14 June 2025, 25 on 15 June 2025. */
    assert_int_equal(years(D(2000, 6, 15), D(2025, 6, 14)), 24);
    assert_int_equal(years(D(2000, 6, 15), D(2025, 6, 15)), 25);
    assert_int_equal(years(D(2000, 6, 15), D(2000, 6, 15)), 0);
    /* Born 29 February 2008: in the common year 2025 the birthday is
     * 1 March, so 16 on 28 February and 17 on 1 March. */
    assert_int_equal(years(D(2008, 2, 29), D(2025, 2, 28)), 16);
    assert_int_equal(years(D(2008, 2, 29), D(2025, 3, 1)), 17);
    /* In the leap year 2024 the birthday is 29 February itself. */
    assert_int_equal(years(D(2008, 2, 29), D(2024, 2, 28)), 15);
    assert_int_equal(years(D(2008, 2, 29), D(2024, 2, 29)), 16);
    /* Backwards: minus the forward count. */
    assert_int_equal(years(D(2025, 3, 1), D(2008, 2, 29)), -17);
}

static void test_between_functions_check_their_arguments(void **state)
{
    int32_t n = 4242;
    (void)state;
    assert_status(jbw_months_between(NULL, D(2025, 1, 1), D(2025, 2, 1)),
                  JBW_EINVAL);
    assert_error_contains("NULL");
    assert_status(jbw_years_between(NULL, D(2025, 1, 1), D(2025, 2, 1)),
                  JBW_EINVAL);
    assert_status(jbw_months_between(&n, JBW_DATE_NONE, D(2025, 2, 1)),
                  JBW_ERANGE);
    assert_error_contains("from");
    assert_status(jbw_months_between(&n, D(2025, 2, 1), D(2199, 12, 31) + 1),
                  JBW_ERANGE);
    assert_error_contains("to");
    assert_status(jbw_years_between(&n, D(1900, 1, 1) - 1, D(2025, 2, 1)),
                  JBW_ERANGE);
    assert_status(jbw_years_between(&n, D(2025, 2, 1), JBW_DATE_NONE),
                  JBW_ERANGE);
    assert_int_equal(n, 4242);
}

/* ---- calendar options ------------------------------------------------ */

static void
test_options_init_gives_cao_defaults_and_checks_version(void **state)
{
    jbw_calendar_options o;
    jbw_calendar *cal = (jbw_calendar *)&o; /* sentinel, never used */
    (void)state;
    memset(&o, 0x5a, sizeof o);
    assert_ok(jbw_calendar_options_init(&o, JBW_CALENDAR_OPTIONS_VERSION));
    assert_int_equal(o.version, 1);
    assert_int_equal(o.good_friday_off, 0);
    assert_int_equal(o.liberation_day, JBW_LIBERATION_EVERY_YEAR);

    memset(&o, 0x5a, sizeof o);
    assert_status(jbw_calendar_options_init(&o, 2), JBW_EVERSION);
    assert_error_contains("version 2");
    assert_status(jbw_calendar_options_init(&o, 0), JBW_EVERSION);
    assert_int_equal(o.good_friday_off, 0x5a5a5a5a);
    assert_status(jbw_calendar_options_init(NULL, 1), JBW_EINVAL);
    assert_error_contains("NULL");

    /* A calendar refuses unknown versions and unknown enum values. */
    assert_ok(jbw_calendar_options_init(&o, 1));
    o.version = 99;
    assert_status(jbw_calendar_new(&cal, &o), JBW_EVERSION);
    assert_error_contains("99");
    o.version = 1;
    o.liberation_day = (jbw_liberation_day)7;
    assert_status(jbw_calendar_new(&cal, &o), JBW_EINVAL);
    assert_error_contains("liberation_day 7");
    assert_ptr_equal(cal, (jbw_calendar *)&o);
    assert_status(jbw_calendar_new(NULL, NULL), JBW_EINVAL);
    jbw_calendar_free(NULL);
}

static void test_calendar_new_survives_each_failed_allocation(void **state)
{
    int k, succeeded = 0;
    char detail[512];
    (void)state;
    for (k = 0; k < 10 && !succeeded; k++) {
        char sentinel;
        jbw_calendar *cal = (jbw_calendar *)&sentinel;
        jbw_status st;
        jbw_test_fail_only(k);
        st = jbw_calendar_new(&cal, NULL);
        /* Keep the detail: restoring the allocator clears it. */
        snprintf(detail, sizeof detail, "%s", jbw_last_error());
        jbw_test_alloc_reset();
        if (st == JBW_OK) {
            succeeded = 1;
            jbw_calendar_free(cal);
        } else {
            assert_int_equal(st, JBW_ENOMEM);
            assert_non_null(strstr(detail, "out of memory"));
            assert_ptr_equal(cal, (jbw_calendar *)&sentinel);
        }
    }
    assert_true(succeeded);
}

/* ---- Easter and the movable feasts ----------------------------------- */

static void test_easter_matches_the_published_dates(void **state)
{
    jbw_calendar *cal = default_calendar();
    (void)state;
    /* Published Easter Sundays. */
    assert_int_equal(easter_of(cal, 2024), D(2024, 3, 31));
    assert_int_equal(easter_of(cal, 2025), D(2025, 4, 20));
    assert_int_equal(easter_of(cal, 2026), D(2026, 4, 5));
    assert_int_equal(easter_of(cal, 1900), D(1900, 4, 15));
    assert_int_equal(easter_of(cal, 2000), D(2000, 4, 23));
    /* The extremes in the range: 23 March 2008 (earliest since 1913) and
     * 25 April 2038 (the latest possible date). */
    assert_int_equal(easter_of(cal, 2008), D(2008, 3, 23));
    assert_int_equal(easter_of(cal, 1913), D(1913, 3, 23));
    assert_int_equal(easter_of(cal, 2038), D(2038, 4, 25));
    assert_int_equal(easter_of(cal, 1943), D(1943, 4, 25));
    /* 2199: at least a Sunday inside the window (easter_of checks the
     * window and uniqueness). */
    assert_int_equal(jbw_date_weekday(easter_of(cal, 2199)), 7);
    jbw_calendar_free(cal);
}

static void test_every_year_has_easter_on_a_sunday(void **state)
{
    jbw_calendar *cal = default_calendar();
    int y;
    (void)state;
    for (y = JBW_YEAR_MIN; y <= JBW_YEAR_MAX; y++)
        assert_int_equal(jbw_date_weekday(easter_of(cal, y)), 7);
    jbw_calendar_free(cal);
}

static void test_movable_feasts_follow_easter(void **state)
{
    jbw_calendar *cal = default_calendar();
    (void)state;
    /* 2025: Easter 20 April. Tweede Paasdag 21 April; Hemelvaartsdag
     * Easter + 39 = 29 May (10 days to 30 April, 29 into May); Pinksteren
     * Easter + 49 = 8 June, Tweede Pinksterdag 9 June. */
    assert_int_equal(holiday_on(cal, D(2025, 4, 21)),
                     JBW_HOLIDAY_TWEEDE_PAASDAG);
    assert_int_equal(holiday_on(cal, D(2025, 5, 29)),
                     JBW_HOLIDAY_HEMELVAARTSDAG);
    assert_int_equal(jbw_date_weekday(D(2025, 5, 29)), 4); /* a Thursday */
    assert_int_equal(holiday_on(cal, D(2025, 6, 8)),
                     JBW_HOLIDAY_EERSTE_PINKSTERDAG);
    assert_int_equal(holiday_on(cal, D(2025, 6, 9)),
                     JBW_HOLIDAY_TWEEDE_PINKSTERDAG);
    /* 2026: Easter 5 April; Tweede Pinksterdag Easter + 50 = 25 May
     * (25 days to 30 April, 25 into May), a Monday. */
    assert_int_equal(holiday_on(cal, D(2026, 5, 25)),
                     JBW_HOLIDAY_TWEEDE_PINKSTERDAG);
    assert_int_equal(jbw_date_weekday(D(2026, 5, 25)), 1);
    assert_int_equal(is_workday(cal, D(2026, 5, 25)), 0);
    assert_int_equal(holiday_on(cal, D(2026, 5, 14)),
                     JBW_HOLIDAY_HEMELVAARTSDAG);
    /* Eerste Paasdag is reported though it is a Sunday anyway. */
    assert_int_equal(holiday_on(cal, D(2025, 4, 20)),
                     JBW_HOLIDAY_EERSTE_PAASDAG);
    jbw_calendar_free(cal);
}

/* ---- King's and Queen's day ------------------------------------------ */

static void
test_koningsdag_moves_to_saturday_when_27_april_is_sunday(void **state)
{
    jbw_calendar *cal = default_calendar();
    (void)state;
    /* 2025: Easter is Sunday 20 April, so 27 April is a Sunday too and
     * Koningsdag is Saturday 26 April. */
    assert_int_equal(jbw_date_weekday(D(2025, 4, 27)), 7);
    assert_int_equal(holiday_on(cal, D(2025, 4, 26)), JBW_HOLIDAY_KONINGSDAG);
    assert_int_equal(holiday_on(cal, D(2025, 4, 27)), JBW_HOLIDAY_NONE);
    /* 2014, the first Koningsdag: 27 April 2014 was a Sunday, so it was
     * held on Saturday 26 April 2014. */
    assert_int_equal(holiday_on(cal, D(2014, 4, 26)), JBW_HOLIDAY_KONINGSDAG);
    /* 2026: 1 Jan Thursday, 27 April is day 116 (116 % 7 = 4): Monday. */
    assert_int_equal(jbw_date_weekday(D(2026, 4, 27)), 1);
    assert_int_equal(holiday_on(cal, D(2026, 4, 27)), JBW_HOLIDAY_KONINGSDAG);
    assert_int_equal(is_workday(cal, D(2026, 4, 27)), 0);
    assert_int_equal(holiday_on(cal, D(2026, 4, 30)), JBW_HOLIDAY_NONE);
    jbw_calendar_free(cal);
}

static void test_koninginnedag_history(void **state)
{
    jbw_calendar *cal = default_calendar();
    (void)state;
    /* 30 April 2013 (a Tuesday) was the last Koninginnedag. */
    assert_int_equal(holiday_on(cal, D(2013, 4, 30)), JBW_HOLIDAY_KONINGSDAG);
    assert_int_equal(holiday_on(cal, D(2013, 4, 27)), JBW_HOLIDAY_NONE);
    /* 30 April 1980 was a Wednesday: held that day. */
    assert_int_equal(jbw_date_weekday(D(1980, 4, 30)), 3);
    assert_int_equal(holiday_on(cal, D(1980, 4, 30)), JBW_HOLIDAY_KONINGSDAG);
    assert_int_equal(is_workday(cal, D(1980, 4, 30)), 0);
    /* 1967: 1 Jan was a Sunday, 30 April is 119 days later (119 % 7 = 0),
     * a Sunday; before 1980 it moved to Monday 1 May. */
    assert_int_equal(jbw_date_weekday(D(1967, 4, 30)), 7);
    assert_int_equal(holiday_on(cal, D(1967, 5, 1)), JBW_HOLIDAY_KONINGSDAG);
    assert_int_equal(holiday_on(cal, D(1967, 4, 30)), JBW_HOLIDAY_NONE);
    assert_int_equal(holiday_on(cal, D(1967, 4, 29)), JBW_HOLIDAY_NONE);
    assert_int_equal(is_workday(cal, D(1967, 5, 1)), 0);
    /* 1989: 1 Jan was a Sunday, so 30 April was a Sunday as well; from
     * 1980 on it moved back to Saturday 29 April. */
    assert_int_equal(jbw_date_weekday(D(1989, 4, 30)), 7);
    assert_int_equal(holiday_on(cal, D(1989, 4, 29)), JBW_HOLIDAY_KONINGSDAG);
    assert_int_equal(holiday_on(cal, D(1989, 5, 1)), JBW_HOLIDAY_NONE);
    /* 1949: 30 April was a Saturday (1 Jan 1949 a Saturday, + 119 days):
     * it stays on 30 April. */
    assert_int_equal(holiday_on(cal, D(1949, 4, 30)), JBW_HOLIDAY_KONINGSDAG);
    jbw_calendar_free(cal);
}

static void test_queens_day_on_31_august_until_1948(void **state)
{
    jbw_calendar *cal = default_calendar();
    (void)state;
    /* 1947: 1 Jan a Wednesday, 31 August is 242 days later (242 % 7 = 4),
     * a Sunday: moved to Monday 1 September. */
    assert_int_equal(jbw_date_weekday(D(1947, 8, 31)), 7);
    assert_int_equal(holiday_on(cal, D(1947, 9, 1)), JBW_HOLIDAY_KONINGSDAG);
    assert_int_equal(holiday_on(cal, D(1947, 8, 31)), JBW_HOLIDAY_NONE);
    assert_int_equal(is_workday(cal, D(1947, 9, 1)), 0);
    /* 1948: 1 Jan a Thursday, leap year, 31 August is 243 days later
     * (243 % 7 = 5): a Tuesday, held that day. */
    assert_int_equal(holiday_on(cal, D(1948, 8, 31)), JBW_HOLIDAY_KONINGSDAG);
    assert_int_equal(holiday_on(cal, D(1948, 4, 30)), JBW_HOLIDAY_NONE);
    /* 1900 is in the 31 August era as well. */
    assert_int_equal(holiday_on(cal, D(1900, 8, 31)), JBW_HOLIDAY_KONINGSDAG);
    jbw_calendar_free(cal);
}

/* ---- Bevrijdingsdag and Goede Vrijdag options ----------------------- */

static void test_bevrijdingsdag_options(void **state)
{
    jbw_calendar *every = default_calendar();
    jbw_calendar *lustrum = new_calendar(0, JBW_LIBERATION_LUSTRUM);
    jbw_calendar *never = new_calendar(0, JBW_LIBERATION_NEVER);
    (void)state;
    /* 5 May 2026: 1 Jan Thursday + 124 days (124 % 7 = 5) = a Tuesday. */
    assert_int_equal(jbw_date_weekday(D(2026, 5, 5)), 2);
    /* CAO Jeugdzorg: off every year. */
    assert_int_equal(is_workday(every, D(2026, 5, 5)), 0);
    assert_int_equal(holiday_on(every, D(2026, 5, 5)),
                     JBW_HOLIDAY_BEVRIJDINGSDAG);
    /* Lustrum only: 2026 is not divisible by 5, so a working day. */
    assert_int_equal(is_workday(lustrum, D(2026, 5, 5)), 1);
    assert_int_equal(holiday_on(lustrum, D(2026, 5, 5)), JBW_HOLIDAY_NONE);
    /* 2025 is a lustrum year; 5 May 2025 is a Monday. */
    assert_int_equal(jbw_date_weekday(D(2025, 5, 5)), 1);
    assert_int_equal(is_workday(lustrum, D(2025, 5, 5)), 0);
    assert_int_equal(holiday_on(lustrum, D(2025, 5, 5)),
                     JBW_HOLIDAY_BEVRIJDINGSDAG);
    /* Never: worked in 2025 as well. */
    assert_int_equal(is_workday(never, D(2025, 5, 5)), 1);
    assert_int_equal(holiday_on(never, D(2025, 5, 5)), JBW_HOLIDAY_NONE);
    /* Monday 4 May 2026 -> Friday 8 May 2026: Tue..Fri = 4 days, minus
     * 5 May under the CAO rule = 3; under lustrum 4. */
    assert_int_equal(workdays(every, D(2026, 5, 4), D(2026, 5, 8)), 3);
    assert_int_equal(workdays(lustrum, D(2026, 5, 4), D(2026, 5, 8)), 4);
    jbw_calendar_free(every);
    jbw_calendar_free(lustrum);
    jbw_calendar_free(never);
}

static void test_goede_vrijdag_is_worked_unless_chosen(void **state)
{
    jbw_calendar *cao = default_calendar();
    jbw_calendar *gv = new_calendar(1, JBW_LIBERATION_EVERY_YEAR);
    jbw_calendar *gv2 = new_calendar(42, JBW_LIBERATION_EVERY_YEAR);
    (void)state;
    /* Goede Vrijdag 2025 = Easter 20 April - 2 = Friday 18 April. */
    assert_int_equal(jbw_date_weekday(D(2025, 4, 18)), 5);
    assert_int_equal(is_workday(cao, D(2025, 4, 18)), 1);
    assert_int_equal(holiday_on(cao, D(2025, 4, 18)), JBW_HOLIDAY_NONE);
    assert_int_equal(is_workday(gv, D(2025, 4, 18)), 0);
    assert_int_equal(holiday_on(gv, D(2025, 4, 18)), JBW_HOLIDAY_GOEDE_VRIJDAG);
    /* Any non-zero value switches it on. */
    assert_int_equal(holiday_on(gv2, D(2025, 4, 18)),
                     JBW_HOLIDAY_GOEDE_VRIJDAG);
    /* Thursday 17 April -> Tuesday 22 April 2025: Fri 18, Mon 21 (Tweede
     * Paasdag, off), Tue 22 -> 2 under the CAO, 1 with Goede Vrijdag off. */
    assert_int_equal(workdays(cao, D(2025, 4, 17), D(2025, 4, 22)), 2);
    assert_int_equal(workdays(gv, D(2025, 4, 17), D(2025, 4, 22)), 1);
    jbw_calendar_free(cao);
    jbw_calendar_free(gv);
    jbw_calendar_free(gv2);
}

static void test_coinciding_holidays_give_one_entry(void **state)
{
    jbw_calendar *cal = default_calendar();
    jbw_holiday list[32];
    size_t n = 0;
    (void)state;
    /* 2016: Easter 27 March, Hemelvaartsdag 27 March + 39 = 5 May, which
     * is also Bevrijdingsdag; reported as Hemelvaartsdag. */
    assert_int_equal(holiday_on(cal, D(2016, 5, 5)),
                     JBW_HOLIDAY_HEMELVAARTSDAG);
    /* 2016 list: 1 Jan, 27 + 28 March, 27 April, 5 May, 15 + 16 May,
     * 25 + 26 December = 9 entries. */
    assert_ok(jbw_calendar_holidays(list, 32, &n, cal, 2016));
    assert_int_equal(n, 9);
    jbw_calendar_free(cal);
}

/* ---- counting werkdagen ---------------------------------------------- */

static void test_monday_to_next_monday_is_five_werkdagen(void **state)
{
    jbw_calendar *cal = default_calendar();
    (void)state;
    /* 2025-09-01 and 2025-09-08 are Mondays; Tue..Fri + Mon = 5. */
    assert_int_equal(workdays(cal, D(2025, 9, 1), D(2025, 9, 8)), 5);
    assert_int_equal(workdays(cal, D(2025, 9, 1), D(2025, 9, 1)), 0);
    /* Monday -> Tuesday is 1; Friday 5 Sept -> Sunday 7 Sept is 0. */
    assert_int_equal(workdays(cal, D(2025, 9, 1), D(2025, 9, 2)), 1);
    assert_int_equal(workdays(cal, D(2025, 9, 5), D(2025, 9, 7)), 0);
    /* Saturday -> Monday is 1 (the Monday). */
    assert_int_equal(workdays(cal, D(2025, 9, 6), D(2025, 9, 8)), 1);
    jbw_calendar_free(cal);
}

static void test_werkdagen_over_christmas_and_new_year(void **state)
{
    jbw_calendar *cal = default_calendar();
    (void)state;
    /* Friday 19 December 2025 (Christmas is a Thursday) -> Friday
     * 2 January 2026. Days d with 19 Dec < d <= 2 Jan:
     *   20, 21 weekend; 22, 23, 24 worked (3); 25, 26 Christmas;
     *   27, 28 weekend; 29, 30, 31 worked (3); 1 Jan Nieuwjaarsdag;
     *   2 Jan worked (1). Total 7. */
    assert_int_equal(jbw_date_weekday(D(2025, 12, 19)), 5);
    assert_int_equal(workdays(cal, D(2025, 12, 19), D(2026, 1, 2)), 7);
    /* Negative direction: minus the same count. */
    assert_int_equal(workdays(cal, D(2026, 1, 2), D(2025, 12, 19)), -7);
    /* 2022: Christmas on a Sunday gives no extra day. Friday 23 Dec ->
     * Friday 30 Dec 2022: Mon 26 off, 27..30 worked = 4. */
    assert_int_equal(jbw_date_weekday(D(2022, 12, 25)), 7);
    assert_int_equal(workdays(cal, D(2022, 12, 23), D(2022, 12, 30)), 4);
    jbw_calendar_free(cal);
}

static void test_werkdagen_over_the_whole_range_match_is_workday(void **state)
{
    /* Summing is_workday day by day must give the O(1) count, for the
     * default calendar and one with every option changed. */
    jbw_calendar *cals[2];
    int c;
    (void)state;
    cals[0] = default_calendar();
    cals[1] = new_calendar(1, JBW_LIBERATION_LUSTRUM);
    for (c = 0; c < 2; c++) {
        jbw_date first = D(1900, 1, 1), last = D(2199, 12, 31), d;
        int32_t sum = 0;
        for (d = first + 1; d <= last; d++)
            sum += is_workday(cals[c], d);
        assert_int_equal(workdays(cals[c], first, last), sum);
        assert_int_equal(workdays(cals[c], last, first), -sum);
        /* Five working days a week at most: 109572 days / 7 * 5 ≈ 78266. */
        assert_true(sum < 78266);
        assert_true(sum > 78266 - 300 * 11);
        jbw_calendar_free(cals[c]);
    }
}

static void test_workdays_between_range_and_null(void **state)
{
    jbw_calendar *cal = default_calendar();
    int32_t n = 4242;
    (void)state;
    assert_status(jbw_calendar_workdays_between(&n, cal, D(1900, 1, 1) - 1,
                                                D(2025, 1, 1)),
                  JBW_ERANGE);
    assert_error_contains("from");
    assert_status(jbw_calendar_workdays_between(&n, cal, D(2025, 1, 1),
                                                D(2199, 12, 31) + 1),
                  JBW_ERANGE);
    assert_error_contains("to");
    assert_status(
        jbw_calendar_workdays_between(&n, cal, JBW_DATE_NONE, D(2025, 1, 1)),
        JBW_ERANGE);
    assert_error_contains("JBW_DATE_NONE");
    assert_status(
        jbw_calendar_workdays_between(NULL, cal, D(2025, 1, 1), D(2025, 1, 2)),
        JBW_EINVAL);
    assert_error_contains("out is NULL");
    assert_status(
        jbw_calendar_workdays_between(&n, NULL, D(2025, 1, 1), D(2025, 1, 2)),
        JBW_EINVAL);
    assert_error_contains("cal is NULL");
    assert_int_equal(n, 4242);
    /* The range ends themselves are fine: 1900-01-01 (Monday,
     * Nieuwjaarsdag) -> Friday 5 January 1900 = Tue..Fri = 4. */
    assert_int_equal(workdays(cal, D(1900, 1, 1), D(1900, 1, 5)), 4);
    jbw_calendar_free(cal);
}

static void test_is_workday_and_holiday_check_arguments(void **state)
{
    jbw_calendar *cal = default_calendar();
    int w = 4242;
    jbw_holiday_kind k = (jbw_holiday_kind)77;
    (void)state;
    assert_status(jbw_calendar_is_workday(&w, cal, JBW_DATE_NONE), JBW_ERANGE);
    assert_status(jbw_calendar_is_workday(&w, cal, D(2199, 12, 31) + 1),
                  JBW_ERANGE);
    assert_status(jbw_calendar_is_workday(NULL, cal, D(2025, 1, 1)),
                  JBW_EINVAL);
    assert_error_contains("out is NULL");
    assert_status(jbw_calendar_is_workday(&w, NULL, D(2025, 1, 1)), JBW_EINVAL);
    assert_error_contains("cal is NULL");
    assert_int_equal(w, 4242);
    assert_status(jbw_calendar_holiday(&k, cal, D(1900, 1, 1) - 1), JBW_ERANGE);
    assert_status(jbw_calendar_holiday(NULL, cal, D(2025, 1, 1)), JBW_EINVAL);
    assert_status(jbw_calendar_holiday(&k, NULL, D(2025, 1, 1)), JBW_EINVAL);
    assert_int_equal(k, 77);
    /* 1 January 1900, a Monday, is Nieuwjaarsdag. */
    assert_int_equal(holiday_on(cal, D(1900, 1, 1)), JBW_HOLIDAY_NIEUWJAARSDAG);
    assert_int_equal(is_workday(cal, D(1900, 1, 1)), 0);
    /* 31 December 2199, a Tuesday, is worked. */
    assert_int_equal(is_workday(cal, D(2199, 12, 31)), 1);
    jbw_calendar_free(cal);
}

/* ---- closures -------------------------------------------------------- */

static void test_closure_day_is_not_worked(void **state)
{
    jbw_calendar *cal = default_calendar();
    jbw_holiday list[32];
    size_t n = 0;
    (void)state;
    /* Closing Wednesday 24 December 2025 takes one day off the 7 between
     * 19 December and 2 January. */
    assert_ok(jbw_calendar_add_closure(cal, D(2025, 12, 24)));
    assert_int_equal(is_workday(cal, D(2025, 12, 24)), 0);
    assert_int_equal(holiday_on(cal, D(2025, 12, 24)), JBW_HOLIDAY_CLOSURE);
    assert_int_equal(workdays(cal, D(2025, 12, 19), D(2026, 1, 2)), 6);
    /* Counts entirely after the closure are unchanged: Mon 29 Dec ->
     * Mon 5 Jan 2026 = 30, 31, 2, 5 = 4. */
    assert_int_equal(workdays(cal, D(2025, 12, 29), D(2026, 1, 5)), 4);
    /* Closing it again, a Saturday, or a holiday changes nothing. */
    assert_ok(jbw_calendar_add_closure(cal, D(2025, 12, 24)));
    assert_ok(jbw_calendar_add_closure(cal, D(2025, 12, 20)));
    assert_ok(jbw_calendar_add_closure(cal, D(2025, 12, 25)));
    assert_int_equal(holiday_on(cal, D(2025, 12, 20)), JBW_HOLIDAY_NONE);
    assert_int_equal(holiday_on(cal, D(2025, 12, 25)),
                     JBW_HOLIDAY_EERSTE_KERSTDAG);
    assert_int_equal(workdays(cal, D(2025, 12, 19), D(2026, 1, 2)), 6);
    /* The 2025 list grows from 10 to 11 (see the holidays test). */
    assert_ok(jbw_calendar_holidays(list, 32, &n, cal, 2025));
    assert_int_equal(n, 11);
    assert_int_equal(list[8].date, D(2025, 12, 24));
    assert_int_equal(list[8].kind, JBW_HOLIDAY_CLOSURE);
    /* Range ends can be closed; one day past them cannot. */
    assert_ok(jbw_calendar_add_closure(cal, D(2199, 12, 31)));
    assert_int_equal(is_workday(cal, D(2199, 12, 31)), 0);
    assert_status(jbw_calendar_add_closure(cal, D(2199, 12, 31) + 1),
                  JBW_ERANGE);
    assert_error_contains("outside");
    assert_status(jbw_calendar_add_closure(cal, JBW_DATE_NONE), JBW_ERANGE);
    assert_status(jbw_calendar_add_closure(NULL, D(2025, 1, 2)), JBW_EINVAL);
    assert_error_contains("NULL");
    jbw_calendar_free(cal);
}

/* ---- adding werkdagen ------------------------------------------------ */

static void test_add_workdays_zero_is_the_same_day(void **state)
{
    jbw_calendar *cal = default_calendar();
    (void)state;
    assert_int_equal(add_workdays(cal, D(2025, 9, 1), 0), D(2025, 9, 1));
    /* Also when that day is not worked (Saturday 20 December 2025). */
    assert_int_equal(add_workdays(cal, D(2025, 12, 20), 0), D(2025, 12, 20));
    jbw_calendar_free(cal);
}

static void test_add_workdays_forward_skips_holidays(void **state)
{
    jbw_calendar *cal = default_calendar();
    (void)state;
    /* Wed 24 Dec 2025 + 1: 25, 26 Christmas, 27, 28 weekend -> Mon 29. */
    assert_int_equal(add_workdays(cal, D(2025, 12, 24), 1), D(2025, 12, 29));
    /* Wed 31 Dec 2025 + 1: 1 Jan off -> Fri 2 Jan 2026. */
    assert_int_equal(add_workdays(cal, D(2025, 12, 31), 1), D(2026, 1, 2));
    /* Fri 19 Dec + 7 = Fri 2 Jan (the count worked out above). */
    assert_int_equal(add_workdays(cal, D(2025, 12, 19), 7), D(2026, 1, 2));
    /* Saturday 20 Dec + 1 = Monday 22 Dec. */
    assert_int_equal(add_workdays(cal, D(2025, 12, 20), 1), D(2025, 12, 22));
    /* "Within 5 werkdagen" of Monday 1 Sept 2025 ends Monday 8 Sept. */
    assert_int_equal(add_workdays(cal, D(2025, 9, 1), 5), D(2025, 9, 8));
    jbw_calendar_free(cal);
}

static void test_add_workdays_backward_counts_back(void **state)
{
    jbw_calendar *cal = default_calendar();
    (void)state;
    /* Fri 2 Jan 2026 - 1 = Wed 31 Dec (1 Jan is off). */
    assert_int_equal(add_workdays(cal, D(2026, 1, 2), -1), D(2025, 12, 31));
    /* Mon 29 Dec - 1 = Wed 24 Dec (weekend and Christmas skipped). */
    assert_int_equal(add_workdays(cal, D(2025, 12, 29), -1), D(2025, 12, 24));
    /* Fri 2 Jan - 7 = Fri 19 Dec. */
    assert_int_equal(add_workdays(cal, D(2026, 1, 2), -7), D(2025, 12, 19));
    /* From Saturday 20 Dec, -1 is the day D with werkdagen(D, Sat) = 1:
     * that count covers Friday 19, so D = Thursday 18 Dec. */
    assert_int_equal(add_workdays(cal, D(2025, 12, 20), -1), D(2025, 12, 18));
    /* Monday 8 Sept 2025 - 5 = Monday 1 Sept. */
    assert_int_equal(add_workdays(cal, D(2025, 9, 8), -5), D(2025, 9, 1));
    jbw_calendar_free(cal);
}

static void test_add_workdays_past_the_range_is_erange(void **state)
{
    jbw_calendar *cal = default_calendar();
    jbw_date d = 4242;
    (void)state;
    /* 2199-12-31 is the last day: nothing after it. */
    assert_status(jbw_calendar_add_workdays(&d, cal, D(2199, 12, 31), 1),
                  JBW_ERANGE);
    assert_error_contains("2199-12-31");
    /* 1900-01-01 is Nieuwjaarsdag, so one werkdag before Tuesday
     * 2 January 1900 lies before the range; before Wednesday 3 January it
     * is Tuesday 2 January. */
    assert_status(jbw_calendar_add_workdays(&d, cal, D(1900, 1, 2), -1),
                  JBW_ERANGE);
    assert_status(jbw_calendar_add_workdays(&d, cal, D(2025, 1, 1), INT32_MAX),
                  JBW_ERANGE);
    assert_status(jbw_calendar_add_workdays(&d, cal, D(2025, 1, 1), INT32_MIN),
                  JBW_ERANGE);
    assert_status(jbw_calendar_add_workdays(&d, cal, JBW_DATE_NONE, 1),
                  JBW_ERANGE);
    assert_int_equal(d, 4242);
    assert_int_equal(add_workdays(cal, D(1900, 1, 3), -1), D(1900, 1, 2));
    assert_status(jbw_calendar_add_workdays(NULL, cal, D(2025, 1, 1), 1),
                  JBW_EINVAL);
    assert_status(jbw_calendar_add_workdays(&d, NULL, D(2025, 1, 1), 1),
                  JBW_EINVAL);
    assert_error_contains("cal is NULL");
    jbw_calendar_free(cal);
}

static void test_add_workdays_inverts_workdays_between(void **state)
{
    /* For every working day of 2025 and several n, adding n then counting
     * back gives n (the definition in date.h). */
    jbw_calendar *cal = default_calendar();
    jbw_date d;
    int32_t n;
    (void)state;
    for (d = D(2025, 1, 1); d <= D(2025, 12, 31); d++) {
        for (n = -30; n <= 30; n += 7) {
            jbw_date r = add_workdays(cal, d, n);
            assert_int_equal(workdays(cal, d, r), n);
            if (n != 0)
                assert_int_equal(is_workday(cal, r), 1);
        }
    }
    jbw_calendar_free(cal);
}

/* ---- the holiday list ------------------------------------------------ */

static void test_holidays_of_2025_in_date_order(void **state)
{
    jbw_calendar *cal = default_calendar();
    jbw_holiday list[32];
    size_t n = 0;
    /* Worked out by hand from Easter 20 April 2025. */
    const jbw_holiday want[10] = {
        {D(2025, 1, 1), JBW_HOLIDAY_NIEUWJAARSDAG},
        {D(2025, 4, 20), JBW_HOLIDAY_EERSTE_PAASDAG},
        {D(2025, 4, 21), JBW_HOLIDAY_TWEEDE_PAASDAG},
        {D(2025, 4, 26), JBW_HOLIDAY_KONINGSDAG},
        {D(2025, 5, 5), JBW_HOLIDAY_BEVRIJDINGSDAG},
        {D(2025, 5, 29), JBW_HOLIDAY_HEMELVAARTSDAG},
        {D(2025, 6, 8), JBW_HOLIDAY_EERSTE_PINKSTERDAG},
        {D(2025, 6, 9), JBW_HOLIDAY_TWEEDE_PINKSTERDAG},
        {D(2025, 12, 25), JBW_HOLIDAY_EERSTE_KERSTDAG},
        {D(2025, 12, 26), JBW_HOLIDAY_TWEEDE_KERSTDAG},
    };
    size_t i;
    (void)state;
    assert_ok(jbw_calendar_holidays(list, 32, &n, cal, 2025));
    assert_int_equal(n, 10);
    for (i = 0; i < 10; i++) {
        assert_int_equal(list[i].date, want[i].date);
        assert_int_equal(list[i].kind, want[i].kind);
    }
    jbw_calendar_free(cal);
}

static void test_holidays_small_buffer_is_ebuffer(void **state)
{
    jbw_calendar *cal = default_calendar();
    jbw_holiday list[4];
    size_t n = 0;
    (void)state;
    memset(list, 0x5a, sizeof list);
    assert_status(jbw_calendar_holidays(list, 3, &n, cal, 2025), JBW_EBUFFER);
    assert_error_contains("capacity is 3");
    /* The count is still 10, the first 3 are written, the 4th not. */
    assert_int_equal(n, 10);
    assert_int_equal(list[0].date, D(2025, 1, 1));
    assert_int_equal(list[2].date, D(2025, 4, 21));
    assert_int_equal(list[3].date, 0x5a5a5a5a);
    /* Asking for the count only. */
    n = 0;
    assert_status(jbw_calendar_holidays(NULL, 0, &n, cal, 2025), JBW_EBUFFER);
    assert_int_equal(n, 10);
    jbw_calendar_free(cal);
}

static void test_holidays_checks_arguments(void **state)
{
    jbw_calendar *cal = default_calendar();
    jbw_holiday list[32];
    size_t n = 4242;
    (void)state;
    assert_status(jbw_calendar_holidays(list, 32, &n, cal, 1899), JBW_ERANGE);
    assert_error_contains("1899");
    assert_status(jbw_calendar_holidays(list, 32, &n, cal, 2200), JBW_ERANGE);
    assert_status(jbw_calendar_holidays(NULL, 5, &n, cal, 2025), JBW_EINVAL);
    assert_error_contains("out is NULL");
    assert_status(jbw_calendar_holidays(list, 32, &n, NULL, 2025), JBW_EINVAL);
    assert_error_contains("cal is NULL");
    assert_int_equal(n, 4242);
    assert_status(jbw_calendar_holidays(list, 32, NULL, cal, 2025), JBW_EINVAL);
    assert_error_contains("count is NULL");
    jbw_calendar_free(cal);
}

static void test_32_entries_suffice_for_every_year(void **state)
{
    /* With every option on, a year has at most 11 holidays (the 12 kinds
     * but closure, and 5 May sometimes shared with Hemelvaartsdag). */
    jbw_calendar *cal = new_calendar(1, JBW_LIBERATION_EVERY_YEAR);
    jbw_holiday list[32];
    int y;
    (void)state;
    for (y = JBW_YEAR_MIN; y <= JBW_YEAR_MAX; y++) {
        size_t n = 0, i;
        assert_ok(jbw_calendar_holidays(list, 32, &n, cal, y));
        assert_true(n >= 10 && n <= 11);
        for (i = 1; i < n; i++)
            assert_true(list[i - 1].date < list[i].date);
    }
    jbw_calendar_free(cal);
}

static void test_holiday_names_are_dutch(void **state)
{
    (void)state;
    assert_string_equal(jbw_holiday_name(JBW_HOLIDAY_NONE), "");
    assert_string_equal(jbw_holiday_name(JBW_HOLIDAY_NIEUWJAARSDAG),
                        "Nieuwjaarsdag");
    assert_string_equal(jbw_holiday_name(JBW_HOLIDAY_TWEEDE_PAASDAG),
                        "Tweede Paasdag");
    assert_string_equal(jbw_holiday_name(JBW_HOLIDAY_KONINGSDAG), "Koningsdag");
    assert_string_equal(jbw_holiday_name(JBW_HOLIDAY_TWEEDE_KERSTDAG),
                        "Tweede Kerstdag");
    assert_non_null(jbw_holiday_name(JBW_HOLIDAY_CLOSURE));
    assert_null(jbw_holiday_name((jbw_holiday_kind)13));
    assert_null(jbw_holiday_name((jbw_holiday_kind)-1));
}

/* Algemene termijnenwet art. 3 (docs/sources.md): the CAO's days plus
 * Goede Vrijdag. 2025: Easter Sunday 20 April, so Goede Vrijdag is
 * Friday 18 April; 5 May is off every year under both calendars. */
static void test_atw_preset_adds_goede_vrijdag(void **state)
{
    jbw_calendar_options o;
    jbw_calendar *cao = NULL, *atw = NULL;
    jbw_holiday days[32];
    size_t n_cao = 0, n_atw = 0;
    int32_t w_cao = 0, w_atw = 0;
    int work = -1;
    (void)state;
    assert_ok(jbw_calendar_options_preset(&o, JBW_CALENDAR_OPTIONS_VERSION,
                                          JBW_CALENDAR_ATW));
    assert_int_equal(o.good_friday_off, 1);
    assert_int_equal(o.liberation_day, JBW_LIBERATION_EVERY_YEAR);
    assert_ok(jbw_calendar_new(&atw, &o));
    assert_ok(jbw_calendar_options_preset(&o, JBW_CALENDAR_OPTIONS_VERSION,
                                          JBW_CALENDAR_CAO));
    assert_int_equal(o.good_friday_off, 0);
    assert_ok(jbw_calendar_new(&cao, &o));
    assert_ok(jbw_calendar_is_workday(&work, atw, D(2025, 4, 18)));
    assert_int_equal(work, 0);
    assert_ok(jbw_calendar_is_workday(&work, cao, D(2025, 4, 18)));
    assert_int_equal(work, 1);
    assert_ok(jbw_calendar_is_workday(&work, atw, D(2026, 5, 5)));
    assert_int_equal(work, 0); /* 5 May 2026, a Tuesday, not a lustrum */
    /* 2025 lists: CAO 10 (with Eerste Paas- and Pinksterdag), Atw 11 */
    assert_ok(jbw_calendar_holidays(days, 32, &n_cao, cao, 2025));
    assert_ok(jbw_calendar_holidays(days, 32, &n_atw, atw, 2025));
    assert_int_equal(n_atw, n_cao + 1);
    /* Mon 14 Apr to Fri 25 Apr 2025: 15, 16, 17, 18, 22, 23, 24, 25 are
     * weekdays after the start (21 April is Tweede Paasdag): 8 under the
     * CAO, 7 under the Atw (18 April off). */
    assert_ok(jbw_calendar_workdays_between(&w_cao, cao, D(2025, 4, 14),
                                            D(2025, 4, 25)));
    assert_ok(jbw_calendar_workdays_between(&w_atw, atw, D(2025, 4, 14),
                                            D(2025, 4, 25)));
    assert_int_equal(w_cao, 8);
    assert_int_equal(w_atw, 7);
    jbw_calendar_free(cao);
    jbw_calendar_free(atw);
}

static void test_calendar_preset_codes(void **state)
{
    jbw_calendar_preset p = JBW_CALENDAR_CAO;
    jbw_calendar_options o;
    (void)state;
    assert_string_equal(jbw_calendar_preset_code(JBW_CALENDAR_CAO), "cao");
    assert_string_equal(jbw_calendar_preset_code(JBW_CALENDAR_ATW), "atw");
    assert_null(jbw_calendar_preset_code((jbw_calendar_preset)7));
    assert_ok(jbw_calendar_preset_from_code(&p, "atw", (size_t)-1));
    assert_int_equal(p, JBW_CALENDAR_ATW);
    assert_ok(jbw_calendar_preset_from_code(&p, "caox", 3));
    assert_int_equal(p, JBW_CALENDAR_CAO);
    assert_status(jbw_calendar_preset_from_code(&p, "ATW", (size_t)-1),
                  JBW_EPARSE);
    assert_reason_before_value("not a calendar (expected cao or atw)", "ATW");
    assert_status(jbw_calendar_preset_from_code(NULL, "atw", 3), JBW_EINVAL);
    assert_status(jbw_calendar_options_preset(&o, 99, JBW_CALENDAR_ATW),
                  JBW_EVERSION);
    assert_status(jbw_calendar_options_preset(&o, JBW_CALENDAR_OPTIONS_VERSION,
                                              (jbw_calendar_preset)2),
                  JBW_EINVAL);
    assert_status(jbw_calendar_options_preset(
                      NULL, JBW_CALENDAR_OPTIONS_VERSION, JBW_CALENDAR_ATW),
                  JBW_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_atw_preset_adds_goede_vrijdag),
        cmocka_unit_test(test_calendar_preset_codes),
        cmocka_unit_test(test_epoch_is_day_zero_and_range_ends),
        cmocka_unit_test(test_ymd_round_trip_counts_every_day_of_the_range),
        cmocka_unit_test(test_from_ymd_rejects_days_that_do_not_exist),
        cmocka_unit_test(test_years_outside_1900_2199_are_out_of_range),
        cmocka_unit_test(test_weekday_is_iso_monday_one),
        cmocka_unit_test(test_parse_accepts_iso_and_dutch_forms),
        cmocka_unit_test(test_parse_rejects_days_that_do_not_exist),
        cmocka_unit_test(test_parse_rejects_other_forms),
        cmocka_unit_test(test_parse_years_outside_the_range_are_erange),
        cmocka_unit_test(test_parse_gives_the_reason_before_the_value),
        cmocka_unit_test(test_parse_quotes_huge_input_briefly),
        cmocka_unit_test(test_parse_null_arguments_are_einval),
        cmocka_unit_test(test_parse_iso_takes_only_yyyy_mm_dd),
        cmocka_unit_test(test_format_writes_iso_and_round_trips),
        cmocka_unit_test(test_format_errors_leave_the_buffer_alone),
        cmocka_unit_test(test_add_months_clamps_to_the_end_of_the_month),
        cmocka_unit_test(test_add_months_out_of_range_is_erange),
        cmocka_unit_test(test_tenure_counts_whole_months_from_the_hire_date),
        cmocka_unit_test(test_months_between_is_negative_backwards),
        cmocka_unit_test(test_age_counts_whole_years),
        cmocka_unit_test(test_between_functions_check_their_arguments),
        cmocka_unit_test(
            test_options_init_gives_cao_defaults_and_checks_version),
        cmocka_unit_test(test_calendar_new_survives_each_failed_allocation),
        cmocka_unit_test(test_easter_matches_the_published_dates),
        cmocka_unit_test(test_every_year_has_easter_on_a_sunday),
        cmocka_unit_test(test_movable_feasts_follow_easter),
        cmocka_unit_test(
            test_koningsdag_moves_to_saturday_when_27_april_is_sunday),
        cmocka_unit_test(test_koninginnedag_history),
        cmocka_unit_test(test_queens_day_on_31_august_until_1948),
        cmocka_unit_test(test_bevrijdingsdag_options),
        cmocka_unit_test(test_goede_vrijdag_is_worked_unless_chosen),
        cmocka_unit_test(test_coinciding_holidays_give_one_entry),
        cmocka_unit_test(test_monday_to_next_monday_is_five_werkdagen),
        cmocka_unit_test(test_werkdagen_over_christmas_and_new_year),
        cmocka_unit_test(test_werkdagen_over_the_whole_range_match_is_workday),
        cmocka_unit_test(test_workdays_between_range_and_null),
        cmocka_unit_test(test_is_workday_and_holiday_check_arguments),
        cmocka_unit_test(test_closure_day_is_not_worked),
        cmocka_unit_test(test_add_workdays_zero_is_the_same_day),
        cmocka_unit_test(test_add_workdays_forward_skips_holidays),
        cmocka_unit_test(test_add_workdays_backward_counts_back),
        cmocka_unit_test(test_add_workdays_past_the_range_is_erange),
        cmocka_unit_test(test_add_workdays_inverts_workdays_between),
        cmocka_unit_test(test_holidays_of_2025_in_date_order),
        cmocka_unit_test(test_holidays_small_buffer_is_ebuffer),
        cmocka_unit_test(test_holidays_checks_arguments),
        cmocka_unit_test(test_32_entries_suffice_for_every_year),
        cmocka_unit_test(test_holiday_names_are_dutch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
