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
static void io_strerror(char *buf, size_t size, int err)
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
static void io_path(char *dst, size_t size, const char *path)
{
    jbw__csv_quote(dst, size, path, strlen(path));
}

static jbw_status io_file_error(const char *what, const char *path, int err)
{
    char reason[128], shown[200];
    io_strerror(reason, sizeof reason, err);
    io_path(shown, sizeof shown, path);
    return jbw__error(JBW_EIO, "%s '%s': %s", what, shown, reason);
}

/* Reads f to its end into a NUL-terminated buffer; `hint` is its size. */
static jbw_status io_read_all(char **out, size_t *len, FILE *f, size_t hint,
                              const char *path)
{
    /* Two spare bytes: the NUL, and room for the read that sees EOF. */
    size_t cap = 0, n = 0, need = hint < SIZE_MAX - 2 ? hint + 2 : 4096;
    void *data = NULL;
    if (need < 4096)
        need = 4096;
    for (;;) {
        size_t got;
        if (n + 2 > cap &&
            jbw__grow(&data, &cap, n + 2 > need ? n + 2 : need, 1) != 0) {
            jbw__free(data);
            return jbw__enomem();
        }
        got = fread((char *)data + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int err = errno;
                jbw__free(data);
                return io_file_error("cannot read", path, err ? err : EIO);
            }
            break;
        }
    }
    ((char *)data)[n] = '\0';
    *out = data;
    if (len)
        *len = n;
    return JBW_OK;
}

jbw_status jbw_read_file(char **out, size_t *len, const char *path)
{
    struct stat sb;
    size_t hint = 0;
    FILE *f;
    jbw_status st;
    if (!out || !path)
        return jbw__error(JBW_EINVAL,
                          "jbw_read_file: out and path must not be NULL");
    f = fopen(path, "rb");
    if (!f)
        return io_file_error("cannot open", path, errno);
    if (fstat(fileno(f), &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) {
            fclose(f);
            return io_file_error("cannot read", path, EISDIR);
        }
        if (S_ISREG(sb.st_mode) && sb.st_size > 0 &&
            (unsigned long long)sb.st_size < (unsigned long long)SIZE_MAX / 2)
            hint = (size_t)sb.st_size;
    }
    st = io_read_all(out, len, f, hint, path);
    fclose(f);
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
static int io_replace(const char *tmp, const char *path)
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
static FILE *io_create_temp(char *tmp, size_t size, const char *path)
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
static void io_keep_mode(FILE *f, const char *path)
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
    f = io_create_temp(tmp, tmp_size, path);
    if (!f) {
        err = errno;
        jbw__free(tmp);
        return io_file_error("cannot create a temporary file beside", path,
                             err);
    }
    io_keep_mode(f, path);
    if ((len && fwrite(data, 1, len, f) != len) || fflush(f) != 0 ||
        io_fsync(io_fileno(f)) != 0)
        err = errno ? errno : EIO;
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    if (!err && io_replace(tmp, path) != 0)
        err = errno ? errno : EIO;
    if (err) {
        remove(tmp);
        jbw__free(tmp);
        return io_file_error("cannot write", path, err);
    }
    jbw__free(tmp);
    return jbw__ok();
}
