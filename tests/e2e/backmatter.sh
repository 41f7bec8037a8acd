#!/bin/sh
# tests/e2e/backmatter.sh - what a publisher prints besides the study, read
# back with pdftotext, mutool, qpdf and openpyxl: the copyright page facing
# the cover (rights, licence, edition, disclaimer), the copyright line in
# every footer, the scope table with every segment's definition, the chapter
# about the publisher, the dimension chapters' figure headings (never a bare
# "Charts"), the house wording for a dataset without any of it, and the
# dataset errors of the new fields.  English and Chinese, A4 and Letter.
. tests/lib.sh
: >"$T/readers.err"
P="-P $BUILD/lib/marketpress/plugins"
PY=/usr/bin/python3

check "render aigc en and zh-CN, pdf and xlsx" $MKP render $AIGC $P -f pdf,xlsx -o "$T/a4" --lang en,zh-CN --no-fsync
check "render aigc en and zh-CN on Letter" $MKP render $AIGC $P -f pdf -o "$T/lt" --lang en,zh-CN --no-fsync \
    -O pdf.paper=letter
EN=$T/a4/aigc-foundation-models.pdf
ZH=$T/a4/aigc-foundation-models.zh-CN.pdf

# pages FILE.pdf OUT: one line per page, its text with all whitespace removed.
pages() {
    pdftotext -raw "$1" - 2>>"$T/readers.err" | tr -d ' \t\r' | awk 'BEGIN { RS = "\f" } { gsub("\n", ""); print }' >"$2"
}
# bookmark FILE.pdf TITLE: the page the bookmark TITLE points at.
bookmark() {
    mutool show "$1" outline 2>>"$T/readers.err" | sed -n "s/^[|+-]	\"$2\"	#page=\([0-9]*\).*/\1/p"
}

for f in "$EN" "$ZH" "$T/lt/aigc-foundation-models.pdf" "$T/lt/aigc-foundation-models.zh-CN.pdf"; do
    e=$(basename "$(dirname "$f")")/$(basename "$f" .pdf)
    check "$e: qpdf --check" qpdf --check "$f"
    pages "$f" "$T/pages"
    n=$(wc -l <"$T/pages" | tr -d ' ')
    with=$(tail -n +2 "$T/pages" | grep -cF '©2026marketpressResearch')
    expect_eq "$e: the copyright line on every page but the cover ($n pages)" "$with" "$((n - 1))"
    expect_eq "$e: no copyright line on the cover" "$(head -1 "$T/pages" | grep -cF '©2026')" 0
    # The dimension chapters' figures are headed by their subject.
    mutool show "$f" outline >"$T/outline" 2>>"$T/readers.err"
    expect_no_grep "$e: no bookmark is a bare 'Charts'" "$T/outline" '"[0-9]+\.[0-9]+ (Charts|图表)"'
    expect_no_grep "$e: no heading is a bare 'Charts'" "$T/pages" '[0-9]+\.[0-9]+(Charts|图表)[0-9]*\.[0-9]'
    expect_eq "$e: every dimension has a figures heading with its years" \
        "$(grep -cE '"[0-9]+\.2 .*(: size, share and growth, 2025–2032|：规模、份额与增长，2025–2032年)"' "$T/outline")" 5
done

# ---- the copyright page, English and Chinese -------------------------------------
pages "$EN" "$T/en.pages"
pages "$ZH" "$T/zh.pages"
has_page() { # NAME PAGES N STRING...: every string on page N
    name=$1 f=$2 p=$3
    shift 3
    sed -n "${p}p" "$f" >"$T/page"
    missing=
    for s in "$@"; do
        s=$(printf '%s' "$s" | tr -d ' ')
        grep -qF -- "$s" "$T/page" || missing="$missing [$s]"
    done
    if [ -z "$missing" ] && [ -n "$p" ]; then ok "$name"; else fail "$name" "not on page '$p':$missing"; fi
}
expect_eq "en: the copyright page is page 2, the contents page 3" \
    "$(bookmark "$EN" 'Copyright and Licence') $(bookmark "$EN" Contents)" "2 3"
has_page "en: copyright page: rights, edition, product code" "$T/en.pages" 2 "Copyright and Licence" \
    "© 2026 marketpress Research. All rights reserved." "15 January 2026" "Product code" "1919400"
has_page "en: copyright page: the dataset's licence" "$T/en.pages" 2 Licence "Single-client licence." \
    "requires the written consent of marketpress Research."
has_page "en: copyright page: the house disclaimer" "$T/en.pages" 2 Disclaimer "are estimates" \
    "illustrative segment splits, are marked as such" "not investment, legal or tax advice"
expect_eq "zh-CN: the copyright page is page 2" "$(bookmark "$ZH" '版权与使用许可')" 2
has_page "zh-CN: copyright page in Chinese" "$T/zh.pages" 2 "版权与使用许可" "©2026marketpressResearch。保留所有权利。" \
    "2026年1月15日" "产品编号" "使用许可" "单一客户许可。" "免责声明" "不构成投资、法律或税务建议"

# ---- about the publisher ------------------------------------------------------------
has_page "en: About the Publisher with the contact" "$T/en.pages" "$(bookmark "$EN" '[0-9]* About the Publisher')" \
    "About the Publisher" "marketpress Research publishes market studies" Contact Email client-services@example.com \
    Web https://research.example.org Telephone "+44 20 7946 0000" "100 Example Road, Cambridge, United Kingdom"
has_page "zh-CN: 关于出版方 with the contact" "$T/zh.pages" "$(bookmark "$ZH" '[0-9]* 关于出版方')" \
    "关于出版方" "marketpress Research出版科技与工业领域的市场研究报告" "联系方式" "电子邮件" client-services@example.com "网址"
qpdf --qdf --object-streams=disable "$EN" "$T/qdf.pdf" 2>>"$T/readers.err"
expect_grep "en: the web address and the email are links" "$T/qdf.pdf" '/URI \(mailto:client-services@example\.com\)'

# ---- the scope table: every segment of the dataset with its definition -------------
# defs.py DATASET LANG: "title<TAB>definition" of every segment, from the dataset.
cat >"$T/defs.py" <<'PYEOF'
import json, re, sys
path, lang = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
def value(s):
    s = s.strip()
    return json.loads(s) if s.startswith('"') else s
title = None
for i, ln in enumerate(lines):
    m = re.match(r'^( {8,})title: \{en: "([^"]*)", zh-CN: "([^"]*)"\}', ln)
    if m:
        title = m.group(2) if lang == "en" else m.group(3)
        continue
    if title and re.match(r'^ {8,}definition:$', ln):
        want = "  " + lang + ":"
        for k in (1, 2):
            if lines[i + k].strip().startswith(lang + ":"):
                print(title + "\t" + value(lines[i + k].split(":", 1)[1]))
    title = None if not re.match(r'^ {8,}definition:', ln) else title
PYEOF
for lang in en zh-CN; do
    if [ $lang = en ]; then f=$EN p=$T/en.pages b='[0-9]* Scope and Definitions' a='[0-9]* About the Publisher'
    else f=$ZH p=$T/zh.pages b='[0-9]* 研究范围与定义' a='[0-9]* 关于出版方'; fi
    $PY "$T/defs.py" $AIGC $lang >"$T/defs.$lang"
    expect_eq "$lang: the dataset defines its 60 segments" "$(wc -l <"$T/defs.$lang" | tr -d ' ')" 60
    from=$(bookmark "$f" "$b") to=$(bookmark "$f" "$a")
    sed -n "${from:-1},$((${to:-2} - 1))p" "$p" | tr -d '\n' >"$T/scope"
    missing=0
    while IFS='	' read -r t d; do
        s=$(printf '%s%s' "$t" "$d" | tr -d ' ')
        grep -qF -- "$s" "$T/scope" || { missing=$((missing + 1)); echo "$t" >>"$T/missing.$lang"; }
    done <"$T/defs.$lang"
    if [ "$missing" = 0 ]; then ok "$lang: the scope table gives every segment its definition (pages $from-$((to - 1)))"
    else fail "$lang: scope table" "$missing segments without their definition: $(head -3 "$T/missing.$lang" | tr '\n' ' ')"; fi
done
# The table runs over pages with its header repeated.
expect_eq "en: the scope table repeats its header on the pages it runs onto" \
    "$(grep -c 'Scopeanddefinitions(continued)SegmentDefinition' "$T/en.pages")" \
    "$(($(bookmark "$EN" '[0-9]* About the Publisher') - $(bookmark "$EN" '[0-9]* Scope and Definitions') - 1))"

# ---- the workbook: copyright and definitions on the Notes sheet ----------------------
cat >"$T/notes.py" <<'PYEOF'
import sys, openpyxl
book, defs = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(book)
notes = wb.worksheets[-1]
rows = [[c.value for c in r] for r in notes.iter_rows()]
facts = {r[0]: r[1] for r in rows if r and r[0]}
print("copyright:", facts.get("Copyright") or facts.get("版权"))
print("licence:", bool(facts.get("Licence") or facts.get("使用许可")))
by_title = {r[0]: r[1] for r in rows if len(r) > 2 and r[2] and "/" in str(r[2])}
want = [l.rstrip("\n").split("\t") for l in open(defs, encoding="utf-8")]
bad = [t for t, d in want if by_title.get(t) != d]
print("definitions: %d of %d%s" % (len(want) - len(bad), len(want), (" missing " + ", ".join(bad[:3])) if bad else ""))
print("comments:", wb.properties.description.split(" Generated")[0] if wb.properties.description else None)
PYEOF
for lang in en zh-CN; do
    x=$T/a4/aigc-foundation-models.xlsx
    [ $lang = en ] || x=$T/a4/aigc-foundation-models.zh-CN.xlsx
    $PY "$T/notes.py" "$x" "$T/defs.$lang" >"$T/notes.$lang" 2>>"$T/readers.err"
    expect_grep "$lang xlsx: the copyright line in Notes" "$T/notes.$lang" '^copyright: © 2026 marketpress Research(\. All rights reserved\.|。保留所有权利。)$'
    expect_grep "$lang xlsx: the licence in Notes" "$T/notes.$lang" '^licence: True$'
    expect_grep "$lang xlsx: every segment's definition in Notes" "$T/notes.$lang" '^definitions: 60 of 60$'
    expect_grep "$lang xlsx: the copyright in the document's comments" "$T/notes.$lang" '^comments: © 2026 marketpress Research'
done

# ---- a dataset without any of it: the house wording ---------------------------------
printf '%s\n' "report: {id: bare, title: Bare Market, base_year: 2025, estimated_year: 2026, forecast_end: 2031," \
    "         currency: USD, unit: billion, edition: 2025-05-01, languages: [en, zh-CN]}" \
    "market: {anchors: {2025: 10, 2031: 20}}" \
    "dimensions: [{id: d, title: D, segments: [{id: a, title: Alpha, share: {2025: 100}}]}]" >"$T/bare.yaml"
check "render a dataset without imprint or definitions" $MKP render "$T/bare.yaml" $P -f pdf,xlsx -o "$T/bare" \
    --lang en,zh-CN --no-fsync
pages "$T/bare/bare.pdf" "$T/bare.pages"
has_page "bare: the house licence and disclaimer" "$T/bare.pages" 2 "Copyright and Licence" "All rights reserved." \
    "licensed to the purchasing organisation under a single-client licence" "not investment, legal or tax advice"
expect_eq "bare: the footer dates the title without a holder" \
    "$(tail -n +2 "$T/bare.pages" | grep -cF '©2025·BareMarket')" "$(($(wc -l <"$T/bare.pages") - 1))"
expect_grep "bare: a segment without a definition is still listed" "$T/bare.pages" 'ScopeandDefinitions.*AlphaAlpha|ScopeandDefinitions.*Alpha–'
pages "$T/bare/bare.zh-CN.pdf" "$T/bare.zh.pages"
has_page "bare zh-CN: the house licence in Chinese" "$T/bare.zh.pages" 2 "版权与使用许可" "本报告以单一客户许可方式授权购买机构仅供其内部使用。" \
    "本报告仅供参考"
expect_no_grep "bare: no About the Publisher without a publisher" "$T/bare.pages" 'AboutthePublisher'
check "bare: qpdf --check" qpdf --check "$T/bare/bare.pdf"

# ---- the new fields' errors: one line at the place -----------------------------------
bad() { # NAME YAML-LINE WANT: the line added to the report gives one error WANT
    sed "s/^         currency: USD, unit: billion, edition: 2025-05-01, languages: \[en, zh-CN\]}/&/" "$T/bare.yaml" |
        sed "1s/^report: {/report: {$2, /" >"$T/bad.yaml"
    $MKP validate "$T/bad.yaml" >"$T/bad.out" 2>"$T/bad.err"
    st=$?
    if [ $st != 0 ] && [ "$(grep -c ': error: ' "$T/bad.err")" = 1 ] &&
        grep -Eq -- "^$T/bad.yaml:1:[0-9]+: error: $3" "$T/bad.err"
    then ok "$1"; else fail "$1" "exit $st: $(head -c 300 "$T/bad.err")"; fi
}
bad "contact email malformed: one file:line:col error (bare.yaml warns of its untranslated title beside it)" 'contact: {email: sales.example.com}' \
    "contact email must be an address such as sales@example.com, not 'sales.example.com'"
bad "contact web without its scheme: one error" 'contact: {web: www.example.com}' \
    "contact web must be a web address such as https://www.example.com"
bad "contact key misspelt: did you mean" 'contact: {phnoe: "+1 555 0100"}' \
    "unknown key 'phnoe' in contact; did you mean 'phone'\\?"
bad "licence as a list: one error" 'licence: [a]' "licence must be text or a map of language to text"
printf '%s\n' "report: {id: d, title: D, base_year: 2025, estimated_year: 2026, forecast_end: 2031, currency: USD, unit: billion}" \
    "market: {anchors: {2025: 10, 2031: 20}}" \
    "dimensions: [{id: d, title: D, segments: [{id: a, title: A, definition: [x], share: {2025: 100}}]}]" >"$T/bad.yaml"
$MKP validate "$T/bad.yaml" >/dev/null 2>"$T/bad.err"
expect_eq "definition as a list: one line at its place" "$(cat "$T/bad.err")" \
    "$T/bad.yaml:3:73: error: definition must be text or a map of language to text, not list"

# What the readers said while reading.
grep -v '^warning: ICC support is not available$' "$T/readers.err" | sort | uniq -c >"$T/readers.said"
if [ -s "$T/readers.said" ]; then fail "the readers read every file without a warning" "$(head -c 400 "$T/readers.said")"
else ok "the readers read every file without a warning"; fi
