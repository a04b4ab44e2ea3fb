#!/bin/sh
# Load test: `jbw report` on a measures.csv of ROWS minimal valid rows
# (default 10,000,000, 44 bytes each: about 440 MB), with the peak
# resident memory and the wall time from /usr/bin/time -v, the memory per
# row, and the peak against the file size. Run at a tenth of ROWS as well,
# in the same run, to show how time and memory grow with the rows.
# usage: load_test.sh JBW GEN_ROWS WORK_DIR [ROWS]
set -eu
jbw=$1 gen=$2 work=$3 rows=${4:-${JBW_LOAD_ROWS:-10000000}}
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
    rm -f "$work/measures.csv"
done
