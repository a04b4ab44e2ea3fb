/*
 * libjbw - plain-text tables for the text reports: every text table of
 * the library pads its cells here, to the display width of UTF-8 text;
 * a table either measures its columns (jbw__text_table) or gives their
 * widths row by row (jbw__table_put). And the number format of a cell.
 */
#include "base/table.h"
#include "base/fixed.h"

#include <math.h>
#include <stdio.h>

/* Display width of UTF-8 text: one column per code point. */
static size_t text_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static void pad_cell(jbw__buf *b, size_t n)
{
    while (n--)
        jbw__buf_putc(b, ' ');
}

void jbw__table_put(jbw__buf *b, const char *sep, const char *text,
                    size_t width, int left, int last)
{
    size_t w = text_width(text);
    size_t pad = width > w ? width - w : 0;
    jbw__buf_puts(b, sep);
    if (left) {
        jbw__buf_puts(b, text);
        if (!last)
            pad_cell(b, pad);
    } else {
        pad_cell(b, pad);
        jbw__buf_puts(b, text);
    }
}

/*
 * An aligned table: the columns in the bit mask `left` align left (text),
 * the others right (numbers). The cell function runs twice per cell
 * (widths, then text), so nothing is stored. `headers` may be NULL for a
 * table without a header line.
 */
/* The text of cell (r, k), cut back to the start of a UTF-8 character
 * when the cell function filled the buffer (a longer text was cut). */
static void cell_text(char *cell, size_t size, jbw__cell_fn fn, const void *ctx,
                      size_t r, size_t k)
{
    size_t n, start, need;
    unsigned char lead;
    fn(cell, size, ctx, r, k);
    n = strlen(cell);
    if (n == 0 || n + 1 < size)
        return;
    start = n - 1; /* the start of the last character */
    while (start > 0 && ((unsigned char)cell[start] & 0xC0) == 0x80)
        start--;
    lead = (unsigned char)cell[start];
    need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (start + need > n)
        cell[start] = '\0'; /* its last bytes were cut: leave it out */
}

void jbw__text_table(jbw__buf *b, const char *const *headers, size_t cols,
                     size_t rows, unsigned long left, jbw__cell_fn fn,
                     const void *ctx)
{
    size_t width[JBW__MAX_COLS];
    char cell[JBW__CELL];
    size_t r, k;
    for (k = 0; k < cols; k++)
        width[k] = headers ? text_width(headers[k]) : 0;
    for (r = 0; r < rows; r++)
        for (k = 0; k < cols; k++) {
            size_t w;
            cell_text(cell, sizeof cell, fn, ctx, r, k);
            w = text_width(cell);
            if (w > width[k])
                width[k] = w;
        }
    if (headers) {
        for (k = 0; k < cols; k++)
            jbw__table_put(b, "  ", headers[k], width[k], (int)(left >> k & 1u),
                           k + 1 == cols);
        jbw__buf_putc(b, '\n');
    }
    for (r = 0; r < rows; r++) {
        for (k = 0; k < cols; k++) {
            cell_text(cell, sizeof cell, fn, ctx, r, k);
            jbw__table_put(b, "  ", cell, width[k], (int)(left >> k & 1u),
                           k + 1 == cols);
        }
        jbw__buf_putc(b, '\n');
    }
}

/* A number with fixed decimals, "-" when not finite. */
void jbw__fmt_num(char *out, size_t size, double v, int dec)
{
    if (!isfinite(v)) {
        snprintf(out, size, "-");
        return;
    }
    /* no "-0.00" for a tiny negative */
    if (fabs(v) < 0.5 * pow(10.0, -dec))
        v = 0.0;
    jbw__fixed(out, size, v, dec); /* "%.*f" with a '.', without printf */
}

const char *jbw__months_word(long n, jbw_lang lang)
{
    if (lang == JBW_LANG_EN)
        return n == 1 ? "month" : "months";
    return n == 1 ? "maand" : "maanden";
}
