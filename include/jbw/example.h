/*
 * libjbw - the embedded example data.
 *
 * The Zuid-West snapshot is SYNTHETIC: generated deterministically from a
 * seed, it holds no real person, and every output made from it says so.
 * Its shape follows the two council letters (docs/example.md): the four
 * jeugdregio's and three GI's of the embedded registry, a few hundred workers,
 * a few thousand measures of every kind, and a waiting list of the size the
 * council letters report.
 *
 * The Zuid-Holland Zuid series is PUBLISHED data: the number of children
 * without a fixed jeugdbeschermer (nieuw / bestaand) on seven dates, from
 * the council information letter of regio Zuid-Holland Zuid (2025).
 */
#ifndef JBW_EXAMPLE_H
#define JBW_EXAMPLE_H

#include "jbw/common.h"
#include "jbw/caseload.h"
#include "jbw/snapshot.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The seed of the embedded example. */
#define JBW_EXAMPLE_SEED 20250901u

/*
 * Generates the synthetic Zuid-West snapshot from `seed` (use
 * JBW_EXAMPLE_SEED for the embedded example). The same seed gives the
 * same snapshot on every platform. Its reference date is 2025-09-01.
 * Errors: JBW_EINVAL, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_example_snapshot(jbw_snapshot **out, uint32_t seed);

/* The reference date of the example snapshot (2025-09-01). */
JBW_API jbw_date jbw_example_date(void);

/* The published Zuid-Holland Zuid series (seven points, 2024-09-20 to
 * 2025-09-01). Its data notice (jbw_series_data_notice()) says that the
 * figures are published and names their source, and every output made
 * from it carries that notice, not the synthetic one.
 * Errors: JBW_EINVAL, JBW_ENOMEM. */
JBW_API jbw_status jbw_example_series_zhz(jbw_series **out);

/*
 * The published Jeugdbescherming west totals of children without a fixed
 * jeugdbeschermer: 159 in September 2024 and 99 in February 2025 (council
 * information letter, Rijswijk/Haaglanden), labelled as the letter labels
 * them: "JB west". The letter does not say whether they cover all four
 * regions; beside the Zuid-Holland Zuid figures (113 on 2024-09-20, 96 on
 * 2025-01-01) they cannot be all of JB west, so read them as the letter's
 * figure, not JB west's total. Only totals were published, no
 * nieuw/bestaand split. The letter gives months, not days; the dates are
 * the 1st of the month. Writes up to `capacity` points into dates[] and
 * totals[]; *count receives the number there are (2).
 * Errors: JBW_EINVAL, JBW_EBUFFER (capacity too small; the first
 * `capacity` are written).
 */
JBW_API jbw_status jbw_example_totals_jbwest(jbw_date *dates, size_t *totals,
                                             size_t capacity, size_t *count);

/* A short statement that the example is synthetic, for outputs. */
JBW_API const char *jbw_example_notice(void);

#ifdef __cplusplus
}
#endif

#endif /* JBW_EXAMPLE_H */
