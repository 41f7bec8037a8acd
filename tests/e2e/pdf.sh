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
has "aigc en: cp1252 and beyond" "$T/en.txt" "Cloud68%→74%" "–" "•" "−"
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
# the contents follow the copyright page that faces the cover
toc=$(sed -n 's/^[|+-].*"Contents".*#page=\([0-9]*\).*/\1/p' "$T/outline")
expect_eq "aigc en: the copyright page faces the cover, the contents follow" \
    "$(sed -n 's/^[|+-].*"Copyright and Licence".*#page=\([0-9]*\).*/\1/p' "$T/outline") $toc" "2 3"
pdftotext -layout -f "${toc:-0}" -l "${toc:-0}" "$PDF" - 2>>"$T/readers.err" >"$T/toc"
expect_grep "aigc en: contents gives the same page" "$T/toc" "Executive Summary[ .]+${es:-x}\$"
qpdf --qdf --object-streams=disable "$PDF" "$T/qdf.pdf" 2>>"$T/readers.err"
links=$(grep -ac '/Subtype /Link' "$T/qdf.pdf")
if [ "$links" -ge 30 ]; then ok "aigc en: $links contents links"; else fail "aigc en: contents links" "only $links"; fi

# charts are vector paths: the page that the list of figures gives for
# Figure 2 is filled with paths, not an image
lof=$(sed -n 's/^[|+-].*"List of Figures".*#page=\([0-9]*\).*/\1/p' "$T/outline")
pdftotext -layout -f "${lof:-0}" -l "${lof:-0}" "$PDF" - 2>>"$T/readers.err" >"$T/lof"
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

# ---- layout as a reader sees it: running heads, text sizes, page fill --------
# layout.py MODE FILE.pdf prints one line per fault and ends with
# "checked ..." (MODE heads, sizes or fill); pdftotext -bbox gives each
# word's box (y from the top of the page), mutool trace each text's size,
# colour and whether it is drawn inside a chart's clip.
PY=/usr/bin/python3
cat >"$T/layout.py" <<'EOF'
import html, re, subprocess, sys
mode, pdf = sys.argv[1], sys.argv[2]
SIDE, TOP, BOTTOM = 62.0, 78.0, 70.0    # the report's margins (docs/pdf-report.md)
HEAD_GAP = 18.0                         # between the report title and the chapter
def out(*a):
    return subprocess.run(a, stdout=subprocess.PIPE, text=True).stdout
bb = out("pdftotext", "-bbox", pdf, "-")
title = html.unescape(re.search(r"<title>(.*?)</title>", bb).group(1))
pages = []
for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bb, re.S):
    words = [(float(a), float(b), float(c), float(e), html.unescape(t)) for a, b, c, e, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', pm.group(3))]
    pages.append((float(pm.group(1)), float(pm.group(2)), words))
# openings: page -> titles of the chapters (and contents, lists) opening there
opens = {}
for line in out("mutool", "show", pdf, "outline").splitlines():
    m = re.match(r'^[|+-]\t"(.*)"\t#page=(\d+)', line)
    if m:
        opens.setdefault(int(m.group(2)), []).append(re.sub(r"^\d+ ", "", m.group(1)))
wide = lambda c: ord(c) >= 0x2E80
def whole(full, shown):
    """shown is full, or a prefix of it that ends after a whole word, then an ellipsis."""
    if shown.replace(" ", "") == full.replace(" ", ""):
        return True
    if not shown.endswith("\u2026"):
        return False
    p, k = shown[:-1].replace(" ", ""), 0
    for i, c in enumerate(full):
        if k == len(p):
            return p != "" and (not c.isalnum() or wide(c) or wide(full[i - 1]))
        if c != " ":
            if c != p[k]:
                return False
            k += 1
    return False
faults, shortened, n_checked = [], 0, 0
chap = []
for n, (pw, ph, words) in enumerate(pages, 1):
    on_page = opens.get(n, [])
    cands, chap = chap + on_page, (on_page[-1:] if on_page else chap)
    if n == 1:
        continue
    n_checked += 1
    body = [w for w in words if w[1] >= TOP - 20 and w[3] <= ph - BOTTOM + 20]
    if mode == "heads":
        for w in words:
            if w[0] < SIDE - 0.5 or w[2] > pw - SIDE + 0.5:
                faults.append("page %d: '%s' outside the margins (x %.1f-%.1f)" % (n, w[4], w[0], w[2]))
        head = sorted((w for w in words if w[3] < TOP - 20), key=lambda w: w[0])
        gaps = [(head[i + 1][0] - head[i][2], i) for i in range(len(head) - 1)]
        if not gaps or max(gaps)[0] < HEAD_GAP - 0.5:
            faults.append("page %d: no title and chapter on the head line: %s" % (n, [w[4] for w in head]))
            continue
        g, i = max(gaps)
        left, right = " ".join(w[4] for w in head[:i + 1]), " ".join(w[4] for w in head[i + 1:])
        if not whole(title, left):
            faults.append("page %d: head '%s' is not the title '%s' cut after a word" % (n, left, title))
        hit = [c for c in cands if whole(c, right)]
        if not hit:
            faults.append("page %d: running head '%s' is none of %s cut after a word" % (n, right, cands))
        elif right.endswith("\u2026"):
            shortened += 1
            # shortened only when the whole title did not fit: the next
            # word (about 5 pt a letter, 7.5 an ideograph) would not have
            rest = hit[0].replace(" ", "")[len(right[:-1].replace(" ", "")):]
            nxt = re.match(r"[^\s\u2e80-\uffff]*[\u2e80-\uffff]?", rest).group(0) or rest[:1]
            room = sum(7.5 if wide(c) else 5.0 for c in nxt) + 5.0
            if g > HEAD_GAP + room:
                faults.append("page %d: running head '%s' shortened with %.0f pt to spare" % (n, right, g - HEAD_GAP))
    if mode == "fill":
        # nothing but the head and footer in the top and bottom margins (a
        # box is its font's ascent and descent: a large digit's reaches higher)
        for w in words:
            if (TOP - 20 <= w[3] and w[1] < TOP - 4) or (w[3] > ph - BOTTOM + 1 and w[1] < ph - BOTTOM + 15):
                faults.append("page %d: '%s' in the top or bottom margin (y %.1f-%.1f)" % (n, w[4], w[1], w[3]))
    if mode == "fill" and n < len(pages) and n + 1 not in opens and body:
        # the lowest word of the page against the middle of the text area
        low, mid = max(w[3] for w in body), (TOP + ph - BOTTOM) / 2
        if low < mid:
            faults.append("page %d: text ends at %.0f pt from the top, above the middle (%.0f)" % (n, low, mid))
if mode == "sizes":
    # text sizes: body and table text 8 pt or more, notes (muted grey)
    # 7.5, chart text (inside a clip) 6.5; running heads and footers aside
    tr = out("mutool", "trace", pdf)
    page, clip, colour, size, n_checked, smallest = 0, 0, "", 0.0, 0, {}
    for line in tr.splitlines():
        s = line.strip()
        if s.startswith("<page "):
            page += 1
            n_checked += page > 1
        elif s.startswith("<clip_"):
            clip += 1
        elif s.startswith("<pop_clip"):
            clip -= 1
        elif s.startswith("<fill_text") or s.startswith("<stroke_text"):
            colour = re.search(r'color="([^"]*)"', s).group(1)
        elif s.startswith("<span"):
            size = float(re.search(r'trm="([\d.]+)', s).group(1))
            first = True
        elif s.startswith("<g ") and page > 1 and first:
            first = False
            y = float(re.search(r' y="([-\d.]+)"', s).group(1))
            ph = pages[page - 1][1]
            if y < BOTTOM - 10 or y > ph - TOP + 10:
                continue
            kind = "chart" if clip else "note" if colour == ".36078 .40392 .45098" else "text"
            floor = {"chart": 6.5, "note": 7.5, "text": 8.0}[kind]
            smallest[kind] = min(smallest.get(kind, 99), size)
            if size < floor - 1e-6:
                faults.append("page %d: %s at %g pt (below %g): %s" % (page, kind, size,
                              floor, re.search(r'unicode="([^"]*)"', s).group(1)))
    n_checked = "%d pages; smallest %s" % (n_checked, ", ".join("%s %g pt" % kv for kv in sorted(smallest.items())))
for f in faults[:8]:
    print(f)
print("checked %s%s" % (n_checked if mode == "sizes" else "%d pages" % n_checked,
                        ", %d running heads shortened" % shortened if mode == "heads" else ""))
EOF

# layout NAME MODE FILE.pdf: passes when layout.py finds no fault.
layout() {
    $PY "$T/layout.py" "$2" "$3" >"$T/layout.out" 2>>"$T/readers.err"
    if [ "$(grep -c . "$T/layout.out")" = 1 ] && grep -q '^checked ' "$T/layout.out"; then
        ok "$1 ($(sed 's/^checked //' "$T/layout.out"))"; else fail "$1" "$(head -c 600 "$T/layout.out" | tr '\n' '|')"; fi
}
for f in "$PDF" "$ZH"; do
    e=$(basename "$f" .pdf)
    layout "$e: running heads are the chapter's title, or cut after a word with …, within the margins" heads "$f"
    layout "$e: text 8 pt and up, notes 7.5, chart labels 6.5" sizes "$f"
    layout "$e: no page but a chapter's last ends above the middle of the text area" fill "$f"
done
# A title and a chapter too long to share the head line: both are cut
# after a word, the chapter takes what the title leaves.
sed -e 's/"Cumulative Impact of United States Tariffs 2025", zh-CN: "[^"]*"/"Cumulative Impact of United States Tariffs 2025 on Compute Supply Chains, Licensing and the Cost of Training Frontier Models", zh-CN: "2025年美国关税对算力供应链、模型许可以及前沿模型训练成本的累积影响与长期影响"/' \
    -e 's/title: {en: "AIGC Foundation Models Market", zh-CN: "[^"]*"}/title: {en: "AIGC Foundation Models Market: Large Language, Diffusion and Multimodal Models Worldwide", zh-CN: "AIGC基础模型市场：全球大语言模型、扩散模型与多模态模型的发展与前景"}/' \
    $AIGC >"$T/long.yaml"
expect_eq "long titles: the test dataset has them" "$(grep -c 'Frontier Models\|Multimodal Models Worldwide' "$T/long.yaml")" 2
check "render long titles" $MKP render "$T/long.yaml" $P -f pdf -o "$T/long" --lang en,zh-CN
for f in "$T/long/aigc-foundation-models.pdf" "$T/long/aigc-foundation-models.zh-CN.pdf"; do
    layout "long titles, $(basename "$f" .pdf): running heads cut after a word" heads "$f"
    if grep -q ' [1-9][0-9]* running heads shortened' "$T/layout.out"; then ok "long titles, $(basename "$f" .pdf): shortened"; else
        fail "long titles, $(basename "$f" .pdf): shortened" "$(cat "$T/layout.out")"; fi
done

# ---- options ----------------------------------------------------------------
check "render aigc letter" $MKP render $AIGC $P -f pdf -o "$T/letter" -O pdf.paper=letter
pdfinfo "$T/letter/aigc-foundation-models.pdf" >"$T/linfo" 2>>"$T/readers.err"
expect_grep "letter: every page is US Letter" "$T/linfo" '^Page size: +612 x 792 pts \(letter\)'
valid "aigc letter" "$T/letter/aigc-foundation-models.pdf"
# On Letter Figure 13 (20 rows of bars) needs more than half a page: Figure
# 12 before it gives up height so that both share one.
check "render aigc zh-CN letter" $MKP render $AIGC $P -f pdf -o "$T/letter" -O pdf.paper=letter --lang zh-CN
for f in "$T/letter/aigc-foundation-models.pdf" "$T/letter/aigc-foundation-models.zh-CN.pdf"; do
    layout "letter, $(basename "$f" .pdf): no page but a chapter's last ends above the middle of the text area" fill "$f"
done
# last_page_of FILE.pdf TEXT: the last page with a line starting TEXT (the
# figure itself, after the list of figures)
last_page_of() {
    n=$(pdfinfo "$1" 2>>"$T/readers.err" | awk '/^Pages:/ {print $2}') i=1 at=""
    while [ "$i" -le "${n:-0}" ]; do
        pdftotext -f "$i" -l "$i" "$1" - 2>>"$T/readers.err" | grep -q "^$2" && at=$i
        i=$((i + 1))
    done
    echo "$at"
}
p12=$(last_page_of "$T/letter/aigc-foundation-models.pdf" "Figure 12:")
p13=$(last_page_of "$T/letter/aigc-foundation-models.pdf" "Figure 13:")
if [ -n "$p12" ] && [ "$p12" = "$p13" ]; then ok "letter: Figures 12 and 13 share page $p12"; else
    fail "letter: Figures 12 and 13 share a page" "Figure 12 on page '$p12', Figure 13 on '$p13'"; fi
layout "letter: running heads whole or cut after a word, within the margins" heads "$T/letter/aigc-foundation-models.pdf"
layout "letter: text 8 pt and up, notes 7.5, chart labels 6.5" sizes "$T/letter/aigc-foundation-models.pdf"
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

# the 8 pt tables still split into panels of years when the years do not
# fit, and every panel within the margins
for f in "$T/edge/edge-ai-chips.pdf" "$T/robo/industrial-robotics-services.pdf"; do
    e=$(basename "$f" .pdf)
    pdftotext -layout "$f" - 2>>"$T/readers.err" >"$T/panels"
    expect_grep "$e: a table in panels of years" "$T/panels" '^ *Table [0-9]+ \(continued\): [0-9]{4}–[0-9]{4}$'
    layout "$e: every word within the margins, running heads whole or cut after a word" heads "$f"
    layout "$e: text 8 pt and up, notes 7.5, chart labels 6.5" sizes "$f"
    layout "$e: no page but a chapter's last ends above the middle" fill "$f"
done

# ---- conformance: fixtures incl. 10,000 segments, Unicode, zero market ---------
check "plugin-check pdf.so" $MKP plugin-check "$BUILD/lib/marketpress/plugins/pdf.so"

# A range of years is never cut after its dash: pdftotext would read a
# line that ends "2025-" and a next one starting "2031" as 20252031.  A
# subtitle and a paragraph of thirty ranges at every position of the line.
ranges=$(awk 'BEGIN { for (i = 0; i < 30; i++) printf "%s 2025-2031, ", substr("Forecasting", 1, 1 + i % 11) }')
printf '%s\n' "report: {id: ranges, title: Ranges Market, subtitle: \"$ranges\", base_year: 2025," \
    "         estimated_year: 2026, forecast_end: 2031, currency: USD, unit: billion}" \
    "market: {anchors: {2025: 10, 2031: 20}}" \
    "dimensions: [{id: d, title: D, segments: [{id: a, title: A, share: {2025: 100}}]}]" \
    "sections: [{id: executive-summary, title: Summary, blocks: [{paragraph: \"$ranges\"}]}]" >"$T/ranges.yaml"
check "render thirty ranges of years" "$MKP" render "$T/ranges.yaml" -f pdf -o "$T/ranges" --no-fsync
pdftotext "$T/ranges/ranges.pdf" "$T/ranges.txt" 2>>"$T/readers.err"
expect_no_grep "a range of years is never cut after its dash" "$T/ranges.txt" '(19|20)[0-9]{2}(19|20)[0-9]{2}'
# 30 in the paragraph, 30 in the subtitle on the cover and 30 on the copyright page
expect_eq "every range reads whole" "$(grep -o "2025-2031" "$T/ranges.txt" | wc -l)" 90

# ---- typography: spacing, hyphens, kinsoku, ranges ------------------------------
# typo.py FILE.pdf LIMIT DATASET DICT measures the justified English
# paragraphs from pdftotext -bbox-layout's word boxes: every gap between
# words on a line that is not a paragraph's last is at most LIMIT times the
# natural space (DejaVu Serif's, 651/2048 em at 10 pt), every such line
# reaches the right margin, and a word cut with a hyphen at a line end is
# cut where the dictionary's patterns allow (Liang's algorithm, as libhyphen
# applies them), with 2 letters or more before and 3 or more after, in a
# word of small letters.  A line that ends after a hyphen of the text itself
# ("open-" / "weight") is told apart by the dataset's own words.
HYPH_DICT=/usr/share/hyphen/hyph_en_US.dic
cat >"$T/typo.py" <<'EOF'
import html, re, subprocess, sys
pdf, limit, dataset, dic = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
SIDE, LEAD, SPACE, HEIGHT = 62.0, 14.2, 10 * 651 / 2048, 11.63   # margins, body leading, space, word box
p = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
sys.stderr.write(p.stderr)
source = open(dataset, encoding="utf-8").read()
pats = {}
for line in open(dic, encoding="utf-8").read().split("\n")[1:]:
    line = line.strip()
    if line and not line[0].isupper() and not line.startswith("%"):
        pts, k = [0] * (len(re.sub(r"\d", "", line)) + 1), 0
        for ch in line:
            if ch.isdigit():
                pts[k] = int(ch)
            else:
                k += 1
        pats[re.sub(r"\d", "", line)] = pts
def splits(word):
    s = "." + word + "."
    pts = [0] * (len(s) + 1)
    for i in range(len(s)):
        for j in range(i + 1, len(s) + 1):
            for k, v in enumerate(pats.get(s[i:j], ())):
                pts[i + k] = max(pts[i + k], v)
    return {k for k in range(2, len(word) - 2) if pts[k + 1] % 2}
faults, widest, hyphenated, compounds, checked = [], (0.0, ""), 0, 0, 0
for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', p.stdout, re.S):
    right = float(pm.group(1)) - SIDE
    # a line is the words whose middles are within 2 pt (faces differ a
    # little in ascent), not pdftotext's lines, which end at a wide gap
    words = sorted(((float(a), float(b), float(c), float(e), html.unescape(t)) for a, b, c, e, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', pm.group(3))),
        key=lambda w: (w[1] + w[3]) / 2)
    rows = []
    for w in words:
        if rows and abs((w[1] + w[3]) / 2 - (rows[-1][0][1] + rows[-1][0][3]) / 2) < 2:
            rows[-1].append(w)
        else:
            rows.append([w])
    body = [sorted(r) for r in rows]
    body = [r for r in body if abs(r[0][0] - SIDE) < 0.6 and abs(r[0][3] - r[0][1] - HEIGHT) < 0.8]
    for i, l in enumerate(body):
        nxt = body[i + 1] if i + 1 < len(body) else None
        if not nxt or abs(nxt[0][1] - l[0][1] - LEAD) > 0.3:
            continue                    # a paragraph's last line keeps its natural spaces
        checked += 1
        text = " ".join(w[4] for w in l)
        for k in range(len(l) - 1):
            if l[k + 1][0] - l[k][2] > widest[0]:
                widest = (l[k + 1][0] - l[k][2], text)
        if l[-1][2] < right - 0.6:
            faults.append("a line short of the right margin inside a paragraph: " + text)
        if l[-1][4].endswith("-") and len(l[-1][4]) > 1:
            a = re.sub(r"^\W+", "", l[-1][4][:-1])
            b = re.sub(r"(['\u2019]s)?\W*$", "", nxt[0][4])
            if re.search(re.escape(a) + "-" + re.escape(b), source):
                compounds += 1
                continue
            hyphenated += 1
            if not re.fullmatch(r"[a-z]{2,}", a) or not re.fullmatch(r"[a-z]{3,}", b):
                faults.append("a cut outside the rules: %s- / %s" % (a, nxt[0][4]))
            elif len(a) not in splits(a + b):
                faults.append("not a dictionary split: %s- / %s" % (a, b))
if widest[0] > limit * SPACE + 0.02:
    faults.append("a gap of %.2f pt, %.2f spaces, in: %s" % (widest[0], widest[0] / SPACE, widest[1]))
for f in faults[:8]:
    print(f)
print("checked %d lines: widest gap %.2f spaces, %d words cut with a hyphen, %d lines ending at a hyphen of the text"
      % (checked, widest[0] / SPACE, hyphenated, compounds))
EOF
# typo NAME FILE.pdf LIMIT: passes when typo.py finds no fault ($T/typo.out)
typo() {
    $PY "$T/typo.py" "$2" "$3" $AIGC "$HYPH_DICT" >"$T/typo.out" 2>>"$T/readers.err"
    if [ "$(grep -c . "$T/typo.out")" = 1 ] && grep -q '^checked ' "$T/typo.out"; then
        ok "$1 ($(sed 's/^checked //' "$T/typo.out"))"; else fail "$1" "$(head -c 600 "$T/typo.out" | tr '\n' '|')"; fi
}
typo "aigc en: justified lines widen their spaces to 2x at most, every hyphen a dictionary split" "$PDF" 2.0
cut=$(sed -n 's/.* \([0-9]*\) words cut with a hyphen.*/\1/p' "$T/typo.out")
if [ "${cut:-0}" -ge 1 ]; then ok "aigc en: $cut words cut with a hyphen"; else
    fail "aigc en: some words cut with a hyphen" "$(cat "$T/typo.out")"; fi
# On US Letter one paragraph cannot be set within 2x at all ("Alliances
# are ..."): the fit takes the least loose lines there, and the check the
# bound it reaches.
typo "aigc letter: spaces 2.25x at most, every hyphen a dictionary split" "$T/letter/aigc-foundation-models.pdf" 2.25
# Without a dictionary: one warning, no word cut, and the report is made.
$MKP render $AIGC $P -f pdf -o "$T/nohy" -O pdf.hyphen-dict="$T/no-such.dic" 2>"$T/nohy.err"
expect_eq "no hyphenation dictionary: renders" "$?" 0
expect_eq "no hyphenation dictionary: one warning" "$(grep -c 'warning: .*hyphenation' "$T/nohy.err")" 1
expect_grep "no hyphenation dictionary: the warning names the file" "$T/nohy.err" \
    "^marketpress: pdf: .*warning: cannot read the hyphenation dictionary .*no-such.dic \(option hyphen-dict\): English is set without hyphenation$"
$PY "$T/typo.py" "$T/nohy/aigc-foundation-models.pdf" 99 $AIGC "$HYPH_DICT" >"$T/typo.out" 2>>"$T/readers.err"
expect_grep "no hyphenation dictionary: no word cut" "$T/typo.out" ' 0 words cut with a hyphen'
# Chinese: no line starts with closing punctuation, none ends with opening.
pdftotext "$ZH" - 2>>"$T/readers.err" >"$T/zhlines"
expect_eq "aigc zh-CN: no line starts with closing punctuation" \
    "$(grep -cE '^(，|。|、|；|：|）|！|？|」|』|】|》|”|’|…|%)' "$T/zhlines")" 0
expect_eq "aigc zh-CN: no line ends with opening punctuation" "$(grep -cE '(（|「|『|【|《|“|‘)$' "$T/zhlines")" 0
# No range of years cut after its dash, in either language.
for f in "$PDF" "$ZH"; do
    pdftotext "$f" - 2>>"$T/readers.err" >"$T/rlines"
    expect_eq "$(basename "$f" .pdf): no line ends inside a range of years" \
        "$(grep -cE '(19|20)[0-9]{2}[-–—]$' "$T/rlines")" 0
done

# A cover title of two lines has two of a length, never its last word
# alone: "AIGC Foundation" / "Models Market".
pdftotext -f 1 -l 1 "$PDF" "$T/cover.txt" 2>>"$T/readers.err"
expect_grep "cover title balanced over its lines" "$T/cover.txt" '^Models Market$'
expect_no_grep "no word alone on the cover title's last line" "$T/cover.txt" '^Market$'

# What the readers said while reading: poppler, mutool and qpdf warn about
# a broken font map, a bad object or a damaged stream.  (mutool's own
# "ICC support is not available" is about how mutool was built.)
grep -v '^warning: ICC support is not available$' "$T/readers.err" | sort | uniq -c >"$T/readers.said"
if [ -s "$T/readers.said" ]; then fail "the readers read every PDF without a warning" "$(head -c 400 "$T/readers.said")"
else ok "the readers read every PDF without a warning"; fi
