"""html_check.py DOM LANG FIGURES TABLES_TXT OUT_T - reads the DOM that
headless Chromium dumped (--dump-dom) of an html report and prints one
line per finding, "ok WHAT" or "FAIL WHAT: why":

- the root's lang is LANG;
- there are FIGURES <figure class="chart"> elements, each with a
  <figcaption> and an inline <svg role="img"> with a non-empty aria-label;
- every numbered table (<table id="table-N">) has a <caption>, column
  headers <th scope="col"> and row headers <th scope="row">; their number
  is that of the tables the tables test plugin printed from host->table
  (TABLES_TXT);
- every in-page link (href="#x") has its target;
- each numbered table's cells equal, row for row, what the tables plugin
  printed (the publisher's CAGR may be left out where it reads as the
  CAGR, as the PDF does).

It also writes the tables in tables.py's format (T<n>, then the cells) to
OUT_T, for tables.py to hold against the PDF."""
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.ids = set()
        self.hrefs = []
        self.figures = []   # [has figcaption, svg aria-labels]
        self.tables = {}    # number -> rows of [kind, text]
        self.stack = []
        self.table = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        if tag == "figure" and "chart" in a.get("class", "").split():
            self.figures.append([False, []])
        if tag == "figcaption" and self.figures:
            self.figures[-1][0] = True
        if tag == "svg" and self.figures and a.get("role") == "img":
            self.figures[-1][1].append(a.get("aria-label", ""))
        if tag == "table" and a.get("id", "").startswith("table-"):
            self.table = int(a["id"][6:])
            self.tables[self.table] = {"caption": False, "col": 0, "rows": []}
        if self.table is None:
            return
        t = self.tables[self.table]
        if tag == "caption":
            t["caption"] = True
        if tag == "tr":
            t["rows"].append([])
        if tag in ("td", "th"):
            if tag == "th" and a.get("scope") == "col":
                t["col"] += 1
            self.cell = [a.get("scope", "td"), ""]

    def handle_endtag(self, tag):
        if tag == "table":
            self.table = None
        if tag in ("td", "th") and self.cell is not None and self.table is not None:
            self.tables[self.table]["rows"][-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1] += data


def plugin_tables(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if parts[0].startswith("T"):
            out.setdefault(int(parts[0][1:]), []).append(parts[1:])
    return out


def html_rows(t):
    """Each body row's cells without its row header, as the tables plugin
    prints them: empty cells left out, the * of an estimate dropped."""
    rows = []
    for r in t["rows"]:
        if not r or r[0][0] == "col":
            continue
        cells = [c[1].strip().rstrip("*") for c in r if c[0] != "row"]
        rows.append([c for c in cells if c])
    return rows


def main():
    dom = Dom()
    dom.feed(open(sys.argv[1], encoding="utf-8").read())
    lang, figures = sys.argv[2], int(sys.argv[3])
    want = plugin_tables(sys.argv[4])
    say = lambda good, what, why="": print(("ok " + what) if good else ("FAIL %s: %s" % (what, why)))
    say(dom.lang == lang, "lang=%s on <html>" % lang, "lang is %r" % dom.lang)
    say(len(dom.figures) == figures, "%d figures" % figures, "%d in the DOM" % len(dom.figures))
    bad = [i + 1 for i, f in enumerate(dom.figures) if not f[0] or len(f[1]) != 1 or not f[1][0].strip()]
    say(not bad, "every figure has a figcaption and one svg role=img with an aria-label", "figures %s" % bad)
    say(sorted(dom.tables) == sorted(want), "%d numbered tables" % len(want),
        "DOM %s, host->table %s" % (sorted(dom.tables), sorted(want)))
    bad = [n for n, t in dom.tables.items()
           if not t["caption"] or t["col"] < 2 or not all(r[0][0] == "row" for r in t["rows"] if r and r[0][0] != "col")]
    say(not bad, "every table has a caption, column headers and row headers", "tables %s" % bad)
    missing = sorted(set(h for h in dom.hrefs if h not in dom.ids))
    say(not missing and dom.hrefs, "%d in-page links, every target there" % len(dom.hrefs), "missing %s" % missing)
    with open(sys.argv[5], "w", encoding="utf-8") as out:
        for n in sorted(dom.tables):
            got = html_rows(dom.tables[n])
            for r in got:
                out.write("\t".join(["T%d" % n] + r) + "\n")
            exp = want.get(n, [])
            # the PDF, and the page, leave out the publisher's CAGR when it reads as the CAGR
            if len(exp) == len(got) + 1 and exp[-1] == exp[-2]:
                exp = exp[:-1]
            say(got == exp, "table %d: the cells of host->table" % n,
                "first difference: %s" % (next(((g, e) for g, e in zip(got, exp) if g != e), (len(got), len(exp))),))


main()
