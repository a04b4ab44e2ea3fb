#!/bin/sh
# Regenerates the ABI baseline after an INTENDED change (docs/abi.md):
#   abi/symbols.txt  the exported symbols, one per line
#   abi/libjbw.abi   the abidw description of the library
# from a debug build of the shared library (default build/dev).
# New symbols must also get a node in cmake/libjbw.map.
set -eu
cd "$(dirname "$0")/.."
lib=${1:-build/dev/libjbw.so}
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sed 's/@.*//' \
    | sort -u > abi/symbols.txt
abidw --headers-dir include --no-corpus-path --no-show-locs \
    --no-comp-dir-path --out-file abi/libjbw.abi "$lib"
# Source paths relative to the project and no line numbers: the baseline
# changes only when the interface does, not with every edit or checkout.
sed -i "s|path='$(pwd)/|path='|" abi/libjbw.abi
missing=$(while read -r s; do grep -q "^[[:space:]]*$s;" cmake/libjbw.map || echo "$s"; done < abi/symbols.txt)
if [ -n "$missing" ]; then
    echo "not named in cmake/libjbw.map:"; echo "$missing"; exit 1
fi
echo "abi/symbols.txt: $(wc -l < abi/symbols.txt) symbols; abi/libjbw.abi written"
