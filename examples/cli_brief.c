/*
 * jbw brief, and the charts that `jbw series`, `jbw report` and
 * `jbw forecast` write with --svg F.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

void jbw_cli_chart_options(const jbw_cli *cli, const jbw_snapshot *snap,
                           jbw_chart_options *opts)
{
    jbw_chart_options_init(opts, JBW_CHART_OPTIONS_VERSION);
    opts->lang = cli->lang;
    opts->notice = snap           ? jbw_snapshot_data_notice(snap)
                   : cli->example ? jbw_example_notice()
                                  : NULL;
    opts->registry = snap ? jbw_snapshot_registry(snap) : NULL;
}

int jbw_cli_write_svg(const char *path, jbw_status made, char *svg, size_t len)
{
    int rc =
        jbw_cli_check(made) || jbw_cli_check(jbw_write_file(path, svg, len));
    jbw_free(svg);
    return rc;
}

int jbw_cli_emit_series(const jbw_cli *cli, const jbw_series *series)
{
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    int rc = 1;
    if (cli->svg) {
        jbw_chart_options co;
        jbw_cli_chart_options(cli, NULL, &co);
        st = jbw_chart_series_svg(&text, &len, series, &co);
        if (jbw_cli_write_svg(cli->svg, st, text, len))
            return 1;
        text = NULL;
    }
    switch (cli->format) {
    case JBW_CLI_JSON:
        st = jbw_series_json(&text, &len, series);
        break;
    case JBW_CLI_CSV:
        st = jbw_series_csv(&text, &len, series);
        break;
    default:
        st = jbw_series_text_lang(&text, &len, series, cli->lang);
        break;
    }
    if (!jbw_cli_check(st))
        rc = jbw_cli_emit(text, len);
    jbw_free(text);
    return rc;
}

/*
 * A Markdown brief written to a file gets its charts as SVG files beside
 * it: --out dir/brief.md writes dir/brief-1.svg, dir/brief-2.svg, ...
 * and links them relatively (jbw_brief_write_markdown_images).
 */
static int markdown_with_images(const jbw_brief *brief, const char *out,
                                char **text, size_t *len)
{
    const char *base = strrchr(out, '/'), *svg;
    size_t dir_len, stem_len, i;
    char stem[512], path[1024];
    base = base ? base + 1 : out;
    dir_len = (size_t)(base - out);
    stem_len = strlen(base);
    if (stem_len > 3 && strcmp(base + stem_len - 3, ".md") == 0)
        stem_len -= 3;
    if (stem_len == 0 || stem_len >= sizeof stem ||
        dir_len + stem_len + 32 >= sizeof path) {
        return jbw_cli_usage("--out: a Markdown brief needs a file name "
                             "(its charts are written beside it)");
    }
    memcpy(stem, base, stem_len);
    stem[stem_len] = '\0';
    for (i = 0; i < jbw_brief_chart_count(brief); i++) {
        if (jbw_cli_check(jbw_brief_chart(NULL, &svg, brief, i)))
            return 1;
        snprintf(path, sizeof path, "%.*s%s-%zu.svg", (int)dir_len, out, stem,
                 i + 1);
        if (jbw_cli_check(jbw_write_file(path, svg, strlen(svg))))
            return 1;
    }
    return jbw_cli_check(
        jbw_brief_write_markdown_images(text, len, brief, stem));
}

/* The brief's format: html (default) or md. */
static int brief_format(const jbw_cli *cli, jbw_brief_format *out)
{
    switch (cli->format) {
    case JBW_CLI_TEXT: /* not given */
    case JBW_CLI_HTML:
        *out = JBW_BRIEF_HTML;
        return 0;
    case JBW_CLI_MD:
        *out = JBW_BRIEF_MARKDOWN;
        return 0;
    default:
        return jbw_cli_usage("brief --format is html or md");
    }
}

/* Loads the --scenario files; their names are the file names without
 * directory and extension. */
static int load_scenarios(const jbw_cli *cli, jbw_scenario **sc,
                          char names[][64])
{
    int i;
    for (i = 0; i < cli->scenario_count; i++) {
        const char *path = cli->scenarios[i], *base = strrchr(path, '/');
        char *dot;
        if (jbw_cli_check(jbw_scenario_load(&sc[i], path)))
            return 1;
        snprintf(names[i], 64, "%s", base ? base + 1 : path);
        dot = strrchr(names[i], '.');
        if (dot && dot != names[i])
            *dot = '\0';
    }
    return 0;
}

int jbw_cli_brief(jbw_cli *cli)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_waitrisk_model *model = NULL;
    jbw_series *series = NULL;
    jbw_scenario *sc[JBW_CLI_SCENARIOS_MAX] = {NULL};
    const jbw_scenario *scl[JBW_CLI_SCENARIOS_MAX];
    const char *names[JBW_CLI_SCENARIOS_MAX];
    char name_buf[JBW_CLI_SCENARIOS_MAX][64];
    jbw_brief_options o = JBW_BRIEF_OPTIONS_INIT;
    jbw_brief_format format;
    jbw_brief *brief = NULL;
    char *text = NULL;
    size_t len = 0;
    int rc, i;
    if ((rc = brief_format(cli, &format)) != 0)
        return rc;
    if (cli->history && cli->measures)
        return jbw_cli_usage("brief takes --history DIR or --measures and "
                             "--workers, not both");
    /* a --history folder gives the series and the latest export */
    rc = cli->history ? jbw_cli_history_series(cli, &series, &snap)
                      : jbw_cli_load(cli, &snap);
    if (rc != 0)
        return rc;
    rc = 1;
    if (jbw_cli_norm(cli, &norm) != 0 || jbw_cli_model(cli, &model) != 0 ||
        load_scenarios(cli, sc, name_buf) != 0)
        goto done;
    /* the embedded example shows the published Zuid-Holland Zuid series,
     * in a brief of all of it or of Zuid-Holland Zuid; a brief of another
     * region or of one organisation shows its own point instead */
    if (cli->example && !cli->organisation &&
        (!cli->region || strcmp(cli->region, "ZHZ") == 0) &&
        jbw_cli_check(jbw_example_series_zhz(&series)))
        goto done;
    for (i = 0; i < cli->scenario_count; i++) {
        scl[i] = sc[i];
        names[i] = name_buf[i];
    }
    o.lang = cli->lang;
    o.date = cli->date;
    o.notice = cli->example ? jbw_example_notice() : NULL;
    o.norm = norm;
    o.model = model;
    o.series = series;
    o.organisation = cli->organisation;
    o.region = cli->region;
    o.scenarios = scl;
    o.scenario_names = names;
    o.scenario_count = (size_t)cli->scenario_count;
    if (cli->months)
        o.months = (int32_t)cli->months;
    if (cli->replicates >= 0)
        o.replicates = (size_t)cli->replicates;
    if (cli->seed_given)
        o.seed = (uint64_t)cli->seed;
    o.suppress_below = (unsigned int)cli->suppress_below;
    o.round_to = (unsigned int)cli->round_to;
    if (jbw_cli_check(jbw_brief_new(&brief, snap, &o)))
        goto done;
    if (format == JBW_BRIEF_MARKDOWN && cli->out) {
        if ((rc = markdown_with_images(brief, cli->out, &text, &len)) != 0)
            goto done;
    } else if (jbw_cli_check(jbw_brief_write(&text, &len, brief, format)))
        goto done;
    if (cli->out)
        rc = jbw_cli_check(jbw_write_file(cli->out, text, len));
    else
        rc = jbw_cli_emit(text, len);
done:
    jbw_free(text);
    jbw_brief_free(brief);
    for (i = 0; i < JBW_CLI_SCENARIOS_MAX; i++)
        jbw_scenario_free(sc[i]);
    jbw_series_free(series);
    jbw_waitrisk_model_free(model);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    return rc;
}
