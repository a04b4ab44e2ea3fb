/*
 * libjbw internal: the helpers of lib/base that every other file uses:
 * errors, allocation, the text buffer, the string map and number
 * parsing. Nothing here is exported; every name starts with jbw__.
 *
 * Naming inside lib/: a function, type or object that one file shares
 * with others starts with jbw__ and is declared in an internal header
 * (lib/base/base_internal.h for everyone, or the folder's own header,
 * such as lib/io/io_internal.h); a folder's shared helpers keep the
 * folder's tag behind it (jbw__io_, jbw__wr_, jbw__fc_, jbw__sc_).
 * Macros and enumerators in an internal header use upper case with the
 * same tag (JBW__, IO_, WR_, FC_). A static function used by one file
 * has a plain name with no prefix (docs/architecture.md, "Naming").
 */
#ifndef JBW_BASE_INTERNAL_H
#define JBW_BASE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "jbw.h"

#if defined(__GNUC__) || defined(__clang__)
#define JBW__PRINTF(f, a) __attribute__((format(printf, f, a)))
#define JBW__LIKELY(x)    __builtin_expect(!!(x), 1)
#define JBW__UNLIKELY(x)  __builtin_expect(!!(x), 0)
/* a hint: fetch the line of p into the cache */
#define JBW__PREFETCH(p) __builtin_prefetch(p)
/*
 * Inlined at every call. A static helper whose only effect is
 * prefetching must be: GCC treats it as free of side effects and drops
 * the calls whose result is unused, prefetches and all.
 */
#define JBW__ALWAYS_INLINE __attribute__((always_inline)) inline
/* an error path: kept out of line, away from the hot code */
#define JBW__COLD __attribute__((cold, noinline))
#else
#define JBW__PRINTF(f, a)
#define JBW__LIKELY(x)   (x)
#define JBW__UNLIKELY(x) (x)
#define JBW__PREFETCH(p) ((void)(p))
#define JBW__ALWAYS_INLINE
#define JBW__COLD
#endif

/* The eight bytes at s as a little-endian number on any host: one load
 * (memcpy), and on a big-endian host the bytes swapped (the test is a
 * constant). */
static inline uint64_t jbw__le64(const void *s)
{
    uint64_t x;
    const uint16_t one = 1;
    unsigned char little;
    memcpy(&x, s, sizeof x);
    memcpy(&little, &one, 1);
    if (!little)
        x = (x >> 56) | (x >> 40 & 0xFF00u) | (x >> 24 & 0xFF0000u) |
            (x >> 8 & 0xFF000000u) | (x & 0xFF000000u) << 8 |
            (x & 0xFF0000u) << 24 | (x & 0xFF00u) << 40 | x << 56;
    return x;
}

/* Copies n bytes: a short one (most fields and keys) without a call, in
 * two overlapping moves of eight or four bytes, or byte by byte. */
static JBW__ALWAYS_INLINE void jbw__copy_short(char *dst, const char *src,
                                               size_t n)
{
    if (n > 16) {
        memcpy(dst, src, n);
    } else if (n >= 8) {
        memcpy(dst, src, 8);
        memcpy(dst + n - 8, src + n - 8, 8);
    } else if (n >= 4) {
        memcpy(dst, src, 4);
        memcpy(dst + n - 4, src + n - 4, 4);
    } else if (n) {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

/*
 * s[0..n) holds a byte of a class: byte(c) tells one byte, word(x) whether
 * any of the eight bytes of x is one (a word-at-a-time test, exact). The
 * text is read eight bytes at a time, the last read overlapping the one
 * before rather than going byte by byte; fewer than 8 bytes are two
 * overlapping reads of four, fewer than 4 are tested one by one. Inlined,
 * so that both tests are too.
 */
static JBW__ALWAYS_INLINE int jbw__any_byte(const char *s, size_t n,
                                            int (*byte)(unsigned char),
                                            int (*word)(uint64_t))
{
    uint64_t x;
    uint32_t a, b;
    size_t i;
    if (n < 4) {
        for (i = 0; i < n; i++)
            if (byte((unsigned char)s[i]))
                return 1;
        return 0;
    }
    if (n < 8) {
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        return word((uint64_t)a | (uint64_t)b << 32);
    }
    for (i = 0; i + 8 < n; i += 8) {
        memcpy(&x, s + i, 8);
        if (word(x))
            return 1;
    }
    memcpy(&x, s + n - 8, 8);
    return word(x);
}

/* ---- errors ---------------------------------------------------------- */

/* Records the thread's detail message and returns `status`. */
jbw_status jbw__error(jbw_status status, const char *fmt, ...)
    JBW__PRINTF(2, 3);
jbw_status jbw__verror(jbw_status status, const char *fmt, va_list ap);
/*
 * Writes s[0..n) into dst (size bytes, at least 8) for use inside a
 * message: cut at a character boundary with an ellipsis (U+2026, 3 bytes)
 * when longer than size - 4 bytes, control characters shown as '?'
 * (bytes that are not UTF-8 become '?' when the message is recorded).
 * Returns dst.
 */
const char *jbw__quote_value(char *dst, size_t size, const char *s, size_t n);
/* The buffer size for a value quoted in a message: 68 bytes and "…". */
#define JBW__SHOWN 72
/*
 * Length of the well-formed UTF-8 sequence at p (p[0] >= 0x80, the text
 * NUL-terminated), or 0: overlong forms, surrogates and code points past
 * U+10FFFF are not well-formed (RFC 3629) (error.c).
 */
size_t jbw__utf8_seq(const unsigned char *p);

/* Records "out of memory" and returns JBW_ENOMEM. */
jbw_status jbw__enomem(void);
/* A failure of public function `callee` inside public function `caller`:
 * the detail "callee: ..." becomes "caller: ...", so that the caller's
 * user reads the function they called. Other details stay. Returns st. */
jbw_status jbw__error_as(jbw_status st, const char *callee, const char *caller);
/* Returns JBW_OK after clearing the detail: use at every successful exit
 * of a public function that may have set it on an inner failure. */
jbw_status jbw__ok(void);

/*
 * Records "<prefix> version V is not supported (expected N)", or
 * "(expected OLDEST to N)" when the library reads older versions too, and
 * returns JBW_EVERSION: the one wording of every check of a versioned
 * record, so that a caller always reads which versions the library knows.
 * `fmt` and what follows print the prefix: the function and the record
 * ("jbw_snapshot_add_measure: measure", or "jbw_measure_init:" when the
 * function names the record).
 */
jbw_status jbw__error_version(unsigned int version, unsigned int oldest,
                              unsigned int newest, const char *fmt, ...)
    JBW__PRINTF(4, 5);

/*
 * The body of every jbw_*_init(out, version) of a versioned record
 * (record.c): JBW_EINVAL when out is NULL, JBW_EVERSION when version is
 * not `known`, else copies the `size` bytes of `init` (the record's
 * JBW_*_INIT) to out. `fn` names the public function in the detail.
 */
jbw_status jbw__record_init(void *out, const void *init, size_t size,
                            unsigned int version, unsigned int known,
                            const char *fn);

/* ---- memory (goes through the allocator hooks) ----------------------- */

void *jbw__malloc(size_t size);
void *jbw__calloc(size_t count, size_t size); /* overflow-checked, zeroed */
void *jbw__realloc(void *ptr, size_t size);
/* realloc of count * size with an overflow check */
void *jbw__reallocarray(void *ptr, size_t count, size_t size);
void jbw__free(void *ptr);
char *jbw__strdup(const char *s); /* NULL in, NULL out */
char *jbw__strndup(const char *s, size_t n);
/* 1 when s is not NULL and holds something other than white space. */
int jbw__has_text(const char *s);
/* ASCII case-insensitive equality of name[0..n) and the string `want`
 * (codes, column names, keys: the locale must not matter). */
int jbw__name_eq_n(const char *name, size_t n, const char *want);

/* Grows *array (of elem bytes) to hold at least `need` elements,
 * doubling; returns 0 on success, -1 on out of memory (array unchanged). */
int jbw__grow(void **array, size_t *capacity, size_t need, size_t elem);

/*
 * Grows the n arrays arrays[0..n) (element sizes elems[0..n)) so that
 * each holds at least `need` elements, doubling *capacity (at least 8):
 * the struct-of-arrays layouts share one capacity. The caller copies its
 * pointers into arrays[] and must copy them back whatever the result: on
 * failure some arrays may already have moved (to a larger block; the
 * contents are kept). *capacity changes only on success. Returns 0, or
 * -1 when out of memory.
 */
int jbw__grow_parallel(void **arrays, const size_t *elems, size_t n,
                       size_t *capacity, size_t need);

/* ---- growable string buffer ------------------------------------------ */

typedef struct jbw__buf {
    char *data; /* always NUL-terminated when len > 0 or after init */
    size_t len;
    size_t cap;
    int failed; /* an append ran out of memory; later appends no-op */
} jbw__buf;

#define JBW__BUF_INIT                                                          \
    {                                                                          \
        NULL, 0, 0, 0                                                          \
    }

/* Grows the buffer for jbw__buf_reserve() (buf.c). */
int jbw__buf_grow(jbw__buf *b, size_t extra);
/* Makes room for `extra` more bytes (and the NUL); -1 and b->failed set
 * when out of memory. Inline: the usual case, room, is one test. */
static inline int jbw__buf_reserve(jbw__buf *b, size_t extra)
{
    if (!b->failed && extra < b->cap - b->len)
        return 0;
    return jbw__buf_grow(b, extra);
}
void jbw__buf_append(jbw__buf *b, const char *s, size_t n);
void jbw__buf_puts(jbw__buf *b, const char *s);
/* Appends s on one line: each ASCII control character (a line break, a
 * tab; C0 and DEL) as one space, for free text inside a text table. */
void jbw__buf_line(jbw__buf *b, const char *s);
/* Appends one byte. Inline: the writers put thousands of separators. */
static inline void jbw__buf_putc(jbw__buf *b, char c)
{
    if (jbw__buf_reserve(b, 1) != 0)
        return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}
void jbw__buf_printf(jbw__buf *b, const char *fmt, ...) JBW__PRINTF(2, 3);
/* Append v in decimal, as "%zu" and "%ld" write it, without printf. */
void jbw__buf_size(jbw__buf *b, size_t v);
void jbw__buf_long(jbw__buf *b, long v);
/* Appends a JSON string literal with quotes and escapes. NULL -> null. */
void jbw__buf_json_string(jbw__buf *b, const char *s);

/*
 * Writing in place. A writer that knows the most bytes a piece of its
 * output can take makes room for them once and writes the piece with the
 * jbw__put_* helpers, each of which returns the position after what it
 * wrote; jbw__buf_commit() then takes the piece into the buffer:
 *
 *     char *p = jbw__buf_room(b, most);
 *     if (!p)
 *         return;
 *     JBW__PUT_LIT(p, "{\"id\":");
 *     p = jbw__put_json_string(p, id, strlen(id));
 *     jbw__buf_commit(b, p);
 *
 * The room holds the NUL as well; NULL when out of memory (b->failed).
 */
static inline char *jbw__buf_room(jbw__buf *b, size_t most)
{
    return jbw__buf_reserve(b, most) == 0 ? b->data + b->len : NULL;
}
/* Ends a piece written in place at `end` (within the room). */
static inline void jbw__buf_commit(jbw__buf *b, char *end)
{
    b->len = (size_t)(end - b->data);
    b->data[b->len] = '\0';
}
/* a + b, or SIZE_MAX (a room no buffer gets) when that overflows. */
static inline size_t jbw__room_add(size_t a, size_t b)
{
    return a <= SIZE_MAX - b ? a + b : SIZE_MAX;
}
/* Writes the string literal `lit` at p and moves p past it; its length is
 * known when compiling, so the copy is a few moves. */
#define JBW__PUT_LIT(p, lit)                                                   \
    ((p) = (char *)memcpy((p), "" lit, sizeof(lit) - 1) + (sizeof(lit) - 1))
/* The most bytes jbw__put_json_string() writes for n bytes (or NULL with
 * n 0): every byte as \u00XX between the quotes, or null. */
static inline size_t jbw__json_string_room(size_t n)
{
    return n <= (SIZE_MAX - 4) / 6 ? 6 * n + 4 : SIZE_MAX;
}
/* Writes s[0..n) as a JSON string with its quotes and escapes, the same
 * text as jbw__buf_json_string(); NULL is null. */
char *jbw__put_json_string(char *p, const char *s, size_t n);
/* The most bytes of jbw__put_size(), jbw__put_long(), jbw__put_date(). */
#define JBW__PUT_INT_MAX  20
#define JBW__PUT_DATE_MAX 10
/* v in decimal, as "%zu" and "%ld" write it. */
char *jbw__put_size(char *p, size_t v);
char *jbw__put_long(char *p, long v);
/* An ISO date, or nothing for JBW_DATE_NONE or a date out of range (as
 * jbw__buf_date()). */
char *jbw__put_date(char *p, jbw_date d);
/* Appends a finite double in JSON with up to `decimals` decimals and no
 * trailing zeros; non-finite values are written as null. */
void jbw__buf_json_number(jbw__buf *b, double v, int decimals);
/* Appends v as snprintf "%*.*f" (width, decimals) writes it in the C
 * locale, exactly, without printf: right-aligned in `width` characters
 * (0: no padding), '.' whatever the host's locale (lib/base/fixed.c). */
void jbw__buf_fixed(jbw__buf *b, double v, int decimals, int width);
/* Appends the shortest decimal form of v that reads back as exactly v,
 * with '.' as decimal point whatever the host's locale. */
void jbw__buf_double(jbw__buf *b, double v);
/* v as printf's "%g" (six significant digits), with '.' as the decimal
 * point whatever the host's locale. */
void jbw__buf_g(jbw__buf *b, double v);
/* Appends a CSV field, quoting when it holds ',', ';', '"', CR or LF. */
void jbw__buf_csv_field(jbw__buf *b, const char *s);
/* Appends ',' and then v with up to `dec` decimals (nothing more when v
 * is not finite): a number cell of a CSV row. */
void jbw__csv_num(jbw__buf *b, double v, int dec);
/* Appends an ISO date, or nothing for JBW_DATE_NONE. */
void jbw__buf_date(jbw__buf *b, jbw_date d);
/* Hands the buffer's string to the caller (out/len) or frees it and
 * returns JBW_ENOMEM when an append failed. */
jbw_status jbw__buf_finish(jbw__buf *b, char **out, size_t *len);
void jbw__buf_free(jbw__buf *b);

/* ---- the data notice in outputs (notice.c) --------------------------- */
/*
 * A writer's output made from synthetic data carries the notice (NULL:
 * none; every helper then writes nothing but the line end it owns):
 * text: the notice and a blank line first; JSON: a first member
 * "data_notice" (call right after the opening '{'; writes the ','); CSV:
 * a last column "data_notice" on the header line and on every row (call
 * instead of writing the line's '\n').
 */
void jbw__notice_text(jbw__buf *b, const char *notice);
/* The same for a text in `lang`: a Dutch text gives the library's own
 * notices (the synthetic example, the published series) in Dutch on the
 * line after them, as the charts and the brief do (out/text.c). */
void jbw__notice_text_lang(jbw__buf *b, const char *notice, jbw_lang lang);
/* "maand" or "maanden", "month" or "months", for n (base/table.c). */
const char *jbw__months_word(long n, jbw_lang lang);
void jbw__notice_json(jbw__buf *b, const char *notice);
void jbw__notice_csv_header_end(jbw__buf *b, const char *notice);
void jbw__notice_csv_row_end(jbw__buf *b, const char *notice);

/* The longest data notice a snapshot or series keeps, in bytes. */
#define JBW__NOTICE_MAX 400
/*
 * Checks a data notice before it is kept: not empty, at most
 * JBW__NOTICE_MAX bytes, well-formed UTF-8 without control characters
 * (C0, DEL and C1), so that every writer can carry it on one line (a
 * text line, a CSV field, a JSON string, SVG text) and the data_notice
 * file of an export holds it as one line. JBW_OK, or JBW_EINVAL with
 * "<what> <reason>" as the detail.
 */
jbw_status jbw__notice_check(const char *notice, const char *what);
/* A checked copy of a notice into *out (NULL for NULL), for the setters of
 * a result's notice; on error *out is NULL. Errors: jbw__notice_check's,
 * JBW_ENOMEM. */
jbw_status jbw__notice_dup(char **out, const char *notice, const char *what);

/* ---- one record as CSV or JSON (row.c) ------------------------------- */
/*
 * A writer describes a record once, as a sequence of jbw__row_* calls,
 * and runs it in one of three forms: the CSV header (the keys), a CSV
 * line (the values) or JSON members ("key":value). Fields are separated
 * by ','; the caller writes the line end (jbw__notice_csv_*) or the
 * braces, and sets `fields` to 1 to continue after members of its own.
 * Numbers: JSON and, unless `csv_exact`, CSV use jbw__buf_json_number
 * with the field's decimals (NaN: null); with `csv_exact` CSV writes the
 * round-trip decimal (jbw__buf_double) and nothing for NaN. Dates: CSV
 * as jbw__buf_date (nothing for JBW_DATE_NONE), JSON quoted or null.
 * Text: NULL is an empty CSV field and JSON null.
 * The *_as forms name a field differently in the CSV header (csv_key) and
 * in JSON (json_key); a NULL name leaves the field out of that form (a
 * CSV-only column such as a section, a JSON-only member such as a note).
 */
#define JBW__ROW_HEADER 0
#define JBW__ROW_CSV    1
#define JBW__ROW_JSON   2

typedef struct jbw__row {
    jbw__buf *b;
    int form;      /* JBW__ROW_HEADER, _CSV or _JSON */
    int csv_exact; /* CSV numbers round-trip, NaN empty */
    size_t fields; /* written so far */
} jbw__row;

void jbw__row_init(jbw__row *r, jbw__buf *b, int form, int csv_exact);
void jbw__row_number(jbw__row *r, const char *key, double v, int decimals);
void jbw__row_long(jbw__row *r, const char *key, long v);
void jbw__row_size(jbw__row *r, const char *key, size_t v);
void jbw__row_text(jbw__row *r, const char *key, const char *s);
void jbw__row_date(jbw__row *r, const char *key, jbw_date d);
void jbw__row_number_as(jbw__row *r, const char *csv_key, const char *json_key,
                        double v, int decimals);
void jbw__row_size_as(jbw__row *r, const char *csv_key, const char *json_key,
                      size_t v);
void jbw__row_text_as(jbw__row *r, const char *csv_key, const char *json_key,
                      const char *s);

/* ---- JSON object members (json.c) ------------------------------------ */

/* Appends "key": preceded by ',' unless `first`. */
void jbw__json_key(jbw__buf *b, const char *key, int first);
/* Appends ,"key":v for a count, a number with up to `dec` decimals (null
 * when not finite), and "key":"YYYY-MM-DD" (',' first unless `first`). */
void jbw__json_size(jbw__buf *b, const char *key, size_t v);
void jbw__json_num(jbw__buf *b, const char *key, double v, int dec);
void jbw__json_date(jbw__buf *b, const char *key, jbw_date d, int first);

/* ---- string interning map: string -> dense index --------------------- */

typedef struct jbw__strmap {
    uint32_t *slots;   /* 0 = empty; else a tag from the hash's high half
                          in the bits above slot_count - 1 and index + 1
                          below them (strmap.c) */
    size_t slot_count; /* power of two */
    uint32_t *offs;    /* by index: where the key is, block << 16 |
                          position in the block; JBW__STRMAP_NO_KEY for
                          an index without a key */
    size_t count;
    size_t unkeyed; /* indices without a key (jbw__strmap_add_unkeyed) */
    size_t key_cap;
    /* Keys live in arena blocks of 64 KiB rather than one allocation
     * each (a national file interns about a million ids); a key longer
     * than a block gets a block of its own. Each key is stored as its
     * length (one byte; 255, then four bytes before it, for 255 bytes or
     * more), its bytes and a NUL; blocks never move, so a key read once
     * stays valid while the map lives. */
    char **blocks;
    size_t block_count, block_cap;
    size_t block_used, block_size; /* of the last block */
    /* An array indexed like the keys (its owner keeps this pointer
     * current) whose element jbw__strmap_prefetch_key() fetches with the
     * key: what every lookup reads next. NULL: none. */
    const void *values;
    size_t value_size;
} jbw__strmap;

#define JBW__STRMAP_INIT                                                       \
    {                                                                          \
        NULL, 0, NULL, 0, 0, 0, NULL, 0, 0, 0, 0, NULL, 0                      \
    }

/*
 * The id hash: SipHash-1-3 of s[0..n) under a key drawn once per process
 * from the system's random source (hashkey.c). Never visible in any
 * output: maps keep insertion order.
 */
uint64_t jbw__hash(const char *s, size_t n);
/* SipHash-1-3 of s[0..n) under `key` (hashkey.c; tested against the
 * reference implementation's vectors). */
uint64_t jbw__siphash13(const uint64_t key[2], const char *s, size_t n);
/* Finds a key; returns its index or -1. */
long jbw__strmap_find(const jbw__strmap *m, const char *s, size_t n);
/* Finds or inserts; *index receives the index, *inserted 1 when new.
 * Returns JBW_OK or JBW_ENOMEM (map unchanged). */
jbw_status jbw__strmap_intern(jbw__strmap *m, const char *s, size_t n,
                              size_t *index, int *inserted);
/* The same two with the key's jbw__hash() already at hand (a caller that
 * looks a key up and then inserts it hashes it once). */
long jbw__strmap_find_hashed(const jbw__strmap *m, const char *s, size_t n,
                             uint64_t h);
jbw_status jbw__strmap_intern_hashed(jbw__strmap *m, const char *s, size_t n,
                                     uint64_t h, size_t *index, int *inserted);
/* Adds s[0..n) (hash h), which the caller looked up with that hash and
 * did not find, with the map unchanged since: the lookup is not made
 * again. The same errors as jbw__strmap_intern_hashed(). */
jbw_status jbw__strmap_add_new_hashed(jbw__strmap *m, const char *s, size_t n,
                                      uint64_t h, size_t *index);
/* Makes room for `keys` keys in all, so that interning up to that many
 * allocates nothing but arena blocks; the sizes are those the map would
 * reach by growing. Returns 0, or -1 on out of memory (the map is still
 * valid; growing then happens on insert as usual). */
int jbw__strmap_reserve(jbw__strmap *m, size_t keys);
/*
 * The next index, with no key: nothing can find it and its key reads as
 * "" (the snapshot's own families, which are known by their child). It
 * takes 4 bytes and no slot. JBW_OK, JBW_ERANGE or JBW_ENOMEM (map
 * unchanged); jbw__strmap_pop() removes it like a key.
 */
#define JBW__STRMAP_NO_KEY UINT32_MAX
jbw_status jbw__strmap_add_unkeyed(jbw__strmap *m, size_t *index);
/* Removes the most recently inserted key (to undo a failed insert). */
void jbw__strmap_pop(jbw__strmap *m);
/* Fetches the slot where a key of hash h is looked for into the cache,
 * ahead of the lookup (a hint: the map is not changed). */
static inline void jbw__strmap_prefetch(const jbw__strmap *m, uint64_t h)
{
#if defined(__GNUC__) || defined(__clang__)
    if (m->slot_count)
        __builtin_prefetch(&m->slots[(size_t)h & (m->slot_count - 1)]);
#else
    (void)m;
    (void)h;
#endif
}
/* The next two steps of fetching a lookup ahead, a few rows after
 * jbw__strmap_prefetch() and after each other: the offset of the key
 * whose slot matches h (its slot is in the cache by then), then the key's
 * bytes and its element of `values`. Hints: nothing changes, and a key
 * that is not there fetches nothing. */
void jbw__strmap_prefetch_offset(const jbw__strmap *m, uint64_t h);
void jbw__strmap_prefetch_key(const jbw__strmap *m, uint64_t h);
/* The key of `index` (NUL-terminated; valid while the map lives), NULL
 * past the last. */
static inline const char *jbw__strmap_key(const jbw__strmap *m, size_t index)
{
    uint32_t off;
    if (index >= m->count)
        return NULL;
    off = m->offs[index];
    return off == JBW__STRMAP_NO_KEY ? ""
                                     : m->blocks[off >> 16] + (off & 0xFFFFu);
}
void jbw__strmap_free(jbw__strmap *m);

/* ---- numbers --------------------------------------------------------- */

/* The C library's decimal point in the current locale (buf.c). */
char jbw__decimal_point(void);

/* Strict number parsing for kv files and CSV: the whole string must be a
 * finite number ('.' decimal point, or ',' when decimal_comma). */
int jbw__parse_double(double *out, const char *s, size_t n, int decimal_comma);
int jbw__parse_int(long long *out, const char *s, size_t n);

#endif /* JBW_BASE_INTERNAL_H */
