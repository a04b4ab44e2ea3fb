/*
 * Tests of the text buffer's JSON writers (lib/base/buf.c, json.c): the
 * strings written in place after one reservation (jbw__put_json_string,
 * which copies eight bytes at a time while none needs an escape) give
 * the same text as the writer they replaced, kept below as the reference
 * (old_json_string: byte runs appended, escapes by printf), for every
 * byte value at every place in strings short and long, and never write
 * past the room jbw__json_string_room() gives. Integers as printf writes
 * them; the members of json.c. Linked with the library's objects: the
 * writers are internal. All data is synthetic.
 */
#include "jbw_test.h"

#include <limits.h>

#include "base/base_internal.h"
#include "base/fixed.h"

/* ---- the reference: jbw__buf_json_string as it was (0.2) --------------- */

static int old_needs_escape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

static void old_json_string(jbw__buf *b, const char *s)
{
    const unsigned char *p, *run;
    if (!s) {
        jbw__buf_puts(b, "null");
        return;
    }
    jbw__buf_putc(b, '"');
    for (run = p = (const unsigned char *)s;; p++) {
        unsigned char c = *p;
        if (!old_needs_escape(c))
            continue;
        if (p > run)
            jbw__buf_append(b, (const char *)run, (size_t)(p - run));
        if (!c)
            break;
        run = p + 1;
        switch (c) {
        case '"':
            jbw__buf_puts(b, "\\\"");
            break;
        case '\\':
            jbw__buf_puts(b, "\\\\");
            break;
        case '\n':
            jbw__buf_puts(b, "\\n");
            break;
        case '\r':
            jbw__buf_puts(b, "\\r");
            break;
        case '\t':
            jbw__buf_puts(b, "\\t");
            break;
        default:
            jbw__buf_printf(b, "\\u%04x", (unsigned)c);
        }
    }
    jbw__buf_putc(b, '"');
}

/* ---- helpers ------------------------------------------------------------ */

static uint64_t rng_state = 0x6A62772D62756631ull; /* "jbw-buf1" */

static uint64_t rng_next(void)
{
    /* xorshift64* (Vigna 2016) */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

#define SENTINEL 0xA5
#define BIG      4096

/*
 * s (NUL-terminated, at most BIG / 8 bytes) through the reference, through
 * jbw__buf_json_string, and through jbw__put_json_string into a block of
 * sentinel bytes: the three texts are the same, and nothing past the
 * room the string was given changed.
 */
static void assert_same_string(const char *s)
{
    jbw__buf want = JBW__BUF_INIT, got = JBW__BUF_INIT;
    static unsigned char block[BIG];
    size_t n = s ? strlen(s) : 0, room = jbw__json_string_room(n), i;
    char *end;
    old_json_string(&want, s);
    jbw__buf_json_string(&got, s);
    assert_false(want.failed || got.failed);
    if (got.len != want.len || memcmp(got.data, want.data, want.len) != 0)
        fail_msg("string of %zu bytes: \"%s\" written as \"%s\"", n, want.data,
                 got.data);
    assert_int_equal(got.data[got.len], '\0');
    memset(block, SENTINEL, sizeof block);
    end = jbw__put_json_string((char *)block, s, n);
    assert_true(end >= (char *)block && end <= (char *)block + room);
    assert_int_equal((size_t)(end - (char *)block), want.len);
    assert_memory_equal(block, want.data, want.len);
    for (i = room; i < sizeof block; i++)
        if (block[i] != SENTINEL)
            fail_msg("string of %zu bytes: wrote past its room of %zu", n,
                     room);
    jbw__buf_free(&want);
    jbw__buf_free(&got);
}

/* ---- strings ------------------------------------------------------------ */

static void a_string_writes_its_escapes_by_hand(void **state)
{
    jbw__buf b = JBW__BUF_INIT;
    char *out = NULL;
    (void)state;
    /* '"' '\\' LF CR TAB as two-byte escapes, other control characters as
     * \u00XX with lower-case hex; DEL and UTF-8 stay as they are */
    jbw__buf_json_string(&b, "a\"b\\c\nd\re\tf\001g\037h\177i\303\253");
    jbw__buf_json_string(&b, NULL);
    jbw__buf_json_string(&b, "");
    assert_ok(jbw__buf_finish(&b, &out, NULL));
    assert_string_equal(out, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\177i"
                             "\303\253\"null\"\"");
    jbw__free(out);
}

static void every_byte_at_every_place_as_the_old_writer(void **state)
{
    char s[80];
    int c;
    size_t n, k;
    (void)state;
    /* lengths 1 to 40 (byte loop, two words of four, words of eight and
     * the last word overlapping), each byte value at each place */
    for (c = 1; c < 256; c++)
        for (n = 1; n <= 40; n++)
            for (k = 0; k < n; k++) {
                memset(s, 'x', n);
                s[n] = '\0';
                s[k] = (char)c;
                assert_same_string(s);
            }
}

static void every_pair_of_bytes_as_the_old_writer(void **state)
{
    char s[3];
    int c, d;
    (void)state;
    s[2] = '\0';
    for (c = 1; c < 256; c++)
        for (d = 1; d < 256; d++) {
            s[0] = (char)c;
            s[1] = (char)d;
            assert_same_string(s);
        }
}

static void utf8_and_random_strings_as_the_old_writer(void **state)
{
    static const char *const texts[] = {"",
                                        "a",
                                        "ab",
                                        "abc",
                                        "abcd",
                                        "abcdefg",
                                        "abcdefgh",
                                        "abcdefghi",
                                        "caf\303\251",
                                        "\342\202\254 12,50",
                                        "\360\237\230\200 emoji",
                                        "Zo\303\253 \303\251\303\251n \"twee\"",
                                        "\300\200 overlong",
                                        "\355\240\200 surrogate",
                                        "lone \377 and \200",
                                        "tab\tin the middle",
                                        "ends with a quote\"",
                                        "\\starts with a backslash"};
    static const char alphabet[] = "abcXYZ019 -_\"\\\n\r\t\001\037\177\303\251";
    char s[BIG / 8];
    size_t i, n, j;
    (void)state;
    for (i = 0; i < sizeof texts / sizeof *texts; i++)
        assert_same_string(texts[i]);
    assert_same_string(NULL);
    /* strings of 0 to 300 bytes: mostly plain, some with a few bytes to
     * escape, some of any byte but NUL */
    for (i = 0; i < 30000; i++) {
        uint64_t kind = rng_next() % 4;
        n = (size_t)(rng_next() % 301);
        for (j = 0; j < n; j++) {
            if (kind == 0)
                s[j] = (char)(1 + rng_next() % 255);
            else if (kind == 1 && rng_next() % 16 == 0)
                s[j] = alphabet[rng_next() % (sizeof alphabet - 1)];
            else
                s[j] = (char)('a' + rng_next() % 26);
        }
        s[n] = '\0';
        assert_same_string(s);
    }
}

static void a_string_of_control_characters_fills_its_room(void **state)
{
    char s[64];
    unsigned char block[BIG];
    size_t n;
    (void)state;
    /* n bytes of \001: "\u0001" each, 6n + 2 bytes with the quotes */
    for (n = 0; n < sizeof s; n++) {
        memset(s, 1, n);
        s[n] = '\0';
        assert_same_string(s);
        assert_int_equal(
            (size_t)(jbw__put_json_string((char *)block, s, n) - (char *)block),
            6 * n + 2);
    }
    /* null takes 4 bytes: the room of an empty string holds it */
    assert_int_equal(jbw__json_string_room(0), 4);
    assert_int_equal(jbw__json_string_room(SIZE_MAX / 6), SIZE_MAX);
}

/* ---- integers, dates and members ---------------------------------------- */

static void integers_as_printf(void **state)
{
    static const long longs[] = {0,        1,        -1,          9,     10,
                                 -10,      99,       100,         12345, -98765,
                                 LONG_MAX, LONG_MIN, LONG_MIN + 1};
    static const size_t sizes[] = {0, 1, 9, 10, 99, 100, 1000000, SIZE_MAX};
    char want[32], got[32];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof longs / sizeof *longs; i++) {
        snprintf(want, sizeof want, "%ld", longs[i]);
        *jbw__put_long(got, longs[i]) = '\0';
        assert_string_equal(got, want);
        assert_true(strlen(got) <= JBW__PUT_INT_MAX);
    }
    for (i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        snprintf(want, sizeof want, "%zu", sizes[i]);
        *jbw__put_size(got, sizes[i]) = '\0';
        assert_string_equal(got, want);
        assert_true(strlen(got) <= JBW__PUT_INT_MAX);
    }
}

static void members_of_json_objects(void **state)
{
    jbw__buf b = JBW__BUF_INIT;
    char *out = NULL, *p;
    (void)state;
    jbw__buf_putc(&b, '{');
    jbw__json_key(&b, "a\"b", 1);
    jbw__buf_size(&b, 7);
    jbw__json_num(&b, "fte", 0.8, 3);      /* 0.800 */
    jbw__json_num(&b, "gap", -2.78333, 3); /* -2.783 */
    jbw__json_num(&b, "pct", NAN, 1);
    jbw__json_size(&b, "n", 12);
    jbw__json_date(&b, "d", (jbw_date)0, 0); /* day 0: 1970-01-01 */
    jbw__json_date(&b, "none", JBW_DATE_NONE, 0);
    jbw__json_key(&b, NULL, 0);
    jbw__buf_long(&b, -5);
    p = jbw__buf_room(&b, 2 * JBW__PUT_DATE_MAX + 16);
    assert_non_null(p);
    JBW__PUT_LIT(p, ",\"x\":\"");
    p = jbw__put_date(p, (jbw_date)31); /* 1970-02-01 */
    p = jbw__put_date(p, JBW_DATE_NONE);
    JBW__PUT_LIT(p, "\"}");
    jbw__buf_commit(&b, p);
    assert_int_equal(b.data[b.len], '\0');
    assert_ok(jbw__buf_finish(&b, &out, NULL));
    assert_string_equal(out, "{\"a\\\"b\":7,\"fte\":0.8,\"gap\":-2.783,"
                             "\"pct\":null,\"n\":12,\"d\":\"1970-01-01\","
                             "\"none\":\"\",null:-5,\"x\":\"1970-02-01\"}");
    jbw__free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_string_writes_its_escapes_by_hand),
        cmocka_unit_test(every_byte_at_every_place_as_the_old_writer),
        cmocka_unit_test(every_pair_of_bytes_as_the_old_writer),
        cmocka_unit_test(utf8_and_random_strings_as_the_old_writer),
        cmocka_unit_test(a_string_of_control_characters_fills_its_room),
        cmocka_unit_test(integers_as_printf),
        cmocka_unit_test(members_of_json_objects),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
