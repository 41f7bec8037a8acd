/* cover.c - the report's cover: the title and subtitle, three headline
 * figures, the market by year as small bars, and the publisher, product
 * code and edition. */
#include <math.h>
#include <string.h>

#include "pdf.h"

static int has_scenarios(const mkp_model *m)
{
    return MKP_HAS(mkp_model, m, scenario) && m->n_scenarios > 1 && m->scenarios;
}

/* The cover's facts as label and value: the publisher (when `publisher`),
 * the product code, the edition and a scenario other than the first. */
static size_t fact_rows(pdf_doc *d, const char *rows[4][2], int publisher)
{
    const mkp_model *m = d->m;
    size_t n = 0;
    if (publisher && *txt(d, &m->publisher))
        rows[n][0] = lb(d, L_PUBLISHED_BY), rows[n++][1] = txt_short(d, &m->publisher);
    if (m->product_code && *m->product_code)
        rows[n][0] = lb(d, L_PRODUCT), rows[n++][1] = m->product_code;
    if (*lb_date(d))
        rows[n][0] = lb(d, L_EDITION), rows[n++][1] = lb_date(d);
    if (has_scenarios(m) && m->scenario && m->scenario != &m->scenarios[0])
        rows[n][0] = lb(d, L_SCENARIO), rows[n++][1] = txt(d, &m->scenario->title);
    return n;
}

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
    pf_style ls = {0, 0, 8.5, d->col.muted}, vs = {1, 0, 15, d->col.primary};
    pg_rect(d, x, y - 58, w, 58, d->col.zebra);
    pg_rect(d, x, y - 58, 3, 58, d->col.accent);
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

/* The cover's three headline figures as text: the base year's and the
 * forecast year's market, and the CAGR; and the two years' indexes. */
typedef struct headline {
    char base[96], end[96], cagr[32];
    int ib, ie;
} headline;

static headline headline_figures(pdf_doc *d)
{
    const mkp_model *m = d->m;
    headline h;
    h.ib = mkp_year_index(m, m->base_year);
    h.ie = mkp_year_index(m, m->forecast_end);
    lb_money(d, h.base, sizeof h.base, h.ib >= 0 ? m->market->value[h.ib] : NAN);
    lb_money(d, h.end, sizeof h.end, h.ie >= 0 ? m->market->value[h.ie] : NAN);
    lb_pct(d, h.cagr, sizeof h.cagr, m->market->cagr);
    return h;
}

static void cover_tiles(pdf_doc *d, double y)
{
    const mkp_model *m = d->m;
    headline hl = headline_figures(d);
    const char *a = hl.base, *b = hl.end, *c = hl.cagr;
    int ib = hl.ib, ie = hl.ie;
    double gap = 12, w = (d->tw - 2 * gap) / 3;
    tile(d, d->left, y, w, tile_label(d, L_BASE_YEAR, m->base_year, ib), a);
    tile(d, d->left + w + gap, y, w, tile_label(d, L_FC_YEAR, m->forecast_end, ie), b);
    tile(d, d->left + 2 * (w + gap), y, w,
         ar_printf(d, "%s %s", lb(d, L_CAGR), ar_printf(d, d->host->label(d->job, "year-range"), m->cagr_start,
                                                         m->forecast_end)),
         c);
}

/* The facts under the rule at y + 16; returns the baseline of the last. */
static double cover_facts(pdf_doc *d, double y)
{
    pf_style ls = {0, 0, 8.5, d->col.muted}, vs = {1, 0, 10, d->col.ink};
    const char *rows[4][2];
    size_t n = fact_rows(d, rows, 1);
    pg_line(d, d->left, y + 16, d->right, y + 16, 0.6, d->col.rule);
    for (size_t i = 0; i < n; i++) {
        pf_draw(d, d->left, y - (double)i * 17, rows[i][0], &ls);
        pf_draw(d, d->left + 110, y - (double)i * 17, pf_fit(d, rows[i][1], &vs, d->tw - 110), &vs);
    }
    return y - (double)(n ? n - 1 : 0) * 17;
}

/* The legend of the cover's chart, right-aligned at y: each kind of value
 * the market shows.  Returns its width; draws only when `draw`. */
static double cover_legend(pdf_doc *d, double y, int draw)
{
    const mkp_model *m = d->m;
    int present[MKP_VALUE_CLASSES] = {0};
    for (int i = 0; i < m->n_years; i++)
        present[mkp_value_class_of(m->market->flags[i])] = 1;
    pf_style ls = {0, 0, 7, d->col.muted};
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
            pg_rect(d, x, y - 0.5, 7, 7, lb_class_color(d, (mkp_value_class)k));
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
    pf_style ls = {1, 0, 8.5, d->col.primary}, vs = {0, 0, 6.5, d->col.muted};
    pf_style ys = {0, 0, 7, d->col.muted};
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
        pg_rect(d, x, base, bw, bh, lb_class_color(d, mkp_value_class_of(m->market->flags[i])));
        char b[48];
        lb_value(d, b, sizeof b, v);
        if (pf_width(d, b, &vs) <= slot - 2)
            pf_draw(d, x + bw / 2 - pf_width(d, b, &vs) / 2, base + bh + 3, b, &vs);
        const char *y = ar_printf(d, "%d", m->first_year + i);
        if (pf_width(d, y, &ys) <= slot - 2 || i % 2 == 0)
            pf_draw(d, x + bw / 2 - pf_width(d, y, &ys) / 2, base - 10, y, &ys);
    }
    pg_line(d, d->left, base, d->right, base, 0.6, d->col.rule);
}

/* ---- the three layouts ---------------------------------------------------- */

#define PAPER 0xFFFFFFu             /* the page's own white, behind a logo on primary */
#define FREE_BOTTOM 36.0            /* the clear block at the cover's foot ends here */

/* The kicker ("Market Research Report"), the title and the subtitle in
 * their styles, sized for a width. */
typedef struct cover_title {
    pf_style ts, ss, ks;
    const char *title, *sub;
    double width, tl, sl;           /* the width, the title's and the subtitle's line heights */
    double text;                    /* the height of title and subtitle */
} cover_title;

static void title_fit(pdf_doc *d, cover_title *c, double width)
{
    c->title = txt_short(d, &d->m->title);
    c->sub = txt_short(d, &d->m->subtitle);
    c->width = width;
    fit_size(d, c->title, &c->ts, width, 4, 16);
    fit_size(d, c->sub, &c->ss, width, 4, 9);
    c->tl = c->ts.size * 1.2;
    c->sl = c->ss.size * 1.35;
    c->text = (double)tx_lines(d, &d->cell, c->title, &c->ts, width) * c->tl +
              (*c->sub ? 14 + (double)tx_lines(d, &d->cell, c->sub, &c->ss, width) * c->sl : 0);
}

/* The kicker 22 points above y, the title's first line hanging from y,
 * the subtitle under it. */
static void title_draw(pdf_doc *d, const cover_title *c, double x, double y)
{
    pf_draw(d, x, y + 22, lb(d, L_REPORT_KIND), &c->ks);
    y -= draw_block(d, c->title, &c->ts, x, y, balanced(d, c->title, &c->ts, c->width), c->tl);
    if (*c->sub)
        draw_block(d, c->sub, &c->ss, x, y - 14, balanced(d, c->sub, &c->ss, c->width), c->sl);
}

/* A rectangle with corners rounded by r. */
static void round_rect(pdf_doc *d, double x, double y, double w, double h, double r, uint32_t fill)
{
    const double k = 0.5523 * r; /* a quarter circle as one Bezier curve */
    HPDF_Page p = d->page;
    pf_rgb_fill(d, fill);
    HPDF_Page_MoveTo(p, (HPDF_REAL)(x + r), (HPDF_REAL)y);
    HPDF_Page_LineTo(p, (HPDF_REAL)(x + w - r), (HPDF_REAL)y);
    HPDF_Page_CurveTo(p, (HPDF_REAL)(x + w - r + k), (HPDF_REAL)y, (HPDF_REAL)(x + w), (HPDF_REAL)(y + r - k),
                      (HPDF_REAL)(x + w), (HPDF_REAL)(y + r));
    HPDF_Page_LineTo(p, (HPDF_REAL)(x + w), (HPDF_REAL)(y + h - r));
    HPDF_Page_CurveTo(p, (HPDF_REAL)(x + w), (HPDF_REAL)(y + h - r + k), (HPDF_REAL)(x + w - r + k),
                      (HPDF_REAL)(y + h), (HPDF_REAL)(x + w - r), (HPDF_REAL)(y + h));
    HPDF_Page_LineTo(p, (HPDF_REAL)(x + r), (HPDF_REAL)(y + h));
    HPDF_Page_CurveTo(p, (HPDF_REAL)(x + r - k), (HPDF_REAL)(y + h), (HPDF_REAL)x, (HPDF_REAL)(y + h - r + k),
                      (HPDF_REAL)x, (HPDF_REAL)(y + h - r));
    HPDF_Page_LineTo(p, (HPDF_REAL)x, (HPDF_REAL)(y + r));
    HPDF_Page_CurveTo(p, (HPDF_REAL)x, (HPDF_REAL)(y + r - k), (HPDF_REAL)(x + r - k), (HPDF_REAL)y,
                      (HPDF_REAL)(x + r), (HPDF_REAL)y);
    HPDF_Page_Fill(p);
}

/* The logo on a plate of the page's white, for a logo set on primary: a
 * publisher's mark is drawn for paper.  The plate's top left corner at
 * (x, top); returns the plate's height. */
#define PLATE_PAD 8.0
static double logo_plate(pdf_doc *d, double x, double top, double h, double max_w)
{
    double w = th_logo_width(d, h, max_w - 2 * PLATE_PAD), lh = w / d->logo_aspect;
    double ph = lh + 2 * PLATE_PAD;
    round_rect(d, x, top - ph, w + 2 * PLATE_PAD, ph, 3, PAPER);
    th_logo_draw(d, x + PLATE_PAD, top - ph + PLATE_PAD, lh, w);
    return ph;
}

/* The band (and the plain cover, which is the band's page without its
 * colour): the title at the foot of a band of primary with a stripe of
 * accent under it, or on white above a rule of accent; three headline
 * figures, the market by year, the facts. */
static void cover_band(pdf_doc *d, int plain)
{
    const mkp_model *m = d->m;
    uint32_t on = plain ? d->col.primary : d->col.on_primary;
    cover_title c = {.ts = {PF_HEAD, 0, 28, on},
                     .ss = {0, 0, 13, plain ? d->col.muted : d->col.sub},
                     .ks = {1, 0, 9, plain ? d->col.accent : d->col.kicker}};
    pf_style ps = {1, 0, 11, on};
    title_fit(d, &c, d->tw);
    /* above the kicker: the band's publisher line, or the plain cover's
     * logo and rule */
    double above = plain ? 150 : 130, least = plain ? d->ph * 0.42 : d->ph * 0.46;
    double band = above + c.text + 44 > least ? above + c.text + 44 : least;
    if (!plain) {
        pg_rect(d, 0, d->ph - band, d->pw, band, d->col.primary);
        pg_rect(d, 0, d->ph - band - 5, d->pw, 5, d->col.accent);
    } else {
        pg_rect(d, d->left, d->ph - band - 3, d->tw, 3, d->col.accent);
        pg_line(d, d->left, d->ph - 96, d->right, d->ph - 96, 0.6, d->col.rule);
    }
    if (d->logo && plain)
        th_logo_draw(d, d->left, d->ph - 82, 36, d->tw / 2);
    else if (d->logo)
        logo_plate(d, d->left, d->ph - 36, 30, d->tw / 2);
    else if (*txt(d, &m->publisher))
        pf_draw(d, d->left, d->ph - 62, pf_fit(d, txt_short(d, &m->publisher), &ps, d->tw), &ps);
    title_draw(d, &c, d->left, d->ph - band + 44 + c.text);
    double tiles = d->ph - band - 40;
    cover_tiles(d, tiles);
    cover_bars(d, tiles - 58 - 34, tiles - 58 - 34 - 170);
    double last = cover_facts(d, 120);
    d->cover_free = (pdf_box){d->left, FREE_BOTTOM, d->tw, last - 12 - FREE_BOTTOM};
}

/* A headline figure as one row of a list: the label at the left, the
 * value at the right. */
static void figure_row(pdf_doc *d, double y, double h, const char *label, const char *value)
{
    pf_style ls = {0, 0, 8.5, d->col.muted}, vs = {1, 0, 14, d->col.primary};
    pg_rect(d, d->left, y - h, d->tw, h, d->col.zebra);
    pg_rect(d, d->left, y - h, 3, h, d->col.accent);
    double room = d->tw - 24;
    fit_size(d, value, &vs, room * 0.55, 1, 8);
    const char *v = pf_fit(d, value, &vs, room * 0.55);
    double vw = pf_width(d, v, &vs);
    fit_size(d, label, &ls, room - vw - 12, 1, 6.5);
    pf_draw(d, d->left + 12, y - h / 2 - 3, pf_fit(d, label, &ls, room - vw - 12), &ls);
    pf_draw(d, d->right - 12 - vw, y - h / 2 - vs.size * 0.35, v, &vs);
}

/* The three headline figures as rows from y down; returns their height. */
static double figure_rows(pdf_doc *d, double y)
{
    const mkp_model *m = d->m;
    headline hl = headline_figures(d);
    const char *a = hl.base, *b = hl.end, *c = hl.cagr;
    int ib = hl.ib, ie = hl.ie;
    double h = 36, gap = 6;
    figure_row(d, y, h, tile_label(d, L_BASE_YEAR, m->base_year, ib), a);
    figure_row(d, y - (h + gap), h, tile_label(d, L_FC_YEAR, m->forecast_end, ie), b);
    figure_row(d, y - 2 * (h + gap), h,
               ar_printf(d, "%s %s", lb(d, L_CAGR),
                         ar_printf(d, d->host->label(d->job, "year-range"), m->cagr_start, m->forecast_end)),
               c);
    return 3 * h + 2 * gap;
}

/* The sidebar's column of primary: the logo on its plate and the
 * publisher at the top, the facts at the foot. */
static void sidebar_column(pdf_doc *d, double w)
{
    const mkp_model *m = d->m;
    double x = 26, cw = w - 2 * x, y = d->ph - 44;
    pg_rect(d, 0, 0, w, d->ph, d->col.primary);
    pg_rect(d, w, 0, 4, d->ph, d->col.accent);
    if (d->logo)
        y -= logo_plate(d, x, y, 30, cw) + 10;
    pf_style ps = {1, 0, 11, d->col.on_primary};
    const char *who = txt_short(d, &m->publisher);
    if (*who) {
        fit_size(d, who, &ps, cw, 3, 8);
        draw_block(d, who, &ps, x, y - 6, cw, ps.size * 1.3);
    }
    pf_style ls = {0, 0, 7.5, d->col.kicker}, vs = {1, 0, 9.5, d->col.on_primary};
    const char *rows[4][2];
    size_t n = fact_rows(d, rows, 0);
    double fy = 48 + (double)(n ? n - 1 : 0) * 30;
    if (n)
        pg_line(d, x, fy + 26, x + cw, fy + 26, 0.5, d->col.kicker);
    for (size_t i = 0; i < n; i++, fy -= 30) {
        pf_draw(d, x, fy + 12, pf_fit(d, rows[i][0], &ls, cw), &ls);
        pf_draw(d, x, fy, pf_fit(d, rows[i][1], &vs, cw), &vs);
    }
}

/* A tall column of primary at the left with the logo, the publisher and
 * the facts; at its right on white the title, a short rule of accent, the
 * headline figures as rows and the market by year. */
static void cover_sidebar(pdf_doc *d)
{
    double w = floor(d->pw * 0.31), left = d->left, right = d->right, tw = d->tw;
    sidebar_column(d, w);
    d->left = w + 40;
    d->right = d->pw - 48;
    d->tw = d->right - d->left;
    cover_title c = {.ts = {PF_HEAD, 0, 28, d->col.primary},
                     .ss = {0, 0, 13, d->col.muted},
                     .ks = {1, 0, 9, d->col.accent}};
    title_fit(d, &c, d->tw);
    double y = d->ph - 150;
    title_draw(d, &c, d->left, y);
    y -= c.text + 22;
    pg_rect(d, d->left, y - 3, 56, 3, d->col.accent);
    y -= 3 + 30;
    y -= figure_rows(d, y) + 34;
    cover_bars(d, y, y - 110);
    d->cover_free = (pdf_box){d->left, FREE_BOTTOM, d->tw, 96 - FREE_BOTTOM};
    d->left = left;
    d->right = right;
    d->tw = tw;
}

/* The cover in the theme's layout (docs/themes.md). */
void rp_cover(pdf_doc *d)
{
    pg_new(d);
    if (d->cover == MKP_COVER_SIDEBAR)
        cover_sidebar(d);
    else
        cover_band(d, d->cover == MKP_COVER_PLAIN);
    lc_cover(d);
    d->fresh = 0;
}

double pdf_cover_free_y(const pdf_doc *d)
{
    return d->cover_free.y + d->cover_free.h;
}
