/*
 * libjbw - status codes, thread-local error detail, allocator hooks,
 * version, and the internal helpers of jbw_internal.h.
 */
#include "jbw_internal.h"

#include <ctype.h>
#if defined(_WIN32)
#  include <locale.h>
#else
#  include <langinfo.h>
#endif
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(_MSC_VER)
#  define JBW__THREAD_LOCAL __declspec(thread)
#else
#  define JBW__THREAD_LOCAL __thread
#endif

/* ---- status and errors ----------------------------------------------- */

const char *jbw_strerror(int status)
{
    switch (status) {
    case JBW_OK: return "success";
    case JBW_EINVAL: return "invalid argument";
    case JBW_ENOMEM: return "out of memory";
    case JBW_ERANGE: return "value out of range";
    case JBW_EPARSE: return "parse error";
    case JBW_ENOTFOUND: return "not found";
    case JBW_EDUPLICATE: return "duplicate";
    case JBW_EVERSION: return "unsupported version";
    case JBW_EIO: return "input/output error";
    case JBW_EPROTECTED: return "protected attribute refused";
    case JBW_EBUFFER: return "buffer too small";
    case JBW_ECANCELED: return "canceled";
    default: return "unknown error";
    }
}

#define JBW__ERROR_SIZE 512
static JBW__THREAD_LOCAL char jbw__last_error[JBW__ERROR_SIZE];

const char *jbw_last_error(void)
{
    return jbw__last_error;
}

void jbw_clear_error(void)
{
    jbw__last_error[0] = '\0';
}

jbw_status jbw__verror(jbw_status status, const char *fmt, va_list ap)
{
    /* Format into a scratch buffer first: fmt's arguments may point into
     * the current message. */
    char tmp[JBW__ERROR_SIZE];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    if (n < 0)
        tmp[0] = '\0';
    memcpy(jbw__last_error, tmp, sizeof tmp);
    return status;
}

jbw_status jbw__error(jbw_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jbw__verror(status, fmt, ap);
    va_end(ap);
    return status;
}

jbw_status jbw__enomem(void)
{
    return jbw__error(JBW_ENOMEM, "out of memory");
}

jbw_status jbw__ok(void)
{
    jbw__last_error[0] = '\0';
    return JBW_OK;
}

/* ---- allocator ------------------------------------------------------- */

static void *jbw__default_malloc(size_t size, void *user)
{
    (void)user;
    return malloc(size);
}

static void *jbw__default_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    return realloc(ptr, size);
}

static void jbw__default_free(void *ptr, void *user)
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
} jbw__alloc = { jbw__default_malloc, jbw__default_realloc, jbw__default_free,
                 NULL };

jbw_status jbw_set_allocator(jbw_malloc_fn malloc_fn,
                             jbw_realloc_fn realloc_fn, jbw_free_fn free_fn,
                             void *user)
{
    if (!malloc_fn && !realloc_fn && !free_fn) {
        jbw__alloc.malloc_fn = jbw__default_malloc;
        jbw__alloc.realloc_fn = jbw__default_realloc;
        jbw__alloc.free_fn = jbw__default_free;
        jbw__alloc.user = NULL;
        return jbw__ok();
    }
    if (!malloc_fn || !realloc_fn || !free_fn)
        return jbw__error(JBW_EINVAL,
                          "jbw_set_allocator: give all three functions or none");
    jbw__alloc.malloc_fn = malloc_fn;
    jbw__alloc.realloc_fn = realloc_fn;
    jbw__alloc.free_fn = free_fn;
    jbw__alloc.user = user;
    return jbw__ok();
}

void *jbw__malloc(size_t size)
{
    return jbw__alloc.malloc_fn(size ? size : 1, jbw__alloc.user);
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
    return jbw__alloc.realloc_fn(ptr, size ? size : 1, jbw__alloc.user);
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
        jbw__alloc.free_fn(ptr, jbw__alloc.user);
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

/* ---- version --------------------------------------------------------- */

const char *jbw_version(void)
{
    return JBW_VERSION_STRING;
}

int jbw_version_number(void)
{
    return JBW_VERSION_NUMBER;
}

int jbw_abi_major(void)
{
    return JBW_ABI_MAJOR;
}

/* ---- string buffer --------------------------------------------------- */

int jbw__buf_reserve(jbw__buf *b, size_t extra)
{
    void *data = b->data;
    if (b->failed)
        return -1;
    if (extra > SIZE_MAX - b->len - 1 ||
        jbw__grow(&data, &b->cap, b->len + extra + 1, 1) != 0) {
        b->failed = 1;
        return -1;
    }
    b->data = data;
    return 0;
}

void jbw__buf_append(jbw__buf *b, const char *s, size_t n)
{
    if (jbw__buf_reserve(b, n) != 0)
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void jbw__buf_puts(jbw__buf *b, const char *s)
{
    jbw__buf_append(b, s, strlen(s));
}

void jbw__buf_putc(jbw__buf *b, char c)
{
    jbw__buf_append(b, &c, 1);
}

void jbw__buf_printf(jbw__buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || jbw__buf_reserve(b, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void jbw__buf_json_string(jbw__buf *b, const char *s)
{
    const unsigned char *p;
    if (!s) {
        jbw__buf_puts(b, "null");
        return;
    }
    jbw__buf_putc(b, '"');
    for (p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': jbw__buf_puts(b, "\\\""); break;
        case '\\': jbw__buf_puts(b, "\\\\"); break;
        case '\n': jbw__buf_puts(b, "\\n"); break;
        case '\r': jbw__buf_puts(b, "\\r"); break;
        case '\t': jbw__buf_puts(b, "\\t"); break;
        default:
            if (*p < 0x20)
                jbw__buf_printf(b, "\\u%04x", (unsigned)*p);
            else
                jbw__buf_putc(b, (char)*p);
        }
    }
    jbw__buf_putc(b, '"');
}

/*
 * The C library formats and parses numbers in the host's LC_NUMERIC
 * locale, which a host program may have set to one with a decimal comma.
 * libjbw's files always use '.', so numbers are converted from and to the
 * locale's decimal point at the boundary.
 */
static char jbw__decimal_point(void)
{
#if defined(_WIN32)
    const struct lconv *lc = localeconv();
    return lc && lc->decimal_point && lc->decimal_point[0] ? lc->decimal_point[0] : '.';
#else
    /* nl_langinfo is MT-safe (unlike localeconv) and costs a lookup, not a
     * formatted print: the CSV reader asks once per number. */
    const char *dp = nl_langinfo(RADIXCHAR);
    return dp && dp[0] ? dp[0] : '.';
#endif
}

static void jbw__to_dot(char *s, char dp)
{
    if (dp != '.')
        for (; *s; s++)
            if (*s == dp)
                *s = '.';
}

void jbw__buf_double(jbw__buf *b, double v)
{
    char tmp[48];
    char dp = jbw__decimal_point();
    int prec;
    if (!isfinite(v)) {
        jbw__buf_puts(b, isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf"));
        return;
    }
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    jbw__to_dot(tmp, dp);
    jbw__buf_puts(b, tmp);
}

void jbw__buf_json_number(jbw__buf *b, double v, int decimals)
{
    char tmp[64];
    int n;
    if (!isfinite(v)) {
        jbw__buf_puts(b, "null");
        return;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 12)
        decimals = 12;
    n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    if (n <= 0 || (size_t)n >= sizeof tmp) {
        jbw__buf_puts(b, "null");
        return;
    }
    jbw__to_dot(tmp, jbw__decimal_point());
    if (memchr(tmp, '.', (size_t)n)) {
        while (n > 0 && tmp[n - 1] == '0')
            n--;
        if (n > 0 && tmp[n - 1] == '.')
            n--;
    }
    tmp[n] = '\0';
    if (strcmp(tmp, "-0") == 0)
        strcpy(tmp, "0");
    jbw__buf_puts(b, tmp);
}

void jbw__buf_csv_field(jbw__buf *b, const char *s)
{
    const char *p;
    if (!s)
        return;
    if (!strpbrk(s, ",;\"\r\n")) {
        jbw__buf_puts(b, s);
        return;
    }
    jbw__buf_putc(b, '"');
    for (p = s; *p; p++) {
        if (*p == '"')
            jbw__buf_putc(b, '"');
        jbw__buf_putc(b, *p);
    }
    jbw__buf_putc(b, '"');
}

void jbw__buf_date(jbw__buf *b, jbw_date d)
{
    char tmp[JBW_DATE_BUFSIZE];
    if (d == JBW_DATE_NONE)
        return;
    if (jbw_date_format(tmp, sizeof tmp, d) == JBW_OK)
        jbw__buf_puts(b, tmp);
}

jbw_status jbw__buf_finish(jbw__buf *b, char **out, size_t *len)
{
    if (b->failed || jbw__buf_reserve(b, 0) != 0) {
        jbw__buf_free(b);
        return jbw__enomem();
    }
    b->data[b->len] = '\0';
    *out = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return JBW_OK;
}

void jbw__buf_free(jbw__buf *b)
{
    jbw__free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

/* ---- string map ------------------------------------------------------ */

/* Unaligned little loads; memcpy compiles to a single move. */
static uint64_t jbw__load64(const char *s)
{
    uint64_t v;
    memcpy(&v, s, sizeof v);
    return v;
}

static uint64_t jbw__load32(const char *s)
{
    uint32_t v;
    memcpy(&v, s, sizeof v);
    return v;
}

uint64_t jbw__hash(const char *s, size_t n)
{
    /* Eight bytes per step rather than one (ids are short, and a load
     * interns about a million of them), with overlapping reads for the
     * tail so that every byte counts once the length is mixed in; then
     * the murmur3 finaliser, whose low bits pick the slot. The map's
     * order is its insertion order, so the hash is never visible. */
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = (uint64_t)n * 0xC2B2AE3D27D4EB4FULL, w;
    size_t i = 0;
    for (; n - i > 8; i += 8) {
        h = (h ^ jbw__load64(s + i)) * k;
        h ^= h >> 29;
    }
    if (n >= 8)
        w = jbw__load64(s + n - 8);
    else if (n >= 4)
        w = jbw__load32(s) | jbw__load32(s + n - 4) << 32;
    else if (n > 0)
        w = (uint64_t)(unsigned char)s[0] |
            (uint64_t)(unsigned char)s[n / 2] << 8 |
            (uint64_t)(unsigned char)s[n - 1] << 16;
    else
        w = 0;
    h = (h ^ w) * k;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

#define JBW__SLOT(h, index) (((h) & 0xFFFFFFFF00000000ULL) | (uint64_t)((index) + 1))
#define JBW__SLOT_INDEX(v) ((size_t)((v) & 0xFFFFFFFFu) - 1)

/* s[0..n) equals the key of length n at k. Short ids (most are) are
 * compared a word at a time, with overlapping reads, and need no call. */
#if defined(__GNUC__) || defined(__clang__)
#define JBW__HOT_INLINE __attribute__((always_inline)) inline
#else
#define JBW__HOT_INLINE
#endif

static JBW__HOT_INLINE int jbw__same(const char *k, const char *s, size_t n)
{
    if (n > 16)
        return memcmp(k, s, n) == 0;
    if (n >= 8)
        return jbw__load64(k) == jbw__load64(s) &&
               jbw__load64(k + n - 8) == jbw__load64(s + n - 8);
    if (n >= 4)
        return jbw__load32(k) == jbw__load32(s) &&
               jbw__load32(k + n - 4) == jbw__load32(s + n - 4);
    return n == 0 || (k[0] == s[0] && k[n / 2] == s[n / 2] &&
                      k[n - 1] == s[n - 1]);
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
        if (m->lens[k] == n && jbw__same(m->keys[k], s, n))
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
            if (m->lens[k] == n && jbw__same(m->keys[k], s, n))
                return (long)k;
        return -1;
    }
    return jbw__strmap_find_hashed(m, s, n, jbw__hash(s, n));
}

static int jbw__strmap_rehash(jbw__strmap *m, size_t slot_count)
{
    uint64_t *slots = jbw__calloc(slot_count, sizeof *slots);
    size_t i, mask = slot_count - 1;
    if (!slots)
        return -1;
    for (i = 0; i < m->count; i++) {
        size_t j = (size_t)m->hashes[i] & mask;
        while (slots[j])
            j = (j + 1) & mask;
        slots[j] = JBW__SLOT(m->hashes[i], i);
    }
    jbw__free(m->slots);
    m->slots = slots;
    m->slot_count = slot_count;
    return 0;
}

#define JBW__ARENA_BLOCK 65536

/* Copies s[0..n) plus a NUL into the arena; NULL when out of memory. */
static char *jbw__strmap_store(jbw__strmap *m, const char *s, size_t n)
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
static int jbw__strmap_reserve_keys(jbw__strmap *m, size_t need)
{
    void *a[3];
    static const size_t elems[3] = { sizeof(char *), sizeof(uint32_t),
                                     sizeof(uint64_t) };
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
static size_t jbw__strmap_slots_for(size_t keys)
{
    size_t slots = 64;
    while (keys * 2 > slots) {
        if (slots > SIZE_MAX / 4)
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
    if (keys >= UINT32_MAX - 1)
        return -1;
    slots = jbw__strmap_slots_for(keys);
    if (!slots)
        return -1;
    if (slots > m->slot_count && jbw__strmap_rehash(m, slots) != 0)
        return -1;
    return jbw__strmap_reserve_keys(m, keys);
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
    if (m->count >= UINT32_MAX - 1 || n >= UINT32_MAX)
        return jbw__error(JBW_ERANGE, "too many distinct keys");
    if ((m->count + 1) * 2 > m->slot_count &&
        jbw__strmap_rehash(m, m->slot_count ? m->slot_count * 2 : 64) != 0)
        return jbw__enomem();
    if (m->count + 1 > m->key_cap &&
        jbw__strmap_reserve_keys(m, m->count + 1) != 0)
        return jbw__enomem();
    if (JBW__LIKELY(m->block_count && m->block_size - m->block_used > n)) {
        /* The usual case, inline: the key fits the current block. */
        copy = m->blocks[m->block_count - 1] + m->block_used;
        memcpy(copy, s, n);
        copy[n] = '\0';
        m->block_used += n + 1;
    } else if (!(copy = jbw__strmap_store(m, s, n))) {
        return jbw__enomem();
    }
    m->keys[m->count] = copy;
    m->lens[m->count] = (uint32_t)n;
    m->hashes[m->count] = h;
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
    return jbw__strmap_intern_hashed(m, s, n, jbw__hash(s, n), index,
                                     inserted);
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
    for (i = (size_t)m->hashes[last] & mask; JBW__SLOT_INDEX(m->slots[i]) != last;
         i = (i + 1) & mask)
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

/* ---- numbers --------------------------------------------------------- */

int jbw__parse_double(double *out, const char *s, size_t n, int decimal_comma)
{
    char tmp[64];
    char *end;
    size_t i;
    double v;
    char dp = jbw__decimal_point();
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || n >= sizeof tmp)
        return -1;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c == ',' && decimal_comma)
            c = '.';
        /* Only plain decimal notation: no hex, no inf/nan, no spaces. */
        if (!(isdigit((unsigned char)c) || c == '.' || c == '-' ||
              c == '+' || c == 'e' || c == 'E'))
            return -1;
        tmp[i] = c == '.' ? dp : c;
    }
    tmp[n] = '\0';
    errno = 0;
    v = strtod(tmp, &end);
    if (end != tmp + n || errno == ERANGE || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int jbw__parse_int(long long *out, const char *s, size_t n)
{
    char tmp[32];
    char *end;
    long long v;
    size_t i;
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || n >= sizeof tmp)
        return -1;
    for (i = 0; i < n; i++) {
        if (!(isdigit((unsigned char)s[i]) || (i == 0 && (s[i] == '-' || s[i] == '+'))))
            return -1;
        tmp[i] = s[i];
    }
    tmp[n] = '\0';
    errno = 0;
    v = strtoll(tmp, &end, 10);
    if (end != tmp + n || errno == ERANGE)
        return -1;
    *out = v;
    return 0;
}

/* ---- key = value files ----------------------------------------------- */

static int jbw__is_key_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.';
}

jbw_status jbw__kv_parse(const char *text, size_t len, const char *source,
                         jbw__kv_fn fn, void *user)
{
    size_t pos = 0, line = 0;
    char key[128];
    char value[1024];
    if (!source)
        source = "(text)";
    if (!text && len)
        return jbw__error(JBW_EINVAL, "%s: no text", source);
    while (pos < len) {
        size_t start = pos, end, i, klen, vstart, vend;
        jbw_status st;
        line++;
        while (pos < len && text[pos] != '\n')
            pos++;
        end = pos;
        if (pos < len)
            pos++; /* skip '\n' */
        if (end > start && text[end - 1] == '\r')
            end--;
        for (i = start; i < end; i++)
            if (text[i] == '\0')
                return jbw__error(JBW_EPARSE, "%s line %zu: NUL byte", source,
                                  line);
        /* Strip a UTF-8 BOM on the first line. */
        if (line == 1 && end - start >= 3 &&
            memcmp(text + start, "\xEF\xBB\xBF", 3) == 0)
            start += 3;
        i = start;
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
            i++;
        if (i == end || text[i] == '#')
            continue;
        klen = 0;
        while (i < end && jbw__is_key_char(text[i])) {
            if (klen + 1 >= sizeof key)
                return jbw__error(JBW_EPARSE, "%s line %zu: key too long",
                                  source, line);
            key[klen++] = text[i++];
        }
        key[klen] = '\0';
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
            i++;
        if (klen == 0 || i == end || text[i] != '=')
            return jbw__error(JBW_EPARSE,
                              "%s line %zu: expected 'key = value', got '%.*s'",
                              source, line, (int)(end - start > 60 ? 60 : end - start),
                              text + start);
        i++;
        vstart = i;
        vend = vstart;
        /* the value runs to a '#' comment or the end of the line */
        while (vend < end && text[vend] != '#')
            vend++;
        while (vstart < vend && (text[vstart] == ' ' || text[vstart] == '\t'))
            vstart++;
        while (vend > vstart && (text[vend - 1] == ' ' || text[vend - 1] == '\t'))
            vend--;
        if (vend - vstart >= sizeof value)
            return jbw__error(JBW_EPARSE, "%s line %zu: value of '%s' too long",
                              source, line, key);
        memcpy(value, text + vstart, vend - vstart);
        value[vend - vstart] = '\0';
        st = fn(user, key, value, line);
        if (st != JBW_OK)
            return st;
    }
    return JBW_OK;
}
