#!/bin/sh
# tests/distcheck.sh TARBALL - `make distcheck`: the tarball on its own, in
# a scratch folder with no git: it builds, one pass of the suite passes,
# and install then uninstall into a DESTDIR leave nothing behind.
set -u
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$(mktemp -d "${TMPDIR:-/tmp}/mkp-distcheck.XXXXXX")
trap 'rm -rf "$T"' EXIT
tar -xzf "$tarball" -C "$T" || exit 1
cd "$T"/marketpress-* || exit 1
env -u MAKEFLAGS -u MAKELEVEL -u BUILD make -s >"$T/make.log" 2>&1 || { tail -20 "$T/make.log"; echo "distcheck: build failed"; exit 1; }
env -u MAKEFLAGS -u MAKELEVEL -u BUILD make -s test-one BUILD=build >"$T/test.log" 2>&1
rc=$?
result=$(tail -1 "$T/test.log")
make -s install DESTDIR="$T/stage" >/dev/null 2>&1 && make -s uninstall DESTDIR="$T/stage" >/dev/null 2>&1
left=$(find "$T/stage" -mindepth 1 | head -5)
echo "distcheck: $(basename "$tarball"): test-one rc $rc ($result); install+uninstall left: ${left:-nothing}"
[ $rc = 0 ] && [ -z "$left" ]
