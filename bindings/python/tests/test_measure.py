"""Measure kinds and the enums of measure.h."""
import unittest

import jbw
from jbw import Kind


class Kinds(unittest.TestCase):
    def test_the_library_knows_the_twelve_kinds_of_the_enum(self):
        self.assertEqual(jbw.kind_count(), 12)
        self.assertEqual(len(Kind), jbw.kind_count())

    def test_codes_are_the_member_names(self):
        for k in Kind:
            self.assertEqual(k.code, k.name)
            self.assertEqual(str(k), k.name)

    def test_dutch_names(self):
        self.assertEqual(Kind.OTS.dutch_name, "ondertoezichtstelling")
        self.assertEqual(Kind.VOTS.dutch_name, "voorlopige ondertoezichtstelling")

    def test_domains_and_ijw_categories(self):
        # jeugdbescherming kinds are 0..4 (iJw 48), jeugdreclassering 5..11 (iJw 47)
        for k in Kind:
            jb = k <= Kind.TIJDELIJKE_VOOGDIJ
            self.assertIs(k.domain, jbw.Domain.JB if jb else jbw.Domain.JR)
            self.assertEqual(k.ijw_category, 48 if jb else 47)

    def test_only_vots_and_voorlopige_voogdij_are_emergencies(self):
        self.assertEqual({k for k in Kind if k.is_emergency},
                         {Kind.VOTS, Kind.VOORLOPIGE_VOOGDIJ})

    def test_from_code_is_case_insensitive(self):
        self.assertIs(Kind.from_code("ots"), Kind.OTS)
        self.assertIs(Kind.from_code("JR_TB_GEDWONGEN"), Kind.JR_TB_GEDWONGEN)

    def test_an_unknown_code_is_not_found_naming_it(self):
        with self.assertRaises(jbw.NotFound) as cm:
            Kind.from_code("XYZ")
        self.assertIn("XYZ", str(cm.exception))

    def test_coerce_accepts_member_int_and_code(self):
        self.assertIs(Kind.coerce(Kind.VOTS), Kind.VOTS)
        self.assertIs(Kind.coerce(1), Kind.VOTS)
        self.assertIs(Kind.coerce("VOTS"), Kind.VOTS)
        with self.assertRaises(ValueError):
            Kind.coerce(99)


class OtherEnums(unittest.TestCase):
    def test_file_codes_round_trip(self):
        expected = {
            jbw.Safety: ["unknown", "safe", "concerns", "unsafe", "acute"],
            jbw.Placement: ["none", "placed", "crisis"],
            jbw.JrRisk: ["unknown", "low", "medium", "high"],
        }
        for cls, codes in expected.items():
            self.assertEqual([v.code for v in cls], codes)
            for v in cls:
                self.assertIs(cls.from_code(v.code), v)

    def test_a_bad_code_raises(self):
        for cls in (jbw.Safety, jbw.Placement, jbw.JrRisk):
            with self.subTest(cls.__name__), self.assertRaises(jbw.Error):
                cls.from_code("maybe")


class Records(unittest.TestCase):
    def test_measure_accepts_codes_for_enums(self):
        m = jbw.Measure("M1", "C1", "VOTS", "JBWEST", "HGL", "2025-01-06",
                        safety="unsafe", placement="crisis", jr_risk=0)
        self.assertIs(m.kind, Kind.VOTS)
        self.assertIs(m.safety, jbw.Safety.UNSAFE)
        self.assertIs(m.placement, jbw.Placement.CRISIS)
        self.assertIs(m.jr_risk, jbw.JrRisk.UNKNOWN)

    def test_records_convert_to_c_and_back(self):
        from datetime import date
        w = jbw.Worker("W1", "JBWEST", date(2020, 1, 1), fte=0.8, region="HGL",
                       leaving=date(2026, 1, 1))
        self.assertEqual(jbw.Worker._from_c(w._to_c()), w)
        m = jbw.Measure("M1", "C1", Kind.OTS, "JBWEST", "HGL", date(2025, 1, 6),
                        family_id="F1", birth_date=date(2015, 5, 5),
                        safety=jbw.Safety.CONCERNS)
        self.assertEqual(jbw.Measure._from_c(m._to_c()), m)


if __name__ == "__main__":
    unittest.main()
