/*
 * jbw forecast and jbw staffing: the start state comes from the snapshot
 * (embedded example or given files), a scenario file sets the rest.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The largest hiring-plan file read (600 months of a few fields). */
#define HIRING_PLAN_MAX_BYTES (1 << 20)

/* Adds the --hiring-plan CSV to the scenario (1 on error, said). */
static int add_hiring_plan(jbw_scenario *sc, const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text;
    size_t len;
    int rc = 1;
    if (!f) {
        fprintf(stderr, "jbw: --hiring-plan %s: %s\n", path, strerror(errno));
        return 1;
    }
    text = malloc(HIRING_PLAN_MAX_BYTES + 1);
    if (!text) {
        fclose(f);
        fprintf(stderr, "jbw: out of memory\n");
        return 1;
    }
    len = fread(text, 1, HIRING_PLAN_MAX_BYTES + 1, f);
    if (ferror(f))
        fprintf(stderr, "jbw: --hiring-plan %s: %s\n", path, strerror(errno));
    else if (len > HIRING_PLAN_MAX_BYTES)
        fprintf(stderr,
                "jbw: --hiring-plan %s: larger than %d bytes: not a hiring "
                "plan\n",
                path, HIRING_PLAN_MAX_BYTES);
    else
        rc = jbw_cli_check(
            jbw_scenario_add_hiring_plan_csv(sc, text, len, path));
    free(text);
    fclose(f);
    return rc;
}

/* Says on stderr which start state the scenario was laid on, so that a
 * scenario's figures are never read as the data's or mixed with them
 * unnoticed. */
static void say_base(const jbw_cli *cli, const jbw_snapshot *snap,
                     const jbw_forecast_params *params, int own_state)
{
    char date[16] = "", start[16] = "", scope[160];
    jbw_date d = cli->date != JBW_DATE_NONE ? cli->date
                                            : jbw_snapshot_reference_date(snap);
    if (own_state) {
        fprintf(stderr,
                "jbw: start state from %s, which sets assigned, waiting or "
                "staff counts: every key it does not set has the library's "
                "default (no measures, no staff, no inflow), not the "
                "data's\n",
                cli->scenario);
        return;
    }
    if (cli->organisation && cli->region)
        snprintf(scope, sizeof scope, "organisation %s, region %s",
                 cli->organisation, cli->region);
    else if (cli->organisation || cli->region)
        snprintf(scope, sizeof scope, "%s %s",
                 cli->organisation ? "organisation" : "region",
                 cli->organisation ? cli->organisation : cli->region);
    else
        snprintf(scope, sizeof scope, "all organisations and regions");
    jbw_date_format(date, sizeof date, d);
    fprintf(stderr, "jbw: %s laid over the data's state on %s (%s)",
            cli->scenario, date, scope);
    if (params->start != d && params->start != JBW_DATE_NONE) {
        jbw_date_format(start, sizeof start, params->start);
        fprintf(stderr, ", dated %s by its start", start);
    }
    fputs(": every key it does not set keeps the data's value\n", stderr);
}

/* The notice of the data the forecast's figures come from: the
 * snapshot's, unless the scenario sets its own start state (then none of
 * the figures is the snapshot's, and its notice does not apply). */
static const char *base_notice(const jbw_snapshot *snap,
                               const jbw_scenario *scenario)
{
    return jbw_scenario_sets_start_state(scenario)
               ? NULL
               : jbw_snapshot_data_notice(snap);
}

/* Builds the forecast parameters: the start state, then the scenario and
 * --hiring-plan, then --months. The start state is the snapshot's, unless
 * the scenario sets one itself (jbw_scenario_sets_start_state): then the
 * library's defaults, as jbw_forecast_params_init(), so that its counts
 * are not mixed with the snapshot's for the kinds and tenure slots it does
 * not name. The scenario must outlive the params (shocks, hiring plan). */
static int build_params(jbw_cli *cli, jbw_forecast_params *params,
                        jbw_snapshot **snap, jbw_norm **norm,
                        jbw_scenario **scenario)
{
    int own_state, rc;
    if (cli->scenario &&
        jbw_cli_check(jbw_scenario_load(scenario, cli->scenario)))
        return 1;
    own_state = jbw_scenario_sets_start_state(*scenario);
    if (own_state &&
        (cli->organisation || cli->region || cli->date != JBW_DATE_NONE))
        return jbw_cli_usage("--organisation, --region and --date choose the "
                             "data's start state; the --scenario sets its "
                             "own (assigned, waiting or staff counts)");
    rc = jbw_cli_load(cli, snap);
    if (rc != 0)
        return rc;
    if (jbw_cli_norm(cli, norm) != 0 ||
        jbw_cli_check(
            jbw_forecast_params_init(params, JBW_FORECAST_PARAMS_VERSION)) ||
        (!own_state &&
         jbw_cli_check(jbw_forecast_params_from_snapshot(
             params, *snap, *norm, cli->date, cli->organisation, cli->region))))
        return 1;
    if (cli->hiring_plan && ((!*scenario && jbw_cli_check(jbw_scenario_parse(
                                                scenario, "", 0, NULL))) ||
                             add_hiring_plan(*scenario, cli->hiring_plan)))
        return 1;
    if (*scenario && jbw_cli_check(jbw_scenario_apply(params, *scenario)))
        return 1;
    if (cli->months)
        params->months = (int32_t)cli->months;
    if (cli->scenario)
        say_base(cli, *snap, params, own_state);
    return 0;
}

typedef struct progress_state {
    double started;
    int shown;
} progress_state;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Progress on stderr, only on a terminal and after the first second. */
static int show_progress(void *user, size_t done, size_t total)
{
    progress_state *p = user;
    if (now_seconds() - p->started < 1.0 && done < total)
        return 0;
    if (done < total || p->shown) {
        fprintf(stderr, "\rjbw: forecast %3.0f%%",
                100.0 * (double)done / (double)total);
        p->shown = 1;
        if (done == total)
            fputc('\n', stderr);
    }
    return 0;
}

int jbw_cli_forecast(jbw_cli *cli)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_scenario *scenario = NULL;
    jbw_forecast *fc = NULL;
    jbw_forecast_params params;
    jbw_forecast_options opts = JBW_FORECAST_OPTIONS_INIT;
    progress_state progress = {0.0, 0};
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    int rc;
    /* A deterministic forecast draws nothing: a seed there would be left
     * unused without a word. */
    if (cli->seed_given && cli->replicates <= 0)
        return jbw_cli_usage("forecast --seed goes with --replicates R");
    rc = build_params(cli, &params, &snap, &norm, &scenario);
    if (rc != 0)
        goto done;
    rc = 1;
    opts.replicates = cli->replicates > 0 ? (size_t)cli->replicates : 0;
    if (cli->seed_given)
        opts.seed = (uint64_t)cli->seed;
    opts.threads = (unsigned int)cli->threads; /* 0 unless given: all cores */
    if (opts.replicates && isatty(STDERR_FILENO)) {
        progress.started = now_seconds();
        opts.progress = show_progress;
        opts.progress_user = &progress;
    }
    if (jbw_cli_check(jbw_forecast_run(&fc, &params, norm, &opts)) ||
        jbw_cli_check(
            jbw_forecast_set_data_notice(fc, base_notice(snap, scenario))))
        goto done;
    if (cli->svg) {
        jbw_chart_options co;
        jbw_cli_chart_options(cli, snap, &co);
        co.notice = base_notice(snap, scenario);
        st = jbw_chart_forecast_svg(&text, &len, fc, &co);
        if (jbw_cli_write_svg(cli->svg, st, st == JBW_OK ? text : NULL, len)) {
            text = NULL;
            goto done;
        }
        text = NULL;
    }
    switch (cli->format) {
    case JBW_CLI_JSON:
        st = jbw_forecast_json(&text, &len, fc);
        break;
    case JBW_CLI_CSV:
        st = jbw_forecast_csv(&text, &len, fc);
        break;
    default:
        st = jbw_forecast_text_lang(&text, &len, fc, cli->lang);
        break;
    }
    if (jbw_cli_check(st))
        goto done;
    rc = jbw_cli_emit(text, len);
done:
    jbw_free(text);
    jbw_forecast_free(fc);
    jbw_scenario_free(scenario);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    return rc;
}

int jbw_cli_staffing(jbw_cli *cli)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_scenario *scenario = NULL;
    jbw_forecast_params params;
    jbw_output_options out = JBW_OUTPUT_OPTIONS_INIT;
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    int relief = !isnan(cli->target);
    int queue = cli->within_workdays >= 0 || !isnan(cli->percent);
    int rc = 1;
    if (relief == queue)
        return jbw_cli_usage("staffing needs --target N --months T, or "
                             "--within-workdays N --percent P");
    if (relief && !cli->months)
        return jbw_cli_usage("staffing --target needs --months T");
    if (!relief && !isnan(cli->probability))
        return jbw_cli_usage("staffing --probability needs --target N");
    /* Only the answer with a probability runs replicates: elsewhere they
     * would be left unused without a word, and 0 would silently become
     * the default 1,000. */
    if (isnan(cli->probability) && (cli->replicates >= 0 || cli->seed_given))
        return jbw_cli_usage("staffing --replicates and --seed go with "
                             "--target N --months T --probability P");
    if (!isnan(cli->probability) && cli->replicates == 0)
        return jbw_cli_usage("staffing --probability needs --replicates R "
                             "of 1 or more (default 1000)");
    if (queue && (cli->within_workdays < 0 || isnan(cli->percent)))
        return jbw_cli_usage(
            "staffing needs both --within-workdays and --percent");
    rc = build_params(cli, &params, &snap, &norm, &scenario);
    if (rc != 0)
        goto done;
    rc = 1;
    out.lang = cli->lang;
    out.data_notice = base_notice(snap, scenario);
    if (relief) {
        jbw_relief_answer a;
        jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
        a.version = JBW_RELIEF_ANSWER_VERSION;
        o.replicates = cli->replicates > 0 ? (size_t)cli->replicates : 1000;
        o.seed = cli->seed_given ? (uint64_t)cli->seed : 1;
        o.threads = (unsigned int)cli->threads; /* 0 unless given: all cores */
        st = isnan(cli->probability)
                 ? jbw_staffing_relief(&a, &params, norm, cli->target,
                                       (int32_t)cli->months)
                 : jbw_staffing_relief_probability_opts(
                       &a, &params, norm, cli->target, (int32_t)cli->months,
                       cli->probability, &o);
        if (jbw_cli_check(st))
            goto done;
        switch (cli->format) {
        case JBW_CLI_JSON:
            st = jbw_relief_answer_json(&text, &len, &a, &out);
            break;
        case JBW_CLI_CSV:
            st = jbw_relief_answer_csv(&text, &len, &a, &out);
            break;
        default:
            st = jbw_relief_answer_text(&text, &len, &a, &out);
            break;
        }
    } else {
        jbw_queue_answer a;
        a.version = JBW_QUEUE_ANSWER_VERSION;
        if (jbw_cli_check(jbw_staffing_queue(&a, &params, norm, NULL,
                                             (double)cli->within_workdays,
                                             cli->percent)))
            goto done;
        switch (cli->format) {
        case JBW_CLI_JSON:
            st = jbw_queue_answer_json(&text, &len, &a, &out);
            break;
        case JBW_CLI_CSV:
            st = jbw_queue_answer_csv(&text, &len, &a, &out);
            break;
        default:
            st = jbw_queue_answer_text(&text, &len, &a, &out);
            break;
        }
    }
    if (!jbw_cli_check(st))
        rc = jbw_cli_emit(text, len);
done:
    jbw_free(text);
    jbw_scenario_free(scenario);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    return rc;
}
