/* fc_reconcile.c - children and their parent.  Reconciliation makes the
 * children of every parent add up to it in every year without moving the
 * parent; the published-sum check warns where segment values that a
 * publisher printed do not add up to their parent to begin with. */
#include <math.h>
#include <stdio.h>

#include "forecast.h"

/* Top-down proportional reconciliation, with bottom-up children held
 * fixed.  In every year the children built from their own assumptions are
 * scaled by one factor so that, with the bottom-up children, they add up
 * to the parent.  When the bottom-up children alone exceed the parent (or
 * every child is bottom-up), they are scaled to it instead.  Values below
 * zero are set to 0 first, so no child ever becomes negative. */
void fc_reconcile(mkp_doc *doc, spec *parent, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    const double *pv = parent->node->value;
    const char *path = parent->node->path;
    size_t n = parent->n_children, n_fixed = 0;
    int warned_zero = 0, warned_neg = 0, warned_over = 0;
    for (size_t c = 0; c < n; c++)
        n_fixed += parent->children[c].kind == GROWTH_BOTTOM_UP;
    for (int i = 0; i < m->n_years; i++) {
        int year = m->first_year + i;
        double sum = 0, fixed = 0;
        for (size_t c = 0; c < n; c++) {
            spec *cs = &parent->children[c];
            double *cv = (double *)cs->node->value;
            if (cv[i] < 0) {
                if (!warned_neg++)
                    diag_warning(d, cs->line, cs->col, "%s is below zero in %d before reconciliation; set to 0",
                                 cs->node->path, year);
                cv[i] = 0;
            }
            if (cs->kind == GROWTH_BOTTOM_UP)
                fixed += cv[i];
            else
                sum += cv[i];
        }
        double room = pv[i] - fixed;
        if (room < 0 && room >= -1e-12 * pv[i]) /* equal but for rounding */
            room = 0;
        int fixed_scaled = n_fixed == n || room < 0;
        if (fixed_scaled && n_fixed < n && !warned_over++)
            diag_warning(d, parent->line, parent->col,
                         "the bottom-up segments of '%s' add up to %g in %d, more than its %g; they are scaled down "
                         "to it and the other segments set to 0",
                         path, fixed, year, pv[i]);
        if (fixed_scaled) {
            for (size_t c = 0; c < n; c++) {
                spec *cs = &parent->children[c];
                double *cv = (double *)cs->node->value;
                if (cs->kind != GROWTH_BOTTOM_UP)
                    cv[i] = 0;
                else
                    cv[i] = fixed > 0 ? pv[i] * (cv[i] / fixed) : pv[i] / (double)n_fixed;
            }
            continue;
        }
        for (size_t c = 0; c < n; c++) {
            spec *cs = &parent->children[c];
            double *cv = (double *)cs->node->value;
            if (cs->kind == GROWTH_BOTTOM_UP)
                continue;
            if (sum > 0) {
                cv[i] = room * (cv[i] / sum);
            } else {
                cv[i] = room / (double)(n - n_fixed);
                if (room > 0 && !warned_zero++)
                    diag_warning(d, parent->line, parent->col,
                                 "the segments of '%s' are all zero in %d; splitting it evenly", path, year);
            }
        }
    }
}

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

int fc_check_published_sums(const mkp_doc *doc, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    /* Against the base case, like the published CAGR. */
    const double *market = m->n_scenarios && m->scenarios[0].market ? m->scenarios[0].market : m->market->value;
    int warnings = 0;
    for (size_t i = 0; i < doc->n_dims; i++)
        warnings += check_set(doc, &doc->dims[i], "the market", &doc->market.anchors, &doc->market.history, market, d);
    return warnings;
}
