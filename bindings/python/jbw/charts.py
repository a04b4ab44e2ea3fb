"""Charts and the council brief (``jbw/brief.h``).

:func:`brief` returns the brief of a snapshot as HTML or Markdown;
:func:`make_brief` returns a :class:`Brief` with the HTML, the Markdown and
every chart as a string.

Each function returns one SVG document as a string: a title, a text
alternative (``<desc>``) that states the figures in words, axis labels with
units, a legend, and patterns that read in black and white. Labels are
Dutch by default (``lang="en"`` for English). ``notice`` adds a line to the
chart (pass :func:`jbw.example_notice` for the embedded example; a Dutch
chart adds under it what that fixed English line means in Dutch). For
publication, ``suppress_below=k`` shows counts from 1 to k - 1 as "< k"
and ``round_to=r`` rounds counts to the nearest multiple of r, showing a
count from 1 to r - 1 as "< r" rather than as 0 (docs/brief.md, "Small
counts for publication").
"""
from __future__ import annotations

import ctypes
import os
from ctypes import (POINTER, c_char_p, c_double, c_int, c_int32, c_size_t,
                    c_uint, c_uint64, c_void_p)
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from ._lib import PP, PSIZE, STATUS, C, declare_all
from ._util import (DateLike, Handle, _invalid, dec, enc, enc_arg, handle_arg, instance, int32,
                    new_handle, take_string, to_days, whole)
from .caseload import CaseloadResult, Group, Series, group_arg, norm_handle
from .dates import Calendar
from .registry import Registry
from .snapshot import Snapshot
from .waitrisk import Lang, Triage, WaitRiskModel

__all__ = ["chart_series", "chart_caseload", "chart_load_spread",
           "chart_coupling", "chart_forecast", "chart_scenarios",
           "chart_bands", "chart_backtest", "PUBLISH_MAX", "Brief", "make_brief", "brief",
           "BRIEF_SCENARIOS_MAX"]

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
    ("jbw_chart_backtest_svg", STATUS, [PP, PSIZE, _P, _PO]),
])

RegistryLike = Union[Registry, Snapshot, None]

#: The largest value of the options' unsigned int fields (suppress_below,
#: round_to): a larger one would reach the library wrapped (2**32 as 0,
#: no suppression at all).
_UINT_MAX = 2**32 - 1


def _months_arg(value: Any, name: str) -> int:
    """A number of months of the brief's options (an int32_t, 0 for the
    default): TypeError for a float, a bool or a str, InvalidArgument
    below 0, RangeError past the C int."""
    v = int32(value, name)
    if v < 0:
        raise _invalid(f"{name} must be at least 0, not {v}")
    return v


def _options(lang: Union[Lang, str, int], title: Optional[str],
             notice: Optional[str], suppress_below: int, round_to: int,
             registry: RegistryLike) -> ChartOptionsC:
    o = ChartOptionsC()
    C.jbw_chart_options_init(ctypes.byref(o), ChartOptionsC.VERSION)
    o.lang = int(Lang.coerce(lang))
    o.title = enc(title)
    o.notice = enc(notice)
    o.suppress_below = whole(suppress_below, "suppress_below", 0, _UINT_MAX)
    o.round_to = whole(round_to, "round_to", 0, _UINT_MAX)
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
    return take_string(C.jbw_chart_series_svg,
                       instance(series, Series, "series")._p, ctypes.byref(o))


def chart_caseload(result: CaseloadResult,
                   group: Union[Group, int] = Group.REGION, *,
                   lang: Union[Lang, str] = "nl", title: Optional[str] = None,
                   notice: Optional[str] = None, suppress_below: int = 0,
                   round_to: int = 0, registry: RegistryLike = None) -> str:
    """Caseload against the norm per organisation or region: load over
    capacity, and required over effective FTE (waiting included).
    ``registry`` (a Registry or Snapshot) names the groups."""
    o = _options(lang, title, notice, suppress_below, round_to, registry)
    return take_string(C.jbw_chart_caseload_svg,
                       instance(result, CaseloadResult, "result")._p, group_arg(group),
                       ctypes.byref(o))


def chart_load_spread(result: CaseloadResult, *,
                      lang: Union[Lang, str] = "nl",
                      title: Optional[str] = None,
                      notice: Optional[str] = None, suppress_below: int = 0,
                      round_to: int = 0) -> str:
    """The number of workers per 10% bin of load over capacity, split
    into under, at and over the norm."""
    o = _options(lang, title, notice, suppress_below, round_to, None)
    return take_string(C.jbw_chart_load_spread_svg,
                       instance(result, CaseloadResult, "result")._p,
                       ctypes.byref(o))


def chart_coupling(result: CaseloadResult,
                   group: Union[Group, int] = Group.REGION, *,
                   lang: Union[Lang, str] = "nl", title: Optional[str] = None,
                   notice: Optional[str] = None, suppress_below: int = 0,
                   round_to: int = 0, registry: RegistryLike = None) -> str:
    """The share of measures started in the period (once their werkdagen
    are over on the date) that had a first worker within the coupling norm
    (5 werkdagen), per organisation or region."""
    o = _options(lang, title, notice, suppress_below, round_to, registry)
    return take_string(C.jbw_chart_coupling_svg,
                       instance(result, CaseloadResult, "result")._p, group_arg(group),
                       ctypes.byref(o))


def chart_forecast(forecast, *, lang: Union[Lang, str] = "nl",
                   title: Optional[str] = None,
                   notice: Optional[str] = None) -> str:
    """A forecast in two panels: the waiting list (nieuw and bestaand
    stacked, the total on top, the 90% band), and capacity against load on
    an axis of their own."""
    from .forecast import Forecast  # here: forecast.py imports this module's peers
    o = _options(lang, title, notice, 0, 0, None)
    return take_string(C.jbw_chart_forecast_svg,
                       instance(forecast, Forecast, "forecast")._p,
                       ctypes.byref(o))


def chart_scenarios(forecasts: Sequence, names: Optional[Sequence[str]] = None,
                    *, lang: Union[Lang, str] = "nl",
                    title: Optional[str] = None,
                    notice: Optional[str] = None) -> str:
    """Scenarios side by side (1 to 8 forecasts) on one waiting-list axis;
    ``names[i]`` names ``forecasts[i]``."""
    n = len(forecasts)
    if names is not None and len(names) != n:
        raise ValueError("names must name every forecast")
    from .forecast import Forecast
    ptrs = (c_void_p * max(n, 1))(
        *[instance(f, Forecast, f"forecasts[{i}]")._p
          for i, f in enumerate(forecasts)])
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
    return take_string(C.jbw_chart_bands_svg,
                       instance(triage, Triage, "triage")._p, ctypes.byref(o))


def chart_backtest(backtest, *, lang: Union[Lang, str] = "nl",
                   title: Optional[str] = None,
                   notice: Optional[str] = None) -> str:
    """A backtest: forecast (dashed) against the records (solid), active
    measures above and waiting nieuw (the waiting list for a history of
    exports) below, with the mean absolute percentage errors. The
    backtest's own data notice wins over ``notice``."""
    from .calibration import Backtest
    o = _options(lang, title, notice, 0, 0, None)
    return take_string(C.jbw_chart_backtest_svg,
                       instance(backtest, Backtest, "backtest")._p,
                       ctypes.byref(o))


# ---- the brief ------------------------------------------------------------------

BRIEF_SCENARIOS_MAX = 8  #: JBW_BRIEF_SCENARIOS_MAX


class BriefOptionsC(ctypes.Structure):
    """jbw_brief_options. x86_64: version 0, lang 4, date 8, (pad), title 16,
    notice 24, norm 32, model 40, calendar 48, series 56, organisation 64,
    region 72, scenarios 80, scenario_names 88, scenario_count 96, months
    104, (pad), replicates 112, seed 120, suppress_below 128, round_to 132,
    relief_target 136, relief_months 144, (pad), queue_percent 152; size
    160."""
    VERSION = 1
    _fields_ = [
        ("version", c_uint),
        ("lang", c_int),
        ("date", c_int32),
        ("title", c_char_p),
        ("notice", c_char_p),
        ("norm", c_void_p),
        ("model", c_void_p),
        ("calendar", c_void_p),
        ("series", c_void_p),
        ("organisation", c_char_p),
        ("region", c_char_p),
        ("scenarios", POINTER(c_void_p)),
        ("scenario_names", POINTER(c_char_p)),
        ("scenario_count", c_size_t),
        ("months", c_int32),
        ("replicates", c_size_t),
        ("seed", c_uint64),
        ("suppress_below", c_uint),
        ("round_to", c_uint),
        ("relief_target", c_double),
        ("relief_months", c_int32),
        ("queue_percent", c_double),
    ]


X86_64_SIZES[BriefOptionsC] = 160

declare_all([
    ("jbw_brief_options_init", STATUS, [POINTER(BriefOptionsC), c_uint]),
    ("jbw_brief_new", STATUS, [PP, _P, POINTER(BriefOptionsC)]),
    ("jbw_brief_free", None, [_P]),
    ("jbw_brief_write", STATUS, [PP, PSIZE, _P, c_int]),
    ("jbw_brief_write_markdown_images", STATUS, [PP, PSIZE, _P, c_char_p]),
    ("jbw_brief_chart_count", c_size_t, [_P]),
    ("jbw_brief_chart", STATUS, [POINTER(c_char_p), POINTER(c_char_p), _P, c_size_t]),
])

_FORMATS = {"html": 0, "md": 1, "markdown": 1}


class Brief(Handle):
    """A council brief of a snapshot (``jbw_brief``): the factual part of a
    raadsinformatiebrief, aggregates only. Make it with :func:`make_brief`
    (or :func:`brief` for the text alone); read it as :meth:`html`,
    :meth:`markdown` and :meth:`charts`."""

    _free = staticmethod(C.jbw_brief_free)
    _instead = (
        "use html(), markdown() or charts() for its text, or make the brief "
        "again")

    def _describe(self) -> str:
        names = []
        for i in range(C.jbw_brief_chart_count(self._p)):
            name = c_char_p()
            C.jbw_brief_chart(ctypes.byref(name), None, self._p, i)
            names.append(dec(name.value) or str(i))
        return f"{len(names)} chart{'' if len(names) == 1 else 's'}: {', '.join(names)}"

    def write(self, format: str = "html") -> str:
        """The brief as "html" (one self-contained file) or "md"."""
        if format not in _FORMATS:
            raise ValueError("format must be 'html' or 'md'")
        return take_string(C.jbw_brief_write, self._p, _FORMATS[format])

    def html(self) -> str:
        """One self-contained HTML file (inline CSS and SVG, no script)."""
        return self.write("html")

    def markdown(self, image_prefix: Optional[str] = None) -> str:
        """Markdown with tables, for pasting into a letter. With
        ``image_prefix``, chart i (0-based, in the order of
        :meth:`charts`) is linked as an image at
        ``"<image_prefix>-<i+1>.svg"``; write the charts there, or use
        :meth:`save_markdown`."""
        if image_prefix is None:
            return self.write("md")
        return take_string(C.jbw_brief_write_markdown_images, self._p,
                           enc(image_prefix))

    def save_markdown(self, path: str) -> List[str]:
        """Writes the Markdown to ``path`` (e.g. "brief.md") and its charts
        beside it as SVG files (brief-1.svg, brief-2.svg, ...), linked
        relatively, as ``jbw brief --format md --out`` does. Returns the
        paths of the chart files."""
        folder, base = os.path.split(path)
        stem = base[:-3] if base.endswith(".md") and len(base) > 3 else base
        if not stem:
            raise ValueError("save_markdown needs a file name")
        files = []
        for i in range(C.jbw_brief_chart_count(self._p)):
            svg = c_char_p()
            C.jbw_brief_chart(None, ctypes.byref(svg), self._p, i)
            name = os.path.join(folder, f"{stem}-{i + 1}.svg")
            with open(name, "wb") as f:
                f.write(svg.value or b"")
            files.append(name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.markdown(image_prefix=stem))
        return files

    def charts(self) -> Dict[str, str]:
        """Every chart of the brief as {name: SVG document}."""
        out: Dict[str, str] = {}
        for i in range(C.jbw_brief_chart_count(self._p)):
            name, svg = c_char_p(), c_char_p()
            C.jbw_brief_chart(ctypes.byref(name), ctypes.byref(svg), self._p, i)
            out[dec(name.value) or str(i)] = dec(svg.value) or ""
        return out


def make_brief(snapshot: Snapshot, *, lang: Union[Lang, str] = "nl",
               date: DateLike = None, title: Optional[str] = None,
               notice: Optional[str] = None, norm=None, model=None,
               calendar=None, series: Optional[Series] = None,
               organisation: Optional[str] = None, region: Optional[str] = None,
               scenarios: Union[Mapping[str, object], Sequence, None] = None,
               months: int = 0, replicates: int = 200, seed: int = 1,
               suppress_below: int = 0, round_to: int = 0,
               relief_target: float = 0.0, relief_months: int = 12,
               queue_percent: float = 90.0) -> Brief:
    """Computes a brief of ``snapshot`` (see ``include/jbw/brief.h``).

    ``scenarios`` is a mapping of names to :class:`jbw.Scenario` (or a list
    of scenarios, named by number), compared with the base; ``series`` the
    waiting series to show (e.g. :func:`jbw.example_series_zhz`). For the
    embedded example pass ``notice=jbw.example_notice()``.

    ``months``, ``replicates``, ``seed``, ``suppress_below``, ``round_to``
    and ``relief_months`` are whole numbers: a float, a bool or a str
    raises TypeError naming the option, a negative number
    jbw.InvalidArgument, a months count past the C int jbw.RangeError."""
    o = BriefOptionsC()
    C.jbw_brief_options_init(ctypes.byref(o), BriefOptionsC.VERSION)
    o.lang = int(Lang.coerce(lang))
    o.date = to_days(date, "date")
    o.title, o.notice = enc(title), enc(notice)
    o.organisation = enc_arg(organisation, "organisation", optional=True)
    o.region = enc_arg(region, "region", optional=True)
    o.norm = norm_handle(norm)
    o.model = handle_arg(model, WaitRiskModel, "model")
    o.calendar = handle_arg(calendar, Calendar, "calendar")
    o.series = handle_arg(series, Series, "series")
    if scenarios is None:
        pairs: List = []
    elif isinstance(scenarios, Mapping):
        pairs = list(scenarios.items())
    else:
        pairs = [(None, s) for s in scenarios]
    n = len(pairs)
    from .forecast import Scenario
    sc = (c_void_p * max(n, 1))(
        *[instance(s, Scenario, "scenarios")._p for _, s in pairs])
    names = (c_char_p * max(n, 1))(*[enc(k) for k, _ in pairs])
    o.scenarios, o.scenario_names, o.scenario_count = sc, names, n
    o.months = _months_arg(months, "months")
    o.replicates = whole(replicates, "replicates", 0, 2**64 - 1)
    o.seed = whole(seed, "seed", 0, 2**64 - 1)
    o.suppress_below = whole(suppress_below, "suppress_below", 0, _UINT_MAX)
    o.round_to = whole(round_to, "round_to", 0, _UINT_MAX)
    o.relief_target = float(relief_target)
    o.relief_months = _months_arg(relief_months, "relief_months")
    o.queue_percent = float(queue_percent)
    return Brief(new_handle(C.jbw_brief_new, instance(snapshot, Snapshot, "snapshot")._p, ctypes.byref(o)),
                 parents=())


def brief(snapshot: Snapshot, format: str = "html", **options) -> str:
    """The brief of ``snapshot`` as HTML or Markdown (``format="md"``); the
    options are those of :func:`make_brief`."""
    with make_brief(snapshot, **options) as b:
        return b.write(format)
