"""The embedded example data (``jbw/example.h``).

The Zuid-West snapshot is SYNTHETIC: generated deterministically from a
seed, it holds no real person, and outputs made from it should say so
(:func:`example_notice`). The Zuid-Holland Zuid series and the
Jeugdbescherming west totals are published figures.
"""
from __future__ import annotations

import datetime as _dt
from ctypes import byref, c_int32, c_size_t
from typing import List, Tuple

from ._lib import C
from ._util import dec, from_days
from .caseload import Series
from .errors import BufferTooSmall
from .snapshot import EXAMPLE_SEED, Snapshot

__all__ = ["EXAMPLE_SEED", "example_snapshot", "example_date",
           "example_series_zhz", "example_totals_jbwest", "example_notice"]


def example_snapshot(seed: int = EXAMPLE_SEED) -> Snapshot:
    """The synthetic Zuid-West snapshot for a seed (the same seed gives the
    same snapshot on every platform)."""
    return Snapshot.example(seed)


def example_date() -> _dt.date:
    """The reference date of the example snapshot (2025-09-01)."""
    return from_days(C.jbw_example_date())  # type: ignore[return-value]


def example_series_zhz() -> Series:
    """The published Zuid-Holland Zuid series (seven points)."""
    return Series.example_zhz()


def example_totals_jbwest() -> List[Tuple[_dt.date, int]]:
    """The published Jeugdbescherming west totals of children without a fixed
    jeugdbeschermer, as (date, total): 159 in September 2024, 99 in
    February 2025 (months published; dates are the 1st). Labelled "JB west"
    as the Rijswijk council letter labels them; the letter does not say
    whether they cover all four regions, and beside the Zuid-Holland Zuid
    figures they cannot be JB west's total (docs/example.md)."""
    capacity = 8
    while True:
        dates = (c_int32 * capacity)()
        totals = (c_size_t * capacity)()
        count = c_size_t()
        try:
            C.jbw_example_totals_jbwest(dates, totals, capacity, byref(count))
        except BufferTooSmall:
            capacity = count.value
            continue
        return [(from_days(dates[i]), int(totals[i]))  # type: ignore[misc]
                for i in range(count.value)]


def example_notice() -> str:
    """The library's statement that the example is synthetic."""
    return dec(C.jbw_example_notice()) or ""
