/* svg.c - a chart scene as a standalone SVG 1.1 document: the shapes as
 * SVG elements in the scene's order, then every text as glyph outlines
 * in the host's fonts (fonts.c), each outline once per document in font
 * units and placed with <use> at the advances measure() counted.  Numbers
 * are written by hand, never by printf, and ids depend only on the font
 * and the glyph, so the same scene gives the same bytes in any process.
 * The layout never draws a shape over a text, which is what lets all the
 * text come after the shapes.  The svg plugin writes its files with this,
 * and so may any other plugin (host->scene_svg). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "chart/fonts.h"
#include "marketpress/text.h"

static void put_str(strbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

/* A number with at most `decimals` decimals, trailing zeros dropped.  A
 * value no chart has (not finite, beyond 1e12) is written as 0 or as that
 * bound, so that it still converts to an integer. */
static void put_num(strbuf *b, double v, int decimals)
{
    long scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    if (!isfinite(v))
        v = 0;
    v = v > 1e12 ? 1e12 : v < -1e12 ? -1e12 : v;
    double r = round(v * scale);
    if (r == 0) {
        sb_add(b, "0", 1);
        return;
    }
    if (r < 0) {
        sb_add(b, "-", 1);
        r = -r;
    }
    long whole = (long)(r / scale), frac = (long)(r - (double)whole * scale);
    sb_long(b, whole);
    if (!frac)
        return;
    char tmp[24];
    int n = decimals;
    while (frac % 10 == 0) {
        frac /= 10;
        n--;
    }
    tmp[0] = '.';
    for (int i = n; i >= 1; i--, frac /= 10)
        tmp[i] = (char)('0' + frac % 10);
    sb_add(b, tmp, (size_t)n + 1);
}

/* ` name="v"` */
static void put_attr_num(strbuf *b, const char *name, double v)
{
    sb_add(b, " ", 1);
    put_str(b, name);
    sb_add(b, "=\"", 2);
    put_num(b, v, 3);
    sb_add(b, "\"", 1);
}

/* Text as XML 1.0 can hold it: the four markup characters as entities, C0
 * controls other than tab and newline as a space, U+FFFE, U+FFFF and bytes
 * that are not UTF-8 as U+FFFD. */
static void put_escaped(strbuf *b, const char *t)
{
    size_t len = strlen(t), i = 0, run = 0;
    while (i < len) {
        size_t at = i;
        uint32_t c = mkp_utf8_next(t, len, &i);
        const char *rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : NULL;
        if (!rep && c < 0x20 && c != '\t' && c != '\n')
            rep = " ";
        else if (!rep && (c == 0xFFFE || c == 0xFFFF || (c == 0xFFFD && i == at + 1)))
            rep = "\xEF\xBF\xBD";
        if (rep) {
            sb_add(b, t + run, at - run);
            put_str(b, rep);
            run = i;
        }
    }
    sb_add(b, t + run, len - run);
}

/* The id prefix as an id may hold it: what is not [A-Za-z0-9_-] is left out. */
static void put_prefix(strbuf *b, const char *prefix)
{
    for (const char *c = prefix ? prefix : ""; *c; c++)
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_' ||
            *c == '-')
            sb_add(b, c, 1);
}

/* ` fill="#rrggbb"` (or stroke), with its opacity when not opaque. */
static void put_color(strbuf *b, const char *attr, mkp_color c)
{
    static const char hex[] = "0123456789abcdef";
    char v[6] = {hex[c.r >> 4], hex[c.r & 15], hex[c.g >> 4], hex[c.g & 15], hex[c.b >> 4], hex[c.b & 15]};
    sb_add(b, " ", 1);
    put_str(b, attr);
    sb_add(b, "=\"#", 3);
    sb_add(b, v, 6);
    sb_add(b, "\"", 1);
    if (c.a != 255) {
        sb_add(b, " ", 1);
        put_str(b, attr);
        put_str(b, "-opacity=\"");
        put_num(b, c.a / 255.0, 3);
        sb_add(b, "\"", 1);
    }
}

/* ---- shapes ------------------------------------------------------------- */

/* The paint of a shape: its fill (or none: SVG's default is black) and
 * its stroke, as cairo paints a path, fill first. */
static void put_paint(strbuf *b, const mkp_prim *p, int fillable)
{
    if (fillable && p->fill.a)
        put_color(b, "fill", p->fill);
    else if (fillable)
        put_str(b, " fill=\"none\"");
    if (p->stroke.a) {
        put_color(b, "stroke", p->stroke);
        put_attr_num(b, "stroke-width", p->line_width > 0 ? p->line_width : 1);
    }
    put_str(b, "/>\n");
}

static void put_point(strbuf *b, char cmd, double x, double y)
{
    sb_add(b, &cmd, 1);
    put_num(b, x, 3);
    sb_add(b, " ", 1);
    put_num(b, y, 3);
}

/* A rectangle of any sign, as cairo_rectangle takes it: an SVG <rect>
 * may have neither a negative nor a zero side, a path may. */
static void put_rect(strbuf *b, const mkp_prim *p)
{
    double x = p->w < 0 ? p->x + p->w : p->x, y = p->h < 0 ? p->y + p->h : p->y;
    double w = fabs(p->w), h = fabs(p->h);
    if (w > 0 && h > 0) {
        put_str(b, "<rect");
        put_attr_num(b, "x", x);
        put_attr_num(b, "y", y);
        put_attr_num(b, "width", w);
        put_attr_num(b, "height", h);
    } else {
        put_str(b, "<path d=\"");
        put_point(b, 'M', x, y);
        put_point(b, 'L', x + w, y);
        put_point(b, 'L', x + w, y + h);
        put_point(b, 'L', x, y + h);
        put_str(b, "Z\"");
    }
    put_paint(b, p, 1);
}

static void put_shape(strbuf *b, const mkp_prim *p)
{
    if (!p->fill.a && !p->stroke.a)
        return; /* paints nothing */
    switch (p->kind) {
    case MKP_PRIM_RECT:
        put_rect(b, p);
        return;
    case MKP_PRIM_LINE:
        put_str(b, "<line");
        put_attr_num(b, "x1", p->x);
        put_attr_num(b, "y1", p->y);
        put_attr_num(b, "x2", p->x2);
        put_attr_num(b, "y2", p->y2);
        put_paint(b, p, 0);
        return;
    case MKP_PRIM_PATH:
        if (!p->n_points || !p->points)
            return;
        put_str(b, "<path d=\"");
        for (size_t k = 0; k < p->n_points; k++)
            put_point(b, k ? 'L' : 'M', p->points[2 * k], p->points[2 * k + 1]);
        put_str(b, p->closed ? "Z\"" : "\"");
        put_paint(b, p, 1);
        return;
    case MKP_PRIM_CIRCLE:
        if (!(fabs(p->w) > 0))
            return;
        put_str(b, "<circle");
        put_attr_num(b, "cx", p->x);
        put_attr_num(b, "cy", p->y);
        put_attr_num(b, "r", fabs(p->w));
        put_paint(b, p, 1);
        return;
    case MKP_PRIM_TEXT:
        return;
    }
}

/* ---- text --------------------------------------------------------------- */

static int drawn_text(const mkp_prim *p)
{
    return p->kind == MKP_PRIM_TEXT && p->text && *p->text && p->fill.a;
}

/* What a text is for, where a reader (or a stylesheet) wants to know; a
 * value label also says whose value it is and the model's number behind
 * it, so that a screen reader or a test can tell it from an axis tick. */
static void put_role(strbuf *b, const mkp_prim *p)
{
    static const char *const names[] = {
        [MKP_ROLE_TITLE] = "title", [MKP_ROLE_AXIS] = "axis",       [MKP_ROLE_VALUE_LABEL] = "value-label",
        [MKP_ROLE_LEGEND] = "legend", [MKP_ROLE_CATEGORY_LABEL] = "category", [MKP_ROLE_NOTE] = "note",
    };
    const char *name = (unsigned)p->role < sizeof names / sizeof names[0] ? names[p->role] : NULL;
    if (!name)
        return;
    put_str(b, " class=\"");
    put_str(b, name);
    put_str(b, "\"");
    if (p->role != MKP_ROLE_VALUE_LABEL)
        return;
    put_str(b, " data-series=\"");
    sb_long(b, p->series);
    put_str(b, "\" data-category=\"");
    sb_long(b, p->category);
    put_str(b, "\" data-value=\"");
    put_num(b, p->value, 6);
    put_str(b, "\"");
}

typedef struct writer {
    mkp_fonts *fs;
    const char *prefix;
    unsigned doc;
    strbuf defs, body;
    mkp_glyph *g;                   /* scratch for one text's glyphs */
    size_t cap;
} writer;

/* `<use>` of one glyph `at` font units into its run; its outline goes
 * into <defs> the first time the document uses it. */
static void put_glyph(writer *w, const mkp_glyph *g, double at)
{
    const char *d = chart_fonts_outline(w->fs, g->face, g->index);
    if (!*d)
        return; /* a space: its advance is all there is */
    if (chart_fonts_first_use(w->fs, g->face, g->index, w->doc)) {
        put_str(&w->defs, "<path id=\"");
        put_prefix(&w->defs, w->prefix);
        put_str(&w->defs, "t");
        sb_long(&w->defs, g->face);
        sb_add(&w->defs, "-", 1);
        sb_long(&w->defs, (long)g->index);
        put_str(&w->defs, "\" d=\"");
        put_str(&w->defs, d);
        put_str(&w->defs, "\"/>\n");
    }
    put_str(&w->body, "<use xlink:href=\"#");
    put_prefix(&w->body, w->prefix);
    put_str(&w->body, "t");
    sb_long(&w->body, g->face);
    sb_add(&w->body, "-", 1);
    sb_long(&w->body, (long)g->index);
    if (at != 0) {
        put_str(&w->body, "\" x=\"");
        put_num(&w->body, at, 2);
    }
    put_str(&w->body, "\"/>");
}

/* The glyphs of a text in runs of one face, each run a group at its
 * start scaled from font units to the size. */
static void put_runs(writer *w, const mkp_prim *p, double dx)
{
    size_t n = chart_fonts_glyphs(w->fs, p->text, p->font_size, p->bold, NULL, 0);
    if (n > w->cap) {
        w->g = xrealloc(w->g, n * sizeof *w->g);
        w->cap = n;
    }
    chart_fonts_glyphs(w->fs, p->text, p->font_size, p->bold, w->g, n);
    for (size_t i = 0; i < n;) {
        const mkp_glyph *first = &w->g[i];
        double upem = chart_fonts_upem(w->fs, first->face);
        put_str(&w->body, "<g transform=\"translate(");
        put_num(&w->body, dx + first->x, 3);
        put_str(&w->body, " 0) scale(");
        put_num(&w->body, p->font_size / upem, 7);
        put_str(&w->body, ")\">");
        for (; i < n && w->g[i].face == first->face; i++)
            put_glyph(w, &w->g[i], (w->g[i].x - first->x) / p->font_size * upem);
        put_str(&w->body, "</g>");
    }
}

/* One text: a group at its anchor, turned by its angle, with its words. */
static void put_text(writer *w, const mkp_prim *p)
{
    double width = chart_fonts_measure(w->fs, p->text, p->font_size, p->bold);
    double dx = p->anchor == MKP_ANCHOR_MIDDLE ? -width / 2 : p->anchor == MKP_ANCHOR_END ? -width : 0;
    strbuf *b = &w->body;
    put_str(b, "<g aria-label=\"");
    put_escaped(b, p->text);
    put_str(b, "\"");
    put_role(b, p);
    put_color(b, "fill", p->fill);
    put_str(b, " transform=\"translate(");
    put_num(b, p->x, 3);
    sb_add(b, " ", 1);
    put_num(b, p->y, 3);
    if (p->angle != 0) {
        put_str(b, ") rotate(");
        put_num(b, -p->angle, 3);
    }
    put_str(b, ")\">");
    put_runs(w, p, dx);
    put_str(b, "</g>\n");
}

/* ---- the document --------------------------------------------------------- */

/* The last character of a non-empty string. */
static uint32_t last_char(const strbuf *t)
{
    size_t k = t->len - 1;
    while (k > 0 && ((unsigned char)t->s[k] & 0xC0) == 0x80)
        k--;
    return mkp_utf8_next(t->s, t->len, &k);
}

/* The figure's title from the scene when the caller gives none: its title
 * lines, joined by a space where the line broke between words rather than
 * between ideographs. */
static char *scene_title(const mkp_scene *sc)
{
    strbuf t = {0};
    sb_add(&t, "", 0);
    for (size_t i = 0; i < sc->n; i++) {
        const mkp_prim *p = &sc->prims[i];
        if (!drawn_text(p) || p->role != MKP_ROLE_TITLE)
            continue;
        size_t at = 0;
        uint32_t first = mkp_utf8_next(p->text, (size_t)-1, &at);
        if (t.len && !mkp_is_wide(last_char(&t)) && !mkp_is_wide(first))
            sb_add(&t, " ", 1);
        put_str(&t, p->text);
    }
    return t.s;
}

static void put_head(strbuf *b, const mkp_scene *sc, const char *title)
{
    put_str(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"");
    put_num(b, sc->width, 3);
    put_str(b, "pt\" height=\"");
    put_num(b, sc->height, 3);
    put_str(b, "pt\" viewBox=\"0 0 ");
    put_num(b, sc->width, 3);
    sb_add(b, " ", 1);
    put_num(b, sc->height, 3);
    put_str(b, "\" version=\"1.1\" role=\"img\" aria-label=\"");
    put_escaped(b, title);
    put_str(b, "\">\n<title>");
    put_escaped(b, title);
    put_str(b, "</title>\n");
}

char *chart_scene_svg(mkp_fonts *fs, const mkp_scene *sc, const char *title, const char *id_prefix, size_t *len)
{
    if (!fs || !sc)
        return NULL;
    char *own_title = title ? NULL : scene_title(sc);
    writer w = {.fs = fs, .prefix = id_prefix, .doc = chart_fonts_new_doc(fs)};
    strbuf doc = {0};
    put_head(&doc, sc, title ? title : own_title);
    free(own_title);
    /* Every stroke joins round, as the layout's zig-zags and lines want. */
    put_str(&doc, "<g stroke-linejoin=\"round\">\n");
    for (size_t i = 0; i < sc->n; i++)
        put_shape(&doc, &sc->prims[i]);
    put_str(&doc, "</g>\n");
    for (size_t i = 0; i < sc->n; i++)
        if (drawn_text(&sc->prims[i]))
            put_text(&w, &sc->prims[i]);
    put_str(&doc, "<defs>\n");
    if (w.defs.len)
        sb_add(&doc, w.defs.s, w.defs.len);
    put_str(&doc, "</defs>\n<g id=\"");
    put_prefix(&doc, id_prefix);
    put_str(&doc, "text\">\n");
    if (w.body.len)
        sb_add(&doc, w.body.s, w.body.len);
    put_str(&doc, "</g>\n</svg>\n");
    free(w.defs.s);
    free(w.body.s);
    free(w.g);
    if (len)
        *len = doc.len;
    return doc.s;
}

void chart_svg_free(char *svg)
{
    free(svg);
}
