/*
 * Fuzzes the file path of the CSV loaders: jbw_snapshot_load_csv() and
 * jbw_registry_load_csv_opts() read their files in chunks, each checked
 * as it arrives against the limits (lib/io/file.c, lib/io/limits.c), and
 * the snapshot loader tokenizes a part at a time (lib/io/csv_stream.c).
 * Here the chunk is 1 to 1,080 bytes, chosen by the input, so that chunk
 * boundaries fall anywhere: inside a byte-order mark, a UTF-8 character,
 * a CRLF, a quoted field, a line at its limit. The property: the files
 * give exactly what the buffer API gives for the same bytes, the same
 * status and detail on failure, and on success the same snapshot (its
 * CSV export), the same rejects and the same reference date; and so do
 * the files and the buffers loaded on two threads (threads = 2, every
 * text parsed on the second thread, in batches of 1 to 5 rows: chunk
 * byte modulo 5, plus 1).
 *
 * Input layout:
 *   byte 0   the chunk: bit 7 clear, 1 + (bits 0-6) bytes (1..128); bit 7
 *            set, 64 + 8 * (bits 0-6) bytes (64..1080)
 *   byte 1   the limits: bits 0-3 n, max_line_bytes 16 * n (0: the
 *            default, 64 KiB); bits 4-6 m, max_file_bytes 32 << m (0: the
 *            default, 256 MiB); bit 7 set: the rest is a registry.csv,
 *            loaded with the default limits (the buffer API has no others)
 *   then     the layout of fuzz_snapshot_load.h: a flags byte,
 *            measures.csv, "\n%%\n", workers.csv
 * The seeds in corpus/csv_stream/ are those of snapshot_csv and
 * registry_csv behind two such bytes.
 */
#define _POSIX_C_SOURCE 200809L

#include "fuzz_snapshot_load.h"

#include <unistd.h>

/* The readers' chunk (lib/io/csv.h); the harness is linked with the
 * library's objects, so it can set it. */
extern size_t jbw__io_chunk;
/* The two-thread load's threshold and batch size (lib/io/load_internal.h). */
extern size_t jbw__load_threads_min;
extern size_t jbw__load_batch_rows;

static char dir[64];
static char measures_path[96], workers_path[96], registry_path[96];

static void remove_files(void)
{
    unlink(measures_path);
    unlink(workers_path);
    unlink(registry_path);
    rmdir(dir);
}

static void make_dir(void)
{
    const char *tmp = getenv("TMPDIR");
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "%s/jbw-fuzz-XXXXXX",
             tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    FUZZ_CHECK(mkdtemp(dir) != NULL, "mkdtemp %s", dir);
    snprintf(measures_path, sizeof measures_path, "%s/measures.csv", dir);
    snprintf(workers_path, sizeof workers_path, "%s/workers.csv", dir);
    snprintf(registry_path, sizeof registry_path, "%s/registry.csv", dir);
    atexit(remove_files);
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL, "cannot write %s", path);
    FUZZ_CHECK(fwrite(text, 1, len, f) == len, "short write to %s", path);
    FUZZ_CHECK(fclose(f) == 0, "cannot close %s", path);
}

/* The detail of the last failure, kept while the other API runs. */
static void keep_detail(char *dst, size_t size)
{
    snprintf(dst, size, "%s", jbw_last_error());
}

static void same_text(const char *what, char *a, size_t alen, char *b,
                      size_t blen)
{
    if (!fuzz_same(a, alen, b, blen))
        fuzz_diff_abort(what, a, alen, b, blen);
    jbw_free(a);
    jbw_free(b);
}

static void same_rejects(const jbw_rejects *a, const jbw_rejects *b)
{
    size_t i, n = jbw_rejects_count(a);
    FUZZ_CHECK(jbw_rejects_count(b) == n,
               "rejects: %zu from the buffers, %zu "
               "from the files",
               n, jbw_rejects_count(b));
    for (i = 0; i < n; i++) {
        const char *fa, *fb, *ra, *rb;
        size_t la, lb;
        FUZZ_CHECK(jbw_rejects_get(&fa, &la, &ra, a, i) == JBW_OK &&
                       jbw_rejects_get(&fb, &lb, &rb, b, i) == JBW_OK,
                   "rejects_get(%zu)", i);
        FUZZ_CHECK(strcmp(fa, fb) == 0 && la == lb && strcmp(ra, rb) == 0,
                   "reject %zu: buffers %s line %zu '%s', files %s line %zu "
                   "'%s'",
                   i, fa, la, ra, fb, lb, rb);
    }
}

/* Loads the input from the files (files 1) or the buffers (files 0) with
 * `threads`, and compares the outcome with the buffers' on one thread
 * (status stb, detail, snapshot sb, rejects rb). */
static void same_as_buffers(const fuzz_snapshot_input *in, int files,
                            unsigned threads, jbw_status stb,
                            const char *detail, const jbw_snapshot *sb,
                            const jbw_rejects *rb)
{
    jbw_snapshot *sf = (jbw_snapshot *)FUZZ_SENTINEL;
    jbw_rejects *rf = (jbw_rejects *)FUZZ_SENTINEL;
    jbw_load_options o = in->opts;
    const char *how = files ? "files" : "buffers";
    jbw_status stf;
    o.threads = threads;
    if (files)
        stf = jbw_snapshot_load_csv(&sf, &rf, fuzz_registry(), measures_path,
                                    workers_path, &o);
    else
        stf = jbw_snapshot_load_csv_buffers(
            &sf, &rf, fuzz_registry(), in->measures, in->measures_len,
            measures_path, in->workers, in->workers_len, workers_path, &o);
    FUZZ_CHECK(stf == stb,
               "the buffers gave %d, the %s on %u threads %d (chunk %zu)\n"
               "  buffers: %s",
               (int)stb, how, threads, (int)stf, jbw__io_chunk, detail);
    if (stf != JBW_OK) {
        FUZZ_CHECK_FAILURE(stf, "snapshot_load_csv");
        FUZZ_CHECK(sf == (jbw_snapshot *)FUZZ_SENTINEL &&
                       rf == (jbw_rejects *)FUZZ_SENTINEL,
                   "a failed load from %s wrote its outputs", how);
        FUZZ_CHECK(strcmp(detail, jbw_last_error()) == 0,
                   "details differ (%s, %u threads, chunk %zu)\n"
                   "  buffers: %s\n  %s:   %s",
                   how, threads, jbw__io_chunk, detail, how, jbw_last_error());
        return;
    }
    {
        char *a, *b;
        size_t alen, blen;
        FUZZ_CHECK(jbw_snapshot_measures_csv(&a, &alen, sb) == JBW_OK &&
                       jbw_snapshot_measures_csv(&b, &blen, sf) == JBW_OK,
                   "measures_csv");
        same_text("measures.csv", a, alen, b, blen);
        FUZZ_CHECK(jbw_snapshot_workers_csv(&a, &alen, sb) == JBW_OK &&
                       jbw_snapshot_workers_csv(&b, &blen, sf) == JBW_OK,
                   "workers_csv");
        same_text("workers.csv", a, alen, b, blen);
    }
    FUZZ_CHECK(jbw_snapshot_reference_date(sb) ==
                   jbw_snapshot_reference_date(sf),
               "reference dates differ (%s, %u threads)", how, threads);
    if (in->opts.lenient) {
        FUZZ_CHECK(rf != (jbw_rejects *)FUZZ_SENTINEL,
                   "a lenient load gave no rejects list");
        same_rejects(rb, rf);
        jbw_rejects_free(rf);
    } else {
        FUZZ_CHECK(rf == NULL, "a strict load did not set *rejects to NULL");
    }
    jbw_snapshot_free(sf);
}

/*
 * The buffers on one thread against: the files on one thread, the files
 * on two and the buffers on two (every text worth a thread, batches of 1
 * to 5 rows as the chunk byte says, so that they end anywhere).
 */
static void snapshot_every_way(const fuzz_snapshot_input *in, uint8_t chunk)
{
    jbw_snapshot *sb = (jbw_snapshot *)FUZZ_SENTINEL;
    jbw_rejects *rb = (jbw_rejects *)FUZZ_SENTINEL;
    char detail[600];
    jbw_status stb;

    write_file(measures_path, in->measures, in->measures_len);
    write_file(workers_path, in->workers, in->workers_len);
    /* the buffers named as the files, so that the details can match */
    stb = jbw_snapshot_load_csv_buffers(
        &sb, &rb, fuzz_registry(), in->measures, in->measures_len,
        measures_path, in->workers, in->workers_len, workers_path, &in->opts);
    keep_detail(detail, sizeof detail);
    if (stb == JBW_OK) {
        FUZZ_CHECK(in->opts.lenient ? rb != (jbw_rejects *)FUZZ_SENTINEL
                                    : rb == NULL,
                   "the buffers' rejects list");
    }
    same_as_buffers(in, 1, 1, stb, detail, sb, rb);
    jbw__load_threads_min = 0;
    jbw__load_batch_rows = 1 + (size_t)(chunk % 5);
    same_as_buffers(in, 1, 2, stb, detail, sb, rb);
    same_as_buffers(in, 0, 2, stb, detail, sb, rb);
    jbw__load_threads_min = JBW_LOAD_THREADS_MIN_BYTES;
    jbw__load_batch_rows = 2048;
    if (stb == JBW_OK) {
        jbw_snapshot_free(sb);
        jbw_rejects_free(rb);
    }
}

static void registry_both_ways(const char *text, size_t len)
{
    jbw_registry *rb = (jbw_registry *)FUZZ_SENTINEL;
    jbw_registry *rf = (jbw_registry *)FUZZ_SENTINEL;
    char detail[600];
    jbw_status stb, stf;
    write_file(registry_path, text, len);
    stb = jbw_registry_load_csv_buffer(&rb, text, len, registry_path);
    keep_detail(detail, sizeof detail);
    stf = jbw_registry_load_csv_opts(&rf, registry_path, NULL);
    FUZZ_CHECK(stf == stb,
               "registry: the buffer gave %d, the file %d (chunk %zu)\n"
               "  buffer: %s",
               (int)stb, (int)stf, jbw__io_chunk, detail);
    if (stf != JBW_OK) {
        FUZZ_CHECK_FAILURE(stf, "registry_load_csv_opts");
        FUZZ_CHECK(rf == (jbw_registry *)FUZZ_SENTINEL,
                   "a failed registry load wrote its output");
        FUZZ_CHECK(strcmp(detail, jbw_last_error()) == 0,
                   "registry details differ (chunk %zu)\n  buffer: %s\n"
                   "  file:   %s",
                   jbw__io_chunk, detail, jbw_last_error());
        return;
    }
    {
        char *a, *b;
        size_t alen, blen;
        FUZZ_CHECK(jbw_registry_csv(&a, &alen, rb) == JBW_OK &&
                       jbw_registry_csv(&b, &blen, rf) == JBW_OK,
                   "registry_csv");
        same_text("registry.csv", a, alen, b, blen);
    }
    jbw_registry_free(rb);
    jbw_registry_free(rf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_snapshot_input in;
    uint8_t chunk, limits;
    if (size < 2)
        return 0;
    make_dir();
    chunk = data[0];
    limits = data[1];
    jbw__io_chunk = chunk & 0x80 ? 64 + 8 * (size_t)(chunk & 0x7f)
                                 : 1 + (size_t)(chunk & 0x7f);
    if (limits & 0x80) {
        registry_both_ways((const char *)data + 2, size - 2);
    } else {
        fuzz_split_snapshot_input(&in, data + 2, size - 2);
        if (limits & 0x0f)
            in.opts.max_line_bytes = 16 * (size_t)(limits & 0x0f);
        if (limits & 0x70)
            in.opts.max_file_bytes = (size_t)32 << ((limits >> 4) & 7);
        snapshot_every_way(&in, chunk);
    }
    jbw__io_chunk = (size_t)1 << 20;
    return 0;
}
