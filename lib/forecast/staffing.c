/*
 * The staffing questions as one call each (include/jbw/staffing.h):
 * relief and the queue view, with werkdagen per month and the effective
 * FTE of month 0 computed here, once. Built on the public forecast and
 * calendar functions; formatting is in staffing_out.c.
 */
#include "jbw/staffing.h"

#include <math.h>
#include <string.h>

#include "forecast/forecast_internal.h"

jbw_status jbw_output_options_init(jbw_output_options *opts,
                                   unsigned int version)
{
    if (!opts)
        return jbw__error(JBW_EINVAL, "jbw_output_options_init: opts is NULL");
    if (version != JBW_OUTPUT_OPTIONS_VERSION)
        return jbw__error_version(version, JBW_OUTPUT_OPTIONS_VERSION,
                                  JBW_OUTPUT_OPTIONS_VERSION,
                                  "jbw_output_options_init:");
    opts->version = version;
    opts->lang = JBW_LANG_NL;
    opts->data_notice = NULL;
    return jbw__ok();
}

jbw_status jbw_workdays_per_month(double *out, const jbw_calendar *cal,
                                  int year)
{
    jbw_calendar *own = NULL;
    jbw_date jan1, next_jan1;
    int32_t n = 0;
    jbw_status st;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_workdays_per_month: out is NULL");
    if (year < JBW_YEAR_MIN || year >= JBW_YEAR_MAX)
        return jbw__error(JBW_ERANGE,
                          "jbw_workdays_per_month: year %d is not in %d..%d",
                          year, JBW_YEAR_MIN, JBW_YEAR_MAX - 1);
    st = jbw_date_from_ymd(&jan1, year, 1, 1);
    if (st == JBW_OK)
        st = jbw_date_from_ymd(&next_jan1, year + 1, 1, 1);
    if (st == JBW_OK && !cal) {
        st = jbw_calendar_new(&own, NULL);
        cal = own;
    }
    /* werkdagen d with 31 Dec of the year before < d <= 31 Dec: the year */
    if (st == JBW_OK)
        st = jbw_calendar_workdays_between(&n, cal, jan1 - 1, next_jan1 - 1);
    jbw_calendar_free(own);
    if (st != JBW_OK)
        return st;
    *out = (double)n / 12.0;
    return jbw__ok();
}

jbw_status jbw_forecast_params_effective_fte(double *out,
                                             const jbw_forecast_params *params,
                                             const jbw_norm *norm)
{
    jbw_forecast_params one;
    jbw_forecast *fc = NULL;
    jbw_forecast_month m0;
    jbw_status st;
    if (!out || !params)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_params_effective_fte: NULL argument");
    /* Month 0 of a one-month deterministic run: the start state, nothing
     * simulated. */
    if ((st = jbw__fc_params_read(&one, params)) != JBW_OK)
        return st;
    one.months = 1;
    st = jbw_forecast_run(&fc, &one, norm, NULL);
    if (st != JBW_OK)
        return st;
    memset(&m0, 0, sizeof m0);
    m0.version = JBW_FORECAST_MONTH_VERSION;
    st = jbw_forecast_month_get(&m0, fc, 0, JBW_STAT_MEAN);
    jbw_forecast_free(fc);
    if (st != JBW_OK)
        return st;
    *out = m0.effective_fte;
    return jbw__ok();
}

jbw_status jbw_staffing_relief(jbw_relief_answer *out,
                               const jbw_forecast_params *params,
                               const jbw_norm *norm, double target_waiting,
                               int32_t within_months)
{
    double hires = 0.0;
    jbw_status st;
    if (!out || !params)
        return jbw__error(JBW_EINVAL, "jbw_staffing_relief: NULL argument");
    if (out->version < 1 || out->version > JBW_RELIEF_ANSWER_VERSION)
        return jbw__error_version(out->version, 1, JBW_RELIEF_ANSWER_VERSION,
                                  "jbw_staffing_relief: answer");
    st = jbw_forecast_relief(&hires, params, norm, target_waiting,
                             within_months);
    if (st != JBW_OK)
        return st;
    out->target_waiting = target_waiting;
    out->within_months = within_months;
    out->hires_fte_per_month = hires;
    out->total_hires_fte = hires * (double)within_months;
    out->annual_turnover = params->turnover;
    if (out->version >= 2) {
        out->probability = 0;
        out->replicates = 0;
        out->seed = 0;
    }
    return jbw__ok();
}

jbw_status jbw_staffing_relief_probability(
    jbw_relief_answer *out, const jbw_forecast_params *params,
    const jbw_norm *norm, double target_waiting, int32_t within_months,
    double probability, size_t replicates, uint64_t seed)
{
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    o.replicates = replicates;
    o.seed = seed;
    return jbw_staffing_relief_probability_opts(
        out, params, norm, target_waiting, within_months, probability, &o);
}

jbw_status jbw_staffing_relief_probability_opts(
    jbw_relief_answer *out, const jbw_forecast_params *params,
    const jbw_norm *norm, double target_waiting, int32_t within_months,
    double probability, const jbw_forecast_options *opts)
{
    double hires = 0.0;
    size_t replicates;
    uint64_t seed;
    jbw_status st;
    if (!out || !params || !opts)
        return jbw__error(JBW_EINVAL,
                          "jbw_staffing_relief_probability: NULL argument");
    if (out->version != 2)
        return jbw__error_version(out->version, 2, 2,
                                  "jbw_staffing_relief_probability: answer");
    st = jbw_forecast_relief_probability_opts(
        &hires, params, norm, target_waiting, within_months, probability, opts);
    if (st != JBW_OK)
        return st;
    replicates = opts->replicates;
    seed = opts->seed;
    out->target_waiting = target_waiting;
    out->within_months = within_months;
    out->hires_fte_per_month = hires;
    out->total_hires_fte = hires * (double)within_months;
    out->annual_turnover = params->turnover;
    out->probability = probability;
    out->replicates = replicates;
    out->seed = seed;
    return jbw__ok();
}

jbw_status jbw_staffing_queue(jbw_queue_answer *out,
                              const jbw_forecast_params *params,
                              const jbw_norm *norm, const jbw_calendar *cal,
                              double within_workdays, double percent)
{
    jbw_queue_answer a;
    int year = 0;
    jbw_status st;
    if (!out || !params)
        return jbw__error(JBW_EINVAL, "jbw_staffing_queue: NULL argument");
    if (out->version != JBW_QUEUE_ANSWER_VERSION)
        return jbw__error_version(out->version, JBW_QUEUE_ANSWER_VERSION,
                                  JBW_QUEUE_ANSWER_VERSION,
                                  "jbw_staffing_queue: answer");
    if (params->start == JBW_DATE_NONE)
        return jbw__error(JBW_EINVAL,
                          "jbw_staffing_queue: params->start is not set "
                          "(the year gives the werkdagen per month)");
    if (!(within_workdays >= 0.0) || !isfinite(within_workdays))
        return jbw__error(
            JBW_EINVAL, "jbw_staffing_queue: within_workdays %g: must be >= 0",
            within_workdays);
    memset(&a, 0, sizeof a);
    a.version = JBW_QUEUE_ANSWER_VERSION;
    a.percent = percent;
    a.needed.version = a.current.version = JBW_QUEUE_RESULT_VERSION;
    st = jbw_queue_params_init(&a.queue, JBW_QUEUE_PARAMS_VERSION);
    if (st == JBW_OK)
        st = jbw_date_to_ymd(&year, NULL, NULL, params->start);
    if (st == JBW_OK)
        st = jbw_workdays_per_month(&a.workdays_per_month, cal, year);
    a.queue.within_workdays = within_workdays;
    if (st == JBW_OK)
        st = jbw_queue_params_from_forecast(&a.queue, params, norm,
                                            a.workdays_per_month);
    if (st == JBW_OK)
        st = jbw_queue_staffing(&a.needed, &a.queue, percent);
    if (st == JBW_OK)
        st = jbw_forecast_params_effective_fte(&a.current_effective_fte, params,
                                               norm);
    if (st == JBW_OK)
        st = jbw_queue_share(&a.current, &a.queue, a.current_effective_fte);
    if (st != JBW_OK)
        return st;
    a.current_stable = (double)a.current.slots > a.current.offered_load;
    *out = a;
    return jbw__ok();
}
