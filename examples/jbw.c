/*
 * jbw - the libjbw command. Thin: it parses arguments and calls the
 * library. Without input files it works on the embedded (synthetic)
 * example. Exit status: 0 success, 1 bad input, 2 bad usage.
 */
#include <jbw.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int cmd_version(jbw_cli *cli)
{
    (void)cli;
    printf("jbw %s (libjbw %s, ABI %d)\n", JBW_VERSION_STRING, jbw_version(),
           jbw_abi_major());
    return 0;
}

/* The calendar --calendar names (CAO Jeugdzorg by default); 0 or 1. */
static int make_calendar(const jbw_cli *cli, jbw_calendar **cal)
{
    jbw_calendar_options o;
    return jbw_cli_check(jbw_calendar_options_preset(
               &o, JBW_CALENDAR_OPTIONS_VERSION, cli->calendar)) ||
           jbw_cli_check(jbw_calendar_new(cal, &o));
}

static int cmd_calendar(jbw_cli *cli)
{
    jbw_calendar *cal = NULL;
    jbw_holiday days[64];
    size_t count = 0, i;
    long year;
    char *end;
    errno = 0;
    year = strtol(cli->positional[0], &end, 10);
    /* a bad argument is bad usage, as a bad --date or --year is */
    if (*end || errno || year < JBW_YEAR_MIN || year > JBW_YEAR_MAX) {
        fprintf(stderr, "jbw: not a year from %d to %d: '%s'\n", JBW_YEAR_MIN,
                JBW_YEAR_MAX, cli->positional[0]);
        return 2;
    }
    if (make_calendar(cli, &cal) || jbw_cli_check(jbw_calendar_holidays(
                                        days, 64, &count, cal, (int)year))) {
        jbw_calendar_free(cal);
        return 1;
    }
    for (i = 0; i < count; i++) {
        char buf[JBW_DATE_BUFSIZE];
        static const char *const weekday_nl[] = {"",   "ma", "di", "wo",
                                                 "do", "vr", "za", "zo"};
        static const char *const weekday_en[] = {"",    "Mon", "Tue", "Wed",
                                                 "Thu", "Fri", "Sat", "Sun"};
        const char *const *weekday =
            cli->lang == JBW_LANG_EN ? weekday_en : weekday_nl;
        jbw_date_format(buf, sizeof buf, days[i].date);
        printf("%s %s %s\n", buf, weekday[jbw_date_weekday(days[i].date)],
               jbw_holiday_name(days[i].kind));
    }
    jbw_calendar_free(cal);
    return 0;
}

/* A date argument named `name`; 2 (bad usage, as a bad --date) when the
 * text is not a date. */
static int date_argument(jbw_date *out, const char *name, const char *text)
{
    if (jbw_date_parse(out, text, (size_t)-1) == JBW_OK)
        return 0;
    fprintf(stderr, "jbw: %s: %s\n", name, jbw_last_error());
    return 2;
}

static int cmd_workdays(jbw_cli *cli)
{
    jbw_calendar *cal = NULL;
    jbw_date from, to;
    int32_t n = 0;
    int rc = date_argument(&from, "FROM", cli->positional[0]);
    if (!rc)
        rc = date_argument(&to, "TO", cli->positional[1]);
    if (rc)
        return rc;
    rc = 1;
    if (!make_calendar(cli, &cal) &&
        !jbw_cli_check(jbw_calendar_workdays_between(&n, cal, from, to))) {
        printf("%d\n", (int)n);
        rc = 0;
    }
    jbw_calendar_free(cal);
    return rc;
}

static int cmd_regions(jbw_cli *cli)
{
    jbw_registry *reg = NULL;
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    int rc = 1;
    int year = cli->year ? cli->year : jbw_registry_national_last_year();
    if (jbw_cli_check(jbw_registry_national(&reg, year)))
        return 1;
    switch (cli->format) {
    case JBW_CLI_JSON:
        st = jbw_registry_json(&text, &len, reg);
        break;
    case JBW_CLI_CSV:
        st = jbw_registry_csv(&text, &len, reg);
        break;
    default:
        st = jbw_registry_text(&text, &len, reg);
        break;
    }
    if (!jbw_cli_check(st))
        rc = jbw_cli_emit(text, len);
    jbw_free(text);
    jbw_registry_free(reg);
    return rc;
}

static int cmd_export(jbw_cli *cli)
{
    jbw_snapshot *snap = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc;
    if (!cli->dir)
        return jbw_cli_usage("export needs --dir D");
    rc = jbw_cli_load(cli, &snap);
    if (rc != 0)
        return rc;
    /* The CSV files must load back as they are: the notice of synthetic
     * data goes into a file of its own beside them, written first, so
     * that a failure part way never leaves synthetic CSV files without
     * it; data without a notice remove an earlier export's. */
    if (jbw_snapshot_data_notice(snap)) {
        char line[512];
        int n =
            snprintf(line, sizeof line, "%s\n", jbw_snapshot_data_notice(snap));
        rc = n < 0 || (size_t)n >= sizeof line ||
             jbw_cli_write_in_dir(cli->dir, "data_notice", line, (size_t)n);
    } else {
        rc = jbw_cli_remove_in_dir(cli->dir, "data_notice");
    }
    if (rc != 0)
        goto done;
    rc = 1;
    if (!jbw_cli_check(jbw_snapshot_measures_csv(&text, &len, snap)) &&
        !jbw_cli_write_in_dir(cli->dir, "measures.csv", text, len)) {
        jbw_free(text);
        text = NULL;
        if (!jbw_cli_check(jbw_snapshot_workers_csv(&text, &len, snap)) &&
            !jbw_cli_write_in_dir(cli->dir, "workers.csv", text, len)) {
            jbw_free(text);
            text = NULL;
            if (!jbw_cli_check(jbw_registry_csv(&text, &len,
                                                jbw_snapshot_registry(snap))) &&
                !jbw_cli_write_in_dir(cli->dir, "registry.csv", text, len))
                rc = 0;
        }
    }
done:
    jbw_free(text);
    jbw_snapshot_free(snap);
    return rc;
}

static int cmd_report(jbw_cli *cli)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload *cl = NULL;
    jbw_caseload_options opts = JBW_CASELOAD_OPTIONS_INIT;
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    int rc;
    if (cli->top && !cli->workers_table)
        return jbw_cli_usage("--top goes with --workers-table on report");
    if (cli->chart_given && !cli->svg)
        return jbw_cli_usage("--chart names the chart --svg F writes");
    rc = jbw_cli_load(cli, &snap);
    if (rc != 0)
        return rc;
    rc = 1;
    if (jbw_cli_norm(cli, &norm) != 0 ||
        jbw_cli_check(jbw_calendar_new(&cal, NULL)))
        goto done;
    opts.date = cli->date;
    if (jbw_cli_check(jbw_caseload_compute(&cl, snap, norm, cal, &opts)))
        goto done;
    if (cli->svg) {
        jbw_chart_options co;
        jbw_cli_chart_options(cli, snap, &co);
        if (cli->chart == JBW_CLI_CHART_SPREAD)
            st = jbw_chart_load_spread_svg(&text, &len, cl, &co);
        else if (cli->chart == JBW_CLI_CHART_KOPPELING)
            st = jbw_chart_coupling_svg(&text, &len, cl, cli->chart_group, &co);
        else
            st = jbw_chart_caseload_svg(&text, &len, cl, cli->chart_group, &co);
        if (jbw_cli_write_svg(cli->svg, st, text, len)) {
            text = NULL;
            goto done;
        }
        text = NULL;
    }
    switch (cli->format) {
    case JBW_CLI_JSON:
        st = jbw_caseload_json(&text, &len, cl);
        break;
    case JBW_CLI_CSV:
        st = jbw_caseload_csv(&text, &len, cl);
        break;
    case JBW_CLI_TABLE:
        st = jbw_caseload_text(&text, &len, cl);
        break;
    default: {
        jbw_report_options ro = JBW_REPORT_OPTIONS_INIT;
        ro.lang = cli->lang;
        ro.workers_table = cli->workers_table;
        ro.top = cli->top;
        st = jbw_caseload_report_text(&text, &len, cl, &ro);
        break;
    }
    }
    if (jbw_cli_check(st))
        goto done;
    rc = jbw_cli_emit(text, len);
done:
    jbw_free(text);
    jbw_caseload_free(cl);
    jbw_calendar_free(cal);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    return rc;
}

static int cmd_triage_or_allocate(jbw_cli *cli, int allocate)
{
    jbw_snapshot *snap = NULL;
    jbw_waitrisk_model *model = NULL;
    jbw_calendar *cal = NULL;
    jbw_triage *triage = NULL;
    jbw_norm *norm = NULL;
    jbw_allocation *alloc = NULL;
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    int rc = jbw_cli_load(cli, &snap);
    if (rc != 0)
        return rc;
    if ((rc = jbw_cli_model(cli, &model)) != 0)
        goto done;
    rc = 1;
    if (jbw_cli_check(jbw_calendar_new(&cal, NULL)) ||
        jbw_cli_check(jbw_triage_new(&triage, model, cal, snap, cli->date)))
        goto done;
    if (!allocate && cli->svg) {
        jbw_chart_options co;
        jbw_cli_chart_options(cli, snap, &co);
        st = jbw_chart_bands_svg(&text, &len, triage, &co);
        if (jbw_cli_write_svg(cli->svg, st, text, len)) {
            text = NULL;
            goto done;
        }
        text = NULL;
    }
    if (!allocate) {
        switch (cli->format) {
        case JBW_CLI_JSON:
            st = jbw_triage_json(&text, &len, triage, cli->top, cli->lang);
            break;
        case JBW_CLI_CSV:
            st = jbw_triage_csv(&text, &len, triage, cli->top, cli->lang);
            break;
        default:
            st = jbw_triage_text(&text, &len, triage, cli->top, cli->lang);
            break;
        }
    } else {
        if (jbw_cli_norm(cli, &norm) != 0 ||
            jbw_cli_check(jbw_allocation_new(&alloc, triage, snap, norm, cal)))
            goto done;
        switch (cli->format) {
        case JBW_CLI_JSON:
            st = jbw_allocation_json(&text, &len, alloc);
            break;
        case JBW_CLI_CSV:
            st = jbw_allocation_csv(&text, &len, alloc);
            break;
        default:
            st = jbw_allocation_text_lang(&text, &len, alloc, cli->lang);
            break;
        }
    }
    if (jbw_cli_check(st))
        goto done;
    rc = jbw_cli_emit(text, len);
done:
    jbw_free(text);
    jbw_allocation_free(alloc);
    jbw_norm_free(norm);
    jbw_triage_free(triage);
    jbw_calendar_free(cal);
    jbw_waitrisk_model_free(model);
    jbw_snapshot_free(snap);
    return rc;
}

static int cmd_triage(jbw_cli *cli)
{
    return cmd_triage_or_allocate(cli, 0);
}

static int cmd_allocate(jbw_cli *cli)
{
    return cmd_triage_or_allocate(cli, 1);
}

static int cmd_series(jbw_cli *cli)
{
    jbw_series *series = NULL;
    int rc;
    if (cli->history)
        return jbw_cli_series_history(cli);
    if (jbw_cli_check(jbw_example_series_zhz(&series)))
        return 1;
    rc = jbw_cli_emit_series(cli, series);
    jbw_series_free(series);
    return rc;
}

#define IN     JBW_CLI_INPUTS
#define O(x)   JBW_CLI_OPT(JBW_OPT_##x)
#define ALWAYS JBW_CLI_ALWAYS

/* Every command with the options it takes; `jbw CMD --help` prints them. */
const jbw_cli_command jbw_cli_commands[] = {
    {"report", cmd_report,
     ALWAYS | IN | O(DATE) | O(FORMAT) | O(NORM) | O(SVG) | O(CHART) |
         O(WORKERS_TABLE) | O(TOP),
     "", 0, 0,
     "Caseloads against the norm, measures waiting (nieuw/bestaand) and the\n"
     "koppeling binnen 5 werkdagen, in total, by organisation, by region and "
     "by\n"
     "kind, for people who decide (Dutch; --lang en). --workers-table adds "
     "the\n"
     "per-worker table (--top N: the N most loaded); --format table gives the\n"
     "complete analyst tables (English, every worker).",
     "text (default), json, csv or table (the analyst tables)", NULL},
    {"triage", cmd_triage,
     ALWAYS | IN | O(DATE) | O(FORMAT) | O(MODEL) | O(MODEL_VERSION) | O(TOP) |
         O(SVG),
     "", 0, 0,
     "The waiting list ranked by waiting risk, with the reasons of every "
     "score.",
     NULL, NULL},

    {"allocate", cmd_allocate,
     ALWAYS | IN | O(DATE) | O(FORMAT) | O(MODEL) | O(MODEL_VERSION) | O(NORM),
     "", 0, 0,
     "A proposal of fixed workers for the waiting list, highest risk first;\n"
     "it records nothing: the team lead and the allocation meeting decide.",
     NULL, NULL},

    {"model", jbw_cli_model_cmd,
     ALWAYS | O(FORMAT) | O(MODEL) | O(MODEL_VERSION) | O(CARD) | O(REGISTER),
     "", 0, 0,
     "The waiting-risk model: its model file; --card its model card; "
     "--register\n"
     "its Algoritmeregister entry (--format json or md), both from the model "
     "itself.",
     "text (default); md with --card or --register; json with --register",
     NULL},
    {"forecast", jbw_cli_forecast,
     ALWAYS | IN | O(DATE) | O(FORMAT) | O(NORM) | O(SCENARIO) | O(MONTHS) |
         O(REPLICATES) | O(SEED) | O(THREADS) | O(SVG) | O(ORGANISATION) |
         O(REGION) | O(HIRING_PLAN),
     "", 0, 0,
     "The waiting list projected month by month from the data's date.", NULL,
     "threads for the replicates, 1 to " JBW_CLI_STR(
         JBW_FORECAST_THREADS_MAX) ", and for loading the CSV files (2 at "
                                   "most); 0 (default): all cores; same "
                                   "figures"},

    {"staffing", jbw_cli_staffing,
     ALWAYS | IN | O(DATE) | O(FORMAT) | O(NORM) | O(SCENARIO) | O(MONTHS) |
         O(ORGANISATION) | O(REGION) | O(TARGET) | O(WITHIN_WORKDAYS) |
         O(PERCENT) | O(PROBABILITY) | O(REPLICATES) | O(SEED) | O(THREADS) |
         O(HIRING_PLAN),
     "", 0, 0,
     "FTE needed. Relief: --target N --months T (hiring per month to bring "
     "the\n"
     "waiting list to N). Queue: --within-workdays N --percent P (FTE for P% "
     "of\n"
     "new measures to get a fixed worker within N werkdagen).",
     NULL,
     "threads for the replicates of --probability, 1 to " JBW_CLI_STR(
         JBW_FORECAST_THREADS_MAX) ", and for loading the CSV files (2 at "
                                   "most); 0 (default): all cores; same "
                                   "answer"},

    {"calibrate", jbw_cli_calibrate,
     ALWAYS | IN | O(DATE) | O(FORMAT) | O(WINDOW_MONTHS) | O(SCENARIO_OUT) |
         O(ORGANISATION) | O(REGION),
     "", 0, 0,
     "The forecast's parameters estimated from the data as known on --date:\n"
     "inflow, durations, turnover, hiring, time to first assignment.",
     NULL, NULL},

    {"backtest", jbw_cli_backtest,
     ALWAYS | IN | O(FORMAT) | O(NORM) | O(FROM) | O(MONTHS) |
         O(WINDOW_MONTHS) | O(SVG) | O(ORGANISATION) | O(REGION) | O(HISTORY),
     "", 0, 0,
     "The forecast tested on the data's past: stand on --from D0, calibrate "
     "on\n"
     "the months before, forecast --months K, compare with what happened.",
     NULL, NULL},

    {"series", cmd_series,
     ALWAYS | O(FORMAT) | O(HISTORY) | O(REGISTRY) | JBW_CLI_LOAD_OPTIONS |
         O(SVG),
     "", 0, 0,
     "The published Zuid-Holland Zuid series of children waiting "
     "(nieuw/bestaand),\nor the series of a folder of exports (--history "
     "DIR).",
     NULL, NULL},

    {"brief", jbw_cli_brief,
     ALWAYS | IN | O(DATE) | O(FORMAT) | O(NORM) | O(MODEL) | O(SCENARIO) |
         O(MONTHS) | O(REPLICATES) | O(SEED) | O(ORGANISATION) | O(REGION) |
         O(OUT) | O(SUPPRESS_BELOW) | O(ROUND_TO) | O(HISTORY),
     "", 0, 0,
     "The council brief: the factual part of a raadsinformatiebrief with\n"
     "charts, in Dutch (--lang en: English), as one HTML file (--format md:\n"
     "Markdown). Aggregates only. --scenario F (up to 8) adds scenarios.",
     "html (default: one self-contained file) or md (with its charts as SVG "
     "files beside --out)",
     NULL},
    {"regions", cmd_regions, ALWAYS | O(FORMAT) | O(YEAR), "", 0, 0,
     "The national registry: the 42 CBS jeugdregio's with their "
     "municipalities\n"
     "in --year Y (2023 to 2025, default the latest), and the GI's a public\n"
     "source places in them.",
     NULL, NULL},

    {"export", cmd_export, ALWAYS | IN | O(DIR), "", 0, 0,
     "Write the input data (measures, workers, registry) as CSV into --dir D.",
     NULL, NULL},

    {"calendar", cmd_calendar, ALWAYS | O(CALENDAR), "YEAR", 1, 1,
     "The holidays (feestdagen) of YEAR under the CAO Jeugdzorg calendar\n"
     "(default) or the Algemene termijnenwet (--calendar atw).",
     NULL, NULL},

    {"workdays", cmd_workdays, ALWAYS | O(CALENDAR), "FROM TO", 2, 2,
     "The werkdagen from FROM to TO (FROM excluded, TO included).", NULL, NULL},

    {"version", cmd_version, ALWAYS, "", 0, 0,
     "The versions of the command and the library.", NULL, NULL},
    {NULL, NULL, 0, NULL, 0, 0, NULL, NULL, NULL}};

#undef IN
#undef O
#undef ALWAYS

static void usage(FILE *f)
{
    const jbw_cli_command *c;
    fputs("usage: jbw COMMAND [options]\n\ncommands:\n", f);
    for (c = jbw_cli_commands; c->name; c++) {
        const char *nl = strchr(c->summary, '\n');
        int n = nl ? (int)(nl - c->summary) : (int)strlen(c->summary);
        char left[32];
        snprintf(left, sizeof left, "%s%s%s", c->name, c->args[0] ? " " : "",
                 c->args);
        fprintf(f, "  %-18s %.*s%s\n", left, n, c->summary, nl ? " ..." : "");
    }
    fputs("\nWithout --measures/--workers every command works on the embedded\n"
          "synthetic example. --lang nl|en (default nl) sets the language of\n"
          "the words of report, triage, allocate, forecast, staffing, series,\n"
          "brief, calendar and every --svg chart, backtest's too (the other\n"
          "outputs are English; docs/cli.md).\n"
          "'jbw COMMAND --help' lists the options of a command.\n"
          "Exit status: 0 success, 1 bad input, 2 bad usage.\n",
          f);
}

int main(int argc, char **argv)
{
    static char version_command[] = "version";
    jbw_cli cli;
    const jbw_cli_command *c;
    int rc;
    if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        if (argc >= 3 && strcmp(argv[1], "help") == 0) {
            for (c = jbw_cli_commands; c->name; c++)
                if (strcmp(c->name, argv[2]) == 0) {
                    jbw_cli_command_help(c, stdout);
                    return 0;
                }
        }
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    /* --version is the version command, as in most commands' tools. */
    if (strcmp(argv[1], "--version") == 0 && argc == 2)
        argv[1] = version_command;
    for (c = jbw_cli_commands; c->name; c++)
        if (strcmp(c->name, argv[1]) == 0)
            break;
    if (!c->name) {
        fprintf(stderr, "jbw: unknown command '%s'\n\n", argv[1]);
        usage(stderr);
        return 2;
    }
    rc = jbw_cli_parse(&cli, c, argc - 2, argv + 2);
    if (rc != 0)
        return rc < 0 ? 0 : rc;
    rc = c->run(&cli);
    fflush(stdout);
    if (ferror(stdout)) {
        fprintf(stderr, "jbw: writing the output failed\n");
        return 1;
    }
    return rc;
}
