/* data.c - the Data sheet: every series in long form, one row per series
 * and year, as the Excel table MarketData that pivots and pandas read; in
 * the theme's header colours and zebra rows, and in a sample edition the
 * market's rows alone. */
#include <stdio.h>

#include "xlsx.h"

/* One row per year for `n`, then for its children, depth first; returns
 * the next free row. */
static lxw_row_t data_rows(book *b, sheet *sh, lxw_row_t r, const char *dim_title, const mkp_node *n)
{
    const mkp_model *m = b->m;
    const char *title = n->depth == 0 ? lb(b, L_TOTAL_MARKET) : tx(b, &n->title);
    const char *parent = n->depth > 1 ? tx(b, &n->parent->title) : "";
    for (int i = 0; i < m->n_years; i++, r++) {
        lxw_format *f = fm_band(b, NULL, r - 1);
        put_text(b, sh, r, D_DIM, dim_title, f, 1);
        put_text(b, sh, r, D_SEGMENT, title, f, 1);
        put_text(b, sh, r, D_PARENT, parent, f, 1);
        put_text(b, sh, r, D_SERIES, n->path, f, 1);
        if (!*parent && f) /* an empty cell of a shaded row */
            note_err(b, worksheet_write_blank(sh->ws, r, D_PARENT, f));
        note_err(b, worksheet_write_number(sh->ws, r, D_LEVEL, n->depth, f));
        note_err(b, worksheet_write_number(sh->ws, r, D_YEAR, m->first_year + i, f));
        put_number(b, sh, r, D_VALUE, n->value[i], fm_band(b, b->f.value, r - 1), b->decimals);
        put_text(b, sh, r, D_PROV, lb_value_class(b, n->flags[i]), f, 1);
        put_text(b, sh, r, D_BASIS, lb_basis(b, n->flags[i]), f, 1);
    }
    for (size_t c = 0; c < n->n_children; c++)
        r = data_rows(b, sh, r, dim_title, &n->children[c]);
    return r;
}

/* Every series in long form, as an Excel table named MarketData.  With a
 * theme the cells carry its colours, so the table has no style of its own
 * (Excel's would paint its own blue over the rows the cells leave plain). */
void dt_sheet(book *b)
{
    const mkp_model *m = b->m;
    sheet *sh = &b->data;
    static const int heads[D_COLS] = {L_DIMENSION, L_SEGMENT, L_PARENT, L_PATH, L_LEVEL,
                                      L_YEAR, L_VALUE, L_PROVENANCE, L_YEAR_BASIS};
    char names[D_COLS][64];
    lxw_table_column cols[D_COLS], *colp[D_COLS + 1];
    for (int c = 0; c < D_COLS; c++) {
        snprintf(names[c], sizeof names[c], "%s", lb(b, heads[c]));
        cols[c] = (lxw_table_column){.header = names[c], .header_format = b->theme ? b->f.head_left : NULL};
        colp[c] = &cols[c];
        sh_fit(sh, (lxw_col_t)c, tx_width(names[c]) + 2); /* room for the filter button */
    }
    colp[D_COLS] = NULL;
    cols[D_VALUE].format = b->f.value;
    lxw_row_t r = data_rows(b, sh, 1, lb(b, L_MARKET), m->market);
    for (size_t d = 0; !b->sample && d < m->n_dimensions; d++) {
        const mkp_node *dim = &m->dimensions[d];
        for (size_t s = 0; s < dim->n_children; s++)
            r = data_rows(b, sh, r, tx(b, &dim->title), &dim->children[s]);
    }
    lxw_table_options t = {.name = "MarketData", .style_type = LXW_TABLE_STYLE_TYPE_MEDIUM,
                           .style_type_number = 2, .columns = colp};
    if (b->theme) {
        t.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
        t.style_type_number = 0;
    }
    note_err(b, worksheet_add_table(sh->ws, 0, 0, r - 1, D_COLS - 1, &t));
    worksheet_freeze_panes(sh->ws, 1, 0);
    sh_keep(b, sh, 0, r, 0);
    sh_print_setup(b, sh, 0, 0);
}
