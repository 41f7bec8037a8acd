# cli.sh - the validate and forecast commands on real datasets and on every
# class of bad input; the command line's conventions (getopt_long forms,
# help per command, -q and -v, did-you-mean, standard input and output).
. tests/lib.sh

check "validate: all shipped datasets" "$MKP" validate datasets/*.yaml
check_status "usage: no command exits 2" 2 "$MKP"
check_status "usage: unknown command exits 2" 2 "$MKP" frobnicate
check "--help" "$MKP" --help
"$MKP" --version >"$T/v"
expect_grep "--version names the ABI" "$T/v" '^marketpress [0-9]+\.[0-9]+\.[0-9]+ \(plugin ABI 1\.[0-9]+\)$'

# Key statistics as the publisher prints them.
"$MKP" forecast "$AIGC" >"$T/f.txt"
expect_grep "forecast: base year 2025 = 28.46" "$T/f.txt" '^  Base year 2025 +28\.46$'
expect_grep "forecast: estimated 2026 = 30.12" "$T/f.txt" '^  Estimated year 2026 +30\.12$'
expect_grep "forecast: forecast 2032 = 53.49" "$T/f.txt" '^  Forecast year 2032 +53\.49$'
expect_grep "forecast: CAGR 9.43%" "$T/f.txt" '^  CAGR 2025-2032 +9\.43%$'

# CSV: header, one row per series and year, full precision through all anchors.
"$MKP" forecast "$AIGC" --csv >"$T/f.csv"
expect_eq "csv: header" "$(head -1 "$T/f.csv")" "series,year,value"
expect_grep "csv: anchor 2025 exact" "$T/f.csv" '^market,2025,28\.46$'
expect_grep "csv: anchor 2026 exact" "$T/f.csv" '^market,2026,30\.12$'
expect_grep "csv: anchor 2032 exact" "$T/f.csv" '^market,2032,53\.49$'
expect_grep "csv: sub-segment path" "$T/f.csv" '^model-type/diffusion-models/latent-diffusion,2029,[0-9.]+$'
rows=$(($(wc -l <"$T/f.csv") - 1))
expect_eq "csv: 61 series x 8 years" "$rows" 488

# Every parent equals the sum of its children in every year, and shares and
# CAGRs in the JSON agree with the values.
"$MKP" forecast "$AIGC" --json >"$T/f.json"
check "json: sums, shares and CAGRs hold" /usr/bin/python3 - "$T/f.json" <<'PY'
import json, sys, math
d = json.load(open(sys.argv[1]))
s = {x["series"]: x for x in d["series"]}
assert abs(d["key_statistics"]["cagr"] - 0.0943) < 5e-5, d["key_statistics"]
assert d["key_statistics"]["base"] == 28.46 and d["key_statistics"]["forecast"] == 53.49
market = s["market"]["values"]
def kids(p):
    depth = p.count("/") + 1
    return [k for k in s if k.startswith(p + "/") and k.count("/") == depth]
dims = {k.split("/")[0] for k in s if k != "market"}
worst = 0
for p in list(dims) + [k for k in s if k != "market"]:
    ch = kids(p)
    if not ch:
        continue
    parent = market if p in dims else s[p]["values"]
    for y, v in parent.items():
        tot = sum(s[c]["values"][y] for c in ch)
        worst = max(worst, abs(tot - v) / v)
        assert abs(sum(s[c]["shares"][y] for c in ch) - 1) < 1e-9
assert worst <= 1e-9, worst
for k, x in s.items():
    v = x["values"]
    c = (v["2032"] / v["2025"]) ** (1 / 7) - 1
    assert math.isclose(c, x["cagr"], rel_tol=1e-12, abs_tol=1e-15), k
print("worst relative error", worst)
PY

# The other shapes: USD million with history, another period and CAGR start.
"$MKP" forecast datasets/edge-ai-chips.yaml --csv >"$T/e.csv"
expect_grep "history years are kept" "$T/e.csv" '^market,2019,7150$'
"$MKP" forecast datasets/industrial-robotics-services.yaml >"$T/r.txt"
expect_grep "cagr_start moves the CAGR window" "$T/r.txt" '^  CAGR 2024-2035 '

# A file holding only report and market is a dataset.
cat >"$T/min.yaml" <<'YAML'
report:
  id: aigc-foundation-models
  title: AIGC Foundation Models Market
  base_year: 2025
  estimated_year: 2026
  forecast_end: 2032
  currency: USD
  unit: billion
market:
  anchors: {2025: 28.46, 2026: 30.12, 2032: 53.49}
YAML
"$MKP" forecast "$T/min.yaml" >"$T/min.txt"
expect_grep "minimal dataset forecasts 9.43%" "$T/min.txt" '9\.43%$'

# Bad input: one GCC-style line with the right place, exit 2, for each class.
bad() { # NAME FIXTURE LINE:COL PATTERN
    f=tests/fixtures/bad/$2
    "$MKP" validate "$f" >"$T/out" 2>"$T/err"
    st=$?
    first=$(head -1 "$T/err")
    case "$first" in
    "$f:$3: error: "*) ;;
    *) fail "bad input: $1" "first line '$first' is not at $3"; return ;;
    esac
    if [ $st -ne 2 ]; then fail "bad input: $1" "exit $st"; return; fi
    if ! echo "$first" | grep -Eq -- "$4"; then fail "bad input: $1" "'$first' does not say '$4'"; return; fi
    ok "bad input: $1"
}
bad "YAML syntax error" yaml-syntax.yaml 11:1 "YAML syntax: did not find expected"
bad "wrong type" wrong-type.yaml 4:14 "base_year must be a single value, not a list"
bad "wrong type of text" wrong-type-title.yaml 3:10 "title must be text"
bad "missing required key" missing-key.yaml 2:3 "missing required key 'base_year' in report"
bad "unknown key with hint" unknown-key.yaml 6:3 "unknown key 'forcast_end' in report; did you mean 'forecast_end'\?"
bad "duplicate segment id" duplicate-id.yaml 17:9 "duplicate segment id 'americas'"
bad "duplicate key" duplicate-key.yaml 9:3 "duplicate key 'currency'"
bad "negative value" negative-value.yaml 10:19 "must not be negative"
bad "non-numeric value" non-numeric.yaml 10:29 "must be a number, not 'twenty'"
bad "anchor year out of the period" anchor-out-of-period.yaml 10:23 "year 2040 .* outside the period"
bad "shares that do not add up" shares-sum.yaml 15:55 "add up to 90.00% in 2025, not 100%"
bad "share over 100" share-over-100.yaml 15:55 "150 is over 100"
bad "YAML anchor refused where it is written" alias.yaml 11:12 "YAML anchors \(&name\) are not supported"
bad "empty file" empty.yaml 1:1 "empty"
bad "bad id" bad-id.yaml 2:7 "report id 'Bad_Input'"
bad "bad currency" bad-currency.yaml 7:13 "ISO 4217"
bad "years out of order" year-order.yaml 5:19 "must come after base_year"
bad "segment without growth" segment-no-growth.yaml 15:9 "needs a growth assumption"
check_status "missing file exits 2" 2 "$MKP" validate "$T/nope.yaml"
expect_grep "missing file is named" "$T/.err" "nope.yaml: error: cannot open"

# Published CAGR that the anchors do not support: a warning, not a failure.
sed 's/2032: 53.49}/2032: 53.49}\n  published_cagr: 9.6/' "$T/min.yaml" >"$T/warn.yaml"
"$MKP" validate "$T/warn.yaml" >"$T/out" 2>"$T/err"
expect_eq "published CAGR mismatch still validates" "$?" 0
expect_grep "published CAGR mismatch warns with the gap" "$T/err" \
    'warning: published_cagr 9\.6% for 2025-2032 is outside the 9\.43%-9\.44% that the rounded anchors allow by 0\.16 percentage points'

# Every fuzzer-found input and every bad fixture: exit 0 or 2, never a crash.
crashed=""
for f in tests/fixtures/fuzz/* tests/fixtures/bad/*.yaml; do
    [ -f "$f" ] || continue
    "$MKP" validate "$f" >/dev/null 2>&1
    st=$?
    [ $st -eq 0 ] || [ $st -eq 2 ] || crashed="$crashed $f($st)"
done
expect_eq "no input crashes the loader" "$crashed" ""

"$MKP" forecast --summary "$AIGC" >"$T/s.txt"
expect_grep "--summary prints the key statistics" "$T/s.txt" '^  CAGR 2025-2032 +9\.43%$'
expect_no_grep "--summary leaves out the series" "$T/s.txt" '^Series'
"$MKP" forecast --summary "$T/min.yaml" >"$T/s2.txt"
expect_eq "--summary of a dataset without scenarios is six lines" "$(wc -l <"$T/s2.txt")" 6

# Odd arguments and environments: a clear line and the right status, never a
# crash.
check_status "render -o '': usage error" 2 "$MKP" render "$AIGC" -f csv -o ""
expect_eq "render -o '': says so" "$(cat "$T/.err")" "marketpress render: -o needs a folder name"
check_status "render -f '': usage error" 2 "$MKP" render "$AIGC" -f "" -o "$T/o"
expect_grep "render -f '': says so" "$T/.err" "^marketpress render: -f needs one or more plugin names"
check_status "render -f ,,: usage error" 2 "$MKP" render "$AIGC" -f ",," -o "$T/o"
: >"$T/afile"
check_status "render -o FILE: usage error" 2 "$MKP" render "$AIGC" -f csv -o "$T/afile"
expect_eq "render -o FILE: one line" "$(cat "$T/.err")" "marketpress render: -o $T/afile: that is a file, not a folder"
check_status "render -o FILE/sub: usage error" 2 "$MKP" render "$AIGC" -f csv -o "$T/afile/sub"
expect_grep "render -o FILE/sub: says which part" "$T/.err" "a part of that path is a file"
for e in 9223372036854775807 253402300800 -1 12abc " 5"; do
    SOURCE_DATE_EPOCH=$e "$MKP" render "$AIGC" -f csv -o "$T/sde" >/dev/null 2>"$T/sde.err"
    st=$?
    if [ $st = 2 ] && [ "$(wc -l <"$T/sde.err")" = 1 ] && grep -q "^marketpress: SOURCE_DATE_EPOCH=$e: give whole seconds" "$T/sde.err"; then
        ok "SOURCE_DATE_EPOCH=$e refused with one line"
    else
        fail "SOURCE_DATE_EPOCH=$e refused with one line" "exit $st: $(cat "$T/sde.err")"
    fi
done
expect_no_file "SOURCE_DATE_EPOCH out of range: nothing rendered" "$T/sde"
SOURCE_DATE_EPOCH=253402300799 "$MKP" render "$AIGC" -f csv,xlsx -o "$T/sde9999" 2>"$T/sde.err"
expect_eq "SOURCE_DATE_EPOCH at the end of 9999: renders" "$?" 0
check "SOURCE_DATE_EPOCH at the end of 9999: the workbook's date" /usr/bin/python3 -c '
import sys, zipfile
core = zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml").decode()
assert "9999-12-31T23:59:59Z" in core, core' "$T/sde9999/aigc-foundation-models.xlsx"
SOURCE_DATE_EPOCH=0 "$MKP" forecast "$AIGC" --summary >/dev/null
expect_eq "SOURCE_DATE_EPOCH=0 is a valid time" "$?" 0
sed 's/^  edition: .*/  edition: 10000-01-01/' "$AIGC" >"$T/ed.yaml"
check_status "edition in year 10000 refused" 2 "$MKP" validate "$T/ed.yaml"
expect_grep "edition in year 10000: file:line:col" "$T/.err" "ed.yaml:[0-9]+:[0-9]+: error: edition must be a date YYYY-MM-DD"

# Standard output that cannot be written is an error, whatever the command.
for c in "validate $AIGC" "forecast $AIGC --csv" "plugins" "--version" "--help"; do
    "$MKP" $c >/dev/full 2>"$T/full.err"
    st=$?
    if [ $st = 1 ] && grep -q "^marketpress: cannot write to standard output: No space left on device$" "$T/full.err"; then
        ok "$c > /dev/full: exit 1 with a line"
    else
        fail "$c > /dev/full: exit 1 with a line" "exit $st: $(cat "$T/full.err")"
    fi
done

# ---- getopt_long: forms, bundling, --, hints -------------------------------
"$MKP" render "$AIGC" --format=csv --output="$T/g1" -q >"$T/.out" 2>"$T/.err"
expect_eq "--opt=value: renders" "$?" 0
expect_file "--opt=value: the output" "$T/g1/aigc-foundation-models.csv"
expect_eq "-q: no 'wrote' line" "$(cat "$T/.err")" ""
"$MKP" render -qfcsv -o"$T/g2" "$AIGC" 2>"$T/.err"
expect_file "bundled short options and a joined value" "$T/g2/aigc-foundation-models.csv"
expect_eq "bundled -q: quiet" "$(cat "$T/.err")" ""
"$MKP" render --for csv --out "$T/g3" "$AIGC" 2>/dev/null
expect_file "unambiguous abbreviations of long options" "$T/g3/aigc-foundation-models.csv"
cp "$AIGC" "$T/-odd.yaml"
mkp_abs=$(cd "$(dirname "$MKP")" && pwd)/$(basename "$MKP")
(cd "$T" && "$mkp_abs" validate -- -odd.yaml) >"$T/dd.out" 2>&1
expect_grep "--: what follows is a dataset, even with a leading -" "$T/dd.out" "^-odd.yaml: ok: "
check_status "--strct: exit 2" 2 "$MKP" render "$AIGC" --strct
expect_grep "--strct: did you mean --strict" "$T/.err" "^marketpress render: unknown option '--strct'; did you mean '--strict'\?$"
check_status "--lagn on forecast: exit 2" 2 "$MKP" forecast "$AIGC" --lagn zh-CN
expect_grep "--lagn: did you mean --lang" "$T/.err" "did you mean '--lang'\?"
check_status "ambiguous --time: exit 2" 2 "$MKP" render "$AIGC" --time 5
expect_grep "ambiguous --time: names both" "$T/.err" "option '--time' is ambiguous: --timeout, --times"
check_status "rendr: exit 2" 2 "$MKP" rendr "$AIGC"
expect_grep "rendr: did you mean render" "$T/.err" "^marketpress: unknown command 'rendr'; did you mean 'render'\?"
check_status "a flag given a value: exit 2" 2 "$MKP" validate --strict=yes "$AIGC"
expect_grep "a flag given a value: says so" "$T/.err" "option --strict takes no value"
check_status "a value missing: exit 2" 2 "$MKP" render "$AIGC" -f csv -o
expect_grep "a value missing: says which" "$T/.err" "option -o needs a value \(DIR\)"
check_status "-x: unknown short option" 2 "$MKP" plugins -x
expect_grep "-x: named" "$T/.err" "^marketpress plugins: unknown option '-x'$"
"$MKP" -V >"$T/V"
expect_eq "-V is --version" "$(cat "$T/V")" "$(cat "$T/v")"
"$MKP" -v --version >/dev/null 2>"$T/vv"
expect_grep "-v --version names the compiled-in folders" "$T/vv" "^marketpress: plugins in /.*/marketpress/plugins, data in /.*/share/marketpress$"
for o in "-j 0" "--jobs=0" "--timeout=-1" "-t abc" "--memory-limit=1K"; do
    check_status "render $o: exit 2" 2 "$MKP" render "$AIGC" -f csv -o "$T/bad" $o
done

# ---- help per command --------------------------------------------------------
for c in validate forecast render plugins plugin-check; do
    "$MKP" "$c" --help >"$T/h.$c" 2>&1
    st=$?
    if [ $st = 0 ] && head -1 "$T/h.$c" | grep -q "^usage: marketpress $c " && ! grep -q '^commands:' "$T/h.$c"; then
        ok "$c --help: its own synopsis, exit 0"
    else
        fail "$c --help: its own synopsis, exit 0" "exit $st: $(head -2 "$T/h.$c")"
    fi
    "$MKP" help "$c" >"$T/hh.$c"
    expect_eq "help $c is $c --help" "$(cmp -s "$T/h.$c" "$T/hh.$c" && echo same)" same
done
expect_grep "render --help lists --memory-limit" "$T/h.render" "^      --memory-limit=SIZE "
expect_grep "render --help lists -o, --output" "$T/h.render" "^  -o, --output=DIR "
"$MKP" render "$AIGC" -h -f nonsense >"$T/h2" 2>&1
expect_eq "render -h with other options: the help, exit 0" "$?" 0
check_status "help frobnicate: exit 2" 2 "$MKP" help frobnicate
"$MKP" help >"$T/h0"
expect_grep "help: the list of commands" "$T/h0" "^  plugin-check "

# ---- -v: what is loaded and from where ----------------------------------------
"$MKP" render -v "$AIGC" -f csv -o "$T/g4" 2>"$T/v.err"
expect_grep "-v: the search path" "$T/v.err" "^marketpress: plugin search path: .*lib/marketpress/plugins"
expect_grep "-v: the plugin and its file" "$T/v.err" "^marketpress: plugin csv [0-9.]+ \(ABI 1\.[0-9]+\) from .*/csv\.so$"
expect_grep "-v: the dataset" "$T/v.err" "^marketpress: dataset aigc-foundation-models from $AIGC \(languages en, zh-CN\)$"
"$MKP" -q validate "$AIGC" >/dev/null 2>"$T/q.err"
expect_eq "-q before the command: no warnings" "$(cat "$T/q.err")" ""
"$MKP" validate "$AIGC" >/dev/null 2>"$T/nq.err"
expect_grep "without -q the same dataset warns" "$T/nq.err" "warning:"
"$MKP" -q validate --strict "$AIGC" >/dev/null 2>"$T/qs.err"
expect_grep "-q --strict: the warnings are errors and said" "$T/qs.err" "error: .*\[--strict\]$"

# ---- standard input and output -------------------------------------------------
"$MKP" validate - <"$AIGC" >"$T/in.out" 2>/dev/null
expect_grep "validate -: reads standard input" "$T/in.out" "^<stdin>: ok: aigc-foundation-models, "
"$MKP" validate - <tests/fixtures/bad/unknown-key.yaml >/dev/null 2>"$T/in.err"
expect_grep "a bad dataset on stdin is <stdin>:line:col" "$T/in.err" \
    "^<stdin>:6:3: error: unknown key 'forcast_end' in report; did you mean 'forecast_end'\?$"
"$MKP" forecast - --csv <"$AIGC" >"$T/in.csv"
expect_eq "forecast - --csv: the same as from the file" "$(cmp -s "$T/in.csv" "$T/f.csv" && echo same)" same
check_status "- twice: refused" 2 "$MKP" validate - - <"$AIGC"
expect_grep "- twice: says so" "$T/.err" "standard input\) is given 2 times"
"$MKP" render "$AIGC" -f csv -o "$T/ref" 2>/dev/null
"$MKP" render - -f csv -o - <"$AIGC" >"$T/stdout.csv" 2>"$T/stdout.err"
expect_eq "render - -f csv -o -: exit 0" "$?" 0
expect_eq "-o -: the csv on standard output, as rendered into a folder" \
    "$(cmp -s "$T/stdout.csv" "$T/ref/aigc-foundation-models.csv" && echo same)" same
expect_grep "-o -: says where it went" "$T/stdout.err" "^marketpress: wrote aigc-foundation-models.csv to standard output$"
expect_no_file "-o -: no folder named -" "./-"
"$MKP" render "$AIGC" -f pdf -o - 2>/dev/null | head -c 5 >"$T/pdfhead"
expect_eq "-o - with pdf: a PDF on standard output" "$(cat "$T/pdfhead")" "%PDF-"
check_status "-o - with two plugins: refused" 2 "$MKP" render "$AIGC" -f csv,xlsx -o -
expect_grep "-o - with two plugins: says why" "$T/.err" "^marketpress render: -o - writes one output to standard output, and this render makes 2 "
check_status "-o - with two languages: refused" 2 "$MKP" render "$AIGC" -f csv --lang all -o -
check_status "-o - with two datasets: refused" 2 "$MKP" render "$AIGC" datasets/edge-ai-chips.yaml -f csv -o -
check_status "-o - with svg (a folder): refused" 2 "$MKP" render "$AIGC" -f svg -o -
expect_grep "-o - with svg: says it writes a folder" "$T/.err" "plugin svg writes a folder of files"
"$MKP" render -f csv -o - "$AIGC" >/dev/full 2>"$T/full.err"
expect_eq "-o - to a full disk: exit 1" "$?" 1
expect_eq "-o - to a full disk: one line" "$(cat "$T/full.err")" "marketpress: cannot write to standard output: No space left on device"

# ---- one bad dataset in a batch --------------------------------------------------
check_status "a batch with a bad dataset: exit 2" 2 "$MKP" render "$AIGC" tests/fixtures/bad/empty.yaml datasets/edge-ai-chips.yaml -f csv -o "$T/batch"
expect_grep "the batch says which dataset and that nothing was written" "$T/.err" \
    "^marketpress: nothing rendered, nothing written: 1 of 3 datasets has errors \(tests/fixtures/bad/empty.yaml\); the others were not rendered either$"
expect_no_file "the batch wrote nothing" "$T/batch"
