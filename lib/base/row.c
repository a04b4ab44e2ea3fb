/*
 * One record written field by field as a CSV header, a CSV line or JSON
 * members (base_internal.h): a writer names its fields once and gets its
 * header, its rows and its JSON objects from the same description.
 */
#include "base/base_internal.h"

#include <math.h>

void jbw__row_init(jbw__row *r, jbw__buf *b, int form, int csv_exact)
{
    r->b = b;
    r->form = form;
    r->csv_exact = csv_exact;
    r->fields = 0;
}

/* The separator before a field, and in a header or JSON its key (the
 * CSV or the JSON name). Returns 1 when the caller writes the value, 0
 * in a header and when the field has no name in this form. */
static int field(jbw__row *r, const char *csv_key, const char *json_key)
{
    const char *key = r->form == JBW__ROW_JSON ? json_key : csv_key;
    if (!key)
        return 0;
    if (r->fields++)
        jbw__buf_putc(r->b, ',');
    if (r->form == JBW__ROW_HEADER) {
        jbw__buf_puts(r->b, key);
        return 0;
    }
    if (r->form == JBW__ROW_JSON) {
        jbw__buf_json_string(r->b, key);
        jbw__buf_putc(r->b, ':');
    }
    return 1;
}

void jbw__row_number_as(jbw__row *r, const char *csv_key, const char *json_key,
                        double v, int decimals)
{
    if (!field(r, csv_key, json_key))
        return;
    if (r->form == JBW__ROW_CSV && r->csv_exact) {
        if (isfinite(v))
            jbw__buf_double(r->b, v);
    } else {
        jbw__buf_json_number(r->b, v, decimals);
    }
}

void jbw__row_number(jbw__row *r, const char *key, double v, int decimals)
{
    jbw__row_number_as(r, key, key, v, decimals);
}

void jbw__row_long(jbw__row *r, const char *key, long v)
{
    if (field(r, key, key))
        jbw__buf_printf(r->b, "%ld", v);
}

void jbw__row_size_as(jbw__row *r, const char *csv_key, const char *json_key,
                      size_t v)
{
    if (field(r, csv_key, json_key))
        jbw__buf_printf(r->b, "%zu", v);
}

void jbw__row_size(jbw__row *r, const char *key, size_t v)
{
    jbw__row_size_as(r, key, key, v);
}

void jbw__row_text_as(jbw__row *r, const char *csv_key, const char *json_key,
                      const char *s)
{
    if (!field(r, csv_key, json_key))
        return;
    if (r->form == JBW__ROW_JSON)
        jbw__buf_json_string(r->b, s);
    else
        jbw__buf_csv_field(r->b, s);
}

void jbw__row_text(jbw__row *r, const char *key, const char *s)
{
    jbw__row_text_as(r, key, key, s);
}

void jbw__row_date(jbw__row *r, const char *key, jbw_date d)
{
    if (!field(r, key, key))
        return;
    if (r->form != JBW__ROW_JSON) {
        jbw__buf_date(r->b, d);
    } else if (d == JBW_DATE_NONE) {
        jbw__buf_puts(r->b, "null");
    } else {
        jbw__buf_putc(r->b, '"');
        jbw__buf_date(r->b, d);
        jbw__buf_putc(r->b, '"');
    }
}
