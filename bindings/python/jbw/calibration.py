"""Calibration (``jbw/calibrate.h``): the forecast's parameters estimated
from a snapshot's own records, using only what was known on a date D.

Over the N calendar months before D: inflow per kind, the mean duration
by exposure / exits (the exponential maximum-likelihood estimate, which
handles the measures still running), the stock on D, the staff turnover as
1 - exp(-h) from the leavers' FTE hazard, the monthly hiring, and the time
from start to first assignment (Kaplan-Meier). Too few events give the
default with a note, never a silent number. A backtest stands on a past
date, calibrates on what came before, forecasts and compares with what the
records say happened::

    cal = jbw.calibrate(snapshot, date="2025-09-01", window_months=12)
    params = cal.apply(jbw.ForecastParams.from_snapshot(snapshot))
    print(cal.to_text())
    bt = jbw.backtest(snapshot, "2025-03-01", months=6)
    print(bt.summary.mape_active)
"""
from __future__ import annotations

import ctypes
import enum
import json
import math
from ctypes import POINTER, byref, c_char_p, c_double, c_int, c_int32, c_size_t, c_uint
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from . import _structs as S
from ._lib import PP, PSIZE, STATUS, C, declare_all
from ._util import (DateLike, Handle, dec, enc, enc_arg, from_days, handle_arg, instance, int32,
                    new_handle, take_string, to_days, whole)
from .dates import Calendar
from .caseload import norm_handle
from .forecast import ForecastParams, ForecastParamsC
from .measure import Kind, kind_count
from .snapshot import Snapshot

__all__ = ["Basis", "CalibrationKind", "CalibrationStaff", "CalibrationAssignment",
           "Calibration", "calibrate", "CALIBRATE_WINDOW_MAX", "BacktestMonth",
           "BacktestSummary", "Backtest", "backtest", "backtest_history",
           "load_history", "BACKTEST_MONTHS_MAX", "BACKTEST_MATCH_DAYS"]

CALIBRATE_WINDOW_MAX = 600  #: JBW_CALIBRATE_WINDOW_MAX


# ---- C mirrors ---------------------------------------------------------------

class CalibrateOptionsC(ctypes.Structure):
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("date", S.c_date),
        ("window_months", c_int32),
        ("organisation", c_char_p),
        ("region", c_char_p),
        ("min_events", c_size_t),
        ("calendar", ctypes.c_void_p),
    ]


class CalibrationKindC(ctypes.Structure):
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("kind", c_int),
        ("started", c_size_t),
        ("inflow_per_month", c_double),
        ("exits", c_size_t),
        ("exposure_months", c_double),
        ("mle_months", c_double),
        ("low_months", c_double),
        ("high_months", c_double),
        ("mean_duration_months", c_double),
        ("basis", c_int),
        ("stock", c_size_t),
    ]


class CalibrationStaffC(ctypes.Structure):
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("fte", c_double),
        ("workers", c_size_t),
        ("fte_years", c_double),
        ("leavers", c_size_t),
        ("leavers_fte", c_double),
        ("hires", c_size_t),
        ("hires_fte", c_double),
        ("hires_fte_per_month", c_double),
        ("hazard_annual", c_double),
        ("mle_turnover", c_double),
        ("low_turnover", c_double),
        ("high_turnover", c_double),
        ("turnover_annual", c_double),
        ("basis", c_int),
    ]


class CalibrationAssignmentC(ctypes.Structure):
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("measures", c_size_t),
        ("assigned", c_size_t),
        ("censored", c_size_t),
        ("unknown", c_size_t),
        ("median_workdays", c_double),
        ("p90_workdays", c_double),
        ("share_within_5", c_double),
        ("basis", c_int),
    ]


#: Hand-derived x86_64 sizes (checked by the tests): options 4+4+4 (+4
#: padding) + 8+8+8+8 = 48; kind 4+4 + 9 x 8 (= 80, basis 4 + 4 padding
#: included as one slot) + 8 = 88; staff 4 (+4) + 13 x 8 + 4 (+4) = 120;
#: assignment 4 (+4) + 7 x 8 + 4 (+4) = 72.
X86_64_SIZES = {CalibrateOptionsC: 48, CalibrationKindC: 88, CalibrationStaffC: 120,
                CalibrationAssignmentC: 72}

_P = ctypes.c_void_p
declare_all([
    ("jbw_basis_code", c_char_p, [c_int]),
    ("jbw_calibrate_options_init", STATUS, [POINTER(CalibrateOptionsC), c_uint]),
    ("jbw_calibrate", STATUS, [PP, _P, POINTER(CalibrateOptionsC)]),
    ("jbw_calibration_free", None, [_P]),
    ("jbw_calibration_date", S.c_date, [_P]),
    ("jbw_calibration_window_start", S.c_date, [_P]),
    ("jbw_calibration_window_months", c_int32, [_P]),
    ("jbw_calibration_min_events", c_size_t, [_P]),
    ("jbw_calibration_data_notice", c_char_p, [_P]),
    ("jbw_calibration_kind_get", STATUS, [POINTER(CalibrationKindC), _P, c_int]),
    ("jbw_calibration_kind_note", c_char_p, [_P, c_int]),
    ("jbw_calibration_staff_get", STATUS, [POINTER(CalibrationStaffC), _P]),
    ("jbw_calibration_staff_note", c_char_p, [_P]),
    ("jbw_calibration_assignment_get", STATUS, [POINTER(CalibrationAssignmentC), _P]),
    ("jbw_calibration_apply", STATUS, [POINTER(ForecastParamsC), _P]),
    ("jbw_calibration_json", STATUS, [PP, PSIZE, _P]),
    ("jbw_calibration_csv", STATUS, [PP, PSIZE, _P]),
    ("jbw_calibration_text", STATUS, [PP, PSIZE, _P]),
    ("jbw_calibration_scenario", STATUS, [PP, PSIZE, _P]),
])


class Basis(enum.IntEnum):
    """How a calibrated figure was obtained (``jbw_basis``)."""
    ESTIMATED = 0
    DEFAULT_FEW_EVENTS = 1
    CLAMPED = 2

    @property
    def code(self) -> str:
        """"estimated", "default_few_events", "clamped"."""
        return dec(C.jbw_basis_code(int(self))) or ""


def _opt(x: float) -> Optional[float]:
    return None if math.isnan(x) else x


@dataclass(frozen=True)
class CalibrationKind:
    """The figures of one measure kind. ``mle_months`` and its interval
    are None without exits; ``mean_duration_months`` is what the forecast
    gets (the estimate, or the default / minimum as ``basis`` says).

    ``note`` is the note the text and JSON outputs show beside the kind
    (``jbw_calibration_kind_note``), None for a plain estimate: why the
    default or the minimum was used, or, for an estimate over 10 times
    the window, "unreliable: over 10x the window, an extrapolation from 61
    exits against a stock of 2358". ``unreliable`` is True in that last
    case: the records saw too few measures end to support the estimate, so
    :meth:`Calibration.apply` and the scenario file leave that duration
    out (the forecast keeps its own); ``mean_duration_months`` still gives
    the estimate."""
    kind: Kind
    started: int
    inflow_per_month: float
    exits: int
    exposure_months: float
    mle_months: Optional[float]
    low_months: Optional[float]
    high_months: Optional[float]
    mean_duration_months: float
    basis: Basis
    stock: int
    note: Optional[str] = None
    unreliable: bool = False


@dataclass(frozen=True)
class CalibrationStaff:
    """The staff figures: FTE on D, the window's FTE-years, leavers and
    hires, the hazard h and the turnover 1 - exp(-h) with its interval.
    ``note`` says why the default turnover was used
    (``jbw_calibration_staff_note``); None for an estimate."""
    fte: float
    workers: int
    fte_years: float
    leavers: int
    leavers_fte: float
    hires: int
    hires_fte: float
    hires_fte_per_month: float
    hazard_annual: Optional[float]
    mle_turnover: Optional[float]
    low_turnover: Optional[float]
    high_turnover: Optional[float]
    turnover_annual: float
    basis: Basis
    note: Optional[str] = None


@dataclass(frozen=True)
class CalibrationAssignment:
    """Werkdagen from start to first assignment (Kaplan-Meier): None where
    there is no estimate."""
    measures: int
    assigned: int
    censored: int
    unknown: int
    median_workdays: Optional[float]
    p90_workdays: Optional[float]
    share_within_5: Optional[float]
    basis: Basis


class Calibration(Handle):
    """The result of :func:`calibrate` (``jbw_calibration``)."""

    _free = staticmethod(C.jbw_calibration_free)
    _instead = (
        "use to_dict() or to_json() for its values, apply() for the "
        "parameters, or calibrate the snapshot again")

    def _describe(self) -> str:
        staff = self.staff
        unreliable = sum(1 for k in self.kinds if k.unreliable)
        return (f"{self.date.isoformat()}, {self.window_months} months before: "
                f"turnover {100 * staff.turnover_annual:.1f}% a year "
                f"({staff.basis.code}), hiring {staff.hires_fte_per_month:.2f} "
                f"FTE a month; {unreliable} unreliable "
                f"kind{'' if unreliable == 1 else 's'}")

    @property
    def date(self):
        """D: the date the calibration stands on."""
        return from_days(C.jbw_calibration_date(self._p))

    @property
    def window_start(self):
        """The window's first day (D minus N months)."""
        return from_days(C.jbw_calibration_window_start(self._p))

    @property
    def window_months(self) -> int:
        """N, the window's length in months."""
        return C.jbw_calibration_window_months(self._p)

    @property
    def min_events(self) -> int:
        """The fewest events that give an estimate."""
        return C.jbw_calibration_min_events(self._p)

    @property
    def data_notice(self) -> Optional[str]:
        """The snapshot's data notice (the embedded example says it is
        synthetic), carried by every writer; None for real data."""
        return dec(C.jbw_calibration_data_notice(self._p))

    def kind(self, kind: Any) -> CalibrationKind:
        """The figures of one kind (a Kind, its int or its code)."""
        k = Kind.coerce(kind)
        out = CalibrationKindC(version=CalibrationKindC.VERSION)
        C.jbw_calibration_kind_get(byref(out), self._p, int(k))
        note = dec(C.jbw_calibration_kind_note(self._p, int(k)))
        basis = Basis(out.basis)
        return CalibrationKind(Kind(out.kind), out.started, out.inflow_per_month, out.exits,
                               out.exposure_months, _opt(out.mle_months),
                               _opt(out.low_months), _opt(out.high_months),
                               out.mean_duration_months, basis, out.stock, note,
                               basis == Basis.ESTIMATED and note is not None)

    @property
    def kinds(self) -> List[CalibrationKind]:
        """Every kind the library knows, in kind order."""
        return [self.kind(Kind(k)) for k in range(min(kind_count(), len(Kind)))]

    @property
    def staff(self) -> CalibrationStaff:
        """The staff figures."""
        s = CalibrationStaffC(version=CalibrationStaffC.VERSION)
        C.jbw_calibration_staff_get(byref(s), self._p)
        return CalibrationStaff(s.fte, s.workers, s.fte_years, s.leavers, s.leavers_fte,
                                s.hires, s.hires_fte, s.hires_fte_per_month,
                                _opt(s.hazard_annual), _opt(s.mle_turnover),
                                _opt(s.low_turnover), _opt(s.high_turnover),
                                s.turnover_annual, Basis(s.basis),
                                dec(C.jbw_calibration_staff_note(self._p)))

    @property
    def assignment(self) -> CalibrationAssignment:
        """The time from start to first assignment."""
        a = CalibrationAssignmentC(version=CalibrationAssignmentC.VERSION)
        C.jbw_calibration_assignment_get(byref(a), self._p)
        return CalibrationAssignment(a.measures, a.assigned, a.censored, a.unknown,
                                     _opt(a.median_workdays), _opt(a.p90_workdays),
                                     _opt(a.share_within_5), Basis(a.basis))

    def apply(self, params: Optional[ForecastParams] = None) -> ForecastParams:
        """A copy of ``params`` (default: :meth:`ForecastParams.default`)
        with the calibrated inflow and duration of every kind, the turnover
        and the monthly hiring; a kind whose duration is ``unreliable``
        keeps the duration ``params`` has."""
        p, keep = (params or ForecastParams.default())._to_c()
        C.jbw_calibration_apply(byref(p), self._p)
        return ForecastParams._from_c(p)

    def to_json(self) -> str:
        """The library's JSON."""
        return take_string(C.jbw_calibration_json, self._p)

    def to_dict(self) -> Dict[str, Any]:
        """The library's JSON as a dict."""
        return json.loads(self.to_json())

    def to_csv(self) -> str:
        """The library's CSV: one row per kind and one for staff."""
        return take_string(C.jbw_calibration_csv, self._p)

    def to_text(self) -> str:
        """Tables for people, with a note beside every default."""
        return take_string(C.jbw_calibration_text, self._p)

    def to_scenario(self) -> str:
        """A scenario file (inflow, duration, turnover, hires_fte), each
        value preceded by a comment giving its basis."""
        return take_string(C.jbw_calibration_scenario, self._p)


#: The largest ``min_events`` (the C field is a size_t).
_SIZE_MAX = 2**64 - 1


def calibrate(snapshot: Snapshot, date: DateLike = None, window_months: int = 12, *,
              organisation: Optional[str] = None, region: Optional[str] = None,
              min_events: int = 10, calendar: Optional[Calendar] = None) -> Calibration:
    """Calibrates on ``snapshot`` as it was known on ``date`` (default: its
    reference date) over the ``window_months`` months before it. RangeError
    when the date lies after the reference date or the window before the
    first record, or when ``window_months`` lies outside
    1..CALIBRATE_WINDOW_MAX.

    ``window_months`` and ``min_events`` (the fewest events that give an
    estimate, at least 1) are whole numbers: an ``int``; a float (even
    12.0), a bool or a string raises TypeError naming the parameter, a
    ``min_events`` below 1 :class:`jbw.InvalidArgument`."""
    o = CalibrateOptionsC()
    C.jbw_calibrate_options_init(byref(o), CalibrateOptionsC.VERSION)
    o.date = to_days(date, "date")
    o.window_months = int32(window_months, "window_months")
    org = enc_arg(organisation, "organisation", optional=True)
    reg = enc_arg(region, "region", optional=True)
    o.organisation = org
    o.region = reg
    o.min_events = whole(min_events, "min_events", 1, _SIZE_MAX)
    o.calendar = handle_arg(calendar, Calendar, "calendar")
    return Calibration(new_handle(C.jbw_calibrate, instance(snapshot, Snapshot, "snapshot")._p, byref(o)))


# ---- backtest ----------------------------------------------------------------

BACKTEST_MONTHS_MAX = 600  #: JBW_BACKTEST_MONTHS_MAX
BACKTEST_MATCH_DAYS = 15   #: JBW_BACKTEST_MATCH_DAYS


class BacktestOptionsC(ctypes.Structure):
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("from", S.c_date),
        ("months", c_int32),
        ("window_months", c_int32),
        ("organisation", c_char_p),
        ("region", c_char_p),
        ("min_events", c_size_t),
        ("norm", ctypes.c_void_p),
        ("calendar", ctypes.c_void_p),
    ]


class BacktestMonthC(ctypes.Structure):
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("month", c_int32),
        ("date", S.c_date),
        ("actual_date", S.c_date),
        ("forecast_active", c_double),
        ("actual_active", c_double),
        ("forecast_waiting_nieuw", c_double),
        ("actual_waiting_nieuw", c_double),
        ("forecast_waiting_bestaand", c_double),
        ("actual_waiting_bestaand", c_double),
        ("forecast_waiting", c_double),
        ("actual_waiting", c_double),
    ]


class BacktestSummaryC(ctypes.Structure):
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("mape_active", c_double),
        ("mape_waiting_nieuw", c_double),
        ("mape_waiting_bestaand", c_double),
        ("mape_waiting", c_double),
        ("months_compared", c_size_t),
    ]


#: options 4 x 4 + 8 + 8 + 8 + 8 + 8 = 56; month 4 x 4 + 8 x 8 = 80;
#: summary 4 (+4) + 4 x 8 + 8 = 48.
X86_64_SIZES.update({BacktestOptionsC: 56, BacktestMonthC: 80, BacktestSummaryC: 48})

declare_all([
    ("jbw_backtest_options_init", STATUS, [POINTER(BacktestOptionsC), c_uint]),
    ("jbw_backtest_run", STATUS, [PP, _P, POINTER(BacktestOptionsC)]),
    ("jbw_backtest_run_history", STATUS,
     [PP, POINTER(ctypes.c_void_p), c_size_t, POINTER(BacktestOptionsC)]),
    ("jbw_backtest_free", None, [_P]),
    ("jbw_backtest_from", S.c_date, [_P]),
    ("jbw_backtest_months", c_int32, [_P]),
    ("jbw_backtest_is_history", c_int, [_P]),
    ("jbw_backtest_data_notice", c_char_p, [_P]),
    ("jbw_backtest_calibration", _P, [_P]),
    ("jbw_backtest_month_get", STATUS, [POINTER(BacktestMonthC), _P, c_int32]),
    ("jbw_backtest_summary_get", STATUS, [POINTER(BacktestSummaryC), _P]),
    ("jbw_backtest_json", STATUS, [PP, PSIZE, _P]),
    ("jbw_backtest_csv", STATUS, [PP, PSIZE, _P]),
    ("jbw_backtest_text", STATUS, [PP, PSIZE, _P]),
    ("jbw_backtest_svg", STATUS, [PP, PSIZE, _P, c_char_p]),
])


@dataclass(frozen=True)
class BacktestMonth:
    """One month of a backtest; actual figures are None where the records
    do not say (bestaand from one export; a month without an export)."""
    month: int
    date: Any
    actual_date: Any
    forecast_active: float
    actual_active: Optional[float]
    forecast_waiting_nieuw: float
    actual_waiting_nieuw: Optional[float]
    forecast_waiting_bestaand: float
    actual_waiting_bestaand: Optional[float]
    forecast_waiting: float
    actual_waiting: Optional[float]


@dataclass(frozen=True)
class BacktestSummary:
    """Mean absolute percentage errors over months 1..K (None: nothing to
    compare)."""
    mape_active: Optional[float]
    mape_waiting_nieuw: Optional[float]
    mape_waiting_bestaand: Optional[float]
    mape_waiting: Optional[float]
    months_compared: int


class Backtest(Handle):
    """The result of :func:`backtest` or :func:`backtest_history`."""

    _free = staticmethod(C.jbw_backtest_free)
    _instead = (
        "use to_dict(), rows() or to_csv() for its values, or run "
        "backtest() again with the same arguments")

    def _describe(self) -> str:
        m = self.summary
        error = ("nothing to compare" if m.mape_active is None else
                 f"active measures off by {m.mape_active:.1f}% on average "
                 f"over {m.months_compared} "
                 f"month{'' if m.months_compared == 1 else 's'}")
        source = "snapshots" if self.is_history else "records"
        return (f"from {self.from_date.isoformat()}, {self.months} months "
                f"against the {source}: {error}")

    @property
    def from_date(self):
        """D0."""
        return from_days(C.jbw_backtest_from(self._p))

    @property
    def months(self) -> int:
        """K."""
        return C.jbw_backtest_months(self._p)

    @property
    def is_history(self) -> bool:
        """True for a backtest on a history of exports."""
        return bool(C.jbw_backtest_is_history(self._p))

    @property
    def data_notice(self) -> Optional[str]:
        """The exports' data notice (the embedded example says it is
        synthetic), carried by every writer; None for real data."""
        return dec(C.jbw_backtest_data_notice(self._p))

    def month(self, k: int) -> BacktestMonth:
        """Month k (0: the start state); a whole number (TypeError for a
        float or a bool), RangeError outside 0..months."""
        m = BacktestMonthC(version=BacktestMonthC.VERSION)
        C.jbw_backtest_month_get(byref(m), self._p, int32(k, "k"))
        return BacktestMonth(m.month, from_days(m.date), from_days(m.actual_date),
                             m.forecast_active, _opt(m.actual_active),
                             m.forecast_waiting_nieuw, _opt(m.actual_waiting_nieuw),
                             m.forecast_waiting_bestaand, _opt(m.actual_waiting_bestaand),
                             m.forecast_waiting, _opt(m.actual_waiting))

    def __len__(self) -> int:
        return self.months + 1

    def __getitem__(self, k: int) -> BacktestMonth:
        k = whole(k, "backtest month index")
        if not 0 <= k <= self.months:
            raise IndexError(k)
        return self.month(k)

    @property
    def rows(self) -> List[BacktestMonth]:
        """Months 0..K."""
        return [self.month(k) for k in range(self.months + 1)]

    @property
    def summary(self) -> BacktestSummary:
        """The errors."""
        s = BacktestSummaryC(version=BacktestSummaryC.VERSION)
        C.jbw_backtest_summary_get(byref(s), self._p)
        return BacktestSummary(_opt(s.mape_active), _opt(s.mape_waiting_nieuw),
                               _opt(s.mape_waiting_bestaand), _opt(s.mape_waiting),
                               s.months_compared)

    def to_json(self) -> str:
        """The library's JSON."""
        return take_string(C.jbw_backtest_json, self._p)

    def to_dict(self) -> Dict[str, Any]:
        """The library's JSON as a dict."""
        return json.loads(self.to_json())

    def to_csv(self) -> str:
        """One row per month."""
        return take_string(C.jbw_backtest_csv, self._p)

    def to_text(self) -> str:
        """A table and the errors."""
        return take_string(C.jbw_backtest_text, self._p)

    def to_svg(self, title: Optional[str] = None) -> str:
        """An SVG chart of forecast against actual, in English
        (:func:`jbw.chart_backtest` in Dutch or English)."""
        return take_string(C.jbw_backtest_svg, self._p, enc(title))


def _backtest_options(from_date: DateLike, months: int, window_months: int,
                      organisation: Optional[str], region: Optional[str],
                      min_events: int, norm: Any, calendar: Optional[Calendar]):
    o = BacktestOptionsC()
    C.jbw_backtest_options_init(byref(o), BacktestOptionsC.VERSION)
    setattr(o, "from", to_days(from_date, "from_date"))
    o.months = int32(months, "months")
    o.window_months = int32(window_months, "window_months")
    keep = (enc_arg(organisation, "organisation", optional=True),
            enc_arg(region, "region", optional=True))
    o.organisation, o.region = keep
    o.min_events = whole(min_events, "min_events", 1, _SIZE_MAX)
    o.norm = norm_handle(norm)
    o.calendar = handle_arg(calendar, Calendar, "calendar")
    return o, keep


def backtest(snapshot: Snapshot, from_date: DateLike, months: int = 12,
             window_months: int = 12, *, organisation: Optional[str] = None,
             region: Optional[str] = None, min_events: int = 10, norm: Any = None,
             calendar: Optional[Calendar] = None) -> Backtest:
    """Stands on ``from_date`` (D0), calibrates on the window before it,
    forecasts ``months`` months and compares with the records of the same
    export (active measures and waiting nieuw; bestaand cannot be rebuilt
    from one export). RangeError when D0 + months lies after the export,
    or ``months`` outside 1..BACKTEST_MONTHS_MAX.

    ``months``, ``window_months`` and ``min_events`` are whole numbers, as
    in :func:`calibrate`: a float (even 6.0), a bool or a string raises
    TypeError naming the parameter, a ``min_events`` below 1
    :class:`jbw.InvalidArgument`."""
    o, keep = _backtest_options(from_date, months, window_months, organisation,
                                region, min_events, norm, calendar)
    return Backtest(new_handle(C.jbw_backtest_run, instance(snapshot, Snapshot, "snapshot")._p, byref(o)))


def backtest_history(snapshots: List[Snapshot], from_date: DateLike, months: int = 12,
                     window_months: int = 12, *, organisation: Optional[str] = None,
                     region: Optional[str] = None, min_events: int = 10,
                     norm: Any = None, calendar: Optional[Calendar] = None) -> Backtest:
    """As :func:`backtest` on a history of exports (one per reference date):
    the export dated D0 gives the start state with bestaand; each month is
    compared with the export nearest to its date (within 15 days)."""
    o, keep = _backtest_options(from_date, months, window_months, organisation,
                                region, min_events, norm, calendar)
    arr = (ctypes.c_void_p * max(1, len(snapshots)))(
        *[instance(s, Snapshot, f"snapshots[{i}]")._p
          for i, s in enumerate(snapshots)])
    return Backtest(new_handle(C.jbw_backtest_run_history, arr, len(snapshots), byref(o)))


def load_history(directory: str, registry: Any = None, *,
                 lenient: bool = False) -> List[Snapshot]:
    """The exports of a history folder: one subfolder per reference date,
    named YYYY-MM-DD, each with measures.csv and workers.csv; in date
    order. ValueError when no subfolder is named by a date."""
    import os
    from ._util import from_days
    from .errors import Error
    out = []
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if not os.path.isdir(path):
            continue
        # the library's rule for the folder names (jbw_date_parse_iso), the
        # one the jbw command follows
        raw, days = name.encode("utf-8", "surrogateescape"), c_int32()
        try:
            C.jbw_date_parse_iso(byref(days), raw, len(raw))
        except Error:
            continue
        day = from_days(days.value)
        out.append(Snapshot.load_csv(os.path.join(path, "measures.csv"),
                                     os.path.join(path, "workers.csv"), registry,
                                     lenient=lenient, reference_date=day))
    if not out:
        raise ValueError(f"{directory}: no subfolder named by a date (YYYY-MM-DD) "
                         "with measures.csv and workers.csv")
    return out
