/*
 * libjbw - calibration: the forecast's parameters estimated from a
 * snapshot's own records, using only what was known on a date D.
 *
 * The window is the N calendar months before D: the days
 * [D - N months, D). On D the records say:
 *  - a measure that starts after D does not exist yet; an end after D
 *    has not happened (the measure is still running on D); a first
 *    assignment after D has not happened;
 *  - a worker hired after D does not exist yet; a leaving date after D
 *    has not happened.
 * A measure is active on the days start <= d < end, a worker employed on
 * hired <= d < leaving. An exit (a leaver) counts in the window when its
 * last active (employed) day lies in the window: end in (W0, D].
 *
 * Per measure kind:
 *  - inflow_per_month = measures started in the window / N;
 *  - exits = measures that ended in the window;
 *  - exposure_months = the days each measure was active inside the
 *    window, summed, / (365.25 / 12);
 *  - mean_duration_months = exposure_months / exits: the maximum-
 *    likelihood estimate of an exponential mean from right-censored
 *    data (the measures still running on D, and those that ran before
 *    the window, contribute exposure without an exit). Its 95% interval
 *    is exp(ln(theta) -/+ 1.96 / sqrt(exits)) (the Wald interval of
 *    ln(theta), whose standard error is 1 / sqrt(exits));
 *  - stock = the measures active on D.
 * Staff: h = leavers' FTE in the window / FTE-years employed in the
 * window (FTE x days employed / 365.25), turnover_annual = 1 - exp(-h)
 * (the chance that an FTE leaves within a year, the forecast's own
 * meaning), interval from h exp(-/+ 1.96 / sqrt(leavers));
 * hires_fte_per_month = FTE hired in the window / N; the FTE on D.
 * Time to first assignment (werkdagen from start, the coupling norm's
 * count): a Kaplan-Meier estimate over the measures started in the
 * window, those not assigned by D (or ended unassigned) censored; the
 * median, the 90th percentile and the share within 5 werkdagen.
 *
 * Fewer than min_events exits (leavers, assignments) never give a silent
 * number: the kind's duration (the turnover) is then the forecast's
 * default and its basis says so (JBW_BASIS_DEFAULT_FEW_EVENTS).
 * docs/forecast.md has the estimators and a worked example of why
 * censoring matters.
 *
 * A backtest stands on a past date D0: it calibrates on the window
 * before D0, builds the start state of D0 from the same records, runs
 * the deterministic forecast for K months and compares each month with
 * what the records say happened on D0 + k months.
 */
#ifndef JBW_CALIBRATE_H
#define JBW_CALIBRATE_H

#include "jbw/brief.h"
#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/measure.h"
#include "jbw/snapshot.h"
#include "jbw/caseload.h"
#include "jbw/forecast.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Longest calibration window in months (50 years). */
#define JBW_CALIBRATE_WINDOW_MAX 600

/* How a calibrated figure was obtained. */
typedef enum jbw_basis {
    JBW_BASIS_ESTIMATED = 0,          /* from the records */
    JBW_BASIS_DEFAULT_FEW_EVENTS = 1, /* too few events: the default */
    JBW_BASIS_CLAMPED = 2             /* estimated below the model's minimum (a
                                         duration under 1 month): the minimum */
} jbw_basis;

/* "estimated", "default_few_events", "clamped"; NULL when out of range. */
JBW_API const char *jbw_basis_code(jbw_basis basis);

/* What to calibrate. */
typedef struct jbw_calibrate_options {
    unsigned int version;
    jbw_date date;            /* D; NONE: the snapshot's reference date */
    int32_t window_months;    /* N, 1..JBW_CALIBRATE_WINDOW_MAX (default 12) */
    const char *organisation; /* registry key; NULL: all */
    const char *region;       /* registry key; NULL: all */
    size_t min_events;        /* fewest events for an estimate (default 10;
                                 at least 1) */
    const jbw_calendar *calendar; /* werkdagen; NULL: the default calendar */
} jbw_calibrate_options;

#define JBW_CALIBRATE_OPTIONS_VERSION 1
#define JBW_CALIBRATE_OPTIONS_INIT                                             \
    {                                                                          \
        JBW_CALIBRATE_OPTIONS_VERSION, JBW_DATE_NONE, 12, NULL, NULL, 10, NULL \
    }

/* Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_calibrate_options_init(jbw_calibrate_options *opts,
                                              unsigned int version);

/* The result of a calibration (opaque). */
typedef struct jbw_calibration jbw_calibration;

/*
 * Calibrates on `snap` (see the top of this file). `opts` NULL: the
 * defaults. The snapshot is not referenced after the call.
 * Errors: JBW_EINVAL (NULL, min_events 0), JBW_EVERSION, JBW_ERANGE
 * (window_months outside 1..600; D after the snapshot's reference date:
 * the records cannot tell what happened after it; the window starting
 * before the first record, the earliest start or hiring date: the
 * records do not cover it; the detail names the dates), JBW_ENOTFOUND
 * (organisation or region not in the registry), JBW_ENOMEM.
 * *out is untouched on error.
 */
JBW_API jbw_status jbw_calibrate(jbw_calibration **out,
                                 const jbw_snapshot *snap,
                                 const jbw_calibrate_options *opts);

/* Frees a calibration; NULL is accepted. */
JBW_API void jbw_calibration_free(jbw_calibration *cal);

/* D, the window's first day, and N; JBW_DATE_NONE / 0 for NULL. */
JBW_API jbw_date jbw_calibration_date(const jbw_calibration *cal);
JBW_API jbw_date jbw_calibration_window_start(const jbw_calibration *cal);
JBW_API int32_t jbw_calibration_window_months(const jbw_calibration *cal);
/* The min_events the calibration used; 0 for NULL. */
JBW_API size_t jbw_calibration_min_events(const jbw_calibration *cal);
/*
 * The data notice of the snapshot the calibration was made from
 * (jbw_snapshot_data_notice: the embedded example says it is synthetic);
 * NULL for real data and for NULL. Every writer below carries it (text
 * and scenario: a first line; JSON: a first key "data_notice"; CSV: a
 * last column "data_notice"). Borrowed: a copy made when the calibration
 * was, valid while `cal` lives.
 */
JBW_API const char *jbw_calibration_data_notice(const jbw_calibration *cal);

/* The figures of one measure kind. */
typedef struct jbw_calibration_kind {
    unsigned int version;
    jbw_kind kind;
    size_t started;          /* measures started in the window */
    double inflow_per_month; /* started / N */
    size_t exits;            /* measures that ended in the window */
    double exposure_months;  /* active days in the window / (365.25 / 12) */
    double mle_months;       /* exposure / exits; NaN without exits */
    double low_months;       /* 95% interval of the MLE; NaN without exits */
    double high_months;
    double mean_duration_months; /* what the forecast gets: the MLE, or the
                                    default / minimum as `basis` says */
    jbw_basis basis;
    size_t stock; /* active on D */
} jbw_calibration_kind;

#define JBW_CALIBRATION_KIND_VERSION 1

/* Fills `out` (caller sets out->version) for `kind`.
 * Errors: JBW_EINVAL (NULL), JBW_EVERSION, JBW_ERANGE (unknown kind). */
JBW_API jbw_status jbw_calibration_kind_get(jbw_calibration_kind *out,
                                            const jbw_calibration *cal,
                                            jbw_kind kind);

/*
 * The note beside the figures of `kind`, as the text and JSON writers show
 * it, or NULL when there is none (a plain estimate): for basis
 * DEFAULT_FEW_EVENTS "2 exits in the window, fewer than 10: the default",
 * for CLAMPED "estimate below 1 month: the model's minimum of 1"; for an
 * ESTIMATED mean duration over 10 times the window, "unreliable: over 10x
 * the window, an extrapolation from 61 exits against a stock of 2358" (the
 * records saw few measures end against the stock; jbw_calibration_apply()
 * and the scenario file leave it out, while the kind's figures and
 * mean_duration_months still give it). So a note on an ESTIMATED kind always
 * means that its estimate is unreliable. English text, owned by `cal` (valid
 * until jbw_calibration_free()); NULL also for a NULL `cal` or an unknown kind.
 * Since 0.2.
 */
JBW_API const char *jbw_calibration_kind_note(const jbw_calibration *cal,
                                              jbw_kind kind);

/* The staff figures. */
typedef struct jbw_calibration_staff {
    unsigned int version;
    double fte;       /* employed on D */
    size_t workers;   /* employed on D */
    double fte_years; /* FTE x years employed in the window */
    size_t leavers;   /* workers whose last day lies in the window */
    double leavers_fte;
    size_t hires; /* workers hired in the window */
    double hires_fte;
    double hires_fte_per_month; /* hires_fte / N */
    double hazard_annual;       /* h = leavers_fte / fte_years; NaN without
                                   FTE-years */
    double mle_turnover;        /* 1 - exp(-h); NaN without leavers */
    double low_turnover;        /* 95% interval; NaN without leavers */
    double high_turnover;
    double turnover_annual; /* what the forecast gets: the estimate, or the
                               default when `basis` says so */
    jbw_basis basis;
} jbw_calibration_staff;

#define JBW_CALIBRATION_STAFF_VERSION 1

/* Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_calibration_staff_get(jbw_calibration_staff *out,
                                             const jbw_calibration *cal);

/*
 * The note beside the turnover, as the writers show it, or NULL for an
 * estimate (and for a NULL `cal`): "8 leavers in the window, fewer than
 * 10: the default". English text owned by `cal`. Since 0.2.
 */
JBW_API const char *jbw_calibration_staff_note(const jbw_calibration *cal);

/* The time from start to first assignment, in werkdagen. */
typedef struct jbw_calibration_assignment {
    unsigned int version;
    size_t measures;        /* started in the window */
    size_t assigned;        /* of which assigned by D: the events */
    size_t censored;        /* not assigned by D, or ended unassigned */
    size_t unknown;         /* a worker but no first-assignment date: left
                               out of the estimate */
    double median_workdays; /* Kaplan-Meier; NaN when S never falls to 0.5
                               or basis is DEFAULT_FEW_EVENTS */
    double p90_workdays;    /* S falls to 0.1; NaN as above */
    double share_within_5;  /* 1 - S(5); NaN when basis is DEFAULT_FEW_EVENTS */
    jbw_basis basis;        /* DEFAULT_FEW_EVENTS: fewer than min_events
                               assignments, no figures (there is no default) */
} jbw_calibration_assignment;

#define JBW_CALIBRATION_ASSIGNMENT_VERSION 1

/* Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_calibration_assignment_get(
    jbw_calibration_assignment *out, const jbw_calibration *cal);

/*
 * Writes the calibrated inflow and mean duration of every kind, the
 * turnover and the monthly hiring (hires_fte) into `params` and leaves
 * the rest (start state, months, hire_months). A kind whose estimated
 * duration is unreliable (over 10 times the window; its note says so,
 * see jbw_calibration_kind_note()) keeps the duration `params` has: an
 * extrapolation from few exits is not forecast on.
 * Errors: JBW_EINVAL (NULL), JBW_EVERSION; `params` is then untouched.
 */
JBW_API jbw_status jbw_calibration_apply(jbw_forecast_params *params,
                                         const jbw_calibration *cal);

/*
 * Output, allocated by the library (free with jbw_free()); *len receives
 * the length (len may be NULL). Errors: JBW_EINVAL, JBW_ENOMEM.
 *  JSON: {"date", "window": {"from", "to", "months"}, "min_events",
 *         "kinds": [{"kind", "started", "inflow_per_month", "exits",
 *         "exposure_months", "mle_months", "low_months", "high_months",
 *         "mean_duration_months", "basis", "stock", "note"}],
 *         "staff": {"fte", "workers", "fte_years", "leavers",
 *         "leavers_fte", "hires", "hires_fte", "hires_fte_per_month",
 *         "hazard_annual", "mle_turnover", "low_turnover", "high_turnover",
 *         "turnover_annual", "basis", "note"},
 *         "assignment": {"measures", "assigned", "censored",
 *         "median_workdays", "p90_workdays", "share_within_5", "basis"}}
 *         (NaN as null; "note" null for an estimate);
 *  CSV:   one row per kind and one for staff: section,key,started,
 *         inflow_per_month,exits,exposure_months,mle_months,low_months,
 *         high_months,value,basis,stock,note (staff: key "staff", value
 *         the turnover, exits the leavers, started the hires; note as in
 *         the JSON, empty for a plain estimate);
 *  text:  tables for people, with a note beside every default;
 *  scenario: a scenario file (jbw_scenario_parse()) setting inflow.KIND,
 *         duration.KIND, turnover and hires_fte, each value preceded by a
 *         comment giving its basis (the counts and the window); the
 *         duration of a kind whose estimate is unreliable is written as a
 *         comment only, so that the forecast's own duration stands.
 */
JBW_API jbw_status jbw_calibration_json(char **out, size_t *len,
                                        const jbw_calibration *cal);
JBW_API jbw_status jbw_calibration_csv(char **out, size_t *len,
                                       const jbw_calibration *cal);
JBW_API jbw_status jbw_calibration_text(char **out, size_t *len,
                                        const jbw_calibration *cal);
JBW_API jbw_status jbw_calibration_scenario(char **out, size_t *len,
                                            const jbw_calibration *cal);

/* ---- backtest -------------------------------------------------------- */

/* Longest backtest horizon in months. */
#define JBW_BACKTEST_MONTHS_MAX 600
/* An export counts as the actual figures of month k when its reference
 * date lies within this many days of D0 + k months (history backtests). */
#define JBW_BACKTEST_MATCH_DAYS 15

/* What to backtest. */
typedef struct jbw_backtest_options {
    unsigned int version;
    jbw_date from;            /* D0: required */
    int32_t months;           /* K, 1..JBW_BACKTEST_MONTHS_MAX (default 12) */
    int32_t window_months;    /* calibration window before D0 (default 12) */
    const char *organisation; /* registry key; NULL: all */
    const char *region;       /* registry key; NULL: all */
    size_t min_events;        /* as in jbw_calibrate_options (default 10) */
    const jbw_norm *norm;     /* NULL: the default norm */
    const jbw_calendar *calendar; /* NULL: the default calendar */
} jbw_backtest_options;

#define JBW_BACKTEST_OPTIONS_VERSION 1
#define JBW_BACKTEST_OPTIONS_INIT                                              \
    {                                                                          \
        JBW_BACKTEST_OPTIONS_VERSION, JBW_DATE_NONE, 12, 12, NULL, NULL, 10,   \
            NULL, NULL                                                         \
    }

/* Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_backtest_options_init(jbw_backtest_options *opts,
                                             unsigned int version);

/* The result of a backtest (opaque). */
typedef struct jbw_backtest jbw_backtest;

/*
 * Backtests on one export: stands on D0 = opts->from, calibrates on the
 * window before D0 (jbw_calibrate() with date D0), builds the start state
 * of D0 from the records (measures active on D0; waiting nieuw = active
 * with no first assignment on or before D0; every other active measure
 * counts as assigned, because one export cannot tell who waited as
 * bestaand on a past date; staff employed on D0 by tenure), runs the
 * deterministic forecast for K months from D0 and compares month k with
 * the records on D0 + k months: active measures and waiting nieuw.
 * Errors: JBW_EINVAL (NULL, D0 not given, min_events 0), JBW_EVERSION,
 * JBW_ERANGE (K outside 1..600; D0 + K months after the snapshot's
 * reference date: the records do not say what happened then; a window
 * before the first record), JBW_ENOTFOUND (organisation or region),
 * JBW_ENOMEM. *out is untouched on error.
 */
JBW_API jbw_status jbw_backtest_run(jbw_backtest **out,
                                    const jbw_snapshot *snap,
                                    const jbw_backtest_options *opts);

/*
 * Backtests on a history of exports (`count` snapshots, one per reference
 * date, in any order): the export dated D0 gives the calibration and the
 * start state with waiting bestaand as it stood; month k is compared with
 * the export whose reference date lies nearest to D0 + k months within
 * JBW_BACKTEST_MATCH_DAYS days (none: the actual figures are NaN), on
 * active measures, waiting nieuw, waiting bestaand and the whole waiting
 * list. The snapshots are not referenced after the call.
 * Errors as jbw_backtest_run(); JBW_EINVAL also for count 0 or a NULL
 * snapshot, JBW_EDUPLICATE for two exports with the same date,
 * JBW_ERANGE also when no export is dated D0 or D0 is the last date.
 */
JBW_API jbw_status jbw_backtest_run_history(jbw_backtest **out,
                                            const jbw_snapshot *const *snaps,
                                            size_t count,
                                            const jbw_backtest_options *opts);

/* Frees a backtest; NULL is accepted. */
JBW_API void jbw_backtest_free(jbw_backtest *bt);

/* D0; JBW_DATE_NONE for NULL. */
JBW_API jbw_date jbw_backtest_from(const jbw_backtest *bt);
/* K; 0 for NULL. */
JBW_API int32_t jbw_backtest_months(const jbw_backtest *bt);
/* 1 for a history backtest (bestaand compared), 0 otherwise or NULL. */
JBW_API int jbw_backtest_is_history(const jbw_backtest *bt);
/*
 * The data notice of the export (or of any export of the history) the
 * backtest was made from (jbw_snapshot_data_notice); NULL for real data
 * and for NULL. Every writer below carries it (text: a first line; JSON:
 * a first key "data_notice"; CSV: a last column "data_notice"; SVG: a
 * line under the title). Borrowed: a copy made when the backtest was,
 * valid while `bt` lives.
 */
JBW_API const char *jbw_backtest_data_notice(const jbw_backtest *bt);
/* The calibration the forecast used (borrowed, valid while `bt` lives);
 * NULL for NULL. */
JBW_API const jbw_calibration *jbw_backtest_calibration(const jbw_backtest *bt);

/* One month of a backtest: the forecast against what the records say.
 * Actual figures are NaN where the records do not say (bestaand from one
 * export; a month without an export in a history). */
typedef struct jbw_backtest_month {
    unsigned int version;
    int32_t month;        /* 0..K (0: the start state) */
    jbw_date date;        /* D0 + month months */
    jbw_date actual_date; /* the date the actual figures are counted on:
                             `date`, or the matched export's; NONE if none */
    double forecast_active;
    double actual_active;
    double forecast_waiting_nieuw;
    double actual_waiting_nieuw;
    double forecast_waiting_bestaand;
    double actual_waiting_bestaand;
    double forecast_waiting; /* nieuw + bestaand */
    double actual_waiting;
} jbw_backtest_month;

#define JBW_BACKTEST_MONTH_VERSION 1

/* Errors: JBW_EINVAL (NULL), JBW_EVERSION, JBW_ERANGE (month). */
JBW_API jbw_status jbw_backtest_month_get(jbw_backtest_month *out,
                                          const jbw_backtest *bt,
                                          int32_t month);

/* The error over months 1..K: the mean absolute percentage error,
 * 100 x mean |forecast - actual| / actual over the months whose actual
 * figure is known and above 0 (NaN when there is none). */
typedef struct jbw_backtest_summary {
    unsigned int version;
    double mape_active;
    double mape_waiting_nieuw;
    double mape_waiting_bestaand; /* NaN for one export */
    double mape_waiting;          /* NaN for one export */
    size_t months_compared;       /* months with actual active figures */
} jbw_backtest_summary;

#define JBW_BACKTEST_SUMMARY_VERSION 1

/* Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_backtest_summary_get(jbw_backtest_summary *out,
                                            const jbw_backtest *bt);

/*
 * Output (free with jbw_free()); Errors: JBW_EINVAL, JBW_ENOMEM.
 *  JSON: {"from", "months_ahead", "window_months", "history",
 *         "months": [{"month", "date", "actual_date", "forecast_active",
 *         "actual_active", "forecast_waiting_nieuw", "actual_waiting_nieuw",
 *         "forecast_waiting_bestaand", "actual_waiting_bestaand",
 *         "forecast_waiting", "actual_waiting"}], "mape_active",
 *         "mape_waiting_nieuw", "mape_waiting_bestaand", "mape_waiting",
 *         "note"} (NaN as null);
 *  CSV:  one row per month with the fields of jbw_backtest_month;
 *  text: a table and the errors, with what could not be compared;
 *  SVG:  jbw_chart_backtest_svg() in English, with `title` (NULL: the
 *        chart's own; escaped).
 */
JBW_API jbw_status jbw_backtest_json(char **out, size_t *len,
                                     const jbw_backtest *bt);
JBW_API jbw_status jbw_backtest_csv(char **out, size_t *len,
                                    const jbw_backtest *bt);
JBW_API jbw_status jbw_backtest_text(char **out, size_t *len,
                                     const jbw_backtest *bt);
JBW_API jbw_status jbw_backtest_svg(char **out, size_t *len,
                                    const jbw_backtest *bt, const char *title);

/*
 * The backtest as a chart in the style of the charts of jbw/brief.h, in
 * the language of `opts` (NULL: the defaults, Dutch): forecast (dashed)
 * against actual (solid) in two plots over the months, above the active
 * measures (on the range of both lines; the axis need not start at 0, and
 * says so), below waiting nieuw (from one export) or the whole waiting
 * list (from a history of exports); the mean absolute percentage errors
 * on a line under the title; the text alternative gives the figures at
 * the start and after the last month. The backtest's own data notice
 * (jbw_backtest_data_notice()) is shown instead of the options' notice.
 * Writes a NUL-terminated SVG document into *out (free with jbw_free())
 * and its length into *len (len may be NULL); nothing on error.
 * The options' suppress_below and round_to are checked as for every chart
 * but not applied: a backtest compares the model with the records for an
 * analyst, and is no figure for publication (the brief has none).
 * Errors: JBW_EINVAL (out or bt NULL, a language out of range,
 * suppress_below or round_to above JBW_PUBLISH_MAX), JBW_EVERSION (opts),
 * JBW_ENOMEM.
 */
JBW_API jbw_status jbw_chart_backtest_svg(char **out, size_t *len,
                                          const jbw_backtest *bt,
                                          const jbw_chart_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* JBW_CALIBRATE_H */
