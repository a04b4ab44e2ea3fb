"""Model version 2 of the waiting-risk model from Python: the default,
its new inputs and corrections with scores worked out by hand, the
professional override, the equality of jeugdreclassering kinds, the
register entry and the card. Scored on Monday 1 September 2025 with the
CAO calendar (no holidays in July-September 2025)."""
import json
import unittest
from datetime import date

import jbw
from jbw import Band, Item, Kind, Measure, WaitCase, YesNo

from .support import D


def zero(**fields):
    # 0 points in version 2: JR risk low, safe, other help yes, no domestic
    # violence, waiting since D, born 2010 (15), last contact on D.
    base = dict(kind=Kind.JR_TB_GEDWONGEN, jr_risk=jbw.JrRisk.LOW,
                safety=jbw.Safety.SAFE, other_help=YesNo.YES,
                domestic_violence=YesNo.NO, birth_date=date(2010, 1, 1),
                last_contact=D)
    base.update(fields)
    return WaitCase("Z", "CZ", base.pop("waiting_since", D), **base)


class Version2(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.v2 = jbw.WaitRiskModel()
        cls.v1 = jbw.WaitRiskModel(1)

    @classmethod
    def tearDownClass(cls):
        cls.v1.close()
        cls.v2.close()

    def test_default_is_version_2(self):
        self.assertEqual((self.v2.name, self.v2.version, self.v2.base_version),
                         ("jbw-wachtrisico", 2, 2))
        self.assertEqual((self.v1.version, self.v1.base_version), (1, 1))
        self.assertEqual(len(self.v2.params), 60)
        self.assertEqual(len(self.v1.params), 43)
        with self.assertRaises(jbw.InvalidArgument):
            jbw.WaitRiskModel(3)

    def test_zero_case(self):
        self.assertEqual(self.v2.score(zero(), D).points, 0)

    def test_never_contacted_days_count_once(self):
        # OTS 10; waiting since Fri 18 Jul: 21-25 Jul 5 + 28-31 Jul 4 +
        # August 21 + 1 Sep = 31 werkdagen: 25; no recorded contact: the
        # no-contact item does not count the same 31 days again. 35 midden;
        # version 1 adds 20 for them: 55 hoog.
        c = zero(kind=Kind.OTS, waiting_since=date(2025, 7, 18), last_contact=None)
        s2, s1 = self.v2.score(c, D), self.v1.score(c, D)
        self.assertEqual((s2.points, s2.band), (35, Band.MIDDEN))
        self.assertNotIn(Item.NO_CONTACT, s2.item_points)
        self.assertEqual((s1.points, s1.band), (55, Band.HOOG))

    def test_new_items(self):
        # concerns 15 + no safety plan 10 + no other help 10 + domestic
        # violence 15 + term end Fri 19 Sep (14 werkdagen) 15 = 65 hoog.
        c = zero(safety=jbw.Safety.CONCERNS, safety_plan="nee", other_help="no",
                 domestic_violence=YesNo.YES, term_end="2025-09-19")
        s = self.v2.score(c, D)
        self.assertEqual(s.item_points, {Item.SAFETY: 15, Item.SAFETY_PLAN: 10,
                                         Item.OTHER_HELP: 10,
                                         Item.DOMESTIC_VIOLENCE: 15,
                                         Item.TERM_END: 15})
        self.assertEqual((s.points, s.band), (65, Band.HOOG))
        self.assertIn("2025-09-19", self.v2.explain(c, s, "en")[Item.TERM_END])
        # version 1 sees only the safety: 15
        self.assertEqual(self.v1.score(c, D).points, 15)

    def test_unborn_child_is_in_the_youngest_band(self):
        # expected birth 15 Nov 2025, measure since 1 Aug: 20 points
        c = zero(waiting_since=date(2025, 8, 1), last_contact=date(2025, 8, 20),
                 birth_date=date(2025, 11, 15))
        s = self.v2.score(c, D)
        self.assertTrue(s.unborn)
        self.assertIsNone(s.age_years)
        self.assertEqual(s.item_points[Item.AGE], 20)

    def test_jr_kinds_score_the_same(self):
        for risk in jbw.JrRisk:
            a = zero(jr_risk=risk, safety=jbw.Safety.CONCERNS)
            b = zero(jr_risk=risk, safety=jbw.Safety.CONCERNS,
                     kind=Kind.JR_ITB_CRIEM)
            for m in (self.v1, self.v2):
                sa, sb = m.score(a, D), m.score(b, D)
                self.assertEqual((sa.points, sa.band, sa.item_points),
                                 (sb.points, sb.band, sb.item_points))

    def test_override_sets_the_band_and_keeps_the_points(self):
        c = zero(override_band="hoog", override_reason="signaal school")
        s = self.v2.score(c, D)
        self.assertEqual((s.points, s.band), (0, Band.HOOG))
        self.assertEqual(self.v2.computed_band(s), Band.LAAG)
        # next contact: hoog, 5 werkdagen after the last contact on D
        self.assertEqual(s.next_contact_due, date(2025, 9, 8))
        with self.assertRaises(jbw.InvalidArgument) as e:
            self.v2.score(zero(override_band=Band.ACUUT), D)
        self.assertIn("override_reason", str(e.exception))

    def test_batch_and_rank_use_the_override(self):
        cases = [zero(kind=Kind.OTS, waiting_since=date(2025, 7, 18), last_contact=None),
                 zero(override_band="hoog", override_reason="signaal school")]
        cases[1].id = "B"
        scores = self.v2.score_batch(cases, D)
        self.assertEqual([s.points for s in scores], [35, 0])
        self.assertEqual(jbw.rank(cases, scores), [1, 0])

    def test_register_and_card(self):
        doc = self.v2.register_dict()
        self.assertEqual(doc["standard"], {"name": "Algoritmeregister Publicatiestandaard",
                                           "version": "1.0.10"})
        fields = {f["key"]: f for f in doc["fields"]}
        self.assertEqual(fields["wettelijke_basis"]["fill_by"], "organisation")
        self.assertIsNone(fields["impacttoetsen"]["value"])
        self.assertIn("jbw-wachtrisico versie 2", fields["naam"]["value"])
        self.assertIn("## Menselijke tussenkomst", self.v2.register("md"))
        self.assertIn("| `safety_plan` |", self.v2.card())
        self.assertNotIn("safety_plan", self.v1.card())
        with self.assertRaises(ValueError):
            self.v2.register("pdf")

    def test_model_file_names_its_base_version(self):
        m = jbw.WaitRiskModel.parse("name = regio\nversion = 1\nbase_version = 2\n"
                                    "points.term_end.near = 20\n")
        self.assertEqual((m.base_version, m.get("points.term_end.near")), (2, 20))
        self.assertIn("base_version = 2", self.v2.save())
        with self.assertRaises(jbw.ProtectedAttribute):
            jbw.WaitRiskModel.parse("name = x\nversion = 1\nbase_version = 2\n"
                                    "points.nationality = 1\n")


class MeasureRecord(unittest.TestCase):
    def test_new_fields_go_through_a_snapshot(self):
        with jbw.Registry.zuid_west() as reg, jbw.Snapshot(reg, D) as snap:
            snap.add_measure(Measure("M1", "C1", "OTS", "JBWEST", "ZHZ", "2025-08-04",
                                     safety_plan="ja", other_help=YesNo.NO,
                                     term_end="2026-08-03", override_band="midden",
                                     override_reason="gesprek met moeder"))
            m = snap.measure(0)
            self.assertEqual((m.safety_plan, m.other_help, m.domestic_violence),
                             (YesNo.YES, YesNo.NO, YesNo.UNKNOWN))
            self.assertEqual(m.term_end, date(2026, 8, 3))
            self.assertEqual((m.override_band, m.override_reason),
                             ("midden", "gesprek met moeder"))
            with snap.triage() as t:
                doc = json.loads(t.to_json())
                self.assertTrue(doc["cases"][0]["overridden"])
                self.assertEqual(doc["cases"][0]["override"],
                                 {"band": "midden", "reason": "gesprek met moeder"})
                self.assertTrue(t.to_records()[0]["overridden"])


if __name__ == "__main__":
    unittest.main()
