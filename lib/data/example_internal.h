/*
 * libjbw internal: texts of the embedded example that other files compare
 * with (data/example.c).
 */
#ifndef JBW_DATA_EXAMPLE_INTERNAL_H
#define JBW_DATA_EXAMPLE_INTERNAL_H

/* The notice of the published Zuid-Holland Zuid series
 * (jbw_example_series_zhz()), the one fixed English line. */
extern const char jbw__example_zhz_notice[];

#endif /* JBW_DATA_EXAMPLE_INTERNAL_H */
