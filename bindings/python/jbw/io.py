"""File helpers of ``jbw/io.h``: whole-file read, atomic replace-write.

Snapshot and registry CSV import/export are methods of
:class:`jbw.Snapshot` and :class:`jbw.Registry`.
"""
from __future__ import annotations

import os
from typing import Union

from ._lib import C
from ._util import path_arg, take_bytes, text_arg

__all__ = ["read_file", "write_file"]


def read_file(path: Union[str, "os.PathLike[str]"]) -> bytes:
    """Reads a whole file through the library (JbwIOError names the path and
    the system's reason)."""
    return take_bytes(C.jbw_read_file, path_arg(path))


def write_file(path: Union[str, "os.PathLike[str]"], data: Union[str, bytes]) -> None:
    """Replaces a file: the data goes to a temporary file beside it that is
    renamed into place, so a failed write leaves the old file as it was.
    str data is written as UTF-8."""
    raw = text_arg(data)
    C.jbw_write_file(path_arg(path), raw, len(raw))
