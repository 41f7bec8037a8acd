/* test_tables.c - the plugin SDK 1.1 additions of ABI 1.2: what the
 * numbered tables hold (model/tables.c), the strides of the model's
 * arrays, the language a text is shown in, the callout in every language,
 * the emphasis tokenizer of text.h and the typed options of the host. */
#include <stdlib.h>

#include "host/host.h"
#include "marketpress/text.h"
#include "model/format.h"
#include "model/model.h"
#include "testhelp.h"

static const mkp_table *table_by_id(const mkp_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_tables; i++)
        if (strcmp(m->tables[i].id, id) == 0)
            return mkp_table_at(m, i);
    return NULL;
}

static const mkp_node *dimension(const mkp_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_dimensions; i++)
        if (strcmp(m->dimensions[i].id, id) == 0)
            return &m->dimensions[i];
    return NULL;
}

/* Table 2 of the AIGC report is the model-type dimension: its segments,
 * each followed by its sub-segments, then the total. */
TEST(aigc_table_2_rows_are_the_model_type_segments)
{
    mkp_doc *doc = mdl_open("datasets/aigc-foundation-models.yaml", 1);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    const mkp_model *m = doc->model;
    const mkp_table *t = table_by_id(m, "model-type");
    const mkp_node *dim = dimension(m, "model-type");
    EXPECT(t && dim);
    if (!t || !dim) {
        ds_free(doc);
        return;
    }
    EXPECT_INT(t->number, 2);
    EXPECT_INT(t->kind, MKP_TABLE_DIMENSION);
    EXPECT(t->title == m->tables[1].title);
    size_t r = 0;
    for (size_t i = 0; i < dim->n_children; i++) {
        const mkp_node *s = &dim->children[i];
        const mkp_table_row *row = mkp_row_at(t, r++);
        EXPECT(row->node == s);
        EXPECT_STR(row->key, s->path);
        EXPECT_INT(row->kind, MKP_ROW_SEGMENT);
        EXPECT_INT(row->level, 0);
        EXPECT_INT(row->parent, (long)t->n_rows - 1); /* the total row: the dimension */
        EXPECT_INT(row->flags & MKP_ROW_STRONG, s->n_children ? MKP_ROW_STRONG : 0);
        long at = (long)(r - 1);
        for (size_t k = 0; k < s->n_children; k++) {
            const mkp_table_row *sub = mkp_row_at(t, r++);
            EXPECT(sub->node == &s->children[k]);
            EXPECT_INT(sub->kind, MKP_ROW_SUB_SEGMENT);
            EXPECT_INT(sub->level, 1);
            EXPECT_INT(sub->parent, at);
        }
    }
    EXPECT_INT(r + 1, t->n_rows);
    const mkp_table_row *total = mkp_row_at(t, r);
    EXPECT_INT(total->kind, MKP_ROW_TOTAL);
    EXPECT(total->node == dim);
    EXPECT_STR(fmt_text(total->label, "zh-CN"), "市场合计");
    ds_free(doc);
}

/* Every year, the CAGR, the shares of the market in base and end year and
 * of the parent in the end year; the decimals of the dimension's charts. */
TEST(aigc_table_2_columns_and_share_basis)
{
    mkp_doc *doc = mdl_open("datasets/aigc-foundation-models.yaml", 1);
    if (!doc)
        return;
    const mkp_model *m = doc->model;
    const mkp_table *t = table_by_id(m, "model-type");
    size_t ny = (size_t)m->n_years;
    EXPECT_INT(t->n_columns, ny + 4);
    for (size_t c = 0; c < ny; c++) {
        EXPECT_INT(mkp_column_at(t, c)->kind, MKP_COLUMN_YEAR);
        EXPECT_INT(mkp_column_at(t, c)->year, m->first_year + (int)c);
        EXPECT_INT(mkp_column_at(t, c)->number, MKP_NUMBER_AMOUNT);
    }
    const mkp_table_column *cagr = mkp_column_at(t, ny), *s0 = mkp_column_at(t, ny + 1),
                           *s1 = mkp_column_at(t, ny + 2), *sp = mkp_column_at(t, ny + 3);
    EXPECT_INT(cagr->kind, MKP_COLUMN_CAGR);
    EXPECT_INT(cagr->year_from, m->cagr_start);
    EXPECT_INT(cagr->year, m->forecast_end);
    EXPECT_STR(fmt_text(cagr->heading, "en"), "CAGR 2025–2032");
    EXPECT_INT(s0->basis, MKP_BASIS_MARKET);
    EXPECT_INT(s0->year, m->base_year);
    EXPECT_INT(s1->basis, MKP_BASIS_MARKET);
    EXPECT_INT(s1->year, m->forecast_end);
    EXPECT_INT(sp->basis, MKP_BASIS_PARENT);
    EXPECT_STR(fmt_text(sp->heading, "zh-CN"), "2032年占上级份额");
    for (size_t i = 0; i < m->n_figures; i++)
        if (strcmp(m->figures[i].dimension, "model-type") == 0 && m->figures[i].kind == MKP_CHART_STACKED)
            EXPECT_INT(mkp_column_at(t, 0)->decimals, m->figures[i].decimals);
    /* the segments' shares of the market and the sub-segments' of their
     * parent add up to exactly 100 as printed; a segment has no share of
     * a parent (the market), the total 100 of the market */
    double seg[2] = {0, 0};
    for (size_t r = 0; r < t->n_rows; r++) {
        const mkp_table_row *row = mkp_row_at(t, r);
        if (row->kind == MKP_ROW_SEGMENT) {
            seg[0] += row->values[ny + 1];
            seg[1] += row->values[ny + 2];
            EXPECT(isnan(row->values[ny + 3]));
            double parent = 0;
            for (size_t k = r + 1; k < t->n_rows && mkp_row_at(t, k)->parent == (long)r; k++)
                parent += mkp_row_at(t, k)->values[ny + 3];
            EXPECT(row->node->n_children == 0 || fabs(parent - 100) < 1e-9);
        }
        for (size_t c = 0; c < ny; c++) {
            EXPECT(row->values[c] == row->node->value[c]);
            EXPECT_INT(row->classes[c], mkp_value_class_of(row->node->flags[c]));
        }
        EXPECT_NEAR(row->values[ny], 100.0 * (row->kind == MKP_ROW_TOTAL ? m->market->cagr : row->node->cagr),
                    1e-12);
    }
    EXPECT_NEAR(seg[0], 100, 1e-9);
    EXPECT_NEAR(seg[1], 100, 1e-9);
    EXPECT_NEAR(mkp_row_at(t, t->n_rows - 1)->values[ny + 1], 100, 0);
    EXPECT_INT(t->n_notes, 3); /* the unit, the share basis, the source */
    EXPECT_STR(fmt_text(&t->notes[0], "zh-CN"), "单位：十亿美元。");
    ds_free(doc);
}

TEST(key_statistics_and_scenarios_tables)
{
    mkp_doc *doc = mdl_open("datasets/aigc-foundation-models.yaml", 1);
    if (!doc)
        return;
    const mkp_model *m = doc->model;
    const mkp_table *k = mkp_table_at(m, 0);
    EXPECT_INT(k->kind, MKP_TABLE_STATISTICS);
    EXPECT_INT(k->n_columns, 1);
    EXPECT(k->n_rows >= 4);
    static const char *const keys[] = {"base-year", "estimated-year", "forecast-year", "cagr"};
    int years[] = {m->base_year, m->estimated_year, m->forecast_end, m->forecast_end};
    for (size_t i = 0; i < 4; i++) {
        const mkp_table_row *r = mkp_row_at(k, i);
        EXPECT_STR(r->key, keys[i]);
        EXPECT_INT(r->year, years[i]);
        EXPECT_INT(r->number, i < 3 ? MKP_NUMBER_AMOUNT : MKP_NUMBER_RATE);
    }
    EXPECT_NEAR(mkp_row_at(k, 0)->values[0], 28.46, 1e-9);
    EXPECT_INT(mkp_row_at(k, 0)->decimals, 2);
    EXPECT_NEAR(mkp_row_at(k, 3)->values[0], 100.0 * m->market->cagr, 1e-12);
    EXPECT_INT(mkp_row_at(k, 3)->year_from, m->cagr_start);
    const mkp_table *s = table_by_id(m, "scenarios");
    EXPECT(s != NULL);
    if (s) {
        EXPECT_INT(s->kind, MKP_TABLE_SCENARIOS);
        EXPECT_INT(s->n_rows, m->n_scenarios);
        EXPECT_INT(s->n_columns, (size_t)(m->forecast_end - m->base_year + 2));
        EXPECT_INT(mkp_column_at(s, 0)->year, m->base_year);
        for (size_t i = 0; i < s->n_rows; i++) {
            EXPECT_STR(mkp_row_at(s, i)->key, m->scenarios[i].id);
            EXPECT_INT(mkp_row_at(s, i)->flags, &m->scenarios[i] == m->scenario ? MKP_ROW_STRONG : 0);
        }
    }
    ds_free(doc);
}

/* Strides are this host's sizes, and the accessors step by them. */
TEST(model_arrays_carry_their_element_size)
{
    mkp_doc *doc = mdl_open("datasets/aigc-foundation-models.yaml", 1);
    if (!doc)
        return;
    const mkp_model *m = doc->model;
    EXPECT(MKP_HAS(mkp_model, m, callouts));
    EXPECT_INT(m->node_size, sizeof(mkp_node));
    EXPECT_INT(m->figure_size, sizeof(mkp_figure));
    EXPECT_INT(m->table_size, sizeof(mkp_table));
    EXPECT_INT(m->block_size, sizeof(mkp_block));
    EXPECT(mkp_dimension_at(m, 1) == &m->dimensions[1]);
    EXPECT(mkp_child_at(m, &m->dimensions[0], 2) == &m->dimensions[0].children[2]);
    EXPECT(mkp_figure_at(m, 3) == &m->figures[3]);
    EXPECT(mkp_series_at(m, &m->figures[1], 1) == &m->figures[1].series[1]);
    EXPECT(mkp_block_at(m, &m->sections[0], 0) == &m->sections[0].blocks[0]);
    /* a model from a host before ABI 1.2 ends before the strides: the
     * accessors fall back on the compiled sizes */
    mkp_model old = *m;
    old.size = offsetof(mkp_model, node_size);
    EXPECT(mkp_child_at(&old, &m->dimensions[0], 2) == &m->dimensions[0].children[2]);
    ds_free(doc);
}

TEST(callout_in_every_language)
{
    mkp_doc *doc = mdl_open("datasets/aigc-foundation-models.yaml", 1);
    if (!doc)
        return;
    const mkp_model *m = doc->model;
    EXPECT_STR(fmt_text(&m->callouts[0], "en"), m->figures[0].callout);
    EXPECT_STR(fmt_text(&m->callouts[0], "zh-CN"), "2025–2032年复合增长率：9.43%");
    EXPECT_INT(m->callouts[1].n, 0);
    ds_free(doc);
}

TEST(text_lang_names_the_language_shown)
{
    static const mkp_text_entry both[] = {{"en", "Share"}, {"zh-CN", "份额"}}, zh_only[] = {{"zh-CN", "份额"}};
    mkp_text t = {2, both}, z = {1, zh_only}, none = {0, NULL};
    EXPECT_STR(host_table.text_lang(&t, "en"), "en");
    EXPECT_STR(host_table.text_lang(&t, "zh-CN"), "zh-CN");
    EXPECT_STR(host_table.text(&t, "zh-CN"), "份额");
    EXPECT_STR(host_table.text_lang(&t, "de"), "en"); /* the fallback is English */
    EXPECT_STR(host_table.text_lang(&z, "en"), "zh-CN"); /* then the first entry */
    EXPECT_STR(host_table.text_lang(&none, "en"), "");
    EXPECT_STR(host_table.text_lang(NULL, "en"), "");
}

/* ---- the emphasis tokenizer ----------------------------------------------- */

/* The runs of s as "[b:text][i:text][:text]". */
static const char *runs(const char *s)
{
    static char out[512];
    size_t o = 0;
    mkp_emphasis e;
    mkp_emphasis_run r;
    mkp_emphasis_begin(&e, s);
    while (mkp_emphasis_next(&e, &r) && o + r.len + 8 < sizeof out)
        o += (size_t)snprintf(out + o, sizeof out - o, "[%s%s:%.*s]", r.style & MKP_EMPH_BOLD ? "b" : "",
                              r.style & MKP_EMPH_ITALIC ? "i" : "", (int)r.len, s + r.start);
    out[o] = '\0';
    return out;
}

TEST(emphasis_bold_and_italic)
{
    EXPECT_STR(runs("plain"), "[:plain]");
    EXPECT_STR(runs(""), "");
    EXPECT_STR(runs("a **bold** and *italic* end"), "[:a ][b:bold][: and ][i:italic][: end]");
    EXPECT_STR(runs("**Cheaper inference:** distillation"), "[b:Cheaper inference:][: distillation]");
    EXPECT_STR(runs("**推理成本下降：**蒸馏"), "[b:推理成本下降：][:蒸馏]");
    EXPECT_STR(runs("*it **both** it*"), "[i:it ][bi:both][i: it]");
    EXPECT_STR(runs("***both***"), "[bi:both]");
    EXPECT_STR(runs("x**y**z"), "[:x][b:y][:z]");
}

TEST(emphasis_literal_stars)
{
    /* a lone star between spaces, a marker without a partner, an escape */
    EXPECT_STR(runs("5 * 3 = 15"), "[:5 * 3 = 15]");
    EXPECT_STR(runs("5 * 3 and *x*"), "[:5 * 3 and ][i:x]");
    EXPECT_STR(runs("USD 30.12 billion*"), "[:USD 30.12 billion*]");
    EXPECT_STR(runs("* Not a figure the publisher printed"), "[:* Not a figure the publisher printed]");
    EXPECT_STR(runs("**open only"), "[:**open only]");
    EXPECT_STR(runs("a \\*literal\\* b"), "[:a ][:*literal][:* b]");
    EXPECT_STR(runs("\\***bold**"), "[:*][b:bold]");
    EXPECT_STR(runs("\\**bold**"), "[:**bold**]"); /* a star, then a lone one */
    EXPECT_STR(runs("*a * b*"), "[i:a * b]");
    EXPECT_STR(runs("a\\b"), "[:a\\b]");
}

TEST(emphasis_many_lone_stars_is_linear)
{
    size_t n = 200000;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 3 == 0 ? '*' : i % 3 == 1 ? 'a' : ' ';
    s[n] = '\0';
    mkp_emphasis e;
    mkp_emphasis_run r;
    size_t total = 0;
    mkp_emphasis_begin(&e, s);
    while (mkp_emphasis_next(&e, &r))
        total += r.len;
    EXPECT_INT(total, n); /* every star literal: "*a *a" has no closing star */
    free(s);
}

/* ---- typed options ------------------------------------------------------ */

static const mkp_option test_options[] = {
    {"count", MKP_OPT_INT, "3", "", NULL, 1, 10},       {"ratio", MKP_OPT_NUMBER, "0.5", "", NULL, 0, 1},
    {"label", MKP_OPT_STRING, "7", "", NULL, 0, 0},     {"broken", MKP_OPT_INT, "2.5", "", NULL, 0, 0},
    {"any", MKP_OPT_INT, "-12", "", NULL, 0, 0},
};

static long long opt_int(const opt_value *set, size_t n, const char *name, double *number)
{
    static const mkp_plugin desc = {.size = sizeof(mkp_plugin), .name = "t", .n_options = 5, .options = test_options};
    loaded_plugin lp = {.desc = &desc};
    job_spec js = {.plugin = &lp, .opts = set, .n_opts = n};
    mkp_job job = {.size = sizeof job, .host = &host_table, .lang = "en", .host_data = &js};
    *number = host_table.option_number(&job, name);
    return host_table.option_int(&job, name);
}

TEST(option_int_and_number)
{
    double v;
    EXPECT_INT(opt_int(NULL, 0, "count", &v), 3);
    EXPECT_NEAR(v, 3, 0);
    opt_value set[] = {{"t", "count", "+7"}, {"t", "ratio", "0.25"}, {"other", "count", "9"}};
    EXPECT_INT(opt_int(set, 3, "count", &v), 7);
    EXPECT_INT(opt_int(set, 3, "ratio", &v), 0); /* not a whole-number option */
    EXPECT_NEAR(v, 0.25, 0);
    EXPECT_INT(opt_int(set, 3, "label", &v), 0); /* a string stays a string */
    EXPECT_NEAR(v, 0, 0);
    EXPECT_INT(opt_int(set, 3, "nosuch", &v), 0);
    EXPECT_INT(opt_int(set, 3, "broken", &v), 0); /* a default that breaks its own type */
    EXPECT_INT(opt_int(set, 3, "any", &v), -12);
    opt_value later[] = {{"t", "count", "4"}, {"t", "count", "7.0"}};
    EXPECT_INT(opt_int(later, 2, "count", &v), 7); /* the last -O wins, as option() has it */
}
