/*
 * jbw calibrate, jbw backtest and jbw series --history: the forecast's
 * parameters from the data, the forecast tested on the data's own past,
 * and a directory of dated exports (--history DIR: one subfolder per
 * reference date, named YYYY-MM-DD, each with measures.csv and
 * workers.csv).
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes text to a file, or reports why not (1). */
static int write_to(const char *path, const char *text, size_t len)
{
    return jbw_cli_check(jbw_write_file(path, text, len)) ? 1 : 0;
}

/* The scenario file of a calibration (the library's text already opens
 * with the data's notice when the data are the synthetic example). */
static int write_scenario(const jbw_cli *cli, const jbw_calibration *cal)
{
    char *text = NULL;
    size_t len = 0;
    int rc;
    int k;
    if (jbw_cli_check(jbw_calibration_scenario(&text, &len, cal)))
        return 1;
    rc = write_to(cli->scenario_out, text, len);
    jbw_free(text);
    /* a note on an estimate means it is unreliable: the file leaves it
     * out, which a forecast made with it would not show */
    for (k = 0; rc == 0 && k < jbw_kind_count(); k++) {
        jbw_calibration_kind c;
        const char *note = jbw_calibration_kind_note(cal, (jbw_kind)k);
        memset(&c, 0, sizeof c);
        c.version = JBW_CALIBRATION_KIND_VERSION;
        if (note && jbw_calibration_kind_get(&c, cal, (jbw_kind)k) == JBW_OK &&
            c.basis == JBW_BASIS_ESTIMATED)
            fprintf(stderr,
                    "jbw: note: %s leaves out duration.%s (%s); a forecast "
                    "with it keeps its own duration for %s\n",
                    cli->scenario_out, jbw_kind_code((jbw_kind)k), note,
                    jbw_kind_code((jbw_kind)k));
    }
    return rc;
}

int jbw_cli_calibrate(jbw_cli *cli)
{
    jbw_snapshot *snap = NULL;
    jbw_calibration *cal = NULL;
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    int rc = jbw_cli_load(cli, &snap);
    if (rc != 0)
        return rc;
    rc = 1;
    o.date = cli->date;
    if (cli->window_months)
        o.window_months = (int32_t)cli->window_months;
    o.organisation = cli->organisation;
    o.region = cli->region;
    if (jbw_cli_check(jbw_calibrate(&cal, snap, &o)))
        goto done;
    switch (cli->format) {
    case JBW_CLI_JSON:
        st = jbw_calibration_json(&text, &len, cal);
        break;
    case JBW_CLI_CSV:
        st = jbw_calibration_csv(&text, &len, cal);
        break;
    default:
        st = jbw_calibration_text(&text, &len, cal);
        break;
    }
    if (jbw_cli_check(st) || (cli->scenario_out && write_scenario(cli, cal)))
        goto done;
    rc = jbw_cli_emit(text, len);
done:
    jbw_free(text);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
    return rc;
}

/* ---- --history DIR ------------------------------------------------------ */

typedef struct history {
    jbw_snapshot **snaps;
    size_t count;
    size_t left_out; /* rows left out with --lenient, in all exports */
    size_t exports;  /* the exports that left rows out */
    jbw_date left_in[JBW_CLI_LEFT_OUT_DATES]; /* the first of them */
} history;

static void history_free(history *h)
{
    size_t i;
    for (i = 0; i < h->count; i++)
        jbw_snapshot_free(h->snaps[i]);
    free(h->snaps);
    h->snaps = NULL;
    h->count = 0;
}

static int by_date(const void *a, const void *b)
{
    jbw_date x = jbw_snapshot_reference_date(*(jbw_snapshot *const *)a);
    jbw_date y = jbw_snapshot_reference_date(*(jbw_snapshot *const *)b);
    return (x > y) - (x < y);
}

static int by_day(const void *a, const void *b)
{
    jbw_date x = *(const jbw_date *)a, y = *(const jbw_date *)b;
    return (x > y) - (x < y);
}

/* Counts the rows the export of `date` left out. */
static void count_left_out(history *h, jbw_date date, size_t n)
{
    if (!n)
        return;
    h->left_out += n;
    if (h->exports < sizeof h->left_in / sizeof h->left_in[0])
        h->left_in[h->exports] = date;
    h->exports++;
}

/* Says in the notice of every export that rows were left out, and in
 * which exports (their dates, or how many), so that each output made
 * from the history says so, whichever exports it shows. */
static void note_left_out(history *h, const jbw_cli *cli)
{
    size_t i;
    if (h->exports <= sizeof h->left_in / sizeof h->left_in[0])
        qsort(h->left_in, h->exports, sizeof h->left_in[0], by_day);
    for (i = 0; i < h->count; i++)
        jbw_cli_note_left_out(cli, h->snaps[i], h->left_out, h->left_in,
                              h->exports);
}

/* Loads DIR/<date>/measures.csv and workers.csv with <date> as the
 * reference date, as the files of --measures/--workers are loaded (the
 * options of the command line, each rejected row on stderr, the export's
 * data_notice); 0 or 1 (with the reason on stderr). */
static int load_export(history *h, const jbw_cli *cli, const jbw_registry *reg,
                       const char *name, jbw_date date)
{
    char m[4096], w[4096];
    jbw_snapshot **grown;
    size_t left_out = 0;
    snprintf(m, sizeof m, "%.*s/%s/measures.csv", jbw_cli_dir_len(cli->history),
             cli->history, name);
    snprintf(w, sizeof w, "%.*s/%s/workers.csv", jbw_cli_dir_len(cli->history),
             cli->history, name);
    grown = realloc(h->snaps, (h->count + 1) * sizeof *grown);
    if (!grown) {
        fprintf(stderr, "jbw: out of memory\n");
        return 1;
    }
    h->snaps = grown;
    if (jbw_cli_load_files(cli, reg, m, w, date, &h->snaps[h->count],
                           &left_out))
        return 1;
    count_left_out(h, date, left_out);
    h->count++;
    return 0;
}

/* Every subfolder of --history named by a date; 0, 1 when the folder
 * cannot be read, holds no dated export, or an export is bad, or 2 when
 * --organisation or --region is not in the registry. */
static int load_history(history *h, const jbw_cli *cli)
{
    jbw_registry *reg = NULL;
    struct dirent *e;
    DIR *dir = opendir(cli->history);
    int rc = 0;
    if (!dir) {
        /* the system's reason: no such folder, a file, no permission */
        fprintf(stderr, "jbw: --history %s: cannot read the folder: %s\n",
                cli->history, strerror(errno));
        return 1;
    }
    if (jbw_cli_registry(cli, &reg)) {
        closedir(dir);
        return 1;
    }
    while (!rc && (e = readdir(dir)) != NULL) {
        jbw_date date;
        if (e->d_name[0] == '.')
            continue;
        if (jbw_date_parse_iso(&date, e->d_name, (size_t)-1) != JBW_OK) {
            fprintf(stderr,
                    "jbw: --history: not named by a date (YYYY-MM-DD), "
                    "skipped: '%s'\n",
                    e->d_name);
            continue;
        }
        rc = load_export(h, cli, reg, e->d_name, date);
    }
    closedir(dir);
    jbw_registry_free(reg);
    if (!rc && h->count == 0) {
        fprintf(stderr,
                "jbw: --history %s holds no export: give one subfolder "
                "per reference date, named YYYY-MM-DD, each with "
                "measures.csv and workers.csv\n",
                cli->history);
        rc = 1;
    }
    if (rc) {
        history_free(h);
        return rc;
    }
    qsort(h->snaps, h->count, sizeof *h->snaps, by_date);
    /* every export is read with the one registry: the latest's keys are
     * those of all */
    if ((rc = jbw_cli_check_scope(cli, h->snaps[h->count - 1])) != 0) {
        history_free(h);
        return rc;
    }
    note_left_out(h, cli);
    return 0;
}

/* The registry's name of a region (region 1) or organisation; the key
 * when it has none. */
static const char *group_name(const jbw_registry *reg, int region,
                              const char *key)
{
    size_t i;
    if (region) {
        jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
        if (jbw_registry_find_region(&i, reg, key) == JBW_OK &&
            jbw_registry_region(&r, reg, i) == JBW_OK && r.name && *r.name)
            return r.name;
    } else {
        jbw_organisation_info o = {JBW_ORGANISATION_INFO_VERSION, NULL, NULL,
                                   0};
        if (jbw_registry_find_organisation(&i, reg, key) == JBW_OK &&
            jbw_registry_organisation(&o, reg, i) == JBW_OK && o.name &&
            *o.name)
            return o.name;
    }
    return key;
}

/*
 * The name of a history's series: what its figures count, from the
 * registry (the region, the organisation, or the organisation in the
 * region), else all of the exports. Never the folder's path: a series
 * goes into letters that are published, and a path names a computer and
 * often a person.
 */
static void history_name(char *buf, size_t size, const jbw_cli *cli,
                         const jbw_snapshot *snap)
{
    const jbw_registry *reg = jbw_snapshot_registry(snap);
    int en = cli->lang == JBW_LANG_EN;
    if (cli->organisation && cli->region)
        snprintf(buf, size, "%s in %s", group_name(reg, 0, cli->organisation),
                 group_name(reg, 1, cli->region));
    else if (cli->region || cli->organisation)
        snprintf(buf, size, "%s",
                 group_name(reg, cli->region != NULL,
                            cli->region ? cli->region : cli->organisation));
    else
        snprintf(buf, size, "%s",
                 en ? "all organisations and regions in the exports"
                    : "alle organisaties en regio's in de exports");
}

int jbw_cli_history_series(jbw_cli *cli, jbw_series **series,
                           jbw_snapshot **latest)
{
    char name[512];
    history h = {0};
    size_t i;
    int rc = load_history(&h, cli);
    if (rc != 0)
        return rc;
    history_name(name, sizeof name, cli, h.snaps[h.count - 1]);
    rc = jbw_cli_check(jbw_series_new(series, name));
    for (i = 0; !rc && i < h.count; i++)
        rc = jbw_cli_check(jbw_series_add_snapshot(
            *series, h.snaps[i], jbw_snapshot_reference_date(h.snaps[i]),
            cli->organisation, cli->region));
    if (rc) {
        jbw_series_free(*series);
        *series = NULL;
    } else {
        *latest = h.snaps[--h.count]; /* the caller owns the latest */
    }
    history_free(&h);
    return rc;
}

int jbw_cli_series_history(jbw_cli *cli)
{
    history h = {0};
    jbw_series *series = NULL;
    char name[512];
    size_t i;
    int rc = load_history(&h, cli);
    if (rc != 0)
        return rc;
    rc = 1;
    history_name(name, sizeof name, cli, h.snaps[h.count - 1]);
    if (jbw_cli_check(jbw_series_new(&series, name)))
        goto done;
    for (i = 0; i < h.count; i++)
        if (jbw_cli_check(jbw_series_add_snapshot(
                series, h.snaps[i], jbw_snapshot_reference_date(h.snaps[i]),
                cli->organisation, cli->region)))
            goto done;
    rc = jbw_cli_emit_series(cli, series);
done:
    jbw_series_free(series);
    history_free(&h);
    return rc;
}

/* ---- backtest ------------------------------------------------------------ */

static int emit_backtest(jbw_cli *cli, const jbw_backtest *bt)
{
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    int rc = 1;
    if (cli->svg) {
        jbw_chart_options co;
        jbw_cli_chart_options(cli, NULL, &co);
        st = jbw_chart_backtest_svg(&text, &len, bt, &co);
        if (jbw_cli_write_svg(cli->svg, st, text, len))
            return 1;
        text = NULL;
    }
    switch (cli->format) {
    case JBW_CLI_JSON:
        st = jbw_backtest_json(&text, &len, bt);
        break;
    case JBW_CLI_CSV:
        st = jbw_backtest_csv(&text, &len, bt);
        break;
    default:
        st = jbw_backtest_text(&text, &len, bt);
        break;
    }
    if (!jbw_cli_check(st))
        rc = jbw_cli_emit(text, len);
    jbw_free(text);
    return rc;
}

/* --from after the data's last date, or months that run past it, are a
 * usage error (2), as --date: the command says what fits. */
static int check_from(const jbw_cli *cli, jbw_date last, int32_t months)
{
    char f[JBW_DATE_BUFSIZE], l[JBW_DATE_BUFSIZE], e[JBW_DATE_BUFSIZE];
    jbw_date end = JBW_DATE_NONE;
    int32_t fit = months;
    jbw_date_format(f, sizeof f, cli->from);
    jbw_date_format(l, sizeof l, last);
    if (cli->from >= last) {
        fprintf(stderr,
                "jbw: --from %s is not before the data's last date %s: "
                "there is nothing after it to compare with\n",
                f, l);
        return 2;
    }
    if (jbw_date_add_months(&end, cli->from, months) != JBW_OK || end <= last)
        return 0;
    while (fit > 1) {
        jbw_date d = JBW_DATE_NONE;
        fit--;
        if (jbw_date_add_months(&d, cli->from, fit) == JBW_OK && d <= last)
            break;
    }
    jbw_date_format(e, sizeof e, end);
    if (fit == 1 &&
        (jbw_date_add_months(&end, cli->from, 1) != JBW_OK || end > last))
        fprintf(stderr,
                "jbw: --from %s with %ld months reaches %s, after the data's "
                "last date %s: start at least a month before it\n",
                f, (long)months, e, l);
    else
        fprintf(stderr,
                "jbw: --from %s with %ld months reaches %s, after the data's "
                "last date %s: start earlier or give --months %ld or fewer\n",
                f, (long)months, e, l, (long)fit);
    return 2;
}

int jbw_cli_backtest(jbw_cli *cli)
{
    jbw_backtest_options o = JBW_BACKTEST_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_backtest *bt = NULL;
    jbw_norm *norm = NULL;
    history h = {0};
    int rc;
    if (cli->from == JBW_DATE_NONE)
        return jbw_cli_usage("backtest needs --from D0");
    o.from = cli->from;
    if (cli->months)
        o.months = (int32_t)cli->months;
    if (cli->window_months)
        o.window_months = (int32_t)cli->window_months;
    o.organisation = cli->organisation;
    o.region = cli->region;
    if (jbw_cli_norm(cli, &norm) != 0)
        return 1;
    o.norm = norm;
    if (cli->history) {
        rc = load_history(&h, cli);
        if (!rc)
            rc = check_from(cli,
                            jbw_snapshot_reference_date(h.snaps[h.count - 1]),
                            o.months);
        if (!rc)
            rc = jbw_cli_check(jbw_backtest_run_history(
                     &bt, (const jbw_snapshot *const *)h.snaps, h.count, &o))
                     ? 1
                     : 0;
    } else {
        rc = jbw_cli_load(cli, &snap);
        if (!rc)
            rc = check_from(cli, jbw_snapshot_reference_date(snap), o.months);
        if (!rc)
            rc = jbw_cli_check(jbw_backtest_run(&bt, snap, &o)) ? 1 : 0;
    }
    if (!rc)
        rc = emit_backtest(cli, bt);
    jbw_backtest_free(bt);
    jbw_snapshot_free(snap);
    history_free(&h);
    jbw_norm_free(norm);
    return rc;
}
