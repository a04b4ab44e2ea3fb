/*
 * libjbw internal: plain-text tables for the text reports (base/table.c).
 */
#ifndef JBW_BASE_TABLE_H
#define JBW_BASE_TABLE_H

#include "base/base_internal.h"

/* The alignment of a cell of jbw__table_put. */
#define JBW__LEFT  1
#define JBW__RIGHT 0

/* The largest cell text (bytes: room for an id of JBW_ID_MAX bytes and
 * more) and the most columns of one table. */
#define JBW__CELL     (JBW_ID_MAX + 65)
#define JBW__MAX_COLS 40

/* Writes the text of cell (row, col) into out. */
typedef void (*jbw__cell_fn)(char *out, size_t size, const void *ctx,
                             size_t row, size_t col);

/*
 * One cell: `sep`, then `text` padded with spaces to `width` display
 * columns (one per UTF-8 code point): after the text when `left`, before
 * it otherwise. A left-aligned `last` cell is not padded (no trailing
 * blanks). Text wider than `width` is written whole. For ASCII text the
 * result is that of printf's "%-*s" and "%*s".
 */
void jbw__table_put(jbw__buf *b, const char *sep, const char *text,
                    size_t width, int left, int last);

/*
 * An aligned table: the columns in the bit mask `left` align left (text),
 * the others right (numbers). The cell function runs twice per cell
 * (widths, then text), so nothing is stored. `headers` may be NULL for a
 * table without a header line.
 */
void jbw__text_table(jbw__buf *b, const char *const *headers, size_t cols,
                     size_t rows, unsigned long left, jbw__cell_fn fn,
                     const void *ctx);

/* A number with fixed decimals, "-" when not finite. */
void jbw__fmt_num(char *out, size_t size, double v, int dec);

#endif /* JBW_BASE_TABLE_H */
