/*
 * libjbw - the growable text buffer behind every writer, with the value
 * formats it appends: JSON strings and numbers, shortest round-trip
 * decimals, CSV fields and ISO dates.
 */
#include "base/fixed.h"
#include "data/date_internal.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(_WIN32)
#include <locale.h>
#else
#include <langinfo.h>
#endif

/* ---- string buffer --------------------------------------------------- */

int jbw__buf_grow(jbw__buf *b, size_t extra)
{
    void *data = b->data;
    if (!b->failed && extra < b->cap - b->len)
        return 0;
    if (b->failed)
        return -1;
    if (extra > SIZE_MAX - b->len - 1 ||
        jbw__grow(&data, &b->cap, b->len + extra + 1, 1) != 0) {
        b->failed = 1;
        return -1;
    }
    b->data = data;
    return 0;
}

void jbw__buf_append(jbw__buf *b, const char *s, size_t n)
{
    if (jbw__buf_reserve(b, n) != 0)
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void jbw__buf_puts(jbw__buf *b, const char *s)
{
    jbw__buf_append(b, s, strlen(s));
}

void jbw__buf_line(jbw__buf *b, const char *s)
{
    for (; s && *s; s++) {
        unsigned char ch = (unsigned char)*s;
        jbw__buf_putc(b, ch < 0x20 || ch == 0x7F ? ' ' : (char)ch);
    }
}

char *jbw__put_size(char *p, size_t v)
{
    return jbw__put_digits(p, (uint64_t)v);
}

char *jbw__put_long(char *p, long v)
{
    if (v < 0)
        *p++ = '-';
    /* the magnitude in unsigned arithmetic: -LONG_MIN does not fit */
    return jbw__put_digits(p, v < 0 ? 0ULL - (unsigned long long)v
                                    : (unsigned long long)v);
}

void jbw__buf_size(jbw__buf *b, size_t v)
{
    char *p = jbw__buf_room(b, JBW__PUT_INT_MAX);
    if (p)
        jbw__buf_commit(b, jbw__put_size(p, v));
}

void jbw__buf_long(jbw__buf *b, long v)
{
    char *p = jbw__buf_room(b, JBW__PUT_INT_MAX);
    if (p)
        jbw__buf_commit(b, jbw__put_long(p, v));
}

void jbw__buf_printf(jbw__buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || jbw__buf_reserve(b, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* A byte a JSON string cannot hold as it is. */
static int needs_escape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

/* Not 0 when any of the eight bytes of x needs an escape: the
 * word-at-a-time tests "has a byte less than 0x20" and "has a zero byte"
 * (on x with '"' and with '\\' xored away), exact as to whether one
 * exists. */
static uint64_t escape_bits(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ULL;
    const uint64_t highs = 0x8080808080808080ULL;
    uint64_t q = x ^ (ones * '"'), s = x ^ (ones * '\\');
    return (((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((s - ones) & ~s)) &
           highs;
}

/*
 * Copies s[0..n) to dst while no byte of it needs an escape (1); 0 as
 * soon as one does (dst then holds part of the copy). The bytes are read
 * and written eight at a time, the last word overlapping the one before;
 * fewer than 8 as two overlapping words of four, fewer than 4 one by one
 * (jbw__any_byte's reads).
 */
static int copy_plain(char *dst, const char *s, size_t n)
{
    uint64_t x;
    uint32_t lo, hi;
    size_t i;
    if (n < 4) {
        for (i = 0; i < n; i++) {
            if (needs_escape((unsigned char)s[i]))
                return 0;
            dst[i] = s[i];
        }
        return 1;
    }
    if (n < 8) {
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        if (escape_bits((uint64_t)lo | (uint64_t)hi << 32))
            return 0;
        memcpy(dst, &lo, 4);
        memcpy(dst + n - 4, &hi, 4);
        return 1;
    }
    for (i = 0; i + 8 < n; i += 8) {
        memcpy(&x, s + i, 8);
        if (escape_bits(x))
            return 0;
        memcpy(dst + i, &x, 8);
    }
    memcpy(&x, s + n - 8, 8);
    if (escape_bits(x))
        return 0;
    memcpy(dst + n - 8, &x, 8);
    return 1;
}

/* s[0..n) with every byte that needs it escaped: \" \\ \n \r \t, and
 * \u00XX (lower-case hex) for the other control characters. Out of line:
 * the usual string has none. */
static JBW__COLD char *put_escaped(char *p, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!needs_escape(c)) {
            *p++ = (char)c;
            continue;
        }
        *p++ = '\\';
        switch (c) {
        case '"':
        case '\\':
            *p++ = (char)c;
            break;
        case '\n':
            *p++ = 'n';
            break;
        case '\r':
            *p++ = 'r';
            break;
        case '\t':
            *p++ = 't';
            break;
        default:
            memcpy(p, "u00", 3);
            p[3] = hex[c >> 4];
            p[4] = hex[c & 15];
            p += 5;
        }
    }
    return p;
}

char *jbw__put_json_string(char *p, const char *s, size_t n)
{
    if (!s) {
        memcpy(p, "null", 4);
        return p + 4;
    }
    /* The usual string (a key, an id, a code) needs no escape: it is
     * copied as it is checked. */
    *p++ = '"';
    if (JBW__LIKELY(copy_plain(p, s, n)))
        p += n;
    else
        p = put_escaped(p, s, n);
    *p++ = '"';
    return p;
}

void jbw__buf_json_string(jbw__buf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    char *p = jbw__buf_room(b, jbw__json_string_room(n));
    if (p)
        jbw__buf_commit(b, jbw__put_json_string(p, s, n));
}

/*
 * The C library formats and parses numbers in the host's LC_NUMERIC
 * locale, which a host program may have set to one with a decimal comma.
 * libjbw's files always use '.', so numbers are converted from and to the
 * locale's decimal point at the boundary.
 */
char jbw__decimal_point(void)
{
#if defined(_WIN32)
    const struct lconv *lc = localeconv();
    return lc && lc->decimal_point && lc->decimal_point[0]
               ? lc->decimal_point[0]
               : '.';
#else
    /* nl_langinfo is MT-safe (unlike localeconv) and costs a lookup, not a
     * formatted print: the CSV reader asks once per number. */
    const char *dp = nl_langinfo(RADIXCHAR);
    return dp && dp[0] ? dp[0] : '.';
#endif
}

static void to_dot(char *s, char dp)
{
    if (dp != '.')
        for (; *s; s++)
            if (*s == dp)
                *s = '.';
}

void jbw__buf_double(jbw__buf *b, double v)
{
    char tmp[48];
    char dp = jbw__decimal_point();
    int prec;
    if (!isfinite(v)) {
        jbw__buf_puts(b, isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf"));
        return;
    }
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    to_dot(tmp, dp);
    jbw__buf_puts(b, tmp);
}

void jbw__buf_g(jbw__buf *b, double v)
{
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%g", v);
    to_dot(tmp, jbw__decimal_point());
    jbw__buf_puts(b, tmp);
}

void jbw__buf_fixed(jbw__buf *b, double v, int decimals, int width)
{
    char tmp[JBW__FIXED_SHORT];
    size_t n = jbw__fixed(tmp, sizeof tmp, v, decimals);
    size_t pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    if (jbw__buf_reserve(b, pad + n) != 0)
        return;
    memset(b->data + b->len, ' ', pad);
    b->len += pad;
    if (n < sizeof tmp)
        memcpy(b->data + b->len, tmp, n);
    else /* above 2^63 or many decimals: written again, in place */
        jbw__fixed(b->data + b->len, n + 1, v, decimals);
    b->len += n;
    b->data[b->len] = '\0';
}

void jbw__buf_json_number(jbw__buf *b, double v, int decimals)
{
    /* straight into the buffer, trimmed as it is written (fixed.c) */
    if (jbw__buf_reserve(b, JBW__JSON_NUMBER_MAX) != 0)
        return;
    b->len = (size_t)(jbw__fixed_json(b->data + b->len, v, decimals) - b->data);
    b->data[b->len] = '\0';
}

void jbw__buf_csv_field(jbw__buf *b, const char *s)
{
    const char *p;
    if (!s)
        return;
    if (!strpbrk(s, ",;\"\r\n")) {
        jbw__buf_puts(b, s);
        return;
    }
    jbw__buf_putc(b, '"');
    for (p = s; *p; p++) {
        if (*p == '"')
            jbw__buf_putc(b, '"');
        jbw__buf_putc(b, *p);
    }
    jbw__buf_putc(b, '"');
}

/* A CSV cell holding a number: the delimiter, then the number with up
 * to `dec` decimals; nothing after the delimiter when not finite. */
void jbw__csv_num(jbw__buf *b, double v, int dec)
{
    jbw__buf_putc(b, ',');
    if (isfinite(v))
        jbw__buf_json_number(b, v, dec);
}

char *jbw__put_date(char *p, jbw_date d)
{
    /* not jbw_date_format(): writers put a date in every row, and the
     * public function also keeps the error state */
    if (d == JBW_DATE_NONE || !jbw__date_in_range(d))
        return p;
    jbw__date_iso(p, d);
    return p + 10;
}

void jbw__buf_date(jbw__buf *b, jbw_date d)
{
    char *p;
    if (d == JBW_DATE_NONE || !jbw__date_in_range(d) ||
        !(p = jbw__buf_room(b, JBW__PUT_DATE_MAX)))
        return;
    jbw__buf_commit(b, jbw__put_date(p, d));
}

jbw_status jbw__buf_finish(jbw__buf *b, char **out, size_t *len)
{
    if (b->failed || jbw__buf_reserve(b, 0) != 0) {
        jbw__buf_free(b);
        return jbw__enomem();
    }
    b->data[b->len] = '\0';
    *out = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return JBW_OK;
}

void jbw__buf_free(jbw__buf *b)
{
    jbw__free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}
