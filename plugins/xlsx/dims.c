/* dims.c - one sheet per dimension: segments and their outline-grouped
 * sub-segments by year, with live CAGR and share-of-parent formulas, and a
 * Total row that sums the segment rows (or, past Excel's limits, the
 * level-1 rows with SUMIF). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

#define FORMULA_MAX 8000            /* Excel allows 8192 characters */
#define FORMULA_ARGS_MAX 255

typedef struct dim_layout {
    lxw_row_t first, total;         /* first data row, the total row */
    lxw_col_t cagr, share, prov, level;
} dim_layout;

/* Share of the parent row in base and end year: a formula, guarded only
 * where the parent is zero (the model's share is then 0). */
static void put_shares(book *b, sheet *sh, const dim_layout *L, lxw_row_t r, lxw_row_t parent_row,
                       const mkp_node *n, const double *parent_value, lxw_format *f)
{
    const mkp_model *m = b->m;
    int years[2] = {m->base_year, m->forecast_end};
    for (int k = 0; k < 2; k++) {
        int yi = years[k] - m->first_year;
        char me[16], pa[16], formula[80];
        cell_ref(me, r, (lxw_col_t)(YEAR_COL + yi));
        cell_ref(pa, parent_row, (lxw_col_t)(YEAR_COL + yi));
        if (parent_value[yi] != 0)
            snprintf(formula, sizeof formula, "=%s/%s", me, pa);
        else
            snprintf(formula, sizeof formula, "=IF(%s=0,0,%s/%s)", pa, me, pa);
        put_formula(b, sh, r, (lxw_col_t)(L->share + k), formula, n->share[yi], f, 2);
    }
}

/* A segment with sub-segments is their sum, a live formula over the rows
 * right below it (=SUM(B6:B7)), cached with the model's own value. */
static void parent_years(book *b, sheet *sh, lxw_row_t r, const mkp_node *n, lxw_format *f)
{
    for (int i = 0; i < b->m->n_years; i++) {
        lxw_col_t col = (lxw_col_t)(YEAR_COL + i);
        char a[16], z[16], formula[48];
        cell_ref(a, r + 1, col);
        cell_ref(z, r + (lxw_row_t)n->n_children, col);
        snprintf(formula, sizeof formula, "=SUM(%s:%s)", a, z);
        put_formula(b, sh, r, col, formula, n->value[i], f, b->decimals);
    }
}

/* A segment (bold) or a sub-segment (indented, an outline row of level 1),
 * hidden under its segment when the sheet opens collapsed; every other
 * row on the theme's zebra colour. */
static void node_row(book *b, sheet *sh, const dim_layout *L, lxw_row_t r, const mkp_node *n, lxw_row_t parent_row,
                     const double *parent_value)
{
    int sub = n->depth > 1;
    size_t i = r - L->first;
    put_text(b, sh, r, 0, tx(b, &n->title), fm_band(b, sub ? b->f.indent : b->f.bold, i), 0);
    sh_fit(sh, 0, tx_width(tx(b, &n->title)) + (sub ? 3 : 0));
    if (n->n_children)
        parent_years(b, sh, r, n, fm_band(b, b->f.value, i));
    else
        put_years(b, sh, r, n->value, fm_band(b, b->f.value, i));
    put_cagr(b, sh, r, L->cagr, r, n->cagr, fm_band(b, b->f.pct, i));
    put_shares(b, sh, L, r, parent_row, n, parent_value, fm_band(b, b->f.pct, i));
    put_text(b, sh, r, L->prov, lb_provenance(b, n->provenance), fm_band(b, b->f.center, i), 1);
    put_number(b, sh, r, L->level, n->depth, fm_band(b, b->f.center, i), 0);
    ref_add(b, n->path, sh, r, n->value);
    if (sub || (b->collapse && n->n_children)) {
        lxw_row_col_options o = {.level = (uint8_t)sub, .hidden = (uint8_t)(sub && b->collapse),
                                 .collapsed = (uint8_t)(!sub && b->collapse)};
        note_err(b, worksheet_set_row_opt(sh->ws, r, LXW_DEF_ROW_HEIGHT, NULL, &o));
    }
}

/* Growable text for formulas over many cells. */
typedef struct sbuf {
    char *s;
    size_t n, cap;
    int failed;
} sbuf;

static void sb_add(sbuf *sb, const char *fmt_s, ...) __attribute__((format(printf, 2, 3)));
static void sb_add(sbuf *sb, const char *fmt_s, ...)
{
    va_list ap;
    va_start(ap, fmt_s);
    char tmp[96];
    int len = vsnprintf(tmp, sizeof tmp, fmt_s, ap);
    va_end(ap);
    if (len < 0 || sb->failed)
        return;
    if ((size_t)len >= sizeof tmp) { /* no piece is this long: a formula that cannot be trusted */
        sb->failed = 1;
        return;
    }
    if (sb->n + (size_t)len + 1 > sb->cap) {
        size_t cap = (sb->cap ? sb->cap * 2 : 256) + (size_t)len;
        char *s = realloc(sb->s, cap);
        if (!s) {
            sb->failed = 1;
            return;
        }
        sb->s = s;
        sb->cap = cap;
    }
    memcpy(sb->s + sb->n, tmp, (size_t)len + 1);
    sb->n += (size_t)len;
}

/* SUM over the segment rows of one column, as runs of adjacent rows:
 * =SUM(B5:B7,B10).  Where that would pass Excel's limits (thousands of
 * segments with sub-segments) it sums the level-1 rows with SUMIF. */
static void total_formula(sbuf *sb, const lxw_row_t *rows, size_t n, const dim_layout *L, lxw_col_t col)
{
    char a[16], z[16];
    size_t runs = 0;
    sb->n = 0;
    sb_add(sb, "=SUM(");
    for (size_t i = 0; i < n;) {
        size_t k = i;
        while (k + 1 < n && rows[k + 1] == rows[k] + 1)
            k++;
        cell_ref(a, rows[i], col);
        cell_ref(z, rows[k], col);
        if (k > i)
            sb_add(sb, "%s%s:%s", runs ? "," : "", a, z);
        else
            sb_add(sb, "%s%s", runs ? "," : "", a);
        runs++;
        i = k + 1;
    }
    sb_add(sb, ")");
    if (runs <= FORMULA_ARGS_MAX && sb->n <= FORMULA_MAX)
        return;
    char la[16], lz[16];
    lxw_rowcol_to_cell_abs(la, L->first, L->level, 1, 1);
    lxw_rowcol_to_cell_abs(lz, L->total - 1, L->level, 1, 1);
    cell_ref(a, L->first, col);
    cell_ref(z, L->total - 1, col);
    sb->n = 0;
    sb_add(sb, "=SUMIF(%s:%s,1,%s:%s)", la, lz, a, z);
}

/* The Total row: SUM formulas cached with the dimension's own values. */
static void total_row(book *b, sheet *sh, const dim_layout *L, const mkp_node *dim, const lxw_row_t *seg_rows,
                      size_t n_seg)
{
    sbuf sb = {0};
    put_text(b, sh, L->total, 0, lb(b, L_TOTAL), b->f.bold, 1);
    for (int i = 0; i < b->m->n_years; i++) {
        lxw_col_t col = (lxw_col_t)(YEAR_COL + i);
        total_formula(&sb, seg_rows, n_seg, L, col);
        if (sb.failed) {
            note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
            break;
        }
        put_formula(b, sh, L->total, col, sb.s, dim->value[i], b->f.value_bold, b->decimals);
    }
    free(sb.s);
    ref_add(b, dim->path, sh, L->total, dim->value);
    put_cagr(b, sh, L->total, L->cagr, L->total, dim->cagr, b->f.pct_bold);
    for (lxw_col_t c = L->share; c <= L->level; c++)
        note_err(b, worksheet_write_blank(sh->ws, L->total, c, b->f.value_bold));
}

/* Text over a merged range; a one-cell range is just the cell. */
static void put_merged(book *b, sheet *sh, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
                       const char *s, lxw_format *f)
{
    if (r1 == r2 && c1 == c2)
        put_text(b, sh, r1, c1, s, f, 1);
    else
        note_err(b, worksheet_merge_range(sh->ws, r1, c1, r2, c2, tx_xml(b, s), f));
    if (c1 == c2)
        sh_fit(sh, c1, tx_width(s));
}

/* Caption, unit note and the two header rows (merged where a heading
 * spans both rows or several columns). */
static void dimension_header(book *b, sheet *sh, const dim_layout *L, const mkp_node *dim)
{
    const mkp_model *m = b->m;
    char buf[1024];
    tx_cat(buf, sizeof buf, 0, "%s (%s)", tx(b, &dim->title), b->unit);
    put_caption(b, sh, 0, table_for(b, NULL, dim->id), buf);
    const char *desc = tx(b, &dim->description);
    size_t len = tx_cat(buf, sizeof buf, 0, lb(b, L_UNIT_NOTE), b->unit);
    if (*desc)
        tx_cat(buf, sizeof buf, len, " %s", desc);
    put_text(b, sh, 1, 0, buf, b->f.note, 0);
    lxw_col_t last_year = (lxw_col_t)(YEAR_COL + m->n_years - 1);
    put_merged(b, sh, 2, 0, 3, 0, lb(b, L_SEGMENT), b->f.head_left);
    put_merged(b, sh, 2, YEAR_COL, 2, last_year, b->unit, b->f.head);
    put_year_header(b, sh, 3, m->first_year, m->forecast_end);
    put_text(b, sh, 2, L->cagr, lb(b, L_CAGR), b->f.head, 1);
    snprintf(buf, sizeof buf, host->label(b->job, "year-range"), m->cagr_start, m->forecast_end);
    put_text(b, sh, 3, L->cagr, buf, b->f.head, 1);
    put_merged(b, sh, 2, L->share, 2, L->share + 1, lb(b, L_SHARE_PARENT), b->f.head);
    put_year(b, sh, 3, L->share, m->base_year, b->f.head_year);
    put_year(b, sh, 3, L->share + 1, m->forecast_end, b->f.head_year);
    put_merged(b, sh, 2, L->prov, 3, L->prov, lb(b, L_PROVENANCE), b->f.head);
    put_merged(b, sh, 2, L->level, 3, L->level, lb(b, L_LEVEL), b->f.head);
}

/* The CAGR column of a dimension sheet; the two share columns follow it. */
lxw_col_t dm_cagr_col(const mkp_model *m)
{
    return (lxw_col_t)(YEAR_COL + m->n_years);
}

/* The rows are those of the dimension's numbered table (host->table), in
 * its order, the PDF's: a row of the table is a row of the sheet, and a
 * row's parent (the segment above a sub-segment, the Total below a
 * segment) is the row its share formulas divide by. */
void dm_sheet(book *b, sheet *sh, const mkp_node *dim)
{
    const mkp_model *m = b->m;
    const mkp_table_ref *ref = table_for(b, NULL, dim->id);
    const mkp_table *t = ref && MKP_HAS(mkp_host, host, table) ? host->table(b->job, ref->number) : NULL;
    dim_layout L = {.first = 4};
    L.cagr = dm_cagr_col(m);
    L.share = L.cagr + 1;
    L.prov = L.share + 2;
    L.level = L.prov + 1;
    size_t rows = t && t->n_rows ? t->n_rows - 1 : 0; /* the last is the Total */
    L.total = L.first + (lxw_row_t)rows;
    lxw_row_t *seg_rows = malloc((dim->n_children ? dim->n_children : 1) * sizeof *seg_rows);
    if (!seg_rows) {
        note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    dimension_header(b, sh, &L, dim);
    /* Sub-segment rows sit under their segment, so the +/- is on the segment. */
    worksheet_outline_settings(sh->ws, 1, 0, 1, 0);
    size_t n_seg = 0;
    for (size_t i = 0; i < rows; i++) {
        const mkp_table_row *row = mkp_row_at(t, i);
        lxw_row_t r = L.first + (lxw_row_t)i;
        if (row->kind == MKP_ROW_SEGMENT && n_seg < dim->n_children)
            seg_rows[n_seg++] = r;
        node_row(b, sh, &L, r, row->node, L.first + (lxw_row_t)row->parent, mkp_row_at(t, row->parent)->node->value);
    }
    total_row(b, sh, &L, dim, seg_rows, n_seg);
    free(seg_rows);
    worksheet_freeze_panes(sh->ws, L.first, 1);
    sh_keep(b, sh, 0, L.total + 1, 0);
    sh_print_setup(b, sh, 2, 3);
    sh->chart_row = L.total + 3;
}
