/*
 * libjbw - data-quality findings of a caseload (include/jbw/caseload.h):
 * rows the load keeps but the people who own the data should see, the
 * legal and statistical age and length limits of docs/sources.md.
 *
 * One pass over the measures; the array of findings grows as they come
 * (a file has few: about one measure in ten). The birth-date rule needs
 * every active measure of a child first: a pass before gathers them per
 * child.
 */
#include "caseload/caseload_internal.h"

static const char *const finding_codes[JBW_FINDING_RULE_COUNT] = {
    "jr_over_22",
    "jb_after_18",
    "vots_over_3_months",
    "worker_not_employed",
    "child_birth_dates_differ",
    "unborn_placed"};

int jbw_finding_rule_count(void)
{
    return JBW_FINDING_RULE_COUNT;
}

const char *jbw_finding_rule_code(jbw_finding_rule rule)
{
    unsigned i = (unsigned)rule;
    return i < JBW_FINDING_RULE_COUNT ? finding_codes[i] : NULL;
}

/* The day a person born on `birth` turns `years`, as jbw_years_between
 * counts it (born 29 February: 1 March in a common year); NONE when out
 * of the range. */
static jbw_date birthday(jbw_date birth, int years)
{
    jbw_date d;
    int32_t age;
    if (jbw_date_add_months(&d, birth, 12 * years) != JBW_OK ||
        jbw_years_between(&age, birth, d) != JBW_OK)
        return JBW_DATE_NONE;
    return age < years ? d + 1 : d;
}

/* The first day of the measure [start, last] on or after `limit`, when
 * the measure ran that far; NONE otherwise. */
static jbw_date broken_since(jbw_date limit, jbw_date start, jbw_date last)
{
    if (limit == JBW_DATE_NONE || limit > last)
        return JBW_DATE_NONE;
    return limit > start ? limit : start;
}

/* The first day a measure counted as assigned to its named worker up
 * to `date` (its start, or its first_assigned when later) on which that
 * worker was not employed; NONE when the measure is not assigned to a
 * named worker on `date`, the worker is employed on it, or the worker was
 * hired after `date` but by the data's reference date: the records name
 * who carries a measure on their own date, and that worker may have taken
 * it over after `date` (an earlier date is an approximation there, not an
 * error in the data). */
static jbw_date worker_gone_since(const jbw_snapshot *snap, size_t i,
                                  jbw_date date, jbw_date reference)
{
    const jbw__measures *m = &snap->m;
    uint32_t w = m->worker[i];
    jbw_date from = m->start[i];
    /* the worker's employment first: it rules out nearly every measure
     * before its state is worked out */
    if (w == JBW__NONE || jbw__worker_employed(snap, w, date) ||
        jbw__measure_state(snap, i, date) != JBW_STATE_ASSIGNED)
        return JBW_DATE_NONE;
    if (snap->w.hired[w] > date && snap->w.hired[w] <= reference)
        return JBW_DATE_NONE;
    if (m->first_assigned[i] != JBW_DATE_NONE && m->first_assigned[i] > from)
        from = m->first_assigned[i];
    /* not employed on the date: not yet hired on `from`, or left (hired
     * on or before `from`, so the leaving date is known and <= date) */
    if (snap->w.hired[w] > from)
        return from;
    return snap->w.leaving[w] > from ? snap->w.leaving[w] : from;
}

/* Per child, over the measures active on the date with a birth date: the
 * earliest start (and that measure's birth date), and the earliest start
 * of a measure with another birth date. For a measure born `b`, the
 * earliest start among the child's measures born otherwise is `first`
 * when b differs from first_birth, else `other`. */
typedef struct child_births {
    jbw_date first, first_birth, other;
} child_births;

static int active_with_birth(const jbw__measures *m, size_t i, jbw_date date)
{
    return m->birth_date[i] != JBW_DATE_NONE && m->start[i] <= date &&
           (m->end[i] == JBW_DATE_NONE || date < m->end[i]);
}

/* NULL with *failed 0 when no active measure has a birth date. */
static child_births *gather_births(const jbw_snapshot *snap, jbw_date date,
                                   int *failed)
{
    const jbw__measures *m = &snap->m;
    child_births *c = NULL;
    size_t i, k, n = snap->child_ids.count;
    *failed = 0;
    for (i = 0; i < m->count; i++) {
        child_births *b;
        jbw_date s = m->start[i], birth = m->birth_date[i];
        if (!active_with_birth(m, i, date))
            continue;
        if (!c) {
            if ((c = jbw__malloc(n * sizeof *c)) == NULL) {
                *failed = 1;
                return NULL;
            }
            for (k = 0; k < n; k++)
                c[k].first = c[k].first_birth = c[k].other = JBW_DATE_NONE;
        }
        b = &c[m->child[i]];
        if (b->first == JBW_DATE_NONE) {
            b->first = s;
            b->first_birth = birth;
        } else if (birth == b->first_birth) {
            if (s < b->first)
                b->first = s;
        } else if (s < b->first) {
            /* the old earliest has another birth date than this one */
            b->other = b->first;
            b->first = s;
            b->first_birth = birth;
        } else if (b->other == JBW_DATE_NONE || s < b->other) {
            b->other = s;
        }
    }
    return c;
}

/* The first day measure i (active on the date, with a birth date: the
 * caller says so by `active`) ran beside a measure of the same child with
 * another birth date; NONE when there is none. */
static jbw_date births_differ_since(const jbw__measures *m, size_t i,
                                    const child_births *c, int active)
{
    const child_births *b;
    jbw_date other;
    if (!c || !active)
        return JBW_DATE_NONE;
    b = &c[m->child[i]];
    other = m->birth_date[i] != b->first_birth ? b->first : b->other;
    if (other == JBW_DATE_NONE)
        return JBW_DATE_NONE;
    return other > m->start[i] ? other : m->start[i];
}

/* The day 3 calendar months after a VOTS's start (jbw_date_add_months),
 * NONE out of the range: measures share start days, so the memo keeps the
 * month arithmetic to about one call a day. */
static jbw_date vots_limit(jbw__date_memo *memo, jbw_date start)
{
    jbw__date_memo *slot = jbw__date_memo_slot(memo, start);
    jbw_date limit;
    if (slot->set && slot->key == start)
        return slot->value;
    if (jbw_date_add_months(&limit, start, 3) != JBW_OK)
        limit = JBW_DATE_NONE;
    slot->key = start;
    slot->value = limit;
    slot->set = 1;
    return limit;
}

/* An OTS or VOTS active on the date, placed out of home (or in crisis
 * care) while its child is not yet born on the reference date, which
 * the record's placement describes: its start; NONE otherwise. */
static jbw_date unborn_placed_since(const jbw_snapshot *snap, size_t i,
                                    jbw_date date, jbw_date reference)
{
    const jbw__measures *m = &snap->m;
    jbw_kind kind = (jbw_kind)m->kind[i];
    if (m->placement[i] == (uint8_t)JBW_PLACEMENT_NONE ||
        m->birth_date[i] == JBW_DATE_NONE || m->birth_date[i] <= reference ||
        (kind != JBW_KIND_OTS && kind != JBW_KIND_VOTS) || m->start[i] > date ||
        (m->end[i] != JBW_DATE_NONE && m->end[i] <= date))
        return JBW_DATE_NONE;
    return m->start[i];
}

/* The rules one measure breaks up to `date`: bit r of the result set and
 * since[r] its first day for each rule r it breaks (since[] is left alone
 * for the others); 0 when it breaks none. `reference` is the snapshot's
 * reference date. */
static unsigned check_measure(jbw_date since[JBW_FINDING_RULE_COUNT],
                              jbw_date *last_out, const jbw_snapshot *snap,
                              size_t i, jbw_date date, jbw_date reference,
                              const child_births *births,
                              jbw__date_memo *limits)
{
    const jbw__measures *m = &snap->m;
    jbw_date start = m->start[i], end = m->end[i], birth = m->birth_date[i];
    jbw_date last = end != JBW_DATE_NONE && end - 1 < date ? end - 1 : date;
    jbw_kind kind = (jbw_kind)m->kind[i];
    jbw_date d;
    unsigned broken = 0;
    *last_out = last;
    if (start > date)
        return 0;
#define BREAKS(rule, value)                                                    \
    do {                                                                       \
        if ((d = (value)) != JBW_DATE_NONE) {                                  \
            since[rule] = d;                                                   \
            broken |= 1u << (rule);                                            \
        }                                                                      \
    } while (0)
    /* 18 years take at least 6,574 days: most children are settled here */
    if (birth != JBW_DATE_NONE && last - birth >= 18 * 365) {
        if (jbw_kind_domain(kind) == JBW_DOMAIN_JR)
            BREAKS(JBW_FINDING_JR_OVER_22,
                   broken_since(birthday(birth, 23), start, last));
        else
            BREAKS(JBW_FINDING_JB_AFTER_18,
                   broken_since(birthday(birth, 18), start, last));
    }
    if (kind == JBW_KIND_VOTS && last - start >= 89)
        BREAKS(JBW_FINDING_VOTS_OVER_3_MONTHS,
               broken_since(vots_limit(limits, start), start, last));
    /* the rules below concern measures active on the date: last = date */
    BREAKS(JBW_FINDING_WORKER_NOT_EMPLOYED,
           worker_gone_since(snap, i, date, reference));
    BREAKS(JBW_FINDING_CHILD_BIRTH_DATES_DIFFER,
           births_differ_since(m, i, births,
                               /* active on the date: it ran to the date */
                               birth != JBW_DATE_NONE && last == date));
    BREAKS(JBW_FINDING_UNBORN_PLACED,
           unborn_placed_since(snap, i, date, reference));
#undef BREAKS
    return broken;
}

jbw_status jbw__cl_findings(jbw_caseload *cl)
{
    const jbw__measures *m = &cl->snap->m;
    jbw_date since[JBW_FINDING_RULE_COUNT], last;
    jbw_date reference = jbw_snapshot_reference_date(cl->snap);
    size_t i, cap = 0;
    int r, failed;
    jbw__date_memo *limits;
    child_births *births = gather_births(cl->snap, cl->date, &failed);
    if (failed)
        return jbw__enomem();
    if ((limits = jbw__calloc(JBW__DATE_MEMO, sizeof *limits)) == NULL) {
        jbw__free(births);
        return jbw__enomem();
    }
    for (i = 0; i < m->count; i++) {
        unsigned broken = check_measure(since, &last, cl->snap, i, cl->date,
                                        reference, births, limits);
        if (!broken) /* most measures */
            continue;
        for (r = 0; r < JBW_FINDING_RULE_COUNT; r++) {
            jbw__cl_finding *f;
            void *p = cl->findings;
            if (!(broken & (1u << r)))
                continue;
            if (jbw__grow(&p, &cap, cl->finding_count + 1, sizeof *f) != 0) {
                jbw__free(limits);
                jbw__free(births);
                return jbw__enomem();
            }
            cl->findings = p;
            f = &cl->findings[cl->finding_count++];
            f->measure = (uint32_t)i;
            f->rule = (uint32_t)r;
            f->since = since[r];
            f->last = last;
            cl->finding_by_rule[r]++;
        }
    }
    jbw__free(limits);
    jbw__free(births);
    return JBW_OK;
}

size_t jbw_caseload_finding_count(const jbw_caseload *cl)
{
    return cl ? cl->finding_count : 0;
}

size_t jbw_caseload_finding_count_rule(const jbw_caseload *cl,
                                       jbw_finding_rule rule)
{
    unsigned r = (unsigned)rule;
    return cl && r < JBW_FINDING_RULE_COUNT ? cl->finding_by_rule[r] : 0;
}

jbw_status jbw_caseload_finding_get(jbw_finding *out, const jbw_caseload *cl,
                                    size_t index)
{
    const jbw__cl_finding *f;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_finding_get: %s is NULL",
                          !out ? "out" : "cl");
    if (out->version != JBW_FINDING_VERSION)
        return jbw__error_version(out->version, JBW_FINDING_VERSION,
                                  JBW_FINDING_VERSION,
                                  "jbw_caseload_finding_get: jbw_finding");
    if (index >= cl->finding_count)
        return jbw__error(JBW_ERANGE, "finding index %zu: there are %zu", index,
                          cl->finding_count);
    f = &cl->findings[index];
    out->rule = (jbw_finding_rule)f->rule;
    out->measure_id = jbw__strmap_key(&cl->snap->measure_ids, f->measure);
    out->since = f->since;
    out->last = f->last;
    return jbw__ok();
}
