"""Charts and the brief (jbw/brief.h): every chart is a well-formed,
accessible SVG that states its figures; the brief parses as HTML and its
figures are the JSON report's."""
import os
import re
import tempfile
import unittest
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import jbw

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    root = ET.fromstring(svg)
    return root, root.find(SVG + "desc").text, [t.text or "" for t in root.iter(SVG + "text")]


class Charts(unittest.TestCase):
    def assert_chart(self, svg):
        root, desc, texts = parse(svg)
        self.assertEqual(root.tag, SVG + "svg")
        self.assertEqual(root.get("role"), "img")
        self.assertTrue(root.find(SVG + "title").text)
        self.assertTrue(desc)
        self.assertNotIn("<script", svg)
        self.assertNotIn("href", svg)
        return desc, texts

    def test_series_chart_is_the_letters_table(self):
        with jbw.example_series_zhz() as s:
            desc, texts = self.assert_chart(jbw.chart_series(s))
            # the Zuid-Holland Zuid council letter: 41 nieuw and 72 bestaand on 20-9-2024, 113 in all
            self.assertIn("20-9-2024: 41 nieuw, 72 bestaand, 113 totaal.", desc)
            self.assertIn("jeugdigen (aantal)", texts)
            desc, texts = self.assert_chart(jbw.chart_series(s, lang="en", round_to=5))
            # 41 -> 40, 72 -> 70, the total 113 -> 115 rounded itself
            self.assertIn("20 Sep 2024: 40 nieuw, 70 bestaand, 115 in all.", desc)

    def test_caseload_charts_name_the_regions_and_carry_the_notice(self):
        notice = jbw.example_notice()
        with jbw.Snapshot.example() as snap, snap.caseload() as r:
            for fn in (jbw.chart_caseload, jbw.chart_coupling):
                desc, texts = self.assert_chart(fn(r, jbw.Group.REGION, registry=snap,
                                                   notice=notice))
                self.assertIn("Zuid-Holland Zuid", desc)
                self.assertIn(notice, texts)
            # in Dutch (the default) the fixed English line has its Dutch
            # line under it, the brief's wording; in English it has none
            dutch = ("Synthetische voorbeeldgegevens: geen echte kinderen, "
                     "medewerkers of organisaties.")
            _, texts = self.assert_chart(jbw.chart_load_spread(r, notice=notice))
            self.assertIn(dutch, texts)
            _, texts = self.assert_chart(jbw.chart_load_spread(r, lang="en", notice=notice))
            self.assertIn(notice, texts)
            self.assertNotIn(dutch, texts)
            desc, _ = self.assert_chart(jbw.chart_caseload(r, jbw.Group.ORGANISATION))
            self.assertIn("JBWEST", desc)
            desc, texts = self.assert_chart(jbw.chart_load_spread(r, lang="en"))
            self.assertIn("workers (number)", texts)

    def test_forecast_bands_and_scenarios(self):
        with jbw.Snapshot.example() as snap:
            params = jbw.ForecastParams.from_snapshot(snap)
            params.months = 6
            with jbw.run_forecast(params) as a, jbw.run_forecast(params, replicates=20) as b:
                desc, _ = self.assert_chart(jbw.chart_forecast(b))
                # the example's waiting list (docs/example.md): 96 + 45 = 141
                self.assertIn("Begin: 96 nieuw, 45 bestaand, 141 totaal.", desc)
                desc, _ = self.assert_chart(jbw.chart_scenarios([a, b], ["basis", "met band"]))
                self.assertIn(" met band: van 141 naar ", desc)
                with self.assertRaises(jbw.InvalidArgument):
                    jbw.chart_scenarios([])
                with self.assertRaises(ValueError):
                    jbw.chart_scenarios([a], ["one", "two"])
            with snap.triage() as t:
                desc, _ = self.assert_chart(jbw.chart_bands(t))
                self.assertIn(" acuut: ", desc)

    def test_bad_options_raise(self):
        with jbw.example_series_zhz() as s:
            with self.assertRaises(jbw.InvalidArgument):
                jbw.chart_series(s, suppress_below=jbw.PUBLISH_MAX + 1)
            with self.assertRaises(ValueError):
                jbw.chart_series(s, round_to=-1)


if __name__ == "__main__":
    unittest.main()


class Page(HTMLParser):
    """Reads the brief as a browser would: checks that elements nest and
    close, collects the tables by id (rows of cell texts) and the charts."""

    VOID = {"meta", "br", "img", "hr", "input", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tables, self.problems = [], {}, []
        self.table = None
        self.cell = None
        self.svgs = 0

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.svgs += 1
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "table":
            self.table = self.tables.setdefault(dict(attrs).get("id", f"t{len(self.tables)}"), [])
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = []

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()
        if tag in ("td", "th") and self.cell is not None:
            self.table[-1].append("".join(self.cell).strip())
            self.cell = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def dutch_number(text):
    """ "4.503" -> 4503, "373,1" -> 373.1, "70%" -> 70."""
    return float(text.replace(".", "").replace(",", ".").rstrip("%"))


class TheBrief(unittest.TestCase):
    def test_html_parses_and_its_figures_are_the_reports(self):
        with jbw.Snapshot.example() as snap, jbw.example_series_zhz() as zhz, \
                snap.caseload() as report:
            with jbw.make_brief(snap, series=zhz, notice=jbw.example_notice(),
                                replicates=10, months=6) as b:
                html, md, charts = b.html(), b.markdown(), b.charts()
            doc = report.to_dict()
            totals = doc["totals"]
        page = Page()
        page.feed(html)
        page.close()
        self.assertEqual(page.problems, [])
        self.assertEqual(page.stack, [])
        self.assertGreaterEqual(len(charts), 3)
        self.assertEqual(page.svgs, len(charts))
        for svg in charts.values():
            ET.fromstring(svg)
        head = {row[0]: row[1] for row in page.tables["kerncijfers"][1:]}
        # the brief's headline figures are the JSON report's
        self.assertEqual(dutch_number(head["Lopende maatregelen"]), totals["active_measures"])
        self.assertEqual(dutch_number(head["Zonder vaste jeugdbeschermer: nieuw"]),
                         totals["waiting_nieuw"])
        self.assertEqual(dutch_number(head["Zonder vaste jeugdbeschermer: bestaand"]),
                         totals["waiting_bestaand"])
        self.assertEqual(dutch_number(head["Medewerkers in dienst"]), totals["workers"])
        self.assertAlmostEqual(dutch_number(head["Beschikbare fte"]),
                               totals["available_fte"], delta=0.05)
        # one decimal: within half a tenth (375.25 shows as 375,2)
        self.assertAlmostEqual(dutch_number(head["Benodigde fte volgens de norm"]),
                               totals["required_fte"], delta=0.05 + 1e-9)
        # every other headline figure that the JSON report has too
        waiting = totals["waiting_nieuw"] + totals["waiting_bestaand"]
        self.assertEqual(dutch_number(head["Jeugdigen met een maatregel"]), totals["children"])
        self.assertEqual(dutch_number(head["Zonder vaste jeugdbeschermer: totaal"]), waiting)
        # whole percent: within half a percent (70.4 shows as 70%)
        self.assertAlmostEqual(dutch_number(head["Koppeling binnen 5 werkdagen"]),
                               totals["coupling_within_5_werkdagen_pct"], delta=0.5)
        self.assertEqual(dutch_number(head["Nog zonder jeugdbeschermer na 5 werkdagen"]),
                         totals["coupling_waiting_past"])
        self.assertAlmostEqual(dutch_number(head["Effectieve fte"]),
                               totals["effective_fte"], delta=0.05)
        self.assertAlmostEqual(dutch_number(head["Tekort in fte"]), totals["fte_gap"],
                               delta=0.05)
        self.assertAlmostEqual(dutch_number(head["Caseload als deel van de capaciteit"]),
                               100 * totals["load"] / totals["capacity"], delta=0.5)
        # the waiting list per region and per organisation: the report's
        # groups, each nieuw / bestaand / total (the brief names them, the
        # report keys them; the groups with no measures and no workers are
        # left out of both comparisons)
        for table, groups in (("wachtend-regio", doc["by_region"]),
                              ("wachtend-organisatie", doc["by_organisation"])):
            rows = sorted(tuple(int(dutch_number(x)) for x in r[1:])
                          for r in page.tables[table][1:])
            want = sorted((g["waiting_nieuw"], g["waiting_bestaand"],
                           g["waiting_nieuw"] + g["waiting_bestaand"])
                          for g in groups if g["workers"] or g["active_measures"])
            self.assertEqual(rows, want, table)
        self.assertEqual(page.tables["reeks"][1], ["20-9-2024", "41", "72", "113"])
        # aggregates only: no id of the example (W0001, M00001, C00001, F00001)
        self.assertIsNone(re.search(r"\b[WMCF]\d{4,}\b", html + md))

    def test_brief_text_in_either_format_and_language(self):
        with jbw.Snapshot.example() as snap:
            md = jbw.brief(snap, "md", lang="en", replicates=0, months=3)
            # the example snapshot's own notice, without asking for it
            self.assertTrue(md.startswith("> **" + jbw.example_notice()))
            self.assertIn("\n# Youth protection", md)
            self.assertIn("| Active measures | 4,503 |", md)
            with self.assertRaises(ValueError):
                jbw.brief(snap, "pdf", replicates=0)
            with self.assertRaises(jbw.InvalidArgument):
                jbw.brief(snap, queue_percent=100)

    def test_markdown_with_its_charts_as_files(self):
        # save_markdown writes brief-1.svg ... beside brief.md and links
        # each once, relatively; every file is a well-formed chart
        with jbw.Snapshot.example() as snap, \
                jbw.make_brief(snap, replicates=0, months=3) as b, \
                tempfile.TemporaryDirectory() as d:
            files = b.save_markdown(os.path.join(d, "brief.md"))
            with open(os.path.join(d, "brief.md"), encoding="utf-8") as f:
                md = f.read()
            self.assertEqual(len(files), len(b.charts()))
            links = re.findall(r"^!\[[^\]]+\]\(([^)]+)\)$", md, re.M)
            self.assertEqual(links, [os.path.basename(p) for p in files])
            for path in files:
                root = ET.parse(path).getroot()
                self.assertIn(jbw.example_notice(), ET.tostring(root, encoding="unicode"))
            self.assertIn("](x%20y-1.svg)", b.markdown(image_prefix="x y"))
            self.assertNotIn("](", b.markdown())
            with self.assertRaises(jbw.InvalidArgument):
                b.markdown(image_prefix="")
