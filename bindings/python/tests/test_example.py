"""The embedded example data."""
import unittest
from datetime import date

import jbw


class Example(unittest.TestCase):
    def test_reference_date_and_seed(self):
        self.assertEqual(jbw.example_date(), date(2025, 9, 1))
        self.assertEqual(jbw.EXAMPLE_SEED, 20250901)

    def test_the_notice_says_synthetic(self):
        self.assertIn("SYNTHETIC", jbw.example_notice())

    def test_the_snapshot_is_deterministic_per_seed_and_marked_synthetic(self):
        with jbw.example_snapshot() as a, jbw.Snapshot.example(jbw.EXAMPLE_SEED) as b, \
                jbw.Snapshot.example(1) as c:
            self.assertTrue(a.synthetic)
            self.assertEqual(a.reference_date, date(2025, 9, 1))
            self.assertEqual(a.measures_csv(), b.measures_csv())
            self.assertNotEqual(a.measures_csv(), c.measures_csv())
            counts = a.counts()
            self.assertGreater(counts.active, 1000)
            self.assertGreater(counts.workers, 100)
            self.assertGreater(counts.waiting, 0)
            self.assertEqual(counts.active, counts.assigned + counts.waiting)

    def test_the_published_zhz_series_has_seven_points(self):
        with jbw.example_series_zhz() as s:
            pts = s.points()
            self.assertEqual(len(pts), 7)
            self.assertEqual(pts[0].date, date(2024, 9, 20))
            self.assertEqual(pts[-1].date, date(2025, 9, 1))
            for p in pts:
                self.assertEqual(p.total, p.nieuw + p.bestaand)
            self.assertTrue(s.title)

    def test_the_published_jbwest_totals(self):
        # 159 in September 2024 and 99 in February 2025 (council letter)
        self.assertEqual(jbw.example_totals_jbwest(),
                         [(date(2024, 9, 1), 159), (date(2025, 2, 1), 99)])


if __name__ == "__main__":
    unittest.main()
