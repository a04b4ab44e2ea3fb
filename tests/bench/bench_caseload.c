/*
 * bench_caseload: caseload totals plus the per-worker table for a
 * national-size snapshot (DESIGN.md target: <= 5 ms on one core).
 *
 * Builds a SYNTHETIC snapshot in code from a fixed seed: 13 GI's, 42
 * regions, 5,000 workers and 32,000 measures (the national order of size,
 * DOMAIN.md), with siblings, children with two measures, ended measures,
 * workers who left, and waiting nieuw / bestaand. Then times, as the
 * median of several runs, jbw_caseload_compute() followed by reading the
 * totals, every group and every worker line; and, on the same records in
 * plain arrays, a naive loop that sums the weights of active assigned
 * measures per worker. Prints both and their ratio. No pass/fail.
 */
#include <jbw.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_ORGS 13
#define N_REGIONS 42
#define N_WORKERS 5000
#define N_MEASURES 32000
#define RUNS 21
#define SEED 20250901u

static uint32_t rng = SEED;

/* xorshift32: deterministic on every platform. */
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
        fprintf(stderr, "bench_caseload: %s: %s: %s\n", what,
                jbw_strerror(st), jbw_last_error());
        exit(1);
    }
}

static jbw_date ymd(int y, int m, int d)
{
    jbw_date out = JBW_DATE_NONE;
    check(jbw_date_from_ymd(&out, y, m, d), "date");
    return out;
}

/* The same records as plain arrays, for the reference loop. */
typedef struct plain {
    int32_t worker[N_MEASURES]; /* -1: none */
    uint8_t kind[N_MEASURES];
    jbw_date start[N_MEASURES];
    jbw_date end[N_MEASURES];
} plain;

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

static void add_workers(jbw_snapshot *snap, jbw_date ref)
{
    static const double ftes[4] = { 0.6, 0.8, 0.9, 1.0 };
    char id[16], org[16], region[16];
    jbw_date first = ymd(2010, 1, 1);
    int i;
    for (i = 0; i < N_WORKERS; i++) {
        jbw_worker w = JBW_WORKER_INIT;
        snprintf(id, sizeof id, "W%05d", i);
        snprintf(org, sizeof org, "G%02d", i % N_ORGS + 1);
        snprintf(region, sizeof region, "R%02d", (i * 7) % N_REGIONS + 1);
        w.id = id;
        w.organisation = org;
        w.region = i % 50 == 0 ? NULL : region; /* a few without region */
        w.fte = ftes[below(4)];
        w.hired = first + (jbw_date)below((uint32_t)(ref - first - 30));
        if (below(100) < 3) /* 3% left before the date */
            w.leaving = w.hired + 1 + (jbw_date)below((uint32_t)(ref - w.hired));
        check(jbw_snapshot_add_worker(snap, &w), "worker");
    }
}

static void add_measures(jbw_snapshot *snap, plain *p, jbw_date ref)
{
    char id[16], child[16], family[16], org[16], region[16], worker[16];
    jbw_date first = ymd(2019, 1, 1);
    int i, c = 0, f = 0;
    for (i = 0; i < N_MEASURES; i++) {
        jbw_measure m = JBW_MEASURE_INIT;
        uint32_t roll = below(100), g = below(N_ORGS);
        /* 15% a second measure of the previous child; else a new child,
         * 25% of them a sibling in the previous family */
        if (i == 0 || below(100) >= 15) {
            c++;
            if (below(100) >= 25)
                f++;
        }
        snprintf(id, sizeof id, "M%06d", i);
        snprintf(child, sizeof child, "C%06d", c);
        snprintf(family, sizeof family, "F%06d", f);
        snprintf(org, sizeof org, "G%02d", g + 1);
        snprintf(region, sizeof region, "R%02d", below(N_REGIONS) + 1);
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
            int w = (int)g + N_ORGS * (int)below(N_WORKERS / N_ORGS);
            snprintf(worker, sizeof worker, "W%05d", w);
            m.worker_id = worker;
            m.first_assigned = m.start + (jbw_date)below(15);
            p->worker[i] = w;
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
static double run_plain(const plain *p, const double *weight, double *load,
                        jbw_date d)
{
    double sum = 0.0;
    int i;
    memset(load, 0, N_WORKERS * sizeof *load);
    for (i = 0; i < N_MEASURES; i++)
        if (p->worker[i] >= 0 && p->start[i] <= d &&
            (p->end[i] == JBW_DATE_NONE || d < p->end[i]))
            load[p->worker[i]] += weight[p->kind[i]];
    for (i = 0; i < N_WORKERS; i++)
        sum += load[i];
    return sum;
}

int main(void)
{
    static plain p;
    static double load[N_WORKERS];
    double weight[JBW_KIND_COUNT];
    double t_lib[RUNS], t_plain[RUNS], m_lib, m_plain, sink = 0.0;
    jbw_date ref = ymd(2025, 9, 1);
    jbw_registry *reg = make_registry();
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    size_t lines = 0;
    int r, k;

    check(jbw_snapshot_new(&snap, reg, ref), "snapshot");
    add_workers(snap, ref);
    add_measures(snap, &p, ref);
    check(jbw_norm_new_default(&norm), "norm");
    check(jbw_calendar_new(&cal, NULL), "calendar");
    for (k = 0; k < JBW_KIND_COUNT; k++)
        weight[k] = jbw_norm_weight(norm, (jbw_kind)k);

    /* one warm-up each, then the timed runs */
    sink += run_library(snap, norm, cal, &lines);
    sink += run_plain(&p, weight, load, ref);
    for (r = 0; r < RUNS; r++) {
        double t0 = now_ms();
        sink += run_library(snap, norm, cal, &lines);
        t_lib[r] = now_ms() - t0;
        t0 = now_ms();
        sink += run_plain(&p, weight, load, ref);
        t_plain[r] = now_ms() - t0;
    }
    m_lib = median(t_lib, RUNS);
    m_plain = median(t_plain, RUNS);

    printf("bench_caseload (synthetic snapshot, seed %u)\n", SEED);
    printf("  snapshot: %zu measures, %zu workers (%zu employed on the date), "
           "%d organisations, %d regions\n",
           jbw_snapshot_measure_count(snap), jbw_snapshot_worker_count(snap),
           lines, N_ORGS, N_REGIONS);
    printf("  work: jbw_caseload_compute (unit child, coupling norm) + totals "
           "+ %d groups + %zu worker lines\n",
           N_ORGS + N_REGIONS, lines);
    printf("  library:    median %.3f ms over %d runs (%.1f million measures/s)\n",
           m_lib, RUNS, (double)N_MEASURES / (m_lib * 1e3));
    printf("  plain loop: median %.3f ms (weights of active assigned measures "
           "summed per worker)\n",
           m_plain);
    printf("  ratio library / plain loop: %.1f\n", m_lib / m_plain);
    printf("  (checksum %.1f)\n", sink);

    jbw_calendar_free(cal);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
    return 0;
}
