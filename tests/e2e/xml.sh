# xml.sh - every XML part of every output is well-formed XML: each SVG and
# each part of each workbook (xmllint --noout, and any word from it on
# standard error is a failure), with the workbook's sheet names within
# Excel's rules, and every PDF passing qpdf --check.  For every shipped
# dataset in every language it declares, every test dataset that validates, the
# fixtures in tests/fixtures/xml/ (titles of thousands of wide, astral,
# combining and right-to-left characters, sheet names cut at a surrogate
# pair, markup characters), control characters and noncharacters (refused
# by the loader at their line:col, or else carried safely), a dataset file
# whose name holds them (that name reaches the plugins whatever the loader
# does with text), and texts of megabytes in every place, which must render
# in seconds.
. tests/lib.sh
command -v xmllint >/dev/null || { fail "xml: xmllint" "not installed (libxml2-utils)"; exit 0; }
PY=/usr/bin/python3
P="-P $BUILD/lib/marketpress/plugins"

# sheet_names XLSX: one line per sheet name that Excel would refuse (more
# than 31 UTF-16 units, one of []:*?/\ or a control, two alike but for case).
sheet_names() {
    $PY - "$1" <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
seen = set()
for s in ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml")).find("m:sheets", ns):
    n = s.get("name")
    if not n or len(n.encode("utf-16-le")) > 62 or any(c in n for c in "[]:*?/\\") or \
            any(ord(c) < 0x20 for c in n) or n.casefold() in seen:
        print(ascii(n))
    seen.add(n.casefold())
EOF
}

# check_outputs NAME DIR: every .svg, every workbook part and every PDF in DIR
check_outputs() {
    bad=""
    n=0
    for f in $(find "$2" -name '*.svg'); do
        n=$((n + 1))
        xmllint --noout "$f" >"$T/x.err" 2>&1 && [ ! -s "$T/x.err" ] || bad="$bad [$f: $(head -c 200 "$T/x.err")]"
    done
    for x in $(find "$2" -name '*.xlsx'); do
        rm -rf "$T/unz" && mkdir -p "$T/unz"
        $PY -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$x" "$T/unz" ||
            bad="$bad [$x: not a zip]"
        for p in $(find "$T/unz" -name '*.xml' -o -name '*.rels'); do
            n=$((n + 1))
            xmllint --noout "$p" >"$T/x.err" 2>&1 && [ ! -s "$T/x.err" ] ||
                bad="$bad [$x:${p#"$T/unz/"}: $(head -c 200 "$T/x.err")]"
        done
        names=$(sheet_names "$x" 2>&1)
        [ -z "$names" ] || bad="$bad [$x: sheet names Excel refuses: $(echo "$names" | head -c 200)]"
    done
    for f in $(find "$2" -name '*.pdf'); do
        qpdf --check "$f" >"$T/q.out" 2>&1 || bad="$bad [$f: qpdf: $(grep -v '^checking\|^PDF Version' "$T/q.out" |
            head -c 200)]"
    done
    if [ -z "$bad" ] && [ $n -gt 0 ]; then ok "$1: $n XML parts well-formed"; else fail "$1" "${bad:-no XML part}"; fi
}

# render NAME DIR ARGS...: a render that must succeed, within its timeout.
render() {
    name=$1 dir=$2
    shift 2
    "$MKP" render $P "$@" -o "$dir" --no-fsync 2>"$T/r.err"
    st=$?
    [ $st = 0 ] || fail "$name: render" "exit $st: $(head -c 300 "$T/r.err")"
}

# 1. The shipped datasets, in every language each declares (English,
# Chinese, German).
for ds in datasets/*.yaml; do
    render "shipped $ds" "$T/ship" "$ds" -f svg,xlsx --lang all
done
check_outputs "shipped datasets, in every language" "$T/ship"
expect_file "shipped datasets: the Chinese edition is among them" "$T/ship/aigc-foundation-models.zh-CN.xlsx"
expect_file "shipped datasets: and the German one" "$T/ship/industrial-robotics-services.de.xlsx"

# 2. Every test dataset that validates: the forecast fixtures and the inputs
# the fuzzers kept.  What validates must render.
k=0
for ds in tests/fixtures/forecast/*.yaml tests/fixtures/fuzz*/*; do
    [ -f "$ds" ] && "$MKP" validate "$ds" >/dev/null 2>&1 || continue
    k=$((k + 1))
    render "test dataset $ds" "$T/fix/$k" "$ds" -f svg,xlsx --lang all
done
check_outputs "test datasets that validate ($k)" "$T/fix"

# 3. The fixtures made to break writers, with every plugin.
for ds in tests/fixtures/xml/*.yaml; do
    base=$(basename "$ds" .yaml)
    render "$base" "$T/xml-$base" "$ds" --lang all
    check_outputs "$base (every language it declares)" "$T/xml-$base"
done

# 4. Control and non-characters, written as YAML escapes, in every kind of
# place (report texts, a sheet name, a segment, a keyword, prose): refused
# by the loader at their line:col, or carried safely.  Either way no broken
# XML and no broken PDF.  Then what XML allows at its edges: tab, newline,
# U+FFFD, the last code point that is not a noncharacter, private use, a
# line separator, a bidi override.
i=0
for c in '\u0001' '\u0008' '\e' '\r' '\u001f' '\x7f' '\N' '\u0090' '\uFFFE' '\uFFFF' '\uFDD0' '\U0010FFFF' \
    '\t' '\n' '\uFFFD' '\U0010FFFD' '\uE000' '\L' '\u202E'; do
    i=$((i + 1))
    what="the YAML escape $(printf '%s' "$c" | tr -d '\\')" # echo would read the backslash
    printf '%s\n' "report: {id: c$i, title: \"A${c}B\", subtitle: \"S${c}\", publisher: \"P${c}\"," \
        "         keywords: [\"k${c}\"], source: \"Src${c}\", base_year: 2024, estimated_year: 2025," \
        '         forecast_end: 2030, currency: USD, unit: million}' 'market: {anchors: {2024: 100, 2030: 200}}' \
        'dimensions:' "  - {id: d, title: \"D${c}\", segments: [{id: a, title: \"S${c}\", share: {2024: 100}}]}" \
        'sections:' "  - {id: methodology, title: \"M${c}\"," \
        "     blocks: [{paragraph: \"p${c}q\"}, {bullets: [\"b${c}\"]}]}" \
        >"$T/ctl$i.yaml"
    "$MKP" render $P "$T/ctl$i.yaml" -o "$T/ctl$i" --no-fsync 2>"$T/r.err"
    st=$?
    if [ $st = 2 ] && grep -Eq "ctl$i.yaml:[0-9]+:[0-9]+: error: " "$T/r.err"; then
        ok "text with $what: refused at its line:col"
    elif [ $st = 0 ]; then
        check_outputs "text with $what: carried" "$T/ctl$i"
    else
        fail "text with $what" "exit $st: $(head -c 200 "$T/r.err")"
    fi
done

# 5. A dataset file named with a control character, a byte that is not
# UTF-8, U+FFFE and markup: the workbook names its source file.
mkdir -p "$T/name"
odd="$T/name/$(printf 'edge\001ai\377chips&<\357\277\276>.yaml')"
cp datasets/edge-ai-chips.yaml "$odd"
for lang in en; do
    "$MKP" render $P "$odd" --lang $lang -o "$T/name-$lang" --no-fsync 2>"$T/r.err"
    st=$?
    if [ $st = 0 ]; then
        check_outputs "a dataset file with an odd name ($lang)" "$T/name-$lang"
    elif [ $st = 2 ] && [ "$(grep -c 'error: ' "$T/r.err")" = 1 ]; then
        ok "a dataset file with an odd name ($lang): refused in one line"
    else
        fail "a dataset file with an odd name ($lang)" "exit $st: $(head -c 200 "$T/r.err")"
    fi
done

# 6. Megabytes of text: a 5 MB report title (Latin, and Chinese in a
# Chinese report), and a megabyte in every other place a writer may hold
# in one string (libharu refuses strings over 64 KB; a running head, a
# bookmark, an entry of the contents, a cell and a sheet name must be cut
# at a character), and a paragraph with a half-megabyte word.  Every plugin
# renders each in seconds; the time limit is for the sanitizer build.
$PY - "$T/big" <<'EOF'
import os, sys
os.makedirs(sys.argv[1])
latin, cjk, mb = "Market research " * 320000, "亚太地区市场规模" * 220000, "Market research " * 64000
places = {"title": "T", "subtitle": "S", "publisher": "P", "source": "Src", "kw": "k", "dim": "D", "seg": "A",
          "sec": "Sec", "para": "Para", "player": "Pl"}
cases = {"title-5mb": ("title", latin), "title-5mb-zh": ("title", cjk), "word": ("para", "x" * 500000 + " " + mb)}
for p in places:
    if p != "title":
        cases[p + "-1mb"] = (p, mb)
for name, (place, text) in cases.items():
    f = dict(places)
    f[place] = text
    with open(os.path.join(sys.argv[1], name + ".yaml"), "w") as out:
        out.write(f"""report:
  id: big-{name}
  title: "{f['title']}"
  subtitle: "{f['subtitle']}"
  publisher: "{f['publisher']}"
  source: "{f['source']}"
  keywords: ["{f['kw']}", "b"]
  base_year: 2024
  estimated_year: 2025
  forecast_end: 2030
  currency: USD
  unit: million
  languages: [en, zh-CN]
market: {{anchors: {{2024: 100, 2030: 200}}}}
dimensions:
  - id: d
    title: "{f['dim']}"
    segments:
      - {{id: a, title: "{f['seg']}", share: {{2024: 60}}}}
      - {{id: b, title: B, share: {{2024: 40}}}}
sections:
  - id: executive-summary
    title: "{f['sec']}"
    blocks:
      - paragraph: "{f['para']}"
landscape:
  players:
    - {{id: p, name: "{f['player']}", description: "d"}}
""")
EOF
for ds in "$T"/big/*.yaml; do
    base=$(basename "$ds" .yaml)
    lang=en
    case $base in *-zh) lang=zh-CN ;; esac
    start=$(date +%s)
    "$MKP" render $P "$ds" --lang $lang --timeout 60 -o "$T/out-$base" --no-fsync 2>"$T/r.err"
    st=$?
    secs=$(($(date +%s) - start))
    if [ $st = 0 ]; then
        ok "$base: every plugin renders ($secs s)"
    else
        fail "$base" "exit $st: $(head -c 300 "$T/r.err")"
    fi
    check_outputs "$base" "$T/out-$base"
done
