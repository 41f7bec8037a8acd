/* test_theme.c - the arithmetic of the house-style checks and of copies:
 * colours read, WCAG contrast ratios, colour differences as readers with
 * each dichromacy see them, folder names of licensees, seats and
 * permissions as written. */
#include <string.h>

#include "model/model.h"
#include "testhelp.h"

static mkp_color hex(const char *s)
{
    mkp_color c = {0, 0, 0, 0};
    EXPECT(ds_parse_color(s, &c) == 0);
    return c;
}

TEST(theme_colors_parse)
{
    mkp_color c;
    EXPECT(ds_parse_color("#1F3A5F", &c) == 0 && c.r == 0x1F && c.g == 0x3A && c.b == 0x5F && c.a == 255);
    EXPECT(ds_parse_color("#fa0", &c) == 0 && c.r == 0xFF && c.g == 0xAA && c.b == 0x00);
    EXPECT(ds_parse_color("1F3A5F", &c) != 0);
    EXPECT(ds_parse_color("#1F3A5", &c) != 0);
    EXPECT(ds_parse_color("#GGGGGG", &c) != 0);
    EXPECT(ds_parse_color("", &c) != 0);
}

TEST(theme_contrast_is_wcag)
{
    /* black on white is 21:1, a colour on itself 1:1, and #767676 is the
     * lightest grey that passes AA on white (4.54:1). */
    EXPECT_NEAR(ds_contrast(hex("#000000"), hex("#FFFFFF")), 21.0, 1e-9);
    EXPECT_NEAR(ds_contrast(hex("#1F3A5F"), hex("#1F3A5F")), 1.0, 1e-12);
    EXPECT_NEAR(ds_contrast(hex("#767676"), hex("#FFFFFF")), 4.54, 0.005);
    EXPECT(ds_contrast(hex("#777777"), hex("#FFFFFF")) < 4.5);
    EXPECT_NEAR(ds_contrast(hex("#FFFFFF"), hex("#000000")), ds_contrast(hex("#000000"), hex("#FFFFFF")), 0);
}

TEST(theme_color_vision)
{
    mkp_color red = hex("#D62728"), green = hex("#2CA02C"), blue = hex("#0072B2"), orange = hex("#E69F00");
    /* Red and green are far apart for most readers and close for those
     * without green cones; Okabe-Ito blue and orange stay apart for all. */
    EXPECT(ds_color_distance(red, green, 0) > 60);
    EXPECT(ds_color_distance(red, green, 2) < 10);
    for (int v = 0; v < 4; v++)
        EXPECT(ds_color_distance(blue, orange, v) > 30);
    EXPECT_NEAR(ds_color_distance(blue, blue, 3), 0, 1e-12);
    /* Greys are seen as they are by every reader. */
    EXPECT_NEAR(ds_color_distance(hex("#000000"), hex("#FFFFFF"), 0), 100, 0.01);
    EXPECT_NEAR(ds_color_distance(hex("#000000"), hex("#FFFFFF"), 2), 100, 0.5);
}

TEST(theme_default_palette_passes)
{
    const mkp_theme *t = &ds_theme_default()->pub;
    EXPECT_INT(t->n_series, 8);
    EXPECT_STR(t->name, "default");
    EXPECT(t->cover == MKP_COVER_BAND);
    double least = 1e9;
    for (size_t i = 0; i < t->n_series; i++)
        for (size_t k = i + 1; k < t->n_series; k++)
            for (int v = 0; v < 4; v++) {
                double d = ds_color_distance(t->series[i], t->series[k], v);
                least = d < least ? d : least;
            }
    EXPECT(least >= 10);
    EXPECT(ds_contrast(t->ink, hex("#FFFFFF")) >= 4.5);
    EXPECT(ds_contrast(t->on_primary, t->primary) >= 4.5);
}

TEST(copy_slugs_seats_permissions)
{
    arena a;
    arena_init(&a);
    EXPECT_STR(ds_slug(&a, "Acme Corp."), "acme-corp");
    EXPECT_STR(ds_slug(&a, "  AT&T / Europe  "), "at-t-europe");
    EXPECT_STR(ds_slug(&a, "北京数据有限公司"), "北京数据有限公司");
    EXPECT_STR(ds_slug(&a, "---"), "");
    mkp_copy c = {.size = sizeof c, .licensee = "Acme Corp", .edition = MKP_EDITION_SAMPLE};
    EXPECT_STR(ds_copy_slug(&a, &c), "acme-corp-sample");
    c.licensee = "";
    EXPECT_STR(ds_copy_slug(&a, &c), "sample");
    c.edition = MKP_EDITION_FULL;
    EXPECT_STR(ds_copy_slug(&a, &c), "");
    int seats = 0;
    EXPECT(ds_parse_seats("1", &seats) == 0 && seats == 1);
    EXPECT(ds_parse_seats("site", &seats) == 0 && seats == -1);
    EXPECT(ds_parse_seats("0", &seats) != 0 && ds_parse_seats("2x", &seats) != 0 && ds_parse_seats("", &seats) != 0);
    EXPECT(ds_parse_permissions("print,modify", &c) == 0 && c.protect && c.allow_print && !c.allow_copy &&
           c.allow_modify);
    EXPECT(ds_parse_permissions("none", &c) == 0 && c.protect && !c.allow_print && !c.allow_copy);
    EXPECT(ds_parse_permissions("print,,copy", &c) != 0 && ds_parse_permissions("all", &c) != 0);
    arena_free(&a);
}
