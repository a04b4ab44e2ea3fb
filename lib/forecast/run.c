/*
 * libjbw - forecast runs: the deterministic run, the stochastic
 * replicates with their quantiles, and the getters of the result.
 */
#include "forecast/forecast_internal.h"

#include <math.h>
#include <string.h>
#if defined(JBW_HAVE_PTHREADS)
#include <pthread.h>
#include <unistd.h>
#endif

/* ====================================================================== */
/* Runs and results                                                        */
/* ====================================================================== */

double *jbw__fc_values(const jbw_forecast *fc, int32_t month, int stat)
{
    return fc->values +
           ((size_t)month * (size_t)fc->nstats + (size_t)stat) * FCQ_ALL;
}

static void month_fill(jbw_forecast_month *out, const jbw_forecast *fc,
                       int32_t month, const double *v)
{
    out->month = month;
    out->date = fc ? fc->dates[month] : JBW_DATE_NONE;
    out->assigned = v[FCQ_ASSIGNED];
    out->waiting_nieuw = v[FCQ_WAITING_NIEUW];
    out->waiting_bestaand = v[FCQ_WAITING_BESTAAND];
    out->waiting = v[FCQ_WAITING];
    out->active = v[FCQ_ACTIVE];
    out->inflow = v[FCQ_INFLOW];
    out->exits = v[FCQ_EXITS];
    out->orphaned = v[FCQ_ORPHANED];
    out->intake = v[FCQ_INTAKE];
    out->leavers_fte = v[FCQ_LEAVERS_FTE];
    out->hires_fte = v[FCQ_HIRES_FTE];
    out->fte = v[FCQ_FTE];
    out->effective_fte = v[FCQ_EFFECTIVE_FTE];
    out->capacity = v[FCQ_CAPACITY];
    out->load = v[FCQ_LOAD];
    out->free_capacity = v[FCQ_FREE_CAPACITY];
    out->revenue = v[FCQ_REVENUE];
    out->staff_cost = v[FCQ_STAFF_COST];
    out->fixed_costs = v[FCQ_FIXED_COSTS];
    out->margin = v[FCQ_MARGIN];
    out->coverage = v[FCQ_COVERAGE];
}

void jbw_forecast_free(jbw_forecast *fc)
{
    if (!fc)
        return;
    jbw__free(fc->dates);
    jbw__free(fc->inflow_expected);
    jbw__free(fc->values);
    jbw__free(fc->data_notice);
    jbw__free(fc);
}

jbw_status jbw_forecast_set_data_notice(jbw_forecast *fc, const char *notice)
{
    char *copy = NULL;
    if (!fc)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_set_data_notice: fc is NULL");
    if (notice && !(copy = jbw__strdup(notice)))
        return jbw__enomem();
    jbw__free(fc->data_notice);
    fc->data_notice = copy;
    return jbw__ok();
}

const char *jbw_forecast_data_notice(const jbw_forecast *fc)
{
    return fc ? fc->data_notice : NULL;
}

static jbw_status result_new(jbw_forecast **out, const jbw_forecast_params *p,
                             size_t reps, uint64_t seed)
{
    jbw_forecast *fc = jbw__calloc(1, sizeof *fc);
    int32_t t;
    size_t i;
    if (!fc)
        return jbw__enomem();
    fc->months = p->months;
    fc->start = p->start;
    fc->replicates = reps;
    fc->seed = reps ? seed : 0;
    fc->finance = p->finance;
    fc->turnover = p->turnover;
    fc->hires_fte = p->hires_fte;
    fc->hire_months = p->hire_months;
    for (i = 0; i < p->hiring_plan_count; i++)
        if (p->hiring_plan[i].month <= p->months && p->hiring_plan[i].fte > 0) {
            fc->plan_fte += p->hiring_plan[i].fte;
            fc->plan_cohorts++;
        }
    fc->nstats = reps ? FC_STATS : 1;
    fc->dates = jbw__calloc((size_t)p->months + 1, sizeof *fc->dates);
    fc->inflow_expected =
        jbw__calloc((size_t)p->months + 1, sizeof *fc->inflow_expected);
    fc->values =
        jbw__calloc(((size_t)p->months + 1) * (size_t)fc->nstats * FCQ_ALL,
                    sizeof *fc->values);
    if (!fc->dates || !fc->inflow_expected || !fc->values) {
        jbw_forecast_free(fc);
        return jbw__enomem();
    }
    for (t = 0; t <= p->months; t++) {
        int k;
        fc->dates[t] = JBW_DATE_NONE;
        if (p->start != JBW_DATE_NONE)
            jbw_date_add_months(&fc->dates[t], p->start, (int)t);
        for (k = 0; t > 0 && k < FC_K; k++)
            fc->inflow_expected[t] +=
                p->inflow[k] * jbw__fc_shock_multiplier(p, k, t);
    }
    *out = fc;
    return JBW_OK;
}

static int notify(const jbw_forecast_options *o, const jbw_forecast *fc,
                  size_t replicate, int32_t t, const double *q)
{
    jbw_forecast_month mo;
    if (!o || !o->on_month)
        return 0;
    memset(&mo, 0, sizeof mo);
    mo.version = JBW_FORECAST_MONTH_VERSION;
    month_fill(&mo, fc, t, q);
    return o->on_month(o->on_month_user, replicate, &mo);
}

static jbw_status canceled_error(const char *what)
{
    return jbw__error(JBW_ECANCELED, "forecast: canceled by the %s callback",
                      what);
}

static jbw_status run_deterministic(jbw_forecast *fc, const jbw__fc_model *m,
                                    const jbw_forecast_params *p,
                                    const jbw_forecast_options *o)
{
    jbw__fc_state s;
    int32_t t;
    jbw__fc_state_init(&s, m, p);
    for (t = 0; t <= m->months; t++) {
        double *q = jbw__fc_values(fc, t, JBW_STAT_MEAN);
        if (t == 0)
            jbw__fc_observe_start(m, &s, q);
        else
            jbw__fc_step(m, &s, t, NULL, q);
        if (notify(o, fc, 0, t, q))
            return canceled_error("month");
        if (o && o->progress &&
            o->progress(o->progress_user, (size_t)t + 1, (size_t)m->months + 1))
            return canceled_error("progress");
    }
    return JBW_OK;
}

/*
 * The k-th smallest of x[l..r] moved to x[k], smaller before, larger
 * after (Hoare's selection with Wirth's partition, which splits runs of
 * equal values evenly: integer stocks have many ties).
 */
static double select_kth(double *x, size_t l, size_t r, size_t k)
{
    while (l < r) {
        double pivot = x[k];
        size_t i = l, j = r;
        do {
            while (x[i] < pivot)
                i++;
            while (pivot < x[j])
                j--;
            if (i <= j) {
                double tmp = x[i];
                x[i] = x[j];
                x[j] = tmp;
                i++;
                if (j == 0)
                    break;
                j--;
            }
        } while (i <= j);
        if (j < k)
            l = i;
        if (k < i)
            r = j;
    }
    return x[k];
}

static double min(const double *x, size_t l, size_t r)
{
    double m = x[l];
    size_t i;
    for (i = l + 1; i <= r; i++)
        if (x[i] < m)
            m = x[i];
    return m;
}

/*
 * Hyndman-Fan type 7 quantile (linear between the order statistics at
 * h = (n - 1) prob) of x[0..n), searching x[l..r]: the caller selects
 * the median first, after which the order statistics below it lie
 * before it and those above after it, so that the 5th and 95th
 * percentiles search only their half. Reorders x.
 */
static double quantile_of(double *x, size_t n, double prob, size_t l, size_t r)
{
    double h = (double)(n - 1) * prob;
    size_t lo = (size_t)floor(h);
    double xlo = select_kth(x, l, r, lo);
    double xhi = lo + 1 <= r  ? min(x, lo + 1, r)
                 : lo + 1 < n ? min(x, lo + 1, n - 1)
                              : xlo;
    return xlo + (h - (double)lo) * (xhi - xlo);
}

/* p5, p50 and p95 of x[0..n) (reorders x). */
static void fill_quantiles(double *out, double *x, size_t n)
{
    size_t mid = (size_t)floor((double)(n - 1) * 0.5);
    out[1] = quantile_of(x, n, 0.50, 0, n - 1);
    out[0] = quantile_of(x, n, 0.05, 0, mid);
    out[2] = quantile_of(x, n, 0.95, mid, n - 1);
}

/* Mean and percentiles of quantity qi of month t from its replicate
 * column (reorders the column). */
static void quantity_stats(jbw_forecast *fc, int32_t t, int qi, double *x,
                           size_t reps)
{
    double sum = 0, lo = x[0], hi = x[0];
    double pct[3];
    size_t r;
    for (r = 0; r < reps; r++) {
        sum += x[r];
        lo = x[r] < lo ? x[r] : lo;
        hi = x[r] > hi ? x[r] : hi;
    }
    if (lo == hi || x[0] != x[0]) {
        /* the same in every replicate (NaN: finance off, or no fixed
         * costs; NaN is the same in every replicate too) */
        pct[0] = pct[1] = pct[2] = x[0];
        jbw__fc_values(fc, t, JBW_STAT_MEAN)[qi] = x[0];
    } else {
        fill_quantiles(pct, x, reps);
        jbw__fc_values(fc, t, JBW_STAT_MEAN)[qi] = sum / (double)reps;
    }
    jbw__fc_values(fc, t, JBW_STAT_P5)[qi] = pct[0];
    jbw__fc_values(fc, t, JBW_STAT_P50)[qi] = pct[1];
    jbw__fc_values(fc, t, JBW_STAT_P95)[qi] = pct[2];
}

/* Mean and percentiles of month t from the replicate columns. */
static void month_stats(jbw_forecast *fc, int32_t t, double *cols, size_t reps)
{
    int qi;
    for (qi = 0; qi < FCQ_ALL; qi++)
        quantity_stats(fc, t, qi, cols + (size_t)qi * reps, reps);
}

/* The replicates [from, to) of month t: one thread's share of a month. */
typedef struct block {
    const jbw__fc_model *m;
    jbw__fc_state *states;
    double *cols; /* FCQ_ALL columns of `reps` */
    size_t reps, from, to;
    int32_t t;
} block;

static void block_step(const block *b)
{
    size_t r;
    int qi;
    for (r = b->from; r < b->to; r++) {
        double q[FCQ_ALL];
        if (b->t == 0)
            jbw__fc_observe_start(b->m, &b->states[r], q);
        else
            jbw__fc_step(b->m, &b->states[r], b->t, &b->states[r].rng, q);
        for (qi = 0; qi < FCQ_ALL; qi++)
            b->cols[(size_t)qi * b->reps + r] = q[qi];
    }
}

/* One thread's share of a month's statistics: the quantities first,
 * first + step, ... (each quantity's column is read and reordered by
 * that thread only). */
typedef struct stats_share {
    jbw_forecast *fc;
    double *cols;
    size_t reps;
    int32_t t;
    int first, step;
} stats_share;

/*
 * Replicates on several threads (jbw_forecast_options.threads). Each
 * month's replicates are split into contiguous blocks, one per thread;
 * the calling thread steps the first block and any block whose thread
 * did not start, then joins the others. A replicate touches only its own
 * state, its own stream and its own cells of the month's columns, and
 * the model is read-only, so the columns are those of one thread bit for
 * bit. The month's statistics are then shared out by quantity: each
 * quantity's mean and percentiles come from its whole column, computed
 * as on one thread, whichever thread computes them.
 */
#if defined(JBW_HAVE_PTHREADS)
typedef struct thread_job {
    void (*fn)(void *);
    void *arg;
} thread_job;

typedef struct thread_pool {
    size_t n;
    block *blocks;
    stats_share *stats;
    thread_job *jobs;
    pthread_t *tid;
    unsigned char *started;
} thread_pool;

static void *job_main(void *arg)
{
    thread_job *job = arg;
    job->fn(job->arg);
    return NULL;
}

static size_t online_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (size_t)n : 1;
}

size_t jbw__fc_threads(unsigned threads, size_t work)
{
    size_t n = threads ? threads : online_cores();
    if (n > JBW_FORECAST_THREADS_MAX)
        n = JBW_FORECAST_THREADS_MAX;
    n = n < work ? n : work;
    return n ? n : 1;
}

/* fn(args + i x size) for i in [0, count), count <= pool->n: item 0 on
 * the calling thread, each other on a thread of its own (on the calling
 * thread when one cannot be started); returns when all are done. */
static void pool_each(thread_pool *pool, size_t count, void (*fn)(void *),
                      void *args, size_t size)
{
    size_t i;
    for (i = 1; i < count; i++) {
        pool->jobs[i].fn = fn;
        pool->jobs[i].arg = (char *)args + i * size;
        pool->started[i] =
            pthread_create(&pool->tid[i], NULL, job_main, &pool->jobs[i]) == 0;
    }
    fn(args);
    for (i = 1; i < count; i++) {
        if (pool->started[i])
            pthread_join(pool->tid[i], NULL);
        else
            fn((char *)args + i * size);
    }
}

/* 0 when the pool's bookkeeping for n threads could not be allocated. */
static int pool_alloc(thread_pool *pool, size_t n)
{
    memset(pool, 0, sizeof *pool);
    pool->n = n;
    if (n < 2)
        return 0;
    pool->jobs = jbw__calloc(n, sizeof *pool->jobs);
    pool->tid = jbw__calloc(n, sizeof *pool->tid);
    pool->started = jbw__calloc(n, 1);
    return pool->jobs && pool->tid && pool->started;
}

static void pool_free(thread_pool *pool)
{
    jbw__free(pool->blocks);
    jbw__free(pool->stats);
    jbw__free(pool->jobs);
    jbw__free(pool->tid);
    jbw__free(pool->started);
}

void jbw__fc_parallel(size_t n, void (*fn)(void *), void *args, size_t size)
{
    thread_pool pool;
    size_t i;
    if (pool_alloc(&pool, n))
        pool_each(&pool, n, fn, args, size);
    else /* one thread, or no memory for more: all on the calling thread */
        for (i = 0; i < n; i++)
            fn((char *)args + i * size);
    pool_free(&pool);
}

/* The threads a run uses: 1 unless asked, never more than replicates. */
static size_t thread_count(const jbw_forecast_options *o)
{
    if (o->version < 2 || o->on_month)
        return 1;
    return jbw__fc_threads(o->threads, o->replicates);
}

/* 0 when the pool could not be set up: the run then uses one thread. */
static int pool_init(thread_pool *pool, const jbw_forecast_options *o,
                     jbw_forecast *fc, const jbw__fc_model *m,
                     jbw__fc_state *states, double *cols)
{
    size_t i, reps = o->replicates;
    if (!pool_alloc(pool, thread_count(o)))
        return 0;
    pool->blocks = jbw__calloc(pool->n, sizeof *pool->blocks);
    pool->stats = jbw__calloc(pool->n, sizeof *pool->stats);
    if (!pool->blocks || !pool->stats)
        return 0;
    for (i = 0; i < pool->n; i++) {
        block *b = &pool->blocks[i];
        stats_share *sh = &pool->stats[i];
        b->m = m;
        b->states = states;
        b->cols = cols;
        b->reps = reps;
        b->from = reps * i / pool->n;
        b->to = reps * (i + 1) / pool->n;
        sh->fc = fc;
        sh->cols = cols;
        sh->reps = reps;
        sh->first = (int)i;
        sh->step = pool->n < FCQ_ALL ? (int)pool->n : FCQ_ALL;
    }
    return 1;
}

static void block_fn(void *arg)
{
    block_step(arg);
}

static void stats_fn(void *arg)
{
    const stats_share *sh = arg;
    int qi;
    for (qi = sh->first; qi < FCQ_ALL; qi += sh->step)
        quantity_stats(sh->fc, sh->t, qi, sh->cols + (size_t)qi * sh->reps,
                       sh->reps);
}

/* Steps every replicate of month t. */
static void pool_month(thread_pool *pool, int32_t t)
{
    size_t i;
    for (i = 0; i < pool->n; i++)
        pool->blocks[i].t = t;
    pool_each(pool, pool->n, block_fn, pool->blocks, sizeof *pool->blocks);
}

/* The statistics of month t, shared out by quantity. */
static void pool_stats(thread_pool *pool, int32_t t)
{
    size_t i, count = pool->n < FCQ_ALL ? pool->n : FCQ_ALL;
    for (i = 0; i < count; i++)
        pool->stats[i].t = t;
    pool_each(pool, count, stats_fn, pool->stats, sizeof *pool->stats);
}
#else /* no POSIX threads: every run uses the calling thread */
size_t jbw__fc_threads(unsigned threads, size_t work)
{
    (void)threads, (void)work;
    return 1;
}

void jbw__fc_parallel(size_t n, void (*fn)(void *), void *args, size_t size)
{
    size_t i;
    for (i = 0; i < n; i++)
        fn((char *)args + i * size);
}

typedef struct thread_pool {
    size_t n;
} thread_pool;

static int pool_init(thread_pool *pool, const jbw_forecast_options *o,
                     jbw_forecast *fc, const jbw__fc_model *m,
                     jbw__fc_state *states, double *cols)
{
    (void)o, (void)fc, (void)m, (void)states, (void)cols;
    pool->n = 1;
    return 0;
}

static void pool_free(thread_pool *pool)
{
    (void)pool;
}

static void pool_month(thread_pool *pool, int32_t t)
{
    (void)pool, (void)t;
}

static void pool_stats(thread_pool *pool, int32_t t)
{
    (void)pool, (void)t;
}
#endif

/* One thread: replicate by replicate, each followed by its callbacks. */
static jbw_status month_serial(jbw_forecast *fc, const block *month,
                               const jbw_forecast_options *o, size_t *done,
                               size_t total)
{
    size_t r, reps = month->reps;
    for (r = 0; r < reps; r++) {
        block one = *month;
        one.from = r;
        one.to = r + 1;
        block_step(&one);
        if (o->on_month) {
            double q[FCQ_ALL];
            int qi;
            for (qi = 0; qi < FCQ_ALL; qi++)
                q[qi] = month->cols[(size_t)qi * reps + r];
            if (notify(o, fc, r, month->t, q))
                return canceled_error("month");
        }
        if (o->progress && (++*done % 4096 == 0 || *done == total) &&
            o->progress(o->progress_user, *done, total))
            return canceled_error("progress");
    }
    return JBW_OK;
}

/*
 * Replicates advance month by month together (all of month t, then
 * t + 1), so that each month's percentiles need only one column per
 * quantity; each replicate draws from its own stream. On one thread the
 * callbacks see every replicate in order; on several, progress is called
 * once per month.
 */
static jbw_status run_stochastic(jbw_forecast *fc, const jbw__fc_model *m,
                                 const jbw_forecast_params *p,
                                 const jbw_forecast_options *o)
{
    size_t reps = o->replicates, r, done = 0;
    size_t total = reps * ((size_t)m->months + 1);
    jbw__fc_state *states = jbw__calloc(reps, sizeof *states);
    double *cols = jbw__calloc(reps * FCQ_ALL, sizeof *cols);
    thread_pool pool;
    int parallel = 0;
    jbw_status st = JBW_OK;
    int32_t t;
    memset(&pool, 0, sizeof pool);
    if (!states || !cols) {
        st = jbw__enomem();
        goto done;
    }
    for (r = 0; r < reps; r++) {
        jbw__fc_state_init(&states[r], m, p);
        jbw__xoshiro_seed(states[r].rng.s, o->seed, (uint64_t)r);
        states[r].rng.lf = m->lf;
    }
    parallel = pool_init(&pool, o, fc, m, states, cols);
    for (t = 0; t <= m->months; t++) {
        if (parallel) {
            pool_month(&pool, t);
            done += reps;
            if (o->progress && o->progress(o->progress_user, done, total)) {
                st = canceled_error("progress");
                goto done;
            }
            pool_stats(&pool, t);
        } else {
            block month = {m, states, cols, reps, 0, reps, t};
            if ((st = month_serial(fc, &month, o, &done, total)) != JBW_OK)
                goto done;
            month_stats(fc, t, cols, reps);
        }
    }
done:
    pool_free(&pool);
    jbw__free(states);
    jbw__free(cols);
    return st;
}

static jbw_status check_options(const jbw_forecast_options *o)
{
    if (!o)
        return JBW_OK;
    if (o->version != 1 && o->version != JBW_FORECAST_OPTIONS_VERSION)
        return jbw__error_version(o->version, 1, JBW_FORECAST_OPTIONS_VERSION,
                                  "forecast options:");
    if (o->version >= 2 && o->threads > JBW_FORECAST_THREADS_MAX)
        return jbw__error(JBW_EINVAL,
                          "forecast options: threads is %u: at most %d "
                          "(0: one per core)",
                          o->threads, JBW_FORECAST_THREADS_MAX);
    if (o->replicates > JBW_FORECAST_REPLICATES_MAX)
        return jbw__error(JBW_EINVAL,
                          "forecast options: replicates is %zu: "
                          "at most %d",
                          o->replicates, JBW_FORECAST_REPLICATES_MAX);
    return JBW_OK;
}

jbw_status jbw_forecast_run(jbw_forecast **out,
                            const jbw_forecast_params *given,
                            const jbw_norm *norm,
                            const jbw_forecast_options *opts)
{
    jbw_forecast *fc = NULL;
    jbw_forecast_params full;
    const jbw_forecast_params *params = &full;
    jbw__fc_model m;
    jbw_status st;
    int stochastic;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_forecast_run: NULL out");
    if ((st = check_options(opts)) != JBW_OK)
        return st;
    stochastic = opts && opts->replicates > 0;
    if ((st = jbw__fc_check_params(given, stochastic)) != JBW_OK ||
        (st = jbw__fc_params_read(&full, given)) != JBW_OK)
        return st;
    if ((st = jbw__fc_model_init(&m, params, norm, stochastic)) != JBW_OK)
        return st;
    st = result_new(&fc, params, stochastic ? opts->replicates : 0,
                    opts ? opts->seed : 0);
    if (st == JBW_OK)
        st = stochastic ? run_stochastic(fc, &m, params, opts)
                        : run_deterministic(fc, &m, params, opts);
    jbw__fc_model_free(&m);
    if (st != JBW_OK) {
        jbw_forecast_free(fc);
        return st;
    }
    *out = fc;
    return jbw__ok();
}

int32_t jbw_forecast_months(const jbw_forecast *fc)
{
    return fc ? fc->months : 0;
}

size_t jbw_forecast_replicates(const jbw_forecast *fc)
{
    return fc ? fc->replicates : 0;
}

uint64_t jbw_forecast_seed(const jbw_forecast *fc)
{
    return fc ? fc->seed : 0;
}

int jbw_forecast_has_finance(const jbw_forecast *fc)
{
    return fc ? fc->finance : 0;
}

jbw_status jbw_forecast_assumptions(double *annual_turnover,
                                    double *hires_fte_per_month,
                                    int32_t *hire_months, double *plan_fte,
                                    int *plan_cohorts, const jbw_forecast *fc)
{
    if (!fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_assumptions: fc is NULL");
    if (annual_turnover)
        *annual_turnover = fc->turnover;
    if (hires_fte_per_month)
        *hires_fte_per_month = fc->hires_fte;
    if (hire_months)
        *hire_months = fc->hire_months;
    if (plan_fte)
        *plan_fte = fc->plan_fte;
    if (plan_cohorts)
        *plan_cohorts = fc->plan_cohorts;
    return jbw__ok();
}

jbw_status jbw_forecast_inflow_expected(double *out, const jbw_forecast *fc,
                                        int32_t month)
{
    if (!out || !fc)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_inflow_expected: NULL argument");
    if (month < 0 || month > fc->months)
        return jbw__error(JBW_ERANGE,
                          "jbw_forecast_inflow_expected: month %ld is not in "
                          "0..%ld",
                          (long)month, (long)fc->months);
    *out = fc->inflow_expected[month];
    return jbw__ok();
}

const char *jbw_statistic_code(jbw_statistic stat)
{
    static const char *const codes[FC_STATS] = {"mean", "p5", "p50", "p95"};
    return (int)stat >= 0 && (int)stat < FC_STATS ? codes[stat] : NULL;
}

/* A statistic the run does not have: its code named, and what it has. */
static jbw_status stat_missing(const char *fn, const jbw_forecast *fc,
                               jbw_statistic stat)
{
    const char *code = jbw_statistic_code(stat);
    return jbw__error(JBW_EINVAL,
                      "%s: statistic %d (%s) is not in this %s run, which "
                      "has %s",
                      fn, (int)stat, code ? code : "unknown",
                      fc->replicates ? "stochastic" : "deterministic",
                      fc->replicates ? "mean, p5, p50 and p95"
                                     : "only the mean (JBW_STAT_MEAN)");
}

jbw_status jbw_forecast_month_get(jbw_forecast_month *out,
                                  const jbw_forecast *fc, int32_t month,
                                  jbw_statistic stat)
{
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_month_get: NULL %s",
                          !out ? "out" : "forecast");
    if (out->version != JBW_FORECAST_MONTH_VERSION)
        return jbw__error_version(out->version, JBW_FORECAST_MONTH_VERSION,
                                  JBW_FORECAST_MONTH_VERSION,
                                  "jbw_forecast_month_get:");
    if ((int)stat < 0 || (int)stat >= fc->nstats)
        return stat_missing("jbw_forecast_month_get", fc, stat);
    if (month < 0 || month > fc->months)
        return jbw__error(JBW_ERANGE,
                          "jbw_forecast_month_get: month %d is "
                          "not in 0..%d",
                          (int)month, (int)fc->months);
    month_fill(out, fc, month, jbw__fc_values(fc, month, (int)stat));
    return jbw__ok();
}

jbw_status jbw_forecast_kind_get(double *active, double *waiting,
                                 const jbw_forecast *fc, int32_t month,
                                 jbw_statistic stat, jbw_kind kind)
{
    const double *v;
    if (!fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_kind_get: NULL forecast");
    if ((int)stat < 0 || (int)stat >= fc->nstats)
        return stat_missing("jbw_forecast_kind_get", fc, stat);
    if (month < 0 || month > fc->months)
        return jbw__error(JBW_ERANGE,
                          "jbw_forecast_kind_get: month %d is not in 0..%d",
                          (int)month, (int)fc->months);
    if ((int)kind < 0 || (int)kind >= FC_K)
        return jbw__error(JBW_ERANGE, "jbw_forecast_kind_get: kind %d",
                          (int)kind);
    v = jbw__fc_values(fc, month, (int)stat);
    if (active)
        *active = v[FCQ_KIND(kind, 0)];
    if (waiting)
        *waiting = v[FCQ_KIND(kind, 1)];
    return jbw__ok();
}
