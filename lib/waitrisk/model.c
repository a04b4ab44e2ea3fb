/*
 * libjbw - the waiting-risk model ("schadelijk wachten"): the parameter
 * table, the default model and its getters.
 *
 * The model is a closed checklist (docs/model-card.md): every parameter
 * lives in one table below, which drives the defaults, the model file
 * parser and the writer, so that a key can never exist in one and not
 * the others.
 */
#include "waitrisk/waitrisk_internal.h"

#include <string.h>

/* ====================================================================== */
/* The model                                                               */
/* ====================================================================== */

/* key, version-1 default, min, max, section comment, version-2 default,
 * first version with the key */
#define P1(key, def, min, max, sec)                                            \
    {                                                                          \
        key, def, min, max, sec, def, 1                                        \
    }
#define P12(key, def, def2, min, max, sec)                                     \
    {                                                                          \
        key, def, min, max, sec, def2, 1                                       \
    }
#define P2(key, def2, min, max, sec)                                           \
    {                                                                          \
        key, 0, min, max, sec, def2, 2                                         \
    }

const jbw__wr_param jbw__wr_params[WR_PARAM_COUNT] = {
    P1("points.acute", 100, 1, WR_POINTS_MAX,
       "acute (safety assessed as directe onveiligheid): band acuut plus "
       "these points"),
    P1("points.safety.unsafe", 30, 0, WR_POINTS_MAX, "safety"),
    P1("points.safety.concerns", 15, 0, WR_POINTS_MAX, NULL),
    P1("points.safety.unknown", 10, 0, WR_POINTS_MAX, NULL),
    P1("points.safety.safe", 0, 0, WR_POINTS_MAX, NULL),
    P2("points.safety_plan.no", 10, 0, WR_POINTS_MAX,
       "safety plan, when safety is concerns, unsafe or not assessed"),
    P2("points.safety_plan.unknown", 5, 0, WR_POINTS_MAX, NULL),
    P2("points.safety_plan.yes", 0, 0, WR_POINTS_MAX, NULL),
    P1("points.measure.vots", 25, 0, WR_POINTS_MAX,
       "measure (the one rule that applies)"),
    P12("points.measure.voorlopige_voogdij", 25, 30, 0, WR_POINTS_MAX, NULL),
    P1("points.measure.ots_placed", 15, 0, WR_POINTS_MAX, NULL),
    P1("points.measure.ots_crisis", 15, 0, WR_POINTS_MAX, NULL),
    P1("points.measure.ots", 10, 0, WR_POINTS_MAX, NULL),
    P12("points.measure.voogdij", 5, 20, 0, WR_POINTS_MAX, NULL),
    P12("points.measure.tijdelijke_voogdij", 5, 20, 0, WR_POINTS_MAX, NULL),
    P2("points.measure.vots_placed", 30, 0, WR_POINTS_MAX, NULL),
    P2("points.measure.vots_crisis", 30, 0, WR_POINTS_MAX, NULL),
    P1("points.measure.jr_high", 15, 0, WR_POINTS_MAX, NULL),
    P1("points.measure.jr_medium", 8, 0, WR_POINTS_MAX, NULL),
    P1("points.measure.jr_unknown", 5, 0, WR_POINTS_MAX, NULL),
    P1("points.measure.jr_low", 0, 0, WR_POINTS_MAX, NULL),
    P1("points.time.0_5", 0, 0, WR_POINTS_MAX,
       "time waited in werkdagen; the names follow the default boundaries,\n"
       "# the intervals follow time.boundary1..3 below"),
    P1("points.time.6_30", 15, 0, WR_POINTS_MAX, NULL),
    P1("points.time.31_65", 25, 0, WR_POINTS_MAX, NULL),
    P1("points.time.over_65", 35, 0, WR_POINTS_MAX, NULL),
    P1("points.bestaand", 10, 0, WR_POINTS_MAX,
       "bestaand: the child had a jeugdbeschermer who dropped out"),
    P1("points.age.under_4", 15, 0, WR_POINTS_MAX,
       "age in whole years; the names follow age.boundary1..2"),
    P1("points.age.4_11", 5, 0, WR_POINTS_MAX, NULL),
    P1("points.age.12_plus", 0, 0, WR_POINTS_MAX, NULL),
    P1("points.age.unknown", 5, 0, WR_POINTS_MAX, NULL),
    P2("points.age.under_1", 20, 0, WR_POINTS_MAX,
       "unborn, or younger than age.boundary0"),
    P1("points.no_contact.over_10", 10, 0, WR_POINTS_MAX,
       "no contact: werkdagen since the last contact (or the wait start);\n"
       "# the names follow no_contact.threshold1..2"),
    P1("points.no_contact.over_20", 20, 0, WR_POINTS_MAX, NULL),
    P1("points.handovers", 5, 0, WR_POINTS_MAX,
       "handovers: handovers.min or more earlier workers"),
    P2("points.other_help.no", 10, 0, WR_POINTS_MAX, "other help involved"),
    P2("points.other_help.unknown", 5, 0, WR_POINTS_MAX, NULL),
    P2("points.other_help.yes", 0, 0, WR_POINTS_MAX, NULL),
    P2("points.domestic_violence.yes", 15, 0, WR_POINTS_MAX,
       "domestic violence"),
    P2("points.domestic_violence.unknown", 0, 0, WR_POINTS_MAX, NULL),
    P2("points.domestic_violence.no", 0, 0, WR_POINTS_MAX, NULL),
    P2("points.term_end.near", 15, 0, WR_POINTS_MAX,
       "the measure's term ends (or has ended) within term_end.threshold1,\n"
       "# or within term_end.threshold2 werkdagen"),
    P2("points.term_end.soon", 5, 0, WR_POINTS_MAX, NULL),
    P1("band.acuut.min", 80, 1, WR_POINTS_MAX * 10, "bands: minimum points"),
    P1("band.hoog.min", 50, 1, WR_POINTS_MAX * 10, NULL),
    P1("band.midden.min", 25, 1, WR_POINTS_MAX * 10, NULL),
    P1("time.boundary1", 5, 0, WR_WORKDAYS_MAX,
       "time waited: werkdagen <= boundary1, <= boundary2, <= boundary3, "
       "more"),
    P1("time.boundary2", 30, 0, WR_WORKDAYS_MAX, NULL),
    P1("time.boundary3", 65, 0, WR_WORKDAYS_MAX, NULL),
    P1("age.boundary1", 4, 1, 150,
       "age: younger than boundary1, younger than boundary2, older"),
    P1("age.boundary2", 12, 1, 150, NULL),
    P2("age.boundary0", 1, 1, 150, "age: the youngest band, in years"),
    P1("no_contact.threshold1", 10, 0, WR_WORKDAYS_MAX,
       "no contact: more than threshold1, more than threshold2 werkdagen"),
    P1("no_contact.threshold2", 20, 0, WR_WORKDAYS_MAX, NULL),
    P1("handovers.min", 3, 1, 100, "handovers: earlier workers at least"),
    P2("term_end.threshold1", 15, 0, WR_WORKDAYS_MAX,
       "term end: werkdagen from the date to the end of the term"),
    P2("term_end.threshold2", 40, 0, WR_WORKDAYS_MAX, NULL),
    P1("contact.acuut", 1, 1, WR_CONTACT_MAX,
       "contact interval per band in werkdagen"),
    P1("contact.hoog", 5, 1, WR_CONTACT_MAX, NULL),
    P1("contact.midden", 10, 1, WR_CONTACT_MAX, NULL),
    P1("contact.laag", 20, 1, WR_CONTACT_MAX, NULL),
};

int jbw__wr_param_in(size_t i, int base)
{
    return i < (size_t)WR_PARAM_COUNT && jbw__wr_params[i].since <= base;
}

int jbw__wr_item_count(const jbw_waitrisk_model *m)
{
    return m->base >= 2 ? JBW_ITEM_COUNT : WR_ITEMS_V1;
}

int jbw_waitrisk_model_item_count(const jbw_waitrisk_model *model)
{
    return model ? jbw__wr_item_count(model) : 0;
}

/* Which parameter scores a measure: the single rule that applies. */
int jbw__wr_measure_param(int base, jbw_kind kind, jbw_placement placement,
                          jbw_jr_risk risk)
{
    switch (kind) {
    case JBW_KIND_VOTS:
        /* version 2: a placement weighs for a VOTS as for an OTS */
        if (base >= 2 && placement == JBW_PLACEMENT_PLACED)
            return WR_P_VOTS_PLACED;
        if (base >= 2 && placement == JBW_PLACEMENT_CRISIS)
            return WR_P_VOTS_CRISIS;
        return WR_P_VOTS;
    case JBW_KIND_VOORLOPIGE_VOOGDIJ:
        return WR_P_VOORLOPIGE_VOOGDIJ;
    case JBW_KIND_OTS:
        if (placement == JBW_PLACEMENT_PLACED)
            return WR_P_OTS_PLACED;
        if (placement == JBW_PLACEMENT_CRISIS)
            return WR_P_OTS_CRISIS;
        return WR_P_OTS;
    case JBW_KIND_VOOGDIJ:
        return WR_P_VOOGDIJ;
    case JBW_KIND_TIJDELIJKE_VOOGDIJ:
        return WR_P_TIJDELIJKE_VOOGDIJ;
    default:
        /* every other kind is jeugdreclassering: scored by its risk level */
        switch (risk) {
        case JBW_JR_RISK_HIGH:
            return WR_P_JR_HIGH;
        case JBW_JR_RISK_MEDIUM:
            return WR_P_JR_MEDIUM;
        case JBW_JR_RISK_LOW:
            return WR_P_JR_LOW;
        default:
            return WR_P_JR_UNKNOWN;
        }
    }
}

size_t jbw__wr_measure_cell(int kind, int placement, int risk)
{
    return ((size_t)kind * WR_PLACEMENTS + (size_t)placement) * WR_JR_RISKS +
           (size_t)risk;
}

void jbw__wr_model_derive(jbw_waitrisk_model *m)
{
    int k, p, r;
    m->safety_points[JBW_SAFETY_UNKNOWN] = m->v[WR_P_SAFETY_UNKNOWN];
    m->safety_points[JBW_SAFETY_SAFE] = m->v[WR_P_SAFETY_SAFE];
    m->safety_points[JBW_SAFETY_CONCERNS] = m->v[WR_P_SAFETY_CONCERNS];
    m->safety_points[JBW_SAFETY_UNSAFE] = m->v[WR_P_SAFETY_UNSAFE];
    /* acute scores through the acute item only */
    m->safety_points[JBW_SAFETY_ACUTE] = 0;
    for (k = 0; k < JBW_KIND_COUNT; k++)
        for (p = 0; p < WR_PLACEMENTS; p++)
            for (r = 0; r < WR_JR_RISKS; r++)
                m->measure_points[jbw__wr_measure_cell(k, p, r)] =
                    m->v[jbw__wr_measure_param(m->base, (jbw_kind)k,
                                               (jbw_placement)p,
                                               (jbw_jr_risk)r)];
    m->contact[JBW_BAND_LAAG] = m->v[WR_T_CONTACT_LAAG];
    m->contact[JBW_BAND_MIDDEN] = m->v[WR_T_CONTACT_MIDDEN];
    m->contact[JBW_BAND_HOOG] = m->v[WR_T_CONTACT_HOOG];
    m->contact[JBW_BAND_ACUUT] = m->v[WR_T_CONTACT_ACUUT];
}

void jbw__wr_model_set_default(jbw_waitrisk_model *m, int base)
{
    size_t i;
    memset(m, 0, sizeof *m);
    strcpy(m->name, WR_DEFAULT_NAME);
    m->version = base;
    m->base = base;
    for (i = 0; i < (size_t)WR_PARAM_COUNT; i++)
        m->v[i] = base >= 2 ? jbw__wr_params[i].def2 : jbw__wr_params[i].def;
    jbw__wr_model_derive(m);
}

static jbw_status new_model(jbw_waitrisk_model **out, int version,
                            const char *fn)
{
    jbw_waitrisk_model *m;
    if (!out)
        return jbw__error(JBW_EINVAL, "%s: out is NULL", fn);
    if (version < 1 || version > WR_LATEST_VERSION)
        return jbw__error(JBW_EINVAL,
                          "%s: jbw-wachtrisico has no version %d (this "
                          "library has versions 1 to %d)",
                          fn, version, WR_LATEST_VERSION);
    m = (jbw_waitrisk_model *)jbw__malloc(sizeof *m);
    if (!m)
        return jbw__enomem();
    jbw__wr_model_set_default(m, version);
    *out = m;
    return jbw__ok();
}

jbw_status jbw_waitrisk_model_new_default(jbw_waitrisk_model **out)
{
    return new_model(out, WR_DEFAULT_VERSION, "jbw_waitrisk_model_new_default");
}

jbw_status jbw_waitrisk_model_new_version(jbw_waitrisk_model **out, int version)
{
    return new_model(out, version, "jbw_waitrisk_model_new_version");
}

int jbw_waitrisk_model_base_version(const jbw_waitrisk_model *model)
{
    return model ? model->base : 0;
}

void jbw_waitrisk_model_free(jbw_waitrisk_model *model)
{
    jbw__free(model);
}

const char *jbw_waitrisk_model_name(const jbw_waitrisk_model *model)
{
    return model ? model->name : NULL;
}

size_t jbw_waitrisk_model_param_count(const jbw_waitrisk_model *model)
{
    size_t i, n = 0;
    if (!model)
        return 0;
    for (i = 0; i < (size_t)WR_PARAM_COUNT; i++)
        n += (size_t)jbw__wr_param_in(i, model->base);
    return n;
}

jbw_status jbw_waitrisk_model_param(const char **key, int *value,
                                    const jbw_waitrisk_model *model,
                                    size_t index)
{
    size_t i, k;
    if (!model)
        return jbw__error(JBW_EINVAL,
                          "jbw_waitrisk_model_param: model is NULL");
    for (i = 0, k = 0; i < (size_t)WR_PARAM_COUNT; i++) {
        if (!jbw__wr_param_in(i, model->base))
            continue;
        if (k++ != index)
            continue;
        if (key)
            *key = jbw__wr_params[i].key;
        if (value)
            *value = model->v[i];
        return jbw__ok();
    }
    return jbw__error(
        JBW_ERANGE, "jbw_waitrisk_model_param: parameter %zu of %zu", index, k);
}

jbw_status jbw_waitrisk_model_get(int *value, const jbw_waitrisk_model *model,
                                  const char *key)
{
    size_t i;
    if (!value || !model || !key)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_model_get: %s is NULL",
                          !value   ? "value"
                          : !model ? "model"
                                   : "key");
    for (i = 0; i < (size_t)WR_PARAM_COUNT; i++)
        if (jbw__wr_param_in(i, model->base) &&
            strcmp(jbw__wr_params[i].key, key) == 0) {
            *value = model->v[i];
            return jbw__ok();
        }
    return jbw__error(
        JBW_ENOTFOUND,
        "jbw_waitrisk_model_get: '%.60s' is not a parameter "
        "of the model (version %d; docs/model-card.md lists them)",
        key, model->base);
}

int jbw_waitrisk_model_version(const jbw_waitrisk_model *model)
{
    return model ? model->version : 0;
}

int jbw_waitrisk_model_contact_interval(const jbw_waitrisk_model *model,
                                        jbw_band band)
{
    if (!model || (unsigned)band > (unsigned)JBW_BAND_ACUUT)
        return -1;
    return model->contact[band];
}
