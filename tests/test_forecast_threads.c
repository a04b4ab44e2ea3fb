/*
 * Tests of the forecast's replicates on several threads
 * (jbw_forecast_options.threads, version 2): the same figures as one
 * thread bit for bit, the callbacks' order and thread, the limits, and
 * version-1 records. Every record here is synthetic.
 */
#define _POSIX_C_SOURCE 200809L

#include "jbw_test.h"

#include <pthread.h>

#define MONTHS 24

/* The busy region of jbw_test.h over MONTHS: every sampler of a
 * replicate-month is drawn. */
static void region(jbw_forecast_params *p)
{
    jbw_test_busy_region(p, MONTHS);
}

static jbw_forecast *run_on(const jbw_forecast_params *p, size_t replicates,
                            unsigned int threads)
{
    return jbw_test_run_forecast(p, NULL, replicates, 2024, threads);
}

/* Every statistic of every month, compared as bytes, and the JSON. */
static void assert_same_figures(const jbw_forecast *a, const jbw_forecast *b)
{
    int32_t t;
    int stat;
    char *ja = NULL, *jb = NULL;
    size_t la = 0, lb = 0;
    for (t = 0; t <= MONTHS; t++)
        for (stat = 0; stat < 4; stat++) {
            jbw_forecast_month ma, mb;
            memset(&ma, 0, sizeof ma);
            memset(&mb, 0, sizeof mb);
            ma.version = mb.version = JBW_FORECAST_MONTH_VERSION;
            assert_ok(jbw_forecast_month_get(&ma, a, t, (jbw_statistic)stat));
            assert_ok(jbw_forecast_month_get(&mb, b, t, (jbw_statistic)stat));
            assert_memory_equal(&ma, &mb, sizeof ma);
        }
    assert_ok(jbw_forecast_json(&ja, &la, a));
    assert_ok(jbw_forecast_json(&jb, &lb, b));
    assert_int_equal(la, lb);
    assert_memory_equal(ja, jb, la);
    jbw_free(ja);
    jbw_free(jb);
}

#if defined(__linux__)
#include <dirent.h>

/* The threads of this process now: the entries of /proc/self/task. */
static size_t threads_now(void)
{
    DIR *d = opendir("/proc/self/task");
    struct dirent *e;
    size_t n = 0;
    if (!d)
        return 0;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

/* A watcher thread that keeps the most threads the process had until it
 * is told to stop. */
typedef struct watch {
    pthread_mutex_t mu;
    int stop;
    size_t most;
} watch;

static void *watch_threads(void *arg)
{
    watch *w = arg;
    for (;;) {
        size_t n = threads_now();
        int stop;
        pthread_mutex_lock(&w->mu);
        if (n > w->most)
            w->most = n;
        stop = w->stop;
        pthread_mutex_unlock(&w->mu);
        if (stop)
            return NULL;
    }
}
#endif

/* threads = 2 really draws on a second thread: a forecast that quietly
 * kept every replicate on the calling thread (as the library does when a
 * thread cannot start) would pass the comparisons above. */
static void threads_asked_for_are_started(void **s)
{
#if defined(__linux__)
    jbw_forecast_params p;
    jbw_forecast *fc;
    watch w;
    pthread_t tid;
    size_t with_watcher, seen = 0;
    int runs;
    (void)s;
    region(&p);
    memset(&w, 0, sizeof w);
    assert_int_equal(pthread_mutex_init(&w.mu, NULL), 0);
    assert_int_equal(pthread_create(&tid, NULL, watch_threads, &w), 0);
    /* this thread and the watcher, before the run */
    with_watcher = threads_now();
    /* a busy machine may keep the watcher from running while a month's
     * second thread does: up to 5 runs to see it */
    for (runs = 0; runs < 5; runs++) {
        fc = run_on(&p, 1001, 2);
        jbw_forecast_free(fc);
        pthread_mutex_lock(&w.mu);
        seen = w.most;
        pthread_mutex_unlock(&w.mu);
        if (seen >= with_watcher + 1)
            break;
    }
    pthread_mutex_lock(&w.mu);
    w.stop = 1;
    pthread_mutex_unlock(&w.mu);
    pthread_join(tid, NULL);
    pthread_mutex_destroy(&w.mu);
    assert_true(with_watcher >= 2);
    /* the run's second thread was seen beside those two */
    assert_true(w.most >= with_watcher + 1);
#else
    (void)s;
    skip();
#endif
}

static void threads_give_the_figures_of_one_thread_bit_for_bit(void **s)
{
    static const unsigned int threads[] = {2, 3, 8, 0};
    jbw_forecast_params p;
    jbw_forecast *one, *many;
    size_t i;
    (void)s;
    region(&p);
    /* 1001 replicates: blocks of unequal size on 2, 3 and 8 threads */
    one = run_on(&p, 1001, 1);
    for (i = 0; i < sizeof threads / sizeof *threads; i++) {
        many = run_on(&p, 1001, threads[i]);
        assert_same_figures(one, many);
        jbw_forecast_free(many);
    }
    jbw_forecast_free(one);
    /* more threads than replicates: one replicate per thread */
    one = run_on(&p, 3, 1);
    many = run_on(&p, 3, 16);
    assert_same_figures(one, many);
    jbw_forecast_free(one);
    jbw_forecast_free(many);
}

/* on_month: months in order, replicates in order within a month, on the
 * calling thread. */
typedef struct order_ctx {
    pthread_t caller;
    size_t calls, replicates;
    int in_order, on_caller;
} order_ctx;

static int record_order(void *user, size_t r, const jbw_forecast_month *m)
{
    order_ctx *c = user;
    size_t want_r = c->calls % c->replicates;
    int32_t want_t = (int32_t)(c->calls / c->replicates);
    c->in_order &= r == want_r && m->month == want_t;
    c->on_caller &= pthread_equal(pthread_self(), c->caller) != 0;
    c->calls++;
    return 0;
}

static void on_month_keeps_its_order_when_threads_are_asked(void **s)
{
    jbw_forecast_params p;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL, *one;
    order_ctx ctx = {pthread_self(), 0, 50, 1, 1};
    (void)s;
    region(&p);
    o.replicates = 50;
    o.seed = 2024;
    o.threads = 4;
    o.on_month = record_order;
    o.on_month_user = &ctx;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    assert_int_equal(ctx.calls, 50 * (MONTHS + 1));
    assert_true(ctx.in_order);
    assert_true(ctx.on_caller);
    one = run_on(&p, 50, 1);
    assert_same_figures(one, fc);
    jbw_forecast_free(one);
    jbw_forecast_free(fc);
}

/* progress on several threads: the calling thread, once per month,
 * done = whole months x replicates. */
typedef struct month_progress {
    pthread_t caller;
    size_t calls, stop_at, last_total;
    int per_month, on_caller;
} month_progress;

static int record_progress(void *user, size_t done, size_t total)
{
    month_progress *c = user;
    c->calls++;
    c->per_month &= done == c->calls * 40;
    c->on_caller &= pthread_equal(pthread_self(), c->caller) != 0;
    c->last_total = total;
    return c->stop_at && c->calls == c->stop_at;
}

static void progress_on_threads_comes_once_a_month_from_the_caller(void **s)
{
    jbw_forecast_params p;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL, *const sentinel = (jbw_forecast *)(void *)&p;
    month_progress ctx = {pthread_self(), 0, 0, 0, 1, 1};
    (void)s;
    region(&p);
    o.replicates = 40;
    o.threads = 2;
    o.progress = record_progress;
    o.progress_user = &ctx;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    /* 25 months (0..24) of 40 replicates: 25 calls, 1,000 at the end */
    assert_int_equal(ctx.calls, MONTHS + 1);
    assert_int_equal(ctx.last_total, 40 * (MONTHS + 1));
    assert_true(ctx.per_month);
    assert_true(ctx.on_caller);
    jbw_forecast_free(fc);
    /* a stop after the third month */
    memset(&ctx, 0, sizeof ctx);
    ctx.caller = pthread_self();
    ctx.per_month = ctx.on_caller = 1;
    ctx.stop_at = 3;
    fc = sentinel;
    assert_status(jbw_forecast_run(&fc, &p, NULL, &o), JBW_ECANCELED);
    assert_error_contains("progress");
    assert_int_equal(ctx.calls, 3);
    assert_ptr_equal(fc, sentinel);
}

static void threads_above_the_maximum_are_refused(void **s)
{
    jbw_forecast_params p;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL;
    (void)s;
    region(&p);
    o.replicates = 4;
    o.threads = JBW_FORECAST_THREADS_MAX + 1;
    assert_status(jbw_forecast_run(&fc, &p, NULL, &o), JBW_EINVAL);
    assert_error_contains("threads is 257");
    assert_null(fc);
    o.threads = JBW_FORECAST_THREADS_MAX; /* allowed: 4 are used */
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    jbw_forecast_free(fc);
    /* a deterministic run ignores threads */
    o.replicates = 0;
    o.threads = 8;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    jbw_forecast_free(fc);
}

/* A version-1 record (programs built against 0.1.0) ends before
 * `threads`: init does not write it and the run does not read it. */
static void version_1_options_end_before_threads(void **s)
{
    jbw_forecast_params p;
    jbw_forecast_options o;
    jbw_forecast *fc = NULL, *one;
    (void)s;
    memset(&o, 0xab, sizeof o);
    assert_ok(jbw_forecast_options_init(&o, 1));
    assert_int_equal(o.version, 1);
    assert_int_equal(o.replicates, 0);
    assert_true(o.seed == 1);
    assert_null(o.on_month);
    assert_int_equal(o.threads, 0xabababab); /* untouched */
    assert_ok(jbw_forecast_options_init(&o, JBW_FORECAST_OPTIONS_VERSION));
    assert_int_equal(o.version, 2);
    assert_int_equal(o.threads, 1); /* the default: the calling thread */
    assert_status(jbw_forecast_options_init(&o, 3), JBW_EVERSION);
    /* garbage where a version-1 record has none: ignored */
    region(&p);
    assert_ok(jbw_forecast_options_init(&o, 1));
    o.replicates = 30;
    o.seed = 2024;
    o.threads = 0xabababab;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    one = run_on(&p, 30, 1);
    assert_same_figures(one, fc);
    jbw_forecast_free(one);
    jbw_forecast_free(fc);
}

/*
 * Relief with a probability on N threads
 * (jbw_forecast_relief_probability_opts): the same answer as one thread, bit
 * for bit, for 1, 2, 3, 7 and all cores, with a hiring plan too; the same as
 * the call without options. 301 replicates so that the blocks split unevenly
 * (100, 100, 101 on three threads) and the search compares counts near the
 * threshold.
 */
static void relief_probability_on_threads_is_that_of_one_thread(void **s)
{
    static const unsigned threads[] = {2, 3, 7, 0};
    static const jbw_hire plan[1] = {{2, 3.0, 2, 0.5}};
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast_params p;
    double one, many, plain;
    jbw_relief_answer a;
    size_t i;
    int with_plan;
    (void)s;
    for (with_plan = 0; with_plan < 2; with_plan++) {
        region(&p);
        p.months = 12;
        if (with_plan) {
            p.hiring_plan = plan;
            p.hiring_plan_count = 1;
        }
        o.replicates = 301;
        o.seed = 77;
        o.threads = 1;
        assert_ok(jbw_forecast_relief_probability_opts(&one, &p, NULL, 30, 12,
                                                       0.8, &o));
        assert_true(one > 0);
        assert_ok(jbw_forecast_relief_probability(&plain, &p, NULL, 30, 12, 0.8,
                                                  301, 77));
        assert_true(plain == one);
        for (i = 0; i < sizeof threads / sizeof threads[0]; i++) {
            o.threads = threads[i];
            assert_ok(jbw_forecast_relief_probability_opts(&many, &p, NULL, 30,
                                                           12, 0.8, &o));
            assert_memory_equal(&many, &one, sizeof one);
        }
        a.version = JBW_RELIEF_ANSWER_VERSION;
        o.threads = 3;
        assert_ok(jbw_staffing_relief_probability_opts(&a, &p, NULL, 30, 12,
                                                       0.8, &o));
        assert_memory_equal(&a.hires_fte_per_month, &one, sizeof one);
        assert_int_equal(a.replicates, 301);
        assert_int_equal(a.seed, 77);
    }
}

static int never_called(void *user, size_t done, size_t total)
{
    (void)user, (void)done, (void)total;
    return 1;
}

static void relief_probability_options_are_checked(void **s)
{
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast_params p;
    double h = -1;
    (void)s;
    region(&p);
    o.replicates = 10;
    o.threads = JBW_FORECAST_THREADS_MAX + 1;
    assert_status(
        jbw_forecast_relief_probability_opts(&h, &p, NULL, 30, 12, 0.8, &o),
        JBW_EINVAL);
    assert_error_contains("threads is 257");
    o.threads = 2;
    o.progress = never_called;
    assert_status(
        jbw_forecast_relief_probability_opts(&h, &p, NULL, 30, 12, 0.8, &o),
        JBW_EINVAL);
    assert_error_contains("must be NULL");
    o.progress = NULL;
    o.replicates = 0;
    assert_status(
        jbw_forecast_relief_probability_opts(&h, &p, NULL, 30, 12, 0.8, &o),
        JBW_EINVAL);
    assert_status(
        jbw_forecast_relief_probability_opts(&h, &p, NULL, 30, 12, 0.8, NULL),
        JBW_EINVAL);
    assert_near(h, -1, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(threads_give_the_figures_of_one_thread_bit_for_bit),
        cmocka_unit_test(threads_asked_for_are_started),
        cmocka_unit_test(on_month_keeps_its_order_when_threads_are_asked),
        cmocka_unit_test(
            progress_on_threads_comes_once_a_month_from_the_caller),
        cmocka_unit_test(threads_above_the_maximum_are_refused),
        cmocka_unit_test(version_1_options_end_before_threads),
        cmocka_unit_test(relief_probability_on_threads_is_that_of_one_thread),
        cmocka_unit_test(relief_probability_options_are_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
