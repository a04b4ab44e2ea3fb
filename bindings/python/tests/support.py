"""Shared fixtures of the tests: a small hand-checked snapshot, paths.

All data here is synthetic: the ids are made up and name no person.
"""
from __future__ import annotations

import os
from datetime import date
from typing import Optional

import jbw

HERE = os.path.dirname(os.path.abspath(__file__))
BINDINGS = os.path.dirname(HERE)


def source_root() -> Optional[str]:
    """The libjbw source tree (for its headers), or None when the bindings
    run outside it (installed)."""
    d = BINDINGS
    for _ in range(4):
        if os.path.isfile(os.path.join(d, "include", "jbw.h")):
            return d
        d = os.path.dirname(d)
    return None


#: Reference date of the small snapshot: Monday 1 September 2025.
D = date(2025, 9, 1)


def small_workers():
    """W1 full-time since 2020 (tenure 68 months, ramp 1.0, capacity 12);
    W2 half-time since 1 Aug 2025 (tenure 1 month, ramp 0.5, capacity
    0.5 x 0.5 x 12 = 3); W3 left on 1 Aug 2025 (not employed on D)."""
    return [
        jbw.Worker("W1", "JBWEST", date(2020, 1, 1), fte=1.0, region="HGL"),
        jbw.Worker("W2", "JBWEST", date(2025, 8, 1), fte=0.5, region="HGL"),
        jbw.Worker("W3", "WSS", date(2019, 5, 1), fte=0.8, leaving=date(2025, 8, 1)),
    ]


def small_measures():
    """On D: M1, M2 (child C1) with W1; M3 (C2, family F1) nieuw since
    1 Aug 2025; M4 (C3, family F1) with W2; M5 ended 2 Jun 2025; M6 (C5,
    region ZHZ) bestaand since 15 Aug 2025."""
    K = jbw.Kind
    return [
        jbw.Measure("M1", "C1", K.OTS, "JBWEST", "HGL", date(2025, 1, 6),
                    worker_id="W1", first_assigned=date(2025, 1, 8)),
        jbw.Measure("M2", "C1", K.VOTS, "JBWEST", "HGL", date(2025, 2, 3),
                    worker_id="W1", first_assigned=date(2025, 2, 4)),
        jbw.Measure("M3", "C2", K.OTS, "JBWEST", "HGL", date(2025, 8, 1),
                    family_id="F1"),
        jbw.Measure("M4", "C3", K.JR_TB_GEDWONGEN, "JBWEST", "HGL", date(2025, 3, 3),
                    family_id="F1", worker_id="W2", first_assigned=date(2025, 8, 4),
                    jr_risk=jbw.JrRisk.HIGH),
        jbw.Measure("M5", "C4", K.OTS, "JBWEST", "HGL", date(2024, 1, 8),
                    end=date(2025, 6, 2), worker_id="W1",
                    first_assigned=date(2024, 1, 9)),
        jbw.Measure("M6", "C5", K.OTS, "JBWEST", "ZHZ", date(2025, 3, 3),
                    first_assigned=date(2025, 3, 5), previous_workers=1,
                    waiting_since=date(2025, 8, 15)),
    ]


def small_snapshot() -> jbw.Snapshot:
    """The small snapshot on D, built from records."""
    snap = jbw.Snapshot(None, D)
    snap.add_workers(small_workers())
    snap.add_measures(small_measures())
    return snap


def rss_kib() -> Optional[int]:
    """Resident set size of this process in KiB (Linux), or None."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
