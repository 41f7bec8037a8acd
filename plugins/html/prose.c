/* prose.c - the sentences the page writes itself from the model's
 * numbers, in English or Chinese: the market overview, a summary when the
 * dataset has none, a dimension's key figures, and the method behind the
 * growth rates.  Amounts and rates come from the host's formatting, the
 * words of a kind of value from its table of words. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "html.h"

/* The decimals of amounts in running text: those of the market chart. */
static int money_decimals(const ht_doc *d)
{
    return d->m->n_figures ? mkp_figure_at(d->m, 0)->decimals : 2;
}

void ht_money(const ht_doc *d, char *buf, size_t cap, int year)
{
    int i = mkp_year_index(d->m, year);
    d->host->format_money(d->job, buf, cap, i >= 0 ? d->m->market->value[i] : NAN, money_decimals(d));
}

static void rate(const ht_doc *d, char *buf, size_t cap, double fraction)
{
    d->host->format_percent(buf, cap, fraction, 2);
}

static void sentence_p(ht_doc *d, const char *s)
{
    ht_put(d->out, "<p>");
    ht_escape(d->out, s);
    ht_put(d->out, "</p>\n");
}

/* A paragraph of the host's words. */
static void label_p(ht_doc *d, const char *key)
{
    ht_put(d->out, "<p");
    ht_label_lang(d, d->out);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_label(d, key));
    ht_put(d->out, "</p>\n");
}

static void market_sentence(ht_doc *d)
{
    const mkp_model *m = d->m;
    char base[96], est[96], end[96], cagr[32], s[1024];
    ht_money(d, base, sizeof base, m->base_year);
    ht_money(d, est, sizeof est, m->estimated_year);
    ht_money(d, end, sizeof end, m->forecast_end);
    rate(d, cagr, sizeof cagr, m->market->cagr);
    if (d->zh)
        snprintf(s, sizeof s,
                 "%d年（基准年）市场规模为%s，%d年（估计年）为%s。预计到%d年达到%s，"
                 "%d–%d年的年复合增长率为%s。",
                 m->base_year, base, m->estimated_year, est, m->forecast_end, end, m->cagr_start, m->forecast_end,
                 cagr);
    else
        snprintf(s, sizeof s,
                 "The market is put at %s in %d, the base year, and at %s in %d, the estimated year. By %d it "
                 "grows to %s, a compound annual growth rate of %s over %d–%d.",
                 base, m->base_year, est, m->estimated_year, m->forecast_end, end, cagr, m->cagr_start,
                 m->forecast_end);
    sentence_p(d, s);
}

/* "Years given in the dataset: 2025 (published), 2026 (illustrative)". */
static void given_years(ht_doc *d)
{
    const mkp_model *m = d->m;
    ht_put(d->out, "<p");
    ht_label_lang(d, d->out);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_label(d, "given-years"));
    ht_put(d->out, d->zh ? "：" : ": ");
    int n = 0;
    for (int i = 0; i < m->n_years; i++) {
        unsigned f = m->market->flags[i];
        if (!(f & (MKP_YEAR_ANCHOR | MKP_YEAR_HISTORY)))
            continue;
        const char *kind = mkp_value_class_name(mkp_value_class_of(f));
        ht_printf(d->out, "%s%d (", n++ ? (d->zh ? "、" : ", ") : "", m->first_year + i);
        ht_escape(d->out, ht_label(d, strcmp(kind, "scenario") == 0 ? "scenario-value" : kind));
        ht_put(d->out, ")");
    }
    ht_put(d->out, d->zh ? "。</p>\n" : ".</p>\n");
}

void ht_market_prose(ht_doc *d)
{
    const mkp_model *m = d->m;
    market_sentence(d);
    given_years(d);
    if (m->n_scenarios > 1 && m->scenario && m->scenario != mkp_scenario_at(m, 0)) {
        char s[512];
        snprintf(s, sizeof s, ht_label(d, "presented"), ht_text(d, &m->scenario->title));
        sentence_p(d, s);
    }
}

/* The children of a dimension's node with the largest share in `year`,
 * and its share rounded with its siblings' (host->round_shares). */
static size_t largest(const ht_doc *d, const mkp_node *dim, int yi, char *share, size_t cap)
{
    size_t best = 0, n = dim->n_children;
    double fr[64], pct[64];
    for (size_t i = 0; i < n; i++) {
        const mkp_node *c = mkp_child_at(d->m, dim, i);
        if (c->share[yi] > mkp_child_at(d->m, dim, best)->share[yi])
            best = i;
        if (i < 64)
            fr[i] = c->share[yi];
    }
    if (n <= 64) {
        d->host->round_shares(fr, n, 1, pct);
        d->host->format_percent(share, cap, pct[best] / 100.0, 1);
    } else {
        d->host->format_percent(share, cap, mkp_child_at(d->m, dim, best)->share[yi], 1);
    }
    return best;
}

/* The child with the highest (sign 1) or lowest (sign -1) CAGR. */
static size_t by_cagr(const ht_doc *d, const mkp_node *dim, int sign)
{
    size_t best = 0;
    for (size_t i = 1; i < dim->n_children; i++)
        if (sign * mkp_child_at(d->m, dim, i)->cagr > sign * mkp_child_at(d->m, dim, best)->cagr)
            best = i;
    return best;
}

static void bullet(ht_doc *d, const char *s)
{
    ht_put(d->out, "<li>");
    ht_escape(d->out, s);
    ht_put(d->out, "</li>\n");
}

static void largest_bullet(ht_doc *d, const mkp_node *dim, int year)
{
    char share[32], s[512];
    int yi = mkp_year_index(d->m, year);
    if (yi < 0)
        return;
    const mkp_node *c = mkp_child_at(d->m, dim, largest(d, dim, yi, share, sizeof share));
    if (d->zh)
        snprintf(s, sizeof s, "%d年最大的细分市场：%s，占%s。", year, ht_text(d, &c->title), share);
    else
        snprintf(s, sizeof s, "Largest segment in %d: %s, %s of the market.", year, ht_text(d, &c->title), share);
    bullet(d, s);
}

static void growth_bullet(ht_doc *d, const mkp_node *dim, int sign)
{
    const mkp_node *c = mkp_child_at(d->m, dim, by_cagr(d, dim, sign));
    char r[32], s[512];
    rate(d, r, sizeof r, c->cagr);
    if (d->zh)
        snprintf(s, sizeof s, "%s：%s，%d–%d年年复合增长率%s。", sign > 0 ? "增长最快" : "增长最慢",
                 ht_text(d, &c->title), d->m->cagr_start, d->m->forecast_end, r);
    else
        snprintf(s, sizeof s, "%s: %s, a CAGR of %s over %d–%d.", sign > 0 ? "Fastest growth" : "Slowest growth",
                 ht_text(d, &c->title), r, d->m->cagr_start, d->m->forecast_end);
    bullet(d, s);
}

/* A dimension's key figures: its largest segment at both ends of the
 * forecast, and its fastest and slowest growing ones. */
void ht_dimension_prose(ht_doc *d, const mkp_node *dim)
{
    if (dim->n_children < 2)
        return;
    ht_put(d->out, "<ul class=\"key-figures\">\n");
    largest_bullet(d, dim, d->m->base_year);
    largest_bullet(d, dim, d->m->forecast_end);
    growth_bullet(d, dim, 1);
    growth_bullet(d, dim, -1);
    ht_put(d->out, "</ul>\n");
}

/* Without an executive summary of the dataset's: the market in one
 * paragraph and each dimension's leading segment. */
void ht_summary_prose(ht_doc *d)
{
    market_sentence(d);
    ht_put(d->out, "<ul>\n");
    for (size_t i = 0; i < d->m->n_dimensions; i++) {
        const mkp_node *dim = mkp_dimension_at(d->m, i);
        int yi = mkp_year_index(d->m, d->m->forecast_end);
        if (!dim->n_children || yi < 0)
            continue;
        char share[32], s[512];
        const mkp_node *c = mkp_child_at(d->m, dim, largest(d, dim, yi, share, sizeof share));
        if (d->zh)
            snprintf(s, sizeof s, "按%s划分：%s居首，%d年占%s。", ht_text(d, &dim->title), ht_text(d, &c->title),
                     d->m->forecast_end, share);
        else
            snprintf(s, sizeof s, "By %s: %s leads, with %s of the market in %d.", ht_text(d, &dim->title),
                     ht_text(d, &c->title), share, d->m->forecast_end);
        bullet(d, s);
    }
    ht_put(d->out, "</ul>\n");
}

/* The kinds of value, each with the colour every chart gives it. */
static void classes(ht_doc *d)
{
    ht_put(d->out, "<ul class=\"classes\">\n");
    for (int k = 0; k < MKP_VALUE_CLASSES; k++) {
        char key[32];
        mkp_color c = d->theme->values[k]; /* the chart engine's colour for the class */
        snprintf(key, sizeof key, "class-%s", mkp_value_class_name((mkp_value_class)k));
        /* the swatch is drawn by CSS from the colour, not an empty element */
        ht_printf(d->out, "<li style=\"--swatch:#%02x%02x%02x\"", c.r, c.g, c.b);
        ht_label_lang(d, d->out);
        ht_put(d->out, ">");
        ht_escape(d->out, ht_label(d, key));
        ht_put(d->out, "</li>\n");
    }
    ht_put(d->out, "</ul>\n");
}

/* How the growth rates are computed, the publisher's CAGR beside the
 * model's, how segments add up, and the kinds of value. */
void ht_method_prose(ht_doc *d)
{
    const mkp_model *m = d->m;
    char s[1024], ours[32], theirs[32];
    ht_heading(d, ht_label(d, "cagr-method-chapter"), d->label_lang, NULL);
    int years = m->forecast_end - m->cagr_start;
    const char *cagr = ht_label(d, "cagr");
    if (d->zh)
        snprintf(s, sizeof s, "%s = (%d年数值 / %d年数值)^(1/%d) − 1", cagr, m->forecast_end, m->cagr_start, years);
    else
        snprintf(s, sizeof s, "%s = (value in %d / value in %d)^(1/%d) − 1", cagr, m->forecast_end, m->cagr_start,
                 years);
    ht_put(d->out, "<p class=\"formula\">");
    ht_escape(d->out, s);
    ht_put(d->out, "</p>\n");
    if (m->has_published_cagr) {
        rate(d, ours, sizeof ours, m->market->cagr);
        rate(d, theirs, sizeof theirs, m->published_cagr);
        if (d->zh)
            snprintf(s, sizeof s, "出版方公布的年复合增长率为%s，本模型计算所得为%s。", theirs, ours);
        else
            snprintf(s, sizeof s, "The publisher printed a CAGR of %s; the model computes %s.", theirs, ours);
        sentence_p(d, s);
    }
    label_p(d, "reconcile-rule");
    ht_heading(d, ht_label(d, "provenance-title"), d->label_lang, NULL);
    classes(d);
}
