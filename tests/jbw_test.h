/*
 * Shared test helpers: cmocka with the headers it needs, and a tolerance
 * assertion (Debian's cmocka 1.1.5 has no assert_double_equal).
 */
#ifndef JBW_TEST_H
#define JBW_TEST_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jbw.h"

/* Fails unless |a - b| <= tol (and neither is NaN). */
#define assert_near(a, b, tol) \
    jbw_test_assert_near((double)(a), (double)(b), (double)(tol), #a, #b, __FILE__, __LINE__)

static inline void jbw_test_assert_near(double a, double b, double tol,
                                        const char *sa, const char *sb,
                                        const char *file, int line)
{
    if (!(fabs(a - b) <= tol)) {
        print_error("%s (%.12g) != %s (%.12g) within %g\n", sa, a, sb, b, tol);
        _fail(file, line);
    }
}

/* Asserts that a call returned `expected`, printing the library's detail. */
#define assert_status(call, expected)                                       \
    do {                                                                    \
        int jbw_test_st_ = (int)(call);                                     \
        if (jbw_test_st_ != (int)(expected)) {                              \
            print_error("%s returned %d (%s), expected %d; detail: %s\n",   \
                        #call, jbw_test_st_, jbw_strerror(jbw_test_st_),    \
                        (int)(expected), jbw_last_error());                 \
            _fail(__FILE__, __LINE__);                                      \
        }                                                                   \
    } while (0)

#define assert_ok(call) assert_status(call, JBW_OK)

/* Asserts that the last error detail contains `needle`. */
#define assert_error_contains(needle)                                       \
    do {                                                                    \
        if (!strstr(jbw_last_error(), (needle))) {                          \
            print_error("detail '%s' lacks '%s'\n", jbw_last_error(),       \
                        (needle));                                          \
            _fail(__FILE__, __LINE__);                                      \
        }                                                                   \
    } while (0)

/* Makes a date, failing the test on error. */
static inline jbw_date jbw_test_date(int y, int m, int d)
{
    jbw_date out = JBW_DATE_NONE;
    if (jbw_date_from_ymd(&out, y, m, d) != JBW_OK) {
        print_error("bad test date %d-%d-%d\n", y, m, d);
        _fail(__FILE__, __LINE__);
    }
    return out;
}
#define D(y, m, d) jbw_test_date((y), (m), (d))

#endif /* JBW_TEST_H */
