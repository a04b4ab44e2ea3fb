/*
 * The keyed id hash (lib/base/hashkey.c), compiled into this test on its
 * own: SipHash-1-3 against the reference implementation's outputs, the
 * key drawn per process, and ids crafted to collide in the unkeyed hash
 * of 0.1 spread over the map's slots like any ids.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/hashkey.c"
#include "crafted_ids.h"

/*
 * SipHash-1-3 with the all-zero key of the messages 00, 00 01, 00 01 02,
 * ... of 0 to 17 bytes: the outputs of the reference implementation
 * (github.com/veorq/SipHash, built with cROUNDS=1 dROUNDS=3), as listed
 * in docs/sources.md. Lengths 0..17 reach every tail length and one and
 * two whole 8-byte blocks.
 */
static void siphash13_matches_the_reference_outputs(void **state)
{
    static const uint64_t want[18] = {
        0xd1fba762150c532cULL, 0x68a914128e01e473ULL, 0x010bac45c41e3669ULL,
        0x4d4c9a4a8ef6e0adULL, 0x7cc43f98813e4dbdULL, 0x5abe2169dff36275ULL,
        0xe3c25f87624f1cdbULL, 0x2f098ab0c751325aULL, 0xead411e67ebe2eeaULL,
        0x75927f9d95124362ULL, 0xaf9f77a65ab51a1dULL, 0xfe64ce8b6617fcffULL,
        0xa6baf4fb0f9fe1c2ULL, 0xa0cf3211850f8e0dULL, 0x7f86049379fbfe67ULL,
        0xf30eb725bb91c9eaULL, 0x8972188433a5c5b7ULL, 0x4883c49a2c009c1dULL};
    const uint64_t key[2] = {0, 0};
    char msg[18];
    size_t n;
    (void)state;
    for (n = 0; n < 18; n++)
        msg[n] = (char)n;
    for (n = 0; n < 18; n++)
        assert_true(jbw__siphash13(key, msg, n) == want[n]);
}

/* The same id hashes the same within a process. */
static void the_hash_is_stable_within_a_process(void **state)
{
    (void)state;
    assert_true(jbw__hash("M000123", 7) == jbw__hash("M000123", 7));
    assert_true(jbw__hash("M000123", 7) != jbw__hash("M000124", 7));
}

/* Two processes draw different keys (a 128-bit key repeats with
 * probability 2^-128): the child sends its key's hash of one id back. */
static void each_process_draws_its_own_key(void **state)
{
    int fd[2], status;
    uint64_t mine, theirs = 0;
    pid_t pid;
    (void)state;
    mine = jbw__hash("C1", 2);
    assert_int_equal(pipe(fd), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* A fresh key: the child of a process that drew one inherits it,
         * so it draws anew as a new process would. */
        uint64_t h;
        key_state = 0;
        h = jbw__hash("C1", 2);
        _exit(write(fd[1], &h, sizeof h) == (ssize_t)sizeof h ? 0 : 1);
    }
    close(fd[1]);
    assert_int_equal(read(fd[0], &theirs, sizeof theirs), sizeof theirs);
    close(fd[0]);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(theirs != mine);
}

/*
 * 512 ids that all share one 0.1 hash fall into a 512-slot table like
 * random ids: with random hashes the expected number of distinct slots is
 * 512 * (1 - (1 - 1/512)^512) = 512 * (1 - e^-1) = 323.6, with a standard
 * deviation of about 7; the unkeyed hash put them all in one. Fewer than
 * 290 would be a bias no key could explain. (Crafting costs some 3,600
 * tries an id, so the test stays small.)
 */
static void crafted_ids_spread_like_random_ones(void **state)
{
    uint64_t rng = 7;
    char *ids = crafted_ids(512, &rng);
    unsigned char used[512] = {0};
    size_t i, distinct = 0;
    (void)state;
    assert_non_null(ids);
    for (i = 0; i < 512; i++) {
        const char *s = ids + i * CRAFTED_ID_LEN;
        size_t slot = (size_t)(jbw__hash(s, CRAFTED_ID_LEN) & 511);
        assert_true(crafted_unkeyed_hash(s) == crafted_unkeyed_hash(ids));
        if (!used[slot]++)
            distinct++;
    }
    assert_true(distinct > 290);
    free(ids);
}

int main(void)
{
    static const struct CMUnitTest tests[] = {
        cmocka_unit_test(siphash13_matches_the_reference_outputs),
        cmocka_unit_test(the_hash_is_stable_within_a_process),
        cmocka_unit_test(each_process_draws_its_own_key),
        cmocka_unit_test(crafted_ids_spread_like_random_ones),
    };
    return cmocka_run_group_tests_name("hashkey", tests, NULL, NULL);
}
