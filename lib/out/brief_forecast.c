/*
 * The council brief, continued: how the waiting list is prioritised, the
 * forecast with its scenarios and staffing answers (each beside its
 * assumptions), and the sources and definitions.
 */
#include "brief_internal.h"
#include "caseload/caseload_internal.h"
#include "base/fixed.h"
#include "data/example_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef char fmtbuf[JBW__FMT_SIZE];

static const char *T(const jbw__brief_ctx *c, const char *nl, const char *en)
{
    return JBW__T(c->lang, nl, en);
}

static const char *num(fmtbuf buf, const jbw__brief_ctx *c, double v, int dec)
{
    jbw__fmt_number(buf, v, dec, c->lang);
    return buf;
}

/* ---- prioritisation ------------------------------------------------------ */

/* What an item of the model looks at, by its key in the model file. */
static const char *item_words(const jbw__brief_ctx *c, const char *item)
{
    static const char *const words[][3] = {
        {"acute", "directe onveiligheid: altijd band acuut",
         "immediate danger: always band acuut"},
        {"safety", "de beoordeelde veiligheid", "the assessed safety"},
        {"measure",
         "de soort maatregel (spoedmaatregel, uithuisplaatsing, "
         "risico bij jeugdreclassering)",
         "the kind of measure (emergency, placement, risk in "
         "jeugdreclassering)"},
        {"time", "de wachttijd in werkdagen", "the time waited in werkdagen"},
        {"bestaand", "een weggevallen jeugdbeschermer (bestaand)",
         "a jeugdbeschermer who dropped out (bestaand)"},
        {"age", "de leeftijd (jonge kinderen eerder)",
         "the age (young children sooner)"},
        {"no_contact", "de tijd sinds het laatste contact",
         "the time since the last contact"},
        {"handovers", "het aantal eerdere wisselingen van jeugdbeschermer",
         "the number of earlier changes of worker"},
        {"safety_plan", "of er een veiligheidsplan is",
         "whether there is a safety plan"},
        {"other_help", "of er andere hulp betrokken is",
         "whether other help is involved"},
        {"domestic_violence", "huiselijk geweld", "domestic violence"},
        {"term_end", "het naderende einde van de termijn van de maatregel",
         "the nearing end of the measure's term"},
    };
    size_t i;
    for (i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i][0], item) == 0)
            return c->lang == JBW_LANG_EN ? words[i][2] : words[i][1];
    return item;
}

/* Lists the items of the model once each, from its "points.<item>..." keys. */
static void model_items(jbw__brief_ctx *c)
{
    char seen[32][32];
    size_t n = jbw_waitrisk_model_param_count(c->model), i, k, count = 0;
    for (i = 0; i < n; i++) {
        const char *key = NULL, *dot;
        int v = 0;
        char item[32];
        size_t len;
        if (jbw_waitrisk_model_param(&key, &v, c->model, i) != JBW_OK ||
            strncmp(key, "points.", 7) != 0)
            continue;
        key += 7;
        dot = strchr(key, '.');
        len = dot ? (size_t)(dot - key) : strlen(key);
        if (len >= sizeof item)
            continue;
        memcpy(item, key, len);
        item[len] = '\0';
        for (k = 0; k < count; k++)
            if (strcmp(seen[k], item) == 0)
                break;
        if (k < count || count == 32)
            continue;
        strcpy(seen[count++], item);
        jbw__doc_text(c->doc, JBW__BLOCK_ITEM, "%s", item_words(c, item));
    }
}

static const char *band_meaning(const jbw__brief_ctx *c, jbw_band band,
                                char *buf, size_t size)
{
    int every = jbw_waitrisk_model_contact_interval(c->model, band);
    switch (band) {
    case JBW_BAND_ACUUT:
        snprintf(buf, size, "%s",
                 T(c, "noodoplossing dezelfde werkdag; dagelijks contact",
                   "an emergency solution the same working day; daily "
                   "contact"));
        break;
    case JBW_BAND_HOOG:
        snprintf(buf, size,
                 T(c,
                   "vaste jeugdbeschermer binnen 5 werkdagen; contact elke "
                   "%d werkdagen",
                   "a fixed worker within 5 werkdagen; contact every %d "
                   "werkdagen"),
                 every);
        break;
    case JBW_BAND_MIDDEN:
        snprintf(buf, size,
                 T(c, "binnen 6 weken; contact elke %d werkdagen",
                   "within 6 weeks; contact every %d werkdagen"),
                 every);
        break;
    default:
        snprintf(buf, size,
                 T(c, "op volgorde; contact elke %d werkdagen",
                   "in order; contact every %d werkdagen"),
                 every);
    }
    return buf;
}

/* The waiting list of the brief's scope per band, acuut first (counts[0])
 * to laag; [0] nieuw, [1] bestaand. */
static void scope_band_counts(size_t counts[4][2], const jbw__brief_ctx *c,
                              const jbw_triage *tr)
{
    size_t i, n = jbw_triage_count(tr);
    int region = c->scope_group == JBW_GROUP_REGION;
    memset(counts, 0, 4 * sizeof counts[0]);
    for (i = 0; i < n; i++) {
        jbw_wait_case wc;
        jbw_score sc;
        const char *key;
        wc.version = JBW_WAIT_CASE_VERSION;
        sc.version = JBW_SCORE_VERSION;
        if (jbw_triage_get(&wc, &sc, tr, i) != JBW_OK || (int)sc.band < 0 ||
            (int)sc.band > 3)
            continue;
        key = region ? wc.region : wc.organisation;
        if (c->scope_key && (!key || strcmp(key, c->scope_key) != 0))
            continue;
        counts[3 - (int)sc.band][wc.previous_workers > 0]++;
    }
}

jbw_status jbw__brief_priority(jbw__brief_ctx *c)
{
    static const jbw_band order[4] = {JBW_BAND_ACUUT, JBW_BAND_HOOG,
                                      JBW_BAND_MIDDEN, JBW_BAND_LAAG};
    jbw__doc *d = c->doc;
    jbw_triage *tr = NULL;
    size_t counts[4][2];
    char *svg = NULL;
    jbw_status st;
    int k;
    st = jbw_triage_new(&tr, c->model, c->cal, c->snap, c->date);
    if (st != JBW_OK)
        return st;
    scope_band_counts(counts, c, tr);
    jbw__doc_text(d, JBW__BLOCK_H2, "%s",
                  T(c, "Hoe de wachtlijst wordt geprioriteerd",
                    "How the waiting list is prioritised"));
    jbw__doc_text(
        d, JBW__BLOCK_P,
        T(c,
          "Wie wacht, wordt gerangschikt met het puntenmodel %s versie %d: "
          "een checklist waarin elk onderdeel een geschreven regel en vaste "
          "punten heeft. Het totaal bepaalt de band, en daarmee hoe snel een "
          "vaste jeugdbeschermer nodig is en hoe vaak er contact moet zijn. "
          "Bij elke score staan de punten en de redenen, zodat een "
          "professional de score kan controleren en betwisten. Er is geen "
          "landelijk kader voor zo'n model; dit is het eigen model van "
          "libjbw. Het kijkt naar:",
          "The waiting list is ranked with the points model %s version %d: "
          "a checklist whose every item has a written rule and fixed points. "
          "The total sets the band, and with it how soon a fixed worker is "
          "needed and how often contact must be. Every score shows its "
          "points and reasons, so that a professional can check and contest "
          "it. No national framework exists for such a model; this is "
          "libjbw's own. It looks at:"),
        jbw_waitrisk_model_name(c->model),
        jbw_waitrisk_model_version(c->model));
    model_items(c);
    if (jbw_waitrisk_model_version(c->model) >= 2)
        jbw__doc_text(d, JBW__BLOCK_P, "%s",
                      T(c,
                        "Een professional kan de band van een jeugdige "
                        "aanpassen, alleen met een geschreven reden; die "
                        "staat bij de score.",
                        "A professional may change a child's band, only with "
                        "a written reason, which is kept with the score."));
    jbw__doc_text(
        d, JBW__BLOCK_P, "%s",
        T(c,
          "Het model gebruikt nooit nationaliteit, etniciteit, religie, "
          "geboorteland of een ander beschermd kenmerk: die bestaan niet als "
          "invoer, en een modelbestand dat er een noemt wordt geweigerd. De "
          "rangorde is: band, dan punten, dan langst wachtend.",
          "The model never uses nationality, ethnicity, religion, country of "
          "birth or any other protected attribute: they do not exist as "
          "inputs, and a model file naming one is refused. The order is: "
          "band, then points, then longest waiting."));
    if (c->scope_key) {
        char caption[200];
        snprintf(caption, sizeof caption,
                 T(c, "Wachtenden per band %s %s", "Waiting per band %s %s"),
                 jbw__brief_scope_prep(c, 0), c->scope_name);
        jbw__doc_table(d, "banden", caption, 5);
    } else {
        jbw__doc_table(d, "banden",
                       T(c, "Wachtenden per band", "Waiting per band"), 5);
    }
    jbw__doc_row(d, 5, "band", "nieuw", "bestaand", T(c, "totaal", "in all"),
                 T(c, "wat de band vraagt", "what the band asks"));
    for (k = 0; k < 4; k++) {
        fmtbuf a, b, t;
        char what[160];
        jbw__fmt_published(a, &c->publish, counts[k][0], c->lang);
        jbw__fmt_published(b, &c->publish, counts[k][1], c->lang);
        jbw__fmt_published(t, &c->publish, counts[k][0] + counts[k][1],
                           c->lang);
        jbw__doc_row(d, 5, jbw_band_code(order[k]), a, b, t,
                     band_meaning(c, order[k], what, sizeof what));
    }
    if (c->scope_key) { /* the chart counts every region: the table only */
        jbw_triage_free(tr);
        return d->failed ? jbw__enomem() : JBW_OK;
    }
    st = jbw_chart_bands_svg(&svg, NULL, tr, &c->chart);
    jbw_triage_free(tr);
    return jbw__brief_add_chart(c, "bands", st, svg);
}

/* ---- the forecast and scenarios ------------------------------------------ */

typedef struct run {
    const char *name;
    jbw_forecast_params params;
    jbw_forecast *fc;
    double relief; /* FTE a month; NaN: not reachable or not known */
    jbw_status relief_st;
    jbw_queue_result queue; /* fte NaN: not known */
    double share_now;       /* share within the norm with today's FTE */
} run;

static double workdays_per_month(const jbw__brief_ctx *c)
{
    int y = 2025, m, day;
    jbw_date a, b;
    int32_t n = 0;
    if (jbw_date_to_ymd(&y, &m, &day, c->date) != JBW_OK ||
        jbw_date_from_ymd(&a, y - 1, 12, 31) != JBW_OK ||
        jbw_date_from_ymd(&b, y, 12, 31) != JBW_OK ||
        jbw_calendar_workdays_between(&n, c->cal, a, b) != JBW_OK || n <= 0)
        return 21.0;
    return (double)n / 12.0;
}

/* Runs one scenario (sc NULL: the base) with its staffing answers. */
static jbw_status run_one(jbw__brief_ctx *c, run *r, const jbw_scenario *sc,
                          int32_t within, double wpm)
{
    const jbw_brief_options *o = c->opts;
    jbw_forecast_options fo = JBW_FORECAST_OPTIONS_INIT;
    jbw_queue_params q;
    jbw_forecast_month m0;
    jbw_status st;
    jbw_forecast_params_init(&r->params, JBW_FORECAST_PARAMS_VERSION);
    st = jbw_forecast_params_from_snapshot(&r->params, c->snap, c->norm,
                                           c->date, o->organisation, o->region);
    if (st == JBW_OK && sc)
        st = jbw_scenario_apply(&r->params, sc);
    if (st != JBW_OK)
        return st;
    if (o->months > 0)
        r->params.months = o->months;
    fo.replicates = o->replicates;
    fo.seed = o->seed;
    st = jbw_forecast_run(&r->fc, &r->params, c->norm, &fo);
    if (st != JBW_OK)
        return st;
    r->relief = NAN;
    r->relief_st = jbw_forecast_relief(&r->relief, &r->params, c->norm,
                                       o->relief_target, o->relief_months);
    if (r->relief_st == JBW_ENOMEM)
        return r->relief_st;
    r->queue.version = JBW_QUEUE_RESULT_VERSION;
    r->queue.fte = NAN;
    r->share_now = NAN;
    m0.version = JBW_FORECAST_MONTH_VERSION;
    jbw_queue_params_init(&q, JBW_QUEUE_PARAMS_VERSION);
    q.within_workdays = within;
    st = jbw_queue_params_from_forecast(&q, &r->params, c->norm, wpm);
    if (st == JBW_OK) {
        jbw_queue_result now;
        now.version = JBW_QUEUE_RESULT_VERSION;
        st = jbw_queue_staffing(&r->queue, &q, o->queue_percent);
        if (st != JBW_ENOMEM &&
            jbw_forecast_month_get(&m0, r->fc, 0, JBW_STAT_MEAN) == JBW_OK &&
            jbw_queue_share(&now, &q, m0.effective_fte) == JBW_OK)
            r->share_now = 100.0 * now.share_within;
    }
    if (st == JBW_ENOMEM)
        return st;
    jbw_clear_error();
    return JBW_OK;
}

static double inflow_total(const jbw_forecast_params *p)
{
    double s = 0;
    int k;
    for (k = 0; k < JBW_KIND_COUNT; k++)
        s += p->inflow[k];
    return s;
}

static double staff_total(const jbw_forecast_params *p)
{
    double s = 0;
    int k;
    for (k = 0; k < JBW_TENURE_SLOTS; k++)
        s += p->staff_fte[k];
    return s;
}

/* One row of the side-by-side table: a label and a cell per run. */
static void row(jbw__brief_ctx *c, const char *label, run *runs, size_t n,
                void (*cell)(char *, size_t, jbw__brief_ctx *, run *))
{
    size_t i;
    jbw__doc_cell(c->doc, label);
    for (i = 0; i < n; i++) {
        char buf[160];
        cell(buf, sizeof buf, c, &runs[i]);
        jbw__doc_cell(c->doc, buf);
    }
}

static void cell_months(char *b, size_t n, jbw__brief_ctx *c, run *r)
{
    snprintf(b, n, "%d", (int)r->params.months);
    (void)c;
}
static void cell_inflow(char *b, size_t n, jbw__brief_ctx *c, run *r)
{
    fmtbuf v;
    snprintf(b, n, "%s", num(v, c, inflow_total(&r->params), 1));
}
/* The turnover; the library's default (JBW_FORECAST_PARAMS_INIT) says
 * so, as the chart's line of assumptions does, so that a reader sees it
 * is the assumption no one set. */
static void cell_turnover(char *b, size_t n, jbw__brief_ctx *c, run *r)
{
    static const jbw_forecast_params init = JBW_FORECAST_PARAMS_INIT;
    fmtbuf v;
    jbw__fmt_pct(v, 100.0 * r->params.turnover, c->lang);
    snprintf(b, n, "%s%s", v,
             fabs(r->params.turnover - init.turnover) < 1e-12
                 ? T(c, " (standaard)", " (default)")
                 : "");
}
static void cell_hires(char *b, size_t n, jbw__brief_ctx *c, run *r)
{
    fmtbuf v;
    if (r->params.hires_fte > 0 && r->params.hire_months < r->params.months)
        snprintf(b, n, T(c, "%s (maand 1\xe2\x80\x93%d)", "%s (months 1-%d)"),
                 num(v, c, r->params.hires_fte, 1), (int)r->params.hire_months);
    else
        snprintf(b, n, "%s", num(v, c, r->params.hires_fte, 1));
}
static void cell_shocks(char *b, size_t n, jbw__brief_ctx *c, run *r)
{
    size_t i;
    b[0] = '\0';
    for (i = 0; i < r->params.shock_count && strlen(b) + 48 < n; i++) {
        const jbw_shock *s = &r->params.shocks[i];
        fmtbuf m;
        jbw__fmt_pct(m, 100.0 * s->multiplier, c->lang);
        snprintf(b + strlen(b), n - strlen(b), "%s%s %s %d\xe2\x80\x93%d: %s",
                 i ? "; " : "",
                 s->kind == JBW_SHOCK_ALL_KINDS ? T(c, "alle", "all")
                                                : jbw_kind_code(s->kind),
                 T(c, "maand", "months"), (int)s->month_from, (int)s->month_to,
                 m);
    }
    if (!b[0])
        snprintf(b, n, "%s", T(c, "geen", "none"));
}
static void cell_start(char *b, size_t n, jbw__brief_ctx *c, run *r)
{
    fmtbuf w, f;
    double waiting = 0;
    int k;
    for (k = 0; k < JBW_KIND_COUNT; k++)
        waiting += r->params.waiting_nieuw[k] + r->params.waiting_bestaand[k];
    /* the data's own count as the publication rule shows it (a
     * scenario's start state may be a model's figure) */
    jbw__fmt_published_figure(w, &c->publish, waiting, c->lang);
    snprintf(b, n, T(c, "%s wachtend; %s fte", "%s waiting; %s FTE"), w,
             num(f, c, staff_total(&r->params), 1));
}
static void cell_end(char *b, size_t n, jbw__brief_ctx *c, run *r)
{
    jbw_forecast_month m;
    fmtbuf v, lo, hi;
    int32_t e = jbw_forecast_months(r->fc);
    m.version = JBW_FORECAST_MONTH_VERSION;
    if (jbw_forecast_month_get(&m, r->fc, e, JBW_STAT_MEAN) != JBW_OK) {
        snprintf(b, n, "\xe2\x80\x93");
        return;
    }
    num(v, c, m.waiting, 0);
    if (jbw_forecast_replicates(r->fc) &&
        jbw_forecast_month_get(&m, r->fc, e, JBW_STAT_P5) == JBW_OK) {
        num(lo, c, m.waiting, 0);
        jbw_forecast_month_get(&m, r->fc, e, JBW_STAT_P95);
        num(hi, c, m.waiting, 0);
        snprintf(b, n, T(c, "%s (90%%: %s tot %s)", "%s (90%%: %s to %s)"), v,
                 lo, hi);
    } else {
        snprintf(b, n, "%s", v);
    }
}
static void cell_relief(char *b, size_t n, jbw__brief_ctx *c, run *r)
{
    fmtbuf v;
    if (r->relief_st == JBW_OK)
        snprintf(b, n, T(c, "%s fte per maand", "%s FTE a month"),
                 num(v, c, jbw__need_up(r->relief, 1), 1));
    else if (r->relief_st == JBW_ERANGE)
        snprintf(b, n, "%s", T(c, "niet haalbaar", "not reachable"));
    else
        snprintf(b, n, "\xe2\x80\x93");
}
static void cell_queue(char *b, size_t n, jbw__brief_ctx *c, run *r)
{
    fmtbuf v, s;
    if (!isfinite(r->queue.fte)) {
        snprintf(b, n, "\xe2\x80\x93");
        return;
    }
    if (!(r->share_now > 0)) {
        snprintf(b, n,
                 T(c, "%s fte (met de fte van nu groeit de wachtrij)",
                   "%s FTE (with today's FTE the queue grows)"),
                 num(v, c, jbw__need_up(r->queue.fte, 1), 1));
        return;
    }
    jbw__fmt_pct(s, r->share_now, c->lang);
    snprintf(b, n,
             T(c, "%s fte (nu binnen de norm: %s)",
               "%s FTE (within the norm now: %s)"),
             num(v, c, jbw__need_up(r->queue.fte, 1), 1), s);
}

/* When the base starts with a caseload above capacity, nothing that
 * waits is taken on until a place frees up: the list first grows fast,
 * which a council should read as the model's rule, not as a surge. */
static void start_note(jbw__brief_ctx *c, const run *r)
{
    jbw_forecast_month m0;
    char p[JBW__FMT_SIZE];
    m0.version = JBW_FORECAST_MONTH_VERSION;
    if (jbw_forecast_month_get(&m0, r->fc, 0, JBW_STAT_MEAN) != JBW_OK ||
        !(m0.capacity > 0) || !(m0.load > m0.capacity))
        return;
    jbw__fmt_pct(p, 100.0 * m0.load / m0.capacity, c->lang);
    jbw__doc_text(
        c->doc, JBW__BLOCK_NOTE,
        T(c,
          "Bij de start is de caseload %s van de capaciteit: een wachtende "
          "maatregel krijgt pas een vaste jeugdbeschermer als er plek "
          "vrijkomt, doordat een maatregel eindigt of iemand begint. Daarom "
          "groeit de wachtlijst in de eerste maanden snel.",
          "At the start the load is %s of capacity: a waiting measure gets "
          "a fixed worker only once a place frees up, as a measure ends or "
          "someone starts. So the waiting list grows fast in the first "
          "months."),
        p);
    jbw_clear_error();
}

static jbw_status forecast_text(jbw__brief_ctx *c, run *runs, size_t n,
                                int32_t within)
{
    const jbw_brief_options *o = c->opts;
    jbw__doc *d = c->doc;
    char label[200];
    fmtbuf t, p;
    size_t i;
    jbw__doc_table(d, "scenarios",
                   T(c, "Aannames en uitkomsten per scenario",
                     "Assumptions and outcomes per scenario"),
                   n + 1);
    jbw__doc_cell(d, "");
    for (i = 0; i < n; i++)
        jbw__doc_cell(d, runs[i].name);
    row(c, T(c, "Horizon (maanden)", "Horizon (months)"), runs, n, cell_months);
    row(c, T(c, "Start", "Start"), runs, n, cell_start);
    row(c, T(c, "Instroom per maand (maatregelen)", "Inflow a month"), runs, n,
        cell_inflow);
    row(c, T(c, "Personeelsverloop per jaar", "Staff turnover a year"), runs, n,
        cell_turnover);
    row(c, T(c, "Werving (fte per maand)", "Hiring (FTE a month)"), runs, n,
        cell_hires);
    row(c, T(c, "Schokken in de instroom", "Shocks to the inflow"), runs, n,
        cell_shocks);
    row(c,
        T(c, "Wachtend aan het eind (gemiddeld)", "Waiting at the end (mean)"),
        runs, n, cell_end);
    if (o->relief_target > 0)
        snprintf(label, sizeof label,
                 T(c, "Werving nodig voor hoogstens %s wachtenden binnen %d %s",
                   "Hiring needed for at most %s waiting within %d %s"),
                 num(t, c, o->relief_target, 0), (int)o->relief_months,
                 jbw__months_word(o->relief_months, c->lang));
    else
        snprintf(label, sizeof label,
                 T(c,
                   "Werving nodig om de wachtlijst binnen %d %s weg te "
                   "werken",
                   "Hiring needed to clear the waiting list within %d %s"),
                 (int)o->relief_months,
                 jbw__months_word(o->relief_months, c->lang));
    row(c, label, runs, n, cell_relief);
    jbw__fmt_pct(p, o->queue_percent, c->lang);
    snprintf(label, sizeof label,
             T(c, "Fte voor %s binnen %d werkdagen (wachtrij)",
               "FTE for %s within %d werkdagen (queue)"),
             p, (int)within);
    row(c, label, runs, n, cell_queue);
    start_note(c, &runs[0]);
    if (runs[0].params.hires_fte <= 0 && runs[0].params.hiring_plan_count == 0)
        jbw__doc_text(
            d, JBW__BLOCK_NOTE, "%s",
            T(c,
              "De basis werft niemand: wie vertrekt (het verloop) wordt niet "
              "vervangen, dus de capaciteit krimpt en de wachtlijst groeit. "
              "Het "
              "is geen verwachting maar wat er gebeurt zonder werving; de rij "
              "\"Werving nodig\" geeft de werving die dat keert.",
              "The base hires no one: who leaves (the turnover) is not "
              "replaced, so capacity shrinks and the waiting list grows. It is "
              "not an expectation but what happens without hiring; the row "
              "\"Hiring needed\" gives the hiring that turns it."));
    jbw__doc_text(
        d, JBW__BLOCK_NOTE, "%s",
        T(c,
          "Het model voorspelt geen echte regio: elke uitkomst is zo goed als "
          "de aannames ernaast. De basis houdt de instroom gelijk aan de "
          "uitstroom van vandaag (een illustratieve aanname); scenario's "
          "zetten hun eigen instroom, verloop, werving en schokken. De "
          "werving is de kleinste vaste werving per maand die de wachtlijst "
          "op tijd onder het doel brengt; de wachtrij-benadering (Erlang C) "
          "geeft de fte waarmee het gevraagde deel van de nieuwe maatregelen "
          "binnen de norm een vaste jeugdbeschermer krijgt. Wat nodig is "
          "(werving, fte) staat naar boven afgerond op 0,1 fte, zodat het "
          "getal genoeg is.",
          "The model does not predict a real region: each outcome is as good "
          "as the assumptions beside it. The base keeps today's inflow equal "
          "to today's outflow (an illustrative assumption); scenarios set "
          "their own inflow, turnover, hiring and shocks. Hiring is the "
          "smallest constant hiring a month that brings the waiting list "
          "under the target in time; the queue view (Erlang C) gives the FTE "
          "with which the asked share of new measures gets a fixed worker "
          "within the norm. What is needed (hiring, FTE) is rounded up to 0.1 "
          "FTE, so that the figure is enough."));
    return d->failed ? jbw__enomem() : JBW_OK;
}

/* Says whose forecast it is: the brief's scope, or the organisation in
 * the region when both are given. */
static void forecast_scope(jbw__brief_ctx *c)
{
    const jbw_brief_options *o = c->opts;
    char who[256];
    if (o->organisation && o->region)
        snprintf(who, sizeof who, T(c, "%s in %s", "%s in %s"),
                 jbw__group_name(c->registry, JBW_GROUP_ORGANISATION,
                                 o->organisation),
                 jbw__group_name(c->registry, JBW_GROUP_REGION, o->region));
    else
        snprintf(who, sizeof who, "%s", jbw__brief_scope_words(c));
    jbw__doc_text(c->doc, JBW__BLOCK_NOTE,
                  T(c, "De prognose gaat over %s.", "The forecast covers %s."),
                  who);
}

jbw_status jbw__brief_forecast(jbw__brief_ctx *c)
{
    const jbw_brief_options *o = c->opts;
    run runs[JBW_BRIEF_SCENARIOS_MAX + 1];
    const jbw_forecast *fcs[JBW_BRIEF_SCENARIOS_MAX + 1];
    const char *names[JBW_BRIEF_SCENARIOS_MAX + 1];
    char numbered[JBW_BRIEF_SCENARIOS_MAX][32];
    size_t n = o->scenario_count + 1, i;
    int32_t within = 5;
    double wpm = workdays_per_month(c);
    char *svg = NULL;
    jbw_status st = JBW_OK;
    jbw_caseload_period(NULL, NULL, &within, c->cl);
    memset(runs, 0, sizeof runs);
    for (i = 0; i < n && st == JBW_OK; i++) {
        if (i == 0) {
            runs[i].name = T(c, "Basis", "Base");
        } else if (o->scenario_names && o->scenario_names[i - 1]) {
            runs[i].name = o->scenario_names[i - 1];
        } else {
            snprintf(numbered[i - 1], sizeof numbered[0], "scenario %zu", i);
            runs[i].name = numbered[i - 1];
        }
        st = run_one(c, &runs[i], i ? o->scenarios[i - 1] : NULL, within, wpm);
        fcs[i] = runs[i].fc;
        names[i] = runs[i].name;
    }
    if (st == JBW_OK) {
        jbw__doc_text(c->doc, JBW__BLOCK_H2, "%s",
                      T(c, "Prognose en scenario's", "Forecast and scenarios"));
        jbw__doc_text(
            c->doc, JBW__BLOCK_P, "%s",
            T(c,
              "Hoe de wachtlijst zich maand voor maand ontwikkelt bij "
              "instroom, uitstroom, personeelsverloop (de caseload van wie "
              "vertrekt wordt bestaand) en werving met inwerktijd. De band "
              "geeft aan waar 90% van de gesimuleerde verlopen blijft.",
              "How the waiting list develops month by month under inflow, "
              "exits, staff turnover (the caseload of leavers becomes "
              "bestaand) and hiring with onboarding. The band shows where 90% "
              "of the simulated courses stay."));
        forecast_scope(c);
        st = jbw_chart_forecast_svg(&svg, NULL, runs[0].fc, &c->chart);
        st = jbw__brief_add_chart(c, "forecast", st, svg);
    }
    if (st == JBW_OK && n > 1) {
        svg = NULL;
        st = jbw_chart_scenarios_svg(&svg, NULL, fcs, names, n, &c->chart);
        st = jbw__brief_add_chart(c, "scenarios", st, svg);
    }
    if (st == JBW_OK)
        st = forecast_text(c, runs, n, within);
    for (i = 0; i < n; i++)
        jbw_forecast_free(runs[i].fc);
    return st;
}

/* ---- sources and definitions --------------------------------------------- */

/*
 * The data in one sentence: where it comes from (the embedded example is
 * not an export), its records and how many of them count on the date,
 * so that the record counts and the key figures do not read as two
 * figures for one thing.
 */
static void sources_data(jbw__brief_ctx *c)
{
    const char *dn = jbw_snapshot_data_notice(c->snap);
    int example = (dn && strcmp(dn, jbw_example_notice()) == 0) ||
                  (c->notice && strcmp(c->notice, jbw_example_notice()) == 0);
    jbw_caseload_totals t;
    fmtbuf w, wd, m, ma, day;
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    if (jbw_caseload_totals_get(&t, c->cl) != JBW_OK)
        return;
    /* counts in a sentence: "minder dan 5", not "< 5" */
    jbw__fmt_published_words(m, &c->publish,
                             jbw_snapshot_measure_count(c->snap), c->lang);
    jbw__fmt_published_words(ma, &c->publish, t.active_measures, c->lang);
    jbw__fmt_published_words(w, &c->publish, jbw_snapshot_worker_count(c->snap),
                             c->lang);
    jbw__fmt_published_words(wd, &c->publish, t.workers, c->lang);
    jbw__fmt_date(day, c->date, c->lang);
    jbw__doc_text(
        c->doc, JBW__BLOCK_ITEM,
        T(c,
          "Gegevens: %s met %s maatregelen, waarvan %s lopend op de "
          "peildatum %s, en %s medewerkers, waarvan %s in dienst op die dag. "
          "De andere maatregelen waren op de peildatum beëindigd of nog niet "
          "gestart, de andere medewerkers uit dienst of nog niet in dienst.",
          "Data: %s with %s measures, of which %s active on the reference "
          "date %s, and %s workers, of which %s employed on that day. The "
          "other measures had ended or not yet started on the date, the "
          "other workers had left or not yet joined."),
        example ? T(c, "het synthetische voorbeeld van libjbw",
                    "libjbw's synthetic example")
                : T(c, "een export", "an export"),
        m, ma, day, w, wd);
}

jbw_status jbw__brief_sources(jbw__brief_ctx *c)
{
    jbw__doc *d = c->doc;
    jbw__doc_text(d, JBW__BLOCK_H2, "%s",
                  T(c, "Bronnen en definities", "Sources and definitions"));
    sources_data(c);
    if (c->scope_key)
        jbw__doc_text(d, JBW__BLOCK_ITEM,
                      T(c,
                        "Bereik: %s; de tabellen en grafieken per regio en "
                        "organisatie tonen alle gegevens.",
                        "Scope: %s; the tables and charts per region and "
                        "organisation show all the data."),
                      c->scope_name);
    if (c->opts->series && jbw_series_title(c->opts->series)) {
        /* a Dutch reader gets the Dutch words of one of the library's
         * notices (the published series: its public source) */
        const char *sn = jbw_series_data_notice(c->opts->series);
        const char *nl = jbw__notice_nl(c->lang, sn);
        if (nl && strcmp(sn, jbw__example_zhz_notice) == 0) {
            jbw__doc_text(d, JBW__BLOCK_ITEM,
                          "Reeks: %s; gepubliceerde cijfers uit de "
                          "raadsinformatiebrief van een gemeente in "
                          "Zuid-Holland Zuid over het rapport van de "
                          "inspecties (najaar 2025).",
                          jbw_series_title(c->opts->series));
        } else if (nl) {
            size_t n = strlen(nl);
            jbw__doc_text(d, JBW__BLOCK_ITEM, "Reeks: %s; %.*s.",
                          jbw_series_title(c->opts->series),
                          (int)(n && nl[n - 1] == '.' ? n - 1 : n), nl);
        } else
            jbw__doc_text(d, JBW__BLOCK_ITEM,
                          T(c, "Reeks: %s%s%s.", "Series: %s%s%s."),
                          jbw_series_title(c->opts->series), sn ? "; " : "",
                          sn ? sn : "");
    }
    jbw__doc_text(d, JBW__BLOCK_ITEM,
                  T(c, "Norm: %s; bron: %s.", "Norm: %s; source: %s."),
                  jbw__norm_name_lang(jbw_norm_name(c->norm),
                                      jbw_norm_unit(c->norm), c->lang),
                  jbw_norm_source(c->norm) && *jbw_norm_source(c->norm)
                      ? jbw_norm_source_lang(c->norm, c->lang)
                      : T(c, "niet vermeld", "not stated"));
    jbw__doc_text(
        d, JBW__BLOCK_ITEM, "%s",
        T(c,
          "Nieuw: een lopende maatregel die nog nooit een vaste "
          "jeugdbeschermer had. Bestaand: een lopende maatregel waarvan de "
          "vaste jeugdbeschermer is weggevallen.",
          "Nieuw: an active measure that never had a fixed worker. Bestaand: "
          "an active measure whose fixed worker dropped out."));
    jbw__doc_text(
        d, JBW__BLOCK_ITEM, "%s",
        T(c,
          "Termijnen: eerste contact met kind en ouders binnen 5 werkdagen "
          "nadat de GI de maatregel kreeg, en passende hulp binnen 3 "
          "maanden; bron: Inspectie Gezondheidszorg en Jeugd en Inspectie "
          "Justitie en Veiligheid, Zorgen over kinderen die wachten op "
          "jeugdbescherming en jeugdreclassering (27-2-2025).",
          "Time limits: first contact with child and parents within 5 "
          "werkdagen after the GI was charged with the measure, and "
          "suitable help within 3 months; source: the Health and Youth Care "
          "Inspectorate and the Justice and Security Inspectorate, Zorgen "
          "over kinderen die wachten op jeugdbescherming en "
          "jeugdreclassering (27-2-2025)."));
    jbw__doc_text(
        d, JBW__BLOCK_ITEM, "%s",
        T(c,
          "Werkdagen: maandag tot en met vrijdag zonder de feestdagen van de "
          "CAO Jeugdzorg (art. 9.7). \"Binnen 5 werkdagen\": hoogstens 5 "
          "werkdagen na de start, de startdag niet meegeteld.",
          "Werkdagen: Monday to Friday without the holidays of the CAO "
          "Jeugdzorg (art. 9.7). \"Within 5 werkdagen\": at most 5 werkdagen "
          "after the start, the start day not counted."));
    jbw__doc_text(
        d, JBW__BLOCK_ITEM, "%s",
        T(c,
          "Capaciteit: fte maal inwerkfactor maal de norm. Caseload: wat aan "
          "de medewerker is toegewezen, in de eenheid van de norm. Benodigde "
          "fte: alle lopende maatregelen, wachtenden inbegrepen, gedeeld door "
          "de norm.",
          "Capacity: FTE times the onboarding ramp times the norm. Load: what "
          "is assigned to the worker, in the norm's unit. FTE required: every "
          "active measure, waiting ones included, divided by the norm."));
    jbw__doc_text(
        d, JBW__BLOCK_ITEM, "%s",
        T(c,
          "Hoe elk cijfer is berekend, staat in de documentatie van libjbw, "
          "de rekenbibliotheek waarmee dit stuk is gemaakt: bij de "
          "raadsinformatiebrief, de caseloadnormen en de koppeling, het "
          "wachtrisicomodel en de prognose.",
          "How each figure is computed is in the documentation of libjbw, "
          "the library this brief was made with: under the council brief, "
          "the caseload norms and the coupling, the waiting-risk model and "
          "the forecast."));
    return d->failed ? jbw__enomem() : JBW_OK;
}
