/*
 * Tests of the national registry (jbw_registry_national) and of the
 * registry lookup and writers. The expected figures come from CBS/PDOK
 * Gebiedsindelingen 2025 (42 jeugdregio's JZ01-JZ43 without JZ40; 342
 * municipalities on 1-1-2025) and the Servicebureau Jeugdhulp Haaglanden
 * notice of 22-03-2023 (Voorschoten to Holland Rijnland on 1-1-2024);
 * docs/sources.md.
 */
#include "jbw_test.h"

#include <stdio.h>
#include <string.h>

static jbw_registry *national(int year)
{
    jbw_registry *reg = NULL;
    assert_ok(jbw_registry_national(&reg, year));
    assert_non_null(reg);
    return reg;
}

static const char *region_of(const jbw_registry *reg, const char *name)
{
    size_t i = 0;
    jbw_municipality_info m = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
    assert_ok(jbw_registry_find_municipality(&i, reg, name));
    assert_ok(jbw_registry_municipality(&m, reg, i));
    return m.region;
}

static size_t municipalities_in(const jbw_registry *reg, const char *region)
{
    size_t i, n = jbw_registry_municipality_count(reg), c = 0;
    for (i = 0; i < n; i++) {
        jbw_municipality_info m = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
        assert_ok(jbw_registry_municipality(&m, reg, i));
        c += strcmp(m.region, region) == 0;
    }
    return c;
}

static void test_years_2023_to_2025(void **state)
{
    (void)state;
    assert_int_equal(jbw_registry_national_first_year(), 2023);
    assert_int_equal(jbw_registry_national_last_year(), 2025);
}

/* CBS: 42 jeugdregio's, codes JZ01 to JZ43 with no JZ40, key = code. */
static void test_2025_has_the_42_cbs_regions(void **state)
{
    jbw_registry *reg = national(2025);
    size_t i, idx;
    int n;
    (void)state;
    assert_int_equal(jbw_registry_region_count(reg), 42);
    for (n = 1, i = 0; n <= 43; n++) {
        char code[8];
        snprintf(code, sizeof code, "JZ%02d", n);
        if (n == 40) {
            assert_status(jbw_registry_find_region(&idx, reg, code),
                          JBW_ENOTFOUND);
            continue;
        }
        {
            jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
            assert_ok(jbw_registry_find_region(&idx, reg, code));
            assert_int_equal(idx, i); /* in order of code */
            assert_ok(jbw_registry_region(&r, reg, idx));
            assert_string_equal(r.cbs_code, code);
            assert_true(r.name[0] != '\0');
            /* no region is empty */
            assert_true(municipalities_in(reg, code) > 0);
        }
        i++;
    }
    assert_int_equal(i, 42);
    jbw_registry_free(reg);
}

/* Every municipality once (the registry refuses a name twice), in a
 * region of the registry, and as many as CBS counts: 342 in each of
 * 2023, 2024 and 2025 (no municipal mergers on 1-1-2024 or 1-1-2025). */
static void test_every_municipality_once_342_per_year(void **state)
{
    int year;
    (void)state;
    for (year = 2023; year <= 2025; year++) {
        jbw_registry *reg = national(year);
        size_t i, n = jbw_registry_municipality_count(reg), total = 0;
        assert_int_equal(n, 342);
        for (i = 0; i < jbw_registry_region_count(reg); i++) {
            jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
            assert_ok(jbw_registry_region(&r, reg, i));
            total += municipalities_in(reg, r.key);
        }
        assert_int_equal(total, 342); /* each counted in exactly one */
        jbw_registry_free(reg);
    }
}

/* The four Zuid-West regions with their CBS codes and members: Haaglanden
 * 9 (10 with Voorschoten in 2023), Holland Rijnland 13 (12 in 2023),
 * Midden-Holland 5, Zuid-Holland Zuid 10. */
static void test_zuid_west_codes_and_sizes(void **state)
{
    jbw_registry *reg = national(2025), *old = national(2023);
    struct {
        const char *code, *name;
        size_t n2025, n2023;
    } zw[] = {
        {"JZ24", "Haaglanden", 9, 10},
        {"JZ18", "Holland Rijnland", 13, 12},
        {"JZ27", "Midden Holland", 5, 5},
        {"JZ31", "Zuid-Holland Zuid", 10, 10},
    };
    size_t k, idx;
    (void)state;
    for (k = 0; k < 4; k++) {
        jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
        assert_ok(jbw_registry_find_region(&idx, reg, zw[k].code));
        assert_ok(jbw_registry_region(&r, reg, idx));
        assert_string_equal(r.name, zw[k].name);
        assert_int_equal(municipalities_in(reg, zw[k].code), zw[k].n2025);
        assert_int_equal(municipalities_in(old, zw[k].code), zw[k].n2023);
    }
    assert_string_equal(region_of(reg, "'s-Gravenhage"), "JZ24");
    assert_string_equal(region_of(reg, "Rijswijk (ZH.)"), "JZ24");
    assert_string_equal(region_of(reg, "Gouda"), "JZ27");
    assert_string_equal(region_of(reg, "Dordrecht"), "JZ31");
    assert_string_equal(region_of(reg, "Leiden"), "JZ18");
    jbw_registry_free(reg);
    jbw_registry_free(old);
}

/* Voorschoten: Haaglanden until 31-12-2023, Holland Rijnland from
 * 1-1-2024. */
static void test_voorschoten_by_year(void **state)
{
    jbw_registry *r2023 = national(2023), *r2024 = national(2024),
                 *r2025 = national(2025);
    (void)state;
    assert_string_equal(region_of(r2023, "Voorschoten"), "JZ24");
    assert_string_equal(region_of(r2024, "Voorschoten"), "JZ18");
    assert_string_equal(region_of(r2025, "Voorschoten"), "JZ18");
    /* nothing else moves: Wassenaar, its neighbour, stays in Haaglanden */
    assert_string_equal(region_of(r2023, "Wassenaar"), "JZ24");
    assert_string_equal(region_of(r2025, "Wassenaar"), "JZ24");
    jbw_registry_free(r2023);
    jbw_registry_free(r2024);
    jbw_registry_free(r2025);
}

/* Municipalities elsewhere find their region too. */
static void test_municipalities_across_the_country(void **state)
{
    jbw_registry *reg = national(2025);
    (void)state;
    assert_string_equal(region_of(reg, "Groningen"), "JZ01");
    assert_string_equal(region_of(reg, "Amsterdam"), "JZ13");
    assert_string_equal(region_of(reg, "Haarlemmermeer"), "JZ15");
    assert_string_equal(region_of(reg, "Utrecht"), "JZ22");
    assert_string_equal(region_of(reg, "Maastricht"), "JZ41");
    assert_string_equal(region_of(reg, "Weert"), "JZ43");
    assert_string_equal(region_of(reg, "S\xc3\xba"
                                       "dwest-Frysl\xc3\xa2"
                                       "n"),
                        "JZ02");
    jbw_registry_free(reg);
}

/* GI's only where a public source places them: JB west in the four
 * Zuid-West regions; WSS, Leger des Heils and Nidos nationally. */
static void test_organisations_and_their_regions(void **state)
{
    jbw_registry *reg = national(2025);
    size_t idx;
    int serves = -1;
    jbw_organisation_info o = {JBW_ORGANISATION_INFO_VERSION, NULL, NULL, 0};
    (void)state;
    assert_int_equal(jbw_registry_organisation_count(reg), 4);
    assert_ok(jbw_registry_find_organisation(&idx, reg, "JBWEST"));
    assert_ok(jbw_registry_organisation(&o, reg, idx));
    assert_int_equal(o.region_count, 4);
    assert_ok(jbw_registry_serves(&serves, reg, "JBWEST", "JZ31"));
    assert_int_equal(serves, 1);
    assert_ok(jbw_registry_serves(&serves, reg, "JBWEST", "JZ29"));
    assert_int_equal(serves, 0);
    assert_ok(jbw_registry_find_organisation(&idx, reg, "NIDOS"));
    assert_ok(jbw_registry_organisation(&o, reg, idx));
    assert_int_equal(o.region_count, 42);
    assert_ok(jbw_registry_serves(&serves, reg, "WSS", "JZ01"));
    assert_int_equal(serves, 1);
    jbw_registry_free(reg);
}

static void test_bad_year_and_arguments(void **state)
{
    jbw_registry *reg = NULL;
    size_t idx = 99;
    (void)state;
    assert_status(jbw_registry_national(&reg, 2022), JBW_ERANGE);
    assert_error_contains("2022");
    assert_null(reg);
    assert_status(jbw_registry_national(&reg, 2026), JBW_ERANGE);
    assert_status(jbw_registry_national(NULL, 2025), JBW_EINVAL);
    reg = national(2025);
    /* CBS's name is 's-Gravenhage; the lookup is exact */
    assert_status(jbw_registry_find_municipality(&idx, reg, "Den Haag"),
                  JBW_ENOTFOUND);
    assert_error_contains("Den Haag");
    assert_int_equal(idx, 99);
    assert_status(jbw_registry_find_municipality(NULL, reg, "Gouda"),
                  JBW_EINVAL);
    assert_status(jbw_registry_find_municipality(&idx, NULL, "Gouda"),
                  JBW_EINVAL);
    assert_status(jbw_registry_find_municipality(&idx, reg, NULL), JBW_EINVAL);
    jbw_registry_free(reg);
}

static void test_json_and_text_writers(void **state)
{
    jbw_registry *reg = national(2025);
    char *text = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_registry_json(&text, &len, reg));
    assert_int_equal(strlen(text), len);
    assert_non_null(strstr(text, "{\"key\":\"JZ24\",\"name\":\"Haaglanden\","
                                 "\"cbs_code\":\"JZ24\",\"municipalities\":["));
    assert_non_null(strstr(text, "\"'s-Gravenhage\""));
    assert_non_null(strstr(text,
                           "{\"key\":\"JBWEST\",\"name\":\"Jeugdbescherming "
                           "west\",\"regions\":[\"JZ18\",\"JZ24\",\"JZ27\","
                           "\"JZ31\"]}"));
    jbw_free(text);
    text = NULL;
    assert_ok(jbw_registry_text(&text, &len, reg));
    assert_non_null(strstr(text, "JZ27   Midden Holland, 5: "));
    assert_non_null(strstr(text, "NIDOS  Nidos: all 42 regions\n"));
    assert_non_null(
        strstr(text, "42 regions, 342 municipalities, 4 organisations\n"));
    jbw_free(text);
    assert_status(jbw_registry_json(NULL, &len, reg), JBW_EINVAL);
    assert_status(jbw_registry_text(&text, &len, NULL), JBW_EINVAL);
    jbw_registry_free(reg);
}

static int build_national(void *ctx)
{
    jbw_registry *reg = NULL;
    jbw_status st = jbw_registry_national(&reg, *(int *)ctx);
    if (st == JBW_OK)
        assert_non_null(reg);
    else
        assert_null(reg);
    jbw_registry_free(reg);
    return st;
}

static int write_json(void *ctx)
{
    char *text = NULL;
    jbw_status st = jbw_registry_json(&text, NULL, (const jbw_registry *)ctx);
    jbw_free(text);
    return st;
}

static void test_out_of_memory_everywhere(void **state)
{
    int year = 2023;
    jbw_registry *reg = national(2025);
    (void)state;
    jbw_test_oom_sweep(build_national, &year, 100000, jbw_test_fail_after);
    jbw_test_oom_sweep(build_national, &year, 100000, jbw_test_fail_only);
    jbw_test_oom_sweep(write_json, reg, 1000, jbw_test_fail_after);
    jbw_registry_free(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_years_2023_to_2025),
        cmocka_unit_test(test_2025_has_the_42_cbs_regions),
        cmocka_unit_test(test_every_municipality_once_342_per_year),
        cmocka_unit_test(test_zuid_west_codes_and_sizes),
        cmocka_unit_test(test_voorschoten_by_year),
        cmocka_unit_test(test_municipalities_across_the_country),
        cmocka_unit_test(test_organisations_and_their_regions),
        cmocka_unit_test(test_bad_year_and_arguments),
        cmocka_unit_test(test_json_and_text_writers),
        cmocka_unit_test(test_out_of_memory_everywhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
