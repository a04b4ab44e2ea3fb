/*
 * Shared plumbing of the jbw command (see cli.h).
 */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* The command being parsed, for the hint of a usage error. */
static const char *current_command = NULL;

int jbw_cli_usage(const char *why)
{
    if (current_command)
        fprintf(stderr, "jbw: %s (see 'jbw %s --help')\n", why,
                current_command);
    else
        fprintf(stderr, "jbw: %s (see 'jbw --help')\n", why);
    return 2;
}

int jbw_cli_check(jbw_status st)
{
    if (st == JBW_OK)
        return 0;
    const char *why = jbw_last_error();
    fprintf(stderr, "jbw: %s: %s\n", jbw_strerror(st), why);
    /* The library names its own option fields; on the command line they
     * are options. */
    if (strstr(why, "(max_file_bytes)"))
        fprintf(stderr, "jbw: a larger file needs --max-file-bytes N\n");
    else if (strstr(why, "(max_line_bytes)"))
        fprintf(stderr, "jbw: a longer line needs --max-line-bytes N\n");
    return 1;
}

/* The help of the two limits names their defaults in MiB and KiB too. */
typedef char jbw_cli_file_limit_is_256_mib
    [JBW_LOAD_MAX_FILE_BYTES_DEFAULT == 256L * 1024 * 1024 ? 1 : -1];
typedef char jbw_cli_line_limit_is_64_kib
    [JBW_LOAD_MAX_LINE_BYTES_DEFAULT == 64L * 1024 ? 1 : -1];

/* The options table: name, the value's placeholder (NULL: a flag), help. */
typedef struct option_row {
    const char *name;
    const char *metavar;
    const char *help;
} option_row;

static const option_row options[JBW_OPT_COUNT_] = {
    [JBW_OPT_MEASURES] = {"--measures", "F",
                          "measures CSV (with --workers; default: the embedded "
                          "synthetic example)"},
    [JBW_OPT_WORKERS] = {"--workers", "F", "workers CSV (with --measures)"},
    [JBW_OPT_REGISTRY] =
        {"--registry", "F",
         "registry CSV (default: the embedded Zuid-West registry)"},
    [JBW_OPT_LENIENT] = {"--lenient", NULL,
                         "leave out bad rows, list them on stderr and count "
                         "them in every output (default: refuse the files)"},
    [JBW_OPT_ALLOW_UNKNOWN_COLUMNS] =
        {"--allow-unknown-columns", NULL,
         "ignore columns of the measures and workers files that libjbw does "
         "not read (default: refuse the files)"},
    [JBW_OPT_MAX_FILE_BYTES] =
        {"--max-file-bytes", "N",
         "refuse an input file larger than N bytes "
         "(default " JBW_CLI_STR(JBW_LOAD_MAX_FILE_BYTES_DEFAULT) ", 256 MiB)"},
    [JBW_OPT_MAX_LINE_BYTES] =
        {"--max-line-bytes", "N",
         "refuse an input line longer than N bytes "
         "(default " JBW_CLI_STR(JBW_LOAD_MAX_LINE_BYTES_DEFAULT) ", 64 KiB)"},
    [JBW_OPT_DATE] = {"--date", "D",
                      "reference date, ISO 2025-09-01 or Dutch 1-9-2025; not "
                      "after the data's own date"},
    [JBW_OPT_FORMAT] = {"--format", "F", "text (default), json or csv"},
    [JBW_OPT_LANG] =
        {"--lang", "L",
         "nl (default) or en: the language of words in the output"},
    [JBW_OPT_NORM] = {"--norm", "N",
                      "named norm (fnv-gi-2023, significant-children, "
                      "significant-families) or norm file (default: "
                      "fnv-gi-2023, 12 measures per FTE)"},
    [JBW_OPT_MODEL] = {"--model", "F",
                       "waiting-risk model file (default: jbw-wachtrisico 2)"},
    [JBW_OPT_TOP] = {"--top", "N", "only the first N rows"},
    [JBW_OPT_SCENARIO] = {"--scenario", "F", "scenario file"},
    [JBW_OPT_MONTHS] = {"--months", "N",
                        "horizon in months, 1 to " JBW_CLI_STR(
                            JBW_FORECAST_MONTHS_MAX)},
    [JBW_OPT_REPLICATES] =
        {"--replicates", "R",
         "stochastic replicates, 0 (deterministic) to " JBW_CLI_STR(
             JBW_FORECAST_REPLICATES_MAX)},
    [JBW_OPT_SEED] = {"--seed", "S", "random seed, a whole number >= 0"},
    [JBW_OPT_THREADS] =
        {"--threads", "N",
         "threads for loading the CSV files, 1 to " JBW_CLI_STR(
             JBW_LOAD_THREADS_MAX) " (a load uses 2 at most); "
                                   "0 (default): all cores; same output"},
    [JBW_OPT_SVG] = {"--svg", "F", "also write the chart as SVG to F"},
    [JBW_OPT_ORGANISATION] = {"--organisation", "K",
                              "only this organisation (registry key)"},
    [JBW_OPT_REGION] = {"--region", "K", "only this region (registry key)"},
    [JBW_OPT_TARGET] =
        {"--target", "N",
         "relief: waiting list to reach (measures), with --months"},
    [JBW_OPT_WITHIN_WORKDAYS] =
        {"--within-workdays", "N",
         "queue: werkdagen to a fixed worker, with --percent"},
    [JBW_OPT_PERCENT] =
        {"--percent", "P",
         "queue: share to reach, in %, from 1 to below 100 (90 or 90%)"},
    [JBW_OPT_DIR] = {"--dir", "D",
                     "directory to write into (created if missing)"},
    [JBW_OPT_WINDOW_MONTHS] =
        {"--window-months", "N",
         "calibration window: the N months before the date (default 12)"},
    [JBW_OPT_SCENARIO_OUT] =
        {"--scenario-out", "F",
         "also write the calibrated parameters as a scenario file F"},
    [JBW_OPT_FROM] = {"--from", "D0", "backtest: the past date to stand on"},
    [JBW_OPT_WORKERS_TABLE] = {"--workers-table", NULL,
                               "report: add the per-worker table (highest "
                               "load first; with --top N, the first N)"},
    [JBW_OPT_HISTORY] = {"--history", "DIR",
                         "a folder of exports: one subfolder per reference "
                         "date (YYYY-MM-DD) with measures.csv and workers.csv"},
    [JBW_OPT_PROBABILITY] = {"--probability", "P",
                             "relief: the target met in at least P of the "
                             "replicates (0.9 or 90%), seeded"},
    [JBW_OPT_OUT] = {"--out", "F", "write to F instead of standard output"},
    [JBW_OPT_SUPPRESS_BELOW] = {"--suppress-below", "K",
                                "publication: show counts from 1 to K-1 as "
                                "\"< K\" (in a sentence of the brief "
                                "\"minder dan K\"; 0: off)"},
    [JBW_OPT_ROUND_TO] = {"--round-to", "R",
                          "publication: round counts to a multiple of R "
                          "(0: off)"},
    [JBW_OPT_MODEL_VERSION] =
        {"--model-version", "V",
         "jbw-wachtrisico 1 or 2 (default 2; 1 gives the outputs of 0.1)"},
    [JBW_OPT_CARD] = {"--card", NULL,
                      "print the model card (items, points, bands, contact)"},
    [JBW_OPT_REGISTER] =
        {"--register", NULL,
         "print the Algoritmeregister entry (--format json or md)"},
    [JBW_OPT_CALENDAR] = {"--calendar", "C",
                          "cao (default: CAO Jeugdzorg days off) or atw "
                          "(Algemene termijnenwet: Goede Vrijdag off too)"},
    [JBW_OPT_HIRING_PLAN] = {"--hiring-plan", "F",
                             "CSV of month,fte[,onboarding_months,"
                             "onboarding_fraction]: cohorts hired besides "
                             "the scenario's, each with its own ramp"},
    [JBW_OPT_CHART] = {"--chart", "C",
                       "report: the chart --svg writes: caseload (default, "
                       "per region), caseload-gi, spread (load ratios over "
                       "workers), koppeling, koppeling-gi"},
    [JBW_OPT_YEAR] = {"--year", "Y",
                      "the year of the national registry (default: the "
                      "latest)"},
};

/*
 * The help of an option that says something else for one command: the
 * --lang help of the commands whose output does not (all) follow it
 * (docs/cli.md; they take it, as every command does, so that a script
 * can pass it to all), and what --top counts. NULL: the option's own
 * help.
 */
static const char *own_help(const jbw_cli_command *cmd, int o)
{
    static const char english[] = "accepted as by every command; this "
                                  "command's output is English or has no "
                                  "words";
    static const struct {
        const char *command;
        int option;
        const char *help;
    } own[] = {
        {"calibrate", JBW_OPT_LANG, english},
        {"regions", JBW_OPT_LANG, english},
        {"export", JBW_OPT_LANG, english},
        {"workdays", JBW_OPT_LANG, english},
        {"version", JBW_OPT_LANG, english},
        {"model", JBW_OPT_LANG,
         "accepted as by every command; the model file and --card "
         "are English, --register Dutch (the Algoritmeregister's "
         "language)"},
        {"backtest", JBW_OPT_LANG,
         "nl (default) or en: the language of the --svg chart "
         "(the table is English)"},
        {"report", JBW_OPT_TOP,
         "only the N most loaded workers of --workers-table (default: "
         "all)"},
        {"triage", JBW_OPT_TOP,
         "only the N measures of highest waiting risk (default: all); the "
         "count of all waiting and the --svg chart cover every one"},
    };
    size_t i;
    for (i = 0; i < sizeof own / sizeof own[0]; i++)
        if (own[i].option == o && strcmp(cmd->name, own[i].command) == 0)
            return own[i].help;
    return NULL;
}

static void print_option(FILE *f, const jbw_cli_command *cmd, int o)
{
    char left[64];
    const char *help = own_help(cmd, o);
    if (!help)
        help = options[o].help;
    if (o == JBW_OPT_FORMAT && cmd->formats)
        help = cmd->formats;
    if (o == JBW_OPT_THREADS && cmd->threads)
        help = cmd->threads;
    snprintf(left, sizeof left, "%s%s%s", options[o].name,
             options[o].metavar ? " " : "",
             options[o].metavar ? options[o].metavar : "");
    fprintf(f, "  %-22s %s\n", left, help);
}

void jbw_cli_command_help(const jbw_cli_command *cmd, FILE *f)
{
    int o;
    fprintf(f, "usage: jbw %s%s%s [options]\n\n%s\n\noptions:\n", cmd->name,
            cmd->args[0] ? " " : "", cmd->args, cmd->summary);
    for (o = 0; o < JBW_OPT_COUNT_; o++)
        if (cmd->options & JBW_CLI_OPT(o))
            print_option(f, cmd, o);
    fprintf(f, "  %-22s %s\n", "--help", "this text");
}

/* "report takes: --measures F, --workers F, ..." on stderr. */
static void print_taken(const jbw_cli_command *cmd)
{
    int o, first = 1;
    fprintf(stderr, "jbw %s takes:", cmd->name);
    for (o = 0; o < JBW_OPT_COUNT_; o++)
        if (cmd->options & JBW_CLI_OPT(o)) {
            fprintf(stderr, "%s %s%s%s", first ? "" : ",", options[o].name,
                    options[o].metavar ? " " : "",
                    options[o].metavar ? options[o].metavar : "");
            first = 0;
        }
    fprintf(stderr, "%s --help\n", first ? "" : ",");
}

static int bad_value(const char *opt, const char *what, const char *v)
{
    fprintf(stderr, "jbw: %s needs %s, not '%s'\n", opt, what, v);
    return 2;
}

/* A byte count from 1 to SIZE_MAX. */
/*
 * --norm V names a norm of the library or a file. A V that is neither (no
 * such name, no such file, and no '/' or '.' that would make it a path)
 * is bad usage; the library's message lists the names.
 */
static int check_norm(const char *v)
{
    jbw_norm *n = NULL;
    struct stat sb;
    char why[512];
    jbw_status st = jbw_norm_new_named(&n, v);
    jbw_norm_free(n);
    if (st != JBW_ENOTFOUND || strchr(v, '/') || strchr(v, '.') ||
        stat(v, &sb) == 0)
        return st == JBW_OK || st == JBW_ENOTFOUND ? 0 : jbw_cli_check(st);
    snprintf(why, sizeof why,
             "--norm '%s' is neither a norm file nor a named norm: %s", v,
             jbw_last_error());
    return jbw_cli_usage(why);
}

static int parse_bytes(size_t *out, const char *opt, const char *s)
{
    char *end;
    unsigned long long v;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (!*s || *end || errno || s[0] == '-' || v == 0 || v > SIZE_MAX)
        return bad_value(opt, "a number of bytes from 1", s);
    *out = (size_t)v;
    return 0;
}

static int parse_long(long *out, const char *opt, const char *s, long lo,
                      long hi)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi) {
        /* no bound is shown where there is none but the type's */
        if (hi == LONG_MAX)
            fprintf(stderr, "jbw: %s needs a whole number >= %ld, not '%s'\n",
                    opt, lo, s);
        else
            fprintf(stderr,
                    "jbw: %s needs a whole number from %ld to %ld, not '%s'\n",
                    opt, lo, hi, s);
        return 2;
    }
    *out = v;
    return 0;
}

/* A finite number; `percent_sign`: one trailing '%' is allowed. */
static int parse_number(double *out, const char *opt, const char *s,
                        int percent_sign)
{
    char *end;
    double v;
    errno = 0;
    v = strtod(s, &end);
    if (percent_sign && end != s && *end == '%')
        end++;
    if (!*s || *end || errno || !isfinite(v))
        return bad_value(opt, "a number", s);
    *out = v;
    return 0;
}

static int set_value(jbw_cli *cli, int o, const char *a, const char *v)
{
    long n = 0;
    int rc = 0;
    switch (o) {
    case JBW_OPT_MEASURES:
        cli->measures = v;
        break;
    case JBW_OPT_WORKERS:
        cli->workers = v;
        break;
    case JBW_OPT_REGISTRY:
        cli->registry = v;
        break;
    case JBW_OPT_NORM:
        cli->norm = v;
        rc = check_norm(v);
        break;
    case JBW_OPT_MODEL:
        cli->model = v;
        break;
    case JBW_OPT_SCENARIO:
        if (cli->scenario_count >= JBW_CLI_SCENARIOS_MAX)
            return bad_value(
                a, "at most " JBW_CLI_STR(JBW_CLI_SCENARIOS_MAX) " files", v);
        /* Only the brief sets scenarios side by side; elsewhere a second
         * file would silently replace the first. */
        if (cli->scenario_count >= 1 && cli->command &&
            strcmp(cli->command->name, "brief") != 0)
            return bad_value(a, "one file (only brief takes several)", v);
        cli->scenario = v;
        cli->scenarios[cli->scenario_count++] = v;
        break;
    case JBW_OPT_OUT:
        cli->out = v;
        break;
    case JBW_OPT_HIRING_PLAN:
        cli->hiring_plan = v;
        break;
    case JBW_OPT_SUPPRESS_BELOW:
        rc = parse_long(&cli->suppress_below, a, v, 0, JBW_PUBLISH_MAX);
        break;
    case JBW_OPT_ROUND_TO:
        rc = parse_long(&cli->round_to, a, v, 0, JBW_PUBLISH_MAX);
        break;
    case JBW_OPT_DIR:
        cli->dir = v;
        break;
    case JBW_OPT_PROBABILITY:
        rc = parse_number(&cli->probability, a, v, 1);
        if (!rc && v[strlen(v) - 1] == '%')
            cli->probability /= 100.0;
        if (!rc && !(cli->probability > 0 && cli->probability < 1))
            return bad_value(a, "a share above 0 and below 1 (0.9 or 90%)", v);
        break;
    case JBW_OPT_SCENARIO_OUT:
        cli->scenario_out = v;
        break;
    case JBW_OPT_HISTORY:
        cli->history = v;
        break;
    case JBW_OPT_WINDOW_MONTHS:
        rc = parse_long(&cli->window_months, a, v, 1, JBW_CALIBRATE_WINDOW_MAX);
        break;
    case JBW_OPT_FROM:
        if (jbw_date_parse(&cli->from, v, (size_t)-1) != JBW_OK) {
            fprintf(stderr, "jbw: --from: %s\n", jbw_last_error());
            return 2;
        }
        break;
    case JBW_OPT_SVG:
        cli->svg = v;
        break;
    case JBW_OPT_CHART: {
        static const struct {
            const char *name;
            int chart;
            jbw_group group;
        } charts[] = {
            {"caseload", JBW_CLI_CHART_CASELOAD, JBW_GROUP_REGION},
            {"caseload-gi", JBW_CLI_CHART_CASELOAD, JBW_GROUP_ORGANISATION},
            {"spread", JBW_CLI_CHART_SPREAD, JBW_GROUP_REGION},
            {"koppeling", JBW_CLI_CHART_KOPPELING, JBW_GROUP_REGION},
            {"koppeling-gi", JBW_CLI_CHART_KOPPELING, JBW_GROUP_ORGANISATION},
        };
        size_t i;
        for (i = 0; i < sizeof charts / sizeof charts[0]; i++)
            if (strcmp(v, charts[i].name) == 0)
                break;
        if (i == sizeof charts / sizeof charts[0])
            return bad_value(a,
                             "caseload, caseload-gi, spread, koppeling or "
                             "koppeling-gi",
                             v);
        cli->chart_given = 1;
        cli->chart = charts[i].chart;
        cli->chart_group = charts[i].group;
        break;
    }
    case JBW_OPT_ORGANISATION:
        cli->organisation = v;
        break;
    case JBW_OPT_REGION:
        cli->region = v;
        break;
    case JBW_OPT_DATE:
        if (jbw_date_parse(&cli->date, v, (size_t)-1) != JBW_OK) {
            fprintf(stderr, "jbw: --date: %s\n", jbw_last_error());
            return 2;
        }
        break;
    case JBW_OPT_FORMAT:
        if (strcmp(v, "text") == 0)
            cli->format = JBW_CLI_TEXT;
        else if (strcmp(v, "json") == 0)
            cli->format = JBW_CLI_JSON;
        else if (strcmp(v, "csv") == 0)
            cli->format = JBW_CLI_CSV;
        else if (cli->command && strcmp(cli->command->name, "brief") == 0 &&
                 strcmp(v, "html") == 0)
            cli->format = JBW_CLI_HTML;
        else if (cli->command &&
                 (strcmp(cli->command->name, "brief") == 0 ||
                  strcmp(cli->command->name, "model") == 0) &&
                 strcmp(v, "md") == 0)
            cli->format = JBW_CLI_MD;
        else if (cli->command && strcmp(cli->command->name, "report") == 0 &&
                 strcmp(v, "table") == 0)
            cli->format = JBW_CLI_TABLE;
        else
            return bad_value(a,
                             "text, json or csv (brief: html or md; model: "
                             "json or md; report: table)",
                             v);
        break;
    case JBW_OPT_MODEL_VERSION:
        rc = parse_long(&cli->model_version, a, v, 1, 2);
        break;
    case JBW_OPT_LANG:
        if (strcmp(v, "nl") == 0)
            cli->lang = JBW_LANG_NL;
        else if (strcmp(v, "en") == 0)
            cli->lang = JBW_LANG_EN;
        else
            return bad_value(a, "nl or en", v);
        break;
    case JBW_OPT_TOP:
        rc = parse_long(&n, a, v, 1, LONG_MAX);
        cli->top = (size_t)n;
        break;
    case JBW_OPT_MONTHS:
        rc = parse_long(&cli->months, a, v, 1, JBW_FORECAST_MONTHS_MAX);
        break;
    case JBW_OPT_REPLICATES:
        rc = parse_long(&cli->replicates, a, v, 0, JBW_FORECAST_REPLICATES_MAX);
        break;
    case JBW_OPT_SEED: {
        char *end;
        errno = 0;
        cli->seed = strtoull(v, &end, 10);
        if (!*v || *end || errno || v[0] == '-')
            return bad_value(a, "a whole number >= 0", v);
        cli->seed_given = 1;
        break;
    }
    case JBW_OPT_THREADS:
        rc = parse_long(&cli->threads, a, v, 0, JBW_FORECAST_THREADS_MAX);
        break;
    case JBW_OPT_TARGET:
        rc = parse_number(&cli->target, a, v, 0);
        if (!rc && cli->target < 0)
            return bad_value(a, "a number of measures >= 0", v);
        break;
    case JBW_OPT_MAX_FILE_BYTES:
        rc = parse_bytes(&cli->max_file_bytes, a, v);
        break;
    case JBW_OPT_MAX_LINE_BYTES:
        rc = parse_bytes(&cli->max_line_bytes, a, v);
        break;
    case JBW_OPT_WITHIN_WORKDAYS:
        rc = parse_long(&cli->within_workdays, a, v, 0, 10000);
        break;
    case JBW_OPT_PERCENT:
        rc = parse_number(&cli->percent, a, v, 1);
        /* below 1 is refused as --probability refuses 90: 0.9 is a share
         * written for a percentage far more often than 0.9 % is meant */
        if (!rc && !(cli->percent >= 1 && cli->percent < 100))
            return bad_value(a,
                             "a share in % from 1 to below 100 (90 or 90%; "
                             "not the fraction 0.9)",
                             v);
        break;
    case JBW_OPT_CALENDAR:
        if (jbw_calendar_preset_from_code(&cli->calendar, v, (size_t)-1) !=
            JBW_OK)
            return bad_value(a, "cao or atw", v);
        break;
    case JBW_OPT_YEAR:
        rc = parse_long(&n, a, v, jbw_registry_national_first_year(),
                        jbw_registry_national_last_year());
        cli->year = (int)n;
        break;
    default:
        break;
    }
    return rc;
}

int jbw_cli_parse(jbw_cli *cli, const jbw_cli_command *cmd, int argc,
                  char **argv)
{
    int i;
    memset(cli, 0, sizeof *cli);
    cli->command = cmd;
    current_command = cmd->name;
    cli->date = JBW_DATE_NONE;
    cli->from = JBW_DATE_NONE;
    cli->probability = NAN;
    cli->replicates = -1;
    cli->target = NAN;
    cli->percent = NAN;
    cli->within_workdays = -1;
    cli->chart_group = JBW_GROUP_REGION;
    cli->lang = JBW_LANG_NL;
    for (i = 0; i < argc; i++) {
        const char *a = argv[i], *v, *eq;
        char name[64];
        size_t name_len;
        int o, rc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            jbw_cli_command_help(cmd, stdout);
            return -1;
        }
        if (a[0] != '-' || a[1] == '\0' ||
            (a[1] != '-' && !isalpha((unsigned char)a[1]))) {
            if (cli->positional_count >= cmd->max_args) {
                fprintf(stderr, "jbw %s: unexpected argument '%s'\n", cmd->name,
                        a);
                jbw_cli_command_help(cmd, stderr);
                return 2;
            }
            cli->positional[cli->positional_count++] = a;
            continue;
        }
        /* --name or --name=value */
        eq = strchr(a, '=');
        name_len = eq ? (size_t)(eq - a) : strlen(a);
        if (name_len >= sizeof name)
            name_len = sizeof name - 1;
        memcpy(name, a, name_len);
        name[name_len] = '\0';
        for (o = 0; o < JBW_OPT_COUNT_; o++)
            if (strcmp(options[o].name, name) == 0)
                break;
        if (o == JBW_OPT_COUNT_ || !(cmd->options & JBW_CLI_OPT(o))) {
            if (o == JBW_OPT_COUNT_)
                fprintf(stderr, "jbw %s: unknown option '%s'\n", cmd->name,
                        name);
            else
                fprintf(stderr, "jbw %s: option '%s' does not apply to %s\n",
                        cmd->name, name, cmd->name);
            print_taken(cmd);
            return 2;
        }
        cli->given |= JBW_CLI_OPT(o);
        if (!options[o].metavar) {
            if (eq) {
                fprintf(stderr, "jbw: %s takes no value\n", name);
                return 2;
            }
            if (o == JBW_OPT_CARD)
                cli->card = 1;
            else if (o == JBW_OPT_REGISTER)
                cli->register_entry = 1;
            else if (o == JBW_OPT_WORKERS_TABLE)
                cli->workers_table = 1;
            else if (o == JBW_OPT_ALLOW_UNKNOWN_COLUMNS)
                cli->allow_unknown_columns = 1;
            else
                cli->lenient = 1;
            continue;
        }
        if (eq)
            v = eq + 1;
        else if (i + 1 < argc)
            v = argv[++i];
        else {
            fprintf(stderr,
                    "jbw: %s needs a value: %s %s (see 'jbw %s --help')\n",
                    name, name, options[o].metavar, cmd->name);
            return 2;
        }
        rc = set_value(cli, o, name, v);
        if (rc)
            return rc;
    }
    if (cli->positional_count < cmd->min_args) {
        fprintf(stderr, "jbw %s: needs %s\n", cmd->name, cmd->args);
        jbw_cli_command_help(cmd, stderr);
        return 2;
    }
    if (!cli->measures != !cli->workers)
        return jbw_cli_usage("--measures and --workers go together");
    if (cli->registry && !cli->measures && !cli->history)
        return jbw_cli_usage("--registry goes with --measures and --workers, "
                             "or with --history");
    /* '-' is not standard input or output here: export writes three files,
     * and forecast prints its report on standard output already. Refused
     * rather than taken as a file or directory named '-'. */
    if ((cli->dir && strcmp(cli->dir, "-") == 0) ||
        (cli->out && strcmp(cli->out, "-") == 0) ||
        (cli->svg && strcmp(cli->svg, "-") == 0))
        return jbw_cli_usage("'-' is not a file or directory name here; "
                             "give a path ('./-' for one named '-')");
    return 0;
}

/* A lenient load's rejected rows: the reason names file and line. */
static void report_rejects(const jbw_rejects *rejects)
{
    size_t i, n = jbw_rejects_count(rejects);
    for (i = 0; i < n; i++) {
        const char *reason = NULL;
        if (jbw_rejects_get(NULL, NULL, &reason, rejects, i) == JBW_OK)
            fprintf(stderr, "jbw: rejected: %s\n", reason);
    }
    if (n)
        fprintf(stderr, "jbw: %zu row(s) rejected and left out\n", n);
}

/* What a CSV file's header line says it holds: "measures", "workers",
 * "registry" or NULL (unreadable or none of these). */
static const char *csv_kind(const char *path)
{
    char line[4096];
    struct stat sb;
    FILE *f;
    const char *kind = NULL;
    /* Only a regular file: opening a FIFO again would wait for a writer. */
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return NULL;
    f = fopen(path, "r");
    if (!f)
        return NULL;
    if (fgets(line, sizeof line, f)) {
        /* column names are case-blind (docs/formats.md): "Child_ID" too */
        char *p = line;
        if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
            p += 3;
        /* Excel's "sep=;" line comes before the header (docs/formats.md) */
        if ((p[0] | 0x20) == 's' && (p[1] | 0x20) == 'e' &&
            (p[2] | 0x20) == 'p' && p[3] == '=' && !fgets(line, sizeof line, f))
            line[0] = '\0';
        for (p = line; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
        if (strstr(line, "child_id"))
            kind = "measures";
        else if (strstr(line, "hired"))
            kind = "workers";
        else if (strstr(line, "cbs_code"))
            kind = "registry";
    }
    fclose(f);
    return kind;
}

/* After a failed load: a hint for each file that looks like another
 * slot's; the number of hints. */
static int hint_slots(const jbw_cli *cli)
{
    static const jbw_cli_opt slots[] = {JBW_OPT_MEASURES, JBW_OPT_WORKERS,
                                        JBW_OPT_REGISTRY};
    const char *paths[3];
    size_t i;
    int hints = 0;
    paths[0] = cli->measures;
    paths[1] = cli->workers;
    paths[2] = cli->registry;
    for (i = 0; i < 3; i++) {
        const char *kind = paths[i] ? csv_kind(paths[i]) : NULL;
        if (kind && strcmp(kind, options[slots[i]].name + 2) != 0) {
            fprintf(stderr,
                    "jbw: hint: '%s' looks like a %s file, given as %s "
                    "(did you mean --%s %s?)\n",
                    paths[i], kind, options[slots[i]].name, kind, paths[i]);
            hints++;
        }
    }
    return hints;
}

/* --organisation/--region must name a key of the snapshot's registry. */
static int check_key(const jbw_registry *reg, const char *opt, const char *key,
                     int region)
{
    size_t i, n, index;
    jbw_status st = region ? jbw_registry_find_region(&index, reg, key)
                           : jbw_registry_find_organisation(&index, reg, key);
    if (st == JBW_OK)
        return 0;
    fprintf(stderr, "jbw: %s '%s' is not in the registry; valid keys:", opt,
            key);
    n = region ? jbw_registry_region_count(reg)
               : jbw_registry_organisation_count(reg);
    for (i = 0; i < n; i++) {
        jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
        jbw_organisation_info org = {JBW_ORGANISATION_INFO_VERSION, NULL, NULL,
                                     0};
        if (region ? jbw_registry_region(&r, reg, i) == JBW_OK
                   : jbw_registry_organisation(&org, reg, i) == JBW_OK)
            fprintf(stderr, " %s (%s)%s", region ? r.key : org.key,
                    region ? r.name : org.name, i + 1 < n ? "," : "");
    }
    fputc('\n', stderr);
    return 2;
}

/* The rows of `file` a lenient load rejected: their number, and the
 * first one's reason in *first. */
static size_t rejected_of(const jbw_rejects *rejects, const char *file,
                          const char **first)
{
    size_t i, n = 0, count = jbw_rejects_count(rejects);
    for (i = 0; i < count; i++) {
        const char *f = NULL, *reason = NULL;
        if (jbw_rejects_get(&f, NULL, &reason, rejects, i) != JBW_OK ||
            strcmp(f, file) != 0)
            continue;
        if (!n++)
            *first = reason;
    }
    return n;
}

/*
 * A lenient load that rejected rows of a file and kept none of them has
 * nothing to report on: no worker is bad input as no measure is (every
 * assigned measure would go with its worker), exit 1, not an empty
 * result. The rejects are listed already; the message names the file,
 * the count and the first reason. Workers first: their rejects take the
 * measures of those workers with them.
 */
static int nothing_loaded(const char *measures, const char *workers,
                          jbw_snapshot **out, const jbw_rejects *rejects)
{
    const char *file = workers, *first = "";
    size_t n = rejected_of(rejects, workers, &first);
    if (!n || jbw_snapshot_worker_count(*out)) {
        file = measures;
        n = rejected_of(rejects, measures, &first);
        if (!n || jbw_snapshot_measure_count(*out))
            return 0;
    }
    fprintf(stderr,
            "jbw: no row of %s could be loaded: every row was rejected "
            "(%zu row(s); the first: %s)\n",
            file, n, first);
    jbw_snapshot_free(*out);
    *out = NULL;
    return 1;
}

int jbw_cli_load_notice(jbw_snapshot *snap, const char *measures)
{
    /* a notice is one line of at most 400 bytes: a larger file is
     * refused whole, never cut */
    char path[4096], text[512];
    const char *slash = strrchr(measures, '/');
    int dir = slash ? (int)(slash - measures + 1) : 0, failed;
    size_t n;
    FILE *f;
    snprintf(path, sizeof path, "%.*sdata_notice", dir, measures);
    f = fopen(path, "rb");
    if (!f && errno == ENOENT)
        return 0;
    if (!f) {
        fprintf(stderr, "jbw: %s: cannot read the data notice: %s\n", path,
                strerror(errno));
        return 1;
    }
    errno = 0;
    n = fread(text, 1, sizeof text, f);
    failed = ferror(f) ? errno : 0;
    fclose(f);
    if (failed) {
        fprintf(stderr, "jbw: %s: cannot read the data notice: %s\n", path,
                strerror(failed));
        return 1;
    }
    if (n == sizeof text) {
        fprintf(stderr,
                "jbw: %s: the data notice is longer than 400 bytes; a "
                "notice is one line\n",
                path);
        return 1;
    }
    text[n] = '\0';
    if (n && text[n - 1] == '\n') /* the line end the export writes */
        text[--n] = '\0';
    if (n && text[n - 1] == '\r')
        text[--n] = '\0';
    if (strlen(text) != n) {
        fprintf(stderr, "jbw: %s: the data notice holds a NUL byte\n", path);
        return 1;
    }
    if (jbw_snapshot_set_data_notice(snap, text) != JBW_OK) {
        fprintf(stderr, "jbw: %s: %s\n", path, jbw_last_error());
        return 1;
    }
    return 0;
}

/* A count with the thousands grouped as the brief groups them: "1.234"
 * in Dutch, "1,234" in English. */
static void grouped(char *buf, size_t size, size_t n, jbw_lang lang)
{
    char digits[32];
    size_t len = (size_t)snprintf(digits, sizeof digits, "%zu", n), i, at = 0;
    for (i = 0; i < len && at + 2 < size; i++) {
        if (i && (len - i) % 3 == 0)
            buf[at++] = lang == JBW_LANG_EN ? ',' : '.';
        buf[at++] = digits[i];
    }
    buf[at] = '\0';
}

/* A date as the brief writes it: "1-9-2025" in Dutch, "1 Sep 2025" in
 * English. */
static void brief_date(char *buf, size_t size, jbw_date d, jbw_lang lang)
{
    static const char *const month[] = {"Jan", "Feb", "Mar", "Apr",
                                        "May", "Jun", "Jul", "Aug",
                                        "Sep", "Oct", "Nov", "Dec"};
    int y, m, day;
    if (jbw_date_to_ymd(&y, &m, &day, d) != JBW_OK)
        snprintf(buf, size, "?");
    else if (lang == JBW_LANG_EN)
        snprintf(buf, size, "%d %s %d", day, month[m - 1], y);
    else
        snprintf(buf, size, "%d-%d-%d", day, m, y);
}

/* " van 1-8-2025 en 1-9-2025" / " for 1 Aug 2025 and 1 Sep 2025", or the
 * number of exports when there are more than their dates; "" for the
 * files of --measures/--workers. */
static void brief_exports(char *buf, size_t size, const jbw_date *dates,
                          size_t exports, jbw_lang lang)
{
    int en = lang == JBW_LANG_EN;
    size_t i, len;
    buf[0] = '\0';
    if (!exports)
        return;
    if (exports > JBW_CLI_LEFT_OUT_DATES) {
        snprintf(buf, size, en ? " for %zu dates" : " van %zu peildata",
                 exports);
        return;
    }
    len = (size_t)snprintf(buf, size, "%s", en ? " for " : " van ");
    for (i = 0; i < exports && len < size; i++) {
        char d[32];
        brief_date(d, sizeof d, dates[i], lang);
        len += (size_t)snprintf(buf + len, size - len, "%s%s",
                                i == 0            ? ""
                                : i + 1 < exports ? ", "
                                : en              ? " and "
                                                  : " en ",
                                d);
    }
}

/* The note of a brief, for a council: what was not counted and why, in
 * plain words, singular or plural. */
static void brief_note(char *buf, size_t size, size_t n, const char *where,
                       jbw_lang lang)
{
    char count[32];
    grouped(count, sizeof count, n, lang);
    if (lang == JBW_LANG_EN)
        snprintf(buf, size,
                 n == 1 ? "%s row of the files supplied%s was not counted "
                          "because it was not valid; jbw listed it (on "
                          "stderr) when this brief was made."
                        : "%s rows of the files supplied%s were not counted "
                          "because they were not valid; jbw listed them (on "
                          "stderr) when this brief was made.",
                 count, where);
    else
        snprintf(buf, size,
                 n == 1 ? "%s rij uit de aangeleverde bestanden%s is niet "
                          "meegeteld, omdat die niet klopte; welke rij dat "
                          "is, staat in de meldingen van jbw (stderr) bij "
                          "het maken van dit stuk."
                        : "%s rijen uit de aangeleverde bestanden%s zijn niet "
                          "meegeteld, omdat die niet klopten; welke rijen dat "
                          "zijn, staat in de meldingen van jbw (stderr) bij "
                          "het maken van dit stuk.",
                 count, where);
}

/* The note of the other outputs, for analysts: the option named, in
 * Dutch and English, the exports by their ISO dates. */
static void analyst_note(char *buf, size_t size, size_t n,
                         const jbw_date *dates, size_t exports)
{
    char where[160] = "";
    size_t i, len;
    if (exports > JBW_CLI_LEFT_OUT_DATES) {
        snprintf(where, sizeof where, " in %zu exports", exports);
    } else if (exports) {
        len = (size_t)snprintf(where, sizeof where, " in export%s",
                               exports > 1 ? "s" : "");
        for (i = 0; i < exports && len + JBW_DATE_BUFSIZE + 2 < sizeof where;
             i++) {
            where[len++] = i ? ',' : ' ';
            if (i)
                where[len++] = ' ';
            jbw_date_format(where + len, sizeof where - len, dates[i]);
            len += strlen(where + len);
        }
    }
    snprintf(buf, size,
             "%zu rij(en) van de invoer weggelaten met --lenient%s "
             "(%zu input row(s) left out with --lenient%s, listed on "
             "stderr)",
             n, where, n, where);
}

/*
 * A lenient load that left rows out says so in every output, through the
 * data notice (after the notice of the files, when they have one), not on
 * stderr only: figures made without those rows must not pass for the
 * whole file. A notice that would grow past its 400 bytes stays as it is,
 * and stderr says why.
 */
void jbw_cli_note_left_out(const jbw_cli *cli, jbw_snapshot *snap, size_t n,
                           const jbw_date *dates, size_t exports)
{
    char note[512], text[1024];
    const char *old = jbw_snapshot_data_notice(snap);
    if (!n)
        return;
    if (cli->command && strcmp(cli->command->name, "brief") == 0) {
        char where[256];
        brief_exports(where, sizeof where, dates, exports, cli->lang);
        brief_note(note, sizeof note, n, where, cli->lang);
    } else {
        analyst_note(note, sizeof note, n, dates, exports);
    }
    snprintf(text, sizeof text, "%s%s%s", old ? old : "", old ? " | " : "",
             note);
    if (jbw_snapshot_set_data_notice(snap, text) != JBW_OK)
        fprintf(stderr,
                "jbw: the outputs do not say that %zu row(s) were left out: "
                "%s\n",
                n, jbw_last_error());
}

/* Today by the machine's clock, in its local time (the files' dates are
 * local dates); NONE when it cannot be read. */
static jbw_date today_local(void)
{
    time_t t = time(NULL);
    struct tm tm;
    jbw_date d;
    if (t == (time_t)-1 || !localtime_r(&t, &tm) ||
        jbw_date_from_ymd(&d, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) !=
            JBW_OK)
        return jbw_date_none();
    return d;
}

/*
 * What the files hold that a report would silently build on: no measure
 * row at all, or a reference date (the latest date in the files, when
 * --date is not given) after today, which one wrong date in one row
 * makes: every figure is then of that day. Warnings on stderr; the
 * report goes on.
 */
static void warn_about_files(const jbw_cli *cli, const jbw_snapshot *snap)
{
    jbw_date ref = jbw_snapshot_reference_date(snap), now = today_local();
    if (jbw_snapshot_measure_count(snap) == 0)
        fprintf(stderr, "jbw: warning: %s holds no measure rows\n",
                cli->measures);
    if (cli->date == JBW_DATE_NONE && now != jbw_date_none() && ref > now) {
        char r[JBW_DATE_BUFSIZE], t[JBW_DATE_BUFSIZE];
        jbw_date_format(r, sizeof r, ref);
        jbw_date_format(t, sizeof t, now);
        fprintf(stderr,
                "jbw: warning: the reference date %s, the latest date in "
                "the files, is after today (%s): a date in the files is "
                "probably wrong; every figure is of %s unless --date D "
                "sets another date\n",
                r, t, r);
    }
}

/* A record that holds the reference date, for a note. */
typedef struct date_source {
    const char *record, *id, *field;
    jbw_date shown; /* the field's value (an end: the end itself) */
    size_t holders; /* records with a date on the reference date (to 2) */
    jbw_date next;  /* the latest date before it, of any record */
} date_source;

/* Counts the date `d` of a record's field (`shown` is what the field
 * says) against the reference date `ref`; *held is set when it is the
 * reference date. */
static void date_seen(date_source *s, int *held, jbw_date ref, jbw_date d,
                      const char *record, const char *id, const char *field,
                      jbw_date shown)
{
    if (d == JBW_DATE_NONE)
        return;
    if (d < ref) {
        if (s->next == JBW_DATE_NONE || d > s->next)
            s->next = d;
        return;
    }
    if (d != ref || *held)
        return;
    *held = 1;
    if (s->holders++ == 0) {
        s->record = record;
        s->id = id;
        s->field = field;
        s->shown = shown;
    }
}

/* Which record holds the reference date, and the latest date before it:
 * the dates load_rows.c takes it from (a measure's start, end - 1,
 * first_assigned, waiting_since, last_contact, help_requested and
 * help_started; a worker's hired). A note names one record only, so the
 * scan stops at a second that holds it (then `next` is not needed): in
 * an export of a day on which much happened, early. 0, or -1 when a
 * record cannot be read. */
static int find_date_source(date_source *s, const jbw_snapshot *snap)
{
    jbw_date ref = jbw_snapshot_reference_date(snap);
    size_t i;
    memset(s, 0, sizeof *s);
    s->next = JBW_DATE_NONE;
    for (i = 0; i < jbw_snapshot_measure_count(snap) && s->holders < 2; i++) {
        jbw_measure m;
        int held = 0;
        if (jbw_measure_init(&m, JBW_MEASURE_VERSION) != JBW_OK ||
            jbw_snapshot_measure(&m, snap, i) != JBW_OK)
            return -1;
        date_seen(s, &held, ref, m.start, "measure", m.id, "start", m.start);
        if (m.end != JBW_DATE_NONE && m.end > m.start)
            date_seen(s, &held, ref, m.end - 1, "measure", m.id, "end", m.end);
        date_seen(s, &held, ref, m.first_assigned, "measure", m.id,
                  "first_assigned", m.first_assigned);
        date_seen(s, &held, ref, m.waiting_since, "measure", m.id,
                  "waiting_since", m.waiting_since);
        date_seen(s, &held, ref, m.last_contact, "measure", m.id,
                  "last_contact", m.last_contact);
        date_seen(s, &held, ref, m.help_requested, "measure", m.id,
                  "help_requested", m.help_requested);
        date_seen(s, &held, ref, m.help_started, "measure", m.id,
                  "help_started", m.help_started);
    }
    for (i = 0; i < jbw_snapshot_worker_count(snap) && s->holders < 2; i++) {
        jbw_worker w;
        int held = 0;
        if (jbw_worker_init(&w, JBW_WORKER_VERSION) != JBW_OK ||
            jbw_snapshot_worker(&w, snap, i) != JBW_OK)
            return -1;
        date_seen(s, &held, ref, w.hired, "worker", w.id, "hired", w.hired);
    }
    return 0;
}

/* A month in which nothing else in a region's files happened: a lone
 * latest date further from the rest than this is worth a note. */
#define LONE_DATE_GAP_DAYS 31

/*
 * The reference date the files give (--date not given) is their latest
 * date, of whatever field, and it dates every figure. A note names the
 * record it comes from when that record may be wrong:
 *  - only a measure's end or a worker's hired reaches it: likely a
 *    planned date, not the day of the export;
 *  - one record alone holds it, more than LONE_DATE_GAP_DAYS after every
 *    other date in the files: likely a typo (2026 for 2025).
 */
static void note_reference_date_source(const jbw_snapshot *snap)
{
    jbw_date ref = jbw_snapshot_reference_date(snap);
    jbw_date event = jbw_snapshot_latest_event(snap);
    date_source s;
    char r[JBW_DATE_BUFSIZE], p[JBW_DATE_BUFSIZE], n[JBW_DATE_BUFSIZE];
    if (find_date_source(&s, snap) != 0 || !s.record)
        return;
    jbw_date_format(r, sizeof r, ref);
    jbw_date_format(p, sizeof p, s.shown);
    if (event == JBW_DATE_NONE || event < ref) {
        fprintf(stderr,
                "jbw: note: the reference date %s comes from %s '%s' (%s %s) "
                "only; if that is a planned date, give --date D (the "
                "export's date)\n",
                r, s.record, s.id, s.field, p);
        return;
    }
    if (s.holders != 1 || s.next == JBW_DATE_NONE ||
        ref - s.next <= LONE_DATE_GAP_DAYS)
        return;
    jbw_date_format(n, sizeof n, s.next);
    fprintf(stderr,
            "jbw: note: the reference date %s comes from %s '%s' (%s %s) "
            "alone; the next latest date in the files is %s, %ld days "
            "earlier: if %s is wrong, correct it, or give --date D (the "
            "export's date)\n",
            r, s.record, s.id, s.field, p, n, (long)(ref - s.next), p);
}

int jbw_cli_registry(const jbw_cli *cli, jbw_registry **out)
{
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    opts.max_file_bytes = cli->max_file_bytes;
    opts.max_line_bytes = cli->max_line_bytes;
    return jbw_cli_check(
        cli->registry ? jbw_registry_load_csv_opts(out, cli->registry, &opts)
                      : jbw_registry_zuid_west(out));
}

/* The load failed since neither file holds a date to infer the
 * reference date from (the library's wording, lib/io/snapshot_load.c). */
static int holds_no_date(jbw_status st)
{
    return st == JBW_EINVAL &&
           strstr(jbw_last_error(), ": no dates to infer the reference date");
}

/* The path names a regular file: one that can be read a second time (a
 * FIFO or a terminal cannot; opening a FIFO again waits for a writer). */
static int is_regular(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/*
 * A lenient load with `opts` (lenient set) under a stand-in reference
 * date when none is given: which rows it leaves out does not depend on
 * the date (adding a row never reads it). JBW_OK with *rejects set, or
 * the load's error; JBW_EINVAL, unread, unless both files are regular
 * files, which a second read finds as the first did.
 */
static jbw_status load_for_rejects(jbw_rejects **rejects,
                                   const jbw_registry *reg,
                                   const char *measures, const char *workers,
                                   jbw_load_options opts)
{
    jbw_snapshot *snap = NULL;
    jbw_status st = JBW_OK;
    if (!is_regular(measures) || !is_regular(workers))
        return JBW_EINVAL;
    if (opts.reference_date == JBW_DATE_NONE)
        st = jbw_date_from_ymd(&opts.reference_date, 2000, 1, 1);
    if (st == JBW_OK)
        st = jbw_snapshot_load_csv(&snap, rejects, reg, measures, workers,
                                   &opts);
    jbw_snapshot_free(snap);
    return st;
}

/*
 * A lenient load without --date that found no date since it rejected
 * every row: those rows are listed as with --date, and the message says
 * they were rejected (how many, the first reason); --date would not
 * mend them. 0 when nothing was rejected (files of headers only). Files
 * that cannot be read again (a FIFO) get the library's message, which
 * says the same without the list.
 */
static int every_row_rejected(const jbw_registry *reg, const char *measures,
                              const char *workers, const jbw_load_options *opts)
{
    jbw_rejects *rejects = NULL;
    const char *first = "";
    size_t n;
    if (strstr(jbw_last_error(), ": every row was rejected (") &&
        (!is_regular(measures) || !is_regular(workers)))
        return jbw_cli_check(JBW_EINVAL);
    if (load_for_rejects(&rejects, reg, measures, workers, *opts) != JBW_OK ||
        (n = jbw_rejects_count(rejects)) == 0) {
        jbw_rejects_free(rejects);
        return 0;
    }
    report_rejects(rejects);
    jbw_rejects_get(NULL, NULL, &first, rejects, 0);
    fprintf(stderr,
            "jbw: the files hold no date to take the reference date from: "
            "every row was rejected (%zu row(s); the first: %s)\n",
            n, first);
    jbw_rejects_free(rejects);
    return 1;
}

/* A strict load failed: when a lenient one with the same options loads
 * (so the failure was a row's, not the file's), --lenient is named. */
static void hint_lenient(const jbw_registry *reg, const char *measures,
                         const char *workers, jbw_load_options opts)
{
    jbw_rejects *rejects = NULL;
    opts.lenient = 1;
    if (load_for_rejects(&rejects, reg, measures, workers, opts) == JBW_OK &&
        jbw_rejects_count(rejects))
        fprintf(stderr, "jbw: --lenient loads the other rows and lists every "
                        "row it leaves out\n");
    jbw_rejects_free(rejects);
}

int jbw_cli_load_files(const jbw_cli *cli, const jbw_registry *reg,
                       const char *measures, const char *workers, jbw_date date,
                       jbw_snapshot **out, size_t *left_out)
{
    jbw_rejects *rejects = NULL;
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_status st;
    int rc;
    opts.lenient = cli->lenient;
    opts.allow_unknown_columns = cli->allow_unknown_columns;
    opts.max_file_bytes = cli->max_file_bytes;
    opts.max_line_bytes = cli->max_line_bytes;
    opts.threads = (unsigned int)cli->threads; /* 0 unless given: all */
    opts.reference_date = date;
    st = jbw_snapshot_load_csv(out, &rejects, reg, measures, workers, &opts);
    /* Files without a date (headers only: an empty export) are of --date
     * when it is given; the library asks for a load option, the user for
     * an option of jbw. */
    if (date == JBW_DATE_NONE && holds_no_date(st)) {
        if (cli->date == JBW_DATE_NONE) {
            if (!cli->lenient ||
                !every_row_rejected(reg, measures, workers, &opts))
                fprintf(stderr, "jbw: give --date D: the files hold no date "
                                "to take the reference date from\n");
            return 1;
        }
        opts.reference_date = cli->date;
        st =
            jbw_snapshot_load_csv(out, &rejects, reg, measures, workers, &opts);
    }
    if (st == JBW_OK)
        report_rejects(rejects);
    *left_out = jbw_rejects_count(rejects);
    rc = st == JBW_OK ? nothing_loaded(measures, workers, out, rejects) : 0;
    jbw_rejects_free(rejects);
    if (rc)
        return 1;
    if (jbw_cli_check(st)) {
        /* the files named on the command line: --measures, --workers. A
         * file in another's slot has the other's columns: the fix is the
         * slot, and --allow-unknown-columns would only hide it, so its
         * hint is left out then. The library names no option here: its
         * message stays its own. When a required column is missing too,
         * the library says so in another message (no ": unknown column"):
         * the columns want renaming, and the option would only end in
         * the missing column's error, so no hint then either. */
        if (!(measures == cli->measures && hint_slots(cli)) &&
            strstr(jbw_last_error(), ": unknown column '"))
            fprintf(stderr, "jbw: hint: give --allow-unknown-columns to "
                            "ignore columns libjbw does not read\n");
        /* strict shows the first problem only; a row's problem (not the
         * file's: a lenient load of the same files fails alike) is one
         * of perhaps many */
        if (!cli->lenient && st != JBW_ENOMEM)
            hint_lenient(reg, measures, workers, opts);
        return 1;
    }
    if (jbw_cli_load_notice(*out, measures)) {
        jbw_snapshot_free(*out);
        *out = NULL;
        return 1;
    }
    return 0;
}

/*
 * --date against the data's reference date: after it, bad usage (2): the
 * assignment state of later dates is not known. Before it, a note: that
 * bestaand is too low then; or, when nothing happened after --date in
 * the files (their later dates are a measure's end or a worker's hired,
 * often planned), that --date is taken as the export's date, unless it
 * is after today (2): no export is of a day still to come.
 */
static int check_date(const jbw_cli *cli, const jbw_snapshot *snap)
{
    jbw_date ref = jbw_snapshot_reference_date(snap), event, now;
    char given[JBW_DATE_BUFSIZE], last[JBW_DATE_BUFSIZE], e[JBW_DATE_BUFSIZE];
    if (cli->date == JBW_DATE_NONE || cli->date == ref)
        return 0;
    jbw_date_format(given, sizeof given, cli->date);
    jbw_date_format(last, sizeof last, ref);
    if (cli->date > ref) {
        fprintf(stderr,
                "jbw: --date %s is after the data's reference date %s (%s); "
                "the assignment state of later dates is not known: give a "
                "date up to %s\n",
                given, last,
                cli->example ? "the embedded example's date"
                             : "the latest date in the files",
                last);
        return 2;
    }
    event = jbw_snapshot_latest_event(snap);
    if (event != JBW_DATE_NONE && event > cli->date) {
        /* nieuw is known on any date (first_assigned says when the first
         * worker came); a worker lost and replaced before the data's date
         * is not in the files. calibrate counts no bestaand: its rates
         * come from dates, and it reads only what was known on the date */
        if (cli->command && strcmp(cli->command->name, "calibrate") == 0)
            return 0;
        fprintf(stderr,
                "jbw: note: --date %s is before the data's date %s: a "
                "measure that waited for a new worker on %s and has one "
                "again on %s counts as assigned, so bestaand is too low on "
                "%s\n",
                given, last, given, last, given);
        return 0;
    }
    strcpy(e, "-");
    if (event != JBW_DATE_NONE)
        jbw_date_format(e, sizeof e, event);
    now = today_local();
    if (now != jbw_date_none() && cli->date > now) {
        fprintf(stderr,
                "jbw: --date %s is after today; the files' last day on which "
                "something happened is %s, and their later dates are only a "
                "measure's end or a worker's hired (planned): give the "
                "export's date\n",
                given, e);
        return 2;
    }
    fprintf(stderr,
            "jbw: note: --date %s is taken as the export's date: the files' "
            "last day on which something happened is %s; their later dates "
            "are only a measure's end or a worker's hired\n",
            given, e);
    return 0;
}

int jbw_cli_check_scope(const jbw_cli *cli, const jbw_snapshot *snap)
{
    int rc = 0;
    if (cli->organisation)
        rc = check_key(jbw_snapshot_registry(snap), "--organisation",
                       cli->organisation, 0);
    if (!rc && cli->region)
        rc = check_key(jbw_snapshot_registry(snap), "--region", cli->region, 1);
    return rc;
}

int jbw_cli_load(jbw_cli *cli, jbw_snapshot **out)
{
    jbw_registry *reg = NULL;
    size_t left_out = 0;
    int rc;
    if (!cli->measures) {
        cli->example = 1;
        if (jbw_cli_check(jbw_example_snapshot(out, JBW_EXAMPLE_SEED)))
            return 1;
    } else {
        if (jbw_cli_registry(cli, &reg)) {
            if (cli->registry)
                hint_slots(cli);
            return 1;
        }
        rc = jbw_cli_load_files(cli, reg, cli->measures, cli->workers,
                                JBW_DATE_NONE, out, &left_out);
        jbw_registry_free(reg);
        if (rc)
            return 1;
        jbw_cli_note_left_out(cli, *out, left_out, NULL, 0);
        warn_about_files(cli, *out);
        if (cli->date == JBW_DATE_NONE)
            note_reference_date_source(*out);
    }
    rc = check_date(cli, *out);
    if (!rc)
        rc = jbw_cli_check_scope(cli, *out);
    if (rc) {
        jbw_snapshot_free(*out);
        *out = NULL;
    }
    return rc;
}

/* --norm V: a named norm of the library when V is one of its names, else
 * a norm file (see check_norm). */
int jbw_cli_norm(const jbw_cli *cli, jbw_norm **out)
{
    jbw_status st;
    if (!cli->norm)
        return jbw_cli_check(jbw_norm_new_default(out));
    st = jbw_norm_new_named(out, cli->norm);
    if (st != JBW_ENOTFOUND)
        return jbw_cli_check(st);
    return jbw_cli_check(jbw_norm_load(out, cli->norm));
}

int jbw_cli_model(const jbw_cli *cli, jbw_waitrisk_model **out)
{
    if (cli->model && cli->model_version) {
        *out = NULL;
        return jbw_cli_usage("--model F and --model-version V exclude each "
                             "other (a model file names its own base version)");
    }
    if (cli->model)
        return jbw_cli_check(jbw_waitrisk_model_load(out, cli->model));
    if (cli->model_version)
        return jbw_cli_check(
            jbw_waitrisk_model_new_version(out, (int)cli->model_version));
    return jbw_cli_check(jbw_waitrisk_model_new_default(out));
}

int jbw_cli_emit(const char *text, size_t len)
{
    return fwrite(text, 1, len, stdout) == len ? 0 : 1;
}

int jbw_cli_write_in_dir(const char *dir, const char *name, const char *text,
                         size_t len)
{
    char path[4096];
    int n;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "jbw: cannot create directory '%s': %s\n", dir,
                strerror(errno));
        return 1;
    }
    n = snprintf(path, sizeof path, "%.*s/%s", jbw_cli_dir_len(dir), dir, name);
    if (n < 0 || (size_t)n >= sizeof path) {
        fprintf(stderr, "jbw: path too long: '%s'\n", dir);
        return 1;
    }
    return jbw_cli_check(jbw_write_file(path, text, len));
}

int jbw_cli_dir_len(const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    return n == 1 && dir[0] == '/' ? 0 : (int)n;
}

int jbw_cli_remove_in_dir(const char *dir, const char *name)
{
    char path[4096];
    int n =
        snprintf(path, sizeof path, "%.*s/%s", jbw_cli_dir_len(dir), dir, name);
    if (n < 0 || (size_t)n >= sizeof path) {
        fprintf(stderr, "jbw: path too long: '%s'\n", dir);
        return 1;
    }
    if (remove(path) != 0 && errno != ENOENT) {
        fprintf(stderr, "jbw: cannot remove '%s': %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}
