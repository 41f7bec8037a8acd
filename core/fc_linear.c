/* fc_linear.c - a straight line fitted by least squares to every known
 * point: value = a + b (year - first point's year).  The series keeps the
 * line's yearly increase b beyond the points. */
#include <stdlib.h>

#include "fit.h"
#include "forecast.h"

static int fill(const fc_input *in, double *out)
{
    const ypoints *p = in->points;
    if (p->n < 2)
        return fc_fail(in, "linear fits a line and needs at least 2 known points; it has %zu", p->n);
    double *y, *x = fc_xy(p, &y);
    if (!x)
        return fc_fail(in, "out of memory");
    double t0 = x[0], a, b;
    for (size_t i = 0; i < p->n; i++)
        x[i] -= t0;
    fit_line(x, y, p->n, &a, &b);
    double sse = 0;
    for (size_t i = 0; i < p->n; i++)
        sse += (y[i] - a - b * x[i]) * (y[i] - a - b * x[i]);
    free(x);
    for (int i = 0; i < in->n_years; i++)
        out[i] = a + b * (in->first_year + i - t0);
    if (in->fit) {
        in->fit->sse = sse;
        in->fit->n_fit = (int)p->n;
    }
    return 0;
}

const fc_module fc_linear = {
    .name = "linear",
    .params = "none: least squares through every known point",
    .fill = fill,
    .additive = 1,
};
