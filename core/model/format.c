/* format.c - numbers for people.  printf's %f follows LC_NUMERIC, so the
 * digits are produced here from integers: a report never prints "28,46"
 * because the caller's locale says so. */
#include "base/alloc.h"
#include "model/format.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double pow10_table[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

size_t fmt_number(char *buf, size_t cap, double v, int decimals, int group)
{
    if (cap == 0)
        return 0;
    if (!isfinite(v))
        return (size_t)snprintf(buf, cap, "%s", "n/a") < cap ? strlen(buf) : cap - 1;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 9)
        decimals = 9;
    int neg = v < 0;
    double scaled = fabs(v) * pow10_table[decimals];
    if (scaled >= 9e18) /* beyond integers: say it plainly in exponent form */
        return (size_t)snprintf(buf, cap, "%.3e", v) < cap ? strlen(buf) : cap - 1;
    uint64_t q = (uint64_t)llround(scaled);
    uint64_t ip = q, fp = 0;
    uint64_t div = (uint64_t)pow10_table[decimals];
    ip = q / div;
    fp = q % div;
    char tmp[64];
    int n = 0;
    /* fraction digits, reversed */
    for (int i = 0; i < decimals; i++) {
        tmp[n++] = (char)('0' + fp % 10);
        fp /= 10;
    }
    if (decimals)
        tmp[n++] = '.';
    int digits = 0;
    do {
        if (group && digits && digits % 3 == 0)
            tmp[n++] = ',';
        tmp[n++] = (char)('0' + ip % 10);
        ip /= 10;
        digits++;
    } while (ip);
    if (neg && q)
        tmp[n++] = '-';
    size_t len = 0;
    while (n > 0 && len + 1 < cap)
        buf[len++] = tmp[--n];
    buf[len] = '\0';
    return len;
}

size_t fmt_percent(char *buf, size_t cap, double fraction, int decimals)
{
    size_t n = fmt_number(buf, cap, fraction * 100.0, decimals, 0);
    if (isfinite(fraction) && n + 1 < cap) {
        buf[n++] = '%';
        buf[n] = '\0';
    }
    return n;
}

int fmt_cmp_ranked(const void *a, const void *b)
{
    const fmt_ranked *x = a, *y = b;
    int xn = isnan(x->value), yn = isnan(y->value);
    if (xn != yn)
        return xn - yn;
    if (!xn && x->value != y->value)
        return x->value < y->value ? 1 : -1;
    return (x->at > y->at) - (x->at < y->at);
}

/* Largest remainder: floor every share to the step, then hand the missing
 * steps to the largest remainders (ties to the earlier sibling). */
void fmt_round_shares(const double *fractions, size_t n, int decimals, double *out)
{
    if (n == 0)
        return;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    double scale = pow10_table[decimals];
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += fractions[i] > 0 ? fractions[i] : 0;
    fmt_ranked *rem = xmalloc(n * sizeof *rem);
    long long target = llround(100.0 * scale), have = 0;
    long long *units = xmalloc(n * sizeof *units);
    for (size_t i = 0; i < n; i++) {
        double f = total > 0 && fractions[i] > 0 ? fractions[i] / total : 0;
        double exact = f * 100.0 * scale;
        units[i] = (long long)floor(exact + 1e-9);
        rem[i] = (fmt_ranked){exact - (double)units[i], i};
        have += units[i];
    }
    if (total > 0) {
        qsort(rem, n, sizeof *rem, fmt_cmp_ranked);
        for (size_t k = 0; have < target && k < n; k++, have++)
            units[rem[k].at]++;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = (double)units[i] / scale;
    free(rem);
    free(units);
}

/* The entry a text is shown in for `lang`: that language, else English,
 * else the first; NULL for an empty text.  text() and text_lang() both
 * ask this, so the language named is the one shown. */
static const mkp_text_entry *text_entry(const mkp_text *t, const char *lang)
{
    if (!t || t->n == 0)
        return NULL;
    if (lang)
        for (size_t i = 0; i < t->n; i++)
            if (strcmp(t->v[i].lang, lang) == 0)
                return &t->v[i];
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->v[i].lang, "en") == 0)
            return &t->v[i];
    return &t->v[0];
}

const char *fmt_text(const mkp_text *t, const char *lang)
{
    const mkp_text_entry *e = text_entry(t, lang);
    return e ? e->text : "";
}

const char *fmt_text_lang(const mkp_text *t, const char *lang)
{
    const mkp_text_entry *e = text_entry(t, lang);
    return e && e->lang ? e->lang : "";
}

/* ---- decimals ------------------------------------------------------------ */

/* The value at `decimals` places as an integer count of its last place:
 * two values read the same exactly when these are equal. */
static long long at_places(double v, int decimals)
{
    double scaled = v * pow10_table[decimals];
    return fabs(scaled) < 9e18 ? llround(scaled) : (long long)(scaled > 0 ? 9e18 : -9e18);
}

static int base_decimals(const double *v, size_t n, int kind)
{
    if (kind == MKP_NUMBER_SHARE)
        return 1;
    if (kind == MKP_NUMBER_RATE)
        return 2;
    double top = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i]) && fabs(v[i]) > top)
            top = fabs(v[i]);
    return top >= 1000 ? 0 : top >= 100 ? 1 : 2;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Whether `decimals` places show no value but zero (at the cap) as zero
 * and, when `distinct`, tell apart every two values that differ at the
 * cap.  In sorted
 * values a label can only be shared by neighbours. */
static int tells_apart(const double *sorted, size_t n, int decimals, int distinct)
{
    for (size_t i = 0; i < n; i++) {
        long long r = at_places(sorted[i], decimals), c = at_places(sorted[i], FMT_DECIMALS_CAP);
        if (c != 0 && r == 0)
            return 0;
        if (distinct && i && c != at_places(sorted[i - 1], FMT_DECIMALS_CAP) &&
            r == at_places(sorted[i - 1], decimals))
            return 0;
    }
    return 1;
}

int fmt_decimals_from(const double *values, size_t n, int decimals, int distinct)
{
    int d = decimals < 0 ? 0 : decimals;
    if (d >= FMT_DECIMALS_CAP || n == 0)
        return d;
    double *sorted = xmalloc(n * sizeof *sorted);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(values[i]))
            sorted[k++] = values[i];
    qsort(sorted, k, sizeof *sorted, cmp_double);
    while (d < FMT_DECIMALS_CAP && !tells_apart(sorted, k, d, distinct))
        d++;
    free(sorted);
    return d;
}

int fmt_decimals(const double *values, size_t n, int kind, int distinct)
{
    return fmt_decimals_from(values, n, base_decimals(values, n, kind), distinct);
}
