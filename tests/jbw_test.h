/*
 * Shared test helpers: cmocka with the headers it needs, and a tolerance
 * assertion (Debian's cmocka 1.1.5 has no assert_double_equal).
 */
#ifndef JBW_TEST_H
#define JBW_TEST_H

#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jbw.h"

/* Fails unless |a - b| <= tol (and neither is NaN). */
#define assert_near(a, b, tol)                                                 \
    jbw_test_assert_near((double)(a), (double)(b), (double)(tol), #a, #b,      \
                         __FILE__, __LINE__)

static inline void jbw_test_assert_near(double a, double b, double tol,
                                        const char *sa, const char *sb,
                                        const char *file, int line)
{
    if (!(fabs(a - b) <= tol)) {
        print_error("%s (%.12g) != %s (%.12g) within %g\n", sa, a, sb, b, tol);
        _fail(file, line);
    }
}

/* Asserts that a call returned `expected`, printing the library's detail. */
#define assert_status(call, expected)                                          \
    do {                                                                       \
        int jbw_test_st_ = (int)(call);                                        \
        if (jbw_test_st_ != (int)(expected)) {                                 \
            print_error("%s returned %d (%s), expected %d; detail: %s\n",      \
                        #call, jbw_test_st_, jbw_strerror(jbw_test_st_),       \
                        (int)(expected), jbw_last_error());                    \
            _fail(__FILE__, __LINE__);                                         \
        }                                                                      \
    } while (0)

#define assert_ok(call) assert_status(call, JBW_OK)

/* Asserts that the last error detail contains `needle`. */
#define assert_error_contains(needle)                                          \
    do {                                                                       \
        if (!strstr(jbw_last_error(), (needle))) {                             \
            print_error("detail '%s' lacks '%s'\n", jbw_last_error(),          \
                        (needle));                                             \
            _fail(__FILE__, __LINE__);                                         \
        }                                                                      \
    } while (0)

/*
 * Asserts the order of a refusal's detail: it holds `reason`, then ": '",
 * then `shown` (the value as quoted, cut with U+2026 when long) and a
 * closing quote that ends the detail. The reason comes before the value,
 * so a long value can never push it out of the message.
 */
static inline void jbw_test_reason_before_value(const char *reason,
                                                const char *shown,
                                                const char *file, int line)
{
    const char *d = jbw_last_error(), *r = strstr(d, reason);
    size_t dn = strlen(d), sn = strlen(shown);
    if (!r || dn < sn + 4 || strcmp(d + dn - 1, "'") != 0 ||
        strncmp(d + dn - sn - 4, ": '", 3) != 0 ||
        strncmp(d + dn - sn - 1, shown, sn) != 0 ||
        r + strlen(reason) > d + dn - sn - 4) {
        print_error("detail '%s' is not '...%s...: '%s''\n", d, reason, shown);
        _fail(file, line);
    }
}
#define assert_reason_before_value(reason, shown)                              \
    jbw_test_reason_before_value((reason), (shown), __FILE__, __LINE__)

/* Makes a date, failing the test on error. */
static inline jbw_date jbw_test_date(int y, int m, int d)
{
    jbw_date out = JBW_DATE_NONE;
    if (jbw_date_from_ymd(&out, y, m, d) != JBW_OK) {
        print_error("bad test date %d-%d-%d\n", y, m, d);
        _fail(__FILE__, __LINE__);
    }
    return out;
}
#define D(y, m, d) jbw_test_date((y), (m), (d))

/* Sets LC_NUMERIC to an installed locale with a decimal comma, as a host
 * program may; 0 when none is installed (the caller skips), except where
 * JBW_REQUIRE_COMMA_LOCALE is set (CI, which makes one): there the test
 * fails, so that a skip cannot pass unseen. Set it back with
 * setlocale(LC_NUMERIC, "C"). */
static inline int jbw_test_comma_locale(void)
{
    static const char *const locales[] = {"nl_NL.UTF-8", "de_DE.UTF-8",
                                          "fr_FR.UTF-8", "nl_NL"};
    const char *required = getenv("JBW_REQUIRE_COMMA_LOCALE");
    size_t i;
    for (i = 0; i < sizeof locales / sizeof *locales; i++)
        if (setlocale(LC_NUMERIC, locales[i]))
            return 1;
    if (required && *required)
        fail_msg("no locale with a decimal comma installed, and "
                 "JBW_REQUIRE_COMMA_LOCALE is set");
    print_message("no locale with a decimal comma installed; skipped\n");
    return 0;
}

/* ---- out of memory ------------------------------------------------------
 * A failing allocator for jbw_set_allocator(): it counts the allocation
 * calls (malloc and realloc) from the moment it is armed and fails call n
 * (0-based). jbw_test_fail_after(n) fails that call and every later one
 * (memory stays exhausted, so cleanup gets none either);
 * jbw_test_fail_only(n) fails that call alone. n < 0: nothing fails.
 * Both install the allocator; jbw_test_alloc_reset() restores the
 * library's own. Installing clears jbw_last_error().
 */
typedef struct jbw_test_alloc {
    long calls;   /* allocation calls since armed */
    long fail_at; /* the call that fails; < 0: none */
    int only;     /* nonzero: later calls succeed again */
} jbw_test_alloc;

/* Inside a function, so that a header-only helper can hold it. */
static inline jbw_test_alloc *jbw_test_alloc_state(void)
{
    static jbw_test_alloc state = {0, -1, 0};
    return &state;
}

static inline int jbw_test_alloc_fails(void *user)
{
    jbw_test_alloc *a = (jbw_test_alloc *)user;
    long call = a->calls++;
    if (a->fail_at < 0)
        return 0;
    return a->only ? call == a->fail_at : call >= a->fail_at;
}

static inline void *jbw_test_malloc(size_t size, void *user)
{
    return jbw_test_alloc_fails(user) ? NULL : malloc(size);
}

static inline void *jbw_test_realloc(void *ptr, size_t size, void *user)
{
    return jbw_test_alloc_fails(user) ? NULL : realloc(ptr, size);
}

static inline void jbw_test_free(void *ptr, void *user)
{
    (void)user;
    free(ptr);
}

static inline void jbw_test_alloc_arm(long n, int only)
{
    jbw_test_alloc *a = jbw_test_alloc_state();
    a->calls = 0;
    a->fail_at = n;
    a->only = only;
    assert_ok(
        jbw_set_allocator(jbw_test_malloc, jbw_test_realloc, jbw_test_free, a));
}

static inline void jbw_test_fail_after(long n)
{
    jbw_test_alloc_arm(n, 0);
}

static inline void jbw_test_fail_only(long n)
{
    jbw_test_alloc_arm(n, 1);
}

static inline void jbw_test_alloc_reset(void)
{
    jbw_test_alloc_state()->fail_at = -1;
    assert_ok(jbw_set_allocator(NULL, NULL, NULL, NULL));
}

/* Runs step(ctx) with allocation k failing, armed by `arm`
 * (jbw_test_fail_after or jbw_test_fail_only), for k = 0, 1, ... until it
 * succeeds; every failing run must return JBW_ENOMEM (ASan finds any
 * leak). Fails the test if no k below `limit` succeeds. */
#define jbw_test_oom_sweep(step, ctx, limit, arm)                              \
    jbw_test_oom_sweep_((step), (ctx), (limit), (arm), __FILE__, __LINE__)

static inline void jbw_test_oom_sweep_(int (*step)(void *), void *ctx,
                                       long limit, void (*arm)(long),
                                       const char *file, int line)
{
    long k;
    for (k = 0; k < limit; k++) {
        int st;
        arm(k);
        st = step(ctx);
        jbw_test_alloc_reset();
        if (st == JBW_OK)
            return;
        if (st != JBW_ENOMEM) {
            print_error("allocation %ld failing: status %d (%s), not ENOMEM\n",
                        k, st, jbw_strerror(st));
            _fail(file, line);
        }
    }
    print_error("never succeeded within %ld failing allocations\n", limit);
    _fail(file, line);
}

/*
 * A snapshot on `ref` over a small registry: the regions R1 .. R<regions>
 * ("Regio Een", "Regio Twee", ...) and one organisation per entry of
 * `serves`, G1, G2, ... ("GI Een", ...), serving the regions whose digits
 * the entry lists, in that order ("12": R1 then R2). At most 9 of each.
 */
static inline jbw_snapshot *jbw_test_snapshot(jbw_date ref, int regions,
                                              const char *const *serves,
                                              int orgs)
{
    static const char *const names[] = {"Een", "Twee",  "Drie", "Vier", "Vijf",
                                        "Zes", "Zeven", "Acht", "Negen"};
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    char key[16], region[16], name[32];
    const char *p;
    int i;
    assert_true(regions <= 9 && orgs <= 9);
    assert_ok(jbw_registry_new(&reg));
    for (i = 1; i <= regions; i++) {
        snprintf(key, sizeof key, "R%d", i);
        snprintf(name, sizeof name, "Regio %s", names[i - 1]);
        assert_ok(jbw_registry_add_region(reg, key, name, NULL));
    }
    for (i = 1; i <= orgs; i++) {
        snprintf(key, sizeof key, "G%d", i);
        snprintf(name, sizeof name, "GI %s", names[i - 1]);
        assert_ok(jbw_registry_add_organisation(reg, key, name));
    }
    for (i = 1; i <= orgs; i++)
        for (p = serves[i - 1]; *p; p++) {
            snprintf(key, sizeof key, "G%d", i);
            snprintf(region, sizeof region, "R%c", *p);
            assert_ok(jbw_registry_add_service(reg, key, region));
        }
    assert_ok(jbw_snapshot_new(&snap, reg, ref));
    jbw_registry_free(reg);
    return snap;
}

/* The caseload of `snap` on `date` under the default norm and calendar
 * (jbw_norm_new_default, jbw_calendar_new). */
static inline jbw_caseload *jbw_test_caseload(const jbw_snapshot *snap,
                                              jbw_date date)
{
    jbw_caseload *cl = NULL;
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload_options o = JBW_CASELOAD_OPTIONS_INIT;
    o.date = date;
    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_caseload_compute(&cl, snap, norm, cal, &o));
    jbw_norm_free(norm);
    jbw_calendar_free(cal);
    return cl;
}

/* Adds a worker to a test snapshot, failing the test on error. */
static inline void jbw_test_add_worker(jbw_snapshot *snap, const char *id,
                                       const char *org, const char *region,
                                       double fte, jbw_date hired,
                                       jbw_date leaving)
{
    jbw_worker w = JBW_WORKER_INIT;
    w.id = id;
    w.organisation = org;
    w.region = region;
    w.fte = fte;
    w.hired = hired;
    w.leaving = leaving;
    assert_ok(jbw_snapshot_add_worker(snap, &w));
}

/*
 * Adds a measure to a test snapshot, failing the test on error: the
 * fields a test sets (family NULL: the child's own family; previous 0 and
 * waiting_since JBW_DATE_NONE for a measure that never lost a worker);
 * the rest keep JBW_MEASURE_INIT.
 */
static inline void jbw_test_add_measure(jbw_snapshot *snap, const char *id,
                                        const char *child, const char *family,
                                        jbw_kind kind, const char *org,
                                        const char *region, jbw_date start,
                                        jbw_date end, const char *worker,
                                        jbw_date first_assigned, int previous,
                                        jbw_date waiting_since)
{
    jbw_measure m = JBW_MEASURE_INIT;
    m.id = id;
    m.child_id = child;
    m.family_id = family;
    m.kind = kind;
    m.organisation = org;
    m.region = region;
    m.start = start;
    m.end = end;
    m.worker_id = worker;
    m.first_assigned = first_assigned;
    m.previous_workers = previous;
    m.waiting_since = waiting_since;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
}

/* ---- forecasts ---------------------------------------------------------- */

/*
 * A region where every flow of the forecast is at work over `months`:
 * staff leave and are hired (for 20 months), two shocks (one on VOTS,
 * one on every kind), waiting lists nieuw and bestaand, finance; every
 * sampler of a replicate-month is drawn.
 */
static inline void jbw_test_busy_region(jbw_forecast_params *p, int32_t months)
{
    static const jbw_shock shocks[2] = {{JBW_KIND_VOTS, 4, 9, 2.5},
                                        {JBW_SHOCK_ALL_KINDS, 10, 14, 0.6}};
    assert_ok(jbw_forecast_params_init(p, JBW_FORECAST_PARAMS_VERSION));
    p->months = months;
    p->assigned[JBW_KIND_OTS] = 400;
    p->assigned[JBW_KIND_VOOGDIJ] = 150;
    p->assigned[JBW_KIND_JR_TB_GEDWONGEN] = 90;
    p->waiting_nieuw[JBW_KIND_OTS] = 30;
    p->waiting_nieuw[JBW_KIND_VOTS] = 6;
    p->waiting_bestaand[JBW_KIND_OTS] = 25;
    p->inflow[JBW_KIND_OTS] = 18;
    p->inflow[JBW_KIND_VOTS] = 4;
    p->inflow[JBW_KIND_VOOGDIJ] = 2.2;
    p->inflow[JBW_KIND_JR_TB_GEDWONGEN] = 8;
    p->inflow[JBW_KIND_JR_ITB_CRIEM] = 1.5;
    p->staff_fte[0] = 2;
    p->staff_fte[4] = 3.4;
    p->staff_fte[JBW_TENURE_SLOTS - 1] = 45;
    p->turnover = 0.25;
    p->hires_fte = 1.7;
    p->hire_months = 20;
    p->fte_per_worker = 0.85;
    p->shocks = shocks;
    p->shock_count = 2;
    p->finance = 1;
    p->tariff[JBW_KIND_OTS] = 25000;
    p->staff_cost = 80000;
    p->fixed_costs = 3000000;
}

/* Runs a forecast (`replicates` 0: deterministic) on `threads` threads,
 * failing the test on error. */
static inline jbw_forecast *
jbw_test_run_forecast(const jbw_forecast_params *p, const jbw_norm *norm,
                      size_t replicates, uint64_t seed, unsigned int threads)
{
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL;
    o.replicates = replicates;
    o.seed = seed;
    o.threads = threads;
    assert_ok(jbw_forecast_run(&fc, p, norm, &o));
    assert_non_null(fc);
    return fc;
}

/* Month `t` of a forecast, statistic `stat`, failing the test on error. */
static inline jbw_forecast_month
jbw_test_forecast_month(const jbw_forecast *fc, int32_t t, jbw_statistic stat)
{
    jbw_forecast_month m;
    memset(&m, 0, sizeof m);
    m.version = JBW_FORECAST_MONTH_VERSION;
    assert_ok(jbw_forecast_month_get(&m, fc, t, stat));
    return m;
}

#endif /* JBW_TEST_H */
