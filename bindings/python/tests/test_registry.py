"""The registry: building, reading, CSV, lookups."""
import unittest

import jbw


class ZuidWest(unittest.TestCase):
    def setUp(self):
        self.reg = jbw.Registry.zuid_west()

    def tearDown(self):
        self.reg.close()

    def test_four_regions_and_three_gis_each_serving_all_four(self):
        self.assertEqual([r.key for r in self.reg.regions()], ["HGL", "HR", "MH", "ZHZ"])
        self.assertEqual(self.reg.region_count, 4)
        orgs = self.reg.organisations()
        self.assertEqual([o.key for o in orgs], ["JBWEST", "WSS", "LDH"])
        self.assertEqual(self.reg.organisation_count, 3)
        for o in orgs:
            self.assertEqual(o.regions, ("HGL", "HR", "MH", "ZHZ"))

    def test_municipalities_belong_to_known_regions(self):
        munis = self.reg.municipalities()
        self.assertEqual(len(munis), self.reg.municipality_count)
        self.assertIn(jbw.Municipality("Dordrecht", "ZHZ"), munis)
        self.assertIn(jbw.Municipality("Den Haag", "HGL"), munis)
        self.assertLessEqual({m.region for m in munis}, {"HGL", "HR", "MH", "ZHZ"})

    def test_lookups(self):
        self.assertEqual(self.reg.find_region("MH"), 2)
        self.assertEqual(self.reg.find_organisation("LDH"), 2)
        self.assertTrue(self.reg.serves("JBWEST", "ZHZ"))
        self.assertEqual(self.reg.region(0).name, "Haaglanden")
        with self.assertRaises(jbw.NotFound) as cm:
            self.reg.find_region("XX")
        self.assertIn("XX", str(cm.exception))
        with self.assertRaises(jbw.NotFound):
            self.reg.serves("NOPE", "ZHZ")

    def test_index_out_of_range(self):
        with self.assertRaises(jbw.RangeError):
            self.reg.region(4)

    def test_csv_round_trip_and_clone(self):
        text = self.reg.to_csv()
        with jbw.Registry.from_csv(text) as back:
            self.assertEqual(back.to_dict(), self.reg.to_dict())
        with self.reg.clone() as copy:
            self.assertEqual(copy.to_dict(), self.reg.to_dict())


class Building(unittest.TestCase):
    def test_build_a_registry_by_hand(self):
        with jbw.Registry() as reg:
            self.assertEqual(reg.region_count, 0)
            reg.add_region("R1", "Regio Een", "JZ99")
            reg.add_municipality("Dorp", "R1")
            reg.add_organisation("GI1", "Instelling Een")
            self.assertFalse(reg.serves("GI1", "R1"))
            reg.add_service("GI1", "R1")
            reg.add_service("GI1", "R1")  # twice is not an error
            self.assertTrue(reg.serves("GI1", "R1"))
            self.assertEqual(reg.regions(), [jbw.Region("R1", "Regio Een", "JZ99")])
            self.assertEqual(reg.organisations(), [jbw.Organisation("GI1", "Instelling Een", ("R1",))])

    def test_bad_input_is_refused_with_a_message(self):
        with jbw.Registry() as reg:
            reg.add_region("R1", "Regio Een")
            with self.assertRaises(jbw.Duplicate):
                reg.add_region("R1", "Nog eens")
            with self.assertRaises(jbw.InvalidArgument) as cm:
                reg.add_region("bad key!", "Naam")
            self.assertIn("bad key!", str(cm.exception))
            with self.assertRaises(jbw.NotFound):
                reg.add_municipality("Dorp", "R9")
            self.assertEqual(reg.region_count, 1)

    def test_malformed_csv_is_a_parse_error_naming_the_source(self):
        with self.assertRaises(jbw.ParseError) as cm:
            jbw.Registry.from_csv("nonsense,header\n1,2\n", name="mine.csv")
        self.assertIn("mine.csv", str(cm.exception))

    def test_load_csv_from_a_file(self):
        import os
        import tempfile
        with jbw.Registry.zuid_west() as reg, tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "registry.csv")
            jbw.write_file(path, reg.to_csv())
            with jbw.Registry.load_csv(path) as back:
                self.assertEqual(back.to_dict(), reg.to_dict())
        with self.assertRaises(jbw.JbwIOError):
            jbw.Registry.load_csv("/nonexistent/registry.csv")


if __name__ == "__main__":
    unittest.main()


class National(unittest.TestCase):
    """The national registry: CBS/PDOK Gebiedsindelingen 2025 (42
    jeugdregio's, 342 municipalities); Voorschoten moved from Haaglanden to
    Holland Rijnland on 1-1-2024 (docs/sources.md)."""

    def test_years(self):
        self.assertEqual(jbw.Registry.national_years(), (2023, 2025))

    def test_42_regions_342_municipalities_each_once(self):
        with jbw.Registry.national() as reg:
            codes = [r.cbs_code for r in reg.regions()]
            self.assertEqual(len(codes), 42)
            self.assertEqual(codes, [f"JZ{n:02d}" for n in range(1, 44) if n != 40])
            names = [m.name for m in reg.municipalities()]
            self.assertEqual(len(names), 342)
            self.assertEqual(len(set(names)), 342)

    def test_voorschoten_by_year(self):
        with jbw.Registry.national(2023) as r2023, jbw.Registry.national(2024) as r2024:
            self.assertEqual(r2023.region_of("Voorschoten"), "JZ24")
            self.assertEqual(r2024.region_of("Voorschoten"), "JZ18")

    def test_json_parses_with_the_documented_keys(self):
        import json
        with jbw.Registry.national(2025) as reg:
            doc = json.loads(reg.to_json())
        by_code = {r["cbs_code"]: r for r in doc["regions"]}
        self.assertEqual(by_code["JZ27"]["name"], "Midden Holland")
        self.assertEqual(len(by_code["JZ27"]["municipalities"]), 5)
        self.assertEqual([o["key"] for o in doc["organisations"]],
                         ["JBWEST", "WSS", "LDH", "NIDOS"])

    def test_bad_year_and_name(self):
        with self.assertRaises(jbw.RangeError):
            jbw.Registry.national(2022)
        with self.assertRaises(TypeError):
            jbw.Registry.national("2025")
        with jbw.Registry.national() as reg, self.assertRaises(jbw.NotFound):
            reg.find_municipality("Den Haag")
