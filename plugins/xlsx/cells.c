/* cells.c - writing cells and setting up sheets: text that is never read
 * as a formula, numbers and formulas with their cached results, a width
 * tally per column, captions and yearly rows shared by the tables, and the
 * row references that let charts point at the tables' own cells. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

#define CELL_TEXT_MAX 32767         /* bytes we let into one cell */
#define WIDTH_MAX 60.0              /* column width cap, in characters */

/* Keeps the first libxlsxwriter error: it is the one render() reports. */
void note_err(book *b, lxw_error e)
{
    if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
        b->err = e;
}

/* ---- sheets ----------------------------------------------------------- */

/* The worksheet for sh->name, with a column width tally. */
int sh_add(book *b, sheet *sh, int n_cols)
{
    sh->ws = workbook_add_worksheet(b->wb, sh->name);
    sh->n_cols = n_cols;
    sh->scale = b->font_scale;
    sh->width = calloc((size_t)n_cols, sizeof *sh->width);
    return sh->ws && sh->width ? 0 : -1;
}

/* Widens column `col` of the tally to `w` characters if it is narrower. */
void sh_fit(sheet *sh, lxw_col_t col, double w)
{
    if ((int)col < sh->n_cols && w > sh->width[col])
        sh->width[col] = w;
}

/* Sets every column to its widest content (in the theme's font, wider
 * than the default one) plus a margin, within [min, WIDTH_MAX]; the tally
 * then holds the widths set, for the print scale. */
void sh_widths(sheet *sh, double min)
{
    for (int c = 0; c < sh->n_cols; c++) {
        double w = sh->width[c] * sh->scale + 2;
        w = w < min ? min : w > WIDTH_MAX ? WIDTH_MAX : w;
        worksheet_set_column(sh->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
        sh->width[c] = w;
    }
}

/* Counts cell (r, c) as written, for the print area and scale. */
static void sh_row(sheet *sh, lxw_row_t r, lxw_col_t c)
{
    if (r >= sh->n_rows)
        sh->n_rows = r + 1;
    if ((int)c >= sh->used_cols)
        sh->used_cols = (int)c + 1;
}

/* 'Sheet name'!  with apostrophes doubled: valid whatever the name holds. */
void sh_prefix(char *buf, size_t cap, const char *name)
{
    size_t o = 0;
    buf[o++] = '\'';
    for (const char *p = name; *p && o + 4 < cap; p++) {
        if (*p == '\'')
            buf[o++] = '\'';
        buf[o++] = *p;
    }
    buf[o++] = '\'';
    buf[o++] = '!';
    buf[o] = '\0';
}

/* ---- cells ------------------------------------------------------------ */

/* "B5" for row 4, column 1 (both from 0). */
void cell_ref(char *buf, lxw_row_t r, lxw_col_t c)
{
    lxw_rowcol_to_cell(buf, r, c);
}

/* Text is always a string cell, never a formula, whatever it begins with. */
void put_text(book *b, sheet *sh, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f, int measure)
{
    if (!s || !*s)
        return;
    s = tx_xml(b, s);
    char *cut = NULL;
    if (strlen(s) > CELL_TEXT_MAX) {
        size_t n = CELL_TEXT_MAX;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        cut = strndup(s, n);
        if (!cut) {
            note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
    }
    note_err(b, worksheet_write_string(sh->ws, r, c, cut ? cut : s, f));
    sh_row(sh, r, c);
    if (measure)
        sh_fit(sh, c, tx_width(cut ? cut : s));
    free(cut);
}

/* Characters a number takes in the "#,##0.00" style formats. */
static double number_width(double v, int decimals)
{
    double digits = fabs(v) >= 1 ? floor(log10(fabs(v))) + 1 : 1;
    return digits + floor((digits - 1) / 3) + (decimals ? decimals + 1 : 0) + (v < 0);
}

void put_number(book *b, sheet *sh, lxw_row_t r, lxw_col_t c, double v, lxw_format *f, int decimals)
{
    if (!isfinite(v)) {
        put_text(b, sh, r, c, lb(b, L_NA), f, 1);
        return;
    }
    note_err(b, worksheet_write_number(sh->ws, r, c, v, f));
    sh_row(sh, r, c);
    sh_fit(sh, c, number_width(v, decimals));
}

/* A formula with its cached result, so that viewers which do not
 * recalculate still show the model's number. */
void put_formula(book *b, sheet *sh, lxw_row_t r, lxw_col_t c, const char *formula, double cached,
                 lxw_format *f, int decimals)
{
    if (!isfinite(cached)) {
        put_text(b, sh, r, c, lb(b, L_NA), f, 1);
        return;
    }
    note_err(b, worksheet_write_formula_num(sh->ws, r, c, formula, f, cached));
    sh_row(sh, r, c);
    sh_fit(sh, c, number_width(cached, decimals));
}

/* =(END/START)^(1/years)-1 over the CAGR years of a yearly row. */
void put_cagr(book *b, sheet *sh, lxw_row_t r, lxw_col_t c, lxw_row_t src_row, double cagr, lxw_format *f)
{
    const mkp_model *m = b->m;
    char a[16], z[16], formula[64];
    cell_ref(a, src_row, (lxw_col_t)(YEAR_COL + m->cagr_start - m->first_year));
    cell_ref(z, src_row, (lxw_col_t)(YEAR_COL + m->forecast_end - m->first_year));
    snprintf(formula, sizeof formula, "=(%s/%s)^(1/%d)-1", z, a, m->forecast_end - m->cagr_start);
    put_formula(b, sh, r, c, formula, cagr, f, 2);
}

/* A row of full-precision values by year, from column B. */
void put_years(book *b, sheet *sh, lxw_row_t r, const double *v, lxw_format *f)
{
    for (int i = 0; i < b->m->n_years; i++)
        put_number(b, sh, r, (lxw_col_t)(YEAR_COL + i), v[i], f, b->decimals);
}

/* A year as a number (a formula or a filter can use it), in format `f`,
 * which shows it as 2025. */
void put_year(book *b, sheet *sh, lxw_row_t r, lxw_col_t c, int year, lxw_format *f)
{
    note_err(b, worksheet_write_number(sh->ws, r, c, year, f));
    sh_row(sh, r, c);
    sh_fit(sh, c, 4);
}

/* The years `from` to `to` as headers, each over its own column. */
void put_year_header(book *b, sheet *sh, lxw_row_t r, int from, int to)
{
    for (int year = from; year <= to; year++)
        put_year(b, sh, r, (lxw_col_t)(YEAR_COL + year - b->m->first_year), year, b->f.head_year);
}

/* The numbered table with `id`, or else the one of `dimension`; NULL for none
 * (or a model too old to number its tables). */
const mkp_table_ref *table_for(const book *b, const char *id, const char *dimension)
{
    const mkp_model *m = b->m;
    if (!MKP_HAS(mkp_model, m, tables))
        return NULL;
    for (size_t i = 0; i < m->n_tables; i++)
        if ((id && strcmp(m->tables[i].id, id) == 0) || (dimension && *dimension && !id &&
                                                        strcmp(m->tables[i].dimension, dimension) == 0))
            return &m->tables[i];
    return NULL;
}

/* "Table 2: Market by Model Type (USD billion)", or `fallback`. */
void put_caption(book *b, sheet *sh, lxw_row_t r, const mkp_table_ref *t, const char *fallback)
{
    char buf[1024];
    if (t)
        lb_numbered(b, buf, sizeof buf, L_TABLE, t->number, tx(b, t->title));
    else
        tx_cat(buf, sizeof buf, 0, "%s", fallback);
    put_text(b, sh, r, 0, buf, b->f.caption, 0);
}

/* ---- rows that charts can point at ------------------------------------ */

/* Records where a yearly series was written, for linked_row() in charts.c. */
void ref_add(book *b, const char *path, const sheet *sh, lxw_row_t row, const double *values)
{
    if (b->n_refs == b->cap_refs) {
        size_t cap = b->cap_refs ? b->cap_refs * 2 : 64;
        row_ref *n = realloc(b->refs, cap * sizeof *n);
        if (!n) {
            note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        b->refs = n;
        b->cap_refs = cap;
    }
    b->refs[b->n_refs++] = (row_ref){path, sh, row, values};
}
