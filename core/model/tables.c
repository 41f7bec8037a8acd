/* tables.c - what each numbered table holds (model->table_data): its rows,
 * columns, values, decimals and notes, chosen once from the frozen model
 * and its figures.  A plugin that prints Table 2 from here shows the rows,
 * years, share basis and digits of the PDF's Table 2, because the PDF
 * prints from here too. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "marketpress/chart.h"
#include "model/format.h"
#include "model/model.h"

typedef struct tab_builder {
    arena *a;
    const mkp_model *m;
    mkp_table *t;
    mkp_table_column *cols;
    mkp_table_row *rows;
    double *values;                 /* n_rows * n_columns, row-major */
    unsigned char *classes;
} tab_builder;

/* ---- texts ------------------------------------------------------------- */

static void year_word(char *buf, size_t cap, const char *lang, const void *year)
{
    (void)lang;
    snprintf(buf, cap, "%d", *(const int *)year);
}

static const mkp_text *year_text(arena *a, int year)
{
    return mdl_words(a, year_word, &year);
}

/* "Values in USD billion.", "单位：十亿美元。" */
static void unit_note_word(char *buf, size_t cap, const char *lang, const void *model)
{
    const mkp_model *m = model;
    char unit[64];
    fmt_unit(unit, sizeof unit, lang, m->currency, m->unit);
    snprintf(buf, cap, fmt_label(lang, "values-in"), unit);
}

/* "CAGR (published)", as the key statistics name the publisher's CAGR. */
static void published_cagr_word(char *buf, size_t cap, const char *lang, const void *ctx)
{
    (void)ctx;
    snprintf(buf, cap, "%s (%s)", fmt_label(lang, "cagr"), fmt_label(lang, "published"));
}

/* ---- the table's frame -------------------------------------------------- */

/* A table of `rows` x `cols` cells for `ref`, its cells NAN until set. */
static tab_builder begin(arena *a, const mkp_model *m, mkp_table *t, const mkp_table_ref *ref, mkp_table_kind kind,
                         size_t rows, size_t cols, const char *row_heading)
{
    tab_builder b = {a, m, t, NULL, NULL, NULL, NULL};
    *t = (mkp_table){.size = sizeof *t, .number = ref->number, .id = ref->id, .title = ref->title,
                     .dimension = ref->dimension, .kind = kind, .row_heading = mdl_label_text(a, row_heading),
                     .n_columns = cols, .column_size = sizeof(mkp_table_column), .n_rows = 0,
                     .row_size = sizeof(mkp_table_row)};
    b.cols = arena_array(a, cols ? cols : 1, sizeof *b.cols);
    b.rows = arena_array(a, rows ? rows : 1, sizeof *b.rows);
    b.values = arena_array(a, (rows ? rows : 1) * (cols ? cols : 1), sizeof *b.values);
    b.classes = arena_array(a, (rows ? rows : 1) * (cols ? cols : 1), 1);
    for (size_t i = 0; i < rows * cols; i++)
        b.values[i] = NAN;
    t->columns = b.cols;
    t->rows = b.rows;
    return b;
}

static void column(tab_builder *b, size_t c, mkp_column_kind kind, int year_from, int year, mkp_share_basis basis,
                   int decimals, const mkp_text *heading)
{
    mkp_number_kind number = kind == MKP_COLUMN_CAGR    ? MKP_NUMBER_RATE
                             : kind == MKP_COLUMN_SHARE ? MKP_NUMBER_SHARE
                                                        : MKP_NUMBER_AMOUNT;
    b->cols[c] = (mkp_table_column){kind, year, year_from, basis, number, decimals, heading};
}

/* The next row, its cells pointing into the table's one array. */
static mkp_table_row *add_row(tab_builder *b, mkp_row_kind kind, const char *key, const mkp_node *node,
                              const mkp_text *label, long parent)
{
    size_t r = b->t->n_rows++, nc = b->t->n_columns;
    mkp_table_row *row = &b->rows[r];
    *row = (mkp_table_row){.kind = kind, .key = key, .node = node, .label = label, .parent = parent,
                           .level = kind == MKP_ROW_SUB_SEGMENT, .values = b->values + r * nc,
                           .classes = b->classes + r * nc, .number = MKP_NUMBER_AMOUNT};
    return row;
}

static void set(tab_builder *b, const mkp_table_row *row, size_t c, double v, mkp_value_class cls)
{
    size_t r = (size_t)(row - b->rows), nc = b->t->n_columns;
    b->values[r * nc + c] = v;
    b->classes[r * nc + c] = (unsigned char)cls;
}

static void notes(tab_builder *b, const mkp_text *const *v, size_t n)
{
    mkp_text *o = arena_array(b->a, n ? n : 1, sizeof *o);
    for (size_t i = 0; i < n; i++)
        o[i] = *v[i];
    b->t->n_notes = n;
    b->t->notes = o;
}

/* ---- values ------------------------------------------------------------- */

static mkp_value_class class_at(const mkp_node *n, int yi)
{
    return yi >= 0 ? mkp_value_class_of(n->flags[yi]) : MKP_VALUE_ESTIMATE;
}

/* A derived value is what the least certain of its inputs is: the class
 * with the higher number. */
static mkp_value_class worst(mkp_value_class a, mkp_value_class b)
{
    return a > b ? a : b;
}

static mkp_value_class cagr_class(const mkp_model *m, const mkp_node *n)
{
    return worst(class_at(n, mkp_year_index(m, m->cagr_start)), class_at(n, mkp_year_index(m, m->forecast_end)));
}

/* The figure of `kind` drawn for a dimension ("" for the market): a table
 * shares its decimals. */
static const mkp_figure *figure_of(const mkp_model *m, const char *dimension, mkp_chart_kind kind)
{
    for (size_t i = 0; i < m->n_figures; i++)
        if (m->figures[i].kind == kind && strcmp(m->figures[i].dimension, dimension) == 0)
            return &m->figures[i];
    return NULL;
}

/* The places of a set of values by the one rule (host->value_decimals). */
static int decimals_of(const double *v, size_t n, mkp_number_kind kind)
{
    return fmt_decimals(v, n, (int)kind, 0);
}

/* Year columns from y0 to y1, then a CAGR column: the frame of the
 * dimension and scenario tables.  Returns the CAGR column. */
static size_t year_columns(tab_builder *b, int y0, int y1, int decimals, int cagr_decimals)
{
    const mkp_model *m = b->m;
    size_t c = 0;
    for (int y = y0; y <= y1; y++, c++)
        column(b, c, MKP_COLUMN_YEAR, y, y, MKP_BASIS_NONE, decimals, year_text(b->a, y));
    column(b, c, MKP_COLUMN_CAGR, m->cagr_start, m->forecast_end, MKP_BASIS_NONE, cagr_decimals,
           mdl_titled(b->a, "cagr-range", NULL, m->cagr_start, m->forecast_end));
    return c;
}

/* A row's values in the year columns from y0, and its CAGR. */
static void year_values(tab_builder *b, const mkp_table_row *row, int y0, size_t cagr_col, const double *v,
                        const mkp_node *flags_of, double cagr)
{
    const mkp_model *m = b->m;
    for (size_t c = 0; c < cagr_col; c++) {
        int yi = mkp_year_index(m, y0 + (int)c);
        set(b, row, c, yi >= 0 ? v[yi] : NAN, class_at(flags_of, yi));
    }
    set(b, row, cagr_col, 100.0 * cagr, cagr_class(m, flags_of));
}

/* ---- a dimension's table ------------------------------------------------ */

/* Shares of a sibling set in base and end year, of their parent, rounded
 * so that they add up to exactly 100: out[2 * i + k]. */
static void sibling_shares(const mkp_model *m, const mkp_node *kids, size_t n, int decimals, double *out)
{
    double *f = xmalloc((n ? n : 1) * sizeof *f), *o = xmalloc((n ? n : 1) * sizeof *o);
    int years[2] = {m->base_year - m->first_year, m->forecast_end - m->first_year};
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < n; i++)
            f[i] = kids[i].share[years[k]];
        fmt_round_shares(f, n, decimals, o);
        for (size_t i = 0; i < n; i++)
            out[2 * i + (size_t)k] = o[i];
    }
    free(f);
    free(o);
}

/* A sub-segment's share of the whole market in `year`, a percentage
 * rounded as its column shows it. */
static double market_share(const mkp_model *m, const mkp_node *n, int year, int decimals)
{
    int yi = mkp_year_index(m, year);
    double total = yi >= 0 ? m->market->value[yi] : 0, k = pow(10, decimals);
    return total > 0 ? round(100.0 * k * n->value[yi] / total) / k : 0;
}

typedef struct dim_cols {
    size_t cagr, share;             /* the CAGR column; the first share column */
    int subs;                       /* a third share column, of the parent */
    int share_decimals;
} dim_cols;

static void share_cells(tab_builder *b, const mkp_table_row *row, const dim_cols *dc, const double *of_market,
                        double of_parent, const mkp_node *parent)
{
    const mkp_model *m = b->m;
    const mkp_node *n = row->node;
    int years[2] = {m->base_year, m->forecast_end};
    for (int k = 0; k < 2; k++) {
        int yi = mkp_year_index(m, years[k]);
        set(b, row, dc->share + (size_t)k, of_market[k], worst(class_at(n, yi), class_at(m->market, yi)));
    }
    if (dc->subs) {
        int yi = mkp_year_index(m, m->forecast_end);
        set(b, row, dc->share + 2, of_parent, parent ? worst(class_at(n, yi), class_at(parent, yi)) : class_at(n, yi));
    }
}

/* A segment's row, then its sub-segments'. */
static void segment_rows(tab_builder *b, const dim_cols *dc, const mkp_node *s, const double *shares, long total_row)
{
    const mkp_model *m = b->m;
    mkp_table_row *row = add_row(b, MKP_ROW_SEGMENT, s->path, s, &s->title, total_row);
    long at = (long)(row - b->rows);
    row->flags = s->n_children ? MKP_ROW_STRONG : 0;
    year_values(b, row, m->first_year, dc->cagr, s->value, s, s->cagr);
    share_cells(b, row, dc, shares, NAN, NULL);
    double *sub = xmalloc(2 * (s->n_children ? s->n_children : 1) * sizeof *sub);
    sibling_shares(m, s->children, s->n_children, dc->share_decimals, sub);
    for (size_t j = 0; j < s->n_children; j++) {
        const mkp_node *c = &s->children[j];
        mkp_table_row *r = add_row(b, MKP_ROW_SUB_SEGMENT, c->path, c, &c->title, at);
        year_values(b, r, m->first_year, dc->cagr, c->value, c, c->cagr);
        double of_market[2] = {market_share(m, c, m->base_year, dc->share_decimals),
                               market_share(m, c, m->forecast_end, dc->share_decimals)};
        share_cells(b, r, dc, of_market, sub[2 * j + 1], s);
    }
    free(sub);
}

static void share_columns(tab_builder *b, const dim_cols *dc)
{
    const mkp_model *m = b->m;
    column(b, dc->share, MKP_COLUMN_SHARE, m->base_year, m->base_year, MKP_BASIS_MARKET, dc->share_decimals,
           mdl_titled(b->a, "share-of-market-year", NULL, m->base_year, 0));
    column(b, dc->share + 1, MKP_COLUMN_SHARE, m->forecast_end, m->forecast_end, MKP_BASIS_MARKET,
           dc->share_decimals, mdl_titled(b->a, "share-of-market-year", NULL, m->forecast_end, 0));
    if (dc->subs)
        column(b, dc->share + 2, MKP_COLUMN_SHARE, m->forecast_end, m->forecast_end, MKP_BASIS_PARENT,
               dc->share_decimals, mdl_titled(b->a, "share-of-parent-year", NULL, m->forecast_end, 0));
}

/* Every year, the CAGR, the shares of the market in base and end year,
 * and (when it has sub-segments) of the parent in the end year; a row per
 * segment, each followed by its sub-segments, then the total.  Decimals
 * are those of the dimension's charts, chosen with this table. */
static void dimension_table(arena *a, const mkp_model *m, mkp_table *t, const mkp_table_ref *ref,
                            const mkp_node *dim)
{
    size_t rows = 1, subs = 0;
    for (size_t i = 0; i < dim->n_children; i++)
        rows += 1 + dim->children[i].n_children, subs += dim->children[i].n_children;
    const mkp_figure *vf = figure_of(m, dim->id, MKP_CHART_STACKED), *cf = figure_of(m, dim->id, MKP_CHART_HBAR),
                     *sf = figure_of(m, dim->id, MKP_CHART_PERCENT);
    dim_cols dc = {(size_t)m->n_years, (size_t)m->n_years + 1, subs > 0, sf ? sf->decimals : 1};
    tab_builder b = begin(a, m, t, ref, MKP_TABLE_DIMENSION, rows, dc.share + 2 + (size_t)dc.subs, "segment");
    year_columns(&b, m->first_year, m->forecast_end, vf ? vf->decimals : 2, cf ? cf->decimals : 2);
    share_columns(&b, &dc);
    long total_row = (long)(rows - 1);
    double *shares = xmalloc(2 * (dim->n_children ? dim->n_children : 1) * sizeof *shares);
    sibling_shares(m, dim->children, dim->n_children, dc.share_decimals, shares);
    for (size_t i = 0; i < dim->n_children; i++)
        segment_rows(&b, &dc, &dim->children[i], shares + 2 * i, total_row);
    free(shares);
    mkp_table_row *total = add_row(&b, MKP_ROW_TOTAL, dim->path, dim, mdl_label_text(a, "total-market"), -1);
    year_values(&b, total, m->first_year, dc.cagr, dim->value, dim, m->market->cagr);
    double all[2] = {100, 100};
    share_cells(&b, total, &dc, all, NAN, NULL);
    const mkp_text *n[3] = {mdl_words(a, unit_note_word, m), mdl_label_text(a, "share-note"), &m->source};
    if (subs)
        notes(&b, n, 3);
    else
        notes(&b, (const mkp_text *const[]){n[0], n[2]}, 2);
}

/* ---- the scenarios and the key statistics ------------------------------- */

/* A scenario's value in a year: the presented one's class is the market's
 * (its values are the market's); another's is a scenario value where it
 * departs from the base case, else what the base forecast is there. */
static mkp_value_class scenario_class(const mkp_model *m, const mkp_scenario *sc, int yi)
{
    unsigned f = m->market->flags[yi];
    if (sc == m->scenario)
        return mkp_value_class_of(f);
    if (sc != &m->scenarios[0] && sc->market[yi] != m->scenarios[0].market[yi])
        return MKP_VALUE_SCENARIO;
    return mkp_value_class_of(f & ~MKP_YEAR_SCENARIO);
}

static void scenario_table(arena *a, const mkp_model *m, mkp_table *t, const mkp_table_ref *ref)
{
    size_t n = m->n_scenarios, years = (size_t)(m->forecast_end - m->base_year + 1);
    const mkp_figure *lf = figure_of(m, "", MKP_CHART_LINE);
    double *cagrs = xmalloc((n ? n : 1) * sizeof *cagrs);
    for (size_t i = 0; i < n; i++)
        cagrs[i] = 100.0 * m->scenarios[i].cagr;
    tab_builder b = begin(a, m, t, ref, MKP_TABLE_SCENARIOS, n, years + 1, "scenario");
    size_t cc = year_columns(&b, m->base_year, m->forecast_end, lf ? lf->decimals : 2,
                             decimals_of(cagrs, n, MKP_NUMBER_RATE));
    for (size_t i = 0; i < n; i++) {
        const mkp_scenario *sc = &m->scenarios[i];
        mkp_table_row *row = add_row(&b, MKP_ROW_SCENARIO, sc->id, NULL, &sc->title, -1);
        row->flags = sc == m->scenario ? MKP_ROW_STRONG : 0;
        for (size_t c = 0; c < cc; c++) {
            int yi = mkp_year_index(m, m->base_year + (int)c);
            set(&b, row, c, sc->market[yi], scenario_class(m, sc, yi));
        }
        set(&b, row, cc, cagrs[i],
            worst(scenario_class(m, sc, mkp_year_index(m, m->cagr_start)),
                  scenario_class(m, sc, mkp_year_index(m, m->forecast_end))));
    }
    free(cagrs);
    notes(&b, (const mkp_text *const[]){mdl_words(a, unit_note_word, m), &m->source}, 2);
}

/* The decimals of the market's amounts: those of its chart. */
static int market_decimals(const mkp_model *m)
{
    const mkp_figure *f = figure_of(m, "", MKP_CHART_BAR);
    return f ? f->decimals : decimals_of(m->market->value, (size_t)m->n_years, MKP_NUMBER_AMOUNT);
}

static void statistic(tab_builder *b, const char *key, const mkp_text *label, mkp_number_kind number, int y0,
                      int y1, int decimals, double v, mkp_value_class cls)
{
    mkp_table_row *row = add_row(b, MKP_ROW_STATISTIC, key, NULL, label ? label : mdl_label_text(b->a, key), -1);
    row->number = number;
    row->year_from = y0;
    row->year = y1;
    row->decimals = decimals;
    set(b, row, 0, v, cls);
}

/* Base, estimated and forecast year with the market's value, its CAGR, and
 * the publisher's CAGR when there is one; the note on * when a value is not
 * a figure the publisher printed. */
static void key_statistics(arena *a, const mkp_model *m, mkp_table *t, const mkp_table_ref *ref)
{
    static const char *const keys[3] = {"base-year", "estimated-year", "forecast-year"};
    int years[3] = {m->base_year, m->estimated_year, m->forecast_end}, marked = 0, amount = market_decimals(m);
    double rates[2] = {100.0 * m->market->cagr, 100.0 * m->published_cagr};
    int rate = decimals_of(rates, m->has_published_cagr ? 2 : 1, MKP_NUMBER_RATE);
    tab_builder b = begin(a, m, t, ref, MKP_TABLE_STATISTICS, 5, 1, "indicator");
    column(&b, 0, MKP_COLUMN_STATISTIC, 0, 0, MKP_BASIS_NONE, amount, mdl_label_text(a, "value"));
    for (int i = 0; i < 3; i++) {
        int yi = mkp_year_index(m, years[i]);
        mkp_value_class c = class_at(m->market, yi);
        marked |= yi >= 0 && c != MKP_VALUE_PUBLISHED && c != MKP_VALUE_ACTUAL;
        statistic(&b, keys[i], NULL, MKP_NUMBER_AMOUNT, years[i], years[i], amount,
                  yi >= 0 ? m->market->value[yi] : NAN, c);
    }
    statistic(&b, "cagr", NULL, MKP_NUMBER_RATE, m->cagr_start, m->forecast_end, rate, rates[0],
              cagr_class(m, m->market));
    if (m->has_published_cagr)
        statistic(&b, "cagr-published", mdl_words(a, published_cagr_word, NULL), MKP_NUMBER_RATE, m->cagr_start,
                  m->forecast_end, rate, rates[1], MKP_VALUE_PUBLISHED);
    const mkp_text *n[2] = {mdl_label_text(a, "estimate-note"), &m->source};
    notes(&b, marked ? n : n + 1, marked ? 2 : 1);
}

void mdl_build_tables(mkp_doc *doc)
{
    mkp_model *m = doc->model;
    arena *a = &doc->arena;
    mkp_table *t = arena_array(a, m->n_tables ? m->n_tables : 1, sizeof *t);
    for (size_t i = 0; i < m->n_tables; i++) {
        const mkp_table_ref *ref = &m->tables[i];
        const mkp_node *dim = NULL;
        for (size_t d = 0; *ref->dimension && d < m->n_dimensions; d++)
            if (strcmp(m->dimensions[d].id, ref->dimension) == 0)
                dim = &m->dimensions[d];
        if (dim)
            dimension_table(a, m, &t[i], ref, dim);
        else if (strcmp(ref->id, "scenarios") == 0)
            scenario_table(a, m, &t[i], ref);
        else
            key_statistics(a, m, &t[i], ref);
    }
    m->table_data = t;
}
