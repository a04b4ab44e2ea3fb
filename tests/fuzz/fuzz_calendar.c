/*
 * Fuzzes the date arithmetic and the working-day calendar with raw
 * integers, including values near the int32 limits. Input layout
 * (little-endian, missing bytes read as 0):
 *   byte 0       options: bit 0 Goede Vrijdag off, bits 1-2 the
 *                Bevrijdingsdag rule (3 = an invalid value), bit 3 map
 *                the dates into the supported range, bits 4 and 5 both
 *                set: add the closures
 *   bytes 1-4    date a        bytes 5-8    date b
 *   bytes 9-12   n werkdagen   bytes 13-16  months
 *   then up to 4 closure dates of 4 bytes each.
 * Properties: results lie in the range or the call returns ERANGE (never
 * a wrapped value); add_workdays and workdays_between agree; werkdagen
 * counts are antisymmetric and additive; add_months and months_between
 * agree.
 */
#include "fuzz_util.h"

#define RANGE_FIRST (-25567) /* 1900-01-01, days since 1970-01-01 */
#define RANGE_LAST  84005    /* 2199-12-31 */

static int32_t read_i32(const uint8_t *data, size_t size, size_t at)
{
    uint32_t v = 0;
    size_t i;
    for (i = 0; i < 4; i++)
        if (at + i < size)
            v |= (uint32_t)data[at + i] << (8 * i);
    return (int32_t)v;
}

static jbw_date map_date(int32_t raw)
{
    int64_t span = (int64_t)RANGE_LAST - RANGE_FIRST + 1;
    int64_t off = ((int64_t)raw % span + span) % span;
    return (jbw_date)(RANGE_FIRST + off);
}

static int in_range(jbw_date d)
{
    return d >= RANGE_FIRST && d <= RANGE_LAST;
}

static void check_workdays(const jbw_calendar *cal, jbw_date a, jbw_date b,
                           int32_t n)
{
    jbw_date r = 777;
    int32_t ab = 0, ba = 0, back = 0;
    jbw_status st = jbw_calendar_add_workdays(&r, cal, a, n);
    if (st == JBW_OK) {
        FUZZ_CHECK(in_range(a) && in_range(r), "add_workdays(%ld, %ld) = %ld",
                   (long)a, (long)n, (long)r);
        FUZZ_CHECK(jbw_calendar_workdays_between(&back, cal, a, r) == JBW_OK,
                   "workdays_between(%ld, %ld)", (long)a, (long)r);
        FUZZ_CHECK(back == n,
                   "add_workdays(%ld, %ld) = %ld, but the count "
                   "back is %ld",
                   (long)a, (long)n, (long)r, (long)back);
        if (n > 0) {
            int wd = 0;
            FUZZ_CHECK(jbw_calendar_is_workday(&wd, cal, r) == JBW_OK && wd,
                       "add_workdays(%ld, %ld) = %ld is no working day",
                       (long)a, (long)n, (long)r);
        }
    } else {
        FUZZ_CHECK(st == JBW_ERANGE, "add_workdays(%ld, %ld) returned %d",
                   (long)a, (long)n, (int)st);
        FUZZ_CHECK(r == 777, "add_workdays wrote its output on failure");
    }

    st = jbw_calendar_workdays_between(&ab, cal, a, b);
    if (in_range(a) && in_range(b)) {
        FUZZ_CHECK(st == JBW_OK, "workdays_between(%ld, %ld) returned %d",
                   (long)a, (long)b, (int)st);
        FUZZ_CHECK(jbw_calendar_workdays_between(&ba, cal, b, a) == JBW_OK,
                   "reverse");
        FUZZ_CHECK(ab == -ba, "werkdagen %ld -> %ld is %ld, back %ld", (long)a,
                   (long)b, (long)ab, (long)ba);
        FUZZ_CHECK((ab >= 0) == (b >= a) || ab == 0, "sign of %ld", (long)ab);
        if (b > RANGE_FIRST) {
            int32_t step = 0, rest = 0;
            int wd = 0;
            FUZZ_CHECK(jbw_calendar_workdays_between(&step, cal, b - 1, b) ==
                               JBW_OK &&
                           jbw_calendar_is_workday(&wd, cal, b) == JBW_OK,
                       "step");
            FUZZ_CHECK(step == wd, "one day to %ld counts %ld, is_workday %d",
                       (long)b, (long)step, wd);
            FUZZ_CHECK(jbw_calendar_workdays_between(&rest, cal, a, b - 1) ==
                           JBW_OK,
                       "rest");
            FUZZ_CHECK(rest + step == ab, "not additive at %ld", (long)b);
        }
    } else {
        FUZZ_CHECK(st == JBW_ERANGE, "workdays_between out of range: %d",
                   (int)st);
    }
}

static void check_months(jbw_date a, jbw_date b, int months)
{
    jbw_date r = 777;
    int32_t mb = 0, yb = 0;
    jbw_status st = jbw_date_add_months(&r, a, months);
    if (st == JBW_OK) {
        FUZZ_CHECK(in_range(a) && in_range(r), "add_months(%ld, %d) = %ld",
                   (long)a, months, (long)r);
        FUZZ_CHECK(jbw_months_between(&mb, a, r) == JBW_OK, "months_between");
        FUZZ_CHECK(mb == months,
                   "add_months(%ld, %d) = %ld, months_between "
                   "gives %ld",
                   (long)a, months, (long)r, (long)mb);
    } else {
        FUZZ_CHECK(st == JBW_ERANGE, "add_months(%ld, %d) returned %d", (long)a,
                   months, (int)st);
        FUZZ_CHECK(r == 777, "add_months wrote its output on failure");
    }
    st = jbw_months_between(&mb, a, b);
    FUZZ_CHECK(st == ((in_range(a) && in_range(b)) ? JBW_OK : JBW_ERANGE),
               "months_between(%ld, %ld) returned %d", (long)a, (long)b,
               (int)st);
    st = jbw_years_between(&yb, a, b);
    FUZZ_CHECK(st == ((in_range(a) && in_range(b)) ? JBW_OK : JBW_ERANGE),
               "years_between(%ld, %ld) returned %d", (long)a, (long)b,
               (int)st);
    if (st == JBW_OK) {
        /* 300 years hold fewer than 3601 months. */
        FUZZ_CHECK(mb >= -3600 && mb <= 3600 && yb >= -300 && yb <= 300,
                   "months %ld years %ld", (long)mb, (long)yb);
    }
}

static void check_format(jbw_date a)
{
    char buf[JBW_DATE_BUFSIZE];
    int y, m, d;
    int wd = jbw_date_weekday(a);
    jbw_status st = jbw_date_format(buf, sizeof buf, a);
    FUZZ_CHECK(st == (in_range(a) ? JBW_OK : JBW_ERANGE), "format(%ld): %d",
               (long)a, (int)st);
    FUZZ_CHECK(in_range(a) ? (wd >= 1 && wd <= 7) : wd == 0,
               "weekday(%ld) = %d", (long)a, wd);
    st = jbw_date_to_ymd(&y, &m, &d, a);
    FUZZ_CHECK(st == (in_range(a) ? JBW_OK : JBW_ERANGE), "to_ymd(%ld): %d",
               (long)a, (int)st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jbw_calendar_options opts = JBW_CALENDAR_OPTIONS_INIT;
    const jbw_calendar *cal = NULL;
    jbw_calendar *own = NULL;
    uint8_t flags = size ? data[0] : 0;
    jbw_date a = read_i32(data, size, 1), b = read_i32(data, size, 5);
    int32_t n = read_i32(data, size, 9);
    int months = (int)read_i32(data, size, 13);
    jbw_status st;
    size_t at;

    if (flags & 8) {
        a = map_date(a);
        b = map_date(b);
    }
    opts.good_friday_off = flags & 1;
    opts.liberation_day = (jbw_liberation_day)((flags >> 1) & 3);
    if (opts.liberation_day > JBW_LIBERATION_NEVER) {
        jbw_calendar *bad = (jbw_calendar *)FUZZ_SENTINEL;
        st = jbw_calendar_new(&bad, &opts);
        FUZZ_CHECK(st == JBW_EINVAL && bad == (jbw_calendar *)FUZZ_SENTINEL,
                   "an unknown Bevrijdingsdag rule gave %d", (int)st);
        opts.liberation_day = JBW_LIBERATION_EVERY_YEAR;
    }
    if ((flags & 48) == 48) {
        /* A calendar of its own for the closures (rare: building one costs
         * more than all the checks). */
        st = jbw_calendar_new(&own, &opts);
        FUZZ_CHECK(st == JBW_OK && own != NULL, "calendar_new: %d", (int)st);
        for (at = 17; at + 4 <= size && at < 17 + 4 * 4; at += 4) {
            jbw_date c = read_i32(data, size, at);
            if (flags & 8)
                c = map_date(c);
            st = jbw_calendar_add_closure(own, c);
            FUZZ_CHECK(st == (in_range(c) ? JBW_OK : JBW_ERANGE),
                       "add_closure(%ld): %d", (long)c, (int)st);
            if (st == JBW_OK) {
                int wd = 1;
                FUZZ_CHECK(jbw_calendar_is_workday(&wd, own, c) == JBW_OK &&
                               wd == 0,
                           "closure %ld is still a working day", (long)c);
            }
        }
        cal = own;
    } else {
        /* Building a calendar costs far more than the checks: keep one per
         * option combination (read-only, alive until the process ends). */
        static jbw_calendar *cache[2][3];
        jbw_calendar **slot = &cache[opts.good_friday_off][opts.liberation_day];
        if (!*slot) {
            st = jbw_calendar_new(slot, &opts);
            FUZZ_CHECK(st == JBW_OK && *slot != NULL, "calendar_new: %d",
                       (int)st);
        }
        cal = *slot;
    }

    check_format(a);
    check_format(b);
    check_workdays(cal, a, b, n);
    /* Small counts too: the raw ones are nearly always out of range. */
    check_workdays(cal, a, b, (int32_t)(n % 4000));
    check_months(a, b, months);
    check_months(a, b, months % 4000);
    jbw_calendar_free(own);
    return 0;
}
