"""The analyst scripts in examples/ refuse bad usage with a message and
exit status 2, and input they cannot read with exit status 1, as the jbw
command does (docs/cli.md): no traceback, and no silent fall-back to the
synthetic example that would overwrite a real month's reports."""
import csv
import os
import subprocess
import sys
import tempfile
import unittest

from .support import BINDINGS, small_snapshot

EXAMPLES = os.path.join(BINDINGS, "examples")


class Scripts(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.work = tmp.name

    def run_script(self, name, *args):
        return subprocess.run([sys.executable, os.path.join(EXAMPLES, name), *args],
                               cwd=self.work, capture_output=True, text=True,
                               timeout=120)

    def assert_refused(self, done, status, message):
        self.assertEqual(done.returncode, status, done.stderr)
        self.assertIn(message, done.stderr)
        self.assertNotIn("Traceback", done.stderr)

    def test_monthly_report_refuses_one_or_three_files(self):
        for files in (["measures.csv"], ["a.csv", "b.csv", "c.csv"]):
            with self.subTest(files=len(files)):
                done = self.run_script("monthly_report.py", *files)
                self.assert_refused(
                    done, 2, "give both measures.csv and workers.csv, or no file "
                             f"for the synthetic example; got {len(files)} file(s)")
                self.assertNotIn("SYNTHETIC", done.stdout)
                self.assertEqual(os.listdir(self.work), [])  # nothing written

    def test_monthly_report_with_files_it_cannot_read_exits_1(self):
        done = self.run_script("monthly_report.py", "none.csv", "nowhere.csv")
        self.assert_refused(done, 1, "none.csv")
        self.assertEqual(os.listdir(self.work), [])

    def test_monthly_report_refuses_a_date_that_is_not_one(self):
        done = self.run_script("monthly_report.py", "--date", "2025-13-01")
        self.assert_refused(done, 2, "argument --date: not a date")

    def test_monthly_report_of_two_files_reports_them(self):
        # the small snapshot: W1 and W2 employed, 5 active measures on
        # 2025-09-01 (tests/support.py)
        with small_snapshot() as snap:
            snap.save_csv(self.work)
        done = self.run_script("monthly_report.py", "measures.csv", "workers.csv",
                               "--date", "2025-09-01")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("Caseload on 2025-09-01: 5 active measures", done.stdout)
        self.assertIn("caseload_2025-09.csv", os.listdir(self.work))

    def test_monthly_report_regions_say_synthetic_with_plain_decimals(self):
        # the example's regions table: every row carries the synthetic
        # notice, and FTE has at most 3 decimals (a sum of FTE times ramp
        # such as 153.775 is 153.7750000000001 in binary), each as the
        # library's own CSV of the same caseload writes it
        done = self.run_script("monthly_report.py")
        self.assertEqual(done.returncode, 0, done.stderr)
        with open(os.path.join(self.work, "regions_2025-09.csv"),
                  encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([r["key"] for r in rows], ["HGL", "HR", "MH", "ZHZ"])
        for r in rows:
            self.assertTrue(r["data_notice"].startswith("SYNTHETIC"), r)
            for key in ("required_fte", "effective_fte", "fte_gap"):
                self.assertLessEqual(len(r[key].partition(".")[2]), 3, r)
        with open(os.path.join(self.work, "caseload_2025-09.csv"),
                  encoding="utf-8", newline="") as f:
            lib = {r["key"]: r for r in csv.DictReader(f) if r["scope"] == "region"}
        for r in rows:
            for key in ("required_fte", "effective_fte", "fte_gap"):
                self.assertEqual(float(r[key]), float(lib[r["key"]][key]), key)

    def test_what_if_forecast_refuses_an_unknown_organisation(self):
        done = self.run_script("what_if_forecast.py", "--organisation", "XYZ")
        self.assert_refused(done, 2, "--organisation 'XYZ' is not in the registry; "
                                     "valid keys: JBWEST, WSS, LDH")

    def test_what_if_forecast_refuses_months_out_of_range(self):
        for months in ("0", "601", "x"):
            with self.subTest(months=months):
                done = self.run_script("what_if_forecast.py", "--months", months)
                self.assert_refused(done, 2, "argument --months: needs a whole "
                                             f"number from 1 to 600, not '{months}'")

    def test_triage_waiting_list_refuses_a_top_under_one(self):
        for top in ("-2", "0"):
            with self.subTest(top=top):
                done = self.run_script("triage_waiting_list.py", "--top", top)
                self.assert_refused(done, 2, "argument --top: needs a whole "
                                             f"number >= 1, not '{top}'")

    def test_triage_waiting_list_with_a_model_it_cannot_read_exits_1(self):
        done = self.run_script("triage_waiting_list.py", "--model", "none.model")
        self.assert_refused(done, 1, "cannot open 'none.model'")


if __name__ == "__main__":
    unittest.main()
