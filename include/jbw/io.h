/*
 * libjbw - CSV import and export of snapshots and registries.
 *
 * Files are UTF-8, with or without a byte-order mark; the delimiter is ','
 * or ';', detected from the header line; fields may be quoted as in
 * RFC 4180 (a quote inside a quoted field is doubled, quoted fields may
 * span lines); lines end in LF or CRLF. With ';' a decimal comma is
 * accepted ("0,8"). Dates are ISO ("2025-09-01") or Dutch ("1-9-2025").
 * Columns are found by their header name, in any order. The formats are
 * documented in docs/formats.md.
 *
 * Strict loading (the default) is all or nothing: the first problem stops
 * the load, nothing is returned, and the detail names the file, line,
 * column and value. Lenient loading keeps every good row and returns every
 * rejected row with its line and reason, so nothing is dropped silently: a
 * lenient load needs a rejects list to return them in.
 *
 * Writers return a string the library allocates; free it with jbw_free().
 */
#ifndef JBW_IO_H
#define JBW_IO_H

#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/registry.h"
#include "jbw/snapshot.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jbw_load_options {
    unsigned int version;
    int lenient;               /* 0: strict (default); 1: lenient */
    int allow_unknown_columns; /* 0: an unknown column is an error */
    /*
     * The snapshot's reference date. JBW_DATE_NONE (default): the latest
     * date found in either file (start, end - 1, first_assigned,
     * waiting_since, last_contact, help_requested, help_started, hired),
     * so that an exported snapshot
     * loads back with its own date.
     */
    jbw_date reference_date;
    /* ---- version 2 ---- */
    /*
     * The limits of the readers (docs/formats.md, "Limits"): a file or
     * buffer of more than max_file_bytes bytes, or a line of more than
     * max_line_bytes bytes before its LF, is refused with JBW_ERANGE as
     * soon as the reader reaches it. 0 (default): the defaults below;
     * SIZE_MAX: no limit. jbw_registry_load_csv_opts() uses them too.
     */
    size_t max_file_bytes;
    size_t max_line_bytes;
    /* ---- version 3 ---- */
    /*
     * Threads for the load. 1 (the default, and what a version-1 or -2
     * record means): the calling thread only; the library never starts a
     * thread unless asked. 0: one per online core; at most
     * JBW_LOAD_THREADS_MAX (more is JBW_EINVAL). Whatever the number, a
     * load uses at most 2 threads: one reads measures.csv and parses its
     * rows, a batch at a time, while the calling thread adds the rows
     * parsed before to the snapshot. workers.csv, and a measures text
     * under JBW_LOAD_THREADS_MIN_BYTES bytes (a file whose size is
     * known, or a buffer), are read on the calling thread alone. The
     * result is that of one thread in every case: the same snapshot, the
     * same rejects in the same order, the same error and detail. When
     * the second thread cannot be started, the calling thread does all
     * the work. The second thread allocates too: an allocator set with
     * jbw_set_allocator() is then called from both threads at once. It
     * blocks every signal, so signals still go to the caller's threads,
     * and it has ended when the load returns.
     */
    unsigned int threads;
} jbw_load_options;

/* The default limits: 256 MiB a file, 64 KiB a line. */
#define JBW_LOAD_MAX_FILE_BYTES_DEFAULT 268435456
#define JBW_LOAD_MAX_LINE_BYTES_DEFAULT 65536

/* The most `threads` a load accepts, and the smallest measures text (256
 * KiB) a load with threads reads on a thread of its own. */
#define JBW_LOAD_THREADS_MAX       256
#define JBW_LOAD_THREADS_MIN_BYTES 262144

/* Versions 1 (without the limits) and 2 (without threads) are still
 * accepted, with the defaults for what they lack. */
#define JBW_LOAD_OPTIONS_VERSION 3
#define JBW_LOAD_OPTIONS_INIT                                                  \
    {                                                                          \
        JBW_LOAD_OPTIONS_VERSION, 0, 0, JBW_DATE_NONE, 0, 0, 1                 \
    }

/*
 * Sets the defaults for `version` (1, 2 or 3: a caller built against
 * version 1 passes 1 and a version-1 record). Errors: JBW_EINVAL,
 * JBW_EVERSION.
 */
JBW_API jbw_status jbw_load_options_init(jbw_load_options *opts,
                                         unsigned int version);

/* The rows a lenient load rejected (opaque). */
typedef struct jbw_rejects jbw_rejects;

/* Number of rejected rows; 0 for NULL. */
JBW_API size_t jbw_rejects_count(const jbw_rejects *rejects);

/*
 * The index-th rejected row: the file name as given, its line number
 * (1 = header line) and the reason (same text a strict load would give).
 * Strings are borrowed from `rejects`. Any output may be NULL.
 * Errors: JBW_EINVAL, JBW_ERANGE.
 */
JBW_API jbw_status jbw_rejects_get(const char **file, size_t *line,
                                   const char **reason,
                                   const jbw_rejects *rejects, size_t index);

/* Frees a rejects list; NULL is accepted. */
JBW_API void jbw_rejects_free(jbw_rejects *rejects);

/*
 * Loads a snapshot from measures.csv and workers.csv held in memory.
 * `measures_name` and `workers_name` name the sources in messages (NULL:
 * "measures.csv", "workers.csv"). `registry` is copied into the snapshot.
 * `opts` may be NULL for the defaults. `rejects` may be NULL in strict
 * mode only: a lenient load with `rejects` NULL fails with JBW_EINVAL
 * ("a lenient load needs a rejects list: ...") before anything is read,
 * as its rejected rows would otherwise be dropped silently. On success,
 * in lenient mode *rejects receives the list of rejected rows (possibly
 * empty), which the caller frees with jbw_rejects_free(); in strict mode
 * *rejects is set to NULL when `rejects` is not NULL. On failure (any
 * mode) *out and *rejects are left untouched. A measure rejected because
 * its worker row was rejected says so. Text errors (a quote never closed,
 * invalid UTF-8, a NUL byte), header errors and the limits fail the load
 * in lenient mode too (docs/formats.md). Ids over JBW_ID_MAX bytes are
 * refused (naming the line and column).
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_EPARSE (malformed CSV, a bad
 * value, a missing or unknown column, UTF-16 or UTF-32), JBW_EDUPLICATE,
 * JBW_ENOTFOUND, JBW_ERANGE (a value out of range, a text or line past
 * the limits of `opts`, an id too long), JBW_ENOMEM. In strict mode any
 * bad row fails the load.
 */
JBW_API jbw_status jbw_snapshot_load_csv_buffers(
    jbw_snapshot **out, jbw_rejects **rejects, const jbw_registry *registry,
    const char *measures, size_t measures_len, const char *measures_name,
    const char *workers, size_t workers_len, const char *workers_name,
    const jbw_load_options *opts);

/*
 * As jbw_snapshot_load_csv_buffers(), reading the two files (workers
 * first) in chunks, each checked as it arrives: a file larger than
 * max_file_bytes is refused from its size before it is read, and an
 * endless input (a pipe, /dev/zero) stops at the first NUL byte, the
 * first line past max_line_bytes or max_file_bytes, whichever comes
 * first. Messages name the paths. Additional error: JBW_EIO (a file
 * cannot be read; a directory: "Is a directory").
 */
JBW_API jbw_status jbw_snapshot_load_csv(jbw_snapshot **out,
                                         jbw_rejects **rejects,
                                         const jbw_registry *registry,
                                         const char *measures_path,
                                         const char *workers_path,
                                         const jbw_load_options *opts);

/*
 * Writes the snapshot's measures / workers as CSV (',' delimiter, LF,
 * ISO dates, header line first, insertion order). *out receives a
 * NUL-terminated string (free with jbw_free()), *len its length (len may
 * be NULL). Errors: JBW_EINVAL, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_snapshot_measures_csv(char **out, size_t *len,
                                             const jbw_snapshot *snap);
JBW_API jbw_status jbw_snapshot_workers_csv(char **out, size_t *len,
                                            const jbw_snapshot *snap);

/*
 * Loads a registry from registry.csv text (columns type, key, name,
 * cbs_code, region; see docs/formats.md). Always strict.
 * Errors: JBW_EINVAL, JBW_EPARSE, JBW_EDUPLICATE, JBW_ENOTFOUND,
 * JBW_ENOMEM.
 */
JBW_API jbw_status jbw_registry_load_csv_buffer(jbw_registry **out,
                                                const char *text, size_t len,
                                                const char *name);

/*
 * As above, from a file, within the default limits (see
 * jbw_load_options). Additional errors: JBW_EIO, JBW_ERANGE (limits).
 */
JBW_API jbw_status jbw_registry_load_csv(jbw_registry **out, const char *path);

/*
 * Writes a registry as JSON: {"regions": [{"key", "name", "cbs_code",
 * "municipalities": [names]}...], "organisations": [{"key", "name",
 * "regions": [keys]}...]}, in the registry's order. The caller frees *out
 * with jbw_free(); `len` may be NULL. Errors: JBW_EINVAL, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_registry_json(char **out, size_t *len,
                                     const jbw_registry *reg);
/*
 * Writes a registry as text for people: one line per region (key, name,
 * the number of municipalities and their names), one per organisation
 * (the regions it serves), and a line of counts. Ownership and errors as
 * jbw_registry_json().
 */
JBW_API jbw_status jbw_registry_text(char **out, size_t *len,
                                     const jbw_registry *reg);

/*
 * As jbw_registry_load_csv(), with the limits max_file_bytes and
 * max_line_bytes of `opts` (NULL: the defaults; version 1, 2 or 3).
 * The other fields do not apply: a registry load is always strict, and a
 * column the format does not know is refused. Errors as
 * jbw_registry_load_csv(), and JBW_EVERSION.
 */
JBW_API jbw_status jbw_registry_load_csv_opts(jbw_registry **out,
                                              const char *path,
                                              const jbw_load_options *opts);

/* Writes a registry as registry.csv text. Errors: JBW_EINVAL, JBW_ENOMEM. */
JBW_API jbw_status jbw_registry_csv(char **out, size_t *len,
                                    const jbw_registry *reg);

/*
 * Reads a whole file into a library-allocated, NUL-terminated buffer
 * (free with jbw_free()). Errors: JBW_EINVAL, JBW_EIO (the detail names
 * the path and the system's reason), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_read_file(char **out, size_t *len, const char *path);

/*
 * Writes `len` bytes to a file, replacing it: the data goes to a temporary
 * file beside it that is renamed into place, so a failed write leaves the
 * old file as it was. Errors: JBW_EINVAL, JBW_EIO.
 */
JBW_API jbw_status jbw_write_file(const char *path, const char *data,
                                  size_t len);

#ifdef __cplusplus
}
#endif

#endif /* JBW_IO_H */
