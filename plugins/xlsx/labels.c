/* labels.c - the workbook's own words, from the host's one table of them
 * (any language it has no words for gets English; the dataset's own texts
 * follow the job's language), texts
 * made fit for a fixed buffer and for XML, how wide a text is in a cell,
 * and sheet names that Excel accepts: cleaned, cut to 31 UTF-16 units on a
 * character boundary and unique ignoring case. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

#define SHEET_NAME_MAX 31           /* UTF-16 units */

/* The host's key for each of the workbook's words: one table of words
 * (the host's) serves the workbook, the report and every chart. */
static const char *const keys[L_COUNT] = {
    [L_FIGURE] = "figure",
    [L_TABLE] = "table",
    [L_KEY_STATS] = "key-statistics",
    [L_METRIC] = "metric",
    [L_YEAR] = "year",
    [L_BASE] = "market-size-base",
    [L_ESTIMATED] = "market-size-estimated",
    [L_FORECAST] = "market-size-forecast",
    [L_CAGR] = "cagr",
    [L_CAGR_PUBLISHED] = "cagr-published",
    [L_BY_YEAR] = "market-size-by-year",
    [L_MARKET_SIZE] = "market-size",
    [L_GROWTH] = "growth",
    [L_BASIS] = "basis",
    [L_SCENARIOS] = "scenarios-table",
    [L_SCENARIO] = "scenario",
    [L_SHOWN] = "shown",
    [L_SEGMENT] = "segment",
    [L_TOTAL] = "total",
    [L_SHARE_PARENT] = "share-of-parent",
    [L_PROVENANCE] = "provenance",
    [L_LEVEL] = "level",
    [L_DIMENSION] = "dimension",
    [L_PARENT] = "parent",
    [L_SERIES] = "series",
    [L_PATH] = "series-path",
    [L_VALUE] = "value",
    [L_YEAR_BASIS] = "year-basis",
    [L_MARKET] = "market",
    [L_TOTAL_MARKET] = "total-market",
    [L_PUBLISHED] = "published",
    [L_DERIVED] = "derived",
    [L_ILLUSTRATIVE] = "illustrative",
    [L_HISTORY] = "history",
    [L_ANCHOR] = "given",
    [L_FORECAST_YEAR] = "forecast",
    [L_ESTIMATE] = "estimate",
    [L_ACTUAL] = "actual",
    [L_SCENARIO_VALUE] = "scenario-value",
    [L_PERCENT] = "percent",
    [L_NOTES] = "notes",
    [L_SOURCE] = "source",
    [L_EDITION] = "edition",
    [L_PRODUCT] = "product-code",
    [L_PUBLISHER] = "publisher",
    [L_DATASET] = "dataset",
    [L_GENERATED] = "generated-by",
    [L_METHODOLOGY] = "methodology",
    [L_RECONCILE] = "reconcile-rule",
    [L_CAGR_RULE] = "cagr-rule",
    [L_PRECISION] = "precision",
    [L_PROV_TITLE] = "provenance-title",
    [L_GIVEN_YEARS] = "given-years",
    [L_DIM_SERIES] = "dim-series",
    [L_MORE] = "more-in-data",
    [L_FIGURES_TITLE] = "figures-and-tables",
    [L_SHEET] = "sheet",
    [L_CATEGORY] = "category",
    [L_GROUP] = "group",
    [L_UNIT_NOTE] = "unit-note",
    [L_PAGE] = "page-header",
    [L_NA] = "n-a",
    [L_SHEET_SUMMARY] = "sheet-summary",
    [L_SHEET_SCENARIOS] = "sheet-scenarios",
    [L_SHEET_DATA] = "sheet-data",
    [L_SHEET_CHART_DATA] = "sheet-chart-data",
    [L_SHEET_NOTES] = "sheet-notes",
    [L_COPYRIGHT] = "copyright",
    [L_RIGHTS] = "all-rights-reserved",
    [L_LICENCE] = "licence",
    [L_LICENCE_TERMS] = "licence-terms",
    [L_SCOPE] = "scope-and-definitions",
    [L_DEFINITION] = "definition",
};

const char *lb(const book *b, int key)
{
    return host->label(b->job, keys[key]);
}

/* "Table 2: Market by Model Type (USD billion)" into buf, cut at a
 * character boundary; returns the length. */
size_t lb_numbered(const book *b, char *buf, size_t cap, int key, int number, const char *title)
{
    char num[64];
    tx_cat(num, sizeof num, 0, lb(b, key), number);
    return tx_cat(buf, cap, 0, host->label(b->job, "caption"), num, title);
}

/* "© 2026 marketpress Research. All rights reserved.": the edition's
 * year and the holder (the dataset's copyright, else the publisher), as
 * the report's copyright page says it; 0 and "" with neither. */
size_t lb_copyright(const book *b, char *buf, size_t cap)
{
    const mkp_model *m = b->m;
    const mkp_text *holder = MKP_HAS(mkp_model, m, definitions) && m->copyright.n ? &m->copyright : &m->publisher;
    const char *who = tx(b, holder);
    int year = 0;
    buf[0] = '\0';
    if (m->edition)
        sscanf(m->edition, "%d-", &year);
    if (!*who && !year)
        return 0;
    size_t o = tx_cat(buf, cap, 0, "\xC2\xA9");
    if (year)
        o = tx_cat(buf, cap, o, " %d", year);
    if (*who)
        o = tx_cat(buf, cap, o, " %s", who);
    int zh = strncmp(b->job->lang ? b->job->lang : "en", "zh", 2) == 0;
    return tx_cat(buf, cap, o, "%s%s", zh ? "\xE3\x80\x82" : ". ", lb(b, L_RIGHTS));
}

/* The basis of a year in the Summary's Basis row and the Data table. */
const char *lb_basis(const book *b, unsigned char flags)
{
    if (flags & MKP_YEAR_HISTORY)
        return lb(b, L_HISTORY);
    if (flags & MKP_YEAR_ANCHOR)
        return lb(b, L_ANCHOR);
    if (flags & MKP_YEAR_FORECAST)
        return lb(b, L_FORECAST_YEAR);
    return lb(b, L_ESTIMATE);
}

/* What one value is (mkp_value_class), in the Data table's Provenance
 * column: published, actual, illustrative, estimate or scenario. */
const char *lb_value_class(const book *b, unsigned char flags)
{
    static const int class_keys[MKP_VALUE_CLASSES] = {L_PUBLISHED, L_ACTUAL, L_ILLUSTRATIVE, L_ESTIMATE,
                                                      L_SCENARIO_VALUE};
    return lb(b, class_keys[mkp_value_class_of(flags)]);
}

const char *lb_provenance(const book *b, mkp_provenance p)
{
    return lb(b, p == MKP_PUBLISHED ? L_PUBLISHED : p == MKP_DERIVED ? L_DERIVED : L_ILLUSTRATIVE);
}

/* A dataset text in the job's language, with the host's fallbacks. */
const char *tx(const book *b, const mkp_text *t)
{
    return host->text(t, b->lang);
}

/* ---- text measure and cleaning ------------------------------------------ */

size_t tx_boundary(const char *s, size_t n)
{
    size_t k = n;
    while (k > 0 && n - k < 3 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k == 0)
        return n;
    unsigned char lead = (unsigned char)s[k - 1];
    size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return n - (k - 1) < want ? k - 1 : n;
}

size_t tx_cat(char *buf, size_t cap, size_t o, const char *fmt, ...)
{
    if (o >= cap)
        return cap;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + o, cap - o, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < cap - o)
        return o + (size_t)n;
    if (n < 0)
        buf[o] = '\0';
    else
        buf[tx_boundary(buf, cap - 1)] = '\0';
    return cap;
}

/* What tx_xml puts for code point c at a place where it must change, or c. */
static uint32_t xml_char(uint32_t c, int broken)
{
    if (broken || c == 0xFFFE || c == 0xFFFF)
        return 0xFFFD;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        return ' ';
    return c;
}

const char *tx_xml(book *b, const char *s)
{
    if (!s)
        return s;
    size_t len = strlen(s), i = 0;
    int clean = 1;
    while (clean && i < len) {
        size_t at = i;
        uint32_t c = mkp_utf8_next(s, len, &i);
        int broken = c == 0xFFFD && i == at + 1;
        clean = xml_char(c, broken) == c && !broken;
    }
    if (clean)
        return s;
    char *out = malloc(len * 3 + 1), **list = realloc(b->clean, (b->n_clean + 1) * sizeof *list);
    if (!out || !list) {
        free(out);
        if (list)
            b->clean = list;
        note_err(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return "";
    }
    b->clean = list;
    b->clean[b->n_clean++] = out;
    size_t o = 0;
    for (i = 0; i < len;) {
        size_t at = i;
        uint32_t c = mkp_utf8_next(s, len, &i);
        int broken = c == 0xFFFD && i == at + 1;
        /* A sequence that only lacks its end was cut by a buffer: drop it. */
        if (broken && (unsigned char)s[at] >= 0xC0 && len - at < 4)
            break;
        uint32_t w = xml_char(c, broken);
        if (w == c && !broken) {
            memcpy(out + o, s + at, i - at);
            o += i - at;
        } else if (w < 0x80) {
            out[o++] = (char)w;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
        }
    }
    out[o] = '\0';
    return out;
}

/* Columns a text takes in a cell: East Asian wide characters take two. */
double tx_width(const char *s)
{
    double w = 0;
    for (size_t i = 0; s[i];)
        w += mkp_is_wide(mkp_utf8_next(s, (size_t)-1, &i)) ? 2 : 1;
    return w;
}

/* The file name of a path, for the notes and the document comment. */
const char *tx_base_name(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash ? slash + 1 : path ? path : "";
}

/* ---- sheet names -------------------------------------------------------- */

/* Simple case folding, enough for Excel's case-blind sheet name check in
 * Latin, Greek and Cyrillic scripts. */
static uint32_t fold(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c >= 0x100 && c <= 0x17F && !(c & 1))
        return c + 1;
    return c;
}

static int same_name(const char *a, const char *c)
{
    size_t i = 0, k = 0;
    while (a[i] && c[k])
        if (fold(mkp_utf8_next(a, (size_t)-1, &i)) != fold(mkp_utf8_next(c, (size_t)-1, &k)))
            return 0;
    return !a[i] && !c[k];
}

/* Copies `in` without Excel's forbidden []:*?/\ and control characters,
 * with runs of spaces collapsed and no leading or trailing space or
 * apostrophe, cut to `max_units` UTF-16 units on a character boundary. */
static void clean_sheet_name(const char *in, char out[NAME_CAP], int max_units)
{
    size_t o = 0;
    int units = 0;
    for (size_t i = 0; in[i];) {
        size_t start = i;
        uint32_t cp = mkp_utf8_next(in, (size_t)-1, &i);
        /* strchr would see only the low byte of a wider code point. */
        int broken = cp == 0xFFFD && i == start + 1; /* not UTF-8: XML could not hold it */
        int bad = cp < 0x20 || cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF || broken ||
                  (cp < 0x80 && strchr("[]:*?/\\", (int)cp) != NULL);
        if (bad || cp == ' ') {
            if (o > 0 && out[o - 1] != ' ' && units < max_units && o + 1 < NAME_CAP) {
                out[o++] = ' ';
                units++;
            }
            continue;
        }
        int need = cp > 0xFFFF ? 2 : 1;
        if (units + need > max_units || o + (i - start) >= NAME_CAP)
            break;
        if (o == 0 && cp == '\'')
            continue;
        memcpy(out + o, in + start, i - start);
        o += i - start;
        units += need;
    }
    while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\''))
        o--;
    out[o] = '\0';
}

/* Against every name given so far: the fixed sheets are named before any
 * dimension, so a dimension called "Data" becomes "Data (2)". */
static int name_taken(const book *b, const char *name)
{
    if (same_name(name, "History")) /* reserved by Excel */
        return 1;
    const sheet *fixed[] = {&b->summary, &b->data, &b->chart_data, &b->notes};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (same_name(name, fixed[i]->name))
            return 1;
    for (size_t d = 0; b->dims && d < b->m->n_dimensions; d++)
        if (b->dims[d].name[0] && same_name(name, b->dims[d].name))
            return 1;
    return 0;
}

/* A valid, unique sheet name from `want`: cleaned, cut to 31 units, and
 * " (2)", " (3)"... appended (within the 31) while it collides. */
void tx_sheet_name(const book *b, const char *want, const char *fallback, char out[NAME_CAP])
{
    char base[NAME_CAP];
    clean_sheet_name(want, base, SHEET_NAME_MAX);
    if (!base[0])
        clean_sheet_name(fallback, base, SHEET_NAME_MAX);
    snprintf(out, NAME_CAP, "%s", base);
    for (int k = 2; name_taken(b, out); k++) {
        char suffix[16], cut[NAME_CAP];
        int n = snprintf(suffix, sizeof suffix, " (%d)", k);
        clean_sheet_name(base, cut, SHEET_NAME_MAX - n);
        snprintf(out, NAME_CAP, "%.100s%s", cut, suffix);
    }
}
