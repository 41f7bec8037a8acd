/* sdksvg.c - a plugin with no font machinery of its own: every figure as
 * an SVG through the host's fonts, measure and scene_svg (ABI 1.2), which
 * must be the svg plugin's file byte for byte.  With -O sdksvg.own-measure
 * it lays out with a measure of its own instead (the ABI 1.1 way), and
 * with -O sdksvg.id-prefix every id of the files starts with that prefix.
 * It also writes measure.txt: the width of a few strings, for sdk.sh. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static const mkp_host *host;

static const mkp_option options[] = {
    {"own-measure", MKP_OPT_BOOL, "false", "lay out with the plugin's own rough measure", NULL, 0, 0},
    {"id-prefix", MKP_OPT_STRING, "", "what every id of the SVG starts with", NULL, 0, 0},
};

/* What a plugin without fonts would guess: 0.6 em a character. */
static double rough_measure(void *ctx, const char *text, double size, int bold)
{
    (void)ctx;
    double n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return n * size * (bold ? 0.65 : 0.6);
}

static int write_all(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int bad = fwrite(data, 1, len, f) != len;
    return fclose(f) != 0 || bad ? -1 : 0;
}

/* The figure's caption, as the svg plugin titles its files. */
static void caption(const mkp_job *job, const mkp_figure *fig, char *buf, size_t cap)
{
    char number[64];
    snprintf(number, sizeof number, host->label(job, "figure"), fig->number);
    snprintf(buf, cap, host->label(job, "caption"), number, host->text(fig->title, job->lang));
}

static int figure_svg(const mkp_job *job, mkp_fonts *fonts, const mkp_figure *fig, int own)
{
    double rw = 0, rh = 0;
    host->chart_reference(fig, job->lang, &rw, &rh);
    double h = rh > 440 ? ceil(rh) : 440;
    const mkp_scene *sc = own ? host->chart_layout(fig, job->lang, 720, h, rough_measure, NULL)
                              : host->chart_layout(fig, job->lang, 720, h, host->measure, fonts);
    if (!sc)
        return -1;
    char title[1024], path[4096];
    caption(job, fig, title, sizeof title);
    size_t len = 0;
    char *svg = host->scene_svg(fonts, sc, title, host->option(job, "id-prefix"), &len);
    snprintf(path, sizeof path, "%s/%s.svg", job->output_path, fig->file_stem);
    int rc = svg && strlen(svg) == len ? write_all(path, svg, len) : -1;
    host->svg_free(svg);
    host->scene_free(sc);
    return rc;
}

/* Widths a test compares with FreeType's own advances. */
static int measures(const mkp_job *job, mkp_fonts *fonts)
{
    static const char *const texts[] = {"Market", "市场", "Market 市场"};
    char path[4096];
    snprintf(path, sizeof path, "%s/measure.txt", job->output_path);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        mkp_glyph g[16];
        size_t n = host->text_glyphs(fonts, texts[i], 10, 0, g, 16);
        fprintf(f, "%s\t%.6f\t%zu\t%d\n", texts[i], host->measure(fonts, texts[i], 10, 0), n, n ? g[n - 1].face : -1);
    }
    int index, embolden;
    for (int face = 0; face < MKP_FACES; face++) {
        const char *file = host->font_file(fonts, face, &index, &embolden);
        fprintf(f, "face %d\t%s\t%d\t%d\n", face, file ? file : "-", index, embolden);
    }
    return fclose(f) == 0 ? 0 : -1;
}

static int render(const mkp_job *job)
{
    if (!MKP_HAS(mkp_host, host, svg_free)) {
        host->diag(job, MKP_FAIL, "needs a host of ABI 1.2");
        return MKP_ERROR;
    }
    mkp_fonts *fonts = host->fonts_open(job, NULL, NULL);
    if (!fonts)
        return MKP_ERROR;
    int own = host->option_bool(job, "own-measure"), rc = measures(job, fonts);
    for (size_t i = 0; rc == 0 && i < job->model->n_figures; i++)
        rc = figure_svg(job, fonts, &job->model->figures[i], own);
    host->fonts_close(fonts);
    if (rc != 0)
        host->diag(job, MKP_FAIL, "cannot write the charts");
    return rc == 0 ? MKP_OK : MKP_EIO;
}

MKP_DEFINE_PLUGIN(host, TEST_FIELDS("sdksvg", render), .flags = MKP_PLUGIN_DIRECTORY, MKP_OPTIONS(options));
