#!/bin/sh
# Builds the libFuzzer variant of every harness with clang (ASan + UBSan)
# and fuzzes each one for a fixed time, starting from its committed seed
# corpus. New inputs go to a scratch corpus in the build directory; the
# committed corpus is never modified. A crash, leak, sanitizer report or
# timeout makes the script exit non-zero; the input is saved as
# <build>/artifacts/<harness>-crash-<sha1> (or leak-, timeout-, oom-).
#
# Usage: tests/fuzz/run_fuzz.sh [SECONDS] [BUILD_DIR] [HARNESS...]
#   SECONDS    fuzzing time per harness (default 20, or $JBW_FUZZ_SECONDS)
#   BUILD_DIR  default build-fuzz in the source tree (or $JBW_FUZZ_BUILD)
#   HARNESS    names (date, snapshot_csv, ...); default: every harness built
# Environment: CC (default clang), JBW_FUZZ_JOBS (build jobs, default 2),
# JBW_FUZZ_PARALLEL (harnesses fuzzed at the same time, one process each,
# default 2: each still gets SECONDS of its own).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
seconds=${1:-${JBW_FUZZ_SECONDS:-${FUZZ_SECONDS:-20}}}
build=${2:-${JBW_FUZZ_BUILD:-$src/build-fuzz}}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
jobs=${JBW_FUZZ_JOBS:-2}
parallel=${JBW_FUZZ_PARALLEL:-2}

case $seconds in
  ''|*[!0-9]*) echo "run_fuzz.sh: SECONDS must be a whole number" >&2; exit 2 ;;
esac
case $parallel in
  ''|0|*[!0-9]*) echo "run_fuzz.sh: JBW_FUZZ_PARALLEL must be 1 or more" >&2; exit 2 ;;
esac

mkdir -p "$build"
CC=${CC:-clang} cmake -S "$src" -B "$build" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_SHARED_LIBS=OFF \
  -DJBW_LIBFUZZER=ON -DJBW_SANITIZED=ON -DJBW_BUILD_FUZZERS=ON \
  -DJBW_BUILD_TESTS=OFF -DJBW_BUILD_EXAMPLES=OFF -DJBW_BUILD_BENCHMARKS=OFF \
  -DJBW_INSTALL=OFF >"$build/configure.log" 2>&1 || {
  cat "$build/configure.log" >&2; exit 2; }

if [ $# -gt 0 ]; then
  harnesses=$*
else
  harnesses=$(cd "$here" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//' | tr '\n' ' ')
fi

# The seed corpus of a harness (see JBW_FUZZ_CORPUS_* in CMakeLists.txt).
corpus_of() {
  case $1 in
    pipeline|calibrate) echo snapshot_csv ;;
    *) echo "$1" ;;
  esac
}

mkdir -p "$build/artifacts"
rm -f "$build"/status-*

# Fuzzes one harness (built already); its result goes to status-<h>.
fuzz_one() {
  h=$1
  seeds="$here/corpus/$(corpus_of "$h")"
  work="$build/corpus/$h"
  mkdir -p "$work"
  dict=""
  [ -f "$here/dict/$h.dict" ] && dict="-dict=$here/dict/$h.dict"
  echo "== $h: fuzzing ${seconds}s from $(ls "$seeds" | wc -l) seeds"
  # -timeout: one input taking 10 s is a bug (a hang); -rss_limit_mb keeps
  # a runaway allocation from taking the machine down.
  if "$build/tests/fuzz/fuzz_$h" $dict -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$h-" "$work" "$seeds" \
      >"$build/fuzz-$h.log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz-$h.log")
    echo "   $h ok: ${runs:-?} runs, corpus $(ls "$work" | wc -l) files"
    echo ok > "$build/status-$h"
  else
    echo "== $h: FAILED; log $build/fuzz-$h.log" >&2
    grep -E "ERROR|SUMMARY|check failed|round trip|Test unit written" \
      "$build/fuzz-$h.log" | head -20 >&2 || true
    echo FAILED > "$build/status-$h"
  fi
}

status=0
summary=""
built=""
for h in $harnesses; do
  [ -f "$here/fuzz_$h.c" ] || continue
  if ! cmake --build "$build" -j "$jobs" --target "fuzz_$h" >"$build/build-$h.log" 2>&1; then
    echo "== $h: build failed (see $build/build-$h.log)" >&2
    summary="$summary $h:build-failed"
    status=1
    continue
  fi
  built="$built $h"
done

running=0
for h in $built; do
  fuzz_one "$h" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait
    running=0
  fi
done
wait
for h in $built; do
  r=$(cat "$build/status-$h" 2>/dev/null || echo FAILED)
  summary="$summary $h:$r"
  [ "$r" = ok ] || status=1
done
echo "summary:$summary"
if [ $status -ne 0 ]; then
  echo "failing inputs are in $build/artifacts/" >&2
fi
exit $status
