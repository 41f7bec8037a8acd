"""tables.py TABLES.txt REPORT.txt - whether every numbered table that the
tables test plugin printed from host->table (one line per row: T<n>, then
its cells, tab-separated) reads the same in the PDF, as pdftotext -layout
gives it: each row's cells, in order, end a line of the report, the year
columns possibly in several panels of consecutive years.  A statistic the
report leaves out because it reads as the one before (the publisher's CAGR
when it prints as the CAGR) may be missing.  Prints one line per table,
"ok N" or "FAIL N: why"."""
import sys

WINDOW = 16  # lines between two rows of a table: a page break, its header


def tables(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if parts[0].startswith("T"):
            out.setdefault(int(parts[0][1:]), []).append([c.split() for c in parts[1:]])
    return out


def flat(cells):
    return [t for c in cells for t in c]


def ends_with(tokens, want):
    return len(want) > 0 and len(tokens) >= len(want) and tokens[len(tokens) - len(want):] == want


def find(lines, pos, want, window):
    for i in range(pos, min(len(lines), pos + window)):
        if ends_with(lines[i], want):
            return i
    return -1


def panel_width(lines, pos, cells):
    """The first line from pos that ends with the first k >= 2 (or all)
    remaining cells of a row, the largest such k: (line, k)."""
    for i in range(pos, len(lines)):
        for k in range(len(cells), 0, -1):
            if (k >= 2 or k == len(cells)) and ends_with(lines[i], flat(cells[:k])):
                return i, k
    return -1, 0


def check(lines, rows, pos):
    done = [0] * len(rows)
    while done[0] < len(rows[0]):
        at, k = panel_width(lines, pos, rows[0][done[0]:])
        if at < 0:
            return -1, "row 1 (%s) not found" % " ".join(flat(rows[0][done[0]:]))
        last = done[0] + k >= len(rows[0])
        pos = at + 1
        done[0] += k
        for r in range(1, len(rows)):
            cells = rows[r][done[r]:] if last else rows[r][done[r]:done[r] + k]
            at = find(lines, pos, flat(cells), WINDOW)
            if at < 0 and rows[r] == rows[r - 1]:
                continue
            if at < 0:
                return -1, "row %d (%s) not found after line %d" % (r + 1, " ".join(flat(cells)), pos)
            pos = at + 1
            done[r] += len(cells)
    return pos, ""


def main():
    want = tables(sys.argv[1])
    lines = [[t.rstrip("*") for t in l.split()] for l in open(sys.argv[2], encoding="utf-8")]
    pos = 0
    for n in sorted(want):
        at, why = check(lines, want[n], pos)
        print("ok %d" % n if at >= 0 else "FAIL %d: %s" % (n, why))
        pos = at if at >= 0 else pos


main()
