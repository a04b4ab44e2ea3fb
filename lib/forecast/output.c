/*
 * libjbw - the forecast writers: JSON, CSV and the text table.
 */
#include "base/fixed.h"
#include "base/table.h"
#include "forecast/forecast_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* Output                                                                  */
/* ====================================================================== */

/* Decimals per quantity in files: counts and FTE 4, money 2, ratios 6. */
static int file_decimals(int qi)
{
    if (qi == FCQ_COVERAGE)
        return 6;
    if (qi >= FCQ_REVENUE)
        return 2;
    return 4;
}

/*
 * The writers read the result through the public getters, as a user of
 * the API would. A month's record with its quantities in the order of
 * jbw__fc_quantity_names; month and statistic come from the same result,
 * so the getter cannot fail here.
 */
typedef struct month_values {
    jbw_date date;
    double v[FCQ_COUNT];
} month_values;

static month_values month_of(const jbw_forecast *fc, int32_t t, int stat)
{
    jbw_forecast_month m;
    month_values out;
    memset(&m, 0, sizeof m);
    m.version = JBW_FORECAST_MONTH_VERSION;
    m.date = JBW_DATE_NONE;
    (void)jbw_forecast_month_get(&m, fc, t, (jbw_statistic)stat);
    out.date = m.date;
    out.v[FCQ_ASSIGNED] = m.assigned;
    out.v[FCQ_WAITING_NIEUW] = m.waiting_nieuw;
    out.v[FCQ_WAITING_BESTAAND] = m.waiting_bestaand;
    out.v[FCQ_WAITING] = m.waiting;
    out.v[FCQ_ACTIVE] = m.active;
    out.v[FCQ_INFLOW] = m.inflow;
    out.v[FCQ_EXITS] = m.exits;
    out.v[FCQ_ORPHANED] = m.orphaned;
    out.v[FCQ_INTAKE] = m.intake;
    out.v[FCQ_LEAVERS_FTE] = m.leavers_fte;
    out.v[FCQ_HIRES_FTE] = m.hires_fte;
    out.v[FCQ_FTE] = m.fte;
    out.v[FCQ_EFFECTIVE_FTE] = m.effective_fte;
    out.v[FCQ_CAPACITY] = m.capacity;
    out.v[FCQ_LOAD] = m.load;
    out.v[FCQ_FREE_CAPACITY] = m.free_capacity;
    out.v[FCQ_REVENUE] = m.revenue;
    out.v[FCQ_STAFF_COST] = m.staff_cost;
    out.v[FCQ_FIXED_COSTS] = m.fixed_costs;
    out.v[FCQ_MARGIN] = m.margin;
    out.v[FCQ_COVERAGE] = m.coverage;
    return out;
}

/* The staff assumptions of a run (jbw_forecast_assumptions). */
typedef struct assumptions {
    double turnover, hires_fte, plan_fte;
    int32_t hire_months;
    int plan_cohorts;
} assumptions;

static assumptions assumptions_of(const jbw_forecast *fc)
{
    assumptions a = {0, 0, 0, 0, 0};
    (void)jbw_forecast_assumptions(&a.turnover, &a.hires_fte, &a.hire_months,
                                   &a.plan_fte, &a.plan_cohorts, fc);
    return a;
}

/* The statistics of a run: the mean alone, or all four when stochastic. */
static int stat_count(const jbw_forecast *fc)
{
    return jbw_forecast_replicates(fc) ? FC_STATS : 1;
}

static void json_month(jbw__buf *b, const jbw_forecast *fc, int32_t t, int stat)
{
    month_values m = month_of(fc, t, stat);
    const double *v = m.v;
    int qi;
    jbw__buf_printf(b, "{\"month\":%d,\"date\":", (int)t);
    if (m.date != JBW_DATE_NONE) {
        jbw__buf_putc(b, '"');
        jbw__buf_date(b, m.date);
        jbw__buf_putc(b, '"');
    } else {
        jbw__buf_puts(b, "null");
    }
    for (qi = 0; qi < FCQ_COUNT; qi++) {
        jbw__buf_printf(b, ",\"%s\":", jbw__fc_quantity_names[qi]);
        jbw__buf_json_number(b, v[qi], file_decimals(qi));
    }
    jbw__buf_puts(b, ",\"by_kind\":{");
    for (qi = 0; qi < FC_K; qi++) {
        double active = NAN, waiting = NAN;
        jbw_forecast_kind_get(&active, &waiting, fc, t, (jbw_statistic)stat,
                              (jbw_kind)qi);
        jbw__buf_printf(b, "%s\"%s\":{\"active\":", qi ? "," : "",
                        jbw_kind_code((jbw_kind)qi));
        jbw__buf_json_number(b, active, 4);
        jbw__buf_puts(b, ",\"waiting\":");
        jbw__buf_json_number(b, waiting, 4);
        jbw__buf_putc(b, '}');
    }
    jbw__buf_puts(b, "}}");
}

jbw_status jbw_forecast_json(char **out, size_t *len, const jbw_forecast *fc)
{
    jbw__buf b = JBW__BUF_INIT;
    int stat, nstats;
    int32_t months;
    size_t replicates;
    jbw_date start;
    assumptions a;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_json: NULL argument");
    a = assumptions_of(fc);
    nstats = stat_count(fc);
    months = jbw_forecast_months(fc);
    replicates = jbw_forecast_replicates(fc);
    start = month_of(fc, 0, JBW_STAT_MEAN).date;
    jbw__buf_putc(&b, '{');
    jbw__notice_json(&b, jbw_forecast_data_notice(fc));
    jbw__buf_printf(&b,
                    "\"mode\":\"%s\",\"replicates\":%zu,\"seed\":%llu,"
                    "\"months\":%d,\"start\":",
                    replicates ? "stochastic" : "deterministic", replicates,
                    (unsigned long long)jbw_forecast_seed(fc), (int)months);
    if (start != JBW_DATE_NONE) {
        jbw__buf_putc(&b, '"');
        jbw__buf_date(&b, start);
        jbw__buf_putc(&b, '"');
    } else {
        jbw__buf_puts(&b, "null");
    }
    jbw__buf_printf(&b, ",\"finance\":%s,\"assumptions\":{\"annual_turnover\":",
                    jbw_forecast_has_finance(fc) ? "true" : "false");
    jbw__buf_json_number(&b, a.turnover, 6);
    jbw__buf_puts(&b, ",\"hires_fte_per_month\":");
    jbw__buf_json_number(&b, a.hires_fte, 6);
    jbw__buf_printf(&b, ",\"hire_months\":%d", (int)a.hire_months);
    if (a.plan_cohorts) {
        /* only with a plan: the output of a run without one is unchanged */
        jbw__buf_puts(&b, ",\"hiring_plan_fte\":");
        jbw__buf_json_number(&b, a.plan_fte, 6);
        jbw__buf_printf(&b, ",\"hiring_plan_cohorts\":%d", a.plan_cohorts);
    }
    jbw__buf_puts(&b, "},\"statistics\":[");
    for (stat = 0; stat < nstats; stat++) {
        if (stat)
            jbw__buf_putc(&b, ',');
        jbw__buf_json_string(&b, jbw_statistic_code((jbw_statistic)stat));
    }
    jbw__buf_putc(&b, ']');
    for (stat = 0; stat < nstats; stat++) {
        int32_t t;
        jbw__buf_printf(&b, ",\"%s\":[",
                        jbw_statistic_code((jbw_statistic)stat));
        for (t = 0; t <= months; t++) {
            if (t)
                jbw__buf_putc(&b, ',');
            json_month(&b, fc, t, stat);
        }
        jbw__buf_putc(&b, ']');
    }
    jbw__buf_puts(&b, "}\n");
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* A CSV number: empty for NaN (finance off). */
static void csv_number(jbw__buf *b, double v, int decimals)
{
    if (isfinite(v))
        jbw__buf_json_number(b, v, decimals);
}

jbw_status jbw_forecast_csv(char **out, size_t *len, const jbw_forecast *fc)
{
    jbw__buf b = JBW__BUF_INIT;
    int stat, qi;
    assumptions a;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_csv: NULL argument");
    a = assumptions_of(fc);
    jbw__buf_puts(&b, "statistic,month,date");
    for (qi = 0; qi < FCQ_COUNT; qi++)
        jbw__buf_printf(&b, ",%s", jbw__fc_quantity_names[qi]);
    jbw__buf_puts(&b, ",annual_turnover,hires_fte_per_month");
    jbw__notice_csv_header_end(&b, jbw_forecast_data_notice(fc));
    for (stat = 0; stat < stat_count(fc); stat++) {
        int32_t t;
        for (t = 0; t <= jbw_forecast_months(fc); t++) {
            month_values m = month_of(fc, t, stat);
            const double *v = m.v;
            jbw__buf_printf(&b, "%s,%d,",
                            jbw_statistic_code((jbw_statistic)stat), (int)t);
            jbw__buf_date(&b, m.date);
            for (qi = 0; qi < FCQ_COUNT; qi++) {
                jbw__buf_putc(&b, ',');
                csv_number(&b, v[qi], file_decimals(qi));
            }
            jbw__buf_putc(&b, ',');
            jbw__buf_json_number(&b, a.turnover, 6);
            jbw__buf_putc(&b, ',');
            jbw__buf_json_number(&b, a.hires_fte, 6);
            jbw__notice_csv_row_end(&b, jbw_forecast_data_notice(fc));
        }
    }
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* The words of the text table, Dutch and English. */
typedef struct words {
    const char *stochastic, *deterministic, *assumptions, *in_months;
    const char *plan[2]; /* one cohort, more */
    const char *date, *month, *waiting[3], *band[2], *rest[5], *money[3];
    size_t rest_width[5]; /* a Dutch word may be wider than the English */
} words;

static const words words_nl = {
    "Prognose, %d %s, stochastisch: gemiddelde van %zu herhalingen "
    "(seed %llu), p5-p95 van de wachtlijst\n",
    "Prognose, %d %s, deterministisch (verwachte waarden)\n",
    "Aannames: personeelsverloop %.1f%% per jaar; werving %.2f fte per "
    "maand",
    " in maanden 1-%d",
    {"; wervingsplan %.2f fte in %d cohort",
     "; wervingsplan %.2f fte in %d cohorten"},
    "datum",
    "maand",
    {"nieuw", "bestaand", "wachtend"},
    {"p5", "p95"},
    {"gekoppeld", "fte", "eff. fte", "capaciteit", "belasting"},
    {"opbrengst", "marge", "dekking"},
    {9, 8, 8, 10, 9},
};

static const words words_en = {
    "Forecast, %d %s, stochastic: mean of %zu replicates (seed %llu), "
    "p5-p95 of the waiting list\n",
    "Forecast, %d %s, deterministic (expected values)\n",
    "Assumptions: annual staff turnover %.1f%%; hiring %.2f FTE a month",
    " in months 1-%d",
    {"; hiring plan %.2f FTE in %d cohort",
     "; hiring plan %.2f FTE in %d cohorts"},
    "date",
    "month",
    {"nieuw", "bestaand", "waiting"},
    {"p5", "p95"},
    {"assigned", "fte", "eff_fte", "capacity", "load"},
    {"revenue", "margin", "coverage"},
    {9, 8, 8, 9, 9},
};

/* The column widths: the date (ISO, 2025-09-01) and the month (as wide
 * as its header, "maand" and "month", so that the header stands over its
 * numbers); after them waiting (3), the band (2) and money (3); the rest
 * in words. */
static const size_t date_width = 10, month_width = 5;
static const size_t waiting_width = 9, band_width = 9;
static const size_t money_width[] = {12, 12, 8};

/* A number cell of the text table: `dec` decimals, `width` columns, a
 * decimal comma in Dutch. */
static void text_num(jbw__buf *b, double v, int dec, size_t width,
                     jbw_lang lang)
{
    char cell[JBW__CELL], *p;
    jbw__fixed(cell, sizeof cell, v, dec); /* "%.*f", without printf */
    if (lang != JBW_LANG_EN && (p = strchr(cell, '.')) != NULL)
        *p = ',';
    jbw__table_put(b, " ", cell, width, JBW__RIGHT, 0);
}

static void text_month(jbw__buf *b, const jbw_forecast *fc, int32_t t,
                       const words *w, jbw_lang lang)
{
    const size_t *rest_width = w->rest_width;
    month_values m = month_of(fc, t, JBW_STAT_MEAN);
    const double *v = m.v;
    char cell[JBW__CELL], date[JBW_DATE_BUFSIZE] = "";
    if (m.date == JBW_DATE_NONE ||
        jbw_date_format(date, sizeof date, m.date) != JBW_OK)
        date[0] = '\0';
    jbw__table_put(b, "", date, date_width, JBW__LEFT, 0);
    snprintf(cell, sizeof cell, "%d", (int)t);
    jbw__table_put(b, " ", cell, month_width, JBW__RIGHT, 0);
    text_num(b, v[FCQ_WAITING_NIEUW], 1, waiting_width, lang);
    text_num(b, v[FCQ_WAITING_BESTAAND], 1, waiting_width, lang);
    text_num(b, v[FCQ_WAITING], 1, waiting_width, lang);
    if (jbw_forecast_replicates(fc)) {
        text_num(b, month_of(fc, t, JBW_STAT_P5).v[FCQ_WAITING], 1, band_width,
                 lang);
        text_num(b, month_of(fc, t, JBW_STAT_P95).v[FCQ_WAITING], 1, band_width,
                 lang);
    }
    text_num(b, v[FCQ_ASSIGNED], 1, rest_width[0], lang);
    text_num(b, v[FCQ_FTE], 1, rest_width[1], lang);
    text_num(b, v[FCQ_EFFECTIVE_FTE], 1, rest_width[2], lang);
    text_num(b, v[FCQ_CAPACITY], 1, rest_width[3], lang);
    text_num(b, v[FCQ_LOAD], 1, rest_width[4], lang);
    if (jbw_forecast_has_finance(fc)) {
        text_num(b, v[FCQ_REVENUE], 0, money_width[0], lang);
        text_num(b, v[FCQ_MARGIN], 0, money_width[1], lang);
        if (isfinite(v[FCQ_COVERAGE]))
            text_num(b, v[FCQ_COVERAGE], 3, money_width[2], lang);
        else
            jbw__table_put(b, " ", "-", money_width[2], JBW__RIGHT, 0);
    }
    jbw__buf_putc(b, '\n');
}

/* The staff assumptions every forecast rests on, in one line. */
static void text_assumptions(jbw__buf *b, const jbw_forecast *fc,
                             const words *w, jbw_lang lang)
{
    jbw__buf text = JBW__BUF_INIT;
    assumptions a = assumptions_of(fc);
    char dp = jbw__decimal_point();
    char *p;
    jbw__buf_printf(&text, w->assumptions, 100.0 * a.turnover, a.hires_fte);
    if (a.hires_fte > 0 && a.hire_months < jbw_forecast_months(fc))
        jbw__buf_printf(&text, w->in_months, (int)a.hire_months);
    if (a.plan_cohorts)
        jbw__buf_printf(&text, w->plan[a.plan_cohorts > 1], a.plan_fte,
                        a.plan_cohorts);
    if (text.failed)
        b->failed = 1;
    /* printf wrote the host locale's decimal point: '.' in English, a
     * decimal comma in Dutch, whatever the locale */
    for (p = text.data; p && *p; p++)
        if ((*p == '.' || *p == dp) && p > text.data && p[-1] >= '0' &&
            p[-1] <= '9' && p[1] >= '0' && p[1] <= '9')
            *p = lang == JBW_LANG_EN ? '.' : ',';
    jbw__buf_puts(b, text.data ? text.data : "");
    jbw__buf_puts(b, ".\n");
    jbw__buf_free(&text);
}

/* The header line of the text table. */
static void text_header(jbw__buf *b, const jbw_forecast *fc, const words *w)
{
    size_t k;
    jbw__table_put(b, "", w->date, date_width, JBW__LEFT, 0);
    jbw__table_put(b, " ", w->month, month_width, JBW__RIGHT, 0);
    for (k = 0; k < 3; k++)
        jbw__table_put(b, " ", w->waiting[k], waiting_width, JBW__RIGHT, 0);
    if (jbw_forecast_replicates(fc))
        for (k = 0; k < 2; k++)
            jbw__table_put(b, " ", w->band[k], band_width, JBW__RIGHT, 0);
    for (k = 0; k < 5; k++)
        jbw__table_put(b, " ", w->rest[k], w->rest_width[k], JBW__RIGHT, 0);
    if (jbw_forecast_has_finance(fc))
        for (k = 0; k < 3; k++)
            jbw__table_put(b, " ", w->money[k], money_width[k], JBW__RIGHT, 0);
    jbw__buf_putc(b, '\n');
}

jbw_status jbw_forecast_text_lang(char **out, size_t *len,
                                  const jbw_forecast *fc, jbw_lang lang)
{
    jbw__buf b = JBW__BUF_INIT;
    const words *w = lang == JBW_LANG_EN ? &words_en : &words_nl;
    int32_t t;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_text: %s is NULL",
                          !out ? "out" : "fc");
    if (lang != JBW_LANG_NL && lang != JBW_LANG_EN)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_text: language %d is "
                          "not NL (0) or EN (1)",
                          (int)lang);
    jbw__notice_text_lang(&b, jbw_forecast_data_notice(fc), lang);
    if (jbw_forecast_replicates(fc))
        jbw__buf_printf(&b, w->stochastic, (int)jbw_forecast_months(fc),
                        jbw__months_word(jbw_forecast_months(fc), lang),
                        jbw_forecast_replicates(fc),
                        (unsigned long long)jbw_forecast_seed(fc));
    else
        jbw__buf_printf(&b, w->deterministic, (int)jbw_forecast_months(fc),
                        jbw__months_word(jbw_forecast_months(fc), lang));
    text_assumptions(&b, fc, w, lang);
    text_header(&b, fc, w);
    for (t = 0; t <= jbw_forecast_months(fc); t++)
        text_month(&b, fc, t, w, lang);
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

jbw_status jbw_forecast_text(char **out, size_t *len, const jbw_forecast *fc)
{
    return jbw_forecast_text_lang(out, len, fc, JBW_LANG_EN);
}
