/*
 * Out-of-memory sweeps. For each public operation that allocates, a
 * counting allocator fails the 1st, 2nd, ... Nth allocation call in turn,
 * twice: once failing only that call, once failing it and every later one
 * (so that the cleanup after the failure gets no memory either).
 * At every N that fails, the operation must return JBW_ENOMEM with a
 * detail, leave its outputs untouched (an in-place change leaves its
 * object as it was), and hold no memory afterwards (live blocks equal to
 * before the call). Once N exceeds the allocations the operation makes, it
 * must succeed. The inputs are the small synthetic fixtures of
 * rel_fixture.h, so a sweep stays cheap.
 *
 * Each sweep prints "oom <name>: <n> allocation points" so that
 * docs/reliability.md can quote the figures.
 */
#include "jbw_test.h"

#include "rel_alloc.h"
#include "rel_fixture.h"

/* ---- shared fixtures (built with the counting allocator disarmed) ---- */

static struct {
    jbw_registry *reg;
    jbw_calendar *cal;
    jbw_snapshot *snap;
    jbw_norm *norm;
    jbw_waitrisk_model *model;
    jbw_caseload *cl;
    jbw_triage *tr;
    jbw_allocation *al;
    jbw_series *series;
    jbw_scenario *scenario;
    jbw_forecast_params params;
    jbw_forecast *forecast;
    jbw_wait_case cases[8];
    jbw_score scores[8];
    size_t case_count;
    char measures_path[64];
    char workers_path[64];
    char registry_path[64];
    char norm_path[64];
    char model_path[64];
    char scenario_path[64];
    char scratch_path[64];
} F;

static long total_points;

static void write_text_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

static jbw_status load_fixture_snapshot(jbw_snapshot **out)
{
    return jbw_snapshot_load_csv_buffers(
        out, NULL, F.reg, rel_measures_csv, sizeof rel_measures_csv - 1, NULL,
        rel_workers_csv, sizeof rel_workers_csv - 1, NULL, NULL);
}

static int setup_fixtures(void **state)
{
    size_t i;
    (void)state;
    rel_alloc_disarm();
    snprintf(F.measures_path, sizeof F.measures_path, "oom_measures.csv");
    snprintf(F.workers_path, sizeof F.workers_path, "oom_workers.csv");
    snprintf(F.registry_path, sizeof F.registry_path, "oom_registry.csv");
    snprintf(F.norm_path, sizeof F.norm_path, "oom.norm");
    snprintf(F.model_path, sizeof F.model_path, "oom.model");
    snprintf(F.scenario_path, sizeof F.scenario_path, "oom.scenario");
    snprintf(F.scratch_path, sizeof F.scratch_path, "oom_scratch.txt");
    write_text_file(F.measures_path, rel_measures_csv);
    write_text_file(F.workers_path, rel_workers_csv);
    write_text_file(F.registry_path, rel_registry_csv);
    write_text_file(F.norm_path, rel_norm_text);
    write_text_file(F.model_path, rel_model_text);
    write_text_file(F.scenario_path, rel_scenario_text);
    write_text_file(F.scratch_path, "old content\n");

    assert_ok(jbw_registry_zuid_west(&F.reg));
    assert_ok(jbw_calendar_new(&F.cal, NULL));
    assert_ok(load_fixture_snapshot(&F.snap));
    assert_ok(jbw_norm_parse(&F.norm, rel_norm_text, sizeof rel_norm_text - 1,
                             "fixture"));
    assert_ok(jbw_waitrisk_model_parse(&F.model, rel_model_text,
                                       sizeof rel_model_text - 1, "fixture"));
    assert_ok(jbw_caseload_compute(&F.cl, F.snap, F.norm, F.cal, NULL));
    assert_ok(jbw_triage_new(&F.tr, F.model, F.cal, F.snap, JBW_DATE_NONE));
    assert_ok(jbw_allocation_new(&F.al, F.tr, F.snap, F.norm, F.cal));
    assert_ok(jbw_series_new(&F.series, "Fixture"));
    assert_ok(jbw_series_add(F.series, REL_DATE_2025_09_01 - 31, 10, 4));
    assert_ok(jbw_series_add(F.series, REL_DATE_2025_09_01, 12, 3));
    assert_ok(jbw_scenario_parse(&F.scenario, rel_scenario_text,
                                 sizeof rel_scenario_text - 1, "fixture"));
    assert_ok(jbw_forecast_params_init(&F.params, JBW_FORECAST_PARAMS_VERSION));
    assert_ok(jbw_forecast_params_from_snapshot(&F.params, F.snap, F.norm,
                                                JBW_DATE_NONE, NULL, NULL));
    assert_ok(jbw_scenario_apply(&F.params, F.scenario));
    {
        jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
        o.replicates = 3;
        assert_ok(jbw_forecast_run(&F.forecast, &F.params, F.norm, &o));
    }
    F.case_count = jbw_triage_count(F.tr);
    assert_true(F.case_count > 2 && F.case_count <= 8);
    for (i = 0; i < F.case_count; i++) {
        F.cases[i].version = JBW_WAIT_CASE_VERSION;
        F.scores[i].version = JBW_SCORE_VERSION;
        assert_ok(jbw_triage_get(&F.cases[i], &F.scores[i], F.tr, i));
    }
    return 0;
}

static int teardown_fixtures(void **state)
{
    (void)state;
    jbw_forecast_free(F.forecast);
    jbw_scenario_free(F.scenario);
    jbw_series_free(F.series);
    jbw_allocation_free(F.al);
    jbw_triage_free(F.tr);
    jbw_caseload_free(F.cl);
    jbw_waitrisk_model_free(F.model);
    jbw_norm_free(F.norm);
    jbw_snapshot_free(F.snap);
    jbw_calendar_free(F.cal);
    jbw_registry_free(F.reg);
    remove(F.measures_path);
    remove(F.workers_path);
    remove(F.registry_path);
    remove(F.norm_path);
    remove(F.model_path);
    remove(F.scenario_path);
    remove(F.scratch_path);
    /* Every block the library allocated is freed. */
    assert_int_equal(rel_state.live, 0);
    printf("oom total: %ld allocation points swept\n", total_points);
    return 0;
}

/* ---- the sweep -------------------------------------------------------- */

#define OUT_SENTINEL ((void *)(uintptr_t)0x5A5A5A5Au)
#define LEN_SENTINEL ((size_t)0xA5A5A5A5u)

typedef struct oom_ctx {
    void *out;  /* the operation's out pointer (handle or string) */
    void *out2; /* a second one (rejects) */
    size_t len;
    void *target; /* an object changed in place, owned by the case */
} oom_ctx;

typedef struct oom_case {
    const char *name;
    jbw_status (*run)(oom_ctx *c);
    /* frees what a successful run produced */
    void (*release)(oom_ctx *c);
    /* in-place operations: makes the target and describes its state (a
     * string from malloc, freed with free) */
    void (*make_target)(oom_ctx *c);
    char *(*dump)(const oom_ctx *c);
    void (*free_target)(oom_ctx *c);
    /* checks that a failed run left every output untouched */
    int (*untouched)(const oom_ctx *c);
    /* 0: sweep every N; else see sweep() */
    long dense, stride;
    /* the fixture is made so that the operation allocates: a sweep that
     * finds no allocation point is a broken fixture, not a pass */
    int must_allocate;
} oom_case;

static int outs_untouched(const oom_ctx *c)
{
    return c->out == OUT_SENTINEL && c->out2 == OUT_SENTINEL &&
           c->len == LEN_SENTINEL;
}

/* A sweep stops here at the latest: far above any fixture's needs. */
#define OOM_MAX_POINTS 200000L

/* The case being swept; per-test setup and teardown make and free its
 * in-place target, so that a failing test frees it too. */
static struct {
    const oom_case *k;
    oom_ctx c;
    long live_start;
    char *before;
} cur;

static int sweep_setup(void **state)
{
    memset(&cur, 0, sizeof cur);
    cur.k = *state;
    rel_alloc_disarm();
    cur.live_start = rel_state.live;
    if (cur.k->make_target) {
        cur.k->make_target(&cur.c);
        cur.before = cur.k->dump(&cur.c);
    }
    return 0;
}

static int sweep_teardown(void **state)
{
    (void)state;
    rel_alloc_disarm();
    free(cur.before);
    if (cur.k->free_target)
        cur.k->free_target(&cur.c);
    /* Nothing the case made outlives it. */
    assert_int_equal(rel_state.live, cur.live_start);
    return 0;
}

/* Counts the allocation calls of one successful run. */
static long count_points(const oom_case *k, oom_ctx *c)
{
    long n;
    jbw_status st;
    c->out = c->out2 = OUT_SENTINEL;
    c->len = LEN_SENTINEL;
    rel_alloc_arm(0);
    st = k->run(c);
    n = rel_state.calls;
    assert_int_equal(st, JBW_OK);
    if (k->release)
        k->release(c);
    assert_null(k->make_target); /* in-place cases are swept densely */
    return n;
}

/* Runs the case with allocation n failing; returns 1 when the failure was
 * reached (and checked), 0 when the run made fewer allocations and
 * succeeded. */
static int sweep_point_mode(const oom_case *k, oom_ctx *c, long n, int sticky)
{
    long live_before = rel_state.live;
    jbw_status st;
    c->out = c->out2 = OUT_SENTINEL;
    c->len = LEN_SENTINEL;
    jbw_clear_error();
    rel_alloc_arm_mode(n, sticky);
    st = k->run(c);
    rel_alloc_disarm();
    if (!rel_state.failed) {
        if (st != JBW_OK)
            fail_msg("%s: returned %d (%s) with no failed allocation: %s",
                     k->name, (int)st, jbw_strerror(st), jbw_last_error());
        if (k->release)
            k->release(c);
        /* In-place cases keep their additions in the target; the
         * teardown checks those after freeing it. */
        if (!k->make_target && rel_state.live != live_before)
            fail_msg("%s: %ld blocks leaked after success", k->name,
                     rel_state.live - live_before);
        return 0;
    }
    if (st != JBW_ENOMEM)
        fail_msg("%s: allocation %ld%s failed but it returned %d (%s): %s",
                 k->name, n, sticky ? " and later" : "", (int)st,
                 jbw_strerror(st), jbw_last_error());
    if (jbw_last_error()[0] == '\0')
        fail_msg("%s: allocation %ld%s failed and left no detail", k->name, n,
                 sticky ? " and later" : "");
    if (rel_state.live != live_before)
        fail_msg("%s: allocation %ld%s failed and %ld blocks leaked", k->name,
                 n, sticky ? " and later" : "", rel_state.live - live_before);
    if (!(k->untouched ? k->untouched(c) : outs_untouched(c)))
        fail_msg("%s: allocation %ld%s failed and an output was written",
                 k->name, n, sticky ? " and later" : "");
    if (cur.before) {
        char *after = k->dump(c);
        int same = strcmp(cur.before, after) == 0;
        if (!same)
            fail_msg("%s: allocation %ld%s failed and the object changed:\n"
                     "--- before ---\n%s\n--- after ---\n%s",
                     k->name, n, sticky ? " and later" : "", cur.before, after);
        free(after);
    }
    return 1;
}

/* Both modes at one N; returns whether the failure was reached. Sticky
 * first: a run that does not reach N succeeds, and an in-place operation
 * has then changed its target. (An in-place run that failed may keep
 * capacity it grew, so the next run can need fewer allocations.) */
static int sweep_point(const oom_case *k, oom_ctx *c, long n)
{
    if (!sweep_point_mode(k, c, n, 1))
        return 0;
    return sweep_point_mode(k, c, n, 0);
}

static void sweep(void **state)
{
    const oom_case *k = cur.k;
    long n, points = 0, total;
    (void)state;
    if (!k->stride) {
        /* Every N, until a run no longer reaches the failure. */
        for (n = 1; n <= OOM_MAX_POINTS && sweep_point(k, &cur.c, n); n++)
            points++;
        if (n > OOM_MAX_POINTS)
            fail_msg("%s: still failing after %ld allocation points", k->name,
                     OOM_MAX_POINTS);
        if (k->must_allocate && points == 0)
            fail_msg("%s: the fixture was made to allocate, but the "
                     "operation made no allocation",
                     k->name);
        printf("oom %s: %ld allocation points, all swept\n", k->name, points);
        total_points += points;
        return;
    }
    /* Large operations: every N among the first and the last `dense`
     * allocations, every stride-th N between, then one past the end. */
    total = count_points(k, &cur.c);
    for (n = 1; n <= total; n++) {
        if (n > k->dense && n <= total - k->dense && n % k->stride != 0)
            continue;
        if (!sweep_point(k, &cur.c, n))
            fail_msg("%s: allocation %ld of %ld was not reached", k->name, n,
                     total);
        points++;
    }
    if (sweep_point(k, &cur.c, total + 1))
        fail_msg("%s: more than %ld allocations on a second run", k->name,
                 total);
    printf("oom %s: %ld allocation points, %ld swept (every N in the first "
           "and last %ld, one in %ld between)\n",
           k->name, total, points, k->dense, k->stride);
    total_points += points;
}

/* ---- operations -------------------------------------------------------- */

/* Writers: out string + length, freed with jbw_free. */
#define WRITER(fn, obj)                                                        \
    static jbw_status run_##fn(oom_ctx *c)                                     \
    {                                                                          \
        return fn((char **)&c->out, &c->len, obj);                             \
    }
#define WRITER_TOP(fn, obj, top, lang)                                         \
    static jbw_status run_##fn##_##top(oom_ctx *c)                             \
    {                                                                          \
        return fn((char **)&c->out, &c->len, obj, top, lang);                  \
    }

static void release_string(oom_ctx *c)
{
    assert_true(strlen((char *)c->out) == c->len);
    jbw_free(c->out);
}

WRITER(jbw_snapshot_measures_csv, F.snap)
WRITER(jbw_snapshot_workers_csv, F.snap)
WRITER(jbw_registry_csv, F.reg)
WRITER(jbw_norm_save, F.norm)
WRITER(jbw_waitrisk_model_save, F.model)
WRITER(jbw_caseload_json, F.cl)
WRITER(jbw_caseload_csv, F.cl)
WRITER(jbw_caseload_workers_csv, F.cl)
WRITER(jbw_caseload_text, F.cl)
WRITER(jbw_series_csv, F.series)
WRITER(jbw_series_json, F.series)
WRITER(jbw_series_text, F.series)
WRITER_TOP(jbw_triage_json, F.tr, 0, JBW_LANG_NL)
WRITER_TOP(jbw_triage_csv, F.tr, 0, JBW_LANG_EN)
WRITER_TOP(jbw_triage_text, F.tr, 2, JBW_LANG_NL)
WRITER(jbw_allocation_json, F.al)
WRITER(jbw_allocation_csv, F.al)
WRITER(jbw_allocation_text, F.al)
WRITER(jbw_forecast_json, F.forecast)
WRITER(jbw_forecast_csv, F.forecast)
WRITER(jbw_forecast_text, F.forecast)

static jbw_status run_forecast_svg(oom_ctx *c)
{
    return jbw_forecast_svg((char **)&c->out, &c->len, F.forecast,
                            "Wachtlijst <synthetisch>");
}

static jbw_status run_read_file(oom_ctx *c)
{
    return jbw_read_file((char **)&c->out, &c->len, F.measures_path);
}

/* Constructors: out handle. */
static jbw_status run_calendar_new(oom_ctx *c)
{
    return jbw_calendar_new((jbw_calendar **)&c->out, NULL);
}
static jbw_status run_calendar_new_opts(oom_ctx *c)
{
    jbw_calendar_options o = JBW_CALENDAR_OPTIONS_INIT;
    o.good_friday_off = 1;
    o.liberation_day = JBW_LIBERATION_LUSTRUM;
    return jbw_calendar_new((jbw_calendar **)&c->out, &o);
}
static void release_calendar(oom_ctx *c)
{
    jbw_calendar_free(c->out);
}

static jbw_status run_registry_new(oom_ctx *c)
{
    return jbw_registry_new((jbw_registry **)&c->out);
}
static jbw_status run_registry_zuid_west(oom_ctx *c)
{
    return jbw_registry_zuid_west((jbw_registry **)&c->out);
}
static jbw_status run_registry_clone(oom_ctx *c)
{
    return jbw_registry_clone((jbw_registry **)&c->out, F.reg);
}
static jbw_status run_registry_load_csv_buffer(oom_ctx *c)
{
    return jbw_registry_load_csv_buffer((jbw_registry **)&c->out,
                                        rel_registry_csv,
                                        sizeof rel_registry_csv - 1, NULL);
}
static jbw_status run_registry_load_csv(oom_ctx *c)
{
    return jbw_registry_load_csv((jbw_registry **)&c->out, F.registry_path);
}
static void release_registry(oom_ctx *c)
{
    jbw_registry_free(c->out);
}

static jbw_status run_snapshot_new(oom_ctx *c)
{
    return jbw_snapshot_new((jbw_snapshot **)&c->out, F.reg,
                            REL_DATE_2025_09_01);
}
static jbw_status run_load_strict(oom_ctx *c)
{
    return load_fixture_snapshot((jbw_snapshot **)&c->out);
}
static jbw_status run_load_lenient(oom_ctx *c)
{
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    o.lenient = 1;
    return jbw_snapshot_load_csv_buffers(
        (jbw_snapshot **)&c->out, (jbw_rejects **)&c->out2, F.reg,
        rel_measures_bad_csv, sizeof rel_measures_bad_csv - 1, "m.csv",
        rel_workers_csv, sizeof rel_workers_csv - 1, "w.csv", &o);
}
static jbw_status run_load_files(oom_ctx *c)
{
    return jbw_snapshot_load_csv((jbw_snapshot **)&c->out, NULL, F.reg,
                                 F.measures_path, F.workers_path, NULL);
}
static jbw_status run_example_snapshot(oom_ctx *c)
{
    return jbw_example_snapshot((jbw_snapshot **)&c->out, JBW_EXAMPLE_SEED);
}
static void release_snapshot(oom_ctx *c)
{
    jbw_snapshot_free(c->out);
    if (c->out2 != OUT_SENTINEL) {
        assert_int_equal(jbw_rejects_count(c->out2), 3);
        jbw_rejects_free(c->out2);
    }
}

static jbw_status run_norm_new_default(oom_ctx *c)
{
    return jbw_norm_new_default((jbw_norm **)&c->out);
}
static jbw_status run_norm_parse(oom_ctx *c)
{
    return jbw_norm_parse((jbw_norm **)&c->out, rel_norm_text,
                          sizeof rel_norm_text - 1, "fixture.norm");
}
static jbw_status run_norm_load(oom_ctx *c)
{
    return jbw_norm_load((jbw_norm **)&c->out, F.norm_path);
}
static jbw_status run_norm_clone(oom_ctx *c)
{
    return jbw_norm_clone((jbw_norm **)&c->out, F.norm);
}
static void release_norm(oom_ctx *c)
{
    jbw_norm_free(c->out);
}

static jbw_status run_model_new_default(oom_ctx *c)
{
    return jbw_waitrisk_model_new_default((jbw_waitrisk_model **)&c->out);
}
static jbw_status run_model_parse(oom_ctx *c)
{
    return jbw_waitrisk_model_parse((jbw_waitrisk_model **)&c->out,
                                    rel_model_text, sizeof rel_model_text - 1,
                                    "fixture.model");
}
static jbw_status run_model_load(oom_ctx *c)
{
    return jbw_waitrisk_model_load((jbw_waitrisk_model **)&c->out,
                                   F.model_path);
}
static void release_model(oom_ctx *c)
{
    jbw_waitrisk_model_free(c->out);
}

static jbw_status run_caseload_compute(oom_ctx *c)
{
    return jbw_caseload_compute((jbw_caseload **)&c->out, F.snap, F.norm, F.cal,
                                NULL);
}
static jbw_status run_caseload_compute_opts(oom_ctx *c)
{
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    o.date = REL_DATE_2025_09_01 - 10;
    o.period_from = REL_DATE_2025_09_01 - 300;
    o.coupling_workdays = 3;
    return jbw_caseload_compute((jbw_caseload **)&c->out, F.snap, F.norm, F.cal,
                                &o);
}
static void release_caseload(oom_ctx *c)
{
    jbw_caseload_free(c->out);
}

static jbw_status run_series_new(oom_ctx *c)
{
    return jbw_series_new((jbw_series **)&c->out, "Zuid-Holland Zuid");
}
static jbw_status run_example_series(oom_ctx *c)
{
    return jbw_example_series_zhz((jbw_series **)&c->out);
}
static void release_series(oom_ctx *c)
{
    jbw_series_free(c->out);
}

static jbw_status run_triage_new(oom_ctx *c)
{
    return jbw_triage_new((jbw_triage **)&c->out, F.model, F.cal, F.snap,
                          JBW_DATE_NONE);
}
static void release_triage(oom_ctx *c)
{
    jbw_triage_free(c->out);
}

static jbw_status run_allocation_new(oom_ctx *c)
{
    return jbw_allocation_new((jbw_allocation **)&c->out, F.tr, F.snap, F.norm,
                              F.cal);
}
static void release_allocation(oom_ctx *c)
{
    jbw_allocation_free(c->out);
}

/* Operations with caller-provided outputs. */
static size_t rank_order[8];
static jbw_status run_rank(oom_ctx *c)
{
    size_t i;
    (void)c;
    for (i = 0; i < 8; i++)
        rank_order[i] = (size_t)-1;
    return jbw_waitrisk_rank(rank_order, F.scores, F.cases, F.case_count);
}
static int rank_untouched(const oom_ctx *c)
{
    size_t i;
    (void)c;
    for (i = 0; i < 8; i++)
        if (rank_order[i] != (size_t)-1)
            return 0;
    return 1;
}

static jbw_score batch_out[8];
static jbw_status run_score_batch(oom_ctx *c)
{
    (void)c;
    return jbw_waitrisk_score_batch(batch_out, F.model, F.cal, F.cases,
                                    F.case_count, REL_DATE_2025_09_01);
}
/* waitrisk.h: a failing batch may have written part of out. */
static int batch_untouched(const oom_ctx *c)
{
    (void)c;
    return 1;
}

static jbw_score score_out;
static jbw_status run_score(oom_ctx *c)
{
    (void)c;
    memset(&score_out, 0xA5, sizeof score_out);
    score_out.version = JBW_SCORE_VERSION;
    return jbw_waitrisk_score(&score_out, F.model, F.cal, &F.cases[0],
                              REL_DATE_2025_09_01);
}
static int score_untouched(const oom_ctx *c)
{
    jbw_score ref;
    (void)c;
    memset(&ref, 0xA5, sizeof ref);
    ref.version = JBW_SCORE_VERSION;
    return memcmp(&ref, &score_out, sizeof ref) == 0;
}

static jbw_snapshot_counts counts_out;
static jbw_status run_counts(oom_ctx *c)
{
    (void)c;
    memset(&counts_out, 0xA5, sizeof counts_out);
    counts_out.version = JBW_SNAPSHOT_COUNTS_VERSION;
    return jbw_snapshot_counts_get(&counts_out, F.snap, REL_DATE_2025_09_01,
                                   "JBWEST", NULL);
}
static int counts_untouched(const oom_ctx *c)
{
    jbw_snapshot_counts ref;
    (void)c;
    memset(&ref, 0xA5, sizeof ref);
    ref.version = JBW_SNAPSHOT_COUNTS_VERSION;
    return memcmp(&ref, &counts_out, sizeof ref) == 0;
}

/* jbw_write_file: a failure leaves the old file as it was. */
static jbw_status run_write_file(oom_ctx *c)
{
    (void)c;
    return jbw_write_file(F.scratch_path, "new content\n", 12);
}
static int write_untouched(const oom_ctx *c)
{
    char buf[64] = {0};
    FILE *f = fopen(F.scratch_path, "rb");
    (void)c;
    if (!f)
        return 0;
    if (fread(buf, 1, sizeof buf - 1, f) == 0)
        buf[0] = '\0';
    fclose(f);
    return strcmp(buf, "old content\n") == 0;
}
static void release_write(oom_ctx *c)
{
    (void)c;
    write_text_file(F.scenario_path, rel_scenario_text);
    write_text_file(F.scratch_path, "old content\n");
}

/* Forecast and staffing. */
static jbw_status run_scenario_parse(oom_ctx *c)
{
    return jbw_scenario_parse((jbw_scenario **)&c->out, rel_scenario_text,
                              sizeof rel_scenario_text - 1, "fixture");
}
static jbw_status run_scenario_load(oom_ctx *c)
{
    return jbw_scenario_load((jbw_scenario **)&c->out, F.scenario_path);
}
static void release_scenario(oom_ctx *c)
{
    jbw_scenario_free(c->out);
}

static jbw_status run_forecast_deterministic(oom_ctx *c)
{
    return jbw_forecast_run((jbw_forecast **)&c->out, &F.params, F.norm, NULL);
}
static jbw_status run_forecast_stochastic(oom_ctx *c)
{
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    o.replicates = 3;
    o.seed = 7;
    return jbw_forecast_run((jbw_forecast **)&c->out, &F.params, F.norm, &o);
}
static void release_forecast(oom_ctx *c)
{
    jbw_forecast_free(c->out);
}

static jbw_forecast_params params_out;
static jbw_status run_params_from_snapshot(oom_ctx *c)
{
    (void)c;
    assert_ok(
        jbw_forecast_params_init(&params_out, JBW_FORECAST_PARAMS_VERSION));
    params_out.turnover = 0.125; /* a marker the failure must keep */
    return jbw_forecast_params_from_snapshot(&params_out, F.snap, F.norm,
                                             JBW_DATE_NONE, "JBWEST", NULL);
}
static int params_untouched(const oom_ctx *c)
{
    jbw_forecast_params ref;
    (void)c;
    if (jbw_forecast_params_init(&ref, JBW_FORECAST_PARAMS_VERSION) != JBW_OK)
        return 0;
    /* Field by field: padding bytes carry no meaning. */
    return params_out.turnover == 0.125 && params_out.months == ref.months &&
           params_out.start == ref.start &&
           memcmp(params_out.assigned, ref.assigned, sizeof ref.assigned) ==
               0 &&
           memcmp(params_out.staff_fte, ref.staff_fte, sizeof ref.staff_fte) ==
               0 &&
           memcmp(params_out.inflow, ref.inflow, sizeof ref.inflow) == 0 &&
           params_out.units_per_measure == ref.units_per_measure;
}

static double relief_out;
static jbw_status run_relief(oom_ctx *c)
{
    (void)c;
    relief_out = -7.0;
    return jbw_forecast_relief(&relief_out, &F.params, F.norm, 5.0, 12);
}
static int relief_untouched(const oom_ctx *c)
{
    (void)c;
    return relief_out == -7.0;
}

static jbw_queue_params queue_out;
static jbw_status run_queue_from_forecast(oom_ctx *c)
{
    (void)c;
    assert_ok(jbw_queue_params_init(&queue_out, JBW_QUEUE_PARAMS_VERSION));
    queue_out.within_workdays = 3.0;
    queue_out.arrivals_per_workday = -7.0;
    return jbw_queue_params_from_forecast(&queue_out, &F.params, F.norm, 21.0);
}
static int queue_untouched(const oom_ctx *c)
{
    (void)c;
    return queue_out.arrivals_per_workday == -7.0 &&
           queue_out.within_workdays == 3.0;
}

/* ---- in-place operations ---------------------------------------------- */

/* Copies a library string into one from malloc (the dumps are made with
 * the counting allocator disarmed and must not disturb its block count). */
static char *own(char *lib_string)
{
    char *s = malloc(strlen(lib_string) + 1);
    assert_non_null(s);
    strcpy(s, lib_string);
    jbw_free(lib_string);
    return s;
}

static char *dump_registry(const oom_ctx *c)
{
    char *s = NULL;
    assert_ok(jbw_registry_csv(&s, NULL, c->target));
    return own(s);
}
static void make_registry(oom_ctx *c)
{
    jbw_registry *r = NULL;
    assert_ok(jbw_registry_clone(&r, F.reg));
    c->target = r;
}
static void free_registry(oom_ctx *c)
{
    jbw_registry_free(c->target);
}

static jbw_status run_add_region(oom_ctx *c)
{
    return jbw_registry_add_region(c->target, "NIEUW", "Nieuwe regio", "JZ99");
}
static jbw_status run_add_municipality(oom_ctx *c)
{
    return jbw_registry_add_municipality(c->target, "Nieuwdorp", "ZHZ");
}
static jbw_status run_add_organisation(oom_ctx *c)
{
    return jbw_registry_add_organisation(c->target, "GI9", "Nieuwe GI");
}
/* Adds a service the organisation does not have yet. */
static void make_registry_with_org(oom_ctx *c)
{
    make_registry(c);
    assert_ok(jbw_registry_add_organisation(c->target, "GI9", "Nieuwe GI"));
}
static jbw_status run_add_service(oom_ctx *c)
{
    return jbw_registry_add_service(c->target, "GI9", "HR");
}

static char *dump_snapshot(const oom_ctx *c)
{
    char *m = NULL, *w = NULL, *s;
    assert_ok(jbw_snapshot_measures_csv(&m, NULL, c->target));
    assert_ok(jbw_snapshot_workers_csv(&w, NULL, c->target));
    s = malloc(strlen(m) + strlen(w) + 1);
    assert_non_null(s);
    strcpy(s, m);
    strcat(s, w);
    jbw_free(m);
    jbw_free(w);
    return s;
}
static void make_snapshot(oom_ctx *c)
{
    jbw_snapshot *s = NULL;
    assert_ok(load_fixture_snapshot(&s));
    c->target = s;
}
static void free_snapshot(oom_ctx *c)
{
    jbw_snapshot_free(c->target);
}

static jbw_status run_add_worker(oom_ctx *c)
{
    jbw_worker w = JBW_WORKER_INIT;
    w.id = "W-nieuw";
    w.organisation = "WSS";
    w.region = "HR";
    w.fte = 0.9;
    w.hired = REL_DATE_2025_09_01 - 100;
    return jbw_snapshot_add_worker(c->target, &w);
}
static jbw_status run_add_measure(oom_ctx *c)
{
    jbw_measure m = JBW_MEASURE_INIT;
    m.id = "M-nieuw";
    m.child_id = "C-nieuw";
    m.family_id = "F-nieuw";
    m.kind = JBW_KIND_VOTS;
    m.organisation = "JBWEST";
    m.region = "ZHZ";
    m.start = REL_DATE_2025_09_01 - 5;
    m.worker_id = "W1";
    m.first_assigned = REL_DATE_2025_09_01 - 4;
    m.safety = JBW_SAFETY_UNSAFE;
    return jbw_snapshot_add_measure(c->target, &m);
}

static char *dump_series(const oom_ctx *c)
{
    char *s = NULL;
    assert_ok(jbw_series_csv(&s, NULL, c->target));
    return own(s);
}
static void make_series(oom_ctx *c)
{
    jbw_series *s = NULL;
    assert_ok(jbw_series_new(&s, "Test"));
    assert_ok(jbw_series_add(s, REL_DATE_2025_09_01 - 60, 5, 5));
    c->target = s;
}
static void free_series(oom_ctx *c)
{
    jbw_series_free(c->target);
}
static jbw_status run_series_add(oom_ctx *c)
{
    return jbw_series_add(c->target, REL_DATE_2025_09_01 - 90, 7, 1);
}
static jbw_status run_series_add_snapshot(oom_ctx *c)
{
    return jbw_series_add_snapshot(c->target, F.snap, REL_DATE_2025_09_01, NULL,
                                   "ZHZ");
}

static char *dump_norm(const oom_ctx *c)
{
    char *s = NULL;
    assert_ok(jbw_norm_save(&s, NULL, c->target));
    return own(s);
}
static void make_norm(oom_ctx *c)
{
    jbw_norm *n = NULL;
    assert_ok(jbw_norm_clone(&n, F.norm));
    c->target = n;
}
static void free_norm(oom_ctx *c)
{
    jbw_norm_free(c->target);
}
static jbw_status run_norm_set_name(oom_ctx *c)
{
    return jbw_norm_set_name(c->target, "Andere norm", "een bron");
}
static jbw_status run_norm_set_ramp(oom_ctx *c)
{
    static const int32_t from[] = {0, 1, 4, 9};
    static const double frac[] = {0.25, 0.5, 0.75, 1.0};
    return jbw_norm_set_ramp(c->target, from, frac, 4);
}

/* The calendar's state: its holidays and closures of 2025. */
static char *dump_calendar(const oom_ctx *c)
{
    jbw_holiday h[64];
    size_t count = 0, i;
    char *s;
    assert_ok(jbw_calendar_holidays(h, 64, &count, c->target, 2025));
    s = malloc(count * 24 + 1);
    assert_non_null(s);
    s[0] = '\0';
    for (i = 0; i < count; i++)
        sprintf(s + strlen(s), "%ld:%d ", (long)h[i].date, (int)h[i].kind);
    return s;
}
static void make_calendar(oom_ctx *c)
{
    jbw_calendar *cal = NULL;
    assert_ok(jbw_calendar_new(&cal, NULL));
    c->target = cal;
}
static void free_calendar(oom_ctx *c)
{
    jbw_calendar_free(c->target);
}
static jbw_status run_add_closure(oom_ctx *c)
{
    /* Friday 2025-12-26 is Tweede Kerstdag already; Wednesday 2025-12-24
     * is a working day (20332 + 114 = 2025-12-24). */
    return jbw_calendar_add_closure(c->target, REL_DATE_2025_09_01 + 114);
}

static char *dump_scenario(const oom_ctx *c)
{
    jbw_forecast_params p;
    char *s = malloc(64);
    assert_non_null(s);
    assert_ok(jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION));
    assert_ok(jbw_scenario_apply(&p, c->target));
    snprintf(s, 64, "%zu shocks, %zu cohorts",
             jbw_scenario_shock_count(c->target),
             jbw_scenario_hire_count(c->target));
    return s;
}
static void make_scenario(oom_ctx *c)
{
    jbw_scenario *sc = NULL;
    assert_ok(jbw_scenario_parse(&sc, rel_scenario_text,
                                 sizeof rel_scenario_text - 1, "fixture"));
    c->target = sc;
}
static void free_scenario(oom_ctx *c)
{
    jbw_scenario_free(c->target);
}
static jbw_status run_add_shocks_csv(oom_ctx *c)
{
    static const char csv[] = "month_from,month_to,kind,multiplier\n"
                              "1,3,VOTS,1.5\n4,6,ALL,0.8\n7,7,OTS,1.1\n";
    return jbw_scenario_add_shocks_csv(c->target, csv, sizeof csv - 1,
                                       "shocks.csv");
}
static jbw_status run_add_hiring_plan_csv(oom_ctx *c)
{
    static const char csv[] =
        "month,fte,onboarding_months,onboarding_fraction\n"
        "1,75,3,0.5\n4,10,,\n7,5,0,\n";
    return jbw_scenario_add_hiring_plan_csv(c->target, csv, sizeof csv - 1,
                                            "hiring_plan.csv");
}

/* ---- in-place operations at the point where they grow ---------------- */

/*
 * With spare capacity in the fixture an addition allocates nothing, and
 * its sweep has no point to fail (add_worker, add_municipality,
 * add_service and series_add above). These fixtures are filled until the
 * next addition allocates: `fill(c, n)` makes the target with n filler
 * entries; the first n whose trial run makes an allocation call is used,
 * so the sweep reaches the growth path whatever capacities the library
 * chooses. */
#define GROW_MAX_FILLERS 1000

static void make_grown(oom_ctx *c, void (*fill)(oom_ctx *, int),
                       jbw_status (*run)(oom_ctx *), void (*drop)(oom_ctx *))
{
    int n;
    for (n = 0; n < GROW_MAX_FILLERS; n++) {
        long calls;
        jbw_status st;
        fill(c, n);
        rel_alloc_arm(0);
        st = run(c);
        calls = rel_state.calls;
        rel_alloc_disarm();
        drop(c);
        assert_int_equal(st, JBW_OK);
        if (calls > 0) {
            fill(c, n);
            return;
        }
    }
    fail_msg("no allocation after %d fillers", GROW_MAX_FILLERS);
}

static void fill_registry_municipalities(oom_ctx *c, int n)
{
    char name[32];
    int i;
    make_registry(c);
    for (i = 0; i < n; i++) {
        snprintf(name, sizeof name, "Vuldorp %d", i);
        assert_ok(jbw_registry_add_municipality(c->target, name, "HR"));
    }
}
static void make_registry_municipalities_full(oom_ctx *c)
{
    make_grown(c, fill_registry_municipalities, run_add_municipality,
               free_registry);
}

/* Services of other new organisations fill the service arrays. */
static void fill_registry_services(oom_ctx *c, int n)
{
    char key[32];
    int i;
    make_registry_with_org(c);
    for (i = 0; i < n; i++) {
        snprintf(key, sizeof key, "VUL%d", i);
        assert_ok(jbw_registry_add_organisation(c->target, key, "Vul-GI"));
        assert_ok(jbw_registry_add_service(c->target, key, "ZHZ"));
    }
}
static void make_registry_services_full(oom_ctx *c)
{
    make_grown(c, fill_registry_services, run_add_service, free_registry);
}

/* At least one filler: the first worker of an empty snapshot allocates
 * its arrays, which a failed addition may keep as capacity (freed with the
 * snapshot) and the live-block check would count. */
static void fill_snapshot_workers(oom_ctx *c, int n)
{
    jbw_snapshot *s = NULL;
    char id[32];
    int i;
    assert_ok(jbw_snapshot_new(&s, F.reg, REL_DATE_2025_09_01));
    for (i = 0; i <= n; i++) {
        jbw_worker w = JBW_WORKER_INIT;
        snprintf(id, sizeof id, "W-vul-%d", i);
        w.id = id;
        w.organisation = "JBWEST";
        w.fte = 1.0;
        w.hired = REL_DATE_2025_09_01 - 400;
        assert_ok(jbw_snapshot_add_worker(s, &w));
    }
    c->target = s;
}
static void make_snapshot_workers_full(oom_ctx *c)
{
    make_grown(c, fill_snapshot_workers, run_add_worker, free_snapshot);
}

/* Points on earlier days than the one run_series_add adds. */
static void fill_series_points(oom_ctx *c, int n)
{
    jbw_series *s = NULL;
    int i;
    assert_ok(jbw_series_new(&s, "Test"));
    for (i = 0; i < n; i++)
        assert_ok(jbw_series_add(s, REL_DATE_2025_09_01 - 200 - i, 5, 5));
    c->target = s;
}
static void make_series_points_full(oom_ctx *c)
{
    make_grown(c, fill_series_points, run_series_add, free_series);
}

/* With no norm given the queue parameters use the default norm, which
 * the call makes (and frees) itself. */
static jbw_status run_queue_from_forecast_default_norm(oom_ctx *c)
{
    (void)c;
    assert_ok(jbw_queue_params_init(&queue_out, JBW_QUEUE_PARAMS_VERSION));
    queue_out.within_workdays = 3.0;
    queue_out.arrivals_per_workday = -7.0;
    return jbw_queue_params_from_forecast(&queue_out, &F.params, NULL, 21.0);
}

/* ---- the table ---------------------------------------------------------- */

#define NEW(name, rel)                                                         \
    {                                                                          \
#name, run_##name, rel, NULL, NULL, NULL, NULL, 0, 0, 0                \
    }
#define OUT(name, rel, untouched)                                              \
    {                                                                          \
#name, run_##name, rel, NULL, NULL, NULL, untouched, 0, 0, 0           \
    }
#define INPLACE(name, kind)                                                    \
    {                                                                          \
#name, run_##name, NULL, make_##kind, dump_##kind, free_##kind, NULL,  \
            0, 0, 0                                                            \
    }
#define INPLACE_WITH(name, make, kind)                                         \
    {                                                                          \
#name, run_##name, NULL, make, dump_##kind, free_##kind, NULL, 0, 0, 0 \
    }
/* An in-place operation on a target filled to the point where it grows;
 * the sweep fails unless it finds allocation points. */
#define INPLACE_GROWN(label, name, make, kind)                                 \
    {                                                                          \
#label, run_##name, NULL, make, dump_##kind, free_##kind, NULL, 0, 0,  \
            1                                                                  \
    }
/* Sampled: the example snapshot makes some 14,000 allocations, and a
 * dense sweep would cost minutes of CI time for the same code paths. */
#define SAMPLED(name, rel, dense, stride)                                      \
    {                                                                          \
#name, run_##name, rel, NULL, NULL, NULL, NULL, dense, stride, 0       \
    }

static const oom_case cases[] = {
    NEW(calendar_new, release_calendar),
    NEW(calendar_new_opts, release_calendar),
    INPLACE(add_closure, calendar),
    NEW(registry_new, release_registry),
    NEW(registry_zuid_west, release_registry),
    NEW(registry_clone, release_registry),
    INPLACE(add_region, registry),
    INPLACE(add_municipality, registry),
    INPLACE_GROWN(add_municipality_grows, add_municipality,
                  make_registry_municipalities_full, registry),
    INPLACE(add_organisation, registry),
    INPLACE_WITH(add_service, make_registry_with_org, registry),
    INPLACE_GROWN(add_service_grows, add_service, make_registry_services_full,
                  registry),
    NEW(registry_load_csv_buffer, release_registry),
    NEW(registry_load_csv, release_registry),
    NEW(jbw_registry_csv, release_string),
    NEW(snapshot_new, release_snapshot),
    INPLACE(add_worker, snapshot),
    INPLACE_GROWN(add_worker_grows, add_worker, make_snapshot_workers_full,
                  snapshot),
    INPLACE(add_measure, snapshot),
    OUT(counts, NULL, counts_untouched),
    NEW(load_strict, release_snapshot),
    NEW(load_lenient, release_snapshot),
    NEW(load_files, release_snapshot),
    NEW(read_file, release_string),
    OUT(write_file, release_write, write_untouched),
    NEW(jbw_snapshot_measures_csv, release_string),
    NEW(jbw_snapshot_workers_csv, release_string),
    NEW(norm_new_default, release_norm),
    NEW(norm_parse, release_norm),
    NEW(norm_load, release_norm),
    NEW(norm_clone, release_norm),
    NEW(jbw_norm_save, release_string),
    INPLACE(norm_set_name, norm),
    INPLACE(norm_set_ramp, norm),
    NEW(caseload_compute, release_caseload),
    NEW(caseload_compute_opts, release_caseload),
    NEW(jbw_caseload_json, release_string),
    NEW(jbw_caseload_csv, release_string),
    NEW(jbw_caseload_workers_csv, release_string),
    NEW(jbw_caseload_text, release_string),
    NEW(series_new, release_series),
    INPLACE(series_add, series),
    INPLACE_GROWN(series_add_grows, series_add, make_series_points_full,
                  series),
    INPLACE(series_add_snapshot, series),
    NEW(jbw_series_csv, release_string),
    NEW(jbw_series_json, release_string),
    NEW(jbw_series_text, release_string),
    NEW(model_new_default, release_model),
    NEW(model_parse, release_model),
    NEW(model_load, release_model),
    NEW(jbw_waitrisk_model_save, release_string),
    OUT(score, NULL, score_untouched),
    OUT(score_batch, NULL, batch_untouched),
    OUT(rank, NULL, rank_untouched),
    NEW(triage_new, release_triage),
    NEW(jbw_triage_json_0, release_string),
    NEW(jbw_triage_csv_0, release_string),
    NEW(jbw_triage_text_2, release_string),
    NEW(allocation_new, release_allocation),
    NEW(jbw_allocation_json, release_string),
    NEW(jbw_allocation_csv, release_string),
    NEW(jbw_allocation_text, release_string),
    NEW(scenario_parse, release_scenario),
    NEW(scenario_load, release_scenario),
    INPLACE(add_shocks_csv, scenario),
    INPLACE(add_hiring_plan_csv, scenario),
    OUT(params_from_snapshot, NULL, params_untouched),
    NEW(forecast_deterministic, release_forecast),
    NEW(forecast_stochastic, release_forecast),
    NEW(jbw_forecast_json, release_string),
    NEW(jbw_forecast_csv, release_string),
    NEW(jbw_forecast_text, release_string),
    NEW(forecast_svg, release_string),
    OUT(relief, NULL, relief_untouched),
    OUT(queue_from_forecast, NULL, queue_untouched),
    {"queue_from_forecast_default_norm", run_queue_from_forecast_default_norm,
     NULL, NULL, NULL, NULL, queue_untouched, 0, 0, 1},
    NEW(example_series, release_series),
    SAMPLED(example_snapshot, release_snapshot, 300, 61),
};

#define CASE_COUNT (sizeof cases / sizeof cases[0])

int main(void)
{
    struct CMUnitTest tests[CASE_COUNT];
    char names[CASE_COUNT][96];
    size_t i;
    /* The allocator is set before any other libjbw call (common.h). */
    rel_alloc_install();
    for (i = 0; i < CASE_COUNT; i++) {
        const char *n = cases[i].name;
        if (strncmp(n, "jbw_", 4) == 0)
            n += 4;
        snprintf(names[i], sizeof names[i], "enomem_at_every_allocation_%s", n);
        tests[i].name = names[i];
        tests[i].test_func = sweep;
        tests[i].setup_func = sweep_setup;
        tests[i].teardown_func = sweep_teardown;
        tests[i].initial_state = (void *)&cases[i];
    }
    return cmocka_run_group_tests_name("oom", tests, setup_fixtures,
                                       teardown_fixtures);
}
