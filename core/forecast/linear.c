/* linear.c - a straight line fitted by least squares to every known
 * point: value = a + b (year - first point's year).  The series keeps the
 * line's yearly increase b beyond the points. */
#include <stdlib.h>

#include "forecast/fit.h"
#include "forecast/forecast.h"

static int fill(const fc_input *in, double *out)
{
    const fc_points *p = in->points;
    if (p->n < 2)
        return fc_fail(in, "linear fits a line and needs at least 2 known points; it has %zu", p->n);
    double *y, *x = fc_xy(p, &y);
    double t0 = x[0], a, b;
    for (size_t i = 0; i < p->n; i++)
        x[i] -= t0;
    fit_line(x, y, p->n, &a, &b);
    double sse = fit_line_sse(x, y, p->n, a, b);
    free(x);
    for (int i = 0; i < in->n_years; i++)
        out[i] = a + b * (in->first_year + i - t0);
    return fc_fitted(in, NULL, 0, sse, p->n);
}

FC_MODULE_NO_PARAMS(linear, "none: least squares through every known point", 1);
