/*
 * A counting allocator for the reliability tests, installed with
 * jbw_set_allocator(): it counts the allocation calls (malloc and realloc)
 * and the live blocks, and can be armed to fail the Nth allocation call
 * from now on: only that one (later calls succeed again), or, sticky,
 * that one and every later one (memory stays exhausted, so the cleanup
 * after the failure gets no memory either).
 */
#ifndef JBW_REL_ALLOC_H
#define JBW_REL_ALLOC_H

#include <stdlib.h>

#include "jbw.h"

typedef struct rel_alloc {
    long calls;   /* allocation calls since rel_alloc_arm() */
    long fail_at; /* 1-based call to fail; 0: none */
    int sticky;   /* fail every call from fail_at on */
    int failed;   /* the armed failure happened */
    long live;    /* blocks allocated and not yet freed */
} rel_alloc;

static rel_alloc rel_state;

static int rel_should_fail(void)
{
    rel_state.calls++;
    if (rel_state.fail_at &&
        (rel_state.calls == rel_state.fail_at ||
         (rel_state.sticky && rel_state.calls > rel_state.fail_at))) {
        rel_state.failed = 1;
        return 1;
    }
    return 0;
}

static void *rel_malloc(size_t size, void *user)
{
    void *p;
    (void)user;
    if (rel_should_fail())
        return NULL;
    p = malloc(size);
    if (p)
        rel_state.live++;
    return p;
}

static void *rel_realloc(void *ptr, size_t size, void *user)
{
    void *p;
    (void)user;
    if (rel_should_fail())
        return NULL;
    p = realloc(ptr, size);
    if (p && !ptr)
        rel_state.live++;
    return p;
}

static void rel_free(void *ptr, void *user)
{
    (void)user;
    if (ptr)
        rel_state.live--;
    free(ptr);
}

static void rel_alloc_install(void)
{
    jbw_set_allocator(rel_malloc, rel_realloc, rel_free, NULL);
}

/* Fails the nth allocation call from now (0: count only); sticky: and
 * every later one. */
static void rel_alloc_arm_mode(long nth, int sticky)
{
    rel_state.calls = 0;
    rel_state.fail_at = nth;
    rel_state.sticky = sticky;
    rel_state.failed = 0;
}

static void rel_alloc_arm(long nth)
{
    rel_alloc_arm_mode(nth, 0);
}

static void rel_alloc_disarm(void)
{
    rel_state.fail_at = 0;
}

#endif /* JBW_REL_ALLOC_H */
