/*
 * libjbw internal: SVG primitives for the charts (out/svg.c).
 */
#ifndef JBW_OUT_SVG_H
#define JBW_OUT_SVG_H

#include "base/base_internal.h"

/* Text for XML: escapes markup characters, drops control characters. */
void jbw__svg_text(jbw__buf *b, const char *s);
/* A coordinate with at most one decimal. */
void jbw__svg_num(jbw__buf *b, double v);

/* The font size (px, a multiple of 0.5) at which a line of plain text
 * fits in `width`: `most`, or less for a long line (a character is about
 * 0.56 em wide on average), never under `least`. */
double jbw__svg_fit_size(const char *text, double width, double most,
                         double least);

/* The key assumptions of a forecast on one line, for a chart under its
 * title, in `lang`: hiring a month (and its months and hiring plan when
 * set), the annual staff turnover and the mean inflow a month of months
 * 1..months, with "(standaard)" / "(defaults)" when hiring and turnover
 * are the library's defaults (none, 20%) (chart_forecast.c). */
void jbw__forecast_assumptions_line(jbw__buf *b, const jbw_forecast *fc,
                                    jbw_lang lang);

/* An axis from 0 to max in steps of `step`. */
typedef struct jbw__svg_axis {
    double max, step;
} jbw__svg_axis;

/* The axis for values up to max: a round step (1, 2 or 5 x 10^k) giving
 * about five ticks, and max rounded up to a whole step. */
jbw__svg_axis jbw__svg_axis_for(double max);

#endif /* JBW_OUT_SVG_H */
