# sdk.sh - the host's fonts and SVG (ABI 1.2) as a plugin with no font
# machinery of its own uses them (tests/plugins/sdksvg.c): its SVG of every
# figure is the svg plugin's file byte for byte, sound for xmllint and
# librsvg, and inlinable (role="img", a title, ids with a prefix); laying
# out with its own measure, as in ABI 1.1, still works.
. tests/lib.sh
TP=$BUILD/tests/plugins
ID=aigc-foundation-models
PY=/usr/bin/python3

# Every SVG in folder $1 is well-formed, renders with librsvg and declares
# its size; prints the names of those that do not.
bad_svgs() {
    for f in "$1"/*.svg; do
        { xmllint --noout "$f" >"$T/x.err" 2>&1 && [ ! -s "$T/x.err" ]; } || printf ' %s:xml' "$(basename "$f")"
        { rsvg-convert -o "$T/x.png" "$f" 2>"$T/x.err" && [ ! -s "$T/x.err" ]; } || printf ' %s:rsvg' "$(basename "$f")"
    done
}

# same_svgs A B: the names of A's SVGs that B lacks or has other bytes in.
same_svgs() {
    for f in "$1"/*.svg; do cmp -s "$f" "$2/$(basename "$f")" || printf ' %s' "$(basename "$f")"; done
}

for lang in en zh-CN; do
    sfx=$([ $lang = en ] && echo "" || echo ".$lang")
    "$MKP" render "$AIGC" -P "$TP" -f svg,sdksvg --lang $lang -o "$T/o" 2>"$T/$lang.err"
    S=$T/o/$ID$sfx-svg
    K=$T/o/$ID$sfx-sdksvg
    expect_eq "$lang: the plugin wrote an SVG per figure" "$(ls "$K"/*.svg 2>/dev/null | wc -l)" 22
    expect_eq "$lang: each is the svg plugin's file byte for byte" "$(same_svgs "$S" "$K")" ""
    expect_eq "$lang: xmllint and librsvg read each without a word" "$(bad_svgs "$K")" ""
    expect_no_grep "$lang: no warning" "$T/$lang.err" 'warning'
done

K=$T/o/$ID-sdksvg
F=$K/01-market-size.svg
expect_eq "the root is role=img" "$(xmllint --xpath 'string(/*/@role)' "$F" 2>&1)" img
expect_eq "its aria-label is the figure's caption" "$(xmllint --xpath 'string(/*/@aria-label)' "$F" 2>&1)" \
    "Figure 1: AIGC Foundation Models Market size, 2025–2032"
check "and so is its <title>" $PY tests/e2e/svg_check.py structure "$K" en
expect_eq "value labels keep their class and data-value" \
    "$(xmllint --xpath 'count(//*[@class="value-label"][@data-value][@data-series][@data-category])' "$F" 2>&1)" \
    "$(xmllint --xpath 'count(//*[@class="value-label"])' "$F" 2>&1)"

# The host's measure: "Market" in DejaVu Sans, Chinese in the CJK face
# (Droid Sans Fallback's ideographs are 1 em: 20 pt for two at 10 pt).
expect_grep "measure: Chinese falls back to the CJK face, 1 em an ideograph" "$K/measure.txt" \
    '^市场	20\.000000	2	2$'
expect_grep "measure: a Latin word in the regular face" "$K/measure.txt" '^Market	[0-9.]+	6	0$'
expect_grep "font_file: the CJK face emboldened for bold" "$K/measure.txt" '^face 3	.+	[0-9]+	1$'

# An id prefix for a page that inlines several charts.
"$MKP" render "$AIGC" -P "$TP" -f sdksvg -O sdksvg.id-prefix=fig1- -o "$T/p" 2>"$T/p.err"
P=$T/p/$ID-sdksvg
expect_eq "id-prefix: every id starts with it" \
    "$(xmllint --xpath 'count(//@id[not(starts-with(., "fig1-"))])' "$P/01-market-size.svg" 2>&1)" 0
check "id-prefix: ids unique, every reference defined" $PY tests/e2e/svg_check.py structure "$P" en
expect_eq "id-prefix: sound for xmllint and librsvg" "$(bad_svgs "$P")" ""

# ABI 1.1: chart_layout with the plugin's own measure.
"$MKP" render "$AIGC" -P "$TP" -f sdksvg -O sdksvg.own-measure=true -o "$T/own" 2>"$T/own.err"
W=$T/own/$ID-sdksvg
expect_eq "own measure: an SVG per figure" "$(ls "$W"/*.svg 2>/dev/null | wc -l)" 22
expect_eq "own measure: sound for xmllint and librsvg" "$(bad_svgs "$W")" ""
check "own measure: laid out with other widths than the host's" \
    sh -c "! cmp -s '$K/02-model-type-by-year.svg' '$W/02-model-type-by-year.svg'"
check "plugin-check passes sdksvg" "$MKP" plugin-check "$TP/sdksvg.so"
