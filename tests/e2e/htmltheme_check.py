"""htmltheme_check.py - reads an html report (the file, or the DOM that
headless Chromium dumped of it) for htmltheme.sh and prints one line per
finding, "ok WHAT" or "FAIL WHAT: why".

    style PAGE                 prints the page's stylesheet (between <style> and </style>)
    logo PAGE MIME OUT         the cover's <img class="logo">: a data: URI of type MIME whose
                               bytes it writes to OUT; the printed page head shows the same URI
    copy DOM LICENSEE LINE WATERMARK ALT
                               a licensed copy: its metadata, the licence line among the cover's
                               facts, on the copyright page and in the colophon, one aria-hidden watermark,
                               the logo's alt text, and no address but data: in src or url()
    sample DOM FULL FIGURES ORDER_TEXT MARK
                               a sample edition against the full edition's DOM (FULL): the same
                               contents entries, each one the page lacks listed unlinked and
                               marked MARK, those it has linked; only the figures FIGURES (the
                               host's in_sample) and Table 1; the summary whole; the closing
                               order section with ORDER_TEXT and the contact
"""
import base64
import html
import re
import sys
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.ids = set()
        self.hrefs = []
        self.metas = {}
        self.imgs = []
        self.watermarks = []
        self.figures = []
        self.tables = []
        self.toc = []          # [class, linked, text, level] per contents entry
        self.lists = []        # the same for the lists of figures and tables
        self.chapters = []     # ids of section.chapter
        self.text_in = {}      # class -> text of the first element with it
        self._cur = None
        self._in_nav = 0
        self._grab = []        # [(class, depth, parts)]
        self.in_toc = False
        self.ol = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class", "") or ""
        if tag not in ("meta", "img", "br", "input", "link"):
            self.stack.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
            if self._cur is not None:
                self._cur[1] = True
        if tag == "meta" and "name" in a:
            self.metas[a["name"]] = a.get("content", "")
        if tag == "img":
            self.imgs.append(a)
        if "watermark" in cls.split():
            self.watermarks.append(a)
        if tag == "figure" and "chart" in cls.split():
            self.figures.append(a.get("id", ""))
        if tag == "table" and a.get("id", "").startswith("table-"):
            self.tables.append(a["id"])
        if tag == "section" and "chapter" in cls.split():
            self.chapters.append(a.get("id", ""))
        if tag == "nav":
            self._in_nav += 1
        if tag == "ol":
            self.ol += 1
        if tag == "li" and self._in_nav:
            self._cur = [cls, False, [], self.ol]
            (self.toc if self.in_toc else self.lists).append(self._cur)
        if tag == "ol" and "toc" in cls.split():
            self.in_toc = True
        if tag == "div" and "lists" in cls.split():
            self.in_toc = False
        for c in cls.split():
            if c not in self.text_in:
                self._grab.append((c, len(self.stack), []))

    def handle_endtag(self, tag):
        if self._grab:
            keep = []
            for c, depth, parts in self._grab:
                if len(self.stack) == depth:
                    self.text_in.setdefault(c, "".join(parts).strip())
                else:
                    keep.append((c, depth, parts))
            self._grab = keep
        if tag == "nav":
            self._in_nav -= 1
            self._cur = None
        if tag == "li":
            self._cur = None
        if tag == "ol":
            self.ol -= 1
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        for _, _, parts in self._grab:
            parts.append(data)
        if self._cur is not None:
            self._cur[2].append(data)


def read(path):
    with open(path, encoding="utf-8") as f:
        s = f.read()
    p = Page()
    p.feed(s)
    return s, p


def say(ok, what, why=""):
    print(("ok " + what) if ok else ("FAIL %s: %s" % (what, why)))


def style(path):
    s = open(path, encoding="utf-8").read()
    a, b = s.index("<style>\n") + len("<style>\n"), s.index("</style>")
    sys.stdout.write(s[a:b])


def logo(path, mime, out):
    s, p = read(path)
    cover = [i for i in p.imgs if "logo" in (i.get("class") or "").split()]
    say(len(cover) == 1, "one logo on the cover", "%d" % len(cover))
    if not cover:
        return
    src = cover[0].get("src", "")
    prefix = "data:%s;base64," % mime
    say(src.startswith(prefix), "the logo is a data: URI of type " + mime, src[:40])
    with open(out, "w") as f:
        f.write(src[len(prefix):])
    head = re.search(r'@top-right\{content:image-set\(url\("([^"]*)"\) [0-9.]+x\)\}', s)
    say(head is not None and head.group(1) == src, "the printed page head shows the same logo",
        "no @top-right image" if head is None else "another URI")
    try:
        base64.b64decode(src[len(prefix):], validate=True)
        say(True, "the URI is valid base64")
    except ValueError as e:
        say(False, "the URI is valid base64", str(e))


def copy(path, licensee, line, watermark, alt):
    s, p = read(path)
    say(p.metas.get("marketpress-licensee") == licensee, "meta marketpress-licensee", p.metas.get("marketpress-licensee"))
    say(p.metas.get("dcterms.license") == line, "meta dcterms.license is the licence line", p.metas.get("dcterms.license"))
    bare = "".join(line.split())
    fact = re.search(r'<dt[^>]*>([^<]*)</dt>\s*<dd class="licensee"[^>]*>([^<]*)</dd>', s)
    say(fact is not None and "".join((fact.group(1) + fact.group(2)).split()) == html.unescape(bare).replace(
        "&", "&amp;"), "the licence line among the cover's facts", fact.group(0) if fact else "none")
    foot = re.findall(r'<p class="licence-line"[^>]*>([^<]*)</p>', s.split('<footer class="colophon">')[-1])
    say(foot == [line.replace("&", "&amp;")], "the licence line in the colophon", str(foot))
    say(line in s.split('id="copyright"')[1].split("</section>")[0] if 'id="copyright"' in s else False,
        "the licence line on the copyright page")
    say(len(p.watermarks) == 1 and p.watermarks[0].get("aria-hidden") == "true",
        "one watermark, hidden from screen readers", str(p.watermarks))
    say(p.text_in.get("watermark") == watermark, "the watermark's words", p.text_in.get("watermark"))
    alts = [i.get("alt") for i in p.imgs]
    say(alts == [alt], "the logo's alt text is the publisher", str(alts))
    srcs = re.findall(r'src="([^"]*)"', s) + re.findall(r'url\("?([^")]*)', s)
    stray = [u[:40] for u in srcs if not u.startswith("data:")]
    say(srcs and not stray, "every src and url() is a data: URI (%d)" % len(srcs), str(stray))
    say(all(h in p.ids for h in p.hrefs), "every in-page link has its target",
        str([h for h in p.hrefs if h not in p.ids][:5]))


def sample(path, full_path, figures, order_text, mark):
    s, p = read(path)
    full, f = read(full_path)

    def summary(page):
        a = page.find('<section class="chapter" id="chapter-1"')
        return page[a:page.find("</section>", a)] if a >= 0 else ""
    say(summary(s) and summary(s) == summary(full), "the summary is the full edition's, whole",
        "%d bytes, the full edition's %d" % (len(summary(s)), len(summary(full))))
    want = ["figure-%s" % n for n in figures.split()]
    say(p.figures == want, "the sample's figures are the host's (%s)" % figures, str(p.figures))
    say(p.tables == ["table-1"], "the sample's one table is the key statistics", str(p.tables))
    say([e[2] for e in p.toc] and len(p.toc) == len(f.toc), "the full contents list (%d entries)" % len(f.toc),
        "%d entries, the full edition %d" % (len(p.toc), len(f.toc)))
    say(len(p.lists) == len(f.lists), "the full lists of figures and tables (%d)" % len(f.lists),
        "%d, the full edition %d" % (len(p.lists), len(f.lists)))
    bad = []
    for e in p.toc + p.lists:
        text = "".join(e[2])
        absent = "absent" in e[0].split()
        if absent == e[1]:
            bad.append(text[:40])
    say(not bad, "entries the page has are linked, the others not", str(bad[:4]))
    marked = [e for e in p.lists if "absent" in e[0].split()]
    say(marked and all(mark in "".join(e[2]) for e in marked), "absent figures and tables are marked '%s'" % mark)
    top = [e for e in p.toc if "absent" in e[0].split() and e[3] == 1]
    say(top and all(mark in "".join(e[2]) for e in top), "absent chapters are marked (%d)" % len(top))
    linked = [e for e in p.toc if e[1]]
    say(len(linked) >= 2 and "".join(linked[0][2]), "the summary and the chapters of the figures are linked",
        str(len(linked)))
    say(all(h in p.ids for h in p.hrefs), "every in-page link has its target",
        str([h for h in p.hrefs if h not in p.ids][:5]))
    say("chapter-1" in p.chapters and "order" in p.chapters, "the summary and the order section are chapters",
        str(p.chapters))
    call = " ".join((p.text_in.get("order-call") or "").split())
    say(call == " ".join(order_text.split()), "the call to order is the theme's", call)
    order = s[s.index('id="order"'):]
    say("mailto:" in order, "the order section has the contact's email")
    say(p.metas.get("marketpress-edition") == "sample", "meta marketpress-edition is sample")
    say(len(p.watermarks) == 1, "the sample's watermark")


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    {"style": style, "logo": logo, "copy": copy, "sample": sample}[cmd](*args)


if __name__ == "__main__":
    main()
