#!/bin/sh
# tests/fuzz/run.sh BUILD SECONDS [TARGET...] - build the libFuzzer targets
# with clang (Debian's clang package), ASan and UBSan, and run each TARGET
# for SECONDS, one after the other, in one process (no -jobs or -workers):
#   load    any bytes through the loader and the model build (fuzz_load.c)
#   chart   every figure through chart_layout (fuzz_chart.c)
#   render  every built-in plugin's render() (fuzz_render.c)
#   theme   any bytes through the theme and clients-file readers (fuzz_theme.c)
# Without TARGET: $FUZZ_TARGET, else all four.  `make fuzz` runs this with
# $(BUILD), FUZZ_SECONDS and FUZZ_TARGET.
#
# Everything is built below BUILD/fuzz: the core's objects and the plugins
# through the Makefile's own rules (CC=clang, instrumented with
# -fsanitize=fuzzer-no-link so that libFuzzer sees their coverage), the
# targets, the corpora (BUILD/fuzz/corpus/TARGET, seeded from the datasets
# and every fixture) and each run's log (BUILD/fuzz/TARGET.log).  Inputs
# that crash, hang, leak or trip a check are written to tests/fixtures/fuzz/
# (load), tests/fixtures/fuzz-chart/, tests/fixtures/fuzz-render/ and
# tests/fixtures/fuzz-theme/ (replayed by tests/e2e/themes.sh), which
# the suite replays (tests/e2e/cli.sh, tests/e2e/fuzzed.sh).
#
# Repeat one input:  BUILD/fuzz/fuzz_render tests/fixtures/fuzz-render/FILE
set -eu
BUILD=$1
SECONDS_TO_RUN=$2
shift 2
TARGETS=${*:-${FUZZ_TARGET:-load chart render theme}}
command -v clang >/dev/null || { echo "make fuzz needs clang: apt-get install clang" >&2; exit 1; }
for t in $TARGETS; do
    case $t in load | chart | render | theme) ;; *) echo "run.sh: no fuzz target '$t' (load, chart, render, theme)" >&2; exit 2 ;; esac
done

out=$BUILD/fuzz
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
WARN="-Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral"

# The core and the plugins through the Makefile's rules, so that the flags,
# libraries and warnings are the ones every build uses.  Not the caller's
# MAKEFLAGS: they carry its BUILD.
core_obj=$(ls core/*/*.c | grep -v '^core/cli/main\.c$' | sed "s|^|$out/obj/|; s|\.c\$|.o|")
# and the plugin code the program links as it is (the Makefile's CORE_SHARED)
core_obj="$core_obj $out/obj/plugins/common/fontfind.o $out/obj/plugins/common/capture.o"
plugins=""
case " $TARGETS " in *" render "*) plugins="csv pdf svg xlsx" ;; esac
env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s --no-print-directory BUILD="$out" CC=clang \
    OPT="-O1 -g -fsanitize=fuzzer-no-link $SAN" LDSAN="$SAN" \
    $core_obj $(for p in $plugins; do printf '%s ' "$out/lib/marketpress/plugins/$p.so"; done)

build_target() { # NAME: BUILD/fuzz/fuzz_NAME from tests/fuzz/fuzz_NAME.c and the core
    clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer $SAN $WARN -Iinclude -Icore \
        -o "$out/fuzz_$1" "tests/fuzz/fuzz_$1.c" $core_obj -lyaml -ldl -lm \
        $(pkg-config --libs freetype2 fontconfig)
}

# Seeds: the datasets, the seeds kept here, and every fixture (the inputs
# kept from fuzzing included); a corpus grows from run to run.
seed() { # NAME
    mkdir -p "$out/corpus/$1"
    if [ "$1" = theme ]; then # a byte that chooses the reader, then the file
        for f in themes/*.yaml tests/fixtures/fuzz-theme/*; do
            [ -f "$f" ] || continue
            case $f in themes/*) { printf '\000'; cat "$f"; } >"$out/corpus/$1/$(echo "$f" | tr / _)" ;;
            *) cp "$f" "$out/corpus/$1/$(echo "$f" | tr / _)" ;; esac
        done
        for f in tests/fuzz/seeds/clients*.yaml; do
            [ -f "$f" ] && { printf '\001'; cat "$f"; } >"$out/corpus/$1/$(echo "$f" | tr / _)"
        done
        return 0
    fi
    for f in datasets/*.yaml tests/fuzz/seeds/* tests/fixtures/*/*; do
        case $f in *.py) continue ;; esac
        [ -f "$f" ] && cp "$f" "$out/corpus/$1/$(echo "$f" | tr / _)"
    done
    return 0
}

# One session stops at its first finding; the next one starts where it
# stopped (the corpus is kept) for the time left, without the corpus file
# that was the finding (libFuzzer names an input by its SHA-1), until the
# time is up.  Coverage at the end is that of the whole corpus, replayed.
session() { # TARGET KEEP SECONDS OPTS...
    st=$1 skeep=$2 ssec=$3
    shift 3
    TMPDIR=$out/tmp ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
        "$out/fuzz_$st" -max_total_time="$ssec" "$@" -print_final_stats=1 -dict=tests/fuzz/yaml.dict \
        -artifact_prefix="$skeep" "$out/corpus/$st"
}

status=0
for t in $TARGETS; do
    case $t in
    load) keep=tests/fixtures/fuzz/ opts="-max_len=8192 -timeout=5" ;;
    theme) keep=tests/fixtures/fuzz-theme/ opts="-max_len=8192 -timeout=5" ;;
    chart) keep=tests/fixtures/fuzz-chart/ opts="-max_len=65536 -timeout=10" ;;
    # The plugins' messages (a font fallback, say) would bury libFuzzer's
    # lines: their stderr is closed, libFuzzer's and the sanitizers' stay.
    render) keep=tests/fixtures/fuzz-render/ opts="-max_len=65536 -timeout=30 -rss_limit_mb=4096 -close_fd_mask=2" ;;
    esac
    build_target "$t"
    seed "$t"
    mkdir -p "$keep" "$out/tmp"
    ls "$keep" >"$out/$t.before"
    log=$out/$t.log
    : >"$log"
    echo "fuzz $t for $SECONDS_TO_RUN s; log in $log"
    end=$(($(date +%s) + SECONDS_TO_RUN))
    sessions=0 execs=0 findings=0
    while left=$((end - $(date +%s))); [ "$left" -gt 0 ] && [ "$sessions" -lt 500 ]; do
        rm -rf "$out/tmp/"*
        sessions=$((sessions + 1))
        rc=0
        session "$t" "$keep" "$left" $opts >"$log.session" 2>&1 || rc=$?
        cat "$log.session" >>"$log"
        n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log.session")
        execs=$((execs + ${n:-0}))
        last=$(grep -E '^#[0-9]+[[:space:]].* cov: ' "$log.session" | tail -1 | tr '\t' ' ')
        echo "fuzz $t: session $sessions: ${n:-0} execs, at the end: ${last:-no coverage line}"
        [ "$rc" -eq 0 ] && break
        findings=$((findings + 1))
        art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log.session" | tail -1)
        # The first line that says what it was: a target's own check, a
        # sanitizer's report, or libFuzzer's (timeout, leak, memory).
        grep -E -m1 '^fuzz_chart: figure |^fuzz_render: plugin |^==[0-9]+== ?ERROR: |runtime error: |^SUMMARY: ' \
            "$log.session" |
            sed "s|^|fuzz $t: finding ($art): |" || true
        [ -n "$art" ] || { echo "fuzz $t: exit $rc without a kept input; see $log" >&2; break; }
        sum=$(sha1sum <"$art" | cut -c1-40)
        for f in "$out/corpus/$t"/*; do
            [ "$(sha1sum <"$f" | cut -c1-40)" = "$sum" ] && rm -f "$f"
        done
    done
    rm -f "$log.session"
    rm -rf "$out/tmp/"*
    # An input that trips a check only after others ran before it (state
    # a plugin keeps between renders) shows here rather than in a session.
    TMPDIR=$out/tmp "$out/fuzz_$t" -runs=0 $opts -artifact_prefix="$keep" "$out/corpus/$t" >"$out/$t.replay.log" 2>&1 ||
        echo "fuzz $t: replaying the corpus failed; see $out/$t.replay.log"
    cov=$(grep -E '^#[0-9]+[[:space:]]+INITED' "$out/$t.replay.log" | tail -1 | tr '\t' ' ')
    echo "fuzz $t: $sessions session(s), $execs execs in $SECONDS_TO_RUN s ($((execs / SECONDS_TO_RUN))/s), $findings finding(s)"
    echo "fuzz $t: the corpus replayed: $cov"
    new=$(ls "$keep" | grep -vxF -f "$out/$t.before" || true)
    echo "fuzz $t: new inputs in $keep: ${new:-none}"
    [ "$findings" -eq 0 ] || status=1
done
exit $status
