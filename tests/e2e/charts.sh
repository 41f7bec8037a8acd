# charts.sh - one label decision per figure, read back from the real
# outputs: every figure of the three datasets labels the same values in
# the PDF (pdftotext) as in its SVG (xmllint); labels read against each
# other never show two values alike; the edge market in USD million prints
# no ".00"; the scenario chart's axis starts near its lines; a small SVG
# says that it labels fewer values; no text of the three reports is cut
# with an ellipsis (row labels wrap, the cover chart's legend moves down).
. tests/lib.sh
PY=/usr/bin/python3
: >"$T/readers.err"

# labels NAME MODE ARGS...: passes when chart_labels.py finds no fault (its
# last line is "checked ..."); a reader's complaint fails it too.
labels() {
    name=$1
    shift
    $PY tests/e2e/chart_labels.py "$@" >"$T/labels.out" 2>>"$T/readers.err"
    if [ "$(grep -c . "$T/labels.out")" = 1 ] && grep -q '^checked ' "$T/labels.out"; then
        ok "$name ($(sed 's/^checked //' "$T/labels.out"))"
    else
        fail "$name" "$(head -c 600 "$T/labels.out" | tr '\n' '|')"
    fi
}

for id in aigc-foundation-models edge-ai-chips industrial-robotics-services; do
    "$MKP" render "datasets/$id.yaml" -f pdf,svg -o "$T/o" 2>"$T/$id.err"
    expect_no_grep "$id: no warning from the svg plugin at the default size" "$T/$id.err" '^marketpress: svg: .*warning'
    labels "$id: every figure labels the same values in the PDF and the SVG" compare "$T/o/$id.pdf" "$T/o/$id-svg"
done
# Every label whole: a row label too wide for its column takes two lines,
# the cover chart's heading shares its line with the legend or has its own.
for id in aigc-foundation-models edge-ai-chips industrial-robotics-services; do
    pdftotext "$T/o/$id.pdf" "$T/$id.txt" 2>>"$T/readers.err"
    expect_no_grep "$id: no text of the PDF cut with an ellipsis" "$T/$id.txt" '…'
done
"$MKP" render datasets/aigc-foundation-models.yaml -f pdf --lang zh-CN -o "$T/o" 2>"$T/zh.err"
pdftotext "$T/o/aigc-foundation-models.zh-CN.pdf" "$T/zh.txt" 2>>"$T/readers.err"
expect_no_grep "aigc zh-CN: no text of the PDF cut with an ellipsis" "$T/zh.txt" '…'
tr '\n' ' ' <"$T/aigc-foundation-models.txt" >"$T/aigc.flat"
expect_grep "aigc Figure 5: Denoising Diffusion Probabilistic Models whole, over two lines" "$T/aigc.flat" \
    'Denoising Diffusion +Probabilistic Models +1\.69 +3\.29'
labels "aigc: labels read together never show two values alike; ticks never repeat" numbers \
    "$T/o/aigc-foundation-models-svg"
labels "robotics: the same, and Figure 2 (10.25, 10.84, 11.46, 12.10) reads each value apart" numbers \
    "$T/o/industrial-robotics-services-svg"
labels "edge (USD million): no '.00' beside whole numbers, one number of decimals per figure" numbers \
    "$T/o/edge-ai-chips-svg" integers
$PY tests/e2e/chart_labels.py list "$T/o/industrial-robotics-services-svg" 2 >"$T/robo2" 2>>"$T/readers.err"
expect_grep "robotics Figure 2: the totals with their two decimals" "$T/robo2" '^39\.50$'
expect_no_grep "robotics Figure 2: no label dropped its decimals (10.84 and 11.46 never both '11')" "$T/robo2" \
    '^[0-9]+$'
# thirteen columns are wide enough for the largest segment's "10.25"
for v in 10.25 10.84 11.46 12.10; do
    expect_grep "robotics Figure 2: the largest segment's $v is labelled" "$T/robo2" "^${v%.*}\\.${v#*.}\$"
done

# Figure 22: a line chart far from zero starts near its lines
S22=$T/o/aigc-foundation-models-svg/22-scenario-comparison.svg
xmllint --xpath '//*[@class="axis"]/@aria-label' "$S22" 2>>"$T/readers.err" | tr ' ' '\n' |
    sed -n 's/^aria-label="\(.*\)"$/\1/p' >"$T/ticks22"
expect_eq "Figure 22: the y axis starts at 25, not 0" "$(head -1 "$T/ticks22")" 25
expect_no_grep "Figure 22: no zero tick" "$T/ticks22" '^0$'
expect_eq "Figure 22: four end-of-line labels" \
    "$(xmllint --xpath 'count(//*[@class="value-label"])' "$S22" 2>>"$T/readers.err")" 4

# A canvas smaller than a figure's reference labels fewer values, and says so.
"$MKP" render "$AIGC" -f svg -o "$T/small" -O svg.width=300 -O svg.height=200 2>"$T/small.err"
expect_grep "a 300 x 200 SVG warns that it labels fewer values" "$T/small.err" \
    '^marketpress: svg: aigc-foundation-models: warning: figure 2 \(02-model-type-by-year\): a 300 x 200 pt canvas is smaller than its reference, 471 x [0-9.]+ pt: it labels [0-9]+ values, the report 24$'
check_status "svg.height below 150 (other than 0) is refused" 1 "$MKP" render "$AIGC" -f svg -o "$T/low" \
    -O svg.height=100
# A horizontal chart with many rows grows to its reference height, as in
# the report: twenty sub-segments under twenty segments.
"$BUILD/tests/gen_dataset" 200 >"$T/g200.yaml"
"$MKP" render "$T/g200.yaml" -f svg -o "$T/g" 2>"$T/g.err"
expect_grep "the default SVG of forty rows is taller than 440 pt" "$T/g/synthetic-200-svg/05-dim-0-sub-segments.svg" \
    'height="(4[5-9][0-9]|[5-9][0-9][0-9])pt"'
expect_grep "and a chart of eight years is not" "$T/g/synthetic-200-svg/02-dim-0-by-year.svg" 'height="440pt"'
expect_no_grep "no warning for it" "$T/g.err" 'warning: figure'

if [ -s "$T/readers.err" ]; then fail "the readers read every file without a word" "$(head -c 400 "$T/readers.err")"
else ok "the readers read every file without a word"; fi
