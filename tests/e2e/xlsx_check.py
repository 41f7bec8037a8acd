"""xlsx_check.py - reads marketpress workbooks with openpyxl (no mocks) for
tests/e2e/xlsx.sh and prints one "ok - NAME" / "not ok - NAME: why" line per
check.  Usage:
    xlsx_check.py LABEL model FILE.xlsx FORECAST.json SHEETS   (SHEETS: a|b|c)
    xlsx_check.py LABEL charts FILE.xlsx KINDS     (SHEET=kind,kind;SHEET=...)
    xlsx_check.py LABEL hostile FILE.xlsx
    xlsx_check.py LABEL sumif FILE.xlsx
    xlsx_check.py LABEL options FILE.xlsx CHARTS DECIMALS COLLAPSE
    xlsx_check.py LABEL recalc ORIGINAL.xlsx RECALCULATED.xlsx
    xlsx_check.py LABEL figures FILE.xlsx FORECAST.json
    xlsx_check.py LABEL percent FILE.xlsx
    xlsx_check.py LABEL notes FILE.xlsx
    xlsx_check.py LABEL years FILE.xlsx
    xlsx_check.py LABEL print FILE.xlsx PDF_DIR  (PDF_DIR/<name>.pdf from soffice)
Every check name starts with "LABEL: ".
"""
import itertools
import json
import os
import re
import sys
import unicodedata
import zipfile

import openpyxl

TOL = 1e-9
FAILED = []


PREFIX = ""


def report(name, good, why=""):
    name = PREFIX + name
    if good:
        print(f"ok - {name}")
    else:
        FAILED.append(name)
        print(f"not ok - {name}: {why}")


def close(a, b):
    return isinstance(a, (int, float)) and abs(a - b) <= TOL * max(1.0, abs(b))


def first_bad(pairs):
    """The first (where, got, want) whose got is not close to want, else None."""
    for where, got, want in pairs:
        if want is None:
            if got != "n/a":
                return where, got, "n/a"
        elif not close(got, want):
            return where, got, want
    return None


def load(path, data_only):
    return openpyxl.load_workbook(path, data_only=data_only)


def cell_of_name(wb, name):
    dn = wb.defined_names[name]
    (sheet, ref), = list(dn.destinations)
    return sheet, ref.replace("$", "")


def dimension_layout(js):
    """Dimension ids in order, and each one's series (tree order)."""
    order, series = [], {}
    for s in js["series"]:
        if s["depth"] == 0:
            continue
        dim = s["series"].split("/")[0]
        if dim not in series:
            order.append(dim)
            series[dim] = []
        series[dim].append(s)
    return order, series


def unit_text(js, path):
    """The unit header as the job's language writes it: "USD billion", or
    十亿美元 in a Chinese edition (<id>.zh-CN.xlsx)."""
    if ".zh-CN." in os.path.basename(path):
        cur = {"USD": "美元", "EUR": "欧元", "CNY": "元人民币", "JPY": "日元"}.get(js["currency"])
        scale = {"thousand": "千", "million": "百万", "billion": "十亿", "trillion": "万亿"}.get(js["unit"])
        if cur and scale:
            return scale + cur
    return f"{js['currency']} {js['unit']}"


def data_sheet(wf):
    """The sheet holding the table MarketData, whatever its language calls it."""
    for ws in wf.worksheets:
        if "MarketData" in ws.tables:
            return ws.title
    return "Data"


def col(n):
    return openpyxl.utils.get_column_letter(n)


def check_model(path, json_path, sheets):
    with open(json_path, encoding="utf-8") as f:
        js = json.load(f)
    wf, wv = load(path, False), load(path, True)
    want_sheets = sheets.split("|")
    report("sheets present", wf.sheetnames == want_sheets, f"{wf.sheetnames} != {want_sheets}")
    years = list(range(js["first_year"], js["forecast_end"] + 1))
    ycol = {y: 2 + i for i, y in enumerate(years)}
    key = js["key_statistics"]
    span = js["forecast_end"] - js["cagr_start"]

    # Defined names hold the key statistics, the CAGR as a live formula.
    names = {"Market_Base": key["base"], "Market_Estimated": key["estimated"],
             "Market_Forecast": key["forecast"], "Market_CAGR": key["cagr"]}
    missing = [n for n in list(names) + ["Market_Series"] if n not in wf.defined_names]
    report("defined names", not missing, f"missing {missing}")
    if not missing:
        bad = first_bad((n, wv[cell_of_name(wv, n)[0]][cell_of_name(wv, n)[1]].value, v) for n, v in names.items())
        report("key statistics cached = model", bad is None, f"{bad}")
        sheet, ref = cell_of_name(wf, "Market_CAGR")
        formula = wf[sheet][ref].value
        report("CAGR is a live formula", isinstance(formula, str) and
               re.fullmatch(r"=\([A-Z]+\d+/[A-Z]+\d+\)\^\(1/%d\)-1" % span, formula) is not None, f"{formula!r}")

    # The market table's year header: numbers, shown as 2025.
    summary = wf.worksheets[0]
    hdr = next((r for r in range(1, 30) if summary.cell(r, 2).value == years[0]
                and summary.cell(r, 1).value in ("Year", "年份")), None)
    report("Summary: year header is numbers shown as 0", hdr is not None and
           [summary.cell(hdr, ycol[y]).value for y in years] == years and
           {summary.cell(hdr, ycol[y]).number_format for y in years} == {"0"},
           f"row {hdr}: {[summary.cell(hdr or 1, ycol[y]).value for y in years]}")

    # Dimension sheets: values, CAGR and share formulas, the total row.
    order, series = dimension_layout(js)
    market = js["series"][0]
    for d, dim in enumerate(order):
        name = wf.sheetnames[1 + d]
        ws, wsv = wf[name], wv[name]
        rows = series[dim]
        total = 5 + len(rows)
        ccol, s0, s1, lcol = len(years) + 2, len(years) + 3, len(years) + 4, len(years) + 6
        titles = [ws.cell(5 + i, 1).value for i in range(len(rows))]
        report(f"{name}: segment rows", titles == [s["title"] for s in rows] and
               ws.cell(total, 1).value in ("Total", "合计"), f"{titles}")
        pairs = []
        for i, s in enumerate(rows):
            r = 5 + i
            for y in years:
                pairs.append((f"{col(ycol[y])}{r}", wsv.cell(r, ycol[y]).value, s["values"][str(y)]))
            pairs.append((f"CAGR row {r}", wsv.cell(r, ccol).value, s["cagr"]))
            pairs.append((f"share {r}", wsv.cell(r, s0).value, s["shares"][str(js["base_year"])]))
            pairs.append((f"share {r}", wsv.cell(r, s1).value, s["shares"][str(js["forecast_end"])]))
        for y in years:
            pairs.append((f"total {y}", wsv.cell(total, ycol[y]).value, market["values"][str(y)]))
        pairs.append(("total CAGR", wsv.cell(total, ccol).value, market["cagr"]))
        bad = first_bad(pairs)
        report(f"{name}: cached values = model to 1e-9", bad is None, f"{bad}")
        # A segment with sub-segments is =SUM over the rows right below it;
        # every other row holds the model's numbers.
        kids = [sum(1 for _ in itertools.takewhile(lambda t: t["depth"] == 2, rows[i + 1:]))
                if s["depth"] == 1 else 0 for i, s in enumerate(rows)]
        plain = all(isinstance(ws.cell(5 + i, ycol[y]).value, (int, float)) for i in range(len(rows)) for y in years
                    if not kids[i])
        parents = [(f"{col(ycol[y])}{5 + i}", ws.cell(5 + i, ycol[y]).value,
                    f"=SUM({col(ycol[y])}{6 + i}:{col(ycol[y])}{5 + i + kids[i]})")
                   for i in range(len(rows)) for y in years if kids[i]]
        bad_parent = [(c, v, w) for c, v, w in parents if v != w]
        report(f"{name}: a segment with sub-segments is =SUM over their rows ({len(parents)} cells)",
               not bad_parent, f"{bad_parent[:2]}")
        heads = [ws.cell(4, ycol[y]).value for y in years] + [ws.cell(4, s0).value, ws.cell(4, s1).value]
        head_fmt = {ws.cell(4, c).number_format for c in [ycol[y] for y in years] + [s0, s1]}
        report(f"{name}: year headers are numbers shown as 0", heads == years + [js["base_year"], js["forecast_end"]]
               and head_fmt == {"0"}, f"{heads} {head_fmt}")
        sums = all(str(ws.cell(total, ycol[y]).value).startswith(("=SUM(", "=SUMIF(")) for y in years)
        cagrs = all(str(ws.cell(5 + i, ccol).value).startswith("=(") for i, s in enumerate(rows) if s["cagr"] is not None)
        shares = all(str(ws.cell(5 + i, c).value).startswith("=") for i in range(len(rows)) for c in (s0, s1))
        report(f"{name}: leaf values are numbers, totals/CAGR/shares formulas", plain and sums and cagrs and shares,
               f"values {plain} sums {sums} cagr {cagrs} shares {shares}")
        levels = [ws.row_dimensions[5 + i].outline_level for i in range(len(rows))]
        report(f"{name}: sub-segments are outline level 1",
               levels == [1 if s["depth"] == 2 else 0 for s in rows] and
               ws.sheet_properties.outlinePr.summaryBelow is False, f"{levels}")
        report(f"{name}: frozen header and first column", ws.freeze_panes == "B5", f"{ws.freeze_panes}")
        ps = ws.page_setup
        # A scale, not "fit to pages" (under which manual page breaks are
        # ignored); the header rows repeat only on a table that runs over
        # pages, and would otherwise print above the charts.
        titles_ok = (ws.print_title_rows is None if len(rows) < 20 else
                     str(ws.print_title_rows).replace("$", "") == "3:4" if len(rows) > 60 else True)
        report(f"{name}: print setup", ps.orientation == "landscape" and ps.paperSize in (9, "9") and
               10 <= int(ps.scale or 100) <= 100 and not (ws.sheet_properties.pageSetUpPr or
                                                         openpyxl.worksheet.properties.PageSetupProperties()).fitToPage
               and titles_ok and ws.print_area, f"{ps.orientation} {ps.scale} {ws.print_title_rows} {ws.print_area}")
        unit = unit_text(js, path)
        fmt_ok = ws.cell(5, 2).number_format == "#,##0.00" and ws.cell(5, ccol).number_format == "0.00%"
        report(f"{name}: number formats and unit header", fmt_ok and ws.cell(3, 2).value == unit,
               f"{ws.cell(5, 2).number_format} {ws.cell(5, ccol).number_format} {ws.cell(3, 2).value!r}")
        widest = max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in t) for t in titles)
        width = ws.column_dimensions["A"].width
        report(f"{name}: first column fits the titles", widest <= width <= 62, f"width {width}, text {widest}")
        report(f"{name}: level column", [ws.cell(5 + i, lcol).value for i in range(len(rows))] ==
               [s["depth"] for s in rows], "")

    # Data: one table row per series and year, values equal to the model.
    data = data_sheet(wf)
    ws, wsv = wf[data], wv[data]
    n = len(js["series"]) * len(years)
    table = ws.tables.get("MarketData")
    report("Data table and its ref", table is not None and table.ref == f"A1:I{1 + n}" and
           table.autoFilter is not None, f"{table.ref if table else None} for {n} rows")
    report("Data frozen header", ws.freeze_panes == "A2", f"{ws.freeze_panes}")
    want = {(s["series"], y): s["values"][str(y)] for s in js["series"] for y in years}
    got = {(wsv.cell(r, 4).value, wsv.cell(r, 6).value): wsv.cell(r, 7).value for r in range(2, n + 2)}
    bad = first_bad((k, got.get(k), v) for k, v in want.items())
    report("Data values = model to 1e-9", bad is None and len(got) == n, f"{bad}")
    props = wf.properties
    report("document properties", props.title == js["title"] and props.created is not None, f"{props.title!r}")


def chart_title(ch):
    try:
        return "".join(r.t for p in ch.title.tx.rich.p for r in (p.r or []))
    except AttributeError:
        return None


REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$")


def ref_cells(wb, ref):
    m = REF.match(ref)
    if not m:
        return None
    sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
    a = f"{m.group(3)}{m.group(4)}"
    z = f"{m.group(5)}{m.group(6)}" if m.group(5) else a
    rng = wb[sheet][f"{a}:{z}"]
    return [c for row in rng for c in row]


def chart_kind(ch):
    kind = type(ch).__name__
    if kind == "BarChart":
        return f"{ch.barDir}-{ch.grouping}"
    return "line" if kind == "LineChart" else kind


def check_charts(path, kinds):
    """KINDS: per sheet with charts, SHEET=kind,kind,... joined by ';'."""
    wf = load(path, False)
    want = dict(item.split("=", 1) for item in kinds.split(";"))
    got = {ws.title: ",".join(chart_kind(c) for c in ws._charts) for ws in wf.worksheets if ws._charts}
    report("charts per sheet and their kinds", got == want, f"{got}")
    titles = [chart_title(c) for ws in wf.worksheets for c in ws._charts]
    nums = sorted(int(m.group(1)) for t in titles for m in [re.match(r"^(?:Figure |图)(\d+)(?:: |：)\S", t or "")] if m)
    report("chart titles carry the figure number", nums == list(range(1, len(titles) + 1)), f"{titles}")
    notes = {c.value for row in wf.worksheets[-1].iter_rows() for c in row if isinstance(c.value, str)}
    captions = {c.value for row in wf.worksheets[-2].iter_rows() for c in row if isinstance(c.value, str)}
    report("chart titles match the figure list and data captions",
           all(t in notes and t in captions for t in titles), f"{[t for t in titles if t not in notes]}")
    # Every series points at cells of this workbook that are the model's
    # numbers on a table sheet, or formulas (a Chart data block links each
    # of its cells to a table sheet); the cache (what viewers that do not
    # recalculate draw) holds the cells' cached values.
    wv = load(path, True)
    data = wf.worksheets[-2].title
    problems = []
    for ws in wf.worksheets:
        for c in ws._charts:
            for s in c.series:
                cells = ref_cells(wf, s.val.numRef.f)
                cache = [float(p.v) for p in s.val.numRef.numCache.pt]
                values = [wv[x.parent.title][x.coordinate].value for x in cells or []]
                if cells is None or any(not (x.parent.title != data and isinstance(x.value, (int, float)) or
                                             isinstance(x.value, str) and x.value.startswith("=") and
                                             (x.parent.title != data or re.match(r"^=.*'[^']+'!", x.value)))
                                        for x in cells):
                    problems.append(f"{chart_title(c)}: {s.val.numRef.f} is neither table numbers nor links")
                elif len(cache) != len(cells) or any(not close(a, b) for a, b in zip(cache, values)):
                    problems.append(f"{chart_title(c)}: cache {cache[:3]} != cells {values[:3]}")
                cats = ref_cells(wf, s.cat.strRef.f if s.cat.strRef else s.cat.numRef.f)
                if cats is None or len(cats) != len(cells):
                    problems.append(f"{chart_title(c)}: categories {s.cat}")
    report("chart series point at the workbook's cells, caches match", not problems, "; ".join(problems[:3]))


def series_name(s):
    try:
        return s.tx.strRef.strCache.pt[0].v
    except (AttributeError, IndexError):
        return None


def cat_cache(s):
    ref = s.cat.strRef or s.cat.numRef
    cache = ref.strCache if s.cat.strRef else ref.numCache
    return [p.v for p in cache.pt]


def check_figures(path, json_path):
    """The computed figures (shares, CAGRs, sub-segments or regions by two
    years) against the model: each chart's cache equals the model's number
    for its category and series, percentages as fractions."""
    with open(json_path, encoding="utf-8") as f:
        js = json.load(f)
    by_title = {}
    for s in js["series"]:
        if s["depth"]:
            by_title.setdefault((s["series"].split("/")[0], s["title"]), []).append(s)
    dims = {}
    wf = load(path, False)
    for i, ws in enumerate(wf.worksheets[1:]):
        for c in ws._charts:
            dims.setdefault(ws.title, []).append(c)
    order = []
    for s in js["series"]:
        d = s["series"].split("/")[0]
        if s["depth"] and d not in order:
            order.append(d)
    seen = {"share": 0, "cagr": 0, "two-year": 0}
    problems = []
    for d, dim in enumerate(order):
        for c in dims.get(wf.sheetnames[1 + d], []):
            kind = chart_kind(c)
            for s in c.series:
                cache = [float(p.v) for p in s.val.numRef.numCache.pt]
                cats = [str(v) for v in cat_cache(s)]
                name = series_name(s)
                for k, cat in enumerate(cats):
                    if kind == "col-percentStacked":
                        want = [t["shares"].get(str(int(float(cat)))) for t in by_title.get((dim, name), [])
                                if t["depth"] == 1]
                        what = "share"
                    elif kind == "bar-clustered" and len(c.series) == 1:
                        want = [t["cagr"] or 0 for t in by_title.get((dim, cat), []) if t["depth"] == 1]
                        what = "cagr"
                    elif kind == "bar-clustered":
                        want = [t["values"].get(name) for t in by_title.get((dim, cat), [])]
                        what = "two-year"
                    else:
                        break
                    if not want:  # "Other": no segment of that name
                        continue
                    seen[what] += 1
                    if not any(w is not None and close(cache[k], w) for w in want):
                        problems.append(f"{chart_title(c)}: {name}/{cat} cached {cache[k]}, model {want}")
    report(f"share, CAGR and two-year charts cache the model's numbers {seen}",
           not problems and all(seen.values()), "; ".join(problems[:3]))


def check_percent(path):
    """A percentage is a fraction with a percent format (0.00% or 0.0%), in
    every cell and every chart; no number carries a literal "%"."""
    wf, wv = load(path, False), load(path, True)
    bad, n = [], 0
    for ws in wf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                fmt = c.number_format or ""
                v = wv[ws.title][c.coordinate].value
                if '"%"' in fmt or "\\%" in fmt:
                    bad.append(f"{ws.title}!{c.coordinate} format {fmt}")
                elif "%" in fmt and isinstance(v, (int, float)):
                    n += 1
                    if fmt not in ("0.00%", "0.0%") or abs(v) >= 5:
                        bad.append(f"{ws.title}!{c.coordinate} {v} {fmt}")
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/charts/") and re.search(r'formatCode="[^"]*&quot;%&quot;',
                                                           z.read(name).decode("utf-8")):
                bad.append(f"{name}: a literal % in a number format")
    report(f"percentages are fractions shown 0.00% or 0.0% ({n} cells)", n > 0 and not bad, "; ".join(bad[:3]))
    cagr = [c for ws in wf.worksheets for c in ws._charts
            if chart_kind(c) == "bar-clustered" and len(c.series) == 1]
    # openpyxl's y_axis is the value axis, which a bar chart draws along the bottom
    fmts = {(c.y_axis.number_format.formatCode if c.y_axis.number_format else None) for c in cagr}
    report("CAGR chart axes are formatted 0%", cagr and fmts == {"0%"}, f"{fmts}")


def check_years(path):
    """No year is text on any sheet: headers, Chart data categories and
    series names are numbers, shown as 2025 (format 0)."""
    wf = load(path, False)
    text, fmt, n = [], [], 0
    for ws in wf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and re.fullmatch(r"(19|20)\d\d", c.value):
                    text.append(f"{ws.title}!{c.coordinate}")
                elif isinstance(c.value, int) and 1900 <= c.value <= 2100 and c.number_format not in ("0", "General"):
                    fmt.append(f"{ws.title}!{c.coordinate} {c.number_format}")
                elif isinstance(c.value, int) and 1900 <= c.value <= 2100 and ws.title != data_sheet(wf):
                    n += 1
    report(f"years are numbers shown as 0 ({n} cells)", n > 0 and not text and not fmt,
           f"text {text[:3]} formats {fmt[:3]}")


def check_notes(path):
    """Every table and figure the Notes sheet lists is on the sheet it
    names: a table's caption is a cell there, a figure's a chart title."""
    wf = load(path, False)
    notes = wf.worksheets[-1]
    rows = [(notes.cell(r, 1).value, notes.cell(r, 2).value) for r in range(1, notes.max_row + 1)]
    listed = [(sh, t) for sh, t in rows if isinstance(t, str) and re.match(r"^(Table|Figure) \d+: |^[表图]\d+：", t)]
    bad = []
    for sheet, caption in listed:
        if sheet not in wf.sheetnames:
            bad.append(f"{caption!r} on missing sheet {sheet!r}")
        elif re.match(r"^(Table |表)", caption):
            if not any(c.value == caption for row in wf[sheet].iter_rows() for c in row):
                bad.append(f"{caption!r} not on {sheet!r}")
        elif caption not in [chart_title(c) for c in wf[sheet]._charts]:
            bad.append(f"{caption!r} is no chart on {sheet!r}")
    report(f"Notes: every listed table and figure is on its sheet ({len(listed)})", len(listed) > 5 and not bad,
           "; ".join(bad[:3]))


def check_print(path, pdf_dir):
    """Every chart prints whole: no manual page break cuts a chart's rows,
    the print area holds every chart, and LibreOffice's PDF of the workbook
    has as many pages per sheet as its manual breaks say (a sheet wider
    than its page, or a page break LibreOffice adds itself, would add
    pages).  PDF_DIR holds the PDF soffice made of FILE."""
    wf = load(path, False)
    cut, outside = [], []
    for ws in wf.worksheets:
        breaks = [b.id for b in ws.row_breaks.brk]
        area = ws.print_area[0].replace("$", "").split(":")[1] if ws.print_area else "A1"
        last_row, last_col = openpyxl.utils.cell.coordinate_to_tuple(area)
        for c in ws._charts:
            a, z = c.anchor._from, c.anchor.to
            cut += [f"{ws.title}: break {b} in {chart_title(c)}" for b in breaks if a.row < b <= z.row]
            if z.row >= last_row or z.col >= last_col:
                outside.append(f"{ws.title}: {chart_title(c)} ends at {z.row},{z.col}, area {area}")
    report("no page break cuts a chart", not cut, "; ".join(cut[:3]))
    report("print areas hold the charts", not outside, "; ".join(outside[:3]))
    pdf = os.path.join(pdf_dir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    import subprocess
    pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    # The first page of each sheet with a table caption, in sheet order.
    firsts, at = [], 0
    for ws in wf.worksheets:
        caption = next((c.value for row in ws.iter_rows(max_row=6) for c in row if isinstance(c.value, str)
                        and re.match(r"^(Table \d+: |表\d+：)", c.value)), None)
        if caption is None:
            break
        while at < len(pages) and caption not in pages[at]:
            at += 1
        firsts.append((ws, at))
    bad = []
    for (ws, p), (_, q) in zip(firsts, firsts[1:]):
        want = 1 + len(ws.row_breaks.brk)
        if q - p != want:
            bad.append(f"{ws.title}: {q - p} pages, breaks say {want}")
    report(f"LibreOffice prints each sheet on the pages its breaks make ({len(firsts) - 1} sheets)",
           len(firsts) > 2 and not bad, "; ".join(bad[:3]))


def formulas_in(path):
    """Every formula text in the package, straight from the sheet XML."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                out += re.findall(r"<f>([^<]*)</f>", z.read(name).decode("utf-8"))
    return out


def check_hostile(path):
    wf, wv = load(path, False), load(path, True)
    bad = [n for n in wf.sheetnames if len(n.encode("utf-16-le")) > 62 or re.search(r"[\[\]:*?/\\]", n)]
    report("sheet names cut to 31 and cleaned", not bad, f"{bad}")
    lower = [n.lower() for n in wf.sheetnames]
    report("sheet names unique", len(set(lower)) == len(lower), f"{wf.sheetnames}")
    texts = ["=SUM(A1) +1 -1 @cmd", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)"]
    for sheet in (wf.sheetnames[1], "Data"):
        found = {c.value: c.data_type for row in wf[sheet].iter_rows() for c in row if c.value in texts}
        report(f"{sheet}: formula-like titles stay strings",
               set(found) == set(texts) and set(found.values()) == {"s"}, f"{found}")
    leaked = [f for f in formulas_in(path) if re.search(r"cmd|calc|SUM\(A1\)|SUM\(1\)", f)]
    report("no title became a formula", not leaked, f"{leaked[:3]}")
    zero = wf.sheetnames[2]
    ws, wsv = wf[zero], wv[zero]
    ccol = ws.max_column - 4  # CAGR, two shares, provenance, level close the row
    report("zero segment: CAGR n/a, guarded share formula", wsv.cell(5, ccol).value == "n/a" and
           str(ws.cell(6, ccol + 1).value).startswith("=IF(") and wsv.cell(6, ccol + 1).value == 0,
           f"{wsv.cell(5, ccol).value!r} {ws.cell(6, ccol + 1).value!r}")


def check_sumif(path):
    wf = load(path, False)
    ws = wf.worksheets[1]
    last = ws.max_row
    while ws.cell(last, 2).value is None:
        last -= 1
    formula = str(ws.cell(last, 2).value)
    report("thousands of segment runs: total falls back to SUMIF over the level column",
           formula.startswith("=SUMIF(") and ",1," in formula, formula[:80])


def check_options(path, charts, decimals, collapse):
    wf = load(path, False)
    n = sum(len(ws._charts) for ws in wf.worksheets)
    report("option charts", (n > 0) == (charts == "true") and ("Chart data" in wf.sheetnames) == (n > 0),
           f"{n} charts, sheets {wf.sheetnames}")
    ws = wf.worksheets[1]
    want = "#,##0" + ("." + "0" * int(decimals) if int(decimals) else "")
    report("option decimals", ws.cell(5, 2).number_format == want, f"{ws.cell(5, 2).number_format}")
    hidden = [r for r, d in ws.row_dimensions.items() if d.hidden]
    report("option collapse", bool(hidden) == (collapse == "true"), f"hidden rows {hidden[:5]}")


def check_recalc(orig, recalc):
    """LibreOffice recalculated every formula: its results must equal the
    cached results marketpress wrote."""
    wf, wv, wr = load(orig, False), load(orig, True), load(recalc, True)
    bad, n = [], 0
    for ws in wf.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type != "f":
                    continue
                n += 1
                cached = wv[ws.title][c.coordinate].value
                again = wr[ws.title][c.coordinate].value
                if not close(again, cached):
                    bad.append(f"{ws.title}!{c.coordinate} {c.value} cached {cached} recalculated {again}")
    report(f"LibreOffice recalculation = cached results to 1e-9 ({n} formulas)", n > 0 and not bad,
           "; ".join(bad[:3]))


def main(argv):
    global PREFIX
    PREFIX = argv.pop(1) + ": "
    checks = {"model": check_model, "charts": check_charts, "hostile": check_hostile, "sumif": check_sumif,
              "options": check_options, "recalc": check_recalc, "figures": check_figures,
              "percent": check_percent, "notes": check_notes, "print": check_print,
              "years": check_years}
    checks[argv[1]](*argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
