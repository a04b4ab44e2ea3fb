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
/* The data notice of a chart made from synthetic data, a bold red line
 * centred on x = 450 at y = 64 (NULL: nothing), so that a chart pasted
 * into a memo still says the data is synthetic. */
void jbw__svg_notice(jbw__buf *b, const char *notice);

/* An axis from 0 to max in steps of `step`. */
typedef struct jbw__svg_axis {
    double max, step;
} jbw__svg_axis;

/* The axis for values up to max: a round step (1, 2 or 5 x 10^k) giving
 * about five ticks, and max rounded up to a whole step. */
jbw__svg_axis jbw__svg_axis_for(double max);

#endif /* JBW_OUT_SVG_H */
