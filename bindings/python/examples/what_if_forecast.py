#!/usr/bin/env python3
"""What if staff turnover drops from 20% to 10% a year? Two scenarios for one
GI, side by side, and the hiring each needs to bring the waiting list down.

    python3 what_if_forecast.py [--organisation JBWEST] [--months 24]

Starts from libjbw's embedded example, which is SYNTHETIC: made up from a
seed, no real person or organisation. The inflow, turnover and hiring below
are illustrative parameters, not figures of a real region.
"""
import argparse
import sys
from pathlib import Path

try:
    import jbw
except ImportError:  # running from a source checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import jbw

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--organisation", default="JBWEST")
parser.add_argument("--months", type=int, default=24)
args = parser.parse_args()

print(jbw.example_notice())

# The start state (stock, waiting list, staff by tenure) from the snapshot.
with jbw.Snapshot.example() as snapshot:
    base = jbw.ForecastParams.from_snapshot(snapshot, organisation=args.organisation)
base.months = args.months
base.hires_fte = 1.5          # illustrative: what the GI hires now each month

# The two scenarios differ only in the annual turnover.
scenarios = {"turnover 20%": 0.20, "turnover 10%": 0.10}
runs = {}
for name, turnover in scenarios.items():
    runs[name] = jbw.run_forecast(base.replace(turnover=turnover))

print(f"\nWaiting list of {args.organisation} (children without a fixed worker)")
print("month  " + "  ".join(f"{name:>14}" for name in runs))
for month in range(0, args.months + 1, 6):
    print(f"{month:5}  " + "  ".join(f"{run[month].waiting:14.0f}" for run in runs.values()))

# Staffing: constant monthly hiring that brings the list to 25 within a year.
print("\nHiring needed to reach 25 waiting within 12 months:")
for name, turnover in scenarios.items():
    try:
        hires = jbw.relief(base.replace(turnover=turnover), target_waiting=25,
                           within_months=12)
        print(f"  {name}: {hires:.2f} FTE a month")
    except jbw.RangeError as e:
        print(f"  {name}: not reachable ({e.detail})")

for run in runs.values():
    run.close()
