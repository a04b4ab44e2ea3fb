/*
 * libjbw internal: the one family of random generators, shared by the
 * example generator (data/example.c) and the forecast's replicates
 * (forecast/sampler.c). Integer arithmetic only, so one seed gives the
 * same stream on every platform.
 *
 * splitmix64 (Steele, Lea and Flood 2014; the constants of Vigna's
 * public-domain reference): one 64-bit word of state; each output is a
 * bijective mix of the state, so every seed gives a full stream.
 *
 * xoshiro256** (Blackman and Vigna 2018): four words of state, seeded by
 * splitmix64; the forecast draws its doubles from it.
 *
 * Inline: the samplers call these in their innermost loops.
 */
#ifndef JBW_BASE_RNG_H
#define JBW_BASE_RNG_H

#include <stdint.h>

/* The next output of the splitmix64 stream whose state is *state. */
static inline uint64_t jbw__splitmix64(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/*
 * Seeds the xoshiro256** state s for stream `stream` of `seed`:
 * splitmix64 started at seed is run once to give a key; splitmix64
 * started at key ^ (stream x a 64-bit odd constant) gives the four state
 * words. Each stream depends only on (seed, stream), so results do not
 * depend on the order in which streams are used.
 */
static inline void jbw__xoshiro_seed(uint64_t s[4], uint64_t seed,
                                     uint64_t stream)
{
    uint64_t sm = seed;
    uint64_t key = jbw__splitmix64(&sm);
    int i;
    sm = key ^ (stream * UINT64_C(0xD1B54A32D192ED03));
    for (i = 0; i < 4; i++)
        s[i] = jbw__splitmix64(&sm);
}

static inline uint64_t jbw__rotl64(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* The next output of xoshiro256** with state s. */
static inline uint64_t jbw__xoshiro_next(uint64_t s[4])
{
    uint64_t result = jbw__rotl64(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = jbw__rotl64(s[3], 45);
    return result;
}

/* Uniform on [0, 1) with 53 random bits. */
static inline double jbw__xoshiro_uniform(uint64_t s[4])
{
    return (double)(jbw__xoshiro_next(s) >> 11) * (1.0 / 9007199254740992.0);
}

#endif /* JBW_BASE_RNG_H */
