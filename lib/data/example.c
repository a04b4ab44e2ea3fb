/*
 * libjbw - the embedded example data.
 *
 * jbw_example_snapshot() builds a SYNTHETIC Zuid-West snapshot: every
 * record is drawn from a seeded splitmix64 generator with integer
 * arithmetic only (no floating point decides anything), so one seed
 * gives the same records on every platform. The shape parameters below
 * are illustrative except where a comment names a source; the waiting
 * list of Jeugdbescherming west in Zuid-Holland Zuid matches the
 * published 2025-09-01 figure (26 nieuw, 11 bestaand). docs/example.md
 * describes the generator and its figures.
 *
 * The series and totals functions return PUBLISHED figures (the two council
 * letters in docs/sources.md).
 */
#include "base/rng.h"
#include "data/example_internal.h"
#include "data/snapshot_internal.h"

#include <stdio.h>
#include <string.h>

#define JBW__COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define JBW__YEAR     365

/* ---- draws from the splitmix64 stream (base/rng.h) -------------------- */

typedef struct draw_stream {
    uint64_t state;
} draw_stream;

/* A uniform integer in [0, n), n >= 1: the top 32 bits scaled by n
 * (Lemire's multiply-shift; the bias is below 2^-32 * n, irrelevant). */
static uint32_t uniform_below(draw_stream *r, uint32_t n)
{
    return (uint32_t)(((jbw__splitmix64(&r->state) >> 32) * (uint64_t)n) >> 32);
}

/* 1 with probability pct / 100. */
static int chance(draw_stream *r, uint32_t pct)
{
    return uniform_below(r, 100) < pct;
}

/* An index drawn with integer weights w[0..n) (not all zero). */
static size_t pick(draw_stream *r, const uint16_t *w, size_t n)
{
    uint32_t total = 0, x;
    size_t i;
    for (i = 0; i < n; i++)
        total += w[i];
    x = uniform_below(r, total);
    for (i = 0; i + 1 < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

/* ---- the shape (illustrative parameters) ------------------------------- */

enum { JBW__ORGS = 3, JBW__REGIONS = 4 };

static const char *const org_keys[JBW__ORGS] = {"JBWEST", "WSS", "LDH"};
static const char *const region_keys[JBW__REGIONS] = {"HGL", "HR", "MH", "ZHZ"};

/* Workers per organisation and region: 420 in all, JB west 336 (80%);
 * regions roughly by population (Haaglanden largest). */
static const uint16_t cell_workers[JBW__ORGS][JBW__REGIONS] = {
    {148, 78, 36, 74}, /* JBWEST: 336 */
    {22, 12, 6, 10},   /* WSS: 50 */
    {15, 8, 4, 7},     /* LDH: 34 */
};

/*
 * Children without a fixed worker on the reference date, nieuw and
 * bestaand. JBWEST/ZHZ is the published figure of 2025-09-01 (26 nieuw,
 * 11 bestaand; docs/example.md names the source); the other cells are
 * illustrative, giving JB west 112 in all (it reported 99 in February
 * 2025) and the whole
 * snapshot 141.
 */
static const uint16_t cell_nieuw[JBW__ORGS][JBW__REGIONS] = {
    {30, 14, 7, 26}, {5, 3, 1, 3}, {3, 2, 1, 1}};
static const uint16_t cell_bestaand[JBW__ORGS][JBW__REGIONS] = {
    {14, 7, 3, 11}, {3, 1, 1, 1}, {2, 1, 0, 1}};

/*
 * Per kind: weight per 1000 children (jeugdreclassering 18%, as in the
 * CBS stocks of 31-12-2024, docs/sources.md; OTS most, voogdij next) and the
 * longest time since start of a running measure in days.
 */
typedef struct kind_shape {
    uint16_t weight;
    uint16_t max_days;
} kind_shape;

static const kind_shape kind_shapes[JBW_KIND_COUNT] = {
    {520, 1460}, /* OTS: yearly extensions, up to 4 years */
    {30, 91},    /* VOTS: at most 3 months (BW 1:257) */
    {230, 3650}, /* VOOGDIJ: often until 18 */
    {10, 91},    /* VOORLOPIGE_VOOGDIJ */
    {30, 1095},  /* TIJDELIJKE_VOOGDIJ */
    {100, 540},  /* JR_TB_GEDWONGEN (most JR) */
    {30, 365},   /* JR_TB_VRIJWILLIG */
    {15, 365},   /* JR_ITB_HARDE_KERN */
    {10, 91},    /* JR_ITB_CRIEM: usually 3 months */
    {10, 180},   /* JR_STP */
    {10, 365},   /* JR_GBM */
    {5, 91},     /* JR_VGBM */
};

/* ---- the generator ----------------------------------------------------- */

typedef struct worker_draw {
    uint32_t org, region;
    int ramp_pct;     /* onboarding share of a full caseload (norms.md) */
    int fte10;        /* fte in tenths */
    jbw_date leaving; /* JBW_DATE_NONE when employed */
} worker_draw;

typedef struct gen {
    draw_stream rng;
    uint64_t help_seed; /* the help dates' own stream (draw_help) */
    jbw_snapshot *snap;
    jbw_date ref;
    worker_draw *workers;
    size_t worker_count;
    unsigned measure_seq, child_seq, family_seq;
} gen;

/* One child's identity while its measures are made. */
typedef struct child_draw {
    char id[16];
    char family[16];  /* "" for an own family */
    int32_t age_days; /* age on the reference date */
} child_draw;

static jbw_date min_date(jbw_date a, jbw_date b)
{
    return a < b ? a : b;
}

static int is_jr_kind(size_t kind)
{
    return kind >= JBW_KIND_JR_TB_GEDWONGEN;
}

/* Days from start to the first assignment: mostly within a week. */
static jbw_date assign_delay(draw_stream *r)
{
    static const uint16_t w[3] = {70, 25, 5};
    switch (pick(r, w, 3)) {
    case 0:
        return (jbw_date)uniform_below(r, 6);
    case 1:
        return (jbw_date)(6 + uniform_below(r, 15));
    default:
        return (jbw_date)(21 + uniform_below(r, 40));
    }
}

static jbw_safety draw_safety(draw_stream *r, int waiting)
{
    /* unknown, safe, concerns, unsafe, acute */
    static const uint16_t assigned[5] = {8, 45, 35, 11, 1};
    static const uint16_t wait[5] = {22, 30, 34, 12, 2};
    return (jbw_safety)pick(r, waiting ? wait : assigned, 5);
}

static jbw_placement draw_placement(draw_stream *r, size_t kind)
{
    /* none, placed, crisis */
    static const uint16_t ots[3] = {66, 30, 4};
    static const uint16_t vots[3] = {60, 20, 20};
    static const uint16_t voogdij[3] = {25, 75, 0};
    static const uint16_t vvoogdij[3] = {0, 60, 40};
    switch (kind) {
    case JBW_KIND_OTS:
        return (jbw_placement)pick(r, ots, 3);
    case JBW_KIND_VOTS:
        return (jbw_placement)pick(r, vots, 3);
    case JBW_KIND_VOOGDIJ:
    case JBW_KIND_TIJDELIJKE_VOOGDIJ:
        return (jbw_placement)pick(r, voogdij, 3);
    case JBW_KIND_VOORLOPIGE_VOOGDIJ:
        return (jbw_placement)pick(r, vvoogdij, 3);
    default:
        return JBW_PLACEMENT_NONE;
    }
}

static jbw_jr_risk draw_jr_risk(draw_stream *r, size_t kind)
{
    static const uint16_t w[4] = {10, 35, 40, 15}; /* unknown low med high */
    return is_jr_kind(kind) ? (jbw_jr_risk)pick(r, w, 4) : JBW_JR_RISK_UNKNOWN;
}

/* How a kind is drawn: for a sibling group (jeugdbescherming only), for a
 * single child on a caseload (jeugdreclassering 31%, so that
 * with the sibling groups about 18% of running measures are JR), or by
 * the plain weights (waiting and ended measures). */
enum { JBW__DRAW_SIBLINGS, JBW__DRAW_SINGLE, JBW__DRAW_PLAIN };

static size_t draw_kind(draw_stream *r, int how)
{
    uint16_t w[JBW_KIND_COUNT];
    size_t k;
    int jr = how == JBW__DRAW_SINGLE ? chance(r, 31) : -1;
    for (k = 0; k < JBW_KIND_COUNT; k++) {
        int is_jr = is_jr_kind(k);
        int allowed = how == JBW__DRAW_PLAIN ||
                      (how == JBW__DRAW_SIBLINGS && !is_jr) ||
                      (how == JBW__DRAW_SINGLE && is_jr == jr);
        w[k] = allowed ? kind_shapes[k].weight : 0;
    }
    return pick(r, w, JBW_KIND_COUNT);
}

/*
 * Twelve calendar years are at most 12 x 365 + 3 days (three leap days);
 * a child this many days old has had its 12th birthday, the youngest age
 * for jeugdreclassering (an input error below it, docs/formats.md).
 */
#define JBW__JR_MIN_AGE_DAYS (12 * JBW__YEAR + 3)

/* The youngest age at the start of a measure of this kind. */
static int32_t min_start_age(size_t kind)
{
    return is_jr_kind(kind) ? JBW__JR_MIN_AGE_DAYS : 0;
}

/* Age on the reference date: 0-17 for jeugdbescherming (under 18 x 365
 * days, so before the 18th birthday), 12-22 for jeugdreclassering (which
 * runs from 12 up to 23): from 12 years up to 8,397 days, short of the
 * 8,400 that 23 calendar years take at least. */
static int32_t draw_age(draw_stream *r, size_t kind)
{
    if (is_jr_kind(kind))
        return (int32_t)(min_start_age(kind) +
                         (int32_t)uniform_below(r, 11 * JBW__YEAR));
    return (int32_t)uniform_below(r, 18 * JBW__YEAR);
}

/* Days since start of a running measure, skewed to recent (min of two
 * draws) and short enough that the child had its minimum age at start. */
static int32_t draw_running_days(draw_stream *r, size_t kind, int32_t age)
{
    uint32_t max = kind_shapes[kind].max_days;
    uint32_t a = uniform_below(r, max), b = uniform_below(r, max);
    int32_t days = (int32_t)(a < b ? a : b);
    int32_t room = age - min_start_age(kind);
    return days < room ? days : (room > 0 ? room : 0);
}

static void new_child(gen *g, child_draw *c, const char *family)
{
    snprintf(c->id, sizeof c->id, "C%05u", ++g->child_seq);
    snprintf(c->family, sizeof c->family, "%s", family);
}

static void new_family(gen *g, char *buf, size_t size)
{
    snprintf(buf, size, "F%05u", ++g->family_seq);
}

/*
 * Waiting for suitable help, on a stream of its own (seeded by the seed
 * and the measure's number), so that the draws of every other field are
 * those of the example before help dates existed. A jeugdbescherming
 * measure that had a worker asks for help in 1 case of 10, or 1 of 2
 * with a placement (a placement needs a place): 0-45 days after the first
 * assignment; the help begins 7-90 days later (70%) or 91-300 days later.
 * Dates after the measure's last day (or the reference date) stay unset:
 * the request not yet made, the help not yet begun.
 */
static void draw_help(const gen *g, jbw_measure *m)
{
    draw_stream r;
    jbw_date asked, began, last;
    if (jbw_kind_domain(m->kind) != JBW_DOMAIN_JB ||
        m->first_assigned == JBW_DATE_NONE)
        return;
    r.state = g->help_seed ^ (0x9E3779B97F4A7C15ULL * g->measure_seq);
    if (!chance(&r, m->placement != JBW_PLACEMENT_NONE ? 50 : 10))
        return;
    last = m->end != JBW_DATE_NONE && m->end - 1 < g->ref ? m->end - 1 : g->ref;
    asked = m->first_assigned + (jbw_date)uniform_below(&r, 46);
    if (asked > last)
        return;
    began = asked + (chance(&r, 70) ? 7 + (jbw_date)uniform_below(&r, 84)
                                    : 91 + (jbw_date)uniform_below(&r, 210));
    m->help_requested = asked;
    m->help_started = began <= last ? began : JBW_DATE_NONE;
}

/* Fills the fields every measure shares and adds it. */
static jbw_status add_measure(gen *g, jbw_measure *m, const child_draw *c,
                              uint32_t org, uint32_t region)
{
    char id[16];
    snprintf(id, sizeof id, "M%05u", ++g->measure_seq);
    m->id = id;
    m->child_id = c->id;
    m->family_id = c->family;
    m->organisation = org_keys[org];
    m->region = region_keys[region];
    m->birth_date = g->ref - c->age_days;
    draw_help(g, m);
    return jbw_snapshot_add_measure(g->snap, m);
}

/* A measure of `kind` that started `days` before the reference date,
 * with the worker's fields left for the caller. */
static void base_measure(gen *g, jbw_measure *m, size_t kind, int32_t days)
{
    static const jbw_measure init = JBW_MEASURE_INIT;
    *m = init;
    m->kind = (jbw_kind)kind;
    m->start = g->ref - days;
    m->safety = draw_safety(&g->rng, 0);
    m->placement = draw_placement(&g->rng, kind);
    m->jr_risk = draw_jr_risk(&g->rng, kind);
}

/* A last interim contact within `window` days before the reference date,
 * not before start; absent with probability (100 - pct)%. */
static jbw_date draw_contact(gen *g, jbw_date start, uint32_t window,
                             uint32_t pct)
{
    uint32_t room = (uint32_t)(g->ref - start) + 1;
    if (!chance(&g->rng, pct))
        return JBW_DATE_NONE;
    return g->ref -
           (jbw_date)uniform_below(&g->rng, room < window ? room : window);
}

static void assign(gen *g, jbw_measure *m, const char *worker_id,
                   jbw_date until)
{
    static const uint16_t prev[5] = {55, 28, 11, 4, 2};
    m->worker_id = worker_id;
    m->first_assigned = min_date(m->start + assign_delay(&g->rng), until);
    m->previous_workers = (int)pick(&g->rng, prev, 5);
}

/*
 * An ended measure before `next_start` (the child's current measure):
 * VOTS before OTS, OTS before voogdij, a short JR programme before JR.
 * Returns JBW_OK without adding when the child was too young for it.
 */
static jbw_status add_history(gen *g, const child_draw *c, size_t kind,
                              jbw_date next_start, const char *worker_id,
                              uint32_t org, uint32_t region)
{
    static const size_t jr_prior[3] = {JBW_KIND_JR_STP, JBW_KIND_JR_ITB_CRIEM,
                                       JBW_KIND_JR_VGBM};
    jbw_measure m;
    size_t prior;
    int32_t len, gap = 0;
    jbw_date birth = g->ref - c->age_days;
    if (kind == JBW_KIND_OTS) {
        prior = JBW_KIND_VOTS;
        len = 28 + (int32_t)uniform_below(&g->rng, 63);
    } else if (kind == JBW_KIND_VOOGDIJ) {
        prior = JBW_KIND_OTS;
        len = 365 + (int32_t)uniform_below(&g->rng, 1096);
    } else {
        prior = jr_prior[uniform_below(&g->rng, 3)];
        len = 60 + (int32_t)uniform_below(&g->rng, 120);
        gap = (int32_t)uniform_below(&g->rng, 180);
    }
    if (next_start - gap - len - birth < min_start_age(prior))
        return JBW_OK;
    base_measure(g, &m, prior, g->ref - (next_start - gap - len));
    m.end = next_start - gap;
    assign(g, &m, worker_id, m.end - 1);
    return add_measure(g, &m, c, org, region);
}

/* A running JR supervision next to an OTS, for a child of 12 or older. */
static jbw_status add_concurrent_jr(gen *g, const child_draw *c,
                                    const char *worker_id, uint32_t org,
                                    uint32_t region)
{
    jbw_measure m;
    int32_t days;
    if (c->age_days <= min_start_age(JBW_KIND_JR_TB_GEDWONGEN))
        return JBW_OK;
    days = draw_running_days(&g->rng, JBW_KIND_JR_TB_GEDWONGEN, c->age_days);
    base_measure(g, &m, JBW_KIND_JR_TB_GEDWONGEN, days);
    assign(g, &m, worker_id, g->ref);
    m.last_contact = draw_contact(g, m.start, 28, 90);
    return add_measure(g, &m, c, org, region);
}

/* One child on a worker's caseload: its running measure and, for about
 * 8% of the children, a second one (ended before it, or JR beside it). */
static jbw_status add_assigned_child(gen *g, const child_draw *c, size_t kind,
                                     const char *worker_id, uint32_t org,
                                     uint32_t region)
{
    jbw_measure m;
    jbw_status st;
    int32_t days = draw_running_days(&g->rng, kind, c->age_days);
    base_measure(g, &m, kind, days);
    assign(g, &m, worker_id, g->ref);
    m.last_contact = draw_contact(g, m.start, 28, 90);
    if ((st = add_measure(g, &m, c, org, region)) != JBW_OK)
        return st;
    if (!chance(&g->rng, 8))
        return JBW_OK;
    if (kind == JBW_KIND_OTS && c->age_days > 13 * JBW__YEAR &&
        chance(&g->rng, 40))
        return add_concurrent_jr(g, c, worker_id, org, region);
    if (kind == JBW_KIND_OTS || kind == JBW_KIND_VOOGDIJ || is_jr_kind(kind))
        return add_history(g, c, kind, m.start, worker_id, org, region);
    return JBW_OK;
}

/* How many children a worker carries: fte x onboarding ramp x 12 (the
 * norm) x a load factor, 85-110% for most and 110-140% for one in five. */
static int caseload_size(gen *g, const worker_draw *w)
{
    int load = chance(&g->rng, 20) ? 110 + (int)uniform_below(&g->rng, 31)
                                   : 85 + (int)uniform_below(&g->rng, 26);
    return (w->fte10 * w->ramp_pct * 12 * load + 50000) / 100000;
}

/* A worker's caseload: single children and sibling groups of 2-3, who
 * share the worker and (siblings) a jeugdbescherming kind. */
static jbw_status add_caseload(gen *g, size_t wi)
{
    static const uint16_t family_size[3] = {72, 20, 8};
    const worker_draw *w = &g->workers[wi];
    const char *worker_id = jbw__strmap_key(&g->snap->worker_ids, wi);
    int n = caseload_size(g, w), done = 0;
    jbw_status st;
    while (done < n) {
        char family[16] = "";
        int size = (int)pick(&g->rng, family_size, 3) + 1, i;
        size_t kind;
        if (size > n - done)
            size = n - done;
        if (size > 1 || chance(&g->rng, 50))
            new_family(g, family, sizeof family);
        kind = draw_kind(&g->rng,
                         size > 1 ? JBW__DRAW_SIBLINGS : JBW__DRAW_SINGLE);
        for (i = 0; i < size; i++) {
            child_draw c;
            new_child(g, &c, family);
            c.age_days = draw_age(&g->rng, kind);
            if ((st = add_assigned_child(g, &c, kind, worker_id, w->org,
                                         w->region)) != JBW_OK)
                return st;
        }
        done += size;
    }
    return JBW_OK;
}

/* ---- waiting and ended measures ---------------------------------------- */
/* Ages a waiting child so that it was old enough at the start. */
static void age_for(gen *g, child_draw *c, size_t kind, int32_t days)
{
    c->age_days = draw_age(&g->rng, kind);
    if (c->age_days - days < min_start_age(kind))
        c->age_days = days + min_start_age(kind);
}

/* `n` nieuw measures: started 0-69 days ago (the first of a cell on the
 * reference date itself), one sibling pair in five. */
static jbw_status add_nieuw(gen *g, uint32_t org, uint32_t region, int n)
{
    int done = 0;
    jbw_status st;
    while (done < n) {
        char family[16] = "";
        int size = (n - done >= 2 && chance(&g->rng, 20)) ? 2 : 1, i;
        int32_t days = done == 0 ? 0 : (int32_t)uniform_below(&g->rng, 70);
        size_t kind =
            draw_kind(&g->rng, size > 1 ? JBW__DRAW_SIBLINGS : JBW__DRAW_PLAIN);
        if (size > 1 || chance(&g->rng, 50))
            new_family(g, family, sizeof family);
        for (i = 0; i < size; i++) {
            child_draw c;
            jbw_measure m;
            new_child(g, &c, family);
            age_for(g, &c, kind, days);
            base_measure(g, &m, kind, days);
            m.safety = draw_safety(&g->rng, 1);
            /* Half give waiting_since; the rest leave it to the snapshot. */
            if (chance(&g->rng, 50))
                m.waiting_since = m.start;
            m.last_contact = draw_contact(g, m.start, 20, 40);
            if ((st = add_measure(g, &m, &c, org, region)) != JBW_OK)
                return st;
        }
        done += size;
    }
    return JBW_OK;
}

/* The day a bestaand wait began: half of the time the day a worker of the
 * cell left, otherwise within the last 90 days; never before `from`. */
static jbw_date drop_out_day(gen *g, size_t first, size_t count, jbw_date from)
{
    uint32_t room = (uint32_t)(g->ref - from) + 1;
    if (chance(&g->rng, 50)) {
        const worker_draw *w =
            &g->workers[first + uniform_below(&g->rng, (uint32_t)count)];
        if (w->leaving != JBW_DATE_NONE && w->leaving >= from)
            return w->leaving;
    }
    return g->ref - (jbw_date)uniform_below(&g->rng, room < 90 ? room : 90);
}

/* `n` bestaand measures: a worker was assigned and dropped out. */
static jbw_status add_bestaand(gen *g, uint32_t org, uint32_t region,
                               size_t first, size_t count, int n)
{
    static const uint16_t prev[3] = {70, 20, 10};
    int i;
    jbw_status st;
    for (i = 0; i < n; i++) {
        child_draw c;
        jbw_measure m;
        size_t kind = draw_kind(&g->rng, JBW__DRAW_PLAIN);
        int32_t days = 30 + (int32_t)uniform_below(
                                &g->rng, kind_shapes[kind].max_days - 29u);
        char family[16] = "";
        if (chance(&g->rng, 50))
            new_family(g, family, sizeof family);
        new_child(g, &c, family);
        age_for(g, &c, kind, days);
        base_measure(g, &m, kind, days);
        m.safety = draw_safety(&g->rng, 1);
        m.first_assigned = min_date(m.start + assign_delay(&g->rng), g->ref);
        m.previous_workers = 1 + (int)pick(&g->rng, prev, 3);
        m.waiting_since = drop_out_day(g, first, count, m.first_assigned);
        m.last_contact = draw_contact(g, m.waiting_since, 20, 50);
        if ((st = add_measure(g, &m, &c, org, region)) != JBW_OK)
            return st;
    }
    return JBW_OK;
}

/* `n` measures of children with nothing running any more, ended in the
 * last year (the first of a cell on the reference date: inactive on it),
 * last held by a worker of the cell who is still employed. */
static jbw_status add_ended(gen *g, uint32_t org, uint32_t region, size_t first,
                            size_t count, int n)
{
    int i;
    jbw_status st;
    for (i = 0; i < n; i++) {
        child_draw c;
        jbw_measure m;
        size_t kind = draw_kind(&g->rng, JBW__DRAW_PLAIN), wi;
        int tries = 0;
        int32_t ended = i == 0 ? 0 : (int32_t)uniform_below(&g->rng, JBW__YEAR);
        int32_t len =
            14 + (int32_t)uniform_below(&g->rng, kind_shapes[kind].max_days);
        /* Prefer a worker still employed; a cell where all have left
         * (practically never) keeps the last draw, which is valid too. */
        do
            wi = first + uniform_below(&g->rng, (uint32_t)count);
        while (g->workers[wi].leaving != JBW_DATE_NONE && ++tries < 16);
        new_child(g, &c, "");
        age_for(g, &c, kind, ended + len);
        base_measure(g, &m, kind, ended + len);
        m.end = g->ref - ended;
        assign(g, &m, jbw__strmap_key(&g->snap->worker_ids, wi), m.end - 1);
        if ((st = add_measure(g, &m, &c, org, region)) != JBW_OK)
            return st;
    }
    return JBW_OK;
}

/* ---- workers ----------------------------------------------------------- */
/*
 * One worker: fte 0.6-1.0 (half full-time); 12% hired in the
 * last six months (onboarding ramp 50% in months 0-2, 75% in 3-5,
 * the default norm's ramp, by days as an approximation), the others up to 20
 * years ago; three in a hundred of those left in the last five months.
 */
static jbw_status add_worker(gen *g, size_t index, uint32_t org,
                             uint32_t region)
{
    static const uint16_t fte_w[5] = {7, 8, 20, 15, 50}; /* 0.6 .. 1.0 */
    worker_draw *d = &g->workers[index];
    jbw_worker w = JBW_WORKER_INIT;
    char id[16];
    int32_t ago;
    snprintf(id, sizeof id, "W%04u", (unsigned)index + 1);
    d->org = org;
    d->region = region;
    d->fte10 = 6 + (int)pick(&g->rng, fte_w, 5);
    d->leaving = JBW_DATE_NONE;
    if (chance(&g->rng, 12)) {
        ago = (int32_t)uniform_below(&g->rng, 183);
        d->ramp_pct = ago < 92 ? 50 : 75;
    } else {
        ago = 183 + (int32_t)uniform_below(&g->rng, 20 * JBW__YEAR);
        d->ramp_pct = 100;
        if (chance(&g->rng, 3))
            d->leaving = g->ref - 1 - (jbw_date)uniform_below(&g->rng, 150);
    }
    w.id = id;
    w.organisation = org_keys[org];
    w.region = region_keys[region];
    w.fte = d->fte10 / 10.0; /* exact decimal steps, same on every platform */
    w.hired = g->ref - ago;
    w.leaving = d->leaving;
    return jbw_snapshot_add_worker(g->snap, &w);
}

static jbw_status add_workers(gen *g)
{
    uint32_t o, r;
    size_t n = 0, i;
    jbw_status st;
    for (o = 0; o < JBW__ORGS; o++)
        for (r = 0; r < JBW__REGIONS; r++)
            for (i = 0; i < cell_workers[o][r]; i++)
                if ((st = add_worker(g, n++, o, r)) != JBW_OK)
                    return st;
    return JBW_OK;
}

/* All measures of one organisation in one region. */
static jbw_status add_cell(gen *g, uint32_t o, uint32_t r, size_t first)
{
    size_t count = cell_workers[o][r], i;
    jbw_status st;
    for (i = first; i < first + count; i++)
        if (g->workers[i].leaving == JBW_DATE_NONE &&
            (st = add_caseload(g, i)) != JBW_OK)
            return st;
    if ((st = add_nieuw(g, o, r, cell_nieuw[o][r])) != JBW_OK ||
        (st = add_bestaand(g, o, r, first, count, cell_bestaand[o][r])) !=
            JBW_OK)
        return st;
    /* Ended without a successor: one per five workers. */
    return add_ended(g, o, r, first, count, (int)(count + 4) / 5);
}

static jbw_status generate_all(gen *g)
{
    uint32_t o, r;
    size_t first = 0;
    jbw_status st;
    if ((st = add_workers(g)) != JBW_OK)
        return st;
    for (o = 0; o < JBW__ORGS; o++)
        for (r = 0; r < JBW__REGIONS; r++) {
            if ((st = add_cell(g, o, r, first)) != JBW_OK)
                return st;
            first += cell_workers[o][r];
        }
    return JBW_OK;
}

static size_t total_workers(void)
{
    size_t o, r, n = 0;
    for (o = 0; o < JBW__ORGS; o++)
        for (r = 0; r < JBW__REGIONS; r++)
            n += cell_workers[o][r];
    return n;
}

/* ---- public ------------------------------------------------------------ */
jbw_date jbw_example_date(void)
{
    return jbw__days_from_civil(2025, 9, 1);
}

jbw_status jbw_example_snapshot(jbw_snapshot **out, uint32_t seed)
{
    gen g;
    jbw_registry *reg;
    jbw_status st;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_example_snapshot: out is NULL");
    memset(&g, 0, sizeof g);
    g.rng.state = seed;
    g.help_seed = (uint64_t)seed ^ 0xD1B54A32D192ED03ULL;
    g.ref = jbw_example_date();
    g.worker_count = total_workers();
    if ((st = jbw_registry_zuid_west(&reg)) != JBW_OK)
        return st;
    st = jbw_snapshot_new(&g.snap, reg, g.ref);
    jbw_registry_free(reg);
    if (st != JBW_OK)
        return st;
    g.workers = jbw__calloc(g.worker_count, sizeof *g.workers);
    st = g.workers ? generate_all(&g) : jbw__enomem();
    jbw__free(g.workers);
    if (st != JBW_OK) {
        jbw_snapshot_free(g.snap);
        return st;
    }
    /* Every output made from it says so (jbw_snapshot_data_notice). */
    g.snap->data_notice = jbw_example_notice();
    *out = g.snap;
    return jbw__ok();
}

/* The Zuid-Holland Zuid council letter: council information letter, regio
 * Zuid-Holland Zuid (2025). */
static const struct {
    int y, m, d;
    size_t nieuw, bestaand;
} zhz_series[] = {
    {2024, 9, 20, 41, 72}, {2024, 12, 1, 43, 64}, {2025, 1, 1, 32, 64},
    {2025, 4, 1, 48, 32},  {2025, 7, 1, 28, 9},   {2025, 8, 1, 29, 6},
    {2025, 9, 1, 26, 11},
};

/* Where the series comes from, on every output made from it (the
 * citation is in docs/sources.md, "Example: published waiting figures"). */
const char jbw__example_zhz_notice[] =
    "PUBLISHED figures: council information letter of a Zuid-Holland Zuid "
    "municipality, autumn 2025 (libjbw docs/sources.md)";

jbw_status jbw_example_series_zhz(jbw_series **out)
{
    jbw_series *s;
    jbw_status st;
    size_t i;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_example_series_zhz: out is NULL");
    if ((st = jbw_series_new(&s, "Zuid-Holland Zuid")) != JBW_OK)
        return st;
    if ((st = jbw_series_set_data_notice(s, jbw__example_zhz_notice)) !=
        JBW_OK) {
        jbw_series_free(s);
        return st;
    }
    for (i = 0; i < JBW__COUNT(zhz_series); i++) {
        st = jbw_series_add(s,
                            jbw__days_from_civil(zhz_series[i].y,
                                                 zhz_series[i].m,
                                                 zhz_series[i].d),
                            zhz_series[i].nieuw, zhz_series[i].bestaand);
        if (st != JBW_OK) {
            jbw_series_free(s);
            return st;
        }
    }
    *out = s;
    return jbw__ok();
}

jbw_status jbw_example_totals_jbwest(jbw_date *dates, size_t *totals,
                                     size_t capacity, size_t *count)
{
    /* The Rijswijk council information letter: 159 in September 2024, 99
     * in February 2025, "JB west" as the letter says; beside the
     * Zuid-Holland Zuid figures they cannot be all of JB west (see
     * example.h). Months only, so the 1st is used. */
    static const struct {
        int y, m;
        size_t total;
    } points[] = {{2024, 9, 159}, {2025, 2, 99}};
    size_t i, n = JBW__COUNT(points);
    if (!count || (capacity > 0 && (!dates || !totals)))
        return jbw__error(JBW_EINVAL, "jbw_example_totals_jbwest: count, or "
                                      "dates/totals with a capacity, is NULL");
    for (i = 0; i < n && i < capacity; i++) {
        dates[i] = jbw__days_from_civil(points[i].y, points[i].m, 1);
        totals[i] = points[i].total;
    }
    *count = n;
    if (capacity < n)
        return jbw__error(JBW_EBUFFER,
                          "jbw_example_totals_jbwest: room for %zu "
                          "points, there are %zu",
                          capacity, n);
    return jbw__ok();
}

const char *jbw_example_notice(void)
{
    return "SYNTHETIC example data (libjbw, seed 20250901): no real person "
           "or organisation caseload";
}
