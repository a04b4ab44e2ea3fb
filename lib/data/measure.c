/*
 * libjbw - measure kinds (maatregelen), the codes of the record enums,
 * and the initialisers of the worker and measure records.
 */
#include "base/base_internal.h"

#include <string.h>

/*
 * One row per kind, indexed by jbw_kind. Codes and Dutch names follow
 * CBS's tables (docs/sources.md); iJw product category 48 is jeugdbescherming,
 * 47 jeugdreclassering (CBS). VOTS and voorlopige voogdij are the emergency
 * (spoed) measures.
 */
typedef struct kind_info {
    const char *code;
    const char *name;
    int domain;
    int ijw_category;
    int emergency;
} kind_info;

static const kind_info kind_table[JBW_KIND_COUNT] = {
    {"OTS", "ondertoezichtstelling", JBW_DOMAIN_JB, 48, 0},
    {"VOTS", "voorlopige ondertoezichtstelling", JBW_DOMAIN_JB, 48, 1},
    {"VOOGDIJ", "voogdij", JBW_DOMAIN_JB, 48, 0},
    {"VOORLOPIGE_VOOGDIJ", "voorlopige voogdij", JBW_DOMAIN_JB, 48, 1},
    {"TIJDELIJKE_VOOGDIJ", "tijdelijke voogdij", JBW_DOMAIN_JB, 48, 0},
    {"JR_TB_GEDWONGEN", "toezicht en begeleiding, gedwongen kader",
     JBW_DOMAIN_JR, 47, 0},
    {"JR_TB_VRIJWILLIG", "toezicht en begeleiding, vrijwillig kader",
     JBW_DOMAIN_JR, 47, 0},
    {"JR_ITB_HARDE_KERN", "individuele trajectbegeleiding harde kern",
     JBW_DOMAIN_JR, 47, 0},
    {"JR_ITB_CRIEM", "individuele trajectbegeleiding CRIEM", JBW_DOMAIN_JR, 47,
     0},
    {"JR_STP", "scholings- en trainingsprogramma", JBW_DOMAIN_JR, 47, 0},
    /* "gedragsbeïnvloedende", UTF-8 */
    {"JR_GBM", "gedragsbe\xc3\xafnvloedende maatregel", JBW_DOMAIN_JR, 47, 0},
    {"JR_VGBM", "voorbereiding gedragsbe\xc3\xafnvloedende maatregel",
     JBW_DOMAIN_JR, 47, 0},
};

static const char *const safety_codes[] = {"unknown", "safe", "concerns",
                                           "unsafe", "acute"};
static const char *const placement_codes[] = {"none", "placed", "crisis"};
static const char *const jr_risk_codes[] = {"unknown", "low", "medium", "high"};

#define JBW__COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const kind_info *kind_info_of(jbw_kind kind)
{
    /* Compare as unsigned: a negative value cast from outside is unknown. */
    unsigned k = (unsigned)kind;
    return k < JBW_KIND_COUNT ? &kind_table[k] : NULL;
}

int jbw_kind_count(void)
{
    return JBW_KIND_COUNT;
}

const char *jbw_kind_code(jbw_kind kind)
{
    const kind_info *k = kind_info_of(kind);
    return k ? k->code : NULL;
}

const char *jbw_kind_name(jbw_kind kind)
{
    const kind_info *k = kind_info_of(kind);
    return k ? k->name : NULL;
}

int jbw_kind_domain(jbw_kind kind)
{
    const kind_info *k = kind_info_of(kind);
    return k ? k->domain : 0;
}

int jbw_kind_ijw_category(jbw_kind kind)
{
    const kind_info *k = kind_info_of(kind);
    return k ? k->ijw_category : 0;
}

int jbw_kind_is_emergency(jbw_kind kind)
{
    const kind_info *k = kind_info_of(kind);
    return k ? k->emergency : 0;
}

/* ---- code lookup ------------------------------------------------------- */

/*
 * Finds text among `count` codes at stride `stride` bytes (the code being
 * the first member of each element). Returns the index or -1.
 */
static long find_code(const void *table, size_t count, size_t stride,
                      const char *text, size_t len)
{
    size_t i;
    for (i = 0; i < count; i++) {
        const char *code =
            *(const char *const *)(const void *)((const char *)table +
                                                 i * stride);
        if (jbw__name_eq_n(text, len, code))
            return (long)i;
    }
    return -1;
}

/*
 * The shared front end of the *_from_code functions: NULL checks, the
 * (size_t)-1 length convention, lookup and the detail on failure.
 */
static jbw_status lookup_code(long *index, const void *table, size_t count,
                              size_t stride, const char *what, const char *fn,
                              const void *out, const char *text, size_t len)
{
    if (!out || !text)
        return jbw__error(JBW_EINVAL, "%s: out or code is NULL", fn);
    if (len == (size_t)-1)
        len = strlen(text);
    *index = find_code(table, count, stride, text, len);
    if (*index < 0) {
        char q[JBW__SHOWN];
        return jbw__error(JBW_ENOTFOUND, "not a %s code: '%s'", what,
                          jbw__quote_value(q, sizeof q, text, len));
    }
    return JBW_OK;
}

jbw_status jbw_kind_from_code(jbw_kind *out, const char *code, size_t len)
{
    long i;
    jbw_status st =
        lookup_code(&i, kind_table, JBW_KIND_COUNT, sizeof kind_table[0],
                    "measure kind", "jbw_kind_from_code", out, code, len);
    if (st != JBW_OK)
        return st;
    *out = (jbw_kind)i;
    return jbw__ok();
}

jbw_status jbw_safety_from_code(jbw_safety *out, const char *code, size_t len)
{
    long i;
    jbw_status st =
        lookup_code(&i, safety_codes, JBW__COUNT(safety_codes), sizeof(char *),
                    "safety", "jbw_safety_from_code", out, code, len);
    if (st != JBW_OK)
        return st;
    *out = (jbw_safety)i;
    return jbw__ok();
}

jbw_status jbw_placement_from_code(jbw_placement *out, const char *code,
                                   size_t len)
{
    long i;
    jbw_status st = lookup_code(
        &i, placement_codes, JBW__COUNT(placement_codes), sizeof(char *),
        "placement", "jbw_placement_from_code", out, code, len);
    if (st != JBW_OK)
        return st;
    *out = (jbw_placement)i;
    return jbw__ok();
}

jbw_status jbw_jr_risk_from_code(jbw_jr_risk *out, const char *code, size_t len)
{
    long i;
    jbw_status st = lookup_code(&i, jr_risk_codes, JBW__COUNT(jr_risk_codes),
                                sizeof(char *), "jeugdreclassering risk",
                                "jbw_jr_risk_from_code", out, code, len);
    if (st != JBW_OK)
        return st;
    *out = (jbw_jr_risk)i;
    return jbw__ok();
}

/* yes/no answers: the codes, then the Dutch words for the same values */
static const char *const yesno_codes[] = {"unknown",  "no",  "yes",
                                          "onbekend", "nee", "ja"};

jbw_status jbw_yesno_from_code(jbw_yesno *out, const char *code, size_t len)
{
    long i;
    jbw_status st;
    if (out && code && (len == 0 || (len == (size_t)-1 && !code[0]))) {
        *out = JBW_YESNO_UNKNOWN; /* an empty cell is not known */
        return jbw__ok();
    }
    st = lookup_code(&i, yesno_codes, JBW__COUNT(yesno_codes), sizeof(char *),
                     "yes/no answer (yes, no, unknown)", "jbw_yesno_from_code",
                     out, code, len);
    if (st != JBW_OK)
        return st;
    *out = (jbw_yesno)(i % 3);
    return jbw__ok();
}

const char *jbw_yesno_code(jbw_yesno v)
{
    unsigned i = (unsigned)v;
    return i < 3 ? yesno_codes[i] : NULL;
}

const char *jbw_safety_code(jbw_safety v)
{
    unsigned i = (unsigned)v;
    return i < JBW__COUNT(safety_codes) ? safety_codes[i] : NULL;
}

const char *jbw_placement_code(jbw_placement v)
{
    unsigned i = (unsigned)v;
    return i < JBW__COUNT(placement_codes) ? placement_codes[i] : NULL;
}

const char *jbw_jr_risk_code(jbw_jr_risk v)
{
    unsigned i = (unsigned)v;
    return i < JBW__COUNT(jr_risk_codes) ? jr_risk_codes[i] : NULL;
}

/* ---- record initialisers ----------------------------------------------- */

jbw_status jbw_worker_init(jbw_worker *w, unsigned int version)
{
    static const jbw_worker init = JBW_WORKER_INIT;
    return jbw__record_init(w, &init, sizeof init, version, JBW_WORKER_VERSION,
                            "jbw_worker_init");
}

jbw_status jbw_measure_init(jbw_measure *m, unsigned int version)
{
    static const jbw_measure init = JBW_MEASURE_INIT;
    if (m && (version == 1 || version == 2)) {
        /* a record of an older version is smaller: write only its fields */
        memcpy(m, &init,
               version == 1 ? offsetof(jbw_measure, safety_plan)
                            : offsetof(jbw_measure, help_requested));
        m->version = version;
        return jbw__ok();
    }
    if (m && (version < 1 || version > JBW_MEASURE_VERSION))
        return jbw__error_version(version, 1, JBW_MEASURE_VERSION,
                                  "jbw_measure_init:");
    return jbw__record_init(m, &init, sizeof init, version, JBW_MEASURE_VERSION,
                            "jbw_measure_init");
}
