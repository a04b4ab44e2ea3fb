/*
 * Writers of the staffing answers (include/jbw/staffing.h): text in Dutch
 * or English, CSV and JSON, each carrying the data notice when the options
 * give one. Built on the answer records only.
 */
#include "jbw/staffing.h"

#include <math.h>
#include <string.h>

#include "base/base_internal.h"
#include "base/fixed.h"

static const jbw_output_options default_options = JBW_OUTPUT_OPTIONS_INIT;

/* Checks the arguments of a writer; *o: the options to use. */
static jbw_status check(const char *fn, char **out, size_t *len,
                        const void *answer, unsigned int version,
                        unsigned int expected, const jbw_output_options *opts,
                        const jbw_output_options **o)
{
    if (!out || !len || !answer)
        return jbw__error(JBW_EINVAL, "%s: NULL argument", fn);
    /* the relief answer's version 1 is read as well */
    if (version != expected && !(expected == 2 && version == 1))
        return jbw__error_version(version, expected == 2 ? 1 : expected,
                                  expected, "%s: answer", fn);
    if (opts && opts->version != JBW_OUTPUT_OPTIONS_VERSION)
        return jbw__error_version(opts->version, JBW_OUTPUT_OPTIONS_VERSION,
                                  JBW_OUTPUT_OPTIONS_VERSION, "%s: options",
                                  fn);
    *o = opts ? opts : &default_options;
    return JBW_OK;
}

/* A number with up to `decimals` decimals for people, '.' whatever the
 * locale, a decimal comma in Dutch; trailing zeros dropped, or with
 * `all_decimals` kept (0,330 and 4,0, not 0,33 and 4). */
static void put_number(jbw__buf *b, double v, int decimals, jbw_lang lang,
                       int all_decimals)
{
    jbw__buf t = JBW__BUF_INIT;
    char *dot;
    size_t have;
    jbw__buf_json_number(&t, v, decimals);
    if (all_decimals && !t.failed && t.data && !strpbrk(t.data, "eEn")) {
        dot = strchr(t.data, '.');
        have = dot ? strlen(dot + 1) : 0;
        if (!dot && decimals > 0)
            jbw__buf_puts(&t, ".");
        for (; have < (size_t)decimals; have++)
            jbw__buf_puts(&t, "0");
    }
    if (t.failed) {
        b->failed = 1;
    } else if (t.data) {
        if (lang != JBW_LANG_EN && (dot = strchr(t.data, '.')) != NULL)
            *dot = ',';
        jbw__buf_puts(b, t.data);
    }
    jbw__buf_free(&t);
}

static void put_num(jbw__buf *b, double v, int decimals, jbw_lang lang)
{
    put_number(b, v, decimals, lang, 0);
}

/* The hiring answer is found to 0.001 FTE: its figures keep their
 * decimals, whatever the last digits (one in the Dutch text, which a
 * council reads: as the brief shows FTE). */
static void put_fixed(jbw__buf *b, double v, int decimals, jbw_lang lang)
{
    put_number(b, v, decimals, lang, 1);
}

/* A share 0..1 as a percentage with one decimal ("90,3%"). */
static void put_pct(jbw__buf *b, double share, jbw_lang lang)
{
    put_num(b, 100.0 * share, 1, lang);
    jbw__buf_putc(b, '%');
}

/* ---- relief ------------------------------------------------------------ */

/* A probability answer (version 2, probability above 0). */
static int with_probability(const jbw_relief_answer *a)
{
    return a->version >= 2 && a->probability > 0;
}

jbw_status jbw_relief_answer_text(char **out, size_t *len,
                                  const jbw_relief_answer *a,
                                  const jbw_output_options *opts)
{
    jbw__buf b = JBW__BUF_INIT;
    const jbw_output_options *o = NULL;
    jbw_status st =
        check("jbw_relief_answer_text", out, len, a, a ? a->version : 0,
              JBW_RELIEF_ANSWER_VERSION, opts, &o);
    int en;
    if (st != JBW_OK)
        return st;
    en = o->lang == JBW_LANG_EN;
    jbw__notice_text_lang(&b, o->data_notice, o->lang);
    jbw__buf_puts(&b, en ? "Relief: to bring the waiting list to at most "
                         : "Inhaalslag: om de wachtlijst binnen ");
    if (en) {
        put_num(&b, a->target_waiting, 0, o->lang);
        jbw__buf_printf(&b, " measures within %ld month%s,\nhire ",
                        (long)a->within_months,
                        a->within_months == 1 ? "" : "s");
    } else {
        jbw__buf_printf(&b, "%ld %s terug te brengen tot hoogstens ",
                        (long)a->within_months,
                        a->within_months == 1 ? "maand" : "maanden");
        put_num(&b, a->target_waiting, 0, o->lang);
        jbw__buf_puts(&b, " maatregelen,\nelke maand ");
    }
    /* a need: the Dutch figure, with one decimal, and the total are
     * rounded up, so that hiring what they say reaches the target */
    put_fixed(&b,
              en ? a->hires_fte_per_month
                 : jbw__need_up(a->hires_fte_per_month, 1),
              en ? 3 : 1, o->lang);
    jbw__buf_puts(&b, en ? " FTE every month (" : " fte aannemen (");
    put_fixed(&b, jbw__need_up(a->total_hires_fte, 1), 1, o->lang);
    jbw__buf_puts(&b, en ? " FTE in all), at " : " fte in totaal), bij ");
    put_num(&b, 100.0 * a->annual_turnover, 0, o->lang);
    jbw__buf_puts(&b, en ? "% annual turnover.\n" : "% verloop per jaar.\n");
    if (with_probability(a)) {
        jbw__buf_puts(&b, en ? "The target is met in at least "
                             : "Het doel wordt gehaald in ten minste ");
        put_pct(&b, a->probability, o->lang);
        jbw__buf_printf(&b,
                        en ? " of %zu replicates (seed %llu).\n"
                           : " van %zu herhalingen (seed %llu).\n",
                        a->replicates, (unsigned long long)a->seed);
    }
    return jbw__buf_finish(&b, out, len);
}

/* The answer's figures, in every form (base_internal.h, jbw__row). */
static void relief_row(jbw__buf *b, int form, const jbw_relief_answer *a)
{
    jbw__row w;
    jbw__row_init(&w, b, form, 0);
    jbw__row_number(&w, "target_waiting", a->target_waiting, 6);
    jbw__row_long(&w, "within_months", (long)a->within_months);
    jbw__row_number(&w, "hires_fte_per_month", a->hires_fte_per_month, 3);
    jbw__row_number(&w, "total_hires_fte", a->total_hires_fte, 3);
    jbw__row_number(&w, "annual_turnover", a->annual_turnover, 6);
}

jbw_status jbw_relief_answer_csv(char **out, size_t *len,
                                 const jbw_relief_answer *a,
                                 const jbw_output_options *opts)
{
    jbw__buf b = JBW__BUF_INIT;
    const jbw_output_options *o = NULL;
    jbw_status st =
        check("jbw_relief_answer_csv", out, len, a, a ? a->version : 0,
              JBW_RELIEF_ANSWER_VERSION, opts, &o);
    if (st != JBW_OK)
        return st;
    relief_row(&b, JBW__ROW_HEADER, a);
    /* an answer with a probability says so, as the JSON and the text do */
    if (with_probability(a))
        jbw__buf_puts(&b, ",probability,replicates,seed");
    jbw__notice_csv_header_end(&b, o->data_notice);
    relief_row(&b, JBW__ROW_CSV, a);
    if (with_probability(a)) {
        jbw__csv_num(&b, a->probability, 6);
        jbw__buf_printf(&b, ",%zu,%llu", a->replicates,
                        (unsigned long long)a->seed);
    }
    jbw__notice_csv_row_end(&b, o->data_notice);
    return jbw__buf_finish(&b, out, len);
}

jbw_status jbw_relief_answer_json(char **out, size_t *len,
                                  const jbw_relief_answer *a,
                                  const jbw_output_options *opts)
{
    jbw__buf b = JBW__BUF_INIT;
    const jbw_output_options *o = NULL;
    jbw_status st =
        check("jbw_relief_answer_json", out, len, a, a ? a->version : 0,
              JBW_RELIEF_ANSWER_VERSION, opts, &o);
    if (st != JBW_OK)
        return st;
    jbw__buf_putc(&b, '{');
    jbw__notice_json(&b, o->data_notice);
    jbw__buf_puts(&b, "\"question\":\"relief\",");
    relief_row(&b, JBW__ROW_JSON, a);
    if (with_probability(a)) {
        jbw__buf_puts(&b, ",\"probability\":");
        jbw__buf_json_number(&b, a->probability, 6);
        jbw__buf_printf(&b, ",\"replicates\":%zu,\"seed\":%llu", a->replicates,
                        (unsigned long long)a->seed);
    }
    jbw__buf_puts(&b, "}\n");
    return jbw__buf_finish(&b, out, len);
}

/* ---- queue ------------------------------------------------------------- */

jbw_status jbw_queue_answer_text(char **out, size_t *len,
                                 const jbw_queue_answer *a,
                                 const jbw_output_options *opts)
{
    jbw__buf b = JBW__BUF_INIT;
    const jbw_output_options *o = NULL;
    jbw_status st =
        check("jbw_queue_answer_text", out, len, a, a ? a->version : 0,
              JBW_QUEUE_ANSWER_VERSION, opts, &o);
    jbw_lang l;
    int en;
    if (st != JBW_OK)
        return st;
    l = o->lang;
    en = l == JBW_LANG_EN;
    jbw__notice_text_lang(&b, o->data_notice, o->lang);
    jbw__buf_puts(&b, en ? "Queue view (Erlang C): "
                         : "Wachtrijbeeld (Erlang C): ");
    put_num(&b, a->queue.arrivals_per_workday, 2, l);
    jbw__buf_puts(&b,
                  en ? " new measures per werkdag, each holding a slot\nfor "
                     : " nieuwe maatregelen per werkdag, elk houdt een plek\n");
    if (!en)
        jbw__buf_puts(&b, "gemiddeld ");
    put_num(&b, a->queue.mean_duration_workdays, 0, l);
    jbw__buf_puts(&b, en ? " werkdagen on average: offered load "
                         : " werkdagen bezet: aangeboden last ");
    put_num(&b, a->needed.offered_load, 1, l);
    jbw__buf_puts(&b, en ? " slots.\nFor at least "
                         : " plekken.\nVoor ten minste ");
    put_num(&b, a->percent, 1, l);
    jbw__buf_puts(&b, en ? "% to get a fixed worker within "
                         : "% koppeling binnen ");
    put_num(&b, a->queue.within_workdays, 0, l);
    jbw__buf_printf(&b,
                    en ? " werkdagen:\n  %zu slots = "
                       : " werkdagen:\n  %zu plekken = ",
                    a->needed.slots);
    put_num(&b, jbw__need_up(a->needed.fte, 1), 1, l); /* a need: up */
    jbw__buf_puts(&b, en ? " FTE (" : " fte (");
    put_pct(&b, a->needed.share_within, l);
    jbw__buf_puts(&b, en ? " within, " : " binnen de termijn, ");
    put_pct(&b, a->needed.p_wait, l);
    jbw__buf_puts(&b, en ? " wait at all)\nNow: "
                         : " moet op een plek wachten)\nNu: ");
    put_num(&b, a->current_effective_fte, 1, l);
    jbw__buf_printf(&b,
                    en ? " effective FTE = %zu slots: "
                       : " effectieve fte = %zu plekken: ",
                    a->current.slots);
    put_pct(&b, a->current.share_within, l);
    jbw__buf_puts(&b, en ? " within " : " binnen ");
    put_num(&b, a->queue.within_workdays, 0, l);
    jbw__buf_puts(&b, " werkdagen\n");
    if (!a->current_stable) {
        /* One line: why 0 % here can stand beside the report's share. */
        jbw__buf_puts(&b, en ? "Why 0%: the offered load ("
                             : "Waarom 0%: de aangeboden last (");
        put_num(&b, a->current.offered_load, 1, l);
        jbw__buf_printf(
            &b,
            en ? ") exceeds today's %zu slots, so this queue grows without "
                 "bound and in the long run no one is coupled in time; the "
                 "report's koppeling share counts what happened in its "
                 "period.\n"
               : ") is groter dan de %zu plekken van nu, dus groeit deze "
                 "wachtrij zonder grens en wordt op termijn niemand op tijd "
                 "gekoppeld; het rapport telt wat er in zijn periode "
                 "gebeurde.\n",
            a->current.slots);
    }
    /* The staffing assumptions, said in every staffing answer. */
    jbw__buf_puts(&b,
                  en ? "Assumptions: today's staff; the new measures per "
                       "werkdag and their duration come from the forecast's "
                       "parameters (the defaults: inflow equal to today's "
                       "outflow, the active measures over their duration), "
                       "not from a count of past starts; staff turnover and "
                       "hiring do not enter the queue view (see the relief "
                       "question).\n"
                     : "Aannames: de bezetting van nu; de nieuwe maatregelen "
                       "per werkdag en hun duur komen uit de parameters van "
                       "de prognose (standaard: instroom gelijk aan de "
                       "uitstroom van nu, de lopende maatregelen gedeeld door "
                       "hun duur), niet uit een telling van gestarte "
                       "maatregelen; verloop en werving tellen in de "
                       "wachtrij niet mee (zie de vraag naar werving).\n");
    return jbw__buf_finish(&b, out, len);
}

/*
 * One side of the queue answer (what is needed, what there is now), in
 * every form (base_internal.h, jbw__row): the CSV row of its scope, and
 * the JSON object "needed" (slots, fte, ...) or "current" (effective_fte
 * first, then slots, ...; the caller adds "stable").
 */
static void queue_fields(jbw__buf *b, int form, const jbw_queue_answer *a,
                         int current)
{
    const jbw_queue_result *r = current ? &a->current : &a->needed;
    double fte = current ? a->current_effective_fte : a->needed.fte;
    jbw__row w;
    jbw__row_init(&w, b, form, 0);
    jbw__row_text_as(&w, "scope", NULL, current ? "current" : "needed");
    jbw__row_number_as(&w, "within_workdays", NULL, a->queue.within_workdays,
                       6);
    jbw__row_number_as(&w, NULL, current ? "effective_fte" : NULL, fte, 3);
    jbw__row_size(&w, "slots", r->slots);
    jbw__row_number_as(&w, "fte", current ? NULL : "fte", fte, 3);
    jbw__row_number(&w, "p_wait", r->p_wait, 6);
    jbw__row_number(&w, "share_within", r->share_within, 6);
}

jbw_status jbw_queue_answer_csv(char **out, size_t *len,
                                const jbw_queue_answer *a,
                                const jbw_output_options *opts)
{
    jbw__buf b = JBW__BUF_INIT;
    const jbw_output_options *o = NULL;
    jbw_status st =
        check("jbw_queue_answer_csv", out, len, a, a ? a->version : 0,
              JBW_QUEUE_ANSWER_VERSION, opts, &o);
    if (st != JBW_OK)
        return st;
    queue_fields(&b, JBW__ROW_HEADER, a, 0);
    jbw__notice_csv_header_end(&b, o->data_notice);
    queue_fields(&b, JBW__ROW_CSV, a, 0);
    jbw__notice_csv_row_end(&b, o->data_notice);
    queue_fields(&b, JBW__ROW_CSV, a, 1);
    jbw__notice_csv_row_end(&b, o->data_notice);
    return jbw__buf_finish(&b, out, len);
}

jbw_status jbw_queue_answer_json(char **out, size_t *len,
                                 const jbw_queue_answer *a,
                                 const jbw_output_options *opts)
{
    jbw__buf b = JBW__BUF_INIT;
    const jbw_output_options *o = NULL;
    jbw_status st =
        check("jbw_queue_answer_json", out, len, a, a ? a->version : 0,
              JBW_QUEUE_ANSWER_VERSION, opts, &o);
    if (st != JBW_OK)
        return st;
    jbw__buf_putc(&b, '{');
    jbw__notice_json(&b, o->data_notice);
    jbw__buf_puts(&b, "\"question\":\"queue\",\"within_workdays\":");
    jbw__buf_json_number(&b, a->queue.within_workdays, 6);
    jbw__buf_puts(&b, ",\"percent\":");
    jbw__buf_json_number(&b, a->percent, 6);
    jbw__buf_puts(&b, ",\"workdays_per_month\":");
    jbw__buf_json_number(&b, a->workdays_per_month, 6);
    jbw__buf_puts(&b, ",\"arrivals_per_workday\":");
    jbw__buf_json_number(&b, a->queue.arrivals_per_workday, 6);
    jbw__buf_puts(&b, ",\"mean_duration_workdays\":");
    jbw__buf_json_number(&b, a->queue.mean_duration_workdays, 3);
    jbw__buf_puts(&b, ",\"slots_per_fte\":");
    jbw__buf_json_number(&b, a->queue.slots_per_fte, 6);
    jbw__buf_puts(&b, ",\"offered_load\":");
    jbw__buf_json_number(&b, a->needed.offered_load, 3);
    jbw__buf_puts(&b, ",\"needed\":{");
    queue_fields(&b, JBW__ROW_JSON, a, 0);
    jbw__buf_puts(&b, "},\"current\":{");
    queue_fields(&b, JBW__ROW_JSON, a, 1);
    jbw__buf_printf(&b, ",\"stable\":%s}}\n",
                    a->current_stable ? "true" : "false");
    return jbw__buf_finish(&b, out, len);
}
