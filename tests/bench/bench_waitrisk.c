/*
 * Benchmark: batch waiting-risk scoring (jbw_waitrisk_score_batch) of
 * synthetic cases with the default model and the default calendar.
 *
 * Prints the median of several runs, the throughput in cases per second,
 * and the ratio to a plain reference done in the same run on the same
 * data: memcpy of the case array (count x sizeof(jbw_wait_case) bytes).
 * Never passes or fails on time.
 *
 * Usage: bench_waitrisk [cases] [runs]   (default 1000000 cases, 7 runs)
 * The cases are synthetic: generated from a fixed seed, no real person.
 */
#include "bench_util.h"

/* Valid cases of every kind, safety, placement and risk, waiting up to a
 * year, three in four with a birth date and two in three with a contact. */
static void make_cases(jbw_wait_case *cases, size_t n, jbw_date date)
{
    static const char *const ids[] = {"M-0001", "M-0002", "M-0003", "M-0004"};
    uint64_t x = 20250901u;
    size_t i;
    for (i = 0; i < n; i++) {
        jbw_wait_case c = JBW_WAIT_CASE_INIT;
        c.id = ids[i % 4];
        c.kind = (jbw_kind)(bench_rng(&x) % JBW_KIND_COUNT);
        c.safety = (jbw_safety)(bench_rng(&x) % 5);
        c.placement = (jbw_placement)(bench_rng(&x) % 3);
        c.jr_risk = (jbw_jr_risk)(bench_rng(&x) % 4);
        c.waiting_since = date - (jbw_date)(bench_rng(&x) % 365);
        c.birth_date = bench_rng(&x) % 4
                           ? c.waiting_since - (jbw_date)(bench_rng(&x) % 6500)
                           : JBW_DATE_NONE;
        c.last_contact = bench_rng(&x) % 3
                             ? date - (jbw_date)(bench_rng(&x) % 60)
                             : JBW_DATE_NONE;
        if (c.last_contact != JBW_DATE_NONE && c.birth_date != JBW_DATE_NONE &&
            c.last_contact < c.birth_date)
            c.last_contact = c.birth_date;
        c.previous_workers = (int)(bench_rng(&x) % 5);
        cases[i] = c;
    }
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1000000;
    size_t runs = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 7;
    jbw_calendar *cal = NULL;
    jbw_waitrisk_model *model = NULL;
    jbw_wait_case *cases, *copy;
    jbw_score *scores;
    double *t_score, *t_copy, ms, mc;
    long long checksum = 0;
    jbw_date date;
    size_t r, i;

    if (n == 0 || runs == 0) {
        fprintf(stderr, "usage: bench_waitrisk [cases > 0] [runs > 0]\n");
        return 2;
    }
    if (jbw_calendar_new(&cal, NULL) != JBW_OK ||
        jbw_waitrisk_model_new_default(&model) != JBW_OK ||
        jbw_date_from_ymd(&date, 2025, 9, 1) != JBW_OK) {
        fprintf(stderr, "bench_waitrisk: setup failed: %s\n", jbw_last_error());
        return 1;
    }
    cases = malloc(n * sizeof *cases);
    copy = malloc(n * sizeof *copy);
    scores = malloc(n * sizeof *scores);
    t_score = malloc(runs * sizeof *t_score);
    t_copy = malloc(runs * sizeof *t_copy);
    if (!cases || !copy || !scores || !t_score || !t_copy) {
        fprintf(stderr, "bench_waitrisk: out of memory\n");
        return 1;
    }
    make_cases(cases, n, date);
    /* warm up: touch every page once */
    memcpy(copy, cases, n * sizeof *cases);
    memset(scores, 0, n * sizeof *scores);

    for (r = 0; r < runs; r++) {
        double t0 = bench_now(), t1, t2;
        jbw_status st =
            jbw_waitrisk_score_batch(scores, model, cal, cases, n, date);
        t1 = bench_now();
        memcpy(copy, cases, n * sizeof *cases);
        t2 = bench_now();
        if (st != JBW_OK) {
            fprintf(stderr, "bench_waitrisk: %s\n", jbw_last_error());
            return 1;
        }
        t_score[r] = t1 - t0;
        t_copy[r] = t2 - t1;
        checksum += scores[r % n].points + (long long)copy[r % n].kind;
    }
    for (i = 0; i < n; i++)
        checksum += scores[i].points;
    ms = bench_median(t_score, runs); /* sorts: [0] min, [runs - 1] max */
    mc = bench_median(t_copy, runs);
    bench_print_load("bench_waitrisk");

    printf("bench_waitrisk: jbw_waitrisk_score_batch, model %s version %d, "
           "%lu synthetic cases, %lu runs\n",
           jbw_waitrisk_model_name(model), jbw_waitrisk_model_version(model),
           (unsigned long)n, (unsigned long)runs);
    printf("  scoring: median %.3f ms = %.1f million cases/s (%.1f ns/case); "
           "min %.3f ms, max %.3f ms\n",
           ms * 1e3, (double)n / ms / 1e6, ms / (double)n * 1e9,
           t_score[0] * 1e3, t_score[runs - 1] * 1e3);
    printf("  reference, memcpy of the cases (%lu bytes): median %.3f ms = "
           "%.2f GB/s; min %.3f ms, max %.3f ms\n",
           (unsigned long)(n * sizeof *cases), mc * 1e3,
           (double)(n * sizeof *cases) / mc / 1e9, t_copy[0] * 1e3,
           t_copy[runs - 1] * 1e3);
    printf("  ratio scoring / memcpy: %.1f (medians)\n", ms / mc);
    printf("  checksum %lld\n", checksum);

    free(cases);
    free(copy);
    free(scores);
    free(t_score);
    free(t_copy);
    jbw_waitrisk_model_free(model);
    jbw_calendar_free(cal);
    return 0;
}
