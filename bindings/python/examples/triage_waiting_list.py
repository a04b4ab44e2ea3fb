#!/usr/bin/env python3
"""The top of the waiting list, with the reasons behind each place.

    python3 triage_waiting_list.py [--top 10] [--lang en] [--model my.model]

Runs on libjbw's embedded example, which is SYNTHETIC: made up from a seed,
no real person. The waiting-risk model is libjbw's own explainable points
checklist, not a national standard: it supports, it does not decide.
Exit status as the jbw command's: 2 for bad usage (a --top under 1), 1
for a model file that cannot be read.
"""
import argparse
import sys
from collections import Counter
from pathlib import Path

try:
    import jbw
except ImportError:  # running from a source checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import jbw



def at_least_one(text):
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"needs a whole number >= 1, not {text!r}")
    return n


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--top", type=at_least_one, default=10)
parser.add_argument("--lang", choices=["nl", "en"], default="nl")
parser.add_argument("--model", help="a model file (default: jbw-wachtrisico 2)")
args = parser.parse_args()

try:
    model = jbw.WaitRiskModel.load(args.model) if args.model else jbw.WaitRiskModel()
except (jbw.Error, OSError) as e:
    sys.exit(f"{parser.prog}: {e}")          # exit status 1: bad input
print(jbw.example_notice())

with jbw.Snapshot.example() as snapshot, model, snapshot.triage(model) as triage:
    print(f"\n{len(triage)} measures wait for a fixed jeugdbeschermer on {triage.date} "
          f"(model {model.name} {model.version})")

    # How many in each band, and how often they must be contacted.
    bands = Counter(entry.score.band for entry in triage)
    for band in reversed(jbw.Band):
        days = model.contact_interval(band)
        print(f"  {band.code:7} {bands[band]:4}   contact every "
              f"{'werkdag' if days == 1 else f'{days} werkdagen'}")

    # The top of the list, each with the items that gave it its points.
    print(f"\nTop {args.top}:")
    for entry in triage.entries(top=args.top):
        case, score = entry.case, entry.score
        print(f"{entry.rank:3}. {case.id} ({case.kind.code}, {case.organisation}) "
              f"{score.band.code}, {score.points} points, waiting "
              f"{score.workdays_waiting} werkdagen, next contact {score.next_contact_due}")
        for item in score.items:
            print(f"       +{item.points:<3} {item.reason(args.lang)}")

    # Who could take whom, with the free capacity there is today.
    with triage.allocate() as proposal:
        print(f"\nAllocation proposal: {proposal.assigned} of {len(proposal)} "
              f"could get a fixed worker now; {proposal.unassigned} stay waiting.")
