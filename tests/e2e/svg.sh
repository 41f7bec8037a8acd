# svg.sh - the svg plugin: one well-formed SVG per figure that librsvg
# renders, in English and Chinese, byte-identical across runs.
. tests/lib.sh
ID=aigc-foundation-models
D=$T/o/$ID-svg

"$MKP" render "$AIGC" -f svg -o "$T/o" 2>/dev/null
n_fig=$("$MKP" forecast "$AIGC" --json >/dev/null; ls "$D"/*.svg 2>/dev/null | wc -l)
expect_eq "22 figures, one SVG each" "$n_fig" 22
expect_file "market chart" "$D/01-market-size.svg"
expect_file "scenario comparison chart" "$D/22-scenario-comparison.svg"
bad=""
for f in "$D"/*.svg; do
    xmllint --noout "$f" 2>/dev/null || bad="$bad $(basename "$f"):xml"
    rsvg-convert -o "$T/x.png" "$f" 2>/dev/null || bad="$bad $(basename "$f"):rsvg"
    head -c 400 "$f" | grep -Eq 'width="[0-9.]+pt" height="[0-9.]+pt" viewBox="0 0 [0-9.]+ [0-9.]+"' ||
        bad="$bad $(basename "$f"):size"
done
expect_eq "every SVG is well-formed, renders and has width, height and viewBox" "$bad" ""

"$MKP" render "$AIGC" -f svg -o "$T/o2" 2>/dev/null
check "two renders are byte-identical" diff -r "$T/o/$ID-svg" "$T/o2/$ID-svg"
# In one process: three datasets, the AIGC one last, still the same bytes.
"$MKP" render datasets/edge-ai-chips.yaml datasets/industrial-robotics-services.yaml "$AIGC" -f svg -j 1 -o "$T/o3" 2>/dev/null
check "ids do not depend on what the process drew before" diff -r "$T/o/$ID-svg" "$T/o3/$ID-svg"

"$MKP" render "$AIGC" -f svg --lang zh-CN -o "$T/zh" -O svg.png=true -O svg.dpi=96 2>/dev/null
expect_eq "Chinese render: 22 SVGs" "$(ls "$T/zh/$ID-svg"/*.svg | wc -l)" 22
expect_eq "-O svg.png=true writes a PNG per figure" "$(ls "$T/zh/$ID-svg"/*.png | wc -l)" 22
check "PNG at the chosen DPI (720pt at 96 dpi = 960 px)" sh -c "file '$T/zh/$ID-svg/01-market-size.png' | grep -q '960 x'"
check_status "a bad dpi is refused" 2 "$MKP" render "$AIGC" -f svg -o "$T/bad" -O svg.dpi=5
check "plugin-check passes svg" "$MKP" plugin-check "$BUILD/lib/marketpress/plugins/svg.so"
