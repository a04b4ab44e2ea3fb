/*
 * Tests of snapshots: every validation rule of snapshot.h with a failing
 * record and its detail, atomic adds (also out of memory), measure states
 * around start / end / first_assigned / waiting_since, and counts with
 * filters. All records are synthetic.
 *
 * Fixture registry: regions R1 and R2; GI G1 serves both, G2 only R1.
 * Reference date 2025-09-01.
 */
#include "jbw_test.h"

static jbw_registry *fixture_registry(void)
{
    jbw_registry *reg = NULL;
    assert_ok(jbw_registry_new(&reg));
    assert_ok(jbw_registry_add_region(reg, "R1", "Regio een", NULL));
    assert_ok(jbw_registry_add_region(reg, "R2", "Regio twee", NULL));
    assert_ok(jbw_registry_add_organisation(reg, "G1", "GI een"));
    assert_ok(jbw_registry_add_organisation(reg, "G2", "GI twee"));
    assert_ok(jbw_registry_add_service(reg, "G1", "R1"));
    assert_ok(jbw_registry_add_service(reg, "G1", "R2"));
    assert_ok(jbw_registry_add_service(reg, "G2", "R1"));
    return reg;
}

static jbw_snapshot *new_snapshot(void)
{
    jbw_registry *reg = fixture_registry();
    jbw_snapshot *snap = NULL;
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    jbw_registry_free(reg); /* the snapshot holds its own copy */
    return snap;
}

static jbw_worker worker(const char *id, const char *org, const char *region)
{
    jbw_worker w = JBW_WORKER_INIT;
    w.id = id;
    w.organisation = org;
    w.region = region;
    w.hired = D(2020, 1, 1);
    return w;
}

/* An OTS of G1 in R1 started 2025-01-01 without a worker (nieuw). */
static jbw_measure measure(const char *id, const char *child)
{
    jbw_measure m = JBW_MEASURE_INIT;
    m.id = id;
    m.child_id = child;
    m.organisation = "G1";
    m.region = "R1";
    m.start = D(2025, 1, 1);
    return m;
}

/* A snapshot with workers W1 (G1) and W2 (G2). */
static jbw_snapshot *snapshot_with_workers(void)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_worker w1 = worker("W1", "G1", "R1"), w2 = worker("W2", "G2", "R1");
    assert_ok(jbw_snapshot_add_worker(snap, &w1));
    assert_ok(jbw_snapshot_add_worker(snap, &w2));
    return snap;
}

/* Adding `m` fails with `status` and a detail containing `detail` (when
 * not NULL); the snapshot still holds `measures` records and the refused
 * measure id is not found. */
static void expect_refused(jbw_snapshot *snap, const jbw_measure *m,
                           jbw_status status, size_t measures,
                           const char *detail)
{
    size_t index = 77;
    assert_status(jbw_snapshot_add_measure(snap, m), status);
    if (detail)
        assert_error_contains(detail);
    assert_int_equal(jbw_snapshot_measure_count(snap), measures);
    if (m->id && *m->id && status != JBW_EDUPLICATE) {
        jbw_status st = jbw_snapshot_find_measure(&index, snap, m->id);
        assert_int_equal(st, JBW_ENOTFOUND);
        assert_int_equal(index, 77);
    }
}

/* ---- creation and reading ---------------------------------------------- */

static void test_new_snapshot_copies_registry_and_date(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    (void)state;
    assert_int_equal(jbw_snapshot_reference_date(snap), D(2025, 9, 1));
    assert_int_equal(jbw_registry_region_count(jbw_snapshot_registry(snap)), 2);
    assert_int_equal(jbw_snapshot_worker_count(snap), 0);
    assert_int_equal(jbw_snapshot_measure_count(snap), 0);
    jbw_snapshot_free(snap);
}

/* The latest day on which something happened takes a start, a first
 * worker, a wait, a last contact and help asked or given, and leaves out
 * ends and hires (planned dates in exports). Dates worked out by hand. */
static void test_latest_event_leaves_out_ends_and_hires(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure a = measure("A", "C1"), b = measure("B", "C2");
    jbw_measure c = measure("C", "C3");
    jbw_worker late = worker("W3", "G1", "R1");
    (void)state;
    assert_int_equal(jbw_snapshot_latest_event(NULL), JBW_DATE_NONE);
    assert_int_equal(jbw_snapshot_latest_event(snap), JBW_DATE_NONE);
    late.hired = D(2025, 9, 1); /* a hire on the reference date: no event */
    assert_ok(jbw_snapshot_add_worker(snap, &late));
    /* A: start 2025-01-01 and a planned end after the reference date */
    a.end = D(2026, 1, 1);
    assert_ok(jbw_snapshot_add_measure(snap, &a));
    assert_int_equal(jbw_snapshot_latest_event(snap), D(2025, 1, 1));
    /* B: a worker since 2025-03-04, last contact 2025-08-20, end planned
     * 2025-12-31 */
    b.start = D(2025, 2, 1);
    b.end = D(2025, 12, 31);
    b.worker_id = "W1";
    b.first_assigned = D(2025, 3, 4);
    b.last_contact = D(2025, 8, 20);
    assert_ok(jbw_snapshot_add_measure(snap, &b));
    assert_int_equal(jbw_snapshot_latest_event(snap), D(2025, 8, 20));
    /* C: help asked on 2025-08-25, begun on 2025-08-27 */
    c.help_requested = D(2025, 8, 25);
    c.help_started = D(2025, 8, 27);
    assert_ok(jbw_snapshot_add_measure(snap, &c));
    assert_int_equal(jbw_snapshot_latest_event(snap), D(2025, 8, 27));
    jbw_snapshot_free(snap);
}

static void test_new_snapshot_rejects_null_and_bad_date(void **state)
{
    jbw_registry *reg = fixture_registry();
    jbw_snapshot *snap = NULL;
    (void)state;
    assert_status(jbw_snapshot_new(NULL, reg, D(2025, 9, 1)), JBW_EINVAL);
    assert_status(jbw_snapshot_new(&snap, NULL, D(2025, 9, 1)), JBW_EINVAL);
    assert_error_contains("registry is NULL");
    assert_status(jbw_snapshot_new(&snap, reg, JBW_DATE_NONE), JBW_ERANGE);
    assert_error_contains("reference date");
    /* 2200-01-01 is day 84006, one past the range */
    assert_status(jbw_snapshot_new(&snap, reg, (jbw_date)84006), JBW_ERANGE);
    assert_null(snap);
    /* NULL getters */
    assert_int_equal(jbw_snapshot_reference_date(NULL), JBW_DATE_NONE);
    assert_null(jbw_snapshot_registry(NULL));
    assert_int_equal(jbw_snapshot_worker_count(NULL), 0);
    assert_int_equal(jbw_snapshot_measure_count(NULL), 0);
    jbw_snapshot_free(NULL);
    jbw_registry_free(reg);
}

static void test_records_read_back_with_settled_fields(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_worker w3 = worker("W3", "G1", ""), wb = JBW_WORKER_INIT;
    jbw_measure m = measure("M1", "C1"), a = measure("M2", "C2");
    jbw_measure back = JBW_MEASURE_INIT;
    size_t i;
    (void)state;
    w3.fte = 0.8;
    w3.leaving = D(2025, 6, 1);
    assert_ok(jbw_snapshot_add_worker(snap, &w3));
    m.birth_date = D(2015, 5, 5);
    m.safety = JBW_SAFETY_CONCERNS;
    m.placement = JBW_PLACEMENT_PLACED;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    a.kind = JBW_KIND_JR_TB_VRIJWILLIG;
    a.family_id = "F1";
    a.worker_id = "W1";
    a.first_assigned = D(2025, 1, 3);
    a.previous_workers = 2;
    a.jr_risk = JBW_JR_RISK_MEDIUM;
    a.last_contact = D(2025, 8, 20);
    assert_ok(jbw_snapshot_add_measure(snap, &a));

    assert_ok(jbw_snapshot_find_worker(&i, snap, "W3"));
    assert_int_equal(i, 2); /* third worker added */
    assert_ok(jbw_snapshot_worker(&wb, snap, i));
    assert_string_equal(wb.id, "W3");
    assert_string_equal(wb.organisation, "G1");
    assert_string_equal(wb.region, ""); /* none given */
    assert_near(wb.fte, 0.8, 0.0);
    assert_int_equal(wb.hired, D(2020, 1, 1));
    assert_int_equal(wb.leaving, D(2025, 6, 1));

    assert_ok(jbw_snapshot_measure(&back, snap, 0));
    assert_string_equal(back.id, "M1");
    assert_string_equal(back.child_id, "C1");
    assert_string_equal(back.family_id, ""); /* own family */
    assert_string_equal(back.worker_id, "");
    assert_int_equal(back.kind, JBW_KIND_OTS);
    assert_int_equal(back.start, D(2025, 1, 1));
    assert_int_equal(back.end, JBW_DATE_NONE);
    /* nieuw without waiting_since: it waits since its start */
    assert_int_equal(back.waiting_since, D(2025, 1, 1));
    assert_int_equal(back.birth_date, D(2015, 5, 5));
    assert_int_equal(back.safety, JBW_SAFETY_CONCERNS);
    assert_int_equal(back.placement, JBW_PLACEMENT_PLACED);

    assert_ok(jbw_snapshot_find_measure(&i, snap, "M2"));
    assert_int_equal(i, 1);
    assert_ok(jbw_snapshot_measure(&back, snap, i));
    assert_string_equal(back.family_id, "F1");
    assert_string_equal(back.worker_id, "W1");
    assert_string_equal(back.organisation, "G1");
    assert_string_equal(back.region, "R1");
    assert_int_equal(back.kind, JBW_KIND_JR_TB_VRIJWILLIG);
    assert_int_equal(back.first_assigned, D(2025, 1, 3));
    assert_int_equal(back.waiting_since, JBW_DATE_NONE);
    assert_int_equal(back.previous_workers, 2);
    assert_int_equal(back.jr_risk, JBW_JR_RISK_MEDIUM);
    assert_int_equal(back.last_contact, D(2025, 8, 20));
    jbw_snapshot_free(snap);
}

static void test_readers_check_null_version_and_index(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_worker w = JBW_WORKER_INIT;
    jbw_measure m = JBW_MEASURE_INIT;
    size_t i = 5;
    (void)state;
    assert_status(jbw_snapshot_worker(&w, snap, 2), JBW_ERANGE);
    assert_error_contains("index 2");
    assert_null(w.id);
    assert_status(jbw_snapshot_measure(&m, snap, 0), JBW_ERANGE);
    w.version = 9;
    assert_status(jbw_snapshot_worker(&w, snap, 0), JBW_EVERSION);
    assert_null(w.id);
    assert_status(jbw_snapshot_worker(NULL, snap, 0), JBW_EINVAL);
    assert_status(jbw_snapshot_measure(&m, NULL, 0), JBW_EINVAL);
    assert_status(jbw_snapshot_find_worker(&i, snap, "W9"), JBW_ENOTFOUND);
    assert_error_contains("worker 'W9'");
    assert_status(jbw_snapshot_find_worker(&i, NULL, "W1"), JBW_EINVAL);
    assert_status(jbw_snapshot_find_measure(&i, snap, NULL), JBW_EINVAL);
    assert_status(jbw_snapshot_find_measure(NULL, snap, "M1"), JBW_EINVAL);
    assert_int_equal(i, 5);
    jbw_snapshot_free(snap);
}

/* ---- worker validation ------------------------------------------------- */
static void test_worker_needs_unique_clean_id(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_worker w = worker(NULL, "G1", "R1");
    (void)state;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EINVAL);
    assert_error_contains("id is missing: every worker needs one");
    w.id = "";
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EINVAL);
    assert_error_contains("id is missing: every worker needs one");
    w.id = "W\tX";
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EINVAL);
    assert_error_contains("control character (byte 2)");
    w.id = "W1";
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EDUPLICATE);
    assert_error_contains("id is already used (worker 'W1')");
    assert_int_equal(jbw_snapshot_worker_count(snap), 2);
    jbw_snapshot_free(snap);
}

static void test_worker_keys_must_be_in_registry(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_worker w = worker("W1", NULL, "R1");
    (void)state;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EINVAL);
    assert_error_contains("organisation is missing (worker 'W1')");
    w.organisation = "GX";
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ENOTFOUND);
    assert_error_contains(
        "organisation 'GX' is not in the registry (worker 'W1')");
    w.organisation = "G1";
    w.region = "RX";
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ENOTFOUND);
    assert_error_contains("region 'RX' is not in the registry (worker 'W1')");
    /* keys are case-sensitive: the registry's G1 and R1 differ from these
     * in case only, and the error names them */
    w.organisation = "g1";
    w.region = "R1";
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "organisation 'g1' is not in the registry (worker "
                        "'W1'); keys are case-sensitive: did you mean 'G1'?");
    w.organisation = "G1";
    w.region = "r1";
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "region 'r1' is not in the registry (worker 'W1'); "
                        "keys are case-sensitive: did you mean 'R1'?");
    assert_int_equal(jbw_snapshot_worker_count(snap), 0);
    w.region = NULL; /* no region is fine */
    assert_ok(jbw_snapshot_add_worker(snap, &w));
    jbw_snapshot_free(snap);
}

static void test_worker_fte_finite_and_within_0_and_1_2(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_worker w = worker("W1", "G1", "R1");
    (void)state;
    w.fte = NAN;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EINVAL);
    assert_error_contains("fte is not a finite number (worker 'W1')");
    w.fte = INFINITY;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EINVAL);
    w.fte = 0.0;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ERANGE);
    assert_error_contains("fte 0 is outside 0 < fte <= 1.2");
    w.fte = -0.5;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ERANGE);
    w.fte = 1.21;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ERANGE);
    assert_error_contains("fte 1.21");
    /* the next double above 1.2 is outside, and says so in full: 1.2 +
     * 2^-52 (the spacing of doubles in [1, 2)) reads 1.2000000000000002 */
    w.fte = nextafter(1.2, 2.0);
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ERANGE);
    assert_error_contains("fte 1.2000000000000002 is outside");
    w.fte = 1e300;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ERANGE);
    assert_int_equal(jbw_snapshot_worker_count(snap), 0);
    w.fte = 1.2; /* the bound itself is allowed */
    assert_ok(jbw_snapshot_add_worker(snap, &w));
    jbw_snapshot_free(snap);
}

static void test_worker_dates_set_in_range_and_ordered(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_worker w = worker("W1", "G1", "R1");
    (void)state;
    w.hired = JBW_DATE_NONE;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EINVAL);
    assert_error_contains("hired is missing (worker 'W1')");
    w.hired = (jbw_date)90000; /* after 2199-12-31 (day 84005) */
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ERANGE);
    assert_error_contains("hired (day 90000) is outside");
    w.hired = D(2024, 3, 1);
    w.leaving = D(2024, 3, 1);
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EINVAL);
    assert_error_contains("leaving 2024-03-01 is not after hired 2024-03-01");
    w.leaving = D(2024, 2, 1);
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EINVAL);
    w.leaving = (jbw_date)-30000; /* before 1900-01-01 (day -25567) */
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ERANGE);
    assert_error_contains("leaving");
    assert_int_equal(jbw_snapshot_worker_count(snap), 0);
    w.leaving = D(2024, 3, 2); /* one day employed */
    assert_ok(jbw_snapshot_add_worker(snap, &w));
    jbw_snapshot_free(snap);
}

static void test_worker_null_and_version(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_worker w = worker("W1", "G1", "R1");
    (void)state;
    assert_status(jbw_snapshot_add_worker(NULL, &w), JBW_EINVAL);
    assert_status(jbw_snapshot_add_worker(snap, NULL), JBW_EINVAL);
    w.version = 2;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EVERSION);
    assert_error_contains("version 2");
    assert_int_equal(jbw_snapshot_worker_count(snap), 0);
    jbw_snapshot_free(snap);
}

/* ---- measure validation ------------------------------------------------ */
/* A measure with several faults is refused for the first in the order
 * of the checks: its own id, then a duplicate id, then the rest (here
 * an end before the start, then a worker of another GI, then an
 * unknown worker); the detail names that fault alone. */
static void test_measure_faults_are_reported_in_order(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    m.child_id = "C2";
    m.worker_id = "W9";    /* not among the workers */
    m.end = D(2024, 1, 1); /* before the start */
    expect_refused(snap, &m, JBW_EDUPLICATE, 1,
                   "id is already used (measure 'M1')");
    assert_null(strstr(jbw_last_error(), "W9"));
    m.id = "M\n2"; /* its own id before the faults below */
    expect_refused(snap, &m, JBW_EINVAL, 1,
                   "id holds a control character (byte 2)");
    m.id = "M2";
    expect_refused(snap, &m, JBW_EINVAL, 1, "end 2024-01-01 is not after");
    m.end = JBW_DATE_NONE;
    m.worker_id = "W2"; /* of G2 */
    expect_refused(snap, &m, JBW_EINVAL, 1,
                   "worker 'W2' belongs to organisation 'G2', not 'G1'");
    m.worker_id = "W9";
    expect_refused(snap, &m, JBW_ENOTFOUND, 1,
                   "worker 'W9' is not among the workers (measure 'M2'): "
                   "add workers before their measures");
    m.worker_id = "W1";
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    assert_int_equal(jbw_snapshot_measure_count(snap), 2);
    jbw_snapshot_free(snap);
}

static void test_measure_ids_present_unique_clean(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure(NULL, "C1");
    (void)state;
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "id is missing: every measure needs one");
    assert_null(strstr(jbw_last_error(), "(measure '')"));
    m.id = "";
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "id is missing: every measure needs one");
    m.id = "M1";
    m.child_id = "";
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "child_id is missing (measure 'M1')");
    m.child_id = NULL;
    expect_refused(snap, &m, JBW_EINVAL, 0, NULL);
    m.child_id = "C\n1";
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "child_id holds a control character (byte 2): 'C?1' "
                   "(measure 'M1')");
    m.child_id = "C1";
    m.family_id = "\x01"
                  "C1"; /* would collide with C1's own-family key */
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "family_id holds a control character (byte 1)");
    m.family_id = NULL;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    m.child_id = "C2";
    expect_refused(snap, &m, JBW_EDUPLICATE, 1,
                   "id is already used (measure 'M1')");
    jbw_snapshot_free(snap);
}

static void test_measure_enums_in_range(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.kind = (jbw_kind)12;
    expect_refused(snap, &m, JBW_ERANGE, 0,
                   "kind 12 is not a known kind (measure 'M1')");
    m.kind = (jbw_kind)-1;
    expect_refused(snap, &m, JBW_ERANGE, 0, NULL);
    m.kind = JBW_KIND_OTS;
    m.safety = (jbw_safety)5;
    expect_refused(snap, &m, JBW_ERANGE, 0, "safety 5");
    m.safety = JBW_SAFETY_ACUTE;
    m.placement = (jbw_placement)3;
    expect_refused(snap, &m, JBW_ERANGE, 0, "placement 3");
    m.placement = JBW_PLACEMENT_CRISIS;
    m.jr_risk = (jbw_jr_risk)4;
    expect_refused(snap, &m, JBW_ERANGE, 0, "jr_risk 4");
    jbw_snapshot_free(snap);
}

static void test_measure_jr_risk_only_on_jeugdreclassering(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.jr_risk = JBW_JR_RISK_HIGH;
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "jr_risk 'high' is set on OTS, which is "
                   "not jeugdreclassering (measure 'M1')");
    m.kind = JBW_KIND_JR_ITB_CRIEM;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    jbw_snapshot_free(snap);
}

static void test_measure_organisation_serves_region(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.organisation = "";
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "organisation is missing (measure 'M1')");
    m.organisation = "GX";
    expect_refused(snap, &m, JBW_ENOTFOUND, 0,
                   "organisation 'GX' is not in the registry (measure 'M1')");
    m.organisation = "G2";
    m.region = NULL;
    expect_refused(snap, &m, JBW_EINVAL, 0, "region is missing (measure 'M1')");
    m.region = "RX";
    expect_refused(snap, &m, JBW_ENOTFOUND, 0,
                   "region 'RX' is not in the registry");
    /* in case only, the registry's key is named (G2, R1) */
    m.organisation = "g2";
    m.region = "R1";
    expect_refused(snap, &m, JBW_ENOTFOUND, 0,
                   "organisation 'g2' is not in the registry (measure 'M1'); "
                   "keys are case-sensitive: did you mean 'G2'?");
    m.organisation = "G2";
    m.region = "r1";
    expect_refused(snap, &m, JBW_ENOTFOUND, 0,
                   "region 'r1' is not in the registry (measure 'M1'); keys "
                   "are case-sensitive: did you mean 'R1'?");
    m.region = "R2"; /* G2 serves R1 only */
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "organisation 'G2' does not serve "
                   "region 'R2' (measure 'M1')");
    m.region = "R1";
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    jbw_snapshot_free(snap);
}

/* Adds measure `id` of organisation `org` in region `region`: the
 * status, and when it is added, the keys read back. */
static jbw_status add_in(jbw_snapshot *snap, const char *id, const char *org,
                         const char *region)
{
    jbw_measure m = measure(id, id), back = JBW_MEASURE_INIT;
    jbw_status st;
    size_t index;
    m.organisation = org;
    m.region = region;
    st = jbw_snapshot_add_measure(snap, &m);
    if (st == JBW_OK) {
        assert_ok(jbw_snapshot_find_measure(&index, snap, id));
        assert_ok(jbw_snapshot_measure(&back, snap, index));
        assert_string_equal(back.organisation, org);
        assert_string_equal(back.region, region);
    }
    return st;
}

/*
 * Registry keys of 1 to 8 bytes and longer ones, keys that are the start
 * of others, and a key one byte short or long: each is found as itself,
 * and only the pairs the registry lists are served. Organisation k serves
 * regions k % 3 and (k + 1) % 3, not (k + 2) % 3.
 */
static void test_registry_keys_of_any_length_are_found_exactly(void **state)
{
    static const char *const orgs[5] = {"A", "AB", "ABCDEFGH", "ABCDEFGHI",
                                        "ABCDEFGHIJKLMNOPQ"};
    static const char *const regions[3] = {"R", "R1234567", "R12345678"};
    static const char *const unknown[5] = {"ABC", "ABCDEFG", "ABCDEFGHIJ", "B",
                                           "ABCDEFGHIJKLMNOP"};
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    char id[32];
    size_t k, r, added = 0;
    (void)state;
    assert_ok(jbw_registry_new(&reg));
    for (r = 0; r < 3; r++)
        assert_ok(jbw_registry_add_region(reg, regions[r], "Regio", NULL));
    for (k = 0; k < 5; k++) {
        assert_ok(jbw_registry_add_organisation(reg, orgs[k], "GI"));
        assert_ok(jbw_registry_add_service(reg, orgs[k], regions[k % 3]));
        assert_ok(jbw_registry_add_service(reg, orgs[k], regions[(k + 1) % 3]));
    }
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    jbw_registry_free(reg);
    for (k = 0; k < 5; k++)
        for (r = 0; r < 3; r++) {
            snprintf(id, sizeof id, "M%zu-%zu", k, r);
            if (r == (k + 2) % 3) {
                assert_status(add_in(snap, id, orgs[k], regions[r]),
                              JBW_EINVAL);
                assert_error_contains("does not serve");
            } else {
                assert_ok(add_in(snap, id, orgs[k], regions[r]));
                added++;
            }
        }
    assert_int_equal(added, 10);
    for (k = 0; k < 5; k++) {
        assert_status(add_in(snap, "MX", unknown[k], "R"), JBW_ENOTFOUND);
        assert_error_contains("is not in the registry");
    }
    assert_status(add_in(snap, "MX", "A", "R123456"), JBW_ENOTFOUND);
    assert_status(add_in(snap, "MX", "A", "R123456789"), JBW_ENOTFOUND);
    assert_int_equal(jbw_snapshot_measure_count(snap), 10);
    jbw_snapshot_free(snap);
}

/* A registry with many organisations and regions (1,000 and 1,100 here,
 * over a million pairs): each is still found as itself, and organisation
 * i serves region i % 3 only. */
static void test_registry_with_many_organisations_finds_each(void **state)
{
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    char org[16], region[16], other[16], id[32];
    size_t i;
    (void)state;
    assert_ok(jbw_registry_new(&reg));
    for (i = 0; i < 1100; i++) {
        snprintf(region, sizeof region, "R%zu", i);
        assert_ok(jbw_registry_add_region(reg, region, "Regio", NULL));
    }
    for (i = 0; i < 1000; i++) {
        snprintf(org, sizeof org, "O%zu", i);
        snprintf(region, sizeof region, "R%zu", i % 3);
        assert_ok(jbw_registry_add_organisation(reg, org, "GI"));
        assert_ok(jbw_registry_add_service(reg, org, region));
    }
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    jbw_registry_free(reg);
    for (i = 0; i < 1000; i++) {
        snprintf(org, sizeof org, "O%zu", i);
        snprintf(region, sizeof region, "R%zu", i % 3);
        snprintf(other, sizeof other, "R%zu", (i + 1) % 3);
        snprintf(id, sizeof id, "M%zu", i);
        assert_ok(add_in(snap, id, org, region));
        assert_status(add_in(snap, "MX", org, other), JBW_EINVAL);
    }
    assert_status(add_in(snap, "MX", "O1000", "R0"), JBW_ENOTFOUND);
    assert_status(add_in(snap, "MX", "O0", "R1100"), JBW_ENOTFOUND);
    assert_int_equal(jbw_snapshot_measure_count(snap), 1000);
    jbw_snapshot_free(snap);
}

static void test_measure_start_set_and_end_after_start(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.start = JBW_DATE_NONE;
    expect_refused(snap, &m, JBW_EINVAL, 0, "start is missing (measure 'M1')");
    m.start = (jbw_date)84006; /* 2200-01-01 */
    expect_refused(snap, &m, JBW_ERANGE, 0, "start (day 84006) is outside");
    m.start = D(2025, 1, 1);
    m.end = D(2025, 1, 1);
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "end 2025-01-01 is not after start "
                   "2025-01-01 (measure 'M1')");
    m.end = D(2024, 12, 31);
    expect_refused(snap, &m, JBW_EINVAL, 0, NULL);
    m.end = D(2025, 1, 2); /* one day long */
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    jbw_snapshot_free(snap);
}

static void test_measure_worker_known_and_of_same_organisation(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M17", "C1");
    (void)state;
    m.worker_id = "W9";
    m.first_assigned = D(2025, 1, 2);
    /* a caller of the API adds the workers first */
    assert_status(jbw_snapshot_add_measure(snap, &m), JBW_ENOTFOUND);
    assert_string_equal(jbw_last_error(),
                        "worker 'W9' is not among the workers (measure "
                        "'M17'): add workers before their measures");
    m.worker_id = "W2"; /* W2 works for G2, the measure is G1's */
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "worker 'W2' belongs to organisation "
                   "'G2', not 'G1' (measure 'M17')");
    m.worker_id = "W1";
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    jbw_snapshot_free(snap);
}

static void test_measure_with_worker_has_no_waiting_since(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.worker_id = "W1";
    m.waiting_since = D(2025, 2, 1);
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "waiting_since is set but worker 'W1' "
                   "is assigned (measure 'M1')");
    jbw_snapshot_free(snap);
}

static void test_measure_that_lost_its_worker_needs_wait_and_count(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    /* had workers, none now, no waiting_since */
    m.previous_workers = 1;
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "waiting_since is missing (measure 'M1')");
    /* first worker assigned once, none now, yet previous_workers 0 */
    m.previous_workers = 0;
    m.first_assigned = D(2025, 1, 6);
    m.waiting_since = D(2025, 4, 1);
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "previous_workers must be at least 1");
    m.previous_workers = -1;
    expect_refused(snap, &m, JBW_ERANGE, 0,
                   "previous_workers -1 is negative (measure 'M1')");
    m.previous_workers = 1;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    jbw_snapshot_free(snap);
}

static void test_measure_dates_not_before_start(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.worker_id = "W1";
    m.first_assigned = D(2024, 12, 31);
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "first_assigned 2024-12-31 is before "
                   "start 2025-01-01 (measure 'M1')");
    m.first_assigned = D(2025, 1, 1);
    m.last_contact = D(2024, 12, 1);
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "last_contact 2024-12-01 is before start");
    m.last_contact = JBW_DATE_NONE;
    m.worker_id = NULL;
    m.first_assigned = JBW_DATE_NONE;
    m.waiting_since = D(2024, 12, 30);
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "waiting_since 2024-12-30 is before start");
    m.waiting_since = JBW_DATE_NONE;
    /* only an OTS or VOTS may start before birth (BW 1:2 with 1:255,
     * 1:257): a voogdij may not */
    m.kind = JBW_KIND_VOOGDIJ;
    m.birth_date = D(2025, 1, 2);
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "birth_date 2025-01-02 is after start "
                   "2025-01-01 (only an OTS or VOTS may start before birth) "
                   "(measure 'M1')");
    m.kind = JBW_KIND_OTS;
    m.birth_date = (jbw_date)-40000;
    expect_refused(snap, &m, JBW_ERANGE, 0,
                   "birth_date (day -40000) is outside");
    m.birth_date = D(2025, 1, 1); /* born on the day of the measure */
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    jbw_snapshot_free(snap);
}

/* A prenatal OTS or VOTS is legal (BW 1:2 with 1:255 and 1:257;
 * docs/sources.md): a birth date after the start, and after the reference
 * date (an expected birth), is accepted for those two kinds. */
static void test_prenatal_ots_and_vots_are_accepted(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    jbw_measure back;
    size_t i = 0;
    (void)state;
    m.birth_date = D(2025, 3, 1); /* born two months after the start */
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    m = measure("M2", "C2");
    m.kind = JBW_KIND_VOTS;
    /* after the reference date 2025-09-01: still expected */
    m.birth_date = D(2025, 10, 1);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    m = measure("M3", "C3");
    m.kind = JBW_KIND_TIJDELIJKE_VOOGDIJ;
    m.birth_date = D(2025, 3, 1);
    expect_refused(snap, &m, JBW_EINVAL, 2, "only an OTS or VOTS");
    assert_ok(jbw_snapshot_find_measure(&i, snap, "M2"));
    back.version = JBW_MEASURE_VERSION;
    assert_ok(jbw_snapshot_measure(&back, snap, i));
    assert_int_equal(back.birth_date, D(2025, 10, 1));
    jbw_snapshot_free(snap);
}

/* A judge imposes an OTS or VOTS before birth during the pregnancy: its
 * expected birth lies at most 43 weeks (301 days) after its start
 * (docs/sources.md). From the start 2025-01-01, day 301 is 2025-10-29
 * (Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31
 * + Sep 30 = 273 days to 2025-10-01, and 28 more): accepted; 2025-10-30,
 * day 302, and the 2031 of a typo are refused, the detail naming the
 * field, both dates and the measure. */
static void
test_expected_birth_over_43_weeks_after_start_is_refused(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.birth_date = D(2025, 10, 30);
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "birth_date 2025-10-30 is more than 43 weeks (301 days) "
                   "after start 2025-01-01, so it cannot be an expected "
                   "birth: a judge imposes an OTS or VOTS before birth "
                   "during the pregnancy (measure 'M1')");
    m.kind = JBW_KIND_VOTS;
    m.birth_date = D(2031, 12, 12);
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "birth_date 2031-12-12 is more than 43 weeks (301 days) "
                   "after start 2025-01-01, so it cannot");
    m.birth_date = D(2025, 10, 29);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    m = measure("M2", "C2");
    m.birth_date = D(2025, 10, 29);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    jbw_snapshot_free(snap);
}

/* Jeugdreclassering applies from 12, the age of criminal responsibility
 * (docs/sources.md): a JR measure of a child under 12 at its start is an
 * input error; 12 on the start day itself is allowed. */
static void test_jr_child_under_12_at_start_is_refused(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.kind = JBW_KIND_JR_TB_GEDWONGEN;
    m.start = D(2025, 8, 15);
    /* born 2013-08-16: 12 only on 2025-08-16, the day after the start */
    m.birth_date = D(2013, 8, 16);
    expect_refused(snap, &m, JBW_EINVAL, 0,
                   "birth_date 2013-08-16: the child is 11 at start "
                   "2025-08-15, and jeugdreclassering (JR_TB_GEDWONGEN) "
                   "applies from 12 (measure 'M1')");
    m.kind = JBW_KIND_JR_ITB_CRIEM; /* every JR kind */
    expect_refused(snap, &m, JBW_EINVAL, 0, "(JR_ITB_CRIEM) applies from 12");
    /* born 2013-08-15: 12 on the start day */
    m.birth_date = D(2013, 8, 15);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    /* no birth date: nothing to check */
    m = measure("M2", "C2");
    m.kind = JBW_KIND_JR_TB_VRIJWILLIG;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    /* jeugdbescherming of a young child is not touched by the rule */
    m = measure("M3", "C3");
    m.birth_date = D(2020, 1, 1); /* 5 at the start 2025-01-01 */
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    jbw_snapshot_free(snap);
}

static void test_measure_null_and_version(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    assert_status(jbw_snapshot_add_measure(NULL, &m), JBW_EINVAL);
    assert_status(jbw_snapshot_add_measure(snap, NULL), JBW_EINVAL);
    m.version = 0;
    assert_status(jbw_snapshot_add_measure(snap, &m), JBW_EVERSION);
    assert_error_contains("version 0");
    assert_int_equal(jbw_snapshot_measure_count(snap), 0);
    jbw_snapshot_free(snap);
}

static jbw_snapshot_counts counts(const jbw_snapshot *snap, jbw_date d,
                                  const char *org, const char *region)
{
    jbw_snapshot_counts c;
    memset(&c, 0xab, sizeof c);
    c.version = JBW_SNAPSHOT_COUNTS_VERSION;
    assert_ok(jbw_snapshot_counts_get(&c, snap, d, org, region));
    return c;
}

/* ---- atomicity --------------------------------------------------------- */
static void test_failed_add_leaves_counts_and_lookups_unchanged(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1"), bad = measure("M2", "C2");
    jbw_snapshot_counts c;
    (void)state;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    /* fails on the very last check (worker of another GI) */
    bad.family_id = "F9";
    bad.worker_id = "W2";
    expect_refused(snap, &bad, JBW_EINVAL, 1, NULL);
    c = counts(snap, D(2025, 9, 1), NULL, NULL);
    /* only M1 (child C1, its own family) is there */
    assert_int_equal(c.active, 1);
    assert_int_equal(c.children, 1);
    assert_int_equal(c.families, 1);
    /* the refused ids are free: the corrected record goes in */
    bad.worker_id = NULL;
    assert_ok(jbw_snapshot_add_measure(snap, &bad));
    assert_int_equal(jbw_snapshot_measure_count(snap), 2);
    jbw_snapshot_free(snap);
}

static void test_failed_duplicate_add_keeps_the_original(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1"), dup = measure("M1", "C2");
    jbw_measure back = JBW_MEASURE_INIT;
    size_t i = 9;
    (void)state;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    dup.family_id = "F2";
    expect_refused(snap, &dup, JBW_EDUPLICATE, 1, NULL);
    assert_ok(jbw_snapshot_find_measure(&i, snap, "M1"));
    assert_int_equal(i, 0);
    assert_ok(jbw_snapshot_measure(&back, snap, 0));
    assert_string_equal(back.child_id, "C1");
    assert_string_equal(back.family_id, "");
    jbw_snapshot_free(snap);
}

/* Eight measures fill the first capacity (8); the ninth must grow every
 * array and intern three new keys, so each allocation can fail. */
static void test_add_is_atomic_when_any_allocation_fails(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    char id[8], child[8];
    long n;
    int i, added = 0;
    (void)state;
    for (i = 0; i < 8; i++) {
        jbw_measure m;
        snprintf(id, sizeof id, "M%d", i);
        snprintf(child, sizeof child, "C%d", i);
        m = measure(id, child);
        assert_ok(jbw_snapshot_add_measure(snap, &m));
    }
    for (n = 0; n < 100 && !added; n++) {
        /* a long child id: its own-family key needs a heap buffer */
        char long_child[200];
        jbw_measure m = measure("M8", long_child);
        jbw_status st;
        memset(long_child, 'c', sizeof long_child - 1);
        long_child[sizeof long_child - 1] = '\0';
        jbw_test_fail_after(n);
        st = jbw_snapshot_add_measure(snap, &m);
        jbw_test_fail_after(-1);
        if (st == JBW_OK) {
            added = 1;
        } else {
            jbw_snapshot_counts c;
            size_t k = 99;
            assert_int_equal(st, JBW_ENOMEM);
            assert_int_equal(jbw_snapshot_measure_count(snap), 8);
            assert_status(jbw_snapshot_find_measure(&k, snap, "M8"),
                          JBW_ENOTFOUND);
            c = counts(snap, D(2025, 9, 1), NULL, NULL);
            assert_int_equal(c.children, 8);
            assert_int_equal(c.families, 8);
        }
    }
    jbw_test_alloc_reset();
    assert_true(added);
    assert_int_equal(jbw_snapshot_measure_count(snap), 9);
    jbw_snapshot_free(snap);
}

static void test_snapshot_new_survives_every_failed_allocation(void **state)
{
    jbw_registry *reg = fixture_registry();
    long n;
    int made = 0;
    (void)state;
    for (n = 0; n < 200 && !made; n++) {
        jbw_snapshot *snap = NULL;
        jbw_status st;
        jbw_test_fail_after(n);
        st = jbw_snapshot_new(&snap, reg, D(2025, 9, 1));
        jbw_test_fail_after(-1);
        if (st == JBW_OK) {
            made = 1;
            jbw_snapshot_free(snap);
        } else {
            assert_int_equal(st, JBW_ENOMEM);
            assert_null(snap);
        }
    }
    jbw_test_alloc_reset();
    assert_true(made);
    jbw_registry_free(reg);
}

/* ---- measure states ---------------------------------------------------- */
static jbw_measure_state state_on(const jbw_snapshot *snap, size_t i,
                                  jbw_date d)
{
    jbw_measure_state s = (jbw_measure_state)-1;
    assert_ok(jbw_snapshot_measure_state(&s, snap, i, d));
    return s;
}

static void test_state_of_assigned_measure_around_start_assign_end(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.start = D(2025, 3, 1);
    m.end = D(2025, 6, 1);
    m.worker_id = "W1";
    m.first_assigned = D(2025, 3, 5);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    /* before start: inactive */
    assert_int_equal(state_on(snap, 0, D(2025, 2, 28)), JBW_STATE_INACTIVE);
    /* start <= d < first_assigned: never had a worker yet: nieuw */
    assert_int_equal(state_on(snap, 0, D(2025, 3, 1)), JBW_STATE_NIEUW);
    assert_int_equal(state_on(snap, 0, D(2025, 3, 4)), JBW_STATE_NIEUW);
    /* from first_assigned on: the worker */
    assert_int_equal(state_on(snap, 0, D(2025, 3, 5)), JBW_STATE_ASSIGNED);
    assert_int_equal(state_on(snap, 0, D(2025, 5, 31)), JBW_STATE_ASSIGNED);
    /* the end day itself is no longer active (start <= d < end) */
    assert_int_equal(state_on(snap, 0, D(2025, 6, 1)), JBW_STATE_INACTIVE);
    jbw_snapshot_free(snap);
}

static void test_state_of_nieuw_measure_from_its_start(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.start = D(2025, 8, 20);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    assert_int_equal(state_on(snap, 0, D(2025, 8, 19)), JBW_STATE_INACTIVE);
    assert_int_equal(state_on(snap, 0, D(2025, 8, 20)), JBW_STATE_NIEUW);
    assert_int_equal(state_on(snap, 0, D(2025, 9, 1)), JBW_STATE_NIEUW);
    jbw_snapshot_free(snap);
}

static void test_state_of_bestaand_measure_around_waiting_since(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    (void)state;
    m.start = D(2025, 1, 10);
    m.first_assigned = D(2025, 1, 13);
    m.previous_workers = 1;
    m.waiting_since = D(2025, 7, 1);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    /* before the first worker: nieuw */
    assert_int_equal(state_on(snap, 0, D(2025, 1, 12)), JBW_STATE_NIEUW);
    /* the earlier worker had it from 13 Jan to 30 Jun */
    assert_int_equal(state_on(snap, 0, D(2025, 1, 13)), JBW_STATE_ASSIGNED);
    assert_int_equal(state_on(snap, 0, D(2025, 6, 30)), JBW_STATE_ASSIGNED);
    /* from 1 Jul the worker has dropped out */
    assert_int_equal(state_on(snap, 0, D(2025, 7, 1)), JBW_STATE_BESTAAND);
    assert_int_equal(state_on(snap, 0, D(2025, 9, 1)), JBW_STATE_BESTAAND);
    jbw_snapshot_free(snap);
}

static void test_state_rejects_bad_index_date_and_null(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    jbw_measure_state s = JBW_STATE_BESTAAND;
    (void)state;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    assert_status(jbw_snapshot_measure_state(&s, snap, 1, D(2025, 9, 1)),
                  JBW_ERANGE);
    assert_error_contains("index 1");
    assert_status(jbw_snapshot_measure_state(&s, snap, 0, JBW_DATE_NONE),
                  JBW_ERANGE);
    assert_error_contains("date (none)");
    assert_status(jbw_snapshot_measure_state(&s, snap, 0, (jbw_date)84006),
                  JBW_ERANGE);
    assert_status(jbw_snapshot_measure_state(NULL, snap, 0, D(2025, 9, 1)),
                  JBW_EINVAL);
    assert_status(jbw_snapshot_measure_state(&s, NULL, 0, D(2025, 9, 1)),
                  JBW_EINVAL);
    assert_int_equal(s, JBW_STATE_BESTAAND); /* untouched */
    assert_string_equal(jbw_measure_state_code(JBW_STATE_NIEUW), "nieuw");
    assert_string_equal(jbw_measure_state_code(JBW_STATE_BESTAAND), "bestaand");
    assert_string_equal(jbw_measure_state_code(JBW_STATE_INACTIVE), "inactive");
    assert_string_equal(jbw_measure_state_code(JBW_STATE_ASSIGNED), "assigned");
    assert_null(jbw_measure_state_code((jbw_measure_state)4));
    jbw_snapshot_free(snap);
}

/* ---- counts ------------------------------------------------------------ */
static void add_counted_measure(jbw_snapshot *snap, const char *id,
                                const char *child, const char *family,
                                jbw_kind kind, const char *org,
                                const char *region, const char *worker_id,
                                jbw_date start)
{
    jbw_measure m = measure(id, child);
    m.family_id = family;
    m.kind = kind;
    m.organisation = org;
    m.region = region;
    m.start = start;
    m.worker_id = worker_id;
    if (worker_id)
        m.first_assigned = start;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
}

/*
 * Workers: W1 G1/R1; W2 G1/R2; W3 G2/R1, left 2025-08-01; W4 G1, no region,
 * hired 2024-01-01 (the others 2020-01-01).
 * Measures (state on 2025-09-01):
 *  A1 C1 F1  OTS     G1 R1 W1 2025-01-01  assigned
 *  A2 C1 F1  JR_TB_G G1 R1 W1 2025-02-01  assigned (same child)
 *  A3 C2 F1  VOOGDIJ G1 R1 W1 2024-01-01  assigned (sibling of C1)
 *  A4 C3 -   OTS     G1 R2 -  2025-08-25  nieuw
 *  A5 C4 -   VOTS    G1 R2 -  2025-06-01  bestaand since 2025-08-01
 *  A6 C5 F2  OTS     G2 R1 -  2025-08-30  nieuw
 *  A7 C6 F2  OTS     G1 R1 W1 2024-01-01, ended 2025-03-01: inactive
 *  A8 C8 -   OTS     G1 R1 W1 2025-01-01  assigned (own family of C8)
 *  A9 C9 "C8" OTS    G1 R1 W1 2025-01-01  assigned (family id "C8": not
 *                                          the same family as child C8)
 */
static jbw_snapshot *counts_fixture(void)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_worker w1 = worker("W1", "G1", "R1"), w2 = worker("W2", "G1", "R2");
    jbw_worker w3 = worker("W3", "G2", "R1"), w4 = worker("W4", "G1", NULL);
    jbw_measure m;
    w3.leaving = D(2025, 8, 1);
    w4.hired = D(2024, 1, 1);
    assert_ok(jbw_snapshot_add_worker(snap, &w1));
    assert_ok(jbw_snapshot_add_worker(snap, &w2));
    assert_ok(jbw_snapshot_add_worker(snap, &w3));
    assert_ok(jbw_snapshot_add_worker(snap, &w4));
    add_counted_measure(snap, "A1", "C1", "F1", JBW_KIND_OTS, "G1", "R1", "W1",
                        D(2025, 1, 1));
    add_counted_measure(snap, "A2", "C1", "F1", JBW_KIND_JR_TB_GEDWONGEN, "G1",
                        "R1", "W1", D(2025, 2, 1));
    add_counted_measure(snap, "A3", "C2", "F1", JBW_KIND_VOOGDIJ, "G1", "R1",
                        "W1", D(2024, 1, 1));
    add_counted_measure(snap, "A4", "C3", NULL, JBW_KIND_OTS, "G1", "R2", NULL,
                        D(2025, 8, 25));
    m = measure("A5", "C4");
    m.kind = JBW_KIND_VOTS;
    m.region = "R2";
    m.start = D(2025, 6, 1);
    m.first_assigned = D(2025, 6, 2);
    m.previous_workers = 1;
    m.waiting_since = D(2025, 8, 1);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    add_counted_measure(snap, "A6", "C5", "F2", JBW_KIND_OTS, "G2", "R1", NULL,
                        D(2025, 8, 30));
    m = measure("A7", "C6");
    m.family_id = "F2";
    m.worker_id = "W1";
    m.start = D(2024, 1, 1);
    m.first_assigned = D(2024, 1, 1);
    m.end = D(2025, 3, 1);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    add_counted_measure(snap, "A8", "C8", "", JBW_KIND_OTS, "G1", "R1", "W1",
                        D(2025, 1, 1));
    add_counted_measure(snap, "A9", "C9", "C8", JBW_KIND_OTS, "G1", "R1", "W1",
                        D(2025, 1, 1));
    return snap;
}

static void test_counts_of_whole_snapshot(void **state)
{
    jbw_snapshot *snap = counts_fixture();
    jbw_snapshot_counts c = counts(snap, D(2025, 9, 1), NULL, NULL);
    (void)state;
    assert_int_equal(c.active, 8);           /* A1-A9 without A7 */
    assert_int_equal(c.assigned, 5);         /* A1 A2 A3 A8 A9 */
    assert_int_equal(c.waiting_nieuw, 2);    /* A4 A6 */
    assert_int_equal(c.waiting_bestaand, 1); /* A5 */
    assert_int_equal(c.children, 7);         /* C1 C2 C3 C4 C5 C8 C9 */
    /* F1, own C3, own C4, F2, own C8, "C8" */
    assert_int_equal(c.families, 6);
    assert_int_equal(c.workers, 3);               /* W1 W2 W4; W3 left */
    assert_int_equal(c.by_kind[JBW_KIND_OTS], 5); /* A1 A4 A6 A8 A9 */
    assert_int_equal(c.by_kind[JBW_KIND_VOTS], 1);
    assert_int_equal(c.by_kind[JBW_KIND_VOOGDIJ], 1);
    assert_int_equal(c.by_kind[JBW_KIND_JR_TB_GEDWONGEN], 1);
    assert_int_equal(c.by_kind[JBW_KIND_JR_GBM], 0);
    assert_int_equal(c.by_kind[JBW_KIND_SLOTS - 1], 0);
    jbw_snapshot_free(snap);
}

static void test_counts_filtered_by_organisation_and_region(void **state)
{
    jbw_snapshot *snap = counts_fixture();
    jbw_snapshot_counts c;
    (void)state;
    c = counts(snap, D(2025, 9, 1), "G1", NULL);
    assert_int_equal(c.active, 7); /* all but A6 (G2) and A7 (ended) */
    assert_int_equal(c.assigned, 5);
    assert_int_equal(c.waiting_nieuw, 1); /* A4 */
    assert_int_equal(c.waiting_bestaand, 1);
    assert_int_equal(c.children, 6); /* C1 C2 C3 C4 C8 C9 */
    assert_int_equal(c.families, 5); /* F1, C3, C4, own C8, "C8" */
    assert_int_equal(c.workers, 3);  /* W1 W2 W4 */
    c = counts(snap, D(2025, 9, 1), NULL, "R2");
    assert_int_equal(c.active, 2); /* A4 A5 */
    assert_int_equal(c.assigned, 0);
    assert_int_equal(c.waiting_nieuw, 1);
    assert_int_equal(c.waiting_bestaand, 1);
    assert_int_equal(c.children, 2);
    assert_int_equal(c.families, 2);
    assert_int_equal(c.workers, 1); /* W2; W4 has no region */
    c = counts(snap, D(2025, 9, 1), "G1", "R1");
    assert_int_equal(c.active, 5);   /* A1 A2 A3 A8 A9 */
    assert_int_equal(c.children, 4); /* C1 C2 C8 C9 */
    assert_int_equal(c.families, 3); /* F1, own C8, "C8" */
    assert_int_equal(c.workers, 1);  /* W1 */
    c = counts(snap, D(2025, 9, 1), "G2", NULL);
    assert_int_equal(c.active, 1); /* A6 */
    assert_int_equal(c.waiting_nieuw, 1);
    assert_int_equal(c.workers, 0); /* W3 left 2025-08-01 */
    jbw_snapshot_free(snap);
}

static void test_counts_on_an_earlier_date(void **state)
{
    jbw_snapshot *snap = counts_fixture();
    jbw_snapshot_counts c = counts(snap, D(2025, 2, 15), NULL, NULL);
    (void)state;
    /* running on 15 Feb: A1 A2 A3 A7 A8 A9; A4-A6 start later */
    assert_int_equal(c.active, 6);
    assert_int_equal(c.assigned, 6);
    assert_int_equal(c.waiting_nieuw, 0);
    assert_int_equal(c.children, 5); /* C1 C2 C6 C8 C9 */
    assert_int_equal(c.families, 4); /* F1 F2 own-C8 "C8" */
    assert_int_equal(c.workers, 4);  /* W3 still employed then */
    jbw_snapshot_free(snap);
}

static void test_counts_reject_bad_arguments_untouched(void **state)
{
    jbw_snapshot *snap = counts_fixture();
    jbw_snapshot_counts c;
    (void)state;
    memset(&c, 0, sizeof c);
    c.version = JBW_SNAPSHOT_COUNTS_VERSION;
    c.active = 42;
    assert_status(jbw_snapshot_counts_get(&c, snap, D(2025, 9, 1), "GX", NULL),
                  JBW_ENOTFOUND);
    /* the fixture's registry: organisations G1, G2; regions R1, R2 */
    assert_error_contains("organisation 'GX' is not in the registry (keys: "
                          "G1, G2)");
    assert_status(jbw_snapshot_counts_get(&c, snap, D(2025, 9, 1), NULL, "RX"),
                  JBW_ENOTFOUND);
    assert_error_contains("region 'RX' is not in the registry (keys: R1, R2)");
    /* keys are case-sensitive: the one that differs in case is named */
    assert_status(jbw_snapshot_counts_get(&c, snap, D(2025, 9, 1), "g2", NULL),
                  JBW_ENOTFOUND);
    assert_error_contains("organisation 'g2' is not in the registry; keys are "
                          "case-sensitive: did you mean 'G2'?");
    assert_status(jbw_snapshot_counts_get(&c, snap, D(2025, 9, 1), "", NULL),
                  JBW_ENOTFOUND);
    assert_status(jbw_snapshot_counts_get(&c, snap, JBW_DATE_NONE, NULL, NULL),
                  JBW_ERANGE);
    assert_status(
        jbw_snapshot_counts_get(NULL, snap, D(2025, 9, 1), NULL, NULL),
        JBW_EINVAL);
    assert_status(jbw_snapshot_counts_get(&c, NULL, D(2025, 9, 1), NULL, NULL),
                  JBW_EINVAL);
    c.version = 2;
    assert_status(jbw_snapshot_counts_get(&c, snap, D(2025, 9, 1), NULL, NULL),
                  JBW_EVERSION);
    assert_int_equal(c.active, 42); /* untouched */
    jbw_snapshot_free(snap);
}

static void test_many_records_grow_and_stay_findable(void **state)
{
    jbw_snapshot *snap = snapshot_with_workers();
    char id[16], child[16];
    size_t i, k;
    (void)state;
    /* 300 measures on 150 children: two each */
    for (i = 0; i < 300; i++) {
        jbw_measure m;
        snprintf(id, sizeof id, "M%zu", i);
        snprintf(child, sizeof child, "C%zu", i / 2);
        m = measure(id, child);
        m.worker_id = "W1";
        assert_ok(jbw_snapshot_add_measure(snap, &m));
    }
    assert_ok(jbw_snapshot_find_measure(&k, snap, "M299"));
    assert_int_equal(k, 299);
    {
        jbw_snapshot_counts c = counts(snap, D(2025, 9, 1), NULL, NULL);
        assert_int_equal(c.active, 300);
        assert_int_equal(c.assigned, 300);
        assert_int_equal(c.children, 150);
        assert_int_equal(c.families, 150); /* each child its own family */
    }
    jbw_snapshot_free(snap);
}

/* ---- the data notice ---------------------------------------------------- */

/* A notice with what each writer must escape: CSV a ',' and '"'; JSON a
 * '"' and '\'; SVG '"', '<', '>' and '&'. */
#define ODD_NOTICE "Synthetic, \"test\" <a> & b\\c"

static void test_set_data_notice_copies_and_null_clears(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    char given[] = "Synthetic test data";
    (void)state;
    assert_null(jbw_snapshot_data_notice(snap)); /* made by the caller */
    assert_ok(jbw_snapshot_set_data_notice(snap, given));
    assert_ptr_not_equal(jbw_snapshot_data_notice(snap), given);
    given[0] = 'X'; /* the snapshot holds its own copy */
    assert_string_equal(jbw_snapshot_data_notice(snap), "Synthetic test data");
    assert_ok(jbw_snapshot_set_data_notice(snap, "Other notice"));
    assert_string_equal(jbw_snapshot_data_notice(snap), "Other notice");
    assert_ok(jbw_snapshot_set_data_notice(snap, NULL));
    assert_null(jbw_snapshot_data_notice(snap));
    assert_ok(jbw_snapshot_set_data_notice(snap, NULL)); /* none to clear */
    jbw_snapshot_free(snap);
}

static void test_set_data_notice_replaces_the_examples(void **state)
{
    jbw_snapshot *snap = NULL;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, 1));
    assert_string_equal(jbw_snapshot_data_notice(snap), jbw_example_notice());
    assert_ok(jbw_snapshot_set_data_notice(snap, "Own notice"));
    assert_string_equal(jbw_snapshot_data_notice(snap), "Own notice");
    jbw_snapshot_free(snap);
}

/* Each refused text leaves the notice as it was; the detail names the
 * rule and the byte (1-based). */
static void test_set_data_notice_refuses_what_a_line_cannot_carry(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    char longest[402];
    (void)state;
    assert_ok(jbw_snapshot_set_data_notice(snap, "kept"));
    assert_status(jbw_snapshot_set_data_notice(NULL, "x"), JBW_EINVAL);
    assert_status(jbw_snapshot_set_data_notice(snap, ""), JBW_EINVAL);
    assert_error_contains("empty");
    assert_status(jbw_snapshot_set_data_notice(snap, "a\nb"), JBW_EINVAL);
    assert_error_contains("control character (byte 2)");
    assert_status(jbw_snapshot_set_data_notice(snap, "tab\there"), JBW_EINVAL);
    assert_error_contains("control character (byte 4)");
    assert_status(jbw_snapshot_set_data_notice(snap, "del\x7f"), JBW_EINVAL);
    assert_error_contains("control character (byte 4)");
    /* U+0085 (NEL), a C1 control: C2 85 */
    assert_status(jbw_snapshot_set_data_notice(snap, "a\xc2\x85"), JBW_EINVAL);
    assert_error_contains("control character (byte 2)");
    /* a lone continuation byte, a cut sequence, an overlong '/' */
    assert_status(jbw_snapshot_set_data_notice(snap, "ab\x80"), JBW_EINVAL);
    assert_error_contains("not valid UTF-8 (byte 3)");
    assert_status(jbw_snapshot_set_data_notice(snap, "caf\xc3"), JBW_EINVAL);
    assert_error_contains("not valid UTF-8 (byte 4)");
    assert_status(jbw_snapshot_set_data_notice(snap, "\xc0\xaf"), JBW_EINVAL);
    assert_error_contains("not valid UTF-8 (byte 1)");
    /* 400 bytes are kept, 401 refused */
    memset(longest, 'n', 401);
    longest[401] = '\0';
    assert_status(jbw_snapshot_set_data_notice(snap, longest), JBW_EINVAL);
    assert_error_contains("longer than 400 bytes (401)");
    assert_string_equal(jbw_snapshot_data_notice(snap), "kept");
    longest[400] = '\0';
    assert_ok(jbw_snapshot_set_data_notice(snap, longest));
    assert_int_equal(strlen(jbw_snapshot_data_notice(snap)), 400);
    /* well-formed UTF-8 is text: "é" (C3 A9), "€" (E2 82 AC) */
    assert_ok(
        jbw_snapshot_set_data_notice(snap, "fictief caf\xc3\xa9 \xe2\x82\xac"));
    jbw_snapshot_free(snap);
}

/*
 * The text of a data_notice file may be passed as it is: one line end at
 * the end (LF, or CR LF) is not part of the notice; a second one, or a
 * CR alone, is a control character as before.
 */
static void test_set_data_notice_leaves_out_one_line_end(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    char longest[403];
    (void)state;
    assert_ok(jbw_snapshot_set_data_notice(snap, "from the file\n"));
    assert_string_equal(jbw_snapshot_data_notice(snap), "from the file");
    assert_ok(jbw_snapshot_set_data_notice(snap, "from Windows\r\n"));
    assert_string_equal(jbw_snapshot_data_notice(snap), "from Windows");
    assert_status(jbw_snapshot_set_data_notice(snap, "two\n\n"), JBW_EINVAL);
    assert_error_contains("control character (byte 4)");
    assert_status(jbw_snapshot_set_data_notice(snap, "cr\r"), JBW_EINVAL);
    assert_error_contains("control character (byte 3)");
    assert_status(jbw_snapshot_set_data_notice(snap, "\n"), JBW_EINVAL);
    assert_error_contains("empty");
    assert_string_equal(jbw_snapshot_data_notice(snap), "from Windows");
    /* 400 bytes and the line end: the file of a notice of 400 bytes */
    memset(longest, 'n', 400);
    longest[400] = '\n';
    longest[401] = '\0';
    assert_ok(jbw_snapshot_set_data_notice(snap, longest));
    assert_int_equal(strlen(jbw_snapshot_data_notice(snap)), 400);
    jbw_snapshot_free(snap);
}

static void test_set_data_notice_survives_failed_allocation(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    (void)state;
    assert_ok(jbw_snapshot_set_data_notice(snap, "kept"));
    jbw_test_fail_after(0);
    assert_status(jbw_snapshot_set_data_notice(snap, "new"), JBW_ENOMEM);
    jbw_test_alloc_reset();
    assert_string_equal(jbw_snapshot_data_notice(snap), "kept");
    jbw_snapshot_free(snap);
}

/* A snapshot with W1 and one nieuw OTS of G1 in R1 waiting since
 * 2025-01-01, carrying ODD_NOTICE. */
static jbw_snapshot *noticed_snapshot(void)
{
    jbw_snapshot *snap = snapshot_with_workers();
    jbw_measure m = measure("M1", "C1");
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    assert_ok(jbw_snapshot_set_data_notice(snap, ODD_NOTICE));
    return snap;
}

/* Whether `text` ends with `end`. */
static int ends_with(const char *text, size_t len, const char *end)
{
    size_t n = strlen(end);
    return len >= n && memcmp(text + len - n, end, n) == 0;
}

static void test_writers_carry_and_escape_a_set_notice(void **state)
{
    jbw_snapshot *snap = noticed_snapshot();
    jbw_calendar *cal = NULL;
    jbw_norm *norm = NULL;
    jbw_caseload *cl = NULL;
    jbw_triage *tr = NULL;
    jbw_waitrisk_model *model = NULL;
    char *out = NULL, *line, *next;
    size_t len = 0, lines = 0;
    (void)state;
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_caseload_compute(&cl, snap, norm, cal, NULL));
    /* text: the notice as given, then a blank line */
    assert_ok(jbw_caseload_text(&out, &len, cl));
    assert_memory_equal(out, ODD_NOTICE "\n\n", strlen(ODD_NOTICE) + 2);
    jbw_free(out);
    /* JSON: a first key; '"' and '\' escaped with a backslash */
    assert_ok(jbw_caseload_json(&out, &len, cl));
    assert_non_null(strstr(out, "{\"data_notice\":\"Synthetic, \\\"test\\\" "
                                "<a> & b\\\\c\","));
    assert_ptr_equal(strstr(out, "{\"data_notice\""), out);
    jbw_free(out);
    /* CSV: a last column on every line; the field quoted (it holds ','
     * and '"'), its quotes doubled (RFC 4180) */
    assert_ok(jbw_caseload_csv(&out, &len, cl));
    for (line = out; *line; line = next + 1, lines++) {
        next = strchr(line, '\n');
        assert_non_null(next);
        if (line == out)
            assert_true(ends_with(line, (size_t)(next - line), ",data_notice"));
        else
            assert_true(ends_with(line, (size_t)(next - line),
                                  ",\"Synthetic, \"\"test\"\" <a> & b\\c\""));
    }
    assert_true(lines >= 2); /* the header and the total at least */
    jbw_free(out);
    /* triage text too */
    assert_ok(jbw_waitrisk_model_new_default(&model));
    assert_ok(jbw_triage_new(&tr, model, cal, snap, JBW_DATE_NONE));
    assert_ok(jbw_triage_text(&out, &len, tr, 0, JBW_LANG_EN));
    assert_memory_equal(out, ODD_NOTICE "\n", strlen(ODD_NOTICE) + 1);
    jbw_free(out);
    jbw_triage_free(tr);
    jbw_waitrisk_model_free(model);
    jbw_caseload_free(cl);
    jbw_norm_free(norm);
    jbw_calendar_free(cal);
    jbw_snapshot_free(snap);
}

/* The allocator of test_results_keep_the_notice_after_the_snapshot: it
 * overwrites each block before freeing it, so that a result that kept a
 * pointer to the freed notice reads 'X's, not the text. Each block keeps
 * its size in a 16-byte header. */
static void *poison_malloc(size_t size, void *user)
{
    unsigned char *p = malloc(size + 16);
    (void)user;
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof size);
    return p + 16;
}

static void poison_free(void *ptr, void *user)
{
    unsigned char *p = ptr;
    size_t size;
    (void)user;
    if (!p)
        return;
    memcpy(&size, p - 16, sizeof size);
    memset(p, 'X', size);
    free(p - 16);
}

static void *poison_realloc(void *ptr, size_t size, void *user)
{
    unsigned char *p = poison_malloc(size, user);
    size_t old;
    if (!p || !ptr)
        return p;
    memcpy(&old, (unsigned char *)ptr - 16, sizeof old);
    memcpy(p, ptr, old < size ? old : size);
    poison_free(ptr, user);
    return p;
}

/* A calibration and a backtest may outlive their snapshot
 * (calibrate.h): they keep the notice the snapshot had, and the SVG
 * escapes it as XML text ('"' &quot;, '<' &lt;, '>' &gt;, '&' &amp;). */
static void test_results_keep_the_notice_after_the_snapshot(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_calibration *cal = NULL;
    jbw_backtest *bt = NULL;
    jbw_calibrate_options co = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_backtest_options bo = JBW_BACKTEST_OPTIONS_INIT;
    char *svg = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(
        jbw_set_allocator(poison_malloc, poison_realloc, poison_free, NULL));
    assert_ok(jbw_example_snapshot(&snap, 1));
    assert_ok(jbw_snapshot_set_data_notice(snap, ODD_NOTICE));
    assert_ok(jbw_calibrate(&cal, snap, &co));
    bo.from = D(2025, 3, 1); /* 6 months to the reference date 2025-09-01 */
    bo.months = 6;
    assert_ok(jbw_backtest_run(&bt, snap, &bo));
    jbw_snapshot_free(snap);
    assert_string_equal(jbw_calibration_data_notice(cal), ODD_NOTICE);
    assert_string_equal(jbw_backtest_data_notice(bt), ODD_NOTICE);
    assert_ok(jbw_backtest_svg(&svg, &len, bt, NULL));
    assert_non_null(strstr(svg, ">Synthetic, &quot;test&quot; &lt;a&gt; "
                                "&amp; b\\c</text>"));
    jbw_free(svg);
    jbw_backtest_free(bt);
    jbw_calibration_free(cal);
    assert_ok(jbw_set_allocator(NULL, NULL, NULL, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prenatal_ots_and_vots_are_accepted),
        cmocka_unit_test(
            test_expected_birth_over_43_weeks_after_start_is_refused),
        cmocka_unit_test(test_jr_child_under_12_at_start_is_refused),
        cmocka_unit_test(test_new_snapshot_copies_registry_and_date),
        cmocka_unit_test(test_latest_event_leaves_out_ends_and_hires),
        cmocka_unit_test(test_new_snapshot_rejects_null_and_bad_date),
        cmocka_unit_test(test_records_read_back_with_settled_fields),
        cmocka_unit_test(test_readers_check_null_version_and_index),
        cmocka_unit_test(test_worker_needs_unique_clean_id),
        cmocka_unit_test(test_worker_keys_must_be_in_registry),
        cmocka_unit_test(test_worker_fte_finite_and_within_0_and_1_2),
        cmocka_unit_test(test_worker_dates_set_in_range_and_ordered),
        cmocka_unit_test(test_worker_null_and_version),
        cmocka_unit_test(test_measure_ids_present_unique_clean),
        cmocka_unit_test(test_measure_faults_are_reported_in_order),
        cmocka_unit_test(test_measure_enums_in_range),
        cmocka_unit_test(test_measure_jr_risk_only_on_jeugdreclassering),
        cmocka_unit_test(test_measure_organisation_serves_region),
        cmocka_unit_test(test_registry_keys_of_any_length_are_found_exactly),
        cmocka_unit_test(test_registry_with_many_organisations_finds_each),
        cmocka_unit_test(test_measure_start_set_and_end_after_start),
        cmocka_unit_test(test_measure_worker_known_and_of_same_organisation),
        cmocka_unit_test(test_measure_with_worker_has_no_waiting_since),
        cmocka_unit_test(
            test_measure_that_lost_its_worker_needs_wait_and_count),
        cmocka_unit_test(test_measure_dates_not_before_start),
        cmocka_unit_test(test_measure_null_and_version),
        cmocka_unit_test(test_failed_add_leaves_counts_and_lookups_unchanged),
        cmocka_unit_test(test_failed_duplicate_add_keeps_the_original),
        cmocka_unit_test(test_add_is_atomic_when_any_allocation_fails),
        cmocka_unit_test(test_snapshot_new_survives_every_failed_allocation),
        cmocka_unit_test(
            test_state_of_assigned_measure_around_start_assign_end),
        cmocka_unit_test(test_state_of_nieuw_measure_from_its_start),
        cmocka_unit_test(test_state_of_bestaand_measure_around_waiting_since),
        cmocka_unit_test(test_state_rejects_bad_index_date_and_null),
        cmocka_unit_test(test_counts_of_whole_snapshot),
        cmocka_unit_test(test_counts_filtered_by_organisation_and_region),
        cmocka_unit_test(test_counts_on_an_earlier_date),
        cmocka_unit_test(test_counts_reject_bad_arguments_untouched),
        cmocka_unit_test(test_many_records_grow_and_stay_findable),
        cmocka_unit_test(test_set_data_notice_copies_and_null_clears),
        cmocka_unit_test(test_set_data_notice_replaces_the_examples),
        cmocka_unit_test(test_set_data_notice_refuses_what_a_line_cannot_carry),
        cmocka_unit_test(test_set_data_notice_leaves_out_one_line_end),
        cmocka_unit_test(test_set_data_notice_survives_failed_allocation),
        cmocka_unit_test(test_writers_carry_and_escape_a_set_notice),
        cmocka_unit_test(test_results_keep_the_notice_after_the_snapshot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
