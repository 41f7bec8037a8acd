#!/bin/sh
# tests/run.sh BUILD - one pass of the suite against BUILD: the C unit
# tests, then every tests/e2e/*.sh.  Prints each failure, then a line
# "N passed, N failed"; writes the counts to BUILD/.test-counts.
BUILD=${1:-build}
MKP=$BUILD/bin/marketpress
export BUILD MKP
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:print_summary=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
LOG=$BUILD/test.log
: >"$LOG"
pass=0
fail=0
add_results() { # FILE: count ok / not ok lines
    p=$(grep -c '^ok - ' "$1")
    f=$(grep -c '^not ok - ' "$1")
    pass=$((pass + p))
    fail=$((fail + f))
    grep '^not ok - ' "$1" | sed "s|^|[$BUILD] |"
    cat "$1" >>"$LOG"
}
out=$(mktemp)
"$BUILD/tests/unit_tests" >"$out" 2>&1
st=$?
add_results "$out"
if [ $st -ne 0 ] && ! grep -q '^not ok - ' "$out"; then
    echo "not ok - unit tests exited with status $st" | tee -a "$LOG"
    tail -20 "$out"
    fail=$((fail + 1))
fi
for t in tests/e2e/*.sh; do
    sh "$t" >"$out" 2>&1
    if ! grep -Eq '^(not )?ok - ' "$out"; then
        echo "not ok - $t ran no check: $(tail -c 300 "$out")" >"$out"
    fi
    add_results "$out"
done
rm -f "$out"
echo "$pass $fail" >"$BUILD/.test-counts"
echo "$BUILD: $pass passed, $fail failed"
[ $fail -eq 0 ]
