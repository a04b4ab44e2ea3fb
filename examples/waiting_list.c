/*
 * waiting_list: scores three waiting cases built in code (synthetic) with
 * the default waiting-risk model and prints each explanation.
 */
#include <jbw.h>
#include <stdio.h>

static jbw_date ymd(int y, int m, int d)
{
    jbw_date out = JBW_DATE_NONE;
    jbw_date_from_ymd(&out, y, m, d);
    return out;
}

int main(void)
{
    jbw_waitrisk_model *model = NULL;
    jbw_calendar *cal = NULL;
    jbw_wait_case cases[3] = {JBW_WAIT_CASE_INIT, JBW_WAIT_CASE_INIT,
                              JBW_WAIT_CASE_INIT};
    jbw_score scores[3];
    size_t order[3], r;
    jbw_date today = ymd(2025, 9, 1);
    jbw_status st;
    int rc = 1;

    /* A toddler under a VOTS, waiting since mid-August, safety concerns. */
    cases[0].id = "A";
    cases[0].kind = JBW_KIND_VOTS;
    cases[0].safety = JBW_SAFETY_CONCERNS;
    cases[0].waiting_since = ymd(2025, 8, 18);
    cases[0].birth_date = ymd(2022, 5, 3);
    /* A teenager on jeugdreclassering, medium risk, waiting since June,
     * whose previous worker left (bestaand). */
    cases[1].id = "B";
    cases[1].kind = JBW_KIND_JR_TB_GEDWONGEN;
    cases[1].jr_risk = JBW_JR_RISK_MEDIUM;
    cases[1].safety = JBW_SAFETY_SAFE;
    cases[1].waiting_since = ymd(2025, 6, 2);
    cases[1].birth_date = ymd(2009, 11, 20);
    cases[1].previous_workers = 1;
    cases[1].last_contact = ymd(2025, 8, 20);
    /* An OTS with an out-of-home placement, safety not yet assessed. */
    cases[2].id = "C";
    cases[2].kind = JBW_KIND_OTS;
    cases[2].placement = JBW_PLACEMENT_PLACED;
    cases[2].waiting_since = ymd(2025, 7, 14);

    if ((st = jbw_waitrisk_model_new_default(&model)) != JBW_OK ||
        (st = jbw_calendar_new(&cal, NULL)) != JBW_OK ||
        (st = jbw_waitrisk_score_batch(scores, model, cal, cases, 3, today)) !=
            JBW_OK ||
        (st = jbw_waitrisk_rank(order, scores, cases, 3)) != JBW_OK) {
        fprintf(stderr, "waiting_list: %s: %s\n", jbw_strerror(st),
                jbw_last_error());
        goto done;
    }
    printf("%s version %d, on 2025-09-01 (synthetic cases)\n",
           jbw_waitrisk_model_name(model), jbw_waitrisk_model_version(model));
    for (r = 0; r < 3; r++) {
        const jbw_wait_case *c = &cases[order[r]];
        const jbw_score *s = &scores[order[r]];
        char due[JBW_DATE_BUFSIZE];
        int item;
        jbw_date_format(due, sizeof due, s->next_contact_due);
        printf("\n%zu. case %s: %s, %d points, %d werkdagen waiting, next "
               "contact %s\n",
               r + 1, c->id, jbw_band_code(s->band), s->points,
               (int)s->workdays_waiting, due);
        for (item = 0; item < JBW_ITEM_COUNT; item++) {
            char reason[256];
            if (!(s->items & (1u << item)))
                continue;
            jbw_waitrisk_reason(reason, sizeof reason, model, c, s,
                                (jbw_item)item, JBW_LANG_NL);
            printf("   %+4d  %s\n", s->item_points[item], reason);
        }
    }
    rc = 0;
done:
    jbw_calendar_free(cal);
    jbw_waitrisk_model_free(model);
    return rc;
}
