/*
 * The caseload report for people who decide (include/jbw/report.h):
 * totals, by organisation, by region and by kind, units on every column,
 * Dutch or English; the per-worker table on request. Built on the public
 * getters of a caseload result, like any user of the API.
 */
#include "caseload/caseload_internal.h"
#include "caseload/findings_out.h"

#include "base/table.h"
#include "jbw/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

jbw_status jbw_report_options_init(jbw_report_options *opts,
                                   unsigned int version)
{
    if (!opts)
        return jbw__error(JBW_EINVAL, "jbw_report_options_init: opts is NULL");
    if (version != JBW_REPORT_OPTIONS_VERSION)
        return jbw__error_version(version, JBW_REPORT_OPTIONS_VERSION,
                                  JBW_REPORT_OPTIONS_VERSION,
                                  "jbw_report_options_init:");
    opts->version = version;
    opts->lang = JBW_LANG_NL;
    opts->workers_table = 0;
    opts->top = 0;
    return jbw__ok();
}

/* The words of the report, Dutch and English. */
typedef struct words {
    const char *title, *norm, *per_fte, *period, *to, *counted, *totals,
        *by_org, *by_region, *by_kind, *workers, *top, *org_key, *region_key,
        *children, *measures;
    const char *rows[13];
    const char *units[13];
    const char *group_headers[9];
    const char *kind_headers[4];
    const char *worker_headers[11];
    const char *status[4];
} words;

static const words nl = {
    "Caseloadrapport op",
    "Norm",
    "per fte",
    "Koppeling binnen %ld werkdagen: maatregelen gestart van",
    "t/m",
    "\nEen maatregel telt mee zodra zijn %ld werkdagen voorbij zijn.",
    "Totaal",
    "Per organisatie (GI)",
    "Per regio (maatregelen in hun regio, jeugdbeschermers in de hunne)",
    "Actieve maatregelen per soort",
    "Jeugdbeschermers, hoogste belasting eerst",
    "eerste",
    "GI",
    "regio",
    "kinderen",
    "maatregelen",
    {"actieve maatregelen", "kinderen", "met een vaste jeugdbeschermer",
     "wachtend nieuw (nog nooit een jeugdbeschermer)",
     "wachtend bestaand (jeugdbeschermer vertrokken)",
     "jeugdbeschermers in dienst", "fte in dienst",
     "fte effectief (na inwerken)", "fte nodig volgens de norm", "tekort",
     "koppeling binnen de norm",
     "gestart, nog zonder jeugdbeschermer na de norm",
     "mediane tijd tot koppeling"},
    {"maatregelen", "kinderen", "maatregelen", "maatregelen", "maatregelen",
     "personen", "fte", "fte", "fte", "fte", "% van de gestarte maatregelen",
     "maatregelen", "werkdagen"},
    {"", "actief (maatr.)", "wachtend nieuw (maatr.)",
     "wachtend bestaand (maatr.)", "nodig (fte)", "effectief (fte)",
     "tekort (fte)", "koppeling (%)", "jeugdbeschermers (pers.)"},
    {"soort", "naam", "actief (maatr.)", "aandeel (%)"},
    {"id", "organisatie", "regio", "fte (fte)", "diensttijd (maanden)",
     "effectief (fte)", "capaciteit (eenh.)", "belasting (eenh.)",
     "belasting/capaciteit (ratio)", "status", "maatregelen (aantal)"},
    {"onder de norm", "op de norm", "boven de norm", "geen capaciteit"},
};

static const words en = {
    "Caseload report on",
    "Norm",
    "per FTE",
    "Koppeling (first worker) within %ld werkdagen: measures started from",
    "to",
    "\nA measure counts once its %ld werkdagen are over.",
    "Totals",
    "By organisation (GI)",
    "By region (measures in their region, workers in theirs)",
    "Active measures by kind",
    "Workers, highest load first",
    "first",
    "GI",
    "region",
    "children",
    "measures",
    {"active measures", "children", "with a fixed worker",
     "waiting nieuw (never had a worker)",
     "waiting bestaand (their worker left)", "workers employed", "FTE employed",
     "FTE effective (after onboarding)", "FTE required by the norm", "gap",
     "koppeling within the norm",
     "started, still without a worker past the norm",
     "median time to koppeling"},
    {"measures", "children", "measures", "measures", "measures", "people",
     "FTE", "FTE", "FTE", "FTE", "% of the measures started", "measures",
     "werkdagen"},
    {"", "active (measures)", "waiting nieuw (measures)",
     "waiting bestaand (measures)", "required (FTE)", "effective (FTE)",
     "gap (FTE)", "koppeling (%)", "workers (people)"},
    {"kind", "name", "active (measures)", "share (%)"},
    {"id", "organisation", "region", "fte (FTE)", "tenure (months)",
     "effective (FTE)", "capacity (units)", "load (units)",
     "load/capacity (ratio)", "status", "measures (count)"},
    {"under the norm", "at the norm", "over the norm", "no capacity"},
};

/* A number with `dec` decimals; '.' or ',' whatever the host's locale;
 * "-" when not finite. */
static void num(char *out, size_t size, double v, int dec, int comma)
{
    char *p;
    jbw__fmt_num(out, size, v, dec);
    for (p = out; *p; p++)
        if (*p != '-' && (*p < '0' || *p > '9')) {
            size_t n = 1;
            while (p[n] && p[n] != '-' && (p[n] < '0' || p[n] > '9'))
                n++; /* a multi-byte decimal point */
            *p = comma ? ',' : '.';
            memmove(p + 1, p + n, strlen(p + n) + 1);
            break;
        }
}

typedef struct ctx {
    const jbw_caseload *cl;
    const words *w;
    int comma;
    jbw_caseload_totals t; /* totals, or the group row being written */
    jbw_group group;
    const size_t *group_rows; /* the total_value row of each column > 0 */
    int32_t coupling_workdays;
    jbw_worker_load *workers; /* sorted, for the workers table */
} ctx;

static void total_value(char *out, size_t size, const ctx *c, size_t row)
{
    const jbw_caseload_totals *t = &c->t;
    switch (row) {
    case 0:
        snprintf(out, size, "%zu", t->active_measures);
        break;
    case 1:
        snprintf(out, size, "%zu", t->children);
        break;
    case 2:
        snprintf(out, size, "%zu", t->assigned);
        break;
    case 3:
        snprintf(out, size, "%zu", t->waiting_nieuw);
        break;
    case 4:
        snprintf(out, size, "%zu", t->waiting_bestaand);
        break;
    case 5:
        snprintf(out, size, "%zu", t->workers);
        break;
    case 6:
        num(out, size, t->available_fte, 1, c->comma);
        break;
    case 7:
        num(out, size, t->effective_fte, 1, c->comma);
        break;
    case 8:
        num(out, size, t->required_fte, 1, c->comma);
        break;
    case 9:
        num(out, size, t->fte_gap, 1, c->comma);
        break;
    case 10:
        num(out, size, t->coupling_within_pct, 1, c->comma);
        break;
    case 11:
        snprintf(out, size, "%zu", t->coupling_waiting_past);
        break;
    default:
        num(out, size, t->coupling_median_workdays, 0, c->comma);
        break;
    }
}

/* The unit of one: "1 maatregel", "1 kind", "1 werkdag" (the plural for
 * any other count). */
static const char *unit_of_one(const char *plural)
{
    static const char *const pairs[][2] = {
        {"maatregelen", "maatregel"}, {"kinderen", "kind"},
        {"personen", "persoon"},      {"werkdagen", "werkdag"},
        {"measures", "measure"},      {"children", "child"},
        {"people", "person"}};
    size_t i;
    for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (strcmp(pairs[i][0], plural) == 0)
            return pairs[i][1];
    return plural;
}

static void cell_totals(char *out, size_t size, const void *vc, size_t row,
                        size_t col)
{
    const ctx *c = vc;
    char value[JBW__CELL];
    if (col == 2 && row != 10) {
        total_value(value, sizeof value, c, row);
        if (strcmp(value, "1") == 0) {
            snprintf(out, size, "%s", unit_of_one(c->w->units[row]));
            return;
        }
    }
    if (col == 0)
        snprintf(out, size, "%s", c->w->rows[row]);
    else if (col == 1)
        total_value(out, size, c, row);
    else if (row == 10)
        snprintf(out, size, "%s (%zu)", c->w->units[row],
                 c->t.coupling_started);
    else
        snprintf(out, size, "%s", c->w->units[row]);
}

static void cell_group(char *out, size_t size, const void *vc, size_t row,
                       size_t col)
{
    ctx *c = (ctx *)vc;
    const char *key = NULL;
    jbw_caseload_group_get(&c->t, &key, c->cl, c->group, row);
    if (col == 0)
        snprintf(out, size, "%s", key ? key : "");
    else
        total_value(out, size, c, c->group_rows[col - 1]);
}

static void cell_kind(char *out, size_t size, const void *vc, size_t row,
                      size_t col)
{
    const ctx *c = vc;
    switch (col) {
    case 0:
        snprintf(out, size, "%s", jbw_kind_code((jbw_kind)row));
        break;
    case 1:
        snprintf(out, size, "%s", jbw_kind_name((jbw_kind)row));
        break;
    case 2:
        snprintf(out, size, "%zu", c->t.by_kind[row]);
        break;
    default:
        num(out, size,
            c->t.active_measures ? 100.0 * (double)c->t.by_kind[row] /
                                       (double)c->t.active_measures
                                 : NAN,
            1, c->comma);
    }
}

static void cell_worker(char *out, size_t size, const void *vc, size_t row,
                        size_t col)
{
    const ctx *c = vc;
    const jbw_worker_load *w = &c->workers[row];
    switch (col) {
    case 0:
        snprintf(out, size, "%s", w->id ? w->id : "");
        break;
    case 1:
        snprintf(out, size, "%s", w->organisation ? w->organisation : "");
        break;
    case 2:
        snprintf(out, size, "%s", w->region ? w->region : "");
        break;
    case 3:
        num(out, size, w->fte, 2, c->comma);
        break;
    case 4:
        snprintf(out, size, "%ld", (long)w->tenure_months);
        break;
    case 5:
        num(out, size, w->effective_fte, 2, c->comma);
        break;
    case 6:
        num(out, size, w->capacity, 1, c->comma);
        break;
    case 7:
        num(out, size, w->load, 1, c->comma);
        break;
    case 8:
        num(out, size, w->ratio, 2, c->comma);
        break;
    case 9:
        snprintf(out, size, "%s",
                 (unsigned)w->status < 4 ? c->w->status[w->status] : "");
        break;
    default:
        snprintf(out, size, "%zu", w->measures);
        break;
    }
}

/* Highest ratio first; no capacity (NaN) first of all; then by id. */
static int by_ratio(const void *a, const void *b)
{
    const jbw_worker_load *x = a, *y = b;
    double rx = isnan(x->ratio) ? INFINITY : x->ratio;
    double ry = isnan(y->ratio) ? INFINITY : y->ratio;
    if (rx != ry)
        return rx > ry ? -1 : 1;
    return strcmp(x->id ? x->id : "", y->id ? y->id : "");
}

static void workers_table(jbw__buf *b, ctx *c, const jbw_report_options *o)
{
    size_t i, n = jbw_caseload_worker_count(c->cl), rows;
    c->workers = n ? jbw__calloc(n, sizeof *c->workers) : NULL;
    if (n && !c->workers) {
        b->failed = 1;
        return;
    }
    for (i = 0; i < n; i++) {
        c->workers[i].version = JBW_WORKER_LOAD_VERSION;
        jbw_caseload_worker_get(&c->workers[i], c->cl, i);
    }
    qsort(c->workers, n, sizeof *c->workers, by_ratio);
    rows = o->top && o->top < n ? o->top : n;
    jbw__buf_printf(b, "\n%s", c->w->workers);
    if (rows < n)
        jbw__buf_printf(b, " (%s %zu / %zu)", c->w->top, rows, n);
    jbw__buf_putc(b, '\n');
    jbw__text_table(b, c->w->worker_headers, 11, rows, 1u | 2u | 4u | (1u << 9),
                    cell_worker, c);
    jbw__free(c->workers);
    c->workers = NULL;
}

/*
 * A group's figures as two tables, so that the report fits 100 columns:
 * the measures (active, waiting nieuw and bestaand, koppeling) and the
 * staff (workers, FTE required, effective, the gap). Each column is a
 * group_headers entry and the total_value row it shows.
 */
static void group_tables(jbw__buf *b, ctx *c, const char *key)
{
    static const size_t measure_cols[] = {1, 2, 3, 7};
    static const size_t measure_rows[] = {0, 3, 4, 10};
    static const size_t staff_cols[] = {8, 4, 5, 6};
    static const size_t staff_rows[] = {5, 8, 7, 9};
    const char *headers[5];
    size_t k, rows = jbw_caseload_group_count(c->cl, c->group);
    headers[0] = key;
    for (k = 0; k < 4; k++)
        headers[k + 1] = c->w->group_headers[measure_cols[k]];
    c->group_rows = measure_rows;
    jbw__text_table(b, headers, 5, rows, 1u, cell_group, c);
    jbw__buf_putc(b, '\n');
    for (k = 0; k < 4; k++)
        headers[k + 1] = c->w->group_headers[staff_cols[k]];
    c->group_rows = staff_rows;
    jbw__text_table(b, headers, 5, rows, 1u, cell_group, c);
}

jbw_status jbw_caseload_report_text(char **out, size_t *len,
                                    const jbw_caseload *cl,
                                    const jbw_report_options *opts)
{
    static const jbw_report_options defaults = JBW_REPORT_OPTIONS_INIT;
    const jbw_report_options *o = opts ? opts : &defaults;
    jbw__buf b = JBW__BUF_INIT;
    const jbw_norm *norm;
    jbw_date from = JBW_DATE_NONE, to = JBW_DATE_NONE;
    ctx c;
    char n[JBW__CELL];
    double per;
    if (!out || !len || !cl)
        return jbw__error(JBW_EINVAL,
                          "jbw_caseload_report_text: NULL argument");
    if (o->version != JBW_REPORT_OPTIONS_VERSION)
        return jbw__error_version(o->version, JBW_REPORT_OPTIONS_VERSION,
                                  JBW_REPORT_OPTIONS_VERSION,
                                  "jbw_caseload_report_text: options");
    memset(&c, 0, sizeof c);
    c.cl = cl;
    c.w = o->lang == JBW_LANG_EN ? &en : &nl;
    c.comma = o->lang != JBW_LANG_EN;
    c.t.version = JBW_CASELOAD_TOTALS_VERSION;
    jbw_caseload_period(&from, &to, &c.coupling_workdays, cl);
    norm = jbw_caseload_norm(cl);

    jbw__notice_text_lang(&b, jbw_caseload_data_notice(cl), o->lang);
    jbw__buf_printf(&b, "%s ", c.w->title);
    jbw__buf_date(&b, jbw_caseload_date(cl));
    per = jbw_norm_caseload_per_fte(norm);
    num(n, sizeof n, per, per == floor(per) ? 0 : 1, c.comma);
    jbw__buf_printf(
        &b, "\n%s: %s, %s %s %s\n", c.w->norm,
        jbw__norm_name_lang(jbw_norm_name(norm), jbw_norm_unit(norm), o->lang),
        n,
        jbw_norm_unit(norm) == JBW_UNIT_CHILD ? c.w->children
        : jbw_norm_unit(norm) == JBW_UNIT_FAMILY
            ? (o->lang == JBW_LANG_EN ? "families" : "gezinnen")
            : c.w->measures,
        c.w->per_fte);
    jbw__buf_printf(&b, c.w->period, (long)c.coupling_workdays);
    jbw__buf_putc(&b, ' ');
    jbw__buf_date(&b, from);
    jbw__buf_printf(&b, " %s ", c.w->to);
    jbw__buf_date(&b, to);
    jbw__buf_printf(&b, c.w->counted, (long)c.coupling_workdays);

    jbw_caseload_totals_get(&c.t, cl);
    jbw__buf_printf(&b, "\n\n%s\n", c.w->totals);
    jbw__text_table(&b, NULL, 3, 13, 1u | 4u, cell_totals, &c);

    c.group = JBW_GROUP_ORGANISATION;
    jbw__buf_printf(&b, "\n%s\n", c.w->by_org);
    group_tables(&b, &c, c.w->org_key);
    c.group = JBW_GROUP_REGION;
    jbw__buf_printf(&b, "\n%s\n", c.w->by_region);
    group_tables(&b, &c, c.w->region_key);

    jbw_caseload_totals_get(&c.t, cl);
    jbw__buf_printf(&b, "\n%s\n", c.w->by_kind);
    jbw__text_table(&b, c.w->kind_headers, 4, JBW_KIND_COUNT, 1u | 2u,
                    cell_kind, &c);

    jbw__cl_help_text(&b, cl, o->lang == JBW_LANG_EN);
    jbw__cl_findings_text(&b, cl, o->lang == JBW_LANG_EN);

    if (o->workers_table)
        workers_table(&b, &c, o);
    return jbw__buf_finish(&b, out, len);
}
