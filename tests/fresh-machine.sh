#!/bin/sh
# tests/fresh-machine.sh - the README's two commands on a fresh Debian 12.
# Makes a minimal Debian 12 root with debootstrap (minbase with a compiler
# toolchain, git and python3, nothing else), clones this project's committed
# HEAD into it and runs `make run`, then `make test`, there as root; prints
# one result line for each.  Proves that the project's own files install
# everything it needs.  Takes minutes; not part of `make test`.
#
# usage: sh tests/fresh-machine.sh          (as root; `make fresh-check`)
#        sh tests/fresh-machine.sh --deb FILE.deb...   (`make deb-check`)
#   With --deb, nothing is cloned: the packages are installed with apt
#   (which fetches what they depend on), and the installed marketpress
#   renders the AIGC dataset it ships with every plugin, in English and
#   Chinese, from a folder of its own; one result line.
#   FRESH_DIR   where the pristine root is kept between runs and the
#               logs are written (default: ${TMPDIR:-/tmp}/marketpress-fresh)
#   FRESH_SUITE the Debian release (default: bookworm)
# Packages come from the mirror this machine's apt is configured with.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${FRESH_DIR:-${TMPDIR:-/tmp}/marketpress-fresh}
suite=${FRESH_SUITE:-bookworm}

debs=""
if [ "${1:-}" = --deb ]; then
    shift
    for f in "$@"; do
        [ -f "$f" ] || { echo "fresh-machine: no package $f" >&2; exit 2; }
        debs="$debs $(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
    done
    [ -n "$debs" ] || { echo "fresh-machine: --deb needs the .deb files" >&2; exit 2; }
fi

if [ "$(id -u)" != 0 ]; then
    echo "fresh-machine: run as root (debootstrap and chroot need it)" >&2
    exit 2
fi
if ! command -v debootstrap >/dev/null; then
    echo "fresh-machine: installing debootstrap" >&2
    apt-get install -y -qq --no-install-recommends debootstrap >&2 || {
        echo "fresh-machine: needs debootstrap: apt-get install debootstrap" >&2
        exit 2
    }
fi
command -v unshare >/dev/null || { echo "fresh-machine: needs unshare (util-linux)" >&2; exit 2; }

# The first Debian mirror apt knows, from deb822 or one-line sources.
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null)
[ -n "$mirror" ] || { echo "fresh-machine: no Debian mirror found in /etc/apt" >&2; exit 2; }

mkdir -p "$dir"
if [ ! -x "$dir/pristine/usr/bin/make" ]; then
    rm -rf "$dir/pristine" "$dir/pristine.part"
    echo "fresh-machine: making a minimal $suite root (debootstrap, a few minutes)" >&2
    if ! debootstrap --variant=minbase --include=build-essential,git,python3,ca-certificates \
        "$suite" "$dir/pristine.part" "$mirror" >"$dir/debootstrap.log" 2>&1; then
        echo "fresh-machine: debootstrap failed: $(tail -1 "$dir/debootstrap.log")" >&2
        exit 1
    fi
    # The new root asks the same mirror as this machine, and nothing else.
    rm -f "$dir/pristine.part/etc/apt/sources.list"
    mkdir -p "$dir/pristine.part/etc/apt/sources.list.d"
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] && cp "$f" "$dir/pristine.part$f"
    done
    mv "$dir/pristine.part" "$dir/pristine"
fi

run=$dir/run
rm -rf "$run"
cp -a "$dir/pristine" "$run"
cp /etc/resolv.conf "$run/etc/resolv.conf" 2>/dev/null
if [ -z "$debs" ]; then
    git clone -q --no-local "$here" "$run/root/marketpress" || { echo "fresh-machine: git clone failed" >&2; exit 1; }
else
    mkdir -p "$run/root/debs" "$run/root/marketpress"
    cp $debs "$run/root/debs/"
fi

# Each command in a mount namespace of its own: /proc and a /dev/shm as a
# booted machine has them, gone when the command ends; and with the
# environment of a new login, not this one's (no MAKEFLAGS, TMPDIR, ...).
in_root() { # LOG COMMAND
    unshare --mount --propagation private sh -c '
        mount -t proc proc "$1/proc" && mount -t tmpfs -o mode=1777 tmpfs "$1/dev/shm" &&
        exec env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            chroot "$1" /bin/sh -c "cd /root/marketpress && $2"' sh "$run" "$2" >"$1" 2>&1
}
if [ -n "$debs" ]; then
    # The installed program, from a folder that is not the source's, with
    # the dataset the package ships: every plugin, both languages.
    check='set -e; export DEBIAN_FRONTEND=noninteractive; apt-get update -qq;
        apt-get install -y -qq /root/debs/*.deb;
        mkdir -p /srv/elsewhere; cd /srv/elsewhere;
        marketpress --version; marketpress plugins -v;
        marketpress render /usr/share/marketpress/datasets/aigc-foundation-models.yaml --lang en,zh-CN -o out;
        id=out/aigc-foundation-models;
        for f in $id.pdf $id.zh-CN.pdf $id.html $id.zh-CN.html $id.xlsx $id.zh-CN.xlsx $id.csv $id-svg/01-market-size.svg; do test -s "$f"; done;
        test -f /usr/share/man/man1/marketpress.1.gz;
        test -f /usr/share/bash-completion/completions/marketpress;
        test -f /usr/include/marketpress/plugin.h;
        echo "rendered $(ls out | wc -l) outputs and $(ls out/aigc-foundation-models-svg | wc -l) svg files"'
    in_root "$dir/deb-check.log" "$check"
    rc=$?
    echo "deb-check: rc $rc ($(tail -1 "$dir/deb-check.log")); log $dir/deb-check.log"
    exit $rc
fi
in_root "$dir/make-run.log" "make run"
rc_run=$?
in_root "$dir/make-test.log" "make test"
rc_test=$?
echo "make run: rc $rc_run ($(tail -1 "$dir/make-run.log")); log $dir/make-run.log"
echo "make test: rc $rc_test ($(tail -1 "$dir/make-test.log")); log $dir/make-test.log"
[ $rc_run = 0 ] && [ $rc_test = 0 ]
