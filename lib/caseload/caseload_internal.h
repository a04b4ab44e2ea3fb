/*
 * libjbw internal: what the files of lib/caseload share: the layouts of
 * the norm and the caseload result.
 */
#ifndef JBW_CASELOAD_INTERNAL_H
#define JBW_CASELOAD_INTERNAL_H

#include "data/snapshot_internal.h"

/* ---- the norm (norm.c) ------------------------------------------------ */

struct jbw_norm {
    char *name;
    char *source;
    jbw_unit unit;
    double caseload;
    double weight[JBW_KIND_SLOTS];
    size_t ramp_count;
    int32_t ramp_from[JBW_RAMP_MAX];
    double ramp_frac[JBW_RAMP_MAX];
    double under_below;
    double over_above;
};

#define JBW__NORM_DEFAULT_NAME "FNV-GI 2023"
#define JBW__NORM_DEFAULT_SOURCE                                               \
    "FNV\xE2\x80\x93GI agreement of March 2023: twelve child-protection "      \
    "measures per full-time jeugdbeschermer; see docs/sources.md"

/* The name of a norm for a reader of `lang`: a built-in norm's Dutch
 * name ("Significant (kinderen)") in Dutch when both its name and its
 * unit are the built-in's, else `name` as it is (a user's norm that only
 * borrows a built-in name keeps it). Static or `name` itself. */
const char *jbw__norm_name_lang(const char *name, jbw_unit unit, jbw_lang lang);

/* How many points of the series were counted from a snapshot
 * (jbw_series_add_snapshot); 0 for NULL. */
size_t jbw__series_snapshot_points(const jbw_series *series);
/* A copy of the series with its points up to `last` (inclusive): title,
 * notice and what it counts as the original's. JBW_ENOMEM. */
jbw_status jbw__series_until(jbw_series **out, const jbw_series *series,
                             jbw_date last);

/* Sanity bounds (docs/norms.md): they keep every sum finite and catch a
 * norm written in the wrong unit (a caseload of 1200 is a typo). */
#define JBW__NORM_MAX_CASELOAD  1000.0
#define JBW__NORM_MAX_WEIGHT    1000.0
#define JBW__NORM_MAX_THRESHOLD 1000.0
/* A name or source must fit one value of a norm file (1023 bytes). */
#define JBW__NORM_TEXT_MAX 1000

/* The codes of jbw_unit, by value. */
extern const char *const jbw__unit_codes[3];

/*
 * A name or source must survive a trip through a norm file: no '#'
 * (starts a comment), no control characters (a line break would end the
 * value) and no blanks at either end (values are trimmed).
 */
jbw_status jbw__norm_check_text(const char *s, const char *what,
                                int allow_empty);
/* The range checks of a caseload per FTE and of a weight (kind `code`). */
jbw_status jbw__check_caseload(double v);
jbw_status jbw__check_weight(double v, const char *code);
/* The fraction of the last step that starts at or before `months`. */
double jbw__ramp_at(const jbw_norm *n, int32_t months);

/* ---- the caseload result (compute.c) ---------------------------------- */

/* One employed worker's line. */
typedef struct jbw__cl_worker {
    uint32_t index; /* snapshot worker index */
    int32_t tenure;
    double effective;
    double capacity;
    double load;
    size_t measures;
} jbw__cl_worker;

/* A data-quality finding (findings.c). */
typedef struct jbw__cl_finding {
    uint32_t measure; /* snapshot measure index */
    uint32_t rule;    /* jbw_finding_rule */
    jbw_date since;
    jbw_date last;
} jbw__cl_finding;

/*
 * Scopes: index 0 is the whole snapshot, 1..orgs the organisations,
 * 1+orgs.. the regions, all in registry order.
 */
struct jbw_caseload {
    const jbw_snapshot *snap; /* borrowed: strings come from it */
    jbw_norm *norm;           /* a copy */
    jbw_date date;
    jbw_date period_from;
    jbw_date period_to;
    int32_t coupling_workdays;
    size_t org_count;
    size_t region_count;
    jbw_caseload_totals *scope;
    size_t worker_count;
    jbw__cl_worker *workers;
    size_t help_known; /* measures with a help_requested date */
    size_t finding_count;
    size_t finding_by_rule[JBW_FINDING_RULE_COUNT];
    jbw__cl_finding *findings;
};

/*
 * A memo of values that depend on one date only (a worker's tenure by
 * hire date, a VOTS's limit by start day), asked for once a record where
 * records share dates: JBW__DATE_MEMO slots, direct-mapped by the day
 * number and keyed by the whole date, so a computation runs about once a
 * date. Zeroed (jbw__calloc) is empty.
 */
#define JBW__DATE_MEMO 4096u
typedef struct jbw__date_memo {
    jbw_date key;
    int32_t value;
    int set;
} jbw__date_memo;

/* The slot of `key` in memo[0..JBW__DATE_MEMO). */
static inline jbw__date_memo *jbw__date_memo_slot(jbw__date_memo *memo,
                                                  jbw_date key)
{
    return &memo[(uint32_t)key % JBW__DATE_MEMO];
}

/* Finds the data-quality findings of cl's snapshot up to cl->date
 * (findings.c). Errors: JBW_ENOMEM. */
jbw_status jbw__cl_findings(jbw_caseload *cl);

#endif /* JBW_CASELOAD_INTERNAL_H */
