/*
 * libjbw - measure kinds (maatregelen) and the worker and measure records.
 *
 * Kind values and code strings ("OTS") are stable: never renumbered, never
 * renamed; new kinds are appended. Identifiers in records are the caller's
 * pseudonyms; libjbw has no name or BSN fields by design.
 */
#ifndef JBW_MEASURE_H
#define JBW_MEASURE_H

#include "jbw/common.h"
#include "jbw/date.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum jbw_kind {
    /* jeugdbescherming (civil law), iJw category 48 */
    JBW_KIND_OTS = 0,
    JBW_KIND_VOTS = 1,
    JBW_KIND_VOOGDIJ = 2,
    JBW_KIND_VOORLOPIGE_VOOGDIJ = 3,
    JBW_KIND_TIJDELIJKE_VOOGDIJ = 4,
    /* jeugdreclassering (criminal law), iJw category 47 */
    JBW_KIND_JR_TB_GEDWONGEN = 5,
    JBW_KIND_JR_TB_VRIJWILLIG = 6,
    JBW_KIND_JR_ITB_HARDE_KERN = 7,
    JBW_KIND_JR_ITB_CRIEM = 8,
    JBW_KIND_JR_STP = 9,
    JBW_KIND_JR_GBM = 10,
    JBW_KIND_JR_VGBM = 11
} jbw_kind;

/* Number of kinds this version knows (also jbw_kind_count()). */
#define JBW_KIND_COUNT 12
/*
 * Fixed size of per-kind arrays in public structs. It never changes, so
 * structs keep their layout when kinds are appended (up to 32).
 */
#define JBW_KIND_SLOTS 32

typedef enum jbw_domain {
    JBW_DOMAIN_JB = 1, /* jeugdbescherming */
    JBW_DOMAIN_JR = 2  /* jeugdreclassering */
} jbw_domain;

typedef enum jbw_safety {
    JBW_SAFETY_UNKNOWN = 0, /* not assessed */
    JBW_SAFETY_SAFE = 1,
    JBW_SAFETY_CONCERNS = 2,
    JBW_SAFETY_UNSAFE = 3, /* structurally unsafe */
    JBW_SAFETY_ACUTE = 4   /* directe onveiligheid */
} jbw_safety;

typedef enum jbw_placement {
    JBW_PLACEMENT_NONE = 0,
    JBW_PLACEMENT_PLACED = 1, /* machtiging uithuisplaatsing (MUHP) */
    JBW_PLACEMENT_CRISIS = 2
} jbw_placement;

typedef enum jbw_jr_risk {
    JBW_JR_RISK_UNKNOWN = 0,
    JBW_JR_RISK_LOW = 1,
    JBW_JR_RISK_MEDIUM = 2,
    JBW_JR_RISK_HIGH = 3
} jbw_jr_risk;

/* A yes / no / unknown answer (model version 2 inputs). */
typedef enum jbw_yesno {
    JBW_YESNO_UNKNOWN = 0,
    JBW_YESNO_NO = 1,
    JBW_YESNO_YES = 2
} jbw_yesno;

/* Returns JBW_KIND_COUNT. */
JBW_API int jbw_kind_count(void);

/* Stable code ("OTS", "JR_TB_GEDWONGEN"); NULL for an unknown kind. */
JBW_API const char *jbw_kind_code(jbw_kind kind);

/* Dutch name ("ondertoezichtstelling"); NULL for an unknown kind. */
JBW_API const char *jbw_kind_name(jbw_kind kind);

/* JBW_DOMAIN_JB or JBW_DOMAIN_JR; 0 for an unknown kind. */
JBW_API int jbw_kind_domain(jbw_kind kind);

/* iJw product category: 48 (jeugdbescherming), 47 (jeugdreclassering);
 * 0 for an unknown kind. */
JBW_API int jbw_kind_ijw_category(jbw_kind kind);

/* 1 for emergency measures (VOTS, voorlopige voogdij), 0 otherwise. */
JBW_API int jbw_kind_is_emergency(jbw_kind kind);

/*
 * Looks a kind up by its code, case-insensitively ("ots" works).
 * `len` as in jbw_date_parse. Errors: JBW_EINVAL, JBW_ENOTFOUND.
 */
JBW_API jbw_status jbw_kind_from_code(jbw_kind *out, const char *code,
                                      size_t len);

/* Codes for the other enums, as used in files: "unknown", "safe",
 * "concerns", "unsafe", "acute"; "none", "placed", "crisis"; "unknown",
 * "low", "medium", "high". NULL for out-of-range values. The from_code
 * functions look a code up as jbw_kind_from_code() does; on failure *out
 * is untouched. Errors: JBW_EINVAL (out or code NULL), JBW_ENOTFOUND (not
 * a code). */
JBW_API const char *jbw_safety_code(jbw_safety v);
JBW_API const char *jbw_placement_code(jbw_placement v);
JBW_API const char *jbw_jr_risk_code(jbw_jr_risk v);
JBW_API jbw_status jbw_safety_from_code(jbw_safety *out, const char *code,
                                        size_t len);
JBW_API jbw_status jbw_placement_from_code(jbw_placement *out, const char *code,
                                           size_t len);
JBW_API jbw_status jbw_jr_risk_from_code(jbw_jr_risk *out, const char *code,
                                         size_t len);
/* "unknown", "no", "yes" (NULL out of range); from_code also takes the
 * Dutch "onbekend", "nee", "ja" and the empty string for unknown,
 * case-insensitively. Errors of from_code as jbw_safety_from_code(). */
JBW_API const char *jbw_yesno_code(jbw_yesno v);
JBW_API jbw_status jbw_yesno_from_code(jbw_yesno *out, const char *code,
                                       size_t len);

/*
 * A jeugdbeschermer or jeugdreclasseerder. Strings are borrowed when
 * passed in (the snapshot copies them) and borrowed from the snapshot
 * when read back.
 */
typedef struct jbw_worker {
    unsigned int version;
    const char *id;           /* pseudonym, unique */
    const char *organisation; /* registry key */
    const char *region;       /* registry key; NULL or "" for none */
    double fte;               /* 0 < fte <= 1.2 */
    jbw_date hired;
    jbw_date leaving; /* last day employed is leaving - 1; NONE = employed */
} jbw_worker;

#define JBW_WORKER_VERSION 1
#define JBW_WORKER_INIT                                                        \
    {                                                                          \
        JBW_WORKER_VERSION, NULL, NULL, NULL, 1.0, JBW_DATE_NONE,              \
            JBW_DATE_NONE                                                      \
    }

/* Errors: JBW_EINVAL, JBW_EVERSION. */
JBW_API jbw_status jbw_worker_init(jbw_worker *w, unsigned int version);

/*
 * One measure (maatregel) on one child, as one row of measures.csv.
 * The assignment fields (worker_id, waiting_since, previous_workers)
 * describe the state on the snapshot's reference date.
 */
typedef struct jbw_measure {
    unsigned int version;
    const char *id;        /* pseudonym, unique */
    const char *child_id;  /* pseudonym */
    const char *family_id; /* NULL or "": the child is its own family */
    jbw_kind kind;
    const char *organisation; /* registry key */
    const char *region;       /* registry key */
    jbw_date start;           /* the day the GI was charged */
    jbw_date end;             /* the day it ended; NONE = running */
    const char *worker_id;    /* current fixed worker; NULL or "" = none */
    jbw_date first_assigned;  /* first worker assigned; NONE = never */
    jbw_date waiting_since;   /* current wait began; NONE when assigned */
    int previous_workers;     /* workers on this measure before now */
    jbw_safety safety;
    jbw_placement placement;
    jbw_date birth_date;   /* optional */
    jbw_date last_contact; /* optional: last interim contact */
    jbw_jr_risk jr_risk;   /* jeugdreclassering only */
    /* version 2 (libjbw 0.2): the waiting-risk model's inputs of model
     * version 2 and the professional override (docs/model-card.md) */
    jbw_yesno safety_plan;
    jbw_yesno other_help;
    jbw_yesno domestic_violence;
    jbw_date term_end;           /* optional: the current term ends */
    int override_band;           /* -1 (none) or a jbw_band (waitrisk.h) */
    const char *override_reason; /* required with override_band */
    /* version 3 (libjbw 0.2): waiting for suitable help (docs/norms.md) */
    jbw_date help_requested; /* optional: the GI asked for suitable help
                                (foster care, a crisis place, specialist
                                help); not before start */
    jbw_date help_started;   /* optional: that help began; not before
                                help_requested */
} jbw_measure;

#define JBW_MEASURE_VERSION 3
#define JBW_MEASURE_INIT                                                       \
    {                                                                          \
        JBW_MEASURE_VERSION, NULL, NULL, NULL, JBW_KIND_OTS, NULL, NULL,       \
            JBW_DATE_NONE, JBW_DATE_NONE, NULL, JBW_DATE_NONE, JBW_DATE_NONE,  \
            0, JBW_SAFETY_UNKNOWN, JBW_PLACEMENT_NONE, JBW_DATE_NONE,          \
            JBW_DATE_NONE, JBW_JR_RISK_UNKNOWN, JBW_YESNO_UNKNOWN,             \
            JBW_YESNO_UNKNOWN, JBW_YESNO_UNKNOWN, JBW_DATE_NONE, -1, NULL,     \
            JBW_DATE_NONE, JBW_DATE_NONE                                       \
    }

/* Sets the defaults of record version `version` (1, 2 or 3; an older
 * version writes only its own fields). Errors: JBW_EINVAL, JBW_EVERSION. */
JBW_API jbw_status jbw_measure_init(jbw_measure *m, unsigned int version);

#ifdef __cplusplus
}
#endif

#endif /* JBW_MEASURE_H */
