/* report.c - what the report contains and in which order: the cover, the
 * executive summary with the key statistics, the dataset's narrative
 * chapters, the data chapters (market, one per dimension, scenarios) before
 * the closing chapters, the competitive landscape and the methodology. */
#include <math.h>
#include <string.h>

#include "pdf.h"

static const mkp_table_ref *table(const pdf_doc *d, const char *id)
{
    for (size_t i = 0; i < d->m->n_tables; i++)
        if (strcmp(d->m->tables[i].id, id) == 0)
            return &d->m->tables[i];
    return NULL;
}

static const mkp_table_ref *dimension_table(const pdf_doc *d, const char *dim)
{
    for (size_t i = 0; i < d->m->n_tables; i++)
        if (strcmp(d->m->tables[i].dimension, dim) == 0)
            return &d->m->tables[i];
    return NULL;
}

static const mkp_section *section(const pdf_doc *d, const char *id)
{
    for (size_t i = 0; i < d->m->n_sections; i++)
        if (strcmp(d->m->sections[i].id, id) == 0)
            return &d->m->sections[i];
    return NULL;
}

static int has_scenarios(const mkp_model *m)
{
    return MKP_HAS(mkp_model, m, scenario) && m->n_scenarios > 1 && m->scenarios;
}

static int is_scenario_figure(const mkp_figure *f)
{
    return strncmp(f->id, "scenario", 8) == 0;
}

/* ---- cover -------------------------------------------------------------- */

/* Lines of s wrapped at `size` until they fit in max_lines, shrinking the
 * size; returns the size used. */
static double fit_size(pdf_doc *d, const char *s, pf_style *st, double width, size_t max_lines, double min)
{
    while (st->size > min && tx_lines(d, &d->cell, s, st, width) > max_lines)
        st->size -= 1;
    return st->size;
}

/* The narrowest width that keeps s in as many lines as `width` gives it,
 * so that a title of two lines has two of a length ("AIGC Foundation /
 * Models Market"), never a last word alone. */
static double balanced(pdf_doc *d, const char *s, const pf_style *st, double width)
{
    size_t n = tx_lines(d, &d->cell, s, st, width);
    if (n < 2)
        return width;
    double lo = width / (double)n, hi = width;
    for (int k = 0; k < 12; k++) { /* to within a 4000th of the width */
        double mid = (lo + hi) / 2;
        if (tx_lines(d, &d->cell, s, st, mid) > n)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

static double draw_block(pdf_doc *d, const char *s, const pf_style *st, double x, double y, double width, double lead)
{
    size_t n = tx_lines(d, &d->cell, s, st, width);
    for (size_t i = 0; i < n; i++)
        tx_draw_line(d, &d->cell, i, x, y - st->size - (double)i * lead, width, 0);
    return (double)n * lead;
}

/* A headline figure on the cover: label above, value below. */
static void tile(pdf_doc *d, double x, double y, double w, const char *label, const char *value)
{
    pf_style ls = {0, 0, 8.5, COL_MUTED}, vs = {1, 0, 15, COL_NAVY};
    pg_rect(d, x, y - 58, w, 58, COL_SHADE);
    pg_rect(d, x, y - 58, 3, 58, COL_ACCENT);
    fit_size(d, label, &ls, w - 18, 1, 6.5); /* "Forecast year 2035 · illustrative" whole */
    pf_draw(d, x + 12, y - 18, pf_fit(d, label, &ls, w - 18), &ls);
    fit_size(d, value, &vs, w - 18, 1, 8);
    pf_draw(d, x + 12, y - 42, pf_fit(d, value, &vs, w - 18), &vs);
}

/* "Base year 2025", and what the figure is when the publisher did not
 * print it, in the short word of the tables: "Base year 2024 · illustrative". */
static const char *tile_label(pdf_doc *d, int label, int year, int yi)
{
    static const char *const words[MKP_VALUE_CLASSES] = {"published", "actual", "illustrative", "estimate",
                                                         "scenario-value"};
    const char *l = ar_printf(d, "%s %d", lb(d, label), year);
    if (yi >= 0 && !lb_is_published(d, d->m->market->flags[yi]))
        l = ar_printf(d, "%s \xC2\xB7 %s", l,
                      d->host->label(d->job, words[mkp_value_class_of(d->m->market->flags[yi])]));
    return l;
}

static void cover_tiles(pdf_doc *d, double y)
{
    const mkp_model *m = d->m;
    char a[96], b[96], c[32];
    int ib = mkp_year_index(m, m->base_year), ie = mkp_year_index(m, m->forecast_end);
    lb_money(d, a, sizeof a, ib >= 0 ? m->market->value[ib] : NAN);
    lb_money(d, b, sizeof b, ie >= 0 ? m->market->value[ie] : NAN);
    lb_pct(d, c, sizeof c, m->market->cagr);
    double gap = 12, w = (d->tw - 2 * gap) / 3;
    tile(d, d->left, y, w, tile_label(d, L_BASE_YEAR, m->base_year, ib), a);
    tile(d, d->left + w + gap, y, w, tile_label(d, L_FC_YEAR, m->forecast_end, ie), b);
    tile(d, d->left + 2 * (w + gap), y, w,
         ar_printf(d, "%s %s", lb(d, L_CAGR), ar_printf(d, d->host->label(d->job, "year-range"), m->cagr_start,
                                                         m->forecast_end)),
         c);
}

static void cover_facts(pdf_doc *d, double y)
{
    const mkp_model *m = d->m;
    pf_style ls = {0, 0, 8.5, COL_MUTED}, vs = {1, 0, 10, COL_TEXT};
    const char *rows[4][2];
    size_t n = 0;
    if (*txt(d, &m->publisher))
        rows[n][0] = lb(d, L_PUBLISHED_BY), rows[n++][1] = txt_short(d, &m->publisher);
    if (m->product_code && *m->product_code)
        rows[n][0] = lb(d, L_PRODUCT), rows[n++][1] = m->product_code;
    if (*lb_date(d))
        rows[n][0] = lb(d, L_EDITION), rows[n++][1] = lb_date(d);
    if (has_scenarios(m) && m->scenario && m->scenario != &m->scenarios[0])
        rows[n][0] = lb(d, L_SCENARIO), rows[n++][1] = txt(d, &m->scenario->title);
    pg_line(d, d->left, y + 16, d->right, y + 16, 0.6, COL_RULE);
    for (size_t i = 0; i < n; i++) {
        pf_draw(d, d->left, y - (double)i * 17, rows[i][0], &ls);
        pf_draw(d, d->left + 110, y - (double)i * 17, pf_fit(d, rows[i][1], &vs, d->tw - 110 - lc_cover_room(d)), &vs);
    }
}

/* The kinds of value the cover's bars show, as a legend at the right of
 * the chart's heading line: the same colours and words as every chart. */
/* The legend of the cover's chart, right-aligned at y: each kind of value
 * the market shows.  Returns its width; draws only when `draw`. */
static double cover_legend(pdf_doc *d, double y, int draw)
{
    const mkp_model *m = d->m;
    int present[MKP_VALUE_CLASSES] = {0};
    for (int i = 0; i < m->n_years; i++)
        present[mkp_value_class_of(m->market->flags[i])] = 1;
    pf_style ls = {0, 0, 7, COL_MUTED};
    double x = d->right;
    for (int k = MKP_VALUE_CLASSES - 1; k >= 0; k--) {
        if (!present[k])
            continue;
        const char *w = lb_class(d, (mkp_value_class)k);
        x -= pf_width(d, w, &ls);
        if (draw)
            pf_draw(d, x, y, w, &ls);
        x -= 10;
        if (draw)
            pg_rect(d, x, y - 0.5, 7, 7, lb_class_color((mkp_value_class)k));
        x -= 10;
    }
    return d->right - x;
}

/* The market by year as a small bar chart, each kind of value (published,
 * actual, assumed, estimated, a scenario's) in the colour every chart of
 * the report gives it, with a legend. */
static void cover_bars(pdf_doc *d, double top, double h)
{
    const mkp_model *m = d->m;
    double max = 0;
    for (int i = 0; i < m->n_years; i++)
        max = m->market->value[i] > max ? m->market->value[i] : max;
    if (!(max > 0) || h < 80 || m->n_years < 2)
        return;
    pf_style ls = {1, 0, 8.5, COL_NAVY}, vs = {0, 0, 6.5, COL_MUTED};
    pf_style ys = {0, 0, 7, COL_MUTED};
    /* The heading whole beside the legend, or the legend on a line of its
     * own below it when both do not fit one. */
    const char *head = ar_printf(d, "%s (%s)", lb(d, L_MARKET), d->unit_label);
    double legend = cover_legend(d, 0, 0), below = 0;
    if (pf_width(d, head, &ls) + 12 + legend > d->tw)
        below = 11;
    pf_draw(d, d->left, top - 9, pf_fit(d, head, &ls, d->tw), &ls);
    cover_legend(d, top - 9 - below, 1);
    double slot = d->tw / m->n_years, bw = slot * 0.62, base = top - h + 14, room = h - 14 - 30 - below;
    for (int i = 0; i < m->n_years; i++) {
        double v = m->market->value[i], bh = v > 0 ? v / max * room : 0, x = d->left + slot * i + (slot - bw) / 2;
        pg_rect(d, x, base, bw, bh, lb_class_color(mkp_value_class_of(m->market->flags[i])));
        char b[48];
        lb_value(d, b, sizeof b, v);
        if (pf_width(d, b, &vs) <= slot - 2)
            pf_draw(d, x + bw / 2 - pf_width(d, b, &vs) / 2, base + bh + 3, b, &vs);
        const char *y = ar_printf(d, "%d", m->first_year + i);
        if (pf_width(d, y, &ys) <= slot - 2 || i % 2 == 0)
            pf_draw(d, x + bw / 2 - pf_width(d, y, &ys) / 2, base - 10, y, &ys);
    }
    pg_line(d, d->left, base, d->right, base, 0.6, COL_RULE);
}

/* The cover: a navy band with the title and subtitle at its foot, three
 * headline figures, the market by year, and the publisher, product code
 * and edition. */
void rp_cover(pdf_doc *d)
{
    const mkp_model *m = d->m;
    pg_new(d);
    pf_style ts = {1, 0, 28, COL_WHITE}, ss = {0, 0, 13, 0xD6E2EFu};
    pf_style ks = {1, 0, 9, 0x9DBCDDu}, ps = {1, 0, 11, COL_WHITE};
    const char *title = txt_short(d, &m->title), *sub = txt_short(d, &m->subtitle);
    fit_size(d, title, &ts, d->tw, 4, 16);
    fit_size(d, sub, &ss, d->tw, 4, 9);
    double tl = ts.size * 1.2, sl = ss.size * 1.35;
    double text = (double)tx_lines(d, &d->cell, title, &ts, d->tw) * tl +
                  (*sub ? 14 + (double)tx_lines(d, &d->cell, sub, &ss, d->tw) * sl : 0);
    double band = 130 + text + 44 > d->ph * 0.46 ? 130 + text + 44 : d->ph * 0.46;
    pg_rect(d, 0, d->ph - band, d->pw, band, COL_NAVY);
    pg_rect(d, 0, d->ph - band - 5, d->pw, 5, COL_ACCENT);
    if (*txt(d, &m->publisher))
        pf_draw(d, d->left, d->ph - 62, pf_fit(d, txt_short(d, &m->publisher), &ps, d->tw), &ps);
    double y = d->ph - band + 44 + text;
    pf_draw(d, d->left, y + 22, lb(d, L_REPORT_KIND), &ks);
    y -= draw_block(d, title, &ts, d->left, y, balanced(d, title, &ts, d->tw), tl);
    if (*sub)
        draw_block(d, sub, &ss, d->left, y - 14, balanced(d, sub, &ss, d->tw), sl);
    double tiles = d->ph - band - 40;
    cover_tiles(d, tiles);
    cover_bars(d, tiles - 58 - 34, tiles - 58 - 34 - 170);
    cover_facts(d, 120);
    lc_cover(d);
    d->fresh = 0;
}

/* ---- chapters ----------------------------------------------------------- */

static void figures_of(pdf_doc *d, const char *dimension, int scenarios)
{
    const mkp_figure *f = NULL;
    for (size_t i = 0; i <= d->m->n_figures; i++) {
        const mkp_figure *g = i < d->m->n_figures ? &d->m->figures[i] : NULL;
        if (g && (strcmp(g->dimension, dimension) != 0 || is_scenario_figure(g) != scenarios))
            continue;
        if (f) /* each figure placed with the next in view */
            ch_figure(d, f, g);
        f = g;
    }
}

static const mkp_figure *first_figure(const pdf_doc *d, const char *dimension)
{
    for (size_t i = 0; i < d->m->n_figures; i++)
        if (strcmp(d->m->figures[i].dimension, dimension) == 0)
            return &d->m->figures[i];
    return NULL;
}

static void ch_summary(pdf_doc *d, const mkp_section *exec)
{
    fl_chapter(d, exec && *txt(d, &exec->title) ? txt(d, &exec->title) : lb(d, L_EXEC));
    const mkp_table_ref *t = table(d, "key-statistics");
    if (t)
        dt_key_statistics(d, t);
    if (exec && exec->n_blocks)
        fl_blocks(d, exec);
    else
        pr_summary(d);
}

/* The executive summary alone (the sample edition's first chapter). */
void rp_summary(pdf_doc *d)
{
    ch_summary(d, section(d, "executive-summary"));
}

static void ch_market(pdf_doc *d)
{
    fl_chapter(d, lb(d, L_MARKET));
    const mkp_section *exec = section(d, "executive-summary");
    pr_market(d, exec && exec->n_blocks);
    figures_of(d, "", 0);
}

static void ch_dimension(pdf_doc *d, const mkp_node *dim)
{
    fl_chapter(d, ar_printf(d, lb(d, L_DIM_CHAPTER), txt(d, &dim->title)));
    if (*txt(d, &dim->description))
        fl_paragraph(d, txt(d, &dim->description), 1);
    pr_dimension(d, dim);
    const mkp_table_ref *t = dimension_table(d, dim->id);
    if (t) {
        fl_section(d, lb(d, L_SEGMENT_TABLE), 110);
        dt_dimension(d, dim, t);
    }
    const mkp_figure *f = first_figure(d, dim->id);
    if (f) {
        /* The figures' subject as the heading, never a bare "Charts". */
        fl_section(d, ar_printf(d, lb(d, L_DIM_FIGURES), txt(d, &dim->title), d->m->base_year, d->m->forecast_end),
                   ch_need(d, f));
        figures_of(d, dim->id, 0);
    }
}

static void ch_scenarios(pdf_doc *d)
{
    fl_chapter(d, lb(d, L_SCENARIOS));
    pr_scenarios(d);
    const mkp_table_ref *t = table(d, "scenarios");
    if (t)
        dt_scenarios(d, t);
    figures_of(d, "", 1);
}

static void ch_landscape(pdf_doc *d, const mkp_section *s)
{
    const mkp_model *m = d->m;
    fl_chapter(d, s && *txt(d, &s->title) ? txt(d, &s->title) : lb(d, L_LANDSCAPE));
    if (s)
        fl_blocks(d, s);
    if (*txt(d, &m->landscape_intro))
        fl_paragraph(d, txt(d, &m->landscape_intro), 1);
    for (size_t i = 0; i < m->n_players; i++) {
        const mkp_player *p = &m->players[i];
        const char *desc = txt(d, &p->description);
        fl_section(d, *txt(d, &p->name) ? txt(d, &p->name) : p->id, *desc ? fl_lead(d, desc) : 0);
        fl_paragraph(d, desc, 1);
    }
}

static int has_landscape(const pdf_doc *d)
{
    return d->m->n_players > 0 || *txt(d, &d->m->landscape_intro) || section(d, "competitive-landscape");
}

static void ch_methodology(pdf_doc *d, const mkp_section *s)
{
    fl_chapter(d, s && *txt(d, &s->title) ? txt(d, &s->title) : lb(d, L_METHOD));
    if (s)
        fl_blocks(d, s);
    pr_methodology(d);
}

/* Market, dimensions and scenarios, followed by the landscape when the
 * dataset has no chapter of its own to hang it on. */
static void ch_data(pdf_doc *d)
{
    const mkp_model *m = d->m;
    ch_market(d);
    for (size_t i = 0; i < m->n_dimensions; i++)
        if (m->dimensions[i].n_children)
            ch_dimension(d, &m->dimensions[i]);
    if (has_scenarios(m))
        ch_scenarios(d);
    if (has_landscape(d) && !section(d, "competitive-landscape"))
        ch_landscape(d, NULL);
}

/* Chapters that close a report: the data chapters go before the first. */
static int closing(const char *id)
{
    static const char *const ids[] = {"competitive-landscape", "recommendations", "methodology",
                                      "research-methodology", "conclusion", "conclusions", "appendix"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (strcmp(id, ids[i]) == 0)
            return 1;
    return 0;
}

void rp_body(pdf_doc *d)
{
    const mkp_model *m = d->m;
    ch_summary(d, section(d, "executive-summary"));
    int data = 0, method = 0;
    for (size_t i = 0; i < m->n_sections; i++) {
        const mkp_section *s = &m->sections[i];
        if (strcmp(s->id, "executive-summary") == 0)
            continue;
        if (!data && closing(s->id)) {
            ch_data(d);
            data = 1;
        }
        if (strcmp(s->id, "competitive-landscape") == 0) {
            ch_landscape(d, s);
        } else if (strcmp(s->id, "methodology") == 0 || strcmp(s->id, "research-methodology") == 0) {
            if (!method)
                ch_methodology(d, s);
            method = 1;
        } else {
            fl_chapter(d, *txt(d, &s->title) ? txt(d, &s->title) : s->id);
            fl_blocks(d, s);
        }
    }
    if (!data)
        ch_data(d);
    if (!method)
        ch_methodology(d, NULL);
}
