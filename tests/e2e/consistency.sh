# consistency.sh - the consistency checks that read rounding, through
# `validate`: a growth step between anchors that departs from its
# neighbour, and the published CAGR against the range of CAGRs that the
# rounded anchors allow (silent, a note, or a warning that may name the
# cagr_start that gives it).  Warnings never fail validate.
. tests/lib.sh
ds() { # NAME TEXT...: a dataset file $T/NAME.yaml
    name=$1; shift
    printf '%s\n' "$@" >"$T/$name.yaml"
}
H25='report: {id: t, title: T, base_year: 2025, estimated_year: 2026, forecast_end: 2032, currency: USD, unit: billion}'
H23='report: {id: t, title: T, base_year: 2023, estimated_year: 2024, forecast_end: 2032, currency: USD, unit: billion}'

# 1. The shipped AIGC market: +5.83% in 2025-2026, then 10.04% a year.  The
# warning points at the 2026 figure, wherever the file has it.
check_status "aigc: validate still succeeds" 0 "$MKP" validate "$AIGC"
at=$(awk '/^  anchors: \{2025: 28\.46, 2026: 30\.12, 2032: 53\.49\}/ { print NR ":" index($0, "30.12"); exit }' "$AIGC")
expect_eq "aigc: the market anchors are where the test looks" "$(echo "$at" | grep -c '^[0-9]*:[0-9]*$')" 1
expect_grep "aigc: the 2026 figure departs from its neighbours, with the amounts" "$T/.err" \
    "^datasets/aigc-foundation-models\.yaml:$at: warning: market anchor 2026 \(30\.12\) implies \+5\.83% in 2025-2026 but 10\.04% a year in 2026-2032, 4\.21 percentage points apart; check the 2026 figure$"
expect_eq "aigc: that is its only growth step warning" "$(grep -c 'percentage points apart' "$T/.err")" 1
expect_no_grep "aigc: its published CAGR is what the anchors give (silent)" "$T/.err" "published_cagr"

# Every shipped dataset's published CAGR agrees with its anchors.
"$MKP" validate datasets/*.yaml >/dev/null 2>"$T/all.err"
expect_no_grep "shipped datasets: no published_cagr warning or note" "$T/all.err" "published_cagr"

# 2. A smooth series: 10% a year, then 10.5% a year.
ds smooth "$H25" 'market: {anchors: {2025: 100.0, 2026: 110.0, 2032: 200.5}, published_cagr: 10.45}'
check_status "smooth: validate succeeds" 0 "$MKP" validate "$T/smooth.yaml"
expect_no_grep "smooth: no growth step warning" "$T/.err" "warning"
expect_no_grep "smooth: no note either" "$T/.err" "note"

# 3. Rounding alone: 2.0, 2.0, 2.6 may be 1.95, 2.05, 2.55 (5.13% then
# 3.70%).  Written to two decimals the same step is a real one.
ds round1 "$H25" 'market: {anchors: {2025: 2.0, 2026: 2.0, 2032: 2.6}}'
check_status "small rounded figures: validate succeeds" 0 "$MKP" validate "$T/round1.yaml"
expect_no_grep "small rounded figures: no warning from rounding alone" "$T/.err" "warning"
ds round2 "$H25" 'market: {anchors: {2025: 2.00, 2026: 2.00, 2032: 2.60}}'
"$MKP" validate "$T/round2.yaml" >/dev/null 2>"$T/r2.err"
expect_grep "the same figures to two decimals warn" "$T/r2.err" \
    "^$T/round2\.yaml:2:38: warning: market anchor 2026 \(2\.00\) implies \+0\.00% in 2025-2026 but 4\.47% a year in 2026-2032, 4\.47 percentage points apart; check the 2026 figure$"

# 4. 2.4 -> 3.1 over five years is 5.25%, and one-decimal figures allow
# 4.48%-6.03%: a published 5.1% is within rounding.
ds within 'report: {id: t, title: T, base_year: 2025, estimated_year: 2026, forecast_end: 2030, currency: USD, unit: billion}' \
    'market:' '  anchors: {2025: 2.4, 2030: 3.1}' '  published_cagr: 5.1'
check_status "5.1% from 2.4 -> 3.1: validate succeeds" 0 "$MKP" validate "$T/within.yaml"
expect_grep "5.1%: a note says it is within rounding" "$T/.err" \
    "^$T/within\.yaml:4:19: note: published_cagr 5\.1% for 2025-2030 is within rounding of the 5\.25% that the anchors imply: the rounded anchors allow 4\.48%-6\.03%$"
expect_no_grep "5.1%: no warning" "$T/.err" "warning"

# 5. 22 -> 900 over nine years is 51.04% (50.65%-51.44% as rounded): a
# published 39.8% is a contradiction, not rounding.
ds outside "$H23" 'market:' '  anchors: {2023: 22, 2032: 900}' '  published_cagr: 39.8'
check_status "39.8% from 22 -> 900: validate still succeeds" 0 "$MKP" validate "$T/outside.yaml"
expect_grep "39.8%: warns outside the range, by how much" "$T/.err" \
    "^$T/outside\.yaml:4:19: warning: published_cagr 39\.8% for 2023-2032 is outside the 50\.65%-51\.44% that the rounded anchors allow by 10\.85 percentage points \(the anchors imply 51\.04%\)$"
expect_no_grep "39.8%: no year gives it, so no cagr_start is offered" "$T/.err" "cagr_start"

# 6. With a 2024 anchor of 61.7, counting from 2024 gives 39.80%: the
# warning says what to write.
ds start "$H23" 'market:' '  anchors: {2023: 22, 2024: 61.7, 2032: 900}' '  published_cagr: 39.8'
"$MKP" validate "$T/start.yaml" >/dev/null 2>"$T/s.err"
expect_grep "39.8% with a 2024 anchor: suggests cagr_start: 2024" "$T/s.err" \
    "^$T/start\.yaml:4:19: warning: published_cagr 39\.8% for 2023-2032 is outside the 50\.65%-51\.44% that the rounded anchors allow by 10\.85 percentage points \(the anchors imply 51\.04%\); cagr_start: 2024 would give 39\.80%$"
# ...and following the suggestion silences it.
ds fixed 'report: {id: t, title: T, base_year: 2023, estimated_year: 2024, forecast_end: 2032, cagr_start: 2024, currency: USD, unit: billion}' \
    'market:' '  anchors: {2023: 22, 2024: 61.7, 2032: 900}' '  published_cagr: 39.8'
"$MKP" validate "$T/fixed.yaml" >/dev/null 2>"$T/f.err"
expect_no_grep "with cagr_start: 2024 the published CAGR agrees" "$T/f.err" "published_cagr"
# A history year that gives it is named, but not offered as cagr_start.
ds hist "$H23" 'market:' '  history: {2021: 145.7}' '  anchors: {2023: 200, 2032: 900}' '  published_cagr: 18.0'
"$MKP" validate "$T/hist.yaml" >/dev/null 2>"$T/h.err"
expect_grep "a history year that gives it is named as such" "$T/h.err" \
    "warning: published_cagr 18\.0% .*; counted from history year 2021 it would be 18\.00% \(cagr_start cannot come before base_year 2023\)$"
