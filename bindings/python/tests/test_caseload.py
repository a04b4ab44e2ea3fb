"""Norms, caseload results and series. Figures worked out by hand from
support.small_snapshot() (see its docstrings) under the default norm of
the FNV-GI agreement (March 2023): unit measure, 12 per FTE, weights 1, ramp
0.5 / 0.75 / 1."""
import json
import unittest
from datetime import date

import jbw

from .support import D, small_snapshot


class NormTests(unittest.TestCase):
    def test_default_norm(self):
        with jbw.Norm() as n:
            self.assertEqual(n.name, "FNV-GI 2023")
            self.assertIn("March 2023", n.source)
            self.assertIs(n.unit, jbw.Unit.MEASURE)
            self.assertEqual(n.unit.code, "measure")
            self.assertEqual(n.caseload_per_fte, 12.0)
            self.assertEqual(set(n.weights.values()), {1.0})
            self.assertEqual(n.weight("OTS"), 1.0)
            self.assertEqual([n.ramp(m) for m in (-1, 0, 2, 3, 5, 6, 100)],
                             [0.0, 0.5, 0.5, 0.75, 0.75, 1.0, 1.0])
            self.assertEqual((n.under_below, n.over_above), (0.9, 1.0))
            self.assertEqual(n.to_dict()["unit"], "measure")

    def test_named_norms(self):
        # Significant Public 2022: about 12 children, 8 to 9 families
        with jbw.Norm.named("significant-children") as n:
            self.assertEqual((n.unit, n.caseload_per_fte), (jbw.Unit.CHILD, 12.0))
        with jbw.Norm.named("significant-families") as n:
            self.assertEqual((n.unit, n.caseload_per_fte), (jbw.Unit.FAMILY, 8.5))
        with jbw.Norm.named("fnv-gi-2023") as n:
            self.assertIs(n.unit, jbw.Unit.MEASURE)
        with self.assertRaises(jbw.NotFound):
            jbw.Norm.named("fnv")

    def test_source_in_dutch_for_dutch_readers(self):
        # The built-in norm's source has a Dutch wording; a source set by
        # the user is never translated.
        with jbw.Norm() as n:
            self.assertIn("akkoord van maart 2023", n.source_in("nl"))
            self.assertEqual(n.source_in("en"), n.source)
            n.set_name("Eigen norm", "afspraak regio 2026")
            self.assertEqual(n.source_in("nl"), "afspraak regio 2026")

    def test_ramp_steps_read_back(self):
        # The default ramp (docs/norms.md): 0.5 from month 0, 0.75 from month 3, 1.0 from 6.
        with jbw.Norm() as n:
            self.assertEqual(n.ramp_steps, [(0, 0.5), (3, 0.75), (6, 1.0)])
            n.set_ramp([(0, 0.25), (2, 1.0)])
            self.assertEqual(n.ramp_steps, [(0, 0.25), (2, 1.0)])
            self.assertEqual(n.to_dict()["ramp_steps"], [(0, 0.25), (2, 1.0)])

    def test_setters(self):
        with jbw.Norm.default() as n:
            n.set_name("Eigen norm", "illustrative parameter")
            n.unit = jbw.Unit.FAMILY
            n.caseload_per_fte = 9
            n.set_weight(jbw.Kind.VOTS, 1.5)
            n.set_ramp([(0, 0.25), (2, 1.0)])
            n.set_thresholds(0.8, 1.1)
            self.assertEqual((n.name, n.source), ("Eigen norm", "illustrative parameter"))
            self.assertIs(n.unit, jbw.Unit.FAMILY)
            self.assertEqual(n.caseload_per_fte, 9.0)
            self.assertEqual(n.weight(jbw.Kind.VOTS), 1.5)
            self.assertEqual([n.ramp(m) for m in (0, 1, 2, 30)], [0.25, 0.25, 1.0, 1.0])
            self.assertEqual((n.under_below, n.over_above), (0.8, 1.1))

    def test_bad_values_are_refused_and_leave_the_norm_unchanged(self):
        with jbw.Norm() as n:
            for bad in (0.0, -1.0, float("nan"), float("inf")):
                with self.subTest(bad), self.assertRaises(jbw.InvalidArgument):
                    n.caseload_per_fte = bad
            with self.assertRaises(jbw.InvalidArgument):
                n.set_weight("OTS", -0.5)
            with self.assertRaises(jbw.InvalidArgument):
                n.set_thresholds(1.2, 1.0)
            with self.assertRaises(jbw.InvalidArgument):
                n.set_ramp([(1, 0.5)])          # must start at month 0
            with self.assertRaises(jbw.InvalidArgument):
                n.set_ramp([])
            with self.assertRaises(jbw.InvalidArgument):
                n.unit = 7
            self.assertEqual(n.caseload_per_fte, 12.0)
            self.assertEqual(n.ramp(0), 0.5)

    def test_save_parses_back_to_an_equal_norm(self):
        with jbw.Norm() as n:
            n.caseload_per_fte = 10
            n.set_weight("JR_STP", 0.5)
            text = n.save()
            with jbw.Norm.parse(text) as back:
                self.assertEqual(back.save(), text)
                self.assertEqual(back.to_dict(), n.to_dict())
            with n.clone() as c:
                self.assertEqual(c.to_dict(), n.to_dict())

    def test_a_norm_that_is_not_a_norm_is_a_type_error_naming_norm(self):
        # a name where a Norm goes (the command's --norm takes names) was
        # an AttributeError from deep inside; every function taking a norm
        # now says which parameter is wrong and how to get a named norm
        with jbw.Snapshot.example() as snap:
            params = jbw.ForecastParams.from_snapshot(snap)
            calls = {
                "compute_caseload": lambda: jbw.compute_caseload(snap, "fnv-gi-2023"),
                "Snapshot.caseload": lambda: snap.caseload(norm="fnv-gi-2023"),
                "from_snapshot": lambda: jbw.ForecastParams.from_snapshot(snap, norm="fnv-gi-2023"),
                "run_forecast": lambda: jbw.run_forecast(params, "fnv-gi-2023"),
                "relief": lambda: jbw.relief(params, 25, 12, norm="fnv-gi-2023"),
                "staffing_relief": lambda: jbw.staffing_relief(params, 25, 12, norm="fnv-gi-2023"),
                "allocate": lambda: snap.triage().allocate(norm="fnv-gi-2023"),
            }
            for name, call in calls.items():
                with self.subTest(name):
                    with self.assertRaises(TypeError) as cm:
                        call()
                    self.assertIn("norm must be a jbw.Norm, not str", str(cm.exception))
                    self.assertIn("jbw.Norm.named('fnv-gi-2023')", str(cm.exception))
            with self.assertRaisesRegex(TypeError, "norm must be a jbw.Norm, not int"):
                jbw.run_forecast(params, 12)

    def test_a_calendar_model_or_snapshot_of_the_wrong_type_is_a_type_error_naming_it(self):
        # as for the norm: an AttributeError from inside became a TypeError
        # naming the parameter
        with jbw.Snapshot.example() as snap:
            calls = {
                "calendar": (lambda: snap.caseload(calendar="atw"),
                             lambda: snap.triage(calendar="atw"),
                             lambda: jbw.calibrate(snap, calendar="atw")),
                "model": (lambda: snap.triage(model=2),),
                "snapshot": (lambda: jbw.calibrate("snap"),
                             lambda: jbw.ForecastParams.from_snapshot("snap"),
                             lambda: jbw.Triage("snap")),
            }
            for name, group in calls.items():
                for i, call in enumerate(group):
                    with self.subTest(name=name, call=i):
                        with self.assertRaisesRegex(TypeError, f"^{name} must be a jbw\\."):
                            call()

    def test_parse_keeps_defaults_for_keys_not_given(self):
        with jbw.Norm.parse("caseload_per_fte = 15\n") as n:
            self.assertEqual(n.caseload_per_fte, 15.0)
            self.assertIs(n.unit, jbw.Unit.MEASURE)

    def test_an_unknown_key_is_a_parse_error_naming_source_and_line(self):
        with self.assertRaises(jbw.ParseError) as cm:
            jbw.Norm.parse("unit = child\ncolour = blue\n", source="mijn.norm")
        msg = str(cm.exception)
        self.assertIn("mijn.norm", msg)
        self.assertIn("2", msg)
        self.assertIn("colour", msg)

    def test_load_from_a_file(self):
        import os
        import tempfile
        with tempfile.TemporaryDirectory() as d, jbw.Norm() as n:
            path = os.path.join(d, "n.norm")
            jbw.write_file(path, n.save())
            with jbw.Norm.load(path) as back:
                self.assertEqual(back.save(), n.save())
        with self.assertRaises(jbw.JbwIOError):
            jbw.Norm.load("/nonexistent.norm")


class CaseloadTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.snap = small_snapshot()
        cls.result = jbw.compute_caseload(cls.snap)

    @classmethod
    def tearDownClass(cls):
        cls.result.close()
        cls.snap.close()

    def test_a_date_off_the_datas_date_warns(self):
        import warnings
        with self.assertWarns(UserWarning) as w:
            jbw.compute_caseload(self.snap, date=date(2025, 9, 2)).close()
        self.assertIn("2025-09-02 is after the data's reference date 2025-09-01", str(w.warning))
        with self.assertWarns(UserWarning):
            jbw.ForecastParams.from_snapshot(self.snap, date="2025-10-01")
        # an earlier date: bestaand is too low then, as jbw --date says
        with self.assertWarns(UserWarning) as w:
            jbw.compute_caseload(self.snap, date=date(2025, 8, 1)).close()
        self.assertIn("2025-08-01 is before the data's reference date 2025-09-01", str(w.warning))
        self.assertIn("bestaand is too low", str(w.warning))
        with self.assertWarns(UserWarning):
            jbw.ForecastParams.from_snapshot(self.snap, date=date(2025, 8, 1))
        # the reference date itself (given or by default) does not warn
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            jbw.compute_caseload(self.snap, date=D).close()
            jbw.compute_caseload(self.snap).close()
            jbw.ForecastParams.from_snapshot(self.snap)

    def test_an_earlier_date_after_the_last_event_does_not_warn(self):
        import warnings
        # the small snapshot's last event is M6's wait from 15 Aug 2025
        # (starts up to 1 Aug, first workers up to 4 Aug); nothing happened
        # after 20 Aug, so the records are of that day as of 1 Sep
        self.assertEqual(self.snap.latest_event, date(2025, 8, 15))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            jbw.compute_caseload(self.snap, date=date(2025, 8, 20)).close()
            jbw.compute_caseload(self.snap, date=date(2025, 8, 15)).close()
        with self.assertWarns(UserWarning):
            jbw.compute_caseload(self.snap, date=date(2025, 8, 14)).close()

    def test_totals_worked_out_by_hand(self):
        t = self.result.totals
        self.assertEqual(self.result.date, D)
        self.assertEqual((t.active_measures, t.assigned, t.waiting_nieuw, t.waiting_bestaand),
                         (5, 3, 1, 1))
        self.assertEqual((t.children, t.families, t.workers), (4, 3, 2))
        # required: 5 active measures / 12 = 0.4167 (unit measure)
        self.assertAlmostEqual(t.required_fte, 5 / 12)
        # available: W1 1.0 + W2 0.5 (W3 left before D)
        self.assertAlmostEqual(t.available_fte, 1.5)
        # effective: 1.0 x 1.0 + 0.5 x ramp(1 month) 0.5 = 1.25
        self.assertAlmostEqual(t.effective_fte, 1.25)
        self.assertAlmostEqual(t.fte_gap, 5 / 12 - 1.25)
        # capacity 12 + 3; load in measures: W1 M1 + M2 = 2, W2 C3's one = 1
        self.assertAlmostEqual(t.capacity, 15.0)
        self.assertAlmostEqual(t.load, 3.0)
        self.assertAlmostEqual(t.free_capacity, 12.0)
        self.assertEqual(t.waiting, 2)

    def test_coupling_norm_worked_out_by_hand(self):
        t = self.result.totals
        # period 1 Jun - 1 Sep 2025: only M3 started (1 Aug); never assigned,
        # 21 werkdagen waiting by D (> 5): within 0 of 1, 0 %, no median.
        self.assertEqual((t.coupling_started, t.coupling_within, t.coupling_waiting_past),
                         (1, 0, 1))
        self.assertEqual(t.coupling_within_pct, 0.0)
        self.assertIsNone(t.coupling_median_workdays)
        self.assertEqual(self.result.period, (date(2025, 6, 1), D, 5))

    def test_workers_worked_out_by_hand(self):
        w1, w2 = self.result.workers
        self.assertEqual((w1.id, w1.tenure_months, w1.capacity, w1.load, w1.measures),
                         ("W1", 68, 12.0, 2.0, 2))
        self.assertAlmostEqual(w1.ratio, 2 / 12)
        self.assertIs(w1.status, jbw.LoadStatus.UNDER)
        self.assertEqual((w2.id, w2.tenure_months, w2.effective_fte, w2.capacity, w2.load),
                         ("W2", 1, 0.25, 3.0, 1.0))
        self.assertAlmostEqual(w2.ratio, 1 / 3)
        self.assertEqual(w2.region, "HGL")

    def test_groups(self):
        by_org = self.result.by_organisation
        self.assertEqual(list(by_org), ["JBWEST", "WSS", "LDH"])
        self.assertEqual(by_org["JBWEST"].active_measures, 5)
        self.assertEqual(by_org["WSS"].active_measures, 0)
        self.assertIsNone(by_org["WSS"].coupling_within_pct)
        by_region = self.result.by_region
        self.assertEqual(list(by_region), ["HGL", "HR", "MH", "ZHZ"])
        self.assertEqual(by_region["HGL"].active_measures, 4)
        self.assertEqual(by_region["ZHZ"].waiting_bestaand, 1)

    def test_outputs(self):
        doc = json.loads(self.result.to_json())
        self.assertEqual(doc, self.result.to_dict())
        self.assertEqual(doc["date"], "2025-09-01")
        self.assertEqual(doc["totals"]["active_measures"], 5)
        self.assertIn("JBWEST", self.result.to_csv())
        self.assertIn("W2", self.result.workers_csv())
        self.assertIn("2025-09-01", self.result.to_text())

    def test_findings_worked_out_by_hand(self):
        # M2 is a VOTS from 2025-02-03, still running on D: 3 months after
        # its start is 2025-05-03 (a VOTS lasts at most 3 months, BW
        # 1:257). No measure has a birth date, so the age rules find none.
        F = jbw.FindingRule
        self.assertEqual(self.result.findings,
                         [jbw.Finding(F.VOTS_OVER_3_MONTHS, "M2",
                                      date(2025, 5, 3), D)])
        self.assertEqual(self.result.finding_counts,
                         {F.JR_OVER_22: 0, F.JB_AFTER_18: 0,
                          F.VOTS_OVER_3_MONTHS: 1, F.WORKER_NOT_EMPLOYED: 0,
                          F.CHILD_BIRTH_DATES_DIFFER: 0, F.UNBORN_PLACED: 0})
        self.assertEqual(F.VOTS_OVER_3_MONTHS.code, "vots_over_3_months")
        doc = self.result.to_dict()
        self.assertEqual(doc["finding_counts"]["vots_over_3_months"], 1)
        self.assertEqual(doc["findings"][0]["measure"], "M2")
        self.assertEqual(doc["findings"][0]["since"], "2025-05-03")
        # as records for pandas: the rule by its code
        self.assertEqual(self.result.to_records("findings"),
                         [{"rule": "vots_over_3_months", "measure_id": "M2",
                           "since": date(2025, 5, 3), "last": D}])

    def test_an_adult_in_jeugdbescherming_is_kept_and_found(self):
        # Born 2007-06-01: 18 on 2025-06-01, during this OTS (from
        # 2025-01-06, running): the row loads, the result lists it.
        snap = jbw.Snapshot(None, D)
        snap.add_measure(jbw.Measure("A1", "C9", jbw.Kind.OTS, "JBWEST", "HGL",
                                     date(2025, 1, 6), birth_date=date(2007, 6, 1)))
        with snap, jbw.compute_caseload(snap) as r:
            self.assertEqual(len(snap), 1)
            self.assertEqual(r.findings, [jbw.Finding(
                jbw.FindingRule.JB_AFTER_18, "A1", date(2025, 6, 1), D)])

    def test_a_worker_who_left_and_two_birth_dates_are_found(self):
        # On D = 2025-09-01. W9 was employed 2020-01-01 up to its leaving
        # date 2025-07-01. N1 (OTS from 2025-01-06, first assigned
        # 2025-01-13 to W9) still names W9: it counts as assigned, W9 is
        # not among the employed workers, and it is found since W9's
        # leaving date 2025-07-01. Child C7: K1 born 2015-03-01 from
        # 2025-01-06, K2 born 2016-03-01 from 2025-03-03: both are found
        # since the later start, 2025-03-03.
        F = jbw.FindingRule
        snap = jbw.Snapshot(None, D)
        snap.add_worker(jbw.Worker("W9", "JBWEST", date(2020, 1, 1),
                                   region="HGL", leaving=date(2025, 7, 1)))
        snap.add_measure(jbw.Measure("N1", "C1", jbw.Kind.OTS, "JBWEST", "HGL",
                                     date(2025, 1, 6), worker_id="W9",
                                     first_assigned=date(2025, 1, 13)))
        snap.add_measure(jbw.Measure("K1", "C7", jbw.Kind.OTS, "JBWEST", "HGL",
                                     date(2025, 1, 6), birth_date=date(2015, 3, 1)))
        snap.add_measure(jbw.Measure("K2", "C7", jbw.Kind.OTS, "JBWEST", "HGL",
                                     date(2025, 3, 3), birth_date=date(2016, 3, 1)))
        with snap, jbw.compute_caseload(snap) as r:
            self.assertEqual(r.findings, [
                jbw.Finding(F.WORKER_NOT_EMPLOYED, "N1", date(2025, 7, 1), D),
                jbw.Finding(F.CHILD_BIRTH_DATES_DIFFER, "K1", date(2025, 3, 3), D),
                jbw.Finding(F.CHILD_BIRTH_DATES_DIFFER, "K2", date(2025, 3, 3), D)])
            self.assertEqual(r.finding_counts[F.WORKER_NOT_EMPLOYED], 1)
            self.assertEqual(r.finding_counts[F.CHILD_BIRTH_DATES_DIFFER], 2)
            self.assertEqual(F.WORKER_NOT_EMPLOYED.code, "worker_not_employed")
            self.assertEqual(F.CHILD_BIRTH_DATES_DIFFER.code,
                             "child_birth_dates_differ")
            self.assertEqual(r.totals.assigned, 1)
            self.assertEqual(r.workers, [])

    def test_an_unborn_child_placed_out_of_home_is_found(self):
        # On D = 2025-09-01 (the reference date): P1, an OTS from
        # 2025-08-01 of a child born 2026-01-01, is placed out of home,
        # which only a born child can be: found since its start. P2, the
        # same OTS without a placement, is a prenatal OTS: nothing.
        F = jbw.FindingRule
        snap = jbw.Snapshot(None, D)
        for m_id, placement in (("P1", jbw.Placement.PLACED),
                                ("P2", jbw.Placement.NONE)):
            snap.add_measure(jbw.Measure(m_id, m_id, jbw.Kind.OTS, "JBWEST",
                                         "HGL", date(2025, 8, 1),
                                         birth_date=date(2026, 1, 1),
                                         placement=placement))
        with snap, jbw.compute_caseload(snap) as r:
            self.assertEqual(r.findings, [
                jbw.Finding(F.UNBORN_PLACED, "P1", date(2025, 8, 1), D)])
            self.assertEqual(F.UNBORN_PLACED.code, "unborn_placed")

    def test_waiting_for_suitable_help_worked_out_by_hand(self):
        # On D = 2025-09-01, OTS measures from 2025-01-06 in HGL:
        # P1 asked 2025-05-01, not begun: 05-01 + 3 months = 08-01 < D,
        # past the norm; P2 asked 2025-06-01, begins 2025-09-02: waiting,
        # 06-01 + 3 months = D is not before D, within the norm; P3 asked
        # 2025-03-01, began on D: not waiting. Waiting 2, past the norm 1.
        K = jbw.Kind
        snap = jbw.Snapshot(None, D)
        for mid, asked, began in (("P1", date(2025, 5, 1), None),
                                  ("P2", date(2025, 6, 1), date(2025, 9, 2)),
                                  ("P3", date(2025, 3, 1), D)):
            snap.add_measure(jbw.Measure(mid, "C" + mid, K.OTS, "JBWEST", "HGL",
                                         date(2025, 1, 6), help_requested=asked,
                                         help_started=began))
        with snap, jbw.compute_caseload(snap) as r:
            self.assertEqual(snap.measure(0).help_requested, date(2025, 5, 1))
            t = r.totals
            self.assertEqual((t.waiting_for_help, t.waiting_for_help_past_norm),
                             (2, 1))
            hgl = r.by_region["HGL"]
            self.assertEqual((hgl.waiting_for_help,
                              hgl.waiting_for_help_past_norm), (2, 1))
            self.assertEqual(r.to_dict()["totals"]["waiting_for_help"], 2)
            self.assertIn("Wachten op passende hulp", r.to_report())

    def test_help_begun_before_it_was_asked_is_refused(self):
        snap = jbw.Snapshot(None, D)
        with snap, self.assertRaises(jbw.InvalidArgument) as e:
            snap.add_measure(jbw.Measure("P1", "C1", jbw.Kind.OTS, "JBWEST",
                                         "HGL", date(2025, 1, 6),
                                         help_requested=date(2025, 2, 1),
                                         help_started=date(2025, 1, 31)))
        self.assertIn("help_started 2025-01-31 is before help_requested", str(e.exception))

    def test_records_for_pandas(self):
        rows = self.result.to_records()
        self.assertEqual([r["id"] for r in rows], ["W1", "W2"])
        self.assertEqual(rows[0]["status"], "under")
        regions = self.result.to_records("region")
        self.assertEqual([r["key"] for r in regions], ["HGL", "HR", "MH", "ZHZ"])
        self.assertEqual(regions[0]["kind_OTS"], 2)
        self.assertEqual(self.result.to_records("total")[0]["active_measures"], 5)
        self.assertEqual(len(self.result.to_records("organisation")), 3)
        with self.assertRaises(ValueError):
            self.result.to_records("nope")

    def test_the_norm_is_copied_into_the_result(self):
        with self.result.norm as n:
            self.assertEqual(n.name, "FNV-GI 2023")

    def test_a_norm_in_unit_measure_and_options(self):
        with jbw.Norm() as n:
            n.unit = jbw.Unit.MEASURE
            # 5 active measures / 12 per FTE
            with self.snap.caseload(n, coupling_workdays=25) as r:
                self.assertAlmostEqual(r.totals.required_fte, 5 / 12)
                # W1 carries M1 and M2: load 2
                self.assertEqual(r.workers[0].load, 2.0)
                # M3 waited 21 werkdagen <= 25: not past the 25-day norm
                self.assertEqual(r.totals.coupling_waiting_past, 0)

    def test_bad_options_are_refused(self):
        with self.assertRaises(jbw.InvalidArgument):
            jbw.compute_caseload(self.snap, coupling_workdays=-1)
        with self.assertRaises(jbw.InvalidArgument):
            jbw.compute_caseload(self.snap, period_from=date(2025, 8, 1),
                                 period_to=date(2025, 7, 1))
        with self.assertRaises(jbw.RangeError):
            jbw.compute_caseload(self.snap, date=date(2010, 1, 1))


class SeriesTests(unittest.TestCase):
    def test_a_series_says_what_it_counts(self):
        # from snapshots: measures; given as counts (published): children
        with jbw.Series("Test") as s, jbw.Snapshot.example() as snap:
            self.assertFalse(s.counts_measures)
            s.add_snapshot(snap)
            self.assertTrue(s.counts_measures)
            s.add(date(2024, 1, 1), 1, 1)
            self.assertFalse(s.counts_measures)

    def test_points_changes_and_share(self):
        with jbw.Series("Test") as s:
            s.add(date(2025, 2, 1), 10, 5)
            s.add(date(2025, 1, 1), 8, 2)   # kept in date order
            self.assertEqual(s.title, "Test")
            self.assertEqual(len(s), 2)
            first, second = s.points()
            # the first point has no point before it: no change, not 0
            self.assertEqual((first.date, first.total), (date(2025, 1, 1), 10))
            self.assertEqual((first.change_nieuw, first.change_bestaand, first.change_total),
                             (None, None, None))
            recs = s.to_records()
            self.assertEqual((recs[0]["change_total"], recs[1]["change_total"]), (None, 5))
            # 15 - 10 = +5; nieuw 10 - 8 = +2; bestaand 5 - 2 = +3; share 5/15
            self.assertEqual((second.total, second.change_total, second.change_nieuw,
                              second.change_bestaand), (15, 5, 2, 3))
            self.assertAlmostEqual(second.share_bestaand, 1 / 3)
            self.assertEqual(s[-1], second)
            with self.assertRaises(IndexError):
                s[2]
            with self.assertRaises(jbw.Duplicate):
                s.add(date(2025, 1, 1), 1, 1)

    def test_a_zero_total_has_no_share(self):
        with jbw.Series() as s:
            s.add(date(2025, 1, 1), 0, 0)
            self.assertIsNone(s[0].share_bestaand)

    def test_add_snapshot_counts_nieuw_and_bestaand(self):
        with jbw.Series() as s, small_snapshot() as snap:
            s.add_snapshot(snap)
            s.add_snapshot(snap, date(2025, 8, 20), region="ZHZ")
            self.assertEqual([(p.nieuw, p.bestaand) for p in s], [(0, 1), (1, 1)])

    def test_outputs(self):
        with jbw.Series("T") as s:
            s.add(date(2025, 1, 1), 8, 2)
            self.assertTrue(s.to_csv().startswith("date,nieuw,bestaand,total"))
            self.assertEqual(s.to_dict()["title"], "T")
            self.assertEqual(json.loads(s.to_json())["points"][0]["total"], 10)
            self.assertIn("2025-01-01", s.to_text())
            # 2 / 10 bestaand = 20,0 % in Dutch (the default), 20.0 in English
            self.assertIn("Kinderen zonder vaste jeugdbeschermer: T", s.to_text())
            self.assertIn("20,0", s.to_text())
            self.assertIn("20.0", s.to_text("en"))
            self.assertEqual(s.to_records()[0]["date"], date(2025, 1, 1))

    def test_published_figures_say_so_and_example_figures_say_synthetic(self):
        # the Zuid-Holland Zuid table is published (docs/sources.md: the
        # council information letter); every writer says so, none says
        # synthetic
        with jbw.Series.example_zhz() as s:
            self.assertTrue(s.data_notice.startswith("PUBLISHED figures"))
            self.assertIn("council information letter", s.data_notice)
            self.assertEqual(s.to_dict()["data_notice"], s.data_notice)
            self.assertTrue(s.to_text().startswith(s.data_notice))
            self.assertTrue(s.to_csv().splitlines()[0].endswith(",data_notice"))
            self.assertNotIn("SYNTHETIC", s.to_text() + s.to_csv() + s.to_json())
        with jbw.Series() as s, jbw.example_snapshot() as ex:
            self.assertIsNone(s.data_notice)
            s.add_snapshot(ex)
            self.assertEqual(s.data_notice, jbw.example_notice())
            s.data_notice = None
            self.assertIsNone(s.data_notice)
            with self.assertRaises(jbw.InvalidArgument):
                s.data_notice = "a\nb"


if __name__ == "__main__":
    unittest.main()
