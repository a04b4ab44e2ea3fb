/*
 * libjbw internal: what the files of lib/waitrisk share: the parameter
 * table and layout of the model, the scoring context, the layouts of the
 * triage and the allocation, and the helpers their writers use.
 */
#ifndef JBW_WAITRISK_INTERNAL_H
#define JBW_WAITRISK_INTERNAL_H

#include "data/snapshot_internal.h"

/* ---- the model (model.c) ---------------------------------------------- */

/* Every number of the model. Points first, then thresholds. */
enum {
    WR_P_ACUTE,
    WR_P_SAFETY_UNSAFE,
    WR_P_SAFETY_CONCERNS,
    WR_P_SAFETY_UNKNOWN,
    WR_P_SAFETY_SAFE,
    WR_P_SAFETY_PLAN_NO,      /* version 2 */
    WR_P_SAFETY_PLAN_UNKNOWN, /* version 2 */
    WR_P_SAFETY_PLAN_YES,     /* version 2 */
    WR_P_VOTS,
    WR_P_VOORLOPIGE_VOOGDIJ,
    WR_P_OTS_PLACED,
    WR_P_OTS_CRISIS,
    WR_P_OTS,
    WR_P_VOOGDIJ,
    WR_P_TIJDELIJKE_VOOGDIJ,
    WR_P_VOTS_PLACED, /* version 2 */
    WR_P_VOTS_CRISIS, /* version 2 */
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
    WR_P_AGE_BABY, /* version 2: unborn or younger than age.boundary0 */
    WR_P_NO_CONTACT_1,
    WR_P_NO_CONTACT_2,
    WR_P_HANDOVERS,
    WR_P_OTHER_HELP_NO,      /* version 2 */
    WR_P_OTHER_HELP_UNKNOWN, /* version 2 */
    WR_P_OTHER_HELP_YES,     /* version 2 */
    WR_P_DV_YES,             /* version 2 */
    WR_P_DV_UNKNOWN,         /* version 2 */
    WR_P_DV_NO,              /* version 2 */
    WR_P_TERM_NEAR,          /* version 2 */
    WR_P_TERM_SOON,          /* version 2 */
    WR_T_BAND_ACUUT,
    WR_T_BAND_HOOG,
    WR_T_BAND_MIDDEN,
    WR_T_TIME_1,
    WR_T_TIME_2,
    WR_T_TIME_3,
    WR_T_AGE_1,
    WR_T_AGE_2,
    WR_T_AGE_0, /* version 2 */
    WR_T_NO_CONTACT_1,
    WR_T_NO_CONTACT_2,
    WR_T_HANDOVERS,
    WR_T_TERM_1, /* version 2 */
    WR_T_TERM_2, /* version 2 */
    WR_T_CONTACT_ACUUT,
    WR_T_CONTACT_HOOG,
    WR_T_CONTACT_MIDDEN,
    WR_T_CONTACT_LAAG,
    WR_PARAM_COUNT
};

/* Limits that keep every sum far from int overflow and the due-date
 * table of a batch small. */
#define WR_POINTS_MAX      1000
#define WR_WORKDAYS_MAX    10000
#define WR_CONTACT_MAX     250
#define WR_NAME_MAX        100
#define WR_DESCRIPTION_MAX 400
#define WR_VERSION_MAX     1000000

typedef struct jbw__wr_param {
    const char *key;
    int def; /* the value in jbw-wachtrisico version 1 */
    int min;
    int max;
    const char *section; /* comment written before the first key of a group */
    int def2;            /* the value in jbw-wachtrisico version 2 */
    int since;           /* the first version that has the key (1 or 2) */
} jbw__wr_param;

/* The parameter table: key, default, bounds, the comment of its group. */
extern const jbw__wr_param jbw__wr_params[WR_PARAM_COUNT];

#define WR_DEFAULT_NAME "jbw-wachtrisico"
/* The version jbw_waitrisk_model_new_default() makes, and the newest. */
#define WR_DEFAULT_VERSION 2
#define WR_LATEST_VERSION  2
/* Items model version 1 scores (JBW_ITEM_ACUTE..JBW_ITEM_HANDOVERS). */
#define WR_ITEMS_V1 8
/* Who decides on an allocation proposal (model version 2 outputs). */
#define WR_DECIDED_BY                                                          \
    "the team lead and the allocation meeting (toewijzingsoverleg) of the GI"
#define WR_DECIDED_BY_NL "de teamleider en het toewijzingsoverleg van de GI"
/* The size of a jbw_wait_case of record version 1 (libjbw 0.1). */
#define WR_CASE_V1_SIZE offsetof(jbw_wait_case, safety_plan)

/* Number of measure-rule cells: kind x placement x jr_risk. */
#define WR_PLACEMENTS    3
#define WR_JR_RISKS      4
#define WR_MEASURE_CELLS (JBW_KIND_COUNT * WR_PLACEMENTS * WR_JR_RISKS)

struct jbw_waitrisk_model {
    char name[WR_NAME_MAX + 1];
    char description[WR_DESCRIPTION_MAX + 1];
    int version;
    int base; /* the jbw-wachtrisico version whose rules apply: 1 or 2 */
    int v[WR_PARAM_COUNT];
    /* Derived when the model is made, so that scoring is table lookups:
     * the safety points per jbw_safety, the measure points per cell, and
     * the contact interval per band. */
    int safety_points[5];
    int measure_points[WR_MEASURE_CELLS];
    int contact[4];
};

/* Which parameter scores a measure under the rules of version `base`:
 * the single rule that applies. */
int jbw__wr_measure_param(int base, jbw_kind kind, jbw_placement placement,
                          jbw_jr_risk risk);
/* 1 when parameter i exists in version `base`. */
int jbw__wr_param_in(size_t i, int base);
/* The number of items a model scores (8 in version 1, 12 in version 2). */
int jbw__wr_item_count(const jbw_waitrisk_model *m);
/* The index of a measure-rule cell in measure_points. */
size_t jbw__wr_measure_cell(int kind, int placement, int risk);
/* Fills the derived tables of a model from its parameters. */
void jbw__wr_model_derive(jbw_waitrisk_model *m);
/* Makes m jbw-wachtrisico of version `base` (1 or 2). */
void jbw__wr_model_set_default(jbw_waitrisk_model *m, int base);

/* ---- scoring (score.c) ------------------------------------------------ */

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
typedef struct jbw__wr_tables {
    /* `date` plus j werkdagen; JBW_DATE_NONE past 2199 */
    jbw_date due[WR_CONTACT_MAX + 1];
    /* werkdagen from `date` - j to `date`, for j <= back */
    int32_t workdays[WR_BACK_DAYS + 1];
    uint32_t back;
    /* age_days[k]: the fewest days between birth and `date` that make
     * a person k whole years old on `date` */
    int32_t age_days[WR_AGE_MAX + 2];
} jbw__wr_tables;

/* What stays the same for every case scored on one date. */
typedef struct jbw__wr_ctx {
    const jbw_waitrisk_model *m;
    const jbw_calendar *cal;
    jbw_date date;
    uint32_t first; /* 1900-01-01, as unsigned for one-compare range tests */
    uint32_t span;  /* days from 1900-01-01 to 2199-12-31 */
    int year;       /* of `date` */
    int month;
    int day;
    const jbw__wr_tables *t; /* NULL: compute per case */
} jbw__wr_ctx;

/* Checks the arguments and prepares a context for scoring on `date`;
 * `fn` names the public function in messages. */
jbw_status jbw__wr_ctx_init(jbw__wr_ctx *x, const jbw_waitrisk_model *m,
                            const jbw_calendar *cal, jbw_date date,
                            const char *fn);
/* The loop of a batch, shared with triage. */
jbw_status jbw__wr_score_many(jbw_score *out, const jbw__wr_ctx *x0,
                              const jbw_wait_case *cases, size_t count);
/* The record at index i of an array whose records have the version of
 * cases[0] (version-1 records are smaller). */
const jbw_wait_case *jbw__wr_case_at(const jbw_wait_case *cases, size_t i);
/* A full record from one of any known version: version-1 records are
 * copied into *tmp with the defaults of the later fields. */
const jbw_wait_case *jbw__wr_case_full(jbw_wait_case *tmp,
                                       const jbw_wait_case *c);
/* 1 when the case carries a professional override. */
int jbw__wr_overridden(const jbw_wait_case *c);
/* The band the model computed for a score. */
jbw_band jbw__wr_band_of(const jbw_waitrisk_model *m, const jbw_score *s);
/* An ISO date into buf (JBW_DATE_BUFSIZE bytes); "none" for
 * JBW_DATE_NONE, "?" for a date outside the range. */
void jbw__wr_fmt_date(char *buf, jbw_date d);

/* ---- reasons (reason.c) ----------------------------------------------- */

#define WR_REASON_SIZE 256

/* Writes the reason of one item into r (WR_REASON_SIZE bytes); "" when
 * the item did not score. Arguments are trusted. */
void jbw__wr_reason(char *r, const jbw_waitrisk_model *m,
                    const jbw_wait_case *c, const jbw_score *s, jbw_item item,
                    jbw_lang lang);

/* ---- triage (triage.c) ------------------------------------------------ */

struct jbw_triage {
    jbw_waitrisk_model model; /* a copy: results carry the model used */
    const jbw_snapshot *snap;
    jbw_date date;
    size_t count;
    /* in ranking order */
    jbw_wait_case *cases;
    jbw_score *scores;
    size_t *measure; /* snapshot measure index */
    uint8_t *state;  /* JBW_STATE_NIEUW or JBW_STATE_BESTAAND */
};

/* The key at `index` of a map, NULL for JBW__NONE. */
const char *jbw__wr_key(const jbw__strmap *map, uint32_t index);

/* ---- allocation (allocation.c) ---------------------------------------- */

typedef struct jbw__wr_line {
    const char *id;
    const char *organisation;
    const char *region;
    uint32_t worker; /* snapshot worker index or JBW__NONE */
    int reason;      /* 0 or jbw_unassigned_reason */
} jbw__wr_line;

typedef struct jbw__wr_wload {
    uint32_t worker; /* snapshot worker index */
    double capacity;
    double load;     /* before the proposal */
    double proposed; /* after it */
} jbw__wr_wload;

struct jbw_allocation {
    const jbw_snapshot *snap;
    jbw_waitrisk_model model;
    jbw_date date;
    char *norm_name;
    jbw_unit unit;
    size_t count, assigned;
    jbw__wr_line *lines; /* ranking order */
    size_t worker_count;
    jbw__wr_wload *workers; /* employed workers, snapshot order */
};

/* ---- writers (triage_output.c) ---------------------------------------- */

/* Checks the common arguments of a writer named `fn`. */
jbw_status jbw__wr_out_args(char **out, const void *obj, jbw_lang lang,
                            const char *fn);
/* Hands the buffer to the caller (jbw__buf_finish) and clears the detail. */
jbw_status jbw__wr_finish(jbw__buf *b, char **out, size_t *len);
/* "model":{"name":...,"version":...} of a JSON writer. */
void jbw__wr_json_model(jbw__buf *b, const jbw_waitrisk_model *m);

#endif /* JBW_WAITRISK_INTERNAL_H */
