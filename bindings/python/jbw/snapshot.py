"""Snapshots: workers and measures at a reference date, validated on insert
(``jbw/snapshot.h``), with CSV import and export (``jbw/io.h``)."""
from __future__ import annotations

import datetime as _dt
import enum
import os
from ctypes import byref, c_char_p, c_int, c_size_t, c_void_p
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple, Union

from . import _structs as S
from ._lib import STATUS, C, declare_all
from ._util import (DateLike, Handle, _count, dec, enc, enc_arg, flag, from_days, instance,
                    new_handle, path_arg, seq_index, take_string, text_arg, to_days,
                    warn_caller, whole)

from .errors import InvalidArgument
from .measure import Kind, Measure, Worker, kind_count
from .registry import Registry

declare_all([
    ("jbw_snapshot_set_data_notice", STATUS, [c_void_p, c_char_p]),
])

__all__ = ["Snapshot", "MeasureState", "Counts", "Reject", "EXAMPLE_SEED",
           "LOAD_THREADS_MAX"]

#: The seed of the embedded example (JBW_EXAMPLE_SEED).
EXAMPLE_SEED = 20250901

PathLike = Union[str, "os.PathLike[str]"]


class MeasureState(enum.IntEnum):
    """State of a measure on a date (``jbw_measure_state``)."""
    INACTIVE = 0
    ASSIGNED = 1
    NIEUW = 2      #: never had a fixed worker
    BESTAAND = 3   #: had a worker who dropped out

    @property
    def code(self) -> str:
        """"inactive", "assigned", "nieuw", "bestaand"."""
        return dec(C.jbw_measure_state_code(int(self))) or ""


def _by_kind(arr) -> Dict[Kind, int]:
    n = min(kind_count(), len(Kind))
    return {Kind(k): int(arr[k]) for k in range(n)}


@dataclass(frozen=True)
class Counts:
    """Counts of a snapshot on a date (``jbw_snapshot_counts``)."""
    active: int
    assigned: int
    waiting_nieuw: int
    waiting_bestaand: int
    children: int
    families: int
    workers: int
    by_kind: Dict[Kind, int] = field(default_factory=dict)

    @property
    def waiting(self) -> int:
        """Children's measures without a fixed worker (nieuw + bestaand)."""
        return self.waiting_nieuw + self.waiting_bestaand

    def to_dict(self) -> dict:
        """Plain dict; ``by_kind`` keyed by kind code."""
        d = {k: getattr(self, k) for k in ("active", "assigned", "waiting_nieuw",
                                          "waiting_bestaand", "children", "families",
                                          "workers")}
        d["by_kind"] = {k.code: v for k, v in self.by_kind.items()}
        return d


@dataclass(frozen=True)
class Reject:
    """A row a lenient load left out: file, line (1 = header) and reason."""
    file: str
    line: int
    reason: str


#: The most ``threads`` a load takes (JBW_LOAD_THREADS_MAX).
LOAD_THREADS_MAX = 256


def _load_options(lenient: bool, allow_unknown_columns: bool,
                  reference_date: DateLike, max_file_bytes: Optional[int] = None,
                  max_line_bytes: Optional[int] = None,
                  threads: int = 1) -> S.LoadOptions:
    opts = S.LoadOptions()
    C.jbw_load_options_init(byref(opts), S.LoadOptions.VERSION)
    opts.lenient = 1 if flag(lenient, "lenient") else 0
    opts.allow_unknown_columns = 1 if flag(allow_unknown_columns, "allow_unknown_columns") else 0
    opts.reference_date = to_days(reference_date, "reference_date")
    opts.max_file_bytes = _byte_limit("max_file_bytes", max_file_bytes)
    opts.max_line_bytes = _byte_limit("max_line_bytes", max_line_bytes)
    opts.threads = whole(threads, "threads", 0, LOAD_THREADS_MAX)
    return opts


def _byte_limit(name: str, value: Optional[int]) -> int:
    """A limit of the readers: None is the library's default (0)."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number of bytes, not {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, not {value}")
    return value


def _take_rejects(handle: Optional[int]) -> List[Reject]:
    if not handle:
        return []
    try:
        out = []
        f, r = c_char_p(), c_char_p()
        line = c_size_t()
        for i in range(C.jbw_rejects_count(handle)):
            C.jbw_rejects_get(byref(f), byref(line), byref(r), handle, i)
            out.append(Reject(dec(f.value) or "", line.value, dec(r.value) or ""))
        return out
    finally:
        C.jbw_rejects_free(handle)


RegistryArg = Union[Registry, str, "os.PathLike[str]", None]


def _registry(registry: RegistryArg) -> Tuple[Registry, bool]:
    """The registry a snapshot is made with, and whether it was made here
    (to close after): None is the embedded Zuid-West registry, a path (str
    or os.PathLike, as ``jbw --registry F``) a registry.csv read with
    :meth:`Registry.load_csv`."""
    if registry is None:
        return Registry.zuid_west(), True
    if isinstance(registry, Registry):
        return registry, False
    if isinstance(registry, (str, os.PathLike)):
        return Registry.load_csv(registry), True
    raise TypeError("registry must be a jbw.Registry, a path to a registry.csv "
                    f"or None, not {type(registry).__name__}")


class Snapshot(Handle):
    """Workers and measures at a reference date (``jbw_snapshot``).

    Build one from records (``Snapshot(registry, date)`` then
    :meth:`add_worker` / :meth:`add_measure`; registry None: the embedded
    Zuid-West registry; the snapshot keeps its own copy), load CSV (:meth:`load_csv`),
    or take the embedded synthetic example (:meth:`example`). A loaded
    snapshot's :attr:`rejects` lists the rows a lenient load left out.
    """

    _free = staticmethod(C.jbw_snapshot_free)
    _instead = (
        "load it again (Snapshot.load_csv, from_csv or example), or pass "
        "measures_csv() and workers_csv() to Snapshot.from_csv")

    def __init__(self, registry: RegistryArg = None,
                 reference_date: DateLike = None, *, _handle: int = 0) -> None:
        if not _handle:
            if reference_date is None:
                raise TypeError("Snapshot needs a reference_date")
            days = to_days(reference_date, "reference_date")
            reg, made = _registry(registry)
            try:
                _handle = new_handle(C.jbw_snapshot_new, reg._p, days)
            finally:
                if made:
                    reg.close()
        super().__init__(_handle)
        #: Rows a lenient load left out (empty otherwise).
        self.rejects: List[Reject] = []
        #: True for the embedded synthetic example.
        self.synthetic = False

    # -- constructors ------------------------------------------------------

    @classmethod
    def example(cls, seed: int = EXAMPLE_SEED) -> "Snapshot":
        """The synthetic Zuid-West example (reference date 2025-09-01). It
        holds no real person; outputs made from it should say so
        (:func:`jbw.example_notice`)."""
        snap = cls(_handle=new_handle(C.jbw_example_snapshot,
                                      whole(seed, "seed", 0, 2**32 - 1)))
        snap.synthetic = True
        return snap

    @classmethod
    def load_csv(cls, measures: PathLike, workers: PathLike,
                 registry: RegistryArg = None, *, lenient: bool = False,
                 allow_unknown_columns: bool = False,
                 reference_date: DateLike = None,
                 max_file_bytes: Optional[int] = None,
                 max_line_bytes: Optional[int] = None,
                 threads: int = 1, read_notice: bool = True) -> "Snapshot":
        """Loads measures.csv and workers.csv. ``registry``: a
        :class:`Registry`, a path (str or os.PathLike) to a registry.csv
        (read as :meth:`Registry.load_csv` reads it, as ``jbw --registry
        F``), or None for the embedded Zuid-West one.

        ``read_notice`` True (default): a file ``data_notice`` beside
        measures.csv (:meth:`save_csv` and ``jbw export`` write it for
        synthetic data) becomes the snapshot's :attr:`data_notice`, so that
        every result made from it still says where the data come from; no
        such file: no notice (real data). A notice file that cannot be read
        raises OSError, one the library refuses (see :attr:`data_notice`)
        InvalidArgument naming the file. False: no file is read.

        Strict (default): all or nothing; the first problem raises with the
        file, line, column and value. Lenient: the good rows load and every
        rejected row is in the result's :attr:`rejects`.
        ``reference_date`` None takes the latest date in the files; when
        that date is only a measure's ``end`` or a worker's ``hired``
        (often planned dates) and later than :attr:`latest_event`, a
        ``UserWarning`` says so, as ``jbw`` notes it: pass the export's
        date as ``reference_date``.
        ``max_file_bytes`` and ``max_line_bytes`` (None: 256 MiB and
        64 KiB) bound what the readers take: a larger file or longer line
        raises RangeError as soon as it is reached.
        ``threads`` 1 (default, as the C library): the calling thread
        only; 0 (one per core) or 2 and more: measures.csv is parsed on a
        second thread while this one adds its rows (2 threads at most; a
        file under 256 KiB stays on one). The result is the same.
        """
        opts = _load_options(lenient, allow_unknown_columns, reference_date,
                             max_file_bytes, max_line_bytes, threads)
        snap = cls._load(registry, lenient, C.jbw_snapshot_load_csv,
                         path_arg(measures), path_arg(workers), byref(opts))
        if reference_date is None:
            snap._warn_planned_reference("load_csv")
        if read_notice:
            try:
                snap._read_notice(measures)
            except BaseException:
                snap.close()
                raise
        return snap

    def _read_notice(self, measures: PathLike) -> None:
        """Sets the notice from the data_notice file in the folder of
        ``measures``, when there is one: one line, as save_csv writes it."""
        folder = os.path.dirname(os.fspath(measures))
        path = os.path.join(folder, b"data_notice" if isinstance(folder, bytes)
                            else "data_notice")
        try:
            with open(path, "rb") as f:
                raw = f.read(512)  # a notice is at most 400 bytes
        except FileNotFoundError:
            return
        shown = os.fsdecode(path)
        if len(raw) == 512:
            raise InvalidArgument(InvalidArgument.status,
                                  f"{shown}: the data notice is longer than 400 "
                                  "bytes; a notice is one line")
        if raw.endswith(b"\n"):  # the line end save_csv writes
            raw = raw[:-1]
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        if b"\0" in raw:
            raise InvalidArgument(InvalidArgument.status,
                                  f"{shown}: the data notice holds a NUL byte")
        try:
            C.jbw_snapshot_set_data_notice(self._p, raw)
        except InvalidArgument as e:
            raise InvalidArgument(e.status, f"{shown}: {e.detail}",
                                  e.strerror) from None

    @classmethod
    def from_csv(cls, measures: Union[str, bytes], workers: Union[str, bytes],
                 registry: RegistryArg = None, *, lenient: bool = False,
                 allow_unknown_columns: bool = False, reference_date: DateLike = None,
                 measures_name: str = "measures.csv",
                 workers_name: str = "workers.csv",
                 max_file_bytes: Optional[int] = None,
                 max_line_bytes: Optional[int] = None,
                 threads: int = 1) -> "Snapshot":
        """As :meth:`load_csv` from CSV text held in memory (``registry``
        as there: a Registry, a path to a registry.csv, or None)."""
        opts = _load_options(lenient, allow_unknown_columns, reference_date,
                             max_file_bytes, max_line_bytes, threads)
        m, w = text_arg(measures), text_arg(workers)
        snap = cls._load(registry, lenient, C.jbw_snapshot_load_csv_buffers,
                         m, len(m), enc(measures_name), w, len(w),
                         enc(workers_name), byref(opts))
        if reference_date is None:
            snap._warn_planned_reference("from_csv")
        return snap

    def _warn_planned_reference(self, what: str) -> None:
        """A ``UserWarning`` when the inferred reference date is later than
        the last day on which something happened: it then comes only from
        a measure's end or a worker's hired, often planned, and dates every
        figure."""
        ref = C.jbw_snapshot_reference_date(self._p)
        event = C.jbw_snapshot_latest_event(self._p)
        if event == S.DATE_NONE or event >= ref:
            return
        warn_caller(f"{what}: the reference date {from_days(ref)} comes only "
                    "from a measure's end or a worker's hired (often planned "
                    "dates); the last day on which something happened is "
                    f"{from_days(event)}. Every figure is of {from_days(ref)}: "
                    "pass reference_date= (the export's date)")

    @classmethod
    def _load(cls, registry: RegistryArg, lenient: bool, fn, *args) -> "Snapshot":
        reg, made = _registry(registry)
        out, rej = c_void_p(), c_void_p()
        try:
            fn(byref(out), byref(rej) if lenient else None, reg._p, *args)
        finally:
            if made:
                reg.close()
        snap = cls(_handle=out.value)  # type: ignore[arg-type]
        snap.rejects = _take_rejects(rej.value)
        return snap

    # -- adding ----------------------------------------------------------------

    def add_worker(self, worker: Worker) -> None:
        """Adds a worker (checked; the message names the id and field)."""
        C.jbw_snapshot_add_worker(self._p, byref(instance(worker, Worker, "worker")._to_c()))

    def add_measure(self, measure: Measure) -> None:
        """Adds a measure (checked; its worker must be added first)."""
        C.jbw_snapshot_add_measure(self._p,
                                   byref(instance(measure, Measure, "measure")._to_c()))

    def add_workers(self, workers: Iterable[Worker]) -> None:
        """Adds several workers; stops at the first that fails."""
        for w in workers:
            self.add_worker(w)

    def add_measures(self, measures: Iterable[Measure]) -> None:
        """Adds several measures; stops at the first that fails."""
        for m in measures:
            self.add_measure(m)

    # -- reading -----------------------------------------------------------------

    @property
    def data_notice(self) -> Optional[str]:
        """Where the data come from when they are not real, or None: the
        library's notice that the embedded example is synthetic, the one
        :meth:`load_csv` read from an export's data_notice file, or one
        set here. Every writer of a result made from this snapshot carries
        it."""
        return dec(C.jbw_snapshot_data_notice(self._p))

    @data_notice.setter
    def data_notice(self, notice: Optional[str]) -> None:
        """Sets the notice (copied; None clears it). InvalidArgument for
        an empty text, more than 400 bytes (UTF-8) or a control character
        (a notice is one line in every output)."""
        if notice is not None and "\0" in notice:
            raise InvalidArgument(InvalidArgument.status,
                                  "data notice holds a control character (NUL)")
        C.jbw_snapshot_set_data_notice(self._p, enc(notice))

    @property
    def reference_date(self) -> _dt.date:
        """The date the assignment fields describe."""
        return from_days(C.jbw_snapshot_reference_date(self._p))  # type: ignore[return-value]

    @property
    def latest_event(self) -> Optional[_dt.date]:
        """The latest day on which something happened in the measures: a
        start, a first worker, a wait, a last contact, help requested or
        started (not an end nor a worker's hired, often planned dates);
        None when no measure holds one. When it is before
        :attr:`reference_date`, the reference date came from a planned
        date, and the export's own date lies between the two."""
        return from_days(C.jbw_snapshot_latest_event(self._p))

    def registry(self) -> Registry:
        """A copy of the snapshot's registry (independent of the snapshot)."""
        borrowed = C.jbw_snapshot_registry(self._p)
        return Registry(new_handle(C.jbw_registry_clone, borrowed))

    @property
    def worker_count(self) -> int:
        """Number of workers."""
        return C.jbw_snapshot_worker_count(self._p)

    @property
    def measure_count(self) -> int:
        """Number of measures."""
        return C.jbw_snapshot_measure_count(self._p)

    def __len__(self) -> int:
        return self.measure_count

    def _describe(self) -> str:
        p = self._p
        day = from_days(C.jbw_snapshot_reference_date(p))
        return (f"{day.isoformat() if day else '-'}: "
                f"{_count(C.jbw_snapshot_measure_count(p), 'measure')}, "
                f"{_count(C.jbw_snapshot_worker_count(p), 'worker')}"
                + (", synthetic" if self.synthetic
                   or (self.data_notice or "").startswith("SYNTHETIC")
                   else ", with a data notice" if self.data_notice else ""))

    def worker(self, index: int) -> Worker:
        """The index-th worker (insertion order)."""
        w = S.WorkerC(version=S.WorkerC.VERSION)
        C.jbw_snapshot_worker(byref(w), self._p, seq_index(index, self.worker_count, "worker"))
        return Worker._from_c(w)

    def measure(self, index: int) -> Measure:
        """The index-th measure; waiting_since as the snapshot settled it."""
        m = S.MeasureC(version=S.MeasureC.VERSION)
        C.jbw_snapshot_measure(byref(m), self._p,
                               seq_index(index, self.measure_count, "measure"))
        return Measure._from_c(m)

    def workers(self) -> List[Worker]:
        """Every worker, in insertion order."""
        p = self._p
        w = S.WorkerC(version=S.WorkerC.VERSION)
        out = []
        for i in range(C.jbw_snapshot_worker_count(p)):
            C.jbw_snapshot_worker(byref(w), p, i)
            out.append(Worker._from_c(w))
        return out

    def measures(self) -> List[Measure]:
        """Every measure, in insertion order."""
        p = self._p
        m = S.MeasureC(version=S.MeasureC.VERSION)
        out = []
        for i in range(C.jbw_snapshot_measure_count(p)):
            C.jbw_snapshot_measure(byref(m), p, i)
            out.append(Measure._from_c(m))
        return out

    def find_worker(self, worker_id: str) -> int:
        """Index of a worker by id (NotFound when absent)."""
        out = c_size_t()
        C.jbw_snapshot_find_worker(byref(out), self._p, enc(worker_id))
        return out.value

    def find_measure(self, measure_id: str) -> int:
        """Index of a measure by id (NotFound when absent)."""
        out = c_size_t()
        C.jbw_snapshot_find_measure(byref(out), self._p, enc(measure_id))
        return out.value

    def measure_state(self, measure: Union[int, str], on: DateLike = None) -> MeasureState:
        """State of a measure (index or id) on a date (default: the
        reference date). An index is a whole number from 0: a float or a
        bool raises TypeError, a negative index jbw.InvalidArgument."""
        index = (self.find_measure(measure) if isinstance(measure, str)
                 else whole(measure, "measure", 0, 2**64 - 1))
        day = to_days(on, "on") if on is not None else C.jbw_snapshot_reference_date(self._p)
        out = c_int()
        C.jbw_snapshot_measure_state(byref(out), self._p, index, day)
        return MeasureState(out.value)

    def counts(self, on: DateLike = None, organisation: Optional[str] = None,
               region: Optional[str] = None) -> Counts:
        """Counts on a date (default: the reference date), optionally for one
        organisation and/or region."""
        day = to_days(on, "on") if on is not None else C.jbw_snapshot_reference_date(self._p)
        c = S.SnapshotCounts(version=S.SnapshotCounts.VERSION)
        C.jbw_snapshot_counts_get(byref(c), self._p, day,
                                 enc_arg(organisation, "organisation", optional=True),
                                 enc_arg(region, "region", optional=True))
        return Counts(c.active, c.assigned, c.waiting_nieuw, c.waiting_bestaand,
                      c.children, c.families, c.workers, _by_kind(c.by_kind))

    # -- writing -------------------------------------------------------------------

    def measures_csv(self) -> str:
        """The measures as measures.csv text."""
        return take_string(C.jbw_snapshot_measures_csv, self._p)

    def workers_csv(self) -> str:
        """The workers as workers.csv text."""
        return take_string(C.jbw_snapshot_workers_csv, self._p)

    def save_csv(self, directory: PathLike) -> None:
        """Writes measures.csv, workers.csv and registry.csv into a directory
        (created when missing); each file is replaced atomically. A
        snapshot with a :attr:`data_notice` also writes it, one line, to
        the file data_notice (which :meth:`load_csv` reads back); one
        without removes a data_notice file left there before."""
        from . import io
        os.makedirs(directory, exist_ok=True)
        # the notice first, beside the CSV files (which must load back as
        # they are), so that a failure part way never leaves synthetic
        # data without it
        notice = self.data_notice
        path = os.path.join(directory, "data_notice")
        if notice:
            io.write_file(path, notice + "\n")
        elif os.path.lexists(path):  # an earlier save's, not these data's
            os.remove(path)
        io.write_file(os.path.join(directory, "measures.csv"), self.measures_csv())
        io.write_file(os.path.join(directory, "workers.csv"), self.workers_csv())
        with self.registry() as reg:
            io.write_file(os.path.join(directory, "registry.csv"), reg.to_csv())

    # -- convenience ---------------------------------------------------------------

    def caseload(self, norm=None, calendar=None, **options):
        """Shortcut for :func:`jbw.compute_caseload` on this snapshot."""
        from .caseload import compute_caseload
        return compute_caseload(self, norm, calendar, **options)

    def triage(self, model=None, calendar=None, on: DateLike = None):
        """Shortcut for :class:`jbw.Triage` of this snapshot's waiting list."""
        from .waitrisk import Triage
        return Triage(self, model, calendar, on)
