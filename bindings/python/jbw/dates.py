"""Dates and the Dutch working-day calendar (``jbw/date.h``).

Dates go in and come out as ``datetime.date``; None means "no date"
(JBW_DATE_NONE). Strings are accepted wherever a date goes in and are parsed
by the library: ISO ``2025-09-01`` or Dutch ``1-9-2025``.

Counting rule used everywhere: "werkdagen from X to D" is the number of
working days d with X < d <= D (Monday to the next Monday is 5).
"""
from __future__ import annotations

import datetime as _dt
import enum
from ctypes import byref, c_int, c_int32, c_size_t, create_string_buffer
from dataclasses import dataclass
from typing import Iterable, List, Optional, Tuple

from . import _structs as S
from ._lib import C
from ._util import DateLike, Handle, dec, enc, from_days, int32, new_handle, parse_days, to_days
from .errors import BufferTooSmall

__all__ = [
    "DATE_NONE", "YEAR_MIN", "YEAR_MAX", "LiberationDay", "Holiday",
    "HolidayDate", "Calendar", "parse_date", "format_date", "make_date",
    "date_parts", "weekday", "add_months", "months_between", "years_between",
]

DATE_NONE = S.DATE_NONE
YEAR_MIN = 1900  #: first supported year (JBW_YEAR_MIN)
YEAR_MAX = 2199  #: last supported year (JBW_YEAR_MAX)
_DATE_BUFSIZE = 11


class LiberationDay(enum.IntEnum):
    """How 5 May (Bevrijdingsdag) counts (``jbw_liberation_day``)."""
    EVERY_YEAR = 0  #: off every year (CAO Jeugdzorg art. 9.7, the default)
    LUSTRUM = 1     #: off only in years divisible by 5
    NEVER = 2       #: a working day


class Holiday(enum.IntEnum):
    """Holiday kinds (``jbw_holiday_kind``); values never change."""
    NIEUWJAARSDAG = 1
    GOEDE_VRIJDAG = 2
    EERSTE_PAASDAG = 3
    TWEEDE_PAASDAG = 4
    KONINGSDAG = 5
    BEVRIJDINGSDAG = 6
    HEMELVAARTSDAG = 7
    EERSTE_PINKSTERDAG = 8
    TWEEDE_PINKSTERDAG = 9
    EERSTE_KERSTDAG = 10
    TWEEDE_KERSTDAG = 11
    CLOSURE = 12  #: an extra closure day of the organisation

    @property
    def dutch_name(self) -> str:
        """The Dutch name ("Tweede Paasdag"), from the library."""
        return dec(C.jbw_holiday_name(int(self))) or ""


@dataclass(frozen=True)
class HolidayDate:
    """One holiday or closure day of a year."""
    date: _dt.date
    kind: Holiday

    @property
    def name(self) -> str:
        """The Dutch name of the holiday."""
        return self.kind.dutch_name


# ---- plain date functions -------------------------------------------------

def parse_date(text: str) -> _dt.date:
    """Parses ISO ``2025-09-01`` or Dutch ``1-9-2025`` / ``01-09-2025``.

    Raises ParseError (not a date; the message quotes the text) or
    RangeError (year outside 1900..2199).
    """
    return from_days(parse_days(text, "text"))  # type: ignore[return-value]


def format_date(value: DateLike) -> str:
    """The date as ISO ``YYYY-MM-DD``, written by the library."""
    buf = create_string_buffer(_DATE_BUFSIZE)
    C.jbw_date_format(buf, _DATE_BUFSIZE, to_days(value, "value"))
    return buf.value.decode("ascii")


def make_date(year: int, month: int, day: int) -> _dt.date:
    """A date from year, month, day, checked by the library (InvalidArgument
    for a day that does not exist, RangeError outside 1900..2199)."""
    out = c_int32()
    C.jbw_date_from_ymd(byref(out), int32(year, "year"),
                        int32(month, "month"), int32(day, "day"))
    return from_days(out.value)  # type: ignore[return-value]


def date_parts(value: DateLike) -> Tuple[int, int, int]:
    """(year, month, day) of a date, split by the library."""
    y, m, d = c_int(), c_int(), c_int()
    C.jbw_date_to_ymd(byref(y), byref(m), byref(d), to_days(value, "value"))
    return (y.value, m.value, d.value)


def weekday(value: DateLike) -> int:
    """ISO weekday: 1 = Monday ... 7 = Sunday; 0 outside the supported range."""
    return C.jbw_date_weekday(to_days(value, "value"))


def add_months(value: DateLike, months: int) -> _dt.date:
    """Adds whole calendar months, clamping the day (31 Jan + 1 = end of Feb)."""
    out = c_int32()
    C.jbw_date_add_months(byref(out), to_days(value, "value"), int32(months, "months"))
    return from_days(out.value)  # type: ignore[return-value]


def months_between(start: DateLike, end: DateLike) -> int:
    """Whole months from ``start`` to ``end`` (tenure: hired 15 Jan is 2 on
    14 Apr, 3 on 15 Apr); negative when end < start."""
    out = c_int32()
    C.jbw_months_between(byref(out), to_days(start, "start"), to_days(end, "end"))
    return out.value


def years_between(start: DateLike, end: DateLike) -> int:
    """Whole years from ``start`` to ``end`` (age)."""
    out = c_int32()
    C.jbw_years_between(byref(out), to_days(start, "start"), to_days(end, "end"))
    return out.value


# ---- the calendar ----------------------------------------------------------

class Calendar(Handle):
    """A working-day calendar (``jbw_calendar``).

    The default is the CAO Jeugdzorg calendar: Saturdays, Sundays,
    Nieuwjaarsdag, Tweede Paasdag, Koningsdag, 5 May, Hemelvaartsdag, Tweede
    Pinksterdag and both Christmas days off. Calendars are safe to read from
    several threads; add closures before sharing one.

    >>> with Calendar() as cal:
    ...     cal.workdays_between("2025-12-19", "2026-01-02")
    7
    """

    _free = staticmethod(C.jbw_calendar_free)
    _instead = (
        "make another with the same preset and closures")

    def __init__(self, good_friday_off: bool = False,
                 liberation_day: LiberationDay = LiberationDay.EVERY_YEAR,
                 closures: Iterable[DateLike] = ()) -> None:
        opts = S.CalendarOptions()
        C.jbw_calendar_options_init(byref(opts), S.CalendarOptions.VERSION)
        opts.good_friday_off = 1 if good_friday_off else 0
        opts.liberation_day = int(LiberationDay(liberation_day))
        super().__init__(new_handle(C.jbw_calendar_new, byref(opts)))
        self.good_friday_off = bool(good_friday_off)
        self.liberation_day = LiberationDay(liberation_day)
        for day in closures:
            self.add_closure(day)

    @classmethod
    def preset(cls, name: str, closures: Iterable[DateLike] = ()) -> "Calendar":
        """A named calendar: ``"cao"`` (the default CAO Jeugdzorg days) or
        ``"atw"`` (the Algemene termijnenwet, art. 3, for legal deadlines:
        Goede Vrijdag off too). ParseError for another name."""
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        code = c_int()
        raw = enc(name)
        C.jbw_calendar_preset_from_code(byref(code), raw, len(raw))
        opts = S.CalendarOptions()
        C.jbw_calendar_options_preset(byref(opts), S.CalendarOptions.VERSION, code.value)
        return cls(good_friday_off=bool(opts.good_friday_off),
                   liberation_day=LiberationDay(opts.liberation_day),
                   closures=closures)

    def _describe(self) -> str:
        return ("Goede Vrijdag off" if self.good_friday_off else "Goede Vrijdag worked") + \
            f", Bevrijdingsdag {self.liberation_day.name.lower()}"

    def add_closure(self, day: DateLike) -> None:
        """Marks an extra closure day (not a working day)."""
        C.jbw_calendar_add_closure(self._p, to_days(day, "day"))

    def is_workday(self, day: DateLike) -> bool:
        """True when ``day`` is a working day."""
        out = c_int()
        C.jbw_calendar_is_workday(byref(out), self._p, to_days(day, "day"))
        return bool(out.value)

    def holiday(self, day: DateLike) -> Optional[Holiday]:
        """The holiday on ``day`` under this calendar's options, or None.
        Eerste Paas- and Pinksterdag (Sundays) are reported too."""
        out = c_int()
        C.jbw_calendar_holiday(byref(out), self._p, to_days(day, "day"))
        return Holiday(out.value) if out.value else None

    def holidays(self, year: int) -> List[HolidayDate]:
        """The holidays and closure days of ``year``, in date order."""
        capacity = 32
        while True:
            buf = (S.HolidayC * capacity)()
            count = c_size_t()
            try:
                C.jbw_calendar_holidays(buf, capacity, byref(count), self._p,
                                        int32(year, "year"))
            except BufferTooSmall:
                capacity = count.value
                continue
            return [HolidayDate(from_days(buf[i].date), Holiday(buf[i].kind))  # type: ignore[arg-type]
                    for i in range(count.value)]

    def workdays_between(self, start: DateLike, end: DateLike) -> int:
        """Werkdagen from ``start`` to ``end``: working days d with
        start < d <= end (negative when end < start)."""
        out = c_int32()
        C.jbw_calendar_workdays_between(byref(out), self._p, to_days(start, "start"),
                                        to_days(end, "end"))
        return out.value

    def add_workdays(self, start: DateLike, n: int) -> _dt.date:
        """The date ``n`` werkdagen after ``start`` (before it for n < 0)."""
        out = c_int32()
        C.jbw_calendar_add_workdays(byref(out), self._p, to_days(start, "start"),
                                    int32(n, "n"))
        return from_days(out.value)  # type: ignore[return-value]


_default: Optional[Calendar] = None


def default_calendar() -> Calendar:
    """The shared default calendar used when a function is given none. It
    is never handed to callers to change."""
    global _default
    if _default is None or _default.closed:
        _default = Calendar()
    return _default
