/*
 * libjbw - forecast and staffing: the monthly stock-flow model of the
 * waiting list, its deterministic and stochastic runs, relief and queue
 * staffing, scenarios and output. docs/forecast.md has the equations.
 *
 * Reproducibility: every figure that decides an integer draw comes from
 * +, -, *, /, sqrt, floor and ldexp, which IEEE 754 rounds the same way on
 * every platform, or from fc_log/fc_exp below, which are built from those
 * operations only (the C library's log/exp/pow may differ in the last
 * bit between platforms, and a single bit can flip a draw). Contraction
 * into fused multiply-adds would change roundings, so it is switched off.
 */
#include "csv_internal.h"
#include "snapshot_internal.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#if defined(__clang__)
#  pragma STDC FP_CONTRACT OFF
#endif

#define FC_K JBW_KIND_COUNT
#define FC_RING (JBW_TENURE_SLOTS - 1) /* tenure 0..35; 36+ kept apart */

/* Domain limits of the parameters (docs/forecast.md). */
#define FC_MAX_COUNT 1e9      /* measures in a start stock */
#define FC_MAX_INFLOW 1e7     /* measures a month */
#define FC_MAX_DURATION 1200.0 /* months (100 years) */
#define FC_MAX_FTE 1e6        /* FTE in a tenure slot */
#define FC_MAX_HIRES 1e5      /* FTE hired a month */
#define FC_MAX_MONEY 1e12
#define FC_MAX_MULTIPLIER 1000.0
#define FC_MAX_SHOCKS 10000
#define FC_MAX_SLOTS 100000000.0

/* ====================================================================== */
/* Deterministic elementary functions                                      */
/* ====================================================================== */

/* ln 2 split so that e * FC_LN2_HI is exact for |e| < 2^11 (fdlibm). */
#define FC_LN2_HI 6.93147180369123816490e-01
#define FC_LN2_LO 1.90821492927058770002e-10
#define FC_INV_LN2 1.44269504088896338700e+00
#define FC_SQRT2 1.41421356237309504880

/*
 * Natural logarithm from basic operations: x = 2^e m with m in
 * [sqrt(1/2), sqrt(2)), ln m = 2 atanh(s) with s = (m - 1) / (m + 1),
 * |s| < 0.1716, summed to s^25 (truncation below 1e-17 relative).
 */
static double fc_log(double x)
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
    t = s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 +
        s2 * (1.0 / 11 + s2 * (1.0 / 13 + s2 * (1.0 / 15 + s2 * (1.0 / 17 +
        s2 * (1.0 / 19 + s2 * (1.0 / 21 + s2 * (1.0 / 23 +
        s2 * (1.0 / 25))))))))))));
    return (double)e * FC_LN2_HI + ((2.0 * s + 2.0 * s * t) +
                                    (double)e * FC_LN2_LO);
}

/*
 * Exponential from basic operations: x = k ln 2 + r, |r| <= 0.347,
 * e^r by its Taylor series to r^13 (truncation below 1e-17), scaled by
 * ldexp (exact).
 */
static double fc_exp(double x)
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
    p = 1.0 + r * (1.0 + r / 2 * (1.0 + r / 3 * (1.0 + r / 4 * (1.0 +
        r / 5 * (1.0 + r / 6 * (1.0 + r / 7 * (1.0 + r / 8 * (1.0 +
        r / 9 * (1.0 + r / 10 * (1.0 + r / 11 * (1.0 + r / 12 * (1.0 +
        r / 13))))))))))));
    return ldexp(p, (int)k);
}

/*
 * ln k!: a table below 16, Stirling's series with four correction terms
 * above (absolute error below 2e-14 at k = 16, less after).
 */
static double fc_log_factorial(double k)
{
    static const double table[16] = {
        0.0, 0.0, 6.93147180559945309417e-1, 1.79175946922805500081e+0,
        3.17805383034794561965e+0, 4.78749174278204599425e+0,
        6.57925121201010099506e+0, 8.52516136106541430017e+0,
        1.06046029027452502284e+1, 1.28018274800814696112e+1,
        1.51044125730755152952e+1, 1.75023078458738858393e+1,
        1.99872144956618861495e+1, 2.25521638531234228856e+1,
        2.51912211827386815001e+1, 2.78992713838408915661e+1
    };
    double x, x2;
    if (k < 16)
        return table[(int)k];
    x = k + 1.0;
    x2 = x * x;
    return (x - 0.5) * fc_log(x) - x + 9.18938533204672741780e-1 +
           (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * x2)) / x2) /
                           x2) / x;
}

/*
 * y^(1/12) for y in [0, 1] by Newton's method on x^12 = y from x = 1:
 * from above the iterates fall monotonically, so stop when they no
 * longer do. Used for the monthly turnover rate.
 */
static double fc_root12(double y)
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
static double fc_powi(double q, uint64_t n)
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
/* PRNG: xoshiro256** (Blackman and Vigna 2018) seeded by splitmix64       */
/* ====================================================================== */

/*
 * A replicate's generator, with the run's table of ln k! for small k
 * (shared, read-only; the values of fc_log_factorial, cached).
 */
#define FC_LF_TABLE 2048
typedef struct fc_rng {
    uint64_t s[4];
    const double *lf;
} fc_rng;

static double fc_lfact(const fc_rng *g, double k)
{
    return k < FC_LF_TABLE ? g->lf[(size_t)k] : fc_log_factorial(k);
}

static uint64_t fc_splitmix64(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/*
 * The stream of replicate r: splitmix64 started at seed is run once to
 * give a key; splitmix64 started at key ^ (r x a 64-bit odd constant)
 * gives the four state words. Each replicate's stream depends only on
 * (seed, r), so results do not depend on the order replicates run in.
 */
static void fc_rng_seed(fc_rng *g, uint64_t seed, uint64_t replicate)
{
    uint64_t sm = seed;
    uint64_t key = fc_splitmix64(&sm);
    int i;
    sm = key ^ (replicate * UINT64_C(0xD1B54A32D192ED03));
    for (i = 0; i < 4; i++)
        g->s[i] = fc_splitmix64(&sm);
}

static uint64_t fc_rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t fc_next(fc_rng *g)
{
    uint64_t *s = g->s;
    uint64_t result = fc_rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = fc_rotl(s[3], 45);
    return result;
}

/* Uniform on [0, 1) with 53 random bits. */
static double fc_uniform(fc_rng *g)
{
    return (double)(fc_next(g) >> 11) * (1.0 / 9007199254740992.0);
}

/* ====================================================================== */
/* Samplers                                                                */
/* ====================================================================== */

/* A Poisson sampler for one mean, set up once and shared by replicates. */
typedef struct fc_poisson {
    double mean;
    double exp_neg;   /* e^-mean, inversion (mean < 10) */
    /* PTRS constants (mean >= 10) */
    double b, a, vr, log_mean, log_inv_alpha;
} fc_poisson;

static void fc_poisson_setup(fc_poisson *ps, double mean)
{
    memset(ps, 0, sizeof *ps);
    ps->mean = mean;
    if (mean <= 0)
        return;
    if (mean < 10) {
        ps->exp_neg = fc_exp(-mean);
        return;
    }
    ps->b = 0.931 + 2.53 * sqrt(mean);
    ps->a = -0.059 + 0.02483 * ps->b;
    ps->vr = 0.9277 - 3.6224 / (ps->b - 2);
    ps->log_mean = fc_log(mean);
    ps->log_inv_alpha = fc_log(1.1239 + 1.1328 / (ps->b - 3.4));
}

/*
 * Poisson draw: inversion by sequential search below mean 10 (exact up
 * to rounding); above, PTRS, the transformed rejection method of Hörmann
 * (1993), exact as a rejection method (its acceptance test uses
 * fc_log_factorial, accurate to about 1e-14).
 */
static double fc_poisson_draw(const fc_poisson *ps, fc_rng *g)
{
    if (ps->mean <= 0)
        return 0;
    if (ps->mean < 10) {
        double u = fc_uniform(g), p = ps->exp_neg, cdf = p;
        double k = 0;
        while (u > cdf && k < 1000) {
            k += 1;
            p *= ps->mean / k;
            cdf += p;
        }
        return k;
    }
    for (;;) {
        double u = fc_uniform(g) - 0.5;
        double v = fc_uniform(g);
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
        if (fc_log(v) + ps->log_inv_alpha - fc_log(ps->a / (us * us) + ps->b) <=
            -ps->mean + k * ps->log_mean - fc_lfact(g, k))
            return k;
    }
}

/*
 * Binomial by inversion (BINV, Kachitvichyanukul and Schmeiser 1988):
 * sequential search from q^n, restarting past a bound of np + 10 sd
 * (at least 10, so it is only worked out past k = 10). p <= 0.5 and
 * np < 10 here.
 */
static double fc_binomial_inversion(double n, double p, double q, double s,
                                    double r0, fc_rng *g)
{
    double a = (n + 1) * s;
    double bound = -1;
    for (;;) {
        double u = fc_uniform(g), r = r0, k = 0;
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
static double fc_binomial_btrs(double n, double p, fc_rng *g)
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
        double u = fc_uniform(g) - 0.5;
        double v = fc_uniform(g);
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
            lpq = fc_log(p / q);
            m = floor((n + 1) * p);
            h = fc_lfact(g, m) + fc_lfact(g, n - m);
            slow_ready = 1;
        }
        v = fc_log(v * alpha / (a / (us * us) + b));
        if (v <= h - fc_lfact(g, k) - fc_lfact(g, n - k) +
                     (k - m) * lpq)
            return k;
    }
}

/*
 * Binomial(n, p) draws, n a whole number held in a double. The constants
 * of one p are set up once for the many n it is drawn for (the exits of
 * a kind, the leavers), with q^n for small n when a table is given: the
 * same values fc_powi gives, so the draws do not depend on the table.
 */
#define FC_QPOW 256
typedef struct fc_binom {
    double p, q, s;       /* p <= 0.5 after the flip; q = 1 - p; s = p / q */
    int flip, all, none;  /* flip: n - Bin(n, 1 - p); all: p >= 1; none: p <= 0 */
    const double *qpow;   /* q^n for n < FC_QPOW, or NULL */
} fc_binom;

/* `table`, when not NULL, holds FC_QPOW doubles and is filled here. */
static void fc_binom_setup(fc_binom *b, double p, double *table)
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
        table[n] = fc_powi(b->q, (uint64_t)n);
}

static double fc_binom_draw(const fc_binom *b, double n, fc_rng *g)
{
    double x;
    if (n <= 0 || b->none)
        return 0;
    if (b->all)
        return n;
    if (n * b->p < 10)
        x = fc_binomial_inversion(n, b->p, b->q, b->s,
                                  b->qpow && n < FC_QPOW
                                      ? b->qpow[(size_t)n]
                                      : fc_powi(b->q, (uint64_t)n),
                                  g);
    else
        x = fc_binomial_btrs(n, b->p, g);
    return b->flip ? n - x : x;
}

/* ====================================================================== */
/* Parameter checks                                                        */
/* ====================================================================== */

static const char *fc_kind_name(int k)
{
    const char *code = jbw_kind_code((jbw_kind)k);
    return code ? code : "?";
}

/* Checks lo <= v <= hi and finiteness; names the field in the detail. */
static jbw_status fc_check_range(double v, double lo, double hi,
                                 const char *field, const char *index)
{
    if (!isfinite(v))
        return jbw__error(JBW_EINVAL, "forecast params: %s%s is %s: must be "
                          "a finite number", field, index, v != v ? "NaN" :
                          "infinite");
    if (v < lo || v > hi)
        return jbw__error(JBW_EINVAL, "forecast params: %s%s is %g: must be "
                          "in [%g, %g]", field, index, v, lo, hi);
    return JBW_OK;
}

/* Checks 0 < v <= hi. */
static jbw_status fc_check_positive_max(double v, double hi, const char *field)
{
    jbw_status st = fc_check_range(v, 0, hi, field, "");
    if (st == JBW_OK && v <= 0)
        return jbw__error(JBW_EINVAL, "forecast params: %s is %g: must be "
                          "> 0", field, v);
    return st;
}

static jbw_status fc_check_kind_array(const double *arr, double lo, double hi,
                                      const char *field, int whole)
{
    int k;
    for (k = 0; k < FC_K; k++) {
        char idx[40];
        jbw_status st;
        snprintf(idx, sizeof idx, "[%s]", fc_kind_name(k));
        st = fc_check_range(arr[k], lo, hi, field, idx);
        if (st != JBW_OK)
            return st;
        if (whole && arr[k] != floor(arr[k]))
            return jbw__error(JBW_EINVAL, "forecast params: %s%s is %g: a "
                              "stochastic run needs whole counts", field, idx,
                              arr[k]);
    }
    return JBW_OK;
}

static jbw_status fc_check_flag(int v, const char *field)
{
    if (v != 0 && v != 1)
        return jbw__error(JBW_EINVAL, "forecast params: %s is %d: must be 0 "
                          "or 1", field, v);
    return JBW_OK;
}

static jbw_status fc_check_shocks(const jbw_forecast_params *p)
{
    size_t i;
    if (p->shock_count > FC_MAX_SHOCKS)
        return jbw__error(JBW_EINVAL, "forecast params: %zu shocks: at most "
                          "%d", p->shock_count, FC_MAX_SHOCKS);
    if (p->shock_count && !p->shocks)
        return jbw__error(JBW_EINVAL, "forecast params: shock_count is %zu "
                          "but shocks is NULL", p->shock_count);
    for (i = 0; i < p->shock_count; i++) {
        const jbw_shock *s = &p->shocks[i];
        char idx[48];
        jbw_status st;
        if (s->kind != JBW_SHOCK_ALL_KINDS && (s->kind < 0 || s->kind >= FC_K))
            return jbw__error(JBW_EINVAL, "forecast params: shocks[%zu].kind "
                              "is %d: not a kind", i, s->kind);
        if (s->month_from < 1 || s->month_to < s->month_from ||
            s->month_to > JBW_FORECAST_MONTHS_MAX)
            return jbw__error(JBW_EINVAL, "forecast params: shocks[%zu] "
                              "months %d..%d: need 1 <= from <= to <= %d", i,
                              (int)s->month_from, (int)s->month_to,
                              JBW_FORECAST_MONTHS_MAX);
        snprintf(idx, sizeof idx, "[%zu].multiplier", i);
        st = fc_check_range(s->multiplier, 0, FC_MAX_MULTIPLIER, "shocks",
                            idx);
        if (st != JBW_OK)
            return st;
    }
    return JBW_OK;
}

static jbw_status fc_check_staff(const jbw_forecast_params *p)
{
    int j;
    for (j = 0; j < JBW_TENURE_SLOTS; j++) {
        char idx[16];
        jbw_status st;
        snprintf(idx, sizeof idx, "[%d]", j);
        st = fc_check_range(p->staff_fte[j], 0, FC_MAX_FTE, "staff_fte", idx);
        if (st != JBW_OK)
            return st;
    }
    return JBW_OK;
}

static jbw_status fc_check_horizon(const jbw_forecast_params *p)
{
    jbw_date end;
    if (p->months < 1 || p->months > JBW_FORECAST_MONTHS_MAX)
        return jbw__error(JBW_ERANGE, "forecast params: months is %d: must "
                          "be 1..%d", (int)p->months, JBW_FORECAST_MONTHS_MAX);
    if (p->start == JBW_DATE_NONE)
        return JBW_OK;
    if (!jbw__date_in_range(p->start) ||
        jbw_date_add_months(&end, p->start, (int)p->months) != JBW_OK)
        return jbw__error(JBW_ERANGE, "forecast params: start date plus %d "
                          "months lies outside %d..%d", (int)p->months,
                          JBW_YEAR_MIN, JBW_YEAR_MAX);
    return JBW_OK;
}

static double fc_shock_multiplier(const jbw_forecast_params *p, int kind,
                                  int32_t month);

/*
 * Each shock's multiplier is bounded, but overlapping shocks multiply:
 * the inflow they give in every month must stay within the same bound as
 * the base inflow, or a run would overflow to inf and NaN stocks.
 */
static jbw_status fc_check_shocked_inflow(const jbw_forecast_params *p)
{
    int32_t t;
    int k;
    if (!p->shock_count)
        return JBW_OK;
    for (k = 0; k < FC_K; k++) {
        if (p->inflow[k] <= 0)
            continue;
        for (t = 1; t <= p->months; t++) {
            double mult = fc_shock_multiplier(p, k, t);
            double in = p->inflow[k] * mult;
            if (!(in <= FC_MAX_INFLOW))
                return jbw__error(JBW_EINVAL,
                                  "forecast params: inflow[%s] in month %d is "
                                  "%g x the shocks' combined multiplier %g: "
                                  "more than %g measures a month",
                                  jbw_kind_code((jbw_kind)k), (int)t,
                                  p->inflow[k], mult, FC_MAX_INFLOW);
        }
    }
    return JBW_OK;
}

static jbw_status fc_check_params(const jbw_forecast_params *p, int stochastic)
{
    jbw_status st;
    if (!p)
        return jbw__error(JBW_EINVAL, "forecast params: NULL");
    if (p->version != JBW_FORECAST_PARAMS_VERSION)
        return jbw__error(JBW_EVERSION, "forecast params: version %u is not "
                          "supported", p->version);
    if ((st = fc_check_horizon(p)) != JBW_OK ||
        (st = fc_check_kind_array(p->assigned, 0, FC_MAX_COUNT, "assigned",
                                  stochastic)) != JBW_OK ||
        (st = fc_check_kind_array(p->waiting_nieuw, 0, FC_MAX_COUNT,
                                  "waiting_nieuw", stochastic)) != JBW_OK ||
        (st = fc_check_kind_array(p->waiting_bestaand, 0, FC_MAX_COUNT,
                                  "waiting_bestaand", stochastic)) != JBW_OK ||
        (st = fc_check_staff(p)) != JBW_OK ||
        (st = fc_check_kind_array(p->inflow, 0, FC_MAX_INFLOW, "inflow",
                                  0)) != JBW_OK ||
        (st = fc_check_kind_array(p->duration, 1, FC_MAX_DURATION, "duration",
                                  0)) != JBW_OK)
        return st;
    if (isfinite(p->turnover) && p->turnover > 1)
        return jbw__error(JBW_EINVAL, "forecast params: turnover is %g: must "
                          "be a fraction 0..1 (0.2 for 20%%)", p->turnover);
    if ((st = fc_check_range(p->turnover, 0, 1, "turnover", "")) != JBW_OK ||
        (st = fc_check_range(p->hires_fte, 0, FC_MAX_HIRES, "hires_fte",
                             "")) != JBW_OK ||
        (st = fc_check_positive_max(p->fte_per_worker, 1.2,
                                    "fte_per_worker")) != JBW_OK ||
        (st = fc_check_positive_max(p->units_per_measure, 10,
                                    "units_per_measure")) != JBW_OK ||
        (st = fc_check_flag(p->bestaand_first, "bestaand_first")) != JBW_OK ||
        (st = fc_check_flag(p->emergency_first, "emergency_first")) != JBW_OK ||
        (st = fc_check_flag(p->finance, "finance")) != JBW_OK ||
        (st = fc_check_kind_array(p->tariff, 0, FC_MAX_MONEY, "tariff", 0)) !=
            JBW_OK ||
        (st = fc_check_range(p->staff_cost, 0, FC_MAX_MONEY, "staff_cost",
                             "")) != JBW_OK ||
        (st = fc_check_range(p->fixed_costs, 0, FC_MAX_MONEY, "fixed_costs",
                             "")) != JBW_OK)
        return st;
    if (p->hire_months < 0 || p->hire_months > JBW_FORECAST_MONTHS_MAX)
        return jbw__error(JBW_EINVAL, "forecast params: hire_months is %d: "
                          "must be 0..%d", (int)p->hire_months,
                          JBW_FORECAST_MONTHS_MAX);
    if ((st = fc_check_shocks(p)) != JBW_OK)
        return st;
    return fc_check_shocked_inflow(p);
}

jbw_status jbw_forecast_params_init(jbw_forecast_params *params,
                                    unsigned int version)
{
    static const jbw_forecast_params defaults = JBW_FORECAST_PARAMS_INIT;
    if (!params)
        return jbw__error(JBW_EINVAL, "jbw_forecast_params_init: NULL params");
    if (version != JBW_FORECAST_PARAMS_VERSION)
        return jbw__error(JBW_EVERSION, "jbw_forecast_params_init: version "
                          "%u is not supported", version);
    *params = defaults;
    return jbw__ok();
}

jbw_status jbw_forecast_params_check(const jbw_forecast_params *params,
                                     int stochastic)
{
    jbw_status st = fc_check_params(params, stochastic);
    return st == JBW_OK ? jbw__ok() : st;
}

jbw_status jbw_forecast_options_init(jbw_forecast_options *opts,
                                     unsigned int version)
{
    static const jbw_forecast_options defaults = JBW_FORECAST_OPTIONS_INIT;
    if (!opts)
        return jbw__error(JBW_EINVAL, "jbw_forecast_options_init: NULL opts");
    if (version != JBW_FORECAST_OPTIONS_VERSION)
        return jbw__error(JBW_EVERSION, "jbw_forecast_options_init: version "
                          "%u is not supported", version);
    *opts = defaults;
    return jbw__ok();
}

/* ====================================================================== */
/* The model                                                               */
/* ====================================================================== */

/* The quantities of a month, in the order of jbw_forecast_month. */
enum {
    FCQ_ASSIGNED, FCQ_WAITING_NIEUW, FCQ_WAITING_BESTAAND, FCQ_WAITING,
    FCQ_ACTIVE, FCQ_INFLOW, FCQ_EXITS, FCQ_ORPHANED, FCQ_INTAKE,
    FCQ_LEAVERS_FTE, FCQ_HIRES_FTE, FCQ_FTE, FCQ_EFFECTIVE_FTE, FCQ_CAPACITY,
    FCQ_LOAD, FCQ_FREE_CAPACITY, FCQ_REVENUE, FCQ_STAFF_COST,
    FCQ_FIXED_COSTS, FCQ_MARGIN, FCQ_COVERAGE, FCQ_COUNT
};

static const char *const fc_quantity_names[FCQ_COUNT] = {
    "assigned", "waiting_nieuw", "waiting_bestaand", "waiting", "active",
    "inflow", "exits", "orphaned", "intake", "leavers_fte", "hires_fte",
    "fte", "effective_fte", "capacity", "load", "free_capacity", "revenue",
    "staff_cost", "fixed_costs", "margin", "coverage"
};

#define FC_STATS 4
#define FC_LIST_NIEUW 0
#define FC_LIST_BESTAAND 1

/* A group of waiting lists that free capacity takes pro rata. */
typedef struct fc_tier {
    int count;
    uint8_t kind[2 * FC_K];
    uint8_t list[2 * FC_K];
} fc_tier;

/* Everything a month step needs that does not change between replicates. */
typedef struct fc_model {
    int32_t months;
    int live[FC_K];        /* kinds that ever hold a measure */
    int nlive;
    double exit_p[FC_K];   /* 1 / duration */
    double cost[FC_K];     /* norm units per measure: upm x weight */
    double tariff_month[FC_K];
    double ramp[JBW_TENURE_SLOTS];
    double caseload_per_fte;
    double leave_rate;     /* monthly */
    double hires_fte;
    int32_t hire_months;
    double hire_workers;   /* workers per month of hires (stochastic) */
    double fte_per_worker;
    int finance;
    double staff_cost_month, fixed_month;
    fc_tier tiers[3];
    int ntiers;
    double *inflow_mean;   /* (months + 1) x FC_K; row t = month t */
    fc_poisson *inflow_ps; /* idem, stochastic runs only */
    double *lf;            /* ln k! for k < FC_LF_TABLE, stochastic runs */
    fc_binom binom[FC_K + 1]; /* exits per kind, then leavers; stochastic */
    double *qpow;          /* their tables, FC_QPOW each */
} fc_model;
#define FC_LEAVE_BINOM FC_K

/* The state of one replicate (or of the deterministic run). */
typedef struct fc_state {
    double a[FC_K], wn[FC_K], wb[FC_K];
    double fte[FC_RING], workers[FC_RING]; /* ring: tenure j at head + j */
    double senior_fte, senior_workers;     /* tenure 36 and more */
    unsigned head;
    fc_rng rng;
} fc_state;

static void fc_model_free(fc_model *m)
{
    jbw__free(m->inflow_mean);
    jbw__free(m->inflow_ps);
    jbw__free(m->lf);
    jbw__free(m->qpow);
    m->inflow_mean = NULL;
    m->inflow_ps = NULL;
    m->lf = NULL;
    m->qpow = NULL;
}

static double fc_shock_multiplier(const jbw_forecast_params *p, int kind,
                                  int32_t month)
{
    double mult = 1.0;
    size_t i;
    for (i = 0; i < p->shock_count; i++) {
        const jbw_shock *s = &p->shocks[i];
        if ((s->kind == JBW_SHOCK_ALL_KINDS || s->kind == kind) &&
            month >= s->month_from && month <= s->month_to)
            mult *= s->multiplier;
    }
    return mult;
}

static void fc_add_tier(fc_model *m, int emergency, int list, int all)
{
    fc_tier *t = &m->tiers[m->ntiers];
    int i, l;
    t->count = 0;
    for (l = 0; l < 2; l++) {
        if (list >= 0 && l != list)
            continue;
        for (i = 0; i < m->nlive; i++) {
            int k = m->live[i];
            if (!all && (jbw_kind_is_emergency((jbw_kind)k) != 0) != emergency)
                continue;
            t->kind[t->count] = (uint8_t)k;
            t->list[t->count] = (uint8_t)l;
            t->count++;
        }
    }
    if (t->count)
        m->ntiers++;
}

/* The order free capacity takes waiting measures (header, step 5). */
static void fc_build_tiers(fc_model *m, const jbw_forecast_params *p)
{
    int first = p->bestaand_first ? FC_LIST_BESTAAND : FC_LIST_NIEUW;
    int all = !p->emergency_first;
    m->ntiers = 0;
    if (!all)
        fc_add_tier(m, 1, -1, 0);
    fc_add_tier(m, 0, first, all);
    fc_add_tier(m, 0, 1 - first, all);
}

static jbw_status fc_norm_values(fc_model *m, const jbw_norm *norm,
                                 double upm)
{
    jbw_norm *own = NULL;
    int k, j;
    if (!norm) {
        jbw_status st = jbw_norm_new_default(&own);
        if (st != JBW_OK)
            return st;
        norm = own;
    }
    m->caseload_per_fte = jbw_norm_caseload_per_fte(norm);
    for (j = 0; j < JBW_TENURE_SLOTS; j++)
        m->ramp[j] = jbw_norm_ramp(norm, j);
    for (k = 0; k < FC_K; k++)
        m->cost[k] = upm * jbw_norm_weight(norm, (jbw_kind)k);
    jbw_norm_free(own);
    if (!(m->caseload_per_fte > 0) || !isfinite(m->caseload_per_fte))
        return jbw__error(JBW_EINVAL, "forecast: the norm has no positive "
                          "caseload per FTE");
    return JBW_OK;
}

static double fc_round_workers(double fte, double per_worker)
{
    double n;
    if (fte <= 0)
        return 0;
    n = floor(fte / per_worker + 0.5);
    return n < 1 ? 1 : n;
}

/* Sets up the model of a run: validated params in, nothing shared out. */
static jbw_status fc_model_init(fc_model *m, const jbw_forecast_params *p,
                                const jbw_norm *norm, int stochastic)
{
    jbw_status st;
    int32_t t;
    int k;
    memset(m, 0, sizeof *m);
    m->months = p->months;
    st = fc_norm_values(m, norm, p->units_per_measure);
    if (st != JBW_OK)
        return st;
    m->inflow_mean = jbw__calloc((size_t)(p->months + 1) * FC_K,
                                 sizeof *m->inflow_mean);
    if (!m->inflow_mean)
        return jbw__enomem();
    if (stochastic) {
        size_t i;
        m->inflow_ps = jbw__calloc((size_t)(p->months + 1) * FC_K,
                                   sizeof *m->inflow_ps);
        m->lf = jbw__calloc(FC_LF_TABLE, sizeof *m->lf);
        m->qpow = jbw__calloc((FC_K + 1) * FC_QPOW, sizeof *m->qpow);
        if (!m->inflow_ps || !m->lf || !m->qpow) {
            fc_model_free(m);
            return jbw__enomem();
        }
        for (i = 0; i < FC_LF_TABLE; i++)
            m->lf[i] = fc_log_factorial((double)i);
    }
    for (k = 0; k < FC_K; k++) {
        int live = p->assigned[k] > 0 || p->waiting_nieuw[k] > 0 ||
                   p->waiting_bestaand[k] > 0;
        for (t = 1; t <= p->months; t++) {
            double mean = p->inflow[k] * fc_shock_multiplier(p, k, t);
            m->inflow_mean[(size_t)t * FC_K + (size_t)k] = mean;
            if (m->inflow_ps)
                fc_poisson_setup(&m->inflow_ps[(size_t)t * FC_K + (size_t)k],
                                 mean);
            live |= mean > 0;
        }
        if (live)
            m->live[m->nlive++] = k;
        m->exit_p[k] = 1.0 / p->duration[k];
        m->tariff_month[k] = p->finance ? p->tariff[k] / 12.0 : 0.0;
    }
    m->leave_rate = 1.0 - fc_root12(1.0 - p->turnover);
    if (m->qpow) {
        for (k = 0; k < FC_K; k++)
            fc_binom_setup(&m->binom[k], m->exit_p[k],
                           m->qpow + (size_t)k * FC_QPOW);
        fc_binom_setup(&m->binom[FC_LEAVE_BINOM], m->leave_rate,
                       m->qpow + (size_t)FC_LEAVE_BINOM * FC_QPOW);
    }
    m->hires_fte = p->hires_fte;
    m->hire_months = p->hire_months;
    m->fte_per_worker = p->fte_per_worker;
    m->hire_workers = fc_round_workers(p->hires_fte, p->fte_per_worker);
    m->finance = p->finance;
    m->staff_cost_month = p->staff_cost / 12.0;
    m->fixed_month = p->fixed_costs / 12.0;
    fc_build_tiers(m, p);
    return JBW_OK;
}

static void fc_state_init(fc_state *s, const fc_model *m,
                          const jbw_forecast_params *p)
{
    int k, j;
    memset(s, 0, sizeof *s);
    for (k = 0; k < FC_K; k++) {
        s->a[k] = p->assigned[k];
        s->wn[k] = p->waiting_nieuw[k];
        s->wb[k] = p->waiting_bestaand[k];
    }
    for (j = 0; j < FC_RING; j++) {
        s->fte[j] = p->staff_fte[j];
        s->workers[j] = fc_round_workers(p->staff_fte[j], m->fte_per_worker);
    }
    s->senior_fte = p->staff_fte[FC_RING];
    s->senior_workers = fc_round_workers(s->senior_fte, m->fte_per_worker);
}

static double fc_total_fte(const fc_state *s)
{
    double sum = s->senior_fte;
    int j;
    for (j = 0; j < FC_RING; j++)
        sum += s->fte[j];
    return sum;
}

static double fc_effective_fte(const fc_model *m, const fc_state *s)
{
    double sum = s->senior_fte * m->ramp[FC_RING];
    unsigned cell, j = 0;
    /* tenure j sits in cell head + j: walk the ring in two runs */
    for (cell = s->head; cell < FC_RING; cell++)
        sum += s->fte[cell] * m->ramp[j++];
    for (cell = 0; cell < s->head; cell++)
        sum += s->fte[cell] * m->ramp[j++];
    return sum;
}

static double fc_load(const fc_model *m, const fc_state *s)
{
    double load = 0;
    int i;
    for (i = 0; i < m->nlive; i++) {
        int k = m->live[i];
        load += m->cost[k] * s->a[k];
    }
    return load;
}

/* Fills the stock, staff and finance quantities of the state. */
static void fc_observe(const fc_model *m, const fc_state *s, double *q)
{
    double a = 0, wn = 0, wb = 0, revenue = 0;
    int i;
    for (i = 0; i < m->nlive; i++) {
        int k = m->live[i];
        a += s->a[k];
        wn += s->wn[k];
        wb += s->wb[k];
        revenue += m->tariff_month[k] * (s->a[k] + s->wn[k] + s->wb[k]);
    }
    q[FCQ_ASSIGNED] = a;
    q[FCQ_WAITING_NIEUW] = wn;
    q[FCQ_WAITING_BESTAAND] = wb;
    q[FCQ_WAITING] = wn + wb;
    q[FCQ_ACTIVE] = a + wn + wb;
    q[FCQ_FTE] = fc_total_fte(s);
    q[FCQ_EFFECTIVE_FTE] = fc_effective_fte(m, s);
    q[FCQ_CAPACITY] = q[FCQ_EFFECTIVE_FTE] * m->caseload_per_fte;
    q[FCQ_LOAD] = fc_load(m, s);
    q[FCQ_FREE_CAPACITY] = q[FCQ_CAPACITY] > q[FCQ_LOAD]
                               ? q[FCQ_CAPACITY] - q[FCQ_LOAD] : 0;
    if (!m->finance) {
        q[FCQ_REVENUE] = q[FCQ_STAFF_COST] = q[FCQ_FIXED_COSTS] = NAN;
        q[FCQ_MARGIN] = q[FCQ_COVERAGE] = NAN;
        return;
    }
    q[FCQ_REVENUE] = revenue;
    q[FCQ_STAFF_COST] = m->staff_cost_month * q[FCQ_FTE];
    q[FCQ_FIXED_COSTS] = m->fixed_month;
    q[FCQ_MARGIN] = revenue - q[FCQ_STAFF_COST] - m->fixed_month;
    q[FCQ_COVERAGE] = m->fixed_month > 0
                          ? (revenue - q[FCQ_STAFF_COST]) / m->fixed_month
                          : NAN;
}

/* Step 1: exits from every stock of every kind. */
static double fc_step_exits(const fc_model *m, fc_state *s, fc_rng *g)
{
    double exits = 0;
    int i;
    for (i = 0; i < m->nlive; i++) {
        int k = m->live[i];
        double ea, en, eb;
        if (g) {
            const fc_binom *b = &m->binom[k];
            ea = fc_binom_draw(b, s->a[k], g);
            en = fc_binom_draw(b, s->wn[k], g);
            eb = fc_binom_draw(b, s->wb[k], g);
        } else {
            ea = s->a[k] * m->exit_p[k];
            en = s->wn[k] * m->exit_p[k];
            eb = s->wb[k] * m->exit_p[k];
        }
        s->a[k] -= ea;
        s->wn[k] -= en;
        s->wb[k] -= eb;
        exits += ea + en + eb;
    }
    return exits;
}

/* Step 2: inflow into waiting nieuw. */
static double fc_step_inflow(const fc_model *m, fc_state *s, int32_t t,
                             fc_rng *g)
{
    double inflow = 0;
    size_t row = (size_t)t * FC_K;
    int i;
    for (i = 0; i < m->nlive; i++) {
        int k = m->live[i];
        double x = g ? fc_poisson_draw(&m->inflow_ps[row + (size_t)k], g)
                     : m->inflow_mean[row + (size_t)k];
        s->wn[k] += x;
        inflow += x;
    }
    return inflow;
}

/* Leavers of one tenure group; returns their FTE. */
static double fc_leave(const fc_model *m, double *fte, double *workers,
                       fc_rng *g)
{
    double gone;
    if (*fte <= 0)
        return 0;
    if (!g) {
        gone = *fte * m->leave_rate;
    } else {
        double n = fc_binom_draw(&m->binom[FC_LEAVE_BINOM], *workers, g);
        gone = n >= *workers ? *fte : *fte * n / *workers;
        *workers -= n;
    }
    *fte -= gone;
    return gone;
}

/*
 * Step 3 and 4: leavers, their caseload to bestaand, tenure, hires.
 * Writes leavers' FTE, orphaned measures and hires into q.
 */
static void fc_step_staff(const fc_model *m, fc_state *s, int32_t t,
                          fc_rng *g, double *q)
{
    double before = fc_total_fte(s), gone = 0, share, orphaned = 0;
    unsigned last;
    int i, j;
    for (j = 0; j < FC_RING; j++)
        gone += fc_leave(m, &s->fte[j], &s->workers[j], g);
    gone += fc_leave(m, &s->senior_fte, &s->senior_workers, g);
    /* No staff at all: nobody carries the assigned caseload. */
    share = before > 0 ? gone / before : 1.0;
    if (share > 1)
        share = 1;
    if (share > 0) {
        fc_binom b;
        fc_binom_setup(&b, share, NULL);
        for (i = 0; i < m->nlive; i++) {
            int k = m->live[i];
            double o = g ? fc_binom_draw(&b, s->a[k], g) : s->a[k] * share;
            s->a[k] -= o;
            s->wb[k] += o;
            orphaned += o;
        }
    }
    /* Tenure advances: tenure 35 joins 36+, its ring cell takes the hires. */
    last = (s->head + FC_RING - 1) % FC_RING;
    s->senior_fte += s->fte[last];
    s->senior_workers += s->workers[last];
    s->head = last;
    s->fte[last] = 0;
    s->workers[last] = 0;
    q[FCQ_HIRES_FTE] = 0;
    if (t <= m->hire_months && m->hires_fte > 0) {
        s->fte[last] = m->hires_fte;
        s->workers[last] = m->hire_workers;
        q[FCQ_HIRES_FTE] = m->hires_fte;
    }
    q[FCQ_LEAVERS_FTE] = gone;
    q[FCQ_ORPHANED] = orphaned;
}

static double *fc_list(fc_state *s, int list, int k)
{
    return list == FC_LIST_NIEUW ? &s->wn[k] : &s->wb[k];
}

/* Moves `take` measures of one waiting list to assigned. */
static void fc_assign(fc_state *s, int list, int k, double take)
{
    *fc_list(s, list, k) -= take;
    s->a[k] += take;
}

/*
 * Free capacity takes a tier pro rata: all of it when it fits, else the
 * same fraction f of every list (whole measures in a stochastic run:
 * floor(f x waiting), then one more per list in tier order while the
 * rest of the capacity allows). Lists of weight 0 cost nothing and are
 * taken whole. Returns the capacity left.
 */
static double fc_take_tier(const fc_model *m, const fc_tier *tier,
                           fc_state *s, double free_cap, int whole,
                           double *intake)
{
    double demand = 0, f;
    int e;
    for (e = 0; e < tier->count; e++)
        demand += m->cost[tier->kind[e]] *
                  *fc_list(s, tier->list[e], tier->kind[e]);
    if (demand <= free_cap) {
        for (e = 0; e < tier->count; e++) {
            double w = *fc_list(s, tier->list[e], tier->kind[e]);
            fc_assign(s, tier->list[e], tier->kind[e], w);
            *intake += w;
        }
        return free_cap - demand;
    }
    f = free_cap / demand;
    for (e = 0; e < tier->count; e++) {
        int k = tier->kind[e];
        double w = *fc_list(s, tier->list[e], k);
        double take = m->cost[k] > 0 ? f * w : w;
        if (whole)
            take = floor(take);
        fc_assign(s, tier->list[e], k, take);
        *intake += take;
        free_cap -= take * m->cost[k];
    }
    if (!whole)
        return 0;
    for (e = 0; e < tier->count; e++) {
        int k = tier->kind[e];
        if (*fc_list(s, tier->list[e], k) >= 1 && m->cost[k] <= free_cap) {
            fc_assign(s, tier->list[e], k, 1);
            *intake += 1;
            free_cap -= m->cost[k];
        }
    }
    return free_cap > 0 ? free_cap : 0;
}

/* Step 5: free capacity takes waiting measures. Returns the intake. */
static double fc_step_intake(const fc_model *m, fc_state *s, int whole)
{
    double capacity = fc_effective_fte(m, s) * m->caseload_per_fte;
    double free_cap = capacity - fc_load(m, s);
    double intake = 0;
    int i;
    for (i = 0; i < m->ntiers && free_cap > 0; i++)
        free_cap = fc_take_tier(m, &m->tiers[i], s, free_cap, whole, &intake);
    return intake;
}

/* One month t >= 1 of one replicate (g NULL: expected values). */
static void fc_step(const fc_model *m, fc_state *s, int32_t t, fc_rng *g,
                    double *q)
{
    double exits = fc_step_exits(m, s, g);
    double inflow = fc_step_inflow(m, s, t, g);
    double intake;
    fc_step_staff(m, s, t, g, q);
    intake = fc_step_intake(m, s, g != NULL);
    fc_observe(m, s, q);
    q[FCQ_INFLOW] = inflow;
    q[FCQ_EXITS] = exits;
    q[FCQ_INTAKE] = intake;
}

/* Month 0: the start state, no flows. */
static void fc_observe_start(const fc_model *m, const fc_state *s, double *q)
{
    fc_observe(m, s, q);
    q[FCQ_INFLOW] = q[FCQ_EXITS] = q[FCQ_ORPHANED] = q[FCQ_INTAKE] = 0;
    q[FCQ_LEAVERS_FTE] = q[FCQ_HIRES_FTE] = 0;
}

/* ====================================================================== */
/* Runs and results                                                        */
/* ====================================================================== */

struct jbw_forecast {
    int32_t months;
    jbw_date start;
    size_t replicates;
    uint64_t seed;
    int finance;
    int nstats;          /* 1 deterministic, FC_STATS stochastic */
    jbw_date *dates;     /* months + 1 */
    double *values;      /* [(month x nstats + stat) x FCQ_COUNT + q] */
};

static double *fc_values(const jbw_forecast *fc, int32_t month, int stat)
{
    return fc->values +
           ((size_t)month * (size_t)fc->nstats + (size_t)stat) * FCQ_COUNT;
}

static void fc_month_fill(jbw_forecast_month *out, const jbw_forecast *fc,
                          int32_t month, const double *v)
{
    out->month = month;
    out->date = fc ? fc->dates[month] : JBW_DATE_NONE;
    out->assigned = v[FCQ_ASSIGNED];
    out->waiting_nieuw = v[FCQ_WAITING_NIEUW];
    out->waiting_bestaand = v[FCQ_WAITING_BESTAAND];
    out->waiting = v[FCQ_WAITING];
    out->active = v[FCQ_ACTIVE];
    out->inflow = v[FCQ_INFLOW];
    out->exits = v[FCQ_EXITS];
    out->orphaned = v[FCQ_ORPHANED];
    out->intake = v[FCQ_INTAKE];
    out->leavers_fte = v[FCQ_LEAVERS_FTE];
    out->hires_fte = v[FCQ_HIRES_FTE];
    out->fte = v[FCQ_FTE];
    out->effective_fte = v[FCQ_EFFECTIVE_FTE];
    out->capacity = v[FCQ_CAPACITY];
    out->load = v[FCQ_LOAD];
    out->free_capacity = v[FCQ_FREE_CAPACITY];
    out->revenue = v[FCQ_REVENUE];
    out->staff_cost = v[FCQ_STAFF_COST];
    out->fixed_costs = v[FCQ_FIXED_COSTS];
    out->margin = v[FCQ_MARGIN];
    out->coverage = v[FCQ_COVERAGE];
}

void jbw_forecast_free(jbw_forecast *fc)
{
    if (!fc)
        return;
    jbw__free(fc->dates);
    jbw__free(fc->values);
    jbw__free(fc);
}

static jbw_status fc_result_new(jbw_forecast **out,
                                const jbw_forecast_params *p, size_t reps,
                                uint64_t seed)
{
    jbw_forecast *fc = jbw__calloc(1, sizeof *fc);
    int32_t t;
    if (!fc)
        return jbw__enomem();
    fc->months = p->months;
    fc->start = p->start;
    fc->replicates = reps;
    fc->seed = reps ? seed : 0;
    fc->finance = p->finance;
    fc->nstats = reps ? FC_STATS : 1;
    fc->dates = jbw__calloc((size_t)p->months + 1, sizeof *fc->dates);
    fc->values = jbw__calloc(((size_t)p->months + 1) * (size_t)fc->nstats *
                                 FCQ_COUNT, sizeof *fc->values);
    if (!fc->dates || !fc->values) {
        jbw_forecast_free(fc);
        return jbw__enomem();
    }
    for (t = 0; t <= p->months; t++) {
        fc->dates[t] = JBW_DATE_NONE;
        if (p->start != JBW_DATE_NONE)
            jbw_date_add_months(&fc->dates[t], p->start, (int)t);
    }
    *out = fc;
    return JBW_OK;
}

static int fc_notify(const jbw_forecast_options *o, const jbw_forecast *fc,
                     size_t replicate, int32_t t, const double *q)
{
    jbw_forecast_month mo;
    if (!o || !o->on_month)
        return 0;
    memset(&mo, 0, sizeof mo);
    mo.version = JBW_FORECAST_MONTH_VERSION;
    fc_month_fill(&mo, fc, t, q);
    return o->on_month(o->on_month_user, replicate, &mo);
}

static jbw_status fc_canceled(const char *what)
{
    return jbw__error(JBW_ECANCELED, "forecast: canceled by the %s callback",
                      what);
}

static jbw_status fc_run_deterministic(jbw_forecast *fc, const fc_model *m,
                                       const jbw_forecast_params *p,
                                       const jbw_forecast_options *o)
{
    fc_state s;
    int32_t t;
    fc_state_init(&s, m, p);
    for (t = 0; t <= m->months; t++) {
        double *q = fc_values(fc, t, JBW_STAT_MEAN);
        if (t == 0)
            fc_observe_start(m, &s, q);
        else
            fc_step(m, &s, t, NULL, q);
        if (fc_notify(o, fc, 0, t, q))
            return fc_canceled("month");
        if (o && o->progress &&
            o->progress(o->progress_user, (size_t)t + 1,
                        (size_t)m->months + 1))
            return fc_canceled("progress");
    }
    return JBW_OK;
}

/*
 * The k-th smallest of x[l..r] moved to x[k], smaller before, larger
 * after (Hoare's selection with Wirth's partition, which splits runs of
 * equal values evenly: integer stocks have many ties).
 */
static double fc_select(double *x, size_t l, size_t r, size_t k)
{
    while (l < r) {
        double pivot = x[k];
        size_t i = l, j = r;
        do {
            while (x[i] < pivot)
                i++;
            while (pivot < x[j])
                j--;
            if (i <= j) {
                double tmp = x[i];
                x[i] = x[j];
                x[j] = tmp;
                i++;
                if (j == 0)
                    break;
                j--;
            }
        } while (i <= j);
        if (j < k)
            l = i;
        if (k < i)
            r = j;
    }
    return x[k];
}

static double fc_min(const double *x, size_t l, size_t r)
{
    double m = x[l];
    size_t i;
    for (i = l + 1; i <= r; i++)
        if (x[i] < m)
            m = x[i];
    return m;
}

/*
 * Hyndman-Fan type 7 quantile (linear between the order statistics at
 * h = (n - 1) prob) of x[0..n), searching x[l..r]: the caller selects
 * the median first, after which the order statistics below it lie
 * before it and those above after it, so that the 5th and 95th
 * percentiles search only their half. Reorders x.
 */
static double fc_quantile(double *x, size_t n, double prob, size_t l,
                          size_t r)
{
    double h = (double)(n - 1) * prob;
    size_t lo = (size_t)floor(h);
    double xlo = fc_select(x, l, r, lo);
    double xhi = lo + 1 <= r ? fc_min(x, lo + 1, r)
               : lo + 1 < n ? fc_min(x, lo + 1, n - 1) : xlo;
    return xlo + (h - (double)lo) * (xhi - xlo);
}

/* p5, p50 and p95 of x[0..n) (reorders x). */
static void fc_quantiles(double *out, double *x, size_t n)
{
    size_t mid = (size_t)floor((double)(n - 1) * 0.5);
    out[1] = fc_quantile(x, n, 0.50, 0, n - 1);
    out[0] = fc_quantile(x, n, 0.05, 0, mid);
    out[2] = fc_quantile(x, n, 0.95, mid, n - 1);
}

/* Mean and percentiles of month t from the replicate columns. */
static void fc_month_stats(jbw_forecast *fc, int32_t t, double *cols,
                           size_t reps)
{
    int qi;
    for (qi = 0; qi < FCQ_COUNT; qi++) {
        double *x = cols + (size_t)qi * reps, sum = 0, lo = x[0], hi = x[0];
        double pct[3];
        size_t r;
        for (r = 0; r < reps; r++) {
            sum += x[r];
            lo = x[r] < lo ? x[r] : lo;
            hi = x[r] > hi ? x[r] : hi;
        }
        if (lo == hi || x[0] != x[0]) {
            /* the same in every replicate (NaN: finance off, or no fixed
             * costs; NaN is the same in every replicate too) */
            pct[0] = pct[1] = pct[2] = x[0];
            fc_values(fc, t, JBW_STAT_MEAN)[qi] = x[0];
        } else {
            fc_quantiles(pct, x, reps);
            fc_values(fc, t, JBW_STAT_MEAN)[qi] = sum / (double)reps;
        }
        fc_values(fc, t, JBW_STAT_P5)[qi] = pct[0];
        fc_values(fc, t, JBW_STAT_P50)[qi] = pct[1];
        fc_values(fc, t, JBW_STAT_P95)[qi] = pct[2];
    }
}

/*
 * Replicates advance month by month together (all of month t, then
 * t + 1), so that each month's percentiles need only one column per
 * quantity; each replicate draws from its own stream.
 */
static jbw_status fc_run_stochastic(jbw_forecast *fc, const fc_model *m,
                                    const jbw_forecast_params *p,
                                    const jbw_forecast_options *o)
{
    size_t reps = o->replicates, r, done = 0;
    size_t total = reps * ((size_t)m->months + 1);
    fc_state *states = jbw__calloc(reps, sizeof *states);
    double *cols = jbw__calloc(reps * FCQ_COUNT, sizeof *cols);
    jbw_status st = JBW_OK;
    int32_t t;
    if (!states || !cols) {
        st = jbw__enomem();
        goto done;
    }
    for (r = 0; r < reps; r++) {
        fc_state_init(&states[r], m, p);
        fc_rng_seed(&states[r].rng, o->seed, (uint64_t)r);
        states[r].rng.lf = m->lf;
    }
    for (t = 0; t <= m->months; t++) {
        for (r = 0; r < reps; r++) {
            double q[FCQ_COUNT];
            int qi;
            if (t == 0)
                fc_observe_start(m, &states[r], q);
            else
                fc_step(m, &states[r], t, &states[r].rng, q);
            for (qi = 0; qi < FCQ_COUNT; qi++)
                cols[(size_t)qi * reps + r] = q[qi];
            if (fc_notify(o, fc, r, t, q)) {
                st = fc_canceled("month");
                goto done;
            }
            if (o->progress && (++done % 4096 == 0 || done == total) &&
                o->progress(o->progress_user, done, total)) {
                st = fc_canceled("progress");
                goto done;
            }
        }
        fc_month_stats(fc, t, cols, reps);
    }
done:
    jbw__free(states);
    jbw__free(cols);
    return st;
}

static jbw_status fc_check_options(const jbw_forecast_options *o)
{
    if (!o)
        return JBW_OK;
    if (o->version != JBW_FORECAST_OPTIONS_VERSION)
        return jbw__error(JBW_EVERSION, "forecast options: version %u is not "
                          "supported", o->version);
    if (o->replicates > JBW_FORECAST_REPLICATES_MAX)
        return jbw__error(JBW_EINVAL, "forecast options: replicates is %zu: "
                          "at most %d", o->replicates,
                          JBW_FORECAST_REPLICATES_MAX);
    return JBW_OK;
}

jbw_status jbw_forecast_run(jbw_forecast **out,
                            const jbw_forecast_params *params,
                            const jbw_norm *norm,
                            const jbw_forecast_options *opts)
{
    jbw_forecast *fc = NULL;
    fc_model m;
    jbw_status st;
    int stochastic;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_forecast_run: NULL out");
    if ((st = fc_check_options(opts)) != JBW_OK)
        return st;
    stochastic = opts && opts->replicates > 0;
    if ((st = fc_check_params(params, stochastic)) != JBW_OK)
        return st;
    if ((st = fc_model_init(&m, params, norm, stochastic)) != JBW_OK)
        return st;
    st = fc_result_new(&fc, params, stochastic ? opts->replicates : 0,
                       opts ? opts->seed : 0);
    if (st == JBW_OK)
        st = stochastic ? fc_run_stochastic(fc, &m, params, opts)
                        : fc_run_deterministic(fc, &m, params, opts);
    fc_model_free(&m);
    if (st != JBW_OK) {
        jbw_forecast_free(fc);
        return st;
    }
    *out = fc;
    return jbw__ok();
}

int32_t jbw_forecast_months(const jbw_forecast *fc)
{
    return fc ? fc->months : 0;
}

size_t jbw_forecast_replicates(const jbw_forecast *fc)
{
    return fc ? fc->replicates : 0;
}

uint64_t jbw_forecast_seed(const jbw_forecast *fc)
{
    return fc ? fc->seed : 0;
}

int jbw_forecast_has_finance(const jbw_forecast *fc)
{
    return fc ? fc->finance : 0;
}

const char *jbw_statistic_code(jbw_statistic stat)
{
    static const char *const codes[FC_STATS] = { "mean", "p5", "p50", "p95" };
    return (int)stat >= 0 && (int)stat < FC_STATS ? codes[stat] : NULL;
}

jbw_status jbw_forecast_month_get(jbw_forecast_month *out,
                                  const jbw_forecast *fc, int32_t month,
                                  jbw_statistic stat)
{
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_month_get: NULL %s",
                          !out ? "out" : "forecast");
    if (out->version != JBW_FORECAST_MONTH_VERSION)
        return jbw__error(JBW_EVERSION, "jbw_forecast_month_get: version %u "
                          "is not supported", out->version);
    if ((int)stat < 0 || (int)stat >= fc->nstats)
        return jbw__error(JBW_EINVAL, "jbw_forecast_month_get: statistic %d "
                          "is not in this %s run", (int)stat,
                          fc->replicates ? "stochastic" : "deterministic");
    if (month < 0 || month > fc->months)
        return jbw__error(JBW_ERANGE, "jbw_forecast_month_get: month %d is "
                          "not in 0..%d", (int)month, (int)fc->months);
    fc_month_fill(out, fc, month, fc_values(fc, month, (int)stat));
    return jbw__ok();
}

/* ====================================================================== */
/* Output                                                                  */
/* ====================================================================== */

/* Decimals per quantity in files: counts and FTE 4, money 2, ratios 6. */
static int fc_decimals(int qi)
{
    if (qi == FCQ_COVERAGE)
        return 6;
    if (qi >= FCQ_REVENUE)
        return 2;
    return 4;
}

static void fc_month_label(jbw__buf *b, const jbw_forecast *fc, int32_t t)
{
    if (fc->dates[t] != JBW_DATE_NONE)
        jbw__buf_date(b, fc->dates[t]);
}

static void fc_json_month(jbw__buf *b, const jbw_forecast *fc, int32_t t,
                          int stat)
{
    const double *v = fc_values(fc, t, stat);
    int qi;
    jbw__buf_printf(b, "{\"month\":%d,\"date\":", (int)t);
    if (fc->dates[t] != JBW_DATE_NONE) {
        jbw__buf_putc(b, '"');
        jbw__buf_date(b, fc->dates[t]);
        jbw__buf_putc(b, '"');
    } else {
        jbw__buf_puts(b, "null");
    }
    for (qi = 0; qi < FCQ_COUNT; qi++) {
        jbw__buf_printf(b, ",\"%s\":", fc_quantity_names[qi]);
        jbw__buf_json_number(b, v[qi], fc_decimals(qi));
    }
    jbw__buf_putc(b, '}');
}

jbw_status jbw_forecast_json(char **out, size_t *len, const jbw_forecast *fc)
{
    jbw__buf b = JBW__BUF_INIT;
    int stat;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_json: NULL argument");
    jbw__buf_printf(&b, "{\"mode\":\"%s\",\"replicates\":%zu,\"seed\":%llu,"
                    "\"months\":%d,\"start\":",
                    fc->replicates ? "stochastic" : "deterministic",
                    fc->replicates, (unsigned long long)fc->seed,
                    (int)fc->months);
    if (fc->start != JBW_DATE_NONE) {
        jbw__buf_putc(&b, '"');
        jbw__buf_date(&b, fc->start);
        jbw__buf_putc(&b, '"');
    } else {
        jbw__buf_puts(&b, "null");
    }
    jbw__buf_printf(&b, ",\"finance\":%s,\"statistics\":[",
                    fc->finance ? "true" : "false");
    for (stat = 0; stat < fc->nstats; stat++) {
        if (stat)
            jbw__buf_putc(&b, ',');
        jbw__buf_json_string(&b, jbw_statistic_code((jbw_statistic)stat));
    }
    jbw__buf_putc(&b, ']');
    for (stat = 0; stat < fc->nstats; stat++) {
        int32_t t;
        jbw__buf_printf(&b, ",\"%s\":[",
                        jbw_statistic_code((jbw_statistic)stat));
        for (t = 0; t <= fc->months; t++) {
            if (t)
                jbw__buf_putc(&b, ',');
            fc_json_month(&b, fc, t, stat);
        }
        jbw__buf_putc(&b, ']');
    }
    jbw__buf_puts(&b, "}\n");
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* A CSV number: empty for NaN (finance off). */
static void fc_csv_number(jbw__buf *b, double v, int decimals)
{
    if (isfinite(v))
        jbw__buf_json_number(b, v, decimals);
}

jbw_status jbw_forecast_csv(char **out, size_t *len, const jbw_forecast *fc)
{
    jbw__buf b = JBW__BUF_INIT;
    int stat, qi;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_csv: NULL argument");
    jbw__buf_puts(&b, "statistic,month,date");
    for (qi = 0; qi < FCQ_COUNT; qi++)
        jbw__buf_printf(&b, ",%s", fc_quantity_names[qi]);
    jbw__buf_putc(&b, '\n');
    for (stat = 0; stat < fc->nstats; stat++) {
        int32_t t;
        for (t = 0; t <= fc->months; t++) {
            const double *v = fc_values(fc, t, stat);
            jbw__buf_printf(&b, "%s,%d,",
                            jbw_statistic_code((jbw_statistic)stat), (int)t);
            fc_month_label(&b, fc, t);
            for (qi = 0; qi < FCQ_COUNT; qi++) {
                jbw__buf_putc(&b, ',');
                fc_csv_number(&b, v[qi], fc_decimals(qi));
            }
            jbw__buf_putc(&b, '\n');
        }
    }
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

static void fc_text_month(jbw__buf *b, const jbw_forecast *fc, int32_t t)
{
    const double *v = fc_values(fc, t, JBW_STAT_MEAN);
    if (fc->dates[t] != JBW_DATE_NONE) {
        jbw__buf_date(b, fc->dates[t]);
        jbw__buf_printf(b, " %3d", (int)t);
    } else {
        jbw__buf_printf(b, "%14d", (int)t);
    }
    jbw__buf_printf(b, " %9.1f %9.1f %9.1f", v[FCQ_WAITING_NIEUW],
                    v[FCQ_WAITING_BESTAAND], v[FCQ_WAITING]);
    if (fc->replicates)
        jbw__buf_printf(b, " %9.1f %9.1f", fc_values(fc, t, JBW_STAT_P5)[FCQ_WAITING],
                        fc_values(fc, t, JBW_STAT_P95)[FCQ_WAITING]);
    jbw__buf_printf(b, " %9.1f %8.1f %8.1f %9.1f %9.1f", v[FCQ_ASSIGNED],
                    v[FCQ_FTE], v[FCQ_EFFECTIVE_FTE], v[FCQ_CAPACITY],
                    v[FCQ_LOAD]);
    if (fc->finance) {
        jbw__buf_printf(b, " %12.0f %12.0f", v[FCQ_REVENUE], v[FCQ_MARGIN]);
        if (isfinite(v[FCQ_COVERAGE]))
            jbw__buf_printf(b, " %8.3f", v[FCQ_COVERAGE]);
        else
            jbw__buf_printf(b, " %8s", "-");
    }
    jbw__buf_putc(b, '\n');
}

jbw_status jbw_forecast_text(char **out, size_t *len, const jbw_forecast *fc)
{
    jbw__buf b = JBW__BUF_INIT;
    int32_t t;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_text: NULL argument");
    if (fc->replicates)
        jbw__buf_printf(&b, "Forecast, %d months, stochastic: mean of %zu "
                        "replicates (seed %llu), p5-p95 of the waiting list\n",
                        (int)fc->months, fc->replicates,
                        (unsigned long long)fc->seed);
    else
        jbw__buf_printf(&b, "Forecast, %d months, deterministic (expected "
                        "values)\n", (int)fc->months);
    jbw__buf_printf(&b, "%-14s %9s %9s %9s", "date     month", "nieuw",
                    "bestaand", "waiting");
    if (fc->replicates)
        jbw__buf_printf(&b, " %9s %9s", "p5", "p95");
    jbw__buf_printf(&b, " %9s %8s %8s %9s %9s", "assigned", "fte", "eff_fte",
                    "capacity", "load");
    if (fc->finance)
        jbw__buf_printf(&b, " %12s %12s %8s", "revenue", "margin", "coverage");
    jbw__buf_putc(&b, '\n');
    for (t = 0; t <= fc->months; t++)
        fc_text_month(&b, fc, t);
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* ---- SVG -------------------------------------------------------------- */

#define SVG_W 900.0
#define SVG_H 500.0
#define SVG_L 70.0   /* plot area */
#define SVG_R 820.0
#define SVG_T 70.0
#define SVG_B 420.0

/* Text for XML: escapes markup characters, drops control characters. */
static void svg_text(jbw__buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': jbw__buf_puts(b, "&amp;"); break;
        case '<': jbw__buf_puts(b, "&lt;"); break;
        case '>': jbw__buf_puts(b, "&gt;"); break;
        case '"': jbw__buf_puts(b, "&quot;"); break;
        case '\'': jbw__buf_puts(b, "&apos;"); break;
        default:
            if ((unsigned char)*s < 0x20)
                jbw__buf_putc(b, ' ');
            else
                jbw__buf_putc(b, *s);
        }
    }
}

static void svg_num(jbw__buf *b, double v)
{
    jbw__buf_json_number(b, v, 1);
}

/* A round axis step (1, 2 or 5 x 10^k) giving about five ticks to max. */
static double svg_step(double max)
{
    double raw = max / 5, mag = 1, unit;
    if (!(raw > 0))
        return 1;
    while (mag * 10 <= raw)
        mag *= 10;
    while (mag > raw)
        mag /= 10;
    unit = raw / mag;
    return unit <= 1 ? mag : unit <= 2 ? 2 * mag : unit <= 5 ? 5 * mag
                                                            : 10 * mag;
}

typedef struct svg_axis {
    double max, step;
} svg_axis;

static svg_axis svg_axis_for(double max)
{
    svg_axis a;
    a.step = svg_step(max > 0 ? max : 1);
    a.max = ceil((max > 0 ? max : 1) / a.step) * a.step;
    return a;
}

static double svg_x(const jbw_forecast *fc, int32_t t)
{
    return SVG_L + (SVG_R - SVG_L) * (double)t / (double)fc->months;
}

static double svg_y(const svg_axis *a, double v)
{
    return SVG_B - (SVG_B - SVG_T) * v / a->max;
}

static void svg_polyline(jbw__buf *b, const jbw_forecast *fc,
                         const svg_axis *a, int qi, int stat,
                         const char *color, const char *dash)
{
    int32_t t;
    jbw__buf_puts(b, "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"");
    jbw__buf_puts(b, color);
    jbw__buf_puts(b, "\"");
    if (dash)
        jbw__buf_printf(b, " stroke-dasharray=\"%s\"", dash);
    jbw__buf_puts(b, " points=\"");
    for (t = 0; t <= fc->months; t++) {
        if (t)
            jbw__buf_putc(b, ' ');
        svg_num(b, svg_x(fc, t));
        jbw__buf_putc(b, ',');
        svg_num(b, svg_y(a, fc_values(fc, t, stat)[qi]));
    }
    jbw__buf_puts(b, "\"/>\n");
}

static void svg_band(jbw__buf *b, const jbw_forecast *fc, const svg_axis *a)
{
    int32_t t;
    jbw__buf_puts(b, "<polygon fill=\"#888888\" fill-opacity=\"0.25\" "
                     "stroke=\"none\" points=\"");
    for (t = 0; t <= fc->months; t++) {
        svg_num(b, svg_x(fc, t));
        jbw__buf_putc(b, ',');
        svg_num(b, svg_y(a, fc_values(fc, t, JBW_STAT_P95)[FCQ_WAITING]));
        jbw__buf_putc(b, ' ');
    }
    for (t = fc->months; t >= 0; t--) {
        svg_num(b, svg_x(fc, t));
        jbw__buf_putc(b, ',');
        svg_num(b, svg_y(a, fc_values(fc, t, JBW_STAT_P5)[FCQ_WAITING]));
        if (t)
            jbw__buf_putc(b, ' ');
    }
    jbw__buf_puts(b, "\"/>\n");
}

static void svg_axes(jbw__buf *b, const svg_axis *left, const svg_axis *right)
{
    double v;
    jbw__buf_printf(b, "<g stroke=\"#444444\" stroke-width=\"1\"><line x1=\""
                    "%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/><line x1=\""
                    "%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/><line x1=\""
                    "%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\"/></g>\n",
                    SVG_L, SVG_T, SVG_L, SVG_B, SVG_L, SVG_B, SVG_R, SVG_B,
                    SVG_R, SVG_T, SVG_R, SVG_B);
    jbw__buf_puts(b, "<g font-size=\"11\" fill=\"#333333\">\n");
    for (v = 0; v <= left->max + left->step / 2; v += left->step) {
        jbw__buf_puts(b, "<line stroke=\"#dddddd\" x1=\"70\" x2=\"820\" y1=\"");
        svg_num(b, svg_y(left, v));
        jbw__buf_puts(b, "\" y2=\"");
        svg_num(b, svg_y(left, v));
        jbw__buf_puts(b, "\"/><text text-anchor=\"end\" x=\"64\" y=\"");
        svg_num(b, svg_y(left, v) + 4);
        jbw__buf_puts(b, "\">");
        jbw__buf_json_number(b, v, 2);
        jbw__buf_puts(b, "</text>\n");
    }
    for (v = 0; v <= right->max + right->step / 2; v += right->step) {
        jbw__buf_puts(b, "<text text-anchor=\"start\" x=\"826\" y=\"");
        svg_num(b, svg_y(right, v) + 4);
        jbw__buf_puts(b, "\">");
        jbw__buf_json_number(b, v, 2);
        jbw__buf_puts(b, "</text>\n");
    }
    jbw__buf_puts(b, "</g>\n");
}

static void svg_month_labels(jbw__buf *b, const jbw_forecast *fc)
{
    int32_t step = fc->months <= 12 ? 1 : (fc->months + 11) / 12, t;
    jbw__buf_puts(b, "<g font-size=\"11\" fill=\"#333333\" "
                     "text-anchor=\"middle\">\n");
    for (t = 0; t <= fc->months; t += step) {
        char label[16];
        int y, m;
        if (fc->dates[t] != JBW_DATE_NONE &&
            jbw_date_to_ymd(&y, &m, NULL, fc->dates[t]) == JBW_OK)
            snprintf(label, sizeof label, "%04d-%02d", y, m);
        else
            snprintf(label, sizeof label, "%d", (int)t);
        jbw__buf_puts(b, "<line stroke=\"#444444\" y1=\"420\" y2=\"425\" x1=\"");
        svg_num(b, svg_x(fc, t));
        jbw__buf_puts(b, "\" x2=\"");
        svg_num(b, svg_x(fc, t));
        jbw__buf_puts(b, "\"/><text y=\"438\" x=\"");
        svg_num(b, svg_x(fc, t));
        jbw__buf_printf(b, "\">%s</text>\n", label);
    }
    jbw__buf_puts(b, "</g>\n");
}

static void svg_legend_item(jbw__buf *b, int row, const char *color,
                            const char *dash, const char *label, int band)
{
    double y = 462 + 16 * (row / 3), x = SVG_L + 250 * (row % 3);
    if (band)
        jbw__buf_printf(b, "<rect x=\"%.0f\" y=\"%.0f\" width=\"24\" "
                        "height=\"10\" fill=\"#888888\" fill-opacity=\"0.25\"/>",
                        x, y - 5);
    else
        jbw__buf_printf(b, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" "
                        "y2=\"%.0f\" stroke=\"%s\" stroke-width=\"2\"%s%s%s/>",
                        x, y, x + 24, y, color, dash ? " stroke-dasharray=\"" : "",
                        dash ? dash : "", dash ? "\"" : "");
    jbw__buf_printf(b, "<text x=\"%.0f\" y=\"%.0f\">%s</text>\n", x + 30, y + 4,
                    label);
}

static double svg_max(const jbw_forecast *fc, int qi, int stat)
{
    double max = 0;
    int32_t t;
    for (t = 0; t <= fc->months; t++) {
        double v = fc_values(fc, t, stat)[qi];
        if (v > max)
            max = v;
    }
    return max;
}

jbw_status jbw_forecast_svg(char **out, size_t *len, const jbw_forecast *fc,
                            const char *title)
{
    jbw__buf b = JBW__BUF_INIT;
    int band_stat = fc && fc->replicates ? JBW_STAT_P95 : JBW_STAT_MEAN;
    svg_axis left, right;
    double cap_max;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_svg: NULL argument");
    if (!title)
        title = "Children without a fixed jeugdbeschermer: forecast";
    left = svg_axis_for(svg_max(fc, FCQ_WAITING, band_stat));
    cap_max = svg_max(fc, FCQ_CAPACITY, JBW_STAT_MEAN);
    if (svg_max(fc, FCQ_LOAD, JBW_STAT_MEAN) > cap_max)
        cap_max = svg_max(fc, FCQ_LOAD, JBW_STAT_MEAN);
    right = svg_axis_for(cap_max);
    jbw__buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "
                    "xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                    "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\""
                    "sans-serif\">\n<title>", SVG_W, SVG_H, SVG_W, SVG_H);
    svg_text(&b, title);
    jbw__buf_puts(&b, "</title>\n<rect width=\"100%\" height=\"100%\" "
                      "fill=\"#ffffff\"/>\n<text x=\"450\" y=\"28\" "
                      "text-anchor=\"middle\" font-size=\"16\" "
                      "font-weight=\"bold\">");
    svg_text(&b, title);
    if (fc->replicates)
        jbw__buf_printf(&b, "</text>\n<text x=\"450\" y=\"48\" text-anchor=\""
                        "middle\" font-size=\"11\" fill=\"#555555\">mean of "
                        "%zu replicates (seed %llu); band: p5-p95 of the "
                        "total</text>\n", fc->replicates,
                        (unsigned long long)fc->seed);
    else
        jbw__buf_puts(&b, "</text>\n<text x=\"450\" y=\"48\" text-anchor=\""
                          "middle\" font-size=\"11\" fill=\"#555555\">"
                          "deterministic run (expected values)</text>\n");
    svg_axes(&b, &left, &right);
    jbw__buf_puts(&b, "<text font-size=\"11\" transform=\"translate(18,245) "
                      "rotate(-90)\" text-anchor=\"middle\">waiting "
                      "(measures)</text>\n<text font-size=\"11\" "
                      "transform=\"translate(886,245) rotate(90)\" "
                      "text-anchor=\"middle\">capacity and load (norm "
                      "units)</text>\n");
    svg_month_labels(&b, fc);
    if (fc->replicates)
        svg_band(&b, fc, &left);
    svg_polyline(&b, fc, &right, FCQ_CAPACITY, JBW_STAT_MEAN, "#2ca02c", "6 4");
    svg_polyline(&b, fc, &right, FCQ_LOAD, JBW_STAT_MEAN, "#ff7f0e", "2 3");
    svg_polyline(&b, fc, &left, FCQ_WAITING, JBW_STAT_MEAN, "#333333", NULL);
    svg_polyline(&b, fc, &left, FCQ_WAITING_NIEUW, JBW_STAT_MEAN, "#1f77b4",
                 NULL);
    svg_polyline(&b, fc, &left, FCQ_WAITING_BESTAAND, JBW_STAT_MEAN,
                 "#d62728", NULL);
    jbw__buf_puts(&b, "<g font-size=\"12\" fill=\"#222222\">\n");
    svg_legend_item(&b, 0, "#1f77b4", NULL, "waiting nieuw", 0);
    svg_legend_item(&b, 1, "#d62728", NULL, "waiting bestaand", 0);
    svg_legend_item(&b, 2, "#333333", NULL, "waiting total", 0);
    svg_legend_item(&b, 3, "#2ca02c", "6 4", "capacity (right axis)", 0);
    svg_legend_item(&b, 4, "#ff7f0e", "2 3", "load (right axis)", 0);
    if (fc->replicates)
        svg_legend_item(&b, 5, NULL, NULL, "total p5-p95", 1);
    jbw__buf_puts(&b, "</g>\n</svg>\n");
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* ====================================================================== */
/* Relief staffing                                                         */
/* ====================================================================== */

/* Waiting at the last month of a deterministic run with monthly hires h. */
static double fc_final_waiting(fc_model *m, const jbw_forecast_params *p,
                               double hires)
{
    fc_state s;
    double q[FCQ_COUNT];
    int32_t t;
    m->hires_fte = hires;
    fc_state_init(&s, m, p);
    for (t = 1; t <= m->months; t++)
        fc_step(m, &s, t, NULL, q);
    return q[FCQ_WAITING];
}

static int fc_relief_ok(fc_model *m, const jbw_forecast_params *p,
                        double target, long steps)
{
    /* A hair of slack so that rounding of the continuous stocks cannot
     * decide whether an exactly reachable target is met. */
    return fc_final_waiting(m, p, (double)steps * JBW_RELIEF_STEP) <=
           target + 1e-9;
}

jbw_status jbw_forecast_relief(double *hires_fte,
                               const jbw_forecast_params *params,
                               const jbw_norm *norm, double target_waiting,
                               int32_t within_months)
{
    jbw_forecast_params p;
    fc_model m;
    jbw_status st;
    long lo = -1, hi = 1000;
    const long max_steps = (long)(JBW_RELIEF_MAX_HIRES / JBW_RELIEF_STEP);
    if (!hires_fte || !params)
        return jbw__error(JBW_EINVAL, "jbw_forecast_relief: NULL %s",
                          !hires_fte ? "hires_fte" : "params");
    if (!isfinite(target_waiting) || target_waiting < 0)
        return jbw__error(JBW_EINVAL, "jbw_forecast_relief: target %g must "
                          "be a finite number >= 0", target_waiting);
    if (within_months < 1 || within_months > JBW_FORECAST_MONTHS_MAX)
        return jbw__error(JBW_ERANGE, "jbw_forecast_relief: within_months "
                          "%d is not in 1..%d", (int)within_months,
                          JBW_FORECAST_MONTHS_MAX);
    if ((st = fc_check_params(params, 0)) != JBW_OK)
        return st;
    p = *params;
    p.months = within_months;
    p.hire_months = within_months;
    p.hires_fte = 0;
    if ((st = fc_check_horizon(&p)) != JBW_OK)
        return st;
    if ((st = fc_model_init(&m, &p, norm, 0)) != JBW_OK)
        return st;
    if (fc_relief_ok(&m, &p, target_waiting, 0)) {
        hi = 0;
    } else {
        /* Double until the target is met, then bisect (lo fails, hi meets). */
        while (!fc_relief_ok(&m, &p, target_waiting, hi)) {
            lo = hi;
            if (hi >= max_steps) {
                fc_model_free(&m);
                return jbw__error(JBW_ERANGE, "jbw_forecast_relief: even %g "
                                  "FTE hired a month does not bring the "
                                  "waiting list to %g within %d months",
                                  JBW_RELIEF_MAX_HIRES, target_waiting,
                                  (int)within_months);
            }
            hi = hi * 2 > max_steps ? max_steps : hi * 2;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (fc_relief_ok(&m, &p, target_waiting, mid))
                hi = mid;
            else
                lo = mid;
        }
    }
    fc_model_free(&m);
    *hires_fte = (double)hi * JBW_RELIEF_STEP;
    return jbw__ok();
}

/* ====================================================================== */
/* Queue staffing (Erlang C)                                               */
/* ====================================================================== */

/* Erlang B by its recursion, continued from B(from) to B(to). */
static double fc_erlang_b_from(double b, size_t from, size_t to, double a)
{
    size_t k;
    for (k = from + 1; k <= to; k++)
        b = a * b / ((double)k + a * b);
    return b;
}

/* Erlang C from Erlang B of c servers. */
static double fc_erlang_c_of_b(double b, size_t c, double a)
{
    double cd = (double)c;
    if (a >= cd)
        return 1.0;
    return cd * b / (cd - a * (1.0 - b));
}

jbw_status jbw_erlang_c(double *p_wait, size_t servers, double offered_load)
{
    double b;
    if (!p_wait)
        return jbw__error(JBW_EINVAL, "jbw_erlang_c: NULL p_wait");
    if (servers == 0)
        return jbw__error(JBW_EINVAL, "jbw_erlang_c: 0 servers");
    if (!isfinite(offered_load) || offered_load < 0)
        return jbw__error(JBW_EINVAL, "jbw_erlang_c: offered load %g must be "
                          "a finite number >= 0", offered_load);
    if ((double)servers > FC_MAX_SLOTS)
        return jbw__error(JBW_ERANGE, "jbw_erlang_c: %zu servers: at most "
                          "%.0f", servers, FC_MAX_SLOTS);
    b = fc_erlang_b_from(1.0, 0, servers, offered_load);
    *p_wait = fc_erlang_c_of_b(b, servers, offered_load);
    return jbw__ok();
}

jbw_status jbw_queue_params_init(jbw_queue_params *q, unsigned int version)
{
    static const jbw_queue_params defaults = JBW_QUEUE_PARAMS_INIT;
    if (!q)
        return jbw__error(JBW_EINVAL, "jbw_queue_params_init: NULL params");
    if (version != JBW_QUEUE_PARAMS_VERSION)
        return jbw__error(JBW_EVERSION, "jbw_queue_params_init: version %u "
                          "is not supported", version);
    *q = defaults;
    return jbw__ok();
}

static jbw_status fc_check_positive(double v, const char *what)
{
    if (!isfinite(v) || v <= 0)
        return jbw__error(JBW_EINVAL, "queue params: %s is %g: must be a "
                          "finite number > 0", what, v);
    return JBW_OK;
}

static jbw_status fc_check_queue(const jbw_queue_result *out,
                                 const jbw_queue_params *q)
{
    jbw_status st;
    if (!out || !q)
        return jbw__error(JBW_EINVAL, "queue: NULL %s", !out ? "out" :
                          "params");
    if (out->version != JBW_QUEUE_RESULT_VERSION)
        return jbw__error(JBW_EVERSION, "queue: result version %u is not "
                          "supported", out->version);
    if (q->version != JBW_QUEUE_PARAMS_VERSION)
        return jbw__error(JBW_EVERSION, "queue: params version %u is not "
                          "supported", q->version);
    if ((st = fc_check_positive(q->arrivals_per_workday,
                                "arrivals_per_workday")) != JBW_OK ||
        (st = fc_check_positive(q->mean_duration_workdays,
                                "mean_duration_workdays")) != JBW_OK ||
        (st = fc_check_positive(q->slots_per_fte, "slots_per_fte")) != JBW_OK)
        return st;
    if (!isfinite(q->within_workdays) || q->within_workdays < 0)
        return jbw__error(JBW_EINVAL, "queue params: within_workdays is %g: "
                          "must be a finite number >= 0", q->within_workdays);
    if (q->arrivals_per_workday * q->mean_duration_workdays > FC_MAX_SLOTS)
        return jbw__error(JBW_ERANGE, "queue params: offered load %g is above "
                          "%.0f", q->arrivals_per_workday *
                          q->mean_duration_workdays, FC_MAX_SLOTS);
    return JBW_OK;
}

/* Fills the figures of c servers whose Erlang B is b. */
static void fc_queue_fill(jbw_queue_result *r, const jbw_queue_params *q,
                          size_t c, double b, double a)
{
    double cd = (double)c, pw;
    r->slots = c;
    r->fte = cd / q->slots_per_fte;
    r->offered_load = a;
    if (c == 0 || a >= cd) {
        r->p_wait = a > 0 ? 1.0 : 0.0;
        r->share_within = a > 0 ? 0.0 : 1.0;
        r->mean_wait_workdays = a > 0 ? HUGE_VAL : 0.0;
        return;
    }
    pw = fc_erlang_c_of_b(b, c, a);
    r->p_wait = pw;
    r->share_within =
        1.0 - pw * exp(-(cd - a) * q->within_workdays / q->mean_duration_workdays);
    r->mean_wait_workdays = pw * q->mean_duration_workdays / (cd - a);
}

jbw_status jbw_queue_staffing(jbw_queue_result *out, const jbw_queue_params *q,
                              double percent)
{
    jbw_queue_result r;
    double a, b, goal;
    size_t c;
    jbw_status st = fc_check_queue(out, q);
    if (st != JBW_OK)
        return st;
    if (!isfinite(percent) || percent <= 0 || percent >= 100)
        return jbw__error(JBW_EINVAL, "jbw_queue_staffing: percent %g must "
                          "be in (0, 100)", percent);
    a = q->arrivals_per_workday * q->mean_duration_workdays;
    goal = percent / 100.0;
    /* The queue is stable only from c > A on: start there, add slots. */
    c = (size_t)floor(a) + 1;
    b = fc_erlang_b_from(1.0, 0, c, a);
    memset(&r, 0, sizeof r);
    r.version = out->version;
    for (;;) {
        fc_queue_fill(&r, q, c, b, a);
        if (r.share_within >= goal)
            break;
        if ((double)c >= FC_MAX_SLOTS)
            return jbw__error(JBW_ERANGE, "jbw_queue_staffing: more than %.0f "
                              "slots needed", FC_MAX_SLOTS);
        c++;
        b = fc_erlang_b_from(b, c - 1, c, a);
    }
    *out = r;
    return jbw__ok();
}

jbw_status jbw_queue_share(jbw_queue_result *out, const jbw_queue_params *q,
                           double fte)
{
    jbw_queue_result r;
    double a, slots;
    size_t c;
    jbw_status st = fc_check_queue(out, q);
    if (st != JBW_OK)
        return st;
    if (!isfinite(fte) || fte < 0)
        return jbw__error(JBW_EINVAL, "jbw_queue_share: fte %g must be a "
                          "finite number >= 0", fte);
    /* Whole slots; the 1e-9 keeps 5 x 12 = 59.999... from losing one. */
    slots = floor(fte * q->slots_per_fte + 1e-9);
    if (slots > FC_MAX_SLOTS)
        return jbw__error(JBW_ERANGE, "jbw_queue_share: %.0f slots: at most "
                          "%.0f", slots, FC_MAX_SLOTS);
    c = (size_t)slots;
    a = q->arrivals_per_workday * q->mean_duration_workdays;
    memset(&r, 0, sizeof r);
    r.version = out->version;
    fc_queue_fill(&r, q, c, c ? fc_erlang_b_from(1.0, 0, c, a) : 1.0, a);
    *out = r;
    return jbw__ok();
}

jbw_status jbw_queue_params_from_forecast(jbw_queue_params *q,
                                          const jbw_forecast_params *params,
                                          const jbw_norm *norm,
                                          double workdays_per_month)
{
    jbw_norm *own = NULL;
    double lambda = 0, dur = 0, weight = 0;
    jbw_status st;
    int k;
    if (!q)
        return jbw__error(JBW_EINVAL, "jbw_queue_params_from_forecast: NULL "
                          "queue params");
    if (q->version != JBW_QUEUE_PARAMS_VERSION)
        return jbw__error(JBW_EVERSION, "jbw_queue_params_from_forecast: "
                          "version %u is not supported", q->version);
    if (!isfinite(workdays_per_month) || workdays_per_month <= 0 ||
        workdays_per_month > 31)
        return jbw__error(JBW_EINVAL, "jbw_queue_params_from_forecast: "
                          "workdays_per_month %g must be in (0, 31]",
                          workdays_per_month);
    if ((st = fc_check_params(params, 0)) != JBW_OK)
        return st;
    if (!norm) {
        if ((st = jbw_norm_new_default(&own)) != JBW_OK)
            return st;
        norm = own;
    }
    for (k = 0; k < FC_K; k++) {
        lambda += params->inflow[k];
        dur += params->inflow[k] * params->duration[k];
        weight += params->inflow[k] * jbw_norm_weight(norm, (jbw_kind)k);
    }
    if (lambda <= 0 || weight <= 0) {
        jbw_norm_free(own);
        return jbw__error(JBW_EINVAL, "jbw_queue_params_from_forecast: the "
                          "params have no inflow%s", lambda > 0 ?
                          " of a kind with a weight" : "");
    }
    q->arrivals_per_workday = lambda / workdays_per_month;
    q->mean_duration_workdays = dur / lambda * workdays_per_month;
    q->slots_per_fte = jbw_norm_caseload_per_fte(norm) /
                       (params->units_per_measure * (weight / lambda));
    jbw_norm_free(own);
    return jbw__ok();
}

/* ====================================================================== */
/* Start state from a snapshot                                             */
/* ====================================================================== */

static jbw_status fc_staff_from_snapshot(jbw_forecast_params *p,
                                         const jbw_snapshot *snap,
                                         jbw_date d, uint32_t org,
                                         uint32_t region)
{
    const jbw__workers *w = &snap->w;
    size_t i;
    for (i = 0; i < w->count; i++) {
        int32_t tenure;
        jbw_status st;
        if (!jbw__worker_employed(snap, i, d) ||
            (org != JBW__NONE && w->org[i] != org) ||
            (region != JBW__NONE && w->region[i] != region))
            continue;
        st = jbw_months_between(&tenure, w->hired[i], d);
        if (st != JBW_OK)
            return st;
        if (tenure > JBW_TENURE_SLOTS - 1)
            tenure = JBW_TENURE_SLOTS - 1;
        p->staff_fte[tenure < 0 ? 0 : tenure] += w->fte[i];
    }
    return JBW_OK;
}

static void fc_measures_from_snapshot(jbw_forecast_params *p,
                                      const jbw_snapshot *snap, jbw_date d,
                                      uint32_t org, uint32_t region)
{
    const jbw__measures *m = &snap->m;
    size_t i;
    for (i = 0; i < m->count; i++) {
        jbw_measure_state state;
        int k = m->kind[i];
        if ((org != JBW__NONE && m->org[i] != org) ||
            (region != JBW__NONE && m->region[i] != region) || k >= FC_K)
            continue;
        state = jbw__measure_state(snap, i, d);
        if (state == JBW_STATE_ASSIGNED)
            p->assigned[k] += 1;
        else if (state == JBW_STATE_NIEUW)
            p->waiting_nieuw[k] += 1;
        else if (state == JBW_STATE_BESTAAND)
            p->waiting_bestaand[k] += 1;
    }
}

jbw_status jbw_forecast_params_from_snapshot(jbw_forecast_params *params,
                                             const jbw_snapshot *snap,
                                             const jbw_norm *norm,
                                             jbw_date date,
                                             const char *organisation,
                                             const char *region)
{
    jbw_forecast_params p;
    jbw_snapshot_counts counts;
    uint32_t org_idx, region_idx;
    jbw_unit unit = norm ? jbw_norm_unit(norm) : JBW_UNIT_CHILD;
    jbw_status st;
    int k;
    if (!params || !snap)
        return jbw__error(JBW_EINVAL, "jbw_forecast_params_from_snapshot: "
                          "NULL %s", !params ? "params" : "snapshot");
    if (params->version != JBW_FORECAST_PARAMS_VERSION)
        return jbw__error(JBW_EVERSION, "jbw_forecast_params_from_snapshot: "
                          "version %u is not supported", params->version);
    if (date == JBW_DATE_NONE)
        date = snap->reference_date;
    if (!jbw__date_in_range(date))
        return jbw__error(JBW_ERANGE, "jbw_forecast_params_from_snapshot: "
                          "date outside %d..%d", JBW_YEAR_MIN, JBW_YEAR_MAX);
    if ((st = jbw__registry_filter(&org_idx, &snap->registry->org_keys,
                                   organisation, "organisation",
                                   "forecast from snapshot")) != JBW_OK ||
        (st = jbw__registry_filter(&region_idx, &snap->registry->region_keys,
                                   region, "region",
                                   "forecast from snapshot")) != JBW_OK)
        return st;
    memset(&counts, 0, sizeof counts);
    counts.version = JBW_SNAPSHOT_COUNTS_VERSION;
    if ((st = jbw_snapshot_counts_get(&counts, snap, date, organisation,
                                      region)) != JBW_OK)
        return st;
    p = *params;
    p.start = date;
    memset(p.assigned, 0, sizeof p.assigned);
    memset(p.waiting_nieuw, 0, sizeof p.waiting_nieuw);
    memset(p.waiting_bestaand, 0, sizeof p.waiting_bestaand);
    memset(p.staff_fte, 0, sizeof p.staff_fte);
    fc_measures_from_snapshot(&p, snap, date, org_idx, region_idx);
    if ((st = fc_staff_from_snapshot(&p, snap, date, org_idx, region_idx)) !=
        JBW_OK)
        return st;
    for (k = 0; k < FC_K; k++)
        if (p.duration[k] >= 1 && isfinite(p.duration[k]))
            p.inflow[k] = (p.assigned[k] + p.waiting_nieuw[k] +
                           p.waiting_bestaand[k]) / p.duration[k];
    p.units_per_measure = 1.0;
    if (counts.active > 0 && unit == JBW_UNIT_CHILD)
        p.units_per_measure = (double)counts.children / (double)counts.active;
    else if (counts.active > 0 && unit == JBW_UNIT_FAMILY)
        p.units_per_measure = (double)counts.families / (double)counts.active;
    *params = p;
    return jbw__ok();
}

/* ====================================================================== */
/* Scenarios                                                               */
/* ====================================================================== */

/* How a scenario value is read. */
enum { SC_DOUBLE, SC_FRACTION, SC_INT, SC_FLAG, SC_DATE };

/* A scalar key: its field (offset and size), type and domain. */
typedef struct sc_scalar {
    const char *key;
    size_t offset, size;
    int type;
    double lo, hi;
} sc_scalar;

#define SC_FIELD(f) offsetof(jbw_forecast_params, f)
#define SC_SCALAR(f, type, lo, hi)                                      \
    { #f, SC_FIELD(f), sizeof(((jbw_forecast_params *)0)->f), type, lo, \
      hi }

static const sc_scalar sc_scalars[] = {
    SC_SCALAR(months, SC_INT, 1, JBW_FORECAST_MONTHS_MAX),
    SC_SCALAR(start, SC_DATE, 0, 0),
    SC_SCALAR(turnover, SC_FRACTION, 0, 1),
    SC_SCALAR(hires_fte, SC_DOUBLE, 0, FC_MAX_HIRES),
    SC_SCALAR(hire_months, SC_INT, 0, JBW_FORECAST_MONTHS_MAX),
    SC_SCALAR(bestaand_first, SC_FLAG, 0, 1),
    SC_SCALAR(emergency_first, SC_FLAG, 0, 1),
    SC_SCALAR(fte_per_worker, SC_DOUBLE, 1e-9, 1.2),
    SC_SCALAR(units_per_measure, SC_DOUBLE, 1e-9, 10),
    SC_SCALAR(finance, SC_FLAG, 0, 1),
    SC_SCALAR(staff_cost, SC_DOUBLE, 0, FC_MAX_MONEY),
    SC_SCALAR(fixed_costs, SC_DOUBLE, 0, FC_MAX_MONEY),
};
#define SC_NSCALARS (sizeof sc_scalars / sizeof sc_scalars[0])

/* A per-kind key "prefix.KIND". */
typedef struct sc_kinded {
    const char *prefix;
    size_t offset;
    double lo, hi;
    int finance; /* setting it switches finance on */
} sc_kinded;

static const sc_kinded sc_kindeds[] = {
    { "inflow", SC_FIELD(inflow), 0, FC_MAX_INFLOW, 0 },
    { "duration", SC_FIELD(duration), 1, FC_MAX_DURATION, 0 },
    { "tariff", SC_FIELD(tariff), 0, FC_MAX_MONEY, 1 },
    { "assigned", SC_FIELD(assigned), 0, FC_MAX_COUNT, 0 },
    { "waiting_nieuw", SC_FIELD(waiting_nieuw), 0, FC_MAX_COUNT, 0 },
    { "waiting_bestaand", SC_FIELD(waiting_bestaand), 0, FC_MAX_COUNT, 0 },
};
#define SC_NKINDEDS (sizeof sc_kindeds / sizeof sc_kindeds[0])

struct jbw_scenario {
    jbw_forecast_params vals;
    size_t scalar_line[SC_NSCALARS];              /* 0: not set */
    size_t kinded_line[SC_NKINDEDS][JBW_KIND_SLOTS];
    size_t staff_line[JBW_TENURE_SLOTS];
    int finance_keys;   /* a tariff or cost is set */
    int finance_given;  /* the finance key is set */
    jbw_shock *shocks;
    size_t shock_count, shock_cap;
};

typedef struct sc_parse {
    jbw_scenario *sc;
    const char *source;
    jbw__strmap shock_names;
} sc_parse;

static jbw_status sc_bad(const sc_parse *ps, size_t line, const char *key,
                         const char *value, const char *why)
{
    return jbw__error(JBW_EPARSE, "%s line %zu: %s = '%s': %s", ps->source,
                      line, key, value, why);
}

static jbw_status sc_twice(const sc_parse *ps, size_t line, const char *key,
                           size_t first)
{
    return jbw__error(JBW_EPARSE, "%s line %zu: '%s' is given twice (first "
                      "on line %zu)", ps->source, line, key, first);
}

static jbw_status sc_number(const sc_parse *ps, double *out, const char *key,
                            const char *value, size_t line, double lo,
                            double hi, int fraction)
{
    size_t n = strlen(value);
    double v, scale = 1;
    char why[96];
    if (fraction && n > 0 && value[n - 1] == '%') {
        n--;
        scale = 0.01;
    }
    if (jbw__parse_double(&v, value, n, 0) != 0)
        return sc_bad(ps, line, key, value, "not a number");
    v *= scale;
    if (fraction && v > 1 && scale == 1)
        return sc_bad(ps, line, key, value, "above 1: write a fraction (0.2) "
                      "or a percentage (20%)");
    if (v < lo || v > hi) {
        snprintf(why, sizeof why, "must be in [%g, %g]%s", lo * (1 / scale),
                 hi * (1 / scale), scale != 1 ? " %" : "");
        return sc_bad(ps, line, key, value, why);
    }
    *out = v;
    return JBW_OK;
}

static jbw_status sc_set_scalar(sc_parse *ps, size_t i, const char *key,
                                const char *value, size_t line)
{
    const sc_scalar *d = &sc_scalars[i];
    char *field = (char *)&ps->sc->vals + d->offset;
    jbw_status st;
    double v;
    if (ps->sc->scalar_line[i])
        return sc_twice(ps, line, key, ps->sc->scalar_line[i]);
    if (d->offset == SC_FIELD(finance))
        ps->sc->finance_given = 1;
    if (d->type == SC_DATE) {
        jbw_date date;
        if (jbw_date_parse(&date, value, (size_t)-1) != JBW_OK)
            return sc_bad(ps, line, key, value, "not a date");
        memcpy(field, &date, sizeof date);
    } else {
        st = sc_number(ps, &v, key, value, line, d->lo, d->hi,
                       d->type == SC_FRACTION);
        if (st != JBW_OK)
            return st;
        if ((d->type == SC_INT || d->type == SC_FLAG) && v != floor(v))
            return sc_bad(ps, line, key, value, "not a whole number");
        if (d->type == SC_INT) {
            int32_t iv = (int32_t)v;
            memcpy(field, &iv, sizeof iv);
        } else if (d->type == SC_FLAG) {
            int iv = (int)v;
            memcpy(field, &iv, sizeof iv);
        } else {
            memcpy(field, &v, sizeof v);
        }
    }
    ps->sc->scalar_line[i] = line;
    if (d->offset == SC_FIELD(staff_cost) || d->offset == SC_FIELD(fixed_costs))
        ps->sc->finance_keys = 1;
    return JBW_OK;
}

static jbw_status sc_kind(const sc_parse *ps, int *kind, const char *code,
                          size_t line, const char *key, const char *value,
                          int allow_all)
{
    jbw_kind k;
    if (allow_all && (strcmp(code, "ALL") == 0 || strcmp(code, "all") == 0 ||
                      strcmp(code, "*") == 0)) {
        *kind = JBW_SHOCK_ALL_KINDS;
        return JBW_OK;
    }
    if (jbw_kind_from_code(&k, code, (size_t)-1) != JBW_OK) {
        char why[96];
        snprintf(why, sizeof why, "'%.40s' is not a measure kind%s", code,
                 allow_all ? " or ALL" : "");
        return sc_bad(ps, line, key, value, why);
    }
    *kind = (int)k;
    return JBW_OK;
}

static jbw_status sc_set_kinded(sc_parse *ps, size_t i, const char *key,
                                const char *value, size_t line)
{
    const sc_kinded *d = &sc_kindeds[i];
    const char *code = key + strlen(d->prefix) + 1;
    double *arr = (double *)(void *)((char *)&ps->sc->vals + d->offset);
    jbw_status st;
    int kind = 0;
    double v;
    if ((st = sc_kind(ps, &kind, code, line, key, value, 0)) != JBW_OK)
        return st;
    if (ps->sc->kinded_line[i][kind])
        return sc_twice(ps, line, key, ps->sc->kinded_line[i][kind]);
    if ((st = sc_number(ps, &v, key, value, line, d->lo, d->hi, 0)) != JBW_OK)
        return st;
    arr[kind] = v;
    ps->sc->kinded_line[i][kind] = line;
    if (d->finance)
        ps->sc->finance_keys = 1;
    return JBW_OK;
}

static jbw_status sc_set_staff(sc_parse *ps, const char *key,
                               const char *value, size_t line)
{
    long long tenure;
    double v;
    jbw_status st;
    const char *num = key + strlen("staff.");
    if (jbw__parse_int(&tenure, num, strlen(num)) != 0 || tenure < 0 ||
        tenure >= JBW_TENURE_SLOTS)
        return sc_bad(ps, line, key, value, "the tenure after 'staff.' must "
                      "be a whole number of months 0..36");
    if (ps->sc->staff_line[tenure])
        return sc_twice(ps, line, key, ps->sc->staff_line[tenure]);
    if ((st = sc_number(ps, &v, key, value, line, 0, FC_MAX_FTE, 0)) != JBW_OK)
        return st;
    ps->sc->vals.staff_fte[tenure] = v;
    ps->sc->staff_line[tenure] = line;
    return JBW_OK;
}

static jbw_status sc_push_shock(jbw_scenario *sc, const jbw_shock *s)
{
    void *arr = sc->shocks;
    if (sc->shock_count >= FC_MAX_SHOCKS)
        return jbw__error(JBW_EPARSE, "scenario: more than %d shocks",
                          FC_MAX_SHOCKS);
    if (jbw__grow(&arr, &sc->shock_cap, sc->shock_count + 1, sizeof *s) != 0)
        return jbw__enomem();
    sc->shocks = arr;
    sc->shocks[sc->shock_count++] = *s;
    return JBW_OK;
}

/* Checks the months and multiplier of a shock read from a file. */
static jbw_status sc_shock_check(const sc_parse *ps, const jbw_shock *s,
                                 size_t line, const char *key,
                                 const char *value)
{
    if (s->month_from < 1 || s->month_to < s->month_from ||
        s->month_to > JBW_FORECAST_MONTHS_MAX)
        return sc_bad(ps, line, key, value, "months must satisfy 1 <= from "
                      "<= to <= 600");
    if (!(s->multiplier >= 0 && s->multiplier <= FC_MAX_MULTIPLIER))
        return sc_bad(ps, line, key, value, "the multiplier must be in "
                      "[0, 1000]");
    return JBW_OK;
}

/* Splits a value into whitespace-separated tokens in place. */
static int sc_tokens(char *s, char **tok, int max)
{
    int n = 0;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            *s++ = '\0';
        if (!*s)
            break;
        if (n == max)
            return max + 1;
        tok[n++] = s;
        while (*s && *s != ' ' && *s != '\t')
            s++;
    }
    return n;
}

/* shock.NAME = KIND|ALL from to multiplier */
static jbw_status sc_set_shock(sc_parse *ps, const char *key,
                               const char *value, size_t line)
{
    char copy[256];
    char *tok[4];
    long long from, to;
    jbw_shock s;
    size_t idx;
    int inserted, kind = 0;
    jbw_status st;
    const char *name = key + strlen("shock.");
    if (!*name)
        return sc_bad(ps, line, key, value, "the shock needs a name after "
                      "'shock.'");
    snprintf(copy, sizeof copy, "%s", value);
    if (strlen(value) >= sizeof copy ||
        sc_tokens(copy, tok, 4) != 4)
        return sc_bad(ps, line, key, value, "expected 'KIND from to "
                      "multiplier', e.g. 'VOTS 3 8 1.5'");
    if ((st = sc_kind(ps, &kind, tok[0], line, key, value, 1)) != JBW_OK)
        return st;
    if (jbw__parse_int(&from, tok[1], strlen(tok[1])) != 0 ||
        jbw__parse_int(&to, tok[2], strlen(tok[2])) != 0 ||
        from < 0 || to < 0 || from > JBW_FORECAST_MONTHS_MAX ||
        to > JBW_FORECAST_MONTHS_MAX)
        return sc_bad(ps, line, key, value, "months must be whole numbers "
                      "1..600");
    s.kind = kind;
    s.month_from = (int32_t)from;
    s.month_to = (int32_t)to;
    if (jbw__parse_double(&s.multiplier, tok[3], strlen(tok[3]), 0) != 0)
        return sc_bad(ps, line, key, value, "the multiplier is not a number");
    if ((st = sc_shock_check(ps, &s, line, key, value)) != JBW_OK)
        return st;
    if ((st = jbw__strmap_intern(&ps->shock_names, name, strlen(name), &idx,
                                 &inserted)) != JBW_OK)
        return st;
    if (!inserted)
        return jbw__error(JBW_EPARSE, "%s line %zu: shock '%s' is given twice",
                          ps->source, line, name);
    return sc_push_shock(ps->sc, &s);
}

static int sc_prefixed(const char *key, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(key, prefix, n) == 0 && key[n] == '.';
}

static jbw_status sc_kv(void *user, const char *key, const char *value,
                        size_t line)
{
    sc_parse *ps = user;
    size_t i;
    for (i = 0; i < SC_NSCALARS; i++)
        if (strcmp(key, sc_scalars[i].key) == 0)
            return sc_set_scalar(ps, i, key, value, line);
    for (i = 0; i < SC_NKINDEDS; i++)
        if (sc_prefixed(key, sc_kindeds[i].prefix))
            return sc_set_kinded(ps, i, key, value, line);
    if (sc_prefixed(key, "staff"))
        return sc_set_staff(ps, key, value, line);
    if (sc_prefixed(key, "shock"))
        return sc_set_shock(ps, key, value, line);
    return jbw__error(JBW_EPARSE, "%s line %zu: unknown key '%s'", ps->source,
                      line, key);
}

void jbw_scenario_free(jbw_scenario *sc)
{
    if (!sc)
        return;
    jbw__free(sc->shocks);
    jbw__free(sc);
}

jbw_status jbw_scenario_parse(jbw_scenario **out, const char *text,
                              size_t len, const char *source)
{
    sc_parse ps;
    jbw__strmap names = JBW__STRMAP_INIT;
    jbw_status st;
    if (!out || (!text && len))
        return jbw__error(JBW_EINVAL, "jbw_scenario_parse: NULL %s",
                          !out ? "out" : "text");
    ps.sc = jbw__calloc(1, sizeof *ps.sc);
    if (!ps.sc)
        return jbw__enomem();
    jbw_forecast_params_init(&ps.sc->vals, JBW_FORECAST_PARAMS_VERSION);
    ps.source = source ? source : "scenario";
    ps.shock_names = names;
    st = jbw__kv_parse(text ? text : "", len, ps.source, sc_kv, &ps);
    jbw__strmap_free(&ps.shock_names);
    if (st != JBW_OK) {
        jbw_scenario_free(ps.sc);
        return st;
    }
    *out = ps.sc;
    return jbw__ok();
}

jbw_status jbw_scenario_load(jbw_scenario **out, const char *path)
{
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    if (!out || !path)
        return jbw__error(JBW_EINVAL, "jbw_scenario_load: NULL %s",
                          !out ? "out" : "path");
    if ((st = jbw_read_file(&text, &len, path)) != JBW_OK)
        return st;
    st = jbw_scenario_parse(out, text, len, path);
    jbw_free(text);
    return st;
}

size_t jbw_scenario_shock_count(const jbw_scenario *sc)
{
    return sc ? sc->shock_count : 0;
}

jbw_status jbw_scenario_apply(jbw_forecast_params *params,
                              const jbw_scenario *sc)
{
    size_t i;
    int k;
    if (!params || !sc)
        return jbw__error(JBW_EINVAL, "jbw_scenario_apply: NULL %s",
                          !params ? "params" : "scenario");
    if (params->version != JBW_FORECAST_PARAMS_VERSION)
        return jbw__error(JBW_EVERSION, "jbw_scenario_apply: params version "
                          "%u is not supported", params->version);
    for (i = 0; i < SC_NSCALARS; i++)
        if (sc->scalar_line[i])
            memcpy((char *)params + sc_scalars[i].offset,
                   (const char *)&sc->vals + sc_scalars[i].offset,
                   sc_scalars[i].size);
    for (i = 0; i < SC_NKINDEDS; i++) {
        double *dst = (double *)(void *)((char *)params + sc_kindeds[i].offset);
        const double *src = (const double *)(const void *)(
            (const char *)&sc->vals + sc_kindeds[i].offset);
        for (k = 0; k < JBW_KIND_SLOTS; k++)
            if (sc->kinded_line[i][k])
                dst[k] = src[k];
    }
    for (k = 0; k < JBW_TENURE_SLOTS; k++)
        if (sc->staff_line[k])
            params->staff_fte[k] = sc->vals.staff_fte[k];
    if (sc->finance_keys && !sc->finance_given)
        params->finance = 1;
    if (sc->shock_count) {
        params->shocks = sc->shocks;
        params->shock_count = sc->shock_count;
    }
    return jbw__ok();
}

/* ---- shocks CSV ------------------------------------------------------- */

enum { CSV_MONTH, CSV_FROM, CSV_TO, CSV_KIND, CSV_MULT, CSV_NCOLS };

static const char *const csv_col_names[CSV_NCOLS] = {
    "month", "month_from", "month_to", "kind", "multiplier"
};

/* Either month, or month_from and month_to, besides kind and multiplier. */
static jbw_status csv_shock_columns(size_t *col, const jbw__csv *c)
{
    static const unsigned char required[CSV_NCOLS] = { 0, 0, 0, 1, 1 };
    int has_month, has_range, any_range;
    jbw_status st = jbw__csv_columns(col, c, csv_col_names, required,
                                     CSV_NCOLS, 0);
    if (st != JBW_OK)
        return st;
    has_month = col[CSV_MONTH] != JBW__CSV_ABSENT;
    has_range = col[CSV_FROM] != JBW__CSV_ABSENT &&
                col[CSV_TO] != JBW__CSV_ABSENT;
    any_range = col[CSV_FROM] != JBW__CSV_ABSENT ||
                col[CSV_TO] != JBW__CSV_ABSENT;
    if (has_month ? any_range : !has_range)
        return jbw__error(JBW_EPARSE, "%s line %zu: the header must name "
                          "either month or month_from and month_to", c->source,
                          c->record_line);
    return JBW_OK;
}

static jbw_status csv_shock_month(long long *v, const jbw__csv *c, size_t col)
{
    size_t n;
    const char *f = jbw__csv_field(c, col, &n);
    char shown[64];
    if (jbw__parse_int(v, f, n) == 0 && *v >= 1 &&
        *v <= JBW_FORECAST_MONTHS_MAX)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, f, n);
    return jbw__csv_error(c, col, JBW_EPARSE, "'%s' is not a month 1..%d",
                          shown, JBW_FORECAST_MONTHS_MAX);
}

static jbw_status csv_shock_row(jbw_shock *s, const jbw__csv *c,
                                const size_t *col)
{
    size_t n;
    const char *f;
    char shown[64];
    long long from, to;
    jbw_kind k;
    jbw_status st = jbw__csv_check_width(c);
    int from_col = col[CSV_MONTH] != JBW__CSV_ABSENT ? CSV_MONTH : CSV_FROM;
    if (st != JBW_OK || (st = csv_shock_month(&from, c, col[from_col])) != JBW_OK)
        return st;
    to = from;
    if (col[CSV_TO] != JBW__CSV_ABSENT &&
        (st = csv_shock_month(&to, c, col[CSV_TO])) != JBW_OK)
        return st;
    if (to < from)
        return jbw__csv_error(c, col[CSV_TO], JBW_EPARSE, "month_to %lld is "
                              "before month_from %lld", to, from);
    f = jbw__csv_field(c, col[CSV_KIND], &n);
    if (n == 3 && (memcmp(f, "ALL", 3) == 0 || memcmp(f, "all", 3) == 0)) {
        s->kind = JBW_SHOCK_ALL_KINDS;
    } else if (jbw_kind_from_code(&k, f, n) == JBW_OK) {
        s->kind = (int)k;
    } else {
        jbw__csv_quote(shown, sizeof shown, f, n);
        return jbw__csv_error(c, col[CSV_KIND], JBW_EPARSE, "'%s' is not a "
                              "measure kind or ALL", shown);
    }
    s->month_from = (int32_t)from;
    s->month_to = (int32_t)to;
    f = jbw__csv_field(c, col[CSV_MULT], &n);
    if (jbw__parse_double(&s->multiplier, f, n, c->delim == ';') != 0 ||
        s->multiplier < 0 || s->multiplier > FC_MAX_MULTIPLIER) {
        jbw__csv_quote(shown, sizeof shown, f, n);
        return jbw__csv_error(c, col[CSV_MULT], JBW_EPARSE, "'%s' is not a "
                              "number in [0, 1000]", shown);
    }
    return JBW_OK;
}

jbw_status jbw_scenario_add_shocks_csv(jbw_scenario *sc, const char *text,
                                       size_t len, const char *source)
{
    jbw__csv c;
    size_t col[CSV_NCOLS], old;
    int more = 1;
    jbw_status st;
    if (!sc || (!text && len))
        return jbw__error(JBW_EINVAL, "jbw_scenario_add_shocks_csv: NULL %s",
                          !sc ? "scenario" : "text");
    old = sc->shock_count;
    st = jbw__csv_open(&c, text ? text : "", len,
                       source ? source : "shocks.csv");
    if (st != JBW_OK)
        return st;
    st = csv_shock_columns(col, &c);
    while (st == JBW_OK && (st = jbw__csv_next(&c, &more)) == JBW_OK && more) {
        jbw_shock s;
        if ((st = csv_shock_row(&s, &c, col)) == JBW_OK)
            st = sc_push_shock(sc, &s);
    }
    jbw__csv_close(&c);
    if (st != JBW_OK) {
        sc->shock_count = old;
        return st;
    }
    return jbw__ok();
}
