/*
 * libjbw - the members of JSON objects the writers share: a key, and a
 * key with a count, a number or a date. Each member is written in place
 * after one reservation of the most it can take.
 */
#include "base/base_internal.h"
#include "base/fixed.h"

/* Makes room for ,"key": and `value` more bytes and writes ,"key": in
 * it (',' only unless `first`); NULL when out of memory. */
static char *put_key(jbw__buf *b, const char *key, int first, size_t value)
{
    size_t n = key ? strlen(key) : 0;
    char *p =
        jbw__buf_room(b, jbw__room_add(jbw__json_string_room(n), 2 + value));
    if (!p)
        return NULL;
    if (!first)
        *p++ = ',';
    p = jbw__put_json_string(p, key, n);
    *p++ = ':';
    return p;
}

void jbw__json_key(jbw__buf *b, const char *key, int first)
{
    char *p = put_key(b, key, first, 0);
    if (p)
        jbw__buf_commit(b, p);
}

void jbw__json_size(jbw__buf *b, const char *key, size_t v)
{
    char *p = put_key(b, key, 0, JBW__PUT_INT_MAX);
    if (p)
        jbw__buf_commit(b, jbw__put_size(p, v));
}

void jbw__json_num(jbw__buf *b, const char *key, double v, int dec)
{
    char *p = put_key(b, key, 0, JBW__JSON_NUMBER_MAX);
    if (p)
        jbw__buf_commit(b, jbw__fixed_json(p, v, dec));
}

void jbw__json_date(jbw__buf *b, const char *key, jbw_date d, int first)
{
    char *p = put_key(b, key, first, 2 + JBW__PUT_DATE_MAX);
    if (!p)
        return;
    *p++ = '"';
    p = jbw__put_date(p, d);
    *p++ = '"';
    jbw__buf_commit(b, p);
}
