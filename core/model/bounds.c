/* bounds.c - every series within what a report can carry: finite and at
 * most DS_VALUE_MAX, after forecasting and after each scenario.  A curve
 * that runs away (a steep rate, a fitted method far outside its points)
 * is an error at the line that caused it, not an overflow in a plugin. */
#include <math.h>

#include "model/model.h"

/* The first year where `s` or a node below it leaves the bounds; NULL when
 * none does.  *year and *value say where and what. */
static const spec *runaway(const mkp_doc *doc, const spec *s, int *year, double *value)
{
    const mkp_model *m = doc->model;
    for (int i = 0; s->value && i < m->n_years; i++)
        if (!isfinite(s->value[i]) || s->value[i] > DS_VALUE_MAX) {
            *year = m->first_year + i;
            *value = s->value[i];
            return s;
        }
    for (size_t c = 0; c < s->n_children; c++) {
        const spec *r = runaway(doc, &s->children[c], year, value);
        if (r)
            return r;
    }
    return NULL;
}

int mdl_check_bounds(const mkp_doc *doc, const scenario_spec *sc, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    int errors = 0;
    for (size_t i = 0; i <= doc->n_dims; i++) {
        const spec *top = i == 0 ? &doc->market : &doc->dims[i - 1];
        int year = 0;
        double v = 0;
        const spec *r = runaway(doc, top, &year, &v);
        if (!r || (i > 0 && r == top))
            continue; /* a dimension's series is the market's, said once */
        if (sc)
            diag_error(d, sc->line, sc->col,
                       "scenario '%s' takes %s to %g in %d, beyond the %g %s %s a report can carry", sc->pub->id,
                       r->node->path, v, year, DS_VALUE_MAX, m->currency, m->unit);
        else
            diag_error(d, r->line, r->col,
                       "%s reaches %g in %d after forecasting, beyond the %g %s %s a report can carry; check its "
                       "anchors, rate and method",
                       r->node->path, v, year, DS_VALUE_MAX, m->currency, m->unit);
        errors++;
    }
    return errors;
}
