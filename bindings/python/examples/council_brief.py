#!/usr/bin/env python3
"""The council brief of a region, with one scenario beside the base: the
HTML to mail, the Markdown to paste into a letter, and each chart as SVG.

    python3 council_brief.py [--out DIR] [--lang nl|en] [--round-to 5]

Starts from libjbw's embedded example, which is SYNTHETIC: made up from a
seed, no real person or organisation; the brief and every chart say so.
The scenario's 30% turnover (against the base's default of 20%) is an
illustrative parameter.
"""
import argparse
import os
import sys
from pathlib import Path

try:
    import jbw
except ImportError:  # running from a source checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import jbw

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--out", default="brief")
parser.add_argument("--lang", default="nl", choices=("nl", "en"))
parser.add_argument("--round-to", type=int, default=0)
args = parser.parse_args()

os.makedirs(args.out, exist_ok=True)
with jbw.Snapshot.example() as snapshot, jbw.example_series_zhz() as zhz, \
        jbw.Scenario.parse("turnover = 30%\n") as turnover:
    with jbw.make_brief(snapshot, series=zhz, lang=args.lang,
                        scenarios={"verloop 30%": turnover},
                        round_to=args.round_to, replicates=100) as brief:
        with open(os.path.join(args.out, "brief.html"), "w", encoding="utf-8") as f:
            f.write(brief.html())
        with open(os.path.join(args.out, "brief.md"), "w", encoding="utf-8") as f:
            f.write(brief.markdown())
        for name, svg in brief.charts().items():
            with open(os.path.join(args.out, f"{name}.svg"), "w", encoding="utf-8") as f:
                f.write(svg)
        print(f"{len(brief.charts())} charts, brief.html and brief.md in {args.out}/")
