/* marketpress/chart.h - the chart engine as plugins see it.
 *
 * 1. The figure list (mkp_figure): what to draw, derived once from the
 *    model, numbered, titled and unit-labelled, so the PDF caption, the SVG
 *    file name and the workbook chart title agree.  model->figures.
 * 2. Layout: host->chart_layout() turns a figure into a scene of
 *    primitives for a given size and language, measuring text through a
 *    callback that the renderer supplies (its fonts, its metrics).
 * 3. Renderers draw the primitives: cairo for SVG, libharu for the PDF;
 *    the workbook builds native Excel charts from the figure's series.
 *
 * Coordinates are points (1/72 in), origin top-left, y growing downwards.
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

/* ---- scene ----------------------------------------------------------- */

typedef struct mkp_color {
    unsigned char r, g, b, a;       /* a = 0: none */
} mkp_color;

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
} mkp_scene;

/* Width in points of `text` set at `size` points, bold or not.  Supplied by
 * the renderer so that layout uses the fonts it will draw with. */
typedef double (*mkp_measure_fn)(void *ctx, const char *text, double size, int bold);

#ifdef __cplusplus
}
#endif
#endif
