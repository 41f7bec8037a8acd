/* scenario.c - what-if scenarios.  A scenario changes yearly growth: of the
 * whole market by some percentage points, and of single segments by
 * shocks.  A segment's shock moves its parents and the market by the same
 * amount; every other dimension is then scaled to the new market, so the
 * model stays reconciled. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "model/model.h"

/* Multiplies a node's values and all of its descendants' by factor[year]. */
static void scale_tree(const mkp_model *m, spec *s, const double *factor)
{
    double *v = s->value;
    for (int i = 0; i < m->n_years; i++)
        v[i] *= factor[i];
    for (size_t c = 0; c < s->n_children; c++)
        scale_tree(m, &s->children[c], factor);
}

/* The chain from a dimension down to `target`; returns its length. */
static size_t chain_to(spec *s, const spec *target, spec **chain, size_t depth)
{
    chain[depth] = s;
    if (s == target)
        return depth + 1;
    for (size_t c = 0; c < s->n_children; c++) {
        size_t n = chain_to(&s->children[c], target, chain, depth + 1);
        if (n)
            return n;
    }
    return 0;
}

/* A series grown at its own yearly rate plus `pp` percentage points in
 * [from, to]; the level it reaches carries on afterwards. */
static void regrow(const mkp_model *m, const double *v, double pp, int from, int to, double *out)
{
    out[0] = v[0];
    for (int i = 1; i < m->n_years; i++) {
        int year = m->first_year + i;
        double g = v[i - 1] > 0 ? v[i] / v[i - 1] : 1.0;
        double add = year >= from && year <= to ? pp / 100.0 : 0.0;
        out[i] = v[i - 1] > 0 ? out[i - 1] * (g + add) : v[i];
        if (out[i] < 0)
            out[i] = 0;
    }
}

static void apply_shock(mkp_doc *doc, const shock_spec *sh, double *tmp, double *factor)
{
    const mkp_model *m = doc->model;
    spec *chain[4];
    size_t len = 0;
    spec *dim = NULL;
    for (size_t d = 0; d < doc->n_dims && !len; d++) {
        len = chain_to(&doc->dims[d], sh->target, chain, 0);
        dim = &doc->dims[d];
    }
    if (!len)
        return;
    spec *t = sh->target;
    double *tv = t->value;
    regrow(m, tv, sh->growth, sh->from, sh->to, tmp);
    /* The target's own sub-segments keep their shares of it. */
    for (int i = 0; i < m->n_years; i++)
        factor[i] = tv[i] > 0 ? tmp[i] / tv[i] : 1.0;
    for (size_t c = 0; c < t->n_children; c++)
        scale_tree(m, &t->children[c], factor);
    double *market = doc->market.value;
    for (int i = 0; i < m->n_years; i++) {
        double delta = tmp[i] - tv[i];
        tv[i] = tmp[i];
        for (size_t k = 1; k + 1 < len; k++) /* the segments between dimension and target */
            chain[k]->value[i] += delta;
        factor[i] = market[i] > 0 ? (market[i] + delta) / market[i] : 1.0;
        market[i] += delta;
    }
    for (size_t d = 0; d < doc->n_dims; d++)
        if (&doc->dims[d] != dim)
            for (size_t c = 0; c < doc->dims[d].n_children; c++)
                scale_tree(m, &doc->dims[d].children[c], factor);
}

/* Moves the whole model onto scenario `sc`. */
static void apply(mkp_doc *doc, const scenario_spec *sc, double *tmp, double *factor)
{
    const mkp_model *m = doc->model;
    double *market = doc->market.value;
    regrow(m, market, sc->growth, sc->from, sc->to, tmp);
    for (int i = 0; i < m->n_years; i++) {
        factor[i] = market[i] > 0 ? tmp[i] / market[i] : 1.0;
        market[i] = tmp[i];
    }
    for (size_t d = 0; d < doc->n_dims; d++)
        for (size_t c = 0; c < doc->dims[d].n_children; c++)
            scale_tree(m, &doc->dims[d].children[c], factor);
    for (size_t k = 0; k < sc->n_shocks; k++)
        apply_shock(doc, &sc->shocks[k], tmp, factor);
}

/* Flags every series' value in a year the scenario moved the market:
 * a scenario value, which is no longer a published or given figure (the
 * segments were scaled with the market in that year). */
static void mark_moved_spec(spec *s, const unsigned char *moved, size_t ny)
{
    for (size_t i = 0; s->flags && i < ny; i++)
        if (moved[i]) {
            s->flags[i] &= (unsigned char)~(MKP_YEAR_ANCHOR | MKP_YEAR_PUBLISHED);
            s->flags[i] |= MKP_YEAR_SCENARIO;
        }
    for (size_t c = 0; c < s->n_children; c++)
        mark_moved_spec(&s->children[c], moved, ny);
}

static void mark_moved(mkp_doc *doc, const double *base_market)
{
    size_t ny = (size_t)doc->model->n_years;
    unsigned char *moved = arena_alloc(&doc->arena, ny);
    for (size_t i = 0; i < ny; i++)
        moved[i] = doc->market.value[i] != base_market[i];
    /* The dimensions share the market's flags: marked once, with it. */
    mark_moved_spec(&doc->market, moved, ny);
    for (size_t d = 0; d < doc->n_dims; d++)
        for (size_t c = 0; c < doc->dims[d].n_children; c++)
            mark_moved_spec(&doc->dims[d].children[c], moved, ny);
}

/* Every value array of the model, the market first. */
static size_t collect(spec *s, double **out, size_t n)
{
    out[n++] = s->value;
    for (size_t c = 0; c < s->n_children; c++)
        n = collect(&s->children[c], out, n);
    return n;
}

int mdl_apply_scenarios(mkp_doc *doc, diag_ctx *d)
{
    mkp_model *m = doc->model;
    arena *a = &doc->arena;
    if (!doc->n_scenarios) {
        /* Only the base case. */
        mkp_scenario *base = arena_alloc(a, sizeof *base);
        base->id = "base";
        doc->scenarios = arena_alloc(a, sizeof *doc->scenarios);
        doc->scenarios[0].pub = base;
        doc->n_scenarios = 1;
    }
    size_t ny = (size_t)m->n_years;
    double **arrays = xmalloc((doc->n_nodes + 1) * sizeof *arrays);
    double *backup = xmalloc((doc->n_nodes + 1) * ny * sizeof *backup);
    double *tmp = xmalloc(2 * ny * sizeof *tmp);
    size_t n = collect(&doc->market, arrays, 0);
    for (size_t i = 0; i < doc->n_dims; i++)
        for (size_t c = 0; c < doc->dims[i].n_children; c++)
            n = collect(&doc->dims[i].children[c], arrays, n);
    for (size_t i = 0; i < n; i++)
        memcpy(backup + i * ny, arrays[i], ny * sizeof(double));
    mkp_scenario *pubs = arena_array(a, doc->n_scenarios, sizeof *pubs);
    const mkp_scenario *chosen = NULL;
    int bad = 0;
    for (size_t s = 0; s < doc->n_scenarios; s++) {
        scenario_spec *sc = &doc->scenarios[s];
        if (s)
            apply(doc, sc, tmp, tmp + ny);
        if (s && mdl_check_bounds(doc, sc, d))
            bad = 1;
        pubs[s] = *sc->pub;
        double *mk = arena_array(a, ny, sizeof *mk);
        memcpy(mk, doc->market.value, ny * sizeof *mk);
        pubs[s].market = mk;
        int i0 = m->cagr_start - m->first_year, i1 = m->forecast_end - m->first_year;
        pubs[s].cagr = mk[i0] > 0 && mk[i1] > 0 ? pow(mk[i1] / mk[i0], 1.0 / (i1 - i0)) - 1.0 : NAN;
        for (size_t i = 0; i < n; i++)
            memcpy(arrays[i], backup + i * ny, ny * sizeof(double));
        if (doc->want_scenario && strcmp(doc->want_scenario, pubs[s].id) == 0)
            chosen = &pubs[s];
    }
    m->scenarios = pubs;
    m->n_scenarios = doc->n_scenarios;
    m->scenario = &pubs[0];
    int rc = 0;
    if (bad) {
        rc = -1;
    } else if (doc->want_scenario && !chosen) {
        char *names = "";
        for (size_t s = 0; s < doc->n_scenarios; s++)
            names = arena_printf(a, "%s%s%s", names, s ? ", " : "", pubs[s].id);
        diag_error(d, 0, 0, "no scenario named '%s' (the dataset has: %s)", doc->want_scenario, names);
        rc = -1;
    } else if (chosen && chosen != &pubs[0]) {
        apply(doc, &doc->scenarios[chosen - pubs], tmp, tmp + ny);
        mdl_derive(doc);
        mark_moved(doc, pubs[0].market);
        m->scenario = chosen;
        m->id = arena_printf(a, "%s-%s", m->id, chosen->id);
        /* Say it on every output: the title carries the scenario's name. */
        mkp_text_entry *e = arena_array(a, m->title.n, sizeof *e);
        for (size_t i = 0; i < m->title.n; i++) {
            const char *lang = m->title.v[i].lang;
            const char *st = chosen->title.n ? chosen->title.v[0].text : chosen->id;
            for (size_t k = 0; k < chosen->title.n; k++)
                if (strcmp(chosen->title.v[k].lang, lang) == 0)
                    st = chosen->title.v[k].text;
            e[i].lang = lang;
            e[i].text = strcmp(lang, "zh-CN") == 0 ? arena_printf(a, "%s（%s）", m->title.v[i].text, st)
                                                   : arena_printf(a, "%s (%s scenario)", m->title.v[i].text, st);
        }
        m->title.v = e;
    }
    free(arrays);
    free(backup);
    free(tmp);
    return rc;
}
