/* test_fonts.c - the host's chart fonts (core/chart/fonts.c): measure is
 * the sum of the face's own unhinted advances, Chinese falls back to the
 * CJK face, and text_glyphs places each glyph where measure counts it; and
 * the one font finder's preferences (plugins/common/fontfind.c), a
 * theme's families. */
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include "chart/fonts.h"
#include "fontfind.h"
#include "testhelp.h"

static int diags, warnings;

static void count_diag(const mkp_job *job, mkp_level level, const char *fmt, ...)
{
    (void)job, (void)fmt;
    diags++;
    warnings += level == MKP_WARNING;
}

static const mkp_host test_host = {.size = sizeof(mkp_host), .diag = count_diag};
static const mkp_job test_job = {.size = sizeof(mkp_job), .host = &test_host, .lang = "en"};

/* FreeType's advance sum of `text` (ASCII) in a face, at `size` points. */
static double freetype_width(const char *file, int index, const char *text, double size)
{
    FT_Library lib;
    FT_Face face;
    double em = 0;
    if (FT_Init_FreeType(&lib))
        return -1;
    if (FT_New_Face(lib, file, index, &face) == 0) {
        for (const char *c = text; *c; c++) {
            FT_Fixed adv = 0;
            FT_Get_Advance(face, FT_Get_Char_Index(face, (FT_ULong)(unsigned char)*c), FT_LOAD_NO_SCALE, &adv);
            em += (double)adv / face->units_per_EM;
        }
        FT_Done_Face(face);
    }
    FT_Done_FreeType(lib);
    return em * size;
}

TEST(fonts_measure_is_the_faces_advance_sum)
{
    diags = 0;
    mkp_fonts *fs = chart_fonts_open(&test_job, NULL, NULL);
    EXPECT(fs != NULL);
    if (!fs)
        return;
    int index = -1, embolden = -1;
    const char *file = chart_fonts_file(fs, MKP_FACE_REGULAR, &index, &embolden);
    EXPECT(file && strstr(file, "DejaVuSans"));
    EXPECT_INT(embolden, 0);
    double want = freetype_width(file, index, "Market", 10);
    EXPECT(want > 20);
    EXPECT_NEAR(chart_fonts_measure(fs, "Market", 10, 0), want, 1e-4);
    /* the glyphs sit at the running sum of the advances */
    mkp_glyph g[8];
    EXPECT_INT(chart_fonts_glyphs(fs, "Market", 10, 0, g, 8), 6);
    EXPECT_NEAR(g[0].x, 0, 0);
    EXPECT_NEAR(g[5].x, want - freetype_width(file, index, "t", 10), 1e-4);
    EXPECT_INT(g[0].face, MKP_FACE_REGULAR);
    EXPECT(chart_fonts_measure(fs, "Market", 10, 1) > want); /* bold is wider */
    chart_fonts_close(fs);
    EXPECT_INT(diags, 0);
}

TEST(fonts_chinese_falls_back_to_a_cjk_face)
{
    mkp_fonts *fs = chart_fonts_open(&test_job, NULL, NULL);
    EXPECT(fs != NULL);
    if (!fs)
        return;
    EXPECT(chart_fonts_file(fs, MKP_FACE_CJK, NULL, NULL) != NULL);
    EXPECT(chart_fonts_measure(fs, "市场", 10, 0) > 0);
    mkp_glyph g[4];
    EXPECT_INT(chart_fonts_glyphs(fs, "M市", 10, 0, g, 4), 2);
    EXPECT_INT(g[0].face, MKP_FACE_REGULAR);
    EXPECT_INT(g[1].face, MKP_FACE_CJK);
    EXPECT(g[1].index != 0);
    /* bold Chinese is emboldened, an em/24 wider a character */
    EXPECT_NEAR(chart_fonts_measure(fs, "市", 24, 1) - chart_fonts_measure(fs, "市", 24, 0), 1, 1e-4);
    int embolden = 0;
    chart_fonts_file(fs, MKP_FACE_CJK_BOLD, NULL, &embolden);
    EXPECT_INT(embolden, 1);
    chart_fonts_close(fs);
}

TEST(fonts_missing_family_is_said_once)
{
    diags = 0;
    EXPECT(chart_fonts_open(&test_job, "No Such Family", NULL) == NULL);
    EXPECT_INT(diags, 1);
}

/* A scene of one text as a document: the text's glyphs, the title. */
TEST(fonts_scene_svg_is_a_standalone_document)
{
    mkp_fonts *fs = chart_fonts_open(&test_job, NULL, NULL);
    if (!fs)
        return;
    mkp_prim p[2] = {{.kind = MKP_PRIM_RECT, .fill = {255, 0, 0, 128}, .x = 10, .y = 10, .w = -5, .h = 4},
                     {.kind = MKP_PRIM_TEXT, .role = MKP_ROLE_TITLE, .fill = {0, 0, 0, 255}, .x = 1, .y = 20,
                      .text = "A & B", .font_size = 10}};
    mkp_scene sc = {100, 50, 2, p, sizeof(mkp_prim)};
    size_t len = 0;
    char *svg = chart_scene_svg(fs, &sc, NULL, "x-", &len);
    EXPECT(svg && strlen(svg) == len);
    EXPECT(svg && strstr(svg, "role=\"img\" aria-label=\"A &amp; B\">\n<title>A &amp; B</title>"));
    EXPECT(svg && strstr(svg, "<rect x=\"5\" y=\"10\" width=\"5\" height=\"4\" fill=\"#ff0000\" fill-opacity=\"0.502\"/>"));
    EXPECT(svg && strstr(svg, "<path id=\"x-t0-"));
    EXPECT(svg && strstr(svg, "<g id=\"x-text\">"));
    char *again = chart_scene_svg(fs, &sc, NULL, "x-", NULL);
    EXPECT(svg && again && strcmp(svg, again) == 0); /* outlines written in each document */
    chart_svg_free(again);
    chart_svg_free(svg);
    EXPECT(chart_scene_svg(fs, NULL, NULL, NULL, NULL) == NULL);
    chart_fonts_close(fs);
}

static int face_is(const ff_fonts *ff, int face, const char *file_part)
{
    return ff->face[face].file && strstr(ff->face[face].file, file_part);
}

/* A family a theme prefers that is not installed: one warning naming it,
 * and the default in its place; a heading family other than the body's
 * gives its bold face, the body's own family none. */
TEST(fontfind_a_preferred_family_falls_back_with_a_warning)
{
    ff_fonts ff;
    ff_want w = {.preferred = "No Such Family", .default_family = "DejaVu Serif", .styles = 1u << FF_BOLD,
                 .heading = "DejaVu Sans", .why = "the theme's"};
    diags = warnings = 0;
    EXPECT_INT(ff_find_want(&ff, &test_host, &test_job, &w), 0);
    EXPECT_INT(diags, 1);
    EXPECT_INT(warnings, 1);
    EXPECT(face_is(&ff, FF_REGULAR, "DejaVuSerif.ttf"));
    EXPECT(face_is(&ff, FF_BOLD, "DejaVuSerif-Bold.ttf"));
    EXPECT(face_is(&ff, FF_HEADING, "DejaVuSans-Bold.ttf"));
    ff_free(&ff);

    w.preferred = "DejaVu Sans";
    w.heading = "dejavu sans"; /* fontconfig's spelling rules: the same family */
    diags = 0;
    EXPECT_INT(ff_find_want(&ff, &test_host, &test_job, &w), 0);
    EXPECT_INT(diags, 0);
    EXPECT(face_is(&ff, FF_REGULAR, "DejaVuSans.ttf"));
    EXPECT(ff.face[FF_HEADING].file == NULL);
    ff_free(&ff);

    w.heading = "No Such Heading";
    w.cjk_preferred = "No Such CJK";
    diags = warnings = 0;
    EXPECT_INT(ff_find_want(&ff, &test_host, &test_job, &w), 0);
    EXPECT_INT(warnings, 2);
    EXPECT(ff.face[FF_HEADING].file == NULL);
    EXPECT(ff.face[FF_CJK].file != NULL); /* the default's */
    ff_free(&ff);
}

/* A family the user chose (an option) is required even beside a theme's. */
TEST(fontfind_a_required_family_wins_and_must_exist)
{
    ff_fonts ff;
    ff_want w = {.family = "DejaVu Sans Mono", .preferred = "DejaVu Sans", .default_family = "DejaVu Serif"};
    diags = 0;
    EXPECT_INT(ff_find_want(&ff, &test_host, &test_job, &w), 0);
    EXPECT_INT(diags, 0);
    EXPECT(face_is(&ff, FF_REGULAR, "DejaVuSansMono.ttf"));
    ff_free(&ff);
    w.family = "No Such Family";
    diags = warnings = 0;
    EXPECT_INT(ff_find_want(&ff, &test_host, &test_job, &w), -1);
    EXPECT_INT(diags, 1);
    EXPECT_INT(warnings, 0);
    ff_free(&ff);
}
