/* svg.c - the svg plugin: every figure of the model as an SVG file drawn
 * with cairo from the host's chart scene, optionally also as PNG.  Fonts
 * are found through fontconfig and loaded once per job, and glyphs are
 * placed from their own advances, so the layout's measurements are exactly
 * what is drawn; cairo's process-wide ids are renumbered per file. */
#include <marketpress/marketpress.h>

#include <cairo-ft.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_OUTLINE_H
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/fontfind.h"

static const mkp_host *host;

/* A figure's height when the user gives none, unless its reference
 * canvas is taller. */
#define DEFAULT_HEIGHT 440.0

static const mkp_option options[] = {
    {"png", MKP_OPT_BOOL, "false", "also write a PNG of every chart", NULL, 0, 0},
    {"dpi", MKP_OPT_INT, "144", "resolution of the PNG files", NULL, 72, 600},
    {"width", MKP_OPT_NUMBER, "720", "chart width in points", NULL, 200, 2000},
    {"height", MKP_OPT_NUMBER, "0",
     "chart height in points, 150 to 2000; 0: 440, or the figure's reference height where that is taller", NULL, 0,
     2000},
    {"font", MKP_OPT_STRING, "",
     "the Latin font family, as fontconfig names it (fc-list : family); empty: DejaVu Sans; TrueType only",
     NULL, 0, 0},
    {"cjk-font", MKP_OPT_STRING, "",
     "the font family for Chinese; empty: Droid Sans Fallback, else the best TrueType font for zh-cn", NULL, 0, 0},
};

/* ---- fonts ------------------------------------------------------------- */

enum { F_REGULAR, F_BOLD, F_CJK, F_CJK_BOLD, N_FACES };

/* The CJK font has no bold (Droid Sans Fallback has none): cairo emboldens
 * its outlines, which widens every advance by an em/24 (FreeType's
 * FT_GlyphSlot_Embolden). */
#define SYNTH_BOLD_EXTRA (1.0 / 24.0)

typedef struct glyph_info {
    uint32_t gid_plus1;             /* 0: not looked up yet */
    float advance;                  /* in em */
} glyph_info;

typedef struct face {
    FT_Face ft;
    cairo_font_face_t *cairo;
    glyph_info *bmp;                /* per code point of the Basic Multilingual Plane */
    char **outline;                 /* per glyph: its SVG path in font units, once made */
    unsigned *written;              /* per glyph: the last file whose <defs> has it */
} face;

typedef struct fonts {
    face f[N_FACES];                /* the CJK faces' ft is NULL when there is no CJK font */
    ff_fonts found;                 /* what fontconfig found for each face */
    const mkp_job *job;             /* for the warning about a missing CJK font */
    cairo_glyph_t *glyphs;          /* scratch for one text */
    size_t cap;
    unsigned file;                  /* serial number of the SVG being written */
} fonts;

/* Where each face comes from: the CJK font twice, so that the emboldened
 * one is a cairo font face of its own. */
static const int face_source[N_FACES] = {FF_REGULAR, FF_BOLD, FF_CJK, FF_CJK};

static const cairo_user_data_key_t ft_face_key;

static void done_face(void *p)
{
    FT_Done_Face(p);
}

/* The FreeType library lives as long as the process: cairo may keep a font
 * face (and so its FT_Face) cached after the job lets go of it. */
static FT_Library freetype(void)
{
    static FT_Library lib;
    if (!lib && FT_Init_FreeType(&lib))
        lib = NULL;
    return lib;
}

/* Finds the faces through fontconfig, with the same rules as the pdf
 * plugin (TrueType only), so that a chart measures the same in both. */
static int fonts_open(fonts *fs, const mkp_job *job)
{
    memset(fs, 0, sizeof *fs);
    fs->job = job;
    FT_Library lib = freetype();
    if (!lib) {
        host->diag(job, MKP_FAIL, "cannot start FreeType");
        return -1;
    }
    if (ff_find(&fs->found, host, job, host->option(job, "font"), "DejaVu Sans", 1u << FF_BOLD,
                host->option(job, "cjk-font")) != 0)
        return -1;
    ff_warn(&fs->found, FF_BOLD, host, job); /* every chart has a bold title */
    for (int i = 0; i < N_FACES; i++) {
        face *f = &fs->f[i];
        const ff_face *src = &fs->found.face[face_source[i]];
        if (!src->file)
            continue; /* no CJK font: pick() keeps to the Latin faces */
        if (FT_New_Face(lib, src->file, src->index, &f->ft)) {
            f->ft = NULL;
            host->diag(job, MKP_FAIL, "cannot load the font %s", src->file);
            return -1;
        }
        f->cairo = cairo_ft_font_face_create_for_ft_face(f->ft, FT_LOAD_NO_HINTING);
        if (cairo_font_face_set_user_data(f->cairo, &ft_face_key, f->ft, done_face) != CAIRO_STATUS_SUCCESS) {
            cairo_font_face_destroy(f->cairo);
            f->cairo = NULL;
            FT_Done_Face(f->ft);
            f->ft = NULL;
            host->diag(job, MKP_FAIL, "cannot use the font %s", src->file);
            return -1;
        }
        if (i == F_CJK_BOLD)
            cairo_ft_font_face_set_synthesize(f->cairo, CAIRO_FT_SYNTHESIZE_BOLD);
        f->bmp = calloc(0x10000, sizeof *f->bmp);
        if (!f->bmp) {
            host->diag(job, MKP_FAIL, "out of memory");
            return -1;
        }
    }
    return 0;
}

static void fonts_close(fonts *fs)
{
    for (int i = 0; i < N_FACES; i++) {
        face *f = &fs->f[i];
        if (f->outline)
            for (long g = 0; g < f->ft->num_glyphs; g++)
                free(f->outline[g]);
        free(f->outline);
        free(f->written);
        if (f->cairo)
            cairo_font_face_destroy(f->cairo); /* frees the FT_Face with the last reference */
        free(f->bmp);
    }
    free(fs->glyphs);
    ff_free(&fs->found);
}

/* Glyph index (0: none) and advance in em of a code point in a face. */
static glyph_info lookup(face *f, uint32_t cp)
{
    glyph_info g = {0, 0};
    glyph_info *slot = cp < 0x10000 ? &f->bmp[cp] : &g;
    if (!slot->gid_plus1) {
        FT_UInt gid = FT_Get_Char_Index(f->ft, cp);
        FT_Fixed adv = 0;
        FT_Get_Advance(f->ft, gid, FT_LOAD_NO_SCALE, &adv);
        slot->gid_plus1 = gid + 1;
        slot->advance = (float)((double)adv / f->ft->units_per_EM);
    }
    return *slot;
}

/* East Asian wide characters (mkp_is_wide) from the CJK font, the rest from
 * the Latin face where it has the glyph, else from the CJK font where that
 * has it.  Without a CJK font, Chinese shows as the Latin face's boxes, said
 * once. */
static int pick(fonts *fs, uint32_t cp, int bold)
{
    int latin = bold ? F_BOLD : F_REGULAR, cjk = bold ? F_CJK_BOLD : F_CJK;
    if (!mkp_is_wide(cp) && lookup(&fs->f[latin], cp).gid_plus1 > 1)
        return latin;
    if (!fs->f[cjk].ft) {
        if (mkp_is_wide(cp))
            ff_warn(&fs->found, FF_CJK, host, fs->job);
        return latin;
    }
    return lookup(&fs->f[cjk], cp).gid_plus1 > 1 ? cjk : latin;
}

static double advance(fonts *fs, int which, uint32_t cp, double size)
{
    double a = lookup(&fs->f[which], cp).advance * size;
    return which == F_CJK_BOLD ? a + SYNTH_BOLD_EXTRA * size : a;
}

static double measure(void *ctx, const char *t, double size, int bold)
{
    fonts *fs = ctx;
    double w = 0;
    for (size_t i = 0, len = strlen(t); i < len;) {
        uint32_t cp = mkp_utf8_next(t, len, &i);
        w += advance(fs, pick(fs, cp, bold), cp, size);
    }
    return w;
}

/* Shows `t` with its left end at (x, y): one cairo_show_glyphs per run of
 * one face, each glyph at the advance that measure() counted. */
static void show_text(fonts *fs, cairo_t *cr, const char *t, double x, double y, double size, int bold)
{
    size_t len = strlen(t);
    if (len > fs->cap) {
        cairo_glyph_t *g = realloc(fs->glyphs, len * sizeof *g);
        if (!g)
            return;
        fs->glyphs = g;
        fs->cap = len;
    }
    size_t i = 0;
    while (i < len) {
        size_t n = 0;
        int run = -1;
        while (i < len) {
            size_t next = i;
            uint32_t cp = mkp_utf8_next(t, len, &next);
            int which = pick(fs, cp, bold);
            if (run >= 0 && which != run)
                break;
            run = which;
            fs->glyphs[n].index = lookup(&fs->f[which], cp).gid_plus1 - 1;
            fs->glyphs[n].x = x;
            fs->glyphs[n].y = y;
            n++;
            x += advance(fs, which, cp, size);
            i = next;
        }
        cairo_set_font_face(cr, fs->f[run].cairo);
        cairo_set_font_size(cr, size);
        cairo_show_glyphs(cr, fs->glyphs, (int)n);
    }
}

/* ---- drawing ------------------------------------------------------------ */

static void set_color(cairo_t *cr, mkp_color c)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

static void draw_text(fonts *fs, cairo_t *cr, const mkp_prim *p)
{
    double w = measure(fs, p->text, p->font_size, p->bold);
    double dx = p->anchor == MKP_ANCHOR_MIDDLE ? -w / 2 : p->anchor == MKP_ANCHOR_END ? -w : 0;
    set_color(cr, p->fill);
    if (p->angle == 0) {
        show_text(fs, cr, p->text, p->x + dx, p->y, p->font_size, p->bold);
        return;
    }
    cairo_save(cr);
    cairo_translate(cr, p->x, p->y);
    cairo_rotate(cr, -p->angle * M_PI / 180.0);
    show_text(fs, cr, p->text, dx, 0, p->font_size, p->bold);
    cairo_restore(cr);
}

/* Draws the scene; text too when `text` is set.  The layout never draws a
 * shape over a text, so text may also be set after everything else. */
static void draw(fonts *fs, cairo_t *cr, const mkp_scene *sc, int text)
{
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (size_t i = 0; i < sc->n; i++) {
        const mkp_prim *p = &sc->prims[i];
        switch (p->kind) {
        case MKP_PRIM_TEXT:
            if (text && p->text && *p->text && p->fill.a)
                draw_text(fs, cr, p);
            continue;
        case MKP_PRIM_RECT:
            cairo_rectangle(cr, p->x, p->y, p->w, p->h);
            break;
        case MKP_PRIM_LINE:
            cairo_move_to(cr, p->x, p->y);
            cairo_line_to(cr, p->x2, p->y2);
            break;
        case MKP_PRIM_PATH:
            for (size_t k = 0; k < p->n_points; k++)
                (k ? cairo_line_to : cairo_move_to)(cr, p->points[2 * k], p->points[2 * k + 1]);
            if (p->closed)
                cairo_close_path(cr);
            break;
        case MKP_PRIM_CIRCLE:
            cairo_new_sub_path(cr);
            cairo_arc(cr, p->x, p->y, p->w, 0, 2 * M_PI);
            break;
        }
        if (p->fill.a) {
            set_color(cr, p->fill);
            cairo_fill_preserve(cr);
        }
        if (p->stroke.a) {
            set_color(cr, p->stroke);
            cairo_set_line_width(cr, p->line_width > 0 ? p->line_width : 1);
            cairo_stroke_preserve(cr);
        }
        cairo_new_path(cr);
    }
}

/* ---- output --------------------------------------------------------------- */

typedef struct buffer {
    char *data;
    size_t len, cap;
    int failed;
} buffer;

static int put(buffer *b, const void *data, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = (b->len + n) * 2 + 4096;
        char *nd = realloc(b->data, cap);
        if (!nd) {
            b->failed = 1;
            return -1;
        }
        b->data = nd;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, n);
    b->len += n;
    return 0;
}

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int length)
{
    return put(closure, data, length) == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_NO_MEMORY;
}

/* Renumbers "surfaceN", "glyphN-M", "clipN", ... (ids and references, right
 * after a quote or '#') in order of first use, so that ids do not depend on
 * what the process drew before. */
static int renumber(const char *in, size_t len, buffer *out)
{
    static const char *const prefixes[] = {"surface", "glyph", "clip", "pattern", "image", "mask", "source"};
    enum { NP = sizeof prefixes / sizeof prefixes[0], MAXMAP = 1024 };
    long from[NP][MAXMAP];
    size_t count[NP] = {0};
    size_t done = 0;
    for (size_t i = 0; i < len; i++) {
        if (in[i] != '"' && in[i] != '#')
            continue;
        size_t at = i + 1, k, pl = 0;
        for (k = 0; k < NP; k++) {
            pl = strlen(prefixes[k]);
            if (at + pl < len && memcmp(in + at, prefixes[k], pl) == 0 && in[at + pl] >= '0' && in[at + pl] <= '9')
                break;
        }
        if (k == NP)
            continue;
        size_t d = at + pl;
        long n = 0;
        while (d < len && in[d] >= '0' && in[d] <= '9')
            n = n * 10 + (in[d++] - '0');
        size_t id = 0;
        while (id < count[k] && from[k][id] != n)
            id++;
        if (id == count[k]) {
            if (count[k] == MAXMAP)
                return -1;
            from[k][count[k]++] = n;
        }
        char num[24];
        int nl = snprintf(num, sizeof num, "%zu", id);
        put(out, in + done, at + pl - done);
        put(out, num, (size_t)nl);
        done = d;
        i = d - 1;
    }
    put(out, in + done, len - done);
    return out->failed ? -1 : 0;
}

/* ---- text in the SVG -----------------------------------------------------
 * cairo's SVG surface would write every glyph outline again for each size
 * and angle it is drawn at, and spends most of a chart's time doing so.
 * The plugin writes the text itself, in the same form (glyphs as paths,
 * never <text>, so the chart looks the same without the fonts): each glyph
 * outline once per file in font units, placed with <use> in a group scaled
 * to the size.  Each text keeps its words in aria-label for screen readers
 * and search. */

static void put_str(buffer *b, const char *str)
{
    put(b, str, strlen(str));
}

static void put_long(buffer *b, long v)
{
    char tmp[24], *e = tmp + sizeof tmp, *q = e;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do
        *--q = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--q = '-';
    put(b, q, (size_t)(e - q));
}

/* A number with at most `decimals` decimals, trailing zeros dropped. */
static void put_num(buffer *b, double v, int decimals)
{
    long scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    double r = round(v * scale);
    if (r == 0) {
        put(b, "0", 1);
        return;
    }
    if (r < 0) {
        put(b, "-", 1);
        r = -r;
    }
    long whole = (long)(r / scale), frac = (long)(r - (double)whole * scale);
    put_long(b, whole);
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
    put(b, tmp, (size_t)n + 1);
}

/* Text as XML 1.0 can hold it: the four markup characters as entities, C0
 * controls other than tab and newline as a space, U+FFFE, U+FFFF and bytes
 * that are not UTF-8 as U+FFFD. */
static void put_escaped(buffer *b, const char *t)
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
            put(b, t + run, at - run);
            put_str(b, rep);
            run = i;
        }
    }
    put(b, t + run, len - run);
}

/* Outline decomposition into an SVG path; y turned to grow downwards. */
static void put_point(buffer *b, char cmd, const FT_Vector *v)
{
    put(b, &cmd, 1);
    put_long(b, v->x);
    put(b, " ", 1);
    put_long(b, -v->y);
}

static int on_move(const FT_Vector *to, void *u)
{
    buffer *b = u;
    if (b->len)
        put(b, "Z", 1);
    put_point(b, 'M', to);
    return 0;
}

static int on_line(const FT_Vector *to, void *u)
{
    put_point(u, 'L', to);
    return 0;
}

static int on_conic(const FT_Vector *c, const FT_Vector *to, void *u)
{
    put_point(u, 'Q', c);
    put_point(u, ' ', to);
    return 0;
}

static int on_cubic(const FT_Vector *c1, const FT_Vector *c2, const FT_Vector *to, void *u)
{
    put_point(u, 'C', c1);
    put_point(u, ' ', c2);
    put_point(u, ' ', to);
    return 0;
}

/* The path of one glyph in font units, made once per job. */
static const char *outline(face *f, int which, FT_UInt gid)
{
    if (!f->outline) {
        f->outline = calloc((size_t)f->ft->num_glyphs, sizeof *f->outline);
        f->written = calloc((size_t)f->ft->num_glyphs, sizeof *f->written);
        if (!f->outline || !f->written)
            return NULL;
    }
    if ((long)gid >= f->ft->num_glyphs)
        return NULL;
    if (f->outline[gid])
        return f->outline[gid];
    buffer b = {0};
    if (FT_Load_Glyph(f->ft, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) == 0 &&
        f->ft->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
        FT_Outline *o = &f->ft->glyph->outline;
        if (which == F_CJK_BOLD) { /* as cairo emboldens it for the PNG */
            FT_Pos strength = f->ft->units_per_EM / 24;
            FT_Outline_EmboldenXY(o, strength, strength);
        }
        static const FT_Outline_Funcs funcs = {on_move, on_line, on_conic, on_cubic, 0, 0};
        FT_Outline_Decompose(o, &funcs, &b);
        if (b.len)
            put(&b, "Z", 1);
    }
    put(&b, "", 1);
    if (b.failed) {
        free(b.data);
        return NULL;
    }
    return f->outline[gid] = b.data;
}

static void put_color(buffer *b, const char *attr, mkp_color c)
{
    static const char hex[] = "0123456789abcdef";
    char v[7] = {hex[c.r >> 4], hex[c.r & 15], hex[c.g >> 4], hex[c.g & 15], hex[c.b >> 4], hex[c.b & 15]};
    put_str(b, attr);
    put(b, "=\"#", 3);
    put(b, v, 6);
    put(b, "\"", 1);
    if (c.a != 255) {
        put_str(b, " fill-opacity=\"");
        put_num(b, c.a / 255.0, 3);
        put(b, "\"", 1);
    }
}

/* What a text is for, where a reader (or a stylesheet) wants to know; a
 * value label also says whose value it is and the model's number behind
 * it, so that a screen reader or a test can tell it from an axis tick. */
static void put_role(buffer *b, const mkp_prim *p)
{
    static const char *const names[] = {
        [MKP_ROLE_TITLE] = "title", [MKP_ROLE_AXIS] = "axis",       [MKP_ROLE_VALUE_LABEL] = "value-label",
        [MKP_ROLE_LEGEND] = "legend", [MKP_ROLE_CATEGORY_LABEL] = "category", [MKP_ROLE_NOTE] = "note",
    };
    const char *name = (unsigned)p->role < sizeof names / sizeof names[0] ? names[p->role] : NULL;
    if (!name)
        return;
    put_str(b, "class=\"");
    put_str(b, name);
    put_str(b, "\" ");
    if (p->role != MKP_ROLE_VALUE_LABEL)
        return;
    put_str(b, "data-series=\"");
    put_long(b, p->series);
    put_str(b, "\" data-category=\"");
    put_long(b, p->category);
    put_str(b, "\" data-value=\"");
    put_num(b, p->value, 6);
    put_str(b, "\" ");
}

/* One text: a group at its anchor, turned by its angle, holding one scaled
 * group per run of one face.  New glyph outlines go to `defs`. */
static int put_text(fonts *fs, buffer *defs, buffer *body, const mkp_prim *p)
{
    double w = measure(fs, p->text, p->font_size, p->bold);
    double x = p->anchor == MKP_ANCHOR_MIDDLE ? -w / 2 : p->anchor == MKP_ANCHOR_END ? -w : 0;
    put_str(body, "<g aria-label=\"");
    put_escaped(body, p->text);
    put_str(body, "\" ");
    put_role(body, p);
    put_color(body, "fill", p->fill);
    put_str(body, " transform=\"translate(");
    put_num(body, p->x, 3);
    put(body, " ", 1);
    put_num(body, p->y, 3);
    if (p->angle != 0) {
        put_str(body, ") rotate(");
        put_num(body, -p->angle, 3);
    }
    put_str(body, ")\">");
    const char *t = p->text;
    size_t i = 0, len = strlen(t);
    while (i < len) {
        int run = -1;
        double at = 0; /* font units from the start of the run */
        while (i < len) {
            size_t next = i;
            uint32_t cp = mkp_utf8_next(t, len, &next);
            int which = pick(fs, cp, p->bold);
            if (run >= 0 && which != run)
                break;
            face *f = &fs->f[which];
            double upem = f->ft->units_per_EM;
            if (run < 0) {
                run = which;
                put_str(body, "<g transform=\"translate(");
                put_num(body, x, 3);
                put_str(body, " 0) scale(");
                put_num(body, p->font_size / upem, 7);
                put_str(body, ")\">");
            }
            FT_UInt gid = lookup(f, cp).gid_plus1 - 1;
            const char *d = outline(f, which, gid);
            if (!d)
                return -1;
            if (*d) {
                if (f->written[gid] != fs->file) {
                    f->written[gid] = fs->file;
                    put_str(defs, "<path id=\"t");
                    put_long(defs, which);
                    put(defs, "-", 1);
                    put_long(defs, (long)gid);
                    put_str(defs, "\" d=\"");
                    put_str(defs, d);
                    put_str(defs, "\"/>\n");
                }
                put_str(body, "<use xlink:href=\"#t");
                put_long(body, which);
                put(body, "-", 1);
                put_long(body, (long)gid);
                if (at != 0) {
                    put_str(body, "\" x=\"");
                    put_num(body, at, 2);
                }
                put_str(body, "\"/>");
            }
            double adv = advance(fs, which, cp, p->font_size);
            at += adv / p->font_size * upem;
            x += adv;
            i = next;
        }
        put_str(body, "</g>");
    }
    put_str(body, "</g>\n");
    return defs->failed || body->failed ? -1 : 0;
}

/* The text of the scene: glyph outlines in <defs>, then every text. */
static int put_texts(fonts *fs, const mkp_scene *sc, buffer *out)
{
    buffer defs = {0}, body = {0};
    int rc = 0;
    fs->file++;
    for (size_t i = 0; rc == 0 && i < sc->n; i++) {
        const mkp_prim *p = &sc->prims[i];
        if (p->kind == MKP_PRIM_TEXT && p->text && *p->text && p->fill.a)
            rc = put_text(fs, &defs, &body, p);
    }
    if (rc == 0) {
        put_str(out, "<defs>\n");
        put(out, defs.data, defs.len);
        put_str(out, "</defs>\n<g id=\"text\">\n");
        put(out, body.data, body.len);
        put_str(out, "</g>\n");
    }
    free(defs.data);
    free(body.data);
    return rc == 0 && !out->failed ? 0 : -1;
}

/* Writes a whole file; 0, or an errno.  A full disk may show only when
 * the last buffer goes out, in fclose. */
static int write_file(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return errno ? errno : EIO;
    errno = 0;
    int err = fwrite(data, 1, len, fp) != len ? (errno ? errno : EIO) : 0;
    if (fclose(fp) != 0 && !err)
        err = errno ? errno : EIO;
    return err;
}

/* cairo's SVG surface draws the shapes; the text goes in after them, just
 * before </svg>, with the figure's title as the document's <title>. */
static int write_svg(fonts *fs, const mkp_scene *sc, const char *title, const char *path)
{
    buffer raw = {0}, fixed = {0};
    cairo_surface_t *s = cairo_svg_surface_create_for_stream(collect, &raw, sc->width, sc->height);
    cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
    cairo_t *cr = cairo_create(s);
    draw(fs, cr, sc, 0);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    int rc = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && !raw.failed ? 0 : -1;
    cairo_surface_destroy(s);
    put(&raw, "", 1); /* a terminated string from here on, */
    if (rc == 0 && !raw.failed)
        rc = renumber(raw.data, raw.len, &fixed);
    if (rc == 0)
        fixed.len--; /* and after renumbering too */
    buffer out = {0};
    const char *svg = rc == 0 ? strstr(fixed.data, "<svg") : NULL;
    const char *head_end = svg ? strchr(svg, '>') : NULL, *close = NULL;
    for (size_t i = fixed.len; head_end && i >= 6 && !close; i--)
        if (memcmp(fixed.data + i - 6, "</svg>", 6) == 0)
            close = fixed.data + i - 6;
    if (!close || close < head_end)
        rc = -1;
    if (rc == 0) {
        put(&out, fixed.data, (size_t)(head_end + 1 - fixed.data));
        put_str(&out, "\n<title>");
        put_escaped(&out, title);
        put_str(&out, "</title>");
        put(&out, head_end + 1, (size_t)(close - head_end - 1));
        rc = put_texts(fs, sc, &out);
        put(&out, close, fixed.len - (size_t)(close - fixed.data));
        if (out.failed)
            rc = -1;
    }
    if (rc == 0)
        rc = write_file(path, out.data, out.len);
    free(out.data);
    free(raw.data);
    free(fixed.data);
    return rc;
}

/* cairo writes the PNG into memory and the plugin writes it out, so that a
 * failed write has its reason. */
static int write_png(fonts *fs, const mkp_scene *sc, const char *path, int dpi)
{
    double k = dpi / 72.0;
    cairo_surface_t *img =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(sc->width * k), (int)ceil(sc->height * k));
    cairo_t *cr = cairo_create(img);
    /* Unhinted outlines, as in the SVG: the PNG is the same picture. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
    cairo_scale(cr, k, k);
    draw(fs, cr, sc, 1);
    cairo_destroy(cr);
    buffer png = {0};
    int rc = cairo_surface_write_to_png_stream(img, collect, &png) == CAIRO_STATUS_SUCCESS && !png.failed ? 0 : -1;
    cairo_surface_destroy(img);
    if (rc == 0)
        rc = write_file(path, png.data, png.len);
    free(png.data);
    return rc;
}

static size_t value_labels(const mkp_scene *sc)
{
    size_t n = 0;
    for (size_t i = 0; sc && i < sc->n; i++)
        n += sc->prims[i].role == MKP_ROLE_VALUE_LABEL;
    return n;
}

/* A canvas smaller than the figure's reference labels fewer values than
 * the report does: said once per figure, with both counts. */
static void warn_fewer(const mkp_job *job, fonts *fs, const mkp_figure *fig, const mkp_scene *sc, double rw, double rh)
{
    if (sc->width >= rw && sc->height >= rh)
        return;
    const mkp_scene *ref = host->chart_layout(fig, job->lang, rw, rh, measure, fs);
    size_t have = value_labels(sc), want = value_labels(ref);
    host->scene_free(ref);
    if (have < want)
        host->diag(job, MKP_WARNING,
                   "figure %d (%s): a %g x %g pt canvas is smaller than its reference, %g x %g pt: it labels %zu "
                   "values, the report %zu",
                   fig->number, fig->file_stem, sc->width, sc->height, rw, rh, have, want);
}

static int render_figure(const mkp_job *job, fonts *fs, const mkp_figure *fig, double w, double h, int png, int dpi)
{
    /* The reference canvas (ABI 1.2): the least size at which the chart
     * shows every label the report does. */
    double rw = 0, rh = 0;
    if (MKP_HAS(mkp_host, host, chart_reference) && host->chart_reference)
        host->chart_reference(fig, job->lang, &rw, &rh);
    if (h <= 0)
        h = rh > DEFAULT_HEIGHT ? ceil(rh) : DEFAULT_HEIGHT;
    const mkp_scene *sc = host->chart_layout(fig, job->lang, w, h, measure, fs);
    if (!sc) {
        host->diag(job, MKP_FAIL, "no layout for figure %d", fig->number);
        return -1;
    }
    warn_fewer(job, fs, fig, sc, rw, rh);
    size_t cap = strlen(job->output_path) + strlen(fig->file_stem) + 8;
    char *path = malloc(cap);
    int rc = -1;
    if (path) {
        const char *name = host->text(fig->title, job->lang);
        char number[64];
        snprintf(number, sizeof number, host->label(job, "figure"), fig->number);
        /* As long as the title is: a fixed buffer could end inside a character. */
        size_t tcap = strlen(name) + strlen(number) + 32;
        char *title = malloc(tcap);
        if (title) {
            snprintf(title, tcap, host->label(job, "caption"), number, name);
            snprintf(path, cap, "%s/%s.svg", job->output_path, fig->file_stem);
            rc = write_svg(fs, sc, title, path);
            free(title);
        }
        if (rc == 0 && png) {
            snprintf(path, cap, "%s/%s.png", job->output_path, fig->file_stem);
            rc = write_png(fs, sc, path, dpi);
        }
    }
    if (rc > 0)
        host->diag(job, MKP_FAIL, "cannot write %s: %s", path, strerror(rc));
    else if (rc)
        host->diag(job, MKP_FAIL, "cannot draw figure %d (%s): out of memory", fig->number, fig->file_stem);
    free(path);
    host->scene_free(sc);
    return rc;
}

static int render(const mkp_job *job)
{
    if (!MKP_HAS(mkp_host, host, scene_free) || !host->chart_layout) {
        host->diag(job, MKP_FAIL, "this marketpress has no chart engine");
        return MKP_ERROR;
    }
    const mkp_model *m = job->model;
    int png = host->option_bool(job, "png");
    int dpi = atoi(host->option(job, "dpi"));
    double w = strtod(host->option(job, "width"), NULL), h = strtod(host->option(job, "height"), NULL);
    if (h > 0 && h < 150) {
        host->diag(job, MKP_FAIL, "option height must be 0 (440, or taller where a figure needs it) or 150 to 2000");
        return MKP_ERROR;
    }
    fonts fs;
    int rc = fonts_open(&fs, job);
    for (size_t i = 0; rc == 0 && i < m->n_figures; i++)
        rc = render_figure(job, &fs, &m->figures[i], w, h, png, dpi);
    fonts_close(&fs);
    return rc == 0 ? MKP_OK : MKP_EIO;
}

/* The descriptor and the one exported symbol, which keeps the host's table
 * in `host` (plugin.h shows what the macro stands for). */
MKP_DEFINE_PLUGIN(host, .name = "svg", .version = "1.1.0",
                  .description = "every figure as an SVG chart (cairo), optionally PNG", .extension = "svg",
                  .flags = MKP_PLUGIN_DIRECTORY, MKP_OPTIONS(options), .render = render);
