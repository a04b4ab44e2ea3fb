/*
 * libjbw - the allocation writers: JSON, CSV and the text list.
 */
#include "base/table.h"
#include "caseload/caseload_internal.h"
#include "waitrisk/waitrisk_internal.h"

#include <stdio.h>
#include <string.h>

static const char *reason_code(int reason)
{
    return reason == JBW_UNASSIGNED_NO_WORKER ? "no_worker" : "no_capacity";
}

/*
 * The writers read the allocation through the public getters, as a user
 * of the API would: a line is jbw_allocation_get() and
 * jbw_allocation_line_place(), a worker jbw_allocation_worker().
 */
typedef struct line {
    const char *id, *worker, *organisation, *region;
    int reason;
} line;

/* Line i of the proposal; i is below the count, so the getters cannot
 * fail. */
static void line_get(line *l, const jbw_allocation *al, size_t i)
{
    memset(l, 0, sizeof *l);
    (void)jbw_allocation_get(&l->id, NULL, &l->worker, &l->reason, al, i);
    (void)jbw_allocation_line_place(&l->organisation, &l->region, al, i);
}

static jbw_status alloc_args(char **out, const jbw_allocation *al,
                             const char *fn)
{
    return jbw__wr_out_args(out, al, JBW_LANG_EN, fn);
}

static void json_line(jbw__buf *b, const line *l, size_t i)
{
    jbw__buf_puts(b, "{\"id\":");
    jbw__buf_json_string(b, l->id);
    jbw__buf_printf(b, ",\"rank\":%lu,", (unsigned long)(i + 1));
    if (l->worker) {
        jbw__buf_puts(b, "\"worker\":");
        jbw__buf_json_string(b, l->worker);
    } else {
        jbw__buf_printf(b, "\"reason\":\"%s\"", reason_code(l->reason));
    }
    jbw__buf_puts(b, ",\"organisation\":");
    jbw__buf_json_string(b, l->organisation);
    jbw__buf_puts(b, ",\"region\":");
    jbw__buf_json_string(b, l->region);
    jbw__buf_putc(b, '}');
}

static void json_workers(jbw__buf *b, const jbw_allocation *al)
{
    size_t k;
    jbw__buf_puts(b, "\"workers\":[");
    for (k = 0; k < jbw_allocation_worker_count(al); k++) {
        const char *id = NULL, *org = NULL, *region = NULL;
        double capacity = 0, load = 0, proposed = 0;
        (void)jbw_allocation_worker(&id, &org, &region, &capacity, &load,
                                    &proposed, al, k);
        jbw__buf_puts(b, k ? ",{\"id\":" : "{\"id\":");
        jbw__buf_json_string(b, id);
        jbw__buf_puts(b, ",\"organisation\":");
        jbw__buf_json_string(b, org);
        jbw__buf_puts(b, ",\"region\":");
        jbw__buf_json_string(b, region);
        jbw__buf_puts(b, ",\"capacity\":");
        jbw__buf_json_number(b, capacity, 4);
        jbw__buf_puts(b, ",\"load\":");
        jbw__buf_json_number(b, load, 4);
        jbw__buf_puts(b, ",\"proposed_load\":");
        jbw__buf_json_number(b, proposed, 4);
        jbw__buf_putc(b, '}');
    }
    jbw__buf_putc(b, ']');
}

jbw_status jbw_allocation_json(char **out, size_t *len,
                               const jbw_allocation *alloc)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    int pass, first;
    line l;
    jbw_status st = alloc_args(out, alloc, "jbw_allocation_json");
    if (st != JBW_OK)
        return st;
    jbw__buf_putc(&b, '{');
    jbw__notice_json(&b, jbw_allocation_data_notice(alloc));
    jbw__wr_json_model(&b, jbw_allocation_model(alloc));
    jbw__buf_puts(&b, ",\"date\":\"");
    jbw__buf_date(&b, jbw_allocation_date(alloc));
    jbw__buf_puts(&b, "\",\"norm\":");
    jbw__buf_json_string(&b, jbw_allocation_norm_name(alloc));
    jbw__buf_printf(&b, ",\"unit\":\"%s\"",
                    jbw_unit_code(jbw_allocation_unit(alloc)));
    /* model version 2 says what the proposal is (the 0.1.0 form of
     * version 1 stays as it was) */
    if (jbw_waitrisk_model_base_version(jbw_allocation_model(alloc)) >= 2)
        jbw__buf_puts(&b, ",\"proposal\":{\"records_nothing\":true,"
                          "\"decided_by\":\"" WR_DECIDED_BY "\"}");
    /* pass 0: assignments, pass 1: unassigned */
    for (pass = 0; pass < 2; pass++) {
        jbw__buf_puts(&b, pass ? ",\"unassigned\":[" : ",\"assignments\":[");
        for (i = 0, first = 1; i < jbw_allocation_count(alloc); i++) {
            line_get(&l, alloc, i);
            if ((l.worker == NULL) != pass)
                continue;
            if (!first)
                jbw__buf_putc(&b, ',');
            json_line(&b, &l, i);
            first = 0;
        }
        jbw__buf_putc(&b, ']');
    }
    jbw__buf_putc(&b, ',');
    json_workers(&b, alloc);
    jbw__buf_puts(&b, "}\n");
    return jbw__wr_finish(&b, out, len);
}

jbw_status jbw_allocation_csv(char **out, size_t *len,
                              const jbw_allocation *alloc)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    line l;
    jbw_status st = alloc_args(out, alloc, "jbw_allocation_csv");
    if (st != JBW_OK)
        return st;
    const char *notice = jbw_allocation_data_notice(alloc);
    jbw__buf_puts(&b, "rank,id,organisation,region,worker,reason");
    jbw__notice_csv_header_end(&b, notice);
    for (i = 0; i < jbw_allocation_count(alloc); i++) {
        line_get(&l, alloc, i);
        jbw__buf_printf(&b, "%lu,", (unsigned long)(i + 1));
        jbw__buf_csv_field(&b, l.id);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, l.organisation);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, l.region);
        jbw__buf_putc(&b, ',');
        if (l.worker) {
            jbw__buf_csv_field(&b, l.worker);
            jbw__buf_putc(&b, ',');
        } else {
            jbw__buf_printf(&b, ",%s", reason_code(l.reason));
        }
        jbw__notice_csv_row_end(&b, notice);
    }
    return jbw__wr_finish(&b, out, len);
}

/* A line of the text list: rank, id, organisation, region, worker. */
static void text_row(jbw__buf *b, const char *rank, const char *id,
                     const char *org, const char *region, const char *worker)
{
    jbw__table_put(b, "", rank, 5, JBW__RIGHT, 0);
    jbw__table_put(b, "  ", id, 16, JBW__LEFT, 0);
    jbw__table_put(b, " ", org, 8, JBW__LEFT, 0);
    jbw__table_put(b, " ", region, 8, JBW__LEFT, 0);
    jbw__table_put(b, " ", worker, 0, JBW__LEFT, 1);
    jbw__buf_putc(b, '\n');
}

/* The words of the text list, English and Dutch. */
typedef struct words {
    const char *heading, *proposal_v2, *proposal_v1;
    const char *columns[5], *no_worker, *no_capacity;
} words;

static const words words_en = {
    "Allocation proposal on %s (model %s version %d, norm %s, unit %s): "
    "%lu of %lu waiting assigned\n",
    "A proposal: it records nothing and assigns no one. Who "
    "decides: " WR_DECIDED_BY ".\n",
    "A proposal for the people who decide; nothing has been changed.\n",
    {"rank", "id", "org", "region", "worker"},
    "(unassigned: no worker employed in the organisation)",
    "(unassigned: no worker with enough free capacity)",
};

static const words words_nl = {
    "Toewijzingsvoorstel op %s (model %s versie %d, norm %s, eenheid %s): "
    "%lu van %lu wachtenden toegewezen\n",
    "Een voorstel: het legt niets vast en wijst niemand toe. Wie "
    "beslist: " WR_DECIDED_BY_NL ".\n",
    "Een voorstel voor wie beslist; er is niets veranderd.\n",
    {"rang", "id", "GI", "regio", "jeugdbeschermer"},
    "(niet toegewezen: geen medewerker in dienst bij de GI)",
    "(niet toegewezen: geen medewerker met genoeg vrije ruimte)",
};

/* The norm's unit in the reader's words: Dutch "maatregel", "kind",
 * "gezin"; English the unit's code ("measure"). */
static const char *unit_word(jbw_unit unit, jbw_lang lang)
{
    if (lang == JBW_LANG_EN)
        return jbw_unit_code(unit);
    switch (unit) {
    case JBW_UNIT_CHILD:
        return "kind";
    case JBW_UNIT_FAMILY:
        return "gezin";
    default:
        return "maatregel";
    }
}

jbw_status jbw_allocation_text_lang(char **out, size_t *len,
                                    const jbw_allocation *alloc, jbw_lang lang)
{
    jbw__buf b = JBW__BUF_INIT;
    char date[JBW_DATE_BUFSIZE], rank[24];
    const words *w;
    size_t i;
    line l;
    jbw_status st =
        jbw__wr_out_args(out, alloc, lang, "jbw_allocation_text_lang");
    if (st != JBW_OK)
        return st;
    w = lang == JBW_LANG_EN ? &words_en : &words_nl;
    jbw__wr_fmt_date(date, jbw_allocation_date(alloc));
    jbw__notice_text_lang(&b, jbw_allocation_data_notice(alloc), lang);
    jbw__buf_printf(&b, w->heading, date,
                    jbw_waitrisk_model_name(jbw_allocation_model(alloc)),
                    jbw_waitrisk_model_version(jbw_allocation_model(alloc)),
                    jbw__norm_name_lang(jbw_allocation_norm_name(alloc),
                                        jbw_allocation_unit(alloc), lang),
                    unit_word(jbw_allocation_unit(alloc), lang),
                    (unsigned long)jbw_allocation_assigned(alloc),
                    (unsigned long)jbw_allocation_count(alloc));
    jbw__buf_puts(
        &b, jbw_waitrisk_model_base_version(jbw_allocation_model(alloc)) >= 2
                ? w->proposal_v2
                : w->proposal_v1);
    jbw__buf_putc(&b, '\n');
    text_row(&b, w->columns[0], w->columns[1], w->columns[2], w->columns[3],
             w->columns[4]);
    for (i = 0; i < jbw_allocation_count(alloc); i++) {
        line_get(&l, alloc, i);
        snprintf(rank, sizeof rank, "%lu", (unsigned long)(i + 1));
        text_row(&b, rank, l.id ? l.id : "",
                 l.organisation ? l.organisation : "", l.region ? l.region : "",
                 l.worker                               ? l.worker
                 : l.reason == JBW_UNASSIGNED_NO_WORKER ? w->no_worker
                                                        : w->no_capacity);
    }
    return jbw__wr_finish(&b, out, len);
}

jbw_status jbw_allocation_text(char **out, size_t *len,
                               const jbw_allocation *alloc)
{
    /* the name of the 0.1 function in its argument errors */
    jbw_status st = alloc_args(out, alloc, "jbw_allocation_text");
    if (st != JBW_OK)
        return st;
    return jbw_allocation_text_lang(out, len, alloc, JBW_LANG_EN);
}
