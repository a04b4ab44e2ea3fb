"""The public surface: every name documented, records are dataclasses,
results offer to_dict/to_records for pandas."""
import dataclasses
import inspect
import unittest

import jbw


def public_members(obj):
    for name, member in inspect.getmembers(obj):
        if name.startswith("_"):
            continue
        yield name, member


class Surface(unittest.TestCase):
    def test_every_exported_name_exists(self):
        for name in jbw.__all__:
            self.assertTrue(hasattr(jbw, name), name)

    def test_the_namespace_holds_the_exported_names_and_the_modules_only(self):
        import types
        extra = [n for n in dir(jbw) if not n.startswith("_") and n not in jbw.__all__
                 and not isinstance(getattr(jbw, n), types.ModuleType)]
        self.assertEqual(extra, [])

    def test_every_public_name_and_method_has_a_docstring(self):
        missing = []
        for name in jbw.__all__:
            obj = getattr(jbw, name)
            if not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            if not inspect.getdoc(obj):
                missing.append(name)
            if inspect.isclass(obj) and not issubclass(obj, BaseException):
                for mname, member in public_members(obj):
                    if member is None or isinstance(member, (int, float, str)):
                        continue   # enum members, constants, field defaults
                    if dataclasses.is_dataclass(obj) and mname in {
                            f.name for f in dataclasses.fields(obj)}:
                        continue   # documented in the class docstring
                    if mname in {"name", "value", "real", "imag", "numerator",
                                 "denominator"} or mname in dir(int):
                        continue
                    if not inspect.getdoc(member):
                        missing.append(f"{name}.{mname}")
        self.assertEqual(missing, [])

    def test_public_functions_have_type_hints(self):
        missing = []
        for name in jbw.__all__:
            obj = getattr(jbw, name)
            if inspect.isfunction(obj) and "return" not in obj.__annotations__:
                missing.append(name)
        self.assertEqual(missing, [])

    def test_records_and_results_are_dataclasses(self):
        for cls in (jbw.Worker, jbw.Measure, jbw.WaitCase, jbw.Score, jbw.ScoreItem,
                    jbw.Totals, jbw.WorkerLoad, jbw.Counts, jbw.Reject, jbw.Region,
                    jbw.Municipality, jbw.Organisation, jbw.SeriesPoint,
                    jbw.TriageEntry, jbw.AllocationLine, jbw.ForecastParams,
                    jbw.ForecastMonth, jbw.Shock, jbw.QueueParams, jbw.QueueResult,
                    jbw.HolidayDate):
            self.assertTrue(dataclasses.is_dataclass(cls), cls.__name__)

    def test_results_offer_to_dict_and_to_records(self):
        for cls in (jbw.CaseloadResult, jbw.Series, jbw.Triage, jbw.Allocation,
                    jbw.Forecast):
            self.assertTrue(callable(getattr(cls, "to_dict")), cls.__name__)
            self.assertTrue(callable(getattr(cls, "to_records")), cls.__name__)

    def test_the_readme_names_the_answers_with_to_dict_and_the_row_dataclasses(self):
        # bindings/python/README.md: these answers have to_dict(); the rows
        # are dataclasses (dataclasses.asdict)
        for cls in (jbw.Calibration, jbw.Backtest, jbw.QueueAnswer,
                    jbw.ReliefAnswer, jbw.Score, jbw.Counts, jbw.Norm,
                    jbw.Registry):
            self.assertTrue(callable(getattr(cls, "to_dict", None)),
                            cls.__name__)
        for cls in (jbw.Totals, jbw.WorkerLoad, jbw.TriageEntry,
                    jbw.ForecastMonth, jbw.CalibrationKind):
            self.assertTrue(dataclasses.is_dataclass(cls), cls.__name__)

    def test_a_misspelt_field_is_refused_not_kept_on_the_side(self):
        # "what if turnover stays at 20%?": params.annual_turnover = 0.2
        # would otherwise be stored beside the fields and the run would use
        # the old turnover
        params = jbw.ForecastParams.default()
        with self.assertRaises(AttributeError) as cm:
            params.annual_turnover = 0.2
        self.assertIn("'annual_turnover'", str(cm.exception))
        self.assertIn("did you mean 'turnover'", str(cm.exception))
        params.turnover = 0.3
        self.assertEqual(params.turnover, 0.3)
        for cls in (jbw.ForecastParams, jbw.QueueParams, jbw.Shock, jbw.Hire,
                    jbw.Worker, jbw.Measure, jbw.WaitCase):
            self.assertTrue(issubclass(cls, jbw._util.FieldsOnly), cls.__name__)

    def test_replace_with_a_misspelt_field_suggests_the_closest(self):
        # as attribute assignment does; replace keeps TypeError (as
        # dataclasses.replace), and the original is left as it was
        params = jbw.ForecastParams.default()
        with self.assertRaises(TypeError) as cm:
            params.replace(turnvoer=0.1)
        self.assertEqual(str(cm.exception),
                         "ForecastParams has no field 'turnvoer' (did you mean 'turnover'?)")
        with self.assertRaises(TypeError) as cm:
            params.replace(colour="blue")
        self.assertEqual(str(cm.exception), "ForecastParams has no field 'colour'")
        self.assertEqual(params, jbw.ForecastParams.default())

    def test_a_wrong_object_is_a_type_error_naming_the_parameter(self):
        # a library handle of another type would crash the interpreter
        # (the C side reads it as the type it expects)
        with jbw.Snapshot.example() as snap:
            calibration = jbw.calibrate(snap)
            for call, name in (
                    (lambda: jbw.chart_backtest(calibration), "backtest"),
                    (lambda: jbw.chart_forecast(snap), "forecast"),
                    (lambda: jbw.chart_scenarios([snap]), "forecasts[0]"),
                    (lambda: jbw.chart_series(snap), "series"),
                    (lambda: jbw.chart_bands(snap), "triage"),
                    (lambda: jbw.chart_caseload(snap), "result"),
                    (lambda: jbw.chart_load_spread(snap), "result"),
                    (lambda: jbw.chart_coupling(snap), "result"),
                    (lambda: jbw.backtest_history([calibration], "2025-03-01"),
                     "snapshots[0]"),
                    (lambda: jbw.Series().add_snapshot(calibration), "snapshot")):
                with self.subTest(name):
                    with self.assertRaises(TypeError) as cm:
                        call()
                    self.assertIn(name + " must be a jbw.", str(cm.exception))

    def test_handles_are_context_managers(self):
        for cls in (jbw.Calendar, jbw.Registry, jbw.Snapshot, jbw.Norm,
                    jbw.CaseloadResult, jbw.Series, jbw.WaitRiskModel, jbw.Triage,
                    jbw.Allocation, jbw.Scenario, jbw.Forecast):
            self.assertTrue(hasattr(cls, "__enter__") and hasattr(cls, "__exit__"))


if __name__ == "__main__":
    unittest.main()
