/*
 * SVG drawing primitives shared by the charts: XML text, coordinates, the
 * document frame with its text alternative, patterns that survive
 * black-and-white printing, value axes with units, legends, and the round
 * axis scale of the forecast chart.
 */
#include "out_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Text for XML (see jbw__xml_text()). */
void jbw__svg_text(jbw__buf *b, const char *s)
{
    jbw__xml_text(b, s);
}

void jbw__svg_num(jbw__buf *b, double v)
{
    jbw__buf_json_number(b, v, 1);
}

double jbw__svg_fit_size(const char *text, double width, double most,
                         double least)
{
    size_t chars = 0;
    double fit;
    for (; *text; text++)
        if (((unsigned char)*text & 0xC0) != 0x80)
            chars++;
    fit = chars ? width / (0.56 * (double)chars) : most;
    return fit >= most ? most : fit < least ? least : floor(fit * 2) / 2;
}

/* A round axis step (1, 2 or 5 x 10^k) giving about five ticks to max. */
static double svg_step(double max)
{
    double raw = max / 5, mag = 1, unit;
    if (!(raw > 0))
        return 1;
    while (mag * 10 <= raw)
        mag *= 10;
    while (mag > raw)
        mag /= 10;
    unit = raw / mag;
    return unit <= 1   ? mag
           : unit <= 2 ? 2 * mag
           : unit <= 5 ? 5 * mag
                       : 10 * mag;
}

jbw__svg_axis jbw__svg_axis_for(double max)
{
    jbw__svg_axis a;
    a.step = svg_step(max > 0 ? max : 1);
    a.max = ceil((max > 0 ? max : 1) / a.step) * a.step;
    return a;
}

/* Colours: dark enough to differ in grey too; each style also differs in
 * pattern or dash, so that colour is never the only cue. */
static const char *const style_colour[JBW__STYLE_COUNT] = {
    "#1f4e79", "#c55a11", "#595959", "#d9d9d9", "#000000", "#9e1b32"};

jbw_status jbw_chart_options_init(jbw_chart_options *opts, unsigned int version)
{
    static const jbw_chart_options init = JBW_CHART_OPTIONS_INIT;
    return jbw__record_init(opts, &init, sizeof init, version,
                            JBW_CHART_OPTIONS_VERSION,
                            "jbw_chart_options_init");
}

jbw_status jbw__chart_options(jbw__chart *c, const jbw_chart_options *opts,
                              const char *fn)
{
    static const jbw_chart_options defaults = JBW_CHART_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    if (opts->version != JBW_CHART_OPTIONS_VERSION)
        return jbw__error_version(opts->version, JBW_CHART_OPTIONS_VERSION,
                                  JBW_CHART_OPTIONS_VERSION, "%s: options", fn);
    if (opts->lang != JBW_LANG_NL && opts->lang != JBW_LANG_EN)
        return jbw__error(JBW_EINVAL, "%s: language %d is not nl or en", fn,
                          (int)opts->lang);
    c->publish.suppress_below = opts->suppress_below;
    c->publish.round_to = opts->round_to;
    if (jbw__publish_check(&c->publish, fn) != JBW_OK)
        return JBW_EINVAL;
    c->lang = opts->lang;
    c->title = opts->title;
    jbw__chart_set_notice(c, opts->notice);
    c->registry = opts->registry;
    return JBW_OK;
}

void jbw__chart_set_notice(jbw__chart *c, const char *notice)
{
    c->notice = notice;
    c->notice_nl = jbw__notice_nl(c->lang, notice);
}

/* A notice line is 14 px; the band holds one or two, 2 px of room above. */
#define NOTICE_LINE 14.0
#define NOTICE_BAND 24.0

double jbw__chart_notice_height(const jbw__chart *c)
{
    if (!c->notice)
        return 0;
    return NOTICE_BAND + 2 + (c->notice_nl ? NOTICE_LINE : 0);
}

void jbw__chart_begin(jbw__svg *s, const jbw__chart *c, const char *id,
                      double w, double h, const char *title,
                      const char *subtitle, const char *desc)
{
    s->lang = c->lang;
    s->publish = c->publish;
    jbw__svg_begin(s, id, w, h, c->title ? c->title : title, subtitle, desc,
                   c->notice, c->notice_nl);
}

const char *jbw__group_name(const jbw_registry *reg, jbw_group group,
                            const char *key)
{
    size_t i;
    if (!reg || !key)
        return key ? key : "";
    if (group == JBW_GROUP_REGION) {
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

/* Writes name="v" with a leading space. */
static void attr_num(jbw__buf *b, const char *name, double v)
{
    jbw__buf_printf(b, " %s=\"", name);
    jbw__svg_num(b, v);
    jbw__buf_putc(b, '"');
}

static void put_id(jbw__svg *s, const char *suffix)
{
    jbw__buf_puts(&s->b, s->id);
    jbw__buf_putc(&s->b, '-');
    jbw__buf_puts(&s->b, suffix);
}

/* The patterns: a diagonal hatch, dots and a cross-hatch, each drawn in
 * its colour on white. */
static void put_patterns(jbw__svg *s)
{
    jbw__buf *b = &s->b;
    jbw__buf_puts(b, "<defs>\n<pattern id=\"");
    put_id(s, "hatch");
    jbw__buf_printf(b,
                    "\" width=\"6\" height=\"6\" patternUnits=\""
                    "userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                    "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
                    "<rect width=\"3\" height=\"6\" fill=\"%s\"/>"
                    "</pattern>\n<pattern id=\"",
                    style_colour[JBW__STYLE_HATCH]);
    put_id(s, "dots");
    jbw__buf_printf(b,
                    "\" width=\"5\" height=\"5\" patternUnits=\""
                    "userSpaceOnUse\"><rect width=\"5\" height=\"5\" "
                    "fill=\"#ffffff\"/><circle cx=\"2.5\" cy=\"2.5\" "
                    "r=\"1.5\" fill=\"%s\"/></pattern>\n<pattern id=\"",
                    style_colour[JBW__STYLE_DOTS]);
    put_id(s, "cross");
    jbw__buf_printf(b,
                    "\" width=\"7\" height=\"7\" patternUnits=\""
                    "userSpaceOnUse\"><rect width=\"7\" height=\"7\" "
                    "fill=\"#ffffff\"/><path d=\"M0 0L7 7M7 0L0 7\" "
                    "stroke=\"%s\" stroke-width=\"1.6\"/></pattern>\n"
                    "</defs>\n",
                    style_colour[JBW__STYLE_CROSS]);
}

/* The font size that fits the notice on one line of width w: 12 px, or
 * less for a long notice (a bold character is about 0.62 em wide), never
 * under 7 px. */
static double notice_size(const char *notice, double w)
{
    size_t chars = 0;
    double fit;
    for (; *notice; notice++)
        if (((unsigned char)*notice & 0xC0) != 0x80)
            chars++;
    fit = chars ? 0.95 * w / (0.62 * (double)chars) : 12;
    return fit >= 12 ? 12 : fit < 7 ? 7 : (double)(int)(fit * 2) / 2;
}

void jbw__svg_begin(jbw__svg *s, const char *id, double w, double h,
                    const char *title, const char *subtitle, const char *desc,
                    const char *notice, const char *notice_nl)
{
    jbw__buf *b = &s->b;
    s->id = id;
    s->w = w;
    s->h = h;
    jbw__buf_puts(b,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
    attr_num(b, "width", w);
    attr_num(b, "height", h);
    jbw__buf_puts(b, " viewBox=\"0 0 ");
    jbw__svg_num(b, w);
    jbw__buf_putc(b, ' ');
    jbw__svg_num(b, h);
    jbw__buf_puts(b, "\" role=\"img\" aria-labelledby=\"");
    put_id(s, "title");
    jbw__buf_putc(b, ' ');
    put_id(s, "desc");
    jbw__buf_printf(b,
                    "\" font-family=\"DejaVu Sans, Arial, Helvetica, "
                    "sans-serif\" font-size=\"13\" lang=\"%s\">\n<title id=\"",
                    s->lang == JBW_LANG_EN ? "en" : "nl");
    put_id(s, "title");
    jbw__buf_puts(b, "\">");
    jbw__xml_text(b, title);
    jbw__buf_puts(b, "</title>\n<desc id=\"");
    put_id(s, "desc");
    jbw__buf_puts(b, "\">");
    jbw__xml_text(b, desc);
    if (notice) {
        jbw__buf_puts(b, " ");
        jbw__xml_text(b, notice);
    }
    if (notice && notice_nl) {
        jbw__buf_puts(b, " \xE2\x80\x94 ");
        jbw__xml_text(b, notice_nl);
    }
    jbw__buf_puts(b, "</desc>\n");
    put_patterns(s);
    jbw__buf_puts(b,
                  "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    /* a long title (a series named after an organisation) gets smaller
     * rather than cut at the edge; bold glyphs are about 12% wider than
     * the average jbw__svg_fit_size assumes */
    jbw__svg_label(s, 16, 26, "start",
                   jbw__svg_fit_size(title, (w - 32) * 0.88, 17, 11), 1, title);
    if (subtitle)
        jbw__svg_label(s, 16, 46, "start", 12.5, 0, subtitle);
    if (notice) {
        double band = NOTICE_BAND + (notice_nl ? NOTICE_LINE : 0);
        jbw__buf_puts(b, "<rect");
        attr_num(b, "x", 0);
        attr_num(b, "y", h - band);
        attr_num(b, "width", w);
        attr_num(b, "height", band);
        jbw__buf_puts(b, " fill=\"#fff2cc\"/>\n");
        jbw__svg_label(s, w / 2, h - 8 - (notice_nl ? NOTICE_LINE : 0),
                       "middle", notice_size(notice, w), 1, notice);
        if (notice_nl)
            jbw__svg_label(s, w / 2, h - 8, "middle", notice_size(notice_nl, w),
                           1, notice_nl);
    }
}

jbw_status jbw__svg_finish(jbw__svg *s, char **out, size_t *len)
{
    jbw__buf_puts(&s->b, "</svg>\n");
    if (jbw__buf_finish(&s->b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

void jbw__svg_fill(jbw__svg *s, jbw__style style)
{
    jbw__buf *b = &s->b;
    switch (style) {
    case JBW__STYLE_HATCH:
    case JBW__STYLE_DOTS:
    case JBW__STYLE_CROSS:
        jbw__buf_puts(b, " fill=\"url(#");
        put_id(s, style == JBW__STYLE_HATCH  ? "hatch"
                  : style == JBW__STYLE_DOTS ? "dots"
                                             : "cross");
        jbw__buf_printf(b, ")\" stroke=\"%s\" stroke-width=\"1\"",
                        style_colour[style]);
        break;
    default:
        jbw__buf_printf(b, " fill=\"%s\" stroke=\"%s\" stroke-width=\"0.5\"",
                        style_colour[style],
                        style == JBW__STYLE_LIGHT ? "#a6a6a6" : "#ffffff");
    }
}

void jbw__svg_stroke(jbw__svg *s, jbw__style style)
{
    static const char *const dash[JBW__STYLE_COUNT] = {NULL,  "7 4", "2 3",
                                                       "4 3", NULL,  "9 3 2 3"};
    jbw__buf_printf(&s->b, " fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"",
                    style_colour[style],
                    style == JBW__STYLE_TOTAL ? "3.5" : "2.2");
    if (dash[style])
        jbw__buf_printf(&s->b, " stroke-dasharray=\"%s\"", dash[style]);
}

void jbw__svg_rect(jbw__svg *s, double x, double y, double w, double h,
                   jbw__style style, const char *tip)
{
    jbw__buf *b = &s->b;
    if (w < 0)
        w = 0;
    if (h < 0)
        h = 0;
    jbw__buf_puts(b, "<rect");
    attr_num(b, "x", x);
    attr_num(b, "y", y);
    attr_num(b, "width", w);
    attr_num(b, "height", h);
    jbw__svg_fill(s, style);
    if (tip) {
        jbw__buf_puts(b, "><title>");
        jbw__xml_text(b, tip);
        jbw__buf_puts(b, "</title></rect>\n");
    } else {
        jbw__buf_puts(b, "/>\n");
    }
}

void jbw__svg_label(jbw__svg *s, double x, double y, const char *anchor,
                    double size, int bold, const char *text)
{
    jbw__buf *b = &s->b;
    jbw__buf_puts(b, "<text");
    attr_num(b, "x", x);
    attr_num(b, "y", y);
    attr_num(b, "font-size", size);
    if (strcmp(anchor, "start") != 0)
        jbw__buf_printf(b, " text-anchor=\"%s\"", anchor);
    if (bold)
        jbw__buf_puts(b, " font-weight=\"bold\"");
    jbw__buf_puts(b, " fill=\"#1a1a1a\">");
    jbw__xml_text(b, text);
    jbw__buf_puts(b, "</text>\n");
}

void jbw__svg_line(jbw__svg *s, double x1, double y1, double x2, double y2,
                   jbw__style style)
{
    jbw__buf *b = &s->b;
    jbw__buf_puts(b, "<line");
    attr_num(b, "x1", x1);
    attr_num(b, "y1", y1);
    attr_num(b, "x2", x2);
    attr_num(b, "y2", y2);
    jbw__svg_stroke(s, style);
    jbw__buf_puts(b, "/>\n");
}

void jbw__svg_dot(jbw__svg *s, double x, double y, double r, jbw__style style)
{
    jbw__buf *b = &s->b;
    jbw__buf_puts(b, "<circle");
    attr_num(b, "cx", x);
    attr_num(b, "cy", y);
    attr_num(b, "r", r);
    jbw__buf_printf(b, " fill=\"%s\"/>\n", style_colour[style]);
}

/* ---- axes -------------------------------------------------------------- */

/* A round step (1, 2 or 5 x 10^k) near span / ticks. */
static double nice_step(double span, int ticks)
{
    double raw = span / (ticks > 0 ? ticks : 5), mag = 1, unit;
    if (!(raw > 0) || !isfinite(raw))
        return 1;
    mag = pow(10, floor(log10(raw)));
    unit = raw / mag;
    return unit <= 1   ? mag
           : unit <= 2 ? 2 * mag
           : unit <= 5 ? 5 * mag
                       : 10 * mag;
}

jbw__axis jbw__axis_nice(double lo, double hi, int ticks, int from_zero)
{
    jbw__axis a;
    if (!isfinite(lo))
        lo = 0;
    if (!isfinite(hi))
        hi = lo + 1;
    if (from_zero || (lo > 0 && lo < (hi - lo) * 0.25))
        lo = lo < 0 ? lo : 0;
    if (hi <= lo)
        hi = lo + (lo != 0 ? fabs(lo) * 0.1 : 1);
    a.step = nice_step(hi - lo, ticks);
    a.lo = floor(lo / a.step) * a.step;
    a.hi = ceil(hi / a.step) * a.step;
    if (a.hi <= a.lo)
        a.hi = a.lo + a.step;
    return a;
}

double jbw__axis_pos(const jbw__axis *a, double v, double p0, double p1)
{
    return p0 + (p1 - p0) * (v - a->lo) / (a->hi - a->lo);
}

static void tick_text(char *buf, double v, int decimals, const char *suffix,
                      jbw_lang lang)
{
    jbw__fmt_number(buf, v, decimals, lang);
    if (suffix)
        strcat(buf, suffix);
}

void jbw__svg_value_axis(jbw__svg *s, const jbw__axis *a, double x0, double x1,
                         double y_top, double y_bottom, int decimals,
                         const char *suffix, const char *title)
{
    jbw__buf *b = &s->b;
    double v;
    int i, n = (int)floor((a->hi - a->lo) / a->step + 0.5);
    jbw__buf_puts(b, "<g stroke=\"#d0d0d0\" stroke-width=\"1\">\n");
    for (i = 0; i <= n; i++) {
        double y = jbw__axis_pos(a, a->lo + a->step * i, y_bottom, y_top);
        jbw__buf_puts(b, "<line");
        attr_num(b, "x1", x0);
        attr_num(b, "x2", x1);
        attr_num(b, "y1", y);
        attr_num(b, "y2", y);
        jbw__buf_puts(b, "/>\n");
    }
    jbw__buf_puts(b, "</g>\n");
    for (i = 0; i <= n; i++) {
        char t[JBW__FMT_SIZE + 8];
        v = a->lo + a->step * i;
        tick_text(t, v, decimals, suffix, s->lang);
        jbw__svg_label(s, x0 - 6, jbw__axis_pos(a, v, y_bottom, y_top) + 4,
                       "end", 12, 0, t);
    }
    jbw__buf_puts(b, "<line stroke=\"#404040\"");
    attr_num(b, "x1", x0);
    attr_num(b, "x2", x0);
    attr_num(b, "y1", y_top);
    attr_num(b, "y2", y_bottom);
    jbw__buf_puts(b, "/>\n<text font-size=\"12.5\" text-anchor=\"middle\" "
                     "fill=\"#1a1a1a\" transform=\"translate(");
    jbw__svg_num(b, 16);
    jbw__buf_putc(b, ',');
    jbw__svg_num(b, (y_top + y_bottom) / 2);
    jbw__buf_puts(b, ") rotate(-90)\">");
    jbw__xml_text(b, title);
    jbw__buf_puts(b, "</text>\n");
}

void jbw__svg_value_axis_x(jbw__svg *s, const jbw__axis *a, double x0,
                           double x1, double y_top, double y_bottom,
                           int decimals, const char *suffix, const char *title)
{
    jbw__buf *b = &s->b;
    int i, n = (int)floor((a->hi - a->lo) / a->step + 0.5);
    jbw__buf_puts(b, "<g stroke=\"#d0d0d0\" stroke-width=\"1\">\n");
    for (i = 0; i <= n; i++) {
        double x = jbw__axis_pos(a, a->lo + a->step * i, x0, x1);
        jbw__buf_puts(b, "<line");
        attr_num(b, "x1", x);
        attr_num(b, "x2", x);
        attr_num(b, "y1", y_top);
        attr_num(b, "y2", y_bottom);
        jbw__buf_puts(b, "/>\n");
    }
    jbw__buf_puts(b, "</g>\n");
    for (i = 0; i <= n; i++) {
        char t[JBW__FMT_SIZE + 8];
        double v = a->lo + a->step * i;
        tick_text(t, v, decimals, suffix, s->lang);
        jbw__svg_label(s, jbw__axis_pos(a, v, x0, x1), y_bottom + 16, "middle",
                       12, 0, t);
    }
    jbw__buf_puts(b, "<line stroke=\"#404040\"");
    attr_num(b, "x1", x0);
    attr_num(b, "x2", x1);
    attr_num(b, "y1", y_bottom);
    attr_num(b, "y2", y_bottom);
    jbw__buf_puts(b, "/>\n");
    jbw__svg_label(s, (x0 + x1) / 2, y_bottom + 34, "middle", 12.5, 0, title);
}

void jbw__month_label(char *buf, jbw_date d, int32_t month, jbw_lang lang)
{
    if (d != JBW_DATE_NONE)
        jbw__fmt_month(buf, d, lang);
    else
        snprintf(buf, JBW__FMT_SIZE, JBW__T(lang, "maand %d", "month %d"),
                 (int)month);
}

void jbw__svg_month_axis(jbw__svg *s, const jbw_date *dates, int32_t months,
                         double x0, double x1, double y, int most)
{
    int32_t step = (months + most - 1) / most, t;
    if (step < 1)
        step = 1;
    for (t = 0; t <= months; t += step) {
        char lab[JBW__FMT_SIZE];
        double x =
            months > 0 ? x0 + (x1 - x0) * (double)t / (double)months : x0;
        jbw__month_label(lab, dates[t], t, s->lang);
        jbw__svg_line(s, x, y, x, y + 4, JBW__STYLE_DOTS);
        jbw__svg_label(s, x, y + 17, "middle", 11.5, 0, lab);
    }
}

double jbw__svg_legend_item(jbw__svg *s, double x, double y, jbw__style style,
                            int as_line, const char *label)
{
    if (as_line)
        jbw__svg_line(s, x, y, x + 26, y, style);
    else
        jbw__svg_rect(s, x, y - 7, 26, 14, style, NULL);
    jbw__svg_label(s, x + 32, y + 4.5, "start", 12.5, 0, label);
    /* an estimate of the label's width: 7 px a character in 12.5 px */
    return x + 32 + 7.0 * (double)strlen(label) + 22;
}
