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

jbw_status jbw__notice_dup(char **out, const char *notice, const char *what)
{
    jbw_status st;
    size_t n;
    char *copy;
    *out = NULL;
    if (!notice)
        return JBW_OK;
    /* the line end of a notice read from its file ("\n" or "\r\n") is
     * not part of it */
    if (!(copy = jbw__strdup(notice)))
        return jbw__enomem();
    n = strlen(copy);
    if (n > 0 && copy[n - 1] == '\n') {
        copy[--n] = '\0';
        if (n > 0 && copy[n - 1] == '\r')
            copy[--n] = '\0';
    }
    if ((st = jbw__notice_check(copy, what)) != JBW_OK) {
        jbw__free(copy);
        return st;
    }
    *out = copy;
    return JBW_OK;
}

jbw_status jbw__notice_check(const char *notice, const char *what)
{
    const unsigned char *p = (const unsigned char *)notice;
    size_t n = strlen(notice), i = 0, k;
    if (n == 0)
        return jbw__error(JBW_EINVAL, "%s is empty", what);
    if (n > JBW__NOTICE_MAX)
        return jbw__error(JBW_EINVAL, "%s is longer than %d bytes (%zu)", what,
                          JBW__NOTICE_MAX, n);
    while (i < n) {
        if (p[i] < 0x20 || p[i] == 0x7f)
            return jbw__error(JBW_EINVAL,
                              "%s holds a control character (byte %zu)", what,
                              i + 1);
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        if ((k = jbw__utf8_seq(p + i)) == 0)
            return jbw__error(JBW_EINVAL, "%s is not valid UTF-8 (byte %zu)",
                              what, i + 1);
        /* U+0080..U+009F: the C1 controls */
        if (p[i] == 0xC2 && p[i + 1] < 0xA0)
            return jbw__error(JBW_EINVAL,
                              "%s holds a control character (byte %zu)", what,
                              i + 1);
        i += k;
    }
    return JBW_OK;
}
