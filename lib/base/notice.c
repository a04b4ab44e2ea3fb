/*
 * The data notice in outputs: the statement that the data is synthetic,
 * written the same way by every writer (base_internal.h).
 */
#include "base/base_internal.h"

void jbw__notice_text(jbw__buf *b, const char *notice)
{
    if (!notice)
        return;
    jbw__buf_puts(b, notice);
    jbw__buf_puts(b, "\n\n");
}

void jbw__notice_json(jbw__buf *b, const char *notice)
{
    if (!notice)
        return;
    jbw__buf_puts(b, "\"data_notice\":");
    jbw__buf_json_string(b, notice);
    jbw__buf_putc(b, ',');
}

void jbw__notice_csv_header_end(jbw__buf *b, const char *notice)
{
    if (notice)
        jbw__buf_puts(b, ",data_notice");
    jbw__buf_putc(b, '\n');
}

void jbw__notice_csv_row_end(jbw__buf *b, const char *notice)
{
    if (notice) {
        jbw__buf_putc(b, ',');
        jbw__buf_csv_field(b, notice);
    }
    jbw__buf_putc(b, '\n');
}
