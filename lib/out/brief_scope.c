/*
 * The council brief of one region or organisation (the options' region
 * and organisation): its key figures are that group's totals of the
 * caseload, and every section says which part of the data it covers
 * (docs/brief.md, "One region or organisation").
 */
#include "brief_internal.h"

#include <stdio.h>
#include <string.h>

static const char *T(const jbw__brief_ctx *c, const char *nl, const char *en)
{
    return JBW__T(c->lang, nl, en);
}

const char *jbw__brief_scope_words(const jbw__brief_ctx *c)
{
    return c->scope_key ? c->scope_name
                        : T(c, "alle organisaties en regio's in de gegevens",
                            "all organisations and regions in the data");
}

const char *jbw__brief_scope_prep(const jbw__brief_ctx *c, int capital)
{
    if (c->scope_group == JBW_GROUP_ORGANISATION)
        return capital ? T(c, "Bij", "At") : T(c, "bij", "at");
    return capital ? "In" : "in";
}

/* The totals of the group with this key; JBW_ENOTFOUND naming it when
 * the registry has none. */
static jbw_status group_totals(jbw_caseload_totals *out,
                               const jbw__brief_ctx *c, jbw_group g,
                               const char *key)
{
    size_t i, n = jbw_caseload_group_count(c->cl, g);
    for (i = 0; i < n; i++) {
        const char *k = NULL;
        out->version = JBW_CASELOAD_TOTALS_VERSION;
        if (jbw_caseload_group_get(out, &k, c->cl, g, i) == JBW_OK && k &&
            strcmp(k, key) == 0)
            return JBW_OK;
    }
    return jbw__error(JBW_ENOTFOUND,
                      "jbw_brief_new: %s '%s' is not in the registry",
                      g == JBW_GROUP_REGION ? "region" : "organisation", key);
}

jbw_status jbw__brief_scope(jbw__brief_ctx *c)
{
    const jbw_brief_options *o = c->opts;
    jbw_caseload_totals org;
    jbw_status st;
    if (o->organisation && (st = group_totals(&org, c, JBW_GROUP_ORGANISATION,
                                              o->organisation)) != JBW_OK)
        return st;
    if (o->region) {
        c->scope_group = JBW_GROUP_REGION;
        c->scope_key = o->region;
        if ((st = group_totals(&c->scope, c, JBW_GROUP_REGION, o->region)) !=
            JBW_OK)
            return st;
    } else if (o->organisation) {
        c->scope_group = JBW_GROUP_ORGANISATION;
        c->scope_key = o->organisation;
        c->scope = org;
    } else {
        c->scope.version = JBW_CASELOAD_TOTALS_VERSION;
        return jbw_caseload_totals_get(&c->scope, c->cl);
    }
    c->scope_name = jbw__group_name(c->registry, c->scope_group, c->scope_key);
    return JBW_OK;
}

void jbw__brief_scope_note(jbw__brief_ctx *c)
{
    const jbw_brief_options *o = c->opts;
    char forecast[256] = "";
    if (!c->scope_key)
        return;
    if (o->organisation && o->region)
        snprintf(forecast, sizeof forecast,
                 T(c, " De prognose gaat alleen over %s in %s.",
                   " The forecast covers %s in %s only."),
                 jbw__group_name(c->registry, JBW_GROUP_ORGANISATION,
                                 o->organisation),
                 c->scope_name);
    jbw__doc_text(
        c->doc, JBW__BLOCK_NOTE,
        T(c,
          "Dit stuk gaat over %s: de kerncijfers, de wachtlijst, de "
          "koppeling, de datakwaliteit, de wachtenden per band en "
          "de prognose zijn die van %s. De tabellen en grafieken per regio en "
          "organisatie tonen ter vergelijking alle regio's en "
          "organisaties in de gegevens.%s",
          "This brief covers %s: the key figures, the waiting list, "
          "the coupling, the data quality, the waiting per band and "
          "the forecast are those of %s. The tables and charts per region and "
          "organisation show every region and organisation in the "
          "data, for comparison.%s"),
        c->scope_name, c->scope_name, forecast);
}

/* In a brief of one region or organisation, the tables and charts per
 * region and organisation show every group of the data, for comparison:
 * they say so. */
void jbw__brief_compare_note(jbw__brief_ctx *c, int spread)
{
    if (!c->scope_key)
        return;
    jbw__doc_text(
        c->doc, JBW__BLOCK_NOTE, "%s%s",
        T(c,
          "De tabellen en grafieken per regio en organisatie tonen ter "
          "vergelijking alle regio's en organisaties in de gegevens",
          "The tables and charts per region and organisation show every "
          "region and organisation in the data, for comparison"),
        !spread ? "."
                : T(c,
                    ", en de spreiding van de caseload telt alle medewerkers "
                    "in de gegevens.",
                    ", and the spread of caseload counts every worker in "
                    "the data."));
}
