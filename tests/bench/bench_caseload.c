/*
 * bench_caseload: caseload totals plus the per-worker table for a
 * national-size snapshot (target: <= 5 ms on one core, docs/performance.md),
 * and the same at 10x and 100x the national size, to show how the cost grows.
 *
 * usage: bench_caseload [max_scale]   (default 100; runs 1, 10, 100 up
 * to max_scale)
 *
 * At each scale builds a SYNTHETIC snapshot in code from a fixed seed: 13
 * GI's, 42 regions, 5,000 x scale workers and 32,000 x scale measures (at
 * 1x the national order of size, docs/sources.md), with siblings, children with
 * two measures, ended measures, workers who left, and waiting nieuw /
 * bestaand. Then times, as the median of several runs (fewer at the larger
 * scales), jbw_caseload_compute() followed by reading the totals, every
 * group and every worker line; and, on the same records in plain arrays, a
 * naive loop that sums the weights of active assigned measures per worker.
 * Prints both and their ratio in detail for 1x, then a table per scale
 * with the time per measure. No pass/fail.
 */
#include "bench_util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_ORGS        13
#define N_REGIONS     42
#define BASE_WORKERS  5000 /* at scale 1 */
#define BASE_MEASURES 32000
#define SEED          20250901u

/* xorshift32: deterministic on every platform. Each scale restarts from
 * SEED, so a scale's snapshot does not depend on max_scale. */
static uint32_t rng = SEED;

static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static uint32_t below(uint32_t n)
{
    return rnd() % n;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

static void check(jbw_status st, const char *what)
{
    if (st != JBW_OK) {
        fprintf(stderr, "bench_caseload: %s: %s: %s\n", what, jbw_strerror(st),
                jbw_last_error());
        exit(1);
    }
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        fprintf(stderr, "bench_caseload: out of memory\n");
        exit(1);
    }
    return p;
}

static jbw_date ymd(int y, int m, int d)
{
    jbw_date out = JBW_DATE_NONE;
    check(jbw_date_from_ymd(&out, y, m, d), "date");
    return out;
}

/* Runs per scale: enough for a stable median at 1x, few where one run
 * takes long; the whole bench at 100x stays well within a minute. */
static int runs_for(int scale)
{
    return scale < 10 ? 21 : scale < 100 ? 7 : 5;
}

/* The same records as plain arrays, for the reference loop. */
typedef struct plain {
    size_t n_measures, n_workers;
    int32_t *worker; /* -1: none */
    uint8_t *kind;
    jbw_date *start;
    jbw_date *end;
    double *load; /* per worker, the loop's output */
} plain;

static void plain_init(plain *p, size_t n_measures, size_t n_workers)
{
    p->n_measures = n_measures;
    p->n_workers = n_workers;
    p->worker = xcalloc(n_measures, sizeof *p->worker);
    p->kind = xcalloc(n_measures, sizeof *p->kind);
    p->start = xcalloc(n_measures, sizeof *p->start);
    p->end = xcalloc(n_measures, sizeof *p->end);
    p->load = xcalloc(n_workers, sizeof *p->load);
}

static void plain_free(plain *p)
{
    free(p->worker);
    free(p->kind);
    free(p->start);
    free(p->end);
    free(p->load);
}

static jbw_registry *make_registry(void)
{
    jbw_registry *reg = NULL;
    char key[16], name[32];
    int g, r;
    check(jbw_registry_new(&reg), "registry");
    for (r = 0; r < N_REGIONS; r++) {
        snprintf(key, sizeof key, "R%02d", r + 1);
        snprintf(name, sizeof name, "Regio %d", r + 1);
        check(jbw_registry_add_region(reg, key, name, NULL), "region");
    }
    for (g = 0; g < N_ORGS; g++) {
        snprintf(key, sizeof key, "G%02d", g + 1);
        snprintf(name, sizeof name, "GI %d", g + 1);
        check(jbw_registry_add_organisation(reg, key, name), "organisation");
        for (r = 0; r < N_REGIONS; r++) {
            char rk[16];
            snprintf(rk, sizeof rk, "R%02d", r + 1);
            check(jbw_registry_add_service(reg, key, rk), "service");
        }
    }
    return reg;
}

static void add_workers(jbw_snapshot *snap, size_t n_workers, jbw_date ref)
{
    static const double ftes[4] = {0.6, 0.8, 0.9, 1.0};
    char id[32], org[16], region[16];
    jbw_date first = ymd(2010, 1, 1);
    size_t i;
    for (i = 0; i < n_workers; i++) {
        jbw_worker w = JBW_WORKER_INIT;
        snprintf(id, sizeof id, "W%06zu", i);
        snprintf(org, sizeof org, "G%02zu", i % N_ORGS + 1);
        snprintf(region, sizeof region, "R%02zu", (i * 7) % N_REGIONS + 1);
        w.id = id;
        w.organisation = org;
        w.region = i % 50 == 0 ? NULL : region; /* a few without region */
        w.fte = ftes[below(4)];
        w.hired = first + (jbw_date)below((uint32_t)(ref - first - 30));
        if (below(100) < 3) /* 3% left before the date */
            w.leaving =
                w.hired + 1 + (jbw_date)below((uint32_t)(ref - w.hired));
        check(jbw_snapshot_add_worker(snap, &w), "worker");
    }
}

static void add_measures(jbw_snapshot *snap, plain *p, jbw_date ref)
{
    char id[32], child[32], family[32], org[16], region[16], worker[32];
    jbw_date first = ymd(2019, 1, 1);
    /* workers per GI: worker w belongs to GI w % N_ORGS */
    uint32_t per_org = (uint32_t)(p->n_workers / N_ORGS);
    size_t i, c = 0, f = 0;
    for (i = 0; i < p->n_measures; i++) {
        jbw_measure m = JBW_MEASURE_INIT;
        uint32_t roll = below(100), g = below(N_ORGS);
        /* 15% a second measure of the previous child; else a new child,
         * 25% of them a sibling in the previous family */
        if (i == 0 || below(100) >= 15) {
            c++;
            if (below(100) >= 25)
                f++;
        }
        snprintf(id, sizeof id, "M%07zu", i);
        snprintf(child, sizeof child, "C%07zu", c);
        snprintf(family, sizeof family, "F%07zu", f);
        snprintf(org, sizeof org, "G%02u", (unsigned)(g + 1));
        snprintf(region, sizeof region, "R%02u",
                 (unsigned)(below(N_REGIONS) + 1));
        m.id = id;
        m.child_id = child;
        m.family_id = family;
        m.kind = (jbw_kind)below(JBW_KIND_COUNT);
        m.organisation = org;
        m.region = region;
        m.start = first + (jbw_date)below((uint32_t)(ref - first));
        if (below(100) < 10) /* 10% ended */
            m.end = m.start + 1 + (jbw_date)below(400);
        p->worker[i] = -1;
        if (roll < 93) { /* assigned to a worker of the same GI */
            uint32_t w = g + N_ORGS * below(per_org);
            snprintf(worker, sizeof worker, "W%06u", (unsigned)w);
            m.worker_id = worker;
            m.first_assigned = m.start + (jbw_date)below(15);
            p->worker[i] = (int32_t)w;
        } else if (roll < 95) { /* bestaand: the worker dropped out */
            m.first_assigned = m.start + (jbw_date)below(15);
            m.previous_workers = 1;
            m.waiting_since = m.first_assigned + (jbw_date)below(60);
        } /* else nieuw: never had one */
        p->kind[i] = (uint8_t)m.kind;
        p->start[i] = m.start;
        p->end[i] = m.end;
        check(jbw_snapshot_add_measure(snap, &m), "measure");
    }
}

/* The measured work: compute, then read totals, groups and every line. */
static double run_library(const jbw_snapshot *snap, const jbw_norm *norm,
                          const jbw_calendar *cal, size_t *lines)
{
    jbw_caseload *cl = NULL;
    jbw_caseload_totals t;
    jbw_worker_load w;
    double sum = 0.0;
    size_t i, g;
    int k;
    check(jbw_caseload_compute(&cl, snap, norm, cal, NULL), "compute");
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    check(jbw_caseload_totals_get(&t, cl), "totals");
    sum += t.required_fte;
    for (k = 0; k < 2; k++) {
        jbw_group group = k ? JBW_GROUP_REGION : JBW_GROUP_ORGANISATION;
        for (g = 0; g < jbw_caseload_group_count(cl, group); g++) {
            check(jbw_caseload_group_get(&t, NULL, cl, group, g), "group");
            sum += t.fte_gap;
        }
    }
    w.version = JBW_WORKER_LOAD_VERSION;
    *lines = jbw_caseload_worker_count(cl);
    for (i = 0; i < *lines; i++) {
        check(jbw_caseload_worker_get(&w, cl, i), "worker line");
        sum += w.load;
    }
    jbw_caseload_free(cl);
    return sum;
}

/* The reference: a plain loop summing weights per worker. */
static double run_plain(plain *p, const double *weight, jbw_date d)
{
    double sum = 0.0;
    size_t i;
    memset(p->load, 0, p->n_workers * sizeof *p->load);
    for (i = 0; i < p->n_measures; i++)
        if (p->worker[i] >= 0 && p->start[i] <= d &&
            (p->end[i] == JBW_DATE_NONE || d < p->end[i]))
            p->load[p->worker[i]] += weight[p->kind[i]];
    for (i = 0; i < p->n_workers; i++)
        sum += p->load[i];
    return sum;
}

/* What one scale measured. */
typedef struct result {
    int scale, runs;
    size_t measures, workers, lines;
    double lib_ms, plain_ms, build_s;
    double lib_min, lib_max, plain_min, plain_max;
} result;

static result run_scale(const jbw_registry *reg, const jbw_norm *norm,
                        const jbw_calendar *cal, const double *weight,
                        int scale, jbw_date ref, double *sink)
{
    result res;
    plain p;
    jbw_snapshot *snap = NULL;
    double *t_lib, *t_plain, t0;
    int r;

    memset(&res, 0, sizeof res);
    res.scale = scale;
    res.runs = runs_for(scale);
    rng = SEED;
    t0 = now_ms();
    plain_init(&p, BASE_MEASURES * (size_t)scale, BASE_WORKERS * (size_t)scale);
    check(jbw_snapshot_new(&snap, reg, ref), "snapshot");
    add_workers(snap, p.n_workers, ref);
    add_measures(snap, &p, ref);
    res.build_s = (now_ms() - t0) / 1e3;
    res.measures = jbw_snapshot_measure_count(snap);
    res.workers = jbw_snapshot_worker_count(snap);

    t_lib = xcalloc((size_t)res.runs, sizeof *t_lib);
    t_plain = xcalloc((size_t)res.runs, sizeof *t_plain);
    /* one warm-up each, then the timed runs */
    *sink += run_library(snap, norm, cal, &res.lines);
    *sink += run_plain(&p, weight, ref);
    for (r = 0; r < res.runs; r++) {
        t0 = now_ms();
        *sink += run_library(snap, norm, cal, &res.lines);
        t_lib[r] = now_ms() - t0;
        t0 = now_ms();
        *sink += run_plain(&p, weight, ref);
        t_plain[r] = now_ms() - t0;
    }
    res.lib_ms = median(t_lib, (size_t)res.runs); /* sorts */
    res.plain_ms = median(t_plain, (size_t)res.runs);
    res.lib_min = t_lib[0];
    res.lib_max = t_lib[res.runs - 1];
    res.plain_min = t_plain[0];
    res.plain_max = t_plain[res.runs - 1];

    free(t_lib);
    free(t_plain);
    jbw_snapshot_free(snap);
    plain_free(&p);
    return res;
}

/* The detailed block for the national size. */
static void print_detail(const result *x)
{
    printf("bench_caseload (synthetic snapshot, seed %u)\n", SEED);
    printf("  snapshot: %zu measures, %zu workers (%zu employed on the date), "
           "%d organisations, %d regions\n",
           x->measures, x->workers, x->lines, N_ORGS, N_REGIONS);
    printf("  work: jbw_caseload_compute (unit child, coupling norm) + totals "
           "+ %d groups + %zu worker lines\n",
           N_ORGS + N_REGIONS, x->lines);
    printf("  library:    median %.3f ms (min %.3f, max %.3f) over %d runs "
           "(%.1f million measures/s)\n",
           x->lib_ms, x->lib_min, x->lib_max, x->runs,
           (double)x->measures / (x->lib_ms * 1e3));
    printf("  reference, plain loop: median %.3f ms (min %.3f, max %.3f; "
           "weights of active assigned measures summed per worker)\n",
           x->plain_ms, x->plain_min, x->plain_max);
    printf("  ratio library / plain loop: %.1f\n", x->lib_ms / x->plain_ms);
}

static void print_row(const result *x)
{
    printf("%5dx %10zu %8zu %11.3f %8.1f %9.3f %6.1f   (%d runs; snapshot "
           "built in %.2f s)\n",
           x->scale, x->measures, x->workers, x->lib_ms,
           x->lib_ms * 1e6 / (double)x->measures, x->plain_ms,
           x->lib_ms / x->plain_ms, x->runs, x->build_s);
}

static int parse_max_scale(int argc, char **argv)
{
    char *end = NULL;
    long v;
    if (argc < 2)
        return 100;
    errno = 0;
    v = strtol(argv[1], &end, 10);
    if (argc > 2 || errno || end == argv[1] || *end || v < 1 || v > 1000) {
        fprintf(stderr, "usage: bench_caseload [max_scale]   (1..1000, "
                        "default 100)\n");
        exit(2);
    }
    return (int)v;
}

int main(int argc, char **argv)
{
    double weight[JBW_KIND_COUNT], sink = 0.0;
    int max_scale = parse_max_scale(argc, argv);
    jbw_date ref = ymd(2025, 9, 1);
    jbw_registry *reg = make_registry();
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    int scale, k;

    bench_print_load("bench_caseload");
    check(jbw_norm_new_default(&norm), "norm");
    check(jbw_calendar_new(&cal, NULL), "calendar");
    for (k = 0; k < JBW_KIND_COUNT; k++)
        weight[k] = jbw_norm_weight(norm, (jbw_kind)k);

    for (scale = 1; scale <= max_scale; scale *= 10) {
        result x = run_scale(reg, norm, cal, weight, scale, ref, &sink);
        if (scale == 1) {
            print_detail(&x);
            printf("\nper scale (national size x scale; medians; ns/measure "
                   "= library ms / measures):\n");
            printf("%6s %10s %8s %11s %8s %9s %6s\n", "scale", "measures",
                   "workers", "library ms", "ns/meas", "plain ms", "ratio");
        }
        print_row(&x);
        fflush(stdout);
    }
    printf("(checksum %.1f)\n", sink);

    jbw_calendar_free(cal);
    jbw_norm_free(norm);
    jbw_registry_free(reg);
    return 0;
}
