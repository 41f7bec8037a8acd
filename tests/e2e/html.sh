# html.sh - the html plugin in real readers: every dataset in every
# language it declares renders to one self-contained page that tidy
# validates, that fetches nothing, that headless Chromium (with no network)
# loads, shows, screenshots and prints; its DOM has every numbered table
# and figure, accessibly marked up, and the tables hold the numbers of
# host->table and of the PDF's tables (read back with pdftotext).
. tests/lib.sh
TP=$BUILD/tests/plugins
PY=/usr/bin/python3
for tool in chromium tidy qpdf pdftotext pdfinfo; do
    command -v $tool >/dev/null 2>&1 || fail "$tool is installed (sh .ci/bootstrap)" "not found"
done

. tests/chromium.sh

for ds in datasets/*.yaml; do
    "$MKP" render "$ds" --lang all -P "$TP" -f html,pdf,tables,svg -o "$T/o" -q 2>>"$T/render.err"
done
expect_eq "render: nothing on stderr" "$(cat "$T/render.err")" ""
n=$(ls "$T"/o/*.html | wc -l | tr -d ' ')
expect_eq "three datasets in five editions as html" "$n" 5

for h in "$T"/o/*.html; do
    b=${h%.html}
    name=$(basename "$h")
    lang=$(echo "$name" | sed -n 's/^[a-z0-9-]*\.\([A-Za-z-]*\)\.html$/\1/p')
    lang=${lang:-en}
    tidy -q -e "$h" >"$b.tidy" 2>&1
    st=$?
    if [ $st -eq 0 ] && [ ! -s "$b.tidy" ]; then ok "$name: tidy finds nothing"; else
        fail "$name: tidy" "exit $st: $(head -c 400 "$b.tidy")"; fi
    # Self-contained: no script, stylesheet, font or image from elsewhere;
    # the only external addresses are the publisher's own links, which
    # the dataset gives.
    expect_no_grep "$name: no script, no linked stylesheet, no import, no url()" "$h" \
        '<script|<link |@import|url\(|<img |<iframe|<object|<embed'
    grep -o 'src="[^"]*"' "$h" >"$b.src"
    expect_eq "$name: nothing has a src" "$(cat "$b.src")" ""
    grep -o 'href="[a-z]*:[^"]*"' "$h" | sed 's/^href="//; s/"$//' | grep -v '^mailto:' >"$b.urls"
    ds=datasets/$(echo "$name" | sed 's/\..*//').yaml
    stray=$(while read -r u; do grep -qF "$u" "$ds" || echo "$u"; done <"$b.urls")
    expect_eq "$name: every external link is one the dataset gives ($(wc -l <"$b.urls" | tr -d ' '))" "$stray" ""

    chromium_run "$b.dom" "$b.dom.err" --dump-dom "file://$h"
    st=$?
    expect_eq "$name: chromium --dump-dom exit status" "$st" 0
    expect_quiet "$name: chromium --dump-dom says nothing unexpected" "$b.dom.err"
    figs=$(ls "$b-svg"/*.svg | wc -l | tr -d ' ')
    $PY tests/e2e/html_check.py "$b.dom" "$lang" "$figs" "$b.tables" "$b.htables" >"$b.check" 2>&1
    expect_eq "$name: the DOM's tables, figures, links and lang ($figs figures): $(grep -c '^ok ' "$b.check") checks" \
        "$(grep -v '^ok ' "$b.check")" ""
    pdftotext -layout "$b.pdf" "$b.txt" 2>"$b.pdftotext.err"
    $PY tests/e2e/tables.py "$b.htables" "$b.txt" >"$b.pdfcheck" 2>&1
    expect_eq "$name: every table of the page reads so in the PDF ($(grep -c '^ok ' "$b.pdfcheck") tables)" \
        "$(grep -v '^ok ' "$b.pdfcheck")$(cat "$b.pdftotext.err")" ""

    chromium_run "$b.shot.out" "$b.shot.err" --window-size=1280,1400 --screenshot="$b.top.png" "file://$h"
    expect_quiet "$name: chromium --screenshot says nothing unexpected" "$b.shot.err"
    $PY - "$b.top.png" >"$b.top.check" <<'EOF'
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
colours = im.getcolors(1 << 24) or []
print("ok" if im.size == (1280, 1400) and len(colours) > 50 else "FAIL %s, %d colours" % (im.size, len(colours)))
EOF
    expect_eq "$name: the top of the page is drawn (cover, tiles)" "$(cat "$b.top.check")" ok
done

# The whole page at once, then a screenshot for every 1,400 pixels of it:
# headless Chromium paints nothing of a page scrolled to an anchor below
# its first screens, so the scroll positions are cut from one tall
# capture.  Each must show text or a chart in the column, down to the end.
for ed in aigc-foundation-models aigc-foundation-models.zh-CN; do
    chromium_run "$T/$ed.full.out" "$T/$ed.full.err" --window-size=1280,44000 --screenshot="$T/$ed.full.png" \
        "file://$T/o/$ed.html"
    expect_quiet "$ed: the full-page screenshot says nothing unexpected" "$T/$ed.full.err"
    $PY - "$T/$ed.full.png" >"$T/$ed.slices" <<'EOF'
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
w, h = im.size
desk = im.getpixel((2, h - 2))
end = max((y for y in range(0, h, 20) if im.getpixel((w // 2, y)) != desk), default=0)
blank = []
n = 0
for y in range(0, end - 200, 1400):
    n += 1
    column = im.crop((w // 2 - 400, y, w // 2 + 400, min(y + 1400, end)))
    if len(column.getcolors(1 << 24) or []) < 8:
        blank.append(y)
print("%d %s" % (n, blank))
EOF
    read -r slices blank <"$T/$ed.slices"
    expect_eq "$ed: $slices screenshots down the page, none blank" "$blank" "[]"
    [ "${slices:-0}" -gt 15 ] || fail "$ed: the page is as long as a report" "$slices screens"
done

# Printed: A4 pages, a valid PDF, the running footer, every figure.
for ed in aigc-foundation-models aigc-foundation-models.zh-CN; do
    chromium_run "$T/$ed.print.out" "$T/$ed.print.err" --no-pdf-header-footer --print-to-pdf="$T/$ed.print.pdf" \
        "file://$T/o/$ed.html"
    expect_quiet "$ed: chromium --print-to-pdf says nothing unexpected" "$T/$ed.print.err"
    check "$ed: the printed PDF passes qpdf --check" qpdf --check "$T/$ed.print.pdf"
    pdfinfo "$T/$ed.print.pdf" >"$T/$ed.info" 2>&1
    pages=$(sed -n 's/^Pages: *//p' "$T/$ed.info")
    chapters=$(grep -c 'class="chapter"' "$T/o/$ed.html")
    if [ "${pages:-0}" -gt $((chapters + 3)) ] && [ "${pages:-0}" -lt 120 ]; then
        ok "$ed: printed on $pages pages ($chapters chapters, each on a page of its own)"
    else fail "$ed: page count" "$pages pages for $chapters chapters"; fi
    expect_grep "$ed: A4 pages" "$T/$ed.info" '^Page size: *59[45](\.[0-9]+)? x 84[12](\.[0-9]+)? pts \(A4\)'
    pdftotext "$T/$ed.print.pdf" "$T/$ed.print.txt"
    footer=$(grep -c '© 2026 marketpress Research' "$T/$ed.print.txt")
    [ "$footer" -ge $((pages - 1)) ] && ok "$ed: the copyright line in the footer of every page but the cover" ||
        fail "$ed: running footer" "$footer lines for $pages pages"
done
expect_grep "English pages are numbered 'Page N of M'" "$T/aigc-foundation-models.print.txt" "^Page 3 of [0-9]+$"
expect_grep "Chinese pages are numbered in Chinese" "$T/aigc-foundation-models.zh-CN.print.txt" "^第3页，共[0-9]+页$"
