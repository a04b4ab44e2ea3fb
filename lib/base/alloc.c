/*
 * libjbw - the allocator hooks and the internal allocation helpers:
 * overflow-checked calloc and reallocarray, strdup, and the growing of
 * one array or of the parallel arrays of a struct-of-arrays layout.
 */
#include "base/base_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- allocator ------------------------------------------------------- */

static void *default_malloc(size_t size, void *user)
{
    (void)user;
    return malloc(size);
}

static void *default_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    return realloc(ptr, size);
}

static void default_free(void *ptr, void *user)
{
    (void)user;
    free(ptr);
}

/* The one piece of global state: set before first use (see common.h). */
static struct {
    jbw_malloc_fn malloc_fn;
    jbw_realloc_fn realloc_fn;
    jbw_free_fn free_fn;
    void *user;
} allocator = {default_malloc, default_realloc, default_free, NULL};

jbw_status jbw_set_allocator(jbw_malloc_fn malloc_fn, jbw_realloc_fn realloc_fn,
                             jbw_free_fn free_fn, void *user)
{
    if (!malloc_fn && !realloc_fn && !free_fn) {
        allocator.malloc_fn = default_malloc;
        allocator.realloc_fn = default_realloc;
        allocator.free_fn = default_free;
        allocator.user = NULL;
        return jbw__ok();
    }
    if (!malloc_fn || !realloc_fn || !free_fn)
        return jbw__error(
            JBW_EINVAL, "jbw_set_allocator: give all three functions or none");
    allocator.malloc_fn = malloc_fn;
    allocator.realloc_fn = realloc_fn;
    allocator.free_fn = free_fn;
    allocator.user = user;
    return jbw__ok();
}

void *jbw__malloc(size_t size)
{
    return allocator.malloc_fn(size ? size : 1, allocator.user);
}

void *jbw__calloc(size_t count, size_t size)
{
    void *p;
    if (size && count > SIZE_MAX / size)
        return NULL;
    p = jbw__malloc(count * size);
    if (p)
        memset(p, 0, (count * size) != 0 ? count * size : 1);
    return p;
}

void *jbw__realloc(void *ptr, size_t size)
{
    if (!ptr)
        return jbw__malloc(size);
    return allocator.realloc_fn(ptr, size ? size : 1, allocator.user);
}

void *jbw__reallocarray(void *ptr, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    return jbw__realloc(ptr, count * size);
}

void jbw__free(void *ptr)
{
    if (ptr)
        allocator.free_fn(ptr, allocator.user);
}

void jbw_free(void *ptr)
{
    jbw__free(ptr);
}

char *jbw__strndup(const char *s, size_t n)
{
    char *p;
    if (!s)
        return NULL;
    p = jbw__malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *jbw__strdup(const char *s)
{
    return s ? jbw__strndup(s, strlen(s)) : NULL;
}

int jbw__grow_parallel(void **arrays, const size_t *elems, size_t n,
                       size_t *capacity, size_t need)
{
    size_t cap = *capacity, i;
    if (need <= cap)
        return 0;
    if (cap < 8)
        cap = 8;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    for (i = 0; i < n; i++) {
        void *p = jbw__reallocarray(arrays[i], cap, elems[i]);
        if (!p)
            return -1;
        arrays[i] = p;
    }
    *capacity = cap;
    return 0;
}

int jbw__grow(void **array, size_t *capacity, size_t need, size_t elem)
{
    return jbw__grow_parallel(array, &elem, 1, capacity, need);
}

int jbw__has_text(const char *s)
{
    if (!s)
        return 0;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 1;
    return 0;
}

int jbw__name_eq_n(const char *name, size_t n, const char *want)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char a = (unsigned char)name[i], b = (unsigned char)want[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (unsigned char)(b - 'A' + 'a');
        if (a != b || !b)
            return 0;
    }
    return want[n] == '\0';
}
