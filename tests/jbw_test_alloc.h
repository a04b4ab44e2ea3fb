/*
 * A measuring allocator for tests (install it with jbw_set_allocator(
 * m_malloc, m_realloc, m_free, NULL)): it counts the bytes held
 * (live_bytes) and the most held at once (peak_bytes), and refuses to hold
 * more than JBW_TEST_ALLOC_CAP bytes (define it before including this
 * header; default: no cap). Each block keeps its size in a 16-byte header.
 * Static: each test program that includes it has its own counters.
 */
#ifndef JBW_TEST_ALLOC_H
#define JBW_TEST_ALLOC_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef JBW_TEST_ALLOC_CAP
#define JBW_TEST_ALLOC_CAP SIZE_MAX
#endif
#define JBW_TEST_ALLOC_HEADER 16 /* keeps the blocks 16-byte aligned */

static size_t live_bytes, peak_bytes;

static void *m_malloc(size_t size, void *user)
{
    unsigned char *p;
    (void)user;
    if (size > (size_t)JBW_TEST_ALLOC_CAP - live_bytes ||
        size > SIZE_MAX - JBW_TEST_ALLOC_HEADER)
        return NULL;
    p = malloc(size + JBW_TEST_ALLOC_HEADER);
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof size);
    live_bytes += size;
    if (live_bytes > peak_bytes)
        peak_bytes = live_bytes;
    return p + JBW_TEST_ALLOC_HEADER;
}

static void m_free(void *ptr, void *user)
{
    size_t size;
    (void)user;
    if (!ptr)
        return;
    memcpy(&size, (unsigned char *)ptr - JBW_TEST_ALLOC_HEADER, sizeof size);
    live_bytes -= size;
    free((unsigned char *)ptr - JBW_TEST_ALLOC_HEADER);
}

static void *m_realloc(void *ptr, size_t size, void *user)
{
    size_t old;
    unsigned char *p;
    if (!ptr)
        return m_malloc(size, user);
    memcpy(&old, (unsigned char *)ptr - JBW_TEST_ALLOC_HEADER, sizeof old);
    if ((size > old && size - old > (size_t)JBW_TEST_ALLOC_CAP - live_bytes) ||
        size > SIZE_MAX - JBW_TEST_ALLOC_HEADER)
        return NULL;
    p = realloc((unsigned char *)ptr - JBW_TEST_ALLOC_HEADER,
                size + JBW_TEST_ALLOC_HEADER);
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof size);
    live_bytes = live_bytes - old + size;
    if (live_bytes > peak_bytes)
        peak_bytes = live_bytes;
    return p + JBW_TEST_ALLOC_HEADER;
}

#endif
