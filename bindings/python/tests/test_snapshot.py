"""Snapshots from records and CSV, read back, counts, states, CSV I/O."""
import dataclasses
import os
import pathlib
import tempfile
import unittest
from datetime import date

import jbw

from .support import D, small_measures, small_snapshot, small_workers


class FromRecords(unittest.TestCase):
    def setUp(self):
        self.snap = small_snapshot()

    def tearDown(self):
        self.snap.close()

    def test_counts_on_the_reference_date(self):
        # Worked out from support.small_measures(): active M1 M2 M3 M4 M6 (M5
        # ended 2 Jun); assigned M1 M2 M4; nieuw M3; bestaand M6; children
        # C1 C2 C3 C5; families C1, F1 (C2+C3), C5; workers W1 W2 (W3 left).
        c = self.snap.counts()
        self.assertEqual((c.active, c.assigned, c.waiting_nieuw, c.waiting_bestaand),
                         (5, 3, 1, 1))
        self.assertEqual((c.children, c.families, c.workers), (4, 3, 2))
        self.assertEqual(c.waiting, 2)
        self.assertEqual(c.by_kind[jbw.Kind.OTS], 3)
        self.assertEqual(c.by_kind[jbw.Kind.VOTS], 1)
        self.assertEqual(c.by_kind[jbw.Kind.JR_TB_GEDWONGEN], 1)
        self.assertEqual(sum(c.by_kind.values()), 5)
        self.assertEqual(c.to_dict()["by_kind"]["OTS"], 3)

    def test_counts_for_a_region_an_organisation_and_an_earlier_date(self):
        self.assertEqual(self.snap.counts(region="ZHZ").active, 1)   # M6
        self.assertEqual(self.snap.counts(organisation="WSS").active, 0)
        # on 1 Jul 2025 M3 had not started: active M1 M2 M4 M6
        self.assertEqual(self.snap.counts(date(2025, 7, 1)).active, 4)
        with self.assertRaises(jbw.NotFound):
            self.snap.counts(region="XX")

    def test_records_read_back_as_given(self):
        self.assertEqual(self.snap.worker_count, 3)
        self.assertEqual(self.snap.measure_count, 6)
        self.assertEqual(len(self.snap), 6)
        self.assertEqual(self.snap.workers(), small_workers())
        back = self.snap.measures()
        given = small_measures()
        # a nieuw measure given without waiting_since waits since its start
        given[2].waiting_since = given[2].start
        self.assertEqual(back, given)
        self.assertEqual(self.snap.worker(1).id, "W2")
        self.assertEqual(self.snap.measure(5).id, "M6")

    def test_find_and_state(self):
        self.assertEqual(self.snap.find_worker("W2"), 1)
        self.assertEqual(self.snap.find_measure("M4"), 3)
        S = jbw.MeasureState
        self.assertIs(self.snap.measure_state("M1"), S.ASSIGNED)
        self.assertIs(self.snap.measure_state("M3"), S.NIEUW)
        self.assertIs(self.snap.measure_state("M5"), S.INACTIVE)
        self.assertIs(self.snap.measure_state(5), S.BESTAAND)
        # before its wait began (15 Aug) M6 still had its earlier worker
        self.assertIs(self.snap.measure_state("M6", date(2025, 8, 14)), S.ASSIGNED)
        self.assertEqual(S.BESTAAND.code, "bestaand")
        with self.assertRaises(jbw.NotFound):
            self.snap.find_measure("M99")

    def test_reference_date_and_registry_copy(self):
        self.assertEqual(self.snap.reference_date, D)
        with self.snap.registry() as reg:
            self.assertEqual(reg.region_count, 4)

    def test_a_bad_record_is_refused_naming_id_and_field_and_changes_nothing(self):
        with self.assertRaises(jbw.Duplicate) as cm:
            self.snap.add_worker(jbw.Worker("W1", "JBWEST", date(2020, 1, 1)))
        self.assertIn("W1", str(cm.exception))
        with self.assertRaises(jbw.InvalidArgument) as cm:
            self.snap.add_worker(jbw.Worker("W9", "JBWEST", date(2020, 1, 1), fte=float("nan")))
        self.assertIn("fte", str(cm.exception))
        with self.assertRaises(jbw.NotFound) as cm:
            self.snap.add_measure(jbw.Measure("M9", "C9", "OTS", "JBWEST", "HGL",
                                              date(2025, 1, 6), worker_id="W99"))
        self.assertIn("W99", str(cm.exception))
        self.assertEqual((self.snap.worker_count, self.snap.measure_count), (3, 6))

    def test_a_snapshot_needs_a_reference_date(self):
        with self.assertRaises(TypeError):
            jbw.Snapshot()
        with self.assertRaises(jbw.RangeError):
            jbw.Snapshot(None, date(1800, 1, 1))


class Csv(unittest.TestCase):
    def test_csv_round_trip_gives_the_same_records(self):
        with small_snapshot() as snap:
            m, w = snap.measures_csv(), snap.workers_csv()
            self.assertTrue(m.startswith("id,"))
            with jbw.Snapshot.from_csv(m, w) as back:
                self.assertEqual(back.measures(), snap.measures())
                self.assertEqual(back.workers(), snap.workers())
                self.assertEqual(back.rejects, [])
                self.assertEqual(back.measures_csv(), m)

    def test_strict_load_stops_at_the_first_bad_row_naming_line_column_value(self):
        with small_snapshot() as snap:
            lines = snap.measures_csv().splitlines()
            w = snap.workers_csv()
        cols = lines[0].split(",")
        bad = lines[2].split(",")
        bad[cols.index("start")] = "31-02-2025"
        lines[2] = ",".join(bad)
        text = "\n".join(lines) + "\n"
        with self.assertRaises(jbw.ParseError) as cm:
            jbw.Snapshot.from_csv(text, w, measures_name="m.csv")
        msg = str(cm.exception)
        for part in ("m.csv", "line 3", "start", "31-02-2025"):
            self.assertIn(part, msg)
        with jbw.Snapshot.from_csv(text, w, lenient=True) as snap:
            self.assertEqual(snap.measure_count, 5)
            self.assertEqual(len(snap.rejects), 1)
            r = snap.rejects[0]
            self.assertEqual((r.file, r.line), ("measures.csv", 3))
            self.assertIn("31-02-2025", r.reason)
        # a yes/no given as a string is refused, not taken as true ("false"
        # would have loaded leniently)
        for bad in ("false", "no", 2, None):
            with self.assertRaisesRegex(TypeError, "lenient must be True or False"):
                jbw.Snapshot.from_csv(text, w, lenient=bad)

    def test_threads_give_the_same_snapshot_and_rejects(self):
        # include/jbw/io.h, threads: the outcome of one thread. 8,000 rows
        # of about 45 bytes (some 360 KB, over the 256 KiB from which a
        # second thread parses); rows 10 (bad kind) and 7000 (bad date)
        # are left out by a lenient load, on lines 11 and 7001.
        rows = ["id,child_id,kind,organisation,region,start"]
        for k in range(1, 8001):
            rows.append(f"M{k},C{k},OTS,JBWEST,ZHZ,2025-01-{1 + k % 28:02d}")
        rows[10] = "M10,C10,XYZ,JBWEST,ZHZ,2025-01-11"
        rows[7000] = "M7000,C7000,OTS,JBWEST,ZHZ,2025-13-01"
        m = "\n".join(rows) + "\n"
        self.assertGreater(len(m), 262144)
        w = "id,organisation,region,fte,hired\nW1,JBWEST,ZHZ,1,2020-03-01\n"
        with jbw.Snapshot.from_csv(m, w, lenient=True) as one, \
                jbw.Snapshot.from_csv(m, w, lenient=True, threads=2) as two:
            self.assertEqual(one.measure_count, 7998)
            self.assertEqual([r.line for r in one.rejects], [11, 7001])
            self.assertEqual(two.rejects, one.rejects)
            self.assertEqual(two.measures_csv(), one.measures_csv())
            self.assertEqual(two.reference_date, one.reference_date)
        for threads in (1, 2, 0):
            with self.assertRaises(jbw.ParseError) as cm:
                jbw.Snapshot.from_csv(m, w, threads=threads)
            self.assertIn("line 11", str(cm.exception))
        with self.assertRaises(ValueError):
            jbw.Snapshot.from_csv(m, w, threads=jbw.LOAD_THREADS_MAX + 1)
        with self.assertRaises(TypeError):
            jbw.Snapshot.from_csv(m, w, threads=1.5)

    def test_load_csv_from_files_and_save_csv(self):
        with small_snapshot() as snap, tempfile.TemporaryDirectory() as d:
            snap.save_csv(d)
            self.assertEqual(sorted(os.listdir(d)), ["measures.csv", "registry.csv", "workers.csv"])
            with jbw.Registry.load_csv(os.path.join(d, "registry.csv")) as reg, \
                    jbw.Snapshot.load_csv(os.path.join(d, "measures.csv"),
                                          os.path.join(d, "workers.csv"), reg,
                                          reference_date=D) as back:
                self.assertEqual(back.measures(), snap.measures())
                self.assertEqual(back.reference_date, D)

    def test_the_registry_may_be_a_path_as_for_jbw_registry(self):
        # a registry.csv of Zuid-West plus region XR: a measure in XR loads
        # with it and is refused with the embedded registry
        with small_snapshot() as snap, tempfile.TemporaryDirectory() as d:
            snap.save_csv(d)
            with jbw.Registry.zuid_west() as reg:
                reg.add_region("XR", "Extra regio")
                reg.add_service("JBWEST", "XR")
                with open(os.path.join(d, "registry.csv"), "w", encoding="utf-8") as f:
                    f.write(reg.to_csv())
            m, w = os.path.join(d, "measures.csv"), os.path.join(d, "workers.csv")
            with open(m, encoding="utf-8") as f:
                text = f.read().replace(",JBWEST,HGL,", ",JBWEST,XR,", 1)
            with open(m, "w", encoding="utf-8") as f:
                f.write(text)
            for registry in (os.path.join(d, "registry.csv"),
                             pathlib.Path(d) / "registry.csv"):
                with self.subTest(registry=type(registry).__name__), \
                        jbw.Snapshot.load_csv(m, w, registry=registry,
                                              reference_date=D) as back:
                    self.assertEqual(back.measure(0).region, "XR")
                    with back.registry() as got:
                        self.assertEqual(got.region(got.find_region("XR")).name, "Extra regio")
            with jbw.Snapshot.from_csv(text, snap.workers_csv(),
                                       registry=os.path.join(d, "registry.csv"),
                                       reference_date=D) as back:
                self.assertEqual(back.measure(0).region, "XR")
            with jbw.Snapshot(pathlib.Path(d) / "registry.csv", D) as empty:
                with empty.registry() as got:
                    self.assertEqual(got.region(got.find_region("XR")).name, "Extra regio")
            with self.assertRaises(jbw.NotFound):
                jbw.Snapshot.load_csv(m, w, reference_date=D)
            with self.assertRaises(jbw.JbwIOError):
                jbw.Snapshot.load_csv(m, w, registry=os.path.join(d, "none.csv"))

    def test_a_registry_of_another_type_is_a_type_error_naming_it(self):
        with small_snapshot() as snap:
            m, w = snap.measures_csv(), snap.workers_csv()
        for bad in (3, b"registry.csv", snap):
            with self.subTest(bad=type(bad).__name__):
                with self.assertRaises(TypeError) as cm:
                    jbw.Snapshot.from_csv(m, w, registry=bad)
                self.assertIn("registry must be a jbw.Registry, a path to a "
                              "registry.csv or None", str(cm.exception))

    def test_the_default_reference_date_is_the_latest_date_in_the_files(self):
        with small_snapshot() as snap:
            m, w = snap.measures_csv(), snap.workers_csv()
        # latest date in the files: W2 hired 2025-08-01, M6 waiting since
        # 2025-08-15, M4 first assigned 2025-08-04 ... the latest is 15 Aug.
        with jbw.Snapshot.from_csv(m, w) as back:
            self.assertEqual(back.reference_date, date(2025, 8, 15))

    def test_a_reference_date_from_a_planned_end_only_warns(self):
        import warnings
        # the small snapshot's last event is M6's wait from 15 Aug 2025; a
        # planned end of M1 on 1 Jul 2026 makes 30 Jun 2026 the latest date
        planned = date(2026, 7, 1)
        measures = [dataclasses.replace(m, end=planned) if m.id == "M1" else m
                    for m in small_measures()]
        with jbw.Snapshot(None, D) as snap:
            snap.add_workers(small_workers())
            snap.add_measures(measures)
            m, w = snap.measures_csv(), snap.workers_csv()
        with self.assertWarns(UserWarning) as cm:
            back = jbw.Snapshot.from_csv(m, w)
        with back:
            self.assertEqual(back.reference_date, date(2026, 6, 30))
            self.assertEqual(back.latest_event, date(2025, 8, 15))
        text = str(cm.warning)
        self.assertIn("the reference date 2026-06-30 comes only from a "
                      "measure's end or a worker's hired", text)
        self.assertIn("the last day on which something happened is 2025-08-15",
                      text)
        self.assertEqual(os.path.basename(cm.filename), "test_snapshot.py")
        with tempfile.TemporaryDirectory() as d:
            for name, text in (("measures.csv", m), ("workers.csv", w)):
                with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                    f.write(text)
            with self.assertWarns(UserWarning):
                jbw.Snapshot.load_csv(os.path.join(d, "measures.csv"),
                                      os.path.join(d, "workers.csv")).close()
            # the export's date given, or files whose latest date is an
            # event: no warning
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                jbw.Snapshot.load_csv(os.path.join(d, "measures.csv"),
                                      os.path.join(d, "workers.csv"),
                                      reference_date=D).close()
        with small_snapshot() as snap, warnings.catch_warnings():
            warnings.simplefilter("error")
            jbw.Snapshot.from_csv(snap.measures_csv(), snap.workers_csv()).close()

    def test_unknown_columns_are_refused_unless_allowed(self):
        with small_snapshot() as snap:
            m = snap.measures_csv().splitlines()
            w = snap.workers_csv()
        m[0] += ",remark"
        m[1:] = [line + ",x" for line in m[1:]]
        text = "\n".join(m) + "\n"
        with self.assertRaises(jbw.ParseError) as cm:
            jbw.Snapshot.from_csv(text, w)
        self.assertIn("remark", str(cm.exception))
        with jbw.Snapshot.from_csv(text, w, allow_unknown_columns=True) as snap:
            self.assertEqual(snap.measure_count, 6)

    def test_a_missing_file_is_an_io_error(self):
        with self.assertRaises(jbw.JbwIOError):
            jbw.Snapshot.load_csv("/nonexistent/m.csv", "/nonexistent/w.csv")


class DataNotice(unittest.TestCase):
    """The notice of synthetic data travels with save_csv / load_csv."""

    ODD = 'Fictief, "test" <a> & b'

    def paths(self, d):
        return os.path.join(d, "measures.csv"), os.path.join(d, "workers.csv")

    def test_a_set_notice_is_copied_and_none_clears_it(self):
        with small_snapshot() as snap:
            self.assertIsNone(snap.data_notice)  # the caller's own records
            snap.data_notice = self.ODD
            self.assertEqual(snap.data_notice, self.ODD)
            snap.data_notice = None
            self.assertIsNone(snap.data_notice)

    def test_a_notice_that_is_not_one_line_is_refused(self):
        with small_snapshot() as snap:
            snap.data_notice = "kept"
            for bad in ("", "a\nb", "a\x00b", "\x85", "n" * 401,
                        "\u00e9" * 201):  # 402 bytes in UTF-8
                with self.subTest(bad=bad[:8]):
                    with self.assertRaises(jbw.InvalidArgument):
                        snap.data_notice = bad
            self.assertEqual(snap.data_notice, "kept")
            snap.data_notice = "\u00e9" * 200  # 400 bytes: the longest
            self.assertEqual(len(snap.data_notice), 200)

    def test_save_csv_then_load_csv_keeps_the_notice(self):
        with small_snapshot() as snap, tempfile.TemporaryDirectory() as d:
            snap.data_notice = self.ODD
            snap.save_csv(d)
            with open(os.path.join(d, "data_notice"), encoding="utf-8") as f:
                self.assertEqual(f.read(), self.ODD + "\n")
            with jbw.Snapshot.load_csv(*self.paths(d), reference_date=D) as back:
                self.assertEqual(back.data_notice, self.ODD)
                self.assertIn(", with a data notice", repr(back))
                with back.caseload() as r:
                    self.assertEqual(r.to_dict()["data_notice"], self.ODD)
                    self.assertTrue(r.to_text().startswith(self.ODD + "\n"))
            with jbw.Snapshot.load_csv(*self.paths(d), reference_date=D,
                                       read_notice=False) as back:
                self.assertIsNone(back.data_notice)
            # without the file: real data, no notice
            os.remove(os.path.join(d, "data_notice"))
            with jbw.Snapshot.load_csv(*self.paths(d), reference_date=D) as back:
                self.assertIsNone(back.data_notice)

    def test_an_export_of_the_example_says_synthetic_when_loaded(self):
        with jbw.Snapshot.example() as snap, tempfile.TemporaryDirectory() as d:
            snap.save_csv(d)
            with jbw.Snapshot.load_csv(os.path.join(d, "measures.csv"),
                                       os.path.join(d, "workers.csv")) as back:
                self.assertIn(", synthetic", repr(back))
                self.assertIn(", synthetic", repr(snap))

    def test_save_csv_of_real_data_removes_an_earlier_notice(self):
        with small_snapshot() as snap, tempfile.TemporaryDirectory() as d:
            snap.data_notice = self.ODD
            snap.save_csv(d)
            snap.data_notice = None
            snap.save_csv(d)
            self.assertEqual(sorted(os.listdir(d)),
                             ["measures.csv", "registry.csv", "workers.csv"])

    def test_a_bad_notice_file_is_an_error_naming_it(self):
        with small_snapshot() as snap, tempfile.TemporaryDirectory() as d:
            snap.save_csv(d)
            path = os.path.join(d, "data_notice")
            for raw, reason in ((b"a\tb\n", "control character (byte 2)"),
                                (b"caf\xe9\n", "not valid UTF-8 (byte 4)"),
                                (b"\n", "empty")):
                with self.subTest(raw=raw):
                    with open(path, "wb") as f:
                        f.write(raw)
                    with self.assertRaises(jbw.InvalidArgument) as cm:
                        jbw.Snapshot.load_csv(*self.paths(d), reference_date=D)
                    self.assertIn(path, str(cm.exception))
                    self.assertIn(reason, str(cm.exception))
            os.remove(path)
            os.mkdir(path)
            with self.assertRaises(OSError):
                jbw.Snapshot.load_csv(*self.paths(d), reference_date=D)

    def test_a_history_of_exports_keeps_their_notice(self):
        with small_snapshot() as snap, tempfile.TemporaryDirectory() as d:
            snap.data_notice = self.ODD
            snap.save_csv(os.path.join(d, "2025-09-01"))
            snaps = jbw.load_history(d)
            try:
                self.assertEqual([s.data_notice for s in snaps], [self.ODD])
            finally:
                for s in snaps:
                    s.close()


class Files(unittest.TestCase):
    def test_write_then_read(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "x.txt")
            jbw.write_file(path, "één\n")
            self.assertEqual(jbw.read_file(path), "één\n".encode("utf-8"))
            jbw.write_file(path, b"\x00\x01")
            self.assertEqual(jbw.read_file(path), b"\x00\x01")
        with self.assertRaises(jbw.JbwIOError):
            jbw.write_file("/nonexistent/dir/x.txt", "x")


if __name__ == "__main__":
    unittest.main()
