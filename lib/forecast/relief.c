/*
 * libjbw - relief: the hires that bring the waiting list down to a
 * target (jbw_forecast_relief).
 */
#include "forecast/forecast_internal.h"

#include <math.h>

/* ====================================================================== */
/* Relief staffing                                                         */
/* ====================================================================== */

/* Waiting at the last month of a deterministic run with monthly hires h. */
static double final_waiting(jbw__fc_model *m, const jbw_forecast_params *p,
                            double hires)
{
    jbw__fc_state s;
    double q[FCQ_ALL];
    int32_t t;
    m->hires_fte = hires;
    jbw__fc_state_init(&s, m, p);
    for (t = 1; t <= m->months; t++)
        jbw__fc_step(m, &s, t, NULL, q);
    return q[FCQ_WAITING];
}

static int relief_ok(jbw__fc_model *m, const jbw_forecast_params *p,
                     double target, long steps)
{
    /* A hair of slack so that rounding of the continuous stocks cannot
     * decide whether an exactly reachable target is met. */
    return final_waiting(m, p, (double)steps * JBW_RELIEF_STEP) <=
           target + 1e-9;
}

jbw_status jbw_forecast_relief(double *hires_fte,
                               const jbw_forecast_params *params,
                               const jbw_norm *norm, double target_waiting,
                               int32_t within_months)
{
    jbw_forecast_params p;
    jbw__fc_model m;
    jbw_status st;
    long lo = -1, hi = 1000;
    const long max_steps = (long)(JBW_RELIEF_MAX_HIRES / JBW_RELIEF_STEP);
    if (!hires_fte || !params)
        return jbw__error(JBW_EINVAL, "jbw_forecast_relief: NULL %s",
                          !hires_fte ? "hires_fte" : "params");
    if (!isfinite(target_waiting) || target_waiting < 0)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_relief: target %g must "
                          "be a finite number >= 0",
                          target_waiting);
    if (within_months < 1 || within_months > JBW_FORECAST_MONTHS_MAX)
        return jbw__error(JBW_ERANGE,
                          "jbw_forecast_relief: within_months "
                          "%d is not in 1..%d",
                          (int)within_months, JBW_FORECAST_MONTHS_MAX);
    if ((st = jbw__fc_check_params(params, 0)) != JBW_OK ||
        (st = jbw__fc_params_read(&p, params)) != JBW_OK)
        return st;
    p.months = within_months;
    p.hire_months = within_months;
    p.hires_fte = 0;
    if ((st = jbw__fc_check_horizon(&p)) != JBW_OK)
        return st;
    if ((st = jbw__fc_model_init(&m, &p, norm, 0)) != JBW_OK)
        return st;
    if (relief_ok(&m, &p, target_waiting, 0)) {
        hi = 0;
    } else {
        /* Double until the target is met, then bisect (lo fails, hi meets). */
        while (!relief_ok(&m, &p, target_waiting, hi)) {
            lo = hi;
            if (hi >= max_steps) {
                jbw__fc_model_free(&m);
                return jbw__error(JBW_ERANGE,
                                  "jbw_forecast_relief: even %g "
                                  "FTE hired a month does not bring the "
                                  "waiting list to %g within %d months",
                                  JBW_RELIEF_MAX_HIRES, target_waiting,
                                  (int)within_months);
            }
            hi = hi * 2 > max_steps ? max_steps : hi * 2;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (relief_ok(&m, &p, target_waiting, mid))
                hi = mid;
            else
                lo = mid;
        }
    }
    jbw__fc_model_free(&m);
    *hires_fte = (double)hi * JBW_RELIEF_STEP;
    return jbw__ok();
}

/* ====================================================================== */
/* Relief with a probability                                               */
/* ====================================================================== */

/* One thread's share of an evaluation: the replicates [from, to). */
typedef struct rp_block {
    const jbw__fc_model *m;
    const jbw_forecast_params *p;
    double target;
    uint64_t seed;
    size_t from, to, ok;
} rp_block;

static void rp_block_count(void *arg)
{
    rp_block *b = arg;
    size_t r, ok = 0; /* counted locally: the blocks share cache lines */
    for (r = b->from; r < b->to; r++) {
        jbw__fc_state s;
        double q[FCQ_ALL];
        int32_t t;
        jbw__fc_state_init(&s, b->m, b->p);
        jbw__xoshiro_seed(s.rng.s, b->seed, (uint64_t)r);
        s.rng.lf = b->m->lf;
        for (t = 1; t <= b->m->months; t++)
            jbw__fc_step(b->m, &s, t, &s.rng, q);
        ok += q[FCQ_WAITING] <= b->target + 1e-9;
    }
    b->ok = ok;
}

/*
 * Replicates (of `reps`, each from its own stream of `seed`) with at most
 * `target` waiting at the last month, hiring `hires` FTE a month, counted
 * in `nblocks` contiguous blocks (one per thread). A replicate depends on
 * its own stream only and the count is a sum of whole numbers, so the
 * answer is the same whatever the number of threads.
 */
static size_t replicates_ok(jbw__fc_model *m, const jbw_forecast_params *p,
                            double target, double hires, size_t reps,
                            uint64_t seed, rp_block *blocks, size_t nblocks)
{
    size_t i, ok = 0;
    m->hires_fte = hires;
    m->hire_workers = hires <= 0
                          ? 0
                          : (floor(hires / m->fte_per_worker + 0.5) < 1
                                 ? 1
                                 : floor(hires / m->fte_per_worker + 0.5));
    for (i = 0; i < nblocks; i++) {
        blocks[i].m = m;
        blocks[i].p = p;
        blocks[i].target = target;
        blocks[i].seed = seed;
        blocks[i].from = reps * i / nblocks;
        blocks[i].to = reps * (i + 1) / nblocks;
    }
    jbw__fc_parallel(nblocks, rp_block_count, blocks, sizeof *blocks);
    for (i = 0; i < nblocks; i++)
        ok += blocks[i].ok;
    return ok;
}

/* The search of jbw_forecast_relief_probability on `threads` threads
 * (0: one per core). */
static jbw_status
fc_relief_probability(double *hires_fte, const jbw_forecast_params *params,
                      const jbw_norm *norm, double target_waiting,
                      int32_t within_months, double probability,
                      size_t replicates, uint64_t seed, unsigned threads)
{
    jbw_forecast_params p;
    jbw__fc_model m;
    jbw_status st;
    long lo = -1, hi = 1000;
    const long max_steps = (long)(JBW_RELIEF_MAX_HIRES / JBW_RELIEF_STEP);
    size_t need, nb;
    rp_block *blocks;
    if (!hires_fte || !params)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_relief_probability: NULL %s",
                          !hires_fte ? "hires_fte" : "params");
    if (!(probability > 0 && probability < 1))
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_relief_probability: probability %g "
                          "must lie above 0 and below 1",
                          probability);
    if (replicates < 1 || replicates > JBW_FORECAST_REPLICATES_MAX)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_relief_probability: replicates %zu "
                          "must be 1..%d",
                          replicates, JBW_FORECAST_REPLICATES_MAX);
    if (!isfinite(target_waiting) || target_waiting < 0)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_relief_probability: target %g must "
                          "be a finite number >= 0",
                          target_waiting);
    if (within_months < 1 || within_months > JBW_FORECAST_MONTHS_MAX)
        return jbw__error(JBW_ERANGE,
                          "jbw_forecast_relief_probability: within_months "
                          "%d is not in 1..%d",
                          (int)within_months, JBW_FORECAST_MONTHS_MAX);
    if ((st = jbw__fc_check_params(params, 1)) != JBW_OK ||
        (st = jbw__fc_params_read(&p, params)) != JBW_OK)
        return st;
    p.months = within_months;
    p.hire_months = within_months;
    p.hires_fte = 0;
    if ((st = jbw__fc_model_init(&m, &p, norm, 1)) != JBW_OK)
        return st;
    nb = jbw__fc_threads(threads, replicates);
    if (!(blocks = jbw__calloc(nb, sizeof *blocks))) {
        jbw__fc_model_free(&m);
        return jbw__enomem();
    }
    /* the fewest replicates that make the share: ceil(P x R) */
    need = (size_t)ceil(probability * (double)replicates - 1e-9);
    if (replicates_ok(&m, &p, target_waiting, 0, replicates, seed, blocks,
                      nb) >= need)
        hi = 0;
    else {
        while (replicates_ok(&m, &p, target_waiting,
                             (double)hi * JBW_RELIEF_STEP, replicates, seed,
                             blocks, nb) < need) {
            lo = hi;
            if (hi >= max_steps) {
                jbw__fc_model_free(&m);
                jbw__free(blocks);
                return jbw__error(
                    JBW_ERANGE,
                    "jbw_forecast_relief_probability: even %g FTE hired a "
                    "month does not bring the waiting list to %g within %d "
                    "months in %g of the replicates",
                    JBW_RELIEF_MAX_HIRES, target_waiting, (int)within_months,
                    probability);
            }
            hi = hi * 2 > max_steps ? max_steps : hi * 2;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (replicates_ok(&m, &p, target_waiting,
                              (double)mid * JBW_RELIEF_STEP, replicates, seed,
                              blocks, nb) >= need)
                hi = mid;
            else
                lo = mid;
        }
    }
    jbw__fc_model_free(&m);
    jbw__free(blocks);
    *hires_fte = (double)hi * JBW_RELIEF_STEP;
    return jbw__ok();
}

jbw_status jbw_forecast_relief_probability(
    double *hires_fte, const jbw_forecast_params *params, const jbw_norm *norm,
    double target_waiting, int32_t within_months, double probability,
    size_t replicates, uint64_t seed)
{
    return fc_relief_probability(hires_fte, params, norm, target_waiting,
                                 within_months, probability, replicates, seed,
                                 1);
}

jbw_status jbw_forecast_relief_probability_opts(
    double *hires_fte, const jbw_forecast_params *params, const jbw_norm *norm,
    double target_waiting, int32_t within_months, double probability,
    const jbw_forecast_options *opts)
{
    if (!opts)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_relief_probability_opts: NULL opts");
    if (opts->version != 1 && opts->version != 2)
        return jbw__error_version(opts->version, 1, 2,
                                  "jbw_forecast_relief_probability_opts: "
                                  "options");
    if (opts->progress || opts->on_month)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_relief_probability_opts: progress "
                          "and on_month are not called by the search: "
                          "they must be NULL");
    if (opts->version >= 2 && opts->threads > JBW_FORECAST_THREADS_MAX)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_relief_probability_opts: threads is "
                          "%u: at most %d (0: all cores)",
                          opts->threads, JBW_FORECAST_THREADS_MAX);
    return fc_relief_probability(
        hires_fte, params, norm, target_waiting, within_months, probability,
        opts->replicates, opts->seed, opts->version >= 2 ? opts->threads : 1);
}
