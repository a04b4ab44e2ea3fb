"""Whole-number and date parameters: what the package takes, what it
refuses, and that the error names the parameter. A number is never
truncated (12.9 is not 12) nor wrapped by ctypes (-1 is not 2**64 - 1,
2**32 + 12 is not 12); a missing value (pandas' NaT) is not a date."""
import array
import datetime as dt
import unittest
from datetime import date

import jbw

from tests.support import small_snapshot
from tests.test_calibrate import history


class Index:
    """An int-like that is not an int (as numpy.int64): taken through
    ``__index__``."""

    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class NaTType(dt.datetime):
    """A stand-in for pandas' NaT: a datetime whose type is named NaTType
    (the package tells NaT by that name, never importing pandas).
    date.toordinal reads it as 1 January of year 1."""


NAT = NaTType(1, 1, 1)


class CalibrateWholeNumbers(unittest.TestCase):
    """jbw.calibrate on the history of test_calibrate (D 2025-01-01)."""

    def setUp(self):
        self.snap = history()
        self.addCleanup(self.snap.close)

    def calibrate(self, **kw):
        args = dict(date=date(2025, 1, 1), window_months=12, min_events=1)
        args.update(kw)
        return jbw.calibrate(self.snap, **args)

    def test_ints_and_index_objects_are_taken(self):
        with self.calibrate(window_months=Index(12), min_events=Index(2)) as cal:
            self.assertEqual((cal.window_months, cal.min_events), (12, 2))

    def test_a_negative_min_events_is_refused_not_wrapped(self):
        # int(-1) reached the size_t as 18446744073709551615 (2**64 - 1)
        for bad in (-1, 0):
            with self.subTest(min_events=bad):
                with self.assertRaises(jbw.InvalidArgument) as cm:
                    self.calibrate(min_events=bad)
                self.assertIn(f"min_events must be at least 1, not {bad}",
                              str(cm.exception))

    def test_a_fraction_a_string_or_a_bool_is_refused_naming_the_parameter(self):
        # 12.9 ran as 12, "12" and True (1) were taken, "abc" raised
        # int()'s "invalid literal" without a name
        for name in ("window_months", "min_events"):
            for bad, shown in ((12.9, "not 12.9: fractions are refused"),
                               (12.0, "not 12.0: fractions are refused"),
                               ("12", "not str ('12')"), ("abc", "not str ('abc')"),
                               (True, "not bool"), (None, "not NoneType")):
                with self.subTest(name=name, value=bad):
                    with self.assertRaises(TypeError) as cm:
                        self.calibrate(**{name: bad})
                    self.assertIn(f"{name} must be a whole number (int), {shown}",
                                  str(cm.exception))

    def test_a_window_past_the_c_int_is_a_range_error_not_wrapped(self):
        # 2**32 + 12 = 4294967308 reached the int32_t as 12
        with self.assertRaises(jbw.RangeError) as cm:
            self.calibrate(window_months=2**32 + 12)
        self.assertIn("window_months is 4294967308: outside the range of a 32-bit int",
                      str(cm.exception))
        # within the int, the library's own range check, as before
        with self.assertRaises(jbw.RangeError) as cm:
            self.calibrate(window_months=0)
        self.assertIn("window_months is 0: must be 1..600", str(cm.exception))


class BacktestWholeNumbers(unittest.TestCase):
    def setUp(self):
        self.snap = history()
        self.addCleanup(self.snap.close)

    def backtest(self, **kw):
        args = dict(months=3, window_months=12, min_events=1)
        args.update(kw)
        return jbw.backtest(self.snap, date(2025, 1, 1), **args)

    def test_ints_are_taken(self):
        with self.backtest(months=Index(3)) as bt:
            self.assertEqual(bt.months, 3)
            self.assertEqual(bt.month(Index(2)).month, 2)

    def test_bad_numbers_are_refused_naming_the_parameter(self):
        # months=6.7 ran as 6 and "6" was taken
        for name in ("months", "window_months", "min_events"):
            for bad, shown in ((6.7, "not 6.7: fractions are refused"),
                               ("6", "not str ('6')"), (True, "not bool")):
                with self.subTest(name=name, value=bad):
                    with self.assertRaises(TypeError) as cm:
                        self.backtest(**{name: bad})
                    self.assertIn(f"{name} must be a whole number (int), {shown}",
                                  str(cm.exception))
        with self.assertRaises(jbw.InvalidArgument) as cm:
            self.backtest(min_events=-1)
        self.assertIn("min_events must be at least 1, not -1", str(cm.exception))
        with self.assertRaises(jbw.RangeError) as cm:
            self.backtest(months=2**32 + 3)  # was 3
        self.assertIn("months is 4294967299", str(cm.exception))

    def test_backtest_history_checks_the_same(self):
        with self.assertRaises(TypeError) as cm:
            jbw.backtest_history([self.snap], date(2025, 1, 1), 2.5, min_events=1)
        self.assertIn("months must be a whole number (int), not 2.5", str(cm.exception))
        with self.assertRaises(jbw.InvalidArgument):
            jbw.backtest_history([self.snap], date(2025, 1, 1), 2, min_events=-1)

    def test_a_month_of_the_backtest_is_a_whole_number(self):
        with self.backtest() as bt:
            with self.assertRaises(TypeError) as cm:
                bt.month(1.5)  # was month 1
            self.assertIn("k must be a whole number (int), not 1.5", str(cm.exception))
            with self.assertRaises(TypeError):
                bt[1.0]
            self.assertEqual(bt[Index(1)].month, 1)


class OtherWholeNumbers(unittest.TestCase):
    """The other public parameters that reached ctypes unchecked."""

    def test_a_month_count_past_the_c_int_is_refused_not_wrapped(self):
        # 2**32 + 1 months reached the library as 1: 2025-02-01
        with self.assertRaises(jbw.RangeError) as cm:
            jbw.add_months(date(2025, 1, 1), 2**32 + 1)
        self.assertIn("months is 4294967297", str(cm.exception))
        self.assertEqual(jbw.add_months(date(2025, 1, 1), 1), date(2025, 2, 1))

    def test_a_forecast_horizon_past_the_c_int_is_refused_not_wrapped(self):
        # months 2**32 + 3 ran a forecast of 3 months
        p = jbw.ForecastParams.default()
        p.months = 2**32 + 3
        with self.assertRaises(jbw.RangeError) as cm:
            jbw.run_forecast(p)
        self.assertIn("months is 4294967299: outside the range of a 32-bit int",
                      str(cm.exception))
        p.months, p.hire_months = 3, 2**32 + 2
        with self.assertRaises(jbw.RangeError) as cm:
            jbw.run_forecast(p)
        self.assertIn("hire_months is 4294967298", str(cm.exception))

    def test_series_counts_are_whole_and_not_negative(self):
        # -1 reached the size_t as 18446744073709551615, "too large"
        with jbw.Series() as s:
            with self.assertRaises(jbw.InvalidArgument) as cm:
                s.add("2025-01-01", -1, 0)
            self.assertIn("nieuw must be at least 0, not -1", str(cm.exception))
            with self.assertRaises(TypeError) as cm:
                s.add("2025-01-01", 3, 1.5)
            self.assertIn("bestaand must be a whole number (int), not 1.5",
                          str(cm.exception))
            s.add("2025-01-01", 3, 2)
            self.assertEqual(s[0].total, 5)

    def test_a_measure_index_is_whole_and_not_negative(self):
        # -1 reached the size_t as 18446744073709551615, "out of range";
        # 1.5 raised ctypes' "argument 3: TypeError: wrong type"
        with small_snapshot() as snap:
            with self.assertRaises(jbw.InvalidArgument) as cm:
                snap.measure_state(-1)
            self.assertIn("measure must be at least 0, not -1", str(cm.exception))
            with self.assertRaises(TypeError) as cm:
                snap.measure_state(1.5)
            self.assertIn("measure must be a whole number (int), not 1.5",
                          str(cm.exception))
            self.assertIs(snap.measure_state(Index(5)), jbw.MeasureState.BESTAAND)

    def test_the_example_seed_is_whole_and_not_negative(self):
        with self.assertRaises(jbw.InvalidArgument) as cm:
            jbw.Snapshot.example(seed=-1)  # was seed 4294967295
        self.assertIn("seed must be at least 0, not -1", str(cm.exception))
        with self.assertRaises(TypeError):
            jbw.Snapshot.example(seed=1.5)

    def test_a_chart_group_is_a_group_or_its_int(self):
        with small_snapshot() as snap, snap.caseload() as result:
            by_int = jbw.chart_caseload(result, 1, lang="en")
            self.assertEqual(by_int, jbw.chart_caseload(result, jbw.Group.REGION, lang="en"))
            for bad, cls, shown in ((1.5, TypeError, "not 1.5"),  # was REGION
                                    ("region", TypeError, "not str ('region')"),
                                    (2, jbw.InvalidArgument, "not 2")):
                for chart in (jbw.chart_caseload, jbw.chart_coupling):
                    with self.subTest(chart=chart.__name__, group=bad):
                        with self.assertRaises(cls) as cm:
                            chart(result, bad)
                        self.assertIn(shown, str(cm.exception))
                        self.assertIn("group", str(cm.exception))


class ChartAndBriefOptions(unittest.TestCase):
    """The counts of the chart and brief options reached their unsigned or
    32-bit C fields wrapped: suppress_below=2**32 as 0, drawing every
    small count; a brief of months=2**32 + 3 as 3 months."""

    def test_chart_options_are_whole_and_fit_their_field(self):
        with jbw.example_series_zhz() as s:
            with self.assertRaises(jbw.InvalidArgument) as cm:
                jbw.chart_series(s, suppress_below=2**32)
            self.assertIn("suppress_below must be at most 4294967295, not 4294967296",
                          str(cm.exception))
            for name, bad, shown in (("suppress_below", 2.5, "not 2.5"),
                                     ("round_to", True, "not bool"),
                                     ("round_to", "5", "not str ('5')")):
                with self.subTest(name=name, value=bad):
                    with self.assertRaises(TypeError) as cm:
                        jbw.chart_series(s, **{name: bad})
                    self.assertIn(f"{name} must be a whole number (int), {shown}",
                                  str(cm.exception))
            with self.assertRaises(jbw.InvalidArgument) as cm:
                jbw.chart_series(s, round_to=-1)
            self.assertIn("round_to must be at least 0, not -1", str(cm.exception))

    def test_brief_counts_are_whole_and_fit_their_field(self):
        with small_snapshot() as snap:
            with self.assertRaises(jbw.RangeError) as cm:
                jbw.make_brief(snap, replicates=0, months=2**32 + 3)
            self.assertIn("months is 4294967299: outside the range of a 32-bit int",
                          str(cm.exception))
            with self.assertRaises(jbw.RangeError):
                jbw.make_brief(snap, replicates=0, relief_months=2**32 + 1)
            with self.assertRaises(TypeError) as cm:
                jbw.make_brief(snap, replicates=0, months=2.0)
            self.assertIn("months must be a whole number (int), not 2.0", str(cm.exception))
            with self.assertRaises(jbw.InvalidArgument) as cm:
                jbw.make_brief(snap, replicates=0, relief_months=-1)
            self.assertIn("relief_months must be at least 0, not -1", str(cm.exception))
            with self.assertRaises(jbw.InvalidArgument):
                jbw.make_brief(snap, replicates=0, suppress_below=2**32)


class MissingDates(unittest.TestCase):
    """pandas' NaT (a datetime subclass) raised "NaTType does not support
    toordinal" (the real one) or was read as 1-1-0001 (the stand-in),
    naming no parameter."""

    def test_nat_and_nan_are_refused_naming_the_parameter(self):
        with small_snapshot() as snap:
            for value, shown in ((NAT, repr(NAT)), (float("nan"), "nan")):
                cases = (
                    ("date", lambda v: snap.caseload(date=v)),
                    ("period_from", lambda v: snap.caseload(period_from=v)),
                    ("on", lambda v: snap.counts(on=v)),
                    ("on", lambda v: snap.triage(on=v)),
                    ("from_date", lambda v: jbw.backtest(snap, v)),
                    ("reference_date", lambda v: jbw.Snapshot(None, v)),
                    ("value", lambda v: jbw.add_months(v, 1)),
                    ("start", lambda v: jbw.ForecastParams(start=v)._to_c()),
                )
                for name, call in cases:
                    with self.subTest(name=name, value=shown):
                        with self.assertRaises(TypeError) as cm:
                            call(value)
                        self.assertEqual(
                            str(cm.exception),
                            f"{name} must be a datetime.date, a date string or None, "
                            f"not {shown} (a missing value; give None for no date)")

    def test_a_real_datetime_is_still_a_date(self):
        self.assertEqual(jbw.add_months(dt.datetime(2025, 1, 31, 12, 0), 1),
                         date(2025, 2, 28))

    def test_a_date_column_still_reads_nat_as_no_date(self):
        arr = jbw.WaitCaseArray.from_columns(
            ["A", "B"], ["C1", "C2"], ["2025-08-01", "2025-08-02"],
            kind=["OTS", "OTS"], last_contact=[NAT, date(2025, 8, 20)])
        self.assertEqual([c.last_contact for c in arr.cases()],
                         [None, date(2025, 8, 20)])


class ScopeParameters(unittest.TestCase):
    """organisation and region, the scope of a calibration, a backtest, a
    count, a start state or a brief: a str (None for all). organisation=5
    raised "expected str or None, not int", naming no parameter."""

    def test_a_wrong_type_is_refused_naming_the_parameter(self):
        snap = history()
        self.addCleanup(snap.close)
        d0 = date(2025, 1, 1)
        calls = (
            lambda **k: jbw.calibrate(snap, d0, min_events=1, **k),
            lambda **k: jbw.backtest(snap, d0, 3, min_events=1, **k),
            lambda **k: jbw.backtest_history([snap], d0, 3, min_events=1, **k),
            lambda **k: snap.counts(**k),
            lambda **k: jbw.ForecastParams.from_snapshot(snap, **k),
            lambda **k: jbw.Series().add_snapshot(snap, **k),
            lambda **k: jbw.make_brief(snap, replicates=0, **k),
        )
        for i, call in enumerate(calls):
            for name in ("organisation", "region"):
                for bad, shown in ((5, "int (5)"), (b"GI1", "bytes (b'GI1')")):
                    with self.subTest(call=i, name=name, value=bad):
                        with self.assertRaises(TypeError) as cm:
                            call(**{name: bad})
                        self.assertEqual(str(cm.exception),
                                         f"{name} must be a str or None, not {shown}")

    def test_registry_serves_names_the_parameter(self):
        reg = jbw.Registry.zuid_west()
        self.addCleanup(reg.close)
        for args, name in (((5, "ZHZ"), "organisation"), (("JBWEST", 5), "region")):
            with self.subTest(name=name):
                with self.assertRaises(TypeError) as cm:
                    reg.serves(*args)
                self.assertEqual(str(cm.exception), f"{name} must be a str, not int (5)")


class PreviousWorkersColumn(unittest.TestCase):
    """WaitCaseArray.from_columns(previous_workers=...): 1.5 was taken as 1."""

    def make(self, col):
        return jbw.WaitCaseArray.from_columns(
            ["A", "B", "C"], ["C1", "C2", "C3"], ["2025-08-01"] * 3,
            kind=["OTS"] * 3, previous_workers=col)

    def test_a_fraction_is_refused_naming_column_row_and_id(self):
        for col in ([0, 2, 1.5], (0, 2, 1.5), array.array("d", [0, 2, 1.5]),
                    [0, 2, "1.5"]):
            with self.subTest(col=col):
                with self.assertRaises((TypeError, ValueError)) as cm:
                    self.make(col)
                msg = str(cm.exception)
                self.assertTrue(msg.startswith("column 'previous_workers', row 2 (id 'C'): "),
                                msg)
                self.assertIn("1.5", msg)

    def test_infinity_is_refused_naming_the_row(self):
        with self.assertRaises(OverflowError) as cm:
            self.make([float("inf"), 1, 0])
        self.assertIn("column 'previous_workers', row 0 (id 'A')", str(cm.exception))

    def test_whole_values_are_taken(self):
        # 2.0: pandas holds a column of whole numbers with gaps as floats;
        # NaN (a gap) is 0, as an empty field in the file; "3" as the file
        for col, want in (([0, 2.0, float("nan")], [0, 2, 0]),
                          (array.array("d", [1.0, 0.0, 4.0]), [1, 0, 4]),
                          (["3", 1, 0], [3, 1, 0]),
                          ([Index(2), 1, 0], [2, 1, 0])):
            with self.subTest(col=col):
                self.assertEqual([c.previous_workers for c in self.make(col).cases()],
                                 want)


if __name__ == "__main__":
    unittest.main()


class CodedValues(unittest.TestCase):
    def test_a_bool_is_not_taken_for_a_kind(self):
        # the rule: a member, its code or its int value; True is not 1
        self.assertIs(jbw.Kind.coerce(1), jbw.Kind.VOTS)
        self.assertIs(jbw.Kind.coerce("VOTS"), jbw.Kind.VOTS)
        with self.assertRaisesRegex(TypeError, "Kind is a member, its code or its int value, not True"):
            jbw.Kind.coerce(True)
        with self.assertRaises(TypeError):
            jbw.Safety.coerce(False)
