/* svg.c - the svg plugin: every figure of the model as an SVG file, and
 * optionally as a PNG.  A thin user of the host (ABI 1.2): the host finds
 * the fonts, measures the layout with them and writes each SVG document
 * (scene_svg), so any plugin gets exactly these files; the plugin names
 * them, warns about small canvases, and draws the PNG with cairo in the
 * same faces, each glyph where the host puts it.  With ABI 1.3 it sets
 * the charts in the theme's fonts, writes only the sample's figures for a
 * sample edition, and names a licensed copy's licensee in each SVG's
 * metadata. */
#include <marketpress/marketpress.h>

#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
     "the Latin font family, as fontconfig names it (fc-list : family); empty: the theme's body font, else "
     "DejaVu Sans; TrueType only",
     NULL, 0, 0},
    {"cjk-font", MKP_OPT_STRING, "",
     "the font family for Chinese; empty: the theme's CJK font, else Droid Sans Fallback, else the best TrueType "
     "font for zh-cn",
     NULL, 0, 0},
};

/* ---- fonts --------------------------------------------------------------
 * The host's (ABI 1.2): it finds them, measures with them and writes the
 * SVG with them.  The PNG is drawn by cairo, in the same faces opened from
 * the files the host names, each glyph where the host puts it. */

typedef struct fonts {
    const mkp_job *job;
    mkp_fonts *host;                /* what the layout measures with */
    cairo_font_face_t *cairo[MKP_FACES]; /* for the PNG, made on first use */
    int failed[MKP_FACES];
    mkp_glyph *glyphs;              /* scratch for one text */
    cairo_glyph_t *cg;
    size_t cap;
} fonts;

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

/* cairo's face for one of the host's faces, or NULL (said once). */
static cairo_font_face_t *cairo_face(fonts *fs, int which)
{
    if (fs->cairo[which] || fs->failed[which])
        return fs->cairo[which];
    int index = 0, embolden = 0;
    const char *file = host->font_file(fs->host, which, &index, &embolden);
    FT_Library lib = freetype();
    FT_Face ft = NULL;
    fs->failed[which] = 1;
    if (!file || !lib || FT_New_Face(lib, file, index, &ft)) {
        host->diag(fs->job, MKP_WARNING, "cannot load the font %s for the PNG", file ? file : "(none)");
        return NULL;
    }
    cairo_font_face_t *cf = cairo_ft_font_face_create_for_ft_face(ft, FT_LOAD_NO_HINTING);
    if (cairo_font_face_set_user_data(cf, &ft_face_key, ft, done_face) != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(cf);
        FT_Done_Face(ft);
        return NULL;
    }
    if (embolden) /* as the host emboldens it in the SVG */
        cairo_ft_font_face_set_synthesize(cf, CAIRO_FT_SYNTHESIZE_BOLD);
    fs->failed[which] = 0;
    return fs->cairo[which] = cf;
}

/* A family given with -O wins, then the theme's (ABI 1.3), then the
 * host's own choice (""). */
static const char *family(const mkp_job *job, const char *option, int cjk)
{
    const char *o = host->option(job, option);
    const mkp_model *m = job->model;
    const mkp_theme *t = MKP_HAS(mkp_model, m, theme) ? m->theme : NULL;
    const char *themed = !t ? NULL : cjk ? t->font_cjk : t->font_body;
    return o && *o ? o : themed ? themed : "";
}

static int fonts_open(fonts *fs, const mkp_job *job)
{
    memset(fs, 0, sizeof *fs);
    fs->job = job;
    fs->host = host->fonts_open(job, family(job, "font", 0), family(job, "cjk-font", 1));
    return fs->host ? 0 : -1;
}

static void fonts_close(fonts *fs)
{
    for (int i = 0; i < MKP_FACES; i++)
        if (fs->cairo[i])
            cairo_font_face_destroy(fs->cairo[i]); /* frees the FT_Face with the last reference */
    host->fonts_close(fs->host);
    free(fs->glyphs);
    free(fs->cg);
}

/* Shows `t` with its left end at (x, y): one cairo_show_glyphs per run of
 * one face, each glyph where the host's measure counted it. */
static void show_text(fonts *fs, cairo_t *cr, const char *t, double x, double y, double size, int bold)
{
    size_t n = host->text_glyphs(fs->host, t, size, bold, NULL, 0);
    if (n > fs->cap) {
        mkp_glyph *g = realloc(fs->glyphs, n * sizeof *g);
        cairo_glyph_t *c = g ? realloc(fs->cg, n * sizeof *c) : NULL;
        if (g)
            fs->glyphs = g;
        if (!c)
            return;
        fs->cg = c;
        fs->cap = n;
    }
    host->text_glyphs(fs->host, t, size, bold, fs->glyphs, n);
    for (size_t i = 0; i < n;) {
        int which = fs->glyphs[i].face;
        size_t k = 0;
        for (; i < n && fs->glyphs[i].face == which; i++, k++)
            fs->cg[k] = (cairo_glyph_t){fs->glyphs[i].index, x + fs->glyphs[i].x, y};
        cairo_font_face_t *cf = cairo_face(fs, which);
        if (!cf)
            continue;
        cairo_set_font_face(cr, cf);
        cairo_set_font_size(cr, size);
        cairo_show_glyphs(cr, fs->cg, (int)k);
    }
}

/* ---- drawing ------------------------------------------------------------ */

static void set_color(cairo_t *cr, mkp_color c)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

static void draw_text(fonts *fs, cairo_t *cr, const mkp_prim *p)
{
    double w = host->measure(fs->host, p->text, p->font_size, p->bold);
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

/* ABI 1.3: "Licensed to ...", or "" for a copy licensed to no one. */
static void licence_line(const mkp_job *job, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (MKP_HAS(mkp_host, host, in_sample) && host->licence_line)
        host->licence_line(job, buf, cap);
}

/* Appends `s` with the characters XML reserves as references. */
static int put_escaped(buffer *b, const char *s)
{
    for (; *s; s++) {
        const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : NULL;
        if (put(b, e ? e : s, e ? strlen(e) : 1) != 0)
            return -1;
    }
    return 0;
}

/* The document with the licence in its metadata, as SVG keeps it: a
 * <metadata> element holding an RDF description whose Dublin Core rights
 * are the licence line, right after the root's <title> (which stays the
 * first child, the one a reader names the image by), or after the root's
 * start tag.  Nothing drawn changes.  NULL when memory runs out. */
static char *with_licence(const char *svg, size_t len, const char *licence, size_t *out_len)
{
    static const char meta_open[] = "\n<metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                                    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><rdf:Description rdf:about=\"\">"
                                    "<dc:rights>",
                      meta_close[] = "</dc:rights></rdf:Description></rdf:RDF></metadata>";
    const char *root = strstr(svg, "<svg");
    const char *at = root ? strchr(root, '>') : NULL;
    if (!at)
        return NULL;
    at++;
    const char *title = "\n<title>", *end = strstr(at, "</title>\n");
    if (!strncmp(at, title, strlen(title)) && end)
        at = end + strlen("</title>");
    buffer b = {0};
    put(&b, svg, (size_t)(at - svg));
    put(&b, meta_open, sizeof meta_open - 1);
    put_escaped(&b, licence);
    put(&b, meta_close, sizeof meta_close - 1);
    put(&b, at, len - (size_t)(at - svg));
    if (b.failed) {
        free(b.data);
        return NULL;
    }
    *out_len = b.len;
    return b.data;
}

/* The host writes the document (scene_svg), exactly as any plugin would
 * get it; the figure's caption is its title.  A licensed copy's document
 * names the licence in its metadata; any other is the host's, byte for
 * byte. */
static int write_svg(fonts *fs, const mkp_scene *sc, const char *title, const char *path)
{
    size_t len = 0;
    char *svg = host->scene_svg(fs->host, sc, title, NULL, &len);
    if (!svg)
        return -1;
    char licence[512];
    licence_line(fs->job, licence, sizeof licence);
    int rc = -1;
    if (*licence) {
        size_t n = 0;
        char *doc = with_licence(svg, len, licence, &n);
        if (doc)
            rc = write_file(path, doc, n);
        free(doc);
    } else {
        rc = write_file(path, svg, len);
    }
    host->svg_free(svg);
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
    const mkp_scene *ref = host->chart_layout(fig, job->lang, rw, rh, host->measure, fs->host);
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
    const mkp_scene *sc = host->chart_layout(fig, job->lang, w, h, host->measure, fs->host);
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
    if (!MKP_HAS(mkp_host, host, svg_free) || !host->chart_layout || !host->scene_svg) {
        host->diag(job, MKP_FAIL, "this marketpress has no chart engine with fonts (ABI 1.2)");
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
    /* A sample edition (ABI 1.3) has the figures the host puts in it. */
    int sample = MKP_HAS(mkp_job, job, copy) && job->copy && job->copy->edition == MKP_EDITION_SAMPLE &&
                 MKP_HAS(mkp_host, host, in_sample) && host->in_sample;
    fonts fs;
    int rc = fonts_open(&fs, job);
    for (size_t i = 0; rc == 0 && i < m->n_figures; i++)
        if (!sample || host->in_sample(job, m->figures[i].number))
            rc = render_figure(job, &fs, &m->figures[i], w, h, png, dpi);
    fonts_close(&fs);
    return rc == 0 ? MKP_OK : MKP_EIO;
}

/* The descriptor and the one exported symbol, which keeps the host's table
 * in `host` (plugin.h shows what the macro stands for). */
MKP_DEFINE_PLUGIN(host, .name = "svg", .version = "1.1.0",
                  .description = "every figure as an SVG chart, optionally PNG (cairo)", .extension = "svg",
                  .flags = MKP_PLUGIN_DIRECTORY, MKP_OPTIONS(options), .render = render);
