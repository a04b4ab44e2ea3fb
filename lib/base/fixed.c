/*
 * Fixed-decimal numbers without printf (fixed.h). A finite double is
 * m * 2^e with an integer m < 2^53; its value times 10^d is then an
 * integer of at most 53 + 60 bits shifted right by -e, so a 128-bit
 * integer holds it exactly and the rounding of "%.*f" (to nearest, ties
 * to even, on the exact binary value) is one comparison of the bits
 * shifted out with one half.
 */
#include "base/fixed.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define DECIMALS_FAST 18 /* 10^18 < 2^60 */

/* Copies text[0..len) into out[0..size) as snprintf would, NUL-ended. */
static size_t put(char *out, size_t size, const char *text, size_t len)
{
    if (size > 0) {
        size_t n = len < size - 1 ? len : size - 1;
        memcpy(out, text, n);
        out[n] = '\0';
    }
    return len;
}

/*
 * The slow path: snprintf, then whatever the locale writes between the
 * integer digits and the last `decimals` digits becomes '.'.
 */
static size_t fixed_printf(char *out, size_t size, double v, int decimals)
{
    char text[400], tmp[400];
    int n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    size_t len, i = 0, j = 0;
    if (n < 0 || (size_t)n >= sizeof tmp)
        return put(out, size, "", 0);
    len = (size_t)n;
    if (!isfinite(v) || decimals == 0)
        return put(out, size, tmp, len);
    if (tmp[i] == '-')
        text[j++] = tmp[i++];
    while (i < len && tmp[i] >= '0' && tmp[i] <= '9')
        text[j++] = tmp[i++];
    text[j++] = '.';
    memcpy(text + j, tmp + len - (size_t)decimals, (size_t)decimals);
    j += (size_t)decimals;
    return put(out, size, text, j);
}

double jbw__need_up(double v, int decimals)
{
    static const double scale[7] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    double p;
    if (!isfinite(v))
        return v;
    p = scale[decimals < 0 ? 0 : decimals > 6 ? 6 : decimals];
    return ceil(v * p - 1e-6) / p;
}

char *jbw__digits(char *end, uint64_t x)
{
    do {
        *--end = (char)('0' + x % 10);
        x /= 10;
    } while (x);
    return end;
}

#if defined(__SIZEOF_INT128__)

__extension__ typedef unsigned __int128 u128;

static const uint64_t pow10_u64[DECIMALS_FAST + 1] = {
    1ull,
    10ull,
    100ull,
    1000ull,
    10000ull,
    100000ull,
    1000000ull,
    10000000ull,
    100000000ull,
    1000000000ull,
    10000000000ull,
    100000000000ull,
    1000000000000ull,
    10000000000000ull,
    100000000000000ull,
    1000000000000000ull,
    10000000000000000ull,
    100000000000000000ull,
    1000000000000000000ull,
};

/* round(|v| * 10^d), ties to even; |v| < 2^63, d <= 18. */
static u128 scaled(uint64_t bits, int d)
{
    unsigned biased = (unsigned)(bits >> 52 & 0x7ff);
    uint64_t m = bits & ((1ull << 52) - 1);
    int e, k;
    u128 p, q, rem, half;
    if (biased) {
        m |= 1ull << 52;
        e = (int)biased - 1075;
    } else {
        e = -1074;
    }
    if (e >= 0)
        return ((u128)m << e) * pow10_u64[d];
    p = (u128)m * pow10_u64[d];
    k = -e;
    if (k >= 114) /* p < 2^113: below one half */
        return 0;
    q = p >> k;
    rem = p & (((u128)1 << k) - 1);
    half = (u128)1 << (k - 1);
    if (rem > half || (rem == half && (q & 1)))
        q++;
    return q;
}

size_t jbw__fixed(char *out, size_t size, double v, int decimals)
{
    char buf[64], text[JBW__FIXED_SHORT], *end = buf + sizeof buf, *first;
    char *p = text;
    uint64_t bits;
    u128 q;
    size_t ndig;
    if (decimals < 0)
        decimals = 6;
    if (!(fabs(v) < 9223372036854775808.0) || decimals > DECIMALS_FAST)
        return fixed_printf(out, size, v, decimals);
    memcpy(&bits, &v, sizeof bits);
    q = scaled(bits, decimals);
    if (q >> 64) {
        const uint64_t e18 = pow10_u64[18];
        uint64_t hi = (uint64_t)(q / e18), lo = (uint64_t)(q % e18);
        first = jbw__digits(end, lo);
        while (first > end - 18)
            *--first = '0';
        first = jbw__digits(first, hi);
    } else {
        first = jbw__digits(end, (uint64_t)q);
    }
    while (end - first < decimals + 1)
        *--first = '0';
    ndig = (size_t)(end - first);
    /* sign, the integer digits, '.', the decimals */
    if (bits >> 63)
        *p++ = '-';
    memcpy(p, first, ndig - (size_t)decimals);
    p += ndig - (size_t)decimals;
    if (decimals > 0) {
        *p++ = '.';
        memcpy(p, end - decimals, (size_t)decimals);
        p += decimals;
    }
    return put(out, size, text, (size_t)(p - text));
}

#else /* no 128-bit integers: printf does it */

size_t jbw__fixed(char *out, size_t size, double v, int decimals)
{
    if (decimals < 0)
        decimals = 6;
    return fixed_printf(out, size, v, decimals);
}

#endif
