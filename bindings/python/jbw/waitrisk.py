"""The waiting-risk model ("schadelijk wachten"): scoring, explanation,
ranking, triage of a snapshot's waiting list and the allocation proposal
(``jbw/waitrisk.h``).

The model is libjbw's own explainable points checklist, not a national
standard or a validated instrument; it supports people who decide (see
docs/model-card.md). Every :class:`Score` carries its items, points and
reasons so a person can check and contest it.

Batch scoring moves the whole array in one library call. For the fastest
path build a :class:`WaitCaseArray` once (from dataclasses or from columns)
and score it with :meth:`WaitRiskModel.score_array`.
"""
from __future__ import annotations

import array
import ctypes
import datetime as _dt
import enum
import itertools
import json
import numbers
import operator
import os
from ctypes import (byref, c_char_p, c_double, c_int, c_size_t, c_void_p,
                    create_string_buffer)
from dataclasses import dataclass
from typing import (Any, Callable, Dict, Iterable, List, Optional, Sequence,
                    Tuple, Union)

from . import _structs as S
from ._lib import C
from ._util import (DateLike, FieldsOnly, Handle, dec, dec_opt, enc, from_days, instance,
                    missing, new_handle, path_arg, seq_index, take_string, text_arg, to_days,
                    whole)
from .caseload import Norm, norm_arg, record, warn_off_reference, with_notice
from .dates import Calendar, default_calendar
from .errors import Error, InvalidArgument
from .measure import JrRisk, Kind, Placement, Safety, YesNo, band_code, band_value, as_date
from .snapshot import MeasureState, Snapshot

__all__ = ["Band", "Item", "Lang", "UnassignedReason", "WaitCase", "ScoreItem",
           "Score", "WaitRiskModel", "WaitCaseArray", "ScoreArray", "rank",
           "Triage", "TriageEntry", "Allocation", "AllocationLine",
           "AllocationWorker"]

ITEM_COUNT = 12  #: items this library knows (JBW_ITEM_COUNT; model version 1 scores 8)
_REASON_SIZE = 256


class Band(enum.IntEnum):
    """Risk band (``jbw_band``), lowest first."""
    LAAG = 0    #: in order; contact every 20 werkdagen
    MIDDEN = 1  #: within 6 weeks; contact every 10 werkdagen
    HOOG = 2    #: fixed worker within 5 werkdagen; contact every 5
    ACUUT = 3   #: noodoplossing the same working day; daily contact

    @property
    def code(self) -> str:
        """"laag", "midden", "hoog", "acuut"."""
        return dec(C.jbw_band_code(int(self))) or ""

    def __str__(self) -> str:
        return self.code


class Item(enum.IntEnum):
    """Checklist items (``jbw_item``)."""
    ACUTE = 0
    SAFETY = 1
    MEASURE = 2
    TIME_WAITED = 3
    BESTAAND = 4
    AGE = 5
    NO_CONTACT = 6
    HANDOVERS = 7
    SAFETY_PLAN = 8         #: model version 2
    OTHER_HELP = 9          #: model version 2
    DOMESTIC_VIOLENCE = 10  #: model version 2
    TERM_END = 11           #: model version 2

    @property
    def code(self) -> str:
        """Stable item id ("safety", "time_waited")."""
        return dec(C.jbw_item_code(int(self))) or ""

    def __str__(self) -> str:
        return self.code


class Lang(enum.IntEnum):
    """Language of reasons (``jbw_lang``)."""
    NL = 0
    EN = 1

    @classmethod
    def coerce(cls, value: Union["Lang", int, str]) -> "Lang":
        """Accepts Lang, 0/1 or "nl"/"en"."""
        if isinstance(value, str):
            try:
                return cls[value.upper()]
            except KeyError:
                raise ValueError(f"language is 'nl' or 'en', not {value!r}") from None
        return cls(value)


class UnassignedReason(enum.IntEnum):
    """Why the allocation left a case unassigned (``jbw_unassigned_reason``)."""
    NO_CAPACITY = 1  #: no worker of the organisation has enough free capacity
    NO_WORKER = 2    #: the organisation has no worker employed on the date


#: How the reasons of one case are joined in one field: the same in the
#: library's CSV and in :meth:`TriageEntry.to_record`.
REASON_SEPARATOR = " | "

@dataclass
class WaitCase(FieldsOnly):
    """One waiting child's measure, the input to scoring (``jbw_wait_case``).

    Identifiers are only used for ranking ties, siblings and allocation;
    they are never scored. ``previous_workers > 0`` makes the case bestaand.
    """
    id: str
    child_id: str
    waiting_since: Optional[_dt.date]
    kind: Kind = Kind.OTS
    family_id: Optional[str] = None
    organisation: Optional[str] = None
    region: Optional[str] = None
    safety: Safety = Safety.UNKNOWN
    placement: Placement = Placement.NONE
    jr_risk: JrRisk = JrRisk.UNKNOWN
    birth_date: Optional[_dt.date] = None
    last_contact: Optional[_dt.date] = None
    previous_workers: int = 0
    #: record version 2: the inputs of model version 2, and the
    #: professional override (a band code or Band, with its written reason)
    safety_plan: YesNo = YesNo.UNKNOWN
    other_help: YesNo = YesNo.UNKNOWN
    domestic_violence: YesNo = YesNo.UNKNOWN
    term_end: Optional[_dt.date] = None
    override_band: Optional[str] = None
    override_reason: Optional[str] = None

    def __post_init__(self) -> None:
        self.kind = Kind.coerce(self.kind)
        self.safety = Safety.coerce(self.safety)
        self.placement = Placement.coerce(self.placement)
        self.jr_risk = JrRisk.coerce(self.jr_risk)
        self.previous_workers = whole(self.previous_workers, "previous_workers", 0)
        self.safety_plan = YesNo.coerce(self.safety_plan)
        self.other_help = YesNo.coerce(self.other_help)
        self.domestic_violence = YesNo.coerce(self.domestic_violence)
        self.override_band = band_code(band_value(self.override_band))
        for name in ("waiting_since", "birth_date", "last_contact", "term_end"):
            setattr(self, name, as_date(getattr(self, name), name))

    def _to_c(self) -> S.WaitCaseC:
        c = S.WaitCaseC()
        C.jbw_wait_case_init(byref(c), S.WaitCaseC.VERSION)
        c.id = enc(self.id)
        c.child_id = enc(self.child_id)
        c.family_id = enc(self.family_id)
        c.organisation = enc(self.organisation)
        c.region = enc(self.region)
        c.kind = int(self.kind)
        c.safety = int(self.safety)
        c.placement = int(self.placement)
        c.jr_risk = int(self.jr_risk)
        c.waiting_since = to_days(self.waiting_since, "waiting_since")
        c.birth_date = to_days(self.birth_date, "birth_date")
        c.last_contact = to_days(self.last_contact, "last_contact")
        c.previous_workers = whole(self.previous_workers, "previous_workers", 0)
        c.safety_plan = int(self.safety_plan)
        c.other_help = int(self.other_help)
        c.domestic_violence = int(self.domestic_violence)
        c.term_end = to_days(self.term_end, "term_end")
        c.override_band = band_value(self.override_band)
        c.override_reason = enc(self.override_reason)
        return c

    @classmethod
    def _from_c(cls, c: S.WaitCaseC) -> "WaitCase":
        return cls(id=dec(c.id) or "", child_id=dec(c.child_id) or "",
                   waiting_since=from_days(c.waiting_since), kind=Kind(c.kind),
                   family_id=dec_opt(c.family_id), organisation=dec_opt(c.organisation),
                   region=dec_opt(c.region), safety=Safety(c.safety),
                   placement=Placement(c.placement), jr_risk=JrRisk(c.jr_risk),
                   birth_date=from_days(c.birth_date),
                   last_contact=from_days(c.last_contact),
                   previous_workers=c.previous_workers,
                   safety_plan=YesNo(c.safety_plan), other_help=YesNo(c.other_help),
                   domestic_violence=YesNo(c.domestic_violence),
                   term_end=from_days(c.term_end),
                   override_band=band_code(c.override_band),
                   override_reason=dec_opt(c.override_reason))


@dataclass(frozen=True)
class ScoreItem:
    """One item that scored: its id, points and the reason in Dutch and
    English (None when reasons were not asked for)."""
    item: Item
    points: int
    reason_nl: Optional[str] = None
    reason_en: Optional[str] = None

    def reason(self, lang: Union[Lang, str] = Lang.NL) -> Optional[str]:
        """The reason in one language."""
        return self.reason_en if Lang.coerce(lang) == Lang.EN else self.reason_nl


@dataclass(frozen=True)
class Score:
    """The score of one case (``jbw_score``) with its scoring items."""
    case_id: str
    points: int
    band: Band
    workdays_waiting: int
    workdays_no_contact: int
    age_years: Optional[int]
    next_contact_due: Optional[_dt.date]
    items: Tuple[ScoreItem, ...] = ()
    #: an unborn child (model version 2; age_years is None then)
    unborn: bool = False

    @property
    def item_points(self) -> Dict[Item, int]:
        """Points per scoring item."""
        return {i.item: i.points for i in self.items}

    def reasons(self, lang: Union[Lang, str] = Lang.NL) -> List[str]:
        """The reasons of the scoring items, in one language. A score made
        without its reasons (``score_batch`` without ``reasons=True``,
        ``ScoreArray``) raises ValueError rather than give an empty list,
        which would read as "no reasons"."""
        texts = [i.reason(lang) for i in self.items]
        if texts and all(t is None for t in texts):
            raise ValueError("this score was made without its reasons: use "
                             "score_batch(..., reasons=True) or WaitRiskModel.score(case)")
        return [t for t in texts if t]

    def to_dict(self) -> Dict[str, Any]:
        """Plain dict (items as a list of dicts)."""
        d = record(self)
        d["items"] = [record(i) for i in self.items]
        return d

    def _to_c(self) -> S.ScoreC:
        s = S.ScoreC(version=S.ScoreC.VERSION, points=self.points, band=int(self.band),
                     workdays_waiting=self.workdays_waiting,
                     workdays_no_contact=self.workdays_no_contact,
                     age_years=(-2 if self.unborn else
                                -1 if self.age_years is None else self.age_years),
                     next_contact_due=to_days(self.next_contact_due))
        bits = 0
        for i in self.items:
            bits |= 1 << int(i.item)
            s.item_points[int(i.item)] = i.points
        s.items = bits
        return s


def _reason(model: int, case: Any, score: Any, item: int, lang: int,
            buf: Any) -> Optional[str]:
    C.jbw_waitrisk_reason(buf, _REASON_SIZE, model, case, score, item, lang)
    return buf.value.decode("utf-8", "replace") or None


_BANDS = tuple(Band)
_ITEMS = tuple(Item)


def _score_from_c(s: S.ScoreC, case_id: str, model: Optional[int] = None,
                  case_ref: Any = None, score_ref: Any = None) -> Score:
    """A Score from the C struct; reasons are filled when ``model`` is given
    (``case_ref``/``score_ref`` point at the C case and score)."""
    bits = s.items
    points = list(s.item_points)
    items = []
    buf = create_string_buffer(_REASON_SIZE) if model else None
    for i in range(S.ITEM_SLOTS):
        if bits >> i & 1:
            item = _ITEMS[i] if i < len(_ITEMS) else i
            if model:
                nl = _reason(model, case_ref, score_ref, i, Lang.NL, buf)
                en = _reason(model, case_ref, score_ref, i, Lang.EN, buf)
                items.append(ScoreItem(item, points[i], nl, en))  # type: ignore[arg-type]
            else:
                items.append(ScoreItem(item, points[i]))  # type: ignore[arg-type]
    age = s.age_years
    return Score(case_id, s.points, _BANDS[s.band], s.workdays_waiting,
                 s.workdays_no_contact, None if age < 0 else age,
                 from_days(s.next_contact_due), tuple(items), age == -2)


def _scores_from_ints(values: List[int], ids: List[str]) -> List[Score]:
    """Scores from the int32 words of a jbw_score array (every field of
    jbw_score is a 32-bit integer), without a ctypes object per case."""
    stride = _SCORE_SIZE // 4
    o_points = S.ScoreC.points.offset // 4
    o_band = S.ScoreC.band.offset // 4
    o_ww = S.ScoreC.workdays_waiting.offset // 4
    o_wnc = S.ScoreC.workdays_no_contact.offset // 4
    o_age = S.ScoreC.age_years.offset // 4
    o_due = S.ScoreC.next_contact_due.offset // 4
    o_items = S.ScoreC.items.offset // 4
    o_ip = S.ScoreC.item_points.offset // 4
    n_items = len(_ITEMS)
    # Items without reasons are immutable and repeat: share one object per
    # (item, points), and the set bits' indices per bit pattern.
    item_cache: Dict[Tuple[int, int], ScoreItem] = {}
    bit_cache: Dict[int, Tuple[int, ...]] = {}
    out = []
    for k, case_id in enumerate(ids):
        b = k * stride
        bits = values[b + o_items] & 0xFFFFFFFF
        which = bit_cache.get(bits)
        if which is None:
            which = bit_cache[bits] = tuple(i for i in range(S.ITEM_SLOTS) if bits >> i & 1)
        items = []
        for i in which:
            key = (i, values[b + o_ip + i])
            it = item_cache.get(key)
            if it is None:
                it = item_cache[key] = ScoreItem(_ITEMS[i] if i < n_items else i, key[1])  # type: ignore[arg-type]
            items.append(it)
        age = values[b + o_age]
        out.append(Score(case_id, values[b + o_points], _BANDS[values[b + o_band]],
                         values[b + o_ww], values[b + o_wnc], None if age < 0 else age,
                         from_days(values[b + o_due]), tuple(items), age == -2))
    return out


# ---- prepared arrays --------------------------------------------------------

_CASE_SIZE = ctypes.sizeof(S.WaitCaseC)
_SCORE_SIZE = ctypes.sizeof(S.ScoreC)
_DATE_COLUMNS = ("waiting_since", "birth_date", "last_contact", "term_end")
_DEFAULTS: List[bytes] = []


def _case_defaults() -> bytes:
    """The bytes of one jbw_wait_case as jbw_wait_case_init sets it."""
    if not _DEFAULTS:
        c = S.WaitCaseC()
        C.jbw_wait_case_init(byref(c), S.WaitCaseC.VERSION)
        _DEFAULTS.append(bytes(c))
    return _DEFAULTS[0]


_ENUM_COLUMNS = {"kind": Kind, "safety": Safety, "placement": Placement, "jr_risk": JrRisk,
                 "safety_plan": YesNo, "other_help": YesNo, "domestic_violence": YesNo}
_STRING_COLUMNS = ("id", "child_id", "family_id", "organisation", "region",
                   "override_reason")


_INT_FORMATS = frozenset("bhilqnBHILQN")


def _machine_ints(values: Any) -> Optional[array.array]:
    """A one-dimensional buffer of machine integers in native order (a
    numpy int32 or int64 array, an ``array('q')``) as an array('i'): a
    copy of its bytes when they are 32-bit ints, else one conversion of
    the whole buffer to ints, never an object per value of its own type
    (a numpy scalar costs 10x more). None for anything else."""
    if isinstance(values, (str, bytes, bytearray, list, tuple)):
        return None
    try:
        view = memoryview(values)
    except TypeError:
        return None
    with view:
        code = view.format[1:] if view.format[:1] in "@=" else view.format
        if view.ndim != 1 or not view.c_contiguous or code not in _INT_FORMATS:
            return None
        if code in "il" and view.itemsize == 4:
            out = array.array("i")
            out.frombytes(view.cast("B"))
            return out
        return array.array("i", view.tolist())  # OverflowError past int32


def _int_column(values: Sequence[Any], convert: Callable[[Any], int],
                text: Optional[Callable[[Sequence[Any]], Optional[bytes]]] = None
                ) -> Union[array.array, bytes]:
    """The values as an array('i'): ints and IntEnums in one C-level copy,
    else each converted by ``convert``; with ``text``, a column of strings
    is given as ``text(values)`` for the library to read instead."""
    if isinstance(values, array.array) and values.typecode in "il":
        return values if values.typecode == "i" else array.array("i", values)
    machine = _machine_ints(values)
    if machine is not None:
        return machine
    try:
        return array.array("i", values)  # ints and IntEnums
    except TypeError:
        pass
    joined = text(values) if text is not None else None
    if joined is not None:
        return joined
    return array.array("i", [convert(v) for v in values])


def _where(err: Exception, name: str, values: Sequence[Any],
           convert: Callable[[Any], Any], ids: Optional[Sequence[Any]]) -> Exception:
    """``err`` of a column conversion again, naming the column and the row
    (and its id) of the first value that fails: a column of 100,000 kinds
    with one typo otherwise says only what the typo is."""
    for i, v in enumerate(values):
        try:
            convert(v)
        except Exception:  # the first bad value, whatever it raises
            break
    else:
        return err
    where = f"column {name!r}, row {i}"
    if ids is not None and i < len(ids) and ids[i] is not None:
        where += f" (id {ids[i]!r})"
    if isinstance(err, Error):
        return type(err)(err.status, f"{where}: {err.detail}", err.strerror)
    try:
        return type(err)(f"{where}: {err}")
    except Exception:  # an exception type that takes other arguments
        return err


_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
_to_ordinal = _dt.date.toordinal  # refuses what is not a date (TypeError)


def _joined(values: Sequence[Any], none_as_empty: bool = False) -> Optional[bytes]:
    """The values as one text of NUL-terminated UTF-8 strings (the form
    jbw_wait_cases_set_text reads), joined and encoded in C; None when a
    value is not a str (or None, with ``none_as_empty``, which then gives
    ""). A value holding a NUL of its own makes the library refuse it."""
    if isinstance(values, (str, bytes)):
        return None
    try:
        joined = "\0".join(values)
    except TypeError:  # a value that is not a str
        if not none_as_empty:
            return None
        try:
            joined = "\0".join(["" if v is None else v for v in values])
        except TypeError:
            return None
    return (joined + "\0").encode("utf-8")


def _converted(name: str, values: Sequence[Any], column: Callable[[Sequence[Any]], Any],
               convert: Callable[[Any], Any], ids: Optional[Sequence[Any]]) -> Any:
    """``column(values)``; an error names the column, the row and the id of
    the first value ``convert`` refuses (see :func:`_where`)."""
    try:
        return column(values)
    except Exception as err:
        raise _where(err, name, values, convert, ids) from None


def _days_column(values: Sequence[Any]) -> Union[array.array, bytes]:
    """Dates (or ISO strings, None) as jbw_date day numbers, or as the
    text jbw_wait_cases_set_text parses when they are date strings (None:
    no date); an array('i') is taken as day numbers already."""
    if isinstance(values, array.array):
        return _int_column(values, int)
    if not isinstance(values, (list, tuple)):
        values = list(values)  # `in` below asks for a value, not an index label
    try:  # dates, datetimes and None: one comprehension, no call per value
        none = S.DATE_NONE
        return array.array("i", [none if v is None else _to_ordinal(v) - _EPOCH_ORDINAL
                                 for v in values])
    except TypeError:
        pass
    # "" is refused as a date here, but reads as no date in the library
    text = _joined(values, none_as_empty=True) if "" not in values else None
    if text is not None:
        return text
    return array.array("i", [to_days(v) for v in values])


def _absent(value: Any) -> bool:
    """None, a float NaN (pandas' missing value in an object column),
    pandas' NA or NaT (its missing date): no value."""
    return value is None or missing(value)


def _count_value(value: Any) -> int:
    """A value of a count column (``previous_workers``) as an int: an int
    (or anything with ``__index__``), a float with a whole value (pandas
    holds a column of whole numbers with gaps as floats: 2.0) or the text
    of a whole number ("2", as the file's field). A fraction (1.5, "1.5")
    raises, never truncated; :func:`_where` adds the column, row and id."""
    if isinstance(value, str):
        return int(value)  # "1.5" raises ValueError
    try:
        return operator.index(value)
    except TypeError:
        pass
    try:
        i = int(value)  # a float (or a numpy float): inf and NaN raise here
    except (TypeError, ValueError, OverflowError) as err:
        raise type(err)(f"not a whole number: {value!r}") from None
    if i != value:
        raise TypeError(f"not a whole number: {value!r} (fractions are refused, "
                        f"not rounded)")
    return i


def _band_cell(value: Any) -> int:
    """A value of the ``override_band`` column as the C value: what
    :func:`band_value` takes (a band code, an int -1..3, None or -1 for no
    override), and a float with a whole value (pandas holds a column of
    band numbers with gaps as floats: 2.0; the gaps, NaN, are read as no
    override before this). A fraction (1.5) or a number outside -1..3
    raises, never truncated; :func:`_where` adds the column, row and id."""
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        try:
            whole_value = int(value)  # a float, numpy's float32 or float64
        except (ValueError, OverflowError):  # inf: refused below
            whole_value = None
        if whole_value is not None and whole_value == value:
            value = whole_value
    return band_value(value)


def _gaps_filled(values: Sequence[Any], fill: Any) -> Optional[List[Any]]:
    """The values with each absent one (see :func:`_absent`) as ``fill``,
    or None when none is absent. pandas reads an empty CSV field as NaN
    (NaT in a date column): no value, as the field means in a file."""
    if isinstance(values, array.array):
        return None
    values = values if isinstance(values, (list, tuple)) else list(values)
    if not any(map(_absent, values)):
        return None
    return [fill if _absent(v) else v for v in values]


def _gaps_as(values: Sequence[Any], fill: Any, build: Callable[[Sequence[Any]], Any]) -> Any:
    """``build(values)``; when it fails and values has gaps (see
    :func:`_gaps_filled`), ``build`` of the values with the gaps as
    ``fill``. The usual column, without gaps, pays nothing for it."""
    try:
        return build(values)
    except Exception:
        filled = _gaps_filled(values, fill)
        if filled is None:
            raise
    return build(filled)


def _default_of(name: str) -> int:
    """A wait-case field's value as jbw_wait_case_init sets it."""
    return getattr(S.WaitCaseC.from_buffer_copy(_case_defaults()), name)


#: The day number date.toordinal gives pandas' NaT (a datetime of 1-1-1):
#: a date the library refuses anyway, so a column holding it is looked at.
_NAT_DAYS = 1 - _EPOCH_ORDINAL


def _text_values(name: str, values: Sequence[Any],
                 ids: Optional[Sequence[Any]]) -> List[Optional[str]]:
    """A text column as a list of its values (a pandas Series' ``in`` and
    ``[]`` look at its index, not its values): absent values (see
    :func:`_absent`) become None; a value that is not a str raises
    TypeError, and a str holding a NUL (which would cut it short in the
    library) ValueError, naming the column, the row (and its id) and the
    value."""
    out: List[Optional[str]] = []

    def where(i: int) -> str:
        w = f"column {name!r}, row {i}"
        if ids is not None and i < len(ids) and isinstance(ids[i], str):
            w += f" (id {ids[i]!r})"
        return w

    for i, v in enumerate(values):
        if isinstance(v, str):
            if "\0" in v:
                raise ValueError(f"{where(i)}: a text may not hold a NUL "
                                 f"character: {v!r}")
            out.append(v)
        elif _absent(v):
            out.append(None)
        else:
            raise TypeError(f"{where(i)}: expected a str or None, not "
                            f"{type(v).__name__} {v!r}")
    return out


def _string_column(values: List[Optional[str]]) -> Tuple[bytes, array.array]:
    """One buffer of NUL-terminated UTF-8 strings and the address of each
    (0 for None), of values :func:`_text_values` has checked. The buffer
    must stay alive while the addresses are used."""
    if None not in values:
        # The usual column, ASCII ids without None: one join and one
        # encode, and the addresses summed by C-level iterators.
        joined = "\0".join(values) + "\0"
        blob = joined.encode("utf-8")
        if len(blob) == len(joined):  # ASCII: a character is a byte
            base = ctypes.cast(c_char_p(blob), c_void_p).value or 0
            sizes = map(operator.add, map(len, values), itertools.repeat(1))
            addresses = array.array("Q", itertools.accumulate(sizes, initial=base))
            addresses.pop()  # the address after the last string
            return blob, addresses
    encoded = [None if v is None else v.encode("utf-8") + b"\0" for v in values]
    blob = b"".join(e for e in encoded if e is not None)
    base = ctypes.cast(c_char_p(blob), c_void_p).value or 0
    offsets = itertools.accumulate((len(e) if e is not None else 0 for e in encoded),
                                   initial=0)
    addresses = array.array("Q", [0 if e is None else base + o
                                  for e, o in zip(encoded, offsets)])
    return blob, addresses


class WaitCaseArray:
    """A prepared C array of ``jbw_wait_case`` for batch scoring.

    Build it once with :meth:`from_cases` or, faster, :meth:`from_columns`
    (parallel sequences, filled column by column without a Python loop per
    struct), then score it any number of times with
    :meth:`WaitRiskModel.score_array`. The encoded strings are kept alive
    by this object.
    """

    def __init__(self, count: int) -> None:
        # every record as JBW_WAIT_CASE_INIT sets it, copied in C
        self._buffer = bytearray(_case_defaults()) * count
        #: The ctypes array passed to the library.
        self.c_array = (S.WaitCaseC * count).from_buffer(self._buffer)
        self._keep: List[bytes] = []
        self._count = count
        self._ids: Optional[List[str]] = None

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> WaitCase:
        return WaitCase._from_c(self.c_array[seq_index(index, self._count, "WaitCaseArray")])

    def cases(self) -> List[WaitCase]:
        """The cases as dataclasses."""
        return [WaitCase._from_c(c) for c in self.c_array]

    @property
    def ids(self) -> List[str]:
        """The case ids, in order."""
        if self._ids is None:
            self._ids = [dec(c.id) or "" for c in self.c_array]
        return list(self._ids)

    @classmethod
    def from_cases(cls, cases: Iterable[WaitCase]) -> "WaitCaseArray":
        """Prepares dataclass cases (converted to columns, then filled as in
        :meth:`from_columns`)."""
        cases = list(cases)
        columns: Dict[str, Any] = {}
        for name in _STRING_COLUMNS:
            columns[name] = [getattr(c, name) for c in cases]
        for name in _DATE_COLUMNS:
            columns[name] = [getattr(c, name) for c in cases]
        for name in _ENUM_COLUMNS:
            columns[name] = [int(getattr(c, name)) for c in cases]
        columns["previous_workers"] = [int(c.previous_workers) for c in cases]
        columns["override_band"] = [band_value(c.override_band) for c in cases]
        return cls.from_columns(**columns)

    @classmethod
    def from_columns(cls, id: Sequence[str], child_id: Sequence[str],
                     waiting_since: Sequence[Any], *,
                     kind: Optional[Sequence[Any]] = None,
                     family_id: Optional[Sequence[Optional[str]]] = None,
                     organisation: Optional[Sequence[Optional[str]]] = None,
                     region: Optional[Sequence[Optional[str]]] = None,
                     safety: Optional[Sequence[Any]] = None,
                     placement: Optional[Sequence[Any]] = None,
                     jr_risk: Optional[Sequence[Any]] = None,
                     birth_date: Optional[Sequence[Any]] = None,
                     last_contact: Optional[Sequence[Any]] = None,
                     previous_workers: Optional[Sequence[int]] = None,
                     safety_plan: Optional[Sequence[Any]] = None,
                     other_help: Optional[Sequence[Any]] = None,
                     domestic_violence: Optional[Sequence[Any]] = None,
                     term_end: Optional[Sequence[Any]] = None,
                     override_band: Optional[Sequence[Any]] = None,
                     override_reason: Optional[Sequence[Optional[str]]] = None
                     ) -> "WaitCaseArray":
        """Prepares cases from parallel columns of equal length.

        String columns hold str or None (NaN and pandas' NA are read as
        None, as in a DataFrame's column of text with gaps; any other
        value raises TypeError naming the column, the row and the value);
        any sequence works (list, tuple, pandas Series, numpy array),
        read by its values, not its index. Date columns hold dates, date
        strings or None, or are an ``array('i')`` of jbw_date day numbers
        (days since 1970-01-01; JBW_DATE_NONE for none); enum columns hold
        enum members, ints or codes ("OTS"). Omitted columns take the
        defaults of ``JBW_WAIT_CASE_INIT``, and so do gaps (None, NaN,
        pandas' NA and NaT, as ``pandas.read_csv`` reads an empty field)
        in a date, enum or number column, except ``kind``, which is
        required. ``previous_workers`` holds whole numbers (ints, floats
        with a whole value such as pandas' 2.0, or their text "2"); a
        fraction (1.5) raises TypeError naming the column, the row and
        the id, never truncated. ``override_band`` holds band codes
        ("hoog") or band numbers (-1 no override to 3 acuut) as ints or
        floats with a whole value, so pandas' [nan, 2.0] is no override,
        hoog; a fraction or a number outside -1..3 raises naming the
        column, the row and the id.

        Fastest: string columns of str only, ``array('i')`` columns of
        enum values and day numbers (enum columns also as any buffer of
        machine integers: numpy int32 or int64), or columns of codes or
        date strings
        (None for no date): the library reads each text column in one
        call (``jbw_wait_cases_set_text``) and all integer columns in
        one more (``jbw_wait_cases_set_ints``), without Python work per
        value. A bad value raises the error of its conversion, naming
        the column, the row and the case's id.
        """
        n = len(id)
        given = {"id": id, "child_id": child_id, "waiting_since": waiting_since,
                 "kind": kind, "family_id": family_id, "organisation": organisation,
                 "region": region, "safety": safety, "placement": placement,
                 "jr_risk": jr_risk, "birth_date": birth_date,
                 "last_contact": last_contact, "previous_workers": previous_workers,
                 "safety_plan": safety_plan, "other_help": other_help,
                 "domestic_violence": domestic_violence, "term_end": term_end,
                 "override_band": override_band, "override_reason": override_reason}
        for name, col in given.items():
            if col is not None and len(col) != n:
                raise ValueError(f"column {name!r} has {len(col)} values, 'id' has {n}")
        self = cls(n)
        if n == 0:
            return self
        cases = self.c_array

        int_columns: Dict[str, array.array] = {}  # set in one pass at the end

        def put_ints(name: str, values: array.array) -> None:
            int_columns[name] = values

        def put_text(name: str, text: Optional[bytes]) -> bool:
            """Sets a column from text in the library, which raises naming
            the column, row and id of a bad value; False when the text is
            None or does not split into n values (a value holding a NUL)."""
            if text is None:
                return False
            try:
                C.jbw_wait_cases_set_text(cases, n, name.encode(), text, len(text))
            except InvalidArgument:  # the only one: the count of values
                return False
            self._keep.append(text)
            return True

        # the ids by value, for messages (a Series' [] takes index labels)
        ids = id if isinstance(id, (list, tuple)) else list(id)
        for name in _STRING_COLUMNS:
            col = given[name]
            if col is None:
                continue  # NULL, as the defaults hold
            if put_text(name, _joined(col)):
                if name == "id":
                    self._ids = list(col)  # str values only
                continue
            # None or NaN among the values (or a value that is not a str, or
            # holds a NUL): one address per value, written into the records
            values = _text_values(name, col, ids)
            blob, addresses = _string_column(values)
            self._keep.append(blob)
            if name == "id":
                self._ids = [v or "" for v in values]
            with memoryview(self._buffer) as mv, mv.cast("Q") as words:
                words[getattr(S.WaitCaseC, name).offset // 8::_CASE_SIZE // 8] = addresses
        for name, enum_cls in _ENUM_COLUMNS.items():
            col = given[name]
            if col is None:
                continue
            conv = (lambda v, e=enum_cls: int(e.coerce(v)))
            values = _gaps_as(  # a gap is the default; a kind is required
                col, None if name == "kind" else _default_of(name),
                lambda c, f=conv, nm=name: _converted(
                    nm, c, lambda x: _int_column(x, f, _joined), f, ids))
            if isinstance(values, bytes):
                if put_text(name, values):
                    continue  # codes, read by the library
                values = _converted(name, col, lambda c, f=conv: _int_column(c, f), conv, ids)
            put_ints(name, values)
        for name in _DATE_COLUMNS:
            col = given[name]
            if col is None:
                continue  # JBW_DATE_NONE, as the defaults hold
            days = _gaps_as(col, None, lambda c, nm=name: _converted(
                nm, c, _days_column, to_days, ids))
            if isinstance(days, array.array) and _NAT_DAYS in days:
                filled = _gaps_filled(col, None)  # NaT read as 1-1-1
                if filled is not None:
                    days = _converted(name, filled, _days_column, to_days, ids)
            if isinstance(days, bytes):
                if put_text(name, days):
                    continue  # date strings, parsed by the library
                days = _converted(name, col, lambda c: array.array("i", map(to_days, c)),
                                  to_days, ids)
            put_ints(name, days)
        if previous_workers is not None:  # a gap is 0, as in a file
            put_ints("previous_workers", _gaps_as(
                previous_workers, 0,
                lambda c: _converted("previous_workers", c,
                                     lambda x: _int_column(x, _count_value),
                                     _count_value, ids)))
        if override_band is not None:  # else no override, as the defaults hold
            put_ints("override_band", _gaps_as(
                override_band, None,
                lambda c: _converted("override_band", c,
                                     lambda x: _int_column(x, _band_cell),
                                     _band_cell, ids)))
        if int_columns:
            k = len(int_columns)
            C.jbw_wait_cases_set_ints(
                cases, n, (c_char_p * k)(*[name.encode() for name in int_columns]),
                (c_void_p * k)(*[v.buffer_info()[0] for v in int_columns.values()]), k)
        return self


class IntColumn(array.array):
    """An ``array.array("i")`` that numpy, and so pandas, takes as one
    int32 array without a Python object per value: ``__array__`` copies
    its buffer. (pandas turns a plain ``array.array`` into a list of ints
    first.) numpy is imported only when numpy itself asks for the array;
    the bindings need only the standard library."""

    __slots__ = ()

    def __array__(self, dtype: Any = None, copy: Optional[bool] = None) -> Any:
        import numpy  # only ever called by numpy or its users
        a = numpy.frombuffer(self, dtype=numpy.dtype(self.typecode)) if len(self) \
            else numpy.empty(0, dtype=numpy.dtype(self.typecode))
        if dtype is not None:
            return a.astype(dtype)  # a new array
        return a if copy is False else a.copy()  # a copy: self stays resizable


def _int_column_of(words: array.array) -> IntColumn:
    """The int32 values of `words` (an array.array("i")) as an IntColumn."""
    col = IntColumn("i")
    if len(words):
        col.frombytes(memoryview(words).cast("B"))
    return col


class ScoreArray:
    """A C array of ``jbw_score`` filled by one batch call, with column
    accessors that do not build a Python object per case."""

    def __init__(self, count: int) -> None:
        self._buffer = bytearray(count * _SCORE_SIZE)
        #: The ctypes array the library writes into.
        self.c_array = (S.ScoreC * count).from_buffer(self._buffer)
        self._count = count

    def __len__(self) -> int:
        return self._count

    def _column(self, name: str) -> List[int]:
        if self._count == 0:
            return []
        with memoryview(self._buffer) as mv, mv.cast("i") as ints:
            return ints[getattr(S.ScoreC, name).offset // 4::_SCORE_SIZE // 4].tolist()

    def points(self) -> List[int]:
        """Points of every case."""
        return self._column("points")

    def bands(self) -> List[Band]:
        """Band of every case."""
        return [Band(b) for b in self._column("band")]

    def workdays_waiting(self) -> List[int]:
        """Werkdagen waited, per case."""
        return self._column("workdays_waiting")

    def __getitem__(self, index: int) -> Score:
        return _score_from_c(self.c_array[seq_index(index, self._count, "ScoreArray")], "")


    def to_columns(self, ids: Optional[Sequence[str]] = None) -> Dict[str, Any]:
        """Every score as columns, without a Python object per case: a
        dict of column name to :class:`IntColumn` (an ``array.array("i")``,
        one machine array per column), which ``pandas.DataFrame(...)``
        takes as int32 columns without a Python object per value.

        Columns: ``id`` (only when ``ids`` is given, as a list),
        ``points``, ``band`` (the band's number: ``Band(value)``),
        ``workdays_waiting``, ``workdays_no_contact``, ``age_years`` (-1
        when unknown), ``next_contact_due`` (a day number, days since
        1970-01-01) and ``points_<item>`` for every checklist item
        (``points_time_waited``; 0 when the item did not count).
        Raises ValueError when ``ids`` is not one id per score.
        """
        cols: Dict[str, Any] = {}
        # every field of jbw_score is a 32-bit integer: one copy of the
        # whole array, then a strided slice per column (both in C)
        words = array.array("i")
        words.frombytes(self._buffer)
        stride = _SCORE_SIZE // 4
        if ids is not None:
            if len(ids) != self._count:
                raise ValueError(f"{len(ids)} ids for {self._count} scores")
            cols["id"] = list(ids)
        for name in ("points", "band", "workdays_waiting", "workdays_no_contact",
                     "age_years", "next_contact_due"):
            cols[name] = _int_column_of(words[getattr(S.ScoreC, name).offset // 4::stride])
        base = S.ScoreC.item_points.offset // 4
        for item in _ITEMS:
            cols[f"points_{item.code}"] = _int_column_of(words[base + int(item)::stride])
        return cols

    def to_scores(self, ids: Optional[Sequence[str]] = None) -> List[Score]:
        """Every score as a :class:`Score` (without reasons); ``ids`` gives
        each its case id (default "")."""
        if ids is None:
            ids = [""] * self._count
        elif len(ids) != self._count:
            raise ValueError(f"{len(ids)} ids for {self._count} scores")
        if self._count == 0:
            return []
        with memoryview(self._buffer) as mv, mv.cast("i") as ints:
            values = ints.tolist()
        return _scores_from_ints(values, list(ids))


# ---- the model ----------------------------------------------------------------

class WaitRiskModel(Handle):
    """A waiting-risk model (``jbw_waitrisk_model``).

    ``WaitRiskModel()`` is the default model jbw-wachtrisico version 2
    (since 0.2); ``WaitRiskModel(1)`` is version 1, whose outputs stay
    those of libjbw 0.1. :meth:`parse` / :meth:`load` read a model file that
    changes points and thresholds (a file naming a protected attribute
    raises ProtectedAttribute). A model may be used from several threads at
    once.
    """

    _free = staticmethod(C.jbw_waitrisk_model_free)
    _instead = (
        "use save() and WaitRiskModel.parse(text), or "
        "WaitRiskModel.default() again")

    def __init__(self, version: Optional[int] = None, *, _handle: int = 0) -> None:
        if _handle:
            super().__init__(_handle)
        elif version is None:
            super().__init__(new_handle(C.jbw_waitrisk_model_new_default))
        else:
            super().__init__(new_handle(C.jbw_waitrisk_model_new_version,
                                        whole(version, "version", 1)))

    @classmethod
    def default(cls, version: Optional[int] = None) -> "WaitRiskModel":
        """The default model, or jbw-wachtrisico of ``version`` (1 or 2)."""
        return cls(version)

    @property
    def base_version(self) -> int:
        """The jbw-wachtrisico version whose items and rules the model uses
        (a model file's ``base_version``)."""
        return C.jbw_waitrisk_model_base_version(self._p)

    def card(self) -> str:
        """The model card (Markdown): items, rules, points, bands, contact."""
        return take_string(C.jbw_waitrisk_model_card, self._p)

    def register(self, format: str = "json") -> str:
        """The Algoritmeregister entry ("json" or "md"); the fields only the
        organisation can fill are left empty and marked."""
        formats = {"json": 0, "md": 1, "markdown": 1}
        if format not in formats:
            raise ValueError(f"format is 'json' or 'md', not {format!r}")
        return take_string(C.jbw_waitrisk_model_register, self._p, formats[format])

    def register_dict(self) -> Dict[str, Any]:
        """The register entry as a dict (the JSON form, parsed)."""
        return json.loads(self.register("json"))

    def computed_band(self, score: "Score") -> Band:
        """The band the model computed for a score, whatever the override."""
        s = score._to_c()
        return Band(C.jbw_waitrisk_computed_band(self._p, byref(s)))

    @classmethod
    def parse(cls, text: Union[str, bytes], source: str = "model") -> "WaitRiskModel":
        """Parses model-file text; it must set its own name and version."""
        raw = text_arg(text)
        return cls(_handle=new_handle(C.jbw_waitrisk_model_parse, raw, len(raw), enc(source)))

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "WaitRiskModel":
        """Reads a model file."""
        return cls(_handle=new_handle(C.jbw_waitrisk_model_load, path_arg(path)))

    def save(self) -> str:
        """The full model file (every key)."""
        return take_string(C.jbw_waitrisk_model_save, self._p)

    @property
    def name(self) -> str:
        """The model's name ("jbw-wachtrisico")."""
        return dec(C.jbw_waitrisk_model_name(self._p)) or ""

    @property
    def version(self) -> int:
        """The model's version."""
        return C.jbw_waitrisk_model_version(self._p)

    def _describe(self) -> str:
        return f"{self.name} {self.version}"

    def contact_interval(self, band: Union[Band, int]) -> int:
        """Contact interval of a band in werkdagen (acuut: 1)."""
        return C.jbw_waitrisk_model_contact_interval(self._p, int(band))

    @property
    def params(self) -> Dict[str, int]:
        """Every parameter (points, thresholds, boundaries, contact
        intervals) by its model-file key, in the model file's order."""
        key, value = c_char_p(), c_int()
        out = {}
        for i in range(C.jbw_waitrisk_model_param_count(self._p)):
            C.jbw_waitrisk_model_param(byref(key), byref(value), self._p, i)
            out[dec(key.value)] = value.value
        return out

    def get(self, key: str) -> int:
        """One parameter by its model-file key ("points.safety.unsafe");
        :class:`jbw.NotFound` for a key the model does not have."""
        value = c_int()
        C.jbw_waitrisk_model_get(byref(value), self._p, enc(key))
        return value.value

    # -- scoring --------------------------------------------------------------

    def score(self, case: WaitCase, on: DateLike,
              calendar: Optional[Calendar] = None, *, reasons: bool = True) -> Score:
        """Scores one case on a date, with the reasons of every scoring item
        in Dutch and English (``reasons=False`` skips them)."""
        cal = instance(calendar, Calendar, "calendar") if calendar is not None else default_calendar()
        c = case._to_c()
        s = S.ScoreC(version=S.ScoreC.VERSION)
        p = self._p
        C.jbw_waitrisk_score(byref(s), p, cal._p, byref(c), to_days(on, "on"))
        if reasons:
            return _score_from_c(s, case.id, p, byref(c), byref(s))
        return _score_from_c(s, case.id)

    def score_array(self, cases: WaitCaseArray, on: DateLike,
                    calendar: Optional[Calendar] = None,
                    out: Optional[ScoreArray] = None) -> ScoreArray:
        """Scores a prepared array in ONE library call; ``out`` (same length)
        may be reused between calls. All or nothing: a bad case raises with
        its index and id in the message."""
        cal = instance(calendar, Calendar, "calendar") if calendar is not None else default_calendar()
        n = len(cases)
        if out is None:
            out = ScoreArray(n)
        elif len(out) != n:
            raise ValueError(f"out holds {len(out)} scores, cases has {n}")
        if n:
            C.jbw_waitrisk_score_batch(out.c_array, self._p, cal._p, cases.c_array, n,
                                       to_days(on, "on"))
        return out

    def score_batch(self, cases: Union[Sequence[WaitCase], WaitCaseArray], on: DateLike,
                    calendar: Optional[Calendar] = None, *,
                    reasons: bool = False) -> List[Score]:
        """Scores many cases in one library call and returns a Score per
        case, in input order (reasons filled when ``reasons=True``)."""
        arr = cases if isinstance(cases, WaitCaseArray) else WaitCaseArray.from_cases(cases)
        scores = self.score_array(arr, on, calendar)
        if not reasons:
            return scores.to_scores(arr.ids)
        p = self._p
        out = []
        for i in range(len(arr)):
            c = arr.c_array[i]
            s = scores.c_array[i]
            out.append(_score_from_c(s, dec(c.id) or "", p, byref(c), byref(s)))
        return out

    def explain(self, case: WaitCase, score: Score,
                lang: Union[Lang, str] = Lang.NL) -> Dict[Item, str]:
        """The reason of every item that scored, in one language."""
        c, s = case._to_c(), score._to_c()
        buf = create_string_buffer(_REASON_SIZE)
        out: Dict[Item, str] = {}
        for i in score.items:
            text = _reason(self._p, byref(c), byref(s), int(i.item), int(Lang.coerce(lang)), buf)
            out[i.item] = text or ""
        return out

    def triage(self, snapshot: Snapshot, on: DateLike = None,
               calendar: Optional[Calendar] = None) -> "Triage":
        """Scores and ranks the waiting list of a snapshot (see :class:`Triage`)."""
        return Triage(snapshot, self, calendar, on)


def rank(cases: Union[Sequence[WaitCase], WaitCaseArray],
         scores: Union[Sequence[Score], ScoreArray]) -> List[int]:
    """The ranking order of scored cases: band (acuut first), points (high
    first), werkdagen waited (long first), id. Returns indices into the
    inputs, first-ranked first."""
    arr = cases if isinstance(cases, WaitCaseArray) else WaitCaseArray.from_cases(cases)
    n = len(arr)
    if len(scores) != n:
        raise ValueError(f"{len(scores)} scores for {n} cases")
    if isinstance(scores, ScoreArray):
        sarr = scores.c_array
    else:
        sarr = (S.ScoreC * n)(*[s._to_c() for s in scores])
    if n == 0:
        return []
    order = (c_size_t * n)()
    C.jbw_waitrisk_rank(order, sarr, arr.c_array, n)
    return list(order)


# ---- triage -------------------------------------------------------------------

@dataclass(frozen=True)
class TriageEntry:
    """One waiting case of a triage: its rank (1 = first), the case and its
    score with reasons."""
    rank: int
    case: WaitCase
    score: Score

    def to_record(self) -> Dict[str, Any]:
        """One flat row: case fields, score fields, points per item and the
        reasons joined with " | " (as in the library's CSV)."""
        row: Dict[str, Any] = {"rank": self.rank}
        row.update(record(self.case))
        s = self.score
        row.update({"points": s.points, "band": s.band.code,
                    "workdays_waiting": s.workdays_waiting,
                    "workdays_no_contact": s.workdays_no_contact,
                    "age_years": s.age_years,
                    "next_contact_due": s.next_contact_due})
        for item in Item:
            row["points_" + item.code] = s.item_points.get(item, 0)
        row["reasons_nl"] = REASON_SEPARATOR.join(s.reasons(Lang.NL))
        row["reasons_en"] = REASON_SEPARATOR.join(s.reasons(Lang.EN))
        row["overridden"] = self.case.override_band is not None
        return row


class Triage(Handle):
    """The ranked waiting list of a snapshot (``jbw_triage``): every
    measure that waits (nieuw or bestaand), scored on a date (default: the
    snapshot's reference date) and ranked. A date after the reference
    date (the assignments of that date are carried forward) or before it
    (bestaand is too low) gives a ``UserWarning`` at the caller's line, as
    :func:`jbw.compute_caseload` does; so does :meth:`allocate` of such a
    triage.

    Closing the snapshot (which it borrows) or the model closes the triage
    too.
    """

    _free = staticmethod(C.jbw_triage_free)
    _instead = (
        "use to_records() or to_dict() for its values, or triage the "
        "snapshot again")

    def __init__(self, snapshot: Snapshot, model: Optional[WaitRiskModel] = None,
                 calendar: Optional[Calendar] = None, on: DateLike = None) -> None:
        own_model = model is None
        m = WaitRiskModel() if own_model else instance(model, WaitRiskModel, "model")
        cal = instance(calendar, Calendar, "calendar") if calendar is not None else default_calendar()
        days = to_days(on, "on")
        try:
            handle = new_handle(C.jbw_triage_new, m._p, cal._p, instance(snapshot, Snapshot, "snapshot")._p, days)  # type: ignore[union-attr]
        except BaseException:
            if own_model:
                m.close()  # type: ignore[union-attr]
            raise
        # The triage borrows the snapshot; the model object serves the reasons.
        super().__init__(handle, parents=(snapshot, m))  # type: ignore[arg-type]
        self.snapshot = snapshot
        self.model: WaitRiskModel = m  # type: ignore[assignment]
        self.calendar = cal
        self.synthetic = getattr(snapshot, "synthetic", False)
        warn_off_reference(snapshot, days, "triage")

    def __len__(self) -> int:
        return C.jbw_triage_count(self._p)

    def _describe(self) -> str:
        return f"{self.date.isoformat()}: {len(self)} waiting, model {self.model.name}"

    @property
    def date(self) -> _dt.date:
        """The date the cases were scored on."""
        return from_days(C.jbw_triage_date(self._p))  # type: ignore[return-value]

    @property
    def data_notice(self) -> Optional[str]:
        """The snapshot's data notice (synthetic example data), or None."""
        return dec(C.jbw_triage_data_notice(self._p))

    def __getitem__(self, rank_index: Any) -> Any:
        """The entry at a 0-based position in the ranking (negative from
        the end); a slice gives a list."""
        if isinstance(rank_index, slice):
            return [self[i] for i in range(len(self))[rank_index]]
        rank_index = seq_index(rank_index, len(self), "triage")
        c = S.WaitCaseC(version=S.WaitCaseC.VERSION)
        s = S.ScoreC(version=S.ScoreC.VERSION)
        C.jbw_triage_get(byref(c), byref(s), self._p, rank_index)
        case = WaitCase._from_c(c)
        score = _score_from_c(s, case.id, self.model._p, byref(c), byref(s))
        return TriageEntry(rank_index + 1, case, score)

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def state(self, rank_index: int) -> MeasureState:
        """Nieuw (never had a worker) or bestaand (lost its worker): the
        state on the triage's date of the measure at a 0-based position."""
        rank_index = seq_index(rank_index, len(self), "triage")
        return MeasureState(C.jbw_triage_state(self._p, rank_index))

    def entries(self, top: int = 0) -> List[TriageEntry]:
        """The first ``top`` entries (0: all), in ranking order."""
        n = len(self)
        top = whole(top, "top", 0)
        return [self[i] for i in range(min(top, n) if top else n)]

    def to_json(self, top: int = 0, lang: Union[Lang, str] = Lang.NL) -> str:
        """The library's JSON of the first ``top`` cases (0: all)."""
        return take_string(C.jbw_triage_json, self._p, whole(top, "top", 0),
                           int(Lang.coerce(lang)))

    def to_csv(self, top: int = 0, lang: Union[Lang, str] = Lang.NL) -> str:
        """The library's CSV of the first ``top`` cases (0: all)."""
        return take_string(C.jbw_triage_csv, self._p, whole(top, "top", 0),
                           int(Lang.coerce(lang)))

    def to_text(self, top: int = 0, lang: Union[Lang, str] = Lang.NL) -> str:
        """The library's text report of the first ``top`` cases (0: all)."""
        return take_string(C.jbw_triage_text, self._p, whole(top, "top", 0),
                           int(Lang.coerce(lang)))

    def to_dict(self, top: int = 0, lang: Union[Lang, str] = Lang.NL) -> Dict[str, Any]:
        """The library's JSON as a dict."""
        return json.loads(self.to_json(top, lang))

    def to_records(self, top: int = 0) -> List[Dict[str, Any]]:
        """One flat dict per case (for pandas), with what the library's CSV
        adds to the entry's own fields: ``state`` (nieuw or bestaand) and
        ``computed_band``, the band the model computed, which an override
        may have changed into ``band``; and, when the snapshot has a notice
        (:attr:`data_notice`: the synthetic example's), ``data_notice``, as
        the CSV's last column. Real data has no such field."""
        rows = []
        for e in self.entries(top):
            row = e.to_record()
            row["state"] = self.state(e.rank - 1).code
            row["computed_band"] = self.model.computed_band(e.score).code
            rows.append(row)
        return with_notice(rows, self.data_notice)

    def allocate(self, norm: Optional[Norm] = None,
                 calendar: Optional[Calendar] = None) -> "Allocation":
        """Proposes fixed workers for this waiting list (see :class:`Allocation`)."""
        return Allocation(self, norm, calendar)


# ---- allocation ------------------------------------------------------------------

@dataclass(frozen=True)
class AllocationLine:
    """One waiting case of the proposal: the proposed worker, or None with
    the reason it stays unassigned."""
    measure_id: str
    rank: int
    worker_id: Optional[str]
    reason: Optional[UnassignedReason]

    @property
    def assigned(self) -> bool:
        """True when a worker is proposed."""
        return self.worker_id is not None


@dataclass(frozen=True)
class AllocationWorker:
    """A worker employed on the proposal's date: capacity under the norm,
    load before the proposal and after it, in the norm's unit."""
    worker_id: str
    organisation: str
    region: Optional[str]
    capacity: float
    load: float
    proposed_load: float


class Allocation(Handle):
    """A proposal of fixed workers for a triage's waiting list
    (``jbw_allocation``): walks the ranking and gives each child to a worker
    of the same organisation with free capacity under the norm. Nothing in
    the snapshot changes."""

    _free = staticmethod(C.jbw_allocation_free)
    _instead = (
        "use to_records() or to_dict() for its values, or allocate again")

    def __init__(self, triage: Triage, norm: Optional[Norm] = None,
                 calendar: Optional[Calendar] = None) -> None:
        own_norm = norm is None
        n = Norm() if own_norm else norm_arg(norm)
        cal = instance(calendar, Calendar, "calendar") if calendar is not None else triage.calendar
        snap = triage.snapshot
        try:
            handle = new_handle(C.jbw_allocation_new, triage._p, snap._p, n._p, cal._p)  # type: ignore[union-attr]
        except BaseException:
            if own_norm:
                n.close()  # type: ignore[union-attr]
            raise
        # The proposal borrows the snapshot's ids; model and norm are copied.
        super().__init__(handle, parents=(snap,))
        if own_norm:
            n.close()  # type: ignore[union-attr]
        self.synthetic = triage.synthetic
        warn_off_reference(snap, C.jbw_triage_date(triage._p), "allocate")

    def __len__(self) -> int:
        return C.jbw_allocation_count(self._p)

    def _describe(self) -> str:
        return f"{len(self)} cases: {self.assigned} assigned, {self.unassigned} unassigned"

    @property
    def assigned(self) -> int:
        """Number of cases given a worker."""
        return C.jbw_allocation_assigned(self._p)

    @property
    def date(self) -> _dt.date:
        """The date of the proposal (the triage's)."""
        return from_days(C.jbw_allocation_date(self._p))  # type: ignore[return-value]

    @property
    def norm_name(self) -> str:
        """The name of the norm the capacities were computed under."""
        return dec(C.jbw_allocation_norm_name(self._p)) or ""

    @property
    def data_notice(self) -> Optional[str]:
        """The snapshot's data notice (synthetic example data), or None."""
        return dec(C.jbw_allocation_data_notice(self._p))

    @property
    def unassigned(self) -> int:
        """Number of cases left unassigned."""
        p = self._p
        return C.jbw_allocation_count(p) - C.jbw_allocation_assigned(p)

    def __getitem__(self, index: Any) -> Any:
        """The line at ``index`` as in a list (negative from the end); a
        slice gives a list."""
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        index = seq_index(index, len(self), "allocation")
        mid, wid = c_char_p(), c_char_p()
        r = c_size_t()
        why = c_int()
        C.jbw_allocation_get(byref(mid), byref(r), byref(wid), byref(why), self._p, index)
        return AllocationLine(dec(mid.value) or "", r.value, dec(wid.value),
                              UnassignedReason(why.value) if why.value else None)

    def lines(self) -> List[AllocationLine]:
        """Every line, in ranking order."""
        return [self[i] for i in range(len(self))]

    def place(self, index: int) -> Tuple[str, Optional[str]]:
        """The organisation and region of the measure of a line."""
        index = seq_index(index, len(self), "allocation")
        org, region = c_char_p(), c_char_p()
        C.jbw_allocation_line_place(byref(org), byref(region), self._p, index)
        return dec(org.value) or "", dec(region.value)

    def workers(self) -> List[AllocationWorker]:
        """The workers employed on the date, in the snapshot's order."""
        out = []
        for k in range(C.jbw_allocation_worker_count(self._p)):
            wid, org, region = c_char_p(), c_char_p(), c_char_p()
            cap, load, proposed = c_double(), c_double(), c_double()
            C.jbw_allocation_worker(byref(wid), byref(org), byref(region),
                                    byref(cap), byref(load), byref(proposed),
                                    self._p, k)
            out.append(AllocationWorker(dec(wid.value) or "", dec(org.value) or "",
                                        dec(region.value), cap.value, load.value,
                                        proposed.value))
        return out

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def to_json(self) -> str:
        """The library's JSON {"assignments": [...], "unassigned": [...]}."""
        return take_string(C.jbw_allocation_json, self._p)

    def to_csv(self) -> str:
        """The library's CSV."""
        return take_string(C.jbw_allocation_csv, self._p)

    def to_text(self, lang: Union[Lang, str] = Lang.NL) -> str:
        """The library's text list, in Dutch (default) or English
        (``lang``: "nl", "en" or a Lang)."""
        return take_string(C.jbw_allocation_text_lang, self._p,
                           int(Lang.coerce(lang)))

    def to_dict(self) -> Dict[str, Any]:
        """The library's JSON as a dict."""
        return json.loads(self.to_json())

    def to_records(self) -> List[Dict[str, Any]]:
        """One flat dict per line (for pandas); with a ``data_notice`` field
        in each when the snapshot has a notice (the synthetic example's)."""
        return with_notice(
            [{"measure_id": l.measure_id, "rank": l.rank, "worker_id": l.worker_id,
              "reason": l.reason.name.lower() if l.reason else None}
             for l in self], self.data_notice)
