/*
 * libjbw - caseload norms and caseload calculation.
 *
 * A norm set (jbw_norm) says how caseload is counted: the unit (measure,
 * child or family), the caseload a full-time worker carries, a weight per
 * measure kind, the onboarding ramp and the status thresholds. The
 * built-in default is the national Significant-norm: 12 children per
 * full-time jeugdbeschermer, every kind weight 1.0 (docs/norms.md).
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
 *  coupling norm: of the measures started in [period_from, period_to],
 *  the share whose first worker came within 5 werkdagen of the start.
 */
#ifndef JBW_CASELOAD_H
#define JBW_CASELOAD_H

#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/measure.h"
#include "jbw/snapshot.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- norm sets ------------------------------------------------------- */

typedef enum jbw_unit {
    JBW_UNIT_MEASURE = 0,
    JBW_UNIT_CHILD = 1,
    JBW_UNIT_FAMILY = 2
} jbw_unit;

/* "measure", "child", "family"; NULL when out of range. */
JBW_API const char *jbw_unit_code(jbw_unit unit);

typedef enum jbw_load_status {
    JBW_LOAD_UNDER = 0,
    JBW_LOAD_AT = 1,
    JBW_LOAD_OVER = 2,
    JBW_LOAD_NO_CAPACITY = 3 /* capacity 0: fte > 0 but ramp 0 */
} jbw_load_status;

/* "under", "at", "over", "no_capacity"; NULL when out of range. */
JBW_API const char *jbw_load_status_code(jbw_load_status status);

typedef struct jbw_norm jbw_norm;

/* Largest number of ramp steps a norm may hold. */
#define JBW_RAMP_MAX 64

/*
 * Creates the default norm: "Significant-norm", unit child, 12 per FTE,
 * all weights 1.0, ramp 0.5 (months 0-2), 0.75 (months 3-5), 1.0 (6+),
 * thresholds under < 0.9 <= at <= 1.0 < over.
 * Errors: JBW_EINVAL, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_norm_new_default(jbw_norm **out);

/*
 * Parses a norm file (key = value; docs/norms.md). Keys not given keep
 * the default's value; ramp.* lines replace the default ramp as a whole.
 * `len` as in jbw_date_parse ((size_t)-1: NUL-terminated). `source`
 * names the text in messages.
 * Errors: JBW_EINVAL, JBW_EPARSE (malformed line, unknown key, bad
 * number, zero or negative caseload, negative weight, unknown kind or
 * unit, a ramp that is not a function of months), JBW_ENOMEM; the detail
 * names the source and line.
 */
JBW_API jbw_status jbw_norm_parse(jbw_norm **out, const char *text, size_t len,
                                  const char *source);

/* As jbw_norm_parse() from a file. Additional error: JBW_EIO. */
JBW_API jbw_status jbw_norm_load(jbw_norm **out, const char *path);

/* Writes the norm as a norm file that parses back to an equal norm.
 * Free with jbw_free(). Errors: JBW_EINVAL, JBW_ENOMEM. */
JBW_API jbw_status jbw_norm_save(char **out, size_t *len, const jbw_norm *norm);

JBW_API jbw_status jbw_norm_clone(jbw_norm **out, const jbw_norm *norm);
JBW_API void jbw_norm_free(jbw_norm *norm);

/* Accessors (NULL norm: NULL / 0 / NaN). Strings borrowed. */
JBW_API const char *jbw_norm_name(const jbw_norm *norm);
JBW_API const char *jbw_norm_source(const jbw_norm *norm);
JBW_API jbw_unit jbw_norm_unit(const jbw_norm *norm);
JBW_API double jbw_norm_caseload_per_fte(const jbw_norm *norm);
JBW_API double jbw_norm_weight(const jbw_norm *norm, jbw_kind kind);
/* Fraction of a full caseload at a tenure of `months` whole months
 * (negative months: 0). */
JBW_API double jbw_norm_ramp(const jbw_norm *norm, int32_t months);
/* Number of ramp steps (1..JBW_RAMP_MAX); 0 for NULL. */
JBW_API size_t jbw_norm_ramp_count(const jbw_norm *norm);
/*
 * The index-th ramp step: from tenure month *from_month on, a worker
 * carries *fraction of a full caseload (steps in increasing month order,
 * the first from month 0). Either output may be NULL.
 * Errors: JBW_EINVAL (NULL norm), JBW_ERANGE (index).
 */
JBW_API jbw_status jbw_norm_ramp_step(int32_t *from_month, double *fraction,
                                      const jbw_norm *norm, size_t index);
JBW_API double jbw_norm_under_below(const jbw_norm *norm);
JBW_API double jbw_norm_over_above(const jbw_norm *norm);

/*
 * Setters. Each checks its argument and leaves the norm unchanged on
 * error. Errors: JBW_EINVAL (NULL, NaN, infinite, out of domain:
 * caseload <= 0, weight < 0, fraction outside [0, 1], under_below >
 * over_above), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_norm_set_name(jbw_norm *norm, const char *name,
                                     const char *source);
JBW_API jbw_status jbw_norm_set_unit(jbw_norm *norm, jbw_unit unit);
JBW_API jbw_status jbw_norm_set_caseload_per_fte(jbw_norm *norm,
                                                 double caseload);
JBW_API jbw_status jbw_norm_set_weight(jbw_norm *norm, jbw_kind kind,
                                       double weight);
/*
 * Replaces the ramp: from_month[i] is the first tenure month at which
 * fraction[i] applies; from_month must start at 0 and strictly increase;
 * the last fraction holds for every later month. 1 <= count <=
 * JBW_RAMP_MAX.
 */
JBW_API jbw_status jbw_norm_set_ramp(jbw_norm *norm, const int32_t *from_month,
                                     const double *fraction, size_t count);
JBW_API jbw_status jbw_norm_set_thresholds(jbw_norm *norm, double under_below,
                                           double over_above);

/* ---- caseload results ------------------------------------------------ */

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
    size_t coupling_started;         /* measures started in the period */
    size_t coupling_within;          /* first worker within the norm */
    size_t coupling_waiting_past;    /* still without one, past the norm */
    double coupling_within_pct;      /* within / started x 100; NaN if none */
    double coupling_median_workdays; /* over those assigned; NaN if none */
    size_t by_kind[JBW_KIND_SLOTS];  /* active measures per kind */
} jbw_caseload_totals;
#define JBW_CASELOAD_TOTALS_VERSION 1

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
 * leaving date or date < leaving.
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

JBW_API void jbw_caseload_free(jbw_caseload *cl);

/* The date and coupling period used. */
JBW_API jbw_date jbw_caseload_date(const jbw_caseload *cl);

/* The coupling period [*from, *to] and the coupling norm in werkdagen
 * used; any output may be NULL. Errors: JBW_EINVAL. */
JBW_API jbw_status jbw_caseload_period(jbw_date *from, jbw_date *to,
                                       int32_t *workdays,
                                       const jbw_caseload *cl);

/* The norm the result was computed under (a copy owned by the result;
 * NULL for NULL). */
JBW_API const jbw_norm *jbw_caseload_norm(const jbw_caseload *cl);

/* Totals of everything. Caller sets out->version.
 * Errors: JBW_EINVAL, JBW_EVERSION. */
JBW_API jbw_status jbw_caseload_totals_get(jbw_caseload_totals *out,
                                           const jbw_caseload *cl);

/* Number of organisations / regions in the registry (groups are listed
 * in registry order, also those with no measures). */
JBW_API size_t jbw_caseload_group_count(const jbw_caseload *cl,
                                        jbw_group group);

/* Totals of the index-th group; *key receives its registry key.
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_ERANGE. */
JBW_API jbw_status jbw_caseload_group_get(jbw_caseload_totals *out,
                                          const char **key,
                                          const jbw_caseload *cl,
                                          jbw_group group, size_t index);

/* Workers employed on the date, in snapshot order. */
JBW_API size_t jbw_caseload_worker_count(const jbw_caseload *cl);
JBW_API jbw_status jbw_caseload_worker_get(jbw_worker_load *out,
                                           const jbw_caseload *cl,
                                           size_t index);

/* Output. Free with jbw_free(). Errors: JBW_EINVAL, JBW_ENOMEM.
 * JSON: {"date", "norm": {...}, "totals": {...}, "by_organisation": [...],
 * "by_region": [...], "workers": [...]} with the keys of docs/norms.md. */
JBW_API jbw_status jbw_caseload_json(char **out, size_t *len,
                                     const jbw_caseload *cl);
/* CSV: one line per scope (total, organisation, region) with the totals. */
JBW_API jbw_status jbw_caseload_csv(char **out, size_t *len,
                                    const jbw_caseload *cl);
/* CSV of the per-worker table. */
JBW_API jbw_status jbw_caseload_workers_csv(char **out, size_t *len,
                                            const jbw_caseload *cl);
/* A plain-text report for people (tables, aligned). */
JBW_API jbw_status jbw_caseload_text(char **out, size_t *len,
                                     const jbw_caseload *cl);

/* ---- series of children without a fixed jeugdbeschermer --------------- */

typedef struct jbw_series jbw_series;

typedef struct jbw_series_point {
    unsigned int version;
    jbw_date date;
    size_t nieuw;
    size_t bestaand;
    size_t total;          /* nieuw + bestaand */
    double share_bestaand; /* bestaand / total; NaN when total is 0 */
    /* change since the previous point; 0 for the first */
    long long change_nieuw;
    long long change_bestaand;
    long long change_total;
} jbw_series_point;
#define JBW_SERIES_POINT_VERSION 1

/* Creates an empty series with a title ("Zuid-Holland Zuid"; may be
 * NULL). Errors: JBW_EINVAL, JBW_ENOMEM. */
JBW_API jbw_status jbw_series_new(jbw_series **out, const char *title);
JBW_API void jbw_series_free(jbw_series *series);

/* Adds a point; points are kept in date order. Errors: JBW_EINVAL,
 * JBW_ERANGE (date), JBW_EDUPLICATE (date already there), JBW_ENOMEM. */
JBW_API jbw_status jbw_series_add(jbw_series *series, jbw_date date,
                                  size_t nieuw, size_t bestaand);

/* Adds the point counted from a snapshot on `date`, optionally for one
 * organisation or region (NULL: all). Errors as jbw_series_add() and
 * jbw_snapshot_counts_get(). */
JBW_API jbw_status jbw_series_add_snapshot(jbw_series *series,
                                           const jbw_snapshot *snap,
                                           jbw_date date,
                                           const char *organisation,
                                           const char *region);

JBW_API const char *jbw_series_title(const jbw_series *series);
JBW_API size_t jbw_series_count(const jbw_series *series);
/* Errors: JBW_EINVAL, JBW_EVERSION, JBW_ERANGE. */
JBW_API jbw_status jbw_series_get(jbw_series_point *out,
                                  const jbw_series *series, size_t index);

/* Output: CSV (date,nieuw,bestaand,total,share_bestaand,change_...),
 * JSON {"title","points":[...]}, text table. Free with jbw_free(). */
JBW_API jbw_status jbw_series_csv(char **out, size_t *len,
                                  const jbw_series *series);
JBW_API jbw_status jbw_series_json(char **out, size_t *len,
                                   const jbw_series *series);
JBW_API jbw_status jbw_series_text(char **out, size_t *len,
                                   const jbw_series *series);

#ifdef __cplusplus
}
#endif

#endif /* JBW_CASELOAD_H */
