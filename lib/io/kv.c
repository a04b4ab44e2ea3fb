/*
 * libjbw - the reader of key = value files (norm, model and scenario
 * files).
 */
#include "io/kv.h"
#include "io/csv.h"

#include <ctype.h>
#include <string.h>

/* ---- key = value files ----------------------------------------------- */

static int is_key_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.';
}

jbw_status jbw__kv_parse(const char *text, size_t len, const char *source,
                         jbw__kv_fn fn, void *user)
{
    size_t pos = 0, line = 0;
    char key[128];
    char value[1024];
    if (!source)
        source = "(text)";
    if (!text && len)
        return jbw__error(JBW_EINVAL, "%s: no text", source);
    if (len && jbw__text_encoding_check(text, len, source) != JBW_OK)
        return JBW_EPARSE;
    while (pos < len) {
        size_t start = pos, end, i, klen, vstart, vend;
        jbw_status st;
        line++;
        while (pos < len && text[pos] != '\n')
            pos++;
        end = pos;
        if (pos < len)
            pos++; /* skip '\n' */
        if (end > start && text[end - 1] == '\r')
            end--;
        for (i = start; i < end; i++)
            if (text[i] == '\0')
                return jbw__error(JBW_EPARSE, "%s line %zu: NUL byte", source,
                                  line);
        /* Strip a UTF-8 BOM on the first line. */
        if (line == 1 && end - start >= 3 &&
            memcmp(text + start, "\xEF\xBB\xBF", 3) == 0)
            start += 3;
        i = start;
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
            i++;
        if (i == end || text[i] == '#')
            continue;
        klen = 0;
        while (i < end && is_key_char(text[i])) {
            if (klen + 1 >= sizeof key)
                return jbw__error(JBW_EPARSE,
                                  "%s line %zu: a key has at most %zu bytes",
                                  source, line, sizeof key - 1);
            key[klen++] = text[i++];
        }
        key[klen] = '\0';
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
            i++;
        if (klen == 0 || i == end || text[i] != '=') {
            char q[JBW__SHOWN];
            return jbw__error(
                JBW_EPARSE, "%s line %zu: expected 'key = value': '%s'", source,
                line, jbw__quote_value(q, sizeof q, text + start, end - start));
        }
        i++;
        vstart = i;
        vend = vstart;
        /* the value runs to a '#' comment or the end of the line */
        while (vend < end && text[vend] != '#')
            vend++;
        while (vstart < vend && (text[vstart] == ' ' || text[vstart] == '\t'))
            vstart++;
        while (vend > vstart &&
               (text[vend - 1] == ' ' || text[vend - 1] == '\t'))
            vend--;
        if (vend - vstart >= sizeof value)
            return jbw__error(JBW_EPARSE, "%s line %zu: value of '%s' too long",
                              source, line, key);
        memcpy(value, text + vstart, vend - vstart);
        value[vend - vstart] = '\0';
        st = fn(user, key, value, line);
        if (st != JBW_OK)
            return st;
    }
    return JBW_OK;
}

jbw_status jbw__kv_read(char **out, size_t *len, const char *path)
{
    static const jbw__text_limits lim = {JBW__KV_FILE_MAX, (size_t)64 << 10, 0};
    return jbw__read_text(out, len, path, &lim, 1);
}
