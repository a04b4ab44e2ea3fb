/*
 * Numbers at the edges. Every public function that takes a double, or a
 * struct with doubles, rejects NaN and both infinities with JBW_EINVAL and
 * leaves its outputs untouched; number text ("nan", "inf", "1e999") is a
 * parse error; counts and dates near the integer limits give JBW_ERANGE
 * (or the documented error), never a wrapped value.
 *
 * The inputs are SYNTHETIC (rel_fixture.h).
 */
#include <float.h>
#include <limits.h>

#include "jbw_test.h"

#include "rel_fixture.h"

static const double bad_doubles[3] = {NAN, INFINITY, -INFINITY};
#define N_BAD 3

static jbw_date d_first(void)
{
    return D(1900, 1, 1);
}
static jbw_date d_last(void)
{
    return D(2199, 12, 31);
}

/* ---- NaN and infinities: norm setters ------------------------------- */

static char *norm_text(const jbw_norm *n)
{
    char *s = NULL;
    assert_ok(jbw_norm_save(&s, NULL, n));
    return s;
}

static void norm_setters_reject_nan_and_infinity(void **state)
{
    jbw_norm *n = NULL;
    char *before, *after;
    int i;
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    before = norm_text(n);
    for (i = 0; i < N_BAD; i++) {
        const int32_t from[2] = {0, 6};
        double frac[2] = {0.5, 1.0};
        double x = bad_doubles[i];
        assert_status(jbw_norm_set_caseload_per_fte(n, x), JBW_EINVAL);
        assert_error_contains("caseload");
        assert_status(jbw_norm_set_weight(n, JBW_KIND_OTS, x), JBW_EINVAL);
        assert_status(jbw_norm_set_thresholds(n, x, 1.0), JBW_EINVAL);
        assert_status(jbw_norm_set_thresholds(n, 0.9, x), JBW_EINVAL);
        frac[1] = x;
        assert_status(jbw_norm_set_ramp(n, from, frac, 2), JBW_EINVAL);
        frac[0] = x;
        frac[1] = 1.0;
        assert_status(jbw_norm_set_ramp(n, from, frac, 2), JBW_EINVAL);
    }
    /* Nothing changed: the saved text is the same. */
    after = norm_text(n);
    assert_string_equal(before, after);
    jbw_free(before);
    jbw_free(after);
    jbw_norm_free(n);
}

static void norm_file_rejects_nan_inf_and_overflow_text(void **state)
{
    static const char *const texts[] = {
        "caseload_per_fte = nan\n",  "caseload_per_fte = inf\n",
        "caseload_per_fte = -inf\n", "caseload_per_fte = 1e999\n",
        "weight.OTS = NaN\n",        "ramp.0 = nan\n",
        "under_below = infinity\n",  "over_above = 1e400\n",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        jbw_norm *n = (jbw_norm *)(uintptr_t)1;
        assert_status(jbw_norm_parse(&n, texts[i], strlen(texts[i]), "t.norm"),
                      JBW_EPARSE);
        assert_error_contains("t.norm line 1");
        assert_ptr_equal(n, (jbw_norm *)(uintptr_t)1);
    }
}

/* ---- NaN and infinities: workers -------------------------------------- */

static void worker_fte_nan_or_infinite_is_rejected(void **state)
{
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    int i;
    (void)state;
    assert_ok(jbw_registry_zuid_west(&reg));
    assert_ok(jbw_snapshot_new(&snap, reg, REL_DATE_2025_09_01));
    for (i = 0; i < N_BAD; i++) {
        jbw_worker w = JBW_WORKER_INIT;
        w.id = "W1";
        w.organisation = "JBWEST";
        w.fte = bad_doubles[i];
        w.hired = D(2024, 1, 1);
        assert_status(jbw_snapshot_add_worker(snap, &w), JBW_EINVAL);
        assert_error_contains("W1");
        assert_int_equal(jbw_snapshot_worker_count(snap), 0);
    }
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
}

static void workers_csv_rejects_nan_inf_and_overflow_fte(void **state)
{
    static const char *const ftes[] = {"nan",   "inf",      "-inf",
                                       "1e999", "infinity", "NAN"};
    jbw_registry *reg = NULL;
    size_t i;
    (void)state;
    assert_ok(jbw_registry_zuid_west(&reg));
    for (i = 0; i < sizeof ftes / sizeof ftes[0]; i++) {
        char workers[200];
        jbw_snapshot *snap = (jbw_snapshot *)(uintptr_t)1;
        snprintf(workers, sizeof workers,
                 "id,organisation,region,fte,hired,leaving\n"
                 "W1,JBWEST,ZHZ,%s,2020-03-01,\n",
                 ftes[i]);
        assert_status(jbw_snapshot_load_csv_buffers(
                          &snap, NULL, reg, rel_measures_csv, 0, NULL, workers,
                          strlen(workers), NULL, NULL),
                      JBW_EPARSE);
        assert_error_contains("workers.csv line 2");
        assert_error_contains("fte");
        assert_ptr_equal(snap, (jbw_snapshot *)(uintptr_t)1);
    }
    jbw_registry_free(reg);
}

/* ---- NaN and infinities: forecast and staffing ------------------------ */

/* Every double field of the forecast parameters, for the sweep below. */
static size_t param_doubles(double **f, jbw_forecast_params *p)
{
    size_t n = 0, k;
    for (k = 0; k < JBW_KIND_COUNT; k++) {
        f[n++] = &p->assigned[k];
        f[n++] = &p->waiting_nieuw[k];
        f[n++] = &p->waiting_bestaand[k];
        f[n++] = &p->inflow[k];
        f[n++] = &p->duration[k];
        f[n++] = &p->tariff[k];
    }
    for (k = 0; k < JBW_TENURE_SLOTS; k++)
        f[n++] = &p->staff_fte[k];
    f[n++] = &p->turnover;
    f[n++] = &p->hires_fte;
    f[n++] = &p->fte_per_worker;
    f[n++] = &p->units_per_measure;
    f[n++] = &p->staff_cost;
    f[n++] = &p->fixed_costs;
    return n;
}

static void base_params(jbw_forecast_params *p)
{
    jbw_forecast_params init = JBW_FORECAST_PARAMS_INIT;
    *p = init;
    p->months = 6;
    p->assigned[JBW_KIND_OTS] = 100;
    p->waiting_nieuw[JBW_KIND_OTS] = 10;
    p->inflow[JBW_KIND_OTS] = 5;
    p->staff_fte[36] = 9;
    p->turnover = 0.2;
    p->finance = 1;
    p->tariff[JBW_KIND_OTS] = 17000;
    p->staff_cost = 80000;
    p->fixed_costs = 100000;
}

static void forecast_params_reject_nan_and_infinity_in_every_field(void **state)
{
    jbw_forecast_params p;
    double *fields[256];
    size_t n, i;
    int b;
    (void)state;
    base_params(&p);
    assert_ok(jbw_forecast_params_check(&p, 0));
    n = param_doubles(fields, &p);
    assert_int_equal(n, 6 * JBW_KIND_COUNT + JBW_TENURE_SLOTS + 6);
    for (i = 0; i < n; i++) {
        for (b = 0; b < N_BAD; b++) {
            double keep = *fields[i];
            jbw_forecast *fc = (jbw_forecast *)(uintptr_t)1;
            *fields[i] = bad_doubles[b];
            if (jbw_forecast_params_check(&p, 0) != JBW_EINVAL)
                fail_msg("params double field %zu = %g: check returned %d", i,
                         bad_doubles[b], (int)jbw_forecast_params_check(&p, 0));
            if (jbw_forecast_run(&fc, &p, NULL, NULL) != JBW_EINVAL)
                fail_msg("params double field %zu = %g: run did not return "
                         "JBW_EINVAL",
                         i, bad_doubles[b]);
            assert_ptr_equal(fc, (jbw_forecast *)(uintptr_t)1);
            *fields[i] = keep;
        }
    }
}

static void shock_multiplier_nan_or_infinite_is_rejected(void **state)
{
    jbw_forecast_params p;
    jbw_shock s = {JBW_KIND_OTS, 1, 3, 1.5};
    int b;
    (void)state;
    base_params(&p);
    p.shocks = &s;
    p.shock_count = 1;
    assert_ok(jbw_forecast_params_check(&p, 0));
    for (b = 0; b < N_BAD; b++) {
        s.multiplier = bad_doubles[b];
        assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
        assert_error_contains("shock");
    }
}

static void relief_target_nan_or_infinite_is_rejected(void **state)
{
    jbw_forecast_params p;
    int b;
    (void)state;
    base_params(&p);
    for (b = 0; b < N_BAD; b++) {
        double h = -7.0;
        assert_status(jbw_forecast_relief(&h, &p, NULL, bad_doubles[b], 12),
                      JBW_EINVAL);
        assert_true(h == -7.0);
    }
}

static void erlang_c_load_nan_or_infinite_is_rejected(void **state)
{
    int b;
    (void)state;
    for (b = 0; b < N_BAD; b++) {
        double pw = -7.0;
        assert_status(jbw_erlang_c(&pw, 10, bad_doubles[b]), JBW_EINVAL);
        assert_true(pw == -7.0);
    }
}

static void queue_inputs_nan_or_infinite_are_rejected(void **state)
{
    jbw_forecast_params p;
    int b, f;
    (void)state;
    base_params(&p);
    for (b = 0; b < N_BAD; b++) {
        double x = bad_doubles[b];
        jbw_queue_params q = JBW_QUEUE_PARAMS_INIT;
        jbw_queue_result r;
        r.version = JBW_QUEUE_RESULT_VERSION;
        r.slots = 77;
        assert_status(jbw_queue_staffing(&r, &q, x), JBW_EINVAL);
        assert_status(jbw_queue_share(&r, &q, x), JBW_EINVAL);
        assert_int_equal(r.slots, 77);
        q.version = 0;
        assert_ok(jbw_queue_params_init(&q, JBW_QUEUE_PARAMS_VERSION));
        assert_status(jbw_queue_params_from_forecast(&q, &p, NULL, x),
                      JBW_EINVAL);
        for (f = 0; f < 4; f++) {
            jbw_queue_params bad = JBW_QUEUE_PARAMS_INIT;
            double *fields[4];
            fields[0] = &bad.arrivals_per_workday;
            fields[1] = &bad.mean_duration_workdays;
            fields[2] = &bad.within_workdays;
            fields[3] = &bad.slots_per_fte;
            *fields[f] = x;
            if (jbw_queue_staffing(&r, &bad, 80.0) != JBW_EINVAL)
                fail_msg("queue field %d = %g accepted by queue_staffing", f,
                         x);
            if (jbw_queue_share(&r, &bad, 10.0) != JBW_EINVAL)
                fail_msg("queue field %d = %g accepted by queue_share", f, x);
            assert_int_equal(r.slots, 77);
        }
    }
}

static void scenario_rejects_nan_inf_and_overflow_text(void **state)
{
    static const char *const texts[] = {
        "turnover = nan\n",        "hires_fte = inf\n",
        "inflow.OTS = -inf\n",     "duration.OTS = 1e999\n",
        "staff.0 = NaN\n",         "shock.a = OTS 1 3 nan\n",
        "shock.a = OTS 1 3 inf\n",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        jbw_scenario *sc = (jbw_scenario *)(uintptr_t)1;
        assert_status(
            jbw_scenario_parse(&sc, texts[i], strlen(texts[i]), "s.txt"),
            JBW_EPARSE);
        assert_error_contains("s.txt line 1");
        assert_ptr_equal(sc, (jbw_scenario *)(uintptr_t)1);
    }
}

/* ---- integer limits: dates and the calendar --------------------------- */

static void date_from_ymd_extreme_fields_never_wrap(void **state)
{
    jbw_date d = 4242;
    (void)state;
    assert_status(jbw_date_from_ymd(&d, INT_MAX, 1, 1), JBW_ERANGE);
    assert_status(jbw_date_from_ymd(&d, INT_MIN, 1, 1), JBW_ERANGE);
    assert_status(jbw_date_from_ymd(&d, 2025, INT_MAX, 1), JBW_EINVAL);
    assert_status(jbw_date_from_ymd(&d, 2025, INT_MIN, 1), JBW_EINVAL);
    assert_status(jbw_date_from_ymd(&d, 2025, 1, INT_MAX), JBW_EINVAL);
    assert_status(jbw_date_from_ymd(&d, 2025, 1, INT_MIN), JBW_EINVAL);
    assert_status(jbw_date_from_ymd(&d, JBW_YEAR_MAX + 1, 1, 1), JBW_ERANGE);
    assert_status(jbw_date_from_ymd(&d, JBW_YEAR_MIN - 1, 12, 31), JBW_ERANGE);
    assert_int_equal(d, 4242);
}

static void date_parse_huge_numbers_never_wrap(void **state)
{
    /* Each would read as a valid date if a field wrapped modulo 2^32:
     * 4294969321 = 2^32 + 2025, 4294967297 = 2^32 + 1, 4294967305 =
     * 2^32 + 9. */
    static const char *const texts[] = {
        "4294969321-09-01",
        "2025-4294967305-01",
        "2025-09-4294967297",
        "4294967297-9-2025",
        "1-4294967305-2025",
        "1-9-4294969321",
        "99999999999999999999999-01-01",
        "01-01-99999999999999999999999",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        jbw_date d = 4242;
        jbw_status st = jbw_date_parse(&d, texts[i], (size_t)-1);
        if (st != JBW_EPARSE && st != JBW_ERANGE)
            fail_msg("'%s' gave %d (date %ld)", texts[i], (int)st, (long)d);
        assert_int_equal(d, 4242);
        assert_error_contains(texts[i]);
    }
}

static void add_months_near_int_limits_is_a_range_error(void **state)
{
    jbw_date d = 4242;
    (void)state;
    assert_status(jbw_date_add_months(&d, REL_DATE_2025_09_01, INT_MAX),
                  JBW_ERANGE);
    assert_status(jbw_date_add_months(&d, REL_DATE_2025_09_01, INT_MIN),
                  JBW_ERANGE);
    assert_status(jbw_date_add_months(&d, REL_DATE_2025_09_01, INT_MAX - 11),
                  JBW_ERANGE);
    /* One month past either end of the range. */
    assert_status(jbw_date_add_months(&d, D(2199, 12, 1), 1), JBW_ERANGE);
    assert_status(jbw_date_add_months(&d, D(1900, 1, 31), -1), JBW_ERANGE);
    assert_status(jbw_date_add_months(&d, JBW_DATE_NONE, 0), JBW_ERANGE);
    assert_int_equal(d, 4242);
    /* 3599 months = 299 years 11 months: 1900-01-01 -> 2199-12-01. */
    assert_ok(jbw_date_add_months(&d, d_first(), 3599));
    assert_int_equal(d, D(2199, 12, 1));
    /* and back again */
    assert_ok(jbw_date_add_months(&d, D(2199, 12, 31), -3599));
    assert_int_equal(d, D(1900, 1, 31));
}

static void add_workdays_near_int32_limits_is_a_range_error(void **state)
{
    jbw_calendar *cal = NULL;
    jbw_date d = 4242;
    (void)state;
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_status(
        jbw_calendar_add_workdays(&d, cal, REL_DATE_2025_09_01, INT32_MAX),
        JBW_ERANGE);
    assert_status(
        jbw_calendar_add_workdays(&d, cal, REL_DATE_2025_09_01, INT32_MIN),
        JBW_ERANGE);
    assert_status(
        jbw_calendar_add_workdays(&d, cal, REL_DATE_2025_09_01, INT32_MIN + 1),
        JBW_ERANGE);
    /* 2199-12-31 is a Tuesday, a working day; the next one lies outside
     * the range, and so does the working day before 1900-01-01. */
    assert_status(jbw_calendar_add_workdays(&d, cal, d_last(), 1), JBW_ERANGE);
    assert_status(jbw_calendar_add_workdays(&d, cal, d_first(), -1),
                  JBW_ERANGE);
    assert_status(jbw_calendar_add_workdays(&d, cal, INT32_MAX, 0), JBW_ERANGE);
    assert_status(jbw_calendar_add_workdays(&d, cal, JBW_DATE_NONE, 0),
                  JBW_ERANGE);
    assert_int_equal(d, 4242);
    jbw_calendar_free(cal);
}

static void counts_over_the_whole_range_fit(void **state)
{
    jbw_calendar *cal = NULL;
    int32_t wd = 0, back = 0, m = 0, y = 0;
    (void)state;
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_calendar_workdays_between(&wd, cal, d_first(), d_last()));
    assert_ok(jbw_calendar_workdays_between(&back, cal, d_last(), d_first()));
    /* 300 years have 109,572 days, so at most 78,273 weekdays (5 of every
     * 7, rounded up); the CAO holidays take at most 8 of them a year. */
    assert_true(wd > 78273 - 8 * 300 && wd <= 78273);
    assert_int_equal(back, -wd);
    /* 1900-01-01 to 2199-12-31: 299 whole years, 3599 whole months. */
    assert_ok(jbw_months_between(&m, d_first(), d_last()));
    assert_int_equal(m, 3599);
    assert_ok(jbw_years_between(&y, d_first(), d_last()));
    assert_int_equal(y, 299);
    assert_ok(jbw_months_between(&m, d_last(), d_first()));
    assert_int_equal(m, -3599);
    m = 4242;
    assert_status(jbw_months_between(&m, INT32_MAX, d_first()), JBW_ERANGE);
    assert_status(jbw_years_between(&m, d_first(), INT32_MIN + 1), JBW_ERANGE);
    assert_status(jbw_calendar_workdays_between(&m, cal, INT32_MIN, d_last()),
                  JBW_ERANGE);
    assert_int_equal(m, 4242);
    jbw_calendar_free(cal);
}

static void dates_outside_the_range_are_range_errors_everywhere(void **state)
{
    jbw_calendar *cal = NULL;
    char buf[JBW_DATE_BUFSIZE] = "unchanged";
    int y = -1, wd = -1;
    size_t count = 99;
    jbw_holiday_kind hk = JBW_HOLIDAY_CLOSURE;
    (void)state;
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_status(jbw_date_format(buf, sizeof buf, INT32_MAX), JBW_ERANGE);
    assert_status(jbw_date_format(buf, sizeof buf, d_last() + 1), JBW_ERANGE);
    assert_string_equal(buf, "unchanged");
    assert_status(jbw_date_to_ymd(&y, NULL, NULL, INT32_MIN + 1), JBW_ERANGE);
    assert_int_equal(y, -1);
    assert_int_equal(jbw_date_weekday(INT32_MAX), 0);
    assert_int_equal(jbw_date_weekday(d_first() - 1), 0);
    assert_status(jbw_calendar_is_workday(&wd, cal, d_last() + 1), JBW_ERANGE);
    assert_status(jbw_calendar_holiday(&hk, cal, INT32_MIN), JBW_ERANGE);
    assert_status(jbw_calendar_holidays(NULL, 0, &count, cal, INT_MAX),
                  JBW_ERANGE);
    assert_status(jbw_calendar_holidays(NULL, 0, &count, cal, INT_MIN),
                  JBW_ERANGE);
    assert_status(jbw_calendar_add_closure(cal, d_first() - 1), JBW_ERANGE);
    assert_int_equal(wd, -1);
    assert_int_equal(hk, JBW_HOLIDAY_CLOSURE);
    jbw_calendar_free(cal);
}

/* ---- integer limits: records, files, series --------------------------- */

static void previous_workers_beyond_int_range_is_not_wrapped(void **state)
{
    /* 4294967296 = 2^32 would read 0 after a 32-bit wrap, 4294967297 1. */
    static const char *const values[] = {"2147483648", "4294967296",
                                         "4294967297", "-2147483649",
                                         "9223372036854775808"};
    jbw_registry *reg = NULL;
    size_t i;
    (void)state;
    assert_ok(jbw_registry_zuid_west(&reg));
    for (i = 0; i < sizeof values / sizeof values[0]; i++) {
        char measures[400];
        jbw_snapshot *snap = (jbw_snapshot *)(uintptr_t)1;
        jbw_status st;
        snprintf(measures, sizeof measures,
                 "id,child_id,kind,organisation,region,start,first_assigned,"
                 "waiting_since,previous_workers\n"
                 "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,2025-01-11,2025-05-01,%s\n",
                 values[i]);
        st = jbw_snapshot_load_csv_buffers(
            &snap, NULL, reg, measures, strlen(measures), NULL, rel_workers_csv,
            sizeof rel_workers_csv - 1, NULL, NULL);
        if (st != JBW_ERANGE && st != JBW_EPARSE)
            fail_msg("previous_workers %s gave %d", values[i], (int)st);
        assert_error_contains("previous_workers");
        assert_ptr_equal(snap, (jbw_snapshot *)(uintptr_t)1);
    }
    jbw_registry_free(reg);
}

static void series_counts_that_cannot_add_up_are_range_errors(void **state)
{
    jbw_series *s = NULL;
    (void)state;
    assert_ok(jbw_series_new(&s, NULL));
    /* nieuw + bestaand would wrap size_t; the changes would not fit a
     * long long. */
    assert_status(jbw_series_add(s, REL_DATE_2025_09_01, SIZE_MAX, 1),
                  JBW_ERANGE);
    assert_status(jbw_series_add(s, REL_DATE_2025_09_01, 1, SIZE_MAX),
                  JBW_ERANGE);
    assert_status(
        jbw_series_add(s, REL_DATE_2025_09_01, (size_t)LLONG_MAX + 1u, 0),
        JBW_ERANGE);
    assert_status(jbw_series_add(s, INT32_MAX, 1, 1), JBW_ERANGE);
    assert_int_equal(jbw_series_count(s), 0);
    jbw_series_free(s);
}

static void norm_ramp_at_extreme_months_stays_in_its_domain(void **state)
{
    jbw_norm *n = NULL;
    const int32_t from[2] = {0, INT32_MAX};
    const double frac[2] = {0.25, 0.75};
    (void)state;
    assert_ok(jbw_norm_new_default(&n));
    /* default ramp: 0.5 months 0-2, 0.75 months 3-5, 1.0 from 6 */
    assert_true(jbw_norm_ramp(n, INT32_MIN) == 0.0);
    assert_true(jbw_norm_ramp(n, -1) == 0.0);
    assert_true(jbw_norm_ramp(n, INT32_MAX) == 1.0);
    /* A ramp with a step at INT32_MAX months is valid. */
    assert_ok(jbw_norm_set_ramp(n, from, frac, 2));
    assert_true(jbw_norm_ramp(n, INT32_MAX - 1) == 0.25);
    assert_true(jbw_norm_ramp(n, INT32_MAX) == 0.75);
    /* A count beyond JBW_RAMP_MAX is refused before the arrays are read
     * (they hold 2 elements here). */
    assert_status(jbw_norm_set_ramp(n, from, frac, SIZE_MAX), JBW_EINVAL);
    assert_status(jbw_norm_set_ramp(n, from, frac, JBW_RAMP_MAX + 1),
                  JBW_EINVAL);
    assert_true(jbw_norm_ramp(n, INT32_MAX) == 0.75);
    jbw_norm_free(n);
}

static void scoring_at_the_range_ends_never_overflows(void **state)
{
    jbw_waitrisk_model *model = NULL;
    jbw_calendar *cal = NULL;
    jbw_wait_case c = JBW_WAIT_CASE_INIT;
    jbw_score s;
    jbw_status st;
    (void)state;
    /* the figures below are those of model version 1 */
    assert_ok(jbw_waitrisk_model_new_version(&model, 1));
    assert_ok(jbw_calendar_new(&cal, NULL));
    c.id = "M1";
    c.child_id = "C1";
    c.organisation = "JBWEST";
    c.region = "ZHZ";
    c.safety = JBW_SAFETY_ACUTE;
    c.kind = JBW_KIND_VOTS;
    c.waiting_since = d_first();
    c.birth_date = d_first();
    c.previous_workers = INT_MAX;
    s.version = JBW_SCORE_VERSION;
    /* Waiting 300 years, handed over INT_MAX times: every item at its
     * maximum, the sum stays small (the points are bounded per item). */
    st = jbw_waitrisk_score(&s, model, cal, &c, d_last() - 400);
    assert_ok(st);
    assert_int_equal(s.band, JBW_BAND_ACUUT);
    /* waitrisk.h, model version 1: acute override +100 (safety acute is
     * none of unsafe/concerns/unknown/safe: 0), VOTS 25, > 65 werkdagen
     * 35, bestaand 10, age 298 (>= 12) 0, no contact for > 20 werkdagen
     * 20, 3 or more earlier workers 5: 100 + 25 + 35 + 10 + 20 + 5 = 195.
     * Age: 2199-12-31 - 400 days = 2198-11-26, 298 years after
     * 1900-01-01. */
    assert_int_equal(s.points, 195);
    assert_true(s.workdays_waiting > 70000);
    assert_int_equal(s.age_years, 298);
    /* On the last day the next contact falls after the range: an error
     * or no date, never a wrapped one. */
    st = jbw_waitrisk_score(&s, model, cal, &c, d_last());
    if (st == JBW_OK)
        assert_true(
            s.next_contact_due == JBW_DATE_NONE ||
            (s.next_contact_due > d_first() && s.next_contact_due <= d_last()));
    else
        assert_int_equal(st, JBW_ERANGE);
    jbw_calendar_free(cal);
    jbw_waitrisk_model_free(model);
}

static void coupling_norm_of_int32_max_werkdagen_does_not_wrap(void **state)
{
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload *cl = NULL;
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    jbw_status st;
    (void)state;
    assert_ok(jbw_registry_zuid_west(&reg));
    assert_ok(jbw_snapshot_load_csv_buffers(
        &snap, NULL, reg, rel_measures_csv, sizeof rel_measures_csv - 1, NULL,
        rel_workers_csv, sizeof rel_workers_csv - 1, NULL, NULL));
    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_calendar_new(&cal, NULL));
    o.coupling_workdays = INT32_MAX;
    st = jbw_caseload_compute(&cl, snap, norm, cal, &o);
    if (st == JBW_OK) {
        jbw_caseload_totals t;
        t.version = JBW_CASELOAD_TOTALS_VERSION;
        assert_ok(jbw_caseload_totals_get(&t, cl));
        /* Nobody can be past a norm of INT32_MAX werkdagen. */
        assert_int_equal(t.coupling_waiting_past, 0);
        assert_int_equal(t.coupling_within + 0, t.coupling_within);
        jbw_caseload_free(cl);
    } else {
        assert_int_equal(st, JBW_ERANGE);
    }
    o.coupling_workdays = INT32_MIN;
    cl = (jbw_caseload *)(uintptr_t)1;
    assert_status(jbw_caseload_compute(&cl, snap, norm, cal, &o), JBW_EINVAL);
    assert_ptr_equal(cl, (jbw_caseload *)(uintptr_t)1);
    jbw_calendar_free(cal);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
}

/* ---- integer limits: forecast and staffing ----------------------------- */

static void forecast_months_and_counts_near_limits_are_refused(void **state)
{
    jbw_forecast_params p;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = (jbw_forecast *)(uintptr_t)1;
    jbw_shock s = {JBW_KIND_OTS, 1, 3, 1.5};
    jbw_status st;
    (void)state;
    base_params(&p);
    p.months = INT32_MAX;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_ERANGE);
    p.months = INT32_MIN;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_ERANGE);
    p.months = JBW_FORECAST_MONTHS_MAX + 1;
    assert_status(jbw_forecast_run(&fc, &p, NULL, NULL), JBW_ERANGE);
    p.months = 6;
    p.hire_months = INT32_MAX;
    st = jbw_forecast_params_check(&p, 0);
    assert_true(st == JBW_EINVAL || st == JBW_ERANGE);
    p.hire_months = INT32_MIN;
    st = jbw_forecast_params_check(&p, 0);
    assert_true(st == JBW_EINVAL || st == JBW_ERANGE);
    p.hire_months = 6;
    p.start = INT32_MAX;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_ERANGE);
    p.start = JBW_DATE_NONE;
    /* Shocks: months at the int32 limits, and a count the array cannot
     * hold (refused before it is read: the array has 1 element). */
    p.shocks = &s;
    p.shock_count = 1;
    s.month_from = INT32_MIN;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    s.month_from = 1;
    s.month_to = INT32_MAX;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    s.month_to = 3;
    s.kind = INT_MAX;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    s.kind = JBW_KIND_OTS;
    p.shock_count = SIZE_MAX;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    p.shock_count = 1;
    assert_ok(jbw_forecast_params_check(&p, 0));
    /* replicates beyond the maximum */
    o.replicates = SIZE_MAX;
    st = jbw_forecast_run(&fc, &p, NULL, &o);
    assert_true(st == JBW_EINVAL || st == JBW_ERANGE);
    o.replicates = JBW_FORECAST_REPLICATES_MAX + 1;
    st = jbw_forecast_run(&fc, &p, NULL, &o);
    assert_true(st == JBW_EINVAL || st == JBW_ERANGE);
    assert_ptr_equal(fc, (jbw_forecast *)(uintptr_t)1);
    /* month_get outside 0..months */
    fc = NULL;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, NULL));
    {
        jbw_forecast_month m;
        m.version = JBW_FORECAST_MONTH_VERSION;
        assert_status(jbw_forecast_month_get(&m, fc, INT32_MAX, JBW_STAT_MEAN),
                      JBW_ERANGE);
        assert_status(jbw_forecast_month_get(&m, fc, INT32_MIN, JBW_STAT_MEAN),
                      JBW_ERANGE);
        assert_status(jbw_forecast_month_get(&m, fc, 7, JBW_STAT_MEAN),
                      JBW_ERANGE);
    }
    jbw_forecast_free(fc);
}

static void staffing_near_limits_is_a_range_error(void **state)
{
    jbw_forecast_params p;
    jbw_queue_params q = JBW_QUEUE_PARAMS_INIT;
    jbw_queue_result r;
    double h = -7.0, pw = -7.0;
    (void)state;
    base_params(&p);
    assert_status(jbw_forecast_relief(&h, &p, NULL, 5.0, INT32_MAX),
                  JBW_ERANGE);
    assert_status(jbw_forecast_relief(&h, &p, NULL, 5.0, 0), JBW_ERANGE);
    assert_status(jbw_forecast_relief(&h, &p, NULL, 5.0, INT32_MIN),
                  JBW_ERANGE);
    assert_true(h == -7.0);
    assert_status(jbw_erlang_c(&pw, SIZE_MAX, 1.0), JBW_ERANGE);
    assert_status(jbw_erlang_c(&pw, 100000001u, 1.0), JBW_ERANGE);
    assert_true(pw == -7.0);
    /* A huge but finite load or FTE needs more than 100,000,000 slots:
     * a range error, not a double-to-integer overflow. */
    r.version = JBW_QUEUE_RESULT_VERSION;
    r.slots = 77;
    assert_status(jbw_queue_share(&r, &q, 1e300), JBW_ERANGE);
    assert_status(jbw_queue_share(&r, &q, DBL_MAX), JBW_ERANGE);
    q.arrivals_per_workday = 1e300;
    assert_status(jbw_queue_staffing(&r, &q, 80.0), JBW_ERANGE);
    q.arrivals_per_workday = DBL_MAX;
    q.mean_duration_workdays = DBL_MAX;
    assert_status(jbw_queue_staffing(&r, &q, 80.0), JBW_ERANGE);
    assert_int_equal(r.slots, 77);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(norm_setters_reject_nan_and_infinity),
        cmocka_unit_test(norm_file_rejects_nan_inf_and_overflow_text),
        cmocka_unit_test(worker_fte_nan_or_infinite_is_rejected),
        cmocka_unit_test(workers_csv_rejects_nan_inf_and_overflow_fte),
        cmocka_unit_test(
            forecast_params_reject_nan_and_infinity_in_every_field),
        cmocka_unit_test(shock_multiplier_nan_or_infinite_is_rejected),
        cmocka_unit_test(relief_target_nan_or_infinite_is_rejected),
        cmocka_unit_test(erlang_c_load_nan_or_infinite_is_rejected),
        cmocka_unit_test(queue_inputs_nan_or_infinite_are_rejected),
        cmocka_unit_test(scenario_rejects_nan_inf_and_overflow_text),
        cmocka_unit_test(date_from_ymd_extreme_fields_never_wrap),
        cmocka_unit_test(date_parse_huge_numbers_never_wrap),
        cmocka_unit_test(add_months_near_int_limits_is_a_range_error),
        cmocka_unit_test(add_workdays_near_int32_limits_is_a_range_error),
        cmocka_unit_test(counts_over_the_whole_range_fit),
        cmocka_unit_test(dates_outside_the_range_are_range_errors_everywhere),
        cmocka_unit_test(previous_workers_beyond_int_range_is_not_wrapped),
        cmocka_unit_test(series_counts_that_cannot_add_up_are_range_errors),
        cmocka_unit_test(norm_ramp_at_extreme_months_stays_in_its_domain),
        cmocka_unit_test(scoring_at_the_range_ends_never_overflows),
        cmocka_unit_test(coupling_norm_of_int32_max_werkdagen_does_not_wrap),
        cmocka_unit_test(forecast_months_and_counts_near_limits_are_refused),
        cmocka_unit_test(staffing_near_limits_is_a_range_error),
    };
    return cmocka_run_group_tests_name("numbers", tests, NULL, NULL);
}
