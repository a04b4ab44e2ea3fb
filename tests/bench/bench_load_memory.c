/*
 * bench_load_memory: the library's own memory while it loads the load
 * test's files (tests/bench/load_test.sh), counted by an allocator
 * installed with jbw_set_allocator(). Each block carries a size header,
 * so the bench knows the live bytes at every moment and their high-water
 * mark.
 *
 * It prints, for measures.csv + workers.csv loaded strictly on the
 * Zuid-West registry (as `jbw report` loads them):
 * - the file bytes (both files);
 * - the snapshot's own bytes: the library's live bytes right after the
 *   load returns, less those live before it (the registry the caller
 *   made). Everything the snapshot owns: its arrays, its id maps and its
 *   copy of the registry;
 * - the library's high-water mark during the load (less the same base);
 * - (high-water - snapshot's own) / file bytes: the loader's transient
 *   memory against the file;
 * - the process's peak RSS (getrusage ru_maxrss) and (peak RSS -
 *   snapshot's own) / file bytes, which also counts the program, the C
 *   library's heap overhead and the pages of freed blocks not returned.
 *
 * usage: bench_load_memory MEASURES_CSV WORKERS_CSV
 *
 * The files are those of tests/bench/gen_rows (SYNTHETIC data).
 */
#include <jbw.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

/* The size header, as large and aligned as the widest scalar type, so
 * blocks keep malloc's alignment (C99 has no max_align_t). */
typedef union header {
    size_t size;
    long double ld;
    long long ll;
    void *p;
} header;

typedef struct counter {
    size_t live;
    size_t high;
} counter;

static void grew(counter *c, size_t add)
{
    c->live += add;
    if (c->live > c->high)
        c->high = c->live;
}

static void *count_malloc(size_t size, void *user)
{
    header *h = malloc(sizeof *h + size);
    if (!h)
        return NULL;
    h->size = size;
    grew(user, size);
    return h + 1;
}

static void count_free(void *ptr, void *user)
{
    counter *c = user;
    header *h;
    if (!ptr)
        return;
    h = (header *)ptr - 1;
    c->live -= h->size;
    free(h);
}

static void *count_realloc(void *ptr, size_t size, void *user)
{
    counter *c = user;
    header *h, *n;
    size_t old;
    if (!ptr)
        return count_malloc(size, user);
    h = (header *)ptr - 1;
    old = h->size;
    n = realloc(h, sizeof *n + size);
    if (!n)
        return NULL;
    n->size = size;
    c->live -= old;
    grew(c, size);
    return n + 1;
}

static long long file_bytes(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return -1;
    }
    return (long long)st.st_size;
}

static double mib(double bytes)
{
    return bytes / (1024.0 * 1024.0);
}

int main(int argc, char **argv)
{
    static counter c;
    jbw_load_options opts;
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    struct rusage ru;
    long long m, w;
    size_t base, own, high;
    double file, rss;
    if (argc != 3) {
        fprintf(stderr, "usage: bench_load_memory MEASURES_CSV WORKERS_CSV\n");
        return 2;
    }
    if ((m = file_bytes(argv[1])) < 0 || (w = file_bytes(argv[2])) < 0)
        return 1;
    if (jbw_set_allocator(count_malloc, count_realloc, count_free, &c) !=
            JBW_OK ||
        jbw_load_options_init(&opts, JBW_LOAD_OPTIONS_VERSION) != JBW_OK ||
        jbw_registry_zuid_west(&reg) != JBW_OK) {
        fprintf(stderr, "bench_load_memory: %s\n", jbw_last_error());
        return 1;
    }
    /* The files are larger than the default limit of 256 MiB. */
    opts.max_file_bytes = SIZE_MAX;
    base = c.live;
    c.high = c.live;
    if (jbw_snapshot_load_csv(&snap, NULL, reg, argv[1], argv[2], &opts) !=
        JBW_OK) {
        fprintf(stderr, "bench_load_memory: %s\n", jbw_last_error());
        jbw_registry_free(reg);
        return 1;
    }
    own = c.live - base;
    high = c.high - base;
    getrusage(RUSAGE_SELF, &ru);
    rss = (double)ru.ru_maxrss * 1024.0; /* kilobytes on Linux */
    file = (double)(m + w);
    printf("file bytes (measures + workers)   %14lld\n", m + w);
    printf("snapshot's own bytes              %14zu  (%.1f MiB, %.1f a "
           "row of %zu)\n",
           own, mib((double)own),
           (double)own / (double)jbw_snapshot_measure_count(snap),
           jbw_snapshot_measure_count(snap));
    printf("library high-water in the load    %14zu  (%.1f MiB)\n", high,
           mib((double)high));
    printf("(high-water - own) / file         %14.3f\n",
           (double)(high - own) / file);
    printf("process peak RSS                  %14.0f  (%.1f MiB)\n", rss,
           mib(rss));
    printf("(peak RSS - own) / file           %14.3f\n",
           (rss - (double)own) / file);
    printf("target: high-water <= 1.5 x file + own: %s (library); "
           "peak RSS: %s\n",
           (double)high <= 1.5 * file + (double)own ? "met" : "NOT met",
           rss <= 1.5 * file + (double)own ? "met" : "NOT met");
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
    return 0;
}
