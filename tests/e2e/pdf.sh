#!/bin/sh
# tests/e2e/pdf.sh - the pdf plugin's report opened with real readers:
# qpdf, poppler (pdfinfo, pdffonts, pdftotext, pdftoppm, pdfimages) and
# mutool.  English and Chinese, A4 and US Letter, all three datasets,
# determinism, navigation, and the conformance run.
. tests/lib.sh
: >"$T/readers.err"

P="-P $BUILD/lib/marketpress/plugins"
EDGE=datasets/edge-ai-chips.yaml
ROBO=datasets/industrial-robotics-services.yaml

# text FILE.pdf OUT: the text in content order, all whitespace removed, so
# that a name wrapped inside a table cell still reads as one string.
text() { pdftotext -raw "$1" - 2>>"$T/readers.err" | tr -d ' \n\t\r' >"$2"; }

# has NAME FILE STRING...: every string occurs in FILE (fixed strings).
has() {
    name=$1 f=$2
    shift 2
    missing=
    for s in "$@"; do
        s=$(printf '%s' "$s" | tr -d ' ')
        grep -qF -- "$s" "$f" || missing="$missing [$s]"
    done
    if [ -z "$missing" ]; then ok "$name"; else fail "$name" "not in the text:$missing"; fi
}

# valid NAME FILE.pdf: qpdf finds no error, every font is embedded, there
# is no raster image, and poppler and MuPDF render every page.
valid() {
    check "$1: qpdf --check" qpdf --check "$2"
    pdffonts "$2" 2>>"$T/readers.err" | tail -n +3 >"$T/fonts"
    # Every font embedded and subset; the two-byte (CID) ones carry a
    # ToUnicode map, the WinAnsi ones name their glyphs (text is checked
    # with pdftotext below).
    n=$(grep -c . "$T/fonts")
    e=$(grep -E ' yes +yes +(yes|no) ' "$T/fonts" | grep -cvE 'CID TrueType .* no +[0-9]+ +[0-9]+$')
    if [ "$n" -gt 0 ] && [ "$n" = "$e" ]; then ok "$1: $n fonts, all embedded"; else
        fail "$1: fonts embedded" "$(cat "$T/fonts")"; fi
    expect_eq "$1: no raster images (charts are vectors)" "$(pdfimages -list "$2" 2>>"$T/readers.err" | tail -n +3 | wc -l)" 0
    pages=$(pdfinfo "$2" 2>>"$T/readers.err" | sed -n 's/^Pages: *//p')
    rm -rf "$T/png" && mkdir "$T/png"
    if pdftoppm -r 20 -png "$2" "$T/png/p" 2>"$T/pp.err" && ! grep -q '^Error' "$T/pp.err" &&
        [ "$(ls "$T/png" | wc -l)" = "$pages" ]; then ok "$1: pdftoppm renders $pages pages"; else
        fail "$1: pdftoppm" "$(grep -v Warning "$T/pp.err" | head -c 300)"; fi
    if mutool draw -q -r 20 -o "$T/png/m%d.png" "$2" 2>"$T/mu.err" && ! grep -qi 'error' "$T/mu.err"; then
        ok "$1: mutool draw renders every page"; else fail "$1: mutool draw" "$(head -c 300 "$T/mu.err")"; fi
}

# ---- English, A4 -----------------------------------------------------------
check "render aigc en" $MKP render $AIGC $P -f pdf -o "$T/en"
PDF=$T/en/aigc-foundation-models.pdf
expect_file "aigc en: pdf written" "$PDF"
valid "aigc en" "$PDF"
text "$PDF" "$T/en.txt"
has "aigc en: key statistics" "$T/en.txt" 28.46 30.12 53.49 9.43%
# every segment and sub-segment title of the dataset
grep -E '^ {8,}title: \{en: "' $AIGC | sed 's/.*en: "\([^"]*\)".*/\1/' >"$T/names"
expect_eq "aigc: 60 segment and sub-segment names in the dataset" "$(wc -l <"$T/names" | tr -d ' ')" 60
IFS='
'
has "aigc en: every segment name" "$T/en.txt" $(cat "$T/names")
unset IFS
has "aigc en: structure" "$T/en.txt" Contents "ListofFigures" "ListofTables" "ExecutiveSummary" \
    "Table1:Keymarketstatistics" "CompetitiveLandscape" "ResearchMethodology" "CAGR=(V" "Productcode" "1919400"
has "aigc en: provenance and CAGR start" "$T/en.txt" "Published:" "Illustrative:" "Thestartyearis2025"
# Latin text is set in WinAnsi fonts; characters outside cp1252 (arrows,
# the minus sign) come from the face's UTF-8 font and read back the same.
has "aigc en: cp1252 and beyond" "$T/en.txt" "Cloud68%→74%" "–" "•" "…" "−"
check "aigc en: under 1 MB" test "$(stat -c %s "$PDF")" -lt 1000000

pdfinfo "$PDF" >"$T/info" 2>>"$T/readers.err"
expect_grep "aigc en: A4 pages" "$T/info" '^Page size: +595.* x 841.* \(A4\)'
expect_grep "aigc en: title" "$T/info" '^Title: +AIGC Foundation Models Market$'
expect_grep "aigc en: author is the publisher" "$T/info" '^Author: +marketpress Research$'
expect_grep "aigc en: keywords" "$T/info" '^Keywords: +generative AI, AIGC, foundation models'
expect_grep "aigc en: subject" "$T/info" '^Subject: +by Model Type'
expect_grep "aigc en: creation date is the edition" "$T/info" '^CreationDate: +Thu Jan 15 00:00:00 2026 UTC'
PAGES=$(sed -n 's/^Pages: *//p' "$T/info")
pdftotext -f "$PAGES" -l "$PAGES" "$PDF" - 2>>"$T/readers.err" >"$T/last"
expect_grep "aigc en: footer 'Page X of Y'" "$T/last" "Page $PAGES of $PAGES"

# bookmarks and the contents agree with the pages they point at
mutool show "$PDF" outline >"$T/outline" 2>>"$T/readers.err"
expect_grep "aigc en: outline has chapters" "$T/outline" '"1 Executive Summary"'
expect_grep "aigc en: outline has sections" "$T/outline" '"8\.1 Market Size by Segment"'
expect_grep "aigc en: outline has the contents" "$T/outline" '"Contents"'
es=$(sed -n 's/.*"1 Executive Summary".*#page=\([0-9]*\).*/\1/p' "$T/outline")
pdftotext -f "${es:-0}" -l "${es:-0}" "$PDF" - 2>>"$T/readers.err" >"$T/es"
expect_grep "aigc en: bookmark lands on its chapter (page $es)" "$T/es" '^Executive Summary$'
pdftotext -layout -f 2 -l 2 "$PDF" - 2>>"$T/readers.err" >"$T/toc"
expect_grep "aigc en: contents gives the same page" "$T/toc" "Executive Summary[ .]+${es:-x}\$"
qpdf --qdf --object-streams=disable "$PDF" "$T/qdf.pdf" 2>>"$T/readers.err"
links=$(grep -ac '/Subtype /Link' "$T/qdf.pdf")
if [ "$links" -ge 30 ]; then ok "aigc en: $links contents links"; else fail "aigc en: contents links" "only $links"; fi

# charts are vector paths: the page that the list of figures gives for
# Figure 2 is filled with paths, not an image
pdftotext -layout -f 3 -l 3 "$PDF" - 2>>"$T/readers.err" >"$T/lof"
f2=$(sed -n 's/^Figure 2 .* \([0-9][0-9]*\)$/\1/p' "$T/lof")
if grep -q 'chartengineunavailable' "$T/en.txt"; then
    ok "aigc en: charts as vectors (skipped: this host has no chart engine)"
else
    fills=$(mutool trace "$PDF" "${f2:-0}" 2>>"$T/readers.err" | grep -c '<fill_path')
    if [ "$fills" -ge 10 ]; then ok "aigc en: Figure 2 (page $f2) is $fills vector fills"; else
        fail "aigc en: Figure 2 drawn as vectors" "page '$f2' has $fills filled paths"; fi
fi

check "render aigc en again" $MKP render $AIGC $P -f pdf -o "$T/en2"
check "aigc en: two renders are byte-identical" cmp "$PDF" "$T/en2/aigc-foundation-models.pdf"

# ---- Chinese ---------------------------------------------------------------
check "render aigc zh-CN" $MKP render $AIGC $P -f pdf -o "$T/zh" --lang zh-CN
ZH=$T/zh/aigc-foundation-models.zh-CN.pdf
valid "aigc zh-CN" "$ZH"
check "aigc zh-CN: under 1 MB (all streams deflated for Chinese)" test "$(stat -c %s "$ZH")" -lt 1000000
pdffonts "$ZH" 2>>"$T/readers.err" >"$T/zhfonts"
expect_grep "aigc zh-CN: CJK font embedded" "$T/zhfonts" 'DroidSansFallback +CID TrueType +Identity-H +yes +yes +yes'
text "$ZH" "$T/zh.txt"
has "aigc zh-CN: Chinese texts" "$T/zh.txt" "目录" "执行摘要" "关键市场统计数据" "284.6亿美元" "534.9亿美元" \
    "9.43%" "28.46" "53.49" "基础模型正逐步成为企业通用的基础性技术" "第2页，共"
grep -E '^ {8,}title: \{en: "' $AIGC | sed 's/.*zh-CN: "\([^"]*\)".*/\1/' >"$T/zhnames"
IFS='
'
has "aigc zh-CN: every segment name" "$T/zh.txt" $(cat "$T/zhnames")
unset IFS
# no line of Chinese text starts with closing punctuation
pdftotext "$ZH" - 2>>"$T/readers.err" | grep -E '^(，|。|、|；|：|）|！|？)' >"$T/kinsoku"
expect_eq "aigc zh-CN: no line starts with ，。、；：）" "$(wc -l <"$T/kinsoku" | tr -d ' ')" 0
check "render aigc zh-CN again" $MKP render $AIGC $P -f pdf -o "$T/zh2" --lang zh-CN
check "aigc zh-CN: two renders are byte-identical" cmp "$ZH" "$T/zh2/aigc-foundation-models.zh-CN.pdf"

# ---- options ----------------------------------------------------------------
check "render aigc letter" $MKP render $AIGC $P -f pdf -o "$T/letter" -O pdf.paper=letter
pdfinfo "$T/letter/aigc-foundation-models.pdf" >"$T/linfo" 2>>"$T/readers.err"
expect_grep "letter: every page is US Letter" "$T/linfo" '^Page size: +612 x 792 pts \(letter\)'
valid "aigc letter" "$T/letter/aigc-foundation-models.pdf"
check "render aigc sans" $MKP render $AIGC $P -f pdf -o "$T/sans" -O pdf.typeface=sans
pdffonts "$T/sans/aigc-foundation-models.pdf" 2>>"$T/readers.err" >"$T/sfonts"
expect_grep "typeface=sans: DejaVu Sans" "$T/sfonts" '\+DejaVuSans,'
expect_no_grep "typeface=sans: no serif face" "$T/sfonts" 'DejaVuSerif'
check "render aigc compress=all" $MKP render $AIGC $P -f pdf -o "$T/all" -O pdf.compress=all
valid "aigc compress=all" "$T/all/aigc-foundation-models.pdf"
check "compress=all: a smaller file" test "$(stat -c %s "$T/all/aigc-foundation-models.pdf")" -lt "$(stat -c %s "$PDF")"
check_status "paper=a3 is refused" 2 $MKP render $AIGC $P -f pdf -o "$T/a3" -O pdf.paper=a3

# ---- fonts through fontconfig ---------------------------------------------------
check_status "font=unknown family: exit 1" 1 $MKP render $AIGC $P -f pdf -o "$T/nofont" -O pdf.font="No Such Family"
expect_eq "font=unknown family: one line naming it" \
    "$(grep -c "^marketpress: pdf: .*error: .*'No Such Family'.*fc-list" "$T/.err")" 1
expect_eq "font=unknown family: nothing written" "$(ls -A "$T/nofont" 2>/dev/null)" ""
check "render font=DejaVu Sans (over typeface=serif)" \
    $MKP render $AIGC $P -f pdf -o "$T/fsans" -O pdf.font="DejaVu Sans" -O pdf.typeface=serif
pdffonts "$T/fsans/aigc-foundation-models.pdf" 2>>"$T/readers.err" >"$T/fsfonts"
expect_grep "font=DejaVu Sans: DejaVu Sans embedded" "$T/fsfonts" '\+DejaVuSans,'
expect_no_grep "font=DejaVu Sans: no serif face" "$T/fsfonts" 'DejaVuSerif'
check_status "cjk-font=unknown family: exit 1" 1 $MKP render $AIGC $P -f pdf -o "$T/nocjk" -O pdf.cjk-font="No Such CJK"
expect_grep "cjk-font=unknown family: named" "$T/.err" "error: .*'No Such CJK' \(option cjk-font\)"

# fc_conf FILE DIR...: a fontconfig setup whose only font folders are DIRs.
fc_conf() {
    f=$1
    shift
    {
        echo '<?xml version="1.0"?>'
        echo '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        echo '<fontconfig>'
        for d in "$@"; do echo "  <dir>$d</dir>"; done
        echo "  <cachedir>$T/fc-cache</cachedir>"
        echo '</fontconfig>'
    } >"$f"
}
# A machine with fonts-dejavu-core but not fonts-dejavu-extra: DejaVu Serif
# in regular and bold, no italic.
mkdir -p "$T/serif-only"
for style in Book Bold; do cp "$(fc-match -f '%{file}' "DejaVu Serif:style=$style")" "$T/serif-only/"; done
expect_eq "fontconfig finds DejaVu Serif and its bold" "$(ls "$T/serif-only" | tr '\n' ' ')" \
    "DejaVuSerif-Bold.ttf DejaVuSerif.ttf "
fc_conf "$T/serif-only.conf" "$T/serif-only"
FONTCONFIG_FILE=$T/serif-only.conf $MKP render $AIGC $P -f pdf -o "$T/noit" 2>"$T/noit.err"
expect_eq "no italic face: renders" "$?" 0
expect_eq "no italic face: one warning" "$(grep -c '^marketpress: pdf: .*warning' "$T/noit.err")" 1
expect_grep "no italic face: the warning names the face and the package" "$T/noit.err" \
    '^marketpress: pdf: .*warning: DejaVu Serif has no italic face .*fonts-dejavu-extra.*regular face'
pdffonts "$T/noit/aigc-foundation-models.pdf" 2>>"$T/readers.err" >"$T/noitfonts"
expect_grep "no italic face: DejaVu Serif embedded" "$T/noitfonts" '\+DejaVuSerif,'
expect_no_grep "no italic face: no italic embedded" "$T/noitfonts" 'Italic'
valid "no italic face" "$T/noit/aigc-foundation-models.pdf"
FONTCONFIG_FILE=$T/serif-only.conf $MKP render $AIGC $P -f pdf -o "$T/noit-zh" --lang zh-CN -O pdf.typeface=serif \
    2>"$T/noit-zh.err"
expect_eq "no CJK font: renders" "$?" 0
expect_grep "no CJK font: a warning names the package" "$T/noit-zh.err" \
    'warning: no TrueType font for Chinese: .*fonts-droid-fallback.*boxes'
fc_conf "$T/none.conf"
check_status "no fonts at all: exit 1" 1 env FONTCONFIG_FILE="$T/none.conf" $MKP render $AIGC $P -f pdf -o "$T/nof"
expect_grep "no fonts at all: the error names the family and the package" "$T/.err" \
    '^marketpress: pdf: .*error: font DejaVu Serif not found .*fonts-dejavu-core'
expect_no_file "no fonts at all: no pdf" "$T/nof/aigc-foundation-models.pdf"
# A job may run short of memory: fontconfig's caches are read, never written.
expect_no_file "fontconfig's caches are not written" "$T/fc-cache"

# ---- the other datasets -------------------------------------------------------
check "render edge-ai-chips" $MKP render $EDGE $P -f pdf -o "$T/edge"
valid "edge-ai-chips" "$T/edge/edge-ai-chips.pdf"
text "$T/edge/edge-ai-chips.pdf" "$T/edge.txt"
has "edge-ai-chips: values, history and names" "$T/edge.txt" "USD19,420million" "52,870" "18.17%" "7,150" \
    "NPUsandAIASICs" "SmartphonesandTablets" "Asia-Pacific" "MethodologyNote" "EdgeAcceleratorStart-ups"
check "render industrial-robotics-services" $MKP render $ROBO $P -f pdf -o "$T/robo"
valid "industrial-robotics-services" "$T/robo/industrial-robotics-services.pdf"
text "$T/robo/industrial-robotics-services.pdf" "$T/robo.txt"
has "industrial-robotics-services: EUR values and CAGR start" "$T/robo.txt" "EUR14.80billion" "39.50" "2024–2035" \
    "Thestartyearis2024ratherthanthebaseyear2023" "RemoteMonitoringandPredictiveMaintenance"

# ---- conformance: fixtures incl. 10,000 segments, Unicode, zero market ---------
check "plugin-check pdf.so" $MKP plugin-check "$BUILD/lib/marketpress/plugins/pdf.so"

# What the readers said while reading: poppler, mutool and qpdf warn about
# a broken font map, a bad object or a damaged stream.  (mutool's own
# "ICC support is not available" is about how mutool was built.)
grep -v '^warning: ICC support is not available$' "$T/readers.err" | sort | uniq -c >"$T/readers.said"
if [ -s "$T/readers.said" ]; then fail "the readers read every PDF without a warning" "$(head -c 400 "$T/readers.said")"
else ok "the readers read every PDF without a warning"; fi
