"""What an analyst meets in the first hour: iterating a forecast, wrong
types and fractions refused with the parameter's name, one convention for
shares, the forms the files accept ("ALL", "0,8"), one date type and one
reason separator in records, the loader's choice, useful reprs."""
import math
import os
import shutil
import tempfile
import unittest
from datetime import date

import jbw
from jbw import Kind, _lib

from .support import D


def waiting_only(months=6):
    """12 OTS measures waiting nieuw, mean duration 10 months, no staff, no
    inflow: nothing happens to the waiting list but exits."""
    p = jbw.ForecastParams.default()
    p.months = months
    p.waiting_nieuw[Kind.OTS] = 12
    p.duration[Kind.OTS] = 10
    return p


class ForecastIsASequence(unittest.TestCase):
    def setUp(self):
        self.fc = jbw.run_forecast(waiting_only(6))
        self.addCleanup(self.fc.close)

    def test_iterates_over_months_0_to_months(self):
        months = [m.month for m in self.fc]
        self.assertEqual(months, [0, 1, 2, 3, 4, 5, 6])
        self.assertEqual(len(list(self.fc)), len(self.fc))

    def test_indexing_is_a_lists(self):
        self.assertEqual(self.fc[-1].month, 6)
        self.assertEqual(self.fc[-7].month, 0)
        self.assertEqual([m.month for m in self.fc[2:4]], [2, 3])
        with self.assertRaises(IndexError):
            self.fc[7]
        with self.assertRaises(IndexError):
            self.fc[-8]
        with self.assertRaises(TypeError):
            self.fc[1.0]


class WrongTypesNameTheParameter(unittest.TestCase):
    def assert_type_error_naming(self, name, fn, *args, **kwargs):
        with self.assertRaises(TypeError) as cm:
            fn(*args, **kwargs)
        self.assertIn(name, str(cm.exception))

    def test_parse_date(self):
        self.assert_type_error_naming("text", jbw.parse_date, None)
        self.assert_type_error_naming("text", jbw.parse_date, 20250901)

    def test_add_measure_and_worker(self):
        with jbw.Snapshot(None, D) as snap:
            self.assert_type_error_naming("measure", snap.add_measure, {"id": "M1"})
            self.assert_type_error_naming("worker", snap.add_worker, ("W1", "JBWEST"))

    def test_dates(self):
        self.assert_type_error_naming("hired", jbw.Worker, "W1", "JBWEST", 2020)
        with jbw.Calendar() as cal:
            self.assert_type_error_naming("start", cal.workdays_between, 1, D)

    def test_fractions_where_whole_numbers_are_meant_are_refused(self):
        p = waiting_only()
        self.assert_type_error_naming("months", jbw.run_forecast, p.replace(months=24.5))
        self.assert_type_error_naming(
            "previous_workers", jbw.Measure, "M1", "C1", "OTS", "JBWEST", "HGL", D,
            previous_workers=0.4)
        self.assert_type_error_naming("servers", jbw.erlang_c, 2.5, 1.0)
        self.assert_type_error_naming("replicates", jbw.run_forecast, p, replicates=10.0)
        self.assert_type_error_naming("year", jbw.make_date, 2025.0, 9, 1)

    def test_negative_sizes_give_the_number_given(self):
        with self.assertRaises(ValueError) as cm:
            jbw.erlang_c(-1, 1.0)
        self.assertIn("-1", str(cm.exception))
        self.assertNotIn("18446744073709551615", str(cm.exception))
        with jbw.Snapshot.example() as snap, snap.triage() as t:
            with self.assertRaises(ValueError) as cm:
                t.to_text(top=-1)
            self.assertIn("top", str(cm.exception))
            self.assertIn("-1", str(cm.exception))
        with self.assertRaises(ValueError) as cm:
            jbw.run_forecast(waiting_only(), replicates=-5)
        self.assertIn("-5", str(cm.exception))


    def test_norm_setters(self):
        with jbw.Norm.default() as n:
            self.assert_type_error_naming("name", n.set_name, 12)
            self.assert_type_error_naming("source", n.set_name, "N", b"src")
            self.assert_type_error_naming("caseload_per_fte", setattr, n,
                                          "caseload_per_fte", "15")
            self.assert_type_error_naming("caseload_per_fte", setattr, n,
                                          "caseload_per_fte", True)
            self.assert_type_error_naming("weight", n.set_weight, "OTS", None)
            self.assert_type_error_naming("kind", n.set_weight, 1.0, 1.0)
            self.assert_type_error_naming("under_below", n.set_thresholds, "0.9", 1.1)
            self.assert_type_error_naming("over_above", n.set_thresholds, 0.9, [1.1])
            self.assert_type_error_naming("steps", n.set_ramp, 3)
            self.assert_type_error_naming("steps[1]", n.set_ramp, [(0, 0.5), 0.6])
            self.assert_type_error_naming("unit", setattr, n, "unit", 1.0)
            # whole numbers where whole numbers are meant: not truncated
            self.assert_type_error_naming("months", n.ramp, 2.5)
            self.assert_type_error_naming("from_month", n.set_ramp, [(0, 0.5), (3.5, 1.0)])
            # a tenure past int32: the number given, not a wrapped one
            with self.assertRaises(ValueError) as cm:
                n.ramp(2**40)
            self.assertIn(str(2**40), str(cm.exception))
            # negative sizes: the number given
            with self.assertRaises(ValueError) as cm:
                n.set_ramp([(0, 0.5), (-2, 1.0)])
            self.assertIn("-2", str(cm.exception))
            # what the types allow still works: a unit by its code, an int
            n.unit = "child"
            self.assertEqual(n.unit, jbw.Unit.CHILD)
            n.caseload_per_fte = 15
            self.assertEqual(n.caseload_per_fte, 15.0)
            n.set_ramp([(0, 0.5), (6, 1)])
            self.assertEqual(n.ramp(7), 1.0)
            with self.assertRaises(ValueError):
                n.unit = "case"

    def test_registry_add_and_read(self):
        with jbw.Registry() as reg:
            self.assert_type_error_naming("key", reg.add_region, 7, "Zeven")
            self.assert_type_error_naming("name", reg.add_region, "R7", None)
            self.assert_type_error_naming("cbs_code", reg.add_region, "R7", "Zeven", 24)
            reg.add_region("R7", "Zeven")
            self.assert_type_error_naming("name", reg.add_municipality, b"Delft", "R7")
            self.assert_type_error_naming("region", reg.add_municipality, "Delft", None)
            self.assert_type_error_naming("key", reg.add_organisation, None, "GI")
            self.assert_type_error_naming("name", reg.add_organisation, "GI", 1)
            reg.add_organisation("GI", "Een GI")
            self.assert_type_error_naming("organisation", reg.add_service, 0, "R7")
            self.assert_type_error_naming("region", reg.add_service, "GI", ["R7"])
            self.assert_type_error_naming("index", reg.region, 0.0)
            for read in (reg.region, reg.municipality, reg.organisation):
                with self.assertRaises(ValueError) as cm:
                    read(-1)
                self.assertIn("-1", str(cm.exception))
                self.assertNotIn("18446744073709551615", str(cm.exception))


class Shares(unittest.TestCase):
    """Every share in the bindings is a fraction; percentages are passed by
    name (percent=)."""

    Q = jbw.QueueParams(arrivals_per_workday=1.0, mean_duration_workdays=10.0,
                        within_workdays=5.0, slots_per_fte=1.0)

    def test_fraction_and_percent_give_the_same_answer(self):
        a = jbw.queue_staffing(self.Q, 0.95)
        b = jbw.queue_staffing(self.Q, percent=95)
        self.assertEqual(a, b)
        self.assertGreaterEqual(a.share_within, 0.95)

    def test_a_percentage_given_as_a_share_is_refused_with_a_hint(self):
        for bad in (95, 1, 1.0, 0.0095):
            with self.subTest(bad):
                with self.assertRaises(ValueError) as cm:
                    jbw.queue_staffing(self.Q, bad)
                self.assertIn("percent=", str(cm.exception))
        with self.assertRaises(TypeError):
            jbw.queue_staffing(self.Q, 0.9, percent=90)
        with self.assertRaises(ValueError):
            jbw.queue_staffing(self.Q, percent=100)


class FormsTheFilesAccept(unittest.TestCase):
    def test_shock_all_is_every_kind(self):
        s = jbw.Shock("ALL", 1, 3, 1.5)
        self.assertIsNone(s.kind)
        self.assertIsNone(jbw.Shock("all", 1, 3, 1.5).kind)
        # As in a scenario file: "shock.x = ALL 1 3 1.5" is the same shock.
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "s.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write("shock.x = ALL 1 3 1.5\n")
            with jbw.Scenario.load(path) as sc:
                self.assertEqual(sc.apply(waiting_only()).shocks, [s])

    def test_worker_fte_as_in_the_csv(self):
        self.assertEqual(jbw.Worker("W1", "JBWEST", D, fte="0,8").fte, 0.8)
        self.assertEqual(jbw.Worker("W1", "JBWEST", D, fte="0.8").fte, 0.8)
        with self.assertRaises(ValueError):
            jbw.Worker("W1", "JBWEST", D, fte="acht")


class OneConventionInRecords(unittest.TestCase):
    def test_dates_are_datetime_date_in_every_record(self):
        w = jbw.Worker("W1", "JBWEST", "1-8-2025")
        self.assertEqual(w.hired, date(2025, 8, 1))
        m = jbw.Measure("M1", "C1", "OTS", "JBWEST", "HGL", "2025-08-04",
                        waiting_since="4-8-2025")
        self.assertEqual((m.start, m.waiting_since), (date(2025, 8, 4), date(2025, 8, 4)))
        with jbw.Snapshot.example() as snap, snap.triage() as t:
            row = t[0].to_record()
            self.assertIsInstance(row["waiting_since"], date)
            self.assertIsInstance(row["next_contact_due"], date)
        with jbw.example_series_zhz() as s:
            self.assertIsInstance(s.to_records()[0]["date"], date)
        with jbw.run_forecast(waiting_only(2)) as fc:
            self.assertIsInstance(fc.to_records()[0]["date"], (date, type(None)))

    def test_reasons_are_joined_as_in_the_csv(self):
        import csv
        import io
        with jbw.Snapshot.example() as snap, snap.triage() as t:
            csv_row = next(csv.DictReader(io.StringIO(t.to_csv(top=1))))
            self.assertEqual(t[0].to_record()["reasons_nl"], csv_row["reasons"])
            self.assertIn(" | ", csv_row["reasons"])


class Loader(unittest.TestCase):
    def test_release_is_preferred_over_debug(self):
        with tempfile.TemporaryDirectory() as root:
            open(os.path.join(root, "CMakeLists.txt"), "w").close()
            os.makedirs(os.path.join(root, "include"))
            open(os.path.join(root, "include", "jbw.h"), "w").close()
            for name, kind in (("release", "Release"), ("dev", "Debug")):
                d = os.path.join(root, "build", name)
                os.makedirs(d)
                with open(os.path.join(d, "CMakeCache.txt"), "w") as f:
                    f.write(f"CMAKE_BUILD_TYPE:STRING={kind}\n")
                open(os.path.join(d, _lib._library_names()[0]), "w").close()
            # the Debug library is the newer one: Release still comes first
            os.utime(os.path.join(root, "build", "release", _lib._library_names()[0]),
                     (1, 1))
            found = _lib._build_tree_candidates(root)
            self.assertEqual([os.path.basename(os.path.dirname(p)) for p in found],
                             ["release", "dev"])

    def test_only_the_source_trees_own_package_looks_in_its_build_tree(self):
        # A package copied into a virtual environment under a source tree
        # (root/venv/lib/site-packages/jbw) is an installed package: it must
        # not load root/build*/ (an unrelated, possibly stale build).
        with tempfile.TemporaryDirectory() as tmp:
            root = os.path.realpath(tmp)
            open(os.path.join(root, "CMakeLists.txt"), "w").close()
            os.makedirs(os.path.join(root, "include"))
            open(os.path.join(root, "include", "jbw.h"), "w").close()
            own = os.path.join(root, "bindings", "python", "jbw")
            installed = os.path.join(root, "venv", "lib", "site-packages", "jbw")
            os.makedirs(own)
            os.makedirs(installed)
            self.assertEqual(_lib._source_root(own), root)
            self.assertIsNone(_lib._source_root(installed))
            # nor one directory level off: root/bindings/jbw
            self.assertIsNone(_lib._source_root(os.path.join(root, "bindings", "jbw")))

    def test_library_path_names_the_loaded_library(self):
        self.assertTrue(os.path.exists(jbw.library_path) or
                        not os.path.isabs(jbw.library_path))
        self.assertIn("jbw", os.path.basename(jbw.library_path))


class SyntheticNotice(unittest.TestCase):
    """Every Python writer of a result made from the embedded example says
    it is synthetic (the library's writers carry the notice)."""

    def test_every_writer(self):
        import csv
        import io
        notice = jbw.example_notice()
        with jbw.Snapshot.example() as snap:
            self.assertEqual(snap.data_notice, notice)
            params = jbw.ForecastParams.from_snapshot(snap).replace(months=3)
            with snap.caseload() as r, snap.triage() as t, t.allocate() as a, \
                    jbw.run_forecast(params) as fc:
                for name, obj in (("caseload", r), ("triage", t), ("allocation", a),
                                  ("forecast", fc)):
                    with self.subTest(name):
                        self.assertTrue(obj.to_text().startswith(notice + "\n"))
                        self.assertEqual(obj.to_dict()["data_notice"], notice)
                        rows = list(csv.reader(io.StringIO(obj.to_csv())))
                        self.assertEqual(rows[0][-1], "data_notice")
                        self.assertTrue(all(row[-1] == notice for row in rows[1:]))
                self.assertIn(notice, fc.to_svg())
                self.assertEqual(fc.data_notice, notice)
        with tempfile.TemporaryDirectory() as d:
            with jbw.Snapshot.example() as snap:
                snap.save_csv(d)
            with open(os.path.join(d, "data_notice"), encoding="utf-8") as f:
                self.assertEqual(f.read().strip(), notice)
            # loaded back, the export still says it is synthetic
            with jbw.Snapshot.load_csv(os.path.join(d, "measures.csv"),
                                       os.path.join(d, "workers.csv")) as back:
                self.assertEqual(back.data_notice, notice)
                with back.caseload() as r:
                    self.assertEqual(r.to_dict()["data_notice"], notice)


class ResultsSayWhatTheyWereMadeWith(unittest.TestCase):
    def test_notice_norm_and_date_of_results(self):
        with jbw.Snapshot.example() as snap, jbw.Norm.default() as norm:
            notice = snap.data_notice
            cl = jbw.compute_caseload(snap, norm)
            self.assertEqual(cl.data_notice, notice)
            with snap.triage() as t:
                self.assertEqual(t.data_notice, notice)
                with t.allocate(norm) as a:
                    self.assertEqual(a.data_notice, notice)
                    self.assertEqual(a.norm_name, norm.name)
                    self.assertEqual(a.date, t.date)


class PolicyReport(unittest.TestCase):
    def test_report_for_people_who_decide(self):
        with jbw.Snapshot.example() as snap, snap.caseload() as r:
            text = r.to_report()
            self.assertLessEqual(len(text.splitlines()), 150)
            self.assertIn("Koppeling binnen 5 werkdagen", text)
            self.assertNotIn("W0001", text)
            self.assertIn("Caseload report", r.to_report("en"))
            top = r.to_report(workers_table=True, top=4)
            self.assertEqual(len([l for l in top.splitlines()
                                  if l.strip().startswith("W0")]), 4)
            with self.assertRaises(ValueError):
                r.to_report(top=-1)


class Reprs(unittest.TestCase):
    def test_handles_say_what_they_hold(self):
        with jbw.Snapshot.example() as snap:
            # the embedded example: 4850 measures and 420 workers on
            # 2025-09-01 (docs/example.md)
            self.assertEqual(repr(snap), "<jbw.Snapshot 2025-09-01: 4850 measures, "
                                         "420 workers, synthetic>")
            with snap.triage() as t:
                self.assertRegex(repr(t), r"^<jbw.Triage 2025-09-01: \d+ waiting, "
                                          r"model jbw-wachtrisico>$")
        self.assertEqual(repr(snap), "<jbw.Snapshot closed>")
        # one of each: the singular (W1 carries M1, nothing waits)
        with jbw.Snapshot(None, "2025-09-01") as one:
            one.add_worker(jbw.Worker("W1", "JBWEST", "2020-01-01", region="HGL"))
            one.add_measure(jbw.Measure("M1", "C1", jbw.Kind.OTS, "JBWEST", "HGL",
                                        "2025-01-06", worker_id="W1",
                                        first_assigned="2025-01-08"))
            self.assertEqual(repr(one), "<jbw.Snapshot 2025-09-01: 1 measure, "
                                        "1 worker>")
            with one.caseload() as cl:
                self.assertTrue(repr(cl).startswith("<jbw.CaseloadResult "
                                                    "2025-09-01: 1 measure, 0 "
                                                    "waiting nieuw"), repr(cl))
        with jbw.Norm() as n:
            self.assertEqual(repr(n), "<jbw.Norm 'FNV-GI 2023': 12 per FTE>")
        with jbw.run_forecast(waiting_only(6)) as fc:
            self.assertTrue(repr(fc).startswith("<jbw.Forecast 6 months, deterministic"))
            # the staff assumptions beside the figure: the default turnover,
            # and no hiring unless set
            self.assertTrue(repr(fc).endswith("; turnover 20% a year, hiring 0.00 FTE a month>"))
        p = waiting_only(6)
        p.hires_fte = 1.5
        with jbw.run_forecast(p) as fc:
            self.assertIn("hiring 1.50 FTE a month", repr(fc))

    def test_a_forecast_with_a_hiring_plan_says_the_plan(self):
        # a 75-FTE cohort in month 1: 75.00 FTE in 1 cohort; with a second
        # of 5 FTE in month 2: 80.00 FTE in 2 cohorts, beside the monthly
        # hiring (as the text writers say it)
        p = waiting_only(6)
        p.hiring_plan = [jbw.Hire(1, 75, 3, 0.5)]
        with jbw.run_forecast(p) as fc:
            self.assertTrue(repr(fc).endswith(
                "; turnover 20% a year, hiring 0.00 FTE a month, "
                "hiring plan 75.00 FTE in 1 cohort>"), repr(fc))
        p.hiring_plan.append(jbw.Hire(2, 5))
        p.hires_fte = 1.0
        with jbw.run_forecast(p) as fc:
            self.assertTrue(repr(fc).endswith(
                "hiring 1.00 FTE a month, hiring plan 80.00 FTE in 2 cohorts>"), repr(fc))

    def test_scenario_calibration_backtest_and_brief_say_what_they_hold(self):
        # the scenario of jbw.Scenario's docstring: months 24 and turnover
        # 20% equal the defaults but are set all the same
        text = ("months = 24\nturnover = 20%\nhires_fte = 12.5\ninflow.OTS = 40\n"
                "shock.vots_surge = VOTS 3 8 1.5\nhire.1 = 75 3 0.5\n")
        with jbw.Scenario.parse(text) as sc:
            self.assertEqual(repr(sc), "<jbw.Scenario sets months, inflow, turnover, "
                                       "hires_fte; 1 shock; hiring plan of 1 cohort>")
        with jbw.Scenario.parse("") as sc:
            self.assertEqual(repr(sc), "<jbw.Scenario sets no parameter>")
        with jbw.Scenario.parse("waiting_nieuw.OTS = 3\n") as sc:
            self.assertEqual(repr(sc), "<jbw.Scenario sets waiting_nieuw; "
                                       "sets the start state>")
        # test_calibrate's history: turnover 1 - exp(-0.3996171) = 32.9%,
        # estimated; no hires; OTS's duration 16.03 months is no more than
        # 10x the window, so no kind is unreliable
        from .test_calibrate import history
        with history() as snap, \
                jbw.calibrate(snap, date(2025, 1, 1), 12, min_events=1) as cal:
            self.assertEqual(repr(cal), "<jbw.Calibration 2025-01-01, 12 months "
                                        "before: turnover 32.9% a year (estimated), "
                                        "hiring 0.00 FTE a month; 0 unreliable kinds>")
        # its backtest: forecast 2.041923, 2.081231, 2.118087 active against
        # 1, 2, 2 recorded: (104.1923 + 4.0616 + 5.9044) / 3 = 38.05%
        with history() as snap, \
                jbw.backtest(snap, date(2025, 1, 1), 3, min_events=1) as bt:
            self.assertEqual(repr(bt), "<jbw.Backtest from 2025-01-01, 3 months "
                                       "against the records: active measures off by "
                                       "38.1% on average over 3 months>")
        # the example's brief: its seven charts, in the brief's order
        with jbw.Snapshot.example() as snap, jbw.make_brief(snap) as brief:
            self.assertEqual(repr(brief), "<jbw.Brief 7 charts: series, "
                                          "coupling_region, caseload_region, "
                                          "caseload_organisation, load_spread, "
                                          "bands, forecast>")


if __name__ == "__main__":
    unittest.main()
