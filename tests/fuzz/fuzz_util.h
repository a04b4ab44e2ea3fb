/*
 * Helpers shared by the fuzz harnesses. A harness checks the library's
 * contract on every input (documented status codes, outputs untouched on
 * failure, a detail message, round trips) and aborts when it is broken, so
 * that libFuzzer and the standalone replay driver both report the input.
 */
#ifndef JBW_FUZZ_UTIL_H
#define JBW_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jbw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, ...)                                                  \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n  ", __FILE__, __LINE__, \
                    #cond);                                                    \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n  last error: %s\n", jbw_last_error());         \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* A status that a parser may legitimately return for bad input. */
static inline int fuzz_is_input_error(jbw_status st)
{
    return st == JBW_EPARSE || st == JBW_ERANGE || st == JBW_EINVAL ||
           st == JBW_ENOTFOUND || st == JBW_EDUPLICATE || st == JBW_EVERSION ||
           st == JBW_EPROTECTED;
}

/* Checks the common contract of a failed call: a known status and a
 * non-empty detail. */
#define FUZZ_CHECK_FAILURE(st, what)                                           \
    do {                                                                       \
        FUZZ_CHECK(fuzz_is_input_error(st), "%s returned %d (%s)", (what),     \
                   (int)(st), jbw_strerror(st));                               \
        FUZZ_CHECK(jbw_last_error()[0] != '\0',                                \
                   "%s failed with %d but left no detail", (what), (int)(st)); \
    } while (0)

/* An opaque, never-dereferenced pointer value to detect a failing call
 * that wrote its output anyway. */
#define FUZZ_SENTINEL ((void *)(uintptr_t)0x5A5A5A5Au)

/* Finds the first occurrence of `sep` (length n) in data[0..size); returns
 * its offset or size when absent. */
static inline size_t fuzz_find(const uint8_t *data, size_t size,
                               const char *sep, size_t n)
{
    size_t i;
    if (n == 0 || size < n)
        return size;
    for (i = 0; i + n <= size; i++)
        if (memcmp(data + i, sep, n) == 0)
            return i;
    return size;
}

/* Two library strings are byte-identical (lengths included). */
static inline int fuzz_same(const char *a, size_t alen, const char *b,
                            size_t blen)
{
    return alen == blen && memcmp(a, b, alen) == 0;
}

/* Prints both texts and aborts: a round trip changed the data. */
static inline void fuzz_diff_abort(const char *what, const char *a, size_t alen,
                                   const char *b, size_t blen)
{
    size_t i = 0;
    while (i < alen && i < blen && a[i] == b[i])
        i++;
    fprintf(stderr,
            "round trip of %s changed the text at byte %zu\n"
            "--- first (%zu bytes) ---\n%.*s\n--- second (%zu bytes) ---\n"
            "%.*s\n",
            what, i, alen, (int)alen, a, blen, (int)blen, b);
    abort();
}

#endif /* JBW_FUZZ_UTIL_H */
