/*
 * libjbw - one field of an array of wait cases set from a column of
 * values: a column of text (NUL-separated strings, codes, dates, numbers)
 * or of 32-bit integers, in one call instead of one per case. A program
 * that holds its cases as columns (a data frame, a binding) fills the
 * array at the speed of C.
 */
#include "waitrisk/waitrisk_internal.h"

#include <stddef.h>
#include <string.h>

/* Every integer field of jbw_wait_case is written as an int32_t. */
typedef char wc_int_fields_are_32_bits
    [(sizeof(jbw_kind) == 4 && sizeof(jbw_safety) == 4 &&
      sizeof(jbw_placement) == 4 && sizeof(jbw_jr_risk) == 4 &&
      sizeof(jbw_yesno) == 4 && sizeof(jbw_date) == 4 && sizeof(int) == 4)
         ? 1
         : -1];

typedef enum { WC_STRING, WC_CODE, WC_DATE, WC_INT } wc_form;

/* A code parser of measure.h or waitrisk.h, its enum written as an int. */
typedef jbw_status (*wc_parse)(int *out, const char *text, size_t len);

/* The parser of one enum: its from_code function, the value as an int. */
#define WC_CODE_PARSER(name, type, from_code)                                  \
    static jbw_status name(int *out, const char *t, size_t n)                  \
    {                                                                          \
        type v;                                                                \
        jbw_status st = from_code(&v, t, n);                                   \
        if (st == JBW_OK)                                                      \
            *out = (int)v;                                                     \
        return st;                                                             \
    }

WC_CODE_PARSER(kind_code, jbw_kind, jbw_kind_from_code)
WC_CODE_PARSER(safety_code, jbw_safety, jbw_safety_from_code)
WC_CODE_PARSER(placement_code, jbw_placement, jbw_placement_from_code)
WC_CODE_PARSER(jr_risk_code, jbw_jr_risk, jbw_jr_risk_from_code)
WC_CODE_PARSER(yesno_code, jbw_yesno, jbw_yesno_from_code)

/* A band code; the empty value is no override. */
static jbw_status band_code(int *out, const char *t, size_t n)
{
    jbw_band v;
    jbw_status st;
    if (n == 0) {
        *out = JBW_OVERRIDE_NONE;
        return JBW_OK;
    }
    st = jbw_band_from_code(&v, t, n);
    if (st == JBW_OK)
        *out = (int)v;
    return st;
}

typedef struct wc_field {
    const char *name;
    size_t offset;
    wc_form form;
    wc_parse parse;     /* WC_CODE only */
    unsigned int since; /* the first record version that has the field */
} wc_field;

#define WC_AT(f) offsetof(jbw_wait_case, f)

static const wc_field wc_fields[] = {
    {"id", WC_AT(id), WC_STRING, NULL, 1},
    {"child_id", WC_AT(child_id), WC_STRING, NULL, 1},
    {"family_id", WC_AT(family_id), WC_STRING, NULL, 1},
    {"organisation", WC_AT(organisation), WC_STRING, NULL, 1},
    {"region", WC_AT(region), WC_STRING, NULL, 1},
    {"kind", WC_AT(kind), WC_CODE, kind_code, 1},
    {"safety", WC_AT(safety), WC_CODE, safety_code, 1},
    {"placement", WC_AT(placement), WC_CODE, placement_code, 1},
    {"jr_risk", WC_AT(jr_risk), WC_CODE, jr_risk_code, 1},
    {"waiting_since", WC_AT(waiting_since), WC_DATE, NULL, 1},
    {"birth_date", WC_AT(birth_date), WC_DATE, NULL, 1},
    {"last_contact", WC_AT(last_contact), WC_DATE, NULL, 1},
    {"previous_workers", WC_AT(previous_workers), WC_INT, NULL, 1},
    {"safety_plan", WC_AT(safety_plan), WC_CODE, yesno_code, 2},
    {"other_help", WC_AT(other_help), WC_CODE, yesno_code, 2},
    {"domestic_violence", WC_AT(domestic_violence), WC_CODE, yesno_code, 2},
    {"term_end", WC_AT(term_end), WC_DATE, NULL, 2},
    {"override_band", WC_AT(override_band), WC_CODE, band_code, 2},
    {"override_reason", WC_AT(override_reason), WC_STRING, NULL, 2},
};

/*
 * The field named `name` of the records of `cases` and their stride, or
 * an error naming the function `fn`: a NULL argument, an unknown field, a
 * record version this library does not know, a field the version lacks.
 */
static jbw_status find_field(const wc_field **out, size_t *stride,
                             const char *fn, const jbw_wait_case *cases,
                             size_t count, const char *name)
{
    size_t i;
    unsigned int version;
    if (!name)
        return jbw__error(JBW_EINVAL, "%s: field is NULL", fn);
    for (i = 0; i < sizeof wc_fields / sizeof wc_fields[0]; i++)
        if (strcmp(wc_fields[i].name, name) == 0)
            break;
    if (i == sizeof wc_fields / sizeof wc_fields[0]) {
        char q[JBW__SHOWN];
        return jbw__error(JBW_EINVAL, "%s: jbw_wait_case has no field '%s'", fn,
                          jbw__quote_value(q, sizeof q, name, strlen(name)));
    }
    *out = &wc_fields[i];
    if (count == 0)
        return JBW_OK;
    if (!cases)
        return jbw__error(JBW_EINVAL, "%s: cases is NULL (count %lu)", fn,
                          (unsigned long)count);
    version = cases[0].version;
    if (version - 1u > (unsigned)JBW_WAIT_CASE_VERSION - 1u)
        return jbw__error_version(version, 1, JBW_WAIT_CASE_VERSION,
                                  "%s: wait case", fn);
    if (version < wc_fields[i].since)
        return jbw__error(JBW_EINVAL,
                          "%s: a wait case of record version %u has no "
                          "field '%s' (since version %u)",
                          fn, version, name, wc_fields[i].since);
    *stride = version == 1 ? WR_CASE_V1_SIZE : sizeof *cases;
    return JBW_OK;
}

/* The inner error (the thread's detail) again, naming column, row and id. */
static jbw_status at_row(jbw_status st, const wc_field *f,
                         const jbw_wait_case *c, size_t row)
{
    char q[JBW__SHOWN];
    if (c->id)
        return jbw__error(st, "column '%s', row %lu (id '%s'): %s", f->name,
                          (unsigned long)row,
                          jbw__quote_value(q, sizeof q, c->id, strlen(c->id)),
                          jbw_last_error());
    return jbw__error(st, "column '%s', row %lu: %s", f->name,
                      (unsigned long)row, jbw_last_error());
}

/* One value of text as the int32 of a code, date or number field. */
static jbw_status parse_value(int32_t *out, const wc_field *f, const char *s,
                              size_t n)
{
    if (f->form == WC_CODE) {
        int v = 0;
        jbw_status st = f->parse(&v, s, n);
        *out = (int32_t)v;
        return st;
    }
    if (f->form == WC_DATE) {
        if (n == 0) {
            *out = JBW_DATE_NONE;
            return JBW_OK;
        }
        if (jbw__date_parse_exact(out, s, n))
            return JBW_OK;
        return jbw_date_parse(out, s, n); /* other forms, or the error */
    }
    {
        long long v;
        char q[JBW__SHOWN];
        if (jbw__parse_int(&v, s, n) == 0 && v >= INT32_MIN && v <= INT32_MAX) {
            *out = (int32_t)v;
            return JBW_OK;
        }
        return jbw__error(JBW_EPARSE, "not a whole number: '%s'",
                          jbw__quote_value(q, sizeof q, s, n));
    }
}

jbw_status jbw_wait_cases_set_text(jbw_wait_case *cases, size_t count,
                                   const char *field, const char *text,
                                   size_t size)
{
    static const char fn[] = "jbw_wait_cases_set_text";
    const wc_field *f;
    size_t stride = 0, i;
    const char *p, *end;
    jbw_status st = find_field(&f, &stride, fn, cases, count, field);
    if (st != JBW_OK)
        return st;
    if (count == 0)
        return jbw__ok();
    if (!text)
        return jbw__error(JBW_EINVAL,
                          "%s: column '%s': text is NULL (count %lu)", fn,
                          f->name, (unsigned long)count);
    if (size == 0 || text[size - 1] != '\0')
        return jbw__error(JBW_EINVAL,
                          "%s: column '%s': the text must end with a NUL byte",
                          fn, f->name);
    p = text;
    end = text + size;
    for (i = 0; i < count; i++) {
        char *rec = (char *)cases + i * stride;
        const char *nul = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
        if (!nul)
            return jbw__error(JBW_EINVAL,
                              "%s: column '%s': the text holds %lu values, "
                              "count is %lu",
                              fn, f->name, (unsigned long)i,
                              (unsigned long)count);
        if (f->form == WC_STRING) {
            memcpy(rec + f->offset, &p, sizeof p);
        } else {
            int32_t v;
            st = parse_value(&v, f, p, (size_t)(nul - p));
            if (st != JBW_OK)
                return at_row(st, f, (const jbw_wait_case *)(void *)rec, i);
            memcpy(rec + f->offset, &v, sizeof v);
        }
        p = nul + 1;
    }
    if (p != end)
        return jbw__error(JBW_EINVAL,
                          "%s: column '%s': the text holds more than %lu "
                          "values",
                          fn, f->name, (unsigned long)count);
    return jbw__ok();
}

/* The most fields of one jbw_wait_cases_set_ints() call, and the rows
 * it sets at a time: 512 cases (56 KiB) stay in the cache while each
 * field is written into them. */
#define WC_INT_FIELDS_MAX 16
#define WC_BLOCK          512

jbw_status jbw_wait_cases_set_ints(jbw_wait_case *cases, size_t count,
                                   const char *const *fields,
                                   const int32_t *const *values, size_t nfields)
{
    static const char fn[] = "jbw_wait_cases_set_ints";
    size_t offset[WC_INT_FIELDS_MAX];
    size_t stride = 0, k, start;
    if (nfields > WC_INT_FIELDS_MAX)
        return jbw__error(JBW_EINVAL, "%s: %lu fields, at most %d", fn,
                          (unsigned long)nfields, WC_INT_FIELDS_MAX);
    /* checked even with no field to set, as jbw_wait_cases_set_text does:
     * a NULL array of `count` cases is the caller's mistake */
    if (count && !cases)
        return jbw__error(JBW_EINVAL, "%s: cases is NULL (count %lu)", fn,
                          (unsigned long)count);
    if (nfields && (!fields || (count && !values)))
        return jbw__error(JBW_EINVAL, "%s: %s is NULL", fn,
                          fields ? "values" : "fields");
    for (k = 0; k < nfields; k++) {
        const wc_field *f;
        jbw_status st = find_field(&f, &stride, fn, cases, count, fields[k]);
        if (st != JBW_OK)
            return st;
        if (f->form == WC_STRING)
            return jbw__error(JBW_EINVAL,
                              "%s: '%s' is a string field (set it with "
                              "jbw_wait_cases_set_text)",
                              fn, f->name);
        if (count && !values[k])
            return jbw__error(JBW_EINVAL, "%s: values[%lu] ('%s') is NULL", fn,
                              (unsigned long)k, f->name);
        offset[k] = f->offset;
    }
    for (start = 0; start < count; start += WC_BLOCK) {
        size_t end = count - start < WC_BLOCK ? count : start + WC_BLOCK;
        for (k = 0; k < nfields; k++) {
            char *rec = (char *)cases + start * stride + offset[k];
            const int32_t *v = values[k];
            size_t i;
            for (i = start; i < end; i++, rec += stride)
                memcpy(rec, &v[i], sizeof v[i]);
        }
    }
    return jbw__ok();
}
