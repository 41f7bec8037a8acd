/* chart_layout.c - figure -> scene.  The canvas is cut top to bottom into
 * title, unit line, plot, legend and source note; every piece of text is
 * measured with the renderer's callback before it is placed, so labels are
 * shrunk, thinned or left out rather than allowed to overlap or spill. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "chart.h"
#include "format.h"

#define MARGIN 14.0
#define TITLE_SIZE 13.0
#define TEXT_SIZE 8.5
#define SMALL_SIZE 7.5
#define MIN_LABEL_SIZE 6.0

static const mkp_color INK = {34, 34, 34, 255}, GREY = {96, 96, 96, 255}, GRID = {221, 221, 221, 255},
                       AXIS = {150, 150, 150, 255}, WHITE = {255, 255, 255, 255}, NONE = {0, 0, 0, 0},
                       ACCENT = {213, 94, 0, 255};

typedef struct scene_owner {
    mkp_scene pub;                  /* first: the pointer handed out is this */
    arena a;
    mkp_prim *prims;
    size_t cap;
} scene_owner;

typedef struct lay {
    scene_owner *s;
    const mkp_figure *f;
    const char *lang;
    mkp_measure_fn measure;
    void *ctx;
    double w, h;
} lay;

/* ---- palette and ticks ------------------------------------------------ */

mkp_color chart_color(size_t i)
{
    /* Okabe-Ito, then the same hues lighter and darker for long lists. */
    static const unsigned char base[8][3] = {{0, 114, 178},  {230, 159, 0},  {0, 158, 115},  {204, 121, 167},
                                             {86, 180, 233}, {213, 94, 0},   {120, 120, 120}, {240, 228, 66}};
    const unsigned char *c = base[i % 8];
    size_t round = i / 8 % 3;
    mkp_color out = {c[0], c[1], c[2], 255};
    if (round == 1) { /* lighter */
        out.r = (unsigned char)(c[0] + (255 - c[0]) / 2);
        out.g = (unsigned char)(c[1] + (255 - c[1]) / 2);
        out.b = (unsigned char)(c[2] + (255 - c[2]) / 2);
    } else if (round == 2) { /* darker */
        out.r = (unsigned char)(c[0] * 3 / 5);
        out.g = (unsigned char)(c[1] * 3 / 5);
        out.b = (unsigned char)(c[2] * 3 / 5);
    }
    return out;
}

double chart_nice_step(double lo, double hi, int max_ticks, double *axis_lo, double *axis_hi)
{
    if (!(hi > lo)) {
        hi = lo + 1;
    }
    double raw = (hi - lo) / (max_ticks > 1 ? max_ticks : 1);
    double mag = pow(10, floor(log10(raw)));
    static const double mult[] = {1, 2, 5, 10};
    double step = mag * 10;
    for (int i = 0; i < 4; i++)
        if (mag * mult[i] >= raw * (1 - 1e-12)) {
            step = mag * mult[i];
            break;
        }
    *axis_lo = floor(lo / step + 1e-9) * step;
    *axis_hi = ceil(hi / step - 1e-9) * step;
    if (*axis_hi <= *axis_lo)
        *axis_hi = *axis_lo + step;
    return step;
}

/* ---- primitives ------------------------------------------------------- */

static mkp_prim *add(lay *L, mkp_prim_kind kind, mkp_role role)
{
    scene_owner *s = L->s;
    if (s->pub.n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        mkp_prim *np = arena_array(&s->a, cap, sizeof *np);
        if (s->pub.n)
            memcpy(np, s->prims, s->pub.n * sizeof *np);
        s->prims = np;
        s->cap = cap;
        s->pub.prims = np;
    }
    mkp_prim *p = &s->prims[s->pub.n++];
    p->kind = kind;
    p->role = role;
    p->series = p->category = -1;
    p->fill = p->stroke = NONE;
    return p;
}

static void rect(lay *L, mkp_role role, double x, double y, double w, double h, mkp_color fill, int series, int cat,
                 double value)
{
    mkp_prim *p = add(L, MKP_PRIM_RECT, role);
    p->x = x;
    p->y = y;
    p->w = w;
    p->h = h;
    p->fill = fill;
    p->series = series;
    p->category = cat;
    p->value = value;
}

static void line(lay *L, mkp_role role, double x, double y, double x2, double y2, mkp_color c, double width)
{
    mkp_prim *p = add(L, MKP_PRIM_LINE, role);
    p->x = x;
    p->y = y;
    p->x2 = x2;
    p->y2 = y2;
    p->stroke = c;
    p->line_width = width;
}

static double measure(lay *L, const char *t, double size, int bold)
{
    return L->measure(L->ctx, t, size, bold);
}

static mkp_prim *text(lay *L, mkp_role role, const char *t, double x, double y, double size, int bold,
                      mkp_anchor anchor, mkp_color c)
{
    mkp_prim *p = add(L, MKP_PRIM_TEXT, role);
    p->text = arena_strdup(&L->s->a, t);
    p->x = x;
    p->y = y;
    p->font_size = size;
    p->bold = bold;
    p->anchor = anchor;
    p->fill = c;
    return p;
}

/* ---- text fitting ------------------------------------------------------ */

static size_t utf8_len(const char *s)
{
    size_t n = 1;
    while ((s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

/* Cuts `t` to fit `width`, ending with an ellipsis; never inside a UTF-8
 * sequence. */
static const char *ellipsize(lay *L, const char *t, double width, double size, int bold)
{
    if (measure(L, t, size, bold) <= width)
        return t;
    size_t len = strlen(t);
    char *buf = arena_alloc(&L->s->a, len + 4);
    size_t keep = 0;
    for (size_t i = 0; i < len; i += utf8_len(t + i)) {
        memcpy(buf, t, i);
        memcpy(buf + i, "\xe2\x80\xa6", 4);
        if (measure(L, buf, size, bold) > width)
            break;
        keep = i;
    }
    memcpy(buf, t, keep);
    memcpy(buf + keep, "\xe2\x80\xa6", 4);
    return buf;
}

static int is_wide(const char *p)
{
    return (unsigned char)p[0] >= 0xE2; /* CJK and other wide scripts: a break is allowed anywhere */
}

/* Greedy line breaking at spaces (and between wide characters).  Writes at
 * most max_lines lines; the last one is ellipsized when text remains. */
static size_t wrap(lay *L, const char *t, double width, double size, int bold, const char **lines, size_t max_lines)
{
    size_t n = 0, len = strlen(t), start = 0;
    char *buf = arena_alloc(&L->s->a, len + 1);
    while (start < len && n < max_lines) {
        while (t[start] == ' ')
            start++;
        size_t best = 0, i = start;
        while (i < len) {
            size_t next = i + utf8_len(t + i);
            int can_break = t[next] == ' ' || t[next] == '\0' || is_wide(t + i) || is_wide(t + next);
            if (can_break) {
                memcpy(buf, t + start, next - start);
                buf[next - start] = '\0';
                if (measure(L, buf, size, bold) > width && best)
                    break;
                best = next;
                if (measure(L, buf, size, bold) > width)
                    break;
            }
            i = next;
        }
        if (!best)
            best = len;
        char *ln = arena_strndup(&L->s->a, t + start, best - start);
        if (n + 1 == max_lines && best < len)
            ln = (char *)ellipsize(L, arena_printf(&L->s->a, "%s%s", ln, t + best), width, size, bold);
        else if (measure(L, ln, size, bold) > width)
            ln = (char *)ellipsize(L, ln, width, size, bold);
        lines[n++] = ln;
        start = best;
    }
    return n;
}

/* ---- pieces ------------------------------------------------------------ */

static const char *txt(lay *L, const mkp_text *t)
{
    return fmt_text(t, L->lang);
}

static void format_value(lay *L, char *buf, size_t cap, double v, int decimals)
{
    if (L->f->percent)
        fmt_percent(buf, cap, v / 100.0, decimals);
    else
        fmt_number(buf, cap, v, decimals, 1);
}

/* Title and unit line; returns the y where the plot may start. */
static double header(lay *L)
{
    const char *lines[3];
    double size = TITLE_SIZE;
    char *title = arena_printf(&L->s->a, "%s", txt(L, L->f->title));
    size_t n = wrap(L, title, L->w - 2 * MARGIN, size, 1, lines, 2);
    double y = MARGIN + size;
    for (size_t i = 0; i < n; i++, y += size * 1.25)
        text(L, MKP_ROLE_TITLE, lines[i], MARGIN, y, size, 1, MKP_ANCHOR_START, INK);
    y += 2;
    const char *unit = strcmp(L->f->unit, "%") == 0 ? (strcmp(L->lang, "zh-CN") == 0 ? "百分比" : "Percent")
                                                    : L->f->unit;
    double callout_w = *L->f->callout ? measure(L, L->f->callout, TEXT_SIZE + 1, 1) : 0;
    text(L, MKP_ROLE_NOTE, ellipsize(L, unit, L->w - 2 * MARGIN - callout_w - 12, TEXT_SIZE, 0), MARGIN, y,
         TEXT_SIZE, 0, MKP_ANCHOR_START, GREY);
    if (*L->f->callout)
        text(L, MKP_ROLE_NOTE, L->f->callout, L->w - MARGIN, y, TEXT_SIZE + 1, 1, MKP_ANCHOR_END, ACCENT);
    return y + 10;
}

/* Source note at the bottom; returns the y above it. */
static double footer(lay *L)
{
    const char *src = txt(L, L->f->source);
    if (!*src)
        return L->h - MARGIN;
    const char *lines[2];
    size_t n = wrap(L, src, L->w - 2 * MARGIN, SMALL_SIZE, 0, lines, 2);
    double y = L->h - MARGIN - (n - 1) * SMALL_SIZE * 1.3;
    for (size_t i = 0; i < n; i++)
        text(L, MKP_ROLE_NOTE, lines[i], MARGIN, y + i * SMALL_SIZE * 1.3, SMALL_SIZE, 0, MKP_ANCHOR_START, GREY);
    return y - SMALL_SIZE - 6;
}

typedef struct legend_item {
    const char *label;
    mkp_color color;
} legend_item;

/* Legend rows just above `bottom`; returns the y above the legend. */
static double legend(lay *L, const legend_item *items, size_t n, double bottom)
{
    if (!n)
        return bottom;
    double avail = L->w - 2 * MARGIN, sw = 8, gap = 14, row_h = TEXT_SIZE * 1.6;
    double max_item = avail; /* labels flow into rows; only a label wider than the chart is cut */
    /* Count rows first, so the legend sits flush above the note. */
    const char **labels = arena_array(&L->s->a, n, sizeof *labels);
    double *widths = arena_array(&L->s->a, n, sizeof *widths);
    size_t rows = 1;
    double x = 0;
    for (size_t i = 0; i < n; i++) {
        labels[i] = ellipsize(L, items[i].label, max_item - sw - 4, TEXT_SIZE, 0);
        widths[i] = sw + 4 + measure(L, labels[i], TEXT_SIZE, 0);
        if (x > 0 && x + widths[i] > avail) {
            rows++;
            x = 0;
        }
        x += widths[i] + gap;
    }
    double y = bottom - (rows - 1) * row_h;
    x = 0;
    for (size_t i = 0; i < n; i++) {
        if (x > 0 && x + widths[i] > avail) {
            y += row_h;
            x = 0;
        }
        rect(L, MKP_ROLE_LEGEND, MARGIN + x, y - sw, sw, sw, items[i].color, (int)i, -1, 0);
        text(L, MKP_ROLE_LEGEND, labels[i], MARGIN + x + sw + 4, y, TEXT_SIZE, 0, MKP_ANCHOR_START, INK);
        x += widths[i] + gap;
    }
    return bottom - (rows - 1) * row_h - row_h - 4;
}

/* ---- value axis --------------------------------------------------------- */

typedef struct axis {
    double lo, hi, step;
    int decimals;
} axis;

static axis make_axis(double lo, double hi, int ticks)
{
    axis a;
    a.step = chart_nice_step(lo < 0 ? lo : 0, hi > 0 ? hi : 0, ticks, &a.lo, &a.hi);
    a.decimals = a.step >= 1 ? 0 : (int)ceil(-log10(a.step) - 1e-9);
    return a;
}

static void tick_label(lay *L, const axis *a, double v, char *buf, size_t cap)
{
    format_value(L, buf, cap, fabs(v) < a->step * 1e-9 ? 0 : v, a->decimals);
}

static double axis_label_width(lay *L, const axis *a)
{
    char buf[64];
    double w = 0;
    for (double v = a->lo; v <= a->hi + a->step * 1e-9; v += a->step) {
        tick_label(L, a, v, buf, sizeof buf);
        double m = measure(L, buf, SMALL_SIZE, 0);
        w = m > w ? m : w;
    }
    return w;
}

/* ---- vertical charts: BAR, STACKED, PERCENT, LINE -------------------------- */

static double series_value(const mkp_figure *f, size_t s, size_t c)
{
    double v = f->series[s].values[c];
    return isfinite(v) ? v : 0;
}

/* Writes the label of a value; a smaller font and fewer decimals are tried
 * before giving up.  Returns 0 when nothing fits `max_w`. */
static int fit_label(lay *L, double v, int decimals, double max_w, char *buf, size_t cap, double *size)
{
    for (double s = TEXT_SIZE; s >= MIN_LABEL_SIZE - 1e-9; s -= 0.5) {
        format_value(L, buf, cap, v, decimals);
        if (measure(L, buf, s, 0) <= max_w) {
            *size = s;
            return 1;
        }
    }
    if (decimals > 0) {
        format_value(L, buf, cap, v, 0);
        if (measure(L, buf, MIN_LABEL_SIZE, 0) <= max_w) {
            *size = MIN_LABEL_SIZE;
            return 1;
        }
    }
    return 0;
}

static void vertical(lay *L, double top, double bottom)
{
    const mkp_figure *f = L->f;
    size_t nc = f->n_categories, ns = f->n_series;
    int stacked = f->kind == MKP_CHART_STACKED || f->kind == MKP_CHART_PERCENT;
    double lo = 0, hi = 0;
    for (size_t c = 0; c < nc; c++) {
        double pos = 0;
        for (size_t s = 0; s < ns; s++) {
            double v = series_value(f, s, c);
            if (stacked)
                pos += v > 0 ? v : 0;
            else
                hi = v > hi ? v : hi;
            lo = v < lo ? v : lo;
        }
        hi = pos > hi ? pos : hi;
    }
    if (f->kind == MKP_CHART_PERCENT)
        hi = 100;
    double label_room = f->kind == MKP_CHART_BAR || stacked ? TEXT_SIZE + 4 : 0;
    axis a = make_axis(lo, hi, 5);
    double left = MARGIN + axis_label_width(L, &a) + 6;
    double right = L->w - MARGIN;
    char buf[64];
    /* LINE: room at the right for the end-of-line labels. */
    if (f->kind == MKP_CHART_LINE) {
        double wmax = 0;
        for (size_t s = 0; s < ns; s++) {
            format_value(L, buf, sizeof buf, series_value(f, s, nc - 1), f->decimals);
            double m = measure(L, buf, TEXT_SIZE, 0);
            wmax = m > wmax ? m : wmax;
        }
        right -= wmax + 8;
    }
    double cat_h = SMALL_SIZE + 8;
    double plot_top = top + label_room, plot_bottom = bottom - cat_h;
    if (plot_bottom - plot_top < 20)
        plot_bottom = plot_top + 20;
    double scale = (plot_bottom - plot_top) / (a.hi - a.lo);
#define YPOS(v) (plot_bottom - ((v)-a.lo) * scale)
    for (double v = a.lo; v <= a.hi + a.step * 1e-9; v += a.step) {
        double y = YPOS(v);
        line(L, fabs(v) < a.step * 1e-9 ? MKP_ROLE_AXIS : MKP_ROLE_GRID, left, y, right, y,
             fabs(v) < a.step * 1e-9 ? AXIS : GRID, fabs(v) < a.step * 1e-9 ? 0.8 : 0.5);
        tick_label(L, &a, v, buf, sizeof buf);
        text(L, MKP_ROLE_AXIS, buf, left - 5, y + SMALL_SIZE * 0.35, SMALL_SIZE, 0, MKP_ANCHOR_END, GREY);
    }
    double band = (right - left) / (double)(nc ? nc : 1);
    /* Category labels: thinned to every k-th when they would touch. */
    double widest = 0;
    for (size_t c = 0; c < nc; c++) {
        double m = measure(L, txt(L, &f->categories[c]), SMALL_SIZE, 0);
        widest = m > widest ? m : widest;
    }
    size_t every = 1;
    while (every < nc && widest + 4 > band * every)
        every++;
    for (size_t c = 0; c < nc; c += every) {
        const char *lab = ellipsize(L, txt(L, &f->categories[c]), band * every - 4, SMALL_SIZE, 0);
        mkp_prim *p = text(L, MKP_ROLE_CATEGORY_LABEL, lab, left + band * (c + 0.5), plot_bottom + SMALL_SIZE + 4,
                           SMALL_SIZE, 0, MKP_ANCHOR_MIDDLE, INK);
        p->category = (int)c;
    }
    if (f->kind == MKP_CHART_LINE) {
        double *ends = arena_array(&L->s->a, ns ? ns : 1, sizeof *ends);
        for (size_t s = 0; s < ns; s++) {
            mkp_color col = chart_color(s);
            double *pts = arena_array(&L->s->a, 2 * nc, sizeof *pts);
            for (size_t c = 0; c < nc; c++) {
                pts[2 * c] = left + band * (c + 0.5);
                pts[2 * c + 1] = YPOS(series_value(f, s, c));
            }
            mkp_prim *p = add(L, MKP_PRIM_PATH, MKP_ROLE_MARK);
            p->points = pts;
            p->n_points = nc;
            p->stroke = col;
            p->line_width = s == 0 ? 2.2 : 1.6;
            p->series = (int)s;
            for (size_t c = 0; c < nc; c++) {
                mkp_prim *dot = add(L, MKP_PRIM_CIRCLE, MKP_ROLE_MARK);
                dot->x = pts[2 * c];
                dot->y = pts[2 * c + 1];
                dot->w = 2.2;
                dot->fill = col;
                dot->series = (int)s;
                dot->category = (int)c;
                dot->value = series_value(f, s, c);
            }
            ends[s] = pts[2 * nc - 1];
        }
        /* End labels: pushed apart so that no two touch. */
        size_t *order = arena_array(&L->s->a, ns ? ns : 1, sizeof *order);
        for (size_t s = 0; s < ns; s++)
            order[s] = s;
        for (size_t i = 1; i < ns; i++)
            for (size_t k = i; k > 0 && ends[order[k]] < ends[order[k - 1]]; k--) {
                size_t t = order[k];
                order[k] = order[k - 1];
                order[k - 1] = t;
            }
        double *ly = arena_array(&L->s->a, ns ? ns : 1, sizeof *ly);
        for (size_t i = 0; i < ns; i++) {
            ly[i] = ends[order[i]] + TEXT_SIZE * 0.35;
            if (i && ly[i] < ly[i - 1] + TEXT_SIZE + 1)
                ly[i] = ly[i - 1] + TEXT_SIZE + 1;
        }
        for (size_t i = ns; i-- > 1;) /* keep the lowest label on the canvas */
            if (ly[i] > plot_bottom + TEXT_SIZE * 0.35 && ly[i - 1] > ly[i] - TEXT_SIZE - 1)
                ly[i - 1] = ly[i] - TEXT_SIZE - 1;
        for (size_t i = 0; i < ns; i++) {
            size_t s = order[i];
            format_value(L, buf, sizeof buf, series_value(f, s, nc - 1), f->decimals);
            mkp_prim *p = text(L, MKP_ROLE_VALUE_LABEL, buf, right + 6, ly[i], TEXT_SIZE, 0, MKP_ANCHOR_START,
                               chart_color(s));
            p->series = (int)s;
            p->category = (int)(nc - 1);
            p->value = series_value(f, s, nc - 1);
        }
        return;
    }
    double bar_w = band * (nc > 3 ? 0.62 : 0.45);
    double *share_labels = NULL;
    if (f->kind == MKP_CHART_PERCENT)
        share_labels = arena_array(&L->s->a, ns ? ns : 1, sizeof *share_labels);
    for (size_t c = 0; c < nc; c++) {
        double x = left + band * c + (band - bar_w) / 2, pos = 0;
        if (share_labels) {
            double *fr = arena_array(&L->s->a, ns ? ns : 1, sizeof *fr);
            for (size_t s = 0; s < ns; s++)
                fr[s] = series_value(f, s, c) / 100.0;
            fmt_round_shares(fr, ns, f->decimals, share_labels);
        }
        for (size_t s = 0; s < ns; s++) {
            double v = series_value(f, s, c);
            double base = stacked ? pos : 0;
            double y0 = YPOS(base), y1 = YPOS(base + (v > 0 ? v : 0));
            mkp_color col = chart_color(s);
            const unsigned char *marks = f->series[s].marks;
            if (f->kind == MKP_CHART_BAR && ns == 1)
                col = marks && (marks[c] & MKP_YEAR_ANCHOR) ? chart_color(0) : chart_color(4);
            rect(L, MKP_ROLE_MARK, x, y1, bar_w, y0 - y1, col, (int)s, (int)c, v);
            if (stacked) {
                pos += v > 0 ? v : 0;
                double size;
                double shown = share_labels ? share_labels[s] : v;
                if (y0 - y1 >= SMALL_SIZE + 3 &&
                    fit_label(L, shown, f->decimals, bar_w - 2, buf, sizeof buf, &size) && size <= y0 - y1 - 2) {
                    double lum = 0.299 * col.r + 0.587 * col.g + 0.114 * col.b;
                    mkp_prim *p = text(L, MKP_ROLE_VALUE_LABEL, buf, x + bar_w / 2, (y0 + y1) / 2 + size * 0.35,
                                       size, 0, MKP_ANCHOR_MIDDLE, lum < 140 ? WHITE : INK);
                    p->series = (int)s;
                    p->category = (int)c;
                    p->value = shown;
                }
            }
        }
        /* Above the bar: the value (BAR) or the total (STACKED). */
        if (f->kind == MKP_CHART_BAR || f->kind == MKP_CHART_STACKED) {
            double v = f->kind == MKP_CHART_BAR ? series_value(f, 0, c) : pos;
            double size;
            if (fit_label(L, v, f->decimals, band - 2, buf, sizeof buf, &size)) {
                const unsigned char *marks = f->series[0].marks;
                int bold = f->kind == MKP_CHART_BAR && marks && (marks[c] & MKP_YEAR_ANCHOR);
                mkp_prim *p = text(L, MKP_ROLE_VALUE_LABEL, buf, x + bar_w / 2, YPOS(v > 0 ? v : 0) - 3, size,
                                   bold, MKP_ANCHOR_MIDDLE, INK);
                p->series = f->kind == MKP_CHART_BAR ? 0 : -1;
                p->category = (int)c;
                p->value = v;
            }
        }
    }
#undef YPOS
}

/* ---- horizontal charts: HBAR, HBAR_GROUPED ----------------------------- */

static void horizontal(lay *L, double top, double bottom)
{
    const mkp_figure *f = L->f;
    size_t nc = f->n_categories, ns = f->n_series;
    /* Rows: categories, plus a heading row where the group changes. */
    size_t rows = nc;
    for (size_t c = 0; f->category_groups && c < nc; c++)
        if (c == 0 || strcmp(txt(L, &f->category_groups[c]), txt(L, &f->category_groups[c - 1])) != 0)
            rows++;
    double lo = 0, hi = 0;
    for (size_t s = 0; s < ns; s++)
        for (size_t c = 0; c < nc; c++) {
            double v = series_value(f, s, c);
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
    axis a = make_axis(lo, hi, 5);
    char buf[64];
    double label_w = 0;
    for (size_t c = 0; c < nc; c++) {
        double m = measure(L, txt(L, &f->categories[c]), TEXT_SIZE, 0) + (f->category_groups ? 8 : 0);
        label_w = m > label_w ? m : label_w;
    }
    double max_label = (L->w - 2 * MARGIN) * 0.38;
    label_w = label_w > max_label ? max_label : label_w;
    double val_w = 0;
    for (size_t s = 0; s < ns; s++)
        for (size_t c = 0; c < nc; c++) {
            format_value(L, buf, sizeof buf, series_value(f, s, c), f->decimals);
            double m = measure(L, buf, SMALL_SIZE, 0);
            val_w = m > val_w ? m : val_w;
        }
    double left = MARGIN + label_w + 6, right = L->w - MARGIN - val_w - 6;
    if (a.lo < 0)
        left += val_w + 6; /* negative bars carry their labels on the left */
    double axis_h = SMALL_SIZE + 8;
    double plot_bottom = bottom - axis_h;
    double row_h = (plot_bottom - top) / (double)(rows ? rows : 1);
    double scale = (right - left) / (a.hi - a.lo);
#define XPOS(v) (left + ((v)-a.lo) * scale)
    for (double v = a.lo; v <= a.hi + a.step * 1e-9; v += a.step) {
        double x = XPOS(v);
        int zero = fabs(v) < a.step * 1e-9;
        line(L, zero ? MKP_ROLE_AXIS : MKP_ROLE_GRID, x, top, x, plot_bottom, zero ? AXIS : GRID, zero ? 0.8 : 0.5);
        tick_label(L, &a, v, buf, sizeof buf);
        text(L, MKP_ROLE_AXIS, buf, x, plot_bottom + SMALL_SIZE + 4, SMALL_SIZE, 0, MKP_ANCHOR_MIDDLE, GREY);
    }
    /* Labels shrink with the rows so that twenty or more still fit. */
    double lab_size = row_h * 0.8 < TEXT_SIZE ? row_h * 0.8 : TEXT_SIZE;
    if (lab_size < 4)
        lab_size = 4;
    double val_size = lab_size < SMALL_SIZE ? lab_size : SMALL_SIZE;
    double y = top;
    for (size_t c = 0; c < nc; c++) {
        if (f->category_groups &&
            (c == 0 || strcmp(txt(L, &f->category_groups[c]), txt(L, &f->category_groups[c - 1])) != 0)) {
            const char *g = ellipsize(L, txt(L, &f->category_groups[c]), L->w - 2 * MARGIN, lab_size, 1);
            text(L, MKP_ROLE_CATEGORY_LABEL, g, MARGIN, y + row_h * 0.5 + lab_size * 0.35, lab_size, 1,
                 MKP_ANCHOR_START, INK);
            y += row_h;
        }
        double indent = f->category_groups ? 8 : 0;
        const char *lab = ellipsize(L, txt(L, &f->categories[c]), label_w - indent, lab_size, 0);
        mkp_prim *p = text(L, MKP_ROLE_CATEGORY_LABEL, lab, MARGIN + indent, y + row_h * 0.5 + lab_size * 0.35,
                           lab_size, 0, MKP_ANCHOR_START, INK);
        p->category = (int)c;
        double bar_h = row_h * 0.7 / (double)(ns ? ns : 1);
        if (bar_h > 18)
            bar_h = 18; /* a few categories make slim bars, not slabs */
        double by = y + (row_h - bar_h * (double)ns) / 2;
        for (size_t s = 0; s < ns; s++, by += bar_h) {
            double v = series_value(f, s, c);
            double x0 = XPOS(v < 0 ? v : 0), x1 = XPOS(v > 0 ? v : 0);
            rect(L, MKP_ROLE_MARK, x0, by, x1 - x0, bar_h * 0.92, chart_color(ns == 1 ? 0 : s), (int)s, (int)c, v);
            format_value(L, buf, sizeof buf, v, f->decimals);
            double size = bar_h * 0.92 < val_size ? bar_h * 0.92 : val_size;
            if (size < 4)
                continue; /* too many bars for readable labels: the bars and axis still tell */
            mkp_prim *q = text(L, MKP_ROLE_VALUE_LABEL, buf, v < 0 ? x0 - 3 : x1 + 3, by + bar_h * 0.46 + size * 0.35,
                               size, 0, v < 0 ? MKP_ANCHOR_END : MKP_ANCHOR_START, INK);
            q->series = (int)s;
            q->category = (int)c;
            q->value = v;
        }
        y += row_h;
    }
#undef XPOS
}

/* ---- entry points --------------------------------------------------------- */

const mkp_scene *chart_layout(const mkp_figure *f, const char *lang, double width, double height,
                              mkp_measure_fn measure_fn, void *ctx)
{
    if (!f || !measure_fn || !(width > 0) || !(height > 0))
        return NULL;
    scene_owner *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    arena_init(&s->a);
    s->pub.width = width;
    s->pub.height = height;
    lay L = {s, f, lang ? lang : "en", measure_fn, ctx, width, height};
    rect(&L, MKP_ROLE_BACKGROUND, 0, 0, width, height, WHITE, -1, -1, 0);
    double top = header(&L);
    double bottom = footer(&L);
    /* Legend: one entry per series, or published/forecast for the market. */
    size_t n_items = 0;
    legend_item *items = arena_array(&s->a, f->n_series + 2, sizeof *items);
    int zh = strcmp(L.lang, "zh-CN") == 0;
    if (f->kind == MKP_CHART_BAR && f->n_series == 1) {
        int any_anchor = 0;
        for (size_t c = 0; f->series[0].marks && c < f->n_categories; c++)
            any_anchor |= f->series[0].marks[c] & MKP_YEAR_ANCHOR;
        if (any_anchor) {
            items[n_items++] = (legend_item){zh ? "已公布数值" : "Published figure", chart_color(0)};
            items[n_items++] = (legend_item){zh ? "估算/预测" : "Estimate or forecast", chart_color(4)};
        }
    } else if (f->n_series > 1) {
        for (size_t i = 0; i < f->n_series; i++)
            items[n_items++] = (legend_item){txt(&L, f->series[i].name), chart_color(i)};
    }
    bottom = legend(&L, items, n_items, bottom);
    if (bottom - top < 40)
        bottom = top + 40;
    if (f->n_categories && f->n_series) {
        if (f->kind == MKP_CHART_HBAR || f->kind == MKP_CHART_HBAR_GROUPED)
            horizontal(&L, top, bottom);
        else
            vertical(&L, top, bottom);
    }
    return &s->pub;
}

void chart_scene_free(const mkp_scene *scene)
{
    if (!scene)
        return;
    scene_owner *s = (scene_owner *)(void *)scene;
    arena_free(&s->a);
    free(s);
}
