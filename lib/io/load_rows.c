/*
 * libjbw - the rows of workers.csv and measures.csv parsed into their
 * records, their strings copied into an arena (docs/formats.md). Whoever
 * parses has its own jbw__row_parser: the calling thread, or the parse
 * thread of a load with threads (load_pipe.c).
 */
#include "io/load_internal.h"

#include <string.h>

static void note_later(jbw__row_parser *P, jbw_date d)
{
    if (d != JBW_DATE_NONE && (P->latest == JBW_DATE_NONE || d > P->latest))
        P->latest = d;
}

jbw_status jbw__load_keep_field(jbw__row_parser *P, size_t *off,
                                const jbw__csv *c, size_t col, int optional)
{
    size_t n;
    const char *s = jbw__io_text(c, col, &n);
    if (!s || (optional && n == 0)) {
        *off = IO_NULL;
        return JBW_OK;
    }
    *off = P->arena->len;
    jbw__buf_append(P->arena, s, n);
    if (P->arena->failed)
        return jbw__enomem();
    P->arena->len++; /* keep the NUL the buffer always ends in */
    return JBW_OK;
}

/* An id over JBW_ID_MAX bytes: refused by the loader, where the detail
 * can name the line and the column (the snapshot refuses it too). */
static JBW__COLD jbw_status id_too_long(const jbw__csv *c, size_t col,
                                        const char *s, size_t len)
{
    char q[IO_SHOWN];
    return jbw__csv_error(
        c, col, JBW_ERANGE, "an id has at most %d bytes, this one %zu: '%s'",
        JBW_ID_MAX, len, jbw__quote_value(q, sizeof q, s, len));
}

/*
 * jbw__load_keep_field() for n <= MS_COUNT columns of a row at once
 * (off[k] for cols[k], and len[k] its length: 0 for none), with one
 * reserve for the row rather than one per field. The columns whose bit
 * is set in `ids` hold ids: the first of them over JBW_ID_MAX bytes is
 * refused before anything is kept.
 */
static jbw_status keep_row(jbw__row_parser *P, size_t *off, size_t *len,
                           const jbw__csv *c, const size_t *cols,
                           const unsigned char *optional, unsigned ids,
                           size_t n)
{
    const char *src[MS_COUNT];
    size_t k, total = 0, at;
    jbw__buf *b = P->arena;
    for (k = 0; k < n; k++) {
        src[k] = jbw__io_text(c, cols[k], &len[k]);
        if (src[k] && len[k] > JBW_ID_MAX && (ids >> k & 1u))
            return id_too_long(c, cols[k], src[k], len[k]);
        if (!src[k] || (optional[k] && len[k] == 0)) {
            src[k] = NULL;
            len[k] = 0;
        } else {
            total += len[k] + 1;
        }
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
        jbw__copy_short(b->data + at, src[k], len[k]);
        b->data[at + len[k]] = '\0';
        at += len[k] + 1;
    }
    b->len = at;
    return JBW_OK;
}

jbw_status jbw__load_worker_row(jbw__row_parser *P, jbw__worker_row *row,
                                const jbw__csv *c, const size_t *col)
{
    static const unsigned char optional[WS_COUNT] = {0, 0, 1};
    const size_t cols[WS_COUNT] = {col[W_ID], col[W_ORG], col[W_REGION]};
    size_t len[WS_COUNT];
    jbw_worker *w = &row->w;
    jbw_status st;
    if ((st = keep_row(P, row->str, len, c, cols, optional, 1u << WS_ID,
                       WS_COUNT)) != JBW_OK ||
        (st = jbw__io_number(&w->fte, c, col[W_FTE])) != JBW_OK ||
        (st = jbw__io_date(&w->hired, c, col[W_HIRED], 1)) != JBW_OK ||
        (st = jbw__io_date(&w->leaving, c, col[W_LEAVING], 0)) != JBW_OK)
        return st;
    note_later(P, w->hired);
    return JBW_OK;
}

/* The latest day a measure row speaks of (see io.h). */
static void measure_later(jbw__row_parser *P, const jbw_measure *m)
{
    note_later(P, m->start);
    if (m->end != JBW_DATE_NONE && m->end > m->start)
        note_later(P, m->end - 1);
    note_later(P, m->first_assigned);
    note_later(P, m->waiting_since);
    note_later(P, m->last_contact);
    note_later(P, m->help_requested);
    note_later(P, m->help_started);
}
static jbw_status measure_row(jbw__row_parser *P, jbw__measure_row *row,
                              const jbw__csv *c, const size_t *col)
{
    static const unsigned char optional[MS_COUNT] = {0, 0, 1, 0, 0, 1, 1};
    const size_t cols[MS_COUNT] = {
        col[M_ID],     col[M_CHILD],  col[M_FAMILY],         col[M_ORG],
        col[M_REGION], col[M_WORKER], col[M_OVERRIDE_REASON]};
    /* the ids, in the order of their columns here */
    const unsigned ids =
        1u << MS_ID | 1u << MS_CHILD | 1u << MS_FAMILY | 1u << MS_WORKER;
    size_t len[MS_COUNT];
    jbw_measure *m = &row->m;
    int kind = 0, safety = 0, placement = 0, risk = 0;
    int plan = 0, help = 0, dv = 0, band = -1;
    jbw_status st;
    if ((st = keep_row(P, row->str, len, c, cols, optional, ids, MS_COUNT)) !=
            JBW_OK ||
        (st = jbw__io_enum_value(&kind, &P->memo[IO_KIND], c, col[M_KIND],
                                 IO_KIND)) != JBW_OK ||
        (st = jbw__io_date(&m->start, c, col[M_START], 1)) != JBW_OK ||
        (st = jbw__io_date(&m->end, c, col[M_END], 0)) != JBW_OK ||
        (st = jbw__io_date(&m->first_assigned, c, col[M_FIRST], 0)) != JBW_OK ||
        (st = jbw__io_date(&m->waiting_since, c, col[M_WAITING], 0)) !=
            JBW_OK ||
        (st = jbw__io_int(&m->previous_workers, c, col[M_PREVIOUS])) !=
            JBW_OK ||
        (st = jbw__io_enum_value(&safety, &P->memo[IO_SAFETY], c, col[M_SAFETY],
                                 IO_SAFETY)) != JBW_OK ||
        (st = jbw__io_enum_value(&placement, &P->memo[IO_PLACEMENT], c,
                                 col[M_PLACEMENT], IO_PLACEMENT)) != JBW_OK ||
        (st = jbw__io_date(&m->birth_date, c, col[M_BIRTH], 0)) != JBW_OK ||
        (st = jbw__io_date(&m->last_contact, c, col[M_CONTACT], 0)) != JBW_OK ||
        (st = jbw__io_enum_value(&risk, &P->memo[IO_JR_RISK], c, col[M_JR_RISK],
                                 IO_JR_RISK)) != JBW_OK ||
        (st = jbw__io_enum_value(&plan, &P->memo[IO_YESNO], c,
                                 col[M_SAFETY_PLAN], IO_YESNO)) != JBW_OK ||
        (st = jbw__io_enum_value(&help, &P->memo[IO_YESNO], c,
                                 col[M_OTHER_HELP], IO_YESNO)) != JBW_OK ||
        (st = jbw__io_enum_value(&dv, &P->memo[IO_YESNO], c,
                                 col[M_DOMESTIC_VIOLENCE], IO_YESNO)) !=
            JBW_OK ||
        (st = jbw__io_date(&m->term_end, c, col[M_TERM_END], 0)) != JBW_OK ||
        (st = jbw__io_date(&m->help_requested, c, col[M_HELP_REQUESTED], 0)) !=
            JBW_OK ||
        (st = jbw__io_date(&m->help_started, c, col[M_HELP_STARTED], 0)) !=
            JBW_OK ||
        (st = jbw__io_enum_value(&band, &P->memo[IO_BAND], c,
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
    row->keys.len[JBW__KEY_MEASURE] = len[MS_ID];
    row->keys.len[JBW__KEY_CHILD] = len[MS_CHILD];
    row->keys.len[JBW__KEY_FAMILY] = len[MS_FAMILY];
    row->keys.len[JBW__KEY_WORKER] = len[MS_WORKER];
    row->keys.org_len = len[MS_ORG];
    row->keys.region_len = len[MS_REGION];
    measure_later(P, m);
    return JBW_OK;
}

/* The hashes of the row's ids (their lengths known), which the snapshot
 * takes with the row. */
static void hash_ids(jbw__measure_row *row)
{
    jbw__measure_keys *k = &row->keys;
    const char *id = jbw__row_str(row->arena, row->str[MS_ID]);
    const char *child = jbw__row_str(row->arena, row->str[MS_CHILD]);
    const char *family = jbw__row_str(row->arena, row->str[MS_FAMILY]);
    const char *worker = jbw__row_str(row->arena, row->str[MS_WORKER]);
    k->hash[JBW__KEY_MEASURE] =
        jbw__hash(id ? id : "", k->len[JBW__KEY_MEASURE]);
    k->hash[JBW__KEY_CHILD] =
        jbw__hash(child ? child : "", k->len[JBW__KEY_CHILD]);
    k->hash[JBW__KEY_FAMILY] =
        jbw__family_key_hash(family, k->len[JBW__KEY_FAMILY]);
    k->hash[JBW__KEY_WORKER] =
        worker ? jbw__hash(worker, k->len[JBW__KEY_WORKER]) : 0;
}

jbw_status jbw__load_measure_record(jbw__row_parser *P, jbw__measure_row *row,
                                    const jbw__csv *c, const size_t *col)
{
    static const jbw_measure init = JBW_MEASURE_INIT;
    size_t k;
    row->line = c->record_line;
    row->reject = IO_NULL;
    row->detail = IO_NULL;
    row->arena = P->arena;
    for (k = 0; k < MS_COUNT; k++)
        row->str[k] = IO_NULL;
    row->m = init;
    row->status = jbw__csv_check_width(c);
    if (row->status == JBW_OK)
        row->status = measure_row(P, row, c, col);
    if (row->status == JBW_OK)
        hash_ids(row);
    return row->status;
}
