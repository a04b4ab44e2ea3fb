/*
 * Fuzzes the reading of a history folder (`jbw ... --history DIR`, Python
 * jbw.load_history): one subfolder per reference date, taken only when
 * its name is a date of the form YYYY-MM-DD (jbw_date_parse_iso), each
 * export counted into the waiting series. The walk itself (opendir) is
 * the caller's; this harness runs the same steps on the names it gets.
 *
 * Input: folder names, one per line ('\n'). Properties:
 *  - a name taken is exactly ten bytes of the form YYYY-MM-DD, and the
 *    date formats back to the same ten bytes: one date has one name, so
 *    two folders never give the same reference date;
 *  - the lax parser (jbw_date_parse) gives the same date for it;
 *  - a name refused gives EPARSE or ERANGE with a detail, output untouched;
 *  - the series of the dates taken has one point per distinct name, in
 *    date order, and a name given twice is refused as a duplicate.
 */
#include "fuzz_util.h"

/* A snapshot with one waiting measure, counted on every date. */
static const jbw_snapshot *fuzz_snapshot(void)
{
    static jbw_snapshot *snap;
    if (!snap) {
        jbw_registry *reg = NULL;
        jbw_measure m = JBW_MEASURE_INIT;
        jbw_date first = JBW_DATE_NONE, last = JBW_DATE_NONE;
        FUZZ_CHECK(jbw_date_from_ymd(&first, 1900, 1, 1) == JBW_OK &&
                       jbw_date_from_ymd(&last, 2199, 12, 31) == JBW_OK,
                   "the range");
        FUZZ_CHECK(jbw_registry_zuid_west(&reg) == JBW_OK, "registry");
        FUZZ_CHECK(jbw_snapshot_new(&snap, reg, last) == JBW_OK, "snapshot");
        m.id = "M1";
        m.child_id = "C1";
        m.kind = JBW_KIND_OTS;
        m.organisation = "JBWEST";
        m.region = "HGL";
        m.start = first;
        FUZZ_CHECK(jbw_snapshot_add_measure(snap, &m) == JBW_OK, "measure");
        jbw_registry_free(reg);
    }
    return snap;
}

static int is_iso_form(const char *s, size_t n)
{
    size_t i;
    if (n != 10)
        return 0;
    for (i = 0; i < n; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    jbw_series *series = NULL;
    size_t pos = 0, taken = 0, i;
    jbw_date prev = JBW_DATE_NONE;
    FUZZ_CHECK(jbw_series_new(&series, "history") == JBW_OK, "series");
    while (pos <= size) {
        size_t end = pos + fuzz_find(data + pos, size - pos, "\n", 1);
        const char *name = text + pos;
        size_t n = end - pos;
        jbw_date d = 4242, lax = 4242;
        jbw_status st = jbw_date_parse_iso(&d, name, n);
        pos = end + 1;
        if (st != JBW_OK) {
            FUZZ_CHECK(st == JBW_EPARSE || st == JBW_ERANGE,
                       "parse_iso returned %d", (int)st);
            FUZZ_CHECK(jbw_last_error()[0] != '\0', "no detail");
            FUZZ_CHECK(d == 4242, "output written on failure");
            continue;
        }
        {
            char buf[JBW_DATE_BUFSIZE];
            FUZZ_CHECK(is_iso_form(name, n), "'%.*s' taken", (int)n, name);
            FUZZ_CHECK(jbw_date_format(buf, sizeof buf, d) == JBW_OK &&
                           strlen(buf) == n && memcmp(buf, name, n) == 0,
                       "'%.*s' formats as '%s'", (int)n, name, buf);
            FUZZ_CHECK(jbw_date_parse(&lax, name, n) == JBW_OK && lax == d,
                       "the lax parser reads '%.*s' as %ld, not %ld", (int)n,
                       name, (long)lax, (long)d);
        }
        st = jbw_series_add_snapshot(series, fuzz_snapshot(), d, NULL, NULL);
        if (st == JBW_EDUPLICATE)
            continue; /* the same name twice */
        FUZZ_CHECK(st == JBW_OK, "add_snapshot: %d", (int)st);
        taken++;
    }
    FUZZ_CHECK(jbw_series_count(series) == taken, "%zu points for %zu names",
               jbw_series_count(series), taken);
    for (i = 0; i < taken; i++) {
        jbw_series_point p;
        p.version = JBW_SERIES_POINT_VERSION;
        FUZZ_CHECK(jbw_series_get(&p, series, i) == JBW_OK, "get %zu", i);
        FUZZ_CHECK(i == 0 || p.date > prev, "points out of order");
        FUZZ_CHECK(p.nieuw <= 1 && p.bestaand == 0, "the one waiting measure");
        prev = p.date;
    }
    FUZZ_CHECK(jbw_series_data_notice(series) == NULL, "a notice from nowhere");
    jbw_series_free(series);
    return 0;
}
