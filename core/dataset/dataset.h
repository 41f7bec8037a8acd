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
#include "marketpress/model.h"

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

/* Loads and validates a dataset; NULL after reporting errors to d. */
mkp_doc *ds_load_buffer(const char *name, const unsigned char *buf, size_t len, const ds_methods *methods,
                         diag_ctx *d);
mkp_doc *ds_load_file(const char *path, const ds_methods *methods, diag_ctx *d);
void ds_free(mkp_doc *doc);
#endif
