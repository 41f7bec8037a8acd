# forecast.sh - forecast methods chosen per series, bottom-up segments, and
# the consistency warnings, through the command line.
. tests/lib.sh
MIXED=tests/fixtures/forecast/mixed.yaml
SUMS=tests/fixtures/forecast/published-sums.yaml

check_status "validate: a dataset mixing methods" 0 "$MKP" validate "$MIXED"
expect_grep "validate: it says ok" "$T/.out" '^tests/fixtures/forecast/mixed\.yaml: ok: mixed-methods, 2018-2030, 2 dimensions, 10 segments, USD billion$'
expect_no_grep "validate: no warning" "$T/.err" 'warning|error'

"$MKP" forecast "$MIXED" --csv >"$T/m.csv" 2>"$T/m.err"
expect_eq "forecast --csv: 11 series x 13 years" "$(($(wc -l <"$T/m.csv") - 1))" 143
expect_no_grep "forecast --csv: no warning" "$T/m.err" 'warning|error'
check "forecast --csv: methods, anchors and sums" /usr/bin/python3 - "$T/m.csv" <<'PY'
import csv, math, sys
v = {}
for row in csv.DictReader(open(sys.argv[1])):
    v.setdefault(row["series"], {})[int(row["year"])] = float(row["value"])
years = range(2018, 2031)
def near(a, b, tol=1e-9):
    assert abs(a - b) <= tol * max(1.0, abs(b)), (a, b)
mk = v["market"]
# Holt on the market: history and published anchors hold exactly.
for y, x in {2018: 40.2, 2019: 44.9, 2020: 47.1, 2021: 53.8, 2022: 58.0, 2023: 63.9,
             2024: 69.5, 2025: 75.0, 2030: 112.0}.items():
    assert mk[y] == x, (y, mk[y])
assert all(mk[y] > mk[y - 1] for y in range(2026, 2031))
# Every dimension and the bottom-up segment add up in every year.
for y in years:
    near(sum(v["product/" + s][y] for s in ("devices", "services", "software")), mk[y])
    near(sum(v["region/" + s][y] for s in ("americas", "emea", "apac")), mk[y])
    near(sum(v["product/devices/" + s][y] for s in ("phones", "tablets", "wearables", "hearables")),
         v["product/devices"][y])
    assert all(v[s][y] >= 0 for s in v)
# The sub-segments of a bottom-up segment are not rescaled: each is its
# method's curve, bent through its anchors.
def ols(xs, ys):
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return my - b * mx, b
ph = v["product/devices/phones"]
_, b = ols([2022, 2023, 2024, 2025], [12.0, 13.1, 13.9, 15.2])
for y in range(2026, 2031):
    near(ph[y], 15.2 + b * (y - 2025))           # linear: the fitted yearly increase
for y in range(2018, 2022):
    near(ph[y], 12.0 - b * (2022 - y))
tb = v["product/devices/tablets"]
_, b = ols([2022, 2023, 2024, 2025], [math.log(x) for x in (4.0, 4.5, 4.9, 5.6)])
for y in range(2026, 2031):
    near(tb[y], 5.6 * math.exp(b * (y - 2025)))  # loglinear: the fitted growth rate
def logistic(t):
    return 9.0 / (1 + math.exp(-(t - 2027.5) / 1.5))
def bass(t):
    t -= 2021
    if t <= 0:
        return 0.0
    e = math.exp(-(0.03 + 0.4) * t)
    return 6.0 * (1 - e) / (1 + 0.4 / 0.03 * e)
for y in years:                                  # one anchor: the curve scaled through it
    near(v["product/devices/wearables"][y], logistic(y) * 2.0 / logistic(2024))
    near(v["product/devices/hearables"][y], bass(y) * 1.0 / bass(2024))
assert v["product/devices/hearables"][2021] == 0
assert v["product/devices/phones"][2025] == 15.2 and v["product/devices/tablets"][2022] == 4.0
PY

# Mistakes in methods and parameters point at their place and exit 2.
bad() { # NAME LINE-NO NEW-LINE PATTERN
    sed "$2s/.*/$3/" "$MIXED" >"$T/bad.yaml"
    check_status "$1: exits 2" 2 "$MKP" validate "$T/bad.yaml"
    expect_grep "$1: says where and what" "$T/.err" "$4"
}
bad "unknown method" 17 "  method: hotl" \
    "bad\.yaml:17:11: error: unknown forecast method 'hotl'; did you mean 'holt'\? \(methods: cagr, linear, loglinear, holt, logistic, bass\)"
bad "alpha out of range" 17 "  method: holt\n  params: {alpha: 1.5}" \
    "bad\.yaml:18:19: error: holt alpha must be within \[0, 1\], not '1\.5'"
bad "misspelt parameter" 17 "  method: holt\n  params: {betta: 0.5}" \
    "bad\.yaml:18:12: error: unknown key 'betta' in the params of holt; did you mean 'beta'\?"
bad "capacity not above 0" 38 "            params: {capacity: -9.0, midpoint: 2027.5, scale: 1.5}" \
    "bad\.yaml:38:32: error: logistic capacity must be a value above 0, not '-9\.0'"
bad "damping not in (0, 1]" 51 "        params: {alpha: 0.8, beta: 0.2, phi: 1.2}" \
    "bad\.yaml:51:46: error: holt phi must be within \(0, 1\], not '1\.2'"
head -12 "$MIXED" >"$T/few.yaml"
printf 'market:\n  anchors: {2024: 69.5, 2025: 75.0, 2030: 112.0}\n  method: holt\n' >>"$T/few.yaml"
check_status "too few points for holt: exits 2" 2 "$MKP" validate "$T/few.yaml"
expect_grep "too few points for holt: says how many" "$T/.err" \
    "few\.yaml:15:11: error: market: holt needs at least 3 consecutive yearly points to fit alpha and beta; the longest run is 2024-2025 \(2 points\): give alpha and beta in params, or more years"
sed -e '28s/.*/            anchors: {2025: 15.2}/' "$MIXED" >"$T/bad.yaml"
check_status "too few points for linear: exits 2" 2 "$MKP" validate "$T/bad.yaml"
expect_grep "too few points for linear: names the segment" "$T/.err" \
    "bad\.yaml:29:21: error: product/devices/phones: linear fits a line and needs at least 2 known points; it has 1"

# Consistency problems warn, and validate still succeeds.
check_status "published figures that disagree: validate exits 0" 0 "$MKP" validate "$SUMS"
expect_grep "published CAGR differs" "$T/.err" \
    "published-sums\.yaml:14:19: warning: published_cagr 9\.6% for 2025-2032 is outside the 9\.43%-9\.44% that the rounded anchors allow by 0\.16 percentage points \(the anchors imply 9\.43%\)"
expect_grep "published segments short of the market" "$T/.err" \
    "published-sums\.yaml:19:80: warning: the published segments of 'region' add up to 27\.9 in 2025, but the market is 28\.46: 0\.56 \(1\.97%\) short"
expect_grep "published sub-segments over their segment" "$T/.err" \
    "published-sums\.yaml:30:80: warning: the published segments of 'deployment/cloud' \(2 of 3\) add up to 18\.7 in 2025, more than the 18 of 'deployment/cloud': 0\.7 \(3\.89%\) over"
expect_no_grep "figures that add up do not warn" "$T/.err" "in 2032"
"$MKP" forecast "$SUMS" --csv >/dev/null 2>"$T/s.err"
expect_no_grep "forecast --csv leaves the consistency checks to validate" "$T/s.err" "warning"
