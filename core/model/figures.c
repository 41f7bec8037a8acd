/* figures.c - the numbered figure and table list, derived once from the
 * built model so that a PDF caption, an SVG file name and a workbook chart
 * title all say the same thing.  Titles are made in English and Chinese. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "marketpress/chart.h"
#include "model/format.h"
#include "model/model.h"

/* A chart with more segments than this shows the largest ones and folds the
 * rest into "Other": a 10,000-segment dimension still gives a readable chart
 * (and a workbook chart within Excel's 255-series limit). */
#define MAX_SHOWN 12
#define MAX_SUB_SHOWN 24

typedef struct fig_builder {
    mkp_doc *doc;
    arena *a;
    mkp_figure *figs;
    size_t n, cap;
    mkp_table_ref *tables;
    size_t n_tables, cap_tables;
    const mkp_text *callout;        /* of figure callout_figure, in every language */
    size_t callout_figure;
} fig_builder;

/* The languages marketpress has words for (model/labels.c): every title
 * the model makes carries each, and any other language falls back to the
 * English one. */
static const char *const title_langs[] = {"en", "zh-CN"};
#define N_TITLE_LANGS (sizeof title_langs / sizeof title_langs[0])

static const mkp_text *text_langs(arena *a, char texts[N_TITLE_LANGS][512])
{
    mkp_text_entry *e = arena_array(a, N_TITLE_LANGS, sizeof *e);
    for (size_t l = 0; l < N_TITLE_LANGS; l++)
        e[l] = (mkp_text_entry){title_langs[l], arena_strdup(a, texts[l])};
    mkp_text *t = arena_alloc(a, sizeof *t);
    t->n = N_TITLE_LANGS;
    t->v = e;
    return t;
}

const mkp_text *mdl_words(arena *a, mdl_word_fn word, const void *ctx)
{
    char t[N_TITLE_LANGS][512];
    for (size_t l = 0; l < N_TITLE_LANGS; l++)
        word(t[l], sizeof t[l], title_langs[l], ctx);
    return text_langs(a, t);
}

static void plain_word(char *buf, size_t cap, const char *lang, const void *key)
{
    snprintf(buf, cap, "%s", fmt_label(lang, key));
}

const mkp_text *mdl_label_text(arena *a, const char *key)
{
    return mdl_words(a, plain_word, key);
}

/* A title from the label `key` in every language: a format that takes
 * `name` in that language (when given) and then two numbers. */
const mkp_text *mdl_titled(arena *a, const char *key, const mkp_text *name, int n0, int n1)
{
    char t[N_TITLE_LANGS][512];
    for (size_t l = 0; l < N_TITLE_LANGS; l++) {
        const char *f = fmt_label(title_langs[l], key);
        if (name)
            snprintf(t[l], sizeof t[l], f, fmt_text(name, title_langs[l]), n0, n1);
        else
            snprintf(t[l], sizeof t[l], f, n0, n1);
    }
    return text_langs(a, t);
}

static const mkp_text *text1(arena *a, const char *s)
{
    mkp_text_entry *e = arena_alloc(a, sizeof *e);
    *e = (mkp_text_entry){"en", arena_strdup(a, s)};
    mkp_text *t = arena_alloc(a, sizeof *t);
    t->n = 1;
    t->v = e;
    return t;
}

/* Room for one more element in an arena array that doubles when full. */
static void *grow(arena *a, void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return v;
    *cap = *cap ? *cap * 2 : 16;
    void *nv = arena_array(a, *cap, size);
    if (n)
        memcpy(nv, v, n * size);
    return nv;
}

static mkp_figure *add_figure(fig_builder *b, const char *id, mkp_chart_kind kind, const char *dimension)
{
    b->figs = grow(b->a, b->figs, b->n, &b->cap, sizeof *b->figs);
    mkp_figure *f = &b->figs[b->n++];
    const mkp_model *m = b->doc->model;
    f->number = (int)b->n;
    f->id = arena_strdup(b->a, id);
    f->file_stem = arena_printf(b->a, "%02d-%s", f->number, id);
    f->kind = kind;
    f->dimension = dimension;
    f->unit = arena_printf(b->a, "%s %s", m->currency, m->unit);
    f->decimals = 2; /* until choose_decimals() reads the values */
    f->source = &m->source;
    f->callout = "";
    return f;
}

static void add_table(fig_builder *b, const char *id, const mkp_text *title, const char *dimension)
{
    b->tables = grow(b->a, b->tables, b->n_tables, &b->cap_tables, sizeof *b->tables);
    mkp_table_ref *t = &b->tables[b->n_tables++];
    t->number = (int)b->n_tables;
    t->id = id;
    t->title = title;
    t->dimension = dimension;
}

static const mkp_text *year_texts(arena *a, int from, int to)
{
    mkp_text *t = arena_array(a, (size_t)(to - from + 1), sizeof *t);
    for (int y = from; y <= to; y++)
        t[y - from] = *text1(a, arena_printf(a, "%d", y));
    return t;
}

/* The siblings a chart shows: all of them, or the largest MAX_SHOWN - 1 by
 * forecast-end value in their dataset order, then "Other". */
typedef struct shown {
    size_t n;                       /* entries in idx; n_other > 0 adds one more */
    size_t *idx;
    size_t n_other;
    double *other;                  /* summed values of the rest, per model year */
} shown;

static shown pick_shown(fig_builder *b, const mkp_node *parent, size_t limit)
{
    const mkp_model *m = b->doc->model;
    shown s = {0};
    size_t n = parent->n_children;
    s.idx = arena_array(b->a, n ? n : 1, sizeof *s.idx);
    if (n <= limit) {
        for (size_t i = 0; i < n; i++)
            s.idx[s.n++] = i;
        return s;
    }
    int e = m->forecast_end - m->first_year;
    unsigned char *keep = arena_alloc(b->a, n);
    for (size_t k = 0; k < limit - 1; k++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (!keep[i] && (best == n || parent->children[i].value[e] > parent->children[best].value[e]))
                best = i;
        keep[best] = 1;
    }
    s.other = arena_array(b->a, (size_t)m->n_years, sizeof *s.other);
    for (size_t i = 0; i < n; i++) {
        if (keep[i]) {
            s.idx[s.n++] = i;
            continue;
        }
        s.n_other++;
        for (int y = 0; y < m->n_years; y++)
            s.other[y] += parent->children[i].value[y];
    }
    return s;
}

static const mkp_text *other_name(fig_builder *b, size_t n)
{
    char t[N_TITLE_LANGS][512];
    for (size_t l = 0; l < N_TITLE_LANGS; l++)
        snprintf(t[l], sizeof t[l], fmt_label(title_langs[l], "other-segments"), n);
    return text_langs(b->a, t);
}

/* A figure of one dimension: id "<dimension>-<suffix>", its title from the
 * label `key`, which takes the dimension's title and two years. */
static mkp_figure *dim_figure(fig_builder *b, const mkp_node *dim, const char *suffix, mkp_chart_kind kind,
                              const char *key, int y0, int y1)
{
    char id[96];
    snprintf(id, sizeof id, "%s-%s", dim->id, suffix);
    mkp_figure *f = add_figure(b, id, kind, dim->id);
    f->title = mdl_titled(b->a, key, &dim->title, y0, y1);
    return f;
}

static double cagr_of(const mkp_model *m, const double *v)
{
    double a = v[m->cagr_start - m->first_year], z = v[m->forecast_end - m->first_year];
    return a > 0 && z > 0 ? pow(z / a, 1.0 / (m->forecast_end - m->cagr_start)) - 1.0 : NAN;
}

/* The market's CAGR as a chart's callout says it in `lang`:
 * "CAGR 2025–2032: 9.43%", "2025–2032年复合增长率：9.43%". */
static void callout_word(char *buf, size_t cap, const char *lang, const void *model)
{
    const mkp_model *m = model;
    char pct[32];
    fmt_percent(pct, sizeof pct, m->market->cagr, 2);
    snprintf(buf, cap, fmt_label(lang, "cagr-callout"), m->cagr_start, m->forecast_end, pct);
}

static void market_figure(fig_builder *b)
{
    const mkp_model *m = b->doc->model;
    mkp_figure *f = add_figure(b, "market-size", MKP_CHART_BAR, "");
    char en[512];
    f->title = mdl_titled(b->a, "figure-market-size", &m->title, m->first_year, m->forecast_end);
    /* The member is English (ABI 1.0); model->callouts has every
     * language, and the chart layout words it in the chart's. */
    callout_word(en, sizeof en, "en", m);
    f->callout = arena_strdup(b->a, en);
    b->callout = mdl_words(b->a, callout_word, m);
    b->callout_figure = b->n - 1;
    f->n_categories = (size_t)m->n_years;
    f->categories = year_texts(b->a, m->first_year, m->forecast_end);
    mkp_chart_series *s = arena_alloc(b->a, sizeof *s);
    s->name = &m->title;
    s->node_path = m->market->path;
    s->values = m->market->value;
    s->marks = m->market->flags;
    f->n_series = 1;
    f->series = s;
}

static void stacked_figure(fig_builder *b, const mkp_node *dim, const shown *sh)
{
    const mkp_model *m = b->doc->model;
    int b0 = m->base_year - m->first_year;
    mkp_figure *f = dim_figure(b, dim, "by-year", MKP_CHART_STACKED, "market-by-years", m->base_year, m->forecast_end);
    f->n_categories = (size_t)(m->forecast_end - m->base_year + 1);
    f->categories = year_texts(b->a, m->base_year, m->forecast_end);
    size_t n = sh->n + (sh->n_other > 0);
    mkp_chart_series *s = arena_array(b->a, n, sizeof *s);
    for (size_t i = 0; i < sh->n; i++) {
        const mkp_node *c = &dim->children[sh->idx[i]];
        s[i] = (mkp_chart_series){&c->title, c->path, c->value + b0, c->flags + b0};
    }
    if (sh->n_other)
        s[sh->n] = (mkp_chart_series){other_name(b, sh->n_other), "", sh->other + b0, NULL};
    f->n_series = n;
    f->series = s;
}

static void share_figure(fig_builder *b, const mkp_node *dim, const shown *sh)
{
    const mkp_model *m = b->doc->model;
    int years[2] = {m->base_year, m->forecast_end};
    mkp_figure *f = dim_figure(b, dim, "shares", MKP_CHART_PERCENT, "figure-shares-by", years[0], years[1]);
    f->unit = "%";
    f->percent = 1;
    mkp_text *cats = arena_array(b->a, 2, sizeof *cats);
    cats[0] = *text1(b->a, arena_printf(b->a, "%d", years[0]));
    cats[1] = *text1(b->a, arena_printf(b->a, "%d", years[1]));
    f->n_categories = 2;
    f->categories = cats;
    size_t n = sh->n + (sh->n_other > 0);
    mkp_chart_series *s = arena_array(b->a, n, sizeof *s);
    for (size_t i = 0; i < n; i++) {
        double *v = arena_array(b->a, 2, sizeof *v);
        for (int k = 0; k < 2; k++) {
            int yi = years[k] - m->first_year;
            double total = dim->value[yi];
            double part = i < sh->n ? dim->children[sh->idx[i]].value[yi] : sh->other[yi];
            v[k] = total > 0 ? 100.0 * part / total : 0;
        }
        if (i < sh->n) {
            const mkp_node *c = &dim->children[sh->idx[i]];
            s[i] = (mkp_chart_series){&c->title, c->path, v, NULL};
        } else {
            s[i] = (mkp_chart_series){other_name(b, sh->n_other), "", v, NULL};
        }
    }
    f->n_series = n;
    f->series = s;
}

static void cagr_figure(fig_builder *b, const mkp_node *dim, const shown *sh)
{
    const mkp_model *m = b->doc->model;
    mkp_figure *f = dim_figure(b, dim, "cagr", MKP_CHART_HBAR, "figure-cagr-by", m->cagr_start, m->forecast_end);
    f->unit = "%";
    f->percent = 1;
    size_t n = sh->n + (sh->n_other > 0);
    fmt_ranked *r = arena_array(b->a, n, sizeof *r);
    for (size_t i = 0; i < n; i++)
        r[i] = (fmt_ranked){i < sh->n ? dim->children[sh->idx[i]].cagr : cagr_of(m, sh->other), i};
    qsort(r, n, sizeof *r, fmt_cmp_ranked);
    mkp_text *cats = arena_array(b->a, n, sizeof *cats);
    double *v = arena_array(b->a, n, sizeof *v);
    for (size_t k = 0; k < n; k++) {
        size_t i = r[k].at;
        cats[k] = i < sh->n ? dim->children[sh->idx[i]].title : *other_name(b, sh->n_other);
        v[k] = isnan(r[k].value) ? 0 : 100.0 * r[k].value;
    }
    f->n_categories = n;
    f->categories = cats;
    mkp_chart_series *s = arena_alloc(b->a, sizeof *s);
    *s = (mkp_chart_series){mdl_titled(b->a, "cagr-range", NULL, m->cagr_start, m->forecast_end), "", v, NULL};
    f->n_series = 1;
    f->series = s;
}

/* Base- and end-year values of a list of nodes, side by side. */
static void two_year_series(fig_builder *b, mkp_figure *f, const mkp_node *const *nodes, size_t n)
{
    const mkp_model *m = b->doc->model;
    int years[2] = {m->base_year, m->forecast_end};
    mkp_chart_series *s = arena_array(b->a, 2, sizeof *s);
    for (int k = 0; k < 2; k++) {
        double *v = arena_array(b->a, n ? n : 1, sizeof *v);
        for (size_t i = 0; i < n; i++)
            v[i] = nodes[i]->value[years[k] - m->first_year];
        s[k] = (mkp_chart_series){text1(b->a, arena_printf(b->a, "%d", years[k])), "", v, NULL};
    }
    f->n_series = 2;
    f->series = s;
}

static void sub_segment_figure(fig_builder *b, const mkp_node *dim)
{
    const mkp_model *m = b->doc->model;
    size_t total = 0;
    for (size_t i = 0; i < dim->n_children; i++)
        total += dim->children[i].n_children;
    if (!total)
        return;
    /* The largest sub-segments by forecast-end value, kept in tree order. */
    const mkp_node **all = arena_array(b->a, total, sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < dim->n_children; i++)
        for (size_t k = 0; k < dim->children[i].n_children; k++)
            all[n++] = &dim->children[i].children[k];
    if (n > MAX_SUB_SHOWN) {
        int e = m->forecast_end - m->first_year;
        unsigned char *keep = arena_alloc(b->a, n);
        for (size_t k = 0; k < MAX_SUB_SHOWN; k++) {
            size_t best = n;
            for (size_t i = 0; i < n; i++)
                if (!keep[i] && (best == n || all[i]->value[e] > all[best]->value[e]))
                    best = i;
            keep[best] = 1;
        }
        size_t w = 0;
        for (size_t i = 0; i < n; i++)
            if (keep[i])
                all[w++] = all[i];
        n = w;
    }
    mkp_figure *f = dim_figure(b, dim, "sub-segments", MKP_CHART_HBAR_GROUPED, "figure-sub-segments", m->base_year,
                               m->forecast_end);
    mkp_text *cats = arena_array(b->a, n, sizeof *cats), *groups = arena_array(b->a, n, sizeof *groups);
    for (size_t i = 0; i < n; i++) {
        cats[i] = all[i]->title;
        groups[i] = all[i]->parent->title;
    }
    f->n_categories = n;
    f->categories = cats;
    f->category_groups = groups;
    two_year_series(b, f, all, n);
}

static void region_figure(fig_builder *b, const mkp_node *dim, const shown *sh)
{
    const mkp_model *m = b->doc->model;
    mkp_figure *f = add_figure(b, "regional-comparison", MKP_CHART_HBAR_GROUPED, dim->id);
    f->title = mdl_titled(b->a, "figure-regions", NULL, m->base_year, m->forecast_end);
    const mkp_node **nodes = arena_array(b->a, sh->n ? sh->n : 1, sizeof *nodes);
    mkp_text *cats = arena_array(b->a, sh->n ? sh->n : 1, sizeof *cats);
    for (size_t i = 0; i < sh->n; i++) {
        nodes[i] = &dim->children[sh->idx[i]];
        cats[i] = nodes[i]->title;
    }
    f->n_categories = sh->n;
    f->categories = cats;
    two_year_series(b, f, nodes, sh->n);
}

/* The market under every scenario, one line each. */
static void scenario_figure(fig_builder *b)
{
    const mkp_model *m = b->doc->model;
    int b0 = m->base_year - m->first_year;
    mkp_figure *f = add_figure(b, "scenario-comparison", MKP_CHART_LINE, "");
    f->title = mdl_titled(b->a, "figure-scenarios", NULL, m->base_year, m->forecast_end);
    f->n_categories = (size_t)(m->forecast_end - m->base_year + 1);
    f->categories = year_texts(b->a, m->base_year, m->forecast_end);
    mkp_chart_series *s = arena_array(b->a, m->n_scenarios, sizeof *s);
    for (size_t i = 0; i < m->n_scenarios; i++)
        s[i] = (mkp_chart_series){&m->scenarios[i].title, m->scenarios[i].id, m->scenarios[i].market + b0, NULL};
    f->n_series = m->n_scenarios;
    f->series = s;
}

/* "Market by Model Type (USD billion)", "按模型类型划分的市场规模（十亿美元）". */
static const mkp_text *dimension_table_title(arena *a, const mkp_model *m, const mkp_node *dim)
{
    char t[N_TITLE_LANGS][512], unit[64];
    for (size_t l = 0; l < N_TITLE_LANGS; l++) {
        fmt_unit(unit, sizeof unit, title_langs[l], m->currency, m->unit);
        snprintf(t[l], sizeof t[l], fmt_label(title_langs[l], "market-by-unit"), fmt_text(&dim->title, title_langs[l]),
                 unit);
    }
    return text_langs(a, t);
}

/* ---- decimals: one rule (fmt_decimals) for a figure and its table ---- */

static int number_kind(const mkp_figure *f)
{
    return !f->percent ? MKP_NUMBER_AMOUNT : f->kind == MKP_CHART_PERCENT ? MKP_NUMBER_SHARE : MKP_NUMBER_RATE;
}

/* A figure's decimals: those of its magnitude (and more where a value
 * but zero would read 0), raised until no two different values read
 * against each other show the same.  Those are one series across the
 * categories, the column totals, the lines' last values, and every bar of
 * a horizontal chart (one axis); two segments that happen to read alike
 * in different years are told apart by their colour and place. */
static int figure_decimals(const mkp_figure *f)
{
    size_t nc = f->n_categories, ns = f->n_series, n = 0;
    double *v = xmalloc((ns + 1) * (nc ? nc : 1) * sizeof *v), *group = xmalloc((ns + nc + 1) * sizeof *group);
    for (size_t s = 0; s < ns; s++)
        for (size_t c = 0; c < nc; c++)
            v[n++] = f->series[s].values[c];
    int d = fmt_decimals(v, n, number_kind(f), 0);
    if (f->kind == MKP_CHART_HBAR || f->kind == MKP_CHART_HBAR_GROUPED)
        d = fmt_decimals_from(v, n, d, 1);
    for (size_t s = 0; s < ns; s++)
        d = fmt_decimals_from(v + s * nc, nc, d, 1);
    for (size_t c = 0; f->kind == MKP_CHART_STACKED && c < nc; c++) {
        group[c] = 0;
        for (size_t s = 0; s < ns; s++)
            group[c] += isfinite(v[s * nc + c]) && v[s * nc + c] > 0 ? v[s * nc + c] : 0;
    }
    if (f->kind == MKP_CHART_STACKED)
        d = fmt_decimals_from(group, nc, d, 1);
    for (size_t s = 0; f->kind == MKP_CHART_LINE && nc && s < ns; s++)
        group[s] = v[s * nc + nc - 1];
    if (f->kind == MKP_CHART_LINE && nc)
        d = fmt_decimals_from(group, ns, d, 1);
    free(v);
    free(group);
    return d;
}

/* The decimals of a dimension's table: each year column (its segments,
 * sub-segments and total) by its magnitude, the most any column needs.
 * Rows of a column are not read against each other as a chart's labels
 * are: two segments of a year may show the same figure. */
static int table_decimals(const mkp_model *m, const mkp_node *dim)
{
    size_t rows = 1;
    for (size_t i = 0; i < dim->n_children; i++)
        rows += 1 + dim->children[i].n_children;
    double *col = xmalloc(rows * sizeof *col);
    int best = 0;
    for (int y = 0; y < m->n_years; y++) {
        size_t n = 0;
        col[n++] = dim->value[y];
        for (size_t i = 0; i < dim->n_children; i++) {
            col[n++] = dim->children[i].value[y];
            for (size_t k = 0; k < dim->children[i].n_children; k++)
                col[n++] = dim->children[i].children[k].value[y];
        }
        int d = fmt_decimals(col, n, MKP_NUMBER_AMOUNT, 0);
        best = d > best ? d : best;
    }
    free(col);
    return best;
}

/* Each figure's decimals from its own values; then the amounts of one
 * dimension (its by-year, sub-segment and regional charts, and its table)
 * share the most any of them needs, so that a table and its charts print
 * 12.10 alike. */
static void choose_decimals(mkp_model *m, mkp_figure *figs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        figs[i].decimals = figure_decimals(&figs[i]);
    for (size_t d = 0; d < m->n_dimensions; d++) {
        const mkp_node *dim = &m->dimensions[d];
        if (!dim->n_children)
            continue;
        int best = table_decimals(m, dim);
        for (size_t i = 0; i < n; i++)
            if (!figs[i].percent && strcmp(figs[i].dimension, dim->id) == 0 && figs[i].decimals > best)
                best = figs[i].decimals;
        for (size_t i = 0; i < n; i++)
            if (!figs[i].percent && strcmp(figs[i].dimension, dim->id) == 0)
                figs[i].decimals = best;
    }
}

void mdl_build_figures(mkp_doc *doc)
{
    mkp_model *m = doc->model;
    fig_builder b = {.doc = doc, .a = &doc->arena};
    market_figure(&b);
    add_table(&b, "key-statistics", mdl_titled(b.a, "key-statistics", NULL, 0, 0), "");
    const mkp_node *region = NULL;
    for (size_t d = 0; d < m->n_dimensions; d++) {
        const mkp_node *dim = &m->dimensions[d];
        if (!dim->n_children)
            continue;
        add_table(&b, dim->id, dimension_table_title(b.a, m, dim), dim->id);
        shown sh = pick_shown(&b, dim, MAX_SHOWN);
        stacked_figure(&b, dim, &sh);
        share_figure(&b, dim, &sh);
        cagr_figure(&b, dim, &sh);
        sub_segment_figure(&b, dim);
        if (!region && strstr(dim->id, "region"))
            region = dim;
    }
    if (region) {
        shown sh = pick_shown(&b, region, MAX_SUB_SHOWN);
        region_figure(&b, region, &sh);
    }
    if (m->n_scenarios > 1) {
        scenario_figure(&b);
        add_table(&b, "scenarios", mdl_titled(b.a, "scenarios-table", NULL, 0, 0), "");
    }
    choose_decimals(m, b.figs, b.n);
    mkp_text *callouts = arena_array(b.a, b.n ? b.n : 1, sizeof *callouts);
    if (b.callout)
        callouts[b.callout_figure] = *b.callout;
    m->callouts = callouts;
    m->figures = b.figs;
    m->n_figures = b.n;
    m->tables = b.tables;
    m->n_tables = b.n_tables;
}
