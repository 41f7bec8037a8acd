/* derive.c - what follows from the values: the share of its parent, the
 * CAGR, the growth and the rank among its siblings of every node.  Run once
 * the values are final, and again after a scenario moves them; it reads and
 * writes the builder's arrays, and the nodes' scalar figures. */
#include <math.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "model/format.h"
#include "model/model.h"

/* CAGR and growth of one node from its values. */
static void derive(const mkp_model *m, const double *value, mkp_node *node)
{
    int s = m->cagr_start - m->first_year, e = m->forecast_end - m->first_year;
    double a = value[s], b = value[e];
    node->cagr = a > 0 && b > 0 ? pow(b / a, 1.0 / (e - s)) - 1.0 : NAN;
    node->growth = b - a;
}

/* Shares of the parent, CAGR, growth and rank of every child of `parent`,
 * then of their children. */
static void derive_children(mkp_doc *doc, const spec *parent)
{
    const mkp_model *m = doc->model;
    size_t n = parent->n_children;
    int e = m->forecast_end - m->first_year;
    fmt_ranked *order = n ? xrealloc(NULL, n * sizeof *order) : NULL;
    for (size_t c = 0; c < n; c++) {
        spec *cs = &parent->children[c];
        if (!cs->share)
            cs->share = arena_array(&doc->arena, (size_t)m->n_years, sizeof *cs->share);
        for (int i = 0; i < m->n_years; i++)
            cs->share[i] = parent->value[i] > 0 ? cs->value[i] / parent->value[i] : 0;
        derive(m, cs->value, cs->node);
        order[c] = (fmt_ranked){cs->value[e], c};
    }
    /* Rank 1 is the largest in the forecast year; ties go by order. */
    if (n)
        qsort(order, n, sizeof *order, fmt_cmp_ranked);
    for (size_t r = 0; r < n; r++)
        parent->children[order[r].at].node->rank = (int)r + 1;
    free(order);
    for (size_t c = 0; c < n; c++)
        derive_children(doc, &parent->children[c]);
}

void mdl_derive(mkp_doc *doc)
{
    mkp_node *market = doc->market.node;
    derive(doc->model, doc->market.value, market);
    for (size_t i = 0; i < doc->n_dims; i++) {
        mkp_node *dn = doc->dims[i].node;
        dn->cagr = market->cagr;
        dn->growth = market->growth;
        derive_children(doc, &doc->dims[i]);
    }
}

