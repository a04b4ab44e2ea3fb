/*
 * Tests of the common module: status texts, the thread-local error detail,
 * allocator hooks and version.
 */
#include "jbw_test.h"

#include <pthread.h>

static void strerror_names_every_status(void **state)
{
    (void)state;
    /* One static text per code of the enum in common.h. */
    assert_string_equal(jbw_strerror(JBW_OK), "success");
    assert_string_equal(jbw_strerror(JBW_EINVAL), "invalid argument");
    assert_string_equal(jbw_strerror(JBW_ENOMEM), "out of memory");
    assert_string_equal(jbw_strerror(JBW_ERANGE), "value out of range");
    assert_string_equal(jbw_strerror(JBW_EPARSE), "parse error");
    assert_string_equal(jbw_strerror(JBW_ENOTFOUND), "not found");
    assert_string_equal(jbw_strerror(JBW_EDUPLICATE), "duplicate");
    assert_string_equal(jbw_strerror(JBW_EVERSION), "unsupported version");
    assert_string_equal(jbw_strerror(JBW_EIO), "input/output error");
    assert_string_equal(jbw_strerror(JBW_EPROTECTED),
                        "protected attribute refused");
    assert_string_equal(jbw_strerror(JBW_EBUFFER), "buffer too small");
    assert_string_equal(jbw_strerror(JBW_ECANCELED), "canceled");
}

static void strerror_of_unknown_code_is_not_null(void **state)
{
    (void)state;
    assert_string_equal(jbw_strerror(-999), "unknown error");
    assert_string_equal(jbw_strerror(42), "unknown error");
}

static void status_values_are_stable(void **state)
{
    (void)state;
    /* The numbers are ABI: common.h promises they never change. */
    assert_int_equal(JBW_OK, 0);
    assert_int_equal(JBW_EINVAL, -1);
    assert_int_equal(JBW_ENOMEM, -2);
    assert_int_equal(JBW_ERANGE, -3);
    assert_int_equal(JBW_EPARSE, -4);
    assert_int_equal(JBW_ENOTFOUND, -5);
    assert_int_equal(JBW_EDUPLICATE, -6);
    assert_int_equal(JBW_EVERSION, -7);
    assert_int_equal(JBW_EIO, -8);
    assert_int_equal(JBW_EPROTECTED, -9);
    assert_int_equal(JBW_EBUFFER, -10);
    assert_int_equal(JBW_ECANCELED, -11);
}

static void last_error_is_never_null_and_clears(void **state)
{
    jbw_date d = 123;
    (void)state;
    jbw_clear_error();
    assert_non_null(jbw_last_error());
    assert_string_equal(jbw_last_error(), "");
    assert_status(jbw_date_parse(&d, "31-02-2025", (size_t)-1), JBW_EPARSE);
    assert_int_equal(d, 123); /* output untouched */
    assert_error_contains("31-02-2025");
    jbw_clear_error();
    assert_string_equal(jbw_last_error(), "");
}

/*
 * common.h's account of the detail: a failure sets it (its example: 2025
 * is no leap year, so February has 28 days and the 31st does not exist);
 * a function that returns no status leaves it as it was; a successful
 * jbw_date_parse() clears it to "".
 */
static void last_error_is_set_by_a_failure_as_common_h_says(void **state)
{
    jbw_date d = 123;
    (void)state;
    jbw_clear_error();
    assert_status(jbw_date_parse(&d, "31-02-2025", (size_t)-1), JBW_EPARSE);
    assert_string_equal(jbw_last_error(),
                        "not a date, February 2025 has 28 days: '31-02-2025'");
    assert_string_equal(jbw_kind_code(JBW_KIND_OTS), "OTS");
    assert_string_equal(jbw_last_error(),
                        "not a date, February 2025 has 28 days: '31-02-2025'");
    assert_ok(jbw_date_parse(&d, "28-02-2025", (size_t)-1));
    assert_string_equal(jbw_last_error(), "");
}

static void *fail_in_thread(void *arg)
{
    jbw_date d;
    (void)arg;
    jbw_date_parse(&d, "not-a-date", (size_t)-1);
    return strstr(jbw_last_error(), "not-a-date") ? (void *)1 : NULL;
}

static void last_error_is_per_thread(void **state)
{
    pthread_t t;
    void *seen = NULL;
    (void)state;
    jbw_clear_error();
    assert_int_equal(pthread_create(&t, NULL, fail_in_thread, NULL), 0);
    assert_int_equal(pthread_join(t, &seen), 0);
    assert_non_null(seen);                     /* the thread saw its own */
    assert_string_equal(jbw_last_error(), ""); /* this thread did not */
}

static size_t counted_allocs;
static size_t counted_frees;

static void *counting_malloc(size_t n, void *user)
{
    (void)user;
    counted_allocs++;
    return malloc(n);
}

static void *counting_realloc(void *p, size_t n, void *user)
{
    (void)user;
    if (!p)
        counted_allocs++;
    return realloc(p, n);
}

static void counting_free(void *p, void *user)
{
    (void)user;
    if (p)
        counted_frees++;
    free(p);
}

static void allocator_hooks_see_every_allocation(void **state)
{
    jbw_calendar *cal = NULL;
    (void)state;
    counted_allocs = counted_frees = 0;
    assert_ok(jbw_set_allocator(counting_malloc, counting_realloc,
                                counting_free, NULL));
    assert_ok(jbw_calendar_new(&cal, NULL));
    jbw_calendar_free(cal);
    assert_ok(jbw_set_allocator(NULL, NULL, NULL, NULL));
    assert_true(counted_allocs > 0);
    assert_int_equal(counted_allocs, counted_frees);
}

static void allocator_needs_all_three_or_none(void **state)
{
    (void)state;
    assert_status(jbw_set_allocator(counting_malloc, NULL, counting_free, NULL),
                  JBW_EINVAL);
    assert_error_contains("all three");
    assert_ok(jbw_set_allocator(NULL, NULL, NULL, NULL));
}

static void *failing_malloc(size_t n, void *user)
{
    (void)n;
    (void)user;
    return NULL;
}

static void *failing_realloc(void *p, size_t n, void *user)
{
    (void)p;
    (void)n;
    (void)user;
    return NULL;
}

static void failing_allocator_gives_enomem(void **state)
{
    jbw_calendar *cal = (jbw_calendar *)&cal; /* sentinel, must stay */
    jbw_calendar *const sentinel = cal;
    (void)state;
    assert_ok(jbw_set_allocator(failing_malloc, failing_realloc, counting_free,
                                NULL));
    assert_status(jbw_calendar_new(&cal, NULL), JBW_ENOMEM);
    assert_ok(jbw_set_allocator(NULL, NULL, NULL, NULL));
    assert_ptr_equal(cal, sentinel);
}

static void version_matches_the_headers(void **state)
{
    char buf[32];
    (void)state;
    snprintf(buf, sizeof buf, "%d.%d.%d", JBW_VERSION_MAJOR, JBW_VERSION_MINOR,
             JBW_VERSION_PATCH);
    assert_string_equal(jbw_version(), buf);
    assert_string_equal(jbw_version(), JBW_VERSION_STRING);
    assert_int_equal(jbw_version_number(), JBW_VERSION_MAJOR * 10000 +
                                               JBW_VERSION_MINOR * 100 +
                                               JBW_VERSION_PATCH);
    assert_int_equal(jbw_abi_major(), JBW_ABI_MAJOR);
}

static void free_accepts_null(void **state)
{
    (void)state;
    jbw_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strerror_names_every_status),
        cmocka_unit_test(strerror_of_unknown_code_is_not_null),
        cmocka_unit_test(status_values_are_stable),
        cmocka_unit_test(last_error_is_never_null_and_clears),
        cmocka_unit_test(last_error_is_set_by_a_failure_as_common_h_says),
        cmocka_unit_test(last_error_is_per_thread),
        cmocka_unit_test(allocator_hooks_see_every_allocation),
        cmocka_unit_test(allocator_needs_all_three_or_none),
        cmocka_unit_test(failing_allocator_gives_enomem),
        cmocka_unit_test(version_matches_the_headers),
        cmocka_unit_test(free_accepts_null),
    };
    return cmocka_run_group_tests_name("common", tests, NULL, NULL);
}
