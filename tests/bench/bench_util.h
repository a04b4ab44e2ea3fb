/*
 * Shared helpers of the benchmarks: a monotonic clock, medians, and a
 * generator of national-size synthetic input (measures.csv and
 * workers.csv text) on the embedded Zuid-West registry.
 *
 * The generated data is SYNTHETIC: pseudonyms like "M000123", dates and
 * kinds drawn from a fixed-seed PRNG.
 */
#ifndef JBW_BENCH_UTIL_H
#define JBW_BENCH_UTIL_H

#include <jbw.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds of the process (CLOCK_PROCESS_CPUTIME_ID, every thread)
 * or of the calling thread (CLOCK_THREAD_CPUTIME_ID). */
static inline double bench_cpu_seconds(clockid_t which)
{
    struct timespec ts;
    clock_gettime(which, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The first line of /proc/<file> that starts with `key`, after its ':'
 * (Linux), or "" when there is none. */
static inline void bench_proc_field(char *out, size_t size, const char *file,
                                    const char *key)
{
    char line[256];
    FILE *f = fopen(file, "r");
    out[0] = '\0';
    if (!f)
        return;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, strlen(key)) == 0) {
            const char *v = strchr(line, ':');
            v = v ? v + 1 : line;
            while (*v == ' ' || *v == '\t')
                v++;
            snprintf(out, size, "%s", v);
            out[strcspn(out, "\n")] = '\0';
            break;
        }
    fclose(f);
}

/* The machine's load average (Linux), so figures from a busy machine
 * are read as such. */
static inline void bench_print_loadavg(const char *who)
{
    char buf[64] = "";
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (!fgets(buf, sizeof buf, f))
            buf[0] = '\0';
        fclose(f);
    }
    buf[strcspn(buf, "\n")] = '\0';
    printf("%s: load average (1, 5, 15 min; running/threads; last pid) "
           "%s\n",
           who, buf[0] ? buf : "unknown");
}

/* The machine (processor, online cores, compiler) and its load average:
 * every bench prints both first, since its figures depend on them. */
static inline void bench_print_load(const char *who)
{
    char model[128], cache[64];
    bench_proc_field(model, sizeof model, "/proc/cpuinfo", "model name");
    bench_proc_field(cache, sizeof cache, "/proc/cpuinfo", "cache size");
    printf("%s: machine: %s%s%s%s, %ld cores online, compiler %s\n", who,
           model[0] ? model : "unknown processor", cache[0] ? " (cache " : "",
           cache, cache[0] ? ")" : "", sysconf(_SC_NPROCESSORS_ONLN),
#if defined(__VERSION__)
           __VERSION__
#else
           "unknown"
#endif
    );
    bench_print_loadavg(who);
}

/* Median of n samples (sorts them in place). */
static inline double bench_median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, bench_cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* The median, min and max of n timings. */
typedef struct bench_timing {
    double med, min, max;
} bench_timing;

/* The median, min and max of n samples (sorts them in place). */
static inline bench_timing bench_timing_of(double *v, size_t n)
{
    bench_timing x;
    x.med = bench_median(v, n);
    x.min = v[0];
    x.max = v[n - 1];
    return x;
}

static inline uint64_t bench_rng(uint64_t *s)
{
    /* splitmix64 */
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

typedef struct bench_text {
    char *data;
    size_t len, cap;
} bench_text;

static inline void bench_put(bench_text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 1 << 16;
        while (cap < t->len + n + 1)
            cap *= 2;
        t->data = realloc(t->data, cap);
        if (!t->data) {
            fprintf(stderr, "bench: out of memory\n");
            exit(1);
        }
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

static inline void bench_putf(bench_text *t, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    bench_put(t, tmp, (size_t)n);
}

static inline void bench_date(char *buf, jbw_date d, int dutch)
{
    int y, m, day;
    jbw_date_to_ymd(&y, &m, &day, d);
    if (dutch)
        sprintf(buf, "%d-%d-%d", day, m, y);
    else
        sprintf(buf, "%04d-%02d-%02d", y, m, day);
}

/*
 * Generates `measures` measures and `workers` workers as CSV text with the
 * delimiter `delim` (',' or ';'; with ';' fte uses a decimal comma and
 * dates the Dutch form). Every tenth family id is quoted. Reference date
 * 2025-09-01; about 4% of the measures wait.
 */
static inline void bench_national_csv(bench_text *mcsv, bench_text *wcsv,
                                      size_t measures, size_t workers,
                                      char delim, uint64_t seed)
{
    static const char *const orgs[] = {"JBWEST", "WSS", "LDH"};
    static const char *const regions[] = {"HGL", "HR", "MH", "ZHZ"};
    static const char *const kinds[] = {"OTS",          "OTS",
                                        "OTS",          "OTS",
                                        "VOTS",         "VOOGDIJ",
                                        "VOOGDIJ",      "JR_TB_GEDWONGEN",
                                        "JR_ITB_CRIEM", "TIJDELIJKE_VOOGDIJ"};
    jbw_date ref;
    size_t i;
    char d1[16], d2[16], d3[16];
    const int dutch = delim == ';';
    uint64_t s = seed;
    jbw_date_from_ymd(&ref, 2025, 9, 1);
    bench_putf(wcsv, "id%corganisation%cregion%cfte%chired%cleaving\n", delim,
               delim, delim, delim, delim);
    for (i = 0; i < workers; i++) {
        uint64_t r = bench_rng(&s);
        unsigned fte10 = 6 + (unsigned)(r % 5); /* 0.6 .. 1.0 */
        bench_date(d1, ref - 30 - (jbw_date)(r >> 20) % 3000, dutch);
        bench_putf(wcsv, "W%06zu%c%s%c%s%c%u%c%u%c%s%c\n", i, delim,
                   orgs[i % 3], delim, regions[(i / 3) % 4], delim, fte10 / 10,
                   dutch ? ',' : '.', fte10 % 10, delim, d1, delim);
    }
    bench_putf(mcsv,
               "id%cchild_id%cfamily_id%ckind%corganisation%cregion%cstart%c"
               "end%cworker_id%cfirst_assigned%cwaiting_since%c"
               "previous_workers%csafety%cplacement%cbirth_date%clast_contact%c"
               "jr_risk\n",
               delim, delim, delim, delim, delim, delim, delim, delim, delim,
               delim, delim, delim, delim, delim, delim, delim);
    for (i = 0; i < measures; i++) {
        uint64_t r = bench_rng(&s);
        size_t w = (size_t)(r % workers);
        /* the worker's organisation and region: w % 3 and (w / 3) % 4 */
        const char *org = orgs[w % 3], *reg = regions[(w / 3) % 4];
        const char *kind = kinds[(r >> 12) % 10];
        int jr = kind[0] == 'J';
        int waiting = (r >> 40) % 25 == 0;
        jbw_date start = ref - 10 - (jbw_date)((r >> 16) % 700);
        char fam[40];
        if ((i / 2) % 10 == 0)
            sprintf(fam, "\"F%06zu\"", i / 2);
        else
            sprintf(fam, "F%06zu", i / 2);
        bench_date(d1, start, dutch);
        bench_date(d2, start + 3, dutch);
        bench_date(d3, start - 365 * (jr ? 15 : 6), dutch);
        if (waiting)
            bench_putf(mcsv,
                       "M%07zu%cC%07zu%c%s%c%s%c%s%c%s%c%s%c%c%c%c%s%c0%c"
                       "unknown%cnone%c%s%c%c%s\n",
                       i, delim, i, delim, fam, delim, kind, delim, org, delim,
                       reg, delim, d1, delim, delim, delim, delim, d1, delim,
                       delim, delim, delim, d3, delim, delim,
                       jr ? "medium" : "");
        else
            bench_putf(mcsv,
                       "M%07zu%cC%07zu%c%s%c%s%c%s%c%s%c%s%c%cW%06zu%c%s%c%c"
                       "1%csafe%cnone%c%s%c%s%c%s\n",
                       i, delim, i, delim, fam, delim, kind, delim, org, delim,
                       reg, delim, d1, delim, delim, w, delim, d2, delim, delim,
                       delim, delim, delim, d3, delim, d2, delim,
                       jr ? "low" : "");
    }
}

#endif /* JBW_BENCH_UTIL_H */
