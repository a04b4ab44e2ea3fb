/*
 * libjbw - the initialisers of the versioned public records
 * (jbw_*_init(out, version)) and the message of every version check: one
 * check and one wording for all of them.
 */
#include "base/base_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

jbw_status jbw__error_version(unsigned int version, unsigned int oldest,
                              unsigned int newest, const char *fmt, ...)
{
    char prefix[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    if (oldest == newest)
        return jbw__error(JBW_EVERSION,
                          "%s version %u is not supported (expected %u)",
                          prefix, version, newest);
    return jbw__error(JBW_EVERSION,
                      "%s version %u is not supported (expected %u to %u)",
                      prefix, version, oldest, newest);
}

jbw_status jbw__record_init(void *out, const void *init, size_t size,
                            unsigned int version, unsigned int known,
                            const char *fn)
{
    if (!out)
        return jbw__error(JBW_EINVAL, "%s: the record to fill is NULL", fn);
    if (version != known)
        return jbw__error_version(version, known, known, "%s:", fn);
    memcpy(out, init, size);
    return jbw__ok();
}
