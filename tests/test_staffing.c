/*
 * Tests of the staffing questions (include/jbw/staffing.h): werkdagen per
 * month, the effective FTE of month 0, relief and the queue answer, and
 * their writers (notice, language, valid CSV). Every record is synthetic;
 * every expected figure is worked out by hand in the comment beside it.
 */
#include "jbw_test.h"

#include <string.h>

#define OTS    JBW_KIND_OTS
#define SENIOR (JBW_TENURE_SLOTS - 1)

/*
 * One OTS a month arriving, each staying 1 month on average: offered load
 * A = inflow x duration = 1 slot. Staff 2/12 FTE tenured 36+ months (ramp
 * 1.0): effective 2/12 FTE = 2 slots at 12 slots per FTE.
 */
static void one_slot_load(jbw_forecast_params *p)
{
    assert_ok(jbw_forecast_params_init(p, JBW_FORECAST_PARAMS_VERSION));
    p->months = 12;
    p->start = jbw_test_date(2025, 9, 1);
    p->inflow[OTS] = 1.0;
    p->duration[OTS] = 1.0;
    p->staff_fte[SENIOR] = 2.0 / 12.0;
}

static void workdays_per_month_2025(void **state)
{
    double w = 0;
    (void)state;
    /* 2025: 365 days from a Wednesday, 261 weekdays; holidays on weekdays
     * under the CAO Jeugdzorg calendar: 1 Jan (wo), 21 Apr (ma), 5 May
     * (ma), 29 May (do), 9 Jun (ma), 25 and 26 Dec (do, vr) = 7; Koningsdag
     * 26 Apr is a Saturday. 254 werkdagen / 12. */
    assert_ok(jbw_workdays_per_month(&w, NULL, 2025));
    assert_near(w, 254.0 / 12.0, 1e-12);
    assert_status(jbw_workdays_per_month(&w, NULL, JBW_YEAR_MAX), JBW_ERANGE);
    assert_status(jbw_workdays_per_month(NULL, NULL, 2025), JBW_EINVAL);
}

static void effective_fte_is_month_0(void **state)
{
    jbw_forecast_params p;
    double fte = 0;
    (void)state;
    one_slot_load(&p);
    /* 2/12 FTE with 36+ months of tenure: ramp 1.0 */
    assert_ok(jbw_forecast_params_effective_fte(&fte, &p, NULL));
    assert_near(fte, 2.0 / 12.0, 1e-12);
    /* A new hire (tenure 0) counts at the ramp's first step, 0.5 in the
     * default norm (docs/norms.md). */
    p.staff_fte[SENIOR] = 0.0;
    p.staff_fte[0] = 1.0;
    assert_ok(jbw_forecast_params_effective_fte(&fte, &p, NULL));
    assert_near(fte, 0.5, 1e-12);
}

static void queue_answer_by_hand(void **state)
{
    jbw_forecast_params p;
    jbw_queue_answer a;
    (void)state;
    one_slot_load(&p);
    a.version = JBW_QUEUE_ANSWER_VERSION;
    /* N = 0 werkdagen: the share within is 1 - C (no wait at all).
     * Erlang B with A = 1: B(1) = 1/2, B(2) = 0.5/2.5 = 0.2,
     * B(3) = 0.2/3.2 = 0.0625. C(2) = 2 x 0.2 / (2 - 0.8) = 1/3;
     * C(3) = 3 x 0.0625 / (3 - 0.9375) = 1/11. Share: c = 1: 0 (A >= c),
     * c = 2: 2/3, c = 3: 10/11. For 80 %: 3 slots = 3/12 FTE. */
    assert_ok(jbw_staffing_queue(&a, &p, NULL, NULL, 0.0, 80.0));
    assert_near(a.workdays_per_month, 254.0 / 12.0, 1e-12);
    assert_near(a.needed.offered_load, 1.0, 1e-9);
    assert_int_equal(a.needed.slots, 3);
    assert_near(a.needed.fte, 0.25, 1e-12);
    assert_near(a.needed.share_within, 10.0 / 11.0, 1e-9);
    assert_near(a.current_effective_fte, 2.0 / 12.0, 1e-12);
    assert_int_equal(a.current.slots, 2);
    assert_near(a.current.p_wait, 1.0 / 3.0, 1e-9);
    assert_near(a.current.share_within, 2.0 / 3.0, 1e-9);
    assert_int_equal(a.current_stable, 1);
    /* 1/12 FTE: 1 slot for a load of 1: unstable, nobody in time */
    p.staff_fte[SENIOR] = 1.0 / 12.0;
    assert_ok(jbw_staffing_queue(&a, &p, NULL, NULL, 0.0, 80.0));
    assert_int_equal(a.current.slots, 1);
    assert_int_equal(a.current_stable, 0);
    assert_near(a.current.share_within, 0.0, 1e-12);
    /* refusals */
    p.start = JBW_DATE_NONE;
    assert_status(jbw_staffing_queue(&a, &p, NULL, NULL, 0.0, 80.0),
                  JBW_EINVAL);
    one_slot_load(&p);
    assert_status(jbw_staffing_queue(&a, &p, NULL, NULL, -1.0, 80.0),
                  JBW_EINVAL);
    assert_status(jbw_staffing_queue(&a, &p, NULL, NULL, 5.0, 100.0),
                  JBW_EINVAL);
    a.version = 99;
    assert_status(jbw_staffing_queue(&a, &p, NULL, NULL, 5.0, 80.0),
                  JBW_EVERSION);
}

static void relief_answer_totals(void **state)
{
    jbw_forecast_params p;
    jbw_relief_answer a;
    double hires = 0;
    (void)state;
    one_slot_load(&p);
    /* 30 waiting, measures lasting 24 months on average, 2 slots: the
     * list cannot shrink to 5 in 6 months without hiring */
    p.duration[OTS] = 24.0;
    p.waiting_nieuw[OTS] = 30.0;
    p.turnover = 0.12;
    a.version = JBW_RELIEF_ANSWER_VERSION;
    assert_ok(jbw_staffing_relief(&a, &p, NULL, 5.0, 6));
    assert_ok(jbw_forecast_relief(&hires, &p, NULL, 5.0, 6));
    assert_near(a.hires_fte_per_month, hires, 0.0);
    assert_true(hires > 0.0);
    /* the totals: 6 months of the monthly hiring; turnover as given */
    assert_near(a.total_hires_fte, 6.0 * hires, 1e-12);
    assert_near(a.annual_turnover, 0.12, 0.0);
    assert_int_equal(a.within_months, 6);
    a.version = 0;
    assert_status(jbw_staffing_relief(&a, &p, NULL, 5.0, 6), JBW_EVERSION);
    /* version 1 (before the totals) is read as well */
    assert_string_equal(jbw_last_error(), "jbw_staffing_relief: answer version "
                                          "0 is not supported (expected 1 to "
                                          "2)");
}

/*
 * The relief with a probability of tests/test_forecast.c: 120 OTS nieuw
 * lasting 1,200 months, hires carrying half of 12 in month 1: 20 FTE in
 * half of 1,000 replicates (seed 7). The answer says so; a version 1
 * answer is still filled and written, without it.
 */
static void relief_answer_with_a_probability(void **state)
{
    jbw_forecast_params p;
    jbw_relief_answer a;
    jbw_output_options o = JBW_OUTPUT_OPTIONS_INIT;
    char *text = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION));
    p.months = 1;
    p.duration[OTS] = 1200;
    p.waiting_nieuw[OTS] = 120;
    memset(&a, 0, sizeof a);
    a.version = JBW_RELIEF_ANSWER_VERSION;
    assert_ok(
        jbw_staffing_relief_probability(&a, &p, NULL, 0, 1, 0.5, 1000, 7));
    assert_near(a.hires_fte_per_month, 20.0, 1e-9);
    assert_near(a.probability, 0.5, 0);
    assert_int_equal(a.replicates, 1000);
    assert_true(a.seed == 7);
    assert_ok(jbw_relief_answer_json(&text, &len, &a, &o));
    assert_non_null(strstr(text, "\"probability\":0.5,\"replicates\":1000,"
                                 "\"seed\":7"));
    jbw_free(text);
    o.lang = JBW_LANG_EN;
    assert_ok(jbw_relief_answer_text(&text, &len, &a, &o));
    assert_non_null(strstr(text, "at least 50% of 1000 replicates (seed 7)"));
    jbw_free(text);
    a.version = 1;
    assert_status(
        jbw_staffing_relief_probability(&a, &p, NULL, 0, 1, 0.5, 1000, 7),
        JBW_EVERSION);
    assert_ok(jbw_staffing_relief(&a, &p, NULL, 0, 1));
    assert_ok(jbw_relief_answer_json(&text, &len, &a, &o));
    assert_null(strstr(text, "probability"));
    jbw_free(text);
}

/* Fields of one CSV line without quotes inside (enough for these rows). */
static size_t csv_fields(const char *line, size_t n)
{
    size_t i, fields = 1;
    int quoted = 0;
    for (i = 0; i < n; i++) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (line[i] == ',' && !quoted)
            fields++;
    }
    return fields;
}

static void writers_carry_the_notice_and_the_language(void **state)
{
    jbw_forecast_params p;
    jbw_queue_answer q;
    jbw_relief_answer r;
    jbw_output_options o = JBW_OUTPUT_OPTIONS_INIT;
    char *text = NULL;
    size_t len = 0;
    const char *line, *nl;
    size_t header_fields = 0;
    (void)state;
    one_slot_load(&p);
    p.staff_fte[SENIOR] = 1.0 / 12.0; /* unstable: the 0 % line */
    q.version = JBW_QUEUE_ANSWER_VERSION;
    r.version = JBW_RELIEF_ANSWER_VERSION;
    assert_ok(jbw_staffing_queue(&q, &p, NULL, NULL, 0.0, 80.0));
    p.waiting_nieuw[OTS] = 30.0;
    assert_ok(jbw_staffing_relief(&r, &p, NULL, 5.0, 6));

    /* without options: Dutch, decimal comma, no notice */
    assert_ok(jbw_queue_answer_text(&text, &len, &q, NULL));
    assert_int_equal(strlen(text), len);
    assert_non_null(strstr(text, "Wachtrijbeeld"));
    assert_non_null(strstr(text, "3 plekken = 0,")); /* 3 slots = 0.25 FTE */
    assert_non_null(strstr(text, "Waarom 0%"));
    assert_null(strstr(text, "SYNTHETIC"));
    /* the arrivals are an assumption: the assumptions line says so */
    assert_non_null(strstr(text, "komen uit de parameters van de prognose"));
    jbw_free(text);
    {
        /* the shares of the needed FTE in plain Dutch: 0.904 and 0.238
         * are 90,4% and 23,8%; no German "überhaupt" */
        jbw_queue_answer qs = q;
        qs.needed.share_within = 0.904;
        qs.needed.p_wait = 0.238;
        assert_ok(jbw_queue_answer_text(&text, &len, &qs, NULL));
        assert_non_null(strstr(text, "(90,4% binnen de termijn, 23,8% moet "
                                     "op een plek wachten)\n"));
        assert_null(strstr(text, "berhaupt"));
        jbw_free(text);
        /* the FTE needed is rounded up: 8.541 is 8,6, and 0.25 (3 slots
         * of 1/12 FTE), which "%.1f" writes as 0.2, is 0,3 */
        qs.needed.fte = 8.541;
        assert_ok(jbw_queue_answer_text(&text, &len, &qs, NULL));
        assert_non_null(strstr(text, "3 plekken = 8,6 fte ("));
        jbw_free(text);
        qs.needed.fte = 0.25;
        assert_ok(jbw_queue_answer_text(&text, &len, &qs, NULL));
        assert_non_null(strstr(text, "3 plekken = 0,3 fte ("));
        jbw_free(text);
    }

    o.lang = JBW_LANG_EN;
    o.data_notice = "SYNTHETIC test data";
    assert_ok(jbw_queue_answer_text(&text, &len, &q, &o));
    assert_int_equal(strncmp(text, "SYNTHETIC test data\n\n", 21), 0);
    assert_non_null(strstr(text, "Why 0%"));
    assert_non_null(strstr(text, "not from a count of past starts"));
    jbw_free(text);

    assert_ok(jbw_queue_answer_json(&text, &len, &q, &o));
    assert_int_equal(
        strncmp(text, "{\"data_notice\":\"SYNTHETIC test data\",", 37), 0);
    assert_non_null(strstr(text, "\"stable\":false"));
    jbw_free(text);

    /* CSV: a data_notice column, the same number of fields on every row */
    assert_ok(jbw_queue_answer_csv(&text, &len, &q, &o));
    for (line = text; *line; line = nl + 1) {
        nl = strchr(line, '\n');
        assert_non_null(nl);
        if (line == text) {
            header_fields = csv_fields(line, (size_t)(nl - line));
            assert_non_null(strstr(line, ",data_notice"));
        } else {
            assert_int_equal(csv_fields(line, (size_t)(nl - line)),
                             header_fields);
        }
    }
    assert_int_equal(header_fields, 7);
    jbw_free(text);

    assert_ok(jbw_relief_answer_csv(&text, &len, &r, NULL));
    assert_null(strstr(text, "data_notice"));
    assert_null(strstr(text, "probability")); /* a deterministic answer */
    jbw_free(text);
    {
        /* an answer with a probability carries it, its replicates and its
         * seed in the CSV too, as in the JSON and the text */
        jbw_relief_answer rp = r;
        rp.version = JBW_RELIEF_ANSWER_VERSION;
        rp.probability = 0.9;
        rp.replicates = 1000;
        rp.seed = 18446744073709551615ULL; /* 2^64 - 1 keeps every digit */
        assert_ok(jbw_relief_answer_csv(&text, &len, &rp, NULL));
        assert_non_null(strstr(text, ",annual_turnover,probability,replicates,"
                                     "seed\n"));
        assert_non_null(strstr(text, ",0.9,1000,18446744073709551615\n"));
        jbw_free(text);
    }
    assert_ok(jbw_relief_answer_text(&text, &len, &r, &o));
    assert_non_null(strstr(text, "Relief"));
    jbw_free(text);
    /* the hiring is found to 0.001 FTE: its English text keeps three
     * decimals, the total one, also where the last digits are zeros */
    r.hires_fte_per_month = 0.33;
    r.total_hires_fte = 4.0;
    assert_ok(jbw_relief_answer_text(&text, &len, &r, &o));
    assert_non_null(
        strstr(text, "hire 0.330 FTE every month (4.0 FTE in all)"));
    jbw_free(text);
    /* the Dutch text, which a council reads, gives FTE with one decimal,
     * as the brief does, kept where it is a zero; a need rounds up, so
     * that hiring what it says reaches the target: 0.33 is 0,4 (0,3 a
     * month would not do) */
    assert_ok(jbw_relief_answer_text(&text, &len, &r, NULL));
    assert_non_null(strstr(text, "elke maand 0,4 fte aannemen (4,0 fte"));
    jbw_free(text);
    /* 8.598 a month is 8,6; 12 months of it, 103.176, are 103,2 */
    r.hires_fte_per_month = 8.598;
    r.total_hires_fte = 103.176;
    assert_ok(jbw_relief_answer_text(&text, &len, &r, NULL));
    assert_non_null(strstr(text, "elke maand 8,6 fte aannemen (103,2 fte in "
                                 "totaal)"));
    jbw_free(text);
    assert_ok(jbw_relief_answer_text(&text, &len, &r, &o));
    assert_non_null(strstr(text, "hire 8.598 FTE every month (103.2 FTE"));
    jbw_free(text);
    /* 8.541 a month is 8,6, not 8,5 (to nearest); 12 months of it,
     * 102.492, are 102,5 in Dutch and in English, whose hiring a month
     * keeps its three decimals */
    r.hires_fte_per_month = 8.541;
    r.total_hires_fte = 102.492;
    assert_ok(jbw_relief_answer_text(&text, &len, &r, NULL));
    assert_non_null(strstr(text, "elke maand 8,6 fte aannemen (102,5 fte in "
                                 "totaal)"));
    jbw_free(text);
    assert_ok(jbw_relief_answer_text(&text, &len, &r, &o));
    assert_non_null(strstr(text, "hire 8.541 FTE every month (102.5 FTE"));
    jbw_free(text);
    /* a figure that is a tenth but for the last bits of a double stays:
     * 8700 steps of 0.001 are 8.700000000000001 as a double (its tenths,
     * 87.00000000000001, would round up to 88) and read 8,7 */
    r.hires_fte_per_month = 8700 * JBW_RELIEF_STEP;
    r.total_hires_fte = 12 * r.hires_fte_per_month;
    assert_true(r.hires_fte_per_month * 10 > 87.0);
    assert_ok(jbw_relief_answer_text(&text, &len, &r, NULL));
    assert_non_null(strstr(text, "elke maand 8,7 fte aannemen (104,4 fte in "
                                 "totaal)"));
    jbw_free(text);
    /* one month is "1 maand", "1 month" */
    r.within_months = 1;
    assert_ok(jbw_relief_answer_text(&text, &len, &r, NULL));
    assert_non_null(strstr(text, "binnen 1 maand terug te brengen"));
    jbw_free(text);
    assert_ok(jbw_relief_answer_text(&text, &len, &r, &o));
    assert_non_null(strstr(text, " measures within 1 month,\n"));
    jbw_free(text);

    o.version = 7;
    assert_status(jbw_relief_answer_json(&text, &len, &r, &o), JBW_EVERSION);
    assert_status(jbw_relief_answer_json(NULL, &len, &r, NULL), JBW_EINVAL);
    assert_ok(jbw_output_options_init(&o, JBW_OUTPUT_OPTIONS_VERSION));
    assert_int_equal(o.lang, JBW_LANG_NL);
    assert_null(o.data_notice);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(workdays_per_month_2025),
        cmocka_unit_test(effective_fte_is_month_0),
        cmocka_unit_test(queue_answer_by_hand),
        cmocka_unit_test(relief_answer_totals),
        cmocka_unit_test(relief_answer_with_a_probability),
        cmocka_unit_test(writers_carry_the_notice_and_the_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
