/*
 * libjbw - the forecast writers: JSON, CSV and the text table.
 */
#include "base/table.h"
#include "forecast/forecast_internal.h"

#include <math.h>
#include <stdio.h>

/* ====================================================================== */
/* Output                                                                  */
/* ====================================================================== */

/* Decimals per quantity in files: counts and FTE 4, money 2, ratios 6. */
static int fc_decimals(int qi)
{
    if (qi == FCQ_COVERAGE)
        return 6;
    if (qi >= FCQ_REVENUE)
        return 2;
    return 4;
}

static void fc_month_label(jbw__buf *b, const jbw_forecast *fc, int32_t t)
{
    if (fc->dates[t] != JBW_DATE_NONE)
        jbw__buf_date(b, fc->dates[t]);
}

static void fc_json_month(jbw__buf *b, const jbw_forecast *fc, int32_t t,
                          int stat)
{
    const double *v = jbw__fc_values(fc, t, stat);
    int qi;
    jbw__buf_printf(b, "{\"month\":%d,\"date\":", (int)t);
    if (fc->dates[t] != JBW_DATE_NONE) {
        jbw__buf_putc(b, '"');
        jbw__buf_date(b, fc->dates[t]);
        jbw__buf_putc(b, '"');
    } else {
        jbw__buf_puts(b, "null");
    }
    for (qi = 0; qi < FCQ_COUNT; qi++) {
        jbw__buf_printf(b, ",\"%s\":", jbw__fc_quantity_names[qi]);
        jbw__buf_json_number(b, v[qi], fc_decimals(qi));
    }
    jbw__buf_putc(b, '}');
}

jbw_status jbw_forecast_json(char **out, size_t *len, const jbw_forecast *fc)
{
    jbw__buf b = JBW__BUF_INIT;
    int stat;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_json: NULL argument");
    jbw__buf_putc(&b, '{');
    jbw__notice_json(&b, fc->data_notice);
    jbw__buf_printf(&b,
                    "\"mode\":\"%s\",\"replicates\":%zu,\"seed\":%llu,"
                    "\"months\":%d,\"start\":",
                    fc->replicates ? "stochastic" : "deterministic",
                    fc->replicates, (unsigned long long)fc->seed,
                    (int)fc->months);
    if (fc->start != JBW_DATE_NONE) {
        jbw__buf_putc(&b, '"');
        jbw__buf_date(&b, fc->start);
        jbw__buf_putc(&b, '"');
    } else {
        jbw__buf_puts(&b, "null");
    }
    jbw__buf_printf(&b, ",\"finance\":%s,\"statistics\":[",
                    fc->finance ? "true" : "false");
    for (stat = 0; stat < fc->nstats; stat++) {
        if (stat)
            jbw__buf_putc(&b, ',');
        jbw__buf_json_string(&b, jbw_statistic_code((jbw_statistic)stat));
    }
    jbw__buf_putc(&b, ']');
    for (stat = 0; stat < fc->nstats; stat++) {
        int32_t t;
        jbw__buf_printf(&b, ",\"%s\":[",
                        jbw_statistic_code((jbw_statistic)stat));
        for (t = 0; t <= fc->months; t++) {
            if (t)
                jbw__buf_putc(&b, ',');
            fc_json_month(&b, fc, t, stat);
        }
        jbw__buf_putc(&b, ']');
    }
    jbw__buf_puts(&b, "}\n");
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* A CSV number: empty for NaN (finance off). */
static void fc_csv_number(jbw__buf *b, double v, int decimals)
{
    if (isfinite(v))
        jbw__buf_json_number(b, v, decimals);
}

jbw_status jbw_forecast_csv(char **out, size_t *len, const jbw_forecast *fc)
{
    jbw__buf b = JBW__BUF_INIT;
    int stat, qi;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_csv: NULL argument");
    jbw__buf_puts(&b, "statistic,month,date");
    for (qi = 0; qi < FCQ_COUNT; qi++)
        jbw__buf_printf(&b, ",%s", jbw__fc_quantity_names[qi]);
    jbw__notice_csv_header_end(&b, fc->data_notice);
    for (stat = 0; stat < fc->nstats; stat++) {
        int32_t t;
        for (t = 0; t <= fc->months; t++) {
            const double *v = jbw__fc_values(fc, t, stat);
            jbw__buf_printf(&b, "%s,%d,",
                            jbw_statistic_code((jbw_statistic)stat), (int)t);
            fc_month_label(&b, fc, t);
            for (qi = 0; qi < FCQ_COUNT; qi++) {
                jbw__buf_putc(&b, ',');
                fc_csv_number(&b, v[qi], fc_decimals(qi));
            }
            jbw__notice_csv_row_end(&b, fc->data_notice);
        }
    }
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* A number cell of the text table: `dec` decimals, `width` columns. */
static void text_num(jbw__buf *b, double v, int dec, size_t width)
{
    char cell[JBW__CELL];
    snprintf(cell, sizeof cell, "%.*f", dec, v);
    jbw__table_put(b, " ", cell, width, JBW__RIGHT, 0);
}

static void fc_text_month(jbw__buf *b, const jbw_forecast *fc, int32_t t)
{
    const double *v = jbw__fc_values(fc, t, JBW_STAT_MEAN);
    char cell[JBW__CELL], date[JBW_DATE_BUFSIZE] = "";
    if (fc->dates[t] != JBW_DATE_NONE) {
        if (jbw_date_format(date, sizeof date, fc->dates[t]) != JBW_OK)
            date[0] = '\0';
        snprintf(cell, sizeof cell, "%s %3d", date, (int)t);
        jbw__table_put(b, "", cell, 0, JBW__LEFT, 0);
    } else {
        snprintf(cell, sizeof cell, "%d", (int)t);
        jbw__table_put(b, "", cell, 14, JBW__RIGHT, 0);
    }
    text_num(b, v[FCQ_WAITING_NIEUW], 1, 9);
    text_num(b, v[FCQ_WAITING_BESTAAND], 1, 9);
    text_num(b, v[FCQ_WAITING], 1, 9);
    if (fc->replicates) {
        text_num(b, jbw__fc_values(fc, t, JBW_STAT_P5)[FCQ_WAITING], 1, 9);
        text_num(b, jbw__fc_values(fc, t, JBW_STAT_P95)[FCQ_WAITING], 1, 9);
    }
    text_num(b, v[FCQ_ASSIGNED], 1, 9);
    text_num(b, v[FCQ_FTE], 1, 8);
    text_num(b, v[FCQ_EFFECTIVE_FTE], 1, 8);
    text_num(b, v[FCQ_CAPACITY], 1, 9);
    text_num(b, v[FCQ_LOAD], 1, 9);
    if (fc->finance) {
        text_num(b, v[FCQ_REVENUE], 0, 12);
        text_num(b, v[FCQ_MARGIN], 0, 12);
        if (isfinite(v[FCQ_COVERAGE]))
            text_num(b, v[FCQ_COVERAGE], 3, 8);
        else
            jbw__table_put(b, " ", "-", 8, JBW__RIGHT, 0);
    }
    jbw__buf_putc(b, '\n');
}

/* The header line of the text table. */
static void fc_text_header(jbw__buf *b, const jbw_forecast *fc)
{
    static const char *const money[] = {"revenue", "margin", "coverage"};
    static const size_t money_width[] = {12, 12, 8};
    static const char *const rest[] = {"assigned", "fte", "eff_fte", "capacity",
                                       "load"};
    static const size_t rest_width[] = {9, 8, 8, 9, 9};
    size_t k;
    jbw__table_put(b, "", "date     month", 14, JBW__LEFT, 0);
    jbw__table_put(b, " ", "nieuw", 9, JBW__RIGHT, 0);
    jbw__table_put(b, " ", "bestaand", 9, JBW__RIGHT, 0);
    jbw__table_put(b, " ", "waiting", 9, JBW__RIGHT, 0);
    if (fc->replicates) {
        jbw__table_put(b, " ", "p5", 9, JBW__RIGHT, 0);
        jbw__table_put(b, " ", "p95", 9, JBW__RIGHT, 0);
    }
    for (k = 0; k < 5; k++)
        jbw__table_put(b, " ", rest[k], rest_width[k], JBW__RIGHT, 0);
    if (fc->finance)
        for (k = 0; k < 3; k++)
            jbw__table_put(b, " ", money[k], money_width[k], JBW__RIGHT, 0);
    jbw__buf_putc(b, '\n');
}

jbw_status jbw_forecast_text(char **out, size_t *len, const jbw_forecast *fc)
{
    jbw__buf b = JBW__BUF_INIT;
    int32_t t;
    if (!out || !fc)
        return jbw__error(JBW_EINVAL, "jbw_forecast_text: NULL argument");
    jbw__notice_text(&b, fc->data_notice);
    if (fc->replicates)
        jbw__buf_printf(&b,
                        "Forecast, %d months, stochastic: mean of %zu "
                        "replicates (seed %llu), p5-p95 of the waiting list\n",
                        (int)fc->months, fc->replicates,
                        (unsigned long long)fc->seed);
    else
        jbw__buf_printf(&b,
                        "Forecast, %d months, deterministic (expected "
                        "values)\n",
                        (int)fc->months);
    fc_text_header(&b, fc);
    for (t = 0; t <= fc->months; t++)
        fc_text_month(&b, fc, t);
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}
