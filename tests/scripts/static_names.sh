#!/bin/sh
# The naming rule of docs/architecture.md: a static function of one file
# under lib/ has a plain name; the prefixes jbw__ and the folder tags
# (io_, wr_, fc_, sc_, cl_) say that a name is shared between files.
# Usage: static_names.sh LIBDIR
# PENDING names the files not renamed yet (they were under change by
# several hands at once); the list only ever shrinks.
set -eu
lib=$1
PENDING=""
bad=""
for f in $(cd "$lib" && find . -name '*.c' | sed 's|^\./||' | sort); do
    case " $PENDING " in *" $f "*) continue ;; esac
    hits=$(grep -nE '^static [^=(;]*\b(jbw__|io_|wr_|fc_|sc_|cl_)[a-z0-9_]+\(' "$lib/$f" || true)
    if [ -n "$hits" ]; then
        bad="$bad$(printf '%s\n' "$hits" | sed "s|^|$f:|")
"
    fi
done
if [ -n "$bad" ]; then
    echo "static functions with a prefix (docs/architecture.md, Naming):"
    printf '%s' "$bad"
    exit 1
fi
echo "every static function under $lib has a plain name (pending: $PENDING)"
