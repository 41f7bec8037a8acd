#!/bin/sh
# tests/deb.sh build OUT - the Debian packages from `make dist`'s tarball,
# built in OUT/src with `dpkg-buildpackage -us -uc -b` (so the working tree
# and its build/ are left alone), moved to OUT, then lintian on them; one
# result line.
# tests/deb.sh fresh OUT - the packages in OUT (built first when missing)
# installed in a fresh Debian 12 root, where the installed marketpress
# renders every output (tests/fresh-machine.sh --deb; root, minutes).
set -u
mode=${1:?usage: sh tests/deb.sh build|fresh OUT}
out=${2:?usage: sh tests/deb.sh build|fresh OUT}
here=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^VERSION *= *//p' "$here/Makefile")

build() {
    for t in dpkg-buildpackage dh lintian fakeroot; do
        command -v $t >/dev/null || { echo "deb: needs $t: sh .ci/bootstrap --deb" >&2; exit 2; }
    done
    make -s -C "$here" dist >/dev/null || exit 1
    rm -rf "$out"
    mkdir -p "$out/src"
    out=$(cd "$out" && pwd)
    tar -xzf "$here/marketpress-$version.tar.gz" -C "$out/src"
    (cd "$out/src/marketpress-$version" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1
    rc=$?
    mv "$out"/src/*.deb "$out"/src/*.changes "$out"/src/*.buildinfo "$out/" 2>/dev/null
    rm -rf "$out/src"
    lintian --info "$out"/*.changes >"$out/lintian.txt" 2>&1
    lrc=$?
    cat "$out/lintian.txt"
    echo "deb: dpkg-buildpackage rc $rc ($(cd "$out" && ls *.deb 2>/dev/null | tr '\n' ' ')); lintian rc $lrc," \
        "$(grep -c '^[EW]: ' "$out/lintian.txt") errors and warnings; log $out/build.log"
    [ $rc = 0 ] && [ $lrc = 0 ]
}

case $mode in
build) build ;;
fresh)
    ls "$out"/marketpress_*.deb >/dev/null 2>&1 || build || exit 1
    sh "$here/tests/fresh-machine.sh" --deb "$out"/marketpress_*.deb "$out"/marketpress-dev_*.deb
    ;;
*) echo "usage: sh tests/deb.sh build|fresh OUT" >&2; exit 2 ;;
esac
