/*
 * bench_hash: loading measures whose ids were crafted to collide in the
 * id hash, against the same number of random ids, in the same run.
 *
 * libjbw 0.1 hashed ids with a fixed function (no key), so anyone could
 * compute offline ids that all share one 64-bit hash: every insert then
 * walks the whole chain, and loading n such ids costs O(n^2) key
 * comparisons (docs/reliability.md). The ids here are crafted against that
 * function (tests/crafted_ids.h): 16 printable bytes, whose first 8 are
 * drawn at random and whose last 8 are solved so that the state before
 * the finaliser is one constant. A hash keyed with a secret
 * per-process seed scatters them like any other ids; the ratio of the two
 * load times shows whether the library's map still degrades.
 *
 * usage: bench_hash [COUNT]   (default 50,000 measures per file)
 *
 * The data is SYNTHETIC: random printable pseudonyms.
 */
#include "bench_util.h"

#include "../crafted_ids.h"

#define ID_LEN CRAFTED_ID_LEN

static char *random_ids(size_t n, uint64_t *rng)
{
    char *ids = malloc(n * ID_LEN);
    if (ids)
        crafted_random_bytes(ids, n * ID_LEN, rng);
    return ids;
}

/* Measures whose id and child id are the given ids; all wait (nieuw). */
static void measures_csv(bench_text *t, const char *ids, size_t n)
{
    size_t i;
    bench_putf(t, "id,child_id,kind,organisation,region,start\n");
    for (i = 0; i < n; i++) {
        const char *s = ids + i * ID_LEN;
        bench_put(t, s, ID_LEN);
        bench_put(t, ",", 1);
        bench_put(t, s, ID_LEN);
        bench_putf(t, ",OTS,JBWEST,ZHZ,2025-01-10\n");
    }
}

static double load_seconds(const bench_text *m, const jbw_registry *reg,
                           size_t expect)
{
    static const char workers[] = "id,organisation,fte,hired\n";
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    double t0, t1;
    jbw_date_from_ymd(&o.reference_date, 2025, 9, 1);
    t0 = bench_now();
    if (jbw_snapshot_load_csv_buffers(&snap, NULL, reg, m->data, m->len, NULL,
                                      workers, sizeof workers - 1, NULL,
                                      &o) != JBW_OK) {
        fprintf(stderr, "bench_hash: %s\n", jbw_last_error());
        exit(1);
    }
    t1 = bench_now();
    if (jbw_snapshot_measure_count(snap) != expect) {
        fprintf(stderr, "bench_hash: %zu measures loaded, %zu expected\n",
                jbw_snapshot_measure_count(snap), expect);
        exit(1);
    }
    jbw_snapshot_free(snap);
    return t1 - t0;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 50000;
    uint64_t rng = 2025;
    bench_text crafted = {0}, random = {0};
    jbw_registry *reg = NULL;
    double tc[3], tr[3], c, r;
    char *cids, *rids;
    size_t i;
    if (n < 2) {
        fprintf(stderr, "usage: bench_hash [COUNT >= 2]\n");
        return 2;
    }
    cids = crafted_ids(n, &rng);
    rids = random_ids(n, &rng);
    if (!cids || !rids || jbw_registry_zuid_west(&reg) != JBW_OK) {
        fprintf(stderr, "bench_hash: out of memory\n");
        return 1;
    }
    for (i = 1; i < n; i++)
        if (crafted_unkeyed_hash(cids + i * ID_LEN) !=
            crafted_unkeyed_hash(cids)) {
            fprintf(stderr, "bench_hash: crafted id %zu does not collide\n", i);
            return 1;
        }
    bench_print_load("bench_hash");
    measures_csv(&crafted, cids, n);
    measures_csv(&random, rids, n);
    /* Alternate the two, three times each; the medians are compared. */
    for (i = 0; i < 3; i++) {
        tr[i] = load_seconds(&random, reg, n);
        tc[i] = load_seconds(&crafted, reg, n);
    }
    r = bench_median(tr, 3);
    c = bench_median(tc, 3);
    printf("bench_hash: %zu measures, ids of %d bytes (measure and child "
           "id), median of 3 loads\n",
           n, ID_LEN);
    printf("  random ids                          %9.3f s\n", r);
    printf("  ids colliding in the 0.1 hash       %9.3f s\n", c);
    printf("  ratio crafted / random              %9.2f\n", c / r);
    free(cids);
    free(rids);
    free(crafted.data);
    free(random.data);
    jbw_registry_free(reg);
    return 0;
}
