/*
 * libjbw - the forecast chart as SVG (jbw_forecast_svg). It reads the
 * result through the public getters, as a user of the API would.
 */
#include "out/svg.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* A field of jbw_forecast_month by its offset (Q: the field's name). */
#define Q(field) offsetof(jbw_forecast_month, field)

/* ---- SVG -------------------------------------------------------------- */

#define SVG_W 900.0
#define SVG_H 500.0
#define SVG_L 70.0 /* plot area */
#define SVG_R 820.0
#define SVG_T 70.0
#define SVG_B 420.0

static double svg_x(const jbw_forecast *fc, int32_t t)
{
    return SVG_L +
           (SVG_R - SVG_L) * (double)t / (double)jbw_forecast_months(fc);
}

/* Statistic `stat` of month t: the whole record (month and statistic come
 * from the same result, so the getter cannot fail here). */
static jbw_forecast_month month_of(const jbw_forecast *fc, int32_t t,
                                   jbw_statistic stat)
{
    jbw_forecast_month m;
    memset(&m, 0, sizeof m);
    m.version = JBW_FORECAST_MONTH_VERSION;
    m.date = JBW_DATE_NONE;
    (void)jbw_forecast_month_get(&m, fc, t, stat);
    return m;
}

/* The field at offset `q` of statistic `stat` of month t. */
static double value_of(const jbw_forecast *fc, int32_t t, jbw_statistic stat,
                       size_t q)
{
    jbw_forecast_month m = month_of(fc, t, stat);
    double v;
    memcpy(&v, (const char *)&m + q, sizeof v);
    return v;
}

static double svg_y(const jbw__svg_axis *a, double v)
{
    return SVG_B - (SVG_B - SVG_T) * v / a->max;
}

static void svg_polyline(jbw__buf *b, const jbw_forecast *fc,
                         const jbw__svg_axis *a, size_t q, jbw_statistic stat,
                         const char *color, const char *dash)
{
    int32_t t;
    jbw__buf_puts(b, "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"");
    jbw__buf_puts(b, color);
    jbw__buf_puts(b, "\"");
    if (dash)
        jbw__buf_printf(b, " stroke-dasharray=\"%s\"", dash);
    jbw__buf_puts(b, " points=\"");
    for (t = 0; t <= jbw_forecast_months(fc); t++) {
        if (t)
            jbw__buf_putc(b, ' ');
        jbw__svg_num(b, svg_x(fc, t));
        jbw__buf_putc(b, ',');
        jbw__svg_num(b, svg_y(a, value_of(fc, t, stat, q)));
    }
    jbw__buf_puts(b, "\"/>\n");
}

static void svg_band(jbw__buf *b, const jbw_forecast *fc,
                     const jbw__svg_axis *a)
{
    int32_t t;
    jbw__buf_puts(b, "<polygon fill=\"#888888\" fill-opacity=\"0.25\" "
                     "stroke=\"none\" points=\"");
    for (t = 0; t <= jbw_forecast_months(fc); t++) {
        jbw__svg_num(b, svg_x(fc, t));
        jbw__buf_putc(b, ',');
        jbw__svg_num(b, svg_y(a, value_of(fc, t, JBW_STAT_P95, Q(waiting))));
        jbw__buf_putc(b, ' ');
    }
    for (t = jbw_forecast_months(fc); t >= 0; t--) {
        jbw__svg_num(b, svg_x(fc, t));
        jbw__buf_putc(b, ',');
        jbw__svg_num(b, svg_y(a, value_of(fc, t, JBW_STAT_P5, Q(waiting))));
        if (t)
            jbw__buf_putc(b, ' ');
    }
    jbw__buf_puts(b, "\"/>\n");
}

static void svg_axes(jbw__buf *b, const jbw__svg_axis *left,
                     const jbw__svg_axis *right)
{
    double v;
    jbw__buf_printf(b,
                    "<g stroke=\"#444444\" stroke-width=\"1\"><line x1=\""
                    "%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/><line x1=\""
                    "%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/><line x1=\""
                    "%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/></g>\n",
                    SVG_L, SVG_T, SVG_L, SVG_B, SVG_L, SVG_B, SVG_R, SVG_B,
                    SVG_R, SVG_T, SVG_R, SVG_B);
    jbw__buf_puts(b, "<g font-size=\"11\" fill=\"#333333\">\n");
    for (v = 0; v <= left->max + left->step / 2; v += left->step) {
        jbw__buf_puts(b, "<line stroke=\"#dddddd\" x1=\"70\" x2=\"820\" y1=\"");
        jbw__svg_num(b, svg_y(left, v));
        jbw__buf_puts(b, "\" y2=\"");
        jbw__svg_num(b, svg_y(left, v));
        jbw__buf_puts(b, "\"/><text text-anchor=\"end\" x=\"64\" y=\"");
        jbw__svg_num(b, svg_y(left, v) + 4);
        jbw__buf_puts(b, "\">");
        jbw__buf_json_number(b, v, 2);
        jbw__buf_puts(b, "</text>\n");
    }
    for (v = 0; v <= right->max + right->step / 2; v += right->step) {
        jbw__buf_puts(b, "<text text-anchor=\"start\" x=\"826\" y=\"");
        jbw__svg_num(b, svg_y(right, v) + 4);
        jbw__buf_puts(b, "\">");
        jbw__buf_json_number(b, v, 2);
        jbw__buf_puts(b, "</text>\n");
    }
    jbw__buf_puts(b, "</g>\n");
}

static void svg_month_labels(jbw__buf *b, const jbw_forecast *fc)
{
    int32_t months = jbw_forecast_months(fc), t;
    int32_t step = months <= 12 ? 1 : (months + 11) / 12;
    jbw__buf_puts(b, "<g font-size=\"11\" fill=\"#333333\" "
                     "text-anchor=\"middle\">\n");
    for (t = 0; t <= months; t += step) {
        char label[16];
        int y, m;
        jbw_date date = month_of(fc, t, JBW_STAT_MEAN).date;
        if (date != JBW_DATE_NONE &&
            jbw_date_to_ymd(&y, &m, NULL, date) == JBW_OK)
            snprintf(label, sizeof label, "%04d-%02d", y, m);
        else
            snprintf(label, sizeof label, "%d", (int)t);
        jbw__buf_puts(b,
                      "<line stroke=\"#444444\" y1=\"420\" y2=\"425\" x1=\"");
        jbw__svg_num(b, svg_x(fc, t));
        jbw__buf_puts(b, "\" x2=\"");
        jbw__svg_num(b, svg_x(fc, t));
        jbw__buf_puts(b, "\"/><text y=\"438\" x=\"");
        jbw__svg_num(b, svg_x(fc, t));
        jbw__buf_printf(b, "\">%s</text>\n", label);
    }
    jbw__buf_puts(b, "</g>\n");
}

static void svg_legend_item(jbw__buf *b, int row, const char *color,
                            const char *dash, const char *label, int band)
{
    double y = 462 + 16 * (row / 3), x = SVG_L + 250 * (row % 3);
    if (band)
        jbw__buf_printf(
            b,
            "<rect x=\"%.0f\" y=\"%.0f\" width=\"24\" "
            "height=\"10\" fill=\"#888888\" fill-opacity=\"0.25\"/>",
            x, y - 5);
    else
        jbw__buf_printf(b,
                        "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" "
                        "y2=\"%.0f\" stroke=\"%s\" stroke-width=\"2\"%s%s%s/>",
                        x, y, x + 24, y, color,
                        dash ? " stroke-dasharray=\"" : "", dash ? dash : "",
                        dash ? "\"" : "");
    jbw__buf_printf(b, "<text x=\"%.0f\" y=\"%.0f\">%s</text>\n", x + 30, y + 4,
                    label);
}

static double svg_max(const jbw_forecast *fc, size_t q, jbw_statistic stat)
{
    double max = 0;
    int32_t t;
    for (t = 0; t <= jbw_forecast_months(fc); t++) {
        double v = value_of(fc, t, stat, q);
        if (v > max)
            max = v;
    }
    return max;
}

jbw_status jbw_forecast_svg(char **out, size_t *len, const jbw_forecast *fc,
                            const char *title)
{
    jbw__buf b = JBW__BUF_INIT, sub = JBW__BUF_INIT;
    size_t replicates = jbw_forecast_replicates(fc);
    const char *notice = jbw_forecast_data_notice(fc);
    jbw_statistic band_stat = replicates ? JBW_STAT_P95 : JBW_STAT_MEAN;
    jbw__svg_axis left, right;
    double cap_max;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_svg: NULL argument");
    if (!title)
        title = "Measures without a fixed jeugdbeschermer: forecast";
    left = jbw__svg_axis_for(svg_max(fc, Q(waiting), band_stat));
    cap_max = svg_max(fc, Q(capacity), JBW_STAT_MEAN);
    if (svg_max(fc, Q(load), JBW_STAT_MEAN) > cap_max)
        cap_max = svg_max(fc, Q(load), JBW_STAT_MEAN);
    right = jbw__svg_axis_for(cap_max);
    jbw__buf_printf(&b,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "
                    "xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                    "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\""
                    "sans-serif\">\n<title>",
                    SVG_W, SVG_H, SVG_W, SVG_H);
    jbw__svg_text(&b, title);
    jbw__buf_puts(&b, "</title>\n<rect width=\"100%\" height=\"100%\" "
                      "fill=\"#ffffff\"/>\n<text x=\"450\" y=\"28\" "
                      "text-anchor=\"middle\" font-size=\"16\" "
                      "font-weight=\"bold\">");
    jbw__svg_text(&b, title);
    /* the subtitle: the kind of run and its key assumptions */
    if (replicates)
        jbw__buf_printf(&sub,
                        "mean of %zu replicates (seed %llu); band: p5-p95 of "
                        "the total. ",
                        replicates, (unsigned long long)jbw_forecast_seed(fc));
    else
        jbw__buf_puts(&sub, "deterministic run (expected values). ");
    jbw__forecast_assumptions_line(&sub, fc, JBW_LANG_EN);
    if (sub.failed) {
        jbw__buf_free(&sub);
        jbw__buf_free(&b);
        return jbw__enomem();
    }
    jbw__buf_puts(&b, "</text>\n<text x=\"450\" y=\"48\" text-anchor=\""
                      "middle\" font-size=\"");
    jbw__svg_num(&b, jbw__svg_fit_size(sub.data, 880, 11, 7));
    jbw__buf_puts(&b, "\" fill=\"#555555\">");
    jbw__svg_text(&b, sub.data);
    jbw__buf_puts(&b, "</text>\n");
    jbw__buf_free(&sub);
    jbw__svg_notice(&b, notice);
    svg_axes(&b, &left, &right);
    jbw__buf_puts(&b, "<text font-size=\"11\" transform=\"translate(18,245) "
                      "rotate(-90)\" text-anchor=\"middle\">waiting "
                      "(measures)</text>\n<text font-size=\"11\" "
                      "transform=\"translate(886,245) rotate(90)\" "
                      "text-anchor=\"middle\">capacity and load (norm "
                      "units)</text>\n");
    svg_month_labels(&b, fc);
    if (replicates)
        svg_band(&b, fc, &left);
    svg_polyline(&b, fc, &right, Q(capacity), JBW_STAT_MEAN, "#2ca02c", "6 4");
    svg_polyline(&b, fc, &right, Q(load), JBW_STAT_MEAN, "#ff7f0e", "2 3");
    svg_polyline(&b, fc, &left, Q(waiting), JBW_STAT_MEAN, "#333333", NULL);
    svg_polyline(&b, fc, &left, Q(waiting_nieuw), JBW_STAT_MEAN, "#1f77b4",
                 NULL);
    svg_polyline(&b, fc, &left, Q(waiting_bestaand), JBW_STAT_MEAN, "#d62728",
                 NULL);
    jbw__buf_puts(&b, "<g font-size=\"12\" fill=\"#222222\">\n");
    svg_legend_item(&b, 0, "#1f77b4", NULL, "waiting nieuw", 0);
    svg_legend_item(&b, 1, "#d62728", NULL, "waiting bestaand", 0);
    svg_legend_item(&b, 2, "#333333", NULL, "waiting total", 0);
    svg_legend_item(&b, 3, "#2ca02c", "6 4", "capacity (right axis)", 0);
    svg_legend_item(&b, 4, "#ff7f0e", "2 3", "load (right axis)", 0);
    if (replicates)
        svg_legend_item(&b, 5, NULL, NULL, "total p5-p95", 1);
    jbw__buf_puts(&b, "</g>\n</svg>\n");
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}
