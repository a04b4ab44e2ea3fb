/*
 * libjbw - the model card and the Algoritmeregister entry of a
 * waiting-risk model, written from the model's own parameters so that
 * they cannot drift from what scores.
 *
 * The register entry follows the field list of the Algoritmeregister
 * Publicatiestandaard 1.0.10 (docs/sources.md); fields only the
 * organisation can fill are written empty and marked as such.
 */
#include "waitrisk/waitrisk_internal.h"

#include <stdio.h>
#include <string.h>

#define REG_STANDARD         "Algoritmeregister Publicatiestandaard"
#define REG_STANDARD_VERSION "1.0.10"

/* The value of a parameter by key; every key asked for exists in the
 * model's base version. */
static int pv(const jbw_waitrisk_model *m, const char *key)
{
    int v = 0;
    if (jbw_waitrisk_model_get(&v, m, key) != JBW_OK)
        v = 0;
    return v;
}

/* One row of the item table: code, rule and points, in one language. */
typedef struct item_row {
    const char *code;
    char rule[200];
    char points[120];
} item_row;

static void row(item_row *r, const char *code, const char *rule,
                const char *points)
{
    r->code = code;
    snprintf(r->rule, sizeof r->rule, "%s", rule);
    snprintf(r->points, sizeof r->points, "%s", points);
}

/* The rows of the item table of model m in `lang`; returns how many. */
static size_t item_rows(item_row *rows, const jbw_waitrisk_model *m,
                        jbw_lang lang)
{
    int v2 = jbw_waitrisk_model_base_version(m) >= 2, nl = lang == JBW_LANG_NL;
    int b1 = pv(m, "time.boundary1"), b2 = pv(m, "time.boundary2");
    int b3 = pv(m, "time.boundary3"), a1 = pv(m, "age.boundary1");
    int a2 = pv(m, "age.boundary2");
    char rule[200], pts[120];
    size_t n = 0;

    snprintf(pts, sizeof pts, nl ? "band acuut, +%d" : "band **acuut**, +%d",
             pv(m, "points.acute"));
    row(&rows[n++], "acute",
        nl ? "veiligheid beoordeeld als directe onveiligheid"
           : "safety assessed as directe onveiligheid",
        pts);
    snprintf(pts, sizeof pts, "%d / %d / %d / %d",
             pv(m, "points.safety.unsafe"), pv(m, "points.safety.concerns"),
             pv(m, "points.safety.unknown"), pv(m, "points.safety.safe"));
    row(&rows[n++], "safety",
        nl ? "structureel onveilig / zorgen / niet beoordeeld / veilig"
           : "structurally unsafe / concerns / not assessed / safe",
        pts);
    if (v2) {
        snprintf(pts, sizeof pts, "%d / %d / %d",
                 pv(m, "points.safety_plan.no"),
                 pv(m, "points.safety_plan.unknown"),
                 pv(m, "points.safety_plan.yes"));
        row(&rows[n++], "safety_plan",
            nl ? "bij zorgen, onveilig of niet beoordeeld: geen "
                 "veiligheidsplan / onbekend / wel"
               : "when safety is concerns, unsafe or not assessed: no "
                 "safety plan / unknown / a plan",
            pts);
        snprintf(pts, sizeof pts, "%d / %d / %d", pv(m, "points.measure.vots"),
                 pv(m, "points.measure.vots_placed"),
                 pv(m, "points.measure.vots_crisis"));
        row(&rows[n++], "measure",
            nl ? "VOTS / met machtiging uithuisplaatsing / met "
                 "crisisplaatsing"
               : "VOTS / with MUHP placement / with crisis placement",
            pts);
    } else {
        snprintf(pts, sizeof pts, "%d", pv(m, "points.measure.vots"));
        row(&rows[n++], "measure", "VOTS", pts);
    }
    snprintf(pts, sizeof pts, "%d / %d / %d", pv(m, "points.measure.ots"),
             pv(m, "points.measure.ots_placed"),
             pv(m, "points.measure.ots_crisis"));
    row(&rows[n++], "measure",
        nl ? "OTS / met machtiging uithuisplaatsing / met crisisplaatsing"
           : "OTS / with MUHP placement / with crisis placement",
        pts);
    snprintf(pts, sizeof pts, "%d / %d / %d", pv(m, "points.measure.voogdij"),
             pv(m, "points.measure.tijdelijke_voogdij"),
             pv(m, "points.measure.voorlopige_voogdij"));
    row(&rows[n++], "measure",
        "voogdij / tijdelijke voogdij / voorlopige voogdij", pts);
    snprintf(pts, sizeof pts, "%d / %d / %d / %d",
             pv(m, "points.measure.jr_high"), pv(m, "points.measure.jr_medium"),
             pv(m, "points.measure.jr_unknown"),
             pv(m, "points.measure.jr_low"));
    row(&rows[n++], "measure",
        nl ? "jeugdreclassering naar LIJ-risiconiveau hoog / midden / "
             "onbekend / laag (nooit naar soort jeugdreclassering)"
           : "jeugdreclassering by LIJ risk level high / medium / unknown "
             "/ low (never by kind of jeugdreclassering)",
        pts);
    snprintf(rule, sizeof rule,
             nl ? "werkdagen sinds begin wachten: t/m %d / %d-%d / %d-%d / "
                  "meer dan %d"
                : "werkdagen since the wait began: up to %d / %d-%d / "
                  "%d-%d / more than %d",
             b1, b1 + 1, b2, b2 + 1, b3, b3);
    snprintf(pts, sizeof pts, "%d / %d / %d / %d", pv(m, "points.time.0_5"),
             pv(m, "points.time.6_30"), pv(m, "points.time.31_65"),
             pv(m, "points.time.over_65"));
    row(&rows[n++], "time_waited", rule, pts);
    snprintf(pts, sizeof pts, "%d", pv(m, "points.bestaand"));
    row(&rows[n++], "bestaand",
        nl ? "eerdere jeugdbeschermer weggevallen"
           : "the child had a jeugdbeschermer who dropped out",
        pts);
    if (v2) {
        int a0 = pv(m, "age.boundary0");
        snprintf(rule, sizeof rule,
                 nl ? "ongeboren of jonger dan %d / jonger dan %d / jonger "
                      "dan %d / ouder / onbekend"
                    : "unborn or younger than %d / younger than %d / "
                      "younger than %d / older / unknown",
                 a0, a1, a2);
        snprintf(pts, sizeof pts, "%d / %d / %d / %d / %d",
                 pv(m, "points.age.under_1"), pv(m, "points.age.under_4"),
                 pv(m, "points.age.4_11"), pv(m, "points.age.12_plus"),
                 pv(m, "points.age.unknown"));
    } else {
        snprintf(rule, sizeof rule,
                 nl ? "jonger dan %d / jonger dan %d / ouder / onbekend"
                    : "younger than %d / younger than %d / older / unknown",
                 a1, a2);
        snprintf(pts, sizeof pts, "%d / %d / %d / %d",
                 pv(m, "points.age.under_4"), pv(m, "points.age.4_11"),
                 pv(m, "points.age.12_plus"), pv(m, "points.age.unknown"));
    }
    row(&rows[n++], "age", rule, pts);
    snprintf(rule, sizeof rule,
             v2 ? (nl ? "werkdagen sinds het laatste vastgelegde contact: "
                        "meer dan %d / meer dan %d"
                      : "werkdagen since the last recorded contact: more "
                        "than %d / more than %d")
                : (nl ? "werkdagen sinds het laatste contact (of begin "
                        "wachten): meer dan %d / meer dan %d"
                      : "werkdagen since the last contact (or the wait "
                        "start): more than %d / more than %d"),
             pv(m, "no_contact.threshold2"), pv(m, "no_contact.threshold1"));
    snprintf(pts, sizeof pts, "%d / %d", pv(m, "points.no_contact.over_20"),
             pv(m, "points.no_contact.over_10"));
    row(&rows[n++], "no_contact", rule, pts);
    snprintf(rule, sizeof rule,
             nl ? "%d of meer eerdere jeugdbeschermers"
                : "%d or more earlier workers",
             pv(m, "handovers.min"));
    snprintf(pts, sizeof pts, "%d", pv(m, "points.handovers"));
    row(&rows[n++], "handovers", rule, pts);
    if (v2) {
        snprintf(pts, sizeof pts, "%d / %d / %d", pv(m, "points.other_help.no"),
                 pv(m, "points.other_help.unknown"),
                 pv(m, "points.other_help.yes"));
        row(&rows[n++], "other_help",
            nl ? "andere hulp betrokken: nee / onbekend / ja"
               : "other help involved: no / unknown / yes",
            pts);
        snprintf(pts, sizeof pts, "%d / %d / %d",
                 pv(m, "points.domestic_violence.yes"),
                 pv(m, "points.domestic_violence.unknown"),
                 pv(m, "points.domestic_violence.no"));
        row(&rows[n++], "domestic_violence",
            nl ? "huiselijk geweld: ja / onbekend / nee"
               : "domestic violence: yes / unknown / no",
            pts);
        snprintf(rule, sizeof rule,
                 nl ? "werkdagen tot het einde van de termijn van de "
                      "maatregel: verstreken of t/m %d / t/m %d / later"
                    : "werkdagen to the end of the measure's term: passed "
                      "or up to %d / up to %d / later",
                 pv(m, "term_end.threshold1"), pv(m, "term_end.threshold2"));
        snprintf(pts, sizeof pts, "%d / %d / 0", pv(m, "points.term_end.near"),
                 pv(m, "points.term_end.soon"));
        row(&rows[n++], "term_end", rule, pts);
    }
    return n;
}

#define ITEM_ROWS_MAX 20

/* "werkdag" or "werkdagen". */
static const char *wd(int n)
{
    return n == 1 ? "werkdag" : "werkdagen";
}

static void bands_table(jbw__buf *b, const jbw_waitrisk_model *m)
{
    int a = pv(m, "band.acuut.min"), h = pv(m, "band.hoog.min");
    int md = pv(m, "band.midden.min");
    int ca = pv(m, "contact.acuut"), ch = pv(m, "contact.hoog");
    int cm = pv(m, "contact.midden"), cl = pv(m, "contact.laag");
    jbw__buf_puts(b, "| band | points | contact every |\n|---|---|---|\n");
    jbw__buf_printf(b, "| **acuut** | safety acute, or %d or more | %d %s |\n",
                    a, ca, wd(ca));
    jbw__buf_printf(b, "| **hoog** | %d-%d | %d %s |\n", h, a - 1, ch, wd(ch));
    jbw__buf_printf(b, "| **midden** | %d-%d | %d %s |\n", md, h - 1, cm,
                    wd(cm));
    jbw__buf_printf(b, "| **laag** | fewer than %d | %d %s |\n", md, cl,
                    wd(cl));
}

static jbw_status check_model(const void *out, const jbw_waitrisk_model *m,
                              const char *fn)
{
    if (!out || !m)
        return jbw__error(JBW_EINVAL, "%s: %s is NULL", fn,
                          out ? "model" : "out");
    return JBW_OK;
}

/*
 * The library's own jbw-wachtrisico of some version: a model file that
 * keeps the default's name and version must keep its values too
 * (jbw_waitrisk_model_parse), so name and version say it.
 */
static int is_own_model(const jbw_waitrisk_model *m)
{
    return strcmp(jbw_waitrisk_model_name(m), WR_DEFAULT_NAME) == 0 &&
           jbw_waitrisk_model_version(m) == jbw_waitrisk_model_base_version(m);
}

jbw_status jbw_waitrisk_model_card(char **out, size_t *len,
                                   const jbw_waitrisk_model *model)
{
    jbw__buf b = JBW__BUF_INIT;
    item_row rows[ITEM_ROWS_MAX];
    size_t n, i;
    const char *desc;
    jbw_status st = check_model(out, model, "jbw_waitrisk_model_card");
    if (st != JBW_OK)
        return st;
    jbw__buf_printf(&b, "# Model card: `%s` version %d\n\n",
                    jbw_waitrisk_model_name(model),
                    jbw_waitrisk_model_version(model));
    if (is_own_model(model))
        jbw__buf_puts(&b, "The model libjbw ships, with its own points.");
    else
        jbw__buf_printf(&b, "Builds on libjbw's `%s` version %d.",
                        WR_DEFAULT_NAME,
                        jbw_waitrisk_model_base_version(model));
    desc = model->description;
    if (desc && desc[0])
        jbw__buf_printf(&b, " Description: %s", desc);
    jbw__buf_puts(
        &b,
        "\n\nAn explainable points checklist. It orders a waiting list of "
        "children who have a\nmeasure but no fixed jeugdbeschermer, sets "
        "how often each of them is contacted\nwhile they wait, and feeds a "
        "proposal of who takes whom. It supports the people\nwho decide; "
        "it decides nothing. No national framework publishes points: every\n"
        "point and threshold below is a judgement of the model's authors "
        "(for\njbw-wachtrisico, libjbw's own). The rationale and public "
        "source of each rule are\nin libjbw's docs/model-card.md and "
        "docs/sources.md.\n\n## Items\n\nWerkdagen of the CAO Jeugdzorg "
        "calendar. The total is the sum of the items.\n\n| item | rule | "
        "points |\n|---|---|---|\n");
    n = item_rows(rows, model, JBW_LANG_EN);
    for (i = 0; i < n; i++)
        jbw__buf_printf(&b, "| `%s` | %s | %s |\n", rows[i].code, rows[i].rule,
                        rows[i].points);
    jbw__buf_puts(&b, "\n## Bands and contact\n\n");
    bands_table(&b, model);
    jbw__buf_puts(
        &b, "\nThe next contact is due the band's interval after the last "
            "contact (or the wait\nstart), never before the date itself. "
            "Ranking: band, then points, then werkdagen\nwaited, then id.\n\n"
            "## Human involvement\n\nA person can override the band with a "
            "written reason (`override_band`,\n`override_reason`); the score "
            "stays visible and every output shows the\ncomputed band, the "
            "override and the reason. The allocation is a proposal: it\n"
            "records nothing; the team lead and the allocation meeting "
            "(toewijzingsoverleg)\ndecide.\n\n## Inputs it refuses\n\n"
            "Protected attributes (nationality, ethnicity, religion, country "
            "of birth,\nmigration background, race, skin colour) do not exist "
            "as inputs; a model file\nthat names one is refused. No item gives "
            "points by the kind of\njeugdreclassering.\n");
    return jbw__wr_finish(&b, out, len);
}

/* ---- the register entry ------------------------------------------------ */

typedef struct reg_field {
    const char *key;   /* JSON key */
    const char *label; /* the field's name in the standard */
    int by_model;      /* 1: filled from the model; 0: by the organisation */
    const char *note;  /* what the organisation fills in (by_model 0) */
} reg_field;

static const reg_field reg_fields[] = {
    {"naam", "Naam", 1, NULL},
    {"korte_omschrijving", "Korte omschrijving", 1, NULL},
    {"organisatie", "Organisatie", 0,
     "de volledige naam van de organisatie die het model inzet"},
    {"thema", "Thema", 0, "het beleidsterrein (TOP-lijst)"},
    {"status", "Status", 0, "in ontwikkeling, in gebruik of buiten gebruik"},
    {"begindatum", "Begindatum", 0, "maand van ingebruikname (jjjj-mm)"},
    {"einddatum", "Einddatum", 0, "leeg zolang het model in gebruik is"},
    {"contactgegevens", "Contactgegevens", 0,
     "e-mailadres of website voor vragen over het model en de uitkomsten"},
    {"link_naar_publiekspagina", "Link naar publiekspagina", 0, NULL},
    {"publicatiecategorie", "Publicatiecategorie", 0,
     "volgens de handreiking; het model ordent kinderen op een wachtlijst"},
    {"link_naar_bronregistratie", "Link naar bronregistratie", 0, NULL},
    {"doel_en_impact", "Doel en impact", 1, NULL},
    {"afwegingen", "Afwegingen", 0,
     "voor- en nadelen, overwogen alternatieven (zoals volgorde van "
     "binnenkomst) en waarom de inzet gerechtvaardigd is"},
    {"menselijke_tussenkomst", "Menselijke tussenkomst", 1, NULL},
    {"risicobeheer", "Risicobeheer", 1, NULL},
    {"wettelijke_basis", "Wettelijke basis", 0,
     "de wettelijke grondslag van het proces (taken van de gecertificeerde "
     "instelling)"},
    {"link_naar_wettelijke_basis", "Link naar wettelijke basis", 0, NULL},
    {"titel_van_wettelijke_basis", "Titel van wettelijke basis", 0, NULL},
    {"verwerkingsregister", "Verwerkingsregister", 0, NULL},
    {"impacttoetsen", "Impacttoets(en)", 0,
     "stand van de DPIA (AVG art. 35) en de IAMA"},
    {"link_naar_impacttoets", "Link naar impacttoets", 0, NULL},
    {"toelichting_op_impacttoetsen", "Toelichting op impacttoetsen", 0, NULL},
    {"gegevens", "Gegevens", 1, NULL},
    {"link_naar_gegevensbron", "Link naar gegevensbron", 0, NULL},
    {"titel_van_gegevensbron", "Titel van gegevensbron", 0, NULL},
    {"technische_werking", "Technische werking", 1, NULL},
    {"leverancier", "Leverancier", 1, NULL},
    {"link_naar_broncode", "Link naar broncode", 0,
     "waar de gebruikte versie van libjbw (MIT-licentie) en het "
     "modelbestand staan"},
    {"taal", "Taal", 1, NULL},
    {"schema", "Schema", 1, NULL},
    {"bron_id", "Bron-ID", 0, NULL},
    {"zoektermen", "Zoektermen", 1, NULL},
};

#define REG_FIELDS  (sizeof reg_fields / sizeof *reg_fields)
#define REG_TO_FILL "In te vullen door de organisatie"

/* The value of a field the model fills, into v. */
static void reg_value(jbw__buf *v, const jbw_waitrisk_model *m, const char *key)
{
    const char *name = jbw_waitrisk_model_name(m);
    int version = jbw_waitrisk_model_version(m);
    int base = jbw_waitrisk_model_base_version(m);
    if (strcmp(key, "naam") == 0) {
        jbw__buf_printf(v, "Wachtrisico jeugdbescherming (%s versie %d)", name,
                        version);
    } else if (strcmp(key, "korte_omschrijving") == 0) {
        jbw__buf_puts(v, "Een uitlegbare puntenlijst die de wachtlijst van "
                         "kinderen met een maatregel zonder vaste "
                         "jeugdbeschermer ordent, per kind zegt hoe vaak er "
                         "contact moet zijn tijdens het wachten, en voorstelt "
                         "wie welk kind krijgt. Mensen beslissen.");
    } else if (strcmp(key, "doel_en_impact") == 0) {
        jbw__buf_puts(v, "Doel: dat de kinderen voor wie wachten het meest "
                         "schadelijk kan zijn als eerste een vaste "
                         "jeugdbeschermer krijgen, en dat geen wachtend kind "
                         "uit beeld raakt. Impact: de plaats van een kind op "
                         "de wachtlijst en hoe vaak er contact is tijdens het "
                         "wachten hangen mede af van de score; ouders en "
                         "kinderen merken dat aan de volgorde waarin zij "
                         "geholpen worden.");
    } else if (strcmp(key, "menselijke_tussenkomst") == 0) {
        jbw__buf_puts(v, "De score is een voorstel met uitleg: elke score "
                         "toont de punten per onderdeel met een reden. Een "
                         "medewerker kan de band overschrijven met een "
                         "schriftelijke reden (override_band, "
                         "override_reason); zonder reden wordt de invoer "
                         "geweigerd. De volgorde gebruikt de overschreven "
                         "band; de berekende band, de overschrijving en de "
                         "reden blijven zichtbaar. De toewijzing is een "
                         "voorstel dat niets vastlegt; de teamleider en het "
                         "toewijzingsoverleg beslissen. Omdat een score die "
                         "doorslaggevend is zelf een geautomatiseerd besluit "
                         "kan zijn (AVG art. 22; HvJ EU C-634/21 SCHUFA, "
                         "7-12-2023), moet de menselijke beoordeling echt "
                         "zijn en worden vastgelegd.");
    } else if (strcmp(key, "risicobeheer") == 0) {
        jbw__buf_puts(v, "Bekende risico's en grenzen: de punten zijn een "
                         "oordeel, niet geschat of gevalideerd op uitkomsten; "
                         "geen landelijk kader publiceert punten. Het model "
                         "ziet alleen wat is vastgelegd en erft fouten en "
                         "vooroordelen van de veiligheidstaxatie en het "
                         "LIJ-risiconiveau. Andere gegevens kunnen samenhangen "
                         "met beschermde kenmerken (proxy's). Maatregelen: "
                         "beschermde kenmerken (nationaliteit, etniciteit, "
                         "religie, geboorteland, migratieachtergrond) bestaan "
                         "niet als invoer en een modelbestand dat ze noemt "
                         "wordt geweigerd; geen punten naar soort "
                         "jeugdreclassering (CRIEM is een proxy voor "
                         "afkomst); elke score draagt naam en versie van het "
                         "model en eerdere versies blijven reproduceerbaar; "
                         "ook laag gerangschikte kinderen krijgen "
                         "regelmatig contact.");
    } else if (strcmp(key, "gegevens") == 0) {
        jbw__buf_puts(v, "Per maatregel: soort maatregel, uitkomst van de "
                         "veiligheidstaxatie, uithuisplaatsing, "
                         "LIJ-risiconiveau (jeugdreclassering), begin van het "
                         "wachten, geboortedatum, laatste contact, aantal "
                         "eerdere jeugdbeschermers");
        if (base >= 2)
            jbw__buf_puts(v, ", veiligheidsplan, andere hulp betrokken, "
                             "huiselijk geweld, einde termijn");
        jbw__buf_puts(v, ", overschrijving met reden. Pseudoniemen in plaats "
                         "van namen; geen BSN. Niet gebruikt en geweigerd: "
                         "nationaliteit, etniciteit, religie, geboorteland, "
                         "migratieachtergrond.");
    } else if (strcmp(key, "technische_werking") == 0) {
        item_row rows[ITEM_ROWS_MAX];
        size_t n = item_rows(rows, m, JBW_LANG_NL), i;
        if (is_own_model(m))
            jbw__buf_printf(v,
                            "Puntenlijst %s versie %d (het model van "
                            "libjbw). Onderdelen:",
                            name, version);
        else
            jbw__buf_printf(v,
                            "Puntenlijst %s versie %d (bouwt op "
                            "jbw-wachtrisico versie %d). Onderdelen:",
                            name, version, base);
        for (i = 0; i < n; i++)
            jbw__buf_printf(v, " %s: %s: %s;", rows[i].code, rows[i].rule,
                            rows[i].points);
        jbw__buf_printf(v,
                        " het totaal is de som. Banden: acuut bij directe "
                        "onveiligheid of vanaf %d punten, hoog vanaf %d, "
                        "midden vanaf %d, anders laag; contact elke %d / "
                        "%d / %d / %d werkdagen.",
                        pv(m, "band.acuut.min"), pv(m, "band.hoog.min"),
                        pv(m, "band.midden.min"), pv(m, "contact.acuut"),
                        pv(m, "contact.hoog"), pv(m, "contact.midden"),
                        pv(m, "contact.laag"));
    } else if (strcmp(key, "leverancier") == 0) {
        jbw__buf_printf(v, "libjbw %s (open source, MIT-licentie)",
                        jbw_version());
    } else if (strcmp(key, "taal") == 0) {
        jbw__buf_puts(v, "Nederlands");
    } else if (strcmp(key, "schema") == 0) {
        jbw__buf_puts(v, REG_STANDARD " " REG_STANDARD_VERSION);
    } else if (strcmp(key, "zoektermen") == 0) {
        jbw__buf_puts(v, "jeugdbescherming, jeugdreclassering, wachtlijst, "
                         "schadelijk wachten, gecertificeerde instelling");
    }
}

static void reg_json(jbw__buf *b, const jbw_waitrisk_model *m)
{
    size_t i;
    jbw__buf_puts(b, "{\"standard\":{\"name\":\"" REG_STANDARD
                     "\",\"version\":\"" REG_STANDARD_VERSION "\"},");
    jbw__wr_json_model(b, m);
    jbw__buf_puts(b, ",\"fields\":[");
    for (i = 0; i < REG_FIELDS; i++) {
        const reg_field *f = &reg_fields[i];
        jbw__buf v = JBW__BUF_INIT;
        jbw__row w;
        if (f->by_model)
            reg_value(&v, m, f->key);
        if (v.failed)
            b->failed = 1;
        jbw__buf_puts(b, i ? ",{" : "{");
        jbw__row_init(&w, b, JBW__ROW_JSON, 0);
        jbw__row_text(&w, "key", f->key);
        jbw__row_text(&w, "label", f->label);
        jbw__row_text(&w, "fill_by", f->by_model ? "model" : "organisation");
        jbw__row_text(&w, "value", f->by_model ? (v.data ? v.data : "") : NULL);
        if (!f->by_model)
            jbw__row_text(&w, "note", f->note ? f->note : REG_TO_FILL);
        jbw__buf_free(&v);
        jbw__buf_putc(b, '}');
    }
    jbw__buf_puts(b, "]}\n");
}

static void reg_markdown(jbw__buf *b, const jbw_waitrisk_model *m)
{
    size_t i;
    jbw__buf_printf(
        b,
        "# Algoritmeregister: %s versie %d\n\nVelden van de " REG_STANDARD
        " " REG_STANDARD_VERSION
        ", gemaakt uit het model zelf.\nVelden met \"" REG_TO_FILL
        "\" vult de organisatie in.\n",
        jbw_waitrisk_model_name(m), jbw_waitrisk_model_version(m));
    for (i = 0; i < REG_FIELDS; i++) {
        const reg_field *f = &reg_fields[i];
        jbw__buf_printf(b, "\n## %s\n\n", f->label);
        if (f->by_model) {
            reg_value(b, m, f->key);
            jbw__buf_putc(b, '\n');
        } else if (f->note) {
            jbw__buf_printf(b, "*" REG_TO_FILL ":* %s.\n", f->note);
        } else {
            jbw__buf_puts(b, "*" REG_TO_FILL ".*\n");
        }
    }
}

jbw_status jbw_waitrisk_model_register(char **out, size_t *len,
                                       const jbw_waitrisk_model *model,
                                       jbw_model_format format)
{
    jbw__buf b = JBW__BUF_INIT;
    jbw_status st = check_model(out, model, "jbw_waitrisk_model_register");
    if (st != JBW_OK)
        return st;
    if (format == JBW_MODEL_FORMAT_JSON)
        reg_json(&b, model);
    else if (format == JBW_MODEL_FORMAT_MARKDOWN)
        reg_markdown(&b, model);
    else
        return jbw__error(JBW_EINVAL,
                          "jbw_waitrisk_model_register: format %d is not "
                          "JBW_MODEL_FORMAT_JSON or JBW_MODEL_FORMAT_MARKDOWN",
                          (int)format);
    return jbw__wr_finish(&b, out, len);
}
