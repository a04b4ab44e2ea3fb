/*
 * libjbw internal: the date arithmetic shared by dates, the calendar and
 * the readers (data/date.c).
 */
#ifndef JBW_DATA_DATE_INTERNAL_H
#define JBW_DATA_DATE_INTERNAL_H

#include "base/base_internal.h"

/* The supported range as day numbers, 1900-01-01 and 2199-12-31 (the
 * figures are worked out in data/date.c). */
#define JBW__DAY_MIN ((int32_t)-25567)
#define JBW__DAY_MAX ((int32_t)84005)
/* The number of days in the range. */
#define JBW__DAY_COUNT ((size_t)(JBW__DAY_MAX - JBW__DAY_MIN + 1))

/* Days since 1970-01-01 of a valid y-m-d (no range check). */
int32_t jbw__days_from_civil(int y, int m, int d);
void jbw__civil_from_days(int32_t z, int *y, int *m, int *d);
int jbw__date_in_range(jbw_date d);
/* Writes date (in the range) as YYYY-MM-DD and a NUL into out[0..11). */
void jbw__date_iso(char *out, jbw_date date);
/* Whether year y lies in JBW_YEAR_MIN..JBW_YEAR_MAX. */
int jbw__year_in_range(long long y);
/* ISO weekday 1..7 of a day number; 1970-01-01 was a Thursday (4). */
int jbw__weekday_of(int32_t z);
/* Detail for a date that is absent or outside the range, naming the
 * function `fn` and the argument `what`; returns JBW_ERANGE. */
jbw_status jbw__range_error(const char *fn, const char *what, jbw_date d);
/* The exact forms YYYY-MM-DD and D-M-YYYY (one or two digits for day and
 * month), no spaces, naming a date in range: 1 and *out set. 0 for
 * anything else, which jbw_date_parse() then reads or explains. Sets no
 * detail. */
int jbw__date_parse_exact(jbw_date *out, const char *s, size_t n);
/*
 * A date followed by a time, as Excel writes a date cell to CSV (or a
 * database, ISO 8601): s[0..n) (spaces and tabs around it ignored) is
 * digits and '-', one space or a 'T', and a time H:MM or HH:MM with or
 * without :SS, and after :SS a fraction of a second (.000) or not.
 * Returns 1 with s[*date_at..*date_at + *date_len) the text before the
 * space or T (not checked to be a date) and *midnight 1 when every digit
 * of the time is 0 (0:00, 00:00:00, 00:00:00.000); 0 when s is no such
 * text. Sets no detail.
 */
int jbw__date_time_split(const char *s, size_t n, size_t *date_at,
                         size_t *date_len, int *midnight);

#endif /* JBW_DATA_DATE_INTERNAL_H */
