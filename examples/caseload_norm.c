/*
 * caseload_norm: builds a small snapshot in code (synthetic records) and
 * prints one organisation's figures against the default norm, FNV-GI 2023
 * (12 child-protection measures per full-time jeugdbeschermer).
 */
#include <jbw.h>
#include <stdio.h>
#include <string.h>

static int fail(const char *what, jbw_status st)
{
    fprintf(stderr, "caseload_norm: %s: %s: %s\n", what, jbw_strerror(st),
            jbw_last_error());
    return 1;
}

static jbw_date ymd(int y, int m, int d)
{
    jbw_date out = JBW_DATE_NONE;
    jbw_date_from_ymd(&out, y, m, d);
    return out;
}

int main(void)
{
    jbw_registry *reg = NULL;
    jbw_snapshot *snap = NULL;
    jbw_norm *norm = NULL;
    jbw_calendar *cal = NULL;
    jbw_caseload *cl = NULL;
    jbw_caseload_totals t;
    jbw_status st;
    size_t i, n;
    int rc = 1;
    char id[16], child[16];
    /* Two jeugdbeschermers of JB west in Zuid-Holland Zuid: one full-time
     * since 2023, one part-time hired in July 2025 (still ramping up). */
    jbw_worker w1 = JBW_WORKER_INIT, w2 = JBW_WORKER_INIT;

    if ((st = jbw_registry_zuid_west(&reg)) != JBW_OK)
        return fail("registry", st);
    if ((st = jbw_snapshot_new(&snap, reg, ymd(2025, 9, 1))) != JBW_OK) {
        rc = fail("snapshot", st);
        goto done;
    }
    w1.id = "W1";
    w1.organisation = "JBWEST";
    w1.region = "ZHZ";
    w1.fte = 1.0;
    w1.hired = ymd(2023, 3, 1);
    w2.id = "W2";
    w2.organisation = "JBWEST";
    w2.region = "ZHZ";
    w2.fte = 0.8;
    w2.hired = ymd(2025, 7, 1);
    if ((st = jbw_snapshot_add_worker(snap, &w1)) != JBW_OK ||
        (st = jbw_snapshot_add_worker(snap, &w2)) != JBW_OK) {
        rc = fail("worker", st);
        goto done;
    }
    /* 16 OTS measures: 12 with W1, 2 with W2, 2 waiting (nieuw). */
    for (i = 0; i < 16; i++) {
        jbw_measure m = JBW_MEASURE_INIT;
        snprintf(id, sizeof id, "M%zu", i + 1);
        snprintf(child, sizeof child, "C%zu", i + 1);
        m.id = id;
        m.child_id = child;
        m.kind = JBW_KIND_OTS;
        m.organisation = "JBWEST";
        m.region = "ZHZ";
        m.start = ymd(2025, 1, 6);
        if (i < 12) {
            m.worker_id = "W1";
            m.first_assigned = ymd(2025, 1, 8);
        } else if (i < 14) {
            m.worker_id = "W2";
            m.first_assigned = ymd(2025, 7, 2);
            m.start = ymd(2025, 6, 30);
        } else {
            m.start = ymd(2025, 8, 25);
        }
        if ((st = jbw_snapshot_add_measure(snap, &m)) != JBW_OK) {
            rc = fail("measure", st);
            goto done;
        }
    }
    if ((st = jbw_norm_new_default(&norm)) != JBW_OK ||
        (st = jbw_calendar_new(&cal, NULL)) != JBW_OK ||
        (st = jbw_caseload_compute(&cl, snap, norm, cal, NULL)) != JBW_OK) {
        rc = fail("caseload", st);
        goto done;
    }
    n = jbw_caseload_group_count(cl, JBW_GROUP_ORGANISATION);
    for (i = 0; i < n; i++) {
        const char *key = NULL;
        t.version = JBW_CASELOAD_TOTALS_VERSION;
        if ((st = jbw_caseload_group_get(&t, &key, cl, JBW_GROUP_ORGANISATION,
                                         i)) != JBW_OK) {
            rc = fail("group", st);
            goto done;
        }
        if (strcmp(key, "JBWEST") != 0)
            continue;
        printf("Jeugdbescherming west on 2025-09-01 (synthetic records)\n");
        printf("  active measures      %zu\n", t.active_measures);
        printf("  waiting nieuw        %zu\n", t.waiting_nieuw);
        printf("  waiting bestaand     %zu\n", t.waiting_bestaand);
        printf("  required FTE         %.2f\n", t.required_fte);
        printf("  effective FTE        %.2f\n", t.effective_fte);
        printf("  FTE gap              %.2f\n", t.fte_gap);
        printf("  free capacity        %.2f children\n", t.free_capacity);
    }
    rc = 0;
done:
    jbw_caseload_free(cl);
    jbw_calendar_free(cal);
    jbw_norm_free(norm);
    jbw_snapshot_free(snap);
    jbw_registry_free(reg);
    return rc;
}
