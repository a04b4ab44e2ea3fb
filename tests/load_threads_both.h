/*
 * Runs every snapshot load of a test twice: on one thread, as the test
 * asks, and on two (jbw_load_options.threads = 2), and fails unless both
 * give the same outcome: the status, the error detail, the snapshot (its
 * CSV export and reference date) and the rejects (file, line, reason, in
 * order). The test then sees the one-thread outcome, so its own
 * assertions hold for both.
 *
 * Included first (-include) into a test built with the library's objects
 * (JBW_STATIC), so that it can make every text worth a thread and the
 * batches small (jbw__load_threads_min, jbw__load_batch_rows): the tests'
 * small files then span many batches. While a failing allocator is armed
 * (jbw_test.h), only the one-thread load runs: its counts are not kept
 * for two threads.
 */
#ifndef JBW_LOAD_THREADS_BOTH_H
#define JBW_LOAD_THREADS_BOTH_H

#include "jbw_test.h"

/* lib/io/load_internal.h: the test sets them before any load. */
extern size_t jbw__load_batch_rows;
extern size_t jbw__load_threads_min;

/* Rows a batch holds here: fewer than the loader's window (16 rows), so
 * that the window spans several batches. */
#ifndef JBW_BOTH_BATCH_ROWS
#define JBW_BOTH_BATCH_ROWS 3
#endif

/* The batch size of the two-thread loads (a test may change it). */
static size_t both_batch_rows = JBW_BOTH_BATCH_ROWS;

#define JBW_BOTH_SNAP ((jbw_snapshot *)(uintptr_t)0x7A7A)
#define JBW_BOTH_REJ  ((jbw_rejects *)(uintptr_t)0xA7A7)

static void both_same_text(char *a, char *b, const char *what)
{
    if (!a || !b || strcmp(a, b) != 0) {
        print_error("%s differs between 1 and 2 threads:\n%s\n---\n%s\n", what,
                    a ? a : "(null)", b ? b : "(null)");
        fail();
    }
    jbw_free(a);
    jbw_free(b);
}

static void both_same_snapshot(const jbw_snapshot *a, const jbw_snapshot *b)
{
    char *ta = NULL, *tb = NULL;
    assert_int_equal(jbw_snapshot_measures_csv(&ta, NULL, a), JBW_OK);
    assert_int_equal(jbw_snapshot_measures_csv(&tb, NULL, b), JBW_OK);
    both_same_text(ta, tb, "measures");
    assert_int_equal(jbw_snapshot_workers_csv(&ta, NULL, a), JBW_OK);
    assert_int_equal(jbw_snapshot_workers_csv(&tb, NULL, b), JBW_OK);
    both_same_text(ta, tb, "workers");
    assert_int_equal(jbw_snapshot_reference_date(a),
                     jbw_snapshot_reference_date(b));
}

static void both_same_rejects(const jbw_rejects *a, const jbw_rejects *b)
{
    size_t i, n = jbw_rejects_count(a);
    assert_int_equal(jbw_rejects_count(b), n);
    for (i = 0; i < n; i++) {
        const char *fa, *fb, *ra, *rb;
        size_t la, lb;
        assert_int_equal(jbw_rejects_get(&fa, &la, &ra, a, i), JBW_OK);
        assert_int_equal(jbw_rejects_get(&fb, &lb, &rb, b, i), JBW_OK);
        assert_string_equal(fa, fb);
        assert_int_equal(la, lb);
        assert_string_equal(ra, rb);
    }
}

/* The load `run` (0: buffers, 1: files) with `threads`. */
typedef struct both_args {
    const jbw_registry *registry;
    const char *measures, *workers; /* texts, or paths */
    size_t measures_len, workers_len;
    const char *measures_name, *workers_name;
    int files;
} both_args;

static jbw_status both_load(jbw_snapshot **out, jbw_rejects **rejects,
                            const both_args *a, const jbw_load_options *opts)
{
    if (a->files)
        return (jbw_snapshot_load_csv)(out, rejects, a->registry, a->measures,
                                       a->workers, opts);
    return (jbw_snapshot_load_csv_buffers)(out, rejects, a->registry,
                                           a->measures, a->measures_len,
                                           a->measures_name, a->workers,
                                           a->workers_len, a->workers_name,
                                           opts);
}

static jbw_status both_run(jbw_snapshot **out, jbw_rejects **rejects,
                           const both_args *a, const jbw_load_options *opts)
{
    jbw_load_options two;
    jbw_snapshot *snap2 = JBW_BOTH_SNAP;
    jbw_rejects *rej2 = JBW_BOTH_REJ;
    jbw_status st1, st2;
    char *detail1;
    st1 = both_load(out, rejects, a, opts);
    /* options the library refuses, and a failing allocator: once */
    if (jbw_test_alloc_state()->fail_at >= 0 ||
        (opts &&
         (opts->version < 1 || opts->version > 3 ||
          (opts->version == 3 && opts->threads > JBW_LOAD_THREADS_MAX))))
        return st1;
    detail1 = strdup(jbw_last_error());
    assert_non_null(detail1);
    jbw__load_batch_rows = both_batch_rows;
    jbw__load_threads_min = 0;
    assert_int_equal(jbw_load_options_init(&two, JBW_LOAD_OPTIONS_VERSION),
                     JBW_OK);
    if (opts) {
        two.lenient = opts->lenient;
        two.allow_unknown_columns = opts->allow_unknown_columns;
        two.reference_date = opts->reference_date;
        if (opts->version >= 2) {
            two.max_file_bytes = opts->max_file_bytes;
            two.max_line_bytes = opts->max_line_bytes;
        }
    }
    two.threads = 2;
    st2 = both_load(&snap2, rejects ? &rej2 : NULL, a, &two);
    if (st1 != st2 || strcmp(detail1, jbw_last_error()) != 0) {
        print_error("1 thread: %d '%s'\n2 threads: %d '%s'\n", (int)st1,
                    detail1, (int)st2, jbw_last_error());
        fail();
    }
    if (st1 == JBW_OK) {
        both_same_snapshot(*out, snap2);
        if (rejects)
            both_same_rejects(*rejects, rej2);
        jbw_snapshot_free(snap2);
        if (rejects)
            jbw_rejects_free(rej2);
    } else {
        assert_ptr_equal(snap2, JBW_BOTH_SNAP);
        assert_ptr_equal(rej2, JBW_BOTH_REJ);
    }
    /* the details are equal: the test reads the one-thread detail */
    free(detail1);
    return st1;
}

static jbw_status both_buffers(jbw_snapshot **out, jbw_rejects **rejects,
                               const jbw_registry *registry,
                               const char *measures, size_t measures_len,
                               const char *measures_name, const char *workers,
                               size_t workers_len, const char *workers_name,
                               const jbw_load_options *opts)
{
    both_args a;
    if (!out || !registry || !measures || !workers)
        return (jbw_snapshot_load_csv_buffers)(out, rejects, registry, measures,
                                               measures_len, measures_name,
                                               workers, workers_len,
                                               workers_name, opts);
    a.registry = registry;
    a.measures = measures;
    a.measures_len = measures_len;
    a.measures_name = measures_name;
    a.workers = workers;
    a.workers_len = workers_len;
    a.workers_name = workers_name;
    a.files = 0;
    return both_run(out, rejects, &a, opts);
}

static jbw_status both_files(jbw_snapshot **out, jbw_rejects **rejects,
                             const jbw_registry *registry,
                             const char *measures_path,
                             const char *workers_path,
                             const jbw_load_options *opts)
{
    both_args a;
    if (!out || !registry || !measures_path || !workers_path)
        return (jbw_snapshot_load_csv)(out, rejects, registry, measures_path,
                                       workers_path, opts);
    memset(&a, 0, sizeof a);
    a.registry = registry;
    a.measures = measures_path;
    a.workers = workers_path;
    a.files = 1;
    return both_run(out, rejects, &a, opts);
}

/* Function-like, so that (jbw_snapshot_load_csv)(...) still calls the
 * library alone. */
#define jbw_snapshot_load_csv_buffers(...) both_buffers(__VA_ARGS__)
#define jbw_snapshot_load_csv(...)         both_files(__VA_ARGS__)

#endif /* JBW_LOAD_THREADS_BOTH_H */
