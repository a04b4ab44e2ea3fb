/*
 * Input layout shared by fuzz_snapshot_csv and fuzz_pipeline:
 *   byte 0      flags: bit 0 lenient, bit 1 allow unknown columns,
 *               bit 2 reference date 2025-09-01 (else the latest date in
 *               the files); the seeds use the digits '0'..'7'
 *   then        measures.csv text
 *   "\n%%\n"    separator (absent: workers.csv is empty)
 *   then        workers.csv text
 * The registry is the embedded Zuid-West one.
 */
#ifndef JBW_FUZZ_SNAPSHOT_LOAD_H
#define JBW_FUZZ_SNAPSHOT_LOAD_H

#include "fuzz_util.h"

#define FUZZ_SEPARATOR "\n%%\n"

typedef struct fuzz_snapshot_input {
    const char *measures;
    size_t measures_len;
    const char *workers;
    size_t workers_len;
    jbw_load_options opts;
} fuzz_snapshot_input;

static inline void fuzz_split_snapshot_input(fuzz_snapshot_input *in,
                                             const uint8_t *data, size_t size)
{
    uint8_t flags = size ? data[0] : 0;
    size_t sep;
    jbw_load_options init = JBW_LOAD_OPTIONS_INIT;
    in->opts = init;
    in->opts.lenient = flags & 1;
    in->opts.allow_unknown_columns = (flags >> 1) & 1;
    if (flags & 4)
        in->opts.reference_date = 20332; /* 2025-09-01 */
    if (size)
        data++, size--;
    sep = fuzz_find(data, size, FUZZ_SEPARATOR, sizeof FUZZ_SEPARATOR - 1);
    in->measures = (const char *)data;
    in->measures_len = sep;
    if (sep < size) {
        in->workers = (const char *)data + sep + sizeof FUZZ_SEPARATOR - 1;
        in->workers_len = size - sep - (sizeof FUZZ_SEPARATOR - 1);
    } else {
        in->workers = "";
        in->workers_len = 0;
    }
}

/* The embedded registry, made once per process (read-only afterwards). */
static inline const jbw_registry *fuzz_registry(void)
{
    static jbw_registry *reg;
    if (!reg) {
        jbw_status st = jbw_registry_zuid_west(&reg);
        FUZZ_CHECK(st == JBW_OK, "registry_zuid_west: %d", (int)st);
    }
    return reg;
}

/* Checks the rejects list of a lenient load. */
static inline void fuzz_check_rejects(const jbw_rejects *rejects)
{
    size_t i, n = jbw_rejects_count(rejects);
    for (i = 0; i < n; i++) {
        const char *file = NULL, *reason = NULL;
        size_t line = 0;
        jbw_status st = jbw_rejects_get(&file, &line, &reason, rejects, i);
        FUZZ_CHECK(st == JBW_OK, "rejects_get(%zu): %d", i, (int)st);
        FUZZ_CHECK(file && reason && reason[0] && line >= 2,
                   "reject %zu: file %s line %zu reason '%s'", i,
                   file ? file : "(null)", line, reason ? reason : "(null)");
    }
    FUZZ_CHECK(jbw_rejects_get(NULL, NULL, NULL, rejects, n) == JBW_ERANGE,
               "rejects_get past the end");
}

/*
 * Loads the input. Returns the snapshot, or NULL when the load failed as
 * documented. Checks the failure contract.
 */
static inline jbw_snapshot *fuzz_load_snapshot(const fuzz_snapshot_input *in)
{
    jbw_snapshot *snap = (jbw_snapshot *)FUZZ_SENTINEL;
    jbw_rejects *rejects = (jbw_rejects *)FUZZ_SENTINEL;
    jbw_status st = jbw_snapshot_load_csv_buffers(
        &snap, &rejects, fuzz_registry(), in->measures, in->measures_len,
        "measures.csv", in->workers, in->workers_len, "workers.csv", &in->opts);
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "snapshot_load_csv_buffers");
        FUZZ_CHECK(snap == (jbw_snapshot *)FUZZ_SENTINEL,
                   "the snapshot was written on failure");
        FUZZ_CHECK(rejects == (jbw_rejects *)FUZZ_SENTINEL,
                   "the rejects were written on failure");
        return NULL;
    }
    FUZZ_CHECK(snap && snap != (jbw_snapshot *)FUZZ_SENTINEL, "no snapshot");
    if (in->opts.lenient) {
        FUZZ_CHECK(rejects && rejects != (jbw_rejects *)FUZZ_SENTINEL,
                   "a lenient load gave no rejects list");
        fuzz_check_rejects(rejects);
    }
    if (rejects != (jbw_rejects *)FUZZ_SENTINEL)
        jbw_rejects_free(rejects);
    return snap;
}

#endif /* JBW_FUZZ_SNAPSHOT_LOAD_H */
