"""Objects holding a libjbw handle are never copied or pickled as a raw
pointer: a copy would free the handle twice, a pickled pointer means
nothing in another process. Norm and Registry copy through the library's
clone; every other handle class raises TypeError naming the class and
what to use instead. The classes are found by walking the subclasses of
Handle, so a new one cannot be left out."""
import copy
import gc
import pickle
import unittest

import jbw
from jbw._util import Handle

from .support import small_snapshot


def _handle_classes():
    found, todo = set(), [Handle]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def _factories():
    """One way to make an object of each handle class."""
    def triage():
        return small_snapshot().triage()

    def forecast():
        return jbw.run_forecast(jbw.ForecastParams.default().replace(months=3))

    return {
        jbw.Snapshot: jbw.Snapshot.example,
        jbw.Norm: jbw.Norm,
        jbw.Registry: jbw.Registry.zuid_west,
        jbw.Calendar: jbw.Calendar,
        jbw.WaitRiskModel: jbw.WaitRiskModel,
        jbw.CaseloadResult: lambda: small_snapshot().caseload(),
        jbw.Series: jbw.Series.example_zhz,
        jbw.Triage: triage,
        jbw.Allocation: lambda: triage().allocate(),
        jbw.Scenario: lambda: jbw.Scenario.parse("months = 6\n"),
        jbw.Forecast: forecast,
        jbw.Calibration: lambda: jbw.calibrate(jbw.Snapshot.example()),
        jbw.Backtest: lambda: jbw.backtest(jbw.Snapshot.example(), "2024-01-01", 3),
        jbw.Brief: lambda: jbw.make_brief(small_snapshot()),
    }


#: The classes whose copy is a real, independent copy (a library clone).
CLONED = {jbw.Norm, jbw.Registry}


class EveryHandleClass(unittest.TestCase):
    def test_every_handle_class_has_a_factory_here(self):
        # a new handle class must be added to _factories (and so tested)
        self.assertEqual(set(_factories()), _handle_classes())

    def test_pickle_raises_type_error_naming_the_class(self):
        for cls, make in _factories().items():
            with self.subTest(cls=cls.__name__):
                obj = make()
                for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
                    with self.assertRaises(TypeError) as cm:
                        pickle.dumps(obj, protocol)
                    self.assertIn(f"jbw.{cls.__name__} cannot be pickled",
                                  str(cm.exception))
                    self.assertIn(obj._instead, str(cm.exception))
                obj.close()

    def test_copy_and_deepcopy_raise_type_error_unless_cloned(self):
        for cls, make in _factories().items():
            if cls in CLONED:
                continue
            with self.subTest(cls=cls.__name__):
                obj = make()
                for fn in (copy.copy, copy.deepcopy):
                    with self.assertRaises(TypeError) as cm:
                        fn(obj)
                    self.assertIn(f"jbw.{cls.__name__} cannot be copied",
                                  str(cm.exception))
                    self.assertIn(obj._instead, str(cm.exception))
                # the failed copy left the object whole
                self.assertFalse(obj.closed)
                repr(obj)
                obj.close()

    def test_a_deepcopy_inside_a_container_raises_too(self):
        s = small_snapshot()
        with self.assertRaises(TypeError):
            copy.deepcopy({"snapshot": s})
        # W1 and W2 are employed on D (W3 left on 1 Aug 2025)
        self.assertEqual(s.caseload().totals.workers, 2)


class ClonedCopies(unittest.TestCase):
    def test_copies_of_a_norm_are_independent(self):
        n = jbw.Norm()
        for fn in (copy.copy, copy.deepcopy):
            with self.subTest(fn=fn.__name__):
                c = fn(n)
                self.assertIsInstance(c, jbw.Norm)
                self.assertNotEqual(c._p, n._p)
                c.caseload_per_fte = 9.0
                self.assertEqual(n.caseload_per_fte, 12.0)
                self.assertEqual(c.caseload_per_fte, 9.0)
                del c
                gc.collect()
                # the original still works after the copy is freed
                self.assertEqual(n.caseload_per_fte, 12.0)
                self.assertEqual(n.save(), jbw.Norm().save())

    def test_copies_of_a_registry_are_independent(self):
        r = jbw.Registry.zuid_west()
        for fn in (copy.copy, copy.deepcopy):
            with self.subTest(fn=fn.__name__):
                c = fn(r)
                self.assertIsInstance(c, jbw.Registry)
                self.assertNotEqual(c._p, r._p)
                self.assertEqual(c.to_csv(), r.to_csv())
                c.add_region("XX", "Extra")
                self.assertNotIn("XX", r.to_csv())
                c.close()
                gc.collect()
                self.assertEqual(r.to_csv(), jbw.Registry.zuid_west().to_csv())

    def test_copy_of_a_closed_norm_raises_value_error(self):
        n = jbw.Norm()
        n.close()
        with self.assertRaises(ValueError):
            copy.copy(n)


class TheReportedCrashes(unittest.TestCase):
    """The user trial's cases: each crashed the process or stored a pointer."""

    def test_copy_of_a_snapshot_then_use_of_the_original(self):
        s = small_snapshot()
        with self.assertRaises(TypeError):
            copy.copy(s)
        gc.collect()
        # W1 and W2 are employed on D (W3 left on 1 Aug 2025)
        self.assertEqual(s.caseload().totals.workers, 2)

    def test_forecast_and_calibration_do_not_pickle(self):
        f = jbw.run_forecast(jbw.ForecastParams.default().replace(months=3))
        with self.assertRaises(TypeError):
            pickle.dumps(f)
        with self.assertRaises(TypeError):
            copy.deepcopy(f)
        with self.assertRaises(TypeError):
            pickle.dumps(jbw.calibrate(jbw.Snapshot.example()))
        # the plain data does pickle
        self.assertEqual(pickle.loads(pickle.dumps(f.to_records())), f.to_records())


if __name__ == "__main__":
    unittest.main()
