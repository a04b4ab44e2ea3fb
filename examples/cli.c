/*
 * Shared plumbing of the jbw command (see cli.h).
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int jbw_cli_usage(const char *why)
{
    fprintf(stderr, "jbw: %s (see 'jbw --help')\n", why);
    return 2;
}

int jbw_cli_check(jbw_status st)
{
    if (st == JBW_OK)
        return 0;
    fprintf(stderr, "jbw: %s: %s\n", jbw_strerror(st), jbw_last_error());
    return 1;
}

static int parse_long(long *out, const char *opt, const char *s, long lo,
                      long hi)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi) {
        fprintf(stderr, "jbw: %s needs a whole number from %ld to %ld, not '%s'\n",
                opt, lo, hi, s);
        return 2;
    }
    *out = v;
    return 0;
}

static int parse_number(double *out, const char *opt, const char *s)
{
    char *end;
    double v;
    errno = 0;
    v = strtod(s, &end);
    if (!*s || *end || errno || !isfinite(v)) {
        fprintf(stderr, "jbw: %s needs a number, not '%s'\n", opt, s);
        return 2;
    }
    *out = v;
    return 0;
}

int jbw_cli_parse(jbw_cli *cli, int argc, char **argv)
{
    int i;
    memset(cli, 0, sizeof *cli);
    cli->date = JBW_DATE_NONE;
    cli->replicates = -1;
    cli->target = NAN;
    cli->percent = NAN;
    cli->within_workdays = -1;
    cli->lang = JBW_LANG_NL;
    for (i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        long n;
        int rc = 0;
        if (a[0] != '-' || a[1] != '-') {
            if (cli->positional_count >= 4)
                return jbw_cli_usage("too many arguments");
            cli->positional[cli->positional_count++] = a;
            continue;
        }
        if (strcmp(a, "--lenient") == 0) {
            cli->lenient = 1;
            continue;
        }
        if (!v) {
            fprintf(stderr, "jbw: %s needs a value (see 'jbw --help')\n", a);
            return 2;
        }
        i++;
        if (strcmp(a, "--measures") == 0) cli->measures = v;
        else if (strcmp(a, "--workers") == 0) cli->workers = v;
        else if (strcmp(a, "--registry") == 0) cli->registry = v;
        else if (strcmp(a, "--norm") == 0) cli->norm = v;
        else if (strcmp(a, "--model") == 0) cli->model = v;
        else if (strcmp(a, "--scenario") == 0) cli->scenario = v;
        else if (strcmp(a, "--dir") == 0) cli->dir = v;
        else if (strcmp(a, "--svg") == 0) cli->svg = v;
        else if (strcmp(a, "--organisation") == 0) cli->organisation = v;
        else if (strcmp(a, "--region") == 0) cli->region = v;
        else if (strcmp(a, "--date") == 0) {
            if (jbw_date_parse(&cli->date, v, (size_t)-1) != JBW_OK) {
                fprintf(stderr, "jbw: --date: %s\n", jbw_last_error());
                return 2;
            }
        } else if (strcmp(a, "--format") == 0) {
            if (strcmp(v, "text") == 0) cli->format = JBW_CLI_TEXT;
            else if (strcmp(v, "json") == 0) cli->format = JBW_CLI_JSON;
            else if (strcmp(v, "csv") == 0) cli->format = JBW_CLI_CSV;
            else return jbw_cli_usage("--format is text, json or csv");
        } else if (strcmp(a, "--lang") == 0) {
            if (strcmp(v, "nl") == 0) cli->lang = JBW_LANG_NL;
            else if (strcmp(v, "en") == 0) cli->lang = JBW_LANG_EN;
            else return jbw_cli_usage("--lang is nl or en");
        } else if (strcmp(a, "--top") == 0) {
            rc = parse_long(&n, a, v, 1, 100000000L);
            cli->top = (size_t)n;
        } else if (strcmp(a, "--months") == 0) {
            rc = parse_long(&cli->months, a, v, 1, 600);
        } else if (strcmp(a, "--replicates") == 0) {
            rc = parse_long(&cli->replicates, a, v, 0, 1000000L);
        } else if (strcmp(a, "--seed") == 0) {
            char *end;
            errno = 0;
            cli->seed = strtoull(v, &end, 10);
            if (!*v || *end || errno || v[0] == '-')
                return jbw_cli_usage("--seed needs a non-negative whole number");
            cli->seed_given = 1;
        } else if (strcmp(a, "--target") == 0) {
            rc = parse_number(&cli->target, a, v);
        } else if (strcmp(a, "--within-workdays") == 0) {
            rc = parse_long(&cli->within_workdays, a, v, 0, 10000);
        } else if (strcmp(a, "--percent") == 0) {
            rc = parse_number(&cli->percent, a, v);
        } else {
            fprintf(stderr, "jbw: unknown option '%s' (see 'jbw --help')\n", a);
            return 2;
        }
        if (rc)
            return rc;
    }
    if (!cli->measures != !cli->workers)
        return jbw_cli_usage("--measures and --workers go together");
    if (cli->registry && !cli->measures)
        return jbw_cli_usage("--registry goes with --measures and --workers");
    /* '-' is not standard input or output here: export writes three files,
     * and forecast prints its report on standard output already. Refused
     * rather than taken as a file or directory named '-'. */
    if ((cli->dir && strcmp(cli->dir, "-") == 0) ||
        (cli->svg && strcmp(cli->svg, "-") == 0))
        return jbw_cli_usage("'-' is not a file or directory name here; "
                             "give a path ('./-' for one named '-')");
    return 0;
}

static void report_rejects(const jbw_rejects *rejects)
{
    size_t i, n = jbw_rejects_count(rejects);
    for (i = 0; i < n; i++) {
        const char *file = NULL, *reason = NULL;
        size_t line = 0;
        if (jbw_rejects_get(&file, &line, &reason, rejects, i) == JBW_OK)
            fprintf(stderr, "jbw: rejected %s line %zu: %s\n", file, line, reason);
    }
    if (n)
        fprintf(stderr, "jbw: %zu row(s) rejected and left out\n", n);
}

int jbw_cli_load(jbw_cli *cli, jbw_snapshot **out)
{
    jbw_registry *reg = NULL;
    jbw_rejects *rejects = NULL;
    jbw_load_options opts = JBW_LOAD_OPTIONS_INIT;
    jbw_status st;
    if (!cli->measures) {
        cli->example = 1;
        return jbw_cli_check(jbw_example_snapshot(out, JBW_EXAMPLE_SEED));
    }
    st = cli->registry ? jbw_registry_load_csv(&reg, cli->registry)
                       : jbw_registry_zuid_west(&reg);
    if (jbw_cli_check(st))
        return 1;
    opts.lenient = cli->lenient;
    st = jbw_snapshot_load_csv(out, &rejects, reg, cli->measures, cli->workers,
                               &opts);
    jbw_registry_free(reg);
    if (st == JBW_OK)
        report_rejects(rejects);
    jbw_rejects_free(rejects);
    return jbw_cli_check(st);
}

int jbw_cli_norm(const jbw_cli *cli, jbw_norm **out)
{
    return jbw_cli_check(cli->norm ? jbw_norm_load(out, cli->norm)
                                   : jbw_norm_new_default(out));
}

int jbw_cli_model(const jbw_cli *cli, jbw_waitrisk_model **out)
{
    return jbw_cli_check(cli->model ? jbw_waitrisk_model_load(out, cli->model)
                                    : jbw_waitrisk_model_new_default(out));
}

int jbw_cli_emit_plain(const char *text, size_t len)
{
    return fwrite(text, 1, len, stdout) == len ? 0 : 1;
}

/*
 * Output made from the embedded example says it is synthetic: a first line
 * in text, a "data_notice" key in JSON, and a line on stderr for CSV (a
 * comment line would break CSV readers).
 */
int jbw_cli_emit(const jbw_cli *cli, const char *text, size_t len)
{
    if (!cli->example)
        return jbw_cli_emit_plain(text, len);
    switch (cli->format) {
    case JBW_CLI_JSON:
        if (len > 0 && text[0] == '{') {
            printf("{\"data_notice\":\"%s\",", jbw_example_notice());
            /* the rest of the object, without its own '{' (and a '}' for
             * an empty object needs no extra comma handling: none is empty) */
            return jbw_cli_emit_plain(text + 1, len - 1);
        }
        return jbw_cli_emit_plain(text, len);
    case JBW_CLI_CSV:
        fprintf(stderr, "jbw: %s\n", jbw_example_notice());
        return jbw_cli_emit_plain(text, len);
    default:
        printf("%s\n\n", jbw_example_notice());
        return jbw_cli_emit_plain(text, len);
    }
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
    n = snprintf(path, sizeof path, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= sizeof path) {
        fprintf(stderr, "jbw: path too long: '%s'\n", dir);
        return 1;
    }
    return jbw_cli_check(jbw_write_file(path, text, len));
}
