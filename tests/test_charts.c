/*
 * Tests of what the charts say beside their figures: the assumptions of
 * a forecast chart, and the backtest chart in the charts' house style
 * and language. (test_brief.c checks every chart's frame: well-formed
 * XML, title, text alternative, axes.)
 */
#include "jbw_test.h"

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle)) {
        print_error("'%s' is not in the output\n", needle);
        fail();
    }
}

static void assert_lacks(const char *hay, const char *needle)
{
    if (strstr(hay, needle)) {
        print_error("'%s' is in the output\n", needle);
        fail();
    }
}

/* ---- the forecast chart's assumptions ---------------------------------- */

/*
 * A deterministic forecast of the example over 12 months with the inflow
 * set by hand: 30 OTS and 10 VOTS a month, 40 in all (other kinds 0).
 */
static jbw_forecast *forecast_of(const jbw_snapshot *snap, double hires_fte,
                                 int32_t hire_months, double turnover,
                                 const jbw_shock *shock, const jbw_hire *plan)
{
    jbw_forecast_params p;
    jbw_forecast *fc = NULL;
    int k;
    assert_ok(jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION));
    assert_ok(jbw_forecast_params_from_snapshot(&p, snap, NULL, JBW_DATE_NONE,
                                                NULL, NULL));
    p.months = 12;
    for (k = 0; k < JBW_KIND_COUNT; k++)
        p.inflow[k] = 0;
    p.inflow[JBW_KIND_OTS] = 30;
    p.inflow[JBW_KIND_VOTS] = 10;
    p.hires_fte = hires_fte;
    p.hire_months = hire_months;
    p.turnover = turnover;
    p.shocks = shock;
    p.shock_count = shock ? 1 : 0;
    p.hiring_plan = plan;
    p.hiring_plan_count = plan ? 1 : 0;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, NULL));
    return fc;
}

static char *forecast_chart(const jbw_forecast *fc, jbw_lang lang)
{
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    o.lang = lang;
    o.notice = jbw_example_notice();
    assert_ok(jbw_chart_forecast_svg(&svg, NULL, fc, &o));
    return svg;
}

static void forecast_chart_states_its_assumptions(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_forecast *fc;
    char *svg;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    /* 2.5 FTE hired every month, 15% leaving a year, 30 + 10 = 40 new
     * measures a month */
    fc = forecast_of(snap, 2.5, JBW_FORECAST_MONTHS_MAX, 0.15, NULL, NULL);
    svg = forecast_chart(fc, JBW_LANG_NL);
    /* on its own line under the subtitle (y 46): the next line, y 64 */
    assert_contains(svg, "<text x=\"16\" y=\"64\"");
    assert_contains(svg, "Aannames: werving 2,5 fte per maand, verloop 15% "
                         "per jaar, instroom 40,0 per maand</text>");
    /* also in the text alternative */
    assert_contains(svg, "(eenheden van de norm). Aannames: werving 2,5 fte "
                         "per maand, verloop 15% per jaar, instroom 40,0 per "
                         "maand. ");
    jbw_free(svg);
    svg = forecast_chart(fc, JBW_LANG_EN);
    assert_contains(svg, "Assumptions: hiring 2.5 FTE a month, staff turnover "
                         "15% a year, inflow 40.0 a month</text>");
    jbw_free(svg);
    /* jbw_forecast_svg is the same chart in English, with the forecast's
     * own data notice: byte for byte */
    {
        char *same = NULL;
        jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
        o.lang = JBW_LANG_EN;
        o.notice = jbw_forecast_data_notice(fc);
        svg = NULL;
        assert_ok(jbw_forecast_svg(&svg, NULL, fc, NULL));
        assert_ok(jbw_chart_forecast_svg(&same, NULL, fc, &o));
        assert_string_equal(svg, same);
        assert_contains(svg, "Assumptions: hiring 2.5 FTE a month");
        jbw_free(same);
        jbw_free(svg);
    }
    jbw_forecast_free(fc);
    jbw_snapshot_free(snap);
}

static void forecast_chart_assumptions_follow_the_run(void **state)
{
    /* a surge of every kind's inflow by half in months 1-6 of 12 */
    const jbw_shock surge = {JBW_SHOCK_ALL_KINDS, 1, 6, 1.5};
    /* 75 FTE hired in month 3 (besides the monthly hiring) */
    jbw_hire cohort = JBW_HIRE_INIT;
    jbw_snapshot *snap = NULL;
    jbw_forecast *fc;
    char *svg;
    (void)state;
    cohort.month = 3;
    cohort.fte = 75;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    /* the defaults (no hiring, 20% turnover) are said to be the defaults */
    fc = forecast_of(snap, 0, JBW_FORECAST_MONTHS_MAX, 0.2, NULL, NULL);
    svg = forecast_chart(fc, JBW_LANG_NL);
    /* the marker follows the two it covers, not the inflow */
    assert_contains(svg, "Aannames: werving 0,0 fte per maand, verloop 20% "
                         "per jaar (standaard), instroom 40,0 per maand");
    jbw_free(svg);
    svg = forecast_chart(fc, JBW_LANG_EN);
    assert_contains(svg, "Assumptions: hiring 0.0 FTE a month, staff turnover "
                         "20% a year (defaults), inflow 40.0 a month");
    jbw_free(svg);
    jbw_forecast_free(fc);
    /* hiring 1.5 FTE in months 1-6 only, and the surge: 6 months of 60 and
     * 6 of 40, a mean of 50 a month */
    fc = forecast_of(snap, 1.5, 6, 0.2, &surge, NULL);
    svg = forecast_chart(fc, JBW_LANG_NL);
    assert_contains(svg, "Aannames: werving 1,5 fte per maand in maand "
                         "1\xe2\x80\x93"
                         "6, verloop 20% per jaar, instroom gemiddeld 50,0 "
                         "per maand</text>");
    jbw_free(svg);
    jbw_forecast_free(fc);
    /* a hiring plan is hiring too: not the defaults */
    fc = forecast_of(snap, 0, JBW_FORECAST_MONTHS_MAX, 0.2, NULL, &cohort);
    svg = forecast_chart(fc, JBW_LANG_EN);
    assert_contains(svg, "Assumptions: hiring 0.0 FTE a month, hiring plan "
                         "75.0 FTE in 1 cohort, staff turnover 20% a year, "
                         "inflow 40.0 a month</text>");
    assert_lacks(svg, "(defaults)");
    jbw_free(svg);
    jbw_forecast_free(fc);
    jbw_snapshot_free(snap);
}

/* A chart's title fits its width: the series chart is 760 wide, so its
 * title has (760 - 32) x 0.88 = 640.6 units; "Jeugdigen zonder vaste
 * jeugdbeschermer" (38 characters), " - " (3) and a 64-character name are
 * 105 characters, which at 0.56 em fit 640.6 / (0.56 x 105) = 10.9: the
 * least size, 11. A short title keeps 17. */
static void a_long_chart_title_gets_smaller_not_cut(void **state)
{
    jbw_series *s = NULL;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    (void)state;
    assert_ok(jbw_series_new(&s, "abcdefghij abcdefghij abcdefghij "
                                 "abcdefghij abcdefghij abcdefghi"));
    assert_ok(jbw_series_add(s, 20000, 3, 2));
    assert_ok(jbw_chart_series_svg(&svg, NULL, s, &o));
    assert_contains(svg, "<text x=\"16\" y=\"26\" font-size=\"11\"");
    /* not cut: the whole title, whose 105 characters at 11 take about
     * 0.56 x 11 x 105 = 646.8 units from x 16, to 662.8 of the 760 */
    assert_contains(svg, ">Jeugdigen zonder vaste jeugdbeschermer \xe2\x80\x93 "
                         "abcdefghij abcdefghij abcdefghij abcdefghij "
                         "abcdefghij abcdefghi</text>");
    jbw_free(svg);
    jbw_series_free(s);
    assert_ok(jbw_series_new(&s, "ZHZ"));
    assert_ok(jbw_series_add(s, 20000, 3, 2));
    assert_ok(jbw_chart_series_svg(&svg, NULL, s, &o));
    assert_contains(svg, "<text x=\"16\" y=\"26\" font-size=\"17\"");
    jbw_free(svg);
    jbw_series_free(s);
}

/* Every bar of the series chart has its date: the published ZHZ series
 * has 1-12-2024 and 1-1-2025 a month apart, as 1-7-2025, 1-8-2025 and
 * 1-9-2025 are, too close for their labels side by side on the time axis:
 * 1-1-2025 and 1-8-2025 go a row lower (y 340 + 18 + 34 = 392), the
 * others stay in the first row (y 358). */
static void every_bar_of_the_series_chart_has_its_date(void **state)
{
    static const char *const first[] = {"20-9-2024", "1-12-2024", "1-4-2025",
                                        "1-7-2025", "1-9-2025"};
    static const char *const second[] = {"1-1-2025", "1-8-2025"};
    jbw_series *s = NULL;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL, want[128];
    size_t i;
    (void)state;
    assert_ok(jbw_example_series_zhz(&s));
    assert_ok(jbw_chart_series_svg(&svg, NULL, s, &o));
    for (i = 0; i < sizeof first / sizeof *first; i++) {
        snprintf(want, sizeof want,
                 "y=\"358\" font-size=\"11.5\" text-anchor=\"middle\" "
                 "fill=\"#1a1a1a\">%s</text>",
                 first[i]);
        assert_contains(svg, want);
    }
    for (i = 0; i < sizeof second / sizeof *second; i++) {
        snprintf(want, sizeof want,
                 "y=\"392\" font-size=\"11.5\" text-anchor=\"middle\" "
                 "fill=\"#1a1a1a\">%s</text>",
                 second[i]);
        assert_contains(svg, want);
    }
    /* each bar's tooltip names both parts (the letter's 32 and 64) */
    assert_contains(svg, "<title>1-1-2025: 32 nieuw, 64 bestaand</title>");
    jbw_free(svg);
    jbw_series_free(s);
}

/* ---- small counts at a forecast's start --------------------------------- */

/* How many lines and areas start at the left edge, x 76: at month 0. */
static size_t starts_at_month_0(const char *svg)
{
    size_t n = 0;
    const char *p = svg;
    while ((p = strstr(p, "points=\"76,")) != NULL) {
        n++;
        p++;
    }
    return n;
}

static char *published_forecast_chart(const jbw_forecast *fc,
                                      unsigned int suppress_below,
                                      unsigned int round_to)
{
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    o.suppress_below = suppress_below;
    o.round_to = round_to;
    assert_ok(jbw_chart_forecast_svg(&svg, NULL, fc, &o));
    return svg;
}

/*
 * A forecast starts from the data's own counts (the example: 96 nieuw, 45
 * bestaand, 141 in all), which the chart draws as the tables publish
 * them: a hidden count is not drawn, a rounded one at its rounded value.
 * The top panel's axis runs from 0 at y 336 to 200 at y 290.8 (its tick
 * labels stand 4 below), 0.226 a measure: 96 at y 314.3, 141 at 304.1,
 * rounded to 10: 100 at 313.4, 140 at 304.4, and the stack 100 + 50 =
 * 150 at 302.1. At month 0 six shapes start without a rule: the nieuw
 * and bestaand areas and the total line above, the area between capacity
 * and load and their two lines below.
 */
static void forecast_chart_draws_its_start_as_published(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_forecast_params p;
    jbw_forecast *fc = NULL;
    char *svg;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    assert_ok(jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION));
    assert_ok(jbw_forecast_params_from_snapshot(&p, snap, NULL, JBW_DATE_NONE,
                                                NULL, NULL));
    p.months = 12;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, NULL));
    svg = published_forecast_chart(fc, 0, 0);
    assert_int_equal(starts_at_month_0(svg), 6);
    assert_lacks(svg, "niet getekend");
    assert_contains(svg, "points=\"76,314.3 "); /* nieuw */
    assert_contains(svg, "points=\"76,304.1 "); /* the total */
    jbw_free(svg);
    /* below 50: bestaand (45) is hidden, so neither area starts at month
     * 0 (the top of nieuw would tell it); the total (141) does */
    svg = published_forecast_chart(fc, 50, 0);
    assert_int_equal(starts_at_month_0(svg), 4);
    assert_contains(svg, "points=\"76,304.1 ");
    assert_lacks(svg, "points=\"76,314.3 ");
    assert_contains(svg, "Begin: 96 nieuw, &lt; 50 bestaand, 141 totaal.");
    assert_contains(svg, ">begin niet getekend (&lt; 50)</text>");
    jbw_free(svg);
    /* below 1,000: all three are hidden; the bottom panel stays */
    svg = published_forecast_chart(fc, 1000, 0);
    assert_int_equal(starts_at_month_0(svg), 3);
    assert_lacks(svg, "points=\"76,304.1 ");
    jbw_free(svg);
    /* the load of month 0 is a count too: the assigned measures, weight
     * 1 each under the default norm. Leger des Heils (LDH) has 360
     * active measures, 349 assigned and 11 waiting: shown, 349 beside
     * 360 would tell the hidden 11. Below 400 only the capacity line
     * starts at month 0; rounded to 10 the load starts at 350. */
    {
        jbw_forecast *ldh = NULL;
        assert_ok(jbw_forecast_params_from_snapshot(
            &p, snap, NULL, JBW_DATE_NONE, "LDH", NULL));
        p.months = 12;
        assert_ok(jbw_forecast_run(&ldh, &p, NULL, NULL));
        svg = published_forecast_chart(ldh, 400, 0);
        assert_int_equal(starts_at_month_0(svg), 1);
        assert_contains(svg, "caseload van &lt; 400 naar");
        jbw_free(svg);
        svg = published_forecast_chart(ldh, 0, 10);
        assert_contains(svg, "caseload van 350 naar");
        jbw_free(svg);
        svg = published_forecast_chart(ldh, 0, 0);
        assert_contains(svg, "caseload van 349 naar");
        jbw_free(svg);
        jbw_forecast_free(ldh);
    }
    /* rounded to 10: drawn at 100, 100 + 50 and 140, not 96 and 141 */
    svg = published_forecast_chart(fc, 0, 10);
    assert_int_equal(starts_at_month_0(svg), 6);
    assert_lacks(svg, "niet getekend");
    assert_contains(svg, "points=\"76,313.4 ");
    assert_contains(svg, "points=\"76,302.1 ");
    assert_contains(svg, "points=\"76,304.4 ");
    assert_lacks(svg, "points=\"76,314.3 ");
    assert_lacks(svg, "points=\"76,304.1 ");
    jbw_free(svg);
    /* the scenarios chart: its line of the total starts at month 0 only
     * when the total is shown, and its text says "< 1.000" */
    {
        const jbw_forecast *const one[1] = {fc};
        jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
        svg = NULL;
        assert_ok(jbw_chart_scenarios_svg(&svg, NULL, one, NULL, 1, &o));
        assert_int_equal(starts_at_month_0(svg), 1);
        assert_contains(svg, "scenario 1: van 141 naar");
        jbw_free(svg);
        svg = NULL;
        o.suppress_below = 1000;
        assert_ok(jbw_chart_scenarios_svg(&svg, NULL, one, NULL, 1, &o));
        assert_int_equal(starts_at_month_0(svg), 0);
        assert_contains(svg, "scenario 1: van &lt; 1.000 naar");
        assert_lacks(svg, "van 141 naar");
        jbw_free(svg);
    }
    jbw_forecast_free(fc);
    jbw_snapshot_free(snap);
}

/*
 * When counts below K are hidden, a count axis reaches K at least: the
 * one bar of Leger des Heils (11 waiting on 1-9-2025, shown "< 50")
 * stood on an axis of 0 to 5, as if it were fewer than 5. Unhidden, the
 * axis of 11 runs to its whole steps above 11, not to 50.
 */
static void a_hidden_count_stands_on_an_axis_up_to_k(void **state)
{
    static const char tick50[] =
        "text-anchor=\"end\" fill=\"#1a1a1a\">50</text>";
    jbw_snapshot *snap = NULL;
    jbw_series *s = NULL;
    jbw_chart_options o = JBW_CHART_OPTIONS_INIT;
    char *svg = NULL;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    assert_ok(jbw_series_new(&s, "LDH"));
    assert_ok(jbw_series_add_snapshot(s, snap, D(2025, 9, 1), "LDH", NULL));
    o.suppress_below = 50;
    assert_ok(jbw_chart_series_svg(&svg, NULL, s, &o));
    assert_contains(svg, "&lt; 50");
    assert_contains(svg, tick50);
    assert_lacks(svg, "text-anchor=\"end\" fill=\"#1a1a1a\">5</text>");
    jbw_free(svg);
    svg = NULL;
    o.suppress_below = 0;
    assert_ok(jbw_chart_series_svg(&svg, NULL, s, &o));
    assert_lacks(svg, tick50);
    jbw_free(svg);
    jbw_series_free(s);
    jbw_snapshot_free(snap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forecast_chart_states_its_assumptions),
        cmocka_unit_test(forecast_chart_assumptions_follow_the_run),
        cmocka_unit_test(a_long_chart_title_gets_smaller_not_cut),
        cmocka_unit_test(every_bar_of_the_series_chart_has_its_date),
        cmocka_unit_test(forecast_chart_draws_its_start_as_published),
        cmocka_unit_test(a_hidden_count_stands_on_an_axis_up_to_k),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
