/* holt.c - Holt's linear trend (double exponential smoothing) with
 * optional damping.  It smooths one year at a time, so it runs over the
 * longest stretch of consecutive known years (the latest on a tie): the
 * level starts at the first value and the trend at the first difference.
 * alpha and beta that the dataset does not give are chosen to minimise
 * the sum of squared one-step errors: a grid over [0, 1] first, then a
 * bounded Nelder-Mead from its best point.  Beyond the stretch the series
 * follows the forecast level + (phi + ... + phi^h) trend; before it, the
 * first trend backwards. */
#include <math.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "forecast/fit.h"
#include "forecast/forecast.h"

enum { ALPHA, BETA, PHI };

double fc_holt_run(const double *y, size_t n, double alpha, double beta, double phi, double *fitted, double *level,
                   double *trend)
{
    double l = y[0], b = y[1] - y[0], sse = 0;
    if (fitted)
        fitted[0] = y[0];
    for (size_t t = 1; t < n; t++) {
        double f = l + phi * b, e = y[t] - f;
        if (fitted)
            fitted[t] = f;
        sse += e * e;
        double nl = alpha * y[t] + (1 - alpha) * f;
        b = beta * (nl - l) + (1 - beta) * phi * b;
        l = nl;
    }
    if (level)
        *level = l;
    if (trend)
        *trend = b;
    return sse;
}

typedef struct holt_fit {
    const double *y;
    size_t n;
    double par[3];
    int which[2], n_free;
} holt_fit;

static double cost(const double *x, void *ctx)
{
    holt_fit *h = ctx;
    for (int j = 0; j < h->n_free; j++)
        h->par[h->which[j]] = x[j];
    return fc_holt_run(h->y, h->n, h->par[ALPHA], h->par[BETA], h->par[PHI], NULL, NULL, NULL);
}

/* Fits the parameters that are NAN in par (of alpha and beta): a coarse
 * grid over [0, 1] (or [0, 1]^2), denser towards small values where the
 * valleys of the sum of squared errors are narrow, then Nelder-Mead from
 * each of the few best grid points that no neighbour beats, since there
 * can be more than one valley. */
static const double grid[] = {0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.85, 1};
#define GRID ((int)(sizeof grid / sizeof *grid))
#define STARTS 2
static double fit(const double *y, size_t n, double *par)
{
    holt_fit h = {y, n, {par[ALPHA], par[BETA], par[PHI]}, {0, 0}, 0};
    for (int i = ALPHA; i <= BETA; i++)
        if (isnan(par[i]))
            h.which[h.n_free++] = i;
    int nj = h.n_free > 1 ? GRID : 1;
    double g[GRID][GRID], x[2];
    for (int i = 0; i < GRID; i++)
        for (int j = 0; j < nj; j++) {
            x[0] = grid[i];
            x[1] = grid[j];
            g[i][j] = cost(x, &h);
        }
    /* The lowest grid points that no neighbour beats, best first. */
    int start[STARTS][2], n_start = 0;
    for (int i = 0; i < GRID; i++)
        for (int j = 0; j < nj; j++) {
            int lowest = 1;
            for (int di = -1; di <= 1 && lowest; di++)
                for (int dj = -1; dj <= 1; dj++) {
                    int a = i + di, b = j + dj;
                    if (a >= 0 && a < GRID && b >= 0 && b < nj && (di || dj) && g[a][b] < g[i][j])
                        lowest = 0;
                }
            if (!lowest)
                continue;
            if (n_start == STARTS && g[start[STARTS - 1][0]][start[STARTS - 1][1]] <= g[i][j])
                continue;
            int k = n_start < STARTS ? n_start++ : STARTS - 1;
            for (; k > 0 && g[start[k - 1][0]][start[k - 1][1]] > g[i][j]; k--) {
                start[k][0] = start[k - 1][0];
                start[k][1] = start[k - 1][1];
            }
            start[k][0] = i;
            start[k][1] = j;
        }
    double lo[2] = {0, 0}, hi[2] = {1, 1}, best[2] = {0, 0}, fbest = HUGE_VAL;
    for (int s = 0; s < n_start; s++) {
        x[0] = grid[start[s][0]];
        x[1] = grid[start[s][1]];
        double v = fit_nelder_mead(cost, &h, h.n_free, x, lo, hi, 0.05, 1e-6, 1e-10, 1000);
        if (v < fbest) {
            fbest = v;
            best[0] = x[0];
            best[1] = x[1];
        }
    }
    cost(best, &h);
    par[ALPHA] = h.par[ALPHA];
    par[BETA] = h.par[BETA];
    return fbest;
}

static int fill(const fc_input *in, double *out)
{
    const fc_points *p = in->points;
    double par[3];
    for (int i = ALPHA; i <= PHI; i++)
        par[i] = fc_param_given(in, i);
    if (isnan(par[PHI]))
        par[PHI] = 1;
    int fitting = isnan(par[ALPHA]) || isnan(par[BETA]);
    /* The longest run of consecutive years, the latest on a tie. */
    size_t start = 0, len = p->n ? 1 : 0;
    for (size_t i = 0, run = 0; i < p->n; i++) {
        run = i > 0 && p->v[i].year == p->v[i - 1].year + 1 ? run + 1 : 1;
        if (run >= len) {
            len = run;
            start = i + 1 - run;
        }
    }
    size_t need = fitting ? 3 : 2;
    if (len < need) {
        if (len == 0)
            return fc_fail(in, "holt needs at least %zu consecutive yearly points; it has none", need);
        return fc_fail(in,
                       "holt needs at least %zu consecutive yearly points%s; the longest run is %d-%d (%zu point%s)%s",
                       need, fitting ? " to fit alpha and beta" : "", p->v[start].year, p->v[start + len - 1].year, len,
                       len == 1 ? "" : "s", fitting ? ": give alpha and beta in params, or more years" : "");
    }
    double *y = xmalloc(sizeof *y * len);
    for (size_t i = 0; i < len; i++)
        y[i] = p->v[start + i].value;
    if (fitting)
        fit(y, len, par);
    double level, trend;
    double sse = fc_holt_run(y, len, par[ALPHA], par[BETA], par[PHI], NULL, &level, &trend);
    int y0 = p->v[start].year, y1 = p->v[start + len - 1].year;
    for (int i = 0; i < in->n_years; i++) {
        int year = in->first_year + i;
        if (year < y0) {
            out[i] = y[0] - (y0 - year) * (y[1] - y[0]);
        } else if (year <= y1) {
            out[i] = y[year - y0];
        } else {
            double damp = 0, ph = 1;
            for (int h = 0; h < year - y1; h++) {
                ph *= par[PHI];
                damp += ph;
            }
            out[i] = level + damp * trend;
        }
    }
    free(y);
    return fc_fitted(in, par, PHI + 1, sse, len);
}

static const fc_param params[] = {
    {"alpha", 0, 1, 0, "within [0, 1]"},
    {"beta", 0, 1, 0, "within [0, 1]"},
    {"phi", 0, 1, FC_OPEN_LO, "within (0, 1]"},
};

FC_MODULE(holt, "alpha, beta: smoothing in [0, 1] (fitted when not given); phi: damping in (0, 1], default 1", 1);
