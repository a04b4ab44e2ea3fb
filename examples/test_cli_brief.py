"""Tests of the charts the jbw command writes (--svg F on series, report
and forecast) and of `jbw brief`.

usage: python3 test_cli_brief.py PATH_TO_JBW WORK_DIR
"""
import os
import subprocess
import sys
import unittest
import xml.etree.ElementTree as ET

JBW = None
WORK = None
SVG = "{http://www.w3.org/2000/svg}"
NOTICE = "SYNTHETIC example data"


def run(*args, check_rc=0):
    p = subprocess.run([JBW, *args], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=300)
    if check_rc is not None and p.returncode != check_rc:
        raise AssertionError(
            f"jbw {' '.join(args)}: exit {p.returncode}, expected {check_rc}\n"
            f"stdout: {p.stdout[:2000]}\nstderr: {p.stderr[:2000]}")
    return p


def chart(*args):
    """Runs jbw with --svg and returns the parsed chart and its text."""
    path = os.path.join(WORK, "chart.svg")
    if os.path.exists(path):
        os.remove(path)
    run(*args, "--svg", path)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return ET.fromstring(text), text


def texts(root):
    return [t.text or "" for t in root.iter(SVG + "text")]


class Charts(unittest.TestCase):
    def assert_accessible(self, root):
        self.assertEqual(root.tag, SVG + "svg")
        self.assertEqual(root.get("role"), "img")
        self.assertTrue(root.find(SVG + "title").text)
        self.assertTrue(root.find(SVG + "desc").text)

    def test_series_chart_is_the_letters_table(self):
        root, text = chart("series")
        self.assert_accessible(root)
        # The published Zuid-Holland Zuid figures (seed 000): 41 nieuw and
        # 72 bestaand on 20-9-2024, 113 in all; the data is published, not
        # synthetic, so the chart carries no notice.
        self.assertIn("20-9-2024: 41 nieuw, 72 bestaand, 113 totaal.",
                      root.find(SVG + "desc").text)
        self.assertIn("113", texts(root))
        self.assertIn("jeugdigen (aantal)", texts(root))
        self.assertNotIn(NOTICE, text)

    def test_report_chart_is_per_region_and_synthetic(self):
        root, _ = chart("report")
        self.assert_accessible(root)
        t = texts(root)
        for region in ("Haaglanden", "Holland Rijnland", "Midden-Holland",
                       "Zuid-Holland Zuid"):
            self.assertIn(region, t)
        self.assertTrue(any(NOTICE in x for x in t))

    def test_forecast_chart_speaks_english_on_request(self):
        root, _ = chart("forecast", "--months", "6", "--lang", "en")
        self.assert_accessible(root)
        t = texts(root)
        self.assertIn("capacity", t)
        self.assertIn("waiting (measures)", t)
        self.assertTrue(any(NOTICE in x for x in t))


def main():
    global JBW, WORK
    JBW, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(WORK, exist_ok=True)
    unittest.main(argv=[sys.argv[0], "-v"])


if __name__ == "__main__":
    main()
