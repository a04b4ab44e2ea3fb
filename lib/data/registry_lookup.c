/*
 * Finding a municipality of a registry by name (a municipality names its
 * region, so this is how an address's municipality finds its jeugdregio).
 */
#include "jbw/registry.h"

#include "base/base_internal.h"

#include <string.h>

jbw_status jbw_registry_find_municipality(size_t *index,
                                          const jbw_registry *reg,
                                          const char *name)
{
    size_t i, n;
    if (!index || !reg || !name)
        return jbw__error(JBW_EINVAL, "jbw_registry_find_municipality: "
                                      "index, reg and name must not be NULL");
    n = jbw_registry_municipality_count(reg);
    /* Registries hold a few hundred municipalities: a scan costs less
     * than keeping an index up to date. */
    for (i = 0; i < n; i++) {
        jbw_municipality_info m = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
        if (jbw_registry_municipality(&m, reg, i) == JBW_OK &&
            strcmp(m.name, name) == 0) {
            *index = i;
            return JBW_OK;
        }
    }
    return jbw__error(JBW_ENOTFOUND, "municipality '%s' is not in the registry",
                      name);
}
