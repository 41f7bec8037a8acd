/* marketpress/chart.h - the chart engine as plugins see it.
 *
 * 1. The figure list (mkp_figure): what to draw, derived once from the
 *    model, numbered, titled and unit-labelled, so the PDF caption, the SVG
 *    file name and the workbook chart title agree.  model->figures.
 * 2. Layout: host->chart_layout() turns a figure into a scene of
 *    primitives for a given size and language, measuring text through a
 *    callback: the renderer's own (its fonts, its metrics) or, since ABI
 *    1.2, the host's (host->measure with host->fonts_open's fonts).
 * 3. Renderers draw the primitives: the host's SVG writer
 *    (host->scene_svg, the svg plugin's files), libharu for the PDF; the
 *    workbook builds native Excel charts from the figure's series.
 *
 * Coordinates are points (1/72 in), origin top-left, y growing downwards.
 * A scene draws in order, and no shape comes after a text it would cover:
 * a renderer may set all text last.
 * C99, self-contained.  Everything here is owned by the host. */
#ifndef MARKETPRESS_CHART_H
#define MARKETPRESS_CHART_H

#include <stddef.h>

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum mkp_chart_kind {
    MKP_CHART_BAR = 0,              /* vertical bars, one series (market size by year) */
    MKP_CHART_STACKED = 1,          /* vertical stacked bars, one series per segment, by year */
    MKP_CHART_PERCENT = 2,          /* 100% stacked columns: shares of segments per category */
    MKP_CHART_HBAR = 3,             /* horizontal bars, one series, sorted (CAGR by segment) */
    MKP_CHART_HBAR_GROUPED = 4,     /* horizontal grouped bars (two years side by side) */
    MKP_CHART_LINE = 5              /* lines by year (scenario comparison) */
} mkp_chart_kind;

typedef struct mkp_chart_series {
    const mkp_text *name;           /* legend entry */
    const char *node_path;          /* the model node the values come from; "" if none */
    const double *values;           /* n_categories values, in the figure's unit */
    const unsigned char *marks;     /* per category MKP_YEAR_* flags or NULL: an
                                       MKP_YEAR_ANCHOR value is a published figure */
} mkp_chart_series;

typedef struct mkp_figure {
    int number;                     /* 1-based, "Figure 3" */
    const char *id;                 /* [a-z0-9-]+, unique: "market-size" */
    const char *file_stem;          /* "03-model-type-by-year": names SVG/PNG files */
    mkp_chart_kind kind;
    const mkp_text *title;
    const char *dimension;          /* dimension id, or "" for the market */
    const char *unit;               /* "USD billion", or "%" */
    int percent;                    /* values are percentages (0..100) */
    int decimals;                   /* decimals of value labels */
    const mkp_text *source;         /* the source note */
    const char *callout;            /* e.g. "CAGR 2025-2032: 9.43%"; "" if none */
    size_t n_categories;
    const mkp_text *categories;     /* years as text, or segment titles */
    const mkp_text *category_groups;/* per category, the parent's title, or NULL */
    size_t n_series;
    const mkp_chart_series *series;
} mkp_figure;

/* The numbered tables, so "Table N" agrees across outputs. */
typedef struct mkp_table_ref {
    int number;
    const char *id;                 /* "key-statistics", "model-type" */
    const mkp_text *title;
    const char *dimension;          /* dimension id, or "" */
} mkp_table_ref;

/* ---- ABI 1.2: what the numbered tables hold ---------------------------
 *
 * model->table_data[i] (or host->table(job, number)) is the content of
 * model->tables[i]: its rows, its columns and every value, chosen once by
 * the host, so that a plugin's Table 2 has the rows, years, share basis and
 * decimals of the PDF's Table 2.  Values are row-major: rows[r].values[c]
 * is the cell of row r under columns[c]. */

typedef enum mkp_table_kind {
    MKP_TABLE_STATISTICS = 0,       /* key statistics: one row per statistic, one
                                       MKP_COLUMN_STATISTIC column */
    MKP_TABLE_DIMENSION = 1,        /* a dimension's segments (each followed by its
                                       sub-segments) and the total, by year */
    MKP_TABLE_SCENARIOS = 2         /* the market under each scenario, by year */
} mkp_table_kind;

typedef enum mkp_column_kind {
    MKP_COLUMN_YEAR = 0,            /* the row's value in `year`, in the model's unit */
    MKP_COLUMN_CAGR = 1,            /* the row's CAGR from year_from to year, in percent
                                       (9.43); NAN when it cannot be computed (n/a) */
    MKP_COLUMN_SHARE = 2,           /* the row's share of `basis` in `year`, in percent,
                                       already rounded to `decimals` so that siblings
                                       add up to exactly 100 (host->round_shares) */
    MKP_COLUMN_STATISTIC = 3        /* a statistics table's value: the row says what it
                                       is (number, year_from, year, decimals) */
} mkp_column_kind;

typedef enum mkp_share_basis {
    MKP_BASIS_NONE = 0,             /* not a share */
    MKP_BASIS_MARKET = 1,           /* of the whole market in that year */
    MKP_BASIS_PARENT = 2            /* of the row's parent segment; NAN (an empty cell)
                                       in a row whose parent is the market, whose share
                                       the market column already gives */
} mkp_share_basis;

typedef struct mkp_table_column {
    mkp_column_kind kind;
    int year;                       /* of the value or share; the last year of a CAGR */
    int year_from;                  /* the first year of a CAGR; else `year` */
    mkp_share_basis basis;
    mkp_number_kind number;         /* amount, share or rate (host->value_decimals) */
    int decimals;                   /* the places every built-in plugin prints it with */
    const mkp_text *heading;        /* "2025", "CAGR 2025–2032", "Share of market 2025" */
} mkp_table_column;

typedef enum mkp_row_kind {
    MKP_ROW_SEGMENT = 0,            /* a depth 1 node */
    MKP_ROW_SUB_SEGMENT = 1,        /* a depth 2 node, right after its segment */
    MKP_ROW_TOTAL = 2,              /* the dimension's total, the last row */
    MKP_ROW_SCENARIO = 3,
    MKP_ROW_STATISTIC = 4
} mkp_row_kind;

#define MKP_ROW_STRONG 0x01u        /* set in bold: a segment with sub-segments, the
                                       scenario the model presents */

typedef struct mkp_table_row {
    mkp_row_kind kind;
    const char *key;                /* a node's path, a scenario's id, or the statistic:
                                       "base-year", "estimated-year", "forecast-year",
                                       "cagr", "cagr-published" (label() keys) */
    const mkp_node *node;           /* the row's node (a total: the dimension); NULL for
                                       scenarios and statistics */
    const mkp_text *label;          /* the row's heading */
    int level;                      /* indent: 1 for a sub-segment, else 0 */
    long parent;                    /* index in rows of the parent row, or -1 */
    unsigned flags;                 /* MKP_ROW_* */
    const double *values;           /* n_columns cells */
    /* n_columns mkp_value_class: a value's own; a derived one (CAGR, share)
     * the highest-numbered class of the values it comes from (so a share
     * of an estimate is an estimate) */
    const unsigned char *classes;
    /* MKP_COLUMN_STATISTIC: what the value is.  A statistic of one year
     * has year_from == year. */
    mkp_number_kind number;
    int year_from, year;
    int decimals;
} mkp_table_row;

typedef struct mkp_table {
    size_t size;                    /* sizeof(mkp_table) of the host */
    int number;                     /* as in model->tables: "Table 2" */
    const char *id;
    const mkp_text *title;
    const char *dimension;          /* dimension id, or "" */
    mkp_table_kind kind;
    const mkp_text *row_heading;    /* heading of the rows' label column: "Segment" */
    size_t n_columns, column_size;  /* column_size: stride of columns[] */
    const mkp_table_column *columns;
    size_t n_rows, row_size;        /* row_size: stride of rows[] */
    const mkp_table_row *rows;
    size_t n_notes;                 /* lines under the table, in order: the unit, the */
    const mkp_text *notes;          /* share basis, what * marks, the source */
} mkp_table;

/* The elements of a table, by their strides. */
static inline const mkp_table_column *mkp_column_at(const mkp_table *t, size_t i)
{
    return MKP_AT(mkp_table_column, t->columns, t->column_size, i);
}

static inline const mkp_table_row *mkp_row_at(const mkp_table *t, size_t i)
{
    return MKP_AT(mkp_table_row, t->rows, t->row_size, i);
}

/* ABI 1.2: the figures, tables and their elements, by the model's strides
 * (see mkp_model's node_size). */
static inline const mkp_figure *mkp_figure_at(const mkp_model *m, size_t i)
{
    return MKP_AT(mkp_figure, m->figures, MKP_STRIDE(m, figure_size, mkp_figure), i);
}

static inline const mkp_chart_series *mkp_series_at(const mkp_model *m, const mkp_figure *f, size_t i)
{
    return MKP_AT(mkp_chart_series, f->series, MKP_STRIDE(m, series_size, mkp_chart_series), i);
}

static inline const mkp_text *mkp_category_at(const mkp_model *m, const mkp_figure *f, size_t i)
{
    return MKP_AT(mkp_text, f->categories, MKP_STRIDE(m, text_size, mkp_text), i);
}

static inline const mkp_table_ref *mkp_table_ref_at(const mkp_model *m, size_t i)
{
    return MKP_AT(mkp_table_ref, m->tables, MKP_STRIDE(m, table_ref_size, mkp_table_ref), i);
}

/* A host older than ABI 1.2 has no table contents: check
 * MKP_HAS(mkp_model, m, table_data). */
static inline const mkp_table *mkp_table_at(const mkp_model *m, size_t i)
{
    return MKP_AT(mkp_table, m->table_data, m->table_size, i);
}

/* ---- scene ----------------------------------------------------------- */

typedef struct mkp_color {
    unsigned char r, g, b, a;       /* a = 0: none */
} mkp_color;

/* ABI 1.1: the colour of each kind of value (mkp_value_class) wherever a
 * chart tells them apart: the market chart, and a plugin's own drawings
 * such as the PDF cover, so that one kind of value has one colour. */
static inline mkp_color mkp_value_class_color(mkp_value_class c)
{
    static const mkp_color colors[MKP_VALUE_CLASSES] = {
        {0, 114, 178, 255},         /* published: blue */
        {110, 110, 110, 255},       /* actual: grey */
        {230, 159, 0, 255},         /* illustrative anchor: orange */
        {86, 180, 233, 255},        /* estimate or forecast: sky blue */
        {213, 94, 0, 255},          /* scenario: vermillion */
    };
    return colors[(unsigned)c < MKP_VALUE_CLASSES ? c : MKP_VALUE_ESTIMATE];
}

typedef enum mkp_prim_kind {
    MKP_PRIM_RECT = 0,              /* x, y, w, h */
    MKP_PRIM_LINE = 1,              /* x, y -> x2, y2 */
    MKP_PRIM_PATH = 2,              /* n_points pairs in points; closed or not */
    MKP_PRIM_TEXT = 3,              /* text at x, y (baseline), anchored by `anchor` */
    MKP_PRIM_CIRCLE = 4             /* centre x, y, radius w */
} mkp_prim_kind;

typedef enum mkp_anchor {
    MKP_ANCHOR_START = 0,
    MKP_ANCHOR_MIDDLE = 1,
    MKP_ANCHOR_END = 2
} mkp_anchor;

/* What a primitive is for; tests and accessible renderers use it. */
typedef enum mkp_role {
    MKP_ROLE_DECOR = 0,
    MKP_ROLE_TITLE = 1,
    MKP_ROLE_AXIS = 2,              /* axis lines, ticks and tick labels */
    MKP_ROLE_GRID = 3,
    MKP_ROLE_MARK = 4,              /* a bar, a line, a point: one data value */
    MKP_ROLE_VALUE_LABEL = 5,       /* text showing a data value */
    MKP_ROLE_LEGEND = 6,
    MKP_ROLE_CATEGORY_LABEL = 7,
    MKP_ROLE_NOTE = 8,              /* unit, source note, callout */
    MKP_ROLE_BACKGROUND = 9
} mkp_role;

typedef struct mkp_prim {
    mkp_prim_kind kind;
    mkp_role role;
    mkp_color fill;
    mkp_color stroke;
    double line_width;
    double x, y, w, h;
    double x2, y2;
    size_t n_points;
    const double *points;           /* x0, y0, x1, y1, ... */
    int closed;
    const char *text;               /* UTF-8 */
    double font_size;
    int bold;
    mkp_anchor anchor;
    double angle;                   /* degrees, counter-clockwise, about (x, y) */
    int series, category;           /* for marks and value labels, else -1 */
    double value;                   /* the model's value behind a mark or label */
} mkp_prim;

typedef struct mkp_scene {
    double width, height;
    size_t n;
    const mkp_prim *prims;
    /* ABI 1.2: the stride of prims[], so that mkp_prim may grow in a later
     * minor.  A scene does not start with its size: a host of 1.2 or later
     * (MKP_HAS(mkp_host, host, table)) has it; mkp_prim_at() (plugin.h)
     * checks. */
    size_t prim_size;
} mkp_scene;

/* Width in points of `text` set at `size` points, bold or not.  Supplied by
 * the renderer so that layout uses the fonts it will draw with, or since
 * ABI 1.2 the host's own (host->measure with host->fonts_open's fonts). */
typedef double (*mkp_measure_fn)(void *ctx, const char *text, double size, int bold);

/* ---- ABI 1.2: the host's fonts ----------------------------------------- */

/* The fonts of one job as the host finds, measures and draws them
 * (host->fonts_open): opaque, the host's. */
typedef struct mkp_fonts mkp_fonts;

/* Faces of a mkp_fonts, as mkp_glyph.face numbers them. */
enum {
    MKP_FACE_REGULAR = 0,           /* Latin text */
    MKP_FACE_BOLD = 1,              /* bold Latin text (the regular face when the family has no bold) */
    MKP_FACE_CJK = 2,               /* Chinese, and what the Latin faces lack */
    MKP_FACE_CJK_BOLD = 3,          /* the CJK face emboldened by an em/24 */
    MKP_FACES = 4
};

/* One glyph of a text as the host sets it (host->text_glyphs). */
typedef struct mkp_glyph {
    int face;                       /* MKP_FACE_* */
    unsigned index;                 /* the glyph's index in that face's file (0: none, a box) */
    double x;                       /* its origin in points from the start of the text, on the baseline */
} mkp_glyph;

/* ---- ABI 1.3: the house style ------------------------------------------
 *
 * The publisher's look (theme.yaml, docs/themes.md): colours, fonts, the
 * logo, the cover layout and the words of the page footer and of the
 * sample edition's call to order.  model->theme (check MKP_HAS(mkp_model,
 * m, theme)) is never NULL on a 1.3 host: with no theme named it is the
 * built-in default, whose values are the ones every built-in plugin drew
 * with before themes.  The chart engine already draws with the theme's
 * series and value colours: a plugin that draws scenes needs nothing more
 * for its charts.  The publisher, contact, copyright, licence, disclaimer
 * and about texts a theme gives are merged into the model's own members
 * (publisher, contact_*, copyright, ...), so that a plugin reads them in
 * one place. */
typedef enum mkp_image_format {
    MKP_IMAGE_NONE = 0,             /* no logo */
    MKP_IMAGE_PNG = 1,
    MKP_IMAGE_JPEG = 2
} mkp_image_format;

typedef enum mkp_cover_layout {
    MKP_COVER_BAND = 0,             /* a full-width band of `primary` behind the title */
    MKP_COVER_SIDEBAR = 1,          /* a tall column of `primary` at the left edge, the title beside it */
    MKP_COVER_PLAIN = 2             /* white, the title in `primary`, a rule of `accent` */
} mkp_cover_layout;

typedef struct mkp_theme {
    size_t size;                    /* sizeof(mkp_theme) of the host */
    const char *name;               /* "default", "harbour", ... */
    const char *source_file;        /* the theme file, "" for the built-in default */
    /* The logo: a file the host checked (its signature, its size in
     * pixels); "" when the theme has none. */
    const char *logo;
    mkp_image_format logo_format;
    int logo_width, logo_height;    /* pixels */
    /* Colours.  series[] are the chart series, in order (n_series >= 2;
     * host->series_color() extends them for longer lists the way the
     * chart engine does); values[] the colour of each mkp_value_class. */
    size_t n_series;
    const mkp_color *series;
    mkp_color values[MKP_VALUE_CLASSES];
    mkp_color primary;              /* the cover, chapter headings, the table header rule */
    mkp_color accent;               /* links, rules, small headings */
    mkp_color on_primary;           /* text set on `primary` */
    mkp_color ink;                  /* body text */
    mkp_color muted;                /* running heads, notes, captions */
    mkp_color rule;                 /* thin lines */
    mkp_color header_fill;          /* a table's header row */
    mkp_color header_ink;           /* text of the header row */
    mkp_color zebra;                /* every other body row of a table */
    /* Fonts, by fontconfig family: "" leaves a plugin's own choice
     * (DejaVu Serif/Sans, Droid Sans Fallback). */
    const char *font_body;
    const char *font_heading;
    const char *font_cjk;
    mkp_cover_layout cover;
    mkp_text footer;                /* a line at the foot of every page; n 0: none */
    mkp_text order;                 /* the sample edition's call to order; n 0: the host's
                                       words (label "order-call") */
} mkp_theme;

#ifdef __cplusplus
}
#endif
#endif
