/*
 * The registry as JSON and as text for people (the `jbw regions` output).
 * Written from the public getters.
 */
#include "jbw/io.h"

#include "base/base_internal.h"

#include <string.h>

static void put_municipalities(jbw__buf *b, const jbw_registry *reg,
                               const char *region_key, int json)
{
    size_t i, n = jbw_registry_municipality_count(reg), written = 0;
    for (i = 0; i < n; i++) {
        jbw_municipality_info m = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
        if (jbw_registry_municipality(&m, reg, i) != JBW_OK ||
            strcmp(m.region, region_key) != 0)
            continue;
        if (written++)
            jbw__buf_puts(b, json ? "," : ", ");
        if (json)
            jbw__buf_json_string(b, m.name);
        else
            jbw__buf_puts(b, m.name);
    }
}

static size_t count_in_region(const jbw_registry *reg, const char *region_key)
{
    size_t i, n = jbw_registry_municipality_count(reg), c = 0;
    for (i = 0; i < n; i++) {
        jbw_municipality_info m = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
        if (jbw_registry_municipality(&m, reg, i) == JBW_OK &&
            strcmp(m.region, region_key) == 0)
            c++;
    }
    return c;
}

static void put_services(jbw__buf *b, const jbw_registry *reg, size_t org,
                         size_t count, int json)
{
    size_t i;
    if (!json && count == jbw_registry_region_count(reg) && count > 1) {
        jbw__buf_printf(b, "all %zu regions", count);
        return;
    }
    for (i = 0; i < count; i++) {
        const char *key = NULL;
        if (jbw_registry_organisation_region(&key, reg, org, i) != JBW_OK)
            continue;
        if (i)
            jbw__buf_puts(b, json ? "," : ", ");
        if (json)
            jbw__buf_json_string(b, key);
        else
            jbw__buf_puts(b, key);
    }
}

jbw_status jbw_registry_json(char **out, size_t *len, const jbw_registry *reg)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i, n;
    if (!out || !reg)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_json: out and reg must not be NULL");
    jbw__buf_puts(&b, "{\"regions\":[");
    n = jbw_registry_region_count(reg);
    for (i = 0; i < n; i++) {
        jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
        if (jbw_registry_region(&r, reg, i) != JBW_OK)
            continue;
        jbw__buf_puts(&b, i ? ",\n{\"key\":" : "\n{\"key\":");
        jbw__buf_json_string(&b, r.key);
        jbw__buf_puts(&b, ",\"name\":");
        jbw__buf_json_string(&b, r.name);
        jbw__buf_puts(&b, ",\"cbs_code\":");
        jbw__buf_json_string(&b, r.cbs_code);
        jbw__buf_puts(&b, ",\"municipalities\":[");
        put_municipalities(&b, reg, r.key, 1);
        jbw__buf_puts(&b, "]}");
    }
    jbw__buf_puts(&b, "],\n\"organisations\":[");
    n = jbw_registry_organisation_count(reg);
    for (i = 0; i < n; i++) {
        jbw_organisation_info o = {JBW_ORGANISATION_INFO_VERSION, NULL, NULL,
                                   0};
        if (jbw_registry_organisation(&o, reg, i) != JBW_OK)
            continue;
        jbw__buf_puts(&b, i ? ",\n{\"key\":" : "\n{\"key\":");
        jbw__buf_json_string(&b, o.key);
        jbw__buf_puts(&b, ",\"name\":");
        jbw__buf_json_string(&b, o.name);
        jbw__buf_puts(&b, ",\"regions\":[");
        put_services(&b, reg, i, o.region_count, 1);
        jbw__buf_puts(&b, "]}");
    }
    jbw__buf_puts(&b, "]}\n");
    return jbw__buf_finish(&b, out, len);
}

jbw_status jbw_registry_text(char **out, size_t *len, const jbw_registry *reg)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i, n;
    if (!out || !reg)
        return jbw__error(JBW_EINVAL,
                          "jbw_registry_text: out and reg must not be NULL");
    n = jbw_registry_region_count(reg);
    for (i = 0; i < n; i++) {
        jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
        if (jbw_registry_region(&r, reg, i) != JBW_OK)
            continue;
        jbw__buf_printf(&b, "%-6s %s", r.key, r.name);
        if (r.cbs_code[0] && strcmp(r.cbs_code, r.key) != 0)
            jbw__buf_printf(&b, " (CBS %s)", r.cbs_code);
        jbw__buf_printf(&b, ", %zu: ", count_in_region(reg, r.key));
        put_municipalities(&b, reg, r.key, 0);
        jbw__buf_putc(&b, '\n');
    }
    n = jbw_registry_organisation_count(reg);
    for (i = 0; i < n; i++) {
        jbw_organisation_info o = {JBW_ORGANISATION_INFO_VERSION, NULL, NULL,
                                   0};
        if (jbw_registry_organisation(&o, reg, i) != JBW_OK)
            continue;
        jbw__buf_printf(&b, "%-6s %s: ", o.key, o.name);
        put_services(&b, reg, i, o.region_count, 0);
        jbw__buf_putc(&b, '\n');
    }
    jbw__buf_printf(&b, "%zu regions, %zu municipalities, %zu organisations\n",
                    jbw_registry_region_count(reg),
                    jbw_registry_municipality_count(reg),
                    jbw_registry_organisation_count(reg));
    return jbw__buf_finish(&b, out, len);
}
