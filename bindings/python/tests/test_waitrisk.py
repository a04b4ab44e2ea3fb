"""The waiting-risk model: scores worked out by hand from the default model
jbw-wachtrisico 1 (waitrisk.h), batch = one by one, ranking, triage and
allocation. Scored on Monday 1 September 2025 with the CAO calendar; no
holidays fall in July-August 2025."""
import array
import dataclasses
import json
import os
import unittest
import warnings
from datetime import date, timedelta

import jbw
from jbw import Band, Item, Kind, WaitCase

from .support import D, small_measures, small_snapshot, small_workers


def case_a():
    # unsafe 30; OTS with placement 15; waiting since Tue 1 Jul: werkdagen
    # 2-31 Jul 22 + Aug 21 + 1 Sep 1 = 44 (31-65) 25; age 2 (< 4) 15; last
    # contact Mon 18 Aug: 19-22 Aug 4 + 25-29 Aug 5 + 1 Sep = 10 (not > 10) 0.
    # Total 85: acuut (>= 80).
    return WaitCase("A", "CA", date(2025, 7, 1), Kind.OTS, safety=jbw.Safety.UNSAFE,
                    placement=jbw.Placement.PLACED, birth_date=date(2023, 3, 15),
                    last_contact=date(2025, 8, 18), organisation="JBWEST", region="HGL")


def case_b():
    # JR medium 8; safe 0; waiting since Mon 25 Aug: 26-29 Aug 4 + 1 Sep = 5
    # (<= 5) 0; age 16 0; no contact 5 werkdagen 0; bestaand 10; 3 earlier
    # workers 5. Total 23: laag (< 25).
    return WaitCase("B", "CB", date(2025, 8, 25), Kind.JR_TB_GEDWONGEN,
                    safety=jbw.Safety.SAFE, jr_risk=jbw.JrRisk.MEDIUM,
                    birth_date=date(2009, 6, 1), previous_workers=3)


def case_c():
    # concerns 15; VOTS 25; waiting since Fri 29 Aug: 1 werkdag 0; age
    # exactly 6 on 1 Sep (4-11) 5; no contact 1 werkdag 0. Total 45: midden.
    return WaitCase("C", "CC", date(2025, 8, 29), Kind.VOTS, safety=jbw.Safety.CONCERNS,
                    birth_date=date(2019, 9, 1))


def case_d():
    # acute: +100 and band acuut; OTS 10; waiting since 1 Sep: 0; age
    # unknown 5. Total 115: acuut.
    return WaitCase("D", "CD", D, Kind.OTS, safety=jbw.Safety.ACUTE)


class Scoring(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model = jbw.WaitRiskModel(1)  # the hand-worked figures are version 1's

    @classmethod
    def tearDownClass(cls):
        cls.model.close()

    def test_model_identity_and_contact_intervals(self):
        self.assertEqual((self.model.name, self.model.version), ("jbw-wachtrisico", 1))
        self.assertEqual([self.model.contact_interval(b) for b in Band], [20, 10, 5, 1])

    def test_model_parameters_read_back(self):
        # 43 parameters (docs/model-card.md); values from the model card's table.
        params = self.model.params
        self.assertEqual(len(params), 43)
        self.assertEqual(next(iter(params)), "points.acute")
        self.assertEqual(params["points.safety.unsafe"], 30)
        self.assertEqual(params["points.time.over_65"], 35)
        self.assertEqual(self.model.get("band.acuut.min"), 80)
        self.assertEqual(self.model.get("contact.laag"), 20)
        with self.assertRaises(jbw.NotFound) as cm:
            self.model.get("points.religion")
        self.assertIn("points.religion", str(cm.exception))

    def test_case_a_scores_85_acuut(self):
        s = self.model.score(case_a(), D)
        self.assertEqual((s.points, s.band, s.workdays_waiting, s.workdays_no_contact,
                          s.age_years), (85, Band.ACUUT, 44, 10, 2))
        self.assertEqual(s.item_points, {Item.SAFETY: 30, Item.MEASURE: 15,
                                         Item.TIME_WAITED: 25, Item.AGE: 15})
        self.assertEqual(s.case_id, "A")

    def test_case_b_scores_23_laag(self):
        s = self.model.score(case_b(), D)
        self.assertEqual((s.points, s.band, s.workdays_waiting), (23, Band.LAAG, 5))
        self.assertEqual(s.item_points, {Item.MEASURE: 8, Item.BESTAAND: 10,
                                         Item.HANDOVERS: 5})

    def test_case_c_scores_45_midden(self):
        s = self.model.score(case_c(), D)
        self.assertEqual((s.points, s.band, s.age_years), (45, Band.MIDDEN, 6))
        self.assertEqual(s.item_points, {Item.SAFETY: 15, Item.MEASURE: 25, Item.AGE: 5})

    def test_case_d_acute_overrides_to_acuut(self):
        s = self.model.score(case_d(), D)
        self.assertEqual((s.points, s.band), (115, Band.ACUUT))
        self.assertEqual(s.item_points, {Item.ACUTE: 100, Item.MEASURE: 10, Item.AGE: 5})
        self.assertIsNone(jbw.WaitCase("E", "CE", D).birth_date)

    def test_every_scoring_item_has_a_reason_in_both_languages(self):
        s = self.model.score(case_a(), D)
        for item in s.items:
            self.assertTrue(item.reason_nl)
            self.assertTrue(item.reason_en)
        reasons = dict((i.item, i.reason_nl) for i in s.items)
        self.assertIn("44", reasons[Item.TIME_WAITED])
        self.assertEqual(s.reasons("en"), [i.reason_en for i in s.items])
        self.assertEqual(self.model.explain(case_a(), s, "en"),
                         {i.item: i.reason_en for i in s.items})
        self.assertEqual(s.to_dict()["band"], "acuut")

    def test_without_reasons(self):
        s = self.model.score(case_a(), D, reasons=False)
        self.assertTrue(all(i.reason_nl is None for i in s.items))

    def test_a_bad_case_is_refused_naming_the_id_and_field(self):
        bad = WaitCase("Z1", "CZ", date(2025, 9, 2))   # waits after the date
        with self.assertRaises(jbw.InvalidArgument) as cm:
            self.model.score(bad, D)
        self.assertIn("Z1", str(cm.exception))
        with self.assertRaises(jbw.Error):
            self.model.score(WaitCase("Z2", "CZ", None), D)

    def test_band_and_item_codes(self):
        self.assertEqual([b.code for b in Band], ["laag", "midden", "hoog", "acuut"])
        self.assertEqual(Item.TIME_WAITED.code, "time_waited")
        self.assertIs(jbw.Lang.coerce("en"), jbw.Lang.EN)
        with self.assertRaises(ValueError):
            jbw.Lang.coerce("de")


class Batch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model = jbw.WaitRiskModel(1)  # the hand-worked figures are version 1's
        cls.cases = [case_a(), case_b(), case_c(), case_d()] * 25

    @classmethod
    def tearDownClass(cls):
        cls.model.close()

    def test_a_score_without_its_reasons_says_so_rather_than_none(self):
        with jbw.WaitRiskModel(1) as m:
            case = WaitCase("M1", "C1", D - timedelta(days=30))
            plain = m.score_batch([case], D)[0]
            with self.assertRaisesRegex(ValueError, "made without its reasons"):
                plain.reasons()
            full = m.score_batch([case], D, reasons=True)[0]
            self.assertEqual(full.reasons(), m.score(case, D).reasons())
            self.assertTrue(full.reasons())

    def test_batch_results_equal_one_by_one_results(self):
        one = [self.model.score(c, D) for c in self.cases]
        batch = self.model.score_batch(self.cases, D, reasons=True)
        self.assertEqual(batch, one)
        quick = self.model.score_batch(self.cases, D)
        self.assertEqual([(s.points, s.band, s.item_points) for s in quick],
                         [(s.points, s.band, s.item_points) for s in one])

    def test_prepared_arrays_from_columns_equal_from_dataclasses(self):
        cases = self.cases
        cols = jbw.WaitCaseArray.from_columns(
            id=[c.id for c in cases], child_id=[c.child_id for c in cases],
            waiting_since=array.array("i", [jbw._util.to_days(c.waiting_since) for c in cases]),
            kind=[c.kind.code for c in cases], safety=[int(c.safety) for c in cases],
            placement=[c.placement for c in cases], jr_risk=[c.jr_risk for c in cases],
            birth_date=[c.birth_date for c in cases],
            last_contact=[c.last_contact for c in cases],
            previous_workers=[c.previous_workers for c in cases],
            organisation=[c.organisation for c in cases],
            region=[c.region for c in cases], family_id=[None] * len(cases))
        self.assertEqual(cols.cases(), cases)
        self.assertEqual(jbw.WaitCaseArray.from_cases(cases).cases(), cases)
        out = jbw.ScoreArray(len(cases))
        res = self.model.score_array(cols, D, out=out)
        self.assertIs(res, out)
        self.assertEqual(out.points(), [85, 23, 45, 115] * 25)
        self.assertEqual(out.bands()[:4], [Band.ACUUT, Band.LAAG, Band.MIDDEN, Band.ACUUT])
        self.assertEqual(out.workdays_waiting()[:4], [44, 5, 1, 0])
        self.assertEqual(out[1].points, 23)
        self.assertEqual(cols[0], case_a())
        self.assertEqual(cols.ids[:2], ["A", "B"])

    def test_to_columns_gives_every_score_as_machine_arrays(self):
        # The four cases of the test above: points 85, 23, 45 and 115,
        # bands acuut, laag, midden, acuut (worked out there).
        cases = [case_a(), case_b(), case_c(), case_d()]
        ids = [c.id for c in cases]
        out = self.model.score_array(jbw.WaitCaseArray.from_cases(cases), D,
                                     out=jbw.ScoreArray(len(cases)))
        cols = out.to_columns(ids)
        self.assertEqual(cols["id"], ids)
        self.assertIsInstance(cols["points"], array.array)
        self.assertEqual(list(cols["points"]), [85, 23, 45, 115])
        self.assertEqual([Band(b) for b in cols["band"]],
                         [Band.ACUUT, Band.LAAG, Band.MIDDEN, Band.ACUUT])
        for k, score in enumerate(out.to_scores(ids)):
            self.assertEqual(cols["workdays_waiting"][k], score.workdays_waiting)
            self.assertEqual(cols["workdays_no_contact"][k], score.workdays_no_contact)
            self.assertEqual(cols["age_years"][k],
                             -1 if score.age_years is None else score.age_years)
            self.assertEqual(date(1970, 1, 1) + timedelta(cols["next_contact_due"][k]),
                             score.next_contact_due)
            for item in Item:
                self.assertEqual(cols[f"points_{item.code}"][k],
                                 score.item_points.get(item, 0))
        self.assertNotIn("id", out.to_columns())
        with self.assertRaises(ValueError):
            out.to_columns(["only one id"])
        self.assertEqual(jbw.ScoreArray(0).to_columns()["points"], array.array("i"))

    def test_string_columns_read_back_ascii_or_not(self):
        # ASCII ids take one join and one encode; others (and None) are
        # encoded one by one: both must give the same strings back.
        for ids in (["A1", "B22", "C333"], ["Zoë", "A1", "Åsa-2"]):
            cols = jbw.WaitCaseArray.from_columns(ids, ids, [D, D, D],
                                                  family_id=[None, "F", None])
            got = cols.cases()
            self.assertEqual([c.id for c in got], ids)
            self.assertEqual([c.child_id for c in got], ids)
            self.assertEqual([c.family_id for c in got], [None, "F", None])

    def test_text_columns_read_none_and_nan_as_absent(self):
        # lists: None and a float NaN (pandas' gap in an object column)
        # are no value, as an omitted column's default
        got = jbw.WaitCaseArray.from_columns(
            ["A1", "B2", "C3"], ["K1", "K2", "K3"], [D] * 3,
            family_id=["F1", None, float("nan")],
            region=[float("nan"), "HGL", None]).cases()
        self.assertEqual([c.family_id for c in got], ["F1", None, None])
        self.assertEqual([c.region for c in got], [None, "HGL", None])

    def test_text_columns_are_read_by_value_not_by_index(self):
        # a sequence whose `in` and [] look at labels 10, 11 (as a pandas
        # Series' do at its index) and whose iteration gives the values
        ids = IndexedColumn(["A1", "B2"])
        got = jbw.WaitCaseArray.from_columns(
            ids, IndexedColumn(["K1", "K2"]), [D, D],
            family_id=IndexedColumn(["F1", None]),
            organisation=IndexedColumn([float("nan"), "WSS"]))
        self.assertEqual(got.ids, ["A1", "B2"])
        cases = got.cases()
        self.assertEqual([c.family_id for c in cases], ["F1", None])
        self.assertEqual([c.organisation for c in cases], [None, "WSS"])
        # an id column with a gap: the ids read back with "" for it
        got = jbw.WaitCaseArray.from_columns(IndexedColumn(["A1", None]),
                                             ["K1", "K2"], [D, D])
        self.assertEqual(got.ids, ["A1", ""])
        self.assertEqual([c.id for c in got.cases()], ["A1", ""])

    def test_a_text_value_that_is_not_a_str_names_column_row_and_value(self):
        for ids in (["A1", "B2"], IndexedColumn(["A1", "B2"])):
            with self.subTest(ids=type(ids).__name__):
                with self.assertRaises(TypeError) as cm:
                    jbw.WaitCaseArray.from_columns(
                        ids, ["K1", "K2"], [D, D], family_id=["F1", 7])
                self.assertEqual(str(cm.exception),
                                 "column 'family_id', row 1 (id 'B2'): "
                                 "expected a str or None, not int 7")
        with self.assertRaises(TypeError) as cm:
            jbw.WaitCaseArray.from_columns(["A1", "B2"], IndexedColumn([3, "K2"]),
                                           [D, D], family_id=["F1", None])
        self.assertEqual(str(cm.exception), "column 'child_id', row 0 (id 'A1'): "
                                            "expected a str or None, not int 3")

    def test_gaps_in_date_enum_and_number_columns_mean_no_value(self):
        # pandas reads an empty CSV field as NaN (NaT in a date column):
        # no value, as the empty field means in a file. A stand-in for
        # NaT: a datetime of 1-1-1 whose type is named NaTType, as pandas'
        # is (date.toordinal reads it as day 1 of year 1).
        import datetime as dt

        class NaTType(dt.datetime):
            pass

        nat, nan = NaTType(1, 1, 1), float("nan")
        got = jbw.WaitCaseArray.from_columns(
            ["A", "B"], ["C1", "C2"], ["2025-08-01", "2025-08-02"],
            last_contact=[date(2025, 8, 20), nat], birth_date=[nan, "2015-01-01"],
            safety=["concerns", None], safety_plan=[nan, nan],
            override_band=[nan, None], previous_workers=[nan, 1]).cases()
        self.assertEqual([c.last_contact for c in got], [date(2025, 8, 20), None])
        self.assertEqual([c.birth_date for c in got], [None, date(2015, 1, 1)])
        # the defaults of jbw_wait_case_init: unknown, unknown, no override, 0
        self.assertEqual([c.safety for c in got], [jbw.Safety.CONCERNS,
                                                   jbw.Safety.UNKNOWN])
        self.assertEqual([c.safety_plan for c in got], [jbw.YesNo.UNKNOWN] * 2)
        self.assertEqual([c.override_band for c in got], [None, None])
        self.assertEqual([c.previous_workers for c in got], [0, 1])
        # a kind is required: a gap there is refused, naming column and row
        with self.assertRaises(Exception) as cm:
            jbw.WaitCaseArray.from_columns(["A", "B"], ["C1", "C2"], [D, D],
                                           kind=["OTS", nan])
        self.assertIn("column 'kind', row 1", str(cm.exception))

    def test_an_override_band_column_of_floats_with_gaps_is_read(self):
        # pandas holds a column of band numbers with an empty field as
        # floats: [nan, 2.0, 3.0, -1.0]; 2.0 was refused as "not a whole
        # number". NaN and None: no override (-1); 2.0 hoog, 3.0 acuut
        # (laag 0, midden 1, hoog 2, acuut 3); -1.0 no override.
        nan = float("nan")
        ids = ["A", "B", "C", "D", "E"]
        got = jbw.WaitCaseArray.from_columns(
            ids, ids, [D] * 5, kind=["OTS"] * 5,
            override_band=[nan, 2.0, None, 3.0, -1.0]).cases()
        self.assertEqual([c.override_band for c in got],
                         [None, "hoog", None, "acuut", None])
        # a fraction or a band outside -1..3 is refused, naming the
        # column, the row and the id, never truncated or wrapped
        with self.assertRaises(TypeError) as cm:
            jbw.WaitCaseArray.from_columns(ids[:3], ids[:3], [D] * 3, kind=["OTS"] * 3,
                                           override_band=[nan, 2.0, 1.5])
        self.assertEqual(str(cm.exception),
                         "column 'override_band', row 2 (id 'C'): override_band must be "
                         "a whole number (int), not 1.5: fractions are refused, not rounded")
        for value, bound in ((4.0, "at most 3, not 4"), (-2.0, "at least -1, not -2")):
            with self.subTest(value=value):
                with self.assertRaises(jbw.InvalidArgument) as cm:
                    jbw.WaitCaseArray.from_columns(ids[:2], ids[:2], [D] * 2,
                                                   kind=["OTS"] * 2,
                                                   override_band=[nan, value])
                self.assertIn(f"column 'override_band', row 1 (id 'B'): "
                              f"override_band must be {bound}", str(cm.exception))

    def test_a_text_value_with_a_nul_is_refused_naming_it(self):
        # the library reads a text up to its NUL: 'A\0B' would be 'A' there
        # and 'A\0B' in .ids, so it is refused, by id column and by another
        for cols in ((["A\0B", "C"], ["K1", "K2"]), (["A", "C"], ["K1", "K\0"])):
            with self.subTest(cols=cols):
                with self.assertRaises(ValueError) as cm:
                    jbw.WaitCaseArray.from_columns(cols[0], cols[1], [D, D])
                self.assertIn("may not hold a NUL character", str(cm.exception))
        with self.assertRaises(ValueError) as cm:
            jbw.WaitCaseArray.from_columns(["A", "C"], ["K1", "K\0"], [D, D])
        self.assertTrue(str(cm.exception).startswith(
            "column 'child_id', row 1 (id 'C'): "), str(cm.exception))

    def test_buffers_of_machine_integers_are_columns_too(self):
        # array('q') (as numpy's int64), array('h'), a memoryview of
        # array('i'): the same values as lists of ints would give
        ids = ["M1", "M2", "M3"]
        arr = jbw.WaitCaseArray.from_columns(
            ids, ids, [D] * 3, kind=array.array("q", [0, 1, 11]),
            safety=array.array("h", [4, 0, 3]),
            placement=memoryview(array.array("i", [2, 0, 1])),
            previous_workers=array.array("q", [0, 3, 1]))
        got = arr.cases()
        self.assertEqual([c.kind for c in got], [Kind.OTS, Kind.VOTS, Kind.JR_VGBM])
        self.assertEqual([c.safety for c in got],
                         [jbw.Safety.ACUTE, jbw.Safety.UNKNOWN, jbw.Safety.UNSAFE])
        self.assertEqual([c.placement for c in got],
                         [jbw.Placement.CRISIS, jbw.Placement.NONE, jbw.Placement.PLACED])
        self.assertEqual([c.previous_workers for c in got], [0, 3, 1])
        # 2**40 does not fit the record's int: the row and id are named
        with self.assertRaises(OverflowError) as cm:
            jbw.WaitCaseArray.from_columns(ids, ids, [D] * 3,
                                           kind=array.array("q", [0, 2 ** 40, 1]))
        self.assertIn("column 'kind', row 1 (id 'M2')", str(cm.exception))

    def test_the_array_keeps_the_text_its_strings_point_into(self):
        # the columns are temporaries: only the array holds the encoded text
        import gc
        arr = jbw.WaitCaseArray.from_columns([f"M{i}" for i in range(3)],
                                             [f"C{i}" for i in range(3)], [D] * 3,
                                             kind=[f"{k}" for k in ("OTS", "VOTS", "OTS")])
        gc.collect()
        filler = [f"X{i}" * 10 for i in range(10000)]  # reuse freed memory
        self.assertEqual([c.id for c in arr.cases()], ["M0", "M1", "M2"])
        self.assertEqual([c.child_id for c in arr.cases()], ["C0", "C1", "C2"])
        del filler

    def test_column_length_mismatch_is_refused(self):
        with self.assertRaises(ValueError):
            jbw.WaitCaseArray.from_columns(["a", "b"], ["c"], [D, D])

    def test_a_bad_value_in_a_column_names_the_column_row_and_id(self):
        # row 1 of three: a kind that does not exist, a date that does not
        # exist (February 2025 has 28 days); the error keeps its type
        ids, kids = ["M1", "M2", "M3"], ["C1", "C2", "C3"]
        with self.assertRaises(jbw.NotFound) as cm:
            jbw.WaitCaseArray.from_columns(ids, kids, [D] * 3, kind=["OTS", "XYZ", "OTS"])
        self.assertIn("column 'kind', row 1 (id 'M2'): not a measure kind code: 'XYZ'",
                      str(cm.exception))
        self.assertIn("row 1 (id 'M2')", cm.exception.detail)
        self.assertEqual(cm.exception.detail,
                         "column 'kind', row 1 (id 'M2'): not a measure kind code: 'XYZ'")
        with self.assertRaises(jbw.ParseError) as cm:
            jbw.WaitCaseArray.from_columns(ids, kids, [D, "2025-02-30", D])
        self.assertIn("column 'waiting_since', row 1 (id 'M2'): not a date",
                      str(cm.exception))
        # the same from a column of date strings with None among them, a
        # column of dates, and a mixed column: each names row 2 once
        for col in (["2025-09-01", None, "2025-02-30"], [D, D, "2025-02-30"]):
            with self.assertRaises(jbw.ParseError) as cm:
                jbw.WaitCaseArray.from_columns(ids, kids, [D] * 3, birth_date=col)
            self.assertTrue(cm.exception.detail.startswith(
                "column 'birth_date', row 2 (id 'M3'): not a date"), cm.exception.detail)
            self.assertEqual(cm.exception.detail.count("row"), 1)
        # an empty string is not a date (None is "no date")
        with self.assertRaises(jbw.ParseError) as cm:
            jbw.WaitCaseArray.from_columns(ids, kids, [D] * 3, birth_date=["", None, D])
        self.assertIn("column 'birth_date', row 0 (id 'M1')", cm.exception.detail)
        with self.assertRaises(TypeError) as cm:
            jbw.WaitCaseArray.from_columns(ids, kids, [D] * 3, last_contact=[D, 5, None])
        self.assertIn("column 'last_contact', row 1 (id 'M2')", str(cm.exception))

    def test_columns_of_codes_and_date_strings_read_as_their_values(self):
        # Codes case-insensitively (as Kind.coerce); dates ISO or Dutch
        # (1-3-2015 is 1 March 2015), None is no date; "ja", "" and "nee"
        # are yes, unknown and no.
        ids = ["M1", "M2", "M3"]
        arr = jbw.WaitCaseArray.from_columns(
            ids, ["C1", "C2", "C3"], ["2025-08-01", "1-8-2025", date(2025, 8, 1)],
            kind=["ots", "VOTS", "Voogdij"], safety=["unsafe", "safe", "acute"],
            birth_date=["2015-03-01", None, "1-3-2015"],
            last_contact=[None, date(2025, 8, 20), None],
            safety_plan=["ja", "", "nee"], term_end=[None, None, "2026-01-31"])
        got = arr.cases()
        self.assertEqual([c.waiting_since for c in got], [date(2025, 8, 1)] * 3)
        self.assertEqual([c.kind for c in got], [Kind.OTS, Kind.VOTS, Kind.VOOGDIJ])
        self.assertEqual([c.safety for c in got],
                         [jbw.Safety.UNSAFE, jbw.Safety.SAFE, jbw.Safety.ACUTE])
        self.assertEqual([c.birth_date for c in got],
                         [date(2015, 3, 1), None, date(2015, 3, 1)])
        self.assertEqual([c.last_contact for c in got], [None, date(2025, 8, 20), None])
        self.assertEqual([c.safety_plan for c in got],
                         [jbw.YesNo.YES, jbw.YesNo.UNKNOWN, jbw.YesNo.NO])
        self.assertEqual([c.term_end for c in got], [None, None, date(2026, 1, 31)])
        # the same cases from dataclasses
        self.assertEqual(jbw.WaitCaseArray.from_cases(got).cases(), got)

    def test_an_empty_batch_is_empty(self):
        self.assertEqual(self.model.score_batch([], D), [])
        self.assertEqual(jbw.rank([], []), [])

    def test_a_bad_case_fails_the_whole_batch_naming_index_and_id(self):
        bad = self.cases[:3] + [WaitCase("BAD", "C", date(2025, 9, 2))]
        with self.assertRaises(jbw.InvalidArgument) as cm:
            self.model.score_batch(bad, D)
        self.assertIn("BAD", str(cm.exception))
        self.assertIn("3", str(cm.exception))

    def test_rank_orders_band_points_wait_id(self):
        cases = [case_a(), case_b(), case_c(), case_d()]
        scores = self.model.score_batch(cases, D)
        # acuut D (115) before acuut A (85), then midden C, laag B
        self.assertEqual(jbw.rank(cases, scores), [3, 0, 2, 1])
        arr = jbw.WaitCaseArray.from_cases(cases)
        self.assertEqual(jbw.rank(arr, self.model.score_array(arr, D)), [3, 0, 2, 1])

    def test_rank_breaks_ties_by_id(self):
        twins = [WaitCase("Y", "C1", D), WaitCase("X", "C2", D)]
        scores = self.model.score_batch(twins, D)
        self.assertEqual(scores[0].points, scores[1].points)
        self.assertEqual(jbw.rank(twins, scores), [1, 0])


class IndexedColumn:
    """A column as a pandas Series with the index 10, 11, ...: ``in`` and
    ``[]`` look at the labels, iteration gives the values (no pandas
    needed)."""

    def __init__(self, values):
        self._values = list(values)

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __contains__(self, label):
        return label in range(10, 10 + len(self._values))

    def __getitem__(self, label):
        return self._values[label - 10]


class PandasColumns(unittest.TestCase):
    """ScoreArray.to_columns in pandas (run by ctest python.pandas under
    Debian's /usr/bin/python3, which has python3-pandas; skipped where
    pandas is not installed)."""

    def setUp(self):
        try:
            import pandas
        except ImportError:
            # CI installs python3-pandas and sets JBW_REQUIRE_PANDAS: a
            # skip there would pass with nothing checked
            if os.environ.get("JBW_REQUIRE_PANDAS"):
                self.fail("pandas is not installed for this interpreter, and "
                          "JBW_REQUIRE_PANDAS is set")
            self.skipTest("pandas is not installed for this interpreter")
        self.pd = pandas
        self.model = jbw.WaitRiskModel(1)  # the hand-worked figures are version 1's
        self.addCleanup(self.model.close)

    def test_the_readme_batch_snippet_runs_and_scores_as_score_batch(self):
        # bindings/python/README.md's batch-scoring block, run as it
        # stands: the columns path must give every case the points and
        # band that score_batch gives the same records (the top case of
        # the example, M03831, is acuut with 145 points in `jbw triage`).
        import os
        import re
        readme = os.path.join(os.path.dirname(os.path.dirname(
            os.path.abspath(__file__))), "README.md")
        with open(readme, encoding="utf-8") as f:
            blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
        block = [b for b in blocks if "score_array" in b]
        self.assertEqual(len(block), 1)
        ns = {"jbw": jbw}
        exec(compile(block[0], "README.md", "exec"), ns)
        self.addCleanup(ns["snap"].close)
        df, scores = ns["df"], ns["scores"]
        self.assertEqual(df["points"].tolist(), [s.points for s in scores])
        self.assertEqual([Band(b) for b in df["band"]], [s.band for s in scores])
        top = df.sort_values("points", ascending=False).iloc[0]
        self.assertEqual((top["id"], int(top["points"]), Band(top["band"])),
                         ("M03831", 145, Band.ACUUT))

    def test_pandas_takes_the_columns_as_int32_arrays(self):
        # The four cases of Batch: points 85, 23, 45 and 115 (worked out
        # there). A column that pandas read value by value would come out
        # as int64 (a list of Python ints); the buffer gives int32.
        cases = [case_a(), case_b(), case_c(), case_d()]
        ids = [c.id for c in cases]
        out = self.model.score_array(jbw.WaitCaseArray.from_cases(cases), D)
        df = self.pd.DataFrame(out.to_columns(ids))
        self.assertEqual(str(df["points"].dtype), "int32")
        self.assertEqual(df["points"].tolist(), [85, 23, 45, 115])
        self.assertEqual(df["id"].tolist(), ids)
        self.assertEqual([Band(b) for b in df["band"]],
                         [Band.ACUUT, Band.LAAG, Band.MIDDEN, Band.ACUUT])
        empty = self.pd.DataFrame(jbw.ScoreArray(0).to_columns())
        self.assertEqual(len(empty), 0)
        self.assertEqual(str(empty["points"].dtype), "int32")

    def test_numpy_integer_columns_are_read_as_buffers(self):
        # int64 and int32 arrays (a data frame's .to_numpy()) give the
        # same cases as lists of the same ints
        import numpy
        ids = ["M1", "M2", "M3"]
        kinds = [0, 1, 11]
        want = jbw.WaitCaseArray.from_columns(ids, ids, [D] * 3, kind=kinds).cases()
        for dtype in (numpy.int64, numpy.int32):
            got = jbw.WaitCaseArray.from_columns(
                ids, ids, [D] * 3, kind=numpy.array(kinds, dtype=dtype)).cases()
            self.assertEqual(got, want)

    def test_series_text_columns_with_gaps(self):
        # a Series with None, NaN and pandas' NA, under an index that is
        # not 0, 1, 2 (`in` and [] on a Series look at the index)
        pd = self.pd
        index = [5, 6, 7]
        ids = pd.Series(["A1", "B2", "C3"], index=index)
        got = jbw.WaitCaseArray.from_columns(
            ids, pd.Series(["K1", "K2", "K3"], index=index), [D] * 3,
            family_id=pd.Series(["F1", None, float("nan")], index=index),
            region=pd.Series(["HGL", pd.NA, "ZHZ"], index=index, dtype="string"),
        ).cases()
        self.assertEqual([c.family_id for c in got], ["F1", None, None])
        self.assertEqual([c.region for c in got], ["HGL", None, "ZHZ"])
        # the trial's case: a DataFrame column of text with a gap
        df = pd.DataFrame({"id": ["A1", "B2"], "family_id": ["F1", None]})
        got = jbw.WaitCaseArray.from_columns(df["id"], df["id"], [D, D],
                                             family_id=df["family_id"]).cases()
        self.assertEqual([c.family_id for c in got], ["F1", None])
        with self.assertRaises(TypeError) as cm:
            jbw.WaitCaseArray.from_columns(
                ids, ids, [D] * 3, family_id=pd.Series(["F1", "F2", 12], index=index))
        self.assertEqual(str(cm.exception), "column 'family_id', row 2 (id 'C3'): "
                                            "expected a str or None, not int 12")

    def test_numpy_reads_a_column_as_int32(self):
        import numpy
        col = jbw.IntColumn("i", [1, -2, 3])
        self.assertEqual(numpy.asarray(col).dtype, numpy.int32)
        self.assertEqual(col.__array__().tolist(), [1, -2, 3])
        self.assertEqual(col.__array__("float64").tolist(), [1.0, -2.0, 3.0])
        self.assertEqual(jbw.IntColumn("i").__array__().dtype, numpy.int32)

    def test_a_previous_workers_series_with_a_fraction_is_refused(self):
        # a float Series [0, 2, 1.5] was taken as [0, 2, 1]
        pd = self.pd
        ids = ["C1", "C2", "C3"]
        with self.assertRaises(TypeError) as cm:
            jbw.WaitCaseArray.from_columns(
                ids, ids, [D] * 3, kind=["OTS"] * 3,
                previous_workers=pd.Series([0, 2, 1.5], index=[7, 8, 9]))
        self.assertEqual(str(cm.exception),
                         "column 'previous_workers', row 2 (id 'C3'): not a whole "
                         "number: 1.5 (fractions are refused, not rounded)")
        # what read_csv makes of a column of counts with an empty field:
        # floats, NaN for the gap (0, as in the file); nullable Int64 too
        for col in (pd.Series([0.0, 2.0, float("nan")]),
                    pd.Series([0, 2, None], dtype="Int64")):
            with self.subTest(dtype=str(col.dtype)):
                got = jbw.WaitCaseArray.from_columns(ids, ids, [D] * 3, kind=["OTS"] * 3,
                                                     previous_workers=col)
                self.assertEqual([c.previous_workers for c in got.cases()], [0, 2, 0])

    def test_an_override_band_series_with_gaps_is_read(self):
        # read_csv makes a column of band numbers with an empty field a
        # float64 Series [nan, 2.0, 0.0]: no override, hoog, laag
        pd = self.pd
        ids = ["C1", "C2", "C3"]
        for col in (pd.Series([None, 2, 0], index=[7, 8, 9]),
                    pd.Series([None, 2, 0], dtype="Int64")):
            with self.subTest(dtype=str(col.dtype)):
                got = jbw.WaitCaseArray.from_columns(ids, ids, [D] * 3, kind=["OTS"] * 3,
                                                     override_band=col)
                self.assertEqual([c.override_band for c in got.cases()],
                                 [None, "hoog", "laag"])

    def test_nat_as_a_date_parameter_names_it(self):
        # "ValueError: NaTType does not support toordinal" named nothing
        pd = self.pd
        with small_snapshot() as snap:
            for name, call in (("date", lambda: snap.caseload(date=pd.NaT)),
                               ("on", lambda: snap.triage(on=pd.NaT)),
                               ("from_date", lambda: jbw.backtest(snap, pd.NaT))):
                with self.subTest(name=name):
                    with self.assertRaises(TypeError) as cm:
                        call()
                    self.assertEqual(
                        str(cm.exception),
                        f"{name} must be a datetime.date, a date string or None, "
                        f"not NaT (a missing value; give None for no date)")
            # a Timestamp is a datetime: still a date
            with snap.caseload(date=pd.Timestamp(D)) as result:
                self.assertEqual(result.date, D)

    def test_a_dataframe_of_example_records_says_it_is_synthetic(self):
        pd = self.pd
        with jbw.Snapshot.example() as snap, snap.caseload() as result:
            df = pd.DataFrame(result.to_records())
            self.assertEqual(set(df["data_notice"]), {jbw.example_notice()})
            params = jbw.ForecastParams.from_snapshot(snap).replace(months=2)
            frames = []
            for hires in (0.0, 1.5):
                with jbw.run_forecast(params.replace(hires_fte=hires)) as fc:
                    frames.append(pd.DataFrame(fc.to_records()))
            both = pd.concat(frames, ignore_index=True)
            self.assertEqual(both["hires_fte_per_month"].tolist(), [0.0] * 3 + [1.5] * 3)
            self.assertEqual(set(both["data_notice"]), {jbw.example_notice()})


class ModelFiles(unittest.TestCase):
    def test_save_parses_back(self):
        with jbw.WaitRiskModel() as m:
            text = m.save()
            text = text.replace("name = jbw-wachtrisico", "name = eigen-model").replace(
                "version = 1", "version = 2", 1)
            with jbw.WaitRiskModel.parse(text) as back:
                self.assertEqual((back.name, back.version), ("eigen-model", 2))

    def test_changed_points_change_the_score(self):
        text = "name = test\nversion = 2\npoints.bestaand = 30\n"
        with jbw.WaitRiskModel.parse(text) as m:
            # case B: 23 - 10 + 30 = 43, midden
            s = m.score(case_b(), D)
            self.assertEqual((s.points, s.band), (43, Band.MIDDEN))

    def test_a_protected_attribute_is_refused_with_its_own_error(self):
        text = "name = test\nversion = 2\npoints.nationality = 10\n"
        with self.assertRaises(jbw.ProtectedAttribute) as cm:
            jbw.WaitRiskModel.parse(text, source="bad.model")
        self.assertIn("nationality", str(cm.exception))
        self.assertIn("bad.model", str(cm.exception))

    def test_an_unknown_key_is_a_parse_error(self):
        with self.assertRaises(jbw.ParseError):
            jbw.WaitRiskModel.parse("name = t\nversion = 2\npoints.colour = 1\n")

    def test_load_from_a_file(self):
        import os
        import tempfile
        with tempfile.TemporaryDirectory() as d, jbw.WaitRiskModel() as m:
            path = os.path.join(d, "m.model")
            jbw.write_file(path, m.save())
            with jbw.WaitRiskModel.load(path) as back:
                self.assertEqual(back.save(), m.save())
        with self.assertRaises(jbw.JbwIOError):
            jbw.WaitRiskModel.load("/nonexistent.model")


class TriageAndAllocation(unittest.TestCase):
    # the hand-worked figures are those of model version 1
    def setUp(self):
        self.snap = small_snapshot()
        self.v1 = jbw.WaitRiskModel(1)

    def tearDown(self):
        self.v1.close()
        self.snap.close()

    def test_a_date_off_the_datas_date_warns_at_the_callers_line(self):
        # as the caseload does: after the reference date (2025-09-01) the
        # assignments are carried forward, before it bestaand is too low;
        # the warning names this file (not jbw's), whichever entry is used
        here = os.path.normcase(os.path.abspath(__file__))
        cases = [
            (lambda: self.snap.triage(self.v1, on="2025-12-01"),
             "triage: 2025-12-01 is after the data's reference date 2025-09-01"),
            (lambda: jbw.Triage(self.snap, self.v1, on=date(2025, 8, 1)),
             "triage: 2025-08-01 is before the data's reference date 2025-09-01"),
            (lambda: self.v1.triage(self.snap, on="2025-09-02"),
             "triage: 2025-09-02 is after the data's reference date 2025-09-01"),
        ]
        for make, text in cases:
            with self.subTest(text=text), warnings.catch_warnings(record=True) as got:
                warnings.simplefilter("always")
                make().close()
            self.assertEqual(len(got), 1, [str(w.message) for w in got])
            self.assertIs(got[0].category, UserWarning)
            self.assertIn(text, str(got[0].message))
            self.assertEqual(os.path.normcase(os.path.abspath(got[0].filename)), here)
        # the allocation of a triage on another date warns as well
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tri = self.snap.triage(self.v1, on="2025-12-01")
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always")
            tri.allocate().close()
        self.assertEqual(len(got), 1, [str(w.message) for w in got])
        self.assertIn("allocate: 2025-12-01 is after the data's reference date "
                      "2025-09-01", str(got[0].message))
        self.assertEqual(os.path.normcase(os.path.abspath(got[0].filename)), here)
        tri.close()
        # the reference date itself, given or by default, does not warn
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with self.snap.triage(self.v1, on=D) as t:
                t.allocate().close()
            self.snap.triage(self.v1).close()

    def test_the_caseload_warning_names_the_callers_line(self):
        # Snapshot.caseload is a shortcut of compute_caseload: a fixed
        # stacklevel named jbw/snapshot.py
        here = os.path.normcase(os.path.abspath(__file__))
        for make in (lambda: self.snap.caseload(date="2025-12-01"),
                     lambda: jbw.compute_caseload(self.snap, date="2025-12-01"),
                     lambda: jbw.ForecastParams.from_snapshot(self.snap,
                                                              date="2025-12-01")):
            with warnings.catch_warnings(record=True) as got:
                warnings.simplefilter("always")
                r = make()
            if hasattr(r, "close"):
                r.close()
            self.assertEqual(len(got), 1, [str(w.message) for w in got])
            self.assertEqual(os.path.normcase(os.path.abspath(got[0].filename)), here)

    def test_triage_of_the_small_snapshot(self):
        # M3: unknown 10, OTS 10, 21 werkdagen 15, age unknown 5, no contact
        #     21 > 20 20 = 60 hoog.
        # M6: unknown 10, OTS 10, 11 werkdagen (18 Aug - 1 Sep) 15, bestaand
        #     10, age 5, no contact 11 > 10 10 = 60 hoog.
        # Equal band and points: the longer wait (M3) ranks first.
        with self.snap.triage(self.v1) as t:
            self.assertEqual(len(t), 2)
            self.assertEqual(t.date, D)
            first, second = t.entries()
            self.assertEqual((first.rank, first.case.id, first.score.points, first.score.band,
                              first.score.workdays_waiting), (1, "M3", 60, Band.HOOG, 21))
            self.assertEqual((second.rank, second.case.id, second.score.points,
                              second.score.workdays_waiting), (2, "M6", 60, 11))
            self.assertEqual(second.case.previous_workers, 1)
            self.assertEqual(first.case.family_id, "F1")
            self.assertEqual(t[-1], second)
            with self.assertRaises(IndexError):
                t[2]

    def test_triage_and_allocation_slice_and_records_carry_state_and_computed_band(self):
        # as a list: a slice gives a list of the same entries
        with self.snap.triage(self.v1) as t, t.allocate() as a:
            self.assertEqual(t[0:2], [t[0], t[1]])
            self.assertEqual(t[1:], [t[1]])
            self.assertEqual(a[:], a.lines())
            recs = t.to_records()
            # M3 never had a worker, M6 lost one (test above); no override,
            # so the computed band is the band (60 points: hoog)
            self.assertEqual([(r["id"], r["state"], r["band"], r["computed_band"]) for r in recs],
                             [("M3", "nieuw", "hoog", "hoog"), ("M6", "bestaand", "hoog", "hoog")])
        # a professional's override: band is the override, computed_band
        # the model's own (M3's 60 points: hoog)
        snap = jbw.Snapshot(None, D)
        self.addCleanup(snap.close)
        snap.add_workers(small_workers())
        measures = small_measures()
        measures[2] = dataclasses.replace(measures[2], override_band=Band.ACUUT,
                                          override_reason="onveilige thuissituatie gemeld")
        snap.add_measures(measures)
        with snap.triage(self.v1) as t:
            row = next(r for r in t.to_records() if r["id"] == "M3")
            self.assertEqual((row["band"], row["computed_band"], row["overridden"]),
                             ("acuut", "hoog", True))

    def test_triage_scores_equal_the_model_scores(self):
        with jbw.WaitRiskModel(1) as m, self.snap.triage(m) as t:
            for e in t:
                self.assertEqual(m.score(e.case, t.date), e.score)

    def test_triage_outputs(self):
        with self.snap.triage(self.v1) as t:
            doc = t.to_dict()
            self.assertEqual(doc["model"], {"name": "jbw-wachtrisico", "version": 1})
            self.assertEqual([c["id"] for c in doc["cases"]], ["M3", "M6"])
            self.assertEqual(json.loads(t.to_json(top=1))["cases"][0]["rank"], 1)
            self.assertEqual(len(json.loads(t.to_json(top=1))["cases"]), 1)
            self.assertIn("M6", t.to_csv(lang="en"))
            self.assertIn("M3", t.to_text())
            rows = t.to_records()
            self.assertEqual(rows[0]["points_no_contact"], 20)
            self.assertEqual(rows[1]["points_bestaand"], 10)
            self.assertTrue(rows[0]["reasons_nl"])

    def test_triage_on_another_date(self):
        # M3 waited from Fri 1 Aug to Fri 15 Aug: 4-8 and 11-15 Aug, 10 werkdagen.
        with self.snap.triage(self.v1, on=date(2025, 8, 15)) as t:
            ids = [e.case.id for e in t]
            self.assertIn("M3", ids)
            self.assertEqual(t.entries()[ids.index("M3")].score.workdays_waiting, 10)

    def test_allocation_gives_both_to_the_worker_with_most_free_capacity(self):
        # W1 has 12 - 1 = 11 free, W2 3 - 1 = 2: M3 (HGL) goes to W1; M6
        # (ZHZ, no worker in ZHZ) then to W1 with 10 free.
        with self.snap.triage(self.v1) as t, t.allocate() as a:
            self.assertEqual(len(a), 2)
            self.assertEqual(a.assigned, 2)
            self.assertEqual(a.unassigned, 0)
            self.assertEqual([(l.measure_id, l.rank, l.worker_id) for l in a],
                             [("M3", 1, "W1"), ("M6", 2, "W1")])
            self.assertTrue(a[0].assigned)
            doc = a.to_dict()
            self.assertEqual([x["worker"] for x in doc["assignments"]], ["W1", "W1"])
            self.assertEqual(doc["unassigned"], [])
            self.assertIn("W1", a.to_csv())
            self.assertIn("M3", a.to_text())
            self.assertEqual(a.to_records()[0]["worker_id"], "W1")

    def test_triage_states_and_allocation_workers_by_getter(self):
        # M3 never had a worker: nieuw; M6 lost its worker (previous_workers
        # 1): bestaand. Workers employed on D (W3 left on 1 Aug): W1 (capacity 12, load 1: C1
        # once) and W2 (0.5 x 0.5 x 12 = 3, load 1: M4); both proposals go
        # to W1, one child each: 1 + 2 = 3.
        with self.snap.triage(self.v1) as t, t.allocate() as a:
            self.assertEqual([t.state(0), t.state(1)],
                             [jbw.MeasureState.NIEUW, jbw.MeasureState.BESTAAND])
            self.assertEqual(t.state(-1), jbw.MeasureState.BESTAAND)
            self.assertEqual([a.place(0), a.place(1)],
                             [("JBWEST", "HGL"), ("JBWEST", "ZHZ")])
            self.assertEqual(a.workers(), [
                jbw.AllocationWorker("W1", "JBWEST", "HGL", 12.0, 2.0, 4.0),
                jbw.AllocationWorker("W2", "JBWEST", "HGL", 3.0, 1.0, 1.0)])
            with self.assertRaises(IndexError):
                a.place(2)

    def test_allocation_text_in_dutch_or_english(self):
        # Dutch by default, for the team lead and the toewijzingsoverleg;
        # the same two proposals in both languages.
        with self.snap.triage(self.v1) as t, t.allocate() as a:
            nl, en = a.to_text(), a.to_text("en")
            self.assertIn("2 van 2 wachtenden toegewezen", nl)
            self.assertIn("2 of 2 waiting assigned", en)
            for text in (nl, en):
                self.assertIn("M3", text)
                self.assertIn("W1", text)
            with self.assertRaises(ValueError):
                a.to_text("de")

    def test_allocation_without_capacity_leaves_cases_unassigned(self):
        with jbw.Norm() as n:
            n.caseload_per_fte = 1   # W1 capacity 1 (full), W2 0.25 (over)
            with self.snap.triage(self.v1) as t, jbw.Allocation(t, n) as a:
                self.assertEqual(a.assigned, 0)
                self.assertEqual({l.reason for l in a}, {jbw.UnassignedReason.NO_CAPACITY})
                self.assertEqual(a.to_records()[0]["reason"], "no_capacity")


if __name__ == "__main__":
    unittest.main()
