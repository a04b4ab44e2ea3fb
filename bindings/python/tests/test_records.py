"""The records for DataFrames keep what the library's CSVs keep: the data
notice of synthetic data (a DataFrame, or an Excel file made from it,
still says it is synthetic), and a forecast's staff assumptions."""
import unittest

import jbw

from tests.support import small_snapshot

NOTICE = jbw.example_notice()


def header(csv_text):
    return csv_text.splitlines()[0].split(",")


class ExampleRecordsCarryTheNotice(unittest.TestCase):
    """Every record of a result made from the synthetic example ends with
    a data_notice field holding the result's data_notice."""

    @classmethod
    def setUpClass(cls):
        cls.snap = jbw.Snapshot.example()

    @classmethod
    def tearDownClass(cls):
        cls.snap.close()

    def assert_notice(self, rows, notice=NOTICE):
        self.assertTrue(rows)
        for row in rows:
            self.assertEqual(list(row)[-1], "data_notice")
            self.assertEqual(row["data_notice"], notice)

    def test_caseload_records_of_every_scope(self):
        with self.snap.caseload() as result:
            self.assertTrue(result.data_notice.startswith("SYNTHETIC"))
            for scope in ("workers", "organisation", "region", "total", "findings"):
                with self.subTest(scope=scope):
                    self.assert_notice(result.to_records(scope), result.data_notice)
            # the same columns as the library's CSV of the workers
            self.assertEqual(list(result.to_records()[0]), header(result.workers_csv()))

    def test_triage_and_allocation_records(self):
        with self.snap.triage() as triage:
            self.assert_notice(triage.to_records(top=5), triage.data_notice)
            with triage.allocate() as allocation:
                self.assert_notice(allocation.to_records(), allocation.data_notice)

    def test_forecast_records_carry_the_notice_and_the_assumptions(self):
        params = jbw.ForecastParams.from_snapshot(self.snap)
        params.months, params.turnover, params.hires_fte = 3, 0.15, 2.5
        with jbw.run_forecast(params) as fc:
            rows = fc.to_records()
            self.assertEqual(len(rows), 4)  # months 0..3, mean
            self.assert_notice(rows, fc.data_notice)
            for row in rows:
                self.assertEqual((row["annual_turnover"], row["hires_fte_per_month"]),
                                 (0.15, 2.5))
            # the columns of the library's CSV, in its order
            self.assertEqual(list(rows[0]), header(fc.to_csv()))

    def test_scenario_frames_concatenate_without_columns_added_by_hand(self):
        # two scenarios' records side by side: the same keys, each row
        # saying which assumptions made it
        frames = []
        for turnover in (0.10, 0.25):
            params = jbw.ForecastParams.from_snapshot(self.snap).replace(
                months=2, turnover=turnover)
            with jbw.run_forecast(params) as fc:
                frames.append(fc.to_records())
        self.assertEqual(list(frames[0][0]), list(frames[1][0]))
        self.assertEqual([r["annual_turnover"] for f in frames for r in f],
                         [0.10] * 3 + [0.25] * 3)

    def test_series_records(self):
        with jbw.example_series_zhz() as series:
            self.assertTrue(series.data_notice)
            self.assert_notice(series.to_records(), series.data_notice)


class OwnDataRecordsHaveNoNotice(unittest.TestCase):
    """Real data has no notice: no data_notice field, as the library's
    CSV has no such column; the assumptions are there all the same."""

    def test_no_data_notice_field(self):
        with small_snapshot() as snap:
            self.assertIsNone(snap.data_notice)
            with snap.caseload() as result:
                for scope in ("workers", "organisation", "region", "total", "findings"):
                    for row in result.to_records(scope):
                        self.assertNotIn("data_notice", row)
                self.assertEqual(list(result.to_records()[0]),
                                 header(result.workers_csv()))
            with snap.triage() as triage:
                self.assertTrue(triage.to_records())
                for row in triage.to_records():
                    self.assertNotIn("data_notice", row)
            params = jbw.ForecastParams.from_snapshot(snap).replace(months=1,
                                                                    hires_fte=0.5)
            with jbw.run_forecast(params) as fc:
                rows = fc.to_records()
                self.assertEqual(list(rows[0]), header(fc.to_csv()))
                self.assertEqual(list(rows[0])[-2:],
                                 ["annual_turnover", "hires_fte_per_month"])
                self.assertEqual(rows[1]["hires_fte_per_month"], 0.5)

    def test_a_notice_set_on_own_data_is_carried(self):
        with small_snapshot() as snap:
            snap.data_notice = "Concept: test data"
            with snap.caseload() as result:
                self.assertEqual({r["data_notice"] for r in result.to_records()},
                                 {"Concept: test data"})


if __name__ == "__main__":
    unittest.main()
