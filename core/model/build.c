/* build.c - dataset -> frozen model: forecast the market, work out each
 * segment from its growth assumption, reconcile children to their parent
 * level by level, then the scenarios, the derived figures, the freeze and
 * the figure list.  Every value goes into the builder's arrays
 * (spec->value); the public nodes get them at the freeze. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

static double *new_series(mkp_doc *doc)
{
    return arena_array(&doc->arena, (size_t)doc->model->n_years, sizeof(double));
}

static void mark_years(const mkp_model *m, unsigned char *flags, const ypoints *p, unsigned flag)
{
    for (size_t i = 0; i < p->n; i++)
        flags[p->v[i].year - m->first_year] |= (unsigned char)flag;
}

/* The series of `s` through `pts` by its forecast method (methods.c). */
static void fill_points(mkp_doc *doc, const spec *s, const ypoints *pts, double *out, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    if (mdl_forecast_spec(s, pts, m->first_year, m->n_years, out, d) != 0)
        return;
    /* Before reconciliation scales it: a runaway segment would otherwise
     * become 0 (or NaN) in silence. */
    for (int i = 0; i < m->n_years; i++)
        if (!isfinite(out[i]) || out[i] > DS_VALUE_MAX) {
            diag_error(d, s->line, s->col,
                       "%s reaches %g in %d after forecasting, beyond the %g %s %s a report can carry; check its "
                       "anchors, rate and method",
                       s->node->path, out[i], m->first_year + i, DS_VALUE_MAX, m->currency, m->unit);
            for (int k = 0; k < m->n_years; k++)
                out[k] = 0;
            return;
        }
}

static void forecast_market(mkp_doc *doc, diag_ctx *d)
{
    spec *s = &doc->market;
    ypoints all = {0, NULL, s->anchors.line, s->anchors.col};
    all.v = arena_array(&doc->arena, s->history.n + s->anchors.n, sizeof *all.v);
    for (size_t i = 0; i < s->history.n; i++)
        all.v[all.n++] = s->history.v[i];
    for (size_t i = 0; i < s->anchors.n; i++)
        all.v[all.n++] = s->anchors.v[i];
    s->value = new_series(doc);
    fill_points(doc, s, &all, s->value, d);
}

/* The raw value of a child before reconciliation. */
static void raw_child(mkp_doc *doc, const spec *c, const double *parent, double *out, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    switch (c->kind) {
    case GROWTH_ANCHORS:
        fill_points(doc, c, &c->anchors, out, d);
        break;
    case GROWTH_SHARE_CAGR: {
        const ypoint *p0 = &c->shares.v[0];
        double start = p0->value / 100.0 * parent[p0->year - m->first_year];
        double g = 1.0 + c->cagr / 100.0;
        for (int i = 0; i < m->n_years; i++)
            out[i] = start * pow(g, m->first_year + i - p0->year);
        break;
    }
    case GROWTH_SHARE: {
        const ypoints *p = &c->shares;
        for (int i = 0; i < m->n_years; i++) {
            int year = m->first_year + i;
            double sh;
            if (year <= p->v[0].year) {
                sh = p->v[0].value;
            } else if (year >= p->v[p->n - 1].year) {
                sh = p->v[p->n - 1].value;
            } else {
                size_t k = 1;
                while (p->v[k].year < year)
                    k++;
                const ypoint *a = &p->v[k - 1], *b = &p->v[k];
                sh = a->value + (b->value - a->value) * (year - a->year) / (double)(b->year - a->year);
            }
            out[i] = sh / 100.0 * parent[i];
        }
        break;
    }
    case GROWTH_NONE:
    case GROWTH_BOTTOM_UP: /* raw_children sums its sub-segments */
        memset(out, 0, sizeof *out * (size_t)m->n_years);
        break;
    }
}

/* The flags of a series' own anchors: published only where the dataset
 * says the series is published; an anchor of an illustrative series is an
 * assumption, and every output says so. */
static unsigned char anchor_flags(const spec *s)
{
    return (unsigned char)(MKP_YEAR_ANCHOR | (s->node->provenance == MKP_PUBLISHED ? MKP_YEAR_PUBLISHED : 0));
}

/* The values of the children of `parent` before reconciliation, and their
 * flags.  A child built bottom-up is the sum of its own children's raw
 * values, which are worked out first (they have anchors of their own). */
static void raw_children(mkp_doc *doc, spec *parent, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    size_t n = parent->n_children;
    for (size_t c = 0; c < n; c++) {
        spec *cs = &parent->children[c];
        double *v = new_series(doc);
        raw_child(doc, cs, parent->value, v, d);
        if (cs->kind == GROWTH_BOTTOM_UP) {
            raw_children(doc, cs, d);
            for (size_t g = 0; g < cs->n_children; g++)
                for (int i = 0; i < m->n_years; i++)
                    v[i] += cs->children[g].value[i];
        }
        cs->value = v;
        cs->flags = arena_alloc(&doc->arena, (size_t)m->n_years);
        for (int i = 0; i < m->n_years; i++)
            cs->flags[i] = m->first_year + i > m->base_year ? MKP_YEAR_FORECAST : 0;
        if (cs->kind == GROWTH_ANCHORS)
            mark_years(m, cs->flags, &cs->anchors, anchor_flags(cs));
    }
}

/* Raw values, then reconciliation (reconcile.c), level by level. */
static void build_children(mkp_doc *doc, spec *parent, diag_ctx *d)
{
    size_t n = parent->n_children;
    if (n == 0)
        return;
    if (parent->kind != GROWTH_BOTTOM_UP) /* else they are in place already */
        raw_children(doc, parent, d);
    mdl_reconcile(doc, parent, d);
    for (size_t c = 0; c < n; c++)
        build_children(doc, &parent->children[c], d);
}

int mdl_build(mkp_doc *doc, diag_ctx *d)
{
    mkp_model *m = doc->model;
    int errors = d->errors;
    forecast_market(doc, d);
    spec *market = &doc->market;
    market->flags = arena_alloc(&doc->arena, (size_t)m->n_years);
    for (int i = 0; i < m->n_years; i++)
        market->flags[i] = m->first_year + i > m->base_year ? MKP_YEAR_FORECAST : 0;
    mark_years(m, market->flags, &market->history, MKP_YEAR_HISTORY);
    mark_years(m, market->flags, &market->anchors, anchor_flags(market));
    market->share = new_series(doc);
    for (int i = 0; i < m->n_years; i++)
        market->share[i] = 1.0;
    market->node->rank = 1;
    /* A dimension is the market seen one way: the same arrays. */
    for (size_t i = 0; i < doc->n_dims; i++) {
        spec *dim = &doc->dims[i];
        dim->value = market->value;
        dim->share = market->share;
        dim->flags = market->flags;
        dim->node->rank = 1;
        build_children(doc, dim, d);
    }
    if (mdl_check_bounds(doc, NULL, d))
        return -1;
    mdl_derive(doc);
    if (mdl_apply_scenarios(doc, d) != 0)
        return -1;
    mdl_freeze(doc);
    mdl_build_figures(doc);
    mdl_build_tables(doc);
    return d->errors == errors ? 0 : -1;
}
