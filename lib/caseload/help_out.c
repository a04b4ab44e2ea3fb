/*
 * libjbw - waiting for suitable help in the short caseload report: the
 * totals, per organisation and per region (Dutch or English). Printed
 * only when the snapshot has help dates at all: without them a zero would
 * read as "nobody waits" where nothing is known. Built on the public
 * getters.
 */
#include "base/table.h"
#include "caseload/findings_out.h"

#include <stdio.h>
#include <string.h>

typedef struct words {
    const char *title, *total;
    const char *headers[3];
} words;

static const words nl = {
    "Wachten op passende hulp (gevraagd, nog niet begonnen; norm: binnen 3 "
    "maanden)",
    "totaal",
    {"", "wachtend (maatr.)", "langer dan 3 maanden (maatr.)"}};

static const words en = {
    "Waiting for suitable help (requested, not yet begun; norm: within 3 "
    "months)",
    "total",
    {"", "waiting (measures)", "longer than 3 months (measures)"}};

typedef struct ctx {
    const jbw_caseload *cl;
    const words *w;
} ctx;

/* Row 0 is the total, then the organisations, then the regions. */
static void cell(char *out, size_t size, const void *vc, size_t row, size_t col)
{
    const ctx *c = vc;
    size_t orgs = jbw_caseload_group_count(c->cl, JBW_GROUP_ORGANISATION);
    const char *key = NULL;
    jbw_caseload_totals t;
    memset(&t, 0, sizeof t);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    if (row == 0) {
        (void)jbw_caseload_totals_get(&t, c->cl);
        key = c->w->total;
    } else if (row <= orgs) {
        (void)jbw_caseload_group_get(&t, &key, c->cl, JBW_GROUP_ORGANISATION,
                                     row - 1);
    } else {
        (void)jbw_caseload_group_get(&t, &key, c->cl, JBW_GROUP_REGION,
                                     row - 1 - orgs);
    }
    if (col == 0)
        snprintf(out, size, "%s", key ? key : "");
    else
        snprintf(out, size, "%zu",
                 col == 1 ? t.waiting_for_help : t.waiting_for_help_past_norm);
}

void jbw__cl_help_text(jbw__buf *b, const jbw_caseload *cl, int english)
{
    ctx c;
    size_t rows;
    if (!cl->help_known)
        return;
    c.cl = cl;
    c.w = english ? &en : &nl;
    rows = 1 + jbw_caseload_group_count(cl, JBW_GROUP_ORGANISATION) +
           jbw_caseload_group_count(cl, JBW_GROUP_REGION);
    jbw__buf_printf(b, "\n%s\n", c.w->title);
    jbw__text_table(b, c.w->headers, 3, rows, 1u, cell, &c);
}
