/* layout.c - figure -> scene.  The canvas is cut top to bottom into
 * title, unit line, plot, legend and source note; every piece of text is
 * measured with the renderer's callback before it is placed, so labels are
 * shrunk, thinned or left out rather than allowed to overlap or spill. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "chart/layout.h"
#include "dataset/dataset.h"
#include "marketpress/text.h"
#include "model/format.h"

#define MARGIN 14.0
#define TITLE_SIZE 13.0
#define TITLE_MIN_SIZE 10.0
#define TEXT_SIZE 8.5
#define SMALL_SIZE 7.5
#define MIN_LABEL_SIZE 6.5
#define DOT_R 2.6                   /* the published-value marker */

/* Labels take one of these sizes (or less, in crowded horizontal charts):
 * few sizes look calmer, and a renderer that embeds glyphs per size (cairo's
 * SVG surface) writes fewer of them. */
static const double label_sizes[] = {TEXT_SIZE, SMALL_SIZE, MIN_LABEL_SIZE};

static const mkp_color INK = {34, 34, 34, 255}, GREY = {96, 96, 96, 255}, GRID = {221, 221, 221, 255},
                       AXIS = {150, 150, 150, 255}, WHITE = {255, 255, 255, 255}, NONE = {0, 0, 0, 0},
                       ACCENT = {213, 94, 0, 255};

typedef struct scene_owner {
    mkp_scene pub;                  /* first: the pointer handed out is this */
    arena a;
    mkp_prim *prims;
    size_t cap;
} scene_owner;

/* The one label decision of a figure (see decide()): which values get a
 * label, and one size per kind of label.  A site is a (series, category)
 * pair; series n_series stands for a column's top (its total). */
enum { LBL_INSIDE, LBL_TOP, LBL_BAR, LBL_END, LBL_ROLES };
#define N_SIZES (sizeof label_sizes / sizeof label_sizes[0])

typedef struct plan {
    size_t nc, ns;
    unsigned char *fits;            /* per site: bit k set when it fits at label_sizes[k] */
    unsigned char *role;            /* per site: its LBL_*, or 0xff for no label there */
    unsigned char *shown;           /* per site: labelled */
    double size[LBL_ROLES];         /* per role: the size, 0 for none */
} plan;

typedef struct lay {
    scene_owner *s;
    const mkp_figure *f;
    const char *lang;
    mkp_measure_fn measure;
    void *ctx;
    double w, h;
    plan *pl;
    int deciding;                   /* this layout records what fits into pl */
} lay;

/* ---- palette and ticks ------------------------------------------------ */

/* No axis has more ticks than this, whatever its numbers: every tick loop
 * ends by construction, even where a step is lost against its value. */
#define MAX_TICKS 64

/* The theme charts are drawn in (chart_use_theme); NULL: the default. */
static const mkp_theme *theme;

void chart_use_theme(const mkp_theme *t)
{
    theme = t;
}

mkp_color chart_theme_color(const mkp_theme *t, size_t i)
{
    /* The theme's series (the default's Okabe-Ito without one), then the
     * same hues lighter, then darker, for long lists. */
    if (!t || !t->n_series)
        t = &ds_theme_default()->pub;
    size_t n = t->n_series;
    mkp_color c = t->series[i % n];
    size_t round = i / n % 3;
    mkp_color out = {c.r, c.g, c.b, 255};
    if (round == 1) { /* lighter */
        out.r = (unsigned char)(c.r + (255 - c.r) / 2);
        out.g = (unsigned char)(c.g + (255 - c.g) / 2);
        out.b = (unsigned char)(c.b + (255 - c.b) / 2);
    } else if (round == 2) { /* darker */
        out.r = (unsigned char)(c.r * 3 / 5);
        out.g = (unsigned char)(c.g * 3 / 5);
        out.b = (unsigned char)(c.b * 3 / 5);
    }
    return out;
}

mkp_color chart_color(size_t i)
{
    return chart_theme_color(theme, i);
}

/* The colour of one kind of value, in the theme of this process. */
static mkp_color class_color(mkp_value_class c)
{
    const mkp_theme *t = theme ? theme : &ds_theme_default()->pub;
    return t->values[(unsigned)c < MKP_VALUE_CLASSES ? c : MKP_VALUE_ESTIMATE];
}

double chart_nice_step(double lo, double hi, int max_ticks, double *axis_lo, double *axis_hi)
{
    /* Whatever comes in, the axis is finite and has a step above zero: no
     * model value goes beyond 1e12, and within 1e15 a double still tells
     * every step of an axis apart. */
    if (!isfinite(lo) || !isfinite(hi))
        lo = 0, hi = 1;
    lo = lo < -1e15 ? -1e15 : lo > 1e15 ? 1e15 : lo;
    hi = hi < -1e15 ? -1e15 : hi > 1e15 ? 1e15 : hi;
    if (!(hi > lo)) {
        hi = lo + 1;
    }
    double raw = (hi - lo) / (max_ticks > 1 ? max_ticks : 1);
    if (!(raw > 0) || !isfinite(raw))
        raw = 1;
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

/* Zoomed only when zero lies far below the values (the lowest is more
 * than a quarter of the highest), so that lines a few per cent apart can
 * be told apart; the axis keeps a fifth of a step below the lowest value
 * so that no line runs along its foot. */
double chart_zoom_axis(double lo, double hi, int max_ticks, double *axis_lo, double *axis_hi)
{
    if (!isfinite(lo) || !isfinite(hi) || !(lo > 0) || !(hi > lo) || lo <= hi * 0.25)
        return 0;
    double a, b, step = chart_nice_step(lo, hi, max_ticks, &a, &b);
    if (lo - a < step * 0.2)
        a -= step;
    if (!(a > 0))
        return 0;
    while ((b - a) / step > max_ticks + 1e-9) /* the lowered foot may take one step too many */
        step = chart_nice_step(a, b, max_ticks, &a, &b);
    *axis_lo = a;
    *axis_hi = b;
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

/* The published-value marker: a dark dot with a white ring, readable on any
 * bar colour and on the background. */
static void pub_dot(lay *L, mkp_role role, double x, double y, double r, int series, int cat, double value)
{
    mkp_prim *p = add(L, MKP_PRIM_CIRCLE, role);
    p->x = x;
    p->y = y;
    p->w = r;
    p->fill = INK;
    p->stroke = WHITE;
    p->line_width = 0.9;
    p->series = series;
    p->category = cat;
    p->value = value;
}

/* ---- text fitting ------------------------------------------------------ */

/* Bytes of the UTF-8 character at s. */
static size_t utf8_len(const char *s)
{
    size_t i = 0;
    mkp_utf8_next(s, (size_t)-1, &i);
    return i;
}

/* Cuts `t` to fit `width`, ending with an ellipsis; never inside a UTF-8
 * sequence. */
/* The first TEXT_MAX bytes of `t` (cut at a character boundary): no chart
 * shows more of one text, and fitting measures every prefix, so a
 * megabyte title would cost minutes. */
#define TEXT_MAX 2048
static const char *capped(lay *L, const char *t)
{
    size_t len = strnlen(t, TEXT_MAX + 1), keep = 0;
    if (len <= TEXT_MAX)
        return t;
    for (size_t i = 0; i < TEXT_MAX;) {
        keep = i;
        mkp_utf8_next(t, TEXT_MAX, &i);
        if (i <= TEXT_MAX)
            keep = i;
    }
    return arena_strndup(&L->s->a, t, keep);
}

static const char *ellipsize(lay *L, const char *t, double width, double size, int bold)
{
    t = capped(L, t);
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
    while (keep > 0 && t[keep - 1] == ' ')
        keep--;
    memcpy(buf, t, keep);
    memcpy(buf + keep, "\xe2\x80\xa6", 4);
    return buf;
}

/* A line may break before and after any character from U+2000 up: dashes,
 * ellipses and arrows, and CJK text, which has no spaces. */
static int breaks_around(const char *p)
{
    size_t i = 0;
    return mkp_utf8_next(p, (size_t)-1, &i) >= 0x2000;
}

/* Greedy line breaking at spaces (and between wide characters) into at most
 * max_lines lines.  Sets *cut when an ellipsis had to stand for lost text. */
static size_t wrap(lay *L, const char *t, double width, double size, int bold, const char **lines, size_t max_lines,
                   int *cut)
{
    t = capped(L, t);
    size_t n = 0, len = strlen(t), start = 0;
    char *buf = arena_alloc(&L->s->a, len + 1);
    *cut = 0;
    while (n < max_lines) {
        while (t[start] == ' ')
            start++;
        if (start >= len)
            break;
        size_t best = 0, word_end = 0;
        for (size_t i = start; i < len;) {
            size_t next = i + utf8_len(t + i);
            if (t[next] == ' ' || t[next] == '\0' || breaks_around(t + i) || breaks_around(t + next)) {
                word_end = word_end ? word_end : next;
                memcpy(buf, t + start, next - start);
                buf[next - start] = '\0';
                if (measure(L, buf, size, bold) > width)
                    break;
                best = next;
            }
            i = next;
        }
        const char *ln;
        if (n + 1 == max_lines && best < len) { /* the last line takes the rest */
            ln = ellipsize(L, t + start, width, size, bold);
            best = len;
        } else if (!best) { /* one word wider than the line */
            ln = ellipsize(L, arena_strndup(&L->s->a, t + start, word_end - start), width, size, bold);
            best = word_end;
        } else {
            ln = arena_strndup(&L->s->a, t + start, best - start);
        }
        *cut |= strstr(ln, "\xe2\x80\xa6") != NULL && strstr(t, "\xe2\x80\xa6") == NULL;
        lines[n++] = ln;
        start = best;
    }
    return n;
}

/* The largest of label_sizes not above `want`; below them all, `want`. */
static double snap_size(double want)
{
    for (size_t i = 0; i < sizeof label_sizes / sizeof label_sizes[0]; i++)
        if (label_sizes[i] <= want + 1e-9)
            return label_sizes[i];
    return want;
}

/* A row label too wide for its column goes on two lines before it is cut:
 * split at the space (or before an ideograph) that leaves the longer line
 * shortest, at the largest label size not above `size` at which both lines
 * fit `width` and the row's height.  Returns 0 when none does (or the label
 * is too long to be worth splitting); the caller then cuts it. */
#define SPLIT_MAX 240               /* bytes: longer labels are cut, not split */

typedef struct split {
    const char *line[2];
    double size;
} split;

static int split_label(lay *L, const char *t, double width, double row_h, double size, split *out)
{
    size_t len = strlen(t);
    if (len > SPLIT_MAX)
        return 0;
    char *head = arena_alloc(&L->s->a, len + 1);
    for (size_t k = 0; k < sizeof label_sizes / sizeof label_sizes[0]; k++) {
        double sz = label_sizes[k];
        if (sz > size + 1e-9 || 2.2 * sz > row_h)
            continue;
        size_t best = 0;
        double best_w = width + 1e-9;
        for (size_t i = 0; i < len;) {
            size_t at = i;
            uint32_t c = mkp_utf8_next(t, len, &i);
            int space = c == ' ', wide = mkp_is_wide(c) && at > 0;
            if (!space && !wide)
                continue;
            memcpy(head, t, at);
            head[at] = 0;
            const char *tail = t + (space ? i : at);
            double w1 = measure(L, head, sz, 0), w2 = measure(L, tail, sz, 0);
            double w = w1 > w2 ? w1 : w2;
            if (at > 0 && *tail && w <= best_w)
                best = at, best_w = w;
        }
        if (best) {
            out->line[0] = arena_strndup(&L->s->a, t, best);
            out->line[1] = t + best + (t[best] == ' ');
            out->size = sz;
            return 1;
        }
    }
    return 0;
}

/* ---- pieces ------------------------------------------------------------ */

static const char *txt(lay *L, const mkp_text *t)
{
    return fmt_text(t, L->lang);
}

/* marketpress's word for `key` in the chart's language (model/labels.c,
 * the table every plugin uses through the host). */
static const char *word(const lay *L, const char *key)
{
    const char *w = fmt_label(L->lang, key);
    return w ? w : key;
}

static void format_value(lay *L, char *buf, size_t cap, double v, int decimals)
{
    if (L->f->percent)
        fmt_percent(buf, cap, v / 100.0, decimals);
    else
        fmt_number(buf, cap, v, decimals, 1);
}

/* A value the publisher printed: bold, with a dot, "Published value".  An
 * illustrative anchor is an assumption and is drawn like an estimate. */
static int is_anchor(const mkp_figure *f, size_t s, size_t c)
{
    return f->series[s].marks && mkp_value_class_of(f->series[s].marks[c]) == MKP_VALUE_PUBLISHED;
}

static mkp_value_class value_class(const mkp_figure *f, size_t s, size_t c)
{
    return f->series[s].marks ? mkp_value_class_of(f->series[s].marks[c]) : MKP_VALUE_ESTIMATE;
}

/* The figure's unit ("USD billion") in the chart's language (十亿美元);
 * units the table does not know stay as they are. */
static const char *unit_text(lay *L)
{
    const char *u = L->f->unit;
    if (strcmp(u, "%") == 0)
        return word(L, "percent");
    char code[8], scale[16], out[64];
    if (sscanf(u, "%7s %15s", code, scale) != 2)
        return u;
    fmt_unit(out, sizeof out, L->lang, code, scale);
    return arena_strdup(&L->s->a, out);
}

/* The figure's callout ("CAGR 2025–2032: 9.43%", as the model writes it)
 * in the chart's language. */
static const char *callout_text(lay *L)
{
    const char *c = L->f->callout;
    int y0, y1;
    char rest[32];
    if (c && sscanf(c, "CAGR %d\xE2\x80\x93%d: %31s", &y0, &y1, rest) == 3)
        return arena_printf(&L->s->a, word(L, "cagr-callout"), y0, y1, rest);
    return c;
}

/* Title (wrapped to two lines, set smaller before anything is cut) and the
 * unit line with the callout; returns the y where the plot may start. */
static double header(lay *L)
{
    const char *lines[2];
    const char *title = txt(L, L->f->title);
    /* A small canvas gets a smaller title, so the plot keeps its room. */
    double size = floor(L->w / 55.0 * 2) / 2;
    size = size > TITLE_SIZE ? TITLE_SIZE : size < TITLE_MIN_SIZE ? TITLE_MIN_SIZE : size;
    size_t n = 0;
    for (int cut = 1; cut && size >= TITLE_MIN_SIZE - 1e-9; size -= 1)
        n = wrap(L, title, L->w - 2 * MARGIN, size, 1, lines, 2, &cut);
    size += 1;
    double y = MARGIN + size;
    for (size_t i = 0; i < n; i++, y += size * 1.25)
        text(L, MKP_ROLE_TITLE, lines[i], MARGIN, y, size, 1, MKP_ANCHOR_START, INK);
    y += 2;
    const char *callout = callout_text(L);
    double callout_w = *callout ? measure(L, callout, TEXT_SIZE + 1, 1) : 0;
    text(L, MKP_ROLE_NOTE, ellipsize(L, unit_text(L), L->w - 2 * MARGIN - callout_w - 12, TEXT_SIZE, 0), MARGIN, y,
         TEXT_SIZE, 0, MKP_ANCHOR_START, GREY);
    if (*callout)
        text(L, MKP_ROLE_NOTE, ellipsize(L, callout, L->w - 2 * MARGIN, TEXT_SIZE + 1, 1), L->w - MARGIN, y,
             TEXT_SIZE + 1, 1, MKP_ANCHOR_END, ACCENT);
    return y + 10;
}

/* Source note at the bottom; returns the y above it. */
static double footer(lay *L)
{
    const char *src = txt(L, L->f->source);
    if (!*src)
        return L->h - MARGIN;
    const char *lines[2];
    int cut;
    size_t n = wrap(L, src, L->w - 2 * MARGIN, SMALL_SIZE, 0, lines, 2, &cut);
    double y = L->h - MARGIN - (double)(n - 1) * SMALL_SIZE * 1.3;
    for (size_t i = 0; i < n; i++)
        text(L, MKP_ROLE_NOTE, lines[i], MARGIN, y + (double)i * SMALL_SIZE * 1.3, SMALL_SIZE, 0, MKP_ANCHOR_START,
             GREY);
    return y - SMALL_SIZE - 6;
}

typedef struct legend_item {
    const char *label;
    mkp_color color;
    int dot;                        /* the published-value marker, not a swatch */
} legend_item;

#define LEGEND_SWATCH 8.0
#define LEGEND_GAP 14.0
#define LEGEND_ROW (TEXT_SIZE * 1.6)

/* Cuts each label to `max_w` and counts the rows that the entries take
 * when they flow left to right. */
static size_t legend_flow(lay *L, const legend_item *items, size_t n, double max_w, const char **labels,
                          double *widths)
{
    double avail = L->w - 2 * MARGIN, x = 0;
    size_t rows = 1;
    for (size_t i = 0; i < n; i++) {
        labels[i] = ellipsize(L, items[i].label, max_w - LEGEND_SWATCH - 4, TEXT_SIZE, 0);
        widths[i] = LEGEND_SWATCH + 4 + measure(L, labels[i], TEXT_SIZE, 0);
        if (x > 0 && x + widths[i] > avail) {
            rows++;
            x = 0;
        }
        x += widths[i] + LEGEND_GAP;
    }
    return rows;
}

/* Legend rows just above `bottom`, in at most `max_rows` rows.  An entry is
 * cut only when it is wider than a whole row, or when the entries would
 * not fit otherwise (then in two, three or four columns' width); past that
 * the last entries give way to "+N more".  Returns the y above the legend. */
static double legend(lay *L, legend_item *items, size_t n, double bottom, size_t max_rows)
{
    if (!n)
        return bottom;
    double avail = L->w - 2 * MARGIN;
    const char **labels = arena_array(&L->s->a, n, sizeof *labels);
    double *widths = arena_array(&L->s->a, n, sizeof *widths);
    double max_w = avail;
    size_t rows = legend_flow(L, items, n, max_w, labels, widths);
    for (int cols = 2; rows > max_rows && cols <= 4; cols++)
        rows = legend_flow(L, items, n, max_w = avail / cols - LEGEND_GAP, labels, widths);
    size_t shown = n;
    legend_item more = {NULL, {0, 0, 0, 0}, 0};
    while (rows > max_rows && shown > 1) {
        shown--;
        more.label = arena_printf(&L->s->a, word(L, "more"), n - shown + 1);
        legend_item last = items[shown - 1];
        items[shown - 1] = more;
        rows = legend_flow(L, items, shown, max_w, labels, widths);
        items[shown - 1] = last;
    }
    double y = bottom - (double)(rows - 1) * LEGEND_ROW, x = 0;
    for (size_t i = 0; i < shown; i++) {
        if (x > 0 && x + widths[i] > avail) {
            y += LEGEND_ROW;
            x = 0;
        }
        int is_more = shown < n && i == shown - 1;
        if (items[i].dot && !is_more)
            pub_dot(L, MKP_ROLE_LEGEND, MARGIN + x + LEGEND_SWATCH / 2, y - LEGEND_SWATCH / 2, DOT_R, -1, -1, 0);
        else if (!is_more)
            rect(L, MKP_ROLE_LEGEND, MARGIN + x, y - LEGEND_SWATCH, LEGEND_SWATCH, LEGEND_SWATCH, items[i].color,
                 (int)i, -1, 0);
        text(L, MKP_ROLE_LEGEND, labels[i], MARGIN + x + LEGEND_SWATCH + 4, y, TEXT_SIZE, 0, MKP_ANCHOR_START, INK);
        x += widths[i] + LEGEND_GAP;
    }
    return bottom - (double)rows * LEGEND_ROW - 4;
}

/* ---- value axis --------------------------------------------------------- */

typedef struct axis {
    double lo, hi, step;
    int decimals;
    int zoomed;                     /* starts above zero: the foot is broken, no zero line */
} axis;

static double series_value(const mkp_figure *f, size_t s, size_t c)
{
    double v = f->series[s].values[c];
    return isfinite(v) ? v : 0;
}

static axis make_axis(double lo, double hi, int ticks)
{
    axis a;
    a.step = chart_nice_step(lo < 0 ? lo : 0, hi > 0 ? hi : 0, ticks, &a.lo, &a.hi);
    a.decimals = a.step >= 1 ? 0 : (int)ceil(-log10(a.step) - 1e-9);
    a.zoomed = 0;
    return a;
}

/* A line chart's axis: zoomed to its values when they are far from zero
 * (chart_zoom_axis), else from zero as every other chart. */
static axis line_axis(const mkp_figure *f)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t s = 0; s < f->n_series; s++)
        for (size_t c = 0; c < f->n_categories; c++) {
            double v = series_value(f, s, c);
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
    axis a = make_axis(lo < 0 ? lo : 0, hi > 0 ? hi : 0, 5);
    double zlo, zhi, step = chart_zoom_axis(lo, hi, 7, &zlo, &zhi);
    if (step > 0) {
        a.lo = zlo;
        a.hi = zhi;
        a.step = step;
        a.decimals = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
        a.zoomed = 1;
    }
    return a;
}

static int is_zero(const axis *a, double v)
{
    return fabs(v) < a->step * 1e-9;
}

static void tick_label(lay *L, const axis *a, double v, char *buf, size_t cap)
{
    format_value(L, buf, cap, is_zero(a, v) ? 0 : v, a->decimals);
}

static double axis_label_width(lay *L, const axis *a)
{
    char buf[64];
    double w = 0;
    int k = 0;
    for (double v = a->lo; v <= a->hi + a->step * 1e-9 && k < MAX_TICKS; v += a->step, k++) {
        tick_label(L, a, v, buf, sizeof buf);
        double m = measure(L, buf, SMALL_SIZE, 0);
        w = m > w ? m : w;
    }
    return w;
}

/* The label sizes at which `buf` fits `max_w` and is no larger than
 * `max_size`: bit k for label_sizes[k]. */
static unsigned fit_mask(lay *L, const char *buf, double max_w, double max_size, int bold)
{
    unsigned mask = 0;
    for (size_t k = 0; k < N_SIZES; k++)
        if (label_sizes[k] <= max_size + 1e-9 && measure(L, buf, label_sizes[k], bold) <= max_w)
            mask |= 1u << k;
    return mask;
}

/* A label site met while laying out.  Deciding, it notes the sizes that
 * fit and shows nothing; otherwise it returns the decided size when the
 * site is labelled and the label also fits here (always so on a canvas at
 * least as large as the one decided on, with fonts no wider than the
 * engine's metrics), else 0. */
static double label_site(lay *L, int role, size_t series, size_t cat, unsigned mask)
{
    plan *pl = L->pl;
    size_t at = series * pl->nc + cat;
    if (L->deciding) {
        pl->fits[at] = (unsigned char)mask;
        pl->role[at] = (unsigned char)role;
        return 0;
    }
    double size = pl->size[role];
    if (!pl->shown[at] || size <= 0)
        return 0;
    for (size_t k = 0; k < N_SIZES; k++)
        if (label_sizes[k] == size)
            return mask & (1u << k) ? size : 0;
    return 0;
}

/* ---- vertical charts: BAR, STACKED, PERCENT, LINE -------------------------- */

typedef struct vplot {
    axis a;
    double left, right, top, bottom, band, scale;
} vplot;

static double vpos(const vplot *P, double v)
{
    return P->bottom - (v - P->a.lo) * P->scale;
}

/* A value axis that does not start at zero says so: its line on the left
 * ends in a zig-zag just above its foot, where zero would have been. */
static void axis_break(lay *L, const vplot *P)
{
    double x = P->left, b = P->bottom;
    line(L, MKP_ROLE_AXIS, x, P->top, x, b - 8, AXIS, 0.8);
    static const double zig[][2] = {{0, -8}, {-2.5, -6.5}, {2.5, -4.5}, {-2.5, -2.5}, {0, -1}, {0, 0}};
    double *pts = arena_array(&L->s->a, 2 * 6, sizeof *pts);
    for (size_t i = 0; i < 6; i++) {
        pts[2 * i] = x + zig[i][0];
        pts[2 * i + 1] = b + zig[i][1];
    }
    mkp_prim *p = add(L, MKP_PRIM_PATH, MKP_ROLE_AXIS);
    p->points = pts;
    p->n_points = 6;
    p->stroke = AXIS;
    p->line_width = 0.8;
}

/* Gridlines, tick labels and category labels (thinned to every k-th when
 * they would touch). */
static void vertical_axes(lay *L, const vplot *P)
{
    const mkp_figure *f = L->f;
    char buf[64];
    int k = 0;
    if (P->a.zoomed)
        axis_break(L, P);
    for (double v = P->a.lo; v <= P->a.hi + P->a.step * 1e-9 && k < MAX_TICKS; v += P->a.step, k++) {
        double y = vpos(P, v);
        int zero = is_zero(&P->a, v);
        line(L, zero ? MKP_ROLE_AXIS : MKP_ROLE_GRID, P->left, y, P->right, y, zero ? AXIS : GRID, zero ? 0.8 : 0.5);
        tick_label(L, &P->a, v, buf, sizeof buf);
        text(L, MKP_ROLE_AXIS, buf, P->left - 5, y + SMALL_SIZE * 0.35, SMALL_SIZE, 0, MKP_ANCHOR_END, GREY);
    }
    size_t nc = f->n_categories;
    double widest = 0;
    for (size_t c = 0; c < nc; c++) {
        double m = measure(L, txt(L, &f->categories[c]), SMALL_SIZE, 0);
        widest = m > widest ? m : widest;
    }
    size_t every = 1;
    while (every < nc && widest + 4 > P->band * (double)every)
        every++;
    for (size_t c = 0; c < nc; c += every) {
        const char *lab = ellipsize(L, txt(L, &f->categories[c]), P->band * (double)every - 4, SMALL_SIZE, 0);
        mkp_prim *p = text(L, MKP_ROLE_CATEGORY_LABEL, lab, P->left + P->band * ((double)c + 0.5),
                           P->bottom + SMALL_SIZE + 4, SMALL_SIZE, 0, MKP_ANCHOR_MIDDLE, INK);
        p->category = (int)c;
    }
}

/* A value label centred at x with its baseline at y. */
static void value_label(lay *L, const char *buf, double x, double y, double size, int bold, mkp_anchor anchor,
                        mkp_color c, int series, int cat, double v)
{
    mkp_prim *p = text(L, MKP_ROLE_VALUE_LABEL, buf, x, y, size, bold, anchor, c);
    p->series = series;
    p->category = cat;
    p->value = v;
}

/* The last value of each line just past its end, in the order of the
 * ends (`order`), pushed apart so that no two touch and kept within the
 * plot.  All or none: more lines than the plot can label are named by the
 * legend alone. */
static void end_labels(lay *L, const vplot *P, const double *ends, const size_t *order, double end_x)
{
    const mkp_figure *f = L->f;
    size_t nc = f->n_categories, ns = f->n_series;
    unsigned mask = 0;
    for (size_t k = 0; k < N_SIZES; k++)
        if ((double)ns * (label_sizes[k] + 1) <= P->bottom - P->top + label_sizes[k])
            mask |= 1u << k;
    double size = 0;
    for (size_t s = 0; s < ns; s++) {
        double z = label_site(L, LBL_END, s, nc - 1, mask);
        size = s == 0 || z < size ? z : size; /* one size for all, or none */
    }
    if (size <= 0)
        return;
    double *ly = arena_array(&L->s->a, ns, sizeof *ly), pitch = size + 1;
    for (size_t i = 0; i < ns; i++) {
        ly[i] = ends[order[i]] + size * 0.35;
        if (i && ly[i] < ly[i - 1] + pitch)
            ly[i] = ly[i - 1] + pitch;
    }
    /* Pushed below the plot: shift the stack up, but not above the canvas. */
    double over = ns ? ly[ns - 1] - (P->bottom + size * 0.35) : 0;
    for (size_t i = 0; over > 0 && i < ns; i++)
        ly[i] -= over;
    char buf[64];
    for (size_t i = 0; i < ns; i++) {
        size_t s = order[i];
        double v = series_value(f, s, nc - 1);
        format_value(L, buf, sizeof buf, v, f->decimals);
        value_label(L, buf, end_x + 8, ly[i], size, is_anchor(f, s, nc - 1), MKP_ANCHOR_START, chart_color(s), (int)s,
                    (int)(nc - 1), v);
    }
}

/* LINE: one path per series, a dot per value (the published-marker dot on
 * published values) and the last value at the end of each line, pushed
 * apart so that no two labels touch. */
static void lines(lay *L, const vplot *P)
{
    const mkp_figure *f = L->f;
    size_t nc = f->n_categories, ns = f->n_series;
    double *ends = arena_array(&L->s->a, ns, sizeof *ends);
    double end_x = P->left + P->band * ((double)nc - 0.5);
    for (size_t s = 0; s < ns; s++) {
        mkp_color col = chart_color(s);
        double *pts = arena_array(&L->s->a, 2 * nc, sizeof *pts);
        for (size_t c = 0; c < nc; c++) {
            pts[2 * c] = P->left + P->band * ((double)c + 0.5);
            pts[2 * c + 1] = vpos(P, series_value(f, s, c));
        }
        mkp_prim *p = add(L, MKP_PRIM_PATH, MKP_ROLE_MARK);
        p->points = pts;
        p->n_points = nc;
        p->stroke = col;
        p->line_width = s == 0 ? 2.2 : 1.6;
        p->series = (int)s;
        for (size_t c = 0; c < nc; c++) {
            if (is_anchor(f, s, c)) {
                pub_dot(L, MKP_ROLE_MARK, pts[2 * c], pts[2 * c + 1], DOT_R + 0.4, (int)s, (int)c,
                        series_value(f, s, c));
                continue;
            }
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
    size_t *order = arena_array(&L->s->a, ns, sizeof *order);
    for (size_t s = 0; s < ns; s++)
        order[s] = s;
    for (size_t i = 1; i < ns; i++)
        for (size_t k = i; k > 0 && ends[order[k]] < ends[order[k - 1]]; k--) {
            size_t t = order[k];
            order[k] = order[k - 1];
            order[k - 1] = t;
        }
    end_labels(L, P, ends, order, end_x);
}

/* The label inside a stacked segment from y1 (top) to y0, when it has
 * one. */
static void segment_label(lay *L, double x, double bar_w, double y0, double y1, size_t s, size_t c, double v,
                          int bold, mkp_color col)
{
    char buf[64];
    format_value(L, buf, sizeof buf, v, L->f->decimals);
    unsigned mask = y0 - y1 >= MIN_LABEL_SIZE + 2 ? fit_mask(L, buf, bar_w - 3, y0 - y1 - 2, bold) : 0;
    double size = label_site(L, LBL_INSIDE, s, c, mask);
    if (size <= 0)
        return;
    double lum = 0.299 * col.r + 0.587 * col.g + 0.114 * col.b;
    value_label(L, buf, x + bar_w / 2, (y0 + y1) / 2 + size * 0.35, size, bold, MKP_ANCHOR_MIDDLE,
                lum < 140 ? WHITE : INK, (int)s, (int)c, v);
}

/* The value (BAR) or the total (STACKED) above a column. */
static void top_label(lay *L, const vplot *P, double x, double bar_w, size_t c, double v, int bold)
{
    const mkp_figure *f = L->f;
    int stacked = f->kind != MKP_CHART_BAR;
    char buf[64];
    format_value(L, buf, sizeof buf, v, f->decimals);
    double size = label_site(L, LBL_TOP, stacked ? f->n_series : 0, c, fit_mask(L, buf, P->band - 4, TEXT_SIZE, bold));
    if (size > 0)
        value_label(L, buf, x + bar_w / 2, vpos(P, v > 0 ? v : 0) - 3, size, bold, MKP_ANCHOR_MIDDLE, INK,
                    stacked ? -1 : 0, (int)c, v);
}

/* BAR, STACKED, PERCENT: columns, with values inside stacked segments that
 * fit and the value (BAR) or the total (STACKED) above each column.  Shares
 * shown on a PERCENT chart are rounded so that a column adds up to 100. */
static void columns(lay *L, const vplot *P)
{
    const mkp_figure *f = L->f;
    size_t nc = f->n_categories, ns = f->n_series;
    int stacked = f->kind != MKP_CHART_BAR;
    double bar_w = P->band * (nc > 8 ? 0.72 : nc > 3 ? 0.62 : 0.45), gap = (P->band - bar_w) / 2;
    double *shown = arena_array(&L->s->a, ns, sizeof *shown), *fr = arena_array(&L->s->a, ns, sizeof *fr);
    for (size_t c = 0; c < nc; c++) {
        double x = P->left + P->band * (double)c + gap, pos = 0;
        for (size_t s = 0; s < ns; s++)
            fr[s] = shown[s] = series_value(f, s, c);
        if (f->kind == MKP_CHART_PERCENT) {
            for (size_t s = 0; s < ns; s++)
                fr[s] /= 100.0;
            fmt_round_shares(fr, ns, f->decimals, shown);
        }
        for (size_t s = 0; s < ns; s++) {
            double v = series_value(f, s, c);
            double base = stacked ? pos : 0;
            double y0 = vpos(P, base), y1 = vpos(P, base + (v > 0 ? v : 0));
            int anchor = f->kind != MKP_CHART_PERCENT && is_anchor(f, s, c);
            mkp_color col = chart_color(s);
            if (!stacked && ns == 1) /* the market: each kind of value in its colour */
                col = class_color(value_class(f, s, c));
            rect(L, MKP_ROLE_MARK, x, y1, bar_w, y0 - y1, col, (int)s, (int)c, v);
            if (!stacked)
                continue;
            pos += v > 0 ? v : 0;
            /* Beside the column, in the gap to the next one (inside, it
             * would cover the label); narrow gaps get a smaller dot, and none
             * leaves only the bold label to say it. */
            double r = 2 * gap >= 2 * DOT_R + 3 ? DOT_R : 2 * gap >= 5 ? (2 * gap - 1.5) / 2 : 0;
            if (anchor && r > 0)
                pub_dot(L, MKP_ROLE_MARK, x + bar_w + r + 0.75, (y0 + y1) / 2, r, (int)s, (int)c, v);
            segment_label(L, x, bar_w, y0, y1, s, c, shown[s], anchor, col);
        }
        if (f->kind != MKP_CHART_PERCENT)
            top_label(L, P, x, bar_w, c, stacked ? pos : series_value(f, 0, c), !stacked && is_anchor(f, 0, c));
    }
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
    vplot P;
    P.a = f->kind == MKP_CHART_LINE ? line_axis(f) : make_axis(lo, hi, 5);
    P.left = MARGIN + axis_label_width(L, &P.a) + 6;
    P.right = L->w - MARGIN;
    if (f->kind == MKP_CHART_LINE) {
        /* Room at the right for the end-of-line labels, which start just
         * past the last point, half a band inside the plot. */
        char buf[64];
        double wmax = 0;
        for (size_t s = 0; s < ns; s++) {
            format_value(L, buf, sizeof buf, series_value(f, s, nc - 1), f->decimals);
            double m = measure(L, buf, TEXT_SIZE, is_anchor(f, s, nc - 1));
            wmax = m > wmax ? m : wmax;
        }
        double k = 1.0 / (2.0 * (double)nc);
        double r = (L->w - MARGIN - 8 - wmax - P.left * k) / (1 - k);
        P.right = r < P.right ? r : P.right;
    }
    P.top = top + (f->kind == MKP_CHART_PERCENT ? SMALL_SIZE : TEXT_SIZE + 4);
    P.bottom = bottom - (SMALL_SIZE + 8);
    if (P.bottom - P.top < 20)
        P.bottom = P.top + 20;
    P.scale = (P.bottom - P.top) / (P.a.hi - P.a.lo);
    P.band = (P.right - P.left) / (double)nc;
    vertical_axes(L, &P);
    if (f->kind == MKP_CHART_LINE)
        lines(L, &P);
    else
        columns(L, &P);
}

/* ---- horizontal charts: HBAR, HBAR_GROUPED ----------------------------- */

static int new_group(lay *L, size_t c)
{
    const mkp_figure *f = L->f;
    return f->category_groups &&
           (c == 0 || strcmp(txt(L, &f->category_groups[c]), txt(L, &f->category_groups[c - 1])) != 0);
}

/* Category c's label at x in the row of height row_h from y, at most width
 * wide: on two lines when it is wider and splits, else on one, cut with an
 * ellipsis when it must be. */
static void row_label(lay *L, size_t c, double x, double y, double row_h, double width, double lab_size)
{
    const char *full = capped(L, txt(L, &L->f->categories[c]));
    split two;
    if (measure(L, full, lab_size, 0) > width && split_label(L, full, width, row_h, lab_size, &two)) {
        double lead = two.size * 1.1, mid = y + row_h * 0.5 + two.size * 0.35;
        for (int ln = 0; ln < 2; ln++) {
            mkp_prim *p = text(L, MKP_ROLE_CATEGORY_LABEL, two.line[ln], x, mid + (ln ? 0.5 : -0.5) * lead, two.size,
                               0, MKP_ANCHOR_START, INK);
            p->category = (int)c;
        }
    } else {
        const char *lab = ellipsize(L, full, width, lab_size, 0);
        mkp_prim *p = text(L, MKP_ROLE_CATEGORY_LABEL, lab, x, y + row_h * 0.5 + lab_size * 0.35, lab_size, 0,
                           MKP_ANCHOR_START, INK);
        p->category = (int)c;
    }
}

static void horizontal(lay *L, double top, double bottom)
{
    const mkp_figure *f = L->f;
    size_t nc = f->n_categories, ns = f->n_series;
    /* Rows: categories, plus a heading row where the group changes. */
    size_t rows = nc;
    for (size_t c = 0; c < nc; c++)
        rows += (size_t)new_group(L, c);
    double lo = 0, hi = 0;
    for (size_t s = 0; s < ns; s++)
        for (size_t c = 0; c < nc; c++) {
            double v = series_value(f, s, c);
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
    axis a = make_axis(lo, hi, 5);
    char buf[64];
    /* Labels shrink with the rows so that twenty or more still fit; a few
     * categories make slim bars, not slabs. */
    double plot_bottom = bottom - (SMALL_SIZE + 8);
    double row_h = (plot_bottom - top) / (double)(rows ? rows : 1);
    double lab_size = snap_size(row_h * 0.8 < TEXT_SIZE ? row_h * 0.8 : TEXT_SIZE);
    lab_size = lab_size < 4 ? 4 : lab_size;
    double bar_h = row_h * (ns > 1 ? 0.8 : 0.7) / (double)ns;
    bar_h = bar_h > 20 ? 20 : bar_h;
    /* Beside its bar, a label takes no more height than the bar: sizes
     * up to SMALL_SIZE that the bars leave room for. */
    unsigned val_mask = 0;
    for (size_t k = 0; k < N_SIZES; k++)
        if (label_sizes[k] <= SMALL_SIZE + 1e-9 && label_sizes[k] <= bar_h + 1e-9)
            val_mask |= 1u << k;
    double val_size = L->deciding ? snap_size(bar_h < SMALL_SIZE ? bar_h : SMALL_SIZE) : L->pl->size[LBL_BAR];
    double indent = f->category_groups ? 8 : 0, label_w = 0;
    for (size_t c = 0; c < nc; c++) {
        double m = measure(L, txt(L, &f->categories[c]), lab_size, 0) + indent;
        label_w = m > label_w ? m : label_w;
    }
    double max_label = (L->w - 2 * MARGIN) * 0.38;
    label_w = label_w > max_label ? max_label : label_w;
    double val_w = 0;
    for (size_t s = 0; val_size >= MIN_LABEL_SIZE - 1e-9 && s < ns; s++)
        for (size_t c = 0; c < nc; c++) {
            format_value(L, buf, sizeof buf, series_value(f, s, c), f->decimals);
            double m = measure(L, buf, val_size, is_anchor(f, s, c));
            val_w = m > val_w ? m : val_w;
        }
    double left = MARGIN + label_w + 6, right = L->w - MARGIN - val_w - 6;
    /* the last tick's label is centred on the plot's end: room for its half */
    tick_label(L, &a, a.hi, buf, sizeof buf);
    double tick_half = measure(L, buf, SMALL_SIZE, 0) / 2;
    right = right < L->w - MARGIN - tick_half ? right : L->w - MARGIN - tick_half;
    if (a.lo < 0)
        left += val_w + 6; /* negative bars carry their labels on the left */
    double scale = (right - left) / (a.hi - a.lo);
#define XPOS(v) (left + ((v)-a.lo) * scale)
    int k = 0;
    for (double v = a.lo; v <= a.hi + a.step * 1e-9 && k < MAX_TICKS; v += a.step, k++) {
        double x = XPOS(v);
        int zero = is_zero(&a, v);
        line(L, zero ? MKP_ROLE_AXIS : MKP_ROLE_GRID, x, top, x, plot_bottom, zero ? AXIS : GRID, zero ? 0.8 : 0.5);
        tick_label(L, &a, v, buf, sizeof buf);
        text(L, MKP_ROLE_AXIS, buf, x, plot_bottom + SMALL_SIZE + 4, SMALL_SIZE, 0, MKP_ANCHOR_MIDDLE, GREY);
    }
    double y = top;
    for (size_t c = 0; c < nc; c++) {
        if (new_group(L, c)) {
            const char *g = ellipsize(L, txt(L, &f->category_groups[c]), L->w - 2 * MARGIN, lab_size, 1);
            text(L, MKP_ROLE_CATEGORY_LABEL, g, MARGIN, y + row_h * 0.5 + lab_size * 0.35, lab_size, 1,
                 MKP_ANCHOR_START, INK);
            y += row_h;
        }
        row_label(L, c, MARGIN + indent, y, row_h, label_w - indent, lab_size);
        double by = y + (row_h - bar_h * (double)ns) / 2;
        for (size_t s = 0; s < ns; s++, by += bar_h) {
            double v = series_value(f, s, c);
            double x0 = XPOS(v < 0 ? v : 0), x1 = XPOS(v > 0 ? v : 0);
            int anchor = is_anchor(f, s, c);
            rect(L, MKP_ROLE_MARK, x0, by, x1 - x0, bar_h * 0.9, chart_color(ns == 1 ? 0 : s), (int)s, (int)c, v);
            if (anchor && x1 - x0 > 3 * DOT_R + 2)
                pub_dot(L, MKP_ROLE_MARK, v < 0 ? x0 + DOT_R + 1.5 : x1 - DOT_R - 1.5, by + bar_h * 0.45, DOT_R, (int)s,
                        (int)c, v);
            /* too many bars for readable labels: the bars and axis still tell */
            double size = label_site(L, LBL_BAR, s, c, val_mask);
            if (size <= 0)
                continue;
            format_value(L, buf, sizeof buf, v, f->decimals);
            value_label(L, buf, v < 0 ? x0 - 3 : x1 + 3, by + bar_h * 0.45 + size * 0.35, size, anchor,
                        v < 0 ? MKP_ANCHOR_END : MKP_ANCHOR_START, INK, (int)s, (int)c, v);
        }
        y += row_h;
    }
#undef XPOS
}

/* ---- entry points --------------------------------------------------------- */

/* Any published value among the series (the market chart says so with its
 * colours instead). */
static int shows_anchors(const mkp_figure *f)
{
    if (f->kind == MKP_CHART_PERCENT || (f->kind == MKP_CHART_BAR && f->n_series == 1))
        return 0;
    for (size_t s = 0; s < f->n_series; s++)
        for (size_t c = 0; c < f->n_categories; c++)
            if (is_anchor(f, s, c))
                return 1;
    return 0;
}

/* The legend word of a kind of value: the label "class-<its name>". */
static const char *class_word(lay *L, mkp_value_class c)
{
    char key[32];
    snprintf(key, sizeof key, "class-%s", mkp_value_class_name(c));
    const char *w = fmt_label(L->lang, key);
    return w ? w : mkp_value_class_name(c);
}

/* The market chart's legend: one entry per kind of value it shows, when
 * it shows more than estimates alone. */
static size_t class_legend(lay *L, legend_item *items)
{
    int present[MKP_VALUE_CLASSES] = {0}, kinds = 0;
    for (size_t c = 0; c < L->f->n_categories; c++)
        present[value_class(L->f, 0, c)] = 1;
    for (int k = 0; k < MKP_VALUE_CLASSES; k++)
        kinds += present[k];
    if (kinds == 0 || (kinds == 1 && present[MKP_VALUE_ESTIMATE]))
        return 0;
    size_t n = 0;
    for (int k = 0; k < MKP_VALUE_CLASSES; k++)
        if (present[k])
            items[n++] = (legend_item){class_word(L, (mkp_value_class)k), class_color((mkp_value_class)k), 0};
    return n;
}

/* One entry per series, or per kind of value for the market, plus the
 * published-value marker where one is drawn. */
static double chart_legend(lay *L, double top, double bottom)
{
    const mkp_figure *f = L->f;
    const char *published = class_word(L, MKP_VALUE_PUBLISHED);
    legend_item *items = arena_array(&L->s->a, f->n_series + MKP_VALUE_CLASSES + 1, sizeof *items);
    size_t n = 0;
    if (f->kind == MKP_CHART_BAR && f->n_series == 1) {
        n = class_legend(L, items);
    } else if (f->n_series > 1) {
        for (size_t i = 0; i < f->n_series; i++)
            items[n++] = (legend_item){txt(L, f->series[i].name), chart_color(i), 0};
    }
    if (shows_anchors(f))
        items[n++] = (legend_item){published, INK, 1};
    /* The legend may take two fifths of the room left for the plot. */
    double room = (bottom - top) * 0.4 / LEGEND_ROW;
    return legend(L, items, n, bottom, room >= 1 ? (size_t)room : 1);
}

/* One layout of the figure on a width x height canvas, with `pl` to fill
 * (deciding) or to follow. */
static const mkp_scene *layout_once(const mkp_figure *f, const char *lang, double width, double height,
                                    mkp_measure_fn measure_fn, void *ctx, plan *pl, int deciding)
{
    scene_owner *s = xcalloc(1, sizeof *s);
    arena_init(&s->a);
    s->pub.width = width;
    s->pub.height = height;
    s->pub.prim_size = sizeof(mkp_prim);
    lay L = {s, f, lang ? lang : "en", measure_fn, ctx, width, height, pl, deciding};
    rect(&L, MKP_ROLE_BACKGROUND, 0, 0, width, height, WHITE, -1, -1, 0);
    double top = header(&L);
    double bottom = chart_legend(&L, top, footer(&L));
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

/* ---- the label decision ------------------------------------------------------ */

static void plan_init(plan *pl, const mkp_figure *f)
{
    memset(pl, 0, sizeof *pl);
    pl->nc = f->n_categories;
    pl->ns = f->n_series;
    size_t n = (pl->ns + 1) * (pl->nc ? pl->nc : 1);
    pl->fits = xcalloc(n, 1);
    pl->role = xmalloc(n);
    memset(pl->role, 0xff, n);
    pl->shown = xcalloc(n, 1);
}

static void plan_free(plan *pl)
{
    free(pl->fits);
    free(pl->role);
    free(pl->shown);
}

/* Per kind of label, the size that shows the most of them (the larger on
 * a tie), and the sites that fit at that size. */
static void plan_choose(plan *pl)
{
    size_t n = (pl->ns + 1) * (pl->nc ? pl->nc : 1);
    for (int r = 0; r < LBL_ROLES; r++) {
        size_t best = 0, best_k = 0;
        for (size_t k = 0; k < N_SIZES; k++) {
            size_t count = 0;
            for (size_t i = 0; i < n; i++)
                count += pl->role[i] == r && (pl->fits[i] & (1u << k));
            if (count > best) {
                best = count;
                best_k = k;
            }
        }
        pl->size[r] = best ? label_sizes[best_k] : 0;
        for (size_t i = 0; best && i < n; i++)
            if (pl->role[i] == r)
                pl->shown[i] = (pl->fits[i] & (1u << best_k)) != 0;
    }
}

/* The smallest text of a scene but its title. */
static double smallest_text(const mkp_scene *s)
{
    double m = 1e9;
    for (size_t i = 0; i < s->n; i++) {
        const mkp_prim *p = &s->prims[i];
        if (p->kind == MKP_PRIM_TEXT && p->text && *p->text && p->role != MKP_ROLE_TITLE && p->font_size > 0)
            m = p->font_size < m ? p->font_size : m;
    }
    return m;
}

/* Decides the labels on a width x height canvas with the engine's own
 * metrics (chart_ref_measure), whoever will draw the chart; returns the
 * smallest text of that layout. */
static double decide(const mkp_figure *f, const char *lang, double width, double height, plan *pl)
{
    plan_init(pl, f);
    const mkp_scene *sc = layout_once(f, lang, width, height, chart_ref_measure, NULL, pl, 1);
    double small = smallest_text(sc);
    chart_scene_free(sc);
    plan_choose(pl);
    return small;
}

/* The house's figure box on A4: its text width (595.28 pt less two 62 pt
 * margins) by 0.56 of it, horizontal charts growing with their rows, at
 * most the page less its caption (841.89 pt less 78 and 70 of margins and
 * 60 for the caption). */
#define REF_WIDTH 471.0
#define REF_MAX_HEIGHT 633.0

static int horizontal_kind(const mkp_figure *f)
{
    return f->kind == MKP_CHART_HBAR || f->kind == MKP_CHART_HBAR_GROUPED;
}

static double house_height(const mkp_figure *f)
{
    double h = REF_WIDTH * 0.56;
    if (horizontal_kind(f)) {
        double want = 90 + (f->kind == MKP_CHART_HBAR_GROUPED ? 22 : 15) * (double)f->n_categories;
        h = want > h ? want : h;
    }
    return h < REF_MAX_HEIGHT ? h : REF_MAX_HEIGHT;
}

/* The reference canvas and its decision: the house's box, grown by 8% at
 * a time (as far as a page allows) while its text would be below 6.5 pt
 * or its bars too thin for labels, as the PDF grows such a chart. */
static void reference(const mkp_figure *f, const char *lang, double *width, double *height, plan *pl)
{
    double h = house_height(f);
    for (;;) {
        double small = decide(f, lang, REF_WIDTH, h, pl);
        int thin = horizontal_kind(f) && pl->size[LBL_BAR] <= 0;
        if ((small >= MIN_LABEL_SIZE - 1e-9 && !thin) || h >= REF_MAX_HEIGHT)
            break;
        plan_free(pl);
        h = h * 1.08 < REF_MAX_HEIGHT ? h * 1.08 : REF_MAX_HEIGHT;
    }
    *width = REF_WIDTH;
    *height = h;
}

void chart_reference(const mkp_figure *f, const char *lang, double *width, double *height)
{
    *width = *height = 0;
    if (!f)
        return;
    plan pl;
    reference(f, lang, width, height, &pl);
    plan_free(&pl);
}

/* The labels are those of the reference canvas on any canvas at least as
 * large; a smaller one decides on its own size (at most the reference's
 * in each direction), and labels fewer values. */
const mkp_scene *chart_layout(const mkp_figure *f, const char *lang, double width, double height,
                              mkp_measure_fn measure_fn, void *ctx)
{
    if (!f || !measure_fn || !(width > 0) || !(height > 0))
        return NULL;
    plan pl;
    double rw, rh;
    reference(f, lang, &rw, &rh, &pl);
    if (width < rw || height < rh) {
        plan_free(&pl);
        decide(f, lang, width < rw ? width : rw, height < rh ? height : rh, &pl);
    }
    const mkp_scene *sc = layout_once(f, lang, width, height, measure_fn, ctx, &pl, 0);
    plan_free(&pl);
    return sc;
}

void chart_scene_free(const mkp_scene *scene)
{
    if (!scene)
        return;
    /* The scene is the host's own: it made it writable and hands it out
     * const; the round trip through an integer says so without a cast that
     * drops const. */
    scene_owner *s = (scene_owner *)(uintptr_t)scene;
    arena_free(&s->a);
    free(s);
}
