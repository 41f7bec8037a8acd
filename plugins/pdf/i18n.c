/* i18n.c - the report's own words, units and amounts, from the host's one
 * table of them (any language it has no words for gets English; the
 * dataset's own texts follow the job's language), and the way percentages
 * and dates are written. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pdf.h"

/* The host's key for each of the report's words: one table of words
 * (the host's) serves the report, the workbook and every chart. */
static const char *const keys[L_N] = {
    [L_CONTENTS] = "contents",
    [L_LIST_FIGURES] = "list-of-figures",
    [L_LIST_TABLES] = "list-of-tables",
    [L_FIGURE] = "figure",
    [L_TABLE] = "table",
    [L_TABLE_CONT] = "table-continued",
    [L_PAGE_OF] = "page-of",
    [L_EXEC] = "executive-summary",
    [L_MARKET] = "market-size-and-forecast",
    [L_DIM_CHAPTER] = "market-by",
    [L_SCENARIOS] = "scenario-analysis",
    [L_LANDSCAPE] = "competitive-landscape",
    [L_METHOD] = "research-methodology",
    [L_PROVENANCE] = "provenance-chapter",
    [L_CAGR_METHOD] = "cagr-method-chapter",
    [L_BASE_YEAR] = "base-year",
    [L_EST_YEAR] = "estimated-year",
    [L_FC_YEAR] = "forecast-year",
    [L_CAGR] = "cagr",
    [L_INDICATOR] = "indicator",
    [L_YEAR] = "year",
    [L_VALUE] = "value",
    [L_SEGMENT] = "segment",
    [L_TOTAL] = "total-market",
    [L_SHARE] = "share-of-market-year",
    [L_SHARE_PARENT] = "share-of-parent-year",
    [L_CAGR_RANGE] = "cagr-range",
    [L_SCENARIO] = "scenario",
    [L_PUBLISHED] = "published",
    [L_DERIVED] = "derived",
    [L_ILLUSTRATIVE] = "illustrative",
    [L_REPORT_KIND] = "report-kind",
    [L_PRODUCT] = "product-code",
    [L_EDITION] = "edition",
    [L_PUBLISHED_BY] = "published-by",
    [L_UNITS] = "values-in",
    [L_SHARE_NOTE] = "share-note",
    [L_SEGMENT_TABLE] = "segment-table",
    [L_DIM_FIGURES] = "dimension-figures",
    [L_CHART_MISSING] = "chart-missing",
    [L_PRESENTED] = "presented",
    [L_RIGHTS_PAGE] = "copyright-and-licence",
    [L_RIGHTS] = "all-rights-reserved",
    [L_LICENCE] = "licence",
    [L_LICENCE_TERMS] = "licence-terms",
    [L_DISCLAIMER] = "disclaimer",
    [L_DISCLAIMER_TERMS] = "disclaimer-terms",
    [L_ABOUT] = "about-publisher",
    [L_PUBLISHED_LINE] = "published-by-line",
    [L_PUBLISHER] = "publisher",
    [L_CONTACT] = "contact",
    [L_EMAIL] = "email",
    [L_WEB] = "web",
    [L_PHONE] = "phone",
    [L_ADDRESS] = "address",
    [L_SCOPE] = "scope-and-definitions",
    [L_SCOPE_CONT] = "scope-continued",
    [L_SCOPE_INTRO] = "scope-intro",
    [L_DEFINITION] = "definition",
};

const char *lb(const pdf_doc *d, int label)
{
    return d->host->label(d->job, keys[label]);
}

/* "USD billion", or in Chinese "十亿美元": the unit of every table value. */
const char *lb_unit(pdf_doc *d)
{
    char buf[128];
    d->host->format_unit(d->job, buf, sizeof buf);
    return ar_strdup(d, buf);
}

void lb_value(const pdf_doc *d, char *buf, size_t cap, double v)
{
    d->host->format_number(buf, cap, v, d->decimals, 1);
}

void lb_pct(const pdf_doc *d, char *buf, size_t cap, double fraction)
{
    d->host->format_percent(buf, cap, fraction, 2);
}

/* The same, as a string that lives as long as the document. */
const char *lb_percent(pdf_doc *d, double fraction)
{
    char b[32];
    lb_pct(d, b, sizeof b, fraction);
    return ar_strdup(d, b);
}

/* An amount in running text: "USD 28.46 billion", "284.6亿美元". */
void lb_money(pdf_doc *d, char *buf, size_t cap, double v)
{
    d->host->format_money(d->job, buf, cap, v, d->decimals);
}

/* The edition date: "15 January 2026" or "2026年1月15日". */
/* "15 January 2026", or in Chinese 2026年1月15日. */
static const char *day(pdf_doc *d, int y, int mo, int dd)
{
    static const char *const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    if (d->zh)
        return ar_printf(d, "%d年%d月%d日", y, mo, dd);
    return ar_printf(d, "%d %s %d", dd, months[mo - 1], y);
}

const char *lb_date(pdf_doc *d)
{
    int y = 0, mo = 0, dd = 0;
    const char *e = d->m->edition;
    if (!e || sscanf(e, "%d-%d-%d", &y, &mo, &dd) != 3) {
        if (d->m->edition_epoch <= 0)
            return ""; /* no edition: print none rather than 1 January 1970 */
        time_t t = (time_t)d->m->edition_epoch;
        struct tm tm;
        if (!gmtime_r(&t, &tm))
            return "";
        y = tm.tm_year + 1900;
        mo = tm.tm_mon + 1;
        dd = tm.tm_mday;
    }
    if (mo < 1 || mo > 12)
        return e ? e : "";
    return day(d, y, mo, dd);
}

/* A YYYY-MM-DD date (a licence's) as lb_date writes the edition's; any
 * other text as it is. */
const char *lb_day(pdf_doc *d, const char *iso)
{
    int y = 0, mo = 0, dd = 0;
    if (!iso || sscanf(iso, "%d-%d-%d", &y, &mo, &dd) != 3 || mo < 1 || mo > 12 || dd < 1 || dd > 31)
        return iso ? iso : "";
    return day(d, y, mo, dd);
}

/* The year of the edition, or 0 without one. */
static int edition_year(const pdf_doc *d)
{
    int y = 0;
    if (d->m->edition && sscanf(d->m->edition, "%d-", &y) == 1)
        return y;
    time_t t = (time_t)d->m->edition_epoch;
    struct tm tm;
    return d->m->edition_epoch > 0 && gmtime_r(&t, &tm) ? tm.tm_year + 1900 : 0;
}

/* "© 2026 marketpress Research": the year of the edition and the holder
 * (the dataset's copyright, else the publisher); "" with neither. */
const char *lb_copyright(pdf_doc *d)
{
    const mkp_model *m = d->m;
    const mkp_text *holder = MKP_HAS(mkp_model, m, definitions) && m->copyright.n ? &m->copyright : &m->publisher;
    const char *who = txt_short(d, holder);
    int y = edition_year(d);
    if (!*who)
        return y ? ar_printf(d, "\xC2\xA9 %d", y) : "";
    return y ? ar_printf(d, "\xC2\xA9 %d %s", y, who) : ar_printf(d, "\xC2\xA9 %s", who);
}

const char *lb_provenance(const pdf_doc *d, mkp_provenance p)
{
    return lb(d, p == MKP_PUBLISHED ? L_PUBLISHED : p == MKP_DERIVED ? L_DERIVED : L_ILLUSTRATIVE);
}

/* "Table 3" and "Table 3: title" ("表3：title"). */
const char *lb_numbered(pdf_doc *d, int label, int number)
{
    return ar_printf(d, lb(d, label), number);
}

const char *lb_caption(pdf_doc *d, int label, int number, const char *title)
{
    return ar_printf(d, d->host->label(d->job, "caption"), lb_numbered(d, label, number), title);
}

/* Whether a value (by its year flags) is a figure the publisher printed
 * or an actual, as against an estimate, an assumption or a scenario's. */
int lb_is_published(const pdf_doc *d, unsigned char flags)
{
    (void)d;
    mkp_value_class c = mkp_value_class_of(flags);
    return c == MKP_VALUE_PUBLISHED || c == MKP_VALUE_ACTUAL;
}

/* The colour of a kind of value, as the chart engine draws it. */
unsigned lb_class_color(const pdf_doc *d, mkp_value_class c)
{
    return d->col.values[(unsigned)c < MKP_VALUE_CLASSES ? c : MKP_VALUE_ESTIMATE];
}

/* The legend word of a kind of value ("Published value"). */
const char *lb_class(const pdf_doc *d, mkp_value_class c)
{
    char key[32]; /* the label "class-<its name>", as the chart engine's legend says it */
    snprintf(key, sizeof key, "class-%s", mkp_value_class_name(c));
    const char *w = d->host->label(d->job, key);
    return w == key ? mkp_value_class_name(c) : w; /* an unknown key comes back as itself */
}
