/*
 * libjbw - the caseload calculation: caseload per worker, totals per
 * organisation and region, the coupling norm (the result's getters and
 * its free: result.c).
 *
 * The calculation runs over the snapshot's struct-of-arrays layout with
 * index scratch arrays only (no hashing): when the norm counts children
 * or families, the measures are bucketed by that unit with a counting
 * sort, and "seen in this unit" is a stamp per group and per worker; a
 * unit that is not the norm's is only counted, in one pass. Definitions:
 * docs/norms.md.
 */
#include "caseload/caseload_internal.h"
#include "caseload/unit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Caseload calculation                                                   */
/* ====================================================================== */

jbw_status jbw_caseload_options_init(jbw_caseload_options *opts,
                                     unsigned int version)
{
    static const jbw_caseload_options init = JBW_CASELOAD_OPTIONS_INIT;
    return jbw__record_init(opts, &init, sizeof init, version,
                            JBW_CASELOAD_OPTIONS_VERSION,
                            "jbw_caseload_options_init");
}

/* A first assignment within the coupling period: its werkdagen and where
 * it counts. */
typedef struct first_wait {
    int32_t workdays;
    uint32_t org;
    uint32_t region;
} first_wait;

/* Scratch arrays of one computation, freed at its end. */
typedef struct scratch {
    uint32_t *row_of_worker; /* snapshot worker -> employed row or NONE */
    uint32_t *act;           /* active measure indices */
    uint32_t *act_row;       /* per active measure: row carrying its load */
    size_t act_count;
    uint32_t *off;         /* bucket offsets by child or family (+1) */
    uint32_t *list;        /* positions in act, bucketed */
    uint32_t *scope_stamp; /* last unit that touched a scope */
    double *scope_max;     /* heaviest weight of that unit in the scope */
    uint32_t *scope_touched;
    uint32_t *row_stamp; /* the same per employed worker */
    double *row_max;
    uint32_t *row_touched;
    first_wait *waits;
    size_t wait_count;
    size_t *wait_n;  /* per scope: first assignments */
    size_t *wait_k;  /* per scope: walked so far */
    double *wait_lo; /* per scope: the lower / upper middle */
    double *wait_hi;
} scratch;

static void scratch_free(scratch *s)
{
    jbw__free(s->row_of_worker);
    jbw__free(s->act);
    jbw__free(s->act_row);
    jbw__free(s->off);
    jbw__free(s->list);
    jbw__free(s->scope_stamp);
    jbw__free(s->scope_max);
    jbw__free(s->scope_touched);
    jbw__free(s->row_stamp);
    jbw__free(s->row_max);
    jbw__free(s->row_touched);
    jbw__free(s->waits);
    jbw__free(s->wait_n);
    jbw__free(s->wait_k);
    jbw__free(s->wait_lo);
    jbw__free(s->wait_hi);
}

/* Everything the computation reads, resolved once. */
typedef struct compute_ctx {
    const jbw_snapshot *snap;
    const jbw_norm *norm;
    const jbw_calendar *cal;
    jbw_caseload *cl;
    scratch s;
    size_t scopes; /* 1 + orgs + regions */
} compute_ctx;

static jbw_status resolve_dates(jbw_caseload *cl, const jbw_snapshot *snap,
                                const jbw_caseload_options *o)
{
    char a[JBW_DATE_BUFSIZE], b[JBW_DATE_BUFSIZE];
    jbw_status st;
    cl->date = o->date == JBW_DATE_NONE ? snap->reference_date : o->date;
    if (!jbw__date_in_range(cl->date))
        return jbw__error(JBW_ERANGE, "caseload date %ld is outside %d-%d",
                          (long)cl->date, JBW_YEAR_MIN, JBW_YEAR_MAX);
    cl->period_to = o->period_to == JBW_DATE_NONE ? cl->date : o->period_to;
    if (o->period_from != JBW_DATE_NONE) {
        cl->period_from = o->period_from;
    } else if ((st = jbw_date_add_months(&cl->period_from, cl->date, -3)) !=
               JBW_OK) {
        return jbw__error(JBW_ERANGE,
                          "coupling period: 3 months before the date is "
                          "outside the supported range");
    }
    if (!jbw__date_in_range(cl->period_from) ||
        !jbw__date_in_range(cl->period_to))
        return jbw__error(JBW_ERANGE, "coupling period %s is outside %d-%d",
                          !jbw__date_in_range(cl->period_from) ? "start"
                                                               : "end",
                          JBW_YEAR_MIN, JBW_YEAR_MAX);
    jbw_date_format(a, sizeof a, cl->period_from);
    jbw_date_format(b, sizeof b, cl->period_to);
    if (cl->period_to < cl->period_from)
        return jbw__error(JBW_EINVAL,
                          "coupling period ends (%s) before it starts (%s)", b,
                          a);
    if (cl->period_to > cl->date) {
        jbw_date_format(a, sizeof a, cl->date);
        return jbw__error(JBW_EINVAL,
                          "coupling period ends (%s) after the caseload date "
                          "(%s)",
                          b, a);
    }
    return JBW_OK;
}

/* The date before every hire leaves no worker to count: say so. */
static jbw_status check_hires(const jbw_snapshot *snap, jbw_date d)
{
    const jbw__workers *w = &snap->w;
    jbw_date first;
    char a[JBW_DATE_BUFSIZE], b[JBW_DATE_BUFSIZE];
    size_t i;
    if (w->count == 0)
        return JBW_OK;
    first = w->hired[0];
    for (i = 1; i < w->count; i++)
        if (w->hired[i] < first)
            first = w->hired[i];
    if (d >= first)
        return JBW_OK;
    jbw_date_format(a, sizeof a, d);
    jbw_date_format(b, sizeof b, first);
    return jbw__error(JBW_ERANGE,
                      "caseload date %s is before every hire (the first "
                      "worker was hired on %s)",
                      a, b);
}

static jbw_status alloc(compute_ctx *c)
{
    const jbw_snapshot *snap = c->snap;
    jbw_caseload *cl = c->cl;
    scratch *s = &c->s;
    size_t W = snap->w.count, M = snap->m.count;
    size_t U = snap->child_ids.count > snap->family_ids.count
                   ? snap->child_ids.count
                   : snap->family_ids.count;
    size_t S = c->scopes, i;
    cl->scope = jbw__calloc(S, sizeof *cl->scope);
    cl->workers = jbw__calloc(W, sizeof *cl->workers);
    s->row_of_worker = jbw__calloc(W, sizeof(uint32_t));
    s->act = jbw__calloc(M, sizeof(uint32_t));
    s->act_row = jbw__calloc(M, sizeof(uint32_t));
    s->off = jbw__calloc(U + 1, sizeof(uint32_t));
    s->list = jbw__calloc(M, sizeof(uint32_t));
    s->scope_stamp = jbw__calloc(S, sizeof(uint32_t));
    s->scope_max = jbw__calloc(S, sizeof(double));
    s->scope_touched = jbw__calloc(S, sizeof(uint32_t));
    s->row_stamp = jbw__calloc(W, sizeof(uint32_t));
    s->row_max = jbw__calloc(W, sizeof(double));
    s->row_touched = jbw__calloc(W, sizeof(uint32_t));
    s->waits = jbw__calloc(M, sizeof *s->waits);
    s->wait_n = jbw__calloc(S, sizeof(size_t));
    s->wait_k = jbw__calloc(S, sizeof(size_t));
    s->wait_lo = jbw__calloc(S, sizeof(double));
    s->wait_hi = jbw__calloc(S, sizeof(double));
    if (!cl->scope || !cl->workers || !s->row_of_worker || !s->act ||
        !s->act_row || !s->off || !s->list || !s->scope_stamp ||
        !s->scope_max || !s->scope_touched || !s->row_stamp || !s->row_max ||
        !s->row_touched || !s->waits || !s->wait_n || !s->wait_k ||
        !s->wait_lo || !s->wait_hi)
        return jbw__enomem();
    for (i = 0; i < S; i++)
        cl->scope[i].version = JBW_CASELOAD_TOTALS_VERSION;
    return JBW_OK;
}

/* A worker's tenure on the date depends on the hire date only, and
 * workers share hire dates (a few thousand among tens of thousands): the
 * memo keeps jbw_months_between() to about one call a date. */
static jbw_status tenure_of(int32_t *out, jbw__date_memo *memo, jbw_date hired,
                            jbw_date d)
{
    jbw__date_memo *slot = jbw__date_memo_slot(memo, hired);
    jbw_status st;
    if (slot->set && slot->key == hired) {
        *out = slot->value;
        return JBW_OK;
    }
    if ((st = jbw_months_between(out, hired, d)) != JBW_OK)
        return st;
    slot->key = hired;
    slot->value = *out;
    slot->set = 1;
    return JBW_OK;
}

/* Employed workers become rows, in snapshot order, with their capacity. */
static jbw_status add_workers(compute_ctx *c)
{
    const jbw_snapshot *snap = c->snap;
    jbw_caseload *cl = c->cl;
    size_t i, rows = 0;
    jbw_status st = JBW_OK;
    jbw__date_memo *memo = jbw__calloc(JBW__DATE_MEMO, sizeof *memo);
    if (!memo)
        return jbw__enomem();
    for (i = 0; i < snap->w.count; i++) {
        jbw__cl_worker *row;
        double ramp, fte = snap->w.fte[i];
        c->s.row_of_worker[i] = JBW__NONE;
        if (!jbw__worker_employed(snap, i, cl->date))
            continue;
        row = &cl->workers[rows];
        row->index = (uint32_t)i;
        st = tenure_of(&row->tenure, memo, snap->w.hired[i], cl->date);
        if (st != JBW_OK)
            break;
        ramp = jbw__ramp_at(c->norm, row->tenure);
        row->effective = fte * ramp;
        row->capacity = fte * ramp * c->norm->caseload;
        c->s.row_of_worker[i] = (uint32_t)rows++;
    }
    jbw__free(memo);
    cl->worker_count = rows;
    return st;
}

/* Waiting for suitable help on the date d: 0 (no), 1 (within the
 * norm), 2 (past it: requested more than 3 calendar months before d). */
static int help_wait(const jbw__measures *m, size_t i, jbw_date d)
{
    jbw_date asked = jbw__measure_help_requested(m, i), norm;
    jbw_date began = jbw__measure_help_started(m, i);
    if (asked == JBW_DATE_NONE || asked > d ||
        (began != JBW_DATE_NONE && began <= d))
        return 0;
    if (jbw_date_add_months(&norm, asked, 3) != JBW_OK)
        return 1;
    return norm < d ? 2 : 1;
}

/* Adds a measure's waiting for help (help_wait) to one scope. */
static void count_help(jbw_caseload_totals *t, int wait)
{
    t->waiting_for_help += wait > 0;
    t->waiting_for_help_past_norm += wait > 1;
}

/* Adds a measure's own counts to one scope. */
static void count_measure(jbw_caseload_totals *t, jbw_measure_state st,
                          unsigned kind)
{
    t->active_measures++;
    t->by_kind[kind]++;
    if (st == JBW_STATE_ASSIGNED)
        t->assigned++;
    else if (st == JBW_STATE_NIEUW)
        t->waiting_nieuw++;
    else
        t->waiting_bestaand++;
}

/*
 * The coupling norm for one measure started in the period. It counts
 * once its N werkdagen are over on the date (more than N werkdagen from
 * its start to the date): before that, whether it will be coupled in
 * time is not known yet, and counting it either way would bias the share
 * (docs/norms.md). A measure counts as coupled once its first worker came
 * on or before the date; one with a worker but no first_assigned day is
 * started, never within.
 */
static jbw_status count_coupling(compute_ctx *c, size_t i,
                                 jbw_measure_state state, size_t sc_org,
                                 size_t sc_reg)
{
    const jbw__measures *m = &c->snap->m;
    jbw_caseload *cl = c->cl;
    jbw_caseload_totals *t = cl->scope;
    jbw_date fa = m->first_assigned[i];
    int32_t wd = 0, passed = 0;
    jbw_status st;
    st = jbw_calendar_workdays_between(&passed, c->cal, m->start[i], cl->date);
    if (st != JBW_OK)
        return st;
    if (passed <= cl->coupling_workdays)
        return JBW_OK;
    t[0].coupling_started++;
    t[sc_org].coupling_started++;
    t[sc_reg].coupling_started++;
    if (fa != JBW_DATE_NONE && fa <= cl->date) {
        first_wait *w = &c->s.waits[c->s.wait_count++];
        st = jbw_calendar_workdays_between(&wd, c->cal, m->start[i], fa);
        if (st != JBW_OK)
            return st;
        w->workdays = wd;
        w->org = (uint32_t)sc_org;
        w->region = (uint32_t)sc_reg;
        c->s.wait_n[0]++;
        c->s.wait_n[sc_org]++;
        c->s.wait_n[sc_reg]++;
        if (wd <= cl->coupling_workdays) {
            t[0].coupling_within++;
            t[sc_org].coupling_within++;
            t[sc_reg].coupling_within++;
        }
    } else if (state == JBW_STATE_NIEUW) {
        /* still without a first worker, its werkdagen over */
        t[0].coupling_waiting_past++;
        t[sc_org].coupling_waiting_past++;
        t[sc_reg].coupling_waiting_past++;
    }
    return JBW_OK;
}

/* Measures lie in no order of their workers: the row of the worker of
 * measure i + AHEAD, and the line of the employed row of measure
 * i + AHEAD / 2 (its row number fetched by then), are fetched into the
 * cache while measure i is counted. */
#define AHEAD 16

static JBW__ALWAYS_INLINE void fetch_worker_rows(const compute_ctx *c, size_t i)
{
    const jbw__measures *m = &c->snap->m;
    uint32_t w, row;
    if (i + AHEAD < m->count && (w = m->worker[i + AHEAD]) != JBW__NONE)
        JBW__PREFETCH(&c->s.row_of_worker[w]);
    if (i + AHEAD / 2 < m->count &&
        (w = m->worker[i + AHEAD / 2]) != JBW__NONE &&
        (row = c->s.row_of_worker[w]) != JBW__NONE)
        JBW__PREFETCH(&c->cl->workers[row]);
}

/*
 * One pass over the measures: states, per-scope measure counts, the
 * coupling norm, and (unit measure) weights and loads.
 */
static jbw_status add_measures(compute_ctx *c)
{
    const jbw_snapshot *snap = c->snap;
    const jbw__measures *m = &snap->m;
    jbw_caseload *cl = c->cl;
    jbw_caseload_totals *t = cl->scope;
    const double *weight = c->norm->weight;
    int by_measure = c->norm->unit == JBW_UNIT_MEASURE;
    size_t i, reg_base = 1 + cl->org_count;
    jbw_date d = cl->date, pf = cl->period_from, pt = cl->period_to;
    jbw_status st;
    for (i = 0; i < m->count; i++) {
        jbw_measure_state state = jbw__measure_state(snap, i, d);
        fetch_worker_rows(c, i);
        cl->help_known += jbw__measure_help_requested(m, i) != JBW_DATE_NONE;
        size_t so = 1 + m->org[i], sr = reg_base + m->region[i];
        if (m->start[i] >= pf && m->start[i] <= pt &&
            (st = count_coupling(c, i, state, so, sr)) != JBW_OK)
            return st;
        if (state != JBW_STATE_INACTIVE) {
            unsigned kind = m->kind[i];
            uint32_t row = JBW__NONE;
            int help = help_wait(m, i, d);
            count_measure(&t[0], state, kind);
            count_measure(&t[so], state, kind);
            count_measure(&t[sr], state, kind);
            if (help) {
                count_help(&t[0], help);
                count_help(&t[so], help);
                count_help(&t[sr], help);
            }
            /* A worker who left, or the unnamed earlier worker of a
             * measure not yet waiting, carries no load on the date. */
            if (state == JBW_STATE_ASSIGNED && m->worker[i] != JBW__NONE)
                row = c->s.row_of_worker[m->worker[i]];
            if (row != JBW__NONE)
                cl->workers[row].measures++;
            if (by_measure) {
                double w = weight[kind];
                t[0].required_fte += w;
                t[so].required_fte += w;
                t[sr].required_fte += w;
                if (row != JBW__NONE)
                    cl->workers[row].load += w;
            }
            c->s.act[c->s.act_count] = (uint32_t)i;
            c->s.act_row[c->s.act_count] = row;
            c->s.act_count++;
        }
    }
    return JBW_OK;
}

/* Buckets the active measures by unit id (child or family): a counting
 * sort, so that each unit's measures lie together in s->list. */
static void bucket_units(compute_ctx *c, const uint32_t *unit_of, size_t units)
{
    scratch *s = &c->s;
    size_t p, u;
    uint32_t sum = 0;
    memset(s->off, 0, (units + 1) * sizeof *s->off);
    for (p = 0; p < s->act_count; p++)
        s->off[unit_of[s->act[p]]]++;
    for (u = 0; u < units; u++) { /* off[u] = end of bucket u */
        sum += s->off[u];
        s->off[u] = sum;
    }
    s->off[units] = sum;
    for (p = s->act_count; p-- > 0;) /* leaves off[u] = start of u */
        s->list[--s->off[unit_of[s->act[p]]]] = (uint32_t)p;
}

/* Marks a scope (or row) as touched by unit u with weight w, keeping the
 * heaviest weight; returns the new touched count. */
static size_t touch(uint32_t *stamp, double *maxw, uint32_t *touched, size_t n,
                    uint32_t idx, uint32_t u, double w)
{
    if (stamp[idx] != u) {
        stamp[idx] = u;
        maxw[idx] = w;
        touched[n++] = idx;
    } else {
        maxw[idx] = jbw__unit_weight(maxw[idx], w);
    }
    return n;
}

/* Counts one unit in a scope: a family, or a child. */
static void add_unit(jbw_caseload_totals *t, int families)
{
    if (families)
        t->families++;
    else
        t->children++;
}

/*
 * Counts the norm's units (children or families) per scope, and adds
 * each unit once per scope and once per worker at the heaviest weight of
 * its measures there.
 */
static void count_weighted_units(compute_ctx *c, const uint32_t *unit_of,
                                 size_t units, int families)
{
    const jbw__measures *m = &c->snap->m;
    scratch *s = &c->s;
    jbw_caseload_totals *t = c->cl->scope;
    const double *weight = c->norm->weight;
    size_t reg_base = 1 + c->cl->org_count, u, k;
    bucket_units(c, unit_of, units);
    for (k = 0; k < c->scopes; k++)
        s->scope_stamp[k] = JBW__NONE;
    for (k = 0; k < c->cl->worker_count; k++)
        s->row_stamp[k] = JBW__NONE;
    for (u = 0; u < units; u++) {
        uint32_t e, begin = s->off[u], end = s->off[u + 1];
        size_t nt = 0, nr = 0;
        double heaviest = 0.0;
        if (begin == end)
            continue;
        for (e = begin; e < end; e++) {
            uint32_t p = s->list[e], i = s->act[p], row = s->act_row[p];
            double w = weight[m->kind[i]];
            heaviest = jbw__unit_weight(heaviest, w);
            nt = touch(s->scope_stamp, s->scope_max, s->scope_touched, nt,
                       1 + m->org[i], (uint32_t)u, w);
            nt = touch(s->scope_stamp, s->scope_max, s->scope_touched, nt,
                       (uint32_t)(reg_base + m->region[i]), (uint32_t)u, w);
            if (row != JBW__NONE)
                nr = touch(s->row_stamp, s->row_max, s->row_touched, nr, row,
                           (uint32_t)u, w);
        }
        add_unit(&t[0], families);
        t[0].required_fte += heaviest;
        for (k = 0; k < nt; k++) {
            jbw_caseload_totals *g = &t[s->scope_touched[k]];
            add_unit(g, families);
            g->required_fte += s->scope_max[s->scope_touched[k]];
        }
        for (k = 0; k < nr; k++)
            c->cl->workers[s->row_touched[k]].load +=
                s->row_max[s->row_touched[k]];
    }
}

/* A unit's measures lie in more than one organisation or region. */
#define UNIT_SPREAD 0x80000000u

/*
 * count_weighted_units() for units that are not the norm's: then a unit
 * only counts, once in the whole and once in every scope one of its
 * active measures lies in, and no weights are kept. One pass keeps the
 * organisation and region of each unit's first active measure (in s->off
 * and s->list, free here), and marks the unit UNIT_SPREAD when a later
 * one lies elsewhere. Only the measures of those units (a family with
 * measures at two GI's, say) are then bucketed by unit, with a counting
 * sort, and counted scope by scope.
 */
static jbw_status count_units_only(compute_ctx *c, const uint32_t *unit_of,
                                   size_t units, int families)
{
    const jbw__measures *m = &c->snap->m;
    scratch *s = &c->s;
    jbw_caseload_totals *t = c->cl->scope;
    uint32_t *org_of = s->off, *reg_of = s->list, *off, *list;
    size_t reg_base = 1 + c->cl->org_count, spread = 0, n = 0, p, u, k;
    memset(org_of, 0, units * sizeof *org_of); /* 0: no active measure */
    for (p = 0; p < s->act_count; p++) {
        uint32_t i = s->act[p], v = unit_of[i];
        uint32_t so = (uint32_t)(1 + m->org[i]);
        uint32_t sr = (uint32_t)(reg_base + m->region[i]);
        if (org_of[v] == 0) {
            org_of[v] = so;
            reg_of[v] = sr;
        } else if (org_of[v] != so || reg_of[v] != sr) {
            org_of[v] |= UNIT_SPREAD; /* once set, it stays */
        }
    }
    for (u = 0; u < units; u++) {
        if (org_of[u] == 0)
            continue;
        add_unit(&t[0], families);
        if (org_of[u] & UNIT_SPREAD) {
            reg_of[u] = (uint32_t)spread++; /* its place among them */
            continue;
        }
        add_unit(&t[org_of[u]], families);
        add_unit(&t[reg_of[u]], families);
    }
    if (!spread)
        return JBW_OK;
    /* the spread units' measures, bucketed by their place (off[k] holds
     * the end of bucket k, then its start); room for every active measure
     * rather than a pass to count theirs */
    n = s->act_count;
    if ((off = jbw__calloc(spread + 1 + n, sizeof *off)) == NULL)
        return jbw__enomem();
    list = off + spread + 1;
    for (p = 0; p < s->act_count; p++) {
        uint32_t v = unit_of[s->act[p]];
        if (org_of[v] & UNIT_SPREAD)
            off[reg_of[v]]++;
    }
    for (k = 1; k <= spread; k++)
        off[k] += off[k - 1];
    for (p = s->act_count; p-- > 0;) {
        uint32_t v = unit_of[s->act[p]];
        if (org_of[v] & UNIT_SPREAD)
            list[--off[reg_of[v]]] = (uint32_t)p;
    }
    for (k = 0; k < c->scopes; k++)
        s->scope_stamp[k] = JBW__NONE;
    for (k = 0; k < spread; k++) {
        uint32_t e, begin = off[k], end = off[k + 1];
        size_t nt = 0, j;
        for (e = begin; e < end; e++) {
            uint32_t i = s->act[list[e]];
            nt = touch(s->scope_stamp, s->scope_max, s->scope_touched, nt,
                       (uint32_t)(1 + m->org[i]), (uint32_t)k, 0.0);
            nt = touch(s->scope_stamp, s->scope_max, s->scope_touched, nt,
                       (uint32_t)(reg_base + m->region[i]), (uint32_t)k, 0.0);
        }
        for (j = 0; j < nt; j++)
            add_unit(&t[s->scope_touched[j]], families);
    }
    jbw__free(off);
    return JBW_OK;
}

/* Counts the units of one kind (children or families) per scope. */
static jbw_status count_units(compute_ctx *c, const uint32_t *unit_of,
                              size_t units, int families, int is_norm_unit)
{
    if (!is_norm_unit)
        return count_units_only(c, unit_of, units, families);
    count_weighted_units(c, unit_of, units, families);
    return JBW_OK;
}

/* Adds the employed workers to their scopes. */
static void worker_totals(compute_ctx *c)
{
    const jbw__workers *w = &c->snap->w;
    jbw_caseload *cl = c->cl;
    size_t r, reg_base = 1 + cl->org_count;
    for (r = 0; r < cl->worker_count; r++) {
        const jbw__cl_worker *row = &cl->workers[r];
        size_t sc[3], n = 0, k;
        double free_cap = row->capacity - row->load;
        sc[n++] = 0;
        sc[n++] = 1 + w->org[row->index];
        if (w->region[row->index] != JBW__NONE)
            sc[n++] = reg_base + w->region[row->index];
        for (k = 0; k < n; k++) {
            jbw_caseload_totals *t = &cl->scope[sc[k]];
            t->workers++;
            t->available_fte += w->fte[row->index];
            t->effective_fte += row->effective;
            t->capacity += row->capacity;
            t->load += row->load;
            if (free_cap > 0.0)
                t->free_capacity += free_cap;
        }
    }
}

static int wait_cmp(const void *a, const void *b)
{
    int32_t x = ((const first_wait *)a)->workdays;
    int32_t y = ((const first_wait *)b)->workdays;
    return (x > y) - (x < y);
}

static void median_take(scratch *s, size_t sc, int32_t wd)
{
    size_t k = s->wait_k[sc]++, n = s->wait_n[sc];
    if (k == (n - 1) / 2)
        s->wait_lo[sc] = wd;
    if (k == n / 2)
        s->wait_hi[sc] = wd;
}

/*
 * Puts the waits in order of their werkdagen. They lie in a narrow range
 * (first assignments within a coupling period of months), so a counting
 * sort does it in two passes; qsort when the range is wider than the
 * waits are many. The order among equal werkdagen does not matter:
 * medians take values.
 */
static jbw_status sort_waits(scratch *s)
{
    size_t n = s->wait_count, range, i;
    size_t *start;
    first_wait *sorted;
    int32_t lo, hi;
    if (n < 2)
        return JBW_OK;
    lo = hi = s->waits[0].workdays;
    for (i = 1; i < n; i++) {
        if (s->waits[i].workdays < lo)
            lo = s->waits[i].workdays;
        if (s->waits[i].workdays > hi)
            hi = s->waits[i].workdays;
    }
    range = (size_t)((int64_t)hi - lo) + 1;
    if (range > n + 4096) {
        qsort(s->waits, n, sizeof *s->waits, wait_cmp);
        return JBW_OK;
    }
    start = jbw__calloc(range + 1, sizeof *start);
    sorted = start ? jbw__malloc(n * sizeof *sorted) : NULL;
    if (!sorted) {
        jbw__free(start);
        return jbw__enomem();
    }
    for (i = 0; i < n; i++)
        start[(size_t)(s->waits[i].workdays - lo) + 1]++;
    for (i = 1; i <= range; i++)
        start[i] += start[i - 1];
    for (i = 0; i < n; i++)
        sorted[start[(size_t)(s->waits[i].workdays - lo)]++] = s->waits[i];
    jbw__free(start);
    jbw__free(s->waits);
    s->waits = sorted;
    return JBW_OK;
}

/* Medians of every scope from one sort: walking the sorted waits, each
 * scope picks its middle one or two. */
static jbw_status medians(compute_ctx *c)
{
    scratch *s = &c->s;
    size_t i;
    jbw_status st = sort_waits(s);
    if (st != JBW_OK)
        return st;
    for (i = 0; i < s->wait_count; i++) {
        median_take(s, 0, s->waits[i].workdays);
        median_take(s, s->waits[i].org, s->waits[i].workdays);
        median_take(s, s->waits[i].region, s->waits[i].workdays);
    }
    for (i = 0; i < c->scopes; i++)
        c->cl->scope[i].coupling_median_workdays =
            s->wait_n[i] ? (s->wait_lo[i] + s->wait_hi[i]) / 2.0 : NAN;
    return JBW_OK;
}

static void finish(compute_ctx *c)
{
    size_t i;
    for (i = 0; i < c->scopes; i++) {
        jbw_caseload_totals *t = &c->cl->scope[i];
        t->required_fte /= c->norm->caseload; /* it held the weights */
        t->fte_gap = t->required_fte - t->effective_fte;
        t->coupling_within_pct = t->coupling_started
                                     ? 100.0 * (double)t->coupling_within /
                                           (double)t->coupling_started
                                     : NAN;
    }
}

static jbw_status run_all(compute_ctx *c)
{
    const jbw_snapshot *snap = c->snap;
    jbw_status st;
    if ((st = alloc(c)) != JBW_OK)
        return st;
    if ((st = add_workers(c)) != JBW_OK)
        return st;
    if ((st = add_measures(c)) != JBW_OK)
        return st;
    if ((st = count_units(c, snap->m.child, snap->child_ids.count, 0,
                          c->norm->unit == JBW_UNIT_CHILD)) != JBW_OK ||
        (st = count_units(c, snap->m.family, snap->family_ids.count, 1,
                          c->norm->unit == JBW_UNIT_FAMILY)) != JBW_OK)
        return st;
    worker_totals(c);
    if ((st = medians(c)) != JBW_OK)
        return st;
    finish(c);
    return jbw__cl_findings(c->cl);
}

jbw_status jbw_caseload_compute(jbw_caseload **out, const jbw_snapshot *snap,
                                const jbw_norm *norm, const jbw_calendar *cal,
                                const jbw_caseload_options *opts)
{
    static const jbw_caseload_options defaults = JBW_CASELOAD_OPTIONS_INIT;
    compute_ctx c;
    jbw_caseload *cl;
    jbw_status st;
    if (!out || !snap || !norm || !cal)
        return jbw__error(JBW_EINVAL, "jbw_caseload_compute: %s is NULL",
                          !out    ? "out"
                          : !snap ? "snapshot"
                          : !norm ? "norm"
                                  : "calendar");
    if (!opts)
        opts = &defaults;
    if (opts->version != JBW_CASELOAD_OPTIONS_VERSION)
        return jbw__error_version(opts->version, JBW_CASELOAD_OPTIONS_VERSION,
                                  JBW_CASELOAD_OPTIONS_VERSION,
                                  "jbw_caseload_options");
    if (opts->coupling_workdays < 0)
        return jbw__error(JBW_EINVAL, "coupling_workdays %ld is negative",
                          (long)opts->coupling_workdays);
    cl = jbw__calloc(1, sizeof *cl);
    if (!cl)
        return jbw__enomem();
    cl->snap = snap;
    cl->coupling_workdays = opts->coupling_workdays;
    cl->org_count = jbw__registry_org_count(snap->registry);
    cl->region_count = jbw__registry_region_count(snap->registry);
    memset(&c, 0, sizeof c);
    c.snap = snap;
    c.cal = cal;
    c.cl = cl;
    c.scopes = 1 + cl->org_count + cl->region_count;
    st = resolve_dates(cl, snap, opts);
    if (st == JBW_OK)
        st = check_hires(snap, cl->date);
    if (st == JBW_OK)
        st = jbw_norm_clone(&cl->norm, norm);
    if (st == JBW_OK) {
        c.norm = cl->norm;
        st = run_all(&c);
    }
    scratch_free(&c.s);
    if (st != JBW_OK) {
        jbw_caseload_free(cl);
        return st;
    }
    *out = cl;
    return jbw__ok();
}
