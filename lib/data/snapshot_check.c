/*
 * libjbw - the checks a worker or a measure passes before a snapshot
 * stores it (data/snapshot.c): ids, keys of the registry, dates, codes
 * and the rules between fields. A check changes nothing; its detail
 * names the record.
 */
#include "data/snapshot_check.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define JBW__FTE_MAX 1.2

/* ---- checks shared by workers and measures ----------------------------- */

/* The record being checked, for details: "(measure 'M17')". */
typedef struct rec {
    const char *what; /* "worker" or "measure" */
    const char *id;
    const char *shown; /* the id as messages show it: cut when long */
    char buf[JBW__SHOWN];
    /* where the column of the first failed check goes (a file's column
     * name: "start", "worker_id"), for the loader to name it */
    const char **column;
} rec;

/* A check about `column` ended with st: the column is kept when st is a
 * fault (the first fault's, as checks stop there). */
static jbw_status fault(const rec *r, const char *column, jbw_status st)
{
    if (st != JBW_OK && !*r->column)
        *r->column = column;
    return st;
}

/* Sets r->shown once the id is known to be valid and len bytes long:
 * the id itself when short (the usual case, no copy), else its start with
 * an ellipsis. */
static void rec_shown(rec *r, size_t len)
{
    if (len < JBW__SHOWN - 4) {
        r->shown = r->id;
        return;
    }
    jbw__quote_value(r->buf, sizeof r->buf, r->id, len);
    r->shown = r->buf;
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

static int is_control(unsigned char c)
{
    return c < 0x20 || c == 0x7f;
}

/* s[0..n) holds a control character (the ids' usual case, none, is
 * settled eight bytes at a time). */
static JBW__ALWAYS_INLINE int has_control(const char *s, size_t n)
{
    return jbw__any_byte(s, n, is_control, word_has_control);
}

/* The error of an id that is too long or holds a control character (a
 * function of its own: the usual valid id then needs no room for the
 * quoted value). */
static JBW__COLD jbw_status bad_id(const rec *r, const char *field,
                                   const char *id, size_t len)
{
    const unsigned char *p;
    char q[JBW__SHOWN];
    jbw__quote_value(q, sizeof q, id, len);
    if (len > JBW_ID_MAX)
        return fault(r, field,
                     jbw__error(JBW_ERANGE,
                                "%s is longer than %d bytes (%zu bytes): '%s' "
                                "(%s '%s')",
                                field, JBW_ID_MAX, len, q, r->what, r->shown));
    /* The byte loop finds the first one for the detail. */
    for (p = (const unsigned char *)id; *p >= 0x20 && *p != 0x7f; p++)
        ;
    return fault(r, field,
                 jbw__error(JBW_EINVAL,
                            "%s holds a control character (byte %ld): "
                            "'%s' (%s '%s')",
                            field, (long)(p - (const unsigned char *)id) + 1, q,
                            r->what, r->shown));
}

/* The length of an id that may be NULL (not given). */
static size_t id_length(const char *id)
{
    return id ? strlen(id) : 0;
}

/* The error of an id of len bytes that is missing (0), too long or holds
 * a control character. */
static JBW__COLD jbw_status id_fault(const rec *r, const char *field,
                                     const char *id, size_t len)
{
    if (!len && !*r->shown) /* the record's own id */
        return fault(r, field,
                     jbw__error(JBW_EINVAL, "%s is missing: every %s needs one",
                                field, r->what));
    if (!len)
        return fault(r, field,
                     jbw__error(JBW_EINVAL, "%s is missing (%s '%s')", field,
                                r->what, r->shown));
    return bad_id(r, field, id, len);
}

/* Checks an id of len bytes (id_length(id): 0 when missing); the usual
 * valid id without a call. */
static JBW__ALWAYS_INLINE jbw_status check_id(const rec *r, const char *field,
                                              const char *id, size_t len)
{
    if (len - 1 < JBW_ID_MAX && !has_control(id, len)) /* 1..JBW_ID_MAX */
        return JBW_OK;
    return id_fault(r, field, id, len);
}

/* A required (or, with required == 0, optional) date in the range: the
 * faults (check_date() settles the rest). */
static JBW__COLD jbw_status check_date_slow(const rec *r, const char *field,
                                            jbw_date d, int required)
{
    char buf[32];
    if (d == JBW_DATE_NONE)
        return required
                   ? fault(r, field,
                           jbw__error(JBW_EINVAL, "%s is missing (%s '%s')",
                                      field, r->what, r->shown))
                   : JBW_OK;
    if (!jbw__date_in_range(d))
        return fault(r, field,
                     jbw__error(JBW_ERANGE,
                                "%s (%s) is outside 1900-01-01..2199-12-31 "
                                "(%s '%s')",
                                field, jbw__date_text(buf, sizeof buf, d),
                                r->what, r->shown));
    return JBW_OK;
}

/* The usual cases, a date in range and an optional date not given,
 * without a call (JBW_DATE_NONE lies below the range). */
static jbw_status check_date(const rec *r, const char *field, jbw_date d,
                             int required)
{
    if (d >= JBW__DAY_MIN && d <= JBW__DAY_MAX)
        return JBW_OK;
    if (d == JBW_DATE_NONE && !required)
        return JBW_OK;
    return check_date_slow(r, field, d, required);
}

/* `d` (when set) is not before `ref`: "first_assigned ... before start". */
static jbw_status check_not_before(const rec *r, const char *field, jbw_date d,
                                   const char *ref_field, jbw_date ref)
{
    char a[32], b[32];
    if (d == JBW_DATE_NONE || d >= ref)
        return JBW_OK;
    return fault(r, field,
                 jbw__error(JBW_EINVAL, "%s %s is before %s %s (%s '%s')",
                            field, jbw__date_text(a, sizeof a, d), ref_field,
                            jbw__date_text(b, sizeof b, ref), r->what,
                            r->shown));
}

/* ---- the registry's keys (jbw__codes) ---------------------------------- */

/* s[0..4) as a little-endian number. */
static JBW__ALWAYS_INLINE uint32_t le32(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* The bytes of s[0..n) (1 <= n <= 8) as a little-endian number, without
 * a loop: a registry key's word in the code table. */
static JBW__ALWAYS_INLINE uint64_t code_word_n(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n >= 4) /* two reads of four bytes, overlapping when n < 8 */
        return (uint64_t)le32(s) | ((uint64_t)le32(s + n - 4) >> (8 * (8 - n)))
                                       << 32;
    /* 1 to 3 bytes: the first, the middle and the last */
    return (uint64_t)p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) |
           (uint64_t)p[n - 1] << (8 * (n - 1));
}

/* Fibonacci hashing: the top bits of x times 2^64 / phi. */
static size_t code_slot(uint64_t x)
{
    return (size_t)((x * 0x9E3779B97F4A7C15ULL) >> 56) & (JBW__CODE_SLOTS - 1);
}

static void codes_build(jbw__codes *c, const jbw__strmap *keys)
{
    size_t k, slot;
    uint64_t x;
    memset(c, 0, sizeof *c);
    if (keys->count > JBW__CODE_SLOTS / 2)
        return;
    for (k = 0; k < keys->count; k++) {
        const char *key = jbw__strmap_key(keys, k);
        size_t n = strlen(key);
        if (n == 0 || n > 8)
            continue; /* longer than 8 bytes: the map finds it */
        x = code_word_n(key, n);
        for (slot = code_slot(x); c->word[slot];
             slot = (slot + 1) & (JBW__CODE_SLOTS - 1))
            ;
        c->word[slot] = x;
        c->index[slot] = (uint32_t)k;
    }
    c->in_use = 1;
}

/* At most this many (organisation, region) pairs get a serves table. */
#define JBW__SERVES_MAX ((size_t)1 << 20)

int jbw__snapshot_index_registry(jbw_snapshot *snap)
{
    const jbw_registry *reg = snap->registry;
    size_t orgs = reg->org_keys.count, regions = reg->region_keys.count, k;
    codes_build(&snap->org_codes, &reg->org_keys);
    codes_build(&snap->region_codes, &reg->region_keys);
    if (!orgs || !regions || orgs > JBW__SERVES_MAX / regions)
        return 0;
    snap->serves = jbw__calloc(orgs * regions, 1);
    if (!snap->serves)
        return -1;
    for (k = 0; k < reg->service_count; k++)
        snap->serves[reg->service_org[k] * regions + reg->service_region[k]] =
            1;
    return 0;
}

/* The organisation serves the region (indices of the registry). */
static int serves(const jbw_snapshot *snap, uint32_t org, uint32_t region)
{
    return snap->serves
               ? snap->serves[(size_t)org * snap->registry->region_keys.count +
                              region]
               : jbw__registry_serves_idx(snap->registry, org, region);
}

/* The index of key s (given: n > 0 bytes) in `keys`, or -1. */
static JBW__ALWAYS_INLINE long codes_find(const jbw__codes *c,
                                          const jbw__strmap *keys,
                                          const char *s, size_t n)
{
    size_t slot;
    uint64_t x;
    if (!c->in_use || n > 8)
        return jbw__strmap_find(keys, s, n);
    x = code_word_n(s, n);
    for (slot = code_slot(x); c->word[slot];
         slot = (slot + 1) & (JBW__CODE_SLOTS - 1))
        if (c->word[slot] == x)
            return (long)c->index[slot];
    return -1;
}

/* The error of an organisation or region key the registry does not
 * hold; keys are case-sensitive, so one differing in case only is named;
 * so is the key of an entry whose name (`names`, by the keys' index) the
 * value is: an export may write the name where the key belongs. */
static JBW__COLD jbw_status not_in_registry(const jbw__strmap *keys,
                                            char *const *names,
                                            const char *what, const char *key,
                                            const rec *r)
{
    char q[JBW__SHOWN], n[JBW__SHOWN];
    const char *name = NULL;
    const char *twin = jbw__registry_case_twin(keys, key);
    jbw__quote_value(q, sizeof q, key, strlen(key));
    if (twin)
        return fault(
            r, what,
            jbw__error(
                JBW_ENOTFOUND,
                "%s '%s' is not in the registry (%s '%s'); " JBW__CASE_HINT,
                what, q, r->what, r->shown, twin));
    twin = jbw__registry_name_twin(&name, keys, names, key);
    if (twin)
        return fault(
            r, what,
            jbw__error(
                JBW_ENOTFOUND,
                "%s '%s' is not in the registry (%s '%s'); " JBW__NAME_HINT,
                what, q, r->what, r->shown, twin,
                jbw__quote_value(n, sizeof n, name, strlen(name))));
    return fault(r, what,
                 jbw__error(JBW_ENOTFOUND,
                            "%s '%s' is not in the registry (%s '%s')", what, q,
                            r->what, r->shown));
}

/* Looks up an organisation key the record names (required; len bytes,
 * 0 when not given). */
static JBW__ALWAYS_INLINE jbw_status check_org(uint32_t *org, const rec *r,
                                               const jbw_snapshot *snap,
                                               const char *key, size_t len)
{
    const jbw_registry *reg = snap->registry;
    long i;
    if (!len)
        return fault(r, "organisation",
                     jbw__error(JBW_EINVAL, "organisation is missing (%s '%s')",
                                r->what, r->shown));
    i = codes_find(&snap->org_codes, &reg->org_keys, key, len);
    if (i < 0)
        return not_in_registry(&reg->org_keys, reg->org_names, "organisation",
                               key, r);
    *org = (uint32_t)i;
    return JBW_OK;
}

/* Looks up a region key (len bytes); an absent key (0) gives JBW__NONE
 * unless required. */
static JBW__ALWAYS_INLINE jbw_status check_region(uint32_t *region,
                                                  const rec *r,
                                                  const jbw_snapshot *snap,
                                                  const char *key, size_t len,
                                                  int required)
{
    const jbw_registry *reg = snap->registry;
    long i;
    if (!len) {
        if (required)
            return fault(r, "region",
                         jbw__error(JBW_EINVAL, "region is missing (%s '%s')",
                                    r->what, r->shown));
        *region = JBW__NONE;
        return JBW_OK;
    }
    i = codes_find(&snap->region_codes, &reg->region_keys, key, len);
    if (i < 0)
        return not_in_registry(&reg->region_keys, reg->region_names, "region",
                               key, r);
    *region = (uint32_t)i;
    return JBW_OK;
}

/* The record's own id (len bytes): valid and not used before in `ids`.
 * Its hash is kept for the insert that follows (taken here unless
 * `hashed`). */
static jbw_status check_new_id(size_t len, uint64_t *hash, int hashed, rec *r,
                               const jbw__strmap *ids)
{
    jbw_status st;
    r->shown = "";
    if ((st = check_id(r, "id", r->id, len)) != JBW_OK)
        return st;
    rec_shown(r, len);
    if (!hashed)
        *hash = jbw__hash(r->id, len);
    if (jbw__strmap_find_hashed(ids, r->id, len, *hash) >= 0)
        return fault(r, "id",
                     jbw__error(JBW_EDUPLICATE, "id is already used (%s '%s')",
                                r->what, r->shown));
    return JBW_OK;
}

/* ---- workers ----------------------------------------------------------- */
jbw_status jbw__snapshot_check_worker(jbw__worker_found *row,
                                      const jbw_snapshot *snap,
                                      const jbw_worker *w)
{
    rec r;
    jbw_status st;
    r.what = "worker";
    r.id = w->id;
    row->column = NULL;
    r.column = &row->column;
    row->id_len = id_length(w->id);
    if ((st = check_new_id(row->id_len, &row->id_hash, 0, &r,
                           &snap->worker_ids)) != JBW_OK ||
        (st = check_org(&row->org, &r, snap, w->organisation,
                        id_length(w->organisation))) != JBW_OK ||
        (st = check_region(&row->region, &r, snap, w->region,
                           id_length(w->region), 0)) != JBW_OK)
        return st;
    if (!isfinite(w->fte))
        return fault(&r, "fte",
                     jbw__error(JBW_EINVAL,
                                "fte is not a finite number (worker '%s')",
                                r.shown));
    if (!(w->fte > 0.0 && w->fte <= JBW__FTE_MAX)) {
        /* the shortest text that reads back as the value, in any locale:
         * 1.2000000000000002 is outside, and "%g" would show 1.2 */
        jbw__buf v = JBW__BUF_INIT;
        jbw__buf_double(&v, w->fte);
        if (v.failed || !v.data) {
            jbw__buf_free(&v);
            return jbw__enomem();
        }
        st = fault(&r, "fte",
                   jbw__error(JBW_ERANGE,
                              "fte %s is outside 0 < fte <= 1.2 (worker '%s')",
                              v.data, r.shown));
        jbw__buf_free(&v);
        return st;
    }
    if ((st = check_date(&r, "hired", w->hired, 1)) != JBW_OK ||
        (st = check_date(&r, "leaving", w->leaving, 0)) != JBW_OK)
        return st;
    if (w->leaving != JBW_DATE_NONE && w->leaving <= w->hired) {
        char a[32], b[32];
        return fault(
            &r, "leaving",
            jbw__error(JBW_EINVAL,
                       "leaving %s is not after hired %s (worker '%s')",
                       jbw__date_text(a, sizeof a, w->leaving),
                       jbw__date_text(b, sizeof b, w->hired), r.shown));
    }
    return JBW_OK;
}

/* ---- measures ---------------------------------------------------------- */

/* Kind and the small enums are in range; jr_risk only on JR. */
static jbw_status check_enums(const rec *r, const jbw_measure *m)
{
    if ((unsigned)m->kind >= JBW_KIND_COUNT)
        return fault(r, "kind",
                     jbw__error(JBW_ERANGE,
                                "kind %d is not a known kind (%s '%s')",
                                (int)m->kind, r->what, r->shown));
    if ((unsigned)m->safety > JBW_SAFETY_ACUTE)
        return fault(r, "safety",
                     jbw__error(JBW_ERANGE,
                                "safety %d is out of range (%s '%s')",
                                (int)m->safety, r->what, r->shown));
    if ((unsigned)m->placement > JBW_PLACEMENT_CRISIS)
        return fault(r, "placement",
                     jbw__error(JBW_ERANGE,
                                "placement %d is out of range (%s '%s')",
                                (int)m->placement, r->what, r->shown));
    if ((unsigned)m->jr_risk > JBW_JR_RISK_HIGH)
        return fault(r, "jr_risk",
                     jbw__error(JBW_ERANGE,
                                "jr_risk %d is out of range (%s '%s')",
                                (int)m->jr_risk, r->what, r->shown));
    if (m->jr_risk != JBW_JR_RISK_UNKNOWN &&
        jbw_kind_domain(m->kind) != JBW_DOMAIN_JR)
        return fault(r, "jr_risk",
                     jbw__error(JBW_EINVAL,
                                "jr_risk '%s' is set on %s, which is not "
                                "jeugdreclassering (%s '%s')",
                                jbw_jr_risk_code(m->jr_risk),
                                jbw_kind_code(m->kind), r->what, r->shown));
    return JBW_OK;
}

/* Ids, keys (their lengths k) and the organisation-serves-region rule. */
static jbw_status check_measure_keys(jbw__measure_found *row,
                                     const jbw_snapshot *snap, rec *r,
                                     const jbw_measure *m,
                                     const jbw__measure_keys *k)
{
    jbw_status st;
    if ((st = check_new_id(row->id_len, &row->id_hash, row->hashed, r,
                           &snap->measure_ids)) != JBW_OK ||
        (st = check_id(r, "child_id", m->child_id, row->child_len)) != JBW_OK ||
        (row->family_len && (st = check_id(r, "family_id", m->family_id,
                                           row->family_len)) != JBW_OK) ||
        (st = check_enums(r, m)) != JBW_OK ||
        (st = check_org(&row->org, r, snap, m->organisation, k->org_len)) !=
            JBW_OK ||
        (st = check_region(&row->region, r, snap, m->region, k->region_len,
                           1)) != JBW_OK)
        return st;
    if (!serves(snap, row->org, row->region))
        return fault(
            r, "region",
            jbw__error(JBW_EINVAL,
                       "organisation '%s' does not serve region '%s' (%s "
                       "'%s')",
                       m->organisation, m->region, r->what, r->shown));
    return JBW_OK;
}

/* Jeugdreclassering applies from 12, the age of criminal responsibility
 * (docs/sources.md): a JR measure of a child under 12 at its start is an
 * input error. Without a birth date there is nothing to check. */
static jbw_status check_jr_age(const rec *r, const jbw_measure *m)
{
    int32_t age;
    char a[32], b[32];
    /* 12 years take at most 12 * 366 days: most children are settled
     * without a call */
    if (m->birth_date == JBW_DATE_NONE ||
        m->start - m->birth_date >= 12 * 366 ||
        jbw_kind_domain(m->kind) != JBW_DOMAIN_JR ||
        jbw_years_between(&age, m->birth_date, m->start) != JBW_OK || age >= 12)
        return JBW_OK;
    return fault(r, "birth_date",
                 jbw__error(JBW_EINVAL,
                            "birth_date %s: the child is %ld at start %s, and "
                            "jeugdreclassering (%s) applies from 12 (%s '%s')",
                            jbw__date_text(a, sizeof a, m->birth_date),
                            (long)age, jbw__date_text(b, sizeof b, m->start),
                            jbw_kind_code(m->kind), r->what, r->shown));
}

/* A judge imposes an OTS or VOTS before birth during the pregnancy: its
 * birth_date (when after start) is an expected birth, at most 43 weeks
 * after the start (JBW__UNBORN_DAYS_MAX, docs/sources.md). */
static jbw_status check_unborn(const rec *r, const jbw_measure *m)
{
    char a[32], b[32];
    if (m->birth_date == JBW_DATE_NONE ||
        m->birth_date - m->start <= JBW__UNBORN_DAYS_MAX)
        return JBW_OK;
    return fault(
        r, "birth_date",
        jbw__error(JBW_EINVAL,
                   "birth_date %s is more than 43 weeks (%d days) after "
                   "start %s, so it cannot be an expected birth: a judge "
                   "imposes an OTS or VOTS before birth during the "
                   "pregnancy (%s '%s')",
                   jbw__date_text(a, sizeof a, m->birth_date),
                   JBW__UNBORN_DAYS_MAX, jbw__date_text(b, sizeof b, m->start),
                   r->what, r->shown));
}

/* Every date in range; end after start; the others not before start;
 * birth_date not after it except for an OTS or VOTS, which a judge may
 * impose before birth (BW 1:2 with 1:255, 1:257; docs/sources.md), and
 * then at most 43 weeks after it (check_unborn). */
static jbw_status check_measure_dates(const rec *r, const jbw_measure *m)
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
        return fault(r, "end",
                     jbw__error(JBW_EINVAL,
                                "end %s is not after start %s (%s '%s')",
                                jbw__date_text(a, sizeof a, m->end),
                                jbw__date_text(b, sizeof b, m->start), r->what,
                                r->shown));
    if ((st = check_not_before(r, "first_assigned", m->first_assigned, "start",
                               m->start)) != JBW_OK ||
        (st = check_not_before(r, "waiting_since", m->waiting_since, "start",
                               m->start)) != JBW_OK ||
        (st = check_not_before(r, "last_contact", m->last_contact, "start",
                               m->start)) != JBW_OK)
        return st;
    if (m->birth_date != JBW_DATE_NONE && m->birth_date > m->start &&
        m->kind != JBW_KIND_OTS && m->kind != JBW_KIND_VOTS)
        return fault(
            r, "birth_date",
            jbw__error(JBW_EINVAL,
                       "birth_date %s is after start %s (only an OTS or "
                       "VOTS may start before birth) (%s '%s')",
                       jbw__date_text(a, sizeof a, m->birth_date),
                       jbw__date_text(b, sizeof b, m->start), r->what,
                       r->shown));
    if ((st = check_unborn(r, m)) != JBW_OK)
        return st;
    return check_jr_age(r, m);
}

/* Record version 3: the request for suitable help is not before the
 * measure's start, and the help does not begin before it was asked. */
static jbw_status check_help_dates(const rec *r, const jbw_measure *m)
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

/* The worker, when named (its id len bytes), exists and works for the
 * measure's GI. */
static jbw_status check_measure_worker(jbw__measure_found *row,
                                       const jbw_snapshot *snap, const rec *r,
                                       const jbw_measure *m, size_t len)
{
    long w;
    jbw_status st;
    char q[JBW__SHOWN];
    const jbw_registry *reg = snap->registry;
    row->worker = JBW__NONE;
    if (!len)
        return JBW_OK;
    if ((st = check_id(r, "worker_id", m->worker_id, len)) != JBW_OK)
        return st;
    w = row->hashed ? jbw__strmap_find_hashed(&snap->worker_ids, m->worker_id,
                                              len, row->worker_hash)
                    : jbw__strmap_find(&snap->worker_ids, m->worker_id, len);
    if (w < 0 || snap->w.org[w] != row->org)
        jbw__quote_value(q, sizeof q, m->worker_id, len);
    if (w < 0) {
        row->worker_fault = JBW__WORKER_UNKNOWN;
        return fault(
            r, "worker_id",
            jbw__error(JBW_ENOTFOUND,
                       "worker '%s' is not among the workers (%s '%s')", q,
                       r->what, r->shown));
    }
    if (snap->w.org[w] != row->org)
        return fault(r, "worker_id",
                     jbw__error(JBW_EINVAL,
                                "worker '%s' belongs to organisation '%s', not "
                                "'%s' (%s '%s')",
                                q,
                                jbw__strmap_key(&reg->org_keys, snap->w.org[w]),
                                m->organisation, r->what, r->shown));
    row->worker = (uint32_t)w;
    return JBW_OK;
}

/*
 * The assignment fields agree with each other, and waiting_since is
 * settled: a nieuw measure given without one waits since its start.
 */
static jbw_status check_assignment(jbw__measure_found *row, const rec *r,
                                   const jbw_measure *m)
{
    int had_worker =
        m->previous_workers > 0 || m->first_assigned != JBW_DATE_NONE;
    row->waiting_since = m->waiting_since;
    if (m->previous_workers < 0)
        return fault(r, "previous_workers",
                     jbw__error(JBW_ERANGE,
                                "previous_workers %d is negative (%s '%s')",
                                m->previous_workers, r->what, r->shown));
    if (row->worker != JBW__NONE) {
        if (m->waiting_since != JBW_DATE_NONE)
            return fault(r, "waiting_since",
                         jbw__error(JBW_EINVAL,
                                    "waiting_since is set but worker '%s' is "
                                    "assigned (%s '%s')",
                                    m->worker_id, r->what, r->shown));
        return JBW_OK;
    }
    if (!had_worker) {
        if (row->waiting_since == JBW_DATE_NONE)
            row->waiting_since = m->start;
        return JBW_OK;
    }
    row->worker_fault = JBW__WORKER_NONE_NOW; /* if a rule below fails */
    if (m->previous_workers == 0)
        return fault(
            r, "previous_workers",
            jbw__error(JBW_EINVAL,
                       "first_assigned is set and there is no worker now, "
                       "so previous_workers must be at least 1, not 0 (%s "
                       "'%s')",
                       r->what, r->shown));
    if (m->waiting_since == JBW_DATE_NONE)
        return fault(
            r, "waiting_since",
            jbw__error(JBW_EINVAL,
                       "waiting_since is missing (%s '%s'): there is no "
                       "worker now and previous_workers is %d",
                       r->what, r->shown, m->previous_workers));
    row->worker_fault = JBW__WORKER_OK;
    return JBW_OK;
}

/* The fields of record version 2: yes/no answers, the term end and the
 * professional override, which needs a written reason. */
static jbw_status check_measure_v2(const rec *r, const jbw_measure *m)
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
            return fault(
                r, names[k],
                jbw__error(JBW_ERANGE,
                           "measure '%s': %s %d is out of range (0..2: "
                           "unknown, no, yes)",
                           m->id, names[k], v[k]));
    if ((st = check_date(r, "term_end", m->term_end, 0)) != JBW_OK)
        return st;
    if (m->override_band < -1 || m->override_band > 3)
        return fault(
            r, "override_band",
            jbw__error(JBW_ERANGE,
                       "measure '%s': override_band %d is out of range "
                       "(-1 for none, 0..3: laag, midden, hoog, acuut)",
                       m->id, m->override_band));
    if (m->override_band != -1 && !jbw__has_text(m->override_reason))
        return fault(r, "override_reason",
                     jbw__error(JBW_EINVAL,
                                "measure '%s': override_band is set without an "
                                "override_reason: an override needs a written "
                                "reason",
                                m->id));
    if (m->override_band == -1 && jbw__has_text(m->override_reason))
        return fault(
            r, "override_band",
            jbw__error(JBW_EINVAL,
                       "measure '%s': override_reason is given without "
                       "override_band",
                       m->id));
    return JBW_OK;
}

jbw_status jbw__snapshot_check_measure_keyed(jbw__measure_found *row,
                                             const jbw_snapshot *snap,
                                             const jbw_measure *m,
                                             const jbw__measure_keys *keys)
{
    rec r;
    jbw__measure_keys own;
    jbw_status st;
    r.what = "measure";
    r.id = m->id;
    row->column = NULL;
    r.column = &row->column;
    if (keys) {
        row->hashed = 1;
        row->id_hash = keys->hash[JBW__KEY_MEASURE];
        row->child_hash = keys->hash[JBW__KEY_CHILD];
        row->family_hash = keys->hash[JBW__KEY_FAMILY];
        row->worker_hash = keys->hash[JBW__KEY_WORKER];
    } else { /* the lengths only: the hashes as row->hashed says */
        own.len[JBW__KEY_MEASURE] = id_length(m->id);
        own.len[JBW__KEY_CHILD] = id_length(m->child_id);
        own.len[JBW__KEY_FAMILY] = id_length(m->family_id);
        own.len[JBW__KEY_WORKER] = id_length(m->worker_id);
        own.org_len = id_length(m->organisation);
        own.region_len = id_length(m->region);
        keys = &own;
    }
    row->id_len = keys->len[JBW__KEY_MEASURE];
    row->child_len = keys->len[JBW__KEY_CHILD];
    row->family_len = keys->len[JBW__KEY_FAMILY];
    if ((st = check_measure_keys(row, snap, &r, m, keys)) != JBW_OK ||
        (st = check_measure_dates(&r, m)) != JBW_OK ||
        (st = check_help_dates(&r, m)) != JBW_OK ||
        (st = check_measure_v2(&r, m)) != JBW_OK ||
        (st = check_measure_worker(row, snap, &r, m,
                                   keys->len[JBW__KEY_WORKER])) != JBW_OK ||
        (st = check_assignment(row, &r, m)) != JBW_OK)
        return st;
    row->has_reason = jbw__has_text(m->override_reason);
    if (!row->hashed) {
        row->child_hash = jbw__hash(m->child_id, row->child_len);
        row->family_hash = jbw__family_key_hash(m->family_id, row->family_len);
    }
    return JBW_OK;
}

jbw_status jbw__snapshot_check_measure(jbw__measure_found *row,
                                       const jbw_snapshot *snap,
                                       const jbw_measure *m)
{
    return jbw__snapshot_check_measure_keyed(row, snap, m, NULL);
}

uint64_t jbw__family_key_hash(const char *family, size_t family_len)
{
    return family && *family ? jbw__hash(family, family_len) : 0;
}
