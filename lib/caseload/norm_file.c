/*
 * libjbw - the norm file: parsing (jbw_norm_parse, jbw_norm_load) and
 * writing (jbw_norm_save).
 */
#include "caseload/caseload_internal.h"
#include "io/kv.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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

static const char *const norm_keys[JBW__NK_COUNT] = {
    "name", "source", "unit", "caseload_per_fte", "under_below", "over_above"};

typedef struct norm_reader {
    jbw_norm *norm;
    const char *source;
    size_t key_line[JBW__NK_COUNT];     /* 0 = not given */
    size_t weight_line[JBW_KIND_SLOTS]; /* 0 = not given */
    size_t ramp_count;
    int32_t ramp_from[JBW_RAMP_MAX];
    double ramp_frac[JBW_RAMP_MAX];
    size_t ramp_line[JBW_RAMP_MAX];
} norm_reader;

static jbw_status norm_number(double *out, norm_reader *r, const char *key,
                              const char *value, size_t line)
{
    char q[JBW__SHOWN];
    if (jbw__parse_double(out, value, strlen(value), 0) != 0)
        return jbw__error(JBW_EPARSE, "%s line %zu: %s is not a number: '%s'",
                          r->source, line, key,
                          jbw__quote_value(q, sizeof q, value, strlen(value)));
    return JBW_OK;
}

/* Turns a setter-style EINVAL detail into a parse error at a line. */
static jbw_status norm_at_line(norm_reader *r, size_t line)
{
    char detail[400];
    snprintf(detail, sizeof detail, "%s", jbw_last_error());
    return jbw__error(JBW_EPARSE, "%s line %zu: %s", r->source, line, detail);
}

static jbw_status norm_read_text(norm_reader *r, char **field, const char *key,
                                 const char *value, size_t line,
                                 int allow_empty)
{
    char *copy;
    if (jbw__norm_check_text(value, key, allow_empty) != JBW_OK)
        return norm_at_line(r, line);
    copy = jbw__strdup(value);
    if (!copy)
        return jbw__enomem();
    jbw__free(*field);
    *field = copy;
    return JBW_OK;
}

static jbw_status norm_read_unit(norm_reader *r, const char *value, size_t line)
{
    int u;
    char q[JBW__SHOWN];
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
                      "%s line %zu: unknown unit (measure, child or family): "
                      "'%s'",
                      r->source, line,
                      jbw__quote_value(q, sizeof q, value, strlen(value)));
}

static jbw_status norm_read_scalar(norm_reader *r, int k, const char *key,
                                   const char *value, size_t line)
{
    double v = 0.0;
    jbw_status st;
    if (r->key_line[k])
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: '%s' given twice (first on "
                          "line %zu)",
                          r->source, line, key, r->key_line[k]);
    r->key_line[k] = line;
    switch (k) {
    case JBW__NK_NAME:
        return norm_read_text(r, &r->norm->name, key, value, line, 0);
    case JBW__NK_SOURCE:
        return norm_read_text(r, &r->norm->source, key, value, line, 1);
    case JBW__NK_UNIT:
        return norm_read_unit(r, value, line);
    default:
        break;
    }
    if ((st = norm_number(&v, r, key, value, line)) != JBW_OK)
        return st;
    if (k == JBW__NK_CASELOAD) {
        if (jbw__check_caseload(v) != JBW_OK)
            return norm_at_line(r, line);
        r->norm->caseload = v;
    } else if (!isfinite(v) || v < 0.0 || v > JBW__NORM_MAX_THRESHOLD) {
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: %s must be a number from 0 to %g: %g",
                          r->source, line, key, JBW__NORM_MAX_THRESHOLD, v);
    } else if (k == JBW__NK_UNDER) {
        r->norm->under_below = v;
    } else {
        r->norm->over_above = v;
    }
    return JBW_OK;
}

static jbw_status norm_read_weight(norm_reader *r, const char *key,
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
    if ((st = norm_number(&v, r, key, value, line)) != JBW_OK)
        return st;
    if (jbw__check_weight(v, jbw_kind_code(kind)) != JBW_OK)
        return norm_at_line(r, line);
    r->norm->weight[kind] = v;
    return JBW_OK;
}

static jbw_status norm_read_ramp(norm_reader *r, const char *key,
                                 const char *value, size_t line)
{
    const char *month = key + 5; /* after "ramp." */
    long long m = 0;
    double v = 0.0;
    size_t i;
    jbw_status st;
    if (jbw__parse_int(&m, month, strlen(month)) != 0 || m < 0 || m > INT32_MAX)
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
    if ((st = norm_number(&v, r, key, value, line)) != JBW_OK)
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

static jbw_status norm_read_pair(void *user, const char *key, const char *value,
                                 size_t line)
{
    norm_reader *r = user;
    int k;
    for (k = 0; k < JBW__NK_COUNT; k++)
        if (strcmp(key, norm_keys[k]) == 0)
            return norm_read_scalar(r, k, key, value, line);
    if (strncmp(key, "weight.", 7) == 0)
        return norm_read_weight(r, key, value, line);
    if (strncmp(key, "ramp.", 5) == 0)
        return norm_read_ramp(r, key, value, line);
    return jbw__error(JBW_EPARSE, "%s line %zu: unknown key '%s'", r->source,
                      line, key);
}

/* The ramp lines replace the default ramp as a whole, in month order. */
static jbw_status norm_finish_ramp(norm_reader *r)
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

static jbw_status norm_finish(norm_reader *r)
{
    jbw_status st = norm_finish_ramp(r);
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
    norm_reader *r;
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
    st = jbw__kv_parse(text, len, source, norm_read_pair, r);
    if (st == JBW_OK)
        st = norm_finish(r);
    jbw__free(r);
    if (st != JBW_OK) {
        jbw_norm_free(norm);
        return st;
    }
    *out = norm;
    return jbw__ok();
}

jbw_status jbw_norm_load(jbw_norm **out, const char *path)
{
    char *text = NULL;
    size_t n = 0;
    jbw_status st;
    if (!out || !path)
        return jbw__error(JBW_EINVAL, "jbw_norm_load: %s is NULL",
                          !out ? "out" : "path");
    if ((st = jbw__kv_read(&text, &n, path)) != JBW_OK)
        return st;
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
    jbw__buf_puts(
        &b, "\n# status: under < under_below <= at <= over_above < over\n");
    jbw__buf_puts(&b, "under_below = ");
    jbw__buf_double(&b, norm->under_below);
    jbw__buf_puts(&b, "\nover_above = ");
    jbw__buf_double(&b, norm->over_above);
    jbw__buf_putc(&b, '\n');
    if (jbw__buf_finish(&b, out, len) != JBW_OK)
        return jbw__enomem();
    return jbw__ok();
}
