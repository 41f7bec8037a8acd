/* forecast.h - the forecast module interface.  A module draws the curve of
 * one series over every year of the model from what the dataset gives;
 * fc_series() then bends that curve through every known point and keeps it
 * at or above zero.  A new method is one new file plus one line in the
 * table in forecast.c.  docs/forecasting.md describes every module. */
#ifndef MKP_FORECAST_H
#define MKP_FORECAST_H
#include "model_int.h"

/* What a module reports back besides the series. */
typedef struct fc_fit {
    double param[FC_MAX_PARAMS];    /* the parameters used: given, default or fitted */
    double sse;                     /* squared error of the curve at the points it was fitted to */
    int n_fit;                      /* how many points the fit used */
    int clamped;                    /* years fc_series set to 0 ... */
    int clamped_from, clamped_to;   /* ... the first and the last of them */
    char why[200];                  /* why fill returned -1 */
} fc_fit;

typedef struct fc_input {
    const ypoints *points;          /* known values (history and anchors), by year */
    int has_rate;
    double rate;                    /* percent per year, to extrapolate from one point */
    int first_year, n_years;
    /* The members below may be left zero. */
    const double *param;            /* FC_MAX_PARAMS values in the module's order, NAN
                                       where not given; NULL: none given */
    fc_fit *fit;                    /* optional: receives the parameters, or why not */
} fc_input;

/* A parameter a module takes from `params:`, and its allowed range. */
#define FC_OPEN_LO 1u               /* lo itself is not allowed */
#define FC_OPEN_HI 2u
#define FC_NONZERO 4u
typedef struct fc_param {
    const char *name;
    double lo, hi;
    unsigned flags;
    const char *rule;               /* the range in words: "within [0, 1]" */
} fc_param;

typedef struct fc_module {
    const char *name;
    const char *params;             /* one line, for --help and the docs */
    /* Writes the method's curve for n_years years to out; returns 0, or -1
     * after explaining why in in->fit (too few points, values it cannot
     * take).  The curve need not pass through the points: fc_series does
     * that. */
    int (*fill)(const fc_input *in, double *out);
    int n_param;
    const fc_param *param;
    /* How fc_series bends the curve through the known points: 1 adds the
     * residual (the curve's yearly increments carry on), 0 multiplies by
     * the ratio (its growth rates carry on). */
    int additive;
} fc_module;

extern const fc_module fc_cagr, fc_linear, fc_loglinear, fc_holt, fc_logistic, fc_bass;

const fc_module *fc_find(const char *name);
/* The i-th module of the table, NULL past the end. */
const fc_module *fc_module_at(size_t i);
/* Whether v lies within p's range. */
int fc_param_ok(const fc_param *p, double v);

/* The whole method: fill, then bend the curve through every point (the
 * series equals each known value in its year), then set negative years to
 * 0 (counted in in->fit).  Returns 0 or -1 like fill. */
int fc_series(const fc_module *m, const fc_input *in, double *out);

/* The forecast of one series of the dataset: the spec's method and
 * parameters (cagr when none) over `pts`; errors and warnings go to d at
 * the method's line.  Returns 0 or -1. */
int fc_forecast_spec(const spec *s, const ypoints *pts, int first_year, int n_years, double *out, diag_ctx *d);

/* For modules: the given parameter i, or NAN. */
double fc_param_given(const fc_input *in, int i);
/* For fitting modules: copies the n given parameters into par (NAN where
 * not given), names the first n_fit that are missing as "a, b and c" in
 * names, and checks that the points are enough to fit them.  Returns how
 * many are missing, or -1 after fc_fail. */
int fc_gather(const fc_input *in, const char *method, const fc_param *table, int n, int n_fit, double *par,
              char *names, size_t cap);
/* For modules: the points' years and values as two arrays of one block
 * (free the years); NULL when out of memory. */
double *fc_xy(const ypoints *p, double **values);
/* For modules: writes why into in->fit and returns -1. */
int fc_fail(const fc_input *in, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Holt's linear trend over y[0..n-1]: level y[0] and trend y[1] - y[0] at
 * the first point, then for t >= 1 the one-step prediction
 * l + phi b, level alpha y + (1 - alpha) prediction and trend
 * beta (new level - level) + (1 - beta) phi b.  Writes the predictions to
 * fitted (fitted[0] = y[0]) when not NULL, the last level and trend, and
 * returns the sum of squared one-step errors over t >= 1.  n >= 2. */
double fc_holt_run(const double *y, size_t n, double alpha, double beta, double phi, double *fitted, double *level,
                   double *trend);

/* Reconciliation (fc_reconcile.c): scales the children of `parent` in
 * every year so that they add up to it.  Children built bottom-up keep
 * their value and the others share what is left; nothing goes below 0. */
void fc_reconcile(mkp_doc *doc, spec *parent, diag_ctx *d);
/* Warns where published segment anchors do not add up to their parent's
 * value in their year; returns the number of warnings. */
int fc_check_published_sums(const mkp_doc *doc, diag_ctx *d);
#endif
