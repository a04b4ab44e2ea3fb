/*
 * libjbw - the registry of regions (jeugdregio's), municipalities and
 * organisations (gecertificeerde instellingen, GI's), and which
 * organisation serves which region.
 *
 * Keys are short, stable identifiers chosen by whoever builds the registry
 * ("ZHZ", "JBWEST"); names are for people. All strings are UTF-8.
 */
#ifndef JBW_REGISTRY_H
#define JBW_REGISTRY_H

#include "jbw/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jbw_registry jbw_registry;

/* A region as returned by jbw_registry_region(). Strings are borrowed
 * from the registry and valid while it lives. */
typedef struct jbw_region_info {
    unsigned int version;
    const char *key;
    const char *name;
    const char *cbs_code; /* CBS jeugdregio code ("JZ24"), "" when unknown */
} jbw_region_info;
#define JBW_REGION_INFO_VERSION 1

typedef struct jbw_municipality_info {
    unsigned int version;
    const char *name;
    const char *region; /* region key */
} jbw_municipality_info;
#define JBW_MUNICIPALITY_INFO_VERSION 1

typedef struct jbw_organisation_info {
    unsigned int version;
    const char *key;
    const char *name;
    size_t region_count; /* how many regions it serves */
} jbw_organisation_info;
#define JBW_ORGANISATION_INFO_VERSION 1

/* Creates an empty registry. Errors: JBW_EINVAL, JBW_ENOMEM. */
JBW_API jbw_status jbw_registry_new(jbw_registry **out);

/*
 * Creates the embedded Zuid-West registry: the four jeugdhulpregio's
 * Haaglanden (HGL), Holland Rijnland (HR), Midden-Holland (MH) and
 * Zuid-Holland Zuid (ZHZ) with their municipalities, and the GI's
 * Jeugdbescherming west (JBWEST), William Schrikker Stichting (WSS) and
 * Leger des Heils (LDH), each serving all four regions. Sources are in
 * docs/registry.md. Errors: JBW_EINVAL, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_registry_zuid_west(jbw_registry **out);

/*
 * Creates the national registry as it stood on 1 January of `year`: the 42
 * CBS jeugdregio's (key and cbs_code the CBS code, "JZ01" to "JZ43" without
 * "JZ40"; name CBS's name, e.g. "Midden Holland"), every municipality of
 * that year in its region under CBS's name (e.g. "'s-Gravenhage",
 * "Rijswijk (ZH.)"), and the GI's that a public source places in regions:
 * JBWEST (Jeugdbescherming west: JZ18, JZ24, JZ27, JZ31), and WSS, LDH and
 * NIDOS, which work nationally and so serve all 42. Region membership that
 * changed is that of the year (Voorschoten is in JZ24 in 2023, in JZ18
 * from 2024). Sources are in docs/registry.md and docs/sources.md.
 * The caller frees the registry with jbw_registry_free().
 * Errors: JBW_EINVAL (out NULL), JBW_ERANGE (a year outside
 * jbw_registry_national_first_year() .. jbw_registry_national_last_year()),
 * JBW_ENOMEM.
 */
JBW_API jbw_status jbw_registry_national(jbw_registry **out, int year);

/* The first and last year jbw_registry_national() knows (2023 and 2025). */
JBW_API int jbw_registry_national_first_year(void);
JBW_API int jbw_registry_national_last_year(void);

/* Makes an independent copy. Errors: JBW_EINVAL, JBW_ENOMEM. */
JBW_API jbw_status jbw_registry_clone(jbw_registry **out,
                                      const jbw_registry *reg);

/* Frees a registry; NULL is accepted. */
JBW_API void jbw_registry_free(jbw_registry *reg);

/*
 * Adds a region. `cbs_code` may be NULL or ""; when given it follows the
 * key rules too. Keys are 1-64 bytes of letters, digits, '_', '-' or '.'.
 * Errors: JBW_EINVAL (NULL or bad key, empty name), JBW_EDUPLICATE,
 * JBW_ENOMEM.
 */
JBW_API jbw_status jbw_registry_add_region(jbw_registry *reg, const char *key,
                                           const char *name,
                                           const char *cbs_code);

/*
 * Adds a municipality in an existing region.
 * Errors: JBW_EINVAL, JBW_ENOTFOUND (region), JBW_EDUPLICATE (name),
 * JBW_ENOMEM.
 */
JBW_API jbw_status jbw_registry_add_municipality(jbw_registry *reg,
                                                 const char *name,
                                                 const char *region_key);

/* Adds an organisation. Errors: JBW_EINVAL, JBW_EDUPLICATE, JBW_ENOMEM. */
JBW_API jbw_status jbw_registry_add_organisation(jbw_registry *reg,
                                                 const char *key,
                                                 const char *name);

/*
 * Records that an organisation serves a region (adding it twice is not an
 * error). Errors: JBW_EINVAL, JBW_ENOTFOUND, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_registry_add_service(jbw_registry *reg,
                                            const char *organisation_key,
                                            const char *region_key);

/* Counts; 0 for NULL. */
JBW_API size_t jbw_registry_region_count(const jbw_registry *reg);
JBW_API size_t jbw_registry_municipality_count(const jbw_registry *reg);
JBW_API size_t jbw_registry_organisation_count(const jbw_registry *reg);

/*
 * The index-th region / municipality / organisation, in the order added.
 * `out->version` must be set by the caller (use the *_VERSION macro).
 * Errors: JBW_EINVAL (NULL), JBW_EVERSION, JBW_ERANGE (index).
 */
JBW_API jbw_status jbw_registry_region(jbw_region_info *out,
                                       const jbw_registry *reg, size_t index);
JBW_API jbw_status jbw_registry_municipality(jbw_municipality_info *out,
                                             const jbw_registry *reg,
                                             size_t index);
JBW_API jbw_status jbw_registry_organisation(jbw_organisation_info *out,
                                             const jbw_registry *reg,
                                             size_t index);

/*
 * The key of the i-th region served by organisation `org_index`.
 * Errors: JBW_EINVAL, JBW_ERANGE.
 */
JBW_API jbw_status jbw_registry_organisation_region(const char **key,
                                                    const jbw_registry *reg,
                                                    size_t org_index, size_t i);

/* Looks up by key. Errors: JBW_EINVAL, JBW_ENOTFOUND. */
JBW_API jbw_status jbw_registry_find_region(size_t *index,
                                            const jbw_registry *reg,
                                            const char *key);
JBW_API jbw_status jbw_registry_find_organisation(size_t *index,
                                                  const jbw_registry *reg,
                                                  const char *key);

/*
 * Looks up a municipality by its exact name (case-sensitive, as in the
 * registry); jbw_registry_municipality() then gives its region. The scan is
 * linear in the number of municipalities.
 * Errors: JBW_EINVAL (NULL), JBW_ENOTFOUND (the detail names the name).
 */
JBW_API jbw_status jbw_registry_find_municipality(size_t *index,
                                                  const jbw_registry *reg,
                                                  const char *name);

/*
 * Sets *out to 1 when the organisation serves the region, else 0.
 * Errors: JBW_EINVAL, JBW_ENOTFOUND (either key unknown).
 */
JBW_API jbw_status jbw_registry_serves(int *out, const jbw_registry *reg,
                                       const char *organisation_key,
                                       const char *region_key);

#ifdef __cplusplus
}
#endif

#endif /* JBW_REGISTRY_H */
