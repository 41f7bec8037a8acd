# xlsx.sh - the Excel workbook, read back with openpyxl: sheets, live
# formulas whose cached results equal the model, native charts on the
# workbook's own cells, names, the Data table, safety of hostile titles,
# byte-identical output, plugin-check, and (when LibreOffice is installed)
# a recalculation that must reproduce every cached result.
. tests/lib.sh
PY=/usr/bin/python3
CHECK=tests/e2e/xlsx_check.py
SO=$BUILD/lib/marketpress/plugins/xlsx.so
ID=aigc-foundation-models

if [ ! -f "$SO" ]; then
    fail "xlsx plugin built" "$SO is missing"
    exit 0
fi

# py LABEL CHECK ARGS...: runs a checker that prints its own ok/not ok
# lines, each named "LABEL: ..."; a crash of the checker is one failure.
py() {
    name=$1; shift
    if ! "$PY" "$CHECK" "$name" "$@" 2>"$T/.pyerr"; then
        fail "$name" "checker failed: $(tail -c 400 "$T/.pyerr")"
    fi
}

render() { # DATASET OUTDIR [OPTIONS...]
    ds=$1; out=$2; shift 2
    "$MKP" render "$ds" -f xlsx -o "$out" "$@" >"$T/.render" 2>&1
}

check_status "render AIGC workbook" 0 render "$AIGC" "$T/en"
check_status "render AIGC workbook in Chinese" 0 render "$AIGC" "$T/zh" --lang zh-CN
"$MKP" forecast "$AIGC" --json >"$T/en.json"
"$MKP" forecast "$AIGC" --json --lang zh-CN >"$T/zh.json"

py "AIGC en" model "$T/en/$ID.xlsx" "$T/en.json" \
    "Summary|Model Type|Deployment|Application|Industry Vertical|Region|Scenarios|Data|Chart data|Notes"
py "AIGC zh-CN" model "$T/zh/$ID.zh-CN.xlsx" "$T/zh.json" \
    "摘要|模型类型|部署方式|应用领域|垂直行业|地区|情景|数据|图表数据|说明"

# Kinds: BAR -> column, STACKED -> stacked column, PERCENT -> 100% column,
# HBAR and HBAR_GROUPED -> bar, LINE -> line.
DIM="col-stacked,col-percentStacked,bar-clustered,bar-clustered"
py "AIGC en" charts "$T/en/$ID.xlsx" \
    "Summary=col-clustered;Model Type=$DIM;Deployment=$DIM;Application=$DIM;Industry Vertical=$DIM;Region=$DIM;Scenarios=line"

# Share, CAGR and sub-segment charts link to the dimension sheets and cache
# the model's numbers; percentages are fractions; the Notes list of tables
# and figures names the sheet each is on; years are numbers.
for ed in "en/$ID.xlsx en.json" "zh/$ID.zh-CN.xlsx zh.json"; do
    set -- $ed
    py "AIGC $1" figures "$T/$1" "$T/$2"
    py "AIGC $1" percent "$T/$1"
    py "AIGC $1" notes "$T/$1"
    py "AIGC $1" years "$T/$1"
done

# A CAGR counted from the first forecast year (cagr_start 2024, base 2023).
ROBO=datasets/industrial-robotics-services.yaml
check_status "render robotics workbook" 0 render "$ROBO" "$T/r"
"$MKP" forecast "$ROBO" --json >"$T/r.json"
py "robotics" model "$T/r/industrial-robotics-services.xlsx" "$T/r.json" \
    "Summary|Service Type|End-Use Industry|Region|Data|Chart data|Notes"

# The CSV of the forecast, at full precision, against the Data sheet.
"$MKP" forecast "$AIGC" --csv >"$T/en.csv"
check "Data sheet equals forecast --csv" "$PY" - "$T/en/$ID.xlsx" "$T/en.csv" <<'PY'
import csv, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["Data"]
got = {(r[3], r[5]): r[6] for r in ws.iter_rows(min_row=2, values_only=True)}
rows = list(csv.DictReader(open(sys.argv[2])))
assert len(rows) == len(got), (len(rows), len(got))
for r in rows:
    v, w = got[(r["series"], int(r["year"]))], float(r["value"])
    assert abs(v - w) <= 1e-9 * max(1, abs(w)), (r, v)
PY

# Byte-identical across runs, and whatever locale the caller runs in.
check_status "render again" 0 render "$AIGC" "$T/en2"
check "two renders are byte-identical" cmp "$T/en/$ID.xlsx" "$T/en2/$ID.xlsx"
LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8 render "$AIGC" "$T/de"
check "output does not depend on the locale" cmp "$T/en/$ID.xlsx" "$T/de/$ID.xlsx"
# The parts are staged in TMPDIR when set (else in memory): same bytes,
# nothing left behind.
mkdir -p "$T/stage"
TMPDIR="$T/stage" "$MKP" render "$AIGC" -f xlsx -o "$T/staged" 2>/dev/null
check "staging in TMPDIR gives the same bytes" cmp "$T/en/$ID.xlsx" "$T/staged/$ID.xlsx"
expect_eq "nothing is left in TMPDIR" "$(ls -A "$T/stage")" ""

# Hostile names: formula-like titles, forbidden characters, long and
# colliding sheet names, a zero segment, history years.
cat >"$T/hostile.yaml" <<'EOF'
report:
  id: hostile
  title: {en: "Hostile Names Market", zh-CN: "恶意名称测试市场"}
  base_year: 2024
  estimated_year: 2025
  forecast_end: 2030
  currency: EUR
  unit: million
  edition: 2025-03-01
  languages: [en, zh-CN]
market:
  anchors: {2024: 100, 2030: 180}
  history: {2021: 70, 2022: 80, 2023: 90}
dimensions:
  - id: data
    title: Data
    segments:
      - {id: a, title: "=SUM(A1) +1 -1 @cmd", share: {2024: 60}}
      - id: b
        title: "+cmd|' /C calc'!A0"
        share: {2024: 40}
        segments:
          - {id: x, title: "-2+3", share: {2024: 50}}
          - {id: y, title: "@SUM(1)", share: {2024: 50}}
  - id: long-one
    title: "Région / Übersicht: [Sales]*? by Country \\ Territory, part one"
    segments:
      - id: z
        title: Zero
        share: {2024: 0}
        segments:
          - {id: p, title: P, share: {2024: 50}}
          - {id: q, title: Q, share: {2024: 50}}
      - {id: w, title: Whole, share: {2024: 100}}
  - id: long-two
    title: "Région / Übersicht: [Sales]*? by Country \\ Territory, part two"
    segments:
      - {id: a, title: {en: "Ångström", zh-CN: "亚太地区"}, share: {2024: 100}}
EOF
check_status "render hostile fixture" 0 render "$T/hostile.yaml" "$T/h"
"$MKP" forecast "$T/hostile.yaml" --json >"$T/h.json"
py "hostile" model "$T/h/hostile.xlsx" "$T/h.json" \
    "Summary|Data (2)|Région Übersicht Sales by Count|Région Übersicht Sales by C (2)|Data|Chart data|Notes"
py "hostile" hostile "$T/h/hostile.xlsx"

# 300 segments, each with a sub-segment: 300 runs of rows pass Excel's 255
# arguments, so the total row sums the level-1 rows with SUMIF.
{
    printf 'report: {id: many-runs, title: Many Runs, base_year: 2025, estimated_year: 2026,\n'
    printf '         forecast_end: 2030, currency: USD, unit: million}\n'
    printf 'market: {anchors: {2025: 3000, 2030: 4500}}\n'
    printf 'dimensions:\n  - id: many\n    title: Many\n    segments:\n'
    i=0
    while [ $i -lt 300 ]; do
        printf '      - {id: s%d, title: Segment %d, anchors: {2025: %d, 2030: %d},\n' $i $i $((1 + i % 7)) $((2 + i % 5))
        printf '         segments: [{id: a, title: Part %d, share: {2025: 100}}]}\n' $i
        i=$((i + 1))
    done
} >"$T/many.yaml"
check_status "render 300-run fixture" 0 render "$T/many.yaml" "$T/m"
"$MKP" forecast "$T/many.yaml" --json >"$T/m.json"
py "300 runs" model "$T/m/many-runs.xlsx" "$T/m.json" "Summary|Many|Data|Chart data|Notes"
py "300 runs" sumif "$T/m/many-runs.xlsx"

# Options.
check_status "render with options" 0 render "$AIGC" "$T/o" -O xlsx.charts=false -O xlsx.decimals=1 \
    -O xlsx.collapse=true
py "-O charts=false,decimals=1,collapse=true" options "$T/o/$ID.xlsx" false 1 true
py "default options" options "$T/en/$ID.xlsx" true 2 false

# Under ASan the shadow memory counts in the peak plugin-check measures, and
# the 10,000-segment fixture passes its default 512 MiB budget there.
case "$BUILD" in
*/san) check "plugin-check passes (under ASan with a 4096 MiB memory budget)" "$MKP" plugin-check --memory-budget 4096 "$SO" ;;
*) check "plugin-check passes" "$MKP" plugin-check "$SO" ;;
esac

# Recalculation by a real spreadsheet engine.  LibreOffice keeps the cached
# results of an xlsx unless told to recalculate on load, so the profile says so.
if command -v soffice >/dev/null 2>&1; then
    mkdir -p "$T/lo/user" "$T/recalc"
    cat >"$T/lo/user/registrymodifications.xcu" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
EOF
    HOME="$T/lo" timeout 300 soffice "-env:UserInstallation=file://$T/lo" --headless --norestore \
        --convert-to xlsx --outdir "$T/recalc" "$T/en/$ID.xlsx" "$T/h/hostile.xlsx" "$T/m/many-runs.xlsx" \
        >"$T/.soffice" 2>&1
    py "AIGC en" recalc "$T/en/$ID.xlsx" "$T/recalc/$ID.xlsx"
    py "hostile" recalc "$T/h/hostile.xlsx" "$T/recalc/hostile.xlsx"
    py "300 runs" recalc "$T/m/many-runs.xlsx" "$T/recalc/many-runs.xlsx"
    # Printing, as LibreOffice lays the pages out: charts whole, each sheet
    # on the pages its manual breaks make.
    mkdir -p "$T/print"
    HOME="$T/lo" timeout 300 soffice "-env:UserInstallation=file://$T/lo" --headless --norestore \
        --convert-to pdf --outdir "$T/print" "$T/en/$ID.xlsx" "$T/zh/$ID.zh-CN.xlsx" >"$T/.soffice" 2>&1
    py "AIGC en print" print "$T/en/$ID.xlsx" "$T/print"
    py "AIGC zh-CN print" print "$T/zh/$ID.zh-CN.xlsx" "$T/print"
else
    echo "# skip - LibreOffice recalculation: soffice is not installed"
fi
