/*
 * libjbw - reading a snapshot: its records by index or id, the state of
 * a measure on a date, and the counts by state.
 */
#include "data/snapshot_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- reading ----------------------------------------------------------- */
/* The larger of a and b; JBW_DATE_NONE, the smallest date, loses. */
static jbw_date later(jbw_date a, jbw_date b)
{
    return b > a ? b : a;
}

jbw_date jbw_snapshot_latest_event(const jbw_snapshot *snap)
{
    const jbw__measures *m;
    jbw_date latest = JBW_DATE_NONE;
    size_t i;
    if (!snap)
        return JBW_DATE_NONE;
    m = &snap->m;
    for (i = 0; i < m->count; i++) {
        latest = later(latest, m->start[i]);
        latest = later(latest, m->first_assigned[i]);
        latest = later(latest, m->waiting_since[i]);
        latest = later(latest, m->last_contact[i]);
    }
    /* most exports have no help columns: then the arrays are absent */
    for (i = 0; m->help_requested && i < m->count; i++)
        latest = later(latest, m->help_requested[i]);
    for (i = 0; m->help_started && i < m->count; i++)
        latest = later(latest, m->help_started[i]);
    return latest;
}

jbw_date jbw_snapshot_reference_date(const jbw_snapshot *snap)
{
    return snap ? snap->reference_date : JBW_DATE_NONE;
}

const jbw_registry *jbw_snapshot_registry(const jbw_snapshot *snap)
{
    return snap ? snap->registry : NULL;
}

size_t jbw_snapshot_worker_count(const jbw_snapshot *snap)
{
    return snap ? snap->w.count : 0;
}

size_t jbw_snapshot_measure_count(const jbw_snapshot *snap)
{
    return snap ? snap->m.count : 0;
}

/* Common checks of the record getters. */
static jbw_status check_read(const void *out, unsigned int version,
                             unsigned int expected, const jbw_snapshot *snap,
                             size_t index, size_t count, const char *what)
{
    if (!out || !snap)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_%s: out or snapshot is NULL", what);
    if (version != expected)
        return jbw__error_version(version, expected, expected,
                                  "jbw_snapshot_%s: struct", what);
    if (index >= count)
        return jbw__error(JBW_ERANGE,
                          "jbw_snapshot_%s: index %zu is out of "
                          "range (%zu %ss)",
                          what, index, count, what);
    return JBW_OK;
}

jbw_status jbw_snapshot_worker(jbw_worker *out, const jbw_snapshot *snap,
                               size_t index)
{
    const jbw_registry *reg;
    jbw_status st =
        check_read(out, out ? out->version : 0, JBW_WORKER_VERSION, snap, index,
                   jbw_snapshot_worker_count(snap), "worker");
    if (st != JBW_OK)
        return st;
    reg = snap->registry;
    out->id = jbw__strmap_key(&snap->worker_ids, index);
    out->organisation = jbw__strmap_key(&reg->org_keys, snap->w.org[index]);
    out->region =
        snap->w.region[index] == JBW__NONE
            ? ""
            : jbw__strmap_key(&reg->region_keys, snap->w.region[index]);
    out->fte = snap->w.fte[index];
    out->hired = snap->w.hired[index];
    out->leaving = snap->w.leaving[index];
    return jbw__ok();
}

jbw_status jbw_snapshot_measure(jbw_measure *out, const jbw_snapshot *snap,
                                size_t i)
{
    const jbw__measures *m;
    const jbw_registry *reg;
    uint32_t reason;
    unsigned int version = out ? out->version : 0;
    jbw_status st =
        check_read(out, version,
                   version >= 1 && version < JBW_MEASURE_VERSION
                       ? version
                       : (unsigned)JBW_MEASURE_VERSION,
                   snap, i, jbw_snapshot_measure_count(snap), "measure");
    if (st != JBW_OK)
        return st;
    m = &snap->m;
    reg = snap->registry;
    out->id = jbw__strmap_key(&snap->measure_ids, i);
    out->child_id = jbw__strmap_key(&snap->child_ids, m->child[i]);
    out->family_id = m->family_given[i]
                         ? jbw__strmap_key(&snap->family_ids, m->family[i])
                         : "";
    out->kind = (jbw_kind)m->kind[i];
    out->organisation = jbw__strmap_key(&reg->org_keys, m->org[i]);
    out->region = jbw__strmap_key(&reg->region_keys, m->region[i]);
    out->start = m->start[i];
    out->end = m->end[i];
    out->worker_id = m->worker[i] == JBW__NONE
                         ? ""
                         : jbw__strmap_key(&snap->worker_ids, m->worker[i]);
    out->first_assigned = m->first_assigned[i];
    out->waiting_since = m->waiting_since[i];
    out->previous_workers = (int)m->previous_workers[i];
    out->safety = (jbw_safety)m->safety[i];
    out->placement = (jbw_placement)m->placement[i];
    out->birth_date = m->birth_date[i];
    out->last_contact = m->last_contact[i];
    out->jr_risk = (jbw_jr_risk)m->jr_risk[i];
    if (version == 1)
        return jbw__ok(); /* a record of libjbw 0.1 ends here */
    reason = jbw__measure_override_reason(m, i);
    out->safety_plan = jbw__measure_safety_plan(m, i);
    out->other_help = jbw__measure_other_help(m, i);
    out->domestic_violence = jbw__measure_domestic_violence(m, i);
    out->term_end = jbw__measure_term_end(m, i);
    out->override_band = jbw__measure_override_band(m, i);
    out->override_reason =
        reason == JBW__NONE ? NULL
                            : jbw__strmap_key(&snap->override_reasons, reason);
    if (version == 2)
        return jbw__ok(); /* a record of version 2 ends here */
    out->help_requested = jbw__measure_help_requested(m, i);
    out->help_started = jbw__measure_help_started(m, i);
    return jbw__ok();
}

static jbw_status find_id(size_t *index, const jbw_snapshot *snap,
                          const jbw__strmap *ids, const char *id,
                          const char *what)
{
    long i;
    if (!index || !snap || !id)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_find_%s: index, snapshot or "
                          "id is NULL",
                          what);
    i = jbw__strmap_find(ids, id, strlen(id));
    if (i < 0)
        return jbw__error(JBW_ENOTFOUND, "%s '%s' is not in the snapshot", what,
                          id);
    *index = (size_t)i;
    return jbw__ok();
}

jbw_status jbw_snapshot_find_worker(size_t *index, const jbw_snapshot *snap,
                                    const char *id)
{
    return find_id(index, snap, snap ? &snap->worker_ids : NULL, id, "worker");
}

jbw_status jbw_snapshot_find_measure(size_t *index, const jbw_snapshot *snap,
                                     const char *id)
{
    return find_id(index, snap, snap ? &snap->measure_ids : NULL, id,
                   "measure");
}

/* ---- states and counts ------------------------------------------------- */
const char *jbw_measure_state_code(jbw_measure_state state)
{
    static const char *const codes[] = {"inactive", "assigned", "nieuw",
                                        "bestaand"};
    unsigned i = (unsigned)state;
    return i < sizeof codes / sizeof codes[0] ? codes[i] : NULL;
}

static jbw_status check_query_date(jbw_date date, const char *fn)
{
    char buf[32];
    if (!jbw__date_in_range(date))
        return jbw__error(JBW_ERANGE,
                          "%s: date %s is missing or outside "
                          "1900-01-01..2199-12-31",
                          fn,
                          date == JBW_DATE_NONE
                              ? "(none)"
                              : jbw__date_text(buf, sizeof buf, date));
    return JBW_OK;
}

jbw_status jbw_snapshot_measure_state(jbw_measure_state *out,
                                      const jbw_snapshot *snap, size_t index,
                                      jbw_date date)
{
    jbw_status st;
    if (!out || !snap)
        return jbw__error(JBW_EINVAL, "jbw_snapshot_measure_state: out or "
                                      "snapshot is NULL");
    if (index >= snap->m.count)
        return jbw__error(JBW_ERANGE,
                          "jbw_snapshot_measure_state: index %zu is "
                          "out of range (%zu measures)",
                          index, snap->m.count);
    if ((st = check_query_date(date, "jbw_snapshot_measure_state")) != JBW_OK)
        return st;
    *out = jbw__measure_state(snap, index, date);
    return jbw__ok();
}

JBW__COLD const char *jbw__registry_case_twin(const jbw__strmap *keys,
                                              const char *key)
{
    size_t k;
    for (k = 0; k < keys->count; k++)
        if (jbw__name_eq_n(key, strlen(key), jbw__strmap_key(keys, k)))
            return jbw__strmap_key(keys, k);
    return NULL;
}

/*
 * The error of a key the registry does not hold: the key that differs in
 * case only, when there is one (keys are case-sensitive), else the keys
 * there are, as many as fit.
 */
static JBW__COLD jbw_status unknown_key(const jbw__strmap *keys,
                                        const char *key, const char *what,
                                        const char *caller)
{
    char list[256], q[JBW__SHOWN];
    const char *twin = jbw__registry_case_twin(keys, key);
    size_t k, at = 0;
    jbw__quote_value(q, sizeof q, key, strlen(key));
    if (twin)
        return jbw__error(JBW_ENOTFOUND,
                          "%s: %s '%s' is not in the registry; " JBW__CASE_HINT,
                          caller, what, q, twin);
    list[0] = '\0';
    for (k = 0; k < keys->count; k++) {
        const char *name = jbw__strmap_key(keys, k);
        size_t n = strlen(name);
        if (at + n + 8 >= sizeof list) {
            memcpy(list + at, ", ...", 6);
            break;
        }
        at += (size_t)snprintf(list + at, sizeof list - at, "%s%s",
                               k ? ", " : "", name);
    }
    return jbw__error(JBW_ENOTFOUND,
                      "%s: %s '%s' is not in the registry (keys: %s)", caller,
                      what, q, keys->count ? list : "none");
}

jbw_status jbw__registry_filter(uint32_t *out, const jbw__strmap *keys,
                                const char *key, const char *what,
                                const char *caller)
{
    long i;
    *out = JBW__NONE;
    if (!key)
        return JBW_OK;
    i = jbw__strmap_find(keys, key, strlen(key));
    if (i < 0)
        return unknown_key(keys, key, what, caller);
    *out = (uint32_t)i;
    return JBW_OK;
}

static int matches_filter(uint32_t value, uint32_t filter)
{
    return filter == JBW__NONE || value == filter;
}

/* Counts over the measures; `seen` holds a flag per child, then per
 * family, all zero on entry. */
static void count_measures(jbw_snapshot_counts *c, const jbw_snapshot *s,
                           jbw_date date, uint32_t org, uint32_t region,
                           uint8_t *seen)
{
    const jbw__measures *m = &s->m;
    uint8_t *family_seen = seen + s->child_ids.count;
    size_t i;
    for (i = 0; i < m->count; i++) {
        jbw_measure_state st;
        if (!matches_filter(m->org[i], org) ||
            !matches_filter(m->region[i], region))
            continue;
        st = jbw__measure_state(s, i, date);
        if (st == JBW_STATE_INACTIVE)
            continue;
        c->active++;
        c->by_kind[m->kind[i]]++;
        if (st == JBW_STATE_ASSIGNED)
            c->assigned++;
        else if (st == JBW_STATE_NIEUW)
            c->waiting_nieuw++;
        else
            c->waiting_bestaand++;
        if (!seen[m->child[i]]) {
            seen[m->child[i]] = 1;
            c->children++;
        }
        if (!family_seen[m->family[i]]) {
            family_seen[m->family[i]] = 1;
            c->families++;
        }
    }
}

jbw_status jbw_snapshot_counts_get(jbw_snapshot_counts *out,
                                   const jbw_snapshot *snap, jbw_date date,
                                   const char *organisation, const char *region)
{
    jbw_snapshot_counts c;
    uint32_t org_f, region_f;
    uint8_t *seen;
    jbw_status st;
    size_t i;
    if (!out || !snap)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_counts_get: out or snapshot "
                          "is NULL");
    if (out->version != JBW_SNAPSHOT_COUNTS_VERSION)
        return jbw__error_version(out->version, JBW_SNAPSHOT_COUNTS_VERSION,
                                  JBW_SNAPSHOT_COUNTS_VERSION,
                                  "jbw_snapshot_counts_get: struct");
    if ((st = check_query_date(date, "jbw_snapshot_counts_get")) != JBW_OK ||
        (st = jbw__registry_filter(&org_f, &snap->registry->org_keys,
                                   organisation, "organisation",
                                   "jbw_snapshot_counts_get")) != JBW_OK ||
        (st = jbw__registry_filter(&region_f, &snap->registry->region_keys,
                                   region, "region",
                                   "jbw_snapshot_counts_get")) != JBW_OK)
        return st;
    seen = jbw__calloc(snap->child_ids.count + snap->family_ids.count, 1);
    if (!seen)
        return jbw__enomem();
    memset(&c, 0, sizeof c);
    c.version = out->version;
    count_measures(&c, snap, date, org_f, region_f, seen);
    jbw__free(seen);
    for (i = 0; i < snap->w.count; i++)
        if (matches_filter(snap->w.org[i], org_f) &&
            matches_filter(snap->w.region[i], region_f) &&
            jbw__worker_employed(snap, i, date))
            c.workers++;
    *out = c;
    return jbw__ok();
}
