/*
 * Tests of the registry: regions, municipalities, organisations, the
 * service relation, and the embedded Zuid-West registry.
 */
#include "jbw_test.h"

static jbw_registry *new_registry(void)
{
    jbw_registry *reg = NULL;
    assert_ok(jbw_registry_new(&reg));
    assert_non_null(reg);
    return reg;
}

/* A small registry: regions A and B, GI G serving A only. */
static jbw_registry *small_registry(void)
{
    jbw_registry *reg = new_registry();
    assert_ok(jbw_registry_add_region(reg, "A", "Regio A", "JZ01"));
    assert_ok(jbw_registry_add_region(reg, "B", "Regio B", NULL));
    assert_ok(jbw_registry_add_municipality(reg, "Aadorp", "A"));
    assert_ok(jbw_registry_add_municipality(reg, "Bedum", "B"));
    assert_ok(jbw_registry_add_organisation(reg, "G", "GI G"));
    assert_ok(jbw_registry_add_service(reg, "G", "A"));
    return reg;
}

static void test_new_registry_is_empty(void **state)
{
    jbw_registry *reg = new_registry();
    (void)state;
    assert_int_equal(jbw_registry_region_count(reg), 0);
    assert_int_equal(jbw_registry_municipality_count(reg), 0);
    assert_int_equal(jbw_registry_organisation_count(reg), 0);
    jbw_registry_free(reg);
}

static void test_added_records_read_back_in_order(void **state)
{
    jbw_registry *reg = small_registry();
    jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
    jbw_municipality_info m = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
    jbw_organisation_info o = {JBW_ORGANISATION_INFO_VERSION, NULL, NULL, 0};
    (void)state;
    /* 2 regions, 2 municipalities, 1 organisation were added */
    assert_int_equal(jbw_registry_region_count(reg), 2);
    assert_int_equal(jbw_registry_municipality_count(reg), 2);
    assert_int_equal(jbw_registry_organisation_count(reg), 1);
    assert_ok(jbw_registry_region(&r, reg, 0));
    assert_string_equal(r.key, "A");
    assert_string_equal(r.name, "Regio A");
    assert_string_equal(r.cbs_code, "JZ01");
    assert_ok(jbw_registry_region(&r, reg, 1));
    assert_string_equal(r.key, "B");
    assert_string_equal(r.cbs_code, ""); /* NULL was given: "" */
    assert_ok(jbw_registry_municipality(&m, reg, 1));
    assert_string_equal(m.name, "Bedum");
    assert_string_equal(m.region, "B");
    assert_ok(jbw_registry_organisation(&o, reg, 0));
    assert_string_equal(o.key, "G");
    assert_string_equal(o.name, "GI G");
    assert_int_equal(o.region_count, 1); /* serves A only */
    jbw_registry_free(reg);
}

static void test_find_returns_index_or_notfound(void **state)
{
    jbw_registry *reg = small_registry();
    size_t i = 99;
    (void)state;
    assert_ok(jbw_registry_find_region(&i, reg, "B"));
    assert_int_equal(i, 1); /* B was the second region added */
    assert_ok(jbw_registry_find_organisation(&i, reg, "G"));
    assert_int_equal(i, 0);
    i = 99;
    assert_status(jbw_registry_find_region(&i, reg, "b"), JBW_ENOTFOUND);
    assert_error_contains("region 'b'");
    assert_int_equal(i, 99); /* untouched */
    assert_status(jbw_registry_find_organisation(&i, reg, "X"), JBW_ENOTFOUND);
    assert_error_contains("organisation 'X'");
    assert_status(jbw_registry_find_region(NULL, reg, "A"), JBW_EINVAL);
    assert_status(jbw_registry_find_region(&i, NULL, "A"), JBW_EINVAL);
    assert_status(jbw_registry_find_region(&i, reg, NULL), JBW_EINVAL);
    assert_int_equal(i, 99);
    jbw_registry_free(reg);
}

static void test_serves_reports_relation_and_unknown_keys(void **state)
{
    jbw_registry *reg = small_registry();
    int serves = 7;
    (void)state;
    assert_ok(jbw_registry_serves(&serves, reg, "G", "A"));
    assert_int_equal(serves, 1);
    assert_ok(jbw_registry_serves(&serves, reg, "G", "B"));
    assert_int_equal(serves, 0);
    serves = 7;
    assert_status(jbw_registry_serves(&serves, reg, "X", "A"), JBW_ENOTFOUND);
    assert_error_contains("organisation 'X'");
    assert_status(jbw_registry_serves(&serves, reg, "G", "Z"), JBW_ENOTFOUND);
    assert_error_contains("region 'Z'");
    assert_status(jbw_registry_serves(NULL, reg, "G", "A"), JBW_EINVAL);
    assert_status(jbw_registry_serves(&serves, reg, NULL, "A"), JBW_EINVAL);
    assert_int_equal(serves, 7);
    jbw_registry_free(reg);
}

static void test_service_added_twice_is_kept_once(void **state)
{
    jbw_registry *reg = small_registry();
    jbw_organisation_info o = {JBW_ORGANISATION_INFO_VERSION, NULL, NULL, 0};
    const char *key = NULL;
    (void)state;
    assert_ok(jbw_registry_add_service(reg, "G", "A"));
    assert_ok(jbw_registry_add_service(reg, "G", "B"));
    assert_ok(jbw_registry_organisation(&o, reg, 0));
    assert_int_equal(o.region_count, 2); /* A (twice, once kept) and B */
    assert_ok(jbw_registry_organisation_region(&key, reg, 0, 1));
    assert_string_equal(key, "B");
    assert_status(jbw_registry_organisation_region(&key, reg, 0, 2),
                  JBW_ERANGE);
    assert_error_contains("index 2");
    assert_status(jbw_registry_organisation_region(&key, reg, 1, 0),
                  JBW_ERANGE);
    assert_status(jbw_registry_organisation_region(NULL, reg, 0, 0),
                  JBW_EINVAL);
    assert_status(jbw_registry_add_service(reg, "G", "Q"), JBW_ENOTFOUND);
    assert_error_contains("region 'Q'");
    assert_status(jbw_registry_add_service(reg, "Q", "A"), JBW_ENOTFOUND);
    assert_error_contains("organisation 'Q'");
    assert_status(jbw_registry_add_service(NULL, "G", "A"), JBW_EINVAL);
    jbw_registry_free(reg);
}

static void test_duplicates_are_refused(void **state)
{
    jbw_registry *reg = small_registry();
    (void)state;
    assert_status(jbw_registry_add_region(reg, "A", "Other", ""),
                  JBW_EDUPLICATE);
    assert_error_contains("region 'A'");
    assert_status(jbw_registry_add_municipality(reg, "Aadorp", "B"),
                  JBW_EDUPLICATE);
    assert_error_contains("municipality 'Aadorp'");
    assert_status(jbw_registry_add_organisation(reg, "G", "Other"),
                  JBW_EDUPLICATE);
    assert_error_contains("organisation 'G'");
    /* nothing changed: still 2, 2, 1 */
    assert_int_equal(jbw_registry_region_count(reg), 2);
    assert_int_equal(jbw_registry_municipality_count(reg), 2);
    assert_int_equal(jbw_registry_organisation_count(reg), 1);
    jbw_registry_free(reg);
}

static void test_keys_must_be_1_to_64_safe_bytes(void **state)
{
    jbw_registry *reg = new_registry();
    char long_key[66];
    (void)state;
    memset(long_key, 'K', 65);
    long_key[65] = '\0';
    assert_status(jbw_registry_add_region(reg, "", "Leeg", NULL), JBW_EINVAL);
    assert_error_contains("region key is empty");
    assert_status(jbw_registry_add_region(reg, "A B", "Spatie", NULL),
                  JBW_EINVAL);
    assert_error_contains("'A B'");
    assert_status(jbw_registry_add_region(reg, "A;B", "Punt", NULL),
                  JBW_EINVAL);
    assert_status(jbw_registry_add_region(reg, long_key, "Lang", NULL),
                  JBW_EINVAL);
    assert_error_contains("longer than 64");
    long_key[64] = '\0'; /* exactly 64 bytes is allowed */
    assert_ok(jbw_registry_add_region(reg, long_key, "Lang", NULL));
    assert_ok(jbw_registry_add_region(reg, "a-b_c.9", "Tekens", NULL));
    assert_status(jbw_registry_add_region(reg, "C", "Regio C", "JZ 2"),
                  JBW_EINVAL);
    assert_error_contains("CBS code");
    assert_status(jbw_registry_add_organisation(reg, "G/H", "GI"), JBW_EINVAL);
    assert_reason_before_value("organisation key: only letters, digits, '_', "
                               "'-' and '.' are allowed (byte 2)",
                               "G/H");
    /* 2 valid regions only */
    assert_int_equal(jbw_registry_region_count(reg), 2);
    assert_int_equal(jbw_registry_organisation_count(reg), 0);
    jbw_registry_free(reg);
}

static void test_names_must_be_given(void **state)
{
    jbw_registry *reg = new_registry();
    (void)state;
    assert_status(jbw_registry_add_region(reg, "A", "", NULL), JBW_EINVAL);
    assert_error_contains("region 'A': name is empty");
    assert_status(jbw_registry_add_region(reg, "A", NULL, NULL), JBW_EINVAL);
    assert_status(jbw_registry_add_organisation(reg, "G", ""), JBW_EINVAL);
    assert_error_contains("organisation 'G': name is empty");
    assert_ok(jbw_registry_add_region(reg, "A", "Regio A", NULL));
    assert_status(jbw_registry_add_municipality(reg, "", "A"), JBW_EINVAL);
    assert_error_contains("name is empty");
    assert_status(jbw_registry_add_municipality(reg, "Dorp", "Q"),
                  JBW_ENOTFOUND);
    assert_error_contains("municipality 'Dorp': region 'Q'");
    assert_int_equal(jbw_registry_municipality_count(reg), 0);
    jbw_registry_free(reg);
}

static void test_null_arguments_are_einval(void **state)
{
    jbw_registry *reg = small_registry();
    jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
    (void)state;
    assert_status(jbw_registry_new(NULL), JBW_EINVAL);
    assert_status(jbw_registry_zuid_west(NULL), JBW_EINVAL);
    assert_status(jbw_registry_clone(NULL, reg), JBW_EINVAL);
    assert_status(jbw_registry_add_region(NULL, "A", "A", NULL), JBW_EINVAL);
    assert_status(jbw_registry_add_region(reg, NULL, "A", NULL), JBW_EINVAL);
    assert_status(jbw_registry_add_municipality(NULL, "X", "A"), JBW_EINVAL);
    assert_status(jbw_registry_add_municipality(reg, NULL, "A"), JBW_EINVAL);
    assert_status(jbw_registry_add_municipality(reg, "X", NULL), JBW_EINVAL);
    assert_status(jbw_registry_add_organisation(NULL, "G2", "G"), JBW_EINVAL);
    assert_status(jbw_registry_add_organisation(reg, NULL, "G"), JBW_EINVAL);
    assert_status(jbw_registry_region(NULL, reg, 0), JBW_EINVAL);
    assert_status(jbw_registry_region(&r, NULL, 0), JBW_EINVAL);
    /* counts of NULL are 0 and free(NULL) is a no-op */
    assert_int_equal(jbw_registry_region_count(NULL), 0);
    assert_int_equal(jbw_registry_municipality_count(NULL), 0);
    assert_int_equal(jbw_registry_organisation_count(NULL), 0);
    jbw_registry_free(NULL);
    jbw_registry_free(reg);
}

static void test_getters_check_version_and_index(void **state)
{
    jbw_registry *reg = small_registry();
    jbw_region_info r = {99, NULL, NULL, NULL};
    jbw_municipality_info m = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
    jbw_organisation_info o = {0, NULL, NULL, 0};
    (void)state;
    assert_status(jbw_registry_region(&r, reg, 0), JBW_EVERSION);
    assert_error_contains("version 99");
    assert_null(r.key); /* untouched */
    assert_status(jbw_registry_organisation(&o, reg, 0), JBW_EVERSION);
    assert_status(jbw_registry_municipality(&m, reg, 2), JBW_ERANGE);
    assert_error_contains("index 2");
    assert_null(m.name);
    assert_status(jbw_registry_municipality(&m, reg, (size_t)-1), JBW_ERANGE);
    jbw_registry_free(reg);
}

static void test_clone_is_independent_copy(void **state)
{
    jbw_registry *reg = small_registry(), *copy = NULL;
    jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
    jbw_municipality_info m = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
    int serves = 0;
    (void)state;
    assert_ok(jbw_registry_clone(&copy, reg));
    assert_ok(jbw_registry_add_region(reg, "C", "Regio C", NULL));
    jbw_registry_free(reg); /* the copy must not share memory */
    assert_int_equal(jbw_registry_region_count(copy), 2);
    assert_int_equal(jbw_registry_municipality_count(copy), 2);
    assert_ok(jbw_registry_region(&r, copy, 0));
    assert_string_equal(r.cbs_code, "JZ01");
    assert_ok(jbw_registry_municipality(&m, copy, 0));
    assert_string_equal(m.name, "Aadorp");
    assert_string_equal(m.region, "A");
    assert_ok(jbw_registry_serves(&serves, copy, "G", "A"));
    assert_int_equal(serves, 1);
    assert_ok(jbw_registry_serves(&serves, copy, "G", "B"));
    assert_int_equal(serves, 0);
    jbw_registry_free(copy);
}

static void test_many_regions_grow_arrays(void **state)
{
    jbw_registry *reg = new_registry();
    jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
    char key[16];
    int i;
    (void)state;
    /* 42 regions: past the first capacities of 8, 16 and 32 */
    for (i = 0; i < 42; i++) {
        snprintf(key, sizeof key, "JZ%02d", i + 1);
        assert_ok(jbw_registry_add_region(reg, key, key, key));
    }
    assert_int_equal(jbw_registry_region_count(reg), 42);
    assert_ok(jbw_registry_region(&r, reg, 41));
    assert_string_equal(r.key, "JZ42");
    jbw_registry_free(reg);
}

/* Zuid-West: 4 regions; municipalities 9 (HGL) + 13 (HR) + 5 (MH) + 9 (ZHZ)
 * = 37 (docs/registry.md); 3 GI's, each serving the 4 regions. */
static void test_zuid_west_has_4_regions_37_municipalities_3_gis(void **state)
{
    jbw_registry *reg = NULL;
    jbw_region_info r = {JBW_REGION_INFO_VERSION, NULL, NULL, NULL};
    jbw_organisation_info o = {JBW_ORGANISATION_INFO_VERSION, NULL, NULL, 0};
    jbw_municipality_info m = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
    size_t i, per_region[4] = {0, 0, 0, 0};
    const char *regions[4] = {"HGL", "HR", "MH", "ZHZ"};
    int serves;
    (void)state;
    assert_ok(jbw_registry_zuid_west(&reg));
    assert_int_equal(jbw_registry_region_count(reg), 4);
    assert_int_equal(jbw_registry_municipality_count(reg), 37);
    assert_int_equal(jbw_registry_organisation_count(reg), 3);
    for (i = 0; i < jbw_registry_municipality_count(reg); i++) {
        size_t k;
        assert_ok(jbw_registry_municipality(&m, reg, i));
        for (k = 0; k < 4; k++)
            if (strcmp(m.region, regions[k]) == 0)
                per_region[k]++;
    }
    assert_int_equal(per_region[0], 9);  /* Haaglanden */
    assert_int_equal(per_region[1], 13); /* Holland Rijnland */
    assert_int_equal(per_region[2], 5);  /* Midden-Holland */
    assert_int_equal(per_region[3], 10); /* Zuid-Holland Zuid */
    assert_ok(jbw_registry_region(&r, reg, 0));
    assert_string_equal(r.key, "HGL");
    assert_string_equal(r.name, "Haaglanden");
    /* CBS/PDOK Gebiedsindelingen (docs/sources.md): Haaglanden JZ24,
     * Holland Rijnland JZ18, Midden-Holland JZ27, Zuid-Holland Zuid JZ31 */
    assert_string_equal(r.cbs_code, "JZ24");
    assert_ok(jbw_registry_region(&r, reg, 1));
    assert_string_equal(r.cbs_code, "JZ18");
    assert_ok(jbw_registry_region(&r, reg, 2));
    assert_string_equal(r.cbs_code, "JZ27");
    assert_ok(jbw_registry_region(&r, reg, 3));
    assert_string_equal(r.name, "Zuid-Holland Zuid");
    assert_string_equal(r.cbs_code, "JZ31");
    assert_ok(jbw_registry_organisation(&o, reg, 0));
    assert_string_equal(o.key, "JBWEST");
    assert_string_equal(o.name, "Jeugdbescherming west");
    assert_int_equal(o.region_count, 4);
    assert_ok(jbw_registry_organisation(&o, reg, 2));
    assert_string_equal(o.key, "LDH");
    assert_int_equal(o.region_count, 4);
    assert_ok(jbw_registry_serves(&serves, reg, "WSS", "MH"));
    assert_int_equal(serves, 1);
    jbw_registry_free(reg);
}

static void test_zuid_west_places_rijswijk_in_haaglanden(void **state)
{
    jbw_registry *reg = NULL;
    jbw_municipality_info m = {JBW_MUNICIPALITY_INFO_VERSION, NULL, NULL};
    size_t i;
    int found = 0;
    (void)state;
    assert_ok(jbw_registry_zuid_west(&reg));
    for (i = 0; i < jbw_registry_municipality_count(reg); i++) {
        assert_ok(jbw_registry_municipality(&m, reg, i));
        if (strcmp(m.name, "Rijswijk") == 0) {
            assert_string_equal(
                m.region, "HGL"); /* the Rijswijk council letter: Haaglanden */
            found = 1;
        }
        if (strcmp(m.name, "Dordrecht") == 0)
            assert_string_equal(m.region, "ZHZ");
    }
    assert_true(found);
    jbw_registry_free(reg);
}

/* ---- out of memory ----------------------------------------------------- */

static void
test_zuid_west_and_clone_survive_every_failed_allocation(void **state)
{
    long n;
    int succeeded = 0;
    (void)state;
    for (n = 0; n < 2000 && !succeeded; n++) {
        jbw_registry *reg = NULL, *copy = NULL;
        jbw_status st;
        jbw_test_fail_after(n);
        st = jbw_registry_zuid_west(&reg);
        if (st == JBW_OK) {
            st = jbw_registry_clone(&copy, reg);
            if (st == JBW_OK) {
                succeeded = 1;
                assert_int_equal(jbw_registry_municipality_count(copy), 37);
            } else {
                assert_int_equal(st, JBW_ENOMEM);
                assert_null(copy);
            }
            jbw_registry_free(copy);
            jbw_registry_free(reg);
        } else {
            assert_int_equal(st, JBW_ENOMEM);
            assert_string_equal(jbw_last_error(), "out of memory");
            assert_null(reg);
        }
    }
    jbw_test_alloc_reset();
    assert_true(succeeded);
}

static void test_failed_add_under_oom_leaves_registry_usable(void **state)
{
    jbw_registry *reg = new_registry();
    long n;
    int added = 0;
    (void)state;
    for (n = 0; n < 50 && !added; n++) {
        jbw_status st;
        jbw_test_fail_after(n);
        st = jbw_registry_add_region(reg, "A", "Regio A", "JZ01");
        if (st == JBW_OK) {
            added = 1;
        } else {
            assert_int_equal(st, JBW_ENOMEM);
            assert_int_equal(jbw_registry_region_count(reg), 0);
        }
    }
    jbw_test_alloc_reset();
    assert_true(added);
    assert_int_equal(jbw_registry_region_count(reg), 1);
    jbw_registry_free(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_registry_is_empty),
        cmocka_unit_test(test_added_records_read_back_in_order),
        cmocka_unit_test(test_find_returns_index_or_notfound),
        cmocka_unit_test(test_serves_reports_relation_and_unknown_keys),
        cmocka_unit_test(test_service_added_twice_is_kept_once),
        cmocka_unit_test(test_duplicates_are_refused),
        cmocka_unit_test(test_keys_must_be_1_to_64_safe_bytes),
        cmocka_unit_test(test_names_must_be_given),
        cmocka_unit_test(test_null_arguments_are_einval),
        cmocka_unit_test(test_getters_check_version_and_index),
        cmocka_unit_test(test_clone_is_independent_copy),
        cmocka_unit_test(test_many_regions_grow_arrays),
        cmocka_unit_test(test_zuid_west_has_4_regions_37_municipalities_3_gis),
        cmocka_unit_test(test_zuid_west_places_rijswijk_in_haaglanden),
        cmocka_unit_test(
            test_zuid_west_and_clone_survive_every_failed_allocation),
        cmocka_unit_test(test_failed_add_under_oom_leaves_registry_usable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
