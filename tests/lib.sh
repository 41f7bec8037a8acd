# tests/lib.sh - helpers for the end-to-end test scripts in tests/e2e/.
# A script is run as `sh tests/e2e/NAME.sh` from the top of the tree with
#   MKP    the marketpress binary under test
#   BUILD  its build folder (plugins in $BUILD/lib/marketpress/plugins,
#          test plugins in $BUILD/tests/plugins)
# and prints one line per check: "ok - NAME" or "not ok - NAME: why".
# $T is a fresh scratch folder, removed when the script ends.

T=$(mktemp -d "${TMPDIR:-/tmp}/mkp-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
AIGC=datasets/aigc-foundation-models.yaml

ok() { echo "ok - $1"; }
fail() { echo "not ok - $1: $2"; }

# check NAME CMD...: passes when CMD exits 0.
check() {
    name=$1; shift
    if "$@" >"$T/.out" 2>&1; then ok "$name"; else fail "$name" "exit $? from: $* :: $(head -c 400 "$T/.out")"; fi
}

# check_status NAME STATUS CMD...: passes when CMD exits with STATUS.
check_status() {
    name=$1; want=$2; shift 2
    "$@" >"$T/.out" 2>"$T/.err"; got=$?
    if [ "$got" = "$want" ]; then ok "$name"; else fail "$name" "exit $got, wanted $want: $(head -c 400 "$T/.err")"; fi
}

# expect_grep NAME FILE PATTERN: passes when FILE has a line matching the
# extended regular expression PATTERN.
expect_grep() {
    if grep -Eq -- "$3" "$2"; then ok "$1"; else fail "$1" "no line matching '$3' in $2: $(head -c 300 "$2")"; fi
}

expect_no_grep() {
    if grep -Eq -- "$3" "$2"; then fail "$1" "unexpected line matching '$3' in $2"; else ok "$1"; fi
}

# expect_eq NAME GOT WANT
expect_eq() {
    if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got '$2', wanted '$3'"; fi
}

# expect_file NAME PATH: a non-empty file exists.
expect_file() {
    if [ -s "$2" ]; then ok "$1"; else fail "$1" "$2 is missing or empty"; fi
}

expect_no_file() {
    if [ -e "$2" ]; then fail "$1" "$2 exists"; else ok "$1"; fi
}
