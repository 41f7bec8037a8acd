# structure.sh - the house rules that keep the code readable, checked on
# the source: core/ in rooms by pipeline stage with data flowing one way
# (docs/internals.md), no cast that removes const in core, no function over
# 100 lines, and a header comment on every file.
. tests/lib.sh

# The rooms, from the bottom up; a room may include its own headers and
# those of the rooms below it.  dataset and forecast share a floor and do
# not include each other.
rank() {
    case $1 in
    base) echo 0 ;; dataset | forecast) echo 1 ;; model) echo 2 ;; chart) echo 3 ;; host) echo 4 ;; cli) echo 5 ;;
    *) echo 99 ;;
    esac
}
bad=""
for f in core/*/*.c core/*/*.h; do
    room=$(echo "$f" | cut -d/ -f2)
    r=$(rank "$room")
    [ "$r" = 99 ] && bad="$bad [$f: not a room]"
    for inc in $(sed -n 's/^#include "\([a-z]*\)\/.*/\1/p' "$f"); do
        [ "$inc" = "$room" ] && continue
        [ "$inc" = marketpress ] && continue
        ri=$(rank "$inc")
        if [ "$ri" -ge "$r" ]; then bad="$bad [$f includes $inc/]"; fi
    done
done
expect_eq "core: every file in a room, and no room includes one above it or beside it" "$bad" ""
expect_eq "core: no source file outside the rooms" "$(ls core/*.c core/*.h 2>/dev/null)" ""

# const is not cast away anywhere in core.  The chart room's fonts include
# FreeType and the one font finder of plugins/common (the Makefile's
# CORE_SHARED).
bad=""
fonts_cflags="$(pkg-config --cflags freetype2 fontconfig) -Iplugins/common"
for f in core/*/*.c; do
    gcc -std=c11 -D_GNU_SOURCE -Iinclude -Icore $fonts_cflags -DMKP_VERSION='"x"' -DMKP_PLUGIN_DIR='"x"' -DMKP_DATA_DIR='"x"' -Wcast-qual -Werror \
        -fsyntax-only "$f" 2>"$T/cq.err" || bad="$bad $(grep -m1 'cast' "$T/cq.err")"
done
expect_eq "core: no cast removes const (gcc -Wcast-qual)" "$bad" ""

# Functions a reader can hold: at most 100 lines from { to } (both at the
# start of a line, as the code is laid out).
long=$(for f in core/*/*.c plugins/*/*.c plugins/common/*.c; do
    awk -v F="$f" '/^[A-Za-z].*\(/ { sig = FNR } /^\{/ { start = FNR }
        /^\}/ { if (start && FNR - start + 1 > 100) printf "%s:%d (%d lines) ", F, sig, FNR - start + 1; start = 0 }' "$f"
done)
expect_eq "no function over 100 lines in core/ and plugins/" "$long" ""

# Every file says what it is for in its first line.
bad=""
for f in core/*/*.[ch] plugins/*/*.[ch] plugins/common/*.[ch] include/marketpress/*.h; do
    head -1 "$f" | grep -q '^/\* ' || bad="$bad $f"
done
expect_eq "every source file starts with a comment saying what it is for" "$bad" ""

# A library's flags are asked of pkg-config when a recipe runs: `make run`
# on a new machine installs the -dev packages after reading the Makefile,
# and a flag read at that moment (:=) would be empty for the whole build.
early=$(grep -n '^[A-Za-z_]* *:= *.*\$(shell pkg-config' Makefile | cut -d: -f1 | tr '\n' ' ')
expect_eq "no pkg-config flags read when the Makefile is (:=)" "$early" ""
