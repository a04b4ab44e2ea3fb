/*
 * libjbw - the reason text of a score, in Dutch or English.
 */
#include "waitrisk/waitrisk_internal.h"

#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* Reasons                                                                 */
/* ====================================================================== */

/* "1 werkdag" / "34 werkdagen", "1 working day" / "34 working days". */
static const char *workdays_word(int32_t n, jbw_lang lang)
{
    if (lang == JBW_LANG_NL)
        return n == 1 ? "werkdag" : "werkdagen";
    return n == 1 ? "working day" : "working days";
}

/* The norm a default time boundary stands for (docs/sources.md), or NULL when
 * a model moved the boundary. */
static const char *time_norm(int param, int value, jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    if (param == WR_T_TIME_1 && value == 5)
        return nl ? "5 werkdagen (norm eerste contact)"
                  : "5 working days (first contact norm)";
    if (param == WR_T_TIME_2 && value == 30)
        return nl ? "6 weken (norm plan van aanpak)"
                  : "6 weeks (plan of action norm)";
    if (param == WR_T_TIME_3 && value == 65)
        return nl ? "3 maanden (norm passende hulp)"
                  : "3 months (suitable help norm)";
    return NULL;
}

static void reason_time(char *r, const jbw_waitrisk_model *m,
                        const jbw_score *s, jbw_lang lang)
{
    int32_t w = s->workdays_waiting;
    int nl = lang == JBW_LANG_NL, param;
    const char *norm;
    char bound[64];
    if (w > m->v[WR_T_TIME_3])
        param = WR_T_TIME_3;
    else if (w > m->v[WR_T_TIME_2])
        param = WR_T_TIME_2;
    else if (w > m->v[WR_T_TIME_1])
        param = WR_T_TIME_1;
    else {
        snprintf(r, WR_REASON_SIZE,
                 nl ? "wacht %ld %s: binnen %d werkdagen"
                    : "waiting %ld %s: within %d working days",
                 (long)w, workdays_word(w, lang), m->v[WR_T_TIME_1]);
        return;
    }
    norm = time_norm(param, m->v[param], lang);
    if (!norm) {
        snprintf(bound, sizeof bound, nl ? "%d werkdagen" : "%d working days",
                 m->v[param]);
        norm = bound;
    }
    snprintf(r, WR_REASON_SIZE,
             nl ? "wacht %ld %s: langer dan %s"
                : "waiting %ld %s: longer than %s",
             (long)w, workdays_word(w, lang), norm);
}

static const char *reason_safety(jbw_safety safety, jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    switch (safety) {
    case JBW_SAFETY_UNSAFE:
        return nl ? "veiligheid: structureel onveilig"
                  : "safety: structurally unsafe";
    case JBW_SAFETY_CONCERNS:
        return nl ? "veiligheid: zorgen over de veiligheid"
                  : "safety: concerns about safety";
    case JBW_SAFETY_UNKNOWN:
        return nl ? "veiligheid: nog niet beoordeeld"
                  : "safety: not yet assessed";
    case JBW_SAFETY_SAFE:
        return nl ? "veiligheid: veilig" : "safety: safe";
    default:
        return "";
    }
}

/* The measure reasons of version 2: no cabinet rule (it is about youth
 * care, not about a jeugdbeschermer), and voogdij without a voogd. NULL
 * for the rules whose reason version 1 already gives right. */
static const char *reason_measure_v2(int param, jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    switch (param) {
    case WR_P_VOTS_PLACED:
        return nl ? "VOTS met machtiging uithuisplaatsing: spoedmaatregel "
                    "en een plaatsing"
                  : "VOTS with out-of-home placement (MUHP): emergency "
                    "measure and a placement";
    case WR_P_VOTS_CRISIS:
        return nl ? "VOTS met crisisplaatsing: spoedmaatregel en een "
                    "plaatsing"
                  : "VOTS with crisis placement: emergency measure and a "
                    "placement";
    case WR_P_OTS_PLACED:
        return nl ? "OTS met machtiging uithuisplaatsing: een plaatsing met "
                    "eigen termijn"
                  : "OTS with out-of-home placement (MUHP): a placement with "
                    "its own term";
    case WR_P_OTS_CRISIS:
        return nl ? "OTS met crisisplaatsing: een plaatsing met eigen "
                    "besluiten"
                  : "OTS with crisis placement: a placement with its own "
                    "decisions";
    case WR_P_OTS:
        return nl ? "OTS: de kinderrechter zag de ontwikkeling ernstig "
                    "bedreigd"
                  : "OTS: a judge found the child's development seriously "
                    "threatened";
    case WR_P_VOOGDIJ:
        return nl ? "voogdij: geen voogd die het gezag uitoefent"
                  : "voogdij: no voogd exercising the authority";
    case WR_P_TIJDELIJKE_VOOGDIJ:
        return nl ? "tijdelijke voogdij: geen voogd die het gezag uitoefent"
                  : "tijdelijke voogdij: no voogd exercising the authority";
    case WR_P_VOORLOPIGE_VOOGDIJ:
        return nl ? "voorlopige voogdij: spoedmaatregel, geen voogd die het "
                    "gezag uitoefent"
                  : "voorlopige voogdij: emergency measure, no voogd "
                    "exercising the authority";
    default:
        return NULL;
    }
}

static const char *reason_measure(const jbw_waitrisk_model *m,
                                  const jbw_wait_case *c, jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    int param =
        jbw__wr_measure_param(m->base, c->kind, c->placement, c->jr_risk);
    if (m->base >= 2) {
        const char *r = reason_measure_v2(param, lang);
        if (r)
            return r;
    }
    switch (param) {
    case WR_P_VOTS:
        return nl ? "VOTS: spoedmaatregel vraagt directe inzet"
                  : "VOTS: emergency measure demands immediate deployment";
    case WR_P_VOORLOPIGE_VOOGDIJ:
        return nl ? "voorlopige voogdij: spoedmaatregel vraagt directe inzet"
                  : "voorlopige voogdij: emergency measure demands immediate "
                    "deployment";
    case WR_P_OTS_PLACED:
        return nl ? "OTS met machtiging uithuisplaatsing: voorrang (kabinet, "
                    "nov. 2022)"
                  : "OTS with out-of-home placement (MUHP): priority (cabinet, "
                    "Nov 2022)";
    case WR_P_OTS_CRISIS:
        return nl ? "OTS met crisisplaatsing: voorrang (kabinet, nov. 2022)"
                  : "OTS with crisis placement: priority (cabinet, Nov 2022)";
    case WR_P_OTS:
        return nl ? "OTS: voorrang voor kinderen onder toezicht (kabinet, "
                    "nov. 2022)"
                  : "OTS: priority for children under supervision (cabinet, "
                    "Nov 2022)";
    case WR_P_VOOGDIJ:
        return nl ? "voogdij: de GI is voogd" : "voogdij: the GI is guardian";
    case WR_P_TIJDELIJKE_VOOGDIJ:
        return nl ? "tijdelijke voogdij: de GI is tijdelijk voogd"
                  : "tijdelijke voogdij: the GI is temporary guardian";
    case WR_P_JR_HIGH:
        return nl ? "jeugdreclassering: risico hoog (LIJ)"
                  : "jeugdreclassering: risk level high (LIJ)";
    case WR_P_JR_MEDIUM:
        return nl ? "jeugdreclassering: risico midden (LIJ)"
                  : "jeugdreclassering: risk level medium (LIJ)";
    case WR_P_JR_LOW:
        return nl ? "jeugdreclassering: risico laag (LIJ)"
                  : "jeugdreclassering: risk level low (LIJ)";
    default:
        return nl ? "jeugdreclassering: risico niet vastgesteld"
                  : "jeugdreclassering: risk level not assessed";
    }
}

static void reason_age(char *r, const jbw_waitrisk_model *m, const jbw_score *s,
                       jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    long age = (long)s->age_years;
    if (age == JBW_AGE_UNBORN)
        snprintf(r, WR_REASON_SIZE, "%s",
                 nl ? "ongeboren kind: de jongste groep"
                    : "unborn child: the youngest band");
    else if (m->base >= 2 && age >= 0 && age < m->v[WR_T_AGE_0])
        snprintf(r, WR_REASON_SIZE,
                 nl ? "leeftijd %ld jaar: jonger dan %d (zuigeling)"
                    : "age %ld: younger than %d (infant)",
                 age, m->v[WR_T_AGE_0]);
    else if (age < 0)
        snprintf(r, WR_REASON_SIZE, nl ? "leeftijd onbekend" : "age unknown");
    else if (age < m->v[WR_T_AGE_1] || age < m->v[WR_T_AGE_2])
        snprintf(r, WR_REASON_SIZE,
                 nl ? "leeftijd %ld jaar: jonger dan %d"
                    : "age %ld: younger than %d",
                 age,
                 age < m->v[WR_T_AGE_1] ? m->v[WR_T_AGE_1] : m->v[WR_T_AGE_2]);
    else
        snprintf(r, WR_REASON_SIZE,
                 nl ? "leeftijd %ld jaar: %d of ouder" : "age %ld: %d or older",
                 age, m->v[WR_T_AGE_2]);
}

/* The reason of a yes/no/unknown item: [unknown, no, yes] per language. */
static const char *reason_yesno(const char *const nl3[3],
                                const char *const en3[3], jbw_yesno v,
                                jbw_lang lang)
{
    return lang == JBW_LANG_NL ? nl3[v] : en3[v];
}

static const char *const plan_nl[3] = {
    "veiligheid: onbekend of er veiligheidsafspraken zijn",
    "veiligheid: geen veiligheidsafspraken of veiligheidsplan",
    "veiligheid: veiligheidsplan aanwezig"};
static const char *const plan_en[3] = {
    "safety: not known whether there is a safety plan",
    "safety: no safety agreements or safety plan",
    "safety: a safety plan is in place"};
static const char *const help_nl[3] = {"onbekend of andere hulp betrokken is",
                                       "geen andere hulp betrokken",
                                       "andere hulp betrokken"};
static const char *const help_en[3] = {
    "not known whether other help is involved", "no other help involved",
    "other help involved"};
static const char *const dv_nl[3] = {"onbekend of er huiselijk geweld is",
                                     "geen huiselijk geweld",
                                     "huiselijk geweld"};
static const char *const dv_en[3] = {
    "not known whether there is domestic violence", "no domestic violence",
    "domestic violence"};

static void reason_term(char *r, const jbw_waitrisk_model *m,
                        const jbw_wait_case *c, const jbw_score *s,
                        jbw_lang lang)
{
    char end[JBW_DATE_BUFSIZE];
    int nl = lang == JBW_LANG_NL;
    jbw__wr_fmt_date(end, c->term_end);
    if (s->item_points[JBW_ITEM_TERM_END] == m->v[WR_P_TERM_NEAR])
        snprintf(r, WR_REASON_SIZE,
                 nl ? "termijn van de maatregel eindigt %s: binnen %d "
                      "werkdagen of verstreken, verlenging tijdig vragen"
                    : "the measure's term ends %s: within %d working days "
                      "or passed, request an extension in time",
                 end, m->v[WR_T_TERM_1]);
    else
        snprintf(r, WR_REASON_SIZE,
                 nl ? "termijn van de maatregel eindigt %s: binnen %d "
                      "werkdagen"
                    : "the measure's term ends %s: within %d working days",
                 end, m->v[WR_T_TERM_2]);
}

/* Writes the reason of one item into r (WR_REASON_SIZE bytes); "" when
 * the item did not score. Arguments are trusted. */
void jbw__wr_reason(char *r, const jbw_waitrisk_model *m,
                    const jbw_wait_case *c, const jbw_score *s, jbw_item item,
                    jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    /* the worker of a jeugdreclassering measure is a jeugdreclasseerder
     * (model version 2 on; version 1's texts stay as 0.1.0 wrote them) */
    int jr = m->base >= 2 && jbw_kind_domain(c->kind) == JBW_DOMAIN_JR;
    int32_t n;
    r[0] = '\0';
    if (s->item_points[item] == 0)
        return;
    switch (item) {
    case JBW_ITEM_ACUTE:
        snprintf(r, WR_REASON_SIZE, "%s",
                 nl ? "directe onveiligheid: noodoplossing dezelfde werkdag, "
                      "band acuut"
                    : "directe onveiligheid (acute danger): emergency solution "
                      "the same working day, band acuut");
        break;
    case JBW_ITEM_SAFETY:
        snprintf(r, WR_REASON_SIZE, "%s", reason_safety(c->safety, lang));
        break;
    case JBW_ITEM_MEASURE:
        snprintf(r, WR_REASON_SIZE, "%s", reason_measure(m, c, lang));
        break;
    case JBW_ITEM_TIME_WAITED:
        reason_time(r, m, s, lang);
        break;
    case JBW_ITEM_BESTAAND:
        snprintf(r, WR_REASON_SIZE, "%s",
                 nl ? (jr ? "bestaand: jeugdreclasseerder weggevallen"
                          : "bestaand: jeugdbeschermer weggevallen")
                    : (jr ? "bestaand: the jeugdreclasseerder dropped out"
                          : "bestaand: the jeugdbeschermer dropped out"));
        break;
    case JBW_ITEM_AGE:
        reason_age(r, m, s, lang);
        break;
    case JBW_ITEM_NO_CONTACT:
        n = s->workdays_no_contact;
        if (c->last_contact != JBW_DATE_NONE)
            snprintf(r, WR_REASON_SIZE,
                     nl ? "geen contact sinds %ld %s" : "no contact for %ld %s",
                     (long)n, workdays_word(n, lang));
        else
            snprintf(r, WR_REASON_SIZE,
                     nl ? "geen contact sinds %ld %s (sinds begin wachten)"
                        : "no contact for %ld %s (since waiting began)",
                     (long)n, workdays_word(n, lang));
        break;
    case JBW_ITEM_HANDOVERS:
        snprintf(r, WR_REASON_SIZE,
                 nl ? (jr ? "%d eerdere jeugdreclasseerders"
                          : "%d eerdere jeugdbeschermers")
                    : (jr ? "%d previous jeugdreclasseerders"
                          : "%d previous jeugdbeschermers"),
                 c->previous_workers);
        break;
    case JBW_ITEM_SAFETY_PLAN:
        snprintf(r, WR_REASON_SIZE, "%s",
                 reason_yesno(plan_nl, plan_en, c->safety_plan, lang));
        break;
    case JBW_ITEM_OTHER_HELP:
        snprintf(r, WR_REASON_SIZE, "%s",
                 reason_yesno(help_nl, help_en, c->other_help, lang));
        break;
    case JBW_ITEM_DOMESTIC_VIOLENCE:
        snprintf(r, WR_REASON_SIZE, "%s",
                 reason_yesno(dv_nl, dv_en, c->domestic_violence, lang));
        break;
    case JBW_ITEM_TERM_END:
        reason_term(r, m, c, s, lang);
        break;
    default:
        break;
    }
}

jbw_status jbw_waitrisk_reason(char *buf, size_t size,
                               const jbw_waitrisk_model *model,
                               const jbw_wait_case *wait_case,
                               const jbw_score *score, jbw_item item,
                               jbw_lang lang)
{
    char r[WR_REASON_SIZE];
    jbw_wait_case full;
    size_t n;
    if (!buf || !model || !wait_case || !score)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_reason: %s is NULL",
                          !buf         ? "buf"
                          : !model     ? "model"
                          : !wait_case ? "wait_case"
                                       : "score");
    if (score->version != JBW_SCORE_VERSION)
        return jbw__error_version(score->version, JBW_SCORE_VERSION,
                                  JBW_SCORE_VERSION,
                                  "jbw_waitrisk_reason: score");
    if (wait_case->version - 1u > (unsigned)JBW_WAIT_CASE_VERSION - 1u)
        return jbw__error_version(wait_case->version, 1, JBW_WAIT_CASE_VERSION,
                                  "jbw_waitrisk_reason: wait case");
    if ((unsigned)item >= (unsigned)JBW_ITEM_COUNT)
        return jbw__error(JBW_EINVAL,
                          "jbw_waitrisk_reason: item %d is not "
                          "an item (0..%d)",
                          (int)item, JBW_ITEM_COUNT - 1);
    if (lang != JBW_LANG_NL && lang != JBW_LANG_EN)
        return jbw__error(JBW_EINVAL,
                          "jbw_waitrisk_reason: language %d is "
                          "not JBW_LANG_NL or JBW_LANG_EN",
                          (int)lang);
    if ((unsigned)wait_case->kind >= (unsigned)JBW_KIND_COUNT ||
        (unsigned)wait_case->safety > (unsigned)JBW_SAFETY_ACUTE ||
        (unsigned)wait_case->placement > (unsigned)JBW_PLACEMENT_CRISIS ||
        (unsigned)wait_case->jr_risk > (unsigned)JBW_JR_RISK_HIGH)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_reason: the wait case has "
                                      "a kind, safety, placement or jr_risk "
                                      "out of range");
    wait_case = jbw__wr_case_full(&full, wait_case);
    if ((unsigned)wait_case->safety_plan > (unsigned)JBW_YESNO_YES ||
        (unsigned)wait_case->other_help > (unsigned)JBW_YESNO_YES ||
        (unsigned)wait_case->domestic_violence > (unsigned)JBW_YESNO_YES)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_reason: the wait case has "
                                      "a yes/no value out of range");
    jbw__wr_reason(r, model, wait_case, score, item, lang);
    n = strlen(r);
    if (n + 1 > size)
        return jbw__error(JBW_EBUFFER,
                          "jbw_waitrisk_reason: the reason needs %lu bytes, "
                          "the buffer holds %lu",
                          (unsigned long)(n + 1), (unsigned long)size);
    memcpy(buf, r, n + 1);
    return jbw__ok();
}
