/*
 * libjbw - the Dutch working-day calendar. It precomputes, for every day
 * of the supported range, the holiday on that day and a running count of
 * working days, so that counting werkdagen between two dates is one
 * subtraction. See docs/calendar.md for the rules.
 */
#include "data/date_internal.h"

#include <string.h>

/* ---- holidays -------------------------------------------------------- */

/* Easter Sunday of a Gregorian year: the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). */
static jbw_date easter_sunday(int year)
{
    int a = year % 19, b = year / 100, c = year % 100;
    int d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return jbw__days_from_civil(year, month, day);
}

/* The King's or Queen's day of a year in range (all years from 1891 on
 * have one). */
static jbw_date kings_day(int year)
{
    jbw_date day;
    if (year >= 2014) {
        day = jbw__days_from_civil(year, 4, 27);
        return jbw__weekday_of(day) == 7 ? day - 1 : day;
    }
    if (year >= 1949) {
        day = jbw__days_from_civil(year, 4, 30);
        if (jbw__weekday_of(day) != 7)
            return day;
        return year < 1980 ? day + 1 : day - 1;
    }
    day = jbw__days_from_civil(year, 8, 31);
    return jbw__weekday_of(day) == 7 ? day + 1 : day;
}

static int liberation_off(jbw_liberation_day rule, int year)
{
    switch (rule) {
    case JBW_LIBERATION_EVERY_YEAR:
        return 1;
    case JBW_LIBERATION_LUSTRUM:
        return year % 5 == 0;
    case JBW_LIBERATION_NEVER:
        return 0;
    default:
        return 0;
    }
}

struct jbw_calendar {
    jbw_calendar_options opts;
    /* kind[i]: the holiday on day JBW__DAY_MIN + i under opts. */
    uint8_t *kind;
    /* prefix[i]: working days among days 0..i of the range. */
    int32_t *prefix;
};

static size_t day_index(jbw_date d)
{
    return (size_t)(d - JBW__DAY_MIN);
}

/* Marks one holiday; a day already marked keeps its first holiday. The
 * order of calls below is the precedence: in 2016 5 May was also
 * Hemelvaartsdag, and is reported as Hemelvaartsdag. */
static void mark_day(jbw_calendar *cal, jbw_date d, jbw_holiday_kind kind)
{
    size_t i = day_index(d);
    if (cal->kind[i] == JBW_HOLIDAY_NONE)
        cal->kind[i] = (uint8_t)kind;
}

static void mark_year(jbw_calendar *cal, int year)
{
    jbw_date easter = easter_sunday(year);
    mark_day(cal, jbw__days_from_civil(year, 1, 1), JBW_HOLIDAY_NIEUWJAARSDAG);
    if (cal->opts.good_friday_off)
        mark_day(cal, easter - 2, JBW_HOLIDAY_GOEDE_VRIJDAG);
    mark_day(cal, easter, JBW_HOLIDAY_EERSTE_PAASDAG);
    mark_day(cal, easter + 1, JBW_HOLIDAY_TWEEDE_PAASDAG);
    mark_day(cal, kings_day(year), JBW_HOLIDAY_KONINGSDAG);
    mark_day(cal, easter + 39, JBW_HOLIDAY_HEMELVAARTSDAG);
    if (liberation_off(cal->opts.liberation_day, year))
        mark_day(cal, jbw__days_from_civil(year, 5, 5),
                 JBW_HOLIDAY_BEVRIJDINGSDAG);
    mark_day(cal, easter + 49, JBW_HOLIDAY_EERSTE_PINKSTERDAG);
    mark_day(cal, easter + 50, JBW_HOLIDAY_TWEEDE_PINKSTERDAG);
    mark_day(cal, jbw__days_from_civil(year, 12, 25),
             JBW_HOLIDAY_EERSTE_KERSTDAG);
    mark_day(cal, jbw__days_from_civil(year, 12, 26),
             JBW_HOLIDAY_TWEEDE_KERSTDAG);
}

static int workday_at(const jbw_calendar *cal, size_t i)
{
    return cal->kind[i] == JBW_HOLIDAY_NONE &&
           jbw__weekday_of((int32_t)i + JBW__DAY_MIN) <= 5;
}

static void build_prefix(jbw_calendar *cal)
{
    size_t i;
    int32_t run = 0;
    for (i = 0; i < JBW__DAY_COUNT; i++) {
        run += workday_at(cal, i);
        cal->prefix[i] = run;
    }
}

static jbw_status check_options(const jbw_calendar_options *opts,
                                const char *fn)
{
    if (opts->version != JBW_CALENDAR_OPTIONS_VERSION)
        return jbw__error_version(opts->version, JBW_CALENDAR_OPTIONS_VERSION,
                                  JBW_CALENDAR_OPTIONS_VERSION, "%s: options",
                                  fn);
    if ((int)opts->liberation_day < (int)JBW_LIBERATION_EVERY_YEAR ||
        (int)opts->liberation_day > (int)JBW_LIBERATION_NEVER)
        return jbw__error(JBW_EINVAL,
                          "%s: liberation_day %d is not one of "
                          "JBW_LIBERATION_EVERY_YEAR/LUSTRUM/NEVER (0..2)",
                          fn, (int)opts->liberation_day);
    return JBW_OK;
}

jbw_status jbw_calendar_options_init(jbw_calendar_options *opts,
                                     unsigned int version)
{
    static const jbw_calendar_options defaults = JBW_CALENDAR_OPTIONS_INIT;
    return jbw__record_init(opts, &defaults, sizeof defaults, version,
                            JBW_CALENDAR_OPTIONS_VERSION,
                            "jbw_calendar_options_init");
}

jbw_status jbw_calendar_options_preset(jbw_calendar_options *opts,
                                       unsigned int version,
                                       jbw_calendar_preset preset)
{
    jbw_calendar_options o;
    jbw_status st;
    if (preset != JBW_CALENDAR_CAO && preset != JBW_CALENDAR_ATW)
        return jbw__error(JBW_EINVAL,
                          "jbw_calendar_options_preset: preset %d is not "
                          "JBW_CALENDAR_CAO (0) or JBW_CALENDAR_ATW (1)",
                          (int)preset);
    st = jbw_calendar_options_init(opts ? &o : NULL, version);
    if (st != JBW_OK)
        return st;
    /* Algemene termijnenwet art. 3: the CAO's days, 5 May every year,
     * and Goede Vrijdag. */
    if (preset == JBW_CALENDAR_ATW) {
        o.good_friday_off = 1;
        o.liberation_day = JBW_LIBERATION_EVERY_YEAR;
    }
    *opts = o;
    return jbw__ok();
}

const char *jbw_calendar_preset_code(jbw_calendar_preset preset)
{
    switch (preset) {
    case JBW_CALENDAR_CAO:
        return "cao";
    case JBW_CALENDAR_ATW:
        return "atw";
    }
    return NULL;
}

jbw_status jbw_calendar_preset_from_code(jbw_calendar_preset *out,
                                         const char *code, size_t len)
{
    size_t n;
    if (!out || !code)
        return jbw__error(JBW_EINVAL,
                          "jbw_calendar_preset_from_code: out and code must "
                          "not be NULL");
    n = len == (size_t)-1 ? strlen(code) : len;
    if (n == 3 && memcmp(code, "cao", 3) == 0)
        *out = JBW_CALENDAR_CAO;
    else if (n == 3 && memcmp(code, "atw", 3) == 0)
        *out = JBW_CALENDAR_ATW;
    else {
        char q[JBW__SHOWN];
        return jbw__error(JBW_EPARSE,
                          "not a calendar (expected cao or atw): '%s'",
                          jbw__quote_value(q, sizeof q, code, n));
    }
    return jbw__ok();
}

jbw_status jbw_calendar_new(jbw_calendar **out,
                            const jbw_calendar_options *opts)
{
    static const jbw_calendar_options defaults = JBW_CALENDAR_OPTIONS_INIT;
    jbw_calendar *cal;
    jbw_status st;
    int year;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_calendar_new: out is NULL");
    if (!opts)
        opts = &defaults;
    st = check_options(opts, "jbw_calendar_new");
    if (st != JBW_OK)
        return st;
    cal = (jbw_calendar *)jbw__calloc(1, sizeof *cal);
    if (!cal)
        return jbw__enomem();
    cal->opts = *opts;
    cal->opts.good_friday_off = opts->good_friday_off != 0;
    cal->kind = (uint8_t *)jbw__calloc(JBW__DAY_COUNT, sizeof *cal->kind);
    cal->prefix = (int32_t *)jbw__malloc(JBW__DAY_COUNT * sizeof *cal->prefix);
    if (!cal->kind || !cal->prefix) {
        jbw_calendar_free(cal);
        return jbw__enomem();
    }
    for (year = JBW_YEAR_MIN; year <= JBW_YEAR_MAX; year++)
        mark_year(cal, year);
    build_prefix(cal);
    *out = cal;
    return jbw__ok();
}

void jbw_calendar_free(jbw_calendar *cal)
{
    if (!cal)
        return;
    jbw__free(cal->kind);
    jbw__free(cal->prefix);
    jbw__free(cal);
}

jbw_status jbw_calendar_add_closure(jbw_calendar *cal, jbw_date date)
{
    size_t i, j;
    if (!cal)
        return jbw__error(JBW_EINVAL, "jbw_calendar_add_closure: cal is NULL");
    if (!jbw__date_in_range(date))
        return jbw__range_error("jbw_calendar_add_closure", "date", date);
    i = day_index(date);
    /* A day that is already off stays as it is. */
    if (!workday_at(cal, i))
        return jbw__ok();
    cal->kind[i] = (uint8_t)JBW_HOLIDAY_CLOSURE;
    for (j = i; j < JBW__DAY_COUNT; j++)
        cal->prefix[j]--;
    return jbw__ok();
}

jbw_status jbw_calendar_is_workday(int *out, const jbw_calendar *cal,
                                   jbw_date date)
{
    if (!out || !cal)
        return jbw__error(JBW_EINVAL, "jbw_calendar_is_workday: %s is NULL",
                          out ? "cal" : "out");
    if (!jbw__date_in_range(date))
        return jbw__range_error("jbw_calendar_is_workday", "date", date);
    *out = workday_at(cal, day_index(date));
    return jbw__ok();
}

jbw_status jbw_calendar_holiday(jbw_holiday_kind *out, const jbw_calendar *cal,
                                jbw_date date)
{
    if (!out || !cal)
        return jbw__error(JBW_EINVAL, "jbw_calendar_holiday: %s is NULL",
                          out ? "cal" : "out");
    if (!jbw__date_in_range(date))
        return jbw__range_error("jbw_calendar_holiday", "date", date);
    *out = (jbw_holiday_kind)cal->kind[day_index(date)];
    return jbw__ok();
}

const char *jbw_holiday_name(jbw_holiday_kind kind)
{
    switch (kind) {
    case JBW_HOLIDAY_NONE:
        return "";
    case JBW_HOLIDAY_NIEUWJAARSDAG:
        return "Nieuwjaarsdag";
    case JBW_HOLIDAY_GOEDE_VRIJDAG:
        return "Goede Vrijdag";
    case JBW_HOLIDAY_EERSTE_PAASDAG:
        return "Eerste Paasdag";
    case JBW_HOLIDAY_TWEEDE_PAASDAG:
        return "Tweede Paasdag";
    case JBW_HOLIDAY_KONINGSDAG:
        return "Koningsdag";
    case JBW_HOLIDAY_BEVRIJDINGSDAG:
        return "Bevrijdingsdag";
    case JBW_HOLIDAY_HEMELVAARTSDAG:
        return "Hemelvaartsdag";
    case JBW_HOLIDAY_EERSTE_PINKSTERDAG:
        return "Eerste Pinksterdag";
    case JBW_HOLIDAY_TWEEDE_PINKSTERDAG:
        return "Tweede Pinksterdag";
    case JBW_HOLIDAY_EERSTE_KERSTDAG:
        return "Eerste Kerstdag";
    case JBW_HOLIDAY_TWEEDE_KERSTDAG:
        return "Tweede Kerstdag";
    case JBW_HOLIDAY_CLOSURE:
        return "Sluitingsdag";
    default:
        return NULL;
    }
}

jbw_status jbw_calendar_holidays(jbw_holiday *out, size_t capacity,
                                 size_t *count, const jbw_calendar *cal,
                                 int year)
{
    size_t i, first, last, n = 0;
    if (!count || !cal)
        return jbw__error(JBW_EINVAL, "jbw_calendar_holidays: %s is NULL",
                          count ? "cal" : "count");
    if (!out && capacity > 0)
        return jbw__error(JBW_EINVAL,
                          "jbw_calendar_holidays: out is NULL but capacity is "
                          "%lu",
                          (unsigned long)capacity);
    if (!jbw__year_in_range(year))
        return jbw__error(JBW_ERANGE,
                          "jbw_calendar_holidays: year %d is outside %d..%d",
                          year, JBW_YEAR_MIN, JBW_YEAR_MAX);
    first = day_index(jbw__days_from_civil(year, 1, 1));
    last = day_index(jbw__days_from_civil(year, 12, 31));
    for (i = first; i <= last; i++) {
        if (cal->kind[i] == JBW_HOLIDAY_NONE)
            continue;
        if (n < capacity) {
            out[n].date = (jbw_date)((int32_t)i + JBW__DAY_MIN);
            out[n].kind = (jbw_holiday_kind)cal->kind[i];
        }
        n++;
    }
    *count = n;
    if (n > capacity)
        return jbw__error(JBW_EBUFFER,
                          "jbw_calendar_holidays: %d has %lu holidays, "
                          "capacity is %lu",
                          year, (unsigned long)n, (unsigned long)capacity);
    return jbw__ok();
}

jbw_status jbw_calendar_workdays_between(int32_t *out, const jbw_calendar *cal,
                                         jbw_date from, jbw_date to)
{
    if (!out || !cal)
        return jbw__error(JBW_EINVAL,
                          "jbw_calendar_workdays_between: %s is NULL",
                          out ? "cal" : "out");
    if (!jbw__date_in_range(from))
        return jbw__range_error("jbw_calendar_workdays_between", "from", from);
    if (!jbw__date_in_range(to))
        return jbw__range_error("jbw_calendar_workdays_between", "to", to);
    *out = cal->prefix[day_index(to)] - cal->prefix[day_index(from)];
    return jbw__ok();
}

/* First index whose running count reaches `target` (JBW__DAY_COUNT when
 * none does). The running count only grows, so a binary search works. */
static size_t lower_bound(const int32_t *prefix, int64_t target)
{
    size_t lo = 0, hi = JBW__DAY_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((int64_t)prefix[mid] < target)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

jbw_status jbw_calendar_add_workdays(jbw_date *out, const jbw_calendar *cal,
                                     jbw_date from, int32_t n)
{
    int64_t target;
    size_t i;
    if (!out || !cal)
        return jbw__error(JBW_EINVAL, "jbw_calendar_add_workdays: %s is NULL",
                          out ? "cal" : "out");
    if (!jbw__date_in_range(from))
        return jbw__range_error("jbw_calendar_add_workdays", "from", from);
    if (n == 0) {
        *out = from;
        return jbw__ok();
    }
    /* The answer D has prefix[D] = prefix[from] + n and is a working day:
     * the first day at which the running count reaches that value. When
     * that first day is not a working day the count was already there on
     * 1900-01-01, so D lies before the range. */
    target = (int64_t)cal->prefix[day_index(from)] + n;
    i = lower_bound(cal->prefix, target);
    if (target < 0 || i >= JBW__DAY_COUNT || !workday_at(cal, i)) {
        char q[JBW_DATE_BUFSIZE];
        jbw_date_format(q, sizeof q, from);
        return jbw__error(JBW_ERANGE,
                          "jbw_calendar_add_workdays: %ld werkdagen from %s "
                          "falls outside 1900-01-01..2199-12-31",
                          (long)n, q);
    }
    *out = (jbw_date)((int32_t)i + JBW__DAY_MIN);
    return jbw__ok();
}
