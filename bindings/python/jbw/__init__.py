"""jbw: Python bindings of libjbw (ctypes, standard library only).

libjbw computes caseloads against a norm, ranks the waiting list of Dutch
youth protection (jeugdbescherming) and youth probation
(jeugdreclassering) by waiting risk, proposes allocations, and forecasts
the waiting list and staffing. This package wraps the whole C interface.

A short tour::

    import jbw
    with jbw.Snapshot.example() as snap:                 # synthetic example
        report = snap.caseload()                         # default norm: FNV-GI 2023
        print(report.totals.waiting_nieuw, report.totals.fte_gap)
        triage = snap.triage()                           # waiting-risk ranking
        for entry in triage.entries(top=3):
            print(entry.rank, entry.case.id, entry.score.band, entry.score.reasons())

The library is found through ``$JBW_LIBRARY``, then the source tree's build
directories, then the system (see :data:`library_path`). Errors raise
:class:`jbw.Error` subclasses carrying the library's message.
"""
from __future__ import annotations

from . import _lib
from ._lib import ABI_MAJOR, C as _C
from .errors import (BufferTooSmall, Canceled, Duplicate, Error, InvalidArgument,
                     JbwIOError, NotFound, OutOfMemory, ParseError,
                     ProtectedAttribute, RangeError, VersionError)
from .dates import (DATE_NONE, YEAR_MAX, YEAR_MIN, Calendar, Holiday, HolidayDate,
                    LiberationDay, add_months, date_parts, format_date, make_date,
                    months_between, parse_date, weekday, years_between)
from .measure import (Domain, JrRisk, Kind, Measure, Placement, Safety, Worker, YesNo,
                      kind_count)
from .registry import Municipality, Organisation, Region, Registry
from .snapshot import (EXAMPLE_SEED, LOAD_THREADS_MAX, Counts, MeasureState, Reject,
                       Snapshot)
from .io import read_file, write_file
from .caseload import (CaseloadResult, Finding, FindingRule, Group, LoadStatus, Norm,
                       Series, SeriesPoint, Totals, Unit, WorkerLoad, compute_caseload)
from .waitrisk import (Allocation, AllocationLine, AllocationWorker, Band, IntColumn, Item,
                       Lang, Score, ScoreArray, ScoreItem, Triage, TriageEntry,
                       UnassignedReason, WaitCase,
                       WaitCaseArray, WaitRiskModel, rank)
from .example import (example_date, example_notice, example_series_zhz,
                      example_snapshot, example_totals_jbwest)
from .forecast import *  # noqa: F401,F403  (forecast and staffing)
from .forecast import __all__ as _forecast_all
from .calibration import *  # noqa: F401,F403  (calibration and backtest)
from .calibration import __all__ as _calibrate_all
from .staffing import (QueueAnswer, ReliefAnswer, effective_fte, staffing_queue,
                       staffing_relief, workdays_per_month)
from .staffing import __all__ as _staffing_all
from .charts import *  # noqa: F401,F403  (charts and the brief)
from .charts import __all__ as _brief_all

#: Version of these bindings (follows the library's).
__version__ = "0.2.0"

#: Path (or name) the shared library was loaded from.
library_path: str = _lib.LIBRARY_PATH


def version() -> str:
    """The loaded library's version ("0.2.0")."""
    return _C.jbw_version().decode("ascii")


def version_number() -> int:
    """The loaded library's version as MAJOR*10000 + MINOR*100 + PATCH."""
    return _C.jbw_version_number()


def abi_major() -> int:
    """The loaded library's ABI major (the shared library's SOVERSION)."""
    return _C.jbw_abi_major()


def strerror(status: int) -> str:
    """The library's static description of a status code."""
    return _C.jbw_strerror(status).decode("utf-8", "replace")


def last_error() -> str:
    """The detail message of the last failing libjbw call on this thread."""
    return _C.jbw_last_error().decode("utf-8", "replace")


def clear_error() -> None:
    """Clears this thread's last error detail."""
    _C.jbw_clear_error()


__all__ = [
    # library
    "ABI_MAJOR", "library_path", "version", "version_number", "abi_major",
    "strerror", "last_error", "clear_error", "__version__",
    # errors
    "Error", "InvalidArgument", "OutOfMemory", "RangeError", "ParseError",
    "NotFound", "Duplicate", "VersionError", "JbwIOError", "ProtectedAttribute",
    "BufferTooSmall", "Canceled",
    # dates
    "DATE_NONE", "YEAR_MIN", "YEAR_MAX", "Calendar", "Holiday", "HolidayDate",
    "LiberationDay", "parse_date", "format_date", "make_date", "date_parts",
    "weekday", "add_months", "months_between", "years_between",
    # records
    "Kind", "Domain", "Safety", "Placement", "JrRisk", "YesNo", "Worker", "Measure",
    "kind_count", "Registry", "Region", "Municipality", "Organisation",
    "Snapshot", "MeasureState", "Counts", "Reject", "EXAMPLE_SEED", "LOAD_THREADS_MAX",
    "read_file", "write_file",
    # caseload
    "Norm", "Unit", "LoadStatus", "Group", "Totals", "WorkerLoad",
    "Finding", "FindingRule", "CaseloadResult", "compute_caseload", "Series", "SeriesPoint",
    # waiting risk
    "WaitRiskModel", "WaitCase", "Score", "ScoreItem", "Band", "Item", "Lang",
    "WaitCaseArray", "ScoreArray", "IntColumn", "rank", "Triage", "TriageEntry",
    "Allocation", "AllocationLine", "AllocationWorker", "UnassignedReason",
    # example
    "example_snapshot", "example_date", "example_series_zhz",
    "example_totals_jbwest", "example_notice",
] + list(_forecast_all) + list(_calibrate_all) + list(_staffing_all) + list(_brief_all)

# `from __future__ import annotations` binds the name `annotations`; it is
# no part of the package
del annotations
