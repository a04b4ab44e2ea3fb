/*
 * Tests of the waiting-risk model jbw-wachtrisico version 2: every new
 * item and correction with scores worked out by hand, the professional
 * override, the equality of jeugdreclassering kinds, version 1 beside it
 * unchanged, version-1 wait case records, model files that name their
 * base version, the register entry and the model card.
 *
 * Working days follow the default CAO Jeugdzorg calendar. Scoring date
 * is Monday 1 September 2025 throughout; August and September 2025 have
 * no holidays, so werkdagen are the weekdays. "werkdagen from X to D"
 * counts working days d with X < d <= D.
 *
 * All cases, children and ids here are synthetic.
 */
#include "jbw_test.h"

#include <stddef.h>

static jbw_calendar *g_cal;
static jbw_waitrisk_model *g_v2;
static jbw_waitrisk_model *g_v1;

#define DAY D(2025, 9, 1)

static int setup(void **state)
{
    (void)state;
    if (jbw_calendar_new(&g_cal, NULL) != JBW_OK)
        return -1;
    if (jbw_waitrisk_model_new_default(&g_v2) != JBW_OK)
        return -1;
    if (jbw_waitrisk_model_new_version(&g_v1, 1) != JBW_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    jbw_waitrisk_model_free(g_v1);
    jbw_waitrisk_model_free(g_v2);
    jbw_calendar_free(g_cal);
    return 0;
}

/*
 * A case that scores 0 points in version 2 on DAY: jeugdreclassering with
 * risk low (0), safe (0; the safety plan item only weighs when safety is
 * not safe), other help involved (0), no domestic violence (0), waiting
 * since DAY (0 werkdagen: 0), born 2010-01-01 (15: 0), last contact on
 * DAY (0), no term end, no earlier worker. Tests change one field.
 */
static jbw_wait_case zero_case(const char *id)
{
    jbw_wait_case c = JBW_WAIT_CASE_INIT;
    c.id = id;
    c.kind = JBW_KIND_JR_TB_GEDWONGEN;
    c.jr_risk = JBW_JR_RISK_LOW;
    c.safety = JBW_SAFETY_SAFE;
    c.other_help = JBW_YESNO_YES;
    c.domestic_violence = JBW_YESNO_NO;
    c.waiting_since = DAY;
    c.birth_date = D(2010, 1, 1);
    c.last_contact = DAY;
    return c;
}

static jbw_score score_with(const jbw_waitrisk_model *m, const jbw_wait_case *c)
{
    jbw_score s;
    memset(&s, 0, sizeof s);
    s.version = JBW_SCORE_VERSION;
    assert_ok(jbw_waitrisk_score(&s, m, g_cal, c, DAY));
    return s;
}

static int item(const jbw_score *s, jbw_item i)
{
    return s->item_points[i];
}

static jbw_waitrisk_model *parse_model(const char *text)
{
    jbw_waitrisk_model *m = NULL;
    assert_ok(jbw_waitrisk_model_parse(&m, text, strlen(text), "v2.model"));
    return m;
}

static jbw_status parse_status(jbw_waitrisk_model **m, const char *text)
{
    return jbw_waitrisk_model_parse(m, text, strlen(text), "f.model");
}

/* ---- the models ------------------------------------------------------- */

static void test_default_is_version_2_and_version_1_is_selectable(void **state)
{
    jbw_waitrisk_model *m = NULL;
    int v;
    (void)state;
    assert_string_equal(jbw_waitrisk_model_name(g_v2), "jbw-wachtrisico");
    assert_int_equal(jbw_waitrisk_model_version(g_v2), 2);
    assert_int_equal(jbw_waitrisk_model_base_version(g_v2), 2);
    assert_string_equal(jbw_waitrisk_model_name(g_v1), "jbw-wachtrisico");
    assert_int_equal(jbw_waitrisk_model_version(g_v1), 1);
    assert_int_equal(jbw_waitrisk_model_base_version(g_v1), 1);
    assert_ok(jbw_waitrisk_model_new_version(&m, 2));
    assert_int_equal(jbw_waitrisk_model_version(m), 2);
    jbw_waitrisk_model_free(m);
    assert_status(jbw_waitrisk_model_new_version(&m, 3), JBW_EINVAL);
    assert_error_contains("3");
    assert_status(jbw_waitrisk_model_new_version(&m, 0), JBW_EINVAL);
    assert_status(jbw_waitrisk_model_new_version(NULL, 2), JBW_EINVAL);
    assert_int_equal(jbw_waitrisk_model_base_version(NULL), 0);
    /* the changed defaults and the new keys, read back by key */
    assert_ok(jbw_waitrisk_model_get(&v, g_v2, "points.measure.voogdij"));
    assert_int_equal(v, 20);
    assert_ok(jbw_waitrisk_model_get(&v, g_v1, "points.measure.voogdij"));
    assert_int_equal(v, 5);
    assert_ok(jbw_waitrisk_model_get(&v, g_v2, "points.term_end.near"));
    assert_int_equal(v, 15);
    /* version 1 has no such key */
    assert_status(jbw_waitrisk_model_get(&v, g_v1, "points.term_end.near"),
                  JBW_ENOTFOUND);
    /* version 1 keeps its 43 parameters, version 2 has 60 */
    assert_int_equal(jbw_waitrisk_model_param_count(g_v1), 43);
    assert_int_equal(jbw_waitrisk_model_param_count(g_v2), 60);
}

static void test_codes_of_new_items_and_answers(void **state)
{
    jbw_yesno y;
    jbw_band b;
    (void)state;
    assert_string_equal(jbw_item_code(JBW_ITEM_SAFETY_PLAN), "safety_plan");
    assert_string_equal(jbw_item_code(JBW_ITEM_OTHER_HELP), "other_help");
    assert_string_equal(jbw_item_code(JBW_ITEM_DOMESTIC_VIOLENCE),
                        "domestic_violence");
    assert_string_equal(jbw_item_code(JBW_ITEM_TERM_END), "term_end");
    assert_null(jbw_item_code((jbw_item)JBW_ITEM_COUNT));
    assert_string_equal(jbw_yesno_code(JBW_YESNO_UNKNOWN), "unknown");
    assert_string_equal(jbw_yesno_code(JBW_YESNO_NO), "no");
    assert_string_equal(jbw_yesno_code(JBW_YESNO_YES), "yes");
    assert_null(jbw_yesno_code((jbw_yesno)3));
    assert_ok(jbw_yesno_from_code(&y, "Yes", 3));
    assert_int_equal(y, JBW_YESNO_YES);
    assert_ok(jbw_yesno_from_code(&y, "ja", 2));
    assert_int_equal(y, JBW_YESNO_YES);
    assert_ok(jbw_yesno_from_code(&y, "nee", 3));
    assert_int_equal(y, JBW_YESNO_NO);
    assert_ok(jbw_yesno_from_code(&y, "onbekend", 8));
    assert_int_equal(y, JBW_YESNO_UNKNOWN);
    assert_status(jbw_yesno_from_code(&y, "maybe", 5), JBW_ENOTFOUND);
    assert_ok(jbw_band_from_code(&b, "HOOG", 4));
    assert_int_equal(b, JBW_BAND_HOOG);
    assert_status(jbw_band_from_code(&b, "urgent", 6), JBW_ENOTFOUND);
    assert_reason_before_value("not a band (laag, midden, hoog or acuut)",
                               "urgent");
}

static void test_wait_case_init_knows_both_versions(void **state)
{
    jbw_wait_case c;
    (void)state;
    memset(&c, 0x5a, sizeof c);
    assert_ok(jbw_wait_case_init(&c, JBW_WAIT_CASE_VERSION));
    assert_int_equal(c.version, 2);
    assert_int_equal(c.safety_plan, JBW_YESNO_UNKNOWN);
    assert_int_equal(c.other_help, JBW_YESNO_UNKNOWN);
    assert_int_equal(c.domestic_violence, JBW_YESNO_UNKNOWN);
    assert_int_equal(c.term_end, JBW_DATE_NONE);
    assert_int_equal(c.override_band, JBW_OVERRIDE_NONE);
    assert_null(c.override_reason);
    /* version 1 writes only the fields of version 1 */
    memset(&c, 0x5a, sizeof c);
    assert_ok(jbw_wait_case_init(&c, 1));
    assert_int_equal(c.version, 1);
    assert_int_equal(c.waiting_since, JBW_DATE_NONE);
    assert_int_equal((int)c.term_end, 0x5a5a5a5a);
    assert_status(jbw_wait_case_init(&c, 3), JBW_EVERSION);
}

/* ---- the zero case ------------------------------------------------------ */

static void test_zero_case_scores_nothing(void **state)
{
    jbw_wait_case c = zero_case("Z");
    jbw_score s = score_with(g_v2, &c);
    (void)state;
    assert_int_equal(s.points, 0);
    assert_int_equal(s.band, JBW_BAND_LAAG);
    assert_int_equal(s.items, 0);
}

/* ---- corrections -------------------------------------------------------- */

/*
 * VOTS with a placement weighs its placement as an OTS does: OTS 10,
 * OTS with MUHP or crisis placement 15 (placement +5); VOTS 25, VOTS with
 * MUHP or crisis placement 30. Version 1 ignored the placement of a VOTS
 * (25 with or without).
 */
static void test_vots_with_placement_weighs_like_ots_with_one(void **state)
{
    static const struct {
        jbw_kind kind;
        jbw_placement placement;
        int v2, v1;
    } rows[] = {
        {JBW_KIND_OTS, JBW_PLACEMENT_NONE, 10, 10},
        {JBW_KIND_OTS, JBW_PLACEMENT_PLACED, 15, 15},
        {JBW_KIND_OTS, JBW_PLACEMENT_CRISIS, 15, 15},
        {JBW_KIND_VOTS, JBW_PLACEMENT_NONE, 25, 25},
        {JBW_KIND_VOTS, JBW_PLACEMENT_PLACED, 30, 25},
        {JBW_KIND_VOTS, JBW_PLACEMENT_CRISIS, 30, 25},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof *rows; i++) {
        jbw_wait_case c = zero_case("P");
        jbw_score s2, s1;
        c.kind = rows[i].kind;
        c.placement = rows[i].placement;
        s2 = score_with(g_v2, &c);
        s1 = score_with(g_v1, &c);
        assert_int_equal(item(&s2, JBW_ITEM_MEASURE), rows[i].v2);
        assert_int_equal(s2.points, rows[i].v2);
        assert_int_equal(item(&s1, JBW_ITEM_MEASURE), rows[i].v1);
    }
}

/*
 * Under voogdij the GI holds the authority; while no voogd is assigned
 * nobody exercises it. Version 2: voogdij 20, tijdelijke voogdij 20,
 * voorlopige voogdij 30 (an emergency measure and authority without a
 * person); version 1 gave 5, 5 and 25.
 */
static void test_voogdij_without_a_voogd_weighs(void **state)
{
    static const struct {
        jbw_kind kind;
        int v2, v1;
    } rows[] = {
        {JBW_KIND_VOOGDIJ, 20, 5},
        {JBW_KIND_TIJDELIJKE_VOOGDIJ, 20, 5},
        {JBW_KIND_VOORLOPIGE_VOOGDIJ, 30, 25},
    };
    char r[256];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof *rows; i++) {
        jbw_wait_case c = zero_case("V");
        jbw_score s2, s1;
        c.kind = rows[i].kind;
        s2 = score_with(g_v2, &c);
        s1 = score_with(g_v1, &c);
        assert_int_equal(item(&s2, JBW_ITEM_MEASURE), rows[i].v2);
        assert_int_equal(item(&s1, JBW_ITEM_MEASURE), rows[i].v1);
        assert_ok(jbw_waitrisk_reason(r, sizeof r, g_v2, &c, &s2,
                                      JBW_ITEM_MEASURE, JBW_LANG_EN));
        assert_non_null(strstr(r, "no voogd"));
    }
}

/* The cabinet's priority rule of November 2022 is about youth care, not
 * about getting a jeugdbeschermer: version 2 never cites it. Version 1
 * keeps its words (its outputs are frozen). */
static void test_ots_reasons_do_not_cite_the_cabinet_rule(void **state)
{
    static const jbw_placement pl[] = {JBW_PLACEMENT_NONE, JBW_PLACEMENT_PLACED,
                                       JBW_PLACEMENT_CRISIS};
    char r[256];
    size_t i;
    int lang;
    (void)state;
    for (i = 0; i < 3; i++) {
        for (lang = JBW_LANG_NL; lang <= JBW_LANG_EN; lang++) {
            jbw_wait_case c = zero_case("O");
            jbw_score s;
            c.kind = JBW_KIND_OTS;
            c.placement = pl[i];
            s = score_with(g_v2, &c);
            assert_ok(jbw_waitrisk_reason(r, sizeof r, g_v2, &c, &s,
                                          JBW_ITEM_MEASURE, (jbw_lang)lang));
            assert_null(strstr(r, "2022"));
            assert_null(strstr(r, "abinet"));
            s = score_with(g_v1, &c);
            assert_ok(jbw_waitrisk_reason(r, sizeof r, g_v1, &c, &s,
                                          JBW_ITEM_MEASURE, (jbw_lang)lang));
            assert_non_null(strstr(r, "2022"));
        }
    }
}

/*
 * A nieuw OTS never contacted, waiting since Fri 2025-07-18: werkdagen to
 * DAY = Jul 21-25 (5) + Jul 28-31 (4) + August (21) + Sep 1 (1) = 31.
 * time_waited: 31 > 30 -> 25. The no-contact days are the same 31 days.
 * Version 1: OTS 10 + time 25 + no contact (31 > 20) 20 = 55, hoog.
 * Version 2 counts those days once, as time waited: 10 + 25 = 35, midden.
 * Its next contact (midden: every 10 werkdagen) is overdue: due on DAY.
 */
static void test_never_contacted_days_count_once(void **state)
{
    jbw_wait_case c = zero_case("N");
    jbw_score s2, s1;
    (void)state;
    c.kind = JBW_KIND_OTS;
    c.waiting_since = D(2025, 7, 18);
    c.last_contact = JBW_DATE_NONE;
    s1 = score_with(g_v1, &c);
    assert_int_equal(s1.workdays_waiting, 31);
    assert_int_equal(item(&s1, JBW_ITEM_NO_CONTACT), 20);
    assert_int_equal(s1.points, 55);
    assert_int_equal(s1.band, JBW_BAND_HOOG);
    s2 = score_with(g_v2, &c);
    assert_int_equal(s2.workdays_waiting, 31);
    assert_int_equal(s2.workdays_no_contact, 31);
    assert_int_equal(item(&s2, JBW_ITEM_TIME_WAITED), 25);
    assert_int_equal(item(&s2, JBW_ITEM_NO_CONTACT), 0);
    assert_false(s2.items & (1u << JBW_ITEM_NO_CONTACT));
    assert_int_equal(s2.points, 35);
    assert_int_equal(s2.band, JBW_BAND_MIDDEN);
    assert_int_equal(s2.next_contact_due, DAY);
}

/*
 * The same case with an interim contact on Thu 2025-07-31: werkdagen to
 * DAY = August 21 + Sep 1 = 22 > 20 -> no contact 20, a fact apart from
 * the wait. Version 2: 10 + 25 + 20 = 55, hoog.
 * A bestaand case without any recorded contact: its wait and its days
 * without contact are the same days too, counted once: OTS 10 + time 25
 * + bestaand 10 = 45.
 */
static void test_a_recorded_contact_still_counts(void **state)
{
    jbw_wait_case c = zero_case("N2");
    jbw_score s;
    (void)state;
    c.kind = JBW_KIND_OTS;
    c.waiting_since = D(2025, 7, 18);
    c.last_contact = D(2025, 7, 31);
    s = score_with(g_v2, &c);
    assert_int_equal(s.workdays_no_contact, 22);
    assert_int_equal(item(&s, JBW_ITEM_NO_CONTACT), 20);
    assert_int_equal(s.points, 55);
    c.last_contact = JBW_DATE_NONE;
    c.previous_workers = 1;
    s = score_with(g_v2, &c);
    assert_int_equal(item(&s, JBW_ITEM_NO_CONTACT), 0);
    assert_int_equal(item(&s, JBW_ITEM_BESTAAND), 10);
    assert_int_equal(s.points, 45);
}

/* ---- new items ---------------------------------------------------------- */

/*
 * The youngest band: unborn (expected birth after DAY) or younger than 1
 * year: 20. Born 2025-03-01: 0 years on DAY -> 20. Born 2024-08-31: 1
 * year on DAY (birthday passed) -> younger than 4: 15. Expected
 * 2025-11-15: unborn -> 20, age_years JBW_AGE_UNBORN. A prenatal measure
 * (waiting since 2025-08-01, before the birth) is valid in version 2 and
 * refused by version 1, as in 0.1.0.
 */
static void test_unborn_and_newborn_are_the_youngest_band(void **state)
{
    jbw_wait_case c = zero_case("U");
    jbw_score s;
    char r[256];
    (void)state;
    c.birth_date = D(2025, 3, 1);
    s = score_with(g_v2, &c);
    assert_int_equal(s.age_years, 0);
    assert_int_equal(item(&s, JBW_ITEM_AGE), 20);
    c.birth_date = D(2024, 8, 31);
    s = score_with(g_v2, &c);
    assert_int_equal(s.age_years, 1);
    assert_int_equal(item(&s, JBW_ITEM_AGE), 15);
    s = score_with(g_v1, &c);
    assert_int_equal(item(&s, JBW_ITEM_AGE), 15);

    c.waiting_since = D(2025, 8, 1);
    c.last_contact = D(2025, 8, 20);
    c.birth_date = D(2025, 11, 15);
    s = score_with(g_v2, &c);
    assert_int_equal(s.age_years, JBW_AGE_UNBORN);
    assert_int_equal(item(&s, JBW_ITEM_AGE), 20);
    assert_ok(jbw_waitrisk_reason(r, sizeof r, g_v2, &c, &s, JBW_ITEM_AGE,
                                  JBW_LANG_NL));
    assert_non_null(strstr(r, "ongeboren"));
    s.version = JBW_SCORE_VERSION;
    assert_status(jbw_waitrisk_score(&s, g_v1, g_cal, &c, DAY), JBW_EINVAL);
    assert_error_contains("birth_date");
}

/* An expected birth more than 43 weeks (301 days) after the date cannot
 * be one: DAY + 301 = 2026-06-29 is accepted, 2026-06-30 refused. */
static void test_a_birth_date_too_far_ahead_is_refused(void **state)
{
    jbw_wait_case c = zero_case("F");
    jbw_score s;
    (void)state;
    c.last_contact = JBW_DATE_NONE;
    c.birth_date = D(2026, 6, 29);
    s = score_with(g_v2, &c);
    assert_int_equal(s.age_years, JBW_AGE_UNBORN);
    c.birth_date = D(2026, 6, 30);
    s.version = JBW_SCORE_VERSION;
    assert_status(jbw_waitrisk_score(&s, g_v2, g_cal, &c, DAY), JBW_EINVAL);
    assert_error_contains("birth_date");
}

/*
 * Safety plan, weighed only when safety is not safe (and not acute):
 * concerns 15 + no plan 10 = 25; + plan unknown 5 = 20; + plan yes 0 = 15;
 * safe with no plan: 0.
 */
static void test_safety_plan(void **state)
{
    jbw_wait_case c = zero_case("S");
    jbw_score s;
    (void)state;
    c.safety = JBW_SAFETY_CONCERNS;
    c.safety_plan = JBW_YESNO_NO;
    s = score_with(g_v2, &c);
    assert_int_equal(item(&s, JBW_ITEM_SAFETY_PLAN), 10);
    assert_int_equal(s.points, 25);
    c.safety_plan = JBW_YESNO_UNKNOWN;
    assert_int_equal(score_with(g_v2, &c).points, 20);
    c.safety_plan = JBW_YESNO_YES;
    assert_int_equal(score_with(g_v2, &c).points, 15);
    c.safety = JBW_SAFETY_SAFE;
    c.safety_plan = JBW_YESNO_NO;
    assert_int_equal(score_with(g_v2, &c).points, 0);
    /* version 1 does not know the item */
    c.safety = JBW_SAFETY_CONCERNS;
    assert_int_equal(score_with(g_v1, &c).item_points[JBW_ITEM_SAFETY_PLAN], 0);
}

/* Other help involved: no 10, unknown 5, yes 0. Domestic violence: yes
 * 15, unknown 0, no 0. Together (no help, violence) 25, midden. */
static void test_other_help_and_domestic_violence(void **state)
{
    jbw_wait_case c = zero_case("H");
    jbw_score s;
    (void)state;
    c.other_help = JBW_YESNO_NO;
    assert_int_equal(score_with(g_v2, &c).points, 10);
    c.other_help = JBW_YESNO_UNKNOWN;
    assert_int_equal(score_with(g_v2, &c).points, 5);
    c.other_help = JBW_YESNO_YES;
    c.domestic_violence = JBW_YESNO_YES;
    assert_int_equal(score_with(g_v2, &c).points, 15);
    c.domestic_violence = JBW_YESNO_UNKNOWN;
    assert_int_equal(score_with(g_v2, &c).points, 0);
    c.other_help = JBW_YESNO_NO;
    c.domestic_violence = JBW_YESNO_YES;
    s = score_with(g_v2, &c);
    assert_int_equal(item(&s, JBW_ITEM_OTHER_HELP), 10);
    assert_int_equal(item(&s, JBW_ITEM_DOMESTIC_VIOLENCE), 15);
    assert_int_equal(s.points, 25);
    assert_int_equal(s.band, JBW_BAND_MIDDEN);
}

/*
 * The term end: werkdagen from DAY to the end. Within 15 (or passed): 15;
 * within 40: 5; later: 0.
 * Fri 2025-09-19: Sep 2-5 (4) + 8-12 (5) + 15-19 (5) = 14 -> 15.
 * Mon 2025-09-22: 15 -> 15. Tue 2025-09-23: 16 -> 5.
 * Mon 2025-10-27: September 2-30 (21) + Oct 1-3 (3) + 6-10, 13-17, 20-24
 * (15) + Oct 27 (1) = 40 -> 5. Tue 2025-10-28: 41 -> 0.
 * Fri 2025-08-29 (passed) and DAY itself: 15.
 */
static void test_term_end(void **state)
{
    static const struct {
        int y, m, d, points;
    } rows[] = {
        {2025, 9, 19, 15}, {2025, 9, 22, 15}, {2025, 9, 23, 5},
        {2025, 10, 27, 5}, {2025, 10, 28, 0}, {2025, 8, 29, 15},
        {2025, 9, 1, 15},
    };
    char r[256];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof *rows; i++) {
        jbw_wait_case c = zero_case("T");
        jbw_score s;
        c.kind = JBW_KIND_OTS; /* 10 */
        c.term_end = D(rows[i].y, rows[i].m, rows[i].d);
        s = score_with(g_v2, &c);
        assert_int_equal(item(&s, JBW_ITEM_TERM_END), rows[i].points);
        assert_int_equal(s.points, 10 + rows[i].points);
        /* version 1 ignores it */
        assert_int_equal(score_with(g_v1, &c).points, 10);
    }
    {
        jbw_wait_case c = zero_case("T2");
        jbw_score s;
        c.term_end = D(2025, 8, 29);
        s = score_with(g_v2, &c);
        assert_ok(jbw_waitrisk_reason(r, sizeof r, g_v2, &c, &s,
                                      JBW_ITEM_TERM_END, JBW_LANG_NL));
        assert_non_null(strstr(r, "verstreken"));
        c.term_end = D(2025, 9, 19);
        s = score_with(g_v2, &c);
        assert_ok(jbw_waitrisk_reason(r, sizeof r, g_v2, &c, &s,
                                      JBW_ITEM_TERM_END, JBW_LANG_EN));
        assert_non_null(strstr(r, "2025-09-19"));
        assert_non_null(strstr(r, "within 15 working days"));
    }
}

/* ---- fairness ----------------------------------------------------------- */

/*
 * No points by the kind of jeugdreclassering, only by the LIJ risk level:
 * JR_ITB_CRIEM (by its own description meant for youths of non-Western
 * origin, a proxy for ethnicity) scores exactly as JR_TB_GEDWONGEN and
 * every other JR kind, at every risk level, in both versions.
 */
static void test_jr_kinds_score_the_same(void **state)
{
    static const jbw_kind jr[] = {
        JBW_KIND_JR_TB_VRIJWILLIG, JBW_KIND_JR_ITB_HARDE_KERN,
        JBW_KIND_JR_ITB_CRIEM,     JBW_KIND_JR_STP,
        JBW_KIND_JR_GBM,           JBW_KIND_JR_VGBM,
    };
    const jbw_waitrisk_model *models[2];
    int risk, mi;
    size_t k;
    (void)state;
    models[0] = g_v1;
    models[1] = g_v2;
    for (mi = 0; mi < 2; mi++) {
        for (risk = JBW_JR_RISK_UNKNOWN; risk <= JBW_JR_RISK_HIGH; risk++) {
            jbw_wait_case a = zero_case("A");
            jbw_score sa;
            a.jr_risk = (jbw_jr_risk)risk;
            a.safety = JBW_SAFETY_CONCERNS;
            a.waiting_since = D(2025, 7, 18);
            sa = score_with(models[mi], &a);
            for (k = 0; k < sizeof jr / sizeof *jr; k++) {
                jbw_wait_case b = a;
                jbw_score sb;
                b.kind = jr[k];
                sb = score_with(models[mi], &b);
                assert_int_equal(sb.points, sa.points);
                assert_int_equal(sb.band, sa.band);
                assert_int_equal(sb.items, sa.items);
                assert_memory_equal(sb.item_points, sa.item_points,
                                    sizeof sa.item_points);
            }
        }
    }
}

/* ---- the professional override ------------------------------------------ */

/*
 * The zero case scores 0, band laag; the worker overrides it to hoog with
 * a reason. The score stays 0 and the computed band laag; the band that
 * ranks and sets the contact is hoog: next contact 5 werkdagen after the
 * last contact (DAY) = Mon 2025-09-08.
 */
static void test_override_sets_the_band_and_keeps_the_score(void **state)
{
    jbw_wait_case c = zero_case("OV");
    jbw_score s;
    (void)state;
    c.override_band = JBW_BAND_HOOG;
    c.override_reason = "moeder belde: situatie thuis verslechterd";
    s = score_with(g_v2, &c);
    assert_int_equal(s.points, 0);
    assert_int_equal(s.band, JBW_BAND_HOOG);
    assert_int_equal(jbw_waitrisk_computed_band(g_v2, &s), JBW_BAND_LAAG);
    assert_int_equal(s.next_contact_due, D(2025, 9, 8));
    /* the override is the person's decision, whatever the model */
    s = score_with(g_v1, &c);
    assert_int_equal(s.band, JBW_BAND_HOOG);
    assert_int_equal(jbw_waitrisk_computed_band(NULL, &s), -1);
}

static void test_override_without_reason_is_an_input_error(void **state)
{
    jbw_wait_case c = zero_case("OV2");
    jbw_score s;
    (void)state;
    s.version = JBW_SCORE_VERSION;
    c.override_band = JBW_BAND_ACUUT;
    assert_status(jbw_waitrisk_score(&s, g_v2, g_cal, &c, DAY), JBW_EINVAL);
    assert_error_contains("override_reason");
    assert_error_contains("OV2");
    c.override_reason = " \t ";
    assert_status(jbw_waitrisk_score(&s, g_v2, g_cal, &c, DAY), JBW_EINVAL);
    assert_error_contains("override_reason");
    c.override_band = JBW_OVERRIDE_NONE;
    c.override_reason = "zonder band";
    assert_status(jbw_waitrisk_score(&s, g_v2, g_cal, &c, DAY), JBW_EINVAL);
    assert_error_contains("override_band");
    c.override_band = 4;
    c.override_reason = "x";
    assert_status(jbw_waitrisk_score(&s, g_v2, g_cal, &c, DAY), JBW_EINVAL);
    assert_error_contains("override_band");
}

/*
 * Ranking uses the overridden band: A scores 35 (midden, the never
 * contacted OTS above), B scores 0 and is overridden to hoog. B ranks
 * first; without the override A does.
 */
static void test_ranking_uses_the_overridden_band(void **state)
{
    jbw_wait_case cases[2];
    jbw_score s[2];
    size_t order[2];
    (void)state;
    cases[0] = zero_case("A");
    cases[0].kind = JBW_KIND_OTS;
    cases[0].waiting_since = D(2025, 7, 18);
    cases[0].last_contact = JBW_DATE_NONE;
    cases[1] = zero_case("B");
    cases[1].override_band = JBW_BAND_HOOG;
    cases[1].override_reason = "signaal school";
    assert_ok(jbw_waitrisk_score_batch(s, g_v2, g_cal, cases, 2, DAY));
    assert_int_equal(s[0].points, 35);
    assert_int_equal(s[1].points, 0);
    assert_ok(jbw_waitrisk_rank(order, s, cases, 2));
    assert_int_equal(order[0], 1);
    cases[1].override_band = JBW_OVERRIDE_NONE;
    cases[1].override_reason = NULL;
    assert_ok(jbw_waitrisk_score_batch(s, g_v2, g_cal, cases, 2, DAY));
    assert_ok(jbw_waitrisk_rank(order, s, cases, 2));
    assert_int_equal(order[0], 0);
}

/* ---- version-1 records ----------------------------------------------------
 */

/* The layout of jbw_wait_case version 1 (libjbw 0.1), as a program built
 * against 0.1 passes it: its arrays have this stride. */
typedef struct wait_case_v1 {
    unsigned int version;
    const char *id;
    const char *child_id;
    const char *family_id;
    const char *organisation;
    const char *region;
    jbw_kind kind;
    jbw_safety safety;
    jbw_placement placement;
    jbw_jr_risk jr_risk;
    jbw_date waiting_since;
    jbw_date birth_date;
    jbw_date last_contact;
    int previous_workers;
} wait_case_v1;

/*
 * An array of three version-1 records scores as version-2 records whose
 * new inputs are unknown: the third is the never-contacted OTS of
 * test_never_contacted_days_count_once with other help unknown (+5) and,
 * as its safety is unknown (10), the safety plan unknown (+5):
 * 10 + 25 + 10 + 5 + 5 = 55 in version 2.
 */
static void test_version_1_arrays_keep_their_stride(void **state)
{
    wait_case_v1 old[3];
    jbw_score s[3];
    size_t order[3], i;
    (void)state;
    assert_int_equal(sizeof old[0], offsetof(jbw_wait_case, safety_plan));
    memset(old, 0, sizeof old);
    for (i = 0; i < 3; i++) {
        old[i].version = 1;
        old[i].id = i == 0 ? "X0" : i == 1 ? "X1" : "X2";
        old[i].kind = JBW_KIND_OTS;
        old[i].safety = JBW_SAFETY_SAFE;
        old[i].waiting_since = DAY;
        old[i].birth_date = D(2010, 1, 1);
        old[i].last_contact = DAY;
    }
    old[2].safety = JBW_SAFETY_UNKNOWN;
    old[2].waiting_since = D(2025, 7, 18);
    old[2].last_contact = JBW_DATE_NONE;
    assert_ok(jbw_waitrisk_score_batch(
        s, g_v2, g_cal, (const jbw_wait_case *)(void *)old, 3, DAY));
    /* OTS 10 + other help unknown 5 */
    assert_int_equal(s[0].points, 15);
    assert_int_equal(s[1].points, 15);
    assert_int_equal(s[2].points, 55);
    assert_ok(
        jbw_waitrisk_rank(order, s, (const jbw_wait_case *)(void *)old, 3));
    assert_int_equal(order[0], 2);
    assert_int_equal(order[1], 0);
    assert_int_equal(order[2], 1);
}

/* ---- model files ----------------------------------------------------------
 */

static void test_model_files_name_their_base_version(void **state)
{
    jbw_waitrisk_model *m;
    char *text = NULL;
    size_t len = 0;
    int v;
    (void)state;
    m = parse_model("name = zuid-west\nversion = 3\nbase_version = 2\n"
                    "points.term_end.near = 20\n");
    assert_int_equal(jbw_waitrisk_model_base_version(m), 2);
    assert_ok(jbw_waitrisk_model_get(&v, m, "points.term_end.near"));
    assert_int_equal(v, 20);
    /* everything not set keeps the value of version 2 */
    assert_ok(jbw_waitrisk_model_get(&v, m, "points.measure.voogdij"));
    assert_int_equal(v, 20);
    jbw_waitrisk_model_free(m);
    /* without base_version: version 1, as every file written for 0.1 */
    m = parse_model("name = oud\nversion = 1\n");
    assert_int_equal(jbw_waitrisk_model_base_version(m), 1);
    assert_ok(jbw_waitrisk_model_get(&v, m, "points.measure.voogdij"));
    assert_int_equal(v, 5);
    jbw_waitrisk_model_free(m);
    /* a key of version 2 in a version-1 file */
    m = NULL;
    assert_status(parse_status(&m, "name = x\nversion = 1\n"
                                   "points.term_end.near = 3\n"),
                  JBW_EPARSE);
    assert_error_contains("line 3");
    assert_error_contains("base_version");
    assert_status(parse_status(&m, "name = x\nversion = 1\nbase_version = 3\n"),
                  JBW_EPARSE);
    assert_error_contains("base_version");
    /* the default's name and version with another value */
    assert_status(parse_status(&m, "name = jbw-wachtrisico\nversion = 2\n"
                                   "base_version = 2\npoints.handovers = 6\n"),
                  JBW_EPARSE);
    assert_error_contains("points.handovers");
    /* the saved default reads back as itself and names its base */
    assert_ok(jbw_waitrisk_model_save(&text, &len, g_v2));
    assert_non_null(strstr(text, "\nbase_version = 2\n"));
    assert_non_null(strstr(text, "\npoints.safety_plan.no = 10\n"));
    m = parse_model(text);
    assert_int_equal(jbw_waitrisk_model_version(m), 2);
    assert_int_equal(jbw_waitrisk_model_base_version(m), 2);
    jbw_waitrisk_model_free(m);
    jbw_free(text);
}

static void
test_protected_attributes_are_refused_in_version_2_files(void **state)
{
    static const char *const texts[] = {
        "name = x\nversion = 2\nbase_version = 2\npoints.nationality = 5\n",
        "base_version = 2\nname = x\nversion = 2\n"
        "points.other_help.migratieachtergrond = 1\n",
        "name = x\nversion = 2\nbase_version = 2\n"
        "description = weegt etniciteit mee\n",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof texts / sizeof *texts; i++) {
        jbw_waitrisk_model *m = NULL;
        assert_status(
            jbw_waitrisk_model_parse(&m, texts[i], strlen(texts[i]), "p.model"),
            JBW_EPROTECTED);
        assert_null(m);
        assert_error_contains("p.model line 4");
    }
}

/* ---- triage of a snapshot ---------------------------------------------------
 */

/*
 * A snapshot whose measures carry the version-2 columns, on DAY:
 * M1: OTS 10, safety concerns 15, no safety plan 10, other help no 10,
 *     domestic violence yes 15, waiting since DAY (0), no birth date
 *     (age unknown 5), term end Fri 2025-09-19 (14 werkdagen: 15):
 *     10 + 15 + 10 + 10 + 15 + 5 + 15 = 80, acuut.
 * M2: OTS 10, safe, other help yes, dv no, age unknown 5: 15, laag,
 *     overridden to hoog with a reason: ranks second (hoog) with its 15
 *     points and computed band laag.
 * M3: OTS 10, safe, other help yes, dv no, age unknown 5, no safety plan
 *     (not weighed: safe): 15, laag; ranks third.
 */
/* The measures text `measures` with one worker, W1 of JBWEST in ZHZ. */
static jbw_snapshot *load_measures(const char *measures)
{
    static const char workers[] = "id,organisation,region,fte,hired,leaving\n"
                                  "W1,JBWEST,ZHZ,1,2020-03-01,\n";
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    assert_ok(jbw_registry_zuid_west(&reg));
    assert_ok(jbw_snapshot_load_csv_buffers(&snap, NULL, reg, measures,
                                            strlen(measures), NULL, workers,
                                            strlen(workers), NULL, NULL));
    jbw_registry_free(reg);
    return snap;
}

static jbw_snapshot *v2_snapshot(void)
{
    static const char measures[] =
        "id,child_id,kind,organisation,region,start,safety,safety_plan,"
        "other_help,domestic_violence,term_end,override_band,"
        "override_reason\n"
        "M1,C1,OTS,JBWEST,ZHZ,2025-09-01,concerns,no,no,yes,2025-09-19,,\n"
        "M2,C2,OTS,JBWEST,ZHZ,2025-09-01,safe,,yes,no,,hoog,"
        "\"signaal school, 1-9\"\n"
        "M3,C3,OTS,JBWEST,ZHZ,2025-09-01,safe,no,yes,no,,,\n";
    return load_measures(measures);
}

static void test_triage_marks_overrides_in_every_output(void **state)
{
    jbw_snapshot *snap = v2_snapshot();
    jbw_triage *t = NULL;
    jbw_wait_case c = JBW_WAIT_CASE_INIT;
    jbw_score sc;
    char *out = NULL;
    (void)state;
    assert_ok(jbw_triage_new(&t, g_v2, g_cal, snap, DAY));
    assert_int_equal(jbw_triage_count(t), 3);
    sc.version = JBW_SCORE_VERSION;
    assert_ok(jbw_triage_get(&c, &sc, t, 0));
    assert_string_equal(c.id, "M1");
    assert_int_equal(sc.points, 80);
    assert_int_equal(sc.band, JBW_BAND_ACUUT);
    assert_ok(jbw_triage_get(&c, &sc, t, 1));
    assert_string_equal(c.id, "M2");
    assert_int_equal(sc.points, 15);
    assert_int_equal(sc.band, JBW_BAND_HOOG);
    assert_int_equal(jbw_waitrisk_computed_band(g_v2, &sc), JBW_BAND_LAAG);
    assert_string_equal(c.override_reason, "signaal school, 1-9");
    assert_ok(jbw_triage_get(&c, &sc, t, 2));
    assert_string_equal(c.id, "M3");

    assert_ok(jbw_triage_json(&out, NULL, t, 0, JBW_LANG_NL));
    assert_non_null(strstr(out,
                           "\"overridden\":true,\"computed_band\":\"laag\","
                           "\"override\":{\"band\":\"hoog\",\"reason\":"
                           "\"signaal school, 1-9\"}"));
    /* only the overridden case is marked */
    assert_null(strstr(strstr(out, "\"M3\""), "overridden"));
    assert_non_null(strstr(out, "\"model\":{\"name\":\"jbw-wachtrisico\","
                                "\"version\":2}"));
    jbw_free(out);
    assert_ok(jbw_triage_csv(&out, NULL, t, 0, JBW_LANG_EN));
    assert_non_null(strstr(out, ",term_end,reasons,model,model_version,"
                                "computed_band,override_reason\n"));
    assert_non_null(strstr(out, ",jbw-wachtrisico,2,laag,\"signaal school, "
                                "1-9\"\n"));
    jbw_free(out);
    assert_ok(jbw_triage_text(&out, NULL, t, 0, JBW_LANG_NL));
    assert_non_null(strstr(out, "overschreven naar hoog (berekend: laag): "
                                "signaal school, 1-9"));
    jbw_free(out);
    jbw_triage_free(t);

    /* under version 1 the override holds too and its CSV names it. M1
     * scores OTS 10 + concerns 15 + age unknown 5 = 30 (midden) there, so
     * the overridden M2 (hoog) ranks first. */
    assert_ok(jbw_triage_new(&t, g_v1, g_cal, snap, DAY));
    assert_ok(jbw_triage_get(&c, &sc, t, 0));
    assert_string_equal(c.id, "M2");
    assert_int_equal(sc.band, JBW_BAND_HOOG);
    assert_ok(jbw_triage_csv(&out, NULL, t, 0, JBW_LANG_EN));
    assert_non_null(strstr(out, ",handovers,reasons,model,model_version,"
                                "computed_band,override_reason\n"));
    jbw_free(out);
    jbw_triage_free(t);
    jbw_snapshot_free(snap);
}

/* An override reason is free text and may hold a line break (a quoted
 * CSV field) or a tab: the text table keeps it on the row's one line,
 * each such character a space; the JSON keeps it exact. */
static void test_override_reason_stays_on_one_line_in_text(void **state)
{
    static const char measures[] =
        "id,child_id,kind,organisation,region,start,override_band,"
        "override_reason\n"
        "M2,C2,OTS,JBWEST,ZHZ,2025-09-01,hoog,\"signaal\nschool\tthuis\"\n";
    jbw_snapshot *snap = load_measures(measures);
    jbw_triage *t = NULL;
    char *out = NULL;
    (void)state;
    assert_ok(jbw_triage_new(&t, g_v2, g_cal, snap, DAY));
    assert_ok(jbw_triage_text(&out, NULL, t, 0, JBW_LANG_NL));
    assert_non_null(strstr(out, ": signaal school thuis\n"));
    assert_null(strstr(out, "signaal\n"));
    jbw_free(out);
    assert_ok(jbw_triage_json(&out, NULL, t, 0, JBW_LANG_NL));
    assert_non_null(strstr(out, "\"reason\":\"signaal\\nschool\\tthuis\""));
    jbw_free(out);
    jbw_triage_free(t);
    jbw_snapshot_free(snap);
}

/* ---- register entry and card ----------------------------------------------
 */

static void test_register_entry_json_has_the_standard_fields(void **state)
{
    static const char *const keys[] = {
        "\"naam\"",
        "\"korte_omschrijving\"",
        "\"organisatie\"",
        "\"doel_en_impact\"",
        "\"menselijke_tussenkomst\"",
        "\"risicobeheer\"",
        "\"wettelijke_basis\"",
        "\"impacttoetsen\"",
        "\"gegevens\"",
        "\"technische_werking\"",
        "\"link_naar_broncode\"",
    };
    char *out = NULL;
    size_t len = 0, i;
    (void)state;
    assert_ok(
        jbw_waitrisk_model_register(&out, &len, g_v2, JBW_MODEL_FORMAT_JSON));
    assert_int_equal(strlen(out), len);
    for (i = 0; i < sizeof keys / sizeof *keys; i++)
        assert_non_null(strstr(out, keys[i]));
    assert_non_null(strstr(out, "\"model\":{\"name\":\"jbw-wachtrisico\","
                                "\"version\":2"));
    /* what the organisation fills in is marked as such */
    assert_non_null(strstr(out, "\"fill_by\":\"organisation\""));
    /* the items come from the model itself */
    assert_non_null(strstr(out, "term_end"));
    assert_non_null(strstr(out, "override"));
    jbw_free(out);
    assert_ok(jbw_waitrisk_model_register(&out, &len, g_v1,
                                          JBW_MODEL_FORMAT_MARKDOWN));
    assert_non_null(strstr(out, "# "));
    assert_non_null(strstr(out, "Menselijke tussenkomst"));
    assert_non_null(strstr(out, "In te vullen door de organisatie"));
    assert_null(strstr(out, "term_end"));
    jbw_free(out);
    assert_status(
        jbw_waitrisk_model_register(&out, &len, g_v2, (jbw_model_format)7),
        JBW_EINVAL);
}

static void test_model_card_lists_items_points_and_bands(void **state)
{
    char *out = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_waitrisk_model_card(&out, &len, g_v2));
    assert_non_null(strstr(out, "jbw-wachtrisico"));
    assert_non_null(strstr(out, "| `term_end` |"));
    assert_non_null(strstr(out, "| `safety_plan` |"));
    assert_non_null(strstr(out, "| **acuut** |"));
    assert_non_null(strstr(out, "No national framework publishes points"));
    jbw_free(out);
    assert_status(jbw_waitrisk_model_card(&out, &len, NULL), JBW_EINVAL);
}

/*
 * The library's own model does not "build on" itself; a model file of
 * one's own builds on the version it names (base_version 2 here), in the
 * card and in the register's technical description.
 */
static void test_card_and_register_say_what_a_model_builds_on(void **state)
{
    jbw_waitrisk_model *m =
        parse_model("name = zuid-west\nversion = 3\nbase_version = 2\n");
    char *out = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_waitrisk_model_card(&out, &len, g_v2));
    assert_non_null(strstr(out, "The model libjbw ships"));
    assert_null(strstr(out, "Builds on"));
    jbw_free(out);
    assert_ok(jbw_waitrisk_model_register(&out, &len, g_v2,
                                          JBW_MODEL_FORMAT_MARKDOWN));
    assert_non_null(strstr(out, "versie 2 (het model van libjbw)"));
    assert_null(strstr(out, "bouwt op"));
    jbw_free(out);
    assert_ok(jbw_waitrisk_model_card(&out, &len, m));
    assert_non_null(
        strstr(out, "Builds on libjbw's `jbw-wachtrisico` version 2."));
    jbw_free(out);
    assert_ok(
        jbw_waitrisk_model_register(&out, &len, m, JBW_MODEL_FORMAT_MARKDOWN));
    assert_non_null(strstr(out, "Puntenlijst zuid-west versie 3 (bouwt op "
                                "jbw-wachtrisico versie 2)"));
    jbw_free(out);
    jbw_waitrisk_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_is_version_2_and_version_1_is_selectable),
        cmocka_unit_test(test_codes_of_new_items_and_answers),
        cmocka_unit_test(test_wait_case_init_knows_both_versions),
        cmocka_unit_test(test_zero_case_scores_nothing),
        cmocka_unit_test(test_vots_with_placement_weighs_like_ots_with_one),
        cmocka_unit_test(test_voogdij_without_a_voogd_weighs),
        cmocka_unit_test(test_ots_reasons_do_not_cite_the_cabinet_rule),
        cmocka_unit_test(test_never_contacted_days_count_once),
        cmocka_unit_test(test_a_recorded_contact_still_counts),
        cmocka_unit_test(test_unborn_and_newborn_are_the_youngest_band),
        cmocka_unit_test(test_a_birth_date_too_far_ahead_is_refused),
        cmocka_unit_test(test_safety_plan),
        cmocka_unit_test(test_other_help_and_domestic_violence),
        cmocka_unit_test(test_term_end),
        cmocka_unit_test(test_jr_kinds_score_the_same),
        cmocka_unit_test(test_override_sets_the_band_and_keeps_the_score),
        cmocka_unit_test(test_override_without_reason_is_an_input_error),
        cmocka_unit_test(test_ranking_uses_the_overridden_band),
        cmocka_unit_test(test_version_1_arrays_keep_their_stride),
        cmocka_unit_test(test_model_files_name_their_base_version),
        cmocka_unit_test(
            test_protected_attributes_are_refused_in_version_2_files),
        cmocka_unit_test(test_triage_marks_overrides_in_every_output),
        cmocka_unit_test(test_override_reason_stays_on_one_line_in_text),
        cmocka_unit_test(test_register_entry_json_has_the_standard_fields),
        cmocka_unit_test(test_model_card_lists_items_points_and_bands),
        cmocka_unit_test(test_card_and_register_say_what_a_model_builds_on),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
