/* figures.c - the numbered figures, each a <figure> with its caption and
 * the chart inline as SVG: laid out by the host's chart engine with the
 * host's fonts and measure, written by host->scene_svg (the svg plugin's
 * drawing, text as outlines, so it looks the same with no fonts
 * installed), every id of a chart starting with a prefix of its own. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

int ht_is_scenario_figure(const mkp_figure *f)
{
    return strncmp(f->id, "scenario", 8) == 0;
}

/* The canvas: the html.width the user chose, and a height that keeps the
 * svg plugin's proportions (720 x 440) unless the figure's reference
 * canvas, where the engine decides its labels, asks for more. */
static void canvas(const ht_doc *d, const mkp_figure *f, double *w, double *h)
{
    double rw = 0, rh = 0;
    d->host->chart_reference(f, d->lang, &rw, &rh);
    *w = d->chart_width;
    *h = ceil(*w * 440.0 / 720.0);
    if (rh > *h && *w >= rw)
        *h = ceil(rh);
}

/* The SVG document inline: without its XML declaration, and with the
 * root's size in CSS pixels ("720pt" becomes "960"), the unit HTML's
 * width and height attributes take; the stylesheet scales it to the
 * column.  The rest is the host's bytes. */
static const char *size_in_px(ht_buf *b, const char *p, const char *end, const char *attr)
{
    const char *a = strstr(p, attr);
    if (!a || a > end)
        return p;
    const char *v = a + strlen(attr);
    char *stop;
    double x = strtod(v, &stop);
    if (stop == v || strncmp(stop, "pt\"", 3) != 0)
        return p; /* not in points: as it is */
    ht_printf(b, "%.*s%.0f\"", (int)(v - p), p, x * 96.0 / 72.0); /* whole pixels: HTML takes no others */
    return stop + 3;
}

static void svg_element(ht_buf *b, const char *svg)
{
    const char *root = strstr(svg, "<svg"), *end = root ? strchr(root, '>') : NULL;
    if (!end) {
        ht_put(b, svg);
        return;
    }
    const char *p = size_in_px(b, root, end, " width=\"");
    p = size_in_px(b, p, end, " height=\"");
    ht_put(b, p);
}

static void figure(ht_doc *d, const mkp_figure *f)
{
    char number[64], caption[1024], prefix[32];
    int hidden = ht_sample_show(d); /* a sample's figure shows its chapter */
    snprintf(number, sizeof number, ht_label(d, "figure"), f->number);
    snprintf(caption, sizeof caption, ht_label(d, "caption"), number, ht_text(d, f->title));
    snprintf(prefix, sizeof prefix, "fig%d-", f->number);
    ht_printf(d->out, "<figure class=\"chart\" id=\"figure-%d\">\n<figcaption>", f->number);
    ht_caption(d, number, f->title);
    ht_put(d->out, "</figcaption>\n");
    double w, h;
    canvas(d, f, &w, &h);
    const mkp_scene *sc = d->host->chart_layout(f, d->lang, w, h, d->host->measure, d->fonts);
    size_t len = 0;
    char *svg = sc ? d->host->scene_svg(d->fonts, sc, caption, prefix, &len) : NULL;
    if (svg) {
        svg_element(d->out, svg);
        ht_put(d->out, "\n");
    } else {
        ht_put(d->out, "<p class=\"chart-missing\">");
        ht_escape(d->out, ht_label(d, "chart-missing"));
        ht_put(d->out, "</p>\n");
    }
    d->host->svg_free(svg);
    if (sc)
        d->host->scene_free(sc);
    ht_put(d->out, "</figure>\n");
    ht_sample_hide(d, hidden);
}

/* Every figure of `dimension` ("" for the market's), the scenario
 * figures only when `scenarios`; a sample's only where it has them. */
void ht_figures(ht_doc *d, const char *dimension, int scenarios)
{
    for (size_t i = 0; i < d->m->n_figures; i++) {
        const mkp_figure *f = mkp_figure_at(d->m, i);
        if (strcmp(f->dimension, dimension) == 0 && ht_is_scenario_figure(f) == scenarios &&
            ht_in_sample(d, f->number))
            figure(d, f);
    }
}
