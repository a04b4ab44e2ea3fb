"""Shared plumbing: date conversion, strings, and the handle base class."""
from __future__ import annotations

import ctypes
import datetime as _dt
import difflib
import numbers
import operator
import os
import sys
import warnings
import weakref
from ctypes import byref, c_int32, c_size_t, c_void_p
from typing import Any, Callable, Iterable, Optional, Union

from ._lib import C
from ._structs import DATE_NONE

#: Anything the bindings accept as a date: a ``datetime.date`` (or
#: ``datetime``), an ISO / Dutch date string, or None for "no date".
DateLike = Union[_dt.date, str, None]

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()


def missing(value: Any) -> bool:
    """True for a missing value of pandas or numpy: a float NaN (the
    missing value of an object column), pandas' ``NA`` and ``NaT`` (its
    missing date, a ``datetime`` subclass). Told by the type's name, so
    pandas is never imported."""
    return ((isinstance(value, float) and value != value)
            or type(value).__name__ in ("NAType", "NaTType"))


def to_days(value: DateLike, name: str = "date") -> int:
    """A date as a ``jbw_date`` (days since 1970-01-01); None gives
    JBW_DATE_NONE. Strings are parsed by the library (ISO or Dutch).
    Any other type raises TypeError naming the parameter ``name``, and so
    does a missing value (pandas' ``NaT`` or ``NA``, a float NaN): None
    is "no date", a missing value is not taken for one."""
    if value is None:
        return DATE_NONE
    if missing(value):
        raise TypeError(f"{name} must be a datetime.date, a date string or None, "
                        f"not {value!r} (a missing value; give None for no date)")
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.toordinal() - _EPOCH_ORDINAL
    if isinstance(value, str):
        return parse_days(value)
    raise TypeError(f"{name} must be a datetime.date, a date string or None, "
                    f"not {type(value).__name__} ({value!r})")


def whole(value: Any, name: str, lo: Optional[int] = None,
          hi: Optional[int] = None) -> int:
    """``value`` as a whole number for the parameter ``name``: an int (or
    anything with ``__index__``); a float, even 24.0, a bool or another type
    raises TypeError naming the parameter (a fraction is never truncated);
    outside lo..hi raises ValueError with the number as given."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a whole number (int), not bool")
    try:
        v = operator.index(value)
    except TypeError:
        if isinstance(value, numbers.Real):
            raise TypeError(f"{name} must be a whole number (int), not {value!r}: "
                            f"fractions are refused, not rounded") from None
        raise TypeError(f"{name} must be a whole number (int), not "
                        f"{type(value).__name__} ({value!r})") from None
    if lo is not None and v < lo:
        raise _invalid(f"{name} must be at least {lo}, not {v}")
    if hi is not None and v > hi:
        raise _invalid(f"{name} must be at most {hi}, not {v}")
    return v


def int32(value: Any, name: str) -> int:
    """:func:`whole` for a parameter the library takes as an ``int32_t``
    (or ``int``), which checks its range itself: a number the C type
    cannot hold raises jbw.RangeError naming the parameter, as the
    library's own range check would, instead of reaching it wrapped
    (ctypes passes 2**32 + 12 as 12)."""
    v = whole(value, name)
    if not -2**31 <= v <= 2**31 - 1:
        from .errors import RangeError
        raise RangeError(RangeError.status, f"{name} is {v}: outside the range "
                         f"of a 32-bit int", "value out of range")
    return v


def _invalid(detail: str) -> Exception:
    """jbw.InvalidArgument (a ValueError) with a message of the bindings."""
    from .errors import InvalidArgument
    return InvalidArgument(-1, detail, "invalid argument")


def number(value: Any, name: str, text: bool = False) -> float:
    """``value`` as a float for the parameter ``name``: an int or float
    (not a bool); with ``text``, also a string as the CSV files write it,
    with '.' or ',' as decimal point ("0.8", "0,8"). Anything else raises
    TypeError naming the parameter; unreadable text raises ValueError."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number, not bool")
    if isinstance(value, numbers.Real):
        return float(value)
    if text and isinstance(value, str):
        t = value.strip()
        if t.count(",") == 1 and "." not in t:
            t = t.replace(",", ".")
        try:
            return float(t)
        except ValueError:
            raise _invalid(f"{name}: not a number: {value!r}") from None
    raise TypeError(f"{name} must be a number, not {type(value).__name__} ({value!r})")


def seq_index(index: Any, n: int, what: str) -> int:
    """A list-style index into ``n`` items: negative counts from the end;
    out of range raises IndexError, a non-int TypeError."""
    i = whole(index, f"{what} index")
    if i < 0:
        i += n
    if not 0 <= i < n:
        raise IndexError(f"{what} index {index} out of range (length {n})")
    return i


def flag(value: Any, name: str) -> bool:
    """A yes/no parameter: True or False (a 0 or 1 int too). Anything
    else, the string "false" above all, raises TypeError naming it rather
    than counting as true."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise TypeError(f"{name} must be True or False, not {type(value).__name__} "
                    f"({value!r})")


def instance(value: Any, cls: type, name: str) -> Any:
    """``value`` itself when it is a ``cls``; TypeError naming the
    parameter otherwise."""
    if not isinstance(value, cls):
        raise TypeError(f"{name} must be a jbw.{cls.__name__}, not "
                        f"{type(value).__name__}")
    return value


def handle_arg(value: Any, cls: type, name: str) -> Any:
    """The library handle of an optional object argument (None: NULL);
    TypeError naming the parameter when it is not a ``cls``."""
    return None if value is None else instance(value, cls, name)._p


def from_days(days: int) -> Optional[_dt.date]:
    """A ``jbw_date`` as ``datetime.date``; JBW_DATE_NONE gives None."""
    if days == DATE_NONE:
        return None
    return _dt.date.fromordinal(days + _EPOCH_ORDINAL)


def parse_days(text: str, name: str = "text") -> int:
    """Parses a date with the library (ISO or Dutch) into a ``jbw_date``.
    A non-string raises TypeError naming the parameter ``name``."""
    if not isinstance(text, str):
        raise TypeError(f"{name} must be a date string (str), not "
                        f"{type(text).__name__} ({text!r})")
    out = c_int32()
    raw = text.encode("utf-8")
    C.jbw_date_parse(byref(out), raw, len(raw))
    return out.value


def _count(n: int, noun: str) -> str:
    """ "1 measure", "2 measures": a count with its noun, for reprs."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def enc(s: Optional[str]) -> Optional[bytes]:
    """A str as UTF-8 bytes for a ``const char *``; None stays NULL."""
    if s is None:
        return None
    if not isinstance(s, str):
        raise TypeError(f"expected str or None, not {type(s).__name__}")
    return s.encode("utf-8")


def enc_arg(value: Any, name: str, optional: bool = False) -> Optional[bytes]:
    """A str parameter ``name`` as UTF-8 bytes for a ``const char *``;
    None passes as NULL when ``optional``. Anything else raises TypeError
    naming the parameter."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str{' or None' if optional else ''}, "
                        f"not {type(value).__name__} ({value!r})")
    return value.encode("utf-8")


def dec(b: Optional[bytes]) -> Optional[str]:
    """A borrowed C string as str (None for NULL)."""
    return None if b is None else b.decode("utf-8", "replace")


def dec_opt(b: Optional[bytes]) -> Optional[str]:
    """A borrowed optional C string: NULL and "" both give None."""
    return b.decode("utf-8", "replace") if b else None


def take_string(fn: Callable, *args: Any) -> str:
    """Calls a writer ``fn(char **out, size_t *len, *args)``, reads the
    library-allocated string with ``string_at`` and frees it with jbw_free."""
    p = c_void_p()
    n = c_size_t()
    fn(byref(p), byref(n), *args)
    try:
        return ctypes.string_at(p.value, n.value).decode("utf-8")
    finally:
        C.jbw_free(p)


def take_bytes(fn: Callable, *args: Any) -> bytes:
    """As :func:`take_string`, returning the bytes."""
    p = c_void_p()
    n = c_size_t()
    fn(byref(p), byref(n), *args)
    try:
        return ctypes.string_at(p.value, n.value)
    finally:
        C.jbw_free(p)


def text_arg(text: Union[str, bytes]) -> bytes:
    """Text given to a parser: str is encoded as UTF-8, bytes pass."""
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"expected str or bytes, not {type(text).__name__}")


_PACKAGE_DIR = os.path.normcase(os.path.dirname(os.path.abspath(__file__)))


def warn_caller(message: str, category: type = UserWarning) -> None:
    """``warnings.warn`` for the first frame outside the jbw package: the
    warning names the caller's file and line however deep in the package
    it was raised (a fixed stacklevel names jbw's own file when the public
    function is a shortcut of another)."""
    level = 1
    frame = sys._getframe(0)
    while frame is not None and os.path.normcase(os.path.dirname(
            os.path.abspath(frame.f_code.co_filename))) == _PACKAGE_DIR:
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    warnings.warn(message, category, stacklevel=level)


def path_arg(path: Any) -> bytes:
    """A file path (str or os.PathLike) as bytes for the library."""
    return os.fsencode(path)


class FieldsOnly:
    """Base of the dataclasses a caller fills in (parameters, records):
    assigning a name that is not one of the fields raises AttributeError
    naming the closest field, so that a misspelt parameter
    (``params.annual_turnover = 0.3`` for ``turnover``) is not kept on the
    side while the run uses the old value."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        fields = getattr(type(self), "__dataclass_fields__", None)
        if fields is not None and name not in fields \
                and not name.startswith("_"):
            raise AttributeError(self._no_field(name))
        object.__setattr__(self, name, value)

    @classmethod
    def _no_field(cls, name: str) -> str:
        """"X has no field 'name'", with the closest field when one is
        close (shared by attribute assignment and ``replace``)."""
        fields = list(getattr(cls, "__dataclass_fields__", ()))
        close = difflib.get_close_matches(name, fields, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{cls.__name__} has no field {name!r}{hint}"


class Handle:
    """Base of every object that owns a libjbw handle.

    The handle is freed exactly once: by :meth:`close` (idempotent), by
    leaving a ``with`` block, or when the object is garbage collected.
    Objects made from this one that borrow from it (a triage borrows the
    snapshot's strings) are registered as dependents and closed first, so a
    closed parent never leaves a dangling child. Using a closed object
    raises ValueError.

    Copying (copy.copy, copy.deepcopy) and pickling raise TypeError naming
    what to use instead, unless the class makes a real copy (Norm and
    Registry copy through the library's clone): a copied pointer would be
    freed twice, a pickled one means nothing in another process.
    """

    _free: Callable[[int], None]

    def __init__(self, ptr: int, parents: Iterable["Handle"] = ()) -> None:
        self._ptr: Optional[int] = ptr
        self._dependents: Optional[weakref.WeakSet] = None
        # Parents stay alive while this object lives (it may borrow from them).
        self._parents = tuple(parents)
        for parent in self._parents:
            parent._add_dependent(self)

    def _add_dependent(self, child: "Handle") -> None:
        if self._dependents is None:
            self._dependents = weakref.WeakSet()
        self._dependents.add(child)

    @property
    def _p(self) -> int:
        p = self._ptr
        if p is None:
            raise ValueError(f"{type(self).__name__} is closed")
        return p

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._ptr is None

    def close(self) -> None:
        """Frees the handle (and closes objects borrowing from it). Safe to
        call more than once."""
        p = self._ptr
        if p is None:
            return
        deps = self._dependents
        if deps:
            for child in list(deps):
                child.close()
        self._ptr = None
        type(self)._free(p)

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: modules may be gone
            pass

    #: What to do instead of copying or pickling, for the TypeError
    #: (every subclass says what fits it).
    _instead: str = "make a new one the way this one was made"

    def _no_copy(self, what: str) -> str:
        return (f"jbw.{type(self).__name__} cannot be {what}: it holds a "
                f"libjbw handle that only this object may free; "
                f"{self._instead}")

    def __copy__(self) -> Any:
        raise TypeError(self._no_copy("copied"))

    def __deepcopy__(self, memo: Any) -> Any:
        raise TypeError(self._no_copy("copied"))

    def __reduce_ex__(self, protocol: Any) -> Any:
        # pickle (and a process pool returning the object) would otherwise
        # store the raw pointer, meaningless in another process
        raise TypeError(self._no_copy("pickled"))

    def __reduce__(self) -> Any:
        raise TypeError(self._no_copy("pickled"))

    def _describe(self) -> str:
        """What the handle holds, for repr (subclasses say more)."""
        return ""

    def __repr__(self) -> str:
        if self._ptr is None:
            return f"<jbw.{type(self).__name__} closed>"
        try:
            what = self._describe()
        except Exception:  # repr must not raise
            what = ""
        return f"<jbw.{type(self).__name__} {what}>" if what else f"<jbw.{type(self).__name__}>"


def new_handle(fn: Callable, *args: Any) -> int:
    """Calls a constructor ``fn(T **out, *args)`` and returns the handle."""
    out = c_void_p()
    fn(byref(out), *args)
    if not out.value:
        raise MemoryError("libjbw returned no handle")
    return out.value
