/* load.c - dataset file -> draft model.  Every check here points at the
 * offending node's line and column; the first problem of each kind is
 * reported and loading goes on so one run shows as many as it can. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "forecast.h"
#include "model_int.h"
#include "ytree.h"
#include "util.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2200
#define MAX_FILE_BYTES (64u << 20)

typedef struct loader {
    mkp_doc *doc;
    arena *a;
    diag_ctx *d;
} loader;

/* ---- small readers -------------------------------------------------- */

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    size_t row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* Reports keys of `map` that are not in `allowed` (NULL-terminated). */
static void check_keys(loader *L, const ynode *map, const char *where, const char *const *allowed)
{
    for (size_t i = 0; i < map->n; i++) {
        const ynode *k = map->keys[i];
        int known = 0;
        for (const char *const *p = allowed; *p; p++)
            if (strcmp(*p, k->str) == 0)
                known = 1;
        if (known)
            continue;
        const char *best = NULL;
        size_t bestd = 99;
        for (const char *const *p = allowed; *p; p++) {
            size_t dist = edit_distance(k->str, *p);
            if (dist < bestd) {
                bestd = dist;
                best = *p;
            }
        }
        size_t len = strlen(k->str);
        if (best && bestd <= (len < 5 ? 1u : len / 3 + 1))
            diag_error(L->d, k->line, k->col, "unknown key '%s' in %s; did you mean '%s'?", k->str, where, best);
        else
            diag_error(L->d, k->line, k->col, "unknown key '%s' in %s", k->str, where);
    }
}

static const ynode *need(loader *L, const ynode *map, const char *key, const char *where)
{
    const ynode *v = ytree_get(map, key);
    if (v)
        return v;
    /* A near miss was already reported as an unknown key with a hint. */
    for (size_t i = 0; i < map->n; i++)
        if (edit_distance(map->keys[i]->str, key) <= 2)
            return NULL;
    diag_error(L->d, map->line, map->col, "missing required key '%s' in %s", key, where);
    return NULL;
}

static int want_kind(loader *L, const ynode *n, ykind k, const char *what)
{
    if (n->kind == k && !(k == Y_SCALAR && n->len == 0))
        return 1;
    const char *exp = k == Y_SCALAR ? "a single value" : k == Y_MAP ? "a mapping (key: value)" : "a list";
    const char *got = ytree_kind_name(n);
    diag_error(L->d, n->line, n->col, "%s must be %s, not %s %s", what, exp,
               n->kind == Y_SCALAR && n->len == 0 ? "an" : "a", got);
    return 0;
}

static int parse_double(const ynode *n, double *out)
{
    if (n->kind != Y_SCALAR || n->quoted || n->len == 0 || n->len > 64)
        return 0;
    const char *s = n->str;
    for (const char *p = s; *p; p++)
        if (!(isdigit((unsigned char)*p) || *p == '.' || *p == '-' || *p == '+' || *p == 'e' || *p == 'E'))
            return 0;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (*end || errno == ERANGE || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

/* A non-negative number. */
static int get_amount(loader *L, const ynode *n, const char *what, double *out)
{
    if (!want_kind(L, n, Y_SCALAR, what))
        return 0;
    double v;
    if (!parse_double(n, &v)) {
        diag_error(L->d, n->line, n->col, "%s must be a number, not '%s'", what, n->str);
        return 0;
    }
    if (v < 0) {
        diag_error(L->d, n->line, n->col, "%s must not be negative (%s)", what, n->str);
        return 0;
    }
    *out = v;
    return 1;
}

static int get_year(loader *L, const ynode *n, const char *what, int *out)
{
    if (!want_kind(L, n, Y_SCALAR, what))
        return 0;
    double v;
    if (!parse_double(n, &v) || v != floor(v)) {
        diag_error(L->d, n->line, n->col, "%s must be a year such as 2025, not '%s'", what, n->str);
        return 0;
    }
    if (v < YEAR_MIN || v > YEAR_MAX) {
        diag_error(L->d, n->line, n->col, "%s %s is outside %d-%d", what, n->str, YEAR_MIN, YEAR_MAX);
        return 0;
    }
    *out = (int)v;
    return 1;
}

static const char *get_string(loader *L, const ynode *n, const char *what)
{
    if (!want_kind(L, n, Y_SCALAR, what))
        return NULL;
    return n->str;
}

static int valid_id(const char *s)
{
    if (!*s || strlen(s) > 64 || s[0] == '-')
        return 0;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-'))
            return 0;
    return 1;
}

static const char *get_id(loader *L, const ynode *n, const char *what)
{
    const char *s = get_string(L, n, what);
    if (s && !valid_id(s)) {
        diag_error(L->d, n->line, n->col, "%s '%s' must be 1-64 of a-z, 0-9 and '-', not starting with '-'", what, s);
        return NULL;
    }
    return s;
}

static int valid_lang(const char *s)
{
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    if (n < 2 || n > 3)
        return 0;
    for (s += n; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '-'))
            return 0;
    return 1;
}

/* A string, or a map of language -> string; "en" first when present. */
static mkp_text get_text(loader *L, const ynode *n, const char *what)
{
    mkp_text t = {0, NULL};
    if (n->kind == Y_SCALAR) {
        if (n->len == 0) {
            diag_error(L->d, n->line, n->col, "%s must not be empty", what);
            return t;
        }
        mkp_text_entry *e = arena_alloc(L->a, sizeof *e);
        e->lang = "en";
        e->text = n->str;
        t.n = 1;
        t.v = e;
        return t;
    }
    if (n->kind != Y_MAP || n->n == 0) {
        diag_error(L->d, n->line, n->col, "%s must be text or a map of language to text, not %s", what,
                   ytree_kind_name(n));
        return t;
    }
    mkp_text_entry *e = arena_array(L->a, n->n, sizeof *e);
    size_t k = 0;
    const ynode *en = ytree_get(n, "en");
    if (en && en->kind == Y_SCALAR) {
        e[k].lang = "en";
        e[k++].text = en->str;
    }
    for (size_t i = 0; i < n->n; i++) {
        const ynode *key = n->keys[i], *v = n->items[i];
        if (!valid_lang(key->str)) {
            diag_error(L->d, key->line, key->col, "'%s' is not a language tag such as en or zh-CN", key->str);
            continue;
        }
        if (v->kind != Y_SCALAR || v->len == 0) {
            diag_error(L->d, v->line, v->col, "%s in %s must be text", what, key->str);
            continue;
        }
        if (strcmp(key->str, "en") == 0)
            continue;
        e[k].lang = key->str;
        e[k++].text = v->str;
    }
    t.n = k;
    t.v = e;
    return t;
}

static const char *const *get_string_list(loader *L, const ynode *n, const char *what, size_t *count)
{
    *count = 0;
    if (!want_kind(L, n, Y_SEQ, what))
        return NULL;
    const char **v = arena_array(L->a, n->n + 1, sizeof *v);
    for (size_t i = 0; i < n->n; i++) {
        const char *s = get_string(L, n->items[i], what);
        if (s)
            v[(*count)++] = s;
    }
    return v;
}

/* Digits after the decimal point of a number as written ("28.46" has 2,
 * "1.5e1" has 0): how finely the dataset states it. */
static int decimals(const char *s)
{
    const char *dot = strchr(s, '.'), *e = strpbrk(s, "eE");
    int d = 0;
    if (dot)
        for (const char *p = dot + 1; isdigit((unsigned char)*p); p++)
            d++;
    if (e)
        d -= atoi(e + 1);
    return d < 0 ? 0 : d > 15 ? 15 : d;
}

static int cmp_point(const void *a, const void *b)
{
    const ypoint *x = a, *y = b;
    return (x->year > y->year) - (x->year < y->year);
}

/* A map year -> non-negative value, years within [lo, hi]. */
static ypoints get_points(loader *L, const ynode *n, const char *what, int lo, int hi, const char *range_name)
{
    ypoints p = {0, NULL, n->line, n->col};
    if (n->kind != Y_MAP || n->n == 0) {
        diag_error(L->d, n->line, n->col, "%s must be a map of year to value such as {2025: 28.46}, not %s", what,
                   ytree_kind_name(n));
        return p;
    }
    p.v = arena_array(L->a, n->n, sizeof *p.v);
    for (size_t i = 0; i < n->n; i++) {
        int year;
        double v;
        if (!get_year(L, n->keys[i], "a key", &year))
            continue;
        if (year < lo || year > hi) {
            diag_error(L->d, n->keys[i]->line, n->keys[i]->col, "year %d in %s is outside %s (%d-%d)", year, what,
                       range_name, lo, hi);
            continue;
        }
        int dup = 0;
        for (size_t j = 0; j < p.n; j++)
            if (p.v[j].year == year)
                dup = 1;
        if (dup) {
            diag_error(L->d, n->keys[i]->line, n->keys[i]->col, "year %d is given twice in %s", year, what);
            continue;
        }
        if (!get_amount(L, n->items[i], "a value", &v))
            continue;
        p.v[p.n++] = (ypoint){year, v, n->items[i]->line, n->items[i]->col, decimals(n->items[i]->str)};
    }
    qsort(p.v, p.n, sizeof *p.v, cmp_point);
    return p;
}

static mkp_provenance get_provenance(loader *L, const ynode *n, mkp_provenance dflt)
{
    if (!n)
        return dflt;
    const char *s = get_string(L, n, "provenance");
    if (!s)
        return dflt;
    if (strcmp(s, "published") == 0)
        return MKP_PUBLISHED;
    if (strcmp(s, "derived") == 0)
        return MKP_DERIVED;
    if (strcmp(s, "illustrative") == 0)
        return MKP_ILLUSTRATIVE;
    diag_error(L->d, n->line, n->col, "provenance must be published, derived or illustrative, not '%s'", s);
    return dflt;
}

long long mkp_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int mkp_source_date_epoch(long long *epoch)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env)
        return 0;
    char *end;
    errno = 0;
    long long e = strtoll(env, &end, 10);
    if (*end || errno || e < 0 || e > MKP_EPOCH_MAX || !isdigit((unsigned char)env[0]))
        return -1;
    *epoch = e;
    return 1;
}

static const char *get_date(loader *L, const ynode *n, long long *epoch)
{
    const char *s = get_string(L, n, "edition");
    if (!s)
        return NULL;
    int y, m, d, len = 0;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &len) != 3 || len != 10 || m < 1 || m > 12 ||
        d < 1 || d > mdays[m - 1] || (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) ||
        y < YEAR_MIN || y > YEAR_MAX) {
        diag_error(L->d, n->line, n->col, "edition must be a date YYYY-MM-DD, not '%s'", s);
        return NULL;
    }
    *epoch = mkp_days_from_civil(y, m, d) * 86400LL;
    return s;
}

/* ---- blocks ---------------------------------------------------------- */

static const char *const report_keys[] = {"id", "title", "subtitle", "publisher", "product_code", "edition",
                                          "base_year", "estimated_year", "forecast_end", "cagr_start", "currency",
                                          "unit", "languages", "source", "keywords", NULL};

static void load_report(loader *L, const ynode *r)
{
    mkp_model *m = L->doc->model;
    check_keys(L, r, "report", report_keys);
    const ynode *n;
    if ((n = need(L, r, "id", "report")))
        m->id = get_id(L, n, "report id");
    if ((n = need(L, r, "title", "report")))
        m->title = get_text(L, n, "title");
    if ((n = ytree_get(r, "subtitle")))
        m->subtitle = get_text(L, n, "subtitle");
    if ((n = ytree_get(r, "publisher")))
        m->publisher = get_text(L, n, "publisher");
    if ((n = ytree_get(r, "source")))
        m->source = get_text(L, n, "source");
    m->product_code = "";
    if ((n = ytree_get(r, "product_code")) && get_string(L, n, "product_code"))
        m->product_code = n->str;
    m->edition = "";
    if ((n = ytree_get(r, "edition"))) {
        const char *s = get_date(L, n, &m->edition_epoch);
        if (s)
            m->edition = s;
    }
    long long e;
    if (mkp_source_date_epoch(&e) == 1)
        m->edition_epoch = e;
    const ynode *by = need(L, r, "base_year", "report");
    const ynode *ey = need(L, r, "estimated_year", "report");
    const ynode *fe = need(L, r, "forecast_end", "report");
    int ok = by && ey && fe;
    ok = ok && get_year(L, by, "base_year", &m->base_year);
    ok = ok && get_year(L, ey, "estimated_year", &m->estimated_year);
    ok = ok && get_year(L, fe, "forecast_end", &m->forecast_end);
    if (ok && m->estimated_year <= m->base_year)
        diag_error(L->d, ey->line, ey->col, "estimated_year %d must come after base_year %d", m->estimated_year,
                   m->base_year);
    else if (ok && m->forecast_end <= m->estimated_year)
        diag_error(L->d, fe->line, fe->col, "forecast_end %d must come after estimated_year %d", m->forecast_end,
                   m->estimated_year);
    m->cagr_start = m->base_year;
    if ((n = ytree_get(r, "cagr_start")) && get_year(L, n, "cagr_start", &m->cagr_start) && ok &&
        (m->cagr_start < m->base_year || m->cagr_start >= m->forecast_end))
        diag_error(L->d, n->line, n->col, "cagr_start %d must be within base_year %d and forecast_end %d",
                   m->cagr_start, m->base_year, m->forecast_end - 1);
    if ((n = need(L, r, "currency", "report")) && get_string(L, n, "currency")) {
        const char *c = n->str;
        if (strlen(c) != 3 || !isupper((unsigned char)c[0]) || !isupper((unsigned char)c[1]) ||
            !isupper((unsigned char)c[2]))
            diag_error(L->d, n->line, n->col, "currency must be an ISO 4217 code such as USD, not '%s'", c);
        else
            m->currency = c;
    }
    if ((n = need(L, r, "unit", "report")) && get_string(L, n, "unit")) {
        const char *u = n->str;
        if (strcmp(u, "million") && strcmp(u, "billion") && strcmp(u, "trillion"))
            diag_error(L->d, n->line, n->col, "unit must be million, billion or trillion, not '%s'", u);
        else
            m->unit = u;
    }
    static const char *const en_only[] = {"en"};
    m->languages = en_only;
    m->n_languages = 1;
    if ((n = ytree_get(r, "languages"))) {
        size_t cnt;
        const char *const *v = get_string_list(L, n, "languages", &cnt);
        if (v && cnt) {
            for (size_t i = 0; i < cnt; i++)
                if (!valid_lang(v[i]))
                    diag_error(L->d, n->items[i]->line, n->items[i]->col,
                               "'%s' is not a language tag such as en or zh-CN", v[i]);
            m->languages = v;
            m->n_languages = cnt;
        }
    }
    if ((n = ytree_get(r, "keywords")))
        m->keywords = get_string_list(L, n, "keywords", &m->n_keywords);
}

/* `method: NAME` and `params: {...}` of the market or of a segment with
 * anchors (docs/forecasting.md). */
static void load_method(loader *L, spec *s, const ynode *y)
{
    const ynode *mn = ytree_get(y, "method"), *pn = ytree_get(y, "params");
    if (!mn) {
        if (pn)
            diag_error(L->d, pn->line, pn->col, "params without a method: add 'method: NAME'");
        return;
    }
    const char *name = get_string(L, mn, "method");
    if (!name)
        return;
    const fc_module *mod = fc_find(name);
    if (!mod) {
        char list[200] = "";
        const char *best = NULL;
        size_t bestd = 99;
        for (size_t i = 0; fc_module_at(i); i++) {
            const char *cand = fc_module_at(i)->name;
            size_t dist = edit_distance(name, cand);
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
    s->method = mod;
    s->method_line = mn->line;
    s->method_col = mn->col;
    if (!pn || !want_kind(L, pn, Y_MAP, "params"))
        return;
    const char *names[FC_MAX_PARAMS + 1] = {NULL};
    for (int i = 0; i < mod->n_param && i < FC_MAX_PARAMS; i++)
        names[i] = mod->param[i].name;
    if (mod->n_param == 0 && pn->n) {
        diag_error(L->d, pn->line, pn->col, "method %s takes no params", mod->name);
        return;
    }
    check_keys(L, pn, arena_printf(L->a, "the params of %s", mod->name), names);
    for (int i = 0; i < mod->n_param && i < FC_MAX_PARAMS; i++) {
        const ynode *v = ytree_get(pn, names[i]);
        double x;
        if (!v || !want_kind(L, v, Y_SCALAR, names[i]))
            continue;
        if (!parse_double(v, &x) || !fc_param_ok(&mod->param[i], x)) {
            diag_error(L->d, v->line, v->col, "%s %s must be %s, not '%s'", mod->name, names[i], mod->param[i].rule,
                       v->str);
            continue;
        }
        s->param[i] = x;
        s->param_given |= 1u << i;
    }
}

static const char *const market_keys[] = {"anchors", "rate",       "history", "published_cagr",
                                          "provenance", "method", "params",  NULL};

static void load_market(loader *L, const ynode *mk)
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
    check_keys(L, mk, "market", market_keys);
    node->provenance = get_provenance(L, ytree_get(mk, "provenance"), MKP_PUBLISHED);
    const ynode *n;
    int years_ok = m->base_year && m->forecast_end > m->base_year;
    if ((n = need(L, mk, "anchors", "market")) && years_ok)
        s->anchors = get_points(L, n, "market anchors", m->base_year, m->forecast_end, "the period");
    if ((n = ytree_get(mk, "rate"))) {
        double v;
        if (want_kind(L, n, Y_SCALAR, "rate") && parse_double(n, &v)) {
            s->rate = v;
            s->has_rate = 1;
        } else if (n->kind == Y_SCALAR) {
            diag_error(L->d, n->line, n->col, "rate must be a number (percent per year), not '%s'", n->str);
        }
    }
    if ((n = ytree_get(mk, "history")) && years_ok)
        s->history = get_points(L, n, "market history", YEAR_MIN, m->base_year - 1, "the years before base_year");
    if ((n = ytree_get(mk, "published_cagr"))) {
        double v;
        if (get_amount(L, n, "published_cagr", &v)) {
            m->has_published_cagr = 1;
            m->published_cagr = v / 100.0;
            L->doc->published_cagr_line = n->line;
            L->doc->published_cagr_col = n->col;
        }
    }
    load_method(L, s, mk);
    if (s->has_rate && (s->param_given & 1) && s->method == &fc_cagr && (n = ytree_get(mk, "rate")))
        diag_error(L->d, n->line, n->col, "rate is given twice, here and in params; keep one");
    else if (s->has_rate && s->method && s->method != &fc_cagr && (n = ytree_get(mk, "rate")))
        diag_error(L->d, n->line, n->col, "rate belongs to the cagr method; %s does not use it", s->method->name);
    if (s->anchors.n == 1 && !s->has_rate && (!s->method || s->method == &fc_cagr) && !(s->param_given & 1) &&
        L->d->errors == 0)
        diag_error(L->d, s->anchors.line, s->anchors.col,
                   "market has one anchor: give a second anchor year or a growth 'rate'");
}

static const char *const segment_keys[] = {"id",      "title",    "description", "provenance", "share",  "cagr",
                                           "anchors", "segments", "method",      "params",     "reconcile", NULL};

typedef struct id_at {
    const char *id;
    size_t at;
} id_at;

/* By id, then by place in the file. */
static int cmp_id_at(const void *a, const void *b)
{
    const id_at *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

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
    if (!want_kind(L, y, Y_MAP, "a segment"))
        return;
    check_keys(L, y, "a segment", segment_keys);
    const ynode *n;
    if ((n = need(L, y, "id", "a segment")) && get_id(L, n, "segment id"))
        node->id = n->str;
    node->path = arena_printf(L->a, "%s/%s", parent->path, node->id);
    if ((n = need(L, y, "title", "a segment")))
        node->title = get_text(L, n, "title");
    if ((n = ytree_get(y, "description")))
        node->description = get_text(L, n, "description");
    node->provenance = get_provenance(L, ytree_get(y, "provenance"), MKP_ILLUSTRATIVE);
    const ynode *sh = ytree_get(y, "share"), *cg = ytree_get(y, "cagr"), *an = ytree_get(y, "anchors");
    int lo = m->first_year, hi = m->forecast_end;
    const ynode *rc = ytree_get(y, "reconcile");
    int bottom_up = 0;
    if (rc && get_string(L, rc, "reconcile")) {
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
        s->anchors = get_points(L, an, "segment anchors", lo, hi, "the model's years");
    } else if (sh) {
        s->kind = cg ? GROWTH_SHARE_CAGR : GROWTH_SHARE;
        s->share = get_points(L, sh, "segment share", lo, hi, "the model's years");
        for (size_t i = 0; i < s->share.n; i++)
            if (s->share.v[i].value > 100.0)
                diag_error(L->d, s->share.v[i].line, s->share.v[i].col, "a share is a percentage: %g is over 100",
                           s->share.v[i].value);
        if (cg) {
            double v;
            if (want_kind(L, cg, Y_SCALAR, "cagr") && parse_double(cg, &v) && v > -100.0)
                s->cagr = v;
            else if (cg->kind == Y_SCALAR)
                diag_error(L->d, cg->line, cg->col, "cagr must be a percentage above -100, not '%s'", cg->str);
            if (s->share.n > 1)
                diag_error(L->d, sh->line, sh->col, "with cagr, share gives one year only (the starting share)");
        }
    } else if (cg) {
        diag_error(L->d, cg->line, cg->col, "segment '%s' gives cagr without a starting share", node->id);
    } else {
        diag_error(L->d, y->line, y->col, "segment '%s' needs a growth assumption: share, share with cagr, or anchors",
                   node->id);
    }
    load_method(L, s, y);
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
        if (parent->children[i].kind != GROWTH_SHARE || parent->children[i].share.n == 0)
            return;
    for (size_t i = 0; i < parent->n_children; i++) {
        const ypoints *p = &parent->children[i].share;
        for (size_t k = 0; k < p->n; k++) {
            int year = p->v[k].year, seen = 0;
            for (size_t j = 0; j < i && !seen; j++)
                for (size_t q = 0; q < parent->children[j].share.n; q++)
                    if (parent->children[j].share.v[q].year == year)
                        seen = 1;
            if (seen)
                continue;
            double sum = 0;
            for (size_t j = 0; j < parent->n_children; j++)
                sum += share_at(&parent->children[j].share, year);
            if (fabs(sum - 100.0) > 0.05)
                diag_error(L->d, p->v[k].line, p->v[k].col,
                           "shares of the segments of '%s' add up to %.2f%% in %d, not 100%%", parent->node->path,
                           sum, year);
        }
    }
}

static void load_segments(loader *L, spec *parent, const ynode *list, int depth)
{
    if (!want_kind(L, list, Y_SEQ, "segments"))
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
    /* Duplicate ids, found by sorting (a dimension may hold many thousand
     * segments) and reported in the order of the file. */
    id_at *by_id = xrealloc(NULL, list->n * sizeof *by_id);
    size_t *first = xrealloc(NULL, list->n * sizeof *first);
    for (size_t i = 0; i < list->n; i++) {
        by_id[i] = (id_at){nodes[i].id, i};
        first[i] = i;
    }
    qsort(by_id, list->n, sizeof *by_id, cmp_id_at);
    for (size_t k = 1; k < list->n; k++)
        if (*by_id[k].id && strcmp(by_id[k].id, by_id[k - 1].id) == 0)
            first[by_id[k].at] = first[by_id[k - 1].at];
    for (size_t i = 0; i < list->n; i++)
        if (first[i] != i)
            diag_error(L->d, list->items[i]->line, list->items[i]->col,
                       "duplicate segment id '%s' in '%s' (first on line %d)", nodes[i].id, parent->node->path,
                       parent->children[first[i]].line);
    free(by_id);
    free(first);
    check_share_sums(L, parent);
}

static const char *const dimension_keys[] = {"id", "title", "description", "segments", "reconcile", NULL};

static void load_dimensions(loader *L, const ynode *list)
{
    if (!want_kind(L, list, Y_SEQ, "dimensions"))
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
        if (!want_kind(L, y, Y_MAP, "a dimension"))
            continue;
        check_keys(L, y, "a dimension", dimension_keys);
        const ynode *n;
        if ((n = need(L, y, "id", "a dimension")) && get_id(L, n, "dimension id"))
            nodes[i].id = nodes[i].path = n->str;
        if ((n = need(L, y, "title", "a dimension")))
            nodes[i].title = get_text(L, n, "title");
        if ((n = ytree_get(y, "description")))
            nodes[i].description = get_text(L, n, "description");
        if ((n = ytree_get(y, "reconcile")) && get_string(L, n, "reconcile") && strcmp(n->str, "top-down") != 0)
            diag_error(L->d, n->line, n->col,
                       "a dimension always adds up to the market, which never moves; put 'reconcile: bottom-up' on a "
                       "segment with sub-segments");
        for (size_t j = 0; j < i; j++)
            if (*nodes[i].id && strcmp(nodes[i].id, nodes[j].id) == 0)
                diag_error(L->d, y->line, y->col, "duplicate dimension id '%s' (first on line %d)", nodes[i].id,
                           doc->dims[j].line);
        if (strcmp(nodes[i].id, "market") == 0)
            diag_error(L->d, y->line, y->col, "'market' is reserved and cannot name a dimension");
        if ((n = need(L, y, "segments", "a dimension")))
            load_segments(L, s, n, 1);
    }
}

static const char *const section_keys[] = {"id", "title", "blocks", NULL};
static const char *const block_keys[] = {"paragraph", "bullets", NULL};

static void load_block(loader *L, mkp_block *b, const ynode *y)
{
    if (!want_kind(L, y, Y_MAP, "a block"))
        return;
    check_keys(L, y, "a block", block_keys);
    if (y->n != 1) {
        diag_error(L->d, y->line, y->col, "a block is one 'paragraph' or one 'bullets' list");
        return;
    }
    const ynode *n;
    if ((n = ytree_get(y, "paragraph"))) {
        b->kind = MKP_BLOCK_PARAGRAPH;
        b->text = get_text(L, n, "paragraph");
    } else if ((n = ytree_get(y, "bullets")) && want_kind(L, n, Y_SEQ, "bullets")) {
        b->kind = MKP_BLOCK_BULLETS;
        mkp_text *items = arena_array(L->a, n->n, sizeof *items);
        for (size_t i = 0; i < n->n; i++)
            items[i] = get_text(L, n->items[i], "a bullet");
        b->items = items;
        b->n_items = n->n;
    }
}

static void load_sections(loader *L, const ynode *list)
{
    if (!want_kind(L, list, Y_SEQ, "sections"))
        return;
    mkp_section *secs = arena_array(L->a, list->n, sizeof *secs);
    L->doc->model->sections = secs;
    L->doc->model->n_sections = list->n;
    for (size_t i = 0; i < list->n; i++) {
        const ynode *y = list->items[i], *n;
        secs[i].id = "";
        if (!want_kind(L, y, Y_MAP, "a section"))
            continue;
        check_keys(L, y, "a section", section_keys);
        if ((n = need(L, y, "id", "a section")) && get_id(L, n, "section id"))
            secs[i].id = n->str;
        for (size_t j = 0; j < i; j++)
            if (*secs[i].id && strcmp(secs[i].id, secs[j].id) == 0)
                diag_error(L->d, y->line, y->col, "duplicate section id '%s'", secs[i].id);
        if ((n = need(L, y, "title", "a section")))
            secs[i].title = get_text(L, n, "title");
        if ((n = need(L, y, "blocks", "a section")) && want_kind(L, n, Y_SEQ, "blocks")) {
            mkp_block *blocks = arena_array(L->a, n->n, sizeof *blocks);
            for (size_t k = 0; k < n->n; k++)
                load_block(L, &blocks[k], n->items[k]);
            secs[i].blocks = blocks;
            secs[i].n_blocks = n->n;
        }
    }
}

static const char *const landscape_keys[] = {"intro", "players", NULL};
static const char *const player_keys[] = {"id", "name", "description", NULL};

static void load_landscape(loader *L, const ynode *y)
{
    mkp_model *m = L->doc->model;
    if (!want_kind(L, y, Y_MAP, "landscape"))
        return;
    check_keys(L, y, "landscape", landscape_keys);
    const ynode *n;
    if ((n = ytree_get(y, "intro")))
        m->landscape_intro = get_text(L, n, "intro");
    if (!(n = ytree_get(y, "players")) || !want_kind(L, n, Y_SEQ, "players"))
        return;
    mkp_player *p = arena_array(L->a, n->n, sizeof *p);
    m->players = p;
    m->n_players = n->n;
    for (size_t i = 0; i < n->n; i++) {
        const ynode *py = n->items[i], *v;
        p[i].id = "";
        if (!want_kind(L, py, Y_MAP, "a player"))
            continue;
        check_keys(L, py, "a player", player_keys);
        if ((v = need(L, py, "id", "a player")) && get_id(L, v, "player id"))
            p[i].id = v->str;
        for (size_t j = 0; j < i; j++)
            if (*p[i].id && strcmp(p[i].id, p[j].id) == 0)
                diag_error(L->d, py->line, py->col, "duplicate player id '%s'", p[i].id);
        if ((v = need(L, py, "name", "a player")))
            p[i].name = get_text(L, v, "name");
        if ((v = ytree_get(py, "description")))
            p[i].description = get_text(L, v, "description");
    }
}

static const char *const scenario_keys[] = {"id", "title", "description", "growth", "from", "to", "shocks", NULL};
static const char *const shock_keys[] = {"segment", "growth", "from", "to", NULL};

static spec *find_spec(spec *s, const char *path)
{
    if (strcmp(s->node->path, path) == 0)
        return s;
    for (size_t i = 0; i < s->n_children; i++) {
        spec *f = find_spec(&s->children[i], path);
        if (f)
            return f;
    }
    return NULL;
}

/* A growth change in percentage points, and the years it applies to
 * (default: every forecast year). */
static void get_adjustment(loader *L, const ynode *y, double *growth, int *from, int *to)
{
    const mkp_model *m = L->doc->model;
    const ynode *n;
    *from = m->base_year + 1;
    *to = m->forecast_end;
    if ((n = ytree_get(y, "growth")) && want_kind(L, n, Y_SCALAR, "growth")) {
        if (!parse_double(n, growth) || *growth <= -100.0)
            diag_error(L->d, n->line, n->col, "growth must be percentage points above -100, such as -2 or 1.5, not '%s'",
                       n->str);
    }
    if ((n = ytree_get(y, "from")) && get_year(L, n, "from", from) && (*from <= m->base_year || *from > m->forecast_end))
        diag_error(L->d, n->line, n->col, "from %d must be a forecast year (%d-%d)", *from, m->base_year + 1,
                   m->forecast_end);
    if ((n = ytree_get(y, "to")) && get_year(L, n, "to", to) && (*to < *from || *to > m->forecast_end))
        diag_error(L->d, n->line, n->col, "to %d must be within %d-%d", *to, *from, m->forecast_end);
}

static void load_scenarios(loader *L, const ynode *list)
{
    mkp_doc *doc = L->doc;
    if (!want_kind(L, list, Y_SEQ, "scenarios"))
        return;
    doc->scenarios = arena_array(L->a, list->n + 1, sizeof *doc->scenarios);
    mkp_scenario *pub = arena_array(L->a, list->n + 1, sizeof *pub);
    for (size_t i = 0; i <= list->n; i++)
        doc->scenarios[i].pub = &pub[i];
    pub[0].id = "base";
    mkp_text_entry *e = arena_array(L->a, 2, sizeof *e);
    e[0] = (mkp_text_entry){"en", "Base case"};
    e[1] = (mkp_text_entry){"zh-CN", "基准情景"};
    pub[0].title = (mkp_text){2, e};
    size_t k = 1;
    for (size_t i = 0; i < list->n; i++) {
        const ynode *y = list->items[i], *n;
        if (!want_kind(L, y, Y_MAP, "a scenario"))
            continue;
        check_keys(L, y, "a scenario", scenario_keys);
        const char *id = (n = need(L, y, "id", "a scenario")) ? get_id(L, n, "scenario id") : NULL;
        if (!id)
            continue;
        int is_base = strcmp(id, "base") == 0;
        scenario_spec *sc = is_base ? &doc->scenarios[0] : &doc->scenarios[k++];
        for (size_t j = 0; j < k; j++)
            if (&doc->scenarios[j] != sc && strcmp(doc->scenarios[j].pub->id, id) == 0)
                diag_error(L->d, y->line, y->col, "duplicate scenario id '%s'", id);
        sc->pub->id = id;
        sc->line = y->line;
        sc->col = y->col;
        if ((n = need(L, y, "title", "a scenario")))
            sc->pub->title = get_text(L, n, "title");
        if ((n = ytree_get(y, "description")))
            sc->pub->description = get_text(L, n, "description");
        if (is_base && (ytree_get(y, "growth") || ytree_get(y, "shocks"))) {
            diag_error(L->d, y->line, y->col, "the base scenario is the forecast itself; put adjustments in a scenario "
                                              "of another name");
            continue;
        }
        get_adjustment(L, y, &sc->growth, &sc->from, &sc->to);
        if (!(n = ytree_get(y, "shocks")) || !want_kind(L, n, Y_SEQ, "shocks"))
            continue;
        sc->shocks = arena_array(L->a, n->n, sizeof *sc->shocks);
        for (size_t j = 0; j < n->n; j++) {
            const ynode *sy = n->items[j], *v;
            if (!want_kind(L, sy, Y_MAP, "a shock"))
                continue;
            check_keys(L, sy, "a shock", shock_keys);
            shock_spec *sh = &sc->shocks[sc->n_shocks];
            if (!(v = need(L, sy, "segment", "a shock")) || !get_string(L, v, "segment"))
                continue;
            for (size_t d = 0; d < doc->n_dims && !sh->target; d++)
                sh->target = find_spec(&doc->dims[d], v->str);
            if (!sh->target || sh->target->node->depth == 0) {
                diag_error(L->d, v->line, v->col, "segment '%s' is not a segment path such as '%s'", v->str,
                           doc->n_dims && doc->dims[0].n_children ? doc->dims[0].children[0].node->path
                                                                  : "dimension/segment");
                continue;
            }
            if (!need(L, sy, "growth", "a shock"))
                continue;
            get_adjustment(L, sy, &sh->growth, &sh->from, &sh->to);
            sc->n_shocks++;
        }
    }
    doc->n_scenarios = k;
}

static const char *const top_keys[] = {"report", "market", "dimensions", "sections", "landscape", "scenarios", NULL};

mkp_doc *mkp_load_buffer(const char *name, const unsigned char *buf, size_t len, diag_ctx *d)
{
    mkp_doc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        diag_error(d, 0, 0, "out of memory");
        return NULL;
    }
    arena_init(&doc->arena);
    loader L = {doc, &doc->arena, d};
    doc->model = arena_alloc(L.a, sizeof *doc->model);
    doc->model->size = sizeof *doc->model;
    doc->model->source_file = arena_strdup(L.a, name);
    int ok;
    int errors_before = d->errors;
    ynode *root = ytree_parse(L.a, d, buf, len, &ok);
    if (!ok)
        goto fail;
    if (!root) {
        diag_error(d, 1, 1, "the file is empty: a dataset needs 'report' and 'market' blocks");
        goto fail;
    }
    if (!want_kind(&L, root, Y_MAP, "a dataset"))
        goto fail;
    check_keys(&L, root, "the dataset", top_keys);
    const ynode *r = need(&L, root, "report", "the dataset");
    const ynode *mk = need(&L, root, "market", "the dataset");
    if (r && want_kind(&L, r, Y_MAP, "report"))
        load_report(&L, r);
    mkp_model *m = doc->model;
    if (!m->base_year || !m->forecast_end || m->forecast_end <= m->base_year)
        goto fail;
    if (mk && want_kind(&L, mk, Y_MAP, "market"))
        load_market(&L, mk);
    if (!doc->market.node)
        goto fail;
    m->market = doc->market.node;
    m->first_year = doc->market.history.n ? doc->market.history.v[0].year : m->base_year;
    m->n_years = m->forecast_end - m->first_year + 1;
    const ynode *n;
    if ((n = ytree_get(root, "dimensions")))
        load_dimensions(&L, n);
    if ((n = ytree_get(root, "sections")))
        load_sections(&L, n);
    if ((n = ytree_get(root, "landscape")))
        load_landscape(&L, n);
    if ((n = ytree_get(root, "scenarios")))
        load_scenarios(&L, n);
    if (d->errors == errors_before)
        return doc;
fail:
    mkp_doc_free(doc);
    return NULL;
}

mkp_doc *mkp_load_file(const char *path, diag_ctx *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(d, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fclose(f);
            diag_error(d, 0, 0, "out of memory");
            return NULL;
        }
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        if (cap >= MAX_FILE_BYTES) {
            fclose(f);
            free(buf);
            diag_error(d, 0, 0, "larger than %u MiB: not a dataset", MAX_FILE_BYTES >> 20);
            return NULL;
        }
        unsigned char *nb = realloc(buf, cap * 2);
        if (!nb)
            free(buf);
        buf = nb;
        cap *= 2;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        diag_error(d, 0, 0, "cannot read: %s", strerror(errno));
        return NULL;
    }
    mkp_doc *doc = mkp_load_buffer(path, buf, len, d);
    free(buf);
    return doc;
}

void mkp_doc_free(mkp_doc *doc)
{
    if (!doc)
        return;
    arena_free(&doc->arena);
    free(doc);
}
