/*
 * libjbw - caseload norms, caseload per worker and totals, the coupling
 * norm, and the series of children without a fixed jeugdbeschermer.
 *
 * The calculation runs over the snapshot's struct-of-arrays layout with
 * index scratch arrays only (no hashing): measures are bucketed by child
 * and by family with a counting sort, and "seen in this unit" is a stamp
 * per group and per worker. Definitions: docs/norms.md.
 */
#include "snapshot_internal.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Norm sets                                                              */
/* ====================================================================== */

struct jbw_norm {
    char *name;
    char *source;
    jbw_unit unit;
    double caseload;
    double weight[JBW_KIND_SLOTS];
    size_t ramp_count;
    int32_t ramp_from[JBW_RAMP_MAX];
    double ramp_frac[JBW_RAMP_MAX];
    double under_below;
    double over_above;
};

#define JBW__NORM_DEFAULT_NAME "Significant-norm"
#define JBW__NORM_DEFAULT_SOURCE                                           \
    "Significant Public for Jeugdzorg Nederland (2022), adopted in the "   \
    "FNV\xE2\x80\x93GI agreement of March 2023; see docs/norms.md"

/* Sanity bounds (docs/norms.md): they keep every sum finite and catch a
 * norm written in the wrong unit (a caseload of 1200 is a typo). */
#define JBW__NORM_MAX_CASELOAD 1000.0
#define JBW__NORM_MAX_WEIGHT 1000.0
#define JBW__NORM_MAX_THRESHOLD 1000.0
/* A name or source must fit one value of a norm file (1023 bytes). */
#define JBW__NORM_TEXT_MAX 1000

static const char *const jbw__unit_codes[] = { "measure", "child", "family" };
static const char *const jbw__status_codes[] = { "under", "at", "over",
                                                 "no_capacity" };

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
    return jbw__status_codes[status];
}

/* Plural of a unit for people ("children per FTE"). */
static const char *jbw__unit_plural(jbw_unit unit)
{
    switch (unit) {
    case JBW_UNIT_MEASURE: return "measures";
    case JBW_UNIT_CHILD: return "children";
    default: return "families";
    }
}

static int jbw__unit_valid(jbw_unit unit)
{
    return (int)unit >= 0 && (int)unit <= (int)JBW_UNIT_FAMILY;
}

static int jbw__kind_valid(jbw_kind kind)
{
    return (int)kind >= 0 && (int)kind < JBW_KIND_COUNT;
}

/*
 * A name or source must survive a trip through a norm file: no '#'
 * (starts a comment), no control characters (a line break would end the
 * value) and no blanks at either end (values are trimmed).
 */
static jbw_status jbw__norm_check_text(const char *s, const char *what,
                                       int allow_empty)
{
    size_t n, i;
    if (!s)
        return jbw__error(JBW_EINVAL, "norm %s is NULL", what);
    n = strlen(s);
    if (n == 0 && !allow_empty)
        return jbw__error(JBW_EINVAL, "norm %s is empty", what);
    if (n > JBW__NORM_TEXT_MAX)
        return jbw__error(JBW_EINVAL, "norm %s is longer than %d bytes", what,
                          JBW__NORM_TEXT_MAX);
    if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
              s[n - 1] == '\t'))
        return jbw__error(JBW_EINVAL,
                          "norm %s '%.60s' starts or ends with a blank", what,
                          s);
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

static jbw_status jbw__check_caseload(double v)
{
    if (!isfinite(v) || v <= 0.0 || v > JBW__NORM_MAX_CASELOAD)
        return jbw__error(JBW_EINVAL,
                          "caseload_per_fte %g must be a number above 0 and "
                          "at most %g",
                          v, JBW__NORM_MAX_CASELOAD);
    return JBW_OK;
}

static jbw_status jbw__check_weight(double v, const char *code)
{
    if (!isfinite(v) || v < 0.0 || v > JBW__NORM_MAX_WEIGHT)
        return jbw__error(JBW_EINVAL,
                          "weight of %s %g must be a number from 0 to %g",
                          code ? code : "?", v, JBW__NORM_MAX_WEIGHT);
    return JBW_OK;
}

static jbw_status jbw__check_thresholds(double under, double over)
{
    if (!isfinite(under) || under < 0.0 || under > JBW__NORM_MAX_THRESHOLD)
        return jbw__error(JBW_EINVAL,
                          "under_below %g must be a number from 0 to %g",
                          under, JBW__NORM_MAX_THRESHOLD);
    if (!isfinite(over) || over < 0.0 || over > JBW__NORM_MAX_THRESHOLD)
        return jbw__error(JBW_EINVAL,
                          "over_above %g must be a number from 0 to %g", over,
                          JBW__NORM_MAX_THRESHOLD);
    if (under > over)
        return jbw__error(JBW_EINVAL,
                          "under_below %g is above over_above %g", under,
                          over);
    return JBW_OK;
}

/* Validates a ramp given as arrays; the detail names the step. */
static jbw_status jbw__check_ramp(const int32_t *from, const double *frac,
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

static void jbw__norm_defaults(jbw_norm *n)
{
    size_t k;
    n->unit = JBW_UNIT_CHILD;
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
    jbw__norm_defaults(n);
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
    if (!norm || !jbw__kind_valid(kind))
        return NAN;
    return norm->weight[kind];
}

/* The fraction of the last step that starts at or before `months`. */
static double jbw__ramp_at(const jbw_norm *n, int32_t months)
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
    if (!jbw__unit_valid(unit))
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
    if (!jbw__kind_valid(kind))
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
                          !norm ? "norm" : !from_month ? "from_month"
                                                       : "fraction");
    if ((st = jbw__check_ramp(from_month, fraction, count)) != JBW_OK)
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
    if ((st = jbw__check_thresholds(under_below, over_above)) != JBW_OK)
        return st;
    norm->under_below = under_below;
    norm->over_above = over_above;
    return jbw__ok();
}

/* ---- norm files ------------------------------------------------------ */

/* Scalar keys, as bits of norm_reader.seen. */
enum {
    JBW__NK_NAME,
    JBW__NK_SOURCE,
    JBW__NK_UNIT,
    JBW__NK_CASELOAD,
    JBW__NK_UNDER,
    JBW__NK_OVER,
    JBW__NK_COUNT
};

static const char *const jbw__norm_keys[JBW__NK_COUNT] = {
    "name", "source", "unit", "caseload_per_fte", "under_below", "over_above"
};

typedef struct jbw__norm_reader {
    jbw_norm *norm;
    const char *source;
    size_t key_line[JBW__NK_COUNT];     /* 0 = not given */
    size_t weight_line[JBW_KIND_SLOTS]; /* 0 = not given */
    size_t ramp_count;
    int32_t ramp_from[JBW_RAMP_MAX];
    double ramp_frac[JBW_RAMP_MAX];
    size_t ramp_line[JBW_RAMP_MAX];
} jbw__norm_reader;

static jbw_status jbw__norm_number(double *out, jbw__norm_reader *r,
                                   const char *key, const char *value,
                                   size_t line)
{
    if (jbw__parse_double(out, value, strlen(value), 0) != 0)
        return jbw__error(JBW_EPARSE, "%s line %zu: %s: '%.60s' is not a number",
                          r->source, line, key, value);
    return JBW_OK;
}

/* Turns a setter-style EINVAL detail into a parse error at a line. */
static jbw_status jbw__norm_at_line(jbw__norm_reader *r, size_t line)
{
    char detail[400];
    snprintf(detail, sizeof detail, "%s", jbw_last_error());
    return jbw__error(JBW_EPARSE, "%s line %zu: %s", r->source, line, detail);
}

static jbw_status jbw__norm_read_text(jbw__norm_reader *r, char **field,
                                      const char *key, const char *value,
                                      size_t line, int allow_empty)
{
    char *copy;
    if (jbw__norm_check_text(value, key, allow_empty) != JBW_OK)
        return jbw__norm_at_line(r, line);
    copy = jbw__strdup(value);
    if (!copy)
        return jbw__enomem();
    jbw__free(*field);
    *field = copy;
    return JBW_OK;
}

static jbw_status jbw__norm_read_unit(jbw__norm_reader *r, const char *value,
                                      size_t line)
{
    int u;
    for (u = 0; u <= (int)JBW_UNIT_FAMILY; u++) {
        const char *code = jbw__unit_codes[u];
        size_t i, n = strlen(code);
        if (strlen(value) != n)
            continue;
        for (i = 0; i < n; i++)
            if ((value[i] | 0x20) != code[i])
                break;
        if (i == n) {
            r->norm->unit = (jbw_unit)u;
            return JBW_OK;
        }
    }
    return jbw__error(JBW_EPARSE,
                      "%s line %zu: unknown unit '%.60s' (measure, child or "
                      "family)",
                      r->source, line, value);
}

static jbw_status jbw__norm_read_scalar(jbw__norm_reader *r, int k,
                                        const char *key, const char *value,
                                        size_t line)
{
    double v = 0.0;
    jbw_status st;
    if (r->key_line[k])
        return jbw__error(JBW_EPARSE, "%s line %zu: '%s' given twice (first on "
                          "line %zu)",
                          r->source, line, key, r->key_line[k]);
    r->key_line[k] = line;
    switch (k) {
    case JBW__NK_NAME:
        return jbw__norm_read_text(r, &r->norm->name, key, value, line, 0);
    case JBW__NK_SOURCE:
        return jbw__norm_read_text(r, &r->norm->source, key, value, line, 1);
    case JBW__NK_UNIT:
        return jbw__norm_read_unit(r, value, line);
    default:
        break;
    }
    if ((st = jbw__norm_number(&v, r, key, value, line)) != JBW_OK)
        return st;
    if (k == JBW__NK_CASELOAD) {
        if (jbw__check_caseload(v) != JBW_OK)
            return jbw__norm_at_line(r, line);
        r->norm->caseload = v;
    } else if (!isfinite(v) || v < 0.0 || v > JBW__NORM_MAX_THRESHOLD) {
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: %s %g must be a number from 0 to %g",
                          r->source, line, key, v, JBW__NORM_MAX_THRESHOLD);
    } else if (k == JBW__NK_UNDER) {
        r->norm->under_below = v;
    } else {
        r->norm->over_above = v;
    }
    return JBW_OK;
}

static jbw_status jbw__norm_read_weight(jbw__norm_reader *r, const char *key,
                                        const char *value, size_t line)
{
    const char *code = key + 7; /* after "weight." */
    jbw_kind kind;
    double v = 0.0;
    jbw_status st;
    if (jbw_kind_from_code(&kind, code, strlen(code)) != JBW_OK)
        return jbw__error(JBW_EPARSE, "%s line %zu: unknown kind '%s' in '%s'",
                          r->source, line, code, key);
    if (r->weight_line[kind])
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: weight of %s given twice (first on "
                          "line %zu)",
                          r->source, line, jbw_kind_code(kind),
                          r->weight_line[kind]);
    r->weight_line[kind] = line;
    if ((st = jbw__norm_number(&v, r, key, value, line)) != JBW_OK)
        return st;
    if (jbw__check_weight(v, jbw_kind_code(kind)) != JBW_OK)
        return jbw__norm_at_line(r, line);
    r->norm->weight[kind] = v;
    return JBW_OK;
}

static jbw_status jbw__norm_read_ramp(jbw__norm_reader *r, const char *key,
                                      const char *value, size_t line)
{
    const char *month = key + 5; /* after "ramp." */
    long long m = 0;
    double v = 0.0;
    size_t i;
    jbw_status st;
    if (jbw__parse_int(&m, month, strlen(month)) != 0 || m < 0 ||
        m > INT32_MAX)
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: '%s': the month after 'ramp.' must be "
                          "a whole number from 0",
                          r->source, line, key);
    for (i = 0; i < r->ramp_count; i++)
        if (r->ramp_from[i] == (int32_t)m)
            return jbw__error(JBW_EPARSE,
                              "%s line %zu: ramp month %lld given twice (also "
                              "on line %zu): a ramp that is not a function of "
                              "months",
                              r->source, line, m, r->ramp_line[i]);
    if (r->ramp_count == JBW_RAMP_MAX)
        return jbw__error(JBW_EPARSE, "%s line %zu: more than %d ramp steps",
                          r->source, line, JBW_RAMP_MAX);
    if ((st = jbw__norm_number(&v, r, key, value, line)) != JBW_OK)
        return st;
    if (v < 0.0 || v > 1.0)
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: ramp fraction %g at month %lld is "
                          "outside [0, 1]",
                          r->source, line, v, m);
    r->ramp_from[r->ramp_count] = (int32_t)m;
    r->ramp_frac[r->ramp_count] = v;
    r->ramp_line[r->ramp_count] = line;
    r->ramp_count++;
    return JBW_OK;
}

static jbw_status jbw__norm_read_pair(void *user, const char *key,
                                      const char *value, size_t line)
{
    jbw__norm_reader *r = user;
    int k;
    for (k = 0; k < JBW__NK_COUNT; k++)
        if (strcmp(key, jbw__norm_keys[k]) == 0)
            return jbw__norm_read_scalar(r, k, key, value, line);
    if (strncmp(key, "weight.", 7) == 0)
        return jbw__norm_read_weight(r, key, value, line);
    if (strncmp(key, "ramp.", 5) == 0)
        return jbw__norm_read_ramp(r, key, value, line);
    return jbw__error(JBW_EPARSE, "%s line %zu: unknown key '%s'", r->source,
                      line, key);
}

/* The ramp lines replace the default ramp as a whole, in month order. */
static jbw_status jbw__norm_finish_ramp(jbw__norm_reader *r)
{
    size_t i, j;
    if (r->ramp_count == 0)
        return JBW_OK;
    for (i = 1; i < r->ramp_count; i++) { /* insertion sort: <= 64 steps */
        int32_t m = r->ramp_from[i];
        double f = r->ramp_frac[i];
        size_t l = r->ramp_line[i];
        for (j = i; j > 0 && r->ramp_from[j - 1] > m; j--) {
            r->ramp_from[j] = r->ramp_from[j - 1];
            r->ramp_frac[j] = r->ramp_frac[j - 1];
            r->ramp_line[j] = r->ramp_line[j - 1];
        }
        r->ramp_from[j] = m;
        r->ramp_frac[j] = f;
        r->ramp_line[j] = l;
    }
    if (r->ramp_from[0] != 0)
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: the ramp has no ramp.0 (it starts at "
                          "month %ld): a ramp that is not a function of "
                          "months",
                          r->source, r->ramp_line[0], (long)r->ramp_from[0]);
    memcpy(r->norm->ramp_from, r->ramp_from, r->ramp_count * sizeof(int32_t));
    memcpy(r->norm->ramp_frac, r->ramp_frac, r->ramp_count * sizeof(double));
    r->norm->ramp_count = r->ramp_count;
    return JBW_OK;
}

static jbw_status jbw__norm_finish(jbw__norm_reader *r)
{
    jbw_status st = jbw__norm_finish_ramp(r);
    if (st != JBW_OK)
        return st;
    if (r->norm->under_below > r->norm->over_above) {
        size_t lu = r->key_line[JBW__NK_UNDER], lo = r->key_line[JBW__NK_OVER];
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: under_below %g is above over_above %g",
                          r->source, lu > lo ? lu : lo, r->norm->under_below,
                          r->norm->over_above);
    }
    return JBW_OK;
}

jbw_status jbw_norm_parse(jbw_norm **out, const char *text, size_t len,
                          const char *source)
{
    jbw__norm_reader *r;
    jbw_norm *norm = NULL;
    jbw_status st;
    if (!out || !text)
        return jbw__error(JBW_EINVAL, "jbw_norm_parse: %s is NULL",
                          !out ? "out" : "text");
    if (len == (size_t)-1)
        len = strlen(text);
    if (!source)
        source = "(norm)";
    /* The reader is 1.5 KB: keep it off small thread stacks. */
    r = jbw__calloc(1, sizeof *r);
    if (!r)
        return jbw__enomem();
    if ((st = jbw_norm_new_default(&norm)) != JBW_OK) {
        jbw__free(r);
        return st;
    }
    r->norm = norm;
    r->source = source;
    st = jbw__kv_parse(text, len, source, jbw__norm_read_pair, r);
    if (st == JBW_OK)
        st = jbw__norm_finish(r);
    jbw__free(r);
    if (st != JBW_OK) {
        jbw_norm_free(norm);
        return st;
    }
    *out = norm;
    return jbw__ok();
}

/* Norm files are small; a larger file is not a norm file. */
#define JBW__NORM_FILE_MAX (1024 * 1024)

jbw_status jbw_norm_load(jbw_norm **out, const char *path)
{
    FILE *f;
    char *text;
    size_t n;
    jbw_status st;
    if (!out || !path)
        return jbw__error(JBW_EINVAL, "jbw_norm_load: %s is NULL",
                          !out ? "out" : "path");
    f = fopen(path, "rb");
    if (!f)
        return jbw__error(JBW_EIO, "%s: cannot open the norm file", path);
    text = jbw__malloc(JBW__NORM_FILE_MAX + 1);
    if (!text) {
        fclose(f);
        return jbw__enomem();
    }
    n = fread(text, 1, JBW__NORM_FILE_MAX + 1, f);
    if (ferror(f)) {
        fclose(f);
        jbw__free(text);
        return jbw__error(JBW_EIO, "%s: read error", path);
    }
    fclose(f);
    if (n > JBW__NORM_FILE_MAX) {
        jbw__free(text);
        return jbw__error(JBW_EIO, "%s: larger than %d bytes; not a norm file",
                          path, JBW__NORM_FILE_MAX);
    }
    st = jbw_norm_parse(out, text, n, path);
    jbw__free(text);
    return st;
}

jbw_status jbw_norm_save(char **out, size_t *len, const jbw_norm *norm)
{
    jbw__buf b = JBW__BUF_INIT;
    int k;
    size_t i;
    if (!out || !norm)
        return jbw__error(JBW_EINVAL, "jbw_norm_save: %s is NULL",
                          !out ? "out" : "norm");
    jbw__buf_puts(&b, "# libjbw norm set (docs/norms.md)\n");
    jbw__buf_printf(&b, "name = %s\n", norm->name);
    jbw__buf_printf(&b, "source = %s\n", norm->source);
    jbw__buf_printf(&b, "unit = %s\n", jbw__unit_codes[norm->unit]);
    jbw__buf_puts(&b, "caseload_per_fte = ");
    jbw__buf_double(&b, norm->caseload);
    jbw__buf_puts(&b, "\n\n# weight per measure kind\n");
    for (k = 0; k < JBW_KIND_COUNT; k++) {
        jbw__buf_printf(&b, "weight.%s = ", jbw_kind_code((jbw_kind)k));
        jbw__buf_double(&b, norm->weight[k]);
        jbw__buf_putc(&b, '\n');
    }
    jbw__buf_puts(&b, "\n# onboarding ramp: from tenure month = fraction\n");
    for (i = 0; i < norm->ramp_count; i++) {
        jbw__buf_printf(&b, "ramp.%ld = ", (long)norm->ramp_from[i]);
        jbw__buf_double(&b, norm->ramp_frac[i]);
        jbw__buf_putc(&b, '\n');
    }
    jbw__buf_puts(&b, "\n# status: under < under_below <= at <= over_above < over\n");
    jbw__buf_puts(&b, "under_below = ");
    jbw__buf_double(&b, norm->under_below);
    jbw__buf_puts(&b, "\nover_above = ");
    jbw__buf_double(&b, norm->over_above);
    jbw__buf_putc(&b, '\n');
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* ====================================================================== */
/* Caseload calculation                                                   */
/* ====================================================================== */

jbw_status jbw_caseload_options_init(jbw_caseload_options *opts,
                                     unsigned int version)
{
    static const jbw_caseload_options init = JBW_CASELOAD_OPTIONS_INIT;
    if (!opts)
        return jbw__error(JBW_EINVAL, "jbw_caseload_options_init: opts is NULL");
    if (version != JBW_CASELOAD_OPTIONS_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_caseload_options version %u is not supported "
                          "(this library knows %u)",
                          version, (unsigned)JBW_CASELOAD_OPTIONS_VERSION);
    *opts = init;
    return jbw__ok();
}

/* One employed worker's line. */
typedef struct jbw__cl_worker {
    uint32_t index; /* snapshot worker index */
    int32_t tenure;
    double effective;
    double capacity;
    double load;
    size_t measures;
} jbw__cl_worker;

/*
 * Scopes: index 0 is the whole snapshot, 1..orgs the organisations,
 * 1+orgs.. the regions, all in registry order.
 */
struct jbw_caseload {
    const jbw_snapshot *snap; /* borrowed: strings come from it */
    jbw_norm *norm;           /* a copy */
    jbw_date date;
    jbw_date period_from;
    jbw_date period_to;
    int32_t coupling_workdays;
    size_t org_count;
    size_t region_count;
    jbw_caseload_totals *scope;
    size_t worker_count;
    jbw__cl_worker *workers;
};

void jbw_caseload_free(jbw_caseload *cl)
{
    if (!cl)
        return;
    jbw_norm_free(cl->norm);
    jbw__free(cl->scope);
    jbw__free(cl->workers);
    jbw__free(cl);
}

/* A first assignment within the coupling period: its werkdagen and where
 * it counts. */
typedef struct jbw__cl_wait {
    int32_t workdays;
    uint32_t org;
    uint32_t region;
} jbw__cl_wait;

/* Scratch arrays of one computation, freed at its end. */
typedef struct jbw__cl_scratch {
    uint32_t *row_of_worker; /* snapshot worker -> employed row or NONE */
    uint32_t *act;           /* active measure indices */
    uint32_t *act_row;       /* per active measure: row carrying its load */
    size_t act_count;
    uint32_t *off;           /* bucket offsets by child or family (+1) */
    uint32_t *list;          /* positions in act, bucketed */
    uint32_t *scope_stamp;   /* last unit that touched a scope */
    double *scope_max;       /* heaviest weight of that unit in the scope */
    uint32_t *scope_touched;
    uint32_t *row_stamp;     /* the same per employed worker */
    double *row_max;
    uint32_t *row_touched;
    jbw__cl_wait *waits;
    size_t wait_count;
    size_t *wait_n;          /* per scope: first assignments */
    size_t *wait_k;          /* per scope: walked so far */
    double *wait_lo;         /* per scope: the lower / upper middle */
    double *wait_hi;
} jbw__cl_scratch;

static void jbw__cl_scratch_free(jbw__cl_scratch *s)
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
typedef struct jbw__cl_ctx {
    const jbw_snapshot *snap;
    const jbw_norm *norm;
    const jbw_calendar *cal;
    jbw_caseload *cl;
    jbw__cl_scratch s;
    size_t scopes; /* 1 + orgs + regions */
} jbw__cl_ctx;

static jbw_status jbw__cl_resolve_dates(jbw_caseload *cl,
                                        const jbw_snapshot *snap,
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
        return jbw__error(JBW_ERANGE,
                          "coupling period %s is outside %d-%d",
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
static jbw_status jbw__cl_check_hires(const jbw_snapshot *snap, jbw_date d)
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

static jbw_status jbw__cl_alloc(jbw__cl_ctx *c)
{
    const jbw_snapshot *snap = c->snap;
    jbw_caseload *cl = c->cl;
    jbw__cl_scratch *s = &c->s;
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

/* Employed workers become rows, in snapshot order, with their capacity. */
static jbw_status jbw__cl_workers(jbw__cl_ctx *c)
{
    const jbw_snapshot *snap = c->snap;
    jbw_caseload *cl = c->cl;
    size_t i, rows = 0;
    for (i = 0; i < snap->w.count; i++) {
        jbw__cl_worker *row;
        double ramp, fte = snap->w.fte[i];
        jbw_status st;
        c->s.row_of_worker[i] = JBW__NONE;
        if (!jbw__worker_employed(snap, i, cl->date))
            continue;
        row = &cl->workers[rows];
        row->index = (uint32_t)i;
        st = jbw_months_between(&row->tenure, snap->w.hired[i], cl->date);
        if (st != JBW_OK)
            return st;
        ramp = jbw__ramp_at(c->norm, row->tenure);
        row->effective = fte * ramp;
        row->capacity = fte * ramp * c->norm->caseload;
        c->s.row_of_worker[i] = (uint32_t)rows++;
    }
    cl->worker_count = rows;
    return JBW_OK;
}

/* Adds a measure's own counts to one scope. */
static void jbw__cl_count_measure(jbw_caseload_totals *t, jbw_measure_state st,
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
 * The coupling norm for one measure started in the period. A measure
 * counts as coupled once its first worker came on or before the date;
 * one with a worker but no first_assigned day is started, never within.
 */
static jbw_status jbw__cl_coupling(jbw__cl_ctx *c, size_t i,
                                   jbw_measure_state state, size_t sc_org,
                                   size_t sc_reg)
{
    const jbw__measures *m = &c->snap->m;
    jbw_caseload *cl = c->cl;
    jbw_caseload_totals *t = cl->scope;
    jbw_date fa = m->first_assigned[i];
    int32_t wd = 0;
    jbw_status st;
    t[0].coupling_started++;
    t[sc_org].coupling_started++;
    t[sc_reg].coupling_started++;
    if (fa != JBW_DATE_NONE && fa <= cl->date) {
        jbw__cl_wait *w = &c->s.waits[c->s.wait_count++];
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
        st = jbw_calendar_workdays_between(&wd, c->cal, m->start[i], cl->date);
        if (st != JBW_OK)
            return st;
        if (wd > cl->coupling_workdays) {
            t[0].coupling_waiting_past++;
            t[sc_org].coupling_waiting_past++;
            t[sc_reg].coupling_waiting_past++;
        }
    }
    return JBW_OK;
}

/*
 * One pass over the measures: states, per-scope measure counts, the
 * coupling norm, and (unit measure) weights and loads.
 */
static jbw_status jbw__cl_measures(jbw__cl_ctx *c)
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
        size_t so = 1 + m->org[i], sr = reg_base + m->region[i];
        if (m->start[i] >= pf && m->start[i] <= pt &&
            (st = jbw__cl_coupling(c, i, state, so, sr)) != JBW_OK)
            return st;
        if (state != JBW_STATE_INACTIVE) {
            unsigned kind = m->kind[i];
            uint32_t row = JBW__NONE;
            jbw__cl_count_measure(&t[0], state, kind);
            jbw__cl_count_measure(&t[so], state, kind);
            jbw__cl_count_measure(&t[sr], state, kind);
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
static void jbw__cl_bucket(jbw__cl_ctx *c, const uint32_t *unit_of,
                           size_t units)
{
    jbw__cl_scratch *s = &c->s;
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
static size_t jbw__cl_touch(uint32_t *stamp, double *maxw, uint32_t *touched,
                            size_t n, uint32_t idx, uint32_t u, double w)
{
    if (stamp[idx] != u) {
        stamp[idx] = u;
        maxw[idx] = w;
        touched[n++] = idx;
    } else if (w > maxw[idx]) {
        maxw[idx] = w;
    }
    return n;
}

/*
 * Counts units (children or families) per scope; when they are the norm's
 * unit, also adds each unit once per scope and once per worker at the
 * heaviest weight of its measures there.
 */
static void jbw__cl_units(jbw__cl_ctx *c, const uint32_t *unit_of,
                          size_t units, int families, int is_norm_unit)
{
    const jbw__measures *m = &c->snap->m;
    jbw__cl_scratch *s = &c->s;
    jbw_caseload_totals *t = c->cl->scope;
    const double *weight = c->norm->weight;
    size_t reg_base = 1 + c->cl->org_count, u, k;
    jbw__cl_bucket(c, unit_of, units);
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
            if (w > heaviest)
                heaviest = w;
            nt = jbw__cl_touch(s->scope_stamp, s->scope_max, s->scope_touched,
                               nt, 1 + m->org[i], (uint32_t)u, w);
            nt = jbw__cl_touch(s->scope_stamp, s->scope_max, s->scope_touched,
                               nt, (uint32_t)(reg_base + m->region[i]),
                               (uint32_t)u, w);
            if (is_norm_unit && row != JBW__NONE)
                nr = jbw__cl_touch(s->row_stamp, s->row_max, s->row_touched,
                                   nr, row, (uint32_t)u, w);
        }
        if (families)
            t[0].families++;
        else
            t[0].children++;
        if (is_norm_unit)
            t[0].required_fte += heaviest;
        for (k = 0; k < nt; k++) {
            jbw_caseload_totals *g = &t[s->scope_touched[k]];
            if (families)
                g->families++;
            else
                g->children++;
            if (is_norm_unit)
                g->required_fte += s->scope_max[s->scope_touched[k]];
        }
        for (k = 0; k < nr; k++)
            c->cl->workers[s->row_touched[k]].load +=
                s->row_max[s->row_touched[k]];
    }
}

/* Adds the employed workers to their scopes. */
static void jbw__cl_worker_totals(jbw__cl_ctx *c)
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

static int jbw__cl_wait_cmp(const void *a, const void *b)
{
    int32_t x = ((const jbw__cl_wait *)a)->workdays;
    int32_t y = ((const jbw__cl_wait *)b)->workdays;
    return (x > y) - (x < y);
}

static void jbw__cl_median_take(jbw__cl_scratch *s, size_t sc, int32_t wd)
{
    size_t k = s->wait_k[sc]++, n = s->wait_n[sc];
    if (k == (n - 1) / 2)
        s->wait_lo[sc] = wd;
    if (k == n / 2)
        s->wait_hi[sc] = wd;
}

/* Medians of every scope from one sort: walking the sorted waits, each
 * scope picks its middle one or two. */
static void jbw__cl_medians(jbw__cl_ctx *c)
{
    jbw__cl_scratch *s = &c->s;
    size_t i;
    qsort(s->waits, s->wait_count, sizeof *s->waits, jbw__cl_wait_cmp);
    for (i = 0; i < s->wait_count; i++) {
        jbw__cl_median_take(s, 0, s->waits[i].workdays);
        jbw__cl_median_take(s, s->waits[i].org, s->waits[i].workdays);
        jbw__cl_median_take(s, s->waits[i].region, s->waits[i].workdays);
    }
    for (i = 0; i < c->scopes; i++)
        c->cl->scope[i].coupling_median_workdays =
            s->wait_n[i] ? (s->wait_lo[i] + s->wait_hi[i]) / 2.0 : NAN;
}

static void jbw__cl_finish(jbw__cl_ctx *c)
{
    size_t i;
    for (i = 0; i < c->scopes; i++) {
        jbw_caseload_totals *t = &c->cl->scope[i];
        t->required_fte /= c->norm->caseload; /* it held the weights */
        t->fte_gap = t->required_fte - t->effective_fte;
        t->coupling_within_pct =
            t->coupling_started
                ? 100.0 * (double)t->coupling_within /
                      (double)t->coupling_started
                : NAN;
    }
}

static jbw_status jbw__cl_run(jbw__cl_ctx *c)
{
    const jbw_snapshot *snap = c->snap;
    jbw_status st;
    if ((st = jbw__cl_alloc(c)) != JBW_OK)
        return st;
    if ((st = jbw__cl_workers(c)) != JBW_OK)
        return st;
    if ((st = jbw__cl_measures(c)) != JBW_OK)
        return st;
    jbw__cl_units(c, snap->m.child, snap->child_ids.count, 0,
                  c->norm->unit == JBW_UNIT_CHILD);
    jbw__cl_units(c, snap->m.family, snap->family_ids.count, 1,
                  c->norm->unit == JBW_UNIT_FAMILY);
    jbw__cl_worker_totals(c);
    jbw__cl_medians(c);
    jbw__cl_finish(c);
    return JBW_OK;
}

jbw_status jbw_caseload_compute(jbw_caseload **out, const jbw_snapshot *snap,
                                const jbw_norm *norm, const jbw_calendar *cal,
                                const jbw_caseload_options *opts)
{
    static const jbw_caseload_options defaults = JBW_CASELOAD_OPTIONS_INIT;
    jbw__cl_ctx c;
    jbw_caseload *cl;
    jbw_status st;
    if (!out || !snap || !norm || !cal)
        return jbw__error(JBW_EINVAL, "jbw_caseload_compute: %s is NULL",
                          !out ? "out" : !snap ? "snapshot"
                                     : !norm ? "norm" : "calendar");
    if (!opts)
        opts = &defaults;
    if (opts->version != JBW_CASELOAD_OPTIONS_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_caseload_options version %u is not supported "
                          "(this library knows %u)",
                          opts->version, (unsigned)JBW_CASELOAD_OPTIONS_VERSION);
    if (opts->coupling_workdays < 0)
        return jbw__error(JBW_EINVAL,
                          "coupling_workdays %ld is negative",
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
    st = jbw__cl_resolve_dates(cl, snap, opts);
    if (st == JBW_OK)
        st = jbw__cl_check_hires(snap, cl->date);
    if (st == JBW_OK)
        st = jbw_norm_clone(&cl->norm, norm);
    if (st == JBW_OK) {
        c.norm = cl->norm;
        st = jbw__cl_run(&c);
    }
    jbw__cl_scratch_free(&c.s);
    if (st != JBW_OK) {
        jbw_caseload_free(cl);
        return st;
    }
    *out = cl;
    return jbw__ok();
}

/* ---- reading results ------------------------------------------------- */

jbw_date jbw_caseload_date(const jbw_caseload *cl)
{
    return cl ? cl->date : JBW_DATE_NONE;
}

jbw_status jbw_caseload_period(jbw_date *from, jbw_date *to,
                               int32_t *workdays, const jbw_caseload *cl)
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

static jbw_status jbw__cl_copy_totals(jbw_caseload_totals *out,
                                      const jbw_caseload_totals *t)
{
    if (out->version != JBW_CASELOAD_TOTALS_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_caseload_totals version %u is not supported "
                          "(this library knows %u)",
                          out->version, (unsigned)JBW_CASELOAD_TOTALS_VERSION);
    *out = *t;
    return jbw__ok();
}

jbw_status jbw_caseload_totals_get(jbw_caseload_totals *out,
                                   const jbw_caseload *cl)
{
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_totals_get: %s is NULL",
                          !out ? "out" : "cl");
    return jbw__cl_copy_totals(out, &cl->scope[0]);
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

static const char *jbw__cl_group_key(const jbw_caseload *cl, jbw_group group,
                                     size_t index)
{
    const jbw_registry *reg = cl->snap->registry;
    return group == JBW_GROUP_ORGANISATION
               ? jbw__strmap_key(&reg->org_keys, index)
               : jbw__strmap_key(&reg->region_keys, index);
}

static size_t jbw__cl_group_scope(const jbw_caseload *cl, jbw_group group,
                                  size_t index)
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
    st = jbw__cl_copy_totals(out,
                             &cl->scope[jbw__cl_group_scope(cl, group, index)]);
    if (st == JBW_OK && key)
        *key = jbw__cl_group_key(cl, group, index);
    return st;
}

size_t jbw_caseload_worker_count(const jbw_caseload *cl)
{
    return cl ? cl->worker_count : 0;
}

static jbw_load_status jbw__cl_status(const jbw_norm *n, double ratio)
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
static void jbw__cl_worker_line(jbw_worker_load *out, const jbw_caseload *cl,
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
    out->status = jbw__cl_status(cl->norm, out->ratio);
    out->measures = row->measures;
}

jbw_status jbw_caseload_worker_get(jbw_worker_load *out, const jbw_caseload *cl,
                                   size_t index)
{
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_worker_get: %s is NULL",
                          !out ? "out" : "cl");
    if (out->version != JBW_WORKER_LOAD_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_worker_load version %u is not supported (this "
                          "library knows %u)",
                          out->version, (unsigned)JBW_WORKER_LOAD_VERSION);
    if (index >= cl->worker_count)
        return jbw__error(JBW_ERANGE, "worker index %zu: there are %zu", index,
                          cl->worker_count);
    jbw__cl_worker_line(out, cl, index);
    return jbw__ok();
}

/* ---- output ---------------------------------------------------------- */

/* Decimals in output: FTE to 3, norm units to 2, ratio to 3, percentages
 * and median werkdagen to 1. */
#define JBW__DEC_FTE 3
#define JBW__DEC_UNITS 2
#define JBW__DEC_RATIO 3
#define JBW__DEC_PCT 1

static void jbw__json_key(jbw__buf *b, const char *key, int first)
{
    if (!first)
        jbw__buf_putc(b, ',');
    jbw__buf_json_string(b, key);
    jbw__buf_putc(b, ':');
}

static void jbw__json_size(jbw__buf *b, const char *key, size_t v)
{
    jbw__json_key(b, key, 0);
    jbw__buf_printf(b, "%zu", v);
}

static void jbw__json_num(jbw__buf *b, const char *key, double v, int dec)
{
    jbw__json_key(b, key, 0);
    jbw__buf_json_number(b, v, dec);
}

static void jbw__json_date(jbw__buf *b, const char *key, jbw_date d, int first)
{
    jbw__json_key(b, key, first);
    jbw__buf_putc(b, '"');
    jbw__buf_date(b, d);
    jbw__buf_putc(b, '"');
}

/* The fields of one totals object; `key` (a group key) goes first. */
static void jbw__json_totals(jbw__buf *b, const char *key,
                             const jbw_caseload_totals *t)
{
    int k;
    jbw__buf_putc(b, '{');
    if (key) {
        jbw__json_key(b, "key", 1);
        jbw__buf_json_string(b, key);
        jbw__buf_putc(b, ',');
    }
    jbw__json_key(b, "active_measures", 1);
    jbw__buf_printf(b, "%zu", t->active_measures);
    jbw__json_size(b, "children", t->children);
    jbw__json_size(b, "families", t->families);
    jbw__json_size(b, "assigned", t->assigned);
    jbw__json_size(b, "waiting_nieuw", t->waiting_nieuw);
    jbw__json_size(b, "waiting_bestaand", t->waiting_bestaand);
    jbw__json_num(b, "required_fte", t->required_fte, JBW__DEC_FTE);
    jbw__json_num(b, "available_fte", t->available_fte, JBW__DEC_FTE);
    jbw__json_num(b, "effective_fte", t->effective_fte, JBW__DEC_FTE);
    jbw__json_num(b, "fte_gap", t->fte_gap, JBW__DEC_FTE);
    jbw__json_num(b, "free_capacity", t->free_capacity, JBW__DEC_UNITS);
    /* The key keeps its name whatever coupling_workdays is; the number
     * used is at the top level. */
    jbw__json_num(b, "coupling_within_5_werkdagen_pct",
                  t->coupling_within_pct, JBW__DEC_PCT);
    jbw__json_size(b, "workers", t->workers);
    jbw__json_num(b, "load", t->load, JBW__DEC_UNITS);
    jbw__json_num(b, "capacity", t->capacity, JBW__DEC_UNITS);
    jbw__json_size(b, "coupling_started", t->coupling_started);
    jbw__json_size(b, "coupling_within", t->coupling_within);
    jbw__json_size(b, "coupling_waiting_past", t->coupling_waiting_past);
    jbw__json_num(b, "coupling_median_workdays", t->coupling_median_workdays,
                  JBW__DEC_PCT);
    jbw__json_key(b, "by_kind", 0);
    jbw__buf_putc(b, '{');
    for (k = 0; k < JBW_KIND_COUNT; k++) {
        jbw__json_key(b, jbw_kind_code((jbw_kind)k), k == 0);
        jbw__buf_printf(b, "%zu", t->by_kind[k]);
    }
    jbw__buf_puts(b, "}}");
}

static void jbw__json_groups(jbw__buf *b, const jbw_caseload *cl,
                             jbw_group group)
{
    size_t i, n = jbw_caseload_group_count(cl, group);
    jbw__buf_putc(b, '[');
    for (i = 0; i < n; i++) {
        jbw__buf_puts(b, i ? ",\n  " : "\n  ");
        jbw__json_totals(b, jbw__cl_group_key(cl, group, i),
                         &cl->scope[jbw__cl_group_scope(cl, group, i)]);
    }
    jbw__buf_puts(b, n ? "\n]" : "]");
}

static void jbw__json_worker(jbw__buf *b, const jbw_worker_load *w)
{
    jbw__buf_putc(b, '{');
    jbw__json_key(b, "id", 1);
    jbw__buf_json_string(b, w->id);
    jbw__json_key(b, "organisation", 0);
    jbw__buf_json_string(b, w->organisation);
    jbw__json_key(b, "region", 0);
    jbw__buf_json_string(b, w->region);
    jbw__json_num(b, "fte", w->fte, JBW__DEC_FTE);
    jbw__json_key(b, "tenure_months", 0);
    jbw__buf_printf(b, "%ld", (long)w->tenure_months);
    jbw__json_num(b, "effective_fte", w->effective_fte, JBW__DEC_FTE);
    jbw__json_num(b, "capacity", w->capacity, JBW__DEC_UNITS);
    jbw__json_num(b, "load", w->load, JBW__DEC_UNITS);
    jbw__json_num(b, "ratio", w->ratio, JBW__DEC_RATIO);
    jbw__json_key(b, "status", 0);
    jbw__buf_json_string(b, jbw_load_status_code(w->status));
    jbw__json_size(b, "measures", w->measures);
    jbw__buf_putc(b, '}');
}

jbw_status jbw_caseload_json(char **out, size_t *len, const jbw_caseload *cl)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_json: %s is NULL",
                          !out ? "out" : "cl");
    jbw__buf_putc(&b, '{');
    jbw__json_date(&b, "date", cl->date, 1);
    jbw__buf_puts(&b, ",\n");
    jbw__json_key(&b, "norm", 1);
    jbw__buf_putc(&b, '{');
    jbw__json_key(&b, "name", 1);
    jbw__buf_json_string(&b, cl->norm->name);
    jbw__json_key(&b, "unit", 0);
    jbw__buf_json_string(&b, jbw__unit_codes[cl->norm->unit]);
    jbw__json_num(&b, "caseload_per_fte", cl->norm->caseload, 4);
    jbw__buf_puts(&b, "},\n");
    jbw__json_key(&b, "coupling_period", 1);
    jbw__buf_putc(&b, '{');
    jbw__json_date(&b, "from", cl->period_from, 1);
    jbw__json_date(&b, "to", cl->period_to, 0);
    jbw__buf_puts(&b, "},\n");
    jbw__json_key(&b, "coupling_workdays", 1);
    jbw__buf_printf(&b, "%ld,\n", (long)cl->coupling_workdays);
    jbw__json_key(&b, "totals", 1);
    jbw__json_totals(&b, NULL, &cl->scope[0]);
    jbw__buf_puts(&b, ",\n");
    jbw__json_key(&b, "by_organisation", 1);
    jbw__json_groups(&b, cl, JBW_GROUP_ORGANISATION);
    jbw__buf_puts(&b, ",\n");
    jbw__json_key(&b, "by_region", 1);
    jbw__json_groups(&b, cl, JBW_GROUP_REGION);
    jbw__buf_puts(&b, ",\n");
    jbw__json_key(&b, "workers", 1);
    jbw__buf_putc(&b, '[');
    for (i = 0; i < cl->worker_count; i++) {
        jbw_worker_load w;
        jbw__cl_worker_line(&w, cl, i);
        jbw__buf_puts(&b, i ? ",\n  " : "\n  ");
        jbw__json_worker(&b, &w);
    }
    jbw__buf_puts(&b, cl->worker_count ? "\n]}\n" : "]}\n");
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* A CSV number: empty when not finite (NaN percentage, no median). */
static void jbw__csv_num(jbw__buf *b, double v, int dec)
{
    jbw__buf_putc(b, ',');
    if (isfinite(v))
        jbw__buf_json_number(b, v, dec);
}

static void jbw__csv_totals_row(jbw__buf *b, const char *scope,
                                const char *key, const jbw_caseload_totals *t)
{
    int k;
    jbw__buf_puts(b, scope);
    jbw__buf_putc(b, ',');
    jbw__buf_csv_field(b, key);
    jbw__buf_printf(b, ",%zu,%zu,%zu,%zu,%zu,%zu,%zu", t->active_measures,
                    t->children, t->families, t->assigned, t->waiting_nieuw,
                    t->waiting_bestaand, t->workers);
    jbw__csv_num(b, t->required_fte, JBW__DEC_FTE);
    jbw__csv_num(b, t->available_fte, JBW__DEC_FTE);
    jbw__csv_num(b, t->effective_fte, JBW__DEC_FTE);
    jbw__csv_num(b, t->fte_gap, JBW__DEC_FTE);
    jbw__csv_num(b, t->free_capacity, JBW__DEC_UNITS);
    jbw__csv_num(b, t->load, JBW__DEC_UNITS);
    jbw__csv_num(b, t->capacity, JBW__DEC_UNITS);
    jbw__buf_printf(b, ",%zu,%zu,%zu", t->coupling_started, t->coupling_within,
                    t->coupling_waiting_past);
    jbw__csv_num(b, t->coupling_within_pct, JBW__DEC_PCT);
    jbw__csv_num(b, t->coupling_median_workdays, JBW__DEC_PCT);
    for (k = 0; k < JBW_KIND_COUNT; k++)
        jbw__buf_printf(b, ",%zu", t->by_kind[k]);
    jbw__buf_putc(b, '\n');
}

jbw_status jbw_caseload_csv(char **out, size_t *len, const jbw_caseload *cl)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    int k, g;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_csv: %s is NULL",
                          !out ? "out" : "cl");
    jbw__buf_puts(&b, "scope,key,active_measures,children,families,assigned,"
                      "waiting_nieuw,waiting_bestaand,workers,required_fte,"
                      "available_fte,effective_fte,fte_gap,free_capacity,load,"
                      "capacity,coupling_started,coupling_within,"
                      "coupling_waiting_past,coupling_within_pct,"
                      "coupling_median_workdays");
    for (k = 0; k < JBW_KIND_COUNT; k++)
        jbw__buf_printf(&b, ",kind_%s", jbw_kind_code((jbw_kind)k));
    jbw__buf_putc(&b, '\n');
    jbw__csv_totals_row(&b, "total", "", &cl->scope[0]);
    for (g = 0; g < 2; g++) {
        jbw_group group = g ? JBW_GROUP_REGION : JBW_GROUP_ORGANISATION;
        for (i = 0; i < jbw_caseload_group_count(cl, group); i++)
            jbw__csv_totals_row(&b, g ? "region" : "organisation",
                                jbw__cl_group_key(cl, group, i),
                                &cl->scope[jbw__cl_group_scope(cl, group, i)]);
    }
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

jbw_status jbw_caseload_workers_csv(char **out, size_t *len,
                                    const jbw_caseload *cl)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_workers_csv: %s is NULL",
                          !out ? "out" : "cl");
    jbw__buf_puts(&b, "id,organisation,region,fte,tenure_months,"
                      "effective_fte,capacity,load,ratio,status,measures\n");
    for (i = 0; i < cl->worker_count; i++) {
        jbw_worker_load w;
        jbw__cl_worker_line(&w, cl, i);
        jbw__buf_csv_field(&b, w.id);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, w.organisation);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, w.region);
        jbw__csv_num(&b, w.fte, JBW__DEC_FTE);
        jbw__buf_printf(&b, ",%ld", (long)w.tenure_months);
        jbw__csv_num(&b, w.effective_fte, JBW__DEC_FTE);
        jbw__csv_num(&b, w.capacity, JBW__DEC_UNITS);
        jbw__csv_num(&b, w.load, JBW__DEC_UNITS);
        jbw__csv_num(&b, w.ratio, JBW__DEC_RATIO);
        jbw__buf_putc(&b, ',');
        jbw__buf_puts(&b, jbw_load_status_code(w.status));
        jbw__buf_printf(&b, ",%zu\n", w.measures);
    }
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* ---- text tables ----------------------------------------------------- */

#define JBW__CELL 96
#define JBW__MAX_COLS 40

/* Writes the text of cell (row, col) into out. */
typedef void (*jbw__cell_fn)(char *out, size_t size, const void *ctx,
                             size_t row, size_t col);

/* Display width of UTF-8 text: one column per code point. */
static size_t jbw__text_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static void jbw__pad(jbw__buf *b, size_t n)
{
    while (n--)
        jbw__buf_putc(b, ' ');
}

static void jbw__table_cell(jbw__buf *b, const char *text, size_t width,
                            int left, int last)
{
    size_t w = jbw__text_width(text);
    size_t pad = width > w ? width - w : 0;
    jbw__buf_puts(b, "  ");
    if (left) {
        jbw__buf_puts(b, text);
        if (!last)
            jbw__pad(b, pad);
    } else {
        jbw__pad(b, pad);
        jbw__buf_puts(b, text);
    }
}

/*
 * An aligned table: the columns in the bit mask `left` align left (text),
 * the others right (numbers). The cell function runs twice per cell
 * (widths, then text), so nothing is stored. `headers` may be NULL for a
 * table without a header line.
 */
static void jbw__text_table(jbw__buf *b, const char *const *headers,
                            size_t cols, size_t rows, unsigned long left,
                            jbw__cell_fn fn, const void *ctx)
{
    size_t width[JBW__MAX_COLS];
    char cell[JBW__CELL];
    size_t r, k;
    for (k = 0; k < cols; k++)
        width[k] = headers ? jbw__text_width(headers[k]) : 0;
    for (r = 0; r < rows; r++)
        for (k = 0; k < cols; k++) {
            size_t w;
            fn(cell, sizeof cell, ctx, r, k);
            w = jbw__text_width(cell);
            if (w > width[k])
                width[k] = w;
        }
    if (headers) {
        for (k = 0; k < cols; k++)
            jbw__table_cell(b, headers[k], width[k], (int)(left >> k & 1u),
                            k + 1 == cols);
        jbw__buf_putc(b, '\n');
    }
    for (r = 0; r < rows; r++) {
        for (k = 0; k < cols; k++) {
            fn(cell, sizeof cell, ctx, r, k);
            jbw__table_cell(b, cell, width[k], (int)(left >> k & 1u),
                            k + 1 == cols);
        }
        jbw__buf_putc(b, '\n');
    }
}

/* A number with fixed decimals, "-" when not finite. */
static void jbw__fmt_num(char *out, size_t size, double v, int dec)
{
    if (!isfinite(v)) {
        snprintf(out, size, "-");
        return;
    }
    /* no "-0.00" for a tiny negative */
    if (fabs(v) < 0.5 * pow(10.0, -dec))
        v = 0.0;
    snprintf(out, size, "%.*f", dec, v);
}

static const char *const jbw__totals_labels[] = {
    "active measures", "children", "families", "assigned",
    "waiting nieuw", "waiting bestaand", "workers employed",
    "available FTE", "effective FTE (ramp)", "required FTE", "FTE gap",
    "capacity", "load", "free capacity", "coupling: started in period",
    "coupling: first worker within norm", "coupling: waiting past norm",
    "coupling: % within norm", "coupling: median werkdagen"
};
#define JBW__TOTALS_ROWS (sizeof jbw__totals_labels / sizeof *jbw__totals_labels)

/* The value of totals row `row` (shared by the totals block and the
 * group tables, where rows become columns). */
static void jbw__fmt_total(char *out, size_t size,
                           const jbw_caseload_totals *t, size_t row)
{
    switch (row) {
    case 0: snprintf(out, size, "%zu", t->active_measures); break;
    case 1: snprintf(out, size, "%zu", t->children); break;
    case 2: snprintf(out, size, "%zu", t->families); break;
    case 3: snprintf(out, size, "%zu", t->assigned); break;
    case 4: snprintf(out, size, "%zu", t->waiting_nieuw); break;
    case 5: snprintf(out, size, "%zu", t->waiting_bestaand); break;
    case 6: snprintf(out, size, "%zu", t->workers); break;
    case 7: jbw__fmt_num(out, size, t->available_fte, 2); break;
    case 8: jbw__fmt_num(out, size, t->effective_fte, 2); break;
    case 9: jbw__fmt_num(out, size, t->required_fte, 2); break;
    case 10: jbw__fmt_num(out, size, t->fte_gap, 2); break;
    case 11: jbw__fmt_num(out, size, t->capacity, 1); break;
    case 12: jbw__fmt_num(out, size, t->load, 1); break;
    case 13: jbw__fmt_num(out, size, t->free_capacity, 1); break;
    case 14: snprintf(out, size, "%zu", t->coupling_started); break;
    case 15: snprintf(out, size, "%zu", t->coupling_within); break;
    case 16: snprintf(out, size, "%zu", t->coupling_waiting_past); break;
    case 17: jbw__fmt_num(out, size, t->coupling_within_pct, 1); break;
    default: jbw__fmt_num(out, size, t->coupling_median_workdays, 1); break;
    }
}

static void jbw__cell_totals(char *out, size_t size, const void *ctx,
                             size_t row, size_t col)
{
    if (col == 0)
        snprintf(out, size, "%s", jbw__totals_labels[row]);
    else
        jbw__fmt_total(out, size, ctx, row);
}

/* A group table shows some totals rows as columns. */
typedef struct jbw__group_view {
    const jbw_caseload *cl;
    jbw_group group;
    const size_t *rows; /* totals row of column 1, 2, ... */
} jbw__group_view;

/* Measures and the coupling norm, then staffing: two tables that fit a
 * terminal instead of one very wide one. */
static const char *const jbw__group_measure_headers[] = {
    "key", "active", "children", "families", "assigned", "nieuw",
    "bestaand", "started", "within", "past", "% within", "median wd"
};
static const size_t jbw__group_measure_rows[] = { 0, 1, 2, 3, 4, 5, 14, 15,
                                                  16, 17, 18 };
static const char *const jbw__group_staff_headers[] = {
    "key", "workers", "avail FTE", "eff FTE", "req FTE", "gap",
    "capacity", "load", "free"
};
static const size_t jbw__group_staff_rows[] = { 6, 7, 8, 9, 10, 11, 12, 13 };

static void jbw__cell_group(char *out, size_t size, const void *ctx,
                            size_t row, size_t col)
{
    const jbw__group_view *v = ctx;
    if (col == 0)
        snprintf(out, size, "%s", jbw__cl_group_key(v->cl, v->group, row));
    else
        jbw__fmt_total(out, size,
                       &v->cl->scope[jbw__cl_group_scope(v->cl, v->group, row)],
                       v->rows[col - 1]);
}

static void jbw__text_groups(jbw__buf *b, const jbw_caseload *cl,
                             jbw_group group)
{
    jbw__group_view v;
    size_t n = jbw_caseload_group_count(cl, group);
    v.cl = cl;
    v.group = group;
    v.rows = jbw__group_measure_rows;
    jbw__text_table(b, jbw__group_measure_headers,
                    1 + sizeof jbw__group_measure_rows /
                            sizeof *jbw__group_measure_rows,
                    n, 1u, jbw__cell_group, &v);
    jbw__buf_putc(b, '\n');
    v.rows = jbw__group_staff_rows;
    jbw__text_table(b, jbw__group_staff_headers,
                    1 + sizeof jbw__group_staff_rows /
                            sizeof *jbw__group_staff_rows,
                    n, 1u, jbw__cell_group, &v);
}

/* By kind: the total and each organisation, as columns. */
static void jbw__cell_kind(char *out, size_t size, const void *ctx, size_t row,
                           size_t col)
{
    const jbw_caseload *cl = ctx;
    if (col == 0)
        snprintf(out, size, "%s", jbw_kind_code((jbw_kind)row));
    else
        snprintf(out, size, "%zu",
                 cl->scope[col == 1 ? 0 : col - 1].by_kind[row]);
}

static const char *const jbw__worker_headers[] = {
    "id", "organisation", "region", "fte", "tenure", "eff FTE", "capacity",
    "load", "ratio", "status", "measures"
};

static void jbw__cell_worker(char *out, size_t size, const void *ctx,
                             size_t row, size_t col)
{
    jbw_worker_load w;
    jbw__cl_worker_line(&w, ctx, row);
    switch (col) {
    case 0: snprintf(out, size, "%s", w.id); break;
    case 1: snprintf(out, size, "%s", w.organisation); break;
    case 2: snprintf(out, size, "%s", w.region ? w.region : "-"); break;
    case 3: jbw__fmt_num(out, size, w.fte, 2); break;
    case 4: snprintf(out, size, "%ld", (long)w.tenure_months); break;
    case 5: jbw__fmt_num(out, size, w.effective_fte, 2); break;
    case 6: jbw__fmt_num(out, size, w.capacity, 1); break;
    case 7: jbw__fmt_num(out, size, w.load, 2); break;
    case 8: jbw__fmt_num(out, size, w.ratio, 2); break;
    case 9: snprintf(out, size, "%s", jbw_load_status_code(w.status)); break;
    default: snprintf(out, size, "%zu", w.measures); break;
    }
}

static void jbw__text_heading(jbw__buf *b, const jbw_caseload *cl)
{
    const jbw_norm *n = cl->norm;
    jbw__buf_puts(b, "Caseload on ");
    jbw__buf_date(b, cl->date);
    jbw__buf_printf(b, "\nNorm: %s, ", n->name);
    jbw__buf_printf(b, "%g %s per FTE (unit %s); status under < %g <= at <= "
                       "%g < over\n",
                    n->caseload, jbw__unit_plural(n->unit),
                    jbw__unit_codes[n->unit], n->under_below, n->over_above);
    jbw__buf_printf(b, "Coupling norm: first worker within %ld werkdagen of "
                       "the start, measures started ",
                    (long)cl->coupling_workdays);
    jbw__buf_date(b, cl->period_from);
    jbw__buf_puts(b, " to ");
    jbw__buf_date(b, cl->period_to);
    jbw__buf_puts(b, "\n");
}

jbw_status jbw_caseload_text(char **out, size_t *len, const jbw_caseload *cl)
{
    jbw__buf b = JBW__BUF_INIT;
    const char *kind_headers[JBW__MAX_COLS];
    size_t k, orgs;
    if (!out || !cl)
        return jbw__error(JBW_EINVAL, "jbw_caseload_text: %s is NULL",
                          !out ? "out" : "cl");
    jbw__text_heading(&b, cl);
    jbw__buf_puts(&b, "\nTotals\n");
    jbw__text_table(&b, NULL, 2, JBW__TOTALS_ROWS, 1u, jbw__cell_totals,
                    &cl->scope[0]);
    jbw__buf_puts(&b, "\nBy organisation\n");
    jbw__text_groups(&b, cl, JBW_GROUP_ORGANISATION);
    jbw__buf_puts(&b, "\nBy region (measures count in their region, "
                      "workers in theirs)\n");
    jbw__text_groups(&b, cl, JBW_GROUP_REGION);
    /* The kind table lists organisations as columns while they fit. */
    orgs = cl->org_count < JBW__MAX_COLS - 2 ? cl->org_count
                                             : JBW__MAX_COLS - 2;
    kind_headers[0] = "kind";
    kind_headers[1] = "total";
    for (k = 0; k < orgs; k++)
        kind_headers[2 + k] = jbw__cl_group_key(cl, JBW_GROUP_ORGANISATION, k);
    jbw__buf_puts(&b, "\nActive measures by kind\n");
    jbw__text_table(&b, kind_headers, 2 + orgs, JBW_KIND_COUNT, 1u,
                    jbw__cell_kind, cl);
    jbw__buf_puts(&b, "\nWorkers employed on the date\n");
    /* id, organisation, region and status are text */
    jbw__text_table(&b, jbw__worker_headers, 11, cl->worker_count,
                    1u | 2u | 4u | (1u << 9), jbw__cell_worker, cl);
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

/* ====================================================================== */
/* Series of children without a fixed jeugdbeschermer                     */
/* ====================================================================== */

typedef struct jbw__series_pt {
    jbw_date date;
    size_t nieuw;
    size_t bestaand;
} jbw__series_pt;

struct jbw_series {
    char *title;
    jbw__series_pt *pts;
    size_t count;
    size_t cap;
};

/* Counts above this would overflow the signed changes. */
#define JBW__SERIES_MAX ((size_t)(LLONG_MAX / 2))

jbw_status jbw_series_new(jbw_series **out, const char *title)
{
    jbw_series *s;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_series_new: out is NULL");
    s = jbw__calloc(1, sizeof *s);
    if (!s)
        return jbw__enomem();
    s->title = jbw__strdup(title ? title : "");
    if (!s->title) {
        jbw__free(s);
        return jbw__enomem();
    }
    *out = s;
    return jbw__ok();
}

void jbw_series_free(jbw_series *series)
{
    if (!series)
        return;
    jbw__free(series->title);
    jbw__free(series->pts);
    jbw__free(series);
}

/* Index of the first point not before `date`. */
static size_t jbw__series_find(const jbw_series *s, jbw_date date)
{
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->pts[mid].date < date)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

jbw_status jbw_series_add(jbw_series *series, jbw_date date, size_t nieuw,
                          size_t bestaand)
{
    char tmp[JBW_DATE_BUFSIZE];
    void *pts;
    size_t at;
    if (!series)
        return jbw__error(JBW_EINVAL, "jbw_series_add: series is NULL");
    if (!jbw__date_in_range(date))
        return jbw__error(JBW_ERANGE, "series date is %s",
                          date == JBW_DATE_NONE ? "not set"
                                                : "outside the supported range");
    if (nieuw > JBW__SERIES_MAX || bestaand > JBW__SERIES_MAX)
        return jbw__error(JBW_ERANGE, "series count %zu is too large",
                          nieuw > bestaand ? nieuw : bestaand);
    at = jbw__series_find(series, date);
    if (at < series->count && series->pts[at].date == date) {
        jbw_date_format(tmp, sizeof tmp, date);
        return jbw__error(JBW_EDUPLICATE, "series already has a point on %s",
                          tmp);
    }
    pts = series->pts;
    if (jbw__grow(&pts, &series->cap, series->count + 1,
                  sizeof *series->pts) != 0)
        return jbw__enomem();
    series->pts = pts;
    memmove(series->pts + at + 1, series->pts + at,
            (series->count - at) * sizeof *series->pts);
    series->pts[at].date = date;
    series->pts[at].nieuw = nieuw;
    series->pts[at].bestaand = bestaand;
    series->count++;
    return jbw__ok();
}

jbw_status jbw_series_add_snapshot(jbw_series *series,
                                   const jbw_snapshot *snap, jbw_date date,
                                   const char *organisation,
                                   const char *region)
{
    jbw_snapshot_counts c;
    jbw_status st;
    if (!series || !snap)
        return jbw__error(JBW_EINVAL, "jbw_series_add_snapshot: %s is NULL",
                          !series ? "series" : "snapshot");
    memset(&c, 0, sizeof c);
    c.version = JBW_SNAPSHOT_COUNTS_VERSION;
    st = jbw_snapshot_counts_get(&c, snap, date, organisation, region);
    if (st != JBW_OK)
        return st;
    return jbw_series_add(series, date, c.waiting_nieuw, c.waiting_bestaand);
}

const char *jbw_series_title(const jbw_series *series)
{
    return series ? series->title : NULL;
}

size_t jbw_series_count(const jbw_series *series)
{
    return series ? series->count : 0;
}

/* Fills a point without the version check. */
static void jbw__series_point(jbw_series_point *out, const jbw_series *s,
                              size_t i)
{
    const jbw__series_pt *p = &s->pts[i];
    out->date = p->date;
    out->nieuw = p->nieuw;
    out->bestaand = p->bestaand;
    out->total = p->nieuw + p->bestaand;
    out->share_bestaand =
        out->total ? (double)p->bestaand / (double)out->total : NAN;
    if (i == 0) {
        out->change_nieuw = out->change_bestaand = out->change_total = 0;
    } else {
        const jbw__series_pt *q = &s->pts[i - 1];
        out->change_nieuw = (long long)p->nieuw - (long long)q->nieuw;
        out->change_bestaand = (long long)p->bestaand - (long long)q->bestaand;
        out->change_total = out->change_nieuw + out->change_bestaand;
    }
}

jbw_status jbw_series_get(jbw_series_point *out, const jbw_series *series,
                          size_t index)
{
    if (!out || !series)
        return jbw__error(JBW_EINVAL, "jbw_series_get: %s is NULL",
                          !out ? "out" : "series");
    if (out->version != JBW_SERIES_POINT_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_series_point version %u is not supported (this "
                          "library knows %u)",
                          out->version, (unsigned)JBW_SERIES_POINT_VERSION);
    if (index >= series->count)
        return jbw__error(JBW_ERANGE, "series index %zu: there are %zu", index,
                          series->count);
    jbw__series_point(out, series, index);
    return jbw__ok();
}

/* Share bestaand to 4 decimals (a fraction, 0.6372). */
#define JBW__DEC_SHARE 4

jbw_status jbw_series_csv(char **out, size_t *len, const jbw_series *series)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    if (!out || !series)
        return jbw__error(JBW_EINVAL, "jbw_series_csv: %s is NULL",
                          !out ? "out" : "series");
    jbw__buf_puts(&b, "date,nieuw,bestaand,total,share_bestaand,change_nieuw,"
                      "change_bestaand,change_total\n");
    for (i = 0; i < series->count; i++) {
        jbw_series_point p;
        jbw__series_point(&p, series, i);
        jbw__buf_date(&b, p.date);
        jbw__buf_printf(&b, ",%zu,%zu,%zu", p.nieuw, p.bestaand, p.total);
        jbw__csv_num(&b, p.share_bestaand, JBW__DEC_SHARE);
        jbw__buf_printf(&b, ",%lld,%lld,%lld\n", p.change_nieuw,
                        p.change_bestaand, p.change_total);
    }
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

jbw_status jbw_series_json(char **out, size_t *len, const jbw_series *series)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    if (!out || !series)
        return jbw__error(JBW_EINVAL, "jbw_series_json: %s is NULL",
                          !out ? "out" : "series");
    jbw__buf_putc(&b, '{');
    jbw__json_key(&b, "title", 1);
    jbw__buf_json_string(&b, series->title);
    jbw__buf_putc(&b, ',');
    jbw__json_key(&b, "points", 1);
    jbw__buf_putc(&b, '[');
    for (i = 0; i < series->count; i++) {
        jbw_series_point p;
        jbw__series_point(&p, series, i);
        jbw__buf_puts(&b, i ? ",\n  " : "\n  ");
        jbw__buf_putc(&b, '{');
        jbw__json_date(&b, "date", p.date, 1);
        jbw__json_size(&b, "nieuw", p.nieuw);
        jbw__json_size(&b, "bestaand", p.bestaand);
        jbw__json_size(&b, "total", p.total);
        jbw__json_num(&b, "share_bestaand", p.share_bestaand, JBW__DEC_SHARE);
        jbw__json_key(&b, "change_nieuw", 0);
        jbw__buf_printf(&b, "%lld", p.change_nieuw);
        jbw__json_key(&b, "change_bestaand", 0);
        jbw__buf_printf(&b, "%lld", p.change_bestaand);
        jbw__json_key(&b, "change_total", 0);
        jbw__buf_printf(&b, "%lld}", p.change_total);
    }
    jbw__buf_puts(&b, series->count ? "\n]}\n" : "]}\n");
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}

static const char *const jbw__series_headers[] = {
    "date", "nieuw", "bestaand", "total", "% bestaand", "change nieuw",
    "change bestaand", "change total"
};

static void jbw__fmt_change(char *out, size_t size, long long v)
{
    snprintf(out, size, v > 0 ? "+%lld" : "%lld", v);
}

static void jbw__cell_series(char *out, size_t size, const void *ctx,
                             size_t row, size_t col)
{
    jbw_series_point p;
    jbw__series_point(&p, ctx, row);
    switch (col) {
    case 0: jbw_date_format(out, size, p.date); break;
    case 1: snprintf(out, size, "%zu", p.nieuw); break;
    case 2: snprintf(out, size, "%zu", p.bestaand); break;
    case 3: snprintf(out, size, "%zu", p.total); break;
    case 4: jbw__fmt_num(out, size, 100.0 * p.share_bestaand, 1); break;
    case 5: jbw__fmt_change(out, size, p.change_nieuw); break;
    case 6: jbw__fmt_change(out, size, p.change_bestaand); break;
    default: jbw__fmt_change(out, size, p.change_total); break;
    }
}

jbw_status jbw_series_text(char **out, size_t *len, const jbw_series *series)
{
    jbw__buf b = JBW__BUF_INIT;
    if (!out || !series)
        return jbw__error(JBW_EINVAL, "jbw_series_text: %s is NULL",
                          !out ? "out" : "series");
    jbw__buf_puts(&b, "Children without a fixed jeugdbeschermer");
    if (series->title[0])
        jbw__buf_printf(&b, ": %s", series->title);
    jbw__buf_puts(&b, "\n(nieuw: never had one; bestaand: had one who "
                      "dropped out)\n");
    jbw__text_table(&b, jbw__series_headers, 8, series->count, 1u,
                    jbw__cell_series, series);
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}
