/*
 * Tests of waiting for suitable help: the measure columns help_requested
 * and help_started (record version 3), their input rules, and the
 * caseload figures waiting_for_help and waiting_for_help_past_norm
 * (totals version 2) in total, per organisation and per region, with the
 * writers. Every record is synthetic; every figure is worked out by hand
 * in the comments.
 *
 * Definitions (docs/norms.md): on date d, an active measure waits for
 * suitable help when help_requested <= d and help_started is not set or
 * after d; it is past the norm when help_requested + 3 calendar months <
 * d (suitable help within 3 months, the inspections' norm,
 * docs/sources.md).
 */
#include "jbw_test.h"

#define NONE JBW_DATE_NONE

/* G1 serves R1 and R2, G2 serves R1. Reference date 2025-09-01. */
static jbw_snapshot *new_snapshot(void)
{
    static const char *const serves[] = {"12", "1"};
    return jbw_test_snapshot(D(2025, 9, 1), 2, serves, 2);
}

static jbw_measure measure(const char *id, const char *org, const char *region)
{
    jbw_measure m = JBW_MEASURE_INIT;
    m.id = id;
    m.child_id = id;
    m.organisation = org;
    m.region = region;
    m.start = D(2025, 1, 1);
    return m;
}

static void add(jbw_snapshot *snap, const char *id, const char *org,
                const char *region, jbw_date end, jbw_date asked,
                jbw_date began)
{
    jbw_measure m = measure(id, org, region);
    m.end = end;
    m.help_requested = asked;
    m.help_started = began;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
}

/*
 * Every measure is an OTS from 2025-01-01 without a worker.
 *  H1 G1 R1 asked 05-01, not begun: 3 months end 08-01 < 09-01   past
 *  H2 G1 R1 asked 06-01, begins 09-02 (after the date): 3 months end
 *           09-01, not before the date                           within
 *  H3 G1 R2 asked 05-31, not begun: 05-31 + 3 months = 08-31     past
 *  H4 G2 R1 asked 03-01, began 09-01, on the date                no
 *  H5 G2 R1 asked 09-02, after the date                          no
 *  H6 G1 R2 ended 08-01 (inactive), asked 02-01, not begun       no
 *  H7 G2 R1 asked 08-15, not begun                               within
 *  H8 G1 R1 no help dates                                        no
 * Waiting 4 (H1, H2, H3, H7), past the norm 2 (H1, H3).
 * G1: H1, H2, H3 = 3 / 2; G2: H7 = 1 / 0; R1: H1, H2, H7 = 3 / 1;
 * R2: H3 = 1 / 1.
 */
static jbw_snapshot *fixture(void)
{
    jbw_snapshot *snap = new_snapshot();
    add(snap, "H1", "G1", "R1", NONE, D(2025, 5, 1), NONE);
    add(snap, "H2", "G1", "R1", NONE, D(2025, 6, 1), D(2025, 9, 2));
    add(snap, "H3", "G1", "R2", NONE, D(2025, 5, 31), NONE);
    add(snap, "H4", "G2", "R1", NONE, D(2025, 3, 1), D(2025, 9, 1));
    add(snap, "H5", "G2", "R1", NONE, D(2025, 9, 2), NONE);
    add(snap, "H6", "G1", "R2", D(2025, 8, 1), D(2025, 2, 1), NONE);
    add(snap, "H7", "G2", "R1", NONE, D(2025, 8, 15), NONE);
    add(snap, "H8", "G1", "R1", NONE, NONE, NONE);
    return snap;
}

static void expect_group(const jbw_caseload *cl, jbw_group group, size_t i,
                         const char *key, size_t waiting, size_t past)
{
    jbw_caseload_totals t;
    const char *k = NULL;
    memset(&t, 0, sizeof t);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    assert_ok(jbw_caseload_group_get(&t, &k, cl, group, i));
    assert_string_equal(k, key);
    assert_int_equal(t.waiting_for_help, waiting);
    assert_int_equal(t.waiting_for_help_past_norm, past);
}

static void waiting_for_help_in_total_and_per_group(void **state)
{
    jbw_snapshot *snap = fixture();
    jbw_caseload *cl = jbw_test_caseload(snap, D(2025, 9, 1));
    jbw_caseload_totals t;
    (void)state;
    memset(&t, 0, sizeof t);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    assert_ok(jbw_caseload_totals_get(&t, cl));
    assert_int_equal(t.active_measures, 7); /* H6 ended */
    assert_int_equal(t.waiting_for_help, 4);
    assert_int_equal(t.waiting_for_help_past_norm, 2);
    expect_group(cl, JBW_GROUP_ORGANISATION, 0, "G1", 3, 2);
    expect_group(cl, JBW_GROUP_ORGANISATION, 1, "G2", 1, 0);
    expect_group(cl, JBW_GROUP_REGION, 0, "R1", 3, 1);
    expect_group(cl, JBW_GROUP_REGION, 1, "R2", 1, 1);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/*
 * On 2025-08-01: H1 (05-01 + 3 months = 08-01, not before the date:
 * within), H2 and H3 (within), H4 (asked 03-01, begins only 09-01; 06-01
 * < 08-01: past) wait; H5 and H7 are asked later; H6 ends on the date
 * (inactive). Waiting 4, past 1.
 */
static void waiting_for_help_on_an_earlier_date(void **state)
{
    jbw_snapshot *snap = fixture();
    jbw_caseload *cl = jbw_test_caseload(snap, D(2025, 8, 1));
    jbw_caseload_totals t;
    (void)state;
    memset(&t, 0, sizeof t);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    assert_ok(jbw_caseload_totals_get(&t, cl));
    assert_int_equal(t.waiting_for_help, 4);
    assert_int_equal(t.waiting_for_help_past_norm, 1);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/* A totals record of version 1 is filled up to its own size: the help
 * figures of a caller's larger buffer stay untouched. */
static void totals_version_1_is_still_filled(void **state)
{
    jbw_snapshot *snap = fixture();
    jbw_caseload *cl = jbw_test_caseload(snap, D(2025, 9, 1));
    jbw_caseload_totals t;
    (void)state;
    memset(&t, 0, sizeof t);
    t.version = 1;
    t.waiting_for_help = 77;
    t.waiting_for_help_past_norm = 78;
    assert_ok(jbw_caseload_totals_get(&t, cl));
    assert_int_equal(t.version, 1);
    assert_int_equal(t.active_measures, 7);
    assert_int_equal(t.waiting_for_help, 77);
    assert_int_equal(t.waiting_for_help_past_norm, 78);
    t.version = 3;
    assert_status(jbw_caseload_totals_get(&t, cl), JBW_EVERSION);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

static void help_dates_are_checked(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_measure m = measure("M1", "G1", "R1");
    (void)state;
    m.help_requested = D(2024, 12, 31);
    assert_status(jbw_snapshot_add_measure(snap, &m), JBW_EINVAL);
    assert_error_contains("help_requested 2024-12-31 is before start "
                          "2025-01-01 (measure 'M1')");
    m.help_requested = D(2025, 2, 1);
    m.help_started = D(2025, 1, 31);
    assert_status(jbw_snapshot_add_measure(snap, &m), JBW_EINVAL);
    assert_error_contains("help_started 2025-01-31 is before help_requested "
                          "2025-02-01 (measure 'M1')");
    m.help_started = (jbw_date)-40000;
    assert_status(jbw_snapshot_add_measure(snap, &m), JBW_ERANGE);
    assert_error_contains("help_started (day -40000) is outside");
    /* asked on the start day and begun the same day: fine */
    m.help_requested = D(2025, 1, 1);
    m.help_started = D(2025, 1, 1);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    /* a start without a known request is kept */
    m = measure("M2", "G1", "R1");
    m.help_started = D(2025, 3, 1);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    assert_int_equal(jbw_snapshot_measure_count(snap), 2);
    jbw_snapshot_free(snap);
}

/* Records of version 2 (libjbw 0.2 before the help dates) end before
 * them: the snapshot reads no further, and writes no further back. */
static void measure_version_2_has_no_help_dates(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_measure m = measure("M1", "G1", "R1"), back;
    size_t i = 0;
    (void)state;
    m.version = 2;
    m.help_requested = D(2020, 1, 1); /* before start: ignored in v2 */
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    assert_ok(jbw_snapshot_find_measure(&i, snap, "M1"));
    memset(&back, 0, sizeof back);
    back.version = 3;
    assert_ok(jbw_snapshot_measure(&back, snap, i));
    assert_int_equal(back.help_requested, NONE);
    back.version = 2;
    back.help_requested = 5;
    back.help_started = 6;
    assert_ok(jbw_snapshot_measure(&back, snap, i));
    assert_int_equal(back.help_requested, 5);
    assert_int_equal(back.help_started, 6);
    assert_int_equal(back.start, D(2025, 1, 1));
    /* jbw_measure_init of version 2 writes only its fields */
    assert_ok(jbw_measure_init(&back, 2));
    assert_int_equal(back.version, 2);
    assert_int_equal(back.help_requested, 5);
    assert_ok(jbw_measure_init(&back, 3));
    assert_int_equal(back.help_requested, NONE);
    assert_status(jbw_measure_init(&back, 4), JBW_EVERSION);
    jbw_snapshot_free(snap);
}

/* The CSV columns, read and written; an input error names the line. */
static void csv_columns_read_write_and_refuse(void **state)
{
    static const char workers[] = "id,organisation,region,fte,hired\n";
    static const char good[] =
        "id,child_id,kind,organisation,region,start,help_requested,"
        "help_started\n"
        "M1,C1,OTS,G1,R1,2025-01-01,2025-05-01,\n"
        "M2,C2,OTS,G1,R1,2025-01-01,2025-02-01,2025-03-01\n";
    static const char bad[] =
        "id,child_id,kind,organisation,region,start,help_requested,"
        "help_started\n"
        "M1,C1,OTS,G1,R1,2025-01-01,2025-05-01,\n"
        "M2,C2,OTS,G1,R1,2025-01-01,2025-02-01,2025-01-15\n";
    jbw_snapshot *snap = new_snapshot(), *loaded = NULL;
    const jbw_registry *reg = jbw_snapshot_registry(snap);
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_rejects *rej = NULL;
    char *out = NULL;
    size_t len = 0;
    (void)state;
    o.reference_date = D(2025, 9, 1);
    assert_ok(jbw_snapshot_load_csv_buffers(&loaded, NULL, reg, good,
                                            strlen(good), NULL, workers,
                                            strlen(workers), NULL, &o));
    assert_ok(jbw_snapshot_measures_csv(&out, &len, loaded));
    assert_non_null(strstr(out, ",help_requested,help_started\n"));
    assert_non_null(strstr(out, ",2025-05-01,\n"));
    assert_non_null(strstr(out, ",2025-02-01,2025-03-01\n"));
    jbw_free(out);
    jbw_snapshot_free(loaded);
    loaded = NULL;
    assert_status(jbw_snapshot_load_csv_buffers(&loaded, NULL, reg, bad,
                                                strlen(bad), NULL, workers,
                                                strlen(workers), NULL, &o),
                  JBW_EINVAL);
    assert_error_contains("measures.csv line 3, column 'help_started': "
                          "help_started 2025-01-15 is "
                          "before help_requested 2025-02-01");
    o.lenient = 1;
    assert_ok(jbw_snapshot_load_csv_buffers(&loaded, &rej, reg, bad,
                                            strlen(bad), NULL, workers,
                                            strlen(workers), NULL, &o));
    assert_int_equal(jbw_snapshot_measure_count(loaded), 1);
    assert_int_equal(jbw_rejects_count(rej), 1);
    jbw_rejects_free(rej);
    jbw_snapshot_free(loaded);
    jbw_snapshot_free(snap);
}

static void writers_carry_the_help_figures(void **state)
{
    jbw_snapshot *snap = fixture();
    jbw_caseload *cl = jbw_test_caseload(snap, D(2025, 9, 1));
    jbw_report_options o = JBW_REPORT_OPTIONS_INIT;
    char *out = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_caseload_json(&out, &len, cl));
    assert_non_null(strstr(
        out, "\"waiting_for_help\":4,\"waiting_for_help_past_norm\":2}"));
    jbw_free(out);
    assert_ok(jbw_caseload_csv(&out, &len, cl));
    assert_non_null(strstr(out, ",waiting_for_help,waiting_for_help_past_norm"
                                "\n"));
    /* the total row ends with 4,2; G2's with 1,0; R2's with 1,1 */
    assert_non_null(strstr(out, "total,,"));
    assert_non_null(strstr(out, ",4,2\norganisation,G1,"));
    assert_non_null(strstr(out, ",1,0\nregion,R1,"));
    assert_non_null(strstr(out, "region,R2,"));
    assert_true(len > 5 && strcmp(out + len - 5, ",1,1\n") == 0);
    jbw_free(out);
    assert_ok(jbw_caseload_report_text(&out, &len, cl, &o));
    assert_non_null(strstr(out, "Wachten op passende hulp"));
    assert_non_null(strstr(out, "  totaal"));
    jbw_free(out);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/* Without any help date the report says nothing about help (a zero would
 * read as "nobody waits"); JSON and CSV give 0. */
static void report_leaves_out_help_without_dates(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    char *out = NULL;
    size_t len = 0;
    (void)state;
    add(snap, "M1", "G1", "R1", NONE, NONE, NONE);
    cl = jbw_test_caseload(snap, D(2025, 9, 1));
    assert_ok(jbw_caseload_report_text(&out, &len, cl, NULL));
    assert_null(strstr(out, "passende hulp"));
    jbw_free(out);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(waiting_for_help_in_total_and_per_group),
        cmocka_unit_test(waiting_for_help_on_an_earlier_date),
        cmocka_unit_test(totals_version_1_is_still_filled),
        cmocka_unit_test(help_dates_are_checked),
        cmocka_unit_test(measure_version_2_has_no_help_dates),
        cmocka_unit_test(csv_columns_read_write_and_refuse),
        cmocka_unit_test(writers_carry_the_help_figures),
        cmocka_unit_test(report_leaves_out_help_without_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
