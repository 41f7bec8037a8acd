/* chart.c - figures as vector graphics: the host's chart engine lays the
 * figure out (measuring text with our embedded faces), and each primitive of
 * the scene becomes libharu path and text operators.  The scene's origin is
 * top-left with y down; the page's is bottom-left with y up. */
#include <math.h>
#include <string.h>

#include "pdf.h"

typedef struct frame {
    double x, y;                    /* page position of the scene's origin (its top-left) */
} frame;

static double px(const frame *f, double x)
{
    return f->x + x;
}

static double py(const frame *f, double y)
{
    return f->y - y;
}

static uint32_t rgb(mkp_color c)
{
    return (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b;
}

/* Translucent colours need an ExtGState; a chart uses few alphas, so the
 * states are kept per (fill, stroke) pair. */
static void set_alpha(pdf_doc *d, unsigned fill, unsigned stroke)
{
    unsigned key = fill << 8 | stroke;
    HPDF_ExtGState gs = NULL;
    for (size_t i = 0; i < d->n_alpha; i++)
        if (d->alpha[i].key == key)
            gs = d->alpha[i].gs;
    if (!gs) {
        gs = HPDF_CreateExtGState(d->pdf);
        if (!gs)
            return;
        HPDF_ExtGState_SetAlphaFill(gs, (HPDF_REAL)fill / 255.0f);
        HPDF_ExtGState_SetAlphaStroke(gs, (HPDF_REAL)stroke / 255.0f);
        if (d->n_alpha < sizeof d->alpha / sizeof d->alpha[0])
            d->alpha[d->n_alpha++] = (pdf_alpha){key, gs};
    }
    HPDF_Page_SetExtGState(d->page, gs);
}

/* Fills and/or strokes the current path as the primitive asks. */
static void paint(pdf_doc *d, const mkp_prim *p, int can_fill)
{
    int fill = can_fill && p->fill.a > 0, stroke = p->stroke.a > 0 && p->line_width > 0;
    if (fill && stroke)
        HPDF_Page_FillStroke(d->page);
    else if (fill)
        HPDF_Page_Fill(d->page);
    else if (stroke)
        HPDF_Page_Stroke(d->page);
    else
        HPDF_Page_EndPath(d->page);
}

static void text(pdf_doc *d, const frame *f, const mkp_prim *p)
{
    if (!p->text || !*p->text)
        return;
    mkp_color c = p->fill.a ? p->fill : p->stroke;
    pf_style st = {(unsigned char)(p->bold != 0), 0, p->font_size > 0 ? p->font_size : 8, rgb(c)};
    double w = pf_width(d, p->text, &st);
    double off = p->anchor == MKP_ANCHOR_MIDDLE ? w / 2 : p->anchor == MKP_ANCHOR_END ? w : 0;
    double x = px(f, p->x), y = py(f, p->y);
    if (p->angle == 0) {
        pf_draw(d, x - off, y, p->text, &st);
        return;
    }
    double a = p->angle * 3.14159265358979323846 / 180.0;
    pf_draw_rotated(d, x - off * cos(a), y - off * sin(a), p->angle, p->text, &st);
}

static void prim(pdf_doc *d, const frame *f, const mkp_prim *p)
{
    HPDF_Page pg = d->page;
    if (p->kind == MKP_PRIM_TEXT) {
        text(d, f, p);
        return;
    }
    pf_rgb_fill(d, rgb(p->fill));
    pf_rgb_stroke(d, rgb(p->stroke));
    if (p->stroke.a && p->line_width > 0)
        HPDF_Page_SetLineWidth(pg, (HPDF_REAL)p->line_width);
    switch (p->kind) {
    case MKP_PRIM_RECT:
        HPDF_Page_Rectangle(pg, (HPDF_REAL)px(f, p->x), (HPDF_REAL)py(f, p->y + p->h), (HPDF_REAL)p->w,
                            (HPDF_REAL)p->h);
        paint(d, p, 1);
        break;
    case MKP_PRIM_LINE:
        HPDF_Page_MoveTo(pg, (HPDF_REAL)px(f, p->x), (HPDF_REAL)py(f, p->y));
        HPDF_Page_LineTo(pg, (HPDF_REAL)px(f, p->x2), (HPDF_REAL)py(f, p->y2));
        paint(d, p, 0);
        break;
    case MKP_PRIM_PATH:
        if (p->n_points < 2 || !p->points)
            return;
        HPDF_Page_MoveTo(pg, (HPDF_REAL)px(f, p->points[0]), (HPDF_REAL)py(f, p->points[1]));
        for (size_t i = 1; i < p->n_points; i++)
            HPDF_Page_LineTo(pg, (HPDF_REAL)px(f, p->points[2 * i]), (HPDF_REAL)py(f, p->points[2 * i + 1]));
        if (p->closed)
            HPDF_Page_ClosePath(pg);
        paint(d, p, p->closed);
        break;
    case MKP_PRIM_CIRCLE:
        if (p->w <= 0)
            return;
        HPDF_Page_Circle(pg, (HPDF_REAL)px(f, p->x), (HPDF_REAL)py(f, p->y), (HPDF_REAL)p->w);
        paint(d, p, 1);
        break;
    default:
        break;
    }
}

/* Height of the band the scene's title takes at its top: everything above
 * the first other primitive (backgrounds aside), less a small margin. */
static double title_band(const mkp_scene *s)
{
    double top = s->height;
    int titled = 0;
    for (size_t i = 0; i < s->n; i++) {
        const mkp_prim *p = &s->prims[i];
        double t = p->y;
        if (p->role == MKP_ROLE_TITLE) {
            titled = 1;
            continue;
        }
        if (p->role == MKP_ROLE_BACKGROUND)
            continue;
        if (p->kind == MKP_PRIM_TEXT)
            t = p->y - p->font_size;
        else if (p->kind == MKP_PRIM_LINE)
            t = p->y2 < p->y ? p->y2 : p->y;
        else if (p->kind == MKP_PRIM_CIRCLE)
            t = p->y - p->w;
        else if (p->kind == MKP_PRIM_PATH)
            for (size_t k = 0; k < p->n_points && p->points; k++)
                t = p->points[2 * k + 1] < t ? p->points[2 * k + 1] : t;
        top = t < top ? t : top;
    }
    return titled && top > 6 && top < s->height ? top - 6 : 0;
}

/* Height of the empty band at the scene's foot: below its lowest
 * primitive (backgrounds aside, text with its descenders), less a small
 * margin.  On a page the caption's rule of spacing applies, not the
 * engine's margin, and a chart that ends where its marks end fits where it
 * otherwise would leave a page half empty. */
static double foot_band(const mkp_scene *s)
{
    double low = 0;
    for (size_t i = 0; i < s->n; i++) {
        const mkp_prim *p = &s->prims[i];
        double b = p->y;
        if (p->role == MKP_ROLE_BACKGROUND || p->role == MKP_ROLE_TITLE)
            continue;
        if (p->kind == MKP_PRIM_TEXT)
            b = p->y + p->font_size * 0.3;
        else if (p->kind == MKP_PRIM_RECT)
            b = p->y + p->h;
        else if (p->kind == MKP_PRIM_LINE)
            b = p->y2 > p->y ? p->y2 : p->y;
        else if (p->kind == MKP_PRIM_CIRCLE)
            b = p->y + p->w;
        else if (p->kind == MKP_PRIM_PATH)
            for (size_t k = 0; k < p->n_points && p->points; k++)
                b = p->points[2 * k + 1] > b ? p->points[2 * k + 1] : b;
        low = b > low ? b : low;
    }
    return low > 0 && low + 4 < s->height ? s->height - low - 4 : 0;
}

/* Draws a scene with its top-left corner at (x, y) on the page, clipped to
 * its own box.  Primitives with translucent colours get their own graphics
 * state so that the alpha does not leak into the next one; the scene's
 * title and the band it took are left out, since the caption "Figure N:
 * title" says it; so is the empty band at its foot.  Returns the height
 * used. */
static double scene(pdf_doc *d, const mkp_scene *s, double x, double y)
{
    double cut = title_band(s), h = s->height - cut - foot_band(s);
    frame f = {x, y + cut};
    HPDF_Page_GSave(d->page);
    HPDF_Page_Rectangle(d->page, (HPDF_REAL)x, (HPDF_REAL)(y - h), (HPDF_REAL)s->width, (HPDF_REAL)h);
    HPDF_Page_Clip(d->page);
    HPDF_Page_EndPath(d->page);
    HPDF_Page_SetLineJoin(d->page, HPDF_ROUND_JOIN);
    for (size_t i = 0; i < s->n; i++) {
        const mkp_prim *p = &s->prims[i];
        int translucent = (p->fill.a && p->fill.a < 255) || (p->stroke.a && p->stroke.a < 255);
        /* The numbered caption above the chart carries its title. */
        if (p->role == MKP_ROLE_TITLE || (p->kind != MKP_PRIM_TEXT && !p->fill.a && !p->stroke.a))
            continue;
        if (translucent) {
            HPDF_Page_GSave(d->page);
            set_alpha(d, p->fill.a ? p->fill.a : 255, p->stroke.a ? p->stroke.a : 255);
        }
        prim(d, &f, p);
        if (translucent) {
            HPDF_Page_GRestore(d->page);
            d->font_page = NULL;
        }
    }
    HPDF_Page_GRestore(d->page);
    d->font_page = NULL; /* the restore dropped the selected font */
    return h;
}

/* The tallest chart: a page less its caption. */
static double max_height(const pdf_doc *d)
{
    return d->top - d->bottom - 60;
}

/* Chart heights: bar and line charts are wide; horizontal bars grow with
 * their categories, up to a full page. */
static double chart_height(const pdf_doc *d, const mkp_figure *fig)
{
    double h = d->tw * 0.56;
    if (fig->kind == MKP_CHART_HBAR || fig->kind == MKP_CHART_HBAR_GROUPED) {
        double per = fig->kind == MKP_CHART_HBAR_GROUPED ? 22 : 15;
        double want = 90 + per * (double)fig->n_categories;
        h = want > h ? want : h;
    }
    return h < max_height(d) ? h : max_height(d);
}

/* The smallest text the chart engine may set in a printed chart.  The
 * engine sizes a horizontal chart's labels from its rows and bars, so a
 * chart too short for its categories gets labels no one can read. */
#define MIN_CHART_TEXT 6.5

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

static const mkp_scene *layout(pdf_doc *d, const mkp_figure *fig, double h)
{
    return d->host->chart_layout ? d->host->chart_layout(fig, d->lang, d->tw, h, pf_measure_cb, d) : NULL;
}

static void scene_free(pdf_doc *d, const mkp_scene *sc)
{
    if (sc && d->host->scene_free)
        d->host->scene_free(sc);
}

/* A chart's height as the engine is asked for it (`ask`) and as drawn,
 * less the title band the caption replaces (`drawn`), its smallest text,
 * and which values it labels (a count and a sum over their series and
 * categories, enough to tell two sets apart). */
typedef struct fig_size {
    double ask, drawn, small;
    size_t labels;
    double label_key;
} fig_size;

static fig_size size_at(pdf_doc *d, const mkp_figure *fig, double h)
{
    fig_size z = {h, h, 1e9, 0, 0};
    const mkp_scene *sc = layout(d, fig, h);
    if (sc) {
        z.drawn = h - title_band(sc) - foot_band(sc);
        z.small = smallest_text(sc);
        for (size_t i = 0; i < sc->n; i++)
            if (sc->prims[i].role == MKP_ROLE_VALUE_LABEL) {
                z.labels++;
                z.label_key += (sc->prims[i].series + 2) * 7919.0 + sc->prims[i].category + 1;
            }
    }
    scene_free(d, sc);
    return z;
}

/* The engine's reference height for the figure: the chart engine decides
 * its labels there, and the report never draws it shorter (ABI 1.2). */
static double reference_height(pdf_doc *d, const mkp_figure *fig)
{
    double w = 0, h = 0;
    if (MKP_HAS(mkp_host, d->host, chart_reference) && d->host->chart_reference)
        d->host->chart_reference(fig, d->lang, &w, &h);
    return h < max_height(d) ? h : max_height(d);
}

/* The house height (or the engine's reference height, when taller), or,
 * when the engine's smallest text is below MIN_CHART_TEXT there, the
 * least height (to a point, as far as a page allows) that gives
 * MIN_CHART_TEXT: found in steps up, then by halving the last step, so
 * that the chart takes no more of the page than it needs. */
static fig_size natural_size(pdf_doc *d, const mkp_figure *fig)
{
    double h = chart_height(d, fig), ref = reference_height(d, fig);
    fig_size z = size_at(d, fig, h > ref ? h : ref), lo = z;
    while (z.small < MIN_CHART_TEXT - 1e-9 && z.ask < max_height(d)) {
        lo = z;
        double up = z.ask * 1.08;
        z = size_at(d, fig, up < max_height(d) ? up : max_height(d));
    }
    while (lo.small < MIN_CHART_TEXT - 1e-9 && z.small >= MIN_CHART_TEXT - 1e-9 && z.ask - lo.ask > 1) {
        fig_size mid = size_at(d, fig, (lo.ask + z.ask) / 2);
        if (mid.small >= MIN_CHART_TEXT - 1e-9)
            z = mid;
        else
            lo = mid;
    }
    return z;
}

/* Below a chart down to the bottom margin: the scene ends with its own
 * source line, and the gap after a figure disappears at a page's foot. */
#define FIG_TAIL 2.0

static double caption_height(pdf_doc *d, const mkp_figure *fig)
{
    pf_style cs = {1, 0, 9, d->col.primary};
    const char *caption = lb_caption(d, L_FIGURE, fig->number, txt(d, fig->title));
    return (double)tx_lines(d, &d->cell, caption, &cs, d->tw) * 12 + 4;
}

/* Caption and chart: what must fit on one page. */
double ch_need(pdf_doc *d, const mkp_figure *fig)
{
    return caption_height(d, fig) + natural_size(d, fig).drawn + FIG_TAIL;
}

/* The chart's size on this page.  A chart that does not fit what is left
 * of the page would leave that space empty and stand alone on the next:
 * when more than half the text area is left, the chart is made as short as
 * that space if it keeps three quarters of its height (SHRINK_HALF), and
 * with less left, if it keeps most of it (SHRINK_NEAR), as long as its text
 * stays MIN_CHART_TEXT or larger and it labels the same values as at its
 * natural size (a height below the engine's reference may label fewer). */
#define SHRINK_HALF 0.75
#define SHRINK_NEAR 0.85

static fig_size size_here(pdf_doc *d, const mkp_figure *fig)
{
    fig_size z = natural_size(d, fig);
    double room = d->y - d->bottom - caption_height(d, fig) - FIG_TAIL;
    int half = d->y - d->bottom >= (d->top - d->bottom) / 2;
    if (d->fresh || z.drawn <= room || room < z.drawn * (half ? SHRINK_HALF : SHRINK_NEAR))
        return z;
    fig_size s = size_at(d, fig, z.ask - (z.drawn - room));
    /* Shorter, but never labelling fewer values than the SVG of the same
     * figure does: one label decision for both. */
    int same_labels = s.labels == z.labels && s.label_key == z.label_key;
    return s.small >= MIN_CHART_TEXT - 1e-9 && s.drawn <= room && same_labels ? s : z;
}

/* Space between two figures: the gap before a caption and after a chart. */
#define FIG_GAPS 18.0

/* The chart's size with the next figure of its chapter in view.  When the
 * next one would not fit below this one, so that this one would stand
 * alone over an emptier page, this one gives up to a quarter of its
 * height (SHRINK_HALF), if that makes room for the next at its own
 * natural size and this one keeps its text size and its labels. */
static fig_size size_with_next(pdf_doc *d, const mkp_figure *fig, fig_size z, const mkp_figure *next)
{
    if (!next)
        return z;
    double left = d->y - d->bottom - caption_height(d, fig) - FIG_TAIL - z.drawn - FIG_GAPS;
    double need = ch_need(d, next);
    if (left >= need || z.drawn - (need - left) < z.drawn * SHRINK_HALF)
        return z;
    fig_size s = size_at(d, fig, z.ask - (need - left));
    int same_labels = s.labels == z.labels && s.label_key == z.label_key;
    return s.small >= MIN_CHART_TEXT - 1e-9 && s.drawn <= z.drawn - (need - left) && same_labels ? s : z;
}

void ch_figure(pdf_doc *d, const mkp_figure *fig, const mkp_figure *next)
{
    const char *title = txt(d, fig->title);
    const char *caption = lb_caption(d, L_FIGURE, fig->number, title);
    pg_gap(d, 6);
    fig_size z = size_here(d, fig);
    pg_need(d, caption_height(d, fig) + z.drawn + FIG_TAIL);
    z = size_with_next(d, fig, z, next);
    nav_add(d, NAV_FIGURE, lb_numbered(d, L_FIGURE, fig->number), title, d->y + 4);
    fl_caption(d, caption);
    const mkp_scene *sc = layout(d, fig, z.ask);
    if (sc) {
        pg_take(d, scene(d, sc, d->left, d->y));
        scene_free(d, sc);
    } else {
        /* No engine in this build: a framed placeholder keeps the numbering. */
        pf_style ns = {0, 0, 9, d->col.muted};
        HPDF_Page_SetLineWidth(d->page, 0.5);
        pf_rgb_stroke(d, d->col.rule);
        HPDF_Page_Rectangle(d->page, (HPDF_REAL)d->left, (HPDF_REAL)(d->y - 60), (HPDF_REAL)d->tw, 60);
        HPDF_Page_Stroke(d->page);
        pf_draw(d, d->left + 12, d->y - 34, lb(d, L_CHART_MISSING), &ns);
        pg_take(d, 60);
    }
    pg_gap(d, 12);
}
