/*
 * libjbw - caseload calculation: caseload per worker and the totals per
 * organisation and region, measured against a norm (jbw/norm.h).
 *
 * Definitions, on a reference date d (see docs/norms.md for the full text):
 *  capacity(worker) = fte x ramp(tenure at d) x caseload_per_fte
 *  load(worker)     = sum of weight(kind) over the units assigned to it;
 *                     in unit child a child with several measures counts
 *                     once at its heaviest weight, in unit family a family
 *                     once at the heaviest weight of its measures
 *  ratio = load / capacity; status under (< under_below), at, over
 *                     (> over_above)
 *  required FTE  = sum of weights over all active units / caseload_per_fte
 *  available FTE = sum of fte of workers employed on d
 *  effective FTE = sum of fte x ramp
 *  FTE gap       = required - effective
 *  free capacity = sum over workers of max(0, capacity - load)
 *  coupling norm: of the measures started in [period_from, period_to]
 *  whose 5 werkdagen are over on d (more than 5 from the start to d),
 *  the share whose first worker came within 5 werkdagen of the start.
 */
#ifndef JBW_CASELOAD_H
#define JBW_CASELOAD_H

#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/measure.h"
#include "jbw/snapshot.h"
/* The norm and the series had their place here; every program that
 * includes this header keeps seeing them. */
#include "jbw/norm.h"
#include "jbw/series.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- caseload results ------------------------------------------------ */

typedef enum jbw_load_status {
    JBW_LOAD_UNDER = 0,
    JBW_LOAD_AT = 1,
    JBW_LOAD_OVER = 2,
    JBW_LOAD_NO_CAPACITY = 3 /* capacity 0: fte > 0 but ramp 0 */
} jbw_load_status;

/* "under", "at", "over", "no_capacity"; NULL when out of range. */
JBW_API const char *jbw_load_status_code(jbw_load_status status);

typedef struct jbw_caseload jbw_caseload;

/* Options for jbw_caseload_compute(). */
typedef struct jbw_caseload_options {
    unsigned int version;
    jbw_date date;             /* reference date; NONE: the snapshot's */
    jbw_date period_from;      /* coupling period; NONE: 3 months before date */
    jbw_date period_to;        /* NONE: the date */
    int32_t coupling_workdays; /* the norm, default 5 werkdagen */
} jbw_caseload_options;

#define JBW_CASELOAD_OPTIONS_VERSION 1
#define JBW_CASELOAD_OPTIONS_INIT                                              \
    {                                                                          \
        JBW_CASELOAD_OPTIONS_VERSION, JBW_DATE_NONE, JBW_DATE_NONE,            \
            JBW_DATE_NONE, 5                                                   \
    }

/* Errors: JBW_EINVAL, JBW_EVERSION. */
JBW_API jbw_status jbw_caseload_options_init(jbw_caseload_options *opts,
                                             unsigned int version);

/* Totals for the whole snapshot, one organisation or one region. */
typedef struct jbw_caseload_totals {
    unsigned int version;
    size_t active_measures;
    size_t children;
    size_t families;
    size_t assigned; /* active measures with a worker */
    size_t waiting_nieuw;
    size_t waiting_bestaand;
    size_t workers; /* employed on the date */
    double required_fte;
    double available_fte;
    double effective_fte;
    double fte_gap;
    double free_capacity; /* in norm units */
    double load;          /* sum of worker loads, norm units */
    double capacity;      /* sum of worker capacities, norm units */
    /* coupling norm over the period */
    size_t coupling_started;         /* started in the period, norm over */
    size_t coupling_within;          /* first worker within the norm */
    size_t coupling_waiting_past;    /* still without one, past the norm */
    double coupling_within_pct;      /* within / started x 100; NaN if none */
    double coupling_median_workdays; /* over those assigned; NaN if none */
    size_t by_kind[JBW_KIND_SLOTS];  /* active measures per kind */
    /* version 2 (libjbw 0.2): waiting for suitable help on the date */
    size_t waiting_for_help; /* active measures with help_requested on or
                                before the date and no help_started by
                                then (none, or after the date) */
    size_t waiting_for_help_past_norm; /* of those, requested more than 3
                                          calendar months before the date
                                          (request + 3 months < date) */
} jbw_caseload_totals;
/* Version 1 records (without the help figures) are still filled, up to
 * their own size. */
#define JBW_CASELOAD_TOTALS_VERSION 2

/* One worker's line. Strings borrowed from the snapshot. */
typedef struct jbw_worker_load {
    unsigned int version;
    const char *id;
    const char *organisation;
    const char *region;
    double fte;
    int32_t tenure_months;
    double effective_fte; /* fte x ramp */
    double capacity;
    double load;
    double ratio; /* load / capacity; NaN when capacity is 0 */
    jbw_load_status status;
    size_t measures; /* active measures assigned */
} jbw_worker_load;
#define JBW_WORKER_LOAD_VERSION 1

typedef enum jbw_group {
    JBW_GROUP_ORGANISATION = 0,
    JBW_GROUP_REGION = 1
} jbw_group;

/*
 * Computes caseloads of a snapshot under a norm on a date. `cal` is the
 * working-day calendar for the coupling norm. `opts` may be NULL.
 * Workers employed on the date are those with hired <= date and no
 * leaving date or date < leaving. A date after the snapshot's reference
 * date is computed, but the records say who is assigned on the reference
 * date only, so such a date carries that day's assignments forward as if
 * nothing changed (the jbw command refuses it; docs/cli.md).
 * The result borrows the snapshot (ids and keys are read from it): free
 * the result before the snapshot. The norm is copied.
 * Errors: JBW_EINVAL (NULL, coupling_workdays < 0, period_to before
 * period_from, period_to after the date), JBW_EVERSION, JBW_ERANGE (a
 * date outside the range, or the date before every hire when the
 * snapshot has workers), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_caseload_compute(jbw_caseload **out,
                                        const jbw_snapshot *snap,
                                        const jbw_norm *norm,
                                        const jbw_calendar *cal,
                                        const jbw_caseload_options *opts);

/* Frees a result and its copy of the norm; NULL is accepted. The
 * snapshot it borrowed is not touched. */
JBW_API void jbw_caseload_free(jbw_caseload *cl);

/* The date the caseloads were computed on; JBW_DATE_NONE for NULL. */
JBW_API jbw_date jbw_caseload_date(const jbw_caseload *cl);

/* The coupling period [*from, *to] and the coupling norm in werkdagen
 * used; any output may be NULL. Errors: JBW_EINVAL. */
JBW_API jbw_status jbw_caseload_period(jbw_date *from, jbw_date *to,
                                       int32_t *workdays,
                                       const jbw_caseload *cl);

/* The norm the result was computed under (a copy owned by the result;
 * NULL for NULL). */
JBW_API const jbw_norm *jbw_caseload_norm(const jbw_caseload *cl);

/* The data notice of the snapshot the result was computed from
 * (jbw_snapshot_data_notice: the embedded example says it is synthetic);
 * NULL for real data and for NULL. Borrowed from the snapshot. */
JBW_API const char *jbw_caseload_data_notice(const jbw_caseload *cl);

/* Totals of everything. Caller sets out->version.
 * Errors: JBW_EINVAL, JBW_EVERSION. */
JBW_API jbw_status jbw_caseload_totals_get(jbw_caseload_totals *out,
                                           const jbw_caseload *cl);

/* Number of organisations / regions in the registry (groups are listed
 * in registry order, also those with no measures); 0 for NULL or a group
 * out of range. */
JBW_API size_t jbw_caseload_group_count(const jbw_caseload *cl,
                                        jbw_group group);

/* Totals of the index-th group; *key receives its registry key.
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_ERANGE. */
JBW_API jbw_status jbw_caseload_group_get(jbw_caseload_totals *out,
                                          const char **key,
                                          const jbw_caseload *cl,
                                          jbw_group group, size_t index);

/* Workers employed on the date, in snapshot order; 0 for NULL. */
JBW_API size_t jbw_caseload_worker_count(const jbw_caseload *cl);
/* The index-th of those workers. Caller sets out->version
 * (JBW_WORKER_LOAD_VERSION); the strings are borrowed from the snapshot.
 * On failure *out is untouched.
 * Errors: JBW_EINVAL (out or cl NULL), JBW_EVERSION, JBW_ERANGE (index
 * not below jbw_caseload_worker_count()). */
JBW_API jbw_status jbw_caseload_worker_get(jbw_worker_load *out,
                                           const jbw_caseload *cl,
                                           size_t index);

/* ---- data-quality findings ------------------------------------------ */

/*
 * Rows the load keeps (nothing is lost) but that the people who own the
 * data should look at (docs/formats.md, "Data-quality findings"). Every
 * measure that started on or before the caseload's date is checked over
 * the days it ran up to that date, start .. min(end - 1, date):
 *  JBW_FINDING_JR_OVER_22: jeugdreclassering on a day the child was 23 or
 *      older (CBS counts jeugdreclassering for ages 12 up to and
 *      including 22); needs a birth date;
 *  JBW_FINDING_JB_AFTER_18: a jeugdbeschermingsmaatregel (OTS, VOTS, any
 *      voogdij) on or after the child's 18th birthday, when the child is
 *      of age (BW 1:233); needs a birth date;
 *  JBW_FINDING_VOTS_OVER_3_MONTHS: a VOTS still running on the day 3
 *      calendar months after its start (a VOTS lasts at most 3 months,
 *      BW 1:257). A VOTS that ended on that day is within it.
 * Three rules concern the measures active on the date (start <= date <
 * end), so their `last` is the date:
 *  JBW_FINDING_WORKER_NOT_EMPLOYED: a measure counted as assigned on the
 *      date to a worker who is not employed on it (left: leaving <= date;
 *      or not yet hired: hired > date, and after the snapshot's reference
 *      date too: a worker hired between the date and the reference date
 *      may have taken the measure over after the date, as the records
 *      name the worker of their own date). It still counts as assigned, and
 *      its load falls on no worker. `since` is the first day, from the
 *      day it counts as assigned (its start, or its first_assigned when
 *      later), on which that worker was not employed: that day when the
 *      worker was hired after it, else the worker's leaving date (or
 *      that day, when later);
 *  JBW_FINDING_CHILD_BIRTH_DATES_DIFFER: a measure with a birth date
 *      whose child (child_id) has another active measure with another
 *      birth date (a triage scores the child at two ages). Every such
 *      measure of the child is reported. `since` is the first day it ran
 *      beside such a measure: its start, or the earliest start of the
 *      child's measures with another birth date, when later;
 *  JBW_FINDING_UNBORN_PLACED: an OTS or VOTS active on the date whose
 *      placement is placed or crisis while its child is not yet born on
 *      the snapshot's reference date (birth_date after it): the record
 *      describes its own date, and only a child that is born can be
 *      placed out of home; a birth date mistyped into the future does
 *      this. `since` is the start.
 * Birthdays as jbw_years_between counts them. Values are never
 * renumbered; rules are appended.
 */
typedef enum jbw_finding_rule {
    JBW_FINDING_JR_OVER_22 = 0,
    JBW_FINDING_JB_AFTER_18 = 1,
    JBW_FINDING_VOTS_OVER_3_MONTHS = 2,
    JBW_FINDING_WORKER_NOT_EMPLOYED = 3,
    JBW_FINDING_CHILD_BIRTH_DATES_DIFFER = 4,
    JBW_FINDING_UNBORN_PLACED = 5
} jbw_finding_rule;

/* Number of rules this version knows (also jbw_finding_rule_count()). */
#define JBW_FINDING_RULE_COUNT 6

/* Returns JBW_FINDING_RULE_COUNT. */
JBW_API int jbw_finding_rule_count(void);

/* Stable code: "jr_over_22", "jb_after_18", "vots_over_3_months",
 * "worker_not_employed", "child_birth_dates_differ", "unborn_placed";
 * NULL for an unknown rule. */
JBW_API const char *jbw_finding_rule_code(jbw_finding_rule rule);

/* One finding. The measure id is borrowed from the snapshot. */
typedef struct jbw_finding {
    unsigned int version;
    jbw_finding_rule rule;
    const char *measure_id;
    /* the first day of the measure on which the rule was broken: the 23rd
     * or 18th birthday (or the start, when later), start + 3 months, or
     * as the rule above says */
    jbw_date since;
    jbw_date last; /* the last day checked: end - 1 or the date */
} jbw_finding;
#define JBW_FINDING_VERSION 1

/* Number of findings; 0 for NULL. */
JBW_API size_t jbw_caseload_finding_count(const jbw_caseload *cl);

/* Number of findings of one rule; 0 for NULL or an unknown rule. */
JBW_API size_t jbw_caseload_finding_count_rule(const jbw_caseload *cl,
                                               jbw_finding_rule rule);

/* The index-th finding: in snapshot order of the measures, and in rule
 * order for one measure. Caller sets out->version.
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_ERANGE. */
JBW_API jbw_status jbw_caseload_finding_get(jbw_finding *out,
                                            const jbw_caseload *cl,
                                            size_t index);

/* Output. Free with jbw_free(). Errors: JBW_EINVAL, JBW_ENOMEM.
 * JSON: {"date", "norm": {...}, "totals": {...}, "by_organisation": [...],
 * "by_region": [...], "workers": [...], "finding_counts": {...},
 * "findings": [...]} with the keys of docs/norms.md and docs/formats.md. */
JBW_API jbw_status jbw_caseload_json(char **out, size_t *len,
                                     const jbw_caseload *cl);
/* CSV: one line per scope (total, organisation, region) with the totals.
 * Ownership and errors as jbw_caseload_json(). */
JBW_API jbw_status jbw_caseload_csv(char **out, size_t *len,
                                    const jbw_caseload *cl);
/* CSV of the per-worker table (one line per worker of
 * jbw_caseload_worker_get()). Ownership and errors as
 * jbw_caseload_json(). */
JBW_API jbw_status jbw_caseload_workers_csv(char **out, size_t *len,
                                            const jbw_caseload *cl);
/* A plain-text report for people (tables, aligned; English), ending with
 * the data-quality findings: the count of every rule, then at most 20
 * findings of each rule (measure, rule, since, last) and how many more.
 * Ownership and errors as jbw_caseload_json(). */
JBW_API jbw_status jbw_caseload_text(char **out, size_t *len,
                                     const jbw_caseload *cl);

#ifdef __cplusplus
}
#endif

#endif /* JBW_CASELOAD_H */
