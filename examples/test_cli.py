"""Tests of the jbw command: exit codes, the subcommands, and that an
exported example loads back to the same report.

usage: python3 test_cli.py PATH_TO_JBW WORK_DIR
"""
import datetime
import json
import os
import re
import shutil
import threading
import unittest

import cli_support as cli
from cli_support import run



def jbw_notice():
    """The embedded example's data notice, as the report states it."""
    return json.loads(run("report", "--format", "json").stdout)["data_notice"]


def csv_without_notice(text):
    """CSV rows as lists, without a data_notice column."""
    import csv
    import io
    rows = list(csv.reader(io.StringIO(text)))
    if rows and rows[0] and rows[0][-1] == "data_notice":
        rows = [r[:-1] for r in rows]
    return rows



def export_with(name, file, column, value, row=2):
    """Exports the embedded example to WORK/name, sets `column` of one row
    of `file` to `value` and returns (dir, path of that file). `row`: the
    line's index (0 is the header), or None for the first row whose field
    is not empty."""
    d = os.path.join(cli.WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    run("export", "--dir", d)
    path = os.path.join(d, file)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    k = lines[0].split(",").index(column)
    if row is None:
        row = next(i for i, line in enumerate(lines[1:], 1) if line.split(",")[k])
    fields = lines[row].split(",")
    fields[k] = value
    lines[row] = ",".join(fields)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return d, path

class ExitCodes(unittest.TestCase):
    def test_no_command_is_usage_error(self):
        self.assertEqual(run(check_rc=None).returncode, 2)

    def test_unknown_command_is_usage_error(self):
        p = run("frobnicate", check_rc=2)
        self.assertIn("unknown command", p.stderr)

    def test_unknown_option_is_usage_error(self):
        p = run("report", "--colour", "red", check_rc=2)
        self.assertIn("--colour", p.stderr)

    def test_bad_date_option_is_usage_error(self):
        p = run("report", "--date", "31-02-2025", check_rc=2)
        self.assertIn("31-02-2025", p.stderr)

    def test_missing_input_file_is_input_error(self):
        p = run("report", "--measures", os.path.join(cli.WORK, "none.csv"),
                "--workers", os.path.join(cli.WORK, "none2.csv"), check_rc=1)
        self.assertRegex(p.stderr, r"none2?\.csv")  # names the file it could not read

    def test_help_succeeds(self):
        p = run("--help")
        self.assertIn("usage: jbw", p.stdout)


COMMANDS = ("report", "triage", "allocate", "model", "forecast", "staffing",
            "calibrate", "backtest", "series", "brief", "regions", "export",
            "calendar", "workdays", "version")


class Usage(unittest.TestCase):
    def test_every_command_has_help(self):
        for cmd in COMMANDS:
            with self.subTest(cmd):
                p = run(cmd, "--help")
                self.assertTrue(p.stdout.startswith(f"usage: jbw {cmd}"), p.stdout)
                self.assertIn("--lang", p.stdout)
                self.assertIn(cmd, run("--help").stdout)

    def test_help_lists_exactly_the_options_a_command_takes(self):
        out = run("report", "--help").stdout
        for opt in ("--measures", "--workers", "--registry", "--lenient",
                    "--date", "--format", "--norm", "--lang", "--svg"):
            self.assertIn(opt, out)
        for opt in ("--seed", "--region", "--months", "--model"):
            self.assertNotIn(opt, out)

    def help_line(self, cmd, opt):
        """The one line of `jbw CMD --help` that describes `opt`."""
        lines = [l for l in run(cmd, "--help").stdout.splitlines()
                 if l.lstrip().startswith(opt + " ")]
        self.assertEqual(len(lines), 1, (cmd, opt))
        return lines[0]

    def test_lang_help_says_where_the_language_is_ignored(self):
        # report's words follow --lang; calibrate, regions, export, workdays
        # and version take it but write English or no words
        self.assertIn("the language of words in the output",
                      self.help_line("report", "--lang"))
        for cmd in ("calibrate", "regions", "export", "workdays", "version"):
            with self.subTest(cmd):
                self.assertIn("this command's output is English",
                              self.help_line(cmd, "--lang"))
        # model: its card English, its register Dutch, whatever --lang says
        self.assertIn("--card are English, --register Dutch",
                      self.help_line("model", "--lang"))
        self.assertEqual(run("model", "--card", "--lang", "nl").stdout,
                         run("model", "--card", "--lang", "en").stdout)
        self.assertIn("the language of the --svg chart (the table is English)",
                      self.help_line("backtest", "--lang"))

    def test_top_help_says_what_each_command_keeps(self):
        # report's --top cuts its per-worker table, triage's the ranked
        # waiting list: neither help may describe the other's
        report = self.help_line("report", "--top")
        triage = self.help_line("triage", "--top")
        self.assertIn("the N most loaded workers of --workers-table", report)
        self.assertIn("the N measures of highest waiting risk", triage)
        self.assertNotIn("workers-table", triage)
        self.assertNotIn("report", triage)
        # and it says true: --top 2 keeps 2 cases, the count of all stays
        doc = json.loads(run("triage", "--top", "2", "--format", "json").stdout)
        self.assertEqual(len(doc["cases"]), 2)
        self.assertGreater(doc["waiting"], 2)

    def test_format_help_names_the_formats_the_command_takes(self):
        def format_line(cmd):
            return self.help_line(cmd, "--format")
        brief = format_line("brief")
        self.assertIn("html", brief)
        self.assertIn("md", brief)
        self.assertNotIn("json", brief)  # the brief is HTML or Markdown only
        run("brief", "--format", "json", check_rc=2)
        self.assertIn("table", format_line("report"))
        self.assertIn("md", format_line("model"))
        for cmd in ("triage", "forecast", "calibrate", "regions"):
            self.assertIn("text (default), json or csv", format_line(cmd))

    def test_threads_help_names_replicates_only_where_threads_run_them(self):
        # --threads loads the CSV files for every command that reads them;
        # only forecast (--replicates) and staffing (--probability) also
        # split replicates over threads. The brief takes --replicates but
        # runs them on one thread, so its help must not promise more.
        def threads_line(cmd):
            return self.help_line(cmd, "--threads")
        for cmd in ("report", "triage", "allocate", "calibrate", "backtest",
                    "brief", "export"):
            with self.subTest(cmd):
                line = threads_line(cmd)
                self.assertIn("loading the CSV files", line)
                self.assertNotIn("replicate", line)
        for cmd in ("forecast", "staffing"):
            with self.subTest(cmd):
                line = threads_line(cmd)
                self.assertIn("loading the CSV files", line)
                self.assertIn("replicates", line)
        self.assertIn("--probability", threads_line("staffing"))

    def test_a_second_scenario_is_refused_where_only_one_is_used(self):
        # forecast and staffing run one scenario: a second --scenario would
        # silently replace the first, so it is bad usage (the brief takes
        # up to 8 and sets them side by side)
        s1 = os.path.join(cli.WORK, "s1.txt")
        s2 = os.path.join(cli.WORK, "s2.txt")
        for path, rate in ((s1, "0.3"), (s2, "0.1")):
            with open(path, "w", encoding="utf-8") as f:
                f.write(f"turnover = {rate}\n")
        p = run("forecast", "--scenario", s1, "--scenario", s2, check_rc=2)
        self.assertIn("only brief takes several", p.stderr)
        run("staffing", "--scenario", s1, "--scenario", s2, "--target", "10",
            "--months", "3", check_rc=2)
        run("forecast", "--scenario", s1, "--months", "1")

    def test_an_option_a_command_does_not_take_is_refused(self):
        for args, bad in ((("series", "--region", "HGL"), "--region"),
                          (("report", "--seed", "5"), "--seed"),
                          (("calendar", "2026", "--format", "json"), "--format"),
                          (("calendar", "2026", "--seed", "3"), "--seed"),
                          (("triage", "--months", "3"), "--months")):
            with self.subTest(" ".join(args)):
                p = run(*args, check_rc=2)
                self.assertIn(bad, p.stderr.splitlines()[0])
                # ... with the list of what it does take
                self.assertIn("takes:", p.stderr)
                self.assertIn("--lang", p.stderr)

    def test_limits_are_the_librarys(self):
        # include/jbw/forecast.h: JBW_FORECAST_REPLICATES_MAX 100000,
        # JBW_FORECAST_MONTHS_MAX 600: one more is bad usage (exit 2).
        p = run("forecast", "--replicates", "100001", check_rc=2)
        self.assertIn("100000", p.stderr)
        p = run("forecast", "--months", "601", check_rc=2)
        self.assertIn("600", p.stderr)
        run("forecast", "--months", "1", "--replicates", "100000",
            "--format", "csv")

    def test_percent_with_and_without_sign(self):
        a = run("staffing", "--within-workdays", "5", "--percent", "90",
                "--format", "json").stdout
        b = run("staffing", "--within-workdays", "5", "--percent", "90%",
                "--format", "json").stdout
        self.assertEqual(a, b)
        self.assertEqual(json.loads(a)["percent"], 90)
        for bad in ("100", "0", "90%%", "%", "abc", "0.9", "0.4"):
            with self.subTest(bad):
                run("staffing", "--within-workdays", "5", "--percent", bad,
                    check_rc=2)
        # a fraction for a percentage is refused with the fix, not read as
        # 0.9 %; a percentage with a decimal is said with it
        p = run("staffing", "--within-workdays", "5", "--percent", "0.9",
                check_rc=2)
        self.assertIn("not the fraction 0.9", p.stderr)
        out = run("staffing", "--within-workdays", "5", "--percent", "92.5").stdout
        self.assertIn("Voor ten minste 92,5% koppeling binnen 5 werkdagen", out)

    def test_unknown_region_or_organisation_lists_the_keys(self):
        p = run("forecast", "--region", "XYZ", check_rc=2)
        # the embedded Zuid-West registry: four regions
        for key in ("HGL", "HR", "MH", "ZHZ"):
            self.assertIn(key, p.stderr)
        p = run("staffing", "--organisation", "XYZ", "--target", "10",
                "--months", "12", check_rc=2)
        for key in ("JBWEST", "WSS"):
            self.assertIn(key, p.stderr)

    def test_files_in_the_wrong_slot_get_a_hint(self):
        d = os.path.join(cli.WORK, "slots")
        shutil.rmtree(d, ignore_errors=True)
        run("export", "--dir", d)
        m, w = os.path.join(d, "measures.csv"), os.path.join(d, "workers.csv")
        p = run("report", "--measures", w, "--workers", m, check_rc=1)
        self.assertIn("hint", p.stderr)
        self.assertIn(f"--workers {w}", p.stderr)
        self.assertIn(f"--measures {m}", p.stderr)
        # the swapped files' columns are unknown to their slots, but
        # ignoring them is not the fix: only the slot hints are given
        self.assertNotIn("--allow-unknown-columns", p.stderr)
        hints = [l for l in p.stderr.splitlines() if l.startswith("jbw: hint:")]
        self.assertEqual(len(hints), 2, p.stderr)
        # column names are case-blind, and so is the hint: a header in
        # capitals (ID,CHILD_ID,...) still says it holds measures
        upper = os.path.join(d, "MEASURES-UPPER.csv")
        with open(m, encoding="utf-8") as f:
            head, rest = f.read().split("\n", 1)
        with open(upper, "w", encoding="utf-8") as f:
            f.write(head.upper() + "\n" + rest)
        p = run("report", "--measures", w, "--workers", upper, check_rc=1)
        self.assertIn(f"jbw: hint: '{upper}' looks like a measures file, given "
                      f"as --workers (did you mean --measures {upper}?)", p.stderr)
        # and read after Excel's "sep=," line, which the loader skips
        sep = os.path.join(d, "measures-sep.csv")
        with open(sep, "w", encoding="utf-8") as f:
            f.write("\ufeffsep=,\n" + head + "\n" + rest)
        p = run("report", "--measures", w, "--workers", sep, check_rc=1)
        self.assertIn(f"jbw: hint: '{sep}' looks like a measures file", p.stderr)

    def test_a_reject_line_names_file_and_line_once(self):
        d, path = export_with("reject-once", "workers.csv", "fte", "abc")
        p = run("report", "--lenient", "--measures", os.path.join(d, "measures.csv"),
                "--workers", path)
        rejected = [l for l in p.stderr.splitlines() if "'abc'" in l]
        self.assertEqual(len(rejected), 1)
        self.assertEqual(rejected[0].count("workers.csv"), 1)
        self.assertEqual(rejected[0].count("line 3"), 1)

    def test_report_after_the_datas_date_is_refused(self):
        # The embedded example's reference date is 2025-09-01: later dates
        # would project that day's assignments into the future.
        p = run("report", "--date", "2199-12-31", check_rc=2)
        self.assertIn("2025-09-01", p.stderr)
        run("report", "--date", "2025-09-01")
        run("report", "--date", "2025-06-02")

    def test_lang_is_taken_by_every_command(self):
        for cmd, extra in (("report", ()), ("series", ()), ("version", ()),
                           ("workdays", ("1-1-2025", "2-1-2025")),
                           ("calendar", ("2025",))):
            with self.subTest(cmd):
                run(cmd, *extra, "--lang", "en")
                run(cmd, *extra, "--lang", "nl")
                run(cmd, *extra, "--lang", "de", check_rc=2)
        # 21 April 2025 (Tweede Paasdag) is a Monday
        self.assertIn("2025-04-21 ma ", run("calendar", "2025").stdout)
        self.assertIn("2025-04-21 Mon ", run("calendar", "2025", "--lang", "en").stdout)

    def test_lang_changes_the_commands_docs_cli_md_names_and_no_others(self):
        # docs/cli.md, "Language": these outputs have Dutch and English
        # words; the analyst outputs below are English whatever --lang says
        # (they accept it). A command moving from one list to the other
        # must move in the doc too.
        follows = (("report",), ("triage", "--top", "3"),
                   ("forecast", "--months", "2"),
                   ("staffing", "--target", "50", "--months", "12"),
                   ("series",), ("calendar", "2025"), ("allocate",))
        english = (("model",), ("model", "--card"),
                   ("calibrate",), ("backtest", "--from", "2025-03-01",
                                    "--months", "2"),
                   ("regions",), ("report", "--format", "table"))
        for args in follows + english:
            with self.subTest(" ".join(args)):
                nl = run(*args, "--lang", "nl").stdout
                en = run(*args, "--lang", "en").stdout
                if args in follows:
                    self.assertNotEqual(nl, en)
                else:
                    self.assertEqual(nl, en)

    def test_a_refused_year_gives_the_reason_before_the_value(self):
        for year in ("1899", "2200", "20x5"):
            with self.subTest(year):
                p = run("calendar", year, check_rc=2)  # bad usage
                self.assertEqual(p.stderr,
                                 f"jbw: not a year from 1900 to 2199: '{year}'\n")

    def test_forecast_and_series_text_follow_lang(self):
        # Dutch by default, as every command; English on request
        nl = run("forecast", "--months", "2").stdout
        self.assertIn("Prognose, 2 maanden", nl)
        self.assertIn("wachtend", nl)
        self.assertNotIn("waiting", nl)
        en = run("forecast", "--months", "2", "--lang", "en").stdout
        self.assertIn("Forecast, 2 months", en)
        nl = run("series").stdout
        self.assertIn("Kinderen zonder vaste jeugdbeschermer", nl)
        self.assertIn("verschil totaal", nl)
        en = run("series", "--lang", "en").stdout
        self.assertIn("Children without a fixed jeugdbeschermer", en)

    def test_option_equals_value(self):
        self.assertEqual(run("report", "--format=json").stdout,
                         run("report", "--format", "json").stdout)


class Calendar(unittest.TestCase):
    def test_version(self):
        self.assertRegex(run("version").stdout, r"^jbw \d+\.\d+\.\d+")
        # --version is the same command
        self.assertEqual(run("--version").stdout, run("version").stdout)

    def test_backtest_months_past_the_data_are_bad_usage(self):
        # the example's data end on 2025-09-01: from 2025-03-01 the default
        # 12 months reach 2026-03-01; 6 months (to 2025-09-01) fit
        p = run("backtest", "--from", "2025-03-01", check_rc=2)
        self.assertIn("reaches 2026-03-01", p.stderr)
        self.assertIn("give --months 6 or fewer", p.stderr)
        run("backtest", "--from", "2025-03-01", "--months", "6")
        # from 2025-08-15 not one month fits (2025-09-15 is after it)
        p = run("backtest", "--from", "2025-08-15", "--months", "1", check_rc=2)
        self.assertIn("start at least a month before it", p.stderr)

    def test_forecast_refuses_a_seed_it_would_not_use(self):
        # without --replicates the forecast is deterministic: a seed is bad
        # usage (2), with replicates it is taken
        p = run("forecast", "--seed", "3", check_rc=2)
        self.assertIn("forecast --seed goes with --replicates R", p.stderr)
        run("forecast", "--replicates", "0", "--seed", "3", check_rc=2)
        run("forecast", "--replicates", "5", "--seed", "3", "--months", "2")

    def test_limits_name_their_option_and_their_defaults(self):
        # 268435456 bytes = 256 x 1024 x 1024 = 256 MiB; 65536 = 64 KiB
        help_text = run("report", "--help").stdout
        self.assertIn("(default 268435456, 256 MiB)", help_text)
        self.assertIn("(default 65536, 64 KiB)", help_text)
        big = cli.work_file("big.csv", "a" * 200 + "\n")
        p = run("report", "--measures", big, "--workers", big,
                "--max-file-bytes", "100", check_rc=1)
        self.assertIn("a larger file needs --max-file-bytes N", p.stderr)
        p = run("report", "--measures", big, "--workers", big,
                "--max-line-bytes", "100", check_rc=1)
        self.assertIn("a longer line needs --max-line-bytes N", p.stderr)

    def test_workdays_over_christmas(self):
        # Fri 2025-12-19 to Fri 2026-01-02: 22, 23, 24, 29, 30, 31 Dec and
        # 2 Jan are werkdagen (25/26 Dec, 1 Jan and weekends are not): 7.
        self.assertEqual(run("workdays", "2025-12-19", "2-1-2026").stdout.strip(), "7")

    def test_calendar_2025_lists_the_cao_days(self):
        out = run("calendar", "2025").stdout
        # Dates checked by hand against the 2025 calendar: Easter Sunday is
        # 20 April, so Tweede Paasdag 21 April, Hemelvaartsdag 29 May,
        # Tweede Pinksterdag 9 June; 27 April is a Sunday, so Koningsdag is
        # Saturday 26 April.
        for date in ("2025-01-01", "2025-04-21", "2025-04-26", "2025-05-05",
                     "2025-05-29", "2025-06-09", "2025-12-25", "2025-12-26"):
            self.assertIn(date, out)
        self.assertNotIn("2025-04-18", out)  # Goede Vrijdag is worked

    def test_regions_json_lists_the_42_cbs_regions(self):
        # CBS/PDOK Gebiedsindelingen 2025: 42 jeugdregio's, 342 municipalities.
        doc = json.loads(run("regions", "--format", "json").stdout)
        regions = doc["regions"]
        self.assertEqual(len(regions), 42)
        for r in regions:
            self.assertEqual(set(r), {"key", "name", "cbs_code", "municipalities"})
        names = [m for r in regions for m in r["municipalities"]]
        self.assertEqual(len(names), 342)
        self.assertEqual(len(set(names)), 342)  # every municipality once
        by_code = {r["cbs_code"]: r for r in regions}
        self.assertNotIn("JZ40", by_code)
        self.assertEqual(by_code["JZ24"]["name"], "Haaglanden")
        self.assertIn("Voorschoten", by_code["JZ18"]["municipalities"])

    def test_regions_by_year(self):
        # Voorschoten moved from Haaglanden to Holland Rijnland on 1-1-2024.
        doc = json.loads(run("regions", "--year", "2023", "--format", "json").stdout)
        by_code = {r["cbs_code"]: r for r in doc["regions"]}
        self.assertIn("Voorschoten", by_code["JZ24"]["municipalities"])
        self.assertNotIn("Voorschoten", by_code["JZ18"]["municipalities"])
        p = run("regions", "--year", "2019", check_rc=2)
        self.assertIn("2023", p.stderr)

    def test_regions_text_and_csv(self):
        out = run("regions").stdout
        self.assertIn("42 regions, 342 municipalities", out)
        csv_out = run("regions", "--format", "csv").stdout
        self.assertTrue(csv_out.startswith("type,key,name,cbs_code,region"), csv_out[:80])
        self.assertIn("region,JZ31,Zuid-Holland Zuid,JZ31,", csv_out)

    def test_atw_calendar_has_goede_vrijdag(self):
        # Algemene termijnenwet art. 3: Goede Vrijdag off too. Easter 2025 is
        # 20 April, so Goede Vrijdag is 18 April.
        self.assertIn("2025-04-18", run("calendar", "--calendar", "atw", "2025").stdout)
        self.assertNotIn("2025-04-18", run("calendar", "--calendar", "cao", "2025").stdout)
        # Mon 14 Apr to Fri 25 Apr 2025: 15-18 and 22-25 April after the
        # start (21 April is Tweede Paasdag): 8 werkdagen under the CAO,
        # 7 under the Atw.
        self.assertEqual(run("workdays", "2025-04-14", "2025-04-25").stdout.strip(), "8")
        self.assertEqual(run("workdays", "--calendar", "atw", "2025-04-14",
                             "2025-04-25").stdout.strip(), "7")
        p = run("workdays", "--calendar", "wet", "2025-04-14", "2025-04-25", check_rc=2)
        self.assertIn("cao or atw", p.stderr)

    def test_calendar_rejects_a_year_out_of_range(self):
        p = run("calendar", "2300", check_rc=2)
        self.assertIn("2300", p.stderr)

    def test_staffing_refuses_replicates_it_would_not_run(self):
        # only relief with --probability runs replicates: --replicates or
        # --seed anywhere else, and --replicates 0 with it (which used to
        # become the default 1000 without a word), are bad usage
        for args in (("--target", "5", "--months", "6", "--replicates", "50"),
                     ("--target", "5", "--months", "6", "--seed", "3"),
                     ("--within-workdays", "5", "--percent", "90", "--seed", "3")):
            with self.subTest(args):
                p = run("staffing", *args, check_rc=2)
                self.assertIn("go with --target N --months T --probability P",
                              p.stderr)
        p = run("staffing", "--target", "5", "--months", "6", "--probability", "0.9",
                "--replicates", "0", check_rc=2)
        self.assertIn("--replicates R of 1 or more", p.stderr)
        run("staffing", "--target", "5", "--months", "6", "--probability", "0.9",
            "--replicates", "20", "--seed", "3")

    def test_a_history_path_has_one_slash_between_its_parts(self):
        # "--history DIR/" names DIR/2025-03-01/measures.csv, not DIR//...
        d = os.path.join(cli.WORK, "slash-history")
        os.makedirs(os.path.join(d, "2025-03-01"), exist_ok=True)
        p = run("series", "--history", d + "/", check_rc=1)
        self.assertIn(f"'{d}/2025-03-01/measures.csv'", p.stderr)
        self.assertNotIn("//", p.stderr)

    def test_a_history_that_is_no_folder_says_why(self):
        # a missing folder and a file given as --history: input that cannot
        # be read (1), with the system's reason
        missing = os.path.join(cli.WORK, "no-such-history")
        p = run("series", "--history", missing, check_rc=1)
        self.assertEqual(p.stderr, f"jbw: --history {missing}: cannot read the "
                                   f"folder: No such file or directory\n")
        a_file = os.path.join(cli.WORK, "history-file.txt")
        with open(a_file, "w", encoding="utf-8") as f:
            f.write("x\n")
        p = run("backtest", "--from", "2025-03-01", "--history", a_file, check_rc=1)
        self.assertIn("cannot read the folder: Not a directory", p.stderr)

    def test_top_needs_a_whole_number_from_one_without_the_types_limit(self):
        # --top has no upper bound but the type's: the message says ">= 1"
        # and does not print LONG_MAX
        for bad in ("0", "-2", "x"):
            with self.subTest(bad):
                p = run("report", "--top", bad, check_rc=2)
                self.assertEqual(p.stderr, f"jbw: --top needs a whole number >= 1, "
                                           f"not '{bad}'\n")
        p = run("forecast", "--months", "0", check_rc=2)
        self.assertIn("from 1 to 600", p.stderr)

    def test_workdays_refuses_a_date_argument_as_bad_usage(self):
        # a bad FROM or TO is bad usage (2), as a bad --date is, and the
        # message names the argument, the reason and the value
        p = run("workdays", "2025-01-01", "2025-02-31", check_rc=2)
        self.assertEqual(p.stderr, "jbw: TO: not a date, February 2025 has 28 "
                                   "days: '2025-02-31'\n")
        p = run("workdays", "x", "2025-02-01", check_rc=2)
        self.assertTrue(p.stderr.startswith("jbw: FROM: not a date"), p.stderr)
        self.assertIn("'x'", p.stderr)


class Report(unittest.TestCase):
    def test_text_report_is_marked_synthetic(self):
        out = run("report").stdout
        self.assertIn("SYNTHETIC", out.splitlines()[0])

    def test_dutch_texts_give_the_librarys_notices_in_dutch_too(self):
        # the fixed English notice, then its Dutch words (as the charts and
        # the brief give them); an English text has the English line only
        dutch = "Synthetische voorbeeldgegevens: geen echte kinderen, medewerkers of organisaties."
        for args in (("report",), ("triage",), ("allocate",), ("forecast",),
                     ("staffing", "--within-workdays", "5", "--percent", "90"),
                     ("staffing", "--target", "25", "--months", "12")):
            lines = run(*args).stdout.splitlines()
            self.assertIn("SYNTHETIC example data", lines[0], args)
            self.assertEqual(lines[1], dutch, args)
            self.assertEqual(lines[2], "", args)
            en = run(*args, "--lang", "en").stdout.splitlines()
            self.assertEqual(en[1], "", args)
        lines = run("series").stdout.splitlines()
        self.assertEqual(lines[1], "Gepubliceerde cijfers: raadsinformatiebrief van een "
                                   "gemeente in Zuid-Holland Zuid, najaar 2025.")

    def test_json_report_has_the_documented_keys(self):
        doc = json.loads(run("report", "--format", "json").stdout)
        self.assertIn("SYNTHETIC", doc["data_notice"])
        keys = {"active_measures", "children", "families", "assigned",
                "waiting_nieuw", "waiting_bestaand", "required_fte",
                "available_fte", "effective_fte", "fte_gap", "free_capacity",
                "coupling_within_5_werkdagen_pct"}
        self.assertLessEqual(keys, set(doc["totals"]))
        for group in ("by_organisation", "by_region"):
            self.assertTrue(doc[group])
            for row in doc[group]:
                self.assertIn("key", row)
                self.assertLessEqual(keys, set(row))
        self.assertTrue(doc["workers"])
        for w in doc["workers"]:
            self.assertLessEqual({"id", "organisation", "fte", "effective_fte",
                                  "capacity", "load", "ratio", "status"}, set(w))
        t = doc["totals"]
        # Totals are the sums of the organisation rows (every measure
        # belongs to exactly one organisation).
        for k in ("active_measures", "assigned", "waiting_nieuw", "waiting_bestaand"):
            self.assertEqual(t[k], sum(r[k] for r in doc["by_organisation"]))
            self.assertEqual(t[k], sum(r[k] for r in doc["by_region"]))
        self.assertEqual(t["active_measures"],
                         t["assigned"] + t["waiting_nieuw"] + t["waiting_bestaand"])

    def test_export_then_report_gives_the_same_report(self):
        d = os.path.join(cli.WORK, "export")
        shutil.rmtree(d, ignore_errors=True)
        run("export", "--dir", d)
        for name in ("measures.csv", "workers.csv", "registry.csv"):
            self.assertTrue(os.path.getsize(os.path.join(d, name)) > 0)
        inputs = ["--measures", os.path.join(d, "measures.csv"),
                  "--workers", os.path.join(d, "workers.csv"),
                  "--registry", os.path.join(d, "registry.csv")]
        for fmt in ("json", "csv"):
            embedded = run("report", "--format", fmt).stdout
            loaded = run("report", "--format", fmt, *inputs).stdout
            # the export's data_notice file brings the notice back too
            self.assertEqual(embedded, loaded)
        # Without --registry the embedded registry is used: same result.
        loaded = run("report", "--format", "csv", *inputs[:4]).stdout
        self.assertEqual(csv_without_notice(run("report", "--format", "csv").stdout),
                         csv_without_notice(loaded))

    def test_lenient_load_reports_rejected_rows(self):
        d, path = export_with("lenient", "measures.csv", "start", "31-02-2025")
        inputs = ["--measures", path, "--workers", os.path.join(d, "workers.csv")]
        strict = run("report", *inputs, check_rc=1)
        self.assertIn("line 3", strict.stderr)
        self.assertIn("31-02-2025", strict.stderr)
        lenient = run("report", "--lenient", *inputs)
        self.assertIn("rejected", lenient.stderr)
        self.assertIn("line 3", lenient.stderr)
        # the output itself says a row was left out, after the export's
        # own notice, in every format
        left = "1 rij(en) van de invoer weggelaten met --lenient"
        self.assertIn("SYNTHETIC example data", lenient.stdout.splitlines()[0])
        self.assertIn(left, lenient.stdout.splitlines()[0])
        doc = json.loads(run("report", "--lenient", "--format", "json", *inputs).stdout)
        self.assertIn(left, doc["data_notice"])
        self.assertIn("1 input row(s) left out", doc["data_notice"])

    def test_unknown_columns_are_refused_with_a_hint_or_ignored_on_request(self):
        # real exports carry columns libjbw does not read
        d = os.path.join(cli.WORK, "extra-columns")
        shutil.rmtree(d, ignore_errors=True)
        run("export", "--dir", d)
        plain = run("report", "--format", "json", "--measures", os.path.join(d, "measures.csv"),
                    "--workers", os.path.join(d, "workers.csv")).stdout
        for name in ("measures.csv", "workers.csv"):
            path = os.path.join(d, name)
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
            lines = [lines[0] + ",casemanager_team"] + [l + ",team-1" for l in lines[1:]]
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        inputs = ["--measures", os.path.join(d, "measures.csv"),
                  "--workers", os.path.join(d, "workers.csv")]
        hint = ("jbw: hint: give --allow-unknown-columns to ignore columns libjbw "
                "does not read\n")
        for extra in ((), ("--lenient",)):
            p = run("report", *extra, *inputs, check_rc=1)
            # the library's message as it is, then the hint
            self.assertIn("workers.csv line 1: unknown column 'casemanager_team' "
                          "(known: id, organisation, region, fte, hired, leaving)\n"
                          + hint, p.stderr)
        # ignored, the column changes no figure: the report of the export
        p = run("report", "--allow-unknown-columns", "--format", "json", *inputs)
        self.assertEqual(p.stdout, plain)
        self.assertNotIn("hint", p.stderr)
        # the exports of a history too
        root = os.path.join(cli.WORK, "extra-columns-history")
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(d, os.path.join(root, "2025-09-01"))
        p = run("series", "--history", root, check_rc=1)
        self.assertIn(hint, p.stderr)
        doc = json.loads(run("series", "--history", root, "--allow-unknown-columns",
                             "--format", "json").stdout)
        self.assertEqual([x["date"] for x in doc["points"]], ["2025-09-01"])
        # renamed columns (a Dutch header): a required column is missing, so
        # --allow-unknown-columns would not help; the library's message says
        # what is missing, and the hint is not given
        d = os.path.join(cli.WORK, "renamed-columns")
        shutil.rmtree(d, ignore_errors=True)
        run("export", "--dir", d)
        path = os.path.join(d, "measures.csv")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        head = lines[0].split(",")
        head[head.index("id")] = "Maatregel_ID"
        head[head.index("start")] = "Begindatum"
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join([",".join(head)] + lines[1:]) + "\n")
        inputs = ["--measures", path, "--workers", os.path.join(d, "workers.csv")]
        p = run("report", *inputs, check_rc=1)
        self.assertIn("measures.csv line 1: required columns 'id' and 'start' are "
                      "missing, and the header has unknown columns 'Maatregel_ID' "
                      "and 'Begindatum': rename the ones that hold them (known, "
                      "not in the header: id, start)\n", p.stderr)
        self.assertNotIn("allow-unknown-columns", p.stderr)
        p = run("report", "--allow-unknown-columns", *inputs, check_rc=1)
        self.assertIn("measures.csv line 1: required column 'id' is missing", p.stderr)
        self.assertNotIn("allow-unknown-columns", p.stderr)

    def test_a_reference_date_after_today_or_no_rows_is_warned_of(self):
        # one wrong date (2190, far past any clock this runs on) makes the
        # inferred reference date: every figure would be of that day
        d, path = export_with("future-date", "measures.csv", "last_contact", "2190-01-01",
                              row=None)
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        workers = os.path.join(d, "workers.csv")
        p = run("report", "--measures", path, "--workers", workers)
        self.assertIn("warning: the reference date 2190-01-01, the latest date in the files, "
                      "is after today", p.stderr)
        # --date chooses the date: no warning
        p = run("report", "--date", "2025-09-01", "--measures", path, "--workers", workers)
        self.assertNotIn("warning", p.stderr)
        # a date before the data's: bestaand cannot be rebuilt (the export
        # holds who waits on its own date), and stderr says so
        p = run("report", "--date", "2025-06-01")
        self.assertIn("note: --date 2025-06-01 is before the data's date 2025-09-01", p.stderr)
        self.assertIn("bestaand is too low on 2025-06-01", p.stderr)
        # calibrate shows no bestaand (its rates come from dates known on
        # the date), so it does not say so
        p = run("calibrate", "--date", "2025-06-01")
        self.assertNotIn("bestaand", p.stderr)
        # a measures file of a header only
        empty = os.path.join(d, "empty.csv")
        with open(empty, "w", encoding="utf-8") as f:
            f.write(lines[0] + "\n")
        p = run("report", "--measures", empty, "--workers", workers)
        self.assertIn(f"warning: {empty} holds no measure rows", p.stderr)

    def test_an_export_of_headers_only_is_of_the_date_given(self):
        # an empty export: no date in the files to infer the reference
        # date from; --date gives it, and the report is one of zeros
        d = os.path.join(cli.WORK, "headers-only")
        shutil.rmtree(d, ignore_errors=True)
        run("export", "--dir", d)
        for name in ("measures.csv", "workers.csv"):
            path = os.path.join(d, name)
            with open(path, encoding="utf-8") as f:
                header = f.readline()
            with open(path, "w", encoding="utf-8") as f:
                f.write(header)
        m = os.path.join(d, "measures.csv")
        inputs = ["--measures", m, "--workers", os.path.join(d, "workers.csv")]
        p = run("report", *inputs, check_rc=1)
        self.assertEqual(p.stderr, "jbw: give --date D: the files hold no date to "
                                   "take the reference date from\n")
        p = run("report", "--date", "2025-09-01", "--format", "json", *inputs)
        self.assertEqual(p.stderr, f"jbw: warning: {m} holds no measure rows\n")
        doc = json.loads(p.stdout)
        self.assertEqual(doc["date"], "2025-09-01")
        for key in ("active_measures", "waiting_nieuw", "waiting_bestaand", "workers"):
            self.assertEqual(doc["totals"][key], 0, key)

    def test_a_reference_date_from_a_planned_date_only_is_noted(self):
        # the example's latest date is 2025-09-01 (its last contacts); an
        # end of 2026-01-10 makes the reference date its last active day,
        # 2026-01-09, and no other date reaches it: a note names it
        d, path = export_with("planned-end", "measures.csv", "end", "2026-01-10")
        with open(path, encoding="utf-8") as f:
            m_id = f.read().splitlines()[2].split(",")[0]  # row=2 of export_with
        workers = os.path.join(d, "workers.csv")
        note = (f"jbw: note: the reference date 2026-01-09 comes from measure "
                f"'{m_id}' (end 2026-01-10) only; if that is a planned date, give "
                f"--date D (the export's date)\n")
        p = run("report", "--format", "json", "--measures", path, "--workers", workers)
        self.assertIn(note, p.stderr)
        self.assertEqual(json.loads(p.stdout)["date"], "2026-01-09")  # unchanged
        # with --date the files' date is not used: no note. Following its
        # advice, --date 2025-09-01 (the last contacts' day) is the
        # export's date: the files hold no later day on which something
        # happened, so "bestaand is too low" would be wrong, and is not said
        p = run("report", "--date", "2025-09-01", "--measures", path, "--workers", workers)
        self.assertNotIn("comes from", p.stderr)
        self.assertIn("jbw: note: --date 2025-09-01 is taken as the export's date: the "
                      "files' last day on which something happened is 2025-09-01; their "
                      "later dates are only a measure's end or a worker's hired\n",
                      p.stderr)
        self.assertNotIn("bestaand is too low", p.stderr)
        # a date before the last contacts is before the export: the note
        p = run("report", "--date", "2025-08-01", "--measures", path, "--workers", workers)
        self.assertIn("bestaand is too low on 2025-08-01", p.stderr)
        # a planned end far ahead does not make a day still to come an
        # export's date: after today (by the clock) --date is refused
        far = (datetime.date.today() + datetime.timedelta(days=800)).isoformat()
        ahead = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
        d, path = export_with("planned-end-far", "measures.csv", "end", far)
        p = run("report", "--date", ahead, "--measures", path, "--workers", workers,
                check_rc=2)
        self.assertIn(f"jbw: --date {ahead} is after today; the files' last day on "
                      "which something happened is 2025-09-01", p.stderr)
        # an end of 2025-09-02 reaches 2025-09-01, as the last contacts
        # do: the date is not only the end's, no note
        d, path = export_with("planned-end-2", "measures.csv", "end", "2025-09-02")
        p = run("report", "--measures", path, "--workers", workers)
        self.assertNotIn("comes from", p.stderr)
        # a worker to be hired on 2025-11-01: the reference date is that day
        with open(workers, encoding="utf-8") as f:
            text = f.read()
        hired = cli.work_file("planned-hire.csv", text + "W9999,JBWEST,HGL,1,2025-11-01,\n")
        p = run("report", "--measures", os.path.join(d, "measures.csv"), "--workers", hired)
        self.assertIn("jbw: note: the reference date 2025-11-01 comes from worker 'W9999' "
                      "(hired 2025-11-01) only; if that is a planned date, give --date D "
                      "(the export's date)\n", p.stderr)

    def test_a_lone_latest_date_far_from_the_rest_is_noted(self):
        # the example's latest date is 2025-09-01 (its last contacts); a
        # last contact typed as 2026-06-11 makes that the reference date,
        # 283 days after every other date: a note names the one record
        d, path = export_with("lone-contact", "measures.csv", "last_contact",
                              "2026-06-11")
        with open(path, encoding="utf-8") as f:
            m_id = f.read().splitlines()[2].split(",")[0]  # row=2 of export_with
        workers = os.path.join(d, "workers.csv")
        p = run("report", "--format", "json", "--measures", path, "--workers", workers)
        self.assertIn(f"jbw: note: the reference date 2026-06-11 comes from measure "
                      f"'{m_id}' (last_contact 2026-06-11) alone; the next latest date "
                      f"in the files is 2025-09-01, 283 days earlier: if 2026-06-11 is "
                      f"wrong, correct it, or give --date D (the export's date)\n",
                      p.stderr)
        self.assertEqual(json.loads(p.stdout)["date"], "2026-06-11")  # unchanged
        # with --date the files' date is not used: no note
        p = run("report", "--date", "2025-09-01", "--measures", path, "--workers", workers)
        self.assertNotIn("alone", p.stderr)
        # 31 days after the rest (2025-10-02) is within a month: no note;
        # 32 days (2025-10-03) is not
        d, path = export_with("lone-contact-31", "measures.csv", "last_contact",
                              "2025-10-02")
        p = run("report", "--measures", path, "--workers", workers)
        self.assertNotIn("comes from", p.stderr)
        d, path = export_with("lone-contact-32", "measures.csv", "last_contact",
                              "2025-10-03")
        p = run("report", "--measures", path, "--workers", workers)
        self.assertIn("(last_contact 2025-10-03) alone; the next latest date in the "
                      "files is 2025-09-01, 32 days earlier", p.stderr)
        # two records on that day: not one record's typo, no note
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        k = lines[0].split(",").index("last_contact")
        fields = lines[3].split(",")
        fields[k] = "2025-10-03"
        lines[3] = ",".join(fields)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        p = run("report", "--measures", path, "--workers", workers)
        self.assertNotIn("comes from", p.stderr)

    def test_jr_child_under_12_at_start_is_an_input_error(self):
        # Jeugdreclassering applies from 12: a JR row whose child is born
        # on the start day (0 years old then) is refused, line named.
        d = os.path.join(cli.WORK, "jr-under-12")
        shutil.rmtree(d, ignore_errors=True)
        run("export", "--dir", d)
        path = os.path.join(d, "measures.csv")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        cols = lines[0].split(",")
        n = next(i for i, l in enumerate(lines)
                 if l.split(",")[cols.index("kind")].startswith("JR_"))
        bad = lines[n].split(",")
        bad[cols.index("birth_date")] = bad[cols.index("start")]
        lines[n] = ",".join(bad)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        inputs = ["--measures", path, "--workers", os.path.join(d, "workers.csv")]
        strict = run("report", *inputs, check_rc=1)
        self.assertIn(f"line {n + 1}", strict.stderr)
        self.assertIn("applies from 12", strict.stderr)
        lenient = run("report", "--lenient", *inputs)
        self.assertIn(f"line {n + 1}", lenient.stderr)
        self.assertIn("applies from 12", lenient.stderr)


class DashArgument(unittest.TestCase):
    def run_in(self, cwd, *args):
        return run(*args, check_rc=None, cwd=cwd)

    def test_export_dir_dash_is_refused_and_writes_nothing(self):
        d = os.path.join(cli.WORK, "dash")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        p = self.run_in(d, "export", "--dir", "-")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("'-'", p.stderr)
        self.assertEqual(os.listdir(d), [])

    def test_svg_dash_is_refused_and_writes_nothing(self):
        d = os.path.join(cli.WORK, "dash-svg")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        p = self.run_in(d, "forecast", "--months", "2", "--svg", "-")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(os.listdir(d), [])

    def test_dot_slash_dash_is_a_directory_named_dash(self):
        d = os.path.join(cli.WORK, "dash-dir")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        p = self.run_in(d, "export", "--dir", "./-")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(os.path.isfile(os.path.join(d, "-", "measures.csv")))


class PolicyReport(unittest.TestCase):
    """The default text report is for a policy officer."""

    def test_data_quality_findings_of_the_example(self):
        # The example's one finding: M03852, a VOTS of JB west in ZHZ from
        # 2025-05-28 that ended on 2025-09-01 (jbw export), so it ran on
        # 2025-08-28, 3 months after its start (at most 3 months, BW
        # 1:257). Its ages keep JB children under 18 and JR children under
        # 23 (docs/example.md), so the age rules find nothing. Only
        # workers still employed carry running measures, a child has one
        # birth date on all its measures, and every child is born by the
        # date (birth = date - age; lib/data/example.c: add_cell,
        # base_measure), so the three later rules find nothing.
        doc = json.loads(run("report", "--format", "json").stdout)
        self.assertEqual(doc["finding_counts"], {
            "jr_over_22": 0, "jb_after_18": 0, "vots_over_3_months": 1,
            "worker_not_employed": 0, "child_birth_dates_differ": 0,
            "unborn_placed": 0})
        self.assertEqual([(f["rule"], f["measure"], f["since"], f["last"])
                          for f in doc["findings"]],
                         [("vots_over_3_months", "M03852", "2025-08-28",
                           "2025-08-31")])
        out = run("report").stdout
        self.assertIn("\nDatakwaliteit (", out)
        self.assertIn("  VOTS langer dan 3 maanden: M03852\n", out)

    def test_norm_by_name_or_file(self):
        # the library's named norms (docs/norms.md): unit and caseload
        for name, unit, per in (("fnv-gi-2023", "measure", 12),
                                ("significant-children", "child", 12),
                                ("significant-families", "family", 8.5)):
            doc = json.loads(run("report", "--format", "json", "--norm", name).stdout)
            self.assertEqual((doc["norm"]["unit"], doc["norm"]["caseload_per_fte"]),
                             (unit, per), name)
        # a name that is neither: bad usage, the names listed
        p = run("report", "--norm", "significant", check_rc=2)
        for name in ("fnv-gi-2023", "significant-children", "significant-families"):
            self.assertIn(name, p.stderr)
        # a path that does not exist stays a missing input file
        run("report", "--norm", os.path.join(cli.WORK, "no-such.norm"), check_rc=1)
        # a file still works
        path = cli.work_file(
            "ten.norm",
            "name = Tien\nunit = measure\ncaseload_per_fte = 10\n")
        doc = json.loads(run("report", "--format", "json", "--norm", path).stdout)
        self.assertEqual(doc["norm"]["caseload_per_fte"], 10)

    def test_the_norm_line_names_the_norms_unit(self):
        # each named norm in its unit (docs/norms.md): 12 measures, 12
        # children, 8.5 families per FTE
        for name, nl, en in (
                ("fnv-gi-2023", "Norm: FNV-GI 2023, 12 maatregelen per fte",
                 "Norm: FNV-GI 2023, 12 measures per FTE"),
                ("significant-children",
                 "Norm: Significant (kinderen), 12 kinderen per fte",
                 "Norm: Significant children, 12 children per FTE"),
                ("significant-families",
                 "Norm: Significant (gezinnen), 8,5 gezinnen per fte",
                 "Norm: Significant families, 8.5 families per FTE")):
            with self.subTest(name):
                self.assertIn(nl, run("report", "--norm", name).stdout)
                self.assertIn(en, run("report", "--norm", name,
                                      "--lang", "en").stdout)
        # a user's norm that borrows a built-in name with another unit
        # keeps its name as given: it is not that norm
        path = cli.work_file("borrowed.norm", "name = Significant children\n"
                             "unit = measure\ncaseload_per_fte = 20\n")
        self.assertIn("Norm: Significant children, 20 maatregelen per fte",
                      run("report", "--norm", path).stdout)

    def test_waiting_for_suitable_help_of_the_example(self):
        # Counted again from `jbw export`'s measures.csv by the definition
        # (docs/norms.md): active on 2025-09-01, help_requested on or
        # before it, help_started none or later; past the norm when
        # help_requested + 3 months < 2025-09-01. 127 and 38 in all; JB
        # west 104 and 34; Zuid-Holland Zuid 28 and 9.
        doc = json.loads(run("report", "--format", "json").stdout)
        t = doc["totals"]
        self.assertEqual((t["waiting_for_help"], t["waiting_for_help_past_norm"]),
                         (127, 38))
        org = {g["key"]: g for g in doc["by_organisation"]}["JBWEST"]
        self.assertEqual((org["waiting_for_help"], org["waiting_for_help_past_norm"]),
                         (104, 34))
        zhz = {g["key"]: g for g in doc["by_region"]}["ZHZ"]
        self.assertEqual((zhz["waiting_for_help"], zhz["waiting_for_help_past_norm"]),
                         (28, 9))
        self.assertIn("Wachten op passende hulp", run("report").stdout)

    def test_fits_two_screens_with_totals_groups_and_kinds(self):
        out = run("report").stdout
        lines = out.splitlines()
        self.assertLessEqual(len(lines), 150)
        for heading in ("Totaal", "Per organisatie", "Per regio",
                        "Actieve maatregelen per soort"):
            self.assertTrue(any(l.startswith(heading) for l in lines), heading)
        # Dutch words a reader knows, no "coupling"
        self.assertIn("Koppeling binnen 5 werkdagen", out)
        self.assertNotIn("oupling", out)
        # units on every column of the group tables
        headers = [l for l in lines if l.strip().startswith("GI ")]
        for header in headers:
            self.assertTrue(all(c.endswith(")") for c in header.split("  ")[2:]
                                if c.strip()), header)
        for unit in ("(maatr.)", "(fte)", "(%)", "(pers.)"):
            self.assertIn(unit, " ".join(headers))
        # fits a terminal of 100 columns
        self.assertLessEqual(max(len(l) for l in lines), 100)
        # no per-worker table unless asked
        self.assertNotIn("W0001", out)

    def test_workers_table_on_request_with_top(self):
        out = run("report", "--workers-table", "--top", "5").stdout
        self.assertIn("diensttijd (maanden)", out)
        rows = [l for l in out.splitlines() if l.strip().startswith("W0")]
        self.assertEqual(len(rows), 5)
        # highest load ratio first
        ratios = [float(r.split()[8].replace(",", ".")) for r in rows]
        self.assertEqual(ratios, sorted(ratios, reverse=True))
        # --top belongs to the workers table
        run("report", "--top", "5", check_rc=2)
        every = run("report", "--workers-table").stdout
        # the example: 412 workers employed on the date (report totals)
        self.assertEqual(len([l for l in every.splitlines()
                              if l.strip().startswith("W0")]), 412)

    def test_english_and_the_complete_tables(self):
        out = run("report", "--lang", "en").stdout
        self.assertIn("Caseload report on 2025-09-01", out)
        self.assertIn("12 measures per FTE", out)
        full = run("report", "--format", "table").stdout
        self.assertIn("Workers employed on the date", full)
        # the example's one finding (M03852, a VOTS past 3 months, see
        # test_data_quality_findings_of_the_example) ends the tables
        self.assertTrue(full.endswith(
            "\n  M03852   vots_over_3_months  2025-08-28  2025-08-31\n"),
            full[-300:])
        run("triage", "--format", "table", check_rc=2)


class SyntheticNotice(unittest.TestCase):
    """Every output made from the embedded example says it is synthetic,
    in the output itself (the library's writers carry the notice)."""

    def notice(self):
        return run("report", "--format", "json").stdout and \
            json.loads(run("report", "--format", "json").stdout)["data_notice"]

    def test_every_command_and_format(self):
        import csv
        import io
        notice = self.notice()
        self.assertIn("SYNTHETIC", notice)
        for cmd in (("report",), ("triage",), ("allocate",),
                    ("forecast", "--months", "3"),
                    ("staffing", "--within-workdays", "5", "--percent", "90"),
                    ("staffing", "--target", "50", "--months", "12"),
                    ("calibrate",),
                    ("backtest", "--from", "2025-03-01", "--months", "3")):
            with self.subTest(" ".join(cmd)):
                text = run(*cmd).stdout
                self.assertEqual(text.splitlines()[0], notice)
                doc = json.loads(run(*cmd, "--format", "json").stdout)
                self.assertEqual(list(doc)[0], "data_notice")
                self.assertEqual(doc["data_notice"], notice)
                p = run(*cmd, "--format", "csv")
                rows = list(csv.reader(io.StringIO(p.stdout)))
                self.assertEqual(rows[0][-1], "data_notice")
                for row in rows[1:]:
                    self.assertEqual(len(row), len(rows[0]))  # still valid CSV
                    self.assertEqual(row[-1], notice)

    def test_svg_chart_says_synthetic(self):
        import xml.etree.ElementTree as ET
        svg = os.path.join(cli.WORK, "notice.svg")
        for cmd in (("forecast", "--months", "3"),
                    ("backtest", "--from", "2025-03-01", "--months", "3")):
            with self.subTest(cmd[0]):
                run(*cmd, "--svg", svg)
                texts = [t.text for t in ET.parse(svg).getroot().iter()
                         if t.tag.endswith("text")]
                self.assertIn(self.notice(), texts)

    def test_svg_chart_notice_is_in_the_output_language(self):
        # councils read the charts in Dutch (--lang nl, the default): the
        # fixed English line stays and the brief's Dutch line comes under
        # it; --lang en has the English line only
        import xml.etree.ElementTree as ET
        dutch = ("Synthetische voorbeeldgegevens: geen echte kinderen, "
                 "medewerkers of organisaties.")
        svg = os.path.join(cli.WORK, "notice-lang.svg")
        for cmd in (("report",), ("report", "--chart", "spread"),
                    ("triage",), ("forecast", "--months", "3"),
                    ("backtest", "--from", "2025-03-01", "--months", "3")):
            for lang in ("nl", "en"):
                with self.subTest(cmd=cmd, lang=lang):
                    run(*cmd, "--lang", lang, "--svg", svg)
                    texts = [t.text for t in ET.parse(svg).getroot().iter()
                             if t.tag.endswith("text")]
                    self.assertIn(self.notice(), texts)
                    if lang == "nl":
                        self.assertIn(dutch, texts)
                    else:
                        self.assertFalse(any("Synthetische" in (t or "")
                                             for t in texts))

    def test_export_writes_a_notice_file_beside_the_csv(self):
        d = os.path.join(cli.WORK, "export-notice")
        shutil.rmtree(d, ignore_errors=True)
        run("export", "--dir", d)
        with open(os.path.join(d, "data_notice"), encoding="utf-8") as f:
            self.assertEqual(f.read(), self.notice() + "\n")  # one line
        # without the notice file, the data are the user's: no notice
        os.remove(os.path.join(d, "data_notice"))
        inputs = ("--measures", os.path.join(d, "measures.csv"),
                  "--workers", os.path.join(d, "workers.csv"))
        p = run("report", "--format", "json", *inputs)
        self.assertNotIn("data_notice", json.loads(p.stdout))
        self.assertNotIn("SYNTHETIC", p.stdout)
        self.assertNotIn("data_notice", run("report", "--format", "csv", *inputs).stdout)
        self.assertTrue(run("report", *inputs).stdout.startswith("Caseloadrapport"))

    def test_an_export_that_fails_part_way_has_written_its_notice(self):
        # measures.csv cannot be written (a folder of that name): the
        # export fails (1), and the notice, written first, is there
        d = os.path.join(cli.WORK, "export-fails")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(os.path.join(d, "measures.csv"))
        run("export", "--dir", d, check_rc=1)
        with open(os.path.join(d, "data_notice"), encoding="utf-8") as f:
            self.assertEqual(f.read(), self.notice() + "\n")
        self.assertFalse(os.path.exists(os.path.join(d, "workers.csv")))

    def export_with_notice(self, name, notice=None):
        """Exports the example into WORK/name; `notice` (not None)
        replaces the text of its data_notice file. Returns the folder and
        the --measures/--workers arguments."""
        d = os.path.join(cli.WORK, name)
        shutil.rmtree(d, ignore_errors=True)
        run("export", "--dir", d)
        if notice is not None:
            with open(os.path.join(d, "data_notice"), "w", encoding="utf-8") as f:
                f.write(notice + "\n")
        return d, ["--measures", os.path.join(d, "measures.csv"),
                   "--workers", os.path.join(d, "workers.csv")]

    def assert_carries(self, args, notice):
        """The text output of `jbw args` opens with `notice`, its JSON
        has it as the first key and its CSV as the last column of every
        row."""
        import csv
        import io
        self.assertEqual(run(*args).stdout.splitlines()[0], notice)
        doc = json.loads(run(*args, "--format", "json").stdout)
        self.assertEqual(list(doc)[0], "data_notice")
        self.assertEqual(doc["data_notice"], notice)
        rows = list(csv.reader(io.StringIO(run(*args, "--format", "csv").stdout)))
        self.assertEqual(rows[0][-1], "data_notice")
        for row in rows[1:]:
            self.assertEqual(len(row), len(rows[0]))
            self.assertEqual(row[-1], notice)

    def test_an_export_loaded_back_keeps_its_notice(self):
        d, inputs = self.export_with_notice("export-back")
        notice = self.notice()
        for cmd in (("report",), ("triage",), ("allocate",),
                    ("forecast", "--months", "3"),
                    ("staffing", "--target", "50", "--months", "12"),
                    ("calibrate",),
                    ("backtest", "--from", "2025-03-01", "--months", "3")):
            with self.subTest(" ".join(cmd)):
                self.assert_carries([*cmd, *inputs], notice)
        html = run("brief", *inputs).stdout
        self.assertIn(notice, html)
        # an export of the loaded export still has the file
        again = os.path.join(cli.WORK, "export-again")
        shutil.rmtree(again, ignore_errors=True)
        run("export", "--dir", again, *inputs)
        with open(os.path.join(again, "data_notice"), encoding="utf-8") as f:
            self.assertEqual(f.read(), notice + "\n")

    def test_a_history_of_exports_keeps_their_notice(self):
        d, _ = self.export_with_notice("export-hist-src")
        hist = os.path.join(cli.WORK, "history-notice")
        shutil.rmtree(hist, ignore_errors=True)
        shutil.copytree(d, os.path.join(hist, "2025-09-01"))
        notice = self.notice()
        self.assert_carries(["series", "--history", hist], notice)
        self.assertIn(notice, run("brief", "--history", hist).stdout)
        os.remove(os.path.join(hist, "2025-09-01", "data_notice"))
        self.assertNotIn("data_notice",
                         json.loads(run("series", "--history", hist,
                                        "--format", "json").stdout))

    def test_a_notice_with_csv_json_and_xml_specials_is_escaped(self):
        import csv
        import io
        import xml.etree.ElementTree as ET
        notice = 'Fictief, "test" <a> & b'
        d, inputs = self.export_with_notice("export-odd", notice)
        self.assert_carries(["report", *inputs], notice)
        # the raw CSV line ends with the field quoted, its quotes doubled
        line = run("report", "--format", "csv", *inputs).stdout.splitlines()[1]
        self.assertTrue(line.endswith(',"Fictief, ""test"" <a> & b"'), line)
        svg = os.path.join(d, "odd.svg")
        run("report", "--svg", svg, *inputs)
        texts = [t.text for t in ET.parse(svg).getroot().iter()
                 if t.tag.endswith("text")]
        self.assertIn(notice, texts)

    def test_an_export_of_real_data_removes_an_earlier_notice(self):
        d, inputs = self.export_with_notice("export-real-src")
        os.remove(os.path.join(d, "data_notice"))  # now the user's own data
        target, _ = self.export_with_notice("export-real")  # has a notice
        run("export", "--dir", target, *inputs)
        self.assertEqual(sorted(os.listdir(target)),
                         ["measures.csv", "registry.csv", "workers.csv"])

    def test_a_notice_file_that_cannot_be_carried_is_an_input_error(self):
        for name, text, reason in (
                ("tab", "a\tb", "control character (byte 2)"),
                ("empty", "", "is empty"),
                ("long", "n" * 401, "longer than 400 bytes (401)")):
            with self.subTest(name):
                d, inputs = self.export_with_notice("export-bad-" + name, text)
                p = run("report", *inputs, check_rc=1)
                self.assertIn(os.path.join(d, "data_notice"), p.stderr)
                self.assertIn(reason, p.stderr)
                self.assertEqual(p.stdout, "")
        d, inputs = self.export_with_notice("export-bad-bytes")
        with open(os.path.join(d, "data_notice"), "wb") as f:
            f.write(b"caf\xe9\n")  # Latin-1, not UTF-8
        p = run("report", *inputs, check_rc=1)
        self.assertIn("not valid UTF-8 (byte 4)", p.stderr)
        hist = os.path.join(cli.WORK, "history-bad-notice")
        shutil.rmtree(hist, ignore_errors=True)
        shutil.copytree(d, os.path.join(hist, "2025-09-01"))
        p = run("series", "--history", hist, check_rc=1)
        self.assertIn(os.path.join(hist, "2025-09-01", "data_notice"), p.stderr)


class HostileInput(unittest.TestCase):
    """Inputs that never end or are past the readers' limits fail fast,
    with exit 1 and a message that says why."""

    def workers(self):
        return cli.work_file("hostile-workers.csv",
                             "id,organisation,fte,hired\nW1,JBWEST,1,2020-03-01\n")

    def test_dev_zero_fails_at_its_first_byte(self):
        for opt in ("--measures", "--workers"):
            args = {"--measures": os.path.join(cli.WORK, "none.csv"),
                    "--workers": self.workers()}
            args[opt] = "/dev/zero"
            if opt == "--workers":
                args["--measures"] = self.workers()  # read after workers
            p = run("report", "--measures", args["--measures"],
                    "--workers", args["--workers"], check_rc=None, timeout=20)
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertIn("/dev/zero line 1", p.stderr)
            self.assertIn("NUL byte", p.stderr)

    def test_registry_dev_zero_fails_at_its_first_byte(self):
        p = run("report", "--measures", self.workers(), "--workers",
                self.workers(), "--registry", "/dev/zero", check_rc=None,
                timeout=20)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("NUL byte", p.stderr)

    def test_endless_fifo_stops_at_the_file_limit(self):
        fifo = os.path.join(cli.WORK, "endless.fifo")
        if os.path.exists(fifo):
            os.remove(fifo)
        os.mkfifo(fifo)
        row = b"M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n" * 1000

        def writer():
            try:
                with open(fifo, "wb") as f:
                    f.write(b"id,child_id,kind,organisation,region,start\n")
                    while True:
                        f.write(row)
            except (BrokenPipeError, OSError):
                pass

        t = threading.Thread(target=writer, daemon=True)
        t.start()
        p = run("report", "--max-file-bytes", "1000000", "--measures", fifo,
                "--workers", self.workers(), check_rc=None, timeout=30)
        t.join(10)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("1000000", p.stderr)
        self.assertIn("endless.fifo", p.stderr)

    def test_max_line_bytes_names_the_line(self):
        path = cli.work_file(
            "longline.csv",
            "id,child_id,kind,organisation,region,start\n"
            "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n"
            "M2,C" + "2" * 200 + ",OTS,JBWEST,ZHZ,2025-01-10\n")
        p = run("report", "--max-line-bytes", "100", "--measures", path,
                "--workers", self.workers(), check_rc=1)
        self.assertIn("line 3", p.stderr)
        self.assertIn("100", p.stderr)
        run("report", "--max-line-bytes", "300", "--measures", path,
            "--workers", self.workers())

    def test_limit_options_need_a_byte_count(self):
        for bad in ("0", "-1", "abc", "1e6", ""):
            run("report", "--max-file-bytes", bad, check_rc=2)
            run("report", "--max-line-bytes", bad, check_rc=2)

    def test_lenient_load_that_rejects_every_row_exits_1(self):
        path = cli.work_file(
            "allbad.csv",
            "id,child_id,kind,organisation,region,start\n"
            "M1,C1,XYZ,JBWEST,ZHZ,2025-01-10\n"
            "M2,C2,OTS,JBWEST,ZHZ,31-02-2025\n")
        p = run("report", "--lenient", "--measures", path,
                "--workers", self.workers(), check_rc=1)
        self.assertIn("no row", p.stderr)
        self.assertIn("line 2", p.stderr)  # every reject is listed
        self.assertIn("line 3", p.stderr)
        self.assertEqual(p.stdout, "")


class LoadMessages(unittest.TestCase):
    """What jbw says when rows of the files are refused: every problem
    within reach, and when nothing is left to report on, why."""

    MEASURES = ("id,child_id,kind,organisation,region,start,worker_id\n"
                "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,W1\n"
                "M2,C2,OTS,JBWEST,ZHZ,2025-02-10,\n")

    def test_lenient_load_that_rejects_every_worker_exits_1(self):
        # a ','-file with a decimal comma in quotes: both worker rows are
        # rejected; M2 (no worker) would load, M1 goes with W1, and a run
        # with 0 workers would count no capacity and no assigned measure
        workers = cli.work_file("comma-fte-workers.csv",
                                "id,organisation,fte,hired\n"
                                'W1,JBWEST,"0,8",2020-03-01\n'
                                'W2,JBWEST,"1,0",2021-03-01\n')
        measures = cli.work_file("comma-fte-measures.csv", self.MEASURES)
        p = run("report", "--lenient", "--measures", measures, "--workers",
                workers, check_rc=1)
        self.assertEqual(p.stdout, "")
        # the rows are listed (2 workers, M1), then the file, the count
        # (the 2 worker rows) and the first reason
        self.assertIn(f"jbw: rejected: {workers} line 3, column 'fte'", p.stderr)
        self.assertIn("jbw: 3 row(s) rejected and left out\n", p.stderr)
        self.assertTrue(p.stderr.endswith(
            f"jbw: no row of {workers} could be loaded: every row was rejected "
            f"(2 row(s); the first: {workers} line 2, column 'fte': not a number "
            f"(a decimal comma is read only in files delimited by ';'): '0,8')\n"),
            p.stderr)
        # one good worker row is enough to go on
        with open(workers, "a", encoding="utf-8") as f:
            f.write("W3,JBWEST,1,2022-03-01\n")
        p = run("report", "--lenient", "--measures", measures, "--workers", workers)
        self.assertNotIn("no row", p.stderr)

    def test_strict_load_failing_on_a_row_names_lenient(self):
        hint = ("jbw: --lenient loads the other rows and lists every row it "
                "leaves out\n")
        workers = cli.work_file("strict-hint-workers.csv",
                                "id,organisation,fte,hired\n"
                                "W1,JBWEST,1,2020-03-01\n")
        # values that do not parse (a kind) and records the snapshot
        # refuses (an organisation not in the registry), on lines 3 and
        # 4: the first error, then the hint, once
        for bad in (("M2,C2,XYZ,JBWEST,ZHZ,2025-02-10,\n",
                     "M3,C3,ABC,JBWEST,ZHZ,2025-02-10,\n"),
                    ("M2,C2,OTS,Jeugdbescherming west,ZHZ,2025-02-10,\n",
                     "M3,C3,OTS,XX,ZHZ,2025-02-10,\n")):
            measures = cli.work_file("strict-hint-measures.csv",
                                     self.MEASURES.splitlines(True)[0]
                                     + "M1,C1,OTS,JBWEST,ZHZ,2025-01-10,W1\n"
                                     + "".join(bad))
            p = run("report", "--measures", measures, "--workers", workers, check_rc=1)
            self.assertIn(f"{measures} line 3", p.stderr)
            self.assertTrue(p.stderr.endswith(hint), p.stderr)
            self.assertEqual(p.stderr.count(hint), 1)
            self.assertNotIn("line 4", p.stderr)  # strict: the first only
            # lenient: every row it leaves out, and no hint
            p = run("report", "--lenient", "--measures", measures, "--workers", workers)
            self.assertIn(f"{measures} line 3", p.stderr)
            self.assertIn(f"{measures} line 4", p.stderr)
            self.assertNotIn("--lenient loads", p.stderr)
        # the file's problems, not a row's: no hint
        p = run("report", "--measures", os.path.join(cli.WORK, "none.csv"),
                "--workers", workers, check_rc=1)
        self.assertNotIn("--lenient", p.stderr)
        unknown = cli.work_file("strict-hint-unknown.csv",
                                "id,child_id,kind,organisation,region,start,team\n"
                                "M1,C1,XYZ,JBWEST,ZHZ,2025-01-10,t\n")
        p = run("report", "--measures", unknown, "--workers", workers, check_rc=1)
        self.assertIn("unknown column 'team'", p.stderr)
        self.assertNotIn("--lenient", p.stderr)

    def test_lenient_load_without_a_date_says_the_rows_were_rejected(self):
        # every date in a form jbw does not read: every row is rejected,
        # so the files hold no date; the rows are listed as with --date,
        # and the message says they were rejected, not only "give --date"
        workers = cli.work_file("slash-workers.csv",
                                "id,organisation,fte,hired\n"
                                "W1,JBWEST,1,2019/09/10\n")
        measures = cli.work_file("slash-measures.csv",
                                 "id,child_id,kind,organisation,region,start\n"
                                 "M1,C1,OTS,JBWEST,ZHZ,2025/01/10\n"
                                 "M2,C2,OTS,JBWEST,ZHZ,2025/02/10\n")
        inputs = ("--measures", measures, "--workers", workers)
        first = (f"{workers} line 2, column 'hired': not a date (expected "
                 f"YYYY-MM-DD, D-M-YYYY or DD-MM-YYYY): '2019/09/10'")
        p = run("report", "--lenient", *inputs, check_rc=1)
        self.assertEqual(p.stdout, "")
        lines = p.stderr.splitlines()
        self.assertEqual(lines[0], f"jbw: rejected: {first}")
        self.assertIn(f"jbw: rejected: {measures} line 3, column 'start'", lines[2])
        self.assertEqual(lines[3], "jbw: 3 row(s) rejected and left out")
        self.assertEqual(lines[4], "jbw: the files hold no date to take the "
                                   "reference date from: every row was rejected "
                                   f"(3 row(s); the first: {first})")
        self.assertEqual(len(lines), 5)
        # with --date the same rows are listed
        p = run("report", "--lenient", "--date", "2025-09-01", *inputs, check_rc=1)
        self.assertEqual(p.stderr.splitlines()[:4], lines[:4])
        # files of headers only are still of --date
        p = run("report", "--lenient", "--measures",
                cli.work_file("slash-empty-m.csv", "id,child_id,kind,organisation,region,start\n"),
                "--workers", cli.work_file("slash-empty-w.csv", "id,organisation,fte,hired\n"),
                check_rc=1)
        self.assertEqual(p.stderr, "jbw: give --date D: the files hold no date to "
                                   "take the reference date from\n")


class LoadThreads(unittest.TestCase):
    """--threads applies to loading (docs/cli.md, "Threads"): a measures
    file over 256 KiB (JBW_LOAD_THREADS_MIN_BYTES) is parsed on a second
    thread unless --threads 1, with the same output, rejects and errors."""

    def files(self, name, bad):
        """8,000 rows of about 45 bytes (some 360 KB); row k on line
        k + 1, replaced by bad[k] where given."""
        rows = ["id,child_id,kind,organisation,region,start,worker_id"]
        for k in range(1, 8001):
            rows.append(bad.get(k, f"M{k},C{k},OTS,JBWEST,ZHZ,"
                                   f"2025-01-{1 + k % 28:02d},W1"))
        measures = cli.work_file(name, "\n".join(rows) + "\n")
        workers = cli.work_file("threads-workers.csv",
                                "id,organisation,region,fte,hired\n"
                                "W1,JBWEST,ZHZ,1,2020-03-01\n")
        self.assertGreater(os.path.getsize(measures), 262144)
        return measures, workers

    def test_one_and_two_threads_report_the_same(self):
        m, w = self.files("threads-good.csv", {})
        args = ("report", "--format", "json", "--measures", m, "--workers", w)
        one = run(*args, "--threads", "1").stdout
        self.assertEqual(one, run(*args, "--threads", "2").stdout)
        self.assertEqual(one, run(*args).stdout)
        # no row ends: all 8,000 are active on the latest start
        self.assertEqual(json.loads(one)["totals"]["active_measures"], 8000)

    def test_rejects_and_errors_are_the_same(self):
        bad = {100: "M100,C100,XYZ,JBWEST,ZHZ,2025-01-03,W1",
               5000: "M5000,C5000,OTS,JBWEST,ZHZ,2025-02-30,W1",
               7999: "M1,C7999,OTS,JBWEST,ZHZ,2025-01-03,W1"}
        m, w = self.files("threads-bad.csv", bad)
        for mode in (("--lenient",), ()):
            args = ("report", *mode, "--measures", m, "--workers", w)
            one = run(*args, "--threads", "1", check_rc=None)
            two = run(*args, "--threads", "2", check_rc=None)
            self.assertEqual((one.returncode, one.stdout, one.stderr),
                             (two.returncode, two.stdout, two.stderr))
        # strict: the first bad row, line 101; lenient: lines 101, 5001
        # and 8000 (M1 again) are left out
        self.assertEqual(one.returncode, 1)
        self.assertIn("line 101", one.stderr)


class Triage(unittest.TestCase):
    def test_triage_json_has_model_and_ranked_cases(self):
        doc = json.loads(run("triage", "--format", "json", "--top", "5").stdout)
        self.assertEqual(doc["model"]["name"], "jbw-wachtrisico")
        self.assertEqual(doc["model"]["version"], 2)  # the default since 0.2
        self.assertEqual(len(doc["cases"]), 5)
        self.assertEqual([c["rank"] for c in doc["cases"]], [1, 2, 3, 4, 5])
        for c in doc["cases"]:
            self.assertLessEqual({"id", "rank", "band", "points",
                                  "workdays_waiting", "next_contact_due",
                                  "items"}, set(c))
            self.assertEqual(c["points"], sum(i["points"] for i in c["items"]))
            for i in c["items"]:
                self.assertTrue(i["reason"])
        bands = ["acuut", "hoog", "midden", "laag"]
        order = [(bands.index(c["band"]), -c["points"]) for c in doc["cases"]]
        self.assertEqual(order, sorted(order))

    def test_triage_refuses_a_protected_attribute_model(self):
        path = cli.work_file(
            "bad-model.txt",
            "name = test\nversion = 2\npoints.nationality = 10\n")
        p = run("triage", "--model", path, check_rc=1)
        self.assertIn("nationality", p.stderr)

    def test_model_version_selects_the_model(self):
        for v in ("1", "2"):
            doc = json.loads(run("triage", "--format", "json", "--top", "1",
                                 "--model-version", v).stdout)
            self.assertEqual(doc["model"], {"name": "jbw-wachtrisico",
                                            "version": int(v)})
        doc = json.loads(run("allocate", "--format", "json",
                             "--model-version", "1").stdout)
        self.assertEqual(doc["model"]["version"], 1)
        self.assertNotIn("proposal", doc)  # the 0.1.0 form of version 1

    def test_model_version_outside_1_2_is_usage_error(self):
        p = run("triage", "--model-version", "3", check_rc=2)
        self.assertIn("--model-version", p.stderr)

    def test_model_and_model_version_exclude_each_other(self):
        path = cli.work_file(
            "own-model.txt",
            "name = eigen\nversion = 1\nbase_version = 2\n")
        run("triage", "--model", path, "--model-version", "1", check_rc=2)
        doc = json.loads(run("triage", "--format", "json", "--top", "1",
                             "--model", path).stdout)
        self.assertEqual(doc["model"], {"name": "eigen", "version": 1,
                                        "base_version": 2})

    def test_allocation_says_it_is_a_proposal_and_who_decides(self):
        doc = json.loads(run("allocate", "--format", "json").stdout)
        self.assertTrue(doc["proposal"]["records_nothing"])
        self.assertIn("toewijzingsoverleg", doc["proposal"]["decided_by"])
        text = run("allocate", "--lang", "en").stdout
        self.assertIn("records nothing", text)
        self.assertIn("Who decides", text)
        # in Dutch (the default) for the team lead and the toewijzingsoverleg
        text = run("allocate").stdout
        self.assertIn("Een voorstel: het legt niets vast", text)
        self.assertIn("Wie beslist: de teamleider en het toewijzingsoverleg",
                      text)

    def test_allocate_lists_every_waiting_case_once(self):
        triage = json.loads(run("triage", "--format", "json").stdout)
        alloc = json.loads(run("allocate", "--format", "json").stdout)
        ids = [a["id"] for a in alloc["assignments"]] + \
              [u["id"] for u in alloc["unassigned"]]
        self.assertEqual(sorted(ids), sorted(c["id"] for c in triage["cases"]))


class Model(unittest.TestCase):
    def test_model_prints_the_model_file(self):
        p = run("model")
        self.assertIn("name = jbw-wachtrisico\nversion = 2\nbase_version = 2\n",
                      p.stdout)
        self.assertNotIn("base_version", run("model", "--model-version", "1").stdout)

    def test_register_json_has_the_standard_fields(self):
        doc = json.loads(run("model", "--register", "--format", "json").stdout)
        self.assertEqual(doc["standard"]["version"], "1.0.10")
        self.assertEqual(doc["model"], {"name": "jbw-wachtrisico", "version": 2})
        fields = {f["key"]: f for f in doc["fields"]}
        for key in ("naam", "korte_omschrijving", "organisatie",
                    "doel_en_impact", "menselijke_tussenkomst", "risicobeheer",
                    "wettelijke_basis", "impacttoetsen", "gegevens",
                    "technische_werking", "leverancier", "link_naar_broncode"):
            self.assertIn(key, fields)
        # what only the organisation knows is left empty and marked
        for key in ("organisatie", "wettelijke_basis", "impacttoetsen"):
            self.assertEqual(fields[key]["fill_by"], "organisation")
            self.assertIsNone(fields[key]["value"])
        self.assertEqual(fields["naam"]["fill_by"], "model")
        self.assertIn("term_end", fields["technische_werking"]["value"])
        self.assertIn("override", fields["menselijke_tussenkomst"]["value"])

    def test_register_md_and_card(self):
        md = run("model", "--register", "--format", "md").stdout
        self.assertIn("## Menselijke tussenkomst", md)
        self.assertIn("In te vullen door de organisatie", md)
        card = run("model", "--card", "--model-version", "1").stdout
        self.assertIn("`jbw-wachtrisico` version 1", card)
        self.assertNotIn("term_end", card)

    def test_model_usage_errors(self):
        run("model", "--card", "--register", check_rc=2)
        run("model", "--format", "csv", check_rc=2)
        run("triage", "--format", "md", check_rc=2)
        p = run("model", "--top", "3", check_rc=2)
        self.assertIn("--top", p.stderr)


class Forecast(unittest.TestCase):
    def test_one_month_is_one_maand(self):
        # "1 maand", "1 month" in the text and the chart; "2 maanden"
        self.assertIn("Prognose, 1 maand, deterministisch", run("forecast", "--months", "1").stdout)
        self.assertIn("Forecast, 1 month, deterministic",
                      run("forecast", "--months", "1", "--lang", "en").stdout)
        self.assertIn("Prognose, 2 maanden, deterministisch",
                      run("forecast", "--months", "2").stdout)
        svg = os.path.join(cli.WORK, "forecast-1.svg")
        run("forecast", "--months", "1", "--svg", svg)
        with open(svg, encoding="utf-8") as f:
            chart = f.read()
        self.assertIn("Prognose over 1 maand vanaf", chart)
        self.assertIn("Na 1 maand:", chart)

    def scenario(self, text):
        return cli.work_file("scenario.txt", text)

    def test_same_seed_same_forecast(self):
        args = ("forecast", "--months", "6", "--replicates", "200", "--format", "json")
        a = run(*args, "--seed", "11").stdout
        b = run(*args, "--seed", "11").stdout
        c = run(*args, "--seed", "12").stdout
        self.assertEqual(a, b)
        self.assertNotEqual(a, c)

    def test_threads_give_the_same_forecast(self):
        # docs/forecast.md, "Threads": the figures do not depend on the
        # number of threads; the default is all cores.
        args = ("forecast", "--months", "6", "--replicates", "301",
                "--seed", "5", "--format", "json")
        one = run(*args, "--threads", "1").stdout
        self.assertEqual(one, run(*args, "--threads", "3").stdout)
        self.assertEqual(one, run(*args).stdout)
        # include/jbw/forecast.h: JBW_FORECAST_THREADS_MAX 256
        p = run(*args, "--threads", "257", check_rc=2)
        self.assertIn("256", p.stderr)

    def test_stochastic_band_holds_the_median(self):
        doc = json.loads(run("forecast", "--months", "6", "--replicates", "300",
                             "--format", "json").stdout)
        self.assertEqual(doc["replicates"], 300)
        for lo, mid, hi in zip(doc["p5"], doc["p50"], doc["p95"]):
            self.assertLessEqual(lo["waiting"], mid["waiting"])
            self.assertLessEqual(mid["waiting"], hi["waiting"])
        # Month 0 is the start state: no spread at all.
        self.assertEqual(doc["p5"][0]["waiting"], doc["p95"][0]["waiting"])

    def test_svg_chart_is_written_and_is_xml(self):
        import xml.etree.ElementTree as ET
        svg = os.path.join(cli.WORK, "chart.svg")
        if os.path.exists(svg):
            os.remove(svg)
        run("forecast", "--months", "6", "--replicates", "50", "--svg", svg)
        root = ET.parse(svg).getroot()
        self.assertTrue(root.tag.endswith("svg"))

    def test_scenario_error_names_the_line(self):
        path = self.scenario("months = 12\nturnover = 150%\n")
        p = run("forecast", "--scenario", path, check_rc=1)
        self.assertIn("line 2", p.stderr)

    def test_relief_hiring_grows_with_turnover(self):
        low = self.scenario("turnover = 5%\n")
        p1 = json.loads(run("staffing", "--scenario", low, "--target", "50",
                            "--months", "12", "--format", "json").stdout)
        high = self.scenario("turnover = 25%\n")
        p2 = json.loads(run("staffing", "--scenario", high, "--target", "50",
                            "--months", "12", "--format", "json").stdout)
        # More staff leaving can only raise the hiring needed.
        self.assertGreaterEqual(p2["hires_fte_per_month"], p1["hires_fte_per_month"])
        self.assertGreater(p2["hires_fte_per_month"], 0)

    def test_the_docs_75_fte_scenario_starts_where_the_docs_say(self):
        # docs/forecast.md, "Scenario files": the scenario block run with the
        # documented command starts from its own state, not the example's:
        # nieuw 60 + bestaand 99 = 159 waiting, 1500 assigned, 110 FTE of 36+
        # months (ramp 1) x 12 = capacity 1320, load 1500 measures x 1 unit.
        import re
        doc = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                           "docs", "forecast.md")
        with open(doc, encoding="utf-8") as f:
            text = f.read()
        at = text.index('**Example: the "75 FTE hired" scenario.**')
        block = re.search(r"```\n(.*?)```", text[at:], re.S).group(1)
        command = re.search(r"`(jbw forecast --scenario[^`]*)`",
                            text[at:].replace("\n", " ")).group(1)
        self.assertEqual(command, "jbw forecast --scenario jbwest.scenario "
                                  "--replicates 1000 --svg jbwest.svg")
        cli.work_file("jbwest.scenario", block)
        p = run(*command.split()[1:], cwd=cli.WORK)
        row = next(line.split() for line in p.stdout.splitlines()
                   if line.split()[:2] == ["2024-09-01", "0"])
        nieuw, bestaand, waiting, _, _, assigned, fte, _, capacity, load = row[2:]
        self.assertEqual((nieuw, bestaand, waiting), ("60,0", "99,0", "159,0"))
        self.assertEqual((assigned, fte, capacity, load),
                         ("1500,0", "110,0", "1320,0", "1500,0"))
        self.assertIn("start state from jbwest.scenario", p.stderr)
        self.assertTrue(os.path.exists(os.path.join(cli.WORK, "jbwest.svg")))
        # none of its figures is the example's: no synthetic notice on the
        # text or the chart (a scenario of rates only keeps it, below)
        self.assertNotIn("SYNTHETIC", p.stdout)
        with open(os.path.join(cli.WORK, "jbwest.svg"), encoding="utf-8") as f:
            self.assertNotIn("SYNTHETIC", f.read())
        # its VOTS surge acts: 40 OTS + 6 VOTS = 46 a month, and in months
        # 3 to 8 the VOTS half as much again: 40 + 9 = 49
        det = json.loads(run("forecast", "--scenario", "jbwest.scenario",
                             "--format", "json", cwd=cli.WORK).stdout)
        inflow = {m["month"]: m["inflow"] for m in det["mean"]}
        self.assertEqual((inflow[2], inflow[3], inflow[8], inflow[9]),
                         (46, 49, 49, 46))
        # the data's state is not silently mixed in: its options are refused
        run("forecast", "--scenario", "jbwest.scenario", "--organisation",
            "JBWEST", cwd=cli.WORK, check_rc=2)
        # a scenario of rates only is laid over the data's state, and says so
        rates = self.scenario("turnover = 10%\n")
        base = json.loads(run("forecast", "--months", "1", "--format", "json").stdout)
        p = run("forecast", "--months", "1", "--format", "json", "--scenario", rates)
        # month 0 of the example: 96 nieuw + 45 bestaand = 141 waiting
        self.assertEqual(json.loads(p.stdout)["mean"][0]["waiting"], 141)
        self.assertEqual(base["mean"][0]["waiting"], 141)
        self.assertIn("laid over the data's state on 2025-09-01", p.stderr)
        self.assertIn("SYNTHETIC example data", p.stdout)

    def test_queue_staffing_reaches_the_share(self):
        doc = json.loads(run("staffing", "--within-workdays", "5", "--percent",
                             "90", "--format", "json").stdout)
        self.assertGreaterEqual(doc["needed"]["share_within"], 0.90)
        # The slots must exceed the offered load for a stable queue.
        self.assertGreater(doc["needed"]["slots"], doc["offered_load"])

    def test_hiring_plan_cohort_carries_its_own_ramp(self):
        # A 75-FTE intake in month 1 at half a caseload for 3 months: the
        # effective FTE of month 1 gains 75 x 0.5 = 37.5 over the run
        # without it, the FTE 75; the staff in post are the same in both.
        plan = cli.work_file(
            "plan.csv",
            "month,fte,onboarding_months,onboarding_fraction\n1,75,3,0.5\n")
        args = ("forecast", "--months", "2", "--format", "json")
        without = json.loads(run(*args).stdout)["mean"][1]
        doc = json.loads(run(*args, "--hiring-plan", plan).stdout)
        self.assertAlmostEqual(doc["mean"][1]["effective_fte"],
                               without["effective_fte"] + 37.5, places=3)
        self.assertAlmostEqual(doc["mean"][1]["hires_fte"], 75, places=6)
        self.assertEqual(doc["assumptions"]["hiring_plan_cohorts"], 1)
        self.assertNotIn("hiring_plan_fte", json.loads(run(*args).stdout)["assumptions"])
        text = run("forecast", "--months", "2", "--lang", "en",
                   "--hiring-plan", plan).stdout
        self.assertIn("hiring plan 75.00 FTE in 1 cohort.", text)

    def test_a_bad_hiring_plan_names_line_and_column(self):
        plan = cli.work_file("bad_plan.csv", "month,fte\n1,5\n1,6\n")
        p = run("forecast", "--hiring-plan", plan, check_rc=1)
        self.assertIn("bad_plan.csv line 3, column 'month'", p.stderr)
        p = run("forecast", "--hiring-plan", os.path.join(cli.WORK, "none.csv"),
                check_rc=1)
        self.assertIn("none.csv", p.stderr)
        run("forecast", "--hiring-plan", check_rc=2)

    def test_staffing_needs_one_question(self):
        run("staffing", check_rc=2)
        run("staffing", "--target", "10", check_rc=2)  # no --months


class Calibrate(unittest.TestCase):
    def test_json_has_the_documented_keys_and_is_synthetic(self):
        doc = json.loads(run("calibrate", "--format", "json").stdout)
        self.assertIn("data_notice", doc)
        self.assertEqual(set(doc["window"]), {"from", "to", "months"})
        self.assertEqual(doc["window"]["months"], 12)
        kinds = [k["kind"] for k in doc["kinds"]]
        self.assertEqual(kinds[0], "OTS")
        for k in doc["kinds"]:
            for key in ("inflow_per_month", "exits", "exposure_months",
                        "mean_duration_months", "stock", "basis", "note"):
                self.assertIn(key, k)
            # a default is never silent; an estimate over 10 windows (120
            # months) is marked unreliable (docs/forecast.md)
            far = k["basis"] == "estimated" and k["mle_months"] > 120
            self.assertEqual(k["note"] is None, k["basis"] == "estimated" and not far)
            if far:
                self.assertTrue(k["note"].startswith("unreliable: over 10x the window"))
        # the example's OTS: few exits against a young stock
        ots = doc["kinds"][0]
        self.assertGreater(ots["mle_months"], 120)
        self.assertIn("unreliable", ots["note"])
        for key in ("turnover_annual", "hires_fte_per_month", "leavers_fte", "fte"):
            self.assertIn(key, doc["staff"])

    def test_scenario_out_feeds_the_forecast(self):
        path = os.path.join(cli.WORK, "calibrated.txt")
        run("calibrate", "--window-months", "6", "--scenario-out", path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("SYNTHETIC", text.splitlines()[0])
        # The notice once: the library's scenario text carries it already.
        self.assertEqual(text.count("SYNTHETIC"), 1)
        self.assertIn("(6 months)", text)
        run("forecast", "--months", "3", "--scenario", path)

    def test_scenario_out_leaves_out_an_unreliable_duration(self):
        # the rule: a duration whose estimate is unreliable (the example's
        # OTS, over 10 windows of 12 months) is written only as a comment,
        # stderr says so, and a forecast with the file keeps its own.
        path = os.path.join(cli.WORK, "calibrated12.txt")
        p = run("calibrate", "--scenario-out", path)
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        self.assertIn("# duration.OTS = ", "\n".join(lines))
        self.assertFalse(any(line.startswith("duration.OTS") for line in lines))
        self.assertTrue(any(line.startswith("duration.VOTS = ") for line in lines))
        self.assertIn(f"jbw: note: {path} leaves out duration.OTS (unreliable: "
                      "over 10x the window", p.stderr)
        self.assertNotIn("duration.VOTS", p.stderr)
        # with the line as written, the forecast is that of the file
        # without it; with the line made a value, it changes
        kept = os.path.join(cli.WORK, "calibrated12-none.txt")
        taken = os.path.join(cli.WORK, "calibrated12-ots.txt")
        with open(kept, "w", encoding="utf-8") as f:
            f.write("\n".join(line for line in lines
                              if not line.startswith("# duration.OTS = ")) + "\n")
        with open(taken, "w", encoding="utf-8") as f:
            f.write("\n".join(line.replace("# duration.OTS = ", "duration.OTS = ")
                              for line in lines) + "\n")
        def mean(scenario):
            out = run("forecast", "--months", "6", "--format", "json",
                      "--scenario", scenario).stdout
            return json.loads(out)["mean"]
        self.assertEqual(mean(path), mean(kept))
        self.assertNotEqual(mean(path), mean(taken))

    def test_no_leavers_says_turnover_is_not_estimated(self):
        # the example's workers without a leaving date: 0 leavers, so no
        # turnover estimate nor interval (JSON null), and the default 0.2
        # is used; the text says so in words, not "-% (95% - - -%)"
        d = os.path.join(cli.WORK, "no-leavers")
        shutil.rmtree(d, ignore_errors=True)
        run("export", "--dir", d)
        path = os.path.join(d, "workers.csv")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        k = lines[0].split(",").index("leaving")
        for i in range(1, len(lines)):
            fields = lines[i].split(",")
            fields[k] = ""
            lines[i] = ",".join(fields)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        inputs = ("--measures", os.path.join(d, "measures.csv"), "--workers", path)
        staff = json.loads(run("calibrate", "--format", "json", *inputs).stdout)["staff"]
        self.assertEqual(staff["leavers"], 0)
        self.assertIsNone(staff["mle_turnover"])
        text = run("calibrate", *inputs).stdout
        self.assertIn("leavers 0 (0.0 FTE), hazard 0.000 a year; turnover not "
                      "estimated (no leavers in the window); used 20.0% (", text)
        self.assertNotIn("-%", text)

    def test_a_window_out_of_range_is_a_usage_error(self):
        run("calibrate", "--window-months", "0", check_rc=2)
        p = run("calibrate", "--window-months", "600", check_rc=1)
        self.assertIn("before the data's first record", p.stderr)


class Backtest(unittest.TestCase):
    def history(self, dates, name="history"):
        root = os.path.join(cli.WORK, name)
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        run("export", "--dir", os.path.join(root, "export"))
        for d in dates:
            os.makedirs(os.path.join(root, d))
            for f in ("measures.csv", "workers.csv"):
                shutil.copy(os.path.join(root, "export", f), os.path.join(root, d, f))
        shutil.rmtree(os.path.join(root, "export"))
        return root

    def test_json_months_and_errors(self):
        doc = json.loads(run("backtest", "--from", "2025-03-01", "--months", "4",
                             "--format", "json").stdout)
        self.assertEqual(doc["from"], "2025-03-01")
        self.assertEqual([m["month"] for m in doc["months"]], [0, 1, 2, 3, 4])
        for key in ("forecast_active", "actual_active", "forecast_waiting_nieuw",
                    "actual_waiting_nieuw"):
            self.assertIn(key, doc["months"][1])
        self.assertIsNone(doc["months"][1]["actual_waiting_bestaand"])
        self.assertIn("mape_active", doc)
        self.assertIn("mape_waiting_nieuw", doc)

    def test_bad_from_and_months(self):
        run("backtest", check_rc=2)  # no --from
        run("backtest", "--from", "2025-03-01", "--months", "0", check_rc=2)
        p = run("backtest", "--from", "2025-09-01", check_rc=2)
        self.assertIn("not before the data's last date", p.stderr)
        # 2025-06-01 + 6 months = 2025-12-01, after 2025-09-01: usage (2),
        # and 3 months (to 2025-09-01) fit
        p = run("backtest", "--from", "2025-06-01", "--months", "6", check_rc=2)
        self.assertIn("after the data's last date", p.stderr)
        self.assertIn("give --months 3 or fewer", p.stderr)

    def test_svg_is_written_and_says_synthetic(self):
        import xml.etree.ElementTree as ET
        svg = os.path.join(cli.WORK, "backtest.svg")
        run("backtest", "--from", "2025-03-01", "--months", "3", "--svg", svg)
        root = ET.parse(svg).getroot()
        self.assertTrue(root.tag.endswith("svg"))
        with open(svg, encoding="utf-8") as f:
            self.assertIn(jbw_notice(), f.read())

    def test_svg_follows_lang_and_the_text_stays_english(self):
        # the chart, as every chart, in Dutch unless --lang en; the
        # analyst's table stays English (docs/cli.md, "Language")
        import xml.etree.ElementTree as ET
        svg = os.path.join(cli.WORK, "backtest-lang.svg")
        args = ("backtest", "--from", "2025-03-01", "--months", "3", "--svg", svg)
        titles = {}
        for lang in ("", "nl", "en"):
            text = run(*args, *(("--lang", lang) if lang else ())).stdout
            self.assertIn("Backtest from 2025-03-01", text)
            root = ET.parse(svg).getroot()
            self.assertEqual(root.get("lang"), lang or "nl")
            titles[lang] = [t.text for t in root if t.tag.endswith("title")][0]
        self.assertEqual(titles[""], "Backtest: prognose tegen wat er gebeurde")
        self.assertEqual(titles["nl"], titles[""])
        self.assertEqual(titles["en"], "Backtest: forecast against what happened")

    def test_history_series_and_backtest(self):
        root = self.history(["2025-07-01", "2025-08-01", "2025-09-01"])
        doc = json.loads(run("series", "--history", root, "--format", "json").stdout)
        self.assertEqual([p["date"] for p in doc["points"]],
                         ["2025-07-01", "2025-08-01", "2025-09-01"])
        doc = json.loads(run("backtest", "--history", root, "--from", "2025-07-01",
                             "--months", "2", "--format", "json").stdout)
        self.assertTrue(doc["history"])
        self.assertIsNotNone(doc["months"][1]["actual_waiting_bestaand"])
        self.assertEqual(doc["months"][2]["actual_date"], "2025-09-01")

    def test_a_history_reads_with_its_own_registry(self):
        # a region outside the embedded registry: ZHZ renamed to ZHX in
        # the registry and in every export; --registry goes with --history
        root = self.history(["2025-08-01", "2025-09-01"], name="history-reg")
        run("export", "--dir", os.path.join(cli.WORK, "history-reg-src"))
        reg = os.path.join(cli.WORK, "history-reg.csv")
        with open(os.path.join(cli.WORK, "history-reg-src", "registry.csv"),
                  encoding="utf-8") as f:
            text = f.read()
        self.assertIn("region,ZHZ,Zuid-Holland Zuid,", text)
        with open(reg, "w", encoding="utf-8") as f:
            f.write(re.sub(r"\bZHZ\b", "ZHX", text.replace(
                "region,ZHZ,Zuid-Holland Zuid,", "region,ZHZ,Testregio,")))
        for d in ("2025-08-01", "2025-09-01"):
            for name in ("measures.csv", "workers.csv"):
                path = os.path.join(root, d, name)
                with open(path, encoding="utf-8") as f:
                    rows = f.read()
                self.assertIn(",ZHZ,", rows)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(rows.replace(",ZHZ,", ",ZHX,"))
        # without it the key is unknown: an input error
        p = run("series", "--history", root, check_rc=1)
        self.assertIn("'ZHX'", p.stderr)
        doc = json.loads(run("series", "--history", root, "--registry", reg,
                             "--format", "json").stdout)
        self.assertEqual([x["date"] for x in doc["points"]],
                         ["2025-08-01", "2025-09-01"])
        html = run("brief", "--history", root, "--registry", reg,
                   "--region", "ZHX").stdout
        self.assertIn("Testregio", html)
        run("backtest", "--history", root, "--registry", reg,
            "--from", "2025-08-01", "--months", "1")
        # with neither input files nor a history it still goes nowhere
        p = run("series", "--registry", reg, check_rc=2)
        self.assertIn("--registry goes with --measures and --workers, or with "
                      "--history", p.stderr)

    def test_only_folders_named_yyyy_mm_dd_are_exports(self):
        # the Dutch form and the compact form are dates to jbw_date_parse,
        # but not names of a history folder (jbw_date_parse_iso): skipped
        root = self.history(["2025-08-01", "2025-09-01", "01-07-2025", "20250601"],
                            name="history-names")
        p = run("series", "--history", root, "--format", "json")
        self.assertEqual([x["date"] for x in json.loads(p.stdout)["points"]],
                         ["2025-08-01", "2025-09-01"])
        self.assertIn("jbw: --history: not named by a date (YYYY-MM-DD), "
                      "skipped: '01-07-2025'\n", p.stderr)
        self.assertIn("not named by a date (YYYY-MM-DD), skipped: '20250601'\n",
                      p.stderr)

    def set_field(self, path, line, column, value):
        """Sets `column` of line `line` (1 is the header) of a CSV file."""
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        k = lines[0].split(",").index(column)
        fields = lines[line - 1].split(",")
        fields[k] = value
        lines[line - 1] = ",".join(fields)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    def test_a_history_checks_organisation_and_region_as_files_do(self):
        # --organisation and --region with --history are checked against
        # the registry as with --measures/--workers: the option and the
        # valid keys (exit 2), not a library function's name (exit 1)
        root = self.history(["2025-08-01", "2025-09-01"], name="history-keys")
        for cmd in (("brief", "--format", "md"),
                    ("backtest", "--from", "2025-08-01", "--months", "1")):
            with self.subTest(cmd[0]):
                p = run(*cmd, "--history", root, "--organisation", "XX",
                        check_rc=2)
                self.assertEqual(
                    p.stderr, "jbw: --organisation 'XX' is not in the registry; "
                    "valid keys: JBWEST (Jeugdbescherming west), WSS (William "
                    "Schrikker Stichting), LDH (Leger des Heils Jeugdbescherming "
                    "& Reclassering)\n")
                p = run(*cmd, "--history", root, "--region", "zhz", check_rc=2)
                self.assertTrue(p.stderr.startswith(
                    "jbw: --region 'zhz' is not in the registry; valid keys: "),
                    p.stderr)
                self.assertNotIn("jbw_", p.stderr)
                # a key of the registry passes
                run(*cmd, "--history", root, "--organisation", "WSS")

    def test_a_history_loads_as_measures_and_workers_do(self):
        # --lenient and the limits apply to every export of a history as
        # to --measures/--workers: each rejected row is listed with its
        # export's folder, and the outputs count the rows left out
        root = self.history(["2025-08-01", "2025-09-01"], name="history-lenient")
        aug = os.path.join(root, "2025-08-01", "measures.csv")
        sep = os.path.join(root, "2025-09-01", "measures.csv")
        self.set_field(aug, 3, "start", "31-02-2025")
        # a line of about 70 KB: past the default 65,536 bytes
        self.set_field(sep, 5, "start", "x" * 70000)
        p = run("series", "--history", root, "--lenient", check_rc=1)
        self.assertIn("(max_line_bytes)", p.stderr)
        self.assertIn("a longer line needs --max-line-bytes N", p.stderr)
        args = ("--history", root, "--lenient", "--max-line-bytes", "100000")
        p = run("series", *args, "--format", "json")
        self.assertIn(f"jbw: rejected: {aug} line 3, column 'start': not a date, "
                      "February 2025 has 28 days: '31-02-2025'\n", p.stderr)
        self.assertIn(f"jbw: rejected: {sep} line 5, column 'start': not a date", p.stderr)
        # one row left out in each export: 2 in all, in both exports
        left = ("2 rij(en) van de invoer weggelaten met --lenient in exports "
                "2025-08-01, 2025-09-01 (2 input row(s) left out with --lenient "
                "in exports 2025-08-01, 2025-09-01, listed on stderr)")
        self.assertIn(left, json.loads(p.stdout)["data_notice"])
        p = run("backtest", *args, "--from", "2025-08-01", "--months", "1",
                "--format", "json")
        self.assertIn(f"jbw: rejected: {aug} line 3", p.stderr)
        self.assertIn(left, json.loads(p.stdout)["data_notice"])
        # the brief, for a council: plain Dutch, the exports by the brief's
        # dates, no option named
        p = run("brief", *args, "--format", "md")
        self.assertIn(f"jbw: rejected: {sep} line 5", p.stderr)
        self.assertIn("2 rijen uit de aangeleverde bestanden van 1-8-2025 en "
                      "1-9-2025 zijn niet meegeteld, omdat die niet klopten;",
                      p.stdout)
        self.assertNotIn("--lenient", p.stdout)
        p = run("brief", *args, "--format", "md", "--lang", "en")
        self.assertIn("2 rows of the files supplied for 1 Aug 2025 and 1 Sep "
                      "2025 were not counted", p.stdout)
        # more exports than the notes name (8): they are counted; 9 exports
        # of one bad row each, 2025-01-01 .. 2025-09-01
        dates = [f"2025-{m:02d}-01" for m in range(1, 10)]
        root = self.history(dates, name="history-lenient-9")
        for d in dates:
            self.set_field(os.path.join(root, d, "measures.csv"), 3, "start",
                           "31-02-2025")
        args = ("--history", root, "--lenient")
        p = run("brief", *args, "--format", "md", "--replicates", "0")
        self.assertIn("> **9 rijen uit de aangeleverde bestanden van 9 peildata "
                      "zijn niet meegeteld", p.stdout)
        p = run("series", *args, "--format", "json")
        self.assertIn("9 rij(en) van de invoer weggelaten met --lenient in 9 "
                      "exports (9 input row(s) left out with --lenient in 9 "
                      "exports, listed on stderr)",
                      json.loads(p.stdout)["data_notice"])
        # the limit alone, without --lenient: the bad rows refuse the load
        p = run("backtest", "--history", root, "--max-line-bytes", "100000",
                "--from", "2025-08-01", check_rc=1)
        self.assertNotIn("max_line_bytes", p.stderr)
        self.assertIn("column 'start': not a date", p.stderr)

    def test_a_history_without_dated_folders_is_an_input_error(self):
        root = os.path.join(cli.WORK, "undated")
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(os.path.join(root, "notes"))
        p = run("series", "--history", root, check_rc=1)
        self.assertIn("holds no export", p.stderr)
        p = run("backtest", "--history", root, "--from", "2025-07-01", check_rc=1)
        self.assertIn("holds no export", p.stderr)



class ReliefProbability(unittest.TestCase):
    def test_probability_answer_is_seeded_and_says_so(self):
        args = ("staffing", "--target", "50", "--months", "12", "--probability", "90%",
                "--replicates", "40", "--format", "json")
        a = json.loads(run(*args, "--seed", "5").stdout)
        b = json.loads(run(*args, "--seed", "5").stdout)
        self.assertEqual(a, b)
        self.assertEqual(a["probability"], 0.9)
        self.assertEqual(a["replicates"], 40)
        self.assertIn("hires_fte_per_month", a)
        det = json.loads(run("staffing", "--target", "50", "--months", "12",
                             "--format", "json").stdout)
        self.assertNotIn("probability", det)
        self.assertIn("hires_fte_per_month", det)

    def test_threads_give_the_same_answer(self):
        # include/jbw/forecast.h: the same answer on any number of threads;
        # the default is all cores
        args = ("staffing", "--target", "50", "--months", "12", "--probability",
                "0.8", "--replicates", "61", "--seed", "3", "--format", "json")
        one = run(*args, "--threads", "1").stdout
        self.assertEqual(one, run(*args, "--threads", "3").stdout)
        self.assertEqual(one, run(*args).stdout)
        run(*args, "--threads", "257", check_rc=2)

    def test_bad_probability_is_a_usage_error(self):
        run("staffing", "--target", "50", "--months", "12", "--probability", "1.5",
            check_rc=2)
        run("staffing", "--within-workdays", "5", "--percent", "90",
            "--probability", "0.9", check_rc=2)


if __name__ == "__main__":
    cli.main()
