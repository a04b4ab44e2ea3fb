/*
 * Tests of the measure kinds table, the enum codes and the record
 * initialisers. Expected codes, names, domains and categories are those
 * of docs/sources.md (iJw category 48 = jeugdbescherming, 47 =
 * jeugdreclassering).
 */
#include "jbw_test.h"

static void test_kind_count_is_12(void **state)
{
    (void)state;
    /* docs/sources.md lists 5 jeugdbescherming + 7 jeugdreclassering kinds */
    assert_int_equal(jbw_kind_count(), 12);
    assert_int_equal(JBW_KIND_COUNT, 12);
}

static void test_kind_codes_round_trip(void **state)
{
    int k;
    (void)state;
    for (k = 0; k < jbw_kind_count(); k++) {
        jbw_kind back = (jbw_kind)-1;
        const char *code = jbw_kind_code((jbw_kind)k);
        assert_non_null(code);
        assert_non_null(jbw_kind_name((jbw_kind)k));
        assert_ok(jbw_kind_from_code(&back, code, (size_t)-1));
        assert_int_equal(back, k);
        assert_ok(jbw_kind_from_code(&back, code, strlen(code)));
        assert_int_equal(back, k);
    }
}

static void test_kind_codes_and_names_match_domain_md(void **state)
{
    (void)state;
    assert_string_equal(jbw_kind_code(JBW_KIND_OTS), "OTS");
    assert_string_equal(jbw_kind_name(JBW_KIND_OTS), "ondertoezichtstelling");
    assert_string_equal(jbw_kind_code(JBW_KIND_VOTS), "VOTS");
    assert_string_equal(jbw_kind_name(JBW_KIND_VOTS),
                        "voorlopige ondertoezichtstelling");
    assert_string_equal(jbw_kind_code(JBW_KIND_VOORLOPIGE_VOOGDIJ),
                        "VOORLOPIGE_VOOGDIJ");
    assert_string_equal(jbw_kind_code(JBW_KIND_TIJDELIJKE_VOOGDIJ),
                        "TIJDELIJKE_VOOGDIJ");
    assert_string_equal(jbw_kind_code(JBW_KIND_JR_TB_GEDWONGEN),
                        "JR_TB_GEDWONGEN");
    assert_string_equal(jbw_kind_name(JBW_KIND_JR_TB_GEDWONGEN),
                        "toezicht en begeleiding, gedwongen kader");
    assert_string_equal(jbw_kind_code(JBW_KIND_JR_ITB_CRIEM), "JR_ITB_CRIEM");
    assert_string_equal(jbw_kind_code(JBW_KIND_JR_VGBM), "JR_VGBM");
    /* "gedragsbeïnvloedende" in UTF-8: ï is C3 AF */
    assert_string_equal(jbw_kind_name(JBW_KIND_JR_GBM),
                        "gedragsbe\xc3\xafnvloedende maatregel");
}

static void test_kind_domains_and_ijw_categories(void **state)
{
    int k;
    (void)state;
    /* kinds 0-4 are jeugdbescherming (48), 5-11 jeugdreclassering (47) */
    for (k = 0; k <= 4; k++) {
        assert_int_equal(jbw_kind_domain((jbw_kind)k), JBW_DOMAIN_JB);
        assert_int_equal(jbw_kind_ijw_category((jbw_kind)k), 48);
    }
    for (k = 5; k <= 11; k++) {
        assert_int_equal(jbw_kind_domain((jbw_kind)k), JBW_DOMAIN_JR);
        assert_int_equal(jbw_kind_ijw_category((jbw_kind)k), 47);
    }
}

static void test_only_vots_and_voorlopige_voogdij_are_emergency(void **state)
{
    int k, n = 0;
    (void)state;
    assert_int_equal(jbw_kind_is_emergency(JBW_KIND_VOTS), 1);
    assert_int_equal(jbw_kind_is_emergency(JBW_KIND_VOORLOPIGE_VOOGDIJ), 1);
    assert_int_equal(jbw_kind_is_emergency(JBW_KIND_OTS), 0);
    assert_int_equal(jbw_kind_is_emergency(JBW_KIND_TIJDELIJKE_VOOGDIJ), 0);
    for (k = 0; k < JBW_KIND_COUNT; k++)
        n += jbw_kind_is_emergency((jbw_kind)k);
    assert_int_equal(n, 2); /* exactly those two */
}

static void test_unknown_kind_gives_null_and_zero(void **state)
{
    (void)state;
    assert_null(jbw_kind_code((jbw_kind)12));
    assert_null(jbw_kind_name((jbw_kind)-1));
    assert_int_equal(jbw_kind_domain((jbw_kind)99), 0);
    assert_int_equal(jbw_kind_ijw_category((jbw_kind)12), 0);
    assert_int_equal(jbw_kind_is_emergency((jbw_kind)-5), 0);
}

static void test_kind_lookup_is_case_insensitive(void **state)
{
    jbw_kind k = JBW_KIND_OTS;
    (void)state;
    assert_ok(jbw_kind_from_code(&k, "vots", (size_t)-1));
    assert_int_equal(k, JBW_KIND_VOTS);
    assert_ok(jbw_kind_from_code(&k, "Jr_Tb_Vrijwillig", (size_t)-1));
    assert_int_equal(k, JBW_KIND_JR_TB_VRIJWILLIG);
    /* len counts: the first 3 bytes of "OTSX" are "OTS" */
    assert_ok(jbw_kind_from_code(&k, "OTSX", 3));
    assert_int_equal(k, JBW_KIND_OTS);
    /* "VOTS" cut to 2 bytes is "VO": no such code */
    assert_status(jbw_kind_from_code(&k, "VOTS", 2), JBW_ENOTFOUND);
    assert_int_equal(k, JBW_KIND_OTS); /* untouched */
}

static void test_kind_lookup_rejects_unknown_and_null(void **state)
{
    jbw_kind k = JBW_KIND_VOOGDIJ;
    (void)state;
    assert_status(jbw_kind_from_code(&k, "OTZ", (size_t)-1), JBW_ENOTFOUND);
    assert_reason_before_value("not a measure kind code", "OTZ");
    assert_status(jbw_kind_from_code(&k, "", (size_t)-1), JBW_ENOTFOUND);
    assert_error_contains("''");
    assert_status(jbw_kind_from_code(&k, " OTS", (size_t)-1), JBW_ENOTFOUND);
    assert_status(jbw_kind_from_code(&k, "OTS ", (size_t)-1), JBW_ENOTFOUND);
    /* an embedded NUL inside len does not match */
    assert_status(jbw_kind_from_code(&k, "OTS\0", 4), JBW_ENOTFOUND);
    assert_status(jbw_kind_from_code(NULL, "OTS", (size_t)-1), JBW_EINVAL);
    assert_error_contains("NULL");
    assert_status(jbw_kind_from_code(&k, NULL, 3), JBW_EINVAL);
    assert_int_equal(k, JBW_KIND_VOOGDIJ); /* untouched throughout */
}

static void test_enum_codes_round_trip(void **state)
{
    static const char *const safety[] = {"unknown", "safe", "concerns",
                                         "unsafe", "acute"};
    static const char *const placement[] = {"none", "placed", "crisis"};
    static const char *const risk[] = {"unknown", "low", "medium", "high"};
    int i;
    (void)state;
    for (i = 0; i < 5; i++) {
        jbw_safety s = (jbw_safety)-1;
        assert_string_equal(jbw_safety_code((jbw_safety)i), safety[i]);
        assert_ok(jbw_safety_from_code(&s, safety[i], (size_t)-1));
        assert_int_equal(s, i);
    }
    for (i = 0; i < 3; i++) {
        jbw_placement p = (jbw_placement)-1;
        assert_string_equal(jbw_placement_code((jbw_placement)i), placement[i]);
        assert_ok(jbw_placement_from_code(&p, placement[i], (size_t)-1));
        assert_int_equal(p, i);
    }
    for (i = 0; i < 4; i++) {
        jbw_jr_risk r = (jbw_jr_risk)-1;
        assert_string_equal(jbw_jr_risk_code((jbw_jr_risk)i), risk[i]);
        assert_ok(jbw_jr_risk_from_code(&r, risk[i], (size_t)-1));
        assert_int_equal(r, i);
    }
}

static void test_enum_codes_reject_out_of_range_and_unknown(void **state)
{
    jbw_safety s = JBW_SAFETY_SAFE;
    jbw_placement p = JBW_PLACEMENT_PLACED;
    jbw_jr_risk r = JBW_JR_RISK_HIGH;
    (void)state;
    assert_null(jbw_safety_code((jbw_safety)5));
    assert_null(jbw_placement_code((jbw_placement)3));
    assert_null(jbw_jr_risk_code((jbw_jr_risk)-1));
    assert_ok(jbw_safety_from_code(&s, "ACUTE", (size_t)-1));
    assert_int_equal(s, JBW_SAFETY_ACUTE);
    assert_status(jbw_safety_from_code(&s, "danger", (size_t)-1),
                  JBW_ENOTFOUND);
    assert_reason_before_value("not a safety code", "danger");
    assert_status(jbw_placement_from_code(&p, "muhp", (size_t)-1),
                  JBW_ENOTFOUND);
    assert_error_contains("placement");
    assert_status(jbw_jr_risk_from_code(&r, "hoog", (size_t)-1), JBW_ENOTFOUND);
    assert_status(jbw_jr_risk_from_code(NULL, "high", (size_t)-1), JBW_EINVAL);
    assert_status(jbw_placement_from_code(&p, NULL, 0), JBW_EINVAL);
    assert_int_equal(s, JBW_SAFETY_ACUTE);
    assert_int_equal(p, JBW_PLACEMENT_PLACED);
    assert_int_equal(r, JBW_JR_RISK_HIGH);
}

static void test_long_unknown_code_is_quoted_shortened(void **state)
{
    char code[300];
    jbw_kind k;
    (void)state;
    memset(code, 'Q', sizeof code - 1);
    code[sizeof code - 1] = '\0';
    assert_status(jbw_kind_from_code(&k, code, (size_t)-1), JBW_ENOTFOUND);
    /* the reason, then the code quoted up to 68 bytes (JBW__SHOWN 72
     * less the ellipsis and the NUL), so the detail stays short */
    assert_reason_before_value("not a measure kind code",
                               "QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ"
                               "QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ"
                               "\xE2\x80\xA6");
    assert_true(strlen(jbw_last_error()) < 120);
}

static void test_record_init_sets_defaults(void **state)
{
    jbw_worker w;
    jbw_measure m;
    (void)state;
    memset(&w, 0xff, sizeof w);
    memset(&m, 0xff, sizeof m);
    assert_ok(jbw_worker_init(&w, JBW_WORKER_VERSION));
    assert_int_equal(w.version, JBW_WORKER_VERSION);
    assert_null(w.id);
    assert_null(w.region);
    assert_near(w.fte, 1.0, 0.0); /* default full-time */
    assert_int_equal(w.hired, JBW_DATE_NONE);
    assert_int_equal(w.leaving, JBW_DATE_NONE);
    assert_ok(jbw_measure_init(&m, JBW_MEASURE_VERSION));
    assert_int_equal(m.version, JBW_MEASURE_VERSION);
    assert_null(m.id);
    assert_int_equal(m.kind, JBW_KIND_OTS);
    assert_int_equal(m.start, JBW_DATE_NONE);
    assert_int_equal(m.waiting_since, JBW_DATE_NONE);
    assert_int_equal(m.previous_workers, 0);
    assert_int_equal(m.safety, JBW_SAFETY_UNKNOWN);
    assert_int_equal(m.jr_risk, JBW_JR_RISK_UNKNOWN);
}

static void test_record_init_rejects_null_and_unknown_version(void **state)
{
    jbw_worker w = JBW_WORKER_INIT;
    jbw_measure m = JBW_MEASURE_INIT;
    (void)state;
    w.fte = 0.5;
    assert_status(jbw_worker_init(&w, 2), JBW_EVERSION);
    /* the detail names the versions known: 1 of a worker, 1 to 3 of a
     * measure (an older one writes only its own fields) */
    assert_string_equal(jbw_last_error(), "jbw_worker_init: version 2 is not "
                                          "supported (expected 1)");
    assert_near(w.fte, 0.5, 0.0); /* untouched */
    assert_status(jbw_worker_init(NULL, JBW_WORKER_VERSION), JBW_EINVAL);
    m.previous_workers = 3;
    assert_status(jbw_measure_init(&m, 0), JBW_EVERSION);
    assert_string_equal(jbw_last_error(), "jbw_measure_init: version 0 is not "
                                          "supported (expected 1 to 3)");
    assert_int_equal(m.previous_workers, 3);
    assert_status(jbw_measure_init(NULL, JBW_MEASURE_VERSION), JBW_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kind_count_is_12),
        cmocka_unit_test(test_kind_codes_round_trip),
        cmocka_unit_test(test_kind_codes_and_names_match_domain_md),
        cmocka_unit_test(test_kind_domains_and_ijw_categories),
        cmocka_unit_test(test_only_vots_and_voorlopige_voogdij_are_emergency),
        cmocka_unit_test(test_unknown_kind_gives_null_and_zero),
        cmocka_unit_test(test_kind_lookup_is_case_insensitive),
        cmocka_unit_test(test_kind_lookup_rejects_unknown_and_null),
        cmocka_unit_test(test_enum_codes_round_trip),
        cmocka_unit_test(test_enum_codes_reject_out_of_range_and_unknown),
        cmocka_unit_test(test_long_unknown_code_is_quoted_shortened),
        cmocka_unit_test(test_record_init_sets_defaults),
        cmocka_unit_test(test_record_init_rejects_null_and_unknown_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
