#!/usr/bin/env python3
"""Benchmark of the Python bindings: batch waiting-risk scoring through
ctypes against the C figure, and the per-call overhead of a trivial call.

    python3 tests/bench/bench_python.py [--cases N] [--runs R] [--rounds K]
                                        [--c-bench PATH]

Batch: the same synthetic cases as tests/bench/bench_waitrisk.c (splitmix64
from seed 20250901, the same draws in the same order), prepared once as a
WaitCaseArray; the timed Python figure is the ONE ctypes call
(WaitRiskModel.score_array) on all N cases. The C figure comes from running
bench_waitrisk with the same N (from the loaded library's build directory
when it has one, else another build directory: the line "C bench" says
which), alternating with the Python runs: K rounds of R Python runs and
one bench_waitrisk of R runs, so both see about the same load.
Conversions: WaitCaseArray.from_columns against from_cases (a dataclass per
case), ScoreArray.to_columns against to_scores (a dataclass per case), and
pandas.DataFrame(to_columns) when pandas is installed, alternating; then
from_columns by the form of its columns (machine arrays, codes, date
strings, date objects) against converting those values one by one.
Overhead: timeit of pre-bound trivial calls (jbw_abi_major,
jbw_date_weekday) against an empty Python function in the same run.

Prints the machine and its load average, medians with min and max,
throughputs and ratios. Never passes or fails on time.
The cases are synthetic: generated from a fixed seed, no real person.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time
import timeit
from array import array

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bindings", "python"))

import jbw  # noqa: E402
from bench_machine import loadavg, machine  # noqa: E402
from jbw._lib import C  # noqa: E402
from jbw._util import from_days, to_days  # noqa: E402

MASK = (1 << 64) - 1


def splitmix64(state):
    """The bench_util.h generator: returns (new state, value)."""
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def make_columns(n, date):
    """Columns of the cases bench_waitrisk.c's make_cases() draws."""
    ids = ["M-0001", "M-0002", "M-0003", "M-0004"]
    none = jbw.DATE_NONE
    col = {k: array("i") for k in ("kind", "safety", "placement", "jr_risk",
                                   "waiting_since", "birth_date", "last_contact",
                                   "previous_workers")}
    x = 20250901
    for _ in range(n):
        x, r = splitmix64(x); col["kind"].append(r % 12)
        x, r = splitmix64(x); col["safety"].append(r % 5)
        x, r = splitmix64(x); col["placement"].append(r % 3)
        x, r = splitmix64(x); col["jr_risk"].append(r % 4)
        x, r = splitmix64(x); ws = date - r % 365
        col["waiting_since"].append(ws)
        x, r = splitmix64(x)
        if r % 4:
            x, r = splitmix64(x); bd = ws - r % 6500
        else:
            bd = none
        x, r = splitmix64(x)
        if r % 3:
            x, r = splitmix64(x); lc = date - r % 60
        else:
            lc = none
        if lc != none and bd != none and lc < bd:
            lc = bd
        col["birth_date"].append(bd)
        col["last_contact"].append(lc)
        x, r = splitmix64(x); col["previous_workers"].append(r % 5)
    names = [ids[i % 4] for i in range(n)]
    return names, col


def find_c_bench(explicit):
    """bench_waitrisk: given, beside the loaded library, or in any build dir."""
    if explicit:
        return explicit
    lib_dir = os.path.dirname(os.path.abspath(jbw.library_path))
    root = os.path.abspath(os.path.join(HERE, "..", ".."))
    candidates = [os.path.join(lib_dir, "tests", "bench", "bench_waitrisk")]
    for d in sorted(os.listdir(root)):
        if d.startswith("build"):
            base = os.path.join(root, d)
            candidates.append(os.path.join(base, "tests", "bench", "bench_waitrisk"))
            if os.path.isdir(base):
                for sub in sorted(os.listdir(base)):
                    candidates.append(os.path.join(base, sub, "tests", "bench", "bench_waitrisk"))
    for c in candidates:
        if os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    return None


def run_c_bench(path, n, runs):
    """(ns per case, the line it printed, checksum) from bench_waitrisk, or None."""
    p = subprocess.run([path, str(n), str(runs)], capture_output=True, text=True,
                       timeout=600)
    m = re.search(r"scoring: median ([\d.]+) ms = ([\d.]+) million cases/s \(([\d.]+) ns/case\)",
                  p.stdout)
    c = re.search(r"checksum (-?\d+)", p.stdout)
    if p.returncode != 0 or not m:
        print(f"  C bench failed: {p.stderr.strip() or p.stdout.strip()}")
        return None
    return float(m.group(3)), m.group(0), int(c.group(1)) if c else None


def spread(values, scale=1.0, fmt="{:.1f}"):
    """'median (min, max)' of values times scale."""
    v = sorted(x * scale for x in values)
    return (f"{fmt.format(statistics.median(v))} "
            f"({fmt.format(v[0])}, {fmt.format(v[-1])})")


def timed(fn, repeat):
    """Seconds of each of `repeat` calls of fn()."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def bench_batch(n, runs, rounds, c_bench):
    date = to_days(jbw.example_date())
    t0 = time.perf_counter()
    names, col = make_columns(n, date)
    t_gen = time.perf_counter() - t0

    def from_columns():
        return jbw.WaitCaseArray.from_columns(
            id=names, child_id=names, waiting_since=col["waiting_since"],
            kind=col["kind"], safety=col["safety"], placement=col["placement"],
            jr_risk=col["jr_risk"], birth_date=col["birth_date"],
            last_contact=col["last_contact"],
            previous_workers=col["previous_workers"])

    cases = from_columns()
    model, cal = jbw.WaitRiskModel(), jbw.Calendar()
    out = jbw.ScoreArray(n)
    model.score_array(cases, jbw.example_date(), cal, out)  # warm up
    pts = out.points()
    # bench_waitrisk's checksum: every case's points, plus per run r the
    # points and kind of case r; equal checksums mean equal cases and scores.
    checksum = sum(pts) + sum(pts[r % n] + col["kind"][r % n] for r in range(runs))

    print(f"batch scoring: {n} synthetic cases (the cases of bench_waitrisk.c), "
          f"model {model.name} {model.version}; {rounds} rounds, each: the Python "
          f"batch {runs} times, then bench_waitrisk (C, {runs} runs) as a separate "
          f"process on the same cases; figures: median (min, max) of the rounds' medians")
    print(f"  library: {jbw.library_path}")
    path = find_c_bench(c_bench)
    if path is None:
        print("  C bench: bench_waitrisk not found (configure with "
              "-DJBW_BUILD_BENCHMARKS=ON and build it, or pass --c-bench)")
    else:
        print(f"  C bench: {path}")
        lib_dir = os.path.dirname(os.path.abspath(jbw.library_path))
        if not os.path.abspath(path).startswith(lib_dir + os.sep):
            print("  note: the C bench comes from another build than the loaded library; "
                  "for a fair ratio set JBW_LIBRARY to that build's libjbw.so")
    py_ns, c_ns, ratios, c_sums = [], [], [], set()
    for _ in range(rounds):
        ts = timed(lambda: model.score_array(cases, jbw.example_date(), cal, out), runs)
        py_ns.append(statistics.median(ts) / n * 1e9)
        got = run_c_bench(path, n, runs) if path else None
        if got:
            c_ns.append(got[0])
            c_sums.add(got[2])
            ratios.append(py_ns[-1] / got[0])
    print(f"  python, one ctypes call (WaitRiskModel.score_array): "
          f"{spread(py_ns)} ns/case = {1e3 / statistics.median(py_ns):.1f} "
          f"million cases/s; checksum {checksum}")
    if c_ns:
        same = c_sums == {checksum}
        print(f"  C, jbw_waitrisk_score_batch (bench_waitrisk): {spread(c_ns)} ns/case = "
              f"{1e3 / statistics.median(c_ns):.1f} million cases/s; checksum "
              f"{', '.join(str(c) for c in sorted(c_sums))} "
              f"({'equal' if same else 'DIFFERENT'}: same cases, same scores)")
        print(f"  ratio python batch / C batch (time per case): "
              f"{statistics.median(py_ns) / statistics.median(c_ns):.2f} of the medians; "
              f"per round {spread(ratios, fmt='{:.2f}')}; of the fastest rounds "
              f"{min(py_ns) / min(c_ns):.2f} (target <= 1.1)")

    # Building the prepared array: from columns against the per-object path
    # (WaitCase dataclasses through WaitCaseArray.from_cases), and the
    # scores as columns against a Score dataclass per case, alternating.
    objs = cases.cases()  # the dataclasses of the same cases (not timed)
    t_cols_in, t_objs_in, t_cols_out, t_objs_out, t_df = [], [], [], [], []
    try:
        import pandas  # noqa: F401  (Debian's python3-pandas, when installed)
    except ImportError:
        pandas = None
    ids = cases.ids
    for _ in range(rounds):
        t_cols_in += timed(from_columns, 1)
        t_objs_in += timed(lambda: jbw.WaitCaseArray.from_cases(objs), 1)
        t_cols_out += timed(lambda: out.to_columns(ids), 1)
        t_objs_out += timed(lambda: out.to_scores(ids), 1)
        if pandas is not None:
            t_df += timed(lambda: pandas.DataFrame(out.to_columns(ids)), 1)
    del objs
    print(f"  (generating the columns in Python, not timed against anything: {t_gen:.2f} s)")
    print(f"  cases in, ns/case over {rounds} alternating runs, median (min, max):")
    print(f"    WaitCaseArray.from_columns (9 columns, 2 of string ids): "
          f"{spread(t_cols_in, 1e9 / n, '{:.0f}')}")
    print(f"    WaitCaseArray.from_cases (a WaitCase dataclass per case): "
          f"{spread(t_objs_in, 1e9 / n, '{:.0f}')}; "
          f"from_columns {statistics.median(t_objs_in) / statistics.median(t_cols_in):.1f}x faster "
          f"(target: from_columns <= 100 ns/case, 5x faster than 0.5 us)")
    print(f"  scores out, ns/case, median (min, max):")
    print(f"    ScoreArray.to_columns (19 machine arrays and the ids): "
          f"{spread(t_cols_out, 1e9 / n, '{:.0f}')}")
    print(f"    ScoreArray.to_scores (a Score dataclass per case): "
          f"{spread(t_objs_out, 1e9 / n, '{:.0f}')}; "
          f"to_columns {statistics.median(t_objs_out) / statistics.median(t_cols_out):.1f}x faster "
          f"(target: >= 5x, or columns pandas takes without an object per case)")
    if pandas is not None:
        print(f"    pandas.DataFrame(ScoreArray.to_columns(ids)) (pandas {pandas.__version__}): "
              f"{spread(t_df, 1e9 / n, '{:.0f}')}")
    else:
        print("    pandas.DataFrame(to_columns): skipped, pandas is not installed for "
              f"{sys.executable}")
    model.close()
    cal.close()
    bench_column_kinds(n, names, col, rounds)


def bench_column_kinds(n, names, col, rounds):
    """from_columns by the form of its columns: what each costs beside the
    two id columns, against converting the same values one by one in
    Python (jbw's own conversions, as from_columns did before 0.2)."""
    base = dict(id=names, child_id=names, waiting_since=col["waiting_since"])
    kinds = [jbw.Kind(k).code for k in col["kind"]]
    safety = [jbw.Safety(k).code for k in col["safety"]]
    ws_text = [from_days(d).isoformat() for d in col["waiting_since"]]
    bd_text = [None if d == jbw.DATE_NONE else from_days(d).isoformat()
               for d in col["birth_date"]]
    ws_dates = [from_days(d) for d in col["waiting_since"]]
    bd_dates = [from_days(d) for d in col["birth_date"]]
    forms = [
        ("2 string id columns + waiting_since as array('i')", base, None),
        ("+ kind, safety as array('i')",
         dict(base, kind=col["kind"], safety=col["safety"]), None),
        ("+ kind, safety as codes ('OTS', 'unsafe')", dict(base, kind=kinds, safety=safety),
         lambda: ([int(jbw.Kind.coerce(v)) for v in kinds],
                  [int(jbw.Safety.coerce(v)) for v in safety])),
        ("waiting_since, birth_date as ISO strings (None: no date)",
         dict(base, waiting_since=ws_text, birth_date=bd_text),
         lambda: ([to_days(v) for v in ws_text], [to_days(v) for v in bd_text])),
        ("waiting_since, birth_date as datetime.date (None: no date)",
         dict(base, waiting_since=ws_dates, birth_date=bd_dates),
         lambda: ([to_days(v) for v in ws_dates], [to_days(v) for v in bd_dates])),
    ]
    print(f"  WaitCaseArray.from_columns by the form of its columns, ns/case over {rounds} "
          f"alternating runs, median (min, max); reference: the same two columns "
          f"converted one value at a time in Python (to_days, Kind.coerce)")
    for label, kw, per_value in forms:
        t_cols, t_ref = [], []
        for _ in range(rounds):
            t_cols += timed(lambda: jbw.WaitCaseArray.from_columns(**kw), 1)
            if per_value is not None:
                t_ref += timed(per_value, 1)
        line = f"    {label}: {spread(t_cols, 1e9 / n, '{:.0f}')}"
        if t_ref:
            line += (f"; the two columns value by value: {spread(t_ref, 1e9 / n, '{:.0f}')} "
                     f"(whole from_columns {statistics.median(t_ref) / statistics.median(t_cols):.1f}x "
                     f"faster than that part alone)")
        print(line)


def bench_overhead(number):
    f_abi = C.jbw_abi_major
    f_wd = C.jbw_date_weekday
    day = to_days(jbw.example_date())

    def empty():
        return 0

    def best(stmt, glb):
        return min(timeit.repeat(stmt, globals=glb, number=number, repeat=5)) / number * 1e6

    glb = {"f_abi": f_abi, "f_wd": f_wd, "day": day, "empty": empty, "jbw": jbw,
           "d": jbw.example_date()}
    us_empty = best("empty()", glb)
    us_abi = best("f_abi()", glb)
    us_wd = best("f_wd(day)", glb)
    us_api = best("jbw.weekday(d)", glb)
    print(f"per-call overhead: best of 5 x {number} calls")
    print(f"  empty Python function:              {us_empty:.3f} us")
    print(f"  jbw_abi_major() pre-bound:          {us_abi:.3f} us  "
          f"(x{us_abi / us_empty:.1f} an empty Python call; target <= 2 us)")
    print(f"  jbw_date_weekday(int) pre-bound:    {us_wd:.3f} us  (x{us_wd / us_empty:.1f})")
    print(f"  jbw.weekday(datetime.date):         {us_api:.3f} us  "
          f"(the idiomatic call, with the date conversion)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=200000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--calls", type=int, default=200000)
    ap.add_argument("--c-bench", help="path of bench_waitrisk")
    args = ap.parse_args()
    print(f"bench_python: machine: {machine()} ({sys.executable})")
    bench_overhead(args.calls)
    bench_batch(args.cases, args.runs, args.rounds, args.c_bench)
    print(f"bench_python: load average at the end (1, 5, 15 min) {loadavg()}")


if __name__ == "__main__":
    main()
