/*
 * forecast: the question of seed letter 003. Jeugdbescherming west hired
 * 75 FTE who still need onboarding: when does its waiting list shrink,
 * with 20% annual staff turnover? Runs on the embedded synthetic example
 * (JB west), with 75 FTE hired over 6 months (12.5 a month), a 3-month
 * onboarding (half a caseload in months 0-2, a full one from month 3),
 * and compares with hiring nobody.
 */
#include <jbw.h>
#include <stdio.h>

static int fail(const char *what)
{
    fprintf(stderr, "forecast: %s: %s\n", what, jbw_last_error());
    return 1;
}

static int run(jbw_forecast **out, const jbw_forecast_params *base,
               const jbw_norm *norm, double hires_fte)
{
    jbw_forecast_params p = *base;
    p.hires_fte = hires_fte;
    p.hire_months = 6;
    return jbw_forecast_run(out, &p, norm, NULL) != JBW_OK;
}

int main(void)
{
    static const char norm_text[] = "name = FNV-GI 2023, 3-month onboarding\n"
                                    "ramp.0 = 0.5\n"
                                    "ramp.3 = 1.0\n";
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_forecast *hired = NULL, *none = NULL;
    jbw_forecast_params params;
    int32_t t;
    int rc = 1;

    if (jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED) != JBW_OK)
        return fail("example");
    if (jbw_norm_parse(&norm, norm_text, sizeof norm_text - 1, "onboarding") !=
        JBW_OK) {
        rc = fail("norm");
        goto done;
    }
    if (jbw_forecast_params_init(&params, JBW_FORECAST_PARAMS_VERSION) !=
            JBW_OK ||
        jbw_forecast_params_from_snapshot(&params, snap, norm, JBW_DATE_NONE,
                                          "JBWEST", NULL) != JBW_OK) {
        rc = fail("start state");
        goto done;
    }
    params.months = 18;
    params.turnover = 0.20;
    if (run(&hired, &params, norm, 75.0 / 6.0) ||
        run(&none, &params, norm, 0.0)) {
        rc = fail("run");
        goto done;
    }
    printf("%s\n", jbw_example_notice());
    printf("JB west: children waiting for a fixed jeugdbeschermer (expected "
           "values)\n");
    printf("month   date         75 FTE hired   no hiring\n");
    for (t = 0; t <= params.months; t += 3) {
        jbw_forecast_month a, b;
        char date[JBW_DATE_BUFSIZE];
        a.version = b.version = JBW_FORECAST_MONTH_VERSION;
        if (jbw_forecast_month_get(&a, hired, t, JBW_STAT_MEAN) != JBW_OK ||
            jbw_forecast_month_get(&b, none, t, JBW_STAT_MEAN) != JBW_OK) {
            rc = fail("month");
            goto done;
        }
        jbw_date_format(date, sizeof date, a.date);
        printf("%5d   %s   %12.0f   %9.0f\n", (int)t, date, a.waiting,
               b.waiting);
    }
    rc = 0;
done:
    jbw_forecast_free(hired);
    jbw_forecast_free(none);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    return rc;
}
