/*
 * libjbw - the forecast parameters and options: initialisers and the
 * checks of every field against its domain limits.
 */
#include "forecast/forecast_internal.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* Parameter checks                                                        */
/* ====================================================================== */

static const char *kind_name(int k)
{
    const char *code = jbw_kind_code((jbw_kind)k);
    return code ? code : "?";
}

/* Checks lo <= v <= hi and finiteness; names the field in the detail. */
static jbw_status check_range(double v, double lo, double hi, const char *field,
                              const char *index)
{
    if (!isfinite(v))
        return jbw__error(JBW_EINVAL,
                          "forecast params: %s%s is %s: must be "
                          "a finite number",
                          field, index, v != v ? "NaN" : "infinite");
    if (v < lo || v > hi)
        return jbw__error(JBW_EINVAL,
                          "forecast params: %s%s is %g: must be "
                          "in [%g, %g]",
                          field, index, v, lo, hi);
    return JBW_OK;
}

/* Checks 0 < v <= hi. */
static jbw_status check_positive_max(double v, double hi, const char *field)
{
    jbw_status st = check_range(v, 0, hi, field, "");
    if (st == JBW_OK && v <= 0)
        return jbw__error(JBW_EINVAL,
                          "forecast params: %s is %g: must be "
                          "> 0",
                          field, v);
    return st;
}

static jbw_status check_kind_array(const double *arr, double lo, double hi,
                                   const char *field, int whole)
{
    int k;
    for (k = 0; k < FC_K; k++) {
        char idx[40];
        jbw_status st;
        snprintf(idx, sizeof idx, "[%s]", kind_name(k));
        st = check_range(arr[k], lo, hi, field, idx);
        if (st != JBW_OK)
            return st;
        if (whole && arr[k] != floor(arr[k]))
            return jbw__error(JBW_EINVAL,
                              "forecast params: %s%s is %g: a "
                              "stochastic run needs whole counts",
                              field, idx, arr[k]);
    }
    return JBW_OK;
}

static jbw_status check_flag(int v, const char *field)
{
    if (v != 0 && v != 1)
        return jbw__error(JBW_EINVAL,
                          "forecast params: %s is %d: must be 0 "
                          "or 1",
                          field, v);
    return JBW_OK;
}

static jbw_status check_shocks(const jbw_forecast_params *p)
{
    size_t i;
    if (p->shock_count > FC_MAX_SHOCKS)
        return jbw__error(JBW_EINVAL,
                          "forecast params: %zu shocks: at most "
                          "%d",
                          p->shock_count, FC_MAX_SHOCKS);
    if (p->shock_count && !p->shocks)
        return jbw__error(JBW_EINVAL,
                          "forecast params: shock_count is %zu "
                          "but shocks is NULL",
                          p->shock_count);
    for (i = 0; i < p->shock_count; i++) {
        const jbw_shock *s = &p->shocks[i];
        char idx[48];
        jbw_status st;
        if (s->kind != JBW_SHOCK_ALL_KINDS && (s->kind < 0 || s->kind >= FC_K))
            return jbw__error(JBW_EINVAL,
                              "forecast params: shocks[%zu].kind "
                              "is %d: not a kind",
                              i, s->kind);
        if (s->month_from < 1 || s->month_to < s->month_from ||
            s->month_to > JBW_FORECAST_MONTHS_MAX)
            return jbw__error(JBW_EINVAL,
                              "forecast params: shocks[%zu] "
                              "months %d..%d: need 1 <= from <= to <= %d",
                              i, (int)s->month_from, (int)s->month_to,
                              JBW_FORECAST_MONTHS_MAX);
        snprintf(idx, sizeof idx, "[%zu].multiplier", i);
        st = check_range(s->multiplier, 0, FC_MAX_MULTIPLIER, "shocks", idx);
        if (st != JBW_OK)
            return st;
    }
    return JBW_OK;
}

/* The hiring plan: months 1..600, one cohort a month, bounded FTE and a
 * ramp of -1 (the norm's) or 0..36 months at a fraction 0..1. */
static jbw_status check_hiring_plan(const jbw_forecast_params *p)
{
    unsigned char seen[JBW_FORECAST_MONTHS_MAX + 1];
    size_t i;
    if (p->hiring_plan_count > JBW_FORECAST_MONTHS_MAX)
        return jbw__error(JBW_EINVAL,
                          "forecast params: hiring_plan_count is %zu: at "
                          "most %d (one cohort a month)",
                          p->hiring_plan_count, JBW_FORECAST_MONTHS_MAX);
    if (p->hiring_plan_count && !p->hiring_plan)
        return jbw__error(JBW_EINVAL,
                          "forecast params: hiring_plan_count is %zu but "
                          "hiring_plan is NULL",
                          p->hiring_plan_count);
    memset(seen, 0, sizeof seen);
    for (i = 0; i < p->hiring_plan_count; i++) {
        const jbw_hire *h = &p->hiring_plan[i];
        char idx[48];
        jbw_status st;
        if (h->month < 1 || h->month > JBW_FORECAST_MONTHS_MAX)
            return jbw__error(JBW_EINVAL,
                              "forecast params: hiring_plan[%zu].month is "
                              "%d: must be 1..%d",
                              i, (int)h->month, JBW_FORECAST_MONTHS_MAX);
        if (seen[h->month])
            return jbw__error(JBW_EINVAL,
                              "forecast params: hiring_plan[%zu].month %d "
                              "is given twice: one cohort a month",
                              i, (int)h->month);
        seen[h->month] = 1;
        if (h->onboarding_months < -1 ||
            h->onboarding_months > JBW_HIRE_ONBOARDING_MAX)
            return jbw__error(JBW_EINVAL,
                              "forecast params: hiring_plan[%zu]."
                              "onboarding_months is %d: must be -1 (the "
                              "norm's ramp) or 0..%d",
                              i, (int)h->onboarding_months,
                              JBW_HIRE_ONBOARDING_MAX);
        snprintf(idx, sizeof idx, "[%zu].fte", i);
        if ((st = check_range(h->fte, 0, FC_MAX_HIRES, "hiring_plan", idx)) !=
            JBW_OK)
            return st;
        snprintf(idx, sizeof idx, "[%zu].onboarding_fraction", i);
        if ((st = check_range(h->onboarding_fraction, 0, 1, "hiring_plan",
                              idx)) != JBW_OK)
            return st;
    }
    return JBW_OK;
}

static jbw_status check_staff(const jbw_forecast_params *p)
{
    int j;
    for (j = 0; j < JBW_TENURE_SLOTS; j++) {
        char idx[16];
        jbw_status st;
        snprintf(idx, sizeof idx, "[%d]", j);
        st = check_range(p->staff_fte[j], 0, FC_MAX_FTE, "staff_fte", idx);
        if (st != JBW_OK)
            return st;
    }
    return JBW_OK;
}

jbw_status jbw__fc_check_horizon(const jbw_forecast_params *p)
{
    jbw_date end;
    if (p->months < 1 || p->months > JBW_FORECAST_MONTHS_MAX)
        return jbw__error(JBW_ERANGE,
                          "forecast params: months is %d: must "
                          "be 1..%d",
                          (int)p->months, JBW_FORECAST_MONTHS_MAX);
    if (p->start == JBW_DATE_NONE)
        return JBW_OK;
    if (!jbw__date_in_range(p->start) ||
        jbw_date_add_months(&end, p->start, (int)p->months) != JBW_OK)
        return jbw__error(JBW_ERANGE,
                          "forecast params: start date plus %d "
                          "months lies outside %d..%d",
                          (int)p->months, JBW_YEAR_MIN, JBW_YEAR_MAX);
    return JBW_OK;
}

/*
 * Each shock's multiplier is bounded, but overlapping shocks multiply:
 * the inflow they give in every month must stay within the same bound as
 * the base inflow, or a run would overflow to inf and NaN stocks.
 */
static jbw_status check_shocked_inflow(const jbw_forecast_params *p)
{
    int32_t t;
    int k;
    if (!p->shock_count)
        return JBW_OK;
    for (k = 0; k < FC_K; k++) {
        if (p->inflow[k] <= 0)
            continue;
        for (t = 1; t <= p->months; t++) {
            double mult = jbw__fc_shock_multiplier(p, k, t);
            double in = p->inflow[k] * mult;
            if (!(in <= FC_MAX_INFLOW))
                return jbw__error(JBW_EINVAL,
                                  "forecast params: inflow[%s] in month %d is "
                                  "%g x the shocks' combined multiplier %g: "
                                  "more than %g measures a month",
                                  jbw_kind_code((jbw_kind)k), (int)t,
                                  p->inflow[k], mult, FC_MAX_INFLOW);
        }
    }
    return JBW_OK;
}

/* The size of a version 1 (2) record: every field before the first one
 * version 2 (3) appended. */
#define FC_PARAMS_V1_SIZE offsetof(jbw_forecast_params, turnover_first_year)
#define FC_PARAMS_V2_SIZE offsetof(jbw_forecast_params, hiring_plan)

static size_t params_size(unsigned int version)
{
    return version == 1   ? FC_PARAMS_V1_SIZE
           : version == 2 ? FC_PARAMS_V2_SIZE
                          : sizeof(jbw_forecast_params);
}

jbw_status jbw__fc_params_read(jbw_forecast_params *out,
                               const jbw_forecast_params *in)
{
    static const jbw_forecast_params defaults = JBW_FORECAST_PARAMS_INIT;
    if (!in)
        return jbw__error(JBW_EINVAL, "forecast params: NULL");
    if (in->version == JBW_FORECAST_PARAMS_VERSION) {
        *out = *in;
        return JBW_OK;
    }
    if (in->version != 1 && in->version != 2)
        return jbw__error_version(in->version, 1, JBW_FORECAST_PARAMS_VERSION,
                                  "forecast params:");
    *out = defaults;
    memcpy(out, in, params_size(in->version));
    out->version = JBW_FORECAST_PARAMS_VERSION;
    return JBW_OK;
}

void jbw__fc_params_write(jbw_forecast_params *out,
                          const jbw_forecast_params *full)
{
    unsigned int version = out->version;
    memcpy(out, full, params_size(version));
    out->version = version;
}

/* -1 (unset) or a fraction 0..1. */
static jbw_status check_optional_share(double v, const char *name)
{
    if (v == -1.0)
        return JBW_OK;
    return check_range(v, 0, 1, name, "");
}

static jbw_status check_version2(const jbw_forecast_params *p)
{
    jbw_status st;
    if ((st = check_optional_share(p->turnover_first_year,
                                   "turnover_first_year")) != JBW_OK ||
        (st = check_range(p->vots_to_ots, 0, 1, "vots_to_ots", "")) != JBW_OK ||
        (st = check_optional_share(p->bestaand_share, "bestaand_share")) !=
            JBW_OK)
        return st;
    return JBW_OK;
}

jbw_status jbw__fc_check_params(const jbw_forecast_params *in, int stochastic)
{
    jbw_forecast_params full;
    const jbw_forecast_params *p = &full;
    jbw_status st;
    if ((st = jbw__fc_params_read(&full, in)) != JBW_OK)
        return st;
    if ((st = check_version2(p)) != JBW_OK)
        return st;
    if ((st = jbw__fc_check_horizon(p)) != JBW_OK ||
        (st = check_kind_array(p->assigned, 0, FC_MAX_COUNT, "assigned",
                               stochastic)) != JBW_OK ||
        (st = check_kind_array(p->waiting_nieuw, 0, FC_MAX_COUNT,
                               "waiting_nieuw", stochastic)) != JBW_OK ||
        (st = check_kind_array(p->waiting_bestaand, 0, FC_MAX_COUNT,
                               "waiting_bestaand", stochastic)) != JBW_OK ||
        (st = check_staff(p)) != JBW_OK ||
        (st = check_kind_array(p->inflow, 0, FC_MAX_INFLOW, "inflow", 0)) !=
            JBW_OK ||
        (st = check_kind_array(p->duration, 1, FC_MAX_DURATION, "duration",
                               0)) != JBW_OK)
        return st;
    if (isfinite(p->turnover) && p->turnover > 1)
        return jbw__error(JBW_EINVAL,
                          "forecast params: turnover is %g: must "
                          "be a fraction 0..1 (0.2 for 20%%)",
                          p->turnover);
    if ((st = check_range(p->turnover, 0, 1, "turnover", "")) != JBW_OK ||
        (st = check_range(p->hires_fte, 0, FC_MAX_HIRES, "hires_fte", "")) !=
            JBW_OK ||
        (st = check_positive_max(p->fte_per_worker, 1.2, "fte_per_worker")) !=
            JBW_OK ||
        (st = check_positive_max(p->units_per_measure, 10,
                                 "units_per_measure")) != JBW_OK ||
        (st = check_flag(p->bestaand_first, "bestaand_first")) != JBW_OK ||
        (st = check_flag(p->emergency_first, "emergency_first")) != JBW_OK ||
        (st = check_flag(p->finance, "finance")) != JBW_OK ||
        (st = check_kind_array(p->tariff, 0, FC_MAX_MONEY, "tariff", 0)) !=
            JBW_OK ||
        (st = check_range(p->staff_cost, 0, FC_MAX_MONEY, "staff_cost", "")) !=
            JBW_OK ||
        (st = check_range(p->fixed_costs, 0, FC_MAX_MONEY, "fixed_costs",
                          "")) != JBW_OK)
        return st;
    if (p->hire_months < 0 || p->hire_months > JBW_FORECAST_MONTHS_MAX)
        return jbw__error(JBW_EINVAL,
                          "forecast params: hire_months is %d: "
                          "must be 0..%d",
                          (int)p->hire_months, JBW_FORECAST_MONTHS_MAX);
    if ((st = check_shocks(p)) != JBW_OK ||
        (st = check_hiring_plan(p)) != JBW_OK)
        return st;
    return check_shocked_inflow(p);
}

jbw_status jbw_forecast_params_init(jbw_forecast_params *params,
                                    unsigned int version)
{
    static const jbw_forecast_params defaults = JBW_FORECAST_PARAMS_INIT;
    /* an older record: the fields it has, with their defaults */
    int older = version >= 1 && version < JBW_FORECAST_PARAMS_VERSION;
    unsigned int as = older ? JBW_FORECAST_PARAMS_VERSION : version;
    jbw_status st;
    if (params && (version < 1 || version > JBW_FORECAST_PARAMS_VERSION))
        return jbw__error_version(version, 1, JBW_FORECAST_PARAMS_VERSION,
                                  "jbw_forecast_params_init:");
    st = jbw__record_init(
        params, &defaults, older ? params_size(version) : sizeof defaults, as,
        JBW_FORECAST_PARAMS_VERSION, "jbw_forecast_params_init");
    if (st == JBW_OK)
        params->version = version;
    return st;
}

jbw_status jbw_forecast_params_check(const jbw_forecast_params *params,
                                     int stochastic)
{
    jbw_status st = jbw__fc_check_params(params, stochastic);
    return st == JBW_OK ? jbw__ok() : st;
}

jbw_status jbw_forecast_options_init(jbw_forecast_options *opts,
                                     unsigned int version)
{
    static const jbw_forecast_options defaults = JBW_FORECAST_OPTIONS_INIT;
    if (opts && version == 1) { /* the record ends before `threads` */
        memcpy(opts, &defaults, offsetof(jbw_forecast_options, threads));
        opts->version = 1;
        return jbw__ok();
    }
    if (opts && (version < 1 || version > JBW_FORECAST_OPTIONS_VERSION))
        return jbw__error_version(version, 1, JBW_FORECAST_OPTIONS_VERSION,
                                  "jbw_forecast_options_init:");
    return jbw__record_init(opts, &defaults, sizeof defaults, version,
                            JBW_FORECAST_OPTIONS_VERSION,
                            "jbw_forecast_options_init");
}
