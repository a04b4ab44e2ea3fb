/*
 * Hostile input: files that never end, lines and files past the readers'
 * limits, NUL bytes, over-long ids, values that would cut an error
 * message in the middle of a character, encodings the readers do not
 * read, directories given as files, and the rejects contract of a failed
 * load (docs/reliability.md, "Hostile input").
 *
 * A measuring allocator is installed first: it records the peak of the
 * bytes the library holds, and refuses to go past 64 MiB, so a reader
 * that reads an endless input to its end fails these tests with
 * JBW_ENOMEM instead of taking the machine's memory.
 */
#define _POSIX_C_SOURCE 200809L

#include "jbw_test.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- a measuring allocator --------------------------------------------- */

#define JBW_TEST_ALLOC_CAP ((size_t)64 << 20)
#include "jbw_test_alloc.h"

/* Starts measuring the peak from what is held now. */
static void peak_reset(void)
{
    peak_bytes = live_bytes;
}

/* ---- fixtures ------------------------------------------------------------ */

static const char measures_header[] =
    "id,child_id,family_id,kind,organisation,region,start,worker_id\n";
static const char workers_csv[] = "id,organisation,fte,hired\n"
                                  "W1,JBWEST,1,2020-03-01\n";

static char dir[64];

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

static jbw_registry *reg;
static jbw_date ref_date;

static int setup(void **state)
{
    char workers[128];
    (void)state;
    snprintf(dir, sizeof dir, "hostile-%ld", (long)getpid());
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return -1;
    path_in(workers, sizeof workers, "workers.csv");
    write_file("workers.csv", workers_csv, sizeof workers_csv - 1);
    if (jbw_registry_zuid_west(&reg) != JBW_OK)
        return -1;
    ref_date = jbw_test_date(2025, 9, 1);
    return 0;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    jbw_registry_free(reg);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return -1;
    /* Everything the library allocated is freed. */
    return live_bytes == 0 ? 0 : -1;
}

static jbw_load_options options(void)
{
    jbw_load_options o = JBW_LOAD_OPTIONS_INIT;
    o.reference_date = ref_date;
    return o;
}

/* Loads measures from a path with workers.csv; returns the status and
 * frees a snapshot that loaded. */
static jbw_status load_path(const char *measures, const jbw_load_options *o)
{
    char workers[128];
    jbw_snapshot *snap = NULL;
    jbw_status st;
    path_in(workers, sizeof workers, "workers.csv");
    st = jbw_snapshot_load_csv(&snap, NULL, reg, measures, workers, o);
    jbw_snapshot_free(snap);
    return st;
}

static jbw_status load_text(const char *m, size_t mlen,
                            const jbw_load_options *o, jbw_rejects **rejects)
{
    jbw_snapshot *snap = NULL;
    jbw_status st = jbw_snapshot_load_csv_buffers(
        &snap, rejects, reg, m, mlen, NULL, workers_csv, sizeof workers_csv - 1,
        NULL, o);
    jbw_snapshot_free(snap);
    return st;
}

/* Valid UTF-8 (RFC 3629: no overlong forms, surrogates or code points
 * past U+10FFFF). */
static int utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char b = *p;
        size_t n, i;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b < 0x80) {
            p++;
            continue;
        }
        if (b >= 0xC2 && b <= 0xDF)
            n = 2;
        else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            lo = b == 0xE0 ? 0xA0 : 0x80;
            hi = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            lo = b == 0xF0 ? 0x90 : 0x80;
            hi = b == 0xF4 ? 0x8F : 0xBF;
        } else
            return 0;
        if (p[1] < lo || p[1] > hi)
            return 0;
        for (i = 2; i < n; i++)
            if (p[i] < 0x80 || p[i] > 0xBF)
                return 0;
        p += n;
    }
    return 1;
}

#define assert_message_sound()                                                 \
    do {                                                                       \
        if (!utf8_valid(jbw_last_error()))                                     \
            fail_msg("detail is not valid UTF-8: %s", jbw_last_error());       \
    } while (0)

/* ---- endless and oversized input ---------------------------------------- */

static void dev_zero_is_refused_at_its_first_byte(void **state)
{
    jbw_load_options o = options();
    jbw_registry *r = (jbw_registry *)(uintptr_t)1;
    (void)state;
    if (access("/dev/zero", R_OK) != 0)
        skip();
    peak_reset();
    assert_status(load_path("/dev/zero", &o), JBW_EPARSE);
    assert_error_contains("/dev/zero line 1");
    assert_error_contains("NUL byte");
    /* It stops in the first chunk it reads (1 MiB at most). */
    assert_true(peak_bytes - live_bytes <= ((size_t)2 << 20));
    /* The registry reader too. */
    assert_status(jbw_registry_load_csv(&r, "/dev/zero"), JBW_EPARSE);
    assert_error_contains("NUL byte");
    assert_ptr_equal(r, (jbw_registry *)(uintptr_t)1);
}

/* A child process writes `head` and then `unit` into the FIFO forever
 * (until the reader closes it). Returns its pid. */
static pid_t endless_writer(const char *fifo, const char *head,
                            const char *unit)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char buf[4096];
        size_t ulen = strlen(unit), n = 0;
        int fd;
        signal(SIGPIPE, SIG_IGN);
        fd = open(fifo, O_WRONLY);
        if (fd < 0)
            _exit(1);
        while (n + ulen <= sizeof buf) {
            memcpy(buf + n, unit, ulen);
            n += ulen;
        }
        if (write(fd, head, strlen(head)) < 0)
            _exit(0);
        for (;;)
            if (write(fd, buf, n) < 0)
                _exit(0);
    }
    return pid;
}

static void endless_rows_stop_at_the_file_limit(void **state)
{
    char fifo[128];
    jbw_load_options o = options();
    pid_t pid;
    int status;
    (void)state;
    path_in(fifo, sizeof fifo, "rows.fifo");
    if (mkfifo(fifo, 0600) != 0)
        skip();
    pid = endless_writer(fifo, measures_header,
                         "M1,C1,,OTS,JBWEST,ZHZ,2025-01-10,\n");
    o.max_file_bytes = (size_t)1 << 20; /* 1 MiB */
    peak_reset();
    assert_status(load_path(fifo, &o), JBW_ERANGE);
    assert_error_contains("1048576");
    assert_error_contains("rows.fifo");
    assert_true(peak_bytes - live_bytes <= ((size_t)3 << 20));
    assert_int_equal(waitpid(pid, &status, 0), pid);
}

static void endless_line_stops_at_the_line_limit(void **state)
{
    char fifo[128];
    jbw_load_options o = options();
    pid_t pid;
    int status;
    (void)state;
    path_in(fifo, sizeof fifo, "line.fifo");
    if (mkfifo(fifo, 0600) != 0)
        skip();
    pid = endless_writer(fifo, measures_header, "x");
    peak_reset();
    /* The default line limit: 65,536 bytes. */
    assert_status(load_path(fifo, &o), JBW_ERANGE);
    assert_error_contains("line 2");
    assert_error_contains("65536");
    assert_true(peak_bytes - live_bytes <= ((size_t)3 << 20));
    assert_int_equal(waitpid(pid, &status, 0), pid);
}

static void ten_gigabyte_file_is_refused_before_reading(void **state)
{
    char path[128];
    jbw_load_options o = options();
    int fd;
    (void)state;
    write_file("huge.csv", measures_header, sizeof measures_header - 1);
    path_in(path, sizeof path, "huge.csv");
    fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    /* 10 GiB = 10,737,418,240 bytes, sparse: no disk space is used. */
    if (ftruncate(fd, (off_t)10 << 30) != 0) {
        close(fd);
        skip();
    }
    close(fd);
    peak_reset();
    assert_status(load_path(path, &o), JBW_ERANGE);
    assert_error_contains("10737418240");
    /* 256 MiB = 268,435,456 bytes, the default limit. */
    assert_error_contains("268435456");
    assert_true(peak_bytes - live_bytes <= ((size_t)1 << 20));
    remove(path);
}

static void a_nul_byte_is_refused_where_it_is(void **state)
{
    static const char text[] = "id,child_id,kind,organisation,region,start\n"
                               "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n"
                               "M2,C\0,OTS,JBWEST,ZHZ,2025-01-10\n";
    char path[128];
    jbw_load_options o = options();
    (void)state;
    write_file("nul.csv", text, sizeof text - 1);
    path_in(path, sizeof path, "nul.csv");
    assert_status(load_path(path, &o), JBW_EPARSE);
    assert_error_contains("line 3");
    assert_error_contains("NUL byte");
}

/* Loads the two texts as buffers, then the files at their paths: both
 * fail with `status`, with the same message, and make no snapshot. */
static void buffers_and_files_fail_alike(const char *m, size_t mlen,
                                         const char *mpath, const char *w,
                                         size_t wlen, const char *wpath,
                                         const jbw_load_options *o,
                                         jbw_status status)
{
    jbw_snapshot *snap = NULL;
    char from_buffers[512];
    assert_status(jbw_snapshot_load_csv_buffers(&snap, NULL, reg, m, mlen,
                                                mpath, w, wlen, wpath, o),
                  status);
    snprintf(from_buffers, sizeof from_buffers, "%s", jbw_last_error());
    assert_status(jbw_snapshot_load_csv(&snap, NULL, reg, mpath, wpath, o),
                  status);
    assert_string_equal(jbw_last_error(), from_buffers);
    assert_null(snap);
}

/*
 * The same bytes give the same error from buffers and from files. The
 * file reader refuses a NUL byte as it reads, before the rows of the
 * other file are judged; the buffers are checked the same way before a
 * row is read (they used to leave it to the tokenizer, with another
 * message, and a refused row of the other file could come first). A
 * text past max_file_bytes names its size either way (a buffer's said
 * only "is larger than").
 */
static void buffers_and_files_give_the_same_error(void **state)
{
    /* W1's organisation is not in the registry: a refused row */
    static const char w[] = "id,organisation,fte,hired\n"
                            "W1,NOPE,1,2020-01-01\n";
    /* 43 bytes of header; line 2 "M1,C", the NUL (byte 5), 27 bytes and
     * the LF: 33 bytes; 76 in all */
    static const char m[] = "id,child_id,kind,organisation,region,start\n"
                            "M1,C\0001,OTS,JBWEST,ZHZ,2025-01-10\n";
    char wpath[128], mpath[128];
    jbw_load_options o = options();
    (void)state;
    write_file("same_w.csv", w, sizeof w - 1);
    write_file("same_m.csv", m, sizeof m - 1);
    path_in(wpath, sizeof wpath, "same_w.csv");
    path_in(mpath, sizeof mpath, "same_m.csv");
    assert_int_equal(sizeof m - 1, 76);
    buffers_and_files_fail_alike(m, sizeof m - 1, mpath, w, sizeof w - 1, wpath,
                                 &o, JBW_EPARSE);
    assert_error_contains("same_m.csv line 2, byte 5 of the line: NUL byte");
    /* one byte over the limit */
    o.max_file_bytes = 75;
    buffers_and_files_fail_alike(m, sizeof m - 1, mpath, w, sizeof w - 1, wpath,
                                 &o, JBW_ERANGE);
    assert_error_contains("same_m.csv is 76 bytes, larger than 75 bytes");
}

/* A line of exactly the limit loads; one byte more is refused, naming
 * the line, from a buffer and from a file. */
static void line_limit_is_exact_and_names_the_line(void **state)
{
    char text[512], path[128];
    jbw_load_options o = options();
    const char *row2 = "M1,C1,,OTS,JBWEST,ZHZ,2025-01-10,\n";
    size_t len, line3;
    (void)state;
    /* Line 3: "M2,C" + padding of the family id + the rest. */
    snprintf(text, sizeof text, "%s%sM2,C2,F%090d,OTS,JBWEST,ZHZ,2025-01-10,\n",
             measures_header, row2, 7);
    len = strlen(text);
    line3 = len - strlen(measures_header) - strlen(row2) - 1; /* no LF */
    o.max_line_bytes = line3;
    assert_ok(load_text(text, len, &o, NULL));
    o.max_line_bytes = line3 - 1;
    assert_status(load_text(text, len, &o, NULL), JBW_ERANGE);
    assert_error_contains("line 3");
    write_file("long.csv", text, len);
    path_in(path, sizeof path, "long.csv");
    assert_status(load_path(path, &o), JBW_ERANGE);
    assert_error_contains("line 3");
    o.max_line_bytes = line3;
    assert_ok(load_path(path, &o));
}

static void file_limit_is_exact_for_buffers_and_files(void **state)
{
    static const char text[] = "id,child_id,kind,organisation,region,start\n"
                               "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n";
    char path[128];
    jbw_load_options o = options();
    (void)state;
    o.max_file_bytes = sizeof text - 1;
    assert_ok(load_text(text, sizeof text - 1, &o, NULL));
    write_file("exact.csv", text, sizeof text - 1);
    path_in(path, sizeof path, "exact.csv");
    assert_ok(load_path(path, &o));
    o.max_file_bytes = sizeof text - 2;
    assert_status(load_text(text, sizeof text - 1, &o, NULL), JBW_ERANGE);
    assert_status(load_path(path, &o), JBW_ERANGE);
    assert_error_contains("exact.csv");
}

/* A caller built against version 1 of the options gets the defaults. */
static void version_1_options_get_the_default_limits(void **state)
{
    static const char text[] = "id,child_id,kind,organisation,region,start\n"
                               "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n";
    jbw_load_options o;
    (void)state;
    assert_ok(jbw_load_options_init(&o, 1));
    o.reference_date = ref_date;
    assert_ok(load_text(text, sizeof text - 1, &o, NULL));
    assert_ok(jbw_load_options_init(&o, JBW_LOAD_OPTIONS_VERSION));
    assert_int_equal(o.max_file_bytes, 0);
    assert_int_equal(o.max_line_bytes, 0);
    assert_int_equal(JBW_LOAD_MAX_FILE_BYTES_DEFAULT, 268435456);
    assert_int_equal(JBW_LOAD_MAX_LINE_BYTES_DEFAULT, 65536);
}

/* ---- ids ------------------------------------------------------------------
 */

static char *repeat(const char *unit, size_t times)
{
    size_t u = strlen(unit), i;
    char *s = malloc(u * times + 1);
    assert_non_null(s);
    for (i = 0; i < times; i++)
        memcpy(s + i * u, unit, u);
    s[u * times] = '\0';
    return s;
}

/* measures.csv text with one row whose column `col` (0 id, 1 child_id,
 * 2 family_id) holds `value`. */
static char *one_row(int col, const char *value)
{
    const char *f[3] = {"M1", "C1", "F1"};
    size_t n;
    char *s;
    f[col] = value;
    n = strlen(measures_header) + strlen(value) + 128;
    s = malloc(n);
    assert_non_null(s);
    snprintf(s, n, "%s%s,%s,%s,OTS,JBWEST,ZHZ,2025-01-10,\n", measures_header,
             f[0], f[1], f[2]);
    return s;
}

static void ids_of_255_bytes_load_and_256_are_refused(void **state)
{
    static const char *const names[3] = {"column 'id'", "column 'child_id'",
                                         "column 'family_id'"};
    char *ok = repeat("a", 255), *over = repeat("a", 256);
    int col;
    jbw_load_options o = options();
    (void)state;
    for (col = 0; col < 3; col++) {
        char *t = one_row(col, ok);
        assert_ok(load_text(t, strlen(t), &o, NULL));
        free(t);
        t = one_row(col, over);
        assert_status(load_text(t, strlen(t), &o, NULL), JBW_ERANGE);
        assert_error_contains("line 2");
        assert_error_contains(names[col]);
        assert_error_contains("255 bytes");
        free(t);
    }
    free(ok);
    free(over);
}

/* The line limit stops it first; without that limit, the id's own. */
static void a_five_megabyte_child_id_is_refused(void **state)
{
    char *big = repeat("C", (size_t)5 << 20), *t;
    jbw_load_options o = options();
    (void)state;
    t = one_row(1, big);
    assert_status(load_text(t, strlen(t), &o, NULL), JBW_ERANGE);
    assert_error_contains("line 2 is longer than 65536 bytes");
    o.max_line_bytes = SIZE_MAX;
    assert_status(load_text(t, strlen(t), &o, NULL), JBW_ERANGE);
    assert_error_contains("column 'child_id'");
    assert_error_contains("5242880"); /* 5 x 2^20 bytes */
    assert_true(strlen(jbw_last_error()) < 400);
    free(t);
    free(big);
}

static void worker_ids_over_255_bytes_are_refused(void **state)
{
    char *over = repeat("w", 256);
    char text[1024];
    jbw_snapshot *snap = NULL;
    jbw_worker w = JBW_WORKER_INIT;
    jbw_measure m = JBW_MEASURE_INIT;
    (void)state;
    snprintf(text, sizeof text,
             "id,organisation,fte,hired\n%s,JBWEST,1,"
             "2020-03-01\n",
             over);
    assert_status(
        jbw_snapshot_load_csv_buffers(&snap, NULL, reg, measures_header,
                                      sizeof measures_header - 1, NULL, text,
                                      strlen(text), NULL, NULL),
        JBW_ERANGE);
    assert_error_contains("workers.csv line 2, column 'id'");
    /* Through the API as well. */
    assert_ok(jbw_snapshot_new(&snap, reg, ref_date));
    w.id = over;
    w.organisation = "JBWEST";
    w.fte = 1.0;
    w.hired = ref_date - 100;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ERANGE);
    assert_error_contains("255 bytes");
    m.id = "M1";
    m.child_id = over;
    m.kind = JBW_KIND_OTS;
    m.organisation = "JBWEST";
    m.region = "ZHZ";
    m.start = ref_date - 10;
    assert_status(jbw_snapshot_add_measure(snap, &m), JBW_ERANGE);
    assert_error_contains("child_id");
    assert_int_equal(jbw_snapshot_measure_count(snap), 0);
    jbw_snapshot_free(snap);
    free(over);
}

/* ---- messages -------------------------------------------------------------
 */

/* Two equal long ids: the message says why, before the value. */
static void duplicate_long_ids_keep_their_reason(void **state)
{
    char *id = repeat("I", 255), text[2048];
    const char *detail, *reason, *value;
    jbw_load_options o = options();
    (void)state;
    snprintf(text, sizeof text,
             "%s%s,C1,,OTS,JBWEST,ZHZ,2025-01-10,\n"
             "%s,C2,,OTS,JBWEST,ZHZ,2025-01-10,\n",
             measures_header, id, id);
    assert_status(load_text(text, strlen(text), &o, NULL), JBW_EDUPLICATE);
    detail = jbw_last_error();
    reason = strstr(detail, "already used");
    value = strstr(detail, "IIII");
    assert_non_null(reason);
    assert_non_null(value);
    assert_true(reason < value);
    assert_error_contains("line 3");
    /* The value is cut with an ellipsis. */
    assert_error_contains("\xE2\x80\xA6"); /* U+2026 */
    free(id);
}

/* Every message stays valid UTF-8 whatever characters a value holds and
 * wherever a cut falls: ids, kinds, dates and keys of 1 to 300 characters
 * of 2, 3 and 4 bytes, after a 0 to 3 byte ASCII prefix (so that every
 * cut position meets every byte of a sequence), strict and lenient. */
static void every_message_is_valid_utf8(void **state)
{
    static const char *const chars[] = {"\xC3\xA9", "\xE2\x82\xAC",
                                        "\xF0\x9F\x98\x80"};
    static const char *const prefixes[] = {"", "a", "ab", "abc"};
    jbw_load_options strict = options(), lenient = options();
    size_t count = 0;
    int c, p, field;
    size_t n;
    (void)state;
    lenient.lenient = 1;
    for (c = 0; c < 3; c++)
        for (p = 0; p < 4; p++)
            for (n = 1; n <= 300; n += (n < 40 ? 1 : 13))
                for (field = 0; field < 5; field++) {
                    char *v = repeat(chars[c], n), *val, *t;
                    size_t len;
                    jbw_rejects *rej = NULL;
                    const char *reason = NULL;
                    len = strlen(prefixes[p]) + strlen(v) + 1;
                    val = malloc(len);
                    assert_non_null(val);
                    snprintf(val, len, "%s%s", prefixes[p], v);
                    len = 2 * strlen(val) + 512; /* it appears twice */
                    t = malloc(len);
                    assert_non_null(t);
                    /* field 0..2: id, child, family; 3: kind; 4: start */
                    snprintf(t, len,
                             "%s%s,%s,%s,%s,JBWEST,ZHZ,%s,W%s\n"
                             "M2,C2,,OTS,JBWEST,ZHZ,2025-01-10,\n",
                             measures_header, field == 0 ? val : "M1",
                             field == 1 ? val : "C1", field == 2 ? val : "F1",
                             field == 3 ? val : "OTS",
                             field == 4 ? val : "2025-01-10", val);
                    if (load_text(t, strlen(t), &strict, NULL) != JBW_OK) {
                        assert_message_sound();
                        assert_true(strlen(jbw_last_error()) < 512);
                    }
                    assert_ok(load_text(t, strlen(t), &lenient, &rej));
                    assert_true(jbw_rejects_count(rej) >= 1);
                    assert_ok(jbw_rejects_get(NULL, NULL, &reason, rej, 0));
                    if (!utf8_valid(reason))
                        fail_msg("reject reason is not valid UTF-8: %s",
                                 reason);
                    jbw_rejects_free(rej);
                    free(t);
                    free(val);
                    free(v);
                    count++;
                }
    assert_true(count > 1000);
}

/* The key = value readers (model, norm, scenario files) state the reason
 * before the value they quote, and cut a long value at a character
 * boundary with an ellipsis: values of 300 two-, three- and four-byte
 * characters (600 to 1,200 bytes; the reader takes up to 1,023) after a
 * 0 to 3 byte prefix, so that the cut meets every byte of a sequence. */
typedef struct kv_case {
    int reader;         /* 0 model, 1 norm, 2 scenario */
    const char *before; /* the text before the value */
    const char *reason; /* what the message must say before the value */
} kv_case;

static jbw_status kv_parse(int reader, const char *text)
{
    void *out = (void *)(uintptr_t)1;
    jbw_status st;
    if (reader == 0)
        st = jbw_waitrisk_model_parse((jbw_waitrisk_model **)&out, text,
                                      strlen(text), "m.txt");
    else if (reader == 1)
        st = jbw_norm_parse((jbw_norm **)&out, text, strlen(text), "n.norm");
    else
        st = jbw_scenario_parse((jbw_scenario **)&out, text, strlen(text),
                                "s.txt");
    assert_ptr_equal(out, (void *)(uintptr_t)1);
    return st;
}

/* Keys have at most 127 bytes, and the message says so exactly: a key of
 * 127 is read (and is unknown), one of 128 is too long. */
static void a_key_of_128_bytes_is_too_long_and_127_is_read(void **state)
{
    char text[512];
    char *k127 = repeat("k", 127), *k128 = repeat("k", 128);
    (void)state;
    snprintf(text, sizeof text, "%s = 1\n", k127);
    assert_status(kv_parse(1, text), JBW_EPARSE);
    assert_error_contains("unknown key");
    snprintf(text, sizeof text, "%s = 1\n", k128);
    assert_status(kv_parse(1, text), JBW_EPARSE);
    assert_error_contains("n.norm line 1: a key has at most 127 bytes");
    free(k127);
    free(k128);
}

static void key_value_readers_give_the_reason_before_a_cut_value(void **state)
{
    static const kv_case cases[] = {
        {0, "name = x\nversion = 2\npoints.bestaand = ", "not a whole number"},
        {0, "name = x\nversion = 2\ndescription = ", "longer than 400 bytes"},
        {1, "caseload_per_fte = ", "not a number"},
        {1, "unit = ", "unknown unit"},
        {1, "ramp.0 = ", "not a number"},
        {2, "turnover = ", "not a number"},
        {2, "hires_fte = ", "not a number"},
        {2, "shock.a = ", "'KIND from to multiplier'"},
        {2, "start = ", "not a date"},
        {2, "", "expected 'key = value'"},
    };
    static const char *const chars[] = {"\xC3\xA9", "\xE2\x82\xAC",
                                        "\xF0\x9F\x98\x80"};
    static const char *const prefixes[] = {"", "a", "ab", "abc"};
    size_t k, count = 0;
    int c, p;
    (void)state;
    for (k = 0; k < sizeof cases / sizeof *cases; k++)
        for (c = 0; c < 3; c++)
            for (p = 0; p < 4; p++) {
                char *v = repeat(chars[c], c == 2 ? 250 : 300), text[2048];
                const char *detail, *reason, *value;
                snprintf(text, sizeof text, "%s%s%s\n", cases[k].before,
                         prefixes[p], v);
                assert_status(kv_parse(cases[k].reader, text), JBW_EPARSE);
                detail = jbw_last_error();
                assert_message_sound();
                reason = strstr(detail, cases[k].reason);
                value = strstr(detail, chars[c]);
                if (!reason || !value || reason > value ||
                    !strstr(detail, "\xE2\x80\xA6")) /* U+2026 */
                    fail_msg("case %zu: want \"%s\" before the value cut "
                             "with an ellipsis: %s",
                             k, cases[k].reason, detail);
                assert_true(strlen(detail) < 400);
                free(v);
                count++;
            }
    assert_int_equal(count, 10 * 3 * 4);
}

/* Bytes that are not UTF-8 given through the API still give a valid
 * UTF-8 message. */
static void
invalid_utf8_given_through_the_api_gives_a_valid_message(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_worker w = JBW_WORKER_INIT;
    (void)state;
    assert_ok(jbw_snapshot_new(&snap, reg, ref_date));
    w.id = "W\xFF\xFE\xC3";
    w.organisation = "NO\xE2\x82";
    w.fte = 1.0;
    w.hired = ref_date - 100;
    assert_status(jbw_snapshot_add_worker(snap, &w), JBW_ENOTFOUND);
    assert_message_sound();
    jbw_snapshot_free(snap);
}

/* ---- encodings and directories ------------------------------------------ */

static void utf32_is_named_utf32_and_utf16_utf16(void **state)
{
    static const char le32[] = "\xFF\xFE\0\0i\0\0\0d\0\0\0\n\0\0\0";
    static const char be32[] = "\0\0\xFE\xFF\0\0\0i\0\0\0d\0\0\0\n";
    static const char le16[] = "\xFF\xFEi\0d\0\n\0";
    jbw_load_options o = options();
    jbw_norm *norm = (jbw_norm *)(uintptr_t)1;
    (void)state;
    assert_status(load_text(le32, sizeof le32 - 1, &o, NULL), JBW_EPARSE);
    assert_error_contains("UTF-32");
    assert_status(load_text(be32, sizeof be32 - 1, &o, NULL), JBW_EPARSE);
    assert_error_contains("UTF-32");
    assert_status(load_text(le16, sizeof le16 - 1, &o, NULL), JBW_EPARSE);
    assert_error_contains("UTF-16");
    assert_status(jbw_norm_parse(&norm, le32, sizeof le32 - 1, "x.norm"),
                  JBW_EPARSE);
    assert_error_contains("UTF-32");
    assert_status(jbw_norm_parse(&norm, le16, sizeof le16 - 1, "x.norm"),
                  JBW_EPARSE);
    assert_error_contains("UTF-16");
    assert_ptr_equal(norm, (jbw_norm *)(uintptr_t)1);
}

static void a_directory_is_named_a_directory_by_every_reader(void **state)
{
    char why[128];
    void *out = (void *)(uintptr_t)1;
    (void)state;
    snprintf(why, sizeof why, "%s", strerror(EISDIR)); /* "Is a directory" */
    assert_status(jbw_norm_load((jbw_norm **)&out, dir), JBW_EIO);
    assert_error_contains(why);
    assert_status(jbw_waitrisk_model_load((jbw_waitrisk_model **)&out, dir),
                  JBW_EIO);
    assert_error_contains(why);
    assert_status(jbw_scenario_load((jbw_scenario **)&out, dir), JBW_EIO);
    assert_error_contains(why);
    assert_status(jbw_registry_load_csv((jbw_registry **)&out, dir), JBW_EIO);
    assert_error_contains(why);
    assert_status(load_path(dir, NULL), JBW_EIO);
    assert_error_contains(why);
    assert_ptr_equal(out, (void *)(uintptr_t)1);
}

/* ---- the rejects contract ------------------------------------------------ */

static void a_failed_load_leaves_rejects_untouched(void **state)
{
    static const char bad[] = "id,child_id,kind,organisation,region,start\n"
                              "M1,C1,OTS,JBWEST,ZHZ,31-02-2025\n";
    static const char good[] = "id,child_id,kind,organisation,region,start\n"
                               "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n";
    static const char broken[] = "id,child_id,kind,organisation,region,start\n"
                                 "M1,\"C1,OTS,JBWEST,ZHZ,2025-01-10\n";
    jbw_rejects *const sentinel = (jbw_rejects *)(uintptr_t)1;
    jbw_rejects *rej = sentinel;
    jbw_load_options o = options();
    (void)state;
    /* strict, failing: untouched */
    assert_status(load_text(bad, sizeof bad - 1, &o, &rej), JBW_EPARSE);
    assert_ptr_equal(rej, sentinel);
    /* lenient, failing (a quote never closed fails a lenient load too) */
    o.lenient = 1;
    assert_status(load_text(broken, sizeof broken - 1, &o, &rej), JBW_EPARSE);
    assert_ptr_equal(rej, sentinel);
    /* strict, succeeding: NULL */
    o.lenient = 0;
    assert_ok(load_text(good, sizeof good - 1, &o, &rej));
    assert_null(rej);
    /* lenient, succeeding: a list, here of the one bad row */
    o.lenient = 1;
    rej = sentinel;
    assert_ok(load_text(bad, sizeof bad - 1, &o, &rej));
    assert_non_null(rej);
    assert_ptr_not_equal(rej, sentinel);
    assert_int_equal(jbw_rejects_count(rej), 1);
    jbw_rejects_free(rej);
}

int main(void)
{
    static const struct CMUnitTest tests[] = {
        cmocka_unit_test(dev_zero_is_refused_at_its_first_byte),
        cmocka_unit_test(endless_rows_stop_at_the_file_limit),
        cmocka_unit_test(endless_line_stops_at_the_line_limit),
        cmocka_unit_test(ten_gigabyte_file_is_refused_before_reading),
        cmocka_unit_test(a_nul_byte_is_refused_where_it_is),
        cmocka_unit_test(buffers_and_files_give_the_same_error),
        cmocka_unit_test(line_limit_is_exact_and_names_the_line),
        cmocka_unit_test(file_limit_is_exact_for_buffers_and_files),
        cmocka_unit_test(version_1_options_get_the_default_limits),
        cmocka_unit_test(ids_of_255_bytes_load_and_256_are_refused),
        cmocka_unit_test(a_five_megabyte_child_id_is_refused),
        cmocka_unit_test(worker_ids_over_255_bytes_are_refused),
        cmocka_unit_test(duplicate_long_ids_keep_their_reason),
        cmocka_unit_test(every_message_is_valid_utf8),
        cmocka_unit_test(key_value_readers_give_the_reason_before_a_cut_value),
        cmocka_unit_test(a_key_of_128_bytes_is_too_long_and_127_is_read),
        cmocka_unit_test(
            invalid_utf8_given_through_the_api_gives_a_valid_message),
        cmocka_unit_test(utf32_is_named_utf32_and_utf16_utf16),
        cmocka_unit_test(a_directory_is_named_a_directory_by_every_reader),
        cmocka_unit_test(a_failed_load_leaves_rejects_untouched),
    };
    /* Before any other libjbw call (common.h). */
    jbw_set_allocator(m_malloc, m_realloc, m_free, NULL);
    return cmocka_run_group_tests_name("hostile", tests, setup, teardown);
}
