/*
 * Tests of the one-pass loader (lib/io/csv_stream.c, lib/io/snapshot_load.c):
 * a file read in chunks of 1 MiB gives what the same text given in memory
 * gives, records that span a chunk boundary included; a strict load still
 * reports the error that reading both files whole would have; and a load
 * holds a chunk of the file, not all of it.
 */
#define _POSIX_C_SOURCE 200809L

#include "jbw_test.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

/* The loader's chunk (IO_STREAM_CHUNK in csv_stream.c). */
#define CHUNK ((size_t)1 << 20)

/* ---- a measuring allocator --------------------------------------------- */

#include "jbw_test_alloc.h"

/* ---- fixtures ------------------------------------------------------------ */

static char dir[64];
static jbw_registry *reg;

static void path_in(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", dir, name);
}

static void write_file(const char *name, const char *text, size_t len)
{
    char path[128];
    FILE *f;
    path_in(path, sizeof path, name);
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* A growing text. */
typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    memcpy(t->s + t->len, s, n + 1);
    t->len += n;
}

/* Ordinary rows M<i> (child C<i>) until the text is `until` bytes long. */
static void rows_until(text *t, size_t until, int *next)
{
    char row[96];
    while (t->len < until) {
        snprintf(row, sizeof row, "M%d,C%d,OTS,JBWEST,ZHZ,2025-01-10,,\n",
                 *next, *next);
        put(t, row);
        (*next)++;
    }
}

/* The 1-based line on which byte `at` of t lies. */
static size_t line_at(const text *t, size_t at)
{
    size_t i, line = 1;
    for (i = 0; i < at; i++)
        line += t->s[i] == '\n';
    return line;
}

static const char workers_csv[] = "id,organisation,fte,hired\n"
                                  "W1,JBWEST,1,2020-03-01\n";
static const char header[] =
    "id,child_id,kind,organisation,region,start,override_band,"
    "override_reason\n";

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "csv-stream-%ld", (long)getpid());
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return -1;
    if (jbw_set_allocator(m_malloc, m_realloc, m_free, NULL) != JBW_OK)
        return -1;
    return jbw_registry_zuid_west(&reg) == JBW_OK ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    jbw_registry_free(reg);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return -1;
    return live_bytes == 0 ? 0 : -1;
}

/* Loads the files `measures` and `workers` of the directory. */
static jbw_status load_files(jbw_snapshot **snap, jbw_rejects **rej,
                             const char *measures, const char *workers,
                             const jbw_load_options *o)
{
    char m[128], w[128];
    path_in(m, sizeof m, measures);
    path_in(w, sizeof w, workers);
    return jbw_snapshot_load_csv(snap, rej, reg, m, w, o);
}

/*
 * Three records span the first chunk boundary in different ways: a
 * quoted reason with line ends and doubled quotes across it, a reason
 * longer than a chunk (read again from its start as more arrives), and
 * an ordinary row cut at the boundary. Rows after them carry their line
 * numbers right: a bad date there is rejected on the line counted here.
 */
static void chunk_boundaries_read_as_in_memory(void **state)
{
    text t = {0};
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *a = NULL, *b = NULL;
    jbw_rejects *ra = NULL, *rb = NULL;
    jbw_measure ma, mb;
    size_t i, bad_at, bad_line, line_a, line_b;
    const char *reason_a, *reason_b;
    char row[96], m_name[128], w_name[128];
    int next = 1;
    (void)state;
    put(&t, header);
    rows_until(&t, CHUNK - 20, &next);
    /* the boundary falls inside this quoted reason */
    put(&t, "Q1,CQ1,OTS,JBWEST,ZHZ,2025-01-10,hoog,\"first line\n"
            "second \"\"quoted\"\" line\nthird line\"\n");
    rows_until(&t, CHUNK + 100, &next);
    /* a reason of 1.5 MiB in lines of 64 bytes */
    put(&t, "Q2,CQ2,OTS,JBWEST,ZHZ,2025-01-10,hoog,\"");
    for (i = 0; i < (CHUNK + CHUNK / 2) / 64; i++)
        put(&t, "0123456789012345678901234567890123456789012345678901234567890"
                "12\n");
    put(&t, "end\"\n");
    rows_until(&t, 3 * CHUNK + 3, &next);
    bad_at = t.len;
    snprintf(row, sizeof row, "B1,CB1,OTS,JBWEST,ZHZ,2025-13-01,,\n");
    put(&t, row);
    bad_line = line_at(&t, bad_at);
    rows_until(&t, 3 * CHUNK + 5000, &next);
    write_file("m.csv", t.s, t.len);
    write_file("w.csv", workers_csv, sizeof workers_csv - 1);

    o.lenient = 1;
    assert_ok(load_files(&a, &ra, "m.csv", "w.csv", &o));
    path_in(m_name, sizeof m_name, "m.csv");
    path_in(w_name, sizeof w_name, "w.csv");
    assert_ok(jbw_snapshot_load_csv_buffers(&b, &rb, reg, t.s, t.len, m_name,
                                            workers_csv, sizeof workers_csv - 1,
                                            w_name, &o));
    /* every row but the bad one: next - 1 ordinary rows, Q1 and Q2 */
    assert_int_equal(jbw_snapshot_measure_count(a), (size_t)(next - 1) + 2);
    assert_int_equal(jbw_snapshot_measure_count(b),
                     jbw_snapshot_measure_count(a));
    for (i = 0; i < jbw_snapshot_measure_count(a); i++) {
        ma.version = mb.version = JBW_MEASURE_VERSION;
        assert_ok(jbw_snapshot_measure(&ma, a, i));
        assert_ok(jbw_snapshot_measure(&mb, b, i));
        assert_string_equal(ma.id, mb.id);
        assert_int_equal(ma.start, mb.start);
        if (ma.override_reason || mb.override_reason)
            assert_string_equal(ma.override_reason, mb.override_reason);
    }
    assert_ok(jbw_snapshot_find_measure(&i, a, "Q1"));
    ma.version = JBW_MEASURE_VERSION;
    assert_ok(jbw_snapshot_measure(&ma, a, i));
    assert_string_equal(ma.override_reason, "first line\nsecond \"quoted\" "
                                            "line\nthird line");
    assert_ok(jbw_snapshot_find_measure(&i, a, "Q2"));
    assert_ok(jbw_snapshot_measure(&ma, a, i));
    assert_int_equal(strlen(ma.override_reason),
                     (CHUNK + CHUNK / 2) / 64 * 64 + 3);
    assert_int_equal(jbw_rejects_count(ra), 1);
    assert_int_equal(jbw_rejects_count(rb), 1);
    assert_ok(jbw_rejects_get(NULL, &line_a, &reason_a, ra, 0));
    assert_ok(jbw_rejects_get(NULL, &line_b, &reason_b, rb, 0));
    assert_int_equal(line_a, bad_line);
    assert_int_equal(line_b, bad_line);
    assert_string_equal(reason_a, reason_b);
    jbw_rejects_free(ra);
    jbw_rejects_free(rb);
    jbw_snapshot_free(a);
    jbw_snapshot_free(b);
    free(t.s);
}

/*
 * A strict load names the error that reading both files before adding a
 * row would name: a row the snapshot refuses (fte 2 on workers line 2) is
 * reported only when no row of either file fails to parse (the date on
 * measures line 3 does); a parse error only when no file breaks a limit
 * (a NUL byte after the first chunk of the same workers file does).
 */
static void strict_errors_keep_their_order(void **state)
{
    static const char refused_worker[] = "id,organisation,fte,hired\n"
                                         "W1,JBWEST,2,2020-03-01\n";
    static const char bad_date[] =
        "id,child_id,kind,organisation,region,start\n"
        "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n"
        "M2,C2,OTS,JBWEST,ZHZ,2025-02-30\n";
    static const char good[] = "id,child_id,kind,organisation,region,start\n"
                               "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n";
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    text t = {0};
    (void)state;
    write_file("refused_w.csv", refused_worker, sizeof refused_worker - 1);
    write_file("bad_date.csv", bad_date, sizeof bad_date - 1);
    write_file("good.csv", good, sizeof good - 1);
    assert_status(load_files(&snap, NULL, "bad_date.csv", "refused_w.csv", &o),
                  JBW_EPARSE);
    assert_error_contains("bad_date.csv line 3");
    assert_null(snap);
    assert_status(load_files(&snap, NULL, "good.csv", "refused_w.csv", &o),
                  JBW_ERANGE);
    assert_error_contains("refused_w.csv line 2");
    assert_error_contains("fte 2");

    /* workers: a bad fte on line 2, a NUL byte past the first chunk */
    put(&t, "id,organisation,fte,hired\nW1,JBWEST,abc,2020-03-01\n");
    while (t.len < CHUNK + 10)
        put(&t, "W2,JBWEST,1,2020-03-01\n");
    t.s[t.len - 3] = '\0';
    write_file("nul_w.csv", t.s, t.len);
    assert_status(load_files(&snap, NULL, "good.csv", "nul_w.csv", &o),
                  JBW_EPARSE);
    assert_error_contains("NUL byte");
    assert_null(snap);
    free(t.s);
}

/*
 * A header whose quotes stay open past the first chunk: the delimiter is
 * picked from the whole header, as from the text in memory. A stray
 * quote after "hired" opens a quoted span that closes on line 2 after
 * more than a chunk of lines, and a ';' follows it, outside quotes: the
 * header holds both delimiters. Read in chunks, the part up to the first
 * chunk's last line end showed only ',', and the load said "a quote
 * inside an unquoted field" instead.
 */
static void header_quotes_across_the_first_chunk(void **state)
{
    static const char good[] = "id,child_id,kind,organisation,region,start\n"
                               "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n";
    jbw_snapshot *snap = NULL;
    char from_buffers[512], m[128], w[128];
    text t = {0};
    (void)state;
    put(&t, "id,organisation,fte,hired\"\n");
    while (t.len < CHUNK + 100)
        put(&t, "W1,JBWEST,1,2020-03-01\n");
    put(&t, "\";x\n");
    write_file("quote_w.csv", t.s, t.len);
    write_file("quote_m.csv", good, sizeof good - 1);
    path_in(m, sizeof m, "quote_m.csv");
    path_in(w, sizeof w, "quote_w.csv");
    assert_status(jbw_snapshot_load_csv_buffers(&snap, NULL, reg, good,
                                                sizeof good - 1, m, t.s, t.len,
                                                w, NULL),
                  JBW_EPARSE);
    assert_error_contains("quote_w.csv line 1: the header line holds both "
                          "',' and ';'");
    snprintf(from_buffers, sizeof from_buffers, "%s", jbw_last_error());
    assert_status(load_files(&snap, NULL, "quote_m.csv", "quote_w.csv", NULL),
                  JBW_EPARSE);
    assert_string_equal(jbw_last_error(), from_buffers);
    assert_null(snap);
    free(t.s);
}

/*
 * A strict load of a 16 MiB file whose rows the snapshot refuses after
 * the first (each repeats id M1, with a reason of 4 KiB): reading it
 * whole would hold 16 MiB; read in chunks, the load holds two chunks at
 * most, and the tables sized for the file's 4,000 or so rows (1.1 MiB:
 * arrays of 8,192 measures at about 60 bytes, two id maps of 16,384
 * slots at 8 bytes and 8,192 keys at 20 bytes).
 */
static void a_load_holds_a_chunk_not_the_file(void **state)
{
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    text t = {0};
    size_t before;
    (void)state;
    put(&t, header);
    while (t.len < 16 * CHUNK) {
        int k;
        put(&t, "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,hoog,\"");
        for (k = 0; k < 64; k++)
            put(&t,
                "a reason of sixty-four bytes, written out to make the rows "
                "long.\n");
        put(&t, "\"\n");
    }
    write_file("same.csv", t.s, t.len);
    write_file("w.csv", workers_csv, sizeof workers_csv - 1);
    free(t.s);
    before = live_bytes;
    peak_bytes = live_bytes;
    assert_status(load_files(&snap, NULL, "same.csv", "w.csv", &o),
                  JBW_EDUPLICATE);
    /* the header is line 1; the first row takes lines 2 to 66 (64 lines
     * of its reason end in a line feed), so the second starts on 67 */
    assert_error_contains("same.csv line 67");
    assert_true(peak_bytes - before <= 2 * CHUNK + ((size_t)1536 << 10));
}

/*
 * Rows are added to the snapshot a few rows after they are parsed (their
 * ids are hashed ahead): a lenient load still lists its rejected rows in
 * the order of the file, rows that do not parse (a bad date on rows 5, 20
 * and 33) between rows the snapshot refuses (rows 10 and 25 repeat the id
 * of row 1). With the header on line 1, row r is on line r + 1.
 */
static void rejects_keep_the_order_of_the_file(void **state)
{
    static const size_t want[5] = {6, 11, 21, 26, 34};
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    jbw_snapshot *snap = NULL;
    jbw_rejects *rej = NULL;
    text t = {0};
    char row[96];
    size_t k, line;
    int r;
    (void)state;
    put(&t, "id,child_id,kind,organisation,region,start\n");
    for (r = 1; r <= 40; r++) {
        const char *date =
            r == 5 || r == 20 || r == 33 ? "2025-02-30" : "2025-01-10";
        snprintf(row, sizeof row, "M%d,C%d,OTS,JBWEST,ZHZ,%s\n",
                 r == 10 || r == 25 ? 1 : r, r, date);
        put(&t, row);
    }
    o.lenient = 1;
    assert_ok(jbw_snapshot_load_csv_buffers(&snap, &rej, reg, t.s, t.len, NULL,
                                            workers_csv, sizeof workers_csv - 1,
                                            NULL, &o));
    assert_int_equal(jbw_snapshot_measure_count(snap), 35);
    assert_int_equal(jbw_rejects_count(rej), 5);
    for (k = 0; k < 5; k++) {
        assert_ok(jbw_rejects_get(NULL, &line, NULL, rej, k));
        assert_int_equal(line, want[k]);
    }
    jbw_rejects_free(rej);
    jbw_snapshot_free(snap);
    free(t.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(chunk_boundaries_read_as_in_memory),
        cmocka_unit_test(strict_errors_keep_their_order),
        cmocka_unit_test(header_quotes_across_the_first_chunk),
        cmocka_unit_test(a_load_holds_a_chunk_not_the_file),
        cmocka_unit_test(rejects_keep_the_order_of_the_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
