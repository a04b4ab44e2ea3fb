/*
 * libjbw - the monthly stock-flow model of the waiting list: the model
 * built from the parameters, its state and one month's step.
 * docs/forecast.md has the equations.
 */
#include "forecast/forecast_internal.h"

#include <math.h>
#include <string.h>

/* ====================================================================== */
/* The model                                                               */
/* ====================================================================== */

const char *const jbw__fc_quantity_names[FCQ_COUNT] = {
    "assigned",      "waiting_nieuw", "waiting_bestaand",
    "waiting",       "active",        "inflow",
    "exits",         "orphaned",      "intake",
    "leavers_fte",   "hires_fte",     "fte",
    "effective_fte", "capacity",      "load",
    "free_capacity", "revenue",       "staff_cost",
    "fixed_costs",   "margin",        "coverage"};

void jbw__fc_model_free(jbw__fc_model *m)
{
    jbw__free(m->inflow_mean);
    jbw__free(m->inflow_ps);
    jbw__free(m->lf);
    jbw__free(m->qpow);
    jbw__free(m->plan);
    m->plan = NULL;
    m->inflow_mean = NULL;
    m->inflow_ps = NULL;
    m->lf = NULL;
    m->qpow = NULL;
}

double jbw__fc_shock_multiplier(const jbw_forecast_params *p, int kind,
                                int32_t month)
{
    double mult = 1.0;
    size_t i;
    for (i = 0; i < p->shock_count; i++) {
        const jbw_shock *s = &p->shocks[i];
        if ((s->kind == JBW_SHOCK_ALL_KINDS || s->kind == kind) &&
            month >= s->month_from && month <= s->month_to)
            mult *= s->multiplier;
    }
    return mult;
}

static void add_tier(jbw__fc_model *m, int emergency, int list, int all)
{
    jbw__fc_tier *t = &m->tiers[m->ntiers];
    int index = m->ntiers;
    int i, l;
    t->count = 0;
    for (l = 0; l < 2; l++) {
        if (list >= 0 && l != list)
            continue;
        for (i = 0; i < m->nlive; i++) {
            int k = m->live[i];
            if (!all && (jbw_kind_is_emergency((jbw_kind)k) != 0) != emergency)
                continue;
            t->kind[t->count] = (uint8_t)k;
            t->list[t->count] = (uint8_t)l;
            t->count++;
        }
    }
    if (!t->count)
        return;
    m->ntiers++;
    if (list == FC_LIST_BESTAAND)
        m->tier_bestaand = index;
    else if (list == FC_LIST_NIEUW)
        m->tier_nieuw = index;
}

/* The order free capacity takes waiting measures (header, step 5). */
static void build_tiers(jbw__fc_model *m, const jbw_forecast_params *p)
{
    int first = p->bestaand_first ? FC_LIST_BESTAAND : FC_LIST_NIEUW;
    int all = !p->emergency_first;
    m->ntiers = 0;
    m->tier_bestaand = m->tier_nieuw = -1;
    if (!all)
        add_tier(m, 1, -1, 0);
    add_tier(m, 0, first, all);
    add_tier(m, 0, 1 - first, all);
}

static jbw_status norm_values(jbw__fc_model *m, const jbw_norm *norm,
                              double upm)
{
    jbw_norm *own = NULL;
    int k, j;
    if (!norm) {
        jbw_status st = jbw_norm_new_default(&own);
        if (st != JBW_OK)
            return st;
        norm = own;
    }
    m->caseload_per_fte = jbw_norm_caseload_per_fte(norm);
    for (j = 0; j < JBW_TENURE_SLOTS; j++)
        m->ramp[j] = jbw_norm_ramp(norm, j);
    for (k = 0; k < FC_K; k++)
        m->cost[k] = upm * jbw_norm_weight(norm, (jbw_kind)k);
    jbw_norm_free(own);
    if (!(m->caseload_per_fte > 0) || !isfinite(m->caseload_per_fte))
        return jbw__error(JBW_EINVAL, "forecast: the norm has no positive "
                                      "caseload per FTE");
    return JBW_OK;
}

static double round_workers(double fte, double per_worker)
{
    double n;
    if (fte <= 0)
        return 0;
    n = floor(fte / per_worker + 0.5);
    return n < 1 ? 1 : n;
}

/* The hiring plan's cohorts within the horizon, by month; none: NULL. */
static jbw_status plan_init(jbw__fc_model *m, const jbw_forecast_params *p)
{
    size_t i;
    int any = 0;
    for (i = 0; i < p->hiring_plan_count; i++)
        any |=
            p->hiring_plan[i].month <= p->months && p->hiring_plan[i].fte > 0;
    if (!any)
        return JBW_OK;
    m->plan = jbw__calloc((size_t)p->months + 1, sizeof *m->plan);
    if (!m->plan)
        return jbw__enomem();
    for (i = 0; i < p->hiring_plan_count; i++) {
        const jbw_hire *h = &p->hiring_plan[i];
        jbw__fc_cohort *c;
        if (h->month > p->months || !(h->fte > 0))
            continue;
        c = &m->plan[h->month];
        c->fte = h->fte;
        c->workers = round_workers(h->fte, p->fte_per_worker);
        c->onboarding = h->onboarding_months;
        c->fraction = h->onboarding_fraction;
    }
    return JBW_OK;
}

/* Sets up the model of a run: validated params in, nothing shared out. */
jbw_status jbw__fc_model_init(jbw__fc_model *m, const jbw_forecast_params *p,
                              const jbw_norm *norm, int stochastic)
{
    jbw_status st;
    int32_t t;
    int k;
    memset(m, 0, sizeof *m);
    m->months = p->months;
    st = norm_values(m, norm, p->units_per_measure);
    if (st != JBW_OK)
        return st;
    m->inflow_mean =
        jbw__calloc((size_t)(p->months + 1) * FC_K, sizeof *m->inflow_mean);
    if (!m->inflow_mean)
        return jbw__enomem();
    if (stochastic) {
        size_t i;
        m->inflow_ps =
            jbw__calloc((size_t)(p->months + 1) * FC_K, sizeof *m->inflow_ps);
        m->lf = jbw__calloc(FC_LF_TABLE, sizeof *m->lf);
        m->qpow = jbw__calloc((FC_K + 1) * FC_QPOW, sizeof *m->qpow);
        if (!m->inflow_ps || !m->lf || !m->qpow) {
            jbw__fc_model_free(m);
            return jbw__enomem();
        }
        for (i = 0; i < FC_LF_TABLE; i++)
            m->lf[i] = jbw__fc_log_factorial((double)i);
    }
    for (k = 0; k < FC_K; k++) {
        int live = p->assigned[k] > 0 || p->waiting_nieuw[k] > 0 ||
                   p->waiting_bestaand[k] > 0 ||
                   (k == JBW_KIND_OTS && p->vots_to_ots > 0);
        for (t = 1; t <= p->months; t++) {
            double mean = p->inflow[k] * jbw__fc_shock_multiplier(p, k, t);
            m->inflow_mean[(size_t)t * FC_K + (size_t)k] = mean;
            if (m->inflow_ps)
                jbw__fc_poisson_setup(
                    &m->inflow_ps[(size_t)t * FC_K + (size_t)k], mean);
            live |= mean > 0;
        }
        if (live)
            m->live[m->nlive++] = k;
        m->exit_p[k] = 1.0 / p->duration[k];
        m->tariff_month[k] = p->finance ? p->tariff[k] / 12.0 : 0.0;
    }
    m->leave_rate = 1.0 - jbw__fc_root12(1.0 - p->turnover);
    m->leave_rate_first =
        p->turnover_first_year < 0
            ? m->leave_rate
            : 1.0 - jbw__fc_root12(1.0 - p->turnover_first_year);
    m->vots_to_ots = p->vots_to_ots;
    m->bestaand_share = p->bestaand_share;
    if (m->qpow) {
        for (k = 0; k < FC_K; k++)
            jbw__fc_binom_setup(&m->binom[k], m->exit_p[k],
                                m->qpow + (size_t)k * FC_QPOW);
        jbw__fc_binom_setup(&m->binom[FC_LEAVE_BINOM], m->leave_rate,
                            m->qpow + (size_t)FC_LEAVE_BINOM * FC_QPOW);
        jbw__fc_binom_setup(&m->binom[FC_LEAVE_FIRST_BINOM],
                            m->leave_rate_first, NULL);
        jbw__fc_binom_setup(&m->binom[FC_CONTINUE_BINOM], m->vots_to_ots, NULL);
    }
    m->hires_fte = p->hires_fte;
    m->hire_months = p->hire_months;
    m->fte_per_worker = p->fte_per_worker;
    m->hire_workers = round_workers(p->hires_fte, p->fte_per_worker);
    if ((st = plan_init(m, p)) != JBW_OK) {
        jbw__fc_model_free(m);
        return st;
    }
    m->finance = p->finance;
    m->staff_cost_month = p->staff_cost / 12.0;
    m->fixed_month = p->fixed_costs / 12.0;
    build_tiers(m, p);
    return JBW_OK;
}

void jbw__fc_state_init(jbw__fc_state *s, const jbw__fc_model *m,
                        const jbw_forecast_params *p)
{
    int k, j;
    memset(s, 0, sizeof *s);
    for (k = 0; k < FC_K; k++) {
        s->a[k] = p->assigned[k];
        s->wn[k] = p->waiting_nieuw[k];
        s->wb[k] = p->waiting_bestaand[k];
    }
    for (j = 0; j < FC_RING; j++) {
        s->fte[j] = p->staff_fte[j];
        s->workers[j] = round_workers(p->staff_fte[j], m->fte_per_worker);
    }
    s->senior_fte = p->staff_fte[FC_RING];
    s->senior_workers = round_workers(s->senior_fte, m->fte_per_worker);
}

static double total_fte(const jbw__fc_model *m, const jbw__fc_state *s)
{
    double sum = s->senior_fte;
    int j;
    for (j = 0; j < FC_RING; j++)
        sum += s->fte[j];
    if (m->plan)
        for (j = 0; j < FC_RING; j++)
            sum += s->plan_fte[j];
    return sum;
}

/* The fraction of a caseload the cohort hired in month `hired` carries
 * at `tenure` (0..35): its own ramp, or the norm's. */
static double cohort_ramp(const jbw__fc_model *m, int32_t hired, int tenure)
{
    const jbw__fc_cohort *c = &m->plan[hired];
    if (c->onboarding < 0)
        return m->ramp[tenure];
    return tenure < c->onboarding ? c->fraction : 1.0;
}

static double effective_fte_of(const jbw__fc_model *m, const jbw__fc_state *s)
{
    double sum = s->senior_fte * m->ramp[FC_RING];
    unsigned cell, j = 0;
    /* tenure j sits in cell head + j: walk the ring in two runs */
    for (cell = s->head; cell < FC_RING; cell++)
        sum += s->fte[cell] * m->ramp[j++];
    for (cell = 0; cell < s->head; cell++)
        sum += s->fte[cell] * m->ramp[j++];
    if (m->plan) {
        /* the cohort of tenure j was hired in month s->month - j */
        int tenure;
        for (tenure = 0; tenure < FC_RING && tenure < s->month; tenure++) {
            unsigned c = (s->head + (unsigned)tenure) % FC_RING;
            if (s->plan_fte[c] > 0)
                sum +=
                    s->plan_fte[c] * cohort_ramp(m, s->month - tenure, tenure);
        }
    }
    return sum;
}

static double load_of(const jbw__fc_model *m, const jbw__fc_state *s)
{
    double load = 0;
    int i;
    for (i = 0; i < m->nlive; i++) {
        int k = m->live[i];
        load += m->cost[k] * s->a[k];
    }
    return load;
}

/* Fills the stock, staff and finance quantities of the state. */
static void observe(const jbw__fc_model *m, const jbw__fc_state *s, double *q)
{
    double a = 0, wn = 0, wb = 0, revenue = 0;
    int i;
    for (i = 0; i < m->nlive; i++) {
        int k = m->live[i];
        a += s->a[k];
        wn += s->wn[k];
        wb += s->wb[k];
        revenue += m->tariff_month[k] * (s->a[k] + s->wn[k] + s->wb[k]);
    }
    for (i = 0; i < FC_K; i++) {
        q[FCQ_KIND(i, 0)] = s->a[i] + s->wn[i] + s->wb[i];
        q[FCQ_KIND(i, 1)] = s->wn[i] + s->wb[i];
    }
    q[FCQ_ASSIGNED] = a;
    q[FCQ_WAITING_NIEUW] = wn;
    q[FCQ_WAITING_BESTAAND] = wb;
    q[FCQ_WAITING] = wn + wb;
    q[FCQ_ACTIVE] = a + wn + wb;
    q[FCQ_FTE] = total_fte(m, s);
    q[FCQ_EFFECTIVE_FTE] = effective_fte_of(m, s);
    q[FCQ_CAPACITY] = q[FCQ_EFFECTIVE_FTE] * m->caseload_per_fte;
    q[FCQ_LOAD] = load_of(m, s);
    q[FCQ_FREE_CAPACITY] =
        q[FCQ_CAPACITY] > q[FCQ_LOAD] ? q[FCQ_CAPACITY] - q[FCQ_LOAD] : 0;
    if (!m->finance) {
        q[FCQ_REVENUE] = q[FCQ_STAFF_COST] = q[FCQ_FIXED_COSTS] = NAN;
        q[FCQ_MARGIN] = q[FCQ_COVERAGE] = NAN;
        return;
    }
    q[FCQ_REVENUE] = revenue;
    q[FCQ_STAFF_COST] = m->staff_cost_month * q[FCQ_FTE];
    q[FCQ_FIXED_COSTS] = m->fixed_month;
    q[FCQ_MARGIN] = revenue - q[FCQ_STAFF_COST] - m->fixed_month;
    q[FCQ_COVERAGE] = m->fixed_month > 0
                          ? (revenue - q[FCQ_STAFF_COST]) / m->fixed_month
                          : NAN;
}

/* The ending VOTS of one list that continue as an OTS. */
static double continuing_vots(const jbw__fc_model *m, double ended,
                              jbw__fc_rng *g)
{
    return g ? jbw__fc_binom_draw(&m->binom[FC_CONTINUE_BINOM], ended, g)
             : ended * m->vots_to_ots;
}

/* Step 1: exits from every stock of every kind. */
static double step_exits(const jbw__fc_model *m, jbw__fc_state *s,
                         jbw__fc_rng *g)
{
    double exits = 0;
    int i;
    for (i = 0; i < m->nlive; i++) {
        int k = m->live[i];
        double ea, en, eb;
        if (g) {
            const jbw__fc_binom *b = &m->binom[k];
            ea = jbw__fc_binom_draw(b, s->a[k], g);
            en = jbw__fc_binom_draw(b, s->wn[k], g);
            eb = jbw__fc_binom_draw(b, s->wb[k], g);
        } else {
            ea = s->a[k] * m->exit_p[k];
            en = s->wn[k] * m->exit_p[k];
            eb = s->wb[k] * m->exit_p[k];
        }
        s->a[k] -= ea;
        s->wn[k] -= en;
        s->wb[k] -= eb;
        if (k == JBW_KIND_VOTS && m->vots_to_ots > 0) {
            /* continuing as an OTS on the same list: no exit */
            double ca = continuing_vots(m, ea, g),
                   cn = continuing_vots(m, en, g),
                   cb = continuing_vots(m, eb, g);
            s->a[JBW_KIND_OTS] += ca;
            s->wn[JBW_KIND_OTS] += cn;
            s->wb[JBW_KIND_OTS] += cb;
            ea -= ca;
            en -= cn;
            eb -= cb;
        }
        exits += ea + en + eb;
    }
    return exits;
}

/* Step 2: inflow into waiting nieuw. */
static double step_inflow(const jbw__fc_model *m, jbw__fc_state *s, int32_t t,
                          jbw__fc_rng *g)
{
    double inflow = 0;
    size_t row = (size_t)t * FC_K;
    int i;
    for (i = 0; i < m->nlive; i++) {
        int k = m->live[i];
        double x = g ? jbw__fc_poisson_draw(&m->inflow_ps[row + (size_t)k], g)
                     : m->inflow_mean[row + (size_t)k];
        s->wn[k] += x;
        inflow += x;
    }
    return inflow;
}

/* Leavers of one tenure group; returns their FTE. */
static double leave(const jbw__fc_model *m, double *fte, double *workers,
                    int first_year, jbw__fc_rng *g)
{
    double gone;
    if (*fte <= 0)
        return 0;
    if (!g) {
        gone = *fte * (first_year ? m->leave_rate_first : m->leave_rate);
    } else {
        const jbw__fc_binom *b =
            &m->binom[first_year && m->leave_rate_first != m->leave_rate
                          ? FC_LEAVE_FIRST_BINOM
                          : FC_LEAVE_BINOM];
        double n = jbw__fc_binom_draw(b, *workers, g);
        gone = n >= *workers ? *fte : *fte * n / *workers;
        *workers -= n;
    }
    *fte -= gone;
    return gone;
}

/*
 * Step 3 and 4: leavers, their caseload to bestaand, tenure, hires.
 * Writes leavers' FTE, orphaned measures and hires into q.
 */
static void step_staff(const jbw__fc_model *m, jbw__fc_state *s, int32_t t,
                       jbw__fc_rng *g, double *q)
{
    double before = total_fte(m, s), gone = 0, share, orphaned = 0;
    unsigned last;
    int i, j;
    for (j = 0; j < FC_RING; j++) {
        /* cell j holds tenure (j - head) mod FC_RING */
        int tenure = (int)(((unsigned)j + FC_RING - s->head) % FC_RING);
        gone += leave(m, &s->fte[j], &s->workers[j], tenure < FC_FIRST_YEAR, g);
    }
    gone += leave(m, &s->senior_fte, &s->senior_workers, 0, g);
    if (m->plan)
        for (j = 0; j < FC_RING; j++) {
            int tenure = (int)(((unsigned)j + FC_RING - s->head) % FC_RING);
            gone += leave(m, &s->plan_fte[j], &s->plan_workers[j],
                          tenure < FC_FIRST_YEAR, g);
        }
    /* No staff at all: nobody carries the assigned caseload. */
    share = before > 0 ? gone / before : 1.0;
    if (share > 1)
        share = 1;
    if (share > 0) {
        jbw__fc_binom b;
        jbw__fc_binom_setup(&b, share, NULL);
        for (i = 0; i < m->nlive; i++) {
            int k = m->live[i];
            double o = g ? jbw__fc_binom_draw(&b, s->a[k], g) : s->a[k] * share;
            s->a[k] -= o;
            s->wb[k] += o;
            orphaned += o;
        }
    }
    /* Tenure advances: tenure 35 joins 36+, its ring cell takes the hires. */
    last = (s->head + FC_RING - 1) % FC_RING;
    s->senior_fte += s->fte[last];
    s->senior_workers += s->workers[last];
    s->head = last;
    s->fte[last] = 0;
    s->workers[last] = 0;
    q[FCQ_HIRES_FTE] = 0;
    if (t <= m->hire_months && m->hires_fte > 0) {
        s->fte[last] = m->hires_fte;
        s->workers[last] = m->hire_workers;
        q[FCQ_HIRES_FTE] = m->hires_fte;
    }
    if (m->plan) {
        /* a cohort of tenure 35 joins 36+ (the norm's ramp at 36) */
        s->senior_fte += s->plan_fte[last];
        s->senior_workers += s->plan_workers[last];
        s->plan_fte[last] = m->plan[t].fte;
        s->plan_workers[last] = m->plan[t].workers;
        q[FCQ_HIRES_FTE] += m->plan[t].fte;
    }
    q[FCQ_LEAVERS_FTE] = gone;
    q[FCQ_ORPHANED] = orphaned;
}

static double *list_of(jbw__fc_state *s, int list, int k)
{
    return list == FC_LIST_NIEUW ? &s->wn[k] : &s->wb[k];
}

/* Moves `take` measures of one waiting list to assigned. */
static void assign(jbw__fc_state *s, int list, int k, double take)
{
    *list_of(s, list, k) -= take;
    s->a[k] += take;
}

/*
 * Free capacity takes a tier pro rata: all of it when it fits, else the
 * same fraction f of every list (whole measures in a stochastic run:
 * floor(f x waiting), then one more per list in tier order while the
 * rest of the capacity allows). Lists of weight 0 cost nothing and are
 * taken whole. Returns the capacity left.
 */
static double take_tier(const jbw__fc_model *m, const jbw__fc_tier *tier,
                        jbw__fc_state *s, double free_cap, int whole,
                        double *intake)
{
    double demand = 0, f;
    int e;
    for (e = 0; e < tier->count; e++)
        demand +=
            m->cost[tier->kind[e]] * *list_of(s, tier->list[e], tier->kind[e]);
    if (demand <= free_cap) {
        for (e = 0; e < tier->count; e++) {
            double w = *list_of(s, tier->list[e], tier->kind[e]);
            assign(s, tier->list[e], tier->kind[e], w);
            *intake += w;
        }
        return free_cap - demand;
    }
    f = free_cap / demand;
    for (e = 0; e < tier->count; e++) {
        int k = tier->kind[e];
        double w = *list_of(s, tier->list[e], k);
        double take = m->cost[k] > 0 ? f * w : w;
        if (whole)
            take = floor(take);
        assign(s, tier->list[e], k, take);
        *intake += take;
        free_cap -= take * m->cost[k];
    }
    if (!whole)
        return 0;
    for (e = 0; e < tier->count; e++) {
        int k = tier->kind[e];
        if (*list_of(s, tier->list[e], k) >= 1 && m->cost[k] <= free_cap) {
            assign(s, tier->list[e], k, 1);
            *intake += 1;
            free_cap -= m->cost[k];
        }
    }
    return free_cap > 0 ? free_cap : 0;
}

/*
 * Step 5 with a bestaand share b: the emergency tier first; of the rest,
 * b is offered to bestaand and 1 - b to nieuw; what one list leaves goes
 * to the other.
 */
static double step_intake_shared(const jbw__fc_model *m, jbw__fc_state *s,
                                 double free_cap, int whole)
{
    double intake = 0, to_b, to_n;
    int i;
    for (i = 0; i < m->ntiers && free_cap > 0; i++)
        if (i != m->tier_bestaand && i != m->tier_nieuw)
            free_cap = take_tier(m, &m->tiers[i], s, free_cap, whole, &intake);
    if (!(free_cap > 0))
        return intake;
    to_b = free_cap * m->bestaand_share;
    to_n = free_cap - to_b;
    if (m->tier_bestaand >= 0)
        to_b =
            take_tier(m, &m->tiers[m->tier_bestaand], s, to_b, whole, &intake);
    if (m->tier_nieuw >= 0)
        to_n = take_tier(m, &m->tiers[m->tier_nieuw], s, to_n + to_b, whole,
                         &intake);
    else
        to_n += to_b;
    if (m->tier_bestaand >= 0 && to_n > 0)
        take_tier(m, &m->tiers[m->tier_bestaand], s, to_n, whole, &intake);
    return intake;
}

/* Step 5: free capacity takes waiting measures. Returns the intake. */
static double step_intake(const jbw__fc_model *m, jbw__fc_state *s, int whole)
{
    double capacity = effective_fte_of(m, s) * m->caseload_per_fte;
    double free_cap = capacity - load_of(m, s);
    double intake = 0;
    int i;
    if (m->bestaand_share >= 0)
        return step_intake_shared(m, s, free_cap, whole);
    for (i = 0; i < m->ntiers && free_cap > 0; i++)
        free_cap = take_tier(m, &m->tiers[i], s, free_cap, whole, &intake);
    return intake;
}

/* One month t >= 1 of one replicate (g NULL: expected values). */
void jbw__fc_step(const jbw__fc_model *m, jbw__fc_state *s, int32_t t,
                  jbw__fc_rng *g, double *q)
{
    double exits = step_exits(m, s, g);
    double inflow = step_inflow(m, s, t, g);
    double intake;
    s->month = t;
    step_staff(m, s, t, g, q);
    intake = step_intake(m, s, g != NULL);
    observe(m, s, q);
    q[FCQ_INFLOW] = inflow;
    q[FCQ_EXITS] = exits;
    q[FCQ_INTAKE] = intake;
}

/* Month 0: the start state, no flows. */
void jbw__fc_observe_start(const jbw__fc_model *m, const jbw__fc_state *s,
                           double *q)
{
    observe(m, s, q);
    q[FCQ_INFLOW] = q[FCQ_EXITS] = q[FCQ_ORPHANED] = q[FCQ_INTAKE] = 0;
    q[FCQ_LEAVERS_FTE] = q[FCQ_HIRES_FTE] = 0;
}
