# xlsxtheme.sh - the workbook and the SVG charts in a house style and as
# copies, read back with openpyxl, unzip, xmllint and librsvg: the theme's
# header, zebra, title and chart colours and its font; a licensed copy's
# properties, Summary line, printed header (the logo) and footer, and its
# protection; the sample edition's sheets, rows and charts; the SVGs'
# colours, fonts, licence metadata and sample set; the same bytes twice.
. tests/lib.sh
PY=/usr/bin/python3
CHECK=tests/e2e/xlsxtheme_check.py
P="-P $BUILD/lib/marketpress/plugins"
ID=aigc-foundation-models
LIC="Licensed to Acme & Co, licence L-1234, 5 users"
COPY="--licensee=Acme & Co"
export MARKETPRESS_OWNER_PASSWORD=owner-secret
: >"$T/readers.err"

# py LABEL CHECK ARGS...: the checker prints its own ok/not ok lines.
py() {
    name=$1; shift
    "$PY" "$CHECK" "$name" "$@" 2>"$T/.pyerr" || fail "$name" "checker failed: $(tail -c 400 "$T/.pyerr")"
}

# render OUT ARGS...: the AIGC dataset; every word on stderr is a failure.
render() {
    out=$1; shift
    "$MKP" render $P "$AIGC" -o "$out" --no-fsync -q "$@" >/dev/null 2>"$T/.render" &&
        { [ ! -s "$T/.render" ] || { cat "$T/.render"; false; }; }
}

# ---- the house style ---------------------------------------------------------
check "render the workbook without a theme" render "$T/none" -f xlsx
py "no theme" style "$T/none/$ID.xlsx" themes/default.yaml en
py "no theme" open "$T/none/$ID.xlsx" themes/default.yaml
check "with themes/default.yaml" render "$T/deflt" -f xlsx --theme themes/default.yaml
check "themes/default.yaml: the same bytes as no theme" cmp "$T/none/$ID.xlsx" "$T/deflt/$ID.xlsx"
for t in harbour ember; do
    check "render the workbook in $t" render "$T/$t" -f xlsx,svg --theme "themes/$t.yaml"
    py "$t" style "$T/$t/$ID.xlsx" "themes/$t.yaml" en
    py "$t" open "$T/$t/$ID.xlsx" "themes/$t.yaml"
done
check "render the Chinese workbook in harbour" render "$T/hzh" -f xlsx --theme themes/harbour.yaml --lang zh-CN
py "harbour zh-CN" style "$T/hzh/$ID.zh-CN.xlsx" themes/harbour.yaml zh-CN

# ---- a licensed copy -----------------------------------------------------------
L="$ID/acme-co/$ID"
check "render a licensed, protected copy" render "$T/lic" -f xlsx,svg --theme harbour "$COPY" --licence-id L-1234 \
    --seats 5 --licence-date 2026-01-15 --permissions print
py "licensed, protected" copy "$T/lic/$L.xlsx" themes/harbour.yaml "$LIC" 1
expect_eq "nothing but the workbook and the charts in the copy's folder" "$(ls "$T/lic/$ID/acme-co" | tr '\n' ' ')" \
    "$ID-svg $ID.xlsx "
unzip -p "$T/lic/$L.xlsx" xl/media/image1.png >"$T/logo.png" 2>>"$T/readers.err"
expect_eq "the header's logo is the theme's pixels" \
    "$($PY -c 'import struct,sys; print(struct.unpack(">II", open(sys.argv[1], "rb").read()[16:24]))' "$T/logo.png")" \
    "(780, 200)"
unzip -p "$T/lic/$L.xlsx" xl/drawings/vmlDrawing1.vml >"$T/hf.vml" 2>>"$T/readers.err"
expect_grep "and prints 0.45 inch tall (32.25 pt), not the 2 inches of its 96 dpi" "$T/hf.vml" 'height:32.25pt'
check "render it again" render "$T/lic2" -f xlsx --theme harbour "$COPY" --licence-id L-1234 --seats 5 \
    --licence-date 2026-01-15 --permissions print
check "a licensed copy: byte-identical twice" cmp "$T/lic/$L.xlsx" "$T/lic2/$L.xlsx"
check "render a licensed copy that is not protected" render "$T/lic3" -f xlsx --theme harbour "$COPY" \
    --licence-id L-1234 --seats 5 --licence-date 2026-01-15
py "licensed" copy "$T/lic3/$L.xlsx" themes/harbour.yaml "$LIC" 0
check "render a licensed copy that allows changes" render "$T/lic4" -f xlsx --theme harbour "$COPY" \
    --licence-id L-1234 --seats 5 --licence-date 2026-01-15 --permissions print,copy,modify
py "licensed, may be changed" copy "$T/lic4/$L.xlsx" themes/harbour.yaml "$LIC" 0
check "render a JPEG logo's licensed copy" render "$T/lic5" -f xlsx --theme ember "$COPY" --licence-id L-1234 \
    --seats 5 --licence-date 2026-01-15 --permissions none
py "ember licensed, protected" copy "$T/lic5/$L.xlsx" themes/ember.yaml "$LIC" 1
expect_eq "ember: the logo is a JPEG" "$(unzip -l "$T/lic5/$L.xlsx" 2>>"$T/readers.err" | grep -o 'xl/media/[^ ]*')" \
    "xl/media/image1.jpeg"

# ---- the sample edition -------------------------------------------------------
"$MKP" forecast "$AIGC" --json >"$T/f.json"
check "render the sample edition" render "$T/smp" -f xlsx,svg --theme harbour --edition sample
py "sample" sample "$T/smp/$ID/sample/$ID.xlsx" "$T/f.json" themes/harbour.yaml

# ---- the SVG charts ------------------------------------------------------------
py "harbour SVG" svgfills "$T/harbour/$ID-svg" themes/harbour.yaml
py "ember SVG" svgfills "$T/ember/$ID-svg" themes/ember.yaml
py "licensed SVG" svglicence "$T/lic/$ID/acme-co/$ID-svg" "$T/harbour/$ID-svg" "$LIC"
bad=""
for f in "$T/lic/$ID/acme-co/$ID-svg"/*.svg; do
    xmllint --noout "$f" 2>>"$T/readers.err" || bad="$bad $(basename "$f"):xml"
    rsvg-convert -o "$T/x.png" "$f" 2>>"$T/readers.err" || bad="$bad $(basename "$f"):rsvg"
done
expect_eq "licensed SVGs: well-formed, and librsvg draws them" "$bad" ""
py "sample SVG" svgsample "$T/harbour/$ID-svg" "$T/smp/$ID/sample/$ID-svg" "$T/f.json"
# The theme's font (ember: DejaVu Serif) unless -O svg.font names another.
check "render ember's SVGs with svg.font=DejaVu Serif" render "$T/serif" -f svg --theme ember -O "svg.font=DejaVu Serif"
check "ember's SVGs are set in its body font" diff -r "$T/ember/$ID-svg" "$T/serif/$ID-svg"
check "render ember's SVGs with svg.font=DejaVu Sans" render "$T/sans" -f svg --theme ember -O "svg.font=DejaVu Sans"
check "and -O svg.font wins over it" sh -c "! cmp -s '$T/ember/$ID-svg/01-market-size.svg' '$T/sans/$ID-svg/01-market-size.svg'"

# ---- printed, as LibreOffice lays the pages out -------------------------------
if command -v soffice >/dev/null 2>&1; then
    mkdir -p "$T/lo" "$T/print"
    HOME="$T/lo" timeout 300 soffice "-env:UserInstallation=file://$T/lo" --headless --norestore \
        --convert-to pdf --outdir "$T/print" "$T/lic/$L.xlsx" >"$T/.soffice" 2>&1
    pdftotext -layout "$T/print/$ID.pdf" "$T/print.txt" 2>>"$T/readers.err"
    pages=$(pdfinfo "$T/print/$ID.pdf" 2>>"$T/readers.err" | awk '/^Pages:/ {print $2}')
    expect_eq "printed: the licence line at the foot of every page" \
        "$(grep -c 'Page [0-9]* of [0-9]*  *Licensed to Acme & Co, licence L-1234, 5 users$' "$T/print.txt")" \
        "${pages:-none}"
    expect_eq "printed: the theme's footer line on every page" \
        "$(grep -c '^ *Harbour Analytics · independent market research' "$T/print.txt")" "${pages:-none}"
else
    echo "# skip - printing: soffice is not installed"
fi
expect_eq "the readers said nothing on stderr" "$(head -c 400 "$T/readers.err")" ""
