#!/bin/sh
# tests/fuzz/run.sh BUILD SECONDS - fuzz the dataset loader with libFuzzer
# (clang, from Debian's clang package).  Seeds: the datasets and the bad-input
# fixtures.  Inputs that crashed are written to tests/fixtures/fuzz/ so the
# suite replays them forever after.
set -eu
BUILD=$1
SECONDS_TO_RUN=$2
command -v clang >/dev/null || { echo "make fuzz needs clang: apt-get install clang" >&2; exit 1; }
out=$BUILD/fuzz
mkdir -p "$out/corpus"
cp datasets/*.yaml tests/fixtures/bad/*.yaml tests/fixtures/fuzz/* "$out/corpus/" 2>/dev/null || true
src=$(ls core/*/*.c | grep -v -e core/cli/main.c)
clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Icore \
    -DMKP_VERSION='"fuzz"' -o "$out/fuzz_load" tests/fuzz/fuzz_load.c $src -lyaml -ldl -lm
"$out/fuzz_load" -max_total_time="$SECONDS_TO_RUN" -max_len=8192 -timeout=5 \
    -dict=tests/fuzz/yaml.dict -artifact_prefix=tests/fixtures/fuzz/ "$out/corpus" || true
ls tests/fixtures/fuzz/
