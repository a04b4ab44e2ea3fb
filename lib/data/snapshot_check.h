/*
 * libjbw internal: the checks a worker or measure passes before a
 * snapshot stores it (data/snapshot_check.c), and what they resolve, for
 * data/snapshot.c.
 */
#ifndef JBW_DATA_SNAPSHOT_CHECK_H
#define JBW_DATA_SNAPSHOT_CHECK_H

#include "data/snapshot_internal.h"

/* What the checks of a worker resolve, ready to store. */
typedef struct jbw__worker_found {
    uint32_t org, region;
    size_t id_len;
    uint64_t id_hash;
    /* the column a failed check is about ("fte", "hired"), for the
     * loader to name; NULL when none */
    const char *column;
} jbw__worker_found;

/* What the checks of a measure resolve, ready to store. The hashes are
 * jbw__hash() of the measure id, the child id, the family id (when
 * given) and the worker id; a
 * caller that has them already sets `hashed` and the four hashes before
 * the check. */
typedef struct jbw__measure_found {
    uint32_t org, region, worker;
    jbw_date waiting_since;               /* settled */
    size_t id_len, child_len, family_len; /* family_len: when given */
    uint64_t id_hash, child_hash, family_hash, worker_hash;
    int hashed;
    int has_reason; /* override_reason holds more than white space */
    /* why a check about the measure's worker failed (JBW__WORKER_*): the
     * loader and jbw_snapshot_add_measure() add what they know */
    int worker_fault;
    /* the one column a failed check is about, for the loader to name
     * (NULL: none, or the detail names it) */
    const char *column;
} jbw__measure_found;

/* Checks a worker completely against the snapshot (nothing changes):
 * JBW_OK, or the status with a detail naming the worker. */
jbw_status jbw__snapshot_check_worker(jbw__worker_found *row,
                                      const jbw_snapshot *snap,
                                      const jbw_worker *w);
/* The same for a measure of the current record version. */
jbw_status jbw__snapshot_check_measure(jbw__measure_found *row,
                                       const jbw_snapshot *snap,
                                       const jbw_measure *m);

/* Fills the lookups of the snapshot's registry, which no longer
 * changes: org_codes, region_codes and serves. 0, or -1 when out of
 * memory. */
int jbw__snapshot_index_registry(jbw_snapshot *snap);

#endif /* JBW_DATA_SNAPSHOT_CHECK_H */
