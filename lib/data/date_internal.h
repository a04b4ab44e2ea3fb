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

/*
 * For the year 1900 + k (k = 0..299): the days from 1900-01-01 to its
 * 1 January times 16, plus 12 when it is a leap year (date.c).
 */
extern const uint32_t jbw__date_year_start[300];
/*
 * Month m (index m - 1, of a leap year m + 11): the days before it in
 * its year, plus its length times 65536.
 */
extern const uint32_t jbw__date_month[24];

/* Year y, month m and day d as *out when they name a day of
 * 1900-01-01..2199-12-31: 1; else 0. */
static JBW__ALWAYS_INLINE int
jbw__date_from_ymd_in_range(jbw_date *out, unsigned y, unsigned m, unsigned d)
{
    unsigned k = y - 1900u;
    uint32_t start, month;
    if (k >= 300u || m - 1u >= 12u)
        return 0;
    start = jbw__date_year_start[k];
    month = jbw__date_month[(start & 15u) + m - 1u];
    if (d - 1u >= month >> 16)
        return 0;
    /* 1900-01-01 is day -25567 */
    *out = (jbw_date)((int32_t)((start >> 4) + (month & 0xFFFFu) + d) - 25568);
    return 1;
}

/*
 * s[0..10) as YYYY-MM-DD naming a day in range: 1 and *out set; else 0
 * (jbw__date_parse_exact() reads the same, jbw_date_parse() explains).
 * The year, the dashes and the month are one eight-byte word, read as a
 * little-endian number; the day two bytes. After an XOR with "0000-00-"
 * a digit is a byte 0..9 and a dash 0: a byte is right when neither it
 * nor it plus 6 (a digit) or 15 (a dash) reaches 16, and the byte sums
 * cannot carry while every byte is below 16.
 */
static JBW__ALWAYS_INLINE int jbw__date_iso_exact(jbw_date *out, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t a = jbw__le64(s) ^ UINT64_C(0x2D30302D30303030), t;
    unsigned b = ((unsigned)u[8] | (unsigned)u[9] << 8) ^ 0x3030u;
    if (((a | (a + UINT64_C(0x0F06060F06060606))) &
         UINT64_C(0xF0F0F0F0F0F0F0F0)) != 0u ||
        ((b | (b + 0x0606u)) & 0xF0F0u) != 0u)
        return 0;
    /* byte i of t: ten times byte i of a plus byte i + 1, at most 99 */
    t = a * 10u + (a >> 8);
    /* bits 16..31 of (hi + lo * 65536) * (1 + 100 * 65536): hi * 100 + lo */
    return jbw__date_from_ymd_in_range(
        out, (uint32_t)(t & 0xFF00FFu) * UINT32_C(0x640001) >> 16,
        (unsigned)(t >> 40 & 0xFFu), (b & 0xFu) * 10u + (b >> 8));
}

#endif /* JBW_DATA_DATE_INTERNAL_H */
