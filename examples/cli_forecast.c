/*
 * jbw forecast and jbw staffing: the start state comes from the snapshot
 * (embedded example or given files), a scenario file sets the rest.
 */
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Builds the forecast parameters: snapshot start state, then scenario,
 * then --months. The scenario must outlive the params (shocks). */
static int build_params(jbw_cli *cli, jbw_forecast_params *params,
                        jbw_snapshot **snap, jbw_norm **norm,
                        jbw_scenario **scenario)
{
    int rc = jbw_cli_load(cli, snap);
    if (rc != 0)
        return rc;
    if (jbw_cli_norm(cli, norm) != 0 ||
        jbw_cli_check(
            jbw_forecast_params_init(params, JBW_FORECAST_PARAMS_VERSION)) ||
        jbw_cli_check(jbw_forecast_params_from_snapshot(
            params, *snap, *norm, cli->date, cli->organisation, cli->region)))
        return 1;
    if (cli->scenario &&
        (jbw_cli_check(jbw_scenario_load(scenario, cli->scenario)) ||
         jbw_cli_check(jbw_scenario_apply(params, *scenario))))
        return 1;
    if (cli->months)
        params->months = (int32_t)cli->months;
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
    int rc = build_params(cli, &params, &snap, &norm, &scenario);
    if (rc != 0)
        goto done;
    rc = 1;
    opts.replicates = cli->replicates > 0 ? (size_t)cli->replicates : 0;
    if (cli->seed_given)
        opts.seed = (uint64_t)cli->seed;
    if (opts.replicates && isatty(STDERR_FILENO)) {
        progress.started = now_seconds();
        opts.progress = show_progress;
        opts.progress_user = &progress;
    }
    if (jbw_cli_check(jbw_forecast_run(&fc, &params, norm, &opts)))
        goto done;
    if (cli->svg) {
        if (jbw_cli_check(jbw_forecast_svg(&text, &len, fc, NULL)) ||
            jbw_cli_check(jbw_write_file(cli->svg, text, len)))
            goto done;
        jbw_free(text);
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
        st = jbw_forecast_text(&text, &len, fc);
        break;
    }
    if (jbw_cli_check(st))
        goto done;
    rc = jbw_cli_emit(cli, text, len);
done:
    jbw_free(text);
    jbw_forecast_free(fc);
    jbw_scenario_free(scenario);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    return rc;
}

/* Average werkdagen per month in the year of `date` under the default
 * calendar: the rate at which the queue view turns months into werkdagen. */
static int workdays_per_month(double *out, jbw_date date)
{
    jbw_calendar *cal = NULL;
    jbw_date jan1, next_jan1;
    int year = 0;
    int32_t n = 0;
    int rc = jbw_cli_check(jbw_date_to_ymd(&year, NULL, NULL, date)) ||
             jbw_cli_check(jbw_date_from_ymd(&jan1, year, 1, 1)) ||
             jbw_cli_check(jbw_date_from_ymd(&next_jan1, year + 1, 1, 1)) ||
             jbw_cli_check(jbw_calendar_new(&cal, NULL)) ||
             jbw_cli_check(jbw_calendar_workdays_between(&n, cal, jan1 - 1,
                                                         next_jan1 - 1));
    jbw_calendar_free(cal);
    if (!rc)
        *out = (double)n / 12.0;
    return rc;
}

static void print_relief(const jbw_cli *cli, double hires,
                         const jbw_forecast_params *p)
{
    char buf[512];
    switch (cli->format) {
    case JBW_CLI_JSON:
        snprintf(buf, sizeof buf,
                 "{\"question\":\"relief\",\"target_waiting\":%.6g,"
                 "\"within_months\":%ld,\"hires_fte_per_month\":%.3f,"
                 "\"total_hires_fte\":%.3f,\"annual_turnover\":%.6g}\n",
                 cli->target, cli->months, hires, hires * (double)cli->months,
                 p->turnover);
        break;
    case JBW_CLI_CSV:
        snprintf(buf, sizeof buf,
                 "target_waiting,within_months,hires_fte_per_month,total_hires_"
                 "fte,annual_turnover\n"
                 "%.6g,%ld,%.3f,%.3f,%.6g\n",
                 cli->target, cli->months, hires, hires * (double)cli->months,
                 p->turnover);
        break;
    default:
        snprintf(buf, sizeof buf,
                 "Relief: to bring the waiting list to at most %g measures "
                 "within %ld months,\n"
                 "hire %.3f FTE every month (%.1f FTE in all), at %.0f%% "
                 "annual turnover.\n",
                 cli->target, cli->months, hires, hires * (double)cli->months,
                 100.0 * p->turnover);
    }
    jbw_cli_emit(cli, buf, strlen(buf));
}

static void print_queue(const jbw_cli *cli, const jbw_queue_params *q,
                        const jbw_queue_result *need,
                        const jbw_queue_result *now, double now_fte)
{
    char buf[1024];
    switch (cli->format) {
    case JBW_CLI_JSON:
        snprintf(
            buf, sizeof buf,
            "{\"question\":\"queue\",\"within_workdays\":%.6g,\"percent\":%.6g,"
            "\"arrivals_per_workday\":%.6f,\"mean_duration_workdays\":%.3f,"
            "\"slots_per_fte\":%.6f,\"offered_load\":%.3f,"
            "\"needed\":{\"slots\":%zu,\"fte\":%.3f,\"p_wait\":%.6f,\"share_"
            "within\":%.6f},"
            "\"current\":{\"effective_fte\":%.3f,\"slots\":%zu,\"p_wait\":%.6f,"
            "\"share_within\":%.6f}}\n",
            q->within_workdays, cli->percent, q->arrivals_per_workday,
            q->mean_duration_workdays, q->slots_per_fte, need->offered_load,
            need->slots, need->fte, need->p_wait, need->share_within, now_fte,
            now->slots, now->p_wait, now->share_within);
        break;
    case JBW_CLI_CSV:
        snprintf(
            buf, sizeof buf,
            "scope,within_workdays,slots,fte,p_wait,share_within\n"
            "needed,%.6g,%zu,%.3f,%.6f,%.6f\ncurrent,%.6g,%zu,%.3f,%.6f,%.6f\n",
            q->within_workdays, need->slots, need->fte, need->p_wait,
            need->share_within, q->within_workdays, now->slots, now_fte,
            now->p_wait, now->share_within);
        break;
    default:
        snprintf(
            buf, sizeof buf,
            "Queue view (Erlang C): %.2f new measures per werkdag, each "
            "holding a slot\n"
            "for %.0f werkdagen on average: offered load %.1f slots.\n"
            "For at least %g%% to get a fixed worker within %g werkdagen:\n"
            "  %zu slots = %.1f FTE (%.1f%% within, %.1f%% wait at all)\n"
            "Now: %.1f effective FTE = %zu slots: %.1f%% within %g werkdagen\n",
            q->arrivals_per_workday, q->mean_duration_workdays,
            need->offered_load, cli->percent, q->within_workdays, need->slots,
            need->fte, 100.0 * need->share_within, 100.0 * need->p_wait,
            now_fte, now->slots, 100.0 * now->share_within, q->within_workdays);
    }
    jbw_cli_emit(cli, buf, strlen(buf));
}

int jbw_cli_staffing(jbw_cli *cli)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_scenario *scenario = NULL;
    jbw_forecast_params params;
    int relief = !isnan(cli->target);
    int queue = cli->within_workdays >= 0 || !isnan(cli->percent);
    int rc = 1;
    if (relief == queue)
        return jbw_cli_usage("staffing needs --target N --months T, or "
                             "--within-workdays N --percent P");
    if (relief && !cli->months)
        return jbw_cli_usage("staffing --target needs --months T");
    if (queue && (cli->within_workdays < 0 || isnan(cli->percent)))
        return jbw_cli_usage(
            "staffing needs both --within-workdays and --percent");
    rc = build_params(cli, &params, &snap, &norm, &scenario);
    if (rc != 0)
        goto done;
    rc = 1;
    if (relief) {
        double hires = 0;
        if (jbw_cli_check(jbw_forecast_relief(
                &hires, &params, norm, cli->target, (int32_t)cli->months)))
            goto done;
        print_relief(cli, hires, &params);
    } else {
        jbw_queue_params q = JBW_QUEUE_PARAMS_INIT;
        jbw_queue_result need, now;
        jbw_forecast *fc = NULL;
        jbw_forecast_month m0;
        double wpm = 0;
        jbw_status st;
        if (workdays_per_month(&wpm, jbw_snapshot_reference_date(snap)))
            goto done;
        q.within_workdays = (double)cli->within_workdays;
        need.version = now.version = JBW_QUEUE_RESULT_VERSION;
        m0.version = JBW_FORECAST_MONTH_VERSION;
        params.months = 1;
        if (jbw_cli_check(
                jbw_queue_params_from_forecast(&q, &params, norm, wpm)) ||
            jbw_cli_check(jbw_queue_staffing(&need, &q, cli->percent)) ||
            jbw_cli_check(jbw_forecast_run(&fc, &params, norm, NULL)))
            goto done;
        st = jbw_forecast_month_get(&m0, fc, 0, JBW_STAT_MEAN);
        jbw_forecast_free(fc);
        if (jbw_cli_check(st) ||
            jbw_cli_check(jbw_queue_share(&now, &q, m0.effective_fte)))
            goto done;
        print_queue(cli, &q, &need, &now, m0.effective_fte);
    }
    rc = 0;
done:
    jbw_scenario_free(scenario);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    return rc;
}
