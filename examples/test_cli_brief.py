"""Tests of the charts the jbw command writes (--svg F on series, report
and forecast) and of `jbw brief`.

usage: python3 test_cli_brief.py PATH_TO_JBW WORK_DIR
"""
import csv
import json
import os
import re
import shutil
import unittest
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import cli_support as cli
from cli_support import run

SVG = "{http://www.w3.org/2000/svg}"
NOTICE = "SYNTHETIC example data"
NOTICE_NL = "Synthetische voorbeeldgegevens"
# The published Zuid-Holland Zuid table's notice: its source is the
# council information letter (docs/sources.md).
PUBLISHED = "PUBLISHED figures: council information letter"


def chart(*args):
    """Runs jbw with --svg and returns the parsed chart and its text."""
    path = os.path.join(cli.WORK, "chart.svg")
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

    def test_report_chart_choice_gives_each_caseload_chart(self):
        # --chart picks which of the caseload's charts --svg writes; the
        # koppeling chart's "n van m" per region are the JSON report's
        report = json.loads(run("report", "--format", "json").stdout)
        root, text = chart("report", "--chart", "koppeling")
        self.assert_accessible(root)
        self.assertIn(NOTICE, text)
        for g in report["by_region"]:
            self.assertIn(f"{g['coupling_within']} van {g['coupling_started']}",
                          text, g["key"])
        root, text = chart("report", "--chart", "koppeling-gi")
        for g in report["by_organisation"]:
            self.assertIn(f"{g['coupling_within']} van {g['coupling_started']}",
                          text, g["key"])
        for name in ("caseload", "caseload-gi", "spread"):
            root, text = chart("report", "--chart", name)
            self.assert_accessible(root)
            self.assertIn(NOTICE, text)
        run("report", "--chart", "spread", check_rc=2)  # without --svg
        run("report", "--chart", "pie", "--svg", "x.svg", check_rc=2)

    def test_triage_chart_counts_the_waiting_list_by_band(self):
        # the bands' nieuw and bestaand add up to the report's waiting list
        totals = json.loads(run("report", "--format", "json").stdout)["totals"]
        root, text = chart("triage", "--top", "1")
        self.assert_accessible(root)
        self.assertIn(NOTICE, text)
        desc = root.find(SVG + "desc").text
        pairs = re.findall(r"(acuut|hoog|midden|laag): (\d+) nieuw, (\d+) bestaand",
                           desc)
        self.assertEqual([p[0] for p in pairs], ["acuut", "hoog", "midden", "laag"])
        self.assertEqual(sum(int(p[1]) for p in pairs), totals["waiting_nieuw"])
        self.assertEqual(sum(int(p[2]) for p in pairs), totals["waiting_bestaand"])

    def test_series_chart_is_the_letters_table(self):
        root, text = chart("series")
        self.assert_accessible(root)
        # The published Zuid-Holland Zuid figures (the Zuid-Holland Zuid council letter): 41 nieuw and
        # 72 bestaand on 20-9-2024, 113 in all; the data is published, not
        # synthetic, so the chart says so, with its source, and never
        # that it is synthetic.
        self.assertIn("20-9-2024: 41 nieuw, 72 bestaand, 113 totaal.",
                      root.find(SVG + "desc").text)
        self.assertIn("113", texts(root))
        self.assertIn("jeugdigen (aantal)", texts(root))
        self.assertIn(PUBLISHED, root.find(SVG + "desc").text)
        self.assertTrue(any(x.startswith(PUBLISHED) for x in texts(root)))
        self.assertNotIn(NOTICE, text)

    def test_series_outputs_say_the_figures_are_published(self):
        # text: the first line; CSV: a last column on every row; JSON: the
        # first key; none of them synthetic
        text = run("series").stdout
        self.assertTrue(text.startswith(PUBLISHED))
        rows = list(csv.DictReader(run("series", "--format", "csv").stdout.splitlines()))
        self.assertEqual(len(rows), 7)
        self.assertTrue(all(r["data_notice"].startswith(PUBLISHED) for r in rows))
        doc = json.loads(run("series", "--format", "json").stdout)
        self.assertEqual(next(iter(doc)), "data_notice")
        self.assertTrue(doc["data_notice"].startswith(PUBLISHED))
        for fmt in ("text", "csv", "json"):
            self.assertNotIn(NOTICE, run("series", "--format", fmt).stdout)

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


class Tables(HTMLParser):
    """The tables of an HTML page by id, as rows of cell texts; checks that
    every element closes where it should."""

    VOID = {"meta", "br", "img", "hr", "input", "link"}

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.stack, self.tables, self.problems = [], {}, []
        self.table = self.cell = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "table":
            self.table = self.tables.setdefault(dict(attrs).get("id", str(len(self.tables))), [])
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(tag)
        else:
            self.stack.pop()
        if tag in ("td", "th") and self.cell is not None:
            self.table[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def number(text):
    """A Dutch number: "4.503" -> 4503, "373,1" -> 373.1."""
    return float(text.replace(".", "").replace(",", ".").rstrip("%"))


def region_files(region):
    """The embedded example exported as CSV and cut to one region, as another
    region's own export would be: (measures.csv, workers.csv)."""
    d = os.path.join(cli.WORK, "export")
    run("export", "--dir", d)
    out = os.path.join(cli.WORK, region)
    os.makedirs(out, exist_ok=True)
    for name in ("measures.csv", "workers.csv"):
        with open(os.path.join(d, name), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(r for r in rows if r["region"] == region)
    return os.path.join(out, "measures.csv"), os.path.join(out, "workers.csv")


class Brief(unittest.TestCase):
    def test_example_brief_is_one_page_with_the_letters_table(self):
        out = os.path.join(cli.WORK, "brief.html")
        run("brief", "--out", out, "--replicates", "20")
        with open(out, encoding="utf-8") as f:
            html = f.read()
        page = Tables(html)
        self.assertEqual((page.problems, page.stack), ([], []))
        # the Zuid-Holland Zuid table of the Zuid-Holland Zuid council letter, as a table and a chart
        self.assertEqual(page.tables["reeks"][1], ["20-9-2024", "41", "72", "113"])
        self.assertEqual(page.tables["reeks"][-1], ["1-9-2025", "26", "11", "37"])
        charts = re.findall(r"<svg xmlns=.*?</svg>", html, re.S)
        self.assertGreaterEqual(len(charts), 3)
        # the published Zuid-Holland Zuid table's chart says it is
        # published, with its source; every other chart shows the
        # synthetic example's figures and says so
        for svg in charts:
            ET.fromstring(svg)
            if 'id="series-title"' in svg:
                self.assertIn(PUBLISHED, svg)
                self.assertNotIn(NOTICE, svg)
            else:
                self.assertIn(NOTICE, svg)
                self.assertNotIn(PUBLISHED, svg)
        self.assertNotRegex(html, r"<script|href=|src=|@import")
        self.assertIsNone(re.search(r"\b[WMCF]\d{4,}\b", html))

    def test_dutch_brief_of_the_example_says_synthetic_in_dutch_too(self):
        # the fixed English notice stays (outputs are searched for it); a
        # council reads Dutch, so the Dutch brief says what it means
        md = run("brief", "--format", "md", "--replicates", "0").stdout
        first = md.splitlines()[0]
        self.assertTrue(first.startswith("> **" + NOTICE), first)
        self.assertIn(NOTICE_NL, first)
        en = run("brief", "--format", "md", "--replicates", "0",
                 "--lang", "en").stdout
        self.assertIn(NOTICE, en.splitlines()[0])
        self.assertNotIn(NOTICE_NL, en)

    def test_brief_of_another_regions_csv_equals_its_report(self):
        measures, workers = region_files("HGL")
        args = ("--measures", measures, "--workers", workers)
        out = os.path.join(cli.WORK, "brief-hgl.html")
        run("brief", *args, "--out", out, "--replicates", "0")
        report = json.loads(run("report", *args, "--format", "json").stdout)["totals"]
        with open(out, encoding="utf-8") as f:
            html = f.read()
        self.assertNotIn(NOTICE, html)  # real files: no synthetic notice
        self.assertNotIn(NOTICE_NL, html)
        head = {r[0]: r[1] for r in Tables(html).tables["kerncijfers"][1:]}
        self.assertEqual(number(head["Lopende maatregelen"]), report["active_measures"])
        self.assertEqual(number(head["Zonder vaste jeugdbeschermer: nieuw"]),
                         report["waiting_nieuw"])
        self.assertEqual(number(head["Zonder vaste jeugdbeschermer: bestaand"]),
                         report["waiting_bestaand"])
        self.assertEqual(number(head["Medewerkers in dienst"]), report["workers"])
        self.assertAlmostEqual(number(head["Effectieve fte"]), report["effective_fte"],
                               delta=0.05)
        regions = [r[0] for r in Tables(html).tables["wachtend-regio"][1:]]
        self.assertEqual(regions, ["Haaglanden"])

    def test_the_forecast_chart_and_the_assumptions_name_one_inflow(self):
        # a stochastic brief (replicates 50): the chart's line gives the
        # assumed inflow, as the assumptions table does, not the draws' mean
        import re
        md = run("brief", "--format", "md", "--replicates", "50").stdout
        chart = re.search(r"Aannames: [^.]*?instroom ([0-9.,]+) per maand", md)
        table = re.search(r"\| Instroom per maand \(maatregelen\) \| ([0-9.,]+) \|", md)
        self.assertIsNotNone(chart)
        self.assertIsNotNone(table)
        self.assertEqual(chart.group(1), table.group(1))
        # and that one figure is the start state's rule (docs/forecast.md,
        # jbw_forecast_params_from_snapshot): the inflow that keeps each
        # stock, the sum over kinds of active measures / mean duration, with
        # the durations of docs/forecast.md's table (CBS 2022 and the
        # illustrative ones); the example gives 265.04 a month
        durations = {"OTS": 27.5, "VOTS": 3.1, "VOOGDIJ": 84.0,
                     "VOORLOPIGE_VOOGDIJ": 10.6, "TIJDELIJKE_VOOGDIJ": 10.6,
                     "JR_TB_GEDWONGEN": 15.4, "JR_TB_VRIJWILLIG": 3.3,
                     "JR_ITB_HARDE_KERN": 7.4, "JR_ITB_CRIEM": 2.6, "JR_STP": 6.0,
                     "JR_GBM": 12.0, "JR_VGBM": 6.0}
        active = json.loads(run("report", "--format", "json").stdout)["totals"]["by_kind"]
        want = sum(n / durations[k] for k, n in active.items())
        self.assertEqual(chart.group(1), f"{want:.1f}".replace(".", ","))

    def test_a_brief_leaves_out_the_series_points_after_its_date(self):
        # the published ZHZ series has points on 20-9-2024, 1-12-2024,
        # 1-1-2025, 1-4-2025, 1-7-2025, 1-8-2025 and 1-9-2025: a brief of
        # 1-6-2025 shows the first four and says the rest are left out
        md = run("brief", "--region", "ZHZ", "--format", "md", "--date", "2025-06-01",
                 "--replicates", "0").stdout
        self.assertIn("De reeks loopt tot 1-9-2025; de punten na de peildatum van dit "
                      "stuk (1-6-2025) zijn weggelaten.", md)
        self.assertIn("| 1-4-2025 | 48 | 32 | 80 |", md)
        for later in ("| 1-7-2025 |", "| 1-8-2025 |", "| 1-9-2025 |"):
            self.assertNotIn(later, md)
        self.assertIn("op 4 peildata van 20-9-2024 tot en met 1-4-2025", md)
        # and bestaand on a date before the data's is too low: said once
        self.assertEqual(md.count("De peildatum ligt vóór de datum van de gegevens "
                                  "(1-9-2025)."), 1)
        # on the series' last date nothing is left out
        md = run("brief", "--region", "ZHZ", "--format", "md", "--replicates", "0").stdout
        self.assertNotIn("zijn weggelaten", md)
        self.assertNotIn("vóór de datum van de gegevens", md)
        self.assertIn("| 1-9-2025 | 26 | 11 | 37 |", md)

    def lenient_export(self, name, bad_lines):
        """The example exported to WORK/name without its data_notice, with
        a date no calendar has in the measures of `bad_lines` (line 1 is
        the header); returns the --lenient input options."""
        d = os.path.join(cli.WORK, name)
        shutil.rmtree(d, ignore_errors=True)
        run("export", "--dir", d)
        os.remove(os.path.join(d, "data_notice"))
        path = os.path.join(d, "measures.csv")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        k = lines[0].split(",").index("start")
        for n in bad_lines:
            fields = lines[n - 1].split(",")
            fields[k] = "31-02-2025"
            lines[n - 1] = ",".join(fields)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        return ("--lenient", "--measures", path, "--workers",
                os.path.join(d, "workers.csv"))

    def test_a_lenient_brief_says_in_plain_words_what_was_not_counted(self):
        # a council reads the brief: the rows left out are said in the
        # brief's language, singular or plural, without the option's name;
        # the other outputs keep the analysts' note with --lenient
        one = self.lenient_export("lenient-one", [3])
        three = self.lenient_export("lenient-three", [3, 5, 7])
        p = run("brief", "--format", "md", "--replicates", "0", *one)
        self.assertIn("rejected", p.stderr)  # the list is on stderr
        self.assertTrue(p.stdout.startswith(
            "> **1 rij uit de aangeleverde bestanden is niet meegeteld, omdat "
            "die niet klopte; welke rij dat is, staat in de meldingen van jbw "
            "(stderr) bij het maken van dit stuk.**\n"), p.stdout[:300])
        md = run("brief", "--format", "md", "--replicates", "0", *three).stdout
        self.assertIn("> **3 rijen uit de aangeleverde bestanden zijn niet "
                      "meegeteld, omdat die niet klopten; welke rijen dat zijn, "
                      "staat in de meldingen van jbw (stderr) bij het maken van "
                      "dit stuk.**", md)
        en = run("brief", "--format", "md", "--replicates", "0", "--lang", "en",
                 *one).stdout
        self.assertIn("> **1 row of the files supplied was not counted because "
                      "it was not valid; jbw listed it (on stderr) when this "
                      "brief was made.**", en)
        en = run("brief", "--format", "md", "--replicates", "0", "--lang", "en",
                 *three).stdout
        self.assertIn("> **3 rows of the files supplied were not counted "
                      "because they were not valid; jbw listed them", en)
        html = run("brief", "--replicates", "0", *three).stdout
        for text in (p.stdout, md, en, html):
            self.assertNotIn("--lenient", text)
            self.assertNotIn("rij(en)", text)
            self.assertNotIn("row(s)", text)
        self.assertNotIn("meegeteld", en)
        self.assertIn("3 rijen uit de aangeleverde bestanden", html)
        # the outputs for analysts as they were
        self.assertIn("3 rij(en) van de invoer weggelaten met --lenient (3 input "
                      "row(s) left out with --lenient, listed on stderr)",
                      run("report", *three).stdout)
        # a count of thousands grouped as the brief groups them: lines 2 to
        # 1001 are 1,000 rows
        many = self.lenient_export("lenient-many", range(2, 1002))
        self.assertIn("> **1.000 rijen uit de aangeleverde bestanden zijn niet",
                      run("brief", "--format", "md", "--replicates", "0",
                          *many).stdout)
        self.assertIn("> **1,000 rows of the files supplied were not",
                      run("brief", "--format", "md", "--replicates", "0",
                          "--lang", "en", *many).stdout)

    def test_brief_of_another_region_shows_its_own_point_not_zhz(self):
        # the published series is Zuid-Holland Zuid's: a brief of
        # Haaglanden or of one organisation shows its own point (measures),
        # one of ZHZ or of everything the published series (children)
        hgl = run("brief", "--region", "HGL", "--format", "md",
                  "--replicates", "0").stdout
        self.assertNotIn("Verloop: Zuid-Holland Zuid", hgl)
        self.assertIn("*Figuur: Maatregelen zonder vaste jeugdbeschermer "
                      "\u2013 Haaglanden.* Gestapelde staaf: maatregelen "
                      "zonder vaste jeugdbeschermer, nieuw en bestaand, op "
                      "peildatum 1-9-2025.", hgl)
        ldh = run("brief", "--organisation", "LDH", "--format", "md",
                  "--replicates", "0").stdout
        self.assertNotIn("Verloop: Zuid-Holland Zuid", ldh)
        for args in ((), ("--region", "ZHZ")):
            md = run("brief", *args, "--format", "md", "--replicates", "0").stdout
            self.assertIn("### Verloop: Zuid-Holland Zuid", md)
            self.assertIn("*Figuur: Jeugdigen zonder vaste jeugdbeschermer", md)

    def test_brief_of_one_region_has_that_regions_figures(self):
        # --region ZHZ: the key figures are Zuid-Holland Zuid's row of the
        # report, not the whole example's; by hand (docs/example.md,
        # "Waiting list") ZHZ waits 26 + 3 + 1 = 30 nieuw and 11 + 1 + 1 =
        # 13 bestaand (JBWEST, WSS, LDH), 43 in all
        out = os.path.join(cli.WORK, "brief-zhz.html")
        run("brief", "--region", "ZHZ", "--out", out, "--replicates", "0")
        report = json.loads(run("report", "--format", "json").stdout)
        zhz = next(g for g in report["by_region"] if g["key"] == "ZHZ")
        with open(out, encoding="utf-8") as f:
            html = f.read()
        page = Tables(html)
        self.assertIn("<h1>Jeugdbescherming en jeugdreclassering in "
                      "Zuid-Holland Zuid: stand van zaken op 1-9-2025</h1>", html)
        head = {r[0]: r[1] for r in page.tables["kerncijfers"][1:]}
        self.assertEqual(number(head["Lopende maatregelen"]), zhz["active_measures"])
        self.assertNotEqual(zhz["active_measures"], report["totals"]["active_measures"])
        self.assertEqual(number(head["Zonder vaste jeugdbeschermer: nieuw"]), 30)
        self.assertEqual(number(head["Zonder vaste jeugdbeschermer: bestaand"]), 13)
        self.assertEqual(number(head["Zonder vaste jeugdbeschermer: totaal"]), 43)
        self.assertEqual(zhz["waiting_nieuw"] + zhz["waiting_bestaand"], 43)
        self.assertEqual(number(head["Medewerkers in dienst"]), zhz["workers"])
        self.assertAlmostEqual(number(head["Benodigde fte volgens de norm"]),
                               zhz["required_fte"], delta=0.05 + 1e-9)
        # the waiting list per band is ZHZ's too: 43 in all
        bands = page.tables["banden"][1:]
        self.assertEqual(sum(number(r[3]) for r in bands), 43)
        self.assertIn("De prognose gaat over Zuid-Holland Zuid.", html)

    def test_dutch_outputs_use_dutch_words(self):
        # the allocation names the norm's unit in Dutch, not its code
        first = [l for l in run("allocate").stdout.splitlines()
                 if l.startswith("Toewijzingsvoorstel")][0]
        self.assertIn("norm FNV-GI 2023, eenheid maatregel)", first)
        self.assertIn("unit measure)", run("allocate", "--lang", "en").stdout)
        # a built-in norm's Dutch name; English keeps its own
        report = run("report", "--norm", "significant-children").stdout
        self.assertIn("\nNorm: Significant (kinderen), 12 kinderen per fte\n", report)
        self.assertIn("Norm: Significant children, 12 children per FTE",
                      run("report", "--norm", "significant-children",
                          "--lang", "en").stdout)
        # one finding on the example (docs/example.md: M03852, a VOTS
        # past 3 months): one takes the singular
        self.assertRegex(run("report").stdout,
                         r"\n  VOTS langer dan 3 maanden +1  maatregel\n")
        self.assertRegex(run("report", "--lang", "en").stdout,
                         r"\n  VOTS longer than 3 months +1  measure\n")
        # the brief: the waiting section counts measures; the sources cite
        # no repository file and no English notice
        md = run("brief", "--format", "md", "--replicates", "0").stdout
        self.assertIn("\n## Maatregelen zonder vaste jeugdbeschermer\n", md)
        sources = md[md.index("## Bronnen en definities"):]
        items = [l for l in sources.splitlines() if l.startswith("- ")]
        self.assertGreaterEqual(len(items), 6)
        for item in items:
            self.assertNotIn("docs/", item)
            self.assertNotIn(PUBLISHED, item)

    def test_markdown_scenarios_and_publication_rule(self):
        sc = cli.work_file("verloop.scenario", "turnover = 30%\n")
        md = run("brief", "--format", "md", "--scenario", sc, "--replicates", "0",
                 "--suppress-below", "50").stdout
        self.assertIn("| Zonder vaste jeugdbeschermer: bestaand | < 50 |", md)
        # the base keeps the default turnover, 20% a year, and says it is
        # the default; the scenario sets 30%
        self.assertIn("| Personeelsverloop per jaar | 20% (standaard) | 30% |", md)
        # the published series stays as published: the rule is for the
        # brief's own figures (41 of the council letter, not "< 50")
        self.assertIn("| 20-9-2024 | 41 | 72 | 113 |", md)
        self.assertIn("\nOp 1-9-2025 hadden 141 lopende maatregelen", md)

    def test_a_scenario_is_titled_by_its_file_name(self):
        # the rule (docs/brief.md): the file's name without folder and
        # extension titles the scenario's column, spaces and % included
        sc = cli.work_file("Verloop 30%.txt", "turnover = 30%\n")
        md = run("brief", "--format", "md", "--scenario", sc, "--replicates", "0").stdout
        header = [l for l in md.splitlines() if "Personeelsverloop per jaar" in l]
        self.assertTrue(header)
        self.assertIn("| Verloop 30% |", md)
        self.assertNotIn("Verloop 30%.txt", md)

    def test_brief_help_names_its_own_formats(self):
        # the brief writes HTML or Markdown, not the text/json/csv of the
        # other commands
        line = [l for l in run("brief", "--help").stdout.splitlines()
                if l.strip().startswith("--format")][0]
        self.assertIn("html (default", line)
        self.assertIn(" or md", line)
        self.assertNotIn("csv", line)

    def test_markdown_file_has_its_charts_as_svg_files_beside_it(self):
        # --out DIR/brief.md writes brief-1.svg ... into DIR and links them
        # relatively; every linked file exists, is well-formed SVG and
        # carries its notice (published for the series, synthetic for the
        # rest); each chart is linked once.
        d = os.path.join(cli.WORK, "md brief")
        os.makedirs(d, exist_ok=True)
        for name in os.listdir(d):
            os.remove(os.path.join(d, name))
        out = os.path.join(d, "brief.md")
        run("brief", "--format", "md", "--replicates", "0", "--out", out)
        with open(out, encoding="utf-8") as f:
            md = f.read()
        links = re.findall(r"^!\[([^\]]+)\]\(([^)]+)\)$", md, re.M)
        self.assertGreaterEqual(len(links), 3)
        self.assertEqual([l for _, l in links],
                         [f"brief-{i}.svg" for i in range(1, len(links) + 1)])
        self.assertEqual(sorted(os.listdir(d)),
                         sorted(["brief.md"] + [l for _, l in links]))
        for alt, link in links:
            with open(os.path.join(d, link), encoding="utf-8") as f:
                svg = f.read()
            root = ET.fromstring(svg)
            self.assertEqual(root.find(SVG + "title").text, alt)
            if link == "brief-1.svg":
                self.assertIn(PUBLISHED, svg)
                self.assertNotIn(NOTICE, svg)
            else:
                self.assertIn(NOTICE, svg)
        # to standard output: the text alternatives only, no files
        md = run("brief", "--format", "md", "--replicates", "0").stdout
        self.assertNotIn("](brief-", md)
        self.assertIn("*Figuur: Jeugdigen zonder vaste jeugdbeschermer", md)

    def test_brief_of_a_history_folder_has_its_series(self):
        root = os.path.join(cli.WORK, "history")
        d = os.path.join(cli.WORK, "export")
        run("export", "--dir", d)
        for day in ("2025-07-01", "2025-08-01", "2025-09-01"):
            os.makedirs(os.path.join(root, day), exist_ok=True)
            for name in ("measures.csv", "workers.csv"):
                with open(os.path.join(d, name), encoding="utf-8") as src, \
                        open(os.path.join(root, day, name), "w", encoding="utf-8") as dst:
                    dst.write(src.read())
        out = os.path.join(cli.WORK, "brief-history.html")
        run("brief", "--history", root, "--out", out, "--replicates", "0")
        with open(out, encoding="utf-8") as f:
            page = Tables(f.read())
        rows = page.tables["reeks"][1:]
        self.assertEqual([r[0] for r in rows], ["1-7-2025", "1-8-2025", "1-9-2025"])
        # the latest export is the example of 2025-09-01 (docs/example.md):
        # 96 nieuw + 45 bestaand = 141, the brief's headline too
        self.assertEqual(rows[-1], ["1-9-2025", "96", "45", "141"])
        head = {r[0]: r[1] for r in page.tables["kerncijfers"][1:]}
        self.assertEqual(head["Peildatum"], "1-9-2025")
        run("brief", "--history", root, "--measures", "m", "--workers", "w", check_rc=2)

    def test_history_series_is_named_by_what_it_counts_never_its_path(self):
        # a letter is published: the folder's path (a computer's, often a
        # person's) never appears in it; the series is named by its scope
        root = os.path.abspath(os.path.join(cli.WORK, "history-name"))
        d = os.path.join(cli.WORK, "export")
        run("export", "--dir", d)
        os.makedirs(os.path.join(root, "2025-09-01"), exist_ok=True)
        for name in ("measures.csv", "workers.csv"):
            with open(os.path.join(d, name), encoding="utf-8") as src, \
                    open(os.path.join(root, "2025-09-01", name), "w",
                         encoding="utf-8") as dst:
                dst.write(src.read())
        parent = os.path.dirname(root)
        md = run("brief", "--history", root, "--format", "md",
                 "--replicates", "0").stdout
        self.assertNotIn(parent, md)
        self.assertNotIn("history-name", md)
        self.assertIn("### Verloop: alle organisaties en regio's in de exports", md)
        md = run("brief", "--history", root, "--region", "ZHZ", "--format", "md",
                 "--replicates", "0").stdout
        self.assertNotIn(parent, md)
        self.assertIn("### Verloop: Zuid-Holland Zuid", md)
        for fmt in ("text", "csv", "json"):
            out = run("series", "--history", root, "--format", fmt).stdout
            self.assertNotIn(parent, out)
        md = run("brief", "--history", root, "--organisation", "JBWEST",
                 "--region", "ZHZ", "--format", "md", "--replicates", "0").stdout
        self.assertIn("### Verloop: Jeugdbescherming west in Zuid-Holland Zuid", md)
        self.assertNotIn(parent, md)

    def test_bad_usage(self):
        run("brief", "--format", "json", check_rc=2)
        run("report", "--format", "html", check_rc=2)
        run("brief", "--out", "-", check_rc=2)
        run("brief", "--round-to", "-1", check_rc=2)
        many = []
        for _ in range(9):
            many += ["--scenario", "x.scenario"]
        run("brief", *many, check_rc=2)


if __name__ == "__main__":
    cli.main()
