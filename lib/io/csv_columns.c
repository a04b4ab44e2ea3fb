/*
 * libjbw - the columns of a CSV header (io/csv.h): finding the wanted
 * names in it (trimmed, ASCII case-blind), the messages when one is
 * missing, unknown or given twice, and the width of each row against
 * it, nameless trailing columns included.
 */
#include "io/csv.h"

#include <stdio.h>
#include <string.h>

static int name_eq(const char *name, const char *want)
{
    return jbw__name_eq_n(name, strlen(name), want);
}

static int header_has(const jbw__csv *c, const char *want);

/* Lists the wanted names for the unknown-column message; with `absent`,
 * only those that the header of `absent` lacks. */
static void list_names(char *dst, size_t size, const char *const *names,
                       size_t n, const jbw__csv *absent)
{
    size_t i, k = 0;
    dst[0] = '\0';
    for (i = 0; i < n && k + 1 < size; i++) {
        int w;
        if (absent && header_has(absent, names[i]))
            continue;
        w = snprintf(dst + k, size - k, "%s%s", k ? ", " : "", names[i]);
        if (w < 0)
            break;
        k += (size_t)w;
    }
}

/* Appends "'item'" to dst (size bytes, *len used) after `sep`; 0 when it
 * does not fit, and then nothing is appended. */
static int append_quoted(char *dst, size_t size, size_t *len, const char *sep,
                         const char *item)
{
    char shown[72];
    int w;
    jbw__csv_quote(shown, sizeof shown, item, strlen(item));
    w = snprintf(dst + *len, size - *len, "%s'%s'", sep, shown);
    if (w < 0 || (size_t)w >= size - *len) {
        dst[*len] = '\0';
        return 0;
    }
    *len += (size_t)w;
    return 1;
}

/* The separator before item i of `count` in a list "a, b and c". */
static const char *list_sep(size_t i, size_t count)
{
    return i == 0 ? "" : i + 1 == count ? " and " : ", ";
}

/* Whether a header name is `want` (ASCII case-insensitively). */
static int header_has(const jbw__csv *c, const char *want)
{
    size_t h;
    for (h = 0; h < c->name_count; h++)
        if (name_eq(jbw__csv_name(c, h), want))
            return 1;
    return 0;
}

/*
 * The required columns that no header name gives, for a message:
 * "required column 'id' is missing", "required columns 'id' and 'start'
 * are missing" in dst; returns how many, 0 (dst "") when none.
 */
static size_t missing_required(char *dst, size_t size, const jbw__csv *c,
                               const char *const *names,
                               const unsigned char *required, size_t n)
{
    char list[200];
    size_t k, count = 0, i = 0, len = 0;
    for (k = 0; k < n; k++)
        count += required[k] && !header_has(c, names[k]);
    dst[0] = list[0] = '\0';
    for (k = 0; k < n && count; k++)
        if (required[k] && !header_has(c, names[k]))
            append_quoted(list, sizeof list, &len, list_sep(i++, count),
                          names[k]);
    if (count)
        snprintf(dst, size, "required column%s %s %s missing",
                 count == 1 ? "" : "s", list, count == 1 ? "is" : "are");
    return count;
}

/*
 * The header's names that are no wanted column, for a message: "unknown
 * column 'X'" or "unknown columns 'X', 'Y' and 'Z'" in dst (cut with
 * ", …" when they do not fit).
 */
static void unknown_names(char *dst, size_t size, const jbw__csv *c,
                          const char *const *names, size_t n)
{
    char list[200];
    size_t h, k, count = 0, i = 0, len = 0;
    for (h = 0; h < c->name_count; h++) {
        const char *nm = jbw__csv_name(c, h);
        for (k = 0; k < n && !name_eq(nm, names[k]); k++)
            ;
        count += *nm && k == n;
    }
    list[0] = '\0';
    for (h = 0; h < c->name_count; h++) {
        const char *nm = jbw__csv_name(c, h);
        for (k = 0; k < n && !name_eq(nm, names[k]); k++)
            ;
        if (!*nm || k < n)
            continue;
        /* room for ", …" is kept back for a list that is cut */
        if (!append_quoted(list, sizeof list - 6, &len, list_sep(i++, count),
                           nm)) {
            snprintf(list + len, sizeof list - len, ", \xE2\x80\xA6");
            break;
        }
    }
    snprintf(dst, size, "unknown column%s %s", count == 1 ? "" : "s", list);
}

jbw_status jbw__csv_columns(size_t *index, jbw__csv *c,
                            const char *const *names,
                            const unsigned char *required, size_t n,
                            int allow_unknown)
{
    size_t h, k, named = c->name_count;
    char shown[72], known[400], missing[300], unknown[240];
    for (k = 0; k < n; k++)
        index[k] = JBW__CSV_ABSENT;
    /* named: the fields up to the last one with a name. Those after it
     * are the columns Excel writes when cells to the right were touched:
     * no column, as long as the rows leave them empty. */
    while (named > 0 && !*jbw__csv_name(c, named - 1))
        named--;
    c->nameless_from = 0;
    if (named > 0 && named < c->name_count && !allow_unknown)
        c->nameless_from = named;
    for (h = 0; h < named; h++) {
        const char *nm = jbw__csv_name(c, h);
        jbw__csv_quote(shown, sizeof shown, nm, strlen(nm));
        for (k = 0; k < n && !name_eq(nm, names[k]); k++)
            ;
        if (k < n) {
            if (index[k] != JBW__CSV_ABSENT) {
                /* One of the two may be meant as a required column that
                 * is missing ('Kind', Dutch for child, beside kind). */
                size_t count = missing_required(missing, sizeof missing, c,
                                                names, required, n);
                return jbw__error(JBW_EPARSE,
                                  "%s line %zu: column '%s' occurs twice "
                                  "(fields %zu and %zu)%s%s%s",
                                  c->source, c->record_line, shown,
                                  index[k] + 1, h + 1, count ? "; " : "",
                                  missing,
                                  !count       ? ""
                                  : count == 1 ? ": is one of the two meant "
                                                 "as that column?"
                                               : ": is one of the two meant "
                                                 "as one of those columns?");
            }
            index[k] = h;
        } else if (strchr(nm, '\t')) {
            /* a tab-separated file reads as one column named by all */
            return jbw__error(JBW_EPARSE,
                              "%s line %zu: the header holds tabs: a "
                              "tab-separated file is not read; save it as "
                              "CSV with ',' or ';' between the fields",
                              c->source, c->record_line);
        } else if (!allow_unknown) {
            if (!*nm)
                return jbw__error(JBW_EPARSE,
                                  "%s line %zu: field %zu of the header has "
                                  "no column name",
                                  c->source, c->record_line, h + 1);
            if (missing_required(missing, sizeof missing, c, names, required,
                                 n)) {
                /* Renamed columns (a Dutch header): the missing ones are
                 * among the unknown ones, which allowing unknown columns
                 * would not mend. */
                unknown_names(unknown, sizeof unknown, c, names, n);
                list_names(known, sizeof known, names, n, c);
                return jbw__error(JBW_EPARSE,
                                  "%s line %zu: %s, and the header has %s: "
                                  "rename the ones that hold them (known, "
                                  "not in the header: %s)",
                                  c->source, c->record_line, missing, unknown,
                                  known);
            }
            list_names(known, sizeof known, names, n, NULL);
            return jbw__error(JBW_EPARSE,
                              "%s line %zu: unknown column '%s' (known: %s)",
                              c->source, c->record_line, shown, known);
        }
    }
    for (k = 0; k < n; k++)
        if (required[k] && index[k] == JBW__CSV_ABSENT)
            return jbw__error(JBW_EPARSE,
                              "%s line %zu: required column '%s' is missing",
                              c->source, c->record_line, names[k]);
    return JBW_OK;
}

/* The first field from c->nameless_from that holds a value, named. */
static jbw_status csv_check_nameless(const jbw__csv *c)
{
    size_t i;
    for (i = c->nameless_from; i < c->count; i++)
        if (c->lens[i] > 0) {
            char shown[64];
            jbw__csv_quote(shown, sizeof shown, c->ptrs[i], c->lens[i]);
            return jbw__csv_error(c, JBW__CSV_ABSENT, JBW_EPARSE,
                                  "field %zu has a value but the header "
                                  "gives it no column name: '%s'",
                                  i + 1, shown);
        }
    return JBW_OK;
}

jbw_status jbw__csv_check_width(const jbw__csv *c)
{
    if (c->count == c->name_count)
        return JBW__UNLIKELY(c->nameless_from) ? csv_check_nameless(c) : JBW_OK;
    return jbw__csv_error(c, JBW__CSV_ABSENT, JBW_EPARSE,
                          "%zu field%s where the header has %zu", c->count,
                          c->count == 1 ? "" : "s", c->name_count);
}
