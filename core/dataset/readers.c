/* readers.c - the loader's small readers: each checks one node (a key set,
 * a number, a year, an id, year: value points) and reports at its line
 * and column.  Texts, in several languages, are read in langs.c. */
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


size_t ld_edit_distance(const char *a, const char *b)
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
void ld_check_keys(loader *L, const ynode *map, const char *where, const char *const *allowed)
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
            size_t dist = ld_edit_distance(k->str, *p);
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

const ynode *ld_need(loader *L, const ynode *map, const char *key, const char *where)
{
    const ynode *v = ytree_get(map, key);
    if (v)
        return v;
    /* A near miss was already reported as an unknown key with this key as
     * its hint (the same closeness as ld_check_keys uses). */
    for (size_t i = 0; i < map->n; i++) {
        const char *k = map->keys[i]->str;
        size_t len = strlen(k);
        if (ld_edit_distance(k, key) <= (len < 5 ? 1u : len / 3 + 1))
            return NULL;
    }
    diag_error(L->d, map->line, map->col, "missing required key '%s' in %s", key, where);
    return NULL;
}

int ld_want_kind(loader *L, const ynode *n, ykind k, const char *what)
{
    if (n->kind == k && !(k == Y_SCALAR && n->len == 0))
        return 1;
    const char *exp = k == Y_SCALAR ? "a single value" : k == Y_MAP ? "a mapping (key: value)" : "a list";
    const char *got = ytree_kind_name(n);
    diag_error(L->d, n->line, n->col, "%s must be %s, not %s %s", what, exp,
               n->kind == Y_SCALAR && n->len == 0 ? "an" : "a", got);
    return 0;
}

int ld_parse_double(const ynode *n, double *out)
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
    /* ERANGE also marks an underflow (1e-320 is a subnormal, or 0): only
     * an overflow is not a number here. */
    if (*end || (errno == ERANGE && fabs(v) >= 1.0) || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

/* The number in a scalar node, whole when `whole`; on anything else the
 * error `bad` (formatted with what and the text) and 0. */
static int scalar_number(loader *L, const ynode *n, const char *what, int whole, const char *bad, double *v)
{
    if (!ld_want_kind(L, n, Y_SCALAR, what))
        return 0;
    if (ld_parse_double(n, v) && (!whole || *v == floor(*v)))
        return 1;
    diag_error(L->d, n->line, n->col, bad, what, n->str);
    return 0;
}

/* A non-negative number. */
int ld_get_amount(loader *L, const ynode *n, const char *what, double *out)
{
    double v;
    if (!scalar_number(L, n, what, 0, "%s must be a number, not '%s'", &v))
        return 0;
    if (v < 0) {
        diag_error(L->d, n->line, n->col, "%s must not be negative (%s)", what, n->str);
        return 0;
    }
    *out = v;
    return 1;
}

int ld_get_year(loader *L, const ynode *n, const char *what, int *out)
{
    double v;
    if (!scalar_number(L, n, what, 1, "%s must be a year such as 2025, not '%s'", &v))
        return 0;
    if (v < YEAR_MIN || v > YEAR_MAX) {
        diag_error(L->d, n->line, n->col, "%s %s is outside %d-%d", what, n->str, YEAR_MIN, YEAR_MAX);
        return 0;
    }
    *out = (int)v;
    return 1;
}

const char *ld_get_string(loader *L, const ynode *n, const char *what)
{
    if (!ld_want_kind(L, n, Y_SCALAR, what))
        return NULL;
    return n->str;
}

int ld_valid_id(const char *s)
{
    if (!*s || strlen(s) > 64 || s[0] == '-')
        return 0;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-'))
            return 0;
    return 1;
}

const char *ld_get_id(loader *L, const ynode *n, const char *what)
{
    const char *s = ld_get_string(L, n, what);
    if (s && !ld_valid_id(s)) {
        diag_error(L->d, n->line, n->col, "%s '%s' must be 1-64 of a-z, 0-9 and '-', not starting with '-'", what, s);
        return NULL;
    }
    return s;
}

const char *const *ld_get_string_list(loader *L, const ynode *n, const char *what, size_t *count)
{
    *count = 0;
    if (!ld_want_kind(L, n, Y_SEQ, what))
        return NULL;
    const char **v = arena_array(L->a, n->n + 1, sizeof *v);
    for (size_t i = 0; i < n->n; i++) {
        const char *s = ld_get_string(L, n->items[i], what);
        if (s)
            v[(*count)++] = s;
    }
    return v;
}

/* Digits after the decimal point of a number as written ("28.46" has 2,
 * "1.5e1" has 0): how finely the dataset states it. */
int ld_decimals(const char *s)
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
ypoints ld_get_points(loader *L, const ynode *n, const char *what, int lo, int hi, const char *range_name)
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
        if (!ld_get_year(L, n->keys[i], "a key", &year))
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
        if (!ld_get_amount(L, n->items[i], "a value", &v))
            continue;
        if (v > DS_VALUE_MAX) {
            diag_error(L->d, n->items[i]->line, n->items[i]->col,
                       "a value must be at most 1e12 of the report's unit, not %s", n->items[i]->str);
            continue;
        }
        p.v[p.n++] = (ypoint){year, v, n->items[i]->line, n->items[i]->col, ld_decimals(n->items[i]->str)};
    }
    qsort(p.v, p.n, sizeof *p.v, cmp_point);
    return p;
}

mkp_provenance ld_get_provenance(loader *L, const ynode *n, mkp_provenance dflt)
{
    if (!n)
        return dflt;
    const char *s = ld_get_string(L, n, "provenance");
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

int ds_valid_date(const char *s, long long *epoch)
{
    int y, m, d, len = 0;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &len) != 3 || len != 10 || m < 1 || m > 12 ||
        d < 1 || d > mdays[m - 1] || (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) ||
        y < YEAR_MIN || y > YEAR_MAX)
        return 0;
    if (epoch)
        *epoch = date_days_from_civil(y, m, d) * 86400LL;
    return 1;
}

const char *ld_get_date(loader *L, const ynode *n, const char *what, long long *epoch)
{
    const char *s = ld_get_string(L, n, what);
    if (!s)
        return NULL;
    if (!ds_valid_date(s, epoch)) {
        diag_error(L->d, n->line, n->col, "%s must be a date YYYY-MM-DD, not '%s'", what, s);
        return NULL;
    }
    return s;
}

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

size_t *ld_first_of(const char *const *ids, size_t n)
{
    id_at *by_id = xrealloc(NULL, (n ? n : 1) * sizeof *by_id);
    size_t *first = xrealloc(NULL, (n ? n : 1) * sizeof *first);
    for (size_t i = 0; i < n; i++) {
        by_id[i] = (id_at){ids[i], i};
        first[i] = i;
    }
    qsort(by_id, n, sizeof *by_id, cmp_id_at);
    for (size_t k = 1; k < n; k++)
        if (*by_id[k].id && strcmp(by_id[k].id, by_id[k - 1].id) == 0)
            first[by_id[k].at] = first[by_id[k - 1].at];
    free(by_id);
    return first;
}
