/*
 * Tests of jbw_wait_cases_set_text and jbw_wait_cases_set_ints: fields
 * of an array of wait cases set from a column of NUL-separated text, or
 * from columns of integers.
 *
 * Day numbers (days since 1970-01-01), worked out by hand:
 *   2000-01-01 = 30 years of 365 days + 7 leap days (1972..1996) = 10957;
 *   2000-03-01 = 10957 + 31 (January) + 29 (February 2000) = 11017;
 *   2025-01-01 = 55 x 365 + 14 leap days (1972..2024) = 20089;
 *   2025-09-01 = 20089 + 243 (January to August: 31 + 28 + 31 + 30 + 31
 *                + 30 + 31 + 31) = 20332.
 *
 * All ids are synthetic.
 */
#include "jbw_test.h"

/* Sizes of a text of NUL-terminated values: sizeof of the literal without
 * the NUL the compiler adds after the last value's own. */
#define TEXT(s) (s), (sizeof(s) - 1)

static void init_cases(jbw_wait_case *c, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        assert_ok(jbw_wait_case_init(&c[i], JBW_WAIT_CASE_VERSION));
}

static void string_values_point_into_the_text(void **state)
{
    /* "M-1" at byte 0, "Zoë" (4 bytes in UTF-8) at byte 4, "" at byte 9
     * (the compiler's NUL ends it) */
    static const char text[] = "M-1\0Zo\xC3\xAB\0";
    jbw_wait_case c[3];
    (void)state;
    init_cases(c, 3);
    assert_ok(jbw_wait_cases_set_text(c, 3, "id", text, sizeof text));
    assert_ptr_equal(c[0].id, text);
    assert_ptr_equal(c[1].id, text + 4);
    assert_ptr_equal(c[2].id, text + 9);
    assert_string_equal(c[1].id, "Zo\xC3\xAB");
    assert_string_equal(c[2].id, ""); /* empty, never NULL */
    /* only the field is written */
    assert_null(c[0].child_id);
    assert_int_equal(c[2].kind, JBW_KIND_OTS);
    assert_int_equal(c[2].waiting_since, JBW_DATE_NONE);
}

static void codes_are_read_as_their_from_code_functions_read_them(void **state)
{
    jbw_wait_case c[3];
    (void)state;
    init_cases(c, 3);
    assert_ok(
        jbw_wait_cases_set_text(c, 3, "kind", TEXT("OTS\0vots\0Voogdij\0")));
    assert_int_equal(c[0].kind, JBW_KIND_OTS);
    assert_int_equal(c[1].kind, JBW_KIND_VOTS);
    assert_int_equal(c[2].kind, JBW_KIND_VOOGDIJ);
    assert_ok(
        jbw_wait_cases_set_text(c, 3, "safety", TEXT("acute\0unsafe\0safe\0")));
    assert_int_equal(c[0].safety, JBW_SAFETY_ACUTE);
    assert_int_equal(c[1].safety, JBW_SAFETY_UNSAFE);
    assert_int_equal(c[2].safety, JBW_SAFETY_SAFE);
    assert_ok(jbw_wait_cases_set_text(c, 3, "placement",
                                      TEXT("none\0placed\0crisis\0")));
    assert_int_equal(c[1].placement, JBW_PLACEMENT_PLACED);
    assert_int_equal(c[2].placement, JBW_PLACEMENT_CRISIS);
    assert_ok(
        jbw_wait_cases_set_text(c, 3, "jr_risk", TEXT("high\0low\0unknown\0")));
    assert_int_equal(c[0].jr_risk, JBW_JR_RISK_HIGH);
    assert_int_equal(c[1].jr_risk, JBW_JR_RISK_LOW);
    assert_int_equal(c[2].jr_risk, JBW_JR_RISK_UNKNOWN);
    /* the Dutch "ja", the empty value (unknown), the English "no" */
    assert_ok(jbw_wait_cases_set_text(c, 3, "other_help", TEXT("ja\0\0no\0")));
    assert_int_equal(c[0].other_help, JBW_YESNO_YES);
    assert_int_equal(c[1].other_help, JBW_YESNO_UNKNOWN);
    assert_int_equal(c[2].other_help, JBW_YESNO_NO);
    /* the empty band is no override */
    assert_ok(jbw_wait_cases_set_text(c, 3, "override_band",
                                      TEXT("hoog\0\0ACUUT\0")));
    assert_int_equal(c[0].override_band, JBW_BAND_HOOG);
    assert_int_equal(c[1].override_band, JBW_OVERRIDE_NONE);
    assert_int_equal(c[2].override_band, JBW_BAND_ACUUT);
}

static void dates_and_numbers_are_read_from_text(void **state)
{
    jbw_wait_case c[4];
    (void)state;
    init_cases(c, 4);
    /* ISO, Dutch with spaces around it, empty (no date), a leap day */
    assert_ok(jbw_wait_cases_set_text(c, 4, "birth_date",
                                      TEXT("2025-09-01\0 1-9-2025 \0\0"
                                           "2000-02-29\0")));
    assert_int_equal(c[0].birth_date, 20332);
    assert_int_equal(c[1].birth_date, 20332);
    assert_int_equal(c[2].birth_date, JBW_DATE_NONE);
    assert_int_equal(c[3].birth_date, 11017 - 1); /* the day before 1 March */
    assert_ok(jbw_wait_cases_set_text(c, 4, "previous_workers",
                                      TEXT("0\0002\0 3\0-1\0")));
    assert_int_equal(c[0].previous_workers, 0);
    assert_int_equal(c[1].previous_workers, 2);
    assert_int_equal(c[2].previous_workers, 3);
    assert_int_equal(c[3].previous_workers, -1); /* scoring refuses it */
}

static void a_bad_value_names_column_row_id_and_value(void **state)
{
    jbw_wait_case c[3];
    (void)state;
    init_cases(c, 3);
    assert_ok(jbw_wait_cases_set_text(c, 3, "id", TEXT("M-1\0M-2\0M-3\0")));
    assert_status(
        jbw_wait_cases_set_text(c, 3, "kind", TEXT("OTS\0XYZ\0OTS\0")),
        JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "column 'kind', row 1 (id 'M-2'): not a measure kind "
                        "code: 'XYZ'");
    /* February 2025 has 28 days */
    assert_status(jbw_wait_cases_set_text(c, 3, "waiting_since",
                                          TEXT("2025-09-01\0\0"
                                               "2025-02-30\0")),
                  JBW_EPARSE);
    assert_error_contains(
        "column 'waiting_since', row 2 (id 'M-3'): not a date");
    assert_error_contains("'2025-02-30'");
    assert_status(jbw_wait_cases_set_text(c, 3, "previous_workers",
                                          TEXT("1\0002.0\0"
                                               "3\0")),
                  JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "column 'previous_workers', row 1 (id 'M-2'): not a "
                        "whole number: '2.0'");
    /* a band the model does not have; no id set: the row alone */
    init_cases(c, 3);
    assert_status(
        jbw_wait_cases_set_text(c, 3, "override_band", TEXT("\0\0hoogst\0")),
        JBW_ENOTFOUND);
    assert_error_contains("column 'override_band', row 2: not a band");
    /* 2.5e9 does not fit in an int */
    assert_status(jbw_wait_cases_set_text(c, 3, "previous_workers",
                                          TEXT("1\0"
                                               "2500000000\0"
                                               "3\0")),
                  JBW_EPARSE);
}

static void the_text_must_hold_exactly_count_values(void **state)
{
    jbw_wait_case c[3];
    (void)state;
    init_cases(c, 3);
    assert_status(jbw_wait_cases_set_text(c, 3, "id", TEXT("a\0b\0")),
                  JBW_EINVAL);
    assert_error_contains("the text holds 2 values, count is 3");
    assert_status(jbw_wait_cases_set_text(c, 2, "id", TEXT("a\0b\0c\0")),
                  JBW_EINVAL);
    assert_error_contains("the text holds more than 2 values");
    /* without its last NUL */
    assert_status(jbw_wait_cases_set_text(c, 2, "id", "a\0b", 3), JBW_EINVAL);
    assert_error_contains("must end with a NUL");
    assert_status(jbw_wait_cases_set_text(c, 2, "id", NULL, 0), JBW_EINVAL);
    /* nothing to set: no text needed */
    assert_ok(jbw_wait_cases_set_text(NULL, 0, "id", NULL, 0));
}

static void null_arrays_are_refused_by_name_when_there_are_cases(void **state)
{
    jbw_wait_case c[2];
    int32_t v[2] = {JBW_KIND_VOTS, JBW_KIND_VOOGDIJ};
    const int32_t *vs[1] = {v};
    const char *kind[1] = {"kind"};
    (void)state;
    init_cases(c, 2);
    /* count > 0: the cases and the values must be there, and the message
     * names the parameter that is not */
    assert_status(jbw_wait_cases_set_ints(NULL, 2, NULL, NULL, 0), JBW_EINVAL);
    assert_error_contains("jbw_wait_cases_set_ints: cases is NULL (count 2)");
    assert_status(jbw_wait_cases_set_ints(NULL, 2, kind, vs, 1), JBW_EINVAL);
    assert_error_contains("jbw_wait_cases_set_ints: cases is NULL (count 2)");
    assert_status(jbw_wait_cases_set_ints(c, 2, kind, NULL, 1), JBW_EINVAL);
    assert_error_contains("jbw_wait_cases_set_ints: values is NULL");
    assert_status(jbw_wait_cases_set_ints(c, 2, NULL, vs, 1), JBW_EINVAL);
    assert_error_contains("jbw_wait_cases_set_ints: fields is NULL");
    assert_status(jbw_wait_cases_set_text(NULL, 2, "id", TEXT("a\0b\0")),
                  JBW_EINVAL);
    assert_error_contains("jbw_wait_cases_set_text: cases is NULL (count 2)");
    assert_status(jbw_wait_cases_set_text(c, 2, "id", NULL, 0), JBW_EINVAL);
    assert_error_contains(
        "jbw_wait_cases_set_text: column 'id': text is NULL (count 2)");
    assert_status(jbw_wait_cases_set_text(c, 2, "id", NULL, 4), JBW_EINVAL);
    assert_error_contains("text is NULL");
    /* nothing written by the refused calls */
    assert_int_equal(c[0].kind, JBW_KIND_OTS);
    assert_null(c[0].id);
    /* count 0: nothing to set, no array needed; the names are still
     * checked */
    assert_ok(jbw_wait_cases_set_ints(NULL, 0, NULL, NULL, 0));
    assert_ok(jbw_wait_cases_set_ints(NULL, 0, kind, NULL, 1));
    assert_ok(jbw_wait_cases_set_text(NULL, 0, "id", NULL, 0));
    assert_status(jbw_wait_cases_set_text(NULL, 0, "colour", NULL, 0),
                  JBW_EINVAL);
    assert_error_contains("no field 'colour'");
    /* no field: the values are not read */
    assert_ok(jbw_wait_cases_set_ints(c, 2, NULL, NULL, 0));
}

static void fields_and_versions_are_checked(void **state)
{
    jbw_wait_case c[2];
    int32_t v[2] = {JBW_KIND_VOTS, JBW_KIND_VOOGDIJ};
    const int32_t *vs[1] = {v}, *vs2[2] = {v, v}, *no_values[1] = {NULL};
    const char *kind[1] = {"kind"}, *one_null[1] = {NULL};
    const char *kind_then_child[2] = {"kind", "child_id"};
    (void)state;
    init_cases(c, 2);
    assert_status(jbw_wait_cases_set_text(c, 2, "colour", TEXT("a\0b\0")),
                  JBW_EINVAL);
    assert_error_contains("no field 'colour'");
    assert_status(jbw_wait_cases_set_ints(c, 2, one_null, vs, 1), JBW_EINVAL);
    assert_status(jbw_wait_cases_set_ints(c, 2, NULL, vs, 1), JBW_EINVAL);
    assert_status(jbw_wait_cases_set_ints(c, 2, kind, NULL, 1), JBW_EINVAL);
    assert_status(jbw_wait_cases_set_ints(c, 2, kind, no_values, 1),
                  JBW_EINVAL);
    assert_status(jbw_wait_cases_set_ints(NULL, 2, kind, vs, 1), JBW_EINVAL);
    assert_status(jbw_wait_cases_set_ints(c, 2, kind, vs, 17), JBW_EINVAL);
    assert_error_contains("17 fields, at most 16");
    /* a string field after a good one: nothing is written */
    assert_status(jbw_wait_cases_set_ints(c, 2, kind_then_child, vs2, 2),
                  JBW_EINVAL);
    assert_error_contains("'child_id' is a string field");
    assert_int_equal(c[1].kind, JBW_KIND_OTS);
    c[0].version = 7;
    assert_status(jbw_wait_cases_set_ints(c, 2, kind, vs, 1), JBW_EVERSION);
}

static void version_one_records_are_walked_by_their_own_size(void **state)
{
    /* Two records of libjbw 0.1 back to back: the second starts where
     * the first's last field (previous_workers) ends. */
    size_t v1 = offsetof(jbw_wait_case, safety_plan);
    union {
        jbw_wait_case full[2];
        unsigned char bytes[2 * sizeof(jbw_wait_case)];
    } u;
    jbw_wait_case *first = &u.full[0], *second;
    int32_t kinds[2] = {JBW_KIND_VOTS, JBW_KIND_VOOGDIJ};
    const int32_t *vs[1] = {kinds};
    const char *kind[1] = {"kind"};
    (void)state;
    memset(&u, 0, sizeof u);
    second = (jbw_wait_case *)(void *)(u.bytes + v1);
    assert_ok(jbw_wait_case_init(first, 1));
    assert_ok(jbw_wait_case_init(second, 1));
    assert_ok(jbw_wait_cases_set_ints(first, 2, kind, vs, 1));
    assert_ok(jbw_wait_cases_set_text(first, 2, "waiting_since",
                                      TEXT("2000-01-01\0\0")));
    assert_int_equal(first->kind, JBW_KIND_VOTS);
    assert_int_equal(second->kind, JBW_KIND_VOOGDIJ);
    assert_int_equal(first->waiting_since, 10957);
    assert_int_equal(second->waiting_since, JBW_DATE_NONE);
    assert_int_equal(second->version, 1);
    /* a field of version 2 is not in these records */
    assert_status(jbw_wait_cases_set_text(first, 2, "term_end", TEXT("\0\0")),
                  JBW_EINVAL);
    assert_error_contains("record version 1 has no field 'term_end'");
}

static void ints_are_copied_into_their_fields(void **state)
{
    /* 1,100 cases: more than one block of rows; case i gets kind i % 12,
     * term_end day 20332 - i (i days before 2025-09-01), override band
     * i % 4 - 1 (none, laag, midden, hoog in turn). */
    enum { N = 1100 };
    static jbw_wait_case c[N];
    static int32_t kinds[N], days[N], bands[N];
    const int32_t *values[4] = {kinds, days, bands, kinds};
    const char *fields[4] = {"kind", "term_end", "override_band", "kind"};
    int32_t i;
    (void)state;
    init_cases(c, N);
    for (i = 0; i < N; i++) {
        kinds[i] = i % 12;
        days[i] = 20332 - i;
        bands[i] = i % 4 - 1;
    }
    assert_ok(jbw_wait_cases_set_ints(c, N, fields, values, 4));
    assert_int_equal(c[0].kind, JBW_KIND_OTS);
    assert_int_equal(c[1].kind, JBW_KIND_VOTS);
    /* 1099 = 91 x 12 + 7; 1091 = 90 x 12 + 11 */
    assert_int_equal(c[1099].kind, JBW_KIND_JR_ITB_HARDE_KERN);
    assert_int_equal(c[1091].kind, JBW_KIND_JR_VGBM);
    assert_int_equal(c[0].term_end, 20332);
    assert_int_equal(c[1099].term_end, 20332 - 1099);
    assert_int_equal(c[512].override_band, JBW_OVERRIDE_NONE); /* 512 % 4 = 0 */
    assert_int_equal(c[515].override_band, JBW_BAND_HOOG);
    /* the neighbours are untouched */
    assert_int_equal(c[700].last_contact, JBW_DATE_NONE);
    assert_int_equal(c[700].domestic_violence, JBW_YESNO_UNKNOWN);
    assert_null(c[700].id);
    assert_ok(jbw_wait_cases_set_ints(NULL, 0, fields, NULL, 1));
    assert_ok(jbw_wait_cases_set_ints(c, N, NULL, NULL, 0));
}

static void cases_set_by_columns_score_as_cases_set_by_fields(void **state)
{
    /* The same two cases built both ways score the same on 2025-09-01. */
    static const char ids[] = "M-1\0M-2\0", kids[] = "C-1\0C-2\0";
    jbw_wait_case cols[2], one[2];
    jbw_score a[2], b[2];
    jbw_calendar *cal;
    jbw_waitrisk_model *m;
    int32_t prev[2] = {0, 2};
    const int32_t *values[1] = {prev};
    const char *fields[1] = {"previous_workers"};
    size_t i;
    (void)state;
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_waitrisk_model_new_default(&m));
    init_cases(cols, 2);
    init_cases(one, 2);
    assert_ok(jbw_wait_cases_set_text(cols, 2, "id", TEXT(ids)));
    assert_ok(jbw_wait_cases_set_text(cols, 2, "child_id", TEXT(kids)));
    assert_ok(jbw_wait_cases_set_text(cols, 2, "kind", TEXT("vots\0ots\0")));
    assert_ok(
        jbw_wait_cases_set_text(cols, 2, "safety", TEXT("unsafe\0unknown\0")));
    assert_ok(jbw_wait_cases_set_text(cols, 2, "waiting_since",
                                      TEXT("2025-07-01\0"
                                           "2025-08-15\0")));
    assert_ok(
        jbw_wait_cases_set_text(cols, 2, "birth_date", TEXT("2015-03-01\0\0")));
    assert_ok(jbw_wait_cases_set_ints(cols, 2, fields, values, 1));
    one[0].id = "M-1";
    one[1].id = "M-2";
    one[0].child_id = "C-1";
    one[1].child_id = "C-2";
    one[0].kind = JBW_KIND_VOTS;
    one[0].safety = JBW_SAFETY_UNSAFE;
    assert_ok(jbw_date_from_ymd(&one[0].waiting_since, 2025, 7, 1));
    assert_ok(jbw_date_from_ymd(&one[1].waiting_since, 2025, 8, 15));
    assert_ok(jbw_date_from_ymd(&one[0].birth_date, 2015, 3, 1));
    one[1].previous_workers = 2;
    for (i = 0; i < 2; i++)
        a[i].version = b[i].version = JBW_SCORE_VERSION;
    assert_ok(jbw_waitrisk_score_batch(a, m, cal, cols, 2, 20332));
    assert_ok(jbw_waitrisk_score_batch(b, m, cal, one, 2, 20332));
    for (i = 0; i < 2; i++) {
        assert_int_equal(a[i].points, b[i].points);
        assert_int_equal(a[i].band, b[i].band);
        assert_int_equal(a[i].items, b[i].items);
        assert_int_equal(a[i].next_contact_due, b[i].next_contact_due);
    }
    assert_true(a[0].points > 0);
    jbw_waitrisk_model_free(m);
    jbw_calendar_free(cal);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(string_values_point_into_the_text),
        cmocka_unit_test(codes_are_read_as_their_from_code_functions_read_them),
        cmocka_unit_test(dates_and_numbers_are_read_from_text),
        cmocka_unit_test(a_bad_value_names_column_row_id_and_value),
        cmocka_unit_test(the_text_must_hold_exactly_count_values),
        cmocka_unit_test(null_arrays_are_refused_by_name_when_there_are_cases),
        cmocka_unit_test(fields_and_versions_are_checked),
        cmocka_unit_test(version_one_records_are_walked_by_their_own_size),
        cmocka_unit_test(ints_are_copied_into_their_fields),
        cmocka_unit_test(cases_set_by_columns_score_as_cases_set_by_fields),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
