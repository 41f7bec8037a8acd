/* svg.c - the svg plugin: every figure of the model as an SVG file drawn
 * with cairo from the host's chart scene, optionally also as PNG.  Fonts
 * are loaded once per job from known TrueType files, and cairo's
 * process-wide id counters are renumbered per file, so output depends only
 * on the chart. */
#include <marketpress/marketpress.h>

#include <cairo-ft.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT_DIR "/usr/share/fonts/truetype/"

static const mkp_host *host;

static const mkp_option options[] = {
    {"png", MKP_OPT_BOOL, "false", "also write a PNG of every chart", NULL, 0, 0},
    {"dpi", MKP_OPT_INT, "144", "resolution of the PNG files", NULL, 72, 600},
    {"width", MKP_OPT_NUMBER, "720", "chart width in points", NULL, 200, 2000},
    {"height", MKP_OPT_NUMBER, "440", "chart height in points", NULL, 150, 2000},
};

typedef struct fonts {
    FT_Library ft;
    FT_Face face[3];                /* regular, bold, CJK */
    cairo_font_face_t *cf[3];
    cairo_surface_t *probe;         /* for measuring */
    cairo_t *cr;
} fonts;

static const char *const font_files[3] = {FONT_DIR "dejavu/DejaVuSans.ttf", FONT_DIR "dejavu/DejaVuSans-Bold.ttf",
                                          FONT_DIR "droid/DroidSansFallbackFull.ttf"};

static int fonts_open(fonts *f, const mkp_job *job)
{
    memset(f, 0, sizeof *f);
    if (FT_Init_FreeType(&f->ft)) {
        host->diag(job, MKP_FAIL, "cannot start FreeType");
        return -1;
    }
    for (int i = 0; i < 3; i++) {
        if (FT_New_Face(f->ft, font_files[i], 0, &f->face[i])) {
            host->diag(job, MKP_FAIL, "cannot load the font %s (Debian packages fonts-dejavu-core, "
                                      "fonts-droid-fallback)", font_files[i]);
            return -1;
        }
        f->cf[i] = cairo_ft_font_face_create_for_ft_face(f->face[i], 0);
    }
    f->probe = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    f->cr = cairo_create(f->probe);
    return 0;
}

static void fonts_close(fonts *f)
{
    if (f->cr)
        cairo_destroy(f->cr);
    if (f->probe)
        cairo_surface_destroy(f->probe);
    for (int i = 0; i < 3; i++) {
        if (f->cf[i])
            cairo_font_face_destroy(f->cf[i]);
        if (f->face[i])
            FT_Done_Face(f->face[i]);
    }
    if (f->ft)
        FT_Done_FreeType(f->ft);
}

/* Ideographs, kana, hangul and full-width forms come from the CJK font;
 * everything else from DejaVu, which has no CJK glyphs (and the CJK font
 * no Latin ones).  Returns the byte length of the run at `t`. */
static int is_cjk(const unsigned char *p)
{
    unsigned cp = 0;
    if (p[0] >= 0xE0 && p[0] < 0xF0 && p[1] && p[2])
        cp = (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

static size_t char_len(const unsigned char *p)
{
    size_t n = 1;
    while ((p[n] & 0xC0) == 0x80)
        n++;
    return n;
}

static size_t run_length(const char *t, int *cjk)
{
    const unsigned char *p = (const unsigned char *)t;
    *cjk = is_cjk(p);
    size_t n = 0;
    while (p[n] && is_cjk(p + n) == *cjk)
        n += char_len(p + n);
    return n;
}

/* Calls fn for every run of one font; returns the total advance. */
static double each_run(fonts *f, cairo_t *cr, const char *t, double size, int bold, int show)
{
    double x = 0;
    char buf[1024];
    while (*t) {
        int cjk;
        size_t n = run_length(t, &cjk);
        size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
        memcpy(buf, t, k);
        buf[k] = '\0';
        cairo_set_font_face(cr, f->cf[cjk ? 2 : bold ? 1 : 0]);
        cairo_set_font_size(cr, size);
        cairo_text_extents_t e;
        cairo_text_extents(cr, buf, &e);
        if (show)
            cairo_show_text(cr, buf);
        x += e.x_advance;
        t += n;
    }
    return x;
}

static double measure(void *ctx, const char *t, double size, int bold)
{
    fonts *f = ctx;
    return each_run(f, f->cr, t, size, bold, 0);
}

static void set_color(cairo_t *cr, mkp_color c)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

static void draw(fonts *f, cairo_t *cr, const mkp_scene *sc)
{
    for (size_t i = 0; i < sc->n; i++) {
        const mkp_prim *p = &sc->prims[i];
        switch (p->kind) {
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
        case MKP_PRIM_TEXT: {
            double adv = each_run(f, f->cr, p->text, p->font_size, p->bold, 0);
            double x = p->x - (p->anchor == MKP_ANCHOR_MIDDLE ? adv / 2 : p->anchor == MKP_ANCHOR_END ? adv : 0);
            cairo_save(cr);
            cairo_translate(cr, p->x, p->y);
            cairo_rotate(cr, -p->angle * M_PI / 180.0);
            cairo_move_to(cr, x - p->x, 0);
            set_color(cr, p->fill);
            each_run(f, cr, p->text, p->font_size, p->bold, 1);
            cairo_restore(cr);
            cairo_new_path(cr);
            continue;
        }
        }
        if (p->fill.a) {
            set_color(cr, p->fill);
            if (p->stroke.a)
                cairo_fill_preserve(cr);
            else
                cairo_fill(cr);
        }
        if (p->stroke.a) {
            set_color(cr, p->stroke);
            cairo_set_line_width(cr, p->line_width > 0 ? p->line_width : 1);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            cairo_stroke(cr);
        }
        cairo_new_path(cr);
    }
}

/* Renumbers "surfaceN", "glyphN-M", "clipN", ... in order of first use, so
 * that ids do not depend on how many surfaces the process made before. */
static char *renumber(const char *in, size_t len, size_t *out_len)
{
    static const char *const prefixes[] = {"surface", "glyph", "clip", "pattern", "image", "mask", "source"};
    enum { NP = sizeof prefixes / sizeof prefixes[0], MAXMAP = 4096 };
    static long from[NP][MAXMAP];
    size_t count[NP] = {0};
    char *out = malloc(len * 2 + 64);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t k = NP;
        if (i == 0 || in[i - 1] == '"' || in[i - 1] == '#')
            for (k = 0; k < NP; k++) {
                size_t pl = strlen(prefixes[k]);
                if (i + pl < len && memcmp(in + i, prefixes[k], pl) == 0 && in[i + pl] >= '0' && in[i + pl] <= '9')
                    break;
            }
        if (k == NP) {
            out[o++] = in[i++];
            continue;
        }
        size_t pl = strlen(prefixes[k]);
        memcpy(out + o, in + i, pl);
        o += pl;
        i += pl;
        long n = 0;
        while (i < len && in[i] >= '0' && in[i] <= '9')
            n = n * 10 + (in[i++] - '0');
        size_t id = 0;
        while (id < count[k] && from[k][id] != n)
            id++;
        if (id == count[k] && count[k] < MAXMAP)
            from[k][count[k]++] = n;
        o += (size_t)sprintf(out + o, "%zu", id);
    }
    *out_len = o;
    return out;
}

typedef struct buffer {
    char *data;
    size_t len, cap;
} buffer;

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int length)
{
    buffer *b = closure;
    if (b->len + length > b->cap) {
        size_t cap = (b->len + length) * 2;
        char *nd = realloc(b->data, cap);
        if (!nd)
            return CAIRO_STATUS_NO_MEMORY;
        b->data = nd;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, length);
    b->len += length;
    return CAIRO_STATUS_SUCCESS;
}

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return -1;
    int bad = fwrite(data, 1, len, fp) != len;
    return fclose(fp) != 0 || bad ? -1 : 0;
}

static int render_figure(const mkp_job *job, fonts *f, const mkp_figure *fig, double w, double h, int png, int dpi)
{
    const mkp_scene *sc = host->chart_layout(fig, job->lang, w, h, measure, f);
    if (!sc) {
        host->diag(job, MKP_FAIL, "no layout for figure %d", fig->number);
        return -1;
    }
    buffer b = {0};
    cairo_surface_t *s = cairo_svg_surface_create_for_stream(collect, &b, w, h);
    cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
    cairo_t *cr = cairo_create(s);
    draw(f, cr, sc);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    int rc = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS ? 0 : -1;
    cairo_surface_destroy(s);
    size_t out_len = 0;
    char *fixed = rc == 0 ? renumber(b.data, b.len, &out_len) : NULL;
    char *path = malloc(strlen(job->output_path) + strlen(fig->file_stem) + 8);
    if (!fixed || !path) {
        rc = -1;
    } else {
        sprintf(path, "%s/%s.svg", job->output_path, fig->file_stem);
        rc = write_file(path, fixed, out_len);
        if (rc == 0 && png) {
            double k = dpi / 72.0;
            cairo_surface_t *img =
                cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(w * k), (int)ceil(h * k));
            cairo_t *ci = cairo_create(img);
            cairo_scale(ci, k, k);
            draw(f, ci, sc);
            cairo_destroy(ci);
            sprintf(path, "%s/%s.png", job->output_path, fig->file_stem);
            rc = cairo_surface_write_to_png(img, path) == CAIRO_STATUS_SUCCESS ? 0 : -1;
            cairo_surface_destroy(img);
        }
    }
    if (rc)
        host->diag(job, MKP_FAIL, "cannot write figure %d (%s)", fig->number, fig->file_stem);
    free(path);
    free(fixed);
    free(b.data);
    host->scene_free(sc);
    return rc;
}

static int render(const mkp_job *job)
{
    if (host->size < offsetof(mkp_host, scene_free) + sizeof host->scene_free || !host->chart_layout) {
        host->diag(job, MKP_FAIL, "this marketpress has no chart engine");
        return MKP_ERROR;
    }
    const mkp_model *m = job->model;
    int png = strcmp(host->option(job, "png"), "true") == 0 || strcmp(host->option(job, "png"), "yes") == 0 ||
              strcmp(host->option(job, "png"), "on") == 0 || strcmp(host->option(job, "png"), "1") == 0;
    int dpi = atoi(host->option(job, "dpi"));
    double w = strtod(host->option(job, "width"), NULL), h = strtod(host->option(job, "height"), NULL);
    fonts f;
    int rc = fonts_open(&f, job);
    for (size_t i = 0; rc == 0 && i < m->n_figures; i++)
        rc = render_figure(job, &f, &m->figures[i], w, h, png, dpi);
    fonts_close(&f);
    return rc == 0 ? MKP_OK : MKP_EIO;
}

static const mkp_plugin descriptor = {
    .size = sizeof(mkp_plugin),
    .abi_major = MKP_ABI_MAJOR,
    .abi_minor = MKP_ABI_MINOR,
    .name = "svg",
    .version = "1.0.0",
    .description = "every figure as an SVG chart (cairo), optionally PNG",
    .extension = "svg",
    .flags = MKP_PLUGIN_DIRECTORY,
    .n_options = sizeof options / sizeof options[0],
    .options = options,
    .render = render,
};

MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *h)
{
    host = h;
    return &descriptor;
}
