/*
 * libjbw - the council brief's section on the coupling norm: of the
 * measures started in the period whose werkdagen are over, how many had
 * a first fixed worker in time, per region and organisation, with the
 * chart. Aggregates only, published with the brief's rule for small
 * counts.
 */
#include "brief_internal.h"

#include <stdio.h>

typedef char fmtbuf[JBW__FMT_SIZE];

static void coupling_rows(jbw__brief_ctx *c, jbw_group g)
{
    size_t i, n = jbw_caseload_group_count(c->cl, g);
    for (i = 0; i < n; i++) {
        jbw_caseload_totals x;
        const char *key = NULL;
        fmtbuf a, b, p, m, w;
        x.version = JBW_CASELOAD_TOTALS_VERSION;
        if (jbw_caseload_group_get(&x, &key, c->cl, g, i) != JBW_OK ||
            (x.workers == 0 && x.active_measures == 0))
            continue;
        jbw__fmt_published(a, &c->publish, x.coupling_started, c->lang);
        jbw__fmt_published(b, &c->publish, x.coupling_within, c->lang);
        jbw__fmt_published(w, &c->publish, x.coupling_waiting_past, c->lang);
        jbw__doc_row(
            c->doc, 6, jbw__group_name(c->registry, g, key), a, b,
            jbw__brief_share(p, c, x.coupling_within, x.coupling_started),
            jbw__brief_median(m, c, x.coupling_median_workdays,
                              x.coupling_started),
            w);
    }
}

/* The coupling per region or per organisation: a table each, as the
 * waiting list's, so that no table mixes the two. */
static void coupling_table(jbw__brief_ctx *c, jbw_group g, const char *id,
                           const char *head)
{
    jbw__brief_group_table(c, g, id, 6);
    jbw__doc_row(c->doc, 5, JBW__T(c->lang, "gestart", "started"), head, "%",
                 JBW__T(c->lang, "mediaan werkdagen", "median werkdagen"),
                 JBW__T(c->lang, "nog wachtend na de norm",
                        "still waiting past the norm"));
    coupling_rows(c, g);
}

jbw_status jbw__brief_coupling(jbw__brief_ctx *c)
{
    jbw__doc *d = c->doc;
    jbw_date from = JBW_DATE_NONE, to = JBW_DATE_NONE;
    int32_t wd = 5;
    fmtbuf e, f;
    char head[64], *svg = NULL;
    jbw_status st;
    jbw_caseload_period(&from, &to, &wd, c->cl);
    jbw__fmt_date(e, from, c->lang);
    jbw__fmt_date(f, to, c->lang);
    jbw__doc_text(d, JBW__BLOCK_H2,
                  JBW__T(c->lang, "Koppeling binnen %d werkdagen",
                         "Coupling within %d werkdagen"),
                  (int)wd);
    jbw__doc_text(
        d, JBW__BLOCK_P,
        JBW__T(c->lang,
               "Van de maatregelen die van %s tot en met %s startten: "
               "hoeveel kregen binnen %d werkdagen na de start (de dag "
               "dat de GI werd belast) een eerste vaste "
               "jeugdbeschermer? Werkdagen volgen de CAO Jeugdzorg "
               "(zonder weekend en feestdagen). Een maatregel telt "
               "mee zodra zijn %d werkdagen voorbij zijn: van een "
               "maatregel die korter geleden startte, is nog niet te "
               "zeggen of hij op tijd een jeugdbeschermer krijgt.",
               "Of the measures started from %s to %s: how many had a "
               "first fixed worker within %d werkdagen of the start (the "
               "day the GI was charged)? Werkdagen follow the CAO "
               "Jeugdzorg (no weekends or holidays). A measure counts "
               "once its %d werkdagen are over: for a measure started "
               "more recently, it is too early to say whether it gets "
               "a worker in time."),
        e, f, (int)wd, (int)wd);
    if (c->scope_key) {
        fmtbuf a, b, p;
        jbw__fmt_published_words(a, &c->publish, c->scope.coupling_within,
                                 c->lang);
        jbw__fmt_published_words(b, &c->publish, c->scope.coupling_started,
                                 c->lang);
        jbw__doc_text(d, JBW__BLOCK_P,
                      JBW__T(c->lang,
                             "%s %s: %s van %s binnen %d werkdagen (%s).",
                             "%s %s: %s of %s within %d werkdagen (%s)."),
                      jbw__brief_scope_prep(c, 1), c->scope_name, a, b, (int)wd,
                      jbw__brief_share(p, c, c->scope.coupling_within,
                                       c->scope.coupling_started));
        jbw__brief_compare_note(c, 0);
    }
    snprintf(head, sizeof head, JBW__T(c->lang, "binnen %d wd", "within %d wd"),
             (int)wd);
    coupling_table(c, JBW_GROUP_REGION, "koppeling-regio", head);
    coupling_table(c, JBW_GROUP_ORGANISATION, "koppeling-organisatie", head);
    st = jbw_chart_coupling_svg(&svg, NULL, c->cl, JBW_GROUP_REGION, &c->chart);
    return jbw__brief_add_chart(c, "coupling_region", st, svg);
}
