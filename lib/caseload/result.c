/*
 * libjbw - the result of a caseload calculation (compute.c): its free,
 * and the getters of its date, period, norm, notice, totals, groups and
 * workers.
 */
#include "caseload/caseload_internal.h"

#include <math.h>
#include <string.h>

void jbw_caseload_free(jbw_caseload *cl)
{
    if (!cl)
        return;
    jbw_norm_free(cl->norm);
    jbw__free(cl->scope);
    jbw__free(cl->workers);
    jbw__free(cl->findings);
    jbw__free(cl);
}

/* ---- reading results ------------------------------------------------- */

jbw_date jbw_caseload_date(const jbw_caseload *cl)
{
    return cl ? cl->date : JBW_DATE_NONE;
}

jbw_status jbw_caseload_period(jbw_date *from, jbw_date *to, int32_t *workdays,
                               const jbw_caseload *cl)
{
    if (!cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_period: cl is NULL");
    if (from)
        *from = cl->period_from;
    if (to)
        *to = cl->period_to;
    if (workdays)
        *workdays = cl->coupling_workdays;
    return jbw__ok();
}

const jbw_norm *jbw_caseload_norm(const jbw_caseload *cl)
{
    return cl ? cl->norm : NULL;
}

const char *jbw_caseload_data_notice(const jbw_caseload *cl)
{
    return cl ? jbw_snapshot_data_notice(cl->snap) : NULL;
}

static jbw_status copy_totals(jbw_caseload_totals *out,
                              const jbw_caseload_totals *t)
{
    unsigned int version = out->version;
    if (version < 1 || version > JBW_CASELOAD_TOTALS_VERSION)
        return jbw__error_version(version, 1, JBW_CASELOAD_TOTALS_VERSION,
                                  "jbw_caseload_totals");
    /* a version 1 record ends before the help figures */
    memcpy(out, t,
           version == 1 ? offsetof(jbw_caseload_totals, waiting_for_help)
                        : sizeof *out);
    out->version = version;
    return jbw__ok();
}

jbw_status jbw_caseload_totals_get(jbw_caseload_totals *out,
                                   const jbw_caseload *cl)
{
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_totals_get: %s is NULL",
                          !out ? "out" : "cl");
    return copy_totals(out, &cl->scope[0]);
}

size_t jbw_caseload_group_count(const jbw_caseload *cl, jbw_group group)
{
    if (!cl)
        return 0;
    if (group == JBW_GROUP_ORGANISATION)
        return cl->org_count;
    if (group == JBW_GROUP_REGION)
        return cl->region_count;
    return 0;
}

static const char *group_key(const jbw_caseload *cl, jbw_group group,
                             size_t index)
{
    const jbw_registry *reg = cl->snap->registry;
    return group == JBW_GROUP_ORGANISATION
               ? jbw__strmap_key(&reg->org_keys, index)
               : jbw__strmap_key(&reg->region_keys, index);
}

static size_t group_scope(const jbw_caseload *cl, jbw_group group, size_t index)
{
    return group == JBW_GROUP_ORGANISATION ? 1 + index
                                           : 1 + cl->org_count + index;
}

jbw_status jbw_caseload_group_get(jbw_caseload_totals *out, const char **key,
                                  const jbw_caseload *cl, jbw_group group,
                                  size_t index)
{
    jbw_status st;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_group_get: %s is NULL",
                          !out ? "out" : "cl");
    if (group != JBW_GROUP_ORGANISATION && group != JBW_GROUP_REGION)
        return jbw__error(JBW_EINVAL, "unknown group %d", (int)group);
    if (index >= jbw_caseload_group_count(cl, group))
        return jbw__error(JBW_ERANGE, "%s index %zu: there are %zu",
                          group == JBW_GROUP_ORGANISATION ? "organisation"
                                                          : "region",
                          index, jbw_caseload_group_count(cl, group));
    st = copy_totals(out, &cl->scope[group_scope(cl, group, index)]);
    if (st == JBW_OK && key)
        *key = group_key(cl, group, index);
    return st;
}

size_t jbw_caseload_worker_count(const jbw_caseload *cl)
{
    return cl ? cl->worker_count : 0;
}

static jbw_load_status load_status_of(const jbw_norm *n, double ratio)
{
    if (isnan(ratio))
        return JBW_LOAD_NO_CAPACITY;
    if (ratio < n->under_below)
        return JBW_LOAD_UNDER;
    if (ratio > n->over_above)
        return JBW_LOAD_OVER;
    return JBW_LOAD_AT;
}

/* Fills a worker line without the version check. */
static void worker_line(jbw_worker_load *out, const jbw_caseload *cl,
                        size_t index)
{
    const jbw_snapshot *snap = cl->snap;
    const jbw__cl_worker *row = &cl->workers[index];
    const jbw_registry *reg = snap->registry;
    uint32_t w = row->index;
    out->id = jbw__strmap_key(&snap->worker_ids, w);
    out->organisation = jbw__strmap_key(&reg->org_keys, snap->w.org[w]);
    out->region = snap->w.region[w] == JBW__NONE
                      ? NULL
                      : jbw__strmap_key(&reg->region_keys, snap->w.region[w]);
    out->fte = snap->w.fte[w];
    out->tenure_months = row->tenure;
    out->effective_fte = row->effective;
    out->capacity = row->capacity;
    out->load = row->load;
    out->ratio = row->capacity > 0.0 ? row->load / row->capacity : NAN;
    out->status = load_status_of(cl->norm, out->ratio);
    out->measures = row->measures;
}

jbw_status jbw_caseload_worker_get(jbw_worker_load *out, const jbw_caseload *cl,
                                   size_t index)
{
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_worker_get: %s is NULL",
                          !out ? "out" : "cl");
    if (out->version != JBW_WORKER_LOAD_VERSION)
        return jbw__error_version(out->version, JBW_WORKER_LOAD_VERSION,
                                  JBW_WORKER_LOAD_VERSION,
                                  "jbw_caseload_worker_get: jbw_worker_load");
    if (index >= cl->worker_count)
        return jbw__error(JBW_ERANGE, "worker index %zu: there are %zu", index,
                          cl->worker_count);
    worker_line(out, cl, index);
    return jbw__ok();
}
