/* test_chart.c - the chart layout, checked on the scene rather than on
 * pixels: labels show the model's numbers, no two texts overlap, nothing
 * leaves the canvas, axes step 1-2-5. */
#include <stdlib.h>

#include "chart.h"
#include "format.h"
#include "model_int.h"
#include "testhelp.h"

/* A fixed-width stand-in for a font: wide characters count double. */
static double fake_measure(void *ctx, const char *t, double size, int bold)
{
    (void)ctx;
    double w = 0;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
        if ((*p & 0xC0) == 0x80)
            continue;
        w += *p >= 0xE3 ? 1.0 : 0.58;
    }
    return w * size * (bold ? 1.08 : 1.0);
}

typedef struct box {
    double x0, y0, x1, y1;
} box;

static box text_box(const mkp_prim *p)
{
    double w = fake_measure(NULL, p->text, p->font_size, p->bold);
    double x0 = p->anchor == MKP_ANCHOR_MIDDLE ? p->x - w / 2 : p->anchor == MKP_ANCHOR_END ? p->x - w : p->x;
    return (box){x0, p->y - p->font_size * 0.78, x0 + w, p->y + p->font_size * 0.22};
}

/* Returns the number of problems found in the scene, and checks value
 * labels against the figure. */
static int check_scene(const mkp_figure *f, const mkp_scene *s, const char *what)
{
    int problems = 0;
    for (size_t i = 0; i < s->n; i++) {
        const mkp_prim *p = &s->prims[i];
        if (p->kind != MKP_PRIM_TEXT)
            continue;
        box b = text_box(p);
        if (b.x0 < -0.01 || b.y0 < -0.01 || b.x1 > s->width + 0.01 || b.y1 > s->height + 0.01) {
            test_fail(__FILE__, __LINE__, "%s: text '%s' leaves the canvas", what, p->text);
            problems++;
        }
        for (size_t k = i + 1; k < s->n; k++) {
            const mkp_prim *q = &s->prims[k];
            if (q->kind != MKP_PRIM_TEXT)
                continue;
            box c = text_box(q);
            if (b.x0 < c.x1 - 0.5 && c.x0 < b.x1 - 0.5 && b.y0 < c.y1 - 0.5 && c.y0 < b.y1 - 0.5) {
                test_fail(__FILE__, __LINE__, "%s: '%s' overlaps '%s'", what, p->text, q->text);
                problems++;
            }
        }
        if (p->role == MKP_ROLE_VALUE_LABEL && p->series >= 0 && p->category >= 0 && f->kind != MKP_CHART_PERCENT) {
            double v = f->series[p->series].values[p->category];
            char want[64];
            if (f->percent)
                fmt_percent(want, sizeof want, v / 100.0, f->decimals);
            else
                fmt_number(want, sizeof want, v, f->decimals, 1);
            char alt[64]; /* the label may drop decimals to fit */
            if (f->percent)
                fmt_percent(alt, sizeof alt, v / 100.0, 0);
            else
                fmt_number(alt, sizeof alt, v, 0, 1);
            if (p->value != v || (strcmp(p->text, want) != 0 && strcmp(p->text, alt) != 0)) {
                test_fail(__FILE__, __LINE__, "%s: label '%s' for %.17g", what, p->text, v);
                problems++;
            }
        }
    }
    return problems;
}

TEST(chart_ticks_step_1_2_5)
{
    double lo, hi;
    EXPECT_NEAR(chart_nice_step(0, 53.49, 5, &lo, &hi), 20, 1e-12);
    EXPECT_NEAR(hi, 60, 1e-12);
    EXPECT_NEAR(chart_nice_step(0, 100, 5, &lo, &hi), 20, 1e-12);
    EXPECT_NEAR(chart_nice_step(-1.2, 13.5, 5, &lo, &hi), 5, 1e-12);
    EXPECT_NEAR(lo, -5, 1e-12);
    EXPECT_NEAR(chart_nice_step(0, 0.37, 5, &lo, &hi), 0.1, 1e-12);
    EXPECT_NEAR(chart_nice_step(0, 1e12, 5, &lo, &hi), 2e11, 1e-3);
    EXPECT_NEAR(chart_nice_step(0, 0, 5, &lo, &hi), 0.2, 1e-12);
}

TEST(chart_palette_twenty_distinct)
{
    for (size_t i = 0; i < 24; i++)
        for (size_t k = i + 1; k < 24; k++) {
            mkp_color a = chart_color(i), b = chart_color(k);
            EXPECT(a.r != b.r || a.g != b.g || a.b != b.b);
        }
}

TEST(chart_every_aigc_figure_in_both_languages)
{
    mkp_doc *doc = mkp_open("datasets/aigc-foundation-models.yaml", 1);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    const mkp_model *m = doc->model;
    EXPECT(m->n_figures >= 16);
    const char *langs[] = {"en", "zh-CN"};
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i < m->n_figures; i++) {
            const mkp_figure *f = &m->figures[i];
            const mkp_scene *s = chart_layout(f, langs[l], 720, 440, fake_measure, NULL);
            EXPECT(s != NULL);
            if (!s)
                continue;
            char what[96];
            snprintf(what, sizeof what, "%s [%s]", f->file_stem, langs[l]);
            EXPECT_INT(check_scene(f, s, what), 0);
            size_t labels = 0;
            for (size_t k = 0; k < s->n; k++)
                labels += s->prims[k].role == MKP_ROLE_VALUE_LABEL;
            EXPECT(labels > 0);
            chart_scene_free(s);
        }
    /* The market chart labels every year with the model's value. */
    const mkp_scene *s = chart_layout(&m->figures[0], "en", 720, 440, fake_measure, NULL);
    int seen = 0;
    for (size_t k = 0; k < s->n; k++)
        if (s->prims[k].role == MKP_ROLE_VALUE_LABEL && strcmp(s->prims[k].text, "53.49") == 0)
            seen = s->prims[k].bold; /* a published anchor */
    EXPECT(seen);
    chart_scene_free(s);
    mkp_doc_free(doc);
}

/* A figure of `n` segments with the given values and names. */
static void stress(mkp_chart_kind kind, size_t n, double value, const char *name, const char *what)
{
    mkp_text_entry *e = calloc(n, sizeof *e);
    mkp_text *cats = calloc(n, sizeof *cats);
    mkp_chart_series *ser = calloc(n, sizeof *ser);
    double *vals = calloc(n * 8, sizeof *vals);
    mkp_text_entry year_e[8];
    mkp_text years[8];
    char yb[8][16];
    for (int y = 0; y < 8; y++) {
        snprintf(yb[y], sizeof yb[y], "%d", 2025 + y);
        year_e[y] = (mkp_text_entry){"en", yb[y]};
        years[y] = (mkp_text){1, &year_e[y]};
    }
    mkp_text_entry te = {"en", name}, se = {"en", "Source: a very long source note that goes on and on about where "
                                                  "the numbers came from, to test wrapping of the note"};
    mkp_text title = {1, &te}, src = {1, &se};
    int vertical = kind == MKP_CHART_STACKED || kind == MKP_CHART_BAR;
    for (size_t i = 0; i < n; i++) {
        e[i] = (mkp_text_entry){"en", name};
        cats[i] = (mkp_text){1, &e[i]};
        for (int y = 0; y < 8; y++)
            vals[i * 8 + y] = value * (double)(i + 1) / (double)n;
        ser[i] = (mkp_chart_series){&cats[i], "", vals + i * 8, NULL};
    }
    mkp_chart_series one = {&cats[0], "", vals, NULL};
    mkp_figure f = {.number = 1, .id = "x", .file_stem = "01-x", .kind = kind, .title = &title, .dimension = "",
                    .unit = "USD billion", .decimals = 2, .source = &src, .callout = "CAGR 2025-2032: 9.43%",
                    .n_categories = vertical ? 8 : n, .categories = vertical ? years : cats,
                    .n_series = kind == MKP_CHART_STACKED ? n : 1, .series = kind == MKP_CHART_STACKED ? ser : &one};
    if (kind == MKP_CHART_HBAR)
        one.values = vals; /* n categories of the first n values */
    for (size_t i = 0; kind == MKP_CHART_HBAR && i < n; i++)
        vals[i] = value * (double)(i + 1) / (double)n;
    const mkp_scene *s = chart_layout(&f, "en", 720, 440, fake_measure, NULL);
    EXPECT(s != NULL);
    if (s) {
        EXPECT_INT(check_scene(&f, s, what), 0);
        chart_scene_free(s);
    }
    free(e);
    free(cats);
    free(ser);
    free(vals);
}

TEST(chart_layout_survives_hard_cases)
{
    const char *longname = "Denoising Diffusion Probabilistic Models for Enterprise Content Generation Workloads";
    stress(MKP_CHART_HBAR, 1, 12.5, longname, "one long bar");
    stress(MKP_CHART_HBAR, 20, 33.3, longname, "twenty long bars");
    stress(MKP_CHART_STACKED, 20, 53.49, longname, "twenty stacked segments");
    stress(MKP_CHART_STACKED, 1, 0, "Zero", "all zero");
    stress(MKP_CHART_BAR, 1, 1e12, "Very large values", "1e12");
    stress(MKP_CHART_HBAR, 3, 1e12, "Very large values", "1e12 bars");
    stress(MKP_CHART_STACKED, 5, 1.0, "生成式人工智能基础模型市场：按模型类型、部署方式、应用和行业划分的全球预测与分析报告",
           "Chinese title");
}
