"""chart_labels.py - the value labels of every figure, read back from the
PDF (pdftotext -bbox-layout) and from the SVGs (xmllint), compared.

    chart_labels.py compare FILE.pdf SVGDIR   the labels of each figure in
                                              the report are those of its SVG
    chart_labels.py numbers SVGDIR [MODE]     labels read against each other
                                              (one series, the column totals,
                                              a horizontal chart's bars, the
                                              lines' ends) and an axis's
                                              ticks never read alike for
                                              different values; one number of
                                              decimals per figure; MODE
                                              "integers": no amount ends in
                                              ".00"
    chart_labels.py list SVGDIR N             figure N's labels, one a line

The SVG says what each text is (class="value-label", "axis", "note", ...,
data-value the model's number).  In the PDF a figure is the text between
its caption "Figure N:" and its source line; its value labels are the
numbers there less the axis ticks and the unit line's callout, which both
outputs draw alike.  Prints one line per fault and a last line
"checked ...", or exits 1 when a reader fails (its stderr is shown).
"""
import collections
import glob
import html
import os
import re
import subprocess
import sys

NUMBER = re.compile(r"^[-\u2212]?[0-9][0-9,]*(\.[0-9]+)?%?$")
YEAR = re.compile(r"^(19|20)[0-9]{2}$")


def run(*cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0 or p.stderr.strip():
        sys.stderr.write("%s said: %s\n" % (cmd[0], p.stderr.strip() or "exit %d" % p.returncode))
        sys.exit(1)
    return p.stdout


def svg_texts(path, series=False):
    """(class, text, data-value[, data-series]) of every text group, through
    xmllint."""
    out = run("xmllint", "--xpath", '//*[local-name()="g"][@aria-label]', path)
    texts = []
    for m in re.finditer(r"<g ([^>]*)>", out):
        attrs = dict((k, html.unescape(v)) for k, v in re.findall(r'([\w:-]+)="([^"]*)"', m.group(1)))
        if "aria-label" in attrs:
            texts.append((attrs.get("class", ""), attrs["aria-label"], attrs.get("data-value")) +
                         ((attrs.get("data-series"),) if series else ()))
    return texts


def figures(folder):
    out = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.svg"))):
        out[int(os.path.basename(path).split("-")[0])] = path
    return out


def pdf_lines(pdf):
    """Per page, its lines as (yMin, yMax, [(xMin, word)])."""
    bb = run("pdftotext", "-bbox-layout", pdf, "-")
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", bb, re.S):
        lines = []
        for ln in re.findall(r"<line [^>]*>(.*?)</line>", page, re.S):
            words = [(float(a), float(b), float(c), html.unescape(t)) for a, b, c, t in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', ln)]
            if words:
                lines.append((min(w[1] for w in words), max(w[2] for w in words), [(w[0], w[3]) for w in words]))
        lines.sort(key=lambda l: (l[0], l[2][0][0]))
        pages.append(lines)
    return pages


def pdf_figure_words(pages, number, source):
    """The words between figure `number`'s caption and its source line."""
    want = source.split()[:3]
    for lines in pages:
        for i, (y0, y1, words) in enumerate(lines):
            texts = [w for _, w in words]
            if texts[:2] != ["Figure", "%d:" % number]:
                continue
            found = []
            for z0, z1, ws in lines[i + 1:]:
                if z0 > y1 and [w for _, w in ws][:len(want)] == want:
                    return found
                if z0 > y1:
                    found += [w for _, w in ws]
            return None
    return None


def numeric(words):
    return [w.replace("\u2212", "-") for w in words if NUMBER.match(w) and not YEAR.match(w)]


def compare(pdf, folder):
    faults, report = [], []
    pages = pdf_lines(pdf)
    for n, path in figures(folder).items():
        texts = svg_texts(path)
        labels = collections.Counter(t for c, t, _ in texts if c == "value-label")
        others = collections.Counter(numeric([w for c, t, _ in texts if c in ("axis", "note") for w in t.split()]))
        notes = [t for c, t, _ in texts if c == "note"]
        source = notes[-1] if notes else ""
        words = pdf_figure_words(pages, n, source)
        if words is None:
            faults.append("figure %d: not found in the PDF between its caption and '%s'" % (n, source[:40]))
            continue
        got = collections.Counter(numeric(words)) - others
        report.append("%d:%d" % (n, sum(labels.values())))
        if got != labels:
            faults.append("figure %d: the PDF labels %s, the SVG %s" % (
                n, sorted((got - labels).elements()) or "nothing more",
                sorted((labels - got).elements()) or "nothing more"))
    return faults, "%d figures (labels per figure %s)" % (len(report), " ".join(report))


def decimals(label):
    m = re.search(r"\.([0-9]+)%?$", label)
    return len(m.group(1)) if m else 0


def numbers(folder, mode):
    faults, n_labels = [], 0
    for n, path in figures(folder).items():
        texts = svg_texts(path, series=True)
        seen = {}
        places = set()
        # labels read against each other: every bar of a horizontal chart
        # and every line's end, else one series (or the column totals)
        one_axis = re.search(r"-(cagr|sub-segments|comparison)\.svg$", path)
        for c, t, v, series in texts:
            if c != "value-label":
                continue
            n_labels += 1
            places.add(decimals(t))
            value, key = round(float(v), 3), (t, "all" if one_axis else series)
            if key in seen and seen[key] != value:
                faults.append("figure %d: '%s' stands for %s and for %s" % (n, t, seen[key], value))
            seen[key] = value
            if mode == "integers" and not t.endswith("%") and t.endswith(".00"):
                faults.append("figure %d: '%s' ends in .00" % (n, t))
        if len(places) > 1:
            faults.append("figure %d: labels with %s decimals" % (n, sorted(places)))
        ticks = [t for c, t, _, _ in texts if c == "axis" and NUMBER.match(t)]
        dup = sorted(t for t, k in collections.Counter(ticks).items() if k > 1)
        if dup:
            faults.append("figure %d: axis ticks read twice: %s" % (n, dup))
    return faults, "%d figures, %d labels" % (len(figures(folder)), n_labels)


def main():
    what = sys.argv[1]
    if what == "list":
        path = figures(sys.argv[2])[int(sys.argv[3])]
        for c, t, v in svg_texts(path):
            if c == "value-label":
                print(t)
        return 0
    if what == "compare":
        faults, summary = compare(sys.argv[2], sys.argv[3])
    else:
        faults, summary = numbers(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
    for f in faults[:12]:
        print(f)
    print("checked " + summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
