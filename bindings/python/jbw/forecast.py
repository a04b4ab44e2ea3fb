"""Forecast and staffing (``jbw/forecast.h``).

A monthly stock-flow model of the waiting list of one organisation or
region: exits, inflow (with shocks), staff turnover whose caseload joins
the bestaand list, hires that ramp up, and free capacity that takes waiting
measures. A deterministic run gives expected values; a stochastic run
draws replicates from a seeded generator and reports p5/p50/p95. The model
does not predict a real region: docs/forecast.md lists its assumptions and
which defaults are illustrative.

Staffing: :func:`relief` finds the smallest constant monthly hiring that
brings the waiting list to a target; :func:`queue_staffing` treats caseload
slots as the servers of an M/M/c queue (Erlang C).
"""
from __future__ import annotations

import copy
import ctypes
import datetime as _dt
import enum
import json
import math
import os
from ctypes import (CFUNCTYPE, POINTER, byref, c_char_p, c_double, c_int,
                    c_int32, c_size_t, c_uint, c_uint64, c_void_p)
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Optional, Union

from . import _structs as S
from ._lib import PP, PSIZE, STATUS, C, declare_all
from ._util import (DateLike, FieldsOnly, Handle, _invalid, dec, enc, enc_arg, from_days,
                    instance, int32, new_handle, number, path_arg, seq_index, take_string,
                    text_arg, to_days, whole)
from .caseload import Norm, norm_handle, record, warn_off_reference, with_notice
from .errors import RangeError
from .measure import Kind, kind_count
from .snapshot import Snapshot

__all__ = ["Shock", "Hire", "ForecastParams", "Scenario", "Statistic", "ForecastMonth",
           "Forecast", "run_forecast", "relief", "relief_probability", "erlang_c", "QueueParams",
           "QueueResult", "queue_staffing", "queue_share",
           "FORECAST_MONTHS_MAX", "FORECAST_REPLICATES_MAX", "FORECAST_THREADS_MAX",
           "TENURE_SLOTS"]

FORECAST_MONTHS_MAX = 600        #: JBW_FORECAST_MONTHS_MAX
FORECAST_REPLICATES_MAX = 100000  #: JBW_FORECAST_REPLICATES_MAX
FORECAST_THREADS_MAX = 256  #: JBW_FORECAST_THREADS_MAX
TENURE_SLOTS = 37                #: JBW_TENURE_SLOTS (last slot: 36 months or more)
SHOCK_ALL_KINDS = -1             #: JBW_SHOCK_ALL_KINDS
HIRE_ONBOARDING_MAX = 36         #: JBW_HIRE_ONBOARDING_MAX
RELIEF_MAX_HIRES = 10000.0       #: JBW_RELIEF_MAX_HIRES
RELIEF_STEP = 0.001              #: JBW_RELIEF_STEP

_KS = S.KIND_SLOTS


# ---- C mirrors ---------------------------------------------------------------

class ShockC(ctypes.Structure):
    """jbw_shock (no version: a record passed in arrays). x86_64: kind 0,
    month_from 4, month_to 8, (pad), multiplier 16; size 24."""
    _fields_ = [
        ("kind", c_int),
        ("month_from", c_int32),
        ("month_to", c_int32),
        ("multiplier", c_double),
    ]


class HireC(ctypes.Structure):
    """jbw_hire (no version: a record passed in arrays). x86_64: month 0,
    (pad), fte 8, onboarding_months 16, (pad), onboarding_fraction 24;
    size 32."""
    _fields_ = [
        ("month", c_int32),
        ("fte", c_double),
        ("onboarding_months", c_int32),
        ("onboarding_fraction", c_double),
    ]


class ForecastParamsC(ctypes.Structure):
    """jbw_forecast_params. x86_64: version 0, months 4, start 8, (pad),
    assigned 16, waiting_nieuw 272, waiting_bestaand 528, staff_fte[37]
    784, inflow 1080, duration 1336, turnover 1592, hires_fte 1600,
    hire_months 1608, bestaand_first 1612, emergency_first 1616, (pad),
    fte_per_worker 1624, units_per_measure 1632, shocks 1640,
    shock_count 1648, finance 1656, (pad), tariff 1664, staff_cost 1920,
    fixed_costs 1928; version 2: turnover_first_year 1936, vots_to_ots
    1944, bestaand_share 1952; version 3: hiring_plan 1960,
    hiring_plan_count 1968; size 1976."""
    VERSION = 3
    _fields_ = [
        ("version", c_uint),
        ("months", c_int32),
        ("start", S.c_date),
        ("assigned", c_double * _KS),
        ("waiting_nieuw", c_double * _KS),
        ("waiting_bestaand", c_double * _KS),
        ("staff_fte", c_double * TENURE_SLOTS),
        ("inflow", c_double * _KS),
        ("duration", c_double * _KS),
        ("turnover", c_double),
        ("hires_fte", c_double),
        ("hire_months", c_int32),
        ("bestaand_first", c_int),
        ("emergency_first", c_int),
        ("fte_per_worker", c_double),
        ("units_per_measure", c_double),
        ("shocks", POINTER(ShockC)),
        ("shock_count", c_size_t),
        ("finance", c_int),
        ("tariff", c_double * _KS),
        ("staff_cost", c_double),
        ("fixed_costs", c_double),
        ("turnover_first_year", c_double),
        ("vots_to_ots", c_double),
        ("bestaand_share", c_double),
        ("hiring_plan", POINTER(HireC)),
        ("hiring_plan_count", c_size_t),
    ]


class ForecastMonthC(ctypes.Structure):
    """jbw_forecast_month. x86_64: version 0, month 4, date 8, (pad), then
    21 doubles from 16 (assigned .. coverage); size 184."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("month", c_int32),
        ("date", S.c_date),
        ("assigned", c_double),
        ("waiting_nieuw", c_double),
        ("waiting_bestaand", c_double),
        ("waiting", c_double),
        ("active", c_double),
        ("inflow", c_double),
        ("exits", c_double),
        ("orphaned", c_double),
        ("intake", c_double),
        ("leavers_fte", c_double),
        ("hires_fte", c_double),
        ("fte", c_double),
        ("effective_fte", c_double),
        ("capacity", c_double),
        ("load", c_double),
        ("free_capacity", c_double),
        ("revenue", c_double),
        ("staff_cost", c_double),
        ("fixed_costs", c_double),
        ("margin", c_double),
        ("coverage", c_double),
    ]


PROGRESS_FN = CFUNCTYPE(c_int, c_void_p, c_size_t, c_size_t)
REPLICATE_FN = CFUNCTYPE(c_int, c_void_p, c_size_t, POINTER(ForecastMonthC))


class ForecastOptionsC(ctypes.Structure):
    """jbw_forecast_options. x86_64: version 0, (pad), replicates 8, seed 16,
    progress 24, progress_user 32, on_month 40, on_month_user 48, threads 56
    (version 2), (pad); size 64."""
    VERSION = 2
    _fields_ = [
        ("version", c_uint),
        ("replicates", c_size_t),
        ("seed", c_uint64),
        ("progress", PROGRESS_FN),
        ("progress_user", c_void_p),
        ("on_month", REPLICATE_FN),
        ("on_month_user", c_void_p),
        ("threads", c_uint),
    ]


class QueueParamsC(ctypes.Structure):
    """jbw_queue_params. x86_64: version 0, (pad), four doubles 8..32; size 40."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("arrivals_per_workday", c_double),
        ("mean_duration_workdays", c_double),
        ("within_workdays", c_double),
        ("slots_per_fte", c_double),
    ]


class QueueResultC(ctypes.Structure):
    """jbw_queue_result. x86_64: version 0, (pad), slots 8, fte 16,
    offered_load 24, p_wait 32, share_within 40, mean_wait_workdays 48;
    size 56."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("slots", c_size_t),
        ("fte", c_double),
        ("offered_load", c_double),
        ("p_wait", c_double),
        ("share_within", c_double),
        ("mean_wait_workdays", c_double),
    ]


#: Hand-derived x86_64 sizes (checked by the tests).
X86_64_SIZES = {ShockC: 24, HireC: 32, ForecastParamsC: 1976, ForecastMonthC: 184,
                ForecastOptionsC: 64, QueueParamsC: 40, QueueResultC: 56}

_P = c_void_p
_PP_PARAMS = POINTER(ForecastParamsC)
declare_all([
    ("jbw_forecast_params_init", STATUS, [_PP_PARAMS, c_uint]),
    ("jbw_forecast_params_check", STATUS, [_PP_PARAMS, c_int]),
    ("jbw_forecast_params_from_snapshot", STATUS,
     [_PP_PARAMS, _P, _P, S.c_date, c_char_p, c_char_p]),
    ("jbw_scenario_parse", STATUS, [PP, c_char_p, c_size_t, c_char_p]),
    ("jbw_scenario_load", STATUS, [PP, c_char_p]),
    ("jbw_scenario_add_shocks_csv", STATUS, [_P, c_char_p, c_size_t, c_char_p]),
    ("jbw_scenario_free", None, [_P]),
    ("jbw_scenario_shock_count", c_size_t, [_P]),
    ("jbw_scenario_add_hiring_plan_csv", STATUS, [_P, c_char_p, c_size_t, c_char_p]),
    ("jbw_scenario_hire_count", c_size_t, [_P]),
    ("jbw_scenario_sets_start_state", c_int, [_P]),
    ("jbw_scenario_apply", STATUS, [_PP_PARAMS, _P]),
    ("jbw_statistic_code", c_char_p, [c_int]),
    ("jbw_forecast_options_init", STATUS, [POINTER(ForecastOptionsC), c_uint]),
    ("jbw_forecast_run", STATUS, [PP, _PP_PARAMS, _P, POINTER(ForecastOptionsC)]),
    ("jbw_forecast_free", None, [_P]),
    ("jbw_forecast_months", c_int32, [_P]),
    ("jbw_forecast_replicates", c_size_t, [_P]),
    ("jbw_forecast_seed", c_uint64, [_P]),
    ("jbw_forecast_has_finance", c_int, [_P]),
    ("jbw_forecast_inflow_expected", STATUS, [POINTER(c_double), _P, c_int32]),
    ("jbw_forecast_assumptions", STATUS,
     [POINTER(c_double), POINTER(c_double), POINTER(c_int32), POINTER(c_double),
      POINTER(c_int), _P]),
    ("jbw_forecast_month_get", STATUS, [POINTER(ForecastMonthC), _P, c_int32, c_int]),
    ("jbw_forecast_kind_get", STATUS,
     [POINTER(c_double), POINTER(c_double), _P, c_int32, c_int, c_int]),
    ("jbw_forecast_relief_probability_opts", STATUS,
     [POINTER(c_double), _PP_PARAMS, _P, c_double, c_int32, c_double,
      POINTER(ForecastOptionsC)]),
    ("jbw_forecast_json", STATUS, [PP, PSIZE, _P]),
    ("jbw_forecast_csv", STATUS, [PP, PSIZE, _P]),
    ("jbw_forecast_text", STATUS, [PP, PSIZE, _P]),
    ("jbw_forecast_text_lang", STATUS, [PP, PSIZE, _P, c_int]),
    ("jbw_forecast_svg", STATUS, [PP, PSIZE, _P, c_char_p]),
    ("jbw_forecast_set_data_notice", STATUS, [_P, c_char_p]),
    ("jbw_forecast_data_notice", c_char_p, [_P]),
    ("jbw_forecast_relief", STATUS, [POINTER(c_double), _PP_PARAMS, _P, c_double, c_int32]),
    ("jbw_forecast_relief_probability", STATUS,
     [POINTER(c_double), _PP_PARAMS, _P, c_double, c_int32, c_double, c_size_t,
      c_uint64]),
    ("jbw_erlang_c", STATUS, [POINTER(c_double), c_size_t, c_double]),
    ("jbw_queue_params_init", STATUS, [POINTER(QueueParamsC), c_uint]),
    ("jbw_queue_params_from_forecast", STATUS,
     [POINTER(QueueParamsC), _PP_PARAMS, _P, c_double]),
    ("jbw_queue_staffing", STATUS, [POINTER(QueueResultC), POINTER(QueueParamsC), c_double]),
    ("jbw_queue_share", STATUS, [POINTER(QueueResultC), POINTER(QueueParamsC), c_double]),
])


# ---- parameters ------------------------------------------------------------------

def _kinds() -> List[Kind]:
    return [Kind(k) for k in range(min(kind_count(), len(Kind)))]


def _per_kind(arr) -> Dict[Kind, float]:
    return {k: arr[int(k)] for k in _kinds()}


def _fill_per_kind(arr, values: Dict[Any, float], name: str) -> None:
    if not isinstance(values, dict):
        raise TypeError(f"{name} must be a dict of kind to number ({name}[Kind.OTS] "
                        f"= ...), not {type(values).__name__} ({values!r})")
    for k, v in values.items():
        arr[int(Kind.coerce(k))] = number(v, f"{name}[{k}]")


@dataclass
class Shock(FieldsOnly):
    """Inflow multiplied by ``multiplier`` from ``month_from`` to ``month_to``
    (inclusive, 1-based months of the run) for one kind, or every kind when
    ``kind`` is None or "ALL" (as in scenario files). Shocks covering the
    same month multiply."""
    kind: Optional[Kind]
    month_from: int
    month_to: int
    multiplier: float

    def __post_init__(self) -> None:
        # "ALL" (any case), as in scenario files: every kind.
        if isinstance(self.kind, str) and self.kind.strip().upper() == "ALL":
            self.kind = None
        if self.kind is not None:
            self.kind = Kind.coerce(self.kind)
        self.month_from = int32(self.month_from, "month_from")
        self.month_to = int32(self.month_to, "month_to")
        self.multiplier = number(self.multiplier, "multiplier")


@dataclass
class Hire(FieldsOnly):
    """A cohort of the hiring plan (``jbw_hire``): ``fte`` FTE join at
    tenure 0 in ``month`` (1-based month of the run) with their own
    onboarding ramp: ``onboarding_months`` None (the norm's ramp) or 0..36,
    the months of tenure in which the cohort carries
    ``onboarding_fraction`` (0..1) of a full caseload, a full one after.
    The cohort's ramp leaves that of the staff in post unchanged."""
    month: int
    fte: float
    onboarding_months: Optional[int] = None
    onboarding_fraction: float = 1.0

    def __post_init__(self) -> None:
        self.month = int32(self.month, "month")
        self.fte = number(self.fte, "fte")
        if self.onboarding_months is not None:
            self.onboarding_months = int32(self.onboarding_months, "onboarding_months")
        self.onboarding_fraction = number(self.onboarding_fraction, "onboarding_fraction")


_LIBRARY_DEFAULTS: List["ForecastParams"] = []


def _library_default(name: str) -> Any:
    """A field whose default is the library's (jbw_forecast_params_init),
    so that ``ForecastParams()`` is ``ForecastParams.default()``."""
    def make() -> Any:
        if not _LIBRARY_DEFAULTS:
            _LIBRARY_DEFAULTS.append(ForecastParams.default())
        return copy.deepcopy(getattr(_LIBRARY_DEFAULTS[0], name))
    return field(default_factory=make)


@dataclass
class ForecastParams(FieldsOnly):
    """The model's parameters (``jbw_forecast_params``), as Python values.

    Per-kind values are dicts keyed by :class:`Kind` (``inflow[Kind.OTS] =
    40``; codes work as keys too). ``staff_fte[m]`` is the FTE with m whole
    months of tenure at month 0 (the last slot: 36 or more). Start from
    :meth:`default` or :meth:`from_snapshot`, then change fields or apply a
    :class:`Scenario`; ``ForecastParams()`` is :meth:`default` (the
    library's turnover of 0.2 and mean durations), with any field given
    replacing the default.
    """
    months: int = 24
    start: Optional[_dt.date] = None
    assigned: Dict[Kind, float] = _library_default("assigned")
    waiting_nieuw: Dict[Kind, float] = _library_default("waiting_nieuw")
    waiting_bestaand: Dict[Kind, float] = _library_default("waiting_bestaand")
    staff_fte: List[float] = field(default_factory=lambda: [0.0] * TENURE_SLOTS)
    inflow: Dict[Kind, float] = _library_default("inflow")
    duration: Dict[Kind, float] = _library_default("duration")
    turnover: float = _library_default("turnover")
    hires_fte: float = 0.0
    hire_months: int = FORECAST_MONTHS_MAX
    bestaand_first: bool = True
    emergency_first: bool = True
    fte_per_worker: float = 1.0
    units_per_measure: float = 1.0
    shocks: List[Shock] = field(default_factory=list)
    finance: bool = False
    tariff: Dict[Kind, float] = _library_default("tariff")
    staff_cost: float = 0.0
    fixed_costs: float = 0.0
    #: Turnover in the first 12 months of tenure (None: as ``turnover``).
    turnover_first_year: Optional[float] = None
    #: Share of ending VOTS that continue as an OTS on the same list.
    vots_to_ots: float = 0.0
    #: Share of free capacity offered to bestaand (None: ``bestaand_first``).
    bestaand_share: Optional[float] = None
    #: Cohorts hired besides ``hires_fte``, each with its own ramp (at most
    #: one a month).
    hiring_plan: List[Hire] = field(default_factory=list)
    #: The synthetic-data notice when made from the embedded example
    #: (:meth:`from_snapshot`); staffing answers carry it into every output.
    data_notice: Optional[str] = None

    @classmethod
    def default(cls) -> "ForecastParams":
        """The library's defaults (jbw_forecast_params_init): 24 months, the
        default mean durations, no stock, no inflow."""
        p = ForecastParamsC()
        C.jbw_forecast_params_init(byref(p), ForecastParamsC.VERSION)
        return cls._from_c(p)

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot, norm: Optional[Norm] = None,
                      date: DateLike = None, organisation: Optional[str] = None,
                      region: Optional[str] = None,
                      base: Optional["ForecastParams"] = None) -> "ForecastParams":
        """The start state from a snapshot on a date (default: its reference
        date), optionally for one organisation and/or region, over ``base``
        (default: :meth:`default`). ``norm`` (None: the default norm,
        FNV-GI 2023, unit measure) sets ``units_per_measure``: 1 in unit
        measure, children or families per active measure in unit child or
        family. The inflow is set to the steady-state level active /
        duration, an illustrative default: set the real inflow after. A date
        after the snapshot's reference date carries that day's assignments
        forward, with a ``UserWarning`` saying so; an earlier one warns that
        bestaand is too low then."""
        p, keep = (base or cls.default())._to_c()
        C.jbw_forecast_params_from_snapshot(byref(p), instance(snapshot, Snapshot, "snapshot")._p,
                                            norm_handle(norm),
                                            to_days(date, "date"),
                                            enc_arg(organisation, "organisation", optional=True),
                                            enc_arg(region, "region", optional=True))
        warn_off_reference(snapshot, to_days(date, "date"), "ForecastParams.from_snapshot")
        out = cls._from_c(p)
        out.data_notice = snapshot.data_notice
        return out

    @classmethod
    def _from_c(cls, p: ForecastParamsC) -> "ForecastParams":
        shocks = [Shock(None if p.shocks[i].kind == SHOCK_ALL_KINDS else Kind(p.shocks[i].kind),
                        p.shocks[i].month_from, p.shocks[i].month_to, p.shocks[i].multiplier)
                  for i in range(p.shock_count)] if p.shock_count else []
        plan = [Hire(h.month, h.fte,
                     None if h.onboarding_months < 0 else h.onboarding_months,
                     h.onboarding_fraction)
                for h in (p.hiring_plan[i] for i in range(p.hiring_plan_count))]
        return cls(months=p.months, start=from_days(p.start),
                   assigned=_per_kind(p.assigned), waiting_nieuw=_per_kind(p.waiting_nieuw),
                   waiting_bestaand=_per_kind(p.waiting_bestaand),
                   staff_fte=list(p.staff_fte), inflow=_per_kind(p.inflow),
                   duration=_per_kind(p.duration), turnover=p.turnover,
                   hires_fte=p.hires_fte, hire_months=p.hire_months,
                   bestaand_first=bool(p.bestaand_first),
                   emergency_first=bool(p.emergency_first),
                   fte_per_worker=p.fte_per_worker,
                   units_per_measure=p.units_per_measure, shocks=shocks,
                   finance=bool(p.finance), tariff=_per_kind(p.tariff),
                   staff_cost=p.staff_cost, fixed_costs=p.fixed_costs,
                   turnover_first_year=(None if p.turnover_first_year < 0
                                        else p.turnover_first_year),
                   vots_to_ots=p.vots_to_ots,
                   bestaand_share=None if p.bestaand_share < 0 else p.bestaand_share,
                   hiring_plan=plan)

    def _to_c(self):
        """The C struct and the arrays it points to (shocks, hiring plan):
        keep both alive."""
        p = ForecastParamsC()
        C.jbw_forecast_params_init(byref(p), ForecastParamsC.VERSION)
        p.months = int32(self.months, "months")
        p.start = to_days(self.start, "start")
        _fill_per_kind(p.assigned, self.assigned, "assigned")
        _fill_per_kind(p.waiting_nieuw, self.waiting_nieuw, "waiting_nieuw")
        _fill_per_kind(p.waiting_bestaand, self.waiting_bestaand, "waiting_bestaand")
        if len(self.staff_fte) > TENURE_SLOTS:
            raise ValueError(f"staff_fte has {len(self.staff_fte)} slots, at most {TENURE_SLOTS}")
        for i in range(TENURE_SLOTS):
            p.staff_fte[i] = (number(self.staff_fte[i], f"staff_fte[{i}]")
                              if i < len(self.staff_fte) else 0.0)
        _fill_per_kind(p.inflow, self.inflow, "inflow")
        _fill_per_kind(p.duration, self.duration, "duration")
        p.turnover = number(self.turnover, "turnover")
        p.hires_fte = number(self.hires_fte, "hires_fte")
        p.hire_months = int32(self.hire_months, "hire_months")
        p.bestaand_first = 1 if self.bestaand_first else 0
        p.emergency_first = 1 if self.emergency_first else 0
        p.fte_per_worker = number(self.fte_per_worker, "fte_per_worker")
        p.units_per_measure = number(self.units_per_measure, "units_per_measure")
        shocks = (ShockC * max(len(self.shocks), 1))()
        for i, s in enumerate(self.shocks):
            shocks[i] = ShockC(SHOCK_ALL_KINDS if s.kind is None else int(s.kind),
                               int32(s.month_from, "month_from"),
                               int32(s.month_to, "month_to"),
                               number(s.multiplier, "multiplier"))
        if self.shocks:
            p.shocks = ctypes.cast(shocks, POINTER(ShockC))
        p.shock_count = len(self.shocks)
        p.finance = 1 if self.finance else 0
        _fill_per_kind(p.tariff, self.tariff, "tariff")
        p.staff_cost = number(self.staff_cost, "staff_cost")
        p.fixed_costs = number(self.fixed_costs, "fixed_costs")
        p.turnover_first_year = (-1.0 if self.turnover_first_year is None else
                                 number(self.turnover_first_year, "turnover_first_year"))
        p.vots_to_ots = number(self.vots_to_ots, "vots_to_ots")
        p.bestaand_share = (-1.0 if self.bestaand_share is None else
                            number(self.bestaand_share, "bestaand_share"))
        plan = (HireC * max(len(self.hiring_plan), 1))()
        for i, h in enumerate(self.hiring_plan):
            h = instance(h, Hire, f"hiring_plan[{i}]")
            plan[i] = HireC(int32(h.month, "month"), number(h.fte, "fte"),
                            -1 if h.onboarding_months is None
                            else int32(h.onboarding_months, "onboarding_months"),
                            number(h.onboarding_fraction, "onboarding_fraction"))
        if self.hiring_plan:
            p.hiring_plan = ctypes.cast(plan, POINTER(HireC))
        p.hiring_plan_count = len(self.hiring_plan)
        return p, (shocks, plan)

    def check(self, stochastic: bool = False) -> None:
        """Checks every field as a run would; raises naming the first bad
        one ("inflow[OTS] is -2: must be >= 0")."""
        p, keep = self._to_c()
        C.jbw_forecast_params_check(byref(p), 1 if stochastic else 0)

    def replace(self, **changes: Any) -> "ForecastParams":
        """A deep copy with some fields changed:
        ``base.replace(turnover=0.1)``. A name that is not a field raises
        TypeError naming the closest field, as assigning it does."""
        import copy
        new = copy.deepcopy(self)
        for name, value in changes.items():
            if name not in self.__dataclass_fields__:
                raise TypeError(self._no_field(name))
            setattr(new, name, value)
        return new

    def apply(self, scenario: "Scenario") -> "ForecastParams":
        """A copy with every parameter the scenario sets."""
        return scenario.apply(self)

    @property
    def waiting(self) -> float:
        """Waiting measures at month 0 (nieuw + bestaand)."""
        return sum(self.waiting_nieuw.values()) + sum(self.waiting_bestaand.values())


class Scenario(Handle):
    """A parsed scenario file (``jbw_scenario``) that sets some parameters
    over a base, e.g.::

        months = 24
        turnover = 20%
        hires_fte = 12.5
        inflow.OTS = 40
        shock.vots_surge = VOTS 3 8 1.5
        hire.1 = 75 3 0.5
    """

    _free = staticmethod(C.jbw_scenario_free)
    _instead = (
        "parse or load the scenario text again")

    def _describe(self) -> str:
        # a parameter the scenario sets has the scenario's value over any
        # base: compare over the default and over a base with every number
        # moved (a scenario may set a value equal to the default)
        def moved(v: Any) -> Any:
            if isinstance(v, bool):
                return not v
            if isinstance(v, (int, float)):
                return v + 1
            if isinstance(v, dict):
                return {k: moved(x) for k, x in v.items()}
            if isinstance(v, list):
                return [moved(x) for x in v]
            return v
        base = ForecastParams.default()
        other = ForecastParams(**{f: moved(getattr(base, f))
                                  for f in base.__dataclass_fields__})
        one, two = self.apply(base), self.apply(other)
        changed = [f for f in base.__dataclass_fields__
                   if f not in ("shocks", "hiring_plan")
                   and (getattr(one, f) != getattr(base, f)
                        or getattr(two, f) != getattr(other, f))]
        parts = ["sets " + ", ".join(changed) if changed else "sets no parameter"]
        shocks, hires = self.shock_count, self.hire_count
        if shocks:
            parts.append(f"{shocks} shock{'' if shocks == 1 else 's'}")
        if hires:
            parts.append(f"hiring plan of {hires} cohort{'' if hires == 1 else 's'}")
        if self.sets_start_state:
            parts.append("sets the start state")
        return "; ".join(parts)

    def __init__(self, text: Union[str, bytes] = "", source: str = "scenario", *,
                 _handle: int = 0) -> None:
        if not _handle:
            raw = text_arg(text)
            _handle = new_handle(C.jbw_scenario_parse, raw, len(raw), enc(source))
        super().__init__(_handle)

    @classmethod
    def parse(cls, text: Union[str, bytes], source: str = "scenario") -> "Scenario":
        """Parses scenario text (ParseError names source, line, key, value)."""
        return cls(text, source)

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Scenario":
        """Reads a scenario file."""
        return cls(_handle=new_handle(C.jbw_scenario_load, path_arg(path)))

    def add_shocks_csv(self, text: Union[str, bytes], source: str = "shocks.csv") -> None:
        """Adds shocks from CSV (month,kind,multiplier or
        month_from,month_to,kind,multiplier; kind a code or ALL)."""
        raw = text_arg(text)
        C.jbw_scenario_add_shocks_csv(self._p, raw, len(raw), enc(source))

    @property
    def shock_count(self) -> int:
        """Number of shocks the scenario holds."""
        return C.jbw_scenario_shock_count(self._p)

    def add_hiring_plan_csv(self, text: Union[str, bytes],
                            source: str = "hiring_plan.csv") -> None:
        """Adds a hiring plan from CSV: month,fte and optionally
        onboarding_months,onboarding_fraction; one cohort a month. Strict:
        ParseError names source, line, column and value, and the scenario
        is unchanged."""
        raw = text_arg(text)
        C.jbw_scenario_add_hiring_plan_csv(self._p, raw, len(raw), enc(source))

    @property
    def hire_count(self) -> int:
        """Number of cohorts in the scenario's hiring plan."""
        return C.jbw_scenario_hire_count(self._p)

    @property
    def sets_start_state(self) -> bool:
        """True when the scenario sets any assigned, waiting or staff count
        (``jbw_scenario_sets_start_state``). Apply such a scenario to
        :meth:`ForecastParams.default`, as ``jbw forecast --scenario``
        does, not over a snapshot's state: its counts would mix with the
        snapshot's for the kinds and tenure slots it does not name."""
        return bool(C.jbw_scenario_sets_start_state(self._p))

    def apply(self, params: Optional[ForecastParams] = None) -> ForecastParams:
        """A copy of ``params`` (default: :meth:`ForecastParams.default`) with
        every parameter the scenario sets."""
        p, keep = (params or ForecastParams.default())._to_c()
        C.jbw_scenario_apply(byref(p), self._p)
        return ForecastParams._from_c(p)  # shocks and plan are copied out


# ---- runs -----------------------------------------------------------------------

class Statistic(enum.IntEnum):
    """A statistic of a month's quantity (``jbw_statistic``)."""
    MEAN = 0
    P5 = 1
    P50 = 2
    P95 = 3

    @property
    def code(self) -> str:
        """"mean", "p5", "p50", "p95"."""
        return dec(C.jbw_statistic_code(int(self))) or ""


def _stat(value: Any) -> int:
    """A statistic given as a :class:`Statistic`, its number or its code
    ("mean", "p5", "p50", "p95", as ``to_records`` labels the rows)."""
    if isinstance(value, Statistic):
        return int(value)
    if isinstance(value, str):
        for s in Statistic:
            if s.code == value.lower():
                return int(s)
        raise ValueError(f"stat must be one of mean, p5, p50, p95, not {value!r}")
    i = whole(value, "stat")
    if i not in set(int(s) for s in Statistic):
        raise ValueError(f"stat must be 0..3 (mean, p5, p50, p95), not {i}")
    return i


def _none_if_nan(x: float) -> Optional[float]:
    return None if x != x else x


@dataclass(frozen=True)
class ForecastMonth:
    """One month of a run (``jbw_forecast_month``): stocks at the end of the
    month (month 0: the start state). Finance fields are None when finance
    is off; coverage is None when fixed costs are 0."""
    month: int
    date: Optional[_dt.date]
    assigned: float
    waiting_nieuw: float
    waiting_bestaand: float
    waiting: float
    active: float
    inflow: float
    exits: float
    orphaned: float
    intake: float
    leavers_fte: float
    hires_fte: float
    fte: float
    effective_fte: float
    capacity: float
    load: float
    free_capacity: float
    revenue: Optional[float]
    staff_cost: Optional[float]
    fixed_costs: Optional[float]
    margin: Optional[float]
    coverage: Optional[float]

    @classmethod
    def _from_c(cls, m: ForecastMonthC) -> "ForecastMonth":
        return cls(m.month, from_days(m.date), m.assigned, m.waiting_nieuw,
                   m.waiting_bestaand, m.waiting, m.active, m.inflow, m.exits,
                   m.orphaned, m.intake, m.leavers_fte, m.hires_fte, m.fte,
                   m.effective_fte, m.capacity, m.load, m.free_capacity,
                   _none_if_nan(m.revenue), _none_if_nan(m.staff_cost),
                   _none_if_nan(m.fixed_costs), _none_if_nan(m.margin),
                   _none_if_nan(m.coverage))


class Forecast(Handle):
    """The result of a run (``jbw_forecast``); see :func:`run_forecast`."""

    _free = staticmethod(C.jbw_forecast_free)
    _instead = (
        "use to_records() or to_dict() for its values, or run_forecast() "
        "again with the same parameters and seed")

    @property
    def months(self) -> int:
        """The horizon; the result holds months 0..months."""
        return C.jbw_forecast_months(self._p)

    @property
    def replicates(self) -> int:
        """Replicates of a stochastic run; 0 for a deterministic run."""
        return C.jbw_forecast_replicates(self._p)

    @property
    def seed(self) -> int:
        """The seed of a stochastic run; 0 otherwise."""
        return C.jbw_forecast_seed(self._p)

    @property
    def has_finance(self) -> bool:
        """True when the run computed finance."""
        return bool(C.jbw_forecast_has_finance(self._p))

    def inflow_expected(self, month: int) -> float:
        """The inflow the run assumed in ``month`` (0..months): the
        parameters' new measures over every kind with that month's shocks,
        as expected, not drawn (0 in month 0)."""
        out = c_double()
        C.jbw_forecast_inflow_expected(byref(out), self._p,
                                       whole(month, "month", 0, self.months))
        return out.value

    @property
    def statistics(self) -> List[Statistic]:
        """The statistics the run has (MEAN only when deterministic)."""
        return list(Statistic) if self.replicates else [Statistic.MEAN]

    def month(self, month: int, stat: Union[Statistic, int, str] = Statistic.MEAN) -> ForecastMonth:
        """Statistic ``stat`` (a :class:`Statistic`, or its code: "mean",
        "p5", "p50", "p95") of month ``month`` (0..months)."""
        m = ForecastMonthC(version=ForecastMonthC.VERSION)
        C.jbw_forecast_month_get(byref(m), self._p, int32(month, "month"), _stat(stat))
        return ForecastMonth._from_c(m)

    def series(self, stat: Union[Statistic, int, str] = Statistic.MEAN) -> List[ForecastMonth]:
        """Months 0..months of one statistic (as :meth:`month`)."""
        p = self._p
        m = ForecastMonthC(version=ForecastMonthC.VERSION)
        out = []
        k = _stat(stat)
        for t in range(C.jbw_forecast_months(p) + 1):
            C.jbw_forecast_month_get(byref(m), p, t, k)
            out.append(ForecastMonth._from_c(m))
        return out

    def __len__(self) -> int:
        return self.months + 1

    def __getitem__(self, month: Any) -> Any:
        """Month ``month`` (mean) as in a list: 0 is the start, -1 the last;
        past the end IndexError; a slice gives a list."""
        if isinstance(month, slice):
            return [self.month(t) for t in range(len(self))[month]]
        return self.month(seq_index(month, len(self), "forecast month"))

    def __iter__(self) -> Iterator[ForecastMonth]:
        """The months 0..months (mean), as :meth:`series`."""
        return iter(self.series())

    def _describe(self) -> str:
        p = self._p
        kind = (f"{C.jbw_forecast_replicates(p)} replicates, seed {C.jbw_forecast_seed(p)}"
                if C.jbw_forecast_replicates(p) else "deterministic")
        last = self.month(C.jbw_forecast_months(p))
        # the staff assumptions the figure rests on (a default run hires
        # no one), as every writer prints them
        turnover, hires, plan_fte = c_double(), c_double(), c_double()
        cohorts = c_int()
        C.jbw_forecast_assumptions(byref(turnover), byref(hires), None,
                                   byref(plan_fte), byref(cohorts), p)
        plan = ""
        if cohorts.value:
            plan = (f", hiring plan {plan_fte.value:.2f} FTE in {cohorts.value} "
                    f"cohort{'' if cohorts.value == 1 else 's'}")
        return (f"{C.jbw_forecast_months(p)} months, {kind}: "
                f"{last.waiting:.0f} waiting in month {last.month}; turnover "
                f"{100 * turnover.value:.0f}% a year, hiring {hires.value:.2f} FTE "
                f"a month{plan}")

    @property
    def data_notice(self) -> Optional[str]:
        """The synthetic-data notice every writer of this forecast carries
        (set from :attr:`ForecastParams.data_notice`), or None."""
        return dec(C.jbw_forecast_data_notice(self._p))

    @data_notice.setter
    def data_notice(self, notice: Optional[str]) -> None:
        C.jbw_forecast_set_data_notice(self._p, enc(notice))

    def by_kind(self, month: int, stat: Union[Statistic, int, str] = Statistic.MEAN
                ) -> Dict[Kind, Dict[str, float]]:
        """Per kind, the active measures and the waiting list of a month:
        ``{Kind.VOTS: {"active": 12.0, "waiting": 3.5}, ...}``."""
        out = {}
        month, st = int32(month, "month"), _stat(stat)
        for k in _kinds():
            a, w = c_double(), c_double()
            C.jbw_forecast_kind_get(byref(a), byref(w), self._p, month, st, int(k))
            out[k] = {"active": a.value, "waiting": w.value}
        return out

    def to_json(self) -> str:
        """The library's JSON."""
        return take_string(C.jbw_forecast_json, self._p)

    def to_csv(self) -> str:
        """The library's CSV: one line per statistic and month."""
        return take_string(C.jbw_forecast_csv, self._p)

    def to_text(self, lang: Any = "nl") -> str:
        """The library's text table, in Dutch (default) or English
        (``lang``: "nl", "en" or a :class:`Lang`)."""
        from .waitrisk import Lang
        return take_string(C.jbw_forecast_text_lang, self._p, int(Lang.coerce(lang)))

    def to_svg(self, title: Optional[str] = None) -> str:
        """A self-contained SVG chart."""
        return take_string(C.jbw_forecast_svg, self._p, enc(title))

    def to_dict(self) -> Dict[str, Any]:
        """The library's JSON as a dict."""
        return json.loads(self.to_json())

    def to_records(self) -> List[Dict[str, Any]]:
        """One flat dict per statistic and month (for pandas), with the
        columns of the library's CSV after the month's figures: the staff
        assumptions of the run, ``annual_turnover`` (the parameters'
        ``turnover``) and ``hires_fte_per_month`` (their ``hires_fte``), in
        every row, so that the frames of several scenarios concatenate as
        they are; and, when the forecast has a notice (:attr:`data_notice`:
        made from the synthetic example), ``data_notice``. Without a notice
        the rows have no such field, as the CSV has no such column."""
        turnover, hires = c_double(), c_double()
        C.jbw_forecast_assumptions(byref(turnover), byref(hires), None, None, None,
                                   self._p)
        rows = []
        for stat in self.statistics:
            for m in self.series(stat):
                row = {"statistic": stat.code}
                row.update(record(m))
                row["annual_turnover"] = turnover.value
                row["hires_fte_per_month"] = hires.value
                rows.append(row)
        return with_notice(rows, self.data_notice)


class _Callbacks:
    """ctypes trampolines for progress / on_month that stop the run when the
    Python callable asks to (returns True) or raises; the exception is
    re-raised after the run."""

    def __init__(self, progress: Optional[Callable[[int, int], Any]],
                 on_month: Optional[Callable[[int, ForecastMonth], Any]]) -> None:
        self.error: Optional[BaseException] = None
        self.progress = PROGRESS_FN(self._progress) if progress else PROGRESS_FN()
        self.on_month = REPLICATE_FN(self._on_month) if on_month else REPLICATE_FN()
        self._user_progress = progress
        self._user_on_month = on_month

    def _progress(self, user: Any, done: int, total: int) -> int:
        try:
            return 1 if self._user_progress(done, total) else 0  # type: ignore[misc]
        except BaseException as e:
            self.error = e
            return 1

    def _on_month(self, user: Any, replicate: int, month: Any) -> int:
        try:
            m = ForecastMonth._from_c(month.contents)
            return 1 if self._user_on_month(replicate, m) else 0  # type: ignore[misc]
        except BaseException as e:
            self.error = e
            return 1


def run_forecast(params: ForecastParams, norm: Optional[Norm] = None, *,
                 replicates: int = 0, seed: int = 1, threads: int = 0,
                 progress: Optional[Callable[[int, int], Any]] = None,
                 on_month: Optional[Callable[[int, ForecastMonth], Any]] = None) -> Forecast:
    """Runs the model.

    Args:
        params: the parameters (checked; the first bad field is named).
        norm: caseload per FTE, kind weights, ramp (default: FNV-GI 2023).
        replicates: 0 for a deterministic run, else 1..100,000 stochastic
            replicates reported as mean, p5, p50, p95.
        seed: the seed of a stochastic run.
        threads: threads for the replicates; 0 (default): one per core,
            1: the calling thread only, at most FORECAST_THREADS_MAX. The
            figures are the same bit for bit whatever the number. With
            ``on_month`` the run uses one thread; with several threads
            ``progress`` is called once per month.
        progress: ``progress(done, total)`` during the run; return True to
            stop (raises Canceled).
        on_month: ``on_month(replicate, month)`` for every computed month of
            every replicate; return True to stop.
    An exception raised in a callback stops the run and is re-raised.
    """
    p, keep = instance(params, ForecastParams, "params")._to_c()
    opts = ForecastOptionsC()
    C.jbw_forecast_options_init(byref(opts), ForecastOptionsC.VERSION)
    opts.replicates = whole(replicates, "replicates", 0)
    opts.seed = whole(seed, "seed", 0, 2**64 - 1)
    opts.threads = whole(threads, "threads", 0, 2**32 - 1)
    cbs = _Callbacks(progress, on_month) if (progress or on_month) else None
    if cbs:
        opts.progress = cbs.progress
        opts.on_month = cbs.on_month
    try:
        handle = new_handle(C.jbw_forecast_run, byref(p),
                            norm_handle(norm), byref(opts))
    except BaseException:
        if cbs and cbs.error is not None:
            raise cbs.error
        raise
    fc = Forecast(handle)
    if params.data_notice:
        C.jbw_forecast_set_data_notice(handle, enc(params.data_notice))
    return fc


def _relief_goal(target_waiting: Any, within_months: Any,
                 probability: Any = None) -> tuple:
    """The goal of a relief question checked as the library checks it, so
    that an error names the Python parameter, not the C one: InvalidArgument
    for target_waiting (and probability), RangeError for within_months, as
    the library raises them."""
    target = number(target_waiting, "target_waiting")
    if not (math.isfinite(target) and target >= 0):
        raise _invalid(f"target_waiting must be a finite number >= 0, got {target:g}")
    months = whole(within_months, "within_months")
    if not 1 <= months <= FORECAST_MONTHS_MAX:
        raise RangeError(-3, f"within_months must be 1 to {FORECAST_MONTHS_MAX}, "
                             f"got {months}", "value out of range")
    if probability is None:
        return target, months
    share = number(probability, "probability")
    if not 0 < share < 1:
        raise _invalid(f"probability must lie above 0 and below 1, got {share:g}")
    return target, months, share


def relief(params: ForecastParams, target_waiting: float, within_months: int,
           norm: Optional[Norm] = None) -> float:
    """The smallest constant monthly hiring (FTE, a multiple of 0.001) that
    leaves at most ``target_waiting`` measures waiting at month
    ``within_months`` under the deterministic model. InvalidArgument when
    target_waiting is negative or not finite; RangeError when within_months
    is not 1 to 600, or when even 10,000 FTE a month does not reach the
    target."""
    target, months = _relief_goal(target_waiting, within_months)
    p, keep = instance(params, ForecastParams, "params")._to_c()
    out = c_double()
    C.jbw_forecast_relief(byref(out), byref(p), norm_handle(norm), target, months)
    return out.value


def _relief_options(replicates: int, seed: int, threads: int) -> "ForecastOptionsC":
    opts = ForecastOptionsC()
    C.jbw_forecast_options_init(byref(opts), ForecastOptionsC.VERSION)
    opts.replicates = whole(replicates, "replicates", 1, FORECAST_REPLICATES_MAX)
    opts.seed = whole(seed, "seed", 0, 2**64 - 1)
    opts.threads = whole(threads, "threads", 0, FORECAST_THREADS_MAX)
    return opts


def relief_probability(params: ForecastParams, target_waiting: float,
                       within_months: int, probability: float, *,
                       replicates: int = 1000, seed: int = 1, threads: int = 0,
                       norm: Optional[Norm] = None) -> float:
    """The smallest constant monthly hiring (FTE) such that at most
    ``target_waiting`` measures wait at month ``within_months`` in at least
    ``probability`` of the seeded replicates. ``threads``: 0 (default) one
    per core, 1 the calling thread only; the answer is the same on any
    number of threads."""
    target, months, share = _relief_goal(target_waiting, within_months, probability)
    p, keep = instance(params, ForecastParams, "params")._to_c()
    opts = _relief_options(replicates, seed, threads)
    out = c_double()
    C.jbw_forecast_relief_probability_opts(byref(out), byref(p), norm_handle(norm),
                                           target, months, share, byref(opts))
    return out.value


def erlang_c(servers: int, offered_load: float) -> float:
    """Erlang C: probability that an arrival waits in an M/M/c queue with
    ``servers`` servers and ``offered_load`` erlangs (1 when load >= servers)."""
    out = c_double()
    C.jbw_erlang_c(byref(out), whole(servers, "servers", 1),
                   number(offered_load, "offered_load"))
    return out.value


@dataclass
class QueueParams(FieldsOnly):
    """The queue view of a caseload (``jbw_queue_params``): arrivals per
    werkdag, mean duration in werkdagen, the norm N in werkdagen and the
    slots one FTE provides."""
    arrivals_per_workday: float = 1.0
    mean_duration_workdays: float = 1.0
    within_workdays: float = 5.0
    slots_per_fte: float = 12.0

    @classmethod
    def default(cls) -> "QueueParams":
        """The library's defaults (jbw_queue_params_init)."""
        q = QueueParamsC()
        C.jbw_queue_params_init(byref(q), QueueParamsC.VERSION)
        return cls._from_c(q)

    @classmethod
    def from_forecast(cls, params: ForecastParams, workdays_per_month: float,
                      norm: Optional[Norm] = None,
                      within_workdays: float = 5.0) -> "QueueParams":
        """From forecast parameters: arrivals = inflow / workdays_per_month,
        inflow-weighted mean duration, slots per FTE from the norm."""
        q = cls(within_workdays=within_workdays)._to_c()
        p, keep = params._to_c()
        C.jbw_queue_params_from_forecast(byref(q), byref(p),
                                         norm_handle(norm),
                                         number(workdays_per_month, "workdays_per_month"))
        return cls._from_c(q)

    @classmethod
    def _from_c(cls, q: QueueParamsC) -> "QueueParams":
        return cls(q.arrivals_per_workday, q.mean_duration_workdays,
                   q.within_workdays, q.slots_per_fte)

    def _to_c(self) -> QueueParamsC:
        return QueueParamsC(QueueParamsC.VERSION,
                            number(self.arrivals_per_workday, "arrivals_per_workday"),
                            number(self.mean_duration_workdays, "mean_duration_workdays"),
                            number(self.within_workdays, "within_workdays"),
                            number(self.slots_per_fte, "slots_per_fte"))


@dataclass(frozen=True)
class QueueResult:
    """The figures of one queue configuration (``jbw_queue_result``)."""
    slots: int
    fte: float
    offered_load: float
    p_wait: float
    share_within: float
    mean_wait_workdays: float

    @classmethod
    def _from_c(cls, r: QueueResultC) -> "QueueResult":
        return cls(r.slots, r.fte, r.offered_load, r.p_wait, r.share_within,
                   r.mean_wait_workdays)


def queue_staffing(queue: QueueParams, share: Optional[float] = None, *,
                   percent: Optional[float] = None) -> QueueResult:
    """The fewest slots (and FTE) such that at least the given share of new
    measures gets a fixed worker within ``queue.within_workdays`` werkdagen.

    Give the share as a fraction, as every share in these bindings
    (``queue_staffing(q, 0.95)``: 95 %), or in percent by name
    (``queue_staffing(q, percent=95)``). A fraction of 1 or more, or below
    0.01, is refused as ambiguous (95 or 0.0095 where 0.95 was meant)."""
    if (share is None) == (percent is None):
        raise TypeError("queue_staffing needs share (a fraction, 0.95) or "
                        "percent= (95), not both")
    if share is not None:
        f = number(share, "share")
        if not 0.01 <= f < 1:
            raise _invalid(f"share is a fraction from 0.01 to below 1 (0.95 for 95 %), "
                           f"not {share!r}; pass percent={share!r} for a percentage")
        pct = f * 100.0
    else:
        pct = number(percent, "percent")
        if not 1 <= pct < 100:
            raise _invalid(f"percent is from 1 to below 100 (95 for 95 %), "
                           f"not {percent!r}; pass share={percent!r} for a "
                           f"fraction")
    q = instance(queue, QueueParams, "queue")._to_c()
    r = QueueResultC(version=QueueResultC.VERSION)
    C.jbw_queue_staffing(byref(r), byref(q), pct)
    return QueueResult._from_c(r)


def queue_share(queue: QueueParams, fte: float) -> QueueResult:
    """The share within ``queue.within_workdays`` werkdagen for ``fte`` FTE."""
    q = queue._to_c()
    r = QueueResultC(version=QueueResultC.VERSION)
    C.jbw_queue_share(byref(r), byref(q), number(fte, "fte"))
    return QueueResult._from_c(r)
