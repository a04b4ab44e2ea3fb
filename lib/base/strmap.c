/*
 * libjbw - the string interning map (string -> dense index) that turns
 * ids into the integer indices the calculations run on, with its arena
 * for the keys.
 *
 * Per key the map holds 4 bytes of offset, the key itself with a length
 * byte and a NUL, and 2 to 4 slots of 4 bytes (the table is a power of
 * two, kept at most half full). A slot is index + 1 in the bits below
 * slot_count and, above them, the same bits of the high half of the
 * key's hash: a probe skips other keys without reading them, and the
 * slot bits of the hash (its low half) follow from the slot's place.
 * Keys keep no hash: growing the table or removing a key hashes again.
 * Indices without a key take no slot, but count for the half-full rule
 * all the same: the table must stay larger than every index + 1, or a
 * key's index would run into its tag.
 */
#include "base/base_internal.h"

#include <limits.h>
#include <string.h>

/* Unaligned little loads; memcpy compiles to a single move. */
static uint64_t load64(const char *s)
{
    uint64_t v;
    memcpy(&v, s, sizeof v);
    return v;
}

static uint32_t load32(const char *s)
{
    uint32_t v;
    memcpy(&v, s, sizeof v);
    return v;
}

/* jbw__hash() is the keyed hash of hashkey.c: its key is drawn once per
 * process, so ids written to collide cannot be computed offline. */

/* A map holds at most 2^30 keys in at most 2^31 slots (half full at
 * most), so that index + 1 fits below the slot bits and a tag of at least
 * one bit above them. */
#define JBW__KEYS_MAX  ((size_t)1 << 30)
#define JBW__SLOTS_MAX ((size_t)1 << 31)
/* Arena blocks: a key's offset is its block << 16 | its position. */
#define JBW__ARENA_BLOCK 65536
#define JBW__BLOCKS_MAX  65535 /* so that no key's offset is NO_KEY */
#define JBW__LONG_KEY    255   /* from this length, 4 more bytes of length */

static JBW__ALWAYS_INLINE const char *key_at(const jbw__strmap *m, size_t k)
{
    uint32_t off = m->offs[k];
    return m->blocks[off >> 16] + (off & 0xFFFFu);
}

static JBW__ALWAYS_INLINE size_t key_len(const char *k)
{
    unsigned char b = (unsigned char)k[-1];
    return b < JBW__LONG_KEY ? b : load32(k - 5);
}

/* s[0..n) equals the key of length n at k. Short ids (most are) are
 * compared a word at a time, with overlapping reads, and need no call. */
static JBW__ALWAYS_INLINE int same_key(const char *k, const char *s, size_t n)
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

/* The slot value of key `index` with hash h in a table of `mask` + 1. */
static JBW__ALWAYS_INLINE uint32_t slot_value(uint64_t h, size_t index,
                                              uint32_t mask)
{
    return ((uint32_t)(h >> 32) & ~mask) | (uint32_t)(index + 1);
}

long jbw__strmap_find_hashed(const jbw__strmap *m, const char *s, size_t n,
                             uint64_t h)
{
    uint32_t mask, tag;
    size_t i;
    if (!m->slot_count)
        return -1;
    mask = (uint32_t)(m->slot_count - 1);
    tag = (uint32_t)(h >> 32) & ~mask;
    for (i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint32_t v = m->slots[i];
        const char *k;
        if (!v)
            return -1;
        if ((v & ~mask) != tag)
            continue;
        k = key_at(m, (v & mask) - 1);
        if (key_len(k) == n && same_key(k, s, n))
            return (long)((v & mask) - 1);
    }
}

/* The index of the first key whose slot tag matches h within a few
 * probes, or -1: where a lookup of h will look first. */
static long first_match(const jbw__strmap *m, uint64_t h)
{
    uint32_t mask, tag;
    size_t i, n;
    if (!m->slot_count)
        return -1;
    mask = (uint32_t)(m->slot_count - 1);
    tag = (uint32_t)(h >> 32) & ~mask;
    for (i = (size_t)h & mask, n = 0; n < 8; i = (i + 1) & mask, n++) {
        uint32_t v = m->slots[i];
        if (!v)
            return -1;
        if ((v & ~mask) == tag)
            return (long)((v & mask) - 1);
    }
    return -1;
}

void jbw__strmap_prefetch_offset(const jbw__strmap *m, uint64_t h)
{
    long k = first_match(m, h);
    if (k >= 0)
        JBW__PREFETCH(&m->offs[k]);
}

void jbw__strmap_prefetch_key(const jbw__strmap *m, uint64_t h)
{
    long k = first_match(m, h);
    if (k < 0)
        return;
    JBW__PREFETCH(key_at(m, (size_t)k) - 1);
    if (m->values)
        JBW__PREFETCH((const char *)m->values + (size_t)k * m->value_size);
}

/* Maps this small (a registry's organisations or regions) are searched
 * key by key: cheaper than hashing the key. */
#define JBW__STRMAP_SCAN 8

long jbw__strmap_find(const jbw__strmap *m, const char *s, size_t n)
{
    if (m->count <= JBW__STRMAP_SCAN) {
        size_t k;
        for (k = 0; k < m->count; k++) {
            const char *key;
            if (m->offs[k] == JBW__STRMAP_NO_KEY)
                continue;
            key = key_at(m, k);
            if (key_len(key) == n && same_key(key, s, n))
                return (long)k;
        }
        return -1;
    }
    return jbw__strmap_find_hashed(m, s, n, jbw__hash(s, n));
}

/* Puts key k (hash h) into the first free slot of its probe run. */
static void place(uint32_t *slots, uint32_t mask, uint64_t h, size_t k)
{
    size_t j = (size_t)h & mask;
    while (slots[j])
        j = (j + 1) & mask;
    slots[j] = slot_value(h, k, mask);
}

/* A new table of slot_count slots holding every key (hashed again). */
static int strmap_rehash(jbw__strmap *m, size_t slot_count)
{
    uint32_t *slots = jbw__calloc(slot_count, sizeof *slots);
    uint32_t mask = (uint32_t)(slot_count - 1);
    size_t k;
    if (!slots)
        return -1;
    for (k = 0; k < m->count; k++) {
        const char *key;
        if (m->offs[k] == JBW__STRMAP_NO_KEY)
            continue;
        key = key_at(m, k);
        place(slots, mask, jbw__hash(key, key_len(key)), k);
    }
    jbw__free(m->slots);
    m->slots = slots;
    m->slot_count = slot_count;
    return 0;
}

/* Copies s[0..n) with its length and a NUL into the arena; *off
 * receives where. -1 when out of memory or out of blocks. */
static int strmap_store(jbw__strmap *m, const char *s, size_t n, uint32_t *off)
{
    size_t head = n < JBW__LONG_KEY ? 1 : 5, need = head + n + 1;
    char *p;
    if (!m->block_count || m->block_size - m->block_used < need) {
        size_t size = need > JBW__ARENA_BLOCK ? need : JBW__ARENA_BLOCK;
        void *blocks = m->blocks;
        char *block;
        if (m->block_count >= JBW__BLOCKS_MAX ||
            jbw__grow(&blocks, &m->block_cap, m->block_count + 1,
                      sizeof(char *)) != 0)
            return -1;
        m->blocks = blocks;
        block = jbw__malloc(size);
        if (!block)
            return -1;
        m->blocks[m->block_count++] = block;
        m->block_used = 0;
        m->block_size = size;
    }
    p = m->blocks[m->block_count - 1] + m->block_used + head;
    if (head == 1) {
        p[-1] = (char)n;
    } else {
        uint32_t n32 = (uint32_t)n;
        memcpy(p - 5, &n32, 4);
        p[-1] = (char)JBW__LONG_KEY;
    }
    jbw__copy_short(p, s, n);
    p[n] = '\0';
    *off = (uint32_t)((m->block_count - 1) << 16 | (m->block_used + head));
    m->block_used += need;
    return 0;
}

/* Grows the offsets to hold `need` keys. */
static int strmap_reserve_keys(jbw__strmap *m, size_t need)
{
    void *a = m->offs;
    int rc;
    if (need <= m->key_cap)
        return 0;
    rc = jbw__grow(&a, &m->key_cap, need, sizeof(uint32_t));
    m->offs = a;
    return rc;
}

/* The slot count the map reaches when it holds `indices` indices: it
 * starts at 64 and doubles to stay at most half full. */
static size_t strmap_slots_for(size_t indices)
{
    size_t slots = 64;
    while (indices * 2 > slots) {
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
    jbw_status st;
    if (found >= 0) {
        *index = (size_t)found;
        if (inserted)
            *inserted = 0;
        return JBW_OK;
    }
    st = jbw__strmap_add_new_hashed(m, s, n, h, index);
    if (st == JBW_OK && inserted)
        *inserted = 1;
    return st;
}

jbw_status jbw__strmap_add_new_hashed(jbw__strmap *m, const char *s, size_t n,
                                      uint64_t h, size_t *index)
{
    if (m->count >= JBW__KEYS_MAX || n >= UINT32_MAX - 8)
        return jbw__error(JBW_ERANGE, "too many distinct keys");
    /* room for one index more (after indices without a key, maybe more
     * than a doubling) */
    if ((m->count + 1) * 2 > m->slot_count) {
        size_t slots = strmap_slots_for(m->count + 1);
        if (!slots || strmap_rehash(m, slots) != 0)
            return jbw__enomem();
    }
    if (m->count + 1 > m->key_cap && strmap_reserve_keys(m, m->count + 1) != 0)
        return jbw__enomem();
    if (strmap_store(m, s, n, &m->offs[m->count]) != 0)
        return m->block_count >= JBW__BLOCKS_MAX
                   ? jbw__error(JBW_ERANGE, "too many distinct keys")
                   : jbw__enomem();
    place(m->slots, (uint32_t)(m->slot_count - 1), h, m->count);
    *index = m->count++;
    return JBW_OK;
}

jbw_status jbw__strmap_intern(jbw__strmap *m, const char *s, size_t n,
                              size_t *index, int *inserted)
{
    return jbw__strmap_intern_hashed(m, s, n, jbw__hash(s, n), index, inserted);
}

jbw_status jbw__strmap_add_unkeyed(jbw__strmap *m, size_t *index)
{
    if (m->count >= JBW__KEYS_MAX)
        return jbw__error(JBW_ERANGE, "too many distinct keys");
    if (m->count + 1 > m->key_cap && strmap_reserve_keys(m, m->count + 1) != 0)
        return jbw__enomem();
    m->offs[m->count] = JBW__STRMAP_NO_KEY;
    m->unkeyed++;
    *index = m->count++;
    return JBW_OK;
}

void jbw__strmap_pop(jbw__strmap *m)
{
    size_t last, i, n;
    uint32_t mask;
    const char *key;
    if (!m->count)
        return;
    last = m->count - 1;
    if (m->offs[last] == JBW__STRMAP_NO_KEY) {
        m->unkeyed--;
        m->count = last;
        return;
    }
    key = key_at(m, last);
    n = key_len(key);
    mask = (uint32_t)(m->slot_count - 1);
    /* Linear probing allows no plain hole: clear the key's slot and
     * re-insert the rest of its probe run. No allocation, cannot fail. */
    for (i = (size_t)jbw__hash(key, n) & mask; (m->slots[i] & mask) - 1 != last;
         i = (i + 1) & mask)
        ;
    m->slots[i] = 0;
    for (i = (i + 1) & mask; m->slots[i]; i = (i + 1) & mask) {
        size_t k = (m->slots[i] & mask) - 1;
        const char *other = key_at(m, k);
        m->slots[i] = 0;
        place(m->slots, mask, jbw__hash(other, key_len(other)), k);
    }
    /* The last key is the arena's last copy: give its bytes back. */
    m->block_used -= (n < JBW__LONG_KEY ? 1 : 5) + n + 1;
    m->count = last;
}

void jbw__strmap_free(jbw__strmap *m)
{
    size_t i;
    for (i = 0; i < m->block_count; i++)
        jbw__free(m->blocks[i]);
    jbw__free(m->blocks);
    jbw__free(m->offs);
    jbw__free(m->slots);
    memset(m, 0, sizeof *m);
}
