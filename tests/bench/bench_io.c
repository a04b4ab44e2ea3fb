/*
 * bench_io: CSV import of a national-size measures.csv (32,000 measures,
 * 5,000 workers; synthetic), in both the ',' and the ';' (Dutch Excel)
 * form, at 1x, 10x and 100x the national size. Prints MB/s and the
 * ratio to a memcpy of the same bytes, and, when python3 is on PATH, to the
 * Python standard library's csv module reading the same file. Each load
 * is timed on one thread and on two (jbw_load_options.threads = 2: the
 * rows parsed on a second thread), in the same run, with the ratio.
 *
 * usage: bench_io [max_scale]   (default 100)
 */
#include "bench_util.h"

#define RUNS 5

static volatile char bench_sink;

/* CPU seconds of one load, medians: the process's and the calling
 * thread's (the rest is the parse thread's). */
typedef struct load_cpu {
    double process, calling;
} load_cpu;

static double time_load(const jbw_registry *reg, const bench_text *m,
                        const bench_text *w, unsigned threads, load_cpu *cpu)
{
    double t[RUNS], cp[RUNS], cc[RUNS];
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    int r;
    o.threads = threads;
    for (r = 0; r < RUNS; r++) {
        jbw_snapshot *snap = NULL;
        double p0 = bench_cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
        double c0 = bench_cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
        double t0 = bench_now();
        jbw_status st = jbw_snapshot_load_csv_buffers(
            &snap, NULL, reg, m->data, m->len, "measures.csv", w->data, w->len,
            "workers.csv", &o);
        t[r] = bench_now() - t0;
        cc[r] = bench_cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - c0;
        cp[r] = bench_cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - p0;
        if (st != JBW_OK) {
            fprintf(stderr, "bench_io: load failed: %s\n", jbw_last_error());
            exit(1);
        }
        jbw_snapshot_free(snap);
    }
    cpu->process = bench_median(cp, RUNS);
    cpu->calling = bench_median(cc, RUNS);
    return bench_median(t, RUNS);
}

static double time_memcpy(const bench_text *m, const bench_text *w)
{
    double t[RUNS];
    char *dst = malloc(m->len + w->len);
    int r;
    for (r = 0; r < RUNS; r++) {
        double t0 = bench_now();
        memcpy(dst, m->data, m->len);
        memcpy(dst + m->len, w->data, w->len);
        bench_sink = dst[(m->len + w->len) / 2];
        t[r] = bench_now() - t0;
    }
    free(dst);
    return bench_median(t, RUNS);
}

/* Seconds python3's csv module takes to read the file into lists of
 * fields (median of 3), or -1 without python3. */
static double time_python(const bench_text *m, char delim)
{
    char path[] = "/tmp/jbw-bench-XXXXXX";
    char cmd[1024];
    int fd = mkstemp(path);
    FILE *f;
    double secs = -1;
    if (fd < 0)
        return -1;
    f = fdopen(fd, "wb");
    fwrite(m->data, 1, m->len, f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "python3 -c \"import csv,time,statistics\n"
             "ts=[]\n"
             "for _ in range(3):\n"
             "  t=time.perf_counter()\n"
             "  "
             "rows=list(csv.reader(open('%s',newline='',encoding='utf-8'),"
             "delimiter='%c'))\n"
             "  ts.append(time.perf_counter()-t)\n"
             "print(statistics.median(ts))\" 2>/dev/null",
             path, delim);
    f = popen(cmd, "r");
    if (f) {
        if (fscanf(f, "%lf", &secs) != 1)
            secs = -1;
        pclose(f);
    }
    remove(path);
    return secs;
}

int main(int argc, char **argv)
{
    jbw_registry *reg = NULL;
    int max_scale = argc > 1 ? atoi(argv[1]) : 100;
    int scale;
    const char delims[] = {',', ';'};
    size_t d;
    if (jbw_registry_zuid_west(&reg) != JBW_OK)
        return 1;
    bench_print_load("bench_io");
    printf(
        "bench_io: load measures.csv + workers.csv (synthetic, national size "
        "= 32,000 measures, 5,000 workers), median of %d runs\n",
        RUNS);
    printf("%-6s %-5s %10s %10s %10s %12s %10s %12s %10s %10s %8s\n", "scale",
           "delim", "MB", "ms", "MB/s", "ns/measure", "x memcpy", "python csv",
           "2thr ms", "2thr MB/s", "1thr/2thr");
    for (scale = 1; scale <= max_scale; scale *= 10) {
        for (d = 0; d < 2; d++) {
            bench_text m = {0}, w = {0};
            double secs, secs2, copy, py = -1, mb, parse;
            load_cpu cpu1, cpu2;
            size_t nm = 32000 * (size_t)scale, nw = 5000 * (size_t)scale;
            bench_national_csv(&m, &w, nm, nw, delims[d], 42);
            mb = (double)(m.len + w.len) / 1e6;
            secs = time_load(reg, &m, &w, 1, &cpu1);
            secs2 = time_load(reg, &m, &w, 2, &cpu2);
            copy = time_memcpy(&m, &w);
            if (scale == 1)
                py = time_python(&m, delims[d]);
            printf("%-6d '%c'   %10.2f %10.2f %10.1f %12.1f %10.1f ", scale,
                   delims[d], mb, secs * 1e3, mb / secs,
                   secs * 1e9 / (double)nm, secs / copy);
            if (py > 0)
                printf("%11.1fx", py / secs);
            else
                printf("%12s", "-");
            printf(" %10.2f %10.1f %8.2f\n", secs2 * 1e3, mb / secs2,
                   secs / secs2);
            parse = cpu2.process - cpu2.calling;
            printf("       CPU ms: 1 thread %.1f; 2 threads %.1f, of which "
                   "the calling thread %.1f and the parse thread %.1f: a "
                   "speed-up of %.2f on 2 idle cores at most\n",
                   cpu1.process * 1e3, cpu2.process * 1e3, cpu2.calling * 1e3,
                   parse * 1e3,
                   cpu1.process /
                       (cpu2.calling > parse ? cpu2.calling : parse));
            free(m.data);
            free(w.data);
        }
    }
    printf("x memcpy: load time / memcpy time of the same bytes (lower is "
           "better); python csv: how many times longer python3's csv module "
           "takes just to split the measures file into fields; 2thr: the "
           "same load with threads = 2, 1thr/2thr its speed-up (above 1: "
           "faster on two).\n");
    jbw_registry_free(reg);
    return 0;
}
