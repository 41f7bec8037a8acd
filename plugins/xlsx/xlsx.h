/* xlsx.h - the xlsx plugin's internal interfaces: the workbook being written
 * and what its files share.  plugin.c (options, render, descriptor), book.c
 * (the sheets in order), style.c (the theme and the copy: colours, font,
 * printed header and footer, custom properties, protection), logo.c (the
 * logo's copy for the printed header), formats.c,
 * cells.c (cells and sheets), labels.c (labels, text measure, sheet names),
 * summary.c, dims.c, data.c, charts.c, notes.c and parts.c (the parts in
 * memory).  Only the plugin entry and
 * lxw_tmpfile leave xlsx.so (hidden visibility); the rest is private. */
#ifndef MKP_XLSX_H
#define MKP_XLSX_H

#include <stddef.h>
#include <xlsxwriter.h>

#include <marketpress/marketpress.h>

/* The host's function table, set by the entry function (plugin.c). */
extern const mkp_host *host;

/* Excel's limits, and the layout of every sheet with a yearly table. */
#define NAME_CAP 128                /* bytes: 31 code points of up to 4 bytes */
#define WIDTH_MIN 10.0              /* column width floor, in characters */
#define DECIMALS_MAX 6              /* of any number format we build */
#define YEAR_COL 1                  /* first_year sits in column B everywhere */

/* ---- localized labels (labels.c) ---------------------------------------- */

enum {
    L_FIGURE, L_TABLE, L_KEY_STATS, L_METRIC, L_YEAR, L_BASE, L_ESTIMATED, L_FORECAST, L_CAGR, L_CAGR_PUBLISHED,
    L_BY_YEAR, L_MARKET_SIZE, L_GROWTH, L_BASIS, L_SCENARIOS, L_SCENARIO, L_SHOWN, L_SEGMENT, L_TOTAL,
    L_SHARE_PARENT, L_PROVENANCE, L_LEVEL, L_DIMENSION, L_PARENT, L_SERIES, L_PATH, L_VALUE, L_YEAR_BASIS,
    L_MARKET, L_TOTAL_MARKET, L_PUBLISHED, L_DERIVED, L_ILLUSTRATIVE, L_HISTORY, L_ANCHOR, L_FORECAST_YEAR,
    L_ESTIMATE, L_NOTES, L_SOURCE, L_EDITION, L_PRODUCT, L_PUBLISHER, L_DATASET, L_GENERATED, L_METHODOLOGY,
    L_RECONCILE, L_CAGR_RULE, L_PRECISION, L_PROV_TITLE, L_GIVEN_YEARS, L_DIM_SERIES, L_MORE, L_FIGURES_TITLE,
    L_SHEET, L_CATEGORY, L_GROUP, L_UNIT_NOTE, L_PAGE, L_NA, L_SHEET_SUMMARY, L_SHEET_SCENARIOS, L_SHEET_DATA,
    L_SHEET_CHART_DATA, L_SHEET_NOTES, L_ACTUAL, L_SCENARIO_VALUE, L_PERCENT, L_COPYRIGHT, L_RIGHTS, L_LICENCE,
    L_LICENCE_TERMS, L_SCOPE, L_DEFINITION, L_COUNT
};

/* ---- the Data table's columns (data.c; book.c sizes the sheet) ---------- */

enum { D_DIM, D_SEGMENT, D_PARENT, D_SERIES, D_LEVEL, D_YEAR, D_VALUE, D_PROV, D_BASIS, D_COLS };

/* ---- the workbook being written ----------------------------------------- */

/* Rows that print on one page if they can: a table, a row of charts, a
 * block of chart data (print.c). */
typedef struct print_unit {
    lxw_row_t first, rows;
    int chart;                      /* a chart row: the scale makes it fit a page */
} print_unit;

typedef struct sheet {
    lxw_worksheet *ws;
    char name[NAME_CAP];
    double *width;                  /* widest content per column, in characters;
                                       after sh_widths, the width set */
    int n_cols;
    lxw_row_t n_rows;               /* rows written to */
    int used_cols;                  /* columns written to */
    lxw_row_t chart_row;            /* top of the next row of charts */
    int chart_slot;                 /* 0: left, 1: right */
    lxw_row_t slot_rows;            /* rows taken by the current row of charts */
    int chart_px;                   /* right edge of the widest row of charts, in pixels */
    int repeat_first, repeat_last;  /* header rows to repeat, or -1 */
    double scale;                   /* widths counted in characters times this (the font's) */
    double margin_top;              /* inches: room for the header's logo */
    print_unit *units;
    size_t n_units, cap_units;
} sheet;

/* Where a yearly series sits (year y in column YEAR_COL + y - first_year),
 * so that charts can point at the cells the tables already hold. */
typedef struct row_ref {
    const char *path;
    const sheet *sh;
    lxw_row_t row;
    const double *values;           /* n_years values, as written */
} row_ref;

typedef struct formats {
    lxw_format *title, *subtitle, *caption, *note, *head, *head_left, *text, *bold, *indent, *value, *value_bold,
        *pct, *pct_bold, *year, *head_year, *wrap, *center, *fig[DECIMALS_MAX + 1], *fig_pct[DECIMALS_MAX + 1];
    lxw_format *notice;             /* the licence line on Summary */
    lxw_format *order;              /* the sample's call to order: wrapped */
    lxw_format *plain;              /* no format but the theme's font; NULL without one */
    /* The zebra rows' twins of text, bold, indent, value, pct and center
     * (fm_band); NULL when the theme shades no rows. */
    lxw_format *z_text, *z_bold, *z_indent, *z_value, *z_pct, *z_center;
} formats;

typedef struct book {
    const mkp_job *job;
    const mkp_model *m;
    const char *lang;
    int zh;
    int decimals, charts, collapse;
    lxw_workbook *wb;
    lxw_error err;                  /* the first libxlsxwriter error */
    formats f;
    sheet summary, scenarios, data, chart_data, notes;
    sheet *dims;                    /* per dimension; ws NULL when it has no segments */
    row_ref *refs;
    size_t n_refs, cap_refs;
    lxw_row_t chart_data_row;       /* next free row of the Chart data sheet */
    char unit[64];                  /* "USD billion" */
    char **clean;                   /* copies made by tx_xml, freed with the book */
    size_t n_clean;
    /* The house style and the copy (style.c, st_init). */
    const mkp_theme *theme;         /* NULL on a host older than ABI 1.3 */
    const mkp_copy *copy;           /* likewise */
    int sample;                     /* the sample edition: Summary and the market's Data */
    int protect;                    /* lock the sheets that hold formulas */
    const char *font;               /* the theme's font for every cell and chart, or NULL */
    double font_scale;              /* its width against the workbook's default font */
    char licence[512];              /* "Licensed to ...", "" for a copy licensed to no one */
    char *logo;                     /* the logo's copy for the printed header (logo.c), or NULL */
    double logo_in;                 /* its printed height in inches */
    lxw_row_t order_row;            /* Summary's call to order (a sample), or 0 */
    lxw_row_t market_header;        /* the years over Summary's market row */
} book;

/* ---- book.c: the workbook as a whole ------------------------------------ */
int bk_open(book *b);
void bk_write(book *b);
void bk_free(book *b);

/* ---- labels.c ----------------------------------------------------------- */
const char *lb(const book *b, int key);
size_t lb_numbered(const book *b, char *buf, size_t cap, int key, int number, const char *title);
const char *lb_basis(const book *b, unsigned char flags);
const char *lb_provenance(const book *b, mkp_provenance p);
const char *lb_value_class(const book *b, unsigned char flags);
const char *tx(const book *b, const mkp_text *t);
/* How much of s[0..n) to keep so that it does not end inside a character:
 * n, or less by the bytes of a last sequence that its lead byte says is
 * longer than what is there (a text cut short by a fixed buffer). */
size_t tx_boundary(const char *s, size_t n);
/* snprintf at buf + o (appending to what buf holds), but a text too long
 * for buf is cut at a character boundary, never inside one.  Returns the
 * new length, or cap when the text did not fit (so a loop that appends
 * while the result is below cap stops). */
size_t tx_cat(char *buf, size_t cap, size_t o, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
double tx_width(const char *s);
/* `s` as an XML part can hold it: well-formed UTF-8 (a sequence cut short
 * at the end by a fixed buffer is dropped, a broken one inside becomes
 * U+FFFD), and no character XML 1.0 forbids (C0 controls but tab, newline
 * and carriage return become a space; U+FFFE and U+FFFF become U+FFFD).
 * `s` itself when it is fine, else a copy that lives as long as the book. */
const char *tx_xml(book *b, const char *s);
const char *tx_base_name(const char *path);
size_t lb_copyright(const book *b, char *buf, size_t cap);
void tx_sheet_name(const book *b, const char *want, const char *fallback, char out[NAME_CAP]);

/* ---- style.c: the theme and the copy ------------------------------------ */

#define ST_HEADER_MARGIN 0.3         /* inches from the paper's edge to the header (the logo) */

/* The theme's colours the workbook uses. */
enum { ST_PRIMARY, ST_MUTED, ST_HEAD_FILL, ST_HEAD_INK, ST_ZEBRA };
void st_init(book *b);
int st_has(const book *b, int which);
lxw_color_t st_color(const book *b, int which);
lxw_color_t st_series(const book *b, size_t i);
lxw_color_t st_value_class(const book *b, mkp_value_class c);
void st_header_footer(book *b, sheet *sh);
void st_properties(book *b);
void st_protect(book *b);
/* Whether the sample edition keeps figure f (all figures of a full one). */
int st_keeps(const book *b, const mkp_figure *f);

/* ---- logo.c: the logo's copy for the printed header ---------------------- */
void lg_make(book *b);
void lg_remove(book *b);

/* ---- formats.c ---------------------------------------------------------- */
void fm_make(book *b);
lxw_format *fm_band(const book *b, lxw_format *f, size_t index);
void fm_number(char *buf, size_t cap, int decimals, const char *suffix);

/* ---- cells.c: sheets, cells and the references between them ------------- */
void note_err(book *b, lxw_error e);
int sh_add(book *b, sheet *sh, int n_cols);
void sh_fit(sheet *sh, lxw_col_t col, double w);
void sh_prefix(char *buf, size_t cap, const char *name);
/* ---- print.c: how each sheet prints --------------------------------------- */
void sh_print_setup(book *b, sheet *sh, int repeat_first, int repeat_last);
void sh_keep(book *b, sheet *sh, lxw_row_t first, lxw_row_t rows, int chart);
void sh_paginate(book *b, sheet *sh);
void sh_widths(sheet *sh, double min);
void cell_ref(char *buf, lxw_row_t r, lxw_col_t c);
void put_text(book *b, sheet *sh, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f, int measure);
void put_number(book *b, sheet *sh, lxw_row_t r, lxw_col_t c, double v, lxw_format *f, int decimals);
void put_formula(book *b, sheet *sh, lxw_row_t r, lxw_col_t c, const char *formula, double cached,
                 lxw_format *f, int decimals);
void put_cagr(book *b, sheet *sh, lxw_row_t r, lxw_col_t c, lxw_row_t src_row, double cagr, lxw_format *f);
void put_years(book *b, sheet *sh, lxw_row_t r, const double *v, lxw_format *f);
void put_year_header(book *b, sheet *sh, lxw_row_t r, int from, int to);
void put_year(book *b, sheet *sh, lxw_row_t r, lxw_col_t c, int year, lxw_format *f);
const mkp_table_ref *table_for(const book *b, const char *id, const char *dimension);
void put_caption(book *b, sheet *sh, lxw_row_t r, const mkp_table_ref *t, const char *fallback);
void ref_add(book *b, const char *path, const sheet *sh, lxw_row_t row, const double *values);

/* ---- the sheets: summary.c, dims.c, data.c, charts.c, notes.c ----------- */
size_t sm_n_scenarios(const mkp_model *m);
void sm_summary(book *b);
void sm_order_height(book *b);
void sm_scenarios(book *b);
void dm_sheet(book *b, sheet *sh, const mkp_node *dim);
lxw_col_t dm_cagr_col(const mkp_model *m);
void dt_sheet(book *b);
sheet *ch_sheet_for(book *b, const mkp_figure *f);
void ch_all(book *b);
void nt_sheet(book *b);

/* ---- parts.c: the workbook's parts in memory ---------------------------- */
void pt_reset(void);
int pt_failed(void);

#endif
