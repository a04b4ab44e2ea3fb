/*
 * Tests of the data-quality findings of a caseload (caseload.h): rows the
 * load keeps but the report counts and lists. Every record is synthetic;
 * every expected figure is worked out by hand in the comments.
 *
 * The rules (docs/formats.md, docs/sources.md): jeugdreclassering on a day
 * the child was 23 or older (CBS counts JR for ages 12 up to and including
 * 22); jeugdbescherming on or after the 18th birthday (majority, BW
 * 1:233); a VOTS still running 3 calendar months after its start (at most
 * 3 months, BW 1:257). A measure is checked over the days it ran up to the
 * date: start .. min(end - 1, date). Two rules look at the measures active
 * on the date: one counted as assigned to a worker not employed on it, and
 * a child whose active measures give different birth dates.
 */
#include "jbw_test.h"

#define NONE JBW_DATE_NONE

/* G1 serves R1. Reference date 2025-09-01. */
static jbw_snapshot *new_snapshot(void)
{
    static const char *const serves[] = {"1"};
    return jbw_test_snapshot(D(2025, 9, 1), 1, serves, 1);
}

static void add(jbw_snapshot *snap, const char *id, jbw_kind kind,
                jbw_date birth, jbw_date start, jbw_date end)
{
    jbw_measure m = JBW_MEASURE_INIT;
    m.id = id;
    m.child_id = id; /* one child per measure */
    m.kind = kind;
    m.organisation = "G1";
    m.region = "R1";
    m.birth_date = birth;
    m.start = start;
    m.end = end;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
}

/*
 * Reference date 2025-09-01. Per measure, what it breaks and since when:
 *  M1  JR_TB_G  born 2002-06-15, from 2025-01-01, running: 23 on
 *               2025-06-15                        -> jr_over_22 06-15
 *  M2  JR_TB_G  born 2002-09-02, running: 23 only the day after the date
 *  M3  JR_ITB   born 2002-09-01, from 2025-03-01, running: 23 on the date
 *                                                 -> jr_over_22 09-01
 *  M4  OTS      born 2007-03-01, 2024-01-01 .. end 2025-03-01: its last
 *               day is 02-28, the day before the 18th birthday
 *  M5  OTS      born 2007-03-01, 2024-01-01 .. end 2025-03-02: ran on
 *               the 18th birthday                 -> jb_after_18 03-01
 *  M6  VOOGDIJ  born 2004-02-29 (18 on 2022-03-01, a common year),
 *               2021-01-01 .. end 2022-03-01: last day 02-28
 *  M7  VOOGDIJ  the same, end 2022-03-02         -> jb_after_18 2022-03-01
 *  M8  VOTS     2025-05-28 .. end 2025-08-28: last day 08-27, 3 months
 *               would be 08-28
 *  M9  VOTS     2025-05-28 .. end 2025-08-29     -> vots 08-28, last 08-28
 *  M10 VOTS     from 2025-06-02, running: 3 months on 09-02, after the date
 *  M11 VOTS     from 2025-06-01, running: 3 months on 09-01
 *                                                 -> vots 09-01
 *  M12 JR_TB_G  no birth date, running: nothing to check
 *  M13 VOTS     born 2007-06-01, from 2025-05-01, running: 18 on 06-01 and
 *               3 months on 08-01       -> jb_after_18 06-01, vots 08-01
 *  M14 OTS      born 2026-01-01 (expected), from 2025-08-01: prenatal
 *  M15 JR_TB_G  born 2001-01-01, 2023-01-01 .. end 2023-06-01: 22 all
 *               along (23 on 2024-01-01, after its end)
 * Counts: jr_over_22 2 (M1, M3); jb_after_18 3 (M5, M7, M13); vots 3
 * (M9, M11, M13); 8 in all, in measure order, rule order within M13.
 */
static jbw_snapshot *fixture(void)
{
    jbw_snapshot *snap = new_snapshot();
    add(snap, "M1", JBW_KIND_JR_TB_GEDWONGEN, D(2002, 6, 15), D(2025, 1, 1),
        NONE);
    add(snap, "M2", JBW_KIND_JR_TB_GEDWONGEN, D(2002, 9, 2), D(2025, 1, 1),
        NONE);
    add(snap, "M3", JBW_KIND_JR_ITB_HARDE_KERN, D(2002, 9, 1), D(2025, 3, 1),
        NONE);
    add(snap, "M4", JBW_KIND_OTS, D(2007, 3, 1), D(2024, 1, 1), D(2025, 3, 1));
    add(snap, "M5", JBW_KIND_OTS, D(2007, 3, 1), D(2024, 1, 1), D(2025, 3, 2));
    add(snap, "M6", JBW_KIND_VOOGDIJ, D(2004, 2, 29), D(2021, 1, 1),
        D(2022, 3, 1));
    add(snap, "M7", JBW_KIND_VOOGDIJ, D(2004, 2, 29), D(2021, 1, 1),
        D(2022, 3, 2));
    add(snap, "M8", JBW_KIND_VOTS, NONE, D(2025, 5, 28), D(2025, 8, 28));
    add(snap, "M9", JBW_KIND_VOTS, NONE, D(2025, 5, 28), D(2025, 8, 29));
    add(snap, "M10", JBW_KIND_VOTS, NONE, D(2025, 6, 2), NONE);
    add(snap, "M11", JBW_KIND_VOTS, NONE, D(2025, 6, 1), NONE);
    add(snap, "M12", JBW_KIND_JR_TB_GEDWONGEN, NONE, D(2025, 1, 1), NONE);
    add(snap, "M13", JBW_KIND_VOTS, D(2007, 6, 1), D(2025, 5, 1), NONE);
    add(snap, "M14", JBW_KIND_OTS, D(2026, 1, 1), D(2025, 8, 1), NONE);
    add(snap, "M15", JBW_KIND_JR_TB_GEDWONGEN, D(2001, 1, 1), D(2023, 1, 1),
        D(2023, 6, 1));
    return snap;
}

static void expect(const jbw_caseload *cl, size_t i, jbw_finding_rule rule,
                   const char *id, jbw_date since, jbw_date last)
{
    jbw_finding f;
    memset(&f, 0, sizeof f);
    f.version = JBW_FINDING_VERSION;
    assert_ok(jbw_caseload_finding_get(&f, cl, i));
    assert_int_equal(f.rule, rule);
    assert_string_equal(f.measure_id, id);
    assert_int_equal(f.since, since);
    assert_int_equal(f.last, last);
}

static void findings_follow_the_three_rules(void **state)
{
    jbw_snapshot *snap = fixture();
    jbw_caseload *cl = jbw_test_caseload(snap, D(2025, 9, 1));
    jbw_date d = D(2025, 9, 1);
    (void)state;
    assert_int_equal(jbw_caseload_finding_count(cl), 8);
    assert_int_equal(
        jbw_caseload_finding_count_rule(cl, JBW_FINDING_JR_OVER_22), 2);
    assert_int_equal(
        jbw_caseload_finding_count_rule(cl, JBW_FINDING_JB_AFTER_18), 3);
    assert_int_equal(
        jbw_caseload_finding_count_rule(cl, JBW_FINDING_VOTS_OVER_3_MONTHS), 3);
    expect(cl, 0, JBW_FINDING_JR_OVER_22, "M1", D(2025, 6, 15), d);
    expect(cl, 1, JBW_FINDING_JR_OVER_22, "M3", D(2025, 9, 1), d);
    expect(cl, 2, JBW_FINDING_JB_AFTER_18, "M5", D(2025, 3, 1), D(2025, 3, 1));
    expect(cl, 3, JBW_FINDING_JB_AFTER_18, "M7", D(2022, 3, 1), D(2022, 3, 1));
    expect(cl, 4, JBW_FINDING_VOTS_OVER_3_MONTHS, "M9", D(2025, 8, 28),
           D(2025, 8, 28));
    expect(cl, 5, JBW_FINDING_VOTS_OVER_3_MONTHS, "M11", D(2025, 9, 1), d);
    expect(cl, 6, JBW_FINDING_JB_AFTER_18, "M13", D(2025, 6, 1), d);
    expect(cl, 7, JBW_FINDING_VOTS_OVER_3_MONTHS, "M13", D(2025, 8, 1), d);
    /* the load kept every row: 15 measures, findings or not */
    assert_int_equal(jbw_snapshot_measure_count(snap), 15);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/*
 * The 3 months of every VOTS end on jbw_date_add_months(start, 3),
 * whatever the order of the starts: findings.c keeps those days in a memo
 * by start day, direct-mapped by the day number over 4,096 slots
 * (JBW__DATE_MEMO), so this starts measures on days met again later, on
 * days 4,096 apart (one slot, interleaved so each evicts the other), and
 * on month ends. Every VOTS
 * runs on 2025-09-01: a finding since its day 3 months on when that day
 * is on or before the date, none otherwise.
 */
static void vots_months_of_every_start_day(void **state)
{
    static const int ends[][3] = {
        {2025, 5, 31},  {2025, 5, 30}, {2024, 11, 30}, {2024, 11, 29},
        {2023, 11, 30}, {2025, 6, 1},  {2025, 6, 2},   {2020, 2, 29}};
    enum { SPREAD = 300, ENDS = sizeof ends / sizeof ends[0] };
    enum { COUNT = 2 * SPREAD + ENDS };
    jbw_date d = D(2025, 9, 1), start[COUNT], limit;
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    size_t k, f = 0, want = 0, apart = 0;
    (void)state;
    for (k = 0; k < COUNT; k++) {
        char id[16];
        if (k < SPREAD) /* odd k: 4,096 days before the even k before */
            start[k] =
                d - 80 - (jbw_date)((k / 2 * 37) % 400) - (k % 2 ? 4096 : 0);
        else if (k < 2 * SPREAD) /* the same days again, reversed */
            start[k] = start[2 * SPREAD - 1 - k];
        else
            start[k] = D(ends[k - 2 * SPREAD][0], ends[k - 2 * SPREAD][1],
                         ends[k - 2 * SPREAD][2]);
        snprintf(id, sizeof id, "V%zu", k);
        add(snap, id, JBW_KIND_VOTS, NONE, start[k], NONE);
    }
    for (k = 1; k < SPREAD; k += 2)
        apart += start[k - 1] - start[k] == 4096;
    assert_int_equal(apart, SPREAD / 2);
    cl = jbw_test_caseload(snap, d);
    for (k = 0; k < COUNT; k++) {
        char id[16];
        assert_ok(jbw_date_add_months(&limit, start[k], 3));
        if (limit > d)
            continue;
        snprintf(id, sizeof id, "V%zu", k);
        expect(cl, f++, JBW_FINDING_VOTS_OVER_3_MONTHS, id, limit, d);
        want++;
    }
    assert_int_equal(jbw_caseload_finding_count(cl), want);
    /* nearly all ran 3 months: only starts after 2025-06-01 (3 months on
     * 09-01) have not, among them 06-02 of `ends` */
    assert_true(want > 2 * SPREAD - 40 && want < COUNT);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/*
 * On 2025-06-14 only the days up to then count: M1 is 23 only on 06-15,
 * M3 later; M5, M7 ran past 18 before; M13 is 18 since 06-01 but its 3
 * months end on 08-01; M9's last checked day is 06-14, before 08-28; M11
 * has not started. jr 0, jb 3 (M5, M7, M13), vots 0.
 */
static void findings_count_only_days_up_to_the_date(void **state)
{
    jbw_snapshot *snap = fixture();
    jbw_caseload *cl = jbw_test_caseload(snap, D(2025, 6, 14));
    (void)state;
    assert_int_equal(jbw_caseload_finding_count(cl), 3);
    assert_int_equal(
        jbw_caseload_finding_count_rule(cl, JBW_FINDING_JR_OVER_22), 0);
    expect(cl, 2, JBW_FINDING_JB_AFTER_18, "M13", D(2025, 6, 1),
           D(2025, 6, 14));
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

static void findings_in_json_and_text(void **state)
{
    jbw_snapshot *snap = fixture();
    jbw_caseload *cl = jbw_test_caseload(snap, D(2025, 9, 1));
    jbw_report_options o = JBW_REPORT_OPTIONS_INIT;
    char *out = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_caseload_json(&out, &len, cl));
    assert_non_null(
        strstr(out, "\"finding_counts\":{\"jr_over_22\":2,"
                    "\"jb_after_18\":3,\"vots_over_3_months\":3,"
                    "\"worker_not_employed\":0,"
                    "\"child_birth_dates_differ\":0,\"unborn_placed\":0}"));
    assert_non_null(strstr(out, "{\"rule\":\"jr_over_22\",\"measure\":\"M1\","
                                "\"since\":\"2025-06-15\",\"last\":"
                                "\"2025-09-01\",\"detail\":"));
    jbw_free(out);
    assert_ok(jbw_caseload_report_text(&out, &len, cl, &o));
    assert_non_null(strstr(out, "Datakwaliteit"));
    assert_non_null(strstr(out, "  VOTS langer dan 3 maanden: M9, M11, M13\n"));
    assert_non_null(
        strstr(out, "  jeugdbescherming na de 18e verjaardag: M5, M7, M13\n"));
    jbw_free(out);
    o.lang = JBW_LANG_EN;
    assert_ok(jbw_caseload_report_text(&out, &len, cl, &o));
    assert_non_null(
        strstr(out, "  jeugdreclassering at 23 or older: M1, M3\n"));
    jbw_free(out);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/* 25 VOTS running longer than 3 months: the text lists 20 ids and says
 * how many more (5); the JSON lists all 25. */
static void text_lists_twenty_ids_per_rule(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    char id[8], *out = NULL;
    const char *p;
    size_t len = 0;
    int n;
    (void)state;
    for (n = 0; n < 25; n++) {
        snprintf(id, sizeof id, "V%02d", n);
        add(snap, id, JBW_KIND_VOTS, NONE, D(2025, 1, 1), NONE);
    }
    cl = jbw_test_caseload(snap, D(2025, 9, 1));
    assert_int_equal(jbw_caseload_finding_count(cl), 25);
    assert_ok(jbw_caseload_report_text(&out, &len, cl, NULL));
    assert_non_null(strstr(out, "V18, V19 (+5 meer)\n"));
    /* wrapped before 96 columns: "  VOTS langer dan 3 maanden:" is 28
     * columns and each id 5 more (", V00"), so 13 ids fit (28 + 13 x 5 =
     * 93; a 14th would reach 98) and V13 starts the next line */
    assert_non_null(strstr(out, ": V00, V01,"));
    assert_non_null(strstr(out, " V12,\n    V13, V14,"));
    assert_null(strstr(out, "V20"));
    jbw_free(out);
    /* the analyst tables: V00 .. V19, then "5 more" (25 - 20) */
    assert_ok(jbw_caseload_text(&out, &len, cl));
    assert_non_null(strstr(out, "\n  V19  "));
    assert_null(strstr(out, "V20"));
    p = strstr(out, "\n  vots_over_3_months: 5 more\n");
    assert_non_null(p);
    assert_string_equal(p, "\n  vots_over_3_months: 5 more\n");
    jbw_free(out);
    assert_ok(jbw_caseload_json(&out, &len, cl));
    for (p = out, n = 0; (p = strstr(p, "\"measure\":\"V")) != NULL; p++)
        n++;
    assert_int_equal(n, 25);
    jbw_free(out);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/*
 * A finding's JSON object, whole: the measure id with its escapes (ids
 * may hold '"' and '\\'), since and last, and the detail with since in
 * it. VOTS from 2025-01-01, still running on 2025-09-01: since is the
 * start + 3 months, 2025-04-01; last is the date. Ids of 1, 5 and 12
 * bytes (the string writer reads 4 and 8 bytes at a time).
 */
static void
a_finding_in_json_has_its_id_escaped_and_the_detail_whole(void **state)
{
    static const char *const ids[3] = {"\"", "V\"\\1a", "VOTS-\\\"-0001"};
    static const char *const json_ids[3] = {"\\\"", "V\\\"\\\\1a",
                                            "VOTS-\\\\\\\"-0001"};
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    char want[512], *out = NULL;
    size_t len = 0, i;
    (void)state;
    for (i = 0; i < 3; i++)
        add(snap, ids[i], JBW_KIND_VOTS, NONE, D(2025, 1, 1), NONE);
    cl = jbw_test_caseload(snap, D(2025, 9, 1));
    assert_int_equal(jbw_caseload_finding_count(cl), 3);
    assert_ok(jbw_caseload_json(&out, &len, cl));
    assert_int_equal(len, strlen(out));
    for (i = 0; i < 3; i++) {
        snprintf(want, sizeof want,
                 "  {\"rule\":\"vots_over_3_months\",\"measure\":\"%s\","
                 "\"since\":\"2025-04-01\",\"last\":\"2025-09-01\","
                 "\"detail\":\"VOTS longer than 3 months: still running on "
                 "2025-04-01 (at most 3 months, BW 1:257)\"}",
                 json_ids[i]);
        if (!strstr(out, want))
            fail_msg("the JSON lacks\n%s\nin\n%s", want, out);
    }
    /* the list: "\n  " before the first, ",\n  " before the others */
    assert_non_null(strstr(out, "\"findings\":[\n  {\"rule\""));
    assert_non_null(strstr(out, "\"}\n]}\n"));
    jbw_free(out);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/*
 * Each finding's last day is its own, when findings with different last
 * days alternate: VOTS from 2025-01-01, A and C still running on
 * 2025-09-01 (last: the date), B ended on 2025-08-01 (last: the day
 * before, 2025-07-31); all three since 2025-04-01 (start + 3 months).
 */
static void each_finding_in_json_has_its_own_last_day(void **state)
{
    static const char *const want[3] = {
        "{\"rule\":\"vots_over_3_months\",\"measure\":\"A\",\"since\":"
        "\"2025-04-01\",\"last\":\"2025-09-01\",",
        "{\"rule\":\"vots_over_3_months\",\"measure\":\"B\",\"since\":"
        "\"2025-04-01\",\"last\":\"2025-07-31\",",
        "{\"rule\":\"vots_over_3_months\",\"measure\":\"C\",\"since\":"
        "\"2025-04-01\",\"last\":\"2025-09-01\","};
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    char *out = NULL;
    const char *at[3];
    size_t len = 0, i;
    (void)state;
    add(snap, "A", JBW_KIND_VOTS, NONE, D(2025, 1, 1), NONE);
    add(snap, "B", JBW_KIND_VOTS, NONE, D(2025, 1, 1), D(2025, 8, 1));
    add(snap, "C", JBW_KIND_VOTS, NONE, D(2025, 1, 1), NONE);
    cl = jbw_test_caseload(snap, D(2025, 9, 1));
    assert_int_equal(jbw_caseload_finding_count(cl), 3);
    assert_ok(jbw_caseload_json(&out, &len, cl));
    for (i = 0; i < 3; i++) {
        at[i] = strstr(out, want[i]);
        if (!at[i])
            fail_msg("the JSON lacks\n%s\nin\n%s", want[i], out);
    }
    assert_true(at[0] < at[1] && at[1] < at[2]);
    jbw_free(out);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/*
 * The analyst tables (jbw_caseload_text) end with the findings: a count
 * per rule, then at most 20 findings of each rule in measure order. On
 * the fixture (2025-09-01): the counts of findings_follow_the_three_rules
 * (jr 2, jb 3, vots 3, the others 0) and all 8 findings.
 * Widths: the rule codes are at most 24 characters
 * ("child_birth_dates_differ") and "findings" 8, right-aligned; in the
 * list "measure" (7) is wider than the ids, "vots_over_3_months" (18)
 * the widest rule, dates 10; columns are indented by 2 and parted by 2.
 *  "  rule" + 20 + 2 spaces + "findings"
 *  "  vots_over_3_months" + 6 + 2 + 7 spaces + "3"
 *  "  child_birth_dates_differ" + 2 + 7 spaces + "0"
 *  "  measure  rule" + 14 + 2 spaces + "since" + 5 + 2 spaces + "last"
 *  "  M1" + 5 + 2 spaces + "jr_over_22" + 8 + 2 spaces + since, last
 *  M13 twice, jb_after_18 (06-01) before vots_over_3_months (08-01)
 */
static void analyst_tables_end_with_the_findings(void **state)
{
    static const char m13_end[] =
        "  M13      jb_after_18         2025-06-01  2025-09-01\n"
        "  M13      vots_over_3_months  2025-08-01  2025-09-01\n";
    jbw_snapshot *snap = fixture();
    jbw_caseload *cl = jbw_test_caseload(snap, D(2025, 9, 1));
    char *out = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_caseload_text(&out, &len, cl));
    assert_non_null(strstr(out, "\nData-quality findings (counted in every "
                                "figure above; docs/formats.md)\n"
                                "  rule                      findings\n"));
    assert_non_null(strstr(out, "  vots_over_3_months               3\n"));
    assert_non_null(strstr(out, "  child_birth_dates_differ         0\n"));
    assert_non_null(
        strstr(out, "\nThe findings, at most 20 of each rule, "
                    "in measure order (the JSON lists all)\n"
                    "  measure  rule                since       last\n"
                    "  M1       jr_over_22          2025-06-15  2025-09-01\n"));
    /* the section ends with M13's two findings: no rule has more than 20 */
    assert_true(len > strlen(m13_end));
    assert_string_equal(out + len - strlen(m13_end), m13_end);
    jbw_free(out);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/* An id of the longest kind, JBW_ID_MAX bytes (127 two-byte "é" and an
 * "x"), of a VOTS past its 3 months: the analyst tables show it whole, so
 * the text stays well-formed UTF-8 and the id can be looked up. */
static void analyst_tables_show_a_long_id_whole(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    char id[JBW_ID_MAX + 1], line[JBW_ID_MAX + 64];
    char *out = NULL;
    size_t i;
    (void)state;
    for (i = 0; i < 127; i++)
        memcpy(id + 2 * i, "\xC3\xA9", 2);
    id[254] = 'x';
    id[255] = '\0';
    assert_int_equal(strlen(id), JBW_ID_MAX);
    add(snap, id, JBW_KIND_VOTS, D(2015, 1, 1), D(2025, 1, 1), NONE);
    cl = jbw_test_caseload(snap, D(2025, 9, 1));
    assert_ok(jbw_caseload_text(&out, NULL, cl));
    snprintf(line, sizeof line,
             "  %s  vots_over_3_months  2025-04-01  "
             "2025-09-01\n",
             id);
    assert_non_null(strstr(out, line));
    jbw_free(out);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

static void no_findings_says_so(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    const char *p;
    char *out = NULL;
    size_t len = 0;
    (void)state;
    add(snap, "M1", JBW_KIND_OTS, D(2015, 1, 1), D(2025, 1, 1), NONE);
    cl = jbw_test_caseload(snap, D(2025, 9, 1));
    assert_int_equal(jbw_caseload_finding_count(cl), 0);
    assert_ok(jbw_caseload_report_text(&out, &len, cl, NULL));
    assert_non_null(strstr(out, "\nDatakwaliteit: geen bevindingen\n"));
    jbw_free(out);
    assert_ok(jbw_caseload_text(&out, &len, cl));
    p = strstr(out, "\nData-quality findings: none\n");
    assert_non_null(p);
    assert_string_equal(p, "\nData-quality findings: none\n");
    jbw_free(out);
    assert_ok(jbw_caseload_json(&out, &len, cl));
    assert_non_null(strstr(out, "\"findings\":[]}"));
    jbw_free(out);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/*
 * A measure counted as assigned on the date to a worker not employed on
 * it. Date 2025-09-01; every measure OTS, its own child, no birth date.
 * Workers: W1 2020-01-01 .. leaving 2025-07-01; W2 hired 2025-10-01 (after
 * the date); W3 2020-01-01, stays; W4 2020-01-01 .. leaving 2025-09-01
 * (the date: its last day was 08-31); W5 2020-01-01 .. leaving 2025-09-02
 * (still employed on the date); W6 2025-03-01 .. leaving 2025-06-01.
 * `from` is the day the measure counts as assigned: its start, or its
 * first_assigned when later.
 *  A1 from 2025-01-01, fa 01-10, W1: hired before 01-10, left 07-01
 *                                          -> since 2025-07-01
 *  A2 from 2025-08-01, fa 08-05, W2: not yet hired on 08-05
 *                                          -> since 2025-08-05
 *  A3 W3, A5 W5: employed on the date      -> nothing
 *  A4 from 2025-01-01, fa 01-02, W4: left on the date
 *                                          -> since 2025-09-01
 *  A6 from 2025-01-01, fa 02-01, W6: hired 03-01, after 02-01
 *                                          -> since 2025-02-01
 *  A7 from 2025-08-01, no fa, W1: W1 left 07-01, before the start
 *                                          -> since 2025-08-01 (the start)
 *  A8 2025-01-01 .. end 2025-08-01, W1: not active on the date -> nothing
 *  A9 from 2025-08-20, fa 2025-09-10, W2: nieuw on the date -> nothing
 * worker_not_employed 5 (A1, A2, A4, A6, A7), each with last = the date.
 * The counts stay: active on the date A1..A7 and A9 = 8, assigned A1..A7
 * = 7, nieuw A9 = 1; employed workers W3 and W5 = 2, one measure each.
 */
static void worker_not_employed_on_the_date(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    jbw_caseload_totals t;
    jbw_date d = D(2025, 9, 1);
    (void)state;
    memset(&t, 0, sizeof t);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    jbw_test_add_worker(snap, "W1", "G1", "R1", 1, D(2020, 1, 1),
                        D(2025, 7, 1));
    jbw_test_add_worker(snap, "W2", "G1", "R1", 1, D(2025, 10, 1), NONE);
    jbw_test_add_worker(snap, "W3", "G1", "R1", 1, D(2020, 1, 1), NONE);
    jbw_test_add_worker(snap, "W4", "G1", "R1", 1, D(2020, 1, 1),
                        D(2025, 9, 1));
    jbw_test_add_worker(snap, "W5", "G1", "R1", 1, D(2020, 1, 1),
                        D(2025, 9, 2));
    jbw_test_add_worker(snap, "W6", "G1", "R1", 1, D(2025, 3, 1),
                        D(2025, 6, 1));
    jbw_test_add_worker(snap, "W7", "G1", "R1", 1, D(2025, 8, 25), NONE);
#define ADD(id, start, end, w, fa)                                             \
    jbw_test_add_measure(snap, id, id, NULL, JBW_KIND_OTS, "G1", "R1", start,  \
                         end, w, fa, 0, NONE)
    ADD("A1", D(2025, 1, 1), NONE, "W1", D(2025, 1, 10));
    ADD("A2", D(2025, 8, 1), NONE, "W2", D(2025, 8, 5));
    ADD("A3", D(2025, 1, 1), NONE, "W3", D(2025, 1, 2));
    ADD("A4", D(2025, 1, 1), NONE, "W4", D(2025, 1, 2));
    ADD("A5", D(2025, 1, 1), NONE, "W5", D(2025, 1, 2));
    ADD("A6", D(2025, 1, 1), NONE, "W6", D(2025, 2, 1));
    ADD("A7", D(2025, 8, 1), NONE, "W1", NONE);
    ADD("A8", D(2025, 1, 1), D(2025, 8, 1), "W1", D(2025, 1, 2));
    ADD("A9", D(2025, 8, 20), NONE, "W2", D(2025, 9, 10));
    ADD("A10", D(2025, 8, 1), NONE, "W7", D(2025, 8, 10));
#undef ADD
    cl = jbw_test_caseload(snap, d);
    assert_int_equal(jbw_caseload_finding_count(cl), 5);
    assert_int_equal(
        jbw_caseload_finding_count_rule(cl, JBW_FINDING_WORKER_NOT_EMPLOYED),
        5);
    expect(cl, 0, JBW_FINDING_WORKER_NOT_EMPLOYED, "A1", D(2025, 7, 1), d);
    expect(cl, 1, JBW_FINDING_WORKER_NOT_EMPLOYED, "A2", D(2025, 8, 5), d);
    expect(cl, 2, JBW_FINDING_WORKER_NOT_EMPLOYED, "A4", D(2025, 9, 1), d);
    expect(cl, 3, JBW_FINDING_WORKER_NOT_EMPLOYED, "A6", D(2025, 2, 1), d);
    expect(cl, 4, JBW_FINDING_WORKER_NOT_EMPLOYED, "A7", D(2025, 8, 1), d);
    /* the counting rule stays: assigned, the load on no worker (employed
     * on the date: W3, W5, W7) */
    assert_ok(jbw_caseload_totals_get(&t, cl));
    assert_int_equal(t.active_measures, 9);
    assert_int_equal(t.assigned, 8);
    assert_int_equal(t.waiting_nieuw, 1);
    assert_int_equal(t.waiting_bestaand, 0);
    assert_int_equal(jbw_caseload_worker_count(cl), 3);
    jbw_caseload_free(cl);
    /* On 2025-08-20, before the data's date 2025-09-01: W7, hired
     * 2025-08-25, may have taken A10 over after that day (the records
     * name the worker of their own date): no finding. W2, hired after the
     * data's date, still is one (A2), as are A1, A6 and A7, whose workers
     * had left; W4 (leaving 2025-09-01) is employed on 08-20, and A9 has
     * no worker until 09-10. */
    cl = jbw_test_caseload(snap, D(2025, 8, 20));
    assert_int_equal(jbw_caseload_finding_count(cl), 4);
    expect(cl, 0, JBW_FINDING_WORKER_NOT_EMPLOYED, "A1", D(2025, 7, 1),
           D(2025, 8, 20));
    expect(cl, 1, JBW_FINDING_WORKER_NOT_EMPLOYED, "A2", D(2025, 8, 5),
           D(2025, 8, 20));
    expect(cl, 2, JBW_FINDING_WORKER_NOT_EMPLOYED, "A6", D(2025, 2, 1),
           D(2025, 8, 20));
    expect(cl, 3, JBW_FINDING_WORKER_NOT_EMPLOYED, "A7", D(2025, 8, 1),
           D(2025, 8, 20));
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/* A measure of child `child` born `birth`, from `start` to `end`. */
static void add_child(jbw_snapshot *snap, const char *id, const char *child,
                      jbw_date birth, jbw_date start, jbw_date end)
{
    jbw_measure m = JBW_MEASURE_INIT;
    m.id = id;
    m.child_id = child;
    m.kind = JBW_KIND_OTS;
    m.organisation = "G1";
    m.region = "R1";
    m.birth_date = birth;
    m.start = start;
    m.end = end;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
}

/*
 * One child, different birth dates on its active measures. Date
 * 2025-09-01; all OTS of children under 18 (no other rule applies). A
 * measure's `since` is its start, or the earliest start of the child's
 * active measures with another birth date, when later.
 *  C1: B1 born 2015-03-01 from 2025-01-01; B2 born 2015-03-02 from 04-01;
 *      B3 born 2015-03-01 from 02-01; B4 no birth date from 01-01.
 *      B1: other birth date B2 (04-01)          -> since 2025-04-01
 *      B2: others B1 (01-01), B3 (02-01); max(04-01, 01-01)
 *                                                -> since 2025-04-01
 *      B3: B2 (04-01)                            -> since 2025-04-01
 *      B4: no birth date, not compared           -> nothing
 *  C2: B5 born 2014-01-01, 2024-01-01 .. end 2025-05-01 (ended); B6 born
 *      2014-06-01 from 2025-06-01: only one active -> nothing
 *  C3: B7 and B8 both born 2016-01-01             -> nothing
 *  C4: three birth dates: B9 2013-01-01 from 06-01, B10 2013-01-02 from
 *      02-01, B11 2013-01-03 from 07-01.
 *      B9: others from 02-01 (B10); max(06-01, 02-01) -> since 2025-06-01
 *      B10: others from 06-01 (B9)                -> since 2025-06-01
 *      B11: others from 02-01; max(07-01, 02-01)  -> since 2025-07-01
 * child_birth_dates_differ 6 (B1, B2, B3, B9, B10, B11), last the date.
 */
static void child_birth_dates_differ_on_active_measures(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    jbw_date d = D(2025, 9, 1);
    (void)state;
    add_child(snap, "B1", "C1", D(2015, 3, 1), D(2025, 1, 1), NONE);
    add_child(snap, "B2", "C1", D(2015, 3, 2), D(2025, 4, 1), NONE);
    add_child(snap, "B3", "C1", D(2015, 3, 1), D(2025, 2, 1), NONE);
    add_child(snap, "B4", "C1", NONE, D(2025, 1, 1), NONE);
    add_child(snap, "B5", "C2", D(2014, 1, 1), D(2024, 1, 1), D(2025, 5, 1));
    add_child(snap, "B6", "C2", D(2014, 6, 1), D(2025, 6, 1), NONE);
    add_child(snap, "B7", "C3", D(2016, 1, 1), D(2025, 3, 1), NONE);
    add_child(snap, "B8", "C3", D(2016, 1, 1), D(2025, 5, 1), NONE);
    add_child(snap, "B9", "C4", D(2013, 1, 1), D(2025, 6, 1), NONE);
    add_child(snap, "B10", "C4", D(2013, 1, 2), D(2025, 2, 1), NONE);
    add_child(snap, "B11", "C4", D(2013, 1, 3), D(2025, 7, 1), NONE);
    cl = jbw_test_caseload(snap, d);
    assert_int_equal(jbw_caseload_finding_count(cl), 6);
    assert_int_equal(jbw_caseload_finding_count_rule(
                         cl, JBW_FINDING_CHILD_BIRTH_DATES_DIFFER),
                     6);
    expect(cl, 0, JBW_FINDING_CHILD_BIRTH_DATES_DIFFER, "B1", D(2025, 4, 1), d);
    expect(cl, 1, JBW_FINDING_CHILD_BIRTH_DATES_DIFFER, "B2", D(2025, 4, 1), d);
    expect(cl, 2, JBW_FINDING_CHILD_BIRTH_DATES_DIFFER, "B3", D(2025, 4, 1), d);
    expect(cl, 3, JBW_FINDING_CHILD_BIRTH_DATES_DIFFER, "B9", D(2025, 6, 1), d);
    expect(cl, 4, JBW_FINDING_CHILD_BIRTH_DATES_DIFFER, "B10", D(2025, 6, 1),
           d);
    expect(cl, 5, JBW_FINDING_CHILD_BIRTH_DATES_DIFFER, "B11", D(2025, 7, 1),
           d);
    jbw_caseload_free(cl);
    /* On 2025-05-15 B11 has not started and B9 neither: C4 has only B10
     * active; C1 is as before (B1, B2, B3 since 04-01). */
    cl = jbw_test_caseload(snap, D(2025, 5, 15));
    assert_int_equal(jbw_caseload_finding_count(cl), 3);
    expect(cl, 2, JBW_FINDING_CHILD_BIRTH_DATES_DIFFER, "B3", D(2025, 4, 1),
           D(2025, 5, 15));
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

static void add_placed(jbw_snapshot *snap, const char *id, jbw_kind kind,
                       jbw_placement placement, jbw_date birth, jbw_date start,
                       jbw_date end)
{
    jbw_measure m = JBW_MEASURE_INIT;
    m.id = id;
    m.child_id = id;
    m.kind = kind;
    m.organisation = "G1";
    m.region = "R1";
    m.placement = placement;
    m.birth_date = birth;
    m.start = start;
    m.end = end;
    assert_ok(jbw_snapshot_add_measure(snap, &m));
}

/*
 * An OTS or VOTS placed out of home while its child is not yet born on
 * the reference date (2025-09-01), active on the date:
 *  U1 OTS  placed, born 2026-01-01, from 2025-08-01   -> since 2025-08-01
 *  U2 OTS  not placed, born 2026-01-01, from 2025-08-01: a prenatal OTS
 *          as the law allows                          -> nothing
 *  U3 VOTS crisis, born 2025-12-01, from 2025-08-15 (3 months on 11-15,
 *          after the date)                            -> since 2025-08-15
 *  U4 OTS  placed, born 2025-09-01, the reference date: born by then
 *                                                     -> nothing
 *  U5 OTS  placed, born 2025-09-02, 2025-06-01 .. end 2025-08-01: not
 *          active on the date                         -> nothing
 * unborn_placed 2 (U1, U3), last the date. On 2025-08-10 U3 has not
 * started: U1 alone, since 2025-08-01, last 2025-08-10 (the child is
 * still unborn on the reference date, which the placement describes).
 */
static void unborn_placed_on_active_measures(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    jbw_date d = D(2025, 9, 1);
    (void)state;
    add_placed(snap, "U1", JBW_KIND_OTS, JBW_PLACEMENT_PLACED, D(2026, 1, 1),
               D(2025, 8, 1), NONE);
    add_placed(snap, "U2", JBW_KIND_OTS, JBW_PLACEMENT_NONE, D(2026, 1, 1),
               D(2025, 8, 1), NONE);
    add_placed(snap, "U3", JBW_KIND_VOTS, JBW_PLACEMENT_CRISIS, D(2025, 12, 1),
               D(2025, 8, 15), NONE);
    add_placed(snap, "U4", JBW_KIND_OTS, JBW_PLACEMENT_PLACED, D(2025, 9, 1),
               D(2025, 8, 1), NONE);
    add_placed(snap, "U5", JBW_KIND_OTS, JBW_PLACEMENT_PLACED, D(2025, 9, 2),
               D(2025, 6, 1), D(2025, 8, 1));
    cl = jbw_test_caseload(snap, d);
    assert_int_equal(jbw_caseload_finding_count(cl), 2);
    assert_int_equal(
        jbw_caseload_finding_count_rule(cl, JBW_FINDING_UNBORN_PLACED), 2);
    expect(cl, 0, JBW_FINDING_UNBORN_PLACED, "U1", D(2025, 8, 1), d);
    expect(cl, 1, JBW_FINDING_UNBORN_PLACED, "U3", D(2025, 8, 15), d);
    jbw_caseload_free(cl);
    cl = jbw_test_caseload(snap, D(2025, 8, 10));
    assert_int_equal(jbw_caseload_finding_count(cl), 1);
    expect(cl, 0, JBW_FINDING_UNBORN_PLACED, "U1", D(2025, 8, 1),
           D(2025, 8, 10));
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

/* The new rules in the JSON and both texts: one worker who left, one child
 * with two birth dates (on 2025-09-01: W1 left 2025-07-01, so N1 since
 * then; K1 from 2025-01-01 and K2 from 2025-03-01 give two birth dates
 * since 03-01). */
static void new_rules_in_json_and_text(void **state)
{
    jbw_snapshot *snap = new_snapshot();
    jbw_caseload *cl;
    jbw_report_options o = JBW_REPORT_OPTIONS_INIT;
    char *out = NULL;
    size_t len = 0;
    (void)state;
    jbw_test_add_worker(snap, "W1", "G1", "R1", 1, D(2020, 1, 1),
                        D(2025, 7, 1));
    jbw_test_add_measure(snap, "N1", "N1", NULL, JBW_KIND_OTS, "G1", "R1",
                         D(2025, 1, 1), NONE, "W1", D(2025, 1, 2), 0, NONE);
    add_child(snap, "K1", "C1", D(2015, 3, 1), D(2025, 1, 1), NONE);
    add_child(snap, "K2", "C1", D(2016, 3, 1), D(2025, 3, 1), NONE);
    cl = jbw_test_caseload(snap, D(2025, 9, 1));
    assert_ok(jbw_caseload_json(&out, &len, cl));
    assert_non_null(strstr(out, "\"finding_counts\":{\"jr_over_22\":0,"
                                "\"jb_after_18\":0,\"vots_over_3_months\":0,"
                                "\"worker_not_employed\":1,"
                                "\"child_birth_dates_differ\":2,"
                                "\"unborn_placed\":0}"));
    assert_non_null(strstr(out, "{\"rule\":\"worker_not_employed\","
                                "\"measure\":\"N1\",\"since\":\"2025-07-01\","
                                "\"last\":\"2025-09-01\",\"detail\":\""
                                "assigned to a worker not employed on the "
                                "date, and so since 2025-07-01 "));
    assert_non_null(strstr(out, "{\"rule\":\"child_birth_dates_differ\","
                                "\"measure\":\"K1\",\"since\":\"2025-03-01\","
                                "\"last\":\"2025-09-01\""));
    jbw_free(out);
    assert_ok(jbw_caseload_report_text(&out, &len, cl, &o));
    assert_non_null(
        strstr(out, "  toegewezen aan een medewerker niet in dienst: N1\n"));
    assert_non_null(
        strstr(out, "  kind met verschillende geboortedata: K1, K2\n"));
    jbw_free(out);
    o.lang = JBW_LANG_EN;
    assert_ok(jbw_caseload_report_text(&out, &len, cl, &o));
    assert_non_null(strstr(out, "  assigned to a worker not employed: N1\n"));
    assert_non_null(
        strstr(out, "  child with differing birth dates: K1, K2\n"));
    jbw_free(out);
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

static void getters_check_null_version_and_range(void **state)
{
    jbw_snapshot *snap = fixture();
    jbw_caseload *cl = jbw_test_caseload(snap, D(2025, 9, 1));
    jbw_finding f;
    (void)state;
    memset(&f, 0, sizeof f);
    f.version = JBW_FINDING_VERSION;
    assert_status(jbw_caseload_finding_get(NULL, cl, 0), JBW_EINVAL);
    assert_status(jbw_caseload_finding_get(&f, NULL, 0), JBW_EINVAL);
    assert_status(jbw_caseload_finding_get(&f, cl, 8), JBW_ERANGE);
    f.version = 99;
    assert_status(jbw_caseload_finding_get(&f, cl, 0), JBW_EVERSION);
    assert_int_equal(jbw_caseload_finding_count(NULL), 0);
    assert_int_equal(jbw_caseload_finding_count_rule(cl, (jbw_finding_rule)5),
                     0);
    assert_int_equal(jbw_finding_rule_count(), JBW_FINDING_RULE_COUNT);
    assert_string_equal(jbw_finding_rule_code(JBW_FINDING_JR_OVER_22),
                        "jr_over_22");
    assert_string_equal(jbw_finding_rule_code(JBW_FINDING_JB_AFTER_18),
                        "jb_after_18");
    assert_string_equal(jbw_finding_rule_code(JBW_FINDING_VOTS_OVER_3_MONTHS),
                        "vots_over_3_months");
    assert_string_equal(jbw_finding_rule_code(JBW_FINDING_WORKER_NOT_EMPLOYED),
                        "worker_not_employed");
    assert_string_equal(
        jbw_finding_rule_code(JBW_FINDING_CHILD_BIRTH_DATES_DIFFER),
        "child_birth_dates_differ");
    assert_string_equal(jbw_finding_rule_code(JBW_FINDING_UNBORN_PLACED),
                        "unborn_placed");
    assert_int_equal(JBW_FINDING_RULE_COUNT, 6);
    assert_null(jbw_finding_rule_code((jbw_finding_rule)6));
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(findings_follow_the_three_rules),
        cmocka_unit_test(findings_count_only_days_up_to_the_date),
        cmocka_unit_test(vots_months_of_every_start_day),
        cmocka_unit_test(findings_in_json_and_text),
        cmocka_unit_test(text_lists_twenty_ids_per_rule),
        cmocka_unit_test(
            a_finding_in_json_has_its_id_escaped_and_the_detail_whole),
        cmocka_unit_test(each_finding_in_json_has_its_own_last_day),
        cmocka_unit_test(analyst_tables_end_with_the_findings),
        cmocka_unit_test(analyst_tables_show_a_long_id_whole),
        cmocka_unit_test(no_findings_says_so),
        cmocka_unit_test(worker_not_employed_on_the_date),
        cmocka_unit_test(child_birth_dates_differ_on_active_measures),
        cmocka_unit_test(unborn_placed_on_active_measures),
        cmocka_unit_test(new_rules_in_json_and_text),
        cmocka_unit_test(getters_check_null_version_and_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
