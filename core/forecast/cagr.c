/* cagr.c - compound growth through every known point.  Between two
 * points the series grows at the constant rate that joins them
 * (geometric interpolation); before the first point it goes back at the
 * first interval's rate, after the last on at the last interval's rate,
 * or at `rate` when that is given.  A single point grows at `rate` both
 * ways (flat without one).  An interval touching zero is joined linearly,
 * since no growth rate leads from or to zero. */
#include <math.h>

#include "forecast/forecast.h"

static double rate_between(const fc_point *a, const fc_point *b)
{
    if (a->value <= 0 || b->value <= 0)
        return 0;
    return pow(b->value / a->value, 1.0 / (b->year - a->year));
}

static int fill(const fc_input *in, double *out)
{
    const fc_points *p = in->points;
    if (p->n == 0)
        return fc_fail(in, "cagr needs at least one known point");
    int has_rate = in->has_rate;
    double rate = in->rate;
    if (!isnan(fc_param_given(in, 0))) {
        has_rate = 1;
        rate = fc_param_given(in, 0);
    }
    double single = 1.0 + (has_rate ? rate / 100.0 : 0.0);
    for (int i = 0; i < in->n_years; i++) {
        int year = in->first_year + i;
        const fc_point *first = &p->v[0], *last = &p->v[p->n - 1];
        if (year <= first->year) {
            double g = p->n > 1 ? rate_between(first, &p->v[1]) : single;
            out[i] = g > 0 ? first->value / pow(g, first->year - year) : first->value;
            continue;
        }
        if (year >= last->year) {
            double g = has_rate || p->n == 1 ? single : rate_between(&p->v[p->n - 2], last);
            out[i] = g > 0 ? last->value * pow(g, year - last->year) : last->value;
            continue;
        }
        size_t k = 1;
        while (p->v[k].year < year)
            k++;
        const fc_point *a = &p->v[k - 1], *b = &p->v[k];
        if (year == b->year) {
            out[i] = b->value;
        } else if (a->value > 0 && b->value > 0) {
            out[i] = a->value * pow(b->value / a->value, (double)(year - a->year) / (b->year - a->year));
        } else {
            if (in->fit && !in->fit->zero_year)
                in->fit->zero_year = a->value > 0 ? b->year : a->year;
            out[i] = a->value + (b->value - a->value) * (year - a->year) / (double)(b->year - a->year);
        }
    }
    return 0;
}

static const fc_param params[] = {
    {"rate", -100, HUGE_VAL, FC_OPEN_LO, "a percentage above -100"},
};

FC_MODULE(cagr, "rate: percent per year after the last point (optional)", 0);
