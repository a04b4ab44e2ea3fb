/*
 * Thread safety (handles may be read from several threads at once; the
 * error detail is per thread). Several threads score a batch, triage,
 * compute caseloads, run forecasts (deterministic and stochastic) from
 * shared parameters, and write the results (JSON, CSV, SVG), on shared
 * read-only handles (model, calendar, snapshot, norm, scenario, and one
 * caseload and one forecast made before the threads start, whose writers
 * all threads call, with the SVG charts of the shared caseload, forecast
 * and a shared triage), calibrate the shared snapshot, at the same time; every
 * result must equal the single-threaded one byte for byte. Each thread also
 * checks that its error detail is its own. Before anything else, the threads
 * make their first library calls together: the id hash draws its per-process
 * key on first use, and that must happen once, whoever comes first.
 *
 * Built normally this checks the results; built with -fsanitize=thread
 * (docs/reliability.md) ThreadSanitizer checks for data races too. The
 * data is the SYNTHETIC embedded example.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>

#include "jbw_test.h"

#define THREADS 4
#define ROUNDS  8

static struct {
    jbw_waitrisk_model *model;
    jbw_calendar *cal;
    jbw_snapshot *snap;
    jbw_norm *norm;
    jbw_wait_case *cases; /* the waiting list, borrowed from snap */
    size_t count;
    /* single-threaded results */
    jbw_score *scores;
    char *caseload_json;
    char *triage_json;
    char *allocation_csv;
    char *counts;
    /* forecasts */
    jbw_scenario *scenario;
    jbw_forecast_params params;
    jbw_caseload *caseload; /* shared result, written by every thread */
    jbw_forecast *forecast; /* shared result (stochastic) */
    char *caseload_text;    /* of the shared caseload */
    char *forecast_json;    /* deterministic run, 24 months */
    char *stochastic_svg;   /* stochastic run, 12 months, 20 replicates */
    char *shared_json;      /* of the shared forecast */
    char *shared_svg;
    char *calibration_json; /* 12 months before the reference date */
    jbw_triage *triage;     /* shared, for the bands chart */
    char *charts[5];        /* the chart writers on the shared results */
} S;

static const char scenario_text[] = "months = 24\n"
                                    "turnover = 20%\n"
                                    "hires_fte = 2.5\n"
                                    "hire_months = 6\n"
                                    "shock.surge = VOTS 3 8 1.5\n";

static pthread_barrier_t start_line;

typedef struct worker_result {
    int index;
    int mismatches;
    int errors;
    char what[160];
} worker_result;

static void note(worker_result *r, const char *what)
{
    if (!r->what[0])
        snprintf(r->what, sizeof r->what, "%s", what);
}

/* The outputs of one round; caller frees with jbw_free. */
typedef struct outputs {
    char *caseload_json;
    char *triage_json;
    char *allocation_csv;
} outputs;

static jbw_status compute_outputs(outputs *o)
{
    jbw_caseload *cl = NULL;
    jbw_triage *tr = NULL;
    jbw_allocation *al = NULL;
    jbw_status st;
    memset(o, 0, sizeof *o);
    st = jbw_caseload_compute(&cl, S.snap, S.norm, S.cal, NULL);
    if (st == JBW_OK)
        st = jbw_caseload_json(&o->caseload_json, NULL, cl);
    if (st == JBW_OK)
        st = jbw_triage_new(&tr, S.model, S.cal, S.snap, JBW_DATE_NONE);
    if (st == JBW_OK)
        st = jbw_triage_json(&o->triage_json, NULL, tr, 0, JBW_LANG_NL);
    if (st == JBW_OK)
        st = jbw_allocation_new(&al, tr, S.snap, S.norm, S.cal);
    if (st == JBW_OK)
        st = jbw_allocation_csv(&o->allocation_csv, NULL, al);
    jbw_allocation_free(al);
    jbw_triage_free(tr);
    jbw_caseload_free(cl);
    return st;
}

static void free_outputs(outputs *o)
{
    jbw_free(o->caseload_json);
    jbw_free(o->triage_json);
    jbw_free(o->allocation_csv);
}

/* A deterministic 24-month forecast (JSON) and a stochastic 12-month one
 * with 20 replicates (SVG) from the shared parameters and norm. */
static jbw_status run_forecasts(char **json, char **svg)
{
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast_params p = S.params;
    jbw_forecast *fc = NULL;
    jbw_status st;
    *json = *svg = NULL;
    st = jbw_forecast_run(&fc, &S.params, S.norm, NULL);
    if (st == JBW_OK)
        st = jbw_forecast_json(json, NULL, fc);
    jbw_forecast_free(fc);
    fc = NULL;
    if (st != JBW_OK)
        return st;
    p.months = 12;
    o.replicates = 20;
    o.seed = 7;
    st = jbw_forecast_run(&fc, &p, S.norm, &o);
    if (st == JBW_OK)
        st = jbw_forecast_svg(svg, NULL, fc, "Wachtlijst (synthetisch)");
    jbw_forecast_free(fc);
    return st;
}

/* A calibration of the shared snapshot (with the shared calendar) as JSON. */
static jbw_status calibration_json(char **json)
{
    jbw_calibrate_options o = JBW_CALIBRATE_OPTIONS_INIT;
    jbw_calibration *cal = NULL;
    jbw_status st;
    *json = NULL;
    o.calendar = S.cal;
    o.window_months = 6;
    st = jbw_calibrate(&cal, S.snap, &o);
    if (st == JBW_OK)
        st = jbw_calibration_json(json, NULL, cal);
    jbw_calibration_free(cal);
    return st;
}

/* The SVG charts of the shared caseload, forecast and triage
 * (jbw/brief.h): k 0..4. */
static jbw_status chart_svg(char **out, int k)
{
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    *out = NULL;
    switch (k) {
    case 0:
        return jbw_chart_caseload_svg(out, NULL, S.caseload,
                                      JBW_GROUP_ORGANISATION, &o);
    case 1:
        return jbw_chart_load_spread_svg(out, NULL, S.caseload, &o);
    case 2:
        return jbw_chart_coupling_svg(out, NULL, S.caseload, JBW_GROUP_REGION,
                                      &o);
    case 3:
        return jbw_chart_forecast_svg(out, NULL, S.forecast, &o);
    default:
        return jbw_chart_bands_svg(out, NULL, S.triage, &o);
    }
}

static void same_text(worker_result *r, jbw_status st, char *got,
                      const char *want, const char *what)
{
    if (st != JBW_OK) {
        r->errors++;
        note(r, jbw_last_error());
    } else if (strcmp(got, want) != 0) {
        r->mismatches++;
        note(r, what);
    }
    jbw_free(got);
}

/* The snapshot counts of every organisation as one line of text. */
static void counts_text(char *buf, size_t size)
{
    static const char *const orgs[] = {NULL, "JBWEST", "WSS", "LDH"};
    size_t i, k = 0;
    buf[0] = '\0';
    for (i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
        jbw_snapshot_counts c;
        c.version = JBW_SNAPSHOT_COUNTS_VERSION;
        if (jbw_snapshot_counts_get(&c, S.snap, jbw_example_date(), orgs[i],
                                    NULL) != JBW_OK)
            return;
        k += (size_t)snprintf(buf + k, size - k, "%zu/%zu/%zu/%zu ", c.active,
                              c.assigned, c.waiting_nieuw, c.waiting_bestaand);
        if (k >= size)
            return;
    }
}

static void *worker(void *arg)
{
    worker_result *r = arg;
    jbw_score *scores = calloc(S.count ? S.count : 1, sizeof *scores);
    char mine[64], counts[256];
    int round;
    if (!scores) {
        r->errors++;
        return NULL;
    }
    pthread_barrier_wait(&start_line);
    for (round = 0; round < ROUNDS; round++) {
        outputs o;
        jbw_date d = 0;
        /* Scoring the shared waiting list. */
        if (jbw_waitrisk_score_batch(scores, S.model, S.cal, S.cases, S.count,
                                     jbw_example_date()) != JBW_OK) {
            r->errors++;
            note(r, jbw_last_error());
        } else if (memcmp(scores, S.scores, S.count * sizeof *scores) != 0) {
            r->mismatches++;
            note(r, "batch scores differ");
        }
        /* Caseloads, triage and allocation with their writers. */
        if (compute_outputs(&o) != JBW_OK) {
            r->errors++;
            note(r, jbw_last_error());
        } else {
            if (strcmp(o.caseload_json, S.caseload_json) != 0) {
                r->mismatches++;
                note(r, "caseload JSON differs");
            }
            if (strcmp(o.triage_json, S.triage_json) != 0) {
                r->mismatches++;
                note(r, "triage JSON differs");
            }
            if (strcmp(o.allocation_csv, S.allocation_csv) != 0) {
                r->mismatches++;
                note(r, "allocation CSV differs");
            }
        }
        free_outputs(&o);
        /* Forecasts from the shared parameters, and the writers of the
         * shared caseload and forecast. */
        {
            char *json = NULL, *svg = NULL, *text = NULL;
            jbw_status st = run_forecasts(&json, &svg);
            same_text(r, st, json, S.forecast_json, "forecast JSON differs");
            same_text(r, st, svg, S.stochastic_svg,
                      "stochastic forecast SVG differs");
            st = jbw_forecast_json(&json, NULL, S.forecast);
            same_text(r, st, json, S.shared_json,
                      "shared forecast JSON differs");
            st = jbw_forecast_svg(&svg, NULL, S.forecast, NULL);
            same_text(r, st, svg, S.shared_svg, "shared forecast SVG differs");
            st = jbw_caseload_text(&text, NULL, S.caseload);
            same_text(r, st, text, S.caseload_text,
                      "shared caseload text differs");
            st = calibration_json(&json);
            same_text(r, st, json, S.calibration_json,
                      "calibration JSON differs");
        }
        /* The chart writers on the shared caseload, forecast, triage. */
        {
            int k;
            for (k = 0; k < 5; k++) {
                char *svg = NULL;
                jbw_status st = chart_svg(&svg, k);
                same_text(r, st, svg, S.charts[k], "a chart SVG differs");
            }
        }
        counts_text(counts, sizeof counts);
        if (strcmp(counts, S.counts) != 0) {
            r->mismatches++;
            note(r, "snapshot counts differ");
        }
        /* The error detail belongs to this thread: a failure here names
         * this thread's text, whatever the others do meanwhile. */
        snprintf(mine, sizeof mine, "thread-%d-round-%d", r->index, round);
        if (jbw_date_parse(&d, mine, (size_t)-1) != JBW_EPARSE ||
            !strstr(jbw_last_error(), mine)) {
            r->mismatches++;
            note(r, "the error detail is not this thread's");
        }
    }
    free(scores);
    return NULL;
}

static int setup(void **state)
{
    jbw_triage *tr = NULL;
    outputs o;
    char counts[256];
    size_t i;
    (void)state;
    assert_ok(jbw_example_snapshot(&S.snap, JBW_EXAMPLE_SEED));
    assert_ok(jbw_waitrisk_model_new_default(&S.model));
    assert_ok(jbw_calendar_new(&S.cal, NULL));
    assert_ok(jbw_norm_new_default(&S.norm));
    /* The waiting list as cases, from the triage (borrowed strings). */
    assert_ok(jbw_triage_new(&tr, S.model, S.cal, S.snap, JBW_DATE_NONE));
    S.count = jbw_triage_count(tr);
    assert_true(S.count > 10);
    S.cases = calloc(S.count, sizeof *S.cases);
    S.scores = calloc(S.count, sizeof *S.scores);
    assert_non_null(S.cases);
    assert_non_null(S.scores);
    for (i = 0; i < S.count; i++) {
        S.cases[i].version = JBW_WAIT_CASE_VERSION;
        assert_ok(jbw_triage_get(&S.cases[i], NULL, tr, i));
    }
    jbw_triage_free(tr); /* the strings belong to the snapshot */
    assert_ok(jbw_waitrisk_score_batch(S.scores, S.model, S.cal, S.cases,
                                       S.count, jbw_example_date()));
    assert_ok(compute_outputs(&o));
    S.caseload_json = o.caseload_json;
    S.triage_json = o.triage_json;
    S.allocation_csv = o.allocation_csv;
    counts_text(counts, sizeof counts);
    S.counts = malloc(strlen(counts) + 1);
    assert_non_null(S.counts);
    strcpy(S.counts, counts);
    /* Forecast inputs and the shared results. */
    assert_ok(jbw_scenario_parse(&S.scenario, scenario_text,
                                 sizeof scenario_text - 1, "threads"));
    assert_ok(jbw_forecast_params_init(&S.params, JBW_FORECAST_PARAMS_VERSION));
    assert_ok(jbw_forecast_params_from_snapshot(&S.params, S.snap, S.norm,
                                                JBW_DATE_NONE, NULL, NULL));
    assert_ok(jbw_scenario_apply(&S.params, S.scenario));
    assert_ok(run_forecasts(&S.forecast_json, &S.stochastic_svg));
    {
        jbw_forecast_options fo = JBW_FORECAST_OPTIONS_INIT;
        fo.replicates = 10;
        assert_ok(jbw_forecast_run(&S.forecast, &S.params, S.norm, &fo));
    }
    assert_ok(jbw_forecast_json(&S.shared_json, NULL, S.forecast));
    assert_ok(jbw_forecast_svg(&S.shared_svg, NULL, S.forecast, NULL));
    assert_ok(jbw_caseload_compute(&S.caseload, S.snap, S.norm, S.cal, NULL));
    assert_ok(jbw_caseload_text(&S.caseload_text, NULL, S.caseload));
    assert_ok(calibration_json(&S.calibration_json));
    assert_ok(jbw_triage_new(&S.triage, S.model, S.cal, S.snap, JBW_DATE_NONE));
    for (i = 0; i < 5; i++)
        assert_ok(chart_svg(&S.charts[i], (int)i));
    return 0;
}

static int teardown(void **state)
{
    int k;
    (void)state;
    for (k = 0; k < 5; k++)
        jbw_free(S.charts[k]);
    jbw_triage_free(S.triage);
    jbw_free(S.calibration_json);
    jbw_free(S.caseload_text);
    jbw_free(S.shared_svg);
    jbw_free(S.shared_json);
    jbw_free(S.stochastic_svg);
    jbw_free(S.forecast_json);
    jbw_caseload_free(S.caseload);
    jbw_forecast_free(S.forecast);
    jbw_scenario_free(S.scenario);
    free(S.counts);
    jbw_free(S.allocation_csv);
    jbw_free(S.triage_json);
    jbw_free(S.caseload_json);
    free(S.scores);
    free(S.cases);
    jbw_norm_free(S.norm);
    jbw_calendar_free(S.cal);
    jbw_waitrisk_model_free(S.model);
    jbw_snapshot_free(S.snap);
    return 0;
}

static void
threads_on_shared_handles_match_the_single_threaded_results(void **state)
{
    pthread_t t[THREADS];
    worker_result r[THREADS];
    int i;
    (void)state;
    assert_int_equal(pthread_barrier_init(&start_line, NULL, THREADS), 0);
    memset(r, 0, sizeof r);
    for (i = 0; i < THREADS; i++) {
        r[i].index = i;
        assert_int_equal(pthread_create(&t[i], NULL, worker, &r[i]), 0);
    }
    for (i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(t[i], NULL), 0);
    pthread_barrier_destroy(&start_line);
    for (i = 0; i < THREADS; i++) {
        if (r[i].errors || r[i].mismatches)
            fail_msg("thread %d: %d errors, %d mismatches; first: %s", i,
                     r[i].errors, r[i].mismatches, r[i].what);
    }
    printf("threads: %d threads x %d rounds over %zu waiting cases agree\n",
           THREADS, ROUNDS, S.count);
}

/* ---- first use from several threads at once --------------------------- */

static const char first_measures[] =
    "id,child_id,kind,organisation,region,start\n"
    "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n"
    "M2,C1,VOTS,JBWEST,ZHZ,2025-02-10\n"
    "M3,C2,OTS,WSS,HR,2025-03-10\n";
static const char first_workers[] = "id,organisation,fte,hired\n"
                                    "W1,JBWEST,1,2020-03-01\n";

static void *first_use(void *arg)
{
    int *ok = arg;
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    size_t index = 99;
    pthread_barrier_wait(&start_line);
    /* The first libjbw calls of the process (the maps hash their keys). */
    *ok = jbw_registry_zuid_west(&reg) == JBW_OK &&
          jbw_snapshot_load_csv_buffers(
              &snap, NULL, reg, first_measures, sizeof first_measures - 1, NULL,
              first_workers, sizeof first_workers - 1, NULL, NULL) == JBW_OK &&
          jbw_snapshot_find_measure(&index, snap, "M3") == JBW_OK &&
          index == 2 && jbw_snapshot_measure_count(snap) == 3;
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
    return NULL;
}

/* Runs before cmocka and the fixtures make any libjbw call; 0 when every
 * thread loaded and found its measures. */
static int first_calls_from_several_threads(void)
{
    pthread_t t[THREADS];
    int ok[THREADS], i, all = 1;
    if (pthread_barrier_init(&start_line, NULL, THREADS) != 0)
        return 1;
    for (i = 0; i < THREADS; i++)
        if (pthread_create(&t[i], NULL, first_use, &ok[i]) != 0)
            return 1;
    for (i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        all = all && ok[i];
    }
    pthread_barrier_destroy(&start_line);
    printf("threads: %d threads made their first libjbw calls together: %s\n",
           THREADS, all ? "agree" : "FAILED");
    return all ? 0 : 1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            threads_on_shared_handles_match_the_single_threaded_results),
    };
    if (first_calls_from_several_threads() != 0)
        return 1;
    return cmocka_run_group_tests_name("threads", tests, setup, teardown);
}
