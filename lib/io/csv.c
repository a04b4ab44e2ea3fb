/*
 * libjbw - the CSV tokenizer (csv.h): one pass over the text, no
 * allocation per field, SSE2 scanning where available.
 */
#include "io/csv.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#include <emmintrin.h>
#define JBW__CSV_SSE2 1
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
static const unsigned char csv_class[256] = {
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
        __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_setzero_si128()),
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
    while (q < end && !csv_class[*q])
        q++;
    return q;
}

/*
 * Length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), or 0
 * when it is malformed: overlong forms, surrogates and code points above
 * U+10FFFF are rejected as RFC 3629 requires.
 */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
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
    jbw__quote_value(dst, size, s, n);
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
static int csv_reserve(jbw__csv *c, size_t extra)
{
    void *p = c->buf;
    if (extra > SIZE_MAX - c->buf_len - 1)
        return -1;
    if (jbw__grow(&p, &c->buf_cap, c->buf_len + extra + 1, 1) != 0)
        return -1;
    c->buf = p;
    return 0;
}

static int csv_append(jbw__csv *c, const char *s, size_t n)
{
    if (c->buf_len + n + 1 > c->buf_cap && csv_reserve(c, n) != 0)
        return -1;
    if (n)
        memcpy(c->buf + c->buf_len, s, n);
    c->buf_len += n;
    return 0;
}

/* Grows the per-field arrays by one field or more. */
static int csv_grow_fields(jbw__csv *c)
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
static jbw_status csv_bad_byte(const jbw__csv *c, const char *field,
                               const char *at)
{
    size_t col = c->count - 1;
    if (*at == '\0')
        return jbw__csv_error(c, col, JBW_EPARSE,
                              "NUL byte (a UTF-16 or UTF-32 file? save it as "
                              "UTF-8)");
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
static jbw_status csv_unquoted_byte(const jbw__csv *c,
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
        return csv_bad_byte(c, (const char *)field, (const char *)q);
    n = utf8_len(q, (const unsigned char *)c->end);
    if (!n)
        return csv_bad_byte(c, (const char *)field, (const char *)q);
    *qq = q + n;
    return JBW_OK;
}

/*
 * Scans a quoted field whose opening quote is at *pp, undoubling quotes
 * and counting the line ends inside it; leaves *pp after the closing
 * quote and any spaces that follow it.
 */
static jbw_status csv_quoted(jbw__csv *c, const char **pp)
{
    const unsigned char *q = (const unsigned char *)*pp + 1;
    const unsigned char *end = (const unsigned char *)c->end, *seg = q;
    const char *field = (const char *)q;
    size_t start_line = c->line, i = c->count - 1;
    c->offs[i] = c->buf_len;
    for (;;) {
        q = jbw__csv_scan(q, end);
        if (q == end && !c->final) {
            c->starved = 1; /* the closing quote may be in the next part */
            return JBW_EPARSE;
        }
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
            if (csv_append(c, (const char *)seg,
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
            return csv_bad_byte(c, field, (const char *)q);
        } else {
            size_t n = utf8_len(q, end);
            if (!n)
                return csv_bad_byte(c, field, (const char *)q);
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
        if (!c->final && (size_t)(end - q) < sizeof v) {
            c->starved = 1; /* the message quotes what follows */
            return JBW_EPARSE;
        }
        jbw__csv_quote(v, sizeof v, (const char *)q, (size_t)(end - q));
        return jbw__csv_error(c, c->count - 1, JBW_EPARSE,
                              "text after the closing quote: '%s'", v);
    }
    *pp = (const char *)q;
    return JBW_OK;
}

#if defined(JBW__CSV_SSE2)
/*
 * The fields of an ordinary stretch of a record, sixteen bytes at a time:
 * fields are short (a measures row holds 17 in about 110 bytes), so that
 * scanning each one on its own costs more in setting up the scan than in
 * scanning. Each block gives two bit masks, the delimiters and the bytes
 * up to '"' or from 0x80, and the fields are cut at the delimiter bits
 * before the first byte of the second mask. That mask holds every byte
 * the byte loop must look at: the line ends, NUL, the quote, the spaces
 * and tabs that it trims or that may come before a quote, and the bytes
 * of UTF-8 characters, which it checks. The other delimiter is data in
 * an unquoted field, as in the byte loop, and needs no look.
 *
 * Starting at the field start *pp, it records fields until the record's
 * LF or CRLF, and returns 1 with the line end read. It returns 0, with
 * *pp at the start of a field, where the byte loop must go on: at the
 * field that holds a byte of the second mask other than its line end
 * (a space inside a field too, although only those at its ends matter),
 * and where less than a block of the text is left: it never reads past
 * the text's end.
 * The fields it recorded are those the byte loop would have recorded,
 * each of them neither trimmed nor unquoted. -1: out of memory.
 */
static JBW__CSV_INLINE int csv_fast(jbw__csv *c, const unsigned char **pp,
                                    size_t *countp, int *contentp,
                                    const char ***ptrsp, size_t **lensp,
                                    size_t *capp)
{
    const unsigned char *p = *pp, *blk = p;
    const unsigned char *const end = (const unsigned char *)c->end;
    const __m128i delim = _mm_set1_epi8(c->delim);
    const char **ptrs = *ptrsp;
    size_t *lens = *lensp;
    size_t count = *countp, cap = *capp;
    int content = *contentp, done = 0;
    while (end - blk >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)blk);
        unsigned dm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, delim));
        /* Signed, the bytes from 0x80 are below '"' + 1 too. */
        unsigned om = (unsigned)_mm_movemask_epi8(
            _mm_cmplt_epi8(v, _mm_set1_epi8('"' + 1)));
        /* k: the first byte of the second mask, 16 when none. */
        unsigned k = (unsigned)__builtin_ctz(om | 0x10000u);
        unsigned before = (1u << k) - 1, cut = dm & before;
        /* A byte before k that is no delimiter is one that no trimming
         * removes: the record is not blank. */
        content |= (before & ~dm) != 0;
        for (;;) {
            const unsigned char *e;
            if (cut)
                e = blk + __builtin_ctz(cut);
            else if (k < 16 && (blk[k] == '\n' || (blk[k] == '\r' && k < 15 &&
                                                   blk[k + 1] == '\n')))
                e = blk + k; /* the record's last field */
            else
                break;
            if (JBW__UNLIKELY(count == cap)) {
                c->count = count;
                if (csv_grow_fields(c) != 0)
                    return -1;
                ptrs = c->ptrs;
                lens = c->lens;
                cap = c->field_cap;
            }
            ptrs[count] = (const char *)p;
            lens[count] = (size_t)(e - p);
            count++;
            p = e + 1;
            if (!cut) {
                p += *e == '\r'; /* the LF of a CRLF */
                c->line++;
                done = 1;
                break;
            }
            cut &= cut - 1;
        }
        if (k < 16)
            break;
        blk += 16;
    }
    c->count = count;
    *pp = p;
    *countp = count;
    *contentp = content;
    *ptrsp = ptrs;
    *lensp = lens;
    *capp = cap;
    return done;
}
#endif

/*
 * Reads one record into the field buffer. *blank is 1 when it held
 * nothing but spaces and delimiters.
 *
 * An unquoted field is recorded, trimmed of spaces and tabs, where it
 * lies in the text (no copy); a quoted one goes to csv_quoted().
 * The loop keeps the record's state in locals: fields are short, and
 * per-field bookkeeping is most of the work. Where SSE2 is, csv_fast()
 * reads the plain fields first (most of a record, often all of it), at
 * the record's start and after a quoted field; the byte loop reads the
 * rest.
 */
static jbw_status csv_record(jbw__csv *c, int *blank)
{
    const unsigned char *p = (const unsigned char *)c->pos;
    const unsigned char *const end = (const unsigned char *)c->end;
    const unsigned char delim = (unsigned char)c->delim;
    const char **ptrs = c->ptrs;
    size_t *lens = c->lens;
    size_t count = 0, cap = c->field_cap, i;
    int content = 0, quoted = 0;
#if defined(JBW__CSV_SSE2)
    int fast = 1; /* at a field that csv_fast() may read */
#endif
    c->count = 0;
    c->buf_len = 0;
    c->record_line = c->line;
    for (;;) {
        const unsigned char *q, *e;
        jbw_status st;
        int in_quotes;
#if defined(JBW__CSV_SSE2)
        if (fast) {
            int r = csv_fast(c, &p, &count, &content, &ptrs, &lens, &cap);
            if (JBW__UNLIKELY(r < 0))
                return jbw__enomem();
            if (r)
                break;
            fast = 0;
        }
#endif
        if (JBW__UNLIKELY(count == cap)) {
            if (csv_grow_fields(c) != 0)
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
            if ((st = csv_quoted(c, &pp)) != JBW_OK)
                return st;
            p = (const unsigned char *)pp;
        } else {
            q = jbw__csv_scan(p, end);
            while (q < end && *q != delim && *q != '\n' && *q != '\r') {
                if ((st = csv_unquoted_byte(c, p, &q)) != JBW_OK)
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
        if (p == end) {
            if (!c->final) { /* the record may go on in the next part */
                c->starved = 1;
                return JBW_EPARSE;
            }
            break;
        }
        if (*p == delim) {
            p++;
#if defined(JBW__CSV_SSE2)
            /* Writers quote ids: the fields after one are often plain. */
            fast = in_quotes;
#endif
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == end || p[1] != '\n')
                return jbw__csv_error(c, JBW__CSV_ABSENT, JBW_EPARSE,
                                      "a carriage return without a line "
                                      "feed (lines must end in LF or CRLF; "
                                      "the file was saved with old Mac "
                                      "line ends: save it again as CSV, "
                                      "in Excel 'CSV UTF-8')");
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
 * that occurs outside quotes. The line ends at its LF or at a CR: a CR
 * outside quotes either starts a CRLF or is a CR alone, which
 * csv_record() refuses with its own message; read past it, the rows of a
 * file with CR line ends would count as the header (a decimal comma in a
 * ';' file made it ambiguous). A part of a text that ends inside the
 * header's quotes starves (the line goes on in the next part), so that a
 * text read in parts gets the delimiter the whole text gives.
 */
static jbw_status csv_detect(jbw__csv *c)
{
    const char *p = c->pos;
    int quoted = 0, comma = 0, semi = 0;
    for (; p < c->end; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (*p == '\n' || *p == '\r')
            break;
        else if (*p == ',')
            comma = 1;
        else if (*p == ';')
            semi = 1;
    }
    /* a CR that ends a part may be the start of a CRLF */
    if ((p == c->end || (*p == '\r' && p + 1 == c->end)) && !c->final) {
        c->starved = 1;
        return JBW_EPARSE;
    }
    if (comma && semi)
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: the header line holds both ',' and "
                          "';', so the delimiter is ambiguous",
                          c->source, c->line);
    c->delim = semi ? ';' : ',';
    return JBW_OK;
}

/* The length of the space at s (before e) that a header name is trimmed
 * of: a space or tab (1), a no-break space U+00A0 (2, C2 A0; Excel and
 * copies from web pages put it there); 0 when none. */
static size_t name_space_at(const char *s, const char *e)
{
    if (*s == ' ' || *s == '\t')
        return 1;
    return e - s >= 2 && (unsigned char)s[0] == 0xC2 &&
                   (unsigned char)s[1] == 0xA0
               ? 2
               : 0;
}

/* name_space_at() for the space that ends at e (after s). */
static size_t name_space_before(const char *s, const char *e)
{
    if (e[-1] == ' ' || e[-1] == '\t')
        return 1;
    return e - s >= 2 && (unsigned char)e[-2] == 0xC2 &&
                   (unsigned char)e[-1] == 0xA0
               ? 2
               : 0;
}

/*
 * Keeps the header's names, NUL-terminated, for lookups and messages.
 * Names are trimmed of spaces, tabs and no-break spaces even when
 * quoted: a name is no data.
 */
static jbw_status csv_keep_names(jbw__csv *c)
{
    size_t i, total = 0, at = 0, k;
    for (i = 0; i < c->count; i++)
        total += c->lens[i] + 1;
    c->names = jbw__malloc(total);
    c->name_offs = jbw__calloc(c->count, sizeof(size_t));
    if (!c->names || !c->name_offs)
        return jbw__enomem();
    for (i = 0; i < c->count; i++) {
        const char *s = c->ptrs[i], *e = s + c->lens[i];
        while (s < e && (k = name_space_at(s, e)) != 0)
            s += k;
        while (e > s && (k = name_space_before(s, e)) != 0)
            e -= k;
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
    return jbw__csv_open_part(c, text, len, source, 1);
}

/*
 * Excel reads and may write a first line "sep=;" (or another delimiter)
 * that names the delimiter for Excel: no header. It is skipped as a whole
 * line ("sep=X" and its line end, case-blind), so the header is line 2.
 */
static void skip_excel_sep(jbw__csv *c)
{
    const char *p = c->pos;
    size_t n = (size_t)(c->end - p), k;
    if (n < 6 || (p[0] | 0x20) != 's' || (p[1] | 0x20) != 'e' ||
        (p[2] | 0x20) != 'p' || p[3] != '=' || p[4] == '\r' || p[4] == '\n')
        return;
    k = p[5] == '\r' ? 6 : 5;
    if (k < n && p[k] == '\n') {
        c->pos = p + k + 1;
        c->line++;
    }
}

jbw_status jbw__csv_open_part(jbw__csv *c, const char *text, size_t len,
                              const char *source, int final)
{
    jbw_status st;
    int blank = 1;
    memset(c, 0, sizeof *c);
    c->final = final;
    c->source = source;
    c->pos = text;
    c->end = text + len;
    c->line = 1;
    if ((st = jbw__text_encoding_check(text, len, source)) != JBW_OK)
        return st;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        c->pos += 3;
    skip_excel_sep(c);
    while (blank) {
        if (c->pos == c->end && !final) {
            c->starved = 1;
            jbw__csv_close(c);
            return JBW_EPARSE;
        }
        if (c->pos == c->end) {
            jbw__csv_close(c);
            return jbw__error(JBW_EPARSE, "%s is empty: no header line",
                              source);
        }
        st = csv_detect(c);
        if (st == JBW_OK)
            st = csv_record(c, &blank);
        if (st != JBW_OK) {
            jbw__csv_close(c);
            return st;
        }
    }
    st = csv_keep_names(c);
    if (st != JBW_OK)
        jbw__csv_close(c);
    return st;
}

jbw_status jbw__csv_next(jbw__csv *c, int *more)
{
    int blank = 1;
    while (blank) {
        const char *at = c->pos;
        size_t line = c->line;
        jbw_status st;
        if (c->pos == c->end) {
            c->count = 0;
            c->starved = !c->final;
            *more = 0;
            return JBW_OK;
        }
        st = csv_record(c, &blank);
        if (st != JBW_OK && c->starved) {
            /* read the record again from its start once there is more */
            c->pos = at;
            c->line = line;
            c->count = 0;
            *more = 0;
            return JBW_OK;
        }
        if (st != JBW_OK)
            return st;
    }
    *more = 1;
    return JBW_OK;
}

void jbw__csv_feed(jbw__csv *c, const char *text, size_t len, int final)
{
    c->pos = text;
    c->end = text + len;
    c->final = final;
    c->starved = 0;
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
