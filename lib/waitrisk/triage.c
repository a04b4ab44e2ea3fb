/*
 * libjbw - ranking scored cases and the triage of a snapshot's waiting
 * list (jbw_triage) with its getters.
 */
#include "waitrisk/waitrisk_internal.h"

#include <limits.h>
#include <string.h>

/* ====================================================================== */
/* Ranking                                                                 */
/* ====================================================================== */

/* Negative when case a goes before case b: band (acuut first), points
 * (high first), werkdagen waited (long first), id (byte order; no id
 * last), then input position, which makes the order total. */
static int rank_cmp(const jbw_score *s, const jbw_wait_case *c, size_t a,
                    size_t b)
{
    const char *ia = jbw__wr_case_at(c, a)->id;
    const char *ib = jbw__wr_case_at(c, b)->id;
    if (s[a].band != s[b].band)
        return s[a].band > s[b].band ? -1 : 1;
    if (s[a].points != s[b].points)
        return s[a].points > s[b].points ? -1 : 1;
    if (s[a].workdays_waiting != s[b].workdays_waiting)
        return s[a].workdays_waiting > s[b].workdays_waiting ? -1 : 1;
    if (ia && ib) {
        int r = strcmp(ia, ib);
        if (r)
            return r < 0 ? -1 : 1;
    } else if (ia || ib) {
        return ia ? -1 : 1;
    }
    return a < b ? -1 : (a > b);
}

/* Bottom-up merge sort of idx[0..n) using tmp[0..n); the result ends in
 * idx. */
static void merge_sort(size_t *idx, size_t *tmp, size_t n, const jbw_score *s,
                       const jbw_wait_case *c)
{
    size_t width, *src = idx, *dst = tmp, *t;
    for (width = 1; width < n; width *= 2) {
        size_t lo;
        for (lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = mid + width < n ? mid + width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] =
                    rank_cmp(s, c, src[j], src[i]) < 0 ? src[j++] : src[i++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        t = src;
        src = dst;
        dst = t;
    }
    if (src != idx)
        memcpy(idx, src, n * sizeof *idx);
}

/* Ranks into order[0..count); ENOMEM leaves order untouched. */
static jbw_status rank_cases(size_t *order, const jbw_score *scores,
                             const jbw_wait_case *cases, size_t count)
{
    size_t *work, i;
    if (count == 0)
        return JBW_OK;
    work = (size_t *)jbw__calloc(count, 2 * sizeof *work);
    if (!work)
        return jbw__enomem();
    for (i = 0; i < count; i++)
        work[i] = i;
    merge_sort(work, work + count, count, scores, cases);
    memcpy(order, work, count * sizeof *order);
    jbw__free(work);
    return JBW_OK;
}

jbw_status jbw_waitrisk_rank(size_t *order, const jbw_score *scores,
                             const jbw_wait_case *cases, size_t count)
{
    jbw_status st;
    if (count == 0)
        return jbw__ok();
    if (!order || !scores || !cases)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_rank: %s is NULL",
                          !order    ? "order"
                          : !scores ? "scores"
                                    : "cases");
    if (count > SIZE_MAX / (2 * sizeof(size_t)))
        return jbw__error(JBW_ENOMEM,
                          "jbw_waitrisk_rank: %lu cases are too "
                          "many to rank",
                          (unsigned long)count);
    st = rank_cases(order, scores, cases, count);
    return st == JBW_OK ? jbw__ok() : st;
}

/* ====================================================================== */
/* Triage of a snapshot                                                    */
/* ====================================================================== */

const char *jbw__wr_key(const jbw__strmap *map, uint32_t index)
{
    return index == JBW__NONE ? NULL : jbw__strmap_key(map, index);
}

/*
 * The wait case of snapshot measure i on date d in state `state`. A
 * measure that is nieuw on d because its first worker came later waited
 * since its start, had no earlier worker, and its recorded contacts after
 * d do not exist yet on d.
 */
/* The inputs of record version 2 of snapshot measure i. */
static void case_inputs(jbw_wait_case *c, const jbw_snapshot *s, size_t i)
{
    const jbw__measures *m = &s->m;
    uint32_t reason = jbw__measure_override_reason(m, i);
    c->safety_plan = jbw__measure_safety_plan(m, i);
    c->other_help = jbw__measure_other_help(m, i);
    c->domestic_violence = jbw__measure_domestic_violence(m, i);
    c->term_end = jbw__measure_term_end(m, i);
    c->override_band = jbw__measure_override_band(m, i);
    c->override_reason = reason == JBW__NONE
                             ? NULL
                             : jbw__strmap_key(&s->override_reasons, reason);
}

static void case_from_snapshot(jbw_wait_case *c, const jbw_snapshot *s,
                               size_t i, jbw_date d, jbw_measure_state state,
                               int base)
{
    static const jbw_wait_case init = JBW_WAIT_CASE_INIT;
    const jbw__measures *m = &s->m;
    *c = init;
    c->id = jbw__strmap_key(&s->measure_ids, i);
    c->child_id = jbw__wr_key(&s->child_ids, m->child[i]);
    c->family_id =
        m->family_given[i] ? jbw__wr_key(&s->family_ids, m->family[i]) : NULL;
    c->organisation = jbw__wr_key(&s->registry->org_keys, m->org[i]);
    c->region = jbw__wr_key(&s->registry->region_keys, m->region[i]);
    c->kind = (jbw_kind)m->kind[i];
    c->safety = (jbw_safety)m->safety[i];
    c->placement = (jbw_placement)m->placement[i];
    c->jr_risk = (jbw_jr_risk)m->jr_risk[i];
    c->birth_date = m->birth_date[i];
    c->last_contact =
        m->last_contact[i] <= d ? m->last_contact[i] : JBW_DATE_NONE;
    if (state == JBW_STATE_BESTAAND) {
        c->waiting_since = m->waiting_since[i];
        c->previous_workers = (int)m->previous_workers[i];
    } else {
        c->waiting_since = m->waiting_since[i];
        if (m->first_assigned[i] != JBW_DATE_NONE || c->waiting_since > d ||
            c->waiting_since == JBW_DATE_NONE)
            c->waiting_since = m->start[i];
        c->previous_workers = 0;
    }
    case_inputs(c, s, i);
    /* version 1 cannot score a prenatal measure: its birth date counts as
     * unknown there (0.1 could not hold one) */
    if (base < 2 && c->birth_date > c->waiting_since)
        c->birth_date = JBW_DATE_NONE;
}

void jbw_triage_free(jbw_triage *triage)
{
    if (!triage)
        return;
    jbw__free(triage->cases);
    jbw__free(triage->scores);
    jbw__free(triage->measure);
    jbw__free(triage->state);
    jbw__free(triage);
}

static jbw_triage *triage_alloc(size_t count)
{
    jbw_triage *t = (jbw_triage *)jbw__calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->cases = (jbw_wait_case *)jbw__calloc(count, sizeof *t->cases);
    t->scores = (jbw_score *)jbw__calloc(count, sizeof *t->scores);
    t->measure = (size_t *)jbw__calloc(count, sizeof *t->measure);
    t->state = (uint8_t *)jbw__calloc(count, sizeof *t->state);
    if (!t->cases || !t->scores || !t->measure || !t->state) {
        jbw_triage_free(t);
        return NULL;
    }
    t->count = count;
    return t;
}

/* Collects, scores and ranks the waiting measures into t (ranked). */
static jbw_status triage_fill(jbw_triage *t, const jbw_triage *raw,
                              const jbw__wr_ctx *x)
{
    size_t *order, r;
    jbw_status st = jbw__wr_score_many(raw->scores, x, raw->cases, raw->count);
    if (st != JBW_OK)
        return st;
    order = (size_t *)jbw__calloc(raw->count, sizeof *order);
    if (!order && raw->count)
        return jbw__enomem();
    st = rank_cases(order, raw->scores, raw->cases, raw->count);
    for (r = 0; st == JBW_OK && r < raw->count; r++) {
        size_t k = order[r];
        t->cases[r] = raw->cases[k];
        t->scores[r] = raw->scores[k];
        t->measure[r] = raw->measure[k];
        t->state[r] = raw->state[k];
    }
    jbw__free(order);
    return st;
}

jbw_status jbw_triage_new(jbw_triage **out, const jbw_waitrisk_model *model,
                          const jbw_calendar *cal, const jbw_snapshot *snap,
                          jbw_date date)
{
    jbw_triage *raw, *t;
    size_t i, n = 0;
    jbw__wr_ctx x;
    jbw_status st;
    if (!out || !model || !cal || !snap)
        return jbw__error(JBW_EINVAL, "jbw_triage_new: %s is NULL",
                          !out     ? "out"
                          : !model ? "model"
                          : !cal   ? "cal"
                                   : "snap");
    if (date == JBW_DATE_NONE)
        date = snap->reference_date;
    st = jbw__wr_ctx_init(&x, model, cal, date, "jbw_triage_new");
    if (st != JBW_OK)
        return st;
    for (i = 0; i < snap->m.count; i++) {
        jbw_measure_state state = jbw__measure_state(snap, i, date);
        n += state == JBW_STATE_NIEUW || state == JBW_STATE_BESTAAND;
    }
    raw = triage_alloc(n);
    t = triage_alloc(n);
    if (!raw || !t) {
        jbw_triage_free(raw);
        jbw_triage_free(t);
        return jbw__enomem();
    }
    for (i = 0, n = 0; i < snap->m.count; i++) {
        jbw_measure_state state = jbw__measure_state(snap, i, date);
        if (state != JBW_STATE_NIEUW && state != JBW_STATE_BESTAAND)
            continue;
        case_from_snapshot(&raw->cases[n], snap, i, date, state, model->base);
        raw->measure[n] = i;
        raw->state[n] = (uint8_t)state;
        n++;
    }
    st = triage_fill(t, raw, &x);
    jbw_triage_free(raw);
    if (st != JBW_OK) {
        jbw_triage_free(t);
        return st;
    }
    t->model = *model;
    t->snap = snap;
    t->date = date;
    *out = t;
    return jbw__ok();
}

size_t jbw_triage_count(const jbw_triage *triage)
{
    return triage ? triage->count : 0;
}

int jbw_triage_state(const jbw_triage *triage, size_t rank)
{
    return triage && rank < triage->count ? (int)triage->state[rank] : -1;
}

jbw_date jbw_triage_date(const jbw_triage *triage)
{
    return triage ? triage->date : JBW_DATE_NONE;
}

const jbw_waitrisk_model *jbw_triage_model(const jbw_triage *triage)
{
    return triage ? &triage->model : NULL;
}

const char *jbw_triage_data_notice(const jbw_triage *triage)
{
    return triage ? jbw_snapshot_data_notice(triage->snap) : NULL;
}

jbw_status jbw_triage_get(jbw_wait_case *wait_case, jbw_score *score,
                          const jbw_triage *triage, size_t rank)
{
    if (!triage)
        return jbw__error(JBW_EINVAL, "jbw_triage_get: triage is NULL");
    if (wait_case &&
        wait_case->version - 1u > (unsigned)JBW_WAIT_CASE_VERSION - 1u)
        return jbw__error_version(wait_case->version, 1, JBW_WAIT_CASE_VERSION,
                                  "jbw_triage_get: wait case");
    if (score && score->version != JBW_SCORE_VERSION)
        return jbw__error_version(score->version, JBW_SCORE_VERSION,
                                  JBW_SCORE_VERSION, "jbw_triage_get: score");
    if (rank >= triage->count)
        return jbw__error(JBW_ERANGE,
                          "jbw_triage_get: rank %lu is past the %lu waiting "
                          "cases",
                          (unsigned long)rank, (unsigned long)triage->count);
    if (wait_case && wait_case->version == 1) {
        memcpy(wait_case, &triage->cases[rank], WR_CASE_V1_SIZE);
        wait_case->version = 1;
    } else if (wait_case) {
        *wait_case = triage->cases[rank];
    }
    if (score)
        *score = triage->scores[rank];
    return jbw__ok();
}
