# scenarios.sh - what-if scenarios: growth adjustments and segment shocks,
# the model staying reconciled, and render --scenario.
. tests/lib.sh
ID=aigc-foundation-models

"$MKP" forecast "$AIGC" --json >"$T/base.json"
"$MKP" forecast "$AIGC" --json --scenario tariffs-2025 >"$T/tariffs.json"
"$MKP" forecast "$AIGC" --json --scenario optimistic >"$T/opt.json"
check "scenario figures hold together" /usr/bin/python3 - "$T/base.json" "$T/tariffs.json" "$T/opt.json" <<'PY'
import json, sys
base, tar, opt = (json.load(open(f)) for f in sys.argv[1:4])
sc = {s["id"]: s for s in base["scenarios"]}
assert list(sc) == ["base", "optimistic", "pessimistic", "tariffs-2025"], list(sc)
mk = {x["series"]: x for x in base["series"]}["market"]["values"]
assert sc["base"]["market"] == mk
assert sc["optimistic"]["market"]["2026"] == mk["2026"]          # from 2027 on
assert sc["optimistic"]["market"]["2032"] > mk["2032"] > sc["pessimistic"]["market"]["2032"]
# +1.5 points on every year's growth from 2027
g_base = mk["2027"] / mk["2026"] - 1
g_opt = sc["optimistic"]["market"]["2027"] / sc["optimistic"]["market"]["2026"] - 1
assert abs(g_opt - g_base - 0.015) < 1e-12, (g_opt, g_base)
# The tariff shock: on-premises grows 2 points slower in 2026-2028, cloud is
# untouched, the market falls by exactly the on-premises loss.
b = {x["series"]: x["values"] for x in base["series"]}
t = {x["series"]: x["values"] for x in tar["series"]}
for y in ("2026", "2027", "2028"):
    gb = b["deployment/on-premises"][y] / b["deployment/on-premises"][str(int(y) - 1)]
    gt = t["deployment/on-premises"][y] / t["deployment/on-premises"][str(int(y) - 1)]
    assert abs((gb - gt) - 0.02) < 1e-12, (y, gb, gt)
for y in b["market"]:
    assert abs(t["deployment/cloud"][y] - b["deployment/cloud"][y]) < 1e-12
    loss = b["deployment/on-premises"][y] - t["deployment/on-premises"][y]
    assert abs((b["market"][y] - t["market"][y]) - loss) < 1e-9
# Still reconciled everywhere.
dims = {k.split("/")[0] for k in t if k != "market"}
for p in list(dims) + [k for k in t if k != "market"]:
    depth = p.count("/") + 1
    kids = [k for k in t if k.startswith(p + "/") and k.count("/") == depth]
    if not kids:
        continue
    parent = t["market"] if p in dims else t[p]
    for y, v in parent.items():
        assert abs(sum(t[k][y] for k in kids) - v) <= 1e-9 * v, (p, y)
assert tar["scenario"] == "tariffs-2025" and opt["id"] == "aigc-foundation-models-optimistic"
PY

"$MKP" forecast "$AIGC" --summary >"$T/s.txt"
expect_grep "forecast lists the scenarios" "$T/s.txt" '^  pessimistic +28\.46 +30\.12 +49\.26 +8\.15%$'
"$MKP" validate "$AIGC" >/dev/null 2>"$T/v.err"
expect_no_grep "published CAGR is checked against the base case" "$T/v.err" "published_cagr"

"$MKP" render "$AIGC" -f csv --scenario pessimistic -o "$T/o" 2>/dev/null
expect_file "render --scenario names the output after the scenario" "$T/o/$ID-pessimistic.csv"
expect_no_file "the base output is not touched" "$T/o/$ID.csv"
check_status "unknown scenario exits 2" 2 "$MKP" render "$AIGC" -f csv --scenario nope -o "$T/o"
expect_grep "unknown scenario lists the known ones" "$T/.err" "no scenario named 'nope' \(the dataset has: base, optimistic, pessimistic, tariffs-2025\)"

# Mistakes in scenario blocks point at their place.
head -10 tests/fixtures/bad/shares-sum.yaml >"$T/bad.yaml"
cat >>"$T/bad.yaml" <<'YAML'
dimensions:
  - id: region
    title: Region
    segments:
      - {id: americas, title: Americas, share: {2025: 60}}
      - {id: emea, title: EMEA, share: {2025: 40}}
scenarios:
  - {id: base, title: Base, growth: 1}
  - id: shock
    title: Shock
    shocks:
      - {segment: region/amercias, growth: -2}
      - {segment: region/emea, growth: -2, from: 2024}
YAML
"$MKP" validate "$T/bad.yaml" 2>"$T/b.err"
expect_grep "base scenario cannot adjust" "$T/b.err" "bad.yaml:18:5: error: the base scenario is the forecast itself"
expect_grep "unknown shock segment" "$T/b.err" "bad.yaml:22:19: error: segment 'region/amercias' is not a segment path"
expect_grep "shock years must be forecast years" "$T/b.err" "bad.yaml:23:50: error: from 2024 must be a forecast year \(2026-2032\)"
