/*
 * libjbw - the values of CSV fields: text, dates, whole and decimal
 * numbers and the enum codes of measures.csv, each with an error naming
 * the file, line, column and value.
 */
#include "io/io_internal.h"

#include <float.h>
#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* Field values                                                            */
/* ====================================================================== */

/*
 * A date followed by a time (s[0..n), the date d[0..dn)), as Excel writes
 * a date cell: the date when the time is midnight (0:00, 00:00, with :00
 * or not), which is what Excel writes for a date; any other time is
 * refused, saying what to write.
 */
static jbw_status date_with_time(jbw_date *out, const jbw__csv *c, size_t col,
                                 const char *s, size_t n, const char *d,
                                 size_t dn, int midnight)
{
    char shown[IO_SHOWN], date[IO_SHOWN];
    jbw_status st = jbw_date_parse(out, d, dn);
    if (st != JBW_OK) /* the detail quotes the date before the time */
        return jbw__csv_error(c, col, st, "%s", jbw_last_error());
    if (midnight)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, s, n);
    jbw__csv_quote(date, sizeof date, d, dn);
    return jbw__csv_error(c, col, JBW_EPARSE,
                          "a time of day is not allowed in a date (only the "
                          "00:00 Excel writes after a date); write the date "
                          "alone, %s: '%s'",
                          date, shown);
}

/*
 * A date that is not in an exact form (jbw__date_parse_exact()): a date
 * followed by a time (Excel's date cells, date_with_time()), spaces
 * around a quoted date, or no date, which the date module explains. Out
 * of line, so that the exact forms, the bulk of a file's dates, pay
 * nothing for it.
 */
static JBW__COLD jbw_status date_not_exact(jbw_date *out, const jbw__csv *c,
                                           size_t col, const char *s, size_t n)
{
    size_t at, dn;
    int midnight;
    jbw_status st;
    if (jbw__date_time_split(s, n, &at, &dn, &midnight)) {
        if (midnight && jbw__date_parse_exact(out, s + at, dn))
            return JBW_OK;
        return date_with_time(out, c, col, s, n, s + at, dn, midnight);
    }
    st = jbw_date_parse(out, s, n);
    if (st != JBW_OK) /* the date module's detail quotes the value */
        return jbw__csv_error(c, col, st, "%s", jbw_last_error());
    return JBW_OK;
}

/* A date column; empty gives JBW_DATE_NONE unless `required`. A date
 * followed by a time of midnight is the date (date_with_time()). All of
 * jbw__io_date(), whose inline part (io_internal.h) reads the usual
 * fields without a call. */
jbw_status jbw__io_date_other(jbw_date *out, const jbw__csv *c, size_t col,
                              int required)
{
    size_t n;
    const char *s = jbw__io_text(c, col, &n);
    if (!s || n == 0) {
        if (required)
            return jbw__csv_error(c, col, JBW_EPARSE, "a date is required");
        *out = JBW_DATE_NONE;
        return JBW_OK;
    }
    /* The exact forms, the bulk of a file's dates, skip the general
     * parser's steps (and its detail bookkeeping). */
    if (jbw__date_parse_exact(out, s, n))
        return JBW_OK;
    return date_not_exact(out, c, col, s, n);
}

/* The codes an enum accepts, for messages ("unknown, safe, ..."). */
typedef const char *(*code_name_fn)(int value);

static const char *kind_code(int v)
{
    return jbw_kind_code((jbw_kind)v);
}
static const char *safety_code(int v)
{
    return jbw_safety_code((jbw_safety)v);
}
static const char *placement_code(int v)
{
    return jbw_placement_code((jbw_placement)v);
}
static const char *jr_risk_code(int v)
{
    return jbw_jr_risk_code((jbw_jr_risk)v);
}
static const char *yesno_code(int v)
{
    return jbw_yesno_code((jbw_yesno)v);
}
static const char *band_code(int v)
{
    return jbw_band_code((jbw_band)v);
}

static void list_codes(char *dst, size_t size, code_name_fn fn)
{
    size_t k = 0;
    int v;
    dst[0] = '\0';
    for (v = 0; v < 64 && fn(v) && k + 1 < size; v++) {
        int w = snprintf(dst + k, size - k, "%s%s", v ? ", " : "", fn(v));
        if (w < 0)
            break;
        k += (size_t)w;
    }
}

/* The memo's slot of s[0..n) (key `key`), or -1. */
static int memo_find(const jbw__io_memo *memo, const uint64_t key[3], size_t n)
{
    unsigned k;
    for (k = 0; k < IO_MEMO_SLOTS; k++)
        if (jbw__io_memo_is(memo, k, key, n))
            return (int)k;
    return -1;
}

static void memo_keep(jbw__io_memo *memo, const uint64_t key[3], size_t n,
                      int value)
{
    unsigned k = memo->next;
    memcpy(memo->key[k], key, sizeof memo->key[k]);
    memo->len[k] = n;
    memo->value[k] = value;
    memo->next = (k + 1) % IO_MEMO_SLOTS;
}

/* The message for a code the enum column does not know. Apart from
 * jbw__io_enum_value() so that its buffers cost the usual case nothing. */
static jbw_status enum_error(const jbw__csv *c, size_t col, jbw__io_enum which,
                             const char *s, size_t n)
{
    static const char *const what[] = {"a measure kind",     "a safety code",
                                       "a placement code",   "a jr_risk code",
                                       "yes, no or unknown", "a band"};
    static const code_name_fn codes[] = {kind_code,      safety_code,
                                         placement_code, jr_risk_code,
                                         yesno_code,     band_code};
    char shown[IO_SHOWN], list[256];
    jbw__csv_quote(shown, sizeof shown, s, n);
    list_codes(list, sizeof list, codes[which]);
    return jbw__csv_error(c, col, JBW_EPARSE, "not %s (%s): '%s'", what[which],
                          list, shown);
}

/*
 * An enum column; empty gives 0 (the "unknown"/"none" default) except for
 * kind, which is required. All of jbw__io_enum_value(), whose inline part
 * (io_internal.h) reads the usual fields without a call.
 */
jbw_status jbw__io_enum_other(int *out, jbw__io_memo *memo, const jbw__csv *c,
                              size_t col, jbw__io_enum which)
{
    size_t n;
    const char *s = jbw__io_text(c, col, &n);
    jbw_status st = JBW_EPARSE;
    uint64_t key[3];
    int k;
    if (!s || n == 0) {
        if (which == IO_KIND)
            return jbw__csv_error(c, col, JBW_EPARSE,
                                  "a measure kind is required");
        *out = which == IO_BAND ? -1 : 0;
        return JBW_OK;
    }
    if (n <= IO_MEMO_MAX) {
        jbw__io_memo_key(key, s, n);
        if ((k = memo_find(memo, key, n)) >= 0) {
            *out = memo->value[k];
            return JBW_OK;
        }
    }
    switch (which) {
    case IO_KIND: {
        jbw_kind v;
        st = jbw_kind_from_code(&v, s, n);
        if (st == JBW_OK)
            *out = (int)v;
        break;
    }
    case IO_SAFETY: {
        jbw_safety v;
        st = jbw_safety_from_code(&v, s, n);
        if (st == JBW_OK)
            *out = (int)v;
        break;
    }
    case IO_PLACEMENT: {
        jbw_placement v;
        st = jbw_placement_from_code(&v, s, n);
        if (st == JBW_OK)
            *out = (int)v;
        break;
    }
    case IO_JR_RISK: {
        jbw_jr_risk v;
        st = jbw_jr_risk_from_code(&v, s, n);
        if (st == JBW_OK)
            *out = (int)v;
        break;
    }
    case IO_YESNO: {
        jbw_yesno v;
        st = jbw_yesno_from_code(&v, s, n);
        if (st == JBW_OK)
            *out = (int)v;
        break;
    }
    case IO_BAND: {
        jbw_band v;
        st = jbw_band_from_code(&v, s, n);
        if (st == JBW_OK)
            *out = (int)v;
        break;
    }
    }
    if (st == JBW_OK) {
        if (n <= IO_MEMO_MAX)
            memo_keep(memo, key, n, *out);
        return JBW_OK;
    }
    return enum_error(c, col, which, s, n);
}

/* previous_workers: a whole number; empty is 0. */
jbw_status jbw__io_int(int *out, const jbw__csv *c, size_t col)
{
    char shown[IO_SHOWN];
    size_t n;
    const char *s = jbw__io_text(c, col, &n);
    long long v;
    size_t i;
    if (!s || n == 0) {
        *out = 0;
        return JBW_OK;
    }
    /* A few plain digits, the usual case, need no strtoll. */
    for (i = 0, v = 0; i < n && n <= 6 && s[i] >= '0' && s[i] <= '9'; i++)
        v = v * 10 + (s[i] - '0');
    if (i == n && n <= 6) {
        *out = (int)v;
        return JBW_OK;
    }
    jbw__csv_quote(shown, sizeof shown, s, n);
    if (jbw__parse_int(&v, s, n) != 0) {
        /* Digits after an optional sign are a whole number that was too
         * long to parse: beyond the range with more than 7 digits after
         * the leading zeros, else read here (000...01 is 1). */
        size_t sign = n > 0 && (s[0] == '-' || s[0] == '+'), k = sign, first;
        while (k < n && s[k] == '0')
            k++;
        first = k;
        while (k < n && s[k] >= '0' && s[k] <= '9')
            k++;
        if (k != n || n == sign)
            return jbw__csv_error(c, col, JBW_EPARSE,
                                  "not a whole number: '%s'", shown);
        if (n - first > 7)
            return jbw__csv_error(c, col, JBW_ERANGE,
                                  "out of range -1000000..1000000: '%s'",
                                  shown);
        for (v = 0, k = first; k < n; k++)
            v = v * 10 + (s[k] - '0');
        if (s[0] == '-')
            v = -v;
    }
    if (v < -1000000 || v > 1000000)
        return jbw__csv_error(c, col, JBW_ERANGE,
                              "out of range -1000000..1000000: '%s'", shown);
    *out = (int)v;
    return JBW_OK;
}

/*
 * A plain decimal s[0..n): digits, or digits, a point and digits, at most
 * 15 digits in all (0.9, 1; 0,75 when `comma`, a ';' file): 1 and *out
 * set; else 0, and jbw__parse_double() reads it or refuses it. The digits
 * without the point are a whole number below 2^53 and the power of ten
 * is exact, so their quotient, rounded once, is the correctly rounded
 * value, which strtod() gives too (jbw__parse_double()): the same double
 * for a far smaller cost. Only where doubles are computed as doubles
 * (FLT_EVAL_METHOD 0), not in x87 registers.
 */
static int plain_decimal(double *out, const char *s, size_t n, int comma)
{
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    static const double ten[16] = {1e0,  1e1,  1e2,  1e3, 1e4,  1e5,
                                   1e6,  1e7,  1e8,  1e9, 1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15};
    uint64_t m = 0;
    size_t i, at = n;
    char alt = comma ? ',' : '.';
    if (n == 0 || n > 15)
        return 0;
    for (i = 0; i < n; i++) {
        unsigned d = (unsigned char)s[i] - 48u;
        if (d <= 9u)
            m = m * 10u + d;
        else if ((s[i] != '.' && s[i] != alt) || at != n || i == 0 ||
                 i + 1 == n)
            return 0;
        else
            at = i;
    }
    *out = (double)m / ten[at == n ? 0 : n - at - 1];
    return 1;
#else
    (void)out, (void)s, (void)n, (void)comma;
    return 0;
#endif
}

/* fte: a number, with a decimal comma in ';' files. */
jbw_status jbw__io_number(double *out, const jbw__csv *c, size_t col)
{
    char shown[IO_SHOWN];
    size_t n;
    const char *s = jbw__io_text(c, col, &n);
    if (!s || n == 0)
        return jbw__csv_error(c, col, JBW_EPARSE, "a number is required");
    if (plain_decimal(out, s, n, c->delim == ';'))
        return JBW_OK;
    if (jbw__parse_double(out, s, n, c->delim == ';') == 0)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, s, n);
    return jbw__csv_error(c, col, JBW_EPARSE, "not a number%s: '%s'",
                          c->delim == ',' && memchr(s, ',', n)
                              ? " (a decimal comma is read only in files "
                                "delimited by ';')"
                              : "",
                          shown);
}
