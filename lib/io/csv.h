/*
 * libjbw internal: the CSV tokenizer (io/csv.c) shared by the file readers
 * (measures, workers and registry files, the scenario's shocks).
 *
 * The rules (docs/formats.md, "Conventions common to all files"): UTF-8
 * with an optional byte-order mark; the delimiter ',' or ';' is the one
 * that occurs outside quotes in the header line (',' when neither does,
 * an error when both do); RFC 4180 quoting; LF or CRLF line ends; lines
 * that hold nothing but spaces and delimiters are skipped; unquoted fields
 * are trimmed of spaces and tabs, quoted fields are kept as they are.
 * NUL bytes, invalid UTF-8 and broken quoting are errors.
 *
 * One pass over the text, no allocation per field: unquoted fields are
 * handed out where they lie in the text (pointer and length), quoted
 * fields are unquoted into one reusable buffer.
 */
#ifndef JBW_IO_CSV_H
#define JBW_IO_CSV_H

#include "base/base_internal.h"

#include <stdio.h>

typedef struct jbw__csv {
    const char *pos, *end; /* the unread text */
    const char *source;    /* the file name used in messages */
    char delim;            /* ',' or ';' */
    size_t line;           /* physical line at pos, 1-based */
    size_t record_line;    /* line on which the current record began */
    /*
     * The current record: field i is ptrs[i], lens[i] bytes, NOT
     * NUL-terminated. Unquoted fields point into the text itself; quoted
     * ones into buf, where their quotes are undone (offs: scratch).
     */
    const char **ptrs;
    size_t *lens, *offs;
    size_t count, field_cap;
    char *buf;
    size_t buf_len, buf_cap;
    /* the header's column names, trimmed, NUL-terminated in names */
    char *names;
    size_t *name_offs;
    size_t name_count;
    /*
     * Set by jbw__csv_columns(): the first of the header's last fields
     * that have no name (Excel writes them), whose fields every row must
     * leave empty; 0 when there is nothing to check.
     */
    size_t nameless_from;
    /*
     * A text read in parts (jbw__csv_stream): final is 0 while more text
     * may follow end; a record that runs past end then sets starved and
     * is read again once the text is longer. jbw__csv_open sets final.
     */
    int final, starved;
} jbw__csv;

/* The header name of column col, or "" when the header has no such one. */
static inline const char *jbw__csv_name(const jbw__csv *c, size_t col)
{
    return col < c->name_count ? c->names + c->name_offs[col] : "";
}

/* "No such column" in the index arrays of jbw__csv_columns(). */
#define JBW__CSV_ABSENT ((size_t)-1)

/*
 * Starts reading `text` (len bytes; it must outlive the reader): skips a
 * BOM and leading blank lines, detects the delimiter and reads the header.
 * `source` names the file in messages. On failure (JBW_EPARSE: empty
 * text, ambiguous delimiter, malformed header; JBW_ENOMEM) the reader is
 * left closed; otherwise close it with jbw__csv_close().
 */
jbw_status jbw__csv_open(jbw__csv *c, const char *text, size_t len,
                         const char *source);

/*
 * Reads the next record, skipping blank lines. *more is 0 at the end of
 * the text. A failure (JBW_EPARSE: unterminated quote, NUL byte, invalid
 * UTF-8, text after a closing quote, a lone CR; JBW_ENOMEM) means the
 * text cannot be read further.
 */
jbw_status jbw__csv_next(jbw__csv *c, int *more);

/*
 * jbw__csv_open() for the first part of a text (final 0: more may follow).
 * When the header runs past the part, it fails with c->starved set and
 * no detail: open again with a longer part.
 */
jbw_status jbw__csv_open_part(jbw__csv *c, const char *text, size_t len,
                              const char *source, int final);

/*
 * Continues the text at `text` (len bytes, what was unread plus what
 * came since): call it after a jbw__csv_next() that set c->starved (it
 * returns *more 0 then, the record unread), before reading on.
 */
void jbw__csv_feed(jbw__csv *c, const char *text, size_t len, int final);

/* Frees the reader's buffers; a zeroed or closed reader is accepted. */
void jbw__csv_close(jbw__csv *c);

/*
 * Field i of the current record (i < c->count): *len bytes, not
 * NUL-terminated, valid until the next jbw__csv_next().
 */
static inline const char *jbw__csv_field(const jbw__csv *c, size_t i,
                                         size_t *len)
{
    *len = c->lens[i];
    return c->ptrs[i];
}

/*
 * Maps the wanted columns names[0..n) to header columns: index[k] is the
 * header column of names[k] or JBW__CSV_ABSENT. Names compare ASCII
 * case-insensitively. JBW_EPARSE when a required[k] column is missing, a
 * wanted column occurs twice, or (unless allow_unknown) the header holds
 * a column not wanted, or one without a name before a named one. Fields
 * without a name after the last named one are accepted; unless
 * allow_unknown, c->nameless_from is set so that jbw__csv_check_width()
 * refuses a row with a value in them.
 */
jbw_status jbw__csv_columns(size_t *index, jbw__csv *c,
                            const char *const *names,
                            const unsigned char *required, size_t n,
                            int allow_unknown);

/*
 * JBW_EPARSE naming the line when the current record does not have as
 * many fields as the header, or (c->nameless_from) a value in a field
 * the header gives no name; JBW_OK otherwise.
 */
jbw_status jbw__csv_check_width(const jbw__csv *c);

/*
 * Sets the detail "<source> line N, column '<name>': <message>" for
 * column `col` of the current record (col JBW__CSV_ABSENT: no column
 * part) and returns `status`.
 */
jbw_status jbw__csv_error(const jbw__csv *c, size_t col, jbw_status status,
                          const char *fmt, ...) JBW__PRINTF(4, 5);

/*
 * Writes s[0..n) into dst (size bytes) for use inside a message: cut at a
 * character boundary with an ellipsis (U+2026, 3 bytes) when too long,
 * control characters shown as '?'. size must be at least 8.
 */
void jbw__csv_quote(char *dst, size_t size, const char *s, size_t n);

/* ---- limits of the text readers (limits.c, file.c) -------------------- */

/* The limits of one read; SIZE_MAX: none. */
typedef struct jbw__text_limits {
    size_t max_bytes; /* bytes in the whole text */
    size_t max_line;  /* bytes in one line before its LF (a CR counts) */
    int settable;     /* the messages name the load options' fields */
} jbw__text_limits;

/* The state of the checks over a text that arrives in chunks. */
typedef struct jbw__text_scan {
    jbw__text_limits lim;
    const char *source; /* the name in messages */
    int refuse_nul;
    size_t total;    /* bytes checked */
    size_t line;     /* 1-based line of the next byte */
    size_t line_len; /* bytes of that line checked so far */
} jbw__text_scan;

void jbw__text_scan_init(jbw__text_scan *sc, const jbw__text_limits *lim,
                         const char *source, int refuse_nul);
/*
 * Checks the next n bytes of the text: JBW_ERANGE when the text grows
 * past lim.max_bytes or a line past lim.max_line (naming the line),
 * JBW_EPARSE for a NUL byte (with refuse_nul; naming the line) or, in
 * the first chunk, a UTF-16 or UTF-32 byte-order mark.
 */
jbw_status jbw__text_scan_chunk(jbw__text_scan *sc, const char *p, size_t n);
/* JBW_ERANGE: the text `source` of `size` bytes is larger than
 * lim->max_bytes (a regular file's size, or a buffer's length, refused
 * before a byte is read). */
jbw_status jbw__text_size_refused(const char *source, unsigned long long size,
                                  const jbw__text_limits *lim);
/* JBW_EPARSE naming the encoding when text starts with a UTF-16 or UTF-32
 * byte-order mark; JBW_OK otherwise. */
jbw_status jbw__text_encoding_check(const char *text, size_t len,
                                    const char *source);

/*
 * Bytes read and checked at a time by jbw__read_text() and the CSV
 * stream: 1 MiB. A limit or a NUL byte stops a read within one chunk of
 * where it is. The first read takes at least 4 bytes, so that the first
 * chunk holds a UTF-16 or UTF-32 byte-order mark whole. Only a test
 * changes it (the chunk fuzz harness, to put chunk boundaries anywhere),
 * before any read, never while one runs.
 */
extern size_t jbw__io_chunk;

/* A text file read in checked chunks (file.c). */
typedef struct jbw__text_file {
    FILE *f;
    const char *path;
    char shown[200]; /* the path as messages show it */
    size_t size;     /* a regular file's size; 0 when not known */
    jbw__text_scan sc;
} jbw__text_file;

/* JBW_EIO "cannot open 'PATH': reason" (as jbw__text_file_open) when
 * PATH does not name something that exists; nothing is opened, so a FIFO
 * is not touched. Lets a load name its first file's problem first. */
jbw_status jbw__io_check_exists(const char *path);
/*
 * Opens a file for jbw__text_file_read(): a directory is JBW_EIO "Is a
 * directory", a regular file larger than lim->max_bytes JBW_ERANGE
 * before a byte is read. On success close it with jbw__text_file_close().
 */
jbw_status jbw__text_file_open(jbw__text_file *tf, const char *path,
                               const jbw__text_limits *lim, int refuse_nul);
/*
 * Reads at most `want` bytes into dst and checks them
 * (jbw__text_scan_chunk); *got is 0 at the end of the file. Errors:
 * JBW_EIO, JBW_ERANGE, JBW_EPARSE.
 */
jbw_status jbw__text_file_read(jbw__text_file *tf, char *dst, size_t want,
                               size_t *got);
/* Closes the file; a closed one is accepted. */
void jbw__text_file_close(jbw__text_file *tf);

/*
 * Reads a file within `lim`, in chunks of at most jbw__io_chunk, each checked
 * as it arrives (jbw__text_scan_chunk, NUL bytes refused when refuse_nul), into
 * a NUL-terminated buffer (free with jbw__free). A regular file larger than
 * lim->max_bytes is refused before it is read; a directory is JBW_EIO "Is a
 * directory". Errors: JBW_EIO, JBW_ERANGE, JBW_EPARSE, JBW_ENOMEM.
 */
jbw_status jbw__read_text(char **out, size_t *len, const char *path,
                          const jbw__text_limits *lim, int refuse_nul);

/* ---- a text read in parts (csv_stream.c) ----------------------------- */

/*
 * A CSV text read record by record from a file in checked chunks (at most
 * a chunk and the record that spans it are held), or from a text in
 * memory. read_failed tells a reading error (the file layer's: open,
 * read, limits, NUL bytes) from the tokenizer's.
 */
typedef struct jbw__csv_stream {
    jbw__csv csv;
    jbw__text_file file;
    int from_file, eof, read_failed;
    const char *text; /* data, or the text given */
    char *data;
    size_t len, cap;
    size_t base; /* the offset in the file of text[0] */
} jbw__csv_stream;

/* A stream over text[0..len) (borrowed; it must outlive the stream). */
void jbw__csv_stream_text(jbw__csv_stream *s, const char *text, size_t len);
/* A stream over a file (jbw__text_file_open; NUL bytes refused). Close
 * it with jbw__csv_stream_close() whatever this returns. */
jbw_status jbw__csv_stream_file(jbw__csv_stream *s, const char *path,
                                const jbw__text_limits *lim);
/* jbw__csv_open() on the stream: reads as far as the header needs. */
jbw_status jbw__csv_stream_open(jbw__csv_stream *s, const char *source);
/* jbw__csv_next() on the stream: reads on when a record needs it. */
jbw_status jbw__csv_stream_next(jbw__csv_stream *s, int *more);
/* Reads and checks the rest of the file without tokenizing it. */
jbw_status jbw__csv_stream_drain(jbw__csv_stream *s);
/* An estimate of the records of the whole text from the `rows` records
 * read so far and the bytes they took (a little over, for sizing tables
 * once); 0 when the size of the text is not known. */
size_t jbw__csv_stream_rows_hint(const jbw__csv_stream *s, size_t rows);
void jbw__csv_stream_close(jbw__csv_stream *s);

#endif /* JBW_IO_CSV_H */
