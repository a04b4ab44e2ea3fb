#!/bin/sh
# Compares the built library's ABI with the committed baseline. Fails when
# abidiff reports an ABI change (exit bit 4) or an incompatible change
# (bit 8). An intended addition updates the baseline in the same commit:
#   abidw --headers-dir include --out-file abi/libjbw.abi build/dev/libjbw.so
# usage: abicheck.sh LIBRARY BASELINE INCLUDE_DIR
set -u
lib=$1 base=$2 inc=$3
if ! command -v abidiff >/dev/null 2>&1; then
    echo "SKIP: abidiff not found (install abigail-tools)"
    exit 77
fi
abidiff --headers-dir2 "$inc" "$base" "$lib"
rc=$?
if [ $((rc & 4)) -ne 0 ] || [ $((rc & 8)) -ne 0 ] || [ $((rc & 1)) -ne 0 ]; then
    echo "abidiff exit $rc: the ABI differs from $base (docs/abi.md)"
    exit 1
fi
echo "ABI equal to $base"
