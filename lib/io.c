/*
 * libjbw - CSV import and export: the tokenizer (csv_internal.h), the
 * measures / workers / registry readers and writers, and whole-file
 * reading and atomic writing. The formats are in docs/formats.md.
 */
#include "csv_internal.h"
#include "snapshot_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#include <emmintrin.h>
#define JBW__CSV_SSE2 1
#endif

#if defined(_WIN32)
#include <io.h>
#include <process.h>
#include <windows.h>
#else
#include <unistd.h>
#endif

/* ====================================================================== */
/* Tokenizer                                                               */
/* ====================================================================== */

/*
 * Byte classes for the scanning loops: 0 ordinary, 1 a byte the loops
 * must look at (NUL, LF, CR, '"', ',', ';'), 2 the lead or continuation
 * byte of a multi-byte UTF-8 sequence. A constant table, not state.
 */
/* clang-format off */
#define JBW__C0 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
#define JBW__C2 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2
static const unsigned char jbw__csv_class[256] = {
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, /* NUL, LF, CR */
    JBW__C0,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* '"', ',' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, /* ';' */
    JBW__C0, JBW__C0, JBW__C0, JBW__C0,
    JBW__C2, JBW__C2, JBW__C2, JBW__C2, JBW__C2, JBW__C2, JBW__C2, JBW__C2,
};
#undef JBW__C0
#undef JBW__C2
/* clang-format on */

/*
 * The first byte at or after q that the classes flag, or end. With SSE2
 * (every x86-64) sixteen bytes are tested at once: fields are short, and
 * a byte loop spends more on its bookkeeping than on the test. The text
 * is never read past end.
 */
#if defined(__GNUC__) || defined(__clang__)
/* Inlined into the field loops, the vector constants stay in registers. */
#define JBW__CSV_INLINE __attribute__((always_inline)) inline
#else
#define JBW__CSV_INLINE
#endif

static JBW__CSV_INLINE const unsigned char *
jbw__csv_scan(const unsigned char *q, const unsigned char *end)
{
#if defined(JBW__CSV_SSE2)
    while (end - q >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
        __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_setzero_si128()),
                         _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
                         _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))));
        unsigned mask;
        hit = _mm_or_si128(hit,
                           _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')),
                                        _mm_cmpeq_epi8(v, _mm_set1_epi8(';'))));
        /* Class 2 (bytes from 0x80) is the top bit, which the mask takes
         * from v itself. */
        mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(hit, v));
        if (mask)
            return q + __builtin_ctz(mask);
        q += 16;
    }
#endif
    while (q < end && !jbw__csv_class[*q])
        q++;
    return q;
}

/*
 * Length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), or 0
 * when it is malformed: overlong forms, surrogates and code points above
 * U+10FFFF are rejected as RFC 3629 requires.
 */
static size_t jbw__utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned char b0 = p[0], lo = 0x80, hi = 0xBF;
    size_t n, i;
    if (b0 >= 0xC2 && b0 <= 0xDF)
        n = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if ((size_t)(end - p) < n || p[1] < lo || p[1] > hi)
        return 0;
    for (i = 2; i < n; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return n;
}

void jbw__csv_quote(char *dst, size_t size, const char *s, size_t n)
{
    size_t room = size - 4, i, k = 0;
    int cut = 0;
    if (n > room) {
        /* Back up to the start of a character so the message stays UTF-8. */
        n = room;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        cut = 1;
    }
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        dst[k++] = ch < 0x20 || ch == 0x7F ? '?' : (char)ch;
    }
    if (cut) {
        memcpy(dst + k, "...", 3);
        k += 3;
    }
    dst[k] = '\0';
}

/* The header name of column col, or "" when the header has no such one. */
static const char *jbw__csv_name(const jbw__csv *c, size_t col)
{
    return col < c->name_count ? c->names + c->name_offs[col] : "";
}

jbw_status jbw__csv_error(const jbw__csv *c, size_t col, jbw_status status,
                          const char *fmt, ...)
{
    char msg[384], name[72];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (col == JBW__CSV_ABSENT)
        return jbw__error(status, "%s line %zu: %s", c->source, c->record_line,
                          msg);
    if (col < c->name_count) {
        const char *nm = jbw__csv_name(c, col);
        jbw__csv_quote(name, sizeof name, nm, strlen(nm));
        return jbw__error(status, "%s line %zu, column '%s': %s", c->source,
                          c->record_line, name, msg);
    }
    return jbw__error(status, "%s line %zu, field %zu: %s", c->source,
                      c->record_line, col + 1, msg);
}

/* Makes room for `extra` more bytes in the quoted-field buffer. */
static int jbw__csv_reserve(jbw__csv *c, size_t extra)
{
    void *p = c->buf;
    if (extra > SIZE_MAX - c->buf_len - 1)
        return -1;
    if (jbw__grow(&p, &c->buf_cap, c->buf_len + extra + 1, 1) != 0)
        return -1;
    c->buf = p;
    return 0;
}

static int jbw__csv_append(jbw__csv *c, const char *s, size_t n)
{
    if (c->buf_len + n + 1 > c->buf_cap && jbw__csv_reserve(c, n) != 0)
        return -1;
    if (n)
        memcpy(c->buf + c->buf_len, s, n);
    c->buf_len += n;
    return 0;
}

/* Grows the per-field arrays by one field or more. */
static int jbw__csv_grow_fields(jbw__csv *c)
{
    size_t cap = c->field_cap, need = c->field_cap + 1;
    void *p = c->ptrs, *l = c->lens, *o = c->offs;
    if (jbw__grow(&p, &cap, need, sizeof(const char *)) != 0)
        return -1;
    c->ptrs = p;
    cap = c->field_cap;
    if (jbw__grow(&l, &cap, need, sizeof(size_t)) != 0)
        return -1;
    c->lens = l;
    cap = c->field_cap;
    if (jbw__grow(&o, &cap, need, sizeof(size_t)) != 0)
        return -1;
    c->offs = o;
    c->field_cap = cap;
    return 0;
}

/* The error for a byte the classes flag inside a field. */
static jbw_status jbw__csv_bad_byte(const jbw__csv *c, const char *field,
                                    const char *at)
{
    size_t col = c->count - 1;
    if (*at == '\0')
        return jbw__csv_error(c, col, JBW_EPARSE,
                              "NUL byte (a UTF-16 file? save it as UTF-8)");
    return jbw__csv_error(c, col, JBW_EPARSE,
                          "invalid UTF-8 (byte 0x%02X at byte %zu of the "
                          "field; save the file as UTF-8)",
                          (unsigned)(unsigned char)*at,
                          (size_t)(at - field) + 1);
}

/*
 * Inside the unquoted field that starts at `field`, *qq is a byte the
 * classes flag that does not end the field: the other delimiter (data),
 * or a multi-byte UTF-8 character, are stepped over; a quote, a NUL or
 * invalid UTF-8 is the error. c->count includes the field.
 */
static jbw_status jbw__csv_unquoted_byte(const jbw__csv *c,
                                         const unsigned char *field,
                                         const unsigned char **qq)
{
    const unsigned char *q = *qq;
    size_t n;
    if (*q == ',' || *q == ';') {
        *qq = q + 1;
        return JBW_OK;
    }
    if (*q == '"')
        return jbw__csv_error(c, c->count - 1, JBW_EPARSE,
                              "a quote inside an unquoted field (quote "
                              "the whole field and double the quote)");
    if (*q == '\0')
        return jbw__csv_bad_byte(c, (const char *)field, (const char *)q);
    n = jbw__utf8_len(q, (const unsigned char *)c->end);
    if (!n)
        return jbw__csv_bad_byte(c, (const char *)field, (const char *)q);
    *qq = q + n;
    return JBW_OK;
}

/*
 * Scans a quoted field whose opening quote is at *pp, undoubling quotes
 * and counting the line ends inside it; leaves *pp after the closing
 * quote and any spaces that follow it.
 */
static jbw_status jbw__csv_quoted(jbw__csv *c, const char **pp)
{
    const unsigned char *q = (const unsigned char *)*pp + 1;
    const unsigned char *end = (const unsigned char *)c->end, *seg = q;
    const char *field = (const char *)q;
    size_t start_line = c->line, i = c->count - 1;
    c->offs[i] = c->buf_len;
    for (;;) {
        q = jbw__csv_scan(q, end);
        if (q == end) {
            char name[72];
            const char *nm = jbw__csv_name(c, c->count - 1);
            jbw__csv_quote(name, sizeof name, nm, strlen(nm));
            return jbw__error(JBW_EPARSE,
                              "%s line %zu: the quoted field%s%s%s that "
                              "starts here never ends (a missing '\"')",
                              c->source, start_line, *nm ? " '" : "", name,
                              *nm ? "'" : "");
        }
        if (*q == '"') {
            /* A closing quote ends the segment; a doubled one keeps one. */
            int doubled = q + 1 < end && q[1] == '"';
            if (jbw__csv_append(c, (const char *)seg,
                                (size_t)(q - seg) + (doubled ? 1u : 0u)) != 0)
                return jbw__enomem();
            q += doubled ? 2 : 1;
            seg = q;
            if (!doubled)
                break;
        } else if (*q == '\n') {
            c->line++;
            q++;
        } else if (*q == ',' || *q == ';' || *q == '\r') {
            q++;
        } else if (*q == '\0') {
            return jbw__csv_bad_byte(c, field, (const char *)q);
        } else {
            size_t n = jbw__utf8_len(q, end);
            if (!n)
                return jbw__csv_bad_byte(c, field, (const char *)q);
            q += n;
        }
    }
    /* The text lives in buf, which may still move: the record's end
     * turns the offset into a pointer. */
    c->ptrs[i] = NULL;
    c->lens[i] = c->buf_len - c->offs[i];
    while (q < end && (*q == ' ' || *q == '\t'))
        q++;
    if (q < end && *q != (unsigned char)c->delim && *q != '\n' && *q != '\r') {
        char v[24];
        jbw__csv_quote(v, sizeof v, (const char *)q, (size_t)(end - q));
        return jbw__csv_error(c, c->count - 1, JBW_EPARSE,
                              "text after the closing quote: '%s'", v);
    }
    *pp = (const char *)q;
    return JBW_OK;
}

/*
 * Reads one record into the field buffer. *blank is 1 when it held
 * nothing but spaces and delimiters.
 *
 * An unquoted field is recorded, trimmed of spaces and tabs, where it
 * lies in the text (no copy); a quoted one goes to jbw__csv_quoted().
 * The loop keeps the record's state in locals: fields are short, and
 * per-field bookkeeping is most of the work.
 */
static jbw_status jbw__csv_record(jbw__csv *c, int *blank)
{
    const unsigned char *p = (const unsigned char *)c->pos;
    const unsigned char *const end = (const unsigned char *)c->end;
    const unsigned char delim = (unsigned char)c->delim;
    const char **ptrs = c->ptrs;
    size_t *lens = c->lens;
    size_t count = 0, cap = c->field_cap, i;
    int content = 0, quoted = 0;
    c->count = 0;
    c->buf_len = 0;
    c->record_line = c->line;
    for (;;) {
        const unsigned char *q, *e;
        jbw_status st;
        int in_quotes;
        if (JBW__UNLIKELY(count == cap)) {
            if (jbw__csv_grow_fields(c) != 0)
                return jbw__enomem();
            ptrs = c->ptrs;
            lens = c->lens;
            cap = c->field_cap;
        }
        c->count = ++count; /* messages name field count - 1 */
        /* Leading spaces, tabs and an opening quote are all <= '"'. */
        in_quotes = 0;
        if (JBW__UNLIKELY(p < end && *p <= '"')) {
            while (p < end && (*p == ' ' || *p == '\t'))
                p++;
            in_quotes = p < end && *p == '"';
        }
        if (in_quotes) {
            const char *pp = (const char *)p;
            content = quoted = 1;
            if ((st = jbw__csv_quoted(c, &pp)) != JBW_OK)
                return st;
            p = (const unsigned char *)pp;
        } else {
            q = jbw__csv_scan(p, end);
            while (q < end && *q != delim && *q != '\n' && *q != '\r') {
                if ((st = jbw__csv_unquoted_byte(c, p, &q)) != JBW_OK)
                    return st;
                q = jbw__csv_scan(q, end);
            }
            e = q;
            if (e > p) {
                if (JBW__UNLIKELY(e[-1] == ' ' || e[-1] == '\t'))
                    while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
                        e--;
                if (e > p)
                    content = 1;
            }
            ptrs[count - 1] = (const char *)p;
            lens[count - 1] = (size_t)(e - p);
            p = q;
        }
        if (p == end)
            break;
        if (*p == delim) {
            p++;
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == end || p[1] != '\n')
                return jbw__csv_error(c, JBW__CSV_ABSENT, JBW_EPARSE,
                                      "a carriage return without a line "
                                      "feed (lines must end in LF or CRLF)");
            p++;
        }
        p++; /* the LF */
        c->line++;
        break;
    }
    for (i = 0; quoted && i < count; i++)
        if (!ptrs[i])
            ptrs[i] = c->buf ? c->buf + c->offs[i] : "";
    c->pos = (const char *)p;
    *blank = !content;
    return JBW_OK;
}

/*
 * Picks the delimiter from the line at c->pos: the one of ',' and ';'
 * that occurs outside quotes.
 */
static jbw_status jbw__csv_detect(jbw__csv *c)
{
    const char *p = c->pos;
    int quoted = 0, comma = 0, semi = 0;
    for (; p < c->end; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (*p == '\n')
            break;
        else if (*p == ',')
            comma = 1;
        else if (*p == ';')
            semi = 1;
    }
    if (comma && semi)
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: the header line holds both ',' and "
                          "';', so the delimiter is ambiguous",
                          c->source, c->line);
    c->delim = semi ? ';' : ',';
    return JBW_OK;
}

/*
 * Keeps the header's names, NUL-terminated, for lookups and messages.
 * Names are trimmed even when quoted: a name is no data.
 */
static jbw_status jbw__csv_keep_names(jbw__csv *c)
{
    size_t i, total = 0, at = 0;
    for (i = 0; i < c->count; i++)
        total += c->lens[i] + 1;
    c->names = jbw__malloc(total);
    c->name_offs = jbw__calloc(c->count, sizeof(size_t));
    if (!c->names || !c->name_offs)
        return jbw__enomem();
    for (i = 0; i < c->count; i++) {
        const char *s = c->ptrs[i], *e = s + c->lens[i];
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        c->name_offs[i] = at;
        memcpy(c->names + at, s, (size_t)(e - s));
        at += (size_t)(e - s);
        c->names[at++] = '\0';
    }
    c->name_count = c->count;
    return JBW_OK;
}

jbw_status jbw__csv_open(jbw__csv *c, const char *text, size_t len,
                         const char *source)
{
    jbw_status st;
    int blank = 1;
    memset(c, 0, sizeof *c);
    c->source = source;
    c->pos = text;
    c->end = text + len;
    c->line = 1;
    if (len >= 2 &&
        ((unsigned char)text[0] == 0xFF || (unsigned char)text[0] == 0xFE) &&
        ((unsigned char)text[1] ^ (unsigned char)text[0]) == 0x01)
        return jbw__error(JBW_EPARSE,
                          "%s is UTF-16 (byte-order mark %02X %02X); save "
                          "it as UTF-8",
                          source, (unsigned)(unsigned char)text[0],
                          (unsigned)(unsigned char)text[1]);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        c->pos += 3;
    while (blank) {
        if (c->pos == c->end) {
            jbw__csv_close(c);
            return jbw__error(JBW_EPARSE, "%s is empty: no header line",
                              source);
        }
        st = jbw__csv_detect(c);
        if (st == JBW_OK)
            st = jbw__csv_record(c, &blank);
        if (st != JBW_OK) {
            jbw__csv_close(c);
            return st;
        }
    }
    st = jbw__csv_keep_names(c);
    if (st != JBW_OK)
        jbw__csv_close(c);
    return st;
}

jbw_status jbw__csv_next(jbw__csv *c, int *more)
{
    int blank = 1;
    while (blank) {
        jbw_status st;
        if (c->pos == c->end) {
            c->count = 0;
            *more = 0;
            return JBW_OK;
        }
        st = jbw__csv_record(c, &blank);
        if (st != JBW_OK)
            return st;
    }
    *more = 1;
    return JBW_OK;
}

void jbw__csv_close(jbw__csv *c)
{
    jbw__free(c->buf);
    jbw__free((void *)c->ptrs);
    jbw__free(c->offs);
    jbw__free(c->lens);
    jbw__free(c->names);
    jbw__free(c->name_offs);
    c->buf = c->names = NULL;
    c->ptrs = NULL;
    c->offs = c->lens = c->name_offs = NULL;
    c->buf_len = c->buf_cap = c->count = c->field_cap = c->name_count = 0;
}

/* ASCII case-insensitive equality of name[0..n) and the string `want`. */
static int jbw__name_eq_n(const char *name, size_t n, const char *want)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char a = (unsigned char)name[i], b = (unsigned char)want[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (unsigned char)(b - 'A' + 'a');
        if (a != b || !b)
            return 0;
    }
    return want[n] == '\0';
}

static int jbw__name_eq(const char *name, const char *want)
{
    return jbw__name_eq_n(name, strlen(name), want);
}

/* Lists the wanted names for the unknown-column message. */
static void jbw__list_names(char *dst, size_t size, const char *const *names,
                            size_t n)
{
    size_t i, k = 0;
    dst[0] = '\0';
    for (i = 0; i < n && k + 1 < size; i++) {
        int w = snprintf(dst + k, size - k, "%s%s", i ? ", " : "", names[i]);
        if (w < 0)
            break;
        k += (size_t)w;
    }
}

jbw_status jbw__csv_columns(size_t *index, const jbw__csv *c,
                            const char *const *names,
                            const unsigned char *required, size_t n,
                            int allow_unknown)
{
    size_t h, k;
    char shown[72], known[400];
    for (k = 0; k < n; k++)
        index[k] = JBW__CSV_ABSENT;
    for (h = 0; h < c->name_count; h++) {
        const char *nm = jbw__csv_name(c, h);
        jbw__csv_quote(shown, sizeof shown, nm, strlen(nm));
        for (k = 0; k < n && !jbw__name_eq(nm, names[k]); k++)
            ;
        if (k < n) {
            if (index[k] != JBW__CSV_ABSENT)
                return jbw__error(JBW_EPARSE,
                                  "%s line %zu: column '%s' occurs twice "
                                  "(fields %zu and %zu)",
                                  c->source, c->record_line, shown,
                                  index[k] + 1, h + 1);
            index[k] = h;
        } else if (!allow_unknown) {
            jbw__list_names(known, sizeof known, names, n);
            if (!*nm)
                return jbw__error(JBW_EPARSE,
                                  "%s line %zu: field %zu of the header has "
                                  "no column name",
                                  c->source, c->record_line, h + 1);
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

jbw_status jbw__csv_check_width(const jbw__csv *c)
{
    if (c->count == c->name_count)
        return JBW_OK;
    return jbw__csv_error(c, JBW__CSV_ABSENT, JBW_EPARSE,
                          "%zu field%s where the header has %zu", c->count,
                          c->count == 1 ? "" : "s", c->name_count);
}

/* ====================================================================== */
/* Field values                                                            */
/* ====================================================================== */

/* Quoted-value buffer size used in messages: long values are cut. */
#define IO_SHOWN 64

/* A field's text; NULL (and *len 0) when the column is absent. */
static const char *io_text(const jbw__csv *c, size_t col, size_t *len)
{
    if (col == JBW__CSV_ABSENT) {
        *len = 0;
        return NULL;
    }
    return jbw__csv_field(c, col, len);
}

/* A date column; empty gives JBW_DATE_NONE unless `required`. */
static jbw_status io_date(jbw_date *out, const jbw__csv *c, size_t col,
                          int required)
{
    size_t n;
    const char *s = io_text(c, col, &n);
    jbw_status st;
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
    st = jbw_date_parse(out, s, n);
    if (st != JBW_OK) /* the date module's detail quotes the value */
        return jbw__csv_error(c, col, st, "%s", jbw_last_error());
    return JBW_OK;
}

/* The codes an enum accepts, for messages ("unknown, safe, ..."). */
typedef const char *(*io_code_fn)(int value);

static const char *io_kind_code(int v)
{
    return jbw_kind_code((jbw_kind)v);
}
static const char *io_safety_code(int v)
{
    return jbw_safety_code((jbw_safety)v);
}
static const char *io_placement_code(int v)
{
    return jbw_placement_code((jbw_placement)v);
}
static const char *io_jr_risk_code(int v)
{
    return jbw_jr_risk_code((jbw_jr_risk)v);
}

static void io_codes(char *dst, size_t size, io_code_fn fn)
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

/* The enum columns of measures.csv. */
typedef enum io_enum { IO_KIND, IO_SAFETY, IO_PLACEMENT, IO_JR_RISK } io_enum;
#define IO_ENUMS 4

/*
 * The codes last read in an enum column and their values: a column
 * repeats a few codes, and a byte compare is cheaper than the lookup.
 */
#define IO_MEMO_SLOTS 8
typedef struct io_memo {
    char text[IO_MEMO_SLOTS][24];
    size_t len[IO_MEMO_SLOTS]; /* 0: slot unused */
    int value[IO_MEMO_SLOTS];
    unsigned next; /* the slot to fill next */
} io_memo;

static int io_memo_find(int *out, const io_memo *memo, const char *s, size_t n)
{
    unsigned k;
    for (k = 0; k < IO_MEMO_SLOTS; k++) {
        size_t i;
        if (memo->len[k] != n)
            continue;
        /* codes are a few bytes: a loop beats a call to memcmp */
        for (i = 0; i < n && memo->text[k][i] == s[i]; i++)
            ;
        if (i == n) {
            *out = memo->value[k];
            return 1;
        }
    }
    return 0;
}

static void io_memo_keep(io_memo *memo, const char *s, size_t n, int value)
{
    unsigned k = memo->next;
    if (n == 0 || n >= sizeof memo->text[0])
        return;
    memcpy(memo->text[k], s, n);
    memo->len[k] = n;
    memo->value[k] = value;
    memo->next = (k + 1) % IO_MEMO_SLOTS;
}

/* The message for a code the enum column does not know. Apart from
 * io_enum_value() so that its buffers cost the usual case nothing. */
static jbw_status io_enum_error(const jbw__csv *c, size_t col, io_enum which,
                                const char *s, size_t n)
{
    static const char *const what[] = {"a measure kind", "a safety code",
                                       "a placement code", "a jr_risk code"};
    static const io_code_fn codes[] = {io_kind_code, io_safety_code,
                                       io_placement_code, io_jr_risk_code};
    char shown[IO_SHOWN], list[256];
    jbw__csv_quote(shown, sizeof shown, s, n);
    io_codes(list, sizeof list, codes[which]);
    return jbw__csv_error(c, col, JBW_EPARSE, "'%s' is not %s (%s)", shown,
                          what[which], list);
}

/*
 * An enum column; empty gives 0 (the "unknown"/"none" default) except for
 * kind, which is required.
 */
static jbw_status io_enum_value(int *out, io_memo *memo, const jbw__csv *c,
                                size_t col, io_enum which)
{
    size_t n;
    const char *s = io_text(c, col, &n);
    jbw_status st = JBW_EPARSE;
    if (!s || n == 0) {
        if (which == IO_KIND)
            return jbw__csv_error(c, col, JBW_EPARSE,
                                  "a measure kind is required");
        *out = 0;
        return JBW_OK;
    }
    if (io_memo_find(out, memo, s, n))
        return JBW_OK;
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
    }
    if (st == JBW_OK) {
        io_memo_keep(memo, s, n, *out);
        return JBW_OK;
    }
    return io_enum_error(c, col, which, s, n);
}

/* previous_workers: a whole number; empty is 0. */
static jbw_status io_int(int *out, const jbw__csv *c, size_t col)
{
    char shown[IO_SHOWN];
    size_t n;
    const char *s = io_text(c, col, &n);
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
    if (jbw__parse_int(&v, s, n) != 0)
        return jbw__csv_error(c, col, JBW_EPARSE, "'%s' is not a whole number",
                              shown);
    if (v < -1000000 || v > 1000000)
        return jbw__csv_error(c, col, JBW_ERANGE, "'%s' is out of range",
                              shown);
    *out = (int)v;
    return JBW_OK;
}

/* fte: a number, with a decimal comma in ';' files. */
static jbw_status io_number(double *out, const jbw__csv *c, size_t col)
{
    char shown[IO_SHOWN];
    size_t n;
    const char *s = io_text(c, col, &n);
    if (!s || n == 0)
        return jbw__csv_error(c, col, JBW_EPARSE, "a number is required");
    if (jbw__parse_double(out, s, n, c->delim == ';') == 0)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, s, n);
    return jbw__csv_error(c, col, JBW_EPARSE, "'%s' is not a number%s", shown,
                          c->delim == ',' && memchr(s, ',', n)
                              ? " (a decimal comma is read only in files "
                                "delimited by ';')"
                              : "");
}

/* ====================================================================== */
/* Rejected rows                                                           */
/* ====================================================================== */

typedef struct io_reject {
    size_t line;
    size_t reason;      /* offset in text */
    unsigned char file; /* 0 measures, 1 workers */
} io_reject;

struct jbw_rejects {
    char *files[2];
    io_reject *items;
    size_t count, cap;
    jbw__buf text; /* the reasons, each NUL-terminated */
};

#define IO_NULL ((size_t)-1)
enum { IO_MEASURES = 0, IO_WORKERS = 1 };

size_t jbw_rejects_count(const jbw_rejects *rejects)
{
    return rejects ? rejects->count : 0;
}

jbw_status jbw_rejects_get(const char **file, size_t *line, const char **reason,
                           const jbw_rejects *rejects, size_t index)
{
    const io_reject *r;
    if (!rejects)
        return jbw__error(JBW_EINVAL, "jbw_rejects_get: rejects is NULL");
    if (index >= rejects->count)
        return jbw__error(JBW_ERANGE,
                          "jbw_rejects_get: index %zu, but there are %zu "
                          "rejected rows",
                          index, rejects->count);
    r = &rejects->items[index];
    if (file)
        *file = rejects->files[r->file];
    if (line)
        *line = r->line;
    if (reason)
        *reason = rejects->text.data + r->reason;
    return jbw__ok();
}

void jbw_rejects_free(jbw_rejects *rejects)
{
    if (!rejects)
        return;
    jbw__free(rejects->files[0]);
    jbw__free(rejects->files[1]);
    jbw__free(rejects->items);
    jbw__buf_free(&rejects->text);
    jbw__free(rejects);
}

static jbw_rejects *io_rejects_new(const char *measures_name,
                                   const char *workers_name)
{
    jbw_rejects *r = jbw__calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->files[IO_MEASURES] = jbw__strdup(measures_name);
    r->files[IO_WORKERS] = jbw__strdup(workers_name);
    if (!r->files[0] || !r->files[1]) {
        jbw_rejects_free(r);
        return NULL;
    }
    return r;
}

/* Stores a reason; *offset receives where. */
static jbw_status io_reason(jbw_rejects *r, size_t *offset, const char *text)
{
    *offset = r->text.len;
    jbw__buf_append(&r->text, text, strlen(text) + 1);
    return r->text.failed ? jbw__enomem() : JBW_OK;
}

static jbw_status io_reject_add(jbw_rejects *r, int file, size_t line,
                                size_t reason)
{
    void *p = r->items;
    if (jbw__grow(&p, &r->cap, r->count + 1, sizeof(io_reject)) != 0)
        return jbw__enomem();
    r->items = p;
    r->items[r->count].line = line;
    r->items[r->count].reason = reason;
    r->items[r->count].file = (unsigned char)file;
    r->count++;
    return JBW_OK;
}

/* ====================================================================== */
/* Loading a snapshot                                                      */
/* ====================================================================== */

/*
 * Loading runs in two passes: the first reads both files into rows (the
 * strings go to one arena), the second creates the snapshot with the
 * reference date (given, or inferred from the rows) and adds the rows.
 */

enum { W_ID, W_ORG, W_REGION, W_FTE, W_HIRED, W_LEAVING, W_COLUMNS };
static const char *const io_worker_names[W_COLUMNS] = {
    "id", "organisation", "region", "fte", "hired", "leaving"};
static const unsigned char io_worker_required[W_COLUMNS] = {1, 1, 0, 1, 1, 0};

enum {
    M_ID,
    M_CHILD,
    M_FAMILY,
    M_KIND,
    M_ORG,
    M_REGION,
    M_START,
    M_END,
    M_WORKER,
    M_FIRST,
    M_WAITING,
    M_PREVIOUS,
    M_SAFETY,
    M_PLACEMENT,
    M_BIRTH,
    M_CONTACT,
    M_JR_RISK,
    M_COLUMNS
};
static const char *const io_measure_names[M_COLUMNS] = {
    "id",           "child_id",       "family_id",     "kind",
    "organisation", "region",         "start",         "end",
    "worker_id",    "first_assigned", "waiting_since", "previous_workers",
    "safety",       "placement",      "birth_date",    "last_contact",
    "jr_risk"};
static const unsigned char io_measure_required[M_COLUMNS] = {
    1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

/* String fields of the rows, as arena offsets (IO_NULL: none). */
enum { WS_ID, WS_ORG, WS_REGION, WS_COUNT };
enum { MS_ID, MS_CHILD, MS_FAMILY, MS_ORG, MS_REGION, MS_WORKER, MS_COUNT };

typedef struct io_wrow {
    size_t line;
    size_t reject; /* reason offset in the rejects, IO_NULL when good */
    size_t str[WS_COUNT];
    jbw_worker w;
} io_wrow;

typedef struct io_mrow {
    size_t line;
    size_t reject;
    size_t str[MS_COUNT];
    jbw_measure m;
} io_mrow;

typedef struct io_load {
    int lenient, allow_unknown;
    const char *names[2]; /* measures, workers */
    jbw__buf arena;
    io_wrow *wrows;
    size_t wcount, wcap;
    io_mrow *mrows;
    size_t mcount, mcap;
    jbw_date latest;         /* the latest date of the good rows */
    jbw_rejects *rej;        /* lenient only */
    jbw__strmap bad_workers; /* ids of rejected worker rows */
    size_t *bad_lines;
    size_t bad_cap;
    jbw_snapshot *snap;
    io_memo memo[IO_ENUMS];
} io_load;

static void io_load_free(io_load *L)
{
    jbw__buf_free(&L->arena);
    jbw__free(L->wrows);
    jbw__free(L->mrows);
    jbw_rejects_free(L->rej);
    jbw__strmap_free(&L->bad_workers);
    jbw__free(L->bad_lines);
    jbw_snapshot_free(L->snap);
    memset(L, 0, sizeof *L);
}

static void io_later(io_load *L, jbw_date d)
{
    if (d != JBW_DATE_NONE && (L->latest == JBW_DATE_NONE || d > L->latest))
        L->latest = d;
}

/* Copies a field into the arena; an empty optional field becomes none. */
static jbw_status io_keep(io_load *L, size_t *off, const jbw__csv *c,
                          size_t col, int optional)
{
    size_t n;
    const char *s = io_text(c, col, &n);
    if (!s || (optional && n == 0)) {
        *off = IO_NULL;
        return JBW_OK;
    }
    *off = L->arena.len;
    jbw__buf_append(&L->arena, s, n);
    if (L->arena.failed)
        return jbw__enomem();
    L->arena.len++; /* keep the NUL the buffer always ends in */
    return JBW_OK;
}

/*
 * io_keep() for n <= MS_COUNT columns of a row at once (off[k] for
 * cols[k]), with one reserve for the row rather than one per field.
 */
static jbw_status io_keep_row(io_load *L, size_t *off, const jbw__csv *c,
                              const size_t *cols, const unsigned char *optional,
                              size_t n)
{
    const char *src[MS_COUNT];
    size_t len[MS_COUNT], k, total = 0, at;
    jbw__buf *b = &L->arena;
    for (k = 0; k < n; k++) {
        src[k] = io_text(c, cols[k], &len[k]);
        if (!src[k] || (optional[k] && len[k] == 0))
            src[k] = NULL;
        else
            total += len[k] + 1;
    }
    if (total && (b->failed || b->cap - b->len <= total) &&
        jbw__buf_reserve(b, total) != 0)
        return jbw__enomem();
    at = b->len;
    for (k = 0; k < n; k++) {
        if (!src[k]) {
            off[k] = IO_NULL;
            continue;
        }
        off[k] = at;
        memcpy(b->data + at, src[k], len[k]);
        b->data[at + len[k]] = '\0';
        at += len[k] + 1;
    }
    b->len = at;
    return JBW_OK;
}

static const char *io_str(const io_load *L, size_t off)
{
    return off == IO_NULL ? NULL : L->arena.data + off;
}

static jbw_status io_worker_row(io_load *L, io_wrow *row, const jbw__csv *c,
                                const size_t *col)
{
    static const unsigned char optional[WS_COUNT] = {0, 0, 1};
    const size_t cols[WS_COUNT] = {col[W_ID], col[W_ORG], col[W_REGION]};
    jbw_worker *w = &row->w;
    jbw_status st;
    if ((st = io_keep_row(L, row->str, c, cols, optional, WS_COUNT)) !=
            JBW_OK ||
        (st = io_number(&w->fte, c, col[W_FTE])) != JBW_OK ||
        (st = io_date(&w->hired, c, col[W_HIRED], 1)) != JBW_OK ||
        (st = io_date(&w->leaving, c, col[W_LEAVING], 0)) != JBW_OK)
        return st;
    io_later(L, w->hired);
    return JBW_OK;
}

/* The latest day a measure row speaks of (see io.h). */
static void io_measure_later(io_load *L, const jbw_measure *m)
{
    io_later(L, m->start);
    if (m->end != JBW_DATE_NONE && m->end > m->start)
        io_later(L, m->end - 1);
    io_later(L, m->first_assigned);
    io_later(L, m->waiting_since);
    io_later(L, m->last_contact);
}

static jbw_status io_measure_row(io_load *L, io_mrow *row, const jbw__csv *c,
                                 const size_t *col)
{
    static const unsigned char optional[MS_COUNT] = {0, 0, 1, 0, 0, 1};
    const size_t cols[MS_COUNT] = {col[M_ID],  col[M_CHILD],  col[M_FAMILY],
                                   col[M_ORG], col[M_REGION], col[M_WORKER]};
    jbw_measure *m = &row->m;
    int kind = 0, safety = 0, placement = 0, risk = 0;
    jbw_status st;
    if ((st = io_keep_row(L, row->str, c, cols, optional, MS_COUNT)) !=
            JBW_OK ||
        (st = io_enum_value(&kind, &L->memo[IO_KIND], c, col[M_KIND],
                            IO_KIND)) != JBW_OK ||
        (st = io_date(&m->start, c, col[M_START], 1)) != JBW_OK ||
        (st = io_date(&m->end, c, col[M_END], 0)) != JBW_OK ||
        (st = io_date(&m->first_assigned, c, col[M_FIRST], 0)) != JBW_OK ||
        (st = io_date(&m->waiting_since, c, col[M_WAITING], 0)) != JBW_OK ||
        (st = io_int(&m->previous_workers, c, col[M_PREVIOUS])) != JBW_OK ||
        (st = io_enum_value(&safety, &L->memo[IO_SAFETY], c, col[M_SAFETY],
                            IO_SAFETY)) != JBW_OK ||
        (st = io_enum_value(&placement, &L->memo[IO_PLACEMENT], c,
                            col[M_PLACEMENT], IO_PLACEMENT)) != JBW_OK ||
        (st = io_date(&m->birth_date, c, col[M_BIRTH], 0)) != JBW_OK ||
        (st = io_date(&m->last_contact, c, col[M_CONTACT], 0)) != JBW_OK ||
        (st = io_enum_value(&risk, &L->memo[IO_JR_RISK], c, col[M_JR_RISK],
                            IO_JR_RISK)) != JBW_OK)
        return st;
    m->kind = (jbw_kind)kind;
    m->safety = (jbw_safety)safety;
    m->placement = (jbw_placement)placement;
    m->jr_risk = (jbw_jr_risk)risk;
    io_measure_later(L, m);
    return JBW_OK;
}

/*
 * A row that failed in the first pass: strict mode stops; lenient mode
 * keeps the reason with the row.
 */
static jbw_status io_row_failed(io_load *L, size_t *reject, jbw_status st)
{
    if (st == JBW_ENOMEM || !L->lenient)
        return st;
    return io_reason(L->rej, reject, jbw_last_error());
}

static jbw_status io_parse_workers(io_load *L, const char *text, size_t len)
{
    static const jbw_worker init = JBW_WORKER_INIT;
    size_t col[W_COLUMNS];
    jbw__csv c;
    int more = 1;
    jbw_status st = jbw__csv_open(&c, text, len, L->names[IO_WORKERS]);
    if (st != JBW_OK)
        return st;
    st = jbw__csv_columns(col, &c, io_worker_names, io_worker_required,
                          W_COLUMNS, L->allow_unknown);
    while (st == JBW_OK && (st = jbw__csv_next(&c, &more)) == JBW_OK && more) {
        io_wrow *row;
        void *p = L->wrows;
        jbw_status rs;
        if (L->wcount == L->wcap &&
            jbw__grow(&p, &L->wcap, L->wcount + 1, sizeof *row) != 0) {
            st = jbw__enomem();
            break;
        }
        L->wrows = p;
        row = &L->wrows[L->wcount++];
        row->line = c.record_line;
        row->reject = IO_NULL;
        row->str[WS_ID] = row->str[WS_ORG] = row->str[WS_REGION] = IO_NULL;
        row->w = init;
        rs = jbw__csv_check_width(&c);
        if (rs == JBW_OK)
            rs = io_worker_row(L, row, &c, col);
        else if (col[W_ID] < c.count) /* a short row may still name it */
            st = io_keep(L, &row->str[WS_ID], &c, col[W_ID], 1);
        if (st == JBW_OK && rs != JBW_OK)
            st = io_row_failed(L, &row->reject, rs);
    }
    jbw__csv_close(&c);
    return st;
}

static jbw_status io_parse_measures(io_load *L, const char *text, size_t len)
{
    static const jbw_measure init = JBW_MEASURE_INIT;
    size_t col[M_COLUMNS], k;
    jbw__csv c;
    int more = 1;
    jbw_status st = jbw__csv_open(&c, text, len, L->names[IO_MEASURES]);
    if (st != JBW_OK)
        return st;
    st = jbw__csv_columns(col, &c, io_measure_names, io_measure_required,
                          M_COLUMNS, L->allow_unknown);
    while (st == JBW_OK && (st = jbw__csv_next(&c, &more)) == JBW_OK && more) {
        io_mrow *row;
        void *p = L->mrows;
        jbw_status rs;
        if (L->mcount == L->mcap &&
            jbw__grow(&p, &L->mcap, L->mcount + 1, sizeof *row) != 0) {
            st = jbw__enomem();
            break;
        }
        L->mrows = p;
        row = &L->mrows[L->mcount++];
        row->line = c.record_line;
        row->reject = IO_NULL;
        for (k = 0; k < MS_COUNT; k++)
            row->str[k] = IO_NULL;
        row->m = init;
        rs = jbw__csv_check_width(&c);
        if (rs == JBW_OK)
            rs = io_measure_row(L, row, &c, col);
        if (rs != JBW_OK)
            st = io_row_failed(L, &row->reject, rs);
    }
    jbw__csv_close(&c);
    return st;
}

/* Remembers the id of a rejected worker row, so measures can say so. */
static jbw_status io_bad_worker(io_load *L, const char *id, size_t line)
{
    size_t index;
    int inserted = 0;
    jbw_status st;
    if (!id || !*id)
        return JBW_OK;
    st = jbw__strmap_intern(&L->bad_workers, id, strlen(id), &index, &inserted);
    if (st != JBW_OK)
        return st == JBW_ENOMEM ? st : jbw__enomem();
    if (inserted) {
        void *p = L->bad_lines;
        if (jbw__grow(&p, &L->bad_cap, index + 1, sizeof(size_t)) != 0) {
            jbw__strmap_pop(&L->bad_workers);
            return jbw__enomem();
        }
        L->bad_lines = p;
        L->bad_lines[index] = line;
    }
    return JBW_OK;
}

/*
 * A row the snapshot refused (status st, its detail set): strict mode
 * stops with the detail prefixed by file and line; lenient mode records
 * the row.
 */
static jbw_status io_refused(io_load *L, int file, size_t line, jbw_status st)
{
    size_t off;
    if (st == JBW_ENOMEM)
        return st;
    jbw__error(st, "%s line %zu: %s", L->names[file], line, jbw_last_error());
    if (!L->lenient)
        return st;
    if ((st = io_reason(L->rej, &off, jbw_last_error())) != JBW_OK)
        return st;
    return io_reject_add(L->rej, file, line, off);
}

static jbw_status io_add_workers(io_load *L)
{
    size_t i;
    /* Room for every id up front instead of growing step by step. */
    if (jbw__strmap_reserve(&L->snap->worker_ids,
                            L->snap->worker_ids.count + L->wcount) != 0)
        return jbw__enomem();
    for (i = 0; i < L->wcount; i++) {
        io_wrow *row = &L->wrows[i];
        const char *id = io_str(L, row->str[WS_ID]);
        jbw_status st;
        if (row->reject != IO_NULL) {
            st = io_reject_add(L->rej, IO_WORKERS, row->line, row->reject);
            if (st == JBW_OK)
                st = io_bad_worker(L, id, row->line);
            if (st != JBW_OK)
                return st;
            continue;
        }
        row->w.id = id;
        row->w.organisation = io_str(L, row->str[WS_ORG]);
        row->w.region = io_str(L, row->str[WS_REGION]);
        st = jbw_snapshot_add_worker(L->snap, &row->w);
        if (st != JBW_OK) {
            st = io_refused(L, IO_WORKERS, row->line, st);
            if (st == JBW_OK)
                st = io_bad_worker(L, id, row->line);
            if (st != JBW_OK)
                return st;
        }
    }
    return JBW_OK;
}

/*
 * In lenient mode, a measure whose worker is missing because that
 * worker's row was rejected is rejected with that reason rather than as
 * an unknown worker.
 */
static jbw_status io_worker_was_rejected(io_load *L, const io_mrow *row,
                                         int *rejected)
{
    const char *wid = row->m.worker_id;
    char shown[IO_SHOWN];
    size_t index, off;
    long bad;
    jbw_status st;
    *rejected = 0;
    if (!wid || !L->bad_workers.count)
        return JBW_OK;
    bad = jbw__strmap_find(&L->bad_workers, wid, strlen(wid));
    if (bad < 0 || jbw_snapshot_find_worker(&index, L->snap, wid) == JBW_OK)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, wid, strlen(wid));
    jbw__error(JBW_ENOTFOUND,
               "%s line %zu, column 'worker_id': worker '%s' was rejected "
               "(%s line %zu)",
               L->names[IO_MEASURES], row->line, shown, L->names[IO_WORKERS],
               L->bad_lines[bad]);
    *rejected = 1;
    if ((st = io_reason(L->rej, &off, jbw_last_error())) != JBW_OK)
        return st;
    return io_reject_add(L->rej, IO_MEASURES, row->line, off);
}

static jbw_status io_add_measures(io_load *L)
{
    size_t i;
    /* As for the workers; a child may have several measures, so its
     * count is an upper bound. */
    if (jbw__strmap_reserve(&L->snap->measure_ids,
                            L->snap->measure_ids.count + L->mcount) != 0 ||
        jbw__strmap_reserve(&L->snap->child_ids,
                            L->snap->child_ids.count + L->mcount) != 0)
        return jbw__enomem();
    for (i = 0; i < L->mcount; i++) {
        io_mrow *row = &L->mrows[i];
        jbw_measure *m = &row->m;
        int rejected = 0;
        jbw_status st;
        if (row->reject != IO_NULL) {
            st = io_reject_add(L->rej, IO_MEASURES, row->line, row->reject);
            if (st != JBW_OK)
                return st;
            continue;
        }
        m->id = io_str(L, row->str[MS_ID]);
        m->child_id = io_str(L, row->str[MS_CHILD]);
        m->family_id = io_str(L, row->str[MS_FAMILY]);
        m->organisation = io_str(L, row->str[MS_ORG]);
        m->region = io_str(L, row->str[MS_REGION]);
        m->worker_id = io_str(L, row->str[MS_WORKER]);
        if (L->lenient &&
            (st = io_worker_was_rejected(L, row, &rejected)) != JBW_OK)
            return st;
        if (rejected)
            continue;
        st = jbw_snapshot_add_measure(L->snap, m);
        if (st != JBW_OK &&
            (st = io_refused(L, IO_MEASURES, row->line, st)) != JBW_OK)
            return st;
    }
    return JBW_OK;
}

static jbw_status io_check_options(const jbw_load_options *opts)
{
    if (opts->version != JBW_LOAD_OPTIONS_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_load_options: version %u, this library knows "
                          "%u",
                          opts->version, (unsigned)JBW_LOAD_OPTIONS_VERSION);
    if ((opts->lenient != 0 && opts->lenient != 1) ||
        (opts->allow_unknown_columns != 0 && opts->allow_unknown_columns != 1))
        return jbw__error(JBW_EINVAL, "jbw_load_options: lenient and "
                                      "allow_unknown_columns must be 0 or 1");
    if (opts->reference_date != JBW_DATE_NONE &&
        !jbw__date_in_range(opts->reference_date))
        return jbw__error(JBW_ERANGE,
                          "jbw_load_options: reference_date %ld is outside "
                          "the supported years %d-%d",
                          (long)opts->reference_date, JBW_YEAR_MIN,
                          JBW_YEAR_MAX);
    return JBW_OK;
}

jbw_status jbw_load_options_init(jbw_load_options *opts, unsigned int version)
{
    static const jbw_load_options init = JBW_LOAD_OPTIONS_INIT;
    if (!opts)
        return jbw__error(JBW_EINVAL, "jbw_load_options_init: opts is NULL");
    if (version != JBW_LOAD_OPTIONS_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_load_options_init: version %u, this library "
                          "knows %u",
                          version, (unsigned)JBW_LOAD_OPTIONS_VERSION);
    *opts = init;
    return jbw__ok();
}

/* Both passes; on success L->snap holds the snapshot. */
static jbw_status io_load_run(io_load *L, const jbw_registry *registry,
                              const char *measures, size_t measures_len,
                              const char *workers, size_t workers_len,
                              jbw_date reference_date)
{
    jbw_status st;
    if (L->lenient) {
        L->rej = io_rejects_new(L->names[IO_MEASURES], L->names[IO_WORKERS]);
        if (!L->rej)
            return jbw__enomem();
    }
    if ((st = io_parse_workers(L, workers, workers_len)) != JBW_OK ||
        (st = io_parse_measures(L, measures, measures_len)) != JBW_OK)
        return st;
    if (reference_date == JBW_DATE_NONE)
        reference_date = L->latest;
    if (reference_date == JBW_DATE_NONE)
        return jbw__error(JBW_EINVAL,
                          "%s, %s: no dates to infer the reference date "
                          "from; set reference_date in the load options",
                          L->names[IO_MEASURES], L->names[IO_WORKERS]);
    if ((st = jbw_snapshot_new(&L->snap, registry, reference_date)) != JBW_OK ||
        (st = io_add_workers(L)) != JBW_OK ||
        (st = io_add_measures(L)) != JBW_OK)
        return st;
    return JBW_OK;
}

jbw_status jbw_snapshot_load_csv_buffers(
    jbw_snapshot **out, jbw_rejects **rejects, const jbw_registry *registry,
    const char *measures, size_t measures_len, const char *measures_name,
    const char *workers, size_t workers_len, const char *workers_name,
    const jbw_load_options *opts)
{
    static const jbw_load_options defaults = JBW_LOAD_OPTIONS_INIT;
    io_load L;
    jbw_status st;
    if (!out || !registry || !measures || !workers)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_load_csv_buffers: out, registry, "
                          "measures and workers must not be NULL");
    if (!opts)
        opts = &defaults;
    if ((st = io_check_options(opts)) != JBW_OK)
        return st;
    memset(&L, 0, sizeof L);
    L.lenient = opts->lenient;
    L.allow_unknown = opts->allow_unknown_columns;
    L.names[IO_MEASURES] = measures_name ? measures_name : "measures.csv";
    L.names[IO_WORKERS] = workers_name ? workers_name : "workers.csv";
    L.latest = JBW_DATE_NONE;
    st = io_load_run(&L, registry, measures, measures_len, workers, workers_len,
                     opts->reference_date);
    if (st != JBW_OK) {
        io_load_free(&L);
        return st;
    }
    *out = L.snap;
    L.snap = NULL;
    if (rejects) {
        *rejects = L.rej; /* NULL in strict mode */
        L.rej = NULL;
    }
    io_load_free(&L);
    return jbw__ok();
}

jbw_status jbw_snapshot_load_csv(jbw_snapshot **out, jbw_rejects **rejects,
                                 const jbw_registry *registry,
                                 const char *measures_path,
                                 const char *workers_path,
                                 const jbw_load_options *opts)
{
    char *m = NULL, *w = NULL;
    size_t mlen = 0, wlen = 0;
    jbw_status st;
    if (!out || !registry || !measures_path || !workers_path)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_load_csv: out, registry and both "
                          "paths must not be NULL");
    st = jbw_read_file(&w, &wlen, workers_path);
    if (st == JBW_OK)
        st = jbw_read_file(&m, &mlen, measures_path);
    if (st == JBW_OK)
        st = jbw_snapshot_load_csv_buffers(out, rejects, registry, m, mlen,
                                           measures_path, w, wlen, workers_path,
                                           opts);
    jbw__free(m);
    jbw__free(w);
    return st;
}

/* ====================================================================== */
/* Writers                                                                 */
/* ====================================================================== */

/*
 * A text field. Readers trim unquoted fields, so a value with a leading
 * or trailing space or tab is quoted too (jbw__buf_csv_field quotes only
 * for delimiters, quotes and line ends).
 */
static void io_put_text(jbw__buf *b, const char *s)
{
    size_t n;
    if (!s)
        return;
    n = strlen(s);
    if (n &&
        (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t') &&
        !strpbrk(s, ",;\"\r\n")) {
        jbw__buf_putc(b, '"');
        jbw__buf_append(b, s, n); /* no quote inside: checked above */
        jbw__buf_putc(b, '"');
        return;
    }
    jbw__buf_csv_field(b, s);
}

/* A code string that may be NULL for a value out of range. */
static void io_put_code(jbw__buf *b, const char *code)
{
    if (code)
        jbw__buf_puts(b, code);
}

/*
 * The shortest decimal form of v that reads back as exactly v, with a
 * '.' whatever the C locale's decimal point.
 */
static void io_put_double(jbw__buf *b, double v)
{
    char tmp[48];
    int prec;
    size_t i;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    for (i = 0; tmp[i]; i++)
        if (tmp[i] == ',')
            tmp[i] = '.';
    jbw__buf_puts(b, tmp);
}

static const char *io_key(const jbw__strmap *m, uint32_t index)
{
    return index == JBW__NONE ? NULL : jbw__strmap_key(m, index);
}

static void io_put_measure(jbw__buf *b, const jbw_snapshot *s, size_t i)
{
    const jbw__measures *m = &s->m;
    const jbw_registry *r = s->registry;
    io_put_text(b, jbw__strmap_key(&s->measure_ids, i));
    jbw__buf_putc(b, ',');
    io_put_text(b, io_key(&s->child_ids, m->child[i]));
    jbw__buf_putc(b, ',');
    if (m->family_given[i])
        io_put_text(b, io_key(&s->family_ids, m->family[i]));
    jbw__buf_putc(b, ',');
    io_put_code(b, jbw_kind_code((jbw_kind)m->kind[i]));
    jbw__buf_putc(b, ',');
    io_put_text(b, io_key(&r->org_keys, m->org[i]));
    jbw__buf_putc(b, ',');
    io_put_text(b, io_key(&r->region_keys, m->region[i]));
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->start[i]);
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->end[i]);
    jbw__buf_putc(b, ',');
    io_put_text(b, io_key(&s->worker_ids, m->worker[i]));
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->first_assigned[i]);
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->waiting_since[i]);
    jbw__buf_printf(b, ",%ld,", (long)m->previous_workers[i]);
    io_put_code(b, jbw_safety_code((jbw_safety)m->safety[i]));
    jbw__buf_putc(b, ',');
    io_put_code(b, jbw_placement_code((jbw_placement)m->placement[i]));
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->birth_date[i]);
    jbw__buf_putc(b, ',');
    jbw__buf_date(b, m->last_contact[i]);
    jbw__buf_putc(b, ',');
    io_put_code(b, jbw_jr_risk_code((jbw_jr_risk)m->jr_risk[i]));
    jbw__buf_putc(b, '\n');
}

static void io_put_header(jbw__buf *b, const char *const *names, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++) {
        if (k)
            jbw__buf_putc(b, ',');
        jbw__buf_puts(b, names[k]);
    }
    jbw__buf_putc(b, '\n');
}

jbw_status jbw_snapshot_measures_csv(char **out, size_t *len,
                                     const jbw_snapshot *snap)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    jbw_status st;
    if (!out || !snap)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_measures_csv: out and snap must not "
                          "be NULL");
    io_put_header(&b, io_measure_names, M_COLUMNS);
    for (i = 0; i < snap->m.count && !b.failed; i++)
        io_put_measure(&b, snap, i);
    st = jbw__buf_finish(&b, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}

jbw_status jbw_snapshot_workers_csv(char **out, size_t *len,
                                    const jbw_snapshot *snap)
{
    jbw__buf b = JBW__BUF_INIT;
    const jbw__workers *w;
    const jbw_registry *r;
    size_t i;
    jbw_status st;
    if (!out || !snap)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_workers_csv: out and snap must not "
                          "be NULL");
    w = &snap->w;
    r = snap->registry;
    io_put_header(&b, io_worker_names, W_COLUMNS);
    for (i = 0; i < w->count && !b.failed; i++) {
        io_put_text(&b, jbw__strmap_key(&snap->worker_ids, i));
        jbw__buf_putc(&b, ',');
        io_put_text(&b, io_key(&r->org_keys, w->org[i]));
        jbw__buf_putc(&b, ',');
        io_put_text(&b, io_key(&r->region_keys, w->region[i]));
        jbw__buf_putc(&b, ',');
        io_put_double(&b, w->fte[i]);
        jbw__buf_putc(&b, ',');
        jbw__buf_date(&b, w->hired[i]);
        jbw__buf_putc(&b, ',');
        jbw__buf_date(&b, w->leaving[i]);
        jbw__buf_putc(&b, '\n');
    }
    st = jbw__buf_finish(&b, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}

/* ====================================================================== */
/* Registry files                                                          */
/* ====================================================================== */

enum { R_TYPE, R_KEY, R_NAME, R_CBS, R_REGION, R_COLUMNS };
static const char *const io_registry_names[R_COLUMNS] = {"type", "key", "name",
                                                         "cbs_code", "region"};
static const unsigned char io_registry_required[R_COLUMNS] = {1, 1, 1, 0, 1};

typedef enum io_rtype { IO_REGION, IO_MUNICIPALITY, IO_ORGANISATION } io_rtype;

static jbw_status io_registry_type(io_rtype *out, const jbw__csv *c, size_t col)
{
    char shown[IO_SHOWN];
    size_t n;
    const char *s = jbw__csv_field(c, col, &n);
    if (jbw__name_eq_n(s, n, "region"))
        *out = IO_REGION;
    else if (jbw__name_eq_n(s, n, "municipality"))
        *out = IO_MUNICIPALITY;
    else if (jbw__name_eq_n(s, n, "organisation"))
        *out = IO_ORGANISATION;
    else {
        jbw__csv_quote(shown, sizeof shown, s, n);
        return jbw__csv_error(c, col, JBW_EPARSE,
                              "'%s' is not a row type (region, "
                              "municipality, organisation)",
                              shown);
    }
    return JBW_OK;
}

/* A column that this row type leaves empty. */
static jbw_status io_registry_empty(const jbw__csv *c, size_t col,
                                    const char *why)
{
    char shown[IO_SHOWN];
    size_t n;
    const char *s = io_text(c, col, &n);
    if (!s || n == 0)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, s, n);
    return jbw__csv_error(c, col, JBW_EPARSE, "'%s': %s", shown, why);
}

/* Prefixes the registry's own detail with the file and line. */
static jbw_status io_registry_refused(const jbw__csv *c, jbw_status st)
{
    if (st == JBW_OK || st == JBW_ENOMEM)
        return st;
    return jbw__error(st, "%s line %zu: %s", c->source, c->record_line,
                      jbw_last_error());
}

/* Adds the services of an organisation: region keys separated by '|'. */
static jbw_status io_registry_services(jbw_registry *reg, const jbw__csv *c,
                                       size_t col, const char *org)
{
    size_t n;
    const char *s = jbw__csv_field(c, col, &n), *end = s + n;
    while (n && s <= end) {
        const char *bar = memchr(s, '|', (size_t)(end - s));
        const char *e = bar ? bar : end, *b = s;
        char *key;
        jbw_status st;
        while (b < e && (*b == ' ' || *b == '\t'))
            b++;
        while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (b == e)
            return jbw__csv_error(c, col, JBW_EPARSE,
                                  "an empty region key in the list (keys "
                                  "are separated by '|')");
        key = jbw__strndup(b, (size_t)(e - b));
        if (!key)
            return jbw__enomem();
        st = jbw_registry_add_service(reg, org, key);
        jbw__free(key);
        if (st != JBW_OK)
            return io_registry_refused(c, st);
        if (!bar)
            break;
        s = bar + 1;
    }
    return JBW_OK;
}

/* The text fields of a registry row as C strings (cbs NULL if absent). */
typedef struct io_rrow {
    char *key, *name, *region, *cbs;
} io_rrow;

static void io_rrow_free(io_rrow *r)
{
    jbw__free(r->key);
    jbw__free(r->name);
    jbw__free(r->region);
    jbw__free(r->cbs);
}

static char *io_field_dup(const jbw__csv *c, size_t col, int *failed)
{
    size_t n;
    const char *s;
    char *copy;
    if (col == JBW__CSV_ABSENT)
        return NULL;
    s = jbw__csv_field(c, col, &n);
    copy = jbw__strndup(s, n);
    if (!copy)
        *failed = 1;
    return copy;
}

/*
 * Adds what the row holds for this pass. Pass 0 checks every row and adds
 * the regions; pass 1 adds the municipalities and organisations, which
 * refer to regions, so the rows may come in any order.
 */
static jbw_status io_registry_add(jbw_registry *reg, const jbw__csv *c,
                                  const size_t *col, io_rtype type,
                                  const io_rrow *r, int pass)
{
    jbw_status st;
    if (pass == 0) {
        if (type == IO_REGION)
            return io_registry_refused(
                c, jbw_registry_add_region(reg, r->key, r->name, r->cbs));
        if (type == IO_MUNICIPALITY &&
            (st = io_registry_empty(c, col[R_KEY],
                                    "a municipality has no key; its name "
                                    "identifies it")) != JBW_OK)
            return st;
        return io_registry_empty(c, col[R_CBS], "only regions have a cbs_code");
    }
    if (type == IO_MUNICIPALITY)
        return io_registry_refused(
            c, jbw_registry_add_municipality(reg, r->name, r->region));
    if (type == IO_ORGANISATION) {
        st = io_registry_refused(
            c, jbw_registry_add_organisation(reg, r->key, r->name));
        return st == JBW_OK
                   ? io_registry_services(reg, c, col[R_REGION], r->key)
                   : st;
    }
    return io_registry_empty(c, col[R_REGION],
                             "a region row has no region column value");
}

static jbw_status io_registry_row(jbw_registry *reg, const jbw__csv *c,
                                  const size_t *col, int pass)
{
    io_rrow r = {NULL, NULL, NULL, NULL};
    io_rtype type = IO_REGION;
    int failed = 0;
    jbw_status st = jbw__csv_check_width(c);
    if (st == JBW_OK)
        st = io_registry_type(&type, c, col[R_TYPE]);
    if (st != JBW_OK)
        return st;
    r.key = io_field_dup(c, col[R_KEY], &failed);
    r.name = io_field_dup(c, col[R_NAME], &failed);
    r.region = io_field_dup(c, col[R_REGION], &failed);
    r.cbs = io_field_dup(c, col[R_CBS], &failed);
    st = failed ? jbw__enomem() : io_registry_add(reg, c, col, type, &r, pass);
    io_rrow_free(&r);
    return st;
}

static jbw_status io_registry_pass(jbw_registry *reg, const char *text,
                                   size_t len, const char *name, int pass)
{
    size_t col[R_COLUMNS];
    jbw__csv c;
    int more = 1;
    jbw_status st = jbw__csv_open(&c, text, len, name);
    if (st != JBW_OK)
        return st;
    st = jbw__csv_columns(col, &c, io_registry_names, io_registry_required,
                          R_COLUMNS, 0);
    while (st == JBW_OK && (st = jbw__csv_next(&c, &more)) == JBW_OK && more)
        st = io_registry_row(reg, &c, col, pass);
    jbw__csv_close(&c);
    return st;
}

jbw_status jbw_registry_load_csv_buffer(jbw_registry **out, const char *text,
                                        size_t len, const char *name)
{
    jbw_registry *reg = NULL;
    jbw_status st;
    if (!out || !text)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_load_csv_buffer: out and text must "
                          "not be NULL");
    if (!name)
        name = "registry.csv";
    st = jbw_registry_new(&reg);
    if (st == JBW_OK)
        st = io_registry_pass(reg, text, len, name, 0);
    if (st == JBW_OK)
        st = io_registry_pass(reg, text, len, name, 1);
    if (st != JBW_OK) {
        jbw_registry_free(reg);
        return st;
    }
    *out = reg;
    return jbw__ok();
}

jbw_status jbw_registry_load_csv(jbw_registry **out, const char *path)
{
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    if (!out || !path)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_load_csv: out and path must not be "
                          "NULL");
    st = jbw_read_file(&text, &len, path);
    if (st == JBW_OK)
        st = jbw_registry_load_csv_buffer(out, text, len, path);
    jbw__free(text);
    return st;
}

jbw_status jbw_registry_csv(char **out, size_t *len, const jbw_registry *reg)
{
    jbw__buf b = JBW__BUF_INIT, list = JBW__BUF_INIT;
    size_t i, k;
    jbw_status st;
    if (!out || !reg)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_csv: out and reg must not be NULL");
    io_put_header(&b, io_registry_names, R_COLUMNS);
    for (i = 0; i < reg->region_keys.count; i++) {
        jbw__buf_puts(&b, "region,");
        io_put_text(&b, jbw__strmap_key(&reg->region_keys, i));
        jbw__buf_putc(&b, ',');
        io_put_text(&b, reg->region_names[i]);
        jbw__buf_putc(&b, ',');
        io_put_text(&b, reg->region_cbs[i]);
        jbw__buf_puts(&b, ",\n");
    }
    for (i = 0; i < reg->municipality_names.count; i++) {
        jbw__buf_puts(&b, "municipality,,");
        io_put_text(&b, jbw__strmap_key(&reg->municipality_names, i));
        jbw__buf_puts(&b, ",,");
        io_put_text(&b, io_key(&reg->region_keys, reg->municipality_region[i]));
        jbw__buf_putc(&b, '\n');
    }
    for (i = 0; i < reg->org_keys.count; i++) {
        jbw__buf_puts(&b, "organisation,");
        io_put_text(&b, jbw__strmap_key(&reg->org_keys, i));
        jbw__buf_putc(&b, ',');
        io_put_text(&b, reg->org_names[i]);
        jbw__buf_puts(&b, ",,");
        /* Registries are small: a scan of the service pairs per
         * organisation costs nothing worth an index. */
        list.len = 0;
        for (k = 0; k < reg->service_count; k++) {
            if (reg->service_org[k] != i)
                continue;
            if (list.len)
                jbw__buf_putc(&list, '|');
            jbw__buf_puts(&list,
                          io_key(&reg->region_keys, reg->service_region[k]));
        }
        if (list.failed)
            b.failed = 1;
        else if (list.len)
            io_put_text(&b, list.data);
        jbw__buf_putc(&b, '\n');
    }
    jbw__buf_free(&list);
    st = jbw__buf_finish(&b, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}

/* ====================================================================== */
/* Files                                                                   */
/* ====================================================================== */

/* The system's reason for errno `err`, reentrantly. */
static void io_strerror(char *buf, size_t size, int err)
{
#if defined(_WIN32)
    if (strerror_s(buf, size, err) != 0)
        snprintf(buf, size, "error %d", err);
#else
    if (strerror_r(err, buf, size) != 0)
        snprintf(buf, size, "error %d", err);
#endif
}

/* A path shortened for a message. */
static void io_path(char *dst, size_t size, const char *path)
{
    jbw__csv_quote(dst, size, path, strlen(path));
}

static jbw_status io_file_error(const char *what, const char *path, int err)
{
    char reason[128], shown[200];
    io_strerror(reason, sizeof reason, err);
    io_path(shown, sizeof shown, path);
    return jbw__error(JBW_EIO, "%s '%s': %s", what, shown, reason);
}

/* Reads f to its end into a NUL-terminated buffer; `hint` is its size. */
static jbw_status io_read_all(char **out, size_t *len, FILE *f, size_t hint,
                              const char *path)
{
    /* Two spare bytes: the NUL, and room for the read that sees EOF. */
    size_t cap = 0, n = 0, need = hint < SIZE_MAX - 2 ? hint + 2 : 4096;
    void *data = NULL;
    if (need < 4096)
        need = 4096;
    for (;;) {
        size_t got;
        if (n + 2 > cap &&
            jbw__grow(&data, &cap, n + 2 > need ? n + 2 : need, 1) != 0) {
            jbw__free(data);
            return jbw__enomem();
        }
        got = fread((char *)data + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int err = errno;
                jbw__free(data);
                return io_file_error("cannot read", path, err ? err : EIO);
            }
            break;
        }
    }
    ((char *)data)[n] = '\0';
    *out = data;
    if (len)
        *len = n;
    return JBW_OK;
}

jbw_status jbw_read_file(char **out, size_t *len, const char *path)
{
    struct stat sb;
    size_t hint = 0;
    FILE *f;
    jbw_status st;
    if (!out || !path)
        return jbw__error(JBW_EINVAL,
                          "jbw_read_file: out and path must not be NULL");
    f = fopen(path, "rb");
    if (!f)
        return io_file_error("cannot open", path, errno);
    if (fstat(fileno(f), &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) {
            fclose(f);
            return io_file_error("cannot read", path, EISDIR);
        }
        if (S_ISREG(sb.st_mode) && sb.st_size > 0 &&
            (unsigned long long)sb.st_size < (unsigned long long)SIZE_MAX / 2)
            hint = (size_t)sb.st_size;
    }
    st = io_read_all(out, len, f, hint, path);
    fclose(f);
    return st == JBW_OK ? jbw__ok() : st;
}

#if defined(_WIN32)
#define io_getpid()  ((long)_getpid())
#define io_fsync(fd) _commit(fd)
#define io_fileno(f) _fileno(f)
#else
#define io_getpid()  ((long)getpid())
#define io_fsync(fd) fsync(fd)
#define io_fileno(f) fileno(f)
#endif

/* Moves the finished temporary file over the target. */
static int io_replace(const char *tmp, const char *path)
{
#if defined(_WIN32)
    if (MoveFileExA(tmp, path,
                    MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return 0;
    errno = EACCES;
    return -1;
#else
    return rename(tmp, path);
#endif
}

/*
 * Creates a new temporary file beside `path`. The name holds the process
 * id and a counter; "x" (exclusive create) makes a name in use by another
 * writer fail, and the next counter is tried.
 */
static FILE *io_create_temp(char *tmp, size_t size, const char *path)
{
    int attempt;
    FILE *f = NULL;
    for (attempt = 0; attempt < 100 && !f; attempt++) {
        snprintf(tmp, size, "%s.%ld.%d.tmp", path, io_getpid(), attempt);
        f = fopen(tmp, "wbx");
        if (!f && errno != EEXIST)
            break;
    }
    return f;
}

/* Gives the new file the mode of the one it replaces. */
static void io_keep_mode(FILE *f, const char *path)
{
#if defined(_WIN32)
    (void)f;
    (void)path;
#else
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
        (void)fchmod(fileno(f), sb.st_mode & 07777);
#endif
}

jbw_status jbw_write_file(const char *path, const char *data, size_t len)
{
    size_t tmp_size;
    char *tmp;
    FILE *f;
    int err = 0;
    if (!path || (!data && len))
        return jbw__error(JBW_EINVAL,
                          "jbw_write_file: path and data must not be NULL");
    if (!*path)
        return jbw__error(JBW_EINVAL, "jbw_write_file: the path is empty");
    tmp_size = strlen(path) + 48;
    tmp = jbw__malloc(tmp_size);
    if (!tmp)
        return jbw__enomem();
    f = io_create_temp(tmp, tmp_size, path);
    if (!f) {
        err = errno;
        jbw__free(tmp);
        return io_file_error("cannot create a temporary file beside", path,
                             err);
    }
    io_keep_mode(f, path);
    if ((len && fwrite(data, 1, len, f) != len) || fflush(f) != 0 ||
        io_fsync(io_fileno(f)) != 0)
        err = errno ? errno : EIO;
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    if (!err && io_replace(tmp, path) != 0)
        err = errno ? errno : EIO;
    if (err) {
        remove(tmp);
        jbw__free(tmp);
        return io_file_error("cannot write", path, err);
    }
    jbw__free(tmp);
    return jbw__ok();
}
