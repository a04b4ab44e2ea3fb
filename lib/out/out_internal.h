/*
 * libjbw internal: what the charts and the brief share (lib/out/).
 * Numbers and dates for people in Dutch or English, counts for
 * publication, XML text, and the SVG drawing primitives. Nothing here is
 * exported.
 */
#ifndef JBW_OUT_INTERNAL_H
#define JBW_OUT_INTERNAL_H

#include "base/base_internal.h"
#include "out/svg.h"

/* ---- numbers, dates and counts for people ------------------------------ */

/* Large enough for any number, date or count these functions write. */
#define JBW__FMT_SIZE 48

/*
 * Writes v with `decimals` decimals (0..6) and a thousands separator in
 * the language's style: Dutch "4.503" and "373,1", English "4,503" and
 * "373.1". Rounds as jbw__fixed() and every other writer of the
 * library: to nearest, ties to even on the exact binary value (375.25 is
 * "375,2", as in the report); never depends on the C locale.
 * NaN or infinite: "–" (an en dash).
 */
void jbw__fmt_number(char *buf, double v, int decimals, jbw_lang lang);
/* As jbw__fmt_number() with no decimals, for a count. */
void jbw__fmt_count(char *buf, size_t n, jbw_lang lang);
/* A percentage with no decimals and " %" (NL) or "%" (EN). */
void jbw__fmt_pct(char *buf, double pct, jbw_lang lang);
/* A date as the council letters write it: Dutch "1-9-2025", English
 * "1 Sep 2025". JBW_DATE_NONE: "–". */
void jbw__fmt_date(char *buf, jbw_date d, jbw_lang lang);
/* A month: Dutch "sep 2025", English "Sep 2025". */
void jbw__fmt_month(char *buf, jbw_date d, jbw_lang lang);

/* The rule for publishing small counts (see include/jbw/brief.h). */
typedef struct jbw__publish {
    unsigned int suppress_below; /* 0: off */
    unsigned int round_to;       /* 0 or 1: off */
} jbw__publish;

/* Checks the limits; JBW_EINVAL naming `what` when above JBW_PUBLISH_MAX. */
jbw_status jbw__publish_check(const jbw__publish *p, const char *what);
/* Counts from 1 to below this are hidden ("< k"): suppress_below, or
 * round_to when larger (a count rounded to 0 would read as none). */
unsigned int jbw__publish_floor(const jbw__publish *p);
/* The count as published: -1 when suppressed, else the (rounded) count. */
double jbw__publish_value(const jbw__publish *p, size_t n);
/* Writes the count as published ("< 5", "40", "4.503"): for a table's
 * cell or a chart. */
void jbw__fmt_published(char *buf, const jbw__publish *p, size_t n,
                        jbw_lang lang);
/* As jbw__fmt_published(), for a count inside a sentence: a hidden count
 * reads "minder dan 5" (English "fewer than 5"), not "< 5". */
void jbw__fmt_published_words(char *buf, const jbw__publish *p, size_t n,
                              jbw_lang lang);
/* A figure that may be a count (a forecast's start: the data's own, whole)
 * or a model's figure: a whole number as published (jbw__fmt_published),
 * any other without decimals (jbw__fmt_number). */
void jbw__fmt_published_figure(char *buf, const jbw__publish *p, double v,
                               jbw_lang lang);
/* 1 when a share with this denominator (or numerator) must be left out. */
int jbw__publish_hides(const jbw__publish *p, size_t n);
/* A chart's point that may be a count (a forecast's start: the data's
 * own, whole): 1 when publishing hides it (the chart leaves it out);
 * else 0, and a whole *v becomes its published (rounded) value. A figure
 * of a model (not whole) is left as it is. */
int jbw__publish_start(const jbw__publish *p, double *v);

/* The norm's unit in words, plural: "kinderen", "maatregelen", "gezinnen"
 * (English: "children", "measures", "families"). */
const char *jbw__unit_words(jbw_unit unit, jbw_lang lang);

/* The waiting list of a triage per band, acuut first (counts[0]) to laag
 * (counts[3]); [0] nieuw, [1] bestaand. */
void jbw__band_counts(size_t counts[4][2], const jbw_triage *triage);

/* Picks the Dutch or English text. */
#define JBW__T(lang, nl, en) ((lang) == JBW_LANG_EN ? (en) : (nl))

/*
 * What one of the library's fixed English data notices means, in Dutch,
 * for an output in `lang`: for JBW_LANG_NL and the embedded example's
 * notice (jbw_example_notice()) or the published Zuid-Holland Zuid
 * series' one, a Dutch sentence; NULL otherwise (English, no notice, or
 * any other notice, which is shown as given). The English line stays
 * beside it in every output, so that outputs can be searched for it.
 */
const char *jbw__notice_nl(jbw_lang lang, const char *notice);

/* ---- XML text ---------------------------------------------------------- */

/*
 * Appends text for XML or HTML: escapes & < > " ', turns control
 * characters into spaces and every byte of an invalid UTF-8 sequence
 * into '?', so the output is always well-formed.
 */
void jbw__xml_text(jbw__buf *b, const char *s);

/* ---- SVG primitives ---------------------------------------------------- */

/* Fills and strokes that differ in pattern as well as colour. */
typedef enum jbw__style {
    JBW__STYLE_SOLID = 0, /* dark blue, solid */
    JBW__STYLE_HATCH = 1, /* orange, diagonal hatch */
    JBW__STYLE_DOTS = 2,  /* grey, dotted */
    JBW__STYLE_LIGHT = 3, /* light grey, plain (bands, ranges) */
    JBW__STYLE_TOTAL = 4, /* black, thick line */
    JBW__STYLE_CROSS = 5, /* dark red, cross-hatch */
    JBW__STYLE_COUNT = 6
} jbw__style;

/* A document being written. */
typedef struct jbw__svg {
    jbw__buf b;
    const char *id; /* prefix of element ids (unique per document) */
    jbw_lang lang;
    jbw__publish publish;
    double w, h;
} jbw__svg;

/* The common chart options, checked and unpacked. */
typedef struct jbw__chart {
    jbw_lang lang;
    const char *title;     /* NULL: the chart's own */
    const char *notice;    /* NULL: none */
    const char *notice_nl; /* its Dutch line under it (jbw__notice_nl) */
    jbw__publish publish;
    const jbw_registry *registry;
} jbw__chart;

/* Sets the chart's notice (NULL: none) and its Dutch line. */
void jbw__chart_set_notice(jbw__chart *c, const char *notice);
/* The room the notice takes at the bottom of a chart: none, one line, or
 * two with its Dutch line. */
double jbw__chart_notice_height(const jbw__chart *c);

/* Checks `opts` (NULL: the defaults) for the function `fn` and fills *c. */
jbw_status jbw__chart_options(jbw__chart *c, const jbw_chart_options *opts,
                              const char *fn);
/* Starts a document as jbw__svg_begin() with the chart's language, rule
 * for small counts and notice; `title` is used when c->title is NULL. */
void jbw__chart_begin(jbw__svg *s, const jbw__chart *c, const char *id,
                      double w, double h, const char *title,
                      const char *subtitle, const char *desc);
/* The name of an organisation or region key in `reg` (the key itself when
 * reg is NULL or does not hold it). */
const char *jbw__group_name(const jbw_registry *reg, jbw_group group,
                            const char *key);

/*
 * Starts a document of w x h: the XML declaration, the root element with
 * role="img" and aria-labelledby, <title> and <desc> (the text
 * alternative), the pattern definitions, a white background, the title
 * and subtitle (NULL: none) at the top and the notice (NULL: none) at the
 * bottom, in bold, with its Dutch line (notice_nl, NULL: none) under it.
 */
void jbw__svg_begin(jbw__svg *s, const char *id, double w, double h,
                    const char *title, const char *subtitle, const char *desc,
                    const char *notice, const char *notice_nl);
/* Closes the document and hands it over (JBW_ENOMEM on a failed append). */
jbw_status jbw__svg_finish(jbw__svg *s, char **out, size_t *len);

/* fill="..." (with the pattern of the style) and stroke for a shape. */
void jbw__svg_fill(jbw__svg *s, jbw__style style);
/* stroke="..." stroke-width and stroke-dasharray for a line. */
void jbw__svg_stroke(jbw__svg *s, jbw__style style);
/* A rectangle filled in a style; <title> with `tip` when not NULL. */
void jbw__svg_rect(jbw__svg *s, double x, double y, double w, double h,
                   jbw__style style, const char *tip);
/* A text; anchor "start", "middle" or "end"; size in px; bold 0/1. */
void jbw__svg_label(jbw__svg *s, double x, double y, const char *anchor,
                    double size, int bold, const char *text);
/* A line in a style. */
void jbw__svg_line(jbw__svg *s, double x1, double y1, double x2, double y2,
                   jbw__style style);

/* A dot of radius r in the colour of a style: a value alone, with no
 * neighbour to draw a line to. */
void jbw__svg_dot(jbw__svg *s, double x, double y, double r, jbw__style style);

/* A linear axis with round ticks. */
typedef struct jbw__axis {
    double lo, hi, step;
} jbw__axis;
/* Round bounds and step covering [lo, hi] with about `ticks` ticks;
 * lo is 0 when from_zero. */
jbw__axis jbw__axis_nice(double lo, double hi, int ticks, int from_zero);
/* Maps a value to a position: lo to p0, hi to p1. */
double jbw__axis_pos(const jbw__axis *a, double v, double p0, double p1);
/*
 * A vertical value axis left of the plot [x0, x1] x [y_top, y_bottom]:
 * grid lines, tick labels (`decimals`, `suffix` such as " %" or NULL)
 * and the axis title rotated along it.
 */
void jbw__svg_value_axis(jbw__svg *s, const jbw__axis *a, double x0, double x1,
                         double y_top, double y_bottom, int decimals,
                         const char *suffix, const char *title);
/* The same horizontally, below the plot [x0, x1] at y_bottom, grid lines
 * up to y_top, the title under the tick labels. */
void jbw__svg_value_axis_x(jbw__svg *s, const jbw__axis *a, double x0,
                           double x1, double y_top, double y_bottom,
                           int decimals, const char *suffix, const char *title);

/* A month's label: "sep 2025" (English "Sep 2025"), or "maand 3"
 * ("month 3") when the date is JBW_DATE_NONE. */
void jbw__month_label(char *buf, jbw_date d, int32_t month, jbw_lang lang);
/* Month ticks and labels under a plot [x0, x1] at y for months
 * 0..months (dates[t] the date of month t), at most about `most`
 * labels, each centred on its tick (leave half a label of room right). */
void jbw__svg_month_axis(jbw__svg *s, const jbw_date *dates, int32_t months,
                         double x0, double x1, double y, int most);

/* A legend item: a swatch in a style (a line for line styles when
 * as_line) and its label, at (x, y) of the swatch's left middle. Returns
 * the x after the item. */
double jbw__svg_legend_item(jbw__svg *s, double x, double y, jbw__style style,
                            int as_line, const char *label);

#endif /* JBW_OUT_INTERNAL_H */
