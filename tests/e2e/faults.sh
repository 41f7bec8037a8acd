# faults.sh - the fault matrix: full staging and output filesystems, a
# read-only folder, each stop signal at several moments, SIGKILL, fd,
# memory and process limits, planted symbolic links and concurrent renders.
# For every plugin the result is the complete output or none, the previous
# output kept, one clear line, the right exit status and no temporary left.
# Small filesystems are tmpfs mounts in a mount namespace of the test's own
# (as root, or as the root of a user namespace), gone when the test ends.
if [ -z "${MKP_FAULTS_NS:-}" ]; then
    export MKP_FAULTS_NS=1
    # Private propagation needs / to be a mount point, which it is not in a
    # chroot; there the mounts are undone by the trap below.
    if [ "$(id -u)" = 0 ] && unshare --mount --propagation private true 2>/dev/null; then
        exec unshare --mount --propagation private sh "$0" "$@"
    elif [ "$(id -u)" = 0 ] && unshare --mount --propagation unchanged true 2>/dev/null; then
        exec unshare --mount --propagation unchanged sh "$0" "$@"
    elif unshare --user --map-root-user --mount true 2>/dev/null; then
        MKP_FAULTS_NS=user exec unshare --user --map-root-user --mount sh "$0" "$@"
    fi
    echo "not ok - fault matrix: needs root or user namespaces (unshare) to mount small filesystems"
    exit 0
fi
. tests/lib.sh
TP=$BUILD/tests/plugins
ID=aigc-foundation-models
PLUGINS="csv pdf xlsx svg"
SAN=0
case "$BUILD" in */san) SAN=1 ;; esac
trap 'cd /; for m in $(grep " $T/" /proc/mounts | cut -d" " -f2 | sort -r); do umount "$m"; done 2>/dev/null; rm -rf "$T"' EXIT

out_of() { # PLUGIN DIR: the output's path
    if [ "$1" = svg ]; then echo "$2/$ID-svg"; else echo "$2/$ID.$1"; fi
}
same() { # A B: the same file, or the same folder tree
    if [ -d "$1" ]; then diff -r "$1" "$2" >/dev/null 2>&1; else cmp -s "$1" "$2"; fi
}
temps() { # DIR: how many temporaries are left in it
    ls -A "$1" 2>/dev/null | grep -c '\.tmp-'
}
small_fs() { # DIR SIZE: a fresh tmpfs of SIZE at DIR
    mkdir -p "$1" && mount -t tmpfs -o "size=$2,mode=0777" tmpfs "$1"
}
fill_to() { # DIR BYTES: leave about BYTES free on DIR's filesystem
    avail=$(df -B1 --output=avail "$1" | tail -1)
    want=$((avail - $2))
    [ $want -gt 0 ] && head -c "$want" /dev/zero >"$1/.filler" 2>/dev/null
    true
}
HOSTTAG=$(uname -n | cut -d. -f1 | tr -c 'A-Za-z0-9\n' _)
alive() { # PID: still running (a zombie has ended)
    [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat")" != Z ]
}

# Reference outputs, and the "previous" ones a failed render must keep
# (the Chinese edition under the English names, so that the two can be
# told apart).
"$MKP" render "$AIGC" -f csv,pdf,xlsx,svg -o "$T/ref" 2>"$T/ref.err" &&
    "$MKP" render "$AIGC" -f csv,pdf,xlsx,svg -o "$T/prev" --lang zh-CN 2>>"$T/ref.err" &&
    for f in "$T/prev/$ID".zh-CN*; do mv "$f" "$T/prev/$ID${f#"$T/prev/$ID".zh-CN}"; done
if [ $? != 0 ]; then
    fail "fault matrix: the reference renders" "$(head -c 400 "$T/ref.err")"
    exit 0
fi
ok "fault matrix: the reference renders"

# ---- a full or small output filesystem, at several levels of free space ----
for p in $PLUGINS; do
    bad=""
    for free in 0 8192 65536 262144 700000 4000000; do
        d=$T/full-$p-$free
        small_fs "$d" 8m || { bad="cannot mount a tmpfs"; break; }
        cp -a "$(out_of $p "$T/prev")" "$d/"
        fill_to "$d" $free
        "$MKP" render "$AIGC" -f $p -o "$d" >"$T/full.out" 2>"$T/full.err"
        st=$?
        o=$(out_of $p "$d")
        lines=$(wc -l <"$T/full.err")
        if [ $st = 0 ]; then
            same "$o" "$(out_of $p "$T/ref")" || bad="$bad [$free free: exit 0 but the output differs from a normal render]"
        elif [ $st = 1 ]; then
            same "$o" "$(out_of $p "$T/prev")" || bad="$bad [$free free: the previous output was not kept]"
            [ "$lines" = 1 ] || bad="$bad [$free free: $lines lines: $(tr '\n' '|' <"$T/full.err")]"
            grep -q "No space left on device" "$T/full.err" || bad="$bad [$free free: no reason: $(cat "$T/full.err")]"
            grep -q "$o" "$T/full.err" || bad="$bad [$free free: the line does not name $o: $(cat "$T/full.err")]"
        else
            bad="$bad [$free free: exit $st: $(head -c 200 "$T/full.err")]"
        fi
        [ "$(temps "$d")" = 0 ] || bad="$bad [$free free: temporaries left: $(ls -A "$d")]"
        [ -s "$T/full.out" ] && bad="$bad [$free free: standard output not empty]"
        umount "$d"
    done
    if [ -z "$bad" ]; then ok "full output filesystem: $p complete or absent, previous kept, one line"; else
        fail "full output filesystem: $p" "$bad"; fi
done

# A full TMPDIR (the xlsx plugin's parts are built in memory) changes nothing.
small_fs "$T/stage" 1m && fill_to "$T/stage" 0
TMPDIR=$T/stage "$MKP" render "$AIGC" -f csv,pdf,xlsx,svg -o "$T/staged" 2>"$T/stage.err"
expect_eq "full TMPDIR: exit 0" "$?" 0
bad=""
for p in $PLUGINS; do same "$(out_of $p "$T/staged")" "$(out_of $p "$T/ref")" || bad="$bad $p"; done
expect_eq "full TMPDIR: every output byte-identical to a normal render" "$bad" ""
expect_eq "full TMPDIR: nothing staged there" "$(ls -A "$T/stage" | grep -vc '^\.filler$')" 0

# ---- a read-only folder: one line, nothing changed ---------------------------
small_fs "$T/ro" 8m && cp -a "$T/prev/." "$T/ro/" && mount -o remount,ro "$T/ro"
"$MKP" render "$AIGC" -o "$T/ro" >"$T/ro.out" 2>"$T/ro.err"
expect_eq "read-only folder: exit 1" "$?" 1
expect_eq "read-only folder: one line" "$(cat "$T/ro.err")" \
    "marketpress: cannot write in $T/ro: Read-only file system; nothing rendered"
bad=""
for p in $PLUGINS; do same "$(out_of $p "$T/ro")" "$(out_of $p "$T/prev")" || bad="$bad $p"; done
expect_eq "read-only folder: previous outputs untouched" "$bad" ""

# ---- signals -------------------------------------------------------------------
# At each moment: while the datasets load, while one job stalls halfway
# (others done), while several jobs run at once.  A script's background
# command starts with SIGINT ignored: env gives it the default back.
STOPPABLE="env --default-signal=INT,TERM,HUP"
"$BUILD/tests/gen_dataset" 20000 >"$T/big.yaml" 2>/dev/null
for sig in INT TERM HUP; do
    case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
    for moment in loading stalled parallel; do
        d=$T/sig-$sig-$moment
        rm -f "$T/marker"
        mkdir -p "$d" && cp -a "$T/prev/." "$d/"
        case $moment in
        loading)
            $STOPPABLE "$MKP" render "$T/big.yaml" "$AIGC" -f csv,pdf -o "$d" 2>"$T/sig.err" &
            pid=$!
            sleep 0.2 ;;
        stalled)
            $STOPPABLE "$MKP" render "$AIGC" -P "$TP" -f csv,stall -O stall.marker="$T/marker" -j 2 -o "$d" \
                2>"$T/sig.err" &
            pid=$! ;;
        parallel)
            $STOPPABLE "$MKP" render "$AIGC" -P "$TP" -f stall,pdf,xlsx,svg -O stall.marker="$T/marker" -j 4 \
                -o "$d" 2>"$T/sig.err" &
            pid=$! ;;
        esac
        if [ $moment != loading ]; then
            i=0
            while [ ! -s "$T/marker" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
        fi
        job=$(cat "$T/marker" 2>/dev/null)
        kill -$sig $pid
        wait $pid
        st=$?
        bad=""
        [ $st = $want ] || bad="$bad [exit $st, wanted $want: $(head -c 300 "$T/sig.err")]"
        [ "$(temps "$d")" = 0 ] || bad="$bad [temporaries left: $(ls -A "$d" | grep tmp)]"
        for p in pdf xlsx svg; do
            o=$(out_of $p "$d")
            same "$o" "$(out_of $p "$T/prev")" || same "$o" "$(out_of $p "$T/ref")" || bad="$bad [$p neither previous nor complete]"
        done
        if [ -n "$job" ] && alive "$job"; then bad="$bad [the stalled job $job still runs]"; fi
        if [ $moment != loading ]; then
            grep -q "^marketpress: interrupted by SIG$sig: " "$T/sig.err" || bad="$bad [no line says so: $(cat "$T/sig.err")]"
        fi
        if [ -z "$bad" ]; then ok "SIG$sig while $moment: exit $want, no temporaries, outputs whole"; else
            fail "SIG$sig while $moment" "$bad"; fi
    done
done

# A signal marketpress was started ignoring (nohup) stays ignored.
rm -f "$T/marker"
env --ignore-signal=HUP "$MKP" render "$AIGC" -P "$TP" -f csv,stall -O stall.marker="$T/marker" --timeout 3 \
    -o "$T/nohup" 2>"$T/nohup.err" &
pid=$!
i=0
while [ ! -s "$T/marker" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
kill -HUP $pid
wait $pid
expect_eq "SIGHUP under nohup: ignored, the render goes on to its end (exit 1 for the stalled job)" "$?" 1
expect_grep "SIGHUP under nohup: the stalled job ends by its timeout" "$T/nohup.err" "plugin stall timed out after 3 s"
expect_file "SIGHUP under nohup: the csv output lands" "$T/nohup/$ID.csv"

# SIGKILL cannot be caught: the job dies with marketpress, and the next
# render sweeps what was left.
d=$T/sigkill
mkdir -p "$d" && cp -a "$T/prev/." "$d/"
rm -f "$T/marker"
"$MKP" render "$AIGC" -P "$TP" -f stall,csv -O stall.marker="$T/marker" --timeout 60 -o "$d" 2>/dev/null &
pid=$!
i=0
while [ ! -s "$T/marker" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
job=$(cat "$T/marker")
kill -KILL $pid
wait $pid
expect_eq "SIGKILL: exit 137" "$?" 137
i=0
while alive "$job" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if alive "$job"; then fail "SIGKILL: the job dies with marketpress" "job $job still runs"; else
    ok "SIGKILL: the job dies with marketpress"; fi
expect_eq "SIGKILL: the dead render's temporary is there" "$(temps "$d")" 1
"$MKP" render "$AIGC" -f csv -o "$d" 2>/dev/null
expect_eq "SIGKILL: the next render sweeps it" "$(temps "$d")" 0
check "SIGKILL: the previous pdf is kept" cmp "$d/$ID.pdf" "$T/prev/$ID.pdf"

# ---- descriptor, memory and process limits: every missing output named --------
limits_check() { # NAME DIR STATUS: each output is complete, or a line names it
    bad=""
    case $3 in 0 | 1) ;; *) bad="exit $3: $(head -c 300 "$T/lim.err")" ;; esac
    for p in $PLUGINS; do
        o=$(out_of $p "$2")
        if [ -e "$o" ]; then
            same "$o" "$(out_of $p "$T/ref")" || bad="$bad [$p output differs]"
        elif [ "$3" = 0 ]; then
            bad="$bad [exit 0 without the $p output]"
        elif ! grep -Eq "plugin $p |$p: $ID: |$o|plugin file .*/$p\.so" "$T/lim.err"; then
            bad="$bad [$p missing and not named: $(head -c 300 "$T/lim.err")]"
        fi
    done
    [ "$(temps "$2")" = 0 ] || bad="$bad [temporaries left]"
    [ -s "$T/lim.out" ] && bad="$bad [standard output not empty]"
    if [ -z "$bad" ]; then ok "$1"; else fail "$1" "$bad"; fi
}
for n in 5 7 9 11 13 16 24 64; do
    d=$T/fd-$n
    (ulimit -n $n && exec "$MKP" render "$AIGC" -j 2 -o "$d") >"$T/lim.out" 2>"$T/lim.err"
    limits_check "ulimit -n $n: every output complete or named" "$d" $?
done
if [ $SAN = 0 ]; then # AddressSanitizer reserves terabytes of address space
    for v in 60 100 200 400; do
        d=$T/vm-$v
        (ulimit -v $((v * 1024)) && exec "$MKP" render "$AIGC" -j 2 -o "$d") >"$T/lim.out" 2>"$T/lim.err"
        limits_check "ulimit -v ${v}M: every output complete or named" "$d" $?
    done
    for v in 16M 64M 1G; do
        d=$T/ml-$v
        "$MKP" render "$AIGC" -j 2 --memory-limit $v -o "$d" >"$T/lim.out" 2>"$T/lim.err"
        limits_check "--memory-limit $v: every output complete or named" "$d" $?
    done
fi
"$MKP" render "$AIGC" -f csv,pdf --memory-limit 4M -o "$T/ml" >/dev/null 2>"$T/ml.err"
if [ $SAN = 0 ]; then
    expect_grep "--memory-limit: the failure says the job was limited" "$T/ml.err" "limited to 4 MiB of memory"
    expect_file "--memory-limit: a job that fits still lands" "$T/ml/$ID.csv"
fi
cat >"$T/spin.c" <<'C'
#include <marketpress/marketpress.h>
static int render(const mkp_job *job) { (void)job; for (volatile unsigned long i = 0;; i++) ; return MKP_OK; }
static const mkp_plugin d = {sizeof(mkp_plugin), MKP_ABI_MAJOR, MKP_ABI_MINOR, "spin", "1", "x", "spin", 0, 0, 0, render};
MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *h) { (void)h; return &d; }
C
mkdir -p "$T/spin" && gcc -shared -fPIC -Iinclude -o "$T/spin/spin.so" "$T/spin.c"
"$MKP" render "$AIGC" -P "$T/spin" -f spin,csv --cpu-limit 1 --timeout 60 -o "$T/cpu2" >/dev/null 2>"$T/cpu2.err"
expect_eq "--cpu-limit: exit 1" "$?" 1
expect_grep "--cpu-limit: the job is stopped and named" "$T/cpu2.err" \
    "^marketpress: plugin spin used up its CPU limit of 1 s rendering $ID$"
expect_file "--cpu-limit: the other output lands" "$T/cpu2/$ID.csv"
if [ "$MKP_FAULTS_NS" = 1 ] && command -v setpriv >/dev/null; then
    # Process limits hold for an ordinary user only: render as nobody, from
    # a copy of the build that user can read.
    chmod 755 "$T"
    mkdir -p "$T/inst" && cp -r "$(dirname "$MKP")" "$BUILD/lib" "$T/inst/" && cp "$AIGC" "$T/inst/"
    for n in 1 2 3 4 6 10; do
        d=$T/np-$n
        mkdir -p "$d" && chmod 777 "$d"
        setpriv --reuid=65534 --regid=65534 --clear-groups prlimit --nproc=$n \
            "$T/inst/bin/marketpress" render "$T/inst/$ID.yaml" -j 3 -o "$d" >"$T/lim.out" 2>"$T/lim.err"
        limits_check "ulimit -u $n: every output complete or named" "$d" $?
    done
else
    echo "# process limits not tried: they need real root to render as another user"
fi

# A folder of the search path that cannot be read is named, not skipped.
if [ "$MKP_FAULTS_NS" = 1 ] && command -v setpriv >/dev/null; then
    mkdir -p "$T/hidden" && cp "$BUILD/lib/marketpress/plugins/csv.so" "$T/hidden/" && chmod 700 "$T/hidden"
    mkdir -p "$T/hid-out" && chmod 777 "$T/hid-out"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$T/inst/bin/marketpress" render "$T/inst/$ID.yaml" \
        -P "$T/hidden" -o "$T/hid-out" >/dev/null 2>"$T/hid.err"
    expect_eq "an unreadable plugin folder: exit 1" "$?" 1
    expect_grep "an unreadable plugin folder: named" "$T/hid.err" \
        "^marketpress: plugin folder $T/hidden not used: this folder of the search path cannot be read: Permission denied$"
fi

# ---- planted symbolic links -----------------------------------------------------
d=$T/links
mkdir -p "$d" "$T/elsewhere" "$T/victim"
echo keep >"$T/victim/file"
ln -s "$T/outside.csv" "$d/$ID.csv"
ln -s "$T/elsewhere" "$d/$ID-svg"
ln -s "$T/victim" "$d/.$ID.pdf.tmp-$HOSTTAG-999999999-AbCdEf"
"$MKP" render "$AIGC" -f csv,svg,pdf -o "$d" 2>"$T/links.err"
expect_eq "planted links: exit 0" "$?" 0
expect_no_file "planted link at the csv: nothing written through it" "$T/outside.csv"
if [ -f "$d/$ID.csv" ] && [ ! -L "$d/$ID.csv" ]; then ok "planted link at the csv: replaced by the file"; else
    fail "planted link at the csv: replaced by the file" "$(ls -l "$d")"; fi
if [ -d "$d/$ID-svg" ] && [ ! -L "$d/$ID-svg" ]; then ok "planted link at the svg folder: replaced by the folder"; else
    fail "planted link at the svg folder: replaced by the folder" "$(ls -l "$d")"; fi
expect_eq "planted link at the svg folder: its target untouched" "$(ls -A "$T/elsewhere")" ""
expect_eq "a link named like a stale temporary: its target untouched" "$(cat "$T/victim/file")" keep
"$MKP" render "$AIGC" -P "$TP" -f symlink -o "$d" 2>"$T/sym.err"
expect_eq "a plugin that leaves a link: exit 1" "$?" 1
expect_grep "a plugin that leaves a link: named" "$T/sym.err" \
    "^marketpress: plugin symlink left a symbolic link instead of its output for $ID$"
expect_no_file "a plugin that leaves a link: nothing moved into place" "$d/$ID.symlink"
mkdir -p "$d/.$ID.csv.tmp-$HOSTTAG-$$-AbCdEf"
"$MKP" render "$AIGC" -f csv -o "$d" 2>/dev/null
expect_eq "a live process's temporary is left alone" "$(temps "$d")" 2

# ---- concurrent renders into one folder ----------------------------------------
bad=""
for round in 1 2 3; do
    pids=""
    for k in 1 2 3 4; do
        "$MKP" render "$AIGC" -f svg,pdf -o "$T/conc" >"$T/conc-$k.out" 2>"$T/conc-$k.err" &
        pids="$pids $!"
    done
    k=0
    for pid in $pids; do
        k=$((k + 1))
        wait $pid || bad="$bad [round $round render $k: $(cat "$T/conc-$k.err")]"
    done
    same "$T/conc/$ID-svg" "$T/ref/$ID-svg" || bad="$bad [round $round: svg folder differs]"
    cmp -s "$T/conc/$ID.pdf" "$T/ref/$ID.pdf" || bad="$bad [round $round: pdf differs]"
    [ "$(temps "$T/conc")" = 0 ] || bad="$bad [round $round: temporaries left]"
done
expect_eq "4 concurrent renders into one folder, 3 rounds: all succeed, outputs whole" "$bad" ""

# ---- one line per message, whatever runs at once ----------------------------------
(
    i=0
    while [ $i -lt 50 ]; do
        "$MKP" render "$AIGC" -P "$TP" -f csv,fail,crash -j 3 -o "$T/par-$i" &
        i=$((i + 1))
    done
    wait
) 2>&1 | cat >"$T/par.log"
lines=$(wc -l <"$T/par.log")
odd=$(grep -Evc "^marketpress: (wrote $T/par-[0-9]+/$ID\.csv|fail: $ID: error: this plugin always fails|plugin crash crashed \(SIGSEGV\) rendering $ID)$" "$T/par.log")
expect_eq "50 parallel renders: 150 lines" "$lines" 150
expect_eq "50 parallel renders: no line merged with another" "$odd" 0

# ---- what a plugin prints never reaches marketpress's standard output -------------
"$MKP" render "$AIGC" -P "$TP" -f chatty -o "$T/chat" >"$T/chat.out" 2>"$T/chat.err"
expect_eq "plugin stdout: render's own output is empty" "$(cat "$T/chat.out")" ""
expect_grep "plugin stdout: it goes to standard error" "$T/chat.err" "^chatty: rendering $ID$"
"$MKP" plugins -P "$TP" >"$T/chat2.out" 2>"$T/chat2.err"
expect_no_grep "plugin stdout: not in the plugins list" "$T/chat2.out" "chatty: loaded"
