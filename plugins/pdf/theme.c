/* theme.c - the publisher's house style (model->theme, docs/themes.md) as
 * the report applies it: the colours every page draws with, the cover's
 * layout, the logo (loaded once, drawn on the cover and in every running
 * head) and the footer line.  The font families are chosen in fonts.c. */
#include <errno.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/capture.h"
#include "pdf.h"

/* The colours of the built-in default theme, which are those the report
 * drew with before themes.  The cover's two tints on navy were chosen by
 * eye for them and are kept as they were; another theme gets mixes of its
 * own on_primary and primary. */
static const pdf_colors house = {
    .primary = 0x1F3A5Fu,
    .accent = 0x2F7FB5u,
    .on_primary = 0xFFFFFFu,
    .ink = 0x1E2430u,
    .muted = 0x5C6773u,
    .rule = 0xB7C0CAu,
    .header_fill = 0x1F3A5Fu,
    .header_ink = 0xFFFFFFu,
    .zebra = 0xEEF2F6u,
    .sub = 0xD6E2EFu,
    .kicker = 0x9DBCDDu,
};

#define SUB_MIX 0.85                /* of on_primary in the cover's subtitle */
#define KICKER_MIX 0.66             /* and in the line above the title */

/* 0xRRGGBB, or `otherwise` for a colour the theme leaves out (alpha 0). */
static uint32_t rgb(mkp_color c, uint32_t otherwise)
{
    return c.a ? (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b : otherwise;
}

/* t of a over 1 - t of b, channel by channel, rounded. */
static uint32_t mix(uint32_t a, uint32_t b, double t)
{
    uint32_t o = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double v = t * (double)((a >> shift) & 0xFF) + (1 - t) * (double)((b >> shift) & 0xFF);
        o |= (uint32_t)(v + 0.5) << shift;
    }
    return o;
}

static void colors(pdf_doc *d)
{
    const mkp_theme *t = d->theme;
    pdf_colors *c = &d->col;
    *c = house;
    for (int k = 0; k < MKP_VALUE_CLASSES; k++)
        c->values[k] = rgb(mkp_value_class_color((mkp_value_class)k), 0);
    if (!t)
        return;
    c->primary = rgb(t->primary, c->primary);
    c->accent = rgb(t->accent, c->accent);
    c->on_primary = rgb(t->on_primary, c->on_primary);
    c->ink = rgb(t->ink, c->ink);
    c->muted = rgb(t->muted, c->muted);
    c->rule = rgb(t->rule, c->rule);
    c->header_fill = rgb(t->header_fill, c->header_fill);
    c->header_ink = rgb(t->header_ink, c->header_ink);
    c->zebra = rgb(t->zebra, c->zebra);
    for (int k = 0; k < MKP_VALUE_CLASSES; k++)
        c->values[k] = rgb(t->values[k], c->values[k]);
    if (c->primary != house.primary || c->on_primary != house.on_primary) {
        c->sub = mix(c->on_primary, c->primary, SUB_MIX);
        c->kicker = mix(c->on_primary, c->primary, KICKER_MIX);
    }
}

/* What the theme asks of this job; before the document is started, since
 * the fonts are found from it. */
void th_setup(pdf_doc *d)
{
    const mkp_model *m = d->m;
    d->theme = MKP_HAS(mkp_model, m, theme) && m->theme && m->theme->size >= sizeof(mkp_theme) ? m->theme : NULL;
    colors(d);
    d->cover = MKP_COVER_BAND;
    d->footer = "";
    if (!d->theme)
        return;
    if (d->theme->cover == MKP_COVER_SIDEBAR || d->theme->cover == MKP_COVER_PLAIN)
        d->cover = d->theme->cover;
    if (d->theme->footer.n)
        d->footer = str_short(d, txt(d, &d->theme->footer));
}

/* libharu 2.3.0 stores the transparency of a PNG (its SMask) without
 * compression, whatever the document's compression mode: 150 KB for a
 * logo of 780 x 200 pixels.  Deflated like the image itself, through the
 * installed internal headers, so only with the version built against. */
static void deflate_mask(HPDF_Image img)
{
    if (strcmp(HPDF_GetVersion(), HPDF_VERSION_TEXT) != 0)
        return;
    HPDF_Dict mask = HPDF_Dict_GetItem(img, "SMask", HPDF_OCLASS_DICT);
    if (mask && mask->stream)
        mask->filter |= HPDF_STREAM_FILTER_FLATE_DECODE;
}

/* ---- the logo ----------------------------------------------------------- */

/* libharu 2.3.0 reads a PNG through libpng without a recovery point for
 * libpng's errors, so that a damaged file aborts the whole job.  The logo
 * is read once here first, every row, with one. */
typedef struct png_probe {
    jmp_buf back;
    unsigned char *row;
    int deep_alpha;                 /* 16 bits a channel, with an alpha channel */
    char why[160];
} png_probe;

static void probe_error(png_structp png, png_const_charp msg)
{
    png_probe *p = png_get_error_ptr(png);
    snprintf(p->why, sizeof p->why, "%s", msg);
    longjmp(p->back, 1);
}

static void probe_warning(png_structp png, png_const_charp msg)
{
    (void)png, (void)msg; /* libharu's own read says them (th_logo_load) */
}

static void probe_rows(png_structp png, png_infop info, png_probe *p)
{
    png_read_info(png, info);
    p->deep_alpha = png_get_bit_depth(png, info) == 16 && (png_get_color_type(png, info) & PNG_COLOR_MASK_ALPHA);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    p->row = malloc(png_get_rowbytes(png, info) + 1);
    if (!p->row)
        png_error(png, "out of memory");
    png_uint_32 h = png_get_image_height(png, info);
    for (int pass = 0; pass < passes; pass++)
        for (png_uint_32 y = 0; y < h; y++)
            png_read_row(png, p->row, NULL);
    png_read_end(png, NULL);
}

/* "" when libpng reads the whole of `file`, else what stopped it.  libharu
 * 2.3.0 also writes the transparency of a PNG of 16 bits a channel as 8
 * bits and calls it 16: such a file is refused too. */
static const char *png_damage(pdf_doc *d, const char *file)
{
    FILE *f = fopen(file, "rb");
    if (!f)
        return ar_strdup(d, strerror(errno));
    png_probe p = {.row = NULL};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &p, probe_error, probe_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    const char *why = "out of memory";
    if (png && info) {
        if (setjmp(p.back) == 0) {
            png_init_io(png, f);
            probe_rows(png, info, &p);
            why = p.deep_alpha ? "a PNG of 16 bits a channel with transparency, which libharu 2.3.0 cannot embed; "
                                 "save it with 8 bits a channel"
                               : "";
        } else {
            why = ar_strdup(d, p.why);
        }
    }
    png_destroy_read_struct(png ? &png : NULL, info ? &info : NULL, NULL);
    free(p.row);
    fclose(f);
    return why;
}

/* "" when a JPEG ends with its end-of-image marker (FF D9), which libharu
 * does not look for: it copies the file whole, and a file cut short would
 * be an image every reader complains about.  A few bytes after the marker
 * (some writers pad) are allowed. */
static const char *jpeg_damage(pdf_doc *d, const char *file)
{
    unsigned char tail[1024];
    FILE *f = fopen(file, "rb");
    if (!f)
        return ar_strdup(d, strerror(errno));
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    long n = size < (long)sizeof tail ? size : (long)sizeof tail;
    int ok = n >= 2 && fseek(f, size - n, SEEK_SET) == 0 && fread(tail, 1, (size_t)n, f) == (size_t)n;
    fclose(f);
    for (long i = n - 2; ok && i >= 0; i--)
        if (tail[i] == 0xFF && tail[i + 1] == 0xD9)
            return "";
    return "it is cut short (no end-of-image marker)";
}

/* Loads the theme's logo into the document, once; 0, or -1 after one
 * failure line: a client's edition without its publisher's logo is not
 * the edition that was asked for.  What libpng says while libharu reads
 * the file (an odd colour profile, say) is one warning. */
int th_logo_load(pdf_doc *d)
{
    const mkp_theme *t = d->theme;
    if (!t || !t->logo || !*t->logo || (t->logo_format != MKP_IMAGE_PNG && t->logo_format != MKP_IMAGE_JPEG))
        return 0;
    int png = t->logo_format == MKP_IMAGE_PNG;
    const char *why = png ? png_damage(d, t->logo) : jpeg_damage(d, t->logo);
    if (*why) {
        d->host->diag(d->job, MKP_FAIL, "cannot embed the theme's logo %s: %s", t->logo, why);
        return -1;
    }
    cap_stderr cap = cap_begin();
    HPDF_Image img = png ? HPDF_LoadPngImageFromFile(d->pdf, t->logo) : HPDF_LoadJpegImageFromFile(d->pdf, t->logo);
    cap_end(&cap, d->host, d->job, "libpng", 0);
    HPDF_Point size = img ? HPDF_Image_GetSize(img) : (HPDF_Point){0, 0};
    if (!img || !(size.x > 0) || !(size.y > 0)) {
        d->host->diag(d->job, MKP_FAIL, "cannot embed the theme's logo %s (libharu error 0x%04X, detail %u)",
                      t->logo, (unsigned)d->err, (unsigned)d->err_detail);
        return -1;
    }
    if (png)
        deflate_mask(img);
    d->logo = img;
    d->logo_aspect = (double)size.x / (double)size.y;
    return 0;
}

/* The logo's width at height h, made smaller when wider than max_w. */
double th_logo_width(const pdf_doc *d, double h, double max_w)
{
    if (!d->logo)
        return 0;
    double w = h * d->logo_aspect;
    return w < max_w ? w : max_w;
}

/* Draws the logo in a box of height h from (x, y), its bottom left corner,
 * keeping its proportions: at most max_w wide, centred in the box's height
 * when that makes it lower.  Returns the width drawn. */
double th_logo_draw(pdf_doc *d, double x, double y, double h, double max_w)
{
    double w = th_logo_width(d, h, max_w);
    if (!(w > 0))
        return 0;
    double lh = w / d->logo_aspect;
    HPDF_Page_DrawImage(d->page, d->logo, (HPDF_REAL)x, (HPDF_REAL)(y + (h - lh) / 2), (HPDF_REAL)w,
                        (HPDF_REAL)lh);
    return w;
}
