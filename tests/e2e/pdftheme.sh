#!/bin/sh
# tests/e2e/pdftheme.sh - the pdf plugin applies the house style
# (docs/themes.md), read back with real readers: the logo on the cover and
# in every running head (pdfimages), the theme's font families (pdffonts),
# its footer on every page but the cover (pdftotext), its colours in the
# content streams (mutool), the three cover layouts in English and Chinese
# on A4 and Letter with their foot left clear (pdftoppm), and the default
# theme giving the bytes of no theme at all.
. tests/lib.sh
: >"$T/readers.err"
PY=/usr/bin/python3
P="-P $BUILD/lib/marketpress/plugins"
HARBOUR=themes/harbour.yaml
EMBER=themes/ember.yaml

# render NAME OUT ARGS...: the pdf of $AIGC in every language it has.
render() {
    name=$1 out=$2
    shift 2
    check "$name: renders" $MKP render $AIGC $P -f pdf --lang all -o "$out" --no-fsync -q "$@"
}
pages() { pdfinfo "$1" 2>>"$T/readers.err" | sed -n 's/^Pages: *//p'; }

# op HEX OPERATOR: the colour operator libharu writes for #RRGGBB, each
# channel /255 to five decimals, trailing zeros dropped ("1 1 1 rg").
op() {
    h=${1#\#}
    printf '%d %d %d\n' "0x$(echo "$h" | cut -c1-2)" "0x$(echo "$h" | cut -c3-4)" "0x$(echo "$h" | cut -c5-6)" |
        awk -v o="$2" '{
        s = ""
        for (i = 1; i <= 3; i++) {
            v = sprintf("%.5f", $i / 255)
            sub(/0+$/, "", v); sub(/\.$/, "", v)
            s = s v " "
        }
        print s o
    }'
}

render "harbour a4" "$T/h" --theme $HARBOUR
render "ember letter" "$T/e" --theme $EMBER -O pdf.paper=letter
render "no theme" "$T/none"
render "default theme" "$T/def" --theme themes/default.yaml
H=$T/h/aigc-foundation-models.pdf HZ=$T/h/aigc-foundation-models.zh-CN.pdf
E=$T/e/aigc-foundation-models.pdf EZ=$T/e/aigc-foundation-models.zh-CN.pdf

# ---- the default theme is no theme ----------------------------------------
for f in aigc-foundation-models.pdf aigc-foundation-models.zh-CN.pdf; do
    check "themes/default.yaml gives the bytes of no theme: $f" cmp "$T/none/$f" "$T/def/$f"
done
expect_eq "no theme: no image" "$(pdfimages -list "$T/none/aigc-foundation-models.pdf" 2>>"$T/readers.err" | tail -n +3 | wc -l)" 0

# ---- the logo: on the cover and in every running head ----------------------
for f in "$H" "$HZ"; do
    n=$(pages "$f")
    pdfimages -list "$f" 2>>"$T/readers.err" | tail -n +3 >"$T/img"
    expect_eq "$(basename "$f"): the PNG logo (780 x 200, its transparency a mask) on each of the $n pages" \
        "$(awk '$3 == "image" && $4 == 780 && $5 == 200 && $9 == "image" { print $1 }' "$T/img" | sort -un | wc -l)" "$n"
    expect_eq "$(basename "$f"): each logo has its soft mask" "$(awk '$3 == "smask" && $4 == 780' "$T/img" | wc -l)" "$n"
    expect_eq "$(basename "$f"): no other image" "$(awk '$4 != 780' "$T/img" | wc -l)" 0
done
check "harbour: the logo's mask is deflated (the file under 1 MB)" test "$(stat -c %s "$H")" -lt 1000000
for f in "$E" "$EZ"; do
    n=$(pages "$f")
    pdfimages -list "$f" 2>>"$T/readers.err" | tail -n +3 >"$T/img"
    expect_eq "$(basename "$f"): the JPEG logo (720 x 200) on each of the $n pages" \
        "$(awk '$3 == "image" && $4 == 720 && $5 == 200 && $9 == "jpeg" { print $1 }' "$T/img" | sort -un | wc -l)" "$n"
    expect_eq "$(basename "$f"): no other image" "$(awk '!($4 == 720 && $9 == "jpeg")' "$T/img" | wc -l)" 0
done

# ---- fonts: the theme's families, the options before them ------------------
fonts() { pdffonts "$1" 2>>"$T/readers.err" | tail -n +3 | awk '{ sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort -u; }
fonts "$H" >"$T/hf"
expect_grep "harbour: DejaVu Sans, the theme's body" "$T/hf" '^DejaVuSans,Book$'
expect_grep "harbour: its bold" "$T/hf" '^DejaVuSans-Bold,Bold$'
expect_no_grep "harbour: no serif face" "$T/hf" 'Serif'
fonts "$E" >"$T/ef"
expect_grep "ember: DejaVu Serif, the theme's body" "$T/ef" '^DejaVuSerif,Book$'
expect_grep "ember: DejaVu Sans Bold, the theme's headings" "$T/ef" '^DejaVuSans-Bold,Bold$'
expect_no_grep "ember: no regular sans face (headings only)" "$T/ef" '^DejaVuSans,Book$'
fonts "$EZ" >"$T/ezf"
expect_grep "ember zh-CN: the theme's body beside Chinese too" "$T/ezf" '^DejaVuSerif,Book$'
expect_grep "ember zh-CN: Droid Sans Fallback for Chinese" "$T/ezf" '^DroidSansFallback'
# Every font embedded and subset, the two-byte ones with a ToUnicode map.
for f in "$H" "$E" "$EZ"; do
    pdffonts "$f" 2>>"$T/readers.err" | tail -n +3 >"$T/fl"
    n=$(grep -c . "$T/fl")
    e=$(grep -E ' yes +yes +(yes|no) ' "$T/fl" | grep -cvE 'CID TrueType .* no +[0-9]+ +[0-9]+$')
    expect_eq "$(basename "$f"): all $n fonts embedded and subset" "$e" "$n"
done
# The heading family is text a reader can copy.
pdftotext -raw "$E" - 2>>"$T/readers.err" | tr -d ' \n' >"$T/e.txt"
check "ember: the headings set in the heading family read back" grep -qF 'ExecutiveSummary' "$T/e.txt"
check "ember: and a chapter title" grep -qF 'MarketbyModelType' "$T/e.txt"
render "harbour, typeface=serif" "$T/hs" --theme $HARBOUR -O pdf.typeface=serif
fonts "$T/hs/aigc-foundation-models.pdf" >"$T/hsf"
expect_grep "typeface=serif wins over the theme's sans" "$T/hsf" '^DejaVuSerif,Book$'
expect_no_grep "typeface=serif: no sans face left" "$T/hsf" 'DejaVuSans'
render "ember, font=DejaVu Sans Mono" "$T/em" --theme $EMBER -O "pdf.font=DejaVu Sans Mono"
fonts "$T/em/aigc-foundation-models.pdf" >"$T/emf"
expect_grep "font= wins over the theme's body" "$T/emf" '^DejaVuSansMono,Book$'
expect_no_grep "font= covers the headings too" "$T/emf" '^DejaVu(Sans|Serif)[,-]'

# ---- the footer: on every page but the cover -------------------------------
# footer_pages PDF TEXT: "pages-with pages-without-the-cover cover-has".
footer_pages() {
    want=$(printf '%s' "$2" | tr -d ' ')
    n=$(pages "$1") with=0 cover=0
    for p in $(seq 1 "$n"); do
        pdftotext -f "$p" -l "$p" "$1" - 2>>"$T/readers.err" | tr -d ' \n' >"$T/page.txt"
        if grep -qF -- "$want" "$T/page.txt"; then
            [ "$p" = 1 ] && cover=1 || with=$((with + 1))
        fi
    done
    echo "$with $((n - 1)) $cover"
}
expect_eq "harbour: its footer on every page but the cover" "$(footer_pages "$H" 'Harbour Analytics · independent market research' | awk '{ print ($1 == $2 && $3 == 0) }')" 1
expect_eq "harbour zh-CN: its Chinese footer on every page but the cover" "$(footer_pages "$HZ" '港湾分析 · 独立市场研究' | awk '{ print ($1 == $2 && $3 == 0) }')" 1
expect_eq "ember letter: its footer on every page but the cover" "$(footer_pages "$E" 'Ember Market Intelligence · forecasts with their reasons' | awk '{ print ($1 == $2 && $3 == 0) }')" 1
pdftotext -f 5 -l 5 "$H" - 2>>"$T/readers.err" | tr -d ' ' >"$T/p5.txt"
check "harbour: the copyright line and the page number stay in the foot" grep -q '©2026HarbourAnalyticsLtd' "$T/p5.txt"
check "harbour: page 5 of its pages" grep -q "^Page5of$(pages "$H")\$" "$T/p5.txt"

# ---- colours: the theme's operators, none of the default's ----------------
mutool show -b "$H" pages/1/Contents >"$T/h1.ops" 2>>"$T/readers.err"
check "harbour cover: primary #0B4F5C fills the sidebar ($(op '#0B4F5C' rg))" grep -qxF "$(op '#0B4F5C' rg)" "$T/h1.ops"
check "harbour cover: accent #B85C12" grep -qxF "$(op '#B85C12' rg)" "$T/h1.ops"
mutool show -b "$E" pages/1/Contents >"$T/e1.ops" 2>>"$T/readers.err"
check "ember cover: the title in primary #7A1F2B" grep -qxF "$(op '#7A1F2B' rg)" "$T/e1.ops"
mutool show -b "$T/none/aigc-foundation-models.pdf" pages/1/Contents >"$T/n1.ops" 2>>"$T/readers.err"
check "default cover: navy #1F3A5F" grep -qxF "$(op '#1F3A5F' rg)" "$T/n1.ops"
qpdf --qdf --object-streams=disable "$E" "$T/e.qdf" 2>>"$T/readers.err"
check "ember: table headers in header-fill #5C4742" grep -qxF "$(op '#5C4742' rg)" "$T/e.qdf"
check "ember: zebra rows #F6EFEA" grep -qxF "$(op '#F6EFEA' rg)" "$T/e.qdf"
qpdf --qdf --object-streams=disable "$H" "$T/h.qdf" 2>>"$T/readers.err"
left=
for c in 1F3A5F 2F7FB5 1E2430 5C6773 B7C0CA EEF2F6 D6E2EF 9DBCDD 0072B2 56B4E9; do
    for o in rg RG; do grep -qxF "$(op "#$c" $o)" "$T/h.qdf" && left="$left #$c $o"; done
done
expect_eq "harbour: not one colour of the default theme left in any page" "$left" ""

# ---- covers: three layouts, two languages, two papers ----------------------
# The theme files of the test: harbour's in each layout, beside its logo.
cp themes/harbour-logo.png themes/ember-logo.jpg "$T/"
for c in band sidebar plain; do sed "s/^cover: .*/cover: $c/" $HARBOUR >"$T/harbour-$c.yaml"; done
sed 's/^cover: .*/cover: band/' $EMBER >"$T/ember-band.yaml"
# clear PDF PAGE_HEIGHT: 1 when the cover's foot, 38 to 55 points up and
# 260 to 530 across, is white: where a licensed copy's line goes.
clear() {
    pdftoppm -r 72 -f 1 -l 1 -x 260 -y $(($2 - 55)) -W 270 -H 17 "$1" "$T/foot" 2>>"$T/readers.err"
    $PY -c '
import sys
d = open(sys.argv[1], "rb").read()
parts = d.split(maxsplit=4)   # P6 width height maxval pixels
print(int(parts[0] == b"P6" and len(parts[4]) == int(parts[1]) * int(parts[2]) * 3 and set(parts[4]) == {255}))
' "$T"/foot*.ppm
    rm -f "$T"/foot*.ppm
}
for c in band sidebar plain; do
    for paper in a4 letter; do
        render "cover $c $paper" "$T/c-$c-$paper" --theme "$T/harbour-$c.yaml" -O pdf.paper=$paper
        ph=842 && [ $paper = letter ] && ph=792
        for f in "$T/c-$c-$paper"/*.pdf; do
            l="$(basename "$f" .pdf) $c $paper"
            check "$l: qpdf --check" qpdf --check "$f"
            if mutool draw -q -r 20 -o "$T/m%d.png" "$f" 1 2>"$T/mu.err" && ! grep -qi error "$T/mu.err"; then
                ok "$l: mutool draws the cover"; else fail "$l: mutool draw" "$(head -c 300 "$T/mu.err")"; fi
            expect_eq "$l: the cover's foot is left clear" "$(clear "$f" $ph)" 1
        done
    done
done
# Each layout its own cover, and each theme: compared as rendered pixels.
for c in band sidebar plain; do pdftoppm -png -r 30 -f 1 -l 1 -singlefile "$T/c-$c-a4/aigc-foundation-models.pdf" "$T/cov-$c" 2>>"$T/readers.err"; done
pdftoppm -png -r 30 -f 1 -l 1 -singlefile "$T/none/aigc-foundation-models.pdf" "$T/cov-none" 2>>"$T/readers.err"
render "ember, band" "$T/eb" --theme "$T/ember-band.yaml"
pdftoppm -png -r 30 -f 1 -l 1 -singlefile "$T/eb/aigc-foundation-models.pdf" "$T/cov-eband" 2>>"$T/readers.err"
for pair in "band sidebar" "band plain" "sidebar plain" "none band" "band eband"; do
    set -- $pair
    if cmp -s "$T/cov-$1.png" "$T/cov-$2.png"; then fail "covers $1 and $2 differ" "the same pixels"; else ok "covers $1 and $2 differ"; fi
done
# The plain layout in the default colours is not the band.
sed 's/^cover: .*/cover: plain/' themes/default.yaml >"$T/plain-default.yaml"
render "default colours, plain cover" "$T/pd" --theme "$T/plain-default.yaml"
pdftoppm -png -r 30 -f 1 -l 1 -singlefile "$T/pd/aigc-foundation-models.pdf" "$T/cov-pd" 2>>"$T/readers.err"
if cmp -s "$T/cov-pd.png" "$T/cov-none.png"; then fail "a plain cover in the default colours is not the band" "same"; else
    ok "a plain cover in the default colours is not the band"; fi

# ---- a theme without a logo or a footer ------------------------------------
sed -e '/^logo:/d' -e '/^footer:/,/^  zh-CN:/d' $HARBOUR >"$T/bare.yaml"
render "harbour without logo and footer" "$T/bare" --theme "$T/bare.yaml"
expect_eq "no logo: no image" "$(pdfimages -list "$T/bare/aigc-foundation-models.pdf" 2>>"$T/readers.err" | tail -n +3 | wc -l)" 0
pdftotext -f 5 -l 5 "$T/bare/aigc-foundation-models.pdf" - 2>>"$T/readers.err" >"$T/bare5.txt"
expect_no_grep "no footer: the foot as before" "$T/bare5.txt" 'independent market research'

# ---- logos libharu cannot take: one error line, never a crash --------------
# A PNG whose compressed rows are damaged (its chunks intact), one of 16
# bits a channel with transparency, a JPEG cut short; and a palette PNG
# with a transparent entry, which embeds with its mask.
$PY - "$T" <<'PYEOF'
import struct, sys, zlib
t = sys.argv[1]
def chunk(k, d):
    return struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d) & 0xFFFFFFFF)
def png(name, w, h, ctype, depth, row, extra=b""):
    raw = b"".join(b"\0" + row(y) for y in range(h))
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, 0))
    open(f"{t}/{name}", "wb").write(head + extra + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
png("deep.png", 120, 40, 6, 16, lambda y: struct.pack(">HHHH", 1000, 2000, 3000, 65535) * 120)
png("palette.png", 120, 40, 3, 8, lambda y: bytes(x // 40 for x in range(120)),
    chunk(b"PLTE", bytes([11, 79, 92, 184, 92, 18, 255, 255, 255])) + chunk(b"tRNS", bytes([255, 255, 0])))
d = open("themes/harbour-logo.png", "rb").read()
at = d.index(b"IDAT") + 4 + 600              # inside the first IDAT's data
bad = bytearray(d[:at] + bytes(b ^ 0x5A for b in d[at:at + 400]) + d[at + 400:])
# the chunk's CRC made right again, so that only the compressed data is wrong
start = d.index(b"IDAT") - 4
n = struct.unpack(">I", d[start:start + 4])[0]
bad[start + 8 + n:start + 12 + n] = struct.pack(">I", zlib.crc32(bytes(bad[start + 4:start + 8 + n])) & 0xFFFFFFFF)
open(f"{t}/damaged.png", "wb").write(bytes(bad))
open(f"{t}/short.jpg", "wb").write(open("themes/ember-logo.jpg", "rb").read()[:3000])
PYEOF
for l in damaged.png deep.png short.jpg; do
    sed "s/^logo: .*/logo: $l/" $HARBOUR >"$T/bad-$l.yaml"
    $MKP render $AIGC $P -f pdf -o "$T/bad-$l" --no-fsync --theme "$T/bad-$l.yaml" >"$T/bad.out" 2>"$T/bad.err"
    expect_eq "logo $l: the render fails" "$?" 1
    expect_eq "logo $l: one error, naming the logo" "$(grep -c "error: cannot embed the theme's logo .*$l: " "$T/bad.err")" 1
    expect_no_grep "logo $l: no crash, nothing of libpng's own" "$T/bad.err" 'crashed|libpng (error|warning)'
    expect_no_file "logo $l: no PDF" "$T/bad-$l/aigc-foundation-models.pdf"
done
sed "s/^logo: .*/logo: palette.png/" $HARBOUR >"$T/palette.yaml"
render "a palette PNG with a transparent colour" "$T/pal" --theme "$T/palette.yaml"
pdfimages -list "$T/pal/aigc-foundation-models.pdf" 2>>"$T/readers.err" | awk 'NR > 2 && $1 == 1 { print $3, $4, $6 }' >"$T/pal.img"
expect_eq "the palette logo and its mask on the cover" "$(tr '\n' ' ' <"$T/pal.img")" "image 120 index smask 120 gray "
if mutool draw -q -r 20 -o "$T/pal%d.png" "$T/pal/aigc-foundation-models.pdf" 1-2 2>"$T/mu.err" && ! grep -qiE 'error|warning: [^I]' "$T/mu.err"; then
    ok "the palette logo: mutool draws it without a word"; else fail "the palette logo: mutool" "$(head -c 300 "$T/mu.err")"; fi

# ---- the same bytes every time ---------------------------------------------
render "harbour again" "$T/h2" --theme $HARBOUR
check "harbour: the same bytes twice" cmp "$H" "$T/h2/aigc-foundation-models.pdf"

grep -v '^warning: ICC support is not available$' "$T/readers.err" | sort | uniq -c >"$T/readers.said"
if [ -s "$T/readers.said" ]; then fail "the readers read every PDF without a warning" "$(head -c 400 "$T/readers.said")"
else ok "the readers read every PDF without a warning"; fi
