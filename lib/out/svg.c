/*
 * libjbw - SVG primitives for the charts: XML text, numbers, and round
 * axis scales.
 */
#include "out/svg.h"

#include <math.h>

/* Text for XML: escapes markup characters, drops control characters. */
void jbw__svg_text(jbw__buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            jbw__buf_puts(b, "&amp;");
            break;
        case '<':
            jbw__buf_puts(b, "&lt;");
            break;
        case '>':
            jbw__buf_puts(b, "&gt;");
            break;
        case '"':
            jbw__buf_puts(b, "&quot;");
            break;
        case '\'':
            jbw__buf_puts(b, "&apos;");
            break;
        default:
            if ((unsigned char)*s < 0x20)
                jbw__buf_putc(b, ' ');
            else
                jbw__buf_putc(b, *s);
        }
    }
}

void jbw__svg_num(jbw__buf *b, double v)
{
    jbw__buf_json_number(b, v, 1);
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
