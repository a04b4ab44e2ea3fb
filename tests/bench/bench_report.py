#!/usr/bin/env python3
"""Whole-process benchmark of `jbw report --format json` and its peers.

For each scale (1x, 10x, 100x the national size: 32,000 measures and 5,000
workers per unit, synthetic, from gen_national) this runs the whole jbw
process several times and prints the median, min and max wall time, the
throughput in MB/s of input, the cost per measure, and the peak resident
memory (/usr/bin/time -v). jbw runs with its default, all cores (a load
parses measures.csv on a second thread), and again with `--threads 1`, the
one-thread figure, in the same run. Where strace is installed, it also
prints where the time of a run goes: before the load's parse thread starts
(process start, workers.csv), while it runs (measures.csv on two threads),
and after it ends (the last rows, the caseload, the JSON, the exit), from
strace's clock of those events. The reference in the same run is
`wc -l` on the same files (a process that reads every byte once), printed
with its own absolute figure.

At 10x the same totals are also computed by peers, each as a whole process,
and checked against jbw's JSON before any time is printed:

  - plain Python (the csv module and dicts),
  - pandas (under the interpreter running this script; skipped with a
    message when pandas is not installed),
  - sqlite3 (the command-line shell: .import, then SQL; skipped with a
    message when sqlite3 is not installed).

The totals: per scope (all, each organisation, each region) the active
measures, distinct children and families, assigned, waiting nieuw and
bestaand, per kind, employed workers and their FTE, required FTE (unit
child, weight 1, 12 per FTE: the default norm); and per employed worker
the measures carried on the date. Measure states follow snapshot.h.

usage: bench_report.py --jbw JBW --gen GEN_NATIONAL --work DIR
                       [--scales 1,10,100] [--peers-at 10]
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from bench_machine import machine

DATE = "2025-09-01"  # the generator's reference date
NORM = 12.0  # the default norm, FNV-GI 2023: 12 measures per FTE
KINDS = ("OTS", "VOTS", "VOOGDIJ", "VOORLOPIGE_VOOGDIJ", "TIJDELIJKE_VOOGDIJ",
         "JR_TB_GEDWONGEN", "JR_TB_VRIJWILLIG", "JR_ITB_HARDE_KERN",
         "JR_ITB_CRIEM", "JR_STP", "JR_GBM", "JR_VGBM")


# --------------------------------------------------------------------------
# The measure state on the date (snapshot.h), on ISO date strings.

def state_of(start, end, worker, first_assigned, waiting_since, previous):
    if DATE < start or (end and DATE >= end):
        return None
    if first_assigned and DATE < first_assigned:
        return "nieuw"
    if worker:
        return "assigned"
    if (previous in ("", "0")) and not first_assigned:
        return "nieuw"
    if not waiting_since or waiting_since <= DATE:
        return "bestaand"
    return "assigned"


def employed(hired, leaving):
    return hired <= DATE and (not leaving or DATE < leaving)


def new_scope():
    return {"active_measures": 0, "children": set(), "families": set(),
            "assigned": 0, "waiting_nieuw": 0, "waiting_bestaand": 0,
            "by_kind": {k: 0 for k in KINDS}, "workers": 0,
            "available_fte": 0.0}


def finish(scopes, per_worker):
    """Sets -> counts, required FTE; the shape every peer returns."""
    out = {}
    for key, s in scopes.items():
        s = dict(s)
        s["children"] = len(s["children"])
        s["families"] = len(s["families"])
        s["required_fte"] = s["children"] / NORM
        out[key] = s
    return {"scopes": out, "workers": per_worker}


# --------------------------------------------------------------------------
# Peer 1: plain Python.

def peer_python(mpath, wpath):
    scopes = {"": new_scope()}
    per_worker = {}
    with open(wpath, newline="") as f:
        for row in csv.DictReader(f):
            if not employed(row["hired"], row["leaving"]):
                continue
            fte = float(row["fte"])
            per_worker[row["id"]] = 0
            for key in ("", "o:" + row["organisation"], "r:" + row["region"]):
                s = scopes.setdefault(key, new_scope())
                s["workers"] += 1
                s["available_fte"] += fte
    with open(mpath, newline="") as f:
        for row in csv.DictReader(f):
            st = state_of(row["start"], row["end"], row["worker_id"],
                          row["first_assigned"], row["waiting_since"],
                          row["previous_workers"])
            if st is None:
                continue
            for key in ("", "o:" + row["organisation"], "r:" + row["region"]):
                s = scopes.setdefault(key, new_scope())
                s["active_measures"] += 1
                s["children"].add(row["child_id"])
                s["families"].add(row["family_id"])
                s["by_kind"][row["kind"]] += 1
                s["assigned" if st == "assigned" else "waiting_" + st] += 1
            w = row["worker_id"]
            if st == "assigned" and w in per_worker:
                per_worker[w] += 1
    return finish(scopes, per_worker)


# --------------------------------------------------------------------------
# Peer 2: pandas (vectorised; the same rules as state_of).

def peer_pandas(mpath, wpath):
    import numpy as np
    import pandas as pd
    m = pd.read_csv(mpath, dtype=str, keep_default_na=False)
    w = pd.read_csv(wpath, dtype=str, keep_default_na=False)
    w = w[(w["hired"] <= DATE) & ((w["leaving"] == "") | (DATE < w["leaving"]))]
    w = w.assign(fte=w["fte"].astype(float))
    active = ~((DATE < m["start"]) | ((m["end"] != "") & (DATE >= m["end"])))
    m = m[active]
    fa, ws = m["first_assigned"], m["waiting_since"]
    state = np.select(
        [(fa != "") & (DATE < fa),
         m["worker_id"] != "",
         m["previous_workers"].isin(["", "0"]) & (fa == ""),
         (ws == "") | (ws <= DATE)],
        ["nieuw", "assigned", "nieuw", "bestaand"], default="assigned")
    m = m.assign(state=state)
    scopes = {}
    groups = [("", None), ("o:", "organisation"), ("r:", "region")]
    for prefix, col in groups:
        if col is None:
            parts = [("", m)]
            wparts = [("", w)]
        else:
            parts = [(prefix + k, g) for k, g in m.groupby(col)]
            wparts = [(prefix + k, g) for k, g in w.groupby(col)]
        for key, g in parts:
            counts = g["state"].value_counts()
            kinds = g["kind"].value_counts()
            scopes[key] = {
                "active_measures": int(len(g)),
                "children": int(g["child_id"].nunique()),
                "families": int(g["family_id"].nunique()),
                "assigned": int(counts.get("assigned", 0)),
                "waiting_nieuw": int(counts.get("nieuw", 0)),
                "waiting_bestaand": int(counts.get("bestaand", 0)),
                "by_kind": {k: int(kinds.get(k, 0)) for k in KINDS},
                "workers": 0, "available_fte": 0.0}
        for key, g in wparts:
            s = scopes.setdefault(key, new_scope())
            s["workers"] = int(len(g))
            s["available_fte"] = float(g["fte"].sum())
    for s in scopes.values():
        s["required_fte"] = s["children"] / NORM
    carried = m[m["state"] == "assigned"]["worker_id"].value_counts()
    per_worker = {wid: int(carried.get(wid, 0)) for wid in w["id"]}
    return {"scopes": scopes, "workers": per_worker}


# --------------------------------------------------------------------------
# Peer 3: the sqlite3 shell. The script is what the timed process runs.

SQLITE_SCRIPT = """\
.mode csv
.import '{m}' m
.import '{w}' w
CREATE TEMP TABLE a AS SELECT child_id, family_id, kind, organisation,
  region, worker_id,
  CASE WHEN first_assigned <> '' AND '{d}' < first_assigned THEN 'nieuw'
       WHEN worker_id <> '' THEN 'assigned'
       WHEN previous_workers IN ('', '0') AND first_assigned = '' THEN 'nieuw'
       WHEN waiting_since = '' OR waiting_since <= '{d}' THEN 'bestaand'
       ELSE 'assigned' END AS state
  FROM m WHERE NOT ('{d}' < start OR ("end" <> '' AND '{d}' >= "end"));
CREATE TEMP TABLE e AS SELECT id, organisation, region, CAST(fte AS REAL) AS fte
  FROM w WHERE hired <= '{d}' AND (leaving = '' OR '{d}' < leaving);
.mode list
.separator |
SELECT 'S', '', COUNT(*), COUNT(DISTINCT child_id), COUNT(DISTINCT family_id),
  SUM(state = 'assigned'), SUM(state = 'nieuw'), SUM(state = 'bestaand') FROM a;
SELECT 'S', 'o:' || organisation, COUNT(*), COUNT(DISTINCT child_id),
  COUNT(DISTINCT family_id), SUM(state = 'assigned'), SUM(state = 'nieuw'),
  SUM(state = 'bestaand') FROM a GROUP BY organisation;
SELECT 'S', 'r:' || region, COUNT(*), COUNT(DISTINCT child_id),
  COUNT(DISTINCT family_id), SUM(state = 'assigned'), SUM(state = 'nieuw'),
  SUM(state = 'bestaand') FROM a GROUP BY region;
SELECT 'K', '', kind, COUNT(*) FROM a GROUP BY kind;
SELECT 'K', 'o:' || organisation, kind, COUNT(*) FROM a GROUP BY organisation, kind;
SELECT 'K', 'r:' || region, kind, COUNT(*) FROM a GROUP BY region, kind;
SELECT 'F', '', COUNT(*), SUM(fte) FROM e;
SELECT 'F', 'o:' || organisation, COUNT(*), SUM(fte) FROM e GROUP BY organisation;
SELECT 'F', 'r:' || region, COUNT(*), SUM(fte) FROM e GROUP BY region;
SELECT 'W', e.id, COUNT(a.worker_id) FROM e LEFT JOIN a
  ON a.worker_id = e.id AND a.state = 'assigned' GROUP BY e.id;
"""


def parse_sqlite(text):
    scopes = {}
    per_worker = {}
    for line in text.splitlines():
        f = line.split("|")
        if f[0] == "S":
            s = scopes.setdefault(f[1], new_scope())
            s.update(active_measures=int(f[2]), children=int(f[3]),
                     families=int(f[4]), assigned=int(f[5] or 0),
                     waiting_nieuw=int(f[6] or 0),
                     waiting_bestaand=int(f[7] or 0))
            s["required_fte"] = s["children"] / NORM
        elif f[0] == "K":
            scopes.setdefault(f[1], new_scope())["by_kind"][f[2]] = int(f[3])
        elif f[0] == "F":
            s = scopes.setdefault(f[1], new_scope())
            s["workers"] = int(f[2])
            s["available_fte"] = float(f[3] or 0)
            s.setdefault("required_fte", 0.0)
        elif f[0] == "W":
            per_worker[f[1]] = int(f[2])
    return {"scopes": scopes, "workers": per_worker}


# --------------------------------------------------------------------------
# jbw's JSON in the same shape, and the check.

def from_jbw(doc):
    scopes = {}

    def take(key, t):
        scopes[key] = {k: t[k] for k in (
            "active_measures", "children", "families", "assigned",
            "waiting_nieuw", "waiting_bestaand", "workers", "available_fte",
            "required_fte")}
        scopes[key]["by_kind"] = dict(t["by_kind"])

    take("", doc["totals"])
    for g in doc["by_organisation"]:
        take("o:" + g["key"], g)
    for g in doc["by_region"]:
        take("r:" + g["key"], g)
    return {"scopes": scopes,
            "workers": {w["id"]: w["measures"] for w in doc["workers"]}}


def differences(name, got, want):
    """Lists where a peer's totals differ from jbw's (decimals as printed)."""
    out = []
    for key, ws in want["scopes"].items():
        gs = got["scopes"].get(key)
        if gs is None:
            out.append(f"{name}: scope {key!r} missing")
            continue
        for field, wv in ws.items():
            gv = gs.get(field)
            if field == "by_kind":
                gk = {k: v for k, v in (gv or {}).items() if v}
                wk = {k: v for k, v in wv.items() if v}
                if gk != wk:
                    out.append(f"{name}: {key!r} by_kind {gk} != {wk}")
            elif isinstance(wv, float) or field.endswith("fte"):
                if gv is None or abs(gv - wv) > 0.0015:
                    out.append(f"{name}: {key!r} {field} {gv} != {wv}")
            elif gv != wv:
                out.append(f"{name}: {key!r} {field} {gv} != {wv}")
    if got["workers"] != want["workers"]:
        out.append(f"{name}: per-worker measures differ")
    return out


# --------------------------------------------------------------------------
# Timing.

def run_timed(argv, runs, stdin_text=None):
    """Median, min, max wall seconds of `runs` whole-process runs."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, input=stdin_text, stdout=subprocess.DEVNULL,
                       check=True, text=stdin_text is not None)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), max(times)


def peak_mib(argv, stdin_text=None):
    """Peak resident memory of one run (/usr/bin/time -v), MiB; None if
    /usr/bin/time is absent."""
    if not os.access("/usr/bin/time", os.X_OK):
        return None
    r = subprocess.run(["/usr/bin/time", "-v"] + argv, input=stdin_text,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, check=True)
    for line in r.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024.0
    return None


def phases(argv, runs):
    """Where the wall time of a run goes, from strace's clock of three
    events: the process starts (execve), the load's parse thread starts
    (clone3) and ends (exit), the process ends (exit_group). Medians in
    seconds of (before the thread, while it runs, after it); None when
    strace is absent or no thread started. strace --seccomp-bpf stops the
    process only at those calls."""
    if not shutil.which("strace"):
        return None
    got = []
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "trace")
        for _ in range(runs):
            subprocess.run(["strace", "--seccomp-bpf", "-f", "-qq", "-ttt",
                            "-e", "trace=execve,clone,clone3,exit,exit_group",
                            "-o", log] + argv,
                           stdout=subprocess.DEVNULL, check=True)
            t = {}
            with open(log) as f:
                for line in f:
                    parts = line.split(None, 2)
                    if len(parts) < 3:
                        continue
                    call = parts[2].split("(", 1)[0]
                    # the first of each: the process's own execve, the
                    # load's thread, its end, the process's end
                    t.setdefault(call, float(parts[1]))
            start = t.get("execve")
            clone = t.get("clone3", t.get("clone"))
            if start is None or clone is None or "exit" not in t \
                    or "exit_group" not in t:
                return None
            got.append((clone - start, t["exit"] - clone,
                        t["exit_group"] - t["exit"]))
    return tuple(statistics.median(g[k] for g in got) for k in range(3))


def fmt_t(t):
    med, lo, hi = t
    return f"{med:.3f} s (min {lo:.3f}, max {hi:.3f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jbw")
    ap.add_argument("--gen")
    ap.add_argument("--work")
    ap.add_argument("--scales", default="1,10,100")
    ap.add_argument("--peers-at", type=int, default=10)
    ap.add_argument("--peer", help=argparse.SUPPRESS)
    ap.add_argument("--measures", help=argparse.SUPPRESS)
    ap.add_argument("--workers", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.peer:  # one peer as its own process: prints its totals as JSON
        fn = {"python": peer_python, "pandas": peer_pandas}[a.peer]
        json.dump(fn(a.measures, a.workers), sys.stdout, default=sorted)
        return 0
    if not (a.jbw and a.gen and a.work):
        ap.error("--jbw, --gen and --work are required")

    print(f"bench_report: machine: {machine()}")
    print(f"bench_report: `jbw report --format json --date {DATE}` on "
          "generated national-size files, whole process")
    scales = [int(s) for s in a.scales.split(",") if s]
    per_measure = {}
    # The 100x file is larger than the readers' default limit of 256 MiB:
    # the option raises it when the command has it.
    help_text = subprocess.run([a.jbw, "report", "--help"], text=True,
                               stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT).stdout
    limit = (["--max-file-bytes", "4000000000"]
             if "--max-file-bytes" in help_text else [])
    threads_opt = "--threads" in help_text
    for scale in scales:
        d = os.path.join(a.work, f"x{scale}")
        os.makedirs(d, exist_ok=True)
        subprocess.run([a.gen, d, str(scale)], check=True)
        mp, wp = os.path.join(d, "measures.csv"), os.path.join(d, "workers.csv")
        size = os.path.getsize(mp) + os.path.getsize(wp)
        measures = 32000 * scale
        runs = 7 if scale <= 10 else 3
        argv = [a.jbw, "report", "--format", "json", "--date", DATE,
                "--measures", mp, "--workers", wp] + limit
        t = run_timed(argv, runs)
        ref = run_timed(["wc", "-l", mp, wp], runs)
        mem = peak_mib(argv)
        per_measure[scale] = t[0] / measures
        mb = size / 1e6
        print(f"\n{scale}x: {measures} measures, {mb:.1f} MB input; "
              f"median of {runs} runs; load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"  jbw report --format json : {fmt_t(t)}, "
              f"{mb / t[0]:.0f} MB/s, {t[0] / measures * 1e9:.0f} ns/measure"
              + (f", peak {mem:.1f} MiB = {mem * 1048576 / size:.2f}x input"
                 f" (target <= {(1.5 * size + 30e6) / 1048576:.1f} MiB)"
                 if mem is not None else ""))
        if threads_opt:
            # the default loads on every core (2 threads at most for the
            # load); --threads 1 is the one-thread figure of the same run
            t1 = run_timed(argv + ["--threads", "1"], runs)
            print(f"  ... --threads 1          : {fmt_t(t1)}, "
                  f"{mb / t1[0]:.0f} MB/s; --threads 1 / default = "
                  f"{t1[0] / t[0]:.2f} ({os.cpu_count()} cores online)")
        ph = phases(argv, runs) if threads_opt else None
        if ph is None:
            print("  phases                   : skipped (needs strace, "
                  "apt-get install strace, and a load on two threads)")
        else:
            # strace slows the traced run a little: the share of the
            # one-thread parts is the figure to carry over to the untraced
            # median above
            one = (ph[0] + ph[2]) / sum(ph)
            print(f"  phases (strace, median)  : before the parse thread "
                  f"{ph[0] * 1e3:.0f} ms, while it runs {ph[1] * 1e3:.0f} "
                  f"ms, after it ends {ph[2] * 1e3:.0f} ms; the parts on one "
                  f"thread are {one * 100:.0f}% of the run, "
                  f"{one * t[0] * 1e3:.0f} ms of the median above, where "
                  f"300 MB/s allows {size / 300e6 * 1e3:.0f} ms in all")
        print(f"  reference wc -l          : {fmt_t(ref)}, "
              f"{mb / ref[0]:.0f} MB/s; jbw / wc = {t[0] / ref[0]:.2f}")
        if scale == a.peers_at:
            doc = json.loads(subprocess.run(argv, check=True,
                                            stdout=subprocess.PIPE).stdout)
            peers(a, mp, wp, from_jbw(doc), t, mb)
    if 1 in per_measure and len(per_measure) > 1:
        top = max(per_measure)
        print(f"\nper-measure cost {top}x / 1x = "
              f"{per_measure[top] / per_measure[1]:.2f} (target <= 1.3)")
    return 0


def peers(a, mp, wp, want, jbw_t, mb):
    print(f"  peers doing the same totals (checked against jbw's JSON), "
          f"median of 3 runs:")
    me = [sys.executable, os.path.abspath(__file__)]
    todo = [("plain Python", me + ["--peer", "python", "--measures", mp,
                                    "--workers", wp], None)]
    try:
        import pandas  # noqa: F401
        todo.append(("pandas", me + ["--peer", "pandas", "--measures", mp,
                                      "--workers", wp], None))
    except ImportError:
        print(f"  pandas: skipped, not installed for {sys.executable} "
              "(Debian: apt-get install python3-pandas)")
    sqlite = shutil.which("sqlite3")
    if sqlite:
        script = SQLITE_SCRIPT.format(m=mp, w=wp, d=DATE)
        todo.append(("sqlite3", [sqlite, ":memory:"], script))
    else:
        print("  sqlite3: skipped, not installed (apt-get install sqlite3)")
    for name, argv, stdin_text in todo:
        r = subprocess.run(argv, input=stdin_text, stdout=subprocess.PIPE,
                           text=True, check=True)
        got = parse_sqlite(r.stdout) if name == "sqlite3" else json.loads(r.stdout)
        bad = differences(name, got, want)
        if bad:
            print("\n".join("  MISMATCH " + b for b in bad[:10]))
            continue
        t = run_timed(argv, 3, stdin_text)
        mem = peak_mib(argv, stdin_text)
        print(f"  {name:24} : {fmt_t(t)}, {mb / t[0]:.0f} MB/s"
              + (f", peak {mem:.1f} MiB" if mem is not None else "")
              + f"; {name} / jbw = {t[0] / jbw_t[0]:.1f}")


if __name__ == "__main__":
    sys.exit(main())
