/* test_chart.c - the chart layout, checked on the scene rather than on
 * pixels: labels show the model's numbers, no two texts overlap, nothing
 * leaves the canvas, axes step 1-2-5. */
#include <math.h>
#include <stdlib.h>

#include "chart/layout.h"
#include "model/format.h"
#include "model/model.h"
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

/* The box a text covers, turned by its angle about its anchor point. */
static box turned_box(const mkp_prim *p)
{
    box b = text_box(p);
    if (p->angle == 0)
        return b;
    double a = p->angle * M_PI / 180.0, c = cos(a), sn = sin(a);
    double xs[2] = {b.x0 - p->x, b.x1 - p->x}, ys[2] = {b.y0 - p->y, b.y1 - p->y};
    box r = {1e300, 1e300, -1e300, -1e300};
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 2; k++) { /* y grows downwards: counter-clockwise turns y up */
            double x = p->x + xs[i] * c + ys[k] * sn, y = p->y - xs[i] * sn + ys[k] * c;
            r.x0 = fmin(r.x0, x), r.y0 = fmin(r.y0, y), r.x1 = fmax(r.x1, x), r.y1 = fmax(r.y1, y);
        }
    return r;
}

static box shape_box(const mkp_prim *q)
{
    switch (q->kind) {
    case MKP_PRIM_RECT:
        return (box){fmin(q->x, q->x + q->w), fmin(q->y, q->y + q->h), fmax(q->x, q->x + q->w), fmax(q->y, q->y + q->h)};
    case MKP_PRIM_LINE:
        return (box){fmin(q->x, q->x2), fmin(q->y, q->y2), fmax(q->x, q->x2), fmax(q->y, q->y2)};
    case MKP_PRIM_CIRCLE:
        return (box){q->x - q->w, q->y - q->w, q->x + q->w, q->y + q->w};
    default: {
        box r = {1e300, 1e300, -1e300, -1e300};
        for (size_t k = 0; k < q->n_points; k++) {
            r.x0 = fmin(r.x0, q->points[2 * k]), r.x1 = fmax(r.x1, q->points[2 * k]);
            r.y0 = fmin(r.y0, q->points[2 * k + 1]), r.y1 = fmax(r.y1, q->points[2 * k + 1]);
        }
        return r;
    }
    }
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
        /* No shape is drawn over a text, so renderers may set all text
         * last (the svg plugin does). */
        box t = turned_box(p);
        for (size_t k = i + 1; k < s->n; k++) {
            const mkp_prim *q = &s->prims[k];
            if (q->kind == MKP_PRIM_TEXT)
                continue;
            box c = shape_box(q);
            if (t.x0 < c.x1 - 0.5 && c.x0 < t.x1 - 0.5 && t.y0 < c.y1 - 0.5 && c.y0 < t.y1 - 0.5) {
                test_fail(__FILE__, __LINE__, "%s: a shape (kind %d, role %d) is drawn over '%s'", what, (int)q->kind,
                          (int)q->role, p->text);
                problems++;
            }
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
        if (p->role == MKP_ROLE_VALUE_LABEL && p->category >= 0) {
            /* The model's value: a segment's, or a stacked column's total.
             * A 100% chart shows shares rounded to add up to 100, which
             * stay within one unit of the last decimal of the model's. */
            double v = 0, model = 0;
            for (size_t k = 0; k < f->n_series; k++)
                if (p->series < 0 || (size_t)p->series == k)
                    model += f->series[k].values[p->category];
            v = f->kind == MKP_CHART_PERCENT ? p->value : model;
            int ok = fabs(v - model) <= (f->kind == MKP_CHART_PERCENT ? pow(10, -f->decimals) : 0);
            char want[64]; /* every label with the figure's decimals: none drops them to fit */
            if (f->percent)
                fmt_percent(want, sizeof want, v / 100.0, f->decimals);
            else
                fmt_number(want, sizeof want, v, f->decimals, 1);
            if (!ok || p->value != v || strcmp(p->text, want) != 0) {
                test_fail(__FILE__, __LINE__, "%s: label '%s' (%.17g) for %.17g", what, p->text, p->value, model);
                problems++;
            }
        }
    }
    /* Shares on a 100% chart: a column whose segments are all labelled
     * adds up to exactly 100. */
    for (size_t c = 0; f->kind == MKP_CHART_PERCENT && c < f->n_categories; c++) {
        double sum = 0;
        size_t labelled = 0;
        for (size_t i = 0; i < s->n; i++)
            if (s->prims[i].role == MKP_ROLE_VALUE_LABEL && s->prims[i].category == (int)c) {
                sum += strtod(s->prims[i].text, NULL); /* what a reader adds up */
                labelled++;
            }
        if (labelled == f->n_series && fabs(sum - 100) > 1e-9) {
            test_fail(__FILE__, __LINE__, "%s: shares of column %zu add up to %.10g", what, c, sum);
            problems++;
        }
    }
    return problems;
}

static const mkp_figure *figure(const mkp_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_figures; i++)
        if (strcmp(m->figures[i].id, id) == 0)
            return &m->figures[i];
    return NULL;
}

/* The service-type figure of a robotics dataset and its English scene,
 * or 0 with nothing to free. */
static int service_chart(const char *path, mkp_doc **doc, const mkp_figure **f, const mkp_scene **s)
{
    *doc = mdl_open(path, 1);
    EXPECT(*doc != NULL);
    *f = *doc ? figure((*doc)->model, "service-type-by-year") : NULL;
    EXPECT(*f != NULL);
    if (!*f) {
        if (*doc)
            ds_free(*doc);
        return 0;
    }
    *s = chart_layout(*f, "en", 720, 440, fake_measure, NULL);
    return 1;
}

/* Values of the figure's series whose flags hold `flag`. */
static size_t marked(const mkp_figure *f, unsigned flag)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n_series; i++)
        for (size_t c = 0; c < f->n_categories; c++)
            n += f->series[i].marks && (f->series[i].marks[c] & flag);
    return n;
}

/* The first text primitive of `role` containing `needle`, or NULL. */
static const mkp_prim *find_text(const mkp_scene *s, mkp_role role, const char *needle)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->prims[i].kind == MKP_PRIM_TEXT && s->prims[i].role == role && strstr(s->prims[i].text, needle))
            return &s->prims[i];
    return NULL;
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

/* Whatever the numbers, the axis is finite with a step above zero, so
 * every tick loop ends. */
TEST(chart_ticks_survive_any_numbers)
{
    double lo, hi;
    const double cases[][2] = {{0, INFINITY}, {-INFINITY, 0}, {NAN, 1}, {0, 1.7e308}, {1e300, 1e300}, {0, 0},
                               {5e-324, 1e-323}, {-1e308, 1e308}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double step = chart_nice_step(cases[i][0], cases[i][1], 5, &lo, &hi);
        EXPECT(isfinite(step) && step > 0 && isfinite(lo) && isfinite(hi) && hi > lo);
        EXPECT((hi - lo) / step < 1000);
    }
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
    mkp_doc *doc = mdl_open("datasets/aigc-foundation-models.yaml", 1);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    const mkp_model *m = doc->model;
    EXPECT(m->n_figures >= 16);
    const char *langs[] = {"en", "zh-CN"};
    static const double sizes[][2] = {{720, 440}, {320, 220}, {1200, 500}};
    for (size_t l = 0; l < 2; l++)
        for (size_t z = 0; z < 3; z++)
            for (size_t i = 0; i < m->n_figures; i++) {
                const mkp_figure *f = &m->figures[i];
                const mkp_scene *s = chart_layout(f, langs[l], sizes[z][0], sizes[z][1], fake_measure, NULL);
                EXPECT(s != NULL);
                if (!s)
                    continue;
                char what[96];
                snprintf(what, sizeof what, "%s [%s, %gx%g]", f->file_stem, langs[l], sizes[z][0], sizes[z][1]);
                EXPECT_INT(check_scene(f, s, what), 0);
                size_t labels = 0;
                for (size_t k = 0; k < s->n; k++)
                    labels += s->prims[k].role == MKP_ROLE_VALUE_LABEL;
                if (labels == 0 && sizes[z][1] >= 440) /* a small canvas may have room for none */
                    test_fail(__FILE__, __LINE__, "%s: no value label", what);
                chart_scene_free(s);
            }
    /* The market chart labels every year with the model's value (checked
     * above), published years in bold. */
    const mkp_figure *market = figure(m, "market-size");
    const mkp_scene *s = chart_layout(market, "en", 720, 440, fake_measure, NULL);
    size_t labels = 0;
    for (size_t k = 0; k < s->n; k++) {
        const mkp_prim *p = &s->prims[k];
        if (p->role != MKP_ROLE_VALUE_LABEL)
            continue;
        labels++;
        EXPECT_INT(p->bold, (market->series[0].marks[p->category] & MKP_YEAR_ANCHOR) != 0);
    }
    EXPECT_INT(labels, market->n_categories);
    EXPECT(find_text(s, MKP_ROLE_VALUE_LABEL, "53.49") && find_text(s, MKP_ROLE_VALUE_LABEL, "53.49")->bold);
    EXPECT(find_text(s, MKP_ROLE_LEGEND, "Published value") != NULL);
    EXPECT(find_text(s, MKP_ROLE_NOTE, "CAGR 2025–2032: 9.43%") != NULL);
    chart_scene_free(s);
    ds_free(doc);
}

TEST(chart_speaks_chinese)
{
    mkp_doc *doc = mdl_open("datasets/aigc-foundation-models.yaml", 1);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    const mkp_scene *s = chart_layout(figure(doc->model, "market-size"), "zh-CN", 720, 440, fake_measure, NULL);
    EXPECT(find_text(s, MKP_ROLE_NOTE, "十亿美元") != NULL);
    EXPECT(find_text(s, MKP_ROLE_NOTE, "2025–2032年复合增长率：9.43%") != NULL);
    EXPECT(find_text(s, MKP_ROLE_LEGEND, "已公布数值") != NULL);
    EXPECT(find_text(s, MKP_ROLE_TITLE, "市场规模") != NULL);
    chart_scene_free(s);
    ds_free(doc);
}

/* Segment anchors (this dataset publishes 2023 and 2035 values per service
 * type): bold labels, a marker per published value and a legend entry; long
 * segment names stay whole in the legend when a row can hold them. */
/* The same segments, marked illustrative in the shipped dataset: their
 * anchors are assumptions, never drawn or named as published values. */
TEST(chart_never_calls_an_assumption_published)
{
    mkp_doc *doc;
    const mkp_figure *f;
    const mkp_scene *s;
    if (!service_chart("datasets/industrial-robotics-services.yaml", &doc, &f, &s))
        return;
    size_t anchors = marked(f, MKP_YEAR_ANCHOR), dots = 0;
    for (size_t k = 0; k < s->n; k++)
        dots += s->prims[k].kind == MKP_PRIM_CIRCLE && s->prims[k].role == MKP_ROLE_MARK;
    EXPECT(anchors > 0);
    EXPECT_INT(dots, 0);
    EXPECT(find_text(s, MKP_ROLE_LEGEND, "Published value") == NULL);
    chart_scene_free(s);
    const mkp_scene *m = chart_layout(figure(doc->model, "market-size"), "en", 720, 440, fake_measure, NULL);
    EXPECT(find_text(m, MKP_ROLE_LEGEND, "Illustrative assumption") != NULL);
    EXPECT(find_text(m, MKP_ROLE_LEGEND, "Published value") == NULL);
    chart_scene_free(m);
    ds_free(doc);
}

TEST(chart_marks_published_segment_values)
{
    mkp_doc *doc;
    const mkp_figure *f;
    const mkp_scene *s;
    if (!service_chart("tests/fixtures/forecast/published-segment-anchors.yaml", &doc, &f, &s))
        return;
    EXPECT_INT(check_scene(f, s, "service types"), 0);
    size_t anchors = marked(f, MKP_YEAR_ANCHOR), dots = 0, bold_labels = 0;
    for (size_t k = 0; k < s->n; k++) {
        const mkp_prim *p = &s->prims[k];
        if (p->kind == MKP_PRIM_CIRCLE && p->role == MKP_ROLE_MARK) {
            dots++;
            EXPECT(f->series[p->series].marks[p->category] & MKP_YEAR_ANCHOR);
            EXPECT(p->value == f->series[p->series].values[p->category]);
        }
        if (p->role == MKP_ROLE_VALUE_LABEL && p->series >= 0 && p->bold) {
            bold_labels++;
            EXPECT(f->series[p->series].marks[p->category] & MKP_YEAR_ANCHOR);
        }
    }
    EXPECT(anchors > 0);
    EXPECT_INT(dots, anchors);
    EXPECT(bold_labels > 0);
    EXPECT(find_text(s, MKP_ROLE_LEGEND, "Published value") != NULL);
    EXPECT(find_text(s, MKP_ROLE_LEGEND, "Remote Monitoring and Predictive Maintenance") != NULL);
    chart_scene_free(s);
    ds_free(doc);
}

/* A figure of `n` segments named `name`, valued up to `value`: by year (8
 * years) for the vertical kinds, by segment for the horizontal ones (two
 * years side by side, in groups of three, when grouped). */
static void stress(mkp_chart_kind kind, size_t n, double value, const char *name, const char *what)
{
    enum { YEARS = 8 };
    mkp_text_entry *e = calloc(n, sizeof *e);
    mkp_text *cats = calloc(n, sizeof *cats), *groups = calloc(n, sizeof *groups);
    mkp_chart_series *ser = calloc(n, sizeof *ser);
    double *vals = calloc(n * YEARS, sizeof *vals);
    mkp_text_entry year_e[YEARS], group_e[] = {{"en", "First group of segments"}, {"en", "Second group"}};
    mkp_text years[YEARS];
    char yb[YEARS][16];
    for (int y = 0; y < YEARS; y++) {
        snprintf(yb[y], sizeof yb[y], "%d", 2025 + y);
        year_e[y] = (mkp_text_entry){"en", yb[y]};
        years[y] = (mkp_text){1, &year_e[y]};
    }
    mkp_text_entry te = {"en", name}, se = {"en", "Source: a very long source note that goes on and on about where "
                                                  "the numbers came from, to test wrapping of the note"};
    mkp_text title = {1, &te}, src = {1, &se};
    int vertical = kind != MKP_CHART_HBAR && kind != MKP_CHART_HBAR_GROUPED;
    for (size_t i = 0; i < n; i++) {
        e[i] = (mkp_text_entry){"en", name};
        cats[i] = (mkp_text){1, &e[i]};
        groups[i] = (mkp_text){1, &group_e[i / 3 % 2]};
        for (int y = 0; y < YEARS; y++)
            vals[i * YEARS + (size_t)y] = value * (double)(i + 1) / (double)n * (1 + 0.1 * y);
        ser[i] = (mkp_chart_series){&cats[i], "", vals + i * YEARS, NULL};
    }
    if (kind == MKP_CHART_PERCENT) /* shares: each year adds up to 100; equal ones for value 0 */
        for (int y = 0; y < YEARS; y++)
            for (size_t i = 0; i < n; i++)
                vals[i * YEARS + (size_t)y] =
                    value == 0 ? 100.0 / (double)n : 100.0 * (double)(i + 1) / ((double)n * (double)(n + 1) / 2);
    /* Horizontal kinds: series k holds the n segments' values of year k. */
    double *by_year = calloc(2 * n, sizeof *by_year);
    mkp_chart_series two[2] = {{&years[0], "", by_year, NULL}, {&years[7], "", by_year + n, NULL}};
    for (size_t i = 0; i < n; i++) {
        by_year[i] = vals[i * YEARS];
        by_year[n + i] = vals[i * YEARS + 7];
    }
    mkp_figure f = {.number = 1, .id = "x", .file_stem = "01-x", .kind = kind, .title = &title, .dimension = "",
                    .unit = kind == MKP_CHART_PERCENT || kind == MKP_CHART_HBAR ? "%" : "USD billion",
                    .percent = kind == MKP_CHART_PERCENT || kind == MKP_CHART_HBAR, .decimals = 2, .source = &src,
                    .callout = "CAGR 2025–2032: 9.43%", .n_categories = vertical ? YEARS : n,
                    .categories = vertical ? years : cats,
                    .category_groups = kind == MKP_CHART_HBAR_GROUPED ? groups : NULL,
                    .n_series = kind == MKP_CHART_BAR ? 1 : vertical ? n : kind == MKP_CHART_HBAR ? 1 : 2,
                    .series = vertical ? ser : two};
    const mkp_scene *s = chart_layout(&f, "en", 720, 440, fake_measure, NULL);
    EXPECT(s != NULL);
    if (s) {
        EXPECT_INT(check_scene(&f, s, what), 0);
        chart_scene_free(s);
    }
    free(e);
    free(cats);
    free(groups);
    free(ser);
    free(vals);
    free(by_year);
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
    stress(MKP_CHART_STACKED, 3, 10, "A segment name so long that no legend row can hold it, which goes on about "
           "everything the segment covers and then some more, well past the width of any chart", "endless names");
    stress(MKP_CHART_HBAR, 6, -12.5, longname, "negative CAGRs");
    stress(MKP_CHART_HBAR_GROUPED, 20, 1e12, longname, "twenty grouped pairs");
    stress(MKP_CHART_LINE, 4, 1e12, longname, "four lines");
    stress(MKP_CHART_LINE, 40, 100, longname, "forty lines");
    stress(MKP_CHART_PERCENT, 20, 5.0, longname, "twenty shares");
    stress(MKP_CHART_PERCENT, 3, 0, "Equal", "three equal shares"); /* 33.33 + 33.33 + 33.34 */
}

/* A title too long for two lines at the full size is set smaller before
 * anything is cut. */
TEST(chart_title_shrinks_before_it_is_cut)
{
    const char *title = "Denoising Diffusion Probabilistic Models and Latent Diffusion Models: Global Market "
                        "Size, Share and Growth by Model Type, Deployment, Application, Industry Vertical and Region, "
                        "with Scenarios, 2025-2032";
    mkp_text_entry te = {"en", title}, ye[2] = {{"en", "2025"}, {"en", "2032"}};
    mkp_text t = {1, &te}, years[2] = {{1, &ye[0]}, {1, &ye[1]}}, none = {0, NULL};
    double v[2] = {1, 2};
    mkp_chart_series ser = {&t, "", v, NULL};
    mkp_figure f = {.number = 1, .id = "x", .file_stem = "01-x", .kind = MKP_CHART_BAR, .title = &t, .dimension = "",
                    .unit = "USD billion", .decimals = 2, .source = &none, .callout = "", .n_categories = 2,
                    .categories = years, .n_series = 1, .series = &ser};
    const mkp_scene *s = chart_layout(&f, "en", 720, 440, fake_measure, NULL);
    size_t lines = 0;
    double size = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->prims[i].role == MKP_ROLE_TITLE) {
            lines++;
            size = s->prims[i].font_size;
            EXPECT(strstr(s->prims[i].text, "\xe2\x80\xa6") == NULL);
        }
    EXPECT_INT(lines, 2);
    EXPECT(size < 13);
    EXPECT_INT(check_scene(&f, s, "long title"), 0);
    chart_scene_free(s);
}

/* ---- one label decision per figure -------------------------------------- */

/* A wider face than fake_measure, as DejaVu Serif is wider than DejaVu
 * Sans: the decision must not depend on it. */
static double wide_measure(void *ctx, const char *t, double size, int bold)
{
    return fake_measure(ctx, t, size, bold) * 1.09;
}

/* The value labels of a scene as one string: "series/category:text@size;". */
static char *label_set(const mkp_scene *s)
{
    size_t cap = 64 + s->n * 48, len = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < s->n; i++) {
        const mkp_prim *p = &s->prims[i];
        if (p->role == MKP_ROLE_VALUE_LABEL)
            len += (size_t)snprintf(out + len, cap - len, "%d/%d:%s@%g;", p->series, p->category, p->text, p->font_size);
    }
    return out;
}

static size_t count_labels(const mkp_scene *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++)
        n += s->prims[i].role == MKP_ROLE_VALUE_LABEL;
    return n;
}

/* The same labels, at the same sizes, whatever measures the text and on
 * any canvas at least as large as the reference; a smaller one labels no
 * more.  Within a scene, one size per kind of label, never below 6.5 pt. */
TEST(chart_one_label_decision_per_figure)
{
    static const char *const files[] = {"datasets/aigc-foundation-models.yaml", "datasets/edge-ai-chips.yaml",
                                        "datasets/industrial-robotics-services.yaml"};
    for (size_t d = 0; d < 3; d++) {
        mkp_doc *doc = mdl_open(files[d], 1);
        EXPECT(doc != NULL);
        for (size_t i = 0; doc && i < doc->model->n_figures; i++) {
            const mkp_figure *f = &doc->model->figures[i];
            double rw, rh;
            chart_reference(f, "en", &rw, &rh);
            EXPECT(rw >= 400 && rh >= 200);
            const mkp_scene *a = chart_layout(f, "en", rw, rh, fake_measure, NULL);
            const mkp_scene *b = chart_layout(f, "en", rw + 1, rh * 1.2, wide_measure, NULL);
            const mkp_scene *c = chart_layout(f, "en", rw > 720 ? rw : 720, rh > 440 ? rh : 440, fake_measure, NULL);
            const mkp_scene *small = chart_layout(f, "en", 320, 220, fake_measure, NULL);
            char *sa = label_set(a), *sb = label_set(b), *sc = label_set(c);
            if (strcmp(sa, sb) != 0 || strcmp(sa, sc) != 0)
                test_fail(__FILE__, __LINE__, "%s %s: labels differ between canvases or faces", files[d], f->file_stem);
            EXPECT(count_labels(small) <= count_labels(a));
            double sizes[8] = {0};
            for (size_t k = 0; k < a->n; k++) {
                const mkp_prim *p = &a->prims[k];
                if (p->role != MKP_ROLE_VALUE_LABEL)
                    continue;
                EXPECT(p->font_size >= 6.5);
                int role = p->series < 0 ? 0 : 1; /* a column's total, or a series' value */
                if (sizes[role] == 0)
                    sizes[role] = p->font_size;
                else if (sizes[role] != p->font_size)
                    test_fail(__FILE__, __LINE__, "%s: '%s' at %g pt beside labels at %g", f->file_stem, p->text,
                              p->font_size, sizes[role]);
            }
            free(sa);
            free(sb);
            free(sc);
            chart_scene_free(a);
            chart_scene_free(b);
            chart_scene_free(c);
            chart_scene_free(small);
        }
        if (doc)
            ds_free(doc);
    }
}

/* ---- decimals -------------------------------------------------------------- */

TEST(decimals_follow_kind_and_magnitude)
{
    const double billions[] = {28.46, 30.12, 53.49}, millions[] = {7150, 10380, 52870}, hundreds[] = {120, 480.5};
    EXPECT_INT(fmt_decimals(billions, 3, MKP_NUMBER_AMOUNT, 1), 2);
    EXPECT_INT(fmt_decimals(millions, 3, MKP_NUMBER_AMOUNT, 1), 0);
    EXPECT_INT(fmt_decimals(hundreds, 2, MKP_NUMBER_AMOUNT, 1), 1);
    const double shares[] = {40.0, 10.2, 20.7}, rates[] = {9.43, 13.54, -1.54};
    EXPECT_INT(fmt_decimals(shares, 3, MKP_NUMBER_SHARE, 1), 1);
    EXPECT_INT(fmt_decimals(rates, 3, MKP_NUMBER_RATE, 1), 2);
    /* a value but zero never reads 0; NaN is ignored */
    const double tiny[] = {1500, 0.3, NAN};
    EXPECT_INT(fmt_decimals(tiny, 3, MKP_NUMBER_AMOUNT, 1), 1);
    const double zero[] = {1500, 0};
    EXPECT_INT(fmt_decimals(zero, 2, MKP_NUMBER_AMOUNT, 1), 0);
    EXPECT_INT(fmt_decimals(NULL, 0, MKP_NUMBER_AMOUNT, 1), 2);
}

TEST(decimals_tell_different_values_apart)
{
    /* 7,150.2 and 7,150.4 would both read 7,150 */
    const double close[] = {7150.2, 7150.4, 52870};
    EXPECT_INT(fmt_decimals(close, 3, MKP_NUMBER_AMOUNT, 1), 1);
    EXPECT_INT(fmt_decimals(close, 3, MKP_NUMBER_AMOUNT, 0), 0);
    /* equal values may read alike; 4.947 and 4.950 need a third place */
    const double same[] = {4.95, 4.95, 12.1}, near[] = {4.947, 4.950};
    EXPECT_INT(fmt_decimals(same, 3, MKP_NUMBER_AMOUNT, 1), 2);
    EXPECT_INT(fmt_decimals(near, 2, MKP_NUMBER_AMOUNT, 1), 3);
    /* up to the cap; values alike at the cap are the same value */
    const double apart[] = {2.0004, 2.0041}, twins[] = {1.00001, 1.00002};
    EXPECT_INT(fmt_decimals(apart, 2, MKP_NUMBER_AMOUNT, 1), FMT_DECIMALS_CAP);
    EXPECT_INT(fmt_decimals(twins, 2, MKP_NUMBER_AMOUNT, 1), 2);
    /* from a figure's magnitude: a small series keeps the figure's 0 */
    const double small[] = {45.2, 61.7};
    EXPECT_INT(fmt_decimals_from(small, 2, 0, 1), 0);
    const double clash[] = {45.2, 44.8};
    EXPECT_INT(fmt_decimals_from(clash, 2, 0, 1), 1);
}

/* Every figure's labels: those read against each other (one series, the
 * totals, a horizontal chart's bars) never show two values alike, and
 * the robotics market by service type is all distinct. */
TEST(decimals_of_every_figure)
{
    mkp_doc *doc = mdl_open("datasets/industrial-robotics-services.yaml", 1);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    const mkp_figure *f = figure(doc->model, "service-type-by-year");
    EXPECT(f != NULL && f->decimals == 2);
    mkp_doc *edge = mdl_open("datasets/edge-ai-chips.yaml", 1);
    for (size_t i = 0; edge && i < edge->model->n_figures; i++)
        if (!edge->model->figures[i].percent)
            EXPECT_INT(edge->model->figures[i].decimals, 0);
    if (edge)
        ds_free(edge);
    ds_free(doc);
}

/* ---- the zoomed axis of a line chart --------------------------------------- */

TEST(chart_zoom_axis_starts_near_the_data)
{
    double lo = 0, hi = 0;
    double step = chart_zoom_axis(28.46, 58.02, 7, &lo, &hi);
    EXPECT_NEAR(step, 5, 1e-12);
    EXPECT_NEAR(lo, 25, 1e-9);
    EXPECT_NEAR(hi, 60, 1e-9);
    EXPECT((hi - lo) / step <= 7 + 1e-9);
    /* a fifth of a step at least below the lowest value */
    step = chart_zoom_axis(30, 58, 7, &lo, &hi);
    EXPECT(step > 0 && lo < 30 - step * 0.2 + 1e-9 && lo > 0);
    /* near zero, negative, or flat: from zero as every chart */
    EXPECT(chart_zoom_axis(5, 58, 7, &lo, &hi) == 0);
    EXPECT(chart_zoom_axis(-3, 58, 7, &lo, &hi) == 0);
    EXPECT(chart_zoom_axis(10, 10, 7, &lo, &hi) == 0);
    EXPECT(chart_zoom_axis(NAN, 10, 7, &lo, &hi) == 0);
    /* ticks at 1-2-5 steps never read alike */
    step = chart_zoom_axis(1000.5, 1003.2, 7, &lo, &hi);
    EXPECT(step > 0);
    char prev[64] = "", buf[64];
    for (double v = lo; v <= hi + step * 1e-9; v += step) {
        fmt_number(buf, sizeof buf, v, step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9), 1);
        EXPECT(strcmp(buf, prev) != 0);
        snprintf(prev, sizeof prev, "%s", buf);
    }
}

/* The scenario chart: its axis starts near the lines with a break drawn,
 * no zero line, and on the report's canvas the closest two lines of 2029
 * stand more than 2 pt apart (1.4 pt on an axis from zero; in 2026 three
 * scenarios still share one value, which no axis can part). */
TEST(chart_scenarios_zoomed)
{
    mkp_doc *doc = mdl_open("datasets/aigc-foundation-models.yaml", 1);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    const mkp_figure *f = figure(doc->model, "scenario-comparison");
    double rw, rh;
    chart_reference(f, "en", &rw, &rh);
    const mkp_scene *s = chart_layout(f, "en", rw, rh, fake_measure, NULL);
    size_t breaks = 0, zeros = 0;
    for (size_t i = 0; i < s->n; i++) {
        const mkp_prim *p = &s->prims[i];
        breaks += p->kind == MKP_PRIM_PATH && p->role == MKP_ROLE_AXIS;
        zeros += p->kind == MKP_PRIM_TEXT && p->role == MKP_ROLE_AXIS && strcmp(p->text, "0") == 0;
    }
    EXPECT_INT(zeros, 0);
    EXPECT(find_text(s, MKP_ROLE_AXIS, "25") != NULL);
    EXPECT_INT(breaks, 1);
    /* points of 2029 (category 4) */
    double y[8];
    size_t n = 0;
    for (size_t i = 0; i < s->n && n < 8; i++)
        if (s->prims[i].kind == MKP_PRIM_CIRCLE && s->prims[i].role == MKP_ROLE_MARK && s->prims[i].category == 4)
            y[n++] = s->prims[i].y;
    EXPECT_INT(n, f->n_series);
    double closest = 1e9;
    for (size_t i = 0; i < n; i++)
        for (size_t k = i + 1; k < n; k++)
            closest = fabs(y[i] - y[k]) < closest ? fabs(y[i] - y[k]) : closest;
    if (!(closest > 2))
        test_fail(__FILE__, __LINE__, "lines of 2029 only %.2f pt apart", closest);
    chart_scene_free(s);
    ds_free(doc);
}
