#!/bin/sh
# tests/e2e/licence.sh - the PDF of a licensed copy and of the sample
# edition, read with real readers (poppler, qpdf, mutool), in English and
# Chinese: the licensee on the cover, in the foot of every other page and
# in the document properties; the permissions and passwords as qpdf and
# pdftotext see them; the same bytes on every render; the watermark; the
# sample's pages, contents, figures and order page against the full
# edition's.
. tests/lib.sh
: >"$T/readers.err"
PY=/usr/bin/python3
P="-P $BUILD/lib/marketpress/plugins"
ID=aigc-foundation-models
OWNER=owner-secret-7
OPEN=open-secret-9
unset MARKETPRESS_OWNER_PASSWORD MARKETPRESS_OPEN_PASSWORD
printf '%s\n' "$OWNER" >"$T/owner.pw"
printf '%s\n' "$OPEN" >"$T/open.pw"
LIC="--licensee Acme --licence-id L-1234 --seats 1 --licence-date 2026-11-30"

# pages FILE.pdf DIR [PASSWORD]: each page's text (pdftotext -raw) in
# DIR/p<N>.txt, the bookmarks in DIR/outline; prints the page count.
pages() {
    rm -rf "$2" && mkdir "$2"
    pw=${3:+-upw $3}
    n=$(pdfinfo $pw "$1" 2>>"$T/readers.err" | sed -n 's/^Pages: *//p')
    i=1
    while [ "$i" -le "${n:-0}" ]; do
        pdftotext -raw $pw -f "$i" -l "$i" "$1" "$2/p$i.txt" 2>>"$T/readers.err"
        i=$((i + 1))
    done
    mutool show ${3:+-p $3} "$1" outline >"$2/outline" 2>>"$T/readers.err"
    echo "${n:-0}"
}

# flat FILE: its text without any whitespace (a line the foot wraps reads whole).
flat() { tr -d ' \n\t\r\f' <"$1"; }

# every NAME DIR FROM TO STRING: STRING (whitespace aside) on pages FROM..TO.
every() {
    want=$(printf '%s' "$5" | tr -d ' ') missing=
    i=$3
    while [ "$i" -le "$4" ]; do
        flat "$2/p$i.txt" | grep -qF -- "$want" || missing="$missing $i"
        i=$((i + 1))
    done
    if [ -z "$missing" ]; then ok "$1"; else fail "$1" "not on page(s)$missing"; fi
}

# anywhere NAME DIR STRING: STRING (whitespace aside) on some page.
anywhere() {
    want=$(printf '%s' "$3" | tr -d ' ')
    if cat "$2"/p*.txt | tr -d ' \n\t\r\f' | grep -qF -- "$want"; then ok "$1"; else fail "$1" "not in $2"; fi
}

# render NAME OUT ARGS...: marketpress render of the AIGC report's PDF.
render() {
    name=$1 out=$2
    shift 2
    "$MKP" render "$AIGC" $P -f pdf -o "$out" --no-fsync "$@" >"$T/r.out" 2>"$T/r.err"
    st=$?
    expect_eq "$name: renders" "$st" 0
    expect_eq "$name: says only what it wrote" "$(grep -v '^marketpress: wrote ' "$T/r.err")" ""
}

# encryption NAME FILE PASSWORD: qpdf --show-encryption's lines, and qpdf --check.
encryption() {
    qpdf --show-encryption --password="$3" "$2" >"$T/enc" 2>>"$T/readers.err"
    check "$1: qpdf --check" qpdf --check --password="$3" "$2"
}

for lang in en zh-CN; do
    sfx=; [ "$lang" = en ] || sfx=.$lang
    if [ "$lang" = en ]; then
        LINE="Licensed to Acme, licence L-1234, single user" TO="Licensed to" DAY="30 November 2026"
        MARK=SAMPLE ORDER="Order the Full Report" WM="Acme internal use" SIGN="Licensed"
        KEY="Table 1: Key market statisticsIndicatorYearValueBase year2025USD 28.46 billion"
        RIGHTS="Licensee Acme · Licence L-1234 · single user · 30 November 2026"
    else
        LINE="授权给Acme，许可证 L-1234，单用户" TO="授权给" DAY="2026年11月30日"
        MARK=样本 ORDER=订购完整报告 WM=内部资料 SIGN="授权给"
        KEY="表1：关键市场统计数据指标年份数值基准年2025284.6亿美元"
        RIGHTS="被许可方Acme · 许可证 L-1234 · 单用户 · 2026年11月30日"
    fi

    # ---- the full edition, unlicensed: what the copies are compared with
    render "$lang full" "$T/full" --lang "$lang"
    FULL=$T/full/$ID$sfx.pdf
    NFULL=$(pages "$FULL" "$T/full-$lang")
    expect_no_grep "$lang full: no licence line" "$T/full-$lang/p5.txt" "$TO"
    expect_eq "$lang full: not encrypted" "$(qpdf --show-encryption "$FULL" 2>>"$T/readers.err")" \
        "File is not encrypted"

    # ---- a licensed copy: print allowed, nothing else; no open password
    render "$lang licensed" "$T/lic" --lang "$lang" $LIC --permissions print --owner-password-file "$T/owner.pw"
    PDF=$T/lic/$ID/acme/$ID$sfx.pdf
    N=$(pages "$PDF" "$T/lic-$lang")
    expect_eq "$lang licensed: as many pages as the full edition" "$N" "$NFULL"
    every "$lang licensed: the licence line in the foot of every page but the cover" "$T/lic-$lang" 2 "$N" "$LINE"
    if flat "$T/lic-$lang/p1.txt" | grep -qF -- "$(printf '%s' "$LINE" | tr -d ' ')"; then
        fail "$lang licensed: the cover has no foot line" "the licence line is on page 1"
    else ok "$lang licensed: the cover has no foot line"; fi
    every "$lang licensed: the cover's block (licensee, licence, date)" "$T/lic-$lang" 1 1 "$TO"
    every "$lang licensed: the cover names Acme" "$T/lic-$lang" 1 1 "Acme"
    every "$lang licensed: the cover's licence number" "$T/lic-$lang" 1 1 "L-1234"
    every "$lang licensed: the cover's licence date" "$T/lic-$lang" 1 1 "$DAY"
    every "$lang licensed: the copyright page names the licensee" "$T/lic-$lang" 2 2 "$RIGHTS"
    pdfinfo "$PDF" >"$T/info" 2>>"$T/readers.err"
    expect_grep "$lang licensed: the subject carries the licence line" "$T/info" "^Subject: .*$LINE\$"
    expect_grep "$lang licensed: the author is the publisher" "$T/info" '^Author: +marketpress Research$'
    expect_grep "$lang licensed: the title as always" "$T/info" '^Title: +(AIGC Foundation Models Market|AIGC基础模型市场)$'
    expect_grep "$lang licensed: the keywords name the licensee and the licence" "$T/info" '^Keywords: .*, Acme, L-1234$'
    encryption "$lang licensed" "$PDF" "$OWNER"
    expect_grep "$lang licensed: RC4 128-bit (R 3)" "$T/enc" '^R = 3$'
    expect_grep "$lang licensed: the owner password is the owner's" "$T/enc" 'Supplied password is owner password'
    expect_grep "$lang licensed: opens without a password" "$T/enc" '^User password = $'
    expect_grep "$lang licensed: print allowed" "$T/enc" '^print low resolution: allowed'
    expect_grep "$lang licensed: print at full quality allowed" "$T/enc" '^print high resolution: allowed'
    expect_grep "$lang licensed: modify not allowed" "$T/enc" '^modify anything: not allowed'
    expect_grep "$lang licensed: forms and assembly not allowed" "$T/enc" '^modify (forms|document assembly): not allowed'
    expect_no_grep "$lang licensed: no modify permission at all" "$T/enc" '^modify .*: allowed'
    expect_grep "$lang licensed: extract not allowed" "$T/enc" '^extract for any purpose: not allowed'
    expect_grep "$lang licensed: extract for accessibility allowed" "$T/enc" '^extract for accessibility: allowed'
    render "$lang licensed again" "$T/lic2" --lang "$lang" $LIC --permissions print --owner-password-file "$T/owner.pw"
    check "$lang licensed: the same bytes on a second render" cmp "$PDF" "$T/lic2/$ID/acme/$ID$sfx.pdf"

    # ---- the licence line fits the foot: a long licensee wraps under the
    # footer, the theme's footer line included
    long="Internationale Gesellschaft für Angewandte Marktforschung und Strategische Unternehmensberatung mbH"
    render "$lang long licensee" "$T/long" --lang "$lang" --licensee "$long" --licence-id L-2026-000123 --seats 250 \
        --theme themes/harbour.yaml
    LPDF=$(ls "$T"/long/$ID/*/$ID$sfx.pdf)
    pdftotext -bbox -f 6 -l 6 "$LPDF" "$T/bbox.html" 2>>"$T/readers.err"
    $PY tests/e2e/licence_check.py foot "$T/bbox.html" "$SIGN" 533.3 >"$T/foot.check" 2>&1
    expect_eq "$lang long licensee: $(cat "$T/foot.check")" "$(grep -v '^ok ' "$T/foot.check")" ""
    pages "$LPDF" "$T/long-$lang" >/dev/null
    every "$lang long licensee: the whole line in the foot" "$T/long-$lang" 6 6 "$long"

    # ---- an open password, nothing allowed, a watermark
    render "$lang protected" "$T/prot" --lang "$lang" $LIC --permissions none --watermark "$WM" \
        --owner-password-file "$T/owner.pw" --open-password-file "$T/open.pw"
    PDF=$T/prot/$ID/acme/$ID$sfx.pdf
    pdftotext "$PDF" "$T/locked.txt" 2>"$T/locked.err"
    st=$?
    if [ "$st" != 0 ] && grep -q 'password' "$T/locked.err" && [ ! -s "$T/locked.txt" ]; then
        ok "$lang protected: pdftotext refuses without the open password"
    else fail "$lang protected: pdftotext without the password" "exit $st: $(head -c 200 "$T/locked.err")"; fi
    N=$(pages "$PDF" "$T/prot-$lang" "$OPEN")
    expect_eq "$lang protected: pdftotext -upw reads every page" "$N" "$NFULL"
    every "$lang protected: the licence line read with the open password" "$T/prot-$lang" 2 "$N" "$LINE"
    every "$lang protected: the watermark on every page" "$T/prot-$lang" 1 "$N" "$WM"
    encryption "$lang protected, owner" "$PDF" "$OWNER"
    expect_grep "$lang protected: the owner password" "$T/enc" 'Supplied password is owner password'
    expect_grep "$lang protected: the open password is set" "$T/enc" "^User password = $OPEN\$"
    expect_grep "$lang protected: print not allowed" "$T/enc" '^print low resolution: not allowed'
    expect_grep "$lang protected: print at full quality not allowed" "$T/enc" '^print high resolution: not allowed'
    expect_grep "$lang protected: modify not allowed" "$T/enc" '^modify anything: not allowed'
    expect_grep "$lang protected: extract not allowed" "$T/enc" '^extract for any purpose: not allowed'
    encryption "$lang protected, open" "$PDF" "$OPEN"
    expect_grep "$lang protected: the open password is the user's" "$T/enc" 'Supplied password is user password'
    render "$lang protected again" "$T/prot2" --lang "$lang" $LIC --permissions none --watermark "$WM" \
        --owner-password-file "$T/owner.pw" --open-password-file "$T/open.pw"
    check "$lang protected: the same bytes on a second render" cmp "$PDF" "$T/prot2/$ID/acme/$ID$sfx.pdf"

    # ---- everything allowed
    render "$lang open" "$T/all" --lang "$lang" $LIC --permissions print,copy,modify --owner-password-file "$T/owner.pw"
    encryption "$lang all allowed" "$T/all/$ID/acme/$ID$sfx.pdf" "$OWNER"
    expect_no_grep "$lang all allowed: nothing refused" "$T/enc" 'not allowed'

    # ---- the sample edition
    render "$lang sample" "$T/sample" --lang "$lang" --edition sample
    SPDF=$T/sample/$ID/sample/$ID$sfx.pdf
    NS=$(pages "$SPDF" "$T/sample-$lang")
    check "$lang sample: $NS pages, under half the full edition's $NFULL" test "$((NS * 2))" -lt "$NFULL"
    check "$lang sample: qpdf --check" qpdf --check "$SPDF"
    every "$lang sample: the sample mark on every page" "$T/sample-$lang" 1 "$NS" "$MARK"
    every "$lang sample: the order page" "$T/sample-$lang" "$NS" "$NS" "$ORDER"
    every "$lang sample: the publisher's contact on it" "$T/sample-$lang" "$NS" "$NS" "client-services@example.com"
    anywhere "$lang sample: the key statistics" "$T/sample-$lang" "$KEY"
    $PY tests/e2e/licence_check.py sample "$T/full-$lang" "$T/sample-$lang" "$lang" >"$T/sample.check" 2>&1
    expect_eq "$lang sample: $(grep -c '^ok ' "$T/sample.check") checks against the full edition: $(grep '^ok ' "$T/sample.check" | cut -c4- | tr '\n' ';')" \
        "$(grep -v '^ok ' "$T/sample.check")" ""
    render "$lang sample again" "$T/sample2" --lang "$lang" --edition sample
    check "$lang sample: the same bytes on a second render" cmp "$SPDF" "$T/sample2/$ID/sample/$ID$sfx.pdf"

    # ---- a theme's call to order; a licensed sample
    render "$lang sample, harbour" "$T/harbour" --lang "$lang" --edition sample --theme themes/harbour.yaml $LIC
    HPDF=$T/harbour/$ID/acme-sample/$ID$sfx.pdf
    NH=$(pages "$HPDF" "$T/harbour-$lang")
    every "$lang sample, harbour: the theme's call to order" "$T/harbour-$lang" "$NH" "$NH" \
        "clients@harbour-analytics.example"
    every "$lang sample, harbour: the licence line on every page but the cover" "$T/harbour-$lang" 2 "$NH" "$LINE"
done

expect_eq "the readers said nothing" "$(grep -v '^warning: ICC support is not available' "$T/readers.err" | head -c 600)" ""
