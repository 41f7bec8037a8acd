/* logo.c - the theme's logo as a printed header can hold it.  libxlsxwriter
 * sizes a header image by the resolution its file declares (96 dots per
 * inch when it declares none) and has no scale for it, so a logo made for
 * a cover would cover half the page.  The plugin writes a copy beside the
 * output, the same pixels declaring the resolution at which they print
 * LOGO_H inches tall (a PNG's pHYs chunk, a JPEG's JFIF density), and
 * removes it once the workbook is closed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "xlsx.h"

#define LOGO_H 0.45                 /* inches, the logo's printed height */
#define LOGO_W_MAX 3.0              /* inches: a long, low logo prints less tall */
#define LOGO_BYTES_MAX (16 << 20)   /* a bigger file is no logo for a header */

static void be32_put(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static uint32_t be32_get(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The whole file, or NULL. */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    long size = fp && fseek(fp, 0, SEEK_END) == 0 ? ftell(fp) : -1;
    unsigned char *d = size > 0 && size <= LOGO_BYTES_MAX && fseek(fp, 0, SEEK_SET) == 0 ? malloc((size_t)size) : NULL;
    *len = d ? fread(d, 1, (size_t)size, fp) : 0;
    if (fp)
        fclose(fp);
    if (d && *len != (size_t)size) {
        free(d);
        d = NULL;
    }
    return d;
}

/* The PNG with one pHYs chunk of `ppm` pixels per metre right after its
 * header chunk (any other pHYs left out); 0 for a file that is no PNG. */
static int png_copy(FILE *out, const unsigned char *d, size_t n, uint32_t ppm)
{
    if (n < 33 || memcmp(d, "\x89PNG\r\n\x1a\n", 8) || memcmp(d + 12, "IHDR", 4))
        return 0;
    unsigned char phys[21];
    be32_put(phys, 9);
    memcpy(phys + 4, "pHYs", 4);
    be32_put(phys + 8, ppm);
    be32_put(phys + 12, ppm);
    phys[16] = 1; /* the unit is the metre */
    be32_put(phys + 17, (uint32_t)crc32(0, phys + 4, 13));
    fwrite(d, 1, 33, out); /* the signature and IHDR */
    fwrite(phys, 1, sizeof phys, out);
    for (size_t o = 33; o + 12 <= n;) {
        size_t len = be32_get(d + o);
        if (len > n - o - 12)
            return 0;
        if (memcmp(d + o + 4, "pHYs", 4))
            fwrite(d + o, 1, len + 12, out);
        o += len + 12;
    }
    return 1;
}

/* The JPEG with a JFIF header of `dpi` dots per inch in place of its own
 * (and of any thumbnail in it), right after the start marker; 0 for a
 * file that is no JPEG. */
static int jpeg_copy(FILE *out, const unsigned char *d, size_t n, unsigned dpi)
{
    if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
        return 0;
    unsigned char hi = (unsigned char)(dpi >> 8), lo = (unsigned char)dpi;
    const unsigned char app0[18] = {0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1 /* dots per inch */,
                                    hi,   lo,   hi, lo, 0,  0};
    size_t skip = 2;
    if (n >= 20 && d[2] == 0xFF && d[3] == 0xE0 && !memcmp(d + 6, "JFIF", 5)) {
        size_t len = (size_t)(d[4] << 8 | d[5]);
        if (len < 16 || 4 + len > n)
            return 0;
        skip = 4 + len;
    }
    fwrite(d, 1, 2, out);
    fwrite(app0, 1, sizeof app0, out);
    fwrite(d + skip, 1, n - skip, out);
    return 1;
}

/* Writes the copy and sets b->logo (its path) and b->logo_in; without a
 * logo, or when the copy cannot be made (said once), neither. */
void lg_make(book *b)
{
    const mkp_theme *t = b->theme;
    if (!t || !t->logo || !*t->logo || t->logo_width <= 0 || t->logo_height <= 0 ||
        (t->logo_format != MKP_IMAGE_PNG && t->logo_format != MKP_IMAGE_JPEG))
        return;
    double dpi = t->logo_height / LOGO_H, wide = t->logo_width / LOGO_W_MAX;
    dpi = wide > dpi ? wide : dpi;
    dpi = dpi < 1 ? 1 : dpi > 65535 ? 65535 : dpi;
    /* Named as the theme's logo (a header image is titled by its file's
     * name), in the job's own folder beside the output, whose name ends in
     * .xlsx and so is never this one. */
    const char *out_path = b->job->output_path, *slash = strrchr(out_path, '/');
    const char *base = tx_base_name(t->logo), *dot = strchr(base, '.');
    int dir = slash ? (int)(slash - out_path + 1) : 0, stem = dot ? (int)(dot - base) : (int)strlen(base);
    size_t cap = (size_t)dir + (size_t)stem + 8, n = 0;
    char *path = malloc(cap);
    unsigned char *d = path ? slurp(t->logo, &n) : NULL;
    if (path)
        snprintf(path, cap, "%.*s%.*s.%s", dir, out_path, stem, base, t->logo_format == MKP_IMAGE_PNG ? "png" : "jpg");
    FILE *out = d ? fopen(path, "wb") : NULL;
    int ok = 0;
    if (out) {
        uint32_t ppm = (uint32_t)(dpi / 0.0254 + 0.5);
        unsigned dots = (unsigned)(dpi + 0.5);
        ok = t->logo_format == MKP_IMAGE_PNG ? png_copy(out, d, n, ppm) : jpeg_copy(out, d, n, dots);
        /* what libxlsxwriter will read back: whole pixels per metre, or whole dots per inch */
        dpi = t->logo_format == MKP_IMAGE_PNG ? ppm * 0.0254 : dots;
        ok = !ferror(out) && ok;
        ok = fclose(out) == 0 && ok;
    }
    free(d);
    if (!ok) {
        if (path && out)
            unlink(path);
        free(path);
        host->diag(b->job, MKP_WARNING, "the logo %s is left out of the printed header: it cannot be copied",
                   t->logo);
        return;
    }
    b->logo = path;
    b->logo_in = t->logo_height / dpi;
}

/* Once the workbook is closed: the copy goes. */
void lg_remove(book *b)
{
    if (b->logo)
        unlink(b->logo);
    free(b->logo);
    b->logo = NULL;
}
