/*
 * Finding a municipality of a registry by name (a municipality names its
 * region, so this is how an address's municipality finds its jeugdregio),
 * and the organisation or region whose name an unknown key spells.
 */
#include "jbw/registry.h"

#include "data/snapshot_internal.h"

#include <string.h>

/* s without the spaces and tabs around it: *n bytes from the return. */
static const char *trimmed(const char *s, size_t *n)
{
    const char *end = s + strlen(s);
    while (*s == ' ' || *s == '\t')
        s++;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    *n = (size_t)(end - s);
    return s;
}

/* a[0..n) and b[0..n) are alike but for ASCII case. */
static int same_but_case(const char *a, const char *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return 1;
}

JBW__COLD const char *jbw__registry_name_twin(const char **name,
                                              const jbw__strmap *keys,
                                              char *const *names,
                                              const char *value)
{
    size_t k, n, len;
    const char *v = trimmed(value, &len);
    if (!len)
        return NULL;
    for (k = 0; k < keys->count; k++) {
        const char *s = trimmed(names[k], &n);
        if (n == len && same_but_case(s, v, n)) {
            *name = names[k];
            return jbw__strmap_key(keys, k);
        }
    }
    return NULL;
}

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
