/*
 * libjbw internal: sections of the short caseload report: the data-quality
 * findings (findings_out.c) and waiting for suitable help (help_out.c).
 */
#ifndef JBW_CASELOAD_FINDINGS_OUT_H
#define JBW_CASELOAD_FINDINGS_OUT_H

#include "caseload/caseload_internal.h"

/* Appends ,"finding_counts":{...},\n"findings":[...] to a JSON object. */
void jbw__cl_findings_json(jbw__buf *b, const jbw_caseload *cl);

/* A rule in the words of the report's section (Dutch, or English);
 * NULL for an unknown rule. */
const char *jbw__finding_words(jbw_finding_rule rule, int english);

/* Appends the report's section: a blank line, the title, the counts per
 * rule and the measure ids (at most 20 per rule). */
void jbw__cl_findings_text(jbw__buf *b, const jbw_caseload *cl, int english);

/* Appends the analyst tables' section (English): a blank line, the title,
 * the count of every rule, then the rule, since and last of the first 20
 * findings of each rule and how many more each has; one line when there
 * are none. */
void jbw__cl_findings_table(jbw__buf *b, const jbw_caseload *cl);

/* Appends the report's section on waiting for suitable help (help_out.c):
 * the total, per organisation and per region; nothing when the snapshot
 * has no help dates. */
void jbw__cl_help_text(jbw__buf *b, const jbw_caseload *cl, int english);

#endif /* JBW_CASELOAD_FINDINGS_OUT_H */
