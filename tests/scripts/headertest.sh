#!/bin/sh
# Compiles every public header alone, as C99 and as C++, with warnings as
# errors (after libgit2's tests/headertest).
# usage: headertest.sh INCLUDE_DIR GENERATED_INCLUDE_DIR CC CXX WORK_DIR
set -eu
inc=$1 gen=$2 cc=$3 cxx=$4 work=$5
mkdir -p "$work"
n=0
for h in "$inc"/jbw.h "$inc"/jbw/*.h; do
    rel=${h#"$inc"/}
    printf '#include "%s"\nint jbw_header_test_%d;\n' "$rel" "$n" > "$work/h.c"
    "$cc" -std=c99 -Wall -Wextra -pedantic -Werror -I"$inc" -I"$gen" \
        -c "$work/h.c" -o "$work/h.o" || { echo "FAIL (C99): $rel"; exit 1; }
    cp "$work/h.c" "$work/h.cpp"
    "$cxx" -std=c++11 -Wall -Wextra -pedantic -Werror -I"$inc" -I"$gen" \
        -c "$work/h.cpp" -o "$work/h.o" || { echo "FAIL (C++): $rel"; exit 1; }
    n=$((n + 1))
done
echo "$n headers compile alone as C99 and C++"
