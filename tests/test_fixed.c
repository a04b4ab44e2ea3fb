/*
 * Tests of the fixed-decimal writer (lib/fixed.c): the same text as
 * printf("%.*f") in the C locale, exactly, for every value, and a '.'
 * whatever the locale. The writer is internal; this test compiles its
 * source file in.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fixed.h"

/* jbw__fixed and snprintf("%.*f") agree on v with `decimals`. */
static void assert_same_as_printf(double v, int decimals)
{
    char want[512], got[512];
    int n = snprintf(want, sizeof want, "%.*f", decimals, v);
    size_t len = jbw__fixed(got, sizeof got, v, decimals);
    if ((size_t)n != len || strcmp(want, got) != 0)
        fail_msg("%.17g with %d decimals: printf \"%s\", jbw__fixed \"%s\"", v,
                 decimals, want, got);
}

static void check(double v, int decimals, const char *want)
{
    char got[512];
    size_t len = jbw__fixed(got, sizeof got, v, decimals);
    assert_string_equal(got, want);
    assert_int_equal(len, strlen(want));
}

static void rounds_exact_ties_to_even(void **state)
{
    (void)state;
    /* 2.5, 3.5, 0.125 and 0.375 are exact in binary, so they are true
     * ties: the even neighbour wins, as in printf. */
    check(2.5, 0, "2");
    check(3.5, 0, "4");
    check(0.5, 0, "0");
    check(1.5, 0, "2");
    check(0.125, 2, "0.12");
    check(0.375, 2, "0.38");
    check(-0.125, 2, "-0.12");
}

static void rounds_the_binary_value_not_the_decimal_text(void **state)
{
    (void)state;
    /* 1.005 is stored as 1.00499999999999989..., below the tie: 1.00.
     * 0.1 + 0.2 is 0.30000000000000004...: 0.30000000000000004 at 17. */
    check(1.005, 2, "1.00");
    check(0.1 + 0.2, 17, "0.30000000000000004");
    /* 2666.666... (32,000 / 12): 2666.667 with 3 decimals */
    check(32000.0 / 12.0, 3, "2666.667");
    check(0.9, 1, "0.9");
    check(12345678.9, 1, "12345678.9");
}

static void keeps_the_sign_of_negative_zero(void **state)
{
    (void)state;
    /* printf writes a '-' for -0.0 and for a negative value that rounds
     * to zero. */
    check(-0.0, 2, "-0.00");
    check(-0.001, 2, "-0.00");
    check(0.0, 0, "0");
    check(-0.4, 0, "-0");
}

static void writes_small_large_and_odd_values(void **state)
{
    (void)state;
    check(5e-324, 3, "0.000"); /* the smallest subnormal */
    check(0.0005, 3, "0.001"); /* 0.000500000000000000010... > tie */
    check(1e22, 2, "10000000000000000000000.00");           /* 10^22 is exact */
    check(9223372036854775807.0, 0, "9223372036854775808"); /* 2^63 */
    check(INFINITY, 2, "inf");
    check(-INFINITY, 2, "-inf");
    check(123.456, -1, "123.456000"); /* negative: 6, as in printf */
}

static void truncates_like_snprintf(void **state)
{
    char buf[4];
    (void)state;
    /* "123.45" needs 6 characters; 3 fit with the NUL. */
    assert_int_equal(jbw__fixed(buf, sizeof buf, 123.45, 2), 6);
    assert_string_equal(buf, "123");
    assert_int_equal(jbw__fixed(NULL, 0, 123.45, 2), 6);
}

/* xorshift64*: a fixed sequence for the sweeps below. */
static uint64_t next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

static void agrees_with_printf_on_random_doubles(void **state)
{
    uint64_t s = 42;
    int i;
    (void)state;
    /* any bit pattern with an exponent that keeps the value below 2^70
     * (the integer path ends at 2^63), 0 to 20 decimals */
    for (i = 0; i < 300000; i++) {
        uint64_t bits = next(&s), e = 1023 + 70 - (next(&s) % 1200);
        double v;
        bits = (bits & 0x800fffffffffffffull) | (e & 0x7ff) << 52;
        memcpy(&v, &bits, sizeof v);
        if (isfinite(v))
            assert_same_as_printf(v, (int)(next(&s) % 21));
    }
}

static void agrees_with_printf_near_every_rounding_boundary(void **state)
{
    uint64_t s = 7;
    int i;
    (void)state;
    /* k + 1/2 units of the last decimal, and the doubles just around it:
     * the cases a scaled multiply-and-round gets wrong */
    for (i = 0; i < 200000; i++) {
        int d = (int)(next(&s) % 13);
        double unit = pow(10.0, -d);
        double k = (double)(next(&s) % 100000000);
        double v = (k + 0.5) * unit;
        assert_same_as_printf(v, d);
        assert_same_as_printf(nextafter(v, 0), d);
        assert_same_as_printf(nextafter(v, INFINITY), d);
        assert_same_as_printf(-v, d);
        /* the report's values: tenths and thousandths of FTE sums */
        assert_same_as_printf(k / 10.0, 1);
        assert_same_as_printf(k / 12.0, 3);
        /* exact binary ties: odd multiples of 2^-j */
        assert_same_as_printf((2.0 * (double)(k / 2) + 1) / 1024.0, 9);
        assert_same_as_printf((2.0 * (double)(k / 2) + 1) / 1024.0, 3);
    }
}

/* ---- JSON numbers (jbw__fixed_json) ---------------------------------- */

/*
 * The JSON number rule worked out on printf's text: "%.*f" in the C
 * locale with the decimals taken into 0..12, then the zeros that end the
 * fraction and a '.' left last taken away, "-0" written "0"; "null" when
 * not finite or when printf's text takes 64 bytes or more.
 */
static void json_by_printf(char *want, size_t size, double v, int decimals)
{
    char *dot;
    size_t n;
    int len;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 12)
        decimals = 12;
    if (!isfinite(v)) {
        snprintf(want, size, "null");
        return;
    }
    len = snprintf(want, size, "%.*f", decimals, v);
    if (len < 0 || len >= 64) {
        snprintf(want, size, "null");
        return;
    }
    n = (size_t)len;
    dot = strchr(want, '.');
    if (dot) {
        while (want[n - 1] == '0')
            n--;
        if (want[n - 1] == '.')
            n--;
        want[n] = '\0';
    }
    if (strcmp(want, "-0") == 0)
        snprintf(want, size, "0");
}

/* jbw__fixed_json writes what json_by_printf says, within its room. */
static void assert_json_as_printf(double v, int decimals)
{
    char want[512], got[JBW__JSON_NUMBER_MAX + 16];
    char *end;
    size_t i;
    json_by_printf(want, sizeof want, v, decimals);
    memset(got, 'x', sizeof got);
    end = jbw__fixed_json(got, v, decimals);
    for (i = JBW__JSON_NUMBER_MAX; i < sizeof got; i++)
        if (got[i] != 'x')
            fail_msg("%.17g with %d decimals: wrote past its room", v,
                     decimals);
    if (end < got || end > got + JBW__JSON_NUMBER_MAX)
        fail_msg("%.17g with %d decimals: end out of its room", v, decimals);
    *end = '\0';
    if (strcmp(want, got) != 0)
        fail_msg("%.17g with %d decimals: printf trimmed \"%s\", "
                 "jbw__fixed_json \"%s\"",
                 v, decimals, want, got);
}

static void check_json(double v, int decimals, const char *want)
{
    char got[JBW__JSON_NUMBER_MAX + 1];
    *jbw__fixed_json(got, v, decimals) = '\0';
    assert_string_equal(got, want);
}

static void a_json_number_drops_the_zeros_that_end_it(void **state)
{
    (void)state;
    check_json(1.5, 3, "1.5");      /* 1.500 */
    check_json(100.0, 2, "100");    /* 100.00: the '.' goes too */
    check_json(120.0, 0, "120");    /* no fraction: zeros of the integer stay */
    check_json(0.25, 1, "0.2");     /* 0.25 is exact: a tie, to even */
    check_json(0.35, 1, "0.3");     /* 0.34999999999999997779... */
    check_json(2.675, 2, "2.67");   /* 2.67499999999999982236... */
    check_json(1.0005, 3, "1");     /* 1.00049999999999994493...: 1.000 */
    check_json(0.0005, 3, "0.001"); /* 0.00050000000000000001040... */
    check_json(0.875, 4, "0.875");
    check_json(0.000123, 4, "0.0001");
    check_json(12345.6789, 4, "12345.6789");
    check_json(-3.25, 1, "-3.2"); /* exact tie, to even */
    check_json(32000.0 / 12.0, 3, "2666.667");
    check_json(0.1 + 0.2, 12, "0.3"); /* 0.300000000000000044...: 12 zeros */
    check_json(1.0 / 3.0, 12, "0.333333333333");
    check_json(123456.7, 6, "123456.7");
}

static void a_json_number_that_rounds_to_zero_is_0(void **state)
{
    (void)state;
    check_json(0.0, 3, "0");
    check_json(-0.0, 3, "0");
    check_json(-0.0004, 3, "0");      /* printf: -0.000 */
    check_json(-0.4, 0, "0");         /* printf: -0 */
    check_json(-0.5, 0, "0");         /* a tie: to the even 0 */
    check_json(-0.0005, 3, "-0.001"); /* -0.00050000000000000001040... */
    check_json(5e-324, 12, "0");      /* the smallest subnormal */
    check_json(-1e-300, 2, "0");
}

static void a_json_number_is_null_when_not_finite_or_too_long(void **state)
{
    (void)state;
    check_json(NAN, 2, "null");
    check_json(INFINITY, 2, "null");
    check_json(-INFINITY, 0, "null");
    /* 2^160 has 49 digits: "%.12f" takes 49 + 13 = 62 bytes */
    check_json(ldexp(1.0, 160), 12,
               "1461501637330902918203684832716283019655932542976");
    /* 2^166 has 50 digits: 63 bytes, the most */
    check_json(ldexp(1.0, 166), 12,
               "93536104789177786765035829293842113257979682750464");
    /* 2^170 has 52 digits: 65 bytes, null; 52 bytes with 0 decimals */
    check_json(ldexp(1.0, 170), 12, "null");
    check_json(ldexp(1.0, 170), 0,
               "1496577676626844588240573268701473812127674924007424");
    check_json(-ldexp(1.0, 63), 1, "-9223372036854775808");
    check_json(ldexp(1.0, 64), 3, "18446744073709551616");
}

static void a_json_number_takes_decimals_from_0_to_12(void **state)
{
    (void)state;
    check_json(2.5, -1, "2"); /* negative: 0 decimals, a tie to even */
    check_json(1.0 / 3.0, 20, "0.333333333333"); /* at most 12 */
    check_json(0.1, 13, "0.1");
}

static void json_numbers_agree_with_printf_on_random_doubles(void **state)
{
    uint64_t s = 99;
    int i;
    (void)state;
    /* every magnitude from 2^-80 to 2^180: the 64-bit path (values below
     * 2^(52 - d)), the 128-bit path, the general path and null */
    for (i = 0; i < 300000; i++) {
        uint64_t bits = next(&s), e = 1023 + 180 - (next(&s) % 260);
        double v;
        bits = (bits & 0x800fffffffffffffull) | (e & 0x7ff) << 52;
        memcpy(&v, &bits, sizeof v);
        assert_json_as_printf(v, (int)(next(&s) % 15) - 1);
    }
    /* the report's figures: sums and ratios of FTE with 1 to 4 decimals */
    for (i = 0; i < 200000; i++) {
        double v = (double)(next(&s) % 2000000) / 1000.0 /
                   (double)(1 + next(&s) % 400);
        assert_json_as_printf(v, 1 + (int)(next(&s) % 4));
        assert_json_as_printf(-v, 1 + (int)(next(&s) % 4));
    }
}

static void json_numbers_agree_with_printf_near_every_tie(void **state)
{
    uint64_t s = 5;
    int d, i;
    long k;
    (void)state;
    /* every k / 10^d and (k + 1/2) / 10^d up to 30000 / 10^d, with the
     * doubles one ulp either side, both signs, d = 0..12 */
    for (d = 0; d <= 12; d++) {
        double unit = pow(10.0, -d);
        for (k = 0; k < 30000; k++) {
            double v[3] = {(double)k * unit, ((double)k + 0.5) * unit,
                           ((double)k + 0.5) / pow(10.0, d)};
            for (i = 0; i < 3; i++) {
                assert_json_as_printf(v[i], d);
                assert_json_as_printf(-v[i], d);
                assert_json_as_printf(nextafter(v[i], 0), d);
                assert_json_as_printf(nextafter(v[i], INFINITY), d);
            }
        }
    }
    /* exact binary ties: odd multiples of 2^-j, and large values */
    for (i = 0; i < 200000; i++) {
        double k2 = (double)(2 * (next(&s) % 50000000) + 1);
        int j = 1 + (int)(next(&s) % 20);
        d = (int)(next(&s) % 13);
        assert_json_as_printf(ldexp(k2, -j), d);
        assert_json_as_printf(-ldexp(k2, -j), d);
        assert_json_as_printf(ldexp(k2, (int)(next(&s) % 40)), d);
    }
}

static void put_digits_writes_an_integer_as_printf(void **state)
{
    char want[32], got[32];
    uint64_t s = 3, x, p = 1;
    int i;
    (void)state;
    for (i = 0; i < 300000; i++) {
        x = i < 100000 ? (uint64_t)i : next(&s) >> (next(&s) % 64);
        snprintf(want, sizeof want, "%llu", (unsigned long long)x);
        *jbw__put_digits(got, x) = '\0';
        assert_string_equal(got, want);
    }
    for (i = 0; i < 20; i++, p *= 10) { /* 10^i - 1, 10^i, 10^i + 1 */
        for (x = p - 1; x != p + 2; x++) {
            snprintf(want, sizeof want, "%llu", (unsigned long long)x);
            *jbw__put_digits(got, x) = '\0';
            assert_string_equal(got, want);
        }
    }
    *jbw__put_digits(got, UINT64_MAX) = '\0';
    assert_string_equal(got, "18446744073709551615");
}

static void writes_a_point_in_any_locale(void **state)
{
    static const char *const locales[] = {"nl_NL.UTF-8", "de_DE.UTF-8",
                                          "fr_FR.UTF-8", "nl_NL"};
    const char *required = getenv("JBW_REQUIRE_COMMA_LOCALE");
    size_t i;
    (void)state;
    for (i = 0; i < sizeof locales / sizeof *locales; i++)
        if (setlocale(LC_NUMERIC, locales[i]))
            break;
    if (i == sizeof locales / sizeof *locales) {
        /* CI makes one and sets JBW_REQUIRE_COMMA_LOCALE (as
         * jbw_test_comma_locale in jbw_test.h): a skip would pass unseen */
        if (required && *required)
            fail_msg("no locale with a decimal comma installed, and "
                     "JBW_REQUIRE_COMMA_LOCALE is set");
        print_message("no locale with a decimal comma installed; skipped\n");
        skip();
    }
    check(1.25, 2, "1.25");
    check(-1234.5, 1, "-1234.5");
    /* JSON numbers on every path: 64-bit, 128-bit (or printf where the
     * compiler has none: test_fixed_noint128), and beyond 2^63 */
    check_json(1.25, 2, "1.25");
    check_json(-1234.5678125, 6, "-1234.567812");
    /* 12345678.12345678918063...: 12 decimals round up */
    check_json(12345678.123456789, 12, "12345678.123456789181");
    check_json(ldexp(1.0, 64), 3, "18446744073709551616");
    /* the exact decimal expansion of the double nearest 1e300 */
    check(1e300, 1,
          "100000000000000005250476025520442024870446858110815915491585"
          "411551180245798890819578637137508044786404370444383288387817"
          "694252323536043057564479218478670698284838720092657580373783"
          "023379478809005936895323497079994508111903896764088007465274"
          "278014249457925878882005684283811566947219638686545940054016"
          "0.0");
    setlocale(LC_NUMERIC, "C");
}

/* jbw__need_up: a need rounds up to the decimals shown, but a figure a
 * few last bits above a shown one stays it. */
static void a_need_rounds_up_to_the_decimals_shown(void **state)
{
    (void)state;
    assert_true(jbw__need_up(8.541, 1) == 8.6);
    assert_true(jbw__need_up(8.5, 1) == 8.5);
    assert_true(jbw__need_up(8.501, 1) == 8.6);
    /* 8700 steps of 0.001: 8.700000000000001, whose tenths are
     * 87.00000000000001 */
    assert_true(jbw__need_up(8700 * 0.001, 1) == 8.7);
    /* 1.1e-6 FTE over a tenth is more than a millionth of it */
    assert_true(jbw__need_up(8.5000011, 1) == 8.6);
    assert_true(jbw__need_up(0.25, 1) == 0.3);
    assert_true(jbw__need_up(0.0, 1) == 0.0);
    assert_true(jbw__need_up(2.01, 0) == 3.0);
    assert_true(jbw__need_up(103.176, 1) == 103.2);
    assert_true(jbw__need_up(1.2345, 2) == 1.24);
    assert_true(isnan(jbw__need_up(NAN, 1)));
    assert_true(isinf(jbw__need_up(INFINITY, 1)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rounds_exact_ties_to_even),
        cmocka_unit_test(a_need_rounds_up_to_the_decimals_shown),
        cmocka_unit_test(rounds_the_binary_value_not_the_decimal_text),
        cmocka_unit_test(keeps_the_sign_of_negative_zero),
        cmocka_unit_test(writes_small_large_and_odd_values),
        cmocka_unit_test(truncates_like_snprintf),
        cmocka_unit_test(agrees_with_printf_on_random_doubles),
        cmocka_unit_test(agrees_with_printf_near_every_rounding_boundary),
        cmocka_unit_test(a_json_number_drops_the_zeros_that_end_it),
        cmocka_unit_test(a_json_number_that_rounds_to_zero_is_0),
        cmocka_unit_test(a_json_number_is_null_when_not_finite_or_too_long),
        cmocka_unit_test(a_json_number_takes_decimals_from_0_to_12),
        cmocka_unit_test(json_numbers_agree_with_printf_on_random_doubles),
        cmocka_unit_test(json_numbers_agree_with_printf_near_every_tie),
        cmocka_unit_test(put_digits_writes_an_integer_as_printf),
        cmocka_unit_test(writes_a_point_in_any_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
