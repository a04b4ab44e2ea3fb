/*
 * bench_forecast: a stochastic forecast of 10,000 replicates x 24 months
 * for a region-size organisation (about 2,000 measures of all twelve
 * kinds, 150 FTE, 20% turnover, monthly hiring, finance on; illustrative
 * figures, no real organisation). Prints the median of several runs, the
 * cost per replicate-month, and the ratio to a plain reference done in
 * the same run: as many xoshiro256** uniform draws, summed, as the model
 * has random variates per replicate-month at most (five per kind: three
 * exits, inflow, orphaned caseload; one per tenure group).
 *
 * The same run on 2 threads is timed too (jbw_forecast_options.threads),
 * alternating with the runs on one thread (same seed in each pair), with
 * the speed-up over one thread (median, min and max of the pairs), the
 * CPU seconds of both, and a check that the figures of every pair are
 * identical (exit status 1 if not). The machine and its load average are
 * printed first, the load average again at the end.
 *
 * usage: bench_forecast [replicates]   (default 10000)
 */
#include "bench_util.h"

#define RUNS   7
#define MONTHS 24

static volatile double bench_sink;

static void region_params(jbw_forecast_params *p)
{
    /* assigned, waiting nieuw, waiting bestaand, inflow per month */
    static const double stock[JBW_KIND_COUNT][4] = {
        {1050, 40, 30, 48}, /* OTS */
        {30, 8, 0, 10},     /* VOTS */
        {420, 0, 10, 6},    /* VOOGDIJ */
        {10, 2, 0, 3},      /* VOORLOPIGE_VOOGDIJ */
        {40, 0, 2, 3},      /* TIJDELIJKE_VOOGDIJ */
        {250, 12, 6, 20},   /* JR_TB_GEDWONGEN */
        {60, 3, 0, 5},      /* JR_TB_VRIJWILLIG */
        {25, 0, 1, 2},      /* JR_ITB_HARDE_KERN */
        {15, 2, 0, 5},      /* JR_ITB_CRIEM */
        {10, 0, 0, 2},      /* JR_STP */
        {15, 1, 0, 1.2},    /* JR_GBM */
        {8, 1, 0, 1.3},     /* JR_VGBM */
    };
    int k, j;
    jbw_forecast_params_init(p, JBW_FORECAST_PARAMS_VERSION);
    p->months = MONTHS;
    jbw_date_from_ymd(&p->start, 2025, 9, 1);
    for (k = 0; k < JBW_KIND_COUNT; k++) {
        p->assigned[k] = stock[k][0];
        p->waiting_nieuw[k] = stock[k][1];
        p->waiting_bestaand[k] = stock[k][2];
        p->inflow[k] = stock[k][3];
        p->tariff[k] = 30000;
    }
    for (j = 0; j < JBW_TENURE_SLOTS - 1; j++)
        p->staff_fte[j] = 20.0 / (JBW_TENURE_SLOTS - 1);
    p->staff_fte[JBW_TENURE_SLOTS - 1] = 130;
    p->turnover = 0.2;
    p->hires_fte = 2.5;
    p->fte_per_worker = 0.85;
    p->finance = 1;
    p->staff_cost = 85000;
    p->fixed_costs = 9000000;
}

/* One run on `threads` threads with seed `seed`: its wall seconds, the CPU
 * seconds of the process added to *cpu and those of the calling thread to
 * *own, the p95 waiting of the last month in *p95;
 * *json (when not NULL) gets the run's JSON, which the caller frees with
 * jbw_free. */
static double one_forecast(const jbw_forecast_params *p, size_t reps,
                           unsigned int threads, uint64_t seed, double *cpu,
                           double *own, double *p95, char **json)
{
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast_month m;
    jbw_forecast *fc = NULL;
    size_t len;
    double t0, c0, o0, wall;
    memset(&m, 0, sizeof m);
    m.version = JBW_FORECAST_MONTH_VERSION;
    o.replicates = reps;
    o.seed = seed;
    o.threads = threads;
    c0 = bench_cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
    o0 = bench_cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
    t0 = bench_now();
    if (jbw_forecast_run(&fc, p, NULL, &o) != JBW_OK) {
        fprintf(stderr, "bench_forecast: %s\n", jbw_last_error());
        exit(1);
    }
    wall = bench_now() - t0;
    *cpu += bench_cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
    *own += bench_cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - o0;
    jbw_forecast_month_get(&m, fc, MONTHS, JBW_STAT_P95);
    *p95 = m.waiting;
    if (json && jbw_forecast_json(json, &len, fc) != JBW_OK)
        *json = NULL;
    jbw_forecast_free(fc);
    return wall;
}

/* The reference: `draws` xoshiro256** uniforms per replicate-month. */
static uint64_t ref_rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static bench_timing time_reference(size_t reps, size_t draws)
{
    double t[RUNS];
    int r;
    for (r = 0; r < RUNS; r++) {
        uint64_t s[4], seed = 1;
        double sum = 0, t0;
        size_t i, n = reps * MONTHS * draws;
        for (i = 0; i < 4; i++)
            s[i] = bench_rng(&seed);
        t0 = bench_now();
        for (i = 0; i < n; i++) {
            uint64_t res = ref_rotl(s[1] * 5, 7) * 9, x = s[1] << 17;
            s[2] ^= s[0];
            s[3] ^= s[1];
            s[1] ^= s[2];
            s[0] ^= s[3];
            s[2] ^= x;
            s[3] = ref_rotl(s[3], 45);
            sum += (double)(res >> 11) * (1.0 / 9007199254740992.0);
        }
        t[r] = bench_now() - t0;
        bench_sink = sum;
    }
    return bench_timing_of(t, RUNS);
}

int main(int argc, char **argv)
{
    jbw_forecast_params p;
    size_t reps = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 10000;
    size_t draws = 5 * JBW_KIND_COUNT + JBW_TENURE_SLOTS;
    double measures = 0, fte = 0, p95 = 0, p95_2 = 0;
    double t1[RUNS], t2[RUNS], ratio[RUNS], cpu1 = 0, cpu2 = 0, w1 = 0, w2 = 0,
                                            own1 = 0, own2 = 0;
    int identical = 1;
    bench_timing t, tt, sp, ref;
    int k, r;

    region_params(&p);
    for (k = 0; k < JBW_KIND_COUNT; k++)
        measures += p.assigned[k] + p.waiting_nieuw[k] + p.waiting_bestaand[k];
    for (k = 0; k < JBW_TENURE_SLOTS; k++)
        fte += p.staff_fte[k];
    bench_print_load("bench_forecast");
    printf("bench_forecast: %zu replicates x %d months, %.0f measures, "
           "%.0f FTE (illustrative region), %d runs on 1 thread and %d on "
           "2 threads, alternating (1, 2, 1, 2, ...); median (min, max)\n",
           reps, MONTHS, measures, fte, RUNS, RUNS);
    /* Alternating runs, each pair with the same seed: the pair's two runs
     * see about the same load on a shared machine, and must give the same
     * JSON. */
    for (r = 0; r < RUNS; r++) {
        char *json1 = NULL, *json2 = NULL;
        uint64_t seed = 20250901u + (uint64_t)r;
        t1[r] = one_forecast(&p, reps, 1, seed, &cpu1, &own1, &p95, &json1);
        t2[r] = one_forecast(&p, reps, 2, seed, &cpu2, &own2, &p95_2, &json2);
        ratio[r] = t1[r] / t2[r];
        w1 += t1[r];
        w2 += t2[r];
        identical &= json1 && json2 && strcmp(json1, json2) == 0;
        jbw_free(json1);
        jbw_free(json2);
    }
    t = bench_timing_of(t1, RUNS);
    tt = bench_timing_of(t2, RUNS);
    sp = bench_timing_of(ratio, RUNS);
    ref = time_reference(reps, draws);
    printf("  forecast, 1 thread:  %.3f s (%.3f, %.3f)  %.0f ns per "
           "replicate-month; p95 waiting at month %d: %.1f\n",
           t.med, t.min, t.max, t.med * 1e9 / ((double)reps * MONTHS), MONTHS,
           p95);
    printf("  forecast, 2 threads: %.3f s (%.3f, %.3f)  %.0f ns per "
           "replicate-month; figures %s one thread's in every run\n",
           tt.med, tt.min, tt.max, tt.med * 1e9 / ((double)reps * MONTHS),
           identical ? "identical to" : "DIFFERENT from");
    printf("  speed-up 1 thread / 2 threads: %.2f (median of the %d pairs; "
           "min %.2f, max %.2f); ratio of the medians %.2f (target >= 1.6 "
           "on 2 idle cores)\n",
           sp.med, RUNS, sp.min, sp.max, t.med / tt.med);
    printf("  CPU seconds of the %d runs: %.2f on 1 thread, %.2f on 2 "
           "(the work the threads share), in %.2f and %.2f wall seconds\n",
           RUNS, cpu1, cpu2, w1, w2);
    /* On 2 threads the calling thread steps half of every month's
     * replicates and computes half of its statistics, plus whatever stays
     * serial; the other thread does the rest. With a core for each, the
     * run takes about the calling thread's CPU time: the bound below does
     * not depend on how busy the machine is. */
    printf("  CPU seconds of the calling thread on 2 threads: %.2f of %.2f; "
           "speed-up the CPU times allow on 2 idle cores (1-thread CPU / "
           "calling thread's CPU on 2): %.2f\n",
           own2, cpu2, cpu1 / own2);
    printf("  reference: %.3f s (%.3f, %.3f)  %zu xoshiro256** uniforms per "
           "replicate-month, one thread: %.0f million uniforms/s\n",
           ref.med, ref.min, ref.max, draws,
           (double)reps * MONTHS * (double)draws / ref.med / 1e6);
    printf("  ratio forecast (1 thread) / reference: %.2f\n", t.med / ref.med);
    bench_print_loadavg("bench_forecast (end)");
    return identical ? 0 : 1;
}
