"""Exceptions raised by the jbw package.

Every libjbw function that can fail returns a negative ``jbw_status``; the
bindings turn it into an instance of the matching :class:`Error` subclass.
The exception carries the status code (``status``), the library's short
description of it (``strerror``) and the detail message the library recorded
for the failing call (``detail``, e.g. ``"measures.csv line 14, column
'start': not a date, February 2025 has 28 days: '31-02-2025'"``: where,
why, then the value refused).

Where a Python built-in exception means the same thing, the subclass also
derives from it, so ``except ValueError`` catches a bad argument from libjbw
as it would from any Python function.
"""
from __future__ import annotations

from typing import Dict, Optional, Type

__all__ = [
    "Error", "InvalidArgument", "OutOfMemory", "RangeError", "ParseError",
    "NotFound", "Duplicate", "VersionError", "JbwIOError",
    "ProtectedAttribute", "BufferTooSmall", "Canceled", "error_class",
]


class Error(Exception):
    """Base class of every error libjbw reports.

    Attributes:
        status: the negative ``jbw_status`` code.
        strerror: the library's static description of the code.
        detail: the library's message for this failure ("" when none).
    """

    status: int = 0

    def __init__(self, status: int, detail: str = "", strerror: str = "") -> None:
        text = f"{strerror}: {detail}" if strerror and detail else (detail or strerror)
        super().__init__(text or f"libjbw status {status}")
        # Set after the built-in base's __init__, which may reset them (OSError).
        self.status = status
        self.detail = detail
        self.strerror = strerror
        self._text = text or f"libjbw status {status}"

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._text!r})"

    def __reduce__(self):  # keeps the exception picklable (multiprocessing)
        return (type(self), (self.status, self.detail, self.strerror))


class InvalidArgument(Error, ValueError):
    """JBW_EINVAL: an argument is invalid (NULL, NaN, out of its domain)."""


class OutOfMemory(Error, MemoryError):
    """JBW_ENOMEM: the library could not allocate memory."""


class RangeError(Error, ValueError):
    """JBW_ERANGE: a value (a date, an index) lies outside the supported range."""


class ParseError(Error, ValueError):
    """JBW_EPARSE: text (a date, a CSV file, a norm or model file) could not be parsed."""


class NotFound(Error, LookupError):
    """JBW_ENOTFOUND: a key, id or file does not exist."""


class Duplicate(Error, ValueError):
    """JBW_EDUPLICATE: an id or key occurs twice."""


class VersionError(Error):
    """JBW_EVERSION: a struct or file version is not supported."""


class JbwIOError(Error, OSError):
    """JBW_EIO: reading or writing a file failed (the detail names the path
    and the system's reason). ``errno`` is None: the library reports its
    own status, not the system's error number."""

    def __new__(cls, *args, **kwargs):
        # OSError.__new__ would read (status, detail, strerror) as
        # (errno, strerror, filename).
        return OSError.__new__(cls)


class ProtectedAttribute(Error, ValueError):
    """JBW_EPROTECTED: a model file names a protected attribute (nationality, ...)."""


class BufferTooSmall(Error):
    """JBW_EBUFFER: a buffer given to the library was too small."""


class Canceled(Error):
    """JBW_ECANCELED: a progress callback asked the library to stop."""


_BY_STATUS: Dict[int, Type[Error]] = {
    -1: InvalidArgument,
    -2: OutOfMemory,
    -3: RangeError,
    -4: ParseError,
    -5: NotFound,
    -6: Duplicate,
    -7: VersionError,
    -8: JbwIOError,
    -9: ProtectedAttribute,
    -10: BufferTooSmall,
    -11: Canceled,
}

for _code, _cls in _BY_STATUS.items():
    _cls.status = _code
del _code, _cls


def error_class(status: int) -> Type[Error]:
    """The exception class for a ``jbw_status`` code (:class:`Error` for codes
    this version of the bindings does not know)."""
    return _BY_STATUS.get(status, Error)


def make_error(status: int, detail: str, strerror: Optional[str] = None) -> Error:
    """Builds the exception for a failing status (used by the function table)."""
    return error_class(status)(status, detail, strerror or "")
