/*
 * Calibration: the forecast's parameters estimated from a snapshot's
 * records as they stood on a date D (include/jbw/calibrate.h has the
 * definitions; docs/forecast.md the reasoning). Reads the snapshot
 * through its public getters only, in one pass over the measures and
 * one over the workers.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/base_internal.h"

#define DAYS_PER_MONTH (365.25 / 12.0)
#define DAYS_PER_YEAR  365.25
/* The 97.5th percentile of the standard normal distribution. */
#define Z_975           1.959963984540054
#define WORKDAYS_WITHIN 5
/* A mean duration estimated above this many windows is an extrapolation
 * (docs/forecast.md, "Reading a calibration"). */
#define FAR_WINDOWS 10
/* Room for the longest note: two 20-digit counts in the sentence of an
 * unreliable estimate. */
#define NOTE_SIZE 160

struct jbw_calibration {
    jbw_date date;
    jbw_date window_start;
    int32_t window_months;
    size_t min_events;
    jbw_calibration_kind kinds[JBW_KIND_COUNT];
    jbw_calibration_staff staff;
    jbw_calibration_assignment assignment;
    char *data_notice; /* a copy of the snapshot's; NULL: none */
    char kind_notes[JBW_KIND_COUNT][NOTE_SIZE]; /* "": no note */
    char staff_note[NOTE_SIZE];
};

/* The scope of a calibration: the D, the window and the filter. */
typedef struct scope {
    jbw_date date, w0;
    const char *organisation, *region;
    const jbw_calendar *calendar;
} scope;

/* The time-to-assignment counts, by werkdagen since the start. */
typedef struct km_counts {
    size_t *events;   /* assigned after t werkdagen */
    size_t *censored; /* last seen unassigned after t werkdagen */
    size_t size;
} km_counts;

static const char *const basis_codes[] = {"estimated", "default_few_events",
                                          "clamped"};

const char *jbw_basis_code(jbw_basis basis)
{
    if ((int)basis < 0 ||
        (size_t)basis >= sizeof basis_codes / sizeof basis_codes[0])
        return NULL;
    return basis_codes[basis];
}

jbw_status jbw_calibrate_options_init(jbw_calibrate_options *opts,
                                      unsigned int version)
{
    static const jbw_calibrate_options init = JBW_CALIBRATE_OPTIONS_INIT;
    return jbw__record_init(opts, &init, sizeof init, version,
                            JBW_CALIBRATE_OPTIONS_VERSION,
                            "jbw_calibrate_options_init");
}

static int in_scope(const scope *sc, const char *organisation,
                    const char *region)
{
    if (sc->organisation && strcmp(sc->organisation, organisation) != 0)
        return 0;
    if (sc->region && (!region || strcmp(sc->region, region) != 0))
        return 0;
    return 1;
}

/* The end of a record's span as known on D: NONE or after D is D + 1
 * (still running on D). */
static jbw_date known_end(jbw_date end, jbw_date date)
{
    return (end == JBW_DATE_NONE || end > date) ? date + 1 : end;
}

/* Days of [from, to) inside [w0, date). */
static int64_t days_in_window(jbw_date from, jbw_date to, const scope *sc)
{
    jbw_date a = from > sc->w0 ? from : sc->w0;
    jbw_date b = to < sc->date ? to : sc->date;
    return b > a ? (int64_t)b - a : 0;
}

static jbw_status km_add(km_counts *km, const scope *sc, jbw_date start,
                         jbw_date at, int event)
{
    int32_t t = 0;
    jbw_status st = jbw_calendar_workdays_between(&t, sc->calendar, start, at);
    if (st != JBW_OK)
        return st;
    if (t < 0)
        t = 0;
    if ((size_t)t >= km->size)
        t = (int32_t)(km->size - 1);
    if (event)
        km->events[t]++;
    else
        km->censored[t]++;
    return JBW_OK;
}

/* One measure as known on D: kind figures and the time to assignment. */
static jbw_status add_measure(jbw_calibration *c, km_counts *km,
                              const scope *sc, const jbw_measure *m)
{
    jbw_calibration_kind *k;
    jbw_date end;
    if (m->start > sc->date || (int)m->kind < 0 || m->kind >= JBW_KIND_COUNT)
        return JBW_OK;
    k = &c->kinds[m->kind];
    end = known_end(m->end, sc->date);
    k->exposure_months += (double)days_in_window(m->start, end, sc);
    if (end <= sc->date && end > sc->w0)
        k->exits++;
    if (end > sc->date)
        k->stock++;
    if (m->start < sc->w0)
        return JBW_OK;
    k->started++;
    c->assignment.measures++;
    if (m->first_assigned != JBW_DATE_NONE && m->first_assigned <= sc->date &&
        m->first_assigned < end) {
        c->assignment.assigned++;
        return km_add(km, sc, m->start, m->first_assigned, 1);
    }
    if (m->first_assigned == JBW_DATE_NONE && m->worker_id && m->worker_id[0]) {
        /* assigned at some time the records do not give */
        c->assignment.measures--;
        c->assignment.unknown++;
        return JBW_OK;
    }
    c->assignment.censored++;
    return km_add(km, sc, m->start, end <= sc->date ? end : sc->date, 0);
}

static void add_worker(jbw_calibration_staff *s, const scope *sc,
                       const jbw_worker *w)
{
    jbw_date end;
    if (w->hired > sc->date)
        return;
    end = known_end(w->leaving, sc->date);
    s->fte_years += w->fte * (double)days_in_window(w->hired, end, sc);
    if (end <= sc->date && end > sc->w0) {
        s->leavers++;
        s->leavers_fte += w->fte;
    }
    if (w->hired >= sc->w0) {
        s->hires++;
        s->hires_fte += w->fte;
    }
    if (end > sc->date) {
        s->workers++;
        s->fte += w->fte;
    }
}

/* The Wald interval of ln(x) with standard error 1 / sqrt(events). */
static void log_interval(double *low, double *high, double x, size_t events)
{
    double half = Z_975 / sqrt((double)events);
    *low = x * exp(-half);
    *high = x * exp(half);
}

static void finish_kinds(jbw_calibration *c, const jbw_forecast_params *def,
                         size_t min_events)
{
    int i;
    for (i = 0; i < JBW_KIND_COUNT; i++) {
        jbw_calibration_kind *k = &c->kinds[i];
        k->exposure_months /= DAYS_PER_MONTH;
        k->inflow_per_month = (double)k->started / c->window_months;
        k->mle_months = k->low_months = k->high_months = NAN;
        if (k->exits > 0) {
            k->mle_months = k->exposure_months / (double)k->exits;
            log_interval(&k->low_months, &k->high_months, k->mle_months,
                         k->exits);
        }
        if (k->exits < min_events) {
            k->basis = JBW_BASIS_DEFAULT_FEW_EVENTS;
            k->mean_duration_months = def->duration[i];
        } else if (k->mle_months < 1.0) {
            k->basis = JBW_BASIS_CLAMPED;
            k->mean_duration_months = 1.0;
        } else {
            k->basis = JBW_BASIS_ESTIMATED;
            k->mean_duration_months = k->mle_months;
        }
    }
}

static void finish_staff(jbw_calibration *c, const jbw_forecast_params *def,
                         size_t min_events)
{
    jbw_calibration_staff *s = &c->staff;
    s->fte_years /= DAYS_PER_YEAR;
    s->hires_fte_per_month = s->hires_fte / c->window_months;
    s->hazard_annual = s->fte_years > 0 ? s->leavers_fte / s->fte_years : NAN;
    s->mle_turnover = s->low_turnover = s->high_turnover = NAN;
    if (s->leavers > 0 && s->fte_years > 0) {
        double lo, hi;
        s->mle_turnover = 1.0 - exp(-s->hazard_annual);
        log_interval(&lo, &hi, s->hazard_annual, s->leavers);
        s->low_turnover = 1.0 - exp(-lo);
        s->high_turnover = 1.0 - exp(-hi);
    }
    if (s->leavers < min_events || !(s->fte_years > 0)) {
        s->basis = JBW_BASIS_DEFAULT_FEW_EVENTS;
        s->turnover_annual = def->turnover;
    } else {
        s->basis = JBW_BASIS_ESTIMATED;
        s->turnover_annual = s->mle_turnover;
    }
}

/* Kaplan-Meier over the werkdagen counts: S(t) = prod over s <= t of
 * (1 - events(s) / at_risk(s)), at_risk(s) = those with a time >= s. */
static void finish_assignment(jbw_calibration *c, const km_counts *km,
                              size_t min_events)
{
    jbw_calibration_assignment *a = &c->assignment;
    size_t at_risk = a->assigned + a->censored, t;
    double surv = 1.0;
    a->median_workdays = a->p90_workdays = a->share_within_5 = NAN;
    if (a->assigned < min_events) {
        a->basis = JBW_BASIS_DEFAULT_FEW_EVENTS;
        return;
    }
    a->basis = JBW_BASIS_ESTIMATED;
    for (t = 0; t < km->size && at_risk > 0; t++) {
        if (km->events[t] > 0)
            surv *= 1.0 - (double)km->events[t] / (double)at_risk;
        at_risk -= km->events[t] + km->censored[t];
        if (isnan(a->median_workdays) && surv <= 0.5 + 1e-12)
            a->median_workdays = (double)t;
        if (isnan(a->p90_workdays) && surv <= 0.1 + 1e-12)
            a->p90_workdays = (double)t;
        if (t == WORKDAYS_WITHIN)
            a->share_within_5 = 1.0 - surv;
    }
    if (isnan(a->share_within_5))
        a->share_within_5 = 1.0 - surv; /* every time is below 5 */
}

/* The earliest start or hiring date in scope; NONE when there is none. */
static jbw_status first_record(jbw_date *out, const jbw_snapshot *snap,
                               const scope *sc)
{
    size_t i, n = jbw_snapshot_measure_count(snap);
    jbw_date first = JBW_DATE_NONE;
    jbw_status st;
    for (i = 0; i < n; i++) {
        jbw_measure m = JBW_MEASURE_INIT;
        if ((st = jbw_snapshot_measure(&m, snap, i)) != JBW_OK)
            return st;
        if (in_scope(sc, m.organisation, m.region) &&
            (first == JBW_DATE_NONE || m.start < first))
            first = m.start;
    }
    n = jbw_snapshot_worker_count(snap);
    for (i = 0; i < n; i++) {
        jbw_worker w = JBW_WORKER_INIT;
        if ((st = jbw_snapshot_worker(&w, snap, i)) != JBW_OK)
            return st;
        if (in_scope(sc, w.organisation, w.region) &&
            (first == JBW_DATE_NONE || w.hired < first))
            first = w.hired;
    }
    *out = first;
    return JBW_OK;
}

static jbw_status check_scope(scope *sc, const jbw_snapshot *snap,
                              const jbw_calibrate_options *o)
{
    char d[JBW_DATE_BUFSIZE], r[JBW_DATE_BUFSIZE], f[JBW_DATE_BUFSIZE];
    jbw_snapshot_counts counts;
    jbw_date ref = jbw_snapshot_reference_date(snap), first;
    jbw_status st;
    if (o->min_events < 1)
        return jbw__error(JBW_EINVAL, "min_events is 0: must be at least 1");
    if (o->window_months < 1 || o->window_months > JBW_CALIBRATE_WINDOW_MAX)
        return jbw__error(JBW_ERANGE, "window_months is %ld: must be 1..%d",
                          (long)o->window_months, JBW_CALIBRATE_WINDOW_MAX);
    sc->date = o->date == JBW_DATE_NONE ? ref : o->date;
    sc->organisation = o->organisation;
    sc->region = o->region;
    memset(&counts, 0, sizeof counts);
    counts.version = JBW_SNAPSHOT_COUNTS_VERSION;
    /* checks the date's range and the organisation and region keys */
    if ((st = jbw_snapshot_counts_get(&counts, snap, sc->date, o->organisation,
                                      o->region)) != JBW_OK)
        return jbw__error_as(st, "jbw_snapshot_counts_get", "jbw_calibrate");
    jbw_date_format(d, sizeof d, sc->date);
    jbw_date_format(r, sizeof r, ref);
    if (sc->date > ref)
        return jbw__error(JBW_ERANGE,
                          "date %s is after the data's reference date %s: "
                          "the records cannot tell what happened after it",
                          d, r);
    if ((st = jbw_date_add_months(&sc->w0, sc->date, -o->window_months)) !=
        JBW_OK)
        return st;
    if ((st = first_record(&first, snap, sc)) != JBW_OK)
        return st;
    if (first == JBW_DATE_NONE)
        return jbw__error(
            JBW_ERANGE, "the data hold no measure or worker%s%s%s%s",
            o->organisation ? " of organisation " : "",
            o->organisation ? o->organisation : "",
            o->region ? " in region " : "", o->region ? o->region : "");
    if (sc->w0 < first) {
        jbw_date_format(r, sizeof r, sc->w0);
        jbw_date_format(f, sizeof f, first);
        return jbw__error(JBW_ERANGE,
                          "the window of %ld months before %s starts on %s, "
                          "before the data's first record (%s): the records "
                          "do not cover it; use a later date or a shorter "
                          "window",
                          (long)o->window_months, d, r, f);
    }
    return JBW_OK;
}

static jbw_status scan(jbw_calibration *c, km_counts *km,
                       const jbw_snapshot *snap, const scope *sc)
{
    size_t i, n = jbw_snapshot_measure_count(snap);
    jbw_status st;
    for (i = 0; i < n; i++) {
        jbw_measure m = JBW_MEASURE_INIT;
        if ((st = jbw_snapshot_measure(&m, snap, i)) != JBW_OK)
            return st;
        if (in_scope(sc, m.organisation, m.region) &&
            (st = add_measure(c, km, sc, &m)) != JBW_OK)
            return st;
    }
    n = jbw_snapshot_worker_count(snap);
    for (i = 0; i < n; i++) {
        jbw_worker w = JBW_WORKER_INIT;
        if ((st = jbw_snapshot_worker(&w, snap, i)) != JBW_OK)
            return st;
        if (in_scope(sc, w.organisation, w.region[0] ? w.region : NULL))
            add_worker(&c->staff, sc, &w);
    }
    return JBW_OK;
}

static void init_result(jbw_calibration *c, const scope *sc, int32_t months)
{
    int i;
    memset(c, 0, sizeof *c);
    c->date = sc->date;
    c->window_start = sc->w0;
    c->window_months = months;
    for (i = 0; i < JBW_KIND_COUNT; i++) {
        c->kinds[i].version = JBW_CALIBRATION_KIND_VERSION;
        c->kinds[i].kind = (jbw_kind)i;
    }
    c->staff.version = JBW_CALIBRATION_STAFF_VERSION;
    c->assignment.version = JBW_CALIBRATION_ASSIGNMENT_VERSION;
}

/* The note beside a figure that is not a plain estimate; "" otherwise.
 * `events` counted as "1 exit", "2 exits". */
static void basis_note(char *out, jbw_basis basis, size_t events,
                       const char *one, const char *many, size_t min_events)
{
    out[0] = '\0';
    if (basis == JBW_BASIS_DEFAULT_FEW_EVENTS)
        snprintf(out, NOTE_SIZE,
                 "%zu %s in the window, fewer than %zu: the "
                 "default",
                 events, events == 1 ? one : many, min_events);
    else if (basis == JBW_BASIS_CLAMPED)
        snprintf(out, NOTE_SIZE,
                 "estimate below 1 month: the model's minimum of 1");
}

/* A kind's note: that of its basis, or, for an estimate longer than
 * FAR_WINDOWS windows, that it is an extrapolation: the records saw few
 * measures end against the stock, and a constant exit rate carries the
 * rest (an OTS, imposed for a year at first, seldom ends young). */
static int unreliable(const jbw_calibration_kind *k, int32_t window_months)
{
    return k->basis == JBW_BASIS_ESTIMATED &&
           k->mle_months > FAR_WINDOWS * (double)window_months;
}

static void kind_note(char *out, const jbw_calibration_kind *k,
                      int32_t window_months, size_t min_events)
{
    basis_note(out, k->basis, k->exits, "exit", "exits", min_events);
    if (unreliable(k, window_months))
        snprintf(out, NOTE_SIZE,
                 "unreliable: over %dx the window, an extrapolation from %zu "
                 "%s against a stock of %zu",
                 FAR_WINDOWS, k->exits, k->exits == 1 ? "exit" : "exits",
                 k->stock);
}

static void write_notes(jbw_calibration *c)
{
    int k;
    for (k = 0; k < JBW_KIND_COUNT; k++)
        kind_note(c->kind_notes[k], &c->kinds[k], c->window_months,
                  c->min_events);
    basis_note(c->staff_note, c->staff.basis, c->staff.leavers, "leaver",
               "leavers", c->min_events);
}

jbw_status jbw_calibrate(jbw_calibration **out, const jbw_snapshot *snap,
                         const jbw_calibrate_options *opts)
{
    static const jbw_calibrate_options defaults = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_forecast_params def;
    jbw_calibration *c = NULL;
    jbw_calendar *own = NULL;
    km_counts km = {NULL, NULL, 0};
    scope sc;
    jbw_status st;
    if (!out || !snap)
        return jbw__error(JBW_EINVAL, "%s is NULL", !out ? "out" : "snapshot");
    if (!opts)
        opts = &defaults;
    if (opts->version != JBW_CALIBRATE_OPTIONS_VERSION)
        return jbw__error_version(opts->version, JBW_CALIBRATE_OPTIONS_VERSION,
                                  JBW_CALIBRATE_OPTIONS_VERSION,
                                  "calibrate options");
    if ((st = jbw_forecast_params_init(&def, JBW_FORECAST_PARAMS_VERSION)) !=
        JBW_OK)
        return st;
    memset(&sc, 0, sizeof sc);
    if ((st = check_scope(&sc, snap, opts)) != JBW_OK)
        return st;
    sc.calendar = opts->calendar;
    if (!sc.calendar && (st = jbw_calendar_new(&own, NULL)) != JBW_OK)
        return st;
    if (own)
        sc.calendar = own;
    /* werkdagen from a start in the window to D: at most the days */
    km.size = (size_t)(sc.date - sc.w0) + 2;
    c = jbw__calloc(1, sizeof *c);
    km.events = jbw__calloc(km.size, sizeof *km.events);
    km.censored = jbw__calloc(km.size, sizeof *km.censored);
    if (!c || !km.events || !km.censored) {
        st = jbw__enomem();
        goto fail;
    }
    init_result(c, &sc, opts->window_months);
    c->min_events = opts->min_events;
    /* a copy: the calibration may outlive the snapshot */
    if (jbw_snapshot_data_notice(snap) &&
        !(c->data_notice = jbw__strdup(jbw_snapshot_data_notice(snap)))) {
        st = jbw__enomem();
        goto fail;
    }
    if ((st = scan(c, &km, snap, &sc)) != JBW_OK)
        goto fail;
    finish_kinds(c, &def, opts->min_events);
    finish_staff(c, &def, opts->min_events);
    finish_assignment(c, &km, opts->min_events);
    write_notes(c);
    jbw__free(km.events);
    jbw__free(km.censored);
    jbw_calendar_free(own);
    *out = c;
    return jbw__ok();
fail:
    jbw__free(km.events);
    jbw__free(km.censored);
    jbw_calendar_free(own);
    jbw_calibration_free(c);
    return st;
}

void jbw_calibration_free(jbw_calibration *cal)
{
    if (!cal)
        return;
    jbw__free(cal->data_notice);
    jbw__free(cal);
}

jbw_date jbw_calibration_date(const jbw_calibration *cal)
{
    return cal ? cal->date : JBW_DATE_NONE;
}

jbw_date jbw_calibration_window_start(const jbw_calibration *cal)
{
    return cal ? cal->window_start : JBW_DATE_NONE;
}

int32_t jbw_calibration_window_months(const jbw_calibration *cal)
{
    return cal ? cal->window_months : 0;
}

const char *jbw_calibration_data_notice(const jbw_calibration *cal)
{
    return cal ? cal->data_notice : NULL;
}

size_t jbw_calibration_min_events(const jbw_calibration *cal)
{
    return cal ? cal->min_events : 0;
}

/* out and cal given, out's version one of oldest..newest */
static jbw_status check_get(const void *out, unsigned int version,
                            unsigned int oldest, unsigned int newest,
                            const jbw_calibration *cal, const char *what)
{
    if (!out || !cal)
        return jbw__error(JBW_EINVAL, "%s is NULL",
                          !out ? "out" : "calibration");
    if (version < oldest || version > newest)
        return jbw__error_version(version, oldest, newest, "%s", what);
    return JBW_OK;
}

jbw_status jbw_calibration_kind_get(jbw_calibration_kind *out,
                                    const jbw_calibration *cal, jbw_kind kind)
{
    jbw_status st =
        check_get(out, out ? out->version : 0, JBW_CALIBRATION_KIND_VERSION,
                  JBW_CALIBRATION_KIND_VERSION, cal, "calibration kind");
    if (st != JBW_OK)
        return st;
    if ((int)kind < 0 || kind >= JBW_KIND_COUNT)
        return jbw__error(JBW_ERANGE, "kind %d is not a known kind", (int)kind);
    *out = cal->kinds[kind];
    return jbw__ok();
}

const char *jbw_calibration_kind_note(const jbw_calibration *cal, jbw_kind kind)
{
    if (!cal || (int)kind < 0 || kind >= JBW_KIND_COUNT ||
        !cal->kind_notes[kind][0])
        return NULL;
    return cal->kind_notes[kind];
}

const char *jbw_calibration_staff_note(const jbw_calibration *cal)
{
    return cal && cal->staff_note[0] ? cal->staff_note : NULL;
}

jbw_status jbw_calibration_staff_get(jbw_calibration_staff *out,
                                     const jbw_calibration *cal)
{
    jbw_status st =
        check_get(out, out ? out->version : 0, JBW_CALIBRATION_STAFF_VERSION,
                  JBW_CALIBRATION_STAFF_VERSION, cal, "calibration staff");
    if (st != JBW_OK)
        return st;
    *out = cal->staff;
    return jbw__ok();
}

jbw_status jbw_calibration_assignment_get(jbw_calibration_assignment *out,
                                          const jbw_calibration *cal)
{
    jbw_status st = check_get(
        out, out ? out->version : 0, JBW_CALIBRATION_ASSIGNMENT_VERSION,
        JBW_CALIBRATION_ASSIGNMENT_VERSION, cal, "calibration assignment");
    if (st != JBW_OK)
        return st;
    *out = cal->assignment;
    return jbw__ok();
}

jbw_status jbw_calibration_apply(jbw_forecast_params *params,
                                 const jbw_calibration *cal)
{
    int i;
    /* every version of the params has the fields set here */
    jbw_status st =
        check_get(params, params ? params->version : 0, 1,
                  JBW_FORECAST_PARAMS_VERSION, cal, "forecast params");
    if (st != JBW_OK)
        return st;
    for (i = 0; i < JBW_KIND_COUNT; i++) {
        params->inflow[i] = cal->kinds[i].inflow_per_month;
        /* an extrapolated duration is not forecast on: params keep theirs */
        if (!unreliable(&cal->kinds[i], cal->window_months))
            params->duration[i] = cal->kinds[i].mean_duration_months;
    }
    params->turnover = cal->staff.turnover_annual;
    params->hires_fte = cal->staff.hires_fte_per_month;
    return jbw__ok();
}
