/* fonts.h - the chart room's fonts (fonts.c) and SVG writer (svg.c): the
 * faces the svg plugin draws with, measured and drawn from their unhinted
 * advances, and a scene as a standalone SVG document.  Plugins reach them
 * through host->fonts_open, ->measure, ->text_glyphs, ->font_file and
 * ->scene_svg (ABI 1.2). */
#ifndef MKP_CHART_FONTS_H
#define MKP_CHART_FONTS_H
#include <stddef.h>

#include "marketpress/plugin.h"

/* NULL after one diag() line through job->host when a family is missing. */
/* Whether fontconfig has TrueType outlines of exactly `family`. */
int chart_family_exists(const char *family);
mkp_fonts *chart_fonts_open(const mkp_job *job, const char *family, const char *cjk_family);
void chart_fonts_close(mkp_fonts *fonts);

/* An mkp_measure_fn; ctx is a mkp_fonts. */
double chart_fonts_measure(void *fonts, const char *text, double size, int bold);
size_t chart_fonts_glyphs(mkp_fonts *fonts, const char *text, double size, int bold, mkp_glyph *out, size_t cap);
const char *chart_fonts_file(const mkp_fonts *fonts, int face, int *index, int *embolden);

/* For svg.c: a face's units per em, and the outline of one of its glyphs
 * as SVG path data in font units, y downwards ("" for none); made once
 * per glyph. */
double chart_fonts_upem(const mkp_fonts *fonts, int face);
const char *chart_fonts_outline(mkp_fonts *fonts, int face, unsigned glyph);
/* A new document's number, and whether a glyph is used for the first
 * time in document `doc` (its outline then goes into its <defs>). */
unsigned chart_fonts_new_doc(mkp_fonts *fonts);
int chart_fonts_first_use(mkp_fonts *fonts, int face, unsigned glyph, unsigned doc);

char *chart_scene_svg(mkp_fonts *fonts, const mkp_scene *scene, const char *title, const char *id_prefix,
                      size_t *len);
void chart_svg_free(char *svg);
#endif
