/*
 * libjbw - the series writers: CSV, JSON and the text table.
 */
#include "base/table.h"

#include <stdio.h>
#include <string.h>

/* Share bestaand to 4 decimals (a fraction, 0.6372). */
#define JBW__DEC_SHARE 4

/*
 * The first point has no point before it, so no change: the writers leave
 * its changes empty (CSV), null (JSON) or "-" (text), as they do any
 * figure that is not there, rather than write a change of 0 that did not
 * happen. The point itself keeps 0 there (series.h).
 */

/* A point through the public getter (the index is in range). */
static jbw_series_point point_of(const jbw_series *series, size_t i)
{
    jbw_series_point p;
    memset(&p, 0, sizeof p);
    p.version = JBW_SERIES_POINT_VERSION;
    (void)jbw_series_get(&p, series, i);
    return p;
}

jbw_status jbw_series_csv(char **out, size_t *len, const jbw_series *series)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    if (!out || !series)
        return jbw__error(JBW_EINVAL, "jbw_series_csv: %s is NULL",
                          !out ? "out" : "series");
    jbw__buf_puts(&b, "date,nieuw,bestaand,total,share_bestaand,change_nieuw,"
                      "change_bestaand,change_total");
    jbw__notice_csv_header_end(&b, jbw_series_data_notice(series));
    for (i = 0; i < jbw_series_count(series); i++) {
        jbw_series_point p = point_of(series, i);
        jbw__buf_date(&b, p.date);
        jbw__buf_printf(&b, ",%zu,%zu,%zu", p.nieuw, p.bestaand, p.total);
        jbw__csv_num(&b, p.share_bestaand, JBW__DEC_SHARE);
        if (i == 0)
            jbw__buf_puts(&b, ",,,");
        else
            jbw__buf_printf(&b, ",%lld,%lld,%lld", p.change_nieuw,
                            p.change_bestaand, p.change_total);
        jbw__notice_csv_row_end(&b, jbw_series_data_notice(series));
    }
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

jbw_status jbw_series_json(char **out, size_t *len, const jbw_series *series)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    if (!out || !series)
        return jbw__error(JBW_EINVAL, "jbw_series_json: %s is NULL",
                          !out ? "out" : "series");
    jbw__buf_putc(&b, '{');
    jbw__notice_json(&b, jbw_series_data_notice(series));
    jbw__json_key(&b, "title", 1);
    jbw__buf_json_string(&b, jbw_series_title(series));
    jbw__buf_putc(&b, ',');
    jbw__json_key(&b, "points", 1);
    jbw__buf_putc(&b, '[');
    for (i = 0; i < jbw_series_count(series); i++) {
        jbw_series_point p = point_of(series, i);
        jbw__buf_puts(&b, i ? ",\n  " : "\n  ");
        jbw__buf_putc(&b, '{');
        jbw__json_date(&b, "date", p.date, 1);
        jbw__json_size(&b, "nieuw", p.nieuw);
        jbw__json_size(&b, "bestaand", p.bestaand);
        jbw__json_size(&b, "total", p.total);
        jbw__json_num(&b, "share_bestaand", p.share_bestaand, JBW__DEC_SHARE);
        if (i == 0) {
            jbw__buf_puts(&b, ",\"change_nieuw\":null,\"change_bestaand\":"
                              "null,\"change_total\":null}");
            continue;
        }
        jbw__json_key(&b, "change_nieuw", 0);
        jbw__buf_printf(&b, "%lld", p.change_nieuw);
        jbw__json_key(&b, "change_bestaand", 0);
        jbw__buf_printf(&b, "%lld", p.change_bestaand);
        jbw__json_key(&b, "change_total", 0);
        jbw__buf_printf(&b, "%lld}", p.change_total);
    }
    jbw__buf_puts(&b, jbw_series_count(series) ? "\n]}\n" : "]}\n");
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

static const char *const series_headers_en[] = {
    "date",       "nieuw",        "bestaand",        "total",
    "% bestaand", "change nieuw", "change bestaand", "change total"};
static const char *const series_headers_nl[] = {
    "datum",      "nieuw",          "bestaand",          "totaal",
    "% bestaand", "verschil nieuw", "verschil bestaand", "verschil totaal"};

/* What the cells of the text table read. */
typedef struct series_ctx {
    const jbw_series *series;
    jbw_lang lang;
} series_ctx;

/* A change with its sign; "-" for the first row, which has none. */
static void fmt_change(char *out, size_t size, size_t row, long long v)
{
    if (row == 0)
        snprintf(out, size, "-");
    else
        snprintf(out, size, v > 0 ? "+%lld" : "%lld", v);
}

static void cell_series(char *out, size_t size, const void *vc, size_t row,
                        size_t col)
{
    const series_ctx *c = vc;
    jbw_series_point p = point_of(c->series, row);
    char *dot;
    switch (col) {
    case 0:
        jbw_date_format(out, size, p.date);
        break;
    case 1:
        snprintf(out, size, "%zu", p.nieuw);
        break;
    case 2:
        snprintf(out, size, "%zu", p.bestaand);
        break;
    case 3:
        snprintf(out, size, "%zu", p.total);
        break;
    case 4:
        jbw__fmt_num(out, size, 100.0 * p.share_bestaand, 1);
        if (c->lang != JBW_LANG_EN && (dot = strchr(out, '.')) != NULL)
            *dot = ','; /* a decimal comma */
        break;
    case 5:
        fmt_change(out, size, row, p.change_nieuw);
        break;
    case 6:
        fmt_change(out, size, row, p.change_bestaand);
        break;
    default:
        fmt_change(out, size, row, p.change_total);
        break;
    }
}

jbw_status jbw_series_text_lang(char **out, size_t *len,
                                const jbw_series *series, jbw_lang lang)
{
    jbw__buf b = JBW__BUF_INIT;
    series_ctx c;
    int en = lang == JBW_LANG_EN;
    if (!out || !series)
        return jbw__error(JBW_EINVAL, "jbw_series_text: %s is NULL",
                          !out ? "out" : "series");
    if (lang != JBW_LANG_NL && lang != JBW_LANG_EN)
        return jbw__error(JBW_EINVAL,
                          "jbw_series_text: language %d is not NL (0) or "
                          "EN (1)",
                          (int)lang);
    c.series = series;
    c.lang = lang;
    jbw__notice_text_lang(&b, jbw_series_data_notice(series), lang);
    if (jbw_series_counts_measures(series))
        jbw__buf_puts(&b, en ? "Measures without a fixed jeugdbeschermer"
                             : "Maatregelen zonder vaste jeugdbeschermer");
    else
        jbw__buf_puts(&b, en ? "Children without a fixed jeugdbeschermer"
                             : "Kinderen zonder vaste jeugdbeschermer");
    if (jbw_series_title(series)[0])
        jbw__buf_printf(&b, ": %s", jbw_series_title(series));
    jbw__buf_puts(&b, en ? "\n(nieuw: never had one; bestaand: had one who "
                           "dropped out)\n"
                         : "\n(nieuw: nog nooit een gehad; bestaand: de "
                           "jeugdbeschermer is vertrokken)\n");
    jbw__text_table(&b, en ? series_headers_en : series_headers_nl, 8,
                    jbw_series_count(series), 1u, cell_series, &c);
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

jbw_status jbw_series_text(char **out, size_t *len, const jbw_series *series)
{
    return jbw_series_text_lang(out, len, series, JBW_LANG_EN);
}
