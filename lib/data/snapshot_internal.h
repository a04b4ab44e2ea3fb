/*
 * libjbw internal: the layout of registries and snapshots, shared by the
 * modules that compute on them (caseload, waitrisk, forecast, io). Ids are
 * interned into dense indices on insert so that calculations run over
 * plain integer arrays.
 */
#ifndef JBW_DATA_SNAPSHOT_INTERNAL_H
#define JBW_DATA_SNAPSHOT_INTERNAL_H

#include "data/date_internal.h"

struct jbw_registry {
    jbw__strmap region_keys; /* key -> region index */
    char **region_names;
    char **region_cbs; /* "" when unknown */
    size_t region_cap;

    jbw__strmap municipality_names; /* name -> municipality index */
    uint32_t *municipality_region;
    size_t municipality_cap;

    jbw__strmap org_keys; /* key -> organisation index */
    char **org_names;
    size_t org_cap;

    /* service relation: pairs (org, region) in insertion order */
    uint32_t *service_org;
    uint32_t *service_region;
    size_t service_count;
    size_t service_cap;
};

/* Sentinel for "no index". */
#define JBW__NONE UINT32_MAX

/*
 * An expected birth date lies at most this many days (43 weeks) after any
 * day of the pregnancy: a pregnancy counts as prolonged from 42 completed
 * weeks (294 days) after the last menstrual period, and one week more is
 * kept as a margin (docs/sources.md, "The longest pregnancy"). The
 * snapshot refuses an OTS or VOTS born more than this after its start
 * (data/snapshot_check.c); the triage refuses a case born more than this
 * after the date (waitrisk/score.c).
 */
#define JBW__UNBORN_DAYS_MAX 301

/* Internal registry helpers (data/registry.c). */
size_t jbw__registry_region_count(const jbw_registry *reg);
size_t jbw__registry_org_count(const jbw_registry *reg);
int jbw__registry_serves_idx(const jbw_registry *reg, uint32_t org,
                             uint32_t region);

/* A date as text for a message: ISO, or "none" (data/snapshot_check.c). */
const char *jbw__date_text(char *buf, size_t size, jbw_date d);

/*
 * The key of `keys` (the registry's org_keys or region_keys) that differs
 * from `key` in ASCII case only, or NULL: an unknown key's error names it
 * with JBW__CASE_HINT, whose one argument it is.
 */
const char *jbw__registry_case_twin(const jbw__strmap *keys, const char *key);
#define JBW__CASE_HINT "keys are case-sensitive: did you mean '%s'?"
/*
 * The key of `keys` whose name (names[], by the keys' index: the
 * registry's org_names or region_names) is `value` but for ASCII case
 * and the spaces and tabs around either, or NULL; *name is then that
 * name. An unknown key's error names both with JBW__NAME_HINT (the key,
 * then the name as jbw__quote_value() shows it): the value is a name,
 * not a key (data/registry_lookup.c).
 */
const char *jbw__registry_name_twin(const char **name, const jbw__strmap *keys,
                                    char *const *names, const char *value);
#define JBW__NAME_HINT "did you mean '%s', the key of %s?"

/*
 * Resolves an optional organisation or region key (`keys`: the registry's
 * org_keys or region_keys) to its index; NULL gives JBW__NONE ("all"). An
 * unknown key is JBW_ENOTFOUND: "<caller>: <what> '<key>' is not in the
 * registry".
 */
jbw_status jbw__registry_filter(uint32_t *out, const jbw__strmap *keys,
                                const char *key, const char *what,
                                const char *caller);

/*
 * Workers: struct of arrays, index = insertion order.
 */
typedef struct jbw__workers {
    size_t count, cap;
    uint32_t *org;    /* registry organisation index */
    uint32_t *region; /* registry region index or JBW__NONE */
    double *fte;
    jbw_date *hired;
    jbw_date *leaving; /* JBW_DATE_NONE */
} jbw__workers;

/*
 * Measures: struct of arrays, index = insertion order.
 */
/* The size of a jbw_measure of record version 1 (libjbw 0.1). */
#define JBW__MEASURE_V1_SIZE offsetof(jbw_measure, safety_plan)
/* The size of a jbw_measure of record version 2 (before the help dates). */
#define JBW__MEASURE_V2_SIZE offsetof(jbw_measure, help_requested)

typedef struct jbw__measures {
    size_t count, cap;
    void *columns;    /* the block holding the columns up to family_given
                         (data/snapshot.c) */
    uint32_t *child;  /* index into snapshot child_ids */
    uint32_t *family; /* index into family_ids (an own family, known by
                         its child: see own_family) */
    uint8_t *kind;
    uint32_t *org;
    uint32_t *region;
    jbw_date *start;
    jbw_date *end;    /* JBW_DATE_NONE = running */
    uint32_t *worker; /* worker index or JBW__NONE */
    jbw_date *first_assigned;
    jbw_date *waiting_since; /* settled: start for nieuw given without */
    int32_t *previous_workers;
    uint8_t *safety;
    uint8_t *placement;
    jbw_date *birth_date;
    jbw_date *last_contact;
    uint8_t *jr_risk;
    uint8_t *family_given; /* 1 when family_id was given */
    /* Record versions 2 and 3. Most files give none of these fields, so
     * each column is made when a measure first gives a value other than
     * its default, and is NULL until then: read them through the
     * jbw__measure_*() functions below, which give the default for a
     * column not made. */
    /* record version 2: the waiting-risk inputs of model version 2 and
     * the professional override */
    uint8_t *safety_plan;       /* jbw_yesno */
    uint8_t *other_help;        /* jbw_yesno */
    uint8_t *domestic_violence; /* jbw_yesno */
    jbw_date *term_end;         /* JBW_DATE_NONE */
    int8_t *override_band;      /* JBW_OVERRIDE_NONE (-1) or a jbw_band */
    uint32_t *override_reason;  /* index into override_reasons, JBW__NONE */
    /* record version 3: waiting for suitable help */
    jbw_date *help_requested; /* JBW_DATE_NONE */
    jbw_date *help_started;   /* JBW_DATE_NONE */
} jbw__measures;

/*
 * The keys of the registry's organisations or regions, for the lookups
 * of every record (a file names few distinct ones, over and over): a key
 * of 1 to 8 bytes is its bytes as one number (zero-padded), found in a
 * small open-addressing table by a multiplicative hash; a longer key, or
 * any key of a registry with more than half as many keys as slots, is
 * found in the registry's map (data/snapshot_check.c).
 */
#define JBW__CODE_SLOTS 256
typedef struct jbw__codes {
    uint64_t word[JBW__CODE_SLOTS]; /* 0: an empty slot */
    uint32_t index[JBW__CODE_SLOTS];
    int in_use;
} jbw__codes;

struct jbw_snapshot {
    jbw_registry *registry;  /* owned copy */
    jbw__codes org_codes;    /* of registry->org_keys */
    jbw__codes region_codes; /* of registry->region_keys */
    /* [org * regions + region]: 1 when the organisation serves the
     * region; NULL for a registry of more than 2^20 pairs: the
     * registry's own list answers */
    uint8_t *serves;
    jbw_date reference_date;
    jbw__strmap worker_ids;       /* id -> worker index */
    jbw__strmap measure_ids;      /* id -> measure index */
    jbw__strmap child_ids;        /* id -> child index */
    jbw__strmap family_ids;       /* id -> family index; an own family
                                     (no family id) has an index there
                                     but no key */
    jbw__strmap override_reasons; /* the reasons of overrides, interned */
    jbw__workers w;
    jbw__measures m;
    /* by child index: the index of the child's own family in family_ids,
     * JBW__NONE before its first measure without a family id; NULL until
     * a measure comes without one */
    uint32_t *own_family;
    size_t own_cap;
    /* the example's static text, or own_notice; NULL: real data */
    const char *data_notice;
    char *own_notice; /* jbw_snapshot_set_data_notice's copy; NULL */
};

/* Why a check of a measure's worker failed (jbw__measure_found and
 * jbw__snapshot_add_measure_hashed): no fault; no worker has the
 * measure's worker_id; a rule about a measure without a worker now
 * failed. */
enum { JBW__WORKER_OK, JBW__WORKER_UNKNOWN, JBW__WORKER_NONE_NOW };

/* Room for that many more workers and measures, grown once (loaders
 * size the arrays and id maps from an estimate of their rows); 0, or -1
 * when out of memory (data/snapshot.c). */
int jbw__snapshot_reserve(jbw_snapshot *snap, size_t workers, size_t measures);

/*
 * jbw_snapshot_add_worker() for a worker of the current record version
 * (not NULL): on failure *column names the column the failed check is
 * about ("fte", "leaving"), or NULL, for the loader's detail; on success
 * the last error's detail is left as it was.
 */
jbw_status jbw__snapshot_add_worker_named(jbw_snapshot *snap,
                                          const jbw_worker *worker,
                                          const char **column);

/*
 * What a loader knows of a measure's ids from the row it parsed: their
 * hashes, as jbw__hash() and jbw__family_key_hash() give them, and their
 * lengths in bytes, with those of its organisation and region keys
 * (strlen of the measure's strings: 0 for one not given). The worker's
 * hash is not read when no worker is named.
 */
enum { JBW__KEY_MEASURE, JBW__KEY_CHILD, JBW__KEY_FAMILY, JBW__KEY_WORKER };
typedef struct jbw__measure_keys {
    uint64_t hash[4];
    size_t len[4];
    size_t org_len, region_len;
} jbw__measure_keys;

/*
 * jbw_snapshot_add_measure() for a measure of the current record version
 * whose ids the caller hashed and measured already (`keys`): the CSV
 * loader hashes rows ahead to fetch their slots early, and knows the
 * lengths from the fields. On success the last error's detail is left as
 * it was (the loader clears it once at its end). On failure
 * *worker_fault tells whether a check about the measure's worker failed,
 * and which (JBW__WORKER_* of data/snapshot_check.h): for an unknown
 * worker the detail gives no advice on where workers come from
 * (jbw_snapshot_add_measure() does); *column is the one column the
 * failed check is about when the detail does not name it as a column
 * (NULL: none).
 */
jbw_status jbw__snapshot_add_measure_hashed(jbw_snapshot *snap,
                                            const jbw_measure *measure,
                                            const jbw__measure_keys *keys,
                                            int *worker_fault,
                                            const char **column);

/* jbw__snapshot_check_measure() (data/snapshot_check.h) with the ids'
 * hashes and lengths at hand (keys; NULL: computed from the strings). */
struct jbw__measure_found;
jbw_status jbw__snapshot_check_measure_keyed(struct jbw__measure_found *row,
                                             const jbw_snapshot *snap,
                                             const jbw_measure *m,
                                             const jbw__measure_keys *keys);

/* The hash of a measure's family key: jbw__hash() of the family id when
 * given (family_len bytes), else 0 (an own family has no key). */
uint64_t jbw__family_key_hash(const char *family, size_t family_len);

/*
 * The state of measure i on date d (see snapshot.h). Inline so that the
 * hot loops of caseload and triage pay no call.
 */
static inline jbw_measure_state jbw__measure_state(const jbw_snapshot *s,
                                                   size_t i, jbw_date d)
{
    const jbw__measures *m = &s->m;
    if (d < m->start[i] || (m->end[i] != JBW_DATE_NONE && d >= m->end[i]))
        return JBW_STATE_INACTIVE;
    if (m->first_assigned[i] != JBW_DATE_NONE && d < m->first_assigned[i])
        return JBW_STATE_NIEUW;
    if (m->worker[i] != JBW__NONE)
        return JBW_STATE_ASSIGNED;
    if (m->previous_workers[i] == 0 && m->first_assigned[i] == JBW_DATE_NONE)
        return JBW_STATE_NIEUW;
    if (m->waiting_since[i] <= d)
        return JBW_STATE_BESTAAND;
    return JBW_STATE_ASSIGNED;
}

/* The columns of record versions 2 and 3 (NULL until a measure needs
 * them: see jbw__measures). */
static inline jbw_yesno jbw__measure_safety_plan(const jbw__measures *m,
                                                 size_t i)
{
    return m->safety_plan ? (jbw_yesno)m->safety_plan[i] : JBW_YESNO_UNKNOWN;
}

static inline jbw_yesno jbw__measure_other_help(const jbw__measures *m,
                                                size_t i)
{
    return m->other_help ? (jbw_yesno)m->other_help[i] : JBW_YESNO_UNKNOWN;
}

static inline jbw_yesno jbw__measure_domestic_violence(const jbw__measures *m,
                                                       size_t i)
{
    return m->domestic_violence ? (jbw_yesno)m->domestic_violence[i]
                                : JBW_YESNO_UNKNOWN;
}

static inline jbw_date jbw__measure_term_end(const jbw__measures *m, size_t i)
{
    return m->term_end ? m->term_end[i] : JBW_DATE_NONE;
}

/* JBW_OVERRIDE_NONE (-1) or a jbw_band */
static inline int jbw__measure_override_band(const jbw__measures *m, size_t i)
{
    return m->override_band ? m->override_band[i] : -1;
}

/* index into the snapshot's override_reasons, or JBW__NONE */
static inline uint32_t jbw__measure_override_reason(const jbw__measures *m,
                                                    size_t i)
{
    return m->override_reason ? m->override_reason[i] : JBW__NONE;
}

static inline jbw_date jbw__measure_help_requested(const jbw__measures *m,
                                                   size_t i)
{
    return m->help_requested ? m->help_requested[i] : JBW_DATE_NONE;
}

static inline jbw_date jbw__measure_help_started(const jbw__measures *m,
                                                 size_t i)
{
    return m->help_started ? m->help_started[i] : JBW_DATE_NONE;
}

/* A worker is employed on d when hired <= d and (no leaving or d < leaving). */
static inline int jbw__worker_employed(const jbw_snapshot *s, size_t i,
                                       jbw_date d)
{
    return s->w.hired[i] <= d &&
           (s->w.leaving[i] == JBW_DATE_NONE || d < s->w.leaving[i]);
}

#endif /* JBW_DATA_SNAPSHOT_INTERNAL_H */
