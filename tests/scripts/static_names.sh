#!/bin/sh
# The naming rule of docs/architecture.md: what one file under lib/ keeps
# to itself (a static function, a type defined in the .c file, a static
# variable at file scope) has a plain name; the prefixes jbw__ and the
# folder tags (io_, wr_, fc_, sc_, cl_) say that a name is shared between
# files. A type declared in an internal header is shared, so its name
# starts with jbw__.
# Usage: static_names.sh LIBDIR
set -eu
lib=$1
P='(jbw__|io_|wr_|fc_|sc_|cl_)[a-z0-9_]*'
bad=""
report() { # FILE WHAT HITS
    [ -n "$3" ] || return 0
    bad="$bad$(printf '%s\n' "$3" | sed "s|^|$1: $2: |")
"
}
for f in $(cd "$lib" && find . -name '*.c' | sed 's|^\./||' | sort); do
    src="$lib/$f"
    report "$f" "static function" \
        "$(grep -nE "^static [^=(;]*\\b$P\\(" "$src" || true)"
    report "$f" "type" "$(grep -nE \
        -e "^(typedef )?(struct|enum|union) $P\\b" \
        -e "^\\} *$P;" \
        -e "^typedef [^{;]*(\\(\\*$P\\)|\\b$P *(\\[[^]]*\\])?;)" \
        "$src" || true)"
    report "$f" "static variable" "$(grep -nE \
        -e "^static [^=(]*\\b$P *(\\[|=|;)" \
        -e "^static [^(]*, *$P *(\\[|=|;)" \
        -e "^\\} *$P *(\\[[^]]*\\])* *(=|;)" \
        "$src" | grep -vE "^[0-9]+:\\} *$P;" || true)"
done
for h in $(cd "$lib" && find . -name '*.h' | sed 's|^\./||' | sort); do
    report "$h" "shared type without jbw__" "$(grep -nE \
        -e '^\} *[a-z][a-z0-9_]*;' \
        -e '^typedef [^{;]*(\(\*[a-z][a-z0-9_]*\)|\b[a-z][a-z0-9_]* *(\[[^]]*\])?;)' \
        "$lib/$h" | grep -vE '(\} *|\(\*|[ *])jbw__[a-z0-9_]*(\)|;| *\[)' || true)"
done
if [ -n "$bad" ]; then
    echo "names against the rule of docs/architecture.md (Naming):"
    printf '%s' "$bad"
    exit 1
fi
echo "every static name under $lib is plain and every shared type is jbw__"
