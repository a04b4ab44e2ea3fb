/*
 * Fuzzes jbw_registry_load_csv_buffer. Properties: a failing load returns
 * a documented status with a detail and writes nothing; a registry that
 * loads writes registry CSV that loads back to a registry writing the
 * identical text, with the same counts; every organisation's regions are
 * regions of the registry that it serves.
 */
#include "fuzz_util.h"

static void check_registry(const jbw_registry *reg)
{
    size_t o, i, n = jbw_registry_organisation_count(reg);
    for (o = 0; o < n; o++) {
        jbw_organisation_info info;
        size_t idx = 0;
        info.version = JBW_ORGANISATION_INFO_VERSION;
        FUZZ_CHECK(jbw_registry_organisation(&info, reg, o) == JBW_OK,
                   "organisation %zu", o);
        FUZZ_CHECK(jbw_registry_find_organisation(&idx, reg, info.key) ==
                           JBW_OK &&
                       idx == o,
                   "find_organisation('%s')", info.key);
        for (i = 0; i < info.region_count; i++) {
            const char *key = NULL;
            int serves = 0;
            FUZZ_CHECK(jbw_registry_organisation_region(&key, reg, o, i) ==
                           JBW_OK,
                       "organisation_region(%zu, %zu)", o, i);
            FUZZ_CHECK(jbw_registry_find_region(&idx, reg, key) == JBW_OK,
                       "region '%s' is served but unknown", key);
            FUZZ_CHECK(jbw_registry_serves(&serves, reg, info.key, key) ==
                               JBW_OK &&
                           serves == 1,
                       "'%s' lists '%s' but does not serve it", info.key, key);
        }
    }
    n = jbw_registry_municipality_count(reg);
    for (i = 0; i < n; i++) {
        jbw_municipality_info m;
        size_t idx;
        m.version = JBW_MUNICIPALITY_INFO_VERSION;
        FUZZ_CHECK(jbw_registry_municipality(&m, reg, i) == JBW_OK,
                   "municipality %zu", i);
        FUZZ_CHECK(jbw_registry_find_region(&idx, reg, m.region) == JBW_OK,
                   "municipality '%s' lies in unknown region '%s'", m.name,
                   m.region);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jbw_registry *reg = (jbw_registry *)FUZZ_SENTINEL, *again = NULL;
    char *t1 = NULL, *t2 = NULL;
    size_t l1 = 0, l2 = 0;
    jbw_status st = jbw_registry_load_csv_buffer(&reg, (const char *)data, size,
                                                 "registry.csv");
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "registry_load_csv_buffer");
        FUZZ_CHECK(reg == (jbw_registry *)FUZZ_SENTINEL,
                   "registry written on failure");
        return 0;
    }
    check_registry(reg);
    st = jbw_registry_csv(&t1, &l1, reg);
    FUZZ_CHECK(st == JBW_OK && strlen(t1) == l1, "registry_csv: %d", (int)st);
    st = jbw_registry_load_csv_buffer(&again, t1, l1, "written");
    FUZZ_CHECK(st == JBW_OK, "written registry does not load: %d\n%s", (int)st,
               t1);
    FUZZ_CHECK(jbw_registry_region_count(again) ==
                       jbw_registry_region_count(reg) &&
                   jbw_registry_municipality_count(again) ==
                       jbw_registry_municipality_count(reg) &&
                   jbw_registry_organisation_count(again) ==
                       jbw_registry_organisation_count(reg),
               "counts changed in the round trip");
    st = jbw_registry_csv(&t2, &l2, again);
    FUZZ_CHECK(st == JBW_OK, "registry_csv again: %d", (int)st);
    if (!fuzz_same(t1, l1, t2, l2))
        fuzz_diff_abort("registry.csv", t1, l1, t2, l2);
    jbw_free(t1);
    jbw_free(t2);
    jbw_registry_free(again);
    jbw_registry_free(reg);
    return 0;
}
