"""Measure kinds (maatregelen) and the worker and measure records
(``jbw/measure.h``).

Kind values and codes ("OTS") are stable. Identifiers in records are the
caller's pseudonyms: there are no name or BSN fields, by design.
"""
from __future__ import annotations

import datetime as _dt
import enum
from ctypes import byref, c_int
from dataclasses import dataclass
from typing import Optional, Type, TypeVar, Union

from . import _structs as S
from ._lib import C
from ._util import DateLike, FieldsOnly, dec, dec_opt, enc, from_days, number, to_days, whole

__all__ = ["Kind", "Domain", "Safety", "Placement", "JrRisk", "YesNo",
           "Worker", "Measure", "kind_count"]

E = TypeVar("E", bound="_Coded")


class _Coded(enum.IntEnum):
    """An enum with a stable file code, read from the library."""

    # _code_fn / _from_fn (the library's code and from_code functions) are
    # set on each subclass after its creation: names in an enum body would
    # become members.

    @property
    def code(self) -> str:
        """The stable code used in files ("OTS", "unsafe")."""
        return dec(type(self)._code_fn(int(self))) or ""

    @classmethod
    def from_code(cls: Type[E], code: str) -> E:
        """Looks a value up by its code, case-insensitively where the library
        allows it. Raises NotFound / ParseError with the library's message."""
        out = c_int()
        raw = code.encode("utf-8")
        cls._from_fn(byref(out), raw, len(raw))
        return cls(out.value)

    @classmethod
    def coerce(cls: Type[E], value: Union[int, str, "E"]) -> E:
        """Accepts a member, its int value or its code; a bool is refused
        (True would be the member of value 1)."""
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            return cls.from_code(value)
        if isinstance(value, bool):
            raise TypeError(f"{cls.__name__} is a member, its code or its int "
                            f"value, not {value!r}")
        return cls(value)

    def __str__(self) -> str:
        return self.code


class Domain(enum.IntEnum):
    """Legal domain of a kind (``jbw_domain``)."""
    JB = 1  #: jeugdbescherming (civil law)
    JR = 2  #: jeugdreclassering (criminal law)


class Kind(_Coded):
    """Measure kind (``jbw_kind``). ``Kind.OTS.code == "OTS"``."""
    OTS = 0
    VOTS = 1
    VOOGDIJ = 2
    VOORLOPIGE_VOOGDIJ = 3
    TIJDELIJKE_VOOGDIJ = 4
    JR_TB_GEDWONGEN = 5
    JR_TB_VRIJWILLIG = 6
    JR_ITB_HARDE_KERN = 7
    JR_ITB_CRIEM = 8
    JR_STP = 9
    JR_GBM = 10
    JR_VGBM = 11

    @property
    def dutch_name(self) -> str:
        """The Dutch name ("ondertoezichtstelling"). (``name`` is the Python
        member name, as for every enum.)"""
        return dec(C.jbw_kind_name(int(self))) or ""

    @property
    def domain(self) -> Domain:
        """Jeugdbescherming or jeugdreclassering."""
        return Domain(C.jbw_kind_domain(int(self)))

    @property
    def ijw_category(self) -> int:
        """iJw product category: 48 (jeugdbescherming) or 47 (jeugdreclassering)."""
        return C.jbw_kind_ijw_category(int(self))

    @property
    def is_emergency(self) -> bool:
        """True for the emergency measures (VOTS, voorlopige voogdij)."""
        return bool(C.jbw_kind_is_emergency(int(self)))


class Safety(_Coded):
    """Safety assessment (``jbw_safety``)."""
    UNKNOWN = 0   #: not assessed
    SAFE = 1
    CONCERNS = 2
    UNSAFE = 3    #: structurally unsafe
    ACUTE = 4     #: directe onveiligheid


class Placement(_Coded):
    """Out-of-home placement (``jbw_placement``)."""
    NONE = 0
    PLACED = 1    #: machtiging uithuisplaatsing (MUHP)
    CRISIS = 2


class JrRisk(_Coded):
    """Jeugdreclassering risk level (``jbw_jr_risk``)."""
    UNKNOWN = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3


class YesNo(_Coded):
    """A yes / no / unknown answer (``jbw_yesno``); from_code also takes
    the Dutch "ja", "nee", "onbekend" and "" for unknown."""
    UNKNOWN = 0
    NO = 1
    YES = 2


def band_value(value: Union[None, int, str], name: str = "override_band") -> int:
    """A band as the C value: -1 for None (no override), 0..3 for an int or
    a band code ("laag", "midden", "hoog", "acuut")."""
    if value is None:
        return -1
    if isinstance(value, str):
        out = c_int()
        raw = value.encode("utf-8")
        C.jbw_band_from_code(byref(out), raw, len(raw))
        return out.value
    return whole(value, name, -1, 3)


def band_code(value: int) -> Optional[str]:
    """The code of a C band value; None for -1 (no override)."""
    return None if value < 0 else dec(C.jbw_band_code(value))


Kind._code_fn, Kind._from_fn = C.jbw_kind_code, C.jbw_kind_from_code
YesNo._code_fn, YesNo._from_fn = C.jbw_yesno_code, C.jbw_yesno_from_code
Safety._code_fn, Safety._from_fn = C.jbw_safety_code, C.jbw_safety_from_code
Placement._code_fn, Placement._from_fn = C.jbw_placement_code, C.jbw_placement_from_code
JrRisk._code_fn, JrRisk._from_fn = C.jbw_jr_risk_code, C.jbw_jr_risk_from_code


def kind_count() -> int:
    """Number of kinds the loaded library knows (JBW_KIND_COUNT)."""
    return C.jbw_kind_count()


def as_date(value: DateLike, name: str) -> Optional[_dt.date]:
    """A record's date field as ``datetime.date`` (strings parsed by the
    library, ISO or Dutch; None stays None); TypeError names the field."""
    return from_days(to_days(value, name))


_MEASURE_DATES = ("start", "end", "first_assigned", "waiting_since", "birth_date",
                  "last_contact", "term_end", "help_requested", "help_started")


@dataclass
class Worker(FieldsOnly):
    """A jeugdbeschermer or jeugdreclasseerder (``jbw_worker``).

    ``leaving`` is the first day no longer employed (None: employed).
    Dates may be given as ``datetime.date`` or as a date string (ISO or
    Dutch) and are held as ``datetime.date``; ``fte`` may be given as text
    as in workers.csv ("0.8" or "0,8") and is held as a float.
    """
    id: str
    organisation: str
    hired: Optional[_dt.date]
    fte: float = 1.0
    region: Optional[str] = None
    leaving: Optional[_dt.date] = None

    def __post_init__(self) -> None:
        self.fte = number(self.fte, "fte", text=True)
        self.hired = as_date(self.hired, "hired")
        self.leaving = as_date(self.leaving, "leaving")

    def _to_c(self) -> S.WorkerC:
        w = S.WorkerC()
        C.jbw_worker_init(byref(w), S.WorkerC.VERSION)
        w.id = enc(self.id)
        w.organisation = enc(self.organisation)
        w.region = enc(self.region)
        w.fte = number(self.fte, "fte", text=True)
        w.hired = to_days(self.hired, "hired")
        w.leaving = to_days(self.leaving, "leaving")
        return w

    @classmethod
    def _from_c(cls, w: S.WorkerC) -> "Worker":
        return cls(id=dec(w.id) or "", organisation=dec(w.organisation) or "",
                   hired=from_days(w.hired), fte=w.fte,
                   region=dec_opt(w.region), leaving=from_days(w.leaving))


@dataclass
class Measure(FieldsOnly):
    """One measure (maatregel) on one child: one row of measures.csv
    (``jbw_measure``). ``kind``, ``safety``, ``placement`` and ``jr_risk``
    accept the enum, its int value or its code ("OTS", "unsafe"). Dates may
    be given as date strings and are held as ``datetime.date``.
    """
    id: str
    child_id: str
    kind: Kind
    organisation: str
    region: str
    start: Optional[_dt.date]
    end: Optional[_dt.date] = None
    family_id: Optional[str] = None
    worker_id: Optional[str] = None
    first_assigned: Optional[_dt.date] = None
    waiting_since: Optional[_dt.date] = None
    previous_workers: int = 0
    safety: Safety = Safety.UNKNOWN
    placement: Placement = Placement.NONE
    birth_date: Optional[_dt.date] = None
    last_contact: Optional[_dt.date] = None
    jr_risk: JrRisk = JrRisk.UNKNOWN
    #: record version 2: the inputs of waiting-risk model version 2 and
    #: the professional override (a band code and its written reason)
    safety_plan: YesNo = YesNo.UNKNOWN
    other_help: YesNo = YesNo.UNKNOWN
    domestic_violence: YesNo = YesNo.UNKNOWN
    term_end: Optional[_dt.date] = None
    override_band: Optional[str] = None
    override_reason: Optional[str] = None
    #: record version 3: waiting for suitable help, the day the GI asked
    #: for it (not before start) and the day it began (not before the
    #: request)
    help_requested: Optional[_dt.date] = None
    help_started: Optional[_dt.date] = None

    def __post_init__(self) -> None:
        self.kind = Kind.coerce(self.kind)
        self.safety = Safety.coerce(self.safety)
        self.placement = Placement.coerce(self.placement)
        self.jr_risk = JrRisk.coerce(self.jr_risk)
        self.safety_plan = YesNo.coerce(self.safety_plan)
        self.other_help = YesNo.coerce(self.other_help)
        self.domestic_violence = YesNo.coerce(self.domestic_violence)
        self.override_band = band_code(band_value(self.override_band))
        self.previous_workers = whole(self.previous_workers, "previous_workers", 0)
        for name in _MEASURE_DATES:
            setattr(self, name, as_date(getattr(self, name), name))

    def _to_c(self) -> S.MeasureC:
        m = S.MeasureC()
        C.jbw_measure_init(byref(m), S.MeasureC.VERSION)
        m.id = enc(self.id)
        m.child_id = enc(self.child_id)
        m.family_id = enc(self.family_id)
        m.kind = int(self.kind)
        m.organisation = enc(self.organisation)
        m.region = enc(self.region)
        m.start = to_days(self.start, "start")
        m.end = to_days(self.end, "end")
        m.worker_id = enc(self.worker_id)
        m.first_assigned = to_days(self.first_assigned, "first_assigned")
        m.waiting_since = to_days(self.waiting_since, "waiting_since")
        m.previous_workers = whole(self.previous_workers, "previous_workers", 0)
        m.safety = int(self.safety)
        m.placement = int(self.placement)
        m.birth_date = to_days(self.birth_date, "birth_date")
        m.last_contact = to_days(self.last_contact, "last_contact")
        m.jr_risk = int(self.jr_risk)
        m.safety_plan = int(self.safety_plan)
        m.other_help = int(self.other_help)
        m.domestic_violence = int(self.domestic_violence)
        m.term_end = to_days(self.term_end, "term_end")
        m.override_band = band_value(self.override_band)
        m.override_reason = enc(self.override_reason)
        m.help_requested = to_days(self.help_requested, "help_requested")
        m.help_started = to_days(self.help_started, "help_started")
        return m

    @classmethod
    def _from_c(cls, m: S.MeasureC) -> "Measure":
        return cls(id=dec(m.id) or "", child_id=dec(m.child_id) or "",
                   kind=Kind(m.kind), organisation=dec(m.organisation) or "",
                   region=dec(m.region) or "", start=from_days(m.start),
                   end=from_days(m.end), family_id=dec_opt(m.family_id),
                   worker_id=dec_opt(m.worker_id),
                   first_assigned=from_days(m.first_assigned),
                   waiting_since=from_days(m.waiting_since),
                   previous_workers=m.previous_workers, safety=Safety(m.safety),
                   placement=Placement(m.placement),
                   birth_date=from_days(m.birth_date),
                   last_contact=from_days(m.last_contact),
                   jr_risk=JrRisk(m.jr_risk), safety_plan=YesNo(m.safety_plan),
                   other_help=YesNo(m.other_help),
                   domestic_violence=YesNo(m.domestic_violence),
                   term_end=from_days(m.term_end),
                   override_band=band_code(m.override_band),
                   override_reason=dec_opt(m.override_reason),
                   help_requested=from_days(m.help_requested),
                   help_started=from_days(m.help_started))
