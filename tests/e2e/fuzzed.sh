# fuzzed.sh - every input the fuzzers kept (tests/fixtures/fuzz-chart/,
# tests/fixtures/fuzz-render/ and the loader's tests/fixtures/fuzz/),
# rendered with every built-in plugin in every language it declares
# (--lang all) by the real command: each is either refused with a
# file:line:col error (exit 2, and nothing written), or renders every
# output (exit 0) within the timeout, and the outputs open in real
# readers (qpdf, Python's zipfile and openpyxl, an XML parser).  Never a
# crash, a hang or a broken output.
# tests/fuzz/run.sh explains how the inputs were found.
. tests/lib.sh
P="-P $BUILD/lib/marketpress/plugins"
PY=/usr/bin/python3

# outputs_ok DIR: the four outputs of one render are there and whole; says
# what is wrong and fails otherwise.
outputs_ok() {
    for pdf in "$1"/*.pdf; do
        # qpdf's warnings fail the check as its errors do (it says "No syntax
        # or stream encoding errors found" on a clean file, and warns otherwise)
        [ -f "$pdf" ] && qpdf --check "$pdf" >"$T/qpdf" 2>&1 && ! grep -qi 'warning' "$T/qpdf" ||
            { echo "pdf: $(tail -2 "$T/qpdf")"; return 1; }
    done
    $PY - "$1" <<'PY'
import glob, math, os, sys, zipfile
import xml.etree.ElementTree as ET
import openpyxl
d = sys.argv[1]
def need(what, found):
    if not found:
        sys.exit(f"no {what} in {os.listdir(d)}")
xlsx = glob.glob(os.path.join(d, "*.xlsx"))
svgs = glob.glob(os.path.join(d, "*-svg", "*.svg"))
csvs = glob.glob(os.path.join(d, "*.csv"))
need("pdf", glob.glob(os.path.join(d, "*.pdf")))
need("workbook", xlsx)
need("SVG", svgs)
need("CSV", csvs)
for x in xlsx:
    bad = zipfile.ZipFile(x).testzip()
    if bad:
        sys.exit(f"{x}: {bad} is corrupt")
    openpyxl.load_workbook(x).close()
for s in svgs:
    ET.parse(s)
for c in csvs:
    for n, line in enumerate(open(c, encoding="utf-8")):
        f = line.rstrip("\n").split(",")
        if len(f) != 4 or (n and not math.isfinite(float(f[2]))):
            sys.exit(f"{c}:{n + 1}: {line!r}")
PY
}

n=0
rendered=0
bad=""
for f in tests/fixtures/fuzz-chart/* tests/fixtures/fuzz-render/* tests/fixtures/fuzz/*; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    out=$T/o$n
    "$MKP" render "$f" $P -f pdf,xlsx,svg,csv --lang all --timeout 20 -o "$out" >/dev/null 2>"$T/err"
    st=$?
    case $st in
    0)
        rendered=$((rendered + 1))
        outputs_ok "$out" >"$T/why" 2>&1 || bad="$bad [$f: $(head -c 300 "$T/why")]" ;;
    2)
        grep -Eq "^$f:[0-9]+:[0-9]+: error: " "$T/err" ||
            bad="$bad [$f: exit 2 without a file:line:col error: $(head -c 200 "$T/err")]"
        [ -z "$(ls -A "$out" 2>/dev/null)" ] || bad="$bad [$f: exit 2 but outputs written]" ;;
    *) bad="$bad [$f: exit $st: $(head -c 300 "$T/err")]" ;;
    esac
    rm -rf "$out"
done
expect_eq "every kept fuzz input ($n, $rendered renders) renders whole, or is refused at its line" "$bad" ""
