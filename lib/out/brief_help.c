/*
 * libjbw - the council brief's section on waiting for suitable help: how
 * many measures wait for the help the GI asked for, and how many of them
 * longer than the inspections' 3 months (docs/norms.md), in all and per
 * region. Aggregates only, published with the brief's rule for small
 * counts. Left out when the data has no help dates: a zero would read as
 * "nobody waits" where nothing is known.
 */
#include "brief_internal.h"

#include <stdio.h>
#include <string.h>

/* 1 when any measure of the snapshot has a help_requested date. */
static int has_help_dates(const jbw_snapshot *snap)
{
    size_t i, n = jbw_snapshot_measure_count(snap);
    for (i = 0; i < n; i++) {
        jbw_measure m;
        m.version = JBW_MEASURE_VERSION;
        if (jbw_snapshot_measure(&m, snap, i) == JBW_OK &&
            m.help_requested != JBW_DATE_NONE)
            return 1;
    }
    return 0;
}

static void region_rows(jbw__brief_ctx *c)
{
    size_t i, n = jbw_caseload_group_count(c->cl, JBW_GROUP_REGION);
    char a[JBW__FMT_SIZE], b[JBW__FMT_SIZE];
    for (i = 0; i < n; i++) {
        jbw_caseload_totals x;
        const char *key = NULL;
        x.version = JBW_CASELOAD_TOTALS_VERSION;
        if (jbw_caseload_group_get(&x, &key, c->cl, JBW_GROUP_REGION, i) !=
                JBW_OK ||
            x.active_measures == 0)
            continue;
        jbw__fmt_published(a, &c->publish, x.waiting_for_help, c->lang);
        jbw__fmt_published(b, &c->publish, x.waiting_for_help_past_norm,
                           c->lang);
        jbw__doc_row(c->doc, 3,
                     jbw__group_name(c->registry, JBW_GROUP_REGION, key), a, b);
    }
}

jbw_status jbw__brief_help(jbw__brief_ctx *c)
{
    const jbw_caseload_totals *t = &c->scope; /* the brief's scope */
    char date[JBW__FMT_SIZE + 160], a[JBW__FMT_SIZE], b[JBW__FMT_SIZE];
    if (!has_help_dates(c->snap))
        return JBW_OK;
    jbw__fmt_date(date, c->date, c->lang);
    if (c->scope_key) /* "1-9-2025 in Zuid-Holland Zuid" */
        snprintf(date + strlen(date), sizeof date - strlen(date), " %s %s",
                 jbw__brief_scope_prep(c, 0), c->scope_name);
    /* counts in a sentence: "minder dan 5", not "< 5" */
    jbw__fmt_published_words(a, &c->publish, t->waiting_for_help, c->lang);
    jbw__fmt_published_words(b, &c->publish, t->waiting_for_help_past_norm,
                             c->lang);
    jbw__doc_text(c->doc, JBW__BLOCK_H2, "%s",
                  JBW__T(c->lang, "Wachten op passende hulp",
                         "Waiting for suitable help"));
    jbw__doc_text(
        c->doc, JBW__BLOCK_P,
        JBW__T(c->lang,
               "Ook met een vaste jeugdbeschermer wacht een kind soms op de "
               "hulp die de maatregel vraagt: een pleeggezin, een "
               "crisisplek, specialistische hulp. De inspecties houden als "
               "norm dat passende hulp binnen 3 maanden start. Op %s wachtten "
               "%s maatregelen op hulp die de GI had aangevraagd; bij %s "
               "daarvan was de aanvraag meer dan 3 maanden oud.",
               "Even with a fixed worker a child may wait for the help the "
               "measure calls for: a foster family, a crisis place, "
               "specialist help. The inspections hold that suitable help "
               "starts within 3 months. On %s, %s measures waited for help "
               "the GI had asked for; for %s of them the request was more "
               "than 3 months old."),
        date, a, b);
    if (c->scope_key)
        jbw__doc_text(c->doc, JBW__BLOCK_NOTE, "%s",
                      JBW__T(c->lang,
                             "De tabel per regio toont ter vergelijking alle "
                             "regio's in de gegevens.",
                             "The table per region shows every region in the "
                             "data, for comparison."));
    jbw__doc_table(c->doc, "passende_hulp",
                   JBW__T(c->lang, "Per regio", "Per region"), 3);
    jbw__doc_row(
        c->doc, 3, JBW__T(c->lang, "Regio", "Region"),
        JBW__T(c->lang, "wachtend op passende hulp",
               "waiting for suitable help"),
        JBW__T(c->lang, "langer dan 3 maanden", "longer than 3 months"));
    region_rows(c);
    return JBW_OK;
}
