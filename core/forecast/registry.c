/* registry.c - the table of forecast modules, and the steps every method
 * shares: bending its curve through the known points and keeping it at or
 * above zero. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "forecast/forecast.h"

static const fc_module *const modules[] = {&fc_cagr, &fc_linear, &fc_loglinear, &fc_holt, &fc_logistic, &fc_bass};

const fc_module *fc_find(const char *name)
{
    for (size_t i = 0; i < sizeof modules / sizeof *modules; i++)
        if (strcmp(modules[i]->name, name) == 0)
            return modules[i];
    return NULL;
}

const fc_module *fc_module_at(size_t i)
{
    return i < fc_module_count() ? modules[i] : NULL;
}

size_t fc_module_count(void)
{
    return sizeof modules / sizeof *modules;
}

int fc_param_ok(const fc_param *p, double v)
{
    if (!isfinite(v) || v < p->lo || v > p->hi)
        return 0;
    if ((p->flags & FC_OPEN_LO) && v == p->lo)
        return 0;
    if ((p->flags & FC_OPEN_HI) && v == p->hi)
        return 0;
    return !((p->flags & FC_NONZERO) && v == 0);
}

double fc_param_given(const fc_input *in, int i)
{
    return in->param && i < FC_MAX_PARAMS ? in->param[i] : NAN;
}

int fc_gather(const fc_input *in, const char *method, const fc_param *table, int n, int n_fit, double *par,
              char *names, size_t cap)
{
    int missing[FC_MAX_PARAMS], k = 0;
    for (int i = 0; i < n; i++) {
        par[i] = fc_param_given(in, i);
        if (i < n_fit && isnan(par[i]))
            missing[k++] = i;
    }
    size_t o = 0;
    names[0] = '\0';
    for (int j = 0; j < k && o < cap; j++)
        o += (size_t)snprintf(names + o, cap - o, "%s%s", j == 0 ? "" : j == k - 1 ? " and " : ", ",
                              table[missing[j]].name);
    size_t need = k > 1 ? (size_t)k : 1;
    if (in->points->n < need)
        return fc_fail(in, "%s fits %s and needs at least %zu known points; it has %zu (give some in params)", method,
                       names, need, in->points->n);
    return k;
}

double *fc_xy(const fc_points *p, double **values)
{
    double *x = xmalloc(sizeof *x * (2 * p->n + 1));
    *values = x + p->n;
    for (size_t i = 0; i < p->n; i++) {
        x[i] = p->v[i].year;
        (*values)[i] = p->v[i].value;
    }
    return x;
}

int fc_fitted(const fc_input *in, const double *param, int n_param, double sse, size_t n_fit)
{
    if (in->fit) {
        for (int i = 0; i < n_param && i < FC_MAX_PARAMS; i++)
            in->fit->param[i] = param[i];
        in->fit->sse = sse;
        in->fit->n_fit = (int)n_fit;
    }
    return 0;
}

int fc_fail(const fc_input *in, const char *fmt, ...)
{
    if (in->fit) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(in->fit->why, sizeof in->fit->why, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* Makes the curve pass through every known point.  The correction (the
 * residual, or the ratio of value to curve) is worked out at each point,
 * interpolated between neighbouring points (linearly, or geometrically
 * for ratios) and held at its first and last value outside them.  Ratios
 * need every point and the curve there above zero; otherwise residuals. */
static int bend(const fc_points *p, int first_year, int n_years, int additive, double *out)
{
    size_t n = p->n;
    if (n == 0)
        return 0;
    double *r = xmalloc(sizeof *r * n);
    int ratio = !additive;
    for (size_t k = 0; k < n; k++) {
        int i = p->v[k].year - first_year;
        if (i < 0 || i >= n_years || !(p->v[k].value > 0 && out[i] > 0))
            ratio = 0;
    }
    for (size_t k = 0; k < n; k++) {
        int i = p->v[k].year - first_year;
        double c = i >= 0 && i < n_years ? out[i] : 0;
        r[k] = ratio ? p->v[k].value / c : p->v[k].value - c;
    }
    size_t k = 0;
    for (int i = 0; i < n_years; i++) {
        int year = first_year + i;
        while (k < n && p->v[k].year < year)
            k++;
        double c;
        if (k < n && p->v[k].year == year) {
            out[i] = p->v[k].value;
            continue;
        } else if (k == 0) {
            c = r[0];
        } else if (k == n) {
            c = r[n - 1];
        } else {
            const fc_point *a = &p->v[k - 1], *b = &p->v[k];
            double w = (double)(year - a->year) / (b->year - a->year);
            c = ratio ? pow(r[k - 1], 1 - w) * pow(r[k], w) : r[k - 1] + (r[k] - r[k - 1]) * w;
        }
        out[i] = ratio ? out[i] * c : out[i] + c;
    }
    free(r);
    return 0;
}

int fc_series(const fc_module *m, const fc_input *in, double *out)
{
    if (in->fit)
        in->fit->why[0] = '\0';
    if (m->fill(in, out) != 0)
        return -1;
    for (int i = 0; i < in->n_years; i++)
        if (!isfinite(out[i]))
            return fc_fail(in, "the %s curve has no finite value in %d", m->name, in->first_year + i);
    if (bend(in->points, in->first_year, in->n_years, m->additive, out) != 0)
        return fc_fail(in, "out of memory");
    int clamped = 0, from = 0, to = 0;
    for (int i = 0; i < in->n_years; i++)
        if (out[i] < 0) {
            if (!clamped++)
                from = in->first_year + i;
            to = in->first_year + i;
            out[i] = 0;
        }
    if (in->fit) {
        in->fit->clamped = clamped;
        in->fit->clamped_from = from;
        in->fit->clamped_to = to;
    }
    return 0;
}
