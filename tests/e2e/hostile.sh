# hostile.sh - odd and hostile datasets: what validate accepts must render,
# and what cannot render must not validate.  No hang, no silent change, and
# every message one clean line that points at the right place.
. tests/lib.sh
H='report: {id: t, title: T, base_year: 2024, estimated_year: 2025, forecast_end: 2030, currency: USD, unit: million}'
ds() { # NAME TEXT...: a dataset file $T/NAME.yaml
    name=$1; shift
    printf '%s\n' "$@" >"$T/$name.yaml"
}
# first_err NAME: the first line the last command printed on stderr
err_is() { # NAME FILE EXPECTED-RE: exit 2 and that first line
    st=$?
    first=$(head -1 "$2")
    if [ $st = 2 ] && echo "$first" | grep -Eq -- "$3"; then ok "$1"; else fail "$1" "exit $st: $first"; fi
}

# 1. Values beyond what a report can carry, given or forecast.
ds huge "$H" 'market: {anchors: {2024: 1e308, 2030: 1.7e308}}'
"$MKP" validate "$T/huge.yaml" 2>"$T/e"
err_is "huge anchors refused at their line:col" "$T/e" "huge.yaml:2:26: error: a value must be at most 1e12"
"$MKP" render "$T/huge.yaml" -f pdf,svg --timeout 20 -o "$T/o1" 2>"$T/e"
err_is "huge anchors: render refuses at once, no hang" "$T/e" "huge.yaml:2:26: error"
"$MKP" forecast --csv "$T/huge.yaml" >"$T/csv" 2>"$T/e"
err_is "huge anchors: forecast --csv refuses" "$T/e" "huge.yaml:2:26"
expect_no_grep "huge anchors: no inf printed" "$T/csv" "inf"
ds runaway "$H" 'market: {anchors: {2024: 1e11}, rate: 900}'
"$MKP" validate "$T/runaway.yaml" 2>"$T/e"
err_is "a rate that runs the forecast away: error at the market" "$T/e" \
    "runaway.yaml:2:9: error: market reaches 1e\+13 in 2026 after forecasting, beyond the 1e\+12 USD million"
ds childrun "$H" 'market: {anchors: {2024: 100, 2030: 200}}' 'dimensions:' '  - id: d' '    title: D' '    segments:' \
    '      - {id: a, title: A, anchors: {2024: 1e11}, method: cagr, params: {rate: 5000}}' \
    '      - {id: b, title: B, share: {2024: 50}}'
"$MKP" validate "$T/childrun.yaml" 2>"$T/e"
err_is "a segment that runs away is an error at the segment, not a silent 0" "$T/e" "childrun.yaml:[0-9]+:[0-9]+: error: d/a reaches"
ds wild "$H" 'market: {anchors: {2024: 100}, rate: 5}' 'scenarios:' '  - {id: wild, title: W, growth: 90000}'
"$MKP" validate "$T/wild.yaml" 2>"$T/e"
err_is "a scenario that leaves the bounds is an error at the scenario" "$T/e" \
    "wild.yaml:4:5: error: scenario 'wild' takes market to .* beyond the 1e\+12"

# 2. What text may hold: tab and newline, no other control, no noncharacter.
i=0
for c in '\u0001' '\e' '\x7f' '\u0085' '\uFFFE' '\uFFFF' '\uFDD0'; do
    i=$((i + 1))
    ds ctl$i 'report: {id: t, title: "A'"$c"'B", base_year: 2024, estimated_year: 2025, forecast_end: 2030,' \
        '         currency: USD, unit: million}' 'market: {anchors: {2024: 100, 2030: 200}}'
    "$MKP" validate "$T/ctl$i.yaml" 2>"$T/e"
    err_is "text with $c refused at its line:col" "$T/e" "ctl$i.yaml:1:24: error: text holds U\+[0-9A-F]{4} \(character 2\)"
    if LC_ALL=C grep -q "$(printf '\033')" "$T/e"; then fail "text with $c: the message echoes no control" "raw byte"; fi
done
ds tabs 'report: {id: t, title: "A\tB\nC", base_year: 2024, estimated_year: 2025, forecast_end: 2030,' \
    '         currency: USD, unit: million}' 'market: {anchors: {2024: 100, 2030: 200}}'
check "tab and newline are allowed in text" "$MKP" validate "$T/tabs.yaml"

# 3. Large maps and many dimensions are checked in O(n log n) (timed in
# make bench); here, that the duplicate is still found in file order.
/usr/bin/python3 - "$T/keys.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("report: {id: t, title: T, base_year: 2024, estimated_year: 2025, forecast_end: 2030, currency: USD,\n")
    f.write("         unit: million}\nmarket: {anchors: {2024: 100, 2030: 200}}\nlandscape:\n  players: []\n  x:\n")
    for i in range(50000):
        f.write("    k%d: 1\n" % i)
    f.write("    k17: 2\n    k3: 2\n")
PY
"$MKP" validate "$T/keys.yaml" 2>"$T/e"
err_is "50,000 keys: the first repeated key in file order" "$T/e" \
    "keys.yaml:50007:5: error: duplicate key 'k17' \(first given on line 24\)"
/usr/bin/python3 - "$T/dims.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("report: {id: t, title: T, base_year: 2024, estimated_year: 2025, forecast_end: 2030, currency: USD,\n")
    f.write("         unit: million}\nmarket: {anchors: {2024: 100, 2030: 200}}\ndimensions:\n")
    for i in range(5000):
        f.write("  - {id: d%d, title: D, segments: [{id: a, title: A, share: {2024: 100}}]}\n" % i)
    f.write("  - {id: d42, title: D, segments: [{id: a, title: A, share: {2024: 100}}]}\n")
PY
"$MKP" validate "$T/dims.yaml" 2>"$T/e"
err_is "5,001 dimensions: the repeated id found" "$T/e" "dims.yaml:5005:5: error: duplicate dimension id 'd42' \(first on line 47\)"

# 4. Nothing changes in silence.
ds noid "$H" 'market: {anchors: {2024: 100, 2030: 200}}' 'scenarios:' '  - {title: X, growth: 1, to: 2028}'
"$MKP" validate "$T/noid.yaml" 2>"$T/e"
err_is "a scenario without id is an error (to is no near miss for id)" "$T/e" \
    "noid.yaml:4:5: error: missing required key 'id' in a scenario"
for r in -100 -150; do
    ds rate$r "$H" "market: {anchors: {2024: 100}, rate: $r}"
    "$MKP" validate "$T/rate$r.yaml" 2>"$T/e"
    err_is "market rate $r refused" "$T/e" "rate$r.yaml:2:38: error: rate must be a percentage per year above -100"
done
ds zero "$H" 'market: {anchors: {2024: 0, 2027: 50, 2030: 200}}'
"$MKP" validate "$T/zero.yaml" 2>"$T/e"
expect_grep "a zero value: the straight line is said" "$T/e" \
    "zero.yaml:2:19: warning: market: the known value in 2024 is 0, and no growth rate leads from or to zero"
expect_grep "a zero base value: the missing CAGR is said" "$T/e" \
    "zero.yaml:2:9: warning: market has no CAGR for 2024-2030: its value in 2024 is 0; outputs show n/a"

# 5. Messages that point the right way and stay one clean line.
printf '\357\273\277%s\nmarket: {anchors: {2024: 100, 2030: 200}}\n' "$H" >"$T/bom.yaml"
check "a byte order mark is accepted" "$MKP" validate "$T/bom.yaml"
printf '%s\nmarket: {anchors: {2024: 100, 2030: 200}}\n# caf\351 au lait\n' "$H" >"$T/latin1.yaml"
"$MKP" validate "$T/latin1.yaml" 2>"$T/e"
err_is "bytes that are not UTF-8: reported on their line" "$T/e" "latin1.yaml:3:6: error: not UTF-8 text"
ds nlid 'report: {id: "a\nb", title: T, base_year: 2024, estimated_year: 2025, forecast_end: 2030,' \
    '         currency: USD, unit: million}' 'market: {anchors: {2024: 100, 2030: 200}}'
"$MKP" validate "$T/nlid.yaml" 2>"$T/e"
err_is "an id with a newline: one line, the newline written as \\x0A" "$T/e" "nlid.yaml:1:14: error: .*a\\\\x0Ab"
expect_eq "an id with a newline: the error is one line" "$(wc -l <"$T/e")" 1
/usr/bin/python3 -c '
import sys
print("report: {id: t, title: T, base_year: 2024, estimated_year: 2025, forecast_end: 2030, currency: USD, unit: " + "x" * 5000000 + "}")
print("market: {anchors: {2024: 100, 2030: 200}}")' >"$T/big.yaml"
"$MKP" validate "$T/big.yaml" 2>"$T/e"
err_is "a 5 MB value: refused" "$T/e" "big.yaml:1:[0-9]+: error: unit must be"
n=$(wc -c <"$T/e")
if [ "$n" -lt 1000 ] && grep -q '\.\.\.$' "$T/e"; then ok "a 5 MB value: quoted cut, with ..."; else
    fail "a 5 MB value: quoted cut, with ..." "$n bytes"; fi
ds subnormal "$H" 'market: {anchors: {2024: 1e-320, 2030: 2e-320}}'
"$MKP" validate "$T/subnormal.yaml" 2>"$T/e"
expect_no_grep "a subnormal such as 1e-320 is a number" "$T/e" "must be a number"
ds anchor "$H" 'market: {anchors: &a {2024: 100, 2030: 200}}'
"$MKP" validate "$T/anchor.yaml" 2>"$T/e"
err_is "a YAML anchor refused" "$T/e" "anchor.yaml:2:19: error: YAML anchors \(&name\) are not supported"
ds tag "$H" 'market: {anchors: {2024: !!str 21.4, 2030: 200}}'
"$MKP" validate "$T/tag.yaml" 2>"$T/e"
err_is "a YAML tag refused" "$T/e" "tag.yaml:2:26: error: YAML tags \(such as !!str\) are not supported"
/usr/bin/python3 -c '
print("report: {id: t, title: T, base_year: 2024, estimated_year: 2025, forecast_end: 2030, currency: USD, unit: million, " + ", ".join("k%d: 1" % i for i in range(30)) + "}")
print("market: {anchors: {2024: 100, 2030: 200}}")' >"$T/many.yaml"
"$MKP" validate "$T/many.yaml" 2>"$T/e"
expect_eq "30 errors: 20 lines and a note" "$(wc -l <"$T/e")" 21
expect_grep "30 errors: the note says how many more" "$T/e" "^.*many.yaml: note: 10 more errors not shown \(the first 20 are above\)$"
