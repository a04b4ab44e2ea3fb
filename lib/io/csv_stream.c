/*
 * libjbw - a CSV text read in parts (csv.h, jbw__csv_stream): the file is
 * read in checked chunks and the tokenizer is handed the part up to the
 * last line end, so that a load holds a chunk of the file at a time
 * rather than all of it. A text given in memory is read as one part.
 */
#include "io/csv.h"

#include <string.h>

void jbw__csv_stream_text(jbw__csv_stream *s, const char *text, size_t len)
{
    memset(s, 0, sizeof *s);
    s->text = text;
    s->len = len;
    s->eof = 1;
}

jbw_status jbw__csv_stream_file(jbw__csv_stream *s, const char *path,
                                const jbw__text_limits *lim)
{
    jbw_status st;
    memset(s, 0, sizeof *s);
    s->from_file = 1;
    st = jbw__text_file_open(&s->file, path, lim, 1);
    if (st != JBW_OK)
        s->read_failed = 1;
    return st;
}

/*
 * Keeps the unread bytes data[keep_from..len), moved to the front, and
 * reads at least a chunk after them (as many bytes as are kept, when
 * more: a record longer than a chunk is read again from its start, and
 * doubling keeps that linear).
 */
static jbw_status stream_read(jbw__csv_stream *s, size_t keep_from)
{
    size_t keep = s->len - keep_from, want, got;
    jbw_status st;
    if (keep_from && keep)
        memmove(s->data, s->data + keep_from, keep);
    s->base += keep_from;
    s->len = keep;
    want = keep > jbw__io_chunk ? keep : jbw__io_chunk; /* csv.h */
    if (s->file.sc.total == 0 && want < 4)
        want = 4; /* the first chunk shows a byte-order mark whole */
    /* a small file needs no more than its size (and a byte that shows
     * its end) */
    if (s->file.size && s->file.sc.total <= s->file.size &&
        s->file.size - s->file.sc.total < want)
        want = s->file.size - s->file.sc.total + 1;
    if (s->cap - s->len < want) {
        void *p = s->data;
        size_t cap = s->cap;
        if (want > SIZE_MAX - s->len ||
            jbw__grow(&p, &cap, s->len + want, 1) != 0)
            return jbw__enomem();
        s->data = p;
        s->cap = cap;
    }
    st = jbw__text_file_read(&s->file, s->data + s->len, want, &got);
    if (st != JBW_OK) {
        s->read_failed = 1;
        return st;
    }
    if (got == 0)
        s->eof = 1;
    s->len += got;
    s->text = s->data;
    return JBW_OK;
}

/* The bytes the tokenizer may read: up to the last line end, or all of
 * them once the file has ended. */
static size_t stream_part(const jbw__csv_stream *s)
{
    size_t n = s->len;
    if (s->eof)
        return n;
    while (n > 0 && s->text[n - 1] != '\n')
        n--;
    return n;
}

/* Reads until the part grows past `had` bytes (or the file ends). */
static jbw_status stream_grow_part(jbw__csv_stream *s, size_t keep_from,
                                   size_t had, size_t *part)
{
    jbw_status st;
    do {
        if ((st = stream_read(s, keep_from)) != JBW_OK)
            return st;
        keep_from = 0;
        *part = stream_part(s);
    } while (!s->eof && *part <= had);
    return JBW_OK;
}

jbw_status jbw__csv_stream_open(jbw__csv_stream *s, const char *source)
{
    size_t part = 0;
    jbw_status st;
    if (!s->from_file)
        return jbw__csv_open(&s->csv, s->text, s->len, source);
    for (;;) {
        /* the header is read from the start of the text each time */
        if ((st = stream_grow_part(s, 0, part, &part)) != JBW_OK)
            return st;
        st = jbw__csv_open_part(&s->csv, s->text, part, source,
                                s->eof && part == s->len);
        if (st == JBW_OK || !s->csv.starved)
            return st;
    }
}

jbw_status jbw__csv_stream_next(jbw__csv_stream *s, int *more)
{
    for (;;) {
        jbw__csv *c = &s->csv;
        size_t from, had, part;
        jbw_status st = jbw__csv_next(c, more);
        if (st != JBW_OK || *more || !c->starved)
            return st;
        from = (size_t)(c->pos - s->text);
        had = (size_t)(c->end - c->pos);
        if ((st = stream_grow_part(s, from, had, &part)) != JBW_OK)
            return st;
        jbw__csv_feed(c, s->text, part, s->eof && part == s->len);
    }
}

jbw_status jbw__csv_stream_drain(jbw__csv_stream *s)
{
    while (s->from_file && !s->eof) {
        jbw_status st = stream_read(s, s->len);
        if (st != JBW_OK)
            return st;
    }
    return JBW_OK;
}

size_t jbw__csv_stream_rows_hint(const jbw__csv_stream *s, size_t rows)
{
    size_t total = s->from_file ? s->file.size : s->len;
    size_t at = s->base + (size_t)(s->csv.pos - s->text);
    if (!total || !at || at >= total) /* a pipe: no size to go by */
        return 0;
    /* the rows per byte so far over the whole text, and a little more */
    return (size_t)((double)total / (double)at * (double)rows * 1.0625) + 1;
}

void jbw__csv_stream_close(jbw__csv_stream *s)
{
    jbw__csv_close(&s->csv);
    jbw__text_file_close(&s->file);
    jbw__free(s->data);
    s->data = NULL;
    s->text = NULL;
    s->len = s->cap = 0;
}
