/*
 * libjbw - forecast and staffing: a monthly stock-flow model of the
 * waiting list of one organisation or region.
 *
 * State (per measure kind): active measures with a fixed worker
 * (assigned), waiting nieuw, waiting bestaand; and staff FTE by whole
 * months of tenure. Month 0 is the start state; each month t = 1..months
 * runs, in this order:
 *  1. exits: each measure (assigned or waiting) ends with probability
 *     1 / duration[kind] (a geometric duration with that mean, months);
 *  2. inflow: inflow[kind] x the product of the multipliers of every
 *     shock covering month t; new measures join waiting nieuw;
 *  3. turnover: staff leave at the monthly rate r = 1 - (1 - turnover)^(1/12);
 *     the caseload of the leavers (their FTE share of all FTE) joins
 *     waiting bestaand;
 *  4. tenure advances a month; hires join at tenure 0 (months
 *     1..hire_months);
 *  5. capacity = sum of fte x ramp(tenure) x caseload_per_fte (the
 *     norm's units); load = units_per_measure x sum of weight(kind) x
 *     assigned; free capacity = capacity - load takes waiting measures:
 *     emergency kinds first (emergency_first), then bestaand before nieuw
 *     (bestaand_first), each group pro rata over its kinds.
 * Stocks balance exactly: active(t) = active(t-1) + inflow(t) - exits(t).
 *
 * A deterministic run gives expected values (continuous). A stochastic
 * run draws R replicates with integer stocks (Poisson inflow, binomial
 * exits, leavers and orphaned caseload) from xoshiro256** streams seeded
 * per replicate by splitmix64, and reports the mean and the 5th, 50th and
 * 95th percentiles per month. The same seed gives the same figures on
 * every platform with IEEE 754 double arithmetic. docs/forecast.md has
 * the equations, the samplers and their accuracy, the assumptions and
 * limits (the model does not predict a real region), and which defaults
 * are illustrative.
 *
 * Staffing: jbw_forecast_relief() finds the smallest constant monthly
 * hiring that brings the waiting list to a target; jbw_queue_staffing()
 * treats caseload slots as the servers of an M/M/c queue (Erlang C).
 */
#ifndef JBW_FORECAST_H
#define JBW_FORECAST_H

#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/measure.h"
#include "jbw/snapshot.h"
#include "jbw/caseload.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Longest horizon in months (50 years). */
#define JBW_FORECAST_MONTHS_MAX 600
/* Most replicates of a stochastic run (memory is about 1 KB each). */
#define JBW_FORECAST_REPLICATES_MAX 100000
/*
 * Tenure slots of the staff arrays: slot m holds staff with m whole
 * months of tenure; the last slot (36) holds everyone at 36 months or
 * more. Fixed, so that the struct layout never changes.
 */
#define JBW_TENURE_SLOTS 37
/* A shock that applies to every kind. */
#define JBW_SHOCK_ALL_KINDS (-1)

/*
 * A shock: from month_from to month_to (inclusive, 1-based months of the
 * run) the inflow of `kind` (or of every kind, JBW_SHOCK_ALL_KINDS) is
 * multiplied by `multiplier` (>= 0; 1.5 is a 50% surge, 0.75 a 25% drop).
 * Shocks covering the same month multiply. Fixed layout, no version: a
 * record passed in arrays.
 */
typedef struct jbw_shock {
    int kind;           /* a jbw_kind, or JBW_SHOCK_ALL_KINDS */
    int32_t month_from; /* 1..JBW_FORECAST_MONTHS_MAX */
    int32_t month_to;   /* month_from..JBW_FORECAST_MONTHS_MAX */
    double multiplier;
} jbw_shock;

/*
 * A cohort of the hiring plan: `fte` FTE join at tenure 0 in month
 * `month` (1-based month of the run; months after the horizon are
 * ignored) with their own onboarding ramp: `onboarding_months` -1 (what
 * JBW_HIRE_INIT sets): the norm's ramp; 0..36: the cohort carries
 * `onboarding_fraction` (0..1) of a full caseload in its first
 * `onboarding_months` months of tenure and a full one after (0: full from
 * its first month). The ramp of a cohort never changes that of the staff
 * already in post or of other cohorts. From tenure 36 on a cohort counts
 * with the staff of 36 months or more (the norm's ramp at 36). Fixed
 * layout, no version: a record passed in arrays.
 */
typedef struct jbw_hire {
    int32_t month;              /* 1..JBW_FORECAST_MONTHS_MAX */
    double fte;                 /* 0..100,000 */
    int32_t onboarding_months;  /* -1 (the norm's ramp) or 0..36 */
    double onboarding_fraction; /* 0..1 */
} jbw_hire;

/* Most months of onboarding a cohort may have. */
#define JBW_HIRE_ONBOARDING_MAX 36
#define JBW_HIRE_INIT                                                          \
    {                                                                          \
        1, 0.0, -1, 1.0                                                        \
    }

/*
 * The model's parameters. Start from JBW_FORECAST_PARAMS_INIT or
 * jbw_forecast_params_init(); jbw_forecast_params_from_snapshot() fills
 * the start state from a snapshot and a scenario (jbw_scenario_apply())
 * sets the rest. Per-kind arrays are indexed by jbw_kind; slots from
 * JBW_KIND_COUNT on are ignored. Counts are measures, rates per month.
 *
 * The default durations are mean durations in months, each the average
 * stock of 2022 over the outflow of 2022 in measures (CBS, Jeugdbescherming
 * en jeugdreclassering 2022, tables 1.0.1 and 2.0.1; docs/forecast.md):
 * OTS 27.5, VOTS 3.1, voogdij 84.0, voorlopige and tijdelijke voogdij 10.6
 * (combined by CBS), JR toezicht en begeleiding gedwongen 15.4, vrijwillig
 * 3.3, ITB harde kern 7.4, ITB CRIEM 2.6; JR_STP 6, JR_GBM 12 and JR_VGBM 6
 * are illustrative (CBS publishes too few). The default annual turnover is
 * 0.2: nearly a fifth of the staff of the jeugdbescherming organisations
 * left in 2019 (Follow the Money and Pointer, 2021; docs/sources.md).
 */
typedef struct jbw_forecast_params {
    unsigned int version;
    int32_t months; /* horizon, 1..JBW_FORECAST_MONTHS_MAX (default 24) */
    jbw_date start; /* date of month 0, for labels; NONE: month numbers */
    /* start state, measures per kind (whole numbers for stochastic runs) */
    double assigned[JBW_KIND_SLOTS];
    double waiting_nieuw[JBW_KIND_SLOTS];
    double waiting_bestaand[JBW_KIND_SLOTS];
    /* FTE at month 0 by whole months of tenure (last slot: 36 or more) */
    double staff_fte[JBW_TENURE_SLOTS];
    double inflow[JBW_KIND_SLOTS];   /* new measures per month, >= 0 */
    double duration[JBW_KIND_SLOTS]; /* mean duration in months, >= 1 */
    double turnover;       /* share of FTE leaving per year, 0..1 (0.2 = 20%) */
    double hires_fte;      /* FTE hired per month, >= 0 */
    int32_t hire_months;   /* hiring in months 1..hire_months (0..600;
                              default JBW_FORECAST_MONTHS_MAX: every month) */
    int bestaand_first;    /* 1 (default): bestaand before nieuw; 0: after */
    int emergency_first;   /* 1 (default): VOTS and voorlopige voogdij first */
    double fte_per_worker; /* stochastic runs: workers leave whole; the
                              FTE of one worker, 0 < x <= 1.2 (default 1) */
    double units_per_measure; /* norm units per measure: 1 in unit measure;
                                 children / measures in unit child
                                 (default 1); 0 < x <= 10 */
    const jbw_shock *shocks;  /* borrowed; may be NULL when count is 0 */
    size_t shock_count;       /* at most 10,000 */
    /* finance (used when finance is 1) */
    int finance;
    double tariff[JBW_KIND_SLOTS]; /* revenue per measure-year, >= 0 */
    double staff_cost;             /* cost per FTE-year, >= 0 */
    double fixed_costs;            /* fixed costs per year, >= 0 */
    /* version 2 */
    double turnover_first_year; /* share of FTE in its first 12 months of
                                   tenure leaving per year, 0..1; -1
                                   (default): the same as turnover */
    double vots_to_ots;         /* share of ending VOTS that continue as an
                                   OTS on the same list (an assigned one
                                   with the same worker), 0..1 (default 0;
                                   an illustrative parameter) */
    double bestaand_share;      /* share of the free capacity (after the
                                   emergency tier) offered to bestaand, the
                                   rest to nieuw, what one list leaves
                                   going to the other; 0..1, or -1
                                   (default): bestaand_first decides */
    /* version 3 */
    const jbw_hire *hiring_plan; /* borrowed; may be NULL when count is 0;
                                    cohorts hired besides hires_fte, at
                                    most one a month */
    size_t hiring_plan_count;    /* at most JBW_FORECAST_MONTHS_MAX */
} jbw_forecast_params;

/* Version 2 appends turnover_first_year, vots_to_ots and bestaand_share;
 * version 3 the hiring plan (hiring_plan, hiring_plan_count). Every call
 * also takes a version 1 or 2 record (without the later fields: their
 * defaults) and writes only the fields of its version. */
#define JBW_FORECAST_PARAMS_VERSION 3
#define JBW_FORECAST_DEFAULT_DURATIONS                                         \
    {                                                                          \
        27.5, 3.1, 84.0, 10.6, 10.6, 15.4, 3.3, 7.4, 2.6, 6.0, 12.0, 6.0       \
    }
#define JBW_FORECAST_PARAMS_INIT                                               \
    {                                                                          \
        JBW_FORECAST_PARAMS_VERSION, 24, JBW_DATE_NONE, {0}, {0}, {0}, {0},    \
            {0}, JBW_FORECAST_DEFAULT_DURATIONS, 0.2, 0.0,                     \
            JBW_FORECAST_MONTHS_MAX, 1, 1, 1.0, 1.0, NULL, 0, 0, {0}, 0.0,     \
            0.0, -1.0, 0.0, -1.0, NULL, 0                                      \
    }

/* Sets *params to the defaults of `version`.
 * Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_forecast_params_init(jbw_forecast_params *params,
                                            unsigned int version);

/*
 * Checks every field of `params` (the run functions do the same) and
 * names the first bad one in the detail ("inflow[OTS] is -2: must be
 * >= 0"). `stochastic` non-zero also requires whole start counts.
 * Errors: JBW_EINVAL (NULL, NaN or infinite, negative rates, turnover
 * above 1, duration below 1 month, a bad shock, a bad cohort of the
 * hiring plan or two in one month, non-whole counts),
 * JBW_ERANGE (months outside 1..600, a start date outside the calendar
 * range), JBW_EVERSION.
 */
JBW_API jbw_status jbw_forecast_params_check(const jbw_forecast_params *params,
                                             int stochastic);

/*
 * Fills the start state of `params` from a snapshot on `date` (NONE: the
 * snapshot's reference date), optionally for one organisation and/or
 * region (NULL: all): assigned / waiting nieuw / waiting bestaand per
 * kind, staff FTE by tenure (workers employed on the date; a worker
 * without a region counts only when no region is given), start = date,
 * units_per_measure from the norm's unit (children or families per
 * active measure; 1 in unit measure; `norm` NULL: the default norm), and
 * inflow[kind] = active[kind] / duration[kind], the inflow that keeps
 * each stock level (an illustrative default: set the real inflow after).
 * Other fields keep their values. `params` must be initialised; it is
 * untouched on error. A date after the snapshot's reference date carries
 * that day's assignments forward as if nothing changed (as
 * jbw_caseload_compute()); on an earlier date, bestaand waits that ended
 * by the reference date are not seen (as jbw_triage_new()). A date
 * before every start and hire gives an empty start state.
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_ERANGE (date), JBW_ENOTFOUND
 * (organisation or region), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_forecast_params_from_snapshot(
    jbw_forecast_params *params, const jbw_snapshot *snap, const jbw_norm *norm,
    jbw_date date, const char *organisation, const char *region);

/* ---- scenarios ------------------------------------------------------- */

/*
 * A scenario: a parsed scenario file (key = value, docs/forecast.md) that
 * sets some parameters over a base, e.g.
 *   months = 24
 *   turnover = 20%
 *   hires_fte = 12.5
 *   hire_months = 6
 *   inflow.OTS = 40
 *   shock.vots_surge = VOTS 3 8 1.5
 *   hire.1 = 75 3 0.5
 * (a hiring plan: 75 FTE in month 1 carrying half a caseload in their
 * first 3 months). Opaque; owns its shocks and hiring plan.
 */
typedef struct jbw_scenario jbw_scenario;

/*
 * Parses a scenario file held in memory. `source` names it in messages
 * (NULL: "scenario"). Errors: JBW_EINVAL (NULL), JBW_EPARSE (malformed
 * line, unknown or repeated key, unknown kind, bad number, a value out of
 * its domain such as turnover above 100%; the detail names the source,
 * line, key and value), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_scenario_parse(jbw_scenario **out, const char *text,
                                      size_t len, const char *source);

/* As jbw_scenario_parse() from a file. Additional error: JBW_EIO. */
JBW_API jbw_status jbw_scenario_load(jbw_scenario **out, const char *path);

/*
 * Adds the shocks of a CSV text with the header month,kind,multiplier
 * (one month per row) or month_from,month_to,kind,multiplier, in any
 * column order, read by the rules of every libjbw CSV file (',' or ';',
 * quoting, BOM, decimal comma with ';'); kind is a code or ALL. All or
 * nothing: on error the scenario is unchanged.
 * Errors: JBW_EINVAL, JBW_EPARSE (naming source, line and column),
 * JBW_ENOMEM.
 */
JBW_API jbw_status jbw_scenario_add_shocks_csv(jbw_scenario *sc,
                                               const char *text, size_t len,
                                               const char *source);

/*
 * Adds a hiring plan from a CSV text with the header month,fte and
 * optionally onboarding_months and onboarding_fraction (any column
 * order; the CSV rules of jbw_scenario_add_shocks_csv()), one cohort a
 * row (jbw_hire): month 1..600, fte 0..100,000; onboarding_months empty
 * or absent: the norm's ramp; 0..36: the cohort carries
 * onboarding_fraction (0..1, required when onboarding_months > 0) of a
 * caseload in those months of tenure, then a full one. A month given
 * twice, here or on a `hire.MONTH` line of the scenario, is an error. All
 * or nothing: on error the scenario is unchanged.
 * Errors: JBW_EINVAL (NULL), JBW_EPARSE (naming source, line, column and
 * value), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_scenario_add_hiring_plan_csv(jbw_scenario *sc,
                                                    const char *text,
                                                    size_t len,
                                                    const char *source);

/* Frees a scenario; NULL is accepted. */
JBW_API void jbw_scenario_free(jbw_scenario *sc);

/* Number of shocks the scenario holds; 0 for NULL. */
JBW_API size_t jbw_scenario_shock_count(const jbw_scenario *sc);

/* Number of cohorts in the scenario's hiring plan; 0 for NULL. */
JBW_API size_t jbw_scenario_hire_count(const jbw_scenario *sc);

/*
 * 1 when the scenario sets any of the start state (an assigned.KIND,
 * waiting_nieuw.KIND, waiting_bestaand.KIND or staff.N key), else 0 (also
 * for NULL). Applied over a snapshot's state, such a scenario would mix
 * its own counts with the snapshot's for the kinds and tenure slots it
 * does not name; the `jbw` command therefore lays it over
 * jbw_forecast_params_init() instead (docs/forecast.md, "Scenario
 * files"). Since 0.2.
 */
JBW_API int jbw_scenario_sets_start_state(const jbw_scenario *sc);

/*
 * Writes every parameter the scenario sets into `params` (initialised by
 * the caller, e.g. from a snapshot) and leaves the others. When the
 * scenario has shocks, params->shocks points into the scenario (borrowed:
 * valid while `sc` lives) and replaces the base's shocks; the same for a
 * hiring plan (params->hiring_plan).
 * Errors: JBW_EINVAL (NULL), JBW_EVERSION (also: a hiring plan and a
 * params record before version 3); `params` is then untouched.
 */
JBW_API jbw_status jbw_scenario_apply(jbw_forecast_params *params,
                                      const jbw_scenario *sc);

/* ---- runs ------------------------------------------------------------ */

/*
 * A statistic of a month's quantity. A deterministic run has only
 * JBW_STAT_MEAN (its expected values). Percentiles are Hyndman and Fan's
 * type 7 (linear between order statistics, as R and numpy by default).
 */
typedef enum jbw_statistic {
    JBW_STAT_MEAN = 0,
    JBW_STAT_P5 = 1,
    JBW_STAT_P50 = 2,
    JBW_STAT_P95 = 3
} jbw_statistic;

/* "mean", "p5", "p50", "p95"; NULL when out of range. */
JBW_API const char *jbw_statistic_code(jbw_statistic stat);

/*
 * One month of a run. Stocks are at the end of the month (month 0: the
 * start state, with zero flows). Counts are measures; capacity, load and
 * free capacity are in the norm's units; money is per month in the
 * currency of the tariffs. Finance fields are NaN when finance is off;
 * coverage is NaN when fixed costs are 0.
 */
typedef struct jbw_forecast_month {
    unsigned int version;
    int32_t month;   /* 0..months */
    jbw_date date;   /* start + month months; NONE without a start */
    double assigned; /* active measures with a fixed worker */
    double waiting_nieuw;
    double waiting_bestaand;
    double waiting;  /* nieuw + bestaand */
    double active;   /* assigned + waiting */
    double inflow;   /* new measures this month */
    double exits;    /* measures ended this month */
    double orphaned; /* caseload of leavers, moved to bestaand */
    double intake;   /* waiting measures given a worker */
    double leavers_fte;
    double hires_fte;
    double fte;           /* staff FTE after leavers and hires */
    double effective_fte; /* sum of fte x ramp(tenure) */
    double capacity;      /* effective_fte x caseload_per_fte */
    double load;          /* after intake */
    double free_capacity; /* max(0, capacity - load) after intake */
    double revenue;       /* sum of tariff / 12 x active, per kind */
    double staff_cost;    /* staff_cost / 12 x fte */
    double fixed_costs;   /* fixed_costs / 12 */
    double margin;        /* revenue - staff_cost - fixed_costs */
    double coverage;      /* (revenue - staff_cost) / fixed_costs;
                             below 1: fixed costs not covered */
} jbw_forecast_month;

#define JBW_FORECAST_MONTH_VERSION 1

/*
 * Progress of a long run: `done` of `total` replicate-months. A non-zero
 * return stops the run with JBW_ECANCELED.
 */
typedef int (*jbw_progress_fn)(void *user, size_t done, size_t total);

/*
 * Called with every month of every replicate as it is computed (months
 * in order; within a month, replicates in order); a deterministic run
 * calls it once per month with replicate 0. `month` is borrowed for the
 * call. A non-zero return stops the run with JBW_ECANCELED. A run with
 * on_month set computes every replicate on the calling thread, in that
 * order, whatever `threads` says.
 */
typedef int (*jbw_replicate_fn)(void *user, size_t replicate,
                                const jbw_forecast_month *month);

/* Most threads a stochastic run uses. */
#define JBW_FORECAST_THREADS_MAX 256

/*
 * How to run.
 *
 * Version 2 appends `threads`: the replicates of a stochastic run are
 * split over that many threads, the calling thread being one of them.
 * 1 (the default, and what a version-1 record means): the calling thread
 * only; the library never starts a thread unless asked. 0: one thread
 * per online core. The figures are bit-identical to one thread for the
 * same seed: every replicate has its own stream and state, and the
 * statistics of a month are computed once all its replicates are done.
 * With more than one thread, `progress` is called by the calling thread
 * once per month (done = whole months x replicates), so a stop takes
 * effect at the end of a month; `on_month` forces one thread (see
 * jbw_replicate_fn). A thread that cannot be started leaves its share to
 * the calling thread. Deterministic runs use the calling thread only.
 */
typedef struct jbw_forecast_options {
    unsigned int version;
    size_t replicates;        /* 0 (default): deterministic; else 1..100,000 */
    uint64_t seed;            /* default 1 */
    jbw_progress_fn progress; /* NULL: none */
    void *progress_user;
    jbw_replicate_fn on_month; /* NULL: none */
    void *on_month_user;
    unsigned int threads; /* version 2: 1 (default) .. 256; 0: all cores */
} jbw_forecast_options;

#define JBW_FORECAST_OPTIONS_VERSION 2
#define JBW_FORECAST_OPTIONS_INIT                                              \
    {                                                                          \
        JBW_FORECAST_OPTIONS_VERSION, 0, 1, NULL, NULL, NULL, NULL, 1          \
    }

/*
 * Sets *opts to the defaults of `version` (1 or 2; a version-1 record
 * ends before `threads`, which is not written).
 * Errors: JBW_EINVAL (NULL), JBW_EVERSION.
 */
JBW_API jbw_status jbw_forecast_options_init(jbw_forecast_options *opts,
                                             unsigned int version);

/* The result of a run (opaque). */
typedef struct jbw_forecast jbw_forecast;

/*
 * Runs the model. `norm` gives caseload_per_fte, the kind weights and the
 * onboarding ramp (NULL: the default norm, FNV-GI 2023); tenure beyond 36
 * months uses ramp(36). `opts` NULL: deterministic. Free the result with
 * jbw_forecast_free(). Neither params nor norm (nor the shocks) are
 * referenced after the call.
 * Errors: JBW_EINVAL / JBW_ERANGE / JBW_EVERSION (bad params or options,
 * see jbw_forecast_params_check()), JBW_ECANCELED (a callback asked to
 * stop), JBW_ENOMEM. *out is untouched on error.
 */
JBW_API jbw_status jbw_forecast_run(jbw_forecast **out,
                                    const jbw_forecast_params *params,
                                    const jbw_norm *norm,
                                    const jbw_forecast_options *opts);

/* Frees a result; NULL is accepted. */
JBW_API void jbw_forecast_free(jbw_forecast *fc);

/* The horizon (months; the result holds months 0..months); 0 for NULL. */
JBW_API int32_t jbw_forecast_months(const jbw_forecast *fc);

/* Replicates of the run; 0 for a deterministic run or NULL. */
JBW_API size_t jbw_forecast_replicates(const jbw_forecast *fc);

/* The seed of a stochastic run; 0 otherwise and for NULL. */
JBW_API uint64_t jbw_forecast_seed(const jbw_forecast *fc);

/* 1 when the run computed finance, else 0 (also for NULL). */
JBW_API int jbw_forecast_has_finance(const jbw_forecast *fc);

/*
 * The staff assumptions the run was made with (its parameters'
 * `turnover`, `hires_fte` and `hire_months`), and its hiring plan within
 * the horizon: the sum of the cohorts' FTE (plan_fte) and their number
 * (plan_cohorts; 0 and 0.0 without a plan). The writers print them with
 * every forecast. Any output may be NULL.
 * Errors: JBW_EINVAL (fc NULL; the outputs are left untouched).
 */
JBW_API jbw_status jbw_forecast_assumptions(double *annual_turnover,
                                            double *hires_fte_per_month,
                                            int32_t *hire_months,
                                            double *plan_fte, int *plan_cohorts,
                                            const jbw_forecast *fc);

/*
 * The inflow the run assumed in `month` (0..months): the parameters'
 * new measures a month over every kind, with the shocks of that month
 * (jbw_shock), as expected, not drawn; 0 in month 0. A deterministic run's
 * `inflow` is this figure; a stochastic run's mean is near it. The
 * forecast chart's assumptions line gives its mean over months 1..months.
 * Errors: JBW_EINVAL (NULL), JBW_ERANGE (month outside 0..months).
 */
JBW_API jbw_status jbw_forecast_inflow_expected(double *out,
                                                const jbw_forecast *fc,
                                                int32_t month);

/*
 * Fills `out` (caller sets out->version) with statistic `stat` of month
 * `month` (0..months).
 * Errors: JBW_EINVAL (NULL, a percentile of a deterministic run, unknown
 * statistic), JBW_EVERSION, JBW_ERANGE (month).
 */
JBW_API jbw_status jbw_forecast_month_get(jbw_forecast_month *out,
                                          const jbw_forecast *fc, int32_t month,
                                          jbw_statistic stat);

/*
 * The active measures and the waiting list (nieuw + bestaand) of one kind
 * in month `month` (statistic `stat`, as jbw_forecast_month_get()); the
 * kinds add up to the month's active and waiting. Either output may be
 * NULL. Errors: JBW_EINVAL (NULL result, a percentile of a deterministic
 * run, unknown statistic), JBW_ERANGE (month or kind).
 */
JBW_API jbw_status jbw_forecast_kind_get(double *active, double *waiting,
                                         const jbw_forecast *fc, int32_t month,
                                         jbw_statistic stat, jbw_kind kind);

/*
 * Output, allocated by the library (free with jbw_free()); *len receives
 * the length (len may be NULL). Errors: JBW_EINVAL, JBW_ENOMEM.
 *  JSON: {"mode", "replicates", "seed", "months", "start", "finance",
 *         "statistics": [...], "mean": [month objects], "p5": [...], ...};
 *         every month object also has "by_kind": {"OTS": {"active",
 *         "waiting"}, ...} with every kind;
 *  CSV:  one line per statistic and month: statistic,month,date,
 *        followed by the fields of jbw_forecast_month;
 *  text: an aligned table for people (the mean, with p5-p95 of the
 *        waiting list when stochastic), in English; jbw_forecast_text_lang
 *        below writes it in Dutch or English.
 */
JBW_API jbw_status jbw_forecast_json(char **out, size_t *len,
                                     const jbw_forecast *fc);
JBW_API jbw_status jbw_forecast_csv(char **out, size_t *len,
                                    const jbw_forecast *fc);
JBW_API jbw_status jbw_forecast_text(char **out, size_t *len,
                                     const jbw_forecast *fc);
/*
 * The text table in `lang`: Dutch words ("Prognose", "wachtend",
 * "gekoppeld", "Aannames: personeelsverloop ...") and a decimal comma, or
 * English (the text of jbw_forecast_text). Free *out with jbw_free().
 * Errors: JBW_EINVAL (NULL, a language that is not JBW_LANG_NL or
 * JBW_LANG_EN), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_forecast_text_lang(char **out, size_t *len,
                                          const jbw_forecast *fc,
                                          jbw_lang lang);

/*
 * The data notice of a forecast: every writer above (text: first line;
 * JSON: a first key "data_notice"; CSV: a last column "data_notice"; SVG:
 * a line under the title) carries it. Set it from the snapshot the
 * parameters came from: jbw_forecast_set_data_notice(fc,
 * jbw_snapshot_data_notice(snap)). The text is copied; NULL clears it.
 * Errors: JBW_EINVAL (fc NULL), JBW_ENOMEM (fc unchanged).
 */
JBW_API jbw_status jbw_forecast_set_data_notice(jbw_forecast *fc,
                                                const char *notice);
/* The notice set, or NULL (none, or fc NULL). Borrowed from fc. */
JBW_API const char *jbw_forecast_data_notice(const jbw_forecast *fc);

/*
 * A self-contained SVG chart (no external resources): the forecast chart
 * of jbw/brief.h, jbw_chart_forecast_svg(), in English, with `title`
 * (NULL: the chart's own; escaped) and the forecast's data notice
 * (jbw_forecast_data_notice()): waiting nieuw and bestaand stacked with
 * the total, the p5-p95 band of the total when stochastic, the run's
 * assumptions under the title, and capacity and load below (norm units).
 * Free with jbw_free(). Errors: JBW_EINVAL, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_forecast_svg(char **out, size_t *len,
                                    const jbw_forecast *fc, const char *title);

/* ---- staffing -------------------------------------------------------- */

/* Largest monthly hiring jbw_forecast_relief() searches (FTE). */
#define JBW_RELIEF_MAX_HIRES 10000.0
/* Its resolution (FTE per month). */
#define JBW_RELIEF_STEP 0.001

/*
 * Relief staffing: the smallest constant monthly hiring h (a multiple of
 * JBW_RELIEF_STEP) such that the deterministic model with hires_fte = h
 * in months 1..within_months leaves at most `target_waiting` measures
 * waiting (nieuw + bestaand) at month `within_months`. The other
 * parameters (months and hires are replaced) come from `params`. Found by
 * bisection; with equal kind weights the answer is the smallest and does
 * not increase when the target rises (docs/forecast.md).
 * Errors: JBW_EINVAL (NULL, target NaN or negative, bad params),
 * JBW_ERANGE (within_months outside 1..600, or even
 * JBW_RELIEF_MAX_HIRES FTE a month does not reach the target), JBW_ENOMEM.
 * *hires_fte is untouched on error.
 */
JBW_API jbw_status jbw_forecast_relief(double *hires_fte,
                                       const jbw_forecast_params *params,
                                       const jbw_norm *norm,
                                       double target_waiting,
                                       int32_t within_months);

/*
 * Relief with a probability: the smallest constant monthly hiring h (a
 * multiple of JBW_RELIEF_STEP) such that in at least `probability` of
 * `replicates` stochastic replicates (seeded by `seed` as
 * jbw_forecast_run(): the same seed, the same answer) at most
 * `target_waiting` measures wait at month `within_months`. Every h is
 * tried on the same replicates (common random numbers). Found by
 * doubling and bisection as jbw_forecast_relief().
 * Errors: JBW_EINVAL (NULL, probability not in (0, 1), replicates not in
 * 1..JBW_FORECAST_REPLICATES_MAX, a bad target or params, non-whole start
 * counts), JBW_ERANGE (within_months, or not reachable with
 * JBW_RELIEF_MAX_HIRES), JBW_ENOMEM. *hires_fte is untouched on error.
 */
JBW_API jbw_status jbw_forecast_relief_probability(
    double *hires_fte, const jbw_forecast_params *params, const jbw_norm *norm,
    double target_waiting, int32_t within_months, double probability,
    size_t replicates, uint64_t seed);

/*
 * jbw_forecast_relief_probability() with the replicates, seed and (from
 * version 2) threads of `opts`: every candidate hiring's replicates are
 * split over that many threads (1, and what a version-1 record means: the
 * calling thread only; 0: one per online core). The answer is the same
 * for every number of threads: each replicate has its own stream and the
 * search counts whole replicates. The search calls no callback: progress
 * and on_month must be NULL.
 * Errors: those of jbw_forecast_relief_probability(), JBW_EINVAL (NULL
 * opts, a callback set, threads above JBW_FORECAST_THREADS_MAX),
 * JBW_EVERSION.
 */
JBW_API jbw_status jbw_forecast_relief_probability_opts(
    double *hires_fte, const jbw_forecast_params *params, const jbw_norm *norm,
    double target_waiting, int32_t within_months, double probability,
    const jbw_forecast_options *opts);

/*
 * Erlang C: the probability that an arrival waits in an M/M/c queue with
 * `servers` servers and offered load `offered_load` = arrival rate x mean
 * service time (erlangs), by the recursion of Erlang B (B(0) = 1,
 * B(k) = A B(k-1) / (k + A B(k-1))) and C = c B / (c - A (1 - B)); no
 * factorials, no overflow at any number of servers. When A >= c the queue
 * grows without bound and *p_wait is 1.
 * Errors: JBW_EINVAL (NULL, servers 0, A negative, NaN or infinite),
 * JBW_ERANGE (servers above 100,000,000).
 */
JBW_API jbw_status jbw_erlang_c(double *p_wait, size_t servers,
                                double offered_load);

/*
 * The queue view of a caseload: new measures arrive at
 * arrivals_per_workday, each holds a caseload slot for
 * mean_duration_workdays on average, one FTE provides slots_per_fte
 * slots (the norm's caseload per FTE over units_per_measure x weight).
 */
typedef struct jbw_queue_params {
    unsigned int version;
    double arrivals_per_workday;   /* > 0 */
    double mean_duration_workdays; /* > 0 */
    double within_workdays;        /* N, >= 0 (default 5: first contact) */
    double slots_per_fte;          /* > 0 (default 12) */
} jbw_queue_params;

#define JBW_QUEUE_PARAMS_VERSION 1
#define JBW_QUEUE_PARAMS_INIT                                                  \
    {                                                                          \
        JBW_QUEUE_PARAMS_VERSION, 1.0, 1.0, 5.0, 12.0                          \
    }

/* Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_queue_params_init(jbw_queue_params *q,
                                         unsigned int version);

/*
 * Fills a queue from forecast params: arrivals = sum of inflow /
 * workdays_per_month; mean duration = inflow-weighted mean duration x
 * workdays_per_month; slots_per_fte = caseload_per_fte / (units_per_measure
 * x inflow-weighted mean weight). `within_workdays` keeps its value.
 * `norm` NULL: the default. Errors: JBW_EINVAL (NULL, no inflow,
 * workdays_per_month not in (0, 31], bad params), JBW_EVERSION, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_queue_params_from_forecast(
    jbw_queue_params *q, const jbw_forecast_params *params,
    const jbw_norm *norm, double workdays_per_month);

/* The figures of one queue configuration. */
typedef struct jbw_queue_result {
    unsigned int version;
    size_t slots;              /* servers c */
    double fte;                /* slots / slots_per_fte */
    double offered_load;       /* A = arrivals x duration (erlangs) */
    double p_wait;             /* Erlang C: P(an arrival waits at all) */
    double share_within;       /* P(wait <= N werkdagen) =
                                  1 - C exp(-(c - A) N / duration) */
    double mean_wait_workdays; /* C x duration / (c - A); inf if A >= c */
} jbw_queue_result;

#define JBW_QUEUE_RESULT_VERSION 1

/*
 * The fewest slots (and so FTE) such that at least `percent` % of new
 * measures get a fixed worker within q->within_workdays werkdagen.
 * Caller sets out->version.
 * Errors: JBW_EINVAL (NULL, NaN, percent not in (0, 100), bad queue
 * params), JBW_EVERSION, JBW_ERANGE (more than 100,000,000 slots needed).
 */
JBW_API jbw_status jbw_queue_staffing(jbw_queue_result *out,
                                      const jbw_queue_params *q,
                                      double percent);

/*
 * The reverse: the share within q->within_workdays for `fte` FTE
 * (slots = floor(fte x slots_per_fte + 1e-9): whole slots, rounded down,
 * with a tolerance so that 5 x 12 is 60 and not 59).
 * Errors: JBW_EINVAL (NULL, NaN, fte negative), JBW_EVERSION, JBW_ERANGE
 * (more than 100,000,000 slots).
 */
JBW_API jbw_status jbw_queue_share(jbw_queue_result *out,
                                   const jbw_queue_params *q, double fte);

#ifdef __cplusplus
}
#endif

#endif /* JBW_FORECAST_H */
