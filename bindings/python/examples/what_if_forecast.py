#!/usr/bin/env python3
"""What if staff turnover rises by 10 points? Two scenarios for one GI, side
by side, starting from parameters calibrated on the GI's own records, and the
hiring each needs to bring the waiting list down.

    python3 what_if_forecast.py [--organisation JBWEST] [--months 24]

Starts from libjbw's embedded example, which is SYNTHETIC: made up from a
seed, no real person or organisation. The inflow, durations, turnover and
hiring come from jbw.calibrate() on that example (with the default where
the records hold too few events, as its notes say); where calibrate marks
a kind's duration unreliable, the forecast keeps the library's default
duration for it and says so. The higher turnover is the scenario, not a
figure of a real region. An organisation the registry does not know, or
months out of 1 to 600, is bad usage: a message and exit status 2, as
the jbw command gives.
"""
import argparse
import sys
from pathlib import Path

try:
    import jbw
except ImportError:  # running from a source checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import jbw



def months(text):
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= jbw.FORECAST_MONTHS_MAX:
        raise argparse.ArgumentTypeError(
            f"needs a whole number from 1 to {jbw.FORECAST_MONTHS_MAX}, not {text!r}")
    return n


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--organisation", default="JBWEST")
parser.add_argument("--months", type=months, default=24)
args = parser.parse_args()

with jbw.Snapshot.example() as snapshot:
    with snapshot.registry() as registry:
        keys = [o.key for o in registry.organisations()]
    if args.organisation not in keys:
        parser.error(f"--organisation {args.organisation!r} is not in the "
                     f"registry; valid keys: {', '.join(keys)}")
    print(jbw.example_notice())
    # The start state (stock, waiting list, staff by tenure) on the
    # snapshot's date, and the rates of the 12 months before it.
    start = jbw.ForecastParams.from_snapshot(snapshot, organisation=args.organisation)
    calibration = jbw.calibrate(snapshot, organisation=args.organisation)
base = calibration.apply(start)
base.months = args.months

staff = calibration.staff
print(f"\nCalibrated on {calibration.date} over {calibration.window_months} months:")
unreliable = []
for k in calibration.kinds:
    if k.started or k.stock:
        note = "" if k.basis == jbw.Basis.ESTIMATED else f"  ({k.basis.code})"
        print(f"  {k.kind.code:<20} inflow {k.inflow_per_month:6.2f}/month, "
              f"duration {k.mean_duration_months:6.1f} months{note}")
        if k.unreliable:
            # a duration calibrate does not trust is not forecast on:
            # apply() kept the library's default, and the output says so
            print(f"  {'':<20} WARNING {k.note}")
            print(f"  {'':<20} the forecast keeps the default duration, "
                  f"{start.duration[k.kind]:.1f} months")
            unreliable.append(k.kind.code)
print(f"  turnover {100 * staff.turnover_annual:.1f}% a year ({staff.basis.code}), "
      f"hiring {staff.hires_fte_per_month:.2f} FTE a month")
if unreliable:
    print(f"  The calibrated durations of {', '.join(unreliable)} are unreliable: the "
          "figures below use the library's defaults for them.")

# The two scenarios differ only in the annual turnover.
scenarios = {"calibrated": base.turnover,
             "+10 points": min(1.0, base.turnover + 0.10)}
runs = {}
for name, turnover in scenarios.items():
    runs[name] = jbw.run_forecast(base.replace(turnover=turnover))

print(f"\nWaiting list of {args.organisation} (measures without a fixed worker)")
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
