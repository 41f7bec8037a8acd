/* charts.c - a native Excel chart for every numbered figure, its data in a
 * block on the Chart data sheet (linked to the table row that already
 * holds a series, where there is one), placed two per row below the
 * tables of the sheet it belongs to. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

#define CHART_W 520                 /* chart size in pixels */
#define CHART_H 300
#define ROW_PX 20                   /* default row height in pixels */
#define FORMULA_CAP 8000            /* Excel allows 8192 characters */
#define MAX_SHOWN 12                /* segments a figure names (the host's limit) */

/* The sheet a figure's chart sits on: the scenario comparison on
 * Scenarios, a dimension's figures on its sheet, the rest on Summary. */
sheet *ch_sheet_for(book *b, const mkp_figure *f)
{
    if (b->scenarios.ws && strcmp(f->id, "scenario-comparison") == 0)
        return &b->scenarios;
    for (size_t d = 0; f->dimension && *f->dimension && d < b->m->n_dimensions; d++)
        if (b->dims[d].ws && strcmp(b->m->dimensions[d].id, f->dimension) == 0)
            return &b->dims[d];
    return &b->summary;
}

/* The year a text stands for (a category or a series name), or 0. */
static int year_of(const book *b, const mkp_text *t)
{
    const char *s = host->text(t, "en");
    char *end;
    long y = strtol(s, &end, 10);
    return *s && !*end && y >= b->m->first_year && y <= b->m->forecast_end ? (int)y : 0;
}

static int category_year(const book *b, const mkp_figure *f, size_t k)
{
    return year_of(b, &f->categories[k]);
}

/* The table row that holds a series' values exactly, when its categories
 * are consecutive years: the chart then points at the table itself. */
static const row_ref *linked_row(const book *b, const mkp_figure *f, const mkp_chart_series *s)
{
    if (f->percent || !f->n_categories || !s->node_path || !*s->node_path)
        return NULL;
    int y0 = category_year(b, f, 0);
    for (size_t k = 0; k < f->n_categories; k++)
        if (!y0 || category_year(b, f, k) != y0 + (int)k)
            return NULL;
    for (size_t i = 0; i < b->n_refs; i++) {
        const row_ref *ref = &b->refs[i];
        if (strcmp(ref->path, s->node_path) != 0)
            continue;
        for (size_t k = 0; k < f->n_categories; k++)
            if (ref->values[y0 - b->m->first_year + (int)k] != s->values[k])
                return NULL;
        return ref;
    }
    return NULL;
}

/* ---- the cells behind a computed figure ----------------------------------
 * Shares, CAGRs, two-year comparisons and the "Other" of a figure are not a
 * table row, but each is a cell of its dimension sheet (a share, a CAGR, a
 * value) or a sum of such cells, so its block cell is a formula over them,
 * cached with the model's own number. */

typedef struct fig_ctx {
    const mkp_figure *f;
    const mkp_node *dim;            /* NULL for the market's figures */
    const row_ref *total;           /* the dimension's Total row */
    char prefix[NAME_CAP * 2 + 4];  /* 'Dimension'! */
    const mkp_node *shown[MAX_SHOWN];
    size_t n_shown;
    int shown_ok;                   /* every shown segment was found */
} fig_ctx;

static const row_ref *ref_of(const book *b, const char *path)
{
    for (size_t i = 0; path && *path && i < b->n_refs; i++)
        if (strcmp(b->refs[i].path, path) == 0)
            return &b->refs[i];
    return NULL;
}

static const mkp_node *node_by_path(const mkp_node *dim, const char *path)
{
    for (size_t s = 0; dim && path && *path && s < dim->n_children; s++) {
        const mkp_node *seg = &dim->children[s];
        if (strcmp(seg->path, path) == 0)
            return seg;
        for (size_t c = 0; c < seg->n_children; c++)
            if (strcmp(seg->children[c].path, path) == 0)
                return &seg->children[c];
    }
    return NULL;
}

/* Whether category k of a bar figure is node n: its title, its segment's
 * title (a list of sub-segments), and every value the figure draws. */
static int shows_node(const book *b, const mkp_figure *f, size_t k, const mkp_node *n)
{
    if (strcmp(tx(b, &f->categories[k]), tx(b, &n->title)) != 0)
        return 0;
    if (f->category_groups && (n->depth != 2 || strcmp(tx(b, &f->category_groups[k]), tx(b, &n->parent->title))))
        return 0;
    for (size_t s = 0; s < f->n_series; s++) {
        double v = f->series[s].values[k];
        int y = year_of(b, f->series[s].name);
        if (f->kind == MKP_CHART_HBAR ? v != (isfinite(n->cagr) ? 100.0 * n->cagr : 0)
                                      : !y || n->value[y - b->m->first_year] != v)
            return 0;
    }
    return 1;
}

static const mkp_node *category_node(const book *b, const fig_ctx *c, size_t k)
{
    for (size_t s = 0; c->dim && s < c->dim->n_children; s++) {
        const mkp_node *seg = &c->dim->children[s];
        if (shows_node(b, c->f, k, seg))
            return seg;
        for (size_t i = 0; i < seg->n_children; i++)
            if (shows_node(b, c->f, k, &seg->children[i]))
                return &seg->children[i];
    }
    return NULL;
}

/* The segments a figure shows by name; the others are its "Other". */
static void fig_ctx_init(book *b, fig_ctx *c, const mkp_figure *f)
{
    *c = (fig_ctx){.f = f, .shown_ok = 1};
    for (size_t d = 0; f->dimension && *f->dimension && d < b->m->n_dimensions; d++)
        if (strcmp(b->m->dimensions[d].id, f->dimension) == 0)
            c->dim = &b->m->dimensions[d];
    c->total = c->dim ? ref_of(b, c->dim->path) : NULL;
    if (c->total)
        sh_prefix(c->prefix, sizeof c->prefix, c->total->sh->name);
    size_t n = f->kind == MKP_CHART_HBAR ? f->n_categories : f->n_series;
    for (size_t i = 0; c->dim && i < n; i++) {
        const mkp_node *node = f->kind == MKP_CHART_HBAR ? category_node(b, c, i)
                                                         : node_by_path(c->dim, f->series[i].node_path);
        if (node && node->depth == 1 && c->n_shown < MAX_SHOWN && ref_of(b, node->path))
            c->shown[c->n_shown++] = node;
        else if (node) /* an "Other" formula would count it twice */
            c->shown_ok = 0;
    }
}

/* What the segments left out add up to in model year yi, summed in the
 * order the figure summed them, and as a formula: Total-SUM(shown). */
static double rest_value(const fig_ctx *c, int yi)
{
    double sum = 0;
    for (size_t s = 0; s < c->dim->n_children; s++) {
        size_t k = 0;
        while (k < c->n_shown && c->shown[k] != &c->dim->children[s])
            k++;
        if (k == c->n_shown)
            sum += c->dim->children[s].value[yi];
    }
    return sum;
}

static size_t rest_expr(const book *b, const fig_ctx *c, char *buf, size_t cap, size_t o, int yi)
{
    char ref[16];
    lxw_col_t col = (lxw_col_t)(YEAR_COL + yi);
    cell_ref(ref, c->total->row, col);
    o = tx_cat(buf, cap, o, "(%s%s-SUM(", c->prefix, ref);
    for (size_t k = 0; k < c->n_shown && o < cap; k++) {
        cell_ref(ref, ref_of(b, c->shown[k]->path)->row, col);
        o = tx_cat(buf, cap, o, "%s%s%s", k ? "," : "", c->prefix, ref);
    }
    return o < cap ? tx_cat(buf, cap, o, "%s", c->n_shown ? "))" : "0))") : cap;
}

/* The formula of an "Other" entry (a figure's series or category that is
 * no segment) and its cached value; 0 when there is none. */
static int other_formula(const book *b, const fig_ctx *c, size_t k, char *buf, size_t cap, double *cached)
{
    const mkp_model *m = b->m;
    if (!c->shown_ok || c->n_shown >= c->dim->n_children)
        return 0;
    int y = c->f->kind == MKP_CHART_HBAR ? 0 : category_year(b, c->f, k), yi = y - m->first_year;
    int a = m->cagr_start - m->first_year, z = m->forecast_end - m->first_year;
    char t[16];
    size_t o = 0;
    switch (c->f->kind) {
    case MKP_CHART_STACKED:
        *cached = rest_value(c, yi);
        o = rest_expr(b, c, buf, cap, tx_cat(buf, cap, 0, "="), yi);
        break;
    case MKP_CHART_PERCENT:
        cell_ref(t, c->total->row, (lxw_col_t)(YEAR_COL + yi));
        *cached = c->dim->value[yi] > 0 ? rest_value(c, yi) / c->dim->value[yi] : 0;
        o = tx_cat(buf, cap, 0, "=IF(%s%s<=0,0,", c->prefix, t);
        o = rest_expr(b, c, buf, cap, o, yi);
        o = tx_cat(buf, cap, o, "/%s%s)", c->prefix, t);
        break;
    case MKP_CHART_HBAR: {
        double ra = rest_value(c, a), rz = rest_value(c, z);
        *cached = ra > 0 && rz > 0 ? pow(rz / ra, 1.0 / (m->forecast_end - m->cagr_start)) - 1.0 : 0;
        o = rest_expr(b, c, buf, cap, tx_cat(buf, cap, 0, "=IFERROR((("), z);
        o = rest_expr(b, c, buf, cap, tx_cat(buf, cap, o, ")/("), a);
        o = tx_cat(buf, cap, o, "))^(1/%d)-1,0)", m->forecast_end - m->cagr_start);
        break;
    }
    default:
        return 0;
    }
    return o < cap;
}

/* The formula of block cell (series s, category k) and its cached value:
 * a link to the cell of the dimension sheet that holds it, or an "Other".
 * 0 when the figure's value is no cell of the workbook. */
static int cell_formula(const book *b, const fig_ctx *c, size_t s, size_t k, char *buf, size_t cap, double *cached)
{
    const mkp_figure *f = c->f;
    const mkp_model *m = b->m;
    if (!c->total)
        return 0;
    const mkp_node *n = f->kind == MKP_CHART_PERCENT ? node_by_path(c->dim, f->series[s].node_path)
                        : f->kind == MKP_CHART_HBAR || f->kind == MKP_CHART_HBAR_GROUPED ? category_node(b, c, k)
                                                                                           : NULL;
    const row_ref *at = n ? ref_of(b, n->path) : NULL;
    if (!at)
        return (f->kind == MKP_CHART_HBAR || !*f->series[s].node_path) && other_formula(b, c, k, buf, cap, cached);
    char ref[16];
    int y = f->kind == MKP_CHART_HBAR_GROUPED ? year_of(b, f->series[s].name) : category_year(b, f, k);
    if (f->kind == MKP_CHART_PERCENT) {
        if (y != m->base_year && y != m->forecast_end)
            return 0;
        cell_ref(ref, at->row, (lxw_col_t)(dm_cagr_col(m) + 1 + (y == m->forecast_end)));
        *cached = n->share[y - m->first_year];
    } else if (f->kind == MKP_CHART_HBAR) {
        cell_ref(ref, at->row, dm_cagr_col(m));
        if (!isfinite(n->cagr)) { /* the sheet says n/a; the figure draws 0 */
            *cached = 0;
            return tx_cat(buf, cap, 0, "=IF(ISNUMBER(%s%s),%s%s,0)", c->prefix, ref, c->prefix, ref) < cap;
        }
        *cached = n->cagr;
    } else {
        if (!y)
            return 0;
        cell_ref(ref, at->row, (lxw_col_t)(YEAR_COL + y - m->first_year));
        *cached = n->value[y - m->first_year];
    }
    return tx_cat(buf, cap, 0, "=%s%s", c->prefix, ref) < cap;
}

/* Block cell (s, k): a link to the table row, a formula over the
 * dimension sheet, or (a value no cell holds) the figure's number.
 * Percentages are fractions, as everywhere in the workbook. */
static double block_cell(book *b, const fig_ctx *c, const row_ref *link, size_t s, size_t k, lxw_row_t at,
                         lxw_format *vf)
{
    const mkp_figure *f = c->f;
    double v = f->series[s].values[k];
    lxw_col_t col = (lxw_col_t)(1 + s);
    char formula[FORMULA_CAP];
    double cached = v;
    if (link) {
        char prefix[NAME_CAP * 2 + 4], ref[16];
        sh_prefix(prefix, sizeof prefix, link->sh->name);
        cell_ref(ref, link->row, (lxw_col_t)(YEAR_COL + category_year(b, f, 0) - b->m->first_year + (int)k));
        snprintf(formula, sizeof formula, "=%s%s", prefix, ref);
    } else if (!cell_formula(b, c, s, k, formula, sizeof formula, &cached)) {
        cached = f->percent ? v / 100 : v;
        put_number(b, &b->chart_data, at, col, cached, vf, f->decimals);
        return cached;
    }
    put_formula(b, &b->chart_data, at, col, formula, cached, vf, f->decimals);
    return cached;
}

/* The figure's data as a block on the Chart data sheet: a caption, a
 * header of series names, one row per category, and the cached value of
 * every cell in `cache` (series by series).  Returns the first category row. */
static lxw_row_t figure_block(book *b, const mkp_figure *f, const char *title, const row_ref **links, double *cache)
{
    sheet *sh = &b->chart_data;
    lxw_row_t r = b->chart_data_row;
    int y0 = category_year(b, f, 0);
    fig_ctx c;
    fig_ctx_init(b, &c, f);
    put_text(b, sh, r, 0, title, b->f.caption, 0);
    put_text(b, sh, r + 1, 0, lb(b, y0 ? L_YEAR : L_CATEGORY), b->f.head_left, 1);
    for (size_t s = 0; s < f->n_series; s++) {
        char name[512];
        tx_cat(name, sizeof name, 0, "%s", tx(b, f->series[s].name));
        if (year_of(b, f->series[s].name)) /* a year over its column is a number, as in the tables */
            put_year(b, sh, r + 1, (lxw_col_t)(1 + s), year_of(b, f->series[s].name), b->f.head_year);
        else
            put_text(b, sh, r + 1, (lxw_col_t)(1 + s), name, b->f.head, 1);
    }
    lxw_col_t group_col = (lxw_col_t)(1 + f->n_series);
    if (f->category_groups)
        put_text(b, sh, r + 1, group_col, lb(b, L_GROUP), b->f.head_left, 1);
    int d = f->decimals < 0 ? 0 : f->decimals > DECIMALS_MAX ? DECIMALS_MAX : f->decimals;
    lxw_format *vf = f->percent ? b->f.fig_pct[d] : b->f.fig[d];
    for (size_t k = 0; k < f->n_categories; k++) {
        lxw_row_t at = r + 2 + (lxw_row_t)k;
        if (category_year(b, f, k))
            put_year(b, sh, at, 0, category_year(b, f, k), b->f.year);
        else
            put_text(b, sh, at, 0, tx(b, &f->categories[k]), b->f.text, 1);
        for (size_t s = 0; s < f->n_series; s++)
            cache[s * f->n_categories + k] = block_cell(b, &c, links[s], s, k, at, vf);
        if (f->category_groups)
            put_text(b, sh, at, group_col, tx(b, &f->category_groups[k]), b->f.text, 1);
    }
    sh_keep(b, sh, r, 2 + (lxw_row_t)f->n_categories, 0);
    b->chart_data_row = r + 3 + (lxw_row_t)f->n_categories;
    return r + 2;
}

/* The Excel chart of each figure kind (docs/workbook.md has the table). */
static uint8_t chart_type(mkp_chart_kind k)
{
    switch (k) {
    case MKP_CHART_BAR: return LXW_CHART_COLUMN;
    case MKP_CHART_STACKED: return LXW_CHART_COLUMN_STACKED;
    case MKP_CHART_PERCENT: return LXW_CHART_COLUMN_STACKED_PERCENT;
    case MKP_CHART_HBAR:
    case MKP_CHART_HBAR_GROUPED: return LXW_CHART_BAR;
    case MKP_CHART_LINE: return LXW_CHART_LINE;
    }
    return LXW_CHART_COLUMN;
}

/* The market's columns each in the colour of what its value is (published,
 * actual, illustrative, estimate, scenario), as every chart of the report
 * and the SVGs draw them.  libxlsxwriter copies the points. */
static void class_points(const book *b, const mkp_figure *f, lxw_chart_series *cs)
{
    size_t n = f->n_categories;
    lxw_chart_fill *fills = calloc(n ? n : 1, sizeof *fills);
    lxw_chart_point *points = calloc(n ? n : 1, sizeof *points);
    lxw_chart_point **list = calloc(n + 1, sizeof *list);
    if (fills && points && list) {
        for (size_t c = 0; c < n; c++) {
            fills[c].color = st_value_class(b, mkp_value_class_of(f->series[0].marks[c]));
            points[c].fill = &fills[c];
            list[c] = &points[c];
        }
        chart_series_set_points(cs, list);
    }
    free(fills);
    free(points);
    free(list);
}

/* The series' colour in every output (the theme's), and value labels on a
 * bar or column chart of one series. */
static void style_series(const book *b, const mkp_figure *f, lxw_chart_series *cs, size_t s)
{
    lxw_color_t color = st_series(b, s);
    if (f->kind == MKP_CHART_LINE) {
        lxw_chart_line line = {.color = color, .width = 2.25f};
        chart_series_set_line(cs, &line);
    } else {
        lxw_chart_fill fill = {.color = color};
        chart_series_set_fill(cs, &fill);
    }
    if (f->n_series == 1 && f->kind == MKP_CHART_BAR && f->series[0].marks)
        class_points(b, f, cs);
    if (f->n_series == 1 && (f->kind == MKP_CHART_BAR || f->kind == MKP_CHART_HBAR)) {
        char num[32];
        int d = f->decimals < 0 ? 0 : f->decimals > DECIMALS_MAX ? DECIMALS_MAX : f->decimals;
        if (f->percent) /* a fraction, as its cells hold it */
            snprintf(num, sizeof num, "0%s%.*s%%", d ? "." : "", d, "000000");
        else
            fm_number(num, sizeof num, d, "");
        chart_series_set_labels(cs);
        chart_series_set_labels_num_format(cs, num);
        if (b->font) {
            lxw_chart_font lf = {.name = (char *)b->font};
            chart_series_set_labels_font(cs, &lf);
        }
    }
}

/* Bar charts, whose categories run down the vertical axis. */
static int is_horizontal(const mkp_figure *f)
{
    return f->kind == MKP_CHART_HBAR || f->kind == MKP_CHART_HBAR_GROUPED;
}

/* The chart's cache of a series: libxlsxwriter 1.1.4 caches a formula cell
 * as 0, so a viewer that does not recalculate would draw nothing.  The
 * points are the values the cells were written with; the library frees
 * them with the chart. */
static void set_cache(book *b, lxw_chart_series *cs, const double *v, size_t n)
{
    lxw_series_range *range = cs->values;
    if (!range || !range->data_cache)
        return;
    for (size_t k = 0; k < n; k++) {
        lxw_series_data_point *p = calloc(1, sizeof *p);
        if (!p) {
            note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        p->number = v[k];
        STAILQ_INSERT_TAIL(range->data_cache, p, list_pointers);
    }
    range->num_data_points = (uint16_t)n;
    range->ignore_cache = 1;
}

/* One chart series per figure series: linked ones on their table row, the
 * rest on the figure's block; names from the block's header row.  A chart
 * with no block (header 0) takes its years from the header of Summary's
 * market table and each name from its row's label. */
static void chart_series(book *b, lxw_chart *chart, const mkp_figure *f, const row_ref **links,
                         lxw_row_t header, lxw_row_t first, const double *cache)
{
    const char *data = b->chart_data.name;
    lxw_row_t last = first + (lxw_row_t)f->n_categories - 1;
    lxw_col_t c0 = (lxw_col_t)(YEAR_COL + category_year(b, f, 0) - b->m->first_year);
    for (size_t s = 0; s < f->n_series && s < 255; s++) { /* Excel's limit per chart */
        lxw_chart_series *cs = chart_add_series(chart, NULL, NULL);
        if (header)
            chart_series_set_categories(cs, data, first, 0, last, 0);
        else
            chart_series_set_categories(cs, b->summary.name, b->market_header, c0, b->market_header,
                                        (lxw_col_t)(c0 + f->n_categories - 1));
        if (links[s])
            chart_series_set_values(cs, links[s]->sh->name, links[s]->row, c0, links[s]->row,
                                    (lxw_col_t)(c0 + f->n_categories - 1));
        else
            chart_series_set_values(cs, data, first, (lxw_col_t)(1 + s), last, (lxw_col_t)(1 + s));
        set_cache(b, cs, cache + s * f->n_categories, f->n_categories);
        if (header)
            chart_series_set_name_range(cs, data, header, (lxw_col_t)(1 + s));
        else
            chart_series_set_name_range(cs, links[s]->sh->name, links[s]->row, 0);
        style_series(b, f, cs, s);
    }
}

/* Title, axis name and number format, legend only for several series. */
static void chart_axes(book *b, lxw_chart *chart, const mkp_figure *f, const char *title)
{
    chart_title_set_name(chart, title);
    lxw_chart_font tf = {.size = 11, .bold = 1, .name = (char *)b->font};
    if (st_has(b, ST_PRIMARY))
        tf.color = st_color(b, ST_PRIMARY);
    chart_title_set_name_font(chart, &tf);
    /* In a bar chart the category axis is the vertical one, y_axis. */
    lxw_chart_axis *cat = is_horizontal(f) ? chart->y_axis : chart->x_axis;
    lxw_chart_axis *val = is_horizontal(f) ? chart->x_axis : chart->y_axis;
    if (f->kind != MKP_CHART_PERCENT) /* Excel labels a 100% axis itself */
        chart_axis_set_name(val, tx_xml(b, strcmp(f->unit, "%") == 0 ? lb(b, L_PERCENT) : b->unit));
    if (f->percent && f->kind != MKP_CHART_PERCENT)
        chart_axis_set_num_format(val, "0%");
    if (is_horizontal(f)) { /* first category on top, values along the bottom */
        chart_axis_set_reverse(cat);
        chart_axis_set_crossing_max(cat);
    }
    chart_legend_set_position(chart, f->n_series > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
    if (b->font) { /* the theme's font everywhere; libxlsxwriter copies it */
        lxw_chart_font font = {.name = (char *)b->font};
        chart_axis_set_num_font(cat, &font);
        chart_axis_set_num_font(val, &font);
        chart_axis_set_name_font(val, &font);
        chart_legend_set_font(chart, &font);
    }
}

/* Two charts side by side below the sheet's tables; a bar chart grows
 * with its categories so that every label stays readable. */
static void place_chart(book *b, sheet *sh, lxw_chart *chart, const mkp_figure *f)
{
    int h = CHART_H;
    if (is_horizontal(f)) {
        int per = f->kind == MKP_CHART_HBAR_GROUPED ? 30 : 20;
        int want = 90 + per * (int)f->n_categories;
        h = want > h ? (want > 900 ? 900 : want) : h;
    }
    lxw_chart_options o = {.x_offset = sh->chart_slot ? CHART_W + 20 : 0, .y_offset = 4,
                           .x_scale = CHART_W / 480.0, .y_scale = h / 288.0,
                           .object_position = LXW_OBJECT_MOVE_DONT_SIZE};
    note_err(b, worksheet_insert_chart_opt(sh->ws, sh->chart_row, 0, chart, &o));
    lxw_row_t rows = (lxw_row_t)(h / ROW_PX + 2);
    sh_keep(b, sh, sh->chart_row, rows, 1);
    if (o.x_offset + CHART_W > sh->chart_px)
        sh->chart_px = o.x_offset + CHART_W;
    if (rows > sh->slot_rows)
        sh->slot_rows = rows;
    if (++sh->chart_slot == 2) {
        sh->chart_row += sh->slot_rows;
        sh->chart_slot = 0;
        sh->slot_rows = 0;
    }
}

/* The links are found before the block is written, so that the block's
 * cells can be formulas pointing at the same rows as the chart. */
static void figure_chart(book *b, const mkp_figure *f)
{
    char title[1024];
    lb_numbered(b, title, sizeof title, L_FIGURE, f->number, tx(b, f->title));
    const row_ref **links = calloc(f->n_series, sizeof *links);
    double *cache = calloc(f->n_series * f->n_categories, sizeof *cache);
    lxw_chart *chart = links && cache ? workbook_add_chart(b->wb, chart_type(f->kind)) : NULL;
    if (!chart) {
        free(links);
        free(cache);
        note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    int all_linked = 1;
    for (size_t s = 0; s < f->n_series; s++) {
        links[s] = linked_row(b, f, &f->series[s]);
        all_linked = all_linked && links[s] && links[s]->sh == &b->summary && b->market_header;
    }
    lxw_row_t header = 0, first = 0;
    if (b->sample && all_linked) { /* the sample has no Chart data where it needs none */
        for (size_t s = 0; s < f->n_series; s++)
            memcpy(cache + s * f->n_categories, f->series[s].values, f->n_categories * sizeof *cache);
    } else if (!b->chart_data.ws && sh_add(b, &b->chart_data, 64) != 0) {
        note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        free(links);
        free(cache);
        return;
    } else {
        header = b->chart_data_row + 1;
        first = figure_block(b, f, title, links, cache);
    }
    chart_series(b, chart, f, links, header, first, cache);
    free(links);
    free(cache);
    chart_axes(b, chart, f, tx_xml(b, title));
    place_chart(b, ch_sheet_for(b, f), chart, f);
}

/* Every figure with data, in the report's order. */
void ch_all(book *b)
{
    const mkp_model *m = b->m;
    if (!MKP_HAS(mkp_model, m, figures))
        return;
    for (size_t i = 0; i < m->n_figures; i++)
        if (m->figures[i].n_categories && m->figures[i].n_series && st_keeps(b, &m->figures[i]))
            figure_chart(b, &m->figures[i]);
    if (b->chart_data.ws)
        sh_print_setup(b, &b->chart_data, -1, -1);
}
