/* model_int.h - the host's side of the model: the loaded dataset with the
 * growth assumptions that the public view does not carry, and the steps
 * that turn it into a frozen mkp_model. */
#ifndef MKP_MODEL_INT_H
#define MKP_MODEL_INT_H
#include <stddef.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
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

#define FC_MAX_PARAMS 4             /* parameters of one forecast method */

/* A node as the dataset describes it; mirrors the mkp_node tree. */
typedef struct spec spec;
struct spec {
    mkp_node *node;
    growth_kind kind;
    ypoints share;                  /* percent of the parent */
    double cagr;                    /* percent per year */
    ypoints anchors;
    ypoints history;                /* market only */
    double rate;                    /* percent per year, for one anchor */
    int has_rate;
    const struct fc_module *method; /* forecast.h; NULL: cagr */
    double param[FC_MAX_PARAMS];    /* in the method's order, where param_given has bit i */
    unsigned param_given;
    int method_line, method_col;
    int line, col;
    size_t n_children;
    spec *children;
};

/* A scenario as the dataset gives it: a change to the market's yearly
 * growth, and shocks to the growth of single segments. */
typedef struct shock_spec {
    spec *target;
    double growth;                  /* percentage points added to the yearly growth */
    int from, to;
} shock_spec;

typedef struct scenario_spec {
    mkp_scenario *pub;
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
    size_t n_nodes;                 /* segments and sub-segments */
    size_t n_scenarios;             /* including the base case, first */
    scenario_spec *scenarios;
    const char *want_scenario;      /* set before mkp_build: present this one */
} mkp_doc;

/* Loads and validates a dataset; NULL after reporting errors to d. */
mkp_doc *mkp_load_buffer(const char *name, const unsigned char *buf, size_t len, diag_ctx *d);
mkp_doc *mkp_load_file(const char *path, diag_ctx *d);
/* Forecasts every series, reconciles, derives the figures and freezes the
 * model.  Returns 0, or -1 after reporting to d. */
int mkp_build(mkp_doc *doc, diag_ctx *d);
void mkp_doc_free(mkp_doc *doc);
/* Loads, builds and (unless quiet) checks a dataset, printing problems to
 * stderr as file:line:col; NULL on failure. */
mkp_doc *mkp_open(const char *path, int quiet_warnings);
/* The same, presenting scenario `scenario` (NULL: the base case). */
mkp_doc *mkp_open_scenario(const char *path, int quiet_warnings, const char *scenario);
/* Shares, CAGR, growth and rank of every node from the current values. */
void mkp_derive(mkp_doc *doc);
/* Works out every scenario's market and, when doc->want_scenario names one,
 * moves the whole model onto it (scenario.c).  Returns 0 or -1. */
int mkp_apply_scenarios(mkp_doc *doc, diag_ctx *d);
/* Derives the numbered figure and table list (figures.c); part of mkp_build. */
void mkp_build_figures(mkp_doc *doc);

/* Consistency checks that warn without failing (published CAGR against the
 * anchors, published segments against their parent).  Returns the number
 * of warnings. */
int mkp_check_consistency(const mkp_doc *doc, diag_ctx *d);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long long mkp_days_from_civil(int y, int m, int d);
/* The last second of 9999: every date a plugin writes has four digits. */
#define MKP_EPOCH_MAX 253402300799LL
/* SOURCE_DATE_EPOCH: 0 when unset, 1 with *epoch set, -1 when it is not
 * whole seconds from 0 to MKP_EPOCH_MAX. */
int mkp_source_date_epoch(long long *epoch);
#endif
