/*
 * libjbw - the limits of the text readers (docs/formats.md, "Limits"):
 * the size of a text, the length of a line, NUL bytes and encodings that
 * are not UTF-8, checked on each chunk as it arrives, so that a reader
 * stops at the first byte past a limit instead of reading to the end.
 */
#include "io/csv.h"

#include <string.h>

jbw_status jbw__text_encoding_check(const char *text, size_t len,
                                    const char *source)
{
    const unsigned char *p = (const unsigned char *)text;
    const char *name = NULL;
    size_t bom = 0;
    if (len >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
        name = "UTF-32 (little-endian)";
        bom = 4;
    } else if (len >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE &&
               p[3] == 0xFF) {
        name = "UTF-32 (big-endian)";
        bom = 4;
    } else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        name = "UTF-16 (little-endian)";
        bom = 2;
    } else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        name = "UTF-16 (big-endian)";
        bom = 2;
    }
    if (!name)
        return JBW_OK;
    return jbw__error(JBW_EPARSE,
                      "%s is %s, not UTF-8 (byte-order mark %s); save it as "
                      "UTF-8",
                      source, name,
                      bom == 4 ? (p[0] ? "FF FE 00 00" : "00 00 FE FF")
                               : (p[0] == 0xFF ? "FF FE" : "FE FF"));
}

void jbw__text_scan_init(jbw__text_scan *sc, const jbw__text_limits *lim,
                         const char *source, int refuse_nul)
{
    memset(sc, 0, sizeof *sc);
    sc->lim = *lim;
    sc->source = source;
    sc->refuse_nul = refuse_nul;
    sc->line = 1;
}

jbw_status jbw__text_size_refused(const char *source, unsigned long long size,
                                  const jbw__text_limits *lim)
{
    return jbw__error(JBW_ERANGE,
                      "%s is %llu bytes, larger than %zu bytes, the limit "
                      "on the size of this file%s",
                      source, size, lim->max_bytes,
                      lim->settable ? " (max_file_bytes)" : "");
}

static jbw_status too_large(const jbw__text_scan *sc)
{
    return jbw__error(JBW_ERANGE,
                      "%s is larger than %zu bytes, the limit on the size of "
                      "this file%s",
                      sc->source, sc->lim.max_bytes,
                      sc->lim.settable ? " (max_file_bytes)" : "");
}

jbw_status jbw__text_scan_chunk(jbw__text_scan *sc, const char *p, size_t n)
{
    const char *end = p + n, *nul = NULL;
    if (n > sc->lim.max_bytes - sc->total)
        return too_large(sc);
    if (sc->total == 0 && n > 0) {
        jbw_status st = jbw__text_encoding_check(p, n, sc->source);
        if (st != JBW_OK)
            return st;
    }
    sc->total += n;
    if (sc->refuse_nul && (nul = memchr(p, '\0', n)) != NULL)
        end = nul; /* the lines before it are checked first */
    while (p < end) {
        const char *lf = memchr(p, '\n', (size_t)(end - p));
        size_t part = (size_t)((lf ? lf : end) - p);
        if (part > sc->lim.max_line - sc->line_len)
            return jbw__error(JBW_ERANGE,
                              "%s line %zu is longer than %zu bytes, the "
                              "limit on the length of a line%s",
                              sc->source, sc->line, sc->lim.max_line,
                              sc->lim.settable ? " (max_line_bytes)" : "");
        if (!lf) {
            sc->line_len += part;
            break;
        }
        sc->line++;
        sc->line_len = 0;
        p = lf + 1;
    }
    if (nul)
        return jbw__error(JBW_EPARSE,
                          "%s line %zu, byte %zu of the line: NUL byte (a "
                          "UTF-16 or UTF-32 file, or not text? save it as "
                          "UTF-8)",
                          sc->source, sc->line, sc->line_len + 1);
    return JBW_OK;
}
