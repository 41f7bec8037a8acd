/* build.c - draft model -> frozen model: forecast the market, derive each
 * segment from its growth assumption, reconcile children to their parent
 * and compute the derived figures (share, CAGR, growth, rank). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "forecast.h"
#include "model_int.h"
#include "util.h"

static double *new_series(mkp_doc *doc)
{
    return arena_array(&doc->arena, (size_t)doc->model->n_years, sizeof(double));
}

static void mark_years(const mkp_model *m, unsigned char *flags, const ypoints *p, unsigned flag)
{
    for (size_t i = 0; i < p->n; i++)
        flags[p->v[i].year - m->first_year] |= (unsigned char)flag;
}

/* The series of `s` through `pts` by its forecast method (forecast.c). */
static void fill_points(mkp_doc *doc, const spec *s, const ypoints *pts, double *out, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    fc_forecast_spec(s, pts, m->first_year, m->n_years, out, d);
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
    double *v = new_series(doc);
    fill_points(doc, s, &all, v, d);
    s->node->value = v;
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
        const ypoint *p0 = &c->share.v[0];
        double start = p0->value / 100.0 * parent[p0->year - m->first_year];
        double g = 1.0 + c->cagr / 100.0;
        for (int i = 0; i < m->n_years; i++)
            out[i] = start * pow(g, m->first_year + i - p0->year);
        break;
    }
    case GROWTH_SHARE: {
        const ypoints *p = &c->share;
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

static void derive(const mkp_model *m, mkp_node *node)
{
    int s = m->cagr_start - m->first_year, e = m->forecast_end - m->first_year;
    double a = node->value[s], b = node->value[e];
    node->cagr = a > 0 && b > 0 ? pow(b / a, 1.0 / (e - s)) - 1.0 : NAN;
    node->growth = b - a;
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
        raw_child(doc, cs, parent->node->value, v, d);
        if (cs->kind == GROWTH_BOTTOM_UP) {
            raw_children(doc, cs, d);
            for (size_t g = 0; g < cs->n_children; g++)
                for (int i = 0; i < m->n_years; i++)
                    v[i] += cs->children[g].node->value[i];
        }
        cs->node->value = v;
        unsigned char *flags = arena_alloc(&doc->arena, (size_t)m->n_years);
        for (int i = 0; i < m->n_years; i++)
            flags[i] = m->first_year + i > m->base_year ? MKP_YEAR_FORECAST : 0;
        if (cs->kind == GROWTH_ANCHORS)
            mark_years(m, flags, &cs->anchors, MKP_YEAR_ANCHOR);
        cs->node->flags = flags;
    }
}

/* Raw values, then reconciliation (fc_reconcile.c), level by level. */
static void build_children(mkp_doc *doc, spec *parent, diag_ctx *d)
{
    size_t n = parent->n_children;
    if (n == 0)
        return;
    if (parent->kind != GROWTH_BOTTOM_UP) /* else they are in place already */
        raw_children(doc, parent, d);
    fc_reconcile(doc, parent, d);
    for (size_t c = 0; c < n; c++)
        build_children(doc, &parent->children[c], d);
}

/* Shares of the parent, CAGR, growth and rank of every child of `parent`,
 * then of their children.  Run after the values are final (and again after
 * a scenario moves them). */
typedef struct rank_at {
    double value;
    size_t at;
} rank_at;

static int cmp_rank_at(const void *a, const void *b)
{
    const rank_at *x = a, *y = b;
    if (x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return (x->at > y->at) - (x->at < y->at);
}

static void derive_children(mkp_doc *doc, const spec *parent)
{
    const mkp_model *m = doc->model;
    size_t n = parent->n_children;
    int e = m->forecast_end - m->first_year;
    rank_at *order = n ? xrealloc(NULL, n * sizeof *order) : NULL;
    for (size_t c = 0; c < n; c++) {
        mkp_node *cn = parent->children[c].node;
        double *share = cn->share ? (double *)cn->share : new_series(doc);
        for (int i = 0; i < m->n_years; i++)
            share[i] = parent->node->value[i] > 0 ? cn->value[i] / parent->node->value[i] : 0;
        cn->share = share;
        derive(m, cn);
        order[c] = (rank_at){cn->value[e], c};
    }
    /* Rank 1 is the largest in the forecast year; ties go by order. */
    if (n)
        qsort(order, n, sizeof *order, cmp_rank_at);
    for (size_t r = 0; r < n; r++)
        parent->children[order[r].at].node->rank = (int)r + 1;
    free(order);
    for (size_t c = 0; c < n; c++)
        derive_children(doc, &parent->children[c]);
}

void mkp_derive(mkp_doc *doc)
{
    mkp_node *market = doc->market.node;
    derive(doc->model, market);
    for (size_t i = 0; i < doc->n_dims; i++) {
        mkp_node *dn = doc->dims[i].node;
        dn->cagr = market->cagr;
        dn->growth = market->growth;
        derive_children(doc, &doc->dims[i]);
    }
}

int mkp_build(mkp_doc *doc, diag_ctx *d)
{
    mkp_model *m = doc->model;
    int errors = d->errors;
    forecast_market(doc, d);
    mkp_node *market = doc->market.node;
    unsigned char *flags = arena_alloc(&doc->arena, (size_t)m->n_years);
    for (int i = 0; i < m->n_years; i++)
        flags[i] = m->first_year + i > m->base_year ? MKP_YEAR_FORECAST : 0;
    mark_years(m, flags, &doc->market.history, MKP_YEAR_HISTORY);
    mark_years(m, flags, &doc->market.anchors, MKP_YEAR_ANCHOR);
    market->flags = flags;
    double *ones = new_series(doc);
    for (int i = 0; i < m->n_years; i++)
        ones[i] = 1.0;
    market->share = ones;
    market->rank = 1;
    for (size_t i = 0; i < doc->n_dims; i++) {
        mkp_node *dn = doc->dims[i].node;
        dn->value = market->value;
        dn->share = ones;
        dn->flags = flags;
        dn->rank = 1;
        build_children(doc, &doc->dims[i], d);
    }
    mkp_derive(doc);
    if (mkp_apply_scenarios(doc, d) != 0)
        return -1;
    mkp_build_figures(doc);
    return d->errors == errors ? 0 : -1;
}

int mkp_check_consistency(const mkp_doc *doc, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    int warnings = 0;
    /* Against the base case: a scenario is meant to differ from the publisher. */
    double implied = m->n_scenarios ? m->scenarios[0].cagr : m->market->cagr;
    if (m->has_published_cagr && isfinite(implied)) {
        double diff = (m->published_cagr - implied) * 100.0;
        if (fabs(diff) > 0.05) {
            diag_warning(d, doc->published_cagr_line, doc->published_cagr_col,
                         "published_cagr %.2f%% differs from the %.2f%% that the anchors imply for %d-%d "
                         "by %+.2f percentage points",
                         m->published_cagr * 100.0, implied * 100.0, m->cagr_start, m->forecast_end, diff);
            warnings++;
        }
    }
    warnings += fc_check_published_sums(doc, d);
    return warnings;
}

mkp_doc *mkp_open(const char *path, int quiet_warnings)
{
    return mkp_open_scenario(path, quiet_warnings, NULL);
}

mkp_doc *mkp_open_scenario(const char *path, int quiet_warnings, const char *scenario)
{
    diag_ctx d;
    diag_init(&d, path, stderr);
    mkp_doc *doc = mkp_load_file(path, &d);
    if (!doc)
        return NULL;
    doc->want_scenario = scenario;
    if (mkp_build(doc, &d) != 0) {
        mkp_doc_free(doc);
        return NULL;
    }
    if (!quiet_warnings)
        mkp_check_consistency(doc, &d);
    return doc;
}
