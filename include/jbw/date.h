/*
 * libjbw - dates and the Dutch working-day calendar.
 *
 * A jbw_date counts days since 1970-01-01 in the proleptic Gregorian
 * calendar. The supported range is 1900-01-01 up to and including
 * 2199-12-31; functions given a date or year outside it return JBW_ERANGE.
 * JBW_DATE_NONE marks an absent date ("no end", "never assigned").
 *
 * Counting rules used throughout the library:
 *  - "werkdagen from X to D" is the number of working days d with
 *    X < d <= D (Monday to the next Monday is 5);
 *  - "within N werkdagen" means that count is <= N.
 */
#ifndef JBW_DATE_H
#define JBW_DATE_H

#include "jbw/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t jbw_date;

/* An absent date. Also available as jbw_date_none() for bindings. */
#define JBW_DATE_NONE ((jbw_date)INT32_MIN)

/* First and last supported years. */
#define JBW_YEAR_MIN 1900
#define JBW_YEAR_MAX 2199

/* Returns JBW_DATE_NONE. */
JBW_API jbw_date jbw_date_none(void);

/*
 * Makes a date from year, month (1-12) and day (1-31).
 * Errors: JBW_EINVAL for NULL out or a day that does not exist in that
 * month (31 April, 29 February 2025); JBW_ERANGE for a year outside
 * JBW_YEAR_MIN..JBW_YEAR_MAX.
 */
JBW_API jbw_status jbw_date_from_ymd(jbw_date *out, int year, int month,
                                     int day);

/*
 * Splits a date into year, month and day. Any of the outputs may be NULL.
 * Errors: JBW_ERANGE for JBW_DATE_NONE or a date outside the range.
 */
JBW_API jbw_status jbw_date_to_ymd(int *year, int *month, int *day,
                                   jbw_date date);

/*
 * Parses a date: ISO "2025-09-01", or Dutch day-month-year "1-9-2025" and
 * "01-09-2025" (four-digit year). Leading and trailing spaces are ignored;
 * anything else is an error. `len` is the length of `text`; pass
 * (size_t)-1 for a NUL-terminated string.
 * Errors: JBW_EINVAL (NULL), JBW_EPARSE (not a date of either form, or a
 * day that does not exist), JBW_ERANGE (year outside the range). The
 * detail message quotes the text.
 */
JBW_API jbw_status jbw_date_parse(jbw_date *out, const char *text, size_t len);

/*
 * Parses exactly an ISO date "YYYY-MM-DD": ten bytes, no spaces, no other
 * form. It is the rule for the names of the folders of a history of
 * exports (one folder per reference date), so that every reader of such
 * a folder (the jbw command, the Python bindings) takes the same ones.
 * `len` as jbw_date_parse(). *out is written only on success.
 * Errors: JBW_EINVAL (NULL), JBW_EPARSE (any other text, or a day that
 * does not exist), JBW_ERANGE (year outside the range).
 */
JBW_API jbw_status jbw_date_parse_iso(jbw_date *out, const char *text,
                                      size_t len);

/*
 * Writes the date as ISO "YYYY-MM-DD" plus a NUL into buf, which must hold
 * at least JBW_DATE_BUFSIZE (11) bytes.
 * Errors: JBW_EINVAL (NULL buf), JBW_EBUFFER (size < 11), JBW_ERANGE.
 */
#define JBW_DATE_BUFSIZE 11
JBW_API jbw_status jbw_date_format(char *buf, size_t size, jbw_date date);

/*
 * ISO weekday of a date: 1 = Monday ... 7 = Sunday; 0 for a date outside
 * the range.
 */
JBW_API int jbw_date_weekday(jbw_date date);

/*
 * Adds whole calendar months, clamping the day to the end of the target
 * month (31 January + 1 month = 28 or 29 February).
 * Errors: JBW_EINVAL (NULL), JBW_ERANGE (result outside the range).
 */
JBW_API jbw_status jbw_date_add_months(jbw_date *out, jbw_date date,
                                       int months);

/*
 * Whole months from `from` to `to` (tenure): hired 15 January, it is 2 on
 * 14 April and 3 on 15 April. A month whose day does not exist counts as
 * complete on the month's last day (31 January + 1 month on 28 February).
 * Negative when to < from. Errors: JBW_EINVAL (NULL), JBW_ERANGE.
 */
JBW_API jbw_status jbw_months_between(int32_t *out, jbw_date from, jbw_date to);

/*
 * Whole years from `from` to `to` (age). A person born on 29 February
 * turns a year older on 1 March in a common year. Negative when to < from.
 * Errors: JBW_EINVAL (NULL), JBW_ERANGE.
 */
JBW_API jbw_status jbw_years_between(int32_t *out, jbw_date from, jbw_date to);

/* ---------------------------------------------------------------------- */
/* The working-day calendar                                                */
/* ---------------------------------------------------------------------- */

/*
 * How 5 May (Bevrijdingsdag) counts. The CAO Jeugdzorg (art. 9.7) gives
 * it off every year; official public-holiday lists count it only in
 * lustrum years (divisible by 5).
 */
typedef enum jbw_liberation_day {
    JBW_LIBERATION_EVERY_YEAR = 0,
    JBW_LIBERATION_LUSTRUM = 1,
    JBW_LIBERATION_NEVER = 2
} jbw_liberation_day;

/* Holidays, as returned by jbw_calendar_holidays(). Never renumbered. */
typedef enum jbw_holiday_kind {
    JBW_HOLIDAY_NONE = 0,
    JBW_HOLIDAY_NIEUWJAARSDAG = 1,
    JBW_HOLIDAY_GOEDE_VRIJDAG = 2,
    JBW_HOLIDAY_EERSTE_PAASDAG = 3,
    JBW_HOLIDAY_TWEEDE_PAASDAG = 4,
    JBW_HOLIDAY_KONINGSDAG = 5, /* Koningsdag / Koninginnedag */
    JBW_HOLIDAY_BEVRIJDINGSDAG = 6,
    JBW_HOLIDAY_HEMELVAARTSDAG = 7,
    JBW_HOLIDAY_EERSTE_PINKSTERDAG = 8,
    JBW_HOLIDAY_TWEEDE_PINKSTERDAG = 9,
    JBW_HOLIDAY_EERSTE_KERSTDAG = 10,
    JBW_HOLIDAY_TWEEDE_KERSTDAG = 11,
    JBW_HOLIDAY_CLOSURE = 12 /* an extra closure day of the organisation */
} jbw_holiday_kind;

/*
 * Calendar options. Start from JBW_CALENDAR_OPTIONS_INIT or
 * jbw_calendar_options_init(); the defaults are the CAO Jeugdzorg days.
 */
typedef struct jbw_calendar_options {
    unsigned int version;
    int good_friday_off;               /* default 0: Goede Vrijdag is worked */
    jbw_liberation_day liberation_day; /* default EVERY_YEAR */
} jbw_calendar_options;

#define JBW_CALENDAR_OPTIONS_VERSION 1
#define JBW_CALENDAR_OPTIONS_INIT                                              \
    {                                                                          \
        JBW_CALENDAR_OPTIONS_VERSION, 0, JBW_LIBERATION_EVERY_YEAR             \
    }

/*
 * Initialises opts to the defaults for the given struct version.
 * Errors: JBW_EINVAL (NULL), JBW_EVERSION (unknown version).
 */
JBW_API jbw_status jbw_calendar_options_init(jbw_calendar_options *opts,
                                             unsigned int version);

/*
 * Named calendars. JBW_CALENDAR_CAO is the default, the feestdagen of the
 * CAO Jeugdzorg (art. 9.7): 5 May every year, Goede Vrijdag worked.
 * JBW_CALENDAR_ATW follows the Algemene termijnenwet (art. 3) for legal
 * deadlines: the same days, and Goede Vrijdag off too. Never renumbered.
 */
typedef enum jbw_calendar_preset {
    JBW_CALENDAR_CAO = 0,
    JBW_CALENDAR_ATW = 1
} jbw_calendar_preset;

/*
 * Sets *opts to the options of a named calendar, for struct `version`.
 * Errors: JBW_EINVAL (NULL, unknown preset), JBW_EVERSION.
 */
JBW_API jbw_status jbw_calendar_options_preset(jbw_calendar_options *opts,
                                               unsigned int version,
                                               jbw_calendar_preset preset);

/* "cao" or "atw"; NULL for an unknown value. Static strings. */
JBW_API const char *jbw_calendar_preset_code(jbw_calendar_preset preset);

/*
 * Parses "cao" or "atw" (`len` bytes, or up to the NUL when len is
 * (size_t)-1). Errors: JBW_EINVAL (NULL), JBW_EPARSE (the detail lists the
 * valid codes).
 */
JBW_API jbw_status jbw_calendar_preset_from_code(jbw_calendar_preset *out,
                                                 const char *code, size_t len);

/* An immutable-after-setup working-day calendar (opaque). */
typedef struct jbw_calendar jbw_calendar;

/*
 * Creates a calendar. `opts` may be NULL for the default CAO Jeugdzorg
 * calendar (Saturdays, Sundays, Nieuwjaarsdag, Tweede Paasdag, Koningsdag,
 * 5 May, Hemelvaartsdag, Tweede Pinksterdag, both Christmas days off).
 * Free with jbw_calendar_free().
 * Errors: JBW_EINVAL, JBW_EVERSION, JBW_ENOMEM.
 */
JBW_API jbw_status jbw_calendar_new(jbw_calendar **out,
                                    const jbw_calendar_options *opts);

/* Frees a calendar; NULL is accepted. */
JBW_API void jbw_calendar_free(jbw_calendar *cal);

/*
 * Marks an extra closure day (not a working day). Must not be called
 * while other threads read the calendar. Closing a weekend day or a
 * holiday again is allowed and changes nothing.
 * Errors: JBW_EINVAL (NULL), JBW_ERANGE (date outside the range).
 */
JBW_API jbw_status jbw_calendar_add_closure(jbw_calendar *cal, jbw_date date);

/*
 * Sets *out to 1 when `date` is a working day, 0 when not.
 * Errors: JBW_EINVAL (NULL), JBW_ERANGE.
 */
JBW_API jbw_status jbw_calendar_is_workday(int *out, const jbw_calendar *cal,
                                           jbw_date date);

/*
 * Which holiday falls on `date` under this calendar's options
 * (JBW_HOLIDAY_NONE for none). Days that are not off under the options
 * (Goede Vrijdag by default, 5 May in a non-lustrum year under
 * JBW_LIBERATION_LUSTRUM) give JBW_HOLIDAY_NONE. Eerste Paas- and
 * Pinksterdag are Sundays and are reported too.
 * Errors: JBW_EINVAL (NULL), JBW_ERANGE.
 */
JBW_API jbw_status jbw_calendar_holiday(jbw_holiday_kind *out,
                                        const jbw_calendar *cal, jbw_date date);

/* Dutch name of a holiday ("Tweede Paasdag"); "" for NONE, NULL if unknown. */
JBW_API const char *jbw_holiday_name(jbw_holiday_kind kind);

/* One holiday of a year. */
typedef struct jbw_holiday {
    jbw_date date;
    jbw_holiday_kind kind;
} jbw_holiday;

/*
 * Lists the holidays and closure days of `year` under this calendar,
 * in date order, into out[0..capacity). *count receives the number there
 * are; when it exceeds capacity, the first `capacity` are written and
 * JBW_EBUFFER is returned. 32 entries always suffice for a year without
 * extra closures. `out` may be NULL when capacity is 0.
 * Errors: JBW_EINVAL, JBW_ERANGE, JBW_EBUFFER.
 */
JBW_API jbw_status jbw_calendar_holidays(jbw_holiday *out, size_t capacity,
                                         size_t *count, const jbw_calendar *cal,
                                         int year);

/*
 * Werkdagen from `from` to `to`: the working days d with from < d <= to.
 * Negative (minus the count from `to` to `from`) when to < from. O(1).
 * Errors: JBW_EINVAL (NULL), JBW_ERANGE (either date outside the range
 * or JBW_DATE_NONE).
 */
JBW_API jbw_status jbw_calendar_workdays_between(int32_t *out,
                                                 const jbw_calendar *cal,
                                                 jbw_date from, jbw_date to);

/*
 * The date `n` werkdagen after `from`: the first day D with
 * workdays_between(from, D) == n. For n == 0 it is `from` itself; for
 * negative n it counts back (the last working day D before `from` such
 * that workdays_between(D, from) == -n).
 * Errors: JBW_EINVAL (NULL), JBW_ERANGE (result outside the range).
 */
JBW_API jbw_status jbw_calendar_add_workdays(jbw_date *out,
                                             const jbw_calendar *cal,
                                             jbw_date from, int32_t n);

#ifdef __cplusplus
}
#endif

#endif /* JBW_DATE_H */
