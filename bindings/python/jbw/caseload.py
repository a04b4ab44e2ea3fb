"""Caseload norms, caseload results and the series of children without a
fixed jeugdbeschermer (``jbw/caseload.h``).

Definitions on a reference date d (docs/norms.md): capacity = fte x
ramp(tenure) x caseload_per_fte; load = sum of kind weights over the units
assigned; required FTE = sum of weights over all active units /
caseload_per_fte; FTE gap = required - effective; the coupling norm is the
share of measures started in the period, once their 5 werkdagen are over
on the date, whose first worker came within 5 werkdagen.
"""
from __future__ import annotations

import datetime as _dt
import enum
import json
import math
import os
from ctypes import byref, c_char_p, c_double, c_int32
from dataclasses import dataclass, field, fields
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from . import _structs as S
from ._lib import C
from ._util import (DateLike, Handle, _count, _invalid, dec, enc, enc_arg, from_days, instance,
                    new_handle, number, path_arg, seq_index, take_string, text_arg,
                    to_days, warn_caller, whole)
from .dates import Calendar, default_calendar
from .measure import Kind, kind_count
from .snapshot import Snapshot

__all__ = ["Unit", "LoadStatus", "Group", "Norm", "Totals", "WorkerLoad",
           "FindingRule", "Finding", "CaseloadResult", "compute_caseload", "Series", "SeriesPoint"]


def _nan_to_none(x: float) -> Optional[float]:
    return None if math.isnan(x) else x


def _plain(value: Any) -> Any:
    """Dataclass values made pandas friendly (enums as codes; dates stay
    ``datetime.date``, as in every record of the bindings)."""
    if isinstance(value, enum.Enum):
        return getattr(value, "code", value.name.lower())
    if isinstance(value, dict):
        return {(_plain(k) if isinstance(k, enum.Enum) else k): _plain(v)
                for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def record(obj: Any) -> Dict[str, Any]:
    """A dataclass as a flat dict of plain values (one DataFrame row)."""
    return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}


def with_notice(rows: List[Dict[str, Any]], notice: Optional[str]) -> List[Dict[str, Any]]:
    """``rows`` (records for a DataFrame) with a last field ``data_notice``
    holding ``notice`` in each, when the data has one (the synthetic
    example's); without a notice the rows get no such field, as the
    library's CSV has no such column then."""
    if notice:
        for row in rows:
            row["data_notice"] = notice
    return rows


class Unit(enum.IntEnum):
    """What a caseload counts (``jbw_unit``)."""
    MEASURE = 0
    CHILD = 1
    FAMILY = 2

    @property
    def code(self) -> str:
        """"measure", "child", "family"."""
        return dec(C.jbw_unit_code(int(self))) or ""


class LoadStatus(enum.IntEnum):
    """A worker's load against capacity (``jbw_load_status``)."""
    UNDER = 0
    AT = 1
    OVER = 2
    NO_CAPACITY = 3

    @property
    def code(self) -> str:
        """"under", "at", "over", "no_capacity"."""
        return dec(C.jbw_load_status_code(int(self))) or ""


class Group(enum.IntEnum):
    """Grouping of caseload totals (``jbw_group``)."""
    ORGANISATION = 0
    REGION = 1


def group_arg(value: Any, name: str = "group") -> int:
    """A :class:`Group` parameter as its C value: a Group or its int (0
    organisation, 1 region); a float, a bool, a str or another type raises
    TypeError naming the parameter, another int jbw.InvalidArgument."""
    if isinstance(value, Group):
        return int(value)
    if isinstance(value, str):
        raise TypeError(f"{name} must be jbw.Group.ORGANISATION or jbw.Group.REGION "
                        f"(or 0, 1), not str ({value!r})")
    v = whole(value, name)
    if v not in set(int(g) for g in Group):
        raise _invalid(f"{name} must be jbw.Group.ORGANISATION (0) or "
                       f"jbw.Group.REGION (1), not {v}")
    return v


RAMP_MAX = 64  #: largest number of ramp steps (JBW_RAMP_MAX)


class Norm(Handle):
    """A caseload norm set (``jbw_norm``).

    ``Norm()`` is the default "FNV-GI 2023": unit measure, 12 per full-time
    worker (the agreement of March 2023), every kind weight 1.0, ramp 0.5
    (months 0-2), 0.75 (3-5), 1.0 (6+; no published source), thresholds
    under < 0.9 <= at <= 1.0 < over. :meth:`named` gives the Significant
    norms.
    """

    _free = staticmethod(C.jbw_norm_free)
    _instead = (
        "use save() and Norm.parse(text) to pass it on")

    def __init__(self, *, _handle: int = 0) -> None:
        super().__init__(_handle or new_handle(C.jbw_norm_new_default))

    @classmethod
    def default(cls) -> "Norm":
        """The default norm (same as ``Norm()``): unit measure, 12 per FTE,
        after the FNV-GI agreement of March 2023."""
        return cls()

    @classmethod
    def named(cls, name: str) -> "Norm":
        """A named norm: ``"fnv-gi-2023"`` (the default),
        ``"significant-children"`` (unit child, 12) or
        ``"significant-families"`` (unit family, 8.5). NotFound otherwise."""
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        return cls(_handle=new_handle(C.jbw_norm_new_named, enc(name)))

    @classmethod
    def parse(cls, text: Union[str, bytes], source: str = "norm") -> "Norm":
        """Parses a norm file (``key = value``); keys not given keep the
        default. ParseError names ``source`` and the line."""
        raw = text_arg(text)
        return cls(_handle=new_handle(C.jbw_norm_parse, raw, len(raw), enc(source)))

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Norm":
        """Reads a norm file."""
        return cls(_handle=new_handle(C.jbw_norm_load, path_arg(path)))

    def save(self) -> str:
        """The norm as norm-file text that parses back to an equal norm."""
        return take_string(C.jbw_norm_save, self._p)

    def clone(self) -> "Norm":
        """An independent copy."""
        return Norm(_handle=new_handle(C.jbw_norm_clone, self._p))

    def __copy__(self) -> "Norm":
        return self.clone()

    def __deepcopy__(self, memo: Any) -> "Norm":
        return self.clone()

    # -- properties ----------------------------------------------------------

    def _describe(self) -> str:
        return f"{self.name!r}: {self.caseload_per_fte:g} per FTE"

    @property
    def name(self) -> str:
        """The norm's name ("FNV-GI 2023" for the default)."""
        return dec(C.jbw_norm_name(self._p)) or ""

    @property
    def source(self) -> str:
        """Where the norm comes from."""
        return dec(C.jbw_norm_source(self._p)) or ""

    def source_in(self, lang: Any = "nl") -> str:
        """The source for readers of ``lang`` ("nl" or "en"): the built-in
        norms' sources in Dutch for "nl"; a source set by the user as
        given."""
        from .waitrisk import Lang
        return dec(C.jbw_norm_source_lang(self._p,
                                          int(Lang.coerce(lang)))) or ""

    def set_name(self, name: str, source: Optional[str] = None) -> None:
        """Sets the name and source (str; TypeError naming the parameter
        otherwise)."""
        C.jbw_norm_set_name(self._p, enc_arg(name, "name"),
                            enc_arg(source, "source", optional=True))

    @property
    def unit(self) -> Unit:
        """The counting unit."""
        return Unit(C.jbw_norm_unit(self._p))

    @unit.setter
    def unit(self, value: Union[Unit, int, str]) -> None:
        if isinstance(value, str):
            codes = {u.code: u for u in Unit}
            if value not in codes:
                raise _invalid(f"unit is one of {', '.join(codes)}, not {value!r}")
            value = codes[value]
        C.jbw_norm_set_unit(self._p, whole(value, "unit"))

    @property
    def caseload_per_fte(self) -> float:
        """Units a full-time worker carries."""
        return C.jbw_norm_caseload_per_fte(self._p)

    @caseload_per_fte.setter
    def caseload_per_fte(self, value: float) -> None:
        C.jbw_norm_set_caseload_per_fte(self._p, number(value, "caseload_per_fte"))

    def weight(self, kind: Union[Kind, int, str]) -> float:
        """The weight of a measure kind."""
        return C.jbw_norm_weight(self._p, int(Kind.coerce(kind)))

    def set_weight(self, kind: Union[Kind, int, str], weight: float) -> None:
        """Sets the weight of a measure kind (>= 0, finite)."""
        k = kind if isinstance(kind, (Kind, str)) else whole(kind, "kind")
        C.jbw_norm_set_weight(self._p, int(Kind.coerce(k)), number(weight, "weight"))

    @property
    def weights(self) -> Dict[Kind, float]:
        """Every kind's weight."""
        p = self._p
        return {Kind(k): C.jbw_norm_weight(p, k) for k in range(min(kind_count(), len(Kind)))}

    def ramp(self, months: int) -> float:
        """Fraction of a full caseload at a tenure of ``months`` whole months."""
        return C.jbw_norm_ramp(self._p, whole(months, "months", -2**31, 2**31 - 1))

    @property
    def ramp_steps(self) -> List[Tuple[int, float]]:
        """The onboarding ramp as ``[(from_month, fraction), ...]``."""
        month, frac = c_int32(), c_double()
        steps = []
        for i in range(C.jbw_norm_ramp_count(self._p)):
            C.jbw_norm_ramp_step(byref(month), byref(frac), self._p, i)
            steps.append((month.value, frac.value))
        return steps

    def set_ramp(self, steps: Sequence[Tuple[int, float]]) -> None:
        """Replaces the onboarding ramp: ``[(from_month, fraction), ...]``,
        from_month starting at 0 and strictly increasing; the last fraction
        holds for every later month."""
        if isinstance(steps, (str, bytes)) or not hasattr(steps, "__len__"):
            raise TypeError(f"steps must be a sequence of (from_month, fraction), "
                            f"not {type(steps).__name__}")
        pairs = []
        for i, step in enumerate(steps):
            if isinstance(step, (str, bytes)) or not hasattr(step, "__len__") \
                    or len(step) != 2:
                raise TypeError(f"steps[{i}] must be a (from_month, fraction) pair, "
                                f"not {step!r}")
            pairs.append((whole(step[0], f"steps[{i}] from_month", 0, 2**31 - 1),
                          number(step[1], f"steps[{i}] fraction")))
        n = len(pairs)
        months = (c_int32 * max(n, 1))(*[m for m, _ in pairs])
        fractions = (c_double * max(n, 1))(*[f for _, f in pairs])
        C.jbw_norm_set_ramp(self._p, months, fractions, n)

    @property
    def under_below(self) -> float:
        """Load ratio below which a worker is "under"."""
        return C.jbw_norm_under_below(self._p)

    @property
    def over_above(self) -> float:
        """Load ratio above which a worker is "over"."""
        return C.jbw_norm_over_above(self._p)

    def set_thresholds(self, under_below: float, over_above: float) -> None:
        """Sets the status thresholds (under_below <= over_above)."""
        C.jbw_norm_set_thresholds(self._p, number(under_below, "under_below"),
                                  number(over_above, "over_above"))

    def to_dict(self) -> Dict[str, Any]:
        """The norm's properties as a plain dict (ramp for months 0..12, and
        the ramp's steps)."""
        return {"name": self.name, "source": self.source, "unit": self.unit.code,
                "caseload_per_fte": self.caseload_per_fte,
                "weights": {k.code: v for k, v in self.weights.items()},
                "ramp": [self.ramp(m) for m in range(13)],
                "ramp_steps": self.ramp_steps,
                "under_below": self.under_below, "over_above": self.over_above}


def norm_arg(norm: Any, name: str = "norm") -> "Norm":
    """``norm`` itself when it is a :class:`Norm`; TypeError naming the
    parameter otherwise (a norm's name such as "fnv-gi-2023" is taken by
    :meth:`Norm.named`, not here)."""
    if isinstance(norm, str):
        raise TypeError(f"{name} must be a jbw.Norm, not str ({norm!r}): "
                        f"jbw.Norm.named({norm!r}) gives a named norm")
    return instance(norm, Norm, name)


def norm_handle(norm: Any, name: str = "norm") -> Any:
    """The library handle of an optional norm (None: the default norm)."""
    return None if norm is None else norm_arg(norm, name)._p


# ---- results --------------------------------------------------------------

@dataclass(frozen=True)
class Totals:
    """Caseload totals of the whole snapshot, an organisation or a region
    (``jbw_caseload_totals``). Percentages and medians are None when
    nothing started in the period."""
    active_measures: int
    children: int
    families: int
    assigned: int
    waiting_nieuw: int
    waiting_bestaand: int
    workers: int
    required_fte: float
    available_fte: float
    effective_fte: float
    fte_gap: float
    free_capacity: float
    load: float
    capacity: float
    coupling_started: int
    coupling_within: int
    coupling_waiting_past: int
    coupling_within_pct: Optional[float]
    coupling_median_workdays: Optional[float]
    by_kind: Dict[Kind, int] = field(default_factory=dict)
    #: active measures whose suitable help was requested and has not begun
    waiting_for_help: int = 0
    #: of those, requested more than 3 calendar months before the date
    waiting_for_help_past_norm: int = 0

    @classmethod
    def _from_c(cls, t: S.CaseloadTotals) -> "Totals":
        n = min(kind_count(), len(Kind))
        return cls(t.active_measures, t.children, t.families, t.assigned,
                   t.waiting_nieuw, t.waiting_bestaand, t.workers,
                   t.required_fte, t.available_fte, t.effective_fte, t.fte_gap,
                   t.free_capacity, t.load, t.capacity, t.coupling_started,
                   t.coupling_within, t.coupling_waiting_past,
                   _nan_to_none(t.coupling_within_pct),
                   _nan_to_none(t.coupling_median_workdays),
                   {Kind(k): int(t.by_kind[k]) for k in range(n)},
                   t.waiting_for_help, t.waiting_for_help_past_norm)

    @property
    def waiting(self) -> int:
        """Active measures without a fixed worker (nieuw + bestaand)."""
        return self.waiting_nieuw + self.waiting_bestaand


@dataclass(frozen=True)
class WorkerLoad:
    """One worker's line (``jbw_worker_load``); ratio None when capacity is 0."""
    id: str
    organisation: str
    region: Optional[str]
    fte: float
    tenure_months: int
    effective_fte: float
    capacity: float
    load: float
    ratio: Optional[float]
    status: LoadStatus
    measures: int


class FindingRule(enum.IntEnum):
    """A data-quality rule (``jbw_finding_rule``, docs/formats.md): the
    load keeps such rows; the report counts and lists them."""
    JR_OVER_22 = 0          #: jeugdreclassering at 23 or older
    JB_AFTER_18 = 1         #: jeugdbescherming after the 18th birthday
    VOTS_OVER_3_MONTHS = 2  #: a VOTS running longer than 3 months
    WORKER_NOT_EMPLOYED = 3  #: assigned to a worker not employed on the date
    CHILD_BIRTH_DATES_DIFFER = 4  #: a child with two birth dates
    UNBORN_PLACED = 5  #: an OTS/VOTS placed out of home before the birth

    @property
    def code(self) -> str:
        """"jr_over_22", "jb_after_18", "vots_over_3_months",
        "worker_not_employed", "child_birth_dates_differ",
        "unborn_placed"."""
        return dec(C.jbw_finding_rule_code(int(self))) or ""


@dataclass(frozen=True)
class Finding:
    """One data-quality finding (``jbw_finding``): the rule, the measure,
    the first day the rule was broken and the last day checked."""
    rule: FindingRule
    measure_id: str
    since: _dt.date
    last: _dt.date


class CaseloadResult(Handle):
    """Caseloads of a snapshot under a norm on a date (``jbw_caseload``).

    Made by :func:`compute_caseload`. Closing the snapshot it was computed
    from closes it too (it borrows the snapshot's ids and keys; the norm is
    copied).
    """

    _free = staticmethod(C.jbw_caseload_free)
    _instead = (
        "use to_dict() or to_records() for its values, or compute the "
        "caseload again")
    #: True when computed from the embedded synthetic example.
    synthetic = False

    def _describe(self) -> str:
        t = self.totals
        return (f"{self.date.isoformat()}: {_count(t.active_measures, 'measure')}, "
                f"{t.waiting_nieuw} waiting nieuw, {t.waiting_bestaand} waiting bestaand, "
                f"FTE gap {t.fte_gap:.1f}" + (", synthetic" if self.synthetic else ""))

    @property
    def date(self) -> _dt.date:
        """The reference date used."""
        return from_days(C.jbw_caseload_date(self._p))  # type: ignore[return-value]

    @property
    def data_notice(self) -> Optional[str]:
        """The snapshot's data notice (synthetic example data), or None."""
        return dec(C.jbw_caseload_data_notice(self._p))

    @property
    def period(self) -> Tuple[_dt.date, _dt.date, int]:
        """The coupling period (from, to) and the coupling norm in werkdagen."""
        a, b, w = c_int32(), c_int32(), c_int32()
        C.jbw_caseload_period(byref(a), byref(b), byref(w), self._p)
        return (from_days(a.value), from_days(b.value), w.value)  # type: ignore[return-value]

    @property
    def norm(self) -> "Norm":
        """A copy of the norm the result was computed under."""
        borrowed = C.jbw_caseload_norm(self._p)
        return Norm(_handle=new_handle(C.jbw_norm_clone, borrowed))

    @property
    def totals(self) -> Totals:
        """Totals of everything."""
        t = S.CaseloadTotals(version=S.CaseloadTotals.VERSION)
        C.jbw_caseload_totals_get(byref(t), self._p)
        return Totals._from_c(t)

    def _groups(self, group: Group) -> Dict[str, Totals]:
        p = self._p
        out: Dict[str, Totals] = {}
        t = S.CaseloadTotals(version=S.CaseloadTotals.VERSION)
        key = c_char_p()
        for i in range(C.jbw_caseload_group_count(p, int(group))):
            C.jbw_caseload_group_get(byref(t), byref(key), p, int(group), i)
            out[dec(key.value) or ""] = Totals._from_c(t)
        return out

    @property
    def by_organisation(self) -> Dict[str, Totals]:
        """Totals per organisation key, in registry order."""
        return self._groups(Group.ORGANISATION)

    @property
    def by_region(self) -> Dict[str, Totals]:
        """Totals per region key, in registry order."""
        return self._groups(Group.REGION)

    @property
    def workers(self) -> List[WorkerLoad]:
        """Workers employed on the date, in snapshot order."""
        p = self._p
        w = S.WorkerLoadC(version=S.WorkerLoadC.VERSION)
        out = []
        for i in range(C.jbw_caseload_worker_count(p)):
            C.jbw_caseload_worker_get(byref(w), p, i)
            out.append(WorkerLoad(dec(w.id) or "", dec(w.organisation) or "",
                                  dec(w.region) or None, w.fte, w.tenure_months,
                                  w.effective_fte, w.capacity, w.load,
                                  _nan_to_none(w.ratio), LoadStatus(w.status),
                                  w.measures))
        return out

    @property
    def findings(self) -> List[Finding]:
        """The data-quality findings up to the date, in measure order."""
        p = self._p
        f = S.FindingC(version=S.FindingC.VERSION)
        out = []
        for i in range(C.jbw_caseload_finding_count(p)):
            C.jbw_caseload_finding_get(byref(f), p, i)
            out.append(Finding(FindingRule(f.rule), dec(f.measure_id) or "",
                               from_days(f.since),  # type: ignore[arg-type]
                               from_days(f.last)))  # type: ignore[arg-type]
        return out

    @property
    def finding_counts(self) -> Dict[FindingRule, int]:
        """The number of findings per rule (every rule, zeros too)."""
        return {r: int(C.jbw_caseload_finding_count_rule(self._p, int(r)))
                for r in FindingRule}

    def to_json(self) -> str:
        """The library's JSON (keys as in docs/formats.md)."""
        return take_string(C.jbw_caseload_json, self._p)

    def to_csv(self) -> str:
        """CSV, one line per scope (total, organisation, region)."""
        return take_string(C.jbw_caseload_csv, self._p)

    def workers_csv(self) -> str:
        """CSV of the per-worker table."""
        return take_string(C.jbw_caseload_workers_csv, self._p)

    def to_text(self) -> str:
        """The complete analyst tables as text (English, every worker),
        ending with the data-quality findings (at most 20 of each rule)."""
        return take_string(C.jbw_caseload_text, self._p)

    def to_report(self, lang: Any = "nl", workers_table: bool = False,
                  top: int = 0) -> str:
        """The short report for people who decide
        (``jbw_caseload_report_text``): totals, by organisation, by region
        and by kind with units, Dutch (default) or English; the per-worker
        table with ``workers_table=True`` (``top``: the most loaded first)."""
        from .waitrisk import Lang
        o = S.ReportOptions()
        C.jbw_report_options_init(byref(o), S.ReportOptions.VERSION)
        o.lang = int(Lang.coerce(lang))
        o.workers_table = 1 if workers_table else 0
        o.top = whole(top, "top", 0)
        return take_string(C.jbw_caseload_report_text, self._p, byref(o))

    def to_dict(self) -> Dict[str, Any]:
        """The library's JSON as a dict."""
        return json.loads(self.to_json())

    def to_records(self, scope: str = "workers") -> List[Dict[str, Any]]:
        """Flat rows for ``pandas.DataFrame(...)``: ``scope`` is "workers"
        (one row per worker), "organisation" or "region" (one row per group,
        with a ``key`` column), "total" (one row) or "findings" (one row per
        data-quality finding, the rule by its code). When the data carries
        a notice (:attr:`data_notice`: the synthetic example's), every row
        ends with a ``data_notice`` field holding it, as the library's CSV
        ends with that column; real data has no such field."""
        if scope == "workers":
            rows = [record(w) for w in self.workers]
        elif scope == "findings":
            rows = [record(f) for f in self.findings]
        elif scope == "total":
            rows = [_totals_row("total", self.totals)]
        elif scope in ("organisation", "region"):
            groups = self.by_organisation if scope == "organisation" else self.by_region
            rows = [_totals_row(k, t) for k, t in groups.items()]
        else:
            raise ValueError("scope is 'workers', 'organisation', 'region', 'total' or "
                             "'findings'")
        return with_notice(rows, self.data_notice)


def _totals_row(key: str, t: Totals) -> Dict[str, Any]:
    row: Dict[str, Any] = {"key": key}
    for f in fields(t):
        if f.name == "by_kind":
            for k, v in t.by_kind.items():
                row["kind_" + k.code] = v
        else:
            row[f.name] = _plain(getattr(t, f.name))
    return row


def warn_off_reference(snapshot: Snapshot, days: int, what: str) -> None:
    """A ``UserWarning`` when the date (day number) is not the snapshot's
    reference date, as the ``jbw`` command says: after it, the library
    carries that day's assignments forward as if nothing changed; before
    it, bestaand is too low (a measure that lost its worker then and has
    one again on the reference date counts as assigned), unless nothing
    happened after the date (:attr:`Snapshot.latest_event`: the later
    dates are ends or hires, often planned, and the records are of that
    date). The warning names the caller's file and line
    (:func:`warn_caller`). Shared by the caseload, the triage, the
    allocation and the forecast's start."""
    ref = C.jbw_snapshot_reference_date(snapshot._p)
    if days == S.DATE_NONE or days == ref:
        return
    if days < ref and C.jbw_snapshot_latest_event(snapshot._p) <= days:
        return
    if days > ref:
        warn_caller(f"{what}: {from_days(days)} is after the data's reference "
                    f"date {from_days(ref)}; the assignments of {from_days(ref)} "
                    "are carried forward as if nothing changed (the jbw command "
                    "refuses such a date)")
    else:
        warn_caller(f"{what}: {from_days(days)} is before the data's reference "
                    f"date {from_days(ref)}; a measure that waited for a new "
                    f"worker on {from_days(days)} and has one again on "
                    f"{from_days(ref)} counts as assigned, so bestaand is too "
                    "low")


def compute_caseload(snapshot: Snapshot, norm: Optional[Norm] = None,
                     calendar: Optional[Calendar] = None, *, date: DateLike = None,
                     period_from: DateLike = None, period_to: DateLike = None,
                     coupling_workdays: int = 5) -> CaseloadResult:
    """Computes caseloads of a snapshot.

    Args:
        snapshot: the workers and measures.
        norm: the norm set (default: FNV-GI 2023, 12 measures per FTE).
        calendar: the working-day calendar for the coupling norm (default:
            CAO Jeugdzorg).
        date: reference date (default: the snapshot's). A date after the
            snapshot's is computed as if that day's assignments still held
            (the records say who is assigned on the snapshot's date only),
            with a ``UserWarning`` saying so; the ``jbw`` command refuses
            it. An earlier date warns too: bestaand is too low then.
        period_from, period_to: coupling period (default: the 3 months
            before the date, up to the date).
        coupling_workdays: the coupling norm in werkdagen (default 5).
    """
    own_norm = norm is None
    n = Norm() if own_norm else norm_arg(norm)
    cal = instance(calendar, Calendar, "calendar") if calendar is not None else default_calendar()
    opts = S.CaseloadOptions()
    C.jbw_caseload_options_init(byref(opts), S.CaseloadOptions.VERSION)
    instance(snapshot, Snapshot, "snapshot")
    opts.date = to_days(date, "date")
    opts.period_from = to_days(period_from, "period_from")
    opts.period_to = to_days(period_to, "period_to")
    opts.coupling_workdays = whole(coupling_workdays, "coupling_workdays", 0)
    try:
        handle = new_handle(C.jbw_caseload_compute, snapshot._p, n._p, cal._p, byref(opts))  # type: ignore[union-attr]
    except BaseException:
        if own_norm:
            n.close()  # type: ignore[union-attr]
        raise
    result = CaseloadResult(handle, parents=(snapshot,))
    if own_norm:
        n.close()  # type: ignore[union-attr]  (the result holds a copy)
    result.synthetic = getattr(snapshot, "synthetic", False)
    warn_off_reference(snapshot, opts.date, "compute_caseload")
    return result


# ---- series ---------------------------------------------------------------

@dataclass(frozen=True)
class SeriesPoint:
    """One date of a series (``jbw_series_point``); share_bestaand None when
    the total is 0; changes are since the previous point, None for the first
    (as ``pandas.DataFrame.diff`` leaves the first row NaN, and the
    writers leave it empty or null)."""
    date: _dt.date
    nieuw: int
    bestaand: int
    total: int
    share_bestaand: Optional[float]
    change_nieuw: Optional[int]
    change_bestaand: Optional[int]
    change_total: Optional[int]


class Series(Handle):
    """Children without a fixed jeugdbeschermer over time (``jbw_series``),
    nieuw and bestaand per date, kept in date order."""

    _free = staticmethod(C.jbw_series_free)
    _instead = (
        "use to_records() or to_csv() for its values, or build the series "
        "again")

    def _describe(self) -> str:
        return f"{self.title or 'series'}: {len(self)} points"

    def __init__(self, title: Optional[str] = None, *, _handle: int = 0) -> None:
        super().__init__(_handle or new_handle(C.jbw_series_new, enc(title)))

    @classmethod
    def example_zhz(cls) -> "Series":
        """The published Zuid-Holland Zuid series (seven points,
        2024-09-20 to 2025-09-01)."""
        return cls(_handle=new_handle(C.jbw_example_series_zhz))

    def add(self, date: DateLike, nieuw: int, bestaand: int) -> None:
        """Adds a point (Duplicate when the date is already there).
        ``nieuw`` and ``bestaand`` are whole numbers: a float or a bool
        raises TypeError naming it, a negative count jbw.InvalidArgument."""
        C.jbw_series_add(self._p, to_days(date, "date"),
                         whole(nieuw, "nieuw", 0, 2**64 - 1),
                         whole(bestaand, "bestaand", 0, 2**64 - 1))

    def add_snapshot(self, snapshot: Snapshot, date: DateLike = None,
                     organisation: Optional[str] = None,
                     region: Optional[str] = None) -> None:
        """Adds the point counted from a snapshot on a date (default: its
        reference date), optionally for one organisation or region. Take
        one snapshot (export) per date: on a date before a snapshot's
        reference date bestaand is too low (a measure that lost its worker
        then and has one again later counts as assigned), so points of one
        snapshot on earlier dates show a rise that did not happen."""
        instance(snapshot, Snapshot, "snapshot")
        day = to_days(date) if date is not None else C.jbw_snapshot_reference_date(snapshot._p)
        C.jbw_series_add_snapshot(self._p, snapshot._p, day,
                                  enc_arg(organisation, "organisation", optional=True),
                                  enc_arg(region, "region", optional=True))

    @property
    def title(self) -> Optional[str]:
        """The series' title."""
        return dec(C.jbw_series_title(self._p))

    @property
    def counts_measures(self) -> bool:
        """True when every point was counted from a snapshot
        (``add_snapshot``): measures without a fixed jeugdbeschermer;
        False when a point was given as counts (a published series counts
        children, "jeugdigen") or the series is empty."""
        return bool(C.jbw_series_counts_measures(self._p))

    @property
    def data_notice(self) -> Optional[str]:
        """Where the figures come from when they are not the caller's own:
        "PUBLISHED figures: ..." with the source for the published
        Zuid-Holland Zuid series, the synthetic notice for points counted
        from the embedded example; None otherwise. Every writer and the
        series chart carry it."""
        return dec(C.jbw_series_data_notice(self._p))

    @data_notice.setter
    def data_notice(self, notice: Optional[str]) -> None:
        C.jbw_series_set_data_notice(self._p, enc(notice))

    def __len__(self) -> int:
        return C.jbw_series_count(self._p)

    def __getitem__(self, index: Any) -> Any:
        """The point at ``index`` as in a list (negative from the end); a
        slice gives a list."""
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        index = seq_index(index, len(self), "series")
        pt = S.SeriesPointC(version=S.SeriesPointC.VERSION)
        C.jbw_series_get(byref(pt), self._p, index)
        first = index == 0  # no point before it, so no change
        return SeriesPoint(from_days(pt.date), pt.nieuw, pt.bestaand, pt.total,  # type: ignore[arg-type]
                           _nan_to_none(pt.share_bestaand),
                           None if first else pt.change_nieuw,
                           None if first else pt.change_bestaand,
                           None if first else pt.change_total)

    def __iter__(self) -> Iterator[SeriesPoint]:
        for i in range(len(self)):
            yield self[i]

    def points(self) -> List[SeriesPoint]:
        """Every point, in date order."""
        return list(self)

    def to_csv(self) -> str:
        """CSV: date,nieuw,bestaand,total,share_bestaand,change_... (and
        data_notice when the series has one)."""
        return take_string(C.jbw_series_csv, self._p)

    def to_json(self) -> str:
        """JSON {"data_notice" (when set), "title", "points": [...]}."""
        return take_string(C.jbw_series_json, self._p)

    def to_text(self, lang: Any = "nl") -> str:
        """A text table, in Dutch (default) or English (``lang``: "nl",
        "en" or a :class:`Lang`)."""
        from .waitrisk import Lang
        return take_string(C.jbw_series_text_lang, self._p, int(Lang.coerce(lang)))

    def to_dict(self) -> Dict[str, Any]:
        """The library's JSON as a dict."""
        return json.loads(self.to_json())

    def to_records(self) -> List[Dict[str, Any]]:
        """One flat dict per point (for pandas); with a ``data_notice``
        field in each when the series has a notice, as its CSV."""
        return with_notice([record(p) for p in self], self.data_notice)
