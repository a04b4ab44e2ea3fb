/*
 * bench_hash: loading measures whose ids were crafted to collide in the
 * id hash, against the same number of random ids, in the same run.
 *
 * libjbw 0.1 hashed ids with a fixed function (no key), so anyone could
 * compute offline ids that all share one 64-bit hash: every insert then
 * walks the whole chain, and loading n such ids costs O(n^2) key
 * comparisons (docs/reliability.md). The ids here are crafted against that
 * function, copied below as `unkeyed_hash`: 16 printable bytes, whose
 * first 8 are drawn at random and whose last 8 are solved so that the
 * state before the finaliser is one constant. A hash keyed with a secret
 * per-process seed scatters them like any other ids; the ratio of the two
 * load times shows whether the library's map still degrades.
 *
 * usage: bench_hash [COUNT]   (default 50,000 measures per file)
 *
 * The data is SYNTHETIC: random printable pseudonyms.
 */
#include "bench_util.h"

#define ID_LEN 16

static uint64_t load64(const char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v; /* little-endian hosts, as the 0.1 function read them */
}

/* The state after the first of the two 8-byte steps of the 0.1 hash for a
 * 16-byte key; the second step xors the last 8 bytes into it. */
static uint64_t unkeyed_first_step(const char *s)
{
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = (uint64_t)ID_LEN * 0xC2B2AE3D27D4EB4FULL;
    h = (h ^ load64(s)) * k;
    h ^= h >> 29;
    return h;
}

/* The whole 0.1 hash of a 16-byte key (to check the crafted ids). */
static uint64_t unkeyed_hash(const char *s)
{
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = unkeyed_first_step(s);
    h = (h ^ load64(s + 8)) * k;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

/* Bytes an unquoted CSV id may hold: printable ASCII without space,
 * quote, ',' and ';'. */
static int id_byte(unsigned char b)
{
    return b > 0x20 && b < 0x7F && b != '"' && b != ',' && b != ';';
}

/* The id bytes in order, to draw from (built by main). */
static unsigned char id_bytes[128];
static unsigned id_byte_count;

static void random_bytes(char *s, size_t n, uint64_t *rng)
{
    size_t i;
    uint64_t r = 0;
    for (i = 0; i < n; i++) {
        if (i % 4 == 0)
            r = bench_rng(rng);
        /* 16 random bits a byte: the modulo bias is below 0.2% */
        s[i] = (char)id_bytes[(r & 0xFFFF) % id_byte_count];
        r >>= 16;
    }
}

/* n distinct ids sharing one unkeyed hash: last 8 bytes = first step ^ C. */
static char *crafted_ids(size_t n, uint64_t *rng)
{
    const uint64_t target = 0x4A4A4A4A4A4A4A4AULL; /* "JJJJJJJJ" */
    char *ids = malloc(n * ID_LEN);
    size_t i = 0;
    if (!ids)
        return NULL;
    while (i < n) {
        char *s = ids + i * ID_LEN;
        uint64_t w;
        int j, ok = 1;
        random_bytes(s, 8, rng);
        w = unkeyed_first_step(s) ^ target;
        for (j = 0; j < 8 && ok; j++)
            ok = id_byte((unsigned char)(w >> (8 * j)));
        if (!ok)
            continue;
        memcpy(s + 8, &w, 8);
        i++;
    }
    return ids;
}

static char *random_ids(size_t n, uint64_t *rng)
{
    char *ids = malloc(n * ID_LEN);
    size_t i;
    if (!ids)
        return NULL;
    for (i = 0; i < n; i++)
        random_bytes(ids + i * ID_LEN, ID_LEN, rng);
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
    for (i = 0; i < 128; i++)
        if (id_byte((unsigned char)i))
            id_bytes[id_byte_count++] = (unsigned char)i;
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
        if (unkeyed_hash(cids + i * ID_LEN) != unkeyed_hash(cids)) {
            fprintf(stderr, "bench_hash: crafted id %zu does not collide\n", i);
            return 1;
        }
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
