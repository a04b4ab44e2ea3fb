/*
 * Fuzzes jbw_date_parse. Properties: a parse that succeeds gives a date
 * in the supported range that formats to ISO and parses back to the same
 * date; a failing parse returns EPARSE or ERANGE, leaves the output
 * untouched and sets a detail; the length-given and the NUL-terminated
 * forms agree.
 */
#include "fuzz_util.h"

static void check_round_trip(jbw_date d, const char *text, size_t len)
{
    char buf[JBW_DATE_BUFSIZE];
    jbw_date again = JBW_DATE_NONE;
    int y = 0, m = 0, day = 0;
    jbw_date rebuilt = JBW_DATE_NONE;
    jbw_status st;

    FUZZ_CHECK(jbw_date_to_ymd(&y, &m, &day, d) == JBW_OK,
               "'%.*s' parsed to %ld, which is not a date", (int)len, text,
               (long)d);
    FUZZ_CHECK(y >= JBW_YEAR_MIN && y <= JBW_YEAR_MAX, "year %d", y);
    FUZZ_CHECK(jbw_date_from_ymd(&rebuilt, y, m, day) == JBW_OK && rebuilt == d,
               "%d-%d-%d does not rebuild %ld", y, m, day, (long)d);
    FUZZ_CHECK(jbw_date_weekday(d) >= 1 && jbw_date_weekday(d) <= 7,
               "weekday of %ld", (long)d);
    st = jbw_date_format(buf, sizeof buf, d);
    FUZZ_CHECK(st == JBW_OK, "format of %ld: %d", (long)d, (int)st);
    FUZZ_CHECK(strlen(buf) == 10, "formatted '%s'", buf);
    st = jbw_date_parse(&again, buf, (size_t)-1);
    FUZZ_CHECK(st == JBW_OK && again == d,
               "'%.*s' -> %ld -> '%s' -> %ld (status %d)", (int)len, text,
               (long)d, buf, (long)again, (int)st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    jbw_date d = 4242, d0 = 4242;
    jbw_status st, st0;
    char *z;

    st = jbw_date_parse(&d, text, size);
    if (st == JBW_OK) {
        check_round_trip(d, text, size);
    } else {
        FUZZ_CHECK(st == JBW_EPARSE || st == JBW_ERANGE, "parse returned %d",
                   (int)st);
        FUZZ_CHECK(jbw_last_error()[0] != '\0', "no detail");
        FUZZ_CHECK(d == 4242, "output written on failure");
    }

    /* The same text NUL-terminated: when it holds no NUL byte, both forms
     * must agree. */
    z = malloc(size + 1);
    if (!z)
        return 0;
    memcpy(z, data, size);
    z[size] = '\0';
    st0 = jbw_date_parse(&d0, z, (size_t)-1);
    if (memchr(data, '\0', size) == NULL)
        FUZZ_CHECK(st0 == st && (st != JBW_OK || d0 == d),
                   "length form %d/%ld, NUL form %d/%ld", (int)st, (long)d,
                   (int)st0, (long)d0);
    else if (st0 == JBW_OK)
        check_round_trip(d0, z, strlen(z));
    free(z);
    return 0;
}
