/*
 * libjbw - the initialisers of the versioned public records
 * (jbw_*_init(out, version)): one check and one message for all of them.
 */
#include "base/base_internal.h"

#include <string.h>

jbw_status jbw__record_init(void *out, const void *init, size_t size,
                            unsigned int version, unsigned int known,
                            const char *fn)
{
    if (!out)
        return jbw__error(JBW_EINVAL, "%s: the record to fill is NULL", fn);
    if (version != known)
        return jbw__error(JBW_EVERSION,
                          "%s: version %u is not supported (this library "
                          "knows version %u)",
                          fn, version, known);
    memcpy(out, init, size);
    return jbw__ok();
}
