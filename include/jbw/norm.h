/*
 * libjbw - caseload norms.
 *
 * A norm set (jbw_norm) says how caseload is counted: the unit (measure,
 * child or family), the caseload a full-time worker carries, a weight per
 * measure kind, the onboarding ramp and the status thresholds. The
 * built-in default is "FNV-GI 2023": 12 child-protection measures per
 * full-time jeugdbeschermer, every kind weight 1.0 (docs/norms.md; until
 * 0.1 the default was the Significant-norm of 12 children). The
 * caseload calculation (jbw/caseload.h), the waiting-risk allocation
 * (jbw/waitrisk.h) and the forecast (jbw/forecast.h) use it.
 */
#ifndef JBW_NORM_H
#define JBW_NORM_H

#include "jbw/common.h"
#include "jbw/measure.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum jbw_unit {
    JBW_UNIT_MEASURE = 0,
    JBW_UNIT_CHILD = 1,
    JBW_UNIT_FAMILY = 2
} jbw_unit;

/* "measure", "child", "family"; NULL when out of range. */
JBW_API const char *jbw_unit_code(jbw_unit unit);

typedef struct jbw_norm jbw_norm;

/* Largest number of ramp steps a norm may hold. */
#define JBW_RAMP_MAX 64

/*
 * Creates the default norm: "FNV-GI 2023", unit measure, 12 per FTE (the
 * FNV-GI agreement of March 2023: twelve child-protection measures per
 * full-time jeugdbeschermer), all weights 1.0, ramp 0.5 (months 0-2),
 * 0.75 (months 3-5), 1.0 (6+; the ramp has no published source),
 * thresholds under < 0.9 <= at <= 1.0 < over.
 * Errors: JBW_EINVAL, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_norm_new_default(jbw_norm **out);

/*
 * Creates a named norm set:
 *  "fnv-gi-2023"          the default (jbw_norm_new_default): unit measure,
 *                         12 per FTE, the FNV-GI agreement of March 2023;
 *  "significant-children" unit child, 12 per FTE (Significant Public 2022:
 *                         about 12 children per full-time jeugdbeschermer);
 *  "significant-families" unit family, 8.5 per FTE (Significant Public
 *                         2022: 8 to 9 families).
 * All have weight 1 for every kind and the default ramp and thresholds.
 * Free with jbw_norm_free(). Errors: JBW_EINVAL (NULL), JBW_ENOTFOUND (an
 * unknown name; the detail lists the names), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_norm_new_named(jbw_norm **out, const char *name);

/*
 * Parses a norm file (key = value; docs/norms.md). Keys not given keep
 * the default's value; ramp.* lines replace the default ramp as a whole.
 * `len` as in jbw_date_parse ((size_t)-1: NUL-terminated). `source`
 * names the text in messages.
 * Errors: JBW_EINVAL, JBW_EPARSE (malformed line, unknown key, bad
 * number, zero or negative caseload, negative weight, unknown kind or
 * unit, a ramp that is not a function of months), JBW_ENOMEM; the detail
 * names the source and line.
 */
JBW_API jbw_status jbw_norm_parse(jbw_norm **out, const char *text, size_t len,
                                  const char *source);

/* As jbw_norm_parse() from a file. Additional error: JBW_EIO. */
JBW_API jbw_status jbw_norm_load(jbw_norm **out, const char *path);

/* Writes the norm as a norm file that parses back to an equal norm.
 * Free with jbw_free(). Errors: JBW_EINVAL, JBW_ENOMEM. */
JBW_API jbw_status jbw_norm_save(char **out, size_t *len, const jbw_norm *norm);

/* Copies a norm: *out receives a norm of its own with the same name,
 * source, unit, caseload, weights, ramp and thresholds; free it with
 * jbw_norm_free(). On failure *out is untouched.
 * Errors: JBW_EINVAL (out or norm NULL), JBW_ENOMEM. */
JBW_API jbw_status jbw_norm_clone(jbw_norm **out, const jbw_norm *norm);
/* Frees a norm and the strings it owns; NULL is accepted. */
JBW_API void jbw_norm_free(jbw_norm *norm);

/* Accessors (NULL norm: NULL / 0 / NaN). Strings borrowed. */
JBW_API const char *jbw_norm_name(const jbw_norm *norm);
JBW_API const char *jbw_norm_source(const jbw_norm *norm);
/*
 * The norm's source for readers of the given language. For the source of a
 * built-in norm (jbw_norm_new_default, jbw_norm_new_named) and JBW_LANG_NL:
 * its Dutch wording; otherwise the same text as jbw_norm_source() (a source
 * set by the user is never translated). Owned by the norm, valid until it
 * changes or is freed; NULL for a NULL norm. Since 0.2.
 */
JBW_API const char *jbw_norm_source_lang(const jbw_norm *norm, jbw_lang lang);
/* The unit the norm counts in; JBW_UNIT_MEASURE for NULL. */
JBW_API jbw_unit jbw_norm_unit(const jbw_norm *norm);
/* A full caseload for 1 fte, in the norm's unit; NaN for NULL. */
JBW_API double jbw_norm_caseload_per_fte(const jbw_norm *norm);
/* The weight of a measure of `kind`; NaN for NULL or a kind out of
 * range. */
JBW_API double jbw_norm_weight(const jbw_norm *norm, jbw_kind kind);
/* Fraction of a full caseload at a tenure of `months` whole months
 * (negative months: 0); NaN for NULL. */
JBW_API double jbw_norm_ramp(const jbw_norm *norm, int32_t months);
/* Number of ramp steps (1..JBW_RAMP_MAX); 0 for NULL. */
JBW_API size_t jbw_norm_ramp_count(const jbw_norm *norm);
/*
 * The index-th ramp step: from tenure month *from_month on, a worker
 * carries *fraction of a full caseload (steps in increasing month order,
 * the first from month 0). Either output may be NULL.
 * Errors: JBW_EINVAL (NULL norm), JBW_ERANGE (index).
 */
JBW_API jbw_status jbw_norm_ramp_step(int32_t *from_month, double *fraction,
                                      const jbw_norm *norm, size_t index);
/* The thresholds of the load ratio: a worker is under below under_below
 * and over above over_above (jbw/caseload.h); NaN for NULL. */
JBW_API double jbw_norm_under_below(const jbw_norm *norm);
JBW_API double jbw_norm_over_above(const jbw_norm *norm);

/*
 * Setters. Each checks its argument and leaves the norm unchanged on
 * error. Errors: JBW_EINVAL (NULL, NaN, infinite, out of domain:
 * caseload <= 0 or over 1000, a weight below 0 or over 1000, a fraction
 * outside [0, 1], thresholds outside 0..1000 or under_below >
 * over_above), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_norm_set_name(jbw_norm *norm, const char *name,
                                     const char *source);
JBW_API jbw_status jbw_norm_set_unit(jbw_norm *norm, jbw_unit unit);
JBW_API jbw_status jbw_norm_set_caseload_per_fte(jbw_norm *norm,
                                                 double caseload);
JBW_API jbw_status jbw_norm_set_weight(jbw_norm *norm, jbw_kind kind,
                                       double weight);
/*
 * Replaces the ramp: from_month[i] is the first tenure month at which
 * fraction[i] applies; from_month must start at 0 and strictly increase;
 * the last fraction holds for every later month. 1 <= count <=
 * JBW_RAMP_MAX. Errors as the setters above (JBW_EINVAL also for NULL
 * arrays, a count out of range or months out of order); the norm is
 * unchanged on error.
 */
JBW_API jbw_status jbw_norm_set_ramp(jbw_norm *norm, const int32_t *from_month,
                                     const double *fraction, size_t count);
/*
 * Sets both thresholds of the load ratio (jbw_norm_under_below()): each
 * a finite number from 0 to 1000, under_below not above over_above.
 * Errors: JBW_EINVAL (NULL norm, a threshold out of range or the two out
 * of order; the norm is unchanged).
 */
JBW_API jbw_status jbw_norm_set_thresholds(jbw_norm *norm, double under_below,
                                           double over_above);

#ifdef __cplusplus
}
#endif

#endif /* JBW_NORM_H */
