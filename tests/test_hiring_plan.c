/*
 * Tests of the hiring plan: cohorts hired in given months, each with its
 * own onboarding ramp, from the params, from `hire.MONTH` lines of a
 * scenario and from a CSV of month,fte; their checks and the errors that
 * name file, line, column and value.
 *
 * Every figure is worked out by hand in the comment beside it. The
 * default norm: 12 measures per FTE, ramp 0.5 in tenure months 0-2, 0.75
 * in 3-5, 1 from 6 (include/jbw/norm.h). Month t's order: exits, inflow,
 * leavers, tenure and hires, intake; a hire of month h has tenure t - h
 * in month t; stocks and capacity are read at the end of the month.
 */
#include "jbw_test.h"

#define SENIOR (JBW_TENURE_SLOTS - 1)

/* No measures, no turnover: 10 FTE of 36+ months (ramp 1) and 4 FTE
 * hired just before the start (tenure 0 at month 0, the norm's ramp). */
static void base(jbw_forecast_params *p, int32_t months)
{
    assert_ok(jbw_forecast_params_init(p, JBW_FORECAST_PARAMS_VERSION));
    p->months = months;
    p->turnover = 0;
    p->staff_fte[SENIOR] = 10;
    p->staff_fte[0] = 4;
}

static jbw_forecast *run(const jbw_forecast_params *p, size_t replicates)
{
    return jbw_test_run_forecast(p, NULL, replicates, 5, 1);
}

static jbw_forecast_month month(const jbw_forecast *fc, int32_t t,
                                jbw_statistic stat)
{
    return jbw_test_forecast_month(fc, t, stat);
}

/* The plan of these tests: 6 FTE in month 1 carrying a quarter of a
 * caseload for 3 months, 2 FTE in month 2 on the norm's ramp. */
static const jbw_hire plan2[2] = {{1, 6.0, 3, 0.25}, {2, 2.0, -1, 1.0}};

/*
 * Effective FTE by month (staff in post: 10 x 1 + 4 x norm ramp at
 * tenure t; cohort 1: 6 x 0.25 at tenure 0-2, then 6; cohort 2: 2 x norm
 * ramp at tenure t - 2):
 *  t=1: 10 + 4 x 0.5 + 6 x 0.25             = 13.5   (capacity 162)
 *  t=2: 10 + 4 x 0.5 + 6 x 0.25 + 2 x 0.5   = 14.5   (174)
 *  t=3: 10 + 4 x 0.75 + 6 x 0.25 + 2 x 0.5  = 15.5   (186)
 *  t=4: 10 + 4 x 0.75 + 6 x 1 + 2 x 0.5     = 20     (240)
 *  t=5: 10 + 4 x 0.75 + 6 x 1 + 2 x 0.75    = 20.5   (246)
 * FTE: 20 from month 1, 22 from month 2; hires 6 then 2.
 */
static void cohorts_carry_their_own_ramp(void **s)
{
    static const double eff[6] = {0, 13.5, 14.5, 15.5, 20, 20.5};
    jbw_forecast_params p;
    jbw_forecast *fc;
    int32_t t;
    (void)s;
    base(&p, 5);
    p.hiring_plan = plan2;
    p.hiring_plan_count = 2;
    fc = run(&p, 0);
    for (t = 1; t <= 5; t++) {
        jbw_forecast_month m = month(fc, t, JBW_STAT_MEAN);
        assert_near(m.effective_fte, eff[t], 1e-12);
        assert_near(m.capacity, 12 * eff[t], 1e-9);
        assert_near(m.fte, t == 1 ? 20 : 22, 1e-12);
        assert_near(m.hires_fte, t == 1 ? 6 : t == 2 ? 2 : 0, 0);
    }
    jbw_forecast_free(fc);
}

/*
 * The run carries its assumptions: the parameters' turnover 0.2, 3.5 FTE
 * a month in months 1-4, and of plan2 within a 1-month horizon only the
 * cohort of month 1 (6 FTE; month 2 lies past the horizon).
 */
static void the_run_gives_its_assumptions(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    double turnover = -1, hires = -1, plan_fte = -1;
    int32_t hire_months = -1;
    int cohorts = -1;
    (void)s;
    base(&p, 1);
    p.turnover = 0.2;
    p.hires_fte = 3.5;
    p.hire_months = 4;
    p.hiring_plan = plan2;
    p.hiring_plan_count = 2;
    fc = run(&p, 0);
    assert_ok(jbw_forecast_assumptions(&turnover, &hires, &hire_months,
                                       &plan_fte, &cohorts, fc));
    assert_near(turnover, 0.2, 0);
    assert_near(hires, 3.5, 0);
    assert_int_equal(hire_months, 4);
    assert_near(plan_fte, 6, 0);
    assert_int_equal(cohorts, 1);
    assert_ok(jbw_forecast_assumptions(NULL, NULL, NULL, NULL, NULL, fc));
    jbw_forecast_free(fc);
    /* without a plan: 0 cohorts of 0 FTE */
    base(&p, 1);
    fc = run(&p, 0);
    assert_ok(
        jbw_forecast_assumptions(NULL, NULL, NULL, &plan_fte, &cohorts, fc));
    assert_near(plan_fte, 0, 0);
    assert_int_equal(cohorts, 0);
    jbw_forecast_free(fc);
    /* a NULL result is refused and the outputs stay as they were */
    assert_status(
        jbw_forecast_assumptions(&turnover, NULL, NULL, NULL, NULL, NULL),
        JBW_EINVAL);
    assert_near(turnover, 0.2, 0);
}

/*
 * A 75-FTE intake with 3 months' onboarding at half a caseload leaves
 * the staff in post on their ramp: with and without it, the effective
 * FTE differ by the intake's own share only: 75 x 0.5 = 37.5 in months
 * 1-3, 75 from month 4, while the 4 FTE in post still go 0.5 -> 0.75 at
 * tenure 3 (month 3) and 1 at tenure 6 (month 6).
 */
static void an_intake_leaves_the_ramp_of_staff_in_post(void **s)
{
    static const jbw_hire intake = {1, 75.0, 3, 0.5};
    jbw_forecast_params p;
    jbw_forecast *with, *without;
    int32_t t;
    (void)s;
    base(&p, 7);
    without = run(&p, 0);
    p.hiring_plan = &intake;
    p.hiring_plan_count = 1;
    with = run(&p, 0);
    for (t = 1; t <= 7; t++) {
        double in_post = 10 + 4 * (t < 3 ? 0.5 : t < 6 ? 0.75 : 1.0);
        double own = t <= 3 ? 37.5 : 75;
        assert_near(month(without, t, JBW_STAT_MEAN).effective_fte, in_post,
                    1e-12);
        assert_near(month(with, t, JBW_STAT_MEAN).effective_fte, in_post + own,
                    1e-12);
    }
    jbw_forecast_free(with);
    jbw_forecast_free(without);
}

/*
 * Cohorts leave like everyone else: turnover_first_year 1 (all leave
 * within a year: the monthly rate 1 - (1 - 1)^(1/12) = 1) empties a
 * cohort in the month after it is hired, while seniors (turnover 0)
 * stay. Month 1: 6 hired after the leavers; month 2: the 6 (tenure 0
 * when leavers are drawn) and the 4 of tenure 1 leave, 2 join: FTE 10 +
 * 2 = 12. A stochastic run draws whole workers: the same figures in
 * every replicate.
 */
static void cohorts_leave_at_the_first_year_rate(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 2);
    p.turnover_first_year = 1;
    p.hiring_plan = plan2;
    p.hiring_plan_count = 2;
    fc = run(&p, 0);
    assert_near(month(fc, 1, JBW_STAT_MEAN).fte, 10 + 6, 1e-12);
    assert_near(month(fc, 1, JBW_STAT_MEAN).leavers_fte, 4, 1e-12);
    assert_near(month(fc, 2, JBW_STAT_MEAN).fte, 10 + 2, 1e-12);
    assert_near(month(fc, 2, JBW_STAT_MEAN).leavers_fte, 6, 1e-12);
    jbw_forecast_free(fc);
    fc = run(&p, 30);
    assert_near(month(fc, 2, JBW_STAT_P5).fte, 12, 0);
    assert_near(month(fc, 2, JBW_STAT_P95).fte, 12, 0);
    jbw_forecast_free(fc);
}

/* Without a plan (or with cohorts after the horizon) a run is the run of
 * a version 2 record, draw for draw. */
static void no_plan_changes_nothing(void **s)
{
    static const jbw_hire late = {9, 50.0, -1, 1.0};
    jbw_forecast_params p;
    jbw_forecast *a, *b;
    int32_t t;
    (void)s;
    base(&p, 6);
    p.turnover = 0.3;
    p.waiting_nieuw[JBW_KIND_OTS] = 300;
    p.inflow[JBW_KIND_OTS] = 20;
    a = run(&p, 40);
    p.hiring_plan = &late;
    p.hiring_plan_count = 1;
    b = run(&p, 40);
    for (t = 1; t <= 6; t++)
        assert_true(month(a, t, JBW_STAT_P50).waiting ==
                    month(b, t, JBW_STAT_P50).waiting);
    jbw_forecast_free(a);
    jbw_forecast_free(b);
}

static void bad_plans_are_refused_naming_the_cohort(void **s)
{
    jbw_hire h[2] = {{1, 6.0, 3, 0.25}, {1, 2.0, -1, 1.0}};
    jbw_forecast_params p;
    (void)s;
    base(&p, 5);
    p.hiring_plan = h;
    p.hiring_plan_count = 2;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    assert_error_contains("hiring_plan[1].month 1 is given twice");
    h[1].month = 601;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    assert_error_contains("hiring_plan[1].month is 601");
    h[1].month = 2;
    h[1].onboarding_months = 37;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    assert_error_contains("onboarding_months is 37");
    h[1].onboarding_months = 2;
    h[1].onboarding_fraction = 1.5;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    assert_error_contains("hiring_plan[1].onboarding_fraction is 1.5");
    h[1].onboarding_fraction = 0.5;
    h[0].fte = -1;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    assert_error_contains("hiring_plan[0].fte is -1");
    h[0].fte = 6;
    assert_ok(jbw_forecast_params_check(&p, 0));
    p.hiring_plan = NULL;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    assert_error_contains("hiring_plan is NULL");
}

/* The same plan as scenario lines gives the figures of
 * cohorts_carry_their_own_ramp. */
static void scenario_lines_give_the_plan(void **s)
{
    static const char text[] = "hire.1 = 6 3 0.25\nhire.2 = 2\n";
    jbw_scenario *sc = NULL;
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    assert_ok(jbw_scenario_parse(&sc, text, strlen(text), "plan.scenario"));
    assert_int_equal(jbw_scenario_hire_count(sc), 2);
    base(&p, 5);
    assert_ok(jbw_scenario_apply(&p, sc));
    assert_int_equal(p.hiring_plan_count, 2);
    fc = run(&p, 0);
    assert_near(month(fc, 3, JBW_STAT_MEAN).effective_fte, 15.5, 1e-12);
    assert_near(month(fc, 5, JBW_STAT_MEAN).effective_fte, 20.5, 1e-12);
    jbw_forecast_free(fc);
    /* a version 2 record cannot hold the plan: refused, untouched */
    assert_ok(jbw_forecast_params_init(&p, 2));
    assert_status(jbw_scenario_apply(&p, sc), JBW_EVERSION);
    assert_error_contains("hiring plan");
    jbw_scenario_free(sc);
}

static void parse_fails(const char *text, const char *needle)
{
    jbw_scenario *sc = NULL;
    assert_status(jbw_scenario_parse(&sc, text, strlen(text), "p.scenario"),
                  JBW_EPARSE);
    assert_error_contains(needle);
    assert_null(sc);
}

static void bad_scenario_lines_name_line_and_value(void **s)
{
    (void)s;
    parse_fails("hire.0 = 5\n", "p.scenario line 1: hire.0: the month");
    parse_fails("months = 3\nhire.2 = 5 3\n",
                "line 2: hire.2: onboarding months need the fraction");
    parse_fails("hire.2 = 5\nhire.2 = 6\n",
                "line 2: 'hire.2' is given twice (first on line 1)");
    parse_fails("hire.2 = five\n", "the FTE must be a number");
    parse_fails("hire.2 = 5 3 1.5\n", "'5 3 1.5'");
    parse_fails("hire.2 = 5 40 0.5\n", "onboarding months must be");
    parse_fails("hire.2 = 5 3 0.5 9\n", "expected 'FTE");
}

/* The plan as CSV: the same figures; ';' with a decimal comma. */
static void a_csv_gives_the_plan(void **s)
{
    static const char csv[] =
        "month;fte;onboarding_months;onboarding_fraction\n"
        "2;2;;\n"
        "1;6;3;0,25\n";
    jbw_scenario *sc = NULL;
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    assert_ok(jbw_scenario_parse(&sc, "", 0, NULL));
    assert_ok(
        jbw_scenario_add_hiring_plan_csv(sc, csv, strlen(csv), "plan.csv"));
    assert_int_equal(jbw_scenario_hire_count(sc), 2);
    base(&p, 5);
    assert_ok(jbw_scenario_apply(&p, sc));
    fc = run(&p, 0);
    assert_near(month(fc, 1, JBW_STAT_MEAN).effective_fte, 13.5, 1e-12);
    assert_near(month(fc, 4, JBW_STAT_MEAN).effective_fte, 20, 1e-12);
    jbw_forecast_free(fc);
    jbw_scenario_free(sc);
}

static void csv_fails(jbw_scenario *sc, const char *csv, const char *needle)
{
    size_t before = jbw_scenario_hire_count(sc);
    assert_status(
        jbw_scenario_add_hiring_plan_csv(sc, csv, strlen(csv), "plan.csv"),
        JBW_EPARSE);
    assert_error_contains(needle);
    assert_int_equal(jbw_scenario_hire_count(sc), before);
}

/* Strict: the first bad row refuses the file, naming line, column and
 * value; rows read before it are not kept. */
static void bad_csv_rows_name_line_column_and_value(void **s)
{
    static const char line[] = "hire.3 = 1\n";
    jbw_scenario *sc = NULL;
    (void)s;
    assert_ok(jbw_scenario_parse(&sc, line, strlen(line), "p.scenario"));
    csv_fails(sc, "month,fte\n1,6\n2,x\n",
              "plan.csv line 3, column 'fte': not a number in [0, 100000]: "
              "'x'");
    assert_reason_before_value("not a number in [0, 100000]", "x");
    csv_fails(sc, "month,fte\n1,6\n1,7\n",
              "plan.csv line 3, column 'month': month 1 is given twice "
              "(first on line 2 of a hiring plan)");
    csv_fails(sc, "month,fte\n3,6\n",
              "month 3 is given twice (first on line 1 of the scenario)");
    csv_fails(sc, "month,fte\n0,6\n", "line 2, column 'month': not a");
    assert_reason_before_value("column 'month': not a month", "0");
    csv_fails(sc, "month,fte,onboarding_months\n1,6,3\n",
              "3 onboarding months need onboarding_fraction");
    csv_fails(sc, "month,fte,onboarding_fraction\n1,6,0.5\n",
              "onboarding_fraction without onboarding_months");
    csv_fails(sc, "month,fte,onboarding_months,onboarding_fraction\n1,6,2,2\n",
              "column 'onboarding_fraction': not a number in [0, 1]: '2'");
    csv_fails(sc, "month\n1\n", "fte");
    csv_fails(sc, "month,fte,wage\n1,6,3\n", "wage");
    csv_fails(sc, "month,fte\n1,6,7\n", "line 2");
    assert_int_equal(jbw_scenario_hire_count(sc), 1);
    jbw_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cohorts_carry_their_own_ramp),
        cmocka_unit_test(the_run_gives_its_assumptions),
        cmocka_unit_test(an_intake_leaves_the_ramp_of_staff_in_post),
        cmocka_unit_test(cohorts_leave_at_the_first_year_rate),
        cmocka_unit_test(no_plan_changes_nothing),
        cmocka_unit_test(bad_plans_are_refused_naming_the_cohort),
        cmocka_unit_test(scenario_lines_give_the_plan),
        cmocka_unit_test(bad_scenario_lines_name_line_and_value),
        cmocka_unit_test(a_csv_gives_the_plan),
        cmocka_unit_test(bad_csv_rows_name_line_column_and_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
