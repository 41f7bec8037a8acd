# manual.sh - the man page, docs/cli.md, the shell completions and each
# command's --help say the same: every option --help prints is in the other
# four, and the bash completion offers no option --help does not print.
. tests/lib.sh

MAN=docs/marketpress.1
BASHC=completions/marketpress.bash
ZSHC=completions/_marketpress

# The commands, as `marketpress --help` lists them.
cmds=$("$MKP" --help | awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
expect_eq "--help lists the commands" "$(echo $cmds)" "validate forecast render plugins plugin-check help"

# The options of one command's help, one per line: "-f --format" or "--strict".
help_opts() {
    "$MKP" help "$1" | sed -n 's/^  \(-[A-Za-z]\), \(--[a-z-]*\).*/\1 \2/p; s/^      \(--[a-z-]*\).*/\1/p'
}

if command -v mandoc >/dev/null; then
    mandoc -T lint -W warning "$MAN" >"$T/lint" 2>&1
    expect_eq "man page: mandoc -T lint finds nothing" "$(cat "$T/lint")" ""
    # the page as a reader sees it, its overstrike (bold, underline) undone
    # here: col(1) is not on every machine
    mandoc -T ascii "$MAN" >"$T/man.raw" 2>"$T/man.err"
    expect_eq "man page: mandoc -T ascii says nothing on stderr" "$(cat "$T/man.err")" ""
    sed 's/.\x08//g' "$T/man.raw" >"$T/man.txt"
    expect_grep "man page: mandoc renders it, options readable" "$T/man.txt" '^ *-f, --format'
else
    fail "man page: mandoc -T lint finds nothing" "mandoc is missing (make deps)"
    sed 's/\\-/-/g; s/^\.Fl /-/; s/ Fl / -/g' "$MAN" >"$T/man.txt"
fi

# The completion bash would offer for the words given.
bash_complete() {
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _marketpress; printf "%s\n" "${COMPREPLY[@]}"' \
        sh "$BASHC" "$@" 2>&1 | sort
}

# The part of the zsh completion for one command, and the options every
# command shares.
zsh_part() {
    awk -v f="_marketpress_$1() {" '$0 == f { on = 1 } on { print } on && /^}/ { exit }' "$ZSHC"
    awk '/^_marketpress_common=\(/ { on = 1 } on { print } on && /^\)/ { exit }' "$ZSHC"
}

for c in $cmds; do
    [ "$c" = help ] && continue
    "$MKP" "$c" --help >"$T/h1"
    "$MKP" help "$c" >"$T/h2"
    if cmp -s "$T/h1" "$T/h2" && grep -q "^usage: marketpress $c " "$T/h1"; then
        ok "$c --help and help $c print the command's own help"
    else
        fail "$c --help and help $c print the command's own help" "$(head -3 "$T/h1")"
    fi
    help_opts "$c" >"$T/opts"
    zsh_part "$c" >"$T/zsh"
    missing=""
    while read -r short long; do
        [ -n "$long" ] || { long=$short; short=""; }
        for o in $short $long; do
            grep -q -- "$o\([^a-z-]\|$\)" "$T/man.txt" || missing="$missing man:$o"
            grep -q -- "\`$o\([^a-z-]\|$\)\|[ ,|]$o\([^a-z-]\|$\)" docs/cli.md || missing="$missing cli.md:$o"
            grep -q -- "$o\([^a-z-]\|$\)" "$T/zsh" || missing="$missing zsh:$o"
        done
    done <"$T/opts"
    expect_eq "$c: every option of --help is in the man page, docs/cli.md and the zsh completion" "$missing" ""
    tr ' ' '\n' <"$T/opts" | grep . | sort >"$T/want"
    bash_complete marketpress "$c" - >"$T/got"
    expect_eq "$c: bash completes exactly the options of --help" "$(diff "$T/want" "$T/got" | grep '^[<>]' | tr '\n' ' ')" ""
done

# Values: plugin names after -f, plugin.key= after -O, commands.
bash_complete "$MKP" render -f "" >"$T/f"
expect_eq "bash completes -f with the plugins found" "$(tr '\n' ' ' <"$T/f")" \
    "$("$MKP" plugins | awk 'NR > 1 && /^[a-z0-9-]+ / { print $1 }' | sort | tr '\n' ' ')"
bash_complete "$MKP" render -f csv,x >"$T/f2"
expect_eq "bash completes the next name of a comma list" "$(cat "$T/f2")" "csv,xlsx"
bash_complete "$MKP" render -O csv. >"$T/o"
expect_eq "bash completes -O with the plugin's keys" "$(tr '\n' ' ' <"$T/o")" "csv.decimals= csv.header= "
bash_complete "$MKP" render --option = pdf.p >"$T/o2"
expect_eq "bash completes --option=VALUE" "$(cat "$T/o2")" "pdf.paper="
bash_complete marketpress pl >"$T/c"
expect_eq "bash completes commands" "$(tr '\n' ' ' <"$T/c")" "plugin-check plugins "
if command -v zsh >/dev/null; then
    check "zsh completion parses" zsh -n "$ZSHC"
fi
check "bash completion parses" bash -n "$BASHC"

# The options before the command, in the help, the man page and bash.
missing=""
for o in -q --quiet -v --verbose -V --version -h --help; do
    grep -q -- "$o\([^a-z-]\|$\)" "$T/man.txt" || missing="$missing $o"
done
expect_eq "the global options are in the man page" "$missing" ""
expect_eq "bash completes the global options" "$(bash_complete marketpress - | tr '\n' ' ')" \
    "--help --quiet --verbose --version -V -h -q -v "

# One version: the Makefile's, the program's and the Debian changelog's.
v=$(sed -n 's/^VERSION *= *//p' Makefile)
"$MKP" --version >"$T/v"
expect_grep "--version says the Makefile's VERSION" "$T/v" "^marketpress $v "
expect_eq "debian/changelog is at the Makefile's VERSION" "$(sed -n '1s/^marketpress (\([^)]*\)).*/\1/p' debian/changelog)" "$v"
