/*
 * Charts of forecasts: one forecast in two panels (the waiting list
 * above, capacity and load below), and scenarios side by side. Built on
 * jbw_forecast_month_get(); the primitives are in svg.c.
 */
#include "out_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define W 760.0

/*
 * The series of one forecast that the charts draw, months 0..months.
 * Month 0 holds the data's own counts, drawn as the tables publish them
 * (suppress_below, round_to): rounded, or, when a count is hidden, not
 * drawn at all. The stacked parts are drawn from month parts_from, the
 * total (and its band) from total_from, the load from load_from: 0, or 1
 * when a start is hidden. The load of month 0 is a count too when the
 * norm weighs each unit 1 (the assigned measures): beside the active
 * measures it would tell the hidden waiting list.
 */
typedef struct chart_series {
    int32_t months, parts_from, total_from, load_from;
    size_t replicates;
    double *nieuw, *bestaand, *total, *p5, *p95, *capacity, *load;
    jbw_date *dates;
    double *block;
} chart_series;

static void series_free(chart_series *f)
{
    jbw__free(f->block);
    jbw__free(f->dates);
    memset(f, 0, sizeof *f);
}

static jbw_status series_read(chart_series *f, const jbw_forecast *fc,
                              const jbw__publish *p)
{
    size_t n, t;
    memset(f, 0, sizeof *f);
    f->months = jbw_forecast_months(fc);
    f->replicates = jbw_forecast_replicates(fc);
    n = (size_t)f->months + 1;
    f->block = jbw__calloc(7 * n, sizeof(double));
    f->dates = jbw__calloc(n, sizeof(jbw_date));
    if (!f->block || !f->dates) {
        series_free(f);
        return jbw__enomem();
    }
    f->nieuw = f->block;
    f->bestaand = f->block + n;
    f->total = f->block + 2 * n;
    f->p5 = f->block + 3 * n;
    f->p95 = f->block + 4 * n;
    f->capacity = f->block + 5 * n;
    f->load = f->block + 6 * n;
    for (t = 0; t < n; t++) {
        jbw_forecast_month m;
        jbw_status st;
        m.version = JBW_FORECAST_MONTH_VERSION;
        st = jbw_forecast_month_get(&m, fc, (int32_t)t, JBW_STAT_MEAN);
        if (st != JBW_OK) {
            series_free(f);
            return st;
        }
        f->dates[t] = m.date;
        f->nieuw[t] = m.waiting_nieuw;
        f->bestaand[t] = m.waiting_bestaand;
        f->total[t] = m.waiting;
        f->capacity[t] = m.capacity;
        f->load[t] = m.load;
        f->p5[t] = f->p95[t] = m.waiting;
        if (f->replicates) {
            if (jbw_forecast_month_get(&m, fc, (int32_t)t, JBW_STAT_P5) ==
                JBW_OK)
                f->p5[t] = m.waiting;
            if (jbw_forecast_month_get(&m, fc, (int32_t)t, JBW_STAT_P95) ==
                JBW_OK)
                f->p95[t] = m.waiting;
        }
    }
    /* both parts are published (not || : each is rounded in place) */
    f->parts_from = jbw__publish_start(p, &f->nieuw[0]) |
                    jbw__publish_start(p, &f->bestaand[0]);
    f->total_from = jbw__publish_start(p, &f->total[0]);
    f->load_from = jbw__publish_start(p, &f->load[0]);
    if (!f->total_from) /* every replicate starts from the data */
        f->p5[0] = f->p95[0] = f->total[0];
    return JBW_OK;
}

/* The largest of v[from..months] (0 when none): a start that is not
 * drawn does not set the axis either. */
static double series_max(const double *v, int32_t from, int32_t months)
{
    double max = 0;
    int32_t t;
    for (t = from; t <= months; t++)
        if (v[t] > max)
            max = v[t];
    return max;
}

/* The smallest of v[from..months] (v[months] when from is after it). */
static double series_min(const double *v, int32_t from, int32_t months)
{
    double min = v[from <= months ? from : months];
    int32_t t;
    for (t = from + 1; t <= months; t++)
        if (v[t] < min)
            min = v[t];
    return min;
}

static double month_x(int32_t t, int32_t months, double x0, double x1)
{
    return months > 0 ? x0 + (x1 - x0) * (double)t / (double)months : x0;
}

/* Writes "x,y" points of v (plus base, when given, added to each) from
 * t = from to t = to (either direction). */
static void put_points(jbw__svg *s, const jbw__axis *a, const double *v,
                       const double *base, int32_t months, int32_t from,
                       int32_t to, double x0, double x1, double y0, double y1)
{
    int32_t t, step = from <= to ? 1 : -1;
    for (t = from;; t += step) {
        double val = v[t] + (base ? base[t] : 0);
        jbw__svg_num(&s->b, month_x(t, months, x0, x1));
        jbw__buf_putc(&s->b, ',');
        jbw__svg_num(&s->b, jbw__axis_pos(a, val, y1, y0));
        jbw__buf_putc(&s->b, ' ');
        if (t == to)
            break;
    }
}

/* A polygon between lower (NULL: the axis at 0) and upper, over months
 * from..months (nothing when from is after months). */
static void area(jbw__svg *s, const jbw__axis *a, const double *lower,
                 const double *upper, const double *upper_base, int32_t from,
                 int32_t months, double x0, double x1, double y0, double y1,
                 jbw__style style)
{
    static const double zero[1] = {0};
    if (from > months)
        return;
    jbw__buf_puts(&s->b, "<polygon");
    jbw__svg_fill(s, style);
    jbw__buf_puts(&s->b, " points=\"");
    put_points(s, a, upper, upper_base, months, from, months, x0, x1, y0, y1);
    if (lower) {
        put_points(s, a, lower, NULL, months, months, from, x0, x1, y0, y1);
    } else {
        jbw__svg_num(&s->b, x1);
        jbw__buf_putc(&s->b, ',');
        jbw__svg_num(&s->b, jbw__axis_pos(a, zero[0], y1, y0));
        jbw__buf_putc(&s->b, ' ');
        jbw__svg_num(&s->b, month_x(from, months, x0, x1));
        jbw__buf_putc(&s->b, ',');
        jbw__svg_num(&s->b, jbw__axis_pos(a, zero[0], y1, y0));
    }
    jbw__buf_puts(&s->b, "\"/>\n");
}

/* A line through v over months from..months (nothing when from is
 * after months). */
static void polyline(jbw__svg *s, const jbw__axis *a, const double *v,
                     int32_t from, int32_t months, double x0, double x1,
                     double y0, double y1, jbw__style style)
{
    if (from > months)
        return;
    jbw__buf_puts(&s->b, "<polyline");
    jbw__svg_stroke(s, style);
    jbw__buf_puts(&s->b, " points=\"");
    put_points(s, a, v, NULL, months, from, months, x0, x1, y0, y1);
    jbw__buf_puts(&s->b, "\"/>\n");
}

static void month_label(char *buf, const chart_series *f, int32_t t,
                        jbw_lang lang)
{
    jbw__month_label(buf, f->dates[t], t, lang);
}

/* The run's assumed inflow a month over months 1..months (month 0 has
 * none; jbw_forecast_inflow_expected: the parameters', not the draws'):
 * the mean, and whether it changes from month to month (shocks). */
static double mean_inflow(const jbw_forecast *fc, int *varies)
{
    int32_t months = jbw_forecast_months(fc), t;
    double sum = 0, first = 0, v;
    *varies = 0;
    for (t = 1; t <= months; t++) {
        if (jbw_forecast_inflow_expected(&v, fc, t) != JBW_OK)
            return NAN;
        if (t == 1)
            first = v;
        else if (fabs(v - first) > 1e-9 * (1 + fabs(first)))
            *varies = 1;
        sum += v;
    }
    return months > 0 ? sum / (double)months : NAN;
}

void jbw__forecast_assumptions_line(jbw__buf *b, const jbw_forecast *fc,
                                    jbw_lang lang)
{
    double turnover = 0, hires = 0, plan_fte = 0, inflow;
    int32_t hire_months = 0, months = jbw_forecast_months(fc);
    int cohorts = 0, varies;
    char v[JBW__FMT_SIZE];
    (void)jbw_forecast_assumptions(&turnover, &hires, &hire_months, &plan_fte,
                                   &cohorts, fc);
    if (hire_months <= 0)
        hires = 0;
    jbw__fmt_number(v, hires, 1, lang);
    jbw__buf_printf(b,
                    JBW__T(lang, "Aannames: werving %s fte per maand",
                           "Assumptions: hiring %s FTE a month"),
                    v);
    if (hires > 0 && hire_months < months)
        jbw__buf_printf(
            b, JBW__T(lang, " in maand 1\xe2\x80\x93%d", " in months 1-%d"),
            (int)hire_months);
    if (cohorts > 0) {
        jbw__fmt_number(v, plan_fte, 1, lang);
        jbw__buf_printf(b,
                        cohorts == 1 ? JBW__T(lang,
                                              ", wervingsplan %s fte in 1 "
                                              "cohort",
                                              ", hiring plan %s FTE in 1 "
                                              "cohort")
                                     : JBW__T(lang,
                                              ", wervingsplan %s fte in %d "
                                              "cohorten",
                                              ", hiring plan %s FTE in %d "
                                              "cohorts"),
                        v, cohorts);
    }
    jbw__fmt_pct(v, 100.0 * turnover, lang);
    jbw__buf_printf(
        b, JBW__T(lang, ", verloop %s per jaar", ", staff turnover %s a year"),
        v);
    /* the library's defaults: no hiring, a fifth of the staff leaving a
     * year (include/jbw/forecast.h); said after the two it covers, so
     * that it does not read as if the inflow were a default */
    if (hires == 0 && cohorts == 0 && fabs(turnover - 0.2) < 1e-12)
        jbw__buf_puts(b, JBW__T(lang, " (standaard)", " (defaults)"));
    inflow = mean_inflow(fc, &varies);
    jbw__fmt_number(v, inflow, 1, lang);
    jbw__buf_printf(
        b,
        varies ? JBW__T(lang, ", instroom gemiddeld %s per maand",
                        ", inflow %s a month on average")
               : JBW__T(lang, ", instroom %s per maand", ", inflow %s a month"),
        v);
}

static void desc(jbw__buf *d, const chart_series *f, const jbw__publish *p,
                 jbw_lang lang)
{
    char a[JBW__FMT_SIZE], b[JBW__FMT_SIZE], t[JBW__FMT_SIZE],
        m0[JBW__FMT_SIZE], lo[JBW__FMT_SIZE], hi[JBW__FMT_SIZE];
    int32_t e = f->months;
    month_label(m0, f, 0, lang);
    /* the start is the data's own counts; later months the model's means */
    jbw__fmt_published_figure(a, p, f->nieuw[0], lang);
    jbw__fmt_published_figure(b, p, f->bestaand[0], lang);
    jbw__fmt_published_figure(t, p, f->total[0], lang);
    jbw__buf_printf(d,
                    JBW__T(lang,
                           "Prognose over %d %s vanaf %s. Boven: "
                           "wachtende maatregelen, nieuw en bestaand "
                           "gestapeld, het totaal als dikke lijn. Begin: %s "
                           "nieuw, %s bestaand, %s totaal.",
                           "Forecast over %d %s from %s. Above: waiting "
                           "measures, nieuw and bestaand stacked, the total "
                           "as a thick line. Start: %s nieuw, %s bestaand, %s "
                           "in all."),
                    (int)e, jbw__months_word(e, lang), m0, a, b, t);
    jbw__fmt_number(a, f->nieuw[e], 0, lang);
    jbw__fmt_number(b, f->bestaand[e], 0, lang);
    jbw__fmt_number(t, f->total[e], 0, lang);
    jbw__buf_printf(d,
                    JBW__T(lang,
                           " Na %d %s: %s nieuw, %s bestaand, %s "
                           "totaal",
                           " After %d %s: %s nieuw, %s bestaand, %s in "
                           "all"),
                    (int)e, jbw__months_word(e, lang), a, b, t);
    if (f->replicates) {
        jbw__fmt_number(lo, f->p5[e], 0, lang);
        jbw__fmt_number(hi, f->p95[e], 0, lang);
        jbw__buf_printf(
            d,
            JBW__T(lang, " (90%%-band %s tot %s).", " (90%% band %s to %s)."),
            lo, hi);
    } else {
        jbw__buf_puts(d, ".");
    }
    jbw__fmt_number(a, f->capacity[0], 0, lang);
    jbw__fmt_number(b, f->capacity[e], 0, lang);
    jbw__fmt_published_figure(lo, p, f->load[0], lang);
    jbw__fmt_number(hi, f->load[e], 0, lang);
    jbw__buf_printf(d,
                    JBW__T(lang,
                           " Onder: capaciteit van %s naar %s en caseload van "
                           "%s naar %s (eenheden van de norm).",
                           " Below: capacity from %s to %s and load from %s "
                           "to %s (norm units)."),
                    a, b, lo, hi);
}

jbw_status jbw_chart_forecast_svg(char **out, size_t *len,
                                  const jbw_forecast *fc,
                                  const jbw_chart_options *opts)
{
    /* R leaves half a month label of room: "maand 600", the widest, is
     * about 63 units at 11.5 (DejaVu Sans) */
    /* the assumptions' line under the subtitle moves the rest down by D */
    const double D = 18, L = 76, R = W - 34, T1 = 92 + D, B1 = 318 + D,
                 T2 = 384 + D, B2 = 494 + D;
    jbw__chart c;
    jbw__svg s;
    jbw__buf d = JBW__BUF_INIT, as = JBW__BUF_INIT;
    chart_series f;
    jbw__axis a1, a2;
    double lo, hi, pad, x;
    char sub[256];
    jbw_status st;
    static const jbw__buf empty = JBW__BUF_INIT;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_chart_forecast_svg: NULL argument");
    st = jbw__chart_options(&c, opts, "jbw_chart_forecast_svg");
    if (st != JBW_OK)
        return st;
    st = series_read(&f, fc, &c.publish);
    if (st != JBW_OK)
        return st;
    if (f.replicates)
        snprintf(sub, sizeof sub,
                 JBW__T(c.lang,
                        "gemiddelde van %zu herhalingen (seed %llu); band: 5e "
                        "tot 95e percentiel van het totaal",
                        "mean of %zu replicates (seed %llu); band: 5th to "
                        "95th percentile of the total"),
                 f.replicates, (unsigned long long)jbw_forecast_seed(fc));
    else
        snprintf(sub, sizeof sub, "%s",
                 JBW__T(c.lang,
                        "verwachte waarden (deterministische berekening)",
                        "expected values (deterministic run)"));
    desc(&d, &f, &c.publish, c.lang);
    jbw__forecast_assumptions_line(&as, fc, c.lang);
    if (!as.failed && as.data)
        jbw__buf_printf(&d, " %s.", as.data);
    memset(&s, 0, sizeof s);
    s.b = empty;
    jbw__chart_begin(
        &s, &c, "forecast", W, B2 + 52 + jbw__chart_notice_height(&c),
        JBW__T(c.lang, "Prognose: maatregelen zonder vaste jeugdbeschermer",
               "Forecast: measures without a fixed "
               "jeugdbeschermer"),
        sub, d.failed ? NULL : d.data);
    if (!as.failed && as.data)
        jbw__svg_label(&s, 16, 46 + D, "start",
                       jbw__svg_fit_size(as.data, W - 32, 12, 8), 0, as.data);
    /* top panel: the waiting list */
    x = jbw__svg_legend_item(&s, L, 68 + D, JBW__STYLE_SOLID, 0, "nieuw");
    x = jbw__svg_legend_item(&s, x, 68 + D, JBW__STYLE_HATCH, 0, "bestaand");
    x = jbw__svg_legend_item(&s, x, 68 + D, JBW__STYLE_TOTAL, 1,
                             JBW__T(c.lang, "totaal", "total"));
    if (f.replicates)
        x = jbw__svg_legend_item(
            &s, x, 68 + D, JBW__STYLE_LIGHT, 0,
            JBW__T(c.lang, "90%-band totaal", "90% band of the total"));
    if (f.parts_from || f.total_from) { /* says why month 0 is empty */
        char k[JBW__FMT_SIZE], note[96];
        jbw__fmt_published(k, &c.publish, 1, c.lang);
        snprintf(note, sizeof note, "%s (%s)",
                 JBW__T(c.lang, "begin niet getekend", "start not drawn"), k);
        jbw__svg_label(&s, x, 68 + D + 5, "start", 12, 0, note);
    }
    hi = series_max(f.p95, f.total_from, f.months);
    if (series_max(f.total, f.total_from, f.months) > hi)
        hi = series_max(f.total, f.total_from, f.months);
    /* rounded parts may stack above the rounded total at the start */
    if (!f.parts_from && f.nieuw[0] + f.bestaand[0] > hi)
        hi = f.nieuw[0] + f.bestaand[0];
    a1 = jbw__axis_nice(0, hi * 1.05, 5, 1);
    jbw__svg_value_axis(
        &s, &a1, L, R, T1, B1, 0, NULL,
        JBW__T(c.lang, "wachtend (maatregelen)", "waiting (measures)"));
    if (f.replicates)
        area(&s, &a1, f.p5, f.p95, NULL, f.total_from, f.months, L, R, T1, B1,
             JBW__STYLE_LIGHT);
    area(&s, &a1, NULL, f.nieuw, NULL, f.parts_from, f.months, L, R, T1, B1,
         JBW__STYLE_SOLID);
    area(&s, &a1, f.nieuw, f.bestaand, f.nieuw, f.parts_from, f.months, L, R,
         T1, B1, JBW__STYLE_HATCH);
    polyline(&s, &a1, f.total, f.total_from, f.months, L, R, T1, B1,
             JBW__STYLE_TOTAL);
    jbw__svg_month_axis(&s, f.dates, f.months, L, R, B1, 8);
    /* bottom panel: capacity and load on their own range */
    lo = series_min(f.capacity, 0, f.months);
    if (series_min(f.load, f.load_from, f.months) < lo)
        lo = series_min(f.load, f.load_from, f.months);
    hi = series_max(f.capacity, 0, f.months);
    if (series_max(f.load, f.load_from, f.months) > hi)
        hi = series_max(f.load, f.load_from, f.months);
    pad = (hi - lo) * 0.15 + hi * 0.01 + 1;
    a2 = jbw__axis_nice(lo - pad > 0 ? lo - pad : 0, hi + pad, 4, 0);
    x = jbw__svg_legend_item(&s, L, T2 - 24, JBW__STYLE_SOLID, 1,
                             JBW__T(c.lang, "capaciteit", "capacity"));
    x = jbw__svg_legend_item(&s, x, T2 - 24, JBW__STYLE_HATCH, 1,
                             JBW__T(c.lang, "caseload", "load"));
    jbw__svg_label(
        &s, x, T2 - 19, "start", 12, 0,
        a2.lo > 0 ? JBW__T(c.lang,
                           "(eenheden van de norm; de as begint "
                           "niet bij 0)",
                           "(norm units; the axis does not start "
                           "at 0)")
                  : JBW__T(c.lang, "(eenheden van de norm)", "(norm units)"));
    jbw__svg_value_axis(&s, &a2, L, R, T2, B2, 0, NULL,
                        JBW__T(c.lang, "capaciteit", "capacity"));
    area(&s, &a2, f.load, f.capacity, NULL, f.load_from, f.months, L, R, T2, B2,
         JBW__STYLE_LIGHT);
    polyline(&s, &a2, f.capacity, 0, f.months, L, R, T2, B2, JBW__STYLE_SOLID);
    polyline(&s, &a2, f.load, f.load_from, f.months, L, R, T2, B2,
             JBW__STYLE_HATCH);
    jbw__svg_month_axis(&s, f.dates, f.months, L, R, B2, 8);
    jbw__svg_label(&s, (L + R) / 2, B2 + 36, "middle", 12.5, 0,
                   JBW__T(c.lang, "maand", "month"));
    series_free(&f);
    if (d.failed || as.failed) {
        jbw__buf_free(&d);
        jbw__buf_free(&as);
        jbw__buf_free(&s.b);
        return jbw__enomem();
    }
    jbw__buf_free(&d);
    jbw__buf_free(&as);
    return jbw__svg_finish(&s, out, len);
}

/* ---- scenarios side by side -------------------------------------------- */

/* A panel's name above it, on two lines when it is wider than the panel
 * (about 7 px a character in bold 12.5 px), broken at a space. */
static void panel_name(jbw__svg *s, double x, double top, double width,
                       const char *name)
{
    size_t fit = (size_t)(width / 7.2), n = strlen(name), cut;
    char first[256];
    if (n <= fit || fit < 8) {
        jbw__svg_label(s, x, top - 8, "start", 12.5, 1, name);
        return;
    }
    for (cut = fit; cut > 0 && name[cut] != ' '; cut--)
        ;
    if (cut == 0)
        cut = fit;
    if (cut >= sizeof first)
        cut = sizeof first - 1;
    memcpy(first, name, cut);
    first[cut] = '\0';
    jbw__svg_label(s, x, top - 24, "start", 12.5, 1, first);
    jbw__svg_label(s, x, top - 8, "start", 12.5, 1,
                   name[cut] == ' ' ? name + cut + 1 : name + cut);
}

#define SCENARIOS_MAX 8
#define PER_ROW       4

jbw_status jbw_chart_scenarios_svg(char **out, size_t *len,
                                   const jbw_forecast *const *forecasts,
                                   const char *const *names, size_t count,
                                   const jbw_chart_options *opts)
{
    const double L = 76, R = W - 24, T = 92, PANEL = 190, GAP = 16;
    chart_series f[SCENARIOS_MAX];
    jbw__chart c;
    jbw__svg s;
    jbw__buf d = JBW__BUF_INIT;
    static const jbw__buf empty = JBW__BUF_INIT;
    jbw__axis a;
    size_t i, per_row, rows, r;
    double hi = 0, pw, H;
    int any_band = 0;
    jbw_status st;
    if (!out || !forecasts)
        return jbw__error(JBW_EINVAL, "jbw_chart_scenarios_svg: NULL argument");
    if (count == 0 || count > SCENARIOS_MAX)
        return jbw__error(JBW_EINVAL,
                          "jbw_chart_scenarios_svg: %zu forecasts (1 to %d)",
                          count, SCENARIOS_MAX);
    for (i = 0; i < count; i++)
        if (!forecasts[i])
            return jbw__error(
                JBW_EINVAL, "jbw_chart_scenarios_svg: forecast %zu is NULL", i);
    st = jbw__chart_options(&c, opts, "jbw_chart_scenarios_svg");
    if (st != JBW_OK)
        return st;
    for (i = 0; i < count; i++) {
        st = series_read(&f[i], forecasts[i], &c.publish);
        if (st != JBW_OK) {
            while (i--)
                series_free(&f[i]);
            return st;
        }
        if (series_max(f[i].p95, f[i].total_from, f[i].months) > hi)
            hi = series_max(f[i].p95, f[i].total_from, f[i].months);
        if (series_max(f[i].total, f[i].total_from, f[i].months) > hi)
            hi = series_max(f[i].total, f[i].total_from, f[i].months);
        any_band |= f[i].replicates > 0;
    }
    per_row = count < PER_ROW ? count : PER_ROW;
    rows = (count + per_row - 1) / per_row;
    pw = (R - L - GAP * (double)(per_row - 1)) / (double)per_row;
    H = T + (double)rows * (PANEL + 64) + 10 + jbw__chart_notice_height(&c);
    jbw__buf_printf(&d,
                    JBW__T(c.lang,
                           "%zu scenario's naast elkaar op dezelfde as: het "
                           "totaal aantal wachtende maatregelen per maand.",
                           "%zu scenarios side by side on the same axis: the "
                           "total number of waiting measures per month."),
                    count);
    for (i = 0; i < count; i++) {
        char nm[32], b0[JBW__FMT_SIZE], e[JBW__FMT_SIZE], lo[JBW__FMT_SIZE],
            up[JBW__FMT_SIZE];
        const char *name = names && names[i] ? names[i] : NULL;
        snprintf(nm, sizeof nm, "scenario %zu", i + 1);
        jbw__fmt_published_figure(b0, &c.publish, f[i].total[0], c.lang);
        jbw__fmt_number(e, f[i].total[f[i].months], 0, c.lang);
        jbw__buf_printf(&d,
                        JBW__T(c.lang, " %s: van %s naar %s na %d %s",
                               " %s: from %s to %s after %d %s"),
                        name ? name : nm, b0, e, (int)f[i].months,
                        jbw__months_word(f[i].months, c.lang));
        if (f[i].replicates) {
            jbw__fmt_number(lo, f[i].p5[f[i].months], 0, c.lang);
            jbw__fmt_number(up, f[i].p95[f[i].months], 0, c.lang);
            jbw__buf_printf(&d,
                            JBW__T(c.lang, " (90%%-band %s tot %s).",
                                   " (90%% band %s to %s)."),
                            lo, up);
        } else {
            jbw__buf_puts(&d, ".");
        }
    }
    memset(&s, 0, sizeof s);
    s.b = empty;
    jbw__chart_begin(
        &s, &c, "scenarios", W, H,
        JBW__T(c.lang, "Scenario's naast elkaar", "Scenarios side by side"),
        JBW__T(c.lang,
               "totaal wachtende maatregelen (gemiddelde); "
               "dezelfde schaal in elk paneel",
               "total waiting measures (mean); the same scale in "
               "every panel"),
        d.failed ? NULL : d.data);
    {
        double x = jbw__svg_legend_item(
            &s, L, 68, JBW__STYLE_TOTAL, 1,
            JBW__T(c.lang, "totaal wachtend", "total waiting"));
        if (any_band)
            jbw__svg_legend_item(&s, x, 68, JBW__STYLE_LIGHT, 0,
                                 JBW__T(c.lang, "90%-band", "90% band"));
    }
    a = jbw__axis_nice(0, hi * 1.05, 4, 1);
    for (r = 0; r < rows; r++) {
        double top = T + (double)r * (PANEL + 64) + 34, bottom = top + PANEL;
        jbw__svg_value_axis(&s, &a, L, R, top, bottom, 0, NULL,
                            JBW__T(c.lang, "wachtend", "waiting"));
        for (i = r * per_row; i < count && i < (r + 1) * per_row; i++) {
            double x0 = L + (pw + GAP) * (double)(i - r * per_row),
                   x1 = x0 + pw;
            char nm[64], lab[JBW__FMT_SIZE], m[JBW__FMT_SIZE];
            const char *name = names && names[i] ? names[i] : NULL;
            snprintf(nm, sizeof nm, "scenario %zu", i + 1);
            panel_name(&s, x0, top, pw, name ? name : nm);
            if (f[i].replicates)
                area(&s, &a, f[i].p5, f[i].p95, NULL, f[i].total_from,
                     f[i].months, x0, x1, top, bottom, JBW__STYLE_LIGHT);
            polyline(&s, &a, f[i].total, f[i].total_from, f[i].months, x0, x1,
                     top, bottom, JBW__STYLE_TOTAL);
            jbw__svg_line(&s, x0, bottom, x1, bottom, JBW__STYLE_DOTS);
            jbw__fmt_number(lab, f[i].total[f[i].months], 0, c.lang);
            jbw__svg_label(
                &s, x1 - 2,
                jbw__axis_pos(&a, f[i].total[f[i].months], bottom, top) - 8,
                "end", 12.5, 1, lab);
            month_label(m, &f[i], 0, c.lang);
            jbw__svg_label(&s, x0, bottom + 16, "start", 11.5, 0, m);
            month_label(m, &f[i], f[i].months, c.lang);
            jbw__svg_label(&s, x1, bottom + 16, "end", 11.5, 0, m);
        }
    }
    for (i = 0; i < count; i++)
        series_free(&f[i]);
    if (d.failed) {
        jbw__buf_free(&d);
        jbw__buf_free(&s.b);
        return jbw__enomem();
    }
    jbw__buf_free(&d);
    return jbw__svg_finish(&s, out, len);
}
