/* reconcile.c - children and their parent: reconciliation makes the
 * children of every parent add up to it in every year without moving the
 * parent.  It works on the builder's arrays (spec->value). */
#include <math.h>
#include <stdio.h>

#include "model/model.h"

/* Top-down proportional reconciliation, with bottom-up children held
 * fixed.  In every year the children built from their own assumptions are
 * scaled by one factor so that, with the bottom-up children, they add up
 * to the parent.  When the bottom-up children alone exceed the parent (or
 * every child is bottom-up), they are scaled to it instead.  Values below
 * zero are set to 0 first, so no child ever becomes negative. */
void mdl_reconcile(mkp_doc *doc, spec *parent, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    const double *pv = parent->value;
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
            double *cv = cs->value;
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
                double *cv = cs->value;
                if (cs->kind != GROWTH_BOTTOM_UP)
                    cv[i] = 0;
                else
                    cv[i] = fixed > 0 ? pv[i] * (cv[i] / fixed) : pv[i] / (double)n_fixed;
            }
            continue;
        }
        for (size_t c = 0; c < n; c++) {
            spec *cs = &parent->children[c];
            double *cv = cs->value;
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
