/*
 * libjbw - a hiring plan read from a CSV file into a scenario
 * (jbw_scenario_add_hiring_plan_csv).
 */
#include "forecast/forecast_internal.h"
#include "io/csv.h"

#include <string.h>

enum { COL_MONTH, COL_FTE, COL_ONBOARDING, COL_FRACTION, COL_COUNT };

static const char *const col_names[COL_COUNT] = {
    "month", "fte", "onboarding_months", "onboarding_fraction"};

/* A whole number lo..hi in column `col`; `what` names it in the error. */
static jbw_status whole_field(long long *v, const jbw__csv *c, size_t col,
                              long long lo, long long hi, const char *what)
{
    size_t n;
    const char *f = jbw__csv_field(c, col, &n);
    char shown[64];
    if (jbw__parse_int(v, f, n) == 0 && *v >= lo && *v <= hi)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, f, n);
    return jbw__csv_error(c, col, JBW_EPARSE, "not %s %lld..%lld: '%s'", what,
                          lo, hi, shown);
}

/* A number lo..hi in column `col` (a decimal comma with ';'). */
static jbw_status number_field(double *v, const jbw__csv *c, size_t col,
                               double lo, double hi)
{
    size_t n;
    const char *f = jbw__csv_field(c, col, &n);
    char shown[64];
    if (jbw__parse_double(v, f, n, c->delim == ';') == 0 && *v >= lo &&
        *v <= hi)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, f, n);
    return jbw__csv_error(c, col, JBW_EPARSE, "not a number in [%g, %g]: '%s'",
                          lo, hi, shown);
}

static int empty_field(const jbw__csv *c, size_t col)
{
    size_t n;
    if (col == JBW__CSV_ABSENT)
        return 1;
    (void)jbw__csv_field(c, col, &n);
    return n == 0;
}

static jbw_status read_row(jbw_hire *h, const jbw_scenario *sc,
                           const jbw__csv *c, const size_t *col)
{
    static const jbw_hire init = JBW_HIRE_INIT;
    long long month, onboarding;
    size_t first;
    int from_csv;
    jbw_status st = jbw__csv_check_width(c);
    *h = init;
    if (st != JBW_OK ||
        (st = whole_field(&month, c, col[COL_MONTH], 1, JBW_FORECAST_MONTHS_MAX,
                          "a month")) != JBW_OK)
        return st;
    if ((first = jbw__sc_hire_line(sc, (int32_t)month, &from_csv)) != 0)
        return jbw__csv_error(c, col[COL_MONTH], JBW_EPARSE,
                              "month %lld is given twice (first on line %zu "
                              "of %s): one cohort a month",
                              month, first,
                              from_csv ? "a hiring plan" : "the scenario");
    h->month = (int32_t)month;
    if ((st = number_field(&h->fte, c, col[COL_FTE], 0, FC_MAX_HIRES)) !=
        JBW_OK)
        return st;
    if (!empty_field(c, col[COL_ONBOARDING])) {
        if ((st = whole_field(&onboarding, c, col[COL_ONBOARDING], 0,
                              JBW_HIRE_ONBOARDING_MAX, "a number of months")) !=
            JBW_OK)
            return st;
        h->onboarding_months = (int32_t)onboarding;
        if (onboarding > 0 && empty_field(c, col[COL_FRACTION]))
            return jbw__csv_error(
                c,
                col[COL_FRACTION] != JBW__CSV_ABSENT ? col[COL_FRACTION]
                                                     : col[COL_ONBOARDING],
                JBW_EPARSE,
                "%lld onboarding months need onboarding_fraction, the "
                "share of a caseload carried in them",
                onboarding);
    }
    if (!empty_field(c, col[COL_FRACTION])) {
        if (h->onboarding_months < 0)
            return jbw__csv_error(c, col[COL_FRACTION], JBW_EPARSE,
                                  "onboarding_fraction without "
                                  "onboarding_months");
        if ((st = number_field(&h->onboarding_fraction, c, col[COL_FRACTION], 0,
                               1)) != JBW_OK)
            return st;
    }
    return JBW_OK;
}

jbw_status jbw_scenario_add_hiring_plan_csv(jbw_scenario *sc, const char *text,
                                            size_t len, const char *source)
{
    static const unsigned char required[COL_COUNT] = {1, 1, 0, 0};
    jbw__csv c;
    size_t col[COL_COUNT], old;
    int more = 1;
    jbw_status st;
    if (!sc || (!text && len))
        return jbw__error(JBW_EINVAL,
                          "jbw_scenario_add_hiring_plan_csv: NULL %s",
                          !sc ? "scenario" : "text");
    old = jbw_scenario_hire_count(sc);
    st = jbw__csv_open(&c, text ? text : "", len,
                       source ? source : "hiring_plan.csv");
    if (st != JBW_OK)
        return st;
    st = jbw__csv_columns(col, &c, col_names, required, COL_COUNT, 0);
    while (st == JBW_OK && (st = jbw__csv_next(&c, &more)) == JBW_OK && more) {
        jbw_hire h;
        if ((st = read_row(&h, sc, &c, col)) == JBW_OK)
            st = jbw__sc_push_hire(sc, &h, c.record_line, 1);
    }
    jbw__csv_close(&c);
    if (st != JBW_OK) {
        jbw__sc_drop_hires(sc, old);
        return st;
    }
    return jbw__ok();
}
