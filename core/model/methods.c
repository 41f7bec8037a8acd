/* methods.c - the model's side of forecasting: the forecast room's methods
 * as the loader checks them, and one series of the dataset forecast by its
 * spec's method, with the problems reported at the method's line. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "forecast/forecast.h"
#include "model/model.h"

static const char *method_name(size_t i)
{
    return fc_module_at(i)->name;
}

static int method_n_params(size_t i)
{
    return fc_module_at(i)->n_param;
}

static const char *method_param_name(size_t i, int k)
{
    return fc_module_at(i)->param[k].name;
}

static const char *method_param_rule(size_t i, int k, double v)
{
    const fc_param *p = &fc_module_at(i)->param[k];
    return isnan(v) || !fc_param_ok(p, v) ? p->rule : NULL;
}

static ds_methods methods_table(void)
{
    return (ds_methods){fc_module_count(), method_name, method_n_params, method_param_name, method_param_rule};
}

mkp_doc *mdl_load_buffer(const char *name, const unsigned char *buf, size_t len, diag_ctx *d)
{
    ds_methods m = methods_table();
    return ds_load_buffer(name, buf, len, &m, d);
}

mkp_doc *mdl_load_file(const char *path, diag_ctx *d)
{
    ds_methods m = methods_table();
    return ds_load_file(path, &m, d);
}

int mdl_forecast_spec(const spec *s, const ypoints *pts, int first_year, int n_years, double *out, diag_ctx *d)
{
    const fc_module *m = s->method ? fc_module_at((size_t)s->method - 1) : &fc_cagr;
    double param[FC_MAX_PARAMS];
    for (int i = 0; i < FC_MAX_PARAMS; i++)
        param[i] = i < DS_MAX_PARAMS && s->param_given & (1u << i) ? s->param[i] : NAN;
    /* The forecast room sees years and values only. */
    fc_point *known = xcalloc(pts->n ? pts->n : 1, sizeof *known);
    for (size_t i = 0; i < pts->n; i++)
        known[i] = (fc_point){pts->v[i].year, pts->v[i].value};
    fc_points kp = {pts->n, known};
    fc_fit fit;
    memset(&fit, 0, sizeof fit);
    fc_input in = {&kp, s->has_rate, s->rate, first_year, n_years, param, &fit};
    int line = s->method ? s->method_line : pts->line, col = s->method ? s->method_col : pts->col;
    int rc = fc_series(m, &in, out);
    free(known);
    if (rc != 0) {
        diag_error(d, line, col, "%s: %s", s->node->path, fit.why);
        memset(out, 0, sizeof *out * (size_t)n_years);
        return -1;
    }
    if (fit.zero_year)
        diag_warning(d, line, col,
                     "%s: the known value in %d is 0, and no growth rate leads from or to zero: the curve is a "
                     "straight line there",
                     s->node->path, fit.zero_year);
    if (fit.clamped == 1)
        diag_warning(d, line, col, "%s: the %s curve falls below zero in %d; set to 0 there", s->node->path, m->name,
                     fit.clamped_from);
    else if (fit.clamped)
        diag_warning(d, line, col, "%s: the %s curve falls below zero in %d years (%d-%d); set to 0 there",
                     s->node->path, m->name, fit.clamped, fit.clamped_from, fit.clamped_to);
    return 0;
}
