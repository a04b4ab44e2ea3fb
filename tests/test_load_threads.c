/*
 * The snapshot loader on two threads (jbw_load_options.threads): every
 * load here runs on one thread and on two and the outcomes must be equal
 * (load_threads_both.h, which makes any text worth a thread and a batch 3
 * rows, so that these files span many batches and the window of rows not
 * yet added (16) spans several). Each case states the one-thread outcome
 * it expects, worked out from the rows it writes. The files are made up.
 */
#include "load_threads_both.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

/* lib/io/csv.h: the readers' chunk, so that a file is read in many. */
extern size_t jbw__io_chunk;

static const char WORKERS[] = "id,organisation,region,fte,hired,leaving\n"
                              "W1,JBWEST,ZHZ,0.8,2020-03-01,\n"
                              "W2,JBWEST,ZHZ,1,2023-09-01,\n";

#define MHEAD "id,child_id,kind,organisation,region,start,worker_id\n"

/* Row k (1-based, on line k + 1): measure Mk of child Ck started on day
 * 1 + k % 28 of January 2025, with worker W1 on odd rows. */
static void put_row(char *dst, size_t size, size_t k)
{
    snprintf(dst, size, "M%zu,C%zu,OTS,JBWEST,ZHZ,2025-01-%02zu,%s\n", k, k,
             1 + k % 28, k % 2 ? "W1" : "");
}

/* n rows after the header; row k is replaced by bad[k] where given. */
static char *measures(size_t n, const char *const *bad, size_t bad_count,
                      const size_t *bad_rows)
{
    size_t k, i, cap = 64 + n * 400, len;
    char *s = malloc(cap), row[400];
    assert_non_null(s);
    strcpy(s, MHEAD);
    len = strlen(s);
    for (k = 1; k <= n; k++) {
        put_row(row, sizeof row, k);
        for (i = 0; i < bad_count; i++)
            if (bad_rows[i] == k)
                snprintf(row, sizeof row, "%s\n", bad[i]);
        assert_true(len + strlen(row) < cap);
        strcpy(s + len, row);
        len += strlen(row);
    }
    return s;
}

static jbw_registry *zuid_west(void)
{
    jbw_registry *reg = NULL;
    assert_ok(jbw_registry_zuid_west(&reg));
    return reg;
}

static jbw_status load_text(jbw_snapshot **snap, jbw_rejects **rej,
                            const char *m, const jbw_load_options *o)
{
    jbw_registry *reg = zuid_west();
    jbw_status st =
        jbw_snapshot_load_csv_buffers(snap, rej, reg, m, strlen(m), NULL,
                                      WORKERS, sizeof WORKERS - 1, NULL, o);
    jbw_registry_free(reg);
    return st;
}

static char dir[64];

static const char *write_temp(const char *name, const char *text)
{
    static char path[2][128];
    int k = strcmp(name, "workers.csv") == 0;
    FILE *f;
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/jbw-threads-XXXXXX",
                 tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
        assert_non_null(mkdtemp(dir));
    }
    snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
    f = fopen(path[k], "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
    return path[k];
}

/* The same text from files, read in chunks of `chunk` bytes. */
static jbw_status load_file(jbw_snapshot **snap, jbw_rejects **rej,
                            const char *m, const jbw_load_options *o,
                            size_t chunk)
{
    jbw_registry *reg = zuid_west();
    const char *mp = write_temp("measures.csv", m);
    const char *wp = write_temp("workers.csv", WORKERS);
    size_t was = jbw__io_chunk;
    jbw_status st;
    jbw__io_chunk = chunk;
    st = jbw_snapshot_load_csv(snap, rej, reg, mp, wp, o);
    jbw__io_chunk = was;
    jbw_registry_free(reg);
    return st;
}

static void error_contains(const char *want)
{
    if (!strstr(jbw_last_error(), want)) {
        print_error("'%s' lacks '%s'\n", jbw_last_error(), want);
        fail();
    }
}

/* 100 rows: 34 batches of 3 rows (the last has 1); all 100 measures. */
static void many_batches_load_every_row(void **state)
{
    char *m = measures(100, NULL, 0, NULL);
    jbw_snapshot *snap = NULL;
    (void)state;
    assert_ok(load_text(&snap, NULL, m, NULL));
    assert_int_equal(jbw_snapshot_measure_count(snap), 100);
    jbw_snapshot_free(snap);
    assert_ok(load_file(&snap, NULL, m, NULL, 64));
    assert_int_equal(jbw_snapshot_measure_count(snap), 100);
    jbw_snapshot_free(snap);
    free(m);
}

/* Row 90 (line 91) has a bad date: strict loads name it. */
static void a_parse_error_in_a_late_batch_is_named(void **state)
{
    static const char *const bad[] = {"M90,C90,OTS,JBWEST,ZHZ,2025-13-01,"};
    static const size_t at[] = {90};
    char *m = measures(100, bad, 1, at);
    jbw_snapshot *snap = NULL;
    (void)state;
    assert_status(load_text(&snap, NULL, m, NULL), JBW_EPARSE);
    error_contains("line 91");
    assert_status(load_file(&snap, NULL, m, NULL, 64), JBW_EPARSE);
    error_contains("line 91");
    assert_null(snap);
    free(m);
}

/* Row 10 repeats measure M3 (refused, line 11), row 80 has a bad date
 * (line 81): the parse error comes first in a strict load, whatever the
 * order; without it the refusal is reported. */
static void a_parse_error_outranks_an_earlier_refusal(void **state)
{
    static const char *const bad[] = {"M3,C10,OTS,JBWEST,ZHZ,2025-01-11,",
                                      "M80,C80,OTS,JBWEST,ZHZ,2025-02-30,"};
    static const size_t at[] = {10, 80};
    char *m = measures(100, bad, 2, at);
    jbw_snapshot *snap = NULL;
    (void)state;
    assert_status(load_text(&snap, NULL, m, NULL), JBW_EPARSE);
    error_contains("line 81");
    free(m);
    m = measures(100, bad, 1, at);
    assert_status(load_text(&snap, NULL, m, NULL), JBW_EDUPLICATE);
    error_contains("line 11");
    assert_status(load_file(&snap, NULL, m, NULL, 50), JBW_EDUPLICATE);
    error_contains("line 11");
    free(m);
}

/* Line 61 (row 60) is 300 bytes long, the limit 200: a file read in
 * 64-byte chunks meets it mid-file, after a parse error at row 20 too
 * (a reading error stops the load at once and comes first). */
static void a_limit_mid_file_stops_the_load(void **state)
{
    char long_row[320];
    const char *bad[2];
    size_t at[2] = {60, 20};
    char *m;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    (void)state;
    memset(long_row, 'x', 300);
    memcpy(long_row, "M60,C60,OTS,JBWEST,ZHZ,2025-01-05,W1,", 37);
    long_row[300] = '\0';
    bad[0] = long_row;
    bad[1] = "M20,C20,OTS,JBWEST,ZHZ,not a date,";
    o.max_line_bytes = 200;
    m = measures(100, bad, 1, at);
    assert_status(load_file(&snap, NULL, m, &o, 64), JBW_ERANGE);
    error_contains("line 61");
    free(m);
    m = measures(100, bad, 2, at);
    assert_status(load_file(&snap, NULL, m, &o, 64), JBW_ERANGE);
    error_contains("line 61");
    o.lenient = 1;
    assert_status(load_file(&snap, &rej, m, &o, 64), JBW_ERANGE);
    assert_null(snap);
    assert_null(rej);
    free(m);
}

/* Lenient: rows 2 (bad kind), 17 (bad date), 40 (repeats M1), 41 (too
 * few fields), 77 (unknown worker W9) are rejected, in that order, with
 * lines 3, 18, 41, 42, 78; the other 95 rows load. */
static void lenient_rejects_spread_over_batches_keep_their_order(void **state)
{
    static const char *const bad[] = {
        "M2,C2,XYZ,JBWEST,ZHZ,2025-01-03,", "M17,C17,OTS,JBWEST,ZHZ,2025-1,",
        "M1,C40,OTS,JBWEST,ZHZ,2025-01-13,", "M41,C41,OTS",
        "M77,C77,OTS,JBWEST,ZHZ,2025-01-22,W9"};
    static const size_t at[] = {2, 17, 40, 41, 77};
    static const size_t lines[] = {3, 18, 41, 42, 78};
    char *m = measures(100, bad, 5, at);
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    size_t i;
    (void)state;
    o.lenient = 1;
    assert_ok(load_text(&snap, &rej, m, &o));
    assert_int_equal(jbw_snapshot_measure_count(snap), 95);
    assert_int_equal(jbw_rejects_count(rej), 5);
    for (i = 0; i < 5; i++) {
        size_t line;
        assert_ok(jbw_rejects_get(NULL, &line, NULL, rej, i));
        assert_int_equal(line, lines[i]);
    }
    jbw_snapshot_free(snap);
    jbw_rejects_free(rej);
    assert_ok(load_file(&snap, &rej, m, &o, 100));
    assert_int_equal(jbw_rejects_count(rej), 5);
    jbw_snapshot_free(snap);
    jbw_rejects_free(rej);
    free(m);
}

/*
 * A row's faults are reported in the order of the snapshot's checks, and
 * whether its id is new is asked of the rows added before it, whichever
 * thread parsed them. Strict: row 10 repeats M3 and names an unknown worker
 * (W9): the duplicate is reported (line 11, column 'id'), not the worker; with
 * row 10 as it was, row 20's unknown worker (line 21) comes before row 60's
 * repeat of M1.
 */
static void a_duplicate_id_comes_before_the_other_faults(void **state)
{
    static const char *const bad[] = {"M3,C10,OTS,JBWEST,ZHZ,2025-01-11,W9",
                                      "M20,C20,OTS,JBWEST,ZHZ,2025-01-21,W9",
                                      "M1,C60,OTS,JBWEST,ZHZ,2025-01-05,"};
    static const size_t at[] = {10, 20, 60};
    char *m = measures(100, bad, 1, at);
    jbw_snapshot *snap = NULL;
    (void)state;
    assert_status(load_text(&snap, NULL, m, NULL), JBW_EDUPLICATE);
    error_contains("line 11, column 'id': id is already used (measure 'M3'), "
                   "first on line 4");
    assert_null(strstr(jbw_last_error(), "W9"));
    free(m);
    m = measures(100, bad + 1, 2, at + 1);
    assert_status(load_text(&snap, NULL, m, NULL), JBW_ENOTFOUND);
    error_contains("line 21, column 'worker_id': worker 'W9' is not among");
    assert_null(snap);
    free(m);
}

/* Lenient: row 5 (M5, unknown worker W9) is rejected, so row 30, which
 * repeats M5 with no fault, is the first M5 the snapshot takes; row 40
 * repeats M1 and names W9, and is rejected as a duplicate of line 2.
 * 98 measures load; the rejects are lines 6 and 41. */
static void a_rejected_row_leaves_its_id_free(void **state)
{
    static const char *const bad[] = {"M5,C5,OTS,JBWEST,ZHZ,2025-01-06,W9",
                                      "M5,C30,OTS,JBWEST,ZHZ,2025-01-03,",
                                      "M1,C40,OTS,JBWEST,ZHZ,2025-01-13,W9"};
    static const size_t at[] = {5, 30, 40};
    char *m = measures(100, bad, 3, at);
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    size_t line, index = 0;
    const char *reason = NULL;
    char *csv = NULL;
    (void)state;
    o.lenient = 1;
    assert_ok(load_text(&snap, &rej, m, &o));
    assert_int_equal(jbw_snapshot_measure_count(snap), 98);
    assert_int_equal(jbw_rejects_count(rej), 2);
    assert_ok(jbw_rejects_get(NULL, &line, &reason, rej, 0));
    assert_int_equal(line, 6);
    assert_non_null(strstr(reason, "worker 'W9' is not among the workers"));
    assert_ok(jbw_rejects_get(NULL, &line, &reason, rej, 1));
    assert_int_equal(line, 41);
    assert_non_null(strstr(reason, "id is already used (measure 'M1'), "
                                   "first on line 2"));
    /* the M5 taken is row 30's: child C30 */
    assert_ok(jbw_snapshot_find_measure(&index, snap, "M5"));
    assert_ok(jbw_snapshot_measures_csv(&csv, NULL, snap));
    assert_non_null(strstr(csv, "\nM5,C30,"));
    assert_null(strstr(csv, "\nM5,C5,"));
    jbw_free(csv);
    jbw_snapshot_free(snap);
    jbw_rejects_free(rej);
    free(m);
}

/* A quote never closed on row 50 (line 51) fails strict and lenient
 * loads alike: the tokenizer cannot read on. */
static void a_tokenizer_error_late_fails_both_modes(void **state)
{
    static const char *const bad[] = {"M50,\"C50,OTS,JBWEST,ZHZ,2025-01-23,"};
    static const size_t at[] = {50};
    char *m = measures(60, bad, 1, at);
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    (void)state;
    assert_status(load_text(&snap, NULL, m, &o), JBW_EPARSE);
    error_contains("line 51");
    o.lenient = 1;
    assert_status(load_text(&snap, &rej, m, &o), JBW_EPARSE);
    assert_status(load_file(&snap, &rej, m, &o, 64), JBW_EPARSE);
    assert_null(rej);
    free(m);
}

/* An empty measures file has no header; a header alone loads no measure
 * and takes its date from the workers (2023-09-01, W2's hiring). */
static void empty_and_header_only_files(void **state)
{
    jbw_snapshot *snap = NULL;
    (void)state;
    assert_status(load_text(&snap, NULL, "", NULL), JBW_EPARSE);
    assert_status(load_file(&snap, NULL, "", NULL, 64), JBW_EPARSE);
    assert_ok(load_text(&snap, NULL, MHEAD, NULL));
    assert_int_equal(jbw_snapshot_measure_count(snap), 0);
    {
        char d[JBW_DATE_BUFSIZE];
        jbw_date_format(d, sizeof d, jbw_snapshot_reference_date(snap));
        assert_string_equal(d, "2023-09-01");
    }
    jbw_snapshot_free(snap);
}

/* The latest date of 100 rows is row 27's 2025-01-28 (day 1 + 27 % 28),
 * later than the workers' hiring. */
static void the_inferred_reference_date_counts_every_batch(void **state)
{
    char *m = measures(100, NULL, 0, NULL), d[JBW_DATE_BUFSIZE];
    jbw_snapshot *snap = NULL;
    (void)state;
    assert_ok(load_text(&snap, NULL, m, NULL));
    jbw_date_format(d, sizeof d, jbw_snapshot_reference_date(snap));
    assert_string_equal(d, "2025-01-28");
    jbw_snapshot_free(snap);
    free(m);
}

/* 10,000 rows in batches of the loader's own size (2,048): five batches,
 * the tables sized at row 4,096, the last of the second. */
static void default_batches_give_the_same_snapshot(void **state)
{
    char *m = measures(10000, NULL, 0, NULL);
    jbw_snapshot *snap = NULL;
    (void)state;
    both_batch_rows = 2048;
    assert_ok(load_text(&snap, NULL, m, NULL));
    assert_int_equal(jbw_snapshot_measure_count(snap), 10000);
    jbw_snapshot_free(snap);
    assert_ok(load_file(&snap, NULL, m, NULL, 4096));
    jbw_snapshot_free(snap);
    both_batch_rows = JBW_BOTH_BATCH_ROWS;
    free(m);
}

/* A small text stays on the calling thread unless the threshold says
 * otherwise; the options' threads are checked either way. */
static void threads_over_the_cap_are_refused(void **state)
{
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    (void)state;
    o.threads = JBW_LOAD_THREADS_MAX + 1;
    assert_status(load_text(&snap, NULL, MHEAD, &o), JBW_EINVAL);
    error_contains("threads");
    o.threads = 0;
    assert_ok(load_text(&snap, NULL, MHEAD, &o));
    jbw_snapshot_free(snap);
}

/* An allocator that fails call number fail_at (counted over both
 * threads, atomically: the parse thread allocates too). */
static long oom_calls, oom_fail_at = -1;

static int oom_fails(void)
{
    long call = __atomic_fetch_add(&oom_calls, 1, __ATOMIC_RELAXED);
    return call == __atomic_load_n(&oom_fail_at, __ATOMIC_RELAXED);
}

static void *oom_malloc(size_t size, void *user)
{
    (void)user;
    return oom_fails() ? NULL : malloc(size);
}

static void *oom_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    return oom_fails() ? NULL : realloc(ptr, size);
}

static void oom_free(void *ptr, void *user)
{
    (void)user;
    free(ptr);
}

/*
 * Allocation k failing, for every k until the load succeeds, on two
 * threads: whichever thread meets it, the load fails with JBW_ENOMEM, its
 * outputs untouched, the parse thread stopped and joined and everything
 * freed (ASan and TSan builds run this too). Rows 30 (a bad date) and 70
 * (a repeated id) give a lenient load rejects to keep and a strict load
 * its parse error.
 */
static void out_of_memory_on_either_thread_fails_cleanly(void **state)
{
    static const char *const bad[] = {"M30,C30,OTS,JBWEST,ZHZ,2025-02-30,",
                                      "M1,C70,OTS,JBWEST,ZHZ,2025-01-15,"};
    static const size_t at[] = {30, 70};
    char *m = measures(100, bad, 2, at);
    jbw_registry *reg = zuid_west();
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    int lenient;
    (void)state;
    jbw__load_threads_min = 0;
    jbw__load_batch_rows = 3;
    o.threads = 2;
    for (lenient = 0; lenient <= 1; lenient++) {
        long k;
        o.lenient = lenient;
        for (k = 0; k < 100000; k++) {
            jbw_snapshot *snap = JBW_BOTH_SNAP;
            jbw_rejects *rej = JBW_BOTH_REJ;
            jbw_status st;
            __atomic_store_n(&oom_calls, 0, __ATOMIC_RELAXED);
            __atomic_store_n(&oom_fail_at, k, __ATOMIC_RELAXED);
            assert_ok(
                jbw_set_allocator(oom_malloc, oom_realloc, oom_free, NULL));
            st = (jbw_snapshot_load_csv_buffers)(&snap, &rej, reg, m, strlen(m),
                                                 NULL, WORKERS,
                                                 sizeof WORKERS - 1, NULL, &o);
            assert_ok(jbw_set_allocator(NULL, NULL, NULL, NULL));
            /* once memory suffices: strict fails on row 30's date
             * (line 31), lenient rejects rows 30 and 70 */
            if (st == (lenient ? JBW_OK : JBW_EPARSE)) {
                if (st == JBW_OK) {
                    assert_int_equal(jbw_rejects_count(rej), 2);
                    jbw_snapshot_free(snap);
                    jbw_rejects_free(rej);
                }
                break;
            }
            assert_int_equal(st, JBW_ENOMEM);
            assert_ptr_equal(snap, JBW_BOTH_SNAP);
            assert_ptr_equal(rej, JBW_BOTH_REJ);
        }
        assert_true(k > 10 && k < 100000);
    }
    jbw_registry_free(reg);
    free(m);
}

/* Allocations on a thread other than the test's: how many, and how many
 * of them with SIGINT or SIGUSR1 not blocked. */
static pthread_t test_thread;
static int other_calls, other_unblocked;

static void note_thread(void)
{
    sigset_t cur;
    if (pthread_equal(pthread_self(), test_thread))
        return;
    __atomic_fetch_add(&other_calls, 1, __ATOMIC_RELAXED);
    if (pthread_sigmask(SIG_SETMASK, NULL, &cur) != 0 ||
        !sigismember(&cur, SIGINT) || !sigismember(&cur, SIGUSR1))
        __atomic_fetch_add(&other_unblocked, 1, __ATOMIC_RELAXED);
}

static void *note_malloc(size_t size, void *user)
{
    (void)user;
    note_thread();
    return malloc(size);
}

static void *note_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    note_thread();
    return realloc(ptr, size);
}

/* The parse thread allocates its batches' strings: seen from the
 * allocator, it runs with every signal blocked, so that a signal to the
 * process reaches the caller's threads; on one thread nothing runs
 * elsewhere. */
static void the_parse_thread_blocks_signals(void **state)
{
    char *m = measures(100, NULL, 0, NULL);
    jbw_registry *reg = zuid_west();
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    unsigned threads;
    (void)state;
    jbw__load_threads_min = 0;
    jbw__load_batch_rows = 3;
    test_thread = pthread_self();
    for (threads = 1; threads <= 2; threads++) {
        o.threads = threads;
        other_calls = other_unblocked = 0;
        assert_ok(jbw_set_allocator(note_malloc, note_realloc, oom_free, NULL));
        assert_ok((jbw_snapshot_load_csv_buffers)(&snap, NULL, reg, m,
                                                  strlen(m), NULL, WORKERS,
                                                  sizeof WORKERS - 1, NULL,
                                                  &o));
        jbw_snapshot_free(snap);
        assert_ok(jbw_set_allocator(NULL, NULL, NULL, NULL));
        if (threads == 1)
            assert_int_equal(other_calls, 0);
        else
            assert_true(other_calls > 0);
        assert_int_equal(other_unblocked, 0);
    }
    jbw_registry_free(reg);
    free(m);
}

static int cleanup(void **state)
{
    (void)state;
    if (dir[0]) {
        char p[128];
        snprintf(p, sizeof p, "%s/measures.csv", dir);
        unlink(p);
        snprintf(p, sizeof p, "%s/workers.csv", dir);
        unlink(p);
        rmdir(dir);
    }
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(many_batches_load_every_row),
        cmocka_unit_test(a_parse_error_in_a_late_batch_is_named),
        cmocka_unit_test(a_parse_error_outranks_an_earlier_refusal),
        cmocka_unit_test(a_limit_mid_file_stops_the_load),
        cmocka_unit_test(lenient_rejects_spread_over_batches_keep_their_order),
        cmocka_unit_test(a_duplicate_id_comes_before_the_other_faults),
        cmocka_unit_test(a_rejected_row_leaves_its_id_free),
        cmocka_unit_test(a_tokenizer_error_late_fails_both_modes),
        cmocka_unit_test(empty_and_header_only_files),
        cmocka_unit_test(the_inferred_reference_date_counts_every_batch),
        cmocka_unit_test(default_batches_give_the_same_snapshot),
        cmocka_unit_test(threads_over_the_cap_are_refused),
        cmocka_unit_test(out_of_memory_on_either_thread_fails_cleanly),
        cmocka_unit_test(the_parse_thread_blocks_signals),
    };
    return cmocka_run_group_tests_name("load_threads", tests, NULL, cleanup);
}
