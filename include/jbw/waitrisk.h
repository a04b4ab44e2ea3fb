/*
 * libjbw - the waiting-risk model ("schadelijk wachten"): an explainable,
 * versioned points checklist that ranks the waiting list, sets how often
 * each waiting child is contacted, and proposes who takes whom.
 *
 * It is libjbw's own model, not a national standard and not a validated
 * actuarial instrument; it supports people who decide (docs/model-card.md).
 * Its inputs are closed: a model file can change points and thresholds,
 * never add inputs, and protected attributes (nationality, ethnicity,
 * religion, country of birth, ...) do not exist as inputs: a model file
 * naming one is refused with JBW_EPROTECTED.
 *
 * Default model "jbw-wachtrisico" version 1 (points):
 *  acute (safety acute)   override: band acuut, +100
 *  safety                 unsafe 30, concerns 15, unknown 10, safe 0
 *  measure                VOTS / voorlopige voogdij 25; OTS with
 *                         placement or crisis 15; OTS 10; voogdij 5;
 *                         tijdelijke voogdij 5; JR by risk: high 15,
 *                         medium 8, unknown 5, low 0
 *  time waited (werkdagen) <= 5: 0; 6-30: 15; 31-65: 25; > 65: 35
 *  bestaand               10
 *  age                    < 4: 15; 4-11: 5; >= 12: 0; unknown: 5
 *  no contact (werkdagen since last contact or waiting start)
 *                         > 20: 20; > 10: 10
 *  handovers              3 or more earlier workers: 5
 * Bands: acuut (override or >= 80; contact daily), hoog (50-79; every 5
 * werkdagen), midden (25-49; every 10), laag (< 25; every 20).
 */
#ifndef JBW_WAITRISK_H
#define JBW_WAITRISK_H

#include "jbw/caseload.h"
#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/measure.h"
#include "jbw/snapshot.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum jbw_band {
    JBW_BAND_LAAG = 0,
    JBW_BAND_MIDDEN = 1,
    JBW_BAND_HOOG = 2,
    JBW_BAND_ACUUT = 3
} jbw_band;

/* "laag", "midden", "hoog", "acuut"; NULL when out of range. */
JBW_API const char *jbw_band_code(jbw_band band);

/* Looks a band up by its code, case-insensitively; `len` as in
 * jbw_date_parse. Errors: JBW_EINVAL, JBW_ENOTFOUND. */
JBW_API jbw_status jbw_band_from_code(jbw_band *out, const char *code,
                                      size_t len);

/* No professional override (jbw_wait_case.override_band). */
#define JBW_OVERRIDE_NONE (-1)
/* jbw_score.age_years of an unborn child (model version 2). */
#define JBW_AGE_UNBORN (-2)

/* The items of the checklist. Values never change; new items append. */
typedef enum jbw_item {
    JBW_ITEM_ACUTE = 0,
    JBW_ITEM_SAFETY = 1,
    JBW_ITEM_MEASURE = 2,
    JBW_ITEM_TIME_WAITED = 3,
    JBW_ITEM_BESTAAND = 4,
    JBW_ITEM_AGE = 5,
    JBW_ITEM_NO_CONTACT = 6,
    JBW_ITEM_HANDOVERS = 7,
    /* model version 2 */
    JBW_ITEM_SAFETY_PLAN = 8,
    JBW_ITEM_OTHER_HELP = 9,
    JBW_ITEM_DOMESTIC_VIOLENCE = 10,
    JBW_ITEM_TERM_END = 11
} jbw_item;

/* Items this library knows (version 1 of the model scores the first 8). */
#define JBW_ITEM_COUNT 12
/* Fixed size of per-item arrays in public structs; never changes. */
#define JBW_ITEM_SLOTS 16

/* Stable item id ("safety", "time_waited"); NULL when out of range. */
JBW_API const char *jbw_item_code(jbw_item item);

/* jbw_lang (Dutch or English) is declared in jbw/common.h. */

/* ---- the model ------------------------------------------------------- */

typedef struct jbw_waitrisk_model jbw_waitrisk_model;

/* Creates the default model: jbw-wachtrisico version 2 since libjbw 0.2
 * (version 1 before). Errors: JBW_EINVAL, JBW_ENOMEM. */
JBW_API jbw_status jbw_waitrisk_model_new_default(jbw_waitrisk_model **out);

/*
 * Creates jbw-wachtrisico of the given version: 1 (libjbw 0.1, kept
 * byte-identical so that its decisions can be reproduced) or 2 (the
 * default). Free with jbw_waitrisk_model_free().
 * Errors: JBW_EINVAL (NULL, or a version this library does not have),
 * JBW_ENOMEM.
 */
JBW_API jbw_status jbw_waitrisk_model_new_version(jbw_waitrisk_model **out,
                                                  int version);

/*
 * Parses a model file (key = value; docs/model-card.md, "Model file").
 * It starts from the default and must set `name` and `version` of its
 * own; a file that keeps the default's name and version must keep its
 * values too. Keys name points and thresholds only; a key given twice is
 * an error. Protected attributes are looked for in every key and value
 * (not in comments) before anything else is parsed.
 * Errors: JBW_EPROTECTED (a key or value names a protected attribute;
 * the detail names it and the line), JBW_EPARSE (unknown key, bad
 * number, thresholds out of order, negative points), JBW_EINVAL,
 * JBW_ENOMEM.
 */
JBW_API jbw_status jbw_waitrisk_model_parse(jbw_waitrisk_model **out,
                                            const char *text, size_t len,
                                            const char *source);
/* As above from a file. Additional error: JBW_EIO. */
JBW_API jbw_status jbw_waitrisk_model_load(jbw_waitrisk_model **out,
                                           const char *path);
/* Writes the full model file (every key), which parses back to the same
 * model. Free *out with jbw_free(); `len` may be NULL.
 * Errors: JBW_EINVAL (out or model NULL), JBW_ENOMEM. */
JBW_API jbw_status jbw_waitrisk_model_save(char **out, size_t *len,
                                           const jbw_waitrisk_model *model);
/* Frees a model; NULL is accepted. */
JBW_API void jbw_waitrisk_model_free(jbw_waitrisk_model *model);

/* The model's name (a model file's `name`; "jbw-wachtrisico" for the
 * built-in models), borrowed from the model; NULL for NULL. */
JBW_API const char *jbw_waitrisk_model_name(const jbw_waitrisk_model *model);
/* The model's version (a model file's `version`; 1 or 2 for the built-in
 * models); 0 for NULL. */
JBW_API int jbw_waitrisk_model_version(const jbw_waitrisk_model *model);

/* The version of jbw-wachtrisico whose items, rules and keys the model
 * uses (a model file's `base_version`; 1 or 2). 0 for NULL. */
JBW_API int jbw_waitrisk_model_base_version(const jbw_waitrisk_model *model);

typedef enum jbw_model_format {
    JBW_MODEL_FORMAT_JSON = 0,
    JBW_MODEL_FORMAT_MARKDOWN = 1
} jbw_model_format;

/*
 * The model card of a model (Markdown, English): its items, rules and
 * points, the bands and the contact schedule, the human involvement and
 * the inputs it refuses, all from the model's own parameters.
 * *out is NUL-terminated; free it with jbw_free(). `len` may be NULL.
 * Errors: JBW_EINVAL (NULL), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_waitrisk_model_card(char **out, size_t *len,
                                           const jbw_waitrisk_model *model);

/*
 * The entry of the model in the Dutch algorithm register: the fields of
 * the Algoritmeregister Publicatiestandaard 1.0.10 in their order, in
 * Dutch. Fields the model knows are filled from its own data (name,
 * version, description, goal, the items and their rules, the inputs it
 * refuses, human involvement, data, risks, supplier); the others (the
 * organisation, the legal basis, the DPIA and IAMA, ...) are left for the
 * organisation and marked. JSON: {"standard":{"name","version"},
 * "model":{"name","version"},"fields":[{"key","label","fill_by":"model"|
 * "organisation","value" (null when the organisation fills it),"note"?}]}.
 * Markdown: one section per field. Free *out with jbw_free().
 * Errors: JBW_EINVAL (NULL, unknown format), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_waitrisk_model_register(char **out, size_t *len,
                                               const jbw_waitrisk_model *model,
                                               jbw_model_format format);

/*
 * The model's parameters (points, band thresholds, boundaries, contact
 * intervals), so that a program can show the model's table or check it:
 * the count, the index-th one by its model-file key (docs/model-card.md),
 * and a lookup by key. Keys are static strings; values are whole numbers.
 * Errors: JBW_EINVAL (NULL), JBW_ERANGE (index), JBW_ENOTFOUND (key).
 */
JBW_API size_t jbw_waitrisk_model_param_count(const jbw_waitrisk_model *model);
JBW_API jbw_status jbw_waitrisk_model_param(const char **key, int *value,
                                            const jbw_waitrisk_model *model,
                                            size_t index);
JBW_API jbw_status jbw_waitrisk_model_get(int *value,
                                          const jbw_waitrisk_model *model,
                                          const char *key);

/* Contact interval of a band in werkdagen (acuut: 1). -1 for NULL. */
JBW_API int jbw_waitrisk_model_contact_interval(const jbw_waitrisk_model *model,
                                                jbw_band band);

/*
 * The number of items `model` scores: the items 0 .. n-1 of jbw_item,
 * 8 under the rules of jbw-wachtrisico version 1 (JBW_ITEM_ACUTE ..
 * JBW_ITEM_HANDOVERS) and 12 under version 2
 * (jbw_waitrisk_model_base_version()). 0 for NULL.
 */
JBW_API int jbw_waitrisk_model_item_count(const jbw_waitrisk_model *model);

/* ---- cases and scores ------------------------------------------------ */

/*
 * One waiting child's measure, the input to scoring. Strings are borrowed
 * and only used for ranking ties, siblings and allocation, never scored.
 */
typedef struct jbw_wait_case {
    unsigned int version;
    const char *id; /* measure pseudonym */
    const char *child_id;
    const char *family_id; /* NULL or "": own family */
    const char *organisation;
    const char *region;
    jbw_kind kind;
    jbw_safety safety;
    jbw_placement placement;
    jbw_jr_risk jr_risk;
    jbw_date waiting_since; /* required */
    jbw_date birth_date;    /* optional */
    jbw_date last_contact;  /* optional */
    int previous_workers;   /* > 0: bestaand */
    /* version 2 (libjbw 0.2); model version 1 does not score the first
     * four; the override applies under every model */
    jbw_yesno safety_plan; /* a safety plan is in place */
    jbw_yesno other_help;  /* other help is involved */
    jbw_yesno domestic_violence;
    jbw_date term_end;           /* optional: the current term ends */
    int override_band;           /* JBW_OVERRIDE_NONE or a jbw_band */
    const char *override_reason; /* required with override_band */
} jbw_wait_case;

#define JBW_WAIT_CASE_VERSION 2
#define JBW_WAIT_CASE_INIT                                                     \
    {                                                                          \
        JBW_WAIT_CASE_VERSION, NULL, NULL, NULL, NULL, NULL, JBW_KIND_OTS,     \
            JBW_SAFETY_UNKNOWN, JBW_PLACEMENT_NONE, JBW_JR_RISK_UNKNOWN,       \
            JBW_DATE_NONE, JBW_DATE_NONE, JBW_DATE_NONE, 0, JBW_YESNO_UNKNOWN, \
            JBW_YESNO_UNKNOWN, JBW_YESNO_UNKNOWN, JBW_DATE_NONE,               \
            JBW_OVERRIDE_NONE, NULL                                            \
    }

/*
 * Sets the defaults of record version `version` (1 or 2); version 1
 * writes only the fields of version 1, so a program built against libjbw
 * 0.1 can pass its smaller record. Every function that takes wait cases
 * reads each record by its own version; the records of one array must
 * share one version. Errors: JBW_EINVAL, JBW_EVERSION.
 */
JBW_API jbw_status jbw_wait_case_init(jbw_wait_case *c, unsigned int version);

/*
 * Sets one field of every case of cases[0..count) from a column of text,
 * in one call instead of one per case (since 0.2).
 *  cases: records set up with jbw_wait_case_init() (or JBW_WAIT_CASE_INIT),
 *         all of the version of cases[0]; only the field is written.
 *  count: the number of cases and of values; 0 sets nothing (cases and
 *         text may then be NULL; the field's name is still checked).
 *  field: the field's name in jbw_wait_case ("id", "kind", "birth_date",
 *         ...); a version-2 field needs records of version 2.
 *  text:  `count` values one after the other, each ended by a NUL byte,
 *         in UTF-8: "M-1\0M-2\0" holds two. `size` is the length of the
 *         whole text, the last NUL included; the text must hold exactly
 *         `count` values.
 * A value is read as the field needs it:
 *  - string fields (id, child_id, family_id, organisation, region,
 *    override_reason): the field points INTO `text` (borrowed: the text
 *    must stay unchanged and alive while the cases are used); an empty
 *    value is the empty string, never NULL.
 *  - enum fields: the code, as jbw_kind_from_code(), jbw_safety_from_code(),
 *    jbw_placement_from_code(), jbw_jr_risk_from_code(),
 *    jbw_yesno_from_code() (which takes "" as unknown) and, for
 *    override_band, jbw_band_from_code(), where "" is no override
 *    (JBW_OVERRIDE_NONE).
 *  - date fields: as jbw_date_parse() (ISO or Dutch); "" is no date
 *    (JBW_DATE_NONE).
 *  - previous_workers: a whole number in decimal ("2").
 * Errors: JBW_EINVAL (a NULL field; with count > 0, NULL cases or text,
 * the detail naming which; no such field, a version-2 field in version-1
 * records, a text that does not end with a NUL or holds another number of
 * values), JBW_EVERSION (an unknown record
 * version), and for a value that cannot be read the error of its parser
 * (JBW_ENOTFOUND for an unknown code, JBW_EPARSE for a date or number
 * that is not one, JBW_ERANGE for a year outside the range), with a
 * detail naming the column, the row (0-based), the case's id when it is
 * set, and the value: "column 'kind', row 1 (id 'M-2'): not a measure
 * kind code: 'XYZ'". On an error the rows before the bad one may already
 * be set: the cases must not be used then.
 */
JBW_API jbw_status jbw_wait_cases_set_text(jbw_wait_case *cases, size_t count,
                                           const char *field, const char *text,
                                           size_t size);

/*
 * Sets integer fields of every case of cases[0..count) in one pass over
 * the cases (since 0.2): field fields[k] of case i from values[k][i], for
 * k < nfields (at most 16; a later field wins over an earlier one of the
 * same name). Integer fields are the enum fields (their jbw_* values;
 * override_band a jbw_band or JBW_OVERRIDE_NONE), the date fields
 * (jbw_date day numbers, JBW_DATE_NONE for none) and previous_workers.
 * `cases` and the field names as in jbw_wait_cases_set_text(); `fields`
 * and `values` (each `count` long) are only read. The values are copied
 * as they are: jbw_waitrisk_score() refuses those out of range, naming
 * the case. Every name is checked before anything is written.
 * count 0 or nfields 0 sets nothing; cases may be NULL only when count
 * is 0, fields and values only when nfields is 0 (values also when count
 * is 0: nothing is read then).
 * Errors: JBW_EINVAL (with count > 0, NULL cases, whatever nfields; with
 * nfields > 0, NULL fields or a NULL name, and with count > 0 also NULL
 * values or values[k]: the detail names which; more than 16 fields, no
 * such field, a string field, a version-2 field in version-1 records),
 * JBW_EVERSION (an unknown record version).
 */
JBW_API jbw_status jbw_wait_cases_set_ints(jbw_wait_case *cases, size_t count,
                                           const char *const *fields,
                                           const int32_t *const *values,
                                           size_t nfields);

/*
 * The score of one case. `band` is the band that ranks and sets the
 * contact: the professional override when the case has one, else the
 * model's (jbw_waitrisk_computed_band() gives the model's band).
 * item_points[item] holds the points each item
 * gave (0 for items that did not score); `items` has bit (1 << item) set
 * for every item that scored (an item scoring 0 points is not set).
 * Safety `acute` scores through JBW_ITEM_ACUTE only (the safety item then
 * gives 0) and always makes the band acuut.
 * next_contact_due: the contact interval of the band in werkdagen after
 * the last contact (or after waiting_since when there was none), but never
 * before the scoring date: an overdue contact is due on the date itself.
 * An acuut case without any contact is due on the date itself.
 */
typedef struct jbw_score {
    unsigned int version;
    int points;
    jbw_band band;
    int32_t workdays_waiting;    /* werkdagen from waiting_since to date */
    int32_t workdays_no_contact; /* from last contact (or waiting start) */
    int32_t age_years;           /* -1 when unknown */
    jbw_date next_contact_due;
    uint32_t items;
    int item_points[JBW_ITEM_SLOTS];
} jbw_score;

#define JBW_SCORE_VERSION 1

/*
 * The band the model computed for a score (the points against the band
 * thresholds; acuut when safety was acute), whatever the override.
 * -1 when model or score is NULL.
 */
JBW_API int jbw_waitrisk_computed_band(const jbw_waitrisk_model *model,
                                       const jbw_score *score);

/*
 * Scores one case on `date` with the calendar `cal`. `out->version` must
 * be set by the caller. Dates before waiting_since, a birth date after the
 * date or the wait start, a last contact after the date or before the
 * birth date, a negative previous_workers, an enum value out of range:
 * JBW_EINVAL naming the case id and field. A last contact before
 * waiting_since is allowed (the former worker's contact of a bestaand
 * case). A date outside 1900..2199 or a due date past 2199: JBW_ERANGE.
 * Model version 2 accepts a birth date after the wait start (a prenatal
 * measure) and up to 301 days after the date (an unborn child); it
 * refuses a last contact before a birth date only when the birth lies on
 * or before the wait start. An override band without a reason (empty or
 * only white space), a reason without a band, or a band out of range:
 * JBW_EINVAL naming override_reason or override_band.
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_ERANGE.
 */
JBW_API jbw_status jbw_waitrisk_score(jbw_score *out,
                                      const jbw_waitrisk_model *model,
                                      const jbw_calendar *cal,
                                      const jbw_wait_case *wait_case,
                                      jbw_date date);

/*
 * Scores `count` cases in one call into out[0..count) (each out[i].version
 * is set by the library to JBW_SCORE_VERSION). All or nothing: on the
 * first bad case it returns its error (the detail names the index and id)
 * and `out` may be partly written; callers must not use it then.
 * Errors as jbw_waitrisk_score().
 */
JBW_API jbw_status jbw_waitrisk_score_batch(jbw_score *out,
                                            const jbw_waitrisk_model *model,
                                            const jbw_calendar *cal,
                                            const jbw_wait_case *cases,
                                            size_t count, jbw_date date);

/*
 * Writes the reason an item scored, in Dutch or English, into buf (NUL-
 * terminated; 256 bytes always suffice), e.g. "wacht 34 werkdagen: langer
 * dan 6 weken (norm plan van aanpak)". Items that did not score give "".
 * Errors: JBW_EINVAL, JBW_EBUFFER.
 */
JBW_API jbw_status jbw_waitrisk_reason(char *buf, size_t size,
                                       const jbw_waitrisk_model *model,
                                       const jbw_wait_case *wait_case,
                                       const jbw_score *score, jbw_item item,
                                       jbw_lang lang);

/*
 * Orders cases: band (acuut first; the overridden band where a case has
 * an override, as in jbw_score.band), then points (high first), then
 * workdays_waiting (long first), then id (byte order, ascending). Writes
 * the permutation into order[0..count). Total and deterministic.
 * Errors: JBW_EINVAL, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_waitrisk_rank(size_t *order, const jbw_score *scores,
                                     const jbw_wait_case *cases, size_t count);

/* ---- triage of a snapshot -------------------------------------------- */

typedef struct jbw_triage jbw_triage;

/*
 * Scores and ranks every measure that waits (nieuw or bestaand) in a
 * snapshot on `date` (NONE: the snapshot's reference date). A measure
 * that is nieuw on the date because its first worker came later waits
 * since its start; contacts recorded after the date are not seen. The
 * records say who waits on the snapshot's reference date: a date after
 * it carries that day's waits forward as if nothing changed (as
 * jbw_caseload_compute()), and on an earlier date a measure that waited
 * bestaand then but has a worker again by the reference date is not
 * seen (the jbw command refuses a later date and notes an earlier one;
 * docs/cli.md). A date before every start gives an empty triage. The
 * triage keeps a copy of the model and borrows the snapshot's strings:
 * free it before the snapshot.
 * Errors: JBW_EINVAL, JBW_ERANGE, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_triage_new(jbw_triage **out,
                                  const jbw_waitrisk_model *model,
                                  const jbw_calendar *cal,
                                  const jbw_snapshot *snap, jbw_date date);
/* Frees a triage and its copy of the model; NULL is accepted. */
JBW_API void jbw_triage_free(jbw_triage *triage);

/* The number of waiting measures scored; 0 for NULL. */
JBW_API size_t jbw_triage_count(const jbw_triage *triage);
/* The date the measures were scored on (the snapshot's reference date
 * when jbw_triage_new() was given JBW_DATE_NONE); JBW_DATE_NONE for
 * NULL. */
JBW_API jbw_date jbw_triage_date(const jbw_triage *triage);

/* The model the triage was scored with (the triage's own copy: borrowed,
 * valid while the triage lives; read it with jbw_waitrisk_model_name,
 * _version, _base_version); NULL for NULL. */
JBW_API const jbw_waitrisk_model *jbw_triage_model(const jbw_triage *triage);

/* The data notice of the triage's snapshot (jbw_snapshot_data_notice);
 * NULL for real data and for NULL. Borrowed from the snapshot. */
JBW_API const char *jbw_triage_data_notice(const jbw_triage *triage);

/*
 * The case at `rank` (0 = first) with its score. Strings in *wait_case
 * are borrowed from the snapshot. Either output may be NULL; the caller
 * sets their version.
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_ERANGE.
 */
JBW_API jbw_status jbw_triage_get(jbw_wait_case *wait_case, jbw_score *score,
                                  const jbw_triage *triage, size_t rank);

/*
 * The state of the measure at `rank` (0 = first) on the triage's date:
 * JBW_STATE_NIEUW (it never had a worker) or JBW_STATE_BESTAAND (it lost
 * its worker and waits for a new one). -1 when triage is NULL or rank is
 * not below jbw_triage_count().
 */
JBW_API int jbw_triage_state(const jbw_triage *triage, size_t rank);

/* Output of the first `top` cases (0: all). Free *out with jbw_free();
 * `len` may be NULL. Errors: JBW_EINVAL (out or triage NULL, `lang` not
 * JBW_LANG_NL or JBW_LANG_EN), JBW_ENOMEM.
 * JSON: {"model":{"name","version"},"date","synthetic"?,"cases":[{"id",
 * "rank","band","points","workdays_waiting","next_contact_due","items":
 * [{"item","points","reason"}]}]}; reasons in `lang`. Also written:
 * "waiting" (all waiting cases, whatever `top`) and per case
 * "organisation", "region", "state" (nieuw / bestaand) and
 * "workdays_no_contact". Ranks are 1-based in every output. */
JBW_API jbw_status jbw_triage_json(char **out, size_t *len,
                                   const jbw_triage *triage, size_t top,
                                   jbw_lang lang);
JBW_API jbw_status jbw_triage_csv(char **out, size_t *len,
                                  const jbw_triage *triage, size_t top,
                                  jbw_lang lang);
JBW_API jbw_status jbw_triage_text(char **out, size_t *len,
                                   const jbw_triage *triage, size_t top,
                                   jbw_lang lang);

/* ---- allocation proposal --------------------------------------------- */

typedef struct jbw_allocation jbw_allocation;

typedef enum jbw_unassigned_reason {
    JBW_UNASSIGNED_NO_CAPACITY = 1, /* no worker of the organisation
                                       has enough free capacity */
    JBW_UNASSIGNED_NO_WORKER = 2    /* the organisation has no worker
                                       employed on the date */
} jbw_unassigned_reason;

/*
 * Proposes fixed workers for the waiting list: walks the triage ranking
 * and gives each child to a worker of the same organisation with free
 * capacity under `norm` (same region first, then most free capacity,
 * then worker id); the waiting siblings in the same organisation go
 * with the child to the same worker when that worker can take them all
 * (else each waits for its own rank). Capacity and load are those of
 * jbw_caseload_compute() on the triage's date; a measure needs what it
 * adds to the worker's load in the norm's unit (in unit child or family
 * nothing when the worker already has that child or family at that
 * weight). `snap` must be the snapshot the triage was made from.
 * Nothing in the snapshot changes. The allocation borrows the snapshot's
 * strings: free it before the snapshot.
 * Errors: JBW_EINVAL, JBW_ERANGE, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_allocation_new(jbw_allocation **out,
                                      const jbw_triage *triage,
                                      const jbw_snapshot *snap,
                                      const jbw_norm *norm,
                                      const jbw_calendar *cal);
/* Frees an allocation; NULL is accepted. The triage and snapshot it
 * was made from are not touched. */
JBW_API void jbw_allocation_free(jbw_allocation *alloc);

/* The number of lines: one per waiting case, in ranking order; 0 for
 * NULL. */
JBW_API size_t jbw_allocation_count(const jbw_allocation *alloc);

/*
 * The index-th line: measure id, its rank (1-based, as in the outputs:
 * index + 1), and the proposed worker id (NULL when unassigned, with
 * *reason set; 0 when assigned). Strings are borrowed from the snapshot.
 * Any output may be NULL.
 * Errors: JBW_EINVAL, JBW_ERANGE.
 */
JBW_API jbw_status jbw_allocation_get(const char **measure_id, size_t *rank,
                                      const char **worker_id, int *reason,
                                      const jbw_allocation *alloc,
                                      size_t index);

/*
 * Where the measure of the index-th line belongs: its organisation and
 * region keys (the registry's; NULL when the measure has none). Strings
 * are borrowed from the snapshot. Either output may be NULL.
 * Errors: JBW_EINVAL (alloc NULL), JBW_ERANGE (index not below
 * jbw_allocation_count()).
 */
JBW_API jbw_status jbw_allocation_line_place(const char **organisation,
                                             const char **region,
                                             const jbw_allocation *alloc,
                                             size_t index);

/* The number of lines given a worker (the others are left unassigned);
 * 0 for NULL. */
JBW_API size_t jbw_allocation_assigned(const jbw_allocation *alloc);

/* The workers employed on the proposal's date, in snapshot order: the
 * ones the proposal could give a case to. 0 for NULL. */
JBW_API size_t jbw_allocation_worker_count(const jbw_allocation *alloc);

/*
 * The index-th employed worker: id, organisation and region keys
 * (borrowed from the snapshot), capacity under the allocation's norm,
 * load before the proposal and load after it (proposed_load), in the
 * norm's unit, as jbw_caseload_compute() counts them on the date. Any
 * output may be NULL.
 * Errors: JBW_EINVAL (alloc NULL), JBW_ERANGE (index not below
 * jbw_allocation_worker_count()).
 */
JBW_API jbw_status jbw_allocation_worker(const char **worker_id,
                                         const char **organisation,
                                         const char **region, double *capacity,
                                         double *load, double *proposed_load,
                                         const jbw_allocation *alloc,
                                         size_t index);

/* The date of the proposal (the triage's); JBW_DATE_NONE for NULL. */
JBW_API jbw_date jbw_allocation_date(const jbw_allocation *alloc);

/* The model of the triage the proposal follows (a copy owned by the
 * allocation: borrowed, valid while it lives); NULL for NULL. */
JBW_API const jbw_waitrisk_model *
jbw_allocation_model(const jbw_allocation *alloc);

/* The name of the norm the capacities were computed under (borrowed,
 * valid while the allocation lives) and its unit; NULL and
 * JBW_UNIT_MEASURE for NULL. */
JBW_API const char *jbw_allocation_norm_name(const jbw_allocation *alloc);
JBW_API jbw_unit jbw_allocation_unit(const jbw_allocation *alloc);

/* The data notice of the allocation's snapshot (jbw_snapshot_data_notice);
 * NULL for real data and for NULL. Borrowed from the snapshot. */
JBW_API const char *jbw_allocation_data_notice(const jbw_allocation *alloc);

/* Output. JSON {"assignments":[{"id","rank","worker"}],"unassigned":
 * [{"id","rank","reason"}]}, reason "no_capacity" or "no_worker". Also
 * written: "model", "date", "norm", "unit", per line "organisation" and
 * "region", and "workers": [{"id","organisation","region","capacity",
 * "load","proposed_load"}] for the workers employed on the date. Free
 * *out with jbw_free(); `len` may be NULL. Errors: JBW_EINVAL (out or
 * alloc NULL), JBW_ENOMEM. */
JBW_API jbw_status jbw_allocation_json(char **out, size_t *len,
                                       const jbw_allocation *alloc);
JBW_API jbw_status jbw_allocation_csv(char **out, size_t *len,
                                      const jbw_allocation *alloc);
/* The text list in English (as in 0.1). Ownership and errors as
 * jbw_allocation_json(). */
JBW_API jbw_status jbw_allocation_text(char **out, size_t *len,
                                       const jbw_allocation *alloc);
/*
 * The text list in Dutch (JBW_LANG_NL, for the team leads and the
 * toewijzingsoverleg of a GI) or English (JBW_LANG_EN: the same bytes as
 * jbw_allocation_text()). Ids, codes and numbers are the same in both.
 * *out is freed with jbw_free(); *len (may be NULL) gets its length.
 * Errors: JBW_EINVAL for a NULL out or alloc or another lang; JBW_ENOMEM.
 * Since 0.2.
 */
JBW_API jbw_status jbw_allocation_text_lang(char **out, size_t *len,
                                            const jbw_allocation *alloc,
                                            jbw_lang lang);

#ifdef __cplusplus
}
#endif

#endif /* JBW_WAITRISK_H */
