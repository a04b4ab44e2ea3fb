#!/bin/sh
# Builds the consumer program three ways against libjbw and runs it:
#   install  - install the build tree, then pkg-config --cflags --libs libjbw
#   package  - find_package(jbw) against that install
#   subdir   - add_subdirectory() of the source tree
# and, in mode fma, checks the library's code when a parent project asks
# for fused multiply-adds (see the mode).
# usage: consumer.sh MODE SOURCE_DIR BUILD_DIR WORK_DIR CC
set -eu
mode=$1 src=$2 build=$3 work=$4 cc=$5
prefix=$work/prefix
case $mode in
install)
    rm -rf "$work" && mkdir -p "$work"
    cmake --install "$build" --prefix "$prefix" >/dev/null
    libdir=$(ls -d "$prefix"/lib*/pkgconfig | head -n 1)
    flags=$(PKG_CONFIG_PATH=$libdir pkg-config --cflags --libs libjbw)
    # shellcheck disable=SC2086
    "$cc" -std=c99 -Wall -Wextra -pedantic -Werror -o "$work/consumer" \
        "$src/tests/consumer/main.c" $flags
    LD_LIBRARY_PATH=$(dirname "$libdir") "$work/consumer"
    # A shared build's jbw_runtime component is the library alone: what a
    # program that ships libjbw beside itself installs (README).
    if ls "$prefix"/lib*/libjbw.so.0 >/dev/null 2>&1; then
        rt=$work/runtime
        cmake --install "$build" --prefix "$rt" --component jbw_runtime \
            >/dev/null
        ls "$rt"/lib*/libjbw.so.0 >/dev/null
        left=$(cd "$rt" && find . \( -type f -o -type l \) \
            ! -name 'libjbw.so.0*' | head -n 1)
        if [ -n "$left" ]; then
            echo "jbw_runtime installs more than the library: $left"; exit 1
        fi
    fi
    # The generated paths hold no "//".
    if grep -n '//' "$libdir/libjbw.pc"; then
        echo "libjbw.pc: a path with //"; exit 1
    fi
    # No field is left empty (a shared build has no Libs.private line) and
    # no line ends in a blank; a static build lists its own libraries.
    if grep -nE '^[A-Za-z.]+:[[:space:]]*$|[[:space:]]$' "$libdir/libjbw.pc"; then
        echo "libjbw.pc: an empty field or a line ending in a blank"; exit 1
    fi
    if ! ls "$prefix"/lib*/libjbw.so >/dev/null 2>&1 &&
        ! grep -q '^Libs.private: -lm' "$libdir/libjbw.pc"; then
        echo "libjbw.pc: a static build without Libs.private: -lm"; exit 1
    fi
    # The installed jbw command starts from the prefix without any
    # LD_LIBRARY_PATH (its RPATH is relative to where it is installed).
    if [ -x "$prefix/bin/jbw" ]; then
        env -u LD_LIBRARY_PATH "$prefix/bin/jbw" version
        env -u LD_LIBRARY_PATH "$prefix/bin/jbw" report --format csv >/dev/null
    fi
    ;;
package)
    test -d "$prefix" || { echo "run the install mode first"; exit 1; }
    cmake -S "$src/tests/consumer/find_package" -B "$work/fp" \
        -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" >/dev/null
    cmake --build "$work/fp" >/dev/null
    LD_LIBRARY_PATH=$(ls -d "$prefix"/lib* | head -n 1) "$work/fp/consumer"
    ;;
subdir)
    rm -rf "$work/sd"
    cmake -S "$src/tests/consumer/subdir" -B "$work/sd" \
        -DJBW_SOURCE_DIR="$src" -DCMAKE_C_COMPILER="$cc" >/dev/null
    cmake --build "$work/sd" -j2 >/dev/null
    "$work/sd/consumer"
    ;;
fma)
    # A parent project that builds with -mfma -ffp-contract=fast in GNU C
    # (where contraction is on by default) must still get a library free of
    # fused multiply-adds: same-seed forecasts are bit-identical only if
    # a * b + c is rounded twice everywhere (docs/forecast.md). First a
    # control: the same flags fuse a * b + c in a file of our own, so the
    # count below can see a fused multiply-add (else: exit 77, skipped).
    rm -rf "$work/fma" && mkdir -p "$work/fma"
    flags="-O2 -mfma -ffp-contract=fast"
    printf 'double f(double a, double b, double c) { return a * b + c; }\n' \
        >"$work/fma/control.c"
    # shellcheck disable=SC2086
    if ! "$cc" -std=gnu99 $flags -c -o "$work/fma/control.o" \
            "$work/fma/control.c" 2>/dev/null ||
        ! objdump -d "$work/fma/control.o" | grep -qE 'vfn?m(add|sub)'; then
        echo "this compiler or machine makes no fused multiply-add: skipped"
        exit 77
    fi
    # the parent's C standard with its extensions: -std=gnu99
    cmake -S "$src/tests/consumer/subdir" -B "$work/fma/sd" \
        -DJBW_SOURCE_DIR="$src" -DCMAKE_C_COMPILER="$cc" \
        -DCMAKE_C_STANDARD=99 -DCMAKE_C_EXTENSIONS=ON \
        -DCMAKE_C_FLAGS="$flags" >/dev/null
    cmake --build "$work/fma/sd" --target jbw -j2 >/dev/null
    lib=$(find "$work/fma/sd" -name 'libjbw.a' -o -name 'libjbw.so' | head -n 1)
    if [ -z "$lib" ]; then
        echo "the subproject built no libjbw"; exit 1
    fi
    objdump -d "$lib" >"$work/fma/lib.asm"
    fused=$(grep -cE 'vfn?m(add|sub)' "$work/fma/lib.asm" || true)
    echo "fused multiply-adds: control.o has some, $(basename "$lib") has $fused"
    test "$fused" -eq 0
    ;;
*)
    echo "unknown mode $mode"; exit 2 ;;
esac
