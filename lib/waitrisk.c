/*
 * libjbw - the waiting-risk model ("schadelijk wachten"): the points
 * model and its file format, scoring (one case and a batch), reasons,
 * ranking, triage of a snapshot and the allocation proposal.
 *
 * The model is a closed checklist (docs/model-card.md): every parameter
 * lives in one table below, which drives the defaults, the model file
 * parser and the writer, so that a key can never exist in one and not
 * the others.
 */
#include "snapshot_internal.h"

#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* The model                                                               */
/* ====================================================================== */

/* Every number of the model. Points first, then thresholds. */
enum {
    WR_P_ACUTE,
    WR_P_SAFETY_UNSAFE,
    WR_P_SAFETY_CONCERNS,
    WR_P_SAFETY_UNKNOWN,
    WR_P_SAFETY_SAFE,
    WR_P_VOTS,
    WR_P_VOORLOPIGE_VOOGDIJ,
    WR_P_OTS_PLACED,
    WR_P_OTS_CRISIS,
    WR_P_OTS,
    WR_P_VOOGDIJ,
    WR_P_TIJDELIJKE_VOOGDIJ,
    WR_P_JR_HIGH,
    WR_P_JR_MEDIUM,
    WR_P_JR_UNKNOWN,
    WR_P_JR_LOW,
    WR_P_TIME_0,
    WR_P_TIME_1,
    WR_P_TIME_2,
    WR_P_TIME_3,
    WR_P_BESTAAND,
    WR_P_AGE_YOUNG,
    WR_P_AGE_MIDDLE,
    WR_P_AGE_OLDER,
    WR_P_AGE_UNKNOWN,
    WR_P_NO_CONTACT_1,
    WR_P_NO_CONTACT_2,
    WR_P_HANDOVERS,
    WR_T_BAND_ACUUT,
    WR_T_BAND_HOOG,
    WR_T_BAND_MIDDEN,
    WR_T_TIME_1,
    WR_T_TIME_2,
    WR_T_TIME_3,
    WR_T_AGE_1,
    WR_T_AGE_2,
    WR_T_NO_CONTACT_1,
    WR_T_NO_CONTACT_2,
    WR_T_HANDOVERS,
    WR_T_CONTACT_ACUUT,
    WR_T_CONTACT_HOOG,
    WR_T_CONTACT_MIDDEN,
    WR_T_CONTACT_LAAG,
    WR_PARAM_COUNT
};

/* Limits that keep every sum far from int overflow and the due-date
 * table of a batch small. */
#define WR_POINTS_MAX 1000
#define WR_WORKDAYS_MAX 10000
#define WR_CONTACT_MAX 250
#define WR_NAME_MAX 100
#define WR_DESCRIPTION_MAX 400
#define WR_VERSION_MAX 1000000

typedef struct wr_param {
    const char *key;
    int def; /* the value in jbw-wachtrisico version 1 */
    int min;
    int max;
    const char *section; /* comment written before the first key of a group */
} wr_param;

static const wr_param wr_params[WR_PARAM_COUNT] = {
    { "points.acute", 100, 1, WR_POINTS_MAX,
      "acute (safety assessed as directe onveiligheid): band acuut plus these points" },
    { "points.safety.unsafe", 30, 0, WR_POINTS_MAX, "safety" },
    { "points.safety.concerns", 15, 0, WR_POINTS_MAX, NULL },
    { "points.safety.unknown", 10, 0, WR_POINTS_MAX, NULL },
    { "points.safety.safe", 0, 0, WR_POINTS_MAX, NULL },
    { "points.measure.vots", 25, 0, WR_POINTS_MAX,
      "measure (the one rule that applies)" },
    { "points.measure.voorlopige_voogdij", 25, 0, WR_POINTS_MAX, NULL },
    { "points.measure.ots_placed", 15, 0, WR_POINTS_MAX, NULL },
    { "points.measure.ots_crisis", 15, 0, WR_POINTS_MAX, NULL },
    { "points.measure.ots", 10, 0, WR_POINTS_MAX, NULL },
    { "points.measure.voogdij", 5, 0, WR_POINTS_MAX, NULL },
    { "points.measure.tijdelijke_voogdij", 5, 0, WR_POINTS_MAX, NULL },
    { "points.measure.jr_high", 15, 0, WR_POINTS_MAX, NULL },
    { "points.measure.jr_medium", 8, 0, WR_POINTS_MAX, NULL },
    { "points.measure.jr_unknown", 5, 0, WR_POINTS_MAX, NULL },
    { "points.measure.jr_low", 0, 0, WR_POINTS_MAX, NULL },
    { "points.time.0_5", 0, 0, WR_POINTS_MAX,
      "time waited in werkdagen; the names follow the default boundaries,\n"
      "# the intervals follow time.boundary1..3 below" },
    { "points.time.6_30", 15, 0, WR_POINTS_MAX, NULL },
    { "points.time.31_65", 25, 0, WR_POINTS_MAX, NULL },
    { "points.time.over_65", 35, 0, WR_POINTS_MAX, NULL },
    { "points.bestaand", 10, 0, WR_POINTS_MAX,
      "bestaand: the child had a jeugdbeschermer who dropped out" },
    { "points.age.under_4", 15, 0, WR_POINTS_MAX,
      "age in whole years; the names follow age.boundary1..2" },
    { "points.age.4_11", 5, 0, WR_POINTS_MAX, NULL },
    { "points.age.12_plus", 0, 0, WR_POINTS_MAX, NULL },
    { "points.age.unknown", 5, 0, WR_POINTS_MAX, NULL },
    { "points.no_contact.over_10", 10, 0, WR_POINTS_MAX,
      "no contact: werkdagen since the last contact (or the wait start);\n"
      "# the names follow no_contact.threshold1..2" },
    { "points.no_contact.over_20", 20, 0, WR_POINTS_MAX, NULL },
    { "points.handovers", 5, 0, WR_POINTS_MAX,
      "handovers: handovers.min or more earlier workers" },
    { "band.acuut.min", 80, 1, WR_POINTS_MAX * 10, "bands: minimum points" },
    { "band.hoog.min", 50, 1, WR_POINTS_MAX * 10, NULL },
    { "band.midden.min", 25, 1, WR_POINTS_MAX * 10, NULL },
    { "time.boundary1", 5, 0, WR_WORKDAYS_MAX,
      "time waited: werkdagen <= boundary1, <= boundary2, <= boundary3, more" },
    { "time.boundary2", 30, 0, WR_WORKDAYS_MAX, NULL },
    { "time.boundary3", 65, 0, WR_WORKDAYS_MAX, NULL },
    { "age.boundary1", 4, 1, 150, "age: younger than boundary1, younger than boundary2, older" },
    { "age.boundary2", 12, 1, 150, NULL },
    { "no_contact.threshold1", 10, 0, WR_WORKDAYS_MAX,
      "no contact: more than threshold1, more than threshold2 werkdagen" },
    { "no_contact.threshold2", 20, 0, WR_WORKDAYS_MAX, NULL },
    { "handovers.min", 3, 1, 100, "handovers: earlier workers at least" },
    { "contact.acuut", 1, 1, WR_CONTACT_MAX, "contact interval per band in werkdagen" },
    { "contact.hoog", 5, 1, WR_CONTACT_MAX, NULL },
    { "contact.midden", 10, 1, WR_CONTACT_MAX, NULL },
    { "contact.laag", 20, 1, WR_CONTACT_MAX, NULL },
};

#define WR_DEFAULT_NAME "jbw-wachtrisico"
#define WR_DEFAULT_VERSION 1

/* Number of measure-rule cells: kind x placement x jr_risk. */
#define WR_PLACEMENTS 3
#define WR_JR_RISKS 4
#define WR_MEASURE_CELLS (JBW_KIND_COUNT * WR_PLACEMENTS * WR_JR_RISKS)

struct jbw_waitrisk_model {
    char name[WR_NAME_MAX + 1];
    char description[WR_DESCRIPTION_MAX + 1];
    int version;
    int v[WR_PARAM_COUNT];
    /* Derived when the model is made, so that scoring is table lookups:
     * the safety points per jbw_safety, the measure points per cell, and
     * the contact interval per band. */
    int safety_points[5];
    int measure_points[WR_MEASURE_CELLS];
    int contact[4];
};

/* Which parameter scores a measure: the single rule that applies. */
static int wr_measure_param(jbw_kind kind, jbw_placement placement,
                            jbw_jr_risk risk)
{
    switch (kind) {
    case JBW_KIND_VOTS: return WR_P_VOTS;
    case JBW_KIND_VOORLOPIGE_VOOGDIJ: return WR_P_VOORLOPIGE_VOOGDIJ;
    case JBW_KIND_OTS:
        if (placement == JBW_PLACEMENT_PLACED)
            return WR_P_OTS_PLACED;
        if (placement == JBW_PLACEMENT_CRISIS)
            return WR_P_OTS_CRISIS;
        return WR_P_OTS;
    case JBW_KIND_VOOGDIJ: return WR_P_VOOGDIJ;
    case JBW_KIND_TIJDELIJKE_VOOGDIJ: return WR_P_TIJDELIJKE_VOOGDIJ;
    default:
        /* every other kind is jeugdreclassering: scored by its risk level */
        switch (risk) {
        case JBW_JR_RISK_HIGH: return WR_P_JR_HIGH;
        case JBW_JR_RISK_MEDIUM: return WR_P_JR_MEDIUM;
        case JBW_JR_RISK_LOW: return WR_P_JR_LOW;
        default: return WR_P_JR_UNKNOWN;
        }
    }
}

static size_t wr_measure_cell(int kind, int placement, int risk)
{
    return ((size_t)kind * WR_PLACEMENTS + (size_t)placement) * WR_JR_RISKS +
           (size_t)risk;
}

static void wr_model_derive(jbw_waitrisk_model *m)
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
                m->measure_points[wr_measure_cell(k, p, r)] =
                    m->v[wr_measure_param((jbw_kind)k, (jbw_placement)p,
                                          (jbw_jr_risk)r)];
    m->contact[JBW_BAND_LAAG] = m->v[WR_T_CONTACT_LAAG];
    m->contact[JBW_BAND_MIDDEN] = m->v[WR_T_CONTACT_MIDDEN];
    m->contact[JBW_BAND_HOOG] = m->v[WR_T_CONTACT_HOOG];
    m->contact[JBW_BAND_ACUUT] = m->v[WR_T_CONTACT_ACUUT];
}

static void wr_model_set_default(jbw_waitrisk_model *m)
{
    size_t i;
    memset(m, 0, sizeof *m);
    strcpy(m->name, WR_DEFAULT_NAME);
    m->version = WR_DEFAULT_VERSION;
    for (i = 0; i < (size_t)WR_PARAM_COUNT; i++)
        m->v[i] = wr_params[i].def;
    wr_model_derive(m);
}

jbw_status jbw_waitrisk_model_new_default(jbw_waitrisk_model **out)
{
    jbw_waitrisk_model *m;
    if (!out)
        return jbw__error(JBW_EINVAL,
                          "jbw_waitrisk_model_new_default: out is NULL");
    m = (jbw_waitrisk_model *)jbw__malloc(sizeof *m);
    if (!m)
        return jbw__enomem();
    wr_model_set_default(m);
    *out = m;
    return jbw__ok();
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
    return model ? (size_t)WR_PARAM_COUNT : 0;
}

jbw_status jbw_waitrisk_model_param(const char **key, int *value,
                                    const jbw_waitrisk_model *model,
                                    size_t index)
{
    if (!model)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_model_param: model is NULL");
    if (index >= (size_t)WR_PARAM_COUNT)
        return jbw__error(JBW_ERANGE,
                          "jbw_waitrisk_model_param: parameter %zu of %d",
                          index, WR_PARAM_COUNT);
    if (key)
        *key = wr_params[index].key;
    if (value)
        *value = model->v[index];
    return jbw__ok();
}

jbw_status jbw_waitrisk_model_get(int *value, const jbw_waitrisk_model *model,
                                  const char *key)
{
    size_t i;
    if (!value || !model || !key)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_model_get: %s is NULL",
                          !value ? "value" : !model ? "model" : "key");
    for (i = 0; i < (size_t)WR_PARAM_COUNT; i++)
        if (strcmp(wr_params[i].key, key) == 0) {
            *value = model->v[i];
            return jbw__ok();
        }
    return jbw__error(JBW_ENOTFOUND,
                      "jbw_waitrisk_model_get: '%.60s' is not a parameter "
                      "of the model (docs/model-card.md lists them)", key);
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

/* ---- protected attributes -------------------------------------------- */

/*
 * Words that name a protected attribute. They are matched against a line
 * with case folded and everything but letters and digits removed, so
 * "country_of_birth", "Country-Of-Birth" and "countryofbirth" all match.
 */
static const char *const wr_protected_stems[] = {
    "nationalit",     /* nationality, nationaliteit */
    "ethnic",         /* ethnicity, ethnic_group */
    "etnici",         /* etniciteit */
    "etnisch",
    "religi",         /* religion, religie, religious */
    "geloof",
    "countryofbirth",
    "birthcountry",
    "geboorteland",
    "landvangeboorte",
    "migrat",         /* migration, migratie, migratieachtergrond */
    "migrant",
    "afkomst",
    "herkomst",
    "racial",
    "huidskleur",
    "skincolo",
};

/* Short words that are protected only as a whole segment ("points.ras"),
 * never inside another word ("trace", "grass"). */
static const char *const wr_protected_words[] = { "race", "races", "ras" };

static int wr_is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

static char wr_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static int wr_is_word_char(char c)
{
    return wr_is_alnum(c) || c == '_' || c == '-';
}

/* Quotes the word(s) of line[from..to] widened to whole words. */
static void wr_quote_span(char *q, size_t qsize, const char *line, size_t n,
                          size_t from, size_t to)
{
    size_t len;
    while (from > 0 && wr_is_word_char(line[from - 1]))
        from--;
    while (to + 1 < n && wr_is_word_char(line[to + 1]))
        to++;
    len = to - from + 1;
    if (len >= qsize)
        len = qsize - 1;
    memcpy(q, line + from, len);
    q[len] = '\0';
}

/* Looks for a protected stem in one line (without its comment). Returns 1
 * and the quoted word when found. */
static int wr_line_protected(char *q, size_t qsize, const char *line, size_t n)
{
    char norm[1200];
    size_t pos[1200];
    size_t i, k = 0, s, seg;
    for (i = 0; i < n && k < sizeof norm - 1; i++) {
        if (wr_is_alnum(line[i])) {
            norm[k] = wr_lower(line[i]);
            pos[k++] = i;
        }
    }
    norm[k] = '\0';
    for (s = 0; s < sizeof wr_protected_stems / sizeof *wr_protected_stems;
         s++) {
        const char *hit = strstr(norm, wr_protected_stems[s]);
        if (hit) {
            size_t at = (size_t)(hit - norm);
            size_t end = at + strlen(wr_protected_stems[s]) - 1;
            wr_quote_span(q, qsize, line, n, pos[at], pos[end]);
            return 1;
        }
    }
    /* whole alphanumeric segments */
    for (i = 0; i < n;) {
        size_t start;
        if (!wr_is_alnum(line[i])) {
            i++;
            continue;
        }
        start = i;
        while (i < n && wr_is_alnum(line[i]))
            i++;
        for (seg = 0;
             seg < sizeof wr_protected_words / sizeof *wr_protected_words;
             seg++) {
            const char *w = wr_protected_words[seg];
            size_t wl = strlen(w), j;
            if (wl != i - start)
                continue;
            for (j = 0; j < wl && wr_lower(line[start + j]) == w[j]; j++)
                ;
            if (j == wl) {
                wr_quote_span(q, qsize, line, n, start, i - 1);
                return 1;
            }
        }
    }
    return 0;
}

/*
 * Refuses a model text that names a protected attribute anywhere in a key
 * or a value. It runs over the whole text before anything else is parsed,
 * so the refusal can never hide behind another error. Comments ('#' to the
 * end of the line) may say anything.
 */
static jbw_status wr_check_protected(const char *text, size_t len,
                                     const char *source)
{
    size_t pos = 0, line = 0;
    while (pos < len) {
        size_t start = pos, end, n;
        char q[64];
        line++;
        while (pos < len && text[pos] != '\n')
            pos++;
        end = pos;
        if (pos < len)
            pos++;
        n = end - start;
        {
            const char *hash = (const char *)memchr(text + start, '#', n);
            if (hash)
                n = (size_t)(hash - (text + start));
        }
        if (wr_line_protected(q, sizeof q, text + start, n))
            return jbw__error(JBW_EPROTECTED,
                              "%s line %lu: '%s' is a protected attribute "
                              "and can never be a model input",
                              source, (unsigned long)line, q);
    }
    return JBW_OK;
}

/* ---- parsing --------------------------------------------------------- */

typedef struct wr_parse {
    jbw_waitrisk_model *m;
    const char *source;
    size_t line_of[WR_PARAM_COUNT]; /* 0: not in the file */
    size_t name_line, version_line, description_line;
} wr_parse;

static jbw_status wr_twice(const wr_parse *p, const char *key, size_t line,
                           size_t first)
{
    return jbw__error(JBW_EPARSE, "%s line %lu: '%s' is given twice (first on "
                                  "line %lu)",
                      p->source, (unsigned long)line, key,
                      (unsigned long)first);
}

static jbw_status wr_text_value(char *dst, size_t cap, const wr_parse *p,
                                const char *key, const char *value,
                                size_t line)
{
    size_t n = strlen(value), i;
    if (n == 0)
        return jbw__error(JBW_EPARSE, "%s line %lu: '%s' is empty", p->source,
                          (unsigned long)line, key);
    if (n > cap)
        return jbw__error(JBW_EPARSE,
                          "%s line %lu: '%s' is longer than %lu bytes",
                          p->source, (unsigned long)line, key,
                          (unsigned long)cap);
    for (i = 0; i < n; i++)
        if ((unsigned char)value[i] < 0x20 || value[i] == 0x7f)
            return jbw__error(JBW_EPARSE,
                              "%s line %lu: '%s' holds a control character",
                              p->source, (unsigned long)line, key);
    memcpy(dst, value, n + 1);
    return JBW_OK;
}

static jbw_status wr_int_value(long long *out, const wr_parse *p,
                               const char *key, const char *value,
                               size_t line, long long min, long long max)
{
    long long v;
    if (jbw__parse_int(&v, value, strlen(value)) != 0)
        return jbw__error(JBW_EPARSE,
                          "%s line %lu: '%s' = '%.40s' is not a whole number",
                          p->source, (unsigned long)line, key, value);
    if (v < 0 && min >= 0)
        return jbw__error(JBW_EPARSE,
                          "%s line %lu: '%s' = %lld must not be negative",
                          p->source, (unsigned long)line, key, v);
    if (v < min || v > max)
        return jbw__error(JBW_EPARSE,
                          "%s line %lu: '%s' = %lld is outside %lld..%lld",
                          p->source, (unsigned long)line, key, v, min, max);
    *out = v;
    return JBW_OK;
}

static jbw_status wr_parse_pair(void *user, const char *key,
                                const char *value, size_t line)
{
    wr_parse *p = (wr_parse *)user;
    long long v;
    jbw_status st;
    size_t i;
    if (strcmp(key, "name") == 0) {
        if (p->name_line)
            return wr_twice(p, key, line, p->name_line);
        p->name_line = line;
        return wr_text_value(p->m->name, WR_NAME_MAX, p, key, value, line);
    }
    if (strcmp(key, "description") == 0) {
        if (p->description_line)
            return wr_twice(p, key, line, p->description_line);
        p->description_line = line;
        return wr_text_value(p->m->description, WR_DESCRIPTION_MAX, p, key,
                             value, line);
    }
    if (strcmp(key, "version") == 0) {
        if (p->version_line)
            return wr_twice(p, key, line, p->version_line);
        p->version_line = line;
        st = wr_int_value(&v, p, key, value, line, 1, WR_VERSION_MAX);
        if (st == JBW_OK)
            p->m->version = (int)v;
        return st;
    }
    for (i = 0; i < WR_PARAM_COUNT; i++) {
        if (strcmp(key, wr_params[i].key) != 0)
            continue;
        if (p->line_of[i])
            return wr_twice(p, key, line, p->line_of[i]);
        p->line_of[i] = line;
        st = wr_int_value(&v, p, key, value, line, wr_params[i].min,
                          wr_params[i].max);
        if (st == JBW_OK)
            p->m->v[i] = (int)v;
        return st;
    }
    return jbw__error(JBW_EPARSE,
                      "%s line %lu: unknown key '%s' (a model file can change "
                      "points and thresholds, never add inputs; see "
                      "docs/model-card.md)",
                      p->source, (unsigned long)line, key);
}

/* The line to blame for a value: where the file set it, else the last of
 * the pair that it did set. */
static size_t wr_blame(const wr_parse *p, int a, int b)
{
    return p->line_of[a] ? p->line_of[a] : p->line_of[b];
}

/* Checks that lo < hi for a pair of thresholds. */
static jbw_status wr_check_order(const wr_parse *p, int lo, int hi)
{
    const int *v = p->m->v;
    if (v[lo] < v[hi])
        return JBW_OK;
    return jbw__error(JBW_EPARSE,
                      "%s line %lu: %s (%d) must be below %s (%d)", p->source,
                      (unsigned long)wr_blame(p, hi, lo), wr_params[lo].key,
                      v[lo], wr_params[hi].key, v[hi]);
}

static jbw_status wr_check_not_above(const wr_parse *p, int lo, int hi)
{
    const int *v = p->m->v;
    if (v[lo] <= v[hi])
        return JBW_OK;
    return jbw__error(JBW_EPARSE,
                      "%s line %lu: %s (%d) must not be above %s (%d): a "
                      "higher band is never contacted less often",
                      p->source, (unsigned long)wr_blame(p, lo, hi),
                      wr_params[lo].key, v[lo], wr_params[hi].key, v[hi]);
}

static jbw_status wr_check_model(const wr_parse *p)
{
    static const int order[][2] = {
        { WR_T_BAND_MIDDEN, WR_T_BAND_HOOG },
        { WR_T_BAND_HOOG, WR_T_BAND_ACUUT },
        { WR_T_TIME_1, WR_T_TIME_2 },
        { WR_T_TIME_2, WR_T_TIME_3 },
        { WR_T_AGE_1, WR_T_AGE_2 },
        { WR_T_NO_CONTACT_1, WR_T_NO_CONTACT_2 },
    };
    static const int contact[][2] = {
        { WR_T_CONTACT_ACUUT, WR_T_CONTACT_HOOG },
        { WR_T_CONTACT_HOOG, WR_T_CONTACT_MIDDEN },
        { WR_T_CONTACT_MIDDEN, WR_T_CONTACT_LAAG },
    };
    const jbw_waitrisk_model *m = p->m;
    jbw_status st;
    size_t i;
    if (!p->name_line)
        return jbw__error(JBW_EPARSE,
                          "%s: the model file must set 'name' (a changed "
                          "model needs its own name)",
                          p->source);
    if (!p->version_line)
        return jbw__error(JBW_EPARSE, "%s: the model file must set 'version'",
                          p->source);
    for (i = 0; i < sizeof order / sizeof *order; i++)
        if ((st = wr_check_order(p, order[i][0], order[i][1])) != JBW_OK)
            return st;
    for (i = 0; i < sizeof contact / sizeof *contact; i++)
        if ((st = wr_check_not_above(p, contact[i][0], contact[i][1])) !=
            JBW_OK)
            return st;
    /* A file may restate the default, never change it under its name. */
    if (strcmp(m->name, WR_DEFAULT_NAME) == 0 &&
        m->version == WR_DEFAULT_VERSION) {
        for (i = 0; i < (size_t)WR_PARAM_COUNT; i++)
            if (m->v[i] != wr_params[i].def)
                return jbw__error(
                    JBW_EPARSE,
                    "%s line %lu: '%s' = %d differs from the default model "
                    "%s version %d, but the file carries that name and "
                    "version; give a changed model its own name or version",
                    p->source, (unsigned long)p->line_of[i], wr_params[i].key,
                    m->v[i], WR_DEFAULT_NAME, WR_DEFAULT_VERSION);
    }
    return JBW_OK;
}

jbw_status jbw_waitrisk_model_parse(jbw_waitrisk_model **out,
                                    const char *text, size_t len,
                                    const char *source)
{
    jbw_waitrisk_model *m;
    wr_parse p;
    jbw_status st;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_model_parse: out is NULL");
    if (!text && len)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_model_parse: text is NULL");
    if (!source)
        source = "(model)";
    if (!text)
        text = "";
    st = wr_check_protected(text, len, source);
    if (st != JBW_OK)
        return st;
    m = (jbw_waitrisk_model *)jbw__malloc(sizeof *m);
    if (!m)
        return jbw__enomem();
    wr_model_set_default(m);
    m->name[0] = '\0';
    memset(&p, 0, sizeof p);
    p.m = m;
    p.source = source;
    st = jbw__kv_parse(text, len, source, wr_parse_pair, &p);
    if (st == JBW_OK)
        st = wr_check_model(&p);
    if (st != JBW_OK) {
        jbw__free(m);
        return st;
    }
    wr_model_derive(m);
    *out = m;
    return jbw__ok();
}

jbw_status jbw_waitrisk_model_load(jbw_waitrisk_model **out, const char *path)
{
    char *text = NULL;
    size_t len = 0;
    jbw_status st;
    if (!out || !path)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_model_load: %s is NULL",
                          out ? "path" : "out");
    st = jbw_read_file(&text, &len, path);
    if (st != JBW_OK)
        return st;
    st = jbw_waitrisk_model_parse(out, text, len, path);
    jbw_free(text);
    return st;
}

jbw_status jbw_waitrisk_model_save(char **out, size_t *len,
                                   const jbw_waitrisk_model *model)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    jbw_status st;
    if (!out || !model)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_model_save: %s is NULL",
                          out ? "model" : "out");
    jbw__buf_puts(&b, "# libjbw waiting-risk model (docs/model-card.md)\n");
    jbw__buf_printf(&b, "name = %s\nversion = %d\n", model->name,
                    model->version);
    if (model->description[0])
        jbw__buf_printf(&b, "description = %s\n", model->description);
    for (i = 0; i < WR_PARAM_COUNT; i++) {
        if (wr_params[i].section)
            jbw__buf_printf(&b, "\n# %s\n", wr_params[i].section);
        jbw__buf_printf(&b, "%s = %d\n", wr_params[i].key, model->v[i]);
    }
    st = jbw__buf_finish(&b, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}

/* ====================================================================== */
/* Codes                                                                   */
/* ====================================================================== */

const char *jbw_band_code(jbw_band band)
{
    switch (band) {
    case JBW_BAND_LAAG: return "laag";
    case JBW_BAND_MIDDEN: return "midden";
    case JBW_BAND_HOOG: return "hoog";
    case JBW_BAND_ACUUT: return "acuut";
    default: return NULL;
    }
}

const char *jbw_item_code(jbw_item item)
{
    switch (item) {
    case JBW_ITEM_ACUTE: return "acute";
    case JBW_ITEM_SAFETY: return "safety";
    case JBW_ITEM_MEASURE: return "measure";
    case JBW_ITEM_TIME_WAITED: return "time_waited";
    case JBW_ITEM_BESTAAND: return "bestaand";
    case JBW_ITEM_AGE: return "age";
    case JBW_ITEM_NO_CONTACT: return "no_contact";
    case JBW_ITEM_HANDOVERS: return "handovers";
    default: return NULL;
    }
}

jbw_status jbw_wait_case_init(jbw_wait_case *c, unsigned int version)
{
    static const jbw_wait_case init = JBW_WAIT_CASE_INIT;
    if (!c)
        return jbw__error(JBW_EINVAL, "jbw_wait_case_init: c is NULL");
    if (version != JBW_WAIT_CASE_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_wait_case_init: version %u is not supported "
                          "(this library knows version %d)",
                          version, JBW_WAIT_CASE_VERSION);
    *c = init;
    return jbw__ok();
}

/* ====================================================================== */
/* Scoring                                                                 */
/* ====================================================================== */

/* Per-batch tables reach this many calendar days back from the date
 * (about three years); older dates take the exact per-case path. */
#define WR_BACK_DAYS 1100
/* The oldest whole age two dates of the range can be apart. */
#define WR_AGE_MAX (JBW_YEAR_MAX - JBW_YEAR_MIN)
/* Batches this small compute per case instead of filling the tables. */
#define WR_TABLES_MIN 64

/*
 * What a batch looks up instead of computing per case, all relative to
 * the one date it scores on.
 */
typedef struct wr_tables {
    /* `date` plus j werkdagen; JBW_DATE_NONE past 2199 */
    jbw_date due[WR_CONTACT_MAX + 1];
    /* werkdagen from `date` - j to `date`, for j <= back */
    int32_t workdays[WR_BACK_DAYS + 1];
    uint32_t back;
    /* age_days[k]: the fewest days between birth and `date` that make
     * a person k whole years old on `date` */
    int32_t age_days[WR_AGE_MAX + 2];
} wr_tables;

/* What stays the same for every case scored on one date. */
typedef struct wr_ctx {
    const jbw_waitrisk_model *m;
    const jbw_calendar *cal;
    jbw_date date;
    uint32_t first; /* 1900-01-01, as unsigned for one-compare range tests */
    uint32_t span;  /* days from 1900-01-01 to 2199-12-31 */
    int year;       /* of `date` */
    int month;
    int day;
    const wr_tables *t; /* NULL: compute per case */
} wr_ctx;

static jbw_status wr_ctx_init(wr_ctx *x, const jbw_waitrisk_model *m,
                              const jbw_calendar *cal, jbw_date date,
                              const char *fn)
{
    if (!jbw__date_in_range(date)) {
        if (date == JBW_DATE_NONE)
            return jbw__error(JBW_ERANGE, "%s: the date is JBW_DATE_NONE",
                              fn);
        return jbw__error(JBW_ERANGE,
                          "%s: the date (day %ld) is outside "
                          "1900-01-01..2199-12-31",
                          fn, (long)date);
    }
    x->m = m;
    x->cal = cal;
    x->date = date;
    x->first = (uint32_t)jbw__days_from_civil(JBW_YEAR_MIN, 1, 1);
    x->span = (uint32_t)jbw__days_from_civil(JBW_YEAR_MAX, 12, 31) - x->first;
    jbw__civil_from_days(date, &x->year, &x->month, &x->day);
    x->t = NULL;
    return JBW_OK;
}

/* 1 when d lies in 1900-01-01..2199-12-31 (JBW_DATE_NONE does not). */
static int wr_in_range(const wr_ctx *x, jbw_date d)
{
    return (uint32_t)d - x->first <= x->span;
}

static int wr_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/*
 * Fills the tables of a batch. The latest birth date that makes someone
 * k years old on the date is the same month and day k years earlier; for
 * a date on 29 February in a year k years back without one it is
 * 28 February (born 29 February: a year older on 1 March).
 */
static void wr_tables_fill(wr_tables *t, wr_ctx *x)
{
    uint32_t j, back = (uint32_t)x->date - x->first;
    int k;
    t->due[0] = x->date;
    for (j = 1; j <= WR_CONTACT_MAX; j++)
        if (jbw_calendar_add_workdays(&t->due[j], x->cal, x->date,
                                      (int32_t)j) != JBW_OK)
            t->due[j] = JBW_DATE_NONE;
    t->back = back < WR_BACK_DAYS ? back : WR_BACK_DAYS;
    t->workdays[0] = 0;
    for (j = 1; j <= t->back; j++) {
        if (jbw_calendar_workdays_between(&t->workdays[j], x->cal,
                                          x->date - (jbw_date)j,
                                          x->date) != JBW_OK) {
            t->back = j - 1; /* the per-case path takes over */
            break;
        }
    }
    for (k = 0; k <= WR_AGE_MAX + 1; k++) {
        int y = x->year - k;
        int d = x->month == 2 && x->day == 29 && !wr_is_leap(y) ? 28 : x->day;
        t->age_days[k] = x->date - jbw__days_from_civil(y, x->month, d);
    }
    x->t = t;
}

/* Werkdagen from `from` (not after the date) to the date. */
static jbw_status wr_workdays(int32_t *out, const wr_ctx *x, jbw_date from)
{
    uint32_t back = (uint32_t)x->date - (uint32_t)from;
    if (x->t && back <= x->t->back) {
        *out = x->t->workdays[back];
        return JBW_OK;
    }
    return jbw_calendar_workdays_between(out, x->cal, from, x->date);
}

/* Whole years from birth (not after the date) to the date: a year is
 * complete on the birthday; born 29 February, on 1 March in a common
 * year, which the month-day comparison gives by itself. */
static int32_t wr_age(const wr_ctx *x, jbw_date birth)
{
    int y, m, d;
    if (x->t) {
        const int32_t *ad = x->t->age_days;
        int32_t days = x->date - birth;
        /* days / 365.2425, then the exact step */
        int32_t k = (int32_t)(((int64_t)days * 2871) >> 20);
        if (k > WR_AGE_MAX)
            k = WR_AGE_MAX;
        while (k > 0 && ad[k] > days)
            k--;
        while (k < WR_AGE_MAX && ad[k + 1] <= days)
            k++;
        return k;
    }
    jbw__civil_from_days(birth, &y, &m, &d);
    return (int32_t)(x->year - y - (x->month * 32 + x->day < m * 32 + d));
}

/* Quick test of everything scoring needs; the explanation of a failure
 * is in wr_case_error(). Dates compare as integers: JBW_DATE_NONE is
 * INT32_MIN, below every date of the range. */
static int wr_case_ok(const jbw_wait_case *c, const wr_ctx *x)
{
    jbw_date ws = c->waiting_since, b = c->birth_date, lc = c->last_contact;
    if (c->version != JBW_WAIT_CASE_VERSION ||
        (unsigned)c->kind >= (unsigned)JBW_KIND_COUNT ||
        (unsigned)c->safety > (unsigned)JBW_SAFETY_ACUTE ||
        (unsigned)c->placement > (unsigned)JBW_PLACEMENT_CRISIS ||
        (unsigned)c->jr_risk > (unsigned)JBW_JR_RISK_HIGH ||
        c->previous_workers < 0)
        return 0;
    if (!wr_in_range(x, ws) || ws > x->date)
        return 0;
    if (b != JBW_DATE_NONE && (!wr_in_range(x, b) || b > ws))
        return 0;
    if (lc != JBW_DATE_NONE && (!wr_in_range(x, lc) || lc > x->date || lc < b))
        return 0;
    return 1;
}

static void wr_fmt_date(char *buf, jbw_date d)
{
    if (jbw_date_format(buf, JBW_DATE_BUFSIZE, d) != JBW_OK)
        snprintf(buf, JBW_DATE_BUFSIZE, "%s",
                 d == JBW_DATE_NONE ? "none" : "?");
}

/* Names a case in a message: "cases[3] (id 'M-1')" or "wait case 'M-1'". */
static void wr_case_name(char *buf, size_t size, const jbw_wait_case *c,
                         size_t index)
{
    const char *id = c->id ? c->id : "(no id)";
    if (index == (size_t)-1)
        snprintf(buf, size, "wait case '%.60s'", id);
    else
        snprintf(buf, size, "cases[%lu] (id '%.60s')", (unsigned long)index,
                 id);
}

/* A date field that must lie in the library's range. */
static jbw_status wr_range_field(const char *who, const char *field,
                                 jbw_date d)
{
    return jbw__error(JBW_ERANGE,
                      "%s: field '%s' (day %ld) is outside "
                      "1900-01-01..2199-12-31",
                      who, field, (long)d);
}

/* Explains why wr_case_ok() refused a case. */
static jbw_status wr_case_error(const jbw_wait_case *c, const wr_ctx *x,
                                size_t index)
{
    char who[128], a[JBW_DATE_BUFSIZE], b[JBW_DATE_BUFSIZE];
    jbw_date ws = c->waiting_since, bd = c->birth_date, lc = c->last_contact;
    if (c->version != JBW_WAIT_CASE_VERSION) {
        /* other fields of an unknown version cannot be trusted */
        if (index == (size_t)-1)
            return jbw__error(JBW_EVERSION,
                              "wait case version %u is not supported (this "
                              "library knows version %d)",
                              c->version, JBW_WAIT_CASE_VERSION);
        return jbw__error(JBW_EVERSION,
                          "cases[%lu]: wait case version %u is not supported "
                          "(this library knows version %d)",
                          (unsigned long)index, c->version,
                          JBW_WAIT_CASE_VERSION);
    }
    wr_case_name(who, sizeof who, c, index);
    if ((unsigned)c->kind >= (unsigned)JBW_KIND_COUNT)
        return jbw__error(JBW_EINVAL, "%s: field 'kind': %d is not a measure "
                                      "kind (0..%d)",
                          who, (int)c->kind, JBW_KIND_COUNT - 1);
    if ((unsigned)c->safety > (unsigned)JBW_SAFETY_ACUTE)
        return jbw__error(JBW_EINVAL, "%s: field 'safety': %d is not a safety "
                                      "level (0..4)",
                          who, (int)c->safety);
    if ((unsigned)c->placement > (unsigned)JBW_PLACEMENT_CRISIS)
        return jbw__error(JBW_EINVAL, "%s: field 'placement': %d is not a "
                                      "placement (0..2)",
                          who, (int)c->placement);
    if ((unsigned)c->jr_risk > (unsigned)JBW_JR_RISK_HIGH)
        return jbw__error(JBW_EINVAL, "%s: field 'jr_risk': %d is not a risk "
                                      "level (0..3)",
                          who, (int)c->jr_risk);
    if (c->previous_workers < 0)
        return jbw__error(JBW_EINVAL, "%s: field 'previous_workers': %d is "
                                      "negative",
                          who, c->previous_workers);
    wr_fmt_date(b, x->date);
    if (ws == JBW_DATE_NONE)
        return jbw__error(JBW_EINVAL, "%s: field 'waiting_since' is required",
                          who);
    if (!jbw__date_in_range(ws))
        return wr_range_field(who, "waiting_since", ws);
    wr_fmt_date(a, ws);
    if (ws > x->date)
        return jbw__error(JBW_EINVAL, "%s: field 'waiting_since' (%s) is "
                                      "after the date %s",
                          who, a, b);
    if (bd != JBW_DATE_NONE) {
        if (!jbw__date_in_range(bd))
            return wr_range_field(who, "birth_date", bd);
        wr_fmt_date(b, bd);
        if (bd > ws)
            return jbw__error(JBW_EINVAL, "%s: field 'birth_date' (%s) is "
                                          "after waiting_since (%s)",
                              who, b, a);
    }
    if (lc != JBW_DATE_NONE) {
        if (!jbw__date_in_range(lc))
            return wr_range_field(who, "last_contact", lc);
        wr_fmt_date(a, lc);
        wr_fmt_date(b, x->date);
        if (lc > x->date)
            return jbw__error(JBW_EINVAL, "%s: field 'last_contact' (%s) is "
                                          "after the date %s",
                              who, a, b);
        wr_fmt_date(b, bd);
        return jbw__error(JBW_EINVAL, "%s: field 'last_contact' (%s) is "
                                      "before birth_date (%s)",
                          who, a, b);
    }
    return jbw__error(JBW_EINVAL, "%s: invalid", who);
}

/*
 * The next contact: `interval` werkdagen after the last contact (or the
 * wait start), never before the date itself (an overdue contact is due
 * now). An acuut case that has had no contact since the wait began is due
 * on the date itself: the noodoplossing is the same working day.
 */
static jbw_status wr_next_due(jbw_date *due, const wr_ctx *x,
                              const jbw_wait_case *c, int32_t no_contact,
                              jbw_band band)
{
    int32_t ahead = (int32_t)x->m->contact[band] - no_contact;
    if (ahead <= 0 ||
        (band == JBW_BAND_ACUUT && c->last_contact == JBW_DATE_NONE)) {
        *due = x->date;
        return JBW_OK;
    }
    /* due - date = interval - (werkdagen already passed since the base) */
    if (x->t && x->t->due[ahead] != JBW_DATE_NONE) {
        *due = x->t->due[ahead];
        return JBW_OK;
    }
    return jbw_calendar_add_workdays(due, x->cal, x->date, ahead);
}

/*
 * The points of the stepped items. Written as sums of comparisons rather
 * than branches: on a mixed waiting list the branches would be guessed
 * wrong half the time, and batch scoring is the hot path.
 */
static int wr_time_points(const int *v, int32_t w)
{
    return v[WR_P_TIME_0] + (w > v[WR_T_TIME_1]) * (v[WR_P_TIME_1] - v[WR_P_TIME_0]) +
           (w > v[WR_T_TIME_2]) * (v[WR_P_TIME_2] - v[WR_P_TIME_1]) +
           (w > v[WR_T_TIME_3]) * (v[WR_P_TIME_3] - v[WR_P_TIME_2]);
}

static int wr_age_points(const int *v, int32_t age)
{
    int known = v[WR_P_AGE_OLDER] +
                (age < v[WR_T_AGE_2]) * (v[WR_P_AGE_MIDDLE] - v[WR_P_AGE_OLDER]) +
                (age < v[WR_T_AGE_1]) * (v[WR_P_AGE_YOUNG] - v[WR_P_AGE_MIDDLE]);
    return age < 0 ? v[WR_P_AGE_UNKNOWN] : known;
}

static int wr_no_contact_points(const int *v, int32_t n)
{
    return (n > v[WR_T_NO_CONTACT_1]) * v[WR_P_NO_CONTACT_1] +
           (n > v[WR_T_NO_CONTACT_2]) *
               (v[WR_P_NO_CONTACT_2] - v[WR_P_NO_CONTACT_1]);
}

/* Scores a case that passed wr_case_ok(). */
static jbw_status wr_score_case(jbw_score *s, const wr_ctx *x,
                                const jbw_wait_case *c)
{
    const jbw_waitrisk_model *m = x->m;
    const int *v = m->v;
    int *ip = s->item_points;
    int total, band, acute = c->safety == JBW_SAFETY_ACUTE;
    int32_t waited, no_contact, age;
    jbw_date base = c->last_contact != JBW_DATE_NONE ? c->last_contact
                                                     : c->waiting_since;
    jbw_status st;
    uint32_t items = 0;
    int i;
    st = wr_workdays(&waited, x, c->waiting_since);
    if (JBW__LIKELY(st == JBW_OK))
        st = wr_workdays(&no_contact, x, base);
    if (JBW__UNLIKELY(st != JBW_OK))
        return st;
    age = c->birth_date != JBW_DATE_NONE ? wr_age(x, c->birth_date) : -1;

    memset(ip, 0, sizeof s->item_points);
    ip[JBW_ITEM_ACUTE] = acute * v[WR_P_ACUTE];
    ip[JBW_ITEM_SAFETY] = m->safety_points[c->safety];
    ip[JBW_ITEM_MEASURE] = m->measure_points[wr_measure_cell(
        (int)c->kind, (int)c->placement, (int)c->jr_risk)];
    ip[JBW_ITEM_TIME_WAITED] = wr_time_points(v, waited);
    ip[JBW_ITEM_BESTAAND] = (c->previous_workers > 0) * v[WR_P_BESTAAND];
    ip[JBW_ITEM_AGE] = wr_age_points(v, age);
    ip[JBW_ITEM_NO_CONTACT] = wr_no_contact_points(v, no_contact);
    ip[JBW_ITEM_HANDOVERS] =
        (c->previous_workers >= v[WR_T_HANDOVERS]) * v[WR_P_HANDOVERS];
    total = 0;
    for (i = 0; i < JBW_ITEM_COUNT; i++) {
        total += ip[i];
        items |= (uint32_t)(ip[i] != 0) << i;
    }
    band = (total >= v[WR_T_BAND_MIDDEN]) + (total >= v[WR_T_BAND_HOOG]) +
           (total >= v[WR_T_BAND_ACUUT]);
    band = acute ? JBW_BAND_ACUUT : band;
    st = wr_next_due(&s->next_contact_due, x, c, no_contact, (jbw_band)band);
    if (JBW__UNLIKELY(st != JBW_OK))
        return st;
    s->version = JBW_SCORE_VERSION;
    s->points = total;
    s->band = (jbw_band)band;
    s->workdays_waiting = waited;
    s->workdays_no_contact = no_contact;
    s->age_years = age;
    s->items = items;
    return JBW_OK;
}

static jbw_status wr_check_args(const jbw_waitrisk_model *model,
                                const jbw_calendar *cal, const void *cases,
                                const void *out, const char *fn)
{
    if (!out || !model || !cal || !cases)
        return jbw__error(JBW_EINVAL, "%s: %s is NULL", fn,
                          !out     ? "out"
                          : !model ? "model"
                          : !cal   ? "cal"
                                   : "the case");
    return JBW_OK;
}

/* A failure after validation (a due date past 2199) names the case. */
static jbw_status wr_case_failed(jbw_status st, const jbw_wait_case *c,
                                 size_t index)
{
    char who[128], msg[400];
    wr_case_name(who, sizeof who, c, index);
    snprintf(msg, sizeof msg, "%s", jbw_last_error());
    return jbw__error(st, "%s: %s", who, msg);
}

jbw_status jbw_waitrisk_score(jbw_score *out, const jbw_waitrisk_model *model,
                              const jbw_calendar *cal,
                              const jbw_wait_case *wait_case, jbw_date date)
{
    jbw_score s;
    wr_ctx x;
    jbw_status st = wr_check_args(model, cal, wait_case, out,
                                  "jbw_waitrisk_score");
    if (st != JBW_OK)
        return st;
    if (out->version != JBW_SCORE_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_waitrisk_score: score version %u is not "
                          "supported (this library knows version %d)",
                          out->version, JBW_SCORE_VERSION);
    st = wr_ctx_init(&x, model, cal, date, "jbw_waitrisk_score");
    if (st != JBW_OK)
        return st;
    if (!wr_case_ok(wait_case, &x))
        return wr_case_error(wait_case, &x, (size_t)-1);
    st = wr_score_case(&s, &x, wait_case);
    if (st != JBW_OK)
        return wr_case_failed(st, wait_case, (size_t)-1);
    *out = s;
    return jbw__ok();
}

/* The loop of a batch, shared with triage. */
static jbw_status wr_score_many(jbw_score *out, const wr_ctx *x0,
                                const jbw_wait_case *cases, size_t count)
{
    wr_tables t;
    wr_ctx x = *x0;
    size_t i;
    if (count >= WR_TABLES_MIN)
        wr_tables_fill(&t, &x);
    for (i = 0; i < count; i++) {
        jbw_status st;
        if (JBW__UNLIKELY(!wr_case_ok(&cases[i], &x)))
            return wr_case_error(&cases[i], &x, i);
        st = wr_score_case(&out[i], &x, &cases[i]);
        if (JBW__UNLIKELY(st != JBW_OK))
            return wr_case_failed(st, &cases[i], i);
    }
    return JBW_OK;
}

jbw_status jbw_waitrisk_score_batch(jbw_score *out,
                                    const jbw_waitrisk_model *model,
                                    const jbw_calendar *cal,
                                    const jbw_wait_case *cases, size_t count,
                                    jbw_date date)
{
    wr_ctx x;
    jbw_status st;
    if (count == 0 && model && cal)
        return jbw__ok();
    st = wr_check_args(model, cal, cases, out, "jbw_waitrisk_score_batch");
    if (st != JBW_OK)
        return st;
    st = wr_ctx_init(&x, model, cal, date, "jbw_waitrisk_score_batch");
    if (st != JBW_OK)
        return st;
    st = wr_score_many(out, &x, cases, count);
    return st == JBW_OK ? jbw__ok() : st;
}

/* ====================================================================== */
/* Reasons                                                                 */
/* ====================================================================== */

#define WR_REASON_SIZE 256

/* "1 werkdag" / "34 werkdagen", "1 working day" / "34 working days". */
static const char *wr_workdays_word(int32_t n, jbw_lang lang)
{
    if (lang == JBW_LANG_NL)
        return n == 1 ? "werkdag" : "werkdagen";
    return n == 1 ? "working day" : "working days";
}

/* The norm a default time boundary stands for (DOMAIN.md), or NULL when
 * a model moved the boundary. */
static const char *wr_time_norm(int param, int value, jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    if (param == WR_T_TIME_1 && value == 5)
        return nl ? "5 werkdagen (norm eerste contact)"
                  : "5 working days (first contact norm)";
    if (param == WR_T_TIME_2 && value == 30)
        return nl ? "6 weken (norm plan van aanpak)"
                  : "6 weeks (plan of action norm)";
    if (param == WR_T_TIME_3 && value == 65)
        return nl ? "3 maanden (norm passende hulp)"
                  : "3 months (suitable help norm)";
    return NULL;
}

static void wr_reason_time(char *r, const jbw_waitrisk_model *m,
                           const jbw_score *s, jbw_lang lang)
{
    int32_t w = s->workdays_waiting;
    int nl = lang == JBW_LANG_NL, param;
    const char *norm;
    char bound[64];
    if (w > m->v[WR_T_TIME_3])
        param = WR_T_TIME_3;
    else if (w > m->v[WR_T_TIME_2])
        param = WR_T_TIME_2;
    else if (w > m->v[WR_T_TIME_1])
        param = WR_T_TIME_1;
    else {
        snprintf(r, WR_REASON_SIZE,
                 nl ? "wacht %ld %s: binnen %d werkdagen"
                    : "waiting %ld %s: within %d working days",
                 (long)w, wr_workdays_word(w, lang), m->v[WR_T_TIME_1]);
        return;
    }
    norm = wr_time_norm(param, m->v[param], lang);
    if (!norm) {
        snprintf(bound, sizeof bound, nl ? "%d werkdagen" : "%d working days",
                 m->v[param]);
        norm = bound;
    }
    snprintf(r, WR_REASON_SIZE,
             nl ? "wacht %ld %s: langer dan %s" : "waiting %ld %s: longer than %s",
             (long)w, wr_workdays_word(w, lang), norm);
}

static const char *wr_reason_safety(jbw_safety safety, jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    switch (safety) {
    case JBW_SAFETY_UNSAFE:
        return nl ? "veiligheid: structureel onveilig"
                  : "safety: structurally unsafe";
    case JBW_SAFETY_CONCERNS:
        return nl ? "veiligheid: zorgen over de veiligheid"
                  : "safety: concerns about safety";
    case JBW_SAFETY_UNKNOWN:
        return nl ? "veiligheid: nog niet beoordeeld"
                  : "safety: not yet assessed";
    case JBW_SAFETY_SAFE:
        return nl ? "veiligheid: veilig" : "safety: safe";
    default:
        return "";
    }
}

static const char *wr_reason_measure(const jbw_wait_case *c, jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    switch (wr_measure_param(c->kind, c->placement, c->jr_risk)) {
    case WR_P_VOTS:
        return nl ? "VOTS: spoedmaatregel vraagt directe inzet"
                  : "VOTS: emergency measure demands immediate deployment";
    case WR_P_VOORLOPIGE_VOOGDIJ:
        return nl ? "voorlopige voogdij: spoedmaatregel vraagt directe inzet"
                  : "voorlopige voogdij: emergency measure demands immediate "
                    "deployment";
    case WR_P_OTS_PLACED:
        return nl ? "OTS met machtiging uithuisplaatsing: voorrang (kabinet, "
                    "nov. 2022)"
                  : "OTS with out-of-home placement (MUHP): priority (cabinet, "
                    "Nov 2022)";
    case WR_P_OTS_CRISIS:
        return nl ? "OTS met crisisplaatsing: voorrang (kabinet, nov. 2022)"
                  : "OTS with crisis placement: priority (cabinet, Nov 2022)";
    case WR_P_OTS:
        return nl ? "OTS: voorrang voor kinderen onder toezicht (kabinet, "
                    "nov. 2022)"
                  : "OTS: priority for children under supervision (cabinet, "
                    "Nov 2022)";
    case WR_P_VOOGDIJ:
        return nl ? "voogdij: de GI is voogd" : "voogdij: the GI is guardian";
    case WR_P_TIJDELIJKE_VOOGDIJ:
        return nl ? "tijdelijke voogdij: de GI is tijdelijk voogd"
                  : "tijdelijke voogdij: the GI is temporary guardian";
    case WR_P_JR_HIGH:
        return nl ? "jeugdreclassering: risico hoog (LIJ)"
                  : "jeugdreclassering: risk level high (LIJ)";
    case WR_P_JR_MEDIUM:
        return nl ? "jeugdreclassering: risico midden (LIJ)"
                  : "jeugdreclassering: risk level medium (LIJ)";
    case WR_P_JR_LOW:
        return nl ? "jeugdreclassering: risico laag (LIJ)"
                  : "jeugdreclassering: risk level low (LIJ)";
    default:
        return nl ? "jeugdreclassering: risico niet vastgesteld"
                  : "jeugdreclassering: risk level not assessed";
    }
}

static void wr_reason_age(char *r, const jbw_waitrisk_model *m,
                          const jbw_score *s, jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    long age = (long)s->age_years;
    if (age < 0)
        snprintf(r, WR_REASON_SIZE, nl ? "leeftijd onbekend" : "age unknown");
    else if (age < m->v[WR_T_AGE_1] || age < m->v[WR_T_AGE_2])
        snprintf(r, WR_REASON_SIZE,
                 nl ? "leeftijd %ld jaar: jonger dan %d" : "age %ld: younger than %d",
                 age,
                 age < m->v[WR_T_AGE_1] ? m->v[WR_T_AGE_1] : m->v[WR_T_AGE_2]);
    else
        snprintf(r, WR_REASON_SIZE,
                 nl ? "leeftijd %ld jaar: %d of ouder" : "age %ld: %d or older",
                 age, m->v[WR_T_AGE_2]);
}

/* Writes the reason of one item into r (WR_REASON_SIZE bytes); "" when
 * the item did not score. Arguments are trusted. */
static void wr_reason(char *r, const jbw_waitrisk_model *m,
                      const jbw_wait_case *c, const jbw_score *s,
                      jbw_item item, jbw_lang lang)
{
    int nl = lang == JBW_LANG_NL;
    int32_t n;
    r[0] = '\0';
    if (s->item_points[item] == 0)
        return;
    switch (item) {
    case JBW_ITEM_ACUTE:
        snprintf(r, WR_REASON_SIZE, "%s",
                 nl ? "directe onveiligheid: noodoplossing dezelfde werkdag, "
                      "band acuut"
                    : "directe onveiligheid (acute danger): emergency solution "
                      "the same working day, band acuut");
        break;
    case JBW_ITEM_SAFETY:
        snprintf(r, WR_REASON_SIZE, "%s", wr_reason_safety(c->safety, lang));
        break;
    case JBW_ITEM_MEASURE:
        snprintf(r, WR_REASON_SIZE, "%s", wr_reason_measure(c, lang));
        break;
    case JBW_ITEM_TIME_WAITED:
        wr_reason_time(r, m, s, lang);
        break;
    case JBW_ITEM_BESTAAND:
        snprintf(r, WR_REASON_SIZE, "%s",
                 nl ? "bestaand: jeugdbeschermer weggevallen"
                    : "bestaand: the jeugdbeschermer dropped out");
        break;
    case JBW_ITEM_AGE:
        wr_reason_age(r, m, s, lang);
        break;
    case JBW_ITEM_NO_CONTACT:
        n = s->workdays_no_contact;
        if (c->last_contact != JBW_DATE_NONE)
            snprintf(r, WR_REASON_SIZE,
                     nl ? "geen contact sinds %ld %s" : "no contact for %ld %s",
                     (long)n, wr_workdays_word(n, lang));
        else
            snprintf(r, WR_REASON_SIZE,
                     nl ? "geen contact sinds %ld %s (sinds begin wachten)"
                        : "no contact for %ld %s (since waiting began)",
                     (long)n, wr_workdays_word(n, lang));
        break;
    case JBW_ITEM_HANDOVERS:
        snprintf(r, WR_REASON_SIZE,
                 nl ? "%d eerdere jeugdbeschermers"
                    : "%d previous jeugdbeschermers",
                 c->previous_workers);
        break;
    default:
        break;
    }
}

jbw_status jbw_waitrisk_reason(char *buf, size_t size,
                               const jbw_waitrisk_model *model,
                               const jbw_wait_case *wait_case,
                               const jbw_score *score, jbw_item item,
                               jbw_lang lang)
{
    char r[WR_REASON_SIZE];
    size_t n;
    if (!buf || !model || !wait_case || !score)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_reason: %s is NULL",
                          !buf     ? "buf"
                          : !model ? "model"
                          : !wait_case ? "wait_case"
                                       : "score");
    if (score->version != JBW_SCORE_VERSION ||
        wait_case->version != JBW_WAIT_CASE_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_waitrisk_reason: %s version %u is not "
                          "supported",
                          score->version != JBW_SCORE_VERSION ? "score"
                                                              : "wait case",
                          score->version != JBW_SCORE_VERSION
                              ? score->version
                              : wait_case->version);
    if ((unsigned)item >= (unsigned)JBW_ITEM_COUNT)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_reason: item %d is not "
                                      "an item (0..%d)",
                          (int)item, JBW_ITEM_COUNT - 1);
    if (lang != JBW_LANG_NL && lang != JBW_LANG_EN)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_reason: language %d is "
                                      "not JBW_LANG_NL or JBW_LANG_EN",
                          (int)lang);
    if ((unsigned)wait_case->kind >= (unsigned)JBW_KIND_COUNT ||
        (unsigned)wait_case->safety > (unsigned)JBW_SAFETY_ACUTE ||
        (unsigned)wait_case->placement > (unsigned)JBW_PLACEMENT_CRISIS ||
        (unsigned)wait_case->jr_risk > (unsigned)JBW_JR_RISK_HIGH)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_reason: the wait case has "
                                      "a kind, safety, placement or jr_risk "
                                      "out of range");
    wr_reason(r, model, wait_case, score, item, lang);
    n = strlen(r);
    if (n + 1 > size)
        return jbw__error(JBW_EBUFFER,
                          "jbw_waitrisk_reason: the reason needs %lu bytes, "
                          "the buffer holds %lu",
                          (unsigned long)(n + 1), (unsigned long)size);
    memcpy(buf, r, n + 1);
    return jbw__ok();
}

/* ====================================================================== */
/* Ranking                                                                 */
/* ====================================================================== */

/* Negative when case a goes before case b: band (acuut first), points
 * (high first), werkdagen waited (long first), id (byte order; no id
 * last), then input position, which makes the order total. */
static int wr_rank_cmp(const jbw_score *s, const jbw_wait_case *c, size_t a,
                       size_t b)
{
    const char *ia = c[a].id, *ib = c[b].id;
    if (s[a].band != s[b].band)
        return s[a].band > s[b].band ? -1 : 1;
    if (s[a].points != s[b].points)
        return s[a].points > s[b].points ? -1 : 1;
    if (s[a].workdays_waiting != s[b].workdays_waiting)
        return s[a].workdays_waiting > s[b].workdays_waiting ? -1 : 1;
    if (ia && ib) {
        int r = strcmp(ia, ib);
        if (r)
            return r < 0 ? -1 : 1;
    } else if (ia || ib) {
        return ia ? -1 : 1;
    }
    return a < b ? -1 : (a > b);
}

/* Bottom-up merge sort of idx[0..n) using tmp[0..n); the result ends in
 * idx. */
static void wr_merge_sort(size_t *idx, size_t *tmp, size_t n,
                          const jbw_score *s, const jbw_wait_case *c)
{
    size_t width, *src = idx, *dst = tmp, *t;
    for (width = 1; width < n; width *= 2) {
        size_t lo;
        for (lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = mid + width < n ? mid + width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = wr_rank_cmp(s, c, src[j], src[i]) < 0 ? src[j++]
                                                                : src[i++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        t = src;
        src = dst;
        dst = t;
    }
    if (src != idx)
        memcpy(idx, src, n * sizeof *idx);
}

/* Ranks into order[0..count); ENOMEM leaves order untouched. */
static jbw_status wr_rank(size_t *order, const jbw_score *scores,
                          const jbw_wait_case *cases, size_t count)
{
    size_t *work, i;
    if (count == 0)
        return JBW_OK;
    work = (size_t *)jbw__calloc(count, 2 * sizeof *work);
    if (!work)
        return jbw__enomem();
    for (i = 0; i < count; i++)
        work[i] = i;
    wr_merge_sort(work, work + count, count, scores, cases);
    memcpy(order, work, count * sizeof *order);
    jbw__free(work);
    return JBW_OK;
}

jbw_status jbw_waitrisk_rank(size_t *order, const jbw_score *scores,
                             const jbw_wait_case *cases, size_t count)
{
    jbw_status st;
    if (count == 0)
        return jbw__ok();
    if (!order || !scores || !cases)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_rank: %s is NULL",
                          !order ? "order" : !scores ? "scores" : "cases");
    if (count > SIZE_MAX / (2 * sizeof(size_t)))
        return jbw__error(JBW_ENOMEM, "jbw_waitrisk_rank: %lu cases are too "
                                      "many to rank",
                          (unsigned long)count);
    st = wr_rank(order, scores, cases, count);
    return st == JBW_OK ? jbw__ok() : st;
}

/* ====================================================================== */
/* Triage of a snapshot                                                    */
/* ====================================================================== */

struct jbw_triage {
    jbw_waitrisk_model model; /* a copy: results carry the model used */
    const jbw_snapshot *snap;
    jbw_date date;
    size_t count;
    /* in ranking order */
    jbw_wait_case *cases;
    jbw_score *scores;
    size_t *measure;          /* snapshot measure index */
    uint8_t *state;           /* JBW_STATE_NIEUW or JBW_STATE_BESTAAND */
};

static const char *wr_key(const jbw__strmap *map, uint32_t index)
{
    return index == JBW__NONE ? NULL : jbw__strmap_key(map, index);
}

/*
 * The wait case of snapshot measure i on date d in state `state`. A
 * measure that is nieuw on d because its first worker came later waited
 * since its start, had no earlier worker, and its recorded contacts after
 * d do not exist yet on d.
 */
static void wr_case_from_snapshot(jbw_wait_case *c, const jbw_snapshot *s,
                                  size_t i, jbw_date d,
                                  jbw_measure_state state)
{
    static const jbw_wait_case init = JBW_WAIT_CASE_INIT;
    const jbw__measures *m = &s->m;
    *c = init;
    c->id = jbw__strmap_key(&s->measure_ids, i);
    c->child_id = wr_key(&s->child_ids, m->child[i]);
    c->family_id = m->family_given[i] ? wr_key(&s->family_ids, m->family[i])
                                      : NULL;
    c->organisation = wr_key(&s->registry->org_keys, m->org[i]);
    c->region = wr_key(&s->registry->region_keys, m->region[i]);
    c->kind = (jbw_kind)m->kind[i];
    c->safety = (jbw_safety)m->safety[i];
    c->placement = (jbw_placement)m->placement[i];
    c->jr_risk = (jbw_jr_risk)m->jr_risk[i];
    c->birth_date = m->birth_date[i];
    c->last_contact = m->last_contact[i] <= d ? m->last_contact[i]
                                              : JBW_DATE_NONE;
    if (state == JBW_STATE_BESTAAND) {
        c->waiting_since = m->waiting_since[i];
        c->previous_workers = (int)m->previous_workers[i];
    } else {
        c->waiting_since = m->waiting_since[i];
        if (m->first_assigned[i] != JBW_DATE_NONE || c->waiting_since > d ||
            c->waiting_since == JBW_DATE_NONE)
            c->waiting_since = m->start[i];
        c->previous_workers = 0;
    }
}

void jbw_triage_free(jbw_triage *triage)
{
    if (!triage)
        return;
    jbw__free(triage->cases);
    jbw__free(triage->scores);
    jbw__free(triage->measure);
    jbw__free(triage->state);
    jbw__free(triage);
}

static jbw_triage *wr_triage_alloc(size_t count)
{
    jbw_triage *t = (jbw_triage *)jbw__calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->cases = (jbw_wait_case *)jbw__calloc(count, sizeof *t->cases);
    t->scores = (jbw_score *)jbw__calloc(count, sizeof *t->scores);
    t->measure = (size_t *)jbw__calloc(count, sizeof *t->measure);
    t->state = (uint8_t *)jbw__calloc(count, sizeof *t->state);
    if (!t->cases || !t->scores || !t->measure || !t->state) {
        jbw_triage_free(t);
        return NULL;
    }
    t->count = count;
    return t;
}

/* Collects, scores and ranks the waiting measures into t (ranked). */
static jbw_status wr_triage_fill(jbw_triage *t, const jbw_triage *raw,
                                 const wr_ctx *x)
{
    size_t *order, r;
    jbw_status st = wr_score_many(raw->scores, x, raw->cases, raw->count);
    if (st != JBW_OK)
        return st;
    order = (size_t *)jbw__calloc(raw->count, sizeof *order);
    if (!order && raw->count)
        return jbw__enomem();
    st = wr_rank(order, raw->scores, raw->cases, raw->count);
    for (r = 0; st == JBW_OK && r < raw->count; r++) {
        size_t k = order[r];
        t->cases[r] = raw->cases[k];
        t->scores[r] = raw->scores[k];
        t->measure[r] = raw->measure[k];
        t->state[r] = raw->state[k];
    }
    jbw__free(order);
    return st;
}

jbw_status jbw_triage_new(jbw_triage **out, const jbw_waitrisk_model *model,
                          const jbw_calendar *cal, const jbw_snapshot *snap,
                          jbw_date date)
{
    jbw_triage *raw, *t;
    size_t i, n = 0;
    wr_ctx x;
    jbw_status st;
    if (!out || !model || !cal || !snap)
        return jbw__error(JBW_EINVAL, "jbw_triage_new: %s is NULL",
                          !out     ? "out"
                          : !model ? "model"
                          : !cal   ? "cal"
                                   : "snap");
    if (date == JBW_DATE_NONE)
        date = snap->reference_date;
    st = wr_ctx_init(&x, model, cal, date, "jbw_triage_new");
    if (st != JBW_OK)
        return st;
    for (i = 0; i < snap->m.count; i++) {
        jbw_measure_state state = jbw__measure_state(snap, i, date);
        n += state == JBW_STATE_NIEUW || state == JBW_STATE_BESTAAND;
    }
    raw = wr_triage_alloc(n);
    t = wr_triage_alloc(n);
    if (!raw || !t) {
        jbw_triage_free(raw);
        jbw_triage_free(t);
        return jbw__enomem();
    }
    for (i = 0, n = 0; i < snap->m.count; i++) {
        jbw_measure_state state = jbw__measure_state(snap, i, date);
        if (state != JBW_STATE_NIEUW && state != JBW_STATE_BESTAAND)
            continue;
        wr_case_from_snapshot(&raw->cases[n], snap, i, date, state);
        raw->measure[n] = i;
        raw->state[n] = (uint8_t)state;
        n++;
    }
    st = wr_triage_fill(t, raw, &x);
    jbw_triage_free(raw);
    if (st != JBW_OK) {
        jbw_triage_free(t);
        return st;
    }
    t->model = *model;
    t->snap = snap;
    t->date = date;
    *out = t;
    return jbw__ok();
}

size_t jbw_triage_count(const jbw_triage *triage)
{
    return triage ? triage->count : 0;
}

jbw_date jbw_triage_date(const jbw_triage *triage)
{
    return triage ? triage->date : JBW_DATE_NONE;
}

jbw_status jbw_triage_get(jbw_wait_case *wait_case, jbw_score *score,
                          const jbw_triage *triage, size_t rank)
{
    if (!triage)
        return jbw__error(JBW_EINVAL, "jbw_triage_get: triage is NULL");
    if (wait_case && wait_case->version != JBW_WAIT_CASE_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_triage_get: wait case version %u is not "
                          "supported (this library knows version %d)",
                          wait_case->version, JBW_WAIT_CASE_VERSION);
    if (score && score->version != JBW_SCORE_VERSION)
        return jbw__error(JBW_EVERSION,
                          "jbw_triage_get: score version %u is not supported "
                          "(this library knows version %d)",
                          score->version, JBW_SCORE_VERSION);
    if (rank >= triage->count)
        return jbw__error(JBW_ERANGE,
                          "jbw_triage_get: rank %lu is past the %lu waiting "
                          "cases",
                          (unsigned long)rank, (unsigned long)triage->count);
    if (wait_case)
        *wait_case = triage->cases[rank];
    if (score)
        *score = triage->scores[rank];
    return jbw__ok();
}

/* ---- triage output --------------------------------------------------- */

static jbw_status wr_out_args(char **out, const void *obj, jbw_lang lang,
                              const char *fn)
{
    if (!out || !obj)
        return jbw__error(JBW_EINVAL, "%s: %s is NULL", fn,
                          out ? "the result" : "out");
    if (lang != JBW_LANG_NL && lang != JBW_LANG_EN)
        return jbw__error(JBW_EINVAL, "%s: language %d is not JBW_LANG_NL "
                                      "or JBW_LANG_EN",
                          fn, (int)lang);
    return JBW_OK;
}

static size_t wr_rows(const jbw_triage *t, size_t top)
{
    return top == 0 || top > t->count ? t->count : top;
}

static jbw_status wr_finish(jbw__buf *b, char **out, size_t *len)
{
    jbw_status st = jbw__buf_finish(b, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}

static void wr_json_items(jbw__buf *b, const jbw_triage *t, size_t r,
                          jbw_lang lang)
{
    char reason[WR_REASON_SIZE];
    int i, first = 1;
    jbw__buf_puts(b, "\"items\":[");
    for (i = 0; i < JBW_ITEM_COUNT; i++) {
        if (!(t->scores[r].items & (1u << i)))
            continue;
        wr_reason(reason, &t->model, &t->cases[r], &t->scores[r],
                  (jbw_item)i, lang);
        jbw__buf_puts(b, first ? "{\"item\":" : ",{\"item\":");
        jbw__buf_json_string(b, jbw_item_code((jbw_item)i));
        jbw__buf_printf(b, ",\"points\":%d,\"reason\":",
                        t->scores[r].item_points[i]);
        jbw__buf_json_string(b, reason);
        jbw__buf_putc(b, '}');
        first = 0;
    }
    jbw__buf_putc(b, ']');
}

static void wr_json_model(jbw__buf *b, const jbw_waitrisk_model *m)
{
    jbw__buf_puts(b, "\"model\":{\"name\":");
    jbw__buf_json_string(b, m->name);
    jbw__buf_printf(b, ",\"version\":%d}", m->version);
}

jbw_status jbw_triage_json(char **out, size_t *len, const jbw_triage *triage,
                           size_t top, jbw_lang lang)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t r, rows;
    jbw_status st = wr_out_args(out, triage, lang, "jbw_triage_json");
    if (st != JBW_OK)
        return st;
    rows = wr_rows(triage, top);
    jbw__buf_putc(&b, '{');
    wr_json_model(&b, &triage->model);
    jbw__buf_puts(&b, ",\"date\":\"");
    jbw__buf_date(&b, triage->date);
    jbw__buf_printf(&b, "\",\"waiting\":%lu,\"cases\":[",
                    (unsigned long)triage->count);
    for (r = 0; r < rows; r++) {
        const jbw_score *s = &triage->scores[r];
        const jbw_wait_case *c = &triage->cases[r];
        jbw__buf_puts(&b, r ? ",{\"id\":" : "{\"id\":");
        jbw__buf_json_string(&b, c->id);
        jbw__buf_printf(&b, ",\"rank\":%lu,\"band\":\"%s\",\"points\":%d,"
                            "\"workdays_waiting\":%ld,\"next_contact_due\":\"",
                        (unsigned long)(r + 1), jbw_band_code(s->band),
                        s->points, (long)s->workdays_waiting);
        jbw__buf_date(&b, s->next_contact_due);
        jbw__buf_puts(&b, "\",");
        wr_json_items(&b, triage, r, lang);
        jbw__buf_puts(&b, ",\"organisation\":");
        jbw__buf_json_string(&b, c->organisation);
        jbw__buf_puts(&b, ",\"region\":");
        jbw__buf_json_string(&b, c->region);
        jbw__buf_printf(&b, ",\"state\":\"%s\",\"workdays_no_contact\":%ld}",
                        jbw_measure_state_code(
                            (jbw_measure_state)triage->state[r]),
                        (long)s->workdays_no_contact);
    }
    jbw__buf_puts(&b, "]}\n");
    return wr_finish(&b, out, len);
}

jbw_status jbw_triage_csv(char **out, size_t *len, const jbw_triage *triage,
                          size_t top, jbw_lang lang)
{
    jbw__buf b = JBW__BUF_INIT;
    char reason[WR_REASON_SIZE];
    size_t r, rows;
    int i;
    jbw_status st = wr_out_args(out, triage, lang, "jbw_triage_csv");
    if (st != JBW_OK)
        return st;
    rows = wr_rows(triage, top);
    jbw__buf_puts(&b, "rank,id,organisation,region,state,band,points,"
                      "workdays_waiting,workdays_no_contact,age_years,"
                      "next_contact_due");
    for (i = 0; i < JBW_ITEM_COUNT; i++)
        jbw__buf_printf(&b, ",%s", jbw_item_code((jbw_item)i));
    jbw__buf_puts(&b, ",reasons,model,model_version\n");
    for (r = 0; r < rows; r++) {
        const jbw_score *s = &triage->scores[r];
        const jbw_wait_case *c = &triage->cases[r];
        jbw__buf reasons = JBW__BUF_INIT;
        jbw__buf_printf(&b, "%lu,", (unsigned long)(r + 1));
        jbw__buf_csv_field(&b, c->id);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, c->organisation);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, c->region);
        jbw__buf_printf(&b, ",%s,%s,%d,%ld,%ld,",
                        jbw_measure_state_code(
                            (jbw_measure_state)triage->state[r]),
                        jbw_band_code(s->band), s->points,
                        (long)s->workdays_waiting,
                        (long)s->workdays_no_contact);
        if (s->age_years >= 0)
            jbw__buf_printf(&b, "%ld", (long)s->age_years);
        jbw__buf_putc(&b, ',');
        jbw__buf_date(&b, s->next_contact_due);
        for (i = 0; i < JBW_ITEM_COUNT; i++)
            jbw__buf_printf(&b, ",%d", s->item_points[i]);
        for (i = 0; i < JBW_ITEM_COUNT; i++) {
            if (!(s->items & (1u << i)))
                continue;
            wr_reason(reason, &triage->model, c, s, (jbw_item)i, lang);
            if (reasons.len)
                jbw__buf_puts(&reasons, " | ");
            jbw__buf_puts(&reasons, reason);
        }
        jbw__buf_putc(&b, ',');
        if (reasons.failed)
            b.failed = 1;
        else if (reasons.len)
            jbw__buf_csv_field(&b, reasons.data);
        jbw__buf_free(&reasons);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, triage->model.name);
        jbw__buf_printf(&b, ",%d\n", triage->model.version);
    }
    return wr_finish(&b, out, len);
}

jbw_status jbw_triage_text(char **out, size_t *len, const jbw_triage *triage,
                           size_t top, jbw_lang lang)
{
    jbw__buf b = JBW__BUF_INIT;
    char reason[WR_REASON_SIZE], date[JBW_DATE_BUFSIZE];
    size_t r, rows;
    int i, nl = lang == JBW_LANG_NL;
    jbw_status st = wr_out_args(out, triage, lang, "jbw_triage_text");
    if (st != JBW_OK)
        return st;
    rows = wr_rows(triage, top);
    wr_fmt_date(date, triage->date);
    jbw__buf_printf(&b,
                    nl ? "Wachtlijst op %s (model %s versie %d): %lu wachtend"
                       : "Waiting list on %s (model %s version %d): %lu "
                         "waiting",
                    date, triage->model.name, triage->model.version,
                    (unsigned long)triage->count);
    if (rows < triage->count)
        jbw__buf_printf(&b, nl ? ", eerste %lu" : ", first %lu",
                        (unsigned long)rows);
    jbw__buf_printf(&b, "\n\n%5s  %-16s %-7s %6s %9s  %s\n",
                    nl ? "rang" : "rank", "id", "band",
                    nl ? "punten" : "points", nl ? "werkdagen" : "workdays",
                    nl ? "contact uiterlijk" : "contact due");
    for (r = 0; r < rows; r++) {
        const jbw_score *s = &triage->scores[r];
        const jbw_wait_case *c = &triage->cases[r];
        wr_fmt_date(date, s->next_contact_due);
        jbw__buf_printf(&b, "%5lu  %-16s %-7s %6d %9ld  %s\n",
                        (unsigned long)(r + 1), c->id ? c->id : "",
                        jbw_band_code(s->band), s->points,
                        (long)s->workdays_waiting, date);
        for (i = 0; i < JBW_ITEM_COUNT; i++) {
            if (!(s->items & (1u << i)))
                continue;
            wr_reason(reason, &triage->model, c, s, (jbw_item)i, lang);
            jbw__buf_printf(&b, "%7s%+5d  %s\n", "", s->item_points[i],
                            reason);
        }
    }
    return wr_finish(&b, out, len);
}

/* ====================================================================== */
/* Allocation proposal                                                     */
/* ====================================================================== */

/* Free capacity is compared with this slack so that a capacity of
 * 0.6 x 12 (7.199999...) still takes a load of 7.2. */
#define WR_CAPACITY_EPS 1e-9

typedef struct wr_line {
    const char *id;
    const char *organisation;
    const char *region;
    uint32_t worker;   /* snapshot worker index or JBW__NONE */
    int reason;        /* 0 or jbw_unassigned_reason */
} wr_line;

typedef struct wr_wload {
    uint32_t worker;   /* snapshot worker index */
    double capacity;
    double load;       /* before the proposal */
    double proposed;   /* after it */
} wr_wload;

struct jbw_allocation {
    const jbw_snapshot *snap;
    jbw_waitrisk_model model;
    jbw_date date;
    char *norm_name;
    jbw_unit unit;
    size_t count, assigned;
    wr_line *lines;          /* ranking order */
    size_t worker_count;
    wr_wload *workers;       /* employed workers, snapshot order */
};

void jbw_allocation_free(jbw_allocation *alloc)
{
    if (!alloc)
        return;
    jbw__free(alloc->norm_name);
    jbw__free(alloc->lines);
    jbw__free(alloc->workers);
    jbw__free(alloc);
}

/*
 * Which worker holds which unit (child or family) at what weight: one
 * short list per unit, since a child or family sits with one worker or
 * a few. Used to count a unit once at its heaviest weight per worker.
 */
typedef struct wr_hold {
    uint32_t worker;
    uint32_t next;   /* next entry of the same unit, JBW__NONE at the end */
    double weight;
} wr_hold;

typedef struct wr_alloc_state {
    const jbw_snapshot *s;
    const jbw_norm *norm;
    jbw_unit unit;
    double *free;        /* per snapshot worker (employed ones only) */
    uint32_t *wslot;     /* snapshot worker -> index in workers[], NONE */
    uint32_t *head;      /* per unit: first entry, JBW__NONE */
    wr_hold *e;
    size_t n, cap;
} wr_alloc_state;

static uint32_t wr_unit_of(const wr_alloc_state *a, size_t i)
{
    return a->unit == JBW_UNIT_FAMILY ? a->s->m.family[i] : a->s->m.child[i];
}

static double wr_held(const wr_alloc_state *a, uint32_t unit, uint32_t w)
{
    uint32_t k;
    for (k = a->head[unit]; k != JBW__NONE; k = a->e[k].next)
        if (a->e[k].worker == w)
            return a->e[k].weight;
    return 0.0;
}

static double wr_weight(const wr_alloc_state *a, size_t i)
{
    return jbw_norm_weight(a->norm, (jbw_kind)a->s->m.kind[i]);
}

/* Load that measure i adds to worker w in the norm's unit. */
static double wr_need(const wr_alloc_state *a, size_t i, uint32_t w)
{
    double wt = wr_weight(a, i), held;
    if (a->unit == JBW_UNIT_MEASURE)
        return wt;
    held = wr_held(a, wr_unit_of(a, i), w);
    return wt > held ? wt - held : 0.0;
}

/* Gives measure i to worker w: returns the load added, or -1 when out of
 * memory. */
static double wr_hold_add(wr_alloc_state *a, size_t i, uint32_t w)
{
    double wt = wr_weight(a, i);
    uint32_t unit, k;
    void *e;
    if (a->unit == JBW_UNIT_MEASURE)
        return wt;
    unit = wr_unit_of(a, i);
    for (k = a->head[unit]; k != JBW__NONE; k = a->e[k].next) {
        if (a->e[k].worker == w) {
            double add = wt > a->e[k].weight ? wt - a->e[k].weight : 0.0;
            if (wt > a->e[k].weight)
                a->e[k].weight = wt;
            return add;
        }
    }
    e = a->e;
    if (a->n >= JBW__NONE || jbw__grow(&e, &a->cap, a->n + 1, sizeof *a->e))
        return -1.0;
    a->e = (wr_hold *)e;
    a->e[a->n].worker = w;
    a->e[a->n].weight = wt;
    a->e[a->n].next = a->head[unit];
    a->head[unit] = (uint32_t)a->n;
    a->n++;
    return wt;
}

static void wr_alloc_state_free(wr_alloc_state *a)
{
    jbw__free(a->free);
    jbw__free(a->wslot);
    jbw__free(a->head);
    jbw__free(a->e);
}

/* The employed workers' capacity and load on the date, from the caseload
 * module itself so that the proposal and the caseload report agree. */
static jbw_status wr_alloc_capacity(jbw_allocation *al, wr_alloc_state *a,
                                    const jbw_calendar *cal, jbw_date d)
{
    jbw_caseload_options opts = JBW_CASELOAD_OPTIONS_INIT;
    jbw_caseload *cl = NULL;
    size_t i, k = 0;
    jbw_status st = JBW_OK;
    for (i = 0; i < a->s->w.count; i++)
        if (jbw__worker_employed(a->s, i, d))
            al->workers[al->worker_count++].worker = (uint32_t)i;
    if (al->worker_count == 0)
        return JBW_OK; /* every waiting case: no worker */
    opts.date = d;
    st = jbw_caseload_compute(&cl, a->s, a->norm, cal, &opts);
    /* caseload lists the employed workers in snapshot order, as above */
    for (k = 0; st == JBW_OK && k < al->worker_count; k++) {
        jbw_worker_load wl;
        wl.version = JBW_WORKER_LOAD_VERSION;
        st = jbw_caseload_worker_get(&wl, cl, k);
        al->workers[k].capacity = wl.capacity;
        al->workers[k].load = wl.load;
        al->workers[k].proposed = wl.load;
        a->wslot[al->workers[k].worker] = (uint32_t)k;
        a->free[al->workers[k].worker] = wl.capacity - wl.load;
    }
    jbw_caseload_free(cl);
    return st;
}

/* Who holds which child or family now, at what weight: what a waiting
 * measure of that child or family would add to a worker's load. */
static jbw_status wr_alloc_holdings(wr_alloc_state *a, jbw_date d)
{
    const jbw_snapshot *s = a->s;
    size_t i;
    for (i = 0; i < s->m.count; i++) {
        uint32_t w = s->m.worker[i];
        if (w == JBW__NONE || a->wslot[w] == JBW__NONE ||
            jbw__measure_state(s, i, d) != JBW_STATE_ASSIGNED)
            continue;
        if (wr_hold_add(a, i, w) < 0)
            return jbw__enomem();
    }
    return JBW_OK;
}

static jbw_status wr_alloc_loads(jbw_allocation *al, wr_alloc_state *a,
                                 const jbw_calendar *cal, jbw_date d)
{
    const jbw_snapshot *s = a->s;
    size_t i, units;
    jbw_status st;
    units = a->unit == JBW_UNIT_FAMILY ? s->family_ids.count
                                       : s->child_ids.count;
    a->free = (double *)jbw__calloc(s->w.count, sizeof *a->free);
    a->wslot = (uint32_t *)jbw__calloc(s->w.count, sizeof *a->wslot);
    a->head = (uint32_t *)jbw__calloc(units, sizeof *a->head);
    al->workers = (wr_wload *)jbw__calloc(s->w.count, sizeof *al->workers);
    if (!a->free || !a->wslot || !a->head || !al->workers)
        return jbw__enomem();
    for (i = 0; i < units; i++)
        a->head[i] = JBW__NONE;
    for (i = 0; i < s->w.count; i++)
        a->wslot[i] = JBW__NONE;
    st = wr_alloc_capacity(al, a, cal, d);
    if (st == JBW_OK && a->unit != JBW_UNIT_MEASURE)
        st = wr_alloc_holdings(a, d);
    return st;
}

static const char *wr_worker_id(const jbw_snapshot *s, uint32_t w)
{
    return jbw__strmap_key(&s->worker_ids, w);
}

/* 1 when worker w is a better choice than `best` for a measure in
 * `region`: same region first, then most free capacity, then id. */
static int wr_better(const wr_alloc_state *a, uint32_t w, uint32_t best,
                     uint32_t region)
{
    int sw = a->s->w.region[w] == region, sb = a->s->w.region[best] == region;
    double diff = a->free[w] - a->free[best];
    if (sw != sb)
        return sw;
    if (diff > WR_CAPACITY_EPS || diff < -WR_CAPACITY_EPS)
        return diff > 0;
    return strcmp(wr_worker_id(a->s, w), wr_worker_id(a->s, best)) < 0;
}

/* The best worker for measure i, or JBW__NONE with *reason set. */
static uint32_t wr_choose(const wr_alloc_state *a, const jbw_allocation *al,
                          size_t i, int *reason)
{
    const jbw_snapshot *s = a->s;
    uint32_t best = JBW__NONE;
    size_t k;
    int any = 0;
    for (k = 0; k < al->worker_count; k++) {
        uint32_t w = al->workers[k].worker;
        if (s->w.org[w] != s->m.org[i])
            continue;
        any = 1;
        if (a->free[w] + WR_CAPACITY_EPS < wr_need(a, i, w))
            continue;
        if (best == JBW__NONE || wr_better(a, w, best, s->m.region[i]))
            best = w;
    }
    if (best == JBW__NONE)
        *reason = any ? JBW_UNASSIGNED_NO_CAPACITY : JBW_UNASSIGNED_NO_WORKER;
    return best;
}

static jbw_status wr_place(jbw_allocation *al, wr_alloc_state *a,
                           const jbw_triage *t, size_t r, uint32_t w)
{
    double add = wr_hold_add(a, t->measure[r], w);
    if (add < 0)
        return jbw__enomem();
    a->free[w] -= add;
    al->workers[a->wslot[w]].proposed += add;
    al->lines[r].worker = w;
    al->assigned++;
    return JBW_OK;
}


/* 1 when measures i and j wait in the same organisation and are the same
 * child or the same family. */
static int wr_sibling(const jbw_snapshot *s, size_t i, size_t j)
{
    return s->m.org[i] == s->m.org[j] &&
           (s->m.child[i] == s->m.child[j] || s->m.family[i] == s->m.family[j]);
}

/* The later ranks not yet placed that are siblings of rank r, into grp;
 * returns how many. */
static size_t wr_siblings(size_t *grp, const wr_alloc_state *a,
                          const jbw_allocation *al, const jbw_triage *t,
                          size_t r)
{
    size_t j, g = 0;
    for (j = r + 1; j < t->count; j++)
        if (al->lines[j].worker == JBW__NONE &&
            wr_sibling(a->s, t->measure[r], t->measure[j]))
            grp[g++] = j;
    return g;
}

/* The load the ranks grp[0..g) would add to worker w together: in unit
 * child or family each unit once, at its heaviest weight. */
static double wr_group_need(const wr_alloc_state *a, const jbw_triage *t,
                            const size_t *grp, size_t g, uint32_t w)
{
    double total = 0.0;
    size_t x, y;
    for (x = 0; x < g; x++) {
        size_t mx = t->measure[grp[x]];
        uint32_t unit;
        double heaviest, held;
        int first = 1;
        if (a->unit == JBW_UNIT_MEASURE) {
            total += wr_weight(a, mx);
            continue;
        }
        unit = wr_unit_of(a, mx);
        for (y = 0; y < x && first; y++)
            first = wr_unit_of(a, t->measure[grp[y]]) != unit;
        if (!first)
            continue;
        heaviest = 0.0;
        for (y = x; y < g; y++) {
            size_t my = t->measure[grp[y]];
            if (wr_unit_of(a, my) == unit && wr_weight(a, my) > heaviest)
                heaviest = wr_weight(a, my);
        }
        held = wr_held(a, unit, w);
        total += heaviest > held ? heaviest - held : 0.0;
    }
    return total;
}

/* Walks the ranking: each waiting measure not yet placed goes to the best
 * worker that can take it, and its waiting siblings follow when that
 * worker can take them all. */
static jbw_status wr_alloc_walk(jbw_allocation *al, wr_alloc_state *a,
                                const jbw_triage *t, size_t *grp)
{
    size_t r, x;
    for (r = 0; r < t->count; r++) {
        uint32_t w;
        size_t g;
        jbw_status st;
        if (al->lines[r].worker != JBW__NONE)
            continue;
        w = wr_choose(a, al, t->measure[r], &al->lines[r].reason);
        if (w == JBW__NONE)
            continue;
        if ((st = wr_place(al, a, t, r, w)) != JBW_OK)
            return st;
        g = wr_siblings(grp, a, al, t, r);
        if (g == 0 ||
            a->free[w] + WR_CAPACITY_EPS < wr_group_need(a, t, grp, g, w))
            continue;
        for (x = 0; x < g; x++)
            if ((st = wr_place(al, a, t, grp[x], w)) != JBW_OK)
                return st;
    }
    return JBW_OK;
}

static jbw_status wr_alloc_run(jbw_allocation *al, const jbw_triage *t,
                               const jbw_norm *norm, const jbw_calendar *cal)
{
    wr_alloc_state a;
    size_t *grp, r;
    jbw_status st;
    memset(&a, 0, sizeof a);
    a.s = t->snap;
    a.norm = norm;
    a.unit = jbw_norm_unit(norm);
    al->lines = (wr_line *)jbw__calloc(t->count, sizeof *al->lines);
    grp = (size_t *)jbw__calloc(t->count, sizeof *grp);
    if ((!al->lines || !grp) && t->count) {
        jbw__free(grp);
        return jbw__enomem();
    }
    for (r = 0; r < t->count; r++) {
        al->lines[r].id = t->cases[r].id;
        al->lines[r].organisation = t->cases[r].organisation;
        al->lines[r].region = t->cases[r].region;
        al->lines[r].worker = JBW__NONE;
    }
    st = wr_alloc_loads(al, &a, cal, t->date);
    if (st == JBW_OK)
        st = wr_alloc_walk(al, &a, t, grp);
    jbw__free(grp);
    wr_alloc_state_free(&a);
    return st;
}

jbw_status jbw_allocation_new(jbw_allocation **out, const jbw_triage *triage,
                              const jbw_snapshot *snap, const jbw_norm *norm,
                              const jbw_calendar *cal)
{
    jbw_allocation *al;
    const char *norm_name;
    jbw_status st;
    if (!out || !triage || !snap || !norm || !cal)
        return jbw__error(JBW_EINVAL, "jbw_allocation_new: %s is NULL",
                          !out      ? "out"
                          : !triage ? "triage"
                          : !snap   ? "snap"
                          : !norm   ? "norm"
                                    : "cal");
    if (snap != triage->snap)
        return jbw__error(JBW_EINVAL,
                          "jbw_allocation_new: the snapshot is not the one "
                          "the triage was made from");
    if ((unsigned)jbw_norm_unit(norm) > (unsigned)JBW_UNIT_FAMILY)
        return jbw__error(JBW_EINVAL, "jbw_allocation_new: the norm's unit "
                                      "is out of range");
    al = (jbw_allocation *)jbw__calloc(1, sizeof *al);
    if (!al)
        return jbw__enomem();
    al->snap = snap;
    al->model = triage->model;
    al->date = triage->date;
    al->unit = jbw_norm_unit(norm);
    al->count = triage->count;
    norm_name = jbw_norm_name(norm);
    al->norm_name = jbw__strdup(norm_name ? norm_name : "");
    st = al->norm_name ? wr_alloc_run(al, triage, norm, cal) : jbw__enomem();
    if (st != JBW_OK) {
        jbw_allocation_free(al);
        return st;
    }
    *out = al;
    return jbw__ok();
}

size_t jbw_allocation_count(const jbw_allocation *alloc)
{
    return alloc ? alloc->count : 0;
}

size_t jbw_allocation_assigned(const jbw_allocation *alloc)
{
    return alloc ? alloc->assigned : 0;
}

static const char *wr_line_worker(const jbw_allocation *al, size_t i)
{
    uint32_t w = al->lines[i].worker;
    return w == JBW__NONE ? NULL : wr_worker_id(al->snap, w);
}

jbw_status jbw_allocation_get(const char **measure_id, size_t *rank,
                              const char **worker_id, int *reason,
                              const jbw_allocation *alloc, size_t index)
{
    if (!alloc)
        return jbw__error(JBW_EINVAL, "jbw_allocation_get: alloc is NULL");
    if (index >= alloc->count)
        return jbw__error(JBW_ERANGE,
                          "jbw_allocation_get: index %lu is past the %lu "
                          "lines",
                          (unsigned long)index, (unsigned long)alloc->count);
    if (measure_id)
        *measure_id = alloc->lines[index].id;
    if (rank)
        *rank = index + 1;
    if (worker_id)
        *worker_id = wr_line_worker(alloc, index);
    if (reason)
        *reason = alloc->lines[index].reason;
    return jbw__ok();
}

static const char *wr_reason_code(int reason)
{
    return reason == JBW_UNASSIGNED_NO_WORKER ? "no_worker" : "no_capacity";
}

static jbw_status wr_alloc_args(char **out, const jbw_allocation *al,
                                const char *fn)
{
    return wr_out_args(out, al, JBW_LANG_EN, fn);
}

static void wr_json_line(jbw__buf *b, const jbw_allocation *al, size_t i)
{
    const wr_line *l = &al->lines[i];
    jbw__buf_puts(b, "{\"id\":");
    jbw__buf_json_string(b, l->id);
    jbw__buf_printf(b, ",\"rank\":%lu,", (unsigned long)(i + 1));
    if (l->worker != JBW__NONE) {
        jbw__buf_puts(b, "\"worker\":");
        jbw__buf_json_string(b, wr_line_worker(al, i));
    } else {
        jbw__buf_printf(b, "\"reason\":\"%s\"", wr_reason_code(l->reason));
    }
    jbw__buf_puts(b, ",\"organisation\":");
    jbw__buf_json_string(b, l->organisation);
    jbw__buf_puts(b, ",\"region\":");
    jbw__buf_json_string(b, l->region);
    jbw__buf_putc(b, '}');
}

static void wr_json_workers(jbw__buf *b, const jbw_allocation *al)
{
    const jbw_snapshot *s = al->snap;
    size_t k;
    jbw__buf_puts(b, "\"workers\":[");
    for (k = 0; k < al->worker_count; k++) {
        const wr_wload *wl = &al->workers[k];
        jbw__buf_puts(b, k ? ",{\"id\":" : "{\"id\":");
        jbw__buf_json_string(b, wr_worker_id(s, wl->worker));
        jbw__buf_puts(b, ",\"organisation\":");
        jbw__buf_json_string(b, wr_key(&s->registry->org_keys,
                                       s->w.org[wl->worker]));
        jbw__buf_puts(b, ",\"region\":");
        jbw__buf_json_string(b, wr_key(&s->registry->region_keys,
                                       s->w.region[wl->worker]));
        jbw__buf_puts(b, ",\"capacity\":");
        jbw__buf_json_number(b, wl->capacity, 4);
        jbw__buf_puts(b, ",\"load\":");
        jbw__buf_json_number(b, wl->load, 4);
        jbw__buf_puts(b, ",\"proposed_load\":");
        jbw__buf_json_number(b, wl->proposed, 4);
        jbw__buf_putc(b, '}');
    }
    jbw__buf_putc(b, ']');
}

jbw_status jbw_allocation_json(char **out, size_t *len,
                               const jbw_allocation *alloc)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    int pass, first;
    jbw_status st = wr_alloc_args(out, alloc, "jbw_allocation_json");
    if (st != JBW_OK)
        return st;
    jbw__buf_putc(&b, '{');
    wr_json_model(&b, &alloc->model);
    jbw__buf_puts(&b, ",\"date\":\"");
    jbw__buf_date(&b, alloc->date);
    jbw__buf_puts(&b, "\",\"norm\":");
    jbw__buf_json_string(&b, alloc->norm_name);
    jbw__buf_printf(&b, ",\"unit\":\"%s\"", jbw_unit_code(alloc->unit));
    /* pass 0: assignments, pass 1: unassigned */
    for (pass = 0; pass < 2; pass++) {
        jbw__buf_puts(&b, pass ? ",\"unassigned\":[" : ",\"assignments\":[");
        for (i = 0, first = 1; i < alloc->count; i++) {
            if ((alloc->lines[i].worker == JBW__NONE) != pass)
                continue;
            if (!first)
                jbw__buf_putc(&b, ',');
            wr_json_line(&b, alloc, i);
            first = 0;
        }
        jbw__buf_putc(&b, ']');
    }
    jbw__buf_putc(&b, ',');
    wr_json_workers(&b, alloc);
    jbw__buf_puts(&b, "}\n");
    return wr_finish(&b, out, len);
}

jbw_status jbw_allocation_csv(char **out, size_t *len,
                              const jbw_allocation *alloc)
{
    jbw__buf b = JBW__BUF_INIT;
    size_t i;
    jbw_status st = wr_alloc_args(out, alloc, "jbw_allocation_csv");
    if (st != JBW_OK)
        return st;
    jbw__buf_puts(&b, "rank,id,organisation,region,worker,reason\n");
    for (i = 0; i < alloc->count; i++) {
        const wr_line *l = &alloc->lines[i];
        jbw__buf_printf(&b, "%lu,", (unsigned long)(i + 1));
        jbw__buf_csv_field(&b, l->id);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, l->organisation);
        jbw__buf_putc(&b, ',');
        jbw__buf_csv_field(&b, l->region);
        jbw__buf_putc(&b, ',');
        if (l->worker != JBW__NONE) {
            jbw__buf_csv_field(&b, wr_line_worker(alloc, i));
            jbw__buf_puts(&b, ",\n");
        } else {
            jbw__buf_printf(&b, ",%s\n", wr_reason_code(l->reason));
        }
    }
    return wr_finish(&b, out, len);
}

jbw_status jbw_allocation_text(char **out, size_t *len,
                               const jbw_allocation *alloc)
{
    jbw__buf b = JBW__BUF_INIT;
    char date[JBW_DATE_BUFSIZE];
    size_t i;
    jbw_status st = wr_alloc_args(out, alloc, "jbw_allocation_text");
    if (st != JBW_OK)
        return st;
    wr_fmt_date(date, alloc->date);
    jbw__buf_printf(&b,
                    "Allocation proposal on %s (model %s version %d, norm "
                    "%s, unit %s): %lu of %lu waiting assigned\n"
                    "A proposal for the people who decide; nothing has "
                    "been changed.\n\n%5s  %-16s %-8s %-8s %s\n",
                    date, alloc->model.name, alloc->model.version,
                    alloc->norm_name, jbw_unit_code(alloc->unit),
                    (unsigned long)alloc->assigned,
                    (unsigned long)alloc->count, "rank", "id",
                    "org", "region", "worker");
    for (i = 0; i < alloc->count; i++) {
        const wr_line *l = &alloc->lines[i];
        const char *w = wr_line_worker(alloc, i);
        jbw__buf_printf(&b, "%5lu  %-16s %-8s %-8s ", (unsigned long)(i + 1),
                        l->id ? l->id : "",
                        l->organisation ? l->organisation : "",
                        l->region ? l->region : "");
        if (w)
            jbw__buf_printf(&b, "%s\n", w);
        else
            jbw__buf_printf(&b, "(unassigned: %s)\n",
                            l->reason == JBW_UNASSIGNED_NO_WORKER
                                ? "no worker employed in the organisation"
                                : "no worker with enough free capacity");
    }
    return wr_finish(&b, out, len);
}
