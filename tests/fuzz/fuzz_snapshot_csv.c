/*
 * Fuzzes jbw_snapshot_load_csv_buffers (measures.csv + workers.csv,
 * strict and lenient). Properties: a failing load returns a documented
 * status with a detail and writes nothing; a load that succeeds writes
 * measures and workers CSV that load back strictly, on the same reference
 * date, to a snapshot that writes the identical text again.
 * Input layout: see fuzz_snapshot_load.h.
 */
#include "fuzz_snapshot_load.h"

static void write_both(char **m, size_t *mlen, char **w, size_t *wlen,
                       const jbw_snapshot *snap)
{
    jbw_status st = jbw_snapshot_measures_csv(m, mlen, snap);
    FUZZ_CHECK(st == JBW_OK, "measures_csv: %d", (int)st);
    FUZZ_CHECK(strlen(*m) == *mlen, "measures_csv length");
    st = jbw_snapshot_workers_csv(w, wlen, snap);
    FUZZ_CHECK(st == JBW_OK, "workers_csv: %d", (int)st);
    FUZZ_CHECK(strlen(*w) == *wlen, "workers_csv length");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_snapshot_input in;
    jbw_load_options strict = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap, *again = NULL;
    char *m1, *w1, *m2, *w2;
    size_t m1len, w1len, m2len, w2len;
    jbw_status st;

    fuzz_split_snapshot_input(&in, data, size);
    snap = fuzz_load_snapshot(&in);
    if (!snap)
        return 0;

    write_both(&m1, &m1len, &w1, &w1len, snap);
    strict.reference_date = jbw_snapshot_reference_date(snap);
    st = jbw_snapshot_load_csv_buffers(&again, NULL, fuzz_registry(), m1, m1len,
                                       "measures.csv", w1, w1len, "workers.csv",
                                       &strict);
    FUZZ_CHECK(st == JBW_OK,
               "the written CSV does not load back: %d\n--- measures ---\n"
               "%s\n--- workers ---\n%s",
               (int)st, m1, w1);
    FUZZ_CHECK(
        jbw_snapshot_measure_count(again) == jbw_snapshot_measure_count(snap) &&
            jbw_snapshot_worker_count(again) == jbw_snapshot_worker_count(snap),
        "counts changed in the round trip");
    FUZZ_CHECK(jbw_snapshot_reference_date(again) ==
                   jbw_snapshot_reference_date(snap),
               "reference date changed");
    write_both(&m2, &m2len, &w2, &w2len, again);
    if (!fuzz_same(m1, m1len, m2, m2len))
        fuzz_diff_abort("measures.csv", m1, m1len, m2, m2len);
    if (!fuzz_same(w1, w1len, w2, w2len))
        fuzz_diff_abort("workers.csv", w1, w1len, w2, w2len);

    /* With the default reference date the export of a strict load loads
     * back to its own date too (io.h: the latest date in either file). A
     * lenient load may have rejected the row that held the latest date. */
    if (in.opts.reference_date == JBW_DATE_NONE && !in.opts.lenient) {
        jbw_snapshot *third = NULL;
        jbw_load_options dflt = JBW_LOAD_OPTIONS_INIT;
        st = jbw_snapshot_load_csv_buffers(&third, NULL, fuzz_registry(), m1,
                                           m1len, NULL, w1, w1len, NULL, &dflt);
        FUZZ_CHECK(st == JBW_OK, "default reload: %d", (int)st);
        FUZZ_CHECK(jbw_snapshot_reference_date(third) ==
                       jbw_snapshot_reference_date(snap),
                   "an export loads back with reference date %ld, not %ld",
                   (long)jbw_snapshot_reference_date(third),
                   (long)jbw_snapshot_reference_date(snap));
        jbw_snapshot_free(third);
    }

    jbw_free(m1);
    jbw_free(w1);
    jbw_free(m2);
    jbw_free(w2);
    jbw_snapshot_free(again);
    jbw_snapshot_free(snap);
    return 0;
}
