/*
 * bench_relief: relief with a probability (the smallest constant hiring
 * that brings the waiting list to a target in at least 90% of 1,000
 * seeded replicates within 24 months) for a region-size organisation
 * (about 1,600 measures, 110 FTE, 20% turnover; illustrative figures, no
 * real organisation), on 1 and on 2 threads
 * (jbw_forecast_relief_probability_opts). Prints the median, min and max
 * of several runs, the speed-up of 2 threads over one, a check that both
 * give the same answer, and the ratio to a reference measured in the same
 * run: one stochastic forecast of the same replicates and months on one
 * thread (the search runs about that many replicates per candidate
 * hiring it tries).
 *
 * usage: bench_relief [replicates]   (default 1000)
 */
#include "bench_util.h"

#define RUNS   5
#define MONTHS 24

static void region_params(jbw_forecast_params *p)
{
    jbw_forecast_params_init(p, JBW_FORECAST_PARAMS_VERSION);
    p->months = MONTHS;
    p->assigned[JBW_KIND_OTS] = 900;
    p->waiting_nieuw[JBW_KIND_OTS] = 120;
    p->waiting_bestaand[JBW_KIND_OTS] = 60;
    p->inflow[JBW_KIND_OTS] = 40;
    p->assigned[JBW_KIND_VOTS] = 30;
    p->waiting_nieuw[JBW_KIND_VOTS] = 8;
    p->inflow[JBW_KIND_VOTS] = 10;
    p->assigned[JBW_KIND_VOOGDIJ] = 380;
    p->inflow[JBW_KIND_VOOGDIJ] = 5;
    p->assigned[JBW_KIND_JR_TB_GEDWONGEN] = 200;
    p->waiting_nieuw[JBW_KIND_JR_TB_GEDWONGEN] = 20;
    p->inflow[JBW_KIND_JR_TB_GEDWONGEN] = 15;
    p->staff_fte[0] = 4;
    p->staff_fte[JBW_TENURE_SLOTS - 1] = 106;
    p->turnover = 0.2;
    p->fte_per_worker = 0.85;
}

/* RUNS searches on `threads` threads: their wall seconds; the CPU seconds
 * of the process are added to *cpu, those of the calling thread to *own. */
static bench_timing time_relief(const jbw_forecast_params *p, size_t reps,
                                unsigned threads, double *hires, double *cpu,
                                double *own)
{
    double t[RUNS];
    int r;
    for (r = 0; r < RUNS; r++) {
        jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
        double t0, c0, o0;
        o.replicates = reps;
        o.seed = 20250901u;
        o.threads = threads;
        c0 = bench_cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
        o0 = bench_cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
        t0 = bench_now();
        if (jbw_forecast_relief_probability_opts(hires, p, NULL, 50, MONTHS,
                                                 0.9, &o) != JBW_OK) {
            fprintf(stderr, "bench_relief: %s\n", jbw_last_error());
            exit(1);
        }
        *cpu += bench_cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
        *own += bench_cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - o0;
        t[r] = bench_now() - t0;
    }
    return bench_timing_of(t, RUNS);
}

static bench_timing time_reference(const jbw_forecast_params *p, size_t reps)
{
    double t[RUNS];
    int r;
    for (r = 0; r < RUNS; r++) {
        jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
        jbw_forecast *fc = NULL;
        double t0;
        o.replicates = reps;
        o.seed = 20250901u;
        o.threads = 1;
        t0 = bench_now();
        if (jbw_forecast_run(&fc, p, NULL, &o) != JBW_OK) {
            fprintf(stderr, "bench_relief: %s\n", jbw_last_error());
            exit(1);
        }
        t[r] = bench_now() - t0;
        jbw_forecast_free(fc);
    }
    return bench_timing_of(t, RUNS);
}

int main(int argc, char **argv)
{
    jbw_forecast_params p;
    size_t reps = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1000;
    double h1 = 0, h2 = 0, cpu1 = 0, cpu2 = 0, own1 = 0, own2 = 0;
    bench_timing one, two, ref;
    region_params(&p);
    bench_print_load("bench_relief");
    printf("bench_relief: relief with a probability, target 50 waiting in "
           "90%% of %zu replicates within %d months (median of %d; "
           "synthetic figures)\n",
           reps, MONTHS, RUNS);
    ref = time_reference(&p, reps);
    one = time_relief(&p, reps, 1, &h1, &cpu1, &own1);
    two = time_relief(&p, reps, 2, &h2, &cpu2, &own2);
    printf("  relief, 1 thread:  %.3f s (%.3f, %.3f)  answer %.3f FTE a "
           "month\n",
           one.med, one.min, one.max, h1);
    printf("  relief, 2 threads: %.3f s (%.3f, %.3f)  answer %.3f FTE a "
           "month: %s\n",
           two.med, two.min, two.max, h2,
           memcmp(&h1, &h2, sizeof h1) == 0 ? "the same bit for bit"
                                            : "DIFFERENT");
    printf("  speed-up 1 thread / 2 threads: %.2f\n", one.med / two.med);
    /* as in bench_forecast: on 2 idle cores a search takes about its
     * calling thread's CPU time */
    printf("  CPU seconds of the %d searches: %.2f on 1 thread, %.2f on 2, "
           "of which the calling thread %.2f; speed-up the CPU times allow "
           "on 2 idle cores: %.2f\n",
           RUNS, cpu1, cpu2, own2, cpu1 / own2);
    printf("  reference, one forecast of %zu x %d on 1 thread: %.3f s "
           "(%.3f, %.3f)\n",
           reps, MONTHS, ref.med, ref.min, ref.max);
    printf("  ratio relief (1 thread) / reference: %.1f (forecasts' worth "
           "of work in the search)\n",
           one.med / ref.med);
    return memcmp(&h1, &h2, sizeof h1) == 0 ? 0 : 1;
}
