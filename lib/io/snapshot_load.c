/*
 * libjbw - loading a snapshot from workers.csv and measures.csv (strict
 * or lenient), docs/formats.md.
 */
#include "io/io_internal.h"

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

/* String fields of the rows, as arena offsets (IO_NULL: none). */
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

typedef struct worker_fields {
    size_t line;
    size_t reject; /* reason offset in the rejects, IO_NULL when good */
    size_t str[WS_COUNT];
    jbw_worker w;
} worker_fields;

typedef struct measure_fields {
    size_t line;
    size_t reject;
    size_t str[MS_COUNT];
    uint64_t hashes[4]; /* measure, child, family key, worker (prefetch) */
    int ahead;          /* the hashes are set */
    jbw_measure m;
} measure_fields;

/* What a kept error is: the order in which a strict load reports them. */
#define IO_AHEAD 16
enum { IO_RANK_NONE, IO_RANK_PARSE, IO_RANK_REFUSED };

typedef struct load_state {
    int lenient, allow_unknown;
    const char *names[2]; /* measures, workers */
    const char *paths[2]; /* the files, or NULL: texts[] in memory */
    const char *texts[2];
    size_t lens[2];
    jbw__text_limits lim;
    /* Measure rows are parsed IO_AHEAD rows before they are added (see
     * prefetch); each keeps its strings in its own arena until then. */
    jbw__buf arenas[IO_AHEAD];
    jbw__buf *arena; /* the strings of the row at hand */
    worker_fields wrow;
    measure_fields mrows[IO_AHEAD];
    int kept_rank;           /* IO_RANK_*: the error kept for the end */
    jbw_status kept;         /* its status */
    char *kept_detail;       /* its detail */
    jbw_date latest;         /* the latest date of the good rows */
    jbw_rejects *rej;        /* lenient only */
    jbw__strmap bad_workers; /* ids of rejected worker rows */
    size_t *bad_lines;
    size_t bad_cap;
    jbw_snapshot *snap;
    jbw__io_memo memo[IO_ENUMS];
} load_state;

static void load_free(load_state *L)
{
    size_t k;
    for (k = 0; k < IO_AHEAD; k++)
        jbw__buf_free(&L->arenas[k]);
    jbw__free(L->kept_detail);
    jbw_rejects_free(L->rej);
    jbw__strmap_free(&L->bad_workers);
    jbw__free(L->bad_lines);
    jbw_snapshot_free(L->snap);
    memset(L, 0, sizeof *L);
}

static void note_later(load_state *L, jbw_date d)
{
    if (d != JBW_DATE_NONE && (L->latest == JBW_DATE_NONE || d > L->latest))
        L->latest = d;
}

/* Copies a field into the arena; an empty optional field becomes none. */
static jbw_status keep_field(load_state *L, size_t *off, const jbw__csv *c,
                             size_t col, int optional)
{
    size_t n;
    const char *s = jbw__io_text(c, col, &n);
    if (!s || (optional && n == 0)) {
        *off = IO_NULL;
        return JBW_OK;
    }
    *off = L->arena->len;
    jbw__buf_append(L->arena, s, n);
    if (L->arena->failed)
        return jbw__enomem();
    L->arena->len++; /* keep the NUL the buffer always ends in */
    return JBW_OK;
}

/*
 * keep_field() for n <= MS_COUNT columns of a row at once (off[k] for
 * cols[k]), with one reserve for the row rather than one per field.
 */
static jbw_status keep_row(load_state *L, size_t *off, const jbw__csv *c,
                           const size_t *cols, const unsigned char *optional,
                           size_t n)
{
    const char *src[MS_COUNT];
    size_t len[MS_COUNT], k, total = 0, at;
    jbw__buf *b = L->arena;
    for (k = 0; k < n; k++) {
        src[k] = jbw__io_text(c, cols[k], &len[k]);
        if (!src[k] || (optional[k] && len[k] == 0))
            src[k] = NULL;
        else
            total += len[k] + 1;
    }
    if (total && (b->failed || b->cap - b->len <= total) &&
        jbw__buf_reserve(b, total) != 0)
        return jbw__enomem();
    at = b->len;
    for (k = 0; k < n; k++) {
        if (!src[k]) {
            off[k] = IO_NULL;
            continue;
        }
        off[k] = at;
        memcpy(b->data + at, src[k], len[k]);
        b->data[at + len[k]] = '\0';
        at += len[k] + 1;
    }
    b->len = at;
    return JBW_OK;
}

static const char *arena_str(const load_state *L, size_t off)
{
    return off == IO_NULL ? NULL : L->arena->data + off;
}

/* Ids have at most JBW_ID_MAX bytes: refused here, where the detail can
 * name the line and the column (the snapshot refuses them too). */
static jbw_status id_lengths(const jbw__csv *c, const size_t *cols, size_t n)
{
    char q[IO_SHOWN];
    size_t k, len;
    for (k = 0; k < n; k++) {
        const char *s = jbw__io_text(c, cols[k], &len);
        if (s && len > JBW_ID_MAX)
            return jbw__csv_error(c, cols[k], JBW_ERANGE,
                                  "an id has at most %d bytes, this one %zu: "
                                  "'%s'",
                                  JBW_ID_MAX, len,
                                  jbw__quote_value(q, sizeof q, s, len));
    }
    return JBW_OK;
}

static jbw_status worker_row(load_state *L, worker_fields *row,
                             const jbw__csv *c, const size_t *col)
{
    static const unsigned char optional[WS_COUNT] = {0, 0, 1};
    const size_t cols[WS_COUNT] = {col[W_ID], col[W_ORG], col[W_REGION]};
    jbw_worker *w = &row->w;
    jbw_status st;
    if ((st = id_lengths(c, cols, 1)) != JBW_OK ||
        (st = keep_row(L, row->str, c, cols, optional, WS_COUNT)) != JBW_OK ||
        (st = jbw__io_number(&w->fte, c, col[W_FTE])) != JBW_OK ||
        (st = jbw__io_date(&w->hired, c, col[W_HIRED], 1)) != JBW_OK ||
        (st = jbw__io_date(&w->leaving, c, col[W_LEAVING], 0)) != JBW_OK)
        return st;
    note_later(L, w->hired);
    return JBW_OK;
}

/* The latest day a measure row speaks of (see io.h). */
static void measure_later(load_state *L, const jbw_measure *m)
{
    note_later(L, m->start);
    if (m->end != JBW_DATE_NONE && m->end > m->start)
        note_later(L, m->end - 1);
    note_later(L, m->first_assigned);
    note_later(L, m->waiting_since);
    note_later(L, m->last_contact);
    note_later(L, m->help_requested);
    note_later(L, m->help_started);
}

static jbw_status measure_row(load_state *L, measure_fields *row,
                              const jbw__csv *c, const size_t *col)
{
    static const unsigned char optional[MS_COUNT] = {0, 0, 1, 0, 0, 1, 1};
    const size_t cols[MS_COUNT] = {
        col[M_ID],     col[M_CHILD],  col[M_FAMILY],         col[M_ORG],
        col[M_REGION], col[M_WORKER], col[M_OVERRIDE_REASON]};
    const size_t ids[4] = {col[M_ID], col[M_CHILD], col[M_FAMILY],
                           col[M_WORKER]};
    jbw_measure *m = &row->m;
    int kind = 0, safety = 0, placement = 0, risk = 0;
    int plan = 0, help = 0, dv = 0, band = -1;
    jbw_status st;
    if ((st = id_lengths(c, ids, 4)) != JBW_OK ||
        (st = keep_row(L, row->str, c, cols, optional, MS_COUNT)) != JBW_OK ||
        (st = jbw__io_enum_value(&kind, &L->memo[IO_KIND], c, col[M_KIND],
                                 IO_KIND)) != JBW_OK ||
        (st = jbw__io_date(&m->start, c, col[M_START], 1)) != JBW_OK ||
        (st = jbw__io_date(&m->end, c, col[M_END], 0)) != JBW_OK ||
        (st = jbw__io_date(&m->first_assigned, c, col[M_FIRST], 0)) != JBW_OK ||
        (st = jbw__io_date(&m->waiting_since, c, col[M_WAITING], 0)) !=
            JBW_OK ||
        (st = jbw__io_int(&m->previous_workers, c, col[M_PREVIOUS])) !=
            JBW_OK ||
        (st = jbw__io_enum_value(&safety, &L->memo[IO_SAFETY], c, col[M_SAFETY],
                                 IO_SAFETY)) != JBW_OK ||
        (st = jbw__io_enum_value(&placement, &L->memo[IO_PLACEMENT], c,
                                 col[M_PLACEMENT], IO_PLACEMENT)) != JBW_OK ||
        (st = jbw__io_date(&m->birth_date, c, col[M_BIRTH], 0)) != JBW_OK ||
        (st = jbw__io_date(&m->last_contact, c, col[M_CONTACT], 0)) != JBW_OK ||
        (st = jbw__io_enum_value(&risk, &L->memo[IO_JR_RISK], c, col[M_JR_RISK],
                                 IO_JR_RISK)) != JBW_OK ||
        (st = jbw__io_enum_value(&plan, &L->memo[IO_YESNO], c,
                                 col[M_SAFETY_PLAN], IO_YESNO)) != JBW_OK ||
        (st = jbw__io_enum_value(&help, &L->memo[IO_YESNO], c,
                                 col[M_OTHER_HELP], IO_YESNO)) != JBW_OK ||
        (st = jbw__io_enum_value(&dv, &L->memo[IO_YESNO], c,
                                 col[M_DOMESTIC_VIOLENCE], IO_YESNO)) !=
            JBW_OK ||
        (st = jbw__io_date(&m->term_end, c, col[M_TERM_END], 0)) != JBW_OK ||
        (st = jbw__io_date(&m->help_requested, c, col[M_HELP_REQUESTED], 0)) !=
            JBW_OK ||
        (st = jbw__io_date(&m->help_started, c, col[M_HELP_STARTED], 0)) !=
            JBW_OK ||
        (st = jbw__io_enum_value(&band, &L->memo[IO_BAND], c,
                                 col[M_OVERRIDE_BAND], IO_BAND)) != JBW_OK)
        return st;
    /* an override needs its written reason: refuse it here, where the
     * file, line and column are known */
    if (band >= 0 && row->str[MS_REASON] == IO_NULL)
        return jbw__csv_error(c, col[M_OVERRIDE_REASON], JBW_EINVAL,
                              "override_band '%s' without an "
                              "override_reason: an override needs a "
                              "written reason",
                              jbw_band_code((jbw_band)band));
    if (band < 0 && row->str[MS_REASON] != IO_NULL)
        return jbw__csv_error(c, col[M_OVERRIDE_BAND], JBW_EINVAL,
                              "override_reason given without an "
                              "override_band");
    m->safety_plan = (jbw_yesno)plan;
    m->other_help = (jbw_yesno)help;
    m->domestic_violence = (jbw_yesno)dv;
    m->override_band = band;
    m->kind = (jbw_kind)kind;
    m->safety = (jbw_safety)safety;
    m->placement = (jbw_placement)placement;
    m->jr_risk = (jbw_jr_risk)risk;
    measure_later(L, m);
    return JBW_OK;
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

/*
 * The snapshot's tables are sized once, from the bytes the first rows
 * took: counting line ends instead would count blank lines and the line
 * ends inside quoted fields too. A small file never needs it.
 */
#define IO_SIZE_AFTER 4096

static jbw_status reserve_tables(load_state *L, const jbw__csv_stream *s,
                                 int file, size_t rows)
{
    size_t hint = jbw__csv_stream_rows_hint(s, rows);
    if (jbw__snapshot_reserve(L->snap, file == IO_WORKERS ? hint : 0,
                              file == IO_MEASURES ? hint : 0) != 0)
        return jbw__enomem();
    return JBW_OK;
}

static jbw_status add_worker(load_state *L, worker_fields *row);
static jbw_status add_measure(load_state *L, measure_fields *row);

/*
 * Hashes the ids of a measure row, which is added IO_AHEAD rows later,
 * and fetches their slots in the snapshot's id maps into the cache
 * meanwhile: in a large file every lookup would otherwise wait on main
 * memory, one after the other. The hashes go with the row to the
 * snapshot, which does not hash them again.
 */
static void prefetch(const load_state *L, measure_fields *row)
{
    const jbw_snapshot *snap = L->snap;
    const char *id = arena_str(L, row->str[MS_ID]);
    const char *child = arena_str(L, row->str[MS_CHILD]);
    const char *family = arena_str(L, row->str[MS_FAMILY]);
    const char *worker = arena_str(L, row->str[MS_WORKER]);
    size_t n = child ? strlen(child) : 0;
    row->hashes[0] = jbw__hash(id ? id : "", id ? strlen(id) : 0);
    row->hashes[1] = jbw__hash(child ? child : "", n);
    row->hashes[2] = jbw__family_key_hash(family, family ? strlen(family) : 0);
    row->hashes[3] = worker ? jbw__hash(worker, strlen(worker)) : 0;
    row->ahead = 1;
    jbw__strmap_prefetch(&snap->measure_ids, row->hashes[0]);
    jbw__strmap_prefetch(&snap->child_ids, row->hashes[1]);
    if (family)
        jbw__strmap_prefetch(&snap->family_ids, row->hashes[2]);
    if (worker)
        jbw__strmap_prefetch(&snap->worker_ids, row->hashes[3]);
}

/*
 * The later steps for the maps where rows find keys that are there (the
 * family of a sibling, the worker): IO_AHEAD / 2 rows before the row is
 * added, the offset of the key its slot names; a quarter of IO_AHEAD
 * before, the key itself. Otherwise each of those lookups waits on main
 * memory twice more after its slot.
 */
static void prefetch_later(const load_state *L, size_t row_index, int step)
{
    const measure_fields *row = &L->mrows[row_index % IO_AHEAD];
    const jbw_snapshot *snap = L->snap;
    if (!row->ahead)
        return;
    if (step == 2) {
        if (row->str[MS_FAMILY] != IO_NULL)
            jbw__strmap_prefetch_offset(&snap->family_ids, row->hashes[2]);
        if (row->str[MS_WORKER] != IO_NULL)
            jbw__strmap_prefetch_offset(&snap->worker_ids, row->hashes[3]);
    } else {
        if (row->str[MS_FAMILY] != IO_NULL)
            jbw__strmap_prefetch_key(&snap->family_ids, row->hashes[2]);
        if (row->str[MS_WORKER] != IO_NULL)
            jbw__strmap_prefetch_key(&snap->worker_ids, row->hashes[3]);
    }
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
        worker_fields *row = &L->wrow;
        jbw_status rs;
        if (++rows == IO_SIZE_AFTER &&
            (st = reserve_tables(L, s, IO_WORKERS, rows)) != JBW_OK)
            break;
        L->arena = &L->arenas[0];
        L->arena->len = 0;
        row->line = c->record_line;
        row->reject = IO_NULL;
        row->str[WS_ID] = row->str[WS_ORG] = row->str[WS_REGION] = IO_NULL;
        row->w = init;
        rs = jbw__csv_check_width(c);
        if (rs == JBW_OK)
            rs = worker_row(L, row, c, col);
        else if (col[W_ID] < c->count) /* a short row may still name it */
            st = keep_field(L, &row->str[WS_ID], c, col[W_ID], 1);
        if (st == JBW_OK && rs != JBW_OK)
            st = row_failed(L, &row->reject, rs);
        if (st == JBW_OK)
            st = add_worker(L, row);
    }
    return st;
}

static jbw_status parse_measures(load_state *L, jbw__csv_stream *s)
{
    static const jbw_measure init = JBW_MEASURE_INIT;
    size_t col[M_COLUMNS], k, rows = 0;
    jbw__csv *c = &s->csv;
    int more = 1;
    jbw_status st = jbw__csv_stream_open(s, L->names[IO_MEASURES]);
    if (st != JBW_OK)
        return st;
    st = jbw__csv_columns(col, c, jbw__io_measure_names, measure_required,
                          M_COLUMNS, L->allow_unknown);
    while (st == JBW_OK && (st = jbw__csv_stream_next(s, &more)) == JBW_OK &&
           more) {
        size_t slot = rows % IO_AHEAD;
        measure_fields *row = &L->mrows[slot];
        jbw_status rs;
        /* the row parsed IO_AHEAD rows ago, whose slot this is */
        if (rows >= IO_AHEAD && (st = add_measure(L, row)) != JBW_OK)
            break;
        if (++rows == IO_SIZE_AFTER &&
            (st = reserve_tables(L, s, IO_MEASURES, rows)) != JBW_OK)
            break;
        L->arena = &L->arenas[slot];
        L->arena->len = 0;
        row->line = c->record_line;
        row->reject = IO_NULL;
        for (k = 0; k < MS_COUNT; k++)
            row->str[k] = IO_NULL;
        row->ahead = 0;
        row->m = init;
        rs = jbw__csv_check_width(c);
        if (rs == JBW_OK)
            rs = measure_row(L, row, c, col);
        if (rs != JBW_OK)
            st = row_failed(L, &row->reject, rs);
        else
            prefetch(L, row);
        if (rows > IO_AHEAD / 2)
            prefetch_later(L, rows - 1 - IO_AHEAD / 2, 2);
        if (rows > IO_AHEAD * 3 / 4)
            prefetch_later(L, rows - 1 - IO_AHEAD * 3 / 4, 3);
    }
    /* the rows parsed but not yet added, in their order */
    for (k = rows > IO_AHEAD ? rows - IO_AHEAD : 0; st == JBW_OK && k < rows;
         k++)
        st = add_measure(L, &L->mrows[k % IO_AHEAD]);
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
 * stops with the detail prefixed by file and line; lenient mode records
 * the row.
 */
static jbw_status refuse_row(load_state *L, int file, size_t line,
                             jbw_status st)
{
    size_t off;
    if (st == JBW_ENOMEM)
        return st;
    jbw__error(st, "%s line %zu: %s", L->names[file], line, jbw_last_error());
    if (!L->lenient)
        return keep_error(L, st, IO_RANK_REFUSED);
    if ((st = jbw__io_reason(L->rej, &off, jbw_last_error())) != JBW_OK)
        return st;
    return jbw__io_reject_add(L->rej, file, line, off);
}

/* Adds a parsed worker row, or lists it as rejected (lenient). */
static jbw_status add_worker(load_state *L, worker_fields *row)
{
    const char *id = arena_str(L, row->str[WS_ID]);
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
    row->w.organisation = arena_str(L, row->str[WS_ORG]);
    row->w.region = arena_str(L, row->str[WS_REGION]);
    st = jbw_snapshot_add_worker(L->snap, &row->w);
    if (st != JBW_OK) {
        st = refuse_row(L, IO_WORKERS, row->line, st);
        if (st == JBW_OK && L->lenient)
            st = bad_worker(L, id, row->line);
    }
    return st;
}

/*
 * In lenient mode, a measure whose worker is missing because that
 * worker's row was rejected is rejected with that reason rather than as
 * an unknown worker.
 */
static jbw_status worker_was_rejected(load_state *L, const measure_fields *row,
                                      int *rejected)
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
static jbw_status add_measure(load_state *L, measure_fields *row)
{
    jbw_measure *m = &row->m;
    int rejected = 0;
    jbw_status st;
    L->arena = &L->arenas[row - L->mrows];
    if (row->reject != IO_NULL)
        return jbw__io_reject_add(L->rej, IO_MEASURES, row->line, row->reject);
    if (!is_adding(L))
        return JBW_OK;
    m->id = arena_str(L, row->str[MS_ID]);
    m->child_id = arena_str(L, row->str[MS_CHILD]);
    m->family_id = arena_str(L, row->str[MS_FAMILY]);
    m->organisation = arena_str(L, row->str[MS_ORG]);
    m->region = arena_str(L, row->str[MS_REGION]);
    m->worker_id = arena_str(L, row->str[MS_WORKER]);
    m->override_reason = arena_str(L, row->str[MS_REASON]);
    if (L->lenient && (st = worker_was_rejected(L, row, &rejected)) != JBW_OK)
        return st;
    if (rejected)
        return JBW_OK;
    st = jbw__snapshot_add_measure_hashed(L->snap, m, row->hashes);
    if (st != JBW_OK)
        return refuse_row(L, IO_MEASURES, row->line, st);
    return JBW_OK;
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
        reference_date = L->latest;
    if (reference_date == JBW_DATE_NONE)
        return jbw__error(JBW_EINVAL,
                          "%s, %s: no dates to infer the reference date "
                          "from; set reference_date in the load options",
                          L->names[IO_MEASURES], L->names[IO_WORKERS]);
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
    L->latest = JBW_DATE_NONE;
    jbw__io_limits(&L->lim, o);
    L->arena = &L->arenas[0];
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
    if ((st = jbw__io_options(&o, opts)) != JBW_OK)
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
    if ((st = jbw__io_options(&o, opts)) != JBW_OK)
        return st;
    memset(&L, 0, sizeof L);
    L.names[IO_MEASURES] = L.paths[IO_MEASURES] = measures_path;
    L.names[IO_WORKERS] = L.paths[IO_WORKERS] = workers_path;
    return load_sources(out, rejects, registry, &L, &o);
}
