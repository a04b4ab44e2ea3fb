/*
 * Ids crafted to collide in the id hash of libjbw 0.1, which had no key:
 * 16 printable bytes whose first 8 are drawn at random and whose last 8
 * are solved so that the hash's state before its finaliser is one
 * constant, so every such id has the same 64-bit hash. Shared by
 * tests/bench/bench_hash.c (load times) and the hash's unit test. The
 * ids are SYNTHETIC.
 */
#ifndef JBW_CRAFTED_IDS_H
#define JBW_CRAFTED_IDS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CRAFTED_ID_LEN 16

static inline uint64_t crafted_load64(const char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v; /* little-endian hosts, as the 0.1 function read them */
}

/* The state after the first of the two 8-byte steps of the 0.1 hash for a
 * 16-byte key; the second step xors the last 8 bytes into it. */
static inline uint64_t crafted_first_step(const char *s)
{
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = (uint64_t)CRAFTED_ID_LEN * 0xC2B2AE3D27D4EB4FULL;
    h = (h ^ crafted_load64(s)) * k;
    h ^= h >> 29;
    return h;
}

/* The whole 0.1 hash of a 16-byte key (to check the crafted ids). */
static inline uint64_t crafted_unkeyed_hash(const char *s)
{
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = crafted_first_step(s);
    h = (h ^ crafted_load64(s + 8)) * k;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

/* Bytes an unquoted CSV id may hold: printable ASCII without space,
 * quote, ',' and ';'. */
static inline int crafted_id_byte(unsigned char b)
{
    return b > 0x20 && b < 0x7F && b != '"' && b != ',' && b != ';';
}

/* splitmix64 */
static inline uint64_t crafted_rng(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* n id bytes at s, drawn from the id bytes (16 random bits a byte: the
 * modulo bias is below 0.2%). */
static inline void crafted_random_bytes(char *s, size_t n, uint64_t *rng)
{
    unsigned char set[128];
    unsigned count = 0, b;
    size_t i;
    uint64_t r = 0;
    for (b = 0; b < 128; b++)
        if (crafted_id_byte((unsigned char)b))
            set[count++] = (unsigned char)b;
    for (i = 0; i < n; i++) {
        if (i % 4 == 0)
            r = crafted_rng(rng);
        s[i] = (char)set[(r & 0xFFFF) % count];
        r >>= 16;
    }
}

/* n ids of CRAFTED_ID_LEN bytes (not NUL-terminated, back to back) that
 * share one 0.1 hash; NULL when out of memory. Free with free(). */
static inline char *crafted_ids(size_t n, uint64_t *rng)
{
    const uint64_t target = 0x4A4A4A4A4A4A4A4AULL; /* "JJJJJJJJ" */
    char *ids = malloc(n * CRAFTED_ID_LEN);
    size_t i = 0;
    if (!ids)
        return NULL;
    while (i < n) {
        char *s = ids + i * CRAFTED_ID_LEN;
        uint64_t w;
        int j, ok = 1;
        crafted_random_bytes(s, 8, rng);
        w = crafted_first_step(s) ^ target;
        for (j = 0; j < 8 && ok; j++)
            ok = crafted_id_byte((unsigned char)(w >> (8 * j)));
        if (!ok)
            continue;
        memcpy(s + 8, &w, 8);
        i++;
    }
    return ids;
}

#endif /* JBW_CRAFTED_IDS_H */
