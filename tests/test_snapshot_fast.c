/*
 * Tests of the fast paths of the snapshot's checks (data/snapshot_check.c)
 * against the rules they shortcut:
 *
 *  - the dates: a date in range, or an optional date not given, passes
 *    without the slow check; every date field of a measure and a worker
 *    is tried with every day around both ends of the range, JBW_DATE_NONE
 *    and far values, and the outcome (status and the exact detail) must
 *    be the rule's, written out here from snapshot.h;
 *  - the family map: an own family (a measure without a family id) is an
 *    index without a key; the map's slots must still fit every index.
 *
 * Linked with the library's objects: the fast paths are internal. All data
 * is synthetic.
 */
#include "jbw_test.h"

#include "data/snapshot_check.h"

/* ---- fixture ------------------------------------------------------------ */

/* Regions R1, R2; G1 serves both, G2 only R1. */
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

static jbw_snapshot *new_snapshot(const jbw_registry *reg)
{
    jbw_snapshot *snap = NULL;
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    return snap;
}

/* Fails unless the last call gave `expected` with exactly `detail` (any
 * detail when NULL); `what` names the case. */
static void expect_outcome(jbw_status got, jbw_status expected,
                           const char *detail, const char *what)
{
    if (got != expected) {
        print_error("%s: status %d, expected %d; detail: %s\n", what, (int)got,
                    (int)expected, jbw_last_error());
        fail();
    }
    if (detail && strcmp(jbw_last_error(), detail) != 0) {
        print_error("%s: detail '%s', expected '%s'\n", what, jbw_last_error(),
                    detail);
        fail();
    }
}

/* ---- dates -------------------------------------------------------------- */

#define DAY_MIN ((jbw_date)-25567) /* 1900-01-01 */
#define DAY_MAX ((jbw_date)84005)  /* 2199-12-31 */

/* A date as the checks write it in a detail. */
static const char *date_text(char *buf, size_t size, jbw_date d)
{
    if (jbw_date_format(buf, size, d) != JBW_OK)
        snprintf(buf, size, "day %ld", (long)d);
    return buf;
}

/* The date fields of a measure; start is the one required. */
enum {
    F_START,
    F_END,
    F_FIRST,
    F_WAITING,
    F_BIRTH,
    F_CONTACT,
    F_TERM_END,
    F_HELP_REQUESTED,
    F_HELP_STARTED,
    F_COUNT
};
static const char *const field_names[F_COUNT] = {
    "start",        "end",      "first_assigned", "waiting_since", "birth_date",
    "last_contact", "term_end", "help_requested", "help_started"};

/*
 * A valid OTS (G1, R1) whose date field f is d. The other dates are set
 * so that no rule between dates can fail on an in-range d: start is the
 * first day of the range (the last one when birth_date, which may not be
 * after it, is tried), and a measure with first_assigned had a worker
 * before and waits since start.
 */
static jbw_measure dated_measure(int f, jbw_date d)
{
    jbw_measure m = JBW_MEASURE_INIT;
    jbw_date *fields[F_COUNT];
    m.id = "M1";
    m.child_id = "C1";
    m.organisation = "G1";
    m.region = "R1";
    m.kind = JBW_KIND_OTS;
    m.start = f == F_BIRTH ? DAY_MAX : DAY_MIN;
    if (f == F_FIRST) {
        m.previous_workers = 1;
        m.waiting_since = DAY_MIN;
    }
    fields[F_START] = &m.start;
    fields[F_END] = &m.end;
    fields[F_FIRST] = &m.first_assigned;
    fields[F_WAITING] = &m.waiting_since;
    fields[F_BIRTH] = &m.birth_date;
    fields[F_CONTACT] = &m.last_contact;
    fields[F_TERM_END] = &m.term_end;
    fields[F_HELP_REQUESTED] = &m.help_requested;
    fields[F_HELP_STARTED] = &m.help_started;
    *fields[f] = d;
    return m;
}

/* What the rules say of date field f (of `what` `id`, required or not)
 * holding d: the status, and the detail in *detail ("" for JBW_OK). The
 * one rule between dates an in-range d can break here is end after
 * start (both the first day). */
static jbw_status date_rule(char *detail, size_t size, const char *field,
                            int required, jbw_date d, const char *what,
                            const char *id, int end_on_start)
{
    char t[32], s[32];
    detail[0] = '\0';
    if (d == JBW_DATE_NONE) {
        if (!required)
            return JBW_OK;
        snprintf(detail, size, "%s is missing (%s '%s')", field, what, id);
        return JBW_EINVAL;
    }
    if (d < DAY_MIN || d > DAY_MAX) {
        snprintf(detail, size,
                 "%s (%s) is outside 1900-01-01..2199-12-31 (%s '%s')", field,
                 date_text(t, sizeof t, d), what, id);
        return JBW_ERANGE;
    }
    if (end_on_start) {
        snprintf(detail, size, "%s %s is not after %s %s (%s '%s')", field,
                 date_text(t, sizeof t, d),
                 strcmp(what, "worker") == 0 ? "hired" : "start",
                 date_text(s, sizeof s, DAY_MIN), what, id);
        return JBW_EINVAL;
    }
    return JBW_OK;
}

/* The days tried: JBW_DATE_NONE and its neighbour, every day within 40
 * of either end of the range, the extremes of the type, and days spread
 * over the range and beyond it. */
static size_t date_cases(jbw_date *out)
{
    static const jbw_date far[] = {INT32_MIN + 1,
                                   INT32_MAX,
                                   INT32_MAX - 1,
                                   -1000000,
                                   1000000,
                                   -1,
                                   0,
                                   1,
                                   20000,
                                   -25568 - 1000,
                                   84006 + 1000};
    size_t n = 0, k;
    jbw_date d;
    out[n++] = JBW_DATE_NONE;
    for (d = DAY_MIN - 40; d <= DAY_MIN + 40; d++)
        out[n++] = d;
    for (d = DAY_MAX - 40; d <= DAY_MAX + 40; d++)
        out[n++] = d;
    for (k = 0; k < sizeof far / sizeof *far; k++)
        out[n++] = far[k];
    for (d = DAY_MIN; d <= DAY_MAX; d += 997)
        out[n++] = d;
    return n;
}

static void test_measure_dates(void **state)
{
    jbw_registry *reg = fixture_registry();
    jbw_date days[400];
    size_t n = date_cases(days), k;
    int f;
    (void)state;
    for (f = 0; f < F_COUNT; f++) {
        for (k = 0; k < n; k++) {
            jbw_snapshot *snap = new_snapshot(reg);
            jbw_measure m = dated_measure(f, days[k]);
            char detail[256], what[96];
            jbw_status want = date_rule(detail, sizeof detail, field_names[f],
                                        f == F_START, days[k], "measure", "M1",
                                        f == F_END && days[k] == DAY_MIN);
            jbw_status got = jbw_snapshot_add_measure(snap, &m);
            snprintf(what, sizeof what, "measure %s = %ld", field_names[f],
                     (long)days[k]);
            expect_outcome(got, want, want == JBW_OK ? NULL : detail, what);
            assert_int_equal(jbw_snapshot_measure_count(snap),
                             want == JBW_OK ? 1 : 0);
            jbw_snapshot_free(snap);
        }
    }
    jbw_registry_free(reg);
}

static void test_worker_dates(void **state)
{
    jbw_registry *reg = fixture_registry();
    jbw_date days[400];
    size_t n = date_cases(days), k;
    int f;
    (void)state;
    for (f = 0; f < 2; f++) { /* hired (required), leaving */
        for (k = 0; k < n; k++) {
            jbw_snapshot *snap = new_snapshot(reg);
            jbw_worker w = JBW_WORKER_INIT;
            char detail[256], what[96];
            jbw_status want, got;
            w.id = "W1";
            w.organisation = "G1";
            w.hired = f == 0 ? days[k] : DAY_MIN;
            if (f == 1)
                w.leaving = days[k];
            want = date_rule(detail, sizeof detail,
                             f == 0 ? "hired" : "leaving", f == 0, days[k],
                             "worker", "W1", f == 1 && days[k] == DAY_MIN);
            got = jbw_snapshot_add_worker(snap, &w);
            snprintf(what, sizeof what, "worker %s = %ld",
                     f == 0 ? "hired" : "leaving", (long)days[k]);
            expect_outcome(got, want, want == JBW_OK ? NULL : detail, what);
            jbw_snapshot_free(snap);
        }
    }
    jbw_registry_free(reg);
}

/* ---- own families ------------------------------------------------------ */

/*
 * A measure without a family id is its child's own family: an index in
 * the family map without a key. Here 300 children come without a family
 * id first, then 40 families of two children each: the family indices
 * then run far past the slots the 40 keys alone would need, and every
 * sibling must still find its family (index 300 + f, by hand).
 */
static void test_own_families(void **state)
{
    jbw_registry *reg = fixture_registry();
    jbw_snapshot *snap = new_snapshot(reg);
    char id[32], child[32], family[32];
    size_t k, f, index;
    (void)state;
    for (k = 0; k < 300; k++) {
        jbw_measure m = dated_measure(F_START, D(2024, 1, 1));
        snprintf(id, sizeof id, "M%zu", k);
        snprintf(child, sizeof child, "C%zu", k);
        m.id = id;
        m.child_id = child;
        assert_ok(jbw_snapshot_add_measure(snap, &m));
    }
    for (k = 0; k < 2; k++) {
        for (f = 0; f < 40; f++) {
            jbw_measure m = dated_measure(F_START, D(2024, 1, 1));
            snprintf(id, sizeof id, "N%zu-%zu", f, k);
            snprintf(child, sizeof child, "D%zu-%zu", f, k);
            snprintf(family, sizeof family, "F%zu", f);
            m.id = id;
            m.child_id = child;
            m.family_id = family;
            assert_ok(jbw_snapshot_add_measure(snap, &m));
            assert_ok(jbw_snapshot_find_measure(&index, snap, id));
            assert_int_equal(snap->m.family[index], 300 + f);
        }
    }
    assert_int_equal(snap->family_ids.count, 340);
    assert_int_equal(snap->family_ids.unkeyed, 300);
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_measure_dates),
        cmocka_unit_test(test_worker_dates),
        cmocka_unit_test(test_own_families),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
