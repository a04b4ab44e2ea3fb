/*
 * libjbw internal: what the files of lib/io share between them: the field
 * values of a CSV record (field.c), the rejected-rows list (rejects.c),
 * the columns of the snapshot files (snapshot_load.c, snapshot_write.c)
 * and the CSV writers' field helpers (snapshot_write.c, used by
 * registry_csv.c too).
 */
#ifndef JBW_IO_INTERNAL_H
#define JBW_IO_INTERNAL_H

#include "data/snapshot_internal.h"
#include "io/csv.h"

/* ---- field values (field.c) ------------------------------------------ */

/* Quoted-value buffer size used in messages: long values are cut. */
#define IO_SHOWN 64

/* The enum columns of measures.csv. */
typedef enum jbw__io_enum {
    IO_KIND,
    IO_SAFETY,
    IO_PLACEMENT,
    IO_JR_RISK,
    IO_YESNO, /* safety_plan, other_help, domestic_violence */
    IO_BAND   /* override_band; empty is none (-1) */
} jbw__io_enum;
#define IO_ENUMS 6

/*
 * The codes last read in an enum column and their values: a column
 * repeats a few codes, and comparing a code's key (jbw__io_memo_key())
 * is cheaper than the lookup. All zero is an empty memo.
 */
#define IO_MEMO_SLOTS 8
#define IO_MEMO_MAX   23 /* the longest code kept */
typedef struct jbw__io_memo {
    uint64_t key[IO_MEMO_SLOTS][3];
    size_t len[IO_MEMO_SLOTS]; /* 0: slot unused */
    int value[IO_MEMO_SLOTS];
    unsigned next; /* the slot to fill next */
} jbw__io_memo;

/*
 * The key of a code s[0..n), 1 <= n <= IO_MEMO_MAX: two texts of the same
 * length have the same key only when they are the same. Bytes 0..8 and
 * n-8..n, and 8..16 when n > 16; below 8 bytes, bytes 0..4 and n-4..n;
 * below 4, bytes 0, n/2 and n-1. Native loads (memcpy): the key is
 * compared, never read as a number.
 */
static JBW__ALWAYS_INLINE void jbw__io_memo_key(uint64_t key[3], const char *s,
                                                size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t a, b;
    key[1] = key[2] = 0;
    if (n >= 8) {
        memcpy(&key[0], s, 8);
        memcpy(&key[1], s + n - 8, 8);
        if (n > 16)
            memcpy(&key[2], s + 8, 8);
    } else if (n >= 4) {
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        key[0] = (uint64_t)a | (uint64_t)b << 32;
    } else {
        key[0] = (uint64_t)u[0] | (uint64_t)u[n >> 1] << 8 |
                 (uint64_t)u[n - 1] << 16;
    }
}

/* Whether memo slot k holds the code of length n and key `key`. */
static inline int jbw__io_memo_is(const jbw__io_memo *memo, unsigned k,
                                  const uint64_t key[3], size_t n)
{
    return memo->len[k] == n && memo->key[k][0] == key[0] &&
           memo->key[k][1] == key[1] && memo->key[k][2] == key[2];
}

/* A field's text; NULL (and *len 0) when the column is absent. */
static inline const char *jbw__io_text(const jbw__csv *c, size_t col,
                                       size_t *len)
{
    if (col == JBW__CSV_ABSENT) {
        *len = 0;
        return NULL;
    }
    return jbw__csv_field(c, col, len);
}

/* jbw__io_date() for what its inline part does not read: other forms,
 * the errors (field.c). */
jbw_status jbw__io_date_other(jbw_date *out, const jbw__csv *c, size_t col,
                              int required);
/* jbw__io_enum_value() for what its inline part does not read: a code not
 * in the memo, the errors (field.c). */
jbw_status jbw__io_enum_other(int *out, jbw__io_memo *memo, const jbw__csv *c,
                              size_t col, jbw__io_enum which);

/*
 * A date column; empty gives JBW_DATE_NONE unless `required`. A date
 * followed by a time of midnight is the date. Inline: an absent or empty
 * field, and YYYY-MM-DD (the bulk of a file's dates).
 */
static JBW__ALWAYS_INLINE jbw_status jbw__io_date(jbw_date *out,
                                                  const jbw__csv *c, size_t col,
                                                  int required)
{
    size_t n;
    const char *s = jbw__io_text(c, col, &n);
    if (n == 10 && jbw__date_iso_exact(out, s))
        return JBW_OK;
    if (n == 0 && !required) {
        *out = JBW_DATE_NONE;
        return JBW_OK;
    }
    return jbw__io_date_other(out, c, col, required);
}

/*
 * An enum column; empty gives 0 (the "unknown"/"none" default) except for
 * kind, which is required. `memo` remembers the codes last read. Inline:
 * an absent or empty field, and a code in the memo.
 */
static JBW__ALWAYS_INLINE jbw_status jbw__io_enum_value(int *out,
                                                        jbw__io_memo *memo,
                                                        const jbw__csv *c,
                                                        size_t col,
                                                        jbw__io_enum which)
{
    size_t n;
    const char *s = jbw__io_text(c, col, &n);
    uint64_t key[3];
    if (n == 0 && which != IO_KIND) {
        *out = which == IO_BAND ? -1 : 0;
        return JBW_OK;
    }
    if (n > 0 && n <= IO_MEMO_MAX) {
        unsigned k;
        jbw__io_memo_key(key, s, n);
        for (k = 0; k < IO_MEMO_SLOTS; k++)
            if (jbw__io_memo_is(memo, k, key, n)) {
                *out = memo->value[k];
                return JBW_OK;
            }
    }
    return jbw__io_enum_other(out, memo, c, col, which);
}

/* previous_workers: a whole number; empty is 0. */
jbw_status jbw__io_int(int *out, const jbw__csv *c, size_t col);
/* fte: a number, with a decimal comma in ';' files. */
jbw_status jbw__io_number(double *out, const jbw__csv *c, size_t col);

/* ---- rejected rows (rejects.c) --------------------------------------- */

#define IO_NULL ((size_t)-1)
enum { IO_MEASURES = 0, IO_WORKERS = 1 };

/* A new, empty list for the two named files; NULL when out of memory. */
jbw_rejects *jbw__io_rejects_new(const char *measures_name,
                                 const char *workers_name);
/* Stores a reason's text; *offset receives its place for io_reject_add. */
jbw_status jbw__io_reason(jbw_rejects *r, size_t *offset, const char *text);
/* Adds a rejected row of file IO_MEASURES or IO_WORKERS. */
jbw_status jbw__io_reject_add(jbw_rejects *r, int file, size_t line,
                              size_t reason);

/* ---- the snapshot files' columns (snapshot_load.c) -------------------- */

enum { W_ID, W_ORG, W_REGION, W_FTE, W_HIRED, W_LEAVING, W_COLUMNS };
enum {
    M_ID,
    M_CHILD,
    M_FAMILY,
    M_KIND,
    M_ORG,
    M_REGION,
    M_START,
    M_END,
    M_WORKER,
    M_FIRST,
    M_WAITING,
    M_PREVIOUS,
    M_SAFETY,
    M_PLACEMENT,
    M_BIRTH,
    M_CONTACT,
    M_JR_RISK,
    M_SAFETY_PLAN,
    M_OTHER_HELP,
    M_DOMESTIC_VIOLENCE,
    M_TERM_END,
    M_OVERRIDE_BAND,
    M_OVERRIDE_REASON,
    M_HELP_REQUESTED, /* record version 3 */
    M_HELP_STARTED,
    M_COLUMNS
};
extern const char *const jbw__io_worker_names[W_COLUMNS];
extern const char *const jbw__io_measure_names[M_COLUMNS];

/* ---- load options and limits (snapshot_load.c) ------------------------ */

/* Checks `given` (NULL: the defaults; version 1 or 2) and copies it into
 * *o, a full current-version record with the defaults where a version-1
 * record has no field. */
jbw_status jbw__io_options(jbw_load_options *o, const jbw_load_options *given);
/* The readers' limits of checked options (0 fields: the defaults). */
void jbw__io_limits(jbw__text_limits *lim, const jbw_load_options *o);
/* Checks a text given in memory as the file readers check a file (one
 * chunk of the whole text): its size, its lines, its NUL bytes and its
 * encoding, with the same messages, so that the same bytes give the same
 * error whether they come in a buffer or a file. */
jbw_status jbw__io_scan_text(const char *text, size_t len, const char *name,
                             const jbw__text_limits *lim);

/* ---- CSV writing helpers (snapshot_write.c) --------------------------- */

/* A text field, quoted also when it has leading or trailing blanks. */
void jbw__io_put_text(jbw__buf *b, const char *s);
/* The key at `index` of a map, NULL for JBW__NONE. */
const char *jbw__io_key(const jbw__strmap *m, uint32_t index);
/* A header line of n column names. */
void jbw__io_put_header(jbw__buf *b, const char *const *names, size_t n);

#endif /* JBW_IO_INTERNAL_H */
