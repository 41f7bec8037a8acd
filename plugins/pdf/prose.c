/* prose.c - sentences the report writes itself from the model's numbers
 * (English and Chinese): the market overview, a summary when the dataset
 * has none, key figures per dimension, scenario notes, and the methodology
 * (provenance of every figure and table, the CAGR formula). */
#include <math.h>
#include <string.h>

#include "pdf.h"

static const char *money(pdf_doc *d, int year)
{
    char b[96];
    int i = mkp_year_index(d->m, year);
    lb_money(d, b, sizeof b, i >= 0 ? d->m->market->value[i] : NAN);
    return ar_strdup(d, b);
}

/* "2025, 2026 and 2032" / "2025年、2026年和2032年". */
static const char *year_list(pdf_doc *d, const int *years, size_t n)
{
    const char *s = "";
    for (size_t i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : i + 1 < n ? (d->zh ? "、" : ", ") : (d->zh ? "和" : " and ");
        s = ar_printf(d, d->zh ? "%s%s%d年" : "%s%s%d", s, sep, years[i]);
    }
    return s;
}

static const char *market_sentences(pdf_doc *d)
{
    const mkp_model *m = d->m;
    if (d->zh)
        return ar_printf(d,
                         "本报告以%d年为基准年，当年市场规模为%s；%d年（估计年）预计为%s。"
                         "预测期末%d年市场规模将达到%s，%d–%d年的年复合增长率为%s。",
                         m->base_year, money(d, m->base_year), m->estimated_year, money(d, m->estimated_year),
                         m->forecast_end, money(d, m->forecast_end), m->cagr_start, m->forecast_end,
                         lb_percent(d, m->market->cagr));
    return ar_printf(d,
                     "In %d, the base year of this report, the market stood at %s; for %d, the estimated year, "
                     "it is put at %s. The forecast reaches %s in %d, which is a compound annual growth rate of "
                     "%s between %d and %d.",
                     m->base_year, money(d, m->base_year), m->estimated_year, money(d, m->estimated_year),
                     money(d, m->forecast_end), m->forecast_end, lb_percent(d, m->market->cagr), m->cagr_start,
                     m->forecast_end);
}

/* History, anchors and the range of yearly growth. */
static const char *series_sentences(pdf_doc *d)
{
    const mkp_model *m = d->m;
    const char *s = "";
    if (m->first_year < m->base_year)
        s = ar_printf(d, d->zh ? "%d–%d年为历史实际值，不属于预测。" : "Values for %d to %d are actuals, not forecasts. ",
                      m->first_year, m->base_year - 1);
    int *years = ar_alloc(d, (size_t)m->n_years * sizeof *years);
    size_t n = 0;
    for (int i = 0; i < m->n_years; i++)
        if (m->market->flags[i] & MKP_YEAR_ANCHOR)
            years[n++] = m->first_year + i;
    int published = m->market->provenance == MKP_PUBLISHED;
    if (n)
        s = ar_printf(d,
                      d->zh ? (published ? "%s%s的数值为已公布数据，其间各年份由预测模型插值得出。"
                                         : "%s%s的数值由数据集给定，其间各年份由预测模型插值得出。")
                            : (published ? "%sThe values for %s are published figures; the years between them are "
                                           "interpolated by the forecast. "
                                         : "%sThe values for %s are given in the dataset; the years between them are "
                                           "interpolated by the forecast. "),
                      s, year_list(d, years, n));
    double lo = INFINITY, hi = -INFINITY;
    for (int y = m->cagr_start + 1; y <= m->forecast_end; y++) {
        int i = mkp_year_index(m, y);
        if (i <= 0 || !(m->market->value[i - 1] > 0))
            continue;
        double g = m->market->value[i] / m->market->value[i - 1] - 1;
        lo = g < lo ? g : lo;
        hi = g > hi ? g : hi;
    }
    if (lo <= hi)
        s = ar_printf(d, d->zh ? "%s预测期内市场的年增长率介于%s至%s之间。" : "%sYear-on-year growth ranges from %s to %s over the forecast period.",
                      s, lb_percent(d, lo), lb_percent(d, hi));
    return s;
}

/* `overview`: the executive summary came from the dataset, so the market
 * sentences have not been printed yet. */
void pr_market(pdf_doc *d, int overview)
{
    if (overview)
        fl_paragraph(d, market_sentences(d), 1);
    fl_paragraph(d, series_sentences(d), 1);
}

/* ---- key figures of a dimension ------------------------------------------ */

static size_t largest(const mkp_node *kids, size_t n, int yi)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (kids[i].value[yi] > kids[best].value[yi])
            best = i;
    return best;
}

/* Index of the fastest (sign 1) or slowest (sign -1) growing child, or n
 * when no child has a CAGR (a zero market). */
static size_t by_cagr(const mkp_node *kids, size_t n, int sign)
{
    size_t best = n;
    for (size_t i = 0; i < n; i++)
        if (isfinite(kids[i].cagr) && (best == n || sign * kids[i].cagr > sign * kids[best].cagr))
            best = i;
    return best;
}

/* The rounded share of child i in year index yi, as the table prints it. */
static const char *rounded_share(pdf_doc *d, const mkp_node *kids, size_t n, size_t i, int yi)
{
    double *f = ar_alloc(d, n * sizeof *f), *o = ar_alloc(d, n * sizeof *o);
    for (size_t k = 0; k < n; k++)
        f[k] = kids[k].share[yi];
    d->host->round_shares(f, n, 1, o);
    char b[32];
    d->host->format_number(b, sizeof b, o[i], 1, 0);
    return ar_printf(d, "%s%%", b);
}

static void largest_bullet(pdf_doc *d, const mkp_node *dim, int year)
{
    int yi = mkp_year_index(d->m, year);
    size_t i = largest(dim->children, dim->n_children, yi);
    const char *name = txt(d, &dim->children[i].title);
    const char *share = rounded_share(d, dim->children, dim->n_children, i, yi);
    fl_bullet_text(d, d->zh ? ar_printf(d, "%d年最大的细分市场：**%s**，占市场的%s", year, name, share)
                            : ar_printf(d, "Largest segment in %d: **%s**, %s of the market", year, name, share));
}

static void growth_bullet(pdf_doc *d, const mkp_node *dim, int sign)
{
    const mkp_model *m = d->m;
    size_t i = by_cagr(dim->children, dim->n_children, sign);
    if (i == dim->n_children)
        return;
    const char *name = txt(d, &dim->children[i].title), *c = lb_percent(d, dim->children[i].cagr);
    if (d->zh)
        fl_bullet_text(d, ar_printf(d, "%d–%d年增长%s：**%s**，年复合增长率为%s", m->cagr_start, m->forecast_end,
                                    sign > 0 ? "最快" : "最慢", name, c));
    else
        fl_bullet_text(d, ar_printf(d, "%s growth, %d\xE2\x80\x93%d: **%s**, CAGR %s", sign > 0 ? "Fastest" : "Slowest",
                                    m->cagr_start, m->forecast_end, name, c));
}

static void sub_bullet(pdf_doc *d, const mkp_node *dim)
{
    const mkp_model *m = d->m;
    int yi = mkp_year_index(m, m->forecast_end);
    const mkp_node *best = NULL;
    for (size_t i = 0; i < dim->n_children; i++)
        for (size_t k = 0; k < dim->children[i].n_children; k++)
            if (!best || dim->children[i].children[k].value[yi] > best->value[yi])
                best = &dim->children[i].children[k];
    if (!best)
        return;
    char v[96];
    lb_money(d, v, sizeof v, best->value[yi]);
    const char *name = txt(d, &best->title), *parent = txt(d, &best->parent->title);
    fl_bullet_text(d, d->zh ? ar_printf(d, "%d年最大的二级细分市场：**%s**（%s），%s", m->forecast_end, name, parent, v)
                            : ar_printf(d, "Largest sub-segment in %d: **%s** (%s), %s", m->forecast_end, name, parent,
                                        v));
}

void pr_dimension(pdf_doc *d, const mkp_node *dim)
{
    const mkp_model *m = d->m;
    if (!dim->n_children)
        return;
    largest_bullet(d, dim, m->base_year);
    largest_bullet(d, dim, m->forecast_end);
    growth_bullet(d, dim, 1);
    if (dim->n_children > 1)
        growth_bullet(d, dim, -1);
    sub_bullet(d, dim);
    pg_gap(d, 4);
}

/* When the dataset has no executive summary: the market in numbers and
 * the leading segment of each dimension. */
void pr_summary(pdf_doc *d)
{
    const mkp_model *m = d->m;
    fl_paragraph(d, market_sentences(d), 1);
    for (size_t i = 0; i < m->n_dimensions; i++) {
        const mkp_node *dim = &m->dimensions[i];
        if (!dim->n_children)
            continue;
        int yi = mkp_year_index(m, m->base_year);
        size_t k = largest(dim->children, dim->n_children, yi);
        const char *name = txt(d, &dim->children[k].title), *share =
            rounded_share(d, dim->children, dim->n_children, k, yi);
        fl_bullet_text(d, d->zh ? ar_printf(d, "%s：%d年最大的细分市场为**%s**，占%s", txt(d, &dim->title),
                                            m->base_year, name, share)
                                : ar_printf(d, "%s: **%s** leads in %d with %s of the market", txt(d, &dim->title),
                                            name, m->base_year, share));
    }
    pg_gap(d, 4);
}

void pr_scenarios(pdf_doc *d)
{
    const mkp_model *m = d->m;
    fl_paragraph(d, d->zh ? "以下情景在基准预测的基础上调整增长假设，用于说明不同条件下市场规模的可能区间。"
                          : "Each scenario below changes the growth assumptions of the base forecast, to show how "
                            "far the market could move under other conditions.",
                 1);
    for (size_t i = 0; i < m->n_scenarios; i++) {
        const mkp_scenario *s = &m->scenarios[i];
        const char *desc = txt(d, &s->description);
        fl_bullet_text(d, ar_printf(d, "**%s**%s%s", txt(d, &s->title), *desc ? (d->zh ? "：" : ": ") : "", desc));
    }
    pg_gap(d, 4);
    if (m->scenario)
        fl_paragraph(d, ar_printf(d, lb(d, L_PRESENTED), txt(d, &m->scenario->title)), 0);
    pg_gap(d, 4);
}

/* ---- methodology ---------------------------------------------------------- */

static const mkp_node *find_dimension(const pdf_doc *d, const char *id, size_t len)
{
    for (size_t i = 0; i < d->m->n_dimensions; i++)
        if (strlen(d->m->dimensions[i].id) == len && strncmp(d->m->dimensions[i].id, id, len) == 0)
            return &d->m->dimensions[i];
    return NULL;
}

/* The least certain provenance in a subtree (published < derived <
 * illustrative). */
static mkp_provenance worst(const mkp_node *n)
{
    mkp_provenance p = n->provenance;
    for (size_t i = 0; i < n->n_children; i++) {
        mkp_provenance c = worst(&n->children[i]);
        p = c > p ? c : p;
    }
    return p;
}

/* The node a series path names ("market", "region/americas"), or NULL. */
static const mkp_node *find_node(const pdf_doc *d, const char *path)
{
    if (strcmp(path, d->m->market->path) == 0)
        return d->m->market;
    const char *slash = strchr(path, '/');
    const mkp_node *n = find_dimension(d, path, slash ? (size_t)(slash - path) : strlen(path));
    while (n && slash) {
        const char *id = slash + 1;
        slash = strchr(id, '/');
        size_t len = slash ? (size_t)(slash - id) : strlen(id);
        const mkp_node *next = NULL;
        for (size_t i = 0; i < n->n_children && !next; i++)
            if (strlen(n->children[i].id) == len && strncmp(n->children[i].id, id, len) == 0)
                next = &n->children[i];
        n = next;
    }
    return n;
}

/* A figure is as certain as the least certain node behind it; series that
 * name no node (an "Other" group, a CAGR ranking) stand for their whole
 * dimension, and scenario lines are what-ifs. */
static mkp_provenance figure_provenance(pdf_doc *d, const mkp_figure *f)
{
    mkp_provenance p = d->m->market->provenance;
    const mkp_node *dim = *f->dimension ? find_dimension(d, f->dimension, strlen(f->dimension)) : NULL;
    for (size_t i = 0; i < f->n_series; i++) {
        const mkp_node *n = f->series[i].node_path ? find_node(d, f->series[i].node_path) : NULL;
        mkp_provenance q = n ? n->provenance : dim ? worst(dim) : MKP_ILLUSTRATIVE;
        p = q > p ? q : p;
    }
    return p;
}

static mkp_provenance table_provenance(pdf_doc *d, const mkp_table_ref *t)
{
    mkp_provenance p = d->m->market->provenance;
    if (strcmp(t->id, "scenarios") == 0)
        return MKP_ILLUSTRATIVE;
    const mkp_node *dim = *t->dimension ? find_dimension(d, t->dimension, strlen(t->dimension)) : NULL;
    mkp_provenance q = dim ? worst(dim) : p;
    return q > p ? q : p;
}

/* "CAGR = (V_end / V_start)^(1/n) − 1" with real subscripts and a
 * superscript, centred. */
static void formula(pdf_doc *d)
{
    const mkp_model *m = d->m;
    pf_style big = {0, 0, 12, d->col.ink}, small = {0, 0, 8, d->col.ink};
    const char *cagr = lb(d, L_CAGR);
    struct {
        const char *s;
        const pf_style *st;
        double dy;
    } part[] = {
        {ar_printf(d, "%s = (V", cagr), &big, 0},
        {ar_printf(d, "%d", m->forecast_end), &small, -3},
        {" / V", &big, 0},
        {ar_printf(d, "%d", m->cagr_start), &small, -3},
        {")", &big, 0},
        {ar_printf(d, "1/%d", m->forecast_end - m->cagr_start), &small, 6},
        {" \xE2\x88\x92 1", &big, 0},
    };
    size_t n = sizeof part / sizeof part[0];
    double w = 0;
    for (size_t i = 0; i < n; i++)
        w += pf_width(d, part[i].s, part[i].st);
    pg_need(d, 34);
    pg_take(d, 6);
    double x = d->left + (d->tw - w) / 2, y = d->y - 16;
    for (size_t i = 0; i < n; i++)
        x += pf_draw(d, x, y + part[i].dy, part[i].s, part[i].st);
    pg_take(d, 28);
}

/* "2–7, 9, 11–12" from ascending numbers. */
static const char *ranges(pdf_doc *d, const int *v, size_t n)
{
    const char *s = "";
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && v[j + 1] == v[j] + 1)
            j++;
        s = j > i ? ar_printf(d, "%s%s%d\xE2\x80\x93%d", s, i ? ", " : "", v[i], v[j])
                  : ar_printf(d, "%s%s%d", s, i ? ", " : "", v[i]);
        i = j + 1;
    }
    return s;
}

/* "Tables 2–7" / "表2–7". */
static const char *numbers(pdf_doc *d, const int *v, size_t n, int figures)
{
    if (d->zh)
        return ar_printf(d, "%s%s", figures ? "图" : "表", ranges(d, v, n));
    return ar_printf(d, "%s%s %s", figures ? "Figure" : "Table", n > 1 ? "s" : "", ranges(d, v, n));
}

/* Figures and tables grouped by provenance: a client sees at a glance
 * which numbers are the publisher's and which are estimates. */
static void provenance_list(pdf_doc *d)
{
    const mkp_model *m = d->m;
    fl_paragraph(d, d->zh ? "每幅图和每张表均按其数据来源归类：*已公布数据*为出版方公开发布的数字；"
                            "*推算数据*由已公布数据计算得出；*示意性估算*为用于说明市场结构的估计值。"
                          : "Every figure and table is classed by the origin of its numbers: *published* figures "
                            "are printed by the publisher, *derived* figures are computed from published ones, and "
                            "*illustrative* figures are estimates made to show a plausible structure.",
                 1);
    int *tn = ar_alloc(d, (m->n_tables + 1) * sizeof *tn), *fn = ar_alloc(d, (m->n_figures + 1) * sizeof *fn);
    for (int p = MKP_PUBLISHED; p <= MKP_ILLUSTRATIVE; p++) {
        size_t nt = 0, nf = 0;
        for (size_t i = 0; i < m->n_tables; i++)
            if (table_provenance(d, &m->tables[i]) == (mkp_provenance)p)
                tn[nt++] = m->tables[i].number;
        for (size_t i = 0; i < m->n_figures; i++)
            if (figure_provenance(d, &m->figures[i]) == (mkp_provenance)p)
                fn[nf++] = m->figures[i].number;
        if (!nt && !nf)
            continue;
        const char *what = nt && nf ? ar_printf(d, "%s%s%s", numbers(d, tn, nt, 0), d->zh ? "；" : "; ",
                                                numbers(d, fn, nf, 1))
                           : nt     ? numbers(d, tn, nt, 0)
                                    : numbers(d, fn, nf, 1);
        char *label = ar_strdup(d, lb_provenance(d, (mkp_provenance)p));
        if (!d->zh && label[0] >= 'a' && label[0] <= 'z')
            label[0] = (char)(label[0] - 'a' + 'A');
        fl_bullet_text(d, ar_printf(d, "**%s**%s%s", label, d->zh ? "：" : ": ", what));
    }
    pg_gap(d, 4);
}

void pr_methodology(pdf_doc *d)
{
    const mkp_model *m = d->m;
    const char *intro = d->zh ? "每个数据序列都覆盖%d年至%d年的每一年：市场锚点之间的年份由预测模块补齐，细分市场"
                                "依据其份额或增长假设得出，并逐层调整，使每一层级在每一年都与其上级合计一致。"
                                "本报告中的增长率均为年复合增长率，计算公式如下："
                              : "Every series has a value for each year from %d to %d: the forecast module fills the "
                                "years between the market's anchors, segments follow their share or growth "
                                "assumptions, and every level is reconciled so that it adds up to its parent in "
                                "every year. Growth rates are compound annual growth rates:";
    fl_section(d, lb(d, L_CAGR_METHOD), 60);
    fl_paragraph(d, ar_printf(d, intro, m->first_year, m->forecast_end), 1);
    formula(d);
    const char *start;
    if (m->cagr_start == m->base_year)
        start = d->zh ? ar_printf(d, "其中V为对应年份的数值。起始年为%d年（即基准年），终止年为%d年。", m->cagr_start,
                                  m->forecast_end)
                      : ar_printf(d, "where V is the value in the year shown. The start year is %d, the base year, "
                                     "and the end year is %d.",
                                  m->cagr_start, m->forecast_end);
    else
        start = d->zh ? ar_printf(d, "其中V为对应年份的数值。起始年为%d年，而非基准年%d年（数据集如此规定），"
                                     "终止年为%d年。",
                                  m->cagr_start, m->base_year, m->forecast_end)
                      : ar_printf(d, "where V is the value in the year shown. The start year is %d rather than the "
                                     "base year %d, as the dataset specifies, and the end year is %d.",
                                  m->cagr_start, m->base_year, m->forecast_end);
    if (m->has_published_cagr)
        start = ar_printf(d, d->zh ? "%s出版方公布的年复合增长率为%s，本报告序列计算得出%s。"
                                   : "%s The publisher states a CAGR of %s; the series in this report gives %s.",
                          start, lb_percent(d, m->published_cagr), lb_percent(d, m->market->cagr));
    fl_paragraph(d, start, 1);
    if (m->n_figures || m->n_tables) {
        fl_section(d, lb(d, L_PROVENANCE), 60);
        provenance_list(d);
    }
}
