#!/bin/sh
# tests/e2e/themes.sh - the host's side of house styles and copies: theme
# files and their errors (file:line:col, contrast and colour-vision
# warnings), which theme a dataset gets, the chart colours that follow it,
# the copies of --licensee, --edition and --permissions and of a clients
# file (their folders, their errors, their passwords), and what a plugin
# is told of them (the copyinfo test plugin writes it out).  The PDF,
# workbook, html and SVG renderings have their own tests.
. tests/lib.sh
P="-P $BUILD/lib/marketpress/plugins -P $BUILD/tests/plugins"
ID=aigc-foundation-models

# ---- theme files ----------------------------------------------------------
for t in default harbour ember; do
    check_status "themes/$t.yaml loads without a warning" 0 $MKP render $AIGC $P -f copyinfo -o "$T/t-$t" \
        --theme themes/$t.yaml --no-fsync -q
    $MKP render $AIGC $P -f copyinfo -o "$T/t-$t" --theme themes/$t.yaml --no-fsync 2>"$T/t-$t.err" >/dev/null
    expect_no_grep "themes/$t.yaml: no warning" "$T/t-$t.err" 'warning'
    expect_grep "themes/$t.yaml: the plugin is told its name" "$T/t-$t/$ID.copyinfo" "^theme: $t\$"
done
expect_grep "harbour: its PNG logo, measured" "$T/t-harbour/$ID.copyinfo" '^logo: yes 1 780x200$'
expect_grep "ember: its JPEG logo, measured" "$T/t-ember/$ID.copyinfo" '^logo: yes 2 720x200$'
expect_grep "harbour: the sidebar cover" "$T/t-harbour/$ID.copyinfo" '^cover: 1$'
expect_grep "harbour: its publisher replaces the dataset's" "$T/t-harbour/$ID.copyinfo" '^publisher: Harbour Analytics$'
expect_grep "harbour: and its contact" "$T/t-harbour/$ID.copyinfo" \
    '^contact: clients@harbour-analytics.example https://harbour-analytics.example$'
expect_grep "default: the publisher stays the dataset's" "$T/t-default/$ID.copyinfo" '^publisher: marketpress Research$'
expect_grep "harbour: series 9 is series 1 lighter" "$T/t-harbour/$ID.copyinfo" '^series 9: #85B6BC$'

# --theme NAME: a theme that comes with marketpress.
check "--theme harbour finds the theme by name" $MKP render $AIGC $P -f copyinfo -o "$T/byname" --theme harbour -q
expect_eq "--theme harbour is themes/harbour.yaml" "$(cat "$T/byname/$ID.copyinfo")" "$(cat "$T/t-harbour/$ID.copyinfo")"

# The default theme written out gives the same bytes as no theme at all.
check "render every built-in output without a theme" $MKP render $AIGC $P -f csv,svg -o "$T/none" -q --no-fsync
check "and with themes/default.yaml" $MKP render $AIGC $P -f csv,svg -o "$T/deflt" -q --no-fsync \
    --theme themes/default.yaml
check "themes/default.yaml: the same bytes as no theme" diff -r "$T/none" "$T/deflt"

# The chart engine draws in the theme's series colours.
check "render svg in harbour" $MKP render $AIGC $P -f svg -o "$T/hsvg" -q --no-fsync --theme harbour
fills() { grep -o 'fill="#[0-9a-fA-F]\{6\}"' "$1" | sort -u | tr 'A-F' 'a-f' | tr '\n' ' '; }
f3=$(ls "$T/hsvg/$ID-svg/"03-*.svg)
for c in 0b6e79 e07a1f 6a4c93 7fb069 1d3557; do
    expect_grep "harbour figure 3: series colour #$c" "$f3" "fill=\"#$c\""
done
expect_no_grep "harbour figure 3: no Okabe-Ito blue" "$f3" 'fill="#0072b2"'
expect_grep "default figure 3: Okabe-Ito blue" "$(ls "$T/none/$ID-svg/"03-*.svg)" 'fill="#0072b2"'

# ---- theme errors ------------------------------------------------------------
printf 'not an image\n' >"$T/fake.png"
cat >"$T/bad.yaml" <<'EOF'
name: Bad Name
palette:
  series: ["#D62728", "blue"]
  primry: "#000"
fonts: {body: No Such Family 12345}
logo: fake.png
cover: diagonal
EOF
check_status "a wrong theme: exit 2" 2 $MKP render $AIGC $P -f csv -o "$T/bad-out" --theme "$T/bad.yaml"
$MKP render $AIGC $P -f csv -o "$T/bad-out" --theme "$T/bad.yaml" 2>"$T/bad.err"
expect_no_file "a wrong theme: nothing written" "$T/bad-out/$ID.csv"
expect_grep "theme name: file:line:col" "$T/bad.err" "bad.yaml:1:7: error: theme name 'Bad Name' must be"
expect_grep "unknown key: did you mean" "$T/bad.err" "bad.yaml:4:3: error: unknown key 'primry' in palette; did you mean 'primary'?"
expect_grep "a colour that is none" "$T/bad.err" "bad.yaml:3:23: error: palette series 2 must be a colour such as"
expect_grep "a font family not installed" "$T/bad.err" "bad.yaml:5:15: error: fonts body: no font of the family 'No Such Family 12345'"
expect_grep "a logo that is no image" "$T/bad.err" "bad.yaml:6:7: error: logo: .*fake.png is neither a PNG nor a JPEG image"
expect_grep "a cover layout unknown" "$T/bad.err" "bad.yaml:7:8: error: cover must be band, sidebar or plain, not 'diagonal'"

cat >"$T/weak.yaml" <<'EOF'
palette:
  series: ["#D62728", "#2CA02C", "#1F77B4"]
  ink: "#AAAAAA"
EOF
check_status "weak colours are warnings, not errors" 0 $MKP render $AIGC $P -f csv -o "$T/weak-out" \
    --theme "$T/weak.yaml" --no-fsync -q
$MKP render $AIGC $P -f csv -o "$T/weak-out" --theme "$T/weak.yaml" --no-fsync 2>"$T/weak.err" >/dev/null
expect_grep "red and green look alike to readers with deuteranopia" "$T/weak.err" \
    'weak.yaml:2:11: warning: series colours 1 \(#D62728\) and 2 \(#2CA02C\) look alike to readers with deuteranopia'
expect_grep "grey body text is too faint" "$T/weak.err" \
    'weak.yaml:3:8: warning: ink #AAAAAA on the white page #FFFFFF has a contrast of 2.32:1, below the 4.5:1'
expect_grep "a theme without a name takes its file's" "$T/weak-out/$ID.csv" '' # the csv exists
printf '' >"$T/empty.yaml"
check_status "an empty theme: exit 2" 2 $MKP render $AIGC $P -f csv -o "$T/e" --theme "$T/empty.yaml"
$MKP render $AIGC $P -f csv -o "$T/e" --theme "$T/empty.yaml" 2>"$T/empty.err"
expect_grep "an empty theme says so" "$T/empty.err" 'empty.yaml:1:1: error: the file is empty'

# ---- report.theme: named from the dataset's folder; --theme wins ------------
mkdir -p "$T/ds/looks"
cp themes/harbour.yaml themes/harbour-logo.png "$T/ds/looks/"
sed 's|^  id: aigc-foundation-models|  id: aigc-foundation-models\n  theme: looks/harbour.yaml|' $AIGC >"$T/ds/aigc.yaml"
check "a dataset naming its theme" $MKP render "$T/ds/aigc.yaml" $P -f copyinfo -o "$T/ds-out" -q --no-fsync
expect_grep "report.theme is read from the dataset's folder" "$T/ds-out/$ID.copyinfo" '^theme: harbour$'
check "--theme wins over report.theme" $MKP render "$T/ds/aigc.yaml" $P -f copyinfo -o "$T/ds-out2" -q \
    --no-fsync --theme ember
expect_grep "--theme ember wins" "$T/ds-out2/$ID.copyinfo" '^theme: ember$'
sed 's|^  id: aigc-foundation-models|  id: aigc-foundation-models\n  theme: looks/none.yaml|' $AIGC >"$T/ds/gone.yaml"
$MKP render "$T/ds/gone.yaml" $P -f copyinfo -o "$T/ds-out3" 2>"$T/gone.err"
expect_grep "a missing theme: cannot open it" "$T/gone.err" 'looks/none.yaml: error: cannot open'
expect_grep "and where the dataset names it" "$T/gone.err" 'gone.yaml:10:10: note: the dataset names that theme here'

# ---- copies from the command line -------------------------------------------
check "--licensee" $MKP render $AIGC $P -f copyinfo,csv -o "$T/lic" -q --no-fsync --lang all \
    --licensee "Acme Corp." --licence-id L-1234 --seats 1 --licence-date 2026-11-30
expect_file "a licensed copy goes to DIR/<id>/<slug>/" "$T/lic/$ID/acme-corp/$ID.csv"
expect_file "in every language" "$T/lic/$ID/acme-corp/$ID.zh-CN.copyinfo"
expect_no_file "and not to DIR itself" "$T/lic/$ID.csv"
expect_grep "the licence line" "$T/lic/$ID/acme-corp/$ID.copyinfo" \
    '^licence line: Licensed to Acme Corp., licence L-1234, single user$'
expect_grep "licence_line counts the whole line, as snprintf does, and cuts what does not fit" \
    "$T/lic/$ID/acme-corp/$ID.copyinfo" "^licence length: 51, in 8 bytes: 51 'License'\$"
expect_grep "the licence line in Chinese" "$T/lic/$ID/acme-corp/$ID.zh-CN.copyinfo" \
    '^licence line: 授权给Acme Corp.，许可证 L-1234，单用户$'
check "--seats site" $MKP render $AIGC $P -f copyinfo -o "$T/site" -q --no-fsync --licensee "Globex" --seats site
expect_grep "a site licence" "$T/site/$ID/globex/$ID.copyinfo" '^licence line: Licensed to Globex, site licence$'
check "--seats 25" $MKP render $AIGC $P -f copyinfo -o "$T/n25" -q --no-fsync --licensee "Initech" --seats 25
expect_grep "25 users" "$T/n25/$ID/initech/$ID.copyinfo" '^licence line: Licensed to Initech, 25 users$'
check "unlicensed" $MKP render $AIGC $P -f copyinfo -o "$T/unl" -q --no-fsync
expect_grep "an unlicensed copy has no licence line" "$T/unl/$ID.copyinfo" '^licence line: $'
expect_grep "and shows every figure" "$T/unl/$ID.copyinfo" \
    '^sample figures: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22$'

check "--edition sample" $MKP render $AIGC $P -f copyinfo -o "$T/smp" -q --no-fsync --lang all --edition sample
expect_file "an unlicensed sample goes to DIR/<id>/sample/" "$T/smp/$ID/sample/$ID.copyinfo"
expect_grep "a sample has the first figure of each chapter" "$T/smp/$ID/sample/$ID.copyinfo" \
    '^sample figures: 1 2 6 10 14 18$'
expect_grep "and the word SAMPLE as its watermark" "$T/smp/$ID/sample/$ID.copyinfo" '^watermark: SAMPLE$'
expect_grep "in Chinese 样本" "$T/smp/$ID/sample/$ID.zh-CN.copyinfo" '^watermark: 样本$'
check "a licensed sample" $MKP render $AIGC $P -f copyinfo -o "$T/lsmp" -q --no-fsync --edition sample \
    --licensee "Acme Corp" --watermark "For Acme Corp"
expect_grep "goes to <slug>-sample, its own watermark kept" "$T/lsmp/$ID/acme-corp-sample/$ID.copyinfo" \
    '^watermark: For Acme Corp$'

printf 's3cret owner\nsecond line\n' >"$T/owner.pw"
check "--permissions with an owner password file" $MKP render $AIGC $P -f copyinfo -o "$T/perm" -q --no-fsync \
    --licensee Acme --permissions print --owner-password-file "$T/owner.pw"
expect_grep "print allowed, copy and modify not, the file's first line" "$T/perm/$ID/acme/$ID.copyinfo" \
    '^protect: 1 print 1 copy 0 modify 0 owner s3cret owner open $'
check "the owner password from the environment, an open one too" env MARKETPRESS_OWNER_PASSWORD=envpw \
    MARKETPRESS_OPEN_PASSWORD=openpw $MKP render $AIGC $P -f copyinfo -o "$T/perm2" -q --no-fsync \
    --licensee Acme --permissions none
expect_grep "permissions none, both passwords" "$T/perm2/$ID/acme/$ID.copyinfo" \
    '^protect: 1 print 0 copy 0 modify 0 owner envpw open openpw$'
check "without --permissions no password is passed on" env MARKETPRESS_OWNER_PASSWORD=envpw $MKP render $AIGC \
    $P -f copyinfo -o "$T/perm3" -q --no-fsync --licensee Acme
expect_grep "unprotected" "$T/perm3/$ID/acme/$ID.copyinfo" '^protect: 0 print 0 copy 0 modify 0 owner  open $'

# bad_flag NAME STATUS EXPECTED ARGS...: one line on stderr, nothing written.
bad_flag() {
    name=$1 want=$2 msg=$3
    shift 3
    env -u MARKETPRESS_OWNER_PASSWORD $MKP render $AIGC $P -f csv -o "$T/flag" "$@" >/dev/null 2>"$T/flag.err"
    expect_eq "$name: exit $want" "$?" "$want"
    expect_grep "$name: says why" "$T/flag.err" "$msg"
    expect_no_file "$name: nothing written" "$T/flag"
}
bad_flag "--seats 0" 2 'seats takes a number of readers from 1 to 1000000, or site' --licensee A --seats 0
bad_flag "--licence-date 2026-13-01" 2 'licence-date takes a date YYYY-MM-DD' --licensee A --licence-date 2026-13-01
bad_flag "--permissions bogus" 2 'permissions takes none, or what the reader may do' --licensee A --permissions all
bad_flag "--permissions without a password" 2 'which need an owner password: give --owner-password-file' \
    --licensee A --permissions print
bad_flag "--licence-id alone" 2 'describe a licence: give --licensee too' --licence-id L-1
bad_flag "--edition draft" 2 'edition takes full or sample' --edition draft
printf '\n' >"$T/empty.pw"
bad_flag "an empty password file" 2 'the first line must hold the password' --licensee A --permissions print \
    --owner-password-file "$T/empty.pw"

# ---- a clients file -----------------------------------------------------------
cat >"$T/clients.yaml" <<'EOF'
# the copies of one batch
theme: looks/harbour.yaml
clients:
  - licensee: Acme Corp
    licence: L-1234
    seats: 1
    date: 2026-11-30
    permissions: [print]
    owner_password: acme-owner
  - licensee: Globex Corporation
    licence: L-2001
    seats: site
    watermark: Globex internal use
  - licensee: 北京数据有限公司
    licence: L-3003
    seats: 5
    permissions: none
    open_password: open-3003
  - edition: sample
EOF
mkdir -p "$T/looks" && cp themes/harbour.yaml themes/harbour-logo.png "$T/looks/"
check "render a clients file" env MARKETPRESS_OWNER_PASSWORD=batch-owner $MKP render $AIGC $P -f copyinfo,csv \
    -o "$T/batch" -q --no-fsync --lang all --clients "$T/clients.yaml"
expect_eq "one folder per client" "$(ls "$T/batch/$ID" | tr '\n' ' ')" "acme-corp globex-corporation sample 北京数据有限公司 "
expect_eq "each with every output in every language" "$(ls "$T/batch/$ID/acme-corp" | tr '\n' ' ')" \
    "$ID.copyinfo $ID.csv $ID.zh-CN.copyinfo $ID.zh-CN.csv "
expect_grep "the clients file's theme" "$T/batch/$ID/globex-corporation/$ID.copyinfo" '^theme: harbour$'
expect_grep "a site licence with its watermark" "$T/batch/$ID/globex-corporation/$ID.copyinfo" \
    '^watermark: Globex internal use$'
expect_grep "a client's own owner password" "$T/batch/$ID/acme-corp/$ID.copyinfo" \
    '^protect: 1 print 1 copy 0 modify 0 owner acme-owner open $'
expect_grep "the environment's owner password where a client has none" "$T/batch/$ID/北京数据有限公司/$ID.copyinfo" \
    '^protect: 1 print 0 copy 0 modify 0 owner batch-owner open open-3003$'
expect_grep "the sample" "$T/batch/$ID/sample/$ID.copyinfo" '^sample figures: 1 2 6 10 14 18$'
check "the same clients file again" env MARKETPRESS_OWNER_PASSWORD=batch-owner $MKP render $AIGC $P \
    -f copyinfo,csv -o "$T/batch2" -q --no-fsync --lang all --clients "$T/clients.yaml"
check "the same bytes twice" diff -r "$T/batch" "$T/batch2"

cat >"$T/badclients.yaml" <<'EOF'
clients:
  - licensee: Acme Corp
    licence: L-1
    seets: 2
  - licensee: ACME corp
  - licence: L-9
  - licensee: Initech
    seats: many
    date: 30/11/2026
    edition: preview
EOF
check_status "a wrong clients file: exit 2" 2 $MKP render $AIGC $P -f csv -o "$T/bc" --clients "$T/badclients.yaml"
$MKP render $AIGC $P -f csv -o "$T/bc" --clients "$T/badclients.yaml" 2>"$T/bc.err"
expect_no_file "a wrong clients file: nothing written" "$T/bc"
expect_grep "clients: unknown key, did you mean" "$T/bc.err" "badclients.yaml:4:5: error: unknown key 'seets' in a client; did you mean 'seats'?"
expect_grep "clients: two copies in one folder" "$T/bc.err" "badclients.yaml:5:5: error: this client's copies would go to the folder acme-corp, as those of the client at line 2 do"
expect_grep "clients: no licensee" "$T/bc.err" "badclients.yaml:6:5: error: a client needs a licensee, unless it is a sample edition"
expect_grep "clients: seats" "$T/bc.err" "badclients.yaml:8:12: error: seats must be a number of readers from 1 to 1000000, or site; not 'many'"
expect_grep "clients: date" "$T/bc.err" "badclients.yaml:9:11: error: date must be a date YYYY-MM-DD, not '30/11/2026'"
expect_grep "clients: edition" "$T/bc.err" "badclients.yaml:10:14: error: edition must be full or sample, not 'preview'"
check_status "--clients with --licensee: exit 2" 2 $MKP render $AIGC $P -f csv -o "$T/bc2" \
    --clients "$T/clients.yaml" --licensee X
$MKP render $AIGC $P -f csv -o "$T/bc2" --clients "$T/clients.yaml" --licensee X 2>"$T/bc2.err"
expect_grep "--clients with --licensee says why" "$T/bc2.err" '--licensee and --clients both say whom the copies are for'

# ---- validate checks the theme a dataset names ----------------------------
check "validate: a dataset with a good theme" $MKP -q validate "$T/ds/aigc.yaml"
sed 's/^cover: sidebar/cover: sidebr/' themes/harbour.yaml >"$T/ds/looks/harbour.yaml"
check_status "validate: a dataset whose theme is wrong: exit 2" 2 $MKP -q validate "$T/ds/aigc.yaml"
$MKP -q validate "$T/ds/aigc.yaml" 2>"$T/val.err"
expect_grep "validate: the theme's error" "$T/val.err" "looks/harbour.yaml:[0-9]+:8: error: cover must be band, sidebar or plain, not 'sidebr'"

# ---- a client's own options -------------------------------------------------
cat >"$T/opts.yaml" <<'EOF2'
clients:
  - licensee: Acme
    options: {csv.header: "no"}
  - licensee: Globex
EOF2
check "clients with options of their own" $MKP render $AIGC $P -f csv -o "$T/opts" -q --no-fsync --clients "$T/opts.yaml"
expect_eq "Acme's csv.header: no" "$(head -1 "$T/opts/$ID/acme/$ID.csv" | cut -d, -f1)" market
expect_eq "Globex keeps the header" "$(head -1 "$T/opts/$ID/globex/$ID.csv")" series,year,value,provenance
check "a client's option wins over -O" $MKP render $AIGC $P -f csv -o "$T/opts2" -q --no-fsync \
    --clients "$T/opts.yaml" -O csv.header=yes -O csv.decimals=1
expect_eq "-O for all, the client's own on top" "$(head -1 "$T/opts2/$ID/acme/$ID.csv")" market,2025,28.5,published
printf 'clients:\n  - licensee: Initech\n    options: {csv.hedaer: "no"}\n' >"$T/opts3.yaml"
check_status "a client's unknown option: exit 2" 2 $MKP render $AIGC $P -f csv -o "$T/opts3" --clients "$T/opts3.yaml"
$MKP render $AIGC $P -f csv -o "$T/opts3" --clients "$T/opts3.yaml" 2>"$T/opts3.err"
expect_grep "says which option and whose" "$T/opts3.err" "plugin 'csv' has no option 'hedaer'"
expect_grep "and whose it is" "$T/opts3.err" "that option is one of Initech's in .*opts3.yaml"

# ---- the example clients file that comes with marketpress -------------------
echo example-owner >"$T/ex-owner.pw"
check "datasets/clients/example.yaml renders" $MKP render $AIGC $P -f csv,copyinfo -o "$T/ex" -q --no-fsync \
    --clients datasets/clients/example.yaml --owner-password-file "$T/ex-owner.pw"
expect_eq "its four copies" "$(ls "$T/ex/$ID" | tr '\n' ' ')" "contoso-analytics fabrikam-group northwind-traders sample "
expect_grep "in harbour" "$T/ex/$ID/sample/$ID.copyinfo" '^theme: harbour$'

# ---- the inputs the theme fuzzer kept (tests/fuzz/run.sh theme) --------------
# The first byte chose the reader: even a theme, odd a clients file.
for f in tests/fixtures/fuzz-theme/*; do
    [ -f "$f" ] || continue
    b=$(od -An -tu1 -N1 "$f" | tr -d ' ')
    tail -c +2 "$f" >"$T/fz.yaml"
    if [ $((b % 2)) -eq 1 ]; then how=--clients; else how=--theme; fi
    $MKP render $AIGC $P -f csv -o "$T/fz-out" --no-fsync $how "$T/fz.yaml" >/dev/null 2>"$T/fz.err"
    st=$?
    name=$(basename "$f")
    if [ $st -eq 0 ] || { [ $st -eq 2 ] && grep -Eq 'fz\.yaml(:[0-9]+:[0-9]+)?: error: ' "$T/fz.err"; }; then
        ok "fuzzed $how input $name: rendered or refused with a file:line:col error"
    else
        fail "fuzzed $how input $name" "exit $st: $(head -c 300 "$T/fz.err")"
    fi
    rm -rf "$T/fz-out"
done

# ---- the CSV of a sample gives away the market total only --------------------
check "a sample's csv" $MKP render $AIGC $P -f csv -o "$T/scsv" -q --no-fsync --edition sample
expect_eq "its rows are the market's" "$(tail -n +2 "$T/scsv/$ID/sample/$ID.csv" | cut -d, -f1 | sort -u)" market
expect_eq "one a year, 2025 to 2032" "$(tail -n +2 "$T/scsv/$ID/sample/$ID.csv" | wc -l | tr -d ' ')" 8
