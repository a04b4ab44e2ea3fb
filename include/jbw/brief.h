/*
 * libjbw - charts and the council brief.
 *
 * Charts: each function writes one self-contained SVG document (no
 * scripts, no external fonts, images or links) with a <title> and a
 * <desc> that states the figures in words (the text alternative), axis
 * labels with their units, a legend, and fills that differ by pattern or
 * dash as well as by colour, so that a chart reads when printed in black
 * and white. Labels are Dutch by default, English on request. When
 * options->notice is set (for the embedded example: jbw_example_notice()),
 * the chart carries that line; in Dutch, the embedded example's notice
 * (and the published Zuid-Holland Zuid series' one) gets a second line
 * under it that says in Dutch what the fixed English line means.
 *
 * The brief: the factual part of a council information letter
 * (raadsinformatiebrief) made from a snapshot: headline figures with the
 * norm and its source, the waiting list nieuw/bestaand and its series, the
 * coupling norm, caseload per organisation and region, the forecast and
 * scenarios with bands and the staffing answers with their assumptions,
 * how the waiting list is prioritised, and the sources and definitions.
 * It holds aggregates only: no measure, child, family or worker id
 * appears in it. HTML is one self-contained file (inline CSS and SVG, no
 * script), Markdown has tables for pasting into a letter. docs/brief.md
 * says how each figure is computed.
 *
 * Small counts for publication (charts and brief): with
 * suppress_below = k > 0, a count from 1 to k - 1 is shown as "< k" and
 * drawn as no bar of its own (a stacked bar whose total is shown draws
 * the hidden rest of that total as a light segment); with round_to =
 * r > 1, every other count is shown rounded to the nearest multiple of r
 * (halves up), and totals are rounded, not summed from rounded parts; a
 * count from 1 to r - 1 is then shown as "< r" (when r > k), never as 0.
 * Zero stays 0. A forecast's start (month 0, the data's own counts) is
 * drawn the same way: rounded, or not at all when hidden (its areas or
 * line then begin at month 1). Percentages are
 * computed from the exact counts; when the count above or below the line
 * of a percentage is suppressed, the percentage is left out too.
 */
#ifndef JBW_BRIEF_H
#define JBW_BRIEF_H

#include "jbw/caseload.h"
#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/forecast.h"
#include "jbw/registry.h"
#include "jbw/snapshot.h"
#include "jbw/waitrisk.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- charts ------------------------------------------------------------ */

/* Largest suppress_below and round_to accepted. */
#define JBW_PUBLISH_MAX 1000u

typedef struct jbw_chart_options {
    unsigned int version;
    jbw_lang lang;               /* labels: JBW_LANG_NL (default) or EN */
    const char *title;           /* NULL: the chart's own title */
    const char *notice;          /* NULL: none; else a line on the chart */
    unsigned int suppress_below; /* 0: off; see the top of this file */
    unsigned int round_to;       /* 0 or 1: off */
    /* Names organisations and regions by their registry names (borrowed;
     * NULL: by their keys). */
    const jbw_registry *registry;
} jbw_chart_options;

#define JBW_CHART_OPTIONS_VERSION 1
#define JBW_CHART_OPTIONS_INIT                                                 \
    {                                                                          \
        JBW_CHART_OPTIONS_VERSION, JBW_LANG_NL, NULL, NULL, 0, 0, NULL         \
    }

/* Sets *opts to the defaults of `version`.
 * Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_chart_options_init(jbw_chart_options *opts,
                                          unsigned int version);

/*
 * Every chart function below writes a NUL-terminated SVG document into
 * *out (free with jbw_free()) and its length into *len (len may be NULL).
 * `opts` may be NULL (the defaults). Strings in the options are copied
 * into the output escaped. Nothing is written on error.
 * Common errors: JBW_EINVAL (NULL, a language out of range,
 * suppress_below or round_to above JBW_PUBLISH_MAX), JBW_EVERSION,
 * JBW_ENOMEM.
 */

/*
 * The waiting series: children without a fixed jeugdbeschermer on each
 * date of `series`, stacked bars of nieuw (solid) and bestaand (hatched)
 * placed on a true time axis, the total above each bar.
 * Additional error: JBW_EINVAL when the series has no points.
 */
JBW_API jbw_status jbw_chart_series_svg(char **out, size_t *len,
                                        const jbw_series *series,
                                        const jbw_chart_options *opts);

/*
 * Caseload against the norm per organisation or region (`group`): for
 * each group with workers or measures, the load of the workers as a
 * share of their capacity (solid bar), and the required FTE of all active
 * measures, waiting ones included, as a share of the effective FTE
 * (hatched bar), with the norm at 100% as a line.
 * Additional error: JBW_EINVAL (group out of range).
 */
JBW_API jbw_status jbw_chart_caseload_svg(char **out, size_t *len,
                                          const jbw_caseload *cl,
                                          jbw_group group,
                                          const jbw_chart_options *opts);

/*
 * The spread of load ratios over workers: how many workers carry a load
 * of 0-10%, 10-20%, ... of their capacity (the last bin: 150% or more),
 * with the bins under, at and over the norm told apart by fill. Workers
 * without capacity (fte > 0 but on a ramp of 0) are counted in the
 * description, not in a bin.
 */
JBW_API jbw_status jbw_chart_load_spread_svg(char **out, size_t *len,
                                             const jbw_caseload *cl,
                                             const jbw_chart_options *opts);

/*
 * The coupling norm per organisation or region: of the measures started
 * in the result's period whose werkdagen of the norm are over on its
 * date, the share whose first worker came within the norm (5 werkdagen
 * by default), as horizontal bars with "n of m" beside
 * them. Groups without starts are listed as such.
 * Additional error: JBW_EINVAL (group out of range).
 */
JBW_API jbw_status jbw_chart_coupling_svg(char **out, size_t *len,
                                          const jbw_caseload *cl,
                                          jbw_group group,
                                          const jbw_chart_options *opts);

/*
 * A forecast in two panels over the months: above, the waiting list as
 * stacked areas of nieuw (solid) and bestaand (hatched) with the total as
 * a thick line on top and, for a stochastic run, the p5-p95 band of the
 * total; below, capacity and load in the norm's units on an axis of their
 * own that spans their range (it need not start at 0, and says so), so
 * that the gap between them is readable.
 */
JBW_API jbw_status jbw_chart_forecast_svg(char **out, size_t *len,
                                          const jbw_forecast *fc,
                                          const jbw_chart_options *opts);

/*
 * Scenarios side by side: one panel per forecast (at most 8), all on the
 * same waiting-list axis, each with its name, the total waiting (mean)
 * with its p5-p95 band when stochastic, and the figure at the last month.
 * names[i] (borrowed) names forecasts[i]; NULL entries are named by
 * number. Additional error: JBW_EINVAL (count 0 or above 8, a NULL
 * forecast).
 */
JBW_API jbw_status jbw_chart_scenarios_svg(char **out, size_t *len,
                                           const jbw_forecast *const *forecasts,
                                           const char *const *names,
                                           size_t count,
                                           const jbw_chart_options *opts);

/*
 * The waiting list by waiting-risk band (acuut, hoog, midden, laag):
 * counts only, each bar split into nieuw (solid) and bestaand (hatched).
 */
JBW_API jbw_status jbw_chart_bands_svg(char **out, size_t *len,
                                       const jbw_triage *triage,
                                       const jbw_chart_options *opts);

/* ---- the brief --------------------------------------------------------- */

typedef enum jbw_brief_format {
    JBW_BRIEF_HTML = 0,
    JBW_BRIEF_MARKDOWN = 1
} jbw_brief_format;

/* Most scenarios a brief compares. */
#define JBW_BRIEF_SCENARIOS_MAX 8

typedef struct jbw_brief_options {
    unsigned int version;
    jbw_lang lang;                   /* JBW_LANG_NL (default) or JBW_LANG_EN */
    jbw_date date;                   /* reference date; NONE: the snapshot's */
    const char *title;               /* NULL: a default title */
    const char *notice;              /* on every page and chart; NULL: the
                                        snapshot's (jbw_snapshot_data_notice()) */
    const jbw_norm *norm;            /* NULL: the default norm */
    const jbw_waitrisk_model *model; /* NULL: the default model */
    const jbw_calendar *calendar;    /* NULL: the default calendar */
    /* The waiting series to show (e.g. jbw_example_series_zhz() or one
     * read from a history); NULL: the snapshot's own point on the date. */
    const jbw_series *series;
    /* Scope: one region or organisation (registry keys; NULL: all). The
     * title, key figures, waiting list, coupling, data quality, bands and
     * forecast are that part's; the tables per region and organisation stay the
     * whole data's, for comparison. With both: the region's brief, the forecast
     * of the organisation in the region (docs/brief.md). */
    const char *organisation;
    const char *region;
    /* Scenarios compared with the base (the snapshot's start state with
     * steady inflow); names[i] borrowed, NULL: "scenario i". */
    const jbw_scenario *const *scenarios;
    const char *const *scenario_names;
    size_t scenario_count; /* 0..JBW_BRIEF_SCENARIOS_MAX */
    int32_t months;        /* horizon; 0: each scenario's own (default 24) */
    size_t replicates;     /* stochastic replicates for the bands (default
                              200; 0: deterministic, no bands) */
    uint64_t seed;         /* default 1 */
    unsigned int suppress_below; /* small counts, see the top of the file */
    unsigned int round_to;
    double relief_target;  /* relief: waiting at most this (default 0) */
    int32_t relief_months; /* ... within this many months (default 12) */
    double queue_percent;  /* queue view: this % within the coupling norm
                              (default 90) */
} jbw_brief_options;

#define JBW_BRIEF_OPTIONS_VERSION 1
#define JBW_BRIEF_OPTIONS_INIT                                                 \
    {                                                                          \
        JBW_BRIEF_OPTIONS_VERSION, JBW_LANG_NL, JBW_DATE_NONE, NULL, NULL,     \
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 200, 1, 0,   \
            0, 0.0, 12, 90.0                                                   \
    }

/* Sets *opts to the defaults of `version`.
 * Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_brief_options_init(jbw_brief_options *opts,
                                          unsigned int version);

typedef struct jbw_brief jbw_brief;

/*
 * Computes a brief of `snap`: caseloads, triage, the base forecast and
 * every scenario, the staffing answers, and the charts. The brief copies
 * what it needs (it does not borrow the snapshot, the options or what
 * they point to). `opts` may be NULL (the defaults).
 * Errors: JBW_EINVAL (NULL snapshot, bad options: a language out of
 * range, scenario_count above JBW_BRIEF_SCENARIOS_MAX or scenarios NULL
 * with a count, months outside 0..600, replicates above 100,000,
 * relief_months outside 1..600, relief_target negative or NaN,
 * queue_percent not in (0, 100), publication limits above
 * JBW_PUBLISH_MAX), JBW_EVERSION, JBW_ERANGE (a date outside the data's
 * range), JBW_ENOTFOUND (organisation or region not in the registry),
 * JBW_ENOMEM, and the errors of the computations it runs. A staffing
 * answer the model cannot give (a target no hiring reaches) is stated in
 * the brief, not an error.
 */
JBW_API jbw_status jbw_brief_new(jbw_brief **out, const jbw_snapshot *snap,
                                 const jbw_brief_options *opts);

/* Frees a brief; NULL is accepted. */
JBW_API void jbw_brief_free(jbw_brief *brief);

/*
 * Writes the brief as HTML or Markdown into *out (free with jbw_free());
 * *len receives its length (len may be NULL).
 * Errors: JBW_EINVAL (NULL, unknown format), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_brief_write(char **out, size_t *len,
                                   const jbw_brief *brief,
                                   jbw_brief_format format);

/*
 * Writes the brief as Markdown with every chart as an image beside it:
 * chart i (0-based, as jbw_brief_chart() gives it) is linked as
 * "<image_prefix>-<i+1>.svg", a relative link (bytes other than letters,
 * digits, "-._~/" percent-encoded), placed above the chart's caption and
 * text alternative, which stay for readers that show no images. The
 * caller writes each chart's SVG document to that file; `jbw brief
 * --format md --out brief.md` writes brief-1.svg, brief-2.svg, ... in the
 * folder of brief.md. jbw_brief_write() with JBW_BRIEF_MARKDOWN gives the
 * text without images.
 * Errors: JBW_EINVAL (NULL, an empty prefix or one with a control
 * character), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_brief_write_markdown_images(char **out, size_t *len,
                                                   const jbw_brief *brief,
                                                   const char *image_prefix);

/* Number of charts in the brief; 0 for NULL. */
JBW_API size_t jbw_brief_chart_count(const jbw_brief *brief);

/*
 * The index-th chart: a stable short name ("series", "caseload_region",
 * ...) and its SVG document, both borrowed from the brief (valid while it
 * lives). Either output may be NULL.
 * Errors: JBW_EINVAL (NULL brief), JBW_ERANGE (index).
 */
JBW_API jbw_status jbw_brief_chart(const char **name, const char **svg,
                                   const jbw_brief *brief, size_t index);

#ifdef __cplusplus
}
#endif

#endif /* JBW_BRIEF_H */
