/*
 * libjbw - the allocation proposal: waiting cases in triage order
 * assigned to workers with room under the norm (jbw_allocation).
 */
#include "caseload/unit.h"
#include "waitrisk/waitrisk_internal.h"

#include <string.h>

/* ====================================================================== */
/* Allocation proposal                                                     */
/* ====================================================================== */

/* Free capacity is compared with this slack so that a capacity of
 * 0.6 x 12 (7.199999...) still takes a load of 7.2. */
#define WR_CAPACITY_EPS 1e-9

void jbw_allocation_free(jbw_allocation *alloc)
{
    if (!alloc)
        return;
    jbw__free(alloc->norm_name);
    jbw__free(alloc->lines);
    jbw__free(alloc->workers);
    jbw__free(alloc);
}

/*
 * Which worker holds which unit (child or family) at what weight: one
 * short list per unit, since a child or family sits with one worker or
 * a few. Used to count a unit once at its heaviest weight per worker.
 */
typedef struct hold {
    uint32_t worker;
    uint32_t next; /* next entry of the same unit, JBW__NONE at the end */
    double weight;
} hold;

typedef struct alloc_state {
    const jbw_snapshot *s;
    const jbw_norm *norm;
    jbw_unit unit;
    double *free;    /* per snapshot worker (employed ones only) */
    uint32_t *wslot; /* snapshot worker -> index in workers[], NONE */
    uint32_t *head;  /* per unit: first entry, JBW__NONE */
    hold *e;
    size_t n, cap;
} alloc_state;

static uint32_t unit_of(const alloc_state *a, size_t i)
{
    return a->unit == JBW_UNIT_FAMILY ? a->s->m.family[i] : a->s->m.child[i];
}

static double held_weight(const alloc_state *a, uint32_t unit, uint32_t w)
{
    uint32_t k;
    for (k = a->head[unit]; k != JBW__NONE; k = a->e[k].next)
        if (a->e[k].worker == w)
            return a->e[k].weight;
    return 0.0;
}

static double weight_of(const alloc_state *a, size_t i)
{
    return jbw_norm_weight(a->norm, (jbw_kind)a->s->m.kind[i]);
}

/* Load that measure i adds to worker w in the norm's unit. */
static double need_of(const alloc_state *a, size_t i, uint32_t w)
{
    double wt = weight_of(a, i), held;
    if (a->unit == JBW_UNIT_MEASURE)
        return wt;
    held = held_weight(a, unit_of(a, i), w);
    return jbw__unit_extra(held, wt);
}

/* Gives measure i to worker w: returns the load added, or -1 when out of
 * memory. */
static double hold_add(alloc_state *a, size_t i, uint32_t w)
{
    double wt = weight_of(a, i);
    uint32_t unit, k;
    void *e;
    if (a->unit == JBW_UNIT_MEASURE)
        return wt;
    unit = unit_of(a, i);
    for (k = a->head[unit]; k != JBW__NONE; k = a->e[k].next) {
        if (a->e[k].worker == w) {
            double add = jbw__unit_extra(a->e[k].weight, wt);
            a->e[k].weight = jbw__unit_weight(a->e[k].weight, wt);
            return add;
        }
    }
    e = a->e;
    if (a->n >= JBW__NONE || jbw__grow(&e, &a->cap, a->n + 1, sizeof *a->e))
        return -1.0;
    a->e = (hold *)e;
    a->e[a->n].worker = w;
    a->e[a->n].weight = wt;
    a->e[a->n].next = a->head[unit];
    a->head[unit] = (uint32_t)a->n;
    a->n++;
    return wt;
}

static void alloc_state_free(alloc_state *a)
{
    jbw__free(a->free);
    jbw__free(a->wslot);
    jbw__free(a->head);
    jbw__free(a->e);
}

/* The employed workers' capacity and load on the date, from the caseload
 * module itself so that the proposal and the caseload report agree. */
static jbw_status alloc_capacity(jbw_allocation *al, alloc_state *a,
                                 const jbw_calendar *cal, jbw_date d)
{
    jbw_caseload_options opts = JBW_CASELOAD_OPTIONS_INIT;
    jbw_caseload *cl = NULL;
    size_t i, k = 0;
    jbw_status st = JBW_OK;
    for (i = 0; i < a->s->w.count; i++)
        if (jbw__worker_employed(a->s, i, d))
            al->workers[al->worker_count++].worker = (uint32_t)i;
    if (al->worker_count == 0)
        return JBW_OK; /* every waiting case: no worker */
    opts.date = d;
    st = jbw_caseload_compute(&cl, a->s, a->norm, cal, &opts);
    /* caseload lists the employed workers in snapshot order, as above */
    for (k = 0; st == JBW_OK && k < al->worker_count; k++) {
        jbw_worker_load wl;
        wl.version = JBW_WORKER_LOAD_VERSION;
        st = jbw_caseload_worker_get(&wl, cl, k);
        al->workers[k].capacity = wl.capacity;
        al->workers[k].load = wl.load;
        al->workers[k].proposed = wl.load;
        a->wslot[al->workers[k].worker] = (uint32_t)k;
        a->free[al->workers[k].worker] = wl.capacity - wl.load;
    }
    jbw_caseload_free(cl);
    return st;
}

/* Who holds which child or family now, at what weight: what a waiting
 * measure of that child or family would add to a worker's load. */
static jbw_status alloc_holdings(alloc_state *a, jbw_date d)
{
    const jbw_snapshot *s = a->s;
    size_t i;
    for (i = 0; i < s->m.count; i++) {
        uint32_t w = s->m.worker[i];
        if (w == JBW__NONE || a->wslot[w] == JBW__NONE ||
            jbw__measure_state(s, i, d) != JBW_STATE_ASSIGNED)
            continue;
        if (hold_add(a, i, w) < 0)
            return jbw__enomem();
    }
    return JBW_OK;
}

static jbw_status alloc_loads(jbw_allocation *al, alloc_state *a,
                              const jbw_calendar *cal, jbw_date d)
{
    const jbw_snapshot *s = a->s;
    size_t i, units;
    jbw_status st;
    units =
        a->unit == JBW_UNIT_FAMILY ? s->family_ids.count : s->child_ids.count;
    a->free = (double *)jbw__calloc(s->w.count, sizeof *a->free);
    a->wslot = (uint32_t *)jbw__calloc(s->w.count, sizeof *a->wslot);
    a->head = (uint32_t *)jbw__calloc(units, sizeof *a->head);
    al->workers = (jbw__wr_wload *)jbw__calloc(s->w.count, sizeof *al->workers);
    if (!a->free || !a->wslot || !a->head || !al->workers)
        return jbw__enomem();
    for (i = 0; i < units; i++)
        a->head[i] = JBW__NONE;
    for (i = 0; i < s->w.count; i++)
        a->wslot[i] = JBW__NONE;
    st = alloc_capacity(al, a, cal, d);
    if (st == JBW_OK && a->unit != JBW_UNIT_MEASURE)
        st = alloc_holdings(a, d);
    return st;
}

/* The id of snapshot worker w. */
static const char *worker_key(const jbw_snapshot *s, uint32_t w)
{
    return jbw__strmap_key(&s->worker_ids, w);
}

/* 1 when worker w is a better choice than `best` for a measure in
 * `region`: same region first, then most free capacity, then id. */
static int is_better(const alloc_state *a, uint32_t w, uint32_t best,
                     uint32_t region)
{
    int sw = a->s->w.region[w] == region, sb = a->s->w.region[best] == region;
    double diff = a->free[w] - a->free[best];
    if (sw != sb)
        return sw;
    if (diff > WR_CAPACITY_EPS || diff < -WR_CAPACITY_EPS)
        return diff > 0;
    return strcmp(worker_key(a->s, w), worker_key(a->s, best)) < 0;
}

/* The best worker for measure i, or JBW__NONE with *reason set. */
static uint32_t choose(const alloc_state *a, const jbw_allocation *al, size_t i,
                       int *reason)
{
    const jbw_snapshot *s = a->s;
    uint32_t best = JBW__NONE;
    size_t k;
    int any = 0;
    for (k = 0; k < al->worker_count; k++) {
        uint32_t w = al->workers[k].worker;
        if (s->w.org[w] != s->m.org[i])
            continue;
        any = 1;
        if (a->free[w] + WR_CAPACITY_EPS < need_of(a, i, w))
            continue;
        if (best == JBW__NONE || is_better(a, w, best, s->m.region[i]))
            best = w;
    }
    if (best == JBW__NONE)
        *reason = any ? JBW_UNASSIGNED_NO_CAPACITY : JBW_UNASSIGNED_NO_WORKER;
    return best;
}

static jbw_status place_case(jbw_allocation *al, alloc_state *a,
                             const jbw_triage *t, size_t r, uint32_t w)
{
    double add = hold_add(a, t->measure[r], w);
    if (add < 0)
        return jbw__enomem();
    a->free[w] -= add;
    al->workers[a->wslot[w]].proposed += add;
    al->lines[r].worker = w;
    al->assigned++;
    return JBW_OK;
}

/* 1 when measures i and j wait in the same organisation and are the same
 * child or the same family. */
static int sibling(const jbw_snapshot *s, size_t i, size_t j)
{
    return s->m.org[i] == s->m.org[j] &&
           (s->m.child[i] == s->m.child[j] || s->m.family[i] == s->m.family[j]);
}

/* The later ranks not yet placed that are siblings of rank r, into grp;
 * returns how many. */
static size_t siblings_of(size_t *grp, const alloc_state *a,
                          const jbw_allocation *al, const jbw_triage *t,
                          size_t r)
{
    size_t j, g = 0;
    for (j = r + 1; j < t->count; j++)
        if (al->lines[j].worker == JBW__NONE &&
            sibling(a->s, t->measure[r], t->measure[j]))
            grp[g++] = j;
    return g;
}

/* The load the ranks grp[0..g) would add to worker w together: in unit
 * child or family each unit once, at its heaviest weight. */
static double group_need(const alloc_state *a, const jbw_triage *t,
                         const size_t *grp, size_t g, uint32_t w)
{
    double total = 0.0;
    size_t x, y;
    for (x = 0; x < g; x++) {
        size_t mx = t->measure[grp[x]];
        uint32_t unit;
        double heaviest, held;
        int first = 1;
        if (a->unit == JBW_UNIT_MEASURE) {
            total += weight_of(a, mx);
            continue;
        }
        unit = unit_of(a, mx);
        for (y = 0; y < x && first; y++)
            first = unit_of(a, t->measure[grp[y]]) != unit;
        if (!first)
            continue;
        heaviest = 0.0;
        for (y = x; y < g; y++) {
            size_t my = t->measure[grp[y]];
            if (unit_of(a, my) == unit)
                heaviest = jbw__unit_weight(heaviest, weight_of(a, my));
        }
        held = held_weight(a, unit, w);
        total += jbw__unit_extra(held, heaviest);
    }
    return total;
}

/* Walks the ranking: each waiting measure not yet placed goes to the best
 * worker that can take it, and its waiting siblings follow when that
 * worker can take them all. */
static jbw_status alloc_walk(jbw_allocation *al, alloc_state *a,
                             const jbw_triage *t, size_t *grp)
{
    size_t r, x;
    for (r = 0; r < t->count; r++) {
        uint32_t w;
        size_t g;
        jbw_status st;
        if (al->lines[r].worker != JBW__NONE)
            continue;
        w = choose(a, al, t->measure[r], &al->lines[r].reason);
        if (w == JBW__NONE)
            continue;
        if ((st = place_case(al, a, t, r, w)) != JBW_OK)
            return st;
        g = siblings_of(grp, a, al, t, r);
        if (g == 0 ||
            a->free[w] + WR_CAPACITY_EPS < group_need(a, t, grp, g, w))
            continue;
        for (x = 0; x < g; x++)
            if ((st = place_case(al, a, t, grp[x], w)) != JBW_OK)
                return st;
    }
    return JBW_OK;
}

static jbw_status alloc_run(jbw_allocation *al, const jbw_triage *t,
                            const jbw_norm *norm, const jbw_calendar *cal)
{
    alloc_state a;
    size_t *grp, r;
    jbw_status st;
    memset(&a, 0, sizeof a);
    a.s = t->snap;
    a.norm = norm;
    a.unit = jbw_norm_unit(norm);
    al->lines = (jbw__wr_line *)jbw__calloc(t->count, sizeof *al->lines);
    grp = (size_t *)jbw__calloc(t->count, sizeof *grp);
    if ((!al->lines || !grp) && t->count) {
        jbw__free(grp);
        return jbw__enomem();
    }
    for (r = 0; r < t->count; r++) {
        al->lines[r].id = t->cases[r].id;
        al->lines[r].organisation = t->cases[r].organisation;
        al->lines[r].region = t->cases[r].region;
        al->lines[r].worker = JBW__NONE;
    }
    st = alloc_loads(al, &a, cal, t->date);
    if (st == JBW_OK)
        st = alloc_walk(al, &a, t, grp);
    jbw__free(grp);
    alloc_state_free(&a);
    return st;
}

jbw_status jbw_allocation_new(jbw_allocation **out, const jbw_triage *triage,
                              const jbw_snapshot *snap, const jbw_norm *norm,
                              const jbw_calendar *cal)
{
    jbw_allocation *al;
    const char *norm_name;
    jbw_status st;
    if (!out || !triage || !snap || !norm || !cal)
        return jbw__error(JBW_EINVAL, "jbw_allocation_new: %s is NULL",
                          !out      ? "out"
                          : !triage ? "triage"
                          : !snap   ? "snap"
                          : !norm   ? "norm"
                                    : "cal");
    if (snap != triage->snap)
        return jbw__error(JBW_EINVAL,
                          "jbw_allocation_new: the snapshot is not the one "
                          "the triage was made from");
    if ((unsigned)jbw_norm_unit(norm) > (unsigned)JBW_UNIT_FAMILY)
        return jbw__error(JBW_EINVAL, "jbw_allocation_new: the norm's unit "
                                      "is out of range");
    al = (jbw_allocation *)jbw__calloc(1, sizeof *al);
    if (!al)
        return jbw__enomem();
    al->snap = snap;
    al->model = triage->model;
    al->date = triage->date;
    al->unit = jbw_norm_unit(norm);
    al->count = triage->count;
    norm_name = jbw_norm_name(norm);
    al->norm_name = jbw__strdup(norm_name ? norm_name : "");
    st = al->norm_name ? alloc_run(al, triage, norm, cal) : jbw__enomem();
    if (st != JBW_OK) {
        jbw_allocation_free(al);
        return st;
    }
    *out = al;
    return jbw__ok();
}

size_t jbw_allocation_count(const jbw_allocation *alloc)
{
    return alloc ? alloc->count : 0;
}

size_t jbw_allocation_assigned(const jbw_allocation *alloc)
{
    return alloc ? alloc->assigned : 0;
}

size_t jbw_allocation_worker_count(const jbw_allocation *alloc)
{
    return alloc ? alloc->worker_count : 0;
}

/* JBW_OK when index is below `count`; the error of `fn` otherwise. */
static jbw_status check_index(const jbw_allocation *al, size_t index,
                              size_t count, const char *what, const char *fn)
{
    if (!al)
        return jbw__error(JBW_EINVAL, "%s: alloc is NULL", fn);
    if (index >= count)
        return jbw__error(JBW_ERANGE, "%s: index %lu is past the %lu %s", fn,
                          (unsigned long)index, (unsigned long)count, what);
    return JBW_OK;
}

jbw_status jbw_allocation_line_place(const char **organisation,
                                     const char **region,
                                     const jbw_allocation *alloc, size_t index)
{
    jbw_status st = check_index(alloc, index, alloc ? alloc->count : 0, "lines",
                                "jbw_allocation_line_place");
    if (st != JBW_OK)
        return st;
    if (organisation)
        *organisation = alloc->lines[index].organisation;
    if (region)
        *region = alloc->lines[index].region;
    return jbw__ok();
}

jbw_status jbw_allocation_worker(const char **worker_id,
                                 const char **organisation, const char **region,
                                 double *capacity, double *load,
                                 double *proposed_load,
                                 const jbw_allocation *alloc, size_t index)
{
    const jbw__wr_wload *wl;
    const jbw_snapshot *s;
    jbw_status st = check_index(alloc, index, alloc ? alloc->worker_count : 0,
                                "workers", "jbw_allocation_worker");
    if (st != JBW_OK)
        return st;
    wl = &alloc->workers[index];
    s = alloc->snap;
    if (worker_id)
        *worker_id = worker_key(s, wl->worker);
    if (organisation)
        *organisation =
            jbw__wr_key(&s->registry->org_keys, s->w.org[wl->worker]);
    if (region)
        *region =
            jbw__wr_key(&s->registry->region_keys, s->w.region[wl->worker]);
    if (capacity)
        *capacity = wl->capacity;
    if (load)
        *load = wl->load;
    if (proposed_load)
        *proposed_load = wl->proposed;
    return jbw__ok();
}

jbw_date jbw_allocation_date(const jbw_allocation *alloc)
{
    return alloc ? alloc->date : JBW_DATE_NONE;
}

const jbw_waitrisk_model *jbw_allocation_model(const jbw_allocation *alloc)
{
    return alloc ? &alloc->model : NULL;
}

const char *jbw_allocation_norm_name(const jbw_allocation *alloc)
{
    return alloc ? alloc->norm_name : NULL;
}

jbw_unit jbw_allocation_unit(const jbw_allocation *alloc)
{
    return alloc ? alloc->unit : JBW_UNIT_MEASURE;
}

const char *jbw_allocation_data_notice(const jbw_allocation *alloc)
{
    return alloc ? jbw_snapshot_data_notice(alloc->snap) : NULL;
}

/* The worker of line i, NULL when the line is not assigned. */
static const char *line_worker(const jbw_allocation *al, size_t i)
{
    uint32_t w = al->lines[i].worker;
    return w == JBW__NONE ? NULL : worker_key(al->snap, w);
}

jbw_status jbw_allocation_get(const char **measure_id, size_t *rank,
                              const char **worker_id, int *reason,
                              const jbw_allocation *alloc, size_t index)
{
    jbw_status st = check_index(alloc, index, alloc ? alloc->count : 0, "lines",
                                "jbw_allocation_get");
    if (st != JBW_OK)
        return st;
    if (measure_id)
        *measure_id = alloc->lines[index].id;
    if (rank)
        *rank = index + 1;
    if (worker_id)
        *worker_id = line_worker(alloc, index);
    if (reason)
        *reason = alloc->lines[index].reason;
    return jbw__ok();
}
