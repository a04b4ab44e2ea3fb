/*
 * libjbw - the string interning map (string -> dense index) that turns
 * ids into the integer indices the calculations run on, with its arena
 * for the keys.
 */
#include "base/base_internal.h"

#include <limits.h>
#include <string.h>

/* ---- string map ------------------------------------------------------ */

/* Unaligned little loads; memcpy compiles to a single move. */
static uint64_t load64(const char *s)
{
    uint64_t v;
    memcpy(&v, s, sizeof v);
    return v;
}

static uint64_t load32(const char *s)
{
    uint32_t v;
    memcpy(&v, s, sizeof v);
    return v;
}

/* jbw__hash() is the keyed hash of hashkey.c: its key is drawn once per
 * process, so ids written to collide cannot be computed offline. */

#define JBW__SLOT(h, index)                                                    \
    (((h)&0xFFFFFFFF00000000ULL) | (uint64_t)((index) + 1))
#define JBW__SLOT_INDEX(v) ((size_t)((v)&0xFFFFFFFFu) - 1)
/* A map holds at most 2^30 keys in at most 2^31 slots (half full at
 * most), so that a key's slot is set by the low half of its hash. */
#define JBW__KEYS_MAX  ((size_t)1 << 30)
#define JBW__SLOTS_MAX ((size_t)1 << 31)

/* s[0..n) equals the key of length n at k. Short ids (most are) are
 * compared a word at a time, with overlapping reads, and need no call. */
#if defined(__GNUC__) || defined(__clang__)
#define JBW__HOT_INLINE __attribute__((always_inline)) inline
#else
#define JBW__HOT_INLINE
#endif

static JBW__HOT_INLINE int same_key(const char *k, const char *s, size_t n)
{
    if (n > 16)
        return memcmp(k, s, n) == 0;
    if (n >= 8)
        return load64(k) == load64(s) && load64(k + n - 8) == load64(s + n - 8);
    if (n >= 4)
        return load32(k) == load32(s) && load32(k + n - 4) == load32(s + n - 4);
    return n == 0 ||
           (k[0] == s[0] && k[n / 2] == s[n / 2] && k[n - 1] == s[n - 1]);
}

long jbw__strmap_find_hashed(const jbw__strmap *m, const char *s, size_t n,
                             uint64_t h)
{
    size_t mask, i;
    uint64_t tag = h & 0xFFFFFFFF00000000ULL;
    if (!m->slot_count)
        return -1;
    mask = m->slot_count - 1;
    for (i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint64_t v = m->slots[i];
        size_t k;
        if (!v)
            return -1;
        if ((v & 0xFFFFFFFF00000000ULL) != tag)
            continue;
        k = JBW__SLOT_INDEX(v);
        if (m->lens[k] == n && same_key(m->keys[k], s, n))
            return (long)k;
    }
}

/* Maps this small (a registry's organisations or regions) are searched
 * key by key: cheaper than hashing the key. */
#define JBW__STRMAP_SCAN 8

long jbw__strmap_find(const jbw__strmap *m, const char *s, size_t n)
{
    if (m->count <= JBW__STRMAP_SCAN) {
        size_t k;
        for (k = 0; k < m->count; k++)
            if (m->lens[k] == n && same_key(m->keys[k], s, n))
                return (long)k;
        return -1;
    }
    return jbw__strmap_find_hashed(m, s, n, jbw__hash(s, n));
}

/* Moves every slot into a table of slot_count slots. A slot keeps the
 * high half of its key's hash and the key its low half, which is all a
 * table of at most 2^31 slots needs to place it. */
static int strmap_rehash(jbw__strmap *m, size_t slot_count)
{
    uint64_t *slots = jbw__calloc(slot_count, sizeof *slots);
    size_t i, mask = slot_count - 1;
    if (!slots)
        return -1;
    for (i = 0; i < m->slot_count; i++) {
        uint64_t v = m->slots[i];
        size_t j;
        if (!v)
            continue;
        j = (size_t)m->hashes[JBW__SLOT_INDEX(v)] & mask;
        while (slots[j])
            j = (j + 1) & mask;
        slots[j] = v;
    }
    jbw__free(m->slots);
    m->slots = slots;
    m->slot_count = slot_count;
    return 0;
}

#define JBW__ARENA_BLOCK 65536

/* Copies s[0..n) plus a NUL into the arena; NULL when out of memory. */
static char *strmap_store(jbw__strmap *m, const char *s, size_t n)
{
    char *p;
    if (!m->block_count || m->block_size - m->block_used < n + 1) {
        size_t size = n + 1 > JBW__ARENA_BLOCK ? n + 1 : JBW__ARENA_BLOCK;
        void *blocks = m->blocks;
        char *block;
        if (jbw__grow(&blocks, &m->block_cap, m->block_count + 1,
                      sizeof(char *)) != 0)
            return NULL;
        m->blocks = blocks;
        block = jbw__malloc(size);
        if (!block)
            return NULL;
        m->blocks[m->block_count++] = block;
        m->block_used = 0;
        m->block_size = size;
    }
    p = m->blocks[m->block_count - 1] + m->block_used;
    memcpy(p, s, n);
    p[n] = '\0';
    m->block_used += n + 1;
    return p;
}

/* Grows the per-key arrays together to hold `need` keys. */
static int strmap_reserve_keys(jbw__strmap *m, size_t need)
{
    void *a[3];
    static const size_t elems[3] = {sizeof(char *), sizeof(uint32_t),
                                    sizeof(uint32_t)};
    int rc;
    if (need <= m->key_cap)
        return 0;
    a[0] = m->keys;
    a[1] = m->lens;
    a[2] = m->hashes;
    rc = jbw__grow_parallel(a, elems, 3, &m->key_cap, need);
    m->keys = a[0];
    m->lens = a[1];
    m->hashes = a[2];
    return rc;
}

/* The slot count the map reaches when it holds `keys` keys: it starts
 * at 64 and doubles to stay at most half full. */
static size_t strmap_slots_for(size_t keys)
{
    size_t slots = 64;
    while (keys * 2 > slots) {
        if (slots > SIZE_MAX / 4 || slots >= JBW__SLOTS_MAX)
            return 0;
        slots *= 2;
    }
    return slots;
}

int jbw__strmap_reserve(jbw__strmap *m, size_t keys)
{
    size_t slots;
    if (!keys)
        return 0;
    if (keys > JBW__KEYS_MAX)
        return -1;
    slots = strmap_slots_for(keys);
    if (!slots)
        return -1;
    if (slots > m->slot_count && strmap_rehash(m, slots) != 0)
        return -1;
    return strmap_reserve_keys(m, keys);
}

jbw_status jbw__strmap_intern_hashed(jbw__strmap *m, const char *s, size_t n,
                                     uint64_t h, size_t *index, int *inserted)
{
    long found = jbw__strmap_find_hashed(m, s, n, h);
    size_t j, mask;
    char *copy;
    if (found >= 0) {
        *index = (size_t)found;
        if (inserted)
            *inserted = 0;
        return JBW_OK;
    }
    if (m->count >= JBW__KEYS_MAX || n >= UINT32_MAX)
        return jbw__error(JBW_ERANGE, "too many distinct keys");
    if ((m->count + 1) * 2 > m->slot_count &&
        strmap_rehash(m, m->slot_count ? m->slot_count * 2 : 64) != 0)
        return jbw__enomem();
    if (m->count + 1 > m->key_cap && strmap_reserve_keys(m, m->count + 1) != 0)
        return jbw__enomem();
    if (JBW__LIKELY(m->block_count && m->block_size - m->block_used > n)) {
        /* The usual case, inline: the key fits the current block. */
        copy = m->blocks[m->block_count - 1] + m->block_used;
        memcpy(copy, s, n);
        copy[n] = '\0';
        m->block_used += n + 1;
    } else if (!(copy = strmap_store(m, s, n))) {
        return jbw__enomem();
    }
    m->keys[m->count] = copy;
    m->lens[m->count] = (uint32_t)n;
    m->hashes[m->count] = (uint32_t)h;
    mask = m->slot_count - 1;
    j = (size_t)h & mask;
    while (m->slots[j])
        j = (j + 1) & mask;
    m->slots[j] = JBW__SLOT(h, m->count);
    *index = m->count++;
    if (inserted)
        *inserted = 1;
    return JBW_OK;
}

jbw_status jbw__strmap_intern(jbw__strmap *m, const char *s, size_t n,
                              size_t *index, int *inserted)
{
    return jbw__strmap_intern_hashed(m, s, n, jbw__hash(s, n), index, inserted);
}

void jbw__strmap_pop(jbw__strmap *m)
{
    size_t last, mask, i;
    if (!m->count)
        return;
    last = m->count - 1;
    /* The last key is the arena's last copy: give its bytes back. */
    m->block_used -= (size_t)m->lens[last] + 1;
    m->count = last;
    /* Linear probing allows no plain hole: clear the key's slot and
     * re-insert the rest of its probe run. No allocation, cannot fail. */
    mask = m->slot_count - 1;
    for (i = (size_t)m->hashes[last] & mask;
         JBW__SLOT_INDEX(m->slots[i]) != last; i = (i + 1) & mask)
        ;
    m->slots[i] = 0;
    for (i = (i + 1) & mask; m->slots[i]; i = (i + 1) & mask) {
        uint64_t v = m->slots[i];
        size_t j = (size_t)m->hashes[JBW__SLOT_INDEX(v)] & mask;
        m->slots[i] = 0;
        while (m->slots[j])
            j = (j + 1) & mask;
        m->slots[j] = v;
    }
}

const char *jbw__strmap_key(const jbw__strmap *m, size_t index)
{
    return index < m->count ? m->keys[index] : NULL;
}

void jbw__strmap_free(jbw__strmap *m)
{
    size_t i;
    for (i = 0; i < m->block_count; i++)
        jbw__free(m->blocks[i]);
    jbw__free(m->blocks);
    jbw__free(m->keys);
    jbw__free(m->lens);
    jbw__free(m->hashes);
    jbw__free(m->slots);
    memset(m, 0, sizeof *m);
}
