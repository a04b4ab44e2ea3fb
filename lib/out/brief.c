/*
 * The council brief: options, the brief's handle, and the sections on the
 * present (headline figures, the waiting list, the caseload). The coupling
 * norm is in brief_coupling.c; the forecast, the prioritisation and the
 * sources in brief_forecast.c; the document and its HTML/Markdown in
 * brief_doc.c.
 * Aggregates only: nothing here reads a worker's, measure's or child's id.
 */
#include "brief_internal.h"
#include "caseload/caseload_internal.h"
#include "data/example_internal.h"
#include "data/snapshot_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

struct jbw_brief {
    jbw__doc doc;
};

jbw_status jbw_brief_options_init(jbw_brief_options *opts, unsigned int version)
{
    static const jbw_brief_options init = JBW_BRIEF_OPTIONS_INIT;
    if (!opts)
        return jbw__error(JBW_EINVAL, "jbw_brief_options_init: NULL");
    if (version != JBW_BRIEF_OPTIONS_VERSION)
        return jbw__error_version(version, JBW_BRIEF_OPTIONS_VERSION,
                                  JBW_BRIEF_OPTIONS_VERSION,
                                  "jbw_brief_options_init:");
    *opts = init;
    return jbw__ok();
}

static jbw_status check_options(const jbw_brief_options *o)
{
    jbw__publish p;
    const char *fn = "jbw_brief_new";
    if (o->version != JBW_BRIEF_OPTIONS_VERSION)
        return jbw__error_version(o->version, JBW_BRIEF_OPTIONS_VERSION,
                                  JBW_BRIEF_OPTIONS_VERSION, "%s: options", fn);
    if (o->lang != JBW_LANG_NL && o->lang != JBW_LANG_EN)
        return jbw__error(JBW_EINVAL, "%s: language %d is not nl or en", fn,
                          (int)o->lang);
    if (o->scenario_count > JBW_BRIEF_SCENARIOS_MAX ||
        (o->scenario_count && !o->scenarios))
        return jbw__error(JBW_EINVAL,
                          "%s: %zu scenarios (at most %d, and not NULL)", fn,
                          o->scenario_count, JBW_BRIEF_SCENARIOS_MAX);
    if (o->months < 0 || o->months > JBW_FORECAST_MONTHS_MAX)
        return jbw__error(JBW_EINVAL, "%s: months %d is not 0 to %d", fn,
                          (int)o->months, JBW_FORECAST_MONTHS_MAX);
    if (o->replicates > JBW_FORECAST_REPLICATES_MAX)
        return jbw__error(JBW_EINVAL, "%s: replicates %zu is above %d", fn,
                          o->replicates, JBW_FORECAST_REPLICATES_MAX);
    if (o->relief_months < 1 || o->relief_months > JBW_FORECAST_MONTHS_MAX)
        return jbw__error(JBW_EINVAL, "%s: relief_months %d is not 1 to %d", fn,
                          (int)o->relief_months, JBW_FORECAST_MONTHS_MAX);
    if (!(o->relief_target >= 0) || !isfinite(o->relief_target))
        return jbw__error(JBW_EINVAL, "%s: relief_target must be >= 0", fn);
    if (!(o->queue_percent > 0 && o->queue_percent < 100))
        return jbw__error(JBW_EINVAL,
                          "%s: queue_percent must lie between 0 and 100", fn);
    p.suppress_below = o->suppress_below;
    p.round_to = o->round_to;
    return jbw__publish_check(&p, fn);
}

/* ---- small formatting helpers -------------------------------------------- */

typedef char fmtbuf[JBW__FMT_SIZE];

/* A count in a table's cell: a hidden one reads "< 5". */
static const char *count(fmtbuf buf, const jbw__brief_ctx *c, size_t n)
{
    jbw__fmt_published(buf, &c->publish, n, c->lang);
    return buf;
}

/* A count in a sentence: a hidden one reads "minder dan 5". */
static const char *count_words(fmtbuf buf, const jbw__brief_ctx *c, size_t n)
{
    jbw__fmt_published_words(buf, &c->publish, n, c->lang);
    return buf;
}

static const char *number(fmtbuf buf, const jbw__brief_ctx *c, double v,
                          int decimals)
{
    jbw__fmt_number(buf, v, decimals, c->lang);
    return buf;
}

const char *jbw__brief_share(char *buf, const jbw__brief_ctx *c, size_t part,
                             size_t whole)
{
    if (whole == 0 || jbw__publish_hides(&c->publish, part) ||
        jbw__publish_hides(&c->publish, whole)) {
        strcpy(buf, "\xe2\x80\x93");
        return buf;
    }
    jbw__fmt_pct(buf, 100.0 * (double)part / (double)whole, c->lang);
    return buf;
}

const char *jbw__brief_median(char *buf, const jbw__brief_ctx *c, double median,
                              size_t n)
{
    if (jbw__publish_hides(&c->publish, n)) {
        strcpy(buf, "\xe2\x80\x93");
        return buf;
    }
    return number(buf, c, median, 0);
}

static const char *ratio_pct(fmtbuf buf, const jbw__brief_ctx *c, double a,
                             double b)
{
    jbw__fmt_pct(buf, b > 0 ? 100.0 * a / b : NAN, c->lang);
    return buf;
}

static const char *T(const jbw__brief_ctx *c, const char *nl, const char *en)
{
    return JBW__T(c->lang, nl, en);
}

jbw_status jbw__brief_add_chart(jbw__brief_ctx *c, const char *name,
                                jbw_status st, char *svg)
{
    if (st != JBW_OK)
        return st;
    jbw__doc_chart(c->doc, name, svg);
    return c->doc->failed ? jbw__enomem() : JBW_OK;
}

typedef char wordbuf[128];

static const char *norm_words(wordbuf buf, const jbw__brief_ctx *c)
{
    double v = jbw_norm_caseload_per_fte(c->norm);
    char n[JBW__FMT_SIZE];
    jbw__fmt_number(n, v, v == floor(v) ? 0 : 1, c->lang);
    snprintf(buf, sizeof(wordbuf), "%s %s %s", n,
             jbw__unit_words(jbw_norm_unit(c->norm), c->lang),
             T(c, "per fte", "per FTE"));
    return buf;
}

/* The norm's name for the reader (a built-in norm's Dutch name). */
static const char *norm_name(const jbw__brief_ctx *c)
{
    return jbw__norm_name_lang(jbw_norm_name(c->norm), jbw_norm_unit(c->norm),
                               c->lang);
}

/* ---- the headline figures --------------------------------------------- */

static jbw_status section_headline(jbw__brief_ctx *c,
                                   const jbw_caseload_totals *t)
{
    jbw__doc *d = c->doc;
    fmtbuf a, b, e, f, g;
    wordbuf words;
    char why[512];
    jbw_date from = JBW_DATE_NONE, to = JBW_DATE_NONE;
    int32_t wd = 5;
    jbw_caseload_period(&from, &to, &wd, c->cl);
    if (c->scope_key)
        jbw__doc_text(d, JBW__BLOCK_H2, "%s: %s",
                      T(c, "Kerncijfers", "Key figures"), c->scope_name);
    else
        jbw__doc_text(d, JBW__BLOCK_H2, "%s",
                      T(c, "Kerncijfers", "Key figures"));
    jbw__doc_table(d, "kerncijfers", NULL, 3);
    jbw__doc_row(d, 3, T(c, "Kerncijfer", "Figure"), T(c, "Waarde", "Value"),
                 T(c, "Toelichting", "Explanation"));
    jbw__fmt_date(a, c->date, c->lang);
    jbw__doc_row(d, 3, T(c, "Peildatum", "Reference date"), a, "");
    jbw__doc_row(d, 3, T(c, "Lopende maatregelen", "Active measures"),
                 count(a, c, t->active_measures),
                 T(c, "gestart op of voor de peildatum, niet beëindigd",
                   "started on or before the date, not ended"));
    jbw__doc_row(d, 3, T(c, "Jeugdigen met een maatregel", "Children"),
                 count(a, c, t->children), "");
    jbw__doc_row(d, 3,
                 T(c, "Zonder vaste jeugdbeschermer: nieuw",
                   "Without a fixed worker: nieuw"),
                 count(a, c, t->waiting_nieuw),
                 T(c, "nog nooit een vaste jeugdbeschermer gehad",
                   "never had a fixed jeugdbeschermer"));
    jbw__doc_row(d, 3,
                 T(c, "Zonder vaste jeugdbeschermer: bestaand",
                   "Without a fixed worker: bestaand"),
                 count(a, c, t->waiting_bestaand),
                 T(c, "de vaste jeugdbeschermer is weggevallen",
                   "the fixed jeugdbeschermer dropped out"));
    jbw__doc_row(d, 3,
                 T(c, "Zonder vaste jeugdbeschermer: totaal",
                   "Without a fixed worker: in all"),
                 count(a, c, t->waiting_nieuw + t->waiting_bestaand), "");
    jbw__fmt_date(e, from, c->lang);
    jbw__fmt_date(f, to, c->lang);
    snprintf(why, sizeof why,
             T(c,
               "%s van %s maatregelen gestart %s t/m %s; mediaan %s "
               "werkdagen",
               "%s of %s measures started %s to %s; median %s werkdagen"),
             count(a, c, t->coupling_within), count(b, c, t->coupling_started),
             e, f,
             jbw__brief_median(g, c, t->coupling_median_workdays,
                               t->coupling_started));
    {
        char label[96];
        snprintf(label, sizeof label,
                 T(c, "Koppeling binnen %d werkdagen",
                   "Coupling within %d "
                   "werkdagen"),
                 (int)wd);
        jbw__doc_row(
            d, 3, label,
            jbw__brief_share(e, c, t->coupling_within, t->coupling_started),
            why);
        snprintf(label, sizeof label,
                 T(c, "Nog zonder jeugdbeschermer na %d werkdagen",
                   "Still without a worker after %d werkdagen"),
                 (int)wd);
        jbw__doc_row(d, 3, label, count(a, c, t->coupling_waiting_past),
                     T(c, "van de in de periode gestarte maatregelen",
                       "of the measures started in the period"));
    }
    jbw__doc_row(d, 3, T(c, "Medewerkers in dienst", "Workers employed"),
                 count(a, c, t->workers), "");
    jbw__doc_row(d, 3, T(c, "Beschikbare fte", "Available FTE"),
                 number(a, c, t->available_fte, 1), "");
    jbw__doc_row(d, 3, T(c, "Effectieve fte", "Effective FTE"),
                 number(a, c, t->effective_fte, 1),
                 T(c, "fte maal de inwerkfactor van nieuwe medewerkers",
                   "FTE times the onboarding ramp of new workers"));
    snprintf(why, sizeof why,
             T(c, "alle lopende maatregelen, wachtenden inbegrepen, bij %s",
               "every active measure, waiting ones included, at %s"),
             norm_words(words, c));
    jbw__doc_row(d, 3, T(c, "Benodigde fte volgens de norm", "FTE required"),
                 number(a, c, t->required_fte, 1), why);
    {
        int room = t->fte_gap < 0; /* a negative shortage reads as room */
        snprintf(
            why, sizeof why, "%s, %s",
            room ? T(c, "effectief min benodigd", "effective minus required")
                 : T(c, "benodigd min effectief", "required minus effective"),
            T(c,
              "berekend v\xc3\xb3\xc3\xb3r het afronden, dus soms 0,1 "
              "anders dan het verschil van de afgeronde cijfers",
              "computed before rounding, so at times 0.1 off the "
              "difference of the rounded figures"));
        jbw__doc_row(d, 3,
                     room ? T(c, "Ruimte in fte", "FTE to spare")
                          : T(c, "Tekort in fte", "FTE gap"),
                     number(a, c, room ? -t->fte_gap : t->fte_gap, 1), why);
    }
    jbw__doc_row(d, 3,
                 T(c, "Caseload als deel van de capaciteit",
                   "Load as a share of capacity"),
                 ratio_pct(a, c, t->load, t->capacity),
                 T(c, "van de medewerkers in dienst; 100% is de norm",
                   "of the workers employed; 100% is the norm"));
    snprintf(why, sizeof why, "%s; %s: %s", norm_name(c),
             T(c, "bron", "source"),
             jbw_norm_source(c->norm) && *jbw_norm_source(c->norm)
                 ? jbw_norm_source_lang(c->norm, c->lang)
                 : T(c, "niet vermeld", "not stated"));
    jbw__doc_row(d, 3, T(c, "Caseloadnorm", "Caseload norm"),
                 norm_words(words, c), why);
    return d->failed ? jbw__enomem() : JBW_OK;
}

/* ---- the waiting list ------------------------------------------------- */

void jbw__brief_group_table(jbw__brief_ctx *c, jbw_group g, const char *id,
                            size_t cols)
{
    int region = g == JBW_GROUP_REGION;
    jbw__doc_table(c->doc, id,
                   region ? T(c, "Per regio", "Per region")
                          : T(c, "Per organisatie", "Per organisation"),
                   cols);
    jbw__doc_cell(c->doc, region ? T(c, "Regio", "Region")
                                 : T(c, "Organisatie", "Organisation"));
}

/* The waiting list per organisation or region. */
static void waiting_table(jbw__brief_ctx *c, jbw_group g, const char *id)
{
    size_t i, n = jbw_caseload_group_count(c->cl, g);
    fmtbuf a, b, t;
    jbw__brief_group_table(c, g, id, 4);
    jbw__doc_row(c->doc, 3, "nieuw", "bestaand", T(c, "totaal", "in all"));
    for (i = 0; i < n; i++) {
        jbw_caseload_totals x;
        const char *key = NULL;
        x.version = JBW_CASELOAD_TOTALS_VERSION;
        if (jbw_caseload_group_get(&x, &key, c->cl, g, i) != JBW_OK ||
            (x.workers == 0 && x.active_measures == 0))
            continue;
        jbw__doc_row(c->doc, 4, jbw__group_name(c->registry, g, key),
                     count(a, c, x.waiting_nieuw),
                     count(b, c, x.waiting_bestaand),
                     count(t, c, x.waiting_nieuw + x.waiting_bestaand));
    }
}

/*
 * 1 when the series holds the library's published figures only: its data
 * notice is exactly the one jbw_example_series_zhz() carries, and no
 * point was counted from a snapshot. They are public already: the rule
 * for small counts does not change them. A notice read from a file can
 * say anything, so no other series is exempt, whatever its notice says.
 */
static int series_published(const jbw_series *s)
{
    const char *n = jbw_series_data_notice(s);
    return n && strcmp(n, jbw__example_zhz_notice) == 0 &&
           jbw__series_snapshot_points(s) == 0;
}

static jbw_status series_table(jbw__brief_ctx *c, const jbw_series *s)
{
    static const jbw__publish exact = {0, 0};
    const jbw__publish *rule = series_published(s) ? &exact : &c->publish;
    size_t i, n = jbw_series_count(s);
    fmtbuf day, a, b, t;
    jbw__doc_table(c->doc, "reeks", NULL, 4);
    jbw__doc_row(c->doc, 4, T(c, "Datum", "Date"), "nieuw", "bestaand",
                 T(c, "totaal", "in all"));
    for (i = 0; i < n; i++) {
        jbw_series_point p;
        p.version = JBW_SERIES_POINT_VERSION;
        if (jbw_series_get(&p, s, i) != JBW_OK)
            continue;
        jbw__fmt_date(day, p.date, c->lang);
        jbw__fmt_published(a, rule, p.nieuw, c->lang);
        jbw__fmt_published(b, rule, p.bestaand, c->lang);
        jbw__fmt_published(t, rule, p.total, c->lang);
        jbw__doc_row(c->doc, 4, day, a, b, t);
    }
    return c->doc->failed ? jbw__enomem() : JBW_OK;
}

static jbw_status section_waiting(jbw__brief_ctx *c,
                                  const jbw_caseload_totals *t)
{
    jbw__doc *d = c->doc;
    jbw_series *own = NULL;
    const jbw_series *s = c->opts->series;
    fmtbuf day, a, b, e, e1;
    const char *cut = NULL;
    char where[JBW__FMT_SIZE + 160];
    char *svg = NULL;
    jbw_status st;
    jbw__fmt_date(day, c->date, c->lang);
    jbw__doc_text(d, JBW__BLOCK_H2, "%s",
                  T(c, "Maatregelen zonder vaste jeugdbeschermer",
                    "Measures without a fixed jeugdbeschermer"));
    /* "in Zuid-Holland Zuid " / "bij Jeugdbescherming west ", or "" */
    where[0] = '\0';
    if (c->scope_key)
        snprintf(where, sizeof where, "%s %s ", jbw__brief_scope_prep(c, 0),
                 c->scope_name);
    jbw__doc_text(d, JBW__BLOCK_P,
                  T(c,
                    "Op %s hadden %s%s lopende maatregelen geen vaste "
                    "jeugdbeschermer: %s nieuw (nog nooit een jeugdbeschermer "
                    "gehad) en %s bestaand (de jeugdbeschermer is "
                    "weggevallen).",
                    "On %s, %s%s active measures had no fixed "
                    "jeugdbeschermer: %s nieuw (never had one) and %s "
                    "bestaand (the jeugdbeschermer dropped out)."),
                  day, where,
                  count_words(e, c, t->waiting_nieuw + t->waiting_bestaand),
                  count_words(a, c, t->waiting_nieuw),
                  count_words(b, c, t->waiting_bestaand));
    if (c->date < jbw_snapshot_reference_date(c->snap) &&
        jbw_snapshot_latest_event(c->snap) > c->date) {
        /* the records hold each measure's assignment of the data's date:
         * one that lost its worker before that date and has one again
         * shows as assigned on the earlier date too. When nothing
         * happened after the brief's date (the later dates are ends or
         * hires, often planned), the records are of that date. */
        fmtbuf ref;
        jbw__fmt_date(ref, jbw_snapshot_reference_date(c->snap), c->lang);
        jbw__doc_text(
            d, JBW__BLOCK_NOTE,
            T(c,
              "De peildatum ligt vóór de datum van de gegevens (%s). Een "
              "maatregel die op de peildatum wachtte op een nieuwe "
              "jeugdbeschermer en er op %s weer een heeft, telt als "
              "toegewezen: 'bestaand' is op deze peildatum te laag.",
              "The date lies before the data's date (%s). A measure that "
              "waited for a new jeugdbeschermer on the date and has one "
              "again on %s counts as assigned: 'bestaand' is too low on "
              "this date."),
            ref, ref);
    }
    /* a brief is of its date: a series' points after it are left out, and
     * the brief says so; a series that begins after it gives way to the
     * snapshot's own point */
    if (s && jbw_series_count(s) > 0) {
        jbw_series_point first, last;
        size_t n = jbw_series_count(s);
        memset(&first, 0, sizeof first);
        first.version = last.version = JBW_SERIES_POINT_VERSION;
        last = first;
        if (jbw_series_get(&first, s, 0) == JBW_OK &&
            jbw_series_get(&last, s, n - 1) == JBW_OK && last.date > c->date) {
            fmtbuf b1;
            jbw__fmt_date(b1, first.date, c->lang);
            jbw__fmt_date(e1, last.date, c->lang);
            if (first.date > c->date) {
                const char *title = jbw_series_title(s);
                int named = title && *title;
                jbw__doc_text(d, JBW__BLOCK_NOTE,
                              T(c,
                                "De reeks%s%s begint op %s, na de peildatum "
                                "van dit stuk; hieronder de stand op de "
                                "peildatum.",
                                "The series%s%s begins on %s, after this "
                                "brief's date; below, the state on the "
                                "date."),
                              named ? " " : "", named ? title : "", b1);
                s = NULL;
            } else {
                if ((st = jbw__series_until(&own, s, c->date)) != JBW_OK)
                    return st;
                s = own;
                cut = e1;
            }
        }
    }
    if (!s) {
        int region = c->scope_key && c->scope_group == JBW_GROUP_REGION;
        st = jbw_series_new(&own, jbw__brief_scope_words(c));
        if (st == JBW_OK)
            st = jbw_series_add_snapshot(own, c->snap, c->date,
                                         c->scope_key && !region ? c->scope_key
                                                                 : NULL,
                                         region ? c->scope_key : NULL);
        if (st != JBW_OK) {
            jbw_series_free(own);
            return st;
        }
        s = own;
        jbw__doc_text(d, JBW__BLOCK_NOTE, "%s",
                      T(c,
                        "De gegevens geven alleen de stand op de peildatum; "
                        "een verloop in de tijd volgt uit een reeks exports.",
                        "The data gives the state on the date only; a "
                        "course over time needs a series of exports."));
    } else {
        jbw__doc_text(d, JBW__BLOCK_H3, T(c, "Verloop: %s", "Over time: %s"),
                      jbw_series_title(s) && *jbw_series_title(s)
                          ? jbw_series_title(s)
                          : T(c, "reeks", "series"));
        if (cut)
            jbw__doc_text(d, JBW__BLOCK_NOTE,
                          T(c,
                            "De reeks loopt tot %s; de punten na de "
                            "peildatum van dit stuk (%s) zijn weggelaten.",
                            "The series runs to %s; its points after this "
                            "brief's date (%s) are left out."),
                          cut, day);
    }
    st = series_table(c, s);
    /* Figures from elsewhere (a published table) say so under the table;
     * the chart carries the same notice (jbw_chart_series_svg). */
    if (st == JBW_OK && jbw_series_data_notice(s) &&
        (!c->notice || strcmp(jbw_series_data_notice(s), c->notice) != 0)) {
        /* a Dutch brief says what the fixed English line means after it */
        const char *nl = jbw__notice_nl(c->lang, jbw_series_data_notice(s));
        jbw__doc_text(d, JBW__BLOCK_NOTE, "%s%s%s", jbw_series_data_notice(s),
                      nl ? " \xE2\x80\x94 " : "", nl ? nl : "");
        /* the last point of another source need not be the state above */
        jbw__doc_text(
            d, JBW__BLOCK_NOTE, "%s",
            T(c,
              "Deze reeks komt uit een andere bron dan de stand hierboven "
              "en kan anders tellen; de stand telt de maatregelen in de "
              "eigen gegevens (een kind met twee maatregelen telt twee "
              "keer). Wijkt het laatste punt af van de stand, dan komt dat "
              "daardoor.",
              "This series comes from another source than the state above "
              "and may count otherwise; the state counts the measures in "
              "the data itself (a child with two measures counts twice). "
              "Where its last point differs from the state, that is why."));
    }
    if (st == JBW_OK && series_published(s) &&
        (c->publish.suppress_below > 1 || c->publish.round_to > 1))
        jbw__doc_text(d, JBW__BLOCK_NOTE, "%s",
                      T(c,
                        "Deze cijfers staan zoals ze zijn gepubliceerd: de "
                        "afronding en het verbergen van kleine aantallen "
                        "gelden alleen voor de eigen cijfers van dit stuk.",
                        "These figures are shown as published: rounding and "
                        "hiding small counts apply to this brief's own "
                        "figures only."));
    if (st == JBW_OK && jbw_series_count(s) > 0) {
        /* published figures as published, in the chart too */
        jbw_chart_options co = c->chart;
        if (series_published(s)) {
            co.suppress_below = 0;
            co.round_to = 0;
        }
        st = jbw_chart_series_svg(&svg, NULL, s, &co);
        st = jbw__brief_add_chart(c, "series", st, svg);
    }
    jbw_series_free(own);
    if (st != JBW_OK)
        return st;
    jbw__doc_text(
        d, JBW__BLOCK_H3, "%s",
        T(c, "Stand per regio en organisatie", "Per region and organisation"));
    jbw__brief_compare_note(c, 0);
    waiting_table(c, JBW_GROUP_REGION, "wachtend-regio");
    waiting_table(c, JBW_GROUP_ORGANISATION, "wachtend-organisatie");
    return d->failed ? jbw__enomem() : JBW_OK;
}

/* ---- the caseload ----------------------------------------------------- */

static void caseload_table(jbw__brief_ctx *c, jbw_group g, const char *id)
{
    size_t i, n = jbw_caseload_group_count(c->cl, g);
    jbw__brief_group_table(c, g, id, 8);
    jbw__doc_row(c->doc, 7, T(c, "medewerkers", "workers"), T(c, "fte", "FTE"),
                 T(c, "effectieve fte", "effective FTE"),
                 T(c, "caseload / capaciteit", "load / capacity"),
                 T(c, "benodigde fte", "FTE required"),
                 T(c, "benodigd / effectief", "required / effective"),
                 T(c, "tekort in fte (negatief: ruimte)",
                   "FTE gap (negative: to spare)"));
    for (i = 0; i < n; i++) {
        jbw_caseload_totals x;
        const char *key = NULL;
        fmtbuf w, f, e, r, q, s, gap;
        x.version = JBW_CASELOAD_TOTALS_VERSION;
        if (jbw_caseload_group_get(&x, &key, c->cl, g, i) != JBW_OK ||
            (x.workers == 0 && x.active_measures == 0))
            continue;
        jbw__doc_row(c->doc, 8, jbw__group_name(c->registry, g, key),
                     count(w, c, x.workers), number(f, c, x.available_fte, 1),
                     number(e, c, x.effective_fte, 1),
                     ratio_pct(r, c, x.load, x.capacity),
                     number(q, c, x.required_fte, 1),
                     ratio_pct(s, c, x.required_fte, x.effective_fte),
                     number(gap, c, x.fte_gap, 1));
    }
}

static jbw_status section_caseload(jbw__brief_ctx *c)
{
    jbw__doc *d = c->doc;
    wordbuf words;
    char *svg = NULL;
    jbw_status st;
    jbw__doc_text(d, JBW__BLOCK_H2, "%s",
                  T(c, "Caseload tegen de norm", "Caseload against the norm"));
    jbw__doc_text(d, JBW__BLOCK_P,
                  T(c,
                    "De norm is %s (%s). De capaciteit van een medewerker is "
                    "fte maal inwerkfactor maal de norm; de caseload telt wat "
                    "aan de medewerker is toegewezen. Benodigde fte telt alle "
                    "lopende maatregelen, ook die zonder vaste "
                    "jeugdbeschermer.",
                    "The norm is %s (%s). A worker's capacity is FTE times "
                    "the onboarding ramp times the norm; the load counts what "
                    "is assigned to the worker. FTE required counts every "
                    "active measure, also those without a fixed worker."),
                  norm_words(words, c), norm_name(c));
    jbw__brief_compare_note(c, 1);
    caseload_table(c, JBW_GROUP_ORGANISATION, "caseload-organisatie");
    caseload_table(c, JBW_GROUP_REGION, "caseload-regio");
    st = jbw_chart_caseload_svg(&svg, NULL, c->cl, JBW_GROUP_REGION, &c->chart);
    st = jbw__brief_add_chart(c, "caseload_region", st, svg);
    if (st == JBW_OK) {
        st = jbw_chart_caseload_svg(&svg, NULL, c->cl, JBW_GROUP_ORGANISATION,
                                    &c->chart);
        st = jbw__brief_add_chart(c, "caseload_organisation", st, svg);
    }
    if (st == JBW_OK) {
        st = jbw_chart_load_spread_svg(&svg, NULL, c->cl, &c->chart);
        st = jbw__brief_add_chart(c, "load_spread", st, svg);
    }
    return st;
}

/* ---- the brief -------------------------------------------------------- */

static jbw_status introduction(jbw__brief_ctx *c)
{
    const jbw_brief_options *o = c->opts;
    fmtbuf day;
    jbw__fmt_date(day, c->date, c->lang);
    if (o->title)
        c->doc->title = jbw__strdup(o->title);
    else {
        char t[512];
        if (c->scope_key)
            snprintf(t, sizeof t,
                     T(c,
                       "Jeugdbescherming en jeugdreclassering %s %s: stand "
                       "van zaken op %s",
                       "Youth protection and youth probation %s %s: the state "
                       "on %s"),
                     jbw__brief_scope_prep(c, 0), c->scope_name, day);
        else
            snprintf(t, sizeof t,
                     T(c,
                       "Jeugdbescherming en jeugdreclassering: stand van "
                       "zaken op %s",
                       "Youth protection and youth probation: the state on "
                       "%s"),
                     day);
        c->doc->title = jbw__strdup(t);
    }
    c->doc->notice = jbw__brief_page_notice(c);
    if (!c->doc->title || (c->notice && !c->doc->notice))
        return jbw__enomem();
    jbw__doc_text(c->doc, JBW__BLOCK_H1, "%s", c->doc->title);
    jbw__doc_text(
        c->doc, JBW__BLOCK_P, "%s",
        T(c,
          "Het feitelijke deel van een raadsinformatiebrief, berekend uit de "
          "gegevens van de gecertificeerde instellingen. Alle cijfers zijn "
          "totalen: in dit stuk staat geen maatregel, jeugdige of "
          "medewerker. Hoe elk cijfer is berekend staat onder Bronnen en "
          "definities.",
          "The factual part of a council information letter, computed from "
          "the data of the certified institutions (GI's). Every figure is an "
          "aggregate: no measure, child or worker appears in it. How each "
          "figure is computed is under Sources and definitions."));
    jbw__brief_scope_note(c);
    if (c->publish.suppress_below > 1 || c->publish.round_to > 1) {
        char rule[256] = "";
        fmtbuf k, r;
        jbw__fmt_count(k, jbw__publish_floor(&c->publish), c->lang);
        jbw__fmt_count(r, c->publish.round_to, c->lang);
        if (jbw__publish_floor(&c->publish) > 1)
            snprintf(rule, sizeof rule,
                     T(c,
                       "aantallen van 1 tot %s staan in tabellen en "
                       "grafieken als \"< %s\", in de tekst als \"minder "
                       "dan %s\"",
                       "counts from 1 to below %s read \"< %s\" in tables "
                       "and charts, \"fewer than %s\" in the text"),
                     k, k, k);
        if (c->publish.round_to > 1)
            snprintf(rule + strlen(rule), sizeof rule - strlen(rule),
                     T(c, "%saantallen zijn afgerond op %s",
                       "%scounts are rounded to %s"),
                     *rule ? "; " : "", r);
        jbw__doc_text(c->doc, JBW__BLOCK_NOTE,
                      T(c,
                        "Voor publicatie: %s; percentages komen uit de "
                        "exacte aantallen.%s",
                        "For publication: %s; percentages come from the exact "
                        "counts.%s"),
                      rule,
                      c->publish.round_to > 1
                          ? T(c,
                              " Omdat elk aantal apart is afgerond, tellen "
                              "de delen niet altijd op tot het afgeronde "
                              "totaal.",
                              " As each count is rounded on its own, the "
                              "parts need not add up to the rounded total.")
                          : "");
    }
    return c->doc->failed ? jbw__enomem() : JBW_OK;
}

static jbw_status compute(jbw__brief_ctx *c)
{
    jbw_caseload_options co = JBW_CASELOAD_OPTIONS_INIT;
    jbw_status st;
    co.date = c->date;
    st = jbw_caseload_compute(&c->cl, c->snap, c->norm, c->cal, &co);
    if (st != JBW_OK)
        return st;
    st = jbw__brief_scope(c);
    if (st == JBW_OK)
        st = introduction(c);
    if (st == JBW_OK)
        st = section_headline(c, &c->scope);
    if (st == JBW_OK)
        st = section_waiting(c, &c->scope);
    if (st == JBW_OK)
        st = jbw__brief_coupling(c);
    if (st == JBW_OK)
        st = jbw__brief_help(c);
    if (st == JBW_OK)
        st = section_caseload(c);
    if (st == JBW_OK)
        st = jbw__brief_quality(c);
    if (st == JBW_OK)
        st = jbw__brief_priority(c);
    if (st == JBW_OK)
        st = jbw__brief_forecast(c);
    if (st == JBW_OK)
        st = jbw__brief_sources(c);
    return st;
}

jbw_status jbw_brief_new(jbw_brief **out, const jbw_snapshot *snap,
                         const jbw_brief_options *opts)
{
    static const jbw_brief_options defaults = JBW_BRIEF_OPTIONS_INIT;
    jbw__brief_ctx c;
    jbw_norm *own_norm = NULL;
    jbw_calendar *own_cal = NULL;
    jbw_waitrisk_model *own_model = NULL;
    jbw_brief *b;
    jbw_status st;
    if (!out || !snap)
        return jbw__error(JBW_EINVAL, "jbw_brief_new: NULL argument");
    if (!opts)
        opts = &defaults;
    st = check_options(opts);
    if (st != JBW_OK)
        return st;
    memset(&c, 0, sizeof c);
    c.opts = opts;
    c.snap = snap;
    c.registry = jbw_snapshot_registry(snap);
    c.lang = opts->lang;
    c.date = opts->date != JBW_DATE_NONE ? opts->date
                                         : jbw_snapshot_reference_date(snap);
    c.publish.suppress_below = opts->suppress_below;
    c.publish.round_to = opts->round_to;
    jbw_chart_options_init(&c.chart, JBW_CHART_OPTIONS_VERSION);
    c.chart.lang = opts->lang;
    c.notice = opts->notice ? opts->notice : jbw_snapshot_data_notice(snap);
    c.chart.notice = c.notice;
    c.chart.suppress_below = opts->suppress_below;
    c.chart.round_to = opts->round_to;
    c.chart.registry = c.registry;
    b = jbw__calloc(1, sizeof *b);
    if (!b)
        return jbw__enomem();
    b->doc.lang = opts->lang;
    c.doc = &b->doc;
    c.norm = opts->norm;
    c.cal = opts->calendar;
    c.model = opts->model;
    st = JBW_OK;
    if (!c.norm && (st = jbw_norm_new_default(&own_norm)) == JBW_OK)
        c.norm = own_norm;
    if (st == JBW_OK && !c.cal &&
        (st = jbw_calendar_new(&own_cal, NULL)) == JBW_OK)
        c.cal = own_cal;
    if (st == JBW_OK && !c.model &&
        (st = jbw_waitrisk_model_new_default(&own_model)) == JBW_OK)
        c.model = own_model;
    if (st == JBW_OK)
        st = compute(&c);
    if (st == JBW_OK && b->doc.failed)
        st = jbw__enomem();
    jbw_caseload_free(c.cl);
    jbw_waitrisk_model_free(own_model);
    jbw_calendar_free(own_cal);
    jbw_norm_free(own_norm);
    if (st != JBW_OK) {
        jbw__doc_free(&b->doc);
        jbw__free(b);
        return st;
    }
    *out = b;
    return jbw__ok();
}

void jbw_brief_free(jbw_brief *brief)
{
    if (!brief)
        return;
    jbw__doc_free(&brief->doc);
    jbw__free(brief);
}

jbw_status jbw_brief_write(char **out, size_t *len, const jbw_brief *brief,
                           jbw_brief_format format)
{
    jbw_status st;
    if (!out || !brief)
        return jbw__error(JBW_EINVAL, "jbw_brief_write: NULL argument");
    if (format == JBW_BRIEF_HTML)
        st = jbw__doc_html(&brief->doc, out, len);
    else if (format == JBW_BRIEF_MARKDOWN)
        st = jbw__doc_markdown(&brief->doc, NULL, out, len);
    else
        return jbw__error(JBW_EINVAL, "jbw_brief_write: format %d",
                          (int)format);
    return st == JBW_OK ? jbw__ok() : st;
}

jbw_status jbw_brief_write_markdown_images(char **out, size_t *len,
                                           const jbw_brief *brief,
                                           const char *image_prefix)
{
    jbw_status st;
    const char *p;
    if (!out || !brief || !image_prefix)
        return jbw__error(JBW_EINVAL,
                          "jbw_brief_write_markdown_images: NULL argument");
    if (!*image_prefix)
        return jbw__error(JBW_EINVAL,
                          "jbw_brief_write_markdown_images: the image prefix "
                          "is empty");
    for (p = image_prefix; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return jbw__error(JBW_EINVAL,
                              "jbw_brief_write_markdown_images: the image "
                              "prefix holds a control character");
    st = jbw__doc_markdown(&brief->doc, image_prefix, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}

size_t jbw_brief_chart_count(const jbw_brief *brief)
{
    return brief ? brief->doc.chart_count : 0;
}

jbw_status jbw_brief_chart(const char **name, const char **svg,
                           const jbw_brief *brief, size_t index)
{
    if (!brief)
        return jbw__error(JBW_EINVAL, "jbw_brief_chart: NULL brief");
    if (index >= brief->doc.chart_count)
        return jbw__error(JBW_ERANGE, "jbw_brief_chart: index %zu of %zu",
                          index, brief->doc.chart_count);
    if (name)
        *name = brief->doc.chart_name[index];
    if (svg)
        *svg = brief->doc.chart_svg[index];
    return jbw__ok();
}
