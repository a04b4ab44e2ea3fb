"""``python3 -m jbw``: subcommands, exit status, and (when the C ``jbw``
command is available: $JBW_CLI, or next to the loaded library in a build
tree) the same output as the C command."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import jbw

from .support import BINDINGS


def env():
    e = dict(os.environ)
    e["PYTHONPATH"] = BINDINGS + os.pathsep + e.get("PYTHONPATH", "")
    e.setdefault("JBW_LIBRARY", jbw.library_path)
    return e


def py(*args, rc=0):
    p = subprocess.run([sys.executable, "-m", "jbw", *args], capture_output=True,
                       text=True, env=env(), stdin=subprocess.DEVNULL, timeout=300)
    if rc is not None and p.returncode != rc:
        raise AssertionError(f"python3 -m jbw {' '.join(args)}: exit {p.returncode}, "
                             f"expected {rc}\nstderr: {p.stderr[:2000]}")
    return p


def c_command():
    """The C jbw command matching the loaded library, or None: $JBW_CLI
    (set but empty: none), else the one built beside the library."""
    if "JBW_CLI" in os.environ:
        return os.environ["JBW_CLI"] or None
    lib_dir = os.path.dirname(os.path.abspath(jbw.library_path))
    for cand in (os.path.join(lib_dir, "examples", "jbw"), os.path.join(lib_dir, "jbw")):
        if os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    return None


def without_notice(doc):
    doc = dict(doc)
    doc.pop("data_notice", None)
    return doc


class Commands(unittest.TestCase):
    def test_usage_errors_exit_2(self):
        self.assertEqual(py(rc=None).returncode, 2)
        self.assertIn("unknown command", py("frobnicate", rc=2).stderr)
        self.assertIn("--colour", py("report", "--colour", "red", rc=2).stderr)
        self.assertIn("31-02-2025", py("report", "--date", "31-02-2025", rc=2).stderr)
        self.assertIn("together", py("report", "--measures", "x", rc=2).stderr)
        self.assertIn("--top", py("triage", "--top", "0", rc=2).stderr)

    def test_help(self):
        self.assertIn("usage:", py("--help").stdout)

    def test_bad_input_exits_1_with_the_library_message(self):
        p = py("report", "--measures", "/nonexistent/m.csv", "--workers",
               "/nonexistent/w.csv", rc=1)
        self.assertIn("/nonexistent/", p.stderr)
        self.assertIn("2300", py("calendar", "2300", rc=1).stderr)

    def test_version_and_calendar_and_workdays(self):
        self.assertIn(jbw.version(), py("version").stdout)
        out = py("calendar", "2025").stdout.splitlines()
        self.assertIn("2025-04-21 ma Tweede Paasdag", out)
        # Fri 19 Dec 2025 to Fri 2 Jan 2026: 7 werkdagen
        self.assertEqual(py("workdays", "2025-12-19", "2-1-2026").stdout, "7\n")

    def test_report_json_is_marked_synthetic(self):
        doc = json.loads(py("report", "--format", "json").stdout)
        self.assertEqual(doc["data_notice"], jbw.example_notice())
        self.assertEqual(list(doc)[0], "data_notice")
        with jbw.Snapshot.example() as snap, snap.caseload() as r:
            self.assertEqual(without_notice(doc), r.to_dict())

    def test_text_and_csv_mark_synthetic_on_stdout_and_stderr(self):
        self.assertTrue(py("report").stdout.startswith(jbw.example_notice() + "\n\n"))
        p = py("report", "--format", "csv")
        self.assertIn(jbw.example_notice(), p.stderr)
        self.assertNotIn("SYNTHETIC", p.stdout)

    def test_export_then_report_gives_the_same_report(self):
        with tempfile.TemporaryDirectory() as d:
            py("export", "--dir", d)
            inputs = ["--measures", os.path.join(d, "measures.csv"),
                      "--workers", os.path.join(d, "workers.csv"),
                      "--registry", os.path.join(d, "registry.csv")]
            loaded = json.loads(py("report", "--format", "json", *inputs).stdout)
            embedded = json.loads(py("report", "--format", "json").stdout)
            self.assertEqual(without_notice(embedded), loaded)
            self.assertNotIn("data_notice", loaded)

    def test_lenient_load_reports_rejected_rows(self):
        with tempfile.TemporaryDirectory() as d:
            py("export", "--dir", d)
            path = os.path.join(d, "measures.csv")
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
            cols = lines[0].split(",")
            bad = lines[2].split(",")
            bad[cols.index("start")] = "31-02-2025"
            lines[2] = ",".join(bad)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            inputs = ["--measures", path, "--workers", os.path.join(d, "workers.csv")]
            self.assertIn("line 3", py("report", *inputs, rc=1).stderr)
            p = py("report", "--lenient", *inputs)
            self.assertIn("rejected", p.stderr)

    def test_triage_and_allocate(self):
        doc = json.loads(py("triage", "--format", "json", "--top", "3", "--lang", "en").stdout)
        self.assertEqual([c["rank"] for c in doc["cases"]], [1, 2, 3])
        alloc = json.loads(py("allocate", "--format", "json").stdout)
        self.assertIn("assignments", alloc)

    def test_series(self):
        doc = json.loads(py("series", "--format", "json").stdout)
        self.assertEqual(len(doc["points"]), 7)

    def test_forecast_and_staffing(self):
        doc = json.loads(py("forecast", "--format", "json", "--months", "6").stdout)
        self.assertEqual(doc["data_notice"], jbw.example_notice())
        self.assertEqual(doc["months"], 6)
        relief = json.loads(py("staffing", "--target", "20", "--months", "12",
                               "--format", "json").stdout)
        self.assertEqual(relief["question"], "relief")
        queue = json.loads(py("staffing", "--within-workdays", "5", "--percent", "80",
                              "--format", "json").stdout)
        self.assertGreaterEqual(queue["needed"]["share_within"], 0.8)
        self.assertIn("--target", py("staffing", rc=2).stderr)
        self.assertIn("--months", py("staffing", "--target", "5", rc=2).stderr)
        self.assertIn("XX", py("forecast", "--organisation", "XX", rc=1).stderr)

    def test_main_runs_in_process(self):
        import contextlib
        import io
        from jbw.cli import main
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            self.assertEqual(main(["calendar", "abc"]), 1)
        self.assertIn("'abc' is not a year", err.getvalue())


@unittest.skipIf(c_command() is None, "the C jbw command is not available")
class SameAsTheCCommand(unittest.TestCase):
    """The bindings call the library's own writers, so the output is the C
    command's, byte for byte."""

    CASES = [
        ("report", "--format", "json"),
        ("report", "--format", "csv"),
        ("report",),
        ("report", "--format", "json", "--date", "2025-06-02"),
        ("triage", "--format", "json"),
        ("triage", "--format", "csv", "--top", "10", "--lang", "en"),
        ("triage",),
        ("allocate", "--format", "json"),
        ("allocate",),
        ("series", "--format", "json"),
        ("calendar", "2024"),
        ("workdays", "1-1-2025", "31-12-2025"),
        ("calendar", "2300"),
        ("report", "--date", "31-02-2025"),
        ("triage", "--top", "0"),
    ]

    def run_c(self, *args):
        return subprocess.run([c_command(), *args], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=300)

    def test_outputs_and_exit_status_equal_the_c_command(self):
        for args in self.CASES:
            with self.subTest(" ".join(args)):
                c = self.run_c(*args)
                p = py(*args, rc=None)
                self.assertEqual(p.returncode, c.returncode)
                self.assertEqual(p.stdout, c.stdout)
                if c.returncode == 0:
                    self.assertEqual(p.stderr, c.stderr)

    def test_json_equals_the_c_command_without_the_notice(self):
        for args in (("report", "--format", "json"), ("triage", "--format", "json")):
            c = json.loads(self.run_c(*args).stdout)
            with jbw.Snapshot.example() as snap:
                if args[0] == "report":
                    with snap.caseload() as r:
                        mine = r.to_dict()
                else:
                    with snap.triage() as t:
                        mine = t.to_dict()
            self.assertEqual(without_notice(c), mine)

    def test_forecast_and_staffing_equal_the_c_command(self):
        with tempfile.TemporaryDirectory() as d:
            scenario = os.path.join(d, "scenario.txt")
            with open(scenario, "w", encoding="utf-8") as f:
                f.write("months = 12\nturnover = 20%\nhires_fte = 2\n"
                        "shock.surge = VOTS 3 8 1.5\n")
            cases = [("forecast",), ("forecast", "--format", "json"),
                     ("forecast", "--format", "csv"),
                     ("forecast", "--replicates", "50", "--seed", "3", "--months", "6",
                      "--format", "json"),
                     ("forecast", "--organisation", "WSS", "--scenario", scenario),
                     ("forecast", "--region", "XX"),
                     ("staffing", "--target", "20", "--months", "12"),
                     ("staffing", "--target", "20", "--months", "12", "--format", "json",
                      "--region", "ZHZ"),
                     ("staffing", "--within-workdays", "5", "--percent", "80"),
                     ("staffing", "--within-workdays", "5", "--percent", "80",
                      "--format", "csv", "--scenario", scenario),
                     ("staffing", "--target", "5"),
                     ("staffing", "--within-workdays", "5", "--percent", "100")]
            for args in cases:
                with self.subTest(" ".join(args)):
                    c = self.run_c(*args)
                    if "not available" in c.stderr:
                        self.skipTest("the C command has no forecast in this build")
                    p = py(*args, rc=None)
                    self.assertEqual((p.returncode, p.stdout), (c.returncode, c.stdout))
            c_svg, py_svg = os.path.join(d, "c.svg"), os.path.join(d, "py.svg")
            self.run_c("forecast", "--svg", c_svg)
            py("forecast", "--svg", py_svg)
            with open(c_svg, encoding="utf-8") as a, open(py_svg, encoding="utf-8") as b:
                self.assertEqual(a.read(), b.read())

if __name__ == "__main__":
    unittest.main()
