/*
 * libjbw internal: growing several parallel arrays that share one
 * capacity (the struct-of-arrays layouts of registry and snapshot).
 */
#ifndef JBW_REGISTRY_INTERNAL_H
#define JBW_REGISTRY_INTERNAL_H

#include "jbw_internal.h"

/*
 * Grows the n arrays arrays[0..n) (element sizes elems[0..n)) so that
 * each holds at least `need` elements, doubling *capacity (at least 8).
 * The caller copies its pointers into arrays[] and must copy them back
 * whatever the result: on failure some arrays may already have moved
 * (to a larger block; the contents are kept). *capacity changes only on
 * success. Returns 0, or -1 when out of memory.
 */
int jbw__grow_parallel(void **arrays, const size_t *elems, size_t n,
                       size_t *capacity, size_t need);

#endif /* JBW_REGISTRY_INTERNAL_H */
