/*
 * bench_calibrate: calibration and a 12-month backtest against the load of
 * the same national-size files (32,000 measures, 5,000 workers; synthetic)
 * at 1x, 10x and 100x. Both read every record once, so their time should
 * grow as the load's does; prints seconds and the ratio to the load.
 *
 * usage: bench_calibrate [max_scale]   (default 100)
 */
#include "bench_util.h"

#define RUNS 3

static double time_load(jbw_snapshot **keep, const jbw_registry *reg,
                        const bench_text *m, const bench_text *w)
{
    double t[RUNS];
    int r;
    for (r = 0; r < RUNS; r++) {
        jbw_snapshot *snap = NULL;
        double t0 = bench_now();
        jbw_status st = jbw_snapshot_load_csv_buffers(
            &snap, NULL, reg, m->data, m->len, "measures.csv", w->data, w->len,
            "workers.csv", NULL);
        t[r] = bench_now() - t0;
        if (st != JBW_OK) {
            fprintf(stderr, "bench_calibrate: load failed: %s\n",
                    jbw_last_error());
            exit(1);
        }
        if (r == RUNS - 1)
            *keep = snap;
        else
            jbw_snapshot_free(snap);
    }
    return bench_median(t, RUNS);
}

static double time_calibrate(const jbw_snapshot *snap)
{
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    double t[RUNS];
    int r;
    for (r = 0; r < RUNS; r++) {
        jbw_calibration *cal = NULL;
        double t0 = bench_now();
        if (jbw_calibrate(&cal, snap, &o) != JBW_OK) {
            fprintf(stderr, "bench_calibrate: %s\n", jbw_last_error());
            exit(1);
        }
        t[r] = bench_now() - t0;
        jbw_calibration_free(cal);
    }
    return bench_median(t, RUNS);
}

static double time_backtest(const jbw_snapshot *snap)
{
    jbw_backtest_options o = JBW_BACKTEST_OPTIONS_INIT;
    double t[RUNS];
    int r;
    jbw_date_from_ymd(&o.from, 2024, 9, 1);
    o.months = 12;
    for (r = 0; r < RUNS; r++) {
        jbw_backtest *bt = NULL;
        double t0 = bench_now();
        if (jbw_backtest_run(&bt, snap, &o) != JBW_OK) {
            fprintf(stderr, "bench_calibrate: %s\n", jbw_last_error());
            exit(1);
        }
        t[r] = bench_now() - t0;
        jbw_backtest_free(bt);
    }
    return bench_median(t, RUNS);
}

int main(int argc, char **argv)
{
    int max_scale = argc > 1 ? atoi(argv[1]) : 100;
    jbw_registry *reg = NULL;
    int scale;
    if (jbw_registry_zuid_west(&reg) != JBW_OK)
        return 1;
    bench_print_load("bench_calibrate");
    printf("calibrate and a 12-month backtest against the load (median of "
           "%d; synthetic data)\n",
           RUNS);
    printf("%-6s %10s %10s %12s %8s %12s %8s\n", "scale", "measures", "load s",
           "calibrate s", "ratio", "backtest s", "ratio");
    for (scale = 1; scale <= max_scale; scale *= 10) {
        bench_text m = {NULL, 0, 0}, w = {NULL, 0, 0};
        jbw_snapshot *snap = NULL;
        size_t nm = 32000 * (size_t)scale, nw = 5000 * (size_t)scale;
        double load, cal, bt;
        bench_national_csv(&m, &w, nm, nw, ',', 42);
        load = time_load(&snap, reg, &m, &w);
        free(m.data);
        free(w.data);
        cal = time_calibrate(snap);
        bt = time_backtest(snap);
        printf("%-6d %10zu %10.3f %12.3f %8.2f %12.3f %8.2f\n", scale, nm, load,
               cal, cal / load, bt, bt / load);
        fflush(stdout);
        jbw_snapshot_free(snap);
    }
    jbw_registry_free(reg);
    return 0;
}
