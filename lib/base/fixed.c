/*
 * Fixed-decimal numbers without printf (fixed.h). A finite double is
 * m * 2^e with an integer m < 2^53; its value times 10^d is then an
 * integer of at most 53 + 60 bits shifted right by -e, so a 128-bit
 * integer holds it exactly and the rounding of "%.*f" (to nearest, ties
 * to even, on the exact binary value) is one comparison of the bits
 * shifted out with one half. With up to 4 decimals, m * 5^d < 2^63 and
 * the same takes 64-bit integers (scaled_small), on every compiler.
 */
#include "base/fixed.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Kept out of line, away from the usual case (fixed.c is compiled on its
 * own into its test, without base_internal.h). */
#if defined(__GNUC__) || defined(__clang__)
#define RARE __attribute__((cold, noinline))
#else
#define RARE
#endif

#define DECIMALS_FAST  18 /* 10^18 < 2^60 */
#define DECIMALS_SMALL 4  /* 5^4 < 2^10 */

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

static const uint64_t pow10_u64[20] = {
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
    10000000000000000000ull,
};

/* "00" to "99": a number's digits two at a time */
static const char digit_pairs[201] = "0001020304050607080910111213141516171819"
                                     "2021222324252627282930313233343536373839"
                                     "4041424344454647484950515253545556575859"
                                     "6061626364656667686970717273747576777879"
                                     "8081828384858687888990919293949596979899";

char *jbw__put_digits(char *out, uint64_t x)
{
    char *end, *p;
    int n = 3;
    if (x < 10) {
        *out = (char)('0' + x);
        return out + 1;
    }
    if (x < 100) {
        memcpy(out, digit_pairs + 2 * x, 2);
        return out + 2;
    }
    while (n < 20 && x >= pow10_u64[n])
        n++;
    /* from the last digit backwards, two at a time */
    end = p = out + n;
    for (; x >= 100; x /= 100) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * (x % 100), 2);
    }
    if (x >= 10)
        memcpy(p - 2, digit_pairs + 2 * x, 2);
    else
        p[-1] = (char)('0' + x);
    return end;
}

/* |v| = m * 2^e with an integer m < 2^53, from the bits of v. */
static inline void split(uint64_t bits, uint64_t *m, int *e)
{
    unsigned biased = (unsigned)(bits >> 52 & 0x7ff);
    *m = bits & ((1ull << 52) - 1);
    if (biased) {
        *m |= 1ull << 52;
        *e = (int)biased - 1075;
    } else {
        *e = -1074;
    }
}

/*
 * round(m * 2^e * 10^d), ties to even, in 64-bit integers: with
 * d <= DECIMALS_SMALL, 10^d = 5^d * 2^d and m * 5^d < 2^53 * 5^4 < 2^63,
 * so the value is m * 5^d, exact, shifted right by k = -(e + d) bits.
 * Returns 0 when k <= 0 (a value of at least 2^(52 - d): the caller takes
 * the general path).
 */
static inline int scaled_small(uint64_t *q, uint64_t m, int e, int d)
{
    static const uint64_t pow5[DECIMALS_SMALL + 1] = {1, 5, 25, 125, 625};
    uint64_t p = m * pow5[d], rem, half;
    int k = -(e + d);
    if (k <= 0)
        return 0;
    if (k >= 64) { /* p < 2^63: below one half */
        *q = 0;
        return 1;
    }
    *q = p >> k;
    rem = p & ((1ull << k) - 1);
    half = 1ull << (k - 1);
    if (rem > half || (rem == half && (*q & 1)))
        ++*q;
    return 1;
}

#if defined(__SIZEOF_INT128__) && !defined(JBW__FIXED_NO_INT128)
#define HAVE_INT128 1

__extension__ typedef unsigned __int128 u128;

/* round(m * 2^e * 10^d), ties to even; m * 2^e < 2^63, d <= 18: at most
 * 2^63 * 10^18 < 2^123. */
static u128 scaled(uint64_t m, int e, int d)
{
    int k;
    u128 p, q, rem, half;
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

/* The decimal digits of q just before `end` (40 bytes at least). */
static char *digits_u128(char *end, u128 q)
{
    const uint64_t e18 = pow10_u64[18];
    char *first;
    if (!(q >> 64))
        return jbw__digits(end, (uint64_t)q);
    first = jbw__digits(end, (uint64_t)(q % e18));
    while (first > end - 18)
        *--first = '0';
    return jbw__digits(first, (uint64_t)(q / e18));
}
#endif

/*
 * round(|v| * 10^d) when it is below 2^64 (1, in *q), exactly; 0 when it
 * is not, or when this build has no integer path for it. |v| < 2^63 and
 * d <= DECIMALS_FAST. The common case, a few decimals of a value below
 * 2^48, takes 64-bit integers only.
 */
static inline int scaled_u64(uint64_t *q, uint64_t bits, int d)
{
    uint64_t m;
    int e;
    split(bits, &m, &e);
    if (d <= DECIMALS_SMALL && scaled_small(q, m, e, d))
        return 1;
#if defined(HAVE_INT128)
    {
        u128 r = scaled(m, e, d);
        if (!(r >> 64)) {
            *q = (uint64_t)r;
            return 1;
        }
    }
#endif
    return 0;
}

size_t jbw__fixed(char *out, size_t size, double v, int decimals)
{
    char buf[64], text[JBW__FIXED_SHORT], *end = buf + sizeof buf, *first;
    char *p = text;
    uint64_t bits, q;
    size_t ndig;
    if (decimals < 0)
        decimals = 6;
    if (!(fabs(v) < 9223372036854775808.0) || decimals > DECIMALS_FAST)
        return fixed_printf(out, size, v, decimals);
    memcpy(&bits, &v, sizeof bits);
    if (scaled_u64(&q, bits, decimals)) {
        first = jbw__digits(end, q);
    } else {
#if defined(HAVE_INT128)
        uint64_t m;
        int e;
        split(bits, &m, &e);
        first = digits_u128(end, scaled(m, e, decimals));
#else
        return fixed_printf(out, size, v, decimals);
#endif
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

/* ---- JSON numbers ------------------------------------------------------ */

/*
 * json_digits() for d <= DECIMALS_SMALL: the integer part of q / 10^d,
 * then its fraction as four digits (two pairs), cut after the last digit
 * that is not a zero; no fraction, no '.'. At most 26 bytes.
 */
static char *json_small(char *out, int negative, uint64_t q, int d)
{
    uint64_t whole;
    unsigned frac;
    if (q == 0) { /* "0", "-0", "0.000": all "0" */
        *out = '0';
        return out + 1;
    }
    switch (d) { /* constant divisors: multiplications */
    case 0:
        whole = q;
        frac = 0;
        break;
    case 1:
        whole = q / 10;
        frac = (unsigned)(q % 10) * 1000;
        break;
    case 2:
        whole = q / 100;
        frac = (unsigned)(q % 100) * 100;
        break;
    case 3:
        whole = q / 1000;
        frac = (unsigned)(q % 1000) * 10;
        break;
    default:
        whole = q / 10000;
        frac = (unsigned)(q % 10000);
        break;
    }
    if (negative)
        *out++ = '-';
    out = jbw__put_digits(out, whole);
    if (frac == 0)
        return out;
    out[0] = '.';
    memcpy(out + 1, digit_pairs + 2 * (frac / 100), 2);
    memcpy(out + 3, digit_pairs + 2 * (frac % 100), 2);
    out += 5;
    while (out[-1] == '0') /* the '.' has a digit that is not */
        out--;
    return out;
}

/*
 * The JSON text of a value whose |v| * 10^d rounds to q: a '-' before a
 * negative value that does not round to zero, the digits of q with a '.'
 * before the last d, and then without the zeros that end the fraction
 * and a '.' left last. The length is known before the first digit, so
 * the digits are written from the last one backwards, in place, and the
 * trimming only moves the end.
 */
static char *json_digits(char *out, int negative, uint64_t q, int d)
{
    char *end, *p;
    int n = 1, i;
    if (q == 0) { /* "0", "-0", "0.000": all "0" */
        *out = '0';
        return out + 1;
    }
    if (negative)
        *out++ = '-';
    while (n < 20 && q >= pow10_u64[n])
        n++;
    /* n digits: n > d holds n - d integer digits, n <= d a "0" before
     * the point and d - n zeros after it */
    end = out + (n > d ? n : d + 1) + (d > 0);
    p = end;
    for (i = 0; i < d; i++) {
        *--p = (char)('0' + q % 10);
        q /= 10;
    }
    if (d > 0)
        *--p = '.';
    do {
        *--p = (char)('0' + q % 10);
        q /= 10;
    } while (q);
    if (d > 0) { /* a digit before the '.' ends the scan */
        while (end[-1] == '0')
            end--;
        if (end[-1] == '.')
            end--;
    }
    return end;
}

/*
 * The general case: jbw__fixed()'s text, then the trailing zeros of the
 * fraction and a '.' left at the end are taken away; too long a text is
 * null.
 */
static char *json_general(char *out, double v, int decimals)
{
    char tmp[JBW__JSON_NUMBER_MAX + 1];
    size_t n = jbw__fixed(tmp, sizeof tmp, v, decimals);
    if (n == 0 || n >= sizeof tmp) {
        memcpy(out, "null", 4);
        return out + 4;
    }
    if (memchr(tmp, '.', n)) {
        while (n > 0 && tmp[n - 1] == '0')
            n--;
        if (n > 0 && tmp[n - 1] == '.')
            n--;
    }
    if (n == 2 && tmp[0] == '-' && tmp[1] == '0') { /* "-0" is "0" */
        *out = '0';
        return out + 1;
    }
    memcpy(out, tmp, n);
    return out + n;
}

/* Any value and decimals: not finite, decimals out of 0..12, the 128-bit
 * path and the general one. */
static RARE char *json_wide(char *out, double v, int decimals)
{
    uint64_t bits, q;
    if (!isfinite(v)) {
        memcpy(out, "null", 4);
        return out + 4;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > JBW__JSON_DECIMALS_MAX)
        decimals = JBW__JSON_DECIMALS_MAX;
    memcpy(&bits, &v, sizeof bits);
    if (fabs(v) < 9223372036854775808.0 && scaled_u64(&q, bits, decimals))
        return json_digits(out, (int)(bits >> 63), q, decimals);
    return json_general(out, v, decimals);
}

char *jbw__fixed_json(char *out, double v, int decimals)
{
    uint64_t bits, m, q;
    int e;
    /* the usual case; not finite never passes scaled_small (e is 972) */
    memcpy(&bits, &v, sizeof bits);
    split(bits, &m, &e);
    if (decimals >= 0 && decimals <= DECIMALS_SMALL &&
        scaled_small(&q, m, e, decimals))
        return json_small(out, (int)(bits >> 63), q, decimals);
    return json_wide(out, v, decimals);
}
