"""Calibration from a snapshot's own records (jbw.calibrate)."""
import math
import os
import subprocess
import sys
import unittest
from datetime import date

import jbw

K = jbw.Kind
DAYS_PER_MONTH = 365.25 / 12


def history(ref: date = date(2025, 6, 30)) -> jbw.Snapshot:
    """Exported on ``ref`` (default 2025-06-30; an earlier export holds
    what was known on its date), calibrated on D = 2025-01-01 with a window
    of the 12 months of 2024 (366 days).

    OTS: A 2024-01-01 .. 2024-04-01 (91 days, started, exit); B 2023-12-01
    .. running (366 days, stock); C 2024-12-01 .. 2025-02-01, the end after
    D (31 days, started, stock); E starts 2025-03-01, after D: unknown on D.
    Exposure 91 + 366 + 31 = 488 days = 16.03285 months, 1 exit: MLE
    16.03285 months, interval x exp(-/+1.959964): 2.258444 .. 113.8184.
    Staff: X 1.0 FTE all year (366 days), Y 0.5 FTE until 2024-07-01 (182
    days, a leaver): FTE-years (366 + 91) / 365.25 = 1.251198; h = 0.5 /
    1.251198 = 0.3996171; turnover 1 - exp(-h) = 0.3294232; no hires;
    1.0 FTE on D.
    """
    def known(d):
        return d if d is not None and d <= ref else None

    snap = jbw.Snapshot(None, ref)
    snap.add_workers([
        jbw.Worker("X", "JBWEST", date(2020, 1, 1), fte=1.0, region="ZHZ"),
        jbw.Worker("Y", "JBWEST", date(2020, 1, 1), fte=0.5, region="ZHZ",
                   leaving=date(2024, 7, 1)),
    ])
    measures = [
        jbw.Measure("A", "c1", K.OTS, "JBWEST", "ZHZ", date(2024, 1, 1),
                    end=date(2024, 4, 1), worker_id="X", first_assigned=date(2024, 1, 2)),
        jbw.Measure("B", "c2", K.OTS, "JBWEST", "ZHZ", date(2023, 12, 1),
                    worker_id="X", first_assigned=date(2023, 12, 1)),
        jbw.Measure("C", "c3", K.OTS, "JBWEST", "ZHZ", date(2024, 12, 1),
                    end=known(date(2025, 2, 1))),
        jbw.Measure("E", "c4", K.OTS, "JBWEST", "ZHZ", date(2025, 3, 1)),
    ]
    snap.add_measures([m for m in measures if m.start <= ref])
    return snap


class Calibrate(unittest.TestCase):
    def setUp(self):
        self.snap = history()
        self.cal = jbw.calibrate(self.snap, date(2025, 1, 1), 12, min_events=1)

    def test_window(self):
        self.assertEqual(self.cal.date, date(2025, 1, 1))
        self.assertEqual(self.cal.window_start, date(2024, 1, 1))
        self.assertEqual(self.cal.window_months, 12)
        self.assertEqual(self.cal.min_events, 1)

    def test_kind_figures_by_hand(self):
        k = self.cal.kind("OTS")
        self.assertEqual(k.kind, K.OTS)
        self.assertEqual(k.started, 2)
        self.assertAlmostEqual(k.inflow_per_month, 2 / 12, places=12)
        self.assertEqual(k.exits, 1)
        self.assertAlmostEqual(k.exposure_months, 488 / DAYS_PER_MONTH, places=9)
        self.assertAlmostEqual(k.mle_months, 16.03285, places=5)
        self.assertAlmostEqual(k.low_months, 2.258444, places=5)
        self.assertAlmostEqual(k.high_months, 113.8184, places=3)
        self.assertEqual(k.basis, jbw.Basis.ESTIMATED)
        self.assertEqual(k.stock, 2)

    def test_a_kind_without_exits_has_no_estimate_and_the_default(self):
        v = self.cal.kind(K.VOTS)
        self.assertEqual(v.exits, 0)
        self.assertIsNone(v.mle_months)
        self.assertEqual(v.basis, jbw.Basis.DEFAULT_FEW_EVENTS)
        self.assertEqual(v.mean_duration_months,
                         jbw.ForecastParams.default().duration[K.VOTS])
        self.assertEqual(jbw.Basis.DEFAULT_FEW_EVENTS.code, "default_few_events")

    def test_notes_of_a_plain_estimate_and_of_a_default(self):
        # OTS: 16.03 months is under 10 x the 12-month window: no note;
        # VOTS: 0 exits, fewer than min_events 1: the default and its note;
        # the turnover is estimated from 1 leaver: no note
        k, v = self.cal.kind(K.OTS), self.cal.kind(K.VOTS)
        self.assertEqual((k.note, k.unreliable), (None, False))
        self.assertEqual(v.note, "0 exits in the window, fewer than 1: the default")
        self.assertFalse(v.unreliable)
        self.assertIsNone(self.cal.staff.note)
        # min_events 2: 1 leaver gives the default turnover
        with jbw.calibrate(self.snap, date(2025, 1, 1), 12, min_events=2) as cal:
            self.assertEqual(cal.staff.note,
                             "1 leaver in the window, fewer than 2: the default")

    def test_staff_by_hand(self):
        s = self.cal.staff
        self.assertAlmostEqual(s.fte_years, 457 / 365.25, places=12)
        self.assertEqual(s.leavers, 1)
        self.assertAlmostEqual(s.hazard_annual, 0.3996171, places=6)
        self.assertAlmostEqual(s.turnover_annual, 0.3294232, places=6)
        self.assertEqual(s.hires, 0)
        self.assertEqual(s.hires_fte_per_month, 0)
        self.assertEqual(s.workers, 1)
        self.assertAlmostEqual(s.fte, 1.0)

    def test_apply_and_the_scenario_file_agree(self):
        direct = self.cal.apply()
        via_file = jbw.Scenario.parse(self.cal.to_scenario(), "calibrated").apply()
        self.assertEqual(direct.inflow, via_file.inflow)
        self.assertEqual(direct.duration, via_file.duration)
        self.assertEqual(direct.turnover, via_file.turnover)
        self.assertAlmostEqual(direct.duration[K.OTS], 16.03285, places=5)
        self.assertIn("# turnover: 1 - exp(-h)", self.cal.to_scenario())

    def test_outputs(self):
        d = self.cal.to_dict()
        self.assertEqual(d["date"], "2025-01-01")
        self.assertEqual(d["window"], {"from": "2024-01-01", "to": "2024-12-31",
                                       "months": 12})
        self.assertEqual(d["kinds"][0]["kind"], "OTS")
        self.assertEqual(d["kinds"][0]["exits"], 1)
        self.assertIsNone(d["kinds"][1]["mle_months"])
        self.assertIn("turnover_annual", d["staff"])
        self.assertTrue(self.cal.to_csv().startswith("section,key,started,"))
        self.assertIn("Calibration on 2025-01-01", self.cal.to_text())

    def test_a_date_after_the_export_is_a_range_error(self):
        with self.assertRaises(jbw.RangeError) as e:
            jbw.calibrate(self.snap, date(2025, 7, 1))
        self.assertIn("after the data's reference date", str(e.exception))

    def test_a_window_before_the_records_is_a_range_error(self):
        with self.assertRaises(jbw.RangeError) as e:
            jbw.calibrate(self.snap, date(2020, 6, 1))
        self.assertIn("before the data's first record", str(e.exception))

    def test_the_example_calibrates(self):
        with jbw.Snapshot.example() as snap:
            cal = jbw.calibrate(snap)
            self.assertEqual(cal.window_months, 12)
            self.assertEqual(len(cal.kinds), jbw.kind_count())
            self.assertTrue(math.isfinite(cal.staff.turnover_annual))

    def test_the_example_marks_its_extrapolated_durations_unreliable(self):
        # the rule: an estimated mean duration over 10 x the 12-month
        # window (120 months) is unreliable. On the example OTS (61 exits
        # against a stock of 2358: 349 months), VOOGDIJ (16 against 1045:
        # 684 months) and JR_TB_GEDWONGEN (14 against 453: 182 months), as
        # `jbw calibrate` prints; the other estimates are under 7 months.
        with jbw.Snapshot.example() as snap, jbw.calibrate(snap) as cal:
            kinds = cal.kinds
            notes = [d["note"] for d in cal.to_dict()["kinds"]]
        flagged = {k.kind for k in kinds if k.unreliable}
        self.assertEqual(flagged, {K.OTS, K.VOOGDIJ, K.JR_TB_GEDWONGEN})
        for k, json_note in zip(kinds, notes):
            self.assertEqual(k.note, json_note)  # what to_json() says
            far = k.basis == jbw.Basis.ESTIMATED and k.mle_months > 10 * 12
            self.assertEqual(k.unreliable, far, k.kind.code)
        ots = kinds[K.OTS]
        self.assertEqual(ots.note, "unreliable: over 10x the window, an extrapolation "
                                   f"from {ots.exits} exits against a stock of {ots.stock}")

    def test_apply_keeps_the_duration_of_an_unreliable_kind(self):
        # the rule: apply() sets every kind's inflow, but an unreliable
        # duration (OTS, VOOGDIJ, JR_TB_GEDWONGEN on the example, see the
        # test above) is not forecast on: the params keep theirs. The
        # defaults are set to 7 months here so that no other rule can give
        # the same figure.
        with jbw.Snapshot.example() as snap, jbw.calibrate(snap) as cal:
            kinds = cal.kinds
            params = jbw.ForecastParams.default()
            for k in K:
                params.duration[k] = 7.0
            applied = cal.apply(params)
        for k in kinds:
            self.assertEqual(applied.inflow[k.kind], k.inflow_per_month, k.kind.code)
            want = 7.0 if k.unreliable else k.mean_duration_months
            self.assertEqual(applied.duration[k.kind], want, k.kind.code)
        self.assertEqual(applied.duration[K.OTS], 7.0)
        self.assertNotEqual(applied.duration[K.VOTS], 7.0)

    def test_what_if_forecast_warns_beside_an_unreliable_duration(self):
        script = os.path.join(os.path.dirname(__file__), os.pardir, "examples",
                              "what_if_forecast.py")
        out = subprocess.run([sys.executable, script], capture_output=True, text=True,
                             check=True).stdout.splitlines()
        for code in ("OTS", "VOOGDIJ", "JR_TB_GEDWONGEN"):
            i = next(i for i, line in enumerate(out) if line.split()[:1] == [code])
            self.assertIn("WARNING unreliable: over 10x the window", out[i + 1], code)
        i = next(i for i, line in enumerate(out) if line.split()[:1] == ["VOTS"])
        self.assertNotIn("WARNING", out[i + 1])

    def test_every_writer_of_the_example_says_synthetic(self):
        self.assertIsNone(self.cal.data_notice)
        self.assertNotIn("data_notice", self.cal.to_csv())
        with jbw.Snapshot.example() as snap:
            notice = snap.data_notice
            self.assertIn("SYNTHETIC", notice)
            cal = jbw.calibrate(snap)
            self.assertEqual(cal.data_notice, notice)
            self.assertEqual(cal.to_text().splitlines()[0], notice)
            self.assertEqual(list(cal.to_dict())[0], "data_notice")
            self.assertTrue(cal.to_csv().splitlines()[0].endswith(",data_notice"))
            self.assertEqual(cal.to_scenario().splitlines()[0], "# " + notice)
            bt = jbw.backtest(snap, date(2025, 3, 1), 3)
            self.assertEqual(bt.data_notice, notice)
            self.assertEqual(bt.to_text().splitlines()[0], notice)
            self.assertEqual(bt.to_dict()["data_notice"], notice)
            self.assertIn(notice, bt.to_csv().splitlines()[1])
            self.assertIn(notice, bt.to_svg())


class Backtest(unittest.TestCase):
    """From D0 = 2025-01-01, 3 months, on the history above (min_events 1).

    Start state on D0: B and C active (OTS): 2. The records: 2025-02-01 B
    (C ends that day): 1; 2025-03-01 B, E (starts that day): 2; 2025-04-01:
    2. Month 1 of the model: exits 2 / 16.03285 = 0.1247439, inflow 2/12:
    2 - 0.1247439 + 0.1666667 = 2.041923.
    """

    def setUp(self):
        self.bt = jbw.backtest(history(), date(2025, 1, 1), 3, min_events=1)

    def test_rows_by_hand(self):
        self.assertEqual(len(self.bt), 4)
        self.assertFalse(self.bt.is_history)
        self.assertEqual(self.bt.from_date, date(2025, 1, 1))
        m1 = self.bt[1]
        self.assertEqual(m1.date, date(2025, 2, 1))
        self.assertAlmostEqual(m1.forecast_active, 2.041923, places=6)
        self.assertEqual([r.actual_active for r in self.bt.rows], [2, 1, 2, 2])
        self.assertIsNone(m1.actual_waiting_bestaand)

    def test_mape_from_the_rows(self):
        rows = self.bt.rows[1:]
        want = 100 * sum(abs(r.forecast_active - r.actual_active) / r.actual_active
                         for r in rows) / 3
        self.assertAlmostEqual(self.bt.summary.mape_active, want, places=9)
        self.assertIsNone(self.bt.summary.mape_waiting_bestaand)
        d = self.bt.to_dict()
        self.assertEqual(d["from"], "2025-01-01")
        self.assertEqual(len(d["months"]), 4)
        self.assertIn("<svg", self.bt.to_svg())

    def test_chart_in_the_language_asked(self):
        nl = jbw.chart_backtest(self.bt)
        self.assertIn('lang="nl"', nl)
        self.assertIn(">Backtest: prognose tegen wat er gebeurde</title>", nl)
        self.assertIn(">vanaf 1-1-2025, gekalibreerd op de 12 maanden", nl)
        en = jbw.chart_backtest(self.bt, lang="en", title="Own <title>")
        self.assertIn(">from 1 Jan 2025, calibrated on the 12 months", en)
        self.assertIn(">Own &lt;title&gt;</title>", en)
        self.assertEqual(en, self.bt.to_svg("Own <title>"))  # the same, English
        self.assertNotIn("#fff2cc", nl)  # own data: no notice band
        self.assertIn("#fff2cc", jbw.chart_backtest(self.bt, notice="Concept"))

    def test_beyond_the_export_is_a_range_error(self):
        with self.assertRaises(jbw.RangeError):
            jbw.backtest(history(), date(2025, 1, 1), 7)

    def test_a_history_backtest_and_load_history(self):
        import os
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            for day in (date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)):
                folder = os.path.join(tmp, day.isoformat())
                os.mkdir(folder)
                history(day).save_csv(folder)
            os.mkdir(os.path.join(tmp, "notes"))
            snaps = jbw.load_history(tmp)
            self.assertEqual([s.reference_date for s in snaps],
                             [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)])
            bt = jbw.backtest_history(snaps, date(2025, 1, 1), 2, min_events=1)
            self.assertTrue(bt.is_history)
            self.assertEqual(bt[2].actual_date, date(2025, 3, 1))
            self.assertEqual([r.actual_active for r in bt.rows], [2, 1, 2])
            self.assertEqual(bt[1].actual_waiting_bestaand, 0)
            one = jbw.backtest(history(), date(2025, 1, 1), 2, min_events=1)
            self.assertAlmostEqual(bt[2].forecast_active, one[2].forecast_active,
                                   places=9)

    def test_load_history_takes_the_folders_jbw_takes(self):
        # only names of the form YYYY-MM-DD (jbw_date_parse_iso), as the
        # jbw command: not the Dutch 01-02-2025, not the compact 20250301
        import os
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("2025-01-01", "01-02-2025", "20250301", "2025-02-30"):
                os.mkdir(os.path.join(tmp, name))
                history(date(2025, 1, 1)).save_csv(os.path.join(tmp, name))
            snaps = jbw.load_history(tmp)
            self.assertEqual([s.reference_date for s in snaps], [date(2025, 1, 1)])

    def test_load_history_without_dated_folders(self):
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaises(ValueError):
                jbw.load_history(tmp)


if __name__ == "__main__":
    unittest.main()
