"""``python3 -m jbw``: the subcommands of the ``jbw`` command, on the
bindings.

Same subcommands, options, output formats and exit status as the C command
(0 success, 1 bad input, 2 bad usage); every output is written by the
library's own writers, so the JSON equals the C command's. Output made from
the embedded example says it is synthetic: a first line in text, a
"data_notice" key in JSON, a line on stderr for CSV.
"""
from __future__ import annotations

import math
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence

from . import errors
from .caseload import Norm, Series, compute_caseload
from .dates import YEAR_MAX, YEAR_MIN, Calendar, parse_date, weekday
from .example import example_notice
from .io import write_file
from .registry import Registry
from .snapshot import Snapshot
from .waitrisk import Allocation, Lang, Triage, WaitRiskModel

USAGE = """usage: python3 -m jbw COMMAND [options]

commands:
  report    caseloads against the norm, waiting nieuw/bestaand, coupling norm
  triage    rank the waiting list by waiting risk, with reasons
  allocate  propose fixed workers for the waiting list
  forecast  project the waiting list month by month
  staffing  FTE needed: --target N --months T, or --within-workdays N --percent P
  series    the published Zuid-Holland Zuid series (nieuw/bestaand)
  export    write the input data as CSV: --dir D
  calendar  YEAR          the holidays of a year
  workdays  FROM TO       werkdagen from FROM to TO
  version

inputs (default: the embedded synthetic Zuid-West example):
  --measures F --workers F [--registry F] [--lenient]
common options:
  --date D            reference date (ISO 2025-09-01 or Dutch 1-9-2025)
  --format F          text (default), json or csv
  --norm F            norm file (report, allocate, forecast, staffing)
  --model F           waiting-risk model file (triage, allocate)
  --top N             only the first N cases (triage)
  --lang nl|en        language of reasons (triage; default nl)
  --scenario F        scenario file (forecast, staffing)
  --months N          forecast horizon in months
  --replicates R      stochastic replicates (forecast; 0 = deterministic)
  --seed S            random seed (forecast)
  --svg F             also write the forecast chart as SVG
  --organisation K    forecast/staffing for one organisation (registry key)
  --region K          forecast/staffing for one region (registry key)
see docs/ for the file formats and the models.
"""

_WEEKDAYS = ("", "ma", "di", "wo", "do", "vr", "za", "zo")


class Usage(Exception):
    """Bad usage: exit 2 after the message."""


class Failed(Exception):
    """Bad input, already reported: exit 1."""


@dataclass
class Options:
    """The parsed command line (the C command's ``jbw_cli``)."""
    measures: Optional[str] = None
    workers: Optional[str] = None
    registry: Optional[str] = None
    norm: Optional[str] = None
    model: Optional[str] = None
    scenario: Optional[str] = None
    dir: Optional[str] = None
    svg: Optional[str] = None
    organisation: Optional[str] = None
    region: Optional[str] = None
    lenient: bool = False
    date: Optional[object] = None
    format: str = "text"
    top: int = 0
    lang: Lang = Lang.NL
    months: int = 0
    replicates: int = -1
    seed: Optional[int] = None
    target: float = math.nan
    within_workdays: int = -1
    percent: float = math.nan
    positional: List[str] = field(default_factory=list)
    example: bool = False


def _err(text: str) -> None:
    sys.stderr.write(f"jbw: {text}\n")


def _usage(why: str) -> Usage:
    return Usage(f"{why} (see 'python3 -m jbw --help')")


def _report(e: errors.Error) -> Failed:
    _err(f"{e.strerror}: {e.detail}")
    return Failed()


# What strtol / strtod accept with nothing left over (the C command's test).
_WHOLE = re.compile(r"\s*[+-]?[0-9]+\Z")
_NUMBER = re.compile(r"\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")


def _parse_long(opt: str, s: str, lo: int, hi: int) -> int:
    if not _WHOLE.match(s) or not lo <= int(s) <= hi:
        raise Usage(f"{opt} needs a whole number from {lo} to {hi}, not '{s}'")
    return int(s)


def _parse_number(opt: str, s: str) -> float:
    if not _NUMBER.match(s) or not math.isfinite(float(s)):
        raise Usage(f"{opt} needs a number, not '{s}'")
    return float(s)


def parse_args(argv: Sequence[str]) -> Options:
    """Parses the options after the subcommand, as the C command does."""
    o = Options()
    i = 0
    simple = {"--measures": "measures", "--workers": "workers", "--registry": "registry",
              "--norm": "norm", "--model": "model", "--scenario": "scenario",
              "--dir": "dir", "--svg": "svg", "--organisation": "organisation",
              "--region": "region"}
    while i < len(argv):
        a = argv[i]
        if not a.startswith("--"):
            if len(o.positional) >= 4:
                raise _usage("too many arguments")
            o.positional.append(a)
            i += 1
            continue
        if a == "--lenient":
            o.lenient = True
            i += 1
            continue
        if i + 1 >= len(argv):
            raise Usage(f"{a} needs a value (see 'python3 -m jbw --help')")
        v = argv[i + 1]
        i += 2
        if a in simple:
            setattr(o, simple[a], v)
        elif a == "--date":
            try:
                o.date = parse_date(v)
            except errors.Error as e:
                raise Usage(f"--date: {e.detail}") from None
        elif a == "--format":
            if v not in ("text", "json", "csv"):
                raise _usage("--format is text, json or csv")
            o.format = v
        elif a == "--lang":
            if v not in ("nl", "en"):
                raise _usage("--lang is nl or en")
            o.lang = Lang.coerce(v)
        elif a == "--top":
            o.top = _parse_long(a, v, 1, 100000000)
        elif a == "--months":
            o.months = _parse_long(a, v, 1, 600)
        elif a == "--replicates":
            o.replicates = _parse_long(a, v, 0, 1000000)
        elif a == "--seed":
            if not re.match(r"\s*\+?[0-9]+\Z", v) or int(v) >= 2 ** 64:
                raise _usage("--seed needs a non-negative whole number")
            o.seed = int(v)
        elif a == "--target":
            o.target = _parse_number(a, v)
        elif a == "--within-workdays":
            o.within_workdays = _parse_long(a, v, 0, 10000)
        elif a == "--percent":
            o.percent = _parse_number(a, v)
        else:
            raise Usage(f"unknown option '{a}' (see 'python3 -m jbw --help')")
    if (o.measures is None) != (o.workers is None):
        raise _usage("--measures and --workers go together")
    if o.registry and not o.measures:
        raise _usage("--registry goes with --measures and --workers")
    return o


# ---- shared steps -------------------------------------------------------------

def load(o: Options) -> Snapshot:
    """The snapshot from --measures/--workers, or the embedded example."""
    try:
        if not o.measures:
            o.example = True
            return Snapshot.example()
        reg = Registry.load_csv(o.registry) if o.registry else Registry.zuid_west()
        with reg:
            snap = Snapshot.load_csv(o.measures, o.workers, reg, lenient=o.lenient)  # type: ignore[arg-type]
    except errors.Error as e:
        raise _report(e) from None
    for r in snap.rejects:
        _err(f"rejected {r.file} line {r.line}: {r.reason}")
    if snap.rejects:
        _err(f"{len(snap.rejects)} row(s) rejected and left out")
    return snap


def load_norm(o: Options) -> Norm:
    """The norm from --norm, or the default."""
    return Norm.load(o.norm) if o.norm else Norm()


def load_model(o: Options) -> WaitRiskModel:
    """The waiting-risk model from --model, or the default."""
    return WaitRiskModel.load(o.model) if o.model else WaitRiskModel()


def _write(text: str) -> None:
    out = getattr(sys.stdout, "buffer", None)
    if out is not None:
        sys.stdout.flush()
        out.write(text.encode("utf-8"))
        out.flush()
    else:
        sys.stdout.write(text)


def emit(o: Options, text: str) -> None:
    """Writes a result, marking example-based output synthetic exactly as
    the C command does."""
    if not o.example:
        _write(text)
    elif o.format == "json":
        if text.startswith("{"):
            _write('{"data_notice":"%s",' % example_notice() + text[1:])
        else:
            _write(text)
    elif o.format == "csv":
        _err(example_notice())
        _write(text)
    else:
        _write(f"{example_notice()}\n\n" + text)


# ---- commands -----------------------------------------------------------------

def cmd_version(o: Options) -> int:
    from . import __version__, abi_major, version
    _write(f"jbw {__version__} (libjbw {version()}, ABI {abi_major()})\n")
    return 0


def cmd_calendar(o: Options) -> int:
    if len(o.positional) != 1:
        raise _usage("calendar takes one YEAR")
    text = o.positional[0]
    if not _WHOLE.match(text) or not YEAR_MIN <= int(text) <= YEAR_MAX:
        _err(f"'{text}' is not a year from {YEAR_MIN} to {YEAR_MAX}")
        return 1
    year = int(text)
    with Calendar() as cal:
        lines = [f"{h.date.isoformat()} {_WEEKDAYS[weekday(h.date)]} {h.name}\n"
                 for h in cal.holidays(year)]
    _write("".join(lines))
    return 0


def cmd_workdays(o: Options) -> int:
    if len(o.positional) != 2:
        raise _usage("workdays takes FROM and TO")
    a = parse_date(o.positional[0])
    b = parse_date(o.positional[1])
    with Calendar() as cal:
        _write(f"{cal.workdays_between(a, b)}\n")
    return 0


def cmd_export(o: Options) -> int:
    if not o.dir:
        raise _usage("export needs --dir D")
    with load(o) as snap:
        os.makedirs(o.dir, exist_ok=True)
        write_file(os.path.join(o.dir, "measures.csv"), snap.measures_csv())
        write_file(os.path.join(o.dir, "workers.csv"), snap.workers_csv())
        with snap.registry() as reg:
            write_file(os.path.join(o.dir, "registry.csv"), reg.to_csv())
    return 0


def cmd_report(o: Options) -> int:
    with load(o) as snap, load_norm(o) as norm, Calendar() as cal:
        result = compute_caseload(snap, norm, cal, date=o.date)
        if o.format == "json":
            text = result.to_json()
        elif o.format == "csv":
            text = result.to_csv()
        else:
            text = result.to_text()
        emit(o, text)
    return 0


def _triage(o: Options, allocate: bool) -> int:
    with load(o) as snap, load_model(o) as model, Calendar() as cal:
        triage = Triage(snap, model, cal, o.date)
        if not allocate:
            writer = {"json": triage.to_json, "csv": triage.to_csv}.get(o.format, triage.to_text)
            text = writer(o.top, o.lang)
        else:
            with load_norm(o) as norm:
                alloc = Allocation(triage, norm, cal)
                writer = {"json": alloc.to_json, "csv": alloc.to_csv}.get(o.format, alloc.to_text)
                text = writer()
        emit(o, text)
    return 0


def cmd_triage(o: Options) -> int:
    return _triage(o, False)


def cmd_allocate(o: Options) -> int:
    return _triage(o, True)


def cmd_series(o: Options) -> int:
    with Series.example_zhz() as series:
        writer = {"json": series.to_json, "csv": series.to_csv}.get(o.format, series.to_text)
        _write(writer())
    return 0


def cmd_forecast(o: Options) -> int:
    from .forecast import cli_forecast
    return cli_forecast(o)


def cmd_staffing(o: Options) -> int:
    from .forecast import cli_staffing
    return cli_staffing(o)


COMMANDS: Dict[str, Callable[[Options], int]] = {
    "report": cmd_report,
    "triage": cmd_triage,
    "allocate": cmd_allocate,
    "forecast": cmd_forecast,
    "staffing": cmd_staffing,
    "series": cmd_series,
    "export": cmd_export,
    "calendar": cmd_calendar,
    "workdays": cmd_workdays,
    "version": cmd_version,
}


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs one subcommand; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("--help", "-h", "help"):
        (sys.stderr if not args else sys.stdout).write(USAGE)
        return 2 if not args else 0
    run = COMMANDS.get(args[0])
    if run is None:
        sys.stderr.write(f"jbw: unknown command '{args[0]}'\n\n{USAGE}")
        return 2
    try:
        return run(parse_args(args[1:]))
    except Usage as u:
        _err(str(u))
        return 2
    except Failed:
        return 1
    except errors.Error as e:
        _err(f"{e.strerror}: {e.detail}")
        return 1
    except NotImplementedError as e:  # an older library without the function
        _err(str(e))
        return 1
    except BrokenPipeError:
        return 1



# ---- forecast and staffing ------------------------------------------------------

def _build_params(o: Options, snap: Snapshot, norm: Norm):
    """Snapshot start state, then the scenario, then --months (as the C
    command's build_params)."""
    from .forecast import ForecastParams, Scenario
    params = ForecastParams.from_snapshot(snap, norm, o.date, o.organisation, o.region)
    if o.scenario:
        with Scenario.load(o.scenario) as sc:
            params = sc.apply(params)
    if o.months:
        params.months = o.months
    return params


class _Progress:
    """Progress on stderr, only on a terminal and after the first second."""

    def __init__(self) -> None:
        import time
        self._clock = time.monotonic
        self.started = self._clock()
        self.shown = False

    def __call__(self, done: int, total: int) -> bool:
        if self._clock() - self.started < 1.0 and done < total:
            return False
        if done < total or self.shown:
            sys.stderr.write("\rjbw: forecast %3.0f%%" % (100.0 * done / total))
            self.shown = True
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        return False


def forecast_command(o: Options) -> int:
    """The forecast subcommand."""
    from .forecast import run_forecast
    with load(o) as snap, load_norm(o) as norm:
        params = _build_params(o, snap, norm)
        replicates = o.replicates if o.replicates > 0 else 0
        progress = _Progress() if replicates and sys.stderr.isatty() else None
        kwargs = {"replicates": replicates, "progress": progress}
        if o.seed is not None:
            kwargs["seed"] = o.seed
        with run_forecast(params, norm, **kwargs) as fc:  # type: ignore[arg-type]
            if o.svg:
                write_file(o.svg, fc.to_svg())
            writer = {"json": fc.to_json, "csv": fc.to_csv}.get(o.format, fc.to_text)
            emit(o, writer())
    return 0


def _workdays_per_month(day) -> float:
    """Average werkdagen per month in the year of ``day`` (default calendar)."""
    import datetime as dt
    with Calendar() as cal:
        jan1 = dt.date(day.year, 1, 1)
        next_jan1 = dt.date(day.year + 1, 1, 1)
        n = cal.workdays_between(jan1 - dt.timedelta(days=1), next_jan1 - dt.timedelta(days=1))
    return n / 12.0


def staffing_command(o: Options) -> int:
    """The staffing subcommand: relief (--target, --months) or the queue view
    (--within-workdays, --percent)."""
    from .forecast import QueueParams, queue_share, queue_staffing, relief, run_forecast
    relief_q = not math.isnan(o.target)
    queue_q = o.within_workdays >= 0 or not math.isnan(o.percent)
    if relief_q == queue_q:
        raise _usage("staffing needs --target N --months T, or --within-workdays N --percent P")
    if relief_q and not o.months:
        raise _usage("staffing --target needs --months T")
    if queue_q and (o.within_workdays < 0 or math.isnan(o.percent)):
        raise _usage("staffing needs both --within-workdays and --percent")
    with load(o) as snap, load_norm(o) as norm:
        params = _build_params(o, snap, norm)
        if relief_q:
            hires = relief(params, o.target, o.months, norm)
            emit(o, _relief_text(o, hires, params.turnover))
            return 0
        wpm = _workdays_per_month(snap.reference_date)
        q = QueueParams.from_forecast(params, wpm, norm, within_workdays=float(o.within_workdays))
        need = queue_staffing(q, o.percent)
        params.months = 1
        with run_forecast(params, norm) as fc:
            now_fte = fc.month(0).effective_fte
        now = queue_share(q, now_fte)
        emit(o, _queue_text(o, q, need, now, now_fte))
    return 0


def _relief_text(o: Options, hires: float, turnover: float) -> str:
    total = hires * o.months
    if o.format == "json":
        return ('{"question":"relief","target_waiting":%.6g,"within_months":%d,'
                '"hires_fte_per_month":%.3f,"total_hires_fte":%.3f,"annual_turnover":%.6g}\n'
                % (o.target, o.months, hires, total, turnover))
    if o.format == "csv":
        return ("target_waiting,within_months,hires_fte_per_month,total_hires_fte,annual_turnover\n"
                "%.6g,%d,%.3f,%.3f,%.6g\n" % (o.target, o.months, hires, total, turnover))
    return ("Relief: to bring the waiting list to at most %g measures within %d months,\n"
            "hire %.3f FTE every month (%.1f FTE in all), at %.0f%% annual turnover.\n"
            % (o.target, o.months, hires, total, 100.0 * turnover))


def _queue_text(o: Options, q, need, now, now_fte: float) -> str:
    if o.format == "json":
        return ('{"question":"queue","within_workdays":%.6g,"percent":%.6g,'
                '"arrivals_per_workday":%.6f,"mean_duration_workdays":%.3f,'
                '"slots_per_fte":%.6f,"offered_load":%.3f,'
                '"needed":{"slots":%d,"fte":%.3f,"p_wait":%.6f,"share_within":%.6f},'
                '"current":{"effective_fte":%.3f,"slots":%d,"p_wait":%.6f,"share_within":%.6f}}\n'
                % (q.within_workdays, o.percent, q.arrivals_per_workday,
                   q.mean_duration_workdays, q.slots_per_fte, need.offered_load,
                   need.slots, need.fte, need.p_wait, need.share_within, now_fte,
                   now.slots, now.p_wait, now.share_within))
    if o.format == "csv":
        return ("scope,within_workdays,slots,fte,p_wait,share_within\n"
                "needed,%.6g,%d,%.3f,%.6f,%.6f\ncurrent,%.6g,%d,%.3f,%.6f,%.6f\n"
                % (q.within_workdays, need.slots, need.fte, need.p_wait, need.share_within,
                   q.within_workdays, now.slots, now_fte, now.p_wait, now.share_within))
    return ("Queue view (Erlang C): %.2f new measures per werkdag, each holding a slot\n"
            "for %.0f werkdagen on average: offered load %.1f slots.\n"
            "For at least %g%% to get a fixed worker within %g werkdagen:\n"
            "  %d slots = %.1f FTE (%.1f%% within, %.1f%% wait at all)\n"
            "Now: %.1f effective FTE = %d slots: %.1f%% within %g werkdagen\n"
            % (q.arrivals_per_workday, q.mean_duration_workdays, need.offered_load,
               o.percent, q.within_workdays, need.slots, need.fte,
               100.0 * need.share_within, 100.0 * need.p_wait, now_fte, now.slots,
               100.0 * now.share_within, q.within_workdays))
