"""Charts (jbw/brief.h): every chart is a well-formed, accessible SVG that
states its figures; the options reach the library."""
import unittest
import xml.etree.ElementTree as ET

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
            # seed 000: 41 nieuw and 72 bestaand on 20-9-2024, 113 in all
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
