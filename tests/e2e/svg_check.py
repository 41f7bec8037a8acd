"""svg_check.py - reads the svg plugin's files back as a viewer would.

    svg_check.py structure DIR LANG     ids unique, every reference defined,
                                        a <title> naming the figure, no <text>
    svg_check.py labels FILE V1,V2,...  each value is the words of a text
    svg_check.py legend FILE            prints the legend's texts, in order
    svg_check.py pixels DIR             each SVG, drawn by librsvg, looks like
                                        the PNG cairo drew of the same scene

Prints what is wrong and exits 1, or exits 0 in silence.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


def structure(folder, lang):
    problems = []
    files = sorted(glob.glob(os.path.join(folder, "*.svg")))
    if not files:
        problems.append("no SVG in " + folder)
    for path in files:
        name = os.path.basename(path)
        root = ET.parse(path).getroot()
        ids = [e.get("id") for e in root.iter() if e.get("id")]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            problems.append("%s: ids used twice: %s" % (name, dup[:5]))
        known = set(ids)
        for e in root.iter():
            ref = e.get(XLINK) or e.get("href")
            if ref and ref.startswith("#") and ref[1:] not in known:
                problems.append("%s: %s refers to undefined %s" % (name, e.tag, ref))
                break
        if root.find(SVG + "text") is not None or any(e.tag == SVG + "text" for e in root.iter()):
            problems.append(name + ": has a <text> element")
        title = root.find(SVG + "title")
        number = int(name.split("-")[0])
        want = ("图%d：" if lang.startswith("zh") else "Figure %d: ") % number
        if title is None or not (title.text or "").startswith(want):
            problems.append("%s: title %r does not start with %r" % (name, None if title is None else title.text, want))
    return problems


def labels(path, values):
    root = ET.parse(path).getroot()
    words = {e.get("aria-label") for e in root.iter() if e.get("aria-label")}
    return ["%s: no text reads %s" % (os.path.basename(path), v) for v in values.split(",") if v not in words]


def pixels(folder):
    from PIL import Image, ImageChops

    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for svg in sorted(glob.glob(os.path.join(folder, "*.svg"))):
            png = svg[:-4] + ".png"
            out = os.path.join(tmp, "x.png")
            subprocess.run(["rsvg-convert", "-d", "72", "-p", "72", "-b", "white", svg, "-o", out], check=True)
            a = Image.open(out).convert("RGB")
            b = Image.open(png).convert("RGB")
            if a.size != b.size:
                problems.append("%s: %s against %s" % (os.path.basename(svg), a.size, b.size))
                continue
            hist = ImageChops.difference(a, b).convert("L").histogram()
            n = sum(hist)
            mean = sum(i * c for i, c in enumerate(hist)) / n
            far = sum(hist[64:]) / n
            # Two renderers antialias edges differently (mean about 1 and
            # 0.6% of pixels here); text moved by 1.5 pt gives 3.9 and 2.5%.
            if mean > 2.0 or far > 0.01:
                problems.append("%s: differs from the PNG (mean %.2f, %.2f%% of pixels far off)"
                                % (os.path.basename(svg), mean, far * 100))
    return problems


def legend(path):
    root = ET.parse(path).getroot()
    for e in root.iter():
        if e.get("class") == "legend":
            print(e.get("aria-label"))
    return []


def main():
    what = sys.argv[1]
    if what == "legend":
        problems = legend(sys.argv[2])
    elif what == "structure":
        problems = structure(sys.argv[2], sys.argv[3])
    elif what == "labels":
        problems = labels(sys.argv[2], sys.argv[3])
    else:
        problems = pixels(sys.argv[2])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
