/*
 * libjbw - snapshots: workers and measures at a reference date, stored as
 * the struct of arrays of snapshot_internal.h and validated on insert.
 *
 * Adding is atomic. A record is checked completely before anything
 * changes; then the arrays are grown (which only adds spare room) and
 * the ids interned; when an intern fails, the ids interned so far are
 * popped again. Only then are the fields stored and the count bumped.
 * The checks never read the reference date: the CSV loader infers it
 * from the rows and sets it after the last one (io/snapshot_load.c).
 *
 * A measure without a family id is its child's own family: an index in
 * family_ids without a key (it cannot meet a family id that was given),
 * found through own_family by the child's index.
 */
#include "data/snapshot_check.h"

#include <string.h>

/* The parallel arrays, listed once for growing and freeing. */
#define JBW__WORKER_ARRAYS(X) X(org) X(region) X(fte) X(hired) X(leaving)
/* clang-format off */
#define JBW__MEASURE_ARRAYS(X)                                                 \
    X(child) X(family) X(kind) X(org) X(region) X(start) X(end) X(worker)      \
    X(first_assigned) X(waiting_since) X(previous_workers) X(safety)           \
    X(placement) X(birth_date) X(last_contact) X(jr_risk) X(family_given)
/* The columns of record versions 2 and 3, made when a measure first
 * gives a value other than the default (snapshot_internal.h). */
#define JBW__MEASURE_LAZY(X)                                                   \
    X(safety_plan) X(other_help) X(domestic_violence) X(term_end)              \
    X(override_band) X(override_reason) X(help_requested) X(help_started)
/* clang-format on */

#define JBW__PLUS_ONE(f) +1
enum {
    JBW__WORKER_ARRAY_COUNT = 0 JBW__WORKER_ARRAYS(JBW__PLUS_ONE),
    JBW__MEASURE_ARRAY_COUNT = 0 JBW__MEASURE_ARRAYS(JBW__PLUS_ONE)
};

/* ---- growing and freeing the arrays ------------------------------------ */
/* Grows every array of `s_` (a jbw__workers or jbw__measures; the caller
 * names it s_) through one table of pointers, so that no array is ever
 * handled through a cast pointer-to-pointer. */
#define JBW__GROW_ALL(LIST, count, need, rc)                                   \
    do {                                                                       \
        void *a_[count];                                                       \
        size_t e_[count], n_ = 0;                                              \
        LIST(JBW__LOAD_ONE)                                                    \
        (rc) = jbw__grow_parallel(a_, e_, n_, &s_->cap, (need));               \
        n_ = 0;                                                                \
        LIST(JBW__STORE_ONE)                                                   \
    } while (0)
#define JBW__LOAD_ONE(f)                                                       \
    a_[n_] = s_->f;                                                            \
    e_[n_] = sizeof *s_->f;                                                    \
    n_++;
#define JBW__STORE_ONE(f) s_->f = a_[n_++];
#define JBW__FREE_ONE(f)  jbw__free(s_->f);

static int grow_workers(jbw__workers *s_, size_t need)
{
    int rc;
    if (need <= s_->cap) /* the usual case: no table to fill */
        return 0;
    JBW__GROW_ALL(JBW__WORKER_ARRAYS, JBW__WORKER_ARRAY_COUNT, need, rc);
    return rc;
}

/* Grows the workers of snap; the worker map then fetches each worker's
 * organisation with its key, which every measure naming the worker
 * checks next (jbw__strmap_prefetch_key). */
static int grow_snapshot_workers(jbw_snapshot *snap, size_t need)
{
    int rc = grow_workers(&snap->w, need);
    snap->worker_ids.values = snap->w.org;
    snap->worker_ids.value_size = sizeof *snap->w.org;
    return rc;
}

/* A lazy column that exists grows to `cap` elements (a larger array than
 * cap needs is harmless, so a failure later leaves nothing wrong). */
#define JBW__GROW_LAZY(f)                                                      \
    if (s_->f && rc == 0) {                                                    \
        void *p_ = jbw__reallocarray(s_->f, cap, sizeof *s_->f);               \
        if (p_)                                                                \
            s_->f = p_;                                                        \
        else                                                                   \
            rc = -1;                                                           \
    }

/*
 * The columns of JBW__MEASURE_ARRAYS live in one block, each starting
 * JBW__COLUMN_SKEW bytes further past a 64-byte boundary than the one
 * before. Columns allocated apart each start at the same place in a page,
 * and so map to the same sets of the first-level cache: the loops over
 * the measures, which read or write a dozen columns at once, would evict
 * their own lines at every step.
 */
#define JBW__COLUMN_SKEW 192

/* Moves the columns into a new block for `cap` measures; -1 when out of
 * memory (nothing changed). */
static int grow_columns(jbw__measures *s_, size_t cap)
{
    void *a_[JBW__MEASURE_ARRAY_COUNT];
    size_t e_[JBW__MEASURE_ARRAY_COUNT], off[JBW__MEASURE_ARRAY_COUNT];
    size_t n_ = 0, k, size = 0;
    char *block;
    JBW__MEASURE_ARRAYS(JBW__LOAD_ONE)
    for (k = 0; k < n_; k++) {
        size_t bytes;
        if (e_[k] > (SIZE_MAX / 2 - size) / cap)
            return -1;
        bytes = (cap * e_[k] + 63) / 64 * 64 + JBW__COLUMN_SKEW;
        off[k] = size;
        size += bytes;
    }
    block = jbw__malloc(size);
    if (!block)
        return -1;
    for (k = 0; k < n_; k++) {
        if (s_->count)
            memcpy(block + off[k], a_[k], s_->count * e_[k]);
        a_[k] = block + off[k];
    }
    jbw__free(s_->columns);
    s_->columns = block;
    n_ = 0;
    JBW__MEASURE_ARRAYS(JBW__STORE_ONE)
    s_->cap = cap;
    return 0;
}

static int grow_measures(jbw__measures *s_, size_t need)
{
    int rc = 0;
    size_t cap = s_->cap < 8 ? 8 : s_->cap;
    if (need <= s_->cap)
        return 0;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    JBW__MEASURE_LAZY(JBW__GROW_LAZY)
    if (rc == 0)
        rc = grow_columns(s_, cap);
    return rc;
}

static void free_workers(jbw__workers *s_)
{
    JBW__WORKER_ARRAYS(JBW__FREE_ONE)
}

static void free_measures(jbw__measures *s_)
{
    jbw__free(s_->columns);
    JBW__MEASURE_LAZY(JBW__FREE_ONE)
}

/*
 * Makes the lazy columns that measure `v` needs (a value other than the
 * default) and that do not exist yet, the measures so far holding the
 * default; *made gets a bit per column made, for undo_lazy(). -1 when out
 * of memory (nothing made then).
 */
#define JBW__LAZY_BIT(f) JBW__LAZY_##f,
enum { JBW__MEASURE_LAZY(JBW__LAZY_BIT) JBW__LAZY_COUNT };

static void undo_lazy(jbw__measures *s_, unsigned made)
{
#define JBW__UNDO_ONE(f)                                                       \
    if (made & (1u << JBW__LAZY_##f)) {                                        \
        jbw__free(s_->f);                                                      \
        s_->f = NULL;                                                          \
    }
    JBW__MEASURE_LAZY(JBW__UNDO_ONE)
#undef JBW__UNDO_ONE
}

/* The lazy columns with the test of a measure `v` (interned override
 * reason `reason`) giving a value other than the default, and that
 * default. */
#define JBW__LAZY_VALUES(X)                                                    \
    X(safety_plan, v->safety_plan != JBW_YESNO_UNKNOWN, 0)                     \
    X(other_help, v->other_help != JBW_YESNO_UNKNOWN, 0)                       \
    X(domestic_violence, v->domestic_violence != JBW_YESNO_UNKNOWN, 0)         \
    X(term_end, v->term_end != JBW_DATE_NONE, JBW_DATE_NONE)                   \
    X(override_band, v->override_band != -1, -1)                               \
    X(override_reason, reason != JBW__NONE, JBW__NONE)                         \
    X(help_requested, v->help_requested != JBW_DATE_NONE, JBW_DATE_NONE)       \
    X(help_started, v->help_started != JBW_DATE_NONE, JBW_DATE_NONE)

/* Measure `v` needs a lazy column not made yet (the usual answer, no,
 * is all most measures cost: their values are tested first, the columns
 * only for a value given). */
static int needs_lazy(const jbw__measures *s_, const jbw_measure *v,
                      size_t reason)
{
#define JBW__NEEDS(f, given, dflt) || ((given) && !s_->f)
    return 0 JBW__LAZY_VALUES(JBW__NEEDS);
#undef JBW__NEEDS
}

static int make_lazy(jbw__measures *s_, unsigned *made, const jbw_measure *v,
                     size_t reason)
{
    size_t k;
    *made = 0;
#define JBW__MAKE(f, given, dflt)                                              \
    if (!s_->f && (given)) {                                                   \
        s_->f = jbw__reallocarray(NULL, s_->cap, sizeof *s_->f);               \
        if (!s_->f) {                                                          \
            undo_lazy(s_, *made);                                              \
            return -1;                                                         \
        }                                                                      \
        *made |= 1u << JBW__LAZY_##f;                                          \
        for (k = 0; k < s_->count; k++)                                        \
            s_->f[k] = (dflt);                                                 \
    }
    JBW__LAZY_VALUES(JBW__MAKE)
#undef JBW__MAKE
    return 0;
}

/* ---- life cycle -------------------------------------------------------- */
jbw_status jbw_snapshot_new(jbw_snapshot **out, const jbw_registry *registry,
                            jbw_date reference_date)
{
    jbw_snapshot *snap;
    jbw_status st;
    if (!out || !registry)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_new: out or registry is NULL");
    if (!jbw__date_in_range(reference_date))
        return jbw__error(JBW_ERANGE,
                          "jbw_snapshot_new: the reference date is "
                          "missing or outside 1900-01-01..2199-12-31");
    snap = jbw__calloc(1, sizeof *snap);
    if (!snap)
        return jbw__enomem();
    if ((st = jbw_registry_clone(&snap->registry, registry)) != JBW_OK) {
        jbw__free(snap);
        return st;
    }
    if (jbw__snapshot_index_registry(snap) != 0) {
        jbw_snapshot_free(snap);
        return jbw__enomem();
    }
    snap->reference_date = reference_date;
    *out = snap;
    return jbw__ok();
}

const char *jbw_snapshot_data_notice(const jbw_snapshot *snap)
{
    return snap ? snap->data_notice : NULL;
}

jbw_status jbw_snapshot_set_data_notice(jbw_snapshot *snap, const char *text)
{
    char *copy;
    jbw_status st;
    if (!snap)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_set_data_notice: snapshot is NULL");
    if ((st = jbw__notice_dup(&copy, text, "data notice")) != JBW_OK)
        return st;
    jbw__free(snap->own_notice);
    snap->own_notice = copy;
    snap->data_notice = copy;
    return jbw__ok();
}

void jbw_snapshot_free(jbw_snapshot *snap)
{
    if (!snap)
        return;
    jbw_registry_free(snap->registry);
    jbw__free(snap->serves);
    jbw__strmap_free(&snap->worker_ids);
    jbw__strmap_free(&snap->measure_ids);
    jbw__strmap_free(&snap->child_ids);
    jbw__strmap_free(&snap->family_ids);
    jbw__strmap_free(&snap->override_reasons);
    free_workers(&snap->w);
    free_measures(&snap->m);
    jbw__free(snap->own_family);
    jbw__free(snap->own_notice);
    jbw__free(snap);
}

/* How many more keys (with a slot: own families have none) a child or
 * family map takes for `more` measures: as many as it took a measure so
 * far, and an eighth more; at most one a measure (a child or family may
 * have several measures). */
static size_t keys_ahead(const jbw__strmap *ids, size_t so_far, size_t more)
{
    double per =
        so_far ? (double)(ids->count - ids->unkeyed) / (double)so_far : 1.0;
    double keys = per * 1.125 * (double)more + 1.0;
    return keys < (double)more ? (size_t)keys : more;
}

/* Room for `workers` and `measures` more records, grown once (a loader
 * that knows about how many rows follow); 0 or -1 (out of memory). */
int jbw__snapshot_reserve(jbw_snapshot *snap, size_t workers, size_t measures)
{
    if (workers && (grow_snapshot_workers(snap, snap->w.count + workers) != 0 ||
                    jbw__strmap_reserve(&snap->worker_ids,
                                        snap->worker_ids.count + workers) != 0))
        return -1;
    if (measures &&
        (grow_measures(&snap->m, snap->m.count + measures) != 0 ||
         jbw__strmap_reserve(&snap->measure_ids,
                             snap->measure_ids.count + measures) != 0 ||
         jbw__strmap_reserve(
             &snap->child_ids,
             snap->child_ids.count +
                 keys_ahead(&snap->child_ids, snap->m.count, measures)) != 0 ||
         jbw__strmap_reserve(
             &snap->family_ids,
             snap->family_ids.count +
                 keys_ahead(&snap->family_ids, snap->m.count, measures)) != 0))
        return -1;
    return 0;
}

/* ---- workers ----------------------------------------------------------- */
jbw_status jbw__snapshot_add_worker_named(jbw_snapshot *snap,
                                          const jbw_worker *worker,
                                          const char **column)
{
    jbw__worker_found row = {0};
    jbw_status st;
    size_t i;
    *column = NULL;
    if ((st = jbw__snapshot_check_worker(&row, snap, worker)) != JBW_OK) {
        *column = row.column;
        return st;
    }
    if (grow_snapshot_workers(snap, snap->w.count + 1) != 0)
        return jbw__enomem();
    if ((st = jbw__strmap_intern_hashed(&snap->worker_ids, worker->id,
                                        row.id_len, row.id_hash, &i, NULL)) !=
        JBW_OK)
        return st;
    snap->w.org[i] = row.org;
    snap->w.region[i] = row.region;
    snap->w.fte[i] = worker->fte;
    snap->w.hired[i] = worker->hired;
    snap->w.leaving[i] = worker->leaving;
    snap->w.count = i + 1;
    return JBW_OK;
}

jbw_status jbw_snapshot_add_worker(jbw_snapshot *snap, const jbw_worker *worker)
{
    const char *column;
    jbw_status st;
    if (!snap || !worker)
        return jbw__error(JBW_EINVAL, "jbw_snapshot_add_worker: snapshot or "
                                      "worker is NULL");
    if (worker->version != JBW_WORKER_VERSION)
        return jbw__error_version(worker->version, JBW_WORKER_VERSION,
                                  JBW_WORKER_VERSION,
                                  "jbw_snapshot_add_worker: worker");
    st = jbw__snapshot_add_worker_named(snap, worker, &column);
    return st == JBW_OK ? jbw__ok() : st;
}

/* ---- measures ---------------------------------------------------------- */

/* Room in own_family for `need` children, the new ones JBW__NONE. */
static int reserve_own(jbw_snapshot *snap, size_t need)
{
    size_t old = snap->own_cap, k;
    void *p = snap->own_family;
    if (need <= old)
        return 0;
    if (jbw__grow(&p, &snap->own_cap, need, sizeof(uint32_t)) != 0)
        return -1;
    snap->own_family = p;
    for (k = old; k < snap->own_cap; k++)
        snap->own_family[k] = JBW__NONE;
    return 0;
}

/*
 * Interns the measure id, the child id and the family id with the
 * row's hashes, or finds or makes the child's own family; on failure pops what
 * it interned (in reverse order: pop removes the last key).
 */
static jbw_status intern_measure_ids(size_t *child, size_t *family,
                                     jbw_snapshot *snap, const jbw_measure *m,
                                     const jbw__measure_found *row)
{
    int own = !m->family_id || !*m->family_id, made = !snap->own_family;
    int new_measure = 0, new_child = 0;
    size_t index;
    jbw_status st;
    /* an own family: room for the child in own_family first */
    if (own && reserve_own(snap, snap->child_ids.count + 1) != 0)
        return jbw__enomem();
    made = made && snap->own_family;
    /* the check found the measure id new, and the map is as it was */
    st = jbw__strmap_add_new_hashed(&snap->measure_ids, m->id, row->id_len,
                                    row->id_hash, &index);
    new_measure = st == JBW_OK;
    if (st == JBW_OK)
        st = jbw__strmap_intern_hashed(&snap->child_ids, m->child_id,
                                       row->child_len, row->child_hash, child,
                                       &new_child);
    if (st == JBW_OK && !own)
        st = jbw__strmap_intern_hashed(&snap->family_ids, m->family_id,
                                       row->family_len, row->family_hash,
                                       family, NULL);
    else if (st == JBW_OK && snap->own_family[*child] != JBW__NONE)
        *family = snap->own_family[*child];
    else if (st == JBW_OK && (st = jbw__strmap_add_unkeyed(&snap->family_ids,
                                                           family)) == JBW_OK)
        snap->own_family[*child] = (uint32_t)*family;
    if (st != JBW_OK) {
        if (new_child)
            jbw__strmap_pop(&snap->child_ids);
        if (new_measure)
            jbw__strmap_pop(&snap->measure_ids);
        if (made) { /* made by this call: no block more than before */
            jbw__free(snap->own_family);
            snap->own_family = NULL;
            snap->own_cap = 0;
        }
    }
    return st;
}

/* Stores a measure of the current version that passed its checks. */
static jbw_status store_measure(jbw_snapshot *snap, const jbw_measure *measure,
                                const jbw__measure_found *row)
{
    jbw__measures *m = &snap->m;
    size_t i, child, family, reason = JBW__NONE;
    int new_reason = 0;
    unsigned made = 0;
    jbw_status st;
    if (grow_measures(m, m->count + 1) != 0)
        return jbw__enomem();
    if (row->has_reason) {
        st = jbw__strmap_intern(
            &snap->override_reasons, measure->override_reason,
            strlen(measure->override_reason), &reason, &new_reason);
        if (st != JBW_OK)
            return st;
    }
    if (needs_lazy(m, measure, reason) &&
        make_lazy(m, &made, measure, reason) != 0)
        st = jbw__enomem();
    else
        st = intern_measure_ids(&child, &family, snap, measure, row);
    if (st != JBW_OK) {
        undo_lazy(m, made);
        if (new_reason)
            jbw__strmap_pop(&snap->override_reasons);
        return st;
    }
    i = m->count;
    m->child[i] = (uint32_t)child;
    m->family[i] = (uint32_t)family;
    m->kind[i] = (uint8_t)measure->kind;
    m->org[i] = row->org;
    m->region[i] = row->region;
    m->start[i] = measure->start;
    m->end[i] = measure->end;
    m->worker[i] = row->worker;
    m->first_assigned[i] = measure->first_assigned;
    m->waiting_since[i] = row->waiting_since;
    m->previous_workers[i] = (int32_t)measure->previous_workers;
    m->safety[i] = (uint8_t)measure->safety;
    m->placement[i] = (uint8_t)measure->placement;
    m->birth_date[i] = measure->birth_date;
    m->last_contact[i] = measure->last_contact;
    m->jr_risk[i] = (uint8_t)measure->jr_risk;
    m->family_given[i] = (uint8_t)(measure->family_id && *measure->family_id);
    /* a lazy column exists when this or an earlier measure needed it */
    if (m->safety_plan)
        m->safety_plan[i] = (uint8_t)measure->safety_plan;
    if (m->other_help)
        m->other_help[i] = (uint8_t)measure->other_help;
    if (m->domestic_violence)
        m->domestic_violence[i] = (uint8_t)measure->domestic_violence;
    if (m->term_end)
        m->term_end[i] = measure->term_end;
    if (m->override_band)
        m->override_band[i] = (int8_t)measure->override_band;
    if (m->override_reason)
        m->override_reason[i] = (uint32_t)reason;
    if (m->help_requested)
        m->help_requested[i] = measure->help_requested;
    if (m->help_started)
        m->help_started[i] = measure->help_started;
    m->count = i + 1;
    return JBW_OK;
}

jbw_status jbw_snapshot_add_measure(jbw_snapshot *snap,
                                    const jbw_measure *measure)
{
    static const jbw_measure init = JBW_MEASURE_INIT;
    jbw__measure_found row = {0};
    jbw_measure full;
    jbw_status st;
    if (!snap || !measure)
        return jbw__error(JBW_EINVAL, "jbw_snapshot_add_measure: snapshot or "
                                      "measure is NULL");
    if (measure->version < 1 || measure->version > JBW_MEASURE_VERSION)
        return jbw__error_version(measure->version, 1, JBW_MEASURE_VERSION,
                                  "jbw_snapshot_add_measure: measure");
    if (measure->version < JBW_MEASURE_VERSION) {
        /* a record of an older version is smaller: the later fields
         * default */
        full = init;
        memcpy(&full, measure,
               measure->version == 1 ? JBW__MEASURE_V1_SIZE
                                     : JBW__MEASURE_V2_SIZE);
        measure = &full;
    }
    if ((st = jbw__snapshot_check_measure(&row, snap, measure)) != JBW_OK) {
        if (row.worker_fault == JBW__WORKER_UNKNOWN)
            jbw__error(st, "%s: add workers before their measures",
                       jbw_last_error());
        return st;
    }
    if ((st = store_measure(snap, measure, &row)) != JBW_OK)
        return st;
    return jbw__ok();
}

jbw_status jbw__snapshot_add_measure_hashed(jbw_snapshot *snap,
                                            const jbw_measure *measure,
                                            const jbw__measure_keys *keys,
                                            int *worker_fault,
                                            const char **column)
{
    /* the checks set every field the store reads; only the fault is
     * set here (the whole record zeroed cost a store a field) */
    jbw__measure_found row;
    jbw_status st;
    row.worker_fault = JBW__WORKER_OK;
    *worker_fault = JBW__WORKER_OK;
    *column = NULL;
    if ((st = jbw__snapshot_check_measure_keyed(&row, snap, measure, keys)) !=
        JBW_OK) {
        *worker_fault = row.worker_fault;
        *column = row.column;
        return st;
    }
    return store_measure(snap, measure, &row);
}
