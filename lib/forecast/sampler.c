/*
 * libjbw - the forecast's random draws: deterministic elementary
 * functions, the generator (xoshiro256** seeded by splitmix64), and
 * the Poisson and binomial samplers.
 *
 * Reproducibility: every figure that decides an integer draw comes from
 * +, -, *, /, sqrt, floor and ldexp, which IEEE 754 rounds the same way on
 * every platform, or from portable_log/portable_exp below, which are built from
 * those operations only (the C library's log/exp/pow may differ in the last bit
 * between platforms, and a single bit can flip a draw). Contraction into fused
 * multiply-adds would change roundings, so it is switched off
 * (forecast_internal.h).
 */
#include "forecast/forecast_internal.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* ====================================================================== */
/* Deterministic elementary functions                                      */
/* ====================================================================== */

/* ln 2 split so that e * FC_LN2_HI is exact for |e| < 2^11 (fdlibm). */
#define FC_LN2_HI  6.93147180369123816490e-01
#define FC_LN2_LO  1.90821492927058770002e-10
#define FC_INV_LN2 1.44269504088896338700e+00
#define FC_SQRT2   1.41421356237309504880

/*
 * Natural logarithm from basic operations: x = 2^e m with m in
 * [sqrt(1/2), sqrt(2)), ln m = 2 atanh(s) with s = (m - 1) / (m + 1),
 * |s| < 0.1716, summed to s^25 (truncation below 1e-17 relative).
 */
static double portable_log(double x)
{
    uint64_t bits;
    int e;
    double m, f, s, s2, t;
    if (x != x || x < 0)
        return NAN;
    if (x == 0)
        return -HUGE_VAL;
    if (x > DBL_MAX)
        return x;
    memcpy(&bits, &x, sizeof bits);
    e = (int)((bits >> 52) & 0x7ff);
    if (e == 0) { /* subnormal: scale into the normal range first */
        x *= 18014398509481984.0; /* 2^54 */
        memcpy(&bits, &x, sizeof bits);
        e = (int)((bits >> 52) & 0x7ff) - 54;
    }
    e -= 1023;
    bits = (bits & UINT64_C(0x000fffffffffffff)) | UINT64_C(0x3ff0000000000000);
    memcpy(&m, &bits, sizeof m);
    if (m > FC_SQRT2) {
        m *= 0.5;
        e++;
    }
    f = m - 1.0;
    s = f / (2.0 + f);
    s2 = s * s;
    t = s2 *
        (1.0 / 3 +
         s2 *
             (1.0 / 5 +
              s2 *
                  (1.0 / 7 +
                   s2 *
                       (1.0 / 9 +
                        s2 *
                            (1.0 / 11 +
                             s2 *
                                 (1.0 / 13 +
                                  s2 *
                                      (1.0 / 15 +
                                       s2 *
                                           (1.0 / 17 +
                                            s2 *
                                                (1.0 / 19 +
                                                 s2 *
                                                     (1.0 / 21 +
                                                      s2 *
                                                          (1.0 / 23 +
                                                           s2 * (1.0 /
                                                                 25))))))))))));
    return (double)e * FC_LN2_HI +
           ((2.0 * s + 2.0 * s * t) + (double)e * FC_LN2_LO);
}

/*
 * Exponential from basic operations: x = k ln 2 + r, |r| <= 0.347,
 * e^r by its Taylor series to r^13 (truncation below 1e-17), scaled by
 * ldexp (exact).
 */
static double portable_exp(double x)
{
    double k, r, p;
    if (x != x)
        return x;
    if (x > 709.0)
        return HUGE_VAL;
    if (x < -745.2)
        return 0.0;
    k = floor(x * FC_INV_LN2 + 0.5);
    r = (x - k * FC_LN2_HI) - k * FC_LN2_LO;
    p = 1.0 +
        r * (1.0 +
             r / 2 *
                 (1.0 +
                  r / 3 *
                      (1.0 +
                       r / 4 *
                           (1.0 +
                            r / 5 *
                                (1.0 +
                                 r / 6 *
                                     (1.0 +
                                      r / 7 *
                                          (1.0 +
                                           r / 8 *
                                               (1.0 +
                                                r / 9 *
                                                    (1.0 +
                                                     r / 10 *
                                                         (1.0 +
                                                          r / 11 *
                                                              (1.0 +
                                                               r / 12 *
                                                                   (1.0 +
                                                                    r / 13))))))))))));
    return ldexp(p, (int)k);
}

/*
 * ln k!: a table below 16, Stirling's series with four correction terms
 * above (absolute error below 2e-14 at k = 16, less after).
 */
double jbw__fc_log_factorial(double k)
{
    static const double table[16] = {0.0,
                                     0.0,
                                     6.93147180559945309417e-1,
                                     1.79175946922805500081e+0,
                                     3.17805383034794561965e+0,
                                     4.78749174278204599425e+0,
                                     6.57925121201010099506e+0,
                                     8.52516136106541430017e+0,
                                     1.06046029027452502284e+1,
                                     1.28018274800814696112e+1,
                                     1.51044125730755152952e+1,
                                     1.75023078458738858393e+1,
                                     1.99872144956618861495e+1,
                                     2.25521638531234228856e+1,
                                     2.51912211827386815001e+1,
                                     2.78992713838408915661e+1};
    double x, x2;
    if (k < 16)
        return table[(int)k];
    x = k + 1.0;
    x2 = x * x;
    return (x - 0.5) * portable_log(x) - x + 9.18938533204672741780e-1 +
           (1.0 / 12 -
            (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * x2)) / x2) / x2) /
               x;
}

/*
 * y^(1/12) for y in [0, 1] by Newton's method on x^12 = y from x = 1:
 * from above the iterates fall monotonically, so stop when they no
 * longer do. Used for the monthly turnover rate.
 */
double jbw__fc_root12(double y)
{
    double x = 1.0;
    int i;
    if (y <= 0)
        return 0.0;
    for (i = 0; i < 400; i++) {
        double x2 = x * x, x4 = x2 * x2, x8 = x4 * x4;
        double x11 = x8 * x2 * x;
        double next = (11.0 * x + y / x11) / 12.0;
        if (!(next < x))
            break;
        x = next;
    }
    return x;
}

/* q^n by repeated squaring (exact operations only). */
static double powi(double q, uint64_t n)
{
    double r = 1.0;
    while (n) {
        if (n & 1)
            r *= q;
        q *= q;
        n >>= 1;
    }
    return r;
}

/* ====================================================================== */
/* The generator (base/rng.h) with the log-factorial table of a run       */
/* ====================================================================== */

static double lfact(const jbw__fc_rng *g, double k)
{
    return k < FC_LF_TABLE ? g->lf[(size_t)k] : jbw__fc_log_factorial(k);
}

/* ====================================================================== */
/* Samplers                                                                */
/* ====================================================================== */

void jbw__fc_poisson_setup(jbw__fc_poisson *ps, double mean)
{
    memset(ps, 0, sizeof *ps);
    ps->mean = mean;
    if (mean <= 0)
        return;
    if (mean < 10) {
        ps->exp_neg = portable_exp(-mean);
        return;
    }
    ps->b = 0.931 + 2.53 * sqrt(mean);
    ps->a = -0.059 + 0.02483 * ps->b;
    ps->vr = 0.9277 - 3.6224 / (ps->b - 2);
    ps->log_mean = portable_log(mean);
    ps->log_inv_alpha = portable_log(1.1239 + 1.1328 / (ps->b - 3.4));
}

/*
 * Poisson draw: inversion by sequential search below mean 10 (exact up
 * to rounding); above, PTRS, the transformed rejection method of Hörmann
 * (1993), exact as a rejection method (its acceptance test uses
 * jbw__fc_log_factorial, accurate to about 1e-14).
 */
double jbw__fc_poisson_draw(const jbw__fc_poisson *ps, jbw__fc_rng *g)
{
    if (ps->mean <= 0)
        return 0;
    if (ps->mean < 10) {
        double u = jbw__xoshiro_uniform(g->s), p = ps->exp_neg, cdf = p;
        double k = 0;
        while (u > cdf && k < 1000) {
            k += 1;
            p *= ps->mean / k;
            cdf += p;
        }
        return k;
    }
    for (;;) {
        double u = jbw__xoshiro_uniform(g->s) - 0.5;
        double v = jbw__xoshiro_uniform(g->s);
        double us = 0.5 - fabs(u);
        double k;
        if (us < 1e-9)
            continue; /* |u| at 0.5: k far out in a tail, accepted with
                         probability ~0; rejecting spares the division */
        k = floor((2 * ps->a / us + ps->b) * u + ps->mean + 0.43);
        if (us >= 0.07 && v <= ps->vr)
            return k;
        if (k < 0 || (us < 0.013 && v > us))
            continue;
        if (portable_log(v) + ps->log_inv_alpha -
                portable_log(ps->a / (us * us) + ps->b) <=
            -ps->mean + k * ps->log_mean - lfact(g, k))
            return k;
    }
}

/*
 * Binomial by inversion (BINV, Kachitvichyanukul and Schmeiser 1988):
 * sequential search from q^n, restarting past a bound of np + 10 sd
 * (at least 10, so it is only worked out past k = 10). p <= 0.5 and
 * np < 10 here.
 */
static double binomial_inversion(double n, double p, double q, double s,
                                 double r0, jbw__fc_rng *g)
{
    double a = (n + 1) * s;
    double bound = -1;
    for (;;) {
        double u = jbw__xoshiro_uniform(g->s), r = r0, k = 0;
        for (;;) {
            if (u < r)
                return k;
            if (k >= n)
                break;
            if (k >= 10) {
                if (bound < 0)
                    bound = n * p + 10.0 * sqrt(n * p * q + 1);
                if (k >= bound)
                    break;
            }
            u -= r;
            k += 1;
            r *= a / k - s;
        }
    }
}

/*
 * Binomial by BTRS, the transformed rejection method of Hörmann (1993),
 * for p <= 0.5 and np >= 10; exact as a rejection method.
 */
static double binomial_btrs(double n, double p, jbw__fc_rng *g)
{
    double q = 1.0 - p;
    double spq = sqrt(n * p * q);
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double vr = 0.92 - 4.2 / b;
    double alpha = 0, lpq = 0, m = 0, h = 0;
    int slow_ready = 0;
    for (;;) {
        double u = jbw__xoshiro_uniform(g->s) - 0.5;
        double v = jbw__xoshiro_uniform(g->s);
        double us = 0.5 - fabs(u);
        double k;
        if (us < 1e-9)
            continue;
        k = floor((2 * a / us + b) * u + c);
        if (k < 0 || k > n)
            continue;
        if (us >= 0.07 && v <= vr)
            return k;
        if (!slow_ready) { /* the rare slow path: set up once per draw */
            alpha = (2.83 + 5.1 / b) * spq;
            lpq = portable_log(p / q);
            m = floor((n + 1) * p);
            h = lfact(g, m) + lfact(g, n - m);
            slow_ready = 1;
        }
        v = portable_log(v * alpha / (a / (us * us) + b));
        if (v <= h - lfact(g, k) - lfact(g, n - k) + (k - m) * lpq)
            return k;
    }
}

/* `table`, when not NULL, holds FC_QPOW doubles and is filled here. */
void jbw__fc_binom_setup(jbw__fc_binom *b, double p, double *table)
{
    size_t n;
    b->all = p >= 1;
    b->none = p <= 0;
    b->flip = p > 0.5;
    b->p = b->flip ? 1.0 - p : p;
    b->q = 1.0 - b->p;
    b->s = b->p / b->q;
    b->qpow = table;
    for (n = 0; table && n < FC_QPOW; n++)
        table[n] = powi(b->q, (uint64_t)n);
}

double jbw__fc_binom_draw(const jbw__fc_binom *b, double n, jbw__fc_rng *g)
{
    double x;
    if (n <= 0 || b->none)
        return 0;
    if (b->all)
        return n;
    if (n * b->p < 10)
        x = binomial_inversion(n, b->p, b->q, b->s,
                               b->qpow && n < FC_QPOW ? b->qpow[(size_t)n]
                                                      : powi(b->q, (uint64_t)n),
                               g);
    else
        x = binomial_btrs(n, b->p, g);
    return b->flip ? n - x : x;
}
