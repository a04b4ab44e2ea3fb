/*
 * Writers of a backtest: JSON, CSV, text and an SVG chart of forecast
 * against actual. They read the result through the public getters only.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "out/out_internal.h"

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

/* ---- SVG: the charts' house style (lib/out/svg.c) ----------------------- */

#define W 760.0

#define ROW(f) offsetof(jbw_backtest_month, f)

static double field(const jbw_backtest_month *r, size_t off)
{
    double x;
    memcpy(&x, (const char *)r + off, sizeof x);
    return x;
}

/* Widens [*lo, *hi] to the known values of the field at `off`. */
static void widen(double *lo, double *hi, const view *v, size_t off)
{
    int32_t k;
    for (k = 0; k <= v->months; k++) {
        double x = field(&v->rows[k], off);
        if (!isfinite(x))
            continue;
        if (x < *lo)
            *lo = x;
        if (x > *hi)
            *hi = x;
    }
}

/* A plot of the chart: where it is, its axis and the two series. */
typedef struct plot {
    double x0, x1, y_top, y_bottom;
    jbw__axis axis;
    size_t forecast, actual; /* offsets in jbw_backtest_month */
} plot;

static double plot_x(const plot *p, const view *v, int32_t k)
{
    return v->months > 0
               ? p->x0 + (p->x1 - p->x0) * (double)k / (double)v->months
               : p->x0;
}

/* The field at `off` as lines over the months where it is known: a
 * polyline for each run of known months, a dot for a month alone.
 * Drawn after the axes, so that a series at 0 lies on top of the axis
 * line and stays visible. */
static void series_line(jbw__svg *s, const view *v, const plot *p, size_t off,
                        jbw__style style)
{
    int32_t k = 0, end;
    while (k <= v->months) {
        if (!isfinite(field(&v->rows[k], off))) {
            k++;
            continue;
        }
        for (end = k;
             end < v->months && isfinite(field(&v->rows[end + 1], off)); end++)
            ;
        if (end == k) {
            double x = plot_x(p, v, k),
                   y = jbw__axis_pos(&p->axis, field(&v->rows[k], off),
                                     p->y_bottom, p->y_top);
            jbw__svg_dot(s, x, y, 3.5, style);
        } else {
            jbw__buf_puts(&s->b, "<polyline");
            jbw__svg_stroke(s, style);
            jbw__buf_puts(&s->b, " points=\"");
            for (; k <= end; k++) {
                jbw__svg_num(&s->b, plot_x(p, v, k));
                jbw__buf_putc(&s->b, ',');
                jbw__svg_num(&s->b,
                             jbw__axis_pos(&p->axis, field(&v->rows[k], off),
                                           p->y_bottom, p->y_top));
                if (k < end)
                    jbw__buf_putc(&s->b, ' ');
            }
            jbw__buf_puts(&s->b, "\"/>\n");
        }
        k = end + 1;
    }
}

/* A plot's value axis, month axis and series: the records solid, the
 * forecast dashed on top. */
static void draw_plot(jbw__svg *s, const view *v, const jbw_date *dates,
                      const plot *p, const char *axis_title)
{
    jbw__svg_value_axis(s, &p->axis, p->x0, p->x1, p->y_top, p->y_bottom,
                        p->axis.step < 1 ? 1 : 0, NULL, axis_title);
    jbw__svg_month_axis(s, dates, v->months, p->x0, p->x1, p->y_bottom, 8);
    series_line(s, v, p, p->actual, JBW__STYLE_SOLID);
    series_line(s, v, p, p->forecast, JBW__STYLE_HATCH);
}

/* "12,0%" (English "12.0%"); "–" when unknown. */
static void fmt_mape(char *buf, double x, jbw_lang lang)
{
    jbw__fmt_number(buf, x, 1, lang);
    if (isfinite(x))
        strcat(buf, "%");
}

/* The mean absolute percentage errors (jbw_backtest_summary) on one
 * line: "Gemiddelde afwijking (MAPE), maand 1-6: actief 12,0%, wachtend
 * nieuw 100,0%; ...". */
static void mape_line(jbw__buf *b, const view *v, jbw_lang lang)
{
    char a[JBW__FMT_SIZE], n[JBW__FMT_SIZE], e[JBW__FMT_SIZE], w[JBW__FMT_SIZE];
    fmt_mape(a, v->sum.mape_active, lang);
    fmt_mape(n, v->sum.mape_waiting_nieuw, lang);
    if (v->months == 1)
        jbw__buf_printf(b,
                        JBW__T(lang,
                               "Afwijking (MAPE), maand 1: actief %s, "
                               "wachtend nieuw %s",
                               "Error (MAPE), month 1: active %s, waiting "
                               "nieuw %s"),
                        a, n);
    else
        jbw__buf_printf(b,
                        JBW__T(lang,
                               "Gemiddelde afwijking (MAPE), maand "
                               "1\xe2\x80\x93%ld: actief %s, wachtend "
                               "nieuw %s",
                               "Mean error (MAPE), months 1-%ld: active %s, "
                               "waiting nieuw %s"),
                        (long)v->months, a, n);
    if (v->history) {
        fmt_mape(e, v->sum.mape_waiting_bestaand, lang);
        fmt_mape(w, v->sum.mape_waiting, lang);
        jbw__buf_printf(b,
                        JBW__T(lang, ", bestaand %s, wachtlijst %s",
                               ", bestaand %s, waiting list %s"),
                        e, w);
    } else {
        jbw__buf_puts(b, JBW__T(lang,
                                "; bestaand niet vergeleken (\xc3\xa9\xc3\xa9n "
                                "export)",
                                "; bestaand not compared (one export)"));
    }
}

/* One plot in the text alternative: its start and its last month. */
static void desc_plot(jbw__buf *d, const view *v, const plot *p,
                      const char *what, jbw_lang lang)
{
    const jbw_backtest_month *r0 = &v->rows[0], *rk = &v->rows[v->months];
    int dec = p->axis.hi < 100 ? 1 : 0;
    char start[JBW__FMT_SIZE], date[JBW__FMT_SIZE], f[JBW__FMT_SIZE],
        a[JBW__FMT_SIZE];
    jbw__fmt_number(start, field(r0, p->actual), dec, lang);
    jbw__fmt_date(date, rk->date, lang);
    jbw__fmt_number(f, field(rk, p->forecast), dec, lang);
    jbw__fmt_number(a, field(rk, p->actual), dec, lang);
    jbw__buf_printf(d,
                    JBW__T(lang,
                           " %s: bij de start %s; na %ld %s (%s) "
                           "prognose %s, werkelijk %s.",
                           " %s: %s at the start; after %ld %s (%s) "
                           "forecast %s, actual %s."),
                    what, start, (long)v->months,
                    jbw__months_word(v->months, lang), date, f, a);
}

static const char one_export_nl[] =
    "E\xc3\xa9n export kan het wachten bestaand op een eerdere datum niet "
    "herstellen (wie v\xc3\xb3\xc3\xb3r de export vertrok, staat er niet in): "
    "bestaand is niet vergeleken en telt in de beginstand als toegewezen.";
static const char history_nl[] =
    "Een reeks exports: elk cijfer is vergeleken met de export die het "
    "dichtst bij de datum van de maand ligt.";

static void desc_all(jbw__buf *d, const view *v, const plot *top,
                     const plot *bottom, const char *waiting, jbw_lang lang)
{
    char from[JBW__FMT_SIZE];
    jbw__fmt_date(from, v->from, lang);
    jbw__buf_printf(d,
                    JBW__T(lang,
                           "Backtest vanaf %s: gekalibreerd op de %ld "
                           "maanden ervoor, een deterministische prognose "
                           "van %ld maanden naast de registratie.",
                           "Backtest from %s: calibrated on the %ld months "
                           "before it, a deterministic forecast of %ld months "
                           "beside the records."),
                    from, (long)v->window_months, (long)v->months);
    desc_plot(
        d, v, top,
        JBW__T(lang, "Boven, actieve maatregelen", "Above, active measures"),
        lang);
    desc_plot(d, v, bottom, waiting, lang);
    jbw__buf_putc(d, ' ');
    mape_line(d, v, lang);
    jbw__buf_puts(d, ". ");
    if (lang == JBW_LANG_EN) {
        jbw__buf_puts(d, v->history ? history_note : one_export_note);
        jbw__buf_puts(d, ".");
    } else {
        jbw__buf_puts(d, v->history ? history_nl : one_export_nl);
    }
}

/* The plot of active measures: on the range of both series with room
 * around it (the axis need not start at 0: the gap between the lines is
 * what the chart is for). */
static jbw__axis active_axis(const view *v)
{
    double lo = HUGE_VAL, hi = -HUGE_VAL, pad;
    widen(&lo, &hi, v, ROW(forecast_active));
    widen(&lo, &hi, v, ROW(actual_active));
    if (!(lo <= hi))
        lo = hi = 0;
    pad = (hi - lo) * 0.15 + hi * 0.01 + 1;
    return jbw__axis_nice(lo - pad > 0 ? lo - pad : 0, hi + pad, 5, 0);
}

static jbw__axis waiting_axis(const view *v, const plot *p)
{
    double lo = 0, hi = 0;
    widen(&lo, &hi, v, p->forecast);
    widen(&lo, &hi, v, p->actual);
    return jbw__axis_nice(0, hi * 1.05, 4, 1);
}

jbw_status jbw_chart_backtest_svg(char **out, size_t *len,
                                  const jbw_backtest *bt,
                                  const jbw_chart_options *opts)
{
    /* as the forecast chart (chart_forecast.c): a third line under the
     * subtitle moves the plots down by D; R leaves half a month label */
    const double D = 18, L = 76, R = W - 34;
    static const jbw__buf empty = JBW__BUF_INIT;
    jbw__chart c;
    jbw__svg s;
    jbw__buf d = JBW__BUF_INIT, line = JBW__BUF_INIT;
    jbw_date *dates;
    plot top = {0}, bottom = {0};
    const char *waiting, *waiting_axis_title;
    char sub[256], from[JBW__FMT_SIZE];
    double x;
    view v;
    int32_t k;
    jbw_status st;
    if (!out || !bt)
        return jbw__error(JBW_EINVAL, "jbw_chart_backtest_svg: NULL argument");
    if ((st = jbw__chart_options(&c, opts, "jbw_chart_backtest_svg")) != JBW_OK)
        return st;
    /* a backtest of the example says so, whatever the options say */
    if (jbw_backtest_data_notice(bt))
        jbw__chart_set_notice(&c, jbw_backtest_data_notice(bt));
    if ((st = read_view(&v, bt)) != JBW_OK)
        return st;
    dates = jbw__calloc((size_t)v.months + 1, sizeof *dates);
    if (!dates) {
        jbw__free(v.rows);
        return jbw__enomem();
    }
    for (k = 0; k <= v.months; k++)
        dates[k] = v.rows[k].date;
    top.x0 = bottom.x0 = L;
    top.x1 = bottom.x1 = R;
    top.y_top = 92 + D;
    top.y_bottom = 282 + D;
    bottom.y_top = 352 + D;
    bottom.y_bottom = 492 + D;
    top.forecast = ROW(forecast_active);
    top.actual = ROW(actual_active);
    bottom.forecast =
        v.history ? ROW(forecast_waiting) : ROW(forecast_waiting_nieuw);
    bottom.actual = v.history ? ROW(actual_waiting) : ROW(actual_waiting_nieuw);
    top.axis = active_axis(&v);
    bottom.axis = waiting_axis(&v, &bottom);
    waiting = v.history ? JBW__T(c.lang, "wachtlijst", "waiting list")
                        : JBW__T(c.lang, "wachtend nieuw", "waiting nieuw");
    /* with the unit, as every axis title; short enough for the 140 px of
     * the plot (about 7 px a character at 12.5 px) */
    waiting_axis_title =
        v.history ? JBW__T(c.lang, "wachtlijst (maatregelen)",
                           "waiting list (measures)")
                  : JBW__T(c.lang, "nieuw (maatregelen)", "nieuw (measures)");
    jbw__fmt_date(from, v.from, c.lang);
    snprintf(sub, sizeof sub,
             JBW__T(c.lang,
                    "vanaf %s, gekalibreerd op de %ld maanden ervoor; "
                    "deterministische prognose naast de registratie",
                    "from %s, calibrated on the %ld months before; "
                    "deterministic forecast beside the records"),
             from, (long)v.window_months);
    desc_all(&d, &v, &top, &bottom,
             v.history ? JBW__T(c.lang,
                                "Onder, de wachtlijst (nieuw en "
                                "bestaand)",
                                "Below, the waiting list (nieuw and "
                                "bestaand)")
                       : JBW__T(c.lang, "Onder, wachtend nieuw",
                                "Below, waiting nieuw"),
             c.lang);
    mape_line(&line, &v, c.lang);
    memset(&s, 0, sizeof s);
    s.b = empty;
    jbw__chart_begin(&s, &c, "backtest", W,
                     bottom.y_bottom + 52 + jbw__chart_notice_height(&c),
                     JBW__T(c.lang, "Backtest: prognose tegen wat er gebeurde",
                            "Backtest: forecast against what happened"),
                     sub, d.failed ? NULL : d.data);
    if (!line.failed && line.data)
        jbw__svg_label(&s, 16, 46 + D, "start",
                       jbw__svg_fit_size(line.data, W - 32, 12, 8), 0,
                       line.data);
    /* above: active measures */
    x = jbw__svg_legend_item(
        &s, L, 68 + D, JBW__STYLE_SOLID, 1,
        JBW__T(c.lang, "actief, werkelijk", "active, actual"));
    x = jbw__svg_legend_item(
        &s, x, 68 + D, JBW__STYLE_HATCH, 1,
        JBW__T(c.lang, "actief, prognose", "active, forecast"));
    if (top.axis.lo > 0)
        jbw__svg_label(&s, x, 68 + D + 5, "start", 12, 0,
                       JBW__T(c.lang, "(de as begint niet bij 0)",
                              "(the axis does not start at 0)"));
    draw_plot(&s, &v, dates, &top,
              JBW__T(c.lang, "actief (maatregelen)", "active (measures)"));
    /* below: the waiting list, or its nieuw part */
    {
        char la[64], lf[64];
        snprintf(la, sizeof la, "%s, %s", waiting,
                 JBW__T(c.lang, "werkelijk", "actual"));
        snprintf(lf, sizeof lf, "%s, %s", waiting,
                 JBW__T(c.lang, "prognose", "forecast"));
        x = jbw__svg_legend_item(&s, L, bottom.y_top - 24, JBW__STYLE_SOLID, 1,
                                 la);
        jbw__svg_legend_item(&s, x, bottom.y_top - 24, JBW__STYLE_HATCH, 1, lf);
    }
    draw_plot(&s, &v, dates, &bottom, waiting_axis_title);
    jbw__svg_label(&s, (L + R) / 2, bottom.y_bottom + 36, "middle", 12.5, 0,
                   JBW__T(c.lang, "maand", "month"));
    jbw__free(dates);
    jbw__free(v.rows);
    if (d.failed || line.failed) {
        jbw__buf_free(&d);
        jbw__buf_free(&line);
        jbw__buf_free(&s.b);
        return jbw__enomem();
    }
    jbw__buf_free(&d);
    jbw__buf_free(&line);
    return jbw__svg_finish(&s, out, len);
}

jbw_status jbw_backtest_svg(char **out, size_t *len, const jbw_backtest *bt,
                            const char *title)
{
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    o.lang = JBW_LANG_EN;
    o.title = title;
    return jbw_chart_backtest_svg(out, len, bt, &o);
}
