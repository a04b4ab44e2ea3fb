/*
 * libjbw - the caseload norm (jbw_norm): its defaults, checks, accessors
 * and setters. Definitions: docs/norms.md.
 */
#include "caseload/caseload_internal.h"

#include <math.h>
#include <string.h>

/* ====================================================================== */
/* Norm sets                                                              */
/* ====================================================================== */

const char *const jbw__unit_codes[3] = {"measure", "child", "family"};
static const char *const status_codes[] = {"under", "at", "over",
                                           "no_capacity"};

const char *jbw_unit_code(jbw_unit unit)
{
    if ((int)unit < 0 || (int)unit > (int)JBW_UNIT_FAMILY)
        return NULL;
    return jbw__unit_codes[unit];
}

const char *jbw_load_status_code(jbw_load_status status)
{
    if ((int)status < 0 || (int)status > (int)JBW_LOAD_NO_CAPACITY)
        return NULL;
    return status_codes[status];
}

static int unit_valid(jbw_unit unit)
{
    return (int)unit >= 0 && (int)unit <= (int)JBW_UNIT_FAMILY;
}

static int kind_valid(jbw_kind kind)
{
    return (int)kind >= 0 && (int)kind < JBW_KIND_COUNT;
}

/*
 * A name or source must survive a trip through a norm file: no '#'
 * (starts a comment), no control characters (a line break would end the
 * value) and no blanks at either end (values are trimmed).
 */
jbw_status jbw__norm_check_text(const char *s, const char *what,
                                int allow_empty)
{
    size_t n, i;
    char q[JBW__SHOWN];
    if (!s)
        return jbw__error(JBW_EINVAL, "norm %s is NULL", what);
    n = strlen(s);
    if (n == 0 && !allow_empty)
        return jbw__error(JBW_EINVAL, "norm %s is empty", what);
    if (n > JBW__NORM_TEXT_MAX)
        return jbw__error(JBW_EINVAL, "norm %s is longer than %d bytes: '%s'",
                          what, JBW__NORM_TEXT_MAX,
                          jbw__quote_value(q, sizeof q, s, n));
    if (n &&
        (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        return jbw__error(JBW_EINVAL,
                          "norm %s starts or ends with a blank: '%s'", what,
                          jbw__quote_value(q, sizeof q, s, n));
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f || c == '#')
            return jbw__error(JBW_EINVAL,
                              "norm %s holds '#' or a control character at "
                              "byte %zu (a norm file cannot store it)",
                              what, i + 1);
    }
    return JBW_OK;
}

jbw_status jbw__check_caseload(double v)
{
    if (!isfinite(v) || v <= 0.0 || v > JBW__NORM_MAX_CASELOAD)
        return jbw__error(JBW_EINVAL,
                          "caseload_per_fte %g must be a number above 0 and "
                          "at most %g",
                          v, JBW__NORM_MAX_CASELOAD);
    return JBW_OK;
}

jbw_status jbw__check_weight(double v, const char *code)
{
    if (!isfinite(v) || v < 0.0 || v > JBW__NORM_MAX_WEIGHT)
        return jbw__error(JBW_EINVAL,
                          "weight of %s %g must be a number from 0 to %g",
                          code ? code : "?", v, JBW__NORM_MAX_WEIGHT);
    return JBW_OK;
}

static jbw_status check_thresholds(double under, double over)
{
    if (!isfinite(under) || under < 0.0 || under > JBW__NORM_MAX_THRESHOLD)
        return jbw__error(JBW_EINVAL,
                          "under_below %g must be a number from 0 to %g", under,
                          JBW__NORM_MAX_THRESHOLD);
    if (!isfinite(over) || over < 0.0 || over > JBW__NORM_MAX_THRESHOLD)
        return jbw__error(JBW_EINVAL,
                          "over_above %g must be a number from 0 to %g", over,
                          JBW__NORM_MAX_THRESHOLD);
    if (under > over)
        return jbw__error(JBW_EINVAL, "under_below %g is above over_above %g",
                          under, over);
    return JBW_OK;
}

/* Validates a ramp given as arrays; the detail names the step. */
static jbw_status check_ramp(const int32_t *from, const double *frac,
                             size_t count)
{
    size_t i;
    if (count < 1 || count > JBW_RAMP_MAX)
        return jbw__error(JBW_EINVAL, "ramp has %zu steps; 1 to %d allowed",
                          count, JBW_RAMP_MAX);
    if (from[0] != 0)
        return jbw__error(JBW_EINVAL,
                          "ramp starts at month %ld; it must start at month "
                          "0 (a ramp that is not a function of months)",
                          (long)from[0]);
    for (i = 0; i < count; i++) {
        if (i > 0 && from[i] <= from[i - 1])
            return jbw__error(JBW_EINVAL,
                              "ramp month %ld (step %zu) does not follow "
                              "month %ld (a ramp that is not a function of "
                              "months)",
                              (long)from[i], i + 1, (long)from[i - 1]);
        if (!isfinite(frac[i]) || frac[i] < 0.0 || frac[i] > 1.0)
            return jbw__error(JBW_EINVAL,
                              "ramp fraction %g at month %ld is outside "
                              "[0, 1]",
                              frac[i], (long)from[i]);
    }
    return JBW_OK;
}

static void norm_defaults(jbw_norm *n)
{
    size_t k;
    n->unit = JBW_UNIT_MEASURE;
    n->caseload = 12.0;
    for (k = 0; k < JBW_KIND_SLOTS; k++)
        n->weight[k] = 1.0;
    n->ramp_count = 3;
    n->ramp_from[0] = 0;
    n->ramp_frac[0] = 0.5;
    n->ramp_from[1] = 3;
    n->ramp_frac[1] = 0.75;
    n->ramp_from[2] = 6;
    n->ramp_frac[2] = 1.0;
    n->under_below = 0.9;
    n->over_above = 1.0;
}

jbw_status jbw_norm_new_default(jbw_norm **out)
{
    jbw_norm *n;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_norm_new_default: out is NULL");
    n = jbw__calloc(1, sizeof *n);
    if (!n)
        return jbw__enomem();
    n->name = jbw__strdup(JBW__NORM_DEFAULT_NAME);
    n->source = jbw__strdup(JBW__NORM_DEFAULT_SOURCE);
    if (!n->name || !n->source) {
        jbw_norm_free(n);
        return jbw__enomem();
    }
    norm_defaults(n);
    *out = n;
    return jbw__ok();
}

/* The built-in norms (docs/norms.md), each source in English (what
 * jbw_norm_source returns) and in Dutch (what a council reads in the brief). */
static const struct {
    const char *key, *name, *name_nl, *source, *source_nl;
    jbw_unit unit;
    double caseload;
} named[] = {
    {"fnv-gi-2023", JBW__NORM_DEFAULT_NAME, JBW__NORM_DEFAULT_NAME,
     JBW__NORM_DEFAULT_SOURCE,
     "FNV\xE2\x80\x93GI-akkoord van maart 2023: twaalf "
     "jeugdbeschermingsmaatregelen per fulltime jeugdbeschermer (FNV "
     "Jeugdzorg en de werkgevers van de gecertificeerde instellingen; "
     "GGZ Totaal, 22-3-2023, en Gemeente.nu, maart 2023)",
     JBW_UNIT_MEASURE, 12.0},
    {"significant-children", "Significant children", "Significant (kinderen)",
     "Significant Public for Jeugdzorg Nederland (2022): about 12 children "
     "per full-time jeugdbeschermer; see docs/sources.md",
     "Significant Public voor Jeugdzorg Nederland (2022), \"Minder werk en "
     "betere zorg in de jeugdbescherming\": ongeveer 12 kinderen per "
     "fulltime jeugdbeschermer",
     JBW_UNIT_CHILD, 12.0},
    {"significant-families", "Significant families", "Significant (gezinnen)",
     "Significant Public for Jeugdzorg Nederland (2022): 8 to 9 families "
     "per full-time jeugdbeschermer; see docs/sources.md",
     "Significant Public voor Jeugdzorg Nederland (2022), \"Minder werk en "
     "betere zorg in de jeugdbescherming\": 8 tot 9 gezinnen per fulltime "
     "jeugdbeschermer",
     JBW_UNIT_FAMILY, 8.5},
};

const char *jbw__norm_name_lang(const char *name, jbw_unit unit, jbw_lang lang)
{
    size_t i;
    if (lang == JBW_LANG_NL && name)
        for (i = 0; i < sizeof named / sizeof named[0]; i++)
            if (strcmp(named[i].name, name) == 0 && named[i].unit == unit)
                return named[i].name_nl;
    return name;
}

const char *jbw_norm_source_lang(const jbw_norm *norm, jbw_lang lang)
{
    size_t i;
    if (!norm)
        return NULL;
    if (lang == JBW_LANG_NL && norm->source)
        for (i = 0; i < sizeof named / sizeof named[0]; i++)
            if (strcmp(named[i].source, norm->source) == 0)
                return named[i].source_nl;
    return norm->source;
}

jbw_status jbw_norm_new_named(jbw_norm **out, const char *name)
{
    jbw_norm *n = NULL;
    size_t i;
    jbw_status st;
    if (!out || !name)
        return jbw__error(JBW_EINVAL,
                          "jbw_norm_new_named: out and name must not be NULL");
    for (i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcmp(named[i].key, name) == 0)
            break;
    if (i == sizeof named / sizeof named[0])
        return jbw__error(JBW_ENOTFOUND,
                          "no norm named '%s' (fnv-gi-2023, "
                          "significant-children, significant-families)",
                          name);
    st = jbw_norm_new_default(&n);
    if (st == JBW_OK)
        st = jbw_norm_set_name(n, named[i].name, named[i].source);
    if (st == JBW_OK)
        st = jbw_norm_set_unit(n, named[i].unit);
    if (st == JBW_OK)
        st = jbw_norm_set_caseload_per_fte(n, named[i].caseload);
    if (st != JBW_OK) {
        jbw_norm_free(n);
        return st;
    }
    *out = n;
    return jbw__ok();
}

void jbw_norm_free(jbw_norm *norm)
{
    if (!norm)
        return;
    jbw__free(norm->name);
    jbw__free(norm->source);
    jbw__free(norm);
}

jbw_status jbw_norm_clone(jbw_norm **out, const jbw_norm *norm)
{
    jbw_norm *n;
    if (!out || !norm)
        return jbw__error(JBW_EINVAL, "jbw_norm_clone: %s is NULL",
                          !out ? "out" : "norm");
    n = jbw__malloc(sizeof *n);
    if (!n)
        return jbw__enomem();
    *n = *norm;
    n->name = jbw__strdup(norm->name);
    n->source = jbw__strdup(norm->source);
    if (!n->name || !n->source) {
        jbw__free(n->name);
        jbw__free(n->source);
        jbw__free(n);
        return jbw__enomem();
    }
    *out = n;
    return jbw__ok();
}

/* ---- accessors ------------------------------------------------------- */

const char *jbw_norm_name(const jbw_norm *norm)
{
    return norm ? norm->name : NULL;
}

const char *jbw_norm_source(const jbw_norm *norm)
{
    return norm ? norm->source : NULL;
}

jbw_unit jbw_norm_unit(const jbw_norm *norm)
{
    return norm ? norm->unit : JBW_UNIT_MEASURE;
}

double jbw_norm_caseload_per_fte(const jbw_norm *norm)
{
    return norm ? norm->caseload : NAN;
}

double jbw_norm_weight(const jbw_norm *norm, jbw_kind kind)
{
    if (!norm || !kind_valid(kind))
        return NAN;
    return norm->weight[kind];
}

/* The fraction of the last step that starts at or before `months`. */
double jbw__ramp_at(const jbw_norm *n, int32_t months)
{
    size_t lo = 0, hi = n->ramp_count;
    if (months < 0)
        return 0.0;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (n->ramp_from[mid] <= months)
            lo = mid;
        else
            hi = mid;
    }
    return n->ramp_frac[lo];
}

double jbw_norm_ramp(const jbw_norm *norm, int32_t months)
{
    return norm ? jbw__ramp_at(norm, months) : NAN;
}

size_t jbw_norm_ramp_count(const jbw_norm *norm)
{
    return norm ? norm->ramp_count : 0;
}

jbw_status jbw_norm_ramp_step(int32_t *from_month, double *fraction,
                              const jbw_norm *norm, size_t index)
{
    if (!norm)
        return jbw__error(JBW_EINVAL, "jbw_norm_ramp_step: norm is NULL");
    if (index >= norm->ramp_count)
        return jbw__error(JBW_ERANGE,
                          "jbw_norm_ramp_step: step %zu of a ramp of %zu",
                          index, norm->ramp_count);
    if (from_month)
        *from_month = norm->ramp_from[index];
    if (fraction)
        *fraction = norm->ramp_frac[index];
    return jbw__ok();
}

double jbw_norm_under_below(const jbw_norm *norm)
{
    return norm ? norm->under_below : NAN;
}

double jbw_norm_over_above(const jbw_norm *norm)
{
    return norm ? norm->over_above : NAN;
}

/* ---- setters --------------------------------------------------------- */

jbw_status jbw_norm_set_name(jbw_norm *norm, const char *name,
                             const char *source)
{
    char *n, *s;
    jbw_status st;
    if (!norm)
        return jbw__error(JBW_EINVAL, "jbw_norm_set_name: norm is NULL");
    if ((st = jbw__norm_check_text(name, "name", 0)) != JBW_OK)
        return st;
    if (!source)
        source = "";
    if ((st = jbw__norm_check_text(source, "source", 1)) != JBW_OK)
        return st;
    n = jbw__strdup(name);
    s = jbw__strdup(source);
    if (!n || !s) {
        jbw__free(n);
        jbw__free(s);
        return jbw__enomem();
    }
    jbw__free(norm->name);
    jbw__free(norm->source);
    norm->name = n;
    norm->source = s;
    return jbw__ok();
}

jbw_status jbw_norm_set_unit(jbw_norm *norm, jbw_unit unit)
{
    if (!norm)
        return jbw__error(JBW_EINVAL, "jbw_norm_set_unit: norm is NULL");
    if (!unit_valid(unit))
        return jbw__error(JBW_EINVAL, "unknown unit %d", (int)unit);
    norm->unit = unit;
    return jbw__ok();
}

jbw_status jbw_norm_set_caseload_per_fte(jbw_norm *norm, double caseload)
{
    jbw_status st;
    if (!norm)
        return jbw__error(JBW_EINVAL,
                          "jbw_norm_set_caseload_per_fte: norm is NULL");
    if ((st = jbw__check_caseload(caseload)) != JBW_OK)
        return st;
    norm->caseload = caseload;
    return jbw__ok();
}

jbw_status jbw_norm_set_weight(jbw_norm *norm, jbw_kind kind, double weight)
{
    jbw_status st;
    if (!norm)
        return jbw__error(JBW_EINVAL, "jbw_norm_set_weight: norm is NULL");
    if (!kind_valid(kind))
        return jbw__error(JBW_EINVAL, "unknown measure kind %d", (int)kind);
    if ((st = jbw__check_weight(weight, jbw_kind_code(kind))) != JBW_OK)
        return st;
    norm->weight[kind] = weight;
    return jbw__ok();
}

jbw_status jbw_norm_set_ramp(jbw_norm *norm, const int32_t *from_month,
                             const double *fraction, size_t count)
{
    jbw_status st;
    if (!norm || !from_month || !fraction)
        return jbw__error(JBW_EINVAL, "jbw_norm_set_ramp: %s is NULL",
                          !norm         ? "norm"
                          : !from_month ? "from_month"
                                        : "fraction");
    if ((st = check_ramp(from_month, fraction, count)) != JBW_OK)
        return st;
    memcpy(norm->ramp_from, from_month, count * sizeof *from_month);
    memcpy(norm->ramp_frac, fraction, count * sizeof *fraction);
    norm->ramp_count = count;
    return jbw__ok();
}

jbw_status jbw_norm_set_thresholds(jbw_norm *norm, double under_below,
                                   double over_above)
{
    jbw_status st;
    if (!norm)
        return jbw__error(JBW_EINVAL, "jbw_norm_set_thresholds: norm is NULL");
    if ((st = check_thresholds(under_below, over_above)) != JBW_OK)
        return st;
    norm->under_below = under_below;
    norm->over_above = over_above;
    return jbw__ok();
}
