/* dataset.h - a dataset as read: the draft model (titles, texts, years,
 * the node tree) and, beside it, what the public model does not carry: the
 * growth assumptions of every node, forecast methods, scenarios.  The model
 * room (model/) builds the frozen mkp_model from it; the loader (load.c)
 * reads it from a file.  Prefix ds_ / mkp_load_. */
#ifndef MKP_DATASET_H
#define MKP_DATASET_H
#include <stddef.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "marketpress/plugin.h"

typedef struct ypoint {
    int year;
    double value;
    int line, col;
    int decimals;                   /* digits after the point as written: the rounding to allow */
} ypoint;

typedef struct ypoints {
    size_t n;
    ypoint *v;                      /* sorted by year */
    int line, col;                  /* where the map starts */
} ypoints;

typedef enum growth_kind {
    GROWTH_NONE = 0,                /* the market and dimensions */
    GROWTH_SHARE,                   /* share of the parent at given years */
    GROWTH_SHARE_CAGR,              /* share at one year, then a growth rate */
    GROWTH_ANCHORS,                 /* values of its own */
    GROWTH_BOTTOM_UP                /* the sum of its sub-segments (reconcile: bottom-up) */
} growth_kind;

/* The largest value a report can carry, in its own unit: beyond a trillion
 * billion, axes, tables and formats stop meaning anything, and doubles
 * start to overflow in growth arithmetic.  Every given value and every
 * series after forecasting and scenarios is checked against it. */
#define DS_VALUE_MAX 1e12

#define DS_MAX_PARAMS 4             /* parameters of one forecast method */

/* A node as the dataset describes it; mirrors the mkp_node tree.  The
 * builder writes only the arrays here (value, share, flags), never the
 * public node: model/freeze publishes them into it once they are final. */
typedef struct spec spec;
struct spec {
    mkp_node *node;                 /* its public node: titles and ids from the loader */
    growth_kind kind;
    ypoints shares;                 /* given shares of the parent, in percent */
    double cagr;                    /* percent per year */
    ypoints anchors;
    ypoints history;                /* market only */
    double rate;                    /* percent per year, for one anchor */
    int has_rate;
    int method;                     /* 0: none given (cagr); else 1 + its index in the
                                       method table the loader was given */
    double param[DS_MAX_PARAMS];    /* in the method's order, where param_given has bit i */
    unsigned param_given;
    int method_line, method_col;
    int line, col;
    mkp_text definition;            /* a segment's, for model->definitions */
    size_t n_children;
    spec *children;
    /* the builder's */
    double *value;                  /* per year */
    double *share;                  /* of the parent, per year */
    unsigned char *flags;           /* MKP_YEAR_* per year */
};

/* A scenario as the dataset gives it: a change to the market's yearly
 * growth, and shocks to the growth of single segments. */
typedef struct shock_spec {
    spec *target;
    double growth;                  /* percentage points added to the yearly growth */
    int from, to;
} shock_spec;

typedef struct scenario_spec {
    mkp_scenario *pub;              /* id and texts, from the loader */
    double growth;                  /* percentage points, on the market */
    int from, to;
    size_t n_shocks;
    shock_spec *shocks;
    int line, col;
} scenario_spec;

typedef struct mkp_doc {
    arena arena;
    mkp_model *model;
    spec market;
    size_t n_dims;
    spec *dims;
    int published_cagr_line, published_cagr_col;
    int published_cagr_decimals;    /* digits after its point as written: its rounding */
    size_t n_nodes;                 /* segments and sub-segments */
    size_t n_scenarios;             /* including the base case, first */
    scenario_spec *scenarios;
    const char *want_scenario;      /* set before mdl_build: present this one */
    const char *theme_path;         /* report.theme, from the dataset's folder; NULL when absent */
    int theme_line, theme_col;
} mkp_doc;

/* The forecast methods a dataset may name, as the loader needs to know
 * them to check `method:` and `params:` where they are written.  The
 * caller supplies them (model/methods.c, from the forecast room), so that
 * reading a dataset does not depend on forecasting. */
typedef struct ds_methods {
    size_t n;
    const char *(*name)(size_t method);
    int (*n_params)(size_t method);
    const char *(*param_name)(size_t method, int param);
    /* NULL when v is allowed for the parameter, else the rule in words
     * ("within [0, 1]") */
    const char *(*param_rule)(size_t method, int param, double v);
} ds_methods;

/* ---- the house style (theme.c) ----
 * A theme file read into its own arena: the public mkp_theme, and the
 * publisher's imprint it gives (name, copyright, licence, disclaimer,
 * about, contact) in a scratch model that ds_theme_apply() merges into a
 * dataset's. */
typedef struct ds_theme {
    arena arena;
    mkp_theme pub;
    mkp_model imprint;
    const char *dir;                /* the theme file's folder: its logo is named from there */
} ds_theme;

/* The built-in default: today's look, no logo, no imprint of its own. */
const ds_theme *ds_theme_default(void);
/* Reads and checks a theme; NULL after reporting errors to d.
 * family_exists (NULL: not checked) says whether fontconfig has a family. */
ds_theme *ds_theme_load(const char *path, diag_ctx *d, int (*family_exists)(const char *));
/* The same from `len` bytes named `path` (its logo is named from its folder). */
ds_theme *ds_theme_load_buffer(const char *path, const unsigned char *buf, size_t len, diag_ctx *d,
                               int (*family_exists)(const char *));
void ds_theme_free(ds_theme *th);
/* Points doc's model at the theme and takes the imprint texts the theme gives. */
void ds_theme_apply(mkp_doc *doc, const ds_theme *th);
/* "#1F3A5F" or "#FA0" -> *out: 0, or -1. */
int ds_parse_color(const char *s, mkp_color *out);
/* The WCAG contrast ratio of two colours (1 to 21), and the CIE76
 * difference of two colours as seen with normal vision (0) or a
 * dichromacy (1 protanopia, 2 deuteranopia, 3 tritanopia). */
double ds_contrast(mkp_color a, mkp_color b);
double ds_color_distance(mkp_color a, mkp_color b, int vision);

/* ---- copies: whom each one is for (clients.c) ----
 * A clients file: one mkp_copy per entry, in its order, each with its
 * slug (the folder its outputs go to), and the theme it names. */
typedef struct ds_clients {
    arena arena;
    size_t n;
    mkp_copy *v;                    /* owner_password "" when the file gives none */
    const char *theme_path;         /* `theme:`, from the file's folder; NULL when absent */
    const char ***options;          /* per client, its `options:` as "plugin.key=value" */
    size_t *n_options;
} ds_clients;

ds_clients *ds_clients_load(const char *path, diag_ctx *d);
ds_clients *ds_clients_load_buffer(const char *path, const unsigned char *buf, size_t len, diag_ctx *d);
void ds_clients_free(ds_clients *cl);
/* "Acme Corp." -> "acme-corp": ASCII letters and digits lowered, other
 * ASCII runs one '-', letters of other scripts kept. */
const char *ds_slug(arena *a, const char *name);
/* The folder of a copy's outputs: the licensee's slug, "-sample" after it
 * for a sample; "sample" for an unlicensed sample; "" for an unlicensed
 * full edition (the outputs' usual place). */
const char *ds_copy_slug(arena *a, const mkp_copy *c);
/* "1".."1000000" or "site" (-1): 0, or -1. */
int ds_parse_seats(const char *s, int *seats);
/* "none" or any of print,copy,modify joined by commas: sets protect and
 * the allow_ flags; 0, or -1. */
int ds_parse_permissions(const char *s, mkp_copy *c);
/* A date YYYY-MM-DD between 1900 and 2200 (and its epoch when not NULL). */
int ds_valid_date(const char *s, long long *epoch);

/* A whole file of at most `max` bytes, malloc'd; NULL after an error to d. */
unsigned char *ds_read_file(const char *path, size_t max, size_t *len, diag_ctx *d);

/* Loads and validates a dataset; NULL after reporting errors to d. */
mkp_doc *ds_load_buffer(const char *name, const unsigned char *buf, size_t len, const ds_methods *methods,
                         diag_ctx *d);
mkp_doc *ds_load_file(const char *path, const ds_methods *methods, diag_ctx *d);
void ds_free(mkp_doc *doc);
#endif
