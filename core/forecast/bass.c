/* bass.c - the Bass diffusion model as cumulative adoption:
 * value = m (1 - e^(-(p+q)t)) / (1 + (q/p) e^(-(p+q)t)), t = year - launch,
 * 0 up to the launch year.  m is the market potential, p the coefficient
 * of innovation, q of imitation.  launch defaults to the year before the
 * first known point; m, p and q that the dataset does not give are fitted
 * by least squares to every known point (Levenberg-Marquardt from a small
 * grid of starting points). */
#include <math.h>
#include <stdlib.h>

#include "forecast/fit.h"
#include "forecast/forecast.h"

enum { M, P, Q, LAUNCH };

static double curve(double year, const double *par, void *ctx)
{
    (void)ctx;
    double t = year - par[LAUNCH];
    if (t <= 0)
        return 0;
    double e = exp(-(par[P] + par[Q]) * t);
    return par[M] * (1 - e) / (1 + par[Q] / par[P] * e);
}

static const fc_param params[] = {
    {"m", 0, HUGE_VAL, FC_OPEN_LO, "a value above 0 (the market potential)"},
    {"p", 0, 1, FC_OPEN_LO, "within (0, 1]"},
    {"q", 0, HUGE_VAL, 0, "0 or more"},
    {"launch", 1000, 3000, 0, "a year such as 2018"},
};

static int fill(const fc_input *in, double *out)
{
    const fc_points *p = in->points;
    double par[4];
    char names[64];
    int k = fc_gather(in, "bass", params, 4, 3, par, names, sizeof names);
    if (k < 0)
        return -1;
    if (isnan(par[LAUNCH]))
        par[LAUNCH] = p->v[0].year - 1;
    else if (par[LAUNCH] >= p->v[0].year)
        return fc_fail(in, "bass counts adoption from launch %g, so the first known point (%d) must come after it",
                       par[LAUNCH], p->v[0].year);
    double *y, *x = fc_xy(p, &y);
    double ymax = 0;
    for (size_t i = 0; i < p->n; i++)
        ymax = fmax(ymax, y[i]);
    if (k > 0 && !(ymax > 0)) {
        free(x);
        return fc_fail(in, "bass cannot fit %s to values that are all 0", names);
    }
    if (k > 0) {
        static const double ms[] = {1.2, 2, 4, 10}, ps[] = {0.005, 0.03, 0.1}, qs[] = {0.1, 0.5};
        int free_[4] = {isnan(par[M]), isnan(par[P]), isnan(par[Q]), 0};
        double lo[4] = {1e-9 * ymax, 1e-9, 0, par[LAUNCH]}, hi[4] = {1e6 * ymax, 1, 10, par[LAUNCH]};
        double best[4] = {0, 0, 0, par[LAUNCH]}, fbest = HUGE_VAL;
        for (size_t a = 0; a < (free_[M] ? sizeof ms / sizeof *ms : 1); a++)
            for (size_t b = 0; b < (free_[P] ? sizeof ps / sizeof *ps : 1); b++)
                for (size_t c = 0; c < (free_[Q] ? sizeof qs / sizeof *qs : 1); c++) {
                    double q[4] = {free_[M] ? ms[a] * ymax : par[M], free_[P] ? ps[b] : par[P],
                                   free_[Q] ? qs[c] : par[Q], par[LAUNCH]};
                    double v = fit_levmar(curve, NULL, x, y, p->n, 4, q, free_, lo, hi, 25);
                    if (v < fbest) {
                        fbest = v;
                        for (int i = 0; i < 4; i++)
                            best[i] = q[i];
                    }
                }
        if (!(fbest < HUGE_VAL)) {
            free(x);
            return fc_fail(in, "bass could not fit %s to the known points", names);
        }
        /* The starts were scouted; the best one is followed to the end. */
        fit_levmar(curve, NULL, x, y, p->n, 4, best, free_, lo, hi, 300);
        for (int i = 0; i < 4; i++)
            par[i] = best[i];
    }
    double sse = fit_sse(curve, NULL, x, y, p->n, par);
    free(x);
    for (int i = 0; i < in->n_years; i++)
        out[i] = curve(in->first_year + i, par, NULL);
    return fc_fitted(in, par, 4, sse, p->n);
}

FC_MODULE(bass, "m: potential; p: innovation; q: imitation (fitted when not given); launch: year adoption starts", 0);
