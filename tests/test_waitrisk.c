/*
 * Tests of the waiting-risk model (lib/waitrisk/): the default model
 * jbw-wachtrisico version 1, model files, scoring of every item and band
 * boundary, reasons, ranking, triage of a snapshot and the allocation
 * proposal.
 *
 * Every expected figure is worked out by hand in the comment beside it.
 * Working days follow the default CAO Jeugdzorg calendar: weekends off,
 * and in 2025 Tweede Paasdag (Mon 21 Apr), Koningsdag (Sat 26 Apr),
 * 5 May (Mon), Hemelvaartsdag (Thu 29 May), Tweede Pinksterdag (Mon
 * 9 Jun), Eerste and Tweede Kerstdag (Thu 25, Fri 26 Dec); Nieuwjaarsdag
 * 2026 is Thu 1 Jan. "werkdagen from X to D" counts working days d with
 * X < d <= D.
 *
 * All cases, children, workers and ids here are synthetic.
 */
#include "jbw_test.h"

static jbw_calendar *g_cal;
static jbw_waitrisk_model *g_model;

static int setup(void **state)
{
    (void)state;
    if (jbw_calendar_new(&g_cal, NULL) != JBW_OK)
        return -1;
    if (jbw_waitrisk_model_new_version(&g_model, 1) != JBW_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    jbw_waitrisk_model_free(g_model);
    jbw_calendar_free(g_cal);
    return 0;
}

/*
 * A case that scores 0 points on `date`: jeugdreclassering with risk low
 * (0), safe (0), waiting since the date itself (0 werkdagen: 0), born
 * 2010-01-01 (15 or older on every date used: 0), last contact on the
 * date (0 werkdagen: 0), no earlier worker (bestaand 0, handovers 0).
 * Tests change one field at a time.
 */
static jbw_wait_case zero_case(const char *id, jbw_date date)
{
    jbw_wait_case c = JBW_WAIT_CASE_INIT;
    c.id = id;
    c.kind = JBW_KIND_JR_TB_GEDWONGEN;
    c.jr_risk = JBW_JR_RISK_LOW;
    c.safety = JBW_SAFETY_SAFE;
    c.waiting_since = date;
    c.birth_date = D(2010, 1, 1);
    c.last_contact = date;
    return c;
}

static jbw_score score_with(const jbw_waitrisk_model *model,
                            const jbw_wait_case *c, jbw_date date)
{
    jbw_score s;
    memset(&s, 0, sizeof s);
    s.version = JBW_SCORE_VERSION;
    assert_ok(jbw_waitrisk_score(&s, model, g_cal, c, date));
    return s;
}

static jbw_score score(const jbw_wait_case *c, jbw_date date)
{
    return score_with(g_model, c, date);
}

static jbw_waitrisk_model *parse_model(const char *text)
{
    jbw_waitrisk_model *m = NULL;
    assert_ok(jbw_waitrisk_model_parse(&m, text, strlen(text), "test.model"));
    assert_non_null(m);
    return m;
}

/* ---- the default model ----------------------------------------------- */

static void test_default_model_is_jbw_wachtrisico_version_1(void **state)
{
    (void)state;
    assert_string_equal(jbw_waitrisk_model_name(g_model), "jbw-wachtrisico");
    assert_int_equal(jbw_waitrisk_model_version(g_model), 1);
    /* docs/model-card.md: acuut daily (1 werkdag), hoog 5, midden 10, laag 20
     */
    assert_int_equal(
        jbw_waitrisk_model_contact_interval(g_model, JBW_BAND_ACUUT), 1);
    assert_int_equal(
        jbw_waitrisk_model_contact_interval(g_model, JBW_BAND_HOOG), 5);
    assert_int_equal(
        jbw_waitrisk_model_contact_interval(g_model, JBW_BAND_MIDDEN), 10);
    assert_int_equal(
        jbw_waitrisk_model_contact_interval(g_model, JBW_BAND_LAAG), 20);
    assert_int_equal(jbw_waitrisk_model_contact_interval(NULL, JBW_BAND_LAAG),
                     -1);
    assert_int_equal(jbw_waitrisk_model_contact_interval(g_model, (jbw_band)4),
                     -1);
    assert_null(jbw_waitrisk_model_name(NULL));
    assert_int_equal(jbw_waitrisk_model_version(NULL), 0);
    assert_status(jbw_waitrisk_model_new_default(NULL), JBW_EINVAL);
}

static void test_codes_of_bands_and_items_are_stable(void **state)
{
    (void)state;
    assert_string_equal(jbw_band_code(JBW_BAND_LAAG), "laag");
    assert_string_equal(jbw_band_code(JBW_BAND_MIDDEN), "midden");
    assert_string_equal(jbw_band_code(JBW_BAND_HOOG), "hoog");
    assert_string_equal(jbw_band_code(JBW_BAND_ACUUT), "acuut");
    assert_null(jbw_band_code((jbw_band)4));
    assert_null(jbw_band_code((jbw_band)-1));
    assert_string_equal(jbw_item_code(JBW_ITEM_ACUTE), "acute");
    assert_string_equal(jbw_item_code(JBW_ITEM_SAFETY), "safety");
    assert_string_equal(jbw_item_code(JBW_ITEM_MEASURE), "measure");
    assert_string_equal(jbw_item_code(JBW_ITEM_TIME_WAITED), "time_waited");
    assert_string_equal(jbw_item_code(JBW_ITEM_BESTAAND), "bestaand");
    assert_string_equal(jbw_item_code(JBW_ITEM_AGE), "age");
    assert_string_equal(jbw_item_code(JBW_ITEM_NO_CONTACT), "no_contact");
    assert_string_equal(jbw_item_code(JBW_ITEM_HANDOVERS), "handovers");
    assert_null(jbw_item_code((jbw_item)JBW_ITEM_COUNT));
}

static void test_wait_case_init_sets_the_defaults(void **state)
{
    jbw_wait_case c;
    (void)state;
    memset(&c, 0x5a, sizeof c);
    assert_ok(jbw_wait_case_init(&c, JBW_WAIT_CASE_VERSION));
    assert_int_equal(c.version, JBW_WAIT_CASE_VERSION);
    assert_null(c.id);
    assert_int_equal(c.kind, JBW_KIND_OTS);
    assert_int_equal(c.safety, JBW_SAFETY_UNKNOWN);
    assert_int_equal(c.waiting_since, JBW_DATE_NONE);
    assert_int_equal(c.previous_workers, 0);
    assert_status(jbw_wait_case_init(NULL, 1), JBW_EINVAL);
    assert_status(jbw_wait_case_init(&c, 3), JBW_EVERSION);
    /* versions 1 (libjbw 0.1) and 2 are known */
    assert_string_equal(jbw_last_error(), "jbw_wait_case_init: version 3 is "
                                          "not supported (expected 1 to 2)");
}

/* ---- items ------------------------------------------------------------ */

static void test_zero_case_scores_nothing_and_is_laag(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c = zero_case("Z-1", d);
    jbw_score s;
    int i;
    (void)state;
    s = score(&c, d);
    assert_int_equal(s.version, JBW_SCORE_VERSION);
    assert_int_equal(s.points, 0);           /* every item 0, see zero_case */
    assert_int_equal(s.band, JBW_BAND_LAAG); /* 0 < 25 */
    assert_int_equal(s.items, 0);
    for (i = 0; i < JBW_ITEM_SLOTS; i++)
        assert_int_equal(s.item_points[i], 0);
    assert_int_equal(s.workdays_waiting, 0);
    assert_int_equal(s.workdays_no_contact, 0);
    assert_int_equal(s.age_years, 15); /* 2010-01-01 to 2025-09-01 */
}

static void test_acute_safety_overrides_to_acuut_with_100_points(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c = zero_case("A-1", d);
    jbw_score s;
    (void)state;
    c.safety = JBW_SAFETY_ACUTE;
    s = score(&c, d);
    /* acute: +100 and band acuut; the safety item scores nothing else */
    assert_int_equal(s.item_points[JBW_ITEM_ACUTE], 100);
    assert_int_equal(s.item_points[JBW_ITEM_SAFETY], 0);
    assert_int_equal(s.points, 100);
    assert_int_equal(s.band, JBW_BAND_ACUUT);
    assert_int_equal(s.items, 1u << JBW_ITEM_ACUTE);
}

static void test_acute_override_holds_below_the_acuut_threshold(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_waitrisk_model *m = parse_model("name = test-override\nversion = 1\n"
                                        "band.acuut.min = 300\n");
    jbw_wait_case acute = zero_case("A-1", d), high = zero_case("H-1", d);
    jbw_score s;
    (void)state;
    acute.safety = JBW_SAFETY_ACUTE;
    s = score_with(m, &acute, d);
    assert_int_equal(s.points, 100);          /* 100 < 300 ... */
    assert_int_equal(s.band, JBW_BAND_ACUUT); /* ... still acuut: override */
    high.safety = JBW_SAFETY_UNSAFE;
    high.kind = JBW_KIND_VOTS;
    s = score_with(m, &high, d);
    assert_int_equal(s.points, 55);          /* unsafe 30 + VOTS 25 */
    assert_int_equal(s.band, JBW_BAND_HOOG); /* 50 <= 55 < 300 */
    jbw_waitrisk_model_free(m);
}

static void test_safety_levels_score_30_15_10_0(void **state)
{
    static const struct {
        jbw_safety safety;
        int points;
    } rows[] = {
        {JBW_SAFETY_UNSAFE, 30},   /* structurally unsafe */
        {JBW_SAFETY_CONCERNS, 15}, /* concerns */
        {JBW_SAFETY_UNKNOWN, 10},  /* not assessed */
        {JBW_SAFETY_SAFE, 0},      /* safe */
    };
    jbw_date d = D(2025, 9, 1);
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof *rows; i++) {
        jbw_wait_case c = zero_case("S-1", d);
        jbw_score s;
        c.safety = rows[i].safety;
        s = score(&c, d);
        assert_int_equal(s.item_points[JBW_ITEM_SAFETY], rows[i].points);
        assert_int_equal(s.item_points[JBW_ITEM_ACUTE], 0);
        assert_int_equal(s.points, rows[i].points);
        assert_int_equal((s.items >> JBW_ITEM_SAFETY) & 1u, rows[i].points > 0);
    }
}

static void test_measure_rules_score_the_one_rule_that_applies(void **state)
{
    static const struct {
        jbw_kind kind;
        jbw_placement placement;
        jbw_jr_risk risk;
        int points;
    } rows[] = {
        {JBW_KIND_OTS, JBW_PLACEMENT_NONE, JBW_JR_RISK_UNKNOWN, 10}, /* OTS */
        {JBW_KIND_OTS, JBW_PLACEMENT_PLACED, JBW_JR_RISK_UNKNOWN,
         15}, /* OTS + MUHP */
        {JBW_KIND_OTS, JBW_PLACEMENT_CRISIS, JBW_JR_RISK_UNKNOWN,
         15}, /* OTS + crisis */
        {JBW_KIND_VOTS, JBW_PLACEMENT_NONE, JBW_JR_RISK_UNKNOWN, 25}, /* VOTS */
        {JBW_KIND_VOTS, JBW_PLACEMENT_CRISIS, JBW_JR_RISK_UNKNOWN,
         25}, /* VOTS rule, not also 15 */
        {JBW_KIND_VOORLOPIGE_VOOGDIJ, JBW_PLACEMENT_NONE, JBW_JR_RISK_UNKNOWN,
         25},
        {JBW_KIND_VOOGDIJ, JBW_PLACEMENT_NONE, JBW_JR_RISK_UNKNOWN, 5},
        {JBW_KIND_VOOGDIJ, JBW_PLACEMENT_PLACED, JBW_JR_RISK_UNKNOWN,
         5}, /* placement only with OTS */
        {JBW_KIND_TIJDELIJKE_VOOGDIJ, JBW_PLACEMENT_NONE, JBW_JR_RISK_UNKNOWN,
         5},
        {JBW_KIND_JR_TB_GEDWONGEN, JBW_PLACEMENT_NONE, JBW_JR_RISK_HIGH, 15},
        {JBW_KIND_JR_TB_GEDWONGEN, JBW_PLACEMENT_NONE, JBW_JR_RISK_MEDIUM, 8},
        {JBW_KIND_JR_TB_GEDWONGEN, JBW_PLACEMENT_NONE, JBW_JR_RISK_UNKNOWN, 5},
        {JBW_KIND_JR_TB_GEDWONGEN, JBW_PLACEMENT_NONE, JBW_JR_RISK_LOW, 0},
        {JBW_KIND_JR_STP, JBW_PLACEMENT_NONE, JBW_JR_RISK_HIGH,
         15}, /* every JR kind */
        {JBW_KIND_JR_VGBM, JBW_PLACEMENT_NONE, JBW_JR_RISK_MEDIUM, 8},
    };
    jbw_date d = D(2025, 9, 1);
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof *rows; i++) {
        jbw_wait_case c = zero_case("K-1", d);
        jbw_score s;
        c.kind = rows[i].kind;
        c.placement = rows[i].placement;
        c.jr_risk = rows[i].risk;
        s = score(&c, d);
        assert_int_equal(s.item_points[JBW_ITEM_MEASURE], rows[i].points);
        assert_int_equal(s.points, rows[i].points); /* the only item */
    }
}

/* Time waited: 5 vs 6 werkdagen with Hemelvaartsdag inside the span.
 * Date Tue 2025-06-03. From Mon 26 May: Tue 27, Wed 28, (Thu 29 May off),
 * Fri 30, Mon 2 Jun, Tue 3 Jun = 5. From Fri 23 May add Mon 26 = 6. */
static void
test_time_waited_5_vs_6_werkdagen_across_hemelvaartsdag(void **state)
{
    jbw_date d = D(2025, 6, 3);
    jbw_wait_case c = zero_case("T-1", d);
    jbw_score s;
    (void)state;
    c.waiting_since = D(2025, 5, 26);
    s = score(&c, d);
    assert_int_equal(s.workdays_waiting, 5);
    assert_int_equal(s.item_points[JBW_ITEM_TIME_WAITED], 0); /* <= 5 */
    c.waiting_since = D(2025, 5, 23);
    s = score(&c, d);
    assert_int_equal(s.workdays_waiting, 6);
    assert_int_equal(s.item_points[JBW_ITEM_TIME_WAITED], 15); /* 6-30 */
}

/* 30 vs 31 werkdagen across Christmas 2025 and Nieuwjaarsdag 2026.
 * Date Fri 2026-01-23, counting back by week: 19-23 Jan 5 (5), 12-16 Jan
 * 5 (10), 5-9 Jan 5 (15), 29 Dec-2 Jan without Thu 1 Jan 4 (19), 22-26 Dec
 * without Thu 25 and Fri 26 3 (22), 15-19 Dec 5 (27), then Fri 12, Thu 11,
 * Wed 10 Dec (30), Tue 9 Dec (31). So from Tue 9 Dec: 30, from Mon 8: 31. */
static void test_time_waited_30_vs_31_werkdagen_across_christmas(void **state)
{
    jbw_date d = D(2026, 1, 23);
    jbw_wait_case c = zero_case("T-2", d);
    jbw_score s;
    (void)state;
    c.waiting_since = D(2025, 12, 9);
    s = score(&c, d);
    assert_int_equal(s.workdays_waiting, 30);
    assert_int_equal(s.item_points[JBW_ITEM_TIME_WAITED], 15); /* 6-30 */
    c.waiting_since = D(2025, 12, 8);
    s = score(&c, d);
    assert_int_equal(s.workdays_waiting, 31);
    assert_int_equal(s.item_points[JBW_ITEM_TIME_WAITED], 25); /* 31-65 */
}

/* 65 vs 66 werkdagen across Tweede Paasdag, 5 May, Hemelvaartsdag and
 * Tweede Pinksterdag 2025. Date Fri 2025-07-04, back by week: 30 Jun-4 Jul
 * 5 (5), 23-27 Jun (10), 16-20 Jun (15), 9-13 Jun without Mon 9 4 (19),
 * 2-6 Jun (24), 26-30 May without Thu 29 4 (28), 19-23 May (33), 12-16 May
 * (38), 5-9 May without Mon 5 4 (42), 28 Apr-2 May (47), 21-25 Apr without
 * Mon 21 4 (51), 14-18 Apr (56; Goede Vrijdag is worked), 7-11 Apr (61),
 * then Fri 4, Thu 3, Wed 2, Tue 1 Apr (65), Mon 31 Mar (66). */
static void test_time_waited_65_vs_66_werkdagen_across_holidays(void **state)
{
    jbw_date d = D(2025, 7, 4);
    jbw_wait_case c = zero_case("T-3", d);
    jbw_score s;
    (void)state;
    c.waiting_since = D(2025, 3, 31);
    s = score(&c, d);
    assert_int_equal(s.workdays_waiting, 65);
    assert_int_equal(s.item_points[JBW_ITEM_TIME_WAITED], 25); /* 31-65 */
    c.waiting_since = D(2025, 3, 28);
    s = score(&c, d);
    assert_int_equal(s.workdays_waiting, 66);
    assert_int_equal(s.item_points[JBW_ITEM_TIME_WAITED], 35); /* > 65 */
}

static void test_age_3_vs_4_on_the_fourth_birthday(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c = zero_case("L-1", d);
    jbw_score s;
    (void)state;
    c.birth_date = D(2021, 9, 1); /* fourth birthday on the date */
    s = score(&c, d);
    assert_int_equal(s.age_years, 4);
    assert_int_equal(s.item_points[JBW_ITEM_AGE], 5); /* 4-11 */
    c.birth_date = D(2021, 9, 2);                     /* turns 4 tomorrow */
    s = score(&c, d);
    assert_int_equal(s.age_years, 3);
    assert_int_equal(s.item_points[JBW_ITEM_AGE], 15); /* < 4 */
}

static void test_age_11_vs_12_on_the_twelfth_birthday(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c = zero_case("L-2", d);
    jbw_score s;
    (void)state;
    c.birth_date = D(2013, 9, 1);
    s = score(&c, d);
    assert_int_equal(s.age_years, 12);
    assert_int_equal(s.item_points[JBW_ITEM_AGE], 0); /* >= 12 */
    c.birth_date = D(2013, 9, 2);
    s = score(&c, d);
    assert_int_equal(s.age_years, 11);
    assert_int_equal(s.item_points[JBW_ITEM_AGE], 5); /* 4-11 */
}

static void
test_age_unknown_scores_5_and_29_february_turns_on_1_march(void **state)
{
    jbw_wait_case c = zero_case("L-3", D(2025, 2, 28));
    jbw_score s;
    (void)state;
    c.birth_date = JBW_DATE_NONE;
    s = score(&c, D(2025, 2, 28));
    assert_int_equal(s.age_years, -1);
    assert_int_equal(s.item_points[JBW_ITEM_AGE], 5); /* unknown */
    /* born 29 Feb 2008: 16 on 28 Feb 2025, 17 on 1 Mar 2025 (date.h) */
    c.birth_date = D(2008, 2, 29);
    s = score(&c, D(2025, 2, 28));
    assert_int_equal(s.age_years, 16);
    c.waiting_since = c.last_contact = D(2025, 3, 1);
    s = score(&c, D(2025, 3, 1));
    assert_int_equal(s.age_years, 17);
    /* and 20 on 29 Feb 2028, a leap year */
    c.waiting_since = c.last_contact = D(2028, 2, 29);
    s = score(&c, D(2028, 2, 29));
    assert_int_equal(s.age_years, 20);
}

/* Date Mon 2025-09-15. From Mon 1 Sep: 2-5 Sep (4), 8-12 Sep (9), 15 Sep
 * (10); from Fri 29 Aug add Mon 1 Sep: 11; from Mon 18 Aug add 19-22 Aug
 * (4) and 25-29 Aug (5): 20; from Fri 15 Aug add Mon 18: 21. */
static void test_no_contact_10_vs_11_and_20_vs_21_werkdagen(void **state)
{
    static const struct {
        int m, d;
        int32_t workdays;
        int points;
    } rows[] = {
        {9, 1, 10, 0},   /* not more than 10 */
        {8, 29, 11, 10}, /* > 10 */
        {8, 18, 20, 10}, /* not more than 20 */
        {8, 15, 21, 20}, /* > 20 */
    };
    jbw_date d = D(2025, 9, 15);
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof *rows; i++) {
        jbw_wait_case c = zero_case("C-1", d);
        jbw_score s;
        c.last_contact = D(2025, rows[i].m, rows[i].d);
        c.waiting_since = D(2025, 9, 12); /* a contact may predate the wait */
        s = score(&c, d);
        assert_int_equal(s.workdays_no_contact, rows[i].workdays);
        assert_int_equal(s.item_points[JBW_ITEM_NO_CONTACT], rows[i].points);
    }
}

static void
test_no_contact_counts_from_the_wait_start_without_contact(void **state)
{
    jbw_date d = D(2025, 9, 15);
    jbw_wait_case c = zero_case("C-2", d);
    jbw_score s;
    (void)state;
    c.last_contact = JBW_DATE_NONE;
    c.waiting_since = D(2025, 8, 29); /* 11 werkdagen, as above */
    s = score(&c, d);
    assert_int_equal(s.workdays_no_contact, 11);
    assert_int_equal(s.item_points[JBW_ITEM_NO_CONTACT], 10);
    assert_int_equal(s.item_points[JBW_ITEM_TIME_WAITED], 15); /* 11: 6-30 */
}

static void test_bestaand_scores_10_and_handovers_start_at_3(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c = zero_case("B-1", d);
    jbw_score s;
    (void)state;
    c.previous_workers = 1;
    s = score(&c, d);
    assert_int_equal(s.item_points[JBW_ITEM_BESTAAND], 10);
    assert_int_equal(s.item_points[JBW_ITEM_HANDOVERS], 0);
    c.previous_workers = 2;
    s = score(&c, d);
    assert_int_equal(s.item_points[JBW_ITEM_HANDOVERS], 0); /* 2 < 3 */
    assert_int_equal(s.points, 10);
    c.previous_workers = 3;
    s = score(&c, d);
    assert_int_equal(s.item_points[JBW_ITEM_HANDOVERS], 5); /* 3 >= 3 */
    assert_int_equal(s.points, 15);                         /* 10 + 5 */
    assert_int_equal(s.items,
                     (1u << JBW_ITEM_BESTAAND) | (1u << JBW_ITEM_HANDOVERS));
}

/* ---- bands ----------------------------------------------------------- */

/* With the default points every total is a multiple of 5 unless one JR
 * medium (8) is in it, so 24, 49 and 79 cannot occur; these tests use a
 * model that gives JR low 4 points and keeps the default thresholds. */
static void test_band_boundaries_25_50_80_of_the_default(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c;
    jbw_score s;
    (void)state;
    c = zero_case("G-25", d);
    c.kind = JBW_KIND_OTS;
    c.placement = JBW_PLACEMENT_PLACED; /* 15 */
    c.previous_workers = 1;             /* bestaand 10 */
    s = score(&c, d);
    assert_int_equal(s.points, 25);
    assert_int_equal(s.band, JBW_BAND_MIDDEN); /* 25 >= 25 */

    c = zero_case("G-50", d);
    c.safety = JBW_SAFETY_UNSAFE; /* 30 */
    c.kind = JBW_KIND_OTS;        /* 10 */
    c.previous_workers = 1;       /* 10 */
    s = score(&c, d);
    assert_int_equal(s.points, 50);
    assert_int_equal(s.band, JBW_BAND_HOOG); /* 50 >= 50 */

    c = zero_case("G-80", d);
    c.safety = JBW_SAFETY_UNSAFE;    /* 30 */
    c.kind = JBW_KIND_VOTS;          /* 25 */
    c.waiting_since = D(2025, 7, 1); /* 44 werkdagen (below): 25 */
    s = score(&c, d);
    /* (1 Jul, 1 Sep]: July 2-31 has 22 working days, August 21, 1 Sep 1 */
    assert_int_equal(s.workdays_waiting, 44);
    assert_int_equal(s.points, 80);
    assert_int_equal(s.band, JBW_BAND_ACUUT); /* 80 >= 80, not acute */
    assert_int_equal(s.item_points[JBW_ITEM_ACUTE], 0);
}

static void test_band_boundaries_24_49_79_stay_in_the_lower_band(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_waitrisk_model *m = parse_model("name = test-grenzen\nversion = 1\n"
                                        "points.measure.jr_low = 4\n");
    jbw_wait_case c;
    jbw_score s;
    (void)state;
    c = zero_case("G-24", d);      /* JR low: 4 */
    c.safety = JBW_SAFETY_UNKNOWN; /* 10 */
    c.previous_workers = 1;        /* 10 */
    s = score_with(m, &c, d);
    assert_int_equal(s.points, 24);
    assert_int_equal(s.band, JBW_BAND_LAAG); /* 24 < 25 */

    c = zero_case("G-49", d);
    c.safety = JBW_SAFETY_UNSAFE; /* 30 */
    c.waiting_since =
        D(2025, 8, 18); /* 19-22 Aug 4, 25-29 Aug 5, 1 Sep: 10 -> 15 */
    s = score_with(m, &c, d);
    assert_int_equal(s.workdays_waiting, 10);
    assert_int_equal(s.points, 49);            /* 4 + 30 + 15 */
    assert_int_equal(s.band, JBW_BAND_MIDDEN); /* 25 <= 49 < 50 */

    c = zero_case("G-79", d);
    c.safety = JBW_SAFETY_UNSAFE;    /* 30 */
    c.waiting_since = D(2025, 5, 1); /* four months: far more than 65 -> 35 */
    c.previous_workers = 1;          /* 10 */
    s = score_with(m, &c, d);
    assert_true(s.workdays_waiting > 65);
    assert_int_equal(s.points, 79);          /* 4 + 30 + 35 + 10 */
    assert_int_equal(s.band, JBW_BAND_HOOG); /* 50 <= 79 < 80 */
    jbw_waitrisk_model_free(m);
}

/* ---- next contact ---------------------------------------------------- */

static void test_next_contact_due_per_band(void **state)
{
    jbw_date d = D(2025, 9, 1); /* a Monday; last contact on the date */
    jbw_wait_case c;
    jbw_score s;
    (void)state;
    c = zero_case("N-A", d);
    c.safety = JBW_SAFETY_ACUTE;
    s = score(&c, d);
    assert_int_equal(s.band, JBW_BAND_ACUUT);
    assert_int_equal(s.next_contact_due, D(2025, 9, 2)); /* +1 werkdag */

    c = zero_case("N-H", d);
    c.safety = JBW_SAFETY_UNSAFE;
    c.kind = JBW_KIND_VOTS; /* 55 */
    s = score(&c, d);
    assert_int_equal(s.band, JBW_BAND_HOOG);
    assert_int_equal(s.next_contact_due, D(2025, 9, 8)); /* +5: Mon 8 Sep */

    c = zero_case("N-M", d);
    c.safety = JBW_SAFETY_UNSAFE; /* 30 */
    s = score(&c, d);
    assert_int_equal(s.band, JBW_BAND_MIDDEN);
    assert_int_equal(s.next_contact_due, D(2025, 9, 15)); /* +10: Mon 15 Sep */

    c = zero_case("N-L", d);
    s = score(&c, d);
    assert_int_equal(s.band, JBW_BAND_LAAG);
    assert_int_equal(s.next_contact_due, D(2025, 9, 29)); /* +20: Mon 29 Sep */
}

static void test_next_contact_due_skips_hemelvaartsdag(void **state)
{
    jbw_date d = D(2025, 5, 28); /* Wed; contact on the date */
    jbw_wait_case c = zero_case("N-1", d);
    jbw_score s;
    (void)state;
    c.safety = JBW_SAFETY_UNSAFE;
    c.kind = JBW_KIND_VOTS; /* 55: hoog, every 5 werkdagen */
    s = score(&c, d);
    assert_int_equal(s.band, JBW_BAND_HOOG);
    /* Fri 30 May (1), Mon 2 (2), Tue 3 (3), Wed 4 (4), Thu 5 Jun (5);
     * Thu 29 May is Hemelvaartsdag */
    assert_int_equal(s.next_contact_due, D(2025, 6, 5));
}

static void test_overdue_contact_is_due_on_the_date(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c = zero_case("N-2", d);
    jbw_score s;
    (void)state;
    c.waiting_since = D(2025, 8, 1);
    c.last_contact = D(2025, 8, 1);
    s = score(&c, d);
    /* (1 Aug, 1 Sep]: 4-8, 11-15, 18-22, 25-29 Aug (20) and 1 Sep = 21:
     * time 15, no contact 20; total 35: midden, every 10 werkdagen, last
     * contact 21 werkdagen ago, so the contact is overdue: due today */
    assert_int_equal(s.workdays_no_contact, 21);
    assert_int_equal(s.points, 35);
    assert_int_equal(s.band, JBW_BAND_MIDDEN);
    assert_int_equal(s.next_contact_due, d);
}

static void test_acuut_without_contact_is_due_today(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c = zero_case("N-3", d);
    jbw_score s;
    (void)state;
    c.safety = JBW_SAFETY_ACUTE;
    c.last_contact = JBW_DATE_NONE; /* started waiting today, never seen */
    s = score(&c, d);
    assert_int_equal(s.next_contact_due, d); /* noodoplossing the same day */
    c.last_contact = D(2025, 8, 29); /* Fri: 1 werkdag ago, so due today */
    s = score(&c, d);
    assert_int_equal(s.next_contact_due, d);
}

/* ---- reasons --------------------------------------------------------- */

/* Date Mon 2025-09-01. Waiting since Tue 15 Jul: 16-18 Jul (3), 21-25 Jul
 * (8), 28 Jul-1 Aug (13), 4-8 Aug (18), 11-15 (23), 18-22 (28), 25-29
 * (33), 1 Sep (34). Last contact Wed 30 Jul: 31 Jul, 1 Aug (2), then 20
 * in August's four weeks from the 4th (22), 1 Sep (23). Born 2022-03-01:
 * 3 years. */
static jbw_wait_case reason_case(void)
{
    jbw_wait_case c = JBW_WAIT_CASE_INIT;
    c.id = "R-1";
    c.kind = JBW_KIND_VOTS;
    c.safety = JBW_SAFETY_UNSAFE;
    c.waiting_since = D(2025, 7, 15);
    c.birth_date = D(2022, 3, 1);
    c.last_contact = D(2025, 7, 30);
    c.previous_workers = 4;
    return c;
}

static void assert_reason(const jbw_wait_case *c, const jbw_score *s,
                          jbw_item item, jbw_lang lang, const char *expected)
{
    char buf[256];
    assert_ok(jbw_waitrisk_reason(buf, sizeof buf, g_model, c, s, item, lang));
    assert_string_equal(buf, expected);
}

static void test_reasons_in_dutch_name_the_numbers(void **state)
{
    jbw_wait_case c = reason_case();
    jbw_score s = score(&c, D(2025, 9, 1));
    (void)state;
    assert_int_equal(s.workdays_waiting, 34);
    assert_int_equal(s.workdays_no_contact, 23);
    /* 30 + 25 + 25 (34: 31-65) + 10 + 15 (3 < 4) + 20 (23 > 20) + 5 */
    assert_int_equal(s.points, 130);
    assert_reason(&c, &s, JBW_ITEM_SAFETY, JBW_LANG_NL,
                  "veiligheid: structureel onveilig");
    assert_reason(&c, &s, JBW_ITEM_MEASURE, JBW_LANG_NL,
                  "VOTS: spoedmaatregel vraagt directe inzet");
    assert_reason(
        &c, &s, JBW_ITEM_TIME_WAITED, JBW_LANG_NL,
        "wacht 34 werkdagen: langer dan 6 weken (norm plan van aanpak)");
    assert_reason(&c, &s, JBW_ITEM_BESTAAND, JBW_LANG_NL,
                  "bestaand: jeugdbeschermer weggevallen");
    assert_reason(&c, &s, JBW_ITEM_AGE, JBW_LANG_NL,
                  "leeftijd 3 jaar: jonger dan 4");
    assert_reason(&c, &s, JBW_ITEM_NO_CONTACT, JBW_LANG_NL,
                  "geen contact sinds 23 werkdagen");
    assert_reason(&c, &s, JBW_ITEM_HANDOVERS, JBW_LANG_NL,
                  "4 eerdere jeugdbeschermers");
    assert_reason(&c, &s, JBW_ITEM_ACUTE, JBW_LANG_NL, ""); /* did not score */
}

/* The worker of a jeugdreclassering measure is a jeugdreclasseerder
 * (docs/glossary.md): model version 2 names it so in the bestaand and
 * handover reasons; version 1 keeps the words 0.1.0 wrote. */
static void test_jr_reasons_name_the_jeugdreclasseerder(void **state)
{
    static const struct {
        jbw_item item;
        jbw_lang lang;
        const char *text;
    } want[] = {
        {JBW_ITEM_BESTAAND, JBW_LANG_NL,
         "bestaand: jeugdreclasseerder weggevallen"},
        {JBW_ITEM_BESTAAND, JBW_LANG_EN,
         "bestaand: the jeugdreclasseerder dropped out"},
        {JBW_ITEM_HANDOVERS, JBW_LANG_NL, "4 eerdere jeugdreclasseerders"},
        {JBW_ITEM_HANDOVERS, JBW_LANG_EN, "4 previous jeugdreclasseerders"},
    };
    jbw_waitrisk_model *v2 = NULL;
    jbw_wait_case c = reason_case();
    jbw_score s;
    char buf[256];
    size_t i;
    (void)state;
    c.kind = JBW_KIND_JR_TB_GEDWONGEN;
    c.birth_date = D(2009, 3, 1); /* 16: jeugdreclassering applies */
    assert_ok(jbw_waitrisk_model_new_version(&v2, 2));
    s = score_with(v2, &c, D(2025, 9, 1));
    for (i = 0; i < sizeof want / sizeof *want; i++) {
        assert_ok(jbw_waitrisk_reason(buf, sizeof buf, v2, &c, &s, want[i].item,
                                      want[i].lang));
        assert_string_equal(buf, want[i].text);
    }
    /* version 1 (g_model) as 0.1.0 */
    s = score(&c, D(2025, 9, 1));
    assert_reason(&c, &s, JBW_ITEM_BESTAAND, JBW_LANG_NL,
                  "bestaand: jeugdbeschermer weggevallen");
    jbw_waitrisk_model_free(v2);
}

static void test_reasons_in_english_name_the_numbers(void **state)
{
    jbw_wait_case c = reason_case();
    jbw_score s = score(&c, D(2025, 9, 1));
    (void)state;
    assert_reason(&c, &s, JBW_ITEM_SAFETY, JBW_LANG_EN,
                  "safety: structurally unsafe");
    assert_reason(&c, &s, JBW_ITEM_MEASURE, JBW_LANG_EN,
                  "VOTS: emergency measure demands immediate deployment");
    assert_reason(
        &c, &s, JBW_ITEM_TIME_WAITED, JBW_LANG_EN,
        "waiting 34 working days: longer than 6 weeks (plan of action norm)");
    assert_reason(&c, &s, JBW_ITEM_BESTAAND, JBW_LANG_EN,
                  "bestaand: the jeugdbeschermer dropped out");
    assert_reason(&c, &s, JBW_ITEM_AGE, JBW_LANG_EN, "age 3: younger than 4");
    assert_reason(&c, &s, JBW_ITEM_NO_CONTACT, JBW_LANG_EN,
                  "no contact for 23 working days");
    assert_reason(&c, &s, JBW_ITEM_HANDOVERS, JBW_LANG_EN,
                  "4 previous jeugdbeschermers");
}

static void test_reasons_of_the_other_rules(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c = zero_case("R-2", d);
    jbw_score s;
    (void)state;
    c.safety = JBW_SAFETY_ACUTE;
    c.jr_risk = JBW_JR_RISK_HIGH;
    c.birth_date = D(2018, 1, 1); /* 7 */
    c.last_contact = JBW_DATE_NONE;
    c.waiting_since = D(2025, 8, 18); /* 10 werkdagen (see the band test) */
    s = score(&c, d);
    assert_reason(
        &c, &s, JBW_ITEM_ACUTE, JBW_LANG_NL,
        "directe onveiligheid: noodoplossing dezelfde werkdag, band acuut");
    assert_reason(&c, &s, JBW_ITEM_SAFETY, JBW_LANG_NL, ""); /* acute: 0 */
    assert_reason(&c, &s, JBW_ITEM_MEASURE, JBW_LANG_NL,
                  "jeugdreclassering: risico hoog (LIJ)");
    assert_reason(&c, &s, JBW_ITEM_MEASURE, JBW_LANG_EN,
                  "jeugdreclassering: risk level high (LIJ)");
    assert_reason(
        &c, &s, JBW_ITEM_TIME_WAITED, JBW_LANG_NL,
        "wacht 10 werkdagen: langer dan 5 werkdagen (norm eerste contact)");
    assert_reason(&c, &s, JBW_ITEM_TIME_WAITED, JBW_LANG_EN,
                  "waiting 10 working days: longer than 5 working days (first "
                  "contact norm)");
    assert_reason(&c, &s, JBW_ITEM_AGE, JBW_LANG_NL,
                  "leeftijd 7 jaar: jonger dan 12");
    assert_reason(&c, &s, JBW_ITEM_AGE, JBW_LANG_EN, "age 7: younger than 12");
    assert_reason(&c, &s, JBW_ITEM_NO_CONTACT, JBW_LANG_NL, ""); /* 10: 0 */

    c.waiting_since = D(2025, 3, 28); /* long ago; never seen */
    c.birth_date = JBW_DATE_NONE;
    c.kind = JBW_KIND_OTS;
    c.placement = JBW_PLACEMENT_PLACED;
    s = score(&c, d);
    assert_true(s.workdays_waiting > 65);
    assert_true(s.workdays_no_contact > 20);
    {
        char want[128];
        snprintf(
            want, sizeof want,
            "wacht %ld werkdagen: langer dan 3 maanden (norm passende hulp)",
            (long)s.workdays_waiting);
        assert_reason(&c, &s, JBW_ITEM_TIME_WAITED, JBW_LANG_NL, want);
        snprintf(want, sizeof want,
                 "geen contact sinds %ld werkdagen (sinds begin wachten)",
                 (long)s.workdays_no_contact);
        assert_reason(&c, &s, JBW_ITEM_NO_CONTACT, JBW_LANG_NL, want);
        snprintf(want, sizeof want,
                 "no contact for %ld working days (since waiting began)",
                 (long)s.workdays_no_contact);
        assert_reason(&c, &s, JBW_ITEM_NO_CONTACT, JBW_LANG_EN, want);
    }
    assert_reason(&c, &s, JBW_ITEM_AGE, JBW_LANG_NL, "leeftijd onbekend");
    assert_reason(&c, &s, JBW_ITEM_AGE, JBW_LANG_EN, "age unknown");
    assert_reason(
        &c, &s, JBW_ITEM_MEASURE, JBW_LANG_NL,
        "OTS met machtiging uithuisplaatsing: voorrang (kabinet, nov. 2022)");
}

static void test_reason_of_a_moved_boundary_gives_the_werkdagen(void **state)
{
    jbw_date d = D(2025, 9, 2); /* Tue */
    jbw_waitrisk_model *m = parse_model("name = test-grens\nversion = 3\n"
                                        "time.boundary1 = 0\n"
                                        "points.time.6_30 = 7\n");
    jbw_wait_case c = zero_case("R-3", d);
    jbw_score s;
    char buf[256];
    (void)state;
    c.waiting_since = D(2025, 9, 1); /* 1 werkdag: more than 0 */
    s = score_with(m, &c, d);
    assert_int_equal(s.item_points[JBW_ITEM_TIME_WAITED], 7);
    assert_ok(jbw_waitrisk_reason(buf, sizeof buf, m, &c, &s,
                                  JBW_ITEM_TIME_WAITED, JBW_LANG_NL));
    assert_string_equal(buf, "wacht 1 werkdag: langer dan 0 werkdagen");
    assert_ok(jbw_waitrisk_reason(buf, sizeof buf, m, &c, &s,
                                  JBW_ITEM_TIME_WAITED, JBW_LANG_EN));
    assert_string_equal(buf,
                        "waiting 1 working day: longer than 0 working days");
    jbw_waitrisk_model_free(m);
}

static void test_reason_refuses_bad_arguments_and_small_buffers(void **state)
{
    jbw_wait_case c = reason_case();
    jbw_score s = score(&c, D(2025, 9, 1));
    jbw_score bad = s;
    char buf[256], small[8];
    (void)state;
    memset(small, 'x', sizeof small);
    /* "veiligheid: structureel onveilig" is 32 bytes + NUL */
    assert_status(jbw_waitrisk_reason(small, sizeof small, g_model, &c, &s,
                                      JBW_ITEM_SAFETY, JBW_LANG_NL),
                  JBW_EBUFFER);
    assert_error_contains("33 bytes");
    assert_int_equal(small[0], 'x'); /* untouched */
    assert_status(jbw_waitrisk_reason(buf, 0, g_model, &c, &s, JBW_ITEM_SAFETY,
                                      JBW_LANG_NL),
                  JBW_EBUFFER);
    assert_status(jbw_waitrisk_reason(NULL, 8, g_model, &c, &s, JBW_ITEM_SAFETY,
                                      JBW_LANG_NL),
                  JBW_EINVAL);
    assert_status(jbw_waitrisk_reason(buf, sizeof buf, NULL, &c, &s,
                                      JBW_ITEM_SAFETY, JBW_LANG_NL),
                  JBW_EINVAL);
    assert_error_contains("model");
    assert_status(jbw_waitrisk_reason(buf, sizeof buf, g_model, NULL, &s,
                                      JBW_ITEM_SAFETY, JBW_LANG_NL),
                  JBW_EINVAL);
    assert_status(jbw_waitrisk_reason(buf, sizeof buf, g_model, &c, NULL,
                                      JBW_ITEM_SAFETY, JBW_LANG_NL),
                  JBW_EINVAL);
    assert_status(jbw_waitrisk_reason(buf, sizeof buf, g_model, &c, &s,
                                      (jbw_item)JBW_ITEM_COUNT, JBW_LANG_NL),
                  JBW_EINVAL);
    assert_error_contains("item 12");
    assert_status(jbw_waitrisk_reason(buf, sizeof buf, g_model, &c, &s,
                                      JBW_ITEM_SAFETY, (jbw_lang)2),
                  JBW_EINVAL);
    assert_error_contains("language 2");
    bad.version = 9;
    assert_status(jbw_waitrisk_reason(buf, sizeof buf, g_model, &c, &bad,
                                      JBW_ITEM_SAFETY, JBW_LANG_NL),
                  JBW_EVERSION);
    c.kind = (jbw_kind)77;
    assert_status(jbw_waitrisk_reason(buf, sizeof buf, g_model, &c, &s,
                                      JBW_ITEM_MEASURE, JBW_LANG_NL),
                  JBW_EINVAL);
}

/* ---- validation ------------------------------------------------------ */

/* Scores `c` and expects `status`, the case id and `field` in the detail,
 * and the output untouched. */
static void expect_case_error(const jbw_wait_case *c, jbw_date date,
                              jbw_status status, const char *field)
{
    jbw_score s;
    memset(&s, 0x77, sizeof s);
    s.version = JBW_SCORE_VERSION;
    assert_status(jbw_waitrisk_score(&s, g_model, g_cal, c, date), status);
    if (c->id)
        assert_error_contains(c->id);
    assert_error_contains(field);
    assert_int_equal(s.points, 0x77777777); /* untouched */
}

static void test_impossible_dates_are_einval_naming_id_and_field(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c;
    (void)state;
    c = zero_case("X-ws-none", d);
    c.waiting_since = JBW_DATE_NONE;
    expect_case_error(&c, d, JBW_EINVAL, "'waiting_since' is required");

    c = zero_case("X-ws-late", d);
    c.waiting_since = D(2025, 9, 2);
    c.last_contact = JBW_DATE_NONE;
    expect_case_error(
        &c, d, JBW_EINVAL,
        "'waiting_since' (2025-09-02) is after the date 2025-09-01");

    c = zero_case("X-birth", d);
    c.waiting_since = D(2025, 8, 1);
    c.birth_date = D(2025, 8, 4); /* born after the wait began */
    expect_case_error(
        &c, d, JBW_EINVAL,
        "'birth_date' (2025-08-04) is after waiting_since (2025-08-01)");

    c = zero_case("X-birth-future", d);
    c.birth_date = D(2026, 1, 1);
    expect_case_error(&c, d, JBW_EINVAL, "'birth_date'");

    c = zero_case("X-contact", d);
    c.last_contact = D(2025, 9, 3);
    expect_case_error(&c, d, JBW_EINVAL,
                      "'last_contact' (2025-09-03) is after the date");

    c = zero_case("X-contact-birth", d);
    c.birth_date = D(2020, 5, 5);
    c.last_contact = D(2019, 1, 1);
    expect_case_error(&c, d, JBW_EINVAL,
                      "'last_contact' (2019-01-01) is before birth_date");

    c = zero_case("X-range", d);
    c.waiting_since = -30000; /* before 1900 */
    expect_case_error(&c, d, JBW_ERANGE, "'waiting_since'");

    c = zero_case("X-range-birth", d);
    c.birth_date = -30000;
    expect_case_error(&c, d, JBW_ERANGE, "'birth_date'");

    c = zero_case("X-prev", d);
    c.previous_workers = -1;
    expect_case_error(&c, d, JBW_EINVAL, "'previous_workers'");
}

static void test_enum_values_out_of_range_are_einval(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c;
    (void)state;
    c = zero_case("E-kind", d);
    c.kind = (jbw_kind)JBW_KIND_COUNT;
    expect_case_error(&c, d, JBW_EINVAL, "'kind': 12");
    c = zero_case("E-kind-neg", d);
    c.kind = (jbw_kind)-1;
    expect_case_error(&c, d, JBW_EINVAL, "'kind'");
    c = zero_case("E-safety", d);
    c.safety = (jbw_safety)5;
    expect_case_error(&c, d, JBW_EINVAL, "'safety': 5");
    c = zero_case("E-placement", d);
    c.placement = (jbw_placement)3;
    expect_case_error(&c, d, JBW_EINVAL, "'placement': 3");
    c = zero_case("E-risk", d);
    c.jr_risk = (jbw_jr_risk)4;
    expect_case_error(&c, d, JBW_EINVAL, "'jr_risk': 4");
}

static void test_score_refuses_null_versions_and_dates(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case c = zero_case("V-1", d);
    jbw_score s;
    (void)state;
    memset(&s, 0, sizeof s);
    s.version = JBW_SCORE_VERSION;
    assert_status(jbw_waitrisk_score(NULL, g_model, g_cal, &c, d), JBW_EINVAL);
    assert_status(jbw_waitrisk_score(&s, NULL, g_cal, &c, d), JBW_EINVAL);
    assert_error_contains("model");
    assert_status(jbw_waitrisk_score(&s, g_model, NULL, &c, d), JBW_EINVAL);
    assert_error_contains("cal");
    assert_status(jbw_waitrisk_score(&s, g_model, g_cal, NULL, d), JBW_EINVAL);
    assert_status(jbw_waitrisk_score(&s, g_model, g_cal, &c, JBW_DATE_NONE),
                  JBW_ERANGE);
    assert_error_contains("JBW_DATE_NONE");
    assert_status(jbw_waitrisk_score(&s, g_model, g_cal, &c, 90000),
                  JBW_ERANGE);
    s.version = 2;
    assert_status(jbw_waitrisk_score(&s, g_model, g_cal, &c, d), JBW_EVERSION);
    assert_error_contains("score version 2");
    s.version = JBW_SCORE_VERSION;
    c.version = 0;
    assert_status(jbw_waitrisk_score(&s, g_model, g_cal, &c, d), JBW_EVERSION);
    assert_error_contains("version 0");
}

static void test_due_date_past_2199_is_erange_naming_the_case(void **state)
{
    jbw_date d = D(2199, 12, 31); /* a Tuesday */
    jbw_wait_case c = zero_case("Far-1", d);
    jbw_score s;
    (void)state;
    memset(&s, 0, sizeof s);
    s.version = JBW_SCORE_VERSION;
    /* laag: 20 werkdagen after 31 Dec 2199 lies in 2200 */
    assert_status(jbw_waitrisk_score(&s, g_model, g_cal, &c, d), JBW_ERANGE);
    assert_error_contains("Far-1");
}

/* ---- batch ----------------------------------------------------------- */

/* A small deterministic generator (Numerical Recipes LCG). */
static uint32_t lcg(uint32_t *x)
{
    *x = *x * 1664525u + 1013904223u;
    return *x >> 8;
}

/* Cases of every kind and level; waits of up to about 5.5 years, so that
 * some lie beyond any three-year shortcut; one in eight born on a
 * 29 February. */
static void make_cases(jbw_wait_case *cases, size_t n, jbw_date d)
{
    static const int leap_years[] = {2008, 2012, 2016, 2020};
    uint32_t x = 12345;
    size_t i;
    for (i = 0; i < n; i++) {
        jbw_wait_case c = JBW_WAIT_CASE_INIT;
        c.id = "gen";
        c.kind = (jbw_kind)(lcg(&x) % JBW_KIND_COUNT);
        c.safety = (jbw_safety)(lcg(&x) % 5);
        c.placement = (jbw_placement)(lcg(&x) % 3);
        c.jr_risk = (jbw_jr_risk)(lcg(&x) % 4);
        c.waiting_since = d - (jbw_date)(lcg(&x) % 2000);
        c.birth_date = lcg(&x) % 5
                           ? c.waiting_since - (jbw_date)(lcg(&x) % 7000)
                           : JBW_DATE_NONE;
        if (lcg(&x) % 8 == 0)
            c.birth_date = D(leap_years[lcg(&x) % 4], 2, 29);
        if (c.birth_date != JBW_DATE_NONE && c.birth_date > c.waiting_since)
            c.birth_date = c.waiting_since;
        c.last_contact =
            lcg(&x) % 3 ? d - (jbw_date)(lcg(&x) % 60) : JBW_DATE_NONE;
        if (c.last_contact != JBW_DATE_NONE && c.birth_date != JBW_DATE_NONE &&
            c.last_contact < c.birth_date)
            c.last_contact = c.birth_date;
        c.previous_workers = (int)(lcg(&x) % 5);
        cases[i] = c;
    }
}

/* A batch fills per-date tables; one case at a time computes directly.
 * Both must agree on every field, also around 29 February. */
static void test_batch_equals_one_by_one(void **state)
{
    enum { N = 400 };
    jbw_date dates[5];
    jbw_wait_case *cases = calloc(N, sizeof *cases);
    jbw_score *batch = calloc(N, sizeof *batch);
    size_t i, k;
    (void)state;
    dates[0] = D(2025, 6, 4);
    dates[1] = D(2028, 2, 29); /* a leap day */
    dates[2] = D(2027, 2, 28); /* the day before a 29 Feb birthday counts */
    dates[3] = D(2027, 3, 1);
    dates[4] = D(2024, 2, 29);
    assert_non_null(cases);
    assert_non_null(batch);
    for (k = 0; k < sizeof dates / sizeof *dates; k++) {
        make_cases(cases, N, dates[k]);
        assert_ok(jbw_waitrisk_score_batch(batch, g_model, g_cal, cases, N,
                                           dates[k]));
        for (i = 0; i < N; i++) {
            jbw_score one = score(&cases[i], dates[k]);
            assert_int_equal(batch[i].version, JBW_SCORE_VERSION);
            assert_memory_equal(&one, &batch[i], sizeof one);
            if (cases[i].birth_date != JBW_DATE_NONE) {
                int32_t years = -1;
                assert_ok(
                    jbw_years_between(&years, cases[i].birth_date, dates[k]));
                assert_int_equal(batch[i].age_years, years);
            }
        }
    }
    free(cases);
    free(batch);
}

static void test_batch_error_names_the_index_and_id(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_wait_case cases[3];
    jbw_score out[3];
    (void)state;
    cases[0] = zero_case("OK-0", d);
    cases[1] = zero_case("BAD-1", d);
    cases[2] = zero_case("OK-2", d);
    cases[1].waiting_since = D(2025, 9, 2);
    cases[1].last_contact = JBW_DATE_NONE;
    assert_status(jbw_waitrisk_score_batch(out, g_model, g_cal, cases, 3, d),
                  JBW_EINVAL);
    assert_error_contains("cases[1] (id 'BAD-1')");
    assert_error_contains("waiting_since");
    cases[1] = zero_case(NULL, d);
    cases[1].version = 5;
    assert_status(jbw_waitrisk_score_batch(out, g_model, g_cal, cases, 3, d),
                  JBW_EVERSION);
    assert_error_contains("cases[1]");
    assert_ok(jbw_waitrisk_score_batch(NULL, g_model, g_cal, NULL, 0, d));
    assert_status(jbw_waitrisk_score_batch(out, g_model, g_cal, NULL, 3, d),
                  JBW_EINVAL);
    assert_status(jbw_waitrisk_score_batch(out, NULL, g_cal, cases, 3, d),
                  JBW_EINVAL);
    assert_status(
        jbw_waitrisk_score_batch(out, g_model, g_cal, cases, 3, JBW_DATE_NONE),
        JBW_ERANGE);
}

/* ---- ranking --------------------------------------------------------- */

static void test_rank_orders_band_points_waited_id_then_position(void **state)
{
    static const struct {
        jbw_band band;
        int points;
        int32_t waited;
        const char *id;
    } rows[] = {
        {JBW_BAND_HOOG, 60, 10, "B"},   /* 0 */
        {JBW_BAND_ACUUT, 40, 5, "Z"},   /* 1: band beats points */
        {JBW_BAND_HOOG, 60, 12, "C"},   /* 2 */
        {JBW_BAND_HOOG, 60, 12, "A"},   /* 3 */
        {JBW_BAND_HOOG, 70, 1, "Y"},    /* 4: points beat waiting */
        {JBW_BAND_HOOG, 60, 12, NULL},  /* 5: no id sorts after ids */
        {JBW_BAND_HOOG, 60, 12, "A"},   /* 6: same as 3: position */
        {JBW_BAND_MIDDEN, 49, 99, "0"}, /* 7 */
        {JBW_BAND_HOOG, 60, 12, "Ab"},  /* 8: "A" < "Ab" < "C" */
        {JBW_BAND_HOOG, 60, 12, NULL},  /* 9: after 5 */
    };
    /* acuut first (1); hoog 70 (4); hoog 60 waited 12 by id: A (3, 6),
     * Ab (8), C (2), then no id (5, 9); hoog 60 waited 10 (0); midden (7) */
    static const size_t expected[] = {1, 4, 3, 6, 8, 2, 5, 9, 0, 7};
    enum { N = sizeof rows / sizeof *rows };
    jbw_score scores[N];
    jbw_wait_case cases[N];
    size_t order[N], i;
    (void)state;
    for (i = 0; i < N; i++) {
        memset(&scores[i], 0, sizeof scores[i]);
        scores[i].version = JBW_SCORE_VERSION;
        scores[i].band = rows[i].band;
        scores[i].points = rows[i].points;
        scores[i].workdays_waiting = rows[i].waited;
        cases[i] = zero_case(rows[i].id, 0);
    }
    assert_ok(jbw_waitrisk_rank(order, scores, cases, N));
    for (i = 0; i < N; i++)
        assert_int_equal(order[i], expected[i]);
}

static void test_rank_refuses_null_and_accepts_empty(void **state)
{
    jbw_score s;
    jbw_wait_case c = zero_case("1", 0);
    size_t order[1] = {99};
    (void)state;
    memset(&s, 0, sizeof s);
    assert_ok(jbw_waitrisk_rank(NULL, NULL, NULL, 0));
    assert_status(jbw_waitrisk_rank(NULL, &s, &c, 1), JBW_EINVAL);
    assert_status(jbw_waitrisk_rank(order, NULL, &c, 1), JBW_EINVAL);
    assert_error_contains("scores");
    assert_status(jbw_waitrisk_rank(order, &s, NULL, 1), JBW_EINVAL);
    assert_int_equal(order[0], 99);
    assert_ok(jbw_waitrisk_rank(order, &s, &c, 1));
    assert_int_equal(order[0], 0);
}

/* ---- model files ----------------------------------------------------- */

static void expect_model_error(const char *text, jbw_status status,
                               const char *detail)
{
    jbw_waitrisk_model *m = (jbw_waitrisk_model *)&m; /* a sentinel */
    jbw_waitrisk_model *sentinel = m;
    assert_status(jbw_waitrisk_model_parse(&m, text, strlen(text), "model.txt"),
                  status);
    assert_error_contains(detail);
    assert_ptr_equal(m, sentinel); /* untouched */
}

static void test_model_file_refuses_protected_attributes(void **state)
{
    (void)state;
    expect_model_error("name = regio\nversion = 2\n# a comment\n"
                       "points.nationality = 5\n",
                       JBW_EPROTECTED,
                       "model.txt line 4: a protected attribute can never "
                       "be a model input: 'nationality'");
    expect_model_error("name = x\nversion = 1\npoints.Nationaliteit.NL = 5\n",
                       JBW_EPROTECTED,
                       "line 3: a protected attribute can never be a model "
                       "input: 'Nationaliteit'");
    expect_model_error("name = x\nversion = 1\nethnicity = 1\n", JBW_EPROTECTED,
                       "'ethnicity'");
    expect_model_error("name = x\nversion = 1\npoints.etniciteit = 1\n",
                       JBW_EPROTECTED, "'etniciteit'");
    expect_model_error("name = x\nversion = 1\nreligion.points = 1\n",
                       JBW_EPROTECTED, "'religion'");
    expect_model_error("name = x\nversion = 1\npoints.geloof = 1\n",
                       JBW_EPROTECTED, "'geloof'");
    expect_model_error("name = x\nversion = 1\ncountry_of_birth = 1\n",
                       JBW_EPROTECTED, "'country_of_birth'");
    expect_model_error("name = x\nversion = 1\npoints.geboorteland = 1\n",
                       JBW_EPROTECTED, "'geboorteland'");
    expect_model_error("name = x\nversion = 1\nmigratieachtergrond = 1\n",
                       JBW_EPROTECTED, "'migratieachtergrond'");
    expect_model_error("name = x\nversion = 1\npoints.ras = 1\n",
                       JBW_EPROTECTED, "'ras'");
    expect_model_error("name = x\nversion = 1\npoints.race.a = 1\n",
                       JBW_EPROTECTED, "'race'");
    expect_model_error("name = x\nversion = 1\npoints.afkomst = 1\n",
                       JBW_EPROTECTED, "'afkomst'");
    /* in a value, and before any other error of the file */
    expect_model_error("name = x\nversion = 1\ndescription = weighs herkomst\n",
                       JBW_EPROTECTED, "model input: 'herkomst'");
    expect_model_error("this line is malformed\nname = birth-country\n",
                       JBW_EPROTECTED,
                       "line 2: a protected attribute can never be a model "
                       "input: 'birth-country'");
}

static void
test_model_file_words_that_only_contain_ras_are_not_protected(void **state)
{
    jbw_waitrisk_model *m;
    (void)state;
    /* "trace" contains "race" and "grass" contains "ras": not protected,
     * so the key is an ordinary unknown key */
    expect_model_error("name = x\nversion = 1\npoints.trace = 1\n", JBW_EPARSE,
                       "unknown key 'points.trace'");
    /* comments may name anything */
    m = parse_model("# never uses nationality or religion\nname = grassland\n"
                    "version = 1\npoints.bestaand = 11 # not ras\n");
    assert_string_equal(jbw_waitrisk_model_name(m), "grassland");
    jbw_waitrisk_model_free(m);
}

static void
test_model_file_malformed_and_unknown_keys_name_the_line(void **state)
{
    (void)state;
    expect_model_error("name = x\nversion = 1\nthis is not a pair\n",
                       JBW_EPARSE, "model.txt line 3");
    expect_model_error("name = x\nversion = 1\n\npoints.foo = 3\n", JBW_EPARSE,
                       "model.txt line 4: unknown key 'points.foo'");
    expect_model_error("name = x\nversion = 1\npoints.ots = abc\n", JBW_EPARSE,
                       "unknown key 'points.ots'");
    expect_model_error(
        "name = x\nversion = 1\npoints.measure.ots = abc\n", JBW_EPARSE,
        "line 3: 'points.measure.ots' is not a whole number: 'abc'");
    /* where (line and key), why, then the value refused */
    assert_reason_before_value("model.txt line 3: 'points.measure.ots' is not "
                               "a whole number",
                               "abc");
    expect_model_error("name = x\nversion = 1\npoints.measure.ots = 2.5\n",
                       JBW_EPARSE, "not a whole number");
    expect_model_error(
        "name = x\nversion = 1\npoints.safety.unsafe = -5\n", JBW_EPARSE,
        "line 3: 'points.safety.unsafe' must not be negative: -5");
    expect_model_error(
        "name = x\nversion = 1\npoints.safety.unsafe = 99999999999\n",
        JBW_EPARSE, "outside 0..1000");
    expect_model_error("name = x\nversion = 1\npoints.acute = 0\n", JBW_EPARSE,
                       "'points.acute' is outside 1..1000: 0");
    expect_model_error("name = x\nversion = 0\n", JBW_EPARSE,
                       "'version' is outside 1..");
    expect_model_error("name = x\nversion = 1\nversion = 2\n", JBW_EPARSE,
                       "line 3: 'version' is given twice (first on line 2)");
    expect_model_error("name = \nversion = 1\n", JBW_EPARSE, "'name' is empty");
    expect_model_error("name = x\nversion = 1\ncontact.hoog = 0\n", JBW_EPARSE,
                       "'contact.hoog' is outside 1..250: 0");
}

static void test_model_file_must_set_name_and_version(void **state)
{
    (void)state;
    expect_model_error("version = 2\npoints.bestaand = 12\n", JBW_EPARSE,
                       "model.txt: the model file must set 'name'");
    expect_model_error("name = regio-zhz\npoints.bestaand = 12\n", JBW_EPARSE,
                       "must set 'version'");
    expect_model_error("", JBW_EPARSE, "must set 'name'");
    /* the default's name and version with other points would pass as
     * the default: refused */
    expect_model_error(
        "name = jbw-wachtrisico\nversion = 1\n"
        "points.bestaand = 12\n",
        JBW_EPARSE, "line 3: 'points.bestaand' differs from the default model");
}

static void test_model_file_thresholds_must_be_in_order(void **state)
{
    (void)state;
    expect_model_error(
        "name = x\nversion = 1\nband.hoog.min = 90\n", JBW_EPARSE,
        "line 3: band.hoog.min (90) must be below band.acuut.min (80)");
    expect_model_error("name = x\nversion = 1\nband.midden.min = 50\n",
                       JBW_EPARSE,
                       "band.midden.min (50) must be below band.hoog.min (50)");
    expect_model_error("name = x\nversion = 1\ntime.boundary2 = 70\n",
                       JBW_EPARSE,
                       "time.boundary2 (70) must be below time.boundary3 (65)");
    expect_model_error("name = x\nversion = 1\nage.boundary1 = 12\n",
                       JBW_EPARSE,
                       "age.boundary1 (12) must be below age.boundary2 (12)");
    expect_model_error("name = x\nversion = 1\nno_contact.threshold1 = 20\n",
                       JBW_EPARSE, "no_contact.threshold1 (20) must be below");
    expect_model_error(
        "name = x\nversion = 1\ncontact.hoog = 30\n", JBW_EPARSE,
        "contact.hoog (30) must not be above contact.midden (10)");
}

static void test_model_parse_refuses_null(void **state)
{
    jbw_waitrisk_model *m = NULL;
    (void)state;
    assert_status(jbw_waitrisk_model_parse(NULL, "x", 1, NULL), JBW_EINVAL);
    assert_status(jbw_waitrisk_model_parse(&m, NULL, 5, NULL), JBW_EINVAL);
    assert_null(m);
    /* NULL with length 0 is an empty file: no name */
    assert_status(jbw_waitrisk_model_parse(&m, NULL, 0, NULL), JBW_EPARSE);
    assert_error_contains("(model)");
}

static void test_changed_points_take_effect_and_carry_the_name(void **state)
{
    jbw_date d = D(2025, 9, 1);
    jbw_waitrisk_model *m =
        parse_model("name = regio-zhz\nversion = 4\ndescription = besluit "
                    "regionaal overleg 2025-03\npoints.bestaand = 40\n"
                    "contact.laag = 15\n");
    jbw_wait_case c = zero_case("P-1", d);
    jbw_score s;
    (void)state;
    assert_string_equal(jbw_waitrisk_model_name(m), "regio-zhz");
    assert_int_equal(jbw_waitrisk_model_version(m), 4);
    c.previous_workers = 1;
    s = score_with(m, &c, d);
    assert_int_equal(s.item_points[JBW_ITEM_BESTAAND], 40);
    assert_int_equal(s.band, JBW_BAND_MIDDEN); /* 40: 25-49 */
    c.previous_workers = 0;
    s = score_with(m, &c, d);
    assert_int_equal(s.band, JBW_BAND_LAAG);
    /* 15 werkdagen after Mon 1 Sep: 5 per week, Mon 22 Sep */
    assert_int_equal(s.next_contact_due, D(2025, 9, 22));
    assert_int_equal(jbw_waitrisk_model_contact_interval(m, JBW_BAND_LAAG), 15);
    /* a version of the default's name that libjbw has not published may
     * change points (1 and 2 are published and must keep theirs) */
    jbw_waitrisk_model_free(m);
    m = parse_model(
        "name = jbw-wachtrisico\nversion = 3\npoints.bestaand = 12\n");
    c.previous_workers = 1;
    s = score_with(m, &c, d);
    assert_int_equal(s.points, 12);
    jbw_waitrisk_model_free(m);
}

static void test_save_then_parse_gives_the_same_model(void **state)
{
    jbw_waitrisk_model *m, *back;
    char *text = NULL, *again = NULL;
    size_t len = 0, len2 = 0;
    (void)state;
    assert_ok(jbw_waitrisk_model_save(&text, &len, g_model));
    assert_int_equal(len, strlen(text));
    assert_non_null(strstr(text, "name = jbw-wachtrisico\nversion = 1\n"));
    assert_non_null(strstr(text, "points.safety.unsafe = 30\n"));
    assert_non_null(strstr(text, "points.measure.vots = 25\n"));
    assert_non_null(strstr(text, "points.time.6_30 = 15\n"));
    assert_non_null(strstr(text, "band.acuut.min = 80\n"));
    assert_non_null(strstr(text, "band.hoog.min = 50\n"));
    assert_non_null(strstr(text, "band.midden.min = 25\n"));
    assert_non_null(strstr(text, "time.boundary1 = 5\n"));
    assert_non_null(strstr(text, "contact.hoog = 5\n"));
    assert_non_null(strstr(text, "points.acute = 100\n"));
    /* the default's own file parses as the default */
    back = parse_model(text);
    assert_string_equal(jbw_waitrisk_model_name(back), "jbw-wachtrisico");
    assert_ok(jbw_waitrisk_model_save(&again, &len2, back));
    assert_string_equal(text, again);
    jbw_free(text);
    jbw_free(again);
    jbw_waitrisk_model_free(back);

    m = parse_model("name = regio-x\nversion = 7\ndescription = test\n"
                    "points.age.under_4 = 20\nband.hoog.min = 55\n");
    assert_ok(jbw_waitrisk_model_save(&text, &len, m));
    assert_non_null(strstr(text, "description = test\n"));
    back = parse_model(text);
    assert_ok(jbw_waitrisk_model_save(&again, &len2, back));
    assert_string_equal(text, again);
    assert_int_equal(jbw_waitrisk_model_version(back), 7);
    jbw_free(text);
    jbw_free(again);
    jbw_waitrisk_model_free(back);
    jbw_waitrisk_model_free(m);
    assert_status(jbw_waitrisk_model_save(NULL, NULL, g_model), JBW_EINVAL);
    assert_status(jbw_waitrisk_model_save(&text, NULL, NULL), JBW_EINVAL);
}

static void test_model_load_reads_a_file_and_reports_io_errors(void **state)
{
    const char *path = "test_waitrisk_model.tmp";
    const char *text = "name = regio-file\nversion = 2\n\nnationality = 3\n";
    jbw_waitrisk_model *m = NULL;
    FILE *f;
    (void)state;
    assert_status(jbw_waitrisk_model_load(&m, "/nonexistent/dir/model.txt"),
                  JBW_EIO);
    assert_error_contains("/nonexistent/dir/model.txt");
    assert_status(jbw_waitrisk_model_load(NULL, path), JBW_EINVAL);
    assert_status(jbw_waitrisk_model_load(&m, NULL), JBW_EINVAL);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_status(jbw_waitrisk_model_load(&m, path), JBW_EPROTECTED);
    assert_error_contains(
        "test_waitrisk_model.tmp line 4: a protected attribute");
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs("name = regio-file\nversion = 2\n", f);
    fclose(f);
    assert_ok(jbw_waitrisk_model_load(&m, path));
    assert_string_equal(jbw_waitrisk_model_name(m), "regio-file");
    jbw_waitrisk_model_free(m);
    remove(path);
}

/* ---- snapshots: triage ----------------------------------------------- */

/* A synthetic registry: regions ZHZ, HGL, MH; JBWEST serves all three,
 * WSS serves ZHZ. */
static jbw_registry *make_registry(void)
{
    jbw_registry *reg = NULL;
    assert_ok(jbw_registry_new(&reg));
    assert_ok(jbw_registry_add_region(reg, "ZHZ", "Zuid-Holland Zuid", "JZ20"));
    assert_ok(jbw_registry_add_region(reg, "HGL", "Haaglanden", "JZ24"));
    assert_ok(jbw_registry_add_region(reg, "MH", "Midden-Holland", NULL));
    assert_ok(
        jbw_registry_add_organisation(reg, "JBWEST", "Jeugdbescherming west"));
    assert_ok(jbw_registry_add_organisation(reg, "WSS",
                                            "William Schrikker Stichting"));
    assert_ok(jbw_registry_add_service(reg, "JBWEST", "ZHZ"));
    assert_ok(jbw_registry_add_service(reg, "JBWEST", "HGL"));
    assert_ok(jbw_registry_add_service(reg, "JBWEST", "MH"));
    assert_ok(jbw_registry_add_service(reg, "WSS", "ZHZ"));
    return reg;
}

static jbw_snapshot *new_snapshot(jbw_date ref)
{
    jbw_registry *reg = make_registry();
    jbw_snapshot *s = NULL;
    assert_ok(jbw_snapshot_new(&s, reg, ref));
    jbw_registry_free(reg);
    return s;
}

/* A measure waiting since its start (nieuw) unless changed after. */
static jbw_measure measure(const char *id, const char *child,
                           const char *family, const char *org,
                           const char *region, jbw_kind kind, jbw_date start)
{
    jbw_measure m = JBW_MEASURE_INIT;
    m.id = id;
    m.child_id = child;
    m.family_id = family;
    m.organisation = org;
    m.region = region;
    m.kind = kind;
    m.start = start;
    m.safety = JBW_SAFETY_SAFE;
    m.birth_date = D(2010, 1, 1);
    return m;
}

/*
 * Reference date Mon 2025-09-01.
 *  M-A nieuw since 18 Aug (10 werkdagen: 15), OTS (10), unsafe (30), born
 *      2022-03-01 (3: 15), no contact: 10 werkdagen since the start (0).
 *      Total 70, hoog; contact every 5 werkdagen, 10 passed: due today.
 *  M-B bestaand since 15 Jul (34 werkdagen: 25), 1 earlier worker (10),
 *      voogdij (5), concerns (15), born 2013-09-02 (11: 5), last contact
 *      30 Jul (23 werkdagen: 20). Total 80, acuut; 23 >= 1: due today.
 *  M-C assigned to W-1: not waiting. M-D ended 1 Jun: not active.
 *  M-E worker W-1 since 25 Aug, started 11 Aug: waiting only before 25 Aug.
 */
static jbw_snapshot *triage_snapshot(void)
{
    jbw_snapshot *s = new_snapshot(D(2025, 9, 1));
    jbw_measure m;
    jbw_test_add_worker(s, "W-1", "JBWEST", "ZHZ", 1.0, D(2020, 1, 1),
                        JBW_DATE_NONE);
    m = measure("M-A", "K-A", NULL, "JBWEST", "ZHZ", JBW_KIND_OTS,
                D(2025, 8, 18));
    m.safety = JBW_SAFETY_UNSAFE;
    m.birth_date = D(2022, 3, 1);
    assert_ok(jbw_snapshot_add_measure(s, &m));
    m = measure("M-B", "K-B", "F-B", "JBWEST", "HGL", JBW_KIND_VOOGDIJ,
                D(2024, 1, 10));
    m.first_assigned = D(2024, 1, 12);
    m.previous_workers = 1;
    m.waiting_since = D(2025, 7, 15);
    m.safety = JBW_SAFETY_CONCERNS;
    m.birth_date = D(2013, 9, 2);
    m.last_contact = D(2025, 7, 30);
    assert_ok(jbw_snapshot_add_measure(s, &m));
    m = measure("M-C", "K-C", NULL, "JBWEST", "ZHZ", JBW_KIND_OTS,
                D(2025, 1, 6));
    m.worker_id = "W-1";
    m.first_assigned = D(2025, 1, 8);
    assert_ok(jbw_snapshot_add_measure(s, &m));
    m = measure("M-D", "K-D", NULL, "JBWEST", "ZHZ", JBW_KIND_OTS,
                D(2024, 1, 1));
    m.end = D(2025, 6, 1);
    assert_ok(jbw_snapshot_add_measure(s, &m));
    m = measure("M-E", "K-E", NULL, "JBWEST", "ZHZ", JBW_KIND_VOTS,
                D(2025, 8, 11));
    m.worker_id = "W-1";
    m.first_assigned = D(2025, 8, 25);
    m.last_contact = D(2025, 8, 26);
    assert_ok(jbw_snapshot_add_measure(s, &m));
    return s;
}

static void test_triage_scores_and_ranks_the_waiting_measures(void **state)
{
    jbw_snapshot *s = triage_snapshot();
    jbw_triage *t = NULL;
    jbw_wait_case c;
    jbw_score sc;
    (void)state;
    assert_ok(jbw_triage_new(&t, g_model, g_cal, s, JBW_DATE_NONE));
    assert_int_equal(jbw_triage_date(t),
                     D(2025, 9, 1));          /* the reference date */
    assert_int_equal(jbw_triage_count(t), 2); /* M-A and M-B */
    c.version = JBW_WAIT_CASE_VERSION;
    sc.version = JBW_SCORE_VERSION;
    assert_ok(jbw_triage_get(&c, &sc, t, 0));
    assert_string_equal(c.id, "M-B"); /* acuut 80 first */
    assert_string_equal(c.child_id, "K-B");
    assert_string_equal(c.family_id, "F-B");
    assert_string_equal(c.organisation, "JBWEST");
    assert_string_equal(c.region, "HGL");
    assert_int_equal(c.previous_workers, 1);
    assert_int_equal(sc.points, 80);
    assert_int_equal(sc.band, JBW_BAND_ACUUT);
    assert_int_equal(sc.workdays_waiting, 34);
    assert_ok(jbw_triage_get(&c, NULL, t, 1));
    assert_string_equal(c.id, "M-A");
    assert_null(c.family_id); /* own family: not given */
    assert_ok(jbw_triage_get(NULL, &sc, t, 1));
    assert_int_equal(sc.points, 70);
    assert_int_equal(sc.band, JBW_BAND_HOOG);
    assert_int_equal(sc.next_contact_due, D(2025, 9, 1));
    assert_status(jbw_triage_get(&c, &sc, t, 2), JBW_ERANGE);
    assert_error_contains("rank 2");
    c.version = 3;
    assert_status(jbw_triage_get(&c, NULL, t, 0), JBW_EVERSION);
    sc.version = 3;
    assert_status(jbw_triage_get(NULL, &sc, t, 0), JBW_EVERSION);
    assert_status(jbw_triage_get(NULL, NULL, NULL, 0), JBW_EINVAL);
    jbw_triage_free(t);
    jbw_snapshot_free(s);
}

/* M-B lost its worker (previous_workers 1): bestaand; M-A never had
 * one: nieuw. Version 1 of the model scores 8 items, version 2 12. */
static void test_triage_state_and_item_count_by_getter(void **state)
{
    jbw_snapshot *s = triage_snapshot();
    jbw_triage *t = NULL;
    jbw_waitrisk_model *v2 = NULL;
    (void)state;
    assert_ok(jbw_triage_new(&t, g_model, g_cal, s, JBW_DATE_NONE));
    assert_int_equal(jbw_triage_state(t, 0), JBW_STATE_BESTAAND); /* M-B */
    assert_int_equal(jbw_triage_state(t, 1), JBW_STATE_NIEUW);    /* M-A */
    assert_int_equal(jbw_triage_state(t, 2), -1); /* past the 2 cases */
    assert_int_equal(jbw_triage_state(NULL, 0), -1);
    assert_int_equal(jbw_waitrisk_model_item_count(jbw_triage_model(t)), 8);
    assert_ok(jbw_waitrisk_model_new_version(&v2, 2));
    assert_int_equal(jbw_waitrisk_model_item_count(v2), 12);
    assert_int_equal(jbw_waitrisk_model_item_count(NULL), 0);
    jbw_waitrisk_model_free(v2);
    jbw_triage_free(t);
    jbw_snapshot_free(s);
}

static void
test_triage_on_an_earlier_date_sees_later_assigned_as_nieuw(void **state)
{
    jbw_snapshot *s = triage_snapshot();
    jbw_triage *t = NULL;
    jbw_wait_case c;
    jbw_score sc;
    size_t r, found = 0;
    (void)state;
    /* Wed 20 Aug: M-A (since 18 Aug), M-B (since 15 Jul) and M-E, which got
     * W-1 only on 25 Aug, wait */
    assert_ok(jbw_triage_new(&t, g_model, g_cal, s, D(2025, 8, 20)));
    assert_int_equal(jbw_triage_count(t), 3);
    for (r = 0; r < 3; r++) {
        c.version = JBW_WAIT_CASE_VERSION;
        sc.version = JBW_SCORE_VERSION;
        assert_ok(jbw_triage_get(&c, &sc, t, r));
        if (strcmp(c.id, "M-E") != 0)
            continue;
        found = 1;
        assert_int_equal(c.waiting_since, D(2025, 8, 11)); /* its start */
        assert_int_equal(c.previous_workers, 0);
        assert_int_equal(c.last_contact, JBW_DATE_NONE); /* 26 Aug is later */
        /* (11 Aug, 20 Aug]: 12-15 Aug (4), 18-20 Aug (3) = 7 */
        assert_int_equal(sc.workdays_waiting, 7);
        /* VOTS 25, time 15 (7), safe 0, age 15 (0), no contact 7 (0) */
        assert_int_equal(sc.points, 40);
    }
    assert_true(found);
    jbw_triage_free(t);
    jbw_snapshot_free(s);
}

static void test_triage_json_is_exact(void **state)
{
    jbw_snapshot *s = triage_snapshot();
    jbw_triage *t = NULL;
    char *json = NULL;
    size_t len = 0;
    /* worked out in the comment above triage_snapshot() */
    const char *expected =
        "{\"model\":{\"name\":\"jbw-wachtrisico\",\"version\":1},"
        "\"date\":\"2025-09-01\",\"waiting\":2,\"cases\":["
        "{\"id\":\"M-B\",\"rank\":1,\"band\":\"acuut\",\"points\":80,"
        "\"workdays_waiting\":34,\"next_contact_due\":\"2025-09-01\",\"items\":"
        "["
        "{\"item\":\"safety\",\"points\":15,\"reason\":\"veiligheid: zorgen "
        "over de veiligheid\"},"
        "{\"item\":\"measure\",\"points\":5,\"reason\":\"voogdij: de GI is "
        "voogd\"},"
        "{\"item\":\"time_waited\",\"points\":25,\"reason\":\"wacht 34 "
        "werkdagen: langer dan 6 weken (norm plan van aanpak)\"},"
        "{\"item\":\"bestaand\",\"points\":10,\"reason\":\"bestaand: "
        "jeugdbeschermer weggevallen\"},"
        "{\"item\":\"age\",\"points\":5,\"reason\":\"leeftijd 11 jaar: jonger "
        "dan 12\"},"
        "{\"item\":\"no_contact\",\"points\":20,\"reason\":\"geen contact "
        "sinds 23 werkdagen\"}],"
        "\"organisation\":\"JBWEST\",\"region\":\"HGL\",\"state\":\"bestaand\","
        "\"workdays_no_contact\":23},"
        "{\"id\":\"M-A\",\"rank\":2,\"band\":\"hoog\",\"points\":70,"
        "\"workdays_waiting\":10,\"next_contact_due\":\"2025-09-01\",\"items\":"
        "["
        "{\"item\":\"safety\",\"points\":30,\"reason\":\"veiligheid: "
        "structureel onveilig\"},"
        "{\"item\":\"measure\",\"points\":10,\"reason\":\"OTS: voorrang voor "
        "kinderen onder toezicht (kabinet, nov. 2022)\"},"
        "{\"item\":\"time_waited\",\"points\":15,\"reason\":\"wacht 10 "
        "werkdagen: langer dan 5 werkdagen (norm eerste contact)\"},"
        "{\"item\":\"age\",\"points\":15,\"reason\":\"leeftijd 3 jaar: jonger "
        "dan 4\"}],"
        "\"organisation\":\"JBWEST\",\"region\":\"ZHZ\",\"state\":\"nieuw\","
        "\"workdays_no_contact\":10}]}\n";
    (void)state;
    assert_ok(jbw_triage_new(&t, g_model, g_cal, s, D(2025, 9, 1)));
    assert_ok(jbw_triage_json(&json, &len, t, 0, JBW_LANG_NL));
    assert_string_equal(json, expected);
    assert_int_equal(len, strlen(expected));
    jbw_free(json);
    /* top 1: only M-B; "waiting" still counts both */
    assert_ok(jbw_triage_json(&json, NULL, t, 1, JBW_LANG_EN));
    assert_non_null(strstr(json, "\"waiting\":2,"));
    assert_non_null(strstr(json, "\"M-B\""));
    assert_null(strstr(json, "\"M-A\""));
    assert_non_null(strstr(json, "waiting 34 working days"));
    jbw_free(json);
    assert_status(jbw_triage_json(NULL, NULL, t, 0, JBW_LANG_NL), JBW_EINVAL);
    assert_status(jbw_triage_json(&json, NULL, NULL, 0, JBW_LANG_NL),
                  JBW_EINVAL);
    assert_status(jbw_triage_json(&json, NULL, t, 0, (jbw_lang)5), JBW_EINVAL);
    jbw_triage_free(t);
    jbw_snapshot_free(s);
}

static void test_triage_csv_and_text(void **state)
{
    jbw_snapshot *s = triage_snapshot();
    jbw_triage *t = NULL;
    char *out = NULL;
    (void)state;
    assert_ok(jbw_triage_new(&t, g_model, g_cal, s, D(2025, 9, 1)));
    assert_ok(jbw_triage_csv(&out, NULL, t, 0, JBW_LANG_EN));
    assert_non_null(strstr(
        out,
        "rank,id,organisation,region,state,band,points,workdays_waiting,"
        "workdays_no_contact,age_years,next_contact_due,acute,safety,measure,"
        "time_waited,bestaand,age,no_contact,handovers,reasons,model,"
        "model_version\n"));
    /* M-A: items 0,30,10,15,0,15,0,0 (see triage_snapshot); the reasons
     * hold a comma, so the field is quoted (RFC 4180) */
    assert_non_null(strstr(
        out,
        "2,M-A,JBWEST,ZHZ,nieuw,hoog,70,10,10,3,2025-09-01,0,30,10,15,0,15,0,0,"
        "\"safety: structurally unsafe | OTS: priority for children under "
        "supervision (cabinet, Nov 2022) | waiting 10 working days: longer "
        "than 5 working days (first contact norm) | age 3: younger than 4\","
        "jbw-wachtrisico,1\n"));
    jbw_free(out);
    assert_ok(jbw_triage_text(&out, NULL, t, 1, JBW_LANG_NL));
    assert_non_null(
        strstr(out, "Wachtlijst op 2025-09-01 (model jbw-wachtrisico versie "
                    "1): 2 wachtend, eerste 1"));
    assert_non_null(strstr(out, "M-B"));
    assert_non_null(strstr(out, "+15  veiligheid: zorgen over de veiligheid"));
    assert_null(strstr(out, "M-A"));
    jbw_free(out);
    assert_ok(jbw_triage_text(&out, NULL, t, 0, JBW_LANG_EN));
    assert_non_null(strstr(out, "Waiting list on 2025-09-01 (model "
                                "jbw-wachtrisico version 1): 2 waiting\n"));
    assert_non_null(strstr(out, "M-A"));
    jbw_free(out);
    jbw_triage_free(t);
    jbw_snapshot_free(s);
}

/*
 * The text list pads the id column to 16 display columns, one per UTF-8
 * code point: "M-\u00e9" is 3 code points in 4 bytes, so 13 blanks pad
 * it, and the blank between columns makes 14 (a byte count would pad 12
 * and shift the rest of the line one column left). The
 * rest of the line as in test_triage_csv_and_text for M-A: band hoog, 70
 * points, 10 werkdagen, contact due 2025-09-01.
 */
static void test_triage_text_aligns_utf8_ids(void **state)
{
    jbw_snapshot *s = new_snapshot(D(2025, 9, 1));
    jbw_triage *t = NULL;
    jbw_measure m;
    char *out = NULL;
    (void)state;
    m = measure("M-\xc3\xa9", "K-A", NULL, "JBWEST", "ZHZ", JBW_KIND_OTS,
                D(2025, 8, 18));
    m.safety = JBW_SAFETY_UNSAFE;
    m.birth_date = D(2022, 3, 1);
    assert_ok(jbw_snapshot_add_measure(s, &m));
    assert_ok(jbw_triage_new(&t, g_model, g_cal, s, D(2025, 9, 1)));
    assert_ok(jbw_triage_text(&out, NULL, t, 0, JBW_LANG_EN));
    assert_non_null(strstr(out, "\n    1  M-\xc3\xa9              hoog    "
                                "    70        10  2025-09-01\n"));
    jbw_free(out);
    jbw_triage_free(t);
    jbw_snapshot_free(s);
}

static void test_triage_refuses_bad_arguments(void **state)
{
    jbw_snapshot *s = triage_snapshot();
    jbw_triage *t = (jbw_triage *)&t, *sentinel = t;
    (void)state;
    assert_status(jbw_triage_new(NULL, g_model, g_cal, s, JBW_DATE_NONE),
                  JBW_EINVAL);
    assert_status(jbw_triage_new(&t, NULL, g_cal, s, JBW_DATE_NONE),
                  JBW_EINVAL);
    assert_status(jbw_triage_new(&t, g_model, NULL, s, JBW_DATE_NONE),
                  JBW_EINVAL);
    assert_status(jbw_triage_new(&t, g_model, g_cal, NULL, JBW_DATE_NONE),
                  JBW_EINVAL);
    assert_error_contains("snap");
    assert_status(jbw_triage_new(&t, g_model, g_cal, s, 90000), JBW_ERANGE);
    assert_ptr_equal(t, sentinel);
    assert_int_equal(jbw_triage_count(NULL), 0);
    assert_int_equal(jbw_triage_date(NULL), JBW_DATE_NONE);
    jbw_triage_free(NULL);
    jbw_snapshot_free(s);
}

/* ---- snapshots: allocation ------------------------------------------- */

/* A norm of 4 units per full-time worker, unit child, weights 1, so that
 * capacity = fte x 4 for workers hired long ago (ramp 1.0). */
static jbw_norm *small_norm(jbw_unit unit)
{
    jbw_norm *n = NULL;
    assert_ok(jbw_norm_new_default(&n));
    assert_ok(jbw_norm_set_caseload_per_fte(n, 4.0));
    assert_ok(jbw_norm_set_unit(n, unit));
    return n;
}

typedef struct expect_line {
    const char *id;
    const char *worker; /* NULL: unassigned with `reason` */
    int reason;
} expect_line;

static void run_allocation(jbw_snapshot *s, jbw_norm *norm,
                           const expect_line *want, size_t n, size_t assigned,
                           char **json)
{
    jbw_triage *t = NULL;
    jbw_allocation *a = NULL;
    size_t i;
    assert_ok(jbw_triage_new(&t, g_model, g_cal, s, JBW_DATE_NONE));
    assert_ok(jbw_allocation_new(&a, t, s, norm, g_cal));
    assert_int_equal(jbw_allocation_count(a), n);
    assert_int_equal(jbw_allocation_assigned(a), assigned);
    for (i = 0; i < n; i++) {
        const char *id = NULL, *worker = NULL;
        size_t rank = 0;
        int reason = -1;
        assert_ok(jbw_allocation_get(&id, &rank, &worker, &reason, a, i));
        assert_string_equal(id, want[i].id);
        assert_int_equal(rank, i + 1);
        if (want[i].worker) {
            assert_non_null(worker);
            assert_string_equal(worker, want[i].worker);
            assert_int_equal(reason, 0);
        } else {
            assert_null(worker);
            assert_int_equal(reason, want[i].reason);
        }
    }
    if (json)
        assert_ok(jbw_allocation_json(json, NULL, a));
    jbw_allocation_free(a);
    jbw_triage_free(t);
}

/* Nieuw measures on Mon 2025-09-01 started that day score only their
 * safety and kind (waited 0, born 2010, contact counted from the start
 * 0 werkdagen), so ranks follow the safety chosen: unsafe 30 + OTS 10 =
 * 40, concerns 15 + 10 = 25, safe 0 + 10 = 10. */
static void add_waiting(jbw_snapshot *s, const char *id, const char *child,
                        const char *family, const char *org, const char *region,
                        jbw_safety safety)
{
    jbw_measure m =
        measure(id, child, family, org, region, JBW_KIND_OTS, D(2025, 9, 1));
    m.safety = safety;
    assert_ok(jbw_snapshot_add_measure(s, &m));
}

/* W-1 (fte 0.5, in ZHZ) has A-1; X-1 (unsafe, ZHZ) and X-2 (safe, in
 * `x2_region`) wait. */
static jbw_snapshot *half_time_snapshot(const char *x2_region)
{
    jbw_snapshot *s = new_snapshot(D(2025, 9, 1));
    jbw_measure m;
    jbw_test_add_worker(s, "W-1", "JBWEST", "ZHZ", 0.5, D(2020, 1, 1),
                        JBW_DATE_NONE);
    m = measure("A-1", "K-1", NULL, "JBWEST", "ZHZ", JBW_KIND_OTS,
                D(2025, 1, 6));
    m.worker_id = "W-1";
    m.first_assigned = D(2025, 1, 7);
    assert_ok(jbw_snapshot_add_measure(s, &m));
    add_waiting(s, "X-2", "K-2", NULL, "JBWEST", x2_region, JBW_SAFETY_SAFE);
    add_waiting(s, "X-1", "K-3", NULL, "JBWEST", "ZHZ", JBW_SAFETY_UNSAFE);
    return s;
}

static void test_allocation_with_too_little_capacity(void **state)
{
    jbw_snapshot *s = half_time_snapshot("ZHZ");
    jbw_norm *norm = small_norm(JBW_UNIT_CHILD);
    char *json = NULL;
    /* W-1: fte 0.5 -> capacity 2; one child assigned -> free 1 */
    static const expect_line want[] = {
        {"X-1", "W-1", 0},                         /* 40 points: first */
        {"X-2", NULL, JBW_UNASSIGNED_NO_CAPACITY}, /* 10: W-1 is full */
    };
    (void)state;
    run_allocation(s, norm, want, 2, 1, &json);
    /* capacity 0.5 x 1.0 x 4 = 2, load 1 before and 2 after */
    assert_non_null(strstr(json,
                           "\"assignments\":[{\"id\":\"X-1\",\"rank\":1,"
                           "\"worker\":\"W-1\",\"organisation\":\"JBWEST\","
                           "\"region\":\"ZHZ\"}]"));
    assert_non_null(strstr(json, "\"unassigned\":[{\"id\":\"X-2\",\"rank\":2,"
                                 "\"reason\":\"no_capacity\""));
    assert_non_null(strstr(json, "{\"id\":\"W-1\",\"organisation\":\"JBWEST\","
                                 "\"region\":\"ZHZ\",\"capacity\":2,\"load\":1,"
                                 "\"proposed_load\":2}"));
    assert_non_null(
        strstr(json, "\"norm\":\"FNV-GI 2023\",\"unit\":\"child\""));
    jbw_free(json);
    jbw_norm_free(norm);
    jbw_snapshot_free(s);
}

/* The same proposal as above, read by the getters: the line's place and
 * the one worker employed, capacity 0.5 x 4 = 2, load 1 before and 2
 * after. */
static void test_allocation_lines_and_workers_by_getter(void **state)
{
    jbw_snapshot *s = half_time_snapshot("HGL");
    jbw_norm *norm = small_norm(JBW_UNIT_CHILD);
    jbw_triage *t = NULL;
    jbw_allocation *a = NULL;
    const char *org = NULL, *region = NULL, *id = NULL;
    double capacity = -1, load = -1, proposed = -1;
    (void)state;
    assert_ok(jbw_triage_new(&t, g_model, g_cal, s, JBW_DATE_NONE));
    assert_ok(jbw_allocation_new(&a, t, s, norm, g_cal));
    assert_ok(jbw_allocation_line_place(&org, &region, a, 1)); /* X-2 */
    assert_string_equal(org, "JBWEST");
    assert_string_equal(region, "HGL");
    assert_ok(jbw_allocation_line_place(NULL, &region, a, 0)); /* X-1 */
    assert_string_equal(region, "ZHZ");
    assert_status(jbw_allocation_line_place(&org, &region, a, 2), JBW_ERANGE);
    assert_error_contains("index 2");
    assert_status(jbw_allocation_line_place(&org, &region, NULL, 0),
                  JBW_EINVAL);
    assert_int_equal(jbw_allocation_worker_count(a), 1);
    assert_int_equal(jbw_allocation_worker_count(NULL), 0);
    org = region = NULL;
    assert_ok(jbw_allocation_worker(&id, &org, &region, &capacity, &load,
                                    &proposed, a, 0));
    assert_string_equal(id, "W-1");
    assert_string_equal(org, "JBWEST");
    assert_string_equal(region, "ZHZ");
    assert_near(capacity, 2, 1e-12);
    assert_near(load, 1, 1e-12);
    assert_near(proposed, 2, 1e-12);
    assert_ok(jbw_allocation_worker(NULL, NULL, NULL, NULL, NULL, NULL, a, 0));
    assert_status(
        jbw_allocation_worker(&id, NULL, NULL, NULL, NULL, NULL, a, 1),
        JBW_ERANGE);
    assert_error_contains("1 workers");
    assert_status(
        jbw_allocation_worker(&id, NULL, NULL, NULL, NULL, NULL, NULL, 0),
        JBW_EINVAL);
    jbw_allocation_free(a);
    jbw_triage_free(t);
    jbw_norm_free(norm);
    jbw_snapshot_free(s);
}

static void test_allocation_keeps_siblings_together(void **state)
{
    jbw_snapshot *s = new_snapshot(D(2025, 9, 1));
    jbw_norm *norm = small_norm(JBW_UNIT_CHILD);
    jbw_measure m;
    /*
     * W-1 capacity 3 (fte 0.75), W-2 capacity 2 (fte 0.5), no load.
     * Ranks: S-1 (unsafe OTS, 40), O-1 (concerns OTS, 25), S-2 (safe OTS,
     * 10), S-1b (safe voogdij, 5).
     * S-1 -> W-1, most free (3 > 2). Its waiting siblings follow: S-2
     * (child K-3 of family F) adds 1, S-1b (a second measure of child K-1)
     * adds nothing, K-1 already counts; 1 <= free 2, so both go to W-1
     * (free 1). O-1 -> W-2 (free 2 > 1).
     * Without the sibling rule O-1 would have taken W-1 (free 2 = 2, id
     * W-1 first) and S-2 gone to W-2.
     */
    static const expect_line want[] = {
        {"S-1", "W-1", 0},
        {"O-1", "W-2", 0},
        {"S-2", "W-1", 0},
        {"S-1b", "W-1", 0},
    };
    (void)state;
    jbw_test_add_worker(s, "W-1", "JBWEST", "ZHZ", 0.75, D(2020, 1, 1),
                        JBW_DATE_NONE);
    jbw_test_add_worker(s, "W-2", "JBWEST", "ZHZ", 0.5, D(2020, 1, 1),
                        JBW_DATE_NONE);
    add_waiting(s, "S-1", "K-1", "F", "JBWEST", "ZHZ", JBW_SAFETY_UNSAFE);
    add_waiting(s, "O-1", "K-2", NULL, "JBWEST", "ZHZ", JBW_SAFETY_CONCERNS);
    add_waiting(s, "S-2", "K-3", "F", "JBWEST", "ZHZ", JBW_SAFETY_SAFE);
    m = measure("S-1b", "K-1", "F", "JBWEST", "ZHZ", JBW_KIND_VOOGDIJ,
                D(2025, 9, 1));
    assert_ok(jbw_snapshot_add_measure(s, &m));
    run_allocation(s, norm, want, 4, 4, NULL);
    jbw_norm_free(norm);
    jbw_snapshot_free(s);
}

static void
test_allocation_siblings_that_do_not_fit_wait_their_turn(void **state)
{
    jbw_snapshot *s = new_snapshot(D(2025, 9, 1));
    jbw_norm *norm = small_norm(JBW_UNIT_CHILD);
    jbw_measure m;
    /*
     * W-1 capacity 2, W-2 capacity 1. Family F: S-1 (40), S-2 (10, OTS
     * safe), S-3 (5, voogdij safe); O-1 (25) of another family.
     * S-1 -> W-1 (2 > 1); S-2 and S-3 together need 2 > free 1: they stay
     * for their own rank. O-1: W-1 free 1 = W-2 free 1, id W-1 first.
     * S-2 -> W-2 (the only one with room); S-3 would need 1 more: W-2 is
     * then full and so is W-1: no capacity.
     */
    static const expect_line want[] = {
        {"S-1", "W-1", 0},
        {"O-1", "W-1", 0},
        {"S-2", "W-2", 0},
        {"S-3", NULL, JBW_UNASSIGNED_NO_CAPACITY},
    };
    (void)state;
    jbw_test_add_worker(s, "W-2", "JBWEST", "ZHZ", 0.25, D(2020, 1, 1),
                        JBW_DATE_NONE);
    jbw_test_add_worker(s, "W-1", "JBWEST", "ZHZ", 0.5, D(2020, 1, 1),
                        JBW_DATE_NONE);
    add_waiting(s, "S-1", "K-1", "F", "JBWEST", "ZHZ", JBW_SAFETY_UNSAFE);
    add_waiting(s, "S-2", "K-2", "F", "JBWEST", "ZHZ", JBW_SAFETY_SAFE);
    m = measure("S-3", "K-3", "F", "JBWEST", "ZHZ", JBW_KIND_VOOGDIJ,
                D(2025, 9, 1));
    assert_ok(jbw_snapshot_add_measure(s, &m));
    add_waiting(s, "O-1", "K-4", NULL, "JBWEST", "ZHZ", JBW_SAFETY_CONCERNS);
    run_allocation(s, norm, want, 4, 3, NULL);
    jbw_norm_free(norm);
    jbw_snapshot_free(s);
}

static void test_allocation_prefers_the_same_region(void **state)
{
    jbw_snapshot *s = new_snapshot(D(2025, 9, 1));
    jbw_norm *norm = small_norm(JBW_UNIT_CHILD);
    /*
     * W-Z in ZHZ: capacity 2; W-H in HGL: capacity 4.
     * R-1 (ZHZ, 40) -> W-Z although W-H has more room: same region first.
     * R-2 (HGL, 25) -> W-H. R-3 (MH, 10): no worker in MH, most free:
     * W-H 3 > W-Z 1.
     */
    static const expect_line want[] = {
        {"R-1", "W-Z", 0},
        {"R-2", "W-H", 0},
        {"R-3", "W-H", 0},
    };
    (void)state;
    jbw_test_add_worker(s, "W-H", "JBWEST", "HGL", 1.0, D(2020, 1, 1),
                        JBW_DATE_NONE);
    jbw_test_add_worker(s, "W-Z", "JBWEST", "ZHZ", 0.5, D(2020, 1, 1),
                        JBW_DATE_NONE);
    add_waiting(s, "R-1", "K-1", NULL, "JBWEST", "ZHZ", JBW_SAFETY_UNSAFE);
    add_waiting(s, "R-2", "K-2", NULL, "JBWEST", "HGL", JBW_SAFETY_CONCERNS);
    add_waiting(s, "R-3", "K-3", NULL, "JBWEST", "MH", JBW_SAFETY_SAFE);
    run_allocation(s, norm, want, 3, 3, NULL);
    jbw_norm_free(norm);
    jbw_snapshot_free(s);
}

static void test_allocation_without_a_worker_in_the_organisation(void **state)
{
    jbw_snapshot *s = new_snapshot(D(2025, 9, 1));
    jbw_norm *norm = small_norm(JBW_UNIT_CHILD);
    jbw_worker w = JBW_WORKER_INIT;
    char *json = NULL, *csv = NULL, *text = NULL;
    /* WSS has only a worker who left on 1 Aug; JBWEST has room */
    static const expect_line want[] = {
        {"Q-1", NULL, JBW_UNASSIGNED_NO_WORKER},
        {"Q-2", "W-J", 0},
    };
    (void)state;
    jbw_test_add_worker(s, "W-J", "JBWEST", "ZHZ", 1.0, D(2020, 1, 1),
                        JBW_DATE_NONE);
    w.id = "W-S";
    w.organisation = "WSS";
    w.region = "ZHZ";
    w.hired = D(2020, 1, 1);
    w.leaving = D(2025, 8, 1);
    assert_ok(jbw_snapshot_add_worker(s, &w));
    add_waiting(s, "Q-1", "K-1", NULL, "WSS", "ZHZ", JBW_SAFETY_UNSAFE);
    add_waiting(s, "Q-2", "K-2", NULL, "JBWEST", "ZHZ", JBW_SAFETY_SAFE);
    run_allocation(s, norm, want, 2, 1, &json);
    assert_non_null(strstr(json, "\"unassigned\":[{\"id\":\"Q-1\",\"rank\":1,"
                                 "\"reason\":\"no_worker\""));
    jbw_free(json);
    {
        jbw_triage *t = NULL;
        jbw_allocation *a = NULL;
        assert_ok(jbw_triage_new(&t, g_model, g_cal, s, JBW_DATE_NONE));
        assert_ok(jbw_allocation_new(&a, t, s, norm, g_cal));
        assert_ok(jbw_allocation_csv(&csv, NULL, a));
        assert_string_equal(csv, "rank,id,organisation,region,worker,reason\n"
                                 "1,Q-1,WSS,ZHZ,,no_worker\n"
                                 "2,Q-2,JBWEST,ZHZ,W-J,\n");
        assert_ok(jbw_allocation_text(&text, NULL, a));
        assert_non_null(strstr(text, "1 of 2 waiting assigned"));
        assert_non_null(strstr(
            text, "(unassigned: no worker employed in the organisation)"));
        {
            /* the same list in Dutch for the toewijzingsoverleg; in
             * English the same bytes as jbw_allocation_text */
            char *nl = NULL, *en = NULL;
            assert_ok(jbw_allocation_text_lang(&nl, NULL, a, JBW_LANG_NL));
            assert_non_null(strstr(nl, "1 van 2 wachtenden toegewezen"));
            assert_non_null(strstr(
                nl, "(niet toegewezen: geen medewerker in dienst bij de GI)"));
            assert_non_null(
                strstr(nl, "Een voorstel voor wie beslist")); /* v1 */
            assert_non_null(strstr(nl, "W-J"));
            assert_ok(jbw_allocation_text_lang(&en, NULL, a, JBW_LANG_EN));
            assert_string_equal(en, text);
            assert_status(jbw_allocation_text_lang(&en, NULL, a, (jbw_lang)2),
                          JBW_EINVAL);
            assert_status(jbw_allocation_text_lang(NULL, NULL, a, JBW_LANG_NL),
                          JBW_EINVAL);
            jbw_free(nl);
            jbw_free(en);
        }
        jbw_free(csv);
        jbw_free(text);
        assert_status(jbw_allocation_get(NULL, NULL, NULL, NULL, a, 2),
                      JBW_ERANGE);
        assert_ok(jbw_allocation_get(NULL, NULL, NULL, NULL, a, 1));
        assert_status(jbw_allocation_json(NULL, NULL, a), JBW_EINVAL);
        jbw_allocation_free(a);
        jbw_triage_free(t);
    }
    jbw_norm_free(norm);
    jbw_snapshot_free(s);
}

static void test_allocation_counts_units_as_the_norm_does(void **state)
{
    jbw_snapshot *s = new_snapshot(D(2025, 9, 1));
    jbw_norm *fam = small_norm(JBW_UNIT_FAMILY);
    jbw_norm *meas = small_norm(JBW_UNIT_MEASURE);
    jbw_measure m;
    /*
     * W-1 capacity 1 (fte 0.25) holds child K-1 of family F: load 1, free 0.
     * U-1 is a waiting sibling K-2 in family F. In unit family the family
     * already counts at weight 1: U-1 adds 0 and fits. In unit measure it
     * adds its weight 1 > free 0: no capacity.
     */
    static const expect_line fits[] = {{"U-1", "W-1", 0}};
    static const expect_line full[] = {
        {"U-1", NULL, JBW_UNASSIGNED_NO_CAPACITY}};
    (void)state;
    jbw_test_add_worker(s, "W-1", "JBWEST", "ZHZ", 0.25, D(2020, 1, 1),
                        JBW_DATE_NONE);
    m = measure("A-1", "K-1", "F", "JBWEST", "ZHZ", JBW_KIND_OTS,
                D(2025, 1, 6));
    m.worker_id = "W-1";
    m.first_assigned = D(2025, 1, 7);
    assert_ok(jbw_snapshot_add_measure(s, &m));
    add_waiting(s, "U-1", "K-2", "F", "JBWEST", "ZHZ", JBW_SAFETY_SAFE);
    run_allocation(s, fam, fits, 1, 1, NULL);
    run_allocation(s, meas, full, 1, 0, NULL);
    jbw_norm_free(fam);
    jbw_norm_free(meas);
    jbw_snapshot_free(s);
}

static void test_allocation_uses_the_onboarding_ramp(void **state)
{
    jbw_snapshot *s = new_snapshot(D(2025, 9, 1));
    jbw_norm *norm = small_norm(JBW_UNIT_CHILD);
    char *json = NULL;
    /*
     * W-N hired 15 Jul 2025: 1 whole month on 1 Sep, ramp 0.5 (months
     * 0-2): capacity 1.0 x 0.5 x 4 = 2. Three waiting children: two fit.
     */
    static const expect_line want[] = {
        {"N-1", "W-N", 0},
        {"N-2", "W-N", 0},
        {"N-3", NULL, JBW_UNASSIGNED_NO_CAPACITY},
    };
    (void)state;
    jbw_test_add_worker(s, "W-N", "JBWEST", "ZHZ", 1.0, D(2025, 7, 15),
                        JBW_DATE_NONE);
    add_waiting(s, "N-1", "K-1", NULL, "JBWEST", "ZHZ", JBW_SAFETY_UNSAFE);
    add_waiting(s, "N-2", "K-2", NULL, "JBWEST", "ZHZ", JBW_SAFETY_CONCERNS);
    add_waiting(s, "N-3", "K-3", NULL, "JBWEST", "ZHZ", JBW_SAFETY_SAFE);
    run_allocation(s, norm, want, 3, 2, &json);
    assert_non_null(
        strstr(json, "\"capacity\":2,\"load\":0,\"proposed_load\":2"));
    jbw_free(json);
    jbw_norm_free(norm);
    jbw_snapshot_free(s);
}

static void test_allocation_before_every_hire_has_no_worker(void **state)
{
    jbw_snapshot *s = new_snapshot(D(2025, 9, 1));
    jbw_norm *norm = small_norm(JBW_UNIT_CHILD);
    jbw_measure m;
    jbw_triage *t = NULL;
    jbw_allocation *a = NULL;
    int reason = 0;
    const char *worker = "x";
    (void)state;
    jbw_test_add_worker(s, "W-1", "JBWEST", "ZHZ", 1.0, D(2020, 1, 1),
                        JBW_DATE_NONE);
    m = measure("Old-1", "K-1", NULL, "JBWEST", "ZHZ", JBW_KIND_OTS,
                D(2019, 5, 1));
    assert_ok(jbw_snapshot_add_measure(s, &m));
    /* on 3 Jun 2019 Old-1 waits and W-1 is not yet hired */
    assert_ok(jbw_triage_new(&t, g_model, g_cal, s, D(2019, 6, 3)));
    assert_int_equal(jbw_triage_count(t), 1);
    assert_ok(jbw_allocation_new(&a, t, s, norm, g_cal));
    assert_int_equal(jbw_allocation_assigned(a), 0);
    assert_ok(jbw_allocation_get(NULL, NULL, &worker, &reason, a, 0));
    assert_null(worker);
    assert_int_equal(reason, JBW_UNASSIGNED_NO_WORKER);
    jbw_allocation_free(a);
    jbw_triage_free(t);
    jbw_norm_free(norm);
    jbw_snapshot_free(s);
}

static void test_allocation_refuses_bad_arguments(void **state)
{
    jbw_snapshot *s = triage_snapshot(), *other = triage_snapshot();
    jbw_norm *norm = small_norm(JBW_UNIT_CHILD);
    jbw_triage *t = NULL;
    jbw_allocation *a = (jbw_allocation *)&a, *sentinel = a;
    (void)state;
    assert_ok(jbw_triage_new(&t, g_model, g_cal, s, JBW_DATE_NONE));
    assert_status(jbw_allocation_new(NULL, t, s, norm, g_cal), JBW_EINVAL);
    assert_status(jbw_allocation_new(&a, NULL, s, norm, g_cal), JBW_EINVAL);
    assert_status(jbw_allocation_new(&a, t, NULL, norm, g_cal), JBW_EINVAL);
    assert_status(jbw_allocation_new(&a, t, s, NULL, g_cal), JBW_EINVAL);
    assert_error_contains("norm");
    assert_status(jbw_allocation_new(&a, t, s, norm, NULL), JBW_EINVAL);
    assert_status(jbw_allocation_new(&a, t, other, norm, g_cal), JBW_EINVAL);
    assert_error_contains("not the one the triage was made from");
    assert_ptr_equal(a, sentinel);
    assert_int_equal(jbw_allocation_count(NULL), 0);
    assert_int_equal(jbw_allocation_assigned(NULL), 0);
    assert_status(jbw_allocation_get(NULL, NULL, NULL, NULL, NULL, 0),
                  JBW_EINVAL);
    jbw_allocation_free(NULL);
    jbw_triage_free(t);
    jbw_norm_free(norm);
    jbw_snapshot_free(s);
    jbw_snapshot_free(other);
}

/* ---- out of memory ---------------------------------------------------- */

static int oom_parse(void *arg)
{
    jbw_waitrisk_model *m = NULL;
    const char *text = "name = x\nversion = 2\npoints.bestaand = 3\n";
    jbw_status st;
    (void)arg;
    st = jbw_waitrisk_model_parse(&m, text, strlen(text), "oom");
    jbw_waitrisk_model_free(m);
    return st;
}

static int oom_save(void *arg)
{
    char *text = NULL;
    jbw_status st;
    (void)arg;
    st = jbw_waitrisk_model_save(&text, NULL, g_model);
    jbw_free(text);
    return st;
}

static int oom_rank(void *arg)
{
    jbw_score s[3];
    jbw_wait_case c[3];
    size_t order[3], i;
    (void)arg;
    for (i = 0; i < 3; i++) {
        memset(&s[i], 0, sizeof s[i]);
        c[i] = zero_case("r", 0);
    }
    return jbw_waitrisk_rank(order, s, c, 3);
}

static int oom_triage_and_allocate(void *arg)
{
    jbw_snapshot *s = (jbw_snapshot *)arg;
    jbw_norm *norm = NULL;
    jbw_triage *t = NULL;
    jbw_allocation *a = NULL;
    char *out = NULL;
    jbw_status st = jbw_norm_new_default(&norm);
    if (st == JBW_OK)
        st = jbw_triage_new(&t, g_model, g_cal, s, JBW_DATE_NONE);
    if (st == JBW_OK)
        st = jbw_allocation_new(&a, t, s, norm, g_cal);
    if (st == JBW_OK &&
        (st = jbw_triage_json(&out, NULL, t, 0, JBW_LANG_NL)) == JBW_OK)
        jbw_free(out);
    if (st == JBW_OK &&
        (st = jbw_triage_csv(&out, NULL, t, 0, JBW_LANG_NL)) == JBW_OK)
        jbw_free(out);
    if (st == JBW_OK &&
        (st = jbw_triage_text(&out, NULL, t, 0, JBW_LANG_NL)) == JBW_OK)
        jbw_free(out);
    if (st == JBW_OK && (st = jbw_allocation_json(&out, NULL, a)) == JBW_OK)
        jbw_free(out);
    if (st == JBW_OK && (st = jbw_allocation_csv(&out, NULL, a)) == JBW_OK)
        jbw_free(out);
    if (st == JBW_OK && (st = jbw_allocation_text(&out, NULL, a)) == JBW_OK)
        jbw_free(out);
    jbw_allocation_free(a);
    jbw_triage_free(t);
    jbw_norm_free(norm);
    return st;
}

static void test_every_allocation_failure_is_enomem_without_leaks(void **state)
{
    jbw_snapshot *s = triage_snapshot();
    (void)state;
    jbw_test_oom_sweep(oom_parse, NULL, 10000, jbw_test_fail_only);
    jbw_test_oom_sweep(oom_save, NULL, 10000, jbw_test_fail_only);
    jbw_test_oom_sweep(oom_rank, NULL, 10000, jbw_test_fail_only);
    jbw_test_oom_sweep(oom_triage_and_allocate, s, 10000, jbw_test_fail_only);
    jbw_snapshot_free(s);
}

/* The model's parameters can be read: 43 of them (docs/model-card.md:
 * acute 1, safety 4, measure 11, time 4, bestaand 1, age 4, no contact 2,
 * handovers 1, band minima 3, time boundaries 3, age boundaries 2,
 * no-contact thresholds 2, handovers minimum 1, contact intervals 4), with
 * the values of the model card's table for the default. */
static void test_model_parameters_can_be_read_by_index_and_key(void **state)
{
    jbw_waitrisk_model *m = NULL, *changed = NULL;
    static const char text[] =
        "name = regio-test\nversion = 2\npoints.safety.unsafe = 40\n";
    const char *key = NULL;
    int v = -1;
    size_t i, n;
    (void)state;
    assert_ok(jbw_waitrisk_model_new_version(&m, 1));
    n = jbw_waitrisk_model_param_count(m);
    assert_int_equal(n, 43);
    assert_ok(jbw_waitrisk_model_param(&key, &v, m, 0));
    assert_string_equal(key, "points.acute");
    assert_int_equal(v, 100);
    assert_ok(jbw_waitrisk_model_get(&v, m, "points.safety.unsafe"));
    assert_int_equal(v, 30);
    assert_ok(jbw_waitrisk_model_get(&v, m, "points.measure.jr_medium"));
    assert_int_equal(v, 8);
    assert_ok(jbw_waitrisk_model_get(&v, m, "band.hoog.min"));
    assert_int_equal(v, 50);
    assert_ok(jbw_waitrisk_model_get(&v, m, "contact.midden"));
    assert_int_equal(v, 10);
    /* every key read by index is found by key with the same value */
    for (i = 0; i < n; i++) {
        int w = -1;
        assert_ok(jbw_waitrisk_model_param(&key, &v, m, i));
        assert_ok(jbw_waitrisk_model_get(&w, m, key));
        assert_int_equal(v, w);
    }
    v = -7;
    assert_status(jbw_waitrisk_model_get(&v, m, "points.nationality"),
                  JBW_ENOTFOUND);
    assert_int_equal(v, -7);
    assert_status(jbw_waitrisk_model_param(&key, &v, m, n), JBW_ERANGE);
    assert_status(jbw_waitrisk_model_get(NULL, m, "band.hoog.min"), JBW_EINVAL);
    assert_int_equal(jbw_waitrisk_model_param_count(NULL), 0);
    /* a changed model reads back its own points */
    assert_ok(jbw_waitrisk_model_parse(&changed, text, sizeof text - 1, "t"));
    assert_ok(jbw_waitrisk_model_get(&v, changed, "points.safety.unsafe"));
    assert_int_equal(v, 40);
    jbw_waitrisk_model_free(changed);
    jbw_waitrisk_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_model_is_jbw_wachtrisico_version_1),
        cmocka_unit_test(test_model_parameters_can_be_read_by_index_and_key),
        cmocka_unit_test(test_codes_of_bands_and_items_are_stable),
        cmocka_unit_test(test_wait_case_init_sets_the_defaults),
        cmocka_unit_test(test_zero_case_scores_nothing_and_is_laag),
        cmocka_unit_test(test_acute_safety_overrides_to_acuut_with_100_points),
        cmocka_unit_test(test_acute_override_holds_below_the_acuut_threshold),
        cmocka_unit_test(test_safety_levels_score_30_15_10_0),
        cmocka_unit_test(test_measure_rules_score_the_one_rule_that_applies),
        cmocka_unit_test(
            test_time_waited_5_vs_6_werkdagen_across_hemelvaartsdag),
        cmocka_unit_test(test_time_waited_30_vs_31_werkdagen_across_christmas),
        cmocka_unit_test(test_time_waited_65_vs_66_werkdagen_across_holidays),
        cmocka_unit_test(test_age_3_vs_4_on_the_fourth_birthday),
        cmocka_unit_test(test_age_11_vs_12_on_the_twelfth_birthday),
        cmocka_unit_test(
            test_age_unknown_scores_5_and_29_february_turns_on_1_march),
        cmocka_unit_test(test_no_contact_10_vs_11_and_20_vs_21_werkdagen),
        cmocka_unit_test(
            test_no_contact_counts_from_the_wait_start_without_contact),
        cmocka_unit_test(test_bestaand_scores_10_and_handovers_start_at_3),
        cmocka_unit_test(test_band_boundaries_25_50_80_of_the_default),
        cmocka_unit_test(test_band_boundaries_24_49_79_stay_in_the_lower_band),
        cmocka_unit_test(test_next_contact_due_per_band),
        cmocka_unit_test(test_next_contact_due_skips_hemelvaartsdag),
        cmocka_unit_test(test_overdue_contact_is_due_on_the_date),
        cmocka_unit_test(test_acuut_without_contact_is_due_today),
        cmocka_unit_test(test_reasons_in_dutch_name_the_numbers),
        cmocka_unit_test(test_reasons_in_english_name_the_numbers),
        cmocka_unit_test(test_jr_reasons_name_the_jeugdreclasseerder),
        cmocka_unit_test(test_reasons_of_the_other_rules),
        cmocka_unit_test(test_reason_of_a_moved_boundary_gives_the_werkdagen),
        cmocka_unit_test(test_reason_refuses_bad_arguments_and_small_buffers),
        cmocka_unit_test(test_impossible_dates_are_einval_naming_id_and_field),
        cmocka_unit_test(test_enum_values_out_of_range_are_einval),
        cmocka_unit_test(test_score_refuses_null_versions_and_dates),
        cmocka_unit_test(test_due_date_past_2199_is_erange_naming_the_case),
        cmocka_unit_test(test_batch_equals_one_by_one),
        cmocka_unit_test(test_batch_error_names_the_index_and_id),
        cmocka_unit_test(test_rank_orders_band_points_waited_id_then_position),
        cmocka_unit_test(test_rank_refuses_null_and_accepts_empty),
        cmocka_unit_test(test_model_file_refuses_protected_attributes),
        cmocka_unit_test(
            test_model_file_words_that_only_contain_ras_are_not_protected),
        cmocka_unit_test(
            test_model_file_malformed_and_unknown_keys_name_the_line),
        cmocka_unit_test(test_model_file_must_set_name_and_version),
        cmocka_unit_test(test_model_file_thresholds_must_be_in_order),
        cmocka_unit_test(test_model_parse_refuses_null),
        cmocka_unit_test(test_changed_points_take_effect_and_carry_the_name),
        cmocka_unit_test(test_save_then_parse_gives_the_same_model),
        cmocka_unit_test(test_model_load_reads_a_file_and_reports_io_errors),
        cmocka_unit_test(test_triage_scores_and_ranks_the_waiting_measures),
        cmocka_unit_test(test_triage_state_and_item_count_by_getter),
        cmocka_unit_test(
            test_triage_on_an_earlier_date_sees_later_assigned_as_nieuw),
        cmocka_unit_test(test_triage_json_is_exact),
        cmocka_unit_test(test_triage_csv_and_text),
        cmocka_unit_test(test_triage_text_aligns_utf8_ids),
        cmocka_unit_test(test_triage_refuses_bad_arguments),
        cmocka_unit_test(test_allocation_with_too_little_capacity),
        cmocka_unit_test(test_allocation_lines_and_workers_by_getter),
        cmocka_unit_test(test_allocation_keeps_siblings_together),
        cmocka_unit_test(
            test_allocation_siblings_that_do_not_fit_wait_their_turn),
        cmocka_unit_test(test_allocation_prefers_the_same_region),
        cmocka_unit_test(test_allocation_without_a_worker_in_the_organisation),
        cmocka_unit_test(test_allocation_counts_units_as_the_norm_does),
        cmocka_unit_test(test_allocation_uses_the_onboarding_ramp),
        cmocka_unit_test(test_allocation_before_every_hire_has_no_worker),
        cmocka_unit_test(test_allocation_refuses_bad_arguments),
        cmocka_unit_test(test_every_allocation_failure_is_enomem_without_leaks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
