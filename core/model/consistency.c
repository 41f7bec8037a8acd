/* consistency.c - checks of a built model against what the publisher
 * printed, which warn without failing: the published CAGR against the
 * CAGRs the rounded anchors allow, a growth step between anchors that
 * departs from its neighbour, and published segments against their
 * parent. */
#include <math.h>
#include <stdio.h>
#include <string.h>

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

/* The market of the base case: the published figures are checked against
 * it, since a scenario is meant to differ from the publisher. */
static const double *base_market(const mkp_model *m)
{
    return m->n_scenarios && m->scenarios[0].market ? m->scenarios[0].market : m->market->value;
}

int mdl_check_published_sums(const mkp_doc *doc, diag_ctx *d)
{
    const double *market = base_market(doc->model);
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

/* Growth in percent a year from v0 to v1 over `years`: as written (mid),
 * and the lowest and highest that figures anywhere within their rounding
 * h0 and h1 allow.  v0 and v1 are above 0. */
typedef struct growth_span {
    double lo, mid, hi;
} growth_span;

static growth_span growth(double v0, double h0, double v1, double h1, int years)
{
    double e = 1.0 / years;
    growth_span g;
    g.mid = 100 * (pow(v1 / v0, e) - 1);
    g.lo = 100 * (pow(fmax(v1 - h1, 0) / (v0 + h0), e) - 1);
    /* A start that may be rounded up from 0 allows any growth. */
    g.hi = v0 > h0 ? 100 * (pow((v1 + h1) / (v0 - h0), e) - 1) : INFINITY;
    return g;
}

/* How many percentage points a year apart the growth of two neighbouring
 * intervals must be, beyond the rounding of their figures, before the
 * anchor between them is worth a second look.  Published forecasts bend
 * gently; a turn of more than this in one anchor is most often a figure
 * mistyped or taken from another edition.  Not a dataset key: the check
 * only warns, and a real turn (a launch, a crash) reads as one. */
#define STEP_POINTS 3.0

/* "+5.83% in 2025-2026" for one year, "10.04% a year in 2026-2032" for more. */
static void rate_text(char *buf, size_t cap, double pct, int from, int to)
{
    if (to - from == 1)
        snprintf(buf, cap, "%+.2f%% in %d-%d", pct, from, to);
    else
        snprintf(buf, cap, "%.2f%% a year in %d-%d", pct, from, to);
}

/* Every anchor of `s` between two others, against the growth on either
 * side of it. */
static int check_steps(const spec *s, diag_ctx *d)
{
    const ypoints *p = &s->anchors;
    int warnings = 0;
    for (size_t k = 1; k + 1 < p->n; k++) {
        const ypoint *a = &p->v[k - 1], *b = &p->v[k], *c = &p->v[k + 1];
        /* An interval from or to 0 is joined linearly: it has no rate. */
        if (a->value <= 0 || b->value <= 0 || c->value <= 0)
            continue;
        growth_span in = growth(a->value, rounding(a), b->value, rounding(b), b->year - a->year);
        growth_span out = growth(b->value, rounding(b), c->value, rounding(c), c->year - b->year);
        /* The closest the two rates come, b being one figure in both: the
         * rate into it is highest, and the rate out of it lowest, when b
         * is at the top of its rounding, and the other way round. */
        double closest = fmax(out.lo - in.hi, in.lo - out.hi);
        if (!(closest > STEP_POINTS))
            continue;
        char r0[96], r1[96];
        rate_text(r0, sizeof r0, in.mid, a->year, b->year);
        rate_text(r1, sizeof r1, out.mid, b->year, c->year);
        diag_warning(d, b->line, b->col,
                     "%s anchor %d (%.*f) implies %s but %s, %.2f percentage points apart; check the %d figure",
                     s->node->path, b->year, b->decimals, b->value, r0, r1, fabs(out.mid - in.mid), b->year);
        warnings++;
    }
    return warnings;
}

/* The published segments with anchors under `s`, at every depth. */
static int steps_below(const spec *s, diag_ctx *d)
{
    int warnings = published(s) ? check_steps(s, d) : 0;
    for (size_t c = 0; c < s->n_children; c++)
        warnings += steps_below(&s->children[c], d);
    return warnings;
}

/* The market's figure in `year` and half a unit of its last digit: an
 * anchor or a history value as written, else the base case's series,
 * taken as exact (it is what the forecast makes of the written figures). */
static double market_figure(const mkp_doc *doc, int year, double *half)
{
    const ypoint *p = point_at(&doc->market.anchors, year);
    if (!p)
        p = point_at(&doc->market.history, year);
    *half = p ? rounding(p) : 0;
    return p ? p->value : base_market(doc->model)[year - doc->model->first_year];
}

/* The CAGR from `from` to forecast_end that the market's figures allow;
 * 0 when either end is 0 (no CAGR, which no_cagr says). */
static int cagr_span(const mkp_doc *doc, int from, growth_span *g)
{
    int to = doc->model->forecast_end;
    double h0, h1, v0 = market_figure(doc, from, &h0), v1 = market_figure(doc, to, &h1);
    if (!(v0 > 0 && v1 > 0))
        return 0;
    *g = growth(v0, h0, v1, h1, to - from);
    return 1;
}

/* Whether a CAGR printed as p (in percent, within hp of what the publisher
 * computed) can come from figures within their rounding. */
static int allows(const growth_span *g, double p, double hp)
{
    double slack = hp + 1e-9; /* p went through a division by 100 */
    return p >= g->lo - slack && p <= g->hi + slack;
}

/* "50.65%-51.44%", or one figure when both ends print the same. */
static void span_text(char *buf, size_t cap, const growth_span *g)
{
    char lo[40], hi[40];
    snprintf(lo, sizeof lo, "%.2f%%", g->lo);
    snprintf(hi, sizeof hi, "%.2f%%", g->hi);
    if (isinf(g->hi))
        snprintf(buf, cap, "%s or more", lo);
    else if (strcmp(lo, hi) == 0)
        snprintf(buf, cap, "%s", lo);
    else
        snprintf(buf, cap, "%s-%s", lo, hi);
}

/* Another start year with a figure of its own (an anchor, or a history
 * year) from which the CAGR allows p: the one nearest p, or 0. */
static int other_start(const mkp_doc *doc, double p, double hp, growth_span *best)
{
    const mkp_model *m = doc->model;
    const ypoints *lists[2] = {&doc->market.history, &doc->market.anchors};
    int year = 0;
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < lists[l]->n; i++) {
            int y = lists[l]->v[i].year;
            growth_span g;
            if (y == m->cagr_start || y >= m->forecast_end || !cagr_span(doc, y, &g) || !allows(&g, p, hp))
                continue;
            if (!year || fabs(g.mid - p) < fabs(best->mid - p)) {
                year = y;
                *best = g;
            }
        }
    return year;
}

/* What to write instead, when another start year gives the published
 * CAGR: "" when none does.  cagr_start cannot name a history year. */
static void start_hint(const mkp_doc *doc, double p, double hp, char *buf, size_t cap)
{
    const mkp_model *m = doc->model;
    growth_span g;
    int y = other_start(doc, p, hp, &g);
    buf[0] = '\0';
    if (!y)
        return;
    if (y >= m->base_year)
        snprintf(buf, cap, "; cagr_start: %d would give %.2f%%", y, g.mid);
    else
        snprintf(buf, cap, "; counted from history year %d it would be %.2f%% (cagr_start cannot come before "
                 "base_year %d)", y, g.mid, m->base_year);
}

/* The published CAGR against the range the rounded anchors allow, over
 * cagr_start..forecast_end of the base case, with the publisher's own
 * rounding of the CAGR: silent when it is what the anchors give, a note
 * when only their rounding explains it, else a warning. */
static int check_published_cagr(const mkp_doc *doc, diag_ctx *d)
{
    const mkp_model *m = doc->model;
    growth_span g;
    if (!m->has_published_cagr || !cagr_span(doc, m->cagr_start, &g))
        return 0;
    int dec = doc->published_cagr_decimals, line = doc->published_cagr_line, col = doc->published_cagr_col;
    double p = m->published_cagr * 100, hp = 0.5 * pow(10, -dec);
    if (fabs(p - g.mid) <= hp + 1e-9)
        return 0;
    char span[100];
    span_text(span, sizeof span, &g);
    if (allows(&g, p, hp)) {
        diag_note(d, line, col,
                  "published_cagr %.*f%% for %d-%d is within rounding of the %.2f%% that the anchors imply: "
                  "the rounded anchors allow %s",
                  dec, p, m->cagr_start, m->forecast_end, g.mid, span);
        return 0;
    }
    char hint[200];
    start_hint(doc, p, hp, hint, sizeof hint);
    diag_warning(d, line, col,
                 "published_cagr %.*f%% for %d-%d is outside the %s that the rounded anchors allow by %.*f "
                 "percentage points (the anchors imply %.2f%%)%s",
                 dec, p, m->cagr_start, m->forecast_end, span, dec > 2 ? dec : 2, p < g.lo ? g.lo - p : p - g.hi,
                 g.mid, hint);
    return 1;
}

int mdl_check_consistency(const mkp_doc *doc, diag_ctx *d)
{
    int warnings = check_published_cagr(doc, d);
    if (doc->market.node->provenance == MKP_PUBLISHED)
        warnings += check_steps(&doc->market, d);
    for (size_t i = 0; i < doc->n_dims; i++)
        warnings += steps_below(&doc->dims[i], d);
    warnings += mdl_check_published_sums(doc, d);
    warnings += no_cagr(doc, &doc->market, d);
    for (size_t i = 0; i < doc->n_dims; i++)
        warnings += no_cagr(doc, &doc->dims[i], d);
    return warnings;
}
