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
 * A measure without a family id is its own family. Its family key is the
 * child id behind a 0x01 byte: ids may not hold control characters, so
 * that key cannot collide with a family id that was given.
 */
#include "data/snapshot_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The parallel arrays, listed once for growing and freeing. */
#define JBW__WORKER_ARRAYS(X) X(org) X(region) X(fte) X(hired) X(leaving)
/* clang-format off */
#define JBW__MEASURE_ARRAYS(X)                                                 \
    X(child) X(family) X(kind) X(org) X(region) X(start) X(end) X(worker)      \
    X(first_assigned) X(waiting_since) X(previous_workers) X(safety)           \
    X(placement) X(birth_date) X(last_contact) X(jr_risk) X(family_given)      \
    X(safety_plan) X(other_help) X(domestic_violence) X(term_end)              \
    X(override_band) X(override_reason) X(help_requested) X(help_started)
/* clang-format on */

#define JBW__PLUS_ONE(f) +1
enum {
    JBW__WORKER_ARRAY_COUNT = 0 JBW__WORKER_ARRAYS(JBW__PLUS_ONE),
    JBW__MEASURE_ARRAY_COUNT = 0 JBW__MEASURE_ARRAYS(JBW__PLUS_ONE)
};

#define JBW__FAMILY_OWN_MARK '\x01'
#define JBW__FTE_MAX         1.2

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

static int grow_measures(jbw__measures *s_, size_t need)
{
    int rc;
    if (need <= s_->cap)
        return 0;
    JBW__GROW_ALL(JBW__MEASURE_ARRAYS, JBW__MEASURE_ARRAY_COUNT, need, rc);
    return rc;
}

static void free_workers(jbw__workers *s_)
{
    JBW__WORKER_ARRAYS(JBW__FREE_ONE)
}

static void free_measures(jbw__measures *s_){JBW__MEASURE_ARRAYS(JBW__FREE_ONE)}

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
    snap->reference_date = reference_date;
    *out = snap;
    return jbw__ok();
}

const char *jbw_snapshot_data_notice(const jbw_snapshot *snap)
{
    return snap ? snap->data_notice : NULL;
}

void jbw_snapshot_free(jbw_snapshot *snap)
{
    if (!snap)
        return;
    jbw_registry_free(snap->registry);
    jbw__strmap_free(&snap->worker_ids);
    jbw__strmap_free(&snap->measure_ids);
    jbw__strmap_free(&snap->child_ids);
    jbw__strmap_free(&snap->family_ids);
    jbw__strmap_free(&snap->override_reasons);
    free_workers(&snap->w);
    free_measures(&snap->m);
    jbw__free(snap);
}

/* Room for `workers` and `measures` more records, grown once (a loader
 * that knows about how many rows follow); 0 or -1 (out of memory). */
int jbw__snapshot_reserve(jbw_snapshot *snap, size_t workers, size_t measures)
{
    if (workers && (grow_workers(&snap->w, snap->w.count + workers) != 0 ||
                    jbw__strmap_reserve(&snap->worker_ids,
                                        snap->worker_ids.count + workers) != 0))
        return -1;
    /* a child may have several measures: its count is an upper bound */
    if (measures &&
        (grow_measures(&snap->m, snap->m.count + measures) != 0 ||
         jbw__strmap_reserve(&snap->measure_ids,
                             snap->measure_ids.count + measures) != 0 ||
         jbw__strmap_reserve(&snap->child_ids,
                             snap->child_ids.count + measures) != 0))
        return -1;
    return 0;
}

/* ---- checks shared by workers and measures ----------------------------- */

/* The record being checked, for details: "(measure 'M17')". */
typedef struct jbw__rec {
    const char *what; /* "worker" or "measure" */
    const char *id;
    const char *shown; /* the id as messages show it: cut when long */
    char buf[JBW__SHOWN];
} jbw__rec;

/* Sets r->shown once the id is known to be valid and len bytes long:
 * the id itself when short (the usual case, no copy), else its start with
 * an ellipsis. */
static void rec_shown(jbw__rec *r, size_t len)
{
    if (len < JBW__SHOWN - 4) {
        r->shown = r->id;
        return;
    }
    jbw__quote_value(r->buf, sizeof r->buf, r->id, len);
    r->shown = r->buf;
}

static int is_given(const char *s)
{
    return s && *s;
}

/* Writes a date for a detail: ISO, or the raw day number when it cannot
 * be formatted. */
const char *jbw__date_text(char *buf, size_t size, jbw_date d)
{
    if (jbw_date_format(buf, size, d) != JBW_OK)
        snprintf(buf, size, "day %ld", (long)d);
    return buf;
}

/* Ids are non-empty and free of control characters (see the top); *len
 * receives the length the scan finds anyway. */
/* Eight bytes, any of them below 0x20 or 0x7F: the classic word-at-a-
 * time tests "has a byte less than" and "has a zero byte". */
static int word_has_control(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ULL;
    const uint64_t highs = 0x8080808080808080ULL;
    uint64_t del = x ^ (ones * 0x7F);
    return (((x - ones * 0x20) & ~x) | ((del - ones) & ~del)) & highs ? 1 : 0;
}

/* s[0..n) holds a control character (the ids' usual case, none, is
 * settled eight bytes at a time; reads overlap rather than go byte by
 * byte at the end). */
static int has_control(const char *s, size_t n)
{
    uint32_t a, b;
    uint64_t x;
    size_t i;
    if (n < 4) {
        for (i = 0; i < n; i++)
            if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
                return 1;
        return 0;
    }
    if (n < 8) {
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        return word_has_control((uint64_t)a | (uint64_t)b << 32);
    }
    for (i = 0; i + 8 < n; i += 8) {
        memcpy(&x, s + i, 8);
        if (word_has_control(x))
            return 1;
    }
    memcpy(&x, s + n - 8, 8);
    return word_has_control(x);
}

static jbw_status check_id(size_t *len, const jbw__rec *r, const char *field,
                           const char *id)
{
    const unsigned char *p;
    char q[JBW__SHOWN];
    if (!is_given(id))
        return jbw__error(JBW_EINVAL, "%s is missing (%s '%s')", field, r->what,
                          r->shown);
    *len = strlen(id);
    if (*len > JBW_ID_MAX) {
        jbw__quote_value(q, sizeof q, id, *len);
        return jbw__error(JBW_ERANGE,
                          "%s is longer than %d bytes (%zu bytes): '%s' "
                          "(%s '%s')",
                          field, JBW_ID_MAX, *len, q, r->what, r->shown);
    }
    if (!has_control(id, *len))
        return JBW_OK;
    /* The byte loop finds the first one for the detail. */
    for (p = (const unsigned char *)id; *p; p++)
        if (*p < 0x20 || *p == 0x7f) {
            jbw__quote_value(q, sizeof q, id, *len);
            return jbw__error(JBW_EINVAL,
                              "%s holds a control character (byte %ld): "
                              "'%s' (%s '%s')",
                              field, (long)(p - (const unsigned char *)id) + 1,
                              q, r->what, r->shown);
        }
    *len = (size_t)(p - (const unsigned char *)id);
    return JBW_OK;
}

/* A required (or, with required == 0, optional) date in the range. */
static jbw_status check_date_slow(const jbw__rec *r, const char *field,
                                  jbw_date d, int required)
{
    char buf[32];
    if (d == JBW_DATE_NONE)
        return required ? jbw__error(JBW_EINVAL, "%s is missing (%s '%s')",
                                     field, r->what, r->shown)
                        : JBW_OK;
    if (!jbw__date_in_range(d))
        return jbw__error(JBW_ERANGE,
                          "%s (%s) is outside 1900-01-01..2199-12-31 "
                          "(%s '%s')",
                          field, jbw__date_text(buf, sizeof buf, d), r->what,
                          r->shown);
    return JBW_OK;
}

/* The usual case, a date in range, without a call. */
static jbw_status check_date(const jbw__rec *r, const char *field, jbw_date d,
                             int required)
{
    if (d != JBW_DATE_NONE && d >= JBW__DAY_MIN && d <= JBW__DAY_MAX)
        return JBW_OK;
    return check_date_slow(r, field, d, required);
}

/* `d` (when set) is not before `ref`: "first_assigned ... before start". */
static jbw_status check_not_before(const jbw__rec *r, const char *field,
                                   jbw_date d, const char *ref_field,
                                   jbw_date ref)
{
    char a[32], b[32];
    if (d == JBW_DATE_NONE || d >= ref)
        return JBW_OK;
    return jbw__error(JBW_EINVAL, "%s %s is before %s %s (%s '%s')", field,
                      jbw__date_text(a, sizeof a, d), ref_field,
                      jbw__date_text(b, sizeof b, ref), r->what, r->shown);
}

/* Looks up an organisation key the record names (required). */
static jbw_status check_org(uint32_t *org, const jbw__rec *r,
                            const jbw_registry *reg, const char *key)
{
    long i;
    char q[JBW__SHOWN];
    if (!is_given(key))
        return jbw__error(JBW_EINVAL, "organisation is missing (%s '%s')",
                          r->what, r->shown);
    i = jbw__strmap_find(&reg->org_keys, key, strlen(key));
    if (i < 0)
        return jbw__error(JBW_ENOTFOUND,
                          "organisation '%s' is not in the registry (%s "
                          "'%s')",
                          jbw__quote_value(q, sizeof q, key, strlen(key)),
                          r->what, r->shown);
    *org = (uint32_t)i;
    return JBW_OK;
}

/* Looks up a region key; an absent key gives JBW__NONE unless required. */
static jbw_status check_region(uint32_t *region, const jbw__rec *r,
                               const jbw_registry *reg, const char *key,
                               int required)
{
    long i;
    char q[JBW__SHOWN];
    if (!is_given(key)) {
        if (required)
            return jbw__error(JBW_EINVAL, "region is missing (%s '%s')",
                              r->what, r->shown);
        *region = JBW__NONE;
        return JBW_OK;
    }
    i = jbw__strmap_find(&reg->region_keys, key, strlen(key));
    if (i < 0)
        return jbw__error(
            JBW_ENOTFOUND, "region '%s' is not in the registry (%s '%s')",
            jbw__quote_value(q, sizeof q, key, strlen(key)), r->what, r->shown);
    *region = (uint32_t)i;
    return JBW_OK;
}

/* The record's own id: valid and not used before in `ids`. Its length
 * and hash are kept for the insert that follows. */
static jbw_status check_new_id(size_t *len, uint64_t *hash, jbw__rec *r,
                               const jbw__strmap *ids)
{
    jbw_status st;
    r->shown = "";
    if ((st = check_id(len, r, "id", r->id)) != JBW_OK)
        return st;
    rec_shown(r, *len);
    *hash = jbw__hash(r->id, *len);
    if (jbw__strmap_find_hashed(ids, r->id, *len, *hash) >= 0)
        return jbw__error(JBW_EDUPLICATE, "id is already used (%s '%s')",
                          r->what, r->shown);
    return JBW_OK;
}

/* ---- workers ----------------------------------------------------------- */
typedef struct jbw__worker_row {
    uint32_t org, region;
    size_t id_len;
    uint64_t id_hash;
} jbw__worker_row;

static jbw_status check_worker(jbw__worker_row *row, const jbw_snapshot *snap,
                               const jbw_worker *w)
{
    jbw__rec r;
    jbw_status st;
    r.what = "worker";
    r.id = w->id;
    if ((st = check_new_id(&row->id_len, &row->id_hash, &r,
                           &snap->worker_ids)) != JBW_OK ||
        (st = check_org(&row->org, &r, snap->registry, w->organisation)) !=
            JBW_OK ||
        (st = check_region(&row->region, &r, snap->registry, w->region, 0)) !=
            JBW_OK)
        return st;
    if (!isfinite(w->fte))
        return jbw__error(JBW_EINVAL,
                          "fte is not a finite number (worker '%s')", r.shown);
    if (!(w->fte > 0.0 && w->fte <= JBW__FTE_MAX))
        return jbw__error(JBW_ERANGE,
                          "fte %g is outside 0 < fte <= 1.2 (worker '%s')",
                          w->fte, r.shown);
    if ((st = check_date(&r, "hired", w->hired, 1)) != JBW_OK ||
        (st = check_date(&r, "leaving", w->leaving, 0)) != JBW_OK)
        return st;
    if (w->leaving != JBW_DATE_NONE && w->leaving <= w->hired) {
        char a[32], b[32];
        return jbw__error(JBW_EINVAL,
                          "leaving %s is not after hired %s (worker '%s')",
                          jbw__date_text(a, sizeof a, w->leaving),
                          jbw__date_text(b, sizeof b, w->hired), r.shown);
    }
    return JBW_OK;
}

jbw_status jbw_snapshot_add_worker(jbw_snapshot *snap, const jbw_worker *worker)
{
    jbw__worker_row row = {0};
    jbw_status st;
    size_t i;
    if (!snap || !worker)
        return jbw__error(JBW_EINVAL, "jbw_snapshot_add_worker: snapshot or "
                                      "worker is NULL");
    if (worker->version != JBW_WORKER_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_snapshot_add_worker: worker version "
                          "%u is not supported (expected %u)",
                          worker->version, JBW_WORKER_VERSION);
    if ((st = check_worker(&row, snap, worker)) != JBW_OK)
        return st;
    if (grow_workers(&snap->w, snap->w.count + 1) != 0)
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
    return jbw__ok();
}

/* ---- measures ---------------------------------------------------------- */
/* What the checks resolve, ready to store. */
typedef struct jbw__measure_row {
    uint32_t org, region, worker;
    jbw_date waiting_since;               /* settled */
    size_t id_len, child_len, family_len; /* family_len: when given */
    uint64_t id_hash;
} jbw__measure_row;

/* Kind and the small enums are in range; jr_risk only on JR. */
static jbw_status check_enums(const jbw__rec *r, const jbw_measure *m)
{
    if ((unsigned)m->kind >= JBW_KIND_COUNT)
        return jbw__error(JBW_ERANGE, "kind %d is not a known kind (%s '%s')",
                          (int)m->kind, r->what, r->shown);
    if ((unsigned)m->safety > JBW_SAFETY_ACUTE)
        return jbw__error(JBW_ERANGE, "safety %d is out of range (%s '%s')",
                          (int)m->safety, r->what, r->shown);
    if ((unsigned)m->placement > JBW_PLACEMENT_CRISIS)
        return jbw__error(JBW_ERANGE, "placement %d is out of range (%s '%s')",
                          (int)m->placement, r->what, r->shown);
    if ((unsigned)m->jr_risk > JBW_JR_RISK_HIGH)
        return jbw__error(JBW_ERANGE, "jr_risk %d is out of range (%s '%s')",
                          (int)m->jr_risk, r->what, r->shown);
    if (m->jr_risk != JBW_JR_RISK_UNKNOWN &&
        jbw_kind_domain(m->kind) != JBW_DOMAIN_JR)
        return jbw__error(JBW_EINVAL,
                          "jr_risk '%s' is set on %s, which is not "
                          "jeugdreclassering (%s '%s')",
                          jbw_jr_risk_code(m->jr_risk), jbw_kind_code(m->kind),
                          r->what, r->shown);
    return JBW_OK;
}

/* Ids, keys and the organisation-serves-region rule. */
static jbw_status check_measure_keys(jbw__measure_row *row,
                                     const jbw_snapshot *snap, jbw__rec *r,
                                     const jbw_measure *m)
{
    jbw_status st;
    if ((st = check_new_id(&row->id_len, &row->id_hash, r,
                           &snap->measure_ids)) != JBW_OK ||
        (st = check_id(&row->child_len, r, "child_id", m->child_id)) !=
            JBW_OK ||
        (is_given(m->family_id) &&
         (st = check_id(&row->family_len, r, "family_id", m->family_id)) !=
             JBW_OK) ||
        (st = check_enums(r, m)) != JBW_OK ||
        (st = check_org(&row->org, r, snap->registry, m->organisation)) !=
            JBW_OK ||
        (st = check_region(&row->region, r, snap->registry, m->region, 1)) !=
            JBW_OK)
        return st;
    if (!jbw__registry_serves_idx(snap->registry, row->org, row->region))
        return jbw__error(JBW_EINVAL,
                          "organisation '%s' does not serve region '%s' (%s "
                          "'%s')",
                          m->organisation, m->region, r->what, r->shown);
    return JBW_OK;
}

/* Jeugdreclassering applies from 12, the age of criminal responsibility
 * (docs/sources.md): a JR measure of a child under 12 at its start is an
 * input error. Without a birth date there is nothing to check. */
static jbw_status check_jr_age(const jbw__rec *r, const jbw_measure *m)
{
    int32_t age;
    char a[32], b[32];
    if (m->birth_date == JBW_DATE_NONE ||
        jbw_kind_domain(m->kind) != JBW_DOMAIN_JR ||
        jbw_years_between(&age, m->birth_date, m->start) != JBW_OK || age >= 12)
        return JBW_OK;
    return jbw__error(JBW_EINVAL,
                      "birth_date %s: the child is %ld at start %s, and "
                      "jeugdreclassering (%s) applies from 12 (%s '%s')",
                      jbw__date_text(a, sizeof a, m->birth_date), (long)age,
                      jbw__date_text(b, sizeof b, m->start),
                      jbw_kind_code(m->kind), r->what, r->shown);
}

/* Every date in range; end after start; the others not before start;
 * birth_date not after it except for an OTS or VOTS, which a judge may
 * impose before birth (BW 1:2 with 1:255, 1:257; docs/sources.md). */
static jbw_status check_measure_dates(const jbw__rec *r, const jbw_measure *m)
{
    jbw_status st;
    char a[32], b[32];
    if ((st = check_date(r, "start", m->start, 1)) != JBW_OK ||
        (st = check_date(r, "end", m->end, 0)) != JBW_OK ||
        (st = check_date(r, "first_assigned", m->first_assigned, 0)) !=
            JBW_OK ||
        (st = check_date(r, "waiting_since", m->waiting_since, 0)) != JBW_OK ||
        (st = check_date(r, "birth_date", m->birth_date, 0)) != JBW_OK ||
        (st = check_date(r, "last_contact", m->last_contact, 0)) != JBW_OK)
        return st;
    if (m->end != JBW_DATE_NONE && m->end <= m->start)
        return jbw__error(JBW_EINVAL, "end %s is not after start %s (%s '%s')",
                          jbw__date_text(a, sizeof a, m->end),
                          jbw__date_text(b, sizeof b, m->start), r->what,
                          r->shown);
    if ((st = check_not_before(r, "first_assigned", m->first_assigned, "start",
                               m->start)) != JBW_OK ||
        (st = check_not_before(r, "waiting_since", m->waiting_since, "start",
                               m->start)) != JBW_OK ||
        (st = check_not_before(r, "last_contact", m->last_contact, "start",
                               m->start)) != JBW_OK)
        return st;
    if (m->birth_date != JBW_DATE_NONE && m->birth_date > m->start &&
        m->kind != JBW_KIND_OTS && m->kind != JBW_KIND_VOTS)
        return jbw__error(JBW_EINVAL,
                          "birth_date %s is after start %s (only an OTS or "
                          "VOTS may start before birth) (%s '%s')",
                          jbw__date_text(a, sizeof a, m->birth_date),
                          jbw__date_text(b, sizeof b, m->start), r->what,
                          r->shown);
    return check_jr_age(r, m);
}

/* Record version 3: the request for suitable help is not before the
 * measure's start, and the help does not begin before it was asked. */
static jbw_status check_help_dates(const jbw__rec *r, const jbw_measure *m)
{
    jbw_status st;
    if ((st = check_date(r, "help_requested", m->help_requested, 0)) !=
            JBW_OK ||
        (st = check_date(r, "help_started", m->help_started, 0)) != JBW_OK ||
        (st = check_not_before(r, "help_requested", m->help_requested, "start",
                               m->start)) != JBW_OK)
        return st;
    if (m->help_requested == JBW_DATE_NONE)
        return JBW_OK;
    return check_not_before(r, "help_started", m->help_started,
                            "help_requested", m->help_requested);
}

/* The worker, when named, exists and works for the measure's GI. */
static jbw_status check_measure_worker(jbw__measure_row *row,
                                       const jbw_snapshot *snap,
                                       const jbw__rec *r, const jbw_measure *m)
{
    long w;
    size_t len;
    jbw_status st;
    char q[JBW__SHOWN];
    const jbw_registry *reg = snap->registry;
    row->worker = JBW__NONE;
    if (!is_given(m->worker_id))
        return JBW_OK;
    if ((st = check_id(&len, r, "worker_id", m->worker_id)) != JBW_OK)
        return st;
    jbw__quote_value(q, sizeof q, m->worker_id, len);
    w = jbw__strmap_find(&snap->worker_ids, m->worker_id, len);
    if (w < 0)
        return jbw__error(JBW_ENOTFOUND,
                          "worker '%s' is not in the snapshot (%s '%s'): add "
                          "workers before their measures",
                          q, r->what, r->shown);
    if (snap->w.org[w] != row->org)
        return jbw__error(JBW_EINVAL,
                          "worker '%s' belongs to organisation '%s', not "
                          "'%s' (%s '%s')",
                          q, jbw__strmap_key(&reg->org_keys, snap->w.org[w]),
                          m->organisation, r->what, r->shown);
    row->worker = (uint32_t)w;
    return JBW_OK;
}

/*
 * The assignment fields agree with each other, and waiting_since is
 * settled: a nieuw measure given without one waits since its start.
 */
static jbw_status check_assignment(jbw__measure_row *row, const jbw__rec *r,
                                   const jbw_measure *m)
{
    int had_worker =
        m->previous_workers > 0 || m->first_assigned != JBW_DATE_NONE;
    row->waiting_since = m->waiting_since;
    if (m->previous_workers < 0)
        return jbw__error(JBW_ERANGE,
                          "previous_workers %d is negative (%s '%s')",
                          m->previous_workers, r->what, r->shown);
    if (row->worker != JBW__NONE) {
        if (m->waiting_since != JBW_DATE_NONE)
            return jbw__error(JBW_EINVAL,
                              "waiting_since is set but worker '%s' is "
                              "assigned (%s '%s')",
                              m->worker_id, r->what, r->shown);
        return JBW_OK;
    }
    if (!had_worker) {
        if (row->waiting_since == JBW_DATE_NONE)
            row->waiting_since = m->start;
        return JBW_OK;
    }
    if (m->previous_workers == 0)
        return jbw__error(JBW_EINVAL,
                          "first_assigned is set and there is no worker now, "
                          "so previous_workers must be at least 1, not 0 (%s "
                          "'%s')",
                          r->what, r->shown);
    if (m->waiting_since == JBW_DATE_NONE)
        return jbw__error(JBW_EINVAL,
                          "waiting_since is missing (%s '%s'): there is no "
                          "worker now and previous_workers is %d",
                          r->what, r->shown, m->previous_workers);
    return JBW_OK;
}

/* 1 when s holds something other than white space. */
static int has_text(const char *s)
{
    if (!s)
        return 0;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 1;
    return 0;
}

/* The fields of record version 2: yes/no answers, the term end and the
 * professional override, which needs a written reason. */
static jbw_status check_measure_v2(const jbw__rec *r, const jbw_measure *m)
{
    static const char *const names[3] = {"safety_plan", "other_help",
                                         "domestic_violence"};
    int v[3];
    int k;
    jbw_status st;
    v[0] = (int)m->safety_plan;
    v[1] = (int)m->other_help;
    v[2] = (int)m->domestic_violence;
    for (k = 0; k < 3; k++)
        if ((unsigned)v[k] > (unsigned)JBW_YESNO_YES)
            return jbw__error(JBW_ERANGE,
                              "measure '%s': %s %d is out of range (0..2: "
                              "unknown, no, yes)",
                              m->id, names[k], v[k]);
    if ((st = check_date(r, "term_end", m->term_end, 0)) != JBW_OK)
        return st;
    if (m->override_band < -1 || m->override_band > 3)
        return jbw__error(JBW_ERANGE,
                          "measure '%s': override_band %d is out of range "
                          "(-1 for none, 0..3: laag, midden, hoog, acuut)",
                          m->id, m->override_band);
    if (m->override_band != -1 && !has_text(m->override_reason))
        return jbw__error(JBW_EINVAL,
                          "measure '%s': override_band is set without an "
                          "override_reason: an override needs a written "
                          "reason",
                          m->id);
    if (m->override_band == -1 && has_text(m->override_reason))
        return jbw__error(JBW_EINVAL,
                          "measure '%s': override_reason is given without "
                          "override_band",
                          m->id);
    return JBW_OK;
}

static jbw_status check_measure(jbw__measure_row *row, const jbw_snapshot *snap,
                                const jbw_measure *m)
{
    jbw__rec r;
    jbw_status st;
    r.what = "measure";
    r.id = m->id;
    if ((st = check_measure_keys(row, snap, &r, m)) != JBW_OK ||
        (st = check_measure_dates(&r, m)) != JBW_OK ||
        (st = check_help_dates(&r, m)) != JBW_OK ||
        (st = check_measure_v2(&r, m)) != JBW_OK ||
        (st = check_measure_worker(row, snap, &r, m)) != JBW_OK)
        return st;
    return check_assignment(row, &r, m);
}

/*
 * Interns the measure id, the child id and the family key; on failure
 * pops what it interned (in reverse order: pop removes the last key).
 */
static jbw_status intern_measure_ids(size_t *child, size_t *family,
                                     jbw_snapshot *snap, const jbw_measure *m,
                                     const jbw__measure_row *row)
{
    char small[128];
    char *own = NULL; /* the own-family key when no family id was given */
    const char *key = m->family_id;
    size_t child_len = row->child_len, key_len, index;
    int new_measure = 0, new_child = 0;
    jbw_status st;

    if (is_given(m->family_id)) {
        key_len = row->family_len;
    } else {
        key_len = child_len + 1;
        own = key_len <= sizeof small ? small : jbw__malloc(key_len);
        if (!own)
            return jbw__enomem();
        own[0] = JBW__FAMILY_OWN_MARK;
        memcpy(own + 1, m->child_id, child_len);
        key = own;
    }
    st = jbw__strmap_intern_hashed(&snap->measure_ids, m->id, row->id_len,
                                   row->id_hash, &index, &new_measure);
    if (st == JBW_OK)
        st = jbw__strmap_intern(&snap->child_ids, m->child_id, child_len, child,
                                &new_child);
    if (st == JBW_OK)
        st = jbw__strmap_intern(&snap->family_ids, key, key_len, family, NULL);
    if (st != JBW_OK) {
        if (new_child)
            jbw__strmap_pop(&snap->child_ids);
        if (new_measure)
            jbw__strmap_pop(&snap->measure_ids);
    }
    if (own != small)
        jbw__free(own);
    return st;
}

jbw_status jbw_snapshot_add_measure(jbw_snapshot *snap,
                                    const jbw_measure *measure)
{
    static const jbw_measure init = JBW_MEASURE_INIT;
    jbw__measure_row row = {0};
    jbw__measures *m;
    jbw_measure full;
    jbw_status st;
    size_t i, child, family, reason = JBW__NONE;
    if (!snap || !measure)
        return jbw__error(JBW_EINVAL, "jbw_snapshot_add_measure: snapshot or "
                                      "measure is NULL");
    if (measure->version < 1 || measure->version > JBW_MEASURE_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_snapshot_add_measure: measure "
                          "version %u is not supported (expected 1 to %u)",
                          measure->version, JBW_MEASURE_VERSION);
    if (measure->version < JBW_MEASURE_VERSION) {
        /* a record of an older version is smaller: the later fields
         * default */
        full = init;
        memcpy(&full, measure,
               measure->version == 1 ? JBW__MEASURE_V1_SIZE
                                     : JBW__MEASURE_V2_SIZE);
        measure = &full;
    }
    if ((st = check_measure(&row, snap, measure)) != JBW_OK)
        return st;
    m = &snap->m;
    if (grow_measures(m, m->count + 1) != 0)
        return jbw__enomem();
    if (has_text(measure->override_reason)) {
        st = jbw__strmap_intern(
            &snap->override_reasons, measure->override_reason,
            strlen(measure->override_reason), &reason, NULL);
        if (st != JBW_OK)
            return st;
    }
    if ((st = intern_measure_ids(&child, &family, snap, measure, &row)) !=
        JBW_OK)
        return st;
    i = m->count;
    m->child[i] = (uint32_t)child;
    m->family[i] = (uint32_t)family;
    m->kind[i] = (uint8_t)measure->kind;
    m->org[i] = row.org;
    m->region[i] = row.region;
    m->start[i] = measure->start;
    m->end[i] = measure->end;
    m->worker[i] = row.worker;
    m->first_assigned[i] = measure->first_assigned;
    m->waiting_since[i] = row.waiting_since;
    m->previous_workers[i] = (int32_t)measure->previous_workers;
    m->safety[i] = (uint8_t)measure->safety;
    m->placement[i] = (uint8_t)measure->placement;
    m->birth_date[i] = measure->birth_date;
    m->last_contact[i] = measure->last_contact;
    m->jr_risk[i] = (uint8_t)measure->jr_risk;
    m->family_given[i] = (uint8_t)is_given(measure->family_id);
    m->safety_plan[i] = (uint8_t)measure->safety_plan;
    m->other_help[i] = (uint8_t)measure->other_help;
    m->domestic_violence[i] = (uint8_t)measure->domestic_violence;
    m->term_end[i] = measure->term_end;
    m->override_band[i] = (int8_t)measure->override_band;
    m->override_reason[i] = (uint32_t)reason;
    m->help_requested[i] = measure->help_requested;
    m->help_started[i] = measure->help_started;
    m->count = i + 1;
    return jbw__ok();
}
