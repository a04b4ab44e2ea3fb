"""The ctypes mirrors match the C layout of every versioned public struct.

The library cannot report sizeof at run time, so the sizes are checked
against figures worked out by hand from the headers for x86_64 (LP64: int
and enums 4 bytes, size_t, pointers, double and long long 8, each aligned
to its size); the derivation is in each mirror's docstring. On every
platform the offsets must increase, fields must not overlap, and the
field names and order must match the header text.
"""
import ctypes
import os
import re
import unittest

from jbw import _structs as S
from jbw import calibration as K
from jbw import charts as B
from jbw import forecast as F
from jbw import staffing as ST

from .support import source_root

MIRRORS = {
    "jbw_calendar_options": S.CalendarOptions, "jbw_holiday": S.HolidayC,
    "jbw_region_info": S.RegionInfo, "jbw_municipality_info": S.MunicipalityInfo,
    "jbw_organisation_info": S.OrganisationInfo, "jbw_worker": S.WorkerC,
    "jbw_measure": S.MeasureC, "jbw_snapshot_counts": S.SnapshotCounts,
    "jbw_load_options": S.LoadOptions, "jbw_caseload_options": S.CaseloadOptions,
    "jbw_caseload_totals": S.CaseloadTotals, "jbw_worker_load": S.WorkerLoadC, "jbw_finding": S.FindingC,
    "jbw_series_point": S.SeriesPointC, "jbw_wait_case": S.WaitCaseC,
    "jbw_score": S.ScoreC, "jbw_shock": F.ShockC, "jbw_hire": F.HireC,
    "jbw_forecast_params": F.ForecastParamsC, "jbw_forecast_month": F.ForecastMonthC,
    "jbw_forecast_options": F.ForecastOptionsC, "jbw_queue_params": F.QueueParamsC,
    "jbw_queue_result": F.QueueResultC, "jbw_report_options": S.ReportOptions,
    "jbw_calibrate_options": K.CalibrateOptionsC,
    "jbw_calibration_kind": K.CalibrationKindC,
    "jbw_calibration_staff": K.CalibrationStaffC,
    "jbw_calibration_assignment": K.CalibrationAssignmentC,
    "jbw_queue_result": F.QueueResultC, "jbw_output_options": ST.OutputOptionsC,
    "jbw_relief_answer": ST.ReliefAnswerC, "jbw_queue_answer": ST.QueueAnswerC,
    "jbw_backtest_options": K.BacktestOptionsC,
    "jbw_backtest_month": K.BacktestMonthC,
    "jbw_backtest_summary": K.BacktestSummaryC,
    "jbw_chart_options": B.ChartOptionsC, "jbw_brief_options": B.BriefOptionsC,
}

ALL_SIZES = dict(S.X86_64_SIZES)
ALL_SIZES.update(F.X86_64_SIZES)
ALL_SIZES.update(K.X86_64_SIZES)
ALL_SIZES.update(ST.X86_64_SIZES)
ALL_SIZES.update(B.X86_64_SIZES)


def header_struct_fields():
    """{struct name: [field names]} parsed from the public headers."""
    root = source_root()
    out = {}
    inc = os.path.join(root, "include", "jbw")
    for name in sorted(os.listdir(inc)):
        if not name.endswith(".h"):
            continue
        with open(os.path.join(inc, name), encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        for m in re.finditer(r"typedef struct (jbw_\w+) \{(.*?)\}\s*\1;", text, re.S):
            fields = []
            for decl in m.group(2).split(";"):
                decl = decl.strip()
                if not decl:
                    continue
                fm = re.search(r"\(\s*\*\s*(\w+)\s*\)|(\w+)\s*(\[[^\]]*\])?\s*$", decl)
                fields.append(fm.group(1) or fm.group(2))
            out[m.group(1)] = fields
    return out


class Layout(unittest.TestCase):
    def test_every_mirror_is_listed_with_a_hand_derived_size(self):
        self.assertEqual(set(ALL_SIZES), set(MIRRORS.values()))

    def test_sizes_match_the_x86_64_layout_worked_out_by_hand(self):
        if ctypes.sizeof(ctypes.c_void_p) != 8 or ctypes.sizeof(ctypes.c_long) != 8:
            self.skipTest("the hand-derived figures are for LP64 (x86_64)")
        for cls, size in ALL_SIZES.items():
            with self.subTest(cls.__name__):
                self.assertEqual(ctypes.sizeof(cls), size)

    def test_offsets_increase_and_fields_do_not_overlap(self):
        for cls in ALL_SIZES:
            end = 0
            for name, ctype in cls._fields_:
                off = getattr(cls, name).offset
                with self.subTest(f"{cls.__name__}.{name}"):
                    self.assertGreaterEqual(off, end)
                    self.assertEqual(off % ctypes.alignment(ctype), 0)
                end = off + ctypes.sizeof(ctype)
            self.assertLessEqual(end, ctypes.sizeof(cls))

    def test_versioned_structs_start_with_an_unsigned_version(self):
        for cls in ALL_SIZES:
            if hasattr(cls, "VERSION"):
                self.assertEqual(cls._fields_[0], ("version", ctypes.c_uint), cls.__name__)
                # the records that gained fields in 0.2 are at version 2
                # (jbw_load_options: the readers' limits; the caseload
                # totals: waiting for suitable help); the measure record at
                # 3 (the model version 2 inputs, then the help dates), the
                # forecast params at 3 (version 2 fields, then the hiring
                # plan)
                want = 2 if cls in (S.WaitCaseC, F.ForecastOptionsC,
                                    ST.ReliefAnswerC, S.CaseloadTotals) else 1
                # jbw_load_options at 3: the limits, then threads
                if cls in (S.MeasureC, F.ForecastParamsC, S.LoadOptions):
                    want = 3
                self.assertEqual(cls.VERSION, want, cls.__name__)

    def test_field_names_and_order_match_the_headers(self):
        if source_root() is None:
            self.skipTest("headers not available (installed bindings)")
        parsed = header_struct_fields()
        for cname, cls in MIRRORS.items():
            with self.subTest(cname):
                self.assertIn(cname, parsed)
                self.assertEqual([f for f, _ in cls._fields_], parsed[cname])

    def test_every_public_struct_has_a_mirror(self):
        if source_root() is None:
            self.skipTest("headers not available (installed bindings)")
        self.assertEqual(set(header_struct_fields()) - set(MIRRORS), set())

    def test_the_fixed_array_sizes_are_the_headers(self):
        # read from the headers where they are at hand (a source tree)
        want = {"JBW_KIND_SLOTS": S.KIND_SLOTS, "JBW_ITEM_SLOTS": S.ITEM_SLOTS,
                "JBW_TENURE_SLOTS": F.TENURE_SLOTS}
        root = source_root()
        if root is None:
            self.skipTest("headers not available (installed bindings)")
        found = {}
        inc = os.path.join(root, "include", "jbw")
        for name in sorted(os.listdir(inc)):
            with open(os.path.join(inc, name), encoding="utf-8") as f:
                for m in re.finditer(r"^#define (JBW_\w+_SLOTS) (\d+)$", f.read(), re.M):
                    found[m.group(1)] = int(m.group(2))
        self.assertEqual({k: found.get(k) for k in want}, want)
        # JBW_DATE_NONE is ((jbw_date)INT32_MIN)
        self.assertEqual(S.DATE_NONE, -2 ** 31)


if __name__ == "__main__":
    unittest.main()
