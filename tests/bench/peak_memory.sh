#!/bin/sh
# Peak resident memory of the jbw command on national-size synthetic files
# (32,000 measures, 5,000 workers): loading them and computing the report,
# the triage, the allocation and a 1,000-replicate forecast, each measured
# with /usr/bin/time -v. Target: under 64 MiB for each.
# usage: peak_memory.sh JBW GEN_NATIONAL WORK_DIR
set -eu
jbw=$1 gen=$2 work=$3
mkdir -p "$work"
"$gen" "$work" 1
in="--measures $work/measures.csv --workers $work/workers.csv"
if [ ! -x /usr/bin/time ]; then
    echo "peak_memory: /usr/bin/time not found (apt-get install time)"; exit 0
fi
echo "peak_memory: national-size synthetic files ($(wc -c < "$work/measures.csv") + $(wc -c < "$work/workers.csv") bytes)"
printf '%-44s %12s %10s\n' "command" "peak RSS" "seconds"
for cmd in "report" "report --format json" "triage" "allocate" \
           "forecast --replicates 1000 --months 24"; do
    # shellcheck disable=SC2086
    /usr/bin/time -v "$jbw" $cmd $in > /dev/null 2> "$work/time.txt"
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
    awk -v c="jbw $cmd" -v kb="$kb" -v s="$secs" 'BEGIN { printf "%-44s %9.1f MiB %10s\n", c, kb / 1024, s }'
done
