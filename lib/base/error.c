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
static JBW__THREAD_LOCAL char jbw__last_error[JBW__ERROR_SIZE];

const char *jbw_last_error(void)
{
    return jbw__last_error;
}

void jbw_clear_error(void)
{
    jbw__last_error[0] = '\0';
}

jbw_status jbw__verror(jbw_status status, const char *fmt, va_list ap)
{
    /* Format into a scratch buffer first: fmt's arguments may point into
     * the current message. */
    char tmp[JBW__ERROR_SIZE];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    if (n < 0)
        tmp[0] = '\0';
    memcpy(jbw__last_error, tmp, sizeof tmp);
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

jbw_status jbw__enomem(void)
{
    return jbw__error(JBW_ENOMEM, "out of memory");
}

jbw_status jbw__ok(void)
{
    jbw__last_error[0] = '\0';
    return JBW_OK;
}
