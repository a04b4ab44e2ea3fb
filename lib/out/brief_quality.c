/*
 * libjbw - the council brief's section on data quality: how many of the
 * measures its figures count break a data-quality rule (the caseload's
 * findings, docs/formats.md), per rule, within the brief's scope.
 * Aggregates only, published with the brief's rule for small counts: the
 * measures themselves are for whoever owns the data (`jbw report`).
 */
#include "brief_internal.h"
#include "caseload/caseload_internal.h"
#include "caseload/findings_out.h"

#include <string.h>

/* Measure i of the snapshot lies in the brief's scope. */
static int in_scope(const jbw__brief_ctx *c, size_t i)
{
    const jbw_snapshot *snap = c->snap;
    const jbw_registry *reg = jbw_snapshot_registry(snap);
    if (!c->scope_key)
        return 1;
    if (c->scope_group == JBW_GROUP_REGION)
        return strcmp(jbw__strmap_key(&reg->region_keys, snap->m.region[i]),
                      c->scope_key) == 0;
    return strcmp(jbw__strmap_key(&reg->org_keys, snap->m.org[i]),
                  c->scope_key) == 0;
}

jbw_status jbw__brief_quality(jbw__brief_ctx *c)
{
    const jbw_caseload *cl = c->cl;
    size_t per_rule[JBW_FINDING_RULE_COUNT] = {0};
    size_t i, measures = 0, last = (size_t)-1;
    char n[JBW__FMT_SIZE];
    int r, en = c->lang == JBW_LANG_EN;
    /* the findings come in measure order: a measure is counted once */
    for (i = 0; i < cl->finding_count; i++) {
        const jbw__cl_finding *f = &cl->findings[i];
        if (!in_scope(c, f->measure))
            continue;
        per_rule[f->rule]++;
        if (f->measure != last)
            measures++;
        last = f->measure;
    }
    jbw__doc_text(c->doc, JBW__BLOCK_H2, "%s",
                  JBW__T(c->lang, "Datakwaliteit", "Data quality"));
    if (measures == 0) {
        jbw__doc_text(
            c->doc, JBW__BLOCK_P, "%s",
            JBW__T(c->lang,
                   "Bij de controles van de gegevens in de tabel (wet en "
                   "samenhang) kwam geen maatregel naar voren.",
                   "The checks of the data in the table (the law and "
                   "consistency) found no measure."));
    } else {
        jbw__fmt_published_words(n, &c->publish, measures, c->lang);
        /* "1 maatregel"; "minder dan 5 maatregelen" */
        jbw__doc_text(
            c->doc, JBW__BLOCK_P,
            JBW__T(c->lang,
                   "Bij %s %s klopt de registratie niet: die is in strijd "
                   "met de wet of met andere gegevens (een bevinding). Zo'n "
                   "maatregel telt gewoon mee in de cijfers van dit stuk; "
                   "wie de gegevens beheert, zoekt het uit. Dit stuk geeft "
                   "alleen de aantallen per controle.",
                   "For %s %s the record is not right: it conflicts with "
                   "the law or with other data (a finding). Such a measure "
                   "is counted in this letter's figures as any other; "
                   "whoever owns the data looks into it. This letter gives "
                   "only the numbers per check."),
            n,
            strcmp(n, "1") == 0 ? JBW__T(c->lang, "maatregel", "measure")
                                : JBW__T(c->lang, "maatregelen", "measures"));
    }
    jbw__doc_table(
        c->doc, "datakwaliteit",
        JBW__T(c->lang, "Bevindingen per controle", "Findings per check"), 2);
    jbw__doc_row(c->doc, 2, JBW__T(c->lang, "Controle", "Check"),
                 JBW__T(c->lang, "maatregelen", "measures"));
    for (r = 0; r < JBW_FINDING_RULE_COUNT; r++) {
        jbw__fmt_published(n, &c->publish, per_rule[r], c->lang);
        jbw__doc_row(c->doc, 2, jbw__finding_words((jbw_finding_rule)r, en), n);
    }
    return c->doc->failed ? jbw__enomem() : JBW_OK;
}
