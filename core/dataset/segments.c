/* segments.c - dimensions and their segments: ids, titles, growth
 * assumptions (shares, CAGRs, anchors, bottom-up), and shares that must add
 * up among siblings. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/date.h"
#include "dataset/loader.h"

static const char *const segment_keys[] = {"id",      "title",    "description", "provenance", "share",  "cagr",
                                           "anchors", "segments", "method",      "params",     "reconcile", "definition",
                                           NULL};

static void load_segments(loader *L, spec *parent, const ynode *list, int depth);

static void load_segment(loader *L, spec *s, const ynode *y, const mkp_node *parent, int depth)
{
    mkp_model *m = L->doc->model;
    mkp_node *node = s->node;
    s->line = y->line;
    s->col = y->col;
    node->parent = parent;
    node->depth = depth;
    node->id = "";
    node->path = ""; /* until its id is known: a shock may look for it */
    if (!ld_want_kind(L, y, Y_MAP, "a segment"))
        return;
    ld_check_keys(L, y, "a segment", segment_keys);
    const ynode *n;
    if ((n = ld_need(L, y, "id", "a segment")) && ld_get_id(L, n, "segment id"))
        node->id = n->str;
    node->path = arena_printf(L->a, "%s/%s", parent->path, node->id);
    ld_text_owner(L, "segment", node->path);
    if ((n = ld_need(L, y, "title", "a segment")))
        node->title = ld_get_text(L, n, "title");
    if ((n = ytree_get(y, "description")))
        node->description = ld_get_text(L, n, "description");
    if ((n = ytree_get(y, "definition")))
        s->definition = ld_get_text(L, n, "definition");
    node->provenance = ld_get_provenance(L, ytree_get(y, "provenance"), MKP_ILLUSTRATIVE);
    const ynode *sh = ytree_get(y, "share"), *cg = ytree_get(y, "cagr"), *an = ytree_get(y, "anchors");
    int lo = m->first_year, hi = m->forecast_end;
    const ynode *rc = ytree_get(y, "reconcile");
    int bottom_up = 0;
    if (rc && ld_get_string(L, rc, "reconcile")) {
        bottom_up = strcmp(rc->str, "bottom-up") == 0;
        if (!bottom_up && strcmp(rc->str, "top-down") != 0)
            diag_error(L->d, rc->line, rc->col, "reconcile must be top-down or bottom-up, not '%s'", rc->str);
        else if (!ytree_get(y, "segments"))
            diag_error(L->d, rc->line, rc->col, "reconcile applies to sub-segments, and segment '%s' has none",
                       node->id);
    }
    if (bottom_up) {
        const ynode *form = sh ? sh : an ? an : cg;
        if (form)
            diag_error(L->d, form->line, form->col,
                       "segment '%s' is the sum of its sub-segments (reconcile: bottom-up); remove its %s", node->id,
                       form == sh ? "share" : form == an ? "anchors" : "cagr");
        else
            s->kind = GROWTH_BOTTOM_UP;
    } else if (sh && an) {
        diag_error(L->d, an->line, an->col, "segment '%s' gives both share and anchors; keep one", node->id);
    } else if (an && cg) {
        diag_error(L->d, cg->line, cg->col, "segment '%s' gives both anchors and cagr; keep one", node->id);
    } else if (an) {
        s->kind = GROWTH_ANCHORS;
        s->anchors = ld_get_points(L, an, "segment anchors", lo, hi, "the model's years");
    } else if (sh) {
        s->kind = cg ? GROWTH_SHARE_CAGR : GROWTH_SHARE;
        s->shares = ld_get_points(L, sh, "segment share", lo, hi, "the model's years");
        for (size_t i = 0; i < s->shares.n; i++)
            if (s->shares.v[i].value > 100.0)
                diag_error(L->d, s->shares.v[i].line, s->shares.v[i].col, "a share is a percentage: %g is over 100",
                           s->shares.v[i].value);
        if (cg) {
            double v;
            if (ld_want_kind(L, cg, Y_SCALAR, "cagr") && ld_parse_double(cg, &v) && v > -100.0)
                s->cagr = v;
            else if (cg->kind == Y_SCALAR)
                diag_error(L->d, cg->line, cg->col, "cagr must be a percentage above -100, not '%s'", cg->str);
            if (s->shares.n > 1)
                diag_error(L->d, sh->line, sh->col, "with cagr, share gives one year only (the starting share)");
        }
    } else if (cg) {
        diag_error(L->d, cg->line, cg->col, "segment '%s' gives cagr without a starting share", node->id);
    } else {
        diag_error(L->d, y->line, y->col, "segment '%s' needs a growth assumption: share, share with cagr, or anchors",
                   node->id);
    }
    ld_method(L, s, y);
    if (s->method && s->kind != GROWTH_ANCHORS && (sh || bottom_up))
        diag_error(L->d, s->method_line, s->method_col,
                   "a method forecasts a segment's own anchors, and segment '%s' is %s", node->id,
                   bottom_up ? "the sum of its sub-segments" : "a share of its parent");
    if ((n = ytree_get(y, "segments"))) {
        if (depth >= 2)
            diag_error(L->d, n->line, n->col, "sub-segments cannot have segments of their own");
        else
            load_segments(L, s, n, depth + 1);
    }
    for (size_t i = 0; bottom_up && i < s->n_children; i++)
        if (s->children[i].kind != GROWTH_ANCHORS && s->children[i].kind != GROWTH_NONE)
            diag_error(L->d, s->children[i].line, s->children[i].col,
                       "sub-segment '%s' needs anchors of its own: '%s' is their sum (reconcile: bottom-up)",
                       s->children[i].node->id, node->id);
}

/* Linear interpolation of a share map, flat outside its years. */
static double share_at(const ypoints *p, int year)
{
    if (p->n == 0)
        return 0;
    if (year <= p->v[0].year)
        return p->v[0].value;
    for (size_t i = 1; i < p->n; i++)
        if (year <= p->v[i].year) {
            const ypoint *a = &p->v[i - 1], *b = &p->v[i];
            return a->value + (b->value - a->value) * (year - a->year) / (double)(b->year - a->year);
        }
    return p->v[p->n - 1].value;
}

/* When every sibling is given as plain shares, they must add up to 100
 * in each year that any of them names. */
static void check_share_sums(loader *L, const spec *parent)
{
    if (parent->n_children == 0)
        return;
    for (size_t i = 0; i < parent->n_children; i++)
        if (parent->children[i].kind != GROWTH_SHARE || parent->children[i].shares.n == 0)
            return;
    for (size_t i = 0; i < parent->n_children; i++) {
        const ypoints *p = &parent->children[i].shares;
        for (size_t k = 0; k < p->n; k++) {
            int year = p->v[k].year, seen = 0;
            for (size_t j = 0; j < i && !seen; j++)
                for (size_t q = 0; q < parent->children[j].shares.n; q++)
                    if (parent->children[j].shares.v[q].year == year)
                        seen = 1;
            if (seen)
                continue;
            double sum = 0;
            for (size_t j = 0; j < parent->n_children; j++)
                sum += share_at(&parent->children[j].shares, year);
            if (fabs(sum - 100.0) > 0.05)
                diag_error(L->d, p->v[k].line, p->v[k].col,
                           "shares of the segments of '%s' add up to %.2f%% in %d, not 100%%", parent->node->path,
                           sum, year);
        }
    }
}

static void load_segments(loader *L, spec *parent, const ynode *list, int depth)
{
    if (!ld_want_kind(L, list, Y_SEQ, "segments"))
        return;
    if (list->n == 0) {
        diag_error(L->d, list->line, list->col, "segments must list at least one segment");
        return;
    }
    mkp_node *nodes = arena_array(L->a, list->n, sizeof *nodes);
    parent->children = arena_array(L->a, list->n, sizeof *parent->children);
    parent->n_children = list->n;
    parent->node->children = nodes;
    parent->node->n_children = list->n;
    L->doc->n_nodes += list->n;
    for (size_t i = 0; i < list->n; i++) {
        parent->children[i].node = &nodes[i];
        load_segment(L, &parent->children[i], list->items[i], parent->node, depth);
    }
    const char **ids = xrealloc(NULL, list->n * sizeof *ids);
    for (size_t i = 0; i < list->n; i++)
        ids[i] = nodes[i].id;
    size_t *first = ld_first_of(ids, list->n);
    for (size_t i = 0; i < list->n; i++)
        if (first[i] != i)
            diag_error(L->d, list->items[i]->line, list->items[i]->col,
                       "duplicate segment id '%s' in '%s' (first on line %d)", nodes[i].id, parent->node->path,
                       parent->children[first[i]].line);
    free(ids);
    free(first);
    check_share_sums(L, parent);
}

/* Every segment below s with its definition, in the order of the tree. */
static void collect_definitions(const spec *s, mkp_definition *out, size_t cap, size_t *n)
{
    for (size_t i = 0; i < s->n_children; i++) {
        const spec *c = &s->children[i];
        if (*n < cap)
            out[(*n)++] = (mkp_definition){c->node, c->definition};
        collect_definitions(c, out, cap, n);
    }
}

static const char *const dimension_keys[] = {"id", "title", "description", "segments", "reconcile", NULL};

void ld_dimensions(loader *L, const ynode *list)
{
    if (!ld_want_kind(L, list, Y_SEQ, "dimensions"))
        return;
    mkp_doc *doc = L->doc;
    mkp_node *nodes = arena_array(L->a, list->n, sizeof *nodes);
    doc->dims = arena_array(L->a, list->n, sizeof *doc->dims);
    doc->n_dims = list->n;
    doc->model->dimensions = nodes;
    doc->model->n_dimensions = list->n;
    for (size_t i = 0; i < list->n; i++) {
        const ynode *y = list->items[i];
        spec *s = &doc->dims[i];
        s->node = &nodes[i];
        s->line = y->line;
        s->col = y->col;
        nodes[i].id = "";
        nodes[i].path = "";
        nodes[i].provenance = doc->market.node ? doc->market.node->provenance : MKP_PUBLISHED;
        if (!ld_want_kind(L, y, Y_MAP, "a dimension"))
            continue;
        ld_check_keys(L, y, "a dimension", dimension_keys);
        const ynode *n;
        if ((n = ld_need(L, y, "id", "a dimension")) && ld_get_id(L, n, "dimension id"))
            nodes[i].id = nodes[i].path = n->str;
        ld_text_owner(L, "dimension", nodes[i].id);
        if ((n = ld_need(L, y, "title", "a dimension")))
            nodes[i].title = ld_get_text(L, n, "title");
        if ((n = ytree_get(y, "description")))
            nodes[i].description = ld_get_text(L, n, "description");
        if ((n = ytree_get(y, "reconcile")) && ld_get_string(L, n, "reconcile") && strcmp(n->str, "top-down") != 0)
            diag_error(L->d, n->line, n->col,
                       "a dimension always adds up to the market, which never moves; put 'reconcile: bottom-up' on a "
                       "segment with sub-segments");
        if (strcmp(nodes[i].id, "market") == 0)
            diag_error(L->d, y->line, y->col, "'market' is reserved and cannot name a dimension");
        if ((n = ld_need(L, y, "segments", "a dimension")))
            load_segments(L, s, n, 1);
    }
    const char **ids = xrealloc(NULL, list->n * sizeof *ids);
    for (size_t i = 0; i < list->n; i++)
        ids[i] = nodes[i].id;
    size_t *first = ld_first_of(ids, list->n);
    for (size_t i = 0; i < list->n; i++)
        if (first[i] != i)
            diag_error(L->d, doc->dims[i].line, doc->dims[i].col, "duplicate dimension id '%s' (first on line %d)",
                       nodes[i].id, doc->dims[first[i]].line);
    free(ids);
    free(first);
    mkp_definition *defs = arena_array(L->a, doc->n_nodes ? doc->n_nodes : 1, sizeof *defs);
    size_t n = 0;
    for (size_t i = 0; i < doc->n_dims; i++)
        collect_definitions(&doc->dims[i], defs, doc->n_nodes, &n);
    doc->model->definitions = defs;
    doc->model->n_definitions = n;
}

