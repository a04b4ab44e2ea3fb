/*
 * libjbw - common definitions: export macro, status codes, errors,
 * allocator hooks and version.
 *
 * Every fallible function in libjbw returns a jbw_status: JBW_OK (0) on
 * success, a negative code on failure. On failure the function leaves its
 * outputs untouched (unless its documentation says what it writes, as
 * the batch and example-series functions do), frees what it allocated,
 * and records a detail message that jbw_last_error() returns on the same
 * thread.
 *
 * Threads. The library takes no locks and shares nothing mutable between
 * calls: its only process-wide state is the allocator, which
 * jbw_set_allocator() sets before any other call, and the key of its id
 * hash, drawn once on first use (safely from any thread). A function
 * that takes a handle (registry, calendar, norm, waiting-risk model,
 * snapshot, rejects, caseload, triage, allocation, series, scenario,
 * forecast, calibration, backtest, brief) as a const pointer only reads
 * it, and keeps nothing in it for later: any number of threads may call
 * such functions on one handle at once. A function that takes a handle
 * as a non-const pointer (jbw_snapshot_add_measure(), jbw_norm_set_unit(),
 * jbw_snapshot_free(), ...) changes it: no other call may use that handle
 * meanwhile, and no handle is meant to be changed by several threads. A
 * result that borrows a handle (a caseload, triage or allocation borrows
 * its snapshot) reads it too. The error detail of jbw_last_error() is
 * kept per thread. docs/abi.md, "Threads".
 */
#ifndef JBW_COMMON_H
#define JBW_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "jbw/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * JBW_API marks exported functions. Static builds define JBW_STATIC (the
 * CMake target does this for its users); the shared build defines
 * JBW_BUILDING while compiling the library itself.
 */
#if defined(JBW_STATIC)
#define JBW_API
#elif defined(_WIN32) || defined(__CYGWIN__)
#if defined(JBW_BUILDING)
#define JBW_API __declspec(dllexport)
#else
#define JBW_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define JBW_API __attribute__((visibility("default")))
#else
#define JBW_API
#endif

/*
 * Status codes. The values are part of the ABI: they are never renumbered,
 * new codes are appended below the last one.
 */
typedef enum jbw_status {
    JBW_OK = 0,
    JBW_EINVAL = -1,     /* invalid argument (NULL, NaN, out of domain) */
    JBW_ENOMEM = -2,     /* an allocation failed */
    JBW_ERANGE = -3,     /* a value lies outside the supported range */
    JBW_EPARSE = -4,     /* text could not be parsed */
    JBW_ENOTFOUND = -5,  /* a key, id or file does not exist */
    JBW_EDUPLICATE = -6, /* an id or key occurs twice */
    JBW_EVERSION = -7,   /* a struct or file version is not supported */
    JBW_EIO = -8,        /* reading or writing a file failed */
    JBW_EPROTECTED = -9, /* a model names a protected attribute */
    JBW_EBUFFER = -10,   /* a caller-provided buffer is too small */
    JBW_ECANCELED = -11  /* a progress callback asked to stop */
} jbw_status;

/*
 * Returns a static, human-readable English description of a status code
 * ("invalid argument"). Unknown codes give "unknown error". Never NULL.
 */
JBW_API const char *jbw_strerror(int status);

/*
 * Returns this thread's error detail. A libjbw call that fails sets it to
 * the failure's message, for example "measures.csv line 14, column
 * 'start': not a date, February 2025 has 28 days: '31-02-2025'". A call
 * that succeeds may clear it to "" (most functions that return a
 * jbw_status do) or leave it as it was (some writers, and the functions
 * that return no status), so it describes a failure only when read right
 * after the call that returned that failure's status; it is not a way to
 * learn whether a call failed. "" before the first failure on the thread
 * and after jbw_clear_error(). The string is owned by the library and
 * valid until the next call on the same thread of a libjbw function that
 * returns a jbw_status, or of jbw_clear_error(); jbw_strerror() and the
 * other functions that return no status leave it, so
 * printf("%s: %s", jbw_strerror(st), jbw_last_error()) is safe. Never
 * NULL.
 */
JBW_API const char *jbw_last_error(void);

/* Clears this thread's last error detail. */
JBW_API void jbw_clear_error(void);

/*
 * Allocator hooks. malloc_fn and realloc_fn return NULL on failure; free_fn
 * accepts NULL. `user` is passed to each call unchanged.
 */
typedef void *(*jbw_malloc_fn)(size_t size, void *user);
typedef void *(*jbw_realloc_fn)(void *ptr, size_t size, void *user);
typedef void (*jbw_free_fn)(void *ptr, void *user);

/*
 * Replaces the allocator used for every allocation the library makes.
 * Call it before any other libjbw function, and not while another thread
 * uses the library: memory allocated with one allocator must be freed with
 * the same one. Passing three NULL functions restores the C library's
 * malloc/realloc/free.
 *
 * Returns JBW_EINVAL when some but not all of the functions are NULL.
 */
JBW_API jbw_status jbw_set_allocator(jbw_malloc_fn malloc_fn,
                                     jbw_realloc_fn realloc_fn,
                                     jbw_free_fn free_fn, void *user);

/*
 * Frees a string or buffer the library allocated and handed to the caller
 * (the writers' output, for instance). NULL is accepted.
 */
JBW_API void jbw_free(void *ptr);

/* The language of the writers' text for people: Dutch (the default of
 * every writer that takes one) or English. (Declared in jbw/waitrisk.h
 * before libjbw 0.2; that header includes this one.) */
typedef enum jbw_lang { JBW_LANG_NL = 0, JBW_LANG_EN = 1 } jbw_lang;

/* The library's version as "MAJOR.MINOR.PATCH". Static, never NULL. */
JBW_API const char *jbw_version(void);

/*
 * The library's version as MAJOR * 10000 + MINOR * 100 + PATCH, to compare
 * with JBW_VERSION_NUMBER from the headers a program was built against.
 */
JBW_API int jbw_version_number(void);

/*
 * The ABI major version (the shared library's SOVERSION). A program or
 * binding built for one ABI major works with any library of that major.
 */
JBW_API int jbw_abi_major(void);

#ifdef __cplusplus
}
#endif

#endif /* JBW_COMMON_H */
