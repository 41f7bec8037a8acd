/* charts.c - a native Excel chart for every numbered figure, its data in a
 * block on the Chart data sheet (linked to the table row that already
 * holds a series, where there is one), placed two per row below the
 * tables of the sheet it belongs to. */
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

#define CHART_W 520                 /* chart size in pixels */
#define CHART_H 300
#define ROW_PX 20                   /* default row height in pixels */

/* Okabe-Ito, safe for colour-blind readers. */
static const lxw_color_t palette[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9,
                                      0xD55E00, 0xF0E442, 0x000000, 0x999999};

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

/* The year a category stands for, or 0. */
static int category_year(const book *b, const mkp_figure *f, size_t k)
{
    const char *s = host->text(&f->categories[k], "en");
    char *end;
    long y = strtol(s, &end, 10);
    return *s && !*end && y >= b->m->first_year && y <= b->m->forecast_end ? (int)y : 0;
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

/* The figure's data as a block on the Chart data sheet: a caption, a
 * header of series names, one row per category.  Values that a table
 * already holds link to it. Returns the first category row. */
static lxw_row_t figure_block(book *b, const mkp_figure *f, const char *title, const row_ref **links)
{
    sheet *sh = &b->chart_data;
    lxw_row_t r = b->chart_data_row;
    int y0 = category_year(b, f, 0);
    put_text(b, sh, r, 0, title, b->f.caption, 0);
    put_text(b, sh, r + 1, 0, lb(b, y0 ? L_YEAR : L_CATEGORY), b->f.head_left, 1);
    for (size_t s = 0; s < f->n_series; s++) {
        char name[512];
        tx_cat(name, sizeof name, 0, "%s", tx(b, f->series[s].name));
        put_text(b, sh, r + 1, (lxw_col_t)(1 + s), name, b->f.head, 1);
    }
    lxw_col_t group_col = (lxw_col_t)(1 + f->n_series);
    if (f->category_groups)
        put_text(b, sh, r + 1, group_col, lb(b, L_GROUP), b->f.head_left, 1);
    lxw_format *vf = b->f.fig[f->decimals < 0 ? 0 : f->decimals > DECIMALS_MAX ? DECIMALS_MAX : f->decimals];
    for (size_t k = 0; k < f->n_categories; k++) {
        lxw_row_t at = r + 2 + (lxw_row_t)k;
        put_text(b, sh, at, 0, tx(b, &f->categories[k]), b->f.text, 1);
        for (size_t s = 0; s < f->n_series; s++) {
            double v = f->series[s].values[k];
            lxw_col_t col = (lxw_col_t)(1 + s);
            if (links[s]) {
                char prefix[NAME_CAP * 2 + 4], ref[16], formula[NAME_CAP * 2 + 32];
                sh_prefix(prefix, sizeof prefix, links[s]->sh->name);
                cell_ref(ref, links[s]->row, (lxw_col_t)(YEAR_COL + y0 - b->m->first_year + (int)k));
                snprintf(formula, sizeof formula, "=%s%s", prefix, ref);
                put_formula(b, sh, at, col, formula, v, vf, f->decimals);
            } else {
                put_number(b, sh, at, col, v, vf, f->decimals);
            }
        }
        if (f->category_groups)
            put_text(b, sh, at, group_col, tx(b, &f->category_groups[k]), b->f.text, 1);
    }
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
static void class_points(const mkp_figure *f, lxw_chart_series *cs)
{
    size_t n = f->n_categories;
    lxw_chart_fill *fills = calloc(n ? n : 1, sizeof *fills);
    lxw_chart_point *points = calloc(n ? n : 1, sizeof *points);
    lxw_chart_point **list = calloc(n + 1, sizeof *list);
    if (fills && points && list) {
        for (size_t c = 0; c < n; c++) {
            mkp_color k = mkp_value_class_color(mkp_value_class_of(f->series[0].marks[c]));
            fills[c].color = (lxw_color_t)k.r << 16 | (lxw_color_t)k.g << 8 | k.b;
            points[c].fill = &fills[c];
            list[c] = &points[c];
        }
        chart_series_set_points(cs, list);
    }
    free(fills);
    free(points);
    free(list);
}

/* A palette colour, and value labels on a bar or column chart of one series. */
static void style_series(const mkp_figure *f, lxw_chart_series *cs, size_t s)
{
    lxw_color_t color = palette[s % (sizeof palette / sizeof palette[0])];
    if (f->kind == MKP_CHART_LINE) {
        lxw_chart_line line = {.color = color, .width = 2.25f};
        chart_series_set_line(cs, &line);
    } else {
        lxw_chart_fill fill = {.color = color};
        chart_series_set_fill(cs, &fill);
    }
    if (f->n_series == 1 && f->kind == MKP_CHART_BAR && f->series[0].marks)
        class_points(f, cs);
    if (f->n_series == 1 && (f->kind == MKP_CHART_BAR || f->kind == MKP_CHART_HBAR)) {
        char num[32];
        fm_number(num, sizeof num, f->decimals, f->percent ? "\"%\"" : "");
        chart_series_set_labels(cs);
        chart_series_set_labels_num_format(cs, num);
    }
}

/* Bar charts, whose categories run down the vertical axis. */
static int is_horizontal(const mkp_figure *f)
{
    return f->kind == MKP_CHART_HBAR || f->kind == MKP_CHART_HBAR_GROUPED;
}

/* One chart series per figure series: linked ones on their table row, the
 * rest on the figure's block; names from the block's header row. */
static void chart_series(book *b, lxw_chart *chart, const mkp_figure *f, const row_ref **links,
                         lxw_row_t header, lxw_row_t first)
{
    const char *data = b->chart_data.name;
    lxw_row_t last = first + (lxw_row_t)f->n_categories - 1;
    lxw_col_t c0 = (lxw_col_t)(YEAR_COL + category_year(b, f, 0) - b->m->first_year);
    for (size_t s = 0; s < f->n_series && s < 255; s++) { /* Excel's limit per chart */
        lxw_chart_series *cs = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(cs, data, first, 0, last, 0);
        if (links[s])
            chart_series_set_values(cs, links[s]->sh->name, links[s]->row, c0, links[s]->row,
                                    (lxw_col_t)(c0 + f->n_categories - 1));
        else
            chart_series_set_values(cs, data, first, (lxw_col_t)(1 + s), last, (lxw_col_t)(1 + s));
        chart_series_set_name_range(cs, data, header, (lxw_col_t)(1 + s));
        style_series(f, cs, s);
    }
}

/* Title, axis name and number format, legend only for several series. */
static void chart_axes(book *b, lxw_chart *chart, const mkp_figure *f, const char *title)
{
    chart_title_set_name(chart, title);
    lxw_chart_font tf = {.size = 11, .bold = 1};
    chart_title_set_name_font(chart, &tf);
    /* In a bar chart the category axis is the vertical one, y_axis. */
    lxw_chart_axis *cat = is_horizontal(f) ? chart->y_axis : chart->x_axis;
    lxw_chart_axis *val = is_horizontal(f) ? chart->x_axis : chart->y_axis;
    if (f->kind != MKP_CHART_PERCENT) /* Excel labels a 100% axis itself */
        chart_axis_set_name(val, tx_xml(b, strcmp(f->unit, "%") == 0 ? lb(b, L_PERCENT) : b->unit));
    if (f->percent && f->kind != MKP_CHART_PERCENT)
        chart_axis_set_num_format(val, "0\"%\"");
    if (is_horizontal(f)) { /* first category on top, values along the bottom */
        chart_axis_set_reverse(cat);
        chart_axis_set_crossing_max(cat);
    }
    chart_legend_set_position(chart, f->n_series > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
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
    lxw_chart *chart = links ? workbook_add_chart(b->wb, chart_type(f->kind)) : NULL;
    if (!chart) {
        free(links);
        note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (size_t s = 0; s < f->n_series; s++)
        links[s] = linked_row(b, f, &f->series[s]);
    lxw_row_t header = b->chart_data_row + 1;
    lxw_row_t first = figure_block(b, f, title, links);
    chart_series(b, chart, f, links, header, first);
    free(links);
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
        if (m->figures[i].n_categories && m->figures[i].n_series)
            figure_chart(b, &m->figures[i]);
    sh_print_setup(b, &b->chart_data, -1, -1);
}
