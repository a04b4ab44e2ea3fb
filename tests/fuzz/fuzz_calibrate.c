/*
 * Fuzzes calibration and backtests (calibrate.h) on whatever snapshot the
 * CSV loader accepts: jbw_calibrate() over a window of 1 to 24 months,
 * its writers and the scenario file it writes (which must parse back),
 * jbw_calibration_apply() (parameters that passed
 * jbw_forecast_params_check() still pass it), a backtest on the one export, and
 * a history backtest on two exports of the same records (the snapshot, and the
 * same files loaded again with a reference date a month earlier), the input
 * path of `jbw backtest --history`. Properties: every call succeeds or fails
 * with a documented status, a detail and its output untouched; counts and
 * figures are finite and non-negative where the header says so. Input layout:
 * as fuzz_snapshot_load.h (the snapshot_csv corpus), with the flags byte's
 * bits 3..7 choosing the window (1 + value % 24 months).
 */
#include "fuzz_snapshot_load.h"

#include <math.h>

static void check_writers(const jbw_calibration *cal)
{
    typedef jbw_status (*writer)(char **, size_t *, const jbw_calibration *);
    static const writer writers[] = {jbw_calibration_json, jbw_calibration_csv,
                                     jbw_calibration_text,
                                     jbw_calibration_scenario};
    size_t i;
    for (i = 0; i < sizeof writers / sizeof writers[0]; i++) {
        char *text = NULL;
        size_t len = 0;
        jbw_status st = writers[i](&text, &len, cal);
        FUZZ_CHECK(st == JBW_OK, "calibration writer %zu: %d", i, (int)st);
        FUZZ_CHECK(text && strlen(text) == len, "writer %zu: length", i);
        if (writers[i] == jbw_calibration_scenario) {
            jbw_scenario *sc = NULL;
            st = jbw_scenario_parse(&sc, text, len, "calibrated.scenario");
            FUZZ_CHECK(st == JBW_OK,
                       "the calibrated scenario does not parse "
                       "back: %s",
                       jbw_last_error());
            jbw_scenario_free(sc);
        }
        jbw_free(text);
    }
}

static void check_figures(const jbw_calibration *cal)
{
    jbw_calibration_kind k;
    int i;
    for (i = 0; i < JBW_KIND_COUNT; i++) {
        k.version = JBW_CALIBRATION_KIND_VERSION;
        FUZZ_CHECK(jbw_calibration_kind_get(&k, cal, (jbw_kind)i) == JBW_OK,
                   "kind_get %d", i);
        FUZZ_CHECK(isfinite(k.inflow_per_month) && k.inflow_per_month >= 0,
                   "kind %d: inflow %g", i, k.inflow_per_month);
        FUZZ_CHECK(isfinite(k.exposure_months) && k.exposure_months >= 0,
                   "kind %d: exposure %g", i, k.exposure_months);
        FUZZ_CHECK(isfinite(k.mean_duration_months) &&
                       k.mean_duration_months >= 1,
                   "kind %d: duration %g", i, k.mean_duration_months);
        FUZZ_CHECK(k.exits == 0 || (k.low_months <= k.mle_months &&
                                    k.mle_months <= k.high_months),
                   "kind %d: interval %g <= %g <= %g", i, k.low_months,
                   k.mle_months, k.high_months);
    }
}

static void check_params(const jbw_calibration *cal, const jbw_snapshot *snap)
{
    jbw_forecast_params p;
    FUZZ_CHECK(jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION) ==
                   JBW_OK,
               "params_init");
    /* Parameters that already fail their check (a start date near 2199)
     * say nothing about the calibration. */
    if (jbw_forecast_params_from_snapshot(&p, snap, NULL, JBW_DATE_NONE, NULL,
                                          NULL) != JBW_OK ||
        jbw_forecast_params_check(&p, 0) != JBW_OK)
        return;
    FUZZ_CHECK(jbw_calibration_apply(&p, cal) == JBW_OK, "apply: %s",
               jbw_last_error());
    FUZZ_CHECK(jbw_forecast_params_check(&p, 0) == JBW_OK,
               "calibrated parameters fail their check: %s", jbw_last_error());
}

static void check_backtest(jbw_status st, jbw_backtest *bt, const char *what)
{
    jbw_backtest_summary s;
    char *json = NULL;
    size_t len = 0;
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, what);
        FUZZ_CHECK(bt == (jbw_backtest *)FUZZ_SENTINEL,
                   "%s: the output was written on failure", what);
        return;
    }
    s.version = JBW_BACKTEST_SUMMARY_VERSION;
    FUZZ_CHECK(jbw_backtest_summary_get(&s, bt) == JBW_OK, "%s: summary", what);
    FUZZ_CHECK(isnan(s.mape_active) || s.mape_active >= 0, "%s: mape %g", what,
               s.mape_active);
    FUZZ_CHECK(jbw_backtest_json(&json, &len, bt) == JBW_OK &&
                   strlen(json) == len,
               "%s: json", what);
    jbw_free(json);
    jbw_backtest_free(bt);
}

/* The same files loaded again, dated a month before `snap`. */
static jbw_snapshot *earlier_export(const fuzz_snapshot_input *in,
                                    const jbw_snapshot *snap)
{
    fuzz_snapshot_input again = *in;
    jbw_snapshot *out = NULL;
    if (jbw_date_add_months(&again.opts.reference_date,
                            jbw_snapshot_reference_date(snap), -1) != JBW_OK)
        return NULL;
    if (jbw_snapshot_load_csv_buffers(
            &out, NULL, fuzz_registry(), in->measures, in->measures_len, NULL,
            in->workers, in->workers_len, NULL, &again.opts) != JBW_OK)
        return NULL;
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_snapshot_input in;
    jbw_calibrate_options co = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_backtest_options bo = JBW_BACKTEST_OPTIONS_INIT;
    jbw_calibration *cal = (jbw_calibration *)FUZZ_SENTINEL;
    jbw_backtest *bt = (jbw_backtest *)FUZZ_SENTINEL;
    jbw_snapshot *snap, *early;
    jbw_status st;
    fuzz_split_snapshot_input(&in, data, size);
    snap = fuzz_load_snapshot(&in);
    if (!snap)
        return 0;
    co.window_months = 1 + (size ? (data[0] >> 3) : 0) % 24;
    co.min_events = 1 + (size ? data[0] % 3 : 0);
    st = jbw_calibrate(&cal, snap, &co);
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "calibrate");
        FUZZ_CHECK(cal == (jbw_calibration *)FUZZ_SENTINEL,
                   "calibrate wrote its output on failure");
    } else {
        check_writers(cal);
        check_figures(cal);
        check_params(cal, snap);
        jbw_calibration_free(cal);
    }
    /* A backtest from a month before the reference date, one month on. */
    bo.months = 1;
    bo.window_months = co.window_months;
    bo.min_events = co.min_events;
    early = earlier_export(&in, snap);
    if (early) {
        const jbw_snapshot *both[2];
        bo.from = jbw_snapshot_reference_date(early);
        st = jbw_backtest_run(&bt, snap, &bo);
        check_backtest(st, bt, "backtest_run");
        both[0] = snap;
        both[1] = early;
        bt = (jbw_backtest *)FUZZ_SENTINEL;
        st = jbw_backtest_run_history(&bt, both, 2, &bo);
        check_backtest(st, bt, "backtest_run_history");
        jbw_snapshot_free(early);
    }
    jbw_snapshot_free(snap);
    return 0;
}
