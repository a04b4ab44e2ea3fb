"""Loading libjbw and declaring its functions.

One loader finds the shared library (``JBW_LIBRARY``, then the build tree,
then the system) and checks its ABI major. One table declares ``argtypes``,
``restype`` and ``errcheck`` of every function; functions returning a
``jbw_status`` get an errcheck that raises the matching :mod:`jbw.errors`
exception with the library's detail message.

The bound functions live as attributes of :data:`C` (``C.jbw_version()``);
the rest of the package calls them through it.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import sys
from ctypes import (POINTER, c_char_p, c_double, c_int, c_int32, c_size_t,
                    c_uint, c_uint32, c_void_p)
from typing import Callable, List, Optional, Sequence, Tuple

from . import _structs as S
from .errors import make_error

#: The ABI major these bindings were written for (JBW_ABI_MAJOR).
ABI_MAJOR = 0
#: The oldest library version whose interface these bindings use.
MIN_VERSION = (0, 2, 0)

_ENV = "JBW_LIBRARY"


# ---- finding the library -------------------------------------------------

def _library_names() -> Tuple[str, ...]:
    if sys.platform == "win32":
        return ("jbw.dll", "libjbw.dll")
    if sys.platform == "darwin":
        return (f"libjbw.{ABI_MAJOR}.dylib", "libjbw.dylib")
    return (f"libjbw.so.{ABI_MAJOR}", "libjbw.so")


def _is_sanitized_build(build_dir: str) -> bool:
    """A sanitizer build cannot be loaded into a plain Python process."""
    cache = os.path.join(build_dir, "CMakeCache.txt")
    try:
        with open(cache, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return False
    return "JBW_SANITIZED:BOOL=ON" in text or "-fsanitize=" in text


def _source_root(package_dir: str) -> Optional[str]:
    """The libjbw source tree whose ``bindings/python/jbw`` this package is,
    if it is one. Only that exact place counts: a package installed
    elsewhere (site-packages, a virtual environment) never looks in the
    folders around it, even when they hold a libjbw source tree."""
    pkg = os.path.realpath(package_dir)
    root = os.path.dirname(os.path.dirname(os.path.dirname(pkg)))
    if (os.path.join(root, "bindings", "python", "jbw") == pkg
            and os.path.isfile(os.path.join(root, "include", "jbw.h"))
            and os.path.isfile(os.path.join(root, "CMakeLists.txt"))):
        return root
    return None


def _library_in(build_dir: str) -> Optional[str]:
    if not os.path.isdir(build_dir) or _is_sanitized_build(build_dir):
        return None
    for name in _library_names():
        path = os.path.join(build_dir, name)
        if os.path.exists(path):
            return path
    return None


def _build_type(build_dir: str) -> str:
    """CMAKE_BUILD_TYPE of a build directory ("" when unknown)."""
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt"), encoding="utf-8",
                  errors="replace") as f:
            for line in f:
                if line.startswith("CMAKE_BUILD_TYPE:"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return ""


#: Build types loaded first: the optimised ones.
_OPTIMISED = ("Release", "RelWithDebInfo", "MinSizeRel")


def _build_tree_candidates(root: Optional[str] = None) -> List[str]:
    """Shared libraries in the build directories of the source tree (every
    build*/ and build/*/ directory): optimised builds (Release,
    RelWithDebInfo, MinSizeRel) before the others (Debug: build/dev), and
    within each the most recently built first."""
    if root is None:
        root = _source_root(os.path.dirname(__file__))
    if root is None:
        return []
    dirs = set(glob.glob(os.path.join(root, "build*")) +
               glob.glob(os.path.join(root, "build", "*")))
    found = [(d, p) for d, p in ((d, _library_in(d)) for d in sorted(dirs)) if p]
    found.sort(key=lambda dp: (_build_type(dp[0]) not in _OPTIMISED,
                               -os.path.getmtime(dp[1])))
    return [p for _, p in found]


def _version_tuple(lib: ctypes.CDLL) -> Tuple[int, int, int]:
    f = lib.jbw_version_number
    f.restype, f.argtypes = c_int, []
    n = f()
    return (n // 10000, n // 100 % 100, n % 100)


def _check_loaded(lib: ctypes.CDLL) -> Optional[str]:
    """Why a loaded library cannot be used, or None when it can."""
    try:
        f = lib.jbw_abi_major
    except AttributeError:
        return "it has no jbw_abi_major(): not libjbw"
    f.restype, f.argtypes = c_int, []
    major = f()
    if major != ABI_MAJOR:
        return f"its ABI major is {major}, these bindings need {ABI_MAJOR}"
    version = _version_tuple(lib)
    if version < MIN_VERSION:
        return ("it is version %d.%d.%d, these bindings need %d.%d.%d or later"
                % (version + MIN_VERSION))
    return None


def _load() -> Tuple[ctypes.CDLL, str]:
    tried: List[str] = []

    def attempt(path: str, how: str) -> Optional[ctypes.CDLL]:
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append(f"{how} {path}: {e}")
            return None
        why = _check_loaded(lib)
        if why:
            tried.append(f"{how} {path}: loaded, but {why}")
            return None
        return lib

    env = os.environ.get(_ENV)
    if env:
        # An explicit choice is never silently replaced by another library.
        lib = attempt(env, f"${_ENV} =")
        if lib is not None:
            return lib, env
        _raise_not_found(tried, env_only=True)
    tried.append(f"${_ENV}: not set")

    candidates = _build_tree_candidates()
    if not candidates:
        root = _source_root(os.path.dirname(__file__))
        tried.append("build tree: " + (f"no usable build*/ directory with libjbw under {root}"
                                       if root else "the package is not the bindings/python/jbw of a libjbw source tree"))
    for path in candidates:
        lib = attempt(path, "build tree")
        if lib is not None:
            return lib, path

    system = ctypes.util.find_library("jbw")
    names = ([system] if system else []) + [n for n in _library_names() if n != system]
    if not system:
        tried.append("ctypes.util.find_library('jbw'): nothing found")
    for name in names:
        lib = attempt(name, "system")
        if lib is not None:
            return lib, name
    _raise_not_found(tried, env_only=False)
    raise AssertionError("unreachable")


def _raise_not_found(tried: Sequence[str], env_only: bool) -> None:
    need = "libjbw %d.%d.%d or later with ABI major %d" % (MIN_VERSION + (ABI_MAJOR,))
    hint = (f"fix ${_ENV} or unset it" if env_only else
            f"build libjbw as a shared library (cmake -DBUILD_SHARED_LIBS=ON), "
            f"set ${_ENV} to the path of the library, or install it")
    lines = "\n".join("  - " + t for t in tried)
    raise ImportError(f"jbw: cannot load {need}. Tried:\n{lines}\n{hint}.")


# ---- the function table --------------------------------------------------

STATUS = object()  #: marks a function returning jbw_status (gets errcheck)

P = c_void_p              # an opaque handle
PP = POINTER(c_void_p)    # out: a handle, or a library-allocated string
PSIZE = POINTER(c_size_t)
PINT = POINTER(c_int)
PI32 = POINTER(c_int32)
DATE = c_int32
STR = c_char_p

_TABLE: List[Tuple[str, object, list]] = [
    # common.h
    ("jbw_strerror", STR, [c_int]),
    ("jbw_last_error", STR, []),
    ("jbw_clear_error", None, []),
    ("jbw_set_allocator", STATUS, [c_void_p, c_void_p, c_void_p, c_void_p]),
    ("jbw_free", None, [c_void_p]),
    ("jbw_version", STR, []),
    ("jbw_version_number", c_int, []),
    ("jbw_abi_major", c_int, []),
    # date.h
    ("jbw_date_none", DATE, []),
    ("jbw_date_from_ymd", STATUS, [PI32, c_int, c_int, c_int]),
    ("jbw_date_to_ymd", STATUS, [PINT, PINT, PINT, DATE]),
    ("jbw_date_parse", STATUS, [PI32, STR, c_size_t]),
    ("jbw_date_parse_iso", STATUS, [PI32, STR, c_size_t]),
    ("jbw_date_format", STATUS, [c_char_p, c_size_t, DATE]),
    ("jbw_date_weekday", c_int, [DATE]),
    ("jbw_date_add_months", STATUS, [PI32, DATE, c_int]),
    ("jbw_months_between", STATUS, [PI32, DATE, DATE]),
    ("jbw_years_between", STATUS, [PI32, DATE, DATE]),
    ("jbw_calendar_options_init", STATUS, [POINTER(S.CalendarOptions), c_uint]),
    ("jbw_calendar_new", STATUS, [PP, POINTER(S.CalendarOptions)]),
    ("jbw_calendar_options_preset", STATUS, [POINTER(S.CalendarOptions), c_uint, c_int]),
    ("jbw_calendar_preset_code", STR, [c_int]),
    ("jbw_calendar_preset_from_code", STATUS, [PINT, c_char_p, c_size_t]),
    ("jbw_calendar_free", None, [P]),
    ("jbw_calendar_add_closure", STATUS, [P, DATE]),
    ("jbw_calendar_is_workday", STATUS, [PINT, P, DATE]),
    ("jbw_calendar_holiday", STATUS, [PINT, P, DATE]),
    ("jbw_holiday_name", STR, [c_int]),
    ("jbw_calendar_holidays", STATUS, [POINTER(S.HolidayC), c_size_t, PSIZE, P, c_int]),
    ("jbw_calendar_workdays_between", STATUS, [PI32, P, DATE, DATE]),
    ("jbw_calendar_add_workdays", STATUS, [PI32, P, DATE, c_int32]),
    # registry.h
    ("jbw_registry_new", STATUS, [PP]),
    ("jbw_registry_zuid_west", STATUS, [PP]),
    ("jbw_registry_clone", STATUS, [PP, P]),
    ("jbw_registry_free", None, [P]),
    ("jbw_registry_add_region", STATUS, [P, STR, STR, STR]),
    ("jbw_registry_add_municipality", STATUS, [P, STR, STR]),
    ("jbw_registry_add_organisation", STATUS, [P, STR, STR]),
    ("jbw_registry_add_service", STATUS, [P, STR, STR]),
    ("jbw_registry_region_count", c_size_t, [P]),
    ("jbw_registry_municipality_count", c_size_t, [P]),
    ("jbw_registry_organisation_count", c_size_t, [P]),
    ("jbw_registry_region", STATUS, [POINTER(S.RegionInfo), P, c_size_t]),
    ("jbw_registry_municipality", STATUS, [POINTER(S.MunicipalityInfo), P, c_size_t]),
    ("jbw_registry_organisation", STATUS, [POINTER(S.OrganisationInfo), P, c_size_t]),
    ("jbw_registry_organisation_region", STATUS, [POINTER(c_char_p), P, c_size_t, c_size_t]),
    ("jbw_registry_find_region", STATUS, [PSIZE, P, STR]),
    ("jbw_registry_find_organisation", STATUS, [PSIZE, P, STR]),
    ("jbw_registry_serves", STATUS, [PINT, P, STR, STR]),
    ("jbw_registry_national", STATUS, [PP, c_int]),
    ("jbw_registry_national_first_year", c_int, []),
    ("jbw_registry_national_last_year", c_int, []),
    ("jbw_registry_find_municipality", STATUS, [PSIZE, P, STR]),
    # measure.h
    ("jbw_kind_count", c_int, []),
    ("jbw_kind_code", STR, [c_int]),
    ("jbw_kind_name", STR, [c_int]),
    ("jbw_kind_domain", c_int, [c_int]),
    ("jbw_kind_ijw_category", c_int, [c_int]),
    ("jbw_kind_is_emergency", c_int, [c_int]),
    ("jbw_kind_from_code", STATUS, [PINT, STR, c_size_t]),
    ("jbw_safety_code", STR, [c_int]),
    ("jbw_placement_code", STR, [c_int]),
    ("jbw_jr_risk_code", STR, [c_int]),
    ("jbw_safety_from_code", STATUS, [PINT, STR, c_size_t]),
    ("jbw_placement_from_code", STATUS, [PINT, STR, c_size_t]),
    ("jbw_jr_risk_from_code", STATUS, [PINT, STR, c_size_t]),
    ("jbw_yesno_code", STR, [c_int]),
    ("jbw_yesno_from_code", STATUS, [PINT, STR, c_size_t]),
    ("jbw_worker_init", STATUS, [POINTER(S.WorkerC), c_uint]),
    ("jbw_measure_init", STATUS, [POINTER(S.MeasureC), c_uint]),
    # snapshot.h
    ("jbw_measure_state_code", STR, [c_int]),
    ("jbw_snapshot_new", STATUS, [PP, P, DATE]),
    ("jbw_snapshot_free", None, [P]),
    ("jbw_snapshot_add_worker", STATUS, [P, POINTER(S.WorkerC)]),
    ("jbw_snapshot_add_measure", STATUS, [P, POINTER(S.MeasureC)]),
    ("jbw_snapshot_reference_date", DATE, [P]),
    ("jbw_snapshot_latest_event", DATE, [P]),
    ("jbw_snapshot_data_notice", STR, [P]),
    ("jbw_snapshot_registry", P, [P]),
    ("jbw_snapshot_worker_count", c_size_t, [P]),
    ("jbw_snapshot_measure_count", c_size_t, [P]),
    ("jbw_snapshot_worker", STATUS, [POINTER(S.WorkerC), P, c_size_t]),
    ("jbw_snapshot_measure", STATUS, [POINTER(S.MeasureC), P, c_size_t]),
    ("jbw_snapshot_find_worker", STATUS, [PSIZE, P, STR]),
    ("jbw_snapshot_find_measure", STATUS, [PSIZE, P, STR]),
    ("jbw_snapshot_measure_state", STATUS, [PINT, P, c_size_t, DATE]),
    ("jbw_snapshot_counts_get", STATUS, [POINTER(S.SnapshotCounts), P, DATE, STR, STR]),
    # io.h
    ("jbw_load_options_init", STATUS, [POINTER(S.LoadOptions), c_uint]),
    ("jbw_rejects_count", c_size_t, [P]),
    ("jbw_rejects_get", STATUS, [POINTER(c_char_p), PSIZE, POINTER(c_char_p), P, c_size_t]),
    ("jbw_rejects_free", None, [P]),
    ("jbw_snapshot_load_csv_buffers", STATUS,
     [PP, PP, P, c_char_p, c_size_t, STR, c_char_p, c_size_t, STR, POINTER(S.LoadOptions)]),
    ("jbw_snapshot_load_csv", STATUS, [PP, PP, P, STR, STR, POINTER(S.LoadOptions)]),
    ("jbw_snapshot_measures_csv", STATUS, [PP, PSIZE, P]),
    ("jbw_snapshot_workers_csv", STATUS, [PP, PSIZE, P]),
    ("jbw_registry_load_csv_buffer", STATUS, [PP, c_char_p, c_size_t, STR]),
    ("jbw_registry_load_csv", STATUS, [PP, STR]),
    ("jbw_registry_load_csv_opts", STATUS, [PP, STR, POINTER(S.LoadOptions)]),
    ("jbw_registry_csv", STATUS, [PP, PSIZE, P]),
    ("jbw_registry_json", STATUS, [PP, PSIZE, P]),
    ("jbw_registry_text", STATUS, [PP, PSIZE, P]),
    ("jbw_read_file", STATUS, [PP, PSIZE, STR]),
    ("jbw_write_file", STATUS, [STR, c_char_p, c_size_t]),
    # caseload.h: norms
    ("jbw_unit_code", STR, [c_int]),
    ("jbw_load_status_code", STR, [c_int]),
    ("jbw_norm_new_default", STATUS, [PP]),
    ("jbw_norm_new_named", STATUS, [PP, STR]),
    ("jbw_norm_parse", STATUS, [PP, c_char_p, c_size_t, STR]),
    ("jbw_norm_load", STATUS, [PP, STR]),
    ("jbw_norm_save", STATUS, [PP, PSIZE, P]),
    ("jbw_norm_clone", STATUS, [PP, P]),
    ("jbw_norm_free", None, [P]),
    ("jbw_norm_name", STR, [P]),
    ("jbw_norm_source", STR, [P]),
    ("jbw_norm_source_lang", STR, [P, c_int]),
    ("jbw_norm_unit", c_int, [P]),
    ("jbw_norm_caseload_per_fte", c_double, [P]),
    ("jbw_norm_weight", c_double, [P, c_int]),
    ("jbw_norm_ramp", c_double, [P, c_int32]),
    ("jbw_norm_ramp_count", c_size_t, [P]),
    ("jbw_norm_ramp_step", STATUS, [PI32, POINTER(c_double), P, c_size_t]),
    ("jbw_norm_under_below", c_double, [P]),
    ("jbw_norm_over_above", c_double, [P]),
    ("jbw_norm_set_name", STATUS, [P, STR, STR]),
    ("jbw_norm_set_unit", STATUS, [P, c_int]),
    ("jbw_norm_set_caseload_per_fte", STATUS, [P, c_double]),
    ("jbw_norm_set_weight", STATUS, [P, c_int, c_double]),
    ("jbw_norm_set_ramp", STATUS, [P, PI32, POINTER(c_double), c_size_t]),
    ("jbw_norm_set_thresholds", STATUS, [P, c_double, c_double]),
    # caseload.h: results
    ("jbw_caseload_options_init", STATUS, [POINTER(S.CaseloadOptions), c_uint]),
    ("jbw_caseload_compute", STATUS, [PP, P, P, P, POINTER(S.CaseloadOptions)]),
    ("jbw_caseload_free", None, [P]),
    ("jbw_caseload_date", DATE, [P]),
    ("jbw_caseload_period", STATUS, [PI32, PI32, PI32, P]),
    ("jbw_caseload_norm", P, [P]),
    ("jbw_caseload_data_notice", STR, [P]),
    ("jbw_caseload_totals_get", STATUS, [POINTER(S.CaseloadTotals), P]),
    ("jbw_caseload_group_count", c_size_t, [P, c_int]),
    ("jbw_caseload_group_get", STATUS,
     [POINTER(S.CaseloadTotals), POINTER(c_char_p), P, c_int, c_size_t]),
    ("jbw_caseload_worker_count", c_size_t, [P]),
    ("jbw_caseload_worker_get", STATUS, [POINTER(S.WorkerLoadC), P, c_size_t]),
    ("jbw_finding_rule_count", c_int, []),
    ("jbw_finding_rule_code", c_char_p, [c_int]),
    ("jbw_caseload_finding_count", c_size_t, [P]),
    ("jbw_caseload_finding_count_rule", c_size_t, [P, c_int]),
    ("jbw_caseload_finding_get", STATUS, [POINTER(S.FindingC), P, c_size_t]),
    ("jbw_caseload_json", STATUS, [PP, PSIZE, P]),
    ("jbw_caseload_csv", STATUS, [PP, PSIZE, P]),
    ("jbw_caseload_workers_csv", STATUS, [PP, PSIZE, P]),
    ("jbw_caseload_text", STATUS, [PP, PSIZE, P]),
    ("jbw_report_options_init", STATUS, [POINTER(S.ReportOptions), c_uint]),
    ("jbw_caseload_report_text", STATUS, [PP, PSIZE, P, POINTER(S.ReportOptions)]),
    # caseload.h: series
    ("jbw_series_new", STATUS, [PP, STR]),
    ("jbw_series_free", None, [P]),
    ("jbw_series_add", STATUS, [P, DATE, c_size_t, c_size_t]),
    ("jbw_series_add_snapshot", STATUS, [P, P, DATE, STR, STR]),
    ("jbw_series_title", STR, [P]),
    ("jbw_series_counts_measures", c_int, [P]),
    ("jbw_series_data_notice", STR, [P]),
    ("jbw_series_set_data_notice", STATUS, [P, STR]),
    ("jbw_series_count", c_size_t, [P]),
    ("jbw_series_get", STATUS, [POINTER(S.SeriesPointC), P, c_size_t]),
    ("jbw_series_csv", STATUS, [PP, PSIZE, P]),
    ("jbw_series_json", STATUS, [PP, PSIZE, P]),
    ("jbw_series_text", STATUS, [PP, PSIZE, P]),
    ("jbw_series_text_lang", STATUS, [PP, PSIZE, P, c_int]),
    # waitrisk.h
    ("jbw_band_code", STR, [c_int]),
    ("jbw_item_code", STR, [c_int]),
    ("jbw_band_from_code", STATUS, [PINT, STR, c_size_t]),
    ("jbw_waitrisk_model_new_default", STATUS, [PP]),
    ("jbw_waitrisk_model_new_version", STATUS, [PP, c_int]),
    ("jbw_waitrisk_model_base_version", c_int, [P]),
    ("jbw_waitrisk_model_item_count", c_int, [P]),
    ("jbw_waitrisk_model_card", STATUS, [PP, PSIZE, P]),
    ("jbw_waitrisk_model_register", STATUS, [PP, PSIZE, P, c_int]),
    ("jbw_waitrisk_computed_band", c_int, [P, POINTER(S.ScoreC)]),
    ("jbw_waitrisk_model_parse", STATUS, [PP, c_char_p, c_size_t, STR]),
    ("jbw_waitrisk_model_load", STATUS, [PP, STR]),
    ("jbw_waitrisk_model_save", STATUS, [PP, PSIZE, P]),
    ("jbw_waitrisk_model_free", None, [P]),
    ("jbw_waitrisk_model_name", STR, [P]),
    ("jbw_waitrisk_model_version", c_int, [P]),
    ("jbw_waitrisk_model_contact_interval", c_int, [P, c_int]),
    ("jbw_waitrisk_model_param_count", c_size_t, [P]),
    ("jbw_waitrisk_model_param", STATUS, [POINTER(c_char_p), PINT, P, c_size_t]),
    ("jbw_waitrisk_model_get", STATUS, [PINT, P, STR]),
    ("jbw_wait_case_init", STATUS, [POINTER(S.WaitCaseC), c_uint]),
    ("jbw_wait_cases_set_text", STATUS,
     [POINTER(S.WaitCaseC), c_size_t, STR, c_char_p, c_size_t]),
    ("jbw_wait_cases_set_ints", STATUS,
     [POINTER(S.WaitCaseC), c_size_t, POINTER(c_char_p), POINTER(c_void_p), c_size_t]),
    ("jbw_waitrisk_score", STATUS, [POINTER(S.ScoreC), P, P, POINTER(S.WaitCaseC), DATE]),
    ("jbw_waitrisk_score_batch", STATUS,
     [POINTER(S.ScoreC), P, P, POINTER(S.WaitCaseC), c_size_t, DATE]),
    ("jbw_waitrisk_reason", STATUS,
     [c_char_p, c_size_t, P, POINTER(S.WaitCaseC), POINTER(S.ScoreC), c_int, c_int]),
    ("jbw_waitrisk_rank", STATUS, [PSIZE, POINTER(S.ScoreC), POINTER(S.WaitCaseC), c_size_t]),
    ("jbw_triage_new", STATUS, [PP, P, P, P, DATE]),
    ("jbw_triage_free", None, [P]),
    ("jbw_triage_count", c_size_t, [P]),
    ("jbw_triage_date", DATE, [P]),
    ("jbw_triage_model", P, [P]),
    ("jbw_triage_data_notice", STR, [P]),
    ("jbw_triage_get", STATUS, [POINTER(S.WaitCaseC), POINTER(S.ScoreC), P, c_size_t]),
    ("jbw_triage_state", c_int, [P, c_size_t]),
    ("jbw_triage_json", STATUS, [PP, PSIZE, P, c_size_t, c_int]),
    ("jbw_triage_csv", STATUS, [PP, PSIZE, P, c_size_t, c_int]),
    ("jbw_triage_text", STATUS, [PP, PSIZE, P, c_size_t, c_int]),
    ("jbw_allocation_new", STATUS, [PP, P, P, P, P]),
    ("jbw_allocation_free", None, [P]),
    ("jbw_allocation_count", c_size_t, [P]),
    ("jbw_allocation_get", STATUS,
     [POINTER(c_char_p), PSIZE, POINTER(c_char_p), PINT, P, c_size_t]),
    ("jbw_allocation_line_place", STATUS,
     [POINTER(c_char_p), POINTER(c_char_p), P, c_size_t]),
    ("jbw_allocation_assigned", c_size_t, [P]),
    ("jbw_allocation_worker_count", c_size_t, [P]),
    ("jbw_allocation_worker", STATUS,
     [POINTER(c_char_p), POINTER(c_char_p), POINTER(c_char_p), POINTER(c_double),
      POINTER(c_double), POINTER(c_double), P, c_size_t]),
    ("jbw_allocation_date", DATE, [P]),
    ("jbw_allocation_model", P, [P]),
    ("jbw_allocation_norm_name", STR, [P]),
    ("jbw_allocation_unit", c_int, [P]),
    ("jbw_allocation_data_notice", STR, [P]),
    ("jbw_allocation_json", STATUS, [PP, PSIZE, P]),
    ("jbw_allocation_csv", STATUS, [PP, PSIZE, P]),
    ("jbw_allocation_text", STATUS, [PP, PSIZE, P]),
    ("jbw_allocation_text_lang", STATUS, [PP, PSIZE, P, c_int]),
    # example.h
    ("jbw_example_snapshot", STATUS, [PP, c_uint32]),
    ("jbw_example_date", DATE, []),
    ("jbw_example_series_zhz", STATUS, [PP]),
    ("jbw_example_totals_jbwest", STATUS, [PI32, PSIZE, c_size_t, PSIZE]),
    ("jbw_example_notice", STR, []),
]


class _Functions:
    """Namespace of the bound library functions (attributes named as in C)."""


C = _Functions()
#: Functions of the table the loaded library does not export.
MISSING: List[str] = []
_handle: Optional[ctypes.CDLL] = None
#: Where the library was loaded from.
LIBRARY_PATH = ""


def _errcheck(result: int, func, args):
    if result < 0:
        detail = C.jbw_last_error()
        raise make_error(result,
                         detail.decode("utf-8", "replace") if detail else "",
                         (C.jbw_strerror(result) or b"").decode("utf-8", "replace"))
    return result


def _missing(name: str) -> Callable:
    def missing(*args, **kwargs):
        raise NotImplementedError(
            f"{name} is not exported by the loaded libjbw ({LIBRARY_PATH}, "
            f"version {C.jbw_version().decode()})")
    missing.__name__ = name
    return missing


def declare(name: str, restype: object, argtypes: list) -> None:
    """Binds one function: argtypes, restype, and for a jbw_status result an
    errcheck that raises the matching exception. A function the library does
    not export becomes a stub raising NotImplementedError when called."""
    assert _handle is not None
    try:
        f = getattr(_handle, name)
    except AttributeError:
        MISSING.append(name)
        setattr(C, name, _missing(name))
        return
    f.argtypes = argtypes
    if restype is STATUS:
        f.restype = c_int
        f.errcheck = _errcheck
    else:
        f.restype = restype
    setattr(C, name, f)


def declare_all(table: Sequence[Tuple[str, object, list]]) -> None:
    """Binds every function of a table (see :func:`declare`)."""
    for name, restype, argtypes in table:
        declare(name, restype, argtypes)


def _init() -> None:
    global _handle, LIBRARY_PATH
    _handle, LIBRARY_PATH = _load()
    declare_all(_TABLE)


_init()
