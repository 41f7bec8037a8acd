/* print.c - how every sheet prints: A4 landscape at one scale that makes
 * it one page wide and lets every chart fit on a page, a manual page break
 * before a chart or a block of chart data that would not fit on what is
 * left of its page, the header rows repeated only where a table runs over
 * pages (elsewhere they would print above charts), and a print area that
 * holds the charts.  The scale is a number, not "fit to pages": Excel and
 * LibreOffice both ignore manual page breaks under "fit to pages". */
#include <math.h>
#include <stdlib.h>

#include "xlsx.h"

#define PAGE_W_IN 11.69             /* A4, landscape */
#define PAGE_H_IN 8.27
#define MARGIN_LR 0.5               /* inches */
#define MARGIN_TB 0.75              /* room for the footer */
#define LOGO_GAP 0.15               /* between the logo and the sheet's first row */
#define PX_PER_IN 96.0
#define ROW_PX 20.0                 /* default row height */
#define CHAR_PX 9.5                 /* a character of column width, at most */
#define DEFAULT_COL_PX (8.43 * CHAR_PX + 5)
#define SLACK 0.92                  /* Excel and LibreOffice measure fonts a little apart */
#define BREAKS_MAX 1023             /* Excel's limit of manual breaks per sheet */

/* Landscape A4 with page numbers (style.c: and the theme's logo, footer
 * and licence line), the top margin below the logo; the header rows to
 * repeat are decided by sh_paginate, once the sheet's size is known. */
void sh_print_setup(book *b, sheet *sh, int repeat_first, int repeat_last)
{
    double logo_top = b->logo ? ceil((ST_HEADER_MARGIN + b->logo_in + LOGO_GAP) * 100) / 100 : 0;
    sh->margin_top = logo_top > MARGIN_TB ? logo_top : MARGIN_TB;
    worksheet_set_landscape(sh->ws);
    worksheet_set_paper(sh->ws, 9); /* A4 */
    worksheet_set_margins(sh->ws, MARGIN_LR, MARGIN_LR, sh->margin_top, MARGIN_TB);
    sh->repeat_first = repeat_first;
    sh->repeat_last = repeat_last;
    st_header_footer(b, sh);
}

/* Rows first .. first + rows - 1 print on one page if they fit; a unit
 * with the first row of the last one (the second chart of a row) widens it. */
void sh_keep(book *b, sheet *sh, lxw_row_t first, lxw_row_t rows, int chart)
{
    if (sh->n_units && sh->units[sh->n_units - 1].first == first) {
        print_unit *u = &sh->units[sh->n_units - 1];
        u->rows = rows > u->rows ? rows : u->rows;
        return;
    }
    if (sh->n_units == sh->cap_units) {
        size_t cap = sh->cap_units ? sh->cap_units * 2 : 16;
        print_unit *n = realloc(sh->units, cap * sizeof *n);
        if (!n) {
            note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        sh->units = n;
        sh->cap_units = cap;
    }
    sh->units[sh->n_units++] = (print_unit){first, rows, chart};
}

/* Pixels of a column `w` characters wide.  Excel draws a character of
 * Calibri 11 in 7 pixels; LibreOffice, without Calibri, in more (about
 * 8.5, measured on its PDF export), so the wider one decides the scale. */
static double col_px(double w)
{
    return w * CHAR_PX + 5;
}

/* The print scale in percent: one page wide, and the tallest chart row
 * on one page.  *last_col is the last column the charts reach. */
static int print_scale(const sheet *sh, lxw_col_t *last_col)
{
    double px = 0;
    int c = 0;
    for (; c < sh->n_cols && c < sh->used_cols; c++)
        px += col_px(sh->width[c]);
    for (; px < sh->chart_px; c++)
        px += DEFAULT_COL_PX;
    *last_col = (lxw_col_t)(c > 0 ? c - 1 : 0);
    double page_w = (PAGE_W_IN - 2 * MARGIN_LR) * PX_PER_IN * SLACK;
    double page_h = (PAGE_H_IN - sh->margin_top - MARGIN_TB) * PX_PER_IN * SLACK;
    double scale = px > page_w ? 100 * page_w / px : 100;
    for (size_t i = 0; i < sh->n_units; i++)
        if (sh->units[i].chart && sh->units[i].rows * ROW_PX * scale / 100 > page_h)
            scale = 100 * page_h / (sh->units[i].rows * ROW_PX);
    return scale < 10 ? 10 : (int)scale;
}

/* Breaks before each unit that would not fit on what is left of the page.
 * Once a unit runs over pages, where the next page starts is the printer's
 * to say, so the next unit starts a page of its own. */
static void page_breaks(book *b, sheet *sh, lxw_row_t cap)
{
    lxw_row_t *breaks = calloc(BREAKS_MAX + 1, sizeof *breaks);
    if (!breaks) {
        note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    size_t n = 0;
    lxw_row_t page = 0;
    int known = 1;
    for (size_t i = 0; i < sh->n_units && n < BREAKS_MAX; i++) {
        const print_unit *u = &sh->units[i];
        if (u->first > page && (!known || u->first + u->rows - page > cap)) {
            breaks[n++] = u->first;
            page = u->first;
            known = 1;
        }
        if (u->rows > cap)
            known = 0;
    }
    if (n)
        note_err(b, worksheet_set_h_pagebreaks(sh->ws, breaks));
    free(breaks);
}

/* Called once the columns have their widths and the charts their rows. */
void sh_paginate(book *b, sheet *sh)
{
    lxw_col_t last_col;
    int scale = print_scale(sh, &last_col);
    worksheet_set_print_scale(sh->ws, (uint16_t)scale);
    double page_h = (PAGE_H_IN - sh->margin_top - MARGIN_TB) * PX_PER_IN * SLACK;
    lxw_row_t cap = (lxw_row_t)(page_h * 100 / scale / ROW_PX);
    if (sh->repeat_first >= 0 && sh->n_units && sh->units[0].rows > cap) {
        note_err(b, worksheet_repeat_rows(sh->ws, (lxw_row_t)sh->repeat_first, (lxw_row_t)sh->repeat_last));
        cap -= (lxw_row_t)(sh->repeat_last - sh->repeat_first + 1);
    }
    page_breaks(b, sh, cap);
    lxw_row_t last = sh->n_rows;
    for (size_t i = 0; i < sh->n_units; i++)
        if (sh->units[i].first + sh->units[i].rows > last)
            last = sh->units[i].first + sh->units[i].rows;
    if (last)
        note_err(b, worksheet_print_area(sh->ws, 0, 0, last - 1, last_col));
}
