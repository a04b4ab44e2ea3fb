/*
 * libjbw - the registry: regions (jeugdregio's), municipalities,
 * organisations (GI's) and the service relation between them.
 *
 * Keys are interned in jbw__strmap's, so a key's map index is the
 * record's index and the parallel arrays of snapshot_internal.h line up
 * with it. Every add checks everything first and interns the key last:
 * interning is the final step that can fail, so a failed add changes
 * nothing (arrays that were already grown only have spare room).
 */
#include "data/snapshot_internal.h"

#include <string.h>

#define JBW__KEY_MAX 64

/* ---- validation -------------------------------------------------------- */

static int is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

/* Checks a key (1-64 bytes of [A-Za-z0-9_.-]); `what` names it. */
static jbw_status check_key(const char *what, const char *key)
{
    size_t i, n;
    char q[JBW__SHOWN];
    if (!key)
        return jbw__error(JBW_EINVAL, "%s is NULL", what);
    n = strlen(key);
    if (n == 0)
        return jbw__error(JBW_EINVAL, "%s is empty", what);
    if (n > JBW__KEY_MAX)
        return jbw__error(JBW_EINVAL, "%s is longer than %d bytes: '%s'", what,
                          JBW__KEY_MAX, jbw__quote_value(q, sizeof q, key, n));
    for (i = 0; i < n; i++)
        if (!is_key_char(key[i]))
            return jbw__error(JBW_EINVAL,
                              "%s: only letters, digits, '_', '-' and '.' "
                              "are allowed (byte %zu): '%s'",
                              what, i + 1,
                              jbw__quote_value(q, sizeof q, key, n));
    return JBW_OK;
}

static jbw_status check_name(const char *what, const char *key,
                             const char *name)
{
    if (!name)
        return jbw__error(JBW_EINVAL, "%s '%s': name is NULL", what, key);
    if (!*name)
        return jbw__error(JBW_EINVAL, "%s '%s': name is empty", what, key);
    return JBW_OK;
}

static long find(const jbw__strmap *m, const char *key)
{
    return jbw__strmap_find(m, key, strlen(key));
}

/* ---- life cycle -------------------------------------------------------- */

jbw_status jbw_registry_new(jbw_registry **out)
{
    jbw_registry *reg = NULL;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_registry_new: out is NULL");
    /* All-zero is the empty state of every member (JBW__STRMAP_INIT too). */
    reg = jbw__calloc(1, sizeof *reg);
    if (!reg)
        return jbw__enomem();
    *out = reg;
    return jbw__ok();
}

void jbw_registry_free(jbw_registry *reg)
{
    size_t i;
    if (!reg)
        return;
    for (i = 0; i < reg->region_keys.count; i++) {
        jbw__free(reg->region_names[i]);
        jbw__free(reg->region_cbs[i]);
    }
    for (i = 0; i < reg->org_keys.count; i++)
        jbw__free(reg->org_names[i]);
    jbw__strmap_free(&reg->region_keys);
    jbw__strmap_free(&reg->municipality_names);
    jbw__strmap_free(&reg->org_keys);
    jbw__free(reg->region_names);
    jbw__free(reg->region_cbs);
    jbw__free(reg->municipality_region);
    jbw__free(reg->org_names);
    jbw__free(reg->service_org);
    jbw__free(reg->service_region);
    jbw__free(reg);
}

/* ---- adding ------------------------------------------------------------ */

static int grow_regions(jbw_registry *reg, size_t need)
{
    void *a[2];
    size_t e[2] = {sizeof(char *), sizeof(char *)};
    int rc;
    a[0] = reg->region_names;
    a[1] = reg->region_cbs;
    rc = jbw__grow_parallel(a, e, 2, &reg->region_cap, need);
    reg->region_names = a[0];
    reg->region_cbs = a[1];
    return rc;
}

jbw_status jbw_registry_add_region(jbw_registry *reg, const char *key,
                                   const char *name, const char *cbs_code)
{
    jbw_status st;
    char *name_copy, *cbs_copy;
    size_t index;
    if (!reg)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_add_region: registry is NULL");
    if ((st = check_key("region key", key)) != JBW_OK ||
        (st = check_name("region", key, name)) != JBW_OK)
        return st;
    if (cbs_code && *cbs_code &&
        (st = check_key("region CBS code", cbs_code)) != JBW_OK)
        return st;
    if (find(&reg->region_keys, key) >= 0)
        return jbw__error(JBW_EDUPLICATE,
                          "region '%s' is already in the registry", key);
    if (grow_regions(reg, reg->region_keys.count + 1) != 0)
        return jbw__enomem();
    name_copy = jbw__strdup(name);
    cbs_copy = jbw__strdup(cbs_code ? cbs_code : "");
    if (!name_copy || !cbs_copy ||
        (st = jbw__strmap_intern(&reg->region_keys, key, strlen(key), &index,
                                 NULL)) != JBW_OK) {
        jbw__free(name_copy);
        jbw__free(cbs_copy);
        return (name_copy && cbs_copy) ? st : jbw__enomem();
    }
    reg->region_names[index] = name_copy;
    reg->region_cbs[index] = cbs_copy;
    return jbw__ok();
}

jbw_status jbw_registry_add_municipality(jbw_registry *reg, const char *name,
                                         const char *region_key)
{
    jbw_status st;
    long region;
    size_t index;
    void *a;
    size_t e = sizeof(uint32_t);
    int rc;
    if (!reg || !name || !region_key)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_add_municipality: registry, name or "
                          "region key is NULL");
    if (!*name)
        return jbw__error(JBW_EINVAL,
                          "municipality in region '%s': name is empty",
                          region_key);
    region = find(&reg->region_keys, region_key);
    if (region < 0)
        return jbw__error(
            JBW_ENOTFOUND,
            "municipality '%s': region '%s' is not in the registry", name,
            region_key);
    if (find(&reg->municipality_names, name) >= 0)
        return jbw__error(JBW_EDUPLICATE,
                          "municipality '%s' is already in the registry", name);
    a = reg->municipality_region;
    rc = jbw__grow_parallel(&a, &e, 1, &reg->municipality_cap,
                            reg->municipality_names.count + 1);
    reg->municipality_region = a;
    if (rc != 0)
        return jbw__enomem();
    st = jbw__strmap_intern(&reg->municipality_names, name, strlen(name),
                            &index, NULL);
    if (st != JBW_OK)
        return st;
    reg->municipality_region[index] = (uint32_t)region;
    return jbw__ok();
}

jbw_status jbw_registry_add_organisation(jbw_registry *reg, const char *key,
                                         const char *name)
{
    jbw_status st;
    char *name_copy;
    size_t index;
    void *a;
    size_t e = sizeof(char *);
    int rc;
    if (!reg)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_add_organisation: registry is NULL");
    if ((st = check_key("organisation key", key)) != JBW_OK ||
        (st = check_name("organisation", key, name)) != JBW_OK)
        return st;
    if (find(&reg->org_keys, key) >= 0)
        return jbw__error(JBW_EDUPLICATE,
                          "organisation '%s' is already in the registry", key);
    a = reg->org_names;
    rc = jbw__grow_parallel(&a, &e, 1, &reg->org_cap, reg->org_keys.count + 1);
    reg->org_names = a;
    if (rc != 0)
        return jbw__enomem();
    name_copy = jbw__strdup(name);
    if (!name_copy)
        return jbw__enomem();
    st = jbw__strmap_intern(&reg->org_keys, key, strlen(key), &index, NULL);
    if (st != JBW_OK) {
        jbw__free(name_copy);
        return st;
    }
    reg->org_names[index] = name_copy;
    return jbw__ok();
}

/* Looks both keys up, naming the one that is missing. */
static jbw_status find_pair(uint32_t *org, uint32_t *region,
                            const jbw_registry *reg,
                            const char *organisation_key,
                            const char *region_key)
{
    long o = find(&reg->org_keys, organisation_key);
    long r = find(&reg->region_keys, region_key);
    if (o < 0)
        return jbw__error(JBW_ENOTFOUND,
                          "organisation '%s' is not in the registry",
                          organisation_key);
    if (r < 0)
        return jbw__error(JBW_ENOTFOUND, "region '%s' is not in the registry",
                          region_key);
    *org = (uint32_t)o;
    *region = (uint32_t)r;
    return JBW_OK;
}

jbw_status jbw_registry_add_service(jbw_registry *reg,
                                    const char *organisation_key,
                                    const char *region_key)
{
    jbw_status st;
    uint32_t org = JBW__NONE, region = JBW__NONE;
    void *a[2];
    size_t e[2] = {sizeof(uint32_t), sizeof(uint32_t)};
    int rc;
    if (!reg || !organisation_key || !region_key)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_add_service: registry or key is NULL");
    if ((st = find_pair(&org, &region, reg, organisation_key, region_key)) !=
        JBW_OK)
        return st;
    if (jbw__registry_serves_idx(reg, org, region))
        return jbw__ok();
    a[0] = reg->service_org;
    a[1] = reg->service_region;
    rc = jbw__grow_parallel(a, e, 2, &reg->service_cap, reg->service_count + 1);
    reg->service_org = a[0];
    reg->service_region = a[1];
    if (rc != 0)
        return jbw__enomem();
    reg->service_org[reg->service_count] = org;
    reg->service_region[reg->service_count] = region;
    reg->service_count++;
    return jbw__ok();
}

/* ---- copying ----------------------------------------------------------- */
/* Re-adds everything of src to the empty dst, in the original order. */
static jbw_status registry_copy(jbw_registry *dst, const jbw_registry *src)
{
    jbw_status st;
    size_t i;
    for (i = 0; i < src->region_keys.count; i++)
        if ((st = jbw_registry_add_region(
                 dst, jbw__strmap_key(&src->region_keys, i),
                 src->region_names[i], src->region_cbs[i])) != JBW_OK)
            return st;
    for (i = 0; i < src->municipality_names.count; i++)
        if ((st = jbw_registry_add_municipality(
                 dst, jbw__strmap_key(&src->municipality_names, i),
                 jbw__strmap_key(&src->region_keys,
                                 src->municipality_region[i]))) != JBW_OK)
            return st;
    for (i = 0; i < src->org_keys.count; i++)
        if ((st = jbw_registry_add_organisation(
                 dst, jbw__strmap_key(&src->org_keys, i), src->org_names[i])) !=
            JBW_OK)
            return st;
    for (i = 0; i < src->service_count; i++)
        if ((st = jbw_registry_add_service(
                 dst, jbw__strmap_key(&src->org_keys, src->service_org[i]),
                 jbw__strmap_key(&src->region_keys, src->service_region[i]))) !=
            JBW_OK)
            return st;
    return JBW_OK;
}

jbw_status jbw_registry_clone(jbw_registry **out, const jbw_registry *reg)
{
    jbw_registry *copy = NULL;
    jbw_status st;
    if (!out || !reg)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_clone: out or registry is NULL");
    if ((st = jbw_registry_new(&copy)) != JBW_OK)
        return st;
    if ((st = registry_copy(copy, reg)) != JBW_OK) {
        jbw_registry_free(copy);
        return st;
    }
    *out = copy;
    return jbw__ok();
}

/* ---- the embedded Zuid-West registry ----------------------------------- */

/*
 * The four jeugdhulpregio's served by Jeugdbescherming west and their
 * municipalities as of 2025, with their CBS jeugdregio codes (CBS/PDOK
 * Gebiedsindelingen 2020 and 2025; docs/sources.md, docs/registry.md).
 */
static const char *const zw_regions[][3] = {
    {"HGL", "Haaglanden", "JZ24"},
    {"HR", "Holland Rijnland", "JZ18"},
    {"MH", "Midden-Holland", "JZ27"},
    {"ZHZ", "Zuid-Holland Zuid", "JZ31"},
};

static const char *const zw_municipalities[][2] = {
    {"Delft", "HGL"},
    {"Den Haag", "HGL"},
    {"Leidschendam-Voorburg", "HGL"},
    {"Midden-Delfland", "HGL"},
    {"Pijnacker-Nootdorp", "HGL"},
    {"Rijswijk", "HGL"},
    {"Wassenaar", "HGL"},
    {"Westland", "HGL"},
    {"Zoetermeer", "HGL"},

    {"Alphen aan den Rijn", "HR"},
    {"Hillegom", "HR"},
    {"Kaag en Braassem", "HR"},
    {"Katwijk", "HR"},
    {"Leiden", "HR"},
    {"Leiderdorp", "HR"},
    {"Lisse", "HR"},
    {"Nieuwkoop", "HR"},
    {"Noordwijk", "HR"},
    {"Oegstgeest", "HR"},
    {"Teylingen", "HR"},
    {"Voorschoten", "HR"},
    {"Zoeterwoude", "HR"},

    {"Bodegraven-Reeuwijk", "MH"},
    {"Gouda", "MH"},
    {"Krimpenerwaard", "MH"},
    {"Waddinxveen", "MH"},
    {"Zuidplas", "MH"},

    {"Alblasserdam", "ZHZ"},
    {"Dordrecht", "ZHZ"},
    {"Gorinchem", "ZHZ"},
    {"Hardinxveld-Giessendam", "ZHZ"},
    {"Hendrik-Ido-Ambacht", "ZHZ"},
    {"Hoeksche Waard", "ZHZ"},
    {"Molenlanden", "ZHZ"},
    {"Papendrecht", "ZHZ"},
    {"Sliedrecht", "ZHZ"},
    {"Zwijndrecht", "ZHZ"},
};

static const char *const zw_organisations[][2] = {
    {"JBWEST", "Jeugdbescherming west"},
    {"WSS", "William Schrikker Stichting"},
    {"LDH", "Leger des Heils Jeugdbescherming & Reclassering"},
};

#define JBW__COUNT(a) (sizeof(a) / sizeof((a)[0]))

static jbw_status fill_zuid_west(jbw_registry *reg)
{
    jbw_status st;
    size_t i, j;
    for (i = 0; i < JBW__COUNT(zw_regions); i++)
        if ((st = jbw_registry_add_region(reg, zw_regions[i][0],
                                          zw_regions[i][1],
                                          zw_regions[i][2])) != JBW_OK)
            return st;
    for (i = 0; i < JBW__COUNT(zw_municipalities); i++)
        if ((st = jbw_registry_add_municipality(reg, zw_municipalities[i][0],
                                                zw_municipalities[i][1])) !=
            JBW_OK)
            return st;
    for (i = 0; i < JBW__COUNT(zw_organisations); i++) {
        if ((st = jbw_registry_add_organisation(reg, zw_organisations[i][0],
                                                zw_organisations[i][1])) !=
            JBW_OK)
            return st;
        for (j = 0; j < JBW__COUNT(zw_regions); j++)
            if ((st = jbw_registry_add_service(reg, zw_organisations[i][0],
                                               zw_regions[j][0])) != JBW_OK)
                return st;
    }
    return JBW_OK;
}

jbw_status jbw_registry_zuid_west(jbw_registry **out)
{
    jbw_registry *reg = NULL;
    jbw_status st;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_registry_zuid_west: out is NULL");
    if ((st = jbw_registry_new(&reg)) != JBW_OK)
        return st;
    if ((st = fill_zuid_west(reg)) != JBW_OK) {
        jbw_registry_free(reg);
        return st;
    }
    *out = reg;
    return jbw__ok();
}

/* ---- reading ----------------------------------------------------------- */
size_t jbw_registry_region_count(const jbw_registry *reg)
{
    return reg ? reg->region_keys.count : 0;
}

size_t jbw_registry_municipality_count(const jbw_registry *reg)
{
    return reg ? reg->municipality_names.count : 0;
}

size_t jbw_registry_organisation_count(const jbw_registry *reg)
{
    return reg ? reg->org_keys.count : 0;
}

static size_t org_region_count(const jbw_registry *reg, uint32_t org)
{
    size_t i, n = 0;
    for (i = 0; i < reg->service_count; i++)
        if (reg->service_org[i] == org)
            n++;
    return n;
}

/* Common checks of the three index getters. */
static jbw_status check_get(const void *out, unsigned int version,
                            unsigned int expected, const jbw_registry *reg,
                            size_t index, size_t count, const char *what)
{
    if (!out || !reg)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_%s: out or registry is NULL", what);
    if (version != expected)
        return jbw__error_version(version, expected, expected,
                                  "jbw_registry_%s: struct", what);
    if (index >= count)
        return jbw__error(JBW_ERANGE,
                          "jbw_registry_%s: index %zu is out of "
                          "range (%zu %s)",
                          what, index, count, count == 1 ? "entry" : "entries");
    return JBW_OK;
}

jbw_status jbw_registry_region(jbw_region_info *out, const jbw_registry *reg,
                               size_t index)
{
    jbw_status st =
        check_get(out, out ? out->version : 0, JBW_REGION_INFO_VERSION, reg,
                  index, jbw_registry_region_count(reg), "region");
    if (st != JBW_OK)
        return st;
    out->key = jbw__strmap_key(&reg->region_keys, index);
    out->name = reg->region_names[index];
    out->cbs_code = reg->region_cbs[index];
    return jbw__ok();
}

jbw_status jbw_registry_municipality(jbw_municipality_info *out,
                                     const jbw_registry *reg, size_t index)
{
    jbw_status st = check_get(
        out, out ? out->version : 0, JBW_MUNICIPALITY_INFO_VERSION, reg, index,
        jbw_registry_municipality_count(reg), "municipality");
    if (st != JBW_OK)
        return st;
    out->name = jbw__strmap_key(&reg->municipality_names, index);
    out->region =
        jbw__strmap_key(&reg->region_keys, reg->municipality_region[index]);
    return jbw__ok();
}

jbw_status jbw_registry_organisation(jbw_organisation_info *out,
                                     const jbw_registry *reg, size_t index)
{
    jbw_status st = check_get(
        out, out ? out->version : 0, JBW_ORGANISATION_INFO_VERSION, reg, index,
        jbw_registry_organisation_count(reg), "organisation");
    if (st != JBW_OK)
        return st;
    out->key = jbw__strmap_key(&reg->org_keys, index);
    out->name = reg->org_names[index];
    out->region_count = org_region_count(reg, (uint32_t)index);
    return jbw__ok();
}

jbw_status jbw_registry_organisation_region(const char **key,
                                            const jbw_registry *reg,
                                            size_t org_index, size_t i)
{
    size_t s, seen = 0;
    if (!key || !reg)
        return jbw__error(
            JBW_EINVAL, "jbw_registry_organisation_region: key or registry is "
                        "NULL");
    if (org_index >= reg->org_keys.count)
        return jbw__error(
            JBW_ERANGE,
            "jbw_registry_organisation_region: organisation index "
            "%zu is out of range (%zu organisations)",
            org_index, reg->org_keys.count);
    for (s = 0; s < reg->service_count; s++) {
        if (reg->service_org[s] != org_index)
            continue;
        if (seen++ == i) {
            *key = jbw__strmap_key(&reg->region_keys, reg->service_region[s]);
            return jbw__ok();
        }
    }
    return jbw__error(JBW_ERANGE,
                      "jbw_registry_organisation_region: organisation '%s' "
                      "serves %zu regions, index %zu is out of range",
                      jbw__strmap_key(&reg->org_keys, org_index), seen, i);
}

static jbw_status find_key(size_t *index, const jbw_registry *reg,
                           const char *key, int org)
{
    const char *what = org ? "organisation" : "region";
    long found;
    if (!index || !reg || !key)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_find_%s: index, registry or "
                          "key is NULL",
                          what);
    found = find(org ? &reg->org_keys : &reg->region_keys, key);
    if (found < 0)
        return jbw__error(JBW_ENOTFOUND, "%s '%s' is not in the registry", what,
                          key);
    *index = (size_t)found;
    return jbw__ok();
}

jbw_status jbw_registry_find_region(size_t *index, const jbw_registry *reg,
                                    const char *key)
{
    return find_key(index, reg, key, 0);
}

jbw_status jbw_registry_find_organisation(size_t *index,
                                          const jbw_registry *reg,
                                          const char *key)
{
    return find_key(index, reg, key, 1);
}

jbw_status jbw_registry_serves(int *out, const jbw_registry *reg,
                               const char *organisation_key,
                               const char *region_key)
{
    jbw_status st;
    uint32_t org = JBW__NONE, region = JBW__NONE;
    if (!out || !reg || !organisation_key || !region_key)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_serves: out, registry or key is NULL");
    if ((st = find_pair(&org, &region, reg, organisation_key, region_key)) !=
        JBW_OK)
        return st;
    *out = jbw__registry_serves_idx(reg, org, region);
    return jbw__ok();
}

/* ---- internal helpers (snapshot_internal.h) ---------------------------- */
size_t jbw__registry_region_count(const jbw_registry *reg)
{
    return reg->region_keys.count;
}

size_t jbw__registry_org_count(const jbw_registry *reg)
{
    return reg->org_keys.count;
}

/* A linear scan: a registry has a handful of service pairs (12 in
 * Zuid-West, about 13 GI's x 42 regions nationally). */
int jbw__registry_serves_idx(const jbw_registry *reg, uint32_t org,
                             uint32_t region)
{
    size_t i;
    for (i = 0; i < reg->service_count; i++)
        if (reg->service_org[i] == org && reg->service_region[i] == region)
            return 1;
    return 0;
}
