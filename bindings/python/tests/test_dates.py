"""Dates and the working-day calendar. Figures worked out by hand against
the calendar (weekdays and the Gregorian Easter dates as noted)."""
import unittest
from datetime import date, datetime

import jbw
from jbw._util import from_days, to_days


class Conversion(unittest.TestCase):
    def test_dates_convert_to_days_since_1970(self):
        self.assertEqual(to_days(date(1970, 1, 1)), 0)
        self.assertEqual(to_days(date(1970, 1, 2)), 1)
        self.assertEqual(to_days(date(1969, 12, 31)), -1)
        # 2000-01-01: 30 years of 365 days plus 7 leap days (72..96) = 10957
        self.assertEqual(to_days(date(2000, 1, 1)), 10957)
        self.assertEqual(from_days(10957), date(2000, 1, 1))

    def test_none_is_the_absent_date_both_ways(self):
        self.assertEqual(to_days(None), jbw.DATE_NONE)
        self.assertIsNone(from_days(jbw.DATE_NONE))

    def test_datetime_and_strings_are_accepted(self):
        self.assertEqual(to_days(datetime(2000, 1, 1, 13, 5)), 10957)
        self.assertEqual(to_days("2000-01-01"), 10957)
        self.assertEqual(to_days("1-1-2000"), 10957)

    def test_other_types_are_a_type_error(self):
        with self.assertRaises(TypeError):
            to_days(10957)


class DateFunctions(unittest.TestCase):
    def test_parse_accepts_iso_and_dutch(self):
        self.assertEqual(jbw.parse_date("2025-09-01"), date(2025, 9, 1))
        self.assertEqual(jbw.parse_date("1-9-2025"), date(2025, 9, 1))
        self.assertEqual(jbw.parse_date("01-09-2025"), date(2025, 9, 1))
        self.assertEqual(jbw.parse_date("  2025-09-01 "), date(2025, 9, 1))

    def test_parse_rejects_other_forms_and_nonexistent_days(self):
        for text in ("2025/09/01", "", "1-9-25", "31-02-2025", "2025-13-01"):
            with self.subTest(text), self.assertRaises(jbw.ParseError):
                jbw.parse_date(text)

    def test_parse_rejects_years_outside_the_range(self):
        with self.assertRaises(jbw.RangeError):
            jbw.parse_date("1899-12-31")

    def test_format_writes_iso(self):
        self.assertEqual(jbw.format_date(date(2025, 9, 1)), "2025-09-01")
        with self.assertRaises(jbw.RangeError):
            jbw.format_date(None)

    def test_make_date_checks_the_day(self):
        self.assertEqual(jbw.make_date(2024, 2, 29), date(2024, 2, 29))
        with self.assertRaises(jbw.InvalidArgument) as cm:
            jbw.make_date(2025, 2, 29)
        self.assertTrue(cm.exception.detail)
        with self.assertRaises(jbw.RangeError):
            jbw.make_date(2200, 1, 1)

    def test_date_parts(self):
        self.assertEqual(jbw.date_parts(date(2025, 9, 1)), (2025, 9, 1))

    def test_weekday_is_iso(self):
        self.assertEqual(jbw.weekday(date(2025, 9, 1)), 1)  # a Monday
        self.assertEqual(jbw.weekday(date(2025, 9, 7)), 7)  # a Sunday
        self.assertEqual(jbw.weekday(None), 0)

    def test_add_months_clamps_to_the_month_end(self):
        self.assertEqual(jbw.add_months(date(2025, 1, 31), 1), date(2025, 2, 28))
        self.assertEqual(jbw.add_months(date(2024, 1, 31), 1), date(2024, 2, 29))
        self.assertEqual(jbw.add_months(date(2025, 3, 15), -3), date(2024, 12, 15))

    def test_months_between_is_tenure(self):
        # hired 15 January: 2 whole months on 14 April, 3 on 15 April
        self.assertEqual(jbw.months_between(date(2025, 1, 15), date(2025, 4, 14)), 2)
        self.assertEqual(jbw.months_between(date(2025, 1, 15), date(2025, 4, 15)), 3)
        self.assertEqual(jbw.months_between(date(2025, 4, 15), date(2025, 1, 15)), -3)

    def test_years_between_is_age_and_29_february_turns_on_1_march(self):
        self.assertEqual(jbw.years_between(date(2020, 2, 29), date(2021, 2, 28)), 0)
        self.assertEqual(jbw.years_between(date(2020, 2, 29), date(2021, 3, 1)), 1)


class CalendarTests(unittest.TestCase):
    def setUp(self):
        self.cal = jbw.Calendar()

    def tearDown(self):
        self.cal.close()

    def test_workdays_over_christmas_2025_are_7(self):
        # Fri 19 Dec 2025 to Fri 2 Jan 2026: 22, 23, 24, 29, 30, 31 Dec and
        # 2 Jan; 25/26 Dec and 1 Jan are holidays, weekends are off: 7.
        self.assertEqual(self.cal.workdays_between("2025-12-19", "2026-01-02"), 7)
        self.assertEqual(self.cal.workdays_between("2026-01-02", "2025-12-19"), -7)

    def test_monday_to_next_monday_is_5(self):
        self.assertEqual(self.cal.workdays_between(date(2025, 9, 1), date(2025, 9, 8)), 5)

    def test_add_workdays_inverts_workdays_between(self):
        self.assertEqual(self.cal.add_workdays(date(2025, 12, 19), 7), date(2026, 1, 2))
        self.assertEqual(self.cal.add_workdays(date(2026, 1, 2), -7), date(2025, 12, 19))
        self.assertEqual(self.cal.add_workdays(date(2025, 9, 1), 0), date(2025, 9, 1))

    def test_is_workday(self):
        self.assertTrue(self.cal.is_workday(date(2025, 9, 1)))      # Monday
        self.assertFalse(self.cal.is_workday(date(2025, 9, 6)))     # Saturday
        self.assertFalse(self.cal.is_workday(date(2025, 12, 25)))   # Eerste Kerstdag
        self.assertTrue(self.cal.is_workday(date(2025, 4, 18)))     # Goede Vrijdag is worked

    def test_holidays_2025_follow_easter_on_20_april(self):
        # Easter Sunday 2025 is 20 April: Tweede Paasdag 21 April,
        # Hemelvaartsdag (+39 days) 29 May, Pinksteren (+49) 8 and 9 June.
        # 27 April 2025 is a Sunday, so Koningsdag is Saturday 26 April.
        got = {h.date: h.kind for h in self.cal.holidays(2025)}
        H = jbw.Holiday
        expected = {
            date(2025, 1, 1): H.NIEUWJAARSDAG, date(2025, 4, 20): H.EERSTE_PAASDAG,
            date(2025, 4, 21): H.TWEEDE_PAASDAG, date(2025, 4, 26): H.KONINGSDAG,
            date(2025, 5, 5): H.BEVRIJDINGSDAG, date(2025, 5, 29): H.HEMELVAARTSDAG,
            date(2025, 6, 8): H.EERSTE_PINKSTERDAG, date(2025, 6, 9): H.TWEEDE_PINKSTERDAG,
            date(2025, 12, 25): H.EERSTE_KERSTDAG, date(2025, 12, 26): H.TWEEDE_KERSTDAG,
        }
        self.assertEqual(got, expected)
        days = [h.date for h in self.cal.holidays(2025)]
        self.assertEqual(days, sorted(days))

    def test_holiday_names_are_dutch(self):
        self.assertEqual(jbw.Holiday.TWEEDE_PAASDAG.dutch_name, "Tweede Paasdag")
        self.assertEqual(self.cal.holidays(2025)[0].name, "Nieuwjaarsdag")

    def test_holiday_on_a_day(self):
        self.assertIs(self.cal.holiday(date(2025, 12, 26)), jbw.Holiday.TWEEDE_KERSTDAG)
        self.assertIsNone(self.cal.holiday(date(2025, 9, 1)))

    def test_koninginnedag_on_a_sunday_moved_to_29_april_from_1980(self):
        # 30 April 1989 was a Sunday.
        self.assertEqual(jbw.weekday(date(1989, 4, 30)), 7)
        self.assertIs(self.cal.holiday(date(1989, 4, 29)), jbw.Holiday.KONINGSDAG)

    def test_good_friday_off_option(self):
        with jbw.Calendar(good_friday_off=True) as cal:
            self.assertIs(cal.holiday(date(2025, 4, 18)), jbw.Holiday.GOEDE_VRIJDAG)
            self.assertFalse(cal.is_workday(date(2025, 4, 18)))

    def test_liberation_day_options(self):
        # 5 May 2026 is a Tuesday; 2025 is a lustrum year.
        with jbw.Calendar(liberation_day=jbw.LiberationDay.LUSTRUM) as cal:
            self.assertTrue(cal.is_workday(date(2026, 5, 5)))
            self.assertFalse(cal.is_workday(date(2025, 5, 5)))
        with jbw.Calendar(liberation_day=jbw.LiberationDay.NEVER) as cal:
            self.assertTrue(cal.is_workday(date(2025, 5, 5)))
        self.assertFalse(self.cal.is_workday(date(2026, 5, 5)))

    def test_closures_are_not_workdays_and_are_listed(self):
        with jbw.Calendar(closures=[date(2025, 12, 24)]) as cal:
            self.assertFalse(cal.is_workday(date(2025, 12, 24)))
            self.assertIs(cal.holiday(date(2025, 12, 24)), jbw.Holiday.CLOSURE)
            # one fewer werkdag over Christmas: 6
            self.assertEqual(cal.workdays_between(date(2025, 12, 19), date(2026, 1, 2)), 6)
            cal.add_closure(date(2025, 12, 27))  # a Saturday: changes nothing
            self.assertEqual(cal.workdays_between(date(2025, 12, 19), date(2026, 1, 2)), 6)

    def test_more_than_32_closures_grow_the_buffer(self):
        with jbw.Calendar() as cal:
            day = date(2030, 1, 7)
            for i in range(40):
                cal.add_closure(cal.add_workdays(day, i))
            self.assertGreaterEqual(len(cal.holidays(2030)), 40)

    def test_out_of_range_and_absent_dates_raise(self):
        with self.assertRaises(jbw.RangeError):
            self.cal.workdays_between(None, date(2025, 1, 1))
        with self.assertRaises(jbw.RangeError):
            self.cal.holidays(2300)
        with self.assertRaises(jbw.RangeError):
            self.cal.add_workdays(date(2199, 12, 31), 5)

    def test_an_invalid_liberation_option_is_refused(self):
        with self.assertRaises(ValueError):
            jbw.Calendar(liberation_day=7)


if __name__ == "__main__":
    unittest.main()


class Presets(unittest.TestCase):
    """The Algemene termijnenwet (art. 3) counts Goede Vrijdag too; 2025:
    Easter Sunday 20 April, so Goede Vrijdag 18 April (docs/sources.md)."""

    def test_atw_has_goede_vrijdag_cao_not(self):
        with jbw.Calendar.preset("atw") as atw, jbw.Calendar.preset("cao") as cao:
            self.assertFalse(atw.is_workday("2025-04-18"))
            self.assertTrue(cao.is_workday("2025-04-18"))
            # 14 to 25 April 2025: 8 werkdagen under the CAO, 7 under the Atw
            self.assertEqual(cao.workdays_between("2025-04-14", "2025-04-25"), 8)
            self.assertEqual(atw.workdays_between("2025-04-14", "2025-04-25"), 7)

    def test_unknown_preset(self):
        with self.assertRaises(jbw.ParseError):
            jbw.Calendar.preset("wet")
        with self.assertRaises(TypeError):
            jbw.Calendar.preset(1)
