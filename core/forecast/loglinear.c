/* loglinear.c - exponential trend: ln(value) = a + b (year - first
 * point's year) fitted by least squares to every known point, so the
 * series grows at the constant rate e^b - 1 beyond the points. */
#include <math.h>
#include <stdlib.h>

#include "forecast/fit.h"
#include "forecast/forecast.h"

static int fill(const fc_input *in, double *out)
{
    const fc_points *p = in->points;
    if (p->n < 2)
        return fc_fail(in, "loglinear fits a growth rate and needs at least 2 known points; it has %zu", p->n);
    for (size_t i = 0; i < p->n; i++)
        if (!(p->v[i].value > 0))
            return fc_fail(in, "loglinear fits ln(value) and needs values above 0; %d is %g", p->v[i].year,
                           p->v[i].value);
    double *y, *x = fc_xy(p, &y);
    double t0 = x[0], a, b;
    for (size_t i = 0; i < p->n; i++) {
        x[i] -= t0;
        y[i] = log(y[i]);
    }
    fit_line(x, y, p->n, &a, &b);
    double sse = fit_line_sse(x, y, p->n, a, b);
    free(x);
    for (int i = 0; i < in->n_years; i++)
        out[i] = exp(a + b * (in->first_year + i - t0));
    return fc_fitted(in, NULL, 0, sse, p->n); /* the error of ln(value) */
}

FC_MODULE_NO_PARAMS(loglinear, "none: least squares on ln(value) through every known point", 0);
