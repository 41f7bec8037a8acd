# plugins.sh - the plugin ABI, loader, render command, isolation and the
# SDK, with the deliberately broken plugins in tests/plugins/.
. tests/lib.sh
TP=$BUILD/tests/plugins
ID=aigc-foundation-models

# Public headers compile alone, as C99 with -pedantic, and as C++.
for h in marketpress model plugin chart text; do
    printf '#include <marketpress/%s.h>\n' "$h" >"$T/h_$h.c"
    check "header $h.h compiles alone (c99 -pedantic)" \
        gcc -std=c99 -pedantic -Wall -Wextra -Werror -Iinclude -fsyntax-only "$T/h_$h.c"
done
if command -v g++ >/dev/null; then
    cp "$T/h_marketpress.c" "$T/h.cpp"
    check "header compiles as C++" g++ -std=c++11 -pedantic -Wall -Wextra -Werror -Iinclude -fsyntax-only "$T/h.cpp"
fi

# Only the entry symbol leaves a plugin.
syms=$(nm -D --defined-only "$BUILD/lib/marketpress/plugins/csv.so" | awk '$2 == "T" {print $3}')
expect_eq "csv.so exports only the entry symbol" "$syms" "mkp_plugin_entry_v1"

# Refusals: each file named with one clear reason.
printf 'not an ELF file\n' >"$T/junk.so"
cat >"$T/dep.c" <<'C'
int mkp_test_dependency(void);
int mkp_test_dependency(void) { return 1; }
C
cat >"$T/needsdep.c" <<'C'
#include <marketpress/marketpress.h>
int mkp_test_dependency(void);
static int render(const mkp_job *job) { (void)job; return mkp_test_dependency() ? MKP_OK : MKP_ERROR; }
static const mkp_plugin d = {sizeof(mkp_plugin), MKP_ABI_MAJOR, MKP_ABI_MINOR, "needsdep", "1", "x", "txt", 0, 0, 0, render};
MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *h) { (void)h; return &d; }
C
mkdir -p "$T/bad"
cp "$T/junk.so" "$T/bad/"
gcc -shared -fPIC -o "$T/libmkpdep.so" "$T/dep.c" &&
    gcc -shared -fPIC -Iinclude -o "$T/bad/needsdep.so" "$T/needsdep.c" -L"$T" -lmkpdep
cp "$TP/wrong_abi.so" "$TP/no_entry.so" "$TP/small_desc.so" "$TP/newer_minor.so" "$TP/ctor_crash.so" "$T/bad/"
"$MKP" plugins -P "$T/bad" -v >"$T/pl.txt" 2>&1
expect_grep "refused: not a shared object" "$T/pl.txt" "junk.so: not a shared object \(.*\)"
expect_grep "refused: missing dependency with dlerror's words" "$T/pl.txt" \
    "needsdep.so: a library or symbol it needs is missing: .*libmkpdep.so: cannot open shared object file"
expect_grep "refused: another ABI major" "$T/pl.txt" "wrong_abi.so: built for plugin ABI 2 while this marketpress speaks ABI 1"
expect_grep "refused: missing entry symbol" "$T/pl.txt" "no_entry.so: missing the entry symbol mkp_plugin_entry_v1"
expect_grep "refused: descriptor too small" "$T/pl.txt" "small_desc.so: descriptor too small \(16 bytes"
expect_grep "refused: min_host_minor above the host's minor, with that reason" "$T/pl.txt" \
    "newer_minor.so: needs a host of plugin ABI 1\.9 or later \(min_host_minor 9\) but this marketpress provides 1\.[0-9]+; upgrade marketpress"
expect_grep "refused: crash while loading" "$T/pl.txt" "ctor_crash.so: crashed while loading \(SIGSEGV\)"
expect_grep "plugins lists the good ones with options" "$T/pl.txt" "-O csv.decimals=-1"
"$MKP" plugins -P "$T/bad" >"$T/pl2.txt" 2>&1
expect_grep "plugins without -v points at -v" "$T/pl2.txt" "7 file\(s\) refused; 'marketpress plugins -v' says why"

# Compatibility within ABI 1: a plugin built against the frozen 1.0 headers
# (tests/plugins/abi10/) and one built against a newer minor's header that
# asks for no newer host both load and render.
mkdir -p "$T/compat"
cp "$TP/abi10.so" "$TP/built_newer.so" "$T/compat/"
"$MKP" plugins -P "$T/compat" -v >"$T/compat.txt" 2>&1
expect_grep "a plugin built against the 1.0 headers loads" "$T/compat.txt" "^abi10 +1\.0\.0 +1\.0 "
expect_grep "a plugin built against 1.9 with min_host_minor 0 loads" "$T/compat.txt" "^built-newer +0\.0\.1 +1\.9 "
expect_grep "neither is refused" "$T/compat.txt" "^refused \(0\):"
"$MKP" render "$AIGC" -P "$T/compat" -f abi10,built-newer -o "$T/compat/o" >/dev/null 2>"$T/compat.err"
expect_grep "the 1.0 plugin renders through today's host table and model" "$T/compat/o/$ID.abi10" "^market,2025,28\.46$"
expect_grep "the 1.9-built plugin renders" "$T/compat/o/$ID.built-newer" "^$ID$"
check "the 1.0 plugin passes plugin-check" "$MKP" plugin-check "$TP/abi10.so"

# A crash, an abort, an error, an early exit and a hang cost only their own
# output; the good plugin's output lands; exit status 1.
mkdir -p "$T/o"
for p in crash abort fail; do echo "previous good output" >"$T/o/$ID.$p"; done
"$MKP" render "$AIGC" -P "$TP" -f csv,crash,abort,fail,early-exit,hang --timeout 2 -j 3 -o "$T/o" >"$T/r.out" 2>"$T/r.err"
expect_eq "render with broken plugins exits 1" "$?" 1
expect_file "the good plugin's output landed" "$T/o/$ID.csv"
expect_grep "crash reported by name and signal" "$T/r.err" "^marketpress: plugin crash crashed \(SIGSEGV\) rendering $ID$"
expect_grep "abort reported" "$T/r.err" "^marketpress: plugin abort crashed \(SIGABRT\) rendering $ID$"
expect_grep "failure reported with the plugin's own words" "$T/r.err" "^marketpress: fail: $ID: error: this plugin always fails$"
expect_no_grep "a failure the plugin explained is one line, not two" "$T/r.err" "plugin fail failed"
expect_grep "early exit is not success" "$T/r.err" "^marketpress: plugin early-exit exited with exit status 0 before finishing $ID$"
expect_grep "hang stopped at --timeout" "$T/r.err" "^marketpress: plugin hang timed out after 2 s rendering $ID$"
expect_eq "previous good output not clobbered" "$(cat "$T/o/$ID.crash" "$T/o/$ID.abort" "$T/o/$ID.fail" | sort -u)" "previous good output"
expect_eq "no temporary file left" "$(ls -A "$T/o" | grep -c tmp)" 0

"$MKP" render "$AIGC" -P "$TP" -f emodel -o "$T/o" >/dev/null 2>"$T/st.err"
expect_grep "a status is named as plugin.h names it, not a number" "$T/st.err" \
    "^marketpress: plugin emodel failed rendering $ID: MKP_EMODEL \(the model has something it cannot present\)$"

# A plugin whose file is there but was refused is named with the reason,
# through -f and through -O alike, never as "no plugin named".
mkdir -p "$T/major"
cp "$TP/wrong_abi.so" "$T/major/major2.so"
"$MKP" render "$AIGC" -P "$T/major" -f major2 -o "$T/o" >/dev/null 2>"$T/m.err"
expect_grep "-f NAME refused: the reason" "$T/m.err" \
    "^marketpress: plugin major2 cannot be used: .*/major2\.so: built for plugin ABI 2 while this marketpress speaks ABI 1"
"$MKP" render "$AIGC" -P "$T/major" -f csv -O major2.x=1 -o "$T/o" >/dev/null 2>"$T/m2.err"
expect_grep "-O NAME.key refused: the reason" "$T/m2.err" \
    "^marketpress: -O major2\.x: plugin major2 cannot be used: .*/major2\.so: built for plugin ABI 2"
expect_no_grep "no 'no plugin named' for a file that is there" "$T/m.err" "no plugin named"
expect_no_grep "no 'no plugin named' for a file that is there (-O)" "$T/m2.err" "no plugin named"

# A wrong dataset writes nothing at all.
mkdir -p "$T/o2"
check_status "bad dataset among several: exit 2" 2 "$MKP" render "$AIGC" tests/fixtures/bad/shares-sum.yaml -f csv -o "$T/o2"
expect_eq "bad dataset: no output written" "$(ls -A "$T/o2")" ""

# Options: declared, typed and checked before any plugin runs.
"$MKP" render "$AIGC" -P "$TP" -f options -o "$T/o3" -O options.flag=yes -O options.count=7 \
    -O options.ratio=0.25 -O options.label=hello -O options.paper=letter --lang zh-CN >/dev/null 2>&1
expect_eq "options reach the plugin" "$(tr '\n' ' ' <"$T/o3/$ID.zh-CN.opts")" \
    "flag=yes count=7 ratio=0.25 label=hello paper=letter lang=zh-CN id=$ID "
"$MKP" render "$AIGC" -P "$TP" -f options -o "$T/o4" >/dev/null 2>&1
expect_grep "defaults when not set" "$T/o4/$ID.opts" "^count=3$"
opt_bad() { # NAME OPTION PATTERN
    "$MKP" render "$AIGC" -P "$TP" -f options -o "$T/o5" -O "$2" >"$T/ob.out" 2>"$T/ob.err"
    st=$?
    if [ $st -ne 2 ]; then fail "$1" "exit $st"; elif grep -Eq -- "$3" "$T/ob.err"; then ok "$1"; else fail "$1" "$(cat "$T/ob.err")"; fi
}
opt_bad "unknown option named" options.colour=red "plugin 'options' has no option 'colour' \(it has: flag, count, ratio, label, paper\)"
opt_bad "unknown plugin in -O" nope.x=1 "no plugin named 'nope'"
opt_bad "bool checked" options.flag=maybe "plugin 'options' option 'flag' must be true or false"
opt_bad "int checked" options.count=2.5 "option 'count' must be a whole number"
opt_bad "range checked" options.count=11 "option 'count' is out of range \(1 to 10\)"
opt_bad "number checked" options.ratio=abc "option 'ratio' must be a number"
opt_bad "choice checked" options.paper=a5 "option 'paper' is not one of the choices \(a4\|letter\)"
opt_bad "malformed -O" options=1 "write it as plugin.key=value"
expect_no_file "no output after an option error" "$T/o5"
check_status "-f with an unknown plugin exits 2" 2 "$MKP" render "$AIGC" -f nosuch -o "$T/o6"
expect_grep "-f names what exists" "$T/.err" "no plugin named 'nosuch' \(found: csv"

# Search path: MARKETPRESS_PLUGIN_PATH, colon-separated.
MARKETPRESS_PLUGIN_PATH="/nonexistent:$TP" "$MKP" plugins >"$T/env.txt"
expect_grep "MARKETPRESS_PLUGIN_PATH is searched" "$T/env.txt" "^options "

# Several datasets in parallel.
"$MKP" render datasets/*.yaml -f csv -j 2 -o "$T/o7" 2>/dev/null
expect_eq "three datasets rendered with -j 2" "$(ls "$T/o7" | wc -l)" 3
check "csv output has provenance" grep -q '^market,2025,28.46,published$' "$T/o7/$ID.csv"

# plugin-check: a good plugin passes; broken ones are caught.
check "plugin-check passes csv" "$MKP" plugin-check "$BUILD/lib/marketpress/plugins/csv.so"
"$MKP" plugin-check "$TP/escape.so" >"$T/pc1.txt" 2>&1
expect_grep "plugin-check names files written outside" "$T/pc1.txt" "wrote outside the output path: .*escaped.txt"
expect_grep "plugin-check names files beside the output" "$T/pc1.txt" "sidecar"
"$MKP" plugin-check "$TP/nondeterministic.so" >"$T/pc2.txt" 2>&1
expect_grep "plugin-check catches nondeterminism" "$T/pc2.txt" "two runs gave different output"
"$MKP" plugin-check "$TP/crash.so" >"$T/pc3.txt" 2>&1
expect_eq "plugin-check exits 1 on problems" "$?" 1
expect_grep "plugin-check reports the crash" "$T/pc3.txt" "FAIL minimal dataset \[en\]: plugin crash crashed \(SIGSEGV\)"
"$MKP" plugin-check "$TP/wrong_abi.so" >"$T/pc4.txt" 2>&1
expect_grep "plugin-check explains a refusal" "$T/pc4.txt" "FAIL load: .*built for plugin ABI 2"
"$MKP" plugin-check "$TP/ctor_crash.so" >"$T/pc5.txt" 2>&1
expect_grep "plugin-check survives a crash while loading" "$T/pc5.txt" "FAIL load: .*crashed while loading \(SIGSEGV\)"

# The SDK: install, then build the template out of tree with pkg-config only.
# Into a DESTDIR with the PREFIX $BUILD was made for: another PREFIX would
# rebuild the binary of the suite's own build.
san=$(nm "$MKP" 2>/dev/null | grep -q __asan_init && echo 1 || echo 0)
env -u MAKEFLAGS -u MAKELEVEL make -s install DESTDIR="$T/stage" BUILD="$BUILD" SAN=$san >"$T/inst.log" 2>&1
ln -s "$T/stage/usr/local" "$T/prefix"
expect_file "install: binary" "$T/prefix/bin/marketpress"
expect_file "install: header" "$T/prefix/include/marketpress/plugin.h"
expect_file "install: pkg-config file" "$T/prefix/lib/pkgconfig/marketpress.pc"
mkdir -p "$T/mine"
cp plugins/template/csv.c "$T/mine/myplugin.c"
sed -i 's/\.name = "csv"/.name = "mycsv"/; s/\.extension = "csv"/.extension = "mycsv"/' "$T/mine/myplugin.c"
cp plugins/template/csv.c "$T/mine/clash.c"
sed -i 's/\.name = "csv"/.name = "clash"/' "$T/mine/clash.c"
# a staged install: the sysroot is put before the paths the .pc names
cflags=$(PKG_CONFIG_SYSROOT_DIR="$T/stage" PKG_CONFIG_PATH="$T/prefix/lib/pkgconfig" pkg-config --cflags marketpress)
check "template builds out of tree against the installed header" \
    gcc -std=c99 -Wall -Wextra -Werror -fPIC -fvisibility=hidden -shared $cflags -o "$T/mine/mycsv.so" "$T/mine/myplugin.c"
"$T/prefix/bin/marketpress" render "$AIGC" -P "$T/mine" -f mycsv,csv -o "$T/o8" >/dev/null 2>&1
expect_file "installed binary renders with the out-of-tree plugin" "$T/o8/$ID.mycsv"
expect_file "installed binary finds its own plugins" "$T/o8/$ID.csv"
gcc -std=c99 -fPIC -fvisibility=hidden -shared $cflags -o "$T/mine/clash.so" "$T/mine/clash.c"
check_status "two plugins writing the same file: exit 2" 2 "$T/prefix/bin/marketpress" render "$AIGC" -P "$T/mine" -f clash,csv -o "$T/o9"
expect_grep "the clash is named" "$T/.err" "plugins 'clash' and 'csv' would both write .*/<id>.csv"
check "out-of-tree plugin passes plugin-check" "$T/prefix/bin/marketpress" plugin-check "$T/mine/mycsv.so"

# The installed template folder builds with its own Makefile, which takes
# its flags from marketpress.pc (plugin_cflags, plugin_ldflags, plugindir).
pc() { PKG_CONFIG_SYSROOT_DIR="$T/stage" PKG_CONFIG_PATH="$T/prefix/lib/pkgconfig" pkg-config "$@" marketpress; }
expect_eq "marketpress.pc: plugin_cflags" "$(pc --variable=plugin_cflags)" \
    "-fPIC -fvisibility=hidden -I$T/stage/usr/local/include"
expect_eq "marketpress.pc: plugin_ldflags" "$(pc --variable=plugin_ldflags)" "-shared"
expect_eq "marketpress.pc: plugindir" "$(pc --variable=plugindir)" "$T/stage/usr/local/lib/marketpress/plugins"
cp -r "$T/prefix/share/marketpress/template" "$T/tmpl"
expect_file "the template's Makefile is installed" "$T/tmpl/Makefile"
tmpl_make() {
    env -u MAKEFLAGS -u MAKELEVEL PKG_CONFIG_SYSROOT_DIR="$T/stage" PKG_CONFIG_PATH="$T/prefix/lib/pkgconfig" \
        make -C "$T/tmpl" CFLAGS="-std=c99 -O2 -Wall -Wextra -Werror" MARKETPRESS="$T/prefix/bin/marketpress" "$@"
}
check "the installed template builds out of tree with its Makefile" tmpl_make
syms=$(nm -D --defined-only "$T/tmpl/csv.so" 2>/dev/null | awk '$2 == "T" {print $3}')
expect_eq "the template built with plugin_cflags exports only the entry" "$syms" "mkp_plugin_entry_v1"
tmpl_make check >"$T/tmpl.txt" 2>&1
expect_grep "make check in the template runs plugin-check, which passes" "$T/tmpl.txt" "^passed: 0 problem"

# Plugins with no fonts and no table code of their own, built from the
# installed SDK alone (its headers and plugin_cflags, nothing of the tree's):
# sdksvg lays charts out with the host's measure, writes them with
# scene_svg and captions them with label(); tables prints every numbered
# table from table().  The installed binary runs them beside its own svg.
mkdir -p "$T/sdk"
cp tests/plugins/sdksvg.c tests/plugins/tables.c tests/plugins/common.h "$T/sdk/"
for p in sdksvg tables; do
    check "$p builds out of tree from the installed SDK alone" gcc -std=c11 -O2 -Wall -Wextra -Werror \
        $(pc --variable=plugin_cflags) $(pc --variable=plugin_ldflags) -o "$T/sdk/$p.so" "$T/sdk/$p.c" -lm
done
"$T/prefix/bin/marketpress" render "$AIGC" -P "$T/sdk" -f sdksvg,tables,svg -o "$T/sdko" 2>"$T/sdko.err"
n=0 diff=""
for f in "$T/sdko/$ID-svg"/*.svg; do
    n=$((n + 1))
    cmp -s "$f" "$T/sdko/$ID-sdksvg/$(basename "$f")" || diff="$diff $(basename "$f")"
done
expect_eq "out-of-tree sdksvg: every one of the $n figures is the installed svg plugin's file byte for byte" "$diff" ""
expect_grep "out-of-tree tables: Table 2 from table(), its first row's values" "$T/sdko/$ID.tables" \
    "^T2	2.56	2.58	2.70"
"$T/prefix/bin/marketpress" render "$AIGC" -P "$TP" -f tables -o "$T/sdki" 2>>"$T/sdko.err"
check "out-of-tree tables prints what the suite's build of it prints (which tables.sh reads against the PDF)" \
    cmp "$T/sdko/$ID.tables" "$T/sdki/$ID.tables"
expect_no_grep "out-of-tree SDK plugins: no warning" "$T/sdko.err" "warning|error"
for p in sdksvg tables; do
    check "out-of-tree $p passes plugin-check" "$T/prefix/bin/marketpress" plugin-check "$T/sdk/$p.so"
done

# -f loads the files named after the chosen plugins and no others; a plugin
# in a file of another name is still found by probing every file.
cat >"$T/marker.c" <<'C'
#include <marketpress/marketpress.h>
#include <stdio.h>
#include <stdlib.h>
__attribute__((constructor)) static void loaded(void)
{
    const char *f = getenv("MKP_TEST_MARKER");
    FILE *fp = f ? fopen(f, "a") : NULL;
    if (fp) {
        fputs("loaded\n", fp);
        fclose(fp);
    }
}
static int render(const mkp_job *job)
{
    FILE *fp = fopen(job->output_path, "w");
    return fp && fputs("mark\n", fp) >= 0 && fclose(fp) == 0 ? MKP_OK : MKP_EIO;
}
static const mkp_plugin d = {sizeof(mkp_plugin), MKP_ABI_MAJOR, MKP_ABI_MINOR, "marker", "1", "x", "mark", 0, 0, 0, render};
MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *h) { (void)h; return &d; }
C
mkdir -p "$T/mk" "$T/mk2"
gcc -shared -fPIC -Iinclude -o "$T/mk/marker.so" "$T/marker.c"
cp "$T/mk/marker.so" "$T/mk2/another-name.so"
export MKP_TEST_MARKER="$T/marker.log"
"$MKP" render "$AIGC" -P "$T/mk" -f csv -o "$T/o10" >/dev/null 2>&1
expect_file "render -f csv renders" "$T/o10/$ID.csv"
expect_no_file "render -f csv does not load the other plugins" "$T/marker.log"
"$MKP" render "$AIGC" -P "$T/mk" -f marker -o "$T/o10" >/dev/null 2>&1
expect_file "render -f marker renders" "$T/o10/$ID.mark"
expect_file "render -f marker loads marker.so" "$T/marker.log"
rm -f "$T/marker.log" "$T/o10/$ID.mark"
"$MKP" render "$AIGC" -P "$T/mk2" -f marker,csv -o "$T/o10" >/dev/null 2>&1
expect_file "a plugin in a file of another name is found by probing every file" "$T/o10/$ID.mark"
expect_file "together with the one named after its file" "$T/o10/$ID.csv"
"$MKP" render "$AIGC" -P "$T/mk" -f csv -O marker.nothing=1 -o "$T/o11" >"$T/.out" 2>"$T/.err"
expect_grep "-O names a plugin: it is loaded and its options checked" "$T/.err" "plugin 'marker' has no option 'nothing'"
unset MKP_TEST_MARKER

# --times names each output with the plugin's render time and the job's.
"$MKP" render "$AIGC" -f csv --times -o "$T/o12" >/dev/null 2>"$T/.err"
expect_grep "--times gives render and job times" "$T/.err" \
    "^marketpress: wrote .*/$ID\.csv \(render [0-9]+\.[0-9]{2} ms, job [0-9]+\.[0-9]{2} ms\)$"
