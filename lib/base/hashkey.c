/*
 * libjbw - the keyed id hash: SipHash-1-3 under a key drawn once per
 * process from the system's random source.
 *
 * Ids come from files people export by hand, and anyone can write ids.
 * With a fixed hash function, ids that all share one hash are cheap to
 * compute offline, and loading n of them costs O(n^2) comparisons (the
 * map probes one chain). A key the writer of a file cannot know makes
 * such ids as rare as with random ids, as in Python's and Rust's hash
 * tables, which use the same function (SipHash, Aumasson and Bernstein,
 * 2012; 1 compression and 3 finalisation rounds, as Rust's default).
 *
 * The key never shows in any output: the maps keep their keys in
 * insertion order and hand out dense indices, so every result is the same
 * whatever the key (docs/reliability.md).
 */
#include "base/base_internal.h"

#include <string.h>
#include <time.h>

#if defined(_WIN32)
#include <windows.h>
#include <process.h>
#else
#include <fcntl.h>
#include <unistd.h>
#if defined(__linux__) && defined(__has_include)
#if __has_include(<sys/random.h>)
#include <sys/random.h>
#define JBW__HAVE_GETRANDOM 1
#endif
#endif
#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) ||      \
    defined(__NetBSD__)
#include <stdlib.h>
#define JBW__HAVE_ARC4RANDOM 1
#endif
#endif

/* ---- the key: drawn once per process ---------------------------------- */

static uint64_t key_words[2];
/* 0: not drawn, 1: being drawn, 2: ready (atomic; the key is written
 * before the release store of 2 and read after the acquire load). */
static int key_state;

#if defined(_MSC_VER) && !defined(__clang__)
#include <intrin.h>
static int key_load(void)
{
    return (int)_InterlockedOr((volatile long *)&key_state, 0);
}
static int key_claim(void)
{
    return _InterlockedCompareExchange((volatile long *)&key_state, 1, 0) == 0;
}
static void key_publish(void)
{
    _InterlockedExchange((volatile long *)&key_state, 2);
}
#else
static int key_load(void)
{
    return __atomic_load_n(&key_state, __ATOMIC_ACQUIRE);
}
static int key_claim(void)
{
    int expected = 0;
    return __atomic_compare_exchange_n(&key_state, &expected, 1, 0,
                                       __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}
static void key_publish(void)
{
    __atomic_store_n(&key_state, 2, __ATOMIC_RELEASE);
}
#endif

/* Fills buf from the system's random source; 0 when it could not. */
static int system_random(void *buf, size_t n)
{
#if defined(_WIN32)
    /* RtlGenRandom (SystemFunction036) through advapi32, as CPython's
     * older Windows builds; BCryptGenRandom needs bcrypt.lib. */
    typedef BOOLEAN(APIENTRY * gen_fn)(PVOID, ULONG);
    HMODULE lib = LoadLibraryA("advapi32.dll");
    gen_fn gen =
        lib ? (gen_fn)(void (*)(void))GetProcAddress(lib, "SystemFunction036")
            : NULL;
    int ok = gen && gen(buf, (ULONG)n);
    if (lib)
        FreeLibrary(lib);
    return ok;
#elif defined(JBW__HAVE_ARC4RANDOM)
    arc4random_buf(buf, n);
    return 1;
#else
    unsigned char *p = buf;
    size_t got = 0;
    int fd;
#if defined(JBW__HAVE_GETRANDOM)
    while (got < n) {
        ssize_t r = getrandom(p + got, n - got, 0);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    if (got == n)
        return 1;
    got = 0;
#endif
    fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0)
        return 0;
    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    return got == n;
#endif
}

/* splitmix64's finaliser: spreads the weak fallback inputs over 64 bits. */
static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/*
 * Without a system random source (no getrandom, no readable
 * /dev/urandom: a chroot or sandbox), the key mixes what differs between
 * processes and runs: the time, the processor clock, the process id and
 * addresses, which address-space randomisation moves. That is weaker
 * than a random key (docs/reliability.md) but still unknown to the file.
 */
static void fallback_key(uint64_t key[2])
{
    int local = 0;
    uint64_t t = (uint64_t)time(NULL), c = (uint64_t)clock();
#if defined(_WIN32)
    uint64_t pid = (uint64_t)_getpid();
#else
    uint64_t pid = (uint64_t)getpid();
#endif
    uint64_t a = (uint64_t)(uintptr_t)&local,
             b = (uint64_t)(uintptr_t)&key_state;
    key[0] = mix64(t ^ mix64(pid ^ mix64(a)));
    key[1] = mix64(c ^ mix64(b ^ mix64(key[0])));
}

static void draw_key(void)
{
    uint64_t k[2];
    if (!system_random(k, sizeof k))
        fallback_key(k);
    key_words[0] = k[0];
    key_words[1] = k[1];
}

/* The key, drawn by the first caller; others wait for it. */
static const uint64_t *hash_key(void)
{
    if (JBW__LIKELY(key_load() == 2))
        return key_words;
    if (key_claim()) {
        draw_key();
        key_publish();
    } else {
        while (key_load() != 2) {
#if defined(_WIN32)
            SwitchToThread();
#else
            sleep(0);
#endif
        }
    }
    return key_words;
}

/* ---- SipHash-1-3 ------------------------------------------------------- */

#define JBW__ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

#define JBW__SIPROUND                                                          \
    do {                                                                       \
        v0 += v1;                                                              \
        v1 = JBW__ROTL(v1, 13);                                                \
        v1 ^= v0;                                                              \
        v0 = JBW__ROTL(v0, 32);                                                \
        v2 += v3;                                                              \
        v3 = JBW__ROTL(v3, 16);                                                \
        v3 ^= v2;                                                              \
        v0 += v3;                                                              \
        v3 = JBW__ROTL(v3, 21);                                                \
        v3 ^= v0;                                                              \
        v2 += v1;                                                              \
        v1 = JBW__ROTL(v1, 17);                                                \
        v1 ^= v2;                                                              \
        v2 = JBW__ROTL(v2, 32);                                                \
    } while (0)

uint64_t jbw__siphash13(const uint64_t key[2], const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t v0 = 0x736f6d6570736575ULL ^ key[0];
    uint64_t v1 = 0x646f72616e646f6dULL ^ key[1];
    uint64_t v2 = 0x6c7967656e657261ULL ^ key[0];
    uint64_t v3 = 0x7465646279746573ULL ^ key[1];
    uint64_t b = (uint64_t)n << 56, m;
    size_t i, left = n & 7;
    for (i = 0; i + 8 <= n; i += 8) {
        m = jbw__le64(p + i);
        v3 ^= m;
        JBW__SIPROUND;
        v0 ^= m;
    }
    switch (left) {
    case 7:
        b |= (uint64_t)p[i + 6] << 48; /* fall through */
    case 6:
        b |= (uint64_t)p[i + 5] << 40; /* fall through */
    case 5:
        b |= (uint64_t)p[i + 4] << 32; /* fall through */
    case 4:
        b |= (uint64_t)p[i + 3] << 24; /* fall through */
    case 3:
        b |= (uint64_t)p[i + 2] << 16; /* fall through */
    case 2:
        b |= (uint64_t)p[i + 1] << 8; /* fall through */
    case 1:
        b |= (uint64_t)p[i];
        break;
    default:
        break;
    }
    v3 ^= b;
    JBW__SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    JBW__SIPROUND;
    JBW__SIPROUND;
    JBW__SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t jbw__hash(const char *s, size_t n)
{
    return jbw__siphash13(hash_key(), s, n);
}
