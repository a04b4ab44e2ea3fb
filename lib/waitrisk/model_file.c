/*
 * libjbw - the waiting-risk model file: the protected-attribute check,
 * parsing with its consistency checks, and writing.
 */
#include "waitrisk/waitrisk_internal.h"
#include "io/kv.h"

#include <string.h>

/* ---- protected attributes -------------------------------------------- */

/*
 * Words that name a protected attribute. They are matched against a line
 * with case folded and everything but letters and digits removed, so
 * "country_of_birth", "Country-Of-Birth" and "countryofbirth" all match.
 */
static const char *const protected_stems[] = {
    "nationalit",                /* nationality, nationaliteit */
    "ethnic",                    /* ethnicity, ethnic_group */
    "etnici",                    /* etniciteit */
    "etnisch",         "religi", /* religion, religie, religious */
    "geloof",          "countryofbirth", "birthcountry", "geboorteland",
    "landvangeboorte", "migrat", /* migration, migratie, migratieachtergrond */
    "migrant",         "afkomst",        "herkomst",     "racial",
    "huidskleur",      "skincolo",
};

/* Short words that are protected only as a whole segment ("points.ras"),
 * never inside another word ("trace", "grass"). */
static const char *const protected_words[] = {"race", "races", "ras"};

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

static char to_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static int is_word_char(char c)
{
    return is_alnum(c) || c == '_' || c == '-';
}

/* Quotes the word(s) of line[from..to] widened to whole words (cut with
 * an ellipsis when long). */
static void quote_span(char *q, size_t qsize, const char *line, size_t n,
                       size_t from, size_t to)
{
    while (from > 0 && is_word_char(line[from - 1]))
        from--;
    while (to + 1 < n && is_word_char(line[to + 1]))
        to++;
    jbw__quote_value(q, qsize, line + from, to - from + 1);
}

/* Looks for a protected stem in one line (without its comment). Returns 1
 * and the quoted word when found. */
static int line_protected(char *q, size_t qsize, const char *line, size_t n)
{
    char norm[1200];
    size_t pos[1200];
    size_t i, k = 0, s, seg;
    for (i = 0; i < n && k < sizeof norm - 1; i++) {
        if (is_alnum(line[i])) {
            norm[k] = to_lower(line[i]);
            pos[k++] = i;
        }
    }
    norm[k] = '\0';
    for (s = 0; s < sizeof protected_stems / sizeof *protected_stems; s++) {
        const char *hit = strstr(norm, protected_stems[s]);
        if (hit) {
            size_t at = (size_t)(hit - norm);
            size_t end = at + strlen(protected_stems[s]) - 1;
            quote_span(q, qsize, line, n, pos[at], pos[end]);
            return 1;
        }
    }
    /* whole alphanumeric segments */
    for (i = 0; i < n;) {
        size_t start;
        if (!is_alnum(line[i])) {
            i++;
            continue;
        }
        start = i;
        while (i < n && is_alnum(line[i]))
            i++;
        for (seg = 0; seg < sizeof protected_words / sizeof *protected_words;
             seg++) {
            const char *w = protected_words[seg];
            size_t wl = strlen(w), j;
            if (wl != i - start)
                continue;
            for (j = 0; j < wl && to_lower(line[start + j]) == w[j]; j++)
                ;
            if (j == wl) {
                quote_span(q, qsize, line, n, start, i - 1);
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
static jbw_status check_protected(const char *text, size_t len,
                                  const char *source)
{
    size_t pos = 0, line = 0;
    while (pos < len) {
        size_t start = pos, end, n;
        char q[JBW__SHOWN];
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
        if (line_protected(q, sizeof q, text + start, n))
            return jbw__error(JBW_EPROTECTED,
                              "%s line %lu: a protected attribute can never "
                              "be a model input: '%s'",
                              source, (unsigned long)line, q);
    }
    return JBW_OK;
}

/* ---- parsing --------------------------------------------------------- */

typedef struct parse_state {
    jbw_waitrisk_model *m;
    const char *source;
    size_t line_of[WR_PARAM_COUNT]; /* 0: not in the file */
    int val[WR_PARAM_COUNT];        /* the value where line_of is set */
    size_t name_line, version_line, description_line, base_line;
} parse_state;

static jbw_status refuse_twice(const parse_state *p, const char *key,
                               size_t line, size_t first)
{
    return jbw__error(JBW_EPARSE,
                      "%s line %lu: '%s' is given twice (first on "
                      "line %lu)",
                      p->source, (unsigned long)line, key,
                      (unsigned long)first);
}

static jbw_status text_value(char *dst, size_t cap, const parse_state *p,
                             const char *key, const char *value, size_t line)
{
    size_t n = strlen(value), i;
    char q[JBW__SHOWN];
    if (n == 0)
        return jbw__error(JBW_EPARSE, "%s line %lu: '%s' is empty", p->source,
                          (unsigned long)line, key);
    if (n > cap)
        return jbw__error(JBW_EPARSE,
                          "%s line %lu: '%s' is longer than %lu bytes (%lu): "
                          "'%s'",
                          p->source, (unsigned long)line, key,
                          (unsigned long)cap, (unsigned long)n,
                          jbw__quote_value(q, sizeof q, value, n));
    for (i = 0; i < n; i++)
        if ((unsigned char)value[i] < 0x20 || value[i] == 0x7f)
            return jbw__error(JBW_EPARSE,
                              "%s line %lu: '%s' holds a control character "
                              "(byte %lu): '%s'",
                              p->source, (unsigned long)line, key,
                              (unsigned long)i + 1,
                              jbw__quote_value(q, sizeof q, value, n));
    memcpy(dst, value, n + 1);
    return JBW_OK;
}

static jbw_status int_value(long long *out, const parse_state *p,
                            const char *key, const char *value, size_t line,
                            long long min, long long max)
{
    long long v;
    char q[JBW__SHOWN];
    if (jbw__parse_int(&v, value, strlen(value)) != 0)
        return jbw__error(JBW_EPARSE,
                          "%s line %lu: '%s' is not a whole number: '%s'",
                          p->source, (unsigned long)line, key,
                          jbw__quote_value(q, sizeof q, value, strlen(value)));
    if (v < 0 && min >= 0)
        return jbw__error(JBW_EPARSE,
                          "%s line %lu: '%s' must not be negative: %lld",
                          p->source, (unsigned long)line, key, v);
    if (v < min || v > max)
        return jbw__error(JBW_EPARSE,
                          "%s line %lu: '%s' is outside %lld..%lld: %lld",
                          p->source, (unsigned long)line, key, min, max, v);
    *out = v;
    return JBW_OK;
}

static jbw_status parse_pair(void *user, const char *key, const char *value,
                             size_t line)
{
    parse_state *p = (parse_state *)user;
    long long v;
    jbw_status st;
    size_t i;
    if (strcmp(key, "name") == 0) {
        if (p->name_line)
            return refuse_twice(p, key, line, p->name_line);
        p->name_line = line;
        return text_value(p->m->name, WR_NAME_MAX, p, key, value, line);
    }
    if (strcmp(key, "description") == 0) {
        if (p->description_line)
            return refuse_twice(p, key, line, p->description_line);
        p->description_line = line;
        return text_value(p->m->description, WR_DESCRIPTION_MAX, p, key, value,
                          line);
    }
    if (strcmp(key, "version") == 0) {
        if (p->version_line)
            return refuse_twice(p, key, line, p->version_line);
        p->version_line = line;
        st = int_value(&v, p, key, value, line, 1, WR_VERSION_MAX);
        if (st == JBW_OK)
            p->m->version = (int)v;
        return st;
    }
    if (strcmp(key, "base_version") == 0) {
        if (p->base_line)
            return refuse_twice(p, key, line, p->base_line);
        p->base_line = line;
        st = int_value(&v, p, key, value, line, 1, WR_LATEST_VERSION);
        if (st == JBW_OK)
            p->m->base = (int)v;
        return st;
    }
    for (i = 0; i < WR_PARAM_COUNT; i++) {
        if (strcmp(key, jbw__wr_params[i].key) != 0)
            continue;
        if (p->line_of[i])
            return refuse_twice(p, key, line, p->line_of[i]);
        p->line_of[i] = line;
        st = int_value(&v, p, key, value, line, jbw__wr_params[i].min,
                       jbw__wr_params[i].max);
        if (st == JBW_OK)
            p->val[i] = (int)v;
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
static size_t blame_line(const parse_state *p, int a, int b)
{
    return p->line_of[a] ? p->line_of[a] : p->line_of[b];
}

/* Checks that lo < hi for a pair of thresholds. */
static jbw_status check_order(const parse_state *p, int lo, int hi)
{
    const int *v = p->m->v;
    if (v[lo] < v[hi])
        return JBW_OK;
    return jbw__error(JBW_EPARSE, "%s line %lu: %s (%d) must be below %s (%d)",
                      p->source, (unsigned long)blame_line(p, hi, lo),
                      jbw__wr_params[lo].key, v[lo], jbw__wr_params[hi].key,
                      v[hi]);
}

static jbw_status check_not_above(const parse_state *p, int lo, int hi)
{
    const int *v = p->m->v;
    if (v[lo] <= v[hi])
        return JBW_OK;
    return jbw__error(JBW_EPARSE,
                      "%s line %lu: %s (%d) must not be above %s (%d): a "
                      "higher band is never contacted less often",
                      p->source, (unsigned long)blame_line(p, lo, hi),
                      jbw__wr_params[lo].key, v[lo], jbw__wr_params[hi].key,
                      v[hi]);
}

/*
 * Gives the model the defaults of its base version and the values the
 * file set; a key the base version does not have is an error.
 */
static jbw_status apply_pairs(parse_state *p)
{
    jbw_waitrisk_model *m = p->m;
    char name[WR_NAME_MAX + 1], description[WR_DESCRIPTION_MAX + 1];
    int version = m->version, base = m->base;
    size_t i;
    for (i = 0; i < (size_t)WR_PARAM_COUNT; i++)
        if (p->line_of[i] && !jbw__wr_param_in(i, base))
            return jbw__error(JBW_EPARSE,
                              "%s line %lu: '%s' belongs to version %d of "
                              "jbw-wachtrisico; this file builds on version "
                              "%d (set 'base_version = %d' to use it)",
                              p->source, (unsigned long)p->line_of[i],
                              jbw__wr_params[i].key, jbw__wr_params[i].since,
                              base, jbw__wr_params[i].since);
    memcpy(name, m->name, sizeof name);
    memcpy(description, m->description, sizeof description);
    jbw__wr_model_set_default(m, base);
    memcpy(m->name, name, sizeof name);
    memcpy(m->description, description, sizeof description);
    m->version = version;
    for (i = 0; i < (size_t)WR_PARAM_COUNT; i++)
        if (p->line_of[i])
            m->v[i] = p->val[i];
    return JBW_OK;
}

static jbw_status check_model(const parse_state *p)
{
    static const int order[][2] = {
        {WR_T_BAND_MIDDEN, WR_T_BAND_HOOG},
        {WR_T_BAND_HOOG, WR_T_BAND_ACUUT},
        {WR_T_TIME_1, WR_T_TIME_2},
        {WR_T_TIME_2, WR_T_TIME_3},
        {WR_T_AGE_1, WR_T_AGE_2},
        {WR_T_NO_CONTACT_1, WR_T_NO_CONTACT_2},
        /* version 2 */
        {WR_T_AGE_0, WR_T_AGE_1},
        {WR_T_TERM_1, WR_T_TERM_2},
    };
    static const int contact[][2] = {
        {WR_T_CONTACT_ACUUT, WR_T_CONTACT_HOOG},
        {WR_T_CONTACT_HOOG, WR_T_CONTACT_MIDDEN},
        {WR_T_CONTACT_MIDDEN, WR_T_CONTACT_LAAG},
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
        if (jbw__wr_param_in((size_t)order[i][0], m->base) &&
            (st = check_order(p, order[i][0], order[i][1])) != JBW_OK)
            return st;
    for (i = 0; i < sizeof contact / sizeof *contact; i++)
        if ((st = check_not_above(p, contact[i][0], contact[i][1])) != JBW_OK)
            return st;
    /* A file may restate a published version, never change it under its
     * name. */
    if (strcmp(m->name, WR_DEFAULT_NAME) == 0 && m->version >= 1 &&
        m->version <= WR_LATEST_VERSION) {
        if (m->base != m->version)
            return jbw__error(
                JBW_EPARSE,
                "%s line %lu: the file carries the name and version of %s "
                "version %d but builds on version %d; give a changed model "
                "its own name or version",
                p->source,
                (unsigned long)(p->base_line ? p->base_line : p->version_line),
                WR_DEFAULT_NAME, m->version, m->base);
        for (i = 0; i < (size_t)WR_PARAM_COUNT; i++) {
            int def =
                m->base >= 2 ? jbw__wr_params[i].def2 : jbw__wr_params[i].def;
            if (jbw__wr_param_in(i, m->base) && m->v[i] != def)
                return jbw__error(
                    JBW_EPARSE,
                    "%s line %lu: '%s' differs from the default model "
                    "%s version %d (%d there), but the file carries that "
                    "name and version; give a changed model its own name or "
                    "version: %d",
                    p->source, (unsigned long)p->line_of[i],
                    jbw__wr_params[i].key, WR_DEFAULT_NAME, m->version, def,
                    m->v[i]);
        }
    }
    return JBW_OK;
}

jbw_status jbw_waitrisk_model_parse(jbw_waitrisk_model **out, const char *text,
                                    size_t len, const char *source)
{
    jbw_waitrisk_model *m;
    parse_state p;
    jbw_status st;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_model_parse: out is NULL");
    if (!text && len)
        return jbw__error(JBW_EINVAL, "jbw_waitrisk_model_parse: text is NULL");
    if (!source)
        source = "(model)";
    if (!text)
        text = "";
    st = check_protected(text, len, source);
    if (st != JBW_OK)
        return st;
    m = (jbw_waitrisk_model *)jbw__malloc(sizeof *m);
    if (!m)
        return jbw__enomem();
    /* files written for libjbw 0.1 have no base_version: version 1 */
    jbw__wr_model_set_default(m, 1);
    m->name[0] = '\0';
    memset(&p, 0, sizeof p);
    p.m = m;
    p.source = source;
    st = jbw__kv_parse(text, len, source, parse_pair, &p);
    if (st == JBW_OK)
        st = apply_pairs(&p);
    if (st == JBW_OK)
        st = check_model(&p);
    if (st != JBW_OK) {
        jbw__free(m);
        return st;
    }
    jbw__wr_model_derive(m);
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
    st = jbw__kv_read(&text, &len, path);
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
    /* version-1 models are written as libjbw 0.1 wrote them */
    if (model->base >= 2)
        jbw__buf_printf(&b, "base_version = %d\n", model->base);
    for (i = 0; i < WR_PARAM_COUNT; i++) {
        if (!jbw__wr_param_in(i, model->base))
            continue;
        if (model->base >= 2 && i == WR_P_NO_CONTACT_1)
            jbw__buf_puts(&b, "\n# no contact: werkdagen since the last "
                              "recorded contact;\n# the names follow "
                              "no_contact.threshold1..2\n");
        else if (jbw__wr_params[i].section)
            jbw__buf_printf(&b, "\n# %s\n", jbw__wr_params[i].section);
        jbw__buf_printf(&b, "%s = %d\n", jbw__wr_params[i].key, model->v[i]);
    }
    st = jbw__buf_finish(&b, out, len);
    return st == JBW_OK ? jbw__ok() : st;
}
