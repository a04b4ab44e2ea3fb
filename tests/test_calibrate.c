/*
 * Tests of the calibration (include/jbw/calibrate.h). Every figure is
 * counted by hand in the comment beside it, or follows from the rates a
 * simulated history was drawn with.
 */
#include "jbw_test.h"

#define NONE           JBW_DATE_NONE
#define OTS            JBW_KIND_OTS
#define VOTS           JBW_KIND_VOTS
#define CRIEM          JBW_KIND_JR_ITB_CRIEM
#define DAYS_PER_MONTH 30.4375 /* 365.25 / 12 */
#define Z975           1.959963984540054

static void add_measure(jbw_snapshot *snap, const char *id, jbw_kind kind,
                        jbw_date start, jbw_date end, const char *worker,
                        jbw_date first_assigned)
{
    jbw_measure m = JBW_MEASURE_INIT;
    m.id = id;
    m.child_id = id;
    m.kind = kind;
    m.organisation = "JBWEST";
    m.region = "ZHZ";
    m.start = start;
    m.end = end;
    m.worker_id = worker;
    m.first_assigned = first_assigned;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
}

static jbw_snapshot *new_snapshot(jbw_date reference)
{
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    assert_ok(jbw_registry_zuid_west(&reg));
    assert_ok(jbw_snapshot_new(&snap, reg, reference));
    jbw_registry_free(reg);
    return snap;
}

/*
 * The small history, exported on 2025-06-30 and calibrated on D =
 * 2025-01-01 with a 12-month window: W0 = 2024-01-01, the window holds
 * the 366 days of 2024. `cut` gives the same history as it was known on
 * D (an export made on D): nothing that starts after D, no end, leaving
 * or first assignment after D.
 *
 * OTS (active on start <= d < end):
 *   M1 2023-07-01 .. 2024-03-01  across the left edge: 60 days in the
 *                                window (January 31 + February 29), exit
 *   M2 2024-03-01 .. running     306 days (366 - 60), started, stock
 *   M3 2024-07-01 .. 2025-03-01  the end lies after D: running on D;
 *                                184 days (Jul-Dec), started, stock
 *   M4 2024-10-01 .. 2024-11-01  31 days, started, exit
 *   M5 2025-02-01 .. running     starts after D: not known on D
 *   M6 2022-01-01 .. 2023-06-01  before the window: nothing
 *   M7 2023-01-01 .. 2025-01-01  ends on D: its last day (2024-12-31) is
 *                                in the window: 366 days, exit, not stock
 *   started 3 (M2, M3, M4): inflow 3 / 12 = 0.25 a month; exits 3;
 *   exposure 60 + 306 + 184 + 31 + 366 = 947 days = 947 / 30.4375 =
 *   31.11294 months; MLE 31.11294 / 3 = 10.37098 months; 95% interval
 *   10.37098 exp(-/+ 1.959964 / sqrt 3 = 1.131586) = 3.344863 .. 32.15594;
 *   stock on D 2 (M2, M3).
 * VOTS: V1 2024-12-01 .. running: 31 days, started, stock, no exit: a
 *   censored kind, fewer than min_events (2) exits: the default 3.0.
 * JR_ITB_CRIEM: C1 2024-05-01 .. 05-11 and C2 2024-06-01 .. 06-11, 10 days
 *   each: 20 / 30.4375 = 0.6570842 months / 2 exits = 0.3285421: below
 *   the model's minimum of 1 month, so 1 (clamped).
 *
 * Workers (all of JBWEST, region ZHZ):
 *   W1 1.0 FTE 2020-01-01 ..         366 days in the window
 *   W2 0.8 FTE 2020-01-01 .. 2024-07-01  182 days (Jan-Jun), leaver
 *   W3 0.5 FTE 2024-04-01 ..         275 days (Apr-Dec), hire
 *   W4 1.0 FTE 2024-09-01 .. 2025-06-01  leaving after D: employed on D;
 *                                    122 days (Sep-Dec), hire
 *   W5 1.0 FTE 2025-03-01 ..         hired after D: not known on D
 *   W6 0.6 FTE 2019-01-01 .. 2025-01-01  leaves on D: 366 days, leaver
 *   FTE-days 366 + 0.8 x 182 + 0.5 x 275 + 122 + 0.6 x 366 = 990.7;
 *   FTE-years 990.7 / 365.25 = 2.712389; leavers 2 with 1.4 FTE;
 *   h = 1.4 / 2.712389 = 0.5161502 a year; turnover 1 - exp(-h) =
 *   0.4031863; interval from h exp(-/+ 1.959964 / sqrt 2 = 1.385904):
 *   0.1211033 .. 0.8730288. Hires 2 with 1.5 FTE: 0.125 FTE a month.
 *   On D: W1, W3, W4 employed: 3 workers, 2.5 FTE.
 *
 * Time to first assignment (werkdagen, CAO calendar; measures started in
 * the window):
 *   C1, C2 assigned on their start: 0, 0
 *   M2 Fri 2024-03-01 -> Mon 2024-03-04: 1
 *   M3 Mon 2024-07-01 -> Mon 2024-07-08: 5
 *   M4 Tue 2024-10-01, never assigned, ended 2024-11-01: censored at 23
 *      (the weekdays 2 October .. 1 November)
 *   V1 Sun 2024-12-01, assigned 2025-01-06 (after D): censored at D, 20
 *      (22 weekdays 2..31 December less the two Christmas days; 1
 *      January is Nieuwjaarsdag)
 *   Kaplan-Meier: t = 0: 6 at risk, 2 events, S = 4/6; t = 1: 4 at risk,
 *   1 event, S = 4/6 x 3/4 = 0.5; t = 5: 3 at risk, 1 event, S = 1/3;
 *   median 1 (S first <= 0.5), within 5: 1 - 1/3 = 0.6667, p90 never.
 */
static jbw_snapshot *small_history(int cut)
{
    jbw_date ref = cut ? D(2025, 1, 1) : D(2025, 6, 30);
    jbw_snapshot *snap = new_snapshot(ref);
    jbw_test_add_worker(snap, "W1", "JBWEST", "ZHZ", 1.0, D(2020, 1, 1), NONE);
    jbw_test_add_worker(snap, "W2", "JBWEST", "ZHZ", 0.8, D(2020, 1, 1),
                        D(2024, 7, 1));
    jbw_test_add_worker(snap, "W3", "JBWEST", "ZHZ", 0.5, D(2024, 4, 1), NONE);
    jbw_test_add_worker(snap, "W4", "JBWEST", "ZHZ", 1.0, D(2024, 9, 1),
                        cut ? NONE : D(2025, 6, 1));
    if (!cut)
        jbw_test_add_worker(snap, "W5", "JBWEST", "ZHZ", 1.0, D(2025, 3, 1),
                            NONE);
    jbw_test_add_worker(snap, "W6", "JBWEST", "ZHZ", 0.6, D(2019, 1, 1),
                        D(2025, 1, 1));
    add_measure(snap, "M1", OTS, D(2023, 7, 1), D(2024, 3, 1), "W1",
                D(2023, 7, 1));
    add_measure(snap, "M2", OTS, D(2024, 3, 1), NONE, "W1", D(2024, 3, 4));
    add_measure(snap, "M3", OTS, D(2024, 7, 1), cut ? NONE : D(2025, 3, 1),
                "W3", D(2024, 7, 8));
    add_measure(snap, "M4", OTS, D(2024, 10, 1), D(2024, 11, 1), NULL, NONE);
    if (!cut)
        add_measure(snap, "M5", OTS, D(2025, 2, 1), NONE, NULL, NONE);
    add_measure(snap, "M6", OTS, D(2022, 1, 1), D(2023, 6, 1), "W1",
                D(2022, 1, 1));
    add_measure(snap, "M7", OTS, D(2023, 1, 1), D(2025, 1, 1), "W1",
                D(2023, 1, 1));
    if (cut)
        add_measure(snap, "V1", VOTS, D(2024, 12, 1), NONE, NULL, NONE);
    else
        add_measure(snap, "V1", VOTS, D(2024, 12, 1), NONE, "W1",
                    D(2025, 1, 6));
    add_measure(snap, "C1", CRIEM, D(2024, 5, 1), D(2024, 5, 11), "W1",
                D(2024, 5, 1));
    add_measure(snap, "C2", CRIEM, D(2024, 6, 1), D(2024, 6, 11), "W1",
                D(2024, 6, 1));
    return snap;
}

static jbw_calibration *calibrate_small(const jbw_snapshot *snap)
{
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_calibration *cal = NULL;
    o.date = D(2025, 1, 1);
    o.window_months = 12;
    o.min_events = 2;
    assert_ok(jbw_calibrate(&cal, snap, &o));
    return cal;
}

static jbw_calibration_kind kind_of(const jbw_calibration *cal, jbw_kind k)
{
    jbw_calibration_kind out;
    memset(&out, 0, sizeof out);
    out.version = JBW_CALIBRATION_KIND_VERSION;
    assert_ok(jbw_calibration_kind_get(&out, cal, k));
    return out;
}

static jbw_calibration_staff staff_of(const jbw_calibration *cal)
{
    jbw_calibration_staff out;
    memset(&out, 0, sizeof out);
    out.version = JBW_CALIBRATION_STAFF_VERSION;
    assert_ok(jbw_calibration_staff_get(&out, cal));
    return out;
}

static jbw_calibration_assignment assignment_of(const jbw_calibration *cal)
{
    jbw_calibration_assignment out;
    memset(&out, 0, sizeof out);
    out.version = JBW_CALIBRATION_ASSIGNMENT_VERSION;
    assert_ok(jbw_calibration_assignment_get(&out, cal));
    return out;
}

static void small_history_is_counted_as_by_hand(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibration *cal = calibrate_small(snap);
    jbw_calibration_kind k = kind_of(cal, OTS);
    (void)state;
    assert_int_equal(jbw_calibration_date(cal), D(2025, 1, 1));
    assert_int_equal(jbw_calibration_window_start(cal), D(2024, 1, 1));
    assert_int_equal(jbw_calibration_window_months(cal), 12);
    assert_int_equal(k.started, 3);
    assert_near(k.inflow_per_month, 0.25, 1e-12);
    assert_int_equal(k.exits, 3);
    assert_near(k.exposure_months, 947 / DAYS_PER_MONTH, 1e-9);
    assert_near(k.exposure_months, 31.11294, 1e-5);
    assert_near(k.mle_months, 10.37098, 1e-5);
    assert_near(k.low_months, 3.344863, 1e-5);
    assert_near(k.high_months, 32.15594, 1e-4);
    assert_near(k.mean_duration_months, 10.37098, 1e-5);
    assert_int_equal(k.basis, JBW_BASIS_ESTIMATED);
    assert_int_equal(k.stock, 2);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

static void turnover_is_one_minus_exp_of_the_fte_hazard(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibration *cal = calibrate_small(snap);
    jbw_calibration_staff s = staff_of(cal);
    (void)state;
    assert_near(s.fte_years, 990.7 / 365.25, 1e-9);
    assert_int_equal(s.leavers, 2);
    assert_near(s.leavers_fte, 1.4, 1e-12);
    assert_near(s.hazard_annual, 0.5161502, 1e-6);
    assert_near(s.mle_turnover, 0.4031863, 1e-6);
    assert_near(s.turnover_annual, 0.4031863, 1e-6);
    assert_near(s.low_turnover, 0.1211033, 1e-6);
    assert_near(s.high_turnover, 0.8730288, 1e-6);
    assert_int_equal(s.basis, JBW_BASIS_ESTIMATED);
    assert_int_equal(s.hires, 2);
    assert_near(s.hires_fte, 1.5, 1e-12);
    assert_near(s.hires_fte_per_month, 0.125, 1e-12);
    assert_int_equal(s.workers, 3);
    assert_near(s.fte, 2.5, 1e-12);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

static void time_to_first_assignment_is_kaplan_meier(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibration *cal = calibrate_small(snap);
    jbw_calibration_assignment a = assignment_of(cal);
    (void)state;
    assert_int_equal(a.measures, 6);
    assert_int_equal(a.assigned, 4);
    assert_int_equal(a.censored, 2);
    assert_int_equal(a.unknown, 0);
    assert_near(a.median_workdays, 1, 0);
    assert_near(a.share_within_5, 2.0 / 3.0, 1e-12);
    assert_true(isnan(a.p90_workdays));
    assert_int_equal(a.basis, JBW_BASIS_ESTIMATED);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

static void a_kind_without_exits_gets_the_default_with_a_note(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibration *cal = calibrate_small(snap);
    jbw_calibration_kind v = kind_of(cal, VOTS);
    jbw_forecast_params def = JBW_FORECAST_PARAMS_INIT;
    char *json = NULL, *text = NULL;
    (void)state;
    /* V1 runs from 2024-12-01: 31 days of exposure, no exit */
    assert_int_equal(v.exits, 0);
    assert_near(v.exposure_months, 31 / DAYS_PER_MONTH, 1e-12);
    assert_true(isnan(v.mle_months));
    assert_true(isnan(v.low_months));
    assert_int_equal(v.basis, JBW_BASIS_DEFAULT_FEW_EVENTS);
    assert_near(v.mean_duration_months, def.duration[VOTS], 0);
    assert_int_equal(v.stock, 1);
    assert_ok(jbw_calibration_json(&json, NULL, cal));
    assert_non_null(strstr(json, "\"kind\":\"VOTS\""));
    assert_non_null(strstr(json, "\"mle_months\":null"));
    assert_non_null(
        strstr(json, "0 exits in the window, fewer than 2: the default"));
    assert_ok(jbw_calibration_text(&text, NULL, cal));
    assert_non_null(strstr(text, "0 exits in the window, fewer than 2"));
    jbw_free(json);
    jbw_free(text);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

/*
 * An estimate far beyond what the window saw is marked unreliable, and a
 * count of 1 reads "1 exit". D = 2025-01-01, a 1-month window (December
 * 2024, 31 days). Voogdij: G0 2020-01-01 .. 2024-12-02 is active on 1
 * December only (1 day) and ends in the window; G1..G12 run on (31 days
 * each). Exits 1, exposure (1 + 12 x 31) / 30.4375 = 373 / 30.4375 =
 * 12.25462 months, MLE 12.25462: over 10 x the 1-month window, from 1
 * exit against a stock of 12. With min_events 2 the same kind has too few
 * exits: "1 exit in the window, fewer than 2: the default".
 * An unreliable duration is not forecast on: jbw_calibration_apply()
 * leaves the params' duration of the kind (its inflow is set), the
 * scenario file has its line only as a comment, and the CSV gives the
 * note.
 */
static void an_estimate_far_beyond_the_window_is_marked(void **state)
{
    jbw_snapshot *snap = new_snapshot(D(2025, 1, 1));
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_calibration *cal = NULL;
    jbw_calibration_kind g;
    jbw_forecast_params p = JBW_FORECAST_PARAMS_INIT, q;
    jbw_scenario *parsed = NULL;
    char *json = NULL, *text = NULL, *sc = NULL, *csv = NULL;
    char id[8];
    int i;
    (void)state;
    jbw_test_add_worker(snap, "W1", "JBWEST", "ZHZ", 1.0, D(2020, 1, 1), NONE);
    add_measure(snap, "G0", JBW_KIND_VOOGDIJ, D(2020, 1, 1), D(2024, 12, 2),
                "W1", D(2020, 1, 1));
    for (i = 1; i <= 12; i++) {
        snprintf(id, sizeof id, "G%d", i);
        add_measure(snap, id, JBW_KIND_VOOGDIJ, D(2020, 1, 1), NONE, "W1",
                    D(2020, 1, 1));
    }
    o.date = D(2025, 1, 1);
    o.window_months = 1;
    o.min_events = 1;
    assert_ok(jbw_calibrate(&cal, snap, &o));
    g = kind_of(cal, JBW_KIND_VOOGDIJ);
    assert_int_equal(g.exits, 1);
    assert_near(g.mle_months, 373 / DAYS_PER_MONTH, 1e-12);
    assert_int_equal(g.basis, JBW_BASIS_ESTIMATED);
    assert_near(g.mean_duration_months, 373 / DAYS_PER_MONTH, 1e-12);
    /* the accessor gives what the writers show */
    assert_string_equal(jbw_calibration_kind_note(cal, JBW_KIND_VOOGDIJ),
                        "unreliable: over 10x the window, an extrapolation "
                        "from 1 exit against a stock of 12");
    assert_ok(jbw_calibration_json(&json, NULL, cal));
    assert_non_null(strstr(json, "\"note\":\"unreliable: over 10x the "
                                 "window, an extrapolation from 1 exit "
                                 "against a stock of 12\""));
    /* a plain estimate still has no note */
    assert_null(strstr(json, "\"note\":\"unreliable: over 10x the window, "
                             "an extrapolation from 0"));
    assert_ok(jbw_calibration_text(&text, NULL, cal));
    assert_non_null(strstr(text, "unreliable: over 10x the window"));
    assert_ok(jbw_calibration_scenario(&sc, NULL, cal));
    assert_non_null(strstr(sc, "# unreliable: over 10x the window, an "
                               "extrapolation from 1 exit against a stock "
                               "of 12\n# so it is left out, and the "
                               "forecast's own duration.VOOGDIJ stands:\n"
                               "# duration.VOOGDIJ = "));
    assert_null(strstr(sc, "\nduration.VOOGDIJ"));
    assert_ok(jbw_calibration_csv(&csv, NULL, cal));
    assert_non_null(strstr(csv, ",estimated,12,\"unreliable: over 10x the "
                                "window, an extrapolation from 1 exit "
                                "against a stock of 12\""));
    p.duration[JBW_KIND_VOOGDIJ] = 99.0;
    p.inflow[JBW_KIND_VOOGDIJ] = 99.0;
    q = p;
    assert_ok(jbw_calibration_apply(&p, cal));
    assert_near(p.duration[JBW_KIND_VOOGDIJ], 99.0, 0);
    assert_near(p.inflow[JBW_KIND_VOOGDIJ], g.inflow_per_month, 0);
    assert_ok(jbw_scenario_parse(&parsed, sc, strlen(sc), "calibrated"));
    assert_ok(jbw_scenario_apply(&q, parsed));
    assert_near(q.duration[JBW_KIND_VOOGDIJ], 99.0, 0);
    jbw_scenario_free(parsed);
    jbw_free(csv);
    jbw_free(json);
    jbw_free(text);
    jbw_free(sc);
    jbw_calibration_free(cal);
    o.min_events = 2;
    assert_ok(jbw_calibrate(&cal, snap, &o));
    assert_ok(jbw_calibration_text(&text, NULL, cal));
    assert_non_null(strstr(text, "1 exit in the window, fewer than 2: the "
                                 "default"));
    assert_null(strstr(text, "1 exits"));
    jbw_free(text);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

/*
 * The notes by accessor on the small history (min_events 2): OTS is a
 * plain estimate (10.37 months, under 10 x the 12-month window): none;
 * VOTS has 0 exits, fewer than 2: the default; JR_ITB_CRIEM's 0.33 months
 * is clamped to 1; the turnover is estimated from 2 leavers: none. With
 * min_events 10 the 2 leavers give the default turnover, and its note.
 */
static void the_notes_are_read_by_accessor(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibration *cal = calibrate_small(snap);
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    (void)state;
    assert_null(jbw_calibration_kind_note(cal, OTS));
    assert_string_equal(jbw_calibration_kind_note(cal, VOTS),
                        "0 exits in the window, fewer than 2: the default");
    assert_string_equal(jbw_calibration_kind_note(cal, CRIEM),
                        "estimate below 1 month: the model's minimum of 1");
    assert_null(jbw_calibration_staff_note(cal));
    assert_null(jbw_calibration_kind_note(cal, (jbw_kind)JBW_KIND_COUNT));
    assert_null(jbw_calibration_kind_note(cal, (jbw_kind)-1));
    assert_null(jbw_calibration_kind_note(NULL, OTS));
    assert_null(jbw_calibration_staff_note(NULL));
    jbw_calibration_free(cal);
    o.date = D(2025, 1, 1);
    o.min_events = 10;
    assert_ok(jbw_calibrate(&cal, snap, &o));
    assert_string_equal(jbw_calibration_staff_note(cal),
                        "2 leavers in the window, fewer than 10: the default");
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

static void a_duration_below_a_month_is_clamped_to_the_minimum(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibration *cal = calibrate_small(snap);
    jbw_calibration_kind c = kind_of(cal, CRIEM);
    (void)state;
    assert_int_equal(c.exits, 2);
    assert_near(c.mle_months, 0.3285421, 1e-7);
    assert_int_equal(c.basis, JBW_BASIS_CLAMPED);
    assert_near(c.mean_duration_months, 1.0, 0);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

static void too_few_leavers_give_the_default_turnover(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_forecast_params def = JBW_FORECAST_PARAMS_INIT;
    jbw_calibration *cal = NULL;
    jbw_calibration_staff s;
    jbw_calibration_assignment a;
    (void)state;
    o.date = D(2025, 1, 1);
    o.min_events = 10; /* 2 leavers, 4 assignments, 3 OTS exits */
    assert_ok(jbw_calibrate(&cal, snap, &o));
    s = staff_of(cal);
    a = assignment_of(cal);
    assert_int_equal(s.basis, JBW_BASIS_DEFAULT_FEW_EVENTS);
    assert_near(s.turnover_annual, def.turnover, 0);
    /* the estimate is still reported beside the default */
    assert_near(s.mle_turnover, 0.4031863, 1e-6);
    assert_int_equal(a.basis, JBW_BASIS_DEFAULT_FEW_EVENTS);
    assert_true(isnan(a.median_workdays));
    assert_true(isnan(a.share_within_5));
    assert_int_equal(kind_of(cal, OTS).basis, JBW_BASIS_DEFAULT_FEW_EVENTS);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

static void later_records_do_not_change_the_calibration_on_d(void **state)
{
    jbw_snapshot *full = small_history(0), *cut = small_history(1);
    jbw_calibration *a = calibrate_small(full), *b = calibrate_small(cut);
    char *ja = NULL, *jb = NULL;
    (void)state;
    assert_ok(jbw_calibration_json(&ja, NULL, a));
    assert_ok(jbw_calibration_json(&jb, NULL, b));
    assert_string_equal(ja, jb);
    jbw_free(ja);
    jbw_free(jb);
    assert_ok(jbw_calibration_scenario(&ja, NULL, a));
    assert_ok(jbw_calibration_scenario(&jb, NULL, b));
    assert_string_equal(ja, jb);
    jbw_free(ja);
    jbw_free(jb);
    jbw_calibration_free(a);
    jbw_calibration_free(b);
    jbw_snapshot_free(full);
    jbw_snapshot_free(cut);
}

static void
the_scenario_file_sets_what_apply_sets_each_with_its_basis(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibration *cal = calibrate_small(snap);
    jbw_forecast_params direct = JBW_FORECAST_PARAMS_INIT;
    jbw_forecast_params via_file = JBW_FORECAST_PARAMS_INIT;
    jbw_scenario *sc = NULL;
    char *text = NULL, *line, *next, *prev = NULL;
    size_t len = 0, values = 0;
    int i;
    (void)state;
    assert_ok(jbw_calibration_apply(&direct, cal));
    assert_ok(jbw_calibration_scenario(&text, &len, cal));
    assert_ok(jbw_scenario_parse(&sc, text, len, "calibrated"));
    assert_ok(jbw_scenario_apply(&via_file, sc));
    for (i = 0; i < JBW_KIND_COUNT; i++) {
        assert_true(direct.inflow[i] == via_file.inflow[i]);
        assert_true(direct.duration[i] == via_file.duration[i]);
    }
    assert_true(direct.turnover == via_file.turnover);
    assert_true(direct.hires_fte == via_file.hires_fte);
    assert_near(direct.inflow[OTS], 0.25, 0);
    assert_near(direct.duration[OTS], 10.37098, 1e-5);
    assert_near(direct.turnover, 0.4031863, 1e-6);
    assert_near(direct.hires_fte, 0.125, 0);
    assert_non_null(strstr(text, "31.1 measure-months of exposure / 3 exits"));
    assert_non_null(strstr(text, "1.40 leavers' FTE (2 leavers) / 2.71 "
                                 "FTE-years"));
    /* every value line follows a comment naming its key */
    for (line = text; *line; line = next) {
        next = strchr(line, '\n');
        assert_non_null(next);
        *next++ = '\0';
        if (line[0] && line[0] != '#') {
            const char *eq = strstr(line, " = ");
            char want[64];
            assert_non_null(eq);
            assert_non_null(prev);
            snprintf(want, sizeof want, "# %.*s: ", (int)(eq - line), line);
            assert_true(strncmp(prev, want, strlen(want)) == 0);
            values++;
        }
        if (line[0])
            prev = line;
    }
    /* inflow and duration of 12 kinds, turnover, hires_fte */
    assert_int_equal(values, 2 * JBW_KIND_COUNT + 2);
    jbw_free(text);
    jbw_scenario_free(sc);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

static void bad_dates_windows_and_arguments_are_refused(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_calibration *cal = NULL;
    (void)state;
    o.date = D(2025, 7, 1); /* after the reference date 2025-06-30 */
    assert_status(jbw_calibrate(&cal, snap, &o), JBW_ERANGE);
    assert_error_contains("2025-07-01 is after the data's reference date "
                          "2025-06-30");
    o.date = D(2019, 6, 1); /* window from 2018-06-01, first is 2019-01-01 */
    assert_status(jbw_calibrate(&cal, snap, &o), JBW_ERANGE);
    assert_error_contains("starts on 2018-06-01, before the data's first "
                          "record (2019-01-01)");
    o.date = D(2025, 1, 1);
    o.window_months = 0;
    assert_status(jbw_calibrate(&cal, snap, &o), JBW_ERANGE);
    assert_error_contains("window_months is 0");
    o.window_months = 12;
    o.min_events = 0;
    assert_status(jbw_calibrate(&cal, snap, &o), JBW_EINVAL);
    o.min_events = 10;
    o.organisation = "NOPE";
    assert_status(jbw_calibrate(&cal, snap, &o), JBW_ENOTFOUND);
    /* the detail names the function called, not the one it calls */
    assert_error_contains("jbw_calibrate: organisation 'NOPE' is not in the "
                          "registry");
    assert_null(strstr(jbw_last_error(), "counts_get"));
    o.organisation = "LDH"; /* no records of this organisation */
    assert_status(jbw_calibrate(&cal, snap, &o), JBW_ERANGE);
    assert_error_contains("no measure or worker of organisation LDH");
    o.organisation = NULL;
    o.version = 99;
    assert_status(jbw_calibrate(&cal, snap, &o), JBW_EVERSION);
    assert_string_equal(jbw_last_error(), "calibrate options version 99 is "
                                          "not supported (expected 1)");
    assert_status(jbw_calibrate(NULL, snap, NULL), JBW_EINVAL);
    assert_status(jbw_calibrate(&cal, NULL, NULL), JBW_EINVAL);
    assert_null(cal);
    assert_status(jbw_calibrate_options_init(&o, 2), JBW_EVERSION);
    assert_ok(jbw_calibrate_options_init(&o, JBW_CALIBRATE_OPTIONS_VERSION));
    assert_int_equal(o.window_months, 12);
    assert_int_equal(o.min_events, 10);
    jbw_snapshot_free(snap);
}

/* ---- a simulated history with known rates ----------------------------- */

static uint64_t rng_next(uint64_t *s)
{
    /* splitmix64 */
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* An exponential draw with mean `mean` (days). */
static double rng_exp(uint64_t *s, double mean)
{
    double u = ((double)(rng_next(s) >> 11) + 0.5) * 0x1.0p-53;
    return -mean * log(u);
}

#define SIM_INFLOW   40.0 /* OTS measures a month */
#define SIM_DURATION 20.0 /* mean months */
#define SIM_HAZARD   0.25 /* leavers a year per FTE */
#define SIM_WORKERS  200

/*
 * From 2010-01-01 to the export on `ref`: OTS measures arrive as a
 * Poisson process of SIM_INFLOW a month (times `factor` from `jump` on)
 * and last an exponential time of mean SIM_DURATION months; SIM_WORKERS
 * posts of 0.8 FTE, each held by a worker who leaves after an
 * exponential time with hazard SIM_HAZARD a year and is replaced the same
 * day. Every post and the measures draw from streams of their own, so an
 * export on an earlier date holds the same history cut at that date.
 */
static jbw_snapshot *simulated_export(uint64_t seed, jbw_date ref,
                                      jbw_date jump, double factor)
{
    jbw_date t0 = D(2010, 1, 1);
    jbw_snapshot *snap = new_snapshot(ref);
    uint64_t s;
    double t = t0;
    char id[32];
    size_t n = 0;
    int post;
    for (post = 0; post < SIM_WORKERS; post++) {
        double hired = t0;
        s = seed * 1000003u + (uint64_t)post;
        while (hired <= ref) {
            double leave = hired + rng_exp(&s, 365.25 / SIM_HAZARD);
            jbw_date l = (jbw_date)floor(leave);
            snprintf(id, sizeof id, "W%zu", n++);
            if (l <= (jbw_date)hired)
                l = (jbw_date)hired + 1;
            jbw_test_add_worker(snap, id, "JBWEST", "ZHZ", 0.8, (jbw_date)hired,
                                l > ref ? NONE : l);
            hired = l;
        }
    }
    n = 0;
    s = seed * 1000003u + 999999u;
    for (;;) {
        jbw_date start, end;
        double rate = SIM_INFLOW * (t >= jump ? factor : 1.0);
        double next = t + rng_exp(&s, DAYS_PER_MONTH / rate);
        if (t < jump && next >= jump) {
            t = jump; /* memoryless: draw again at the new rate */
            continue;
        }
        t = next;
        start = (jbw_date)floor(t);
        if (start > ref)
            break;
        end = (jbw_date)floor(t + rng_exp(&s, SIM_DURATION * DAYS_PER_MONTH));
        if (end <= start)
            end = start + 1;
        snprintf(id, sizeof id, "M%zu", n++);
        add_measure(snap, id, OTS, start, end > ref ? NONE : end, NULL, NONE);
    }
    return snap;
}

static jbw_snapshot *simulated_history(uint64_t seed)
{
    return simulated_export(seed, D(2025, 6, 30), D(2199, 1, 1), 1.0);
}

static void a_simulated_history_gives_back_its_rates(void **state)
{
    jbw_snapshot *snap = simulated_history(20250901);
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_calibration *cal = NULL;
    jbw_calibration_kind k;
    jbw_calibration_staff st;
    double se;
    (void)state;
    o.date = D(2025, 1, 1);
    o.window_months = 24;
    assert_ok(jbw_calibrate(&cal, snap, &o));
    k = kind_of(cal, OTS);
    st = staff_of(cal);
    /* inflow: a Poisson count of mean 40 x 24 = 960, sd sqrt(960) = 31;
     * per month within 3 sd: 40 +/- 3 x 31 / 24 = 40 +/- 3.9 */
    assert_near(k.inflow_per_month, SIM_INFLOW, 3.0 * sqrt(960.0) / 24.0);
    /* duration: ln(MLE) has standard error 1 / sqrt(exits); about 40 x 24
     * exits (the stock of 800 leaves at 1/20 a month): within 3 se */
    assert_true(k.exits > 800);
    se = 1.0 / sqrt((double)k.exits);
    assert_near(log(k.mle_months), log(SIM_DURATION), 3.0 * se);
    assert_true(k.low_months < SIM_DURATION && SIM_DURATION < k.high_months);
    /* the stock on D: about inflow x duration = 800 (Little's law), a
     * Poisson count: within 3 x sqrt(800) = 85 */
    assert_near((double)k.stock, SIM_INFLOW * SIM_DURATION, 85.0);
    /* turnover: about 200 x 0.25 x 2 = 100 leavers; ln(h) within 3 se */
    assert_true(st.leavers > 70);
    se = 1.0 / sqrt((double)st.leavers);
    assert_near(log(st.hazard_annual), log(SIM_HAZARD), 3.0 * se);
    assert_near(st.turnover_annual, 1.0 - exp(-SIM_HAZARD), 0.07);
    /* every leaver is replaced: hires = leavers, 160 FTE throughout */
    assert_near(st.fte, SIM_WORKERS * 0.8, 1e-9);
    assert_near(st.fte_years, SIM_WORKERS * 0.8 * 731 / 365.25, 1e-6);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

/* The naive mean of ended measures is biased low; the MLE is not. */
static void the_naive_mean_of_ended_measures_is_biased_low(void **state)
{
    jbw_snapshot *snap = simulated_history(7);
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_calibration *cal = NULL;
    jbw_calibration_kind k;
    jbw_date w0 = D(2023, 1, 1), d = D(2025, 1, 1);
    double sum = 0;
    size_t i, ended = 0;
    (void)state;
    o.date = d;
    o.window_months = 24;
    assert_ok(jbw_calibrate(&cal, snap, &o));
    k = kind_of(cal, OTS);
    for (i = 0; i < jbw_snapshot_measure_count(snap); i++) {
        jbw_measure m = JBW_MEASURE_INIT;
        assert_ok(jbw_snapshot_measure(&m, snap, i));
        if (m.end != NONE && m.end > w0 && m.end <= d && m.start >= w0) {
            sum += (m.end - m.start) / DAYS_PER_MONTH;
            ended++;
        }
    }
    /* of the measures started in a 24-month window, only the short ones
     * have ended by its end: for an exponential of mean 20 months the
     * mean of those ended is well under 12 months */
    assert_true(sum / (double)ended < 12.0);
    assert_near(log(k.mle_months), log(SIM_DURATION),
                3.0 / sqrt((double)k.exits));
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

static int oom_calibrate(void *ctx)
{
    jbw_calibration *cal = NULL;
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    char *text = NULL;
    jbw_status st;
    o.date = D(2025, 1, 1);
    o.min_events = 2;
    st = jbw_calibrate(&cal, (const jbw_snapshot *)ctx, &o);
    if (st == JBW_OK)
        st = jbw_calibration_json(&text, NULL, cal);
    jbw_free(text);
    text = NULL;
    if (st == JBW_OK)
        st = jbw_calibration_csv(&text, NULL, cal);
    jbw_free(text);
    text = NULL;
    if (st == JBW_OK)
        st = jbw_calibration_text(&text, NULL, cal);
    jbw_free(text);
    text = NULL;
    if (st == JBW_OK)
        st = jbw_calibration_scenario(&text, NULL, cal);
    jbw_free(text);
    jbw_calibration_free(cal);
    return st;
}

static void out_of_memory_is_enomem_without_leaks(void **state)
{
    jbw_snapshot *snap = small_history(0);
    (void)state;
    jbw_test_oom_sweep(oom_calibrate, snap, 1000, jbw_test_fail_after);
    jbw_test_oom_sweep(oom_calibrate, snap, 1000, jbw_test_fail_only);
    jbw_snapshot_free(snap);
}

static void csv_has_a_row_per_kind_and_one_for_staff(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibration *cal = calibrate_small(snap);
    char *csv = NULL;
    size_t len = 0, i, lines = 0;
    (void)state;
    assert_ok(jbw_calibration_csv(&csv, &len, cal));
    for (i = 0; i < len; i++)
        lines += csv[i] == '\n';
    assert_int_equal(lines, 1 + JBW_KIND_COUNT + 1);
    /* OTS: 3 started, 0.25, 3 exits, the exposure, estimated, stock 2 */
    assert_non_null(strstr(csv, "kind,OTS,3,0.25,3,"));
    assert_non_null(strstr(csv, ",estimated,2,\n")); /* no note */
    assert_non_null(strstr(csv, "kind,VOTS,1,"));
    assert_non_null(strstr(csv, "staff,staff,2,0.125,2,"));
    jbw_free(csv);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
}

/* ---- backtest ----------------------------------------------------------- */

static jbw_backtest *backtest_small(const jbw_snapshot *snap, int32_t months)
{
    jbw_backtest_options o = JBW_BACKTEST_OPTIONS_INIT;
    jbw_backtest *bt = NULL;
    o.from = D(2025, 1, 1);
    o.months = months;
    o.min_events = 2;
    assert_ok(jbw_backtest_run(&bt, snap, &o));
    return bt;
}

static jbw_backtest_month bt_month(const jbw_backtest *bt, int32_t k)
{
    jbw_backtest_month m;
    memset(&m, 0, sizeof m);
    m.version = JBW_BACKTEST_MONTH_VERSION;
    assert_ok(jbw_backtest_month_get(&m, bt, k));
    return m;
}

static jbw_backtest_summary bt_summary(const jbw_backtest *bt)
{
    jbw_backtest_summary s;
    memset(&s, 0, sizeof s);
    s.version = JBW_BACKTEST_SUMMARY_VERSION;
    assert_ok(jbw_backtest_summary_get(&s, bt));
    return s;
}

/*
 * The small history from D0 = 2025-01-01, 3 months (the export is of
 * 2025-06-30). Start state: active on D0 M2, M3 (OTS) and V1 (VOTS): 3.
 * Month 1 of the model: OTS exits 2 / 10.37098 = 0.1928457, VOTS exits
 * 1 / 3.1 (the default duration, CBS 2022) = 0.3225806, inflow OTS
 * 3/12 = 0.25, VOTS 1/12, JR_ITB_CRIEM 2/12 (duration 1: it ends within
 * the next month); active 3 - 0.1928457 - 0.3225806 + 0.25 + 0.0833333 +
 * 0.1666667 = 2.9845737.
 * The records: 2025-02-01 M2, M3, M5 (starts that day), V1: 4; nieuw M5
 * (V1 was assigned on 2025-01-06): 1. 2025-03-01 (M3 ends): 3, nieuw 1;
 * 2025-04-01: 3, nieuw 1.
 */
static void a_backtest_compares_the_forecast_with_the_records(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_backtest *bt = backtest_small(snap, 3);
    jbw_backtest_month m0 = bt_month(bt, 0), m1 = bt_month(bt, 1),
                       m2 = bt_month(bt, 2), m3 = bt_month(bt, 3);
    jbw_backtest_summary s = bt_summary(bt);
    double mape;
    (void)state;
    assert_int_equal(jbw_backtest_from(bt), D(2025, 1, 1));
    assert_int_equal(jbw_backtest_months(bt), 3);
    assert_int_equal(jbw_backtest_is_history(bt), 0);
    assert_near(m0.forecast_active, 3, 1e-12);
    assert_near(m0.actual_active, 3, 0);
    assert_near(m0.actual_waiting_nieuw, 1, 0); /* V1 on D0 */
    assert_int_equal(m1.date, D(2025, 2, 1));
    assert_int_equal(m1.actual_date, D(2025, 2, 1));
    assert_near(m1.forecast_active, 2.9845737, 1e-6);
    assert_near(m1.actual_active, 4, 0);
    assert_near(m1.actual_waiting_nieuw, 1, 0);
    assert_near(m2.actual_active, 3, 0);
    assert_near(m3.actual_active, 3, 0);
    assert_near(m3.actual_waiting_nieuw, 1, 0);
    assert_true(isnan(m1.actual_waiting_bestaand));
    assert_true(isnan(m1.actual_waiting));
    /* MAPE: 100/3 x (|f1 - 4| / 4 + |f2 - 3| / 3 + |f3 - 3| / 3) */
    mape =
        100.0 / 3.0 *
        (fabs(m1.forecast_active - 4) / 4 + fabs(m2.forecast_active - 3) / 3 +
         fabs(m3.forecast_active - 3) / 3);
    assert_near(s.mape_active, mape, 1e-9);
    assert_true(isnan(s.mape_waiting_bestaand));
    assert_int_equal(s.months_compared, 3);
    /* the calibration is the one on D0 */
    assert_int_equal(jbw_calibration_date(jbw_backtest_calibration(bt)),
                     D(2025, 1, 1));
    jbw_backtest_free(bt);
    jbw_snapshot_free(snap);
}

static void backtest_outputs_name_the_fields_and_say_what_is_missing(void **s)
{
    jbw_snapshot *snap = small_history(0);
    jbw_backtest *bt = backtest_small(snap, 3);
    char *out = NULL;
    (void)s;
    assert_ok(jbw_backtest_json(&out, NULL, bt));
    assert_non_null(strstr(out, "{\"from\":\"2025-01-01\""));
    assert_non_null(strstr(out, "\"month\":1,\"date\":\"2025-02-01\""));
    assert_non_null(strstr(out, "\"actual_active\":4,"));
    assert_non_null(strstr(out, "\"actual_waiting_bestaand\":null"));
    assert_non_null(strstr(out, "\"mape_active\":"));
    assert_non_null(strstr(out, "\"mape_waiting_nieuw\":"));
    assert_non_null(strstr(out, "bestaand on a past date cannot be rebuilt"));
    jbw_free(out);
    assert_ok(jbw_backtest_csv(&out, NULL, bt));
    assert_non_null(strstr(out, "\n1,2025-02-01,2025-02-01,"));
    jbw_free(out);
    assert_ok(jbw_backtest_text(&out, NULL, bt));
    assert_non_null(strstr(out, "Backtest from 2025-01-01"));
    assert_non_null(strstr(out, "waiting bestaand"));
    jbw_free(out);
    assert_ok(jbw_backtest_svg(&out, NULL, bt, "A <test> & more"));
    assert_non_null(strstr(out, "<svg"));
    assert_non_null(strstr(out, "A &lt;test&gt; &amp; more"));
    assert_non_null(strstr(out, "stroke-dasharray"));
    assert_non_null(strstr(out, "Apr 2025</text>"));
    assert_null(strstr(out, "<script"));
    jbw_free(out);
    jbw_backtest_free(bt);
    jbw_snapshot_free(snap);
}

static void a_backtest_beyond_the_data_or_without_d0_is_refused(void **s)
{
    jbw_snapshot *snap = small_history(0);
    jbw_backtest_options o = JBW_BACKTEST_OPTIONS_INIT;
    jbw_backtest *bt = NULL;
    (void)s;
    assert_status(jbw_backtest_run(&bt, snap, &o), JBW_EINVAL); /* no D0 */
    o.from = D(2025, 1, 1);
    o.months = 6; /* 2025-07-01, after the export of 2025-06-30 */
    assert_status(jbw_backtest_run(&bt, snap, &o), JBW_ERANGE);
    assert_error_contains("6 months reach 2025-07-01, after the data's "
                          "reference date 2025-06-30");
    /* one month: the singular, "1 month reaches" */
    o.from = D(2025, 6, 1);
    o.months = 1;
    assert_status(jbw_backtest_run(&bt, snap, &o), JBW_ERANGE);
    assert_error_contains("from 2025-06-01, 1 month reaches 2025-07-01");
    o.months = 0;
    assert_status(jbw_backtest_run(&bt, snap, &o), JBW_ERANGE);
    assert_error_contains("months is 0");
    o.months = 3;
    o.from = D(2019, 6, 1); /* the window starts before the first record */
    assert_status(jbw_backtest_run(&bt, snap, &o), JBW_ERANGE);
    o.from = D(2025, 1, 1);
    o.organisation = "NOPE";
    assert_status(jbw_backtest_run(&bt, snap, &o), JBW_ENOTFOUND);
    assert_error_contains("jbw_backtest_run: organisation 'NOPE' is not in "
                          "the registry");
    o.organisation = NULL;
    o.version = 7;
    assert_status(jbw_backtest_run(&bt, snap, &o), JBW_EVERSION);
    assert_string_equal(jbw_last_error(), "backtest options version 7 is not "
                                          "supported (expected 1)");
    assert_null(bt);
    assert_ok(jbw_backtest_options_init(&o, JBW_BACKTEST_OPTIONS_VERSION));
    assert_int_equal(o.months, 12);
    assert_int_equal(o.window_months, 12);
    jbw_snapshot_free(snap);
}

static jbw_backtest *backtest_simulated(const jbw_snapshot *snap)
{
    jbw_backtest_options o = JBW_BACKTEST_OPTIONS_INIT;
    jbw_backtest *bt = NULL;
    o.from = D(2024, 1, 1);
    o.months = 12;
    o.window_months = 24;
    assert_ok(jbw_backtest_run(&bt, snap, &o));
    return bt;
}

/*
 * Steady rates: the stock of about 800 moves by a Poisson-like noise of
 * sd sqrt(800 (1 - exp(-12/20))) = 19 over a year (2.4%) and the
 * calibrated rates are off by about 3% (1 / sqrt(960)): the active
 * measures stay within a few percent of the forecast.
 */
static void a_backtest_of_steady_rates_has_a_small_error(void **state)
{
    jbw_snapshot *snap = simulated_history(20250901);
    jbw_backtest *bt = backtest_simulated(snap);
    jbw_backtest_summary s = bt_summary(bt);
    (void)state;
    assert_int_equal(s.months_compared, 12);
    assert_true(s.mape_active < 6.0);
    jbw_backtest_free(bt);
    jbw_snapshot_free(snap);
}

/*
 * The inflow doubles on D0 (40 -> 80 a month): twelve months later the
 * stock is about 800 + 40 x 20 x (1 - exp(-12/20)) = 1161, while the
 * forecast, calibrated on the steady past, stays near 800: 31% short.
 */
static void a_backtest_does_not_see_a_jump_after_d0_coming(void **state)
{
    jbw_snapshot *snap =
        simulated_export(20250901, D(2025, 6, 30), D(2024, 1, 1), 2.0);
    jbw_backtest *bt = backtest_simulated(snap);
    jbw_backtest_summary s = bt_summary(bt);
    jbw_backtest_month m12 = bt_month(bt, 12);
    (void)state;
    assert_true(m12.forecast_active < 0.85 * m12.actual_active);
    assert_true(s.mape_active > 10.0);
    jbw_backtest_free(bt);
    jbw_snapshot_free(snap);
}

/* Exports on 2024-01-01 .. 2024-04-01 of one simulated history: the
 * history backtest compares with each export; its actual figures are
 * those the last export gives for the same dates. */
static void a_history_backtest_compares_with_each_export(void **state)
{
    jbw_snapshot *snaps[4], *last, *saved;
    jbw_backtest_options o = JBW_BACKTEST_OPTIONS_INIT;
    jbw_backtest *bt = NULL, *one = NULL;
    int i;
    (void)state;
    for (i = 0; i < 4; i++)
        snaps[i] = simulated_export(11, D(2024, 4 - i, 1), D(2199, 1, 1), 1.0);
    last = snaps[0]; /* 2024-04-01; the array is in reverse date order */
    o.from = D(2024, 1, 1);
    o.months = 3;
    o.window_months = 24;
    assert_ok(jbw_backtest_run_history(&bt, (const jbw_snapshot *const *)snaps,
                                       4, &o));
    assert_ok(jbw_backtest_run(&one, last, &o));
    assert_int_equal(jbw_backtest_is_history(bt), 1);
    for (i = 0; i <= 3; i++) {
        jbw_backtest_month h = bt_month(bt, i), s = bt_month(one, i);
        assert_int_equal(h.actual_date, s.date);
        assert_near(h.actual_active, s.actual_active, 0);
        assert_near(h.actual_waiting_nieuw, s.actual_waiting_nieuw, 0);
        /* no measure ever had a worker: bestaand is 0, and known */
        assert_near(h.actual_waiting_bestaand, 0, 0);
        assert_near(h.forecast_active, s.forecast_active, 1e-9);
    }
    jbw_backtest_free(bt);
    jbw_backtest_free(one);
    o.from = D(2024, 4, 1); /* the last date */
    assert_status(jbw_backtest_run_history(
                      &bt, (const jbw_snapshot *const *)snaps, 4, &o),
                  JBW_ERANGE);
    assert_error_contains("2024-04-01 is the history's last date");
    o.from = D(2024, 1, 15);
    assert_status(jbw_backtest_run_history(
                      &bt, (const jbw_snapshot *const *)snaps, 4, &o),
                  JBW_ERANGE);
    assert_error_contains("no export of the history is dated 2024-01-15");
    o.from = D(2024, 1, 1);
    saved = snaps[1];
    snaps[1] = snaps[0];
    assert_status(jbw_backtest_run_history(
                      &bt, (const jbw_snapshot *const *)snaps, 4, &o),
                  JBW_EDUPLICATE);
    assert_status(jbw_backtest_run_history(
                      &bt, (const jbw_snapshot *const *)snaps, 0, &o),
                  JBW_EINVAL);
    snaps[1] = saved;
    for (i = 0; i < 4; i++)
        jbw_snapshot_free(snaps[i]);
}

static int oom_backtest(void *ctx)
{
    jbw_backtest_options o = JBW_BACKTEST_OPTIONS_INIT;
    jbw_backtest *bt = NULL;
    char *text = NULL;
    jbw_status st;
    o.from = D(2025, 1, 1);
    o.months = 3;
    o.min_events = 2;
    st = jbw_backtest_run(&bt, (const jbw_snapshot *)ctx, &o);
    if (st == JBW_OK)
        st = jbw_backtest_json(&text, NULL, bt);
    jbw_free(text);
    text = NULL;
    if (st == JBW_OK)
        st = jbw_backtest_csv(&text, NULL, bt);
    jbw_free(text);
    text = NULL;
    if (st == JBW_OK)
        st = jbw_backtest_text(&text, NULL, bt);
    jbw_free(text);
    text = NULL;
    if (st == JBW_OK)
        st = jbw_backtest_svg(&text, NULL, bt, NULL);
    jbw_free(text);
    jbw_backtest_free(bt);
    return st;
}

static void backtest_out_of_memory_is_enomem_without_leaks(void **state)
{
    jbw_snapshot *snap = small_history(0);
    (void)state;
    jbw_test_oom_sweep(oom_backtest, snap, 2000, jbw_test_fail_after);
    jbw_test_oom_sweep(oom_backtest, snap, 2000, jbw_test_fail_only);
    jbw_snapshot_free(snap);
}

/* The number of lines of `text` that end in the CSV field of `notice`
 * (quoted: the notice holds a comma). */
static size_t lines_ending_in(const char *text, const char *notice)
{
    char field[256];
    size_t n = 0, k;
    const char *line = text, *nl;
    snprintf(field, sizeof field, "\"%s\"", notice);
    k = strlen(field);
    while ((nl = strchr(line, '\n')) != NULL) {
        if ((size_t)(nl - line) >= k && memcmp(nl - k, field, k) == 0)
            n++;
        line = nl + 1;
    }
    return n;
}

/*
 * Output made from the embedded example says it is synthetic, from the
 * library: every writer of a calibration and of a backtest carries the
 * snapshot's notice; a snapshot of the user's own has none.
 */
static void calibration_and_backtest_writers_carry_the_data_notice(void **state)
{
    jbw_snapshot *ex = NULL, *own = small_history(0);
    jbw_calibration *cal = NULL, *plain = calibrate_small(own);
    jbw_backtest_options o = JBW_BACKTEST_OPTIONS_INIT;
    jbw_backtest *bt = NULL, *own_bt = backtest_small(own, 3);
    const char *notice = jbw_example_notice();
    char *out = NULL, json_head[512];
    size_t lines, i;
    (void)state;
    assert_ok(jbw_example_snapshot(&ex, JBW_EXAMPLE_SEED));
    assert_ok(jbw_calibrate(&cal, ex, NULL));
    assert_string_equal(jbw_calibration_data_notice(cal), notice);
    assert_null(jbw_calibration_data_notice(plain));
    assert_null(jbw_calibration_data_notice(NULL));
    snprintf(json_head, sizeof json_head, "{\"data_notice\":\"%s\",", notice);
    assert_ok(jbw_calibration_text(&out, NULL, cal));
    assert_int_equal(strncmp(out, notice, strlen(notice)), 0);
    jbw_free(out);
    assert_ok(jbw_calibration_json(&out, NULL, cal));
    assert_int_equal(strncmp(out, json_head, strlen(json_head)), 0);
    jbw_free(out);
    /* a header and one row per kind and one for staff: every line */
    assert_ok(jbw_calibration_csv(&out, NULL, cal));
    for (lines = 0, i = 0; out[i]; i++)
        lines += out[i] == '\n';
    assert_int_equal(lines, 1 + JBW_KIND_COUNT + 1);
    assert_int_equal(lines_ending_in(out, notice), JBW_KIND_COUNT + 1);
    assert_non_null(strstr(out, ",stock,note,data_notice\n"));
    jbw_free(out);
    assert_ok(jbw_calibration_scenario(&out, NULL, cal));
    assert_int_equal(strncmp(out, "# ", 2), 0);
    assert_int_equal(strncmp(out + 2, notice, strlen(notice)), 0);
    jbw_free(out);
    /* the user's own data: no notice anywhere */
    assert_ok(jbw_calibration_csv(&out, NULL, plain));
    assert_null(strstr(out, "data_notice"));
    jbw_free(out);

    o.from = D(2025, 3, 1);
    o.months = 3;
    assert_ok(jbw_backtest_run(&bt, ex, &o));
    assert_string_equal(jbw_backtest_data_notice(bt), notice);
    assert_null(jbw_backtest_data_notice(own_bt));
    assert_ok(jbw_backtest_text(&out, NULL, bt));
    assert_int_equal(strncmp(out, notice, strlen(notice)), 0);
    jbw_free(out);
    assert_ok(jbw_backtest_json(&out, NULL, bt));
    assert_int_equal(strncmp(out, json_head, strlen(json_head)), 0);
    jbw_free(out);
    /* months 0..3: four rows, each with the notice */
    assert_ok(jbw_backtest_csv(&out, NULL, bt));
    assert_int_equal(lines_ending_in(out, notice), 4);
    jbw_free(out);
    assert_ok(jbw_backtest_svg(&out, NULL, bt, NULL));
    assert_non_null(strstr(out, notice));
    jbw_free(out);
    assert_ok(jbw_backtest_svg(&out, NULL, own_bt, NULL));
    assert_null(strstr(out, "#fff2cc")); /* no notice band */
    jbw_free(out);
    jbw_backtest_free(bt);
    jbw_backtest_free(own_bt);
    jbw_calibration_free(cal);
    jbw_calibration_free(plain);
    jbw_snapshot_free(ex);
    jbw_snapshot_free(own);
}

/* Every text writer of a calibration and a backtest as one string (the
 * caller frees it). */
static char *all_text(const jbw_calibration *cal, const jbw_backtest *bt)
{
    char *parts[4] = {NULL, NULL, NULL, NULL}, *all;
    size_t len[4], total = 0, i;
    assert_ok(jbw_calibration_text(&parts[0], &len[0], cal));
    assert_ok(jbw_calibration_scenario(&parts[1], &len[1], cal));
    assert_ok(jbw_backtest_text(&parts[2], &len[2], bt));
    assert_ok(jbw_backtest_svg(&parts[3], &len[3], bt, NULL));
    for (i = 0; i < 4; i++)
        total += len[i];
    all = malloc(total + 1);
    assert_non_null(all);
    total = 0;
    for (i = 0; i < 4; i++) {
        memcpy(all + total, parts[i], len[i]);
        total += len[i];
        jbw_free(parts[i]);
    }
    all[total] = '\0';
    return all;
}

/*
 * The numbers of the calibration's and the backtest's text, scenario and
 * SVG are written with a '.', whatever decimal point the host program's
 * LC_NUMERIC locale has: the same bytes as in the C locale (skipped when
 * no locale with a decimal comma is installed).
 */
static void writers_use_a_point_in_a_decimal_comma_locale(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_calibration *cal = calibrate_small(snap);
    jbw_backtest *bt = backtest_small(snap, 3);
    char *c_locale, *comma;
    int have;
    (void)state;
    c_locale = all_text(cal, bt);
    have = jbw_test_comma_locale();
    if (have) {
        comma = all_text(cal, bt);
        setlocale(LC_NUMERIC, "C");
        assert_string_equal(comma, c_locale);
        free(comma);
    }
    free(c_locale);
    jbw_backtest_free(bt);
    jbw_calibration_free(cal);
    jbw_snapshot_free(snap);
    if (!have)
        skip();
}

/* ---- the backtest chart ------------------------------------------------ */

static void svg_has(const char *svg, const char *needle)
{
    if (!strstr(svg, needle)) {
        print_error("'%s' is not in the chart\n", needle);
        fail();
    }
}

static void svg_lacks(const char *svg, const char *needle)
{
    if (strstr(svg, needle)) {
        print_error("'%s' is in the chart\n", needle);
        fail();
    }
}

static char *backtest_chart(const jbw_backtest *bt, jbw_lang lang,
                            const char *notice)
{
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    o.lang = lang;
    o.notice = notice;
    assert_ok(jbw_chart_backtest_svg(&svg, NULL, bt, &o));
    return svg;
}

/*
 * The chart of a backtest of the example carries the notice as every
 * chart does: in the yellow band at the bottom, the English line with
 * the Dutch one under it in Dutch, also in the text alternative; from the
 * backtest itself, so also when the options give none. The chart is
 * 760 wide and 510 (the lower plot's bottom) + 52 + 40 (the band's room:
 * 24 + 2, 14 for the Dutch line) = 602 high; the band is 24 + 14 = 38
 * high from y 602 - 38 = 564. The user's own data: no band.
 */
static void backtest_chart_has_the_notice_band_of_every_chart(void **state)
{
    jbw_snapshot *ex = NULL, *own = small_history(0);
    jbw_backtest_options o = JBW_BACKTEST_OPTIONS_INIT;
    jbw_backtest *bt = NULL, *own_bt = backtest_small(own, 3);
    const char *nl = "Synthetische voorbeeldgegevens: geen echte kinderen, "
                     "medewerkers of organisaties.";
    char *svg;
    (void)state;
    assert_ok(jbw_example_snapshot(&ex, JBW_EXAMPLE_SEED));
    o.from = D(2025, 3, 1);
    o.months = 3;
    assert_ok(jbw_backtest_run(&bt, ex, &o));
    svg = backtest_chart(bt, JBW_LANG_NL, NULL);
    svg_has(svg, "width=\"760\" height=\"602\" viewBox=\"0 0 760 602\" "
                 "role=\"img\" aria-labelledby=\"backtest-title "
                 "backtest-desc\"");
    svg_has(svg, "<rect x=\"0\" y=\"564\" width=\"760\" height=\"38\" "
                 "fill=\"#fff2cc\"/>");
    svg_has(svg, jbw_example_notice());
    svg_has(svg, nl);
    /* the text alternative ends with both lines */
    svg_has(svg, " \xE2\x80\x94 Synthetische voorbeeldgegevens: geen echte "
                 "kinderen, medewerkers of organisaties.</desc>");
    svg_lacks(svg, "data-notice"); /* the old red line */
    jbw_free(svg);
    /* English: the English line alone, 24 high from 602 - 14 - 24 = 564 */
    svg = backtest_chart(bt, JBW_LANG_EN, NULL);
    svg_has(svg, "height=\"588\"");
    svg_has(svg, "<rect x=\"0\" y=\"564\" width=\"760\" height=\"24\" "
                 "fill=\"#fff2cc\"/>");
    svg_has(svg, jbw_example_notice());
    svg_lacks(svg, nl);
    jbw_free(svg);
    /* own data: no band, unless the caller gives a notice */
    svg = backtest_chart(own_bt, JBW_LANG_NL, NULL);
    svg_has(svg, "height=\"562\"");
    svg_lacks(svg, "#fff2cc");
    jbw_free(svg);
    svg = backtest_chart(own_bt, JBW_LANG_NL, "Concept, niet verspreiden");
    svg_has(svg, "fill=\"#fff2cc\"/>");
    svg_has(svg, "Concept, niet verspreiden</text>");
    jbw_free(svg);
    jbw_backtest_free(bt);
    jbw_backtest_free(own_bt);
    jbw_snapshot_free(ex);
    jbw_snapshot_free(own);
}

/*
 * The small history from D0 = 2025-01-01, 3 months
 * (a_backtest_compares_the_forecast_with_the_records). Forecast of
 * active, month by month a = a (1 - 1/D) + inflow per kind: OTS
 * D = 947 / 30.4375 / 3 = 10.370979, inflow 0.25: 2 -> 2.0571542 ->
 * 2.1087974 -> 2.1554610; VOTS D 3.1, inflow 1/12: 1 -> 0.7607527 ->
 * 0.5986819 -> 0.4888921; JR_ITB_CRIEM (D 1) 2/12 each month: in all
 * 2.9845735, 2.8741460, 2.8110197.
 * The records: 3, 4, 3, 3. MAPE 100/3 (|2.9845735 - 4| / 4 +
 * |2.8741460 - 3| / 3 + |2.8110197 - 3| / 3) = 100/3 (0.2538566 +
 * 0.0419513 + 0.0629934) = 11.96%: "12,0%". Waiting nieuw: 1 at the
 * start (V1); the staff on D0 (2.5 FTE) have room for far more than the
 * 3-4 active measures, so the model assigns every waiting measure in
 * month 1: the forecast is 0 from month 1, against 1 in the records
 * each month: 100%.
 */
static void backtest_chart_speaks_the_language_of_its_options(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_backtest *bt = backtest_small(snap, 3);
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg, *old;
    (void)state;
    svg = backtest_chart(bt, JBW_LANG_NL, NULL);
    svg_has(svg, "lang=\"nl\"");
    svg_has(svg, "<title id=\"backtest-title\">Backtest: prognose tegen wat "
                 "er gebeurde</title>");
    /* the title on the left, as every chart's */
    svg_has(svg, "<text x=\"16\" y=\"26\" font-size=\"17\" "
                 "font-weight=\"bold\" fill=\"#1a1a1a\">Backtest: prognose");
    svg_has(svg, "<text x=\"16\" y=\"46\" font-size=\"12.5\" "
                 "fill=\"#1a1a1a\">vanaf 1-1-2025, gekalibreerd op de 12 "
                 "maanden ervoor;");
    svg_has(svg, "actief 12,0%, wachtend nieuw 100,0%; bestaand niet "
                 "vergeleken");
    svg_has(svg, ">actief, werkelijk</text>");
    svg_has(svg, ">wachtend nieuw, prognose</text>");
    svg_has(svg, ">apr 2025</text>");
    svg_has(svg, ">maand</text>");
    svg_has(svg, ">nieuw (maatregelen)</text>"); /* axis titles with units */
    svg_has(svg, ">actief (maatregelen)</text>");
    /* the lower axis 0 to 1.5 in steps of 0.5, with a decimal comma */
    svg_has(svg, ">0,5</text>");
    svg_has(svg, ">1,5</text>");
    /* the text alternative lists the figures (1 decimal under 100) */
    svg_has(svg, "Boven, actieve maatregelen: bij de start 3,0; na 3 "
                 "maanden (1-4-2025) prognose 2,8, werkelijk 3,0.");
    svg_has(svg, "Onder, wachtend nieuw: bij de start 1,0; na 3 maanden "
                 "(1-4-2025) prognose 0,0, werkelijk 1,0.");
    svg_lacks(svg, "forecast");
    svg_lacks(svg, "2025-04");
    svg_lacks(svg, "Apr 2025");
    jbw_free(svg);

    svg = backtest_chart(bt, JBW_LANG_EN, NULL);
    svg_has(svg, "lang=\"en\"");
    svg_has(svg, ">Backtest: forecast against what happened</title>");
    svg_has(svg, ">from 1 Jan 2025, calibrated on the 12 months before;");
    svg_has(svg, "active 12.0%, waiting nieuw 100.0%; bestaand not compared");
    svg_has(svg, ">active, actual</text>");
    svg_has(svg, ">waiting nieuw, forecast</text>");
    svg_has(svg, ">Apr 2025</text>");
    svg_has(svg, ">0.5</text>");
    svg_has(svg, "Above, active measures: 3.0 at the start; after 3 months "
                 "(1 Apr 2025) forecast 2.8, actual 3.0.");
    svg_lacks(svg, "prognose");
    /* jbw_backtest_svg() is this chart in English with its title */
    assert_ok(jbw_backtest_svg(&old, NULL, bt, NULL));
    assert_string_equal(old, svg);
    jbw_free(old);
    jbw_free(svg);
    o.lang = JBW_LANG_EN;
    o.title = "Own title";
    assert_ok(jbw_chart_backtest_svg(&svg, NULL, bt, &o));
    assert_ok(jbw_backtest_svg(&old, NULL, bt, "Own title"));
    assert_string_equal(old, svg);
    svg_has(svg, ">Own title</text>");
    jbw_free(old);
    jbw_free(svg);

    /* bad options and arguments, as every chart */
    o.lang = (jbw_lang)7;
    assert_status(jbw_chart_backtest_svg(&svg, NULL, bt, &o), JBW_EINVAL);
    o.lang = JBW_LANG_NL;
    o.version = 99;
    assert_status(jbw_chart_backtest_svg(&svg, NULL, bt, &o), JBW_EVERSION);
    assert_status(jbw_chart_backtest_svg(&svg, NULL, NULL, NULL), JBW_EINVAL);
    assert_status(jbw_chart_backtest_svg(NULL, NULL, bt, NULL), JBW_EINVAL);
    jbw_backtest_free(bt);
    jbw_snapshot_free(snap);
}

/* Where a substring starts in the chart (fails when it is missing). */
static size_t svg_at(const char *svg, const char *needle)
{
    const char *at = strstr(svg, needle);
    if (!at) {
        print_error("'%s' is not in the chart\n", needle);
        fail();
    }
    return (size_t)(at - svg);
}

/*
 * A series at 0 lies on the axis: it is drawn after the axis, so that it
 * is not hidden under it. The small history (above): x of month k is
 * 76 + 650 k / 3: 76, 292.7, 509.3, 726. Lower plot y 370..510 for 0..1.5:
 * 1 at 510 - 140 / 1.5 = 416.7, 0 at 510. Upper plot y 110..300: the
 * values 2.8..4 with room (15% of the range, 1% of the top, and 1) are
 * 1.75..5.2, an axis of 1..6 in steps of 1: y = 300 - 38 (v - 1): 3 at
 * 224, 4 at 186.
 */
static void backtest_chart_draws_the_series_after_the_axis(void **state)
{
    jbw_snapshot *snap = small_history(0);
    jbw_backtest *bt = backtest_small(snap, 3);
    char *svg;
    size_t upper_axis, lower_axis, actual, forecast, actual_active;
    (void)state;
    svg = backtest_chart(bt, JBW_LANG_NL, NULL);
    upper_axis = svg_at(svg, "<line stroke=\"#404040\" x1=\"76\" x2=\"76\" "
                             "y1=\"110\" y2=\"300\"/>");
    lower_axis = svg_at(svg, "<line stroke=\"#404040\" x1=\"76\" x2=\"76\" "
                             "y1=\"370\" y2=\"510\"/>");
    actual_active = svg_at(svg, "points=\"76,224 292.7,186 509.3,224 "
                                "726,224\"/>");
    actual = svg_at(svg, "points=\"76,416.7 292.7,416.7 509.3,416.7 "
                         "726,416.7\"/>");
    /* the forecast dashed (the hatch style's dash) on the axis */
    forecast = svg_at(svg, "stroke=\"#c55a11\" stroke-width=\"2.2\" "
                           "stroke-dasharray=\"7 4\" points=\"76,416.7 "
                           "292.7,510 509.3,510 726,510\"/>");
    assert_true(upper_axis < actual_active);
    assert_true(actual_active < lower_axis);
    assert_true(lower_axis < actual);
    assert_true(actual < forecast);
    /* the lower plot's month ticks, too, come before it */
    assert_true(svg_at(svg, "<line x1=\"726\" y1=\"510\" x2=\"726\" "
                            "y2=\"514\"") < forecast);
    /* the legend shows the styles as lines: solid, then dashed */
    svg_has(svg, "<line x1=\"76\" y1=\"346\" x2=\"102\" y2=\"346\" "
                 "fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2.2\"/>");
    svg_has(svg, "stroke=\"#c55a11\" stroke-width=\"2.2\" "
                 "stroke-dasharray=\"7 4\"/>\n<text");
    jbw_free(svg);
    jbw_backtest_free(bt);
    jbw_snapshot_free(snap);
}

/*
 * Exports on 2024-01-01, 03-01 and 04-01 (none within 15 days of
 * 2024-02-01): the records are known in months 0, 2 and 3, so each line
 * of the records breaks after month 0: month 0 alone is a dot at x 76,
 * months 2 and 3 a line from x 76 + 650 x 2/3 = 509.3 to 726. The
 * forecast is known every month: one line from x 76.
 */
static void backtest_chart_breaks_the_records_where_no_export_says(void **s)
{
    static const int month_of[3] = {4, 3, 1};
    jbw_snapshot *snaps[3];
    jbw_backtest_options o = JBW_BACKTEST_OPTIONS_INIT;
    jbw_backtest *bt = NULL;
    char *svg;
    const char *p;
    int i, dots = 0, from_509 = 0;
    (void)s;
    for (i = 0; i < 3; i++)
        snaps[i] =
            simulated_export(11, D(2024, month_of[i], 1), D(2199, 1, 1), 1.0);
    o.from = D(2024, 1, 1);
    o.months = 3;
    o.window_months = 24;
    assert_ok(jbw_backtest_run_history(&bt, (const jbw_snapshot *const *)snaps,
                                       3, &o));
    assert_true(isnan(bt_month(bt, 1).actual_active));
    svg = backtest_chart(bt, JBW_LANG_NL, NULL);
    for (p = svg; (p = strstr(p, "<circle cx=\"76\" cy=\"")) != NULL; p++)
        dots++;
    for (p = svg; (p = strstr(p, " points=\"509.3,")) != NULL; p++)
        from_509++;
    assert_int_equal(dots, 2);     /* active and the waiting list */
    assert_int_equal(from_509, 2); /* the same */
    svg_has(svg, "stroke-dasharray=\"7 4\" points=\"76,");
    svg_has(svg, ">wachtlijst, werkelijk</text>");
    jbw_free(svg);
    jbw_backtest_free(bt);
    for (i = 0; i < 3; i++)
        jbw_snapshot_free(snaps[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(small_history_is_counted_as_by_hand),
        cmocka_unit_test(turnover_is_one_minus_exp_of_the_fte_hazard),
        cmocka_unit_test(time_to_first_assignment_is_kaplan_meier),
        cmocka_unit_test(a_kind_without_exits_gets_the_default_with_a_note),
        cmocka_unit_test(the_notes_are_read_by_accessor),
        cmocka_unit_test(an_estimate_far_beyond_the_window_is_marked),
        cmocka_unit_test(a_duration_below_a_month_is_clamped_to_the_minimum),
        cmocka_unit_test(too_few_leavers_give_the_default_turnover),
        cmocka_unit_test(later_records_do_not_change_the_calibration_on_d),
        cmocka_unit_test(
            the_scenario_file_sets_what_apply_sets_each_with_its_basis),
        cmocka_unit_test(bad_dates_windows_and_arguments_are_refused),
        cmocka_unit_test(a_simulated_history_gives_back_its_rates),
        cmocka_unit_test(the_naive_mean_of_ended_measures_is_biased_low),
        cmocka_unit_test(out_of_memory_is_enomem_without_leaks),
        cmocka_unit_test(csv_has_a_row_per_kind_and_one_for_staff),
        cmocka_unit_test(a_backtest_compares_the_forecast_with_the_records),
        cmocka_unit_test(
            backtest_outputs_name_the_fields_and_say_what_is_missing),
        cmocka_unit_test(a_backtest_beyond_the_data_or_without_d0_is_refused),
        cmocka_unit_test(a_backtest_of_steady_rates_has_a_small_error),
        cmocka_unit_test(a_backtest_does_not_see_a_jump_after_d0_coming),
        cmocka_unit_test(a_history_backtest_compares_with_each_export),
        cmocka_unit_test(backtest_out_of_memory_is_enomem_without_leaks),
        cmocka_unit_test(writers_use_a_point_in_a_decimal_comma_locale),
        cmocka_unit_test(
            calibration_and_backtest_writers_carry_the_data_notice),
        cmocka_unit_test(backtest_chart_has_the_notice_band_of_every_chart),
        cmocka_unit_test(backtest_chart_speaks_the_language_of_its_options),
        cmocka_unit_test(backtest_chart_draws_the_series_after_the_axis),
        cmocka_unit_test(
            backtest_chart_breaks_the_records_where_no_export_says),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
