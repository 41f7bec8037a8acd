# editions.sh - every edition complete and truthful, read as a client
# would read it: the Chinese AIGC report, workbook and charts in Chinese
# (one word and one unit style for each thing), and each kind of value
# (published, actual, illustrative, estimate, scenario) shown the same way
# by the CSV, the workbook's Data sheet, the charts and the PDF.
. tests/lib.sh
PY=/usr/bin/python3
P="-P $BUILD/lib/marketpress/plugins"
EDGE=datasets/edge-ai-chips.yaml
ID=aigc-foundation-models

# text FILE.pdf OUT: pdftotext, whose every word on stderr is a failure.
pdf_text() {
    pdftotext "$1" "$2" 2>"$T/pdftotext.err"
    [ ! -s "$T/pdftotext.err" ] || fail "pdftotext $1" "$(sort -u "$T/pdftotext.err" | head -c 300)"
}

"$MKP" render $P "$AIGC" --lang zh-CN -o "$T/zh" --no-fsync 2>"$T/r.err"
expect_eq "the Chinese edition renders" "$?" 0
pdf_text "$T/zh/$ID.zh-CN.pdf" "$T/zh.txt"

# 1. No run of 8 or more English words anywhere in the Chinese report.
$PY - "$T/zh.txt" >"$T/runs" <<'EOF'
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    for run in re.findall(r"(?:[A-Za-z][A-Za-z'’.-]*[ \t]+){7,}[A-Za-z][A-Za-z'’.-]*", line):
        print(run.strip()[:120])
EOF
if [ -s "$T/runs" ]; then fail "zh-CN report: no English sentences" "$(head -5 "$T/runs" | tr '\n' '|')"; else
    ok "zh-CN report: no run of 8 English words in $(wc -c <"$T/zh.txt") bytes of text"; fi

# 2. One term, one unit style, one dash.
expect_grep "zh-CN report: 年复合增长率" "$T/zh.txt" '年复合增长率'
expect_no_grep "zh-CN report: never 复合年增长率" "$T/zh.txt" '复合年增长率'
expect_grep "zh-CN report: tables in 十亿美元" "$T/zh.txt" '（十亿美元）'
expect_no_grep "zh-CN report: no USD billion" "$T/zh.txt" 'USD billion|USD [0-9]'
expect_no_grep "zh-CN report: year ranges with an en dash only" "$T/zh.txt" '[0-9]{4}(—|-)[0-9]{4}'

# 3. The Chinese workbook: sheet names, headers, units and notes in Chinese.
$PY - "$T/zh/$ID.zh-CN.xlsx" >"$T/xl" <<'EOF'
import re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb:
    if re.search(r"[A-Za-z]{3}", ws.title) and not re.match(r"^[A-Z]{2,}", ws.title):
        print("sheet name", ws.title)
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if not isinstance(v, str) or v.startswith("="):
                continue
            if ws.title == "数据" and c.column == 4:      # the series path: ids, for formulas and pandas
                continue
            if re.fullmatch(r"[a-z0-9/*.-]+(\.yaml)?", v):  # ids, paths and the dataset's file name
                continue
            if re.search(r"(?:[A-Za-z]+ ){2,}[A-Za-z]+", v) and "marketpress" not in v:
                print(ws.title, c.coordinate, v[:80])
EOF
if [ -s "$T/xl" ]; then fail "zh-CN workbook: no English" "$(head -5 "$T/xl" | tr '\n' '|')"; else
    ok "zh-CN workbook: every sheet name, header, unit and note in Chinese"; fi
$PY -c 'import sys, openpyxl; print(" ".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))' \
    "$T/zh/$ID.zh-CN.xlsx" >"$T/sheets"
expect_grep "zh-CN workbook: sheets 摘要 … 数据 … 说明" "$T/sheets" '^摘要 .* 情景 数据 图表数据 说明$'

# 4. The Chinese charts: every text of every SVG (aria-label) in Chinese.
$PY - "$T/zh/$ID.zh-CN-svg" >"$T/sv" <<'EOF'
import glob, re, sys, xml.etree.ElementTree as ET
for f in sorted(glob.glob(sys.argv[1] + "/*.svg")):
    for e in ET.parse(f).iter():
        a = e.get("aria-label")
        if a and re.search(r"(?:[A-Za-z]+ ){2,}[A-Za-z]+", a):
            print(f.rsplit("/", 1)[1], a[:80])
EOF
if [ -s "$T/sv" ]; then fail "zh-CN charts: no English" "$(head -5 "$T/sv" | tr '\n' '|')"; else
    ok "zh-CN charts: every text in Chinese ($(ls "$T/zh/$ID.zh-CN-svg" | wc -l) files)"; fi

# 5. Each value's kind, the same in the CSV and the workbook's Data table.
"$MKP" render $P "$AIGC" "$EDGE" -f csv,xlsx,svg,pdf -o "$T/en" --no-fsync 2>"$T/r.err"
expect_eq "English editions render" "$?" 0
market_kinds() { grep '^market,' "$1" | cut -d, -f2,4 | tr '\n' ' '; }
expect_eq "AIGC csv: published anchors, estimates between" "$(market_kinds "$T/en/$ID.csv")" \
    "2025,published 2026,published 2027,estimate 2028,estimate 2029,estimate 2030,estimate 2031,estimate 2032,published "
expect_eq "edge csv: actual history, illustrative anchors, estimates" "$(market_kinds "$T/en/edge-ai-chips.csv")" \
    "2019,actual 2020,actual 2021,actual 2022,actual 2023,actual 2024,illustrative 2025,illustrative 2026,estimate 2027,estimate 2028,estimate 2029,estimate 2030,illustrative "
for ds in $ID edge-ai-chips; do
    $PY - "$T/en/$ds.xlsx" "$T/en/$ds.csv" >"$T/cmp" <<'EOF'
import csv, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Data"]
head = [c.value for c in ws[1]]
col = {h: i for i, h in enumerate(head)}
book = {(r[col["Series path"]], int(r[col["Year"]])): r[col["Provenance"]] for r in ws.iter_rows(min_row=2, values_only=True)}
rows = list(csv.DictReader(open(sys.argv[2])))
bad = [(r["series"], r["year"], r["provenance"], book.get((r["series"], int(r["year"]))))
       for r in rows if book.get((r["series"], int(r["year"]))) != r["provenance"]]
print(len(rows), len(book), bad[:3])
EOF
    n=$(cut -d' ' -f1 "$T/cmp")
    if grep -Eq '^([0-9]+) \1 \[\]$' "$T/cmp" && [ "$n" -gt 100 ]; then ok "$ds: the Data sheet's Provenance is the csv's, $n values"
    else fail "$ds: Data sheet against csv" "$(cat "$T/cmp")"; fi
done

# 6. A scenario's values are its own kind, in every output.
"$MKP" render $P "$AIGC" --scenario tariffs-2025 -f csv -o "$T/sc" --no-fsync 2>"$T/r.err"
expect_grep "scenario csv: the moved years are scenario values" "$T/sc/$ID-tariffs-2025.csv" '^market,2032,[0-9.]+,scenario$'
expect_grep "scenario csv: the years it leaves stay published" "$T/sc/$ID-tariffs-2025.csv" '^market,2025,28\.46,published$'

# 7. The charts' legends: only the kinds of value shown, never "Published
# value" for an illustrative anchor, history in its own colour.
legend() { $PY tests/e2e/svg_check.py legend "$1" | tr '\n' '|'; }
expect_eq "AIGC market chart legend" "$(legend "$T/en/$ID-svg/01-market-size.svg")" \
    "Published value|Estimate or forecast|"
expect_eq "edge market chart legend" "$(legend "$T/en/edge-ai-chips-svg/01-market-size.svg")" \
    "Actual|Illustrative assumption|Estimate or forecast|"

# 8. The PDF: share columns each with one base named in its header; key
# statistics mark a figure the publisher did not print.
pdf_text "$T/en/$ID.pdf" "$T/en.txt"
tr '\n' ' ' <"$T/en.txt" | tr -s ' ' >"$T/en1.txt"
expect_grep "AIGC pdf: share of market and share of parent, by name" "$T/en1.txt" \
    'Share of market 2025 Share of market 2032 Share of parent 2032'
expect_no_grep "AIGC pdf: its key statistics are all published" "$T/en1.txt" 'Not a figure the publisher printed'
pdf_text "$T/en/edge-ai-chips.pdf" "$T/edge.txt"
expect_grep "edge pdf: the estimated year is marked" "$T/edge.txt" '^USD 23,160 million\*$'
expect_grep "edge pdf: and the mark explained" "$T/edge.txt" '^\* Not a figure the publisher printed'

# 9. The PDF cover: its bars in the charts' colours, with a legend of the
# kinds shown, and a headline figure the publisher did not print says what
# it is.
cover() { pdftotext -f 1 -l 1 "$1" - 2>>"$T/pdftotext.err" | tr '\n' ' ' | tr -s ' '; }
cover "$T/en/$ID.pdf" >"$T/c1"
expect_grep "AIGC cover: a legend of published and estimated values" "$T/c1" 'Published value Estimate or forecast'
expect_no_grep "AIGC cover: no kind it does not show" "$T/c1" 'Actual|Illustrative assumption|Scenario value'
cover "$T/en/edge-ai-chips.pdf" >"$T/c2"
expect_grep "edge cover: actuals, assumptions and estimates" "$T/c2" 'Actual Illustrative assumption Estimate or forecast'
expect_grep "edge cover: the base-year figure is an assumption" "$T/c2" 'Base year 2024 · illustrative'
expect_no_grep "edge cover: never called published" "$T/c2" 'Published value'
"$MKP" render $P "$AIGC" --scenario tariffs-2025 -f pdf -o "$T/sc" --no-fsync 2>"$T/r.err"
cover "$T/sc/$ID-tariffs-2025.pdf" >"$T/c3"
expect_grep "scenario cover: the scenario's values are its own" "$T/c3" 'Published value Scenario value'
expect_grep "scenario cover: its 2032 figure says so" "$T/c3" 'Forecast year 2032 · scenario'
[ ! -s "$T/pdftotext.err" ] || fail "pdftotext of the covers" "$(sort -u "$T/pdftotext.err" | head -c 300)"

# 10. The workbook's market chart: each column in its kind's colour, as the
# SVG and the PDF draw it.
$PY - "$T/en/edge-ai-chips.xlsx" >"$T/dpt" <<'EOF2'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
xml = z.read("xl/charts/chart1.xml").decode()
print(" ".join(re.findall(r'<c:dPt><c:idx val="\d+"/><c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"', xml)))
EOF2
expect_eq "edge workbook: the market's columns by kind (actual, illustrative, estimate)" "$(cat "$T/dpt")" \
    "6E6E6E 6E6E6E 6E6E6E 6E6E6E 6E6E6E E69F00 E69F00 56B4E9 56B4E9 56B4E9 56B4E9 E69F00"
