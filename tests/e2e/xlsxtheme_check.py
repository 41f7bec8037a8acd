"""xlsxtheme_check.py - reads themed, licensed and sample workbooks and SVGs
back with openpyxl and the files' own XML, for tests/e2e/xlsxtheme.sh, and
prints one "ok - LABEL: NAME" / "not ok - LABEL: NAME: why" line per check.
    xlsxtheme_check.py LABEL style FILE.xlsx THEME.yaml LANG
    xlsxtheme_check.py LABEL copy FILE.xlsx THEME.yaml LICENCE_LINE PROTECTED
    xlsxtheme_check.py LABEL open FILE.xlsx THEME.yaml  (no licence, no protection)
    xlsxtheme_check.py LABEL sample FILE.xlsx FORECAST.json THEME.yaml
    xlsxtheme_check.py LABEL svgfills DIR THEME.yaml
    xlsxtheme_check.py LABEL svgsample FULL_DIR SAMPLE_DIR FORECAST.json
    xlsxtheme_check.py LABEL svglicence LICENSED_DIR PLAIN_DIR LICENCE_LINE
THEME.yaml is the theme the file was rendered with (themes/default.yaml
for none).  Exits 0 unless the checker itself fails.
"""
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl
import yaml

LABEL = ""
SVG = "{http://www.w3.org/2000/svg}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
DC = "{http://purl.org/dc/elements/1.1/}"


def report(name, good, why=""):
    if good:
        print(f"ok - {LABEL}: {name}")
    else:
        print(f"not ok - {LABEL}: {name}: {why}")


def theme(path):
    t = yaml.safe_load(open(path, encoding="utf-8"))
    pal = t.get("palette", {})
    hexes = lambda v: v.lstrip("#").upper()
    return {
        "series": [hexes(c) for c in pal.get("series", [])],
        "values": {k: hexes(v) for k, v in pal.get("values", {}).items()},
        **{k: hexes(pal[k]) for k in ("primary", "muted", "header-fill", "header-ink", "zebra") if k in pal},
        "font": (t.get("fonts") or {}).get("body", ""),
        "cjk": (t.get("fonts") or {}).get("cjk", ""),
        "publisher": ((t.get("publisher") or {}).get("name") or {}),
    }


def rgb(color):
    """'1F3A5F' from an openpyxl colour, or None."""
    v = getattr(color, "rgb", None) if color is not None else None
    return v[-6:].upper() if isinstance(v, str) else None


def find(ws, text, rows=40):
    for row in ws.iter_rows(max_row=rows):
        for c in row:
            if c.value == text:
                return c
    return None


def charts(path):
    """{chart title: [(series fill or line colour), ...], ...} and the dPt colours of each."""
    z = zipfile.ZipFile(path)
    out = {}
    for name in sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
        xml = z.read(name).decode("utf-8")
        title = "".join(re.findall(r"<a:t>([^<]*)</a:t>", xml.split("</c:title>")[0]))
        series, points = [], []
        for ser in re.findall(r"<c:ser>(.*?)</c:ser>", xml, re.S):
            sp = re.sub(r"<c:dPt>.*?</c:dPt>", "", ser, flags=re.S)
            sp = re.sub(r"<c:dLbls>.*?</c:dLbls>", "", sp, flags=re.S)
            m = re.search(r'<c:spPr>.*?<a:srgbClr val="([0-9A-F]{6})"', sp, re.S)
            series.append(m.group(1) if m else None)
            points += re.findall(r'<c:dPt>.*?<a:srgbClr val="([0-9A-F]{6})"', ser, re.S)
        out[title] = (series, points, xml)
    return out


def style(path, theme_path, lang):
    t = theme(theme_path)
    wb = openpyxl.load_workbook(path)
    summary = wb.worksheets[0]
    head = find(summary, "Metric" if lang == "en" else "指标")
    report("the key statistics' header cell is found", head is not None)
    if head is None:
        return
    report("header fill is the theme's header-fill #" + t["header-fill"], rgb(head.fill.fgColor) == t["header-fill"],
           rgb(head.fill.fgColor))
    report("header text is the theme's header-ink #" + t["header-ink"], rgb(head.font.color) == t["header-ink"],
           rgb(head.font.color))
    title = summary["A1"]
    report("the title is in the theme's primary #" + t["primary"], rgb(title.font.color) == t["primary"],
           rgb(title.font.color))
    report("the edition's facts in the theme's muted #" + t["muted"], rgb(summary["A3"].font.color) == t["muted"],
           rgb(summary["A3"].font.color))
    # A dimension sheet: the header row, then zebra rows from the second body row.
    dim = wb.worksheets[1]
    fills = [rgb(dim.cell(row=r, column=2).fill.fgColor) if dim.cell(row=r, column=2).fill.fill_type else None
             for r in range(5, 9)]
    report("dimension header in the theme's header-fill",
           rgb(dim["A3"].fill.fgColor) == t["header-fill"], rgb(dim["A3"].fill.fgColor))
    report("dimension rows: every other one in the theme's zebra #" + t["zebra"],
           fills == [None, t["zebra"], None, t["zebra"]], fills)
    data = wb["Data" if lang == "en" else "数据"]
    report("Data: header in the theme's header-fill", rgb(data["A1"].fill.fgColor) == t["header-fill"],
           rgb(data["A1"].fill.fgColor))
    zebra = [rgb(data.cell(row=r, column=1).fill.fgColor) if data.cell(row=r, column=1).fill.fill_type else None
             for r in (2, 3, 4, 5)]
    report("Data: zebra rows", zebra == [None, t["zebra"], None, t["zebra"]], zebra)
    font = t["cjk"] if lang != "en" and t["cjk"] else t["font"]
    names = {c.font.name for row in summary.iter_rows(max_row=20) for c in row if c.value is not None}
    want = {font} if font else {"Calibri"}
    report("cells in the font %s" % sorted(want), names == want, sorted(names))
    all_charts = charts(path)
    report("the workbook has charts", len(all_charts) > 0)
    for title, (series, points, xml) in all_charts.items():
        if len(series) > 1:
            want = t["series"][: len(series)]
            if series[: len(want)] != want:
                report("chart %r: series in the theme's colours" % title, False, "%s, wanted %s" % (series, want))
                return
        if points and not set(points) <= set(t["values"].values()):
            report("chart %r: columns in the theme's value colours" % title, False, points)
            return
        if font and ('typeface="%s"' % font) not in xml:
            report("chart %r: in the theme's font" % title, False, "no typeface %s" % font)
            return
    report("every chart's series in the theme's series colours, by kind in its value colours", True)


def formula_sheets(path):
    wb = openpyxl.load_workbook(path)
    return wb, {ws.title for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"}


def custom_props(z):
    if "docProps/custom.xml" not in z.namelist():
        return {}
    root = ET.fromstring(z.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in root.iter(CUSTOM + "property")}


def copy(path, theme_path, licence, protected):
    t = theme(theme_path)
    publisher = t["publisher"].get("en", "") if isinstance(t["publisher"], dict) else t["publisher"]
    z = zipfile.ZipFile(path)
    wb, with_formulas = formula_sheets(path)
    report("some sheets hold formulas", len(with_formulas) >= 3, sorted(with_formulas))
    for ws in wb:
        want = protected == "1" and ws.title in with_formulas
        if ws.protection.sheet != want:
            report("sheet %s protected: %s" % (ws.title, want), False, ws.protection.sheet)
            return
        if want and not (ws.protection.password and ws.protection.selectLockedCells is False and
                         ws.protection.formatColumns is False and ws.protection.objects):
            report("sheet %s: a password, cells selectable, columns resizable, charts locked" % ws.title, False,
                   (ws.protection.password, ws.protection.selectLockedCells, ws.protection.formatColumns))
            return
    report("sheets with formulas protected: %s, the others never" % (protected == "1"), True)
    app = ET.fromstring(z.read("docProps/app.xml"))
    company = "".join(e.text or "" for e in app.iter(APP + "Company"))
    if publisher:
        report("company is the theme's publisher", company == publisher, company)
        report("creator is the publisher", wb.properties.creator == publisher, wb.properties.creator)
    report("keywords carry the licence line", licence in (wb.properties.keywords or ""), wb.properties.keywords)
    report("comments carry the licence line", licence in (wb.properties.description or ""),
           wb.properties.description)
    props = custom_props(z)
    for key in ("Licensee", "Licence", "Seats", "Licence date", "Edition"):
        report("custom property %s" % key, key in props, sorted(props))
    report("Edition is full", props.get("Edition") == "full", props.get("Edition"))
    top = [c.value for row in wb.worksheets[0].iter_rows(max_row=6) for c in row if c.value]
    report("Summary names the licensee near the top", licence in top, top)
    notes = wb.worksheets[-1]
    facts = {r[0]: r[1] for r in notes.iter_rows(max_row=12, max_col=2, values_only=True) if r[0]}
    report("Notes: the licensee among the edition's facts", facts.get("Licensee") == props.get("Licensee"), facts)
    media = [n for n in z.namelist() if n.startswith("xl/media/")]
    report("the logo is in xl/media", len(media) == 1, media)
    for ws in wb:
        sheet_xml = z.read("xl/worksheets/sheet%d.xml" % (wb.worksheets.index(ws) + 1)).decode("utf-8")
        hf = re.search(r"<oddHeader>(.*?)</oddHeader>.*?<oddFooter>(.*?)</oddFooter>", sheet_xml, re.S)
        escaped = licence.replace("&", "&amp;&amp;")
        if not hf or "&amp;G" not in hf.group(1) or escaped not in hf.group(2) or \
                "<legacyDrawingHF " not in sheet_xml:
            report("sheet %s: logo (&G) in the header, licence line in the footer" % ws.title, False,
                   hf.groups() if hf else "no header and footer")
            return
    report("every sheet: the logo (&G) in the printed header, the licence line ('&' as '&&') in the footer", True)


def open_copy(path, theme_path):
    logo = bool(yaml.safe_load(open(theme_path, encoding="utf-8")).get("logo"))
    z = zipfile.ZipFile(path)
    wb, with_formulas = formula_sheets(path)
    report("no sheet protected", not any(ws.protection.sheet for ws in wb),
           [ws.title for ws in wb if ws.protection.sheet])
    props = custom_props(z)
    report("no licence properties", not ({"Licensee", "Licence", "Edition"} & set(props)), sorted(props))
    media = [n for n in z.namelist() if n.startswith("xl/media/")]
    report("the logo in the printed header: %s, as the theme has one" % logo, len(media) == logo, media)


def sample(path, forecast, theme_path):
    m = json.load(open(forecast, encoding="utf-8"))
    t = yaml.safe_load(open(theme_path, encoding="utf-8"))
    wb = openpyxl.load_workbook(path)
    report("sheets: Summary and Data", wb.sheetnames == ["Summary", "Data"], wb.sheetnames)
    rows = list(wb["Data"].iter_rows(min_row=2, values_only=True))
    years = m["forecast_end"] - m["first_year"] + 1
    report("Data: the market's %d years and nothing else" % years,
           len(rows) == years and all(r[3] == "market" for r in rows), [r[3] for r in rows][:12])
    top = [c.value for row in wb["Summary"].iter_rows(max_row=8) for c in row if isinstance(c.value, str)]
    order = " ".join(((t.get("order") or {}).get("en") or "").split())
    report("Summary: the theme's call to order", order and order in top, top[:6])
    contact = ((t.get("publisher") or {}).get("contact") or {}).get("email", "")
    report("Summary: the contact", any(contact in s for s in top), top[:6])
    report("Summary: marked as the sample edition", any("Sample edition" in s for s in top), top[:6])
    report("Summary: the call to order under its heading", "Order the Full Report" in top, top[:6])
    all_charts = charts(path)
    titles = sorted(all_charts)
    report("one chart, figure 1", len(titles) == 1 and titles[0].startswith("Figure 1:"), titles)
    refs = {s for (_, _, xml) in all_charts.values() for s in re.findall(r"<c:f>'?([^'!<]+)'?!", xml)}
    report("its cells are on Summary", refs == {"Summary"}, refs)
    report("copy properties: Edition sample",
           custom_props(zipfile.ZipFile(path)).get("Edition") == "sample")


def svg_marks(path):
    root = ET.parse(path).getroot()
    return {e.get("fill").upper().lstrip("#") for e in root.iter(SVG + "rect") if e.get("fill")}


def svgfills(folder, theme_path):
    t = theme(theme_path)
    stacked = sorted(f for f in os.listdir(folder) if re.match(r"02-.*\.svg$", f))
    marks = svg_marks(os.path.join(folder, stacked[0]))
    n = len(marks & set(t["series"]))
    report("%s: marks in the theme's series colours" % stacked[0], n >= 3 and set(t["series"][:n]) <= marks,
           sorted(marks))
    market = svg_marks(os.path.join(folder, "01-market-size.svg"))
    report("01-market-size.svg: columns in the theme's value colours",
           len(market & set(t["values"].values())) >= 2, sorted(market))


def svgsample(full, part, forecast):
    m = json.load(open(forecast, encoding="utf-8"))
    dims = []
    for s in m["series"]:
        d = s["series"].split("/")[0]
        if d and d != "market" and d not in dims:
            dims.append(d)
    names = sorted(f for f in os.listdir(full) if f.endswith(".svg"))
    want = [names[0]]
    for d in dims:
        first = [f for f in names if re.match(r"\d+-%s-" % re.escape(d), f)]
        if first:
            want.append(first[0])
    got = sorted(f for f in os.listdir(part) if f.endswith(".svg"))
    report("the sample's SVGs are the first figure of each chapter", got == sorted(want),
           "%s, wanted %s" % (got, sorted(want)))
    same = [f for f in got if open(os.path.join(full, f), "rb").read() == open(os.path.join(part, f), "rb").read()]
    report("and each is the full edition's file, byte for byte", same == got, sorted(set(got) - set(same)))


def svglicence(licensed, plain, licence):
    names = sorted(f for f in os.listdir(plain) if f.endswith(".svg"))
    meta = re.compile(r"\n<metadata>.*?</metadata>", re.S)
    for f in names:
        doc = open(os.path.join(licensed, f), encoding="utf-8").read()
        root = ET.fromstring(doc.encode("utf-8"))
        rights = [e.text for e in root.iter(DC + "rights")]
        kids = [c.tag for c in root]
        if rights != [licence] or kids[:2] != [SVG + "title", SVG + "metadata"]:
            report("%s: the licence in <metadata> after <title>" % f, False, (rights, kids[:3]))
            return
        if meta.sub("", doc, count=1) != open(os.path.join(plain, f), encoding="utf-8").read():
            report("%s: but for the metadata, the unlicensed file" % f, False, "differs")
            return
        if "metadata" in open(os.path.join(plain, f), encoding="utf-8").read():
            report("%s: an unlicensed copy has no metadata" % f, False, "it has")
            return
    report("%d SVGs: the licence line as Dublin Core rights in <metadata> after <title>, nothing else changed; "
           "none in an unlicensed copy" % len(names), len(names) > 0)


def main():
    global LABEL
    LABEL, what, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    {"style": style, "copy": copy, "open": open_copy, "sample": sample, "svgfills": svgfills,
     "svgsample": svgsample, "svglicence": svglicence}[what](*args)


if __name__ == "__main__":
    main()
