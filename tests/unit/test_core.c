/* test_core.c - the loader, CAGR forecasting, reconciliation, derived
 * figures and number formatting, on models built from YAML text. */
#include <stdlib.h>

#include "model/format.h"
#include "marketpress/chart.h"
#include "base/date.h"
#include "forecast/forecast.h"
#include "model/model.h"
#include "testhelp.h"

static const char aigc_min[] = "report: {id: t, title: T, base_year: 2025, estimated_year: 2026,\n"
                               "         forecast_end: 2032, currency: USD, unit: billion}\n"
                               "market: {anchors: {2025: 28.46, 2026: 30.12, 2032: 53.49}}\n";

/* Loads and builds `text`; errors go to a buffer the test can read. */
static mkp_doc *load(const char *text, char *errbuf, size_t cap)
{
    FILE *err = fmemopen(errbuf, cap, "w");
    diag_ctx d;
    diag_init(&d, "t.yaml", err);
    mkp_doc *doc = mdl_load_buffer("t.yaml", (const unsigned char *)text, strlen(text), &d);
    if (doc && mdl_build(doc, &d) != 0) {
        ds_free(doc);
        doc = NULL;
    }
    fclose(err);
    return doc;
}

static double at(const mkp_model *m, const mkp_node *n, int year)
{
    return n->value[mkp_year_index(m, year)];
}

TEST(cagr_passes_through_every_anchor)
{
    char err[512] = "";
    mkp_doc *doc = load(aigc_min, err, sizeof err);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    const mkp_model *m = doc->model;
    EXPECT_INT(m->n_years, 8);
    EXPECT(at(m, m->market, 2025) == 28.46);
    EXPECT(at(m, m->market, 2026) == 30.12);
    EXPECT(at(m, m->market, 2032) == 53.49);
    /* 2026 -> 2032 is one geometric path: constant growth factor. */
    double g = pow(53.49 / 30.12, 1.0 / 6);
    for (int y = 2027; y <= 2032; y++)
        EXPECT_NEAR(at(m, m->market, y) / at(m, m->market, y - 1), g, 1e-12);
    EXPECT_NEAR(m->market->cagr, pow(53.49 / 28.46, 1.0 / 7) - 1, 1e-15);
    char buf[32];
    fmt_percent(buf, sizeof buf, m->market->cagr, 2);
    EXPECT_STR(buf, "9.43%");
    EXPECT(m->market->flags[0] & MKP_YEAR_ANCHOR);
    EXPECT(!(m->market->flags[2] & MKP_YEAR_ANCHOR));
    EXPECT(m->market->flags[2] & MKP_YEAR_FORECAST);
    ds_free(doc);
}

TEST(cagr_extrapolates_with_last_interval)
{
    fc_point pts[] = {{2020, 100}, {2022, 121}};
    fc_points p = {2, pts};
    double out[6];
    fc_input in = {&p, 0, 0, 2019, 6, NULL, NULL};
    EXPECT_INT(fc_cagr.fill(&in, out), 0);
    EXPECT_NEAR(out[0], 100 / 1.1, 1e-9);
    EXPECT_NEAR(out[2], 110, 1e-9);
    EXPECT_NEAR(out[5], 121 * 1.1 * 1.1, 1e-9);
    /* One point and a rate. */
    fc_input one = {&p, 1, 5.0, 2020, 3, NULL, NULL};
    p.n = 1;
    EXPECT_INT(fc_cagr.fill(&one, out), 0);
    EXPECT_NEAR(out[2], 100 * 1.05 * 1.05, 1e-9);
    /* An interval touching zero is joined linearly. */
    fc_point z[] = {{2020, 0}, {2024, 8}};
    fc_points pz = {2, z};
    fc_input inz = {&pz, 0, 0, 2020, 5, NULL, NULL};
    fc_cagr.fill(&inz, out);
    EXPECT_NEAR(out[1], 2, 1e-12);
}

static const char segmented[] =
    "report: {id: t, title: T, base_year: 2025, estimated_year: 2026, forecast_end: 2030,\n"
    "         currency: USD, unit: million}\n"
    "market: {anchors: {2025: 100, 2030: 200}}\n"
    "dimensions:\n"
    "  - id: d\n    title: D\n    segments:\n"
    "      - {id: a, title: A, share: {2025: 60, 2030: 50}, segments: [\n"
    "          {id: x, title: X, share: {2025: 50}}, {id: y, title: Y, anchors: {2025: 7, 2030: 9}}]}\n"
    "      - {id: b, title: B, share: {2025: 40}, cagr: 20}\n"
    "      - {id: c, title: C, anchors: {2025: 10, 2030: 30}}\n";

TEST(reconciliation_sums_children_to_parent)
{
    char err[512] = "";
    mkp_doc *doc = load(segmented, err, sizeof err);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    const mkp_model *m = doc->model;
    const mkp_node *d = &m->dimensions[0];
    EXPECT_INT(d->n_children, 3);
    for (int i = 0; i < m->n_years; i++) {
        double sum = 0;
        for (size_t c = 0; c < d->n_children; c++)
            sum += d->children[c].value[i];
        EXPECT_NEAR(sum / m->market->value[i], 1.0, 1e-12);
        const mkp_node *a = &d->children[0];
        EXPECT_NEAR((a->children[0].value[i] + a->children[1].value[i]) / a->value[i], 1.0, 1e-12);
        /* The market never moves. */
        EXPECT(d->value[i] == m->market->value[i]);
    }
    /* In 2025 the raw values are 60 + 40 + 10 = 110, scaled to 100. */
    EXPECT_NEAR(at(m, &d->children[0], 2025), 100 * 60.0 / 110, 1e-9);
    EXPECT_NEAR(d->children[2].share[0], 10.0 / 110, 1e-12);
    EXPECT_STR(d->children[0].children[1].path, "d/a/y");
    /* Ranks by forecast-end value. */
    int ranks = 0;
    for (size_t c = 0; c < 3; c++)
        ranks |= 1 << d->children[c].rank;
    EXPECT_INT(ranks, 0xE);
    ds_free(doc);
}

TEST(ranks_break_ties_by_order)
{
    char err[512] = "";
    const char *text = "report: {id: t, title: T, base_year: 2025, estimated_year: 2026, forecast_end: 2030,\n"
                       "         currency: USD, unit: million}\n"
                       "market: {anchors: {2025: 100, 2030: 150}}\n"
                       "dimensions:\n"
                       "  - {id: d, title: D, segments: [{id: a, title: A, share: {2025: 20}, cagr: 5},\n"
                       "      {id: b, title: B, share: {2025: 40}, cagr: 5}, {id: c, title: C, share: {2025: 20}, cagr: 5},\n"
                       "      {id: e, title: E, share: {2025: 20}, cagr: 5}]}\n";
    mkp_doc *doc = load(text, err, sizeof err);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    const mkp_node *d = &doc->model->dimensions[0];
    EXPECT_INT(d->children[1].rank, 1);
    EXPECT_INT(d->children[0].rank, 2);
    EXPECT_INT(d->children[2].rank, 3);
    EXPECT_INT(d->children[3].rank, 4);
    ds_free(doc);
}

TEST(duplicate_segment_ids_in_file_order)
{
    char err[1024] = "";
    const char *text = "report: {id: t, title: T, base_year: 2025, estimated_year: 2026, forecast_end: 2030,\n"
                       "         currency: USD, unit: million}\n"
                       "market: {anchors: {2025: 100, 2030: 150}}\n"
                       "dimensions:\n"
                       "  - id: d\n    title: D\n    segments:\n"
                       "      - {id: z, title: Z, share: {2025: 25}, cagr: 5}\n"
                       "      - {id: a, title: A, share: {2025: 25}, cagr: 5}\n"
                       "      - {id: z, title: Z2, share: {2025: 25}, cagr: 5}\n"
                       "      - {id: a, title: A2, share: {2025: 25}, cagr: 5}\n";
    EXPECT(load(text, err, sizeof err) == NULL);
    const char *z = strstr(err, "t.yaml:10:9: error: duplicate segment id 'z' in 'd' (first on line 8)");
    const char *a = strstr(err, "t.yaml:11:9: error: duplicate segment id 'a' in 'd' (first on line 9)");
    EXPECT(z != NULL && a != NULL && z < a);
}

TEST(loader_reports_line_and_column)
{
    char err[512] = "";
    const char *text = "report: {id: t, title: T, base_year: 2025, estimated_year: 2026,\n"
                       "         forecast_end: 2032, currency: USD, unit: bilion}\n"
                       "market: {anchors: {2025: 1}}\n";
    EXPECT(load(text, err, sizeof err) == NULL);
    EXPECT(strstr(err, "t.yaml:2:51: error: unit must be million, billion or trillion, not 'bilion'") != NULL);
}

TEST(loader_hints_at_typos)
{
    char err[512] = "";
    const char *text = "report: {id: t, title: T, base_year: 2025, estimated_year: 2026,\n"
                       "         forecast_end: 2032, currency: USD, unit: billion, subtitel: x}\n"
                       "market: {anchors: {2025: 1, 2032: 2}}\n";
    EXPECT(load(text, err, sizeof err) == NULL);
    EXPECT(strstr(err, "t.yaml:2:60: error: unknown key 'subtitel' in report; did you mean 'subtitle'?") != NULL);
}

TEST(loader_rejects_nan_and_hex)
{
    const char *bad[] = {".nan", "0x10", "1e999", "inf", "'12'"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[512], err[512] = "";
        snprintf(text, sizeof text,
                 "report: {id: t, title: T, base_year: 2025, estimated_year: 2026, forecast_end: 2032,\n"
                 "         currency: USD, unit: billion}\nmarket: {anchors: {2025: %s, 2032: 2}}\n",
                 bad[i]);
        EXPECT(load(text, err, sizeof err) == NULL);
        EXPECT(strstr(err, "must be a number") != NULL);
    }
}

TEST(text_falls_back_to_english)
{
    mkp_text_entry e[] = {{"en", "Region"}, {"zh-CN", "地区"}};
    mkp_text t = {2, e};
    EXPECT_STR(fmt_text(&t, "zh-CN"), "地区");
    EXPECT_STR(fmt_text(&t, "de"), "Region");
    mkp_text none = {0, NULL};
    EXPECT_STR(fmt_text(&none, "en"), "");
}

TEST(format_number_ignores_locale_and_groups)
{
    char b[64];
    fmt_number(b, sizeof b, 1234567.891, 2, 1);
    EXPECT_STR(b, "1,234,567.89");
    fmt_number(b, sizeof b, -0.004, 2, 0);
    EXPECT_STR(b, "0.00");
    fmt_number(b, sizeof b, -12.5, 0, 0);
    EXPECT_STR(b, "-13");
    fmt_number(b, sizeof b, 28.46, 2, 0);
    EXPECT_STR(b, "28.46");
    fmt_number(b, sizeof b, NAN, 2, 0);
    EXPECT_STR(b, "n/a");
    fmt_percent(b, sizeof b, 0.0943, 2);
    EXPECT_STR(b, "9.43%");
    fmt_number(b, 4, 123456.0, 0, 0);
    EXPECT_INT(strlen(b), 3);
}

TEST(rounded_shares_add_to_100)
{
    double f[3] = {1.0 / 3, 1.0 / 3, 1.0 / 3}, out[3];
    fmt_round_shares(f, 3, 1, out);
    EXPECT_NEAR(out[0] + out[1] + out[2], 100.0, 1e-9);
    EXPECT_NEAR(out[0], 33.4, 1e-9);
    EXPECT_NEAR(out[2], 33.3, 1e-9);
    double g[4] = {0.1234, 0.2345, 0.3456, 0.2965}, o2[4];
    fmt_round_shares(g, 4, 0, o2);
    EXPECT_NEAR(o2[0] + o2[1] + o2[2] + o2[3], 100.0, 1e-9);
    EXPECT_NEAR(o2[2], 35, 1e-9);
}

TEST(days_from_civil)
{
    EXPECT_INT(date_days_from_civil(1970, 1, 1), 0);
    EXPECT_INT(date_days_from_civil(2026, 1, 15), 20468);
    EXPECT_INT(date_days_from_civil(2000, 3, 1), 11017);
}

TEST(figure_list_numbers_every_chart)
{
    char err[512] = "";
    mkp_doc *doc = load(segmented, err, sizeof err);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    const mkp_model *m = doc->model;
    EXPECT_INT(m->n_figures, 5); /* market, by year, shares, CAGR, sub-segments */
    for (size_t i = 0; i < m->n_figures; i++)
        EXPECT_INT(m->figures[i].number, (int)i + 1);
    EXPECT_STR(m->figures[0].file_stem, "01-market-size");
    EXPECT_STR(m->figures[0].callout, "CAGR 2025–2030: 14.87%");
    EXPECT_INT(m->n_tables, 2);
    ds_free(doc);
}
