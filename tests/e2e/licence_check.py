"""licence_check.py - reads what licence.sh extracted from a PDF with real
readers (pdftotext -raw per page into DIR/p<N>.txt, mutool's outline into
DIR/outline, pdftotext -bbox of one page into a file) and checks it.

  licence_check.py foot BBOX.html LICENSEE_FIRST_WORD RIGHT_EDGE
      the licence line lies under the copyright line and the page number,
      none of its words past RIGHT_EDGE points (the text's right margin)
  licence_check.py sample FULL_DIR SAMPLE_DIR LANG
      the sample edition against the full one: the same contents with the
      same page numbers, what the sample leaves out marked, its bookmarks
      the entries not marked, and only the first figure of each chapter

Prints one line per check, "ok ..." or "FAIL ...: why"."""
import glob
import os
import re
import sys

WORDS = {
    "en": {"marker": "in the full report", "scenarios": "Scenario Analysis", "lof": "List of Figures"},
    "zh-CN": {"marker": "见完整报告", "scenarios": "情景分析", "lof": "图目录"},
}
ENTRY = re.compile(r"^(\d+(?:\.\d+)?)\s+(\S.*)$")
LISTED = re.compile(r"^(?:Figure |Table |图|表)(\d+)\s+(\S.*)$")
CAPTION = re.compile(r"^(Figure |图)(\d+)(?::|：)")
NUMBER = re.compile(r"^\d+$")


def pages(folder):
    files = glob.glob(os.path.join(folder, "p*.txt"))
    out = []
    for n in sorted(int(os.path.basename(f)[1:-4]) for f in files):
        with open(os.path.join(folder, "p%d.txt" % n), encoding="utf-8") as f:
            out.append([line.strip() for line in f.read().replace("\f", "").split("\n") if line.strip()])
    return out


def first_body_page(pp):
    """The first page that opens a chapter: its number alone on the first line."""
    for i, lines in enumerate(pp):
        if i > 0 and lines and NUMBER.match(lines[0]):
            return i
    return len(pp)


def front_entries(pp, marker):
    """(kind, key, title, page number, marked) of every entry of the
    contents and the lists, in order: each page's entries first, then its
    page numbers in the same order."""
    out = []
    for lines in pp[: first_body_page(pp)]:
        entries, numbers = [], []
        for line in lines:
            m = ENTRY.match(line) or LISTED.match(line)
            if m and not NUMBER.match(line):
                title, marked = m.group(2), False
                if title.endswith(marker):
                    title, marked = title[: -len(marker)].strip(), True
                kind = "list" if LISTED.match(line) else "contents"
                entries.append([kind, line.split()[0] if kind == "contents" else line[: m.start(2)].strip(), title,
                                None, marked])
            elif NUMBER.match(line):
                numbers.append(int(line))
        if entries:
            if len(numbers) < len(entries):
                return None
            for e, n in zip(entries, numbers[-len(entries):]):
                e[3] = n
            out.extend(tuple(e) for e in entries)
    return out


def outline(folder):
    out = []
    with open(os.path.join(folder, "outline"), encoding="utf-8") as f:
        for line in f:
            m = re.search(r'"(.*)"\s+#page=(\d+)', line)
            if m:
                out.append((m.group(1), int(m.group(2))))
    return out


def captions(pp):
    """Figure number -> (page index, caption line) of the body's captions."""
    out = {}
    for i, lines in enumerate(pp):
        if i < first_body_page(pp):
            continue
        for line in lines:
            m = CAPTION.match(line)
            if m:
                out.setdefault(int(m.group(2)), (i + 1, line))
    return out


def first_figures(pp, chapters, scenarios):
    """The first figure of each chapter of the full edition, the scenario
    chapter's aside (the sample's chapters are the market's and the
    dimensions')."""
    firsts = {}
    for number, (page, _) in sorted(captions(pp).items()):
        chapter = None
        for title, start in chapters:
            if start <= page:
                chapter = title
        if chapter and not chapter.endswith(scenarios) and chapter not in firsts:
            firsts[chapter] = number
    return set(firsts.values())


def check_sample(full_dir, sample_dir, lang):
    w = WORDS[lang]
    full, sample = pages(full_dir), pages(sample_dir)
    fe, se = front_entries(full, w["marker"]), front_entries(sample, w["marker"])
    if fe is None or se is None:
        print("FAIL contents: a page with fewer page numbers than entries")
        return
    plain = [e[:4] for e in se]
    print("ok contents: %d entries, the full edition's with its pages" % len(fe) if plain == [e[:4] for e in fe]
          else "FAIL contents: the sample's %s differ from the full edition's %s" %
          ([e for e in plain if e not in [x[:4] for x in fe]][:3], [e[:4] for e in fe if e[:4] not in plain][:3]))
    marked = [e for e in se if e[4]]
    unmarked_chapters = ["%s %s" % (e[1], e[2]) for e in se if e[0] == "contents" and not e[4] and "." not in e[1]]
    numbered = [t for t, _ in outline(sample_dir) if ENTRY.match(t)]
    print("ok marks: %d entries marked, the %d others are the bookmarks" % (len(marked), len(unmarked_chapters))
          if marked and unmarked_chapters == numbered
          else "FAIL marks: unmarked chapters %s, bookmarks %s" % (unmarked_chapters, numbered))
    stray = [e for e in se if e[0] == "contents" and not e[4] and "." in e[1] and not e[1].startswith("1.")]
    print("ok marks: no section outside the summary unmarked" if not stray else "FAIL marks: %s" % stray[:3])
    chapters = [(t, p) for t, p in outline(full_dir) if ENTRY.match(t) and "." not in t.split()[0]]
    want = first_figures(full, chapters, w["scenarios"])
    got = captions(sample)
    full_caps = captions(full)
    same = all(full_caps.get(n, (0, None))[1] == line for n, (_, line) in got.items())
    print("ok figures: %s, the first of each chapter, captioned as in the full edition" % sorted(got)
          if set(got) == want and same else "FAIL figures: the sample has %s, wanted %s" % (sorted(got), sorted(want)))
    listed = sorted(int(e[1].lstrip("Figure图 ")) for e in se if e[0] == "list" and not e[4] and
                    (e[1].startswith("Figure") or e[1].startswith("图")))
    print("ok list of figures: the unmarked entries are the sample's figures" if listed == sorted(got)
          else "FAIL list of figures: unmarked %s, shown %s" % (listed, sorted(got)))


def check_foot(bbox, first_word, right_edge):
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                         open(bbox, encoding="utf-8").read()):
        words.append((float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), m.group(5)))
    starts = [i for i, wd in enumerate(words) if wd[4].startswith(first_word)]
    pages = [i for i, wd in enumerate(words) if wd[4] in ("Page", "©") or wd[4].startswith("第")]
    if not starts or not pages:
        print("FAIL foot: no licence line or no footer in %s" % bbox)
        return
    line = words[starts[-1]:]
    row = max(words[i][3] for i in pages)
    low = min(wd[1] for wd in line)
    right = max(wd[2] for wd in line)
    print("ok foot: the licence line under the footer (%.1f >= %.1f), within the margin (%.1f)" % (low, row, right)
          if low >= row - 0.01 and right <= right_edge + 0.5
          else "FAIL foot: top %.1f under the footer's bottom %.1f? right end %.1f within %.1f?" %
          (low, row, right, right_edge))


if __name__ == "__main__":
    if sys.argv[1] == "sample":
        check_sample(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "foot":
        check_foot(sys.argv[2], sys.argv[3], float(sys.argv[4]))
