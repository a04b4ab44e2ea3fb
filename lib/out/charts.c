/*
 * Charts of a snapshot's figures: the waiting series, caseload against
 * the norm, the spread of load ratios, the coupling norm and the waiting
 * list by band. Built on the public getters of lib/caseload and
 * lib/waitrisk; the drawing primitives are in svg.c.
 */
#include "out_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define W        760.0 /* width of every chart */
#define LEGEND_Y 68    /* the legend's line, under title and subtitle */

static void svg_init(jbw__svg *s)
{
    static const jbw__buf empty = JBW__BUF_INIT;
    memset(s, 0, sizeof *s);
    s->b = empty;
}

/* The height of a chart whose content ends at `bottom`. */
static double chart_height(const jbw__chart *c, double bottom)
{
    return bottom + jbw__chart_notice_height(c);
}

/* Finishes the description buffer; NULL when it ran out of memory. */
static const char *desc_text(jbw__buf *d)
{
    return d->failed ? NULL : d->data ? d->data : "";
}

static jbw_status finish(jbw__svg *s, jbw__buf *d, char **out, size_t *len)
{
    jbw_status st;
    if (d->failed || s->b.failed) {
        jbw__buf_free(d);
        jbw__buf_free(&s->b);
        return jbw__enomem();
    }
    jbw__buf_free(d);
    st = jbw__svg_finish(s, out, len);
    return st;
}

/* ---- the waiting series ------------------------------------------------ */

/* Published value of a count for drawing (suppressed: 0). */
static double drawn(const jbw__publish *p, size_t n)
{
    double v = jbw__publish_value(p, n);
    return v < 0 ? 0 : v;
}

/*
 * A bar of two counts stacked, as drawn: each part as published, and when
 * a part is hidden ("< k") while the total is shown, the rest of the
 * total as a light segment, so that the bar reaches the total written at
 * its end (the label gives that total anyway).
 */
typedef struct stack2 {
    double a, b, hidden;
} stack2;

static stack2 stack_of(const jbw__publish *p, size_t a, size_t b)
{
    stack2 bar;
    double total = drawn(p, a + b);
    bar.a = drawn(p, a);
    bar.b = drawn(p, b);
    bar.hidden = 0;
    if ((jbw__publish_hides(p, a) || jbw__publish_hides(p, b)) &&
        total > bar.a + bar.b)
        bar.hidden = total - bar.a - bar.b;
    return bar;
}

/* The legend item of the light segment, "verborgen (< k)", after x. */
static double hidden_legend(jbw__svg *s, const jbw__chart *c, double x)
{
    char label[64], k[JBW__FMT_SIZE];
    jbw__fmt_published(k, &c->publish, 1, c->lang);
    snprintf(label, sizeof label, "%s (%s)",
             JBW__T(c->lang, "verborgen", "hidden"), k);
    return jbw__svg_legend_item(s, x, LEGEND_Y, JBW__STYLE_LIGHT, 0, label);
}

/* An axis of counts up to max (with room above): whole steps, at least
 * 0..5, so that small or hidden counts do not give ticks 0, 0, 1, 1;
 * and, when counts below K are hidden, at least 0..K: a bar that says
 * "< 50" on an axis up to 5 would read as fewer than 5. */
static jbw__axis count_axis(const jbw__chart *c, double max, double room,
                            int ticks)
{
    double hi = max * room, floor = (double)jbw__publish_floor(&c->publish);
    if (floor > 1 && hi < floor)
        hi = floor;
    return jbw__axis_nice(0, hi > 5 ? hi : 5, ticks, 1);
}

static void series_desc(jbw__buf *d, const jbw__chart *c,
                        const jbw_series_point *pt, size_t n, int measures)
{
    char a[JBW__FMT_SIZE], b[JBW__FMT_SIZE], t[JBW__FMT_SIZE],
        day[JBW__FMT_SIZE], last[JBW__FMT_SIZE];
    size_t i;
    const char *what = measures ? JBW__T(c->lang, "maatregelen", "measures")
                                : JBW__T(c->lang, "jeugdigen", "children");
    jbw__fmt_date(day, pt[0].date, c->lang);
    jbw__fmt_date(last, pt[n - 1].date, c->lang);
    if (n == 1)
        jbw__buf_printf(d,
                        JBW__T(c->lang,
                               "Gestapelde staaf: %s zonder vaste "
                               "jeugdbeschermer, nieuw en bestaand, op "
                               "peildatum %s.",
                               "Stacked bar: %s without a fixed "
                               "jeugdbeschermer, nieuw and bestaand, on %s."),
                        what, day);
    else
        jbw__buf_printf(d,
                        JBW__T(c->lang,
                               "Gestapelde staven: %s zonder vaste "
                               "jeugdbeschermer, nieuw en bestaand, op %zu "
                               "peildata van %s tot en met %s.",
                               "Stacked bars: %s without a fixed "
                               "jeugdbeschermer, nieuw and bestaand, on %zu "
                               "dates from %s to %s."),
                        what, n, day, last);
    for (i = 0; i < n; i++) {
        jbw__fmt_date(day, pt[i].date, c->lang);
        jbw__fmt_published(a, &c->publish, pt[i].nieuw, c->lang);
        jbw__fmt_published(b, &c->publish, pt[i].bestaand, c->lang);
        jbw__fmt_published(t, &c->publish, pt[i].total, c->lang);
        jbw__buf_printf(d,
                        JBW__T(c->lang,
                               " %s: %s nieuw, %s bestaand, %s totaal.",
                               " %s: %s nieuw, %s bestaand, %s in all."),
                        day, a, b, t);
    }
}

/*
 * The labels under the bars of the series chart: a date and "nieuw +
 * bestaand". Bars stand at their dates, so two may stand too close for
 * their labels side by side: the later one's labels then go a row lower
 * (row 1); a bar that fits in neither row keeps its figures in its tooltip
 * and the text alternative. A label is at most about 7 px a character wide
 * at 11.5 px (the digits of the sans-serif fonts browsers pick).
 */
typedef struct label_rows {
    double last_x[2], last_w[2];
    int used[2];
} label_rows;

static int label_row(label_rows *r, double x, const char *day,
                     const char *parts)
{
    double w = 7.0 * (double)(strlen(day) > strlen(parts) ? strlen(day)
                                                          : strlen(parts));
    int k;
    for (k = 0; k < 2; k++)
        if (!r->used[k] || x - r->last_x[k] >= (r->last_w[k] + w) / 2 + 6) {
            r->used[k] = 1;
            r->last_x[k] = x;
            r->last_w[k] = w;
            return k;
        }
    return -1;
}

/* The x of point i of n (a time axis from the first date to the last). */
static double series_x(const jbw_series_point *pt, size_t i, size_t n, double L,
                       double R, double span)
{
    return n > 1 ? L + 30 +
                       (R - L - 60) * (double)(pt[i].date - pt[0].date) / span
                 : (L + R) / 2;
}

/* The texts of a point's bar: the day and "nieuw + bestaand" under it,
 * and its tooltip, "day: n nieuw, m bestaand". */
typedef struct point_text {
    char day[JBW__FMT_SIZE], parts[2 * JBW__FMT_SIZE + 8],
        tip[4 * JBW__FMT_SIZE + 32];
} point_text;

static void point_labels(point_text *pt, const jbw__chart *c,
                         const jbw_series_point *p)
{
    char a[JBW__FMT_SIZE], b[JBW__FMT_SIZE];
    jbw__fmt_date(pt->day, p->date, c->lang);
    jbw__fmt_published(a, &c->publish, p->nieuw, c->lang);
    jbw__fmt_published(b, &c->publish, p->bestaand, c->lang);
    snprintf(pt->parts, sizeof pt->parts, "%s + %s", a, b);
    snprintf(pt->tip, sizeof pt->tip, "%s: %s nieuw, %s bestaand", pt->day, a,
             b);
}

jbw_status jbw_chart_series_svg(char **out, size_t *len,
                                const jbw_series *series,
                                const jbw_chart_options *opts)
{
    const double L = 70, R = W - 24, T = 92, B = 340;
    jbw__chart c;
    jbw__svg s;
    jbw__buf d = JBW__BUF_INIT;
    jbw_series_point *pt;
    jbw__axis ay;
    double max = 0, span, gap = 1e9, bw, below, lx;
    char title[256];
    size_t n, i;
    int measures, hidden = 0;
    label_rows rows;
    jbw_status st;
    if (!out || !series)
        return jbw__error(JBW_EINVAL, "jbw_chart_series_svg: NULL argument");
    st = jbw__chart_options(&c, opts, "jbw_chart_series_svg");
    if (st != JBW_OK)
        return st;
    /* The series says where its figures come from (published, synthetic);
     * that, not the options' notice, belongs on its chart. */
    if (jbw_series_data_notice(series))
        jbw__chart_set_notice(&c, jbw_series_data_notice(series));
    n = jbw_series_count(series);
    if (n == 0)
        return jbw__error(JBW_EINVAL,
                          "jbw_chart_series_svg: the series has no points");
    pt = jbw__calloc(n, sizeof *pt);
    if (!pt)
        return jbw__enomem();
    for (i = 0; i < n; i++) {
        pt[i].version = JBW_SERIES_POINT_VERSION;
        if (jbw_series_get(&pt[i], series, i) != JBW_OK) {
            jbw__free(pt);
            return JBW_EINVAL;
        }
        if (drawn(&c.publish, pt[i].total) > max)
            max = drawn(&c.publish, pt[i].total);
        stack2 bar = stack_of(&c.publish, pt[i].nieuw, pt[i].bestaand);
        if (bar.a + bar.b + bar.hidden > max)
            max = bar.a + bar.b + bar.hidden;
        if (bar.hidden > 0)
            hidden = 1;
    }
    span = n > 1 ? (double)(pt[n - 1].date - pt[0].date) : 1;
    for (i = 1; i < n; i++)
        if ((double)(pt[i].date - pt[i - 1].date) / span * (R - L - 60) < gap)
            gap = (double)(pt[i].date - pt[i - 1].date) / span * (R - L - 60);
    bw = gap * 0.7 < 40 ? gap * 0.7 : 40;
    if (bw < 3)
        bw = 3;
    /* a second row of labels, when bars stand close, makes room below */
    memset(&rows, 0, sizeof rows);
    for (i = 0; i < n; i++) {
        point_text l;
        point_labels(&l, &c, &pt[i]);
        (void)label_row(&rows, series_x(pt, i, n, L, R, span), l.day, l.parts);
    }
    below = rows.used[1] ? 34 : 0;
    measures = jbw_series_counts_measures(series);
    snprintf(title, sizeof title, "%s%s%s",
             measures ? JBW__T(c.lang,
                               "Maatregelen zonder vaste "
                               "jeugdbeschermer",
                               "Measures without a fixed jeugdbeschermer")
                      : JBW__T(c.lang,
                               "Jeugdigen zonder vaste "
                               "jeugdbeschermer",
                               "Children without a fixed jeugdbeschermer"),
             jbw_series_title(series) && *jbw_series_title(series)
                 ? " \xe2\x80\x93 "
                 : "",
             jbw_series_title(series) ? jbw_series_title(series) : "");
    series_desc(&d, &c, pt, n, measures);
    svg_init(&s);
    jbw__chart_begin(&s, &c, "series", W, chart_height(&c, B + 58 + below),
                     title,
                     JBW__T(c.lang,
                            "nieuw: nooit een vaste jeugdbeschermer gehad; "
                            "bestaand: jeugdbeschermer weggevallen",
                            "nieuw: never had a fixed jeugdbeschermer; "
                            "bestaand: the jeugdbeschermer dropped out"),
                     desc_text(&d));
    ay = count_axis(&c, max, 1.08, 5);
    jbw__svg_value_axis(
        &s, &ay, L, R, T, B, 0, NULL,
        measures ? JBW__T(c.lang, "maatregelen (aantal)", "measures (number)")
                 : JBW__T(c.lang, "jeugdigen (aantal)", "children (number)"));
    lx = jbw__svg_legend_item(
        &s, jbw__svg_legend_item(&s, L, LEGEND_Y, JBW__STYLE_SOLID, 0, "nieuw"),
        LEGEND_Y, JBW__STYLE_HATCH, 0, "bestaand");
    if (hidden)
        (void)hidden_legend(&s, &c, lx);
    memset(&rows, 0, sizeof rows);
    for (i = 0; i < n; i++) {
        double x = series_x(pt, i, n, L, R, span);
        stack2 bar = stack_of(&c.publish, pt[i].nieuw, pt[i].bestaand);
        double yn = jbw__axis_pos(&ay, bar.a, B, T);
        double yb = jbw__axis_pos(&ay, bar.a + bar.b, B, T);
        double yh = jbw__axis_pos(&ay, bar.a + bar.b + bar.hidden, B, T);
        char t[JBW__FMT_SIZE];
        point_text l;
        int row;
        point_labels(&l, &c, &pt[i]);
        jbw__fmt_published(t, &c.publish, pt[i].total, c.lang);
        jbw__svg_rect(&s, x - bw / 2, yn, bw, B - yn, JBW__STYLE_SOLID, l.tip);
        jbw__svg_rect(&s, x - bw / 2, yb, bw, yn - yb, JBW__STYLE_HATCH, l.tip);
        if (bar.hidden > 0)
            jbw__svg_rect(&s, x - bw / 2, yh, bw, yb - yh, JBW__STYLE_LIGHT,
                          l.tip);
        jbw__svg_label(&s, x, yh - 6, "middle", 13, 1, t);
        row = label_row(&rows, x, l.day, l.parts);
        if (row >= 0) {
            jbw__svg_label(&s, x, B + 18 + 34 * row, "middle", 11.5, 0, l.day);
            jbw__svg_label(&s, x, B + 34 + 34 * row, "middle", 11.5, 0,
                           l.parts);
        }
    }
    jbw__svg_line(&s, L, B, R, B, JBW__STYLE_TOTAL);
    jbw__svg_label(&s, L, B + 52 + below, "start", 11.5, 0,
                   JBW__T(c.lang,
                          "onder elke datum: nieuw + bestaand; boven elke "
                          "staaf: totaal",
                          "under each date: nieuw + bestaand; above each "
                          "bar: the total"));
    jbw__free(pt);
    return finish(&s, &d, out, len);
}

/* ---- caseload against the norm ----------------------------------------- */

/* A group's totals, or 0 when it has neither workers nor measures. */
static int group_totals(jbw_caseload_totals *t, const char **key,
                        const jbw_caseload *cl, jbw_group g, size_t i)
{
    t->version = JBW_CASELOAD_TOTALS_VERSION;
    if (jbw_caseload_group_get(t, key, cl, g, i) != JBW_OK)
        return 0;
    return t->workers > 0 || t->active_measures > 0;
}

static double pct(double part, double whole)
{
    return whole > 0 ? 100.0 * part / whole : NAN;
}

static const char *group_word(jbw_lang lang, jbw_group g)
{
    return g == JBW_GROUP_REGION ? JBW__T(lang, "regio", "region")
                                 : JBW__T(lang, "organisatie", "organisation");
}

jbw_status jbw_chart_caseload_svg(char **out, size_t *len,
                                  const jbw_caseload *cl, jbw_group group,
                                  const jbw_chart_options *opts)
{
    const double L = 24, R = W - 30, T = 92, ROW = 62;
    jbw__chart c;
    jbw__svg s;
    jbw__buf d = JBW__BUF_INIT;
    jbw_caseload_totals t;
    const char *key;
    size_t n, i, rows = 0;
    double max = 120, B, y, x100;
    const jbw_norm *norm;
    char title[160], sub[512];
    jbw__axis ax;
    jbw_status st;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_chart_caseload_svg: NULL argument");
    if (group != JBW_GROUP_ORGANISATION && group != JBW_GROUP_REGION)
        return jbw__error(JBW_EINVAL, "jbw_chart_caseload_svg: group %d",
                          (int)group);
    st = jbw__chart_options(&c, opts, "jbw_chart_caseload_svg");
    if (st != JBW_OK)
        return st;
    n = jbw_caseload_group_count(cl, group);
    norm = jbw_caseload_norm(cl);
    for (i = 0; i < n; i++) {
        double r1, r2;
        if (!group_totals(&t, &key, cl, group, i))
            continue;
        rows++;
        r1 = pct(t.load, t.capacity);
        r2 = pct(t.required_fte, t.effective_fte);
        if (r1 > max)
            max = r1;
        if (r2 > max)
            max = r2;
    }
    snprintf(title, sizeof title, "%s %s",
             JBW__T(c.lang, "Caseload tegen de norm per",
                    "Caseload against the norm per"),
             group_word(c.lang, group));
    {
        char per[JBW__FMT_SIZE];
        double v = jbw_norm_caseload_per_fte(norm);
        jbw__fmt_number(per, v, v == floor(v) ? 0 : 1, c.lang);
        snprintf(sub, sizeof sub,
                 JBW__T(c.lang, "100%% = de norm: %s %s per fte (%s)",
                        "100%% = the norm: %s %s per FTE (%s)"),
                 per, jbw__unit_words(jbw_norm_unit(norm), c.lang),
                 jbw_norm_name(norm));
    }
    jbw__buf_printf(&d,
                    JBW__T(c.lang,
                           "Liggende staven per %s: de caseload van de "
                           "medewerkers als deel van hun capaciteit (effen), "
                           "en de benodigde fte voor alle lopende maatregelen, "
                           "wachtenden inbegrepen, als deel van de effectieve "
                           "fte (gearceerd). %s.",
                           "Horizontal bars per %s: the workers' load as a "
                           "share of their capacity (solid), and the FTE "
                           "required for every active measure, waiting ones "
                           "included, as a share of the effective FTE "
                           "(hatched). %s."),
                    group_word(c.lang, group), sub);
    for (i = 0; i < n; i++) {
        char a[JBW__FMT_SIZE], b[JBW__FMT_SIZE];
        if (!group_totals(&t, &key, cl, group, i))
            continue;
        jbw__fmt_pct(a, pct(t.load, t.capacity), c.lang);
        jbw__fmt_pct(b, pct(t.required_fte, t.effective_fte), c.lang);
        jbw__buf_printf(&d,
                        JBW__T(c.lang, " %s: caseload %s, benodigd %s.",
                               " %s: load %s, required %s."),
                        jbw__group_name(c.registry, group, key), a, b);
    }
    B = T + ROW * (double)(rows ? rows : 1);
    svg_init(&s);
    jbw__chart_begin(
        &s, &c, group == JBW_GROUP_REGION ? "caseload-region" : "caseload-org",
        W, chart_height(&c, B + 48), title, sub, desc_text(&d));
    jbw__svg_legend_item(
        &s,
        jbw__svg_legend_item(
            &s, L, LEGEND_Y, JBW__STYLE_SOLID, 0,
            JBW__T(c.lang, "caseload / capaciteit", "load / capacity")),
        LEGEND_Y, JBW__STYLE_HATCH, 0,
        JBW__T(c.lang, "benodigd (met wachtenden) / effectieve fte",
               "required (with waiting) / effective FTE"));
    ax = jbw__axis_nice(0, max * 1.18, 6, 1);
    jbw__svg_value_axis_x(
        &s, &ax, L, R, T - 4, B, 0, "%",
        JBW__T(c.lang, "procent van de norm", "per cent of the norm"));
    if (rows == 0)
        jbw__svg_label(&s, L + 8, T + 30, "start", 13, 0,
                       JBW__T(c.lang, "geen medewerkers of maatregelen",
                              "no workers or measures"));
    y = T;
    for (i = 0; i < n; i++) {
        double v[2];
        int k;
        if (!group_totals(&t, &key, cl, group, i))
            continue;
        v[0] = pct(t.load, t.capacity);
        v[1] = pct(t.required_fte, t.effective_fte);
        jbw__svg_label(&s, L + 4, y + 14, "start", 13, 1,
                       jbw__group_name(c.registry, group, key));
        for (k = 0; k < 2; k++) {
            char lab[JBW__FMT_SIZE];
            double by = y + 20 + 19 * k;
            double x = jbw__axis_pos(&ax, isfinite(v[k]) ? v[k] : 0, L, R);
            jbw__fmt_pct(lab, v[k], c.lang);
            jbw__svg_rect(&s, L, by, x - L, 15,
                          k ? JBW__STYLE_HATCH : JBW__STYLE_SOLID, lab);
            jbw__svg_label(&s, x + 5, by + 12, "start", 12.5, 1, lab);
        }
        y += ROW;
    }
    x100 = jbw__axis_pos(&ax, 100, L, R);
    jbw__svg_line(&s, x100, T - 4, x100, B, JBW__STYLE_TOTAL);
    jbw__svg_label(&s, x100 + 4, T + 4, "start", 12, 1, "norm");
    return finish(&s, &d, out, len);
}

/* ---- the spread of load ratios ----------------------------------------- */

#define BINS 16 /* (0,10], (10,20], ... (140,150], over 150; 0 in the first */

jbw_status jbw_chart_load_spread_svg(char **out, size_t *len,
                                     const jbw_caseload *cl,
                                     const jbw_chart_options *opts)
{
    static const jbw__style style[3] = {JBW__STYLE_DOTS, JBW__STYLE_SOLID,
                                        JBW__STYLE_HATCH};
    const double L = 70, R = W - 24, T = 92, B = 330;
    size_t count[BINS][3], no_capacity = 0, n, i, workers = 0;
    jbw__chart c;
    jbw__svg s;
    jbw__buf d = JBW__BUF_INIT;
    jbw__axis ay;
    double max = 0, slot = (R - L) / BINS, x;
    jbw_status st;
    int k, j;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_chart_load_spread_svg: NULL");
    st = jbw__chart_options(&c, opts, "jbw_chart_load_spread_svg");
    if (st != JBW_OK)
        return st;
    memset(count, 0, sizeof count);
    n = jbw_caseload_worker_count(cl);
    for (i = 0; i < n; i++) {
        jbw_worker_load w;
        int bin;
        w.version = JBW_WORKER_LOAD_VERSION;
        if (jbw_caseload_worker_get(&w, cl, i) != JBW_OK)
            continue;
        if (w.status == JBW_LOAD_NO_CAPACITY || !isfinite(w.ratio)) {
            no_capacity++;
            continue;
        }
        bin = w.ratio <= 0.1 ? 0 : (int)ceil(w.ratio * 10 - 1e-9) - 1;
        if (bin >= BINS)
            bin = BINS - 1;
        count[bin][w.status == JBW_LOAD_UNDER ? 0
                   : w.status == JBW_LOAD_AT  ? 1
                                              : 2]++;
        workers++;
    }
    for (j = 0; j < BINS; j++) {
        double h = 0;
        for (k = 0; k < 3; k++)
            h += drawn(&c.publish, count[j][k]);
        if (h > max)
            max = h;
    }
    {
        char a[JBW__FMT_SIZE], b[JBW__FMT_SIZE];
        jbw__fmt_published(a, &c.publish, workers, c.lang);
        jbw__fmt_published(b, &c.publish, no_capacity, c.lang);
        jbw__buf_printf(&d,
                        JBW__T(c.lang,
                               "Staafdiagram: het aantal medewerkers per "
                               "klasse van 10 procentpunt caseload als deel "
                               "van hun capaciteit (100%% is de norm), %s "
                               "medewerkers; %s zonder capaciteit (net in "
                               "dienst) niet meegeteld. Per klasse onder, op "
                               "en boven de norm:",
                               "Bar chart: the number of workers per 10 "
                               "percentage points of load as a share of their "
                               "capacity (100%% is the norm), %s workers; %s "
                               "without capacity (just hired) left out. Per "
                               "bin under, at and over the norm:"),
                        a, b);
    }
    for (j = 0; j < BINS; j++) {
        char u[JBW__FMT_SIZE], a[JBW__FMT_SIZE], o[JBW__FMT_SIZE];
        if (!count[j][0] && !count[j][1] && !count[j][2])
            continue;
        jbw__fmt_published(u, &c.publish, count[j][0], c.lang);
        jbw__fmt_published(a, &c.publish, count[j][1], c.lang);
        jbw__fmt_published(o, &c.publish, count[j][2], c.lang);
        if (j == BINS - 1)
            jbw__buf_printf(&d, " > 150%%: %s, %s, %s.", u, a, o);
        else
            jbw__buf_printf(&d, " %d\xe2\x80\x93%d%%: %s, %s, %s.", 10 * j,
                            10 * j + 10, u, a, o);
    }
    svg_init(&s);
    jbw__chart_begin(&s, &c, "spread", W, chart_height(&c, B + 60),
                     JBW__T(c.lang,
                            "Spreiding van de caseload over medewerkers",
                            "Spread of caseload over workers"),
                     JBW__T(c.lang,
                            "caseload als procent van de eigen capaciteit "
                            "(fte \xc3\x97 inwerkfactor \xc3\x97 norm)",
                            "load as per cent of own capacity (FTE \xc3\x97 "
                            "onboarding ramp \xc3\x97 norm)"),
                     desc_text(&d));
    x = L;
    x = jbw__svg_legend_item(&s, x, LEGEND_Y, JBW__STYLE_DOTS, 0,
                             JBW__T(c.lang, "onder de norm", "under the norm"));
    x = jbw__svg_legend_item(&s, x, LEGEND_Y, JBW__STYLE_SOLID, 0,
                             JBW__T(c.lang, "op de norm", "at the norm"));
    jbw__svg_legend_item(&s, x, LEGEND_Y, JBW__STYLE_HATCH, 0,
                         JBW__T(c.lang, "boven de norm", "over the norm"));
    ay = count_axis(&c, max, 1.1, 5);
    jbw__svg_value_axis(
        &s, &ay, L, R, T, B, 0, NULL,
        JBW__T(c.lang, "medewerkers (aantal)", "workers (number)"));
    for (j = 0; j < BINS; j++) {
        double base = 0;
        for (k = 0; k < 3; k++) {
            double v = drawn(&c.publish, count[j][k]);
            double y0 = jbw__axis_pos(&ay, base, B, T);
            double y1 = jbw__axis_pos(&ay, base + v, B, T);
            char tip[JBW__FMT_SIZE];
            if (v <= 0)
                continue;
            jbw__fmt_published(tip, &c.publish, count[j][k], c.lang);
            jbw__svg_rect(&s, L + slot * j + 3, y1, slot - 6, y0 - y1, style[k],
                          tip);
            base += v;
        }
        /* a class with a hidden count says so above its bar: "< k" */
        for (k = 0; k < 3; k++)
            if (jbw__publish_hides(&c.publish, count[j][k])) {
                char t[JBW__FMT_SIZE];
                jbw__fmt_published(t, &c.publish, count[j][k], c.lang);
                jbw__svg_label(&s, L + slot * j + slot / 2,
                               jbw__axis_pos(&ay, base, B, T) - 4, "middle", 10,
                               0, t);
                break;
            }
    }
    for (j = 0; j <= BINS - 1; j++) {
        char t[16];
        snprintf(t, sizeof t, "%d", 10 * j);
        jbw__svg_label(&s, L + slot * j, B + 16, "middle", 11.5, 0, t);
    }
    jbw__svg_line(&s, L, B, R, B, JBW__STYLE_TOTAL);
    x = L + slot * 10;
    jbw__svg_line(&s, x, T - 4, x, B, JBW__STYLE_TOTAL);
    jbw__svg_label(&s, x + 4, T + 4, "start", 12, 1, "norm");
    jbw__svg_label(&s, (L + R) / 2, B + 36, "middle", 12.5, 0,
                   JBW__T(c.lang,
                          "caseload als % van de capaciteit (klassen van 10 "
                          "procentpunt; de laatste: 150% of meer)",
                          "load as % of capacity (bins of 10 percentage "
                          "points; the last: 150% or more)"));
    return finish(&s, &d, out, len);
}

/* ---- the coupling norm ------------------------------------------------- */

/* The words beside a group's bar; *shown is 1 when the bar is drawn. */
static void coupling_label(char *lab, size_t size, int *shown,
                           const jbw__chart *c, const jbw_caseload_totals *t)
{
    char p[JBW__FMT_SIZE], a[JBW__FMT_SIZE], b[JBW__FMT_SIZE], m[JBW__FMT_SIZE];
    int hide = jbw__publish_hides(&c->publish, t->coupling_started) ||
               jbw__publish_hides(&c->publish, t->coupling_within);
    jbw__fmt_pct(p, t->coupling_within_pct, c->lang);
    jbw__fmt_published(a, &c->publish, t->coupling_within, c->lang);
    jbw__fmt_published(b, &c->publish, t->coupling_started, c->lang);
    jbw__fmt_number(m, t->coupling_median_workdays, 0, c->lang);
    *shown = t->coupling_started > 0 && !hide;
    if (t->coupling_started == 0)
        snprintf(lab, size, "%s",
                 JBW__T(c->lang, "geen starts in de periode",
                        "no starts in the period"));
    else if (hide)
        snprintf(lab, size, JBW__T(c->lang, "%s van %s", "%s of %s"), a, b);
    else
        snprintf(lab, size,
                 JBW__T(c->lang, "%s (%s van %s; mediaan %s werkdagen)",
                        "%s (%s of %s; median %s werkdagen)"),
                 p, a, b, m);
}

jbw_status jbw_chart_coupling_svg(char **out, size_t *len,
                                  const jbw_caseload *cl, jbw_group group,
                                  const jbw_chart_options *opts)
{
    const double L = 24, R = W - 30, T = 92, ROW = 44;
    jbw__chart c;
    jbw__svg s;
    jbw__buf d = JBW__BUF_INIT;
    jbw_caseload_totals t;
    const char *key;
    jbw_date from = JBW_DATE_NONE, to = JBW_DATE_NONE;
    int32_t wd = 5;
    size_t n, i, rows = 0;
    char title[160], sub[256], f[JBW__FMT_SIZE], e[JBW__FMT_SIZE];
    char lab[4 * JBW__FMT_SIZE + 96];
    jbw__axis ax;
    double y, B;
    int shown;
    jbw_status st;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_chart_coupling_svg: NULL argument");
    if (group != JBW_GROUP_ORGANISATION && group != JBW_GROUP_REGION)
        return jbw__error(JBW_EINVAL, "jbw_chart_coupling_svg: group %d",
                          (int)group);
    st = jbw__chart_options(&c, opts, "jbw_chart_coupling_svg");
    if (st != JBW_OK)
        return st;
    jbw_caseload_period(&from, &to, &wd, cl);
    jbw__fmt_date(f, from, c.lang);
    jbw__fmt_date(e, to, c.lang);
    snprintf(title, sizeof title,
             JBW__T(c.lang, "Koppeling binnen %d werkdagen per %s",
                    "Coupling within %d werkdagen per %s"),
             (int)wd, group_word(c.lang, group));
    snprintf(sub, sizeof sub,
             JBW__T(c.lang,
                    "gestart %s t/m %s, geteld na %d werkdagen; aandeel "
                    "met een jeugdbeschermer binnen %d werkdagen",
                    "started %s to %s, counted after %d werkdagen; share "
                    "with a worker within %d werkdagen"),
             f, e, (int)wd, (int)wd);
    jbw__buf_printf(&d,
                    JBW__T(c.lang, "Liggende staven per %s, %s.",
                           "Horizontal bars per %s, %s."),
                    group_word(c.lang, group), sub);
    n = jbw_caseload_group_count(cl, group);
    for (i = 0; i < n; i++) {
        if (!group_totals(&t, &key, cl, group, i))
            continue;
        rows++;
        coupling_label(lab, sizeof lab, &shown, &c, &t);
        jbw__buf_printf(&d, " %s: %s.", jbw__group_name(c.registry, group, key),
                        lab);
    }
    B = T + ROW * (double)(rows ? rows : 1);
    svg_init(&s);
    jbw__chart_begin(
        &s, &c, group == JBW_GROUP_REGION ? "coupling-region" : "coupling-org",
        W, chart_height(&c, B + 48), title, sub, desc_text(&d));
    ax = jbw__axis_nice(0, 100, 5, 1);
    jbw__svg_value_axis_x(
        &s, &ax, L, R, T - 4, B, 0, "%",
        JBW__T(c.lang, "procent binnen de norm", "per cent within the norm"));
    if (rows == 0)
        jbw__svg_label(&s, L + 8, T + 30, "start", 13, 0,
                       JBW__T(c.lang, "geen medewerkers of maatregelen",
                              "no workers or measures"));
    y = T;
    for (i = 0; i < n; i++) {
        if (!group_totals(&t, &key, cl, group, i))
            continue;
        coupling_label(lab, sizeof lab, &shown, &c, &t);
        {
            char line[sizeof lab + 160];
            snprintf(line, sizeof line, "%s \xe2\x80\x94 %s",
                     jbw__group_name(c.registry, group, key), lab);
            jbw__svg_label(&s, L + 4, y + 14, "start", 13, 1, line);
        }
        if (shown) {
            double x = jbw__axis_pos(&ax, t.coupling_within_pct, L, R);
            jbw__svg_rect(&s, L, y + 20, R - L, 15, JBW__STYLE_LIGHT, NULL);
            jbw__svg_rect(&s, L, y + 20, x - L, 15, JBW__STYLE_SOLID, lab);
        }
        y += ROW;
    }
    return finish(&s, &d, out, len);
}

void jbw__band_counts(size_t counts[4][2], const jbw_triage *triage)
{
    size_t i, n = jbw_triage_count(triage);
    memset(counts, 0, 4 * sizeof counts[0]);
    for (i = 0; i < n; i++) {
        jbw_wait_case wc;
        jbw_score sc;
        wc.version = JBW_WAIT_CASE_VERSION;
        sc.version = JBW_SCORE_VERSION;
        if (jbw_triage_get(&wc, &sc, triage, i) == JBW_OK &&
            (int)sc.band >= 0 && (int)sc.band <= 3)
            counts[3 - (int)sc.band][wc.previous_workers > 0]++;
    }
}

/* ---- the waiting list by band ------------------------------------------ */

jbw_status jbw_chart_bands_svg(char **out, size_t *len,
                               const jbw_triage *triage,
                               const jbw_chart_options *opts)
{
    static const jbw_band order[4] = {JBW_BAND_ACUUT, JBW_BAND_HOOG,
                                      JBW_BAND_MIDDEN, JBW_BAND_LAAG};
    const double L = 90, R = W - 90, T = 92, ROW = 40, B = T + 4 * ROW;
    size_t count[4][2];
    jbw__chart c;
    jbw__svg s;
    jbw__buf d = JBW__BUF_INIT;
    jbw__axis ax;
    double max = 0, lx;
    char sub[160], day[JBW__FMT_SIZE];
    jbw_status st;
    int k, hidden = 0;
    if (!out || !triage)
        return jbw__error(JBW_EINVAL, "jbw_chart_bands_svg: NULL argument");
    st = jbw__chart_options(&c, opts, "jbw_chart_bands_svg");
    if (st != JBW_OK)
        return st;
    jbw__band_counts(count, triage);
    jbw__fmt_date(day, jbw_triage_date(triage), c.lang);
    snprintf(sub, sizeof sub,
             JBW__T(c.lang, "wachtrisico op %s; alleen aantallen",
                    "waiting risk on %s; counts only"),
             day);
    jbw__buf_printf(&d,
                    JBW__T(c.lang,
                           "Liggende staven: het aantal wachtende maatregelen "
                           "per wachtrisicoband, nieuw (effen) en bestaand "
                           "(gearceerd), %s.",
                           "Horizontal bars: the number of waiting measures "
                           "per waiting-risk band, nieuw (solid) and "
                           "bestaand (hatched), %s."),
                    sub);
    for (k = 0; k < 4; k++) {
        char a[JBW__FMT_SIZE], b[JBW__FMT_SIZE];
        stack2 bar = stack_of(&c.publish, count[k][0], count[k][1]);
        if (bar.a + bar.b + bar.hidden > max)
            max = bar.a + bar.b + bar.hidden;
        if (bar.hidden > 0)
            hidden = 1;
        jbw__fmt_published(a, &c.publish, count[k][0], c.lang);
        jbw__fmt_published(b, &c.publish, count[k][1], c.lang);
        jbw__buf_printf(&d,
                        JBW__T(c.lang, " %s: %s nieuw, %s bestaand.",
                               " %s: %s nieuw, %s bestaand."),
                        jbw_band_code(order[k]), a, b);
    }
    svg_init(&s);
    jbw__chart_begin(&s, &c, "bands", W, chart_height(&c, B + 48),
                     JBW__T(c.lang, "Wachtlijst naar wachtrisico",
                            "Waiting list by waiting risk"),
                     sub, desc_text(&d));
    lx = jbw__svg_legend_item(
        &s, jbw__svg_legend_item(&s, L, LEGEND_Y, JBW__STYLE_SOLID, 0, "nieuw"),
        LEGEND_Y, JBW__STYLE_HATCH, 0, "bestaand");
    if (hidden)
        (void)hidden_legend(&s, &c, lx);
    ax = count_axis(&c, max, 1.1, 5);
    jbw__svg_value_axis_x(&s, &ax, L, R, T - 4, B, 0, NULL,
                          JBW__T(c.lang, "wachtende maatregelen (aantal)",
                                 "waiting measures (number)"));
    for (k = 0; k < 4; k++) {
        double y = T + ROW * k + 8;
        stack2 bar = stack_of(&c.publish, count[k][0], count[k][1]);
        double x0 = L, x1 = jbw__axis_pos(&ax, bar.a, L, R),
               x2 = jbw__axis_pos(&ax, bar.a + bar.b, L, R),
               x3 = jbw__axis_pos(&ax, bar.a + bar.b + bar.hidden, L, R);
        char t[JBW__FMT_SIZE];
        jbw__svg_label(&s, L - 8, y + 17, "end", 13.5, 1,
                       jbw_band_code(order[k]));
        jbw__svg_rect(&s, x0, y, x1 - x0, 24, JBW__STYLE_SOLID, NULL);
        jbw__svg_rect(&s, x1, y, x2 - x1, 24, JBW__STYLE_HATCH, NULL);
        if (bar.hidden > 0)
            jbw__svg_rect(&s, x2, y, x3 - x2, 24, JBW__STYLE_LIGHT, NULL);
        jbw__fmt_published(t, &c.publish, count[k][0] + count[k][1], c.lang);
        jbw__svg_label(&s, x3 + 6, y + 17, "start", 13, 1, t);
    }
    return finish(&s, &d, out, len);
}
