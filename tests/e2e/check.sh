# check.sh - plugin-check checks what the plugin guide promises: the
# built-in plugins pass, and a plugin that writes outside its output,
# prints to standard output, passes the memory budget or hangs fails, each
# run with one line that says why; a hang stops the check at once.
. tests/lib.sh
TP=$BUILD/tests/plugins
PL=$BUILD/lib/marketpress/plugins
SAN=0
case "$BUILD" in */san) SAN=1 ;; esac
# A HOME and a TMPDIR of the test's own, so that what the check compares
# or diverts is ours alone: nothing else on the machine can show up there.
mkdir -p "$T/home" "$T/tmp"
HOME=$T/home TMPDIR=$T/tmp
export HOME TMPDIR

pc() { # NAME ARGS...: plugin-check ARGS into $T/NAME.txt, its exit status into $T/NAME.rc
    name=$1
    shift
    "$MKP" plugin-check "$@" >"$T/$name.txt" 2>"$T/$name.err"
    echo $? >"$T/$name.rc"
}

# Under ASan the shadow memory and the quarantine count in a run's peak
# (the xlsx plugin's 10,000 segments pass 600 MiB there): a larger budget.
budget=512 san_note=""
if [ $SAN = 1 ]; then budget=4096 san_note=" (under ASan with a 4096 MiB budget: its shadow memory is in the peak)"; fi
for p in csv pdf svg xlsx; do
    pc "$p" --memory-budget $budget "$PL/$p.so"
    expect_eq "plugin-check passes the built-in $p$san_note" "$(cat "$T/$p.rc") $(tail -1 "$T/$p.txt")" \
        "0 passed: 0 problem(s)"
done
expect_grep "plugin-check says how runs are isolated" "$T/csv.txt" "^isolation: (a private mount namespace|none \()"
expect_grep "plugin-check names each run's peak memory" "$T/csv.txt" "^ok   minimal dataset \[en\]: [0-9.]+ ms, peak [0-9]+ MiB$"
expect_grep "plugin-check says which host minor the plugin needs" "$T/csv.txt" "^plugin csv .* \(ABI 1\.[0-9]+, runs on 1\.0 and later\)"
confined=0
grep -q "^isolation: a private mount namespace" "$T/csv.txt" && confined=1

# Writes into HOME: named, and when confined the real HOME stays as it was
# (the write lands in the run's own overlay layer).
pc out "$TP/writes_outside.so"
expect_eq "writes outside: exit 1" "$(cat "$T/out.rc")" 1
if [ $confined = 1 ] && ! grep -q "HOME read-only" "$T/out.txt"; then
    expect_grep "writes outside: one line naming the file in HOME" "$T/out.txt" \
        '^FAIL minimal dataset \[en\]: wrote outside the output path: \$HOME/marketpress-was-here$'
    expect_eq "writes outside, confined: the real HOME is untouched" "$(ls -A "$HOME")" ""
else
    expect_grep "writes outside: one line naming the file in HOME, or the write that failed" "$T/out.txt" \
        '^FAIL minimal dataset \[en\]: (wrote outside the output path: \$HOME/marketpress-was-here|.*Read-only file system)'
fi
rm -f "$HOME/marketpress-was-here"
# Without the namespace: HOME compared after each run.
pc out2 --no-namespace "$TP/writes_outside.so"
expect_grep "--no-namespace says so" "$T/out2.txt" "^isolation: none \(--no-namespace\): the working folder, HOME and TMPDIR compared"
expect_grep "--no-namespace: the write into HOME is named" "$T/out2.txt" \
    '^FAIL minimal dataset \[en\]: wrote outside the output path: \$HOME/marketpress-was-here$'
rm -f "$HOME/marketpress-was-here"
pc esc --no-namespace "$TP/escape.so"
expect_grep "--no-namespace: writes into the working folder and beside the output are named" "$T/esc.txt" \
    '^FAIL minimal dataset \[en\]: wrote outside the output path: escaped\.txt, minimal\.escape\.sidecar$'
# Unconfined, a file the caller keeps writing in TMPDIR meanwhile (the
# shell's 2>FILE of this very check, as the suite itself does, as in a
# chroot) is not the run's: only what a run makes counts.
mkdir -p "$T/tt"
TMPDIR="$T/tt" "$MKP" plugin-check --no-namespace -v "$BUILD/lib/marketpress/plugins/csv.so" \
    >"$T/tt/out.txt" 2>"$T/tt/log"
expect_grep "--no-namespace: a log kept in TMPDIR while the check runs is not blamed on the plugin" \
    "$T/tt/out.txt" "^passed: 0 problem"

# Standard output is marketpress's: every byte a plugin prints is a failure.
pc so "$TP/prints_stdout.so"
expect_eq "prints to stdout: exit 1" "$(cat "$T/so.rc")" 1
expect_grep "prints to stdout: one line with the bytes" "$T/so.txt" \
    "^FAIL minimal dataset \[en\]: printed 18 bytes to standard output$"
expect_no_grep "what the plugin printed is not in plugin-check's output" "$T/so.txt" "^rendering "

# Memory: the peak against the budget, named.
if [ $SAN = 1 ]; then
    ok "leaks 600 MB: over the 512 MiB budget, with its peak (not under ASan: its shadow memory is in the peak)"
else
    pc leak "$TP/leaks.so"
    expect_grep "leaks 600 MB: over the 512 MiB budget, with its peak" "$T/leak.txt" \
        "^FAIL minimal dataset \[en\]: peak memory 6[0-9][0-9] MiB, over the budget of 512 MiB \(--memory-budget\)$"
fi
pc budget --memory-budget 1 "$PL/csv.so"
expect_eq "--memory-budget 1: the csv plugin fails it" "$(cat "$T/budget.rc")" 1
expect_grep "--memory-budget: the budget given is the one named" "$T/budget.txt" \
    "^FAIL minimal dataset \[en\]: peak memory [0-9]+ MiB, over the budget of 1 MiB \(--memory-budget\)$"

# A hang fails at the first timeout and the check stops there, instead of
# waiting out every fixture (a plugin that never returns: -t 1 is safe).
pc hang -t 1 "$TP/hang.so"
expect_eq "hang: exit 1" "$(cat "$T/hang.rc")" 1
expect_grep "hang: one line, the timeout" "$T/hang.txt" "^FAIL minimal dataset \[en\]: plugin hang timed out after 1 s rendering minimal$"
expect_eq "hang: no run after the first timeout" "$(grep -c '^FAIL \|^ok ' "$T/hang.txt")" 1
expect_grep "hang: says the check stopped" "$T/hang.txt" "^stopped at the first timeout: 9 more fixture run\(s\) not tried$"

check_status "--memory-budget 0 is a usage error" 2 "$MKP" plugin-check --memory-budget 0 "$PL/csv.so"
check_status "--timeout 0 is a usage error" 2 "$MKP" plugin-check --timeout 0 "$PL/csv.so"
expect_eq "plugin-check leaves no scratch folder behind" "$(ls -A "$TMPDIR")" ""
