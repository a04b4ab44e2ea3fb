#!/usr/bin/env python3
"""Monthly caseload report, written to CSV for the municipality.

    python3 monthly_report.py                          # embedded example
    python3 monthly_report.py measures.csv workers.csv [--date 2025-09-01]

Without files it uses libjbw's embedded example, which is SYNTHETIC: made
up from a seed, no real person or organisation. Writes three CSV files to
the current directory and prints a short summary. Exit status as the jbw
command's: 1 for a file that cannot be read, 2 for bad usage (one file or
three, a --date that is not a date).
"""
import argparse
import csv
import sys
from pathlib import Path

try:
    import jbw
except ImportError:  # running from a source checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import jbw



def a_date(text):
    try:
        return jbw.parse_date(text)
    except jbw.ParseError as e:
        raise argparse.ArgumentTypeError(e.detail) from None


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("files", nargs="*", help="measures.csv workers.csv")
parser.add_argument("--date", type=a_date,
                    help="reference date (default: the data's own)")
args = parser.parse_args()
if len(args.files) not in (0, 2):
    # one file, or three, is a slip: never fall back to the example and
    # overwrite the reports of real data with synthetic ones
    parser.error(f"give both measures.csv and workers.csv, or no file for the "
                 f"synthetic example; got {len(args.files)} file(s)")

# 1. The data: our own export, or the synthetic example.
if args.files:
    try:
        snapshot = jbw.Snapshot.load_csv(*args.files, lenient=True)
    except (jbw.Error, OSError) as e:
        sys.exit(f"{parser.prog}: {e}")      # exit status 1: bad input
    for reject in snapshot.rejects:          # nothing is dropped silently
        print(f"left out: {reject.file} line {reject.line}: {reject.reason}")
else:
    snapshot = jbw.Snapshot.example()
    print(jbw.example_notice())

# 2. Caseloads under the default norm, FNV-GI 2023 (12 measures per FTE).
with snapshot, snapshot.caseload(date=args.date) as report:
    month = report.date.strftime("%Y-%m")

    # The library's own CSV writers: totals per scope, and per worker.
    Path(f"caseload_{month}.csv").write_text(report.to_csv(), encoding="utf-8")
    Path(f"caseload_workers_{month}.csv").write_text(report.workers_csv(), encoding="utf-8")

    # Our own table: one row per region, the columns the council asks for,
    # FTE to 3 decimals and shares to 1 as the library's CSV has them (a sum
    # of FTE such as 153.775 is 153.7750000000001 in binary), and the
    # data's notice on every row, as the library's CSV carries it: a table
    # of the synthetic example says so wherever it goes.
    columns = ["key", "active_measures", "waiting_nieuw", "waiting_bestaand",
               "required_fte", "effective_fte", "fte_gap", "coupling_within_pct",
               "data_notice"]
    decimals = {"required_fte": 3, "effective_fte": 3, "fte_gap": 3,
                "coupling_within_pct": 1}
    with open(f"regions_{month}.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in report.to_records("region"):        # also fine for pandas
            for key, n in decimals.items():
                if row[key] is not None:
                    row[key] = round(row[key], n)
            row["data_notice"] = snapshot.data_notice or ""
            writer.writerow(row)

    t = report.totals
    print(f"Caseload on {report.date}: {t.active_measures} active measures, "
          f"{t.waiting} without a fixed jeugdbeschermer "
          f"({t.waiting_nieuw} nieuw, {t.waiting_bestaand} bestaand)")
    print(f"FTE required {t.required_fte:.1f}, effective {t.effective_fte:.1f}, "
          f"gap {t.fte_gap:+.1f}")
    over = [w for w in report.workers if w.status is jbw.LoadStatus.OVER]
    print(f"{len(over)} of {len(report.workers)} workers are over the norm")
    print(f"wrote caseload_{month}.csv, caseload_workers_{month}.csv, regions_{month}.csv")
