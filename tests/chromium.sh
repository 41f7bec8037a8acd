# tests/chromium.sh - headless Chromium for the tests of the html page
# (html.sh, htmltheme.sh), sourced after tests/lib.sh: one way to run it
# with no network, and the one list of what it prints that says nothing
# about the page.
#
# Lines headless Chromium prints on stderr that say nothing about the page:
# - the Debian launcher's check of /dev/shm compares a size too large for
#   sh's arithmetic ("[: N: unexpected operator"), or, where there is no
#   /dev/shm at all (a chroot), no size ("[: -lt: unexpected operator"),
#   and only then decides whether to pass --disable-dev-shm-usage;
# - there is no D-Bus system or session bus in a build container, which
#   Chromium asks for its power and network state ("dbus/...");
# - the screenshot and the print say where they wrote ("N bytes written to
#   file X");
# - after a screenshot the browser may close the page while its renderer
#   still reports to the page's frame widget, and the browser drops that
#   late message ("Message N rejected by interface
#   blink.mojom.FrameWidgetHost"); it comes after the capture, on some
#   runs only;
# - the compositor's measure of how late a frame was shown comes out below
#   zero when the machine is busy and its clocks are read out of order
#   ("Frame latency is negative: -0.105 ms"): a timing, not the page.
# Anything else fails the check that ran it.
harmless='^/usr/bin/chromium: [0-9]+: \[: ([0-9]+|-lt): unexpected operator$|:ERROR:dbus/(bus|object_proxy)\.cc:[0-9]+\] |^[0-9]+ bytes written to file |:ERROR:mojo/public/cpp/bindings/lib/interface_endpoint_client\.cc:[0-9]+\] Message [0-9]+ rejected by interface blink\.mojom\.FrameWidgetHost$|:ERROR:components/viz/service/display/display\.cc:[0-9]+\] Frame latency is negative: -[0-9.]+ ms$'
# chromium_run OUT ERR ARGS...: one headless run with no network (every host
# name resolves to nothing, no background traffic), a profile of its own,
# and a generous timeout that only guards against a hang; `timeout` kills
# it, and its children, by its own pid.
chromium_run() {
    out=$1; err=$2; shift 2
    prof=$(mktemp -d "$T/profile.XXXXXX")
    timeout -k 10 300 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$prof" \
        --host-resolver-rules="MAP * ~NOTFOUND" --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run --no-default-browser-check --hide-scrollbars "$@" >"$out" 2>"$err"
    st=$?
    grep -Ev "$harmless" "$err" >"$err.unexpected"
    return $st
}
expect_quiet() { # NAME ERRFILE: no unexpected line from a reader
    if [ -s "$2.unexpected" ]; then fail "$1" "$(head -c 400 "$2.unexpected")"; else ok "$1"; fi
}
