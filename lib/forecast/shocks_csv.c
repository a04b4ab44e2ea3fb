/*
 * libjbw - shocks read from a CSV file into a scenario
 * (jbw_scenario_add_shocks_csv).
 */
#include "forecast/forecast_internal.h"
#include "io/csv.h"

#include <string.h>

/* ---- shocks CSV ------------------------------------------------------- */

enum { CSV_MONTH, CSV_FROM, CSV_TO, CSV_KIND, CSV_MULT, CSV_NCOLS };

static const char *const csv_col_names[CSV_NCOLS] = {
    "month", "month_from", "month_to", "kind", "multiplier"};

/* Either month, or month_from and month_to, besides kind and multiplier. */
static jbw_status csv_shock_columns(size_t *col, jbw__csv *c)
{
    static const unsigned char required[CSV_NCOLS] = {0, 0, 0, 1, 1};
    int has_month, has_range, any_range;
    jbw_status st =
        jbw__csv_columns(col, c, csv_col_names, required, CSV_NCOLS, 0);
    if (st != JBW_OK)
        return st;
    has_month = col[CSV_MONTH] != JBW__CSV_ABSENT;
    has_range =
        col[CSV_FROM] != JBW__CSV_ABSENT && col[CSV_TO] != JBW__CSV_ABSENT;
    any_range =
        col[CSV_FROM] != JBW__CSV_ABSENT || col[CSV_TO] != JBW__CSV_ABSENT;
    if (has_month ? any_range : !has_range)
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: the header must name "
                          "either month or month_from and month_to",
                          c->source, c->record_line);
    return JBW_OK;
}

static jbw_status csv_shock_month(long long *v, const jbw__csv *c, size_t col)
{
    size_t n;
    const char *f = jbw__csv_field(c, col, &n);
    char shown[64];
    if (jbw__parse_int(v, f, n) == 0 && *v >= 1 &&
        *v <= JBW_FORECAST_MONTHS_MAX)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, f, n);
    return jbw__csv_error(c, col, JBW_EPARSE, "not a month 1..%d: '%s'",
                          JBW_FORECAST_MONTHS_MAX, shown);
}

static jbw_status csv_shock_row(jbw_shock *s, const jbw__csv *c,
                                const size_t *col)
{
    size_t n;
    const char *f;
    char shown[64];
    long long from, to;
    jbw_kind k;
    jbw_status st = jbw__csv_check_width(c);
    int from_col = col[CSV_MONTH] != JBW__CSV_ABSENT ? CSV_MONTH : CSV_FROM;
    if (st != JBW_OK ||
        (st = csv_shock_month(&from, c, col[from_col])) != JBW_OK)
        return st;
    to = from;
    if (col[CSV_TO] != JBW__CSV_ABSENT &&
        (st = csv_shock_month(&to, c, col[CSV_TO])) != JBW_OK)
        return st;
    if (to < from)
        return jbw__csv_error(c, col[CSV_TO], JBW_EPARSE,
                              "month_to %lld is "
                              "before month_from %lld",
                              to, from);
    f = jbw__csv_field(c, col[CSV_KIND], &n);
    if (n == 3 && (memcmp(f, "ALL", 3) == 0 || memcmp(f, "all", 3) == 0)) {
        s->kind = JBW_SHOCK_ALL_KINDS;
    } else if (jbw_kind_from_code(&k, f, n) == JBW_OK) {
        s->kind = (int)k;
    } else {
        jbw__csv_quote(shown, sizeof shown, f, n);
        return jbw__csv_error(c, col[CSV_KIND], JBW_EPARSE,
                              "not a measure kind or ALL: '%s'", shown);
    }
    s->month_from = (int32_t)from;
    s->month_to = (int32_t)to;
    f = jbw__csv_field(c, col[CSV_MULT], &n);
    if (jbw__parse_double(&s->multiplier, f, n, c->delim == ';') != 0 ||
        s->multiplier < 0 || s->multiplier > FC_MAX_MULTIPLIER) {
        jbw__csv_quote(shown, sizeof shown, f, n);
        return jbw__csv_error(c, col[CSV_MULT], JBW_EPARSE,
                              "not a number in [0, 1000]: '%s'", shown);
    }
    return JBW_OK;
}

jbw_status jbw_scenario_add_shocks_csv(jbw_scenario *sc, const char *text,
                                       size_t len, const char *source)
{
    jbw__csv c;
    size_t col[CSV_NCOLS], old;
    int more = 1;
    jbw_status st;
    if (!sc || (!text && len))
        return jbw__error(JBW_EINVAL, "jbw_scenario_add_shocks_csv: NULL %s",
                          !sc ? "scenario" : "text");
    old = jbw_scenario_shock_count(sc);
    st = jbw__csv_open(&c, text ? text : "", len,
                       source ? source : "shocks.csv");
    if (st != JBW_OK)
        return st;
    st = csv_shock_columns(col, &c);
    while (st == JBW_OK && (st = jbw__csv_next(&c, &more)) == JBW_OK && more) {
        jbw_shock s;
        if ((st = csv_shock_row(&s, &c, col)) == JBW_OK)
            st = jbw__sc_push_shock(sc, &s);
    }
    jbw__csv_close(&c);
    if (st != JBW_OK) {
        jbw__sc_drop_shocks(sc, old);
        return st;
    }
    return jbw__ok();
}
