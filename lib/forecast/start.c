/*
 * libjbw - the forecast's start state taken from a snapshot
 * (jbw_forecast_params_from_snapshot).
 */
#include "forecast/forecast_internal.h"

#include <math.h>
#include <string.h>

/* ====================================================================== */
/* Start state from a snapshot                                             */
/* ====================================================================== */

static jbw_status staff_from_snapshot(jbw_forecast_params *p,
                                      const jbw_snapshot *snap, jbw_date d,
                                      uint32_t org, uint32_t region)
{
    const jbw__workers *w = &snap->w;
    size_t i;
    for (i = 0; i < w->count; i++) {
        int32_t tenure;
        jbw_status st;
        if (!jbw__worker_employed(snap, i, d) ||
            (org != JBW__NONE && w->org[i] != org) ||
            (region != JBW__NONE && w->region[i] != region))
            continue;
        st = jbw_months_between(&tenure, w->hired[i], d);
        if (st != JBW_OK)
            return st;
        if (tenure > JBW_TENURE_SLOTS - 1)
            tenure = JBW_TENURE_SLOTS - 1;
        p->staff_fte[tenure < 0 ? 0 : tenure] += w->fte[i];
    }
    return JBW_OK;
}

static void measures_from_snapshot(jbw_forecast_params *p,
                                   const jbw_snapshot *snap, jbw_date d,
                                   uint32_t org, uint32_t region)
{
    const jbw__measures *m = &snap->m;
    size_t i;
    for (i = 0; i < m->count; i++) {
        jbw_measure_state state;
        int k = m->kind[i];
        if ((org != JBW__NONE && m->org[i] != org) ||
            (region != JBW__NONE && m->region[i] != region) || k >= FC_K)
            continue;
        state = jbw__measure_state(snap, i, d);
        if (state == JBW_STATE_ASSIGNED)
            p->assigned[k] += 1;
        else if (state == JBW_STATE_NIEUW)
            p->waiting_nieuw[k] += 1;
        else if (state == JBW_STATE_BESTAAND)
            p->waiting_bestaand[k] += 1;
    }
}

/* The unit of `norm`; NULL is the default norm here as in every other
 * function taking a norm (unit measure, FNV-GI 2023). */
static jbw_status norm_unit(jbw_unit *unit, const jbw_norm *norm)
{
    jbw_norm *own = NULL;
    if (!norm) {
        jbw_status st = jbw_norm_new_default(&own);
        if (st != JBW_OK)
            return st;
        norm = own;
    }
    *unit = jbw_norm_unit(norm);
    jbw_norm_free(own);
    return JBW_OK;
}

jbw_status jbw_forecast_params_from_snapshot(
    jbw_forecast_params *params, const jbw_snapshot *snap, const jbw_norm *norm,
    jbw_date date, const char *organisation, const char *region)
{
    jbw_forecast_params p;
    jbw_snapshot_counts counts;
    uint32_t org_idx, region_idx;
    jbw_unit unit;
    jbw_status st;
    int k;
    if (!params || !snap)
        return jbw__error(JBW_EINVAL,
                          "jbw_forecast_params_from_snapshot: "
                          "NULL %s",
                          !params ? "params" : "snapshot");
    if (jbw__fc_params_read(&p, params) != JBW_OK)
        return jbw__error_version(params->version, 1,
                                  JBW_FORECAST_PARAMS_VERSION,
                                  "jbw_forecast_params_from_snapshot: params");
    if (date == JBW_DATE_NONE)
        date = snap->reference_date;
    if (!jbw__date_in_range(date))
        return jbw__error(JBW_ERANGE,
                          "jbw_forecast_params_from_snapshot: "
                          "date outside %d..%d",
                          JBW_YEAR_MIN, JBW_YEAR_MAX);
    if ((st = jbw__registry_filter(&org_idx, &snap->registry->org_keys,
                                   organisation, "organisation",
                                   "forecast from snapshot")) != JBW_OK ||
        (st = jbw__registry_filter(&region_idx, &snap->registry->region_keys,
                                   region, "region",
                                   "forecast from snapshot")) != JBW_OK)
        return st;
    if ((st = norm_unit(&unit, norm)) != JBW_OK)
        return st;
    memset(&counts, 0, sizeof counts);
    counts.version = JBW_SNAPSHOT_COUNTS_VERSION;
    if ((st = jbw_snapshot_counts_get(&counts, snap, date, organisation,
                                      region)) != JBW_OK)
        return st;
    p.start = date;
    memset(p.assigned, 0, sizeof p.assigned);
    memset(p.waiting_nieuw, 0, sizeof p.waiting_nieuw);
    memset(p.waiting_bestaand, 0, sizeof p.waiting_bestaand);
    memset(p.staff_fte, 0, sizeof p.staff_fte);
    measures_from_snapshot(&p, snap, date, org_idx, region_idx);
    if ((st = staff_from_snapshot(&p, snap, date, org_idx, region_idx)) !=
        JBW_OK)
        return st;
    for (k = 0; k < FC_K; k++)
        if (p.duration[k] >= 1 && isfinite(p.duration[k]))
            p.inflow[k] =
                (p.assigned[k] + p.waiting_nieuw[k] + p.waiting_bestaand[k]) /
                p.duration[k];
    p.units_per_measure = 1.0;
    if (counts.active > 0 && unit == JBW_UNIT_CHILD)
        p.units_per_measure = (double)counts.children / (double)counts.active;
    else if (counts.active > 0 && unit == JBW_UNIT_FAMILY)
        p.units_per_measure = (double)counts.families / (double)counts.active;
    jbw__fc_params_write(params, &p);
    return jbw__ok();
}
