/*
 * Staffing questions, one library call each, with their own writers:
 *
 *   relief  - how many FTE to hire every month to bring the waiting list
 *             to a target within T months (jbw_staffing_relief);
 *   queue   - how many FTE for P % of new measures to get a fixed worker
 *             within N werkdagen, and the share reached with the staff of
 *             today (jbw_staffing_queue, Erlang C).
 *
 * Both start from forecast parameters (jbw_forecast_params_from_snapshot
 * and a scenario). The answers are plain records; the writers turn them
 * into text (Dutch or English), CSV or JSON, and carry a data notice (the
 * statement that the data is synthetic) when the options give one.
 */
#ifndef JBW_STAFFING_H
#define JBW_STAFFING_H

#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/forecast.h"
#include "jbw/waitrisk.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Options of the staffing writers. data_notice: NULL for none, else a
 * line every output carries (text: the first line; CSV: a last column
 * "data_notice" on every row, so the file stays plain CSV; JSON: a first
 * key "data_notice"). For output made from the embedded example, pass
 * jbw_example_notice().
 */
typedef struct jbw_output_options {
    unsigned int version;
    jbw_lang lang;           /* text: JBW_LANG_NL (default) or JBW_LANG_EN */
    const char *data_notice; /* borrowed; NULL: none */
} jbw_output_options;

#define JBW_OUTPUT_OPTIONS_VERSION 1
#define JBW_OUTPUT_OPTIONS_INIT                                                \
    {                                                                          \
        JBW_OUTPUT_OPTIONS_VERSION, JBW_LANG_NL, NULL                          \
    }

/* Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_output_options_init(jbw_output_options *opts,
                                           unsigned int version);

/*
 * The average number of werkdagen per month in `year` under `cal` (NULL:
 * the default CAO Jeugdzorg calendar): the werkdagen of the year / 12.
 * (2025 has 261 weekdays less 7 holidays on weekdays, 254 werkdagen:
 * 21.1667 a month.) Errors: JBW_EINVAL (NULL out), JBW_ERANGE (year not in
 * JBW_YEAR_MIN..JBW_YEAR_MAX - 1), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_workdays_per_month(double *out, const jbw_calendar *cal,
                                          int year);

/*
 * The effective FTE of month 0 of `params` under `norm` (NULL: the
 * default): the staff by tenure weighted with the norm's onboarding ramp,
 * as a forecast's month 0 reports it. Errors: JBW_EINVAL (NULL, bad
 * params), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_forecast_params_effective_fte(
    double *out, const jbw_forecast_params *params, const jbw_norm *norm);

/* The answer to the relief question. */
typedef struct jbw_relief_answer {
    unsigned int version;
    double target_waiting;      /* measures waiting at most */
    int32_t within_months;      /* at month T */
    double hires_fte_per_month; /* jbw_forecast_relief */
    double total_hires_fte;     /* hires_fte_per_month x within_months */
    double annual_turnover;     /* params->turnover (a fraction) */
    /* version 2 */
    double probability; /* the share of replicates that meet the target;
                           0: the deterministic answer */
    size_t replicates;  /* of a probability answer; else 0 */
    uint64_t seed;      /* of a probability answer; else 0 */
} jbw_relief_answer;

/* Version 2 appends probability, replicates and seed; the calls and the
 * writers take version 1 records too. */
#define JBW_RELIEF_ANSWER_VERSION 2

/*
 * Relief: jbw_forecast_relief for `params` and `norm` (NULL: default),
 * with the totals. Caller sets out->version. Errors: those of
 * jbw_forecast_relief, JBW_EVERSION.
 */
JBW_API jbw_status jbw_staffing_relief(jbw_relief_answer *out,
                                       const jbw_forecast_params *params,
                                       const jbw_norm *norm,
                                       double target_waiting,
                                       int32_t within_months);

/*
 * Relief with a probability: jbw_forecast_relief_probability() with the
 * totals; the answer (version 2) records the probability, replicates and
 * seed, and the writers say so. Errors: those of
 * jbw_forecast_relief_probability, JBW_EVERSION (out->version not 2).
 */
JBW_API jbw_status jbw_staffing_relief_probability(
    jbw_relief_answer *out, const jbw_forecast_params *params,
    const jbw_norm *norm, double target_waiting, int32_t within_months,
    double probability, size_t replicates, uint64_t seed);

/*
 * As jbw_staffing_relief_probability(), with the replicates, seed and
 * threads of `opts` (jbw_forecast_relief_probability_opts(): the same
 * answer on any number of threads). Errors: those of
 * jbw_forecast_relief_probability_opts, JBW_EVERSION (out->version not 2).
 */
JBW_API jbw_status jbw_staffing_relief_probability_opts(
    jbw_relief_answer *out, const jbw_forecast_params *params,
    const jbw_norm *norm, double target_waiting, int32_t within_months,
    double probability, const jbw_forecast_options *opts);

/* The answer to the queue question. */
typedef struct jbw_queue_answer {
    unsigned int version;
    double percent;               /* the share asked for, in % */
    double workdays_per_month;    /* in the year of params->start */
    jbw_queue_params queue;       /* from the params (within_workdays set) */
    jbw_queue_result needed;      /* fewest slots reaching `percent` */
    double current_effective_fte; /* month 0 of the params */
    jbw_queue_result current;     /* the share with current_effective_fte */
    int current_stable;           /* 1: current slots exceed the offered
                                     load; 0: the queue grows without bound
                                     and the long-run share within is 0 */
} jbw_queue_answer;

#define JBW_QUEUE_ANSWER_VERSION 1

/*
 * Queue: werkdagen per month in the year of params->start under `cal`
 * (NULL: default), the queue from the params (jbw_queue_params_from_forecast),
 * the FTE needed for `percent` % within `within_workdays` werkdagen
 * (jbw_queue_staffing), and the share with the effective FTE of month 0
 * (jbw_queue_share). Caller sets out->version.
 * Errors: JBW_EINVAL (NULL, params->start JBW_DATE_NONE, within_workdays
 * negative or NaN, percent not in (0, 100), no inflow), JBW_EVERSION,
 * JBW_ERANGE, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_staffing_queue(jbw_queue_answer *out,
                                      const jbw_forecast_params *params,
                                      const jbw_norm *norm,
                                      const jbw_calendar *cal,
                                      double within_workdays, double percent);

/*
 * Writers of the answers. *out is allocated with the library's allocator
 * (free with jbw_free), NUL-terminated; *len its length. `opts` NULL: the
 * defaults (Dutch text, no notice). Text uses a decimal comma in Dutch.
 * The queue text says in one line why the share with today's staff can be
 * 0 % while the caseload report's koppeling share is higher (an unstable
 * queue). A relief answer with a probability (version 2) gives it with
 * its replicates and seed in every form: a sentence, the JSON keys
 * probability, replicates and seed, and three CSV columns of those names
 * before data_notice. Errors: JBW_EINVAL (NULL), JBW_EVERSION (record or
 * options), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_relief_answer_text(char **out, size_t *len,
                                          const jbw_relief_answer *answer,
                                          const jbw_output_options *opts);
JBW_API jbw_status jbw_relief_answer_csv(char **out, size_t *len,
                                         const jbw_relief_answer *answer,
                                         const jbw_output_options *opts);
JBW_API jbw_status jbw_relief_answer_json(char **out, size_t *len,
                                          const jbw_relief_answer *answer,
                                          const jbw_output_options *opts);
JBW_API jbw_status jbw_queue_answer_text(char **out, size_t *len,
                                         const jbw_queue_answer *answer,
                                         const jbw_output_options *opts);
JBW_API jbw_status jbw_queue_answer_csv(char **out, size_t *len,
                                        const jbw_queue_answer *answer,
                                        const jbw_output_options *opts);
JBW_API jbw_status jbw_queue_answer_json(char **out, size_t *len,
                                         const jbw_queue_answer *answer,
                                         const jbw_output_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* JBW_STAFFING_H */
