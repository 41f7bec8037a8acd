/* market.c - the report's metadata, the market's anchors and history, and
 * the forecast method of the market or a segment. */
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


static const char *const report_keys[] = {"id", "title", "subtitle", "publisher", "product_code", "edition",
                                          "base_year", "estimated_year", "forecast_end", "cagr_start", "currency",
                                          "unit", "languages", "source", "keywords", "copyright",
                                          "licence", "disclaimer", "about", "contact", "theme", NULL};

void ld_report(loader *L, const ynode *r)
{
    mkp_model *m = L->doc->model;
    ld_check_keys(L, r, "report", report_keys);
    /* First: every text is checked against the languages. */
    ld_languages(L, r);
    ld_text_owner(L, "report", NULL);
    const ynode *n;
    if ((n = ld_need(L, r, "id", "report")))
        m->id = ld_get_id(L, n, "report id");
    if ((n = ld_need(L, r, "title", "report")))
        m->title = ld_get_text(L, n, "title");
    if ((n = ytree_get(r, "subtitle")))
        m->subtitle = ld_get_text(L, n, "subtitle");
    if ((n = ytree_get(r, "publisher")))
        m->publisher = ld_get_name(L, n, "publisher");
    if ((n = ytree_get(r, "source")))
        m->source = ld_get_text(L, n, "source");
    ld_imprint(L, r);
    if ((n = ytree_get(r, "theme")) && ld_get_string(L, n, "theme")) {
        /* Named from the dataset's folder, as a reader of the file would. */
        const char *slash = strrchr(m->source_file, '/');
        L->doc->theme_path = n->str[0] == '/' || !slash
                                 ? n->str
                                 : arena_printf(L->a, "%.*s/%s", (int)(slash - m->source_file), m->source_file,
                                                n->str);
        L->doc->theme_line = n->line;
        L->doc->theme_col = n->col;
    }
    m->product_code = "";
    if ((n = ytree_get(r, "product_code")) && ld_get_string(L, n, "product_code"))
        m->product_code = n->str;
    m->edition = "";
    if ((n = ytree_get(r, "edition"))) {
        const char *s = ld_get_date(L, n, "edition", &m->edition_epoch);
        if (s)
            m->edition = s;
    }
    long long e;
    if (date_source_epoch(&e) == 1)
        m->edition_epoch = e;
    const ynode *by = ld_need(L, r, "base_year", "report");
    const ynode *ey = ld_need(L, r, "estimated_year", "report");
    const ynode *fe = ld_need(L, r, "forecast_end", "report");
    int ok = by && ey && fe;
    ok = ok && ld_get_year(L, by, "base_year", &m->base_year);
    ok = ok && ld_get_year(L, ey, "estimated_year", &m->estimated_year);
    ok = ok && ld_get_year(L, fe, "forecast_end", &m->forecast_end);
    if (ok && m->estimated_year <= m->base_year)
        diag_error(L->d, ey->line, ey->col, "estimated_year %d must come after base_year %d", m->estimated_year,
                   m->base_year);
    else if (ok && m->forecast_end <= m->estimated_year)
        diag_error(L->d, fe->line, fe->col, "forecast_end %d must come after estimated_year %d", m->forecast_end,
                   m->estimated_year);
    m->cagr_start = m->base_year;
    if ((n = ytree_get(r, "cagr_start")) && ld_get_year(L, n, "cagr_start", &m->cagr_start) && ok &&
        (m->cagr_start < m->base_year || m->cagr_start >= m->forecast_end))
        diag_error(L->d, n->line, n->col, "cagr_start %d must be within base_year %d and forecast_end %d",
                   m->cagr_start, m->base_year, m->forecast_end - 1);
    if ((n = ld_need(L, r, "currency", "report")) && ld_get_string(L, n, "currency")) {
        const char *c = n->str;
        if (strlen(c) != 3 || !isupper((unsigned char)c[0]) || !isupper((unsigned char)c[1]) ||
            !isupper((unsigned char)c[2]))
            diag_error(L->d, n->line, n->col, "currency must be an ISO 4217 code such as USD, not '%s'", c);
        else
            m->currency = c;
    }
    if ((n = ld_need(L, r, "unit", "report")) && ld_get_string(L, n, "unit")) {
        const char *u = n->str;
        if (strcmp(u, "million") && strcmp(u, "billion") && strcmp(u, "trillion"))
            diag_error(L->d, n->line, n->col, "unit must be million, billion or trillion, not '%s'", u);
        else
            m->unit = u;
    }
    if ((n = ytree_get(r, "keywords")))
        m->keywords = ld_get_string_list(L, n, "keywords", &m->n_keywords);
}

/* `method: NAME` and `params: {...}` of the market or of a segment with
 * anchors (docs/forecasting.md). */
void ld_method(loader *L, spec *s, const ynode *y)
{
    const ynode *mn = ytree_get(y, "method"), *pn = ytree_get(y, "params");
    if (!mn) {
        if (pn)
            diag_error(L->d, pn->line, pn->col, "params without a method: add 'method: NAME'");
        return;
    }
    const char *name = ld_get_string(L, mn, "method");
    if (!name)
        return;
    const ds_methods *ms = L->methods;
    size_t mod = ms->n;
    for (size_t i = 0; i < ms->n && mod == ms->n; i++)
        if (strcmp(ms->name(i), name) == 0)
            mod = i;
    if (mod == ms->n) {
        char list[200] = "";
        const char *best = NULL;
        size_t bestd = 99;
        for (size_t i = 0; i < ms->n; i++) {
            const char *cand = ms->name(i);
            size_t dist = ld_edit_distance(name, cand);
            if (dist < bestd) {
                bestd = dist;
                best = cand;
            }
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", cand);
        }
        if (best && bestd <= (strlen(name) < 5 ? 2u : strlen(name) / 3 + 1))
            diag_error(L->d, mn->line, mn->col, "unknown forecast method '%s'; did you mean '%s'? (methods: %s)", name,
                       best, list);
        else
            diag_error(L->d, mn->line, mn->col, "unknown forecast method '%s' (methods: %s)", name, list);
        return;
    }
    s->method = (int)mod + 1;
    s->method_line = mn->line;
    s->method_col = mn->col;
    if (!pn || !ld_want_kind(L, pn, Y_MAP, "params"))
        return;
    int np = ms->n_params(mod);
    const char *names[DS_MAX_PARAMS + 1] = {NULL};
    for (int i = 0; i < np && i < DS_MAX_PARAMS; i++)
        names[i] = ms->param_name(mod, i);
    if (np == 0 && pn->n) {
        diag_error(L->d, pn->line, pn->col, "method %s takes no params", name);
        return;
    }
    ld_check_keys(L, pn, arena_printf(L->a, "the params of %s", name), names);
    for (int i = 0; i < np && i < DS_MAX_PARAMS; i++) {
        const ynode *v = ytree_get(pn, names[i]);
        double x = NAN; /* not a number: the rule is always broken */
        if (!v || !ld_want_kind(L, v, Y_SCALAR, names[i]))
            continue;
        const char *rule = ms->param_rule(mod, i, ld_parse_double(v, &x) ? x : NAN);
        if (rule) {
            diag_error(L->d, v->line, v->col, "%s %s must be %s, not '%s'", name, names[i], rule, v->str);
            continue;
        }
        s->param[i] = x;
        s->param_given |= 1u << i;
    }
}

static const char *const market_keys[] = {"anchors", "rate",       "history", "published_cagr",
                                          "provenance", "method", "params",  NULL};

void ld_market(loader *L, const ynode *mk)
{
    mkp_model *m = L->doc->model;
    spec *s = &L->doc->market;
    mkp_node *node = arena_alloc(L->a, sizeof *node);
    s->node = node;
    s->line = mk->line;
    s->col = mk->col;
    node->id = "market";
    node->path = "market";
    node->title = m->title;
    ld_check_keys(L, mk, "market", market_keys);
    node->provenance = ld_get_provenance(L, ytree_get(mk, "provenance"), MKP_PUBLISHED);
    const ynode *n;
    int years_ok = m->base_year && m->forecast_end > m->base_year;
    if ((n = ld_need(L, mk, "anchors", "market")) && years_ok)
        s->anchors = ld_get_points(L, n, "market anchors", m->base_year, m->forecast_end, "the period");
    if ((n = ytree_get(mk, "rate"))) {
        double v;
        /* -100% a year takes the market to nothing at once; below, nowhere. */
        if (ld_want_kind(L, n, Y_SCALAR, "rate") && ld_parse_double(n, &v) && v > -100.0) {
            s->rate = v;
            s->has_rate = 1;
        } else if (n->kind == Y_SCALAR) {
            diag_error(L->d, n->line, n->col, "rate must be a percentage per year above -100, not '%s'", n->str);
        }
    }
    if ((n = ytree_get(mk, "history")) && years_ok)
        s->history = ld_get_points(L, n, "market history", YEAR_MIN, m->base_year - 1, "the years before base_year");
    if ((n = ytree_get(mk, "published_cagr"))) {
        double v;
        if (ld_get_amount(L, n, "published_cagr", &v)) {
            m->has_published_cagr = 1;
            m->published_cagr = v / 100.0;
            L->doc->published_cagr_line = n->line;
            L->doc->published_cagr_col = n->col;
            L->doc->published_cagr_decimals = ld_decimals(n->str);
        }
    }
    ld_method(L, s, mk);
    /* `rate` is the cagr method's one parameter written beside the anchors. */
    const char *method = s->method ? L->methods->name((size_t)s->method - 1) : NULL;
    int cagr = method && strcmp(method, "cagr") == 0;
    if (s->has_rate && (s->param_given & 1) && cagr && (n = ytree_get(mk, "rate")))
        diag_error(L->d, n->line, n->col, "rate is given twice, here and in params; keep one");
    else if (s->has_rate && method && !cagr && (n = ytree_get(mk, "rate")))
        diag_error(L->d, n->line, n->col, "rate belongs to the cagr method; %s does not use it", method);
    if (s->anchors.n == 1 && !s->has_rate && (!method || cagr) && !(s->param_given & 1) && L->d->errors == 0)
        diag_error(L->d, s->anchors.line, s->anchors.col,
                   "market has one anchor: give a second anchor year or a growth 'rate'");
}

