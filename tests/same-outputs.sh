#!/bin/sh
# tests/same-outputs.sh REV - renders every dataset, in every language it
# declares (render --lang all, which REV must know), with every plugin (and
# every scenario), with this tree and with the committed revision REV built
# in a scratch worktree, and compares the outputs byte for byte.  For
# changes that must not change a single output, such as a restructuring.
# Prints one line per difference and a summary line.
# usage: sh tests/same-outputs.sh REV     (e.g. HEAD~3; needs git)
set -u
rev=${1:?usage: sh tests/same-outputs.sh REV}
here=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/mkp-same.XXXXXX")
trap 'git -C "$here" worktree remove --force "$T/base" >/dev/null 2>&1; rm -rf "$T"' EXIT

git -C "$here" worktree add --detach -q "$T/base" "$rev" || exit 2
make -s -C "$T/base" all BUILD="$T/base-build" >"$T/base-make.log" 2>&1 || { cat "$T/base-make.log"; exit 2; }
make -s -C "$here" all BUILD="$T/this-build" >"$T/this-make.log" 2>&1 || { cat "$T/this-make.log"; exit 2; }

render() { # BUILD OUT: every dataset x language it declares x scenario, every plugin
    for ds in "$here"/datasets/*.yaml; do
        scenarios=$("$1/bin/marketpress" forecast "$ds" --json | /usr/bin/python3 -c '
import json, sys
print(" ".join(s["id"] for s in json.load(sys.stdin)["scenarios"]))')
        for sc in $scenarios; do
            SOURCE_DATE_EPOCH=1767225600 "$1/bin/marketpress" render "$ds" --lang all --scenario "$sc" \
                -O svg.png=true -o "$2/$sc" --no-fsync 2>>"$2.log" >/dev/null || echo "render failed: $ds $sc" >>"$2.log"
        done
    done
}
render "$T/base-build" "$T/base-out"
render "$T/this-build" "$T/this-out"
n=$(cd "$T/base-out" && find . -type f | wc -l)
diffs=$(diff -rq "$T/base-out" "$T/this-out" | sed "s|$T/||g")
if [ -n "$diffs" ]; then
    echo "$diffs"
    echo "same-outputs: $(echo "$diffs" | wc -l) difference(s) among $n files against $rev"
    exit 1
fi
# The messages, with the folders named alike and in one order (jobs finish
# in any order).
for w in base this; do sed "s|$T/$w-out|OUT|g" "$T/$w-out.log" | sort >"$T/$w.msgs"; done
if ! cmp -s "$T/base.msgs" "$T/this.msgs"; then
    diff "$T/base.msgs" "$T/this.msgs" | head -20
    echo "same-outputs: the $n files are identical, but the messages differ against $rev"
    exit 1
fi
echo "same-outputs: all $n files byte-identical to $rev's"
