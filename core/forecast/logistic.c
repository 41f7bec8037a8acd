/* logistic.c - the S-curve value = capacity / (1 + e^(-(year - midpoint)
 * / scale)): slow growth, fastest at the midpoint, then saturation at the
 * capacity (a negative scale turns it into a decline from the capacity).
 * Parameters the dataset does not give are fitted by least squares to
 * every known point (Levenberg-Marquardt from several starting
 * capacities; the others start from the straight line through
 * ln(capacity / value - 1)). */
#include <math.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "forecast/fit.h"
#include "forecast/forecast.h"

enum { CAP, MID, SCALE };

static double curve(double t, const double *par, void *ctx)
{
    (void)ctx;
    return par[CAP] / (1 + exp(-(t - par[MID]) / par[SCALE]));
}

/* Midpoint and scale from the straight line z = ln(cap / y - 1) =
 * (midpoint - t) / scale through the points strictly between 0 and cap.
 * A flat z (a flat series) has no slope: then a scale of a quarter of
 * the span, and the midpoint that puts the curve at the points' level. */
static void start_shape(const double *x, const double *y, size_t n, double *par)
{
    double *z = xmalloc(sizeof *z * 2 * n);
    size_t k = 0;
    double a = 0, b = 0, mt = 0, mz = 0;
    if (z) {
        for (size_t i = 0; i < n; i++)
            if (y[i] > 0 && y[i] < par[CAP]) {
                z[k] = x[i];
                z[n + k] = log(par[CAP] / y[i] - 1);
                mt += z[k];
                mz += z[n + k++];
            }
        if (fit_line(z, z + n, k, &a, &b) != 0 || fabs(b) < 1e-9)
            b = 0;
    }
    free(z);
    double span = n > 1 ? x[n - 1] - x[0] : 1;
    if (isnan(par[SCALE]))
        par[SCALE] = b != 0 ? -1 / b : (n > 1 && y[n - 1] < y[0] ? -1 : 1) * fmax(1, span / 4);
    if (isnan(par[MID]))
        par[MID] = b != 0 ? a * par[SCALE] : k ? (mt + par[SCALE] * mz) / (double)k : (x[0] + x[n - 1]) / 2;
    if (par[SCALE] == 0)
        par[SCALE] = 1;
}

static const fc_param params[] = {
    {"capacity", 0, HUGE_VAL, FC_OPEN_LO, "a value above 0"},
    {"midpoint", 1000, 3000, 0, "a year such as 2029.5"},
    {"scale", -1000, 1000, FC_NONZERO, "a non-zero number of years (negative for a decline)"},
};

static int fill(const fc_input *in, double *out)
{
    const fc_points *p = in->points;
    double par[3];
    char names[64];
    int k = fc_gather(in, "logistic", params, 3, 3, par, names, sizeof names);
    if (k < 0)
        return -1;
    double *y, *x = fc_xy(p, &y);
    double ymax = 0, sse;
    for (size_t i = 0; i < p->n; i++)
        ymax = fmax(ymax, y[i]);
    if (k > 0 && !(ymax > 0)) {
        free(x);
        return fc_fail(in, "logistic cannot fit %s to values that are all 0", names);
    }
    if (k > 0) {
        static const double caps[] = {1.05, 1.25, 1.5, 2, 3, 5, 10};
        int free_[3] = {isnan(par[CAP]), isnan(par[MID]), isnan(par[SCALE])};
        double lo[3] = {1e-9 * ymax, x[0] - 1000, -1000}, hi[3] = {1e6 * ymax, x[p->n - 1] + 1000, 1000};
        double best[3] = {0, 0, 0}, fbest = HUGE_VAL;
        for (size_t s = 0; s < (free_[CAP] ? sizeof caps / sizeof *caps : 1); s++) {
            double q[3] = {free_[CAP] ? caps[s] * ymax : par[CAP], par[MID], par[SCALE]};
            start_shape(x, y, p->n, q);
            double v = fit_levmar(curve, NULL, x, y, p->n, 3, q, free_, lo, hi, 25);
            if (v < fbest) {
                fbest = v;
                for (int i = 0; i < 3; i++)
                    best[i] = q[i];
            }
        }
        if (!(fbest < HUGE_VAL)) {
            free(x);
            return fc_fail(in, "logistic could not fit %s to the known points", names);
        }
        /* The starts were scouted; the best one is followed to the end. */
        fit_levmar(curve, NULL, x, y, p->n, 3, best, free_, lo, hi, 300);
        for (int i = 0; i < 3; i++)
            par[i] = best[i];
    }
    sse = fit_sse(curve, NULL, x, y, p->n, par);
    free(x);
    for (int i = 0; i < in->n_years; i++)
        out[i] = curve(in->first_year + i, par, NULL);
    return fc_fitted(in, par, 3, sse, p->n);
}

FC_MODULE(logistic,
          "capacity: saturation level; midpoint: year of fastest growth; scale: years (fitted when not given)",
          0);
