# install.sh - make install and uninstall into a DESTDIR (nothing left
# behind), the compiled-in paths following PREFIX and LIBDIR (a change
# rebuilds), and make dist: the same bytes twice, and a tarball that builds
# on its own and renders.  (`make distcheck` runs the whole suite from the
# tarball; too slow for every pass.)
. tests/lib.sh

# make, without the test run's own make variables (nor its BUILD).
mk() { env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS -u BUILD make "$@"; }
# The objects of $BUILD were made with or without the sanitizers; a link
# of them must be the same.
SANV=$(nm "$MKP" 2>/dev/null | grep -q __asan_init && echo 1 || echo 0)

mk -s install BUILD="$BUILD" SAN=$SANV DESTDIR="$T/stage" >"$T/inst.log" 2>&1
expect_eq "make install DESTDIR: exit 0" "$?" 0
P=$T/stage/usr/local
for f in bin/marketpress lib/marketpress/plugins/csv.so include/marketpress/plugin.h lib/pkgconfig/marketpress.pc \
    share/man/man1/marketpress.1 share/bash-completion/completions/marketpress share/zsh/site-functions/_marketpress \
    share/marketpress/datasets/aigc-foundation-models.yaml share/marketpress/template/csv.c share/doc/marketpress/cli.md; do
    expect_file "install: $f" "$P/$f"
done
expect_grep "install: pkg-config names the plugin folder" "$P/lib/pkgconfig/marketpress.pc" "^plugindir=/usr/local/lib/marketpress/plugins$"
mkdir -p "$T/elsewhere"
(cd "$T/elsewhere" && "$P/bin/marketpress" render "$P/share/marketpress/datasets/aigc-foundation-models.yaml" -f csv -o out) 2>/dev/null
expect_file "the installed binary renders from another folder with its own plugins" "$T/elsewhere/out/aigc-foundation-models.csv"
mk -s uninstall BUILD="$BUILD" DESTDIR="$T/stage" >>"$T/inst.log" 2>&1
expect_eq "make uninstall: exit 0" "$?" 0
expect_eq "make uninstall leaves nothing behind" "$(cd "$T/stage" && find . -mindepth 1 | head -5 | tr '\n' ' ')" ""
mkdir -p "$T/stage2/usr/local/bin"
: >"$T/stage2/usr/local/bin/other"
mk -s install uninstall BUILD="$BUILD" SAN=$SANV DESTDIR="$T/stage2" >/dev/null 2>&1
expect_eq "make uninstall keeps what was not its own" "$(cd "$T/stage2" && find . -mindepth 1 | sort | tr '\n' ' ')" \
    "./usr ./usr/local ./usr/local/bin ./usr/local/bin/other "

# PREFIX and LIBDIR are compiled in, and a change rebuilds: the binary alone,
# in a copy of $BUILD's objects (only what uses the paths is compiled anew).
B=$T/b
mkdir -p "$B"
cp -a "$BUILD/obj" "$B/obj"
find "$B/obj" -name '*.d' -delete
mk -s "$B/bin/marketpress" BUILD="$B" SAN=$SANV PREFIX=/opt/mkp >"$T/b1.log" 2>&1
"$B/bin/marketpress" plugins -v 2>/dev/null >"$T/pv1"
expect_grep "PREFIX=/opt/mkp: plugins -v searches /opt/mkp/lib/marketpress/plugins" "$T/pv1" "^  /opt/mkp/lib/marketpress/plugins$"
strings "$B/bin/marketpress" >"$T/b1.str"
expect_grep "PREFIX=/opt/mkp: the data folder compiled in" "$T/b1.str" "^/opt/mkp/share/marketpress$"
mk "$B/bin/marketpress" BUILD="$B" SAN=$SANV PREFIX=/usr LIBDIR=/usr/lib64 >"$T/b2.log" 2>&1
"$B/bin/marketpress" plugins -v 2>/dev/null >"$T/pv2"
expect_grep "PREFIX=/usr LIBDIR=/usr/lib64: rebuilt with the new folder" "$T/pv2" "^  /usr/lib64/marketpress/plugins$"
expect_no_grep "PREFIX change: the old folder is gone" "$T/pv2" "/opt/mkp"
expect_eq "PREFIX change: only the files with paths compiled anew" "$(grep -c -- ' -c core/' "$T/b2.log")" 4
mk "$B/bin/marketpress" BUILD="$B" SAN=$SANV PREFIX=/usr LIBDIR=/usr/lib64 >"$T/b3.log" 2>&1
expect_eq "the same PREFIX again: nothing rebuilt" "$(grep -c -- ' -c ' "$T/b3.log")" 0

# make dist: twice the same bytes, and the tarball builds and renders alone.
if git rev-parse -q --verify HEAD >/dev/null 2>&1; then
    v=$(sed -n 's/^VERSION *= *//p' Makefile)
    mk -s dist >/dev/null 2>&1
    s1=$(sha256sum "marketpress-$v.tar.gz" | cut -d' ' -f1)
    sleep 1
    mk -s dist >/dev/null 2>&1
    s2=$(sha256sum "marketpress-$v.tar.gz" | cut -d' ' -f1)
    expect_eq "make dist twice: the same sha256" "$s1" "$s2"
    mv "marketpress-$v.tar.gz" "$T/"
    expect_eq "the tarball holds what git holds" "$(tar -tzf "$T/marketpress-$v.tar.gz" | grep -v '/$' | sed "s|^marketpress-$v/||" | sort)" \
        "$(git ls-tree -r --name-only HEAD | sort)"
    mkdir -p "$T/dist"
    tar -xzf "$T/marketpress-$v.tar.gz" -C "$T/dist"
    (cd "$T/dist/marketpress-$v" && mk -s -j2 >"$T/dist.log" 2>&1 &&
        build/bin/marketpress render datasets/aigc-foundation-models.yaml -o "$T/dist-out" >>"$T/dist.log" 2>&1)
    expect_eq "the tarball builds and renders on its own" "$?" 0
    expect_eq "the tarball's render: every plugin's output" "$(ls "$T/dist-out" 2>/dev/null | tr '\n' ' ')" \
        "aigc-foundation-models-svg aigc-foundation-models.csv aigc-foundation-models.html aigc-foundation-models.pdf aigc-foundation-models.xlsx "
else
    ok "make dist: not a git checkout, skipped"
fi
