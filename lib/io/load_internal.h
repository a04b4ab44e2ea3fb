/*
 * libjbw internal: what the snapshot loader's files share: the parsed
 * rows of workers.csv and measures.csv (load_rows.c), and the pipeline
 * that parses measures.csv on a thread of its own while the calling
 * thread adds the rows to the snapshot (load_pipe.c, used by
 * snapshot_load.c).
 */
#ifndef JBW_IO_LOAD_INTERNAL_H
#define JBW_IO_LOAD_INTERNAL_H

#include "io/io_internal.h"

/* ---- parsed rows (load_rows.c) ----------------------------------------- */

/* String fields of the rows, as offsets in their arena (IO_NULL: none). */
enum { WS_ID, WS_ORG, WS_REGION, WS_COUNT };
enum {
    MS_ID,
    MS_CHILD,
    MS_FAMILY,
    MS_ORG,
    MS_REGION,
    MS_WORKER,
    MS_REASON,
    MS_COUNT
};

typedef struct jbw__worker_row {
    size_t line;
    size_t reject; /* reason offset in the rejects, IO_NULL when good */
    size_t str[WS_COUNT];
    jbw_worker w;
} jbw__worker_row;

typedef struct jbw__measure_row {
    size_t line;
    size_t reject;         /* reason offset in the rejects, IO_NULL */
    jbw_status status;     /* the row's parse status */
    size_t detail;         /* in a batch: where the status's detail is */
    const jbw__buf *arena; /* where str[] point */
    size_t str[MS_COUNT];
    jbw__measure_keys keys; /* the hashes and lengths of its ids: set when
                               the row parsed (status JBW_OK) */
    jbw_measure m;
} jbw__measure_row;

/* The state of whoever parses rows: where their strings go, the latest
 * date of the good rows (see jbw_load_options), the enum codes last
 * read. One per thread that parses. */
typedef struct jbw__row_parser {
    jbw__buf *arena;
    jbw_date latest;
    jbw__io_memo memo[IO_ENUMS];
} jbw__row_parser;

static inline const char *jbw__row_str(const jbw__buf *arena, size_t off)
{
    return off == IO_NULL ? NULL : arena->data + off;
}

/* Copies a field into the parser's arena; an empty optional field
 * becomes none (IO_NULL). JBW_ENOMEM. */
jbw_status jbw__load_keep_field(jbw__row_parser *P, size_t *off,
                                const jbw__csv *c, size_t col, int optional);
/* Parses the worker row at hand (its width checked) into row->w and
 * row->str (columns col[W_*]); the detail names the line and column. */
jbw_status jbw__load_worker_row(jbw__row_parser *P, jbw__worker_row *row,
                                const jbw__csv *c, const size_t *col);
/*
 * Parses the measure record at hand into `row`, reset first: its line,
 * its width, its values (columns col[M_*]) and strings (in P->arena), and
 * the hashes and lengths of its ids (the snapshot does not take them
 * again); sets
 * row->status and returns it (its detail set; JBW_ENOMEM too).
 */
jbw_status jbw__load_measure_record(jbw__row_parser *P, jbw__measure_row *row,
                                    const jbw__csv *c, const size_t *col);

/* ---- the two-thread pipeline (load_pipe.c) ----------------------------- */

/*
 * The snapshot's tables are sized once, from the bytes the first rows
 * took: counting line ends instead would count blank lines and the line
 * ends inside quoted fields too. A small file never needs it.
 */
#define IO_SIZE_AFTER 4096

/* Rows the parse thread hands over at a time (a test may lower it, before
 * any load, never during one). */
extern size_t jbw__load_batch_rows;
/* The smallest measures text a load reads on a thread of its own
 * (JBW_LOAD_THREADS_MIN_BYTES; a test may lower it likewise). */
extern size_t jbw__load_threads_min;

/* A run of parsed rows, in file order. */
typedef struct jbw__load_batch {
    jbw__measure_row *rows;
    size_t count;
    size_t first;     /* the taker's: the number of rows before these */
    jbw__buf arena;   /* the rows' strings */
    jbw__buf details; /* the details of the rows that failed, and below */
    int reserve;      /* the tables are to be sized now, for hint rows */
    size_t hint;
    /*
     * The last batch of the file says how the reading ended, after its
     * rows: `tail` a tokenizer error (a parse error: the file is read on
     * only to check it), then `end` an error that stops the load at once
     * (reading, limits, out of memory); each JBW_OK or with its detail at
     * tail_detail / end_detail in `details`.
     */
    int last;
    jbw_status tail, end;
    size_t tail_detail, end_detail;
} jbw__load_batch;

typedef struct load_pipe jbw__load_pipe; /* defined in load_pipe.c */

/* The threads a load with `threads` (its option) uses: 1 or 2. */
unsigned jbw__load_threads(unsigned threads);
/*
 * Starts the parse thread on the stream s, its header read (columns col,
 * M_COLUMNS of them, copied): from here until jbw__load_pipe_finish()
 * only that thread touches s. In strict mode (lenient 0) it stops
 * parsing after the first row that fails, and reads on only to check the
 * rest. NULL when the thread or its batches cannot be had: parse on the
 * calling thread then.
 */
jbw__load_pipe *jbw__load_pipe_start(jbw__csv_stream *s, const size_t *col,
                                     int lenient);
/* The next batch, waiting for it; NULL after the last one. It stays the
 * caller's until released. */
jbw__load_batch *jbw__load_pipe_take(jbw__load_pipe *p);
/* Gives the batches taken whose rows are all added (the first `added`
 * rows of the file) back to the thread, oldest first. */
void jbw__load_pipe_release_done(jbw__load_pipe *p, size_t added);
/* Batches taken and not yet released, and the batches in all. */
size_t jbw__load_pipe_held(const jbw__load_pipe *p);
size_t jbw__load_pipe_ring(const jbw__load_pipe *p);
/* Stops the thread if it still runs, waits for it, merges the latest
 * date of its rows into *latest and frees the pipe (NULL accepted). */
void jbw__load_pipe_finish(jbw__load_pipe *p, jbw_date *latest);

#endif /* JBW_IO_LOAD_INTERNAL_H */
