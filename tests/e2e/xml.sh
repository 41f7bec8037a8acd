# xml.sh - every XML part of every output is well-formed XML: each SVG and
# each part of each workbook (xmllint --noout, and any word from it on
# standard error is a failure), for every shipped dataset in both
# languages and for datasets made to break writers: very long non-ASCII
# titles (no fixed buffer may cut a character), markup characters, text
# beyond the Basic Multilingual Plane, combining marks, right-to-left text,
# and control characters (refused by the loader, with a line:col error, or
# else carried safely).  A 5 MB title must render too.
. tests/lib.sh
command -v xmllint >/dev/null || { fail "xml: xmllint" "not installed (libxml2-utils)"; exit 0; }

# check_outputs NAME DIR: every .svg and every workbook part in DIR
check_outputs() {
    bad=""
    n=0
    for f in $(find "$2" -name '*.svg'); do
        n=$((n + 1))
        xmllint --noout "$f" >"$T/x.err" 2>&1 && [ ! -s "$T/x.err" ] || bad="$bad [$f: $(head -c 200 "$T/x.err")]"
    done
    for x in $(find "$2" -name '*.xlsx'); do
        rm -rf "$T/unz" && mkdir -p "$T/unz"
        /usr/bin/python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$x" "$T/unz" ||
            bad="$bad [$x: not a zip]"
        for p in $(find "$T/unz" -name '*.xml' -o -name '*.rels'); do
            n=$((n + 1))
            xmllint --noout "$p" >"$T/x.err" 2>&1 && [ ! -s "$T/x.err" ] ||
                bad="$bad [$x:${p#"$T/unz/"}: $(head -c 200 "$T/x.err")]"
        done
    done
    if [ -z "$bad" ] && [ $n -gt 0 ]; then ok "$1: $n XML parts well-formed"; else fail "$1" "${bad:-no XML part}"; fi
}

for ds in datasets/*.yaml; do
    for lang in en zh-CN; do
        "$MKP" render "$ds" -f svg,xlsx --lang $lang -o "$T/ship-$lang" --no-fsync 2>"$T/r.err" ||
            fail "xml: render $ds $lang" "$(head -c 300 "$T/r.err")"
    done
done
check_outputs "shipped datasets, both languages" "$T/ship-en"
check_outputs "shipped datasets, in Chinese" "$T/ship-zh-CN"

# Every test dataset that validates: the forecast fixtures and the inputs
# the fuzzers kept.
k=0
for ds in tests/fixtures/forecast/*.yaml tests/fixtures/fuzz*/*; do
    [ -f "$ds" ] && "$MKP" validate "$ds" >/dev/null 2>&1 || continue
    k=$((k + 1))
    for lang in en zh-CN; do
        "$MKP" render "$ds" -f svg,xlsx --lang $lang -o "$T/fix/$k-$lang" --no-fsync 2>/dev/null
    done
done
check_outputs "test datasets that validate ($k)" "$T/fix"

# Titles of thousands of characters, of every width, at every place a
# writer might hold them in a fixed buffer.
/usr/bin/python3 - "$T/long.yaml" <<'PY'
import sys
cjk = "亚太地区市场规模" * 400                 # 3,200 characters, 9,600 bytes
mixed = ("Ünïcödé ▲ 𝔘𝔫𝔦 😀 e\u0301 \u05e9\u05dc\u05d5\u05dd & <b> «q» 'a' " * 60)[:3000]
with open(sys.argv[1], "w") as f:
    f.write(f"""report:
  id: long-titles
  title: {{en: "{mixed}", zh-CN: "{cjk}"}}
  subtitle: "{cjk}"
  publisher: "{mixed[:900]}"
  base_year: 2024
  estimated_year: 2025
  forecast_end: 2030
  currency: USD
  unit: million
  languages: [en, zh-CN]
market: {{anchors: {{2024: 100, 2030: 180}}}}
dimensions:
  - id: d
    title: {{en: "{mixed[:2000]}", zh-CN: "{cjk[:1500]}"}}
    segments:
      - {{id: a, title: "{cjk[:700]}", share: {{2024: 60}}}}
      - {{id: b, title: "{mixed[:700]}", share: {{2024: 40}}}}
  - id: e
    title: "{'区' * 40}"
    segments:
      - {{id: a, title: "x{'😀' * 300}", share: {{2024: 100}}}}
""")
PY
for lang in en zh-CN; do
    "$MKP" render "$T/long.yaml" -f svg,xlsx --lang $lang -o "$T/long-$lang" --no-fsync 2>"$T/r.err"
    expect_eq "long non-ASCII titles render ($lang)" "$?" 0
    check_outputs "long non-ASCII titles ($lang)" "$T/long-$lang"
done

# Control and non-characters, written as YAML escapes: refused by the
# loader at their line:col, or carried safely.  Either way no broken XML.
i=0
for c in '\u0001' '\u0008' '\e' '\u001f' '\uFFFE' '\uFFFF' '\u0085'; do
    i=$((i + 1))
    printf '%s\n' "report: {id: c$i, title: \"A${c}B\", base_year: 2024, estimated_year: 2025, forecast_end: 2030," \
        '         currency: USD, unit: million}' 'market: {anchors: {2024: 100, 2030: 200}}' \
        'dimensions:' "  - {id: d, title: \"D${c}\", segments: [{id: a, title: \"S${c}\", share: {2024: 100}}]}" \
        >"$T/ctl$i.yaml"
    "$MKP" render "$T/ctl$i.yaml" -f svg,xlsx -o "$T/ctl$i" --no-fsync 2>"$T/r.err"
    st=$?
    if [ $st = 2 ] && grep -Eq "ctl$i.yaml:1:[0-9]+: error: " "$T/r.err"; then
        ok "text with $c: refused at its line:col"
    elif [ $st = 0 ]; then
        check_outputs "text with $c: carried" "$T/ctl$i"
    else
        fail "text with $c" "exit $st: $(head -c 200 "$T/r.err")"
    fi
done

# A title of 5 MB: every plugin renders, the PDF checks.
/usr/bin/python3 -c '
t = "Market research " * 320000
print("report: {id: huge-title, title: \"" + t + "\", base_year: 2024, estimated_year: 2025, forecast_end: 2030,")
print("         currency: USD, unit: million}")
print("market: {anchors: {2024: 100, 2030: 200}}")
print("dimensions:\n  - id: d\n    title: D\n    segments:")
print("      - {id: a, title: A, share: {2024: 60}}\n      - {id: b, title: B, share: {2024: 40}}")' >"$T/huge.yaml"
"$MKP" render "$T/huge.yaml" --timeout 120 -o "$T/huge" --no-fsync 2>"$T/r.err"
expect_eq "a 5 MB title: every plugin renders" "$?" 0
check "a 5 MB title: qpdf --check" qpdf --check "$T/huge/huge-title.pdf"
check_outputs "a 5 MB title" "$T/huge"
