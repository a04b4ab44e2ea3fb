/*
 * libjbw - the data-quality findings in the caseload writers: the JSON
 * members "finding_counts" and "findings", the short section of the
 * report for people who decide (Dutch or English), and the section of the
 * analyst tables (English). Built on the public getters.
 */
#include "base/table.h"
#include "caseload/findings_out.h"

#include <stdio.h>
#include <string.h>

/* The most measure ids the text section lists per rule; the JSON lists
 * every finding. */
#define IDS_SHOWN 20

static jbw_finding finding_of(const jbw_caseload *cl, size_t i)
{
    jbw_finding f;
    memset(&f, 0, sizeof f);
    f.version = JBW_FINDING_VERSION;
    (void)jbw_caseload_finding_get(&f, cl, i);
    return f;
}

/* A text of a table with its length. */
typedef struct sized {
    const char *text;
    size_t len;
} sized;
#define SIZED(s)                                                               \
    {                                                                          \
        s, sizeof(s) - 1                                                       \
    }

/* The detail of a finding in English, for the JSON: fixed ASCII words
 * (nothing to escape) around the ISO date `since`. */
static const sized detail_words[JBW_FINDING_RULE_COUNT][2] = {
    {SIZED("jeugdreclassering at 23 or older: from "),
     SIZED(" (CBS counts ages 12 up to and including 22)")},
    {SIZED("jeugdbescherming after the 18th birthday: from "),
     SIZED(" (majority, BW 1:233)")},
    {SIZED("VOTS longer than 3 months: still running on "),
     SIZED(" (at most 3 months, BW 1:257)")},
    {SIZED("assigned to a worker not employed on the date, and so since "),
     SIZED(" (counted as assigned; its load falls on no worker)")},
    {SIZED("the child has an active measure with another birth date: from "),
     SIZED(" (a triage would score the child at two ages)")},
    {SIZED("placed out of home while the child is not yet born: the measure "
           "from "),
     SIZED(" (only a born child can be placed; check birth_date and "
           "placement)")}};

/* The members of a finding's object, in their order; the room of a row
 * is counted from the same literals. */
#define FINDING_RULE    "{\"rule\":"
#define FINDING_MEASURE ",\"measure\":"
#define FINDING_SINCE   ",\"since\":\""
#define FINDING_LAST    "\",\"last\":\""
#define FINDING_DETAIL  "\",\"detail\":\""
/* all of them, with the separator before a row and the end of a row */
#define FINDING_ALL                                                            \
    ",\n  " FINDING_RULE FINDING_MEASURE FINDING_SINCE FINDING_LAST            \
        FINDING_DETAIL "\"}"
#define FINDING_TEXT (sizeof(FINDING_ALL) - 1)

/* The rule codes as JSON strings, written once per output (a code is a
 * short ASCII word: one longer than CODE_ROOM allows is written for each
 * finding instead). */
#define CODE_ROOM 256
typedef struct rule_codes {
    const char *code[JBW_FINDING_RULE_COUNT];
    size_t len[JBW_FINDING_RULE_COUNT];
    char json[JBW_FINDING_RULE_COUNT][CODE_ROOM];
    size_t json_len[JBW_FINDING_RULE_COUNT]; /* 0: not written */
} rule_codes;

static void rule_codes_init(rule_codes *c)
{
    int r;
    for (r = 0; r < JBW_FINDING_RULE_COUNT; r++) {
        c->code[r] = jbw_finding_rule_code((jbw_finding_rule)r);
        c->len[r] = c->code[r] ? strlen(c->code[r]) : 0;
        c->json_len[r] = jbw__json_string_room(c->len[r]) <= CODE_ROOM
                             ? (size_t)(jbw__put_json_string(
                                            c->json[r], c->code[r], c->len[r]) -
                                        c->json[r])
                             : 0;
    }
}

/* The ISO text of the `last` date written before, copied when the next
 * finding has the same (a finding open on the date of the report has it
 * for its last day: most do). */
typedef struct date_memo {
    int valid;
    jbw_date date;
    char text[JBW__PUT_DATE_MAX];
} date_memo;

/* jbw__put_date(), from the memo when it holds d. */
static char *put_date_memo(char *p, jbw_date d, date_memo *m)
{
    if (!m->valid || d != m->date) {
        if (jbw__put_date(m->text, d) == m->text)
            return p; /* none, or out of range: nothing */
        m->valid = 1;
        m->date = d;
    }
    memcpy(p, m->text, JBW__PUT_DATE_MAX);
    return p + JBW__PUT_DATE_MAX;
}

/* A finding's object on a line of its own, after a ',' unless `first`:
 * written in place after one reservation of the most it can take. */
static void json_finding(jbw__buf *b, const jbw_finding *f,
                         const rule_codes *codes, date_memo *last, int first)
{
    unsigned r = (unsigned)f->rule;
    const char *code = r < JBW_FINDING_RULE_COUNT ? codes->code[r] : NULL;
    size_t n_code = r < JBW_FINDING_RULE_COUNT ? codes->len[r] : 0;
    size_t n_json = r < JBW_FINDING_RULE_COUNT ? codes->json_len[r] : 0;
    size_t n_id = f->measure_id ? strlen(f->measure_id) : 0;
    /* an unknown rule has the words of VOTS */
    const sized *words =
        detail_words[r < JBW_FINDING_RULE_COUNT
                         ? r
                         : (unsigned)JBW_FINDING_VOTS_OVER_3_MONTHS];
    size_t room =
        FINDING_TEXT + 3 * JBW__PUT_DATE_MAX + words[0].len + words[1].len;
    size_t n_since;
    char *p, *since;
    room = jbw__room_add(room, jbw__json_string_room(n_code));
    room = jbw__room_add(room, jbw__json_string_room(n_id));
    if (!(p = jbw__buf_room(b, room)))
        return;
    if (!first)
        *p++ = ',';
    JBW__PUT_LIT(p, "\n  " FINDING_RULE);
    if (n_json) {
        memcpy(p, codes->json[r], n_json);
        p += n_json;
    } else {
        p = jbw__put_json_string(p, code, n_code);
    }
    JBW__PUT_LIT(p, FINDING_MEASURE);
    p = jbw__put_json_string(p, f->measure_id, n_id);
    JBW__PUT_LIT(p, FINDING_SINCE);
    since = p;
    p = jbw__put_date(p, f->since);
    n_since = (size_t)(p - since); /* 0 or 10 */
    JBW__PUT_LIT(p, FINDING_LAST);
    p = put_date_memo(p, f->last, last);
    JBW__PUT_LIT(p, FINDING_DETAIL);
    memcpy(p, words[0].text, words[0].len);
    p += words[0].len;
    if (n_since) { /* the date of "since" again */
        memcpy(p, since, JBW__PUT_DATE_MAX);
        p += JBW__PUT_DATE_MAX;
    }
    memcpy(p, words[1].text, words[1].len);
    p += words[1].len;
    JBW__PUT_LIT(p, "\"}");
    jbw__buf_commit(b, p);
}

void jbw__cl_findings_json(jbw__buf *b, const jbw_caseload *cl)
{
    size_t i, n = jbw_caseload_finding_count(cl);
    rule_codes codes;
    date_memo last = {0, 0, {0}};
    int r;
    jbw__json_key(b, "finding_counts", 1);
    jbw__buf_putc(b, '{');
    rule_codes_init(&codes);
    for (r = 0; r < JBW_FINDING_RULE_COUNT; r++) {
        jbw__json_key(b, codes.code[r], r == 0);
        jbw__buf_size(b,
                      jbw_caseload_finding_count_rule(cl, (jbw_finding_rule)r));
    }
    jbw__buf_puts(b, "},\n");
    jbw__json_key(b, "findings", 1);
    jbw__buf_putc(b, '[');
    for (i = 0; i < n; i++) {
        jbw_finding f = finding_of(cl, i);
        json_finding(b, &f, &codes, &last, i == 0);
    }
    jbw__buf_puts(b, n ? "\n]" : "]");
}

/* The words of the text section. */
typedef struct words {
    const char *title, *none, *kept, *unit, *unit_one, *more;
    const char *rules[JBW_FINDING_RULE_COUNT];
} words;

static const words nl = {"Datakwaliteit",
                         "geen bevindingen",
                         "meegeteld; wie de gegevens beheert, kijkt ze na",
                         "maatregelen",
                         "maatregel",
                         "meer",
                         {"jeugdreclassering bij 23 jaar of ouder",
                          "jeugdbescherming na de 18e verjaardag",
                          "VOTS langer dan 3 maanden",
                          "toegewezen aan een medewerker niet in dienst",
                          "kind met verschillende geboortedata",
                          "uithuisplaatsing van een ongeboren kind"}};

static const words en = {
    "Data quality",
    "no findings",
    "counted; the owners of the data should check them",
    "measures",
    "measure",
    "more",
    {"jeugdreclassering at 23 or older",
     "jeugdbescherming after the 18th birthday", "VOTS longer than 3 months",
     "assigned to a worker not employed", "child with differing birth dates",
     "out-of-home placement of an unborn child"}};

typedef struct ctx {
    const jbw_caseload *cl;
    const words *w;
} ctx;

const char *jbw__finding_words(jbw_finding_rule rule, int english)
{
    unsigned r = (unsigned)rule;
    return r < JBW_FINDING_RULE_COUNT ? (english ? &en : &nl)->rules[r] : NULL;
}

static void cell(char *out, size_t size, const void *vc, size_t row, size_t col)
{
    const ctx *c = vc;
    if (col == 0)
        snprintf(out, size, "%s", c->w->rules[row]);
    else if (col == 1)
        snprintf(out, size, "%zu",
                 jbw_caseload_finding_count_rule(c->cl, (jbw_finding_rule)row));
    else /* "1 maatregel", "2 maatregelen" */
        snprintf(
            out, size, "%s",
            jbw_caseload_finding_count_rule(c->cl, (jbw_finding_rule)row) == 1
                ? c->w->unit_one
                : c->w->unit);
}

/* "  label: M1, M2, ... (+N more)" for one rule with findings, wrapped
 * before WIDTH bytes (ids are ASCII pseudonyms in practice; a long one
 * gets a line of its own). */
#define WIDTH 96
static void rule_ids(jbw__buf *b, const ctx *c, int rule)
{
    size_t i, shown = 0, n = jbw_caseload_finding_count(c->cl), col;
    size_t total =
        jbw_caseload_finding_count_rule(c->cl, (jbw_finding_rule)rule);
    if (total == 0)
        return;
    jbw__buf_printf(b, "  %s:", c->w->rules[rule]);
    col = 3 + strlen(c->w->rules[rule]);
    for (i = 0; i < n && shown < IDS_SHOWN; i++) {
        jbw_finding f = finding_of(c->cl, i);
        size_t len;
        if ((int)f.rule != rule)
            continue;
        len = strlen(f.measure_id);
        if (shown)
            jbw__buf_putc(b, ',');
        if (shown && col + 2 + len > WIDTH) {
            jbw__buf_puts(b, "\n   ");
            col = 3;
        }
        jbw__buf_printf(b, " %s", f.measure_id);
        col += 2 + len;
        shown++;
    }
    if (total > shown)
        jbw__buf_printf(b, " (+%zu %s)", total - shown, c->w->more);
    jbw__buf_putc(b, '\n');
}

void jbw__cl_findings_text(jbw__buf *b, const jbw_caseload *cl, int english)
{
    ctx c;
    int r;
    c.cl = cl;
    c.w = english ? &en : &nl;
    if (jbw_caseload_finding_count(cl) == 0) {
        jbw__buf_printf(b, "\n%s: %s\n", c.w->title, c.w->none);
        return;
    }
    jbw__buf_printf(b, "\n%s (%s)\n", c.w->title, c.w->kept);
    jbw__text_table(b, NULL, 3, JBW_FINDING_RULE_COUNT, 1u | 4u, cell, &c);
    for (r = 0; r < JBW_FINDING_RULE_COUNT; r++)
        rule_ids(b, &c, r);
}

/* ---- the analyst tables (jbw_caseload_text) ---------------------------- */

/* The findings the table lists: the first IDS_SHOWN of each rule, in
 * measure order. */
typedef struct listed {
    const jbw_caseload *cl;
    size_t count;
    size_t index[IDS_SHOWN * JBW_FINDING_RULE_COUNT];
} listed;

static void cell_count(char *out, size_t size, const void *vcl, size_t row,
                       size_t col)
{
    const jbw_caseload *cl = vcl;
    if (col == 0)
        snprintf(out, size, "%s", jbw_finding_rule_code((jbw_finding_rule)row));
    else
        snprintf(out, size, "%zu",
                 jbw_caseload_finding_count_rule(cl, (jbw_finding_rule)row));
}

static void cell_finding(char *out, size_t size, const void *vl, size_t row,
                         size_t col)
{
    const listed *l = vl;
    jbw_finding f = finding_of(l->cl, l->index[row]);
    if (col == 0)
        snprintf(out, size, "%s", f.measure_id);
    else if (col == 1)
        snprintf(out, size, "%s", jbw_finding_rule_code(f.rule));
    else if (jbw_date_format(out, size, col == 2 ? f.since : f.last) != JBW_OK)
        snprintf(out, size, "-");
}

void jbw__cl_findings_table(jbw__buf *b, const jbw_caseload *cl)
{
    static const char *const count_headers[] = {"rule", "findings"};
    static const char *const headers[] = {"measure", "rule", "since", "last"};
    listed l;
    size_t i, n = jbw_caseload_finding_count(cl);
    size_t shown[JBW_FINDING_RULE_COUNT] = {0};
    int r;
    if (n == 0) {
        jbw__buf_puts(b, "\nData-quality findings: none\n");
        return;
    }
    jbw__buf_puts(b, "\nData-quality findings (counted in every figure "
                     "above; docs/formats.md)\n");
    jbw__text_table(b, count_headers, 2, JBW_FINDING_RULE_COUNT, 1u, cell_count,
                    cl);
    l.cl = cl;
    l.count = 0;
    for (i = 0; i < n; i++) {
        jbw_finding f = finding_of(cl, i);
        unsigned k = (unsigned)f.rule;
        if (k < JBW_FINDING_RULE_COUNT && shown[k] < IDS_SHOWN) {
            shown[k]++;
            l.index[l.count++] = i;
        }
    }
    jbw__buf_printf(b,
                    "\nThe findings, at most %d of each rule, in measure "
                    "order (the JSON lists all)\n",
                    IDS_SHOWN);
    jbw__text_table(b, headers, 4, l.count, 1u | 2u | 4u | 8u, cell_finding,
                    &l);
    for (r = 0; r < JBW_FINDING_RULE_COUNT; r++) {
        size_t total = jbw_caseload_finding_count_rule(cl, (jbw_finding_rule)r);
        if (total > shown[r])
            jbw__buf_printf(b, "  %s: %zu more\n",
                            jbw_finding_rule_code((jbw_finding_rule)r),
                            total - shown[r]);
    }
}
