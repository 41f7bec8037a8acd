# htmltheme.sh - the html page in a house style, as a licensed copy and as
# the sample edition, in real readers: the default theme leaves the page
# as it always was, byte for byte; harbour's and ember's colours, fonts,
# logo (a data: URI of the logo file's own bytes) and cover are in the
# page; a licensed copy names its licensee on the cover, in its metadata
# and at the foot of every page Chromium prints, under its watermark; the
# sample shows what the host's in_sample() says and lists the rest.  In
# English and Chinese; tidy validates every page, Chromium loads,
# screenshots and prints it, pdftotext reads the print.
. tests/lib.sh
. tests/chromium.sh
PY=/usr/bin/python3
P="-P $BUILD/lib/marketpress/plugins -P $BUILD/tests/plugins"
ID=aigc-foundation-models
CHECK=tests/e2e/htmltheme_check.py
for tool in chromium tidy qpdf pdftotext pdfimages mutool base64; do
    command -v $tool >/dev/null 2>&1 || fail "$tool is installed (sh .ci/bootstrap)" "not found"
done
render() { # OUT ARGS...: the page and what the plugin is told, in both languages
    out=$1; shift
    $MKP render $AIGC $P --lang all -f html,copyinfo -o "$out" --no-fsync -q "$@" 2>>"$T/render.err"
}
results() { # NAME FILE: the checker's findings as one check
    expect_eq "$1 ($(grep -c '^ok ' "$2") checks)" "$(grep -v '^ok ' "$2")" ""
}
tidy_ok() { # NAME PAGE
    tidy -q -e "$2" >"$2.tidy" 2>&1
    st=$?
    if [ $st -eq 0 ] && [ ! -s "$2.tidy" ]; then ok "$1: tidy finds nothing"; else
        fail "$1: tidy" "exit $st: $(head -c 400 "$2.tidy")"; fi
}
# print NAME PAGE: Chromium's print of the page, checked; its text per page
# in PAGE.txt (pdftotext) and PAGE.mu (mutool, which keeps the rotated
# watermark's letters together on one line where pdftotext scatters them
# among the words they cross, and so splits those words too), its images
# in PAGE.images.  Debian's mutool
# is built without colour management and says so once for the ICC colours
# of Chromium's PDF ("warning: ICC support is not available"); any other
# word from a reader fails.
print() {
    chromium_run "$2.print.out" "$2.print.err" --no-pdf-header-footer --print-to-pdf="$2.pdf" "file://$2"
    expect_quiet "$1: chromium --print-to-pdf says nothing unexpected" "$2.print.err"
    check "$1: the printed PDF passes qpdf --check" qpdf --check "$2.pdf"
    pdftotext "$2.pdf" "$2.txt" 2>"$2.readers.err"
    pdfimages -list "$2.pdf" >"$2.images" 2>>"$2.readers.err"
    mutool draw -q -F txt -o "$2.mu" "$2.pdf" 2>"$2.mu.err"
    grep -v '^warning: ICC support is not available$' "$2.mu.err" >>"$2.readers.err"
    expect_eq "$1: pdftotext, pdfimages and mutool say nothing else on stderr" "$(cat "$2.readers.err")" ""
}
# every_page NAME FILE TEXT [FROM]: TEXT on every page of a reader's FILE
# (pages split at form feeds), from page FROM (1); spaces are not compared,
# as a reader may or may not put one between the words of two boxes.
every_page() {
    $PY - "$2" "$3" "${4:-1}" >"$2.every" <<'EOF'
import sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")[:-1]
first = int(sys.argv[3])
text = "".join(sys.argv[2].split())
missing = [i + 1 for i, p in enumerate(pages) if i + 1 >= first and text not in "".join(p.split())]
print("%d %s" % (len(pages), missing))
EOF
    read -r n missing <"$2.every"
    if [ "${n:-0}" -gt 3 ] && [ "$missing" = "[]" ]; then ok "$1 (pages ${4:-1}-$n)"; else
        fail "$1" "$n pages, missing on $missing"; fi
}

# ---- the default theme: the page of before themes, byte for byte -------------
render "$T/plain"
render "$T/default" --theme default
render "$T/plain-sans" -O html.typeface=sans
render "$T/default-sans" -O html.typeface=sans --theme themes/default.yaml
for ed in $ID $ID.zh-CN; do
    check "$ed: --theme default writes the page of no theme" cmp "$T/plain/$ed.html" "$T/default/$ed.html"
    check "$ed: and so with html.typeface=sans" cmp "$T/plain-sans/$ed.html" "$T/default-sans/$ed.html"
    css=tests/fixtures/html/default-style.css
    [ $ed = $ID.zh-CN ] && css=tests/fixtures/html/default-style.zh-CN.css
    $PY $CHECK style "$T/default/$ed.html" >"$T/$ed.css"
    check "$ed: the default theme's stylesheet is the one of before themes, byte for byte" cmp "$css" "$T/$ed.css"
done
expect_no_grep "the default page has no logo, licence line, watermark or sample" "$T/default/$ID.html" \
    '<img |licence-line|class="watermark"|marketpress-|in-full'

# ---- harbour, licensed, with a watermark ---------------------------------------
render "$T/h" --theme harbour --licensee "Acme Corp" --licence-id L-1234 --seats 1 --licence-date 2026-11-30 \
    --watermark "Acme internal use"
D=$T/h/$ID/acme-corp
for ed in $ID $ID.zh-CN; do
    h=$D/$ed.html
    line=$(sed -n 's/^licence line: //p' "$D/$ed.copyinfo")
    expect_eq "$ed: the host's licence line" "$([ -n "$line" ] && echo yes)" yes
    tidy_ok "harbour $ed" "$h"
    expect_grep "$ed: the page's colours are harbour's" "$h" \
        '^:root\{--navy:#0b4f5c;--accent:#b85c12;--text:#1b2a30;--muted:#56666b;--rule:#b5c3c6;--shade:#eaf2f3;--sans:"DejaVu Sans","Droid Sans Fallback",'
    expect_grep "$ed: its body font first in the body's stack, the old ones after it" "$h" \
        '^:root\{--body:"DejaVu Sans","DejaVu Serif",Georgia,"Droid Sans Fallback","Noto Serif CJK SC",serif\}$'
    expect_grep "$ed: tints of harbour's colours, not the default's" "$h" \
        '^\.cover \.kind\{.*color:#e2ab8c;'
    expect_grep "$ed: the sidebar cover" "$h" '<header class="cover-page cover-sidebar" id="top">'
    $PY $CHECK logo "$h" image/png "$h.b64" >"$h.logo"
    results "$ed: the logo on the cover and at the head of the printed pages" "$h.logo"
    check "$ed: the data: URI decodes to the bytes of harbour-logo.png" sh -c \
        "base64 -d <'$h.b64' | cmp - themes/harbour-logo.png"
    alt=$(sed -n 's/^publisher: //p' "$D/$ed.copyinfo")
    $PY $CHECK copy "$h" "Acme Corp" "$line" "Acme internal use" "$alt" >"$h.copy"
    results "$ed: the licensed copy's metadata, licence lines, watermark and logo" "$h.copy"
    foot=$(sed -n 's/^footer: //p' "$D/$ed.copyinfo")
    expect_grep "$ed: the theme's footer in the colophon" "$h" "<p class=\"house-footer\"[^>]*>$foot</p>"

    chromium_run "$h.dom" "$h.dom.err" --dump-dom "file://$h"
    expect_quiet "$ed: chromium --dump-dom says nothing unexpected" "$h.dom.err"
    $PY $CHECK copy "$h.dom" "Acme Corp" "$line" "Acme internal use" "$alt" >"$h.domcopy"
    results "$ed: and so in the DOM Chromium built" "$h.domcopy"
    chromium_run "$h.shot.out" "$h.shot.err" --window-size=1280,1400 --screenshot="$h.png" "file://$h"
    expect_quiet "$ed: chromium --screenshot says nothing unexpected" "$h.shot.err"
    print "$ed" "$h"
    every_page "$ed: the licence line on every printed page (the cover's facts, then the foot)" "$h.mu" "$line"
    every_page "$ed: the watermark over every printed page" "$h.mu" "Acme internal use"
    every_page "$ed: the theme's footer on every page but the cover" "$h.txt" "$foot" 2
    $PY - "$h.images" >"$h.logos" <<'EOF'
import sys
rows = [l.split() for l in open(sys.argv[1]).read().splitlines()[2:]]
pages = sorted({int(r[0]) for r in rows})
print(pages == list(range(1, max(pages) + 1)) and all(r[3:5] == ["780", "200"] for r in rows))
EOF
    expect_eq "$ed: the logo (780x200) printed on every page" "$(cat "$h.logos")" True
done

# ---- ember, the sample edition -----------------------------------------------
render "$T/e" --theme ember --edition sample
render "$T/ef" --theme ember
D=$T/e/$ID/sample
for ed in $ID $ID.zh-CN; do
    h=$D/$ed.html
    mark="in the full report"; sample=SAMPLE
    [ $ed = $ID.zh-CN ] && { mark="见完整报告"; sample="样本"; }
    tidy_ok "ember sample $ed" "$h"
    tidy_ok "ember full $ed" "$T/ef/$ed.html"
    expect_grep "$ed: the plain cover" "$h" '<header class="cover-page cover-plain" id="top">'
    expect_grep "$ed: ember's colours" "$h" '^:root\{--navy:#7a1f2b;--accent:#a63d2f;--text:#2b2220;--muted:#5e5350;'
    expect_grep "$ed: ember's table header, not its primary" "$h" '^thead th\{background:#5c4742;color:#fff;'
    $PY $CHECK logo "$h" image/jpeg "$h.b64" >"$h.logo"
    results "$ed: the JPEG logo" "$h.logo"
    check "$ed: the data: URI decodes to the bytes of ember-logo.jpg" sh -c \
        "base64 -d <'$h.b64' | cmp - themes/ember-logo.jpg"
    figs=$(sed -n 's/^sample figures: *//p' "$D/$ed.copyinfo")
    order=$(sed -n 's/^order: //p' "$D/$ed.copyinfo")
    chromium_run "$h.dom" "$h.dom.err" --dump-dom "file://$h"
    expect_quiet "$ed: chromium --dump-dom says nothing unexpected" "$h.dom.err"
    chromium_run "$h.fdom" "$h.fdom.err" --dump-dom "file://$T/ef/$ed.html"
    expect_quiet "$ed: the full edition too" "$h.fdom.err"
    $PY $CHECK sample "$h.dom" "$h.fdom" "$figs" "$order" "$mark" >"$h.sample"
    results "$ed: the sample's contents, figures ($figs), summary and call to order" "$h.sample"
    expect_grep "$ed: the sample says so on its cover" "$h" '<p class="edition-mark"'
    expect_grep "$ed: and the watermark is the host's word for a sample" "$h" \
        "<div class=\"watermark\" aria-hidden=\"true\">$sample</div>"
    chromium_run "$h.shot.out" "$h.shot.err" --window-size=1280,1400 --screenshot="$h.png" "file://$h"
    expect_quiet "$ed: chromium --screenshot says nothing unexpected" "$h.shot.err"
    print "$ed" "$h"
    every_page "$ed: $sample over every printed page" "$h.mu" "$sample"
done

# ---- the covers, as a reader sees them ----------------------------------------
# Harbour's column is its primary colour down the left of the sheet, the
# watermark lies over the cover; ember's cover is white, its title in its
# primary colour.
$PY - "$T/h/$ID/acme-corp/$ID.html.png" "$T/e/$ID/sample/$ID.html.png" >"$T/covers" <<'EOF'
import sys
from PIL import Image
h = Image.open(sys.argv[1]).convert("RGB")
e = Image.open(sys.argv[2]).convert("RGB")
found = []
found.append(h.size == (1280, 1400) and e.size == (1280, 1400))
found.append(h.getpixel((150, 300)) == (0x0B, 0x4F, 0x5C))        # the column, below the logo
found.append(e.getpixel((640, 30)) == (255, 255, 255))             # the plain cover
found.append((0x7A, 0x1F, 0x2B) in {c for _, c in e.crop((150, 250, 900, 380)).getcolors(1 << 24)})
found.append(len(h.getcolors(1 << 24)) > 200 and len(e.getcolors(1 << 24)) > 200)
print(found)
EOF
expect_eq "screenshots: harbour's column, ember's white cover and title, both drawn" "$(cat "$T/covers")" \
    "[True, True, True, True, True]"
expect_eq "render: nothing on stderr" "$(cat "$T/render.err")" ""
