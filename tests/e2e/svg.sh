# svg.sh - the svg plugin: one well-formed SVG per figure that librsvg
# renders, in English and Chinese, byte-identical across runs.
. tests/lib.sh
ID=aigc-foundation-models
D=$T/o/$ID-svg

# Every SVG in folder $1 is well-formed, renders with librsvg and declares
# its size; prints the names of those that do not.
bad_svgs() {
    for f in "$1"/*.svg; do
        # a reader's warning is a failure too, not only its exit status
        { xmllint --noout "$f" >"$T/x.err" 2>&1 && [ ! -s "$T/x.err" ]; } || printf ' %s:xml' "$(basename "$f")"
        { rsvg-convert -o "$T/x.png" "$f" 2>"$T/x.err" && [ ! -s "$T/x.err" ]; } || printf ' %s:rsvg' "$(basename "$f")"
        head -c 400 "$f" | grep -Eq 'width="[0-9.]+pt" height="[0-9.]+pt" viewBox="0 0 [0-9.]+ [0-9.]+"' ||
            printf ' %s:size' "$(basename "$f")"
    done
}

# PNG width in pixels, from the IHDR chunk.
png_width() {
    python3 -c 'import struct,sys; print(struct.unpack(">I", open(sys.argv[1], "rb").read()[16:20])[0])' "$1"
}

"$MKP" render "$AIGC" -f svg -o "$T/o" 2>/dev/null
expect_eq "22 figures, one SVG each" "$(ls "$D"/*.svg 2>/dev/null | wc -l)" 22
expect_file "market chart" "$D/01-market-size.svg"
expect_file "scenario comparison chart" "$D/22-scenario-comparison.svg"
expect_eq "every SVG is well-formed, renders and has width, height and viewBox" "$(bad_svgs "$D")" ""
expect_no_grep "glyphs are paths, never <text>" "$D/01-market-size.svg" '<text'
PY=/usr/bin/python3
check "ids unique, references defined, titled 'Figure N:', no <text>" $PY tests/e2e/svg_check.py structure "$D" en
market=$("$MKP" forecast --csv "$AIGC" | awk -F, '$1 == "market" {printf "%s%.2f", sep, $3; sep = ","}')
check "the market chart's texts read the model's values ($market)" \
    $PY tests/e2e/svg_check.py labels "$D/01-market-size.svg" "$market,CAGR 2025–2032: 9.43%"

"$MKP" render "$AIGC" -f svg -o "$T/o2" 2>/dev/null
check "two renders are byte-identical" diff -r "$T/o/$ID-svg" "$T/o2/$ID-svg"
# In one process: three datasets, the AIGC one last, still the same bytes.
"$MKP" render datasets/edge-ai-chips.yaml datasets/industrial-robotics-services.yaml "$AIGC" -f svg -j 1 -o "$T/o3" \
    2>/dev/null
check "ids do not depend on what the process drew before" diff -r "$T/o/$ID-svg" "$T/o3/$ID-svg"
expect_eq "the other datasets' SVGs are sound too" \
    "$(bad_svgs "$T/o3/edge-ai-chips-svg")$(bad_svgs "$T/o3/industrial-robotics-services-svg")" ""

Z=$T/zh/$ID.zh-CN-svg
"$MKP" render "$AIGC" -f svg --lang zh-CN -o "$T/zh" -O svg.png=true -O svg.dpi=96 2>/dev/null
expect_eq "Chinese render: 22 SVGs" "$(ls "$Z"/*.svg | wc -l)" 22
expect_eq "Chinese SVGs are well-formed and render" "$(bad_svgs "$Z")" ""
check "Chinese SVGs: ids, references, titled '图N：'" $PY tests/e2e/svg_check.py structure "$Z" zh-CN
check "Chinese charts differ from the English ones" sh -c "! cmp -s '$D/01-market-size.svg' '$Z/01-market-size.svg'"
expect_eq "-O svg.png=true writes a PNG per figure" "$(ls "$Z"/*.png | wc -l)" 22
expect_eq "PNG at the chosen DPI (720pt at 96 dpi = 960 px)" "$(png_width "$Z/01-market-size.png")" 960
"$MKP" render "$AIGC" -f svg -o "$T/big" -O svg.width=1000 -O svg.height=600 2>/dev/null
expect_grep "svg.width and svg.height set the canvas" "$T/big/$ID-svg/01-market-size.svg" \
    'width="1000pt" height="600pt" viewBox="0 0 1000 600"'
# The text the plugin sets itself sits where cairo sets it in the PNG.
"$MKP" render "$AIGC" -f svg -o "$T/px" -O svg.png=true -O svg.dpi=72 2>/dev/null
check "each SVG drawn by librsvg matches cairo's PNG of it" $PY tests/e2e/svg_check.py pixels "$T/px/$ID-svg"
"$MKP" render "$AIGC" -f svg --lang zh-CN -o "$T/pxz" -O svg.png=true -O svg.dpi=72 2>/dev/null
check "and so in Chinese" $PY tests/e2e/svg_check.py pixels "$T/pxz/$ID.zh-CN-svg"
check_status "a bad dpi is refused" 2 "$MKP" render "$AIGC" -f svg -o "$T/bad" -O svg.dpi=5

# Fonts through fontconfig, with the pdf plugin's rules.
check_status "svg.font=unknown family: exit 1" 1 "$MKP" render "$AIGC" -f svg -o "$T/nofont" \
    -O svg.font="No Such Family"
expect_eq "svg.font=unknown family: one line naming it" \
    "$(grep -c "^marketpress: svg: .*error: .*'No Such Family'.*fc-list" "$T/.err")" 1
expect_eq "svg.font=unknown family: nothing written" "$(ls -A "$T/nofont" 2>/dev/null)" ""
check_status "svg.cjk-font=unknown family: exit 1" 1 "$MKP" render "$AIGC" -f svg -o "$T/nocjk" \
    -O svg.cjk-font="No Such CJK"
expect_grep "svg.cjk-font=unknown family: named" "$T/.err" "error: .*'No Such CJK' \(option cjk-font\)"
"$MKP" render "$AIGC" -f svg -o "$T/serif" -O svg.font="DejaVu Serif" 2>/dev/null
expect_eq "svg.font=DejaVu Serif: 22 SVGs" "$(ls "$T/serif/$ID-svg"/*.svg 2>/dev/null | wc -l)" 22
check "svg.font=DejaVu Serif: other glyphs than DejaVu Sans" \
    sh -c "! cmp -s '$D/01-market-size.svg' '$T/serif/$ID-svg/01-market-size.svg'"
# A fontconfig setup with DejaVu Serif alone (regular and bold): the same
# files give the same bytes, and the default family is missing.
mkdir -p "$T/serif-only"
for style in Book Bold; do cp "$(fc-match -f '%{file}' "DejaVu Serif:style=$style")" "$T/serif-only/"; done
{
    echo '<?xml version="1.0"?>'
    echo '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
    echo "<fontconfig><dir>$T/serif-only</dir><cachedir>$T/fc-cache</cachedir></fontconfig>"
} >"$T/serif-only.conf"
FONTCONFIG_FILE=$T/serif-only.conf "$MKP" render "$AIGC" -f svg -o "$T/so" -O svg.font="DejaVu Serif" 2>"$T/so.err"
check "svg.font=DejaVu Serif is that family: the same SVGs from a folder of it alone" \
    diff -r "$T/serif/$ID-svg" "$T/so/$ID-svg"
expect_eq "svg.font=DejaVu Serif: no warning" "$(grep -c '^marketpress: svg: .*warning' "$T/so.err")" 0
check_status "DejaVu Sans missing: exit 1" 1 env FONTCONFIG_FILE="$T/serif-only.conf" "$MKP" render "$AIGC" -f svg \
    -o "$T/nosans"
expect_grep "DejaVu Sans missing: the error names the family and the package" "$T/.err" \
    '^marketpress: svg: .*error: font DejaVu Sans not found .*fonts-dejavu-core'
FONTCONFIG_FILE=$T/serif-only.conf "$MKP" render "$AIGC" -f svg -o "$T/soz" --lang zh-CN -O svg.font="DejaVu Serif" \
    2>"$T/soz.err"
expect_eq "no CJK font: 22 SVGs still" "$(ls "$T/soz/$ID.zh-CN-svg"/*.svg 2>/dev/null | wc -l)" 22
expect_eq "no CJK font: one warning, naming the package" \
    "$(grep -c 'warning: no TrueType font for Chinese: .*fonts-droid-fallback.*boxes' "$T/soz.err")" 1
expect_no_file "fontconfig's caches are not written" "$T/fc-cache"
check "plugin-check passes svg" "$MKP" plugin-check "$BUILD/lib/marketpress/plugins/svg.so"
