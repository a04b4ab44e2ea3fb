#!/bin/sh
# Load test: `jbw report` on a measures.csv of ROWS minimal valid rows
# (default 10,000,000, 44 bytes each: about 440 MB), with the peak
# resident memory and the wall time from /usr/bin/time -v, the memory per
# row, and the peak against the file size. Run at a tenth of ROWS as well,
# in the same run, to show how time and memory grow with the rows.
# With BENCH_LOAD_MEMORY (the 5th argument, or the environment variable
# JBW_LOAD_MEMORY_BENCH: the path of tests/bench/bench_load_memory), each
# run is followed by that program on the same files: the library's own
# bytes counted by an allocator (the snapshot's own, the high-water mark
# of the load, the loader's transient memory against the file).
# usage: load_test.sh JBW GEN_ROWS WORK_DIR [ROWS [BENCH_LOAD_MEMORY]]
#        (an empty ROWS takes the default)
set -eu
jbw=$1 gen=$2 work=$3 rows=${4:-${JBW_LOAD_ROWS:-10000000}}
membench=${5:-${JBW_LOAD_MEMORY_BENCH:-}}
if [ ! -x /usr/bin/time ]; then
    echo "load_test: /usr/bin/time not found (apt-get install time)"; exit 0
fi
mkdir -p "$work"
# The file is larger than the readers' default limit of 256 MiB: the
# option raises it when the command has it.
limit=""
if "$jbw" report --help 2>&1 | grep -q -- --max-file-bytes; then
    limit="--max-file-bytes 4000000000"
fi
printf '%-12s %12s %12s %10s %12s %10s\n' rows "file bytes" "peak RSS" "seconds" "bytes/row" "peak/file"
for n in $((rows / 10)) "$rows"; do
    "$gen" "$work" "$n"
    size=$(wc -c < "$work/measures.csv")
    # shellcheck disable=SC2086
    /usr/bin/time -v "$jbw" report $limit \
        --measures "$work/measures.csv" --workers "$work/workers.csv" \
        > /dev/null 2> "$work/time.txt" || { cat "$work/time.txt"; exit 1; }
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
    awk -v n="$n" -v size="$size" -v kb="$kb" -v s="$secs" 'BEGIN {
        printf "%-12d %12d %8.1f MiB %10s %12.0f %10.2f\n",
               n, size, kb / 1024, s, kb * 1024 / n, kb * 1024 / size }'
    if [ -n "$membench" ]; then
        "$membench" "$work/measures.csv" "$work/workers.csv"
    fi
    rm -f "$work/measures.csv"
done
