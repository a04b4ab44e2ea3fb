/*
 * Fuzzes jbw_scenario_parse, jbw_scenario_add_shocks_csv and
 * jbw_scenario_add_hiring_plan_csv, and runs the forecast each accepted
 * scenario describes. Input layout:
 *   byte 0      flags: bit 0 also run 3 stochastic replicates, bit 1 also
 *               size a queue (Erlang C), bit 2 read the CSV as a hiring
 *               plan instead of shocks; seeds use the digits '0'..'3'
 *   then        the scenario file (its hire.MONTH lines a hiring plan)
 *   "\n%%\n"    separator (absent: no CSV)
 *   then        a shocks CSV, or a hiring plan CSV (flag bit 2)
 * Properties: failures return a documented status with a detail and
 * change nothing (a failed shocks or hiring plan CSV leaves the count as
 * it was);
 * a scenario applies to default parameters; when the parameters pass
 * jbw_forecast_params_check() the run succeeds, every figure is finite
 * and non-negative, waiting = nieuw + bestaand, active = assigned +
 * waiting, and stocks balance month to month (exactly in every
 * stochastic replicate); percentiles are ordered; every writer succeeds.
 */
#include <math.h>

#include "fuzz_util.h"

#define SEP        "\n%%\n"
#define REPLICATES 3

static int near(double a, double b)
{
    double scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= 1e-9 * (scale > 1.0 ? scale : 1.0);
}

static void check_month(const jbw_forecast_month *m, int finance)
{
    const double v[] = {m->assigned,      m->waiting_nieuw, m->waiting_bestaand,
                        m->waiting,       m->active,        m->inflow,
                        m->exits,         m->orphaned,      m->intake,
                        m->leavers_fte,   m->hires_fte,     m->fte,
                        m->effective_fte, m->capacity,      m->load,
                        m->free_capacity};
    size_t i;
    for (i = 0; i < sizeof v / sizeof v[0]; i++)
        FUZZ_CHECK(isfinite(v[i]) && v[i] >= -1e-9 * (1.0 + fabs(m->active)),
                   "month %ld field %zu is %g", (long)m->month, i, v[i]);
    FUZZ_CHECK(near(m->waiting, m->waiting_nieuw + m->waiting_bestaand),
               "month %ld: waiting %.17g != %.17g + %.17g", (long)m->month,
               m->waiting, m->waiting_nieuw, m->waiting_bestaand);
    FUZZ_CHECK(near(m->active, m->assigned + m->waiting),
               "month %ld: active %.17g != %.17g + %.17g", (long)m->month,
               m->active, m->assigned, m->waiting);
    if (finance)
        FUZZ_CHECK(isfinite(m->revenue) && isfinite(m->staff_cost) &&
                       isfinite(m->margin),
                   "month %ld: finance figures", (long)m->month);
    else
        FUZZ_CHECK(isnan(m->revenue) && isnan(m->margin),
                   "month %ld: finance off but figures set", (long)m->month);
}

/* Every replicate's month as the run computes it: integer stocks that
 * balance exactly. */
typedef struct replicate_check {
    double prev_active[REPLICATES];
    int seen[REPLICATES];
} replicate_check;

static int on_month(void *user, size_t r, const jbw_forecast_month *m)
{
    replicate_check *rc = user;
    FUZZ_CHECK(r < REPLICATES, "replicate %zu", r);
    FUZZ_CHECK(m->assigned == floor(m->assigned) &&
                   m->waiting_nieuw == floor(m->waiting_nieuw) &&
                   m->waiting_bestaand == floor(m->waiting_bestaand) &&
                   m->inflow == floor(m->inflow) && m->exits == floor(m->exits),
               "replicate %zu month %ld holds a fraction", r, (long)m->month);
    if (rc->seen[r])
        FUZZ_CHECK(m->active == rc->prev_active[r] + m->inflow - m->exits,
                   "replicate %zu month %ld: %.17g != %.17g + %.17g - %.17g", r,
                   (long)m->month, m->active, rc->prev_active[r], m->inflow,
                   m->exits);
    rc->prev_active[r] = m->active;
    rc->seen[r] = 1;
    return 0;
}

static void check_writers(const jbw_forecast *fc)
{
    char *t = NULL;
    size_t n = 0;
    jbw_status st = jbw_forecast_json(&t, &n, fc);
    FUZZ_CHECK(st == JBW_OK && strlen(t) == n, "forecast_json: %d", (int)st);
    jbw_free(t);
    st = jbw_forecast_csv(&t, &n, fc);
    FUZZ_CHECK(st == JBW_OK && strlen(t) == n, "forecast_csv: %d", (int)st);
    jbw_free(t);
    st = jbw_forecast_text(&t, &n, fc);
    FUZZ_CHECK(st == JBW_OK && strlen(t) == n, "forecast_text: %d", (int)st);
    jbw_free(t);
    st = jbw_forecast_svg(&t, &n, fc, "<fuzz & \"title\">");
    FUZZ_CHECK(st == JBW_OK && strlen(t) == n, "forecast_svg: %d", (int)st);
    jbw_free(t);
}

static void check_run(const jbw_forecast *fc, const jbw_forecast_params *p,
                      int stochastic)
{
    int32_t t, months = jbw_forecast_months(fc);
    double prev_active = 0.0;
    FUZZ_CHECK(months == p->months, "months %ld, asked %ld", (long)months,
               (long)p->months);
    for (t = 0; t <= months; t++) {
        jbw_forecast_month m;
        m.version = JBW_FORECAST_MONTH_VERSION;
        FUZZ_CHECK(jbw_forecast_month_get(&m, fc, t, JBW_STAT_MEAN) == JBW_OK,
                   "month_get %ld", (long)t);
        FUZZ_CHECK(m.month == t, "month %ld labelled %ld", (long)t,
                   (long)m.month);
        check_month(&m, p->finance);
        if (t > 0)
            FUZZ_CHECK(fabs(m.active - (prev_active + m.inflow - m.exits)) <=
                           1e-6 * (1.0 + m.active),
                       "month %ld: active %.17g, previous %.17g + inflow "
                       "%.17g - exits %.17g",
                       (long)t, m.active, prev_active, m.inflow, m.exits);
        prev_active = m.active;
        if (stochastic) {
            jbw_forecast_month lo, mid, hi;
            lo.version = mid.version = hi.version = JBW_FORECAST_MONTH_VERSION;
            FUZZ_CHECK(
                jbw_forecast_month_get(&lo, fc, t, JBW_STAT_P5) == JBW_OK &&
                    jbw_forecast_month_get(&mid, fc, t, JBW_STAT_P50) ==
                        JBW_OK &&
                    jbw_forecast_month_get(&hi, fc, t, JBW_STAT_P95) == JBW_OK,
                "percentiles of month %ld", (long)t);
            FUZZ_CHECK(lo.waiting <= mid.waiting && mid.waiting <= hi.waiting,
                       "month %ld: p5 %g p50 %g p95 %g", (long)t, lo.waiting,
                       mid.waiting, hi.waiting);
        }
    }
    FUZZ_CHECK(jbw_forecast_month_get(NULL, fc, months + 1, JBW_STAT_MEAN) !=
                   JBW_OK,
               "month past the end");
    check_writers(fc);
}

static void check_queue(const jbw_forecast_params *p)
{
    jbw_queue_params q = JBW_QUEUE_PARAMS_INIT;
    jbw_queue_result r;
    jbw_status st = jbw_queue_params_from_forecast(&q, p, NULL, 21.0);
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "queue_params_from_forecast");
        return;
    }
    r.version = JBW_QUEUE_RESULT_VERSION;
    st = jbw_queue_staffing(&r, &q, 80.0);
    if (st != JBW_OK) {
        FUZZ_CHECK(st == JBW_ERANGE, "queue_staffing: %d", (int)st);
        return;
    }
    FUZZ_CHECK(r.share_within >= 0.8 - 1e-12 && r.share_within <= 1.0 &&
                   r.p_wait >= 0.0 && r.p_wait <= 1.0 &&
                   (double)r.slots > r.offered_load,
               "queue: %zu slots for A = %g, share %g, p_wait %g", r.slots,
               r.offered_load, r.share_within, r.p_wait);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jbw_scenario *sc = (jbw_scenario *)FUZZ_SENTINEL;
    jbw_forecast_params p = JBW_FORECAST_PARAMS_INIT;
    jbw_forecast *fc = (jbw_forecast *)FUZZ_SENTINEL;
    uint8_t flags = size ? data[0] : 0;
    const char *text, *shocks = NULL;
    size_t text_len, shocks_len = 0, sep;
    jbw_status st;

    if (size) {
        data++;
        size--;
    }
    sep = fuzz_find(data, size, SEP, sizeof SEP - 1);
    text = (const char *)data;
    text_len = sep;
    if (sep < size) {
        shocks = text + sep + sizeof SEP - 1;
        shocks_len = size - sep - (sizeof SEP - 1);
    }

    st = jbw_scenario_parse(&sc, text, text_len, "fuzz.scenario");
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "scenario_parse");
        FUZZ_CHECK(sc == (jbw_scenario *)FUZZ_SENTINEL,
                   "scenario written on failure");
        return 0;
    }
    if (shocks && (flags & 4)) {
        size_t before = jbw_scenario_hire_count(sc);
        st = jbw_scenario_add_hiring_plan_csv(sc, shocks, shocks_len,
                                              "plan.csv");
        if (st != JBW_OK) {
            FUZZ_CHECK_FAILURE(st, "scenario_add_hiring_plan_csv");
            FUZZ_CHECK(jbw_scenario_hire_count(sc) == before,
                       "a failed hiring plan CSV changed the count %zu -> %zu",
                       before, jbw_scenario_hire_count(sc));
        }
    } else if (shocks) {
        size_t before = jbw_scenario_shock_count(sc);
        st = jbw_scenario_add_shocks_csv(sc, shocks, shocks_len, "shocks.csv");
        if (st != JBW_OK) {
            FUZZ_CHECK_FAILURE(st, "scenario_add_shocks_csv");
            FUZZ_CHECK(jbw_scenario_shock_count(sc) == before,
                       "a failed shocks CSV changed the count %zu -> %zu",
                       before, jbw_scenario_shock_count(sc));
        }
    }
    st = jbw_scenario_apply(&p, sc);
    FUZZ_CHECK(st == JBW_OK, "scenario_apply: %d", (int)st);
    FUZZ_CHECK(p.shock_count == jbw_scenario_shock_count(sc),
               "applied %zu shocks of %zu", p.shock_count,
               jbw_scenario_shock_count(sc));
    FUZZ_CHECK(p.hiring_plan_count == jbw_scenario_hire_count(sc),
               "applied %zu cohorts of %zu", p.hiring_plan_count,
               jbw_scenario_hire_count(sc));

    st = jbw_forecast_params_check(&p, 0);
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "forecast_params_check");
    } else {
        st = jbw_forecast_run(&fc, &p, NULL, NULL);
        FUZZ_CHECK(st == JBW_OK, "checked params do not run: %d", (int)st);
        check_run(fc, &p, 0);
        jbw_forecast_free(fc);
        if (flags & 2)
            check_queue(&p);
    }

    if ((flags & 1) && jbw_forecast_params_check(&p, 1) == JBW_OK) {
        jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
        replicate_check rc;
        memset(&rc, 0, sizeof rc);
        o.replicates = REPLICATES;
        o.seed = size;
        o.on_month = on_month;
        o.on_month_user = &rc;
        fc = NULL;
        st = jbw_forecast_run(&fc, &p, NULL, &o);
        FUZZ_CHECK(st == JBW_OK, "stochastic run: %d", (int)st);
        check_run(fc, &p, 1);
        jbw_forecast_free(fc);
    }
    jbw_scenario_free(sc);
    return 0;
}
