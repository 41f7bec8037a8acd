#!/bin/sh
# tests/bench.sh BUILD - the numbers behind the performance targets.
# Timings are medians of repeated runs on this machine; compare ratios
# within one run, since a shared machine is noisy.
BUILD=${1:-build}
MKP=$BUILD/bin/marketpress
B=$BUILD/bench
mkdir -p "$B"
for n in 1000 10000 100000; do
    [ -f "$B/synthetic-$n.yaml" ] || "$BUILD/tests/gen_dataset" $n >"$B/synthetic-$n.yaml"
done
echo "== validate + forecast (load, build, checks), in process"
"$BUILD/tests/bench" datasets/aigc-foundation-models.yaml 51
"$BUILD/tests/bench" "$B/synthetic-1000.yaml" 21
"$BUILD/tests/bench" "$B/synthetic-10000.yaml" 11
"$BUILD/tests/bench" "$B/synthetic-100000.yaml" 5

# Median wall time of a whole command, in ms, over RUNS runs.
median_ms() {
    runs=$1; shift
    i=0
    while [ $i -lt "$runs" ]; do
        s=$(date +%s%N)
        "$@" >/dev/null 2>&1
        e=$(date +%s%N)
        echo $(((e - s) / 1000))
        i=$((i + 1))
    done | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}
peak_kib() {
    /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
}
echo "== whole commands (fork/exec included), median of 11"
printf '%-52s %8s ms\n' "marketpress validate AIGC" "$(median_ms 11 "$MKP" validate datasets/aigc-foundation-models.yaml)"
printf '%-52s %8s ms\n' "marketpress forecast --csv AIGC" "$(median_ms 11 "$MKP" forecast --csv datasets/aigc-foundation-models.yaml)"
printf '%-52s %8s ms\n' "marketpress validate 10,000 segments" "$(median_ms 5 "$MKP" validate "$B/synthetic-10000.yaml")"
# Median of the plugin's own render() time, from render --times.
median_render_ms() {
    runs=$1; shift
    i=0
    while [ $i -lt "$runs" ]; do
        "$@" --times 2>&1 >/dev/null | sed -n 's/.*(render \([0-9.]*\) ms.*/\1/p' | head -1
        i=$((i + 1))
    done | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'
}
# The command with the outputs flushed to disk (the default) and without
# (--no-fsync), and the plugin's own render() time.
printf '%-40s %12s %12s %12s %10s\n' "" "command ms" "no-fsync ms" "render() ms" "output"
for lang in en zh-CN; do
    for p in $(ls "$BUILD/lib/marketpress/plugins/" | sed -n 's/\.so$//p'); do
        [ $lang = en ] || [ $p != csv ] || continue
        rm -rf "$B/out"
        set -- "$MKP" render datasets/aigc-foundation-models.yaml -f $p --lang $lang -o "$B/out"
        whole=$(median_ms 11 "$@")
        quick=$(median_ms 11 "$@" --no-fsync)
        own=$(median_render_ms 11 "$@")
        printf '%-40s %12s %12s %12s %7s KiB\n' "render AIGC -f $p --lang $lang" "$whole" "$quick" "$own" \
            "$(du -sk "$B/out" | cut -f1)"
    done
done
rm -rf "$B/out"
printf '%-52s %8s ms\n' "render all 3 datasets, every plugin, -j 2" \
    "$(median_ms 5 "$MKP" render datasets/*.yaml -j 2 -o "$B/out")"
rm -rf "$B/out"
# Keys in one map and dimensions in one dataset: both are checked by
# sorting, so the time per item grows like log n, not like n.
echo "== scaling: duplicate-key and dimension checks (validate, median of 3)"
for n in 25000 50000 100000 200000; do
    [ -f "$B/keys-$n.yaml" ] || /usr/bin/python3 -c '
import sys
n = int(sys.argv[1])
print("report: {id: t, title: T, base_year: 2024, estimated_year: 2025, forecast_end: 2030, currency: USD, unit: million}")
print("market: {anchors: {2024: 100, 2030: 200}}")
print("landscape: {players: [], x: {" + ", ".join("k%d: 1" % i for i in range(n)) + "}}")' $n >"$B/keys-$n.yaml"
    ms=$(median_ms 3 "$MKP" validate "$B/keys-$n.yaml")
    printf '%-52s %8s ms  %6.2f us a key\n' "$n keys in one map" "$ms" "$(awk -v m="$ms" -v n="$n" 'BEGIN {print m * 1000 / n}')"
done
for n in 5000 10000 20000 40000; do
    [ -f "$B/dims-$n.yaml" ] || /usr/bin/python3 -c '
import sys
n = int(sys.argv[1])
print("report: {id: t, title: T, base_year: 2024, estimated_year: 2025, forecast_end: 2030, currency: USD, unit: million}")
print("market: {anchors: {2024: 100, 2030: 200}}")
print("dimensions:")
for i in range(n):
    print("  - {id: d%d, title: D, segments: [{id: a, title: A, share: {2024: 100}}]}" % i)' $n >"$B/dims-$n.yaml"
    ms=$(median_ms 3 "$MKP" validate "$B/dims-$n.yaml")
    printf '%-52s %8s ms  %6.2f us a dimension\n' "$n dimensions" "$ms" "$(awk -v m="$ms" -v n="$n" 'BEGIN {print m * 1000 / n}')"
done
if [ -x /usr/bin/time ]; then
    echo "== peak memory of the whole process"
    printf '%-52s %8s KiB\n' "validate AIGC" "$(peak_kib "$MKP" validate datasets/aigc-foundation-models.yaml)"
    for n in 1000 10000 100000; do
        printf '%-52s %8s KiB\n' "validate $n segments" "$(peak_kib "$MKP" validate "$B/synthetic-$n.yaml")"
    done
fi
if [ -x "$BUILD/tests/bench_holt" ]; then
    echo "== holt fitted on every series of 10,000 segments"
    "$BUILD/tests/bench_holt" "$B/synthetic-10000.yaml"
fi
