# tables.sh - the plugin SDK 1.1 end to end: a third party's plugin that
# prints every numbered table from host->table alone (tests/plugins/
# tables.c) shows the numbers of the PDF's tables, read back with
# pdftotext, for every dataset in every language; the language text()
# shows, with its fallback; the callout of the market chart in Chinese.
. tests/lib.sh
TP=$BUILD/tests/plugins
for ds in datasets/*.yaml; do
    "$MKP" render "$ds" --lang all -P "$TP" -f pdf,tables,svg -o "$T/o" -q 2>"$T/render.err"
done
for t in "$T"/o/*.tables; do
    b=${t%.tables}
    name=$(basename "$b")
    pdftotext -layout "$b.pdf" "$b.txt" 2>>"$T/pdftotext.err"
    python3 tests/e2e/tables.py "$t" "$b.txt" >"$b.check" 2>&1
    n=$(grep -c '^T' "$t" | tr -d ' ')
    tabs=$(cut -f1 "$t" | grep '^T' | sort -u | wc -l | tr -d ' ')
    expect_eq "$name: every table the plugin printed from host->table reads so in the PDF ($tabs tables)" \
        "$(grep -c '^ok ' "$b.check") $(grep -vc '^ok ' "$b.check")" "$tabs 0"
    [ "$n" -gt "$tabs" ] || fail "$name: the tables have rows" "$n rows"
done
expect_eq "tables of three datasets in five editions checked" "$(ls "$T"/o/*.tables | wc -l | tr -d ' ')" 5
expect_grep "text_lang: English" "$T/o/aigc-foundation-models.tables" "^lang title=en subtitle=en callout=en:CAGR 2025–2032: 9.43%$"
expect_grep "text_lang: Chinese, and the callout in Chinese" "$T/o/aigc-foundation-models.zh-CN.tables" \
    "^lang title=zh-CN subtitle=zh-CN callout=zh-CN:2025–2032年复合增长率：9.43%$"
expect_grep "text_lang: a text missing in German is shown, and named, in English" \
    "$T/o/industrial-robotics-services.de.tables" "^lang title=de subtitle=en "
expect_grep "the zh-CN report's market chart has its callout in Chinese" "$T/o/aigc-foundation-models.zh-CN.txt" \
    "2025–2032年复合增长率：9\.43%"
expect_grep "the zh-CN market chart (SVG) has its callout in Chinese" \
    "$T/o/aigc-foundation-models.zh-CN-svg/01-market-size.svg" "2025–2032年复合增长率：9\.43%"
expect_no_grep "the English chart has no Chinese callout" "$T/o/aigc-foundation-models-svg/01-market-size.svg" "年复合增长率"
