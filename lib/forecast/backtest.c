/*
 * Backtest: stand on a past date D0, calibrate on the window before it,
 * forecast K months from the start state of D0 and compare with what the
 * records say happened (include/jbw/calibrate.h). Uses the public
 * calibration, start-state, forecast and count calls only.
 */
#include <math.h>
#include <string.h>

#include "base/base_internal.h"

struct jbw_backtest {
    jbw_date from;
    int32_t months;
    int history;
    jbw_calibration *calibration;
    jbw_backtest_month *rows; /* months + 1 */
    char *data_notice;        /* a copy of the exports'; NULL: none */
};

jbw_status jbw_backtest_options_init(jbw_backtest_options *opts,
                                     unsigned int version)
{
    static const jbw_backtest_options init = JBW_BACKTEST_OPTIONS_INIT;
    return jbw__record_init(opts, &init, sizeof init, version,
                            JBW_BACKTEST_OPTIONS_VERSION,
                            "jbw_backtest_options_init");
}

static jbw_status check_options(const jbw_backtest_options *o)
{
    if (o->version != JBW_BACKTEST_OPTIONS_VERSION)
        return jbw__error_version(o->version, JBW_BACKTEST_OPTIONS_VERSION,
                                  JBW_BACKTEST_OPTIONS_VERSION,
                                  "backtest options");
    if (o->from == JBW_DATE_NONE)
        return jbw__error(JBW_EINVAL, "the backtest needs a from date (D0)");
    if (o->months < 1 || o->months > JBW_BACKTEST_MONTHS_MAX)
        return jbw__error(JBW_ERANGE, "months is %ld: must be 1..%d",
                          (long)o->months, JBW_BACKTEST_MONTHS_MAX);
    return JBW_OK;
}

/* The forecast's figures of every month into the rows. */
static jbw_status fill_forecast(jbw_backtest *bt, const jbw_forecast *fc)
{
    int32_t k;
    jbw_status st;
    for (k = 0; k <= bt->months; k++) {
        jbw_forecast_month m;
        jbw_backtest_month *r = &bt->rows[k];
        memset(&m, 0, sizeof m);
        m.version = JBW_FORECAST_MONTH_VERSION;
        if ((st = jbw_forecast_month_get(&m, fc, k, JBW_STAT_MEAN)) != JBW_OK)
            return st;
        r->version = JBW_BACKTEST_MONTH_VERSION;
        r->month = k;
        r->date = m.date;
        r->actual_date = JBW_DATE_NONE;
        r->forecast_active = m.active;
        r->forecast_waiting_nieuw = m.waiting_nieuw;
        r->forecast_waiting_bestaand = m.waiting_bestaand;
        r->forecast_waiting = m.waiting;
        r->actual_active = r->actual_waiting_nieuw = NAN;
        r->actual_waiting_bestaand = r->actual_waiting = NAN;
    }
    return JBW_OK;
}

/* The actual figures of one row from the records of `snap` on `date`. */
static jbw_status fill_actual(jbw_backtest_month *r, const jbw_snapshot *snap,
                              jbw_date date, const jbw_backtest_options *o,
                              int with_bestaand)
{
    jbw_snapshot_counts c;
    jbw_status st;
    memset(&c, 0, sizeof c);
    c.version = JBW_SNAPSHOT_COUNTS_VERSION;
    if ((st = jbw_snapshot_counts_get(&c, snap, date, o->organisation,
                                      o->region)) != JBW_OK)
        return st;
    r->actual_date = date;
    r->actual_active = (double)c.active;
    r->actual_waiting_nieuw = (double)c.waiting_nieuw;
    if (with_bestaand) {
        r->actual_waiting_bestaand = (double)c.waiting_bestaand;
        r->actual_waiting = (double)(c.waiting_nieuw + c.waiting_bestaand);
    }
    return JBW_OK;
}

/*
 * Calibrates on `snap` before D0, takes the start state of D0 and runs
 * the forecast. `one_export`: bestaand on D0 cannot be told apart from
 * assigned, so it counts as assigned.
 */
static jbw_status forecast_from(jbw_backtest *bt, const jbw_snapshot *snap,
                                const jbw_backtest_options *o, int one_export,
                                const char *fn)
{
    jbw_calibrate_options co = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_forecast_params p;
    jbw_forecast *fc = NULL;
    jbw_status st;
    int k;
    co.date = o->from;
    co.window_months = o->window_months;
    co.organisation = o->organisation;
    co.region = o->region;
    co.min_events = o->min_events;
    co.calendar = o->calendar;
    /* its detail names the function the caller called, `fn` */
    if ((st = jbw_calibrate(&bt->calibration, snap, &co)) != JBW_OK)
        return jbw__error_as(st, "jbw_calibrate", fn);
    if ((st = jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION)) !=
            JBW_OK ||
        (st = jbw_forecast_params_from_snapshot(&p, snap, o->norm, o->from,
                                                o->organisation, o->region)) !=
            JBW_OK ||
        (st = jbw_calibration_apply(&p, bt->calibration)) != JBW_OK)
        return st;
    if (one_export)
        for (k = 0; k < JBW_KIND_COUNT; k++) {
            p.assigned[k] += p.waiting_bestaand[k];
            p.waiting_bestaand[k] = 0;
        }
    p.months = o->months;
    if ((st = jbw_forecast_run(&fc, &p, o->norm, NULL)) != JBW_OK)
        return st;
    st = fill_forecast(bt, fc);
    jbw_forecast_free(fc);
    return st;
}

static jbw_status new_result(jbw_backtest **out, const jbw_backtest_options *o,
                             int history)
{
    jbw_backtest *bt = jbw__calloc(1, sizeof *bt);
    if (!bt)
        return jbw__enomem();
    bt->rows = jbw__calloc((size_t)o->months + 1, sizeof *bt->rows);
    if (!bt->rows) {
        jbw__free(bt);
        return jbw__enomem();
    }
    bt->from = o->from;
    bt->months = o->months;
    bt->history = history;
    *out = bt;
    return JBW_OK;
}

/* The snapshot's notice copied into bt (the backtest may outlive the
 * snapshot); JBW_OK when it has none. */
static jbw_status copy_notice(jbw_backtest *bt, const jbw_snapshot *snap)
{
    const char *notice = jbw_snapshot_data_notice(snap);
    if (notice && !(bt->data_notice = jbw__strdup(notice)))
        return jbw__enomem();
    return JBW_OK;
}

/* The date D0 + k months, with the range checked. */
static jbw_status month_date(jbw_date *out, jbw_date from, int32_t k)
{
    return jbw_date_add_months(out, from, k);
}

jbw_status jbw_backtest_run(jbw_backtest **out, const jbw_snapshot *snap,
                            const jbw_backtest_options *opts)
{
    jbw_backtest *bt = NULL;
    jbw_date last, ref;
    jbw_status st;
    int32_t k;
    if (!out || !snap || !opts)
        return jbw__error(JBW_EINVAL, "%s is NULL",
                          !out    ? "out"
                          : !snap ? "snapshot"
                                  : "options");
    if ((st = check_options(opts)) != JBW_OK)
        return st;
    ref = jbw_snapshot_reference_date(snap);
    if ((st = month_date(&last, opts->from, opts->months)) != JBW_OK)
        return st;
    if (last > ref) {
        char d0[JBW_DATE_BUFSIZE], dk[JBW_DATE_BUFSIZE], r[JBW_DATE_BUFSIZE];
        jbw_date_format(d0, sizeof d0, opts->from);
        jbw_date_format(dk, sizeof dk, last);
        jbw_date_format(r, sizeof r, ref);
        return jbw__error(JBW_ERANGE,
                          "from %s, %ld %s reach%s %s, after the data's "
                          "reference date %s: the records do not say what "
                          "happened then; start earlier or take fewer months",
                          d0, (long)opts->months,
                          jbw__months_word(opts->months, JBW_LANG_EN),
                          opts->months == 1 ? "es" : "", dk, r);
    }
    if ((st = new_result(&bt, opts, 0)) != JBW_OK)
        return st;
    if ((st = copy_notice(bt, snap)) != JBW_OK ||
        (st = forecast_from(bt, snap, opts, 1, "jbw_backtest_run")) != JBW_OK)
        goto fail;
    for (k = 0; k <= bt->months; k++)
        if ((st = fill_actual(&bt->rows[k], snap, bt->rows[k].date, opts, 0)) !=
            JBW_OK)
            goto fail;
    *out = bt;
    return jbw__ok();
fail:
    jbw_backtest_free(bt);
    return st;
}

/* The export nearest to `date` within the match window; -1 if none. */
static long nearest_export(const jbw_snapshot *const *snaps, size_t count,
                           jbw_date date)
{
    long best = -1;
    int32_t best_gap = JBW_BACKTEST_MATCH_DAYS + 1;
    size_t i;
    for (i = 0; i < count; i++) {
        int32_t gap = jbw_snapshot_reference_date(snaps[i]) - date;
        if (gap < 0)
            gap = -gap;
        if (gap < best_gap) {
            best_gap = gap;
            best = (long)i;
        }
    }
    return best;
}

static jbw_status check_history(long *start, const jbw_snapshot *const *snaps,
                                size_t count, jbw_date from)
{
    char d[JBW_DATE_BUFSIZE];
    jbw_date latest = JBW_DATE_NONE;
    size_t i, j;
    *start = -1;
    if (count == 0)
        return jbw__error(JBW_EINVAL, "the history holds no export");
    for (i = 0; i < count; i++) {
        jbw_date ri;
        if (!snaps[i])
            return jbw__error(JBW_EINVAL, "export %zu of the history is NULL",
                              i);
        ri = jbw_snapshot_reference_date(snaps[i]);
        for (j = 0; j < i; j++)
            if (jbw_snapshot_reference_date(snaps[j]) == ri) {
                jbw_date_format(d, sizeof d, ri);
                return jbw__error(JBW_EDUPLICATE,
                                  "two exports of the history are dated %s", d);
            }
        if (ri == from)
            *start = (long)i;
        if (latest == JBW_DATE_NONE || ri > latest)
            latest = ri;
    }
    jbw_date_format(d, sizeof d, from);
    if (*start < 0)
        return jbw__error(JBW_ERANGE, "no export of the history is dated %s",
                          d);
    if (from == latest)
        return jbw__error(JBW_ERANGE,
                          "%s is the history's last date: there is nothing "
                          "after it to compare with",
                          d);
    return JBW_OK;
}

jbw_status jbw_backtest_run_history(jbw_backtest **out,
                                    const jbw_snapshot *const *snaps,
                                    size_t count,
                                    const jbw_backtest_options *opts)
{
    jbw_backtest *bt = NULL;
    jbw_status st;
    long start;
    size_t i;
    int32_t k;
    if (!out || !snaps || !opts)
        return jbw__error(JBW_EINVAL, "%s is NULL",
                          !out     ? "out"
                          : !snaps ? "snaps"
                                   : "options");
    if ((st = check_options(opts)) != JBW_OK ||
        (st = check_history(&start, snaps, count, opts->from)) != JBW_OK)
        return st;
    if ((st = new_result(&bt, opts, 1)) != JBW_OK)
        return st;
    /* one synthetic export makes the whole comparison synthetic */
    for (i = 0; st == JBW_OK && !bt->data_notice && i < count; i++)
        st = copy_notice(bt, snaps[i]);
    if (st != JBW_OK ||
        (st = forecast_from(bt, snaps[start], opts, 0,
                            "jbw_backtest_run_history")) != JBW_OK)
        goto fail;
    for (k = 0; k <= bt->months; k++) {
        long e = nearest_export(snaps, count, bt->rows[k].date);
        if (e >= 0 && (st = fill_actual(&bt->rows[k], snaps[e],
                                        jbw_snapshot_reference_date(snaps[e]),
                                        opts, 1)) != JBW_OK)
            goto fail;
    }
    *out = bt;
    return jbw__ok();
fail:
    jbw_backtest_free(bt);
    return st;
}

void jbw_backtest_free(jbw_backtest *bt)
{
    if (!bt)
        return;
    jbw_calibration_free(bt->calibration);
    jbw__free(bt->rows);
    jbw__free(bt->data_notice);
    jbw__free(bt);
}

jbw_date jbw_backtest_from(const jbw_backtest *bt)
{
    return bt ? bt->from : JBW_DATE_NONE;
}

int32_t jbw_backtest_months(const jbw_backtest *bt)
{
    return bt ? bt->months : 0;
}

int jbw_backtest_is_history(const jbw_backtest *bt)
{
    return bt ? bt->history : 0;
}

const char *jbw_backtest_data_notice(const jbw_backtest *bt)
{
    return bt ? bt->data_notice : NULL;
}

const jbw_calibration *jbw_backtest_calibration(const jbw_backtest *bt)
{
    return bt ? bt->calibration : NULL;
}

jbw_status jbw_backtest_month_get(jbw_backtest_month *out,
                                  const jbw_backtest *bt, int32_t month)
{
    if (!out || !bt)
        return jbw__error(JBW_EINVAL, "%s is NULL", !out ? "out" : "backtest");
    if (out->version != JBW_BACKTEST_MONTH_VERSION)
        return jbw__error_version(out->version, JBW_BACKTEST_MONTH_VERSION,
                                  JBW_BACKTEST_MONTH_VERSION, "backtest month");
    if (month < 0 || month > bt->months)
        return jbw__error(JBW_ERANGE, "month %ld is outside 0..%ld",
                          (long)month, (long)bt->months);
    *out = bt->rows[month];
    return jbw__ok();
}

/* 100 x mean |f - a| / a over the months 1..K with a known a > 0. */
static double mape(const jbw_backtest *bt, size_t forecast_off,
                   size_t actual_off)
{
    double sum = 0;
    size_t n = 0;
    int32_t k;
    for (k = 1; k <= bt->months; k++) {
        const char *row = (const char *)&bt->rows[k];
        double f, a;
        memcpy(&f, row + forecast_off, sizeof f);
        memcpy(&a, row + actual_off, sizeof a);
        if (isfinite(a) && a > 0) {
            sum += fabs(f - a) / a;
            n++;
        }
    }
    return n ? 100.0 * sum / (double)n : NAN;
}

#define ROW(f) offsetof(jbw_backtest_month, f)

jbw_status jbw_backtest_summary_get(jbw_backtest_summary *out,
                                    const jbw_backtest *bt)
{
    int32_t k;
    if (!out || !bt)
        return jbw__error(JBW_EINVAL, "%s is NULL", !out ? "out" : "backtest");
    if (out->version != JBW_BACKTEST_SUMMARY_VERSION)
        return jbw__error_version(out->version, JBW_BACKTEST_SUMMARY_VERSION,
                                  JBW_BACKTEST_SUMMARY_VERSION,
                                  "backtest summary");
    out->mape_active = mape(bt, ROW(forecast_active), ROW(actual_active));
    out->mape_waiting_nieuw =
        mape(bt, ROW(forecast_waiting_nieuw), ROW(actual_waiting_nieuw));
    out->mape_waiting_bestaand =
        mape(bt, ROW(forecast_waiting_bestaand), ROW(actual_waiting_bestaand));
    out->mape_waiting = mape(bt, ROW(forecast_waiting), ROW(actual_waiting));
    out->months_compared = 0;
    for (k = 1; k <= bt->months; k++)
        if (isfinite(bt->rows[k].actual_active))
            out->months_compared++;
    return jbw__ok();
}
