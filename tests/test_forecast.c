/*
 * Tests of the forecast module: the monthly stock-flow model
 * (deterministic and stochastic), shocks, hiring and the onboarding ramp,
 * turnover, the order free capacity takes waiting lists, finance, relief
 * and queue staffing (Erlang C), scenario files, output, and bad input.
 *
 * Every record and scenario here is synthetic. Every expected figure is
 * worked out by hand in the comment beside it (docs/forecast.md has the
 * equations), or comes from the source named there. Month t's flows
 * follow the order exits, inflow, leavers and their caseload, tenure and
 * hires, intake; stocks are read at the end of the month.
 */
/* mkstemp, fdopen */
#define _POSIX_C_SOURCE 200809L

#include "jbw_test.h"

#define NONE    JBW_DATE_NONE
#define OTS     JBW_KIND_OTS
#define VOTS    JBW_KIND_VOTS
#define VOOGDIJ JBW_KIND_VOOGDIJ
#define JR      JBW_KIND_JR_TB_GEDWONGEN
#define SENIOR  (JBW_TENURE_SLOTS - 1)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */
/* ---------------------------------------------------------------------- */

/* Default params, `months` long, with nothing in them and no staff
 * leaving: the figures of these tests are worked by hand without turnover
 * (the default is 0.2); the tests of turnover set their own. */
static void base(jbw_forecast_params *p, int32_t months)
{
    assert_ok(jbw_forecast_params_init(p, JBW_FORECAST_PARAMS_VERSION));
    p->months = months;
    p->turnover = 0;
}

static jbw_forecast *run(const jbw_forecast_params *p, const jbw_norm *norm,
                         size_t replicates, uint64_t seed)
{
    return jbw_test_run_forecast(p, norm, replicates, seed, 1);
}

static jbw_forecast_month month(const jbw_forecast *fc, int32_t t,
                                jbw_statistic stat)
{
    return jbw_test_forecast_month(fc, t, stat);
}

static jbw_forecast_month det(const jbw_forecast *fc, int32_t t)
{
    return month(fc, t, JBW_STAT_MEAN);
}

/* A run that must fail with `status` and a detail holding `needle`,
 * leaving *out as it was. */
static void run_fails(const jbw_forecast_params *p,
                      const jbw_forecast_options *o, int status,
                      const char *needle)
{
    jbw_forecast *fc = (jbw_forecast *)(void *)&fc; /* a sentinel */
    jbw_forecast *const sentinel = fc;
    assert_status(jbw_forecast_run(&fc, p, NULL, o), status);
    assert_error_contains(needle);
    assert_ptr_equal(fc, sentinel);
}

/* The default norm with a ramp of `count` steps. */
static jbw_norm *norm_with_ramp(const int32_t *from, const double *frac,
                                size_t count)
{
    jbw_norm *norm = NULL;
    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_norm_set_ramp(norm, from, frac, count));
    return norm;
}

/* ---------------------------------------------------------------------- */
/* Parameters                                                             */
/* ---------------------------------------------------------------------- */

/*
 * Regression (found by fuzzing the scenario parser): each shock's
 * multiplier is at most 1000, but 103 overlapping shocks of 1000 multiply
 * to 1e309, which overflows a double to inf; the run then produced NaN
 * stocks. Now the check refuses any month whose shocked inflow exceeds
 * the inflow bound of 1e7 measures a month: 1 x 1000^3 = 1e9 already
 * does, so three such shocks are enough to be refused.
 */
static void
overlapping_shocks_that_overflow_the_inflow_are_refused(void **state)
{
    jbw_forecast_params p = JBW_FORECAST_PARAMS_INIT;
    jbw_shock shocks[103];
    jbw_forecast *fc = (jbw_forecast *)&fc;
    size_t i;
    (void)state;
    p.months = 1;
    p.inflow[JBW_KIND_OTS] = 1;
    p.staff_fte[36] = 1;
    for (i = 0; i < 103; i++) {
        shocks[i].kind = JBW_KIND_OTS;
        shocks[i].month_from = 1;
        shocks[i].month_to = 1;
        shocks[i].multiplier = 1000.0;
    }
    p.shocks = shocks;
    p.shock_count = 103;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    assert_error_contains("combined multiplier");
    assert_status(jbw_forecast_run(&fc, &p, NULL, NULL), JBW_EINVAL);
    assert_ptr_equal(fc, (jbw_forecast *)&fc); /* untouched */
    /* Two shocks: 1 x 1000 x 1000 = 1e6 <= 1e7 is allowed; three are not. */
    p.shock_count = 2;
    assert_ok(jbw_forecast_params_check(&p, 0));
    p.shock_count = 3;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
}

static void params_init_sets_documented_defaults(void **state)
{
    /* static: their padding is zero, as in the library's own defaults,
     * so the byte comparisons below compare only what the macros set. */
    static const jbw_forecast_params macro = JBW_FORECAST_PARAMS_INIT;
    static const jbw_forecast_options omacro = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast_params p;
    jbw_forecast_options o;
    (void)state;
    memset(&p, 0xff, sizeof p);
    assert_ok(jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION));
    assert_memory_equal(&p, &macro, sizeof p);
    assert_int_equal(p.months, 24);
    assert_int_equal(p.start, NONE);
    assert_int_equal(p.hire_months, JBW_FORECAST_MONTHS_MAX);
    assert_int_equal(p.bestaand_first, 1);
    assert_int_equal(p.emergency_first, 1);
    assert_int_equal(p.finance, 0);
    assert_near(p.fte_per_worker, 1.0, 0);
    assert_near(p.units_per_measure, 1.0, 0);
    /* CBS, Jeugdbescherming en jeugdreclassering 2022 (docs/sources.md):
     * mean duration = (begin + end) / 2 / outflow x 12 months.
     * OTS (21,890 + 19,390) / 2 = 20,640 / 9,000 x 12 = 27.52 -> 27.5;
     * VOTS (330 + 355) / 2 = 342.5 / 1,345 x 12 = 3.056 -> 3.1;
     * voogdij (9,480 + 9,080) / 2 = 9,280 / 1,325 x 12 = 84.05 -> 84.0;
     * voorlopige + tijdelijke voogdij (260 + 245) / 2 = 252.5 / 285 x 12
     * = 10.63 -> 10.6; JR T&B gedwongen (4,390 + 4,325) / 2 = 4,357.5 /
     * 3,390 x 12 = 15.42 -> 15.4; vrijwillig (450 + 475) / 2 = 462.5 /
     * 1,700 x 12 = 3.26 -> 3.3; ITB harde kern (115 + 130) / 2 = 122.5 /
     * 200 x 12 = 7.35 -> 7.4; ITB CRIEM (25 + 20) / 2 = 22.5 / 105 x 12
     * = 2.57 -> 2.6. */
    assert_near(p.duration[OTS], 27.5, 0);
    assert_near(p.duration[VOTS], 3.1, 0);
    assert_near(p.duration[VOOGDIJ], 84.0, 0);
    assert_near(p.duration[JBW_KIND_VOORLOPIGE_VOOGDIJ], 10.6, 0);
    assert_near(p.duration[JBW_KIND_TIJDELIJKE_VOOGDIJ], 10.6, 0);
    assert_near(p.duration[JBW_KIND_JR_TB_GEDWONGEN], 15.4, 0);
    assert_near(p.duration[JBW_KIND_JR_TB_VRIJWILLIG], 3.3, 0);
    assert_near(p.duration[JBW_KIND_JR_ITB_HARDE_KERN], 7.4, 0);
    assert_near(p.duration[JBW_KIND_JR_ITB_CRIEM], 2.6, 0);
    /* nearly a fifth of jeugdbeschermers left in a year (Follow the Money
     * and Pointer, 2021) */
    assert_near(p.turnover, 0.2, 0);
    assert_near(p.inflow[OTS], 0, 0);
    assert_null(p.shocks);
    assert_ok(jbw_forecast_params_check(&p, 1));

    assert_status(jbw_forecast_params_init(&p, 4), JBW_EVERSION);
    assert_error_contains("version 4");
    assert_status(jbw_forecast_params_init(NULL, 1), JBW_EINVAL);

    memset(&o, 0xff, sizeof o);
    assert_ok(jbw_forecast_options_init(&o, JBW_FORECAST_OPTIONS_VERSION));
    /* Field by field: a struct assignment need not copy padding. */
    assert_int_equal(o.version, omacro.version);
    assert_int_equal(o.replicates, omacro.replicates);
    assert_true(o.seed == omacro.seed);
    assert_null(o.progress);
    assert_null(o.progress_user);
    assert_null(o.on_month);
    assert_null(o.on_month_user);
    assert_int_equal(o.replicates, 0);
    assert_true(o.seed == 1);
    assert_status(jbw_forecast_options_init(&o, 0), JBW_EVERSION);
    assert_status(jbw_forecast_options_init(NULL, 1), JBW_EINVAL);
}

/* One bad field per case: the run fails with the status and a detail
 * naming the field, and leaves *out alone. */
static void bad_params_are_rejected_naming_the_field(void **state)
{
    jbw_forecast_params p;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_shock shock = {OTS, 3, 5, 1.5};
    jbw_forecast *fc = NULL;
    (void)state;

    base(&p, 0);
    run_fails(&p, NULL, JBW_ERANGE, "months is 0");
    base(&p, 601);
    run_fails(&p, NULL, JBW_ERANGE, "months is 601");
    base(&p, 12);
    p.inflow[OTS] = -1;
    run_fails(&p, NULL, JBW_EINVAL, "inflow[OTS] is -1");
    base(&p, 12);
    p.duration[VOTS] = 0.5; /* less than a month: a rate above 1 */
    run_fails(&p, NULL, JBW_EINVAL, "duration[VOTS] is 0.5");
    base(&p, 12);
    p.turnover = 20; /* 20 meant as a percentage */
    run_fails(&p, NULL, JBW_EINVAL, "turnover is 20");
    assert_error_contains("0.2 for 20%");
    base(&p, 12);
    p.turnover = 1.0001;
    run_fails(&p, NULL, JBW_EINVAL, "turnover");
    base(&p, 12);
    p.turnover = NAN;
    run_fails(&p, NULL, JBW_EINVAL, "turnover is NaN");
    base(&p, 12);
    p.turnover = -0.1;
    run_fails(&p, NULL, JBW_EINVAL, "turnover is -0.1");
    base(&p, 12);
    p.assigned[VOOGDIJ] = INFINITY;
    run_fails(&p, NULL, JBW_EINVAL, "assigned[VOOGDIJ] is infinite");
    base(&p, 12);
    p.waiting_bestaand[JR] = NAN;
    run_fails(&p, NULL, JBW_EINVAL, "waiting_bestaand[JR_TB_GEDWONGEN]");
    base(&p, 12);
    p.staff_fte[3] = -0.5;
    run_fails(&p, NULL, JBW_EINVAL, "staff_fte[3] is -0.5");
    base(&p, 12);
    p.hires_fte = NAN;
    run_fails(&p, NULL, JBW_EINVAL, "hires_fte is NaN");
    base(&p, 12);
    p.hires_fte = -1;
    run_fails(&p, NULL, JBW_EINVAL, "hires_fte is -1");
    base(&p, 12);
    p.hire_months = -1;
    run_fails(&p, NULL, JBW_EINVAL, "hire_months is -1");
    base(&p, 12);
    p.bestaand_first = 2;
    run_fails(&p, NULL, JBW_EINVAL, "bestaand_first is 2");
    base(&p, 12);
    p.fte_per_worker = 0;
    run_fails(&p, NULL, JBW_EINVAL, "fte_per_worker is 0");
    base(&p, 12);
    p.units_per_measure = 11;
    run_fails(&p, NULL, JBW_EINVAL, "units_per_measure is 11");
    base(&p, 12);
    p.finance = 1;
    p.tariff[OTS] = -5;
    run_fails(&p, NULL, JBW_EINVAL, "tariff[OTS] is -5");
    base(&p, 12);
    p.fixed_costs = NAN;
    run_fails(&p, NULL, JBW_EINVAL, "fixed_costs is NaN");
    base(&p, 12);
    p.shock_count = 1; /* and no array */
    run_fails(&p, NULL, JBW_EINVAL, "shocks is NULL");
    base(&p, 12);
    p.shocks = &shock;
    p.shock_count = 1;
    shock.kind = 99;
    run_fails(&p, NULL, JBW_EINVAL, "shocks[0].kind is 99");
    shock.kind = OTS;
    shock.month_from = 5;
    shock.month_to = 3;
    run_fails(&p, NULL, JBW_EINVAL, "shocks[0] months 5..3");
    shock.month_from = 0;
    run_fails(&p, NULL, JBW_EINVAL, "shocks[0] months 0..3");
    shock.month_from = 3;
    shock.month_to = 5;
    shock.multiplier = -1;
    run_fails(&p, NULL, JBW_EINVAL, "shocks[0].multiplier is -1");
    shock.multiplier = NAN;
    run_fails(&p, NULL, JBW_EINVAL, "shocks[0].multiplier is NaN");
    /* 2199-06-01 plus 24 months is past 2199-12-31 */
    base(&p, 24);
    p.start = D(2199, 6, 1);
    run_fails(&p, NULL, JBW_ERANGE, "start date plus 24 months");
    base(&p, 12);
    p.version = 9;
    run_fails(&p, NULL, JBW_EVERSION, "version 9");
    /* a stochastic run draws whole measures */
    base(&p, 12);
    p.waiting_nieuw[OTS] = 1.5;
    o.replicates = 10;
    run_fails(&p, &o, JBW_EINVAL, "waiting_nieuw[OTS] is 1.5: a stochastic");
    assert_ok(jbw_forecast_params_check(&p, 0));
    assert_status(jbw_forecast_params_check(&p, 1), JBW_EINVAL);
    assert_status(jbw_forecast_params_check(NULL, 0), JBW_EINVAL);
    base(&p, 12);
    o.replicates = JBW_FORECAST_REPLICATES_MAX + 1;
    run_fails(&p, &o, JBW_EINVAL, "replicates is 100001");
    o.replicates = 1;
    o.version = 5;
    run_fails(&p, &o, JBW_EVERSION, "options: version 5");
    run_fails(NULL, NULL, JBW_EINVAL, "NULL");
    assert_status(jbw_forecast_run(NULL, &p, NULL, NULL), JBW_EINVAL);
    assert_error_contains("NULL out");
    /* a good run after all that */
    fc = run(&p, NULL, 0, 0);
    jbw_forecast_free(fc);
    jbw_forecast_free(NULL);
}

/* ---------------------------------------------------------------------- */
/* The deterministic model, month by month by hand                         */
/* ---------------------------------------------------------------------- */

static void zero_inflow_no_staff_waiting_list_decays_at_exit_rate(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 3);
    p.waiting_nieuw[OTS] = 100;
    p.duration[OTS] = 10; /* a measure ends with probability 1/10 a month */
    fc = run(&p, NULL, 0, 0);
    assert_int_equal(jbw_forecast_months(fc), 3);
    assert_int_equal(jbw_forecast_replicates(fc), 0);
    assert_true(jbw_forecast_seed(fc) == 0);
    assert_near(det(fc, 0).waiting_nieuw, 100, 1e-12);
    assert_near(det(fc, 0).exits, 0, 0);
    /* 100 x 0.9 = 90, 81, 72.9; nothing flows in, nobody to take them */
    assert_near(det(fc, 1).waiting_nieuw, 90, 1e-12);
    assert_near(det(fc, 1).exits, 10, 1e-12);
    assert_near(det(fc, 2).waiting_nieuw, 81, 1e-12);
    assert_near(det(fc, 3).waiting_nieuw, 72.9, 1e-12);
    assert_near(det(fc, 3).waiting, 72.9, 1e-12);
    assert_near(det(fc, 3).assigned, 0, 0);
    assert_near(det(fc, 3).capacity, 0, 0);
    assert_near(det(fc, 3).fte, 0, 0);
    assert_near(det(fc, 3).intake, 0, 0);
    assert_int_equal(det(fc, 3).date, NONE);
    jbw_forecast_free(fc);
}

static void without_staff_assigned_caseload_becomes_bestaand(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 2);
    p.assigned[OTS] = 50;
    p.duration[OTS] = 10;
    fc = run(&p, NULL, 0, 0);
    /* month 1: 5 exit, 45 left with nobody to carry them: all bestaand */
    assert_near(det(fc, 1).assigned, 0, 0);
    assert_near(det(fc, 1).waiting_bestaand, 45, 1e-12);
    assert_near(det(fc, 1).orphaned, 45, 1e-12);
    /* month 2: 45 x 0.9 = 40.5 */
    assert_near(det(fc, 2).waiting_bestaand, 40.5, 1e-12);
    assert_near(det(fc, 2).orphaned, 0, 0);
    jbw_forecast_free(fc);
}

static void duration_of_one_month_ends_every_measure_in_a_month(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 2);
    p.waiting_nieuw[JBW_KIND_JR_ITB_CRIEM] = 7;
    p.duration[JBW_KIND_JR_ITB_CRIEM] = 1; /* exit probability 1 */
    fc = run(&p, NULL, 0, 0);
    assert_near(det(fc, 1).waiting, 0, 0);
    assert_near(det(fc, 1).exits, 7, 0);
    jbw_forecast_free(fc);
    fc = run(&p, NULL, 20, 3);
    assert_near(month(fc, 1, JBW_STAT_P95).waiting, 0, 0);
    assert_near(month(fc, 1, JBW_STAT_P5).exits, 7, 0);
    jbw_forecast_free(fc);
}

static void shock_multiplies_inflow_in_its_months_only(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    /* every kind x1.5 in months 3-4 (an RvdK backlog released), OTS x2
     * in month 3 as well: they multiply */
    jbw_shock shocks[2] = {{JBW_SHOCK_ALL_KINDS, 3, 4, 1.5}, {OTS, 3, 3, 2.0}};
    (void)s;
    base(&p, 5);
    p.inflow[OTS] = 10;
    p.inflow[VOTS] = 4;
    p.shocks = shocks;
    p.shock_count = 2;
    fc = run(&p, NULL, 0, 0);
    assert_near(det(fc, 1).inflow, 14, 1e-12); /* 10 + 4 */
    assert_near(det(fc, 2).inflow, 14, 1e-12);
    assert_near(det(fc, 3).inflow, 36, 1e-12); /* 10 x 1.5 x 2 + 4 x 1.5 */
    assert_near(det(fc, 4).inflow, 21, 1e-12); /* 15 + 6 */
    assert_near(det(fc, 5).inflow, 14, 1e-12);
    /* the run keeps no pointer to the shocks: changing them now changes
     * nothing in the result */
    shocks[1].multiplier = 0;
    assert_near(det(fc, 3).inflow, 36, 1e-12);
    jbw_forecast_free(fc);
}

static void hire_ramps_up_exactly_as_the_norm_ramp(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    jbw_norm *norm;
    static const int32_t from[2] = {0, 2};
    static const double frac[2] = {0.25, 1.0};
    (void)s;
    base(&p, 8);
    p.hires_fte = 1;
    p.hire_months = 1; /* one FTE hired in month 1 only */
    fc = run(&p, NULL, 0, 0);
    /* the default ramp: 0.5 in tenure months 0-2, 0.75 in 3-5, 1 after;
     * hired in month 1, tenure in month t is t - 1 */
    assert_near(det(fc, 0).fte, 0, 0);
    assert_near(det(fc, 1).hires_fte, 1, 0);
    assert_near(det(fc, 2).hires_fte, 0, 0);
    assert_near(det(fc, 1).fte, 1, 0);
    assert_near(det(fc, 1).effective_fte, 0.5, 1e-12);
    assert_near(det(fc, 1).capacity, 6, 1e-12); /* 0.5 x 12 */
    assert_near(det(fc, 2).effective_fte, 0.5, 1e-12);
    assert_near(det(fc, 3).effective_fte, 0.5, 1e-12);
    assert_near(det(fc, 4).effective_fte, 0.75, 1e-12); /* tenure 3 */
    assert_near(det(fc, 4).capacity, 9, 1e-12);         /* 0.75 x 12 */
    assert_near(det(fc, 6).effective_fte, 0.75, 1e-12); /* tenure 5 */
    assert_near(det(fc, 7).effective_fte, 1.0, 1e-12);  /* tenure 6 */
    assert_near(det(fc, 8).capacity, 12, 1e-12);
    jbw_forecast_free(fc);

    /* another norm, another ramp: 0.25 for tenure 0-1, then 1 */
    norm = norm_with_ramp(from, frac, 2);
    fc = run(&p, norm, 0, 0);
    assert_near(det(fc, 1).effective_fte, 0.25, 1e-12);
    assert_near(det(fc, 2).effective_fte, 0.25, 1e-12);
    assert_near(det(fc, 3).effective_fte, 1.0, 1e-12);
    jbw_forecast_free(fc);
    jbw_norm_free(norm);
}

static void staff_at_36_months_or_more_carry_a_full_caseload(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 1);
    p.staff_fte[SENIOR] = 2;
    p.staff_fte[35] = 1; /* moves into the last slot in month 1 */
    fc = run(&p, NULL, 0, 0);
    assert_near(det(fc, 0).effective_fte, 3, 1e-12);
    assert_near(det(fc, 1).fte, 3, 1e-12);
    assert_near(det(fc, 1).capacity, 36, 1e-12); /* 3 x 12 */
    jbw_forecast_free(fc);
}

static void turnover_gives_the_monthly_rate_of_the_annual(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 12);
    p.staff_fte[SENIOR] = 100;
    p.turnover = 0.2;
    fc = run(&p, NULL, 0, 0);
    /* monthly rate r = 1 - 0.8^(1/12): ln 0.8 = -0.22314355, / 12 =
     * x = -0.01859530; e^x = 1 + x + x^2/2 + x^3/6 + x^4/24
     * = 1 - 0.01859530 + 0.00017289 - 0.00000107 + 0.000000005
     * = 0.98157653, so r = 0.01842347: 1.842347 FTE of 100 leave */
    assert_near(det(fc, 1).leavers_fte, 1.842347, 2e-6);
    assert_near(det(fc, 1).fte, 98.157653, 2e-6);
    /* after twelve months (1 - r)^12 = 0.8: 80 FTE */
    assert_near(det(fc, 12).fte, 80, 1e-9);
    jbw_forecast_free(fc);
}

/*
 * 10 FTE carry 100 OTS; a turnover of 1 - 0.5^12 a year is a monthly
 * rate of exactly 0.5. Month 1: 10 of 100 assigned and 1 of 10 nieuw
 * exit (duration 10); 5 FTE leave, half the caseload (45) goes to
 * bestaand; capacity 5 x 12 = 60, load 45, free 15.
 */
static void leavers_caseload_goes_to_bestaand_and_is_taken_first(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 1);
    p.assigned[OTS] = 100;
    p.waiting_nieuw[OTS] = 10;
    p.duration[OTS] = 10;
    p.staff_fte[SENIOR] = 10;
    p.turnover = 1 - 1.0 / 4096; /* 1 - 0.5^12 */
    fc = run(&p, NULL, 0, 0);
    assert_near(det(fc, 1).exits, 11, 1e-9);
    assert_near(det(fc, 1).leavers_fte, 5, 1e-9);
    assert_near(det(fc, 1).orphaned, 45, 1e-9);
    /* bestaand first: 15 of the 45 get a worker again */
    assert_near(det(fc, 1).intake, 15, 1e-9);
    assert_near(det(fc, 1).waiting_bestaand, 30, 1e-9);
    assert_near(det(fc, 1).waiting_nieuw, 9, 1e-9);
    assert_near(det(fc, 1).assigned, 60, 1e-9);
    assert_near(det(fc, 1).load, 60, 1e-9);
    assert_near(det(fc, 1).free_capacity, 0, 1e-9);
    /* balance: 110 - 11 = 99 = 60 + 9 + 30 */
    assert_near(det(fc, 1).active, 99, 1e-9);
    jbw_forecast_free(fc);

    /* nieuw first: all 9 nieuw, then 6 of the 45 bestaand */
    p.bestaand_first = 0;
    fc = run(&p, NULL, 0, 0);
    assert_near(det(fc, 1).waiting_nieuw, 0, 1e-9);
    assert_near(det(fc, 1).waiting_bestaand, 39, 1e-9);
    assert_near(det(fc, 1).assigned, 60, 1e-9);
    jbw_forecast_free(fc);
}

/*
 * 1 FTE (capacity 12) carries 10 OTS; 10 VOTS nieuw and 10 OTS bestaand
 * wait; all durations 10. Month 1: 9 + 9 + 9 after exits; load 9, free 3.
 */
static void emergency_kinds_take_free_capacity_first(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 1);
    p.assigned[OTS] = 10;
    p.waiting_nieuw[VOTS] = 10;
    p.waiting_bestaand[OTS] = 10;
    p.duration[OTS] = p.duration[VOTS] = 10;
    p.staff_fte[SENIOR] = 1;
    fc = run(&p, NULL, 0, 0);
    /* VOTS (an emergency measure) first: 3 of its 9 */
    assert_near(det(fc, 1).waiting_nieuw, 6, 1e-9);
    assert_near(det(fc, 1).waiting_bestaand, 9, 1e-9);
    jbw_forecast_free(fc);
    /* without the emergency rule bestaand goes first: 3 of the 9 OTS */
    p.emergency_first = 0;
    fc = run(&p, NULL, 0, 0);
    assert_near(det(fc, 1).waiting_nieuw, 9, 1e-9);
    assert_near(det(fc, 1).waiting_bestaand, 6, 1e-9);
    jbw_forecast_free(fc);
}

/*
 * 1 FTE (capacity 12), nothing assigned; bestaand 20 OTS and 10 JR wait
 * (durations 10): 18 and 9 after exits, free capacity 12.
 */
static void free_capacity_takes_a_list_pro_rata_by_weight(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    jbw_norm *norm = NULL;
    (void)s;
    base(&p, 1);
    p.waiting_bestaand[OTS] = 20;
    p.waiting_bestaand[JR] = 10;
    p.duration[OTS] = p.duration[JR] = 10;
    p.staff_fte[SENIOR] = 1;
    fc = run(&p, NULL, 0, 0);
    /* demand 27, free 12: each list the share 12/27 = 4/9: OTS 8, JR 4 */
    assert_near(det(fc, 1).waiting_bestaand, 10 + 5, 1e-9);
    assert_near(det(fc, 1).intake, 12, 1e-9);
    jbw_forecast_free(fc);
    /* JR weighs 2: demand 18 + 18 = 36, share 1/3: OTS 6, JR 3 (cost 6) */
    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_norm_set_weight(norm, JR, 2.0));
    fc = run(&p, norm, 0, 0);
    assert_near(det(fc, 1).intake, 9, 1e-9);
    assert_near(det(fc, 1).load, 12, 1e-9); /* 6 x 1 + 3 x 2 */
    jbw_forecast_free(fc);
    jbw_norm_free(norm);
    /* half a norm unit per measure: demand 13.5, share 12 / 13.5 = 8/9:
     * OTS 16, JR 8 */
    p.units_per_measure = 0.5;
    fc = run(&p, NULL, 0, 0);
    assert_near(det(fc, 1).intake, 24, 1e-9);
    assert_near(det(fc, 1).waiting_bestaand, 2 + 1, 1e-9);
    jbw_forecast_free(fc);
}

static void month_labels_follow_the_start_date(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 5);
    p.start = D(2025, 9, 1);
    fc = run(&p, NULL, 0, 0);
    assert_int_equal(det(fc, 0).date, D(2025, 9, 1));
    assert_int_equal(det(fc, 4).date, D(2026, 1, 1));
    assert_int_equal(det(fc, 5).month, 5);
    jbw_forecast_free(fc);
}

/* ---------------------------------------------------------------------- */
/* Finance                                                                */
/* ---------------------------------------------------------------------- */

/*
 * A stationary organisation: 120 OTS (duration 12, inflow 10 a month:
 * 10 end and 10 start every month), 10 FTE carrying exactly 120. Tariff
 * 24,000 a measure-year, staff 84,000 an FTE-year, fixed costs 2,040,000
 * a year. Per month: revenue 120 x 2,000 = 240,000; staff 10 x 7,000 =
 * 70,000; fixed 170,000; margin 0; coverage (240,000 - 70,000) / 170,000
 * = 1.
 */
static void stationary_finance(jbw_forecast_params *p)
{
    base(p, 12);
    p->assigned[OTS] = 120;
    p->duration[OTS] = 12;
    p->inflow[OTS] = 10;
    p->staff_fte[SENIOR] = 10;
    p->finance = 1;
    p->tariff[OTS] = 24000;
    p->staff_cost = 84000;
    p->fixed_costs = 2040000;
}

static void finance_revenue_costs_margin_and_coverage_by_hand(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    jbw_forecast_month m;
    (void)s;
    stationary_finance(&p);
    fc = run(&p, NULL, 0, 0);
    assert_int_equal(jbw_forecast_has_finance(fc), 1);
    m = det(fc, 6);
    assert_near(m.assigned, 120, 1e-9);
    assert_near(m.revenue, 240000, 1e-6);
    assert_near(m.staff_cost, 70000, 1e-6);
    assert_near(m.fixed_costs, 170000, 1e-6);
    assert_near(m.margin, 0, 1e-6);
    assert_near(m.coverage, 1.0, 1e-12);
    jbw_forecast_free(fc);
}

/* The Zuid-Holland Zuid council letter: a 25% drop in measures put the funding
 * of fixed costs at risk. 90 OTS and inflow 7.5: revenue 90 x 2,000 = 180,000,
 * staff still 70,000: coverage (180,000 - 70,000) / 170,000 = 0.647059, margin
 * -60,000 a month. */
static void a_quarter_less_volume_leaves_fixed_costs_uncovered(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    jbw_shock drop = {JBW_SHOCK_ALL_KINDS, 1, 12, 0.75};
    (void)s;
    stationary_finance(&p);
    p.assigned[OTS] = 90;
    p.shocks = &drop;
    p.shock_count = 1;
    fc = run(&p, NULL, 0, 0);
    assert_near(det(fc, 12).active, 90, 1e-9);
    assert_near(det(fc, 12).revenue, 180000, 1e-6);
    assert_near(det(fc, 12).margin, -60000, 1e-6);
    assert_near(det(fc, 12).coverage, 0.647059, 1e-6);
    assert_true(det(fc, 12).coverage < 1);
    jbw_forecast_free(fc);
}

static void finance_off_or_no_fixed_costs_gives_nan(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    stationary_finance(&p);
    p.finance = 0;
    fc = run(&p, NULL, 0, 0);
    assert_int_equal(jbw_forecast_has_finance(fc), 0);
    assert_true(isnan(det(fc, 3).revenue));
    assert_true(isnan(det(fc, 3).coverage));
    jbw_forecast_free(fc);
    p.finance = 1;
    p.fixed_costs = 0;
    fc = run(&p, NULL, 0, 0);
    assert_near(det(fc, 3).revenue, 240000, 1e-6);
    assert_near(det(fc, 3).margin, 170000, 1e-6); /* 240,000 - 70,000 */
    assert_true(isnan(det(fc, 3).coverage));
    jbw_forecast_free(fc);
    fc = run(&p, NULL, 5, 1);
    assert_true(isfinite(month(fc, 3, JBW_STAT_P95).revenue));
    assert_true(isnan(month(fc, 3, JBW_STAT_P95).coverage));
    assert_true(isnan(det(fc, 3).coverage));
    jbw_forecast_free(fc);
}

/* ---------------------------------------------------------------------- */
/* The stochastic model                                                   */
/* ---------------------------------------------------------------------- */

#define BAL_REPS 200

typedef struct balance_ctx {
    double prev_active[BAL_REPS];
    size_t calls;
    int32_t last_month;
} balance_ctx;

static int whole(double v)
{
    return v == floor(v) && v >= 0;
}

static int check_balance(void *user, size_t r, const jbw_forecast_month *m)
{
    balance_ctx *c = user;
    assert_true(r < BAL_REPS);
    assert_true(m->month >= c->last_month);
    c->last_month = m->month;
    c->calls++;
    /* integer stocks and flows in every replicate */
    assert_true(whole(m->assigned) && whole(m->waiting_nieuw) &&
                whole(m->waiting_bestaand) && whole(m->inflow) &&
                whole(m->exits) && whole(m->orphaned) && whole(m->intake));
    assert_true(m->waiting == m->waiting_nieuw + m->waiting_bestaand);
    assert_true(m->active == m->assigned + m->waiting);
    /* start + in - out = end, exactly */
    if (m->month > 0)
        assert_true(m->active == c->prev_active[r] + m->inflow - m->exits);
    c->prev_active[r] = m->active;
    assert_true(m->fte >= 0 && m->leavers_fte >= 0);
    return 0;
}

static void stocks_balance_exactly_in_every_replicate_and_month(void **s)
{
    jbw_forecast_params p;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL;
    balance_ctx ctx;
    (void)s;
    memset(&ctx, 0, sizeof ctx);
    jbw_test_busy_region(&p, 36);
    o.replicates = BAL_REPS;
    o.seed = 77;
    o.on_month = check_balance;
    o.on_month_user = &ctx;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    assert_int_equal(ctx.calls, BAL_REPS * 37); /* months 0..36 */
    assert_int_equal(jbw_forecast_replicates(fc), BAL_REPS);
    assert_true(jbw_forecast_seed(fc) == 77);
    /* the percentiles are ordered */
    assert_true(month(fc, 20, JBW_STAT_P5).waiting <=
                month(fc, 20, JBW_STAT_P50).waiting);
    assert_true(month(fc, 20, JBW_STAT_P50).waiting <=
                month(fc, 20, JBW_STAT_P95).waiting);
    jbw_forecast_free(fc);
}

static void same_seed_same_figures_other_seed_other_figures(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *a, *b, *c;
    int32_t t;
    int stat, differs = 0;
    (void)s;
    jbw_test_busy_region(&p, 36);
    a = run(&p, NULL, 100, 12345);
    b = run(&p, NULL, 100, 12345);
    c = run(&p, NULL, 100, 12346);
    for (t = 0; t <= 36; t++)
        for (stat = 0; stat < 4; stat++) {
            jbw_forecast_month ma = month(a, t, (jbw_statistic)stat);
            jbw_forecast_month mb = month(b, t, (jbw_statistic)stat);
            jbw_forecast_month mc = month(c, t, (jbw_statistic)stat);
            assert_memory_equal(&ma, &mb, sizeof ma);
            differs |= ma.waiting != mc.waiting || ma.assigned != mc.assigned;
        }
    assert_true(differs);
    jbw_forecast_free(a);
    jbw_forecast_free(b);
    jbw_forecast_free(c);
}

/* Replicate r's path depends on (seed, r) only: the same with 10 or 25
 * replicates. */
typedef struct path_ctx {
    size_t replicate;
    double waiting[37];
} path_ctx;

static int record_path(void *user, size_t r, const jbw_forecast_month *m)
{
    path_ctx *c = user;
    if (r == c->replicate)
        c->waiting[m->month] = m->waiting;
    return 0;
}

static void a_replicate_does_not_depend_on_how_many_run(void **s)
{
    jbw_forecast_params p;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL;
    path_ctx small, large;
    (void)s;
    jbw_test_busy_region(&p, 36);
    memset(&small, 0, sizeof small);
    memset(&large, 0, sizeof large);
    small.replicate = large.replicate = 7;
    o.seed = 99;
    o.on_month = record_path;
    o.replicates = 10;
    o.on_month_user = &small;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    jbw_forecast_free(fc);
    o.replicates = 25;
    o.on_month_user = &large;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    jbw_forecast_free(fc);
    assert_memory_equal(small.waiting, large.waiting, sizeof small.waiting);
}

/*
 * No staff, empty start, Poisson inflow λ a month, exit probability q.
 * Each month's waiting count is then exactly Poisson: a binomial
 * thinning of a Poisson count is Poisson, and independent Poissons add.
 * Its mean is the deterministic W_t = λ (1 - (1 - q)^t) / q, its variance
 * equals the mean. The mean of R replicates has standard error
 * sqrt(W / R); we allow 5 standard errors (a false alarm about once in
 * 1.7 million runs; the seed is fixed anyway). A percentile's standard
 * error is sqrt(p (1 - p) / R) / f(x_p), with f the density there
 * (normal approximation: φ(1.6449) / sd = 0.10314 / sd); again 5 of
 * them. Poisson percentiles by Cornish-Fisher: W ± 1.6449 sd + (1.6449² -
 * 1) / 6 = 0.2843 (the skewness term: sd x skew = 1).
 */
static void stochastic_mean_and_band_match_the_poisson_law(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc, *d;
    (void)s;
    /* λ 20, q 0.1: W_12 = 200 (1 - 0.9^12) = 200 (1 - 0.2824295) =
     * 143.5141 (sd 11.980). R = 2000: SE of the mean 0.2679, 5 SE = 1.34;
     * percentile SE 0.004873 / (0.10314 / 11.980) = 0.566, 5 SE = 2.83;
     * p5 = 143.5141 - 19.706 + 0.284 = 124.09, p95 = 163.50. */
    base(&p, 12);
    p.inflow[OTS] = 20;
    p.duration[OTS] = 10;
    d = run(&p, NULL, 0, 0);
    assert_near(det(d, 12).waiting, 143.5141, 1e-4);
    fc = run(&p, NULL, 2000, 2025);
    assert_near(det(fc, 12).waiting, 143.5141, 1.34);
    assert_near(month(fc, 12, JBW_STAT_P5).waiting, 124.09, 2.83);
    assert_near(month(fc, 12, JBW_STAT_P95).waiting, 163.50, 2.83);
    assert_near(month(fc, 12, JBW_STAT_P50).waiting, 143.5141, 2.83);
    /* the inflow itself: Poisson(20), SE of the mean sqrt(20/2000) = 0.1 */
    assert_near(det(fc, 12).inflow, 20, 0.5);
    jbw_forecast_free(fc);
    jbw_forecast_free(d);

    /* λ 500, q 0.25 (the large-mean samplers: PTRS inflow, BTRS exits):
     * W_12 = 2000 (1 - 0.75^12) = 2000 (1 - 0.0316764) = 1936.647,
     * sd 44.007; SE of the mean 0.984, 5 SE = 4.92; percentile SE
     * 0.004873 / (0.10314 / 44.007) = 2.08, 5 SE = 10.4;
     * p5 = 1936.647 - 72.387 + 0.284 = 1864.54, p95 = 2009.32. */
    p.inflow[OTS] = 500;
    p.duration[OTS] = 4;
    fc = run(&p, NULL, 2000, 7);
    assert_near(det(fc, 12).waiting, 1936.647, 4.92);
    assert_near(month(fc, 12, JBW_STAT_P5).waiting, 1864.54, 10.4);
    assert_near(month(fc, 12, JBW_STAT_P95).waiting, 2009.32, 10.4);
    jbw_forecast_free(fc);
}

/*
 * 10,000 waiting, no inflow, exit probability 0.25 (duration 4): after a
 * month Binomial(10000, 0.75) remain: mean 7500, variance 10000 x 0.25 x
 * 0.75 = 1875, sd 43.301, skewness (1 - 2 x 0.75) / sd = -0.011547.
 * Percentiles 7500 ± 1.6449 x 43.301 + 0.2843 x 43.301 x -0.011547 =
 * 7500 ± 71.226 - 0.142: p5 7428.63, p95 7571.08. R = 2000: SE of the
 * mean 0.968 (5 SE 4.84); percentile SE 0.004873 / (0.10314 / 43.301) =
 * 2.05 (5 SE 10.2).
 */
static void binomial_exits_of_a_large_stock_have_the_binomial_law(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 1);
    p.waiting_nieuw[OTS] = 10000;
    p.duration[OTS] = 4;
    fc = run(&p, NULL, 2000, 11);
    assert_near(det(fc, 1).waiting, 7500, 4.84);
    assert_near(month(fc, 1, JBW_STAT_P5).waiting, 7428.63, 10.2);
    assert_near(month(fc, 1, JBW_STAT_P95).waiting, 7571.08, 10.2);
    jbw_forecast_free(fc);
}

/*
 * 200 workers of 0.5 FTE (100 FTE) at a monthly leaving rate of exactly
 * 0.5 (turnover 1 - 0.5^12): Binomial(200, 0.5) workers leave, mean 100
 * (50 FTE), sd sqrt(50) = 7.071 workers = 3.536 FTE. R = 1000: SE of the
 * mean 3.536 / sqrt(1000) = 0.112 FTE; 5 SE = 0.56. Workers leave whole:
 * every replicate's leavers are a multiple of 0.5 FTE.
 */
typedef struct whole_ctx {
    int fractional;
} whole_ctx;

static int check_whole_workers(void *user, size_t r,
                               const jbw_forecast_month *m)
{
    whole_ctx *c = user;
    (void)r;
    if (m->leavers_fte * 2 != floor(m->leavers_fte * 2))
        c->fractional = 1;
    return 0;
}

static void workers_leave_whole_at_the_binomial_rate(void **s)
{
    jbw_forecast_params p;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL;
    whole_ctx ctx = {0};
    (void)s;
    base(&p, 1);
    p.staff_fte[SENIOR] = 100;
    p.fte_per_worker = 0.5;
    p.turnover = 1 - 1.0 / 4096;
    o.replicates = 1000;
    o.seed = 5;
    o.on_month = check_whole_workers;
    o.on_month_user = &ctx;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    assert_int_equal(ctx.fractional, 0);
    assert_near(det(fc, 1).leavers_fte, 50, 0.56);
    jbw_forecast_free(fc);
}

/*
 * Goodness of fit of the samplers against their exact laws. One month of
 * a run with R = 20,000 replicates draws, per replicate, the inflow
 * (Poisson(λ)) or the exits of a stock of n (Binomial(n, 1 / duration)).
 * Values are binned from the lowest up until a bin expects at least 5
 * (Cochran's rule), the rest goes into the last bin; the chi-square
 * statistic over b bins has about b - 1 degrees of freedom (nothing is
 * fitted). The limit is df + 5 sqrt(2 df), five standard deviations of
 * the chi-square above its mean; its upper-tail probability is 3.5e-4 at
 * df = 10 (the fewest bins here: P(chi2_10 > 32.4)), 1.1e-4 at 22 and
 * 1.3e-5 at 102 (regularized incomplete gamma function). Draws whose
 * mean is 1% off (47.8 drawn, 47.3 expected) fail it; exact ones pass
 * (the seeds are fixed, so the outcome is the same on every run).
 */
#define CHI_REPS 20000

typedef struct chi_ctx {
    double v[CHI_REPS];
    int exits; /* 1: record exits, 0: inflow */
} chi_ctx;

static int record_draw(void *user, size_t r, const jbw_forecast_month *m)
{
    chi_ctx *c = user;
    if (m->month == 1)
        c->v[r] = c->exits ? m->exits : m->inflow;
    return 0;
}

/* ln of the exact pmf: Poisson(a) when n is 0, else Binomial(n, a). */
static double log_pmf(double k, double n, double a)
{
    if (n == 0)
        return -a + k * log(a) - lgamma(k + 1);
    return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * log(a) +
           (n - k) * log1p(-a);
}

static void chi_square_fits(double n, double a, uint64_t seed)
{
    static chi_ctx ctx;
    jbw_forecast_params p;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL;
    double chi = 0, obs = 0, expect = 0,
           top = n > 0 ? n : a + 12 * sqrt(a) + 20;
    double k;
    size_t r, bins = 0;
    base(&p, 1);
    if (n > 0) {
        p.waiting_nieuw[OTS] = n;
        p.duration[OTS] = 1 / a;
    } else {
        p.inflow[OTS] = a;
    }
    ctx.exits = n > 0;
    o.replicates = CHI_REPS;
    o.seed = seed;
    o.on_month = record_draw;
    o.on_month_user = &ctx;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    jbw_forecast_free(fc);
    for (k = 0; k <= top; k++) {
        for (r = 0; r < CHI_REPS; r++)
            obs += ctx.v[r] == k;
        expect += CHI_REPS * exp(log_pmf(k, n, a));
        if (expect >= 5 && k < top) {
            /* close the bin unless what is left expects less than 5 */
            double rest = 0, j;
            for (j = k + 1; j <= top && rest < 5; j++)
                rest += CHI_REPS * exp(log_pmf(j, n, a));
            if (rest >= 5) {
                chi += (obs - expect) * (obs - expect) / expect;
                bins++;
                obs = expect = 0;
            }
        }
    }
    for (r = 0; r < CHI_REPS; r++)
        obs += ctx.v[r] > top; /* none expected: a draw out of range */
    chi += (obs - expect) * (obs - expect) / expect;
    bins++;
    if (!(chi <= (double)(bins - 1) + 5 * sqrt(2.0 * (double)(bins - 1))))
        fail_msg("n %g, a %g: chi-square %g over %zu bins", n, a, chi, bins);
}

static void samplers_fit_their_exact_laws_by_chi_square(void **s)
{
    (void)s;
    chi_square_fits(0, 2.5, 1);    /* Poisson by inversion */
    chi_square_fits(0, 9.99, 2);   /* inversion, its largest mean */
    chi_square_fits(0, 10, 3);     /* PTRS, its smallest mean */
    chi_square_fits(0, 47.3, 4);   /* PTRS */
    chi_square_fits(20, 0.4, 5);   /* binomial inversion, np = 8 */
    chi_square_fits(30, 0.9, 6);   /* p > 0.5: n - Bin(30, 0.1) */
    chi_square_fits(100, 0.25, 7); /* BTRS, np = 25 */
    chi_square_fits(1000, 0.5, 8); /* BTRS, p = 0.5 */
}

/* ---------------------------------------------------------------------- */
/* Callbacks                                                              */
/* ---------------------------------------------------------------------- */

typedef struct count_ctx {
    size_t calls, stop_at, last_done, last_total;
} count_ctx;

static int count_progress(void *user, size_t done, size_t total)
{
    count_ctx *c = user;
    c->calls++;
    assert_true(done > c->last_done && done <= total);
    c->last_done = done;
    c->last_total = total;
    return c->stop_at && c->calls >= c->stop_at;
}

static int count_months(void *user, size_t r, const jbw_forecast_month *m)
{
    count_ctx *c = user;
    (void)r;
    (void)m;
    c->calls++;
    return c->stop_at && c->calls >= c->stop_at;
}

static void callbacks_report_progress_and_can_cancel(void **s)
{
    jbw_forecast_params p;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL, *const sentinel = (jbw_forecast *)(void *)&p;
    count_ctx ctx;
    (void)s;
    jbw_test_busy_region(&p, 36);
    /* 5000 replicates x 37 months = 185,000 replicate-months */
    memset(&ctx, 0, sizeof ctx);
    o.replicates = 5000;
    o.progress = count_progress;
    o.progress_user = &ctx;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    assert_int_equal(ctx.last_total, 185000);
    assert_int_equal(ctx.last_done, 185000);
    assert_true(ctx.calls >= 45); /* every 4096 and at the end */
    jbw_forecast_free(fc);
    /* a progress callback that stops */
    memset(&ctx, 0, sizeof ctx);
    ctx.stop_at = 2;
    fc = sentinel;
    assert_status(jbw_forecast_run(&fc, &p, NULL, &o), JBW_ECANCELED);
    assert_error_contains("progress");
    assert_ptr_equal(fc, sentinel);
    /* a month callback that stops, in a deterministic run */
    memset(&ctx, 0, sizeof ctx);
    ctx.stop_at = 3;
    o.replicates = 0;
    o.progress = NULL;
    o.on_month = count_months;
    o.on_month_user = &ctx;
    assert_status(jbw_forecast_run(&fc, &p, NULL, &o), JBW_ECANCELED);
    assert_int_equal(ctx.calls, 3);
    assert_ptr_equal(fc, sentinel);
    /* once per month when it does not stop */
    memset(&ctx, 0, sizeof ctx);
    assert_ok(jbw_forecast_run(&fc, &p, NULL, &o));
    assert_int_equal(ctx.calls, 37);
    jbw_forecast_free(fc);
}

/* ---------------------------------------------------------------------- */
/* Results                                                                */
/* ---------------------------------------------------------------------- */

static void month_get_checks_null_version_statistic_and_range(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    jbw_forecast_month m;
    (void)s;
    base(&p, 3);
    fc = run(&p, NULL, 0, 0);
    memset(&m, 0, sizeof m);
    m.version = JBW_FORECAST_MONTH_VERSION;
    assert_status(jbw_forecast_month_get(&m, fc, 0, JBW_STAT_P5), JBW_EINVAL);
    assert_error_contains("statistic 1 (p5) is not in this deterministic "
                          "run, which has only the mean");
    assert_status(jbw_forecast_month_get(&m, fc, -1, JBW_STAT_MEAN),
                  JBW_ERANGE);
    assert_status(jbw_forecast_month_get(&m, fc, 4, JBW_STAT_MEAN), JBW_ERANGE);
    assert_error_contains("month 4 is not in 0..3");
    assert_status(jbw_forecast_month_get(&m, NULL, 0, JBW_STAT_MEAN),
                  JBW_EINVAL);
    assert_status(jbw_forecast_month_get(NULL, fc, 0, JBW_STAT_MEAN),
                  JBW_EINVAL);
    assert_status(jbw_forecast_month_get(&m, fc, 0, (jbw_statistic)7),
                  JBW_EINVAL);
    m.version = 0;
    assert_status(jbw_forecast_month_get(&m, fc, 0, JBW_STAT_MEAN),
                  JBW_EVERSION);
    jbw_forecast_free(fc);
    assert_int_equal(jbw_forecast_months(NULL), 0);
    assert_int_equal(jbw_forecast_replicates(NULL), 0);
    assert_int_equal(jbw_forecast_has_finance(NULL), 0);
    assert_string_equal(jbw_statistic_code(JBW_STAT_MEAN), "mean");
    assert_string_equal(jbw_statistic_code(JBW_STAT_P95), "p95");
    assert_null(jbw_statistic_code((jbw_statistic)4));
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/*
 * The text table's header stands over its columns: in the line under the
 * header (month 0), every figure ends where a header word ends (numbers,
 * right-aligned) or begins where one begins (the date, left-aligned), and
 * no header word spans two figures (a word over the date's end and the
 * month, as "datum    maand" stood over "2025-09-01   0", fails).
 */
static void assert_header_over_columns(const char *text, const char *first)
{
    const char *h = strstr(text, first), *v; /* first: "\n<word> " */
    size_t hn, vn, i, j;
    assert_non_null(h);
    h++;
    hn = strcspn(h, "\n");
    v = h + hn + 1;
    vn = strcspn(v, "\n");
    for (i = 0; i < vn; i = j) {
        int starts, ends;
        while (i < vn && v[i] == ' ')
            i++;
        if (i == vn)
            break;
        for (j = i; j < vn && v[j] != ' '; j++)
            ;
        /* the figure is v[i..j) */
        starts = i < hn && h[i] != ' ' && (i == 0 || h[i - 1] == ' ');
        ends = j - 1 < hn && h[j - 1] != ' ' && (j == hn || h[j] == ' ');
        if (!starts && !ends)
            fail_msg("the figure at column %zu is under no header word:\n"
                     "%.*s\n%.*s",
                     i, (int)hn, h, (int)vn, v);
    }
    for (i = 0; i < hn; i = j) {
        size_t figures = 0, k;
        while (i < hn && h[i] == ' ')
            i++;
        for (j = i; j < hn && h[j] != ' '; j++)
            ;
        for (k = i; k < j && k < vn; k++)
            if (v[k] != ' ' && (k == i || v[k - 1] == ' '))
                figures++;
        if (figures > 1)
            fail_msg("the header word at column %zu stands over %zu "
                     "figures:\n%.*s\n%.*s",
                     i, figures, (int)hn, h, (int)vn, v);
    }
}

static void outputs_json_csv_text_hold_every_month(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    char *out = NULL;
    size_t len = 0;
    (void)s;
    stationary_finance(&p);
    p.start = D(2025, 9, 1);
    fc = run(&p, NULL, 0, 0);
    assert_ok(jbw_forecast_json(&out, &len, fc));
    assert_int_equal(len, strlen(out));
    assert_non_null(strstr(out, "\"mode\":\"deterministic\""));
    assert_non_null(strstr(out, "\"assumptions\":{\"annual_turnover\":0,"
                                "\"hires_fte_per_month\":0,\"hire_months\":"));
    assert_non_null(strstr(out, "\"statistics\":[\"mean\"]"));
    assert_non_null(strstr(out, "{\"month\":0,\"date\":\"2025-09-01\","
                                "\"assigned\":120,"));
    assert_non_null(strstr(out, "\"coverage\":1"));
    assert_null(strstr(out, "\"p5\""));
    jbw_free(out);
    assert_ok(jbw_forecast_csv(&out, NULL, fc));
    /* header + months 0..12 */
    assert_int_equal(count_lines(out), 14);
    assert_non_null(strstr(out, "statistic,month,date,assigned,"));
    assert_non_null(strstr(out, "\nmean,12,2026-09-01,120,"));
    jbw_free(out);
    assert_ok(jbw_forecast_text(&out, NULL, fc));
    assert_non_null(strstr(out, "deterministic"));
    /* the date in 10 columns, a space, the month right in 5 ("month"):
     * the header over them, a figure under its word */
    assert_non_null(strstr(out, "\ndate       month "));
    assert_non_null(strstr(out, "\n2025-09-01     0 "));
    assert_non_null(strstr(out, "\n2026-09-01    12 "));
    assert_header_over_columns(out, "\ndate ");
    assert_non_null(strstr(out, "coverage"));
    jbw_free(out);
    assert_ok(jbw_forecast_text_lang(&out, NULL, fc, JBW_LANG_NL));
    assert_non_null(strstr(out, "\ndatum      maand "));
    assert_header_over_columns(out, "\ndatum ");
    jbw_free(out);
    jbw_forecast_free(fc);

    /* stochastic, no finance: four statistics, empty finance fields */
    p.finance = 0;
    fc = run(&p, NULL, 10, 3);
    assert_ok(jbw_forecast_json(&out, NULL, fc));
    assert_non_null(strstr(out, "\"statistics\":[\"mean\",\"p5\",\"p50\","
                                "\"p95\"]"));
    assert_non_null(strstr(out, "\"replicates\":10,\"seed\":3"));
    assert_non_null(strstr(out, "\"revenue\":null"));
    jbw_free(out);
    assert_ok(jbw_forecast_csv(&out, NULL, fc));
    assert_int_equal(count_lines(out), 1 + 4 * 13);
    assert_non_null(strstr(out, "\np95,0,2025-09-01,120,"));
    /* five finance fields empty, then the assumptions: turnover 0 (base()),
     * hiring 0 */
    assert_non_null(strstr(out, ",,,,,0,0\n"));
    jbw_free(out);
    assert_ok(jbw_forecast_text(&out, NULL, fc));
    assert_non_null(strstr(out, "mean of 10 replicates (seed 3)"));
    assert_non_null(strstr(out, "Assumptions: annual staff turnover 0.0%; "
                                "hiring 0.00 FTE a month.\n"));
    jbw_free(out);
    {
        /* Dutch: the same table in Dutch words, a decimal comma */
        char *en = NULL;
        assert_ok(jbw_forecast_text_lang(&out, NULL, fc, JBW_LANG_NL));
        assert_non_null(strstr(out, "Prognose, 12 maanden, stochastisch: "
                                    "gemiddelde van 10 herhalingen (seed 3)"));
        assert_non_null(strstr(out, "Aannames: personeelsverloop 0,0% per "
                                    "jaar; werving 0,00 fte per maand.\n"));
        assert_non_null(strstr(out, "wachtend"));
        assert_non_null(strstr(out, "capaciteit"));
        assert_null(strstr(out, "waiting"));
        /* month 0: 120 assigned, one decimal */
        assert_non_null(strstr(out, "120,0"));
        /* with the band p5-p95 and the Dutch words ("eff. fte") */
        assert_header_over_columns(out, "\ndatum ");
        jbw_free(out);
        /* English is the text jbw_forecast_text always wrote */
        assert_ok(jbw_forecast_text_lang(&en, NULL, fc, JBW_LANG_EN));
        assert_ok(jbw_forecast_text(&out, NULL, fc));
        assert_string_equal(en, out);
        jbw_free(en);
        jbw_free(out);
        assert_status(jbw_forecast_text_lang(&out, NULL, fc, (jbw_lang)7),
                      JBW_EINVAL);
    }
    assert_status(jbw_forecast_json(NULL, NULL, fc), JBW_EINVAL);
    assert_status(jbw_forecast_csv(&out, NULL, NULL), JBW_EINVAL);
    assert_status(jbw_forecast_text(&out, NULL, NULL), JBW_EINVAL);
    jbw_forecast_free(fc);
}

static size_t count_of(const char *s, const char *needle)
{
    size_t n = 0;
    while ((s = strstr(s, needle)) != NULL) {
        n++;
        s += strlen(needle);
    }
    return n;
}

static void svg_is_self_contained_escaped_and_has_the_band(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    char *out = NULL;
    size_t len = 0;
    (void)s;
    jbw_test_busy_region(&p, 36);
    p.start = D(2025, 9, 1);
    fc = run(&p, NULL, 50, 8);
    assert_ok(jbw_forecast_svg(&out, &len, fc, "JB <west> & \"ZHZ\""));
    assert_int_equal(len, strlen(out));
    assert_true(strncmp(out, "<?xml version=\"1.0\"", 19) == 0);
    assert_non_null(strstr(out, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(out, "</svg>\n"));
    assert_non_null(strstr(out, "JB &lt;west&gt; &amp; &quot;ZHZ&quot;"));
    assert_null(strstr(out, "<west>"));
    assert_null(strstr(out, "href")); /* nothing external */
    /* the charts' English forecast chart: the p5-p95 band of a stochastic
     * run in the legend, nieuw and bestaand stacked, capacity and load
     * below, months by name from the start date 2025-09-01 */
    assert_non_null(strstr(out, ">90% band of the total</text>"));
    assert_non_null(strstr(out, ">nieuw</text>"));
    assert_non_null(strstr(out, ">bestaand</text>"));
    assert_non_null(strstr(out, ">capacity</text>"));
    assert_non_null(strstr(out, ">load</text>"));
    assert_non_null(strstr(out, ">Sep 2025</text>"));
    assert_non_null(strstr(out, "mean of 50 replicates"));
    /* every element opened is closed: as many '<' as '>' in markup */
    assert_int_equal(count_of(out, "<"), count_of(out, ">"));
    jbw_free(out);
    jbw_forecast_free(fc);

    base(&p, 6);
    p.waiting_nieuw[OTS] = 10;
    fc = run(&p, NULL, 0, 0);
    assert_ok(jbw_forecast_svg(&out, NULL, fc, NULL));
    assert_null(strstr(out, "band of the total")); /* no band */
    assert_non_null(strstr(out, "(deterministic run)"));
    /* the chart's own title; no start date: months by number */
    assert_non_null(strstr(out, ">Forecast: measures without a fixed "
                                "jeugdbeschermer</text>"));
    assert_non_null(strstr(out, ">month 6</text>"));
    jbw_free(out);
    assert_status(jbw_forecast_svg(NULL, NULL, fc, NULL), JBW_EINVAL);
    assert_status(jbw_forecast_svg(&out, NULL, NULL, NULL), JBW_EINVAL);
    jbw_forecast_free(fc);
}

/* ---------------------------------------------------------------------- */
/* Relief staffing                                                        */
/* ---------------------------------------------------------------------- */

/* A backlog: 80 FTE (capacity 960) carry 1000, 200 wait; inflow keeps
 * the stock (40 a month at duration 24 would hold 960). */
static void backlog_params(jbw_forecast_params *p)
{
    base(p, 24);
    p->assigned[OTS] = 1000;
    p->waiting_nieuw[OTS] = 200;
    p->duration[OTS] = 24;
    p->inflow[OTS] = 50;
    p->staff_fte[SENIOR] = 80;
    p->turnover = 0.15;
}

static double waiting_at(const jbw_forecast_params *base_p, double hires,
                         int32_t months)
{
    jbw_forecast_params p = *base_p;
    jbw_forecast *fc;
    double w;
    p.months = months;
    p.hire_months = months;
    p.hires_fte = hires;
    fc = run(&p, NULL, 0, 0);
    w = det(fc, months).waiting;
    jbw_forecast_free(fc);
    return w;
}

static void relief_is_the_smallest_hiring_and_falls_as_target_rises(void **s)
{
    jbw_forecast_params p;
    double targets[5] = {0, 25, 50, 100, 150}, h[5], hires = -1;
    int i;
    (void)s;
    backlog_params(&p);
    for (i = 0; i < 5; i++) {
        assert_ok(jbw_forecast_relief(&h[i], &p, NULL, targets[i], 12));
        /* it meets the target, and one step less does not */
        assert_true(waiting_at(&p, h[i], 12) <= targets[i] + 1e-9);
        if (h[i] > 0)
            assert_true(waiting_at(&p, h[i] - JBW_RELIEF_STEP, 12) >
                        targets[i]);
        /* a multiple of the step */
        assert_near(h[i] / JBW_RELIEF_STEP, floor(h[i] / JBW_RELIEF_STEP + 0.5),
                    1e-6);
        if (i > 0)
            assert_true(h[i] <= h[i - 1]);
    }
    assert_true(h[0] > h[4]);
    /* a target already met needs no hiring */
    assert_ok(jbw_forecast_relief(&hires, &p, NULL, 10000, 12));
    assert_near(hires, 0, 0);
}

static void relief_rejects_bad_input_and_unreachable_targets(void **s)
{
    jbw_forecast_params p;
    jbw_norm *norm;
    double hires = -7;
    static const int32_t from[2] = {0, 1};
    static const double frac[2] = {0.0, 1.0};
    (void)s;
    backlog_params(&p);
    /* hires carry nothing in their first month: within 1 month no hiring
     * can lower the list, so 0 waiting is out of reach */
    norm = norm_with_ramp(from, frac, 2);
    assert_status(jbw_forecast_relief(&hires, &p, norm, 0, 1), JBW_ERANGE);
    assert_error_contains("does not bring the waiting list to 0 within 1");
    jbw_norm_free(norm);
    assert_status(jbw_forecast_relief(&hires, &p, NULL, NAN, 12), JBW_EINVAL);
    assert_status(jbw_forecast_relief(&hires, &p, NULL, -1, 12), JBW_EINVAL);
    assert_status(jbw_forecast_relief(&hires, &p, NULL, 10, 0), JBW_ERANGE);
    assert_status(jbw_forecast_relief(&hires, &p, NULL, 10, 601), JBW_ERANGE);
    assert_status(jbw_forecast_relief(NULL, &p, NULL, 10, 12), JBW_EINVAL);
    assert_status(jbw_forecast_relief(&hires, NULL, NULL, 10, 12), JBW_EINVAL);
    p.inflow[OTS] = -3;
    assert_status(jbw_forecast_relief(&hires, &p, NULL, 10, 12), JBW_EINVAL);
    assert_error_contains("inflow[OTS]");
    assert_near(hires, -7, 0); /* untouched */
}

/* ---------------------------------------------------------------------- */
/* Queue staffing: Erlang C                                               */
/* ---------------------------------------------------------------------- */

static void erlang_c_matches_hand_and_textbook_values(void **s)
{
    double c = -1;
    (void)s;
    /* one server: C = A (the M/M/1 probability of waiting is ρ) */
    assert_ok(jbw_erlang_c(&c, 1, 0.5));
    assert_near(c, 0.5, 1e-15);
    /* c = 2, A = 1: B(1) = 1/2, B(2) = (1/2) / (2 + 1/2) = 1/5,
     * C = 2 (1/5) / (2 - 1 x 4/5) = (2/5) / (6/5) = 1/3 */
    assert_ok(jbw_erlang_c(&c, 2, 1.0));
    assert_near(c, 1.0 / 3, 1e-15);
    /* c = 3, A = 2: B(1) = 2/3, B(2) = (4/3) / (10/3) = 2/5, B(3) =
     * (4/5) / (19/5) = 4/19, C = (12/19) / (3 - 2 x 15/19) = 12/27 = 4/9 */
    assert_ok(jbw_erlang_c(&c, 3, 2.0));
    assert_near(c, 4.0 / 9, 1e-15);
    /* Hillier and Lieberman, Introduction to Operations Research, the
     * County Hospital emergency room (M/M/s, λ = 2 an hour, μ = 3 an
     * hour, s = 2): P{Wq > 0} = 0.1667. By hand: A = 2/3, B(1) = 2/5,
     * B(2) = (4/15) / (2 + 4/15) = 2/17, C = (4/17) / (2 - (2/3)(15/17))
     * = (4/17) / (24/17) = 1/6. */
    assert_ok(jbw_erlang_c(&c, 2, 2.0 / 3));
    assert_near(c, 1.0 / 6, 1e-15);
    /* no load: nobody waits; a load at or above the servers: all do */
    assert_ok(jbw_erlang_c(&c, 4, 0));
    assert_near(c, 0, 0);
    assert_ok(jbw_erlang_c(&c, 4, 4));
    assert_near(c, 1, 0);
    assert_ok(jbw_erlang_c(&c, 4, 9.5));
    assert_near(c, 1, 0);
}

static void erlang_c_at_thousands_of_servers_stays_finite(void **s)
{
    double c5000 = -1, c5001 = -1, c5100 = -1, tiny = -1, edge = -1;
    (void)s;
    /* 5,000 servers (the jeugdbeschermers of NL), A = 4,900: a factorial
     * would overflow (5000! ~ 10^16326). Halfin and Whitt (1981): with
     * β = (c - A) / sqrt(A) = 100 / 70 = 1.4286, P(wait) ≈ 1 / (1 + β
     * Φ(β) / φ(β)) = 1 / (1 + 1.4286 x 0.92344 / 0.14380) = 0.0983,
     * accurate to a few percent at this size. */
    assert_ok(jbw_erlang_c(&c5000, 5000, 4900));
    assert_true(isfinite(c5000));
    assert_near(c5000, 0.0983, 0.004);
    /* more servers, less waiting */
    assert_ok(jbw_erlang_c(&c5001, 5001, 4900));
    assert_ok(jbw_erlang_c(&c5100, 5100, 4900));
    assert_true(c5001 < c5000 && c5100 < c5001 && c5100 > 0);
    /* a light load underflows to 0, never NaN */
    assert_ok(jbw_erlang_c(&tiny, 5000, 100));
    assert_true(tiny >= 0 && tiny < 1e-300);
    /* just below saturation, close to 1 */
    assert_ok(jbw_erlang_c(&edge, 5000, 4999.9));
    assert_true(edge > 0.9 && edge < 1);
    assert_ok(jbw_erlang_c(&edge, 100000000, 99990000));
    assert_true(isfinite(edge) && edge > 0 && edge < 1);
}

static void erlang_c_rejects_bad_input(void **s)
{
    double c = -2;
    (void)s;
    assert_status(jbw_erlang_c(NULL, 2, 1), JBW_EINVAL);
    assert_status(jbw_erlang_c(&c, 0, 1), JBW_EINVAL);
    assert_error_contains("0 servers");
    assert_status(jbw_erlang_c(&c, 2, -1), JBW_EINVAL);
    assert_status(jbw_erlang_c(&c, 2, NAN), JBW_EINVAL);
    assert_status(jbw_erlang_c(&c, 2, INFINITY), JBW_EINVAL);
    assert_status(jbw_erlang_c(&c, 100000001, 5), JBW_ERANGE);
    assert_near(c, -2, 0);
}

static jbw_queue_result queue_result(void)
{
    jbw_queue_result r;
    memset(&r, 0, sizeof r);
    r.version = JBW_QUEUE_RESULT_VERSION;
    return r;
}

static void queue_staffing_by_hand_and_as_inverse_of_share(void **s)
{
    jbw_queue_params q = JBW_QUEUE_PARAMS_INIT;
    jbw_queue_result r = queue_result(), back = queue_result();
    jbw_queue_result fewer = queue_result();
    (void)s;
    /* A = 1 (1 a werkdag, 1 werkdag each), within 0 werkdagen: the share
     * served at once is 1 - C. c = 2: 1 - 1/3 = 0.667 >= 60%. */
    q.arrivals_per_workday = 1;
    q.mean_duration_workdays = 1;
    q.within_workdays = 0;
    assert_ok(jbw_queue_staffing(&r, &q, 60));
    assert_int_equal(r.slots, 2);
    assert_near(r.share_within, 2.0 / 3, 1e-12);
    assert_near(r.offered_load, 1, 0);
    /* 70%: c = 3, B(3) = (1/5) / (3 + 1/5) = 1/16, C = (3/16) / (3 -
     * 15/16) = 1/11, share 10/11 */
    assert_ok(jbw_queue_staffing(&r, &q, 70));
    assert_int_equal(r.slots, 3);
    assert_near(r.p_wait, 1.0 / 11, 1e-12);
    assert_near(r.share_within, 10.0 / 11, 1e-12);
    assert_near(r.fte, 3.0 / 12, 1e-15);
    /* the County Hospital (λ 2, 1/3 hour each): the mean wait C x S /
     * (c - A) = (1/6)(1/3) / (4/3) = 1/24 hour (the textbook's Wq =
     * 0.0417) */
    q.arrivals_per_workday = 2;
    q.mean_duration_workdays = 1.0 / 3;
    assert_ok(jbw_queue_share(&r, &q, 2.0 / 12));
    assert_int_equal(r.slots, 2);
    assert_near(r.mean_wait_workdays, 1.0 / 24, 1e-12);

    /* a region: 2 new measures a werkdag holding a slot 300 werkdagen
     * (A = 600); 90% within 5 werkdagen */
    q.arrivals_per_workday = 2;
    q.mean_duration_workdays = 300;
    q.within_workdays = 5;
    q.slots_per_fte = 12;
    assert_ok(jbw_queue_staffing(&r, &q, 90));
    assert_true(r.slots > 600 && r.share_within >= 0.9);
    assert_near(r.fte, (double)r.slots / 12, 1e-12);
    /* the share at that FTE is the same; one slot less falls short */
    assert_ok(jbw_queue_share(&back, &q, r.fte));
    assert_int_equal(back.slots, r.slots);
    assert_near(back.share_within, r.share_within, 0);
    assert_ok(jbw_queue_share(&fewer, &q, (double)(r.slots - 1) / 12));
    assert_int_equal(fewer.slots, r.slots - 1);
    assert_true(fewer.share_within < 0.9);
    /* share_within = 1 - C exp(-(c - A) N / S) */
    assert_near(r.share_within,
                1 - r.p_wait * exp(-((double)r.slots - 600) * 5 / 300), 1e-12);
    /* no FTE: nobody is served */
    assert_ok(jbw_queue_share(&back, &q, 0));
    assert_int_equal(back.slots, 0);
    assert_near(back.share_within, 0, 0);
    assert_near(back.p_wait, 1, 0);
    assert_true(isinf(back.mean_wait_workdays));
}

static void queue_rejects_bad_input(void **s)
{
    jbw_queue_params q = JBW_QUEUE_PARAMS_INIT, qi;
    jbw_queue_result r = queue_result();
    (void)s;
    assert_status(jbw_queue_staffing(&r, &q, 100), JBW_EINVAL);
    assert_error_contains("percent 100");
    assert_status(jbw_queue_staffing(&r, &q, 0), JBW_EINVAL);
    assert_status(jbw_queue_staffing(&r, &q, NAN), JBW_EINVAL);
    assert_status(jbw_queue_share(&r, &q, -1), JBW_EINVAL);
    assert_status(jbw_queue_share(&r, &q, NAN), JBW_EINVAL);
    assert_status(jbw_queue_share(&r, &q, 1e12), JBW_ERANGE);
    q.arrivals_per_workday = 0;
    assert_status(jbw_queue_staffing(&r, &q, 90), JBW_EINVAL);
    assert_error_contains("arrivals_per_workday is 0");
    q.arrivals_per_workday = 1;
    q.within_workdays = -1;
    assert_status(jbw_queue_staffing(&r, &q, 90), JBW_EINVAL);
    assert_error_contains("within_workdays");
    q.within_workdays = 5;
    q.slots_per_fte = INFINITY;
    assert_status(jbw_queue_share(&r, &q, 1), JBW_EINVAL);
    q.slots_per_fte = 12;
    q.mean_duration_workdays = 1e9; /* A = 1e9 > 1e8 slots */
    assert_status(jbw_queue_staffing(&r, &q, 90), JBW_ERANGE);
    q.mean_duration_workdays = 10;
    q.version = 3;
    assert_status(jbw_queue_staffing(&r, &q, 90), JBW_EVERSION);
    assert_error_contains("queue: params version 3 is not supported "
                          "(expected 1)");
    q.version = JBW_QUEUE_PARAMS_VERSION;
    r.version = 0;
    assert_status(jbw_queue_staffing(&r, &q, 90), JBW_EVERSION);
    assert_error_contains("queue: result version 0 is not supported "
                          "(expected 1)");
    assert_status(jbw_queue_staffing(NULL, &q, 90), JBW_EINVAL);
    assert_status(jbw_queue_share(&r, NULL, 1), JBW_EINVAL);
    assert_ok(jbw_queue_params_init(&qi, JBW_QUEUE_PARAMS_VERSION));
    assert_near(qi.within_workdays, 5, 0);
    assert_near(qi.slots_per_fte, 12, 0);
    assert_status(jbw_queue_params_init(&qi, 2), JBW_EVERSION);
    assert_status(jbw_queue_params_init(NULL, 1), JBW_EINVAL);
}

static void queue_params_follow_the_forecast_params(void **s)
{
    jbw_forecast_params p;
    jbw_queue_params q = JBW_QUEUE_PARAMS_INIT;
    jbw_norm *norm = NULL;
    (void)s;
    base(&p, 12);
    p.inflow[OTS] = 20;
    p.inflow[VOOGDIJ] = 5;
    p.duration[OTS] = 24;
    p.duration[VOOGDIJ] = 72;
    q.within_workdays = 7;
    assert_ok(jbw_queue_params_from_forecast(&q, &p, NULL, 21));
    /* 25 a month / 21 werkdagen = 1.190476 a werkdag; mean duration
     * (20 x 24 + 5 x 72) / 25 = 33.6 months x 21 = 705.6 werkdagen;
     * slots per FTE 12 / (1 x 1) */
    assert_near(q.arrivals_per_workday, 25.0 / 21, 1e-12);
    assert_near(q.mean_duration_workdays, 705.6, 1e-9);
    assert_near(q.slots_per_fte, 12, 1e-12);
    assert_near(q.within_workdays, 7, 0);
    /* voogdij weighs 2, 1.2 measures per child: mean weight (20 + 10) /
     * 25 = 1.2, slots per FTE 12 / (0.8333 x 1.2) = 12 */
    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_norm_set_weight(norm, VOOGDIJ, 2.0));
    p.units_per_measure = 1 / 1.2;
    assert_ok(jbw_queue_params_from_forecast(&q, &p, norm, 21));
    assert_near(q.slots_per_fte, 12, 1e-12);
    jbw_norm_free(norm);
    p.inflow[OTS] = p.inflow[VOOGDIJ] = 0;
    assert_status(jbw_queue_params_from_forecast(&q, &p, NULL, 21), JBW_EINVAL);
    assert_error_contains("no inflow");
    p.inflow[OTS] = 1;
    assert_status(jbw_queue_params_from_forecast(&q, &p, NULL, 0), JBW_EINVAL);
    assert_status(jbw_queue_params_from_forecast(&q, &p, NULL, NAN),
                  JBW_EINVAL);
    assert_status(jbw_queue_params_from_forecast(NULL, &p, NULL, 21),
                  JBW_EINVAL);
    assert_status(jbw_queue_params_from_forecast(&q, NULL, NULL, 21),
                  JBW_EINVAL);
}

/* ---------------------------------------------------------------------- */
/* Scenario files                                                         */
/* ---------------------------------------------------------------------- */

/* The situation of the Rijswijk council letter as a scenario (illustrative
 * figures): 75 FTE hired over 6 months, onboarding by the norm's ramp, 20%
 * turnover. */
static const char scenario_text[] =
    "# JB west after hiring 75 FTE (illustrative)\n"
    "months = 18\n"
    "start = 1-9-2024\n"
    "turnover = 20%\n"
    "hires_fte = 12.5   # 75 FTE over six months\n"
    "hire_months = 6\n"
    "inflow.OTS = 40\n"
    "inflow.vots = 6\n"
    "duration.OTS = 20\n"
    "waiting_nieuw.OTS = 60\n"
    "waiting_bestaand.OTS = 99\n"
    "assigned.OTS = 1500\n"
    "staff.36 = 110\n"
    "staff.0 = 4.5\n"
    "bestaand_first = 0\n"
    "emergency_first = 0\n"
    "fte_per_worker = 0.85\n"
    "units_per_measure = 0.9\n"
    "shock.vots_surge = VOTS 3 8 1.5\n"
    "shock.rvdk = ALL 10 12 0.8\n"
    "tariff.OTS = 30000\n"
    "staff_cost = 85000\n"
    "fixed_costs = 12000000\n";

static void scenario_file_sets_what_it_names_over_a_base(void **s)
{
    jbw_scenario *sc = NULL;
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    assert_ok(jbw_scenario_parse(&sc, scenario_text, strlen(scenario_text),
                                 "jbwest.scenario"));
    assert_int_equal(jbw_scenario_shock_count(sc), 2);
    base(&p, 12);
    p.inflow[VOOGDIJ] = 3; /* the base keeps what the scenario leaves */
    assert_ok(jbw_scenario_apply(&p, sc));
    assert_int_equal(p.months, 18);
    assert_int_equal(p.start, D(2024, 9, 1));
    assert_near(p.turnover, 0.2, 1e-15);
    assert_near(p.hires_fte, 12.5, 0);
    assert_int_equal(p.hire_months, 6);
    assert_near(p.inflow[OTS], 40, 0);
    assert_near(p.inflow[VOTS], 6, 0);
    assert_near(p.inflow[VOOGDIJ], 3, 0);
    assert_near(p.duration[OTS], 20, 0);
    assert_near(p.duration[VOTS], 3.1, 0); /* default kept */
    assert_near(p.waiting_nieuw[OTS], 60, 0);
    assert_near(p.waiting_bestaand[OTS], 99, 0);
    assert_near(p.assigned[OTS], 1500, 0);
    assert_near(p.staff_fte[SENIOR], 110, 0);
    assert_near(p.staff_fte[0], 4.5, 0);
    assert_int_equal(p.bestaand_first, 0);
    assert_int_equal(p.emergency_first, 0);
    assert_near(p.fte_per_worker, 0.85, 0);
    assert_near(p.units_per_measure, 0.9, 0);
    assert_int_equal(p.shock_count, 2);
    assert_int_equal(p.shocks[0].kind, VOTS);
    assert_int_equal(p.shocks[0].month_from, 3);
    assert_int_equal(p.shocks[0].month_to, 8);
    assert_near(p.shocks[0].multiplier, 1.5, 0);
    assert_int_equal(p.shocks[1].kind, JBW_SHOCK_ALL_KINDS);
    /* a tariff switches finance on */
    assert_int_equal(p.finance, 1);
    assert_near(p.tariff[OTS], 30000, 0);
    assert_near(p.staff_cost, 85000, 0);
    assert_near(p.fixed_costs, 12000000, 0);
    fc = run(&p, NULL, 0, 0);
    /* month 1: 12.5 FTE hired; 159 waited at the start (99 + 60) */
    assert_near(det(fc, 1).hires_fte, 12.5, 0);
    assert_near(det(fc, 7).hires_fte, 0, 0);
    assert_near(det(fc, 0).waiting, 159, 0);
    jbw_forecast_free(fc);
    jbw_scenario_free(sc);

    /* an empty scenario changes nothing; finance = 0 keeps it off */
    assert_ok(jbw_scenario_parse(&sc, "# nothing\n\n", 11, NULL));
    base(&p, 12);
    {
        jbw_forecast_params before = p;
        assert_ok(jbw_scenario_apply(&p, sc));
        assert_memory_equal(&p, &before, sizeof p);
    }
    jbw_scenario_free(sc);
    assert_ok(
        jbw_scenario_parse(&sc, "tariff.OTS = 1\nfinance = 0\n", 27, NULL));
    assert_ok(jbw_scenario_apply(&p, sc));
    assert_int_equal(p.finance, 0);
    assert_status(jbw_scenario_apply(NULL, sc), JBW_EINVAL);
    assert_status(jbw_scenario_apply(&p, NULL), JBW_EINVAL);
    p.version = 4;
    assert_status(jbw_scenario_apply(&p, sc), JBW_EVERSION);
    jbw_scenario_free(sc);
    jbw_scenario_free(NULL);
    assert_int_equal(jbw_scenario_shock_count(NULL), 0);
}

/* Each start-state key alone makes a scenario set the start state; the
 * rates, the staff policy, shocks and the hiring plan do not. */
static void a_scenario_says_whether_it_sets_the_start_state(void **s)
{
    static const char *const state[] = {
        "assigned.OTS = 1\n", "waiting_nieuw.vots = 2\n",
        "waiting_bestaand.JR_VGBM = 0\n", "staff.0 = 1\n", "staff.36 = 0\n"};
    static const char *const other[] = {
        "", "months = 12\nstart = 2024-09-01\nturnover = 20%\n",
        "inflow.OTS = 40\nduration.OTS = 20\nhires_fte = 12.5\n",
        "shock.s = VOTS 3 8 1.5\nhire.1 = 75 3 0.5\ntariff.OTS = 1\n"};
    jbw_scenario *sc = NULL;
    size_t i;
    (void)s;
    for (i = 0; i < sizeof state / sizeof state[0]; i++) {
        assert_ok(jbw_scenario_parse(&sc, state[i], strlen(state[i]), NULL));
        assert_int_equal(jbw_scenario_sets_start_state(sc), 1);
        jbw_scenario_free(sc);
    }
    for (i = 0; i < sizeof other / sizeof other[0]; i++) {
        assert_ok(jbw_scenario_parse(&sc, other[i], strlen(other[i]), NULL));
        assert_int_equal(jbw_scenario_sets_start_state(sc), 0);
        jbw_scenario_free(sc);
    }
    assert_int_equal(jbw_scenario_sets_start_state(NULL), 0);
}

static void scenario_fails(const char *text, int status, const char *needle1,
                           const char *needle2)
{
    jbw_scenario *sc = (jbw_scenario *)(void *)&sc;
    jbw_scenario *const sentinel = sc;
    assert_status(jbw_scenario_parse(&sc, text, strlen(text), "s.txt"), status);
    assert_error_contains(needle1);
    if (needle2)
        assert_error_contains(needle2);
    assert_ptr_equal(sc, sentinel);
}

static void scenario_errors_name_line_key_and_value(void **s)
{
    jbw_scenario *sc = NULL;
    (void)s;
    scenario_fails("months = 12\n\n# comment\nhirez = 3\n", JBW_EPARSE,
                   "s.txt line 4", "unknown key 'hirez'");
    scenario_fails("turnover = 20\n", JBW_EPARSE, "line 1",
                   "above 1: write a fraction (0.2) or a percentage (20%)");
    scenario_fails("turnover = 120%\n", JBW_EPARSE,
                   "turnover: must be in [0, 100] %: '120%'", NULL);
    scenario_fails("turnover = nan\n", JBW_EPARSE, "'nan'", "not a number");
    assert_reason_before_value("s.txt line 1: turnover: not a number", "nan");
    scenario_fails("months = 0\n", JBW_EPARSE,
                   "months: must be in [1, 600]: '0'", NULL);
    scenario_fails("months = 601\n", JBW_EPARSE, "line 1", "[1, 600]");
    scenario_fails("months = 1.5\n", JBW_EPARSE, "not a whole number", NULL);
    scenario_fails("inflow.OTS = -4\n", JBW_EPARSE,
                   "inflow.OTS: must be in [0, ", "'-4'");
    scenario_fails("inflow.XYZ = 4\n", JBW_EPARSE,
                   "inflow.XYZ: not a measure kind: 'XYZ'", NULL);
    assert_reason_before_value("inflow.XYZ: not a measure kind", "XYZ");
    scenario_fails("duration.OTS = 0.5\n", JBW_EPARSE, "duration.OTS", "[1, ");
    scenario_fails("inflow.OTS = 1\ninflow.ots = 2\n", JBW_EPARSE,
                   "line 2: 'inflow.ots' is given twice (first on line 1)",
                   NULL);
    scenario_fails("start = 31-02-2025\n", JBW_EPARSE, "not a date", NULL);
    scenario_fails("staff.37 = 1\n", JBW_EPARSE, "0..36", NULL);
    scenario_fails("staff.x = 1\n", JBW_EPARSE, "staff.x", NULL);
    scenario_fails("bestaand_first = 2\n", JBW_EPARSE, "[0, 1]", NULL);
    scenario_fails("shock.a = VOTS 3 8\n", JBW_EPARSE, "shock.a",
                   "'KIND from to multiplier'");
    scenario_fails("shock.a = VOTS 8 3 1.5\n", JBW_EPARSE, "1 <= from <= to",
                   NULL);
    scenario_fails("shock.a = XX 3 8 1.5\n", JBW_EPARSE,
                   "not a measure kind or ALL: 'XX'", NULL);
    scenario_fails("shock.a = VOTS 3 8 -1\n", JBW_EPARSE, "multiplier", NULL);
    scenario_fails("shock.a = VOTS 3 8 1.5\nshock.a = OTS 1 2 2\n", JBW_EPARSE,
                   "line 2: shock 'a' is given twice", NULL);
    scenario_fails("shock. = VOTS 3 8 1.5\n", JBW_EPARSE, "needs a name", NULL);
    scenario_fails("months 12\n", JBW_EPARSE, "line 1", "key = value");
    assert_status(jbw_scenario_parse(NULL, "", 0, NULL), JBW_EINVAL);
    assert_status(jbw_scenario_parse(&sc, NULL, 4, NULL), JBW_EINVAL);
    assert_status(jbw_scenario_load(&sc, "/nonexistent/dir/s.scenario"),
                  JBW_EIO);
    assert_status(jbw_scenario_load(NULL, "x"), JBW_EINVAL);
}

static void scenario_load_reads_a_file(void **s)
{
    char path[] = "/tmp/jbw-test-scenario-XXXXXX";
    jbw_scenario *sc = NULL;
    jbw_forecast_params p;
    int fd = mkstemp(path);
    FILE *f;
    (void)s;
    assert_true(fd >= 0);
    f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("months = 7\r\nshock.x = OTS 1 2 3\r\n", f);
    fclose(f);
    assert_ok(jbw_scenario_load(&sc, path));
    remove(path);
    base(&p, 12);
    assert_ok(jbw_scenario_apply(&p, sc));
    assert_int_equal(p.months, 7);
    assert_int_equal(p.shock_count, 1);
    jbw_scenario_free(sc);
}

static void shocks_csv_adds_shocks_all_or_nothing(void **s)
{
    jbw_scenario *sc = NULL;
    static const char one[] = "month,kind,multiplier\n3,VOTS,1.5\n4,ALL,0.75\n";
    static const char range[] =
        "\xEF\xBB\xBFkind;multiplier;month_to;month_from\r\n"
        "OTS;0,75;6;1\r\n";
    jbw_forecast_params p;
    (void)s;
    assert_ok(jbw_scenario_parse(&sc, "", 0, NULL));
    assert_ok(jbw_scenario_add_shocks_csv(sc, one, strlen(one), "shocks.csv"));
    assert_ok(jbw_scenario_add_shocks_csv(sc, range, strlen(range), NULL));
    assert_int_equal(jbw_scenario_shock_count(sc), 3);
    base(&p, 12);
    assert_ok(jbw_scenario_apply(&p, sc));
    assert_int_equal(p.shocks[0].kind, VOTS);
    assert_int_equal(p.shocks[0].month_from, 3);
    assert_int_equal(p.shocks[0].month_to, 3);
    assert_near(p.shocks[0].multiplier, 1.5, 0);
    assert_int_equal(p.shocks[1].kind, JBW_SHOCK_ALL_KINDS);
    assert_int_equal(p.shocks[2].kind, OTS);
    assert_int_equal(p.shocks[2].month_from, 1);
    assert_int_equal(p.shocks[2].month_to, 6);
    assert_near(p.shocks[2].multiplier, 0.75, 0); /* decimal comma */

    /* errors name the line and column; nothing is added */
#define BAD_CSV(text, needle)                                                  \
    do {                                                                       \
        assert_status(                                                         \
            jbw_scenario_add_shocks_csv(sc, text, strlen(text), "shocks.csv"), \
            JBW_EPARSE);                                                       \
        assert_error_contains(needle);                                         \
        assert_int_equal(jbw_scenario_shock_count(sc), 3);                     \
    } while (0)
    /* where, why, then the value refused */
    BAD_CSV("month,kind,multiplier\n3,VOTS,1.5\n4,XX,2\n",
            "shocks.csv line 3, column 'kind'");
    assert_reason_before_value("column 'kind': not a measure kind or ALL",
                               "XX");
    BAD_CSV("month,kind,multiplier\n0,VOTS,1.5\n", "not a month 1..600");
    assert_reason_before_value("column 'month': not a month 1..600", "0");
    BAD_CSV("month,kind,multiplier\n2,VOTS,-1\n", "column 'multiplier'");
    assert_reason_before_value("column 'multiplier': not a number in [0, "
                               "1000]",
                               "-1");
    BAD_CSV("month,kind\n2,VOTS\n", "multiplier");
    BAD_CSV("month,month_from,month_to,kind,multiplier\n1,1,2,OTS,1\n",
            "either month or month_from and month_to");
    BAD_CSV("month_from,kind,multiplier\n1,OTS,1\n", "either month");
    BAD_CSV("month_from,month_to,kind,multiplier\n5,2,OTS,1\n",
            "before month_from");
    BAD_CSV("month,kind,multiplier,colour\n1,OTS,1,red\n", "colour");
    BAD_CSV("month,kind,multiplier\n1,OTS\n", "line 2");
    BAD_CSV("", "shocks.csv");
#undef BAD_CSV
    assert_status(jbw_scenario_add_shocks_csv(NULL, one, 1, NULL), JBW_EINVAL);
    assert_status(jbw_scenario_add_shocks_csv(sc, NULL, 5, NULL), JBW_EINVAL);
    jbw_scenario_free(sc);
}

/* ---------------------------------------------------------------------- */
/* Start state from a snapshot                                            */
/* ---------------------------------------------------------------------- */

/* A measure of the child's own family. */
static void add_measure(jbw_snapshot *snap, const char *id, const char *child,
                        jbw_kind kind, const char *org, const char *region,
                        jbw_date start, jbw_date end, const char *worker,
                        jbw_date first_assigned, int previous,
                        jbw_date waiting_since)
{
    jbw_test_add_measure(snap, id, child, NULL, kind, org, region, start, end,
                         worker, first_assigned, previous, waiting_since);
}

/*
 * On 2025-09-01 (synthetic records, Zuid-West registry):
 *  W1 JBWEST ZHZ 1.0 hired 2024-01-15: 19 whole months (08-15 is 19)
 *  W2 JBWEST --  0.8 hired 2022-01-01: 44 months -> the 36+ slot
 *  W3 LDH    HGL 0.5 hired 2025-08-01: 1 month
 *  W4 JBWEST ZHZ 1.0 hired 2020-01-01, left 2025-06-01: not employed
 *  M1 c1 OTS  JBWEST ZHZ  assigned to W1
 *  M2 c1 OTS  JBWEST ZHZ  started 2025-08-20, never a worker: nieuw
 *  M3 c2 VOTS JBWEST ZHZ  had a worker, waiting since 2025-08-01: bestaand
 *  M4 c3 VOOGDIJ JBWEST ZHZ ended 2025-03-01: inactive
 *  M5 c4 OTS  LDH HGL     never a worker: nieuw
 */
static jbw_snapshot *small_snapshot(void)
{
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    assert_ok(jbw_registry_zuid_west(&reg));
    assert_ok(jbw_snapshot_new(&snap, reg, D(2025, 9, 1)));
    jbw_registry_free(reg);
    jbw_test_add_worker(snap, "W1", "JBWEST", "ZHZ", 1.0, D(2024, 1, 15), NONE);
    jbw_test_add_worker(snap, "W2", "JBWEST", NULL, 0.8, D(2022, 1, 1), NONE);
    jbw_test_add_worker(snap, "W3", "LDH", "HGL", 0.5, D(2025, 8, 1), NONE);
    jbw_test_add_worker(snap, "W4", "JBWEST", "ZHZ", 1.0, D(2020, 1, 1),
                        D(2025, 6, 1));
    add_measure(snap, "M1", "c1", OTS, "JBWEST", "ZHZ", D(2025, 1, 1), NONE,
                "W1", D(2025, 1, 3), 0, NONE);
    add_measure(snap, "M2", "c1", OTS, "JBWEST", "ZHZ", D(2025, 8, 20), NONE,
                NULL, NONE, 0, NONE);
    add_measure(snap, "M3", "c2", VOTS, "JBWEST", "ZHZ", D(2025, 6, 1), NONE,
                NULL, D(2025, 6, 2), 1, D(2025, 8, 1));
    add_measure(snap, "M4", "c3", VOOGDIJ, "JBWEST", "ZHZ", D(2024, 1, 1),
                D(2025, 3, 1), NULL, NONE, 0, NONE);
    add_measure(snap, "M5", "c4", OTS, "LDH", "HGL", D(2025, 7, 1), NONE, NULL,
                NONE, 0, NONE);
    return snap;
}

/* The small snapshot has 4 active measures of 3 children (c1 has two):
 * unit child gives 0.75 unit per measure, unit measure 1. The default
 * norm (FNV-GI 2023) counts measures, so NULL must give 1 as well. */
static void null_norm_counts_in_the_default_norms_unit(void **s)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_forecast_params p, q;
    jbw_norm *def = NULL;
    (void)s;
    assert_ok(jbw_norm_new_default(&def));
    assert_int_equal(jbw_norm_unit(def), JBW_UNIT_MEASURE);
    base(&p, 12);
    p.units_per_measure = 0.5; /* replaced */
    q = p;
    assert_ok(
        jbw_forecast_params_from_snapshot(&p, snap, NULL, NONE, NULL, NULL));
    assert_near(p.units_per_measure, 1.0, 0);
    assert_ok(
        jbw_forecast_params_from_snapshot(&q, snap, def, NONE, NULL, NULL));
    assert_memory_equal(&p, &q, sizeof p);
    /* JB west: 2 children over 3 measures in unit child; 1 here */
    assert_ok(jbw_forecast_params_from_snapshot(&p, snap, NULL, NONE, "JBWEST",
                                                NULL));
    assert_near(p.units_per_measure, 1.0, 0);
    jbw_norm_free(def);
    jbw_snapshot_free(snap);
}

static void start_state_from_a_snapshot_by_hand(void **s)
{
    jbw_snapshot *snap = small_snapshot();
    jbw_forecast_params p, before;
    jbw_norm *norm = NULL, *children = NULL;
    (void)s;
    assert_ok(jbw_norm_new_named(&children, "significant-children"));
    base(&p, 12);
    p.turnover = 0.1;   /* kept */
    p.assigned[JR] = 5; /* replaced */
    assert_ok(jbw_forecast_params_from_snapshot(&p, snap, children, NONE, NULL,
                                                NULL));
    assert_int_equal(p.start, D(2025, 9, 1));
    assert_near(p.assigned[OTS], 1, 0);
    assert_near(p.assigned[JR], 0, 0);
    assert_near(p.waiting_nieuw[OTS], 2, 0);     /* M2, M5 */
    assert_near(p.waiting_bestaand[VOTS], 1, 0); /* M3 */
    assert_near(p.assigned[VOOGDIJ], 0, 0);      /* M4 ended */
    assert_near(p.staff_fte[19], 1.0, 0);
    assert_near(p.staff_fte[SENIOR], 0.8, 0);
    assert_near(p.staff_fte[1], 0.5, 0);
    assert_near(p.staff_fte[0], 0, 0);
    /* unit child: 3 children (c1, c2, c4) over 4 active measures */
    assert_near(p.units_per_measure, 0.75, 1e-15);
    /* inflow that keeps the stock: OTS 3 / 27.5, VOTS 1 / 3.1 */
    assert_near(p.inflow[OTS], 3 / 27.5, 1e-12);
    assert_near(p.inflow[VOTS], 1.0 / 3.1, 1e-12);
    assert_near(p.turnover, 0.1, 0);

    /* JB west only: M1, M2, M3 (2 children / 3 measures); W1, W2 */
    assert_ok(jbw_forecast_params_from_snapshot(&p, snap, children, NONE,
                                                "JBWEST", NULL));
    assert_near(p.waiting_nieuw[OTS], 1, 0);
    assert_near(p.units_per_measure, 2.0 / 3, 1e-15);
    assert_near(p.staff_fte[1], 0, 0);
    assert_near(p.staff_fte[19], 1.0, 0);
    assert_near(p.staff_fte[SENIOR], 0.8, 0);
    /* region ZHZ: only W1 has that region */
    assert_ok(
        jbw_forecast_params_from_snapshot(&p, snap, NULL, NONE, NULL, "ZHZ"));
    assert_near(p.staff_fte[SENIOR], 0, 0);
    assert_near(p.staff_fte[19], 1.0, 0);
    /* unit measure: one unit per measure */
    assert_ok(jbw_norm_new_named(&norm, "significant-children"));
    assert_ok(jbw_norm_set_unit(norm, JBW_UNIT_MEASURE));
    assert_ok(
        jbw_forecast_params_from_snapshot(&p, snap, norm, NONE, NULL, NULL));
    assert_near(p.units_per_measure, 1.0, 0);
    jbw_norm_free(norm);
    jbw_norm_free(children);
    /* on an earlier date: W1 (hired 2024-01-15) on 2025-01-15 has 12 */
    assert_ok(jbw_forecast_params_from_snapshot(&p, snap, NULL, D(2025, 1, 15),
                                                NULL, NULL));
    assert_int_equal(p.start, D(2025, 1, 15));
    assert_near(p.staff_fte[12], 1.0, 0);
    assert_near(p.staff_fte[SENIOR], 0.8 + 1.0, 1e-12); /* W2 and W4 */

    before = p;
    assert_status(
        jbw_forecast_params_from_snapshot(&p, snap, NULL, NONE, "NOPE", NULL),
        JBW_ENOTFOUND);
    assert_error_contains("organisation 'NOPE'");
    assert_status(
        jbw_forecast_params_from_snapshot(&p, snap, NULL, NONE, NULL, "XX"),
        JBW_ENOTFOUND);
    assert_status(jbw_forecast_params_from_snapshot(
                      &p, snap, NULL, D(2025, 1, 1) + 200000, NULL, NULL),
                  JBW_ERANGE);
    assert_status(
        jbw_forecast_params_from_snapshot(&p, NULL, NULL, NONE, NULL, NULL),
        JBW_EINVAL);
    assert_status(
        jbw_forecast_params_from_snapshot(NULL, snap, NULL, NONE, NULL, NULL),
        JBW_EINVAL);
    p.version = 4;
    assert_status(
        jbw_forecast_params_from_snapshot(&p, snap, NULL, NONE, NULL, NULL),
        JBW_EVERSION);
    p.version = JBW_FORECAST_PARAMS_VERSION;
    assert_memory_equal(&p, &before, sizeof p);
    jbw_snapshot_free(snap);
}

/* A params record of version 0 or past the newest (3: version 1 and 2
 * are read too) is refused by every function that reads one, in the
 * words of jbw_snapshot_add_measure: the detail says which versions the
 * library knows. Options (versions 1 and 2) and a month (version 1 only)
 * say theirs the same way. */
static void a_version_not_known_is_refused_naming_the_known_ones(void **s)
{
    jbw_forecast_params p;
    jbw_forecast_options o;
    jbw_forecast_month m;
    jbw_forecast *fc;
    jbw_scenario *sc = NULL;
    jbw_snapshot *snap = small_snapshot();
    unsigned int bad[] = {0, 4};
    size_t i;
    char want[160];
    (void)s;
    assert_ok(jbw_scenario_parse(&sc, "turnover = 0.1\n", 15, NULL));
    for (i = 0; i < 2; i++) {
        assert_status(jbw_forecast_params_init(&p, bad[i]), JBW_EVERSION);
        snprintf(want, sizeof want,
                 "jbw_forecast_params_init: version %u is not supported "
                 "(expected 1 to 3)",
                 bad[i]);
        assert_string_equal(jbw_last_error(), want);

        base(&p, 12);
        p.version = bad[i];
        run_fails(&p, NULL, JBW_EVERSION, "");
        snprintf(want, sizeof want,
                 "forecast params: version %u is not supported "
                 "(expected 1 to 3)",
                 bad[i]);
        assert_string_equal(jbw_last_error(), want);
        assert_status(jbw_forecast_params_check(&p, 0), JBW_EVERSION);
        assert_string_equal(jbw_last_error(), want);

        assert_status(
            jbw_forecast_params_from_snapshot(&p, snap, NULL, NONE, NULL, NULL),
            JBW_EVERSION);
        snprintf(want, sizeof want,
                 "jbw_forecast_params_from_snapshot: params version %u is "
                 "not supported (expected 1 to 3)",
                 bad[i]);
        assert_string_equal(jbw_last_error(), want);

        assert_status(jbw_scenario_apply(&p, sc), JBW_EVERSION);
        snprintf(want, sizeof want,
                 "jbw_scenario_apply: params version %u is not supported "
                 "(expected 1 to 3)",
                 bad[i]);
        assert_string_equal(jbw_last_error(), want);
    }
    /* options: versions 1 and 2 */
    assert_status(jbw_forecast_options_init(&o, 3), JBW_EVERSION);
    assert_string_equal(jbw_last_error(),
                        "jbw_forecast_options_init: version 3 is not "
                        "supported (expected 1 to 2)");
    base(&p, 12);
    assert_ok(jbw_forecast_options_init(&o, JBW_FORECAST_OPTIONS_VERSION));
    o.version = 0;
    run_fails(&p, &o, JBW_EVERSION,
              "forecast options: version 0 is not supported (expected 1 to "
              "2)");
    /* a month: version 1 only */
    fc = run(&p, NULL, 0, 0);
    m.version = 2;
    assert_status(jbw_forecast_month_get(&m, fc, 1, JBW_STAT_MEAN),
                  JBW_EVERSION);
    assert_string_equal(jbw_last_error(),
                        "jbw_forecast_month_get: version 2 is not supported "
                        "(expected 1)");
    jbw_forecast_free(fc);
    jbw_scenario_free(sc);
    jbw_snapshot_free(snap);
}

/* ---------------------------------------------------------------------- */
/* Out of memory                                                          */
/* ---------------------------------------------------------------------- */

static int oom_runs(void *ctx)
{
    const jbw_forecast_params *p = ctx;
    jbw_forecast_options o = JBW_FORECAST_OPTIONS_INIT;
    jbw_forecast *fc = NULL;
    double h;
    int st = jbw_forecast_run(&fc, p, NULL, NULL);
    jbw_forecast_free(fc);
    fc = NULL;
    if (st != JBW_OK)
        return st;
    o.replicates = 3;
    st = jbw_forecast_run(&fc, p, NULL, &o);
    jbw_forecast_free(fc);
    if (st != JBW_OK)
        return st;
    return jbw_forecast_relief(&h, p, NULL, 1000, 6);
}

static int oom_outputs(void *ctx)
{
    const jbw_forecast *fc = ctx;
    char *out = NULL;
    int st = jbw_forecast_json(&out, NULL, fc);
    jbw_free(out);
    out = NULL;
    if (st == JBW_OK)
        st = jbw_forecast_csv(&out, NULL, fc);
    jbw_free(out);
    out = NULL;
    if (st == JBW_OK)
        st = jbw_forecast_text(&out, NULL, fc);
    jbw_free(out);
    out = NULL;
    if (st == JBW_OK)
        st = jbw_forecast_svg(&out, NULL, fc, "t");
    jbw_free(out);
    return st;
}

static int oom_scenario(void *ctx)
{
    jbw_scenario *sc = NULL;
    static const char csv[] = "month,kind,multiplier\n3,VOTS,1.5\n";
    int st =
        jbw_scenario_parse(&sc, scenario_text, strlen(scenario_text), NULL);
    (void)ctx;
    if (st == JBW_OK)
        st = jbw_scenario_add_shocks_csv(sc, csv, strlen(csv), NULL);
    jbw_scenario_free(sc);
    return st;
}

static int oom_queue(void *ctx)
{
    const jbw_forecast_params *p = ctx;
    jbw_queue_params q = JBW_QUEUE_PARAMS_INIT;
    return jbw_queue_params_from_forecast(&q, p, NULL, 21);
}

static int oom_from_snapshot(void *ctx)
{
    jbw_forecast_params p;
    jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION);
    return jbw_forecast_params_from_snapshot(&p, ctx, NULL, NONE, "JBWEST",
                                             "ZHZ");
}

static void out_of_memory_anywhere_is_enomem_without_leaks(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    jbw_snapshot *snap = small_snapshot();
    (void)s;
    jbw_test_oom_sweep(oom_from_snapshot, snap, 10000, jbw_test_fail_after);
    jbw_snapshot_free(snap);
    jbw_test_busy_region(&p, 36);
    p.months = 6;
    jbw_test_oom_sweep(oom_runs, &p, 10000, jbw_test_fail_after);
    fc = run(&p, NULL, 4, 1);
    jbw_test_oom_sweep(oom_outputs, fc, 10000, jbw_test_fail_after);
    jbw_forecast_free(fc);
    jbw_test_oom_sweep(oom_scenario, NULL, 10000, jbw_test_fail_after);
    jbw_test_oom_sweep(oom_queue, &p, 10000, jbw_test_fail_after);
}

/* ---------------------------------------------------------------------- */
/* Version 2: first-year turnover, VOTS continuing as OTS, bestaand share  */
/* ---------------------------------------------------------------------- */

/*
 * 10 FTE at tenure 0 and 10 FTE at 36 months or more; annual turnover 0,
 * first-year turnover 50%: the monthly rate 1 - 0.5^(1/12) = 1 -
 * exp(-0.693147 / 12) = 1 - 0.943874 = 0.0561257 takes 0.561257 FTE of
 * the new staff in month 1 and nothing of the seniors. Tenure 12 (the
 * second year) leaves at the annual rate: nothing.
 */
static void first_year_turnover_applies_to_the_first_12_months(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    (void)s;
    base(&p, 1);
    p.staff_fte[0] = 10;
    p.staff_fte[36] = 10;
    p.turnover_first_year = 0.5;
    fc = run(&p, NULL, 0, 1);
    assert_near(det(fc, 1).leavers_fte, 0.561257, 1e-6);
    jbw_forecast_free(fc);
    base(&p, 1);
    p.staff_fte[11] = 10;
    p.turnover_first_year = 0.5;
    fc = run(&p, NULL, 0, 1);
    assert_near(det(fc, 1).leavers_fte, 0.561257, 1e-6);
    jbw_forecast_free(fc);
    base(&p, 1);
    p.staff_fte[12] = 10;
    p.turnover_first_year = 0.5;
    fc = run(&p, NULL, 0, 1);
    assert_near(det(fc, 1).leavers_fte, 0, 0);
    jbw_forecast_free(fc);
}

/* Unset (-1), the first year leaves at the annual rate, in a stochastic
 * run draw for draw: the same seed gives the same figures as before. */
static void unset_first_year_turnover_changes_nothing(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *a, *b;
    int32_t t;
    (void)s;
    base(&p, 12);
    p.staff_fte[0] = 20;
    p.staff_fte[36] = 80;
    p.turnover = 0.2;
    p.waiting_nieuw[OTS] = 300;
    p.inflow[OTS] = 40;
    a = run(&p, NULL, 50, 7);
    p.turnover_first_year = 0.2;
    b = run(&p, NULL, 50, 7);
    for (t = 1; t <= 12; t++)
        assert_true(month(a, t, JBW_STAT_P50).fte ==
                    month(b, t, JBW_STAT_P50).fte);
    jbw_forecast_free(a);
    jbw_forecast_free(b);
}

/*
 * 30 assigned VOTS (duration 3), 1,000 FTE so that nothing waits, half
 * of the ending VOTS continue as OTS: month 1 ends 30 / 3 = 10 VOTS, 5 of
 * them go on as assigned OTS with the same worker and 5 leave: exits 5,
 * active 25 (20 VOTS, 5 OTS), all assigned.
 */
static void ending_vots_continue_as_ots_with_their_worker(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    jbw_forecast_month m;
    (void)s;
    base(&p, 1);
    p.assigned[VOTS] = 30;
    p.duration[VOTS] = 3;
    p.staff_fte[36] = 1000;
    p.vots_to_ots = 0.5;
    fc = run(&p, NULL, 0, 1);
    m = det(fc, 1);
    assert_near(m.exits, 5, 1e-12);
    assert_near(m.active, 25, 1e-12);
    assert_near(m.assigned, 25, 1e-12);
    assert_near(m.waiting, 0, 1e-12);
    jbw_forecast_free(fc);
}

/*
 * 100 OTS nieuw and 100 OTS bestaand (duration 1,200 months), 1 FTE of
 * 12 (the default norm, ramp 1 at 36 months): month 1 ends 100 / 1,200 =
 * 0.083333 of each list; free capacity 12, bestaand_share 0.25: bestaand
 * gets 3, nieuw 9: bestaand 99.916667 - 3 = 96.916667, nieuw 90.916667.
 * Without bestaand waiting its 3 go to nieuw too: nieuw 99.916667 - 12.
 */
static void a_bestaand_share_splits_the_free_capacity(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    jbw_forecast_month m;
    (void)s;
    base(&p, 1);
    p.duration[OTS] = 1200;
    p.waiting_nieuw[OTS] = 100;
    p.waiting_bestaand[OTS] = 100;
    p.staff_fte[36] = 1;
    p.bestaand_share = 0.25;
    fc = run(&p, NULL, 0, 1);
    m = det(fc, 1);
    assert_near(m.waiting_bestaand, 96.916667, 1e-6);
    assert_near(m.waiting_nieuw, 90.916667, 1e-6);
    assert_near(m.intake, 12, 1e-9);
    jbw_forecast_free(fc);
    p.waiting_bestaand[OTS] = 0;
    fc = run(&p, NULL, 0, 1);
    assert_near(det(fc, 1).waiting_nieuw, 99.916667 - 12, 1e-6);
    jbw_forecast_free(fc);
}

/* A version 1 record (without the three fields) still works everywhere
 * and nothing writes past its end. */
static void a_version_1_record_is_read_and_written_within_its_size(void **s)
{
    union {
        jbw_forecast_params p;
        unsigned char bytes[sizeof(jbw_forecast_params)];
    } u;
    const size_t v1 = offsetof(jbw_forecast_params, turnover_first_year);
    jbw_scenario *sc = NULL;
    jbw_forecast *fc;
    size_t i;
    (void)s;
    memset(u.bytes, 0xAB, sizeof u.bytes);
    assert_ok(jbw_forecast_params_init(&u.p, 1));
    assert_int_equal(u.p.version, 1);
    assert_ok(jbw_scenario_parse(&sc, "turnover = 10%\nvots_to_ots = 0.5\n",
                                 strlen("turnover = 10%\nvots_to_ots = 0.5\n"),
                                 "v1"));
    assert_ok(jbw_scenario_apply(&u.p, sc));
    assert_near(u.p.turnover, 0.1, 1e-15);
    u.p.months = 3;
    u.p.waiting_nieuw[OTS] = 10;
    assert_ok(jbw_forecast_params_check(&u.p, 0));
    fc = run(&u.p, NULL, 0, 1);
    jbw_forecast_free(fc);
    for (i = v1; i < sizeof u.bytes; i++)
        assert_int_equal(u.bytes[i], 0xAB);
    jbw_scenario_free(sc);
}

static void version_2_fields_are_checked_and_set_by_scenarios(void **s)
{
    jbw_forecast_params p;
    jbw_scenario *sc = NULL;
    const char *text = "turnover_first_year = 35%\nvots_to_ots = 0.6\n"
                       "bestaand_share = 25%\n";
    (void)s;
    base(&p, 1);
    assert_near(p.turnover_first_year, -1, 0);
    assert_near(p.vots_to_ots, 0, 0);
    assert_near(p.bestaand_share, -1, 0);
    assert_ok(jbw_scenario_parse(&sc, text, strlen(text), "v2"));
    assert_ok(jbw_scenario_apply(&p, sc));
    assert_near(p.turnover_first_year, 0.35, 1e-15);
    assert_near(p.vots_to_ots, 0.6, 1e-15);
    assert_near(p.bestaand_share, 0.25, 1e-15);
    jbw_scenario_free(sc);
    p.turnover_first_year = 1.5;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    assert_error_contains("turnover_first_year");
    p.turnover_first_year = -1;
    p.vots_to_ots = -0.1;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    assert_error_contains("vots_to_ots");
    p.vots_to_ots = 0;
    p.bestaand_share = 2;
    assert_status(jbw_forecast_params_check(&p, 0), JBW_EINVAL);
    assert_error_contains("bestaand_share");
    assert_status(jbw_scenario_parse(&sc, "bestaand_share = 1.5\n", 21, "bad"),
                  JBW_EPARSE);
}

/*
 * No staff, 10 VOTS a month (duration 3) and 4 OTS a month (duration
 * 23.6): month 1 holds 10 VOTS and 4 OTS, all waiting; month 2 holds
 * 10 - 10/3 + 10 = 16.666667 VOTS and 4 - 4/23.6 + 4 = 7.830508 OTS. The
 * kinds add up to the month's active and waiting list.
 */
static void month_rows_carry_every_kind(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    double a, w, sum_a = 0, sum_w = 0;
    char *json = NULL;
    int k;
    (void)s;
    base(&p, 2);
    p.inflow[VOTS] = 10;
    p.inflow[OTS] = 4;
    p.duration[VOTS] = 3;
    p.duration[OTS] = 23.6;
    fc = run(&p, NULL, 0, 1);
    assert_ok(jbw_forecast_kind_get(&a, &w, fc, 1, JBW_STAT_MEAN, VOTS));
    assert_near(a, 10, 1e-12);
    assert_near(w, 10, 1e-12);
    assert_ok(jbw_forecast_kind_get(&a, &w, fc, 2, JBW_STAT_MEAN, VOTS));
    assert_near(a, 16.666667, 1e-6);
    assert_ok(jbw_forecast_kind_get(&a, NULL, fc, 2, JBW_STAT_MEAN, OTS));
    assert_near(a, 7.830508, 1e-6);
    for (k = 0; k < JBW_KIND_COUNT; k++) {
        assert_ok(
            jbw_forecast_kind_get(&a, &w, fc, 2, JBW_STAT_MEAN, (jbw_kind)k));
        sum_a += a;
        sum_w += w;
    }
    assert_near(sum_a, det(fc, 2).active, 1e-9);
    assert_near(sum_w, det(fc, 2).waiting, 1e-9);
    assert_status(jbw_forecast_kind_get(&a, &w, fc, 3, JBW_STAT_MEAN, OTS),
                  JBW_ERANGE);
    assert_status(jbw_forecast_kind_get(&a, &w, fc, 1, JBW_STAT_P5, OTS),
                  JBW_EINVAL);
    assert_status(jbw_forecast_kind_get(&a, &w, fc, 1, JBW_STAT_MEAN,
                                        (jbw_kind)JBW_KIND_COUNT),
                  JBW_ERANGE);
    assert_ok(jbw_forecast_json(&json, NULL, fc));
    assert_non_null(strstr(json, "\"by_kind\":{\"OTS\":{\"active\":4,"
                                 "\"waiting\":4},\"VOTS\":{\"active\":10,"
                                 "\"waiting\":10}"));
    jbw_free(json);
    jbw_forecast_free(fc);
    /* a stochastic run has percentiles per kind too */
    fc = run(&p, NULL, 20, 3);
    assert_ok(jbw_forecast_kind_get(&a, &w, fc, 2, JBW_STAT_P95, VOTS));
    assert_true(a >= 0);
    jbw_forecast_free(fc);
}

/*
 * 120 OTS nieuw (duration 1,200 months), no staff, no inflow, no
 * turnover; hires join at tenure 0 with ramp 0.5 (default norm, 12 per
 * FTE): h FTE take 6h measures in month 1. Month 1 ends Binomial(120,
 * 1/1200) measures first: none with probability (1199/1200)^120 =
 * exp(-0.10004) = 0.905, so about 90% of the replicates need 6h >= 120,
 * h = 20 (19.999 leaves one measure: whole measures), and the rest at
 * most 6h >= 119, h = 19.834 (19.833 x 6 = 118.998 < 119). P = 0.5 and
 * 0.95: 20; P = 0.05 (below the 9.5% with an exit): 19.834. The
 * deterministic answer, (120 - 0.1) / 6 = 19.98333, rounds up to 19.984.
 */
static void relief_with_a_probability_by_hand(void **s)
{
    jbw_forecast_params p;
    double h = -1;
    (void)s;
    base(&p, 1);
    p.duration[OTS] = 1200;
    p.waiting_nieuw[OTS] = 120;
    assert_ok(
        jbw_forecast_relief_probability(&h, &p, NULL, 0, 1, 0.5, 1000, 7));
    assert_near(h, 20.0, 1e-9);
    assert_ok(
        jbw_forecast_relief_probability(&h, &p, NULL, 0, 1, 0.95, 1000, 7));
    assert_near(h, 20.0, 1e-9);
    assert_ok(
        jbw_forecast_relief_probability(&h, &p, NULL, 0, 1, 0.05, 1000, 7));
    assert_near(h, 19.834, 1e-9);
    assert_ok(jbw_forecast_relief(&h, &p, NULL, 0, 1));
    assert_near(h, 19.984, 1e-9);
    assert_status(
        jbw_forecast_relief_probability(&h, &p, NULL, 0, 1, 1.0, 1000, 7),
        JBW_EINVAL);
    assert_status(
        jbw_forecast_relief_probability(&h, &p, NULL, 0, 1, 0.5, 0, 7),
        JBW_EINVAL);
    assert_status(
        jbw_forecast_relief_probability(&h, &p, NULL, 0, 0, 0.5, 10, 7),
        JBW_ERANGE);
}

/* The inflow a run assumed: 10 OTS and 4 VOTS a month, the VOTS half as
 * much again in months 2 and 3 (4 x 1.5 = 6): 14, 16, 16, 14 from month
 * 1, 0 in month 0; a deterministic run's inflow is that figure, and a
 * stochastic run reports the same assumption, not its draws. */
static void expected_inflow_is_the_parameters_with_their_shocks(void **s)
{
    jbw_forecast_params p;
    jbw_forecast *fc;
    jbw_shock shock = {VOTS, 2, 3, 1.5};
    const double want[5] = {0, 14, 16, 16, 14};
    double v = -1;
    int32_t t;
    int k;
    (void)s;
    base(&p, 4);
    for (k = 0; k < JBW_KIND_COUNT; k++)
        p.inflow[k] = 0;
    p.inflow[OTS] = 10;
    p.inflow[VOTS] = 4;
    p.shocks = &shock;
    p.shock_count = 1;
    fc = run(&p, NULL, 0, 0);
    for (t = 0; t <= 4; t++) {
        assert_ok(jbw_forecast_inflow_expected(&v, fc, t));
        assert_near(v, want[t], 1e-12);
        assert_near(det(fc, t).inflow, want[t], 1e-9);
    }
    assert_status(jbw_forecast_inflow_expected(&v, fc, 5), JBW_ERANGE);
    assert_status(jbw_forecast_inflow_expected(&v, fc, -1), JBW_ERANGE);
    assert_status(jbw_forecast_inflow_expected(NULL, fc, 1), JBW_EINVAL);
    assert_status(jbw_forecast_inflow_expected(&v, NULL, 1), JBW_EINVAL);
    jbw_forecast_free(fc);
    fc = run(&p, NULL, 50, 3);
    for (t = 0; t <= 4; t++) {
        assert_ok(jbw_forecast_inflow_expected(&v, fc, t));
        assert_near(v, want[t], 1e-12);
    }
    jbw_forecast_free(fc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(relief_with_a_probability_by_hand),
        cmocka_unit_test(month_rows_carry_every_kind),
        cmocka_unit_test(expected_inflow_is_the_parameters_with_their_shocks),
        cmocka_unit_test(first_year_turnover_applies_to_the_first_12_months),
        cmocka_unit_test(unset_first_year_turnover_changes_nothing),
        cmocka_unit_test(ending_vots_continue_as_ots_with_their_worker),
        cmocka_unit_test(a_bestaand_share_splits_the_free_capacity),
        cmocka_unit_test(
            a_version_1_record_is_read_and_written_within_its_size),
        cmocka_unit_test(version_2_fields_are_checked_and_set_by_scenarios),
        cmocka_unit_test(params_init_sets_documented_defaults),
        cmocka_unit_test(
            overlapping_shocks_that_overflow_the_inflow_are_refused),
        cmocka_unit_test(bad_params_are_rejected_naming_the_field),
        cmocka_unit_test(zero_inflow_no_staff_waiting_list_decays_at_exit_rate),
        cmocka_unit_test(without_staff_assigned_caseload_becomes_bestaand),
        cmocka_unit_test(duration_of_one_month_ends_every_measure_in_a_month),
        cmocka_unit_test(shock_multiplies_inflow_in_its_months_only),
        cmocka_unit_test(hire_ramps_up_exactly_as_the_norm_ramp),
        cmocka_unit_test(staff_at_36_months_or_more_carry_a_full_caseload),
        cmocka_unit_test(turnover_gives_the_monthly_rate_of_the_annual),
        cmocka_unit_test(leavers_caseload_goes_to_bestaand_and_is_taken_first),
        cmocka_unit_test(emergency_kinds_take_free_capacity_first),
        cmocka_unit_test(free_capacity_takes_a_list_pro_rata_by_weight),
        cmocka_unit_test(month_labels_follow_the_start_date),
        cmocka_unit_test(finance_revenue_costs_margin_and_coverage_by_hand),
        cmocka_unit_test(a_quarter_less_volume_leaves_fixed_costs_uncovered),
        cmocka_unit_test(finance_off_or_no_fixed_costs_gives_nan),
        cmocka_unit_test(stocks_balance_exactly_in_every_replicate_and_month),
        cmocka_unit_test(same_seed_same_figures_other_seed_other_figures),
        cmocka_unit_test(a_replicate_does_not_depend_on_how_many_run),
        cmocka_unit_test(stochastic_mean_and_band_match_the_poisson_law),
        cmocka_unit_test(binomial_exits_of_a_large_stock_have_the_binomial_law),
        cmocka_unit_test(workers_leave_whole_at_the_binomial_rate),
        cmocka_unit_test(samplers_fit_their_exact_laws_by_chi_square),
        cmocka_unit_test(callbacks_report_progress_and_can_cancel),
        cmocka_unit_test(month_get_checks_null_version_statistic_and_range),
        cmocka_unit_test(outputs_json_csv_text_hold_every_month),
        cmocka_unit_test(svg_is_self_contained_escaped_and_has_the_band),
        cmocka_unit_test(
            relief_is_the_smallest_hiring_and_falls_as_target_rises),
        cmocka_unit_test(relief_rejects_bad_input_and_unreachable_targets),
        cmocka_unit_test(erlang_c_matches_hand_and_textbook_values),
        cmocka_unit_test(erlang_c_at_thousands_of_servers_stays_finite),
        cmocka_unit_test(erlang_c_rejects_bad_input),
        cmocka_unit_test(queue_staffing_by_hand_and_as_inverse_of_share),
        cmocka_unit_test(queue_rejects_bad_input),
        cmocka_unit_test(queue_params_follow_the_forecast_params),
        cmocka_unit_test(scenario_file_sets_what_it_names_over_a_base),
        cmocka_unit_test(a_scenario_says_whether_it_sets_the_start_state),
        cmocka_unit_test(scenario_errors_name_line_key_and_value),
        cmocka_unit_test(scenario_load_reads_a_file),
        cmocka_unit_test(shocks_csv_adds_shocks_all_or_nothing),
        cmocka_unit_test(start_state_from_a_snapshot_by_hand),
        cmocka_unit_test(null_norm_counts_in_the_default_norms_unit),
        cmocka_unit_test(a_version_not_known_is_refused_naming_the_known_ones),
        cmocka_unit_test(out_of_memory_anywhere_is_enomem_without_leaks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
