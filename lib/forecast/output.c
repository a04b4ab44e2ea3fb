/*
 * libjbw - the forecast writers: JSON, CSV and the text table.
 */
#include "forecast/forecast_internal.h"

#include <math.h>

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

static void fc_text_month(jbw__buf *b, const jbw_forecast *fc, int32_t t)
{
    const double *v = jbw__fc_values(fc, t, JBW_STAT_MEAN);
    if (fc->dates[t] != JBW_DATE_NONE) {
        jbw__buf_date(b, fc->dates[t]);
        jbw__buf_printf(b, " %3d", (int)t);
    } else {
        jbw__buf_printf(b, "%14d", (int)t);
    }
    jbw__buf_printf(b, " %9.1f %9.1f %9.1f", v[FCQ_WAITING_NIEUW],
                    v[FCQ_WAITING_BESTAAND], v[FCQ_WAITING]);
    if (fc->replicates)
        jbw__buf_printf(b, " %9.1f %9.1f",
                        jbw__fc_values(fc, t, JBW_STAT_P5)[FCQ_WAITING],
                        jbw__fc_values(fc, t, JBW_STAT_P95)[FCQ_WAITING]);
    jbw__buf_printf(b, " %9.1f %8.1f %8.1f %9.1f %9.1f", v[FCQ_ASSIGNED],
                    v[FCQ_FTE], v[FCQ_EFFECTIVE_FTE], v[FCQ_CAPACITY],
                    v[FCQ_LOAD]);
    if (fc->finance) {
        jbw__buf_printf(b, " %12.0f %12.0f", v[FCQ_REVENUE], v[FCQ_MARGIN]);
        if (isfinite(v[FCQ_COVERAGE]))
            jbw__buf_printf(b, " %8.3f", v[FCQ_COVERAGE]);
        else
            jbw__buf_printf(b, " %8s", "-");
    }
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
    jbw__buf_printf(&b, "%-14s %9s %9s %9s", "date     month", "nieuw",
                    "bestaand", "waiting");
    if (fc->replicates)
        jbw__buf_printf(&b, " %9s %9s", "p5", "p95");
    jbw__buf_printf(&b, " %9s %8s %8s %9s %9s", "assigned", "fte", "eff_fte",
                    "capacity", "load");
    if (fc->finance)
        jbw__buf_printf(&b, " %12s %12s %8s", "revenue", "margin", "coverage");
    jbw__buf_putc(&b, '\n');
    for (t = 0; t <= fc->months; t++)
        fc_text_month(&b, fc, t);
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}
