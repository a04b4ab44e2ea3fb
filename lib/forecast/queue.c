/*
 * libjbw - queue staffing with Erlang C: the probability of waiting,
 * the staff for a service level, and the queue parameters taken from a
 * forecast.
 */
#include "forecast/forecast_internal.h"

#include <math.h>
#include <string.h>

/* ====================================================================== */
/* Queue staffing (Erlang C)                                               */
/* ====================================================================== */

/* Erlang B by its recursion, continued from B(from) to B(to). */
static double erlang_b_from(double b, size_t from, size_t to, double a)
{
    size_t k;
    for (k = from + 1; k <= to; k++)
        b = a * b / ((double)k + a * b);
    return b;
}

/* Erlang C from Erlang B of c servers. */
static double erlang_c_of_b(double b, size_t c, double a)
{
    double cd = (double)c;
    if (a >= cd)
        return 1.0;
    return cd * b / (cd - a * (1.0 - b));
}

jbw_status jbw_erlang_c(double *p_wait, size_t servers, double offered_load)
{
    double b;
    if (!p_wait)
        return jbw__error(JBW_EINVAL, "jbw_erlang_c: NULL p_wait");
    if (servers == 0)
        return jbw__error(JBW_EINVAL, "jbw_erlang_c: 0 servers");
    if (!isfinite(offered_load) || offered_load < 0)
        return jbw__error(JBW_EINVAL,
                          "jbw_erlang_c: offered load %g must be "
                          "a finite number >= 0",
                          offered_load);
    if ((double)servers > FC_MAX_SLOTS)
        return jbw__error(JBW_ERANGE,
                          "jbw_erlang_c: %zu servers: at most "
                          "%.0f",
                          servers, FC_MAX_SLOTS);
    b = erlang_b_from(1.0, 0, servers, offered_load);
    *p_wait = erlang_c_of_b(b, servers, offered_load);
    return jbw__ok();
}

jbw_status jbw_queue_params_init(jbw_queue_params *q, unsigned int version)
{
    static const jbw_queue_params defaults = JBW_QUEUE_PARAMS_INIT;
    return jbw__record_init(q, &defaults, sizeof defaults, version,
                            JBW_QUEUE_PARAMS_VERSION, "jbw_queue_params_init");
}

static jbw_status check_positive(double v, const char *what)
{
    if (!isfinite(v) || v <= 0)
        return jbw__error(JBW_EINVAL,
                          "queue params: %s is %g: must be a "
                          "finite number > 0",
                          what, v);
    return JBW_OK;
}

static jbw_status check_queue(const jbw_queue_result *out,
                              const jbw_queue_params *q)
{
    jbw_status st;
    if (!out || !q)
        return jbw__error(JBW_EINVAL, "queue: NULL %s",
                          !out ? "out" : "params");
    if (out->version != JBW_QUEUE_RESULT_VERSION)
        return jbw__error_version(out->version, JBW_QUEUE_RESULT_VERSION,
                                  JBW_QUEUE_RESULT_VERSION, "queue: result");
    if (q->version != JBW_QUEUE_PARAMS_VERSION)
        return jbw__error_version(q->version, JBW_QUEUE_PARAMS_VERSION,
                                  JBW_QUEUE_PARAMS_VERSION, "queue: params");
    if ((st = check_positive(q->arrivals_per_workday,
                             "arrivals_per_workday")) != JBW_OK ||
        (st = check_positive(q->mean_duration_workdays,
                             "mean_duration_workdays")) != JBW_OK ||
        (st = check_positive(q->slots_per_fte, "slots_per_fte")) != JBW_OK)
        return st;
    if (!isfinite(q->within_workdays) || q->within_workdays < 0)
        return jbw__error(JBW_EINVAL,
                          "queue params: within_workdays is %g: "
                          "must be a finite number >= 0",
                          q->within_workdays);
    if (q->arrivals_per_workday * q->mean_duration_workdays > FC_MAX_SLOTS)
        return jbw__error(JBW_ERANGE,
                          "queue params: offered load %g is above "
                          "%.0f",
                          q->arrivals_per_workday * q->mean_duration_workdays,
                          FC_MAX_SLOTS);
    return JBW_OK;
}

/* Fills the figures of c servers whose Erlang B is b. */
static void queue_fill(jbw_queue_result *r, const jbw_queue_params *q, size_t c,
                       double b, double a)
{
    double cd = (double)c, pw;
    r->slots = c;
    r->fte = cd / q->slots_per_fte;
    r->offered_load = a;
    if (c == 0 || a >= cd) {
        r->p_wait = a > 0 ? 1.0 : 0.0;
        r->share_within = a > 0 ? 0.0 : 1.0;
        r->mean_wait_workdays = a > 0 ? HUGE_VAL : 0.0;
        return;
    }
    pw = erlang_c_of_b(b, c, a);
    r->p_wait = pw;
    r->share_within = 1.0 - pw * exp(-(cd - a) * q->within_workdays /
                                     q->mean_duration_workdays);
    r->mean_wait_workdays = pw * q->mean_duration_workdays / (cd - a);
}

jbw_status jbw_queue_staffing(jbw_queue_result *out, const jbw_queue_params *q,
                              double percent)
{
    jbw_queue_result r;
    double a, b, goal;
    size_t c;
    jbw_status st = check_queue(out, q);
    if (st != JBW_OK)
        return st;
    if (!isfinite(percent) || percent <= 0 || percent >= 100)
        return jbw__error(JBW_EINVAL,
                          "jbw_queue_staffing: percent %g must "
                          "be in (0, 100)",
                          percent);
    a = q->arrivals_per_workday * q->mean_duration_workdays;
    goal = percent / 100.0;
    /* The queue is stable only from c > A on: start there, add slots. */
    c = (size_t)floor(a) + 1;
    b = erlang_b_from(1.0, 0, c, a);
    memset(&r, 0, sizeof r);
    r.version = out->version;
    for (;;) {
        queue_fill(&r, q, c, b, a);
        if (r.share_within >= goal)
            break;
        if ((double)c >= FC_MAX_SLOTS)
            return jbw__error(JBW_ERANGE,
                              "jbw_queue_staffing: more than %.0f "
                              "slots needed",
                              FC_MAX_SLOTS);
        c++;
        b = erlang_b_from(b, c - 1, c, a);
    }
    *out = r;
    return jbw__ok();
}

jbw_status jbw_queue_share(jbw_queue_result *out, const jbw_queue_params *q,
                           double fte)
{
    jbw_queue_result r;
    double a, slots;
    size_t c;
    jbw_status st = check_queue(out, q);
    if (st != JBW_OK)
        return st;
    if (!isfinite(fte) || fte < 0)
        return jbw__error(JBW_EINVAL,
                          "jbw_queue_share: fte %g must be a "
                          "finite number >= 0",
                          fte);
    /* Whole slots; the 1e-9 keeps 5 x 12 = 59.999... from losing one. */
    slots = floor(fte * q->slots_per_fte + 1e-9);
    if (slots > FC_MAX_SLOTS)
        return jbw__error(JBW_ERANGE,
                          "jbw_queue_share: %.0f slots: at most "
                          "%.0f",
                          slots, FC_MAX_SLOTS);
    c = (size_t)slots;
    a = q->arrivals_per_workday * q->mean_duration_workdays;
    memset(&r, 0, sizeof r);
    r.version = out->version;
    queue_fill(&r, q, c, c ? erlang_b_from(1.0, 0, c, a) : 1.0, a);
    *out = r;
    return jbw__ok();
}

jbw_status jbw_queue_params_from_forecast(jbw_queue_params *q,
                                          const jbw_forecast_params *params,
                                          const jbw_norm *norm,
                                          double workdays_per_month)
{
    jbw_norm *own = NULL;
    double lambda = 0, dur = 0, weight = 0;
    jbw_status st;
    int k;
    if (!q)
        return jbw__error(JBW_EINVAL, "jbw_queue_params_from_forecast: NULL "
                                      "queue params");
    if (q->version != JBW_QUEUE_PARAMS_VERSION)
        return jbw__error_version(
            q->version, JBW_QUEUE_PARAMS_VERSION, JBW_QUEUE_PARAMS_VERSION,
            "jbw_queue_params_from_forecast: queue params");
    if (!isfinite(workdays_per_month) || workdays_per_month <= 0 ||
        workdays_per_month > 31)
        return jbw__error(JBW_EINVAL,
                          "jbw_queue_params_from_forecast: "
                          "workdays_per_month %g must be in (0, 31]",
                          workdays_per_month);
    if ((st = jbw__fc_check_params(params, 0)) != JBW_OK)
        return st;
    if (!norm) {
        if ((st = jbw_norm_new_default(&own)) != JBW_OK)
            return st;
        norm = own;
    }
    for (k = 0; k < FC_K; k++) {
        lambda += params->inflow[k];
        dur += params->inflow[k] * params->duration[k];
        weight += params->inflow[k] * jbw_norm_weight(norm, (jbw_kind)k);
    }
    if (lambda <= 0 || weight <= 0) {
        jbw_norm_free(own);
        return jbw__error(JBW_EINVAL,
                          "jbw_queue_params_from_forecast: the "
                          "params have no inflow%s",
                          lambda > 0 ? " of a kind with a weight" : "");
    }
    q->arrivals_per_workday = lambda / workdays_per_month;
    q->mean_duration_workdays = dur / lambda * workdays_per_month;
    q->slots_per_fte = jbw_norm_caseload_per_fte(norm) /
                       (params->units_per_measure * (weight / lambda));
    jbw_norm_free(own);
    return jbw__ok();
}
