/*
 * The caseload report for people who decide: a short text (two screens
 * for a region) with totals, by organisation, by region and by kind of
 * measure, every column with its unit, in Dutch (default) or English; the
 * per-worker table only on request. The complete analyst tables stay in
 * jbw_caseload_text (English, every worker).
 */
#ifndef JBW_REPORT_H
#define JBW_REPORT_H

#include "jbw/caseload.h"
#include "jbw/common.h"
#include "jbw/waitrisk.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jbw_report_options {
    unsigned int version;
    jbw_lang lang;     /* JBW_LANG_NL (default) or JBW_LANG_EN */
    int workers_table; /* 1: add the per-worker table */
    size_t top;        /* workers table: the `top` highest load ratios
                          first (0: every worker, highest ratio first) */
} jbw_report_options;

#define JBW_REPORT_OPTIONS_VERSION 1
#define JBW_REPORT_OPTIONS_INIT                                                \
    {                                                                          \
        JBW_REPORT_OPTIONS_VERSION, JBW_LANG_NL, 0, 0                          \
    }

/* Errors: JBW_EINVAL (NULL), JBW_EVERSION. */
JBW_API jbw_status jbw_report_options_init(jbw_report_options *opts,
                                           unsigned int version);

/*
 * The report as text: the data notice first when the snapshot has one
 * (jbw_snapshot_data_notice), the date, the norm and the koppeling period,
 * then the tables: totals (label, value, unit), by organisation and by
 * region (each as two tables, so that a line fits 100 columns: measures
 * active, waiting nieuw and bestaand and the koppeling share; workers, FTE
 * required, effective and the gap) and active measures by kind. Numbers use a
 * decimal comma in Dutch. `opts` NULL: the defaults. *out is allocated
 * (free with jbw_free). Errors: JBW_EINVAL (NULL), JBW_EVERSION,
 * JBW_ENOMEM.
 */
JBW_API jbw_status jbw_caseload_report_text(char **out, size_t *len,
                                            const jbw_caseload *cl,
                                            const jbw_report_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* JBW_REPORT_H */
