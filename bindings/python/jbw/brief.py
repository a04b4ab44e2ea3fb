"""Charts (``jbw/brief.h``): self-contained, accessible SVG documents.

Each function returns one SVG document as a string: a title, a text
alternative (``<desc>``) that states the figures in words, axis labels with
units, a legend, and patterns that read in black and white. Labels are
Dutch by default (``lang="en"`` for English). ``notice`` adds a line to the
chart (pass :func:`jbw.example_notice` for the embedded example). For
publication, ``suppress_below=k`` shows counts from 1 to k - 1 as "< k"
and ``round_to=r`` rounds counts to the nearest multiple of r.
"""
from __future__ import annotations

import ctypes
from ctypes import POINTER, c_char_p, c_int, c_size_t, c_uint, c_void_p
from typing import Optional, Sequence, Union

from ._lib import PP, PSIZE, STATUS, C, declare_all
from ._util import enc, take_string
from .caseload import CaseloadResult, Group, Series
from .registry import Registry
from .snapshot import Snapshot
from .waitrisk import Lang, Triage

__all__ = ["chart_series", "chart_caseload", "chart_load_spread",
           "chart_coupling", "chart_forecast", "chart_scenarios",
           "chart_bands", "PUBLISH_MAX"]

PUBLISH_MAX = 1000  #: JBW_PUBLISH_MAX


class ChartOptionsC(ctypes.Structure):
    """jbw_chart_options. x86_64: version 0, lang 4, title 8, notice 16,
    suppress_below 24, round_to 28, registry 32; size 40."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("lang", c_int),
        ("title", c_char_p),
        ("notice", c_char_p),
        ("suppress_below", c_uint),
        ("round_to", c_uint),
        ("registry", c_void_p),
    ]


#: Hand-derived x86_64 sizes (checked by the tests).
X86_64_SIZES = {ChartOptionsC: 40}

_P = c_void_p
_PO = POINTER(ChartOptionsC)
declare_all([
    ("jbw_chart_options_init", STATUS, [_PO, c_uint]),
    ("jbw_chart_series_svg", STATUS, [PP, PSIZE, _P, _PO]),
    ("jbw_chart_caseload_svg", STATUS, [PP, PSIZE, _P, c_int, _PO]),
    ("jbw_chart_load_spread_svg", STATUS, [PP, PSIZE, _P, _PO]),
    ("jbw_chart_coupling_svg", STATUS, [PP, PSIZE, _P, c_int, _PO]),
    ("jbw_chart_forecast_svg", STATUS, [PP, PSIZE, _P, _PO]),
    ("jbw_chart_scenarios_svg", STATUS,
     [PP, PSIZE, POINTER(c_void_p), POINTER(c_char_p), c_size_t, _PO]),
    ("jbw_chart_bands_svg", STATUS, [PP, PSIZE, _P, _PO]),
])

RegistryLike = Union[Registry, Snapshot, None]


def _options(lang: Union[Lang, str, int], title: Optional[str],
             notice: Optional[str], suppress_below: int, round_to: int,
             registry: RegistryLike) -> ChartOptionsC:
    o = ChartOptionsC()
    C.jbw_chart_options_init(ctypes.byref(o), ChartOptionsC.VERSION)
    o.lang = int(Lang.coerce(lang))
    o.title = enc(title)
    o.notice = enc(notice)
    if suppress_below < 0 or round_to < 0:
        raise ValueError("suppress_below and round_to must not be negative")
    o.suppress_below = suppress_below
    o.round_to = round_to
    if isinstance(registry, Snapshot):
        o.registry = C.jbw_snapshot_registry(registry._p)
    elif isinstance(registry, Registry):
        o.registry = registry._p
    elif registry is not None:
        raise TypeError("registry must be a Registry, a Snapshot or None")
    return o


def chart_series(series: Series, *, lang: Union[Lang, str] = "nl",
                 title: Optional[str] = None, notice: Optional[str] = None,
                 suppress_below: int = 0, round_to: int = 0) -> str:
    """The waiting series: stacked bars of nieuw and bestaand per date, on a
    true time axis, the total above each bar."""
    o = _options(lang, title, notice, suppress_below, round_to, None)
    return take_string(C.jbw_chart_series_svg, series._p, ctypes.byref(o))


def chart_caseload(result: CaseloadResult,
                   group: Union[Group, int] = Group.REGION, *,
                   lang: Union[Lang, str] = "nl", title: Optional[str] = None,
                   notice: Optional[str] = None, suppress_below: int = 0,
                   round_to: int = 0, registry: RegistryLike = None) -> str:
    """Caseload against the norm per organisation or region: load over
    capacity, and required over effective FTE (waiting included).
    ``registry`` (a Registry or Snapshot) names the groups."""
    o = _options(lang, title, notice, suppress_below, round_to, registry)
    return take_string(C.jbw_chart_caseload_svg, result._p, int(group),
                       ctypes.byref(o))


def chart_load_spread(result: CaseloadResult, *,
                      lang: Union[Lang, str] = "nl",
                      title: Optional[str] = None,
                      notice: Optional[str] = None, suppress_below: int = 0,
                      round_to: int = 0) -> str:
    """The number of workers per 10% bin of load over capacity, split
    into under, at and over the norm."""
    o = _options(lang, title, notice, suppress_below, round_to, None)
    return take_string(C.jbw_chart_load_spread_svg, result._p,
                       ctypes.byref(o))


def chart_coupling(result: CaseloadResult,
                   group: Union[Group, int] = Group.REGION, *,
                   lang: Union[Lang, str] = "nl", title: Optional[str] = None,
                   notice: Optional[str] = None, suppress_below: int = 0,
                   round_to: int = 0, registry: RegistryLike = None) -> str:
    """The share of measures started in the period that had a first worker
    within the coupling norm (5 werkdagen), per organisation or region."""
    o = _options(lang, title, notice, suppress_below, round_to, registry)
    return take_string(C.jbw_chart_coupling_svg, result._p, int(group),
                       ctypes.byref(o))


def chart_forecast(forecast, *, lang: Union[Lang, str] = "nl",
                   title: Optional[str] = None,
                   notice: Optional[str] = None) -> str:
    """A forecast in two panels: the waiting list (nieuw and bestaand
    stacked, the total on top, the 90% band), and capacity against load on
    an axis of their own."""
    o = _options(lang, title, notice, 0, 0, None)
    return take_string(C.jbw_chart_forecast_svg, forecast._p, ctypes.byref(o))


def chart_scenarios(forecasts: Sequence, names: Optional[Sequence[str]] = None,
                    *, lang: Union[Lang, str] = "nl",
                    title: Optional[str] = None,
                    notice: Optional[str] = None) -> str:
    """Scenarios side by side (1 to 8 forecasts) on one waiting-list axis;
    ``names[i]`` names ``forecasts[i]``."""
    n = len(forecasts)
    if names is not None and len(names) != n:
        raise ValueError("names must name every forecast")
    ptrs = (c_void_p * max(n, 1))(*[f._p for f in forecasts])
    raw = [enc(x) for x in names] if names is not None else [None] * n
    cnames = (c_char_p * max(n, 1))(*raw)
    o = _options(lang, title, notice, 0, 0, None)
    return take_string(C.jbw_chart_scenarios_svg, ptrs, cnames, n,
                       ctypes.byref(o))


def chart_bands(triage: Triage, *, lang: Union[Lang, str] = "nl",
                title: Optional[str] = None, notice: Optional[str] = None,
                suppress_below: int = 0, round_to: int = 0) -> str:
    """The waiting list per waiting-risk band, nieuw and bestaand: counts
    only."""
    o = _options(lang, title, notice, suppress_below, round_to, None)
    return take_string(C.jbw_chart_bands_svg, triage._p, ctypes.byref(o))
