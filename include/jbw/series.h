/*
 * libjbw - series of children waiting without a fixed jeugdbeschermer:
 * points by date (nieuw and bestaand), their changes, and the writers.
 */
#ifndef JBW_SERIES_H
#define JBW_SERIES_H

#include "jbw/common.h"
#include "jbw/date.h"
#include "jbw/snapshot.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jbw_series jbw_series;

typedef struct jbw_series_point {
    unsigned int version;
    jbw_date date;
    size_t nieuw;
    size_t bestaand;
    size_t total;          /* nieuw + bestaand */
    double share_bestaand; /* bestaand / total; NaN when total is 0 */
    /* change since the previous point; 0 for the first */
    long long change_nieuw;
    long long change_bestaand;
    long long change_total;
} jbw_series_point;
#define JBW_SERIES_POINT_VERSION 1

/* Creates an empty series with a title ("Zuid-Holland Zuid"; may be
 * NULL). Errors: JBW_EINVAL, JBW_ENOMEM. */
JBW_API jbw_status jbw_series_new(jbw_series **out, const char *title);
/* Frees a series, its points, title and notice; NULL is accepted. */
JBW_API void jbw_series_free(jbw_series *series);

/* Adds a point; points are kept in date order. Errors: JBW_EINVAL,
 * JBW_ERANGE (date), JBW_EDUPLICATE (date already there), JBW_ENOMEM. */
JBW_API jbw_status jbw_series_add(jbw_series *series, jbw_date date,
                                  size_t nieuw, size_t bestaand);

/* Adds the point counted from a snapshot on `date`, optionally for one
 * organisation or region (NULL: all). The snapshot's data notice, if any,
 * becomes part of the series' (jbw_series_data_notice()). A series over
 * time takes one snapshot (export) per date: on a date before a
 * snapshot's reference date, bestaand is too low (a measure that lost its
 * worker then and has one again on the reference date counts as
 * assigned), so points of one snapshot on earlier dates show a rise that
 * did not happen. Errors as jbw_series_add() and
 * jbw_snapshot_counts_get(); on error the series is unchanged. */
JBW_API jbw_status jbw_series_add_snapshot(jbw_series *series,
                                           const jbw_snapshot *snap,
                                           jbw_date date,
                                           const char *organisation,
                                           const char *region);

/*
 * The data notice of a series: where its figures come from, when they are
 * not the caller's own data. jbw_example_series_zhz() carries the
 * published source ("PUBLISHED figures: ..."); a series given points by
 * jbw_series_add_snapshot() from a snapshot with a data notice (the
 * synthetic example) carries that notice, added after any it has. Every
 * writer of the series prints it (text: a first line; JSON: a first key
 * "data_notice"; CSV: a last column "data_notice"), and
 * jbw_chart_series_svg() puts it on the chart in place of the options'
 * notice. The text is copied; NULL clears it.
 * Errors: JBW_EINVAL (series NULL, notice with a control character or
 * over 400 bytes), JBW_ENOMEM (the series is unchanged).
 */
JBW_API jbw_status jbw_series_set_data_notice(jbw_series *series,
                                              const char *notice);
/* The notice, or NULL (none, or series NULL). Borrowed from the series. */
JBW_API const char *jbw_series_data_notice(const jbw_series *series);

/* The title given to jbw_series_new(), or NULL (none, or series NULL).
 * Borrowed from the series. */
JBW_API const char *jbw_series_title(const jbw_series *series);
/*
 * What the series counts: 1 when every point came from a snapshot
 * (jbw_series_add_snapshot()), which counts measures without a fixed
 * jeugdbeschermer; 0 when a point was given as counts (jbw_series_add(),
 * as a published series is: the published letters count children,
 * "jeugdigen"), or the series is empty or NULL. The writers and the
 * series chart name what is counted after it ("Maatregelen" /
 * "Jeugdigen zonder vaste jeugdbeschermer").
 */
JBW_API int jbw_series_counts_measures(const jbw_series *series);
/* The number of points; 0 for NULL. */
JBW_API size_t jbw_series_count(const jbw_series *series);
/* The index-th point, in date order. Caller sets out->version
 * (JBW_SERIES_POINT_VERSION). Errors: JBW_EINVAL (NULL), JBW_EVERSION,
 * JBW_ERANGE (index). */
JBW_API jbw_status jbw_series_get(jbw_series_point *out,
                                  const jbw_series *series, size_t index);

/* Output: CSV (date,nieuw,bestaand,total,share_bestaand,change_...,
 * and data_notice when the series has one), JSON {"data_notice" when
 * set,"title","points":[...]}, text table (the notice first; English, see
 * jbw_series_text_lang). The first point has no change: its change
 * fields are empty in CSV, null in JSON and "-" in the table (where
 * jbw_series_get() gives 0). Free *out with jbw_free(); `len` may be
 * NULL. Errors: JBW_EINVAL (out or series NULL), JBW_ENOMEM. */
JBW_API jbw_status jbw_series_csv(char **out, size_t *len,
                                  const jbw_series *series);
JBW_API jbw_status jbw_series_json(char **out, size_t *len,
                                   const jbw_series *series);
JBW_API jbw_status jbw_series_text(char **out, size_t *len,
                                   const jbw_series *series);
/*
 * The text table in `lang`: Dutch words ("Kinderen zonder vaste
 * jeugdbeschermer", "totaal", "verschil nieuw") and a decimal comma, or
 * English (the text of jbw_series_text). Free *out with jbw_free().
 * Errors: JBW_EINVAL (NULL, a language that is not JBW_LANG_NL or
 * JBW_LANG_EN), JBW_ENOMEM.
 */
JBW_API jbw_status jbw_series_text_lang(char **out, size_t *len,
                                        const jbw_series *series,
                                        jbw_lang lang);

#ifdef __cplusplus
}
#endif

#endif /* JBW_SERIES_H */
