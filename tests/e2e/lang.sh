# lang.sh - the languages of a dataset, kept truthful: a warning at its
# line:col for every text missing in a declared language (player names
# aside), limited and summed up per language; --strict making them errors;
# language tags that are BCP 47 and declared; render --lang refusing a
# language the dataset does not declare; and the editions living side by
# side (<id>.<lang>.<ext>, <id>.<lang>-svg/), several in one command.
. tests/lib.sh

# A dataset in English and Chinese with four texts left in English only
# (a segment title, a paragraph, a bullet and a player's description); the
# publisher and the player's name are proper names.
W=$T/w.yaml
cat >"$W" <<'YAML'
report:
  id: lang-test
  title: {en: Lang Test Market, zh-CN: 语言测试市场}
  publisher: Acme Research
  base_year: 2025
  estimated_year: 2026
  forecast_end: 2030
  currency: USD
  unit: billion
  languages: [en, zh-CN]
market:
  anchors: {2025: 10, 2030: 20}
dimensions:
  - id: region
    title: {en: Region, zh-CN: 地区}
    segments:
      - {id: americas, title: Americas, share: {2025: 60}}
      - {id: apac, title: {en: Asia-Pacific, zh-CN: 亚太地区}, share: {2025: 40}}
sections:
  - id: introduction
    title: {en: Introduction, zh-CN: 引言}
    blocks:
      - paragraph: An English paragraph only.
      - bullets: [one, {en: two, zh-CN: 二}]
landscape:
  players:
    - {id: acme, name: Acme Corp, description: Makes everything.}
YAML

# ---- 1. a warning for every missing text, at its line:col ------------------
check_status "missing texts: validate still succeeds" 0 "$MKP" validate "$W"
expect_grep "missing texts: the ok line" "$T/.out" "^$W: ok: lang-test,"
M="has no zh-CN text; the zh-CN edition will show English$"
expect_grep "segment title warned at 17:31" "$T/.err" "^$W:17:31: warning: segment 'region/americas' title $M"
expect_grep "paragraph warned at 23:20" "$T/.err" "^$W:23:20: warning: section 'introduction' paragraph 1 $M"
expect_grep "bullet warned at 24:19" "$T/.err" "^$W:24:19: warning: section 'introduction' bullet 1 in list 1 $M"
expect_grep "player description warned at 27:48" "$T/.err" "^$W:27:48: warning: player 'acme' description $M"
expect_eq "exactly those four warnings" "$(grep -c ': warning: ' "$T/.err")" 4
expect_no_grep "a player's name is a proper name: no warning" "$T/.err" "name has no"
expect_no_grep "the publisher is a proper name: no warning" "$T/.err" "publisher"
expect_grep "one total for the language" "$T/.err" "^$W: note: zh-CN: 4 texts missing$"
"$MKP" render "$W" -f csv -o "$T/r0" >/dev/null 2>"$T/r0.err"
expect_eq "render loads the same way: it renders" "$?" 0
expect_eq "render loads the same way: the same four warnings and total" \
    "$(grep -c "^$W:[0-9]*:[0-9]*: warning: .*$M" "$T/r0.err") $(grep -c 'zh-CN: 4 texts missing' "$T/r0.err")" "4 1"

# A complete dataset says nothing.
sed -e 's/title: Americas/title: {en: Americas, zh-CN: 美洲}/' \
    -e 's/paragraph: An English paragraph only./paragraph: {en: English., zh-CN: 中文。}/' \
    -e 's/\[one, /[{en: one, zh-CN: 一}, /' -e 's/description: Makes everything./description: {en: All., zh-CN: 全部。}/' \
    "$W" >"$T/full.yaml"
check_status "a complete dataset validates" 0 "$MKP" validate "$T/full.yaml"
expect_no_grep "a complete dataset: no warning, no note" "$T/.err" "warning|note"
check_status "a complete dataset passes --strict" 0 "$MKP" validate --strict "$T/full.yaml"

# Many missing texts: 20 shown in all, then one total per language; other
# warnings are still shown after them.
{
    printf 'report:\n  id: flood\n  title: Flood Market\n  base_year: 2025\n  estimated_year: 2026\n'
    printf '  forecast_end: 2032\n  currency: USD\n  unit: billion\n  languages: [en, de, zh-CN]\n'
    printf 'market:\n  anchors: {2025: 28.46, 2032: 53.49}\n  published_cagr: 12.5\n'
    printf 'dimensions:\n  - id: d\n    title: D\n    segments:\n'
    i=1
    while [ $i -le 30 ]; do printf '      - {id: s%d, title: S%d, share: {2025: %s}}\n' $i $i "$([ $i = 30 ] && echo 71 || echo 1)"; i=$((i + 1)); done
} >"$T/flood.yaml"
"$MKP" validate "$T/flood.yaml" >/dev/null 2>"$T/flood.err"
expect_eq "flood: validate succeeds" "$?" 0
expect_eq "flood: 20 missing-text warnings shown" "$(grep -c ' text; the ' "$T/flood.err")" 20
expect_grep "flood: de total, with how many were not shown" "$T/flood.err" \
    "^$T/flood.yaml: note: de: 32 texts missing \(22 not shown above\)$"
expect_grep "flood: zh-CN total" "$T/flood.err" "^$T/flood.yaml: note: zh-CN: 32 texts missing \(22 not shown above\)$"
expect_grep "flood: a consistency warning still shows" "$T/flood.err" "^$T/flood.yaml:12:19: warning: published_cagr"

# ---- 2. --strict: warnings are errors, nothing rendered --------------------
check_status "validate --strict: exit 2" 2 "$MKP" validate --strict "$W"
expect_grep "validate --strict: the warning is an error, saying why" "$T/.err" \
    "^$W:23:20: error: section 'introduction' paragraph 1 has no zh-CN text; .* \[--strict\]$"
expect_no_grep "validate --strict: no ok line" "$T/.out" "ok:"
check_status "render --strict: exit 2" 2 "$MKP" render "$W" -f csv,pdf,xlsx,svg -o "$T/strict" --strict
expect_eq "render --strict: the four missing texts as errors" \
    "$(grep -c "^$W:[0-9]*:[0-9]*: error: .* has no zh-CN text; .*\[--strict\]$" "$T/.err")" 4
expect_eq "render --strict: nothing written" "$(ls -A "$T/strict" 2>/dev/null)" ""
printf 'report: {id: cagr, title: C, base_year: 2025, estimated_year: 2026, forecast_end: 2032,\n' >"$T/cagr.yaml"
printf '         currency: USD, unit: billion}\nmarket: {anchors: {2025: 28.46, 2032: 53.49}, published_cagr: 12.5}\n' \
    >>"$T/cagr.yaml"
check_status "a consistency warning alone: validate exit 0" 0 "$MKP" validate "$T/cagr.yaml"
check_status "--strict makes every warning an error, a consistency one too" 2 "$MKP" validate --strict "$T/cagr.yaml"
expect_grep "--strict: the consistency warning as an error" "$T/.err" "^$T/cagr.yaml:3:[0-9]+: error: published_cagr .*\[--strict\]$"
check_status "render --strict refuses it as well" 2 "$MKP" render "$T/cagr.yaml" -f csv -o "$T/strict2" --strict
expect_grep "render --strict runs the consistency checks" "$T/.err" "^$T/cagr.yaml:3:[0-9]+: error: published_cagr .*\[--strict\]$"
expect_eq "render --strict: nothing written for it" "$(ls -A "$T/strict2" 2>/dev/null)" ""
check_status "render without --strict renders it" 0 "$MKP" render "$T/cagr.yaml" -f csv -o "$T/strict3"
check_status "unknown validate option: exit 2" 2 "$MKP" validate --strcit "$W"

# The shipped German dataset lacks German texts: the truth, as warnings.
check_status "industrial robotics (en, de): validates" 0 "$MKP" validate datasets/industrial-robotics-services.yaml
expect_grep "industrial robotics: warns about German texts at their line" "$T/.err" \
    "^datasets/industrial-robotics-services\.yaml:[0-9]+:[0-9]+: warning: .* has no de text; the de edition will show English$"
expect_grep "industrial robotics: one total for German" "$T/.err" \
    "^datasets/industrial-robotics-services\.yaml: note: de: [0-9]+ texts? missing"
check_status "industrial robotics: --strict refuses it" 2 "$MKP" validate --strict datasets/industrial-robotics-services.yaml

# ---- 3. language tags -------------------------------------------------------
sed 's/zh-CN: 地区/zh_CN: 地区/' "$W" >"$T/bad-tag.yaml"
check_status "malformed tag: exit 2" 2 "$MKP" validate "$T/bad-tag.yaml"
expect_grep "malformed tag: an error at the key's line:col, with the tag it means" "$T/.err" \
    "^$T/bad-tag.yaml:15:25: error: 'zh_CN' is not a BCP 47 language tag such as en, de or zh-CN: .*; did you mean zh-CN\?$"
sed 's/languages: \[en, zh-CN\]/languages: [en, zh-CN-x]/' "$W" >"$T/bad-decl.yaml"
check_status "malformed tag in languages: exit 2" 2 "$MKP" validate "$T/bad-decl.yaml"
expect_grep "malformed tag in languages: at its line:col" "$T/.err" \
    "^$T/bad-decl.yaml:10:19: error: 'zh-CN-x' is not a BCP 47 language tag .*: a singleton"
sed 's/languages: \[en, zh-CN\]/languages: [en, zh]/' "$W" >"$T/undeclared.yaml"
check_status "undeclared tag: exit 2" 2 "$MKP" validate "$T/undeclared.yaml"
expect_grep "undeclared tag: at the key, naming the languages, with a hint" "$T/.err" \
    "^$T/undeclared.yaml:3:33: error: 'zh-CN' is not declared in languages \[en, zh\] \(line 10\); did you mean zh\?$"
grep -v 'languages:' "$W" >"$T/nolangs.yaml"
check_status "no languages key: a Chinese text is undeclared" 2 "$MKP" validate "$T/nolangs.yaml"
expect_grep "no languages key: the error says what to add" "$T/.err" \
    "^$T/nolangs.yaml:3:33: error: 'zh-CN' is not declared: .*add 'languages: \[en, zh-CN\]' to the report$"
sed 's/zh-CN: 引言/zh-cn: 引言/' "$W" >"$T/case.yaml"
check_status "non-canonical case: still valid" 0 "$MKP" validate "$T/case.yaml"
expect_grep "non-canonical case: a warning naming the canonical form" "$T/.err" \
    "^$T/case.yaml:21:31: warning: language tag 'zh-cn' is written zh-CN in canonical form; read as zh-CN$"
sed 's/languages: \[en, zh-CN\]/languages: [zh-CN, en]/' "$W" >"$T/order.yaml"
check_status "en not first: exit 2" 2 "$MKP" validate "$T/order.yaml"
expect_grep "en not first: says why" "$T/.err" "^$T/order.yaml:10:15: error: languages must start with en.*move en to the front$"
sed 's/languages: \[en, zh-CN\]/languages: [en, zh-CN, zh-cn]/' "$W" >"$T/twice.yaml"
check_status "a language listed twice: exit 2" 2 "$MKP" validate "$T/twice.yaml"
expect_grep "a language listed twice: named" "$T/.err" "^$T/twice.yaml:10:26: error: zh-CN is listed twice in languages"

# ---- 4. --lang must be declared ---------------------------------------------
check_status "--lang klingon: exit 2" 2 "$MKP" render "$W" -f csv,pdf -o "$T/kl" --lang klingon
expect_grep "--lang klingon: names the declared languages" "$T/.err" \
    "^marketpress render: --lang klingon: $W declares en, zh-CN$"
expect_eq "--lang klingon: nothing written" "$(ls -A "$T/kl" 2>/dev/null)" ""
check_status "--lang zh_CN: exit 2" 2 "$MKP" render "$W" -f csv -o "$T/kl" --lang zh_CN
expect_grep "--lang zh_CN: did you mean zh-CN" "$T/.err" "declares en, zh-CN; did you mean zh-CN\?$"
check_status "forecast --lang klingon: exit 2" 2 "$MKP" forecast "$W" --lang klingon
expect_grep "forecast --lang klingon: names them" "$T/.err" "^marketpress forecast: --lang klingon: $W declares en, zh-CN$"
check_status "--lang all,en: exit 2" 2 "$MKP" render "$W" -f csv -o "$T/kl" --lang all,en
check_status "--lang with an empty item: exit 2" 2 "$MKP" render "$W" -f csv -o "$T/kl" --lang en,
"$MKP" forecast "$T/case.yaml" --json --lang zh-CN >"$T/case.json" 2>/dev/null
expect_grep "a non-canonical key is read as the canonical tag" "$T/case.json" '"title": "引言"|"title": "语言测试市场"'

# ---- 5. editions side by side -----------------------------------------------
O=$T/out
check "render English" "$MKP" render "$W" -f csv,pdf,xlsx,svg -o "$O"
for f in lang-test.csv lang-test.pdf lang-test.xlsx; do expect_file "English keeps its name: $f" "$O/$f"; done
check "English svg folder keeps its name" test -d "$O/lang-test-svg"
cp -a "$O" "$T/en-before"
check "render --lang zh-CN" "$MKP" render "$W" -f csv,pdf,xlsx,svg -o "$O" --lang zh-CN
expect_grep "the job names the Chinese output" "$T/.out" "^marketpress: wrote $O/lang-test\.zh-CN\.pdf$"
for f in lang-test.zh-CN.csv lang-test.zh-CN.pdf lang-test.zh-CN.xlsx; do expect_file "Chinese edition: $f" "$O/$f"; done
check "Chinese edition: lang-test.zh-CN-svg/ with charts" sh -c "ls '$O/lang-test.zh-CN-svg/'*.svg >/dev/null"
check "the English PDF is byte-identical after the Chinese render" cmp "$T/en-before/lang-test.pdf" "$O/lang-test.pdf"
check "so are the other English outputs" diff -r "$T/en-before/lang-test-svg" "$O/lang-test-svg"
check "  and the workbook" cmp "$T/en-before/lang-test.xlsx" "$O/lang-test.xlsx"
check "the Chinese PDF is another file" sh -c "! cmp -s '$O/lang-test.pdf' '$O/lang-test.zh-CN.pdf'"
check "--lang zh-cn (any case) names the zh-CN edition" "$MKP" render "$W" -f csv -o "$T/lc" --lang zh-cn
expect_file "--lang zh-cn wrote lang-test.zh-CN.csv" "$T/lc/lang-test.zh-CN.csv"
check "--lang en writes the default names" "$MKP" render "$W" -f csv -o "$T/le" --lang en
expect_eq "--lang en: lang-test.csv only" "$(ls "$T/le")" "lang-test.csv"

# ---- 6. several languages in one command ------------------------------------
check "--lang en,zh-CN: one command" "$MKP" render "$W" -f csv,pdf,xlsx,svg -o "$T/both" --lang en,zh-CN -j 4
expect_eq "--lang en,zh-CN: both editions of every plugin" "$(ls "$T/both" | tr '\n' ' ')" \
    "lang-test-svg lang-test.csv lang-test.pdf lang-test.xlsx lang-test.zh-CN-svg lang-test.zh-CN.csv lang-test.zh-CN.pdf lang-test.zh-CN.xlsx "
expect_eq "--lang en,zh-CN: eight outputs written" "$(grep -c '^marketpress: wrote ' "$T/.out")" 8
check "--lang en,zh-CN: the same English PDF as alone" cmp "$O/lang-test.pdf" "$T/both/lang-test.pdf"
check "--lang en,zh-CN: the same Chinese PDF as alone" cmp "$O/lang-test.zh-CN.pdf" "$T/both/lang-test.zh-CN.pdf"
check "--lang zh-CN,en,zh-CN: each once" "$MKP" render "$W" -f csv -o "$T/dup" --lang zh-CN,en,zh-CN
expect_eq "--lang zh-CN,en,zh-CN: two outputs" "$(grep -c '^marketpress: wrote ' "$T/.out")" 2

# --lang all: every language each dataset declares.
E=$T/en-only.yaml
printf 'report: {id: en-only, title: English Only, base_year: 2025, estimated_year: 2026, forecast_end: 2030,\n' >"$E"
printf '         currency: USD, unit: billion}\nmarket: {anchors: {2025: 1, 2030: 2}}\n' >>"$E"
check "--lang all: two datasets" "$MKP" render "$W" "$E" -f csv -o "$T/all" --lang all
expect_eq "--lang all: each dataset in its own languages" "$(ls "$T/all" | tr '\n' ' ')" \
    "en-only.csv lang-test.csv lang-test.zh-CN.csv "
sed -e 's/id: lang-test/id: three/' -e 's/languages: \[en, zh-CN\]/languages: [en, de, zh-CN]/' "$W" >"$T/three.yaml"
check "--lang all: three languages" "$MKP" render "$T/three.yaml" -f csv -o "$T/all3" --lang all
expect_eq "--lang all: three editions" "$(ls "$T/all3" | tr '\n' ' ')" "three.csv three.de.csv three.zh-CN.csv "
check_status "--lang en,zh-CN with a dataset without zh-CN: exit 2" 2 "$MKP" render "$W" "$E" -f csv -o "$T/mixed" \
    --lang en,zh-CN
expect_grep "--lang en,zh-CN: names the dataset and what it declares" "$T/.err" \
    "^marketpress render: --lang zh-CN: $E declares en$"
expect_eq "--lang en,zh-CN with it: nothing written" "$(ls -A "$T/mixed" 2>/dev/null)" ""
