/*
 * Fuzzes jbw_waitrisk_model_parse. Properties: a failing parse returns a
 * documented status (JBW_EPROTECTED included) with a detail and writes
 * nothing; parse -> save -> parse -> save gives identical text; a parsed
 * model scores a fixed set of cases without overflow (UBSan checks the
 * arithmetic), with bands in range and contact intervals of at least one
 * werkdag.
 */
#include "fuzz_util.h"

static const jbw_calendar *fuzz_calendar(void)
{
    static jbw_calendar *cal;
    if (!cal)
        FUZZ_CHECK(jbw_calendar_new(&cal, NULL) == JBW_OK, "calendar");
    return cal;
}

/* Cases that reach every item: acute, each safety level, each kind, long
 * and short waits, young and old, unborn, no contact, many handovers, and
 * the items of version 2 (safety plan, other help, domestic violence, the
 * end of the term) with each answer, and the professional override. */
static void make_cases(jbw_wait_case *cases, size_t n, int v2)
{
    size_t i;
    for (i = 0; i < n; i++) {
        jbw_wait_case c = JBW_WAIT_CASE_INIT;
        c.id = "m";
        c.child_id = "c";
        c.organisation = "JBWEST";
        c.region = "HGL";
        c.kind = (jbw_kind)(i % JBW_KIND_COUNT);
        c.safety = (jbw_safety)(i % 5);
        c.placement = (jbw_placement)(i % 3);
        if (c.kind >= JBW_KIND_JR_TB_GEDWONGEN)
            c.jr_risk = (jbw_jr_risk)(i % 4);
        c.waiting_since = (jbw_date)(20332 - (int32_t)(i * 37 % 400));
        c.birth_date =
            (i % 4 == 0) ? JBW_DATE_NONE
                         : (jbw_date)(20332 - (int32_t)(i * 1013 % 6500) - 400);
        c.last_contact = (i % 3 == 0) ? JBW_DATE_NONE : c.waiting_since;
        c.previous_workers = (int)(i % 6);
        c.safety_plan = (jbw_yesno)(i % 3);
        c.other_help = (jbw_yesno)((i / 3) % 3);
        c.domestic_violence = (jbw_yesno)((i / 2) % 3);
        if (i % 5 != 0)
            c.term_end = (jbw_date)(20332 + (int32_t)(i * 11 % 90) - 20);
        if (v2 && i % 6 == 5) { /* an unborn child (version 2) */
            c.kind = i % 12 == 5 ? JBW_KIND_OTS : JBW_KIND_VOTS;
            c.jr_risk = JBW_JR_RISK_UNKNOWN;
            c.birth_date = (jbw_date)(20332 + 40);
        }
        if (i % 7 == 3) {
            c.override_band = (int)(i % 4);
            c.override_reason = "professional judgement";
        }
        cases[i] = c;
    }
}

static void check_scores(const jbw_waitrisk_model *model)
{
    jbw_wait_case cases[24];
    jbw_score scores[24];
    size_t order[24];
    size_t i, n = sizeof cases / sizeof cases[0];
    int b;
    jbw_status st;
    make_cases(cases, n, jbw_waitrisk_model_base_version(model) >= 2);
    st = jbw_waitrisk_score_batch(scores, model, fuzz_calendar(), cases, n,
                                  20332);
    FUZZ_CHECK(st == JBW_OK, "score_batch: %d", (int)st);
    for (i = 0; i < n; i++) {
        char reason[256];
        int item;
        FUZZ_CHECK(scores[i].band <= JBW_BAND_ACUUT, "band %d",
                   (int)scores[i].band);
        for (item = 0; item < JBW_ITEM_COUNT; item++) {
            st = jbw_waitrisk_reason(reason, sizeof reason, model, &cases[i],
                                     &scores[i], (jbw_item)item,
                                     (jbw_lang)(item & 1));
            FUZZ_CHECK(st == JBW_OK, "reason %d: %d", item, (int)st);
        }
    }
    FUZZ_CHECK(jbw_waitrisk_rank(order, scores, cases, n) == JBW_OK, "rank");
    for (b = JBW_BAND_LAAG; b <= JBW_BAND_ACUUT; b++)
        FUZZ_CHECK(jbw_waitrisk_model_contact_interval(model, (jbw_band)b) >= 1,
                   "contact interval of band %d", b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jbw_waitrisk_model *model = (jbw_waitrisk_model *)FUZZ_SENTINEL;
    jbw_waitrisk_model *again = NULL;
    char *t1 = NULL, *t2 = NULL;
    size_t l1 = 0, l2 = 0;
    jbw_status st = jbw_waitrisk_model_parse(&model, (const char *)data, size,
                                             "fuzz.model");
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "waitrisk_model_parse");
        FUZZ_CHECK(model == (jbw_waitrisk_model *)FUZZ_SENTINEL,
                   "model written on failure");
        return 0;
    }
    FUZZ_CHECK(jbw_waitrisk_model_name(model) != NULL, "no name");
    check_scores(model);
    st = jbw_waitrisk_model_save(&t1, &l1, model);
    FUZZ_CHECK(st == JBW_OK && strlen(t1) == l1, "model_save: %d", (int)st);
    st = jbw_waitrisk_model_parse(&again, t1, l1, "saved");
    FUZZ_CHECK(st == JBW_OK, "a saved model does not parse: %d\n%s", (int)st,
               t1);
    FUZZ_CHECK(jbw_waitrisk_model_version(again) ==
                   jbw_waitrisk_model_version(model),
               "version changed");
    FUZZ_CHECK(jbw_waitrisk_model_base_version(again) ==
                   jbw_waitrisk_model_base_version(model),
               "base version changed");
    st = jbw_waitrisk_model_save(&t2, &l2, again);
    FUZZ_CHECK(st == JBW_OK, "model_save again: %d", (int)st);
    if (!fuzz_same(t1, l1, t2, l2))
        fuzz_diff_abort("model", t1, l1, t2, l2);
    jbw_free(t1);
    jbw_free(t2);
    jbw_waitrisk_model_free(again);
    jbw_waitrisk_model_free(model);
    return 0;
}
