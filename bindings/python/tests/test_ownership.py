"""Handles are freed exactly once: close() is idempotent, use after close
raises, objects that borrow keep their parents alive, and create/free
cycles do not grow the process (RSS from /proc/self/statm; C memory is
invisible to tracemalloc)."""
import gc
import subprocess
import sys
import threading
import unittest
from datetime import date

import jbw

from .support import BINDINGS, D, rss_kib, small_snapshot

# Growth allowed over a cycle run, generous for allocator noise. A leaked
# norm is about 1.1 KiB, a model 1.3 KiB, a Zuid-West registry 5 KiB, a
# calendar about 540 KiB (its werkdagen table), measured by leaking them on
# purpose: 10,000 leaked norms would add about 11 MiB.
BOUND_KIB = 4096


class Cycles(unittest.TestCase):
    def assert_no_growth(self, make, cycles):
        if rss_kib() is None:
            self.skipTest("no /proc/self/statm")
        for _ in range(min(cycles, 500)):   # warm up allocator and caches
            make().close()
        gc.collect()
        before = rss_kib()
        for _ in range(cycles):
            obj = make()
            obj.close()
        gc.collect()
        grew = rss_kib() - before
        self.assertLess(grew, BOUND_KIB, f"RSS grew {grew} KiB over {cycles} cycles")

    def test_10000_norms(self):
        self.assert_no_growth(jbw.Norm, 10000)

    def test_10000_models(self):
        self.assert_no_growth(jbw.WaitRiskModel, 10000)

    def test_10000_registries(self):
        self.assert_no_growth(jbw.Registry.zuid_west, 10000)

    def test_10000_series(self):
        self.assert_no_growth(jbw.Series.example_zhz, 10000)

    def test_2000_calendars(self):
        # 0.8 ms each to build; one leaked calendar is ~540 KiB, so 2,000
        # cycles would show a leak a thousand times over.
        self.assert_no_growth(jbw.Calendar, 2000)

    def test_10000_norms_freed_by_the_garbage_collector(self):
        if rss_kib() is None:
            self.skipTest("no /proc/self/statm")
        for _ in range(500):
            jbw.Norm()
        before = rss_kib()
        for _ in range(10000):
            jbw.Norm()   # dropped at once: __del__ frees it
        gc.collect()
        self.assertLess(rss_kib() - before, BOUND_KIB)

    def test_200_pipelines(self):
        def pipeline():
            snap = small_snapshot()
            r = snap.caseload()
            t = snap.triage()
            a = t.allocate()
            a.to_json(), r.to_json(), t.to_json()
            return snap          # closing it closes the others
        self.assert_no_growth(pipeline, 200)

    def test_text_outputs_are_freed(self):
        with small_snapshot() as snap:
            self.assert_no_growth(lambda: _Closable(snap.measures_csv()), 10000)


class _Closable:
    def __init__(self, _):
        pass

    def close(self):
        pass


class Lifetime(unittest.TestCase):
    def test_close_twice_is_safe_and_use_after_close_raises(self):
        for make in (jbw.Calendar, jbw.Norm, jbw.WaitRiskModel, jbw.Registry,
                     jbw.Series, small_snapshot, lambda: jbw.Scenario("months = 3\n")):
            obj = make()
            self.assertFalse(obj.closed)
            obj.close()
            obj.close()
            self.assertTrue(obj.closed)
            self.assertIn("closed", repr(obj))
            with self.assertRaises(ValueError) as cm:
                obj._p
            self.assertIn("closed", str(cm.exception))

    def test_a_method_on_a_closed_object_raises_value_error(self):
        cal = jbw.Calendar()
        cal.close()
        with self.assertRaises(ValueError):
            cal.is_workday(D)
        norm = jbw.Norm()
        norm.close()
        with self.assertRaises(ValueError):
            norm.caseload_per_fte

    def test_with_closes(self):
        with jbw.Norm() as n:
            pass
        self.assertTrue(n.closed)

    def test_closing_a_snapshot_closes_what_borrows_from_it(self):
        snap = small_snapshot()
        result = snap.caseload()
        triage = snap.triage()
        alloc = triage.allocate()
        snap.close()
        for obj in (result, triage, alloc):
            self.assertTrue(obj.closed)
        with self.assertRaises(ValueError):
            result.totals
        with self.assertRaises(ValueError):
            len(triage)

    def test_results_keep_their_snapshot_alive(self):
        result = small_snapshot().caseload()   # the snapshot object is dropped
        gc.collect()
        self.assertEqual(result.workers[0].id, "W1")
        triage = jbw.Snapshot.example().triage()
        gc.collect()
        self.assertGreater(len(triage), 0)
        self.assertTrue(triage[0].case.id)
        result.close()
        triage.close()

    def test_results_survive_their_norm_and_calendar(self):
        with small_snapshot() as snap:
            norm, cal = jbw.Norm(), jbw.Calendar()
            result = snap.caseload(norm, cal)
            norm.close()
            cal.close()
            self.assertFalse(result.closed)
            self.assertEqual(result.totals.active_measures, 5)

    def test_objects_alive_at_interpreter_exit_are_freed_quietly(self):
        code = ("import jbw\n"
                "snap = jbw.Snapshot.example()\n"
                "t = snap.triage()\n"
                "a = t.allocate()\n"
                "r = snap.caseload()\n"
                "cycle = [jbw.Norm()]; cycle.append(cycle)\n")
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=_env(), timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stderr, "")


class Threads(unittest.TestCase):
    def test_one_model_scores_from_several_threads(self):
        cases = [jbw.WaitCase(f"T{i}", f"C{i}", date(2025, 7, 1 + i % 28),
                              safety=jbw.Safety(i % 5)) for i in range(500)]
        with jbw.WaitRiskModel() as model, jbw.Calendar() as cal:
            expected = model.score_batch(cases, D, cal)
            results = [None] * 4
            errors = []

            def work(k):
                try:
                    for _ in range(20):
                        results[k] = model.score_batch(cases, D, cal)
                except BaseException as e:   # reported below
                    errors.append(e)
            threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])
            for r in results:
                self.assertEqual(r, expected)

    def test_error_messages_are_per_thread(self):
        messages = {}

        def fail(text):
            try:
                jbw.parse_date(text)
            except jbw.ParseError as e:
                messages[text] = str(e)
        threads = [threading.Thread(target=fail, args=(f"bad-{i}",)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for text, msg in messages.items():
            self.assertIn(text, msg)
        self.assertEqual(len(messages), 8)


def _env():
    import os
    env = dict(os.environ)
    env["PYTHONPATH"] = BINDINGS
    if "JBW_LIBRARY" not in env:
        env["JBW_LIBRARY"] = jbw.library_path
    return env


if __name__ == "__main__":
    unittest.main()
