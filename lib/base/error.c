/*
 * libjbw - status codes, their static texts and the thread-local error
 * detail (jbw_last_error).
 */
#include "base/base_internal.h"

#include <stdio.h>
#include <string.h>

#if defined(_MSC_VER)
#define JBW__THREAD_LOCAL __declspec(thread)
#else
#define JBW__THREAD_LOCAL __thread
#endif

/* ---- status and errors ----------------------------------------------- */

const char *jbw_strerror(int status)
{
    switch (status) {
    case JBW_OK:
        return "success";
    case JBW_EINVAL:
        return "invalid argument";
    case JBW_ENOMEM:
        return "out of memory";
    case JBW_ERANGE:
        return "value out of range";
    case JBW_EPARSE:
        return "parse error";
    case JBW_ENOTFOUND:
        return "not found";
    case JBW_EDUPLICATE:
        return "duplicate";
    case JBW_EVERSION:
        return "unsupported version";
    case JBW_EIO:
        return "input/output error";
    case JBW_EPROTECTED:
        return "protected attribute refused";
    case JBW_EBUFFER:
        return "buffer too small";
    case JBW_ECANCELED:
        return "canceled";
    default:
        return "unknown error";
    }
}

#define JBW__ERROR_SIZE 512
static JBW__THREAD_LOCAL char last_error[JBW__ERROR_SIZE];

const char *jbw_last_error(void)
{
    return last_error;
}

void jbw_clear_error(void)
{
    last_error[0] = '\0';
}

size_t jbw__utf8_seq(const unsigned char *p)
{
    unsigned char lo = 0x80, hi = 0xBF;
    size_t n, i;
    if (p[0] >= 0xC2 && p[0] <= 0xDF)
        n = 2;
    else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        n = 3;
        lo = p[0] == 0xE0 ? 0xA0 : 0x80;
        hi = p[0] == 0xED ? 0x9F : 0xBF;
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        n = 4;
        lo = p[0] == 0xF0 ? 0x90 : 0x80;
        hi = p[0] == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (i = 2; i < n; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return n;
}

/* Replaces each byte that is not part of well-formed UTF-8 with '?': a
 * value given through the API may be any bytes, a message never is. */
static void utf8_clean(char *s)
{
    unsigned char *p = (unsigned char *)s;
    while (*p) {
        size_t n;
        if (*p < 0x80) {
            p++;
            continue;
        }
        n = jbw__utf8_seq(p);
        if (n)
            p += n;
        else
            *p++ = '?';
    }
}

const char *jbw__quote_value(char *dst, size_t size, const char *s, size_t n)
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
        memcpy(dst + k, "\xE2\x80\xA6", 3); /* an ellipsis, U+2026 */
        k += 3;
    }
    dst[k] = '\0';
    return dst;
}

jbw_status jbw__verror(jbw_status status, const char *fmt, va_list ap)
{
    /* Format into a scratch buffer first: fmt's arguments may point into
     * the current message. */
    char tmp[JBW__ERROR_SIZE];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    if (n < 0)
        tmp[0] = '\0';
    else if ((size_t)n >= sizeof tmp) {
        /* Too long: end with an ellipsis (U+2026) at the start of a
         * character, so the message stays UTF-8 and says it was cut. */
        size_t cut = sizeof tmp - 4;
        while (cut > 0 && ((unsigned char)tmp[cut] & 0xC0) == 0x80)
            cut--;
        memcpy(tmp + cut, "\xE2\x80\xA6", 4);
    }
    utf8_clean(tmp);
    memcpy(last_error, tmp, sizeof tmp);
    return status;
}

jbw_status jbw__error(jbw_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jbw__verror(status, fmt, ap);
    va_end(ap);
    return status;
}

jbw_status jbw__error_as(jbw_status st, const char *callee, const char *caller)
{
    size_t n = strlen(callee);
    if (strncmp(last_error, callee, n) != 0 ||
        strncmp(last_error + n, ": ", 2) != 0)
        return st;
    /* jbw__verror formats before it writes: the rest may be read here */
    return jbw__error(st, "%s: %s", caller, last_error + n + 2);
}

jbw_status jbw__enomem(void)
{
    return jbw__error(JBW_ENOMEM, "out of memory");
}

jbw_status jbw__ok(void)
{
    last_error[0] = '\0';
    return JBW_OK;
}
