/*
 * Tests of the caseload module: norm sets and norm files, caseload per
 * worker and the totals by organisation and region, the coupling norm,
 * the series of children without a fixed jeugdbeschermer, and output.
 *
 * Every record here is synthetic. Every expected figure is worked out by
 * hand in the comment beside it (docs/norms.md has the definitions), or
 * comes from the published Zuid-Holland Zuid series (docs/sources.md).
 */
/* mkstemp, fdopen */
#define _POSIX_C_SOURCE 200809L

#include "jbw_test.h"

/* ---------------------------------------------------------------------- */
/* Fixtures                                                               */
/* ---------------------------------------------------------------------- */

/*
 * A tiny registry: regions R1, R2, R3 and organisations GA, GB, GC. GA and
 * GB serve R1 and R2; R3 and GC stay empty (groups with no data).
 */
static jbw_registry *tiny_registry(void)
{
    jbw_registry *reg = NULL;
    assert_ok(jbw_registry_new(&reg));
    assert_ok(jbw_registry_add_region(reg, "R1", "Regio Een", NULL));
    assert_ok(jbw_registry_add_region(reg, "R2", "Regio Twee", NULL));
    assert_ok(jbw_registry_add_region(reg, "R3", "Regio Drie", NULL));
    assert_ok(jbw_registry_add_organisation(reg, "GA", "GI A"));
    assert_ok(jbw_registry_add_organisation(reg, "GB", "GI B"));
    assert_ok(jbw_registry_add_organisation(reg, "GC", "GI C"));
    assert_ok(jbw_registry_add_service(reg, "GA", "R1"));
    assert_ok(jbw_registry_add_service(reg, "GA", "R2"));
    assert_ok(jbw_registry_add_service(reg, "GB", "R1"));
    assert_ok(jbw_registry_add_service(reg, "GB", "R2"));
    assert_ok(jbw_registry_add_service(reg, "GA", "R3"));
    return reg;
}

/* An empty snapshot over the tiny registry, on reference date d. */
static jbw_snapshot *tiny_snapshot(jbw_date d)
{
    jbw_registry *reg = tiny_registry();
    jbw_snapshot *snap = NULL;
    assert_ok(jbw_snapshot_new(&snap, reg, d));
    jbw_registry_free(reg);
    return snap;
}

/* An assigned or never-assigned measure (no bestaand fields). */
static void add_measure(jbw_snapshot *snap, const char *id, const char *child,
                        const char *family, jbw_kind kind, const char *org,
                        const char *region, jbw_date start, jbw_date end,
                        const char *worker, jbw_date first_assigned)
{
    jbw_test_add_measure(snap, id, child, family, kind, org, region, start, end,
                         worker, first_assigned, 0, JBW_DATE_NONE);
}

#define NONE JBW_DATE_NONE

/*
 * The main snapshot, reference date Monday 2025-06-16.
 *
 * Workers (tenure = whole months from hired to 2025-06-16):
 *  W1 GA R1  fte 1.0 hired 2020-01-01  tenure 65  ramp 1     cap 12
 *  W2 GA R1  fte 0.8 hired 2025-03-16  tenure 3   ramp 0.75  cap 0.8*0.75*12
 * = 7.2 W3 GA R2  fte 1.0 hired 2025-03-17  tenure 2   ramp 0.5   cap 6 (03-17
 * -> 04-17 is 1, 05-17 is 2, 06-17 would be 3) W4 GB R2  fte 0.5 hired
 * 2019-05-01  tenure 73  ramp 1     cap 6 W5 GB --  fte 1.0 hired 2018-01-01,
 * leaving 2025-06-16: not employed on the date (employed while date < leaving)
 *  W6 GB R1  fte 0.6 hired 2021-09-01  tenure 45  ramp 1     cap 7.2
 *  W7 GA --  fte 0.5 hired 2015-01-01  tenure 125 ramp 1     cap 6 (no region)
 *
 * Measures (child, family; kind; org region; start; worker, first assigned):
 *  m1  c1 f1  OTS      GA R1 2024-01-10  W1 2024-01-12
 *  m2  c1 f1  JR_TB_G  GA R1 2024-06-01  W1 2024-06-03   c1: OTS + JR
 *  m3  c2 f1  VOOGDIJ  GA R1 2023-05-01  W1 2023-05-02   c2 sibling of c1
 *  m4  c3 f2  OTS      GA R1 2025-01-06  W2 2025-03-20
 *  m5  c4 --  OTS      GA R2 2025-02-03  W3 2025-03-18
 *  m6  c5 --  VOTS     GA R2 2025-05-26  none            nieuw
 *  m7  c6 f3  OTS      GA R1 2024-02-01  none, had W before (fa 2024-02-05),
 *                                         waiting since 2025-05-01: bestaand
 *  m8  c7 --  OTS      GA R1 2025-05-26  W2 2025-06-03   5 werkdagen
 *  m9  c8 --  OTS      GB R2 2025-05-26  W4 2025-06-04   6 werkdagen
 *  m10 c9 --  OTS      GB R1 2024-01-01  W6 2024-01-02, end 2025-06-16:
 *                                         last day 06-15, inactive
 *  m11 c10 -- OTS      GB R1 2025-01-01  W5 2025-01-03   worker left
 *  m12 c11 f4 JR_TB_G  GB R1 2025-04-01  W6 2025-04-02   1 werkdag
 *  m13 c12 f4 OTS      GB R2 2025-03-03  W6 2025-03-05   c12 sibling of c11,
 *                                         in R2 while W6 is in R1
 */
static jbw_snapshot *main_snapshot(void)
{
    jbw_snapshot *snap = NULL;
    jbw_measure m = JBW_MEASURE_INIT;
    snap = tiny_snapshot(D(2025, 6, 16));
    jbw_test_add_worker(snap, "W1", "GA", "R1", 1.0, D(2020, 1, 1), NONE);
    jbw_test_add_worker(snap, "W2", "GA", "R1", 0.8, D(2025, 3, 16), NONE);
    jbw_test_add_worker(snap, "W3", "GA", "R2", 1.0, D(2025, 3, 17), NONE);
    jbw_test_add_worker(snap, "W4", "GB", "R2", 0.5, D(2019, 5, 1), NONE);
    jbw_test_add_worker(snap, "W5", "GB", NULL, 1.0, D(2018, 1, 1),
                        D(2025, 6, 16));
    jbw_test_add_worker(snap, "W6", "GB", "R1", 0.6, D(2021, 9, 1), NONE);
    jbw_test_add_worker(snap, "W7", "GA", NULL, 0.5, D(2015, 1, 1), NONE);

    add_measure(snap, "m1", "c1", "f1", JBW_KIND_OTS, "GA", "R1",
                D(2024, 1, 10), NONE, "W1", D(2024, 1, 12));
    add_measure(snap, "m2", "c1", "f1", JBW_KIND_JR_TB_GEDWONGEN, "GA", "R1",
                D(2024, 6, 1), NONE, "W1", D(2024, 6, 3));
    add_measure(snap, "m3", "c2", "f1", JBW_KIND_VOOGDIJ, "GA", "R1",
                D(2023, 5, 1), NONE, "W1", D(2023, 5, 2));
    add_measure(snap, "m4", "c3", "f2", JBW_KIND_OTS, "GA", "R1", D(2025, 1, 6),
                NONE, "W2", D(2025, 3, 20));
    add_measure(snap, "m5", "c4", NULL, JBW_KIND_OTS, "GA", "R2", D(2025, 2, 3),
                NONE, "W3", D(2025, 3, 18));
    add_measure(snap, "m6", "c5", NULL, JBW_KIND_VOTS, "GA", "R2",
                D(2025, 5, 26), NONE, NULL, NONE);
    m.id = "m7";
    m.child_id = "c6";
    m.family_id = "f3";
    m.kind = JBW_KIND_OTS;
    m.organisation = "GA";
    m.region = "R1";
    m.start = D(2024, 2, 1);
    m.first_assigned = D(2024, 2, 5);
    m.previous_workers = 1;
    m.waiting_since = D(2025, 5, 1);
    assert_ok(jbw_snapshot_add_measure(snap, &m));
    add_measure(snap, "m8", "c7", NULL, JBW_KIND_OTS, "GA", "R1",
                D(2025, 5, 26), NONE, "W2", D(2025, 6, 3));
    add_measure(snap, "m9", "c8", NULL, JBW_KIND_OTS, "GB", "R2",
                D(2025, 5, 26), NONE, "W4", D(2025, 6, 4));
    add_measure(snap, "m10", "c9", NULL, JBW_KIND_OTS, "GB", "R1",
                D(2024, 1, 1), D(2025, 6, 16), "W6", D(2024, 1, 2));
    add_measure(snap, "m11", "c10", NULL, JBW_KIND_OTS, "GB", "R1",
                D(2025, 1, 1), NONE, "W5", D(2025, 1, 3));
    add_measure(snap, "m12", "c11", "f4", JBW_KIND_JR_TB_GEDWONGEN, "GB", "R1",
                D(2025, 4, 1), NONE, "W6", D(2025, 4, 2));
    add_measure(snap, "m13", "c12", "f4", JBW_KIND_OTS, "GB", "R2",
                D(2025, 3, 3), NONE, "W6", D(2025, 3, 5));
    return snap;
}

/*
 * A weighted norm for the mixed-kinds tests: OTS 1, VOTS 2, VOOGDIJ 1.5,
 * JR_TB_GEDWONGEN 1.25 (all exact in binary), 12 per FTE, default ramp.
 */
static jbw_norm *weighted_norm(jbw_unit unit)
{
    jbw_norm *n = NULL;
    assert_ok(jbw_norm_new_default(&n));
    assert_ok(jbw_norm_set_unit(n, unit));
    assert_ok(jbw_norm_set_weight(n, JBW_KIND_VOTS, 2.0));
    assert_ok(jbw_norm_set_weight(n, JBW_KIND_VOOGDIJ, 1.5));
    assert_ok(jbw_norm_set_weight(n, JBW_KIND_JR_TB_GEDWONGEN, 1.25));
    return n;
}

static jbw_caseload *compute(const jbw_snapshot *snap, const jbw_norm *norm,
                             const jbw_caseload_options *opts)
{
    jbw_calendar *cal = NULL;
    jbw_caseload *cl = NULL;
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_caseload_compute(&cl, snap, norm, cal, opts));
    jbw_calendar_free(cal);
    return cl;
}

static jbw_caseload_totals totals_of(const jbw_caseload *cl)
{
    jbw_caseload_totals t;
    memset(&t, 0, sizeof t);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    assert_ok(jbw_caseload_totals_get(&t, cl));
    return t;
}

/* The totals of the group with registry key `key`. */
static jbw_caseload_totals group_of(const jbw_caseload *cl, jbw_group group,
                                    const char *key)
{
    jbw_caseload_totals t;
    size_t i, n = jbw_caseload_group_count(cl, group);
    for (i = 0; i < n; i++) {
        const char *k = NULL;
        memset(&t, 0, sizeof t);
        t.version = JBW_CASELOAD_TOTALS_VERSION;
        assert_ok(jbw_caseload_group_get(&t, &k, cl, group, i));
        if (strcmp(k, key) == 0)
            return t;
    }
    fail_msg("no group '%s'", key);
    return t;
}

/* The line of worker `id` (it must be employed). */
static jbw_worker_load worker_of(const jbw_caseload *cl, const char *id)
{
    jbw_worker_load w;
    size_t i;
    for (i = 0; i < jbw_caseload_worker_count(cl); i++) {
        memset(&w, 0, sizeof w);
        w.version = JBW_WORKER_LOAD_VERSION;
        assert_ok(jbw_caseload_worker_get(&w, cl, i));
        if (strcmp(w.id, id) == 0)
            return w;
    }
    fail_msg("no worker '%s'", id);
    return w;
}

static int has_worker(const jbw_caseload *cl, const char *id)
{
    size_t i;
    for (i = 0; i < jbw_caseload_worker_count(cl); i++) {
        jbw_worker_load w;
        w.version = JBW_WORKER_LOAD_VERSION;
        assert_ok(jbw_caseload_worker_get(&w, cl, i));
        if (strcmp(w.id, id) == 0)
            return 1;
    }
    return 0;
}

#define TOL 1e-9

/* ---------------------------------------------------------------------- */
/* The default norm and codes                                             */
/* ---------------------------------------------------------------------- */

static void default_norm_is_12_measures_per_fte_of_the_agreement(void **state)
{
    jbw_norm *n = NULL;
    int k;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    assert_string_equal(jbw_norm_name(n), "FNV-GI 2023");
    /* docs/sources.md: the FNV-GI agreement of March 2023 counts twelve
     * child-protection measures per full-time jeugdbeschermer. */
    assert_non_null(strstr(jbw_norm_source(n), "March 2023"));
    assert_non_null(strstr(jbw_norm_source(n), "measures"));
    assert_int_equal(jbw_norm_unit(n), JBW_UNIT_MEASURE);
    assert_near(jbw_norm_caseload_per_fte(n), 12.0, 0);
    /* JB and JR count alike: every weight 1. */
    for (k = 0; k < JBW_KIND_COUNT; k++)
        assert_near(jbw_norm_weight(n, (jbw_kind)k), 1.0, 0);
    /* Ramp 0.5 for months 0-2, 0.75 for 3-5, 1.0 from 6. */
    assert_near(jbw_norm_ramp(n, 0), 0.5, 0);
    assert_near(jbw_norm_ramp(n, 2), 0.5, 0);
    assert_near(jbw_norm_ramp(n, 3), 0.75, 0);
    assert_near(jbw_norm_ramp(n, 5), 0.75, 0);
    assert_near(jbw_norm_ramp(n, 6), 1.0, 0);
    assert_near(jbw_norm_ramp(n, 600), 1.0, 0);
    /* Before the hire nothing is carried. */
    assert_near(jbw_norm_ramp(n, -1), 0.0, 0);
    assert_near(jbw_norm_under_below(n), 0.9, 0);
    assert_near(jbw_norm_over_above(n), 1.0, 0);
    jbw_norm_free(n);
}

/* A council reads the brief in Dutch: the built-in norms' sources have a
 * Dutch wording; English readers and sources set by the user get the text
 * as it is. */
static void norm_source_is_dutch_for_dutch_readers(void **state)
{
    jbw_norm *n = NULL;
    (void)state;
    assert_null(jbw_norm_source_lang(NULL, JBW_LANG_NL));
    assert_ok(jbw_norm_new_default(&n));
    assert_non_null(
        strstr(jbw_norm_source_lang(n, JBW_LANG_NL), "akkoord van maart 2023"));
    assert_non_null(strstr(jbw_norm_source_lang(n, JBW_LANG_NL),
                           "per fulltime jeugdbeschermer"));
    assert_string_equal(jbw_norm_source_lang(n, JBW_LANG_EN),
                        jbw_norm_source(n));
    assert_ok(jbw_norm_set_name(n, "Regionorm", "eigen afspraak 2026"));
    assert_string_equal(jbw_norm_source_lang(n, JBW_LANG_NL),
                        "eigen afspraak 2026");
    jbw_norm_free(n);
    n = NULL;
    assert_ok(jbw_norm_new_named(&n, "significant-families"));
    assert_non_null(
        strstr(jbw_norm_source_lang(n, JBW_LANG_NL), "8 tot 9 gezinnen"));
    assert_non_null(
        strstr(jbw_norm_source_lang(n, JBW_LANG_EN), "8 to 9 families"));
    jbw_norm_free(n);
}

static void norm_accessors_of_null_give_null_zero_nan(void **state)
{
    jbw_norm *n = NULL;
    (void)state;
    assert_null(jbw_norm_name(NULL));
    assert_null(jbw_norm_source(NULL));
    assert_int_equal(jbw_norm_unit(NULL), 0);
    assert_true(isnan(jbw_norm_caseload_per_fte(NULL)));
    assert_true(isnan(jbw_norm_weight(NULL, JBW_KIND_OTS)));
    assert_true(isnan(jbw_norm_ramp(NULL, 3)));
    assert_true(isnan(jbw_norm_under_below(NULL)));
    assert_true(isnan(jbw_norm_over_above(NULL)));
    assert_ok(jbw_norm_new_default(&n));
    assert_true(isnan(jbw_norm_weight(n, (jbw_kind)99)));
    assert_true(isnan(jbw_norm_weight(n, (jbw_kind)-1)));
    jbw_norm_free(n);
    jbw_norm_free(NULL);
    assert_status(jbw_norm_new_default(NULL), JBW_EINVAL);
}

static void unit_and_status_codes_are_stable(void **state)
{
    (void)state;
    assert_string_equal(jbw_unit_code(JBW_UNIT_MEASURE), "measure");
    assert_string_equal(jbw_unit_code(JBW_UNIT_CHILD), "child");
    assert_string_equal(jbw_unit_code(JBW_UNIT_FAMILY), "family");
    assert_null(jbw_unit_code((jbw_unit)3));
    assert_null(jbw_unit_code((jbw_unit)-1));
    assert_string_equal(jbw_load_status_code(JBW_LOAD_UNDER), "under");
    assert_string_equal(jbw_load_status_code(JBW_LOAD_AT), "at");
    assert_string_equal(jbw_load_status_code(JBW_LOAD_OVER), "over");
    assert_string_equal(jbw_load_status_code(JBW_LOAD_NO_CAPACITY),
                        "no_capacity");
    assert_null(jbw_load_status_code((jbw_load_status)4));
}

/* ---------------------------------------------------------------------- */
/* Setters                                                                */
/* ---------------------------------------------------------------------- */

static void norm_setters_reject_nan_negative_zero_and_leave_norm(void **state)
{
    jbw_norm *n = NULL;
    int32_t months[JBW_RAMP_MAX + 1];
    double frac[JBW_RAMP_MAX + 1];
    size_t i;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    for (i = 0; i <= JBW_RAMP_MAX; i++) {
        months[i] = (int32_t)i;
        frac[i] = 1.0;
    }
    /* caseload <= 0, NaN, infinite, absurd */
    assert_status(jbw_norm_set_caseload_per_fte(n, 0.0), JBW_EINVAL);
    assert_error_contains("caseload_per_fte");
    assert_status(jbw_norm_set_caseload_per_fte(n, -3.0), JBW_EINVAL);
    assert_status(jbw_norm_set_caseload_per_fte(n, NAN), JBW_EINVAL);
    assert_status(jbw_norm_set_caseload_per_fte(n, INFINITY), JBW_EINVAL);
    assert_status(jbw_norm_set_caseload_per_fte(n, 1e9), JBW_EINVAL);
    assert_near(jbw_norm_caseload_per_fte(n), 12.0, 0); /* unchanged */
    /* weight < 0, NaN, unknown kind */
    assert_status(jbw_norm_set_weight(n, JBW_KIND_OTS, -0.5), JBW_EINVAL);
    assert_error_contains("weight of OTS");
    assert_status(jbw_norm_set_weight(n, JBW_KIND_OTS, NAN), JBW_EINVAL);
    assert_status(jbw_norm_set_weight(n, (jbw_kind)99, 1.0), JBW_EINVAL);
    assert_error_contains("kind");
    assert_near(jbw_norm_weight(n, JBW_KIND_OTS), 1.0, 0);
    /* a weight of 0 is allowed: a kind that does not count */
    assert_ok(jbw_norm_set_weight(n, JBW_KIND_JR_STP, 0.0));
    /* ramp: fraction outside [0, 1], not from month 0, not increasing,
     * no steps, too many steps, NaN */
    frac[1] = 1.5;
    assert_status(jbw_norm_set_ramp(n, months, frac, 2), JBW_EINVAL);
    assert_error_contains("outside [0, 1]");
    frac[1] = NAN;
    assert_status(jbw_norm_set_ramp(n, months, frac, 2), JBW_EINVAL);
    frac[1] = 1.0;
    assert_status(jbw_norm_set_ramp(n, months + 1, frac, 2), JBW_EINVAL);
    assert_error_contains("month 0");
    months[1] = 0;
    assert_status(jbw_norm_set_ramp(n, months, frac, 2), JBW_EINVAL);
    assert_error_contains("not a function of months");
    months[1] = 1;
    assert_status(jbw_norm_set_ramp(n, months, frac, 0), JBW_EINVAL);
    assert_status(jbw_norm_set_ramp(n, months, frac, JBW_RAMP_MAX + 1),
                  JBW_EINVAL);
    assert_error_contains("steps");
    assert_status(jbw_norm_set_ramp(n, NULL, frac, 1), JBW_EINVAL);
    assert_status(jbw_norm_set_ramp(n, months, NULL, 1), JBW_EINVAL);
    assert_near(jbw_norm_ramp(n, 3), 0.75, 0); /* still the default */
    assert_ok(jbw_norm_set_ramp(n, months, frac, JBW_RAMP_MAX));
    /* thresholds: NaN, negative, under_below > over_above */
    assert_status(jbw_norm_set_thresholds(n, NAN, 1.0), JBW_EINVAL);
    assert_status(jbw_norm_set_thresholds(n, -0.1, 1.0), JBW_EINVAL);
    assert_status(jbw_norm_set_thresholds(n, 1.1, 1.0), JBW_EINVAL);
    assert_error_contains("above over_above");
    assert_near(jbw_norm_under_below(n), 0.9, 0);
    assert_ok(jbw_norm_set_thresholds(n, 1.0, 1.0)); /* equal is fine */
    /* unit out of range */
    assert_status(jbw_norm_set_unit(n, (jbw_unit)7), JBW_EINVAL);
    assert_int_equal(jbw_norm_unit(n), JBW_UNIT_MEASURE);
    /* names that a norm file could not hold */
    assert_status(jbw_norm_set_name(n, NULL, "x"), JBW_EINVAL);
    assert_status(jbw_norm_set_name(n, "", "x"), JBW_EINVAL);
    assert_error_contains("empty");
    assert_status(jbw_norm_set_name(n, "a # b", "x"), JBW_EINVAL);
    assert_error_contains("'#'");
    assert_status(jbw_norm_set_name(n, "two\nlines", "x"), JBW_EINVAL);
    assert_status(jbw_norm_set_name(n, " padded", "x"), JBW_EINVAL);
    assert_status(jbw_norm_set_name(n, "ok", "bad\rsource"), JBW_EINVAL);
    assert_string_equal(jbw_norm_name(n), "FNV-GI 2023");
    assert_ok(jbw_norm_set_name(n, "Regionorm", NULL)); /* no source: "" */
    assert_string_equal(jbw_norm_source(n), "");
    /* NULL norm */
    assert_status(jbw_norm_set_unit(NULL, JBW_UNIT_CHILD), JBW_EINVAL);
    assert_status(jbw_norm_set_caseload_per_fte(NULL, 12), JBW_EINVAL);
    assert_status(jbw_norm_set_weight(NULL, JBW_KIND_OTS, 1), JBW_EINVAL);
    assert_status(jbw_norm_set_thresholds(NULL, 0.9, 1), JBW_EINVAL);
    assert_status(jbw_norm_set_ramp(NULL, months, frac, 1), JBW_EINVAL);
    assert_status(jbw_norm_set_name(NULL, "x", "y"), JBW_EINVAL);
    jbw_norm_free(n);
}

static void norm_clone_is_independent(void **state)
{
    jbw_norm *n = NULL, *c = NULL, *keep = (jbw_norm *)&keep;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    assert_ok(jbw_norm_clone(&c, n));
    assert_ok(jbw_norm_set_caseload_per_fte(n, 9.0));
    assert_near(jbw_norm_caseload_per_fte(c), 12.0, 0);
    assert_string_equal(jbw_norm_name(c), "FNV-GI 2023");
    assert_status(jbw_norm_clone(&keep, NULL), JBW_EINVAL);
    assert_ptr_equal(keep, (jbw_norm *)&keep);
    assert_status(jbw_norm_clone(NULL, n), JBW_EINVAL);
    jbw_norm_free(n);
    jbw_norm_free(c);
}

/* ---------------------------------------------------------------------- */
/* Norm files                                                             */
/* ---------------------------------------------------------------------- */

static void norm_file_sets_every_key_and_ramp_replaces_default(void **state)
{
    static const char text[] =
        "# a regional trial norm\n"
        "name = Proefnorm\n"
        "source = illustrative\n"
        "unit = FAMILY\n" /* codes are case-insensitive */
        "caseload_per_fte = 8.5\n"
        "weight.ots = 1.25\n" /* kind codes too */
        "weight.JR_TB_GEDWONGEN = 0.5  # half\n"
        "ramp.6 = 1\n" /* out of order: sorted */
        "ramp.0 = 0.4\n"
        "ramp.2 = 0.6\n"
        "under_below = 0.8\n"
        "over_above = 1.1\n";
    jbw_norm *n = NULL;
    (void)state;
    assert_ok(jbw_norm_parse(&n, text, sizeof text - 1, "proef.norm"));
    assert_string_equal(jbw_norm_name(n), "Proefnorm");
    assert_string_equal(jbw_norm_source(n), "illustrative");
    assert_int_equal(jbw_norm_unit(n), JBW_UNIT_FAMILY);
    assert_near(jbw_norm_caseload_per_fte(n), 8.5, 0);
    assert_near(jbw_norm_weight(n, JBW_KIND_OTS), 1.25, 0);
    assert_near(jbw_norm_weight(n, JBW_KIND_JR_TB_GEDWONGEN), 0.5, 0);
    assert_near(jbw_norm_weight(n, JBW_KIND_VOTS), 1.0, 0); /* default kept */
    /* ramp 0.4 for months 0-1, 0.6 for 2-5, 1 from 6; the default's step
     * at month 3 (0.75) is gone. */
    assert_near(jbw_norm_ramp(n, 0), 0.4, 0);
    assert_near(jbw_norm_ramp(n, 1), 0.4, 0);
    assert_near(jbw_norm_ramp(n, 2), 0.6, 0);
    assert_near(jbw_norm_ramp(n, 3), 0.6, 0);
    assert_near(jbw_norm_ramp(n, 5), 0.6, 0);
    assert_near(jbw_norm_ramp(n, 6), 1.0, 0);
    assert_near(jbw_norm_under_below(n), 0.8, 0);
    assert_near(jbw_norm_over_above(n), 1.1, 0);
    jbw_norm_free(n);
}

static void empty_norm_file_is_the_default(void **state)
{
    jbw_norm *n = NULL;
    (void)state;
    assert_ok(jbw_norm_parse(&n, "", 0, NULL));
    assert_string_equal(jbw_norm_name(n), "FNV-GI 2023");
    assert_near(jbw_norm_caseload_per_fte(n), 12.0, 0);
    jbw_norm_free(n);
    /* (size_t)-1: NUL-terminated */
    assert_ok(jbw_norm_parse(&n, "caseload_per_fte = 10\n", (size_t)-1, NULL));
    assert_near(jbw_norm_caseload_per_fte(n), 10.0, 0);
    jbw_norm_free(n);
}

typedef struct bad_norm {
    const char *text;
    const char *line;   /* "t.norm line N" */
    const char *detail; /* what the message must say */
} bad_norm;

static void norm_file_errors_name_the_line(void **state)
{
    static const bad_norm cases[] = {
        {"name = X\nsize = 3\n", "t.norm line 2", "unknown key 'size'"},
        {"caseload_per_fte = twelve\n", "t.norm line 1", "not a number"},
        {"caseload_per_fte = nan\n", "t.norm line 1", "not a number"},
        {"caseload_per_fte = 1e400\n", "t.norm line 1", "not a number"},
        {"\n# comment\ncaseload_per_fte = 0\n", "t.norm line 3",
         "caseload_per_fte 0 must be a number above 0"},
        {"caseload_per_fte = -4\n", "t.norm line 1", "above 0"},
        {"weight.OTS = -1\n", "t.norm line 1", "weight of OTS -1"},
        {"weight.XYZ = 1\n", "t.norm line 1", "unknown kind 'XYZ'"},
        {"unit = household\n", "t.norm line 1",
         "unknown unit (measure, child or family): 'household'"},
        {"ramp.0 = 0.5\nramp.3 = 0.7\nramp.3 = 0.8\n", "t.norm line 3",
         "not a function of months"},
        {"ramp.1 = 0.5\nramp.4 = 1\n", "t.norm line 1", "no ramp.0"},
        {"ramp.0 = 1.5\n", "t.norm line 1", "outside [0, 1]"},
        {"ramp.x = 1\n", "t.norm line 1", "whole number"},
        {"ramp.0 = 0.5\nramp.1.5 = 1\n", "t.norm line 2", "whole number"},
        {"under_below = 1.2\nover_above = 1.1\n", "t.norm line 2",
         "above over_above"},
        {"over_above = 0.5\n", "t.norm line 1", /* default under 0.9 */
         "under_below 0.9 is above over_above 0.5"},
        {"under_below = -1\n", "t.norm line 1", "from 0"},
        {"caseload_per_fte = 12\ncaseload_per_fte = 10\n", "t.norm line 2",
         "given twice (first on line 1)"},
        {"weight.OTS = 1\nweight.ots = 2\n", "t.norm line 2", "given twice"},
        {"this is not a pair\n", "t.norm line 1", "key = value"},
        {"name = \n", "t.norm line 1", "empty"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        jbw_norm *n = (jbw_norm *)&n;
        int st =
            jbw_norm_parse(&n, cases[i].text, strlen(cases[i].text), "t.norm");
        if (st != JBW_EPARSE)
            fail_msg("case %zu ('%s') gave %d, detail '%s'", i, cases[i].text,
                     st, jbw_last_error());
        assert_error_contains(cases[i].line);
        assert_error_contains(cases[i].detail);
        assert_ptr_equal(n, (jbw_norm *)&n); /* output untouched */
    }
    /* where, why, then the value refused */
    {
        jbw_norm *n = NULL;
        assert_status(jbw_norm_parse(&n, "caseload_per_fte = twelve\n",
                                     (size_t)26, "t.norm"),
                      JBW_EPARSE);
        assert_reason_before_value("t.norm line 1: caseload_per_fte is not a "
                                   "number",
                                   "twelve");
        assert_status(
            jbw_norm_parse(&n, "unit = household\n", (size_t)17, "t.norm"),
            JBW_EPARSE);
        assert_reason_before_value("unknown unit (measure, child or family)",
                                   "household");
        assert_null(n);
    }
}

static void norm_parse_rejects_null(void **state)
{
    jbw_norm *n = NULL;
    (void)state;
    assert_status(jbw_norm_parse(NULL, "", 0, NULL), JBW_EINVAL);
    assert_status(jbw_norm_parse(&n, NULL, 0, NULL), JBW_EINVAL);
    assert_null(n);
}

static void norm_save_parses_back_equal(void **state)
{
    jbw_norm *n = NULL, *back = NULL;
    const int32_t months[3] = {0, 2, 9};
    const double frac[3] = {0.25, 0.6, 1.0};
    char *text = NULL;
    size_t len = 0;
    int k;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    assert_ok(
        jbw_norm_set_name(n, "Regionorm Zuid-Holland Zuid \xE2\x80\x93 proef",
                          "illustrative = parameters"));
    assert_ok(jbw_norm_set_unit(n, JBW_UNIT_FAMILY));
    assert_ok(jbw_norm_set_caseload_per_fte(n, 8.5));
    /* 1/3 and 0.1 have no short exact decimal: the file must still
     * give back the very same double. */
    assert_ok(jbw_norm_set_weight(n, JBW_KIND_OTS, 1.0 / 3.0));
    assert_ok(jbw_norm_set_weight(n, JBW_KIND_VOTS, 0.1));
    assert_ok(jbw_norm_set_weight(n, JBW_KIND_JR_ITB_CRIEM, 0.0));
    assert_ok(jbw_norm_set_ramp(n, months, frac, 3));
    assert_ok(jbw_norm_set_thresholds(n, 0.85, 1.05));
    assert_ok(jbw_norm_save(&text, &len, n));
    assert_int_equal(len, strlen(text));
    assert_non_null(strstr(text, "unit = family\n"));
    assert_non_null(strstr(text, "ramp.9 = 1\n"));
    assert_ok(jbw_norm_parse(&back, text, len, "saved"));
    assert_string_equal(jbw_norm_name(back), jbw_norm_name(n));
    assert_string_equal(jbw_norm_source(back), jbw_norm_source(n));
    assert_int_equal(jbw_norm_unit(back), jbw_norm_unit(n));
    assert_true(jbw_norm_caseload_per_fte(back) ==
                jbw_norm_caseload_per_fte(n));
    for (k = 0; k < JBW_KIND_COUNT; k++)
        assert_true(jbw_norm_weight(back, (jbw_kind)k) ==
                    jbw_norm_weight(n, (jbw_kind)k));
    for (k = 0; k < 24; k++)
        assert_true(jbw_norm_ramp(back, k) == jbw_norm_ramp(n, k));
    assert_true(jbw_norm_under_below(back) == 0.85);
    assert_true(jbw_norm_over_above(back) == 1.05);
    jbw_free(text);
    jbw_norm_free(back);
    /* An empty source survives too (written as "source ="). */
    assert_ok(jbw_norm_set_name(n, "Leeg", ""));
    assert_ok(jbw_norm_save(&text, NULL, n));
    assert_ok(jbw_norm_parse(&back, text, (size_t)-1, "saved"));
    assert_string_equal(jbw_norm_source(back), "");
    jbw_free(text);
    jbw_norm_free(back);
    assert_status(jbw_norm_save(NULL, NULL, n), JBW_EINVAL);
    assert_status(jbw_norm_save(&text, NULL, NULL), JBW_EINVAL);
    jbw_norm_free(n);
}

static void norm_load_reads_a_file_and_reports_missing_ones(void **state)
{
    char path[] = "/tmp/jbw_test_norm_XXXXXX";
    jbw_norm *n = NULL;
    FILE *f;
    int fd;
    (void)state;
    fd = mkstemp(path);
    assert_true(fd >= 0);
    f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("name = Bestandsnorm\ncaseload_per_fte = 15\nbogus = 1\n", f);
    fclose(f);
    /* line 3 is bad: the message names the path and the line */
    assert_status(jbw_norm_load(&n, path), JBW_EPARSE);
    assert_error_contains(path);
    assert_error_contains("line 3");
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("name = Bestandsnorm\ncaseload_per_fte = 15\n", f);
    fclose(f);
    assert_ok(jbw_norm_load(&n, path));
    assert_string_equal(jbw_norm_name(n), "Bestandsnorm");
    assert_near(jbw_norm_caseload_per_fte(n), 15.0, 0);
    jbw_norm_free(n);
    remove(path);
    n = NULL;
    assert_status(jbw_norm_load(&n, "/nonexistent/dir/x.norm"), JBW_EIO);
    assert_error_contains("/nonexistent/dir/x.norm");
    assert_null(n);
    assert_status(jbw_norm_load(NULL, path), JBW_EINVAL);
    assert_status(jbw_norm_load(&n, NULL), JBW_EINVAL);
}

/* ---------------------------------------------------------------------- */
/* Totals                                                                 */
/* ---------------------------------------------------------------------- */

static void children_norm_totals_of_the_main_snapshot(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_totals t;
    (void)state;
    /* figures worked in unit child: the Significant children norm */
    assert_ok(jbw_norm_new_named(&n, "significant-children"));
    cl = compute(snap, n, NULL);
    assert_int_equal(jbw_caseload_date(cl), D(2025, 6, 16));
    t = totals_of(cl);
    /* Active: m1..m9, m11..m13 = 12 (m10 ended: end 06-16 = date). */
    assert_int_equal(t.active_measures, 12);
    /* c1..c8, c10, c11, c12 = 11 children (c9 only in m10). */
    assert_int_equal(t.children, 11);
    /* f1 (c1, c2), f2, c4, c5, f3, c7, c8, c10, f4 (c11, c12) = 9. */
    assert_int_equal(t.families, 9);
    /* assigned: m1-m5, m8, m9, m11 (worker left), m12, m13 = 10 */
    assert_int_equal(t.assigned, 10);
    assert_int_equal(t.waiting_nieuw, 1);    /* m6 */
    assert_int_equal(t.waiting_bestaand, 1); /* m7 */
    /* employed: W1, W2, W3, W4, W6, W7 (W5 left on the date) */
    assert_int_equal(t.workers, 6);
    /* 11 children at weight 1 (waiting ones too) / 12 */
    assert_near(t.required_fte, 11.0 / 12.0, TOL);
    /* 1 + 0.8 + 1 + 0.5 + 0.6 + 0.5 = 4.4 */
    assert_near(t.available_fte, 4.4, TOL);
    /* 1 + 0.8*0.75 + 1*0.5 + 0.5 + 0.6 + 0.5 = 3.7 */
    assert_near(t.effective_fte, 3.7, TOL);
    /* 11/12 - 3.7 = -2.78333... */
    assert_near(t.fte_gap, 11.0 / 12.0 - 3.7, TOL);
    /* capacities 12 + 7.2 + 6 + 6 + 7.2 + 6 = 44.4 */
    assert_near(t.capacity, 44.4, TOL);
    /* loads: W1 c1+c2 = 2, W2 c3+c7 = 2, W3 c4 = 1, W4 c8 = 1,
     * W6 c11+c12 = 2, W7 0: 8 (m11's child is on no employed worker) */
    assert_near(t.load, 8.0, TOL);
    /* free: 10 + 5.2 + 5 + 5 + 5.2 + 6 = 36.4 */
    assert_near(t.free_capacity, 36.4, TOL);
    /* OTS: m1 m4 m5 m7 m8 m9 m11 m13 = 8; VOTS m6; VOOGDIJ m3; JR m2 m12 */
    assert_int_equal(t.by_kind[JBW_KIND_OTS], 8);
    assert_int_equal(t.by_kind[JBW_KIND_VOTS], 1);
    assert_int_equal(t.by_kind[JBW_KIND_VOOGDIJ], 1);
    assert_int_equal(t.by_kind[JBW_KIND_JR_TB_GEDWONGEN], 2);
    assert_int_equal(t.by_kind[JBW_KIND_JR_STP], 0);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/* The default norm counts measures (FNV-GI 2023, 12 per FTE). */
static void default_norm_counts_measures_of_the_main_snapshot(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_totals t;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    t = totals_of(cl);
    /* 12 active measures at weight 1 (waiting ones too) / 12 = 1 FTE */
    assert_near(t.required_fte, 1.0, TOL);
    /* effective FTE 3.7 as in unit child: 1.0 - 3.7 = -2.7 */
    assert_near(t.fte_gap, 1.0 - 3.7, TOL);
    /* capacities do not depend on the unit: 44.4 */
    assert_near(t.capacity, 44.4, TOL);
    /* loads in measures: W1 m1+m2+m3 = 3, W2 m4+m8 = 2, W3 m5 = 1, W4 m9
     * = 1, W6 m12+m13 = 2, W7 0: 9 (m11 is on W5, who left) */
    assert_near(t.load, 9.0, TOL);
    /* free: 9 + 5.2 + 5 + 5 + 5.2 + 6 = 35.4 */
    assert_near(t.free_capacity, 35.4, TOL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/* The named norms: the default and Significant's two. */
static void named_norms_of_the_sources(void **state)
{
    jbw_norm *n = NULL;
    (void)state;
    assert_ok(jbw_norm_new_named(&n, "fnv-gi-2023"));
    assert_int_equal(jbw_norm_unit(n), JBW_UNIT_MEASURE);
    assert_near(jbw_norm_caseload_per_fte(n), 12.0, 0);
    jbw_norm_free(n);
    /* Significant Public 2022: about 12 children, 8 to 9 families */
    assert_ok(jbw_norm_new_named(&n, "significant-children"));
    assert_int_equal(jbw_norm_unit(n), JBW_UNIT_CHILD);
    assert_near(jbw_norm_caseload_per_fte(n), 12.0, 0);
    assert_non_null(strstr(jbw_norm_source(n), "Significant Public"));
    jbw_norm_free(n);
    assert_ok(jbw_norm_new_named(&n, "significant-families"));
    assert_int_equal(jbw_norm_unit(n), JBW_UNIT_FAMILY);
    assert_near(jbw_norm_caseload_per_fte(n), 8.5, 0);
    jbw_norm_free(n);
    n = NULL;
    assert_status(jbw_norm_new_named(&n, "fnv"), JBW_ENOTFOUND);
    assert_error_contains("significant-families");
    assert_null(n);
    assert_status(jbw_norm_new_named(NULL, "fnv-gi-2023"), JBW_EINVAL);
    assert_status(jbw_norm_new_named(&n, NULL), JBW_EINVAL);
}

static void unit_measure_sums_the_weights_of_active_measures(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = weighted_norm(JBW_UNIT_MEASURE);
    jbw_caseload *cl = compute(snap, n, NULL);
    jbw_caseload_totals t = totals_of(cl);
    (void)state;
    /* m1 1 + m2 1.25 + m3 1.5 + m4 1 + m5 1 + m6 2 + m7 1 + m8 1 + m9 1
     * + m11 1 + m12 1.25 + m13 1 = 14; / 12 */
    assert_near(t.required_fte, 14.0 / 12.0, TOL);
    /* W1: m1 1 + m2 1.25 + m3 1.5 = 3.75 */
    assert_near(worker_of(cl, "W1").load, 3.75, TOL);
    /* W6: m12 1.25 + m13 1 = 2.25 (m10 inactive) */
    assert_near(worker_of(cl, "W6").load, 2.25, TOL);
    /* 3.75 + W2 2 + W3 1 + W4 1 + 2.25 = 10 */
    assert_near(t.load, 10.0, TOL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void
unit_child_counts_a_child_with_ots_and_jr_once_at_heavier_weight(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = weighted_norm(JBW_UNIT_CHILD);
    jbw_caseload *cl = compute(snap, n, NULL);
    jbw_caseload_totals t = totals_of(cl);
    (void)state;
    /* c1 has OTS (1) and JR_TB_GEDWONGEN (1.25): once, at 1.25 (not 1 for
     * the first, not 2.25 for both). c2 1.5, c3 1, c4 1, c5 2, c6 1, c7 1,
     * c8 1, c10 1, c11 1.25, c12 1 -> 13; / 12 */
    assert_near(t.required_fte, 13.0 / 12.0, TOL);
    /* W1: c1 1.25 + c2 1.5 = 2.75 */
    assert_near(worker_of(cl, "W1").load, 2.75, TOL);
    assert_int_equal(worker_of(cl, "W1").measures, 3);
    /* W6: c11 1.25 + c12 1 = 2.25 */
    assert_near(worker_of(cl, "W6").load, 2.25, TOL);
    /* 2.75 + 2 + 1 + 1 + 2.25 = 9 */
    assert_near(t.load, 9.0, TOL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void unit_family_counts_siblings_once_at_heaviest_weight(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = weighted_norm(JBW_UNIT_FAMILY);
    jbw_caseload *cl = compute(snap, n, NULL);
    jbw_caseload_totals t = totals_of(cl), r1, r2;
    (void)state;
    /* f1 (m1 1, m2 1.25, m3 1.5) 1.5; f2 1; c4 1; c5 2; f3 1; c7 1;
     * c8 1; c10 1; f4 (m12 1.25, m13 1) 1.25 -> 10.75; / 12 */
    assert_near(t.required_fte, 10.75 / 12.0, TOL);
    /* W1 carries f1 once: 1.5 */
    assert_near(worker_of(cl, "W1").load, 1.5, TOL);
    /* W2 carries f2 and c7: 2; W6 carries f4 once: 1.25 */
    assert_near(worker_of(cl, "W2").load, 2.0, TOL);
    assert_near(worker_of(cl, "W6").load, 1.25, TOL);
    /* f4 counts in R1 through m12 (1.25) and in R2 through m13 (1).
     * R1: f1 1.5 + f2 1 + f3 1 + c7 1 + c10 1 + f4 1.25 = 6.75
     * R2: c4 1 + c5 2 + c8 1 + f4 1 = 5 */
    r1 = group_of(cl, JBW_GROUP_REGION, "R1");
    r2 = group_of(cl, JBW_GROUP_REGION, "R2");
    assert_near(r1.required_fte, 6.75 / 12.0, TOL);
    assert_near(r2.required_fte, 5.0 / 12.0, TOL);
    assert_int_equal(r1.families, 6);
    assert_int_equal(r2.families, 4);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void ramp_month_2_and_month_3_give_exact_capacities(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_worker_load w2, w3;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    w3 = worker_of(cl, "W3");
    /* hired 2025-03-17: 2 whole months on 2025-06-16, ramp 0.5 */
    assert_int_equal(w3.tenure_months, 2);
    assert_near(w3.effective_fte, 0.5, TOL); /* 1.0 x 0.5 */
    assert_near(w3.capacity, 6.0, TOL);      /* 1.0 x 0.5 x 12 */
    assert_near(w3.load, 1.0, TOL);          /* c4 */
    assert_near(w3.ratio, 1.0 / 6.0, TOL);
    w2 = worker_of(cl, "W2");
    /* hired 2025-03-16: 3 whole months, ramp 0.75; part-time 0.8 */
    assert_int_equal(w2.tenure_months, 3);
    assert_near(w2.fte, 0.8, 0);
    assert_near(w2.effective_fte, 0.6, TOL); /* 0.8 x 0.75 */
    assert_near(w2.capacity, 7.2, TOL);      /* 0.8 x 0.75 x 12 */
    assert_near(w2.load, 2.0, TOL);          /* c3, c7 */
    assert_near(w2.ratio, 2.0 / 7.2, TOL);
    assert_int_equal(w2.status, JBW_LOAD_UNDER);
    assert_string_equal(w2.organisation, "GA");
    assert_string_equal(w2.region, "R1");
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/*
 * The tenure of every worker is the whole months from the hire date to
 * the date (jbw_months_between), whatever the order of the hire dates:
 * compute.c keeps tenures in a memo by hire date, direct-mapped by the
 * day number over 4,096 slots (JBW__DATE_MEMO), so this hires on dates
 * met again later, on dates 8,192 days apart (one slot, interleaved so
 * each evicts the other), and on month ends and 29 February.
 */
static void tenure_of_every_hire_date_is_its_months(void **state)
{
    static const int ends[][3] = {{2000, 1, 31}, {2000, 2, 29}, {2004, 2, 29},
                                  {2024, 2, 29}, {2025, 1, 31}, {2025, 3, 31},
                                  {2025, 5, 31}, {2025, 6, 16}, {2025, 6, 15},
                                  {2024, 12, 31}};
    enum { SPREAD = 400, ENDS = sizeof ends / sizeof ends[0] };
    enum { COUNT = 2 * SPREAD + ENDS };
    jbw_date date = D(2025, 6, 16), hired[COUNT];
    jbw_snapshot *snap = tiny_snapshot(date);
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    size_t k, same = 0;
    (void)state;
    for (k = 0; k < COUNT; k++) {
        char id[16];
        if (k < SPREAD) /* odd k: 8,192 days after the even k before */
            hired[k] = D(1990, 1, 1) + (jbw_date)((k / 2 * 7919) % 4700) +
                       (k % 2 ? 8192 : 0);
        else if (k < 2 * SPREAD) /* the same dates again, reversed */
            hired[k] = hired[2 * SPREAD - 1 - k];
        else
            hired[k] = D(ends[k - 2 * SPREAD][0], ends[k - 2 * SPREAD][1],
                         ends[k - 2 * SPREAD][2]);
        snprintf(id, sizeof id, "w%zu", k);
        jbw_test_add_worker(snap, id, "GA", "R1", 1.0, hired[k], NONE);
    }
    for (k = 1; k < SPREAD; k += 2) /* the odd k share a slot */
        same += hired[k] - hired[k - 1] == 8192;
    assert_int_equal(same, SPREAD / 2);
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    assert_int_equal(jbw_caseload_worker_count(cl), COUNT);
    for (k = 0; k < COUNT; k++) {
        jbw_worker_load w;
        int32_t want = -1;
        memset(&w, 0, sizeof w);
        w.version = JBW_WORKER_LOAD_VERSION;
        assert_ok(jbw_caseload_worker_get(&w, cl, k));
        assert_int_equal(atoi(w.id + 1), k); /* rows in snapshot order */
        assert_ok(jbw_months_between(&want, hired[k], date));
        assert_int_equal(w.tenure_months, want);
    }
    /* by hand: hired 31 January 2025, 4 whole months on 16 June */
    assert_int_equal(worker_of(cl, "w804").tenure_months, 4);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void part_time_workers_carry_fte_times_caseload(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_worker_load w;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    w = worker_of(cl, "W4"); /* 0.5 FTE, 73 months: 0.5 x 1 x 12 = 6 */
    assert_int_equal(w.tenure_months, 73);
    assert_near(w.capacity, 6.0, TOL);
    assert_near(w.effective_fte, 0.5, TOL);
    w = worker_of(cl, "W6"); /* 0.6 FTE: 0.6 x 12 = 7.2, load c11 + c12 */
    assert_near(w.capacity, 7.2, TOL);
    assert_near(w.load, 2.0, TOL);
    assert_int_equal(w.measures, 2); /* m12, m13; not the ended m10 */
    w = worker_of(cl, "W7");         /* 0.5 FTE, no region, nothing assigned */
    assert_null(w.region);
    assert_near(w.capacity, 6.0, TOL);
    assert_near(w.load, 0.0, 0);
    assert_near(w.ratio, 0.0, 0);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void worker_who_left_is_not_employed_and_carries_nothing(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    jbw_worker_load w;
    jbw_caseload_totals gb;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    /* W5 left on 2025-06-16 (leaving = date): not in the table */
    assert_int_equal(jbw_caseload_worker_count(cl), 6);
    assert_false(has_worker(cl, "W5"));
    /* snapshot order without W5: W1 W2 W3 W4 W6 W7 */
    w.version = JBW_WORKER_LOAD_VERSION;
    assert_ok(jbw_caseload_worker_get(&w, cl, 4));
    assert_string_equal(w.id, "W6");
    /* GB: W4 0.5 + W6 0.6 = 1.1 available; m11 (W5's) still assigned */
    gb = group_of(cl, JBW_GROUP_ORGANISATION, "GB");
    assert_int_equal(gb.workers, 2);
    assert_near(gb.available_fte, 1.1, TOL);
    assert_int_equal(gb.assigned, 4); /* m9, m11, m12, m13 */
    assert_near(gb.load, 3.0, TOL);   /* W4 1 + W6 2; m11 on nobody */
    jbw_caseload_free(cl);
    /* The day before, W5 is still employed: 7 workers, 1 FTE more, and
     * m11's child c10 is its load (hired 2018-01-01: ramp 1, cap 12). */
    o.date = D(2025, 6, 15);
    cl = compute(snap, n, &o);
    assert_int_equal(jbw_caseload_worker_count(cl), 7);
    w = worker_of(cl, "W5");
    assert_near(w.load, 1.0, TOL);
    assert_near(w.capacity, 12.0, TOL);
    assert_null(w.region);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void measure_ended_the_day_before_is_inactive(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    jbw_caseload_totals t;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    /* m10: end 2025-06-16, last active day 06-15 */
    cl = compute(snap, n, NULL);
    t = totals_of(cl);
    assert_int_equal(t.active_measures, 12);
    assert_int_equal(worker_of(cl, "W6").measures, 2);
    jbw_caseload_free(cl);
    /* On 06-15 it is still active: 13 measures, W6 carries c9 too (3). */
    o.date = D(2025, 6, 15);
    cl = compute(snap, n, &o);
    t = totals_of(cl);
    assert_int_equal(t.active_measures, 13);
    assert_int_equal(worker_of(cl, "W6").measures, 3);
    assert_near(worker_of(cl, "W6").load, 3.0, TOL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void waiting_nieuw_never_had_a_worker_bestaand_lost_one(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    jbw_caseload_totals t;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    t = group_of(cl, JBW_GROUP_ORGANISATION, "GA");
    assert_int_equal(t.waiting_nieuw, 1);    /* m6: never had a worker */
    assert_int_equal(t.waiting_bestaand, 1); /* m7: worker dropped out */
    t = group_of(cl, JBW_GROUP_REGION, "R1");
    assert_int_equal(t.waiting_nieuw, 0);
    assert_int_equal(t.waiting_bestaand, 1); /* m7 is in R1 */
    jbw_caseload_free(cl);
    /* On 2025-04-30 m7's wait had not begun (since 05-01): its earlier
     * worker still had it, so it counts as assigned; m6 had not started. */
    o.date = D(2025, 4, 30);
    cl = compute(snap, n, &o);
    t = totals_of(cl);
    assert_int_equal(t.waiting_bestaand, 0);
    assert_int_equal(t.waiting_nieuw, 0);
    jbw_caseload_free(cl);
    /* On 2025-06-02 m8 (worker W2, first assigned 06-03) and m9 (W4,
     * 06-04) had no worker yet: nieuw with m6 = 3, and they load nobody.
     * W2 carries only c3 (m4): load 1, 1 measure; W4 nothing. */
    o.date = D(2025, 6, 2);
    cl = compute(snap, n, &o);
    t = totals_of(cl);
    assert_int_equal(t.waiting_nieuw, 3);
    assert_int_equal(t.waiting_bestaand, 1); /* m7, since 05-01 */
    assert_near(worker_of(cl, "W2").load, 1.0, TOL);
    assert_int_equal(worker_of(cl, "W2").measures, 1);
    assert_near(worker_of(cl, "W4").load, 0.0, 0);
    assert_int_equal(worker_of(cl, "W4").measures, 0);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void
child_with_two_workers_is_in_both_loads_once_in_required(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *n = weighted_norm(JBW_UNIT_CHILD);
    jbw_caseload *cl;
    jbw_caseload_totals t;
    (void)state;
    snap = tiny_snapshot(D(2025, 6, 16));
    jbw_test_add_worker(snap, "A", "GA", "R1", 1.0, D(2020, 1, 1), NONE);
    jbw_test_add_worker(snap, "B", "GA", "R2", 1.0, D(2020, 1, 1), NONE);
    /* k1: OTS (1) with A in R1, first worker the next day; JR (1.25)
     * with B in R2, the day of the first worker not recorded */
    add_measure(snap, "p1", "k1", NULL, JBW_KIND_OTS, "GA", "R1", D(2025, 6, 2),
                NONE, "A", D(2025, 6, 3));
    add_measure(snap, "p2", "k1", NULL, JBW_KIND_JR_TB_GEDWONGEN, "GA", "R2",
                D(2025, 6, 2), NONE, "B", NONE);
    cl = compute(snap, n, NULL);
    /* each worker carries k1 at the heaviest weight of its own measures */
    assert_near(worker_of(cl, "A").load, 1.0, TOL);
    assert_near(worker_of(cl, "B").load, 1.25, TOL);
    t = totals_of(cl);
    /* one child, once, at 1.25: required 1.25 / 12; load 1 + 1.25 */
    assert_int_equal(t.children, 1);
    assert_near(t.required_fte, 1.25 / 12.0, TOL);
    assert_near(t.load, 2.25, TOL);
    /* per region at the heaviest weight there: R1 1, R2 1.25 */
    assert_near(group_of(cl, JBW_GROUP_REGION, "R1").required_fte, 1.0 / 12.0,
                TOL);
    assert_near(group_of(cl, JBW_GROUP_REGION, "R2").required_fte, 1.25 / 12.0,
                TOL);
    /* coupling: both started (06-02 is in 03-16..06-16); p1 within (1
     * werkdag); p2 has a worker but no day: not within, not waiting, not
     * in the median. 1 of 2 = 50%, median {1} = 1 */
    assert_int_equal(t.coupling_started, 2);
    assert_int_equal(t.coupling_within, 1);
    assert_int_equal(t.coupling_waiting_past, 0);
    assert_near(t.coupling_within_pct, 50.0, TOL);
    assert_near(t.coupling_median_workdays, 1.0, TOL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/* ---------------------------------------------------------------------- */
/* Coupling norm                                                          */
/* ---------------------------------------------------------------------- */

static void
coupling_at_5_werkdagen_is_within_at_6_across_hemelvaart_not(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload *cl;
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    jbw_caseload_totals t;
    jbw_date from = NONE, to = NONE;
    int32_t wd = -1;
    (void)state;
    /* Start Monday 2025-05-26. Werkdagen d with 05-26 < d: Tue 27 (1),
     * Wed 28 (2), Thu 29 Hemelvaartsdag (off), Fri 30 (3), Mon 06-02 (4),
     * Tue 06-03 (5), Wed 06-04 (6). */
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(
        jbw_calendar_workdays_between(&wd, cal, D(2025, 5, 26), D(2025, 6, 3)));
    assert_int_equal(wd, 5);
    assert_ok(
        jbw_calendar_workdays_between(&wd, cal, D(2025, 5, 26), D(2025, 6, 4)));
    assert_int_equal(wd, 6);
    jbw_calendar_free(cal);
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    /* default period: 2025-06-16 minus 3 months = 2025-03-16 .. 06-16 */
    assert_ok(jbw_caseload_period(&from, &to, &wd, cl));
    assert_int_equal(from, D(2025, 3, 16));
    assert_int_equal(to, D(2025, 6, 16));
    assert_int_equal(wd, 5);
    t = totals_of(cl);
    /* started in the period: m6, m8, m9 (05-26), m12 (04-01) = 4
     * (m13 started 03-03, m5 02-03: before the period) */
    assert_int_equal(t.coupling_started, 4);
    /* within: m8 (5 werkdagen), m12 (04-01 -> 04-02: 1); m9 took 6 */
    assert_int_equal(t.coupling_within, 2);
    assert_near(t.coupling_within_pct, 50.0, TOL); /* 2 / 4 */
    /* m6 has none: 05-26 -> 06-16 is 3 + 5 + 4 (Mon 06-09 Tweede
     * Pinksterdag off) + 1 = 13 werkdagen > 5 */
    assert_int_equal(t.coupling_waiting_past, 1);
    /* median of {1, 5, 6} = 5 */
    assert_near(t.coupling_median_workdays, 5.0, TOL);
    jbw_caseload_free(cl);
    /* With a norm of 6 werkdagen m9 is within too: 3 / 4 = 75%. */
    o.coupling_workdays = 6;
    cl = compute(snap, n, &o);
    t = totals_of(cl);
    assert_int_equal(t.coupling_within, 3);
    assert_near(t.coupling_within_pct, 75.0, TOL);
    assert_int_equal(t.coupling_waiting_past, 1); /* 13 > 6 */
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void coupling_by_group_and_explicit_period(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    jbw_caseload_totals t;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    /* GA: m6 (waiting), m8 (5) -> 1 of 2 within, median 5 */
    t = group_of(cl, JBW_GROUP_ORGANISATION, "GA");
    assert_int_equal(t.coupling_started, 2);
    assert_int_equal(t.coupling_within, 1);
    assert_int_equal(t.coupling_waiting_past, 1);
    assert_near(t.coupling_median_workdays, 5.0, TOL);
    /* GB: m9 (6), m12 (1) -> 1 of 2, median (1 + 6) / 2 = 3.5 */
    t = group_of(cl, JBW_GROUP_ORGANISATION, "GB");
    assert_int_equal(t.coupling_within, 1);
    assert_near(t.coupling_median_workdays, 3.5, TOL);
    /* R1: m8 (5), m12 (1) -> 2 of 2 = 100%, median 3 */
    t = group_of(cl, JBW_GROUP_REGION, "R1");
    assert_near(t.coupling_within_pct, 100.0, TOL);
    assert_near(t.coupling_median_workdays, 3.0, TOL);
    /* R2: m6 (waiting), m9 (6) -> 0 of 2, median 6 */
    t = group_of(cl, JBW_GROUP_REGION, "R2");
    assert_near(t.coupling_within_pct, 0.0, TOL);
    assert_int_equal(t.coupling_waiting_past, 1);
    assert_near(t.coupling_median_workdays, 6.0, TOL);
    /* R3: nothing started: NaN */
    t = group_of(cl, JBW_GROUP_REGION, "R3");
    assert_int_equal(t.coupling_started, 0);
    assert_true(isnan(t.coupling_within_pct));
    assert_true(isnan(t.coupling_median_workdays));
    jbw_caseload_free(cl);
    /* Period 2025-01-01 .. 2025-03-31: m4 (01-06), m5 (02-03), m11
     * (01-01), m13 (03-03). m4 01-06 -> 03-17 is 10 weeks = 50 werkdagen
     * (no holiday), + Tue 18, Wed 19, Thu 20 = 53; m5 02-03 -> 03-18 is 6 weeks
     * + Tue = 31; m11 01-01 -> 01-03 (Wed 1 Jan is Nieuwjaarsdag, start day is
     * not counted): Thu 2, Fri 3 = 2; m13 03-03 -> 03-05: 2. Within: m11, m13 =
     * 2 of 4. Median of {2, 2, 31, 53} = (2 + 31) / 2 = 16.5 */
    o.period_from = D(2025, 1, 1);
    o.period_to = D(2025, 3, 31);
    cl = compute(snap, n, &o);
    t = totals_of(cl);
    assert_int_equal(t.coupling_started, 4);
    assert_int_equal(t.coupling_within, 2);
    assert_int_equal(t.coupling_waiting_past, 0);
    assert_near(t.coupling_median_workdays, 16.5, TOL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/*
 * A measure counts in the coupling figures once its 5 werkdagen are over
 * on the date (more than 5 werkdagen from its start to the date), whether
 * or not it has a worker yet. Date Monday 2025-06-16; Tweede Pinksterdag
 * is Monday 2025-06-09 (a day off).
 *  n1 starts Mon 06-09, no worker: Tue 10 .. Mon 16 = 5 werkdagen, not over
 *  n2 starts Fri 06-13, worker Mon 06-16 (1 werkdag): 1, not over
 *  n3 starts Fri 06-06, no worker: Mon 9 is off, Tue 10 .. Mon 16 = 5
 *  n4 starts Thu 06-05, no worker: Fri 6, Tue 10 .. Mon 16 = 6: over,
 *     not within, still waiting past the norm
 *  n5 starts Thu 06-05, worker Thu 06-12: Fri 6, Tue 10, Wed 11, Thu 12 =
 *     4 werkdagen: over, within
 * Started 2 (n4, n5), within 1: 50%; median 4; waiting past 1. Counting
 * every start would give 1 + 2 of 5 (40%) and a median of 2.5.
 */
static void coupling_counts_a_measure_once_its_werkdagen_are_over(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_totals t;
    (void)state;
    snap = tiny_snapshot(D(2025, 6, 16));
    jbw_test_add_worker(snap, "W1", "GA", "R1", 1.0, D(2020, 1, 1), NONE);
    add_measure(snap, "n1", "k1", NULL, JBW_KIND_OTS, "GA", "R1", D(2025, 6, 9),
                NONE, NULL, NONE);
    add_measure(snap, "n2", "k2", NULL, JBW_KIND_OTS, "GA", "R1",
                D(2025, 6, 13), NONE, "W1", D(2025, 6, 16));
    add_measure(snap, "n3", "k3", NULL, JBW_KIND_OTS, "GA", "R1", D(2025, 6, 6),
                NONE, NULL, NONE);
    add_measure(snap, "n4", "k4", NULL, JBW_KIND_OTS, "GA", "R1", D(2025, 6, 5),
                NONE, NULL, NONE);
    add_measure(snap, "n5", "k5", NULL, JBW_KIND_OTS, "GA", "R1", D(2025, 6, 5),
                NONE, "W1", D(2025, 6, 12));
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    t = totals_of(cl);
    assert_int_equal(t.waiting_nieuw, 3); /* n1 n3 n4 wait all the same */
    assert_int_equal(t.coupling_started, 2);
    assert_int_equal(t.coupling_within, 1);
    assert_near(t.coupling_within_pct, 50.0, TOL);
    assert_near(t.coupling_median_workdays, 4.0, TOL);
    assert_int_equal(t.coupling_waiting_past, 1);
    t = group_of(cl, JBW_GROUP_REGION, "R1");
    assert_int_equal(t.coupling_started, 2);
    assert_int_equal(t.coupling_within, 1);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/*
 * The median takes the middle wait however far apart the waits lie.
 * Period 2000-01-01 .. 2024-06-30: w1 starts Mon 2024-01-08 and is
 * assigned Tue 01-09 (1 werkdag), w2 the same start, assigned Wed 01-10
 * (2), w3 starts 2000-01-03, in the period too, and is assigned
 * 2024-01-09 (thousands of werkdagen). Median of three:
 * 2. Two of three within 5 werkdagen. w3 comes between the others, so
 * that the waits in their own order would give it as the middle one.
 */
static void median_of_waits_far_apart_is_the_middle_one(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    jbw_caseload_totals t;
    (void)state;
    snap = tiny_snapshot(D(2024, 6, 30));
    jbw_test_add_worker(snap, "W1", "GA", "R1", 1.0, D(1999, 1, 1), NONE);
    add_measure(snap, "w1", "k1", NULL, JBW_KIND_OTS, "GA", "R1", D(2024, 1, 8),
                NONE, "W1", D(2024, 1, 9));
    add_measure(snap, "w3", "k3", NULL, JBW_KIND_OTS, "GA", "R1", D(2000, 1, 3),
                NONE, "W1", D(2024, 1, 9));
    add_measure(snap, "w2", "k2", NULL, JBW_KIND_OTS, "GA", "R1", D(2024, 1, 8),
                NONE, "W1", D(2024, 1, 10));
    assert_ok(jbw_norm_new_default(&n));
    o.period_from = D(2000, 1, 1);
    o.period_to = D(2024, 6, 30);
    cl = compute(snap, n, &o);
    t = totals_of(cl);
    assert_int_equal(t.coupling_started, 3);
    assert_int_equal(t.coupling_within, 2);
    assert_near(t.coupling_median_workdays, 2.0, TOL);
    t = group_of(cl, JBW_GROUP_ORGANISATION, "GA");
    assert_near(t.coupling_median_workdays, 2.0, TOL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/* ---------------------------------------------------------------------- */
/* Groups                                                                 */
/* ---------------------------------------------------------------------- */

static void totals_by_organisation_and_region_sum_by_hand(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_totals t;
    const char *key = NULL;
    (void)state;
    /* figures worked in unit child: the Significant children norm */
    assert_ok(jbw_norm_new_named(&n, "significant-children"));
    cl = compute(snap, n, NULL);
    /* registry order, empty groups included */
    assert_int_equal(jbw_caseload_group_count(cl, JBW_GROUP_ORGANISATION), 3);
    assert_int_equal(jbw_caseload_group_count(cl, JBW_GROUP_REGION), 3);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    assert_ok(jbw_caseload_group_get(&t, &key, cl, JBW_GROUP_REGION, 2));
    assert_string_equal(key, "R3");
    assert_ok(jbw_caseload_group_get(&t, NULL, cl, JBW_GROUP_ORGANISATION, 0));

    /* GA: m1-m8 active = 8; assigned m1-m5, m8 = 6; children c1-c7 = 7;
     * families f1 f2 c4 c5 f3 c7 = 6; workers W1 W2 W3 W7 = 4;
     * available 1 + 0.8 + 1 + 0.5 = 3.3; effective 1 + 0.6 + 0.5 + 0.5 =
     * 2.6; capacity 12 + 7.2 + 6 + 6 = 31.2; load 2 + 2 + 1 + 0 = 5;
     * free 10 + 5.2 + 5 + 6 = 26.2; required 7 / 12. */
    t = group_of(cl, JBW_GROUP_ORGANISATION, "GA");
    assert_int_equal(t.active_measures, 8);
    assert_int_equal(t.assigned, 6);
    assert_int_equal(t.children, 7);
    assert_int_equal(t.families, 6);
    assert_int_equal(t.workers, 4);
    assert_near(t.available_fte, 3.3, TOL);
    assert_near(t.effective_fte, 2.6, TOL);
    assert_near(t.capacity, 31.2, TOL);
    assert_near(t.load, 5.0, TOL);
    assert_near(t.free_capacity, 26.2, TOL);
    assert_near(t.required_fte, 7.0 / 12.0, TOL);
    assert_near(t.fte_gap, 7.0 / 12.0 - 2.6, TOL);
    assert_int_equal(t.by_kind[JBW_KIND_OTS], 5); /* m1 m4 m5 m7 m8 */

    /* GB: m9, m11, m12, m13 = 4, all assigned; children c8 c10 c11 c12;
     * families c8 c10 f4 = 3; workers W4 W6; capacity 6 + 7.2 = 13.2;
     * free 5 + 5.2 = 10.2; required 4 / 12 */
    t = group_of(cl, JBW_GROUP_ORGANISATION, "GB");
    assert_int_equal(t.active_measures, 4);
    assert_int_equal(t.children, 4);
    assert_int_equal(t.families, 3);
    assert_near(t.capacity, 13.2, TOL);
    assert_near(t.free_capacity, 10.2, TOL);
    assert_near(t.required_fte, 4.0 / 12.0, TOL);

    /* GC: an organisation with no data is listed with zeros */
    t = group_of(cl, JBW_GROUP_ORGANISATION, "GC");
    assert_int_equal(t.active_measures, 0);
    assert_int_equal(t.workers, 0);
    assert_near(t.required_fte, 0.0, 0);

    /* R1: m1 m2 m3 m4 m7 m8 m11 m12 = 8; assigned 7 (all but m7);
     * children c1 c2 c3 c6 c7 c10 c11 = 7; workers W1 W2 W6 = 3 (W7 has
     * no region); available 1 + 0.8 + 0.6 = 2.4; capacity 12 + 7.2 + 7.2
     * = 26.4; load 2 + 2 + 2 = 6: W6's load counts in W6's region R1
     * even for c12, whose measure m13 counts in R2. */
    t = group_of(cl, JBW_GROUP_REGION, "R1");
    assert_int_equal(t.active_measures, 8);
    assert_int_equal(t.assigned, 7);
    assert_int_equal(t.children, 7);
    assert_int_equal(t.workers, 3);
    assert_near(t.available_fte, 2.4, TOL);
    assert_near(t.capacity, 26.4, TOL);
    assert_near(t.load, 6.0, TOL);
    assert_near(t.required_fte, 7.0 / 12.0, TOL);

    /* R2: m5 m6 m9 m13 = 4; assigned m5 m9 m13 = 3; nieuw m6; children
     * c4 c5 c8 c12 = 4; workers W3 W4; available 1.5; effective 1.0 */
    t = group_of(cl, JBW_GROUP_REGION, "R2");
    assert_int_equal(t.active_measures, 4);
    assert_int_equal(t.assigned, 3);
    assert_int_equal(t.waiting_nieuw, 1);
    assert_int_equal(t.children, 4);
    assert_int_equal(t.workers, 2);
    assert_near(t.available_fte, 1.5, TOL);
    assert_near(t.effective_fte, 1.0, TOL);
    assert_near(t.required_fte, 4.0 / 12.0, TOL);

    /* R3: nothing */
    t = group_of(cl, JBW_GROUP_REGION, "R3");
    assert_int_equal(t.active_measures, 0);
    assert_int_equal(t.workers, 0);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/*
 * Children and families whose active measures lie in several
 * organisations or regions count once in the whole and once in each of
 * those groups, whichever norm is used: the norm's unit is counted with
 * its weights, the other units are only counted. Reference date
 * 2025-06-16; every measure starts 2025-01-06 and is assigned, to W1
 * (GA) or W2 (GB).
 *
 *  a1 k1 g1 GA R1     a6 k4 g3 GB R2
 *  a2 k2 g1 GB R1     a7 k5 g3 GA R2
 *  a3 k1 g1 GA R2     a8 k4 g3 GB R1, ended 2025-06-01 (inactive)
 *  a4 k3 g2 GA R1     a9 k6 g4 GB R1, ended 2025-06-01 (inactive)
 *  a5 k3 g2 GA R1     b1 k7 g5 GA R1, b2 k7 g5 GB R1, b3 k7 g5 GA R1
 *
 * Children k1 (GA; R1, R2), k2 (GB R1), k3 (GA R1, twice), k4 (GB R2:
 * a8 is inactive), k5 (GA R2), k7 (GA, GB; R1); k6 has no active
 * measure: 6 children; GA k1 k3 k5 k7 = 4; GB k2 k4 k7 = 3; R1 k1 k2 k3
 * k7 = 4; R2 k1 k4 k5 = 3.
 * Families g1 (GA, GB; R1, R2), g2 (GA R1), g3 (GB, GA; R2), g5 (GA,
 * GB; R1); g4 has none: 4 families; GA g1 g2 g3 g5 = 4; GB g1 g3 g5 = 3;
 * R1 g1 g2 g5 = 3; R2 g1 g3 = 2.
 */
static void units_in_several_groups_count_once_in_each(void **state)
{
    static const char *const norms[] = {"fnv-gi-2023", "significant-children",
                                        "significant-families"};
    static const struct {
        const char *id, *child, *family, *org, *region;
        int ended;
    } rows[] = {
        {"a1", "k1", "g1", "GA", "R1", 0}, {"a2", "k2", "g1", "GB", "R1", 0},
        {"a3", "k1", "g1", "GA", "R2", 0}, {"a4", "k3", "g2", "GA", "R1", 0},
        {"a5", "k3", "g2", "GA", "R1", 0}, {"a6", "k4", "g3", "GB", "R2", 0},
        {"a7", "k5", "g3", "GA", "R2", 0}, {"a8", "k4", "g3", "GB", "R1", 1},
        {"a9", "k6", "g4", "GB", "R1", 1}, {"b1", "k7", "g5", "GA", "R1", 0},
        {"b2", "k7", "g5", "GB", "R1", 0}, {"b3", "k7", "g5", "GA", "R1", 0},
    };
    jbw_snapshot *snap = NULL;
    size_t i, k;
    (void)state;
    snap = tiny_snapshot(D(2025, 6, 16));
    jbw_test_add_worker(snap, "W1", "GA", "R1", 1.0, D(2020, 1, 1), NONE);
    jbw_test_add_worker(snap, "W2", "GB", "R1", 1.0, D(2020, 1, 1), NONE);
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
        add_measure(snap, rows[i].id, rows[i].child, rows[i].family,
                    JBW_KIND_OTS, rows[i].org, rows[i].region, D(2025, 1, 6),
                    rows[i].ended ? D(2025, 6, 1) : NONE,
                    rows[i].org[1] == 'A' ? "W1" : "W2", D(2025, 1, 7));
    for (k = 0; k < sizeof norms / sizeof norms[0]; k++) {
        jbw_norm *n = NULL;
        jbw_caseload *cl;
        jbw_caseload_totals t;
        assert_ok(jbw_norm_new_named(&n, norms[k]));
        cl = compute(snap, n, NULL);
        t = totals_of(cl);
        assert_int_equal(t.active_measures, 10);
        assert_int_equal(t.children, 6);
        assert_int_equal(t.families, 4);
        t = group_of(cl, JBW_GROUP_ORGANISATION, "GA");
        assert_int_equal(t.children, 4);
        assert_int_equal(t.families, 4);
        t = group_of(cl, JBW_GROUP_ORGANISATION, "GB");
        assert_int_equal(t.children, 3);
        assert_int_equal(t.families, 3);
        t = group_of(cl, JBW_GROUP_ORGANISATION, "GC");
        assert_int_equal(t.children, 0);
        assert_int_equal(t.families, 0);
        t = group_of(cl, JBW_GROUP_REGION, "R1");
        assert_int_equal(t.children, 4);
        assert_int_equal(t.families, 3);
        t = group_of(cl, JBW_GROUP_REGION, "R2");
        assert_int_equal(t.children, 3);
        assert_int_equal(t.families, 2);
        t = group_of(cl, JBW_GROUP_REGION, "R3");
        assert_int_equal(t.children, 0);
        assert_int_equal(t.families, 0);
        jbw_caseload_free(cl);
        jbw_norm_free(n);
    }
    jbw_snapshot_free(snap);
}

static void zuid_west_groups_follow_registry_order(void **state)
{
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    size_t i;
    (void)state;
    assert_ok(jbw_registry_zuid_west(&reg));
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    jbw_test_add_worker(snap, "Z1", "JBWEST", "ZHZ", 1.0, D(2022, 1, 1), NONE);
    add_measure(snap, "zm1", "zc1", NULL, JBW_KIND_OTS, "JBWEST", "ZHZ",
                D(2025, 1, 6), NONE, "Z1", D(2025, 1, 7));
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    /* 3 GI's and 4 regions, as the registry lists them */
    assert_int_equal(jbw_caseload_group_count(cl, JBW_GROUP_ORGANISATION),
                     jbw_registry_organisation_count(reg));
    assert_int_equal(jbw_caseload_group_count(cl, JBW_GROUP_REGION),
                     jbw_registry_region_count(reg));
    assert_int_equal(jbw_caseload_group_count(cl, JBW_GROUP_REGION), 4);
    for (i = 0; i < 4; i++) {
        jbw_region_info info;
        jbw_caseload_totals t;
        const char *key = NULL;
        info.version = JBW_REGION_INFO_VERSION;
        t.version = JBW_CASELOAD_TOTALS_VERSION;
        assert_ok(jbw_registry_region(&info, reg, i));
        assert_ok(jbw_caseload_group_get(&t, &key, cl, JBW_GROUP_REGION, i));
        assert_string_equal(key, info.key);
        /* the one measure is in ZHZ, the others are empty */
        assert_int_equal(t.active_measures,
                         strcmp(info.key, "ZHZ") == 0 ? 1 : 0);
    }
    assert_int_equal(jbw_caseload_group_count(NULL, JBW_GROUP_REGION), 0);
    assert_int_equal(jbw_caseload_group_count(cl, (jbw_group)5), 0);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
}

/* ---------------------------------------------------------------------- */
/* Status                                                                 */
/* ---------------------------------------------------------------------- */

static void status_is_under_at_over_at_the_thresholds(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    const int32_t months[2] = {0, 1};
    const double frac[2] = {0.0, 1.0};
    static const char *const ids[4] = {"A", "B", "C", "D"};
    static const size_t loads[4] = {8, 9, 10, 11};
    char mid[16], cid[16];
    size_t w, k, seq = 0;
    jbw_worker_load line;
    (void)state;
    snap = tiny_snapshot(D(2025, 6, 16));
    for (w = 0; w < 4; w++) {
        jbw_test_add_worker(snap, ids[w], "GA", "R1", 1.0, D(2020, 1, 1), NONE);
        for (k = 0; k < loads[w]; k++) {
            seq++;
            snprintf(mid, sizeof mid, "s%zu", seq);
            snprintf(cid, sizeof cid, "k%zu", seq);
            add_measure(snap, mid, cid, NULL, JBW_KIND_OTS, "GA", "R1",
                        D(2024, 1, 1), NONE, ids[w], D(2024, 1, 2));
        }
    }
    /* E: hired on the date, tenure 0, ramp 0 under this norm */
    jbw_test_add_worker(snap, "E", "GA", "R1", 1.0, D(2025, 6, 16), NONE);
    /* unit measure, 10 per FTE, ramp 0 in month 0 then 1 */
    assert_ok(jbw_norm_new_default(&n));
    assert_ok(jbw_norm_set_unit(n, JBW_UNIT_MEASURE));
    assert_ok(jbw_norm_set_caseload_per_fte(n, 10.0));
    assert_ok(jbw_norm_set_ramp(n, months, frac, 2));
    cl = compute(snap, n, NULL);
    /* capacity 1 x 1 x 10 = 10 each: ratios 0.8, 0.9, 1.0, 1.1 */
    line = worker_of(cl, "A");
    assert_near(line.ratio, 0.8, TOL);
    assert_int_equal(line.status, JBW_LOAD_UNDER); /* 0.8 < 0.9 */
    line = worker_of(cl, "B");
    assert_true(line.ratio == 0.9); /* 9 / 10 rounds to the double 0.9 */
    assert_int_equal(line.status, JBW_LOAD_AT); /* 0.9 is not < 0.9 */
    line = worker_of(cl, "C");
    assert_true(line.ratio == 1.0);
    assert_int_equal(line.status, JBW_LOAD_AT); /* 1.0 is not > 1.0 */
    line = worker_of(cl, "D");
    assert_int_equal(line.status, JBW_LOAD_OVER); /* 1.1 > 1.0 */
    /* E: fte 1 but ramp 0: capacity 0, ratio NaN */
    line = worker_of(cl, "E");
    assert_near(line.capacity, 0.0, 0);
    assert_true(isnan(line.ratio));
    assert_int_equal(line.status, JBW_LOAD_NO_CAPACITY);
    /* free capacity: A 2 + B 1 + C 0 + D max(0, -1) = 0 + E 0 = 3 */
    assert_near(totals_of(cl).free_capacity, 3.0, TOL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/* ---------------------------------------------------------------------- */
/* Bad input                                                              */
/* ---------------------------------------------------------------------- */

static void date_before_every_hire_is_erange(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload *cl = (jbw_caseload *)&cl;
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    assert_ok(jbw_calendar_new(&cal, NULL));
    /* the first hire is W7 on 2015-01-01 */
    o.date = D(2014, 12, 31);
    assert_status(jbw_caseload_compute(&cl, snap, n, cal, &o), JBW_ERANGE);
    assert_error_contains("before every hire");
    assert_error_contains("2015-01-01");
    assert_ptr_equal(cl, (jbw_caseload *)&cl);
    /* on the day of the first hire it works: only W7 employed */
    o.date = D(2015, 1, 1);
    o.period_from = D(2015, 1, 1);
    assert_ok(jbw_caseload_compute(&cl, snap, n, cal, &o));
    assert_int_equal(jbw_caseload_worker_count(cl), 1);
    jbw_caseload_free(cl);
    jbw_calendar_free(cal);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void compute_rejects_null_version_and_bad_options(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload *cl = (jbw_caseload *)&cl;
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_status(jbw_caseload_compute(NULL, snap, n, cal, NULL), JBW_EINVAL);
    assert_status(jbw_caseload_compute(&cl, NULL, n, cal, NULL), JBW_EINVAL);
    assert_error_contains("snapshot");
    assert_status(jbw_caseload_compute(&cl, snap, NULL, cal, NULL), JBW_EINVAL);
    assert_error_contains("norm");
    assert_status(jbw_caseload_compute(&cl, snap, n, NULL, NULL), JBW_EINVAL);
    assert_error_contains("calendar");
    o.version = 99;
    assert_status(jbw_caseload_compute(&cl, snap, n, cal, &o), JBW_EVERSION);
    assert_error_contains("99");
    o.version = JBW_CASELOAD_OPTIONS_VERSION;
    o.coupling_workdays = -1;
    assert_status(jbw_caseload_compute(&cl, snap, n, cal, &o), JBW_EINVAL);
    assert_error_contains("coupling_workdays -1");
    o.coupling_workdays = 5;
    o.period_from = D(2025, 6, 1);
    o.period_to = D(2025, 5, 1);
    assert_status(jbw_caseload_compute(&cl, snap, n, cal, &o), JBW_EINVAL);
    assert_error_contains("before it starts");
    o.period_to = D(2025, 6, 17);
    assert_status(jbw_caseload_compute(&cl, snap, n, cal, &o), JBW_EINVAL);
    assert_error_contains("after the caseload date");
    o.period_from = NONE;
    o.period_to = NONE;
    o.date = 1000000; /* year 4707 */
    assert_status(jbw_caseload_compute(&cl, snap, n, cal, &o), JBW_ERANGE);
    o.date = NONE;
    o.period_from = -30000; /* 1887 */
    assert_status(jbw_caseload_compute(&cl, snap, n, cal, &o), JBW_ERANGE);
    assert_ptr_equal(cl, (jbw_caseload *)&cl);
    jbw_calendar_free(cal);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void options_init_sets_defaults_and_checks_version(void **state)
{
    jbw_caseload_options o;
    (void)state;
    memset(&o, 0xAB, sizeof o);
    assert_ok(jbw_caseload_options_init(&o, JBW_CASELOAD_OPTIONS_VERSION));
    assert_int_equal(o.version, JBW_CASELOAD_OPTIONS_VERSION);
    assert_int_equal(o.date, NONE);
    assert_int_equal(o.period_from, NONE);
    assert_int_equal(o.period_to, NONE);
    assert_int_equal(o.coupling_workdays, 5); /* docs/sources.md: 5 werkdagen */
    assert_status(jbw_caseload_options_init(&o, 2), JBW_EVERSION);
    assert_status(jbw_caseload_options_init(NULL, 1), JBW_EINVAL);
}

static void result_getters_check_null_version_and_range(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_totals t;
    jbw_worker_load w;
    const char *key = "untouched";
    (void)state;
    /* figures worked in unit child: the Significant children norm */
    assert_ok(jbw_norm_new_named(&n, "significant-children"));
    cl = compute(snap, n, NULL);
    memset(&t, 0, sizeof t);
    t.version = 3; /* versions 1 and 2 exist */
    assert_status(jbw_caseload_totals_get(&t, cl), JBW_EVERSION);
    assert_int_equal(t.active_measures, 0);
    assert_status(jbw_caseload_totals_get(NULL, cl), JBW_EINVAL);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    assert_status(jbw_caseload_totals_get(&t, NULL), JBW_EINVAL);
    assert_status(jbw_caseload_group_get(&t, &key, cl, JBW_GROUP_REGION, 3),
                  JBW_ERANGE);
    assert_error_contains("region index 3");
    assert_string_equal(key, "untouched");
    assert_status(jbw_caseload_group_get(&t, &key, cl, (jbw_group)9, 0),
                  JBW_EINVAL);
    t.version = 0;
    assert_status(jbw_caseload_group_get(&t, &key, cl, JBW_GROUP_REGION, 0),
                  JBW_EVERSION);
    assert_string_equal(key, "untouched");
    memset(&w, 0, sizeof w);
    w.version = JBW_WORKER_LOAD_VERSION;
    assert_status(jbw_caseload_worker_get(&w, cl, 6), JBW_ERANGE);
    assert_null(w.id);
    w.version = 7;
    assert_status(jbw_caseload_worker_get(&w, cl, 0), JBW_EVERSION);
    assert_status(jbw_caseload_worker_get(NULL, cl, 0), JBW_EINVAL);
    assert_int_equal(jbw_caseload_worker_count(NULL), 0);
    assert_int_equal(jbw_caseload_date(NULL), NONE);
    assert_status(jbw_caseload_period(NULL, NULL, NULL, NULL), JBW_EINVAL);
    assert_null(jbw_caseload_norm(NULL));
    assert_string_equal(jbw_norm_name(jbw_caseload_norm(cl)),
                        "Significant children");
    jbw_caseload_free(cl);
    jbw_caseload_free(NULL);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void snapshot_without_workers_has_no_capacity(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    jbw_caseload_totals t;
    (void)state;
    snap = tiny_snapshot(D(2025, 6, 16));
    add_measure(snap, "x1", "y1", NULL, JBW_KIND_VOTS, "GB", "R2",
                D(2025, 6, 2), NONE, NULL, NONE);
    assert_ok(jbw_norm_new_default(&n));
    cl = compute(snap, n, NULL);
    t = totals_of(cl);
    /* one waiting child, no worker: required 1/12, effective 0, gap 1/12 */
    assert_int_equal(t.workers, 0);
    assert_int_equal(t.waiting_nieuw, 1);
    assert_near(t.required_fte, 1.0 / 12.0, TOL);
    assert_near(t.fte_gap, 1.0 / 12.0, TOL);
    /* started 06-02 (Mon): 06-16 is 2 weeks = 10 werkdagen minus Tweede
     * Pinksterdag 06-09 = 9 > 5: waiting past the norm; no median */
    assert_int_equal(t.coupling_waiting_past, 1);
    assert_true(isnan(t.coupling_median_workdays));
    assert_near(t.coupling_within_pct, 0.0, 0);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/* ---------------------------------------------------------------------- */
/* Output                                                                 */
/* ---------------------------------------------------------------------- */

static void assert_has(const char *text, const char *needle)
{
    if (!strstr(text, needle))
        fail_msg("output lacks '%s':\n%s", needle, text);
}

/*
 * Worker ids may hold '"' and '\\' (not control characters): in the JSON
 * each becomes a two-byte escape wherever it stands, in ids short and
 * long (the writer tests eight bytes at a time, the last eight
 * overlapping). Ids "aaa...", n bytes with one special byte at k: the
 * JSON holds "id":" then k a's, the escape, n - k - 1 a's, then '"'.
 */
static void caseload_json_escapes_quotes_and_backslashes_anywhere(void **state)
{
    static const char specials[2] = {'"', '\\'};
    jbw_snapshot *snap;
    jbw_caseload *cl;
    char id[24], want[64], *json = NULL;
    size_t n, k, s, j;
    (void)state;
    snap = jbw_test_snapshot(D(2025, 6, 16), 1, (const char *const[]){"1"}, 1);
    for (s = 0; s < 2; s++)
        for (n = 1; n <= 20; n++)
            for (k = 0; k < n; k++) {
                memset(id, 'a', n);
                id[n] = '\0';
                id[k] = specials[s];
                jbw_test_add_worker(snap, id, "G1", "R1", 1.0, D(2020, 1, 1),
                                    NONE);
            }
    cl = jbw_test_caseload(snap, D(2025, 6, 16));
    assert_ok(jbw_caseload_json(&json, NULL, cl));
    for (s = 0; s < 2; s++)
        for (n = 1; n <= 20; n++)
            for (k = 0; k < n; k++) {
                char *w = want + sprintf(want, "{\"id\":\"");
                for (j = 0; j < n; j++) {
                    if (j == k) {
                        *w++ = '\\';
                        *w++ = specials[s];
                    } else {
                        *w++ = 'a';
                    }
                }
                strcpy(w, "\",\"organisation\":\"G1\"");
                assert_has(json, want);
            }
    jbw_free(json);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

static void caseload_json_has_the_issue_keys(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    char *json = NULL;
    size_t len = 0;
    (void)state;
    /* figures worked in unit child: the Significant children norm */
    assert_ok(jbw_norm_new_named(&n, "significant-children"));
    cl = compute(snap, n, NULL);
    assert_ok(jbw_caseload_json(&json, &len, cl));
    assert_int_equal(len, strlen(json));
    assert_has(json, "{\"date\":\"2025-06-16\"");
    assert_has(json,
               "\"norm\":{\"name\":\"Significant children\",\"unit\":\"child\","
               "\"caseload_per_fte\":12}");
    assert_has(json, "\"coupling_period\":{\"from\":\"2025-03-16\",\"to\":"
                     "\"2025-06-16\"}");
    assert_has(json, "\"coupling_workdays\":5");
    /* totals, figures as in children_norm_totals_of_the_main_snapshot:
     * required 11/12 = 0.917, gap 0.9167 - 3.7 = -2.783 (3 decimals) */
    assert_has(json, "\"totals\":{\"active_measures\":12,\"children\":11,"
                     "\"families\":9,\"assigned\":10,\"waiting_nieuw\":1,"
                     "\"waiting_bestaand\":1,\"required_fte\":0.917,"
                     "\"available_fte\":4.4,\"effective_fte\":3.7,"
                     "\"fte_gap\":-2.783,\"free_capacity\":36.4,"
                     "\"coupling_within_5_werkdagen_pct\":50,");
    assert_has(json, "\"coupling_median_workdays\":5,\"by_kind\":{\"OTS\":8,"
                     "\"VOTS\":1,\"VOOGDIJ\":1,");
    assert_has(
        json,
        "\"by_organisation\":[\n  {\"key\":\"GA\",\"active_measures\":8,");
    assert_has(json, "\"by_region\":[");
    /* R3: nothing started, so the percentage is null */
    assert_has(json, "{\"key\":\"R3\",\"active_measures\":0,");
    assert_has(json, "\"coupling_within_5_werkdagen_pct\":null");
    /* W2: ratio 2 / 7.2 = 0.2778 -> 0.278 */
    assert_has(json, "{\"id\":\"W2\",\"organisation\":\"GA\",\"region\":\"R1\","
                     "\"fte\":0.8,\"tenure_months\":3,\"effective_fte\":0.6,"
                     "\"capacity\":7.2,\"load\":2,\"ratio\":0.278,"
                     "\"status\":\"under\",\"measures\":2}");
    assert_has(json, "{\"id\":\"W7\",\"organisation\":\"GA\",\"region\":null,");
    assert_null(strstr(json, "\"W5\""));
    jbw_free(json);
    assert_status(jbw_caseload_json(NULL, NULL, cl), JBW_EINVAL);
    assert_status(jbw_caseload_json(&json, NULL, NULL), JBW_EINVAL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void caseload_csv_has_one_row_per_scope(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    char *csv = NULL;
    (void)state;
    /* figures worked in unit child: the Significant children norm */
    assert_ok(jbw_norm_new_named(&n, "significant-children"));
    cl = compute(snap, n, NULL);
    assert_ok(jbw_caseload_csv(&csv, NULL, cl));
    assert_has(csv, "scope,key,active_measures,children,families,assigned,"
                    "waiting_nieuw,waiting_bestaand,workers,required_fte,");
    assert_has(csv, ",kind_OTS,kind_VOTS,");
    /* total: 12 active, 11 children, 9 families, 10 assigned, 1 nieuw,
     * 1 bestaand, 6 workers, 0.917 required, 4.4 available, 3.7
     * effective, -2.783 gap, 36.4 free, 8 load, 44.4 capacity, 4 started,
     * 2 within, 1 past, 50%, median 5; kinds OTS 8 VOTS 1 VOOGDIJ 1
     * VV 0 TV 0 JR_TB_GEDWONGEN 2 and six JR kinds 0; no measure has
     * help dates: 0 waiting for help, 0 past the norm */
    assert_has(csv, "\ntotal,,12,11,9,10,1,1,6,0.917,4.4,3.7,-2.783,36.4,8,"
                    "44.4,4,2,1,50,5,8,1,1,0,0,2,0,0,0,0,0,0,0,0\n");
    /* R3: empty percentage and median */
    assert_has(csv, "\nregion,R3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,,0,");
    assert_has(csv, "\norganisation,GC,");
    jbw_free(csv);
    assert_ok(jbw_caseload_workers_csv(&csv, NULL, cl));
    assert_has(csv, "id,organisation,region,fte,tenure_months,effective_fte,"
                    "capacity,load,ratio,status,measures\n");
    /* W3: 1 FTE, tenure 2, eff 0.5, cap 6, load 1, ratio 1/6 = 0.167 */
    assert_has(csv, "\nW3,GA,R2,1,2,0.5,6,1,0.167,under,1\n");
    assert_has(csv, "\nW7,GA,,0.5,125,0.5,6,0,0,under,0\n");
    jbw_free(csv);
    assert_status(jbw_caseload_csv(NULL, NULL, cl), JBW_EINVAL);
    assert_status(jbw_caseload_workers_csv(&csv, NULL, NULL), JBW_EINVAL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

static void caseload_text_report_has_every_table(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_caseload *cl;
    char *text = NULL;
    (void)state;
    /* figures worked in unit child: the Significant children norm */
    assert_ok(jbw_norm_new_named(&n, "significant-children"));
    cl = compute(snap, n, NULL);
    assert_ok(jbw_caseload_text(&text, NULL, cl));
    assert_has(text, "Caseload on 2025-06-16\n");
    assert_has(text, "Norm: Significant children, 12 children per FTE");
    assert_has(text, "within 5 werkdagen");
    assert_has(text, "\nTotals\n");
    assert_has(text, "  active measures  ");
    assert_has(text, "\nBy organisation\n");
    assert_has(text, "\nBy region");
    assert_has(text, "\nActive measures by kind\n");
    assert_has(text, "\nWorkers employed on the date\n");
    assert_null(strstr(text, "W5"));
    jbw_free(text);
    assert_status(jbw_caseload_text(NULL, NULL, cl), JBW_EINVAL);
    jbw_caseload_free(cl);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/* ---------------------------------------------------------------------- */
/* Series                                                                 */
/* ---------------------------------------------------------------------- */

static jbw_series_point point_at(const jbw_series *s, size_t i)
{
    jbw_series_point p;
    memset(&p, 0, sizeof p);
    p.version = JBW_SERIES_POINT_VERSION;
    assert_ok(jbw_series_get(&p, s, i));
    return p;
}

/* The Zuid-Holland Zuid series (docs/sources.md), added out of order. */
static jbw_series *zhz_series(void)
{
    jbw_series *s = NULL;
    assert_ok(jbw_series_new(&s, "Zuid-Holland Zuid"));
    assert_ok(jbw_series_add(s, D(2025, 9, 1), 26, 11));
    assert_ok(jbw_series_add(s, D(2024, 9, 20), 41, 72));
    assert_ok(jbw_series_add(s, D(2025, 4, 1), 48, 32));
    assert_ok(jbw_series_add(s, D(2024, 12, 1), 43, 64));
    assert_ok(jbw_series_add(s, D(2025, 7, 1), 28, 9));
    assert_ok(jbw_series_add(s, D(2025, 1, 1), 32, 64));
    assert_ok(jbw_series_add(s, D(2025, 8, 1), 29, 6));
    return s;
}

static void series_keeps_date_order_changes_and_share_bestaand(void **state)
{
    jbw_series *s = zhz_series();
    jbw_series_point p;
    (void)state;
    assert_string_equal(jbw_series_title(s), "Zuid-Holland Zuid");
    assert_int_equal(jbw_series_count(s), 7);
    /* 2024-09-20: 41 + 72 = 113, share 72/113, no change for the first */
    p = point_at(s, 0);
    assert_int_equal(p.date, D(2024, 9, 20));
    assert_int_equal(p.total, 113);
    assert_near(p.share_bestaand, 72.0 / 113.0, TOL);
    assert_int_equal(p.change_nieuw, 0);
    assert_int_equal(p.change_total, 0);
    /* 2024-12-01: 43 + 64 = 107; 43-41 = +2, 64-72 = -8, 107-113 = -6 */
    p = point_at(s, 1);
    assert_int_equal(p.total, 107);
    assert_int_equal(p.change_nieuw, 2);
    assert_int_equal(p.change_bestaand, -8);
    assert_int_equal(p.change_total, -6);
    /* 2025-01-01: 32 + 64 = 96; -11, 0, -11 */
    p = point_at(s, 2);
    assert_int_equal(p.total, 96);
    assert_int_equal(p.change_nieuw, -11);
    assert_int_equal(p.change_bestaand, 0);
    assert_int_equal(p.change_total, -11);
    /* 2025-04-01: 48 + 32 = 80; +16, -32, -16; share 32/80 = 0.4 */
    p = point_at(s, 3);
    assert_int_equal(p.total, 80);
    assert_int_equal(p.change_nieuw, 16);
    assert_int_equal(p.change_bestaand, -32);
    assert_near(p.share_bestaand, 0.4, TOL);
    /* 2025-07-01: 28 + 9 = 37; -20, -23, -43 */
    p = point_at(s, 4);
    assert_int_equal(p.total, 37);
    assert_int_equal(p.change_total, -43);
    /* 2025-08-01: 29 + 6 = 35; +1, -3, -2 */
    p = point_at(s, 5);
    assert_int_equal(p.total, 35);
    assert_int_equal(p.change_nieuw, 1);
    assert_int_equal(p.change_total, -2);
    /* 2025-09-01: 26 + 11 = 37; -3, +5, +2; share 11/37 */
    p = point_at(s, 6);
    assert_int_equal(p.date, D(2025, 9, 1));
    assert_int_equal(p.change_nieuw, -3);
    assert_int_equal(p.change_bestaand, 5);
    assert_int_equal(p.change_total, 2);
    assert_near(p.share_bestaand, 11.0 / 37.0, TOL);
    jbw_series_free(s);
}

static void series_rejects_duplicates_bad_dates_and_versions(void **state)
{
    jbw_series *s = zhz_series(), *keep = (jbw_series *)&keep;
    jbw_series_point p;
    (void)state;
    assert_status(jbw_series_add(s, D(2025, 1, 1), 1, 1), JBW_EDUPLICATE);
    assert_error_contains("2025-01-01");
    assert_status(jbw_series_add(s, NONE, 1, 1), JBW_ERANGE);
    assert_status(jbw_series_add(s, 1000000, 1, 1), JBW_ERANGE);
    assert_status(jbw_series_add(s, D(2026, 1, 1), (size_t)-1, 0), JBW_ERANGE);
    assert_status(jbw_series_add(NULL, D(2026, 1, 1), 1, 1), JBW_EINVAL);
    assert_int_equal(jbw_series_count(s), 7);
    memset(&p, 0, sizeof p);
    p.version = 3;
    assert_status(jbw_series_get(&p, s, 0), JBW_EVERSION);
    p.version = JBW_SERIES_POINT_VERSION;
    assert_status(jbw_series_get(&p, s, 7), JBW_ERANGE);
    assert_int_equal(p.total, 0);
    assert_status(jbw_series_get(NULL, s, 0), JBW_EINVAL);
    assert_status(jbw_series_new(NULL, "x"), JBW_EINVAL);
    assert_int_equal(jbw_series_count(NULL), 0);
    assert_null(jbw_series_title(NULL));
    jbw_series_free(s);
    jbw_series_free(NULL);
    /* no title: "" */
    assert_ok(jbw_series_new(&keep, NULL));
    assert_string_equal(jbw_series_title(keep), "");
    /* a point with nobody waiting has no share */
    assert_ok(jbw_series_add(keep, D(2025, 1, 1), 0, 0));
    assert_true(isnan(point_at(keep, 0).share_bestaand));
    jbw_series_free(keep);
}

static void series_from_snapshot_counts_nieuw_and_bestaand(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_series *s = NULL;
    jbw_series_point p;
    (void)state;
    assert_ok(jbw_series_new(&s, "GA"));
    /* 2025-06-16: m6 nieuw, m7 bestaand */
    assert_ok(jbw_series_add_snapshot(s, snap, D(2025, 6, 16), "GA", NULL));
    /* 2025-05-01: m7's wait begins; m6 has not started: 0 nieuw, 1 */
    assert_ok(jbw_series_add_snapshot(s, snap, D(2025, 5, 1), "GA", NULL));
    p = point_at(s, 0);
    assert_int_equal(p.date, D(2025, 5, 1));
    assert_int_equal(p.nieuw, 0);
    assert_int_equal(p.bestaand, 1);
    p = point_at(s, 1);
    assert_int_equal(p.nieuw, 1);
    assert_int_equal(p.bestaand, 1);
    assert_int_equal(p.change_nieuw, 1);
    assert_near(p.share_bestaand, 0.5, TOL);
    /* unknown organisation: the snapshot's error, nothing added */
    assert_status(jbw_series_add_snapshot(s, snap, D(2025, 6, 1), "NOPE", NULL),
                  JBW_ENOTFOUND);
    assert_int_equal(jbw_series_count(s), 2);
    assert_status(jbw_series_add_snapshot(s, NULL, D(2025, 6, 1), NULL, NULL),
                  JBW_EINVAL);
    jbw_series_free(s);
    jbw_snapshot_free(snap);
}

/* A series counted from snapshots counts measures and says so; one given
 * counts (a published letter) counts children; a mix says children. */
static void series_names_what_it_counts(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_series *s = NULL;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *out = NULL;
    (void)state;
    assert_int_equal(jbw_series_counts_measures(NULL), 0);
    assert_ok(jbw_series_new(&s, "GA"));
    assert_int_equal(jbw_series_counts_measures(s), 0); /* empty */
    assert_ok(jbw_series_add_snapshot(s, snap, D(2025, 6, 16), "GA", NULL));
    /* a failed add leaves it as it was */
    assert_status(jbw_series_add_snapshot(s, snap, D(2025, 6, 16), "GA", NULL),
                  JBW_EDUPLICATE);
    assert_int_equal(jbw_series_counts_measures(s), 1);
    assert_ok(jbw_series_text_lang(&out, NULL, s, JBW_LANG_NL));
    assert_non_null(
        strstr(out, "Maatregelen zonder vaste jeugdbeschermer: GA"));
    jbw_free(out);
    assert_ok(jbw_chart_series_svg(&out, NULL, s, &o));
    assert_non_null(strstr(out, ">Maatregelen zonder vaste jeugdbeschermer"));
    assert_non_null(strstr(out, ">maatregelen (aantal)</text>"));
    assert_null(strstr(out, "eugdigen"));
    jbw_free(out);
    /* one point given as counts: the series counts children */
    assert_ok(jbw_series_add(s, D(2025, 1, 1), 3, 2));
    assert_int_equal(jbw_series_counts_measures(s), 0);
    assert_ok(jbw_series_text_lang(&out, NULL, s, JBW_LANG_EN));
    assert_non_null(strstr(out, "Children without a fixed jeugdbeschermer"));
    jbw_free(out);
    jbw_series_free(s);
    jbw_snapshot_free(snap);
}

static void series_outputs_csv_json_text(void **state)
{
    jbw_series *s = zhz_series();
    char *out = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_series_csv(&out, &len, s));
    assert_int_equal(len, strlen(out));
    assert_has(out, "date,nieuw,bestaand,total,share_bestaand,change_nieuw,"
                    "change_bestaand,change_total\n");
    /* 72/113 = 0.63717 -> 0.6372; the first point has no change */
    assert_has(out, "2024-09-20,41,72,113,0.6372,,,\n");
    /* 32/80 = 0.4 */
    assert_has(out, "2025-04-01,48,32,80,0.4,16,-32,-16\n");
    jbw_free(out);
    assert_ok(jbw_series_json(&out, NULL, s));
    assert_has(out, "{\"title\":\"Zuid-Holland Zuid\",\"points\":[");
    assert_has(out, "{\"date\":\"2024-09-20\",\"nieuw\":41,\"bestaand\":72,"
                    "\"total\":113,\"share_bestaand\":0.6372,"
                    "\"change_nieuw\":null,\"change_bestaand\":null,"
                    "\"change_total\":null}");
    assert_has(out, "{\"date\":\"2025-09-01\",\"nieuw\":26,\"bestaand\":11,"
                    "\"total\":37,\"share_bestaand\":0.2973,"
                    "\"change_nieuw\":-3,\"change_bestaand\":5,"
                    "\"change_total\":2}");
    jbw_free(out);
    assert_ok(jbw_series_text(&out, NULL, s));
    assert_has(out,
               "Children without a fixed jeugdbeschermer: Zuid-Holland Zuid");
    /* 72/113 = 63.7%; the first row's changes are "-", none is "0" */
    assert_has(out, "63.7");
    assert_has(out, "+16");
    {
        /* the row of 2024-09-20, word by word */
        const char *want[] = {"2024-09-20", "41", "72", "113",
                              "63.7",       "-",  "-",  "-"};
        const char *row = strstr(out, "2024-09-20");
        char word[16];
        int k, n;
        assert_non_null(row);
        for (k = 0; k < 8; k++) {
            assert_int_equal(sscanf(row, "%15s%n", word, &n), 1);
            assert_string_equal(word, want[k]);
            row += n;
        }
        assert_int_equal(*row, '\n');
    }
    jbw_free(out);
    assert_status(jbw_series_csv(NULL, NULL, s), JBW_EINVAL);
    assert_status(jbw_series_json(&out, NULL, NULL), JBW_EINVAL);
    assert_status(jbw_series_text(&out, NULL, NULL), JBW_EINVAL);
    jbw_series_free(s);
}

/* The text table in Dutch (the default of the jbw command) and English. */
static void series_text_is_dutch_or_english(void **state)
{
    jbw_series *s = zhz_series();
    char *nl = NULL, *en = NULL, *old = NULL;
    (void)state;
    assert_ok(jbw_series_text_lang(&nl, NULL, s, JBW_LANG_NL));
    assert_has(nl, "Kinderen zonder vaste jeugdbeschermer: Zuid-Holland Zuid");
    assert_has(nl, "verschil nieuw");
    assert_has(nl, "totaal");
    /* 72/113 = 63.7%, with a decimal comma */
    assert_has(nl, "63,7");
    assert_null(strstr(nl, "63.7"));
    assert_null(strstr(nl, "Children"));
    /* English is the text jbw_series_text always wrote */
    assert_ok(jbw_series_text_lang(&en, NULL, s, JBW_LANG_EN));
    assert_ok(jbw_series_text(&old, NULL, s));
    assert_string_equal(en, old);
    assert_status(jbw_series_text_lang(&nl, NULL, s, (jbw_lang)2), JBW_EINVAL);
    assert_status(jbw_series_text_lang(&nl, NULL, NULL, JBW_LANG_NL),
                  JBW_EINVAL);
    jbw_free(nl);
    jbw_free(en);
    jbw_free(old);
    jbw_series_free(s);
}

/* How often `needle` occurs in `hay`. */
static size_t occurrences_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (hay = strstr(hay, needle); hay; hay = strstr(hay + 1, needle))
        n++;
    return n;
}

/* The rule of the data notice (series.h): published figures say they are
 * published and where from, figures counted from the synthetic example
 * say they are synthetic, the caller's own figures carry none. Every
 * writer prints it. */
static void published_series_says_so_in_every_writer(void **state)
{
    /* The source of the Zuid-Holland Zuid table, as docs/sources.md
     * cites it ("Example: published waiting figures"). */
    static const char source[] = "council information letter of a "
                                 "Zuid-Holland Zuid municipality";
    jbw_series *s = NULL;
    const char *notice;
    char *out = NULL;
    (void)state;
    assert_ok(jbw_example_series_zhz(&s));
    notice = jbw_series_data_notice(s);
    assert_non_null(notice);
    assert_true(strncmp(notice, "PUBLISHED figures", 17) == 0);
    assert_has(notice, source);
    /* text: the notice is the first line */
    assert_ok(jbw_series_text(&out, NULL, s));
    assert_true(strncmp(out, notice, strlen(notice)) == 0);
    assert_null(strstr(out, "SYNTHETIC"));
    jbw_free(out);
    /* CSV: a last column on the header and on each of the 7 rows */
    assert_ok(jbw_series_csv(&out, NULL, s));
    assert_has(out, "change_total,data_notice\n");
    assert_has(out, "2024-09-20,41,72,113,0.6372,,,,\"PUBLISHED figures");
    assert_int_equal(occurrences_of(out, source), 7);
    jbw_free(out);
    /* JSON: the first key */
    assert_ok(jbw_series_json(&out, NULL, s));
    assert_true(strncmp(out, "{\"data_notice\":\"PUBLISHED figures", 33) == 0);
    assert_has(out, "\",\"title\":\"Zuid-Holland Zuid\",\"points\":[");
    jbw_free(out);
    jbw_series_free(s);
}

static void series_from_the_example_says_it_is_synthetic(void **state)
{
    jbw_snapshot *ex = NULL, *own = main_snapshot();
    jbw_series *s = NULL;
    char *out = NULL;
    (void)state;
    assert_ok(jbw_example_snapshot(&ex, JBW_EXAMPLE_SEED));
    /* the caller's own data: no notice, and the writers as before */
    assert_ok(jbw_series_new(&s, "GA"));
    assert_ok(jbw_series_add_snapshot(s, own, D(2025, 6, 16), "GA", NULL));
    assert_null(jbw_series_data_notice(s));
    assert_ok(jbw_series_csv(&out, NULL, s));
    assert_null(strstr(out, "data_notice"));
    jbw_free(out);
    /* a point of the synthetic example: its notice, once however many
     * points */
    assert_ok(jbw_series_add_snapshot(s, ex, jbw_example_date(), NULL, NULL));
    assert_ok(
        jbw_series_add_snapshot(s, ex, jbw_example_date() - 30, NULL, NULL));
    assert_string_equal(jbw_series_data_notice(s), jbw_example_notice());
    assert_ok(jbw_series_text(&out, NULL, s));
    assert_true(
        strncmp(out, jbw_example_notice(), strlen(jbw_example_notice())) == 0);
    jbw_free(out);
    jbw_series_free(s);
    /* published figures with a synthetic point: both, in that order */
    assert_ok(jbw_example_series_zhz(&s));
    assert_ok(
        jbw_series_add_snapshot(s, ex, jbw_example_date() - 1, NULL, NULL));
    assert_true(strncmp(jbw_series_data_notice(s), "PUBLISHED figures", 17) ==
                0);
    assert_has(jbw_series_data_notice(s), "; SYNTHETIC example data");
    /* a failed addition leaves the notice as it was */
    assert_ok(jbw_series_set_data_notice(s, "own figures"));
    assert_status(
        jbw_series_add_snapshot(s, ex, jbw_example_date(), NULL, NULL),
        JBW_EDUPLICATE);
    assert_string_equal(jbw_series_data_notice(s), "own figures");
    /* NULL clears; control characters and NULL series are refused */
    assert_status(jbw_series_set_data_notice(s, "a\nb"), JBW_EINVAL);
    assert_string_equal(jbw_series_data_notice(s), "own figures");
    assert_status(jbw_series_set_data_notice(NULL, "x"), JBW_EINVAL);
    assert_ok(jbw_series_set_data_notice(s, NULL));
    assert_null(jbw_series_data_notice(s));
    assert_null(jbw_series_data_notice(NULL));
    jbw_series_free(s);
    jbw_snapshot_free(ex);
    jbw_snapshot_free(own);
}

/* ---------------------------------------------------------------------- */
/* Out of memory                                                          */
/* ---------------------------------------------------------------------- */

typedef struct oom_ctx {
    const jbw_snapshot *snap;
    const jbw_norm *norm;
    const jbw_calendar *cal;
    const jbw_caseload *cl;
    const jbw_series *series;
} oom_ctx;

static int oom_compute(void *p)
{
    oom_ctx *c = p;
    jbw_caseload *cl = NULL;
    int st = jbw_caseload_compute(&cl, c->snap, c->norm, c->cal, NULL);
    jbw_caseload_free(cl);
    return st;
}

static int oom_outputs(void *p)
{
    oom_ctx *c = p;
    char *out = NULL;
    int st = jbw_caseload_json(&out, NULL, c->cl);
    jbw_free(out);
    out = NULL;
    if (st == JBW_OK)
        st = jbw_caseload_csv(&out, NULL, c->cl);
    jbw_free(out);
    out = NULL;
    if (st == JBW_OK)
        st = jbw_caseload_workers_csv(&out, NULL, c->cl);
    jbw_free(out);
    out = NULL;
    if (st == JBW_OK)
        st = jbw_caseload_text(&out, NULL, c->cl);
    jbw_free(out);
    return st;
}

static int oom_norm(void *p)
{
    static const char text[] = "name = N\nunit = family\nweight.OTS = 2\n"
                               "ramp.0 = 0.5\nramp.4 = 1\n";
    jbw_norm *n = NULL, *c = NULL;
    char *saved = NULL;
    int st;
    (void)p;
    st = jbw_norm_parse(&n, text, sizeof text - 1, "t");
    if (st == JBW_OK)
        st = jbw_norm_save(&saved, NULL, n);
    if (st == JBW_OK)
        st = jbw_norm_clone(&c, n);
    if (st == JBW_OK)
        st = jbw_norm_set_name(c, "M", "s");
    jbw_free(saved);
    jbw_norm_free(n);
    jbw_norm_free(c);
    return st;
}

static int oom_series(void *p)
{
    oom_ctx *c = p;
    jbw_series *s = NULL;
    char *out = NULL;
    int st = jbw_series_new(&s, "T"), i;
    for (i = 0; st == JBW_OK && i < 20; i++)
        st = jbw_series_add(s, D(2025, 1, 1) + i, (size_t)i, 1);
    if (st == JBW_OK)
        st = jbw_series_add_snapshot(s, c->snap, D(2024, 1, 1), NULL, NULL);
    if (st == JBW_OK)
        st = jbw_series_csv(&out, NULL, s);
    jbw_free(out);
    out = NULL;
    if (st == JBW_OK)
        st = jbw_series_json(&out, NULL, s);
    jbw_free(out);
    out = NULL;
    if (st == JBW_OK)
        st = jbw_series_text(&out, NULL, s);
    jbw_free(out);
    jbw_series_free(s);
    return st;
}

static void out_of_memory_anywhere_is_enomem_without_leaks(void **state)
{
    jbw_snapshot *snap = main_snapshot();
    jbw_norm *n = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload *cl = NULL;
    oom_ctx c;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_caseload_compute(&cl, snap, n, cal, NULL));
    c.snap = snap;
    c.norm = n;
    c.cal = cal;
    c.cl = cl;
    c.series = NULL;
    jbw_test_oom_sweep(oom_compute, &c, 100000, jbw_test_fail_after);
    jbw_test_oom_sweep(oom_outputs, &c, 100000, jbw_test_fail_after);
    jbw_test_oom_sweep(oom_norm, &c, 100000, jbw_test_fail_after);
    jbw_test_oom_sweep(oom_series, &c, 100000, jbw_test_fail_after);
    jbw_caseload_free(cl);
    jbw_calendar_free(cal);
    jbw_norm_free(n);
    jbw_snapshot_free(snap);
}

/* The ramp can be read back step by step: the default is docs/norms.md's
 * 0.5 from month 0, 0.75 from month 3, 1.0 from month 6 (three steps). */
static void norm_ramp_steps_read_back_as_set(void **state)
{
    jbw_norm *n = NULL;
    int32_t month = -1;
    double frac = -1;
    static const int32_t from[] = {0, 2};
    static const double fr[] = {0.25, 1.0};
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    assert_int_equal(jbw_norm_ramp_count(n), 3);
    assert_ok(jbw_norm_ramp_step(&month, &frac, n, 0));
    assert_int_equal(month, 0);
    assert_near(frac, 0.5, 0);
    assert_ok(jbw_norm_ramp_step(&month, &frac, n, 1));
    assert_int_equal(month, 3);
    assert_near(frac, 0.75, 0);
    assert_ok(jbw_norm_ramp_step(&month, &frac, n, 2));
    assert_int_equal(month, 6);
    assert_near(frac, 1.0, 0);
    /* a step past the end: ERANGE, outputs untouched */
    assert_status(jbw_norm_ramp_step(&month, &frac, n, 3), JBW_ERANGE);
    assert_int_equal(month, 6);
    assert_error_contains("step 3 of a ramp of 3");
    assert_ok(jbw_norm_ramp_step(NULL, NULL, n, 0));
    /* a ramp set by hand reads back the same */
    assert_ok(jbw_norm_set_ramp(n, from, fr, 2));
    assert_int_equal(jbw_norm_ramp_count(n), 2);
    assert_ok(jbw_norm_ramp_step(&month, &frac, n, 1));
    assert_int_equal(month, 2);
    assert_near(frac, 1.0, 0);
    assert_status(jbw_norm_ramp_step(&month, &frac, NULL, 0), JBW_EINVAL);
    assert_int_equal(jbw_norm_ramp_count(NULL), 0);
    jbw_norm_free(n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_norm_is_12_measures_per_fte_of_the_agreement),
        cmocka_unit_test(norm_ramp_steps_read_back_as_set),
        cmocka_unit_test(norm_accessors_of_null_give_null_zero_nan),
        cmocka_unit_test(norm_source_is_dutch_for_dutch_readers),
        cmocka_unit_test(unit_and_status_codes_are_stable),
        cmocka_unit_test(norm_setters_reject_nan_negative_zero_and_leave_norm),
        cmocka_unit_test(norm_clone_is_independent),
        cmocka_unit_test(norm_file_sets_every_key_and_ramp_replaces_default),
        cmocka_unit_test(empty_norm_file_is_the_default),
        cmocka_unit_test(norm_file_errors_name_the_line),
        cmocka_unit_test(norm_parse_rejects_null),
        cmocka_unit_test(norm_save_parses_back_equal),
        cmocka_unit_test(norm_load_reads_a_file_and_reports_missing_ones),
        cmocka_unit_test(children_norm_totals_of_the_main_snapshot),
        cmocka_unit_test(default_norm_counts_measures_of_the_main_snapshot),
        cmocka_unit_test(named_norms_of_the_sources),
        cmocka_unit_test(unit_measure_sums_the_weights_of_active_measures),
        cmocka_unit_test(
            unit_child_counts_a_child_with_ots_and_jr_once_at_heavier_weight),
        cmocka_unit_test(unit_family_counts_siblings_once_at_heaviest_weight),
        cmocka_unit_test(
            child_with_two_workers_is_in_both_loads_once_in_required),
        cmocka_unit_test(ramp_month_2_and_month_3_give_exact_capacities),
        cmocka_unit_test(tenure_of_every_hire_date_is_its_months),
        cmocka_unit_test(part_time_workers_carry_fte_times_caseload),
        cmocka_unit_test(worker_who_left_is_not_employed_and_carries_nothing),
        cmocka_unit_test(measure_ended_the_day_before_is_inactive),
        cmocka_unit_test(waiting_nieuw_never_had_a_worker_bestaand_lost_one),
        cmocka_unit_test(
            coupling_at_5_werkdagen_is_within_at_6_across_hemelvaart_not),
        cmocka_unit_test(coupling_by_group_and_explicit_period),
        cmocka_unit_test(coupling_counts_a_measure_once_its_werkdagen_are_over),
        cmocka_unit_test(median_of_waits_far_apart_is_the_middle_one),
        cmocka_unit_test(totals_by_organisation_and_region_sum_by_hand),
        cmocka_unit_test(units_in_several_groups_count_once_in_each),
        cmocka_unit_test(zuid_west_groups_follow_registry_order),
        cmocka_unit_test(status_is_under_at_over_at_the_thresholds),
        cmocka_unit_test(date_before_every_hire_is_erange),
        cmocka_unit_test(compute_rejects_null_version_and_bad_options),
        cmocka_unit_test(options_init_sets_defaults_and_checks_version),
        cmocka_unit_test(result_getters_check_null_version_and_range),
        cmocka_unit_test(snapshot_without_workers_has_no_capacity),
        cmocka_unit_test(caseload_json_has_the_issue_keys),
        cmocka_unit_test(caseload_json_escapes_quotes_and_backslashes_anywhere),
        cmocka_unit_test(caseload_csv_has_one_row_per_scope),
        cmocka_unit_test(caseload_text_report_has_every_table),
        cmocka_unit_test(series_keeps_date_order_changes_and_share_bestaand),
        cmocka_unit_test(series_rejects_duplicates_bad_dates_and_versions),
        cmocka_unit_test(series_from_snapshot_counts_nieuw_and_bestaand),
        cmocka_unit_test(series_names_what_it_counts),
        cmocka_unit_test(series_outputs_csv_json_text),
        cmocka_unit_test(series_text_is_dutch_or_english),
        cmocka_unit_test(published_series_says_so_in_every_writer),
        cmocka_unit_test(series_from_the_example_says_it_is_synthetic),
        cmocka_unit_test(out_of_memory_anywhere_is_enomem_without_leaks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
