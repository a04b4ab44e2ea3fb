/*
 * libjbw - the caseload writers: JSON, CSV (totals and per worker) and
 * the text report.
 */
#include "base/fixed.h"
#include "base/table.h"
#include "caseload/caseload_internal.h"
#include "caseload/findings_out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- output ---------------------------------------------------------- */

/*
 * The writers read the result through the public getters, as a user of
 * the API would; the indices come from the same result, so the getters
 * cannot fail here.
 */
static jbw_caseload_totals totals_of(const jbw_caseload *cl)
{
    jbw_caseload_totals t;
    memset(&t, 0, sizeof t);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    (void)jbw_caseload_totals_get(&t, cl);
    return t;
}

static jbw_caseload_totals group_of(const char **key, const jbw_caseload *cl,
                                    jbw_group group, size_t i)
{
    jbw_caseload_totals t;
    memset(&t, 0, sizeof t);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    *key = NULL;
    (void)jbw_caseload_group_get(&t, key, cl, group, i);
    return t;
}

/* The data notice of the snapshot the result was computed on. */
static const char *notice_of(const jbw_caseload *cl)
{
    return jbw_caseload_data_notice(cl);
}

static jbw_worker_load worker_of(const jbw_caseload *cl, size_t i)
{
    jbw_worker_load w;
    memset(&w, 0, sizeof w);
    w.version = JBW_WORKER_LOAD_VERSION;
    (void)jbw_caseload_worker_get(&w, cl, i);
    return w;
}

/* Decimals in output: FTE to 3, norm units to 2, ratio to 3, percentages
 * and median werkdagen to 1. */
#define JBW__DEC_FTE   3
#define JBW__DEC_UNITS 2
#define JBW__DEC_RATIO 3
#define JBW__DEC_PCT   1

/* The fields of one totals object; `key` (a group key) goes first. */
static void json_totals(jbw__buf *b, const char *key,
                        const jbw_caseload_totals *t)
{
    int k;
    jbw__buf_putc(b, '{');
    if (key) {
        jbw__json_key(b, "key", 1);
        jbw__buf_json_string(b, key);
        jbw__buf_putc(b, ',');
    }
    jbw__json_key(b, "active_measures", 1);
    jbw__buf_size(b, t->active_measures);
    jbw__json_size(b, "children", t->children);
    jbw__json_size(b, "families", t->families);
    jbw__json_size(b, "assigned", t->assigned);
    jbw__json_size(b, "waiting_nieuw", t->waiting_nieuw);
    jbw__json_size(b, "waiting_bestaand", t->waiting_bestaand);
    jbw__json_num(b, "required_fte", t->required_fte, JBW__DEC_FTE);
    jbw__json_num(b, "available_fte", t->available_fte, JBW__DEC_FTE);
    jbw__json_num(b, "effective_fte", t->effective_fte, JBW__DEC_FTE);
    jbw__json_num(b, "fte_gap", t->fte_gap, JBW__DEC_FTE);
    jbw__json_num(b, "free_capacity", t->free_capacity, JBW__DEC_UNITS);
    /* The key keeps its name whatever coupling_workdays is; the number
     * used is at the top level. */
    jbw__json_num(b, "coupling_within_5_werkdagen_pct", t->coupling_within_pct,
                  JBW__DEC_PCT);
    jbw__json_size(b, "workers", t->workers);
    jbw__json_num(b, "load", t->load, JBW__DEC_UNITS);
    jbw__json_num(b, "capacity", t->capacity, JBW__DEC_UNITS);
    jbw__json_size(b, "coupling_started", t->coupling_started);
    jbw__json_size(b, "coupling_within", t->coupling_within);
    jbw__json_size(b, "coupling_waiting_past", t->coupling_waiting_past);
    jbw__json_num(b, "coupling_median_workdays", t->coupling_median_workdays,
                  JBW__DEC_PCT);
    jbw__json_key(b, "by_kind", 0);
    jbw__buf_putc(b, '{');
    for (k = 0; k < JBW_KIND_COUNT; k++) {
        jbw__json_key(b, jbw_kind_code((jbw_kind)k), k == 0);
        jbw__buf_size(b, t->by_kind[k]);
    }
    jbw__buf_putc(b, '}');
    jbw__json_size(b, "waiting_for_help", t->waiting_for_help);
    jbw__json_size(b, "waiting_for_help_past_norm",
                   t->waiting_for_help_past_norm);
    jbw__buf_putc(b, '}');
}

static void json_groups(jbw__buf *b, const jbw_caseload *cl, jbw_group group)
{
    size_t i, n = jbw_caseload_group_count(cl, group);
    jbw__buf_putc(b, '[');
    for (i = 0; i < n; i++) {
        const char *key;
        jbw_caseload_totals t = group_of(&key, cl, group, i);
        jbw__buf_puts(b, i ? ",\n  " : "\n  ");
        json_totals(b, key, &t);
    }
    jbw__buf_puts(b, n ? "\n]" : "]");
}

/* The members of a worker's object, in their order; the room of a row is
 * counted from the same literals. */
#define WORKER_ID       "{\"id\":"
#define WORKER_ORG      ",\"organisation\":"
#define WORKER_REGION   ",\"region\":"
#define WORKER_FTE      ",\"fte\":"
#define WORKER_TENURE   ",\"tenure_months\":"
#define WORKER_EFFECT   ",\"effective_fte\":"
#define WORKER_CAPACITY ",\"capacity\":"
#define WORKER_LOAD     ",\"load\":"
#define WORKER_RATIO    ",\"ratio\":"
#define WORKER_STATUS   ",\"status\":"
#define WORKER_MEASURES ",\"measures\":"
/* all of them, with the separator before a row and its closing brace */
#define WORKER_ALL                                                             \
    ",\n  " WORKER_ID WORKER_ORG WORKER_REGION WORKER_FTE WORKER_TENURE        \
        WORKER_EFFECT WORKER_CAPACITY WORKER_LOAD WORKER_RATIO WORKER_STATUS   \
            WORKER_MEASURES "}"
#define WORKER_TEXT (sizeof(WORKER_ALL) - 1)

/* A worker's object on a line of its own, after a ',' unless `first`:
 * written in place after one reservation of the most it can take (the
 * text, five numbers, two integers and four strings). */
static void json_worker(jbw__buf *b, const jbw_worker_load *w, int first)
{
    const char *status = jbw_load_status_code(w->status);
    size_t n_id = w->id ? strlen(w->id) : 0;
    size_t n_org = w->organisation ? strlen(w->organisation) : 0;
    size_t n_region = w->region ? strlen(w->region) : 0;
    size_t n_status = status ? strlen(status) : 0;
    size_t room = WORKER_TEXT + 5 * JBW__JSON_NUMBER_MAX + 2 * JBW__PUT_INT_MAX;
    char *p;
    room = jbw__room_add(room, jbw__json_string_room(n_id));
    room = jbw__room_add(room, jbw__json_string_room(n_org));
    room = jbw__room_add(room, jbw__json_string_room(n_region));
    room = jbw__room_add(room, jbw__json_string_room(n_status));
    if (!(p = jbw__buf_room(b, room)))
        return;
    if (!first)
        *p++ = ',';
    JBW__PUT_LIT(p, "\n  " WORKER_ID);
    p = jbw__put_json_string(p, w->id, n_id);
    JBW__PUT_LIT(p, WORKER_ORG);
    p = jbw__put_json_string(p, w->organisation, n_org);
    JBW__PUT_LIT(p, WORKER_REGION);
    p = jbw__put_json_string(p, w->region, n_region);
    JBW__PUT_LIT(p, WORKER_FTE);
    p = jbw__fixed_json(p, w->fte, JBW__DEC_FTE);
    JBW__PUT_LIT(p, WORKER_TENURE);
    p = jbw__put_long(p, (long)w->tenure_months);
    JBW__PUT_LIT(p, WORKER_EFFECT);
    p = jbw__fixed_json(p, w->effective_fte, JBW__DEC_FTE);
    JBW__PUT_LIT(p, WORKER_CAPACITY);
    p = jbw__fixed_json(p, w->capacity, JBW__DEC_UNITS);
    JBW__PUT_LIT(p, WORKER_LOAD);
    p = jbw__fixed_json(p, w->load, JBW__DEC_UNITS);
    JBW__PUT_LIT(p, WORKER_RATIO);
    p = jbw__fixed_json(p, w->ratio, JBW__DEC_RATIO);
    JBW__PUT_LIT(p, WORKER_STATUS);
    p = jbw__put_json_string(p, status, n_status);
    JBW__PUT_LIT(p, WORKER_MEASURES);
    p = jbw__put_size(p, w->measures);
    *p++ = '}';
    jbw__buf_commit(b, p);
}

jbw_status jbw_caseload_json(char **out, size_t *len, const jbw_caseload *cl)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_json: %s is NULL",
                          !out ? "out" : "cl");
    const jbw_norm *norm = jbw_caseload_norm(cl);
    jbw_caseload_totals total = totals_of(cl);
    size_t workers = jbw_caseload_worker_count(cl);
    jbw_date from = JBW_DATE_NONE, to = JBW_DATE_NONE;
    int32_t workdays = 0;
    (void)jbw_caseload_period(&from, &to, &workdays, cl);
    jbw__buf_putc(&b, '{');
    jbw__notice_json(&b, notice_of(cl));
    jbw__json_date(&b, "date", jbw_caseload_date(cl), 1);
    jbw__buf_puts(&b, ",\n");
    jbw__json_key(&b, "norm", 1);
    jbw__buf_putc(&b, '{');
    jbw__json_key(&b, "name", 1);
    jbw__buf_json_string(&b, jbw_norm_name(norm));
    jbw__json_key(&b, "unit", 0);
    jbw__buf_json_string(&b, jbw_unit_code(jbw_norm_unit(norm)));
    jbw__json_num(&b, "caseload_per_fte", jbw_norm_caseload_per_fte(norm), 4);
    jbw__buf_puts(&b, "},\n");
    jbw__json_key(&b, "coupling_period", 1);
    jbw__buf_putc(&b, '{');
    jbw__json_date(&b, "from", from, 1);
    jbw__json_date(&b, "to", to, 0);
    jbw__buf_puts(&b, "},\n");
    jbw__json_key(&b, "coupling_workdays", 1);
    jbw__buf_printf(&b, "%ld,\n", (long)workdays);
    jbw__json_key(&b, "totals", 1);
    json_totals(&b, NULL, &total);
    jbw__buf_puts(&b, ",\n");
    jbw__json_key(&b, "by_organisation", 1);
    json_groups(&b, cl, JBW_GROUP_ORGANISATION);
    jbw__buf_puts(&b, ",\n");
    jbw__json_key(&b, "by_region", 1);
    json_groups(&b, cl, JBW_GROUP_REGION);
    jbw__buf_puts(&b, ",\n");
    jbw__json_key(&b, "workers", 1);
    jbw__buf_putc(&b, '[');
    for (i = 0; i < workers; i++) {
        jbw_worker_load w = worker_of(cl, i);
        json_worker(&b, &w, i == 0);
    }
    jbw__buf_puts(&b, workers ? "\n],\n" : "],\n");
    jbw__cl_findings_json(&b, cl);
    jbw__buf_puts(&b, "}\n");
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* A CSV number: empty when not finite (NaN percentage, no median). */
static void csv_totals_row(jbw__buf *b, const char *scope, const char *key,
                           const jbw_caseload_totals *t, const char *notice)
{
    int k;
    jbw__buf_puts(b, scope);
    jbw__buf_putc(b, ',');
    jbw__buf_csv_field(b, key);
    jbw__buf_printf(b, ",%zu,%zu,%zu,%zu,%zu,%zu,%zu", t->active_measures,
                    t->children, t->families, t->assigned, t->waiting_nieuw,
                    t->waiting_bestaand, t->workers);
    jbw__csv_num(b, t->required_fte, JBW__DEC_FTE);
    jbw__csv_num(b, t->available_fte, JBW__DEC_FTE);
    jbw__csv_num(b, t->effective_fte, JBW__DEC_FTE);
    jbw__csv_num(b, t->fte_gap, JBW__DEC_FTE);
    jbw__csv_num(b, t->free_capacity, JBW__DEC_UNITS);
    jbw__csv_num(b, t->load, JBW__DEC_UNITS);
    jbw__csv_num(b, t->capacity, JBW__DEC_UNITS);
    jbw__buf_printf(b, ",%zu,%zu,%zu", t->coupling_started, t->coupling_within,
                    t->coupling_waiting_past);
    jbw__csv_num(b, t->coupling_within_pct, JBW__DEC_PCT);
    jbw__csv_num(b, t->coupling_median_workdays, JBW__DEC_PCT);
    for (k = 0; k < JBW_KIND_COUNT; k++)
        jbw__buf_printf(b, ",%zu", t->by_kind[k]);
    jbw__buf_printf(b, ",%zu,%zu", t->waiting_for_help,
                    t->waiting_for_help_past_norm);
    jbw__notice_csv_row_end(b, notice);
}

jbw_status jbw_caseload_csv(char **out, size_t *len, const jbw_caseload *cl)
{
    jbw__buf b = JBW__BUF_INIT;
    const char *notice = cl ? notice_of(cl) : NULL;
    jbw_caseload_totals total;
    size_t i;
    int k, g;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_csv: %s is NULL",
                          !out ? "out" : "cl");
    jbw__buf_puts(&b, "scope,key,active_measures,children,families,assigned,"
                      "waiting_nieuw,waiting_bestaand,workers,required_fte,"
                      "available_fte,effective_fte,fte_gap,free_capacity,load,"
                      "capacity,coupling_started,coupling_within,"
                      "coupling_waiting_past,coupling_within_pct,"
                      "coupling_median_workdays");
    for (k = 0; k < JBW_KIND_COUNT; k++)
        jbw__buf_printf(&b, ",kind_%s", jbw_kind_code((jbw_kind)k));
    jbw__buf_puts(&b, ",waiting_for_help,waiting_for_help_past_norm");
    jbw__notice_csv_header_end(&b, notice);
    total = totals_of(cl);
    csv_totals_row(&b, "total", "", &total, notice);
    for (g = 0; g < 2; g++) {
        jbw_group group = g ? JBW_GROUP_REGION : JBW_GROUP_ORGANISATION;
        for (i = 0; i < jbw_caseload_group_count(cl, group); i++) {
            const char *key;
            jbw_caseload_totals t = group_of(&key, cl, group, i);
            csv_totals_row(&b, g ? "region" : "organisation", key, &t, notice);
        }
    }
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

jbw_status jbw_caseload_workers_csv(char **out, size_t *len,
                                    const jbw_caseload *cl)
{
    jbw__buf b = JBW__BUF_INIT;
    const char *notice = cl ? notice_of(cl) : NULL;
    size_t i;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_workers_csv: %s is NULL",
                          !out ? "out" : "cl");
    jbw__buf_puts(&b, "id,organisation,region,fte,tenure_months,"
                      "effective_fte,capacity,load,ratio,status,measures");
    jbw__notice_csv_header_end(&b, notice);
    for (i = 0; i < jbw_caseload_worker_count(cl); i++) {
        jbw_worker_load w = worker_of(cl, i);
        jbw__buf_csv_field(&b, w.id);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, w.organisation);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, w.region);
        jbw__csv_num(&b, w.fte, JBW__DEC_FTE);
        jbw__buf_printf(&b, ",%ld", (long)w.tenure_months);
        jbw__csv_num(&b, w.effective_fte, JBW__DEC_FTE);
        jbw__csv_num(&b, w.capacity, JBW__DEC_UNITS);
        jbw__csv_num(&b, w.load, JBW__DEC_UNITS);
        jbw__csv_num(&b, w.ratio, JBW__DEC_RATIO);
        jbw__buf_putc(&b, ',');
        jbw__buf_puts(&b, jbw_load_status_code(w.status));
        jbw__buf_printf(&b, ",%zu", w.measures);
        jbw__notice_csv_row_end(&b, notice);
    }
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* Plural of a unit for people ("children per FTE"). */
static const char *unit_plural(jbw_unit unit)
{
    switch (unit) {
    case JBW_UNIT_MEASURE:
        return "measures";
    case JBW_UNIT_CHILD:
        return "children";
    default:
        return "families";
    }
}

static const char *const totals_labels[] = {
    "active measures",
    "children",
    "families",
    "assigned",
    "waiting nieuw",
    "waiting bestaand",
    "workers employed",
    "available FTE",
    "effective FTE (ramp)",
    "required FTE",
    "FTE gap",
    "capacity",
    "load",
    "free capacity",
    "coupling: started in period",
    "coupling: first worker within norm",
    "coupling: waiting past norm",
    "coupling: % within norm",
    "coupling: median werkdagen"};
#define JBW__TOTALS_ROWS (sizeof totals_labels / sizeof *totals_labels)

/* The value of totals row `row` (shared by the totals block and the
 * group tables, where rows become columns). */
static void fmt_total(char *out, size_t size, const jbw_caseload_totals *t,
                      size_t row)
{
    switch (row) {
    case 0:
        snprintf(out, size, "%zu", t->active_measures);
        break;
    case 1:
        snprintf(out, size, "%zu", t->children);
        break;
    case 2:
        snprintf(out, size, "%zu", t->families);
        break;
    case 3:
        snprintf(out, size, "%zu", t->assigned);
        break;
    case 4:
        snprintf(out, size, "%zu", t->waiting_nieuw);
        break;
    case 5:
        snprintf(out, size, "%zu", t->waiting_bestaand);
        break;
    case 6:
        snprintf(out, size, "%zu", t->workers);
        break;
    case 7:
        jbw__fmt_num(out, size, t->available_fte, 2);
        break;
    case 8:
        jbw__fmt_num(out, size, t->effective_fte, 2);
        break;
    case 9:
        jbw__fmt_num(out, size, t->required_fte, 2);
        break;
    case 10:
        jbw__fmt_num(out, size, t->fte_gap, 2);
        break;
    case 11:
        jbw__fmt_num(out, size, t->capacity, 1);
        break;
    case 12:
        jbw__fmt_num(out, size, t->load, 1);
        break;
    case 13:
        jbw__fmt_num(out, size, t->free_capacity, 1);
        break;
    case 14:
        snprintf(out, size, "%zu", t->coupling_started);
        break;
    case 15:
        snprintf(out, size, "%zu", t->coupling_within);
        break;
    case 16:
        snprintf(out, size, "%zu", t->coupling_waiting_past);
        break;
    case 17:
        jbw__fmt_num(out, size, t->coupling_within_pct, 1);
        break;
    default:
        jbw__fmt_num(out, size, t->coupling_median_workdays, 1);
        break;
    }
}

static void cell_totals(char *out, size_t size, const void *ctx, size_t row,
                        size_t col)
{
    if (col == 0)
        snprintf(out, size, "%s", totals_labels[row]);
    else
        fmt_total(out, size, ctx, row);
}

/* A group table shows some totals rows as columns. */
typedef struct group_view {
    const jbw_caseload *cl;
    jbw_group group;
    const size_t *rows; /* totals row of column 1, 2, ... */
} group_view;

/* Measures and the coupling norm, then staffing: two tables that fit a
 * terminal instead of one very wide one. */
static const char *const group_measure_headers[] = {
    "key",      "active",  "children", "families", "assigned", "nieuw",
    "bestaand", "started", "within",   "past",     "% within", "median wd"};
static const size_t group_measure_rows[] = {0,  1,  2,  3,  4, 5,
                                            14, 15, 16, 17, 18};
static const char *const group_staff_headers[] = {
    "key", "workers",  "avail FTE", "eff FTE", "req FTE",
    "gap", "capacity", "load",      "free"};
static const size_t group_staff_rows[] = {6, 7, 8, 9, 10, 11, 12, 13};

static void cell_group(char *out, size_t size, const void *ctx, size_t row,
                       size_t col)
{
    const group_view *v = ctx;
    const char *key;
    jbw_caseload_totals t = group_of(&key, v->cl, v->group, row);
    if (col == 0)
        snprintf(out, size, "%s", key);
    else
        fmt_total(out, size, &t, v->rows[col - 1]);
}

static void text_groups(jbw__buf *b, const jbw_caseload *cl, jbw_group group)
{
    group_view v;
    size_t n = jbw_caseload_group_count(cl, group);
    v.cl = cl;
    v.group = group;
    v.rows = group_measure_rows;
    jbw__text_table(b, group_measure_headers,
                    1 + sizeof group_measure_rows / sizeof *group_measure_rows,
                    n, 1u, cell_group, &v);
    jbw__buf_putc(b, '\n');
    v.rows = group_staff_rows;
    jbw__text_table(b, group_staff_headers,
                    1 + sizeof group_staff_rows / sizeof *group_staff_rows, n,
                    1u, cell_group, &v);
}

/* By kind: the total and each organisation, as columns. */
static void cell_kind(char *out, size_t size, const void *ctx, size_t row,
                      size_t col)
{
    const jbw_caseload *cl = ctx;
    const char *key;
    jbw_caseload_totals t;
    if (col == 0) {
        snprintf(out, size, "%s", jbw_kind_code((jbw_kind)row));
        return;
    }
    t = col == 1 ? totals_of(cl)
                 : group_of(&key, cl, JBW_GROUP_ORGANISATION, col - 2);
    snprintf(out, size, "%zu", t.by_kind[row]);
}

static const char *const worker_headers[] = {
    "id",       "organisation", "region", "fte",    "tenure",  "eff FTE",
    "capacity", "load",         "ratio",  "status", "measures"};

static void cell_worker(char *out, size_t size, const void *ctx, size_t row,
                        size_t col)
{
    jbw_worker_load w = worker_of(ctx, row);
    switch (col) {
    case 0:
        snprintf(out, size, "%s", w.id);
        break;
    case 1:
        snprintf(out, size, "%s", w.organisation);
        break;
    case 2:
        snprintf(out, size, "%s", w.region ? w.region : "-");
        break;
    case 3:
        jbw__fmt_num(out, size, w.fte, 2);
        break;
    case 4:
        snprintf(out, size, "%ld", (long)w.tenure_months);
        break;
    case 5:
        jbw__fmt_num(out, size, w.effective_fte, 2);
        break;
    case 6:
        jbw__fmt_num(out, size, w.capacity, 1);
        break;
    case 7:
        jbw__fmt_num(out, size, w.load, 2);
        break;
    case 8:
        jbw__fmt_num(out, size, w.ratio, 2);
        break;
    case 9:
        snprintf(out, size, "%s", jbw_load_status_code(w.status));
        break;
    default:
        snprintf(out, size, "%zu", w.measures);
        break;
    }
}

/* The onboarding ramp, said to have no published source. */
static void text_ramp(jbw__buf *b, const jbw_norm *n)
{
    size_t i, count = jbw_norm_ramp_count(n);
    jbw__buf_puts(b, "Onboarding ramp (no published source):");
    for (i = 0; i < count; i++) {
        int32_t from = 0;
        double frac = 0;
        if (jbw_norm_ramp_step(&from, &frac, n, i) == JBW_OK) {
            jbw__buf_puts(b, i ? ", " : " ");
            jbw__buf_g(b, 100.0 * frac);
            jbw__buf_printf(b, "%% from month %ld", (long)from);
        }
    }
    jbw__buf_putc(b, '\n');
}

static void text_heading(jbw__buf *b, const jbw_caseload *cl)
{
    const jbw_norm *n = jbw_caseload_norm(cl);
    jbw_unit unit = jbw_norm_unit(n);
    jbw_date from = JBW_DATE_NONE, to = JBW_DATE_NONE;
    int32_t workdays = 0;
    (void)jbw_caseload_period(&from, &to, &workdays, cl);
    jbw__buf_puts(b, "Caseload on ");
    jbw__buf_date(b, jbw_caseload_date(cl));
    jbw__buf_printf(b, "\nNorm: %s, ", jbw_norm_name(n));
    jbw__buf_g(b, jbw_norm_caseload_per_fte(n));
    jbw__buf_printf(b, " %s per FTE (unit %s); status under < ",
                    unit_plural(unit), jbw_unit_code(unit));
    jbw__buf_g(b, jbw_norm_under_below(n));
    jbw__buf_puts(b, " <= at <= ");
    jbw__buf_g(b, jbw_norm_over_above(n));
    jbw__buf_puts(b, " < over\n");
    text_ramp(b, n);
    jbw__buf_printf(b,
                    "Coupling norm: first worker within %ld werkdagen of "
                    "the start, measures started ",
                    (long)workdays);
    jbw__buf_date(b, from);
    jbw__buf_puts(b, " to ");
    jbw__buf_date(b, to);
    jbw__buf_puts(b, "\n");
}

jbw_status jbw_caseload_text(char **out, size_t *len, const jbw_caseload *cl)
{
    jbw__buf b = JBW__BUF_INIT;
    jbw_caseload_totals total;
    const char *kind_headers[JBW__MAX_COLS];
    size_t k, orgs;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_text: %s is NULL",
                          !out ? "out" : "cl");
    jbw__notice_text(&b, notice_of(cl));
    text_heading(&b, cl);
    total = totals_of(cl);
    jbw__buf_puts(&b, "\nTotals\n");
    jbw__text_table(&b, NULL, 2, JBW__TOTALS_ROWS, 1u, cell_totals, &total);
    jbw__buf_puts(&b, "\nBy organisation\n");
    text_groups(&b, cl, JBW_GROUP_ORGANISATION);
    jbw__buf_puts(&b, "\nBy region (measures count in their region, "
                      "workers in theirs)\n");
    text_groups(&b, cl, JBW_GROUP_REGION);
    /* The kind table lists organisations as columns while they fit. */
    orgs = jbw_caseload_group_count(cl, JBW_GROUP_ORGANISATION);
    if (orgs > JBW__MAX_COLS - 2)
        orgs = JBW__MAX_COLS - 2;
    kind_headers[0] = "kind";
    kind_headers[1] = "total";
    for (k = 0; k < orgs; k++)
        (void)group_of(&kind_headers[2 + k], cl, JBW_GROUP_ORGANISATION, k);
    jbw__buf_puts(&b, "\nActive measures by kind\n");
    jbw__text_table(&b, kind_headers, 2 + orgs, JBW_KIND_COUNT, 1u, cell_kind,
                    cl);
    jbw__buf_puts(&b, "\nWorkers employed on the date\n");
    /* id, organisation, region and status are text */
    jbw__text_table(&b, worker_headers, 11, jbw_caseload_worker_count(cl),
                    1u | 2u | 4u | (1u << 9), cell_worker, cl);
    jbw__cl_findings_table(&b, cl);
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}
