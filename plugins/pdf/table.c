/* table.c - tables streamed row by row (a 10,000-segment dimension never
 * sits in memory as a table): caption, a shaded header row that is repeated
 * under a "continued" line on every page the table runs onto, zebra rows,
 * cells that wrap when their column is too narrow, a total row. */
#include <string.h>

#include "pdf.h"

#define PAD_X 3.5
#define PAD_Y 3.0
#define INDENT 10.0

double tb_col_width(pdf_doc *d, const char *s, int bold, double size)
{
    pf_style st = {(unsigned char)(bold != 0), 0, size, d->col.ink};
    return pf_width(d, s, &st) + 2 * PAD_X;
}

static double lead(const tb_table *t)
{
    return t->size * 1.3;
}

static double width(const tb_table *t)
{
    double w = 0;
    for (size_t c = 0; c < t->ncols; c++)
        w += t->w[c];
    return w;
}

static size_t cell_lines(tb_table *t, size_t c, const char *s, const pf_style *st, double indent)
{
    double w = t->w[c] - 2 * PAD_X - indent;
    if (pf_width(t->d, s, st) <= w)
        return 1;
    return tx_lines(t->d, &t->d->cell, s, st, w);
}

/* One cell whose top edge is at `top`: left or right aligned, wrapped when
 * the text is wider than the column. */
static void draw_cell(tb_table *t, size_t c, double x, double top, const char *s, const pf_style *st, double indent)
{
    pdf_doc *d = t->d;
    double w = t->w[c] - 2 * PAD_X - indent, l = lead(t), tw = pf_width(d, s, st);
    double base = top - PAD_Y - l + l * 0.28;
    int right = t->align[c] == TB_RIGHT;
    if (tw <= w) {
        pf_draw(d, right ? x + t->w[c] - PAD_X - tw : x + PAD_X + indent, base, s, st);
        return;
    }
    size_t n = tx_lines(d, &d->cell, s, st, w);
    for (size_t k = 0; k < n; k++) {
        double lw = d->cell.line[k].w;
        tx_draw_line(d, &d->cell, k, right ? x + t->w[c] - PAD_X - lw : x + PAD_X + indent, base - (double)k * l, w,
                     0);
    }
}

/* The style of cell c of a row with `flags`. */
static pf_style cell_style(const tb_table *t, unsigned flags, size_t c)
{
    int bold = (flags & (TB_BOLD | TB_TOTAL)) || (c == 0 && (flags & TB_LEAD));
    pf_style st = {(unsigned char)bold, 0, t->size, t->d->col.ink};
    return st;
}

/* The height of a row whose first cell is set in `first` and the others
 * in `st`. */
static double row_height2(tb_table *t, const char *const *cells, const pf_style *first, const pf_style *st,
                          int indent)
{
    size_t lines = 1;
    for (size_t c = 0; c < t->ncols; c++) {
        size_t n = cell_lines(t, c, cells[c], c == 0 ? first : st, c == 0 ? indent * INDENT : 0);
        lines = n > lines ? n : lines;
    }
    return (double)lines * lead(t) + 2 * PAD_Y;
}

static double row_height(tb_table *t, const char *const *cells, const pf_style *st, int indent)
{
    return row_height2(t, cells, st, st, indent);
}

static void header(tb_table *t)
{
    pdf_doc *d = t->d;
    pf_style st = {1, 0, t->size, d->col.header_ink};
    double h = row_height(t, t->head, &st, 0), x = d->left;
    pg_rect(d, d->left, d->y - h, width(t), h, d->col.header_fill);
    /* heads sit on the bottom line, above their numbers */
    for (size_t c = 0; c < t->ncols; c++) {
        double shift = h - 2 * PAD_Y - (double)cell_lines(t, c, t->head[c], &st, 0) * lead(t);
        draw_cell(t, c, x, d->y - shift, t->head[c], &st, 0);
        x += t->w[c];
    }
    pg_take(d, h);
}

/* Starts a table: the caption, the header and `keep_rows` rows must share
 * a page.  The caller registers the table (nav_add) right after. */
void tb_begin(tb_table *t, const char *caption, double keep_rows)
{
    pdf_doc *d = t->d;
    pf_style cs = {1, 0, 9, d->col.primary}, hs = {1, 0, t->size, d->col.header_ink};
    double cap = (double)tx_lines(d, &d->cell, caption, &cs, d->tw) * 12 + 4;
    pg_gap(d, 4);
    pg_need(d, cap + row_height(t, t->head, &hs, 0) + keep_rows * (lead(t) + 2 * PAD_Y));
    t->rows = 0;
}

void tb_head(tb_table *t, const char *caption)
{
    fl_caption(t->d, caption);
    header(t);
}

void tb_row(tb_table *t, const char *const *cells, unsigned flags, int indent)
{
    pdf_doc *d = t->d;
    pf_style st = cell_style(t, flags, 0), rest = cell_style(t, flags, 1);
    double h = row_height2(t, cells, &st, &rest, indent);
    if (!pg_room(d, h)) {
        pg_new(d);
        pf_style cs = {1, 0, 8, d->col.muted};
        pf_draw(d, d->left, d->y - 9, t->cont, &cs);
        pg_take(d, 14);
        header(t);
    }
    double top = d->y, x = d->left, w = width(t);
    if (t->rows % 2)
        pg_rect(d, d->left, top - h, w, h, d->col.zebra);
    if (flags & TB_TOTAL)
        pg_line(d, d->left, top, d->left + w, top, 0.8, d->col.primary);
    for (size_t c = 0; c < t->ncols; c++) {
        draw_cell(t, c, x, top, cells[c], c == 0 ? &st : &rest, c == 0 ? indent * INDENT : 0);
        x += t->w[c];
    }
    t->rows++;
    pg_take(d, h);
}

void tb_end(tb_table *t)
{
    pdf_doc *d = t->d;
    pg_line(d, d->left, d->y, d->left + width(t), d->y, 0.8, d->col.primary);
    pg_take(d, 5);
}
