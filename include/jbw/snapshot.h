/*
 * libjbw - snapshots: an opaque collection of workers and measures at a
 * reference date, validated on insert.
 *
 * A snapshot copies the registry it is made with and every string it is
 * given. Records are checked when added; a record that fails leaves the
 * snapshot as it was. Once filled, a snapshot may be read from several
 * threads at once; adding records must not overlap with readers.
 *
 * The state of a measure on a date d (jbw_snapshot_measure_state):
 *  - INACTIVE  when not start <= d < end (no end: running);
 *  - NIEUW     when it never had a worker by d: no worker and
 *              previous_workers == 0, or first_assigned is after d;
 *  - BESTAAND  when it has no worker now, had one before
 *              (previous_workers > 0) and the current wait began on or
 *              before d;
 *  - ASSIGNED  otherwise (a worker now; or, before a bestaand wait began,
 *              the earlier worker, whose id the snapshot does not hold).
 */
#ifndef JBW_SNAPSHOT_H
#define JBW_SNAPSHOT_H

#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/measure.h"
#include "jbw/registry.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jbw_snapshot jbw_snapshot;

typedef enum jbw_measure_state {
    JBW_STATE_INACTIVE = 0,
    JBW_STATE_ASSIGNED = 1,
    JBW_STATE_NIEUW = 2,
    JBW_STATE_BESTAAND = 3
} jbw_measure_state;

/* "inactive", "assigned", "nieuw", "bestaand"; NULL when out of range. */
JBW_API const char *jbw_measure_state_code(jbw_measure_state state);

/*
 * Creates an empty snapshot with a copy of `registry` and a reference
 * date (the date the assignment fields describe).
 * Errors: JBW_EINVAL (NULL), JBW_ERANGE (date), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_snapshot_new(jbw_snapshot **out,
                                    const jbw_registry *registry,
                                    jbw_date reference_date);

/* Frees a snapshot; NULL is accepted. */
JBW_API void jbw_snapshot_free(jbw_snapshot *snap);

/* The most bytes an id (of a worker, measure, child or family) may have:
 * ids are pseudonyms, and 255 bytes hold any of them. */
#define JBW_ID_MAX 255

/*
 * Adds a worker. Checked: non-empty unique id; organisation (and region,
 * when given) in the registry; fte finite and 0 < fte <= 1.2; hired set;
 * leaving after hired when set; dates in range.
 * Ids (of workers, measures, children, families) must not contain ASCII
 * control characters (bytes below 0x20, 0x7f), nor be longer than
 * JBW_ID_MAX bytes.
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_EDUPLICATE, JBW_ENOTFOUND,
 * JBW_ERANGE, JBW_ENOMEM. The detail gives the reason, then the worker
 * id and the field (long values cut with an ellipsis).
 * Which status: JBW_EINVAL for a missing field, NaN/inf, or fields that
 * contradict each other; JBW_ERANGE for a number, enum value or date
 * outside its range, or an id too long; JBW_ENOTFOUND for an unknown key
 * or worker id.
 */
JBW_API jbw_status jbw_snapshot_add_worker(jbw_snapshot *snap,
                                           const jbw_worker *worker);

/*
 * Adds a measure. Checked: non-empty unique id and child_id; a known
 * kind; organisation and region in the registry, and the organisation
 * serves the region; start set, end after start when set; worker_id, when
 * set, names a worker of the same organisation added before; a measure
 * with a worker has no waiting_since; a measure without a worker that had
 * one before (previous_workers > 0 or first_assigned set) has a
 * waiting_since, and previous_workers > 0; previous_workers >= 0;
 * first_assigned, waiting_since and last_contact not before start;
 * birth_date not after start (except for an OTS or VOTS: before birth,
 * and then at most 301 days, 43 weeks, after start: an expected birth);
 * a jeugdreclassering child 12 or older at the start (when birth_date is
 * set); help_requested not before start and help_started not before
 * help_requested; jr_risk only on jeugdreclassering; enum values in
 * range. A measure without a worker that never had one and no
 * waiting_since waits since its start. Records of versions 1, 2 and 3
 * are accepted (an older one is read only up to its own size).
 * Errors as jbw_snapshot_add_worker().
 */
JBW_API jbw_status jbw_snapshot_add_measure(jbw_snapshot *snap,
                                            const jbw_measure *measure);

/* The reference date; JBW_DATE_NONE for NULL. */
JBW_API jbw_date jbw_snapshot_reference_date(const jbw_snapshot *snap);

/*
 * The latest day in the measures on which something happened: a start, a
 * first worker (first_assigned), a wait (waiting_since), a last contact,
 * help requested or help started. Not an end nor a worker's hired, which
 * an export often holds as planned dates: when the reference date came
 * from the files and this day is before it, the reference date is such a
 * planned date, and the export's own date lies between the two. One pass
 * over the measures, without allocation. JBW_DATE_NONE for NULL or when
 * no measure holds such a date.
 */
JBW_API jbw_date jbw_snapshot_latest_event(const jbw_snapshot *snap);

/*
 * The data notice of a snapshot: where its data come from, when they are
 * not real. For the embedded example (jbw_example_snapshot) the statement
 * that it is synthetic, the text of jbw_example_notice(); the text given
 * to jbw_snapshot_set_data_notice(); NULL for data the caller added or
 * loaded without one, and for NULL. The caseload, triage and allocation
 * writers put it into every output made from the snapshot (text: first
 * line; JSON: a first key "data_notice"; CSV: a last column
 * "data_notice"); pass it to jbw_forecast_set_data_notice and
 * jbw_output_options for forecasts and staffing answers.
 * Borrowed: the example's text is static; a text set with
 * jbw_snapshot_set_data_notice() is valid until the snapshot is freed or
 * given another notice.
 */
JBW_API const char *jbw_snapshot_data_notice(const jbw_snapshot *snap);

/*
 * Gives the snapshot a data notice (jbw_snapshot_data_notice), replacing
 * any it has, the example's too; NULL clears it (real data). The CSV
 * loader reads no notice: a program that loads an export made from a
 * snapshot with a notice (its data_notice file, docs/formats.md) sets it
 * with this function, and may pass the file's text as it is: one line
 * end at the end ("\n" or "\r\n") is not part of the notice. `text` is
 * copied.
 * Refused with JBW_EINVAL (the snapshot keeps its notice): snap NULL; an
 * empty text; a text over 400 bytes; bytes that are not well-formed UTF-8;
 * control characters (below 0x20, 0x7f, U+0080..U+009F), so that the
 * notice is one line in every output. The writers escape what their
 * format needs (CSV quotes, JSON and SVG escapes).
 * Errors: JBW_EINVAL (the detail says which rule and the byte),
 * JBW_ENOMEM (the snapshot is unchanged).
 */
JBW_API jbw_status jbw_snapshot_set_data_notice(jbw_snapshot *snap,
                                                const char *text);

/* The snapshot's registry (borrowed, valid while the snapshot lives);
 * NULL for NULL. */
JBW_API const jbw_registry *jbw_snapshot_registry(const jbw_snapshot *snap);

/* Counts; 0 for NULL. */
JBW_API size_t jbw_snapshot_worker_count(const jbw_snapshot *snap);
JBW_API size_t jbw_snapshot_measure_count(const jbw_snapshot *snap);

/*
 * Reads back the index-th worker / measure (insertion order). The caller
 * sets out->version; strings point into the snapshot. Measures read back
 * carry the waiting_since the snapshot settled on (start for a nieuw
 * measure given without one). Absent strings (a worker's region, a
 * measure's family_id and worker_id) read back as "", never NULL.
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_ERANGE (index).
 */
JBW_API jbw_status jbw_snapshot_worker(jbw_worker *out,
                                       const jbw_snapshot *snap, size_t index);
JBW_API jbw_status jbw_snapshot_measure(jbw_measure *out,
                                        const jbw_snapshot *snap, size_t index);

/* Looks up by id. Errors: JBW_EINVAL, JBW_ENOTFOUND. */
JBW_API jbw_status jbw_snapshot_find_worker(size_t *index,
                                            const jbw_snapshot *snap,
                                            const char *id);
JBW_API jbw_status jbw_snapshot_find_measure(size_t *index,
                                             const jbw_snapshot *snap,
                                             const char *id);

/*
 * The state of the index-th measure on `date` (see the top of this file).
 * Errors: JBW_EINVAL, JBW_ERANGE (index or date).
 */
JBW_API jbw_status jbw_snapshot_measure_state(jbw_measure_state *out,
                                              const jbw_snapshot *snap,
                                              size_t index, jbw_date date);

/*
 * Counts of the snapshot on `date`, optionally restricted to one
 * organisation and/or region (NULL: all).
 */
typedef struct jbw_snapshot_counts {
    unsigned int version;
    size_t active;           /* active measures */
    size_t assigned;         /* active with a worker */
    size_t waiting_nieuw;    /* active, never had a worker */
    size_t waiting_bestaand; /* active, worker dropped out */
    size_t children;         /* distinct children with an active measure */
    size_t families;         /* distinct families with an active measure */
    size_t workers;          /* workers employed on date */
    size_t by_kind[JBW_KIND_SLOTS]; /* active measures per kind */
} jbw_snapshot_counts;
#define JBW_SNAPSHOT_COUNTS_VERSION 1

/*
 * Fills `out` (caller sets out->version).
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_ERANGE (date), JBW_ENOTFOUND
 * (organisation or region key not in the registry), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_snapshot_counts_get(jbw_snapshot_counts *out,
                                           const jbw_snapshot *snap,
                                           jbw_date date,
                                           const char *organisation,
                                           const char *region);

#ifdef __cplusplus
}
#endif

#endif /* JBW_SNAPSHOT_H */
