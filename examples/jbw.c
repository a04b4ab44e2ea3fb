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

static const char usage_text[] =
    "usage: jbw COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  report    caseloads against the norm, waiting nieuw/bestaand, coupling norm\n"
    "  triage    rank the waiting list by waiting risk, with reasons\n"
    "  allocate  propose fixed workers for the waiting list\n"
    "  forecast  project the waiting list month by month\n"
    "  staffing  FTE needed: --target N --months T, or --within-workdays N --percent P\n"
    "  series    the published Zuid-Holland Zuid series (nieuw/bestaand)\n"
    "  export    write the input data as CSV: --dir D\n"
    "  calendar  YEAR          the holidays of a year\n"
    "  workdays  FROM TO       werkdagen from FROM to TO\n"
    "  version\n"
    "\n"
    "inputs (default: the embedded synthetic Zuid-West example):\n"
    "  --measures F --workers F [--registry F] [--lenient]\n"
    "common options:\n"
    "  --date D            reference date (ISO 2025-09-01 or Dutch 1-9-2025)\n"
    "  --format F          text (default), json or csv\n"
    "  --norm F            norm file (report, allocate, forecast, staffing)\n"
    "  --model F           waiting-risk model file (triage, allocate)\n"
    "  --top N             only the first N cases (triage)\n"
    "  --lang nl|en        language of reasons (triage; default nl)\n"
    "  --scenario F        scenario file (forecast, staffing)\n"
    "  --months N          forecast horizon in months\n"
    "  --replicates R      stochastic replicates (forecast; 0 = deterministic)\n"
    "  --seed S            random seed (forecast)\n"
    "  --svg F             also write the forecast chart as SVG\n"
    "  --organisation K    forecast/staffing for one organisation (registry key)\n"
    "  --region K          forecast/staffing for one region (registry key)\n"
    "see docs/ for the file formats and the models.\n";

static int cmd_version(jbw_cli *cli)
{
    (void)cli;
    printf("jbw %s (libjbw %s, ABI %d)\n", JBW_VERSION_STRING, jbw_version(),
           jbw_abi_major());
    return 0;
}

static int cmd_calendar(jbw_cli *cli)
{
    jbw_calendar *cal = NULL;
    jbw_holiday days[64];
    size_t count = 0, i;
    long year;
    char *end;
    if (cli->positional_count != 1)
        return jbw_cli_usage("calendar takes one YEAR");
    errno = 0;
    year = strtol(cli->positional[0], &end, 10);
    if (*end || errno || year < JBW_YEAR_MIN || year > JBW_YEAR_MAX) {
        fprintf(stderr, "jbw: '%s' is not a year from %d to %d\n",
                cli->positional[0], JBW_YEAR_MIN, JBW_YEAR_MAX);
        return 1;
    }
    if (jbw_cli_check(jbw_calendar_new(&cal, NULL)) ||
        jbw_cli_check(jbw_calendar_holidays(days, 64, &count, cal, (int)year))) {
        jbw_calendar_free(cal);
        return 1;
    }
    for (i = 0; i < count; i++) {
        char buf[JBW_DATE_BUFSIZE];
        static const char *const weekday[] = { "", "ma", "di", "wo", "do",
                                               "vr", "za", "zo" };
        jbw_date_format(buf, sizeof buf, days[i].date);
        printf("%s %s %s\n", buf, weekday[jbw_date_weekday(days[i].date)],
               jbw_holiday_name(days[i].kind));
    }
    jbw_calendar_free(cal);
    return 0;
}

static int cmd_workdays(jbw_cli *cli)
{
    jbw_calendar *cal = NULL;
    jbw_date from, to;
    int32_t n = 0;
    int rc = 1;
    if (cli->positional_count != 2)
        return jbw_cli_usage("workdays takes FROM and TO");
    if (!jbw_cli_check(jbw_date_parse(&from, cli->positional[0], (size_t)-1)) &&
        !jbw_cli_check(jbw_date_parse(&to, cli->positional[1], (size_t)-1)) &&
        !jbw_cli_check(jbw_calendar_new(&cal, NULL)) &&
        !jbw_cli_check(jbw_calendar_workdays_between(&n, cal, from, to))) {
        printf("%d\n", (int)n);
        rc = 0;
    }
    jbw_calendar_free(cal);
    return rc;
}

static int cmd_export(jbw_cli *cli)
{
    jbw_snapshot *snap = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc = 1;
    if (!cli->dir)
        return jbw_cli_usage("export needs --dir D");
    if (jbw_cli_load(cli, &snap) != 0)
        return 1;
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
    int rc = 1;
    if (jbw_cli_load(cli, &snap) != 0 || jbw_cli_norm(cli, &norm) != 0 ||
        jbw_cli_check(jbw_calendar_new(&cal, NULL)))
        goto done;
    opts.date = cli->date;
    if (jbw_cli_check(jbw_caseload_compute(&cl, snap, norm, cal, &opts)))
        goto done;
    switch (cli->format) {
    case JBW_CLI_JSON: st = jbw_caseload_json(&text, &len, cl); break;
    case JBW_CLI_CSV: st = jbw_caseload_csv(&text, &len, cl); break;
    default: st = jbw_caseload_text(&text, &len, cl); break;
    }
    if (jbw_cli_check(st))
        goto done;
    rc = jbw_cli_emit(cli, text, len);
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
    int rc = 1;
    if (jbw_cli_load(cli, &snap) != 0 || jbw_cli_model(cli, &model) != 0 ||
        jbw_cli_check(jbw_calendar_new(&cal, NULL)) ||
        jbw_cli_check(jbw_triage_new(&triage, model, cal, snap, cli->date)))
        goto done;
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
        case JBW_CLI_JSON: st = jbw_allocation_json(&text, &len, alloc); break;
        case JBW_CLI_CSV: st = jbw_allocation_csv(&text, &len, alloc); break;
        default: st = jbw_allocation_text(&text, &len, alloc); break;
        }
    }
    if (jbw_cli_check(st))
        goto done;
    rc = jbw_cli_emit(cli, text, len);
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
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    int rc = 1;
    if (jbw_cli_check(jbw_example_series_zhz(&series)))
        return 1;
    switch (cli->format) {
    case JBW_CLI_JSON: st = jbw_series_json(&text, &len, series); break;
    case JBW_CLI_CSV: st = jbw_series_csv(&text, &len, series); break;
    default: st = jbw_series_text(&text, &len, series); break;
    }
    if (!jbw_cli_check(st))
        rc = jbw_cli_emit_plain(text, len);
    jbw_free(text);
    jbw_series_free(series);
    return rc;
}

static const jbw_cli_command commands[] = {
    { "report", cmd_report },
    { "triage", cmd_triage },
    { "allocate", cmd_allocate },
    { "forecast", jbw_cli_forecast },
    { "staffing", jbw_cli_staffing },
    { "series", cmd_series },
    { "export", cmd_export },
    { "calendar", cmd_calendar },
    { "workdays", cmd_workdays },
    { "version", cmd_version },
    { NULL, NULL }
};

int main(int argc, char **argv)
{
    jbw_cli cli;
    const jbw_cli_command *c;
    int rc;
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage_text, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    for (c = commands; c->name; c++)
        if (strcmp(c->name, argv[1]) == 0)
            break;
    if (!c->name) {
        fprintf(stderr, "jbw: unknown command '%s'\n\n%s", argv[1], usage_text);
        return 2;
    }
    rc = jbw_cli_parse(&cli, argc - 2, argv + 2);
    if (rc != 0)
        return rc;
    rc = c->run(&cli);
    fflush(stdout);
    if (ferror(stdout)) {
        fprintf(stderr, "jbw: writing the output failed\n");
        return 1;
    }
    return rc;
}
