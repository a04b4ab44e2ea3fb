/*
 * libjbw - dates: days since 1970-01-01 (proleptic Gregorian), converted
 * with Howard Hinnant's civil-from-days algorithms; month and year
 * arithmetic, formatting and parsing.
 */
#include "data/date_internal.h"

#include <string.h>

/* 1900-01-01 and 2199-12-31 as days since 1970-01-01:
 * 70 * 365 + 17 leap days (1904..1968) = 25567 days before the epoch;
 * 230 * 365 + 56 leap days (1972..2196 without 2100) = 84006 days to
 * 2200-01-01. */
/* JBW__DAY_MIN and JBW__DAY_MAX (date_internal.h) hold those figures. */

/* jbw__date_year_start counts the leap years of 1900..2199 by hand. */
typedef char
    year_range_check[JBW_YEAR_MIN == 1900 && JBW_YEAR_MAX == 2199 ? 1 : -1];

/*
 * jbw__date_year_start[k], for the year y = 1900 + k: in 1900..2199 a year
 * is a leap year when it is a multiple of 4 other than 1900 and 2100, so
 * 1 January of y comes k * 365 days after 1900-01-01 plus one for each
 * multiple of 4 in 1900..y-1, (k + 3) / 4, less 1900 (k > 0) and 2100
 * (k > 200): 1970 (k 70) gives 25550 + 18 - 1 = 25567.
 */
#define LEAP(k) ((k) % 4 == 0 && (k) != 0 && (k) != 200)
#define YEAR_START(k)                                                          \
    ((uint32_t)((k)*365 + ((k) + 3) / 4 - ((k) > 0) - ((k) > 200)) << 4 |      \
     (uint32_t)(LEAP(k) ? 12 : 0))
#define YEAR_START10(k)                                                        \
    YEAR_START(k), YEAR_START(k + 1), YEAR_START(k + 2), YEAR_START(k + 3),    \
        YEAR_START(k + 4), YEAR_START(k + 5), YEAR_START(k + 6),               \
        YEAR_START(k + 7), YEAR_START(k + 8), YEAR_START(k + 9)
#define YEAR_START100(k)                                                       \
    YEAR_START10(k), YEAR_START10(k + 10), YEAR_START10(k + 20),               \
        YEAR_START10(k + 30), YEAR_START10(k + 40), YEAR_START10(k + 50),      \
        YEAR_START10(k + 60), YEAR_START10(k + 70), YEAR_START10(k + 80),      \
        YEAR_START10(k + 90)

const uint32_t jbw__date_year_start[300] = {
    YEAR_START100(0), YEAR_START100(100), YEAR_START100(200)};

/* a month of `len` days, `before` days after 1 January */
#define MONTH(before, len) ((uint32_t)(before) | (uint32_t)(len) << 16)

const uint32_t jbw__date_month[24] = {
    MONTH(0, 31),   MONTH(31, 28),  MONTH(59, 31),  MONTH(90, 30),
    MONTH(120, 31), MONTH(151, 30), MONTH(181, 31), MONTH(212, 31),
    MONTH(243, 30), MONTH(273, 31), MONTH(304, 30), MONTH(334, 31),
    MONTH(0, 31),   MONTH(31, 29),  MONTH(60, 31),  MONTH(91, 30),
    MONTH(121, 31), MONTH(152, 30), MONTH(182, 31), MONTH(213, 31),
    MONTH(244, 30), MONTH(274, 31), MONTH(305, 30), MONTH(335, 31)};

/* Longest piece of input quoted in an error detail. */
#define JBW__QUOTE_MAX 40

/* ---- civil calendar arithmetic --------------------------------------- */

int32_t jbw__days_from_civil(int y, int m, int d)
{
    int era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void jbw__civil_from_days(int32_t z, int *y, int *m, int *d)
{
    int32_t era, doe, yoe, doy, mp, yy, mm, dd;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    yy = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    dd = doy - (153 * mp + 2) / 5 + 1;
    mm = mp < 10 ? mp + 3 : mp - 9;
    yy += mm <= 2;
    if (y)
        *y = (int)yy;
    if (m)
        *m = (int)mm;
    if (d)
        *d = (int)dd;
}

int jbw__date_in_range(jbw_date d)
{
    return d >= JBW__DAY_MIN && d <= JBW__DAY_MAX;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30,
                                           31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y))
        return 29;
    return days[m - 1];
}

int jbw__year_in_range(long long y)
{
    return y >= JBW_YEAR_MIN && y <= JBW_YEAR_MAX;
}

static const char *month_name(int m)
{
    static const char *const names[12] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return (m >= 1 && m <= 12) ? names[m - 1] : "?";
}

/* ISO weekday 1..7 of a day number; 1970-01-01 was a Thursday (4). */
int jbw__weekday_of(int32_t z)
{
    int32_t r = z % 7;
    if (r < 0)
        r += 7;
    return (int)((r + 3) % 7) + 1;
}

/* Detail for a date that is absent or outside the range. `what` names
 * the argument. */
jbw_status jbw__range_error(const char *fn, const char *what, jbw_date d)
{
    if (d == JBW_DATE_NONE)
        return jbw__error(JBW_ERANGE, "%s: %s is JBW_DATE_NONE (no date)", fn,
                          what);
    return jbw__error(JBW_ERANGE,
                      "%s: %s (day %ld since 1970-01-01) is outside "
                      "1900-01-01..2199-12-31",
                      fn, what, (long)d);
}

/* ---- plain date functions -------------------------------------------- */

jbw_date jbw_date_none(void)
{
    return JBW_DATE_NONE;
}

jbw_status jbw_date_from_ymd(jbw_date *out, int year, int month, int day)
{
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_date_from_ymd: out is NULL");
    if (month < 1 || month > 12)
        return jbw__error(JBW_EINVAL,
                          "jbw_date_from_ymd: month %d of %d-%d-%d is not "
                          "1..12",
                          month, year, month, day);
    if (!jbw__year_in_range(year))
        return jbw__error(JBW_ERANGE,
                          "jbw_date_from_ymd: year %d is outside %d..%d", year,
                          JBW_YEAR_MIN, JBW_YEAR_MAX);
    if (day < 1 || day > days_in_month(year, month))
        return jbw__error(JBW_EINVAL,
                          "jbw_date_from_ymd: day %d does not exist in %s %d "
                          "(it has %d days)",
                          day, month_name(month), year,
                          days_in_month(year, month));
    *out = jbw__days_from_civil(year, month, day);
    return jbw__ok();
}

jbw_status jbw_date_to_ymd(int *year, int *month, int *day, jbw_date date)
{
    if (!jbw__date_in_range(date))
        return jbw__range_error("jbw_date_to_ymd", "date", date);
    jbw__civil_from_days(date, year, month, day);
    return jbw__ok();
}

int jbw_date_weekday(jbw_date date)
{
    if (!jbw__date_in_range(date))
        return 0;
    return jbw__weekday_of(date);
}

jbw_status jbw_date_format(char *buf, size_t size, jbw_date date)
{
    if (!buf)
        return jbw__error(JBW_EINVAL, "jbw_date_format: buf is NULL");
    if (size < JBW_DATE_BUFSIZE)
        return jbw__error(JBW_EBUFFER,
                          "jbw_date_format: buffer of %lu bytes, need %d",
                          (unsigned long)size, JBW_DATE_BUFSIZE);
    if (!jbw__date_in_range(date))
        return jbw__range_error("jbw_date_format", "date", date);
    jbw__date_iso(buf, date);
    return jbw__ok();
}

void jbw__date_iso(char *out, jbw_date date)
{
    int y, m, d;
    jbw__civil_from_days(date, &y, &m, &d);
    /* Written by hand: the year is always four digits in range. */
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

/* Adds months to a valid y-m-d, clamping the day; 0 when the result's
 * year is out of range. */
static int shift_months(int *y, int *m, int *d, long long months)
{
    long long index = (long long)*y * 12 + (*m - 1) + months;
    long long ny = index >= 0 ? index / 12 : -((-index + 11) / 12);
    int nm = (int)(index - ny * 12) + 1;
    int dim;
    if (!jbw__year_in_range(ny))
        return 0;
    *y = (int)ny;
    *m = nm;
    dim = days_in_month(*y, nm);
    if (*d > dim)
        *d = dim;
    return 1;
}

jbw_status jbw_date_add_months(jbw_date *out, jbw_date date, int months)
{
    int y, m, d;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_date_add_months: out is NULL");
    if (!jbw__date_in_range(date))
        return jbw__range_error("jbw_date_add_months", "date", date);
    jbw__civil_from_days(date, &y, &m, &d);
    if (!shift_months(&y, &m, &d, months))
        return jbw__error(JBW_ERANGE,
                          "jbw_date_add_months: %d months from %04d-%02d-%02d "
                          "is outside 1900-01-01..2199-12-31",
                          months, y, m, d);
    *out = jbw__days_from_civil(y, m, d);
    return jbw__ok();
}

/* Whole months from a to b for a <= b, both in range. */
static int32_t months_forward(jbw_date a, jbw_date b)
{
    int ay, am, ad, by, bm, bd, y, m, d;
    int32_t count;
    jbw__civil_from_days(a, &ay, &am, &ad);
    jbw__civil_from_days(b, &by, &bm, &bd);
    count = (int32_t)((by - ay) * 12 + (bm - am));
    /* The candidate count is complete once a + count months (clamped to
     * the month's end) is reached; otherwise one fewer. */
    y = ay;
    m = am;
    d = ad;
    if (!shift_months(&y, &m, &d, count) || jbw__days_from_civil(y, m, d) > b)
        count--;
    return count;
}

/* Whole years from a to b for a <= b: the birthday is reached when the
 * (month, day) of b is not before that of a, so 29 February counts on
 * 1 March in a common year. */
static int32_t years_forward(jbw_date a, jbw_date b)
{
    int ay, am, ad, by, bm, bd;
    int32_t count;
    jbw__civil_from_days(a, &ay, &am, &ad);
    jbw__civil_from_days(b, &by, &bm, &bd);
    count = (int32_t)(by - ay);
    if (bm < am || (bm == am && bd < ad))
        count--;
    return count;
}

jbw_status jbw_months_between(int32_t *out, jbw_date from, jbw_date to)
{
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_months_between: out is NULL");
    if (!jbw__date_in_range(from))
        return jbw__range_error("jbw_months_between", "from", from);
    if (!jbw__date_in_range(to))
        return jbw__range_error("jbw_months_between", "to", to);
    *out = to >= from ? months_forward(from, to) : -months_forward(to, from);
    return jbw__ok();
}

jbw_status jbw_years_between(int32_t *out, jbw_date from, jbw_date to)
{
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_years_between: out is NULL");
    if (!jbw__date_in_range(from))
        return jbw__range_error("jbw_years_between", "from", from);
    if (!jbw__date_in_range(to))
        return jbw__range_error("jbw_years_between", "to", to);
    *out = to >= from ? years_forward(from, to) : -years_forward(to, from);
    return jbw__ok();
}

/* ---- parsing --------------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Quotes at most JBW__QUOTE_MAX bytes of s into q (which holds
 * JBW__QUOTE_MAX + 4), cut with an ellipsis at the start of a character
 * (jbw__quote_value()), so a detail never carries control bytes, NULs or
 * a split UTF-8 sequence. */
static const char *quote(char *q, const char *s, size_t n)
{
    return jbw__quote_value(q, JBW__QUOTE_MAX + 4, s, n);
}

/* Reads a run of digits of length lo..hi at s[*pos] (bounded by n). */
static int read_digits(int *value, const char *s, size_t n, size_t *pos,
                       size_t lo, size_t hi)
{
    size_t start = *pos, i = start;
    int v = 0;
    while (i < n && i - start < hi && is_digit(s[i])) {
        v = v * 10 + (s[i] - '0');
        i++;
    }
    if (i - start < lo || (i < n && is_digit(s[i])))
        return 0;
    *value = v;
    *pos = i;
    return 1;
}

static int expect_dash(const char *s, size_t n, size_t *pos)
{
    if (*pos >= n || s[*pos] != '-')
        return 0;
    (*pos)++;
    return 1;
}

/* The two accepted shapes: YYYY-MM-DD, and D-M-YYYY with one or two
 * digits for day and month. Returns 1 and the fields on a match. */
static int split_date(const char *s, size_t n, int *y, int *m, int *d)
{
    size_t pos = 0;
    if (n == 10 && s[4] == '-')
        return read_digits(y, s, n, &pos, 4, 4) && expect_dash(s, n, &pos) &&
               read_digits(m, s, n, &pos, 2, 2) && expect_dash(s, n, &pos) &&
               read_digits(d, s, n, &pos, 2, 2) && pos == n;
    return read_digits(d, s, n, &pos, 1, 2) && expect_dash(s, n, &pos) &&
           read_digits(m, s, n, &pos, 1, 2) && expect_dash(s, n, &pos) &&
           read_digits(y, s, n, &pos, 4, 4) && pos == n;
}

/*
 * The shapes split_date() accepts, read without its general steps
 * (the bulk of a file's dates): YYYY-MM-DD when n is 10 and u[4] is '-'
 * (jbw__date_iso_exact()), otherwise day and month of one or two digits
 * and a four-digit year, 8 to 10 bytes in all. The checks are those of
 * jbw_date_parse(); what they refuse goes back to it for the message.
 * Digits are read as unsigned differences: a byte below '0' wraps to a
 * large value.
 */
int jbw__date_parse_exact(jbw_date *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned y, m, d, a, b, c, e;
    size_t i;
    if (n == 10 && u[4] == '-')
        return jbw__date_iso_exact(out, s);
    if (n < 8 || n > 10 || (d = u[0] - 48u) > 9u)
        return 0;
    i = 1;
    if ((b = u[1] - 48u) <= 9u)
        d = d * 10u + b, i = 2;
    if (u[i] != '-' || (m = u[i + 1] - 48u) > 9u)
        return 0;
    i += 2;
    if ((b = u[i] - 48u) <= 9u)
        m = m * 10u + b, i++;
    if (u[i] != '-' || n - i != 5)
        return 0;
    i++;
    a = u[i] - 48u, b = u[i + 1] - 48u, c = u[i + 2] - 48u, e = u[i + 3] - 48u;
    if (a > 9u || b > 9u || c > 9u || e > 9u)
        return 0;
    y = a * 1000u + b * 100u + c * 10u + e;
    return jbw__date_from_ymd_in_range(out, y, m, d);
}

int jbw__date_time_split(const char *s, size_t n, size_t *date_at,
                         size_t *date_len, int *midnight)
{
    size_t b = 0, e = n, sp, i, digits, part;
    int zero = 1;
    while (b < e && is_space(s[b]))
        b++;
    while (e > b && is_space(s[e - 1]))
        e--;
    for (sp = b; sp < e && (is_digit(s[sp]) || s[sp] == '-'); sp++)
        ;
    /* Excel's space, or ISO 8601's T (a database's export) */
    if (sp == b || sp + 1 >= e || (s[sp] != ' ' && s[sp] != 'T'))
        return 0;
    /* H:MM or HH:MM, then :SS or not, then a fraction of a second or not:
     * parts of 1-2, 2 and 2 digits */
    for (i = sp + 1, part = 0; part < 3; part++) {
        for (digits = 0; i < e && is_digit(s[i]) && digits < 2; digits++, i++)
            zero &= s[i] == '0';
        if (digits < (part ? 2u : 1u) || (i < e && is_digit(s[i])))
            return 0;
        if (i == e)
            break;
        if (part == 2 && s[i] == '.') { /* ".000" */
            for (i++, digits = 0; i < e && is_digit(s[i]); digits++, i++)
                zero &= s[i] == '0';
            if (!digits || i != e)
                return 0;
            break;
        }
        if (s[i++] != ':' || part == 2)
            return 0;
    }
    if (part == 0)
        return 0; /* the hours alone */
    *date_at = b;
    *date_len = sp - b;
    *midnight = zero;
    return 1;
}

jbw_status jbw_date_parse_iso(jbw_date *out, const char *text, size_t len)
{
    char q[JBW__QUOTE_MAX + 4];
    size_t i, n;
    if (!out || !text)
        return jbw__error(JBW_EINVAL, "jbw_date_parse_iso: %s is NULL",
                          !out ? "out" : "text");
    n = len == (size_t)-1 ? strlen(text) : len;
    for (i = 0; n == 10 && i < n; i++)
        if (i == 4 || i == 7 ? text[i] != '-' : text[i] < '0' || text[i] > '9')
            break;
    if (n != 10 || i < n) {
        quote(q, text, n);
        return jbw__error(JBW_EPARSE, "not a date of the form YYYY-MM-DD: '%s'",
                          q);
    }
    return jbw_date_parse(out, text, n);
}

jbw_status jbw_date_parse(jbw_date *out, const char *text, size_t len)
{
    char q[JBW__QUOTE_MAX + 4];
    size_t b = 0, e;
    int y = 0, m = 0, d = 0;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_date_parse: out is NULL");
    if (!text)
        return jbw__error(JBW_EINVAL, "jbw_date_parse: text is NULL");
    e = len == (size_t)-1 ? strlen(text) : len;
    while (b < e && is_space(text[b]))
        b++;
    while (e > b && is_space(text[e - 1]))
        e--;
    if (jbw__date_parse_exact(out, text + b, e - b))
        return jbw__ok();
    quote(q, text + b, e - b);
    if (b == e)
        return jbw__error(JBW_EPARSE, "not a date: the text is empty");
    if (!split_date(text + b, e - b, &y, &m, &d))
        return jbw__error(JBW_EPARSE,
                          "not a date (expected YYYY-MM-DD, D-M-YYYY or "
                          "DD-MM-YYYY): '%s'",
                          q);
    if (m < 1 || m > 12)
        return jbw__error(JBW_EPARSE,
                          "not a date, month %d does not exist: '%s'", m, q);
    if (!jbw__year_in_range(y))
        return jbw__error(JBW_ERANGE,
                          "year %d is outside the supported %d..%d: '%s'", y,
                          JBW_YEAR_MIN, JBW_YEAR_MAX, q);
    if (d < 1)
        return jbw__error(JBW_EPARSE, "not a date, day %d does not exist: '%s'",
                          d, q);
    if (d > days_in_month(y, m))
        return jbw__error(JBW_EPARSE, "not a date, %s %d has %d days: '%s'",
                          month_name(m), y, days_in_month(y, m), q);
    *out = jbw__days_from_civil(y, m, d);
    return jbw__ok();
}
