/*
 * Writers of a backtest: JSON, CSV, text and an SVG chart of forecast
 * against actual. They read the result through the public getters only.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "out/svg.h"

/* Everything a writer needs, read once (rows: months + 1, owned). */
typedef struct view {
    jbw_date from;
    int32_t months;
    int32_t window_months;
    int history;
    jbw_backtest_month *rows;
    jbw_backtest_summary sum;
    const char *notice;
} view;

static jbw_status read_view(view *v, const jbw_backtest *bt)
{
    jbw_status st;
    int32_t k;
    memset(v, 0, sizeof *v);
    if (!bt)
        return jbw__error(JBW_EINVAL, "backtest is NULL");
    v->from = jbw_backtest_from(bt);
    v->months = jbw_backtest_months(bt);
    v->window_months =
        jbw_calibration_window_months(jbw_backtest_calibration(bt));
    v->history = jbw_backtest_is_history(bt);
    v->notice = jbw_backtest_data_notice(bt);
    v->rows = jbw__calloc((size_t)v->months + 1, sizeof *v->rows);
    if (!v->rows)
        return jbw__enomem();
    for (k = 0; k <= v->months; k++) {
        v->rows[k].version = JBW_BACKTEST_MONTH_VERSION;
        if ((st = jbw_backtest_month_get(&v->rows[k], bt, k)) != JBW_OK)
            goto fail;
    }
    v->sum.version = JBW_BACKTEST_SUMMARY_VERSION;
    if ((st = jbw_backtest_summary_get(&v->sum, bt)) != JBW_OK)
        goto fail;
    return JBW_OK;
fail:
    jbw__free(v->rows);
    v->rows = NULL;
    return st;
}

static const char one_export_note[] =
    "one export: waiting bestaand on a past date cannot be rebuilt from it "
    "(a worker who left before the export is not in it), so bestaand is "
    "not compared and the start state counts it as assigned";
static const char history_note[] =
    "a history of exports: every figure is compared with the export "
    "nearest to the month's date";

/* The fields of a month, in every form (base_internal.h, jbw__row). */
static void month_fields(jbw__row *w, const jbw_backtest_month *r)
{
    jbw__row_long(w, "month", (long)r->month);
    jbw__row_date(w, "date", r->date);
    jbw__row_date(w, "actual_date", r->actual_date);
    jbw__row_number(w, "forecast_active", r->forecast_active, 4);
    jbw__row_number(w, "actual_active", r->actual_active, 4);
    jbw__row_number(w, "forecast_waiting_nieuw", r->forecast_waiting_nieuw, 4);
    jbw__row_number(w, "actual_waiting_nieuw", r->actual_waiting_nieuw, 4);
    jbw__row_number(w, "forecast_waiting_bestaand",
                    r->forecast_waiting_bestaand, 4);
    jbw__row_number(w, "actual_waiting_bestaand", r->actual_waiting_bestaand,
                    4);
    jbw__row_number(w, "forecast_waiting", r->forecast_waiting, 4);
    jbw__row_number(w, "actual_waiting", r->actual_waiting, 4);
}

static void month_row(jbw__buf *b, int form, const jbw_backtest_month *r)
{
    jbw__row w;
    jbw__row_init(&w, b, form, 1);
    month_fields(&w, r);
}

jbw_status jbw_backtest_json(char **out, size_t *len, const jbw_backtest *bt)
{
    jbw__buf b = JBW__BUF_INIT;
    jbw__row w;
    view v;
    jbw_status st;
    int32_t k;
    if (!out)
        return jbw__error(JBW_EINVAL, "out is NULL");
    if ((st = read_view(&v, bt)) != JBW_OK)
        return st;
    jbw__buf_putc(&b, '{');
    jbw__notice_json(&b, v.notice);
    jbw__buf_puts(&b, "\"from\":\"");
    jbw__buf_date(&b, v.from);
    jbw__buf_printf(&b,
                    "\",\"months_ahead\":%ld,\"window_months\":%ld,"
                    "\"history\":%s,\"months\":[",
                    (long)v.months, (long)v.window_months,
                    v.history ? "true" : "false");
    for (k = 0; k <= v.months; k++) {
        jbw__buf_puts(&b, k ? ",{" : "{");
        month_row(&b, JBW__ROW_JSON, &v.rows[k]);
        jbw__buf_putc(&b, '}');
    }
    jbw__buf_putc(&b, ']');
    jbw__row_init(&w, &b, JBW__ROW_JSON, 1);
    w.fields = 1; /* after "months" */
    jbw__row_number(&w, "mape_active", v.sum.mape_active, 4);
    jbw__row_number(&w, "mape_waiting_nieuw", v.sum.mape_waiting_nieuw, 4);
    jbw__row_number(&w, "mape_waiting_bestaand", v.sum.mape_waiting_bestaand,
                    4);
    jbw__row_number(&w, "mape_waiting", v.sum.mape_waiting, 4);
    jbw__buf_printf(
        &b, ",\"months_compared\":%zu,\"note\":", v.sum.months_compared);
    jbw__buf_json_string(&b, v.history ? history_note : one_export_note);
    jbw__buf_puts(&b, "}\n");
    jbw__free(v.rows);
    return jbw__buf_finish(&b, out, len);
}

jbw_status jbw_backtest_csv(char **out, size_t *len, const jbw_backtest *bt)
{
    jbw__buf b = JBW__BUF_INIT;
    view v;
    jbw_status st;
    int32_t k;
    if (!out)
        return jbw__error(JBW_EINVAL, "out is NULL");
    if ((st = read_view(&v, bt)) != JBW_OK)
        return st;
    month_row(&b, JBW__ROW_HEADER, &v.rows[0]);
    jbw__notice_csv_header_end(&b, v.notice);
    for (k = 0; k <= v.months; k++) {
        month_row(&b, JBW__ROW_CSV, &v.rows[k]);
        jbw__notice_csv_row_end(&b, v.notice);
    }
    jbw__free(v.rows);
    return jbw__buf_finish(&b, out, len);
}

/* "  123.4" or "      -" */
static void text_cell(jbw__buf *b, double x)
{
    jbw__buf_putc(b, ' ');
    if (isfinite(x))
        jbw__buf_fixed(b, x, 1, 10);
    else
        jbw__buf_puts(b, "         -");
}

static void text_mape(jbw__buf *b, const char *what, double x)
{
    if (isfinite(x)) {
        jbw__buf_printf(b, "  %-24s ", what);
        jbw__buf_fixed(b, x, 1, 0);
        jbw__buf_puts(b, "%\n");
    } else
        jbw__buf_printf(b, "  %-24s -\n", what);
}

jbw_status jbw_backtest_text(char **out, size_t *len, const jbw_backtest *bt)
{
    jbw__buf b = JBW__BUF_INIT;
    view v;
    jbw_status st;
    int32_t k;
    if (!out)
        return jbw__error(JBW_EINVAL, "out is NULL");
    if ((st = read_view(&v, bt)) != JBW_OK)
        return st;
    jbw__notice_text(&b, v.notice);
    jbw__buf_puts(&b, "Backtest from ");
    jbw__buf_date(&b, v.from);
    jbw__buf_printf(&b,
                    ": calibrated on the %ld months before it, "
                    "deterministic forecast of %ld months against the "
                    "records\n\n",
                    (long)v.window_months, (long)v.months);
    jbw__buf_printf(&b, "%5s %-10s %10s %10s %10s %10s %10s %10s\n", "month",
                    "date", "active f", "active a", "nieuw f", "nieuw a",
                    "bestaand f", "bestaand a");
    for (k = 0; k <= v.months; k++) {
        const jbw_backtest_month *r = &v.rows[k];
        char d[JBW_DATE_BUFSIZE];
        jbw_date_format(d, sizeof d, r->date);
        jbw__buf_printf(&b, "%5ld %-10s", (long)r->month, d);
        text_cell(&b, r->forecast_active);
        text_cell(&b, r->actual_active);
        text_cell(&b, r->forecast_waiting_nieuw);
        text_cell(&b, r->actual_waiting_nieuw);
        text_cell(&b, r->forecast_waiting_bestaand);
        text_cell(&b, r->actual_waiting_bestaand);
        jbw__buf_putc(&b, '\n');
    }
    jbw__buf_printf(&b,
                    "\nmean absolute percentage error over months 1-%ld "
                    "(f: forecast, a: actual):\n",
                    (long)v.months);
    text_mape(&b, "active measures", v.sum.mape_active);
    text_mape(&b, "waiting nieuw", v.sum.mape_waiting_nieuw);
    text_mape(&b, "waiting bestaand", v.sum.mape_waiting_bestaand);
    text_mape(&b, "waiting list", v.sum.mape_waiting);
    jbw__buf_printf(&b, "\nnote: %s.\n",
                    v.history ? history_note : one_export_note);
    jbw__free(v.rows);
    return jbw__buf_finish(&b, out, len);
}

/* ---- SVG ------------------------------------------------------------- */

#define SVG_W  900.0
#define SVG_H  460.0
#define PLOT_L 70.0
#define PLOT_R 700.0
#define PLOT_T 70.0
#define PLOT_B 400.0

static double x_of(const view *v, int32_t k)
{
    return PLOT_L + (PLOT_R - PLOT_L) * (double)k /
                        (double)(v->months > 0 ? v->months : 1);
}

static double y_of(double value, double top)
{
    return PLOT_B - (PLOT_B - PLOT_T) * value / top;
}

/* One line over the months with a known value of the field at `off`. */
static void svg_line(jbw__buf *b, const view *v, size_t off, double top,
                     const char *colour, const char *dash)
{
    int32_t k;
    int open = 0;
    for (k = 0; k <= v->months; k++) {
        double x;
        memcpy(&x, (const char *)&v->rows[k] + off, sizeof x);
        if (!isfinite(x)) {
            if (open)
                jbw__buf_puts(b, "\"/>\n");
            open = 0;
            continue;
        }
        if (!open) {
            jbw__buf_printf(b,
                            "<polyline fill=\"none\" stroke=\"%s\" "
                            "stroke-width=\"2\"%s%s%s points=\"",
                            colour, dash ? " stroke-dasharray=\"" : "",
                            dash ? dash : "", dash ? "\"" : "");
            open = 1;
        } else
            jbw__buf_putc(b, ' ');
        jbw__buf_fixed(b, x_of(v, k), 1, 0);
        jbw__buf_putc(b, ',');
        jbw__buf_fixed(b, y_of(x, top), 1, 0);
    }
    if (open)
        jbw__buf_puts(b, "\"/>\n");
}

static double max_of(const view *v, size_t off)
{
    double m = 0;
    int32_t k;
    for (k = 0; k <= v->months; k++) {
        double x;
        memcpy(&x, (const char *)&v->rows[k] + off, sizeof x);
        if (isfinite(x) && x > m)
            m = x;
    }
    return m;
}

static void svg_axes(jbw__buf *b, const view *v, jbw__svg_axis ax)
{
    int i;
    int32_t k, every = v->months > 12 ? (v->months + 11) / 12 : 1;
    jbw__buf_printf(b,
                    "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" "
                    "stroke=\"#000000\"/>\n<line x1=\"%.0f\" y1=\"%.0f\" "
                    "x2=\"%.0f\" y2=\"%.0f\" stroke=\"#000000\"/>\n",
                    PLOT_L, PLOT_B, PLOT_R, PLOT_B, PLOT_L, PLOT_T, PLOT_L,
                    PLOT_B);
    jbw__buf_puts(b, "<g font-size=\"11\" fill=\"#333333\">\n");
    for (i = 0; i * ax.step <= ax.max * (1 + 1e-9); i++) {
        double val = i * ax.step;
        jbw__buf_printf(b, "<text x=\"%.0f\" y=\"", PLOT_L - 6);
        jbw__buf_fixed(b, y_of(val, ax.max) + 4, 1, 0);
        jbw__buf_puts(b, "\" text-anchor=\"end\">");
        jbw__buf_fixed(b, val, ax.step < 1 ? 1 : 0, 0);
        jbw__buf_puts(b, "</text>\n");
    }
    for (k = 0; k <= v->months; k += every) {
        char d[JBW_DATE_BUFSIZE];
        jbw_date_format(d, sizeof d, v->rows[k].date);
        d[7] = '\0'; /* YYYY-MM */
        jbw__buf_puts(b, "<text x=\"");
        jbw__buf_fixed(b, x_of(v, k), 1, 0);
        jbw__buf_printf(b, "\" y=\"%.0f\" text-anchor=\"middle\">%s</text>\n",
                        PLOT_B + 18, d);
    }
    jbw__buf_puts(b, "</g>\n");
}

static void svg_legend(jbw__buf *b, int i, const char *colour, const char *dash,
                       const char *label)
{
    double y = PLOT_T + 10 + 22.0 * i;
    jbw__buf_printf(b,
                    "<line x1=\"720\" y1=\"%.0f\" x2=\"750\" y2=\"%.0f\" "
                    "stroke=\"%s\" stroke-width=\"2\"%s%s%s/>\n<text "
                    "x=\"756\" y=\"%.0f\">",
                    y, y, colour, dash ? " stroke-dasharray=\"" : "",
                    dash ? dash : "", dash ? "\"" : "", y + 4);
    jbw__svg_text(b, label);
    jbw__buf_puts(b, "</text>\n");
}

#define ROW(f) offsetof(jbw_backtest_month, f)

jbw_status jbw_backtest_svg(char **out, size_t *len, const jbw_backtest *bt,
                            const char *title)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t fw = ROW(forecast_waiting_nieuw), aw = ROW(actual_waiting_nieuw);
    view v;
    jbw_status st;
    jbw__svg_axis ax;
    double top;
    if (!out)
        return jbw__error(JBW_EINVAL, "out is NULL");
    if ((st = read_view(&v, bt)) != JBW_OK)
        return st;
    if (!title)
        title = "Backtest: forecast against what happened";
    if (v.history) {
        fw = ROW(forecast_waiting);
        aw = ROW(actual_waiting);
    }
    top = max_of(&v, ROW(forecast_active));
    if (max_of(&v, ROW(actual_active)) > top)
        top = max_of(&v, ROW(actual_active));
    ax = jbw__svg_axis_for(top);
    top = ax.max;
    jbw__buf_printf(&b,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "
                    "xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                    "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                    "font-family=\"sans-serif\">\n<title>",
                    SVG_W, SVG_H, SVG_W, SVG_H);
    jbw__svg_text(&b, title);
    jbw__buf_puts(&b, "</title>\n<rect width=\"100%\" height=\"100%\" "
                      "fill=\"#ffffff\"/>\n<text x=\"450\" y=\"28\" "
                      "text-anchor=\"middle\" font-size=\"16\" "
                      "font-weight=\"bold\">");
    jbw__svg_text(&b, title);
    jbw__buf_puts(&b, "</text>\n<text x=\"450\" y=\"48\" "
                      "text-anchor=\"middle\" font-size=\"11\" "
                      "fill=\"#555555\">");
    jbw__buf_printf(&b, "from ");
    jbw__buf_date(&b, v.from);
    jbw__buf_printf(&b,
                    ", calibrated on the %ld months before; dashed: "
                    "forecast, solid: the records</text>\n",
                    (long)v.window_months);
    jbw__svg_notice(&b, v.notice);
    svg_axes(&b, &v, ax);
    svg_line(&b, &v, ROW(forecast_active), top, "#1f77b4", "6 4");
    svg_line(&b, &v, ROW(actual_active), top, "#1f77b4", NULL);
    svg_line(&b, &v, fw, top, "#d62728", "6 4");
    svg_line(&b, &v, aw, top, "#d62728", NULL);
    jbw__buf_puts(&b, "<g font-size=\"12\" fill=\"#222222\">\n");
    svg_legend(&b, 0, "#1f77b4", "6 4", "active, forecast");
    svg_legend(&b, 1, "#1f77b4", NULL, "active, actual");
    svg_legend(&b, 2, "#d62728", "6 4",
               v.history ? "waiting, forecast" : "waiting nieuw, forecast");
    svg_legend(&b, 3, "#d62728", NULL,
               v.history ? "waiting, actual" : "waiting nieuw, actual");
    jbw__buf_puts(&b, "</g>\n</svg>\n");
    jbw__free(v.rows);
    return jbw__buf_finish(&b, out, len);
}
