"""The staffing questions as one call each (``jbw/staffing.h``).

:func:`staffing_relief` (hiring per month to bring the waiting list to a
target) and :func:`staffing_queue` (FTE for a share of new measures to get
a fixed worker within N werkdagen, and the share with today's staff) return
answers whose ``to_text`` / ``to_csv`` / ``to_json`` are the library's
writers; an answer made from the embedded example carries the library's
synthetic-data notice in every output.
"""
from __future__ import annotations

import ctypes
import json
from ctypes import POINTER, byref, c_char_p, c_double, c_int, c_int32, c_size_t, c_uint
from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Union

from ._lib import PP, PSIZE, STATUS, C, declare_all
from ._util import _invalid, enc, handle_arg, instance, int32, number, take_string
from .caseload import Norm, norm_handle
from .dates import Calendar
from .forecast import (ForecastOptionsC, ForecastParams, ForecastParamsC, QueueParams,
                       QueueParamsC, QueueResult, QueueResultC, _relief_goal, _relief_options)
from .waitrisk import Lang

__all__ = ["ReliefAnswer", "QueueAnswer", "staffing_relief", "staffing_queue",
           "workdays_per_month", "effective_fte"]


class OutputOptionsC(ctypes.Structure):
    """jbw_output_options. x86_64: version 0, lang 4, data_notice 8; size 16."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("lang", c_int), ("data_notice", c_char_p)]


class ReliefAnswerC(ctypes.Structure):
    """jbw_relief_answer. x86_64: version 0, (pad), target_waiting 8,
    within_months 16, (pad), hires_fte_per_month 24, total_hires_fte 32,
    annual_turnover 40; version 2: probability 48, replicates 56, seed 64;
    size 72."""
    VERSION = 2
    _fields_ = [("version", c_uint), ("target_waiting", c_double),
                ("within_months", c_int32), ("hires_fte_per_month", c_double),
                ("total_hires_fte", c_double), ("annual_turnover", c_double),
                ("probability", c_double), ("replicates", c_size_t),
                ("seed", ctypes.c_uint64)]


class QueueAnswerC(ctypes.Structure):
    """jbw_queue_answer. x86_64: version 0, (pad), percent 8,
    workdays_per_month 16, queue 24 (40 bytes), needed 64 (56),
    current_effective_fte 120, current 128 (56), current_stable 184, (pad);
    size 192."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("percent", c_double),
                ("workdays_per_month", c_double), ("queue", QueueParamsC),
                ("needed", QueueResultC), ("current_effective_fte", c_double),
                ("current", QueueResultC), ("current_stable", c_int)]


#: Hand-derived x86_64 sizes (checked by the tests).
X86_64_SIZES = {OutputOptionsC: 16, ReliefAnswerC: 72, QueueAnswerC: 192}

_PP_PARAMS = POINTER(ForecastParamsC)
_OPTS = POINTER(OutputOptionsC)
declare_all([
    ("jbw_output_options_init", STATUS, [_OPTS, c_uint]),
    ("jbw_workdays_per_month", STATUS, [POINTER(c_double), ctypes.c_void_p, c_int]),
    ("jbw_forecast_params_effective_fte", STATUS,
     [POINTER(c_double), _PP_PARAMS, ctypes.c_void_p]),
    ("jbw_staffing_relief", STATUS,
     [POINTER(ReliefAnswerC), _PP_PARAMS, ctypes.c_void_p, c_double, c_int32]),
    ("jbw_staffing_relief_probability", STATUS,
     [POINTER(ReliefAnswerC), _PP_PARAMS, ctypes.c_void_p, c_double, c_int32, c_double,
      c_size_t, ctypes.c_uint64]),
    ("jbw_staffing_relief_probability_opts", STATUS,
     [POINTER(ReliefAnswerC), _PP_PARAMS, ctypes.c_void_p, c_double, c_int32, c_double,
      POINTER(ForecastOptionsC)]),
    ("jbw_staffing_queue", STATUS,
     [POINTER(QueueAnswerC), _PP_PARAMS, ctypes.c_void_p, ctypes.c_void_p, c_double,
      c_double]),
    ("jbw_relief_answer_text", STATUS, [PP, PSIZE, POINTER(ReliefAnswerC), _OPTS]),
    ("jbw_relief_answer_csv", STATUS, [PP, PSIZE, POINTER(ReliefAnswerC), _OPTS]),
    ("jbw_relief_answer_json", STATUS, [PP, PSIZE, POINTER(ReliefAnswerC), _OPTS]),
    ("jbw_queue_answer_text", STATUS, [PP, PSIZE, POINTER(QueueAnswerC), _OPTS]),
    ("jbw_queue_answer_csv", STATUS, [PP, PSIZE, POINTER(QueueAnswerC), _OPTS]),
    ("jbw_queue_answer_json", STATUS, [PP, PSIZE, POINTER(QueueAnswerC), _OPTS]),
])


def _options(lang: Union[Lang, str], notice: Optional[str]) -> OutputOptionsC:
    o = OutputOptionsC()
    C.jbw_output_options_init(byref(o), OutputOptionsC.VERSION)
    o.lang = int(Lang.coerce(lang))
    o.data_notice = enc(notice)
    return o


class _Answer:
    """The writers shared by both answers."""
    _c: Any
    data_notice: Optional[str]
    _text: Any
    _csv: Any
    _json: Any

    def to_text(self, lang: Union[Lang, str] = Lang.NL) -> str:
        """The library's text, in Dutch (default) or English."""
        return take_string(self._text, byref(self._c), byref(_options(lang, self.data_notice)))

    def to_csv(self) -> str:
        """The library's CSV (a ``data_notice`` column when synthetic)."""
        return take_string(self._csv, byref(self._c), byref(_options(Lang.NL, self.data_notice)))

    def to_json(self) -> str:
        """The library's JSON (a ``data_notice`` key when synthetic)."""
        return take_string(self._json, byref(self._c), byref(_options(Lang.NL, self.data_notice)))

    def to_dict(self) -> Dict[str, Any]:
        """The library's JSON as a dict."""
        return json.loads(self.to_json())


@dataclass(frozen=True)
class ReliefAnswer(_Answer):
    """The answer to the relief question (``jbw_relief_answer``)."""
    target_waiting: float
    within_months: int
    hires_fte_per_month: float
    total_hires_fte: float
    annual_turnover: float
    data_notice: Optional[str] = None
    #: A probability answer: the share of replicates meeting the target
    #: (None: the deterministic answer), their number and seed.
    probability: Optional[float] = None
    replicates: int = 0
    seed: int = 0

    @property
    def _c(self) -> ReliefAnswerC:
        return ReliefAnswerC(ReliefAnswerC.VERSION, self.target_waiting, self.within_months,
                             self.hires_fte_per_month, self.total_hires_fte,
                             self.annual_turnover, self.probability or 0.0,
                             self.replicates, self.seed)

    _text = C.jbw_relief_answer_text
    _csv = C.jbw_relief_answer_csv
    _json = C.jbw_relief_answer_json


@dataclass(frozen=True)
class QueueAnswer(_Answer):
    """The answer to the queue question (``jbw_queue_answer``):
    ``current_stable`` False means today's slots do not exceed the offered
    load, so the long-run share within the norm is 0."""
    percent: float
    workdays_per_month: float
    queue: QueueParams
    needed: QueueResult
    current_effective_fte: float
    current: QueueResult
    current_stable: bool
    data_notice: Optional[str] = None
    raw: Any = field(default=None, compare=False, repr=False)

    @property
    def _c(self) -> QueueAnswerC:
        return self.raw

    _text = C.jbw_queue_answer_text
    _csv = C.jbw_queue_answer_csv
    _json = C.jbw_queue_answer_json


def _notice(params: ForecastParams) -> Optional[str]:
    return getattr(params, "data_notice", None)


def staffing_relief(params: ForecastParams, target_waiting: float, within_months: int,
                    norm: Optional[Norm] = None, *, probability: Optional[float] = None,
                    replicates: int = 1000, seed: int = 1,
                    threads: int = 0) -> ReliefAnswer:
    """The smallest constant monthly hiring that leaves at most
    ``target_waiting`` measures waiting at month ``within_months``, with
    the totals (see :func:`jbw.relief`); with ``probability``, in at least
    that share of ``replicates`` seeded replicates, on ``threads`` threads
    (0, the default: one per core; the same answer on any number)."""
    if probability is None:
        target, months = _relief_goal(target_waiting, within_months)
    else:
        target, months, share = _relief_goal(target_waiting, within_months, probability)
    p, keep = instance(params, ForecastParams, "params")._to_c()
    a = ReliefAnswerC(version=ReliefAnswerC.VERSION)
    if probability is None:
        C.jbw_staffing_relief(byref(a), byref(p), norm_handle(norm), target, months)
    else:
        opts = _relief_options(replicates, seed, threads)
        C.jbw_staffing_relief_probability_opts(byref(a), byref(p), norm_handle(norm),
                                               target, months, share, byref(opts))
    return ReliefAnswer(a.target_waiting, a.within_months, a.hires_fte_per_month,
                        a.total_hires_fte, a.annual_turnover, _notice(params),
                        a.probability or None, a.replicates, a.seed)


def _share_hint(value: float, given: Any, name: str) -> str:
    """The end of staffing_queue's message for a share or percent out of
    range: the other parameter where the value would be right there, and
    why a whole share cannot be asked (a queue always has some wait)."""
    if value == 100 or (name == "share" and value == 1):
        return ("; every new measure within the time (100 %) is never reached "
                "in a queue: ask for less, as 99 %")
    if name == "share" and 1 < value < 100:
        return f"; pass percent={given!r} for a percentage"
    if name == "percent" and 0.01 <= value < 1:
        return f"; pass share={given!r} for a fraction"
    return ""


def staffing_queue(params: ForecastParams, within_workdays: float,
                   share: Optional[float] = None, *, percent: Optional[float] = None,
                   norm: Optional[Norm] = None,
                   calendar: Optional[Calendar] = None) -> QueueAnswer:
    """The FTE for ``share`` (a fraction, or ``percent=`` by name) of new
    measures to get a fixed worker within ``within_workdays`` werkdagen,
    and the share reached with the effective FTE of month 0."""
    if (share is None) == (percent is None):
        raise TypeError("staffing_queue needs share (a fraction, 0.95) or percent= (95)")
    if share is not None:
        f = number(share, "share")
        if not 0.01 <= f < 1:
            raise _invalid(f"share is a fraction from 0.01 to below 1 (0.95 for 95 %), "
                           f"not {share!r}{_share_hint(f, share, 'share')}")
        pct = f * 100.0
    else:
        pct = number(percent, "percent")
        if not 1 <= pct < 100:
            raise _invalid(f"percent is from 1 to below 100 (95 for 95 %), "
                           f"not {percent!r}{_share_hint(pct, percent, 'percent')}")
    p, keep = instance(params, ForecastParams, "params")._to_c()
    a = QueueAnswerC(version=QueueAnswerC.VERSION)
    C.jbw_staffing_queue(byref(a), byref(p), norm_handle(norm),
                         handle_arg(calendar, Calendar, "calendar"),
                         number(within_workdays, "within_workdays"), pct)
    return QueueAnswer(a.percent, a.workdays_per_month, QueueParams._from_c(a.queue),
                       QueueResult._from_c(a.needed), a.current_effective_fte,
                       QueueResult._from_c(a.current), bool(a.current_stable),
                       _notice(params), a)


def workdays_per_month(year: int, calendar: Optional[Calendar] = None) -> float:
    """The werkdagen of ``year`` / 12 under ``calendar`` (default: CAO Jeugdzorg)."""
    out = c_double()
    C.jbw_workdays_per_month(byref(out), handle_arg(calendar, Calendar, "calendar"),
                             int32(year, "year"))
    return out.value


def effective_fte(params: ForecastParams, norm: Optional[Norm] = None) -> float:
    """The effective FTE of month 0 of ``params`` (staff weighted by the
    norm's onboarding ramp)."""
    p, keep = instance(params, ForecastParams, "params")._to_c()
    out = c_double()
    C.jbw_forecast_params_effective_fte(byref(out), byref(p),
                                        norm_handle(norm))
    return out.value
