/* forecast.h - the forecast room: one file per method behind one small
 * interface.  A module draws the curve of one series over every year from
 * known year/value points (and a rate or parameters); fc_series() then
 * bends that curve through every known point and keeps it at or above
 * zero.  The room knows nothing of datasets or models.  A new method is
 * one new file plus one line in the table in registry.c;
 * docs/forecasting.md describes every module.  Prefix fc_. */
#ifndef MKP_FORECAST_H
#define MKP_FORECAST_H
#include <stddef.h>

#define FC_MAX_PARAMS 4             /* parameters of one method */

/* A known value of a series, and a series' known values in year order. */
typedef struct fc_point {
    int year;
    double value;
} fc_point;

typedef struct fc_points {
    size_t n;
    const fc_point *v;
} fc_points;

/* What a module reports back besides the series. */
typedef struct fc_fit {
    double param[FC_MAX_PARAMS];    /* the parameters used: given, default or fitted */
    double sse;                     /* squared error of the curve at the points it was fitted to */
    int n_fit;                      /* how many points the fit used */
    int clamped;                    /* years fc_series set to 0 ... */
    int clamped_from, clamped_to;   /* ... the first and the last of them */
    int zero_year;                  /* cagr: a known value of 0 that the curve joins by a
                                       straight line (no rate leads from or to 0); 0: none */
    char why[200];                  /* why fill returned -1 */
} fc_fit;

typedef struct fc_input {
    const fc_points *points;        /* known values (history and anchors), by year */
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

/* A module's definition, at the end of its file: the file's static fill()
 * and, for FC_MODULE, its parameter table `params`.
 *     FC_MODULE(cagr, "rate: percent per year after the last point (optional)", 0);
 * defines fc_cagr; ADDITIVE is the module's `additive`. */
#define FC_MODULE(ID, HELP, ADDITIVE)                                                                                 \
    const fc_module fc_##ID = {.name = #ID, .params = HELP, .fill = fill,                                             \
                               .n_param = (int)(sizeof params / sizeof params[0]), .param = params,                   \
                               .additive = ADDITIVE}
#define FC_MODULE_NO_PARAMS(ID, HELP, ADDITIVE)                                                                       \
    const fc_module fc_##ID = {.name = #ID, .params = HELP, .fill = fill, .additive = ADDITIVE}

extern const fc_module fc_cagr, fc_linear, fc_loglinear, fc_holt, fc_logistic, fc_bass;

const fc_module *fc_find(const char *name);
/* The i-th module of the table, NULL past the end. */
const fc_module *fc_module_at(size_t i);
size_t fc_module_count(void);
/* Whether v lies within p's range. */
int fc_param_ok(const fc_param *p, double v);

/* The whole method: fill, then bend the curve through every point (the
 * series equals each known value in its year), then set negative years to
 * 0 (counted in in->fit).  Returns 0 or -1 like fill. */
int fc_series(const fc_module *m, const fc_input *in, double *out);

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
double *fc_xy(const fc_points *p, double **values);
/* For modules: reports the parameters used, the squared error and how many
 * points the fit used into in->fit (when asked for) and returns 0. */
int fc_fitted(const fc_input *in, const double *param, int n_param, double sse, size_t n_fit);
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

#endif
