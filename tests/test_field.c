/*
 * Tests of the fast path of the date fields (lib/io/field.c,
 * lib/io/io_internal.h) and of the exact date reader (lib/data/date.c,
 * lib/data/date_internal.h) against the general paths and against a
 * reference written here from the rules of docs/formats.md:
 *
 *  - jbw__date_iso_exact() and jbw__date_parse_exact() against a plain
 *    reference reader (digits one by one, the Gregorian leap rule,
 *    jbw__days_from_civil()) and jbw_date_parse(), on every day of
 *    1900-01-01..2199-12-31 as YYYY-MM-DD, D-M-YYYY and DD-MM-YYYY, and on
 *    malformed texts: every byte value at every position, 29 February of
 *    common years, month 00 and 13, day 00 and 32 and one past a month's
 *    end, years 1899 and 2200, cut and lengthened texts, spaces around;
 *  - jbw__io_date() (inline: empty, YYYY-MM-DD) against
 *    jbw__io_date_other() (all forms and the errors): the same status,
 *    value and message for all those texts as a field, and the messages
 *    as written by hand.
 *
 * Every field is copied into a heap block of exactly its length, so that
 * a read past its end shows under valgrind and ASan. Linked with the
 * library's objects: the readers are internal. All data is synthetic.
 */
#include "jbw_test.h"

#include "io/io_internal.h"

/* ---- a one-field CSV record ------------------------------------------- */

/* A reader holding one record of one field named `name`, line 2 of
 * test.csv, the field's text set by set_field(). */
typedef struct field_rec {
    jbw__csv c;
    const char *ptrs[1];
    size_t lens[1];
    size_t name_offs[1];
    char names[32];
    char *block; /* the field's text: a heap block of exactly its length */
} field_rec;

static void rec_init(field_rec *r, const char *name)
{
    memset(r, 0, sizeof *r);
    snprintf(r->names, sizeof r->names, "%s", name);
    r->c.source = "test.csv";
    r->c.delim = ',';
    r->c.line = r->c.record_line = 2;
    r->c.ptrs = r->ptrs;
    r->c.lens = r->lens;
    r->c.count = 1;
    r->c.names = r->names;
    r->c.name_offs = r->name_offs;
    r->c.name_count = 1;
}

static void set_field(field_rec *r, const char *s, size_t n)
{
    free(r->block);
    r->block = malloc(n ? n : 1);
    assert_non_null(r->block);
    if (n)
        memcpy(r->block, s, n);
    r->ptrs[0] = r->block;
    r->lens[0] = n;
}

static void rec_free(field_rec *r)
{
    free(r->block);
    r->block = NULL;
}

/* A copy of the thread's detail, which the next call may overwrite. */
static void keep_detail(char *dst, size_t size)
{
    snprintf(dst, size, "%s", jbw_last_error());
}

/* ---- the reference date reader ----------------------------------------- */

static int ref_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int ref_month_len(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ref_leap(y) ? 29 : len[m - 1];
}

/* Digits s[at..at+k) as a number, or -1 when one is not a digit. */
static int ref_digits(const char *s, size_t at, size_t k)
{
    int v = 0;
    size_t i;
    for (i = at; i < at + k; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int ref_ymd(int32_t *out, int y, int m, int d)
{
    if (y < 0 || m < 0 || d < 0 || y < JBW_YEAR_MIN || y > JBW_YEAR_MAX ||
        m < 1 || m > 12 || d < 1 || d > ref_month_len(y, m))
        return 0;
    *out = jbw__days_from_civil(y, m, d);
    return 1;
}

/* YYYY-MM-DD exactly, naming a day in range. */
static int ref_iso(int32_t *out, const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    return ref_ymd(out, ref_digits(s, 0, 4), ref_digits(s, 5, 2),
                   ref_digits(s, 8, 2));
}

/* YYYY-MM-DD, or D-M-YYYY with one or two digits for day and month. */
static int ref_exact(int32_t *out, const char *s, size_t n)
{
    size_t dl, ml;
    if (n == 10 && s[4] == '-')
        return ref_iso(out, s, n);
    for (dl = 1; dl <= 2; dl++)
        for (ml = 1; ml <= 2; ml++)
            if (n == dl + ml + 6 && s[dl] == '-' && s[dl + ml + 1] == '-')
                return ref_ymd(out, ref_digits(s, dl + ml + 2, 4),
                               ref_digits(s, dl + 1, ml), ref_digits(s, 0, dl));
    return 0;
}

/* ---- one date text through every reader -------------------------------- */

static long texts_checked, texts_accepted;

static void check_date_text(field_rec *r, const char *s, size_t n)
{
    int32_t want = 0, got = 0, fast = 0, slow = 0;
    int ok = ref_exact(&want, s, n), blank = 0, required;
    char fast_msg[512], slow_msg[512];
    size_t i;
    for (i = 0; i < n; i++)
        blank |= s[i] == ' ' || s[i] == '\t';
    texts_checked++;
    texts_accepted += ok;
    set_field(r, s, n);
    if (n == 10) {
        int hit = jbw__date_iso_exact(&got, r->block);
        int32_t iso = 0;
        int iso_ok = ref_iso(&iso, s, n);
        if (hit != iso_ok || (hit && got != iso)) {
            print_error("'%.*s': iso_exact %d (%ld), reference %d (%ld)\n",
                        (int)n, s, hit, (long)got, iso_ok, (long)iso);
            fail();
        }
    }
    got = 0;
    if (jbw__date_parse_exact(&got, r->block, n) != ok || (ok && got != want)) {
        print_error("'%.*s': parse_exact %ld, reference %d (%ld)\n", (int)n, s,
                    (long)got, ok, (long)want);
        fail();
    }
    /* jbw_date_parse() reads what the reference reads and, without
     * blanks around, nothing else */
    got = 0;
    if (ok) {
        assert_ok(jbw_date_parse(&got, r->block, n));
        assert_int_equal(got, want);
    } else if (!blank && jbw_date_parse(&got, r->block, n) == JBW_OK) {
        print_error("'%.*s': jbw_date_parse accepts it\n", (int)n, s);
        fail();
    }
    /* as a field: the inline reader against the general one */
    for (required = 0; required <= 1; required++) {
        jbw_status a, b;
        fast = slow = 12345;
        jbw__error(JBW_OK, "stale");
        a = jbw__io_date(&fast, &r->c, 0, required);
        keep_detail(fast_msg, sizeof fast_msg);
        jbw__error(JBW_OK, "stale");
        b = jbw__io_date_other(&slow, &r->c, 0, required);
        keep_detail(slow_msg, sizeof slow_msg);
        if (a != b || fast != slow ||
            (a != JBW_OK && strcmp(fast_msg, slow_msg) != 0)) {
            print_error("'%.*s' (required %d): io_date %d %ld '%s', "
                        "io_date_other %d %ld '%s'\n",
                        (int)n, s, required, (int)a, (long)fast, fast_msg,
                        (int)b, (long)slow, slow_msg);
            fail();
        }
        if (ok && (a != JBW_OK || fast != want)) {
            print_error("'%.*s': io_date %d %ld, want %ld\n", (int)n, s, (int)a,
                        (long)fast, (long)want);
            fail();
        }
    }
}

static void check_date_str(field_rec *r, const char *s)
{
    check_date_text(r, s, strlen(s));
}

/* ---- dates ------------------------------------------------------------- */

/* Every day of the range in the three forms; each is read as that day. */
static void test_every_day(void **state)
{
    field_rec r;
    int32_t z;
    char iso[16], dm[16], ddmm[16];
    (void)state;
    rec_init(&r, "start");
    texts_checked = texts_accepted = 0;
    for (z = JBW__DAY_MIN; z <= JBW__DAY_MAX; z++) {
        int y, m, d;
        int32_t back = 0;
        jbw__date_iso(iso, z);
        jbw__civil_from_days(z, &y, &m, &d);
        snprintf(dm, sizeof dm, "%d-%d-%04d", d, m, y);
        snprintf(ddmm, sizeof ddmm, "%02d-%02d-%04d", d, m, y);
        check_date_str(&r, iso);
        check_date_str(&r, dm);
        check_date_str(&r, ddmm);
        assert_int_equal(jbw__date_iso_exact(&back, iso), 1);
        assert_int_equal(back, z);
    }
    /* 300 years of 365 days and 73 leap days (1904..2196 but 2100), each
     * in three forms, all of them read */
    assert_int_equal(300 * 365 + 73, JBW__DAY_COUNT);
    assert_int_equal(texts_accepted, 3 * (long)JBW__DAY_COUNT);
    assert_int_equal(texts_checked, 3 * (long)JBW__DAY_COUNT);
    rec_free(&r);
}

/* The edges, by hand: the range, leap years, month ends. */
static void test_date_edges(void **state)
{
    static const struct {
        const char *text;
        long day; /* days since 1970-01-01; -1: refused */
    } cases[] = {
        {"1900-01-01", -25567}, {"2199-12-31", 84005}, {"1970-01-01", 0},
        {"2000-02-29", 11016},  {"2000-03-01", 11017}, {"1904-02-29", -24048},
        {"2196-02-29", 82604},  {"2100-02-28", 47540}, {"2100-03-01", 47541},
        {"2101-01-01", 47847},  {"1900-02-29", -1},    {"2100-02-29", -1},
        {"2001-02-29", -1},     {"2025-02-29", -1},    {"1899-12-31", -1},
        {"2200-01-01", -1},     {"0000-01-01", -1},    {"9999-12-31", -1},
        {"2024-00-10", -1},     {"2024-13-10", -1},    {"2024-01-00", -1},
        {"2024-01-32", -1},     {"2024-04-31", -1},    {"2024-06-31", -1},
        {"2024-09-31", -1},     {"2024-11-31", -1},    {"2024/01/10", -1},
        {"2024.01.10", -1},     {"2024-01/10", -1},    {"2024_01-10", -1},
        {"2024-1-10", -1},      {"2024-01-1", -1},     {"2024-01-100", -1},
        {"12024-01-10", -1},    {" 2024-01-10", -1},   {"2024-01-10 ", -1},
        {"31-12-2024", 20088},  {"1-1-1900", -25567},  {"29-2-2100", -1},
        {"29-02-1900", -1},     {"9-9-2024", 19975},   {"09-9-2024", 19975},
        {"9-09-2024", 19975},   {"0-1-2024", -1},      {"1-0-2024", -1},
        {"32-1-2024", -1},      {"1-13-2024", -1},     {"1-1-24", -1},
        {"1-1-02024", -1},      {"001-1-2024", -1},
    };
    field_rec r;
    size_t i;
    (void)state;
    rec_init(&r, "start");
    check_date_text(&r, "", 0);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].text;
        int32_t got = 0;
        int hit = jbw__date_parse_exact(&got, s, strlen(s));
        if (hit != (cases[i].day != -1) || (hit && got != cases[i].day)) {
            print_error("'%s': parse_exact %d (%ld), want %ld\n", s, hit,
                        (long)got, cases[i].day);
            fail();
        }
        check_date_str(&r, s);
    }
    rec_free(&r);
}

/* Every byte value at every position of dates of the edge years and
 * months, as YYYY-MM-DD and DD-MM-YYYY; and the texts one shorter, one
 * longer and with blanks around. */
static void test_date_bytes(void **state)
{
    static const char *const base[] = {
        "1900-01-01", "1900-02-28", "1900-12-31", "1904-02-29",
        "1969-12-31", "1999-09-09", "2000-02-29", "2024-10-20",
        "2099-12-31", "2100-02-28", "2100-03-01", "2199-12-31",
        "01-01-1900", "29-02-2000", "31-12-2199", "28-02-2100"};
    field_rec r;
    size_t b, i;
    int v;
    char s[16];
    (void)state;
    rec_init(&r, "start");
    for (b = 0; b < sizeof base / sizeof base[0]; b++) {
        for (i = 0; i < 10; i++)
            for (v = 0; v < 256; v++) {
                memcpy(s, base[b], 10);
                s[i] = (char)v;
                check_date_text(&r, s, 10);
            }
        memcpy(s, base[b], 10);
        check_date_text(&r, s, 9);
        check_date_text(&r, s + 1, 9);
        for (v = 0; v < 256; v++) {
            memcpy(s, base[b], 10);
            s[10] = (char)v;
            check_date_text(&r, s, 11);
            s[0] = (char)v;
            memcpy(s + 1, base[b], 10);
            check_date_text(&r, s, 11);
        }
        snprintf(s, sizeof s, " %s ", base[b]);
        check_date_text(&r, s, 12);
        snprintf(s, sizeof s, "\t%s", base[b]);
        check_date_text(&r, s, 11);
        snprintf(s, sizeof s, "%s 0:00", base[b]);
        check_date_text(&r, s, strlen(s));
    }
    rec_free(&r);
}

/* 29 February, day 0, day 32, month 0 and 13 of every year in range and
 * the years around it, as YYYY-MM-DD; the last day of every month of
 * every year and the day after it. */
static void test_date_every_year(void **state)
{
    field_rec r;
    int y, m;
    char s[64];
    (void)state;
    rec_init(&r, "start");
    for (y = JBW_YEAR_MIN - 2; y <= JBW_YEAR_MAX + 2; y++) {
        snprintf(s, sizeof s, "%04d-02-29", y);
        check_date_text(&r, s, 10);
        snprintf(s, sizeof s, "%04d-00-10", y);
        check_date_text(&r, s, 10);
        snprintf(s, sizeof s, "%04d-13-10", y);
        check_date_text(&r, s, 10);
        snprintf(s, sizeof s, "29-2-%04d", y);
        check_date_text(&r, s, 9);
        for (m = 1; m <= 12; m++) {
            int last = y >= 1 ? ref_month_len(y, m) : 31;
            snprintf(s, sizeof s, "%04d-%02d-00", y, m);
            check_date_text(&r, s, 10);
            snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, last);
            check_date_text(&r, s, 10);
            snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, last + 1);
            check_date_text(&r, s, 10);
            snprintf(s, sizeof s, "%04d-%02d-32", y, m);
            check_date_text(&r, s, 10);
        }
    }
    rec_free(&r);
}

/* The messages of refused dates, as written by hand. */
static void test_date_messages(void **state)
{
    field_rec r;
    jbw_date d = 0;
    (void)state;
    rec_init(&r, "start");
    set_field(&r, "", 0);
    assert_status(jbw__io_date(&d, &r.c, 0, 1), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'start': a date is required");
    assert_ok(jbw__io_date(&d, &r.c, 0, 0));
    assert_int_equal(d, JBW_DATE_NONE);
    assert_status(jbw__io_date(&d, &r.c, JBW__CSV_ABSENT, 1), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2: a date is required");
    d = 0;
    assert_ok(jbw__io_date(&d, &r.c, JBW__CSV_ABSENT, 0));
    assert_int_equal(d, JBW_DATE_NONE);
    set_field(&r, "2100-02-29", 10);
    assert_status(jbw__io_date(&d, &r.c, 0, 0), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'start': not a date, "
                        "February 2100 has 28 days: '2100-02-29'");
    set_field(&r, "2024-13-01", 10);
    assert_status(jbw__io_date(&d, &r.c, 0, 0), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'start': not a date, "
                        "month 13 does not exist: '2024-13-01'");
    set_field(&r, "2200-01-01", 10);
    assert_status(jbw__io_date(&d, &r.c, 0, 0), JBW_ERANGE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'start': year 2200 is "
                        "outside the supported 1900..2199: '2200-01-01'");
    set_field(&r, "2024:01-01", 10);
    assert_status(jbw__io_date(&d, &r.c, 0, 0), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "test.csv line 2, column 'start': not a date "
                        "(expected YYYY-MM-DD, D-M-YYYY or DD-MM-YYYY): "
                        "'2024:01-01'");
    set_field(&r, "2024-01-01 00:00", 16);
    assert_ok(jbw__io_date(&d, &r.c, 0, 0));
    assert_int_equal(d, 19723);
    rec_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_day),
        cmocka_unit_test(test_date_edges),
        cmocka_unit_test(test_date_bytes),
        cmocka_unit_test(test_date_every_year),
        cmocka_unit_test(test_date_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
