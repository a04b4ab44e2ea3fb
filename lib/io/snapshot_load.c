/*
 * libjbw - loading a snapshot from workers.csv and measures.csv (strict
 * or lenient), docs/formats.md.
 */
#include "io/load_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* Loading a snapshot                                                      */
/* ====================================================================== */

/*
 * Loading runs in one pass: each file is read in chunks (csv_stream.c),
 * each row is parsed and added to the snapshot at once, its strings kept
 * only until it is added. The snapshot is made first; the reference date
 * (given, or the latest date of the rows) is set once both files are
 * read, since adding a row never looks at it.
 *
 * A strict load reports the error that reading both files whole and then
 * adding their rows would: a reading error (open, read, limits) at once;
 * else the first row that cannot be parsed; else a missing reference
 * date; else the first row the snapshot refuses. So the first parse error
 * or refusal is kept while the rest is read: after a parse error the
 * files are only read and checked, after a refusal rows are parsed but
 * no longer added.
 */

const char *const jbw__io_worker_names[W_COLUMNS] = {
    "id", "organisation", "region", "fte", "hired", "leaving"};
static const unsigned char worker_required[W_COLUMNS] = {1, 1, 0, 1, 1, 0};

const char *const jbw__io_measure_names[M_COLUMNS] = {
    "id", "child_id", "family_id", "kind", "organisation", "region", "start",
    "end", "worker_id", "first_assigned", "waiting_since", "previous_workers",
    "safety", "placement", "birth_date", "last_contact", "jr_risk",
    /* record version 2: model version 2 inputs and the override */
    "safety_plan", "other_help", "domestic_violence", "term_end",
    "override_band", "override_reason",
    /* record version 3: waiting for suitable help */
    "help_requested", "help_started"};
static const unsigned char measure_required[M_COLUMNS] = {
    1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

/* What a kept error is: the order in which a strict load reports them. */
#define IO_AHEAD 16
enum { IO_RANK_NONE, IO_RANK_PARSE, IO_RANK_REFUSED };

typedef struct load_state {
    int lenient, allow_unknown;
    int no_worker_column; /* measures.csv has no worker_id column */
    unsigned threads;     /* 1 or 2 (jbw__load_threads) */
    const char *names[2]; /* measures, workers */
    const char *paths[2]; /* the files, or NULL: texts[] in memory */
    const char *texts[2];
    size_t lens[2];
    jbw__text_limits lim;
    jbw__row_parser P; /* the rows parsed on the calling thread */
    /* On one thread, measure rows are parsed IO_AHEAD rows before they
     * are added (see prefetch); each keeps its strings in its own arena
     * until then. */
    jbw__buf arenas[IO_AHEAD];
    jbw__worker_row wrow;
    jbw__measure_row mrows[IO_AHEAD];
    int kept_rank;           /* IO_RANK_*: the error kept for the end */
    jbw_status kept;         /* its status */
    char *kept_detail;       /* its detail */
    jbw_rejects *rej;        /* lenient only */
    jbw__strmap bad_workers; /* ids of rejected worker rows */
    size_t *bad_lines;
    size_t bad_cap;
    /* The line of each record the snapshot took, by its index (0: past
     * UINT32_MAX), for a duplicate id's "first on line N". */
    uint32_t *lines[2];
    size_t line_cap[2];
    jbw_snapshot *snap;
} load_state;

/* The parsed measure rows not yet added, oldest first: rows[k % IO_AHEAD]
 * for k in [added, seen). */
typedef struct add_window {
    jbw__measure_row *rows[IO_AHEAD];
    size_t seen, added;
} add_window;

static void load_free(load_state *L)
{
    size_t k;
    for (k = 0; k < IO_AHEAD; k++)
        jbw__buf_free(&L->arenas[k]);
    jbw__free(L->kept_detail);
    jbw_rejects_free(L->rej);
    jbw__strmap_free(&L->bad_workers);
    jbw__free(L->bad_lines);
    jbw__free(L->lines[0]);
    jbw__free(L->lines[1]);
    jbw_snapshot_free(L->snap);
    memset(L, 0, sizeof *L);
}

/*
 * A row that failed in the first pass: strict mode stops; lenient mode
 * keeps the reason with the row.
 */
static jbw_status row_failed(load_state *L, size_t *reject, jbw_status st)
{
    if (st == JBW_ENOMEM || !L->lenient)
        return st;
    return jbw__io_reason(L->rej, reject, jbw_last_error());
}

/*
 * Keeps the error st (its detail set) of rank `rank` to report at the
 * end, unless one that comes first is kept already. Out of memory is
 * never kept: it stops the load at once.
 */
static jbw_status keep_error(load_state *L, jbw_status st, int rank)
{
    if (st == JBW_ENOMEM)
        return st;
    if (L->kept_rank != IO_RANK_NONE && L->kept_rank <= rank)
        return JBW_OK;
    jbw__free(L->kept_detail);
    L->kept_detail = jbw__strdup(jbw_last_error());
    if (!L->kept_detail)
        return jbw__enomem();
    L->kept = st;
    L->kept_rank = rank;
    return JBW_OK;
}

/* Rows are parsed until a parse error is kept, and added until any is. */
static int parsing(const load_state *L)
{
    return L->kept_rank != IO_RANK_PARSE;
}

static int is_adding(const load_state *L)
{
    return L->kept_rank == IO_RANK_NONE;
}

/* Sizes the tables of `file` for `hint` rows (IO_SIZE_AFTER). */
static jbw_status reserve_tables(load_state *L, int file, size_t hint)
{
    if (jbw__snapshot_reserve(L->snap, file == IO_WORKERS ? hint : 0,
                              file == IO_MEASURES ? hint : 0) != 0)
        return jbw__enomem();
    return JBW_OK;
}

static jbw_status add_worker(load_state *L, jbw__worker_row *row);
static jbw_status add_measure(load_state *L, jbw__measure_row *row);

/*
 * Fetches the slots of a measure row's ids in the snapshot's id maps into
 * the cache, IO_AHEAD rows before the row is added (its hashes were taken
 * when it was parsed): in a large file every lookup would otherwise wait
 * on main memory, one after the other.
 */
static JBW__ALWAYS_INLINE void prefetch(const load_state *L,
                                        const jbw__measure_row *row)
{
    const jbw_snapshot *snap = L->snap;
    jbw__strmap_prefetch(&snap->measure_ids, row->keys.hash[JBW__KEY_MEASURE]);
    jbw__strmap_prefetch(&snap->child_ids, row->keys.hash[JBW__KEY_CHILD]);
    if (row->str[MS_FAMILY] != IO_NULL)
        jbw__strmap_prefetch(&snap->family_ids,
                             row->keys.hash[JBW__KEY_FAMILY]);
    if (row->str[MS_WORKER] != IO_NULL)
        jbw__strmap_prefetch(&snap->worker_ids,
                             row->keys.hash[JBW__KEY_WORKER]);
}

/*
 * The later steps for the maps where rows find keys that are there (the
 * family of a sibling, the worker): IO_AHEAD / 2 rows before the row is
 * added, the offset of the key its slot names; a quarter of IO_AHEAD
 * before, the key itself. Otherwise each of those lookups waits on main
 * memory twice more after its slot.
 */
static void prefetch_later(const load_state *L, const add_window *w,
                           size_t back, int step)
{
    const jbw__measure_row *row;
    const jbw_snapshot *snap = L->snap;
    if (w->seen < back + 1 || w->seen - 1 - back < w->added)
        return;
    row = w->rows[(w->seen - 1 - back) % IO_AHEAD];
    if (row->status != JBW_OK)
        return;
    if (step == 2) {
        if (row->str[MS_FAMILY] != IO_NULL)
            jbw__strmap_prefetch_offset(&snap->family_ids,
                                        row->keys.hash[JBW__KEY_FAMILY]);
        if (row->str[MS_WORKER] != IO_NULL)
            jbw__strmap_prefetch_offset(&snap->worker_ids,
                                        row->keys.hash[JBW__KEY_WORKER]);
    } else {
        if (row->str[MS_FAMILY] != IO_NULL)
            jbw__strmap_prefetch_key(&snap->family_ids,
                                     row->keys.hash[JBW__KEY_FAMILY]);
        if (row->str[MS_WORKER] != IO_NULL)
            jbw__strmap_prefetch_key(&snap->worker_ids,
                                     row->keys.hash[JBW__KEY_WORKER]);
    }
}

/* Adds the oldest row of the window. */
static jbw_status window_add(load_state *L, add_window *w)
{
    jbw__measure_row *row = w->rows[w->added % IO_AHEAD];
    w->added++;
    return add_measure(L, row);
}

/* Makes room for a row: the row IO_AHEAD before it is added now. */
static jbw_status window_room(load_state *L, add_window *w)
{
    return w->seen - w->added == IO_AHEAD ? window_add(L, w) : JBW_OK;
}

/* Takes a parsed row (room made) and fetches ahead for the later ones. */
static void window_push(const load_state *L, add_window *w,
                        jbw__measure_row *row)
{
    w->rows[w->seen % IO_AHEAD] = row;
    w->seen++;
    if (row->status == JBW_OK)
        prefetch(L, row);
    prefetch_later(L, w, IO_AHEAD / 2, 2);
    prefetch_later(L, w, IO_AHEAD * 3 / 4, 3);
}

/* Adds the rows left in the window, in their order. */
static jbw_status window_flush(load_state *L, add_window *w)
{
    jbw_status st = JBW_OK;
    while (st == JBW_OK && w->added < w->seen)
        st = window_add(L, w);
    return st;
}

static jbw_status parse_workers(load_state *L, jbw__csv_stream *s)
{
    static const jbw_worker init = JBW_WORKER_INIT;
    size_t col[W_COLUMNS], rows = 0;
    jbw__csv *c = &s->csv;
    int more = 1;
    jbw_status st = jbw__csv_stream_open(s, L->names[IO_WORKERS]);
    if (st != JBW_OK)
        return st;
    st = jbw__csv_columns(col, c, jbw__io_worker_names, worker_required,
                          W_COLUMNS, L->allow_unknown);
    while (st == JBW_OK && (st = jbw__csv_stream_next(s, &more)) == JBW_OK &&
           more) {
        jbw__worker_row *row = &L->wrow;
        jbw_status rs;
        if (++rows == IO_SIZE_AFTER &&
            (st = reserve_tables(L, IO_WORKERS,
                                 jbw__csv_stream_rows_hint(s, rows))) != JBW_OK)
            break;
        L->P.arena = &L->arenas[0];
        L->P.arena->len = 0;
        row->line = c->record_line;
        row->reject = IO_NULL;
        row->str[WS_ID] = row->str[WS_ORG] = row->str[WS_REGION] = IO_NULL;
        row->w = init;
        rs = jbw__csv_check_width(c);
        if (rs == JBW_OK)
            rs = jbw__load_worker_row(&L->P, row, c, col);
        else if (col[W_ID] < c->count) /* a short row may still name it */
            st = jbw__load_keep_field(&L->P, &row->str[WS_ID], c, col[W_ID], 1);
        if (st == JBW_OK && rs != JBW_OK)
            st = row_failed(L, &row->reject, rs);
        if (st == JBW_OK)
            st = add_worker(L, row);
    }
    return st;
}

/* The measure rows parsed and added on the calling thread. */
static jbw_status measures_here(load_state *L, jbw__csv_stream *s,
                                const size_t *col)
{
    add_window w;
    size_t rows = 0;
    jbw__csv *c = &s->csv;
    int more = 1;
    jbw_status st;
    memset(&w, 0, sizeof w);
    while ((st = jbw__csv_stream_next(s, &more)) == JBW_OK && more) {
        size_t slot = w.seen % IO_AHEAD;
        jbw__measure_row *row = &L->mrows[slot];
        jbw_status rs;
        /* the row parsed IO_AHEAD rows ago, whose slot this is */
        if ((st = window_room(L, &w)) != JBW_OK)
            break;
        if (++rows == IO_SIZE_AFTER &&
            (st = reserve_tables(L, IO_MEASURES,
                                 jbw__csv_stream_rows_hint(s, rows))) != JBW_OK)
            break;
        L->P.arena = &L->arenas[slot];
        L->P.arena->len = 0;
        rs = jbw__load_measure_record(&L->P, row, c, col);
        if (rs != JBW_OK && (st = row_failed(L, &row->reject, rs)) != JBW_OK)
            break;
        window_push(L, &w, row);
    }
    return st == JBW_OK ? window_flush(L, &w) : st;
}

/*
 * The rows of a batch were written on the parse thread's core: each line
 * of a row would reach this one only when first read, one miss after the
 * other. Fetching the row IO_ROW_AHEAD rows ahead overlaps them, and its
 * strings (the first 128 bytes: the ids) half as far ahead, once the row
 * that says where they are is here.
 */
#define IO_ROW_AHEAD 4

static JBW__ALWAYS_INLINE void fetch_lines(const void *p, size_t n)
{
#if defined(__GNUC__) || defined(__clang__)
    size_t k;
    for (k = 0; k < n; k += 64)
        __builtin_prefetch((const char *)p + k);
#else
    (void)p;
    (void)n;
#endif
}

/* While row i is added: rows i + IO_ROW_AHEAD, strings of i + half. */
static JBW__ALWAYS_INLINE void fetch_row(const jbw__load_batch *b, size_t i)
{
    size_t near = i + IO_ROW_AHEAD / 2;
    if (near < b->count && b->rows[near].str[MS_ID] != IO_NULL)
        fetch_lines(b->arena.data + b->rows[near].str[MS_ID], 128);
    if (i + IO_ROW_AHEAD < b->count)
        fetch_lines(&b->rows[i + IO_ROW_AHEAD], sizeof b->rows[0]);
}

/* Adds the batches' rows; the batches come in file order. */
static jbw_status add_batch(load_state *L, jbw__load_pipe *p, add_window *w,
                            jbw__load_batch *b)
{
    size_t i;
    jbw_status st;
    b->first = w->seen;
    if (b->reserve && (st = reserve_tables(L, IO_MEASURES, b->hint)) != JBW_OK)
        return st;
    fetch_lines(b->rows, (b->count < IO_ROW_AHEAD ? b->count : IO_ROW_AHEAD) *
                             sizeof b->rows[0]);
    for (i = 0; i < b->count && parsing(L); i++) {
        jbw__measure_row *row = &b->rows[i];
        fetch_row(b, i);
        if ((st = window_room(L, w)) != JBW_OK)
            return st;
        jbw__load_pipe_release_done(p, w->added);
        if (row->status != JBW_OK) {
            jbw__error(row->status, "%s", b->details.data + row->detail);
            st = row_failed(L, &row->reject, row->status);
            if (st != JBW_OK &&
                (st = keep_error(L, st, IO_RANK_PARSE)) != JBW_OK)
                return st;
            if (!parsing(L))
                break; /* strict: the thread parsed no further */
        }
        window_push(L, w, row);
    }
    if (b->last && b->tail != JBW_OK) {
        jbw__error(b->tail, "%s", b->details.data + b->tail_detail);
        if ((st = keep_error(L, b->tail, IO_RANK_PARSE)) != JBW_OK)
            return st;
    }
    if (b->last && b->end == JBW_ENOMEM)
        return jbw__enomem();
    if (b->last && b->end != JBW_OK)
        return jbw__error(b->end, "%s", b->details.data + b->end_detail);
    return JBW_OK;
}

/*
 * The measure rows parsed on the pipe's thread, added here as on one
 * thread: the same order, the same errors, the same window ahead (across
 * batches). Batches are given back once all their rows are added; should
 * the window hold all but one of them, it is added whole first, so that
 * the thread always has a batch to fill.
 */
static jbw_status measures_piped(load_state *L, jbw__load_pipe *p)
{
    add_window w;
    jbw__load_batch *b;
    jbw_status st = JBW_OK;
    memset(&w, 0, sizeof w);
    while (st == JBW_OK) {
        if (!parsing(L))
            w.added = w.seen; /* after a parse error, as on one thread */
        if (jbw__load_pipe_held(p) + 1 >= jbw__load_pipe_ring(p)) {
            st = window_flush(L, &w);
            jbw__load_pipe_release_done(p, w.added);
            if (st != JBW_OK)
                break;
        }
        if (!(b = jbw__load_pipe_take(p)))
            break;
        st = add_batch(L, p, &w, b);
    }
    return st == JBW_OK && parsing(L) ? window_flush(L, &w) : st;
}

/* A measures text large enough to be parsed on a thread of its own. */
static int worth_a_thread(const load_state *L, const jbw__csv_stream *s)
{
    size_t size = s->from_file ? s->file.size : s->len;
    if (L->threads < 2)
        return 0;
    return (s->from_file && size == 0) /* a pipe: no size to go by */
           || size >= jbw__load_threads_min;
}

static jbw_status parse_measures(load_state *L, jbw__csv_stream *s)
{
    size_t col[M_COLUMNS];
    jbw__load_pipe *p = NULL;
    jbw_status st = jbw__csv_stream_open(s, L->names[IO_MEASURES]);
    if (st != JBW_OK)
        return st;
    st = jbw__csv_columns(col, &s->csv, jbw__io_measure_names, measure_required,
                          M_COLUMNS, L->allow_unknown);
    if (st != JBW_OK)
        return st;
    L->no_worker_column = col[M_WORKER] == JBW__CSV_ABSENT;
    if (worth_a_thread(L, s))
        p = jbw__load_pipe_start(s, col, L->lenient);
    if (!p)
        return measures_here(L, s, col);
    st = measures_piped(L, p);
    jbw__load_pipe_finish(p, &L->P.latest);
    return st;
}

/* Remembers the id of a rejected worker row, so measures can say so. */
static jbw_status bad_worker(load_state *L, const char *id, size_t line)
{
    size_t index;
    int inserted = 0;
    jbw_status st;
    if (!id || !*id)
        return JBW_OK;
    st = jbw__strmap_intern(&L->bad_workers, id, strlen(id), &index, &inserted);
    if (st != JBW_OK)
        return st == JBW_ENOMEM ? st : jbw__enomem();
    if (inserted) {
        void *p = L->bad_lines;
        if (jbw__grow(&p, &L->bad_cap, index + 1, sizeof(size_t)) != 0) {
            jbw__strmap_pop(&L->bad_workers);
            return jbw__enomem();
        }
        L->bad_lines = p;
        L->bad_lines[index] = line;
    }
    return JBW_OK;
}

/*
 * A row the snapshot refused (status st, its detail set): strict mode
 * stops with the detail prefixed by file and line, the column a check
 * names (`column`, or NULL), and what the check of a measure's worker
 * found (`worker_fault`, JBW__WORKER_*); lenient mode records the row.
 */
static jbw_status refuse_row(load_state *L, int file, size_t line,
                             const char *column, int worker_fault,
                             jbw_status st)
{
    size_t off;
    /* an unknown worker is named by its column; without the column no
     * measure has a worker: say so where a rule about that fails */
    if (worker_fault == JBW__WORKER_UNKNOWN)
        column = "worker_id";
    else if (st == JBW_EDUPLICATE)
        column = "id";
    const char *hint =
        worker_fault == JBW__WORKER_NONE_NOW && L->no_worker_column
            ? " (the file has no 'worker_id' column, so no "
              "measure has a worker)"
            : "";
    if (st == JBW_ENOMEM)
        return st;
    if (column)
        jbw__error(st, "%s line %zu, column '%s': %s%s", L->names[file], line,
                   column, jbw_last_error(), hint);
    else
        jbw__error(st, "%s line %zu: %s%s", L->names[file], line,
                   jbw_last_error(), hint);
    if (!L->lenient)
        return keep_error(L, st, IO_RANK_REFUSED);
    if ((st = jbw__io_reason(L->rej, &off, jbw_last_error())) != JBW_OK)
        return st;
    return jbw__io_reject_add(L->rej, file, line, off);
}

/* Keeps the line of the record the snapshot took as its `index`. */
static jbw_status keep_line(load_state *L, int file, size_t index, size_t line)
{
    if (index >= L->line_cap[file]) {
        void *p = L->lines[file];
        if (jbw__grow(&p, &L->line_cap[file], index + 1, sizeof(uint32_t)) != 0)
            return jbw__enomem();
        L->lines[file] = p;
    }
    L->lines[file][index] = line <= UINT32_MAX ? (uint32_t)line : 0;
    return JBW_OK;
}

/*
 * A duplicate id (the snapshot's detail set) also names the line where
 * the id was first taken: the file holds the id twice, and which row is
 * right is for its owner to say.
 */
static void name_first_line(const load_state *L, int file, const char *id)
{
    char detail[512];
    size_t index;
    jbw_status st;
    /* a lookup that finds the id clears the detail: keep it first */
    snprintf(detail, sizeof detail, "%s", jbw_last_error());
    st = file == IO_WORKERS ? jbw_snapshot_find_worker(&index, L->snap, id)
                            : jbw_snapshot_find_measure(&index, L->snap, id);
    if (st != JBW_OK || index >= L->line_cap[file] || !L->lines[file][index])
        jbw__error(JBW_EDUPLICATE, "%s", detail);
    else
        jbw__error(JBW_EDUPLICATE, "%s, first on line %lu", detail,
                   (unsigned long)L->lines[file][index]);
}

/* Adds a parsed worker row, or lists it as rejected (lenient). */
static jbw_status add_worker(load_state *L, jbw__worker_row *row)
{
    const jbw__buf *arena = &L->arenas[0];
    const char *id = jbw__row_str(arena, row->str[WS_ID]);
    const char *column;
    jbw_status st;
    if (row->reject != IO_NULL) {
        st = jbw__io_reject_add(L->rej, IO_WORKERS, row->line, row->reject);
        if (st == JBW_OK)
            st = bad_worker(L, id, row->line);
        return st;
    }
    if (!is_adding(L))
        return JBW_OK;
    row->w.id = id;
    row->w.organisation = jbw__row_str(arena, row->str[WS_ORG]);
    row->w.region = jbw__row_str(arena, row->str[WS_REGION]);
    st = jbw__snapshot_add_worker_named(L->snap, &row->w, &column);
    if (st == JBW_OK)
        return keep_line(L, IO_WORKERS, jbw_snapshot_worker_count(L->snap) - 1,
                         row->line);
    if (st == JBW_EDUPLICATE)
        name_first_line(L, IO_WORKERS, id);
    st = refuse_row(L, IO_WORKERS, row->line, column, JBW__WORKER_OK, st);
    if (st == JBW_OK && L->lenient)
        st = bad_worker(L, id, row->line);
    return st;
}

/*
 * In lenient mode, a measure whose worker is missing because that
 * worker's row was rejected is rejected with that reason rather than as
 * an unknown worker.
 */
static jbw_status
worker_was_rejected(load_state *L, const jbw__measure_row *row, int *rejected)
{
    const char *wid = row->m.worker_id;
    char shown[IO_SHOWN];
    size_t index, off;
    long bad;
    jbw_status st;
    *rejected = 0;
    if (!wid || !L->bad_workers.count)
        return JBW_OK;
    bad = jbw__strmap_find(&L->bad_workers, wid, strlen(wid));
    if (bad < 0 || jbw_snapshot_find_worker(&index, L->snap, wid) == JBW_OK)
        return JBW_OK;
    jbw__csv_quote(shown, sizeof shown, wid, strlen(wid));
    jbw__error(JBW_ENOTFOUND,
               "%s line %zu, column 'worker_id': worker '%s' was rejected "
               "(%s line %zu)",
               L->names[IO_MEASURES], row->line, shown, L->names[IO_WORKERS],
               L->bad_lines[bad]);
    *rejected = 1;
    if ((st = jbw__io_reason(L->rej, &off, jbw_last_error())) != JBW_OK)
        return st;
    return jbw__io_reject_add(L->rej, IO_MEASURES, row->line, off);
}

/* Adds a parsed measure row, or lists it as rejected (lenient). */
static jbw_status add_measure(load_state *L, jbw__measure_row *row)
{
    jbw_measure *m = &row->m;
    int rejected = 0, worker_fault;
    const char *column;
    jbw_status st;
    if (row->reject != IO_NULL)
        return jbw__io_reject_add(L->rej, IO_MEASURES, row->line, row->reject);
    if (!is_adding(L))
        return JBW_OK;
    m->id = jbw__row_str(row->arena, row->str[MS_ID]);
    m->child_id = jbw__row_str(row->arena, row->str[MS_CHILD]);
    m->family_id = jbw__row_str(row->arena, row->str[MS_FAMILY]);
    m->organisation = jbw__row_str(row->arena, row->str[MS_ORG]);
    m->region = jbw__row_str(row->arena, row->str[MS_REGION]);
    m->worker_id = jbw__row_str(row->arena, row->str[MS_WORKER]);
    m->override_reason = jbw__row_str(row->arena, row->str[MS_REASON]);
    if (L->lenient && (st = worker_was_rejected(L, row, &rejected)) != JBW_OK)
        return st;
    if (rejected)
        return JBW_OK;
    st = jbw__snapshot_add_measure_hashed(L->snap, m, &row->keys, &worker_fault,
                                          &column);
    if (st == JBW_OK)
        return keep_line(L, IO_MEASURES, L->snap->m.count - 1, row->line);
    if (st == JBW_EDUPLICATE)
        name_first_line(L, IO_MEASURES, m->id);
    return refuse_row(L, IO_MEASURES, row->line, column, worker_fault, st);
}

/* Re-raises the kept error with its detail. */
static jbw_status raise_kept(const load_state *L)
{
    return jbw__error(L->kept, "%s", L->kept_detail);
}

/*
 * Reads one file: parses and adds its rows while no parse error is kept,
 * then reads the rest only to check it against the limits.
 */
static jbw_status read_file(load_state *L, int file)
{
    jbw__csv_stream s;
    jbw_status st = JBW_OK;
    if (L->paths[file])
        st = jbw__csv_stream_file(&s, L->paths[file], &L->lim);
    else
        jbw__csv_stream_text(&s, L->texts[file], L->lens[file]);
    if (st == JBW_OK && parsing(L)) {
        st = file == IO_WORKERS ? parse_workers(L, &s) : parse_measures(L, &s);
        if (st != JBW_OK && !s.read_failed)
            st = keep_error(L, st, IO_RANK_PARSE);
    }
    if (st == JBW_OK)
        st = jbw__csv_stream_drain(&s);
    jbw__csv_stream_close(&s);
    return st;
}

/*
 * No row gave a date to infer the reference date from: files of headers
 * only, or, lenient, files whose every row was rejected (a row that is
 * read has a start or a hired). Then the error says so, with the first
 * reason: a given reference date would load no row either.
 */
static jbw_status no_date(const load_state *L)
{
    size_t n = jbw_rejects_count(L->rej);
    const char *first = NULL;
    if (n && jbw_rejects_get(NULL, NULL, &first, L->rej, 0) == JBW_OK)
        return jbw__error(JBW_EINVAL,
                          "%s, %s: no dates to infer the reference date "
                          "from: every row was rejected (%zu row%s; the "
                          "first: %s)",
                          L->names[IO_MEASURES], L->names[IO_WORKERS], n,
                          n == 1 ? "" : "s", first);
    return jbw__error(JBW_EINVAL,
                      "%s, %s: no dates to infer the reference date "
                      "from; set reference_date in the load options",
                      L->names[IO_MEASURES], L->names[IO_WORKERS]);
}

/* The one pass; on success L->snap holds the snapshot. */
static jbw_status load_run(load_state *L, const jbw_registry *registry,
                           jbw_date reference_date)
{
    jbw_status st;
    if (L->lenient) {
        L->rej =
            jbw__io_rejects_new(L->names[IO_MEASURES], L->names[IO_WORKERS]);
        if (!L->rej)
            return jbw__enomem();
    }
    /* an inferred reference date is set at the end */
    st = jbw_snapshot_new(&L->snap, registry,
                          reference_date != JBW_DATE_NONE ? reference_date
                                                          : JBW__DAY_MIN);
    if (st != JBW_OK || (st = read_file(L, IO_WORKERS)) != JBW_OK ||
        (st = read_file(L, IO_MEASURES)) != JBW_OK)
        return st;
    if (L->kept_rank == IO_RANK_PARSE)
        return raise_kept(L);
    if (reference_date == JBW_DATE_NONE)
        reference_date = L->P.latest;
    if (reference_date == JBW_DATE_NONE)
        return no_date(L);
    if (!jbw__date_in_range(reference_date))
        return jbw__error(JBW_ERANGE,
                          "jbw_snapshot_new: the reference date is "
                          "missing or outside 1900-01-01..2199-12-31");
    if (L->kept_rank != IO_RANK_NONE)
        return raise_kept(L);
    L->snap->reference_date = reference_date;
    return JBW_OK;
}

/* The load of L's two sources with options o. */
static jbw_status load_sources(jbw_snapshot **out, jbw_rejects **rejects,
                               const jbw_registry *registry, load_state *L,
                               const jbw_load_options *o)
{
    jbw_status st;
    L->lenient = o->lenient;
    L->allow_unknown = o->allow_unknown_columns;
    L->P.latest = JBW_DATE_NONE;
    L->threads = jbw__load_threads(o->threads);
    jbw__io_limits(&L->lim, o);
    L->P.arena = &L->arenas[0];
    st = load_run(L, registry, o->reference_date);
    if (st != JBW_OK) {
        load_free(L);
        return st;
    }
    *out = L->snap;
    L->snap = NULL;
    if (rejects) {
        *rejects = L->rej; /* NULL in strict mode */
        L->rej = NULL;
    }
    load_free(L);
    return jbw__ok();
}

/*
 * A lenient load returns the rows it left out through `rejects`: without
 * a list to receive them they would be dropped silently, so the load is
 * refused before anything is read.
 */
static jbw_status lenient_needs_rejects(const char *fn,
                                        const jbw_load_options *o,
                                        jbw_rejects *const *rejects)
{
    if (o->lenient && !rejects)
        return jbw__error(JBW_EINVAL,
                          "%s: a lenient load needs a rejects list: pass a "
                          "jbw_rejects ** to receive the rows it leaves out, "
                          "or load strictly (lenient = 0)",
                          fn);
    return JBW_OK;
}

jbw_status jbw_snapshot_load_csv_buffers(
    jbw_snapshot **out, jbw_rejects **rejects, const jbw_registry *registry,
    const char *measures, size_t measures_len, const char *measures_name,
    const char *workers, size_t workers_len, const char *workers_name,
    const jbw_load_options *opts)
{
    jbw_load_options o;
    jbw__text_limits lim;
    load_state L;
    jbw_status st;
    if (!out || !registry || !measures || !workers)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_load_csv_buffers: out, registry, "
                          "measures and workers must not be NULL");
    if ((st = jbw__io_options(&o, opts)) != JBW_OK ||
        (st = lenient_needs_rejects("jbw_snapshot_load_csv_buffers", &o,
                                    rejects)) != JBW_OK)
        return st;
    memset(&L, 0, sizeof L);
    L.names[IO_MEASURES] = measures_name ? measures_name : "measures.csv";
    L.names[IO_WORKERS] = workers_name ? workers_name : "workers.csv";
    L.texts[IO_MEASURES] = measures;
    L.lens[IO_MEASURES] = measures_len;
    L.texts[IO_WORKERS] = workers;
    L.lens[IO_WORKERS] = workers_len;
    /* both texts are checked against the limits before a row is read */
    jbw__io_limits(&lim, &o);
    if ((st = jbw__io_scan_text(workers, workers_len, L.names[IO_WORKERS],
                                &lim)) != JBW_OK ||
        (st = jbw__io_scan_text(measures, measures_len, L.names[IO_MEASURES],
                                &lim)) != JBW_OK)
        return st;
    return load_sources(out, rejects, registry, &L, &o);
}

jbw_status jbw_snapshot_load_csv(jbw_snapshot **out, jbw_rejects **rejects,
                                 const jbw_registry *registry,
                                 const char *measures_path,
                                 const char *workers_path,
                                 const jbw_load_options *opts)
{
    jbw_load_options o;
    load_state L;
    jbw_status st;
    if (!out || !registry || !measures_path || !workers_path)
        return jbw__error(JBW_EINVAL,
                          "jbw_snapshot_load_csv: out, registry and both "
                          "paths must not be NULL");
    if ((st = jbw__io_options(&o, opts)) != JBW_OK ||
        (st = lenient_needs_rejects("jbw_snapshot_load_csv", &o, rejects)) !=
            JBW_OK)
        return st;
    /* The workers are read first; a missing measures file is still named
     * first, in the order of the arguments. */
    if ((st = jbw__io_check_exists(measures_path)) != JBW_OK)
        return st;
    memset(&L, 0, sizeof L);
    L.names[IO_MEASURES] = L.paths[IO_MEASURES] = measures_path;
    L.names[IO_WORKERS] = L.paths[IO_WORKERS] = workers_path;
    return load_sources(out, rejects, registry, &L, &o);
}
