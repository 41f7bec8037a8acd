#!/bin/sh
# tests/e2e/clients.sh - one command renders a whole batch: the AIGC report
# for the three licensees of datasets/clients/example.yaml and the free
# sample, in the harbour house style with its logo, in English and
# Chinese, with every built-in plugin.  Read back with pdftotext, pdfinfo,
# qpdf, pdfimages and openpyxl: each PDF names its licensee on every page
# but the cover and carries its own permissions, the sample is the sample,
# each workbook says whose it is, and the same command gives the same
# bytes twice.
. tests/lib.sh
P="-P $BUILD/lib/marketpress/plugins"
PY=/usr/bin/python3
ID=aigc-foundation-models
: >"$T/readers.err"
echo batch-owner >"$T/owner.pw"
run() { # OUT
    $MKP render $AIGC $P --lang all --clients datasets/clients/example.yaml --owner-password-file "$T/owner.pw" \
        -o "$1" -q --no-fsync
}
check "one command renders the batch" run "$T/out"
check "and again" run "$T/again"
check "the same bytes both times, encrypted copies included" diff -r "$T/out" "$T/again"
expect_eq "a folder per client and the sample" "$(ls "$T/out/$ID" | tr '\n' ' ')" \
    "contoso-analytics fabrikam-group northwind-traders sample "

# licensee SLUG NAME LINE_EN LINE_ZH PERMS(print:copy) PAGE_SIZE
licensee() {
    slug=$1 who=$2 en=$3 zh=$4 perms=$5 paper=$6
    for l in en zh-CN; do
        if [ $l = en ]; then f=$T/out/$ID/$slug/$ID.pdf line=$en; else f=$T/out/$ID/$slug/$ID.zh-CN.pdf line=$zh; fi
        e="$slug [$l]"
        check "$e: qpdf --check" qpdf --password=batch-owner --check "$f"
        pdftotext -raw -upw "" "$f" - 2>>"$T/readers.err" | tr -d ' \t\r' |
            awk 'BEGIN { RS = "\f" } { gsub("\n", ""); print }' >"$T/pages"
        n=$(wc -l <"$T/pages" | tr -d ' ')
        want=$(printf '%s' "$line" | tr -d ' ')
        expect_eq "$e: the licence line on every page but the cover ($n pages)" \
            "$(tail -n +2 "$T/pages" | grep -cF "$want")" "$((n - 1))"
        expect_eq "$e: the licensee on the cover" "$(head -1 "$T/pages" | grep -cF "$(printf '%s' "$who" | tr -d ' ')")" 1
        qpdf --show-encryption --password=batch-owner "$f" >"$T/enc" 2>>"$T/readers.err"
        expect_grep "$e: the owner password opens it" "$T/enc" '^Supplied password is owner password$'
        expect_grep "$e: print $(echo $perms | cut -d: -f1)" "$T/enc" \
            "^print high resolution: $(echo $perms | cut -d: -f1)\$"
        expect_grep "$e: extract $(echo $perms | cut -d: -f2)" "$T/enc" \
            "^extract for any purpose: $(echo $perms | cut -d: -f2)\$"
        expect_grep "$e: never modified" "$T/enc" '^modify anything: not allowed$'
        expect_grep "$e: $paper paper" "$(pdfinfo "$f" 2>>"$T/readers.err" >"$T/info"; echo "$T/info")" "Page size: .*$paper"
        pdfimages -list "$f" 2>>"$T/readers.err" | awk 'NR > 2 && $4 == 780 && $5 == 200' >"$T/logos"
        expect_eq "$e: the harbour logo on every page" "$(cut -c1-5 "$T/logos" | sort -u | wc -l | tr -d ' ')" "$n"
    done
}
licensee northwind-traders "Northwind Traders" "Licensed to Northwind Traders, licence L-1042, single user" \
    "授权给Northwind Traders，许可证 L-1042，单用户" "allowed:not allowed" "A4"
licensee contoso-analytics "Contoso Analytics" "Licensed to Contoso Analytics, licence L-1057, 12 users" \
    "授权给Contoso Analytics，许可证 L-1057，12个用户" "allowed:allowed" "letter"
licensee fabrikam-group "Fabrikam Group" "Licensed to Fabrikam Group, licence L-1063, site licence" \
    "授权给Fabrikam Group，许可证 L-1063，全机构许可" "not allowed:not allowed" "A4"
expect_grep "Fabrikam's own watermark" "$(pdftotext -raw -upw "" "$T/out/$ID/fabrikam-group/$ID.pdf" - \
    2>>"$T/readers.err" | tr -d ' \n' >"$T/fabtext"; echo "$T/fabtext")" 'FabrikamGroupinternaluse'

# The sample: unlicensed, unprotected, short, marked.
for l in en zh-CN; do
    if [ $l = en ]; then f=$T/out/$ID/sample/$ID.pdf full=$T/out/$ID/fabrikam-group/$ID.pdf
    else f=$T/out/$ID/sample/$ID.zh-CN.pdf full=$T/out/$ID/fabrikam-group/$ID.zh-CN.pdf; fi
    np=$(pdfinfo "$f" 2>>"$T/readers.err" | sed -n 's/^Pages: *//p')
    nf=$(pdfinfo -upw "" "$full" 2>>"$T/readers.err" | sed -n 's/^Pages: *//p')
    expect_eq "sample [$l]: well under half the full edition ($np of $nf pages)" "$((np * 2 < nf))" 1
    expect_eq "sample [$l]: not encrypted" "$(pdfinfo "$f" 2>>"$T/readers.err" | sed -n 's/^Encrypted: *//p')" no
    pdftotext -raw "$f" - 2>>"$T/readers.err" | tr -d ' \n' >"$T/stext"
    if [ $l = en ]; then mark=SAMPLE order=OrdertheFullReport; else mark=样本 order=订购完整报告; fi
    expect_grep "sample [$l]: marked $mark" "$T/stext" "$mark"
    expect_grep "sample [$l]: ends with the call to order" "$T/stext" "$order"
    expect_no_grep "sample [$l]: licensed to no one" "$T/stext" 'Licensedto[A-Z]|授权给[A-Za-z]'
done
expect_eq "the sample's charts: the first figure of each chapter" \
    "$(ls "$T/out/$ID/sample/$ID-svg" | cut -c1-2 | tr '\n' ' ')" "01 02 06 10 14 18 "

# The workbooks say whose they are, and protect their formulas.
$PY - "$T/out/$ID" >"$T/books" 2>>"$T/readers.err" <<'PY'
import sys, zipfile, re, openpyxl
d = sys.argv[1]
for slug in ("northwind-traders", "contoso-analytics", "fabrikam-group", "sample"):
    for lang in ("", ".zh-CN"):
        path = f"{d}/{slug}/aigc-foundation-models{lang}.xlsx"
        wb = openpyxl.load_workbook(path)
        z = zipfile.ZipFile(path)
        custom = z.read("docProps/custom.xml").decode() if "docProps/custom.xml" in z.namelist() else ""
        company = re.search(r"<Company>([^<]*)</Company>", z.read("docProps/app.xml").decode())
        lic = re.search(r'name="Licensee"[^>]*><vt:lpwstr>([^<]*)<', custom)
        prot = sorted(ws.title for ws in wb.worksheets if ws.protection.sheet)
        print(slug + lang, lic.group(1) if lic else "-", company.group(1) if company else "-", len(wb.sheetnames), "protected:" + ",".join(prot))
PY
expect_grep "Northwind's workbook names its licensee" "$T/books" '^northwind-traders Northwind Traders Harbour Analytics [0-9]+ protected:.*Summary'
expect_grep "Contoso's Chinese workbook too" "$T/books" '^contoso-analytics.zh-CN Contoso Analytics Harbour Analytics'
expect_grep "the sample's workbook: two sheets, nobody's" "$T/books" '^sample - Harbour Analytics 2 protected:$'
expect_eq "the readers said nothing" "$(cat "$T/readers.err")" ""
