/*
 * libjbw - the members of JSON objects the writers share: a key, and a
 * key with a count, a number or a date.
 */
#include "base/base_internal.h"

void jbw__json_key(jbw__buf *b, const char *key, int first)
{
    if (!first)
        jbw__buf_putc(b, ',');
    jbw__buf_json_string(b, key);
    jbw__buf_putc(b, ':');
}

void jbw__json_size(jbw__buf *b, const char *key, size_t v)
{
    jbw__json_key(b, key, 0);
    jbw__buf_size(b, v);
}

void jbw__json_num(jbw__buf *b, const char *key, double v, int dec)
{
    jbw__json_key(b, key, 0);
    jbw__buf_json_number(b, v, dec);
}

void jbw__json_date(jbw__buf *b, const char *key, jbw_date d, int first)
{
    jbw__json_key(b, key, first);
    jbw__buf_putc(b, '"');
    jbw__buf_date(b, d);
    jbw__buf_putc(b, '"');
}
