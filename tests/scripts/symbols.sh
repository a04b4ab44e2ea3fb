#!/bin/sh
# Checks the exported symbols of the shared library: every one starts with
# jbw_ (never the internal jbw__), and the list equals abi/symbols.txt, so
# an unintended export or removal fails.
# usage: symbols.sh LIBRARY SYMBOLS_TXT
set -eu
lib=$1 list=$2
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sed 's/@.*//' | sort -u > "$tmp"
bad=$(grep -v '^jbw_' "$tmp" || true)
internal=$(grep '^jbw__' "$tmp" || true)
if [ -n "$bad$internal" ]; then
    echo "exported symbols outside the jbw_ namespace:"; echo "$bad$internal"; exit 1
fi
if ! diff -u "$list" "$tmp"; then
    echo "the exported symbols differ from $list (see docs/abi.md to update it)"
    exit 1
fi
echo "$(wc -l < "$tmp") exported symbols, all jbw_*, equal to $list"
