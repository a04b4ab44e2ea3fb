/*
 * libjbw - whole-file reading (jbw_read_file) and atomic writing through
 * a temporary file and rename (jbw_write_file).
 */
#include "io/csv.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <sys/stat.h>

#if defined(_WIN32)
#include <io.h>
#include <process.h>
#include <windows.h>
#else
#include <unistd.h>
#endif

/* ====================================================================== */
/* Files                                                                   */
/* ====================================================================== */

/* The system's reason for errno `err`, reentrantly. */
static void error_text(char *buf, size_t size, int err)
{
#if defined(_WIN32)
    if (strerror_s(buf, size, err) != 0)
        snprintf(buf, size, "error %d", err);
#else
    if (strerror_r(err, buf, size) != 0)
        snprintf(buf, size, "error %d", err);
#endif
}

/* A path shortened for a message. */
static void short_path(char *dst, size_t size, const char *path)
{
    jbw__csv_quote(dst, size, path, strlen(path));
}

static jbw_status file_error(const char *what, const char *path, int err)
{
    char reason[128], shown[200];
    error_text(reason, sizeof reason, err);
    short_path(shown, sizeof shown, path);
    return jbw__error(JBW_EIO, "%s '%s': %s", what, shown, reason);
}

size_t jbw__io_chunk = (size_t)1 << 20; /* csv.h */
/* The first buffer of a file whose size is not known (a pipe, a device). */
#define IO_FIRST ((size_t)64 << 10)

/*
 * Grows the buffer of a read that holds n bytes: to the file's size (plus
 * the NUL and one byte that shows the end) when known, else doubling, and
 * never past what the limit can hold (max_bytes + 2).
 */
static int grow_text(char **data, size_t *cap, size_t n, size_t hint,
                     size_t max_bytes)
{
    size_t want = *cap ? *cap * 2 : (hint ? hint + 2 : IO_FIRST), top;
    char *p;
    if (*cap && want / 2 != *cap)
        want = SIZE_MAX;
    top = max_bytes < SIZE_MAX - 2 ? max_bytes + 2 : SIZE_MAX;
    if (want > top)
        want = top;
    if (want < n + 2)
        want = n + 2;
    p = jbw__realloc(*data, want);
    if (!p)
        return -1;
    *data = p;
    *cap = want;
    return 0;
}

/* The checks before the first byte: a directory, or a regular file
 * already larger than the limit. *hint receives a regular file's size. */
static jbw_status check_file(FILE *f, const char *path, const char *shown,
                             const jbw__text_limits *lim, size_t *hint)
{
    struct stat sb;
    *hint = 0;
    if (fstat(fileno(f), &sb) != 0)
        return JBW_OK;
    if (S_ISDIR(sb.st_mode))
        return file_error("cannot read", path, EISDIR);
    if (!S_ISREG(sb.st_mode) || sb.st_size <= 0)
        return JBW_OK;
    if ((unsigned long long)sb.st_size > lim->max_bytes)
        return jbw__text_size_refused(shown, (unsigned long long)sb.st_size,
                                      lim);
    *hint = (size_t)sb.st_size;
    return JBW_OK;
}

jbw_status jbw__io_check_exists(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return file_error("cannot open", path, errno);
    return JBW_OK;
}

jbw_status jbw__text_file_open(jbw__text_file *tf, const char *path,
                               const jbw__text_limits *lim, int refuse_nul)
{
    jbw_status st;
    memset(tf, 0, sizeof *tf);
    tf->path = path;
    short_path(tf->shown, sizeof tf->shown, path);
    tf->f = fopen(path, "rb");
    if (!tf->f)
        return file_error("cannot open", path, errno);
    st = check_file(tf->f, path, tf->shown, lim, &tf->size);
    if (st != JBW_OK) {
        jbw__text_file_close(tf);
        return st;
    }
    jbw__text_scan_init(&tf->sc, lim, tf->shown, refuse_nul);
    return JBW_OK;
}

jbw_status jbw__text_file_read(jbw__text_file *tf, char *dst, size_t want,
                               size_t *got)
{
    size_t n = fread(dst, 1, want, tf->f);
    *got = n;
    if (n == 0) {
        if (ferror(tf->f)) {
            int err = errno;
            return file_error("cannot read", tf->path, err ? err : EIO);
        }
        return JBW_OK;
    }
    return jbw__text_scan_chunk(&tf->sc, dst, n);
}

void jbw__text_file_close(jbw__text_file *tf)
{
    if (tf->f)
        fclose(tf->f);
    tf->f = NULL;
}

jbw_status jbw__read_text(char **out, size_t *len, const char *path,
                          const jbw__text_limits *lim, int refuse_nul)
{
    char *data = NULL;
    size_t cap = 0, n = 0;
    jbw__text_file tf;
    jbw_status st = jbw__text_file_open(&tf, path, lim, refuse_nul);
    if (st != JBW_OK)
        return st;
    for (;;) {
        size_t want, got;
        if (cap - n < 2 &&
            grow_text(&data, &cap, n, tf.size, lim->max_bytes) != 0) {
            st = jbw__enomem();
            break;
        }
        want = cap - n - 1 < jbw__io_chunk ? cap - n - 1 : jbw__io_chunk;
        if (n == 0 && want < 4 && cap - n - 1 >= 4)
            want = 4; /* the first chunk shows a byte-order mark whole */
        st = jbw__text_file_read(&tf, data + n, want, &got);
        n += got;
        if (st != JBW_OK || got == 0)
            break;
    }
    jbw__text_file_close(&tf);
    if (st != JBW_OK) {
        jbw__free(data);
        return st;
    }
    data[n] = '\0';
    *out = data;
    if (len)
        *len = n;
    return JBW_OK;
}

jbw_status jbw_read_file(char **out, size_t *len, const char *path)
{
    static const jbw__text_limits none = {SIZE_MAX, SIZE_MAX, 0};
    jbw_status st;
    if (!out || !path)
        return jbw__error(JBW_EINVAL,
                          "jbw_read_file: out and path must not be NULL");
    st = jbw__read_text(out, len, path, &none, 0);
    return st == JBW_OK ? jbw__ok() : st;
}

#if defined(_WIN32)
#define io_getpid()  ((long)_getpid())
#define io_fsync(fd) _commit(fd)
#define io_fileno(f) _fileno(f)
#else
#define io_getpid()  ((long)getpid())
#define io_fsync(fd) fsync(fd)
#define io_fileno(f) fileno(f)
#endif

/* Moves the finished temporary file over the target. */
static int replace_file(const char *tmp, const char *path)
{
#if defined(_WIN32)
    if (MoveFileExA(tmp, path,
                    MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return 0;
    errno = EACCES;
    return -1;
#else
    return rename(tmp, path);
#endif
}

/*
 * Creates a new temporary file beside `path`. The name holds the process
 * id and a counter; "x" (exclusive create) makes a name in use by another
 * writer fail, and the next counter is tried.
 */
static FILE *create_temp(char *tmp, size_t size, const char *path)
{
    int attempt;
    FILE *f = NULL;
    for (attempt = 0; attempt < 100 && !f; attempt++) {
        snprintf(tmp, size, "%s.%ld.%d.tmp", path, io_getpid(), attempt);
        f = fopen(tmp, "wbx");
        if (!f && errno != EEXIST)
            break;
    }
    return f;
}

/* Gives the new file the mode of the one it replaces. */
static void keep_mode(FILE *f, const char *path)
{
#if defined(_WIN32)
    (void)f;
    (void)path;
#else
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
        (void)fchmod(fileno(f), sb.st_mode & 07777);
#endif
}

jbw_status jbw_write_file(const char *path, const char *data, size_t len)
{
    size_t tmp_size;
    char *tmp;
    FILE *f;
    int err = 0;
    if (!path || (!data && len))
        return jbw__error(JBW_EINVAL,
                          "jbw_write_file: path and data must not be NULL");
    if (!*path)
        return jbw__error(JBW_EINVAL, "jbw_write_file: the path is empty");
    tmp_size = strlen(path) + 48;
    tmp = jbw__malloc(tmp_size);
    if (!tmp)
        return jbw__enomem();
    f = create_temp(tmp, tmp_size, path);
    if (!f) {
        err = errno;
        jbw__free(tmp);
        return file_error("cannot create a temporary file beside", path, err);
    }
    keep_mode(f, path);
    if ((len && fwrite(data, 1, len, f) != len) || fflush(f) != 0 ||
        io_fsync(io_fileno(f)) != 0)
        err = errno ? errno : EIO;
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    if (!err && replace_file(tmp, path) != 0)
        err = errno ? errno : EIO;
    if (err) {
        remove(tmp);
        jbw__free(tmp);
        return file_error("cannot write", path, err);
    }
    jbw__free(tmp);
    return jbw__ok();
}
