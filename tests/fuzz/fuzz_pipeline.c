/*
 * Fuzzes the path a user takes after a load: caseloads with every writer,
 * the snapshot counts, the triage of the waiting list and the allocation
 * proposal, on whatever snapshot the CSV loader accepts. Properties: the
 * calls succeed or fail with a documented status; the counts agree across
 * modules (caseload totals, snapshot counts, triage, allocation); the
 * ranking is ordered as waitrisk.h says.
 * Input layout: see fuzz_snapshot_load.h (same corpus as snapshot_csv).
 */
#include "fuzz_snapshot_load.h"

typedef struct shared {
    jbw_calendar *cal;
    jbw_norm *norm;
    jbw_waitrisk_model *model;
} shared;

static const shared *fuzz_shared(void)
{
    static shared s;
    if (!s.cal) {
        FUZZ_CHECK(jbw_calendar_new(&s.cal, NULL) == JBW_OK, "calendar");
        FUZZ_CHECK(jbw_norm_new_default(&s.norm) == JBW_OK, "norm");
        FUZZ_CHECK(jbw_waitrisk_model_new_default(&s.model) == JBW_OK, "model");
    }
    return &s;
}

typedef jbw_status (*cl_writer)(char **, size_t *, const jbw_caseload *);
typedef jbw_status (*tr_writer)(char **, size_t *, const jbw_triage *, size_t,
                                jbw_lang);
typedef jbw_status (*al_writer)(char **, size_t *, const jbw_allocation *);

static void check_text(jbw_status st, char *text, size_t len, const char *what)
{
    FUZZ_CHECK(st == JBW_OK, "%s: %d", what, (int)st);
    FUZZ_CHECK(text && strlen(text) == len, "%s: length", what);
    jbw_free(text);
}

static void check_caseload(const jbw_caseload *cl, const jbw_snapshot *snap)
{
    static const cl_writer writers[] = {jbw_caseload_json, jbw_caseload_csv,
                                        jbw_caseload_workers_csv,
                                        jbw_caseload_text};
    jbw_caseload_totals t;
    jbw_snapshot_counts c;
    size_t i, k, sum_kind = 0;
    for (i = 0; i < sizeof writers / sizeof writers[0]; i++) {
        char *text = NULL;
        size_t len = 0;
        jbw_status st = writers[i](&text, &len, cl);
        check_text(st, text, len, "caseload writer");
    }
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    FUZZ_CHECK(jbw_caseload_totals_get(&t, cl) == JBW_OK, "totals");
    FUZZ_CHECK(
        t.assigned + t.waiting_nieuw + t.waiting_bestaand == t.active_measures,
        "assigned %zu + nieuw %zu + bestaand %zu != active %zu", t.assigned,
        t.waiting_nieuw, t.waiting_bestaand, t.active_measures);
    for (k = 0; k < JBW_KIND_SLOTS; k++)
        sum_kind += t.by_kind[k];
    FUZZ_CHECK(sum_kind == t.active_measures, "by_kind sums to %zu, not %zu",
               sum_kind, t.active_measures);
    FUZZ_CHECK(t.children <= t.active_measures &&
                   t.families <= t.active_measures,
               "children %zu families %zu active %zu", t.children, t.families,
               t.active_measures);
    FUZZ_CHECK(t.coupling_within <= t.coupling_started &&
                   t.coupling_waiting_past <= t.coupling_started,
               "coupling %zu/%zu/%zu", t.coupling_within, t.coupling_started,
               t.coupling_waiting_past);
    FUZZ_CHECK(t.free_capacity >= 0.0 && t.required_fte >= 0.0 &&
                   t.available_fte >= 0.0 && t.effective_fte >= 0.0 &&
                   t.effective_fte <= t.available_fte + 1e-9,
               "fte figures");
    FUZZ_CHECK(t.workers == jbw_caseload_worker_count(cl), "worker count");

    c.version = JBW_SNAPSHOT_COUNTS_VERSION;
    FUZZ_CHECK(jbw_snapshot_counts_get(&c, snap, jbw_caseload_date(cl), NULL,
                                       NULL) == JBW_OK,
               "snapshot counts");
    FUZZ_CHECK(c.active == t.active_measures && c.assigned == t.assigned &&
                   c.waiting_nieuw == t.waiting_nieuw &&
                   c.waiting_bestaand == t.waiting_bestaand &&
                   c.children == t.children && c.families == t.families &&
                   c.workers == t.workers,
               "snapshot counts and caseload totals disagree");

    for (k = 0; k < 2; k++) {
        jbw_group g = k ? JBW_GROUP_REGION : JBW_GROUP_ORGANISATION;
        size_t n = jbw_caseload_group_count(cl, g), active = 0;
        for (i = 0; i < n; i++) {
            jbw_caseload_totals gt;
            const char *key = NULL;
            gt.version = JBW_CASELOAD_TOTALS_VERSION;
            FUZZ_CHECK(jbw_caseload_group_get(&gt, &key, cl, g, i) == JBW_OK &&
                           key,
                       "group %zu/%zu", k, i);
            active += gt.active_measures;
        }
        FUZZ_CHECK(active == t.active_measures,
                   "groups of kind %zu hold %zu active measures, not %zu", k,
                   active, t.active_measures);
    }
    for (i = 0; i < jbw_caseload_worker_count(cl); i++) {
        jbw_worker_load w;
        w.version = JBW_WORKER_LOAD_VERSION;
        FUZZ_CHECK(jbw_caseload_worker_get(&w, cl, i) == JBW_OK, "worker %zu",
                   i);
        FUZZ_CHECK(w.status <= JBW_LOAD_NO_CAPACITY && w.load >= 0.0 &&
                       w.capacity >= 0.0,
                   "worker %zu figures", i);
    }
}

/* waitrisk.h: band (acuut first), points, workdays_waiting, id. */
static int ranked_before(const jbw_score *a, const jbw_wait_case *ca,
                         const jbw_score *b, const jbw_wait_case *cb)
{
    if (a->band != b->band)
        return a->band > b->band;
    if (a->points != b->points)
        return a->points > b->points;
    if (a->workdays_waiting != b->workdays_waiting)
        return a->workdays_waiting > b->workdays_waiting;
    return strcmp(ca->id, cb->id) < 0;
}

static void check_triage(const jbw_triage *tr, size_t waiting)
{
    static const tr_writer writers[] = {jbw_triage_json, jbw_triage_csv,
                                        jbw_triage_text};
    size_t n = jbw_triage_count(tr), i, w;
    jbw_wait_case prev_case = JBW_WAIT_CASE_INIT;
    jbw_score prev;
    memset(&prev, 0, sizeof prev);
    FUZZ_CHECK(n == waiting, "triage holds %zu cases, %zu wait", n, waiting);
    for (i = 0; i < n; i++) {
        jbw_wait_case c;
        jbw_score s;
        c.version = JBW_WAIT_CASE_VERSION;
        s.version = JBW_SCORE_VERSION;
        FUZZ_CHECK(jbw_triage_get(&c, &s, tr, i) == JBW_OK, "triage_get %zu",
                   i);
        FUZZ_CHECK(s.band <= JBW_BAND_ACUUT && c.id, "case %zu", i);
        if (i > 0)
            FUZZ_CHECK(ranked_before(&prev, &prev_case, &s, &c),
                       "rank %zu ('%s') is not before rank %zu ('%s')", i - 1,
                       prev_case.id, i, c.id);
        prev = s;
        prev_case = c;
    }
    for (w = 0; w < sizeof writers / sizeof writers[0]; w++) {
        char *text = NULL;
        size_t len = 0;
        jbw_status st = writers[w](&text, &len, tr, 0, JBW_LANG_NL);
        check_text(st, text, len, "triage writer");
        st = writers[w](&text, &len, tr, 3, JBW_LANG_EN);
        check_text(st, text, len, "triage writer (top 3)");
    }
}

static void check_allocation(const jbw_allocation *al, size_t waiting)
{
    static const al_writer writers[] = {jbw_allocation_json, jbw_allocation_csv,
                                        jbw_allocation_text};
    size_t n = jbw_allocation_count(al), i, assigned = 0;
    FUZZ_CHECK(n == waiting, "allocation has %zu lines, %zu wait", n, waiting);
    for (i = 0; i < n; i++) {
        const char *id = NULL, *worker = NULL;
        size_t rank = 0;
        int reason = -1;
        FUZZ_CHECK(jbw_allocation_get(&id, &rank, &worker, &reason, al, i) ==
                       JBW_OK,
                   "allocation_get %zu", i);
        FUZZ_CHECK(id && (worker ? reason == 0
                                 : (reason == JBW_UNASSIGNED_NO_CAPACITY ||
                                    reason == JBW_UNASSIGNED_NO_WORKER)),
                   "allocation line %zu: worker %s reason %d", i,
                   worker ? worker : "(none)", reason);
        assigned += worker != NULL;
    }
    FUZZ_CHECK(assigned == jbw_allocation_assigned(al),
               "assigned %zu, allocation_assigned %zu", assigned,
               jbw_allocation_assigned(al));
    for (i = 0; i < sizeof writers / sizeof writers[0]; i++) {
        char *text = NULL;
        size_t len = 0;
        jbw_status st = writers[i](&text, &len, al);
        check_text(st, text, len, "allocation writer");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const shared *sh = fuzz_shared();
    fuzz_snapshot_input in;
    jbw_snapshot *snap;
    jbw_caseload *cl = (jbw_caseload *)FUZZ_SENTINEL;
    jbw_triage *tr = (jbw_triage *)FUZZ_SENTINEL;
    jbw_allocation *al = (jbw_allocation *)FUZZ_SENTINEL;
    jbw_caseload_totals t;
    jbw_status st;
    size_t waiting;

    fuzz_split_snapshot_input(&in, data, size);
    snap = fuzz_load_snapshot(&in);
    if (!snap)
        return 0;

    st = jbw_caseload_compute(&cl, snap, sh->norm, sh->cal, NULL);
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "caseload_compute");
        FUZZ_CHECK(cl == (jbw_caseload *)FUZZ_SENTINEL, "caseload written");
        jbw_snapshot_free(snap);
        return 0;
    }
    check_caseload(cl, snap);
    t.version = JBW_CASELOAD_TOTALS_VERSION;
    FUZZ_CHECK(jbw_caseload_totals_get(&t, cl) == JBW_OK, "totals");
    waiting = t.waiting_nieuw + t.waiting_bestaand;

    st = jbw_triage_new(&tr, sh->model, sh->cal, snap, JBW_DATE_NONE);
    if (st != JBW_OK) {
        FUZZ_CHECK_FAILURE(st, "triage_new");
        FUZZ_CHECK(tr == (jbw_triage *)FUZZ_SENTINEL, "triage written");
    } else {
        check_triage(tr, waiting);
        st = jbw_allocation_new(&al, tr, snap, sh->norm, sh->cal);
        if (st != JBW_OK) {
            FUZZ_CHECK_FAILURE(st, "allocation_new");
            FUZZ_CHECK(al == (jbw_allocation *)FUZZ_SENTINEL,
                       "allocation written");
        } else {
            check_allocation(al, waiting);
            jbw_allocation_free(al);
        }
        jbw_triage_free(tr);
    }
    jbw_caseload_free(cl);
    jbw_snapshot_free(snap);
    return 0;
}
