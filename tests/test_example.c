/*
 * Tests of the embedded example data: the synthetic Zuid-West snapshot
 * (deterministic per seed, valid, of the documented shape) and the
 * published figures (the Zuid-Holland Zuid series of the Zuid-Holland Zuid
 * council letter and the Jeugdbescherming west totals of the Rijswijk council
 * letter, both in docs/sources.md).
 *
 * The shape figures come from the generator's parameter tables, summed
 * by hand here (docs/example.md lists the same tables).
 */
#include "jbw_test.h"

static jbw_snapshot *example(uint32_t seed)
{
    jbw_snapshot *snap = NULL;
    assert_ok(jbw_example_snapshot(&snap, seed));
    assert_non_null(snap);
    return snap;
}

static jbw_snapshot_counts counts(const jbw_snapshot *snap, const char *org,
                                  const char *region)
{
    jbw_snapshot_counts c;
    memset(&c, 0, sizeof c);
    c.version = JBW_SNAPSHOT_COUNTS_VERSION;
    assert_ok(jbw_snapshot_counts_get(&c, snap, D(2025, 9, 1), org, region));
    return c;
}

static int same_string(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static int same_worker(const jbw_worker *a, const jbw_worker *b)
{
    return same_string(a->id, b->id) &&
           same_string(a->organisation, b->organisation) &&
           same_string(a->region, b->region) && a->fte == b->fte &&
           a->hired == b->hired && a->leaving == b->leaving;
}

static int same_measure(const jbw_measure *a, const jbw_measure *b)
{
    return same_string(a->id, b->id) && same_string(a->child_id, b->child_id) &&
           same_string(a->family_id, b->family_id) && a->kind == b->kind &&
           same_string(a->organisation, b->organisation) &&
           same_string(a->region, b->region) && a->start == b->start &&
           a->end == b->end && same_string(a->worker_id, b->worker_id) &&
           a->first_assigned == b->first_assigned &&
           a->waiting_since == b->waiting_since &&
           a->previous_workers == b->previous_workers &&
           a->safety == b->safety && a->placement == b->placement &&
           a->birth_date == b->birth_date &&
           a->last_contact == b->last_contact && a->jr_risk == b->jr_risk;
}

/* 1 when both snapshots hold the same records in the same order. */
static int same_snapshot(const jbw_snapshot *a, const jbw_snapshot *b)
{
    size_t i;
    if (jbw_snapshot_worker_count(a) != jbw_snapshot_worker_count(b) ||
        jbw_snapshot_measure_count(a) != jbw_snapshot_measure_count(b))
        return 0;
    for (i = 0; i < jbw_snapshot_worker_count(a); i++) {
        jbw_worker wa = JBW_WORKER_INIT, wb = JBW_WORKER_INIT;
        assert_ok(jbw_snapshot_worker(&wa, a, i));
        assert_ok(jbw_snapshot_worker(&wb, b, i));
        if (!same_worker(&wa, &wb))
            return 0;
    }
    for (i = 0; i < jbw_snapshot_measure_count(a); i++) {
        jbw_measure ma = JBW_MEASURE_INIT, mb = JBW_MEASURE_INIT;
        assert_ok(jbw_snapshot_measure(&ma, a, i));
        assert_ok(jbw_snapshot_measure(&mb, b, i));
        if (!same_measure(&ma, &mb))
            return 0;
    }
    return 1;
}

static void test_same_seed_gives_identical_records(void **state)
{
    jbw_snapshot *a = example(JBW_EXAMPLE_SEED), *b = example(JBW_EXAMPLE_SEED);
    (void)state;
    assert_true(same_snapshot(a, b));
    jbw_snapshot_free(a);
    jbw_snapshot_free(b);
}

static void test_different_seed_gives_different_records(void **state)
{
    jbw_snapshot *a = example(JBW_EXAMPLE_SEED), *b = example(1);
    (void)state;
    assert_false(same_snapshot(a, b));
    jbw_snapshot_free(a);
    jbw_snapshot_free(b);
}

static void test_reference_date_is_2025_09_01(void **state)
{
    jbw_snapshot *snap = example(JBW_EXAMPLE_SEED);
    (void)state;
    assert_int_equal(jbw_example_date(), D(2025, 9, 1));
    assert_int_equal(jbw_snapshot_reference_date(snap), D(2025, 9, 1));
    jbw_snapshot_free(snap);
}

/* The records passed every snapshot check (the snapshot loaded); its
 * registry is the embedded one. */
static void test_example_uses_zuid_west_registry(void **state)
{
    jbw_snapshot *snap = example(JBW_EXAMPLE_SEED);
    const jbw_registry *reg = jbw_snapshot_registry(snap);
    (void)state;
    assert_int_equal(jbw_registry_region_count(reg), 4);
    assert_int_equal(jbw_registry_municipality_count(reg), 37);
    assert_int_equal(jbw_registry_organisation_count(reg), 3);
    jbw_snapshot_free(snap);
}

/* Workers per cell: JBWEST 148+78+36+74 = 336, WSS 22+12+6+10 = 50,
 * LDH 15+8+4+7 = 34; 420 in all, JBWEST 336/420 = 80%. */
static void test_example_has_420_workers_80_percent_jb_west(void **state)
{
    jbw_snapshot *snap = example(JBW_EXAMPLE_SEED);
    size_t i, jbwest = 0, left = 0, recent = 0;
    (void)state;
    assert_int_equal(jbw_snapshot_worker_count(snap), 420);
    for (i = 0; i < jbw_snapshot_worker_count(snap); i++) {
        jbw_worker w = JBW_WORKER_INIT;
        assert_ok(jbw_snapshot_worker(&w, snap, i));
        jbwest += strcmp(w.organisation, "JBWEST") == 0;
        assert_true(w.fte >= 0.6 && w.fte <= 1.0); /* part-timers 0.6-1.0 */
        assert_true(w.hired <= D(2025, 9, 1));
        if (w.leaving != JBW_DATE_NONE) {
            assert_true(w.leaving <= D(2025, 9, 1));
            left++;
        }
        /* hired on or after 2025-03-02: in months 0-5 of tenure */
        recent += w.hired >= D(2025, 3, 2);
    }
    assert_int_equal(jbwest, 336);
    assert_true(left > 0);   /* a few left before the date */
    assert_true(recent > 0); /* recent hires still onboarding */
    jbw_snapshot_free(snap);
}

static void test_example_has_a_few_thousand_measures_of_every_kind(void **state)
{
    jbw_snapshot *snap = example(JBW_EXAMPLE_SEED);
    jbw_snapshot_counts c = counts(snap, NULL, NULL);
    size_t k, jr = 0;
    (void)state;
    assert_in_range(jbw_snapshot_measure_count(snap), 4500, 5000);
    for (k = 0; k < JBW_KIND_COUNT; k++)
        assert_true(c.by_kind[k] > 0);
    for (k = JBW_KIND_JR_TB_GEDWONGEN; k < JBW_KIND_COUNT; k++)
        jr += c.by_kind[k];
    /* OTS most, voogdij next; JR about 18% (15-21%) of running measures */
    for (k = 1; k < JBW_KIND_COUNT; k++)
        assert_true(c.by_kind[JBW_KIND_OTS] > c.by_kind[k]);
    for (k = 3; k < JBW_KIND_COUNT; k++)
        assert_true(c.by_kind[JBW_KIND_VOOGDIJ] > c.by_kind[k]);
    assert_true(jr * 100 >= c.active * 15 && jr * 100 <= c.active * 21);
    /* some measures ended: fewer running than in the list */
    assert_true(c.active < jbw_snapshot_measure_count(snap));
    /* siblings: fewer families than children; some children have two */
    assert_true(c.families < c.children);
    assert_true(c.children < c.active);
    jbw_snapshot_free(snap);
}

/*
 * The waiting list of the parameter tables: nieuw 30+14+7+26 (JBWEST) +
 * 5+3+1+3 (WSS) + 3+2+1+1 (LDH) = 96, bestaand 14+7+3+11 + 3+1+1+1 +
 * 2+1+0+1 = 45; 141 in all, within the 100-160 targeted. JB west in
 * Zuid-Holland Zuid: 26 nieuw and 11 bestaand, the published figure of
 * 2025-09-01 (the Zuid-Holland Zuid council letter).
 */
static void test_waiting_list_has_the_size_the_seeds_report(void **state)
{
    jbw_snapshot *snap = example(JBW_EXAMPLE_SEED);
    jbw_snapshot_counts all = counts(snap, NULL, NULL);
    jbw_snapshot_counts zhz = counts(snap, "JBWEST", "ZHZ");
    jbw_snapshot_counts jbwest = counts(snap, "JBWEST", NULL);
    (void)state;
    assert_int_equal(all.waiting_nieuw, 96);
    assert_int_equal(all.waiting_bestaand, 45);
    assert_in_range(all.waiting_nieuw + all.waiting_bestaand, 100, 160);
    assert_int_equal(zhz.waiting_nieuw, 26);
    assert_int_equal(zhz.waiting_bestaand, 11);
    assert_int_equal(jbwest.waiting_nieuw, 77);
    assert_int_equal(jbwest.waiting_bestaand, 35);
    assert_int_equal(all.assigned + all.waiting_nieuw + all.waiting_bestaand,
                     all.active);
    jbw_snapshot_free(snap);
}

/* The waiting list is the same for every seed: it is a parameter table. */
static void test_waiting_list_size_does_not_depend_on_seed(void **state)
{
    jbw_snapshot *snap = example(7);
    jbw_snapshot_counts zhz = counts(snap, "JBWEST", "ZHZ");
    (void)state;
    assert_int_equal(zhz.waiting_nieuw, 26);
    assert_int_equal(zhz.waiting_bestaand, 11);
    jbw_snapshot_free(snap);
}

/* Loads around the norm of 12 children per FTE: between 9 and 14 per
 * employed worker on average (fte 0.6-1.0, onboarding, 85-140% loads). */
static void test_loads_are_around_the_norm(void **state)
{
    jbw_snapshot *snap = example(JBW_EXAMPLE_SEED);
    jbw_snapshot_counts c = counts(snap, NULL, NULL);
    (void)state;
    assert_true(c.workers > 400 && c.workers < 420); /* a few left */
    assert_true(c.children >= c.workers * 9 && c.children <= c.workers * 14);
    jbw_snapshot_free(snap);
}

/* No date lies after the reference date; the latest equals it (some
 * measures start on it), and one ends on it (inactive there). */
static void test_no_date_after_reference_and_latest_equals_it(void **state)
{
    jbw_snapshot *snap = example(JBW_EXAMPLE_SEED);
    jbw_date ref = D(2025, 9, 1), latest = JBW_DATE_NONE;
    size_t i, starts_on_ref = 0, ends_on_ref = 0;
    (void)state;
    for (i = 0; i < jbw_snapshot_measure_count(snap); i++) {
        jbw_measure m = JBW_MEASURE_INIT;
        jbw_date dates[8];
        size_t k;
        assert_ok(jbw_snapshot_measure(&m, snap, i));
        dates[0] = m.start;
        dates[1] = m.end;
        dates[2] = m.first_assigned;
        dates[3] = m.waiting_since;
        dates[4] = m.birth_date;
        dates[5] = m.last_contact;
        dates[6] = m.help_requested;
        dates[7] = m.help_started;
        for (k = 0; k < 8; k++) {
            assert_true(dates[k] <= ref);
            if (dates[k] > latest)
                latest = dates[k];
        }
        starts_on_ref += m.start == ref;
        if (m.end == ref) {
            jbw_measure_state s;
            assert_ok(jbw_snapshot_measure_state(&s, snap, i, ref));
            assert_int_equal(s, JBW_STATE_INACTIVE);
            ends_on_ref++;
        }
    }
    assert_int_equal(latest, ref);
    assert_true(starts_on_ref > 0);
    assert_true(ends_on_ref > 0);
    jbw_snapshot_free(snap);
}

/* Jeugdreclassering applies from 12 and CBS counts it up to and
 * including 22 (docs/sources.md): every JR child of the example is 12 to
 * 22 at the start of its measure, whatever the seed (the snapshot refuses
 * under 12; the upper bound is the generator's). */
static void test_jr_children_are_12_to_22_at_start(void **state)
{
    uint32_t seeds[4] = {JBW_EXAMPLE_SEED, 1, 2, 3};
    size_t s, i, jr = 0;
    (void)state;
    for (s = 0; s < 4; s++) {
        jbw_snapshot *snap = example(seeds[s]);
        for (i = 0; i < jbw_snapshot_measure_count(snap); i++) {
            jbw_measure m = JBW_MEASURE_INIT;
            int32_t age;
            assert_ok(jbw_snapshot_measure(&m, snap, i));
            if (jbw_kind_domain(m.kind) != JBW_DOMAIN_JR)
                continue;
            assert_ok(jbw_years_between(&age, m.birth_date, m.start));
            assert_in_range(age, 12, 22);
            jr++;
        }
        jbw_snapshot_free(snap);
    }
    assert_true(jr > 1000); /* about 18% of some 5,000 measures, 4 times */
}

static void test_example_snapshot_rejects_null(void **state)
{
    (void)state;
    assert_status(jbw_example_snapshot(NULL, JBW_EXAMPLE_SEED), JBW_EINVAL);
    assert_error_contains("out is NULL");
}

/* A sample of failure points (the first 60 allocations, then spread
 * over the rest): each gives ENOMEM, no snapshot and no leak (ASan). */
static void test_example_fails_cleanly_out_of_memory(void **state)
{
    static const long later[] = {100, 333, 1000, 2500, 5000, 9000, 14000};
    long n;
    size_t i;
    (void)state;
    for (n = 0; n < 60 + (long)(sizeof later / sizeof later[0]); n++) {
        jbw_snapshot *snap = NULL;
        jbw_status st;
        i = (size_t)(n - 60);
        jbw_test_fail_after(n < 60 ? n : later[i]);
        st = jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED);
        jbw_test_fail_after(-1);
        if (st == JBW_OK) {
            jbw_snapshot_free(snap);
            continue;
        }
        assert_int_equal(st, JBW_ENOMEM);
        assert_null(snap);
    }
    jbw_test_alloc_reset();
}

static void test_notice_says_synthetic(void **state)
{
    (void)state;
    assert_non_null(jbw_example_notice());
    assert_true(strlen(jbw_example_notice()) > 0);
    assert_non_null(strstr(jbw_example_notice(), "SYNTHETIC"));
}

/* The Rijswijk council letter: 159 children without a fixed jeugdbeschermer in
 * September 2024, 99 in February 2025 (1st of the month). */
/* The example carries its notice into every writer; data the caller
 * builds carries none. */
static void test_writers_of_the_example_carry_the_notice(void **state)
{
    jbw_snapshot *snap = NULL, *own = NULL;
    jbw_registry *reg = NULL;
    jbw_caseload *cl = NULL;
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    jbw_forecast_params p;
    jbw_forecast *fc = NULL;
    char *text = NULL;
    size_t len = 0;
    const char *notice = jbw_example_notice();
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    assert_string_equal(jbw_snapshot_data_notice(snap), notice);
    assert_null(jbw_snapshot_data_notice(NULL));
    assert_ok(jbw_registry_zuid_west(&reg));
    assert_ok(jbw_snapshot_new(&own, reg, jbw_example_date()));
    assert_null(jbw_snapshot_data_notice(own));

    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_caseload_compute(&cl, snap, norm, cal, NULL));
    assert_ok(jbw_caseload_json(&text, &len, cl));
    assert_int_equal(strncmp(text, "{\"data_notice\":\"SYNTHETIC", 25), 0);
    jbw_free(text);
    assert_ok(jbw_caseload_text(&text, &len, cl));
    assert_int_equal(strncmp(text, notice, strlen(notice)), 0);
    jbw_free(text);
    assert_ok(jbw_caseload_csv(&text, &len, cl));
    assert_non_null(strstr(text, ",data_notice\n"));
    jbw_free(text);

    assert_ok(jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION));
    assert_ok(jbw_forecast_params_from_snapshot(&p, snap, NULL, JBW_DATE_NONE,
                                                NULL, NULL));
    p.months = 2;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, NULL));
    assert_null(jbw_forecast_data_notice(fc));
    assert_ok(jbw_forecast_set_data_notice(fc, jbw_snapshot_data_notice(snap)));
    assert_string_equal(jbw_forecast_data_notice(fc), notice);
    assert_ok(jbw_forecast_svg(&text, &len, fc, NULL));
    assert_non_null(strstr(text, "SYNTHETIC example data"));
    jbw_free(text);
    assert_ok(jbw_forecast_set_data_notice(fc, NULL));
    assert_ok(jbw_forecast_json(&text, &len, fc));
    assert_null(strstr(text, "data_notice"));
    jbw_free(text);
    assert_status(jbw_forecast_set_data_notice(NULL, notice), JBW_EINVAL);

    jbw_forecast_free(fc);
    jbw_caseload_free(cl);
    jbw_calendar_free(cal);
    jbw_norm_free(norm);
    jbw_snapshot_free(own);
    jbw_registry_free(reg);
    jbw_snapshot_free(snap);
}

/* Every text, JSON and CSV writer of the caseload, the report and the
 * forecast, concatenated. */
static char *all_writers(const jbw_caseload *cl, const jbw_forecast *fc)
{
    char *parts[9] = {0}, *all;
    size_t i, total = 1, len = 0;
    jbw_report_options ro;
    assert_ok(jbw_report_options_init(&ro, JBW_REPORT_OPTIONS_VERSION));
    assert_ok(jbw_caseload_text(&parts[0], &len, cl));
    assert_ok(jbw_caseload_json(&parts[1], &len, cl));
    assert_ok(jbw_caseload_csv(&parts[2], &len, cl));
    assert_ok(jbw_caseload_workers_csv(&parts[3], &len, cl));
    assert_ok(jbw_caseload_report_text(&parts[4], &len, cl, &ro));
    assert_ok(jbw_forecast_text_lang(&parts[5], &len, fc, JBW_LANG_EN));
    assert_ok(jbw_forecast_text_lang(&parts[6], &len, fc, JBW_LANG_NL));
    assert_ok(jbw_forecast_json(&parts[7], &len, fc));
    assert_ok(jbw_forecast_csv(&parts[8], &len, fc));
    for (i = 0; i < 9; i++)
        total += strlen(parts[i]);
    all = malloc(total);
    assert_non_null(all);
    all[0] = '\0';
    for (i = 0; i < 9; i++) {
        strcat(all, parts[i]);
        jbw_free(parts[i]);
    }
    return all;
}

/* A host program may set a locale with a decimal comma (a Dutch municipal
 * application will): the writers give the same bytes as in the C locale,
 * '.' in English and in the files, ',' only where the Dutch text asks for
 * it (skipped when no locale with a decimal comma is installed). */
static void test_writers_ignore_the_hosts_decimal_comma(void **state)
{
    jbw_snapshot *snap = example(JBW_EXAMPLE_SEED);
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload *cl = NULL;
    jbw_forecast_params p;
    jbw_forecast *fc = NULL;
    char *c_locale, *comma = NULL;
    int have;
    (void)state;
    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_caseload_compute(&cl, snap, norm, cal, NULL));
    assert_ok(jbw_forecast_params_init(&p, JBW_FORECAST_PARAMS_VERSION));
    assert_ok(jbw_forecast_params_from_snapshot(&p, snap, NULL, JBW_DATE_NONE,
                                                NULL, NULL));
    p.months = 3;
    assert_ok(jbw_forecast_run(&fc, &p, NULL, NULL));
    c_locale = all_writers(cl, fc);
    /* the English assumptions line and the table's norm line, which
     * printf once wrote with the host's decimal comma */
    assert_non_null(strstr(c_locale, "annual staff turnover 20.0%"));
    assert_non_null(strstr(c_locale, "status under < 0.9 <= at <= 1 < over"));
    have = jbw_test_comma_locale();
    if (have) {
        comma = all_writers(cl, fc);
        setlocale(LC_NUMERIC, "C");
        assert_string_equal(comma, c_locale);
        free(comma);
    }
    free(c_locale);
    jbw_forecast_free(fc);
    jbw_caseload_free(cl);
    jbw_calendar_free(cal);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    if (!have)
        skip();
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* The widest line in characters (UTF-8: continuation bytes not counted). */
static size_t widest_line(const char *s)
{
    size_t w = 0, most = 0;
    for (; *s; s++) {
        if (*s == '\n') {
            most = w > most ? w : most;
            w = 0;
        } else if (((unsigned char)*s & 0xC0) != 0x80) {
            w++;
        }
    }
    return w > most ? w : most;
}

/* The report for people who decide: short, Dutch by default, the worker
 * table only on request, at most 100 columns wide in either language. */
static void test_policy_report_of_the_example(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload *cl = NULL;
    jbw_report_options o = JBW_REPORT_OPTIONS_INIT;
    char *text = NULL;
    size_t len = 0;
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_caseload_compute(&cl, snap, norm, cal, NULL));
    assert_ok(jbw_caseload_report_text(&text, &len, cl, NULL));
    assert_int_equal(strlen(text), len);
    assert_int_equal(
        strncmp(text, jbw_example_notice(), strlen(jbw_example_notice())), 0);
    assert_true(count_lines(text) <= 150);
    assert_true(widest_line(text) <= 100);
    assert_non_null(strstr(text, "Koppeling binnen 5 werkdagen"));
    assert_non_null(strstr(text, "12 maatregelen per fte"));
    assert_null(strstr(text, "oupling"));
    assert_null(strstr(text, "W0001")); /* no worker table */
    jbw_free(text);
    /* English, with the 3 most loaded workers: 3 more rows, a heading, a
     * header line and a blank line */
    o.lang = JBW_LANG_EN;
    assert_ok(jbw_caseload_report_text(&text, &len, cl, &o));
    assert_non_null(strstr(text, "Caseload report on 2025-09-01"));
    assert_true(widest_line(text) <= 100);
    len = count_lines(text);
    jbw_free(text);
    o.workers_table = 1;
    o.top = 3;
    assert_ok(jbw_caseload_report_text(&text, &len, cl, &o));
    assert_non_null(strstr(text, "tenure (months)"));
    jbw_free(text);
    o.version = 9;
    assert_status(jbw_caseload_report_text(&text, &len, cl, &o), JBW_EVERSION);
    assert_status(jbw_caseload_report_text(NULL, &len, cl, NULL), JBW_EINVAL);
    assert_ok(jbw_report_options_init(&o, JBW_REPORT_OPTIONS_VERSION));
    assert_int_equal(o.lang, JBW_LANG_NL);
    jbw_caseload_free(cl);
    jbw_calendar_free(cal);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
}

static void test_jb_west_totals_are_the_published_ones(void **state)
{
    jbw_date dates[3] = {0, 0, 0};
    size_t totals[3] = {0, 0, 0}, count = 0;
    (void)state;
    assert_ok(jbw_example_totals_jbwest(dates, totals, 3, &count));
    assert_int_equal(count, 2);
    assert_int_equal(dates[0], D(2024, 9, 1));
    assert_int_equal(totals[0], 159);
    assert_int_equal(dates[1], D(2025, 2, 1));
    assert_int_equal(totals[1], 99);
    assert_int_equal(dates[2], 0); /* beyond count: not written */
}

static void test_jb_west_totals_report_small_buffer(void **state)
{
    jbw_date dates[1] = {0};
    size_t totals[1] = {0}, count = 0;
    (void)state;
    assert_status(jbw_example_totals_jbwest(dates, totals, 1, &count),
                  JBW_EBUFFER);
    assert_error_contains("room for 1");
    assert_int_equal(count, 2);
    assert_int_equal(totals[0], 159); /* the first capacity are written */
    count = 0;
    assert_status(jbw_example_totals_jbwest(NULL, NULL, 0, &count),
                  JBW_EBUFFER);
    assert_int_equal(count, 2);
    assert_status(jbw_example_totals_jbwest(dates, totals, 1, NULL),
                  JBW_EINVAL);
    assert_status(jbw_example_totals_jbwest(NULL, totals, 2, &count),
                  JBW_EINVAL);
    assert_status(jbw_example_totals_jbwest(dates, NULL, 2, &count),
                  JBW_EINVAL);
}

/* The Zuid-Holland Zuid council letter, Zuid-Holland Zuid: seven dates, nieuw /
 * bestaand. */
static void test_zhz_series_is_the_published_one(void **state)
{
    static const struct {
        int y, m, d;
        size_t nieuw, bestaand;
    } published[7] = {
        {2024, 9, 20, 41, 72}, {2024, 12, 1, 43, 64}, {2025, 1, 1, 32, 64},
        {2025, 4, 1, 48, 32},  {2025, 7, 1, 28, 9},   {2025, 8, 1, 29, 6},
        {2025, 9, 1, 26, 11},
    };
    jbw_series *s = NULL;
    size_t i;
    (void)state;
    assert_ok(jbw_example_series_zhz(&s));
    assert_int_equal(jbw_series_count(s), 7);
    assert_string_equal(jbw_series_title(s), "Zuid-Holland Zuid");
    for (i = 0; i < 7; i++) {
        jbw_series_point p;
        memset(&p, 0, sizeof p);
        p.version = JBW_SERIES_POINT_VERSION;
        assert_ok(jbw_series_get(&p, s, i));
        assert_int_equal(p.date,
                         D(published[i].y, published[i].m, published[i].d));
        assert_int_equal(p.nieuw, published[i].nieuw);
        assert_int_equal(p.bestaand, published[i].bestaand);
    }
    jbw_series_free(s);
    assert_status(jbw_example_series_zhz(NULL), JBW_EINVAL);
}

/*
 * What the writers print about a result comes from public getters: the
 * model and norm a triage or allocation was made with, its date and the
 * data notice of its snapshot (the example's; none for NULL).
 */
static void test_results_say_their_model_norm_and_notice(void **state)
{
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload *cl = NULL;
    jbw_waitrisk_model *model = NULL;
    jbw_triage *t = NULL;
    jbw_allocation *al = NULL;
    const char *notice = jbw_example_notice();
    (void)state;
    assert_ok(jbw_example_snapshot(&snap, JBW_EXAMPLE_SEED));
    assert_ok(jbw_norm_new_default(&norm));
    assert_ok(jbw_calendar_new(&cal, NULL));
    assert_ok(jbw_waitrisk_model_new_version(&model, 1));
    assert_ok(jbw_caseload_compute(&cl, snap, norm, cal, NULL));
    assert_string_equal(jbw_caseload_data_notice(cl), notice);
    assert_null(jbw_caseload_data_notice(NULL));
    assert_ok(jbw_triage_new(&t, model, cal, snap, JBW_DATE_NONE));
    /* the triage's own copy of the model, not the caller's */
    assert_non_null(jbw_triage_model(t));
    assert_ptr_not_equal(jbw_triage_model(t), model);
    assert_string_equal(jbw_waitrisk_model_name(jbw_triage_model(t)),
                        jbw_waitrisk_model_name(model));
    assert_int_equal(jbw_waitrisk_model_version(jbw_triage_model(t)), 1);
    assert_string_equal(jbw_triage_data_notice(t), notice);
    assert_null(jbw_triage_model(NULL));
    assert_null(jbw_triage_data_notice(NULL));
    assert_ok(jbw_norm_set_name(norm, "Eigen norm", "test"));
    assert_ok(jbw_allocation_new(&al, t, snap, norm, cal));
    assert_ptr_not_equal(jbw_allocation_model(al), model);
    assert_int_equal(jbw_waitrisk_model_version(jbw_allocation_model(al)), 1);
    assert_string_equal(jbw_allocation_norm_name(al), "Eigen norm");
    assert_int_equal(jbw_allocation_unit(al), jbw_norm_unit(norm));
    assert_int_equal(jbw_allocation_date(al), jbw_triage_date(t));
    assert_string_equal(jbw_allocation_data_notice(al), notice);
    assert_null(jbw_allocation_model(NULL));
    assert_null(jbw_allocation_norm_name(NULL));
    assert_null(jbw_allocation_data_notice(NULL));
    assert_int_equal(jbw_allocation_date(NULL), JBW_DATE_NONE);
    jbw_allocation_free(al);
    jbw_triage_free(t);
    jbw_caseload_free(cl);
    jbw_waitrisk_model_free(model);
    jbw_calendar_free(cal);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_seed_gives_identical_records),
        cmocka_unit_test(test_writers_of_the_example_carry_the_notice),
        cmocka_unit_test(test_writers_ignore_the_hosts_decimal_comma),
        cmocka_unit_test(test_policy_report_of_the_example),
        cmocka_unit_test(test_results_say_their_model_norm_and_notice),
        cmocka_unit_test(test_different_seed_gives_different_records),
        cmocka_unit_test(test_reference_date_is_2025_09_01),
        cmocka_unit_test(test_example_uses_zuid_west_registry),
        cmocka_unit_test(test_example_has_420_workers_80_percent_jb_west),
        cmocka_unit_test(
            test_example_has_a_few_thousand_measures_of_every_kind),
        cmocka_unit_test(test_waiting_list_has_the_size_the_seeds_report),
        cmocka_unit_test(test_waiting_list_size_does_not_depend_on_seed),
        cmocka_unit_test(test_loads_are_around_the_norm),
        cmocka_unit_test(test_no_date_after_reference_and_latest_equals_it),
        cmocka_unit_test(test_jr_children_are_12_to_22_at_start),
        cmocka_unit_test(test_example_snapshot_rejects_null),
        cmocka_unit_test(test_example_fails_cleanly_out_of_memory),
        cmocka_unit_test(test_notice_says_synthetic),
        cmocka_unit_test(test_jb_west_totals_are_the_published_ones),
        cmocka_unit_test(test_jb_west_totals_report_small_buffer),
        cmocka_unit_test(test_zhz_series_is_the_published_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
