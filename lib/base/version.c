/*
 * libjbw - the version and ABI major the library was built as.
 */
#include "base/base_internal.h"

/* ---- version --------------------------------------------------------- */

const char *jbw_version(void)
{
    return JBW_VERSION_STRING;
}

int jbw_version_number(void)
{
    return JBW_VERSION_NUMBER;
}

int jbw_abi_major(void)
{
    return JBW_ABI_MAJOR;
}
