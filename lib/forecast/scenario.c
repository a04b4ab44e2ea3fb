/*
 * libjbw - the scenario file: parameter overrides and shocks read from
 * key = value lines, applied to forecast parameters.
 */
#include "forecast/forecast_internal.h"
#include "io/kv.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* Scenarios                                                               */
/* ====================================================================== */

/* How a scenario value is read. */
enum { SC_DOUBLE, SC_FRACTION, SC_INT, SC_FLAG, SC_DATE };

/* A scalar key: its field (offset and size), type and domain. */
typedef struct scalar_key {
    const char *key;
    size_t offset, size;
    int type;
    double lo, hi;
} scalar_key;

#define SC_FIELD(f) offsetof(jbw_forecast_params, f)
#define SC_SCALAR(f, type, lo, hi)                                             \
    {                                                                          \
#f, SC_FIELD(f), sizeof(((jbw_forecast_params *)0)->f), type, lo, hi   \
    }

static const scalar_key scalar_keys[] = {
    SC_SCALAR(months, SC_INT, 1, JBW_FORECAST_MONTHS_MAX),
    SC_SCALAR(start, SC_DATE, 0, 0),
    SC_SCALAR(turnover, SC_FRACTION, 0, 1),
    SC_SCALAR(hires_fte, SC_DOUBLE, 0, FC_MAX_HIRES),
    SC_SCALAR(hire_months, SC_INT, 0, JBW_FORECAST_MONTHS_MAX),
    SC_SCALAR(bestaand_first, SC_FLAG, 0, 1),
    SC_SCALAR(emergency_first, SC_FLAG, 0, 1),
    SC_SCALAR(fte_per_worker, SC_DOUBLE, 1e-9, 1.2),
    SC_SCALAR(units_per_measure, SC_DOUBLE, 1e-9, 10),
    SC_SCALAR(finance, SC_FLAG, 0, 1),
    SC_SCALAR(staff_cost, SC_DOUBLE, 0, FC_MAX_MONEY),
    SC_SCALAR(fixed_costs, SC_DOUBLE, 0, FC_MAX_MONEY),
    SC_SCALAR(turnover_first_year, SC_FRACTION, 0, 1),
    SC_SCALAR(vots_to_ots, SC_FRACTION, 0, 1),
    SC_SCALAR(bestaand_share, SC_FRACTION, 0, 1),
};
#define SC_NSCALARS (sizeof scalar_keys / sizeof scalar_keys[0])

/* A per-kind key "prefix.KIND". */
typedef struct kinded_key {
    const char *prefix;
    size_t offset;
    double lo, hi;
    int finance; /* setting it switches finance on */
} kinded_key;

static const kinded_key kinded_keys[] = {
    {"inflow", SC_FIELD(inflow), 0, FC_MAX_INFLOW, 0},
    {"duration", SC_FIELD(duration), 1, FC_MAX_DURATION, 0},
    {"tariff", SC_FIELD(tariff), 0, FC_MAX_MONEY, 1},
    {"assigned", SC_FIELD(assigned), 0, FC_MAX_COUNT, 0},
    {"waiting_nieuw", SC_FIELD(waiting_nieuw), 0, FC_MAX_COUNT, 0},
    {"waiting_bestaand", SC_FIELD(waiting_bestaand), 0, FC_MAX_COUNT, 0},
};
#define SC_NKINDEDS (sizeof kinded_keys / sizeof kinded_keys[0])

struct jbw_scenario {
    jbw_forecast_params vals;
    size_t scalar_line[SC_NSCALARS]; /* 0: not set */
    size_t kinded_line[SC_NKINDEDS][JBW_KIND_SLOTS];
    size_t staff_line[JBW_TENURE_SLOTS];
    int finance_keys;  /* a tariff or cost is set */
    int finance_given; /* the finance key is set */
    jbw_shock *shocks;
    size_t shock_count, shock_cap;
    jbw_hire *hires; /* the hiring plan */
    size_t hire_count, hire_cap;
    size_t hire_line[JBW_FORECAST_MONTHS_MAX + 1]; /* 0: no cohort */
    unsigned char hire_csv[JBW_FORECAST_MONTHS_MAX + 1];
};

typedef struct parse_state {
    jbw_scenario *sc;
    const char *source;
    jbw__strmap shock_names;
} parse_state;

static jbw_status bad(const parse_state *ps, size_t line, const char *key,
                      const char *value, const char *why)
{
    char q[JBW__SHOWN];
    return jbw__error(JBW_EPARSE, "%s line %zu: %s: %s: '%s'", ps->source, line,
                      key, why,
                      jbw__quote_value(q, sizeof q, value, strlen(value)));
}

static jbw_status refuse_twice(const parse_state *ps, size_t line,
                               const char *key, size_t first)
{
    return jbw__error(JBW_EPARSE,
                      "%s line %zu: '%s' is given twice (first "
                      "on line %zu)",
                      ps->source, line, key, first);
}

static jbw_status parse_number(const parse_state *ps, double *out,
                               const char *key, const char *value, size_t line,
                               double lo, double hi, int fraction)
{
    size_t n = strlen(value);
    double v, scale = 1;
    char why[96];
    if (fraction && n > 0 && value[n - 1] == '%') {
        n--;
        scale = 0.01;
    }
    if (jbw__parse_double(&v, value, n, 0) != 0)
        return bad(ps, line, key, value, "not a number");
    v *= scale;
    if (fraction && v > 1 && scale == 1)
        return bad(ps, line, key, value,
                   "above 1: write a fraction (0.2) "
                   "or a percentage (20%)");
    if (v < lo || v > hi) {
        snprintf(why, sizeof why, "must be in [%g, %g]%s", lo * (1 / scale),
                 hi * (1 / scale), scale != 1 ? " %" : "");
        return bad(ps, line, key, value, why);
    }
    *out = v;
    return JBW_OK;
}

static jbw_status set_scalar(parse_state *ps, size_t i, const char *key,
                             const char *value, size_t line)
{
    const scalar_key *d = &scalar_keys[i];
    char *field = (char *)&ps->sc->vals + d->offset;
    jbw_status st;
    double v;
    if (ps->sc->scalar_line[i])
        return refuse_twice(ps, line, key, ps->sc->scalar_line[i]);
    if (d->offset == SC_FIELD(finance))
        ps->sc->finance_given = 1;
    if (d->type == SC_DATE) {
        jbw_date date;
        if (jbw_date_parse(&date, value, (size_t)-1) != JBW_OK)
            return bad(ps, line, key, value, "not a date");
        memcpy(field, &date, sizeof date);
    } else {
        st = parse_number(ps, &v, key, value, line, d->lo, d->hi,
                          d->type == SC_FRACTION);
        if (st != JBW_OK)
            return st;
        if ((d->type == SC_INT || d->type == SC_FLAG) && v != floor(v))
            return bad(ps, line, key, value, "not a whole number");
        if (d->type == SC_INT) {
            int32_t iv = (int32_t)v;
            memcpy(field, &iv, sizeof iv);
        } else if (d->type == SC_FLAG) {
            int iv = (int)v;
            memcpy(field, &iv, sizeof iv);
        } else {
            memcpy(field, &v, sizeof v);
        }
    }
    ps->sc->scalar_line[i] = line;
    if (d->offset == SC_FIELD(staff_cost) || d->offset == SC_FIELD(fixed_costs))
        ps->sc->finance_keys = 1;
    return JBW_OK;
}

static jbw_status parse_kind(const parse_state *ps, int *kind, const char *code,
                             size_t line, const char *key, const char *value,
                             int allow_all)
{
    jbw_kind k;
    if (allow_all && (strcmp(code, "ALL") == 0 || strcmp(code, "all") == 0 ||
                      strcmp(code, "*") == 0)) {
        *kind = JBW_SHOCK_ALL_KINDS;
        return JBW_OK;
    }
    if (jbw_kind_from_code(&k, code, (size_t)-1) != JBW_OK) {
        char q[JBW__SHOWN];
        (void)value;
        return jbw__error(JBW_EPARSE,
                          "%s line %zu: %s: not a measure kind%s: '%s'",
                          ps->source, line, key, allow_all ? " or ALL" : "",
                          jbw__quote_value(q, sizeof q, code, strlen(code)));
    }
    *kind = (int)k;
    return JBW_OK;
}

static jbw_status set_kinded(parse_state *ps, size_t i, const char *key,
                             const char *value, size_t line)
{
    const kinded_key *d = &kinded_keys[i];
    const char *code = key + strlen(d->prefix) + 1;
    double *arr = (double *)(void *)((char *)&ps->sc->vals + d->offset);
    jbw_status st;
    int kind = 0;
    double v;
    if ((st = parse_kind(ps, &kind, code, line, key, value, 0)) != JBW_OK)
        return st;
    if (ps->sc->kinded_line[i][kind])
        return refuse_twice(ps, line, key, ps->sc->kinded_line[i][kind]);
    if ((st = parse_number(ps, &v, key, value, line, d->lo, d->hi, 0)) !=
        JBW_OK)
        return st;
    arr[kind] = v;
    ps->sc->kinded_line[i][kind] = line;
    if (d->finance)
        ps->sc->finance_keys = 1;
    return JBW_OK;
}

static jbw_status set_staff(parse_state *ps, const char *key, const char *value,
                            size_t line)
{
    long long tenure;
    double v;
    jbw_status st;
    const char *num = key + strlen("staff.");
    if (jbw__parse_int(&tenure, num, strlen(num)) != 0 || tenure < 0 ||
        tenure >= JBW_TENURE_SLOTS)
        return bad(ps, line, key, value,
                   "the tenure after 'staff.' must "
                   "be a whole number of months 0..36");
    if (ps->sc->staff_line[tenure])
        return refuse_twice(ps, line, key, ps->sc->staff_line[tenure]);
    if ((st = parse_number(ps, &v, key, value, line, 0, FC_MAX_FTE, 0)) !=
        JBW_OK)
        return st;
    ps->sc->vals.staff_fte[tenure] = v;
    ps->sc->staff_line[tenure] = line;
    return JBW_OK;
}

jbw_status jbw__sc_push_shock(jbw_scenario *sc, const jbw_shock *s)
{
    void *arr = sc->shocks;
    if (sc->shock_count >= FC_MAX_SHOCKS)
        return jbw__error(JBW_EPARSE, "scenario: more than %d shocks",
                          FC_MAX_SHOCKS);
    if (jbw__grow(&arr, &sc->shock_cap, sc->shock_count + 1, sizeof *s) != 0)
        return jbw__enomem();
    sc->shocks = arr;
    sc->shocks[sc->shock_count++] = *s;
    return JBW_OK;
}

void jbw__sc_drop_shocks(jbw_scenario *sc, size_t count)
{
    if (count < sc->shock_count)
        sc->shock_count = count;
}

size_t jbw__sc_hire_line(const jbw_scenario *sc, int32_t month, int *from_csv)
{
    *from_csv = sc->hire_csv[month];
    return sc->hire_line[month];
}

jbw_status jbw__sc_push_hire(jbw_scenario *sc, const jbw_hire *h, size_t line,
                             int from_csv)
{
    void *arr = sc->hires;
    if (jbw__grow(&arr, &sc->hire_cap, sc->hire_count + 1, sizeof *h) != 0)
        return jbw__enomem();
    sc->hires = arr;
    sc->hires[sc->hire_count++] = *h;
    sc->hire_line[h->month] = line;
    sc->hire_csv[h->month] = (unsigned char)from_csv;
    return JBW_OK;
}

void jbw__sc_drop_hires(jbw_scenario *sc, size_t count)
{
    while (sc->hire_count > count) {
        int32_t month = sc->hires[--sc->hire_count].month;
        sc->hire_line[month] = 0;
        sc->hire_csv[month] = 0;
    }
}

/* Checks the months and multiplier of a shock read from a file. */
static jbw_status shock_check(const parse_state *ps, const jbw_shock *s,
                              size_t line, const char *key, const char *value)
{
    if (s->month_from < 1 || s->month_to < s->month_from ||
        s->month_to > JBW_FORECAST_MONTHS_MAX)
        return bad(ps, line, key, value,
                   "months must satisfy 1 <= from "
                   "<= to <= 600");
    if (!(s->multiplier >= 0 && s->multiplier <= FC_MAX_MULTIPLIER))
        return bad(ps, line, key, value,
                   "the multiplier must be in "
                   "[0, 1000]");
    return JBW_OK;
}

/* Splits a value into whitespace-separated tokens in place. */
static int split_tokens(char *s, char **tok, int max)
{
    int n = 0;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            *s++ = '\0';
        if (!*s)
            break;
        if (n == max)
            return max + 1;
        tok[n++] = s;
        while (*s && *s != ' ' && *s != '\t')
            s++;
    }
    return n;
}

/* shock.NAME = KIND|ALL from to multiplier */
static jbw_status set_shock(parse_state *ps, const char *key, const char *value,
                            size_t line)
{
    char copy[256];
    char *tok[4];
    long long from, to;
    jbw_shock s;
    size_t idx;
    int inserted, kind = 0;
    jbw_status st;
    const char *name = key + strlen("shock.");
    if (!*name)
        return bad(ps, line, key, value,
                   "the shock needs a name after "
                   "'shock.'");
    snprintf(copy, sizeof copy, "%s", value);
    if (strlen(value) >= sizeof copy || split_tokens(copy, tok, 4) != 4)
        return bad(ps, line, key, value,
                   "expected 'KIND from to "
                   "multiplier', e.g. 'VOTS 3 8 1.5'");
    if ((st = parse_kind(ps, &kind, tok[0], line, key, value, 1)) != JBW_OK)
        return st;
    if (jbw__parse_int(&from, tok[1], strlen(tok[1])) != 0 ||
        jbw__parse_int(&to, tok[2], strlen(tok[2])) != 0 || from < 0 ||
        to < 0 || from > JBW_FORECAST_MONTHS_MAX ||
        to > JBW_FORECAST_MONTHS_MAX)
        return bad(ps, line, key, value,
                   "months must be whole numbers "
                   "1..600");
    s.kind = kind;
    s.month_from = (int32_t)from;
    s.month_to = (int32_t)to;
    if (jbw__parse_double(&s.multiplier, tok[3], strlen(tok[3]), 0) != 0)
        return bad(ps, line, key, value, "the multiplier is not a number");
    if ((st = shock_check(ps, &s, line, key, value)) != JBW_OK)
        return st;
    if ((st = jbw__strmap_intern(&ps->shock_names, name, strlen(name), &idx,
                                 &inserted)) != JBW_OK)
        return st;
    if (!inserted)
        return jbw__error(JBW_EPARSE, "%s line %zu: shock '%s' is given twice",
                          ps->source, line, name);
    return jbw__sc_push_shock(ps->sc, &s);
}

/* hire.MONTH = FTE [ONBOARDING_MONTHS [FRACTION]] */
static jbw_status set_hire(parse_state *ps, const char *key, const char *value,
                           size_t line)
{
    static const jbw_hire init = JBW_HIRE_INIT;
    char copy[256];
    char *tok[3];
    long long month, onboarding;
    jbw_hire h = init;
    size_t first;
    int ntok, from_csv;
    const char *m = key + strlen("hire.");
    if (jbw__parse_int(&month, m, strlen(m)) != 0 || month < 1 ||
        month > JBW_FORECAST_MONTHS_MAX)
        return bad(ps, line, key, value,
                   "the month after 'hire.' must be a whole number "
                   "1..600");
    if ((first = jbw__sc_hire_line(ps->sc, (int32_t)month, &from_csv)) != 0)
        return refuse_twice(ps, line, key, first);
    snprintf(copy, sizeof copy, "%s", value);
    ntok = strlen(value) >= sizeof copy ? 4 : split_tokens(copy, tok, 3);
    if (ntok < 1 || ntok > 3)
        return bad(ps, line, key, value,
                   "expected 'FTE [ONBOARDING_MONTHS FRACTION]', e.g. "
                   "'75 3 0.5'");
    h.month = (int32_t)month;
    if (jbw__parse_double(&h.fte, tok[0], strlen(tok[0]), 0) != 0 ||
        !(h.fte >= 0 && h.fte <= FC_MAX_HIRES))
        return bad(ps, line, key, value,
                   "the FTE must be a number in [0, 100000]");
    if (ntok >= 2) {
        if (jbw__parse_int(&onboarding, tok[1], strlen(tok[1])) != 0 ||
            onboarding < 0 || onboarding > JBW_HIRE_ONBOARDING_MAX)
            return bad(ps, line, key, value,
                       "the onboarding months must be a whole number "
                       "0..36");
        h.onboarding_months = (int32_t)onboarding;
        if (onboarding > 0 && ntok < 3)
            return bad(ps, line, key, value,
                       "onboarding months need the fraction of a "
                       "caseload carried in them, e.g. '75 3 0.5'");
    }
    if (ntok == 3 &&
        (jbw__parse_double(&h.onboarding_fraction, tok[2], strlen(tok[2]), 0) !=
             0 ||
         !(h.onboarding_fraction >= 0 && h.onboarding_fraction <= 1)))
        return bad(ps, line, key, value,
                   "the onboarding fraction must be a number in [0, 1]");
    return jbw__sc_push_hire(ps->sc, &h, line, 0);
}

static int prefixed(const char *key, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(key, prefix, n) == 0 && key[n] == '.';
}

static jbw_status on_key_value(void *user, const char *key, const char *value,
                               size_t line)
{
    parse_state *ps = user;
    size_t i;
    for (i = 0; i < SC_NSCALARS; i++)
        if (strcmp(key, scalar_keys[i].key) == 0)
            return set_scalar(ps, i, key, value, line);
    for (i = 0; i < SC_NKINDEDS; i++)
        if (prefixed(key, kinded_keys[i].prefix))
            return set_kinded(ps, i, key, value, line);
    if (prefixed(key, "staff"))
        return set_staff(ps, key, value, line);
    if (prefixed(key, "shock"))
        return set_shock(ps, key, value, line);
    if (prefixed(key, "hire"))
        return set_hire(ps, key, value, line);
    return jbw__error(JBW_EPARSE, "%s line %zu: unknown key '%s'", ps->source,
                      line, key);
}

void jbw_scenario_free(jbw_scenario *sc)
{
    if (!sc)
        return;
    jbw__free(sc->shocks);
    jbw__free(sc->hires);
    jbw__free(sc);
}

jbw_status jbw_scenario_parse(jbw_scenario **out, const char *text, size_t len,
                              const char *source)
{
    parse_state ps;
    jbw__strmap names = JBW__STRMAP_INIT;
    jbw_status st;
    if (!out || (!text && len))
        return jbw__error(JBW_EINVAL, "jbw_scenario_parse: NULL %s",
                          !out ? "out" : "text");
    ps.sc = jbw__calloc(1, sizeof *ps.sc);
    if (!ps.sc)
        return jbw__enomem();
    jbw_forecast_params_init(&ps.sc->vals, JBW_FORECAST_PARAMS_VERSION);
    ps.source = source ? source : "scenario";
    ps.shock_names = names;
    st = jbw__kv_parse(text ? text : "", len, ps.source, on_key_value, &ps);
    jbw__strmap_free(&ps.shock_names);
    if (st != JBW_OK) {
        jbw_scenario_free(ps.sc);
        return st;
    }
    *out = ps.sc;
    return jbw__ok();
}

jbw_status jbw_scenario_load(jbw_scenario **out, const char *path)
{
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    if (!out || !path)
        return jbw__error(JBW_EINVAL, "jbw_scenario_load: NULL %s",
                          !out ? "out" : "path");
    if ((st = jbw__kv_read(&text, &len, path)) != JBW_OK)
        return st;
    st = jbw_scenario_parse(out, text, len, path);
    jbw_free(text);
    return st;
}

size_t jbw_scenario_shock_count(const jbw_scenario *sc)
{
    return sc ? sc->shock_count : 0;
}

size_t jbw_scenario_hire_count(const jbw_scenario *sc)
{
    return sc ? sc->hire_count : 0;
}

int jbw_scenario_sets_start_state(const jbw_scenario *sc)
{
    size_t i;
    int k;
    if (!sc)
        return 0;
    for (i = 0; i < SC_NKINDEDS; i++) {
        size_t off = kinded_keys[i].offset;
        if (off != SC_FIELD(assigned) && off != SC_FIELD(waiting_nieuw) &&
            off != SC_FIELD(waiting_bestaand))
            continue;
        for (k = 0; k < JBW_KIND_SLOTS; k++)
            if (sc->kinded_line[i][k])
                return 1;
    }
    for (k = 0; k < JBW_TENURE_SLOTS; k++)
        if (sc->staff_line[k])
            return 1;
    return 0;
}

jbw_status jbw_scenario_apply(jbw_forecast_params *given,
                              const jbw_scenario *sc)
{
    jbw_forecast_params full, *params = &full;
    size_t i;
    int k;
    if (!given || !sc)
        return jbw__error(JBW_EINVAL, "jbw_scenario_apply: NULL %s",
                          !given ? "params" : "scenario");
    if (jbw__fc_params_read(&full, given) != JBW_OK)
        return jbw__error_version(given->version, 1,
                                  JBW_FORECAST_PARAMS_VERSION,
                                  "jbw_scenario_apply: params");
    for (i = 0; i < SC_NSCALARS; i++)
        if (sc->scalar_line[i])
            memcpy((char *)params + scalar_keys[i].offset,
                   (const char *)&sc->vals + scalar_keys[i].offset,
                   scalar_keys[i].size);
    for (i = 0; i < SC_NKINDEDS; i++) {
        double *dst =
            (double *)(void *)((char *)params + kinded_keys[i].offset);
        const double *src =
            (const double *)(const void *)((const char *)&sc->vals +
                                           kinded_keys[i].offset);
        for (k = 0; k < JBW_KIND_SLOTS; k++)
            if (sc->kinded_line[i][k])
                dst[k] = src[k];
    }
    for (k = 0; k < JBW_TENURE_SLOTS; k++)
        if (sc->staff_line[k])
            params->staff_fte[k] = sc->vals.staff_fte[k];
    if (sc->finance_keys && !sc->finance_given)
        params->finance = 1;
    if (sc->shock_count) {
        params->shocks = sc->shocks;
        params->shock_count = sc->shock_count;
    }
    if (sc->hire_count) {
        if (given->version < 3)
            return jbw__error(JBW_EVERSION,
                              "jbw_scenario_apply: the scenario has a "
                              "hiring plan, which params version %u cannot "
                              "hold (version 3 can)",
                              given->version);
        params->hiring_plan = sc->hires;
        params->hiring_plan_count = sc->hire_count;
    }
    jbw__fc_params_write(given, &full);
    return jbw__ok();
}
