/* consistency.c - checks of a built model against what the publisher
 * printed, which warn without failing: the published CAGR against the one
 * the anchors imply, and published segments against their parent. */
#include <math.h>
#include <stdio.h>

#include "model/model.h"

static const ypoint *point_at(const ypoints *p, int year)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->v[i].year == year)
            return &p->v[i];
    return NULL;
}

/* Half a unit in the last digit written: how far a rounded figure may be
 * from the number it stands for. */
static double rounding(const ypoint *p)
{
    return 0.5 * pow(10, -p->decimals);
}

static int published(const spec *s)
{
    return s->kind == GROWTH_ANCHORS && s->node->provenance == MKP_PUBLISHED;
}

/* The published children of `parent` against the parent, year by year.
 * `own` and `own2` are the parent's own points (NULL: none), `value` its
 * series. */
static int check_set(const mkp_doc *doc, const spec *parent, const char *parent_name, const ypoints *own,
                     const ypoints *own2, const double *value, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    size_t n = parent->n_children;
    int warnings = 0;
    for (size_t c = 0; c < n; c++) {
        const spec *cs = &parent->children[c];
        if (!published(cs))
            continue;
        for (size_t k = 0; k < cs->anchors.n; k++) {
            int year = cs->anchors.v[k].year, seen = 0;
            for (size_t e = 0; e < c && !seen; e++)
                seen = published(&parent->children[e]) && point_at(&parent->children[e].anchors, year);
            if (seen)
                continue;
            double sum = 0, tol = 0;
            size_t count = 0;
            for (size_t e = c; e < n; e++) {
                const ypoint *q = published(&parent->children[e]) ? point_at(&parent->children[e].anchors, year) : NULL;
                if (q) {
                    sum += q->value;
                    tol += rounding(q);
                    count++;
                }
            }
            const ypoint *pp = own ? point_at(own, year) : NULL;
            if (!pp && own2)
                pp = point_at(own2, year);
            double total = pp ? pp->value : value[year - m->first_year];
            if (pp)
                tol += rounding(pp);
            tol += 1e-9 * fabs(total);
            double diff = sum - total;
            double pct = total > 0 ? 100.0 * fabs(diff) / total : 0;
            const ypoint *at = &cs->anchors.v[k];
            if (count == n && fabs(diff) > tol) {
                diag_warning(d, at->line, at->col,
                             "the published segments of '%s' add up to %.10g in %d, but %s is %.10g: %.6g (%.2f%%) %s",
                             parent->node->path, sum, year, parent_name, total, fabs(diff), pct,
                             diff < 0 ? "short" : "over");
                warnings++;
            } else if (count < n && diff > tol) {
                diag_warning(d, at->line, at->col,
                             "the published segments of '%s' (%zu of %zu) add up to %.10g in %d, more than the "
                             "%.10g of %s: %.6g (%.2f%%) over",
                             parent->node->path, count, n, sum, year, total, parent_name, diff, pct);
                warnings++;
            }
        }
    }
    for (size_t c = 0; c < n; c++) {
        const spec *cs = &parent->children[c];
        if (cs->n_children == 0)
            continue;
        char name[300];
        snprintf(name, sizeof name, "'%s'", cs->node->path);
        warnings +=
            check_set(doc, cs, name, cs->kind == GROWTH_ANCHORS ? &cs->anchors : NULL, NULL, cs->node->value, d);
    }
    return warnings;
}

int mdl_check_published_sums(const mkp_doc *doc, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    /* Against the base case, like the published CAGR. */
    const double *market = m->n_scenarios && m->scenarios[0].market ? m->scenarios[0].market : m->market->value;
    int warnings = 0;
    for (size_t i = 0; i < doc->n_dims; i++)
        warnings += check_set(doc, &doc->dims[i], "the market", &doc->market.anchors, &doc->market.history, market, d);
    return warnings;
}

/* A CAGR that cannot be worked out (a value of 0 at either end) shows as
 * "n/a" in every output: said once per series, where it is defined. */
static int no_cagr(const mkp_doc *doc, const spec *s, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    int warnings = 0;
    if (s->node->depth > 0 || s == &doc->market) {
        if (isnan(s->node->cagr)) {
            int y = s->value && s->value[m->cagr_start - m->first_year] > 0 ? m->forecast_end : m->cagr_start;
            diag_warning(d, s->line, s->col, "%s has no CAGR for %d-%d: its value in %d is 0; outputs show n/a",
                         s->node->path, m->cagr_start, m->forecast_end, y);
            warnings++;
        }
    }
    for (size_t c = 0; c < s->n_children; c++)
        warnings += no_cagr(doc, &s->children[c], d);
    return warnings;
}

int mdl_check_consistency(const mkp_doc *doc, diag_ctx *d)
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
    warnings += mdl_check_published_sums(doc, d);
    warnings += no_cagr(doc, &doc->market, d);
    for (size_t i = 0; i < doc->n_dims; i++)
        warnings += no_cagr(doc, &doc->dims[i], d);
    return warnings;
}
