/* data.c - the report's numbered tables: key market statistics, one
 * segments-by-years table per dimension (CAGR and rounded shares that add up
 * to 100), and the scenarios.  Tables with more years than the page is wide
 * are printed as consecutive panels of years. */
#include <math.h>
#include <string.h>

#include "pdf.h"

#define TABLE_SIZE 8.0               /* the smallest text of a table; notes under it are 7.5 */
#define LABEL_MIN 100.0
#define MAX_PER_PANEL 24

typedef struct row {
    const char *label;
    const double *v;                /* per model year */
    double cagr;
    double share[3];                /* percentages, already rounded: of the market in the
                                       base and the end year, of the parent in the end
                                       year (NAN where the parent is the market) */
    unsigned flags;
    int indent;
} row;

typedef struct series_tab {
    const mkp_table_ref *ref;
    row *rows;
    size_t n;
    int y0, y1;                     /* years shown */
    int shares;                     /* share columns after the CAGR: 0, 2 (of the market)
                                       or 3 (and of the parent, for sub-segments) */
    int cagr_from;                  /* first year of the CAGR */
    int decimals;                   /* digits of the values */
    int cagr_decimals, share_decimals; /* of the CAGR and share columns */
} series_tab;

/* A share column's text: "55.0%", or nothing for NAN (a share of the
 * parent where the parent is the market, which the column before holds). */
static void share_text(const pdf_doc *d, char *buf, size_t cap, double pct, int decimals)
{
    if (isnan(pct)) {
        buf[0] = '\0';
        return;
    }
    size_t n = d->host->format_number(buf, cap - 1, pct, decimals, 0);
    buf[n] = '%';
    buf[n + 1] = '\0';
}

static double piece_width(pdf_doc *d, const char *s, size_t a, size_t b)
{
    char buf[256];
    size_t n = b - a < sizeof buf - 1 ? b - a : sizeof buf - 1;
    memcpy(buf, s + a, n);
    buf[n] = '\0';
    return n ? tb_col_width(d, buf, 1, TABLE_SIZE) : 0;
}

/* The widest piece of a header that must stay on one line: headers wrap
 * at spaces, after a dash between words (never inside "2025-2032") and
 * where ideographs meet other characters, but the column keeps a run of ideographs whole,
 * so that a Chinese term (年复合增长率) is never split in two. */
static double head_width(pdf_doc *d, const char *s)
{
    double best = 0, w;
    size_t len = strlen(s), i = 0, start = 0;
    int wide = -1; /* of the piece so far; -1 before its first character */
    while (i < len) {
        size_t at = i;
        uint32_t cp = pf_next_char(s, len, &i);
        int cw = mkp_is_wide(cp) != 0;
        if (cp == ' ' || (wide >= 0 && cw != wide)) {
            w = piece_width(d, s, start, at);
            best = w > best ? w : best;
            start = cp == ' ' ? i : at;
            wide = cp == ' ' ? -1 : cw;
        } else if ((cp == '-' || cp == 0x2013) && !(at > 0 && s[at - 1] >= '0' && s[at - 1] <= '9' && s[i] >= '0' &&
                                                   s[i] <= '9')) { /* a range of years stays whole, as in text.c */
            w = piece_width(d, s, start, i);
            best = w > best ? w : best;
            start = i;
            wide = -1;
        } else {
            wide = cw;
        }
    }
    w = piece_width(d, s, start, len);
    return w > best ? w : best;
}

/* Width of one column over all rows.  Values are formatted here and again
 * when drawn: cheaper than keeping 10,000 rows of strings. */
static double column_width(pdf_doc *d, const series_tab *s, int kind, int year, const char *head)
{
    double w = head_width(d, head);
    for (size_t i = 0; i < s->n; i++) {
        const row *r = &s->rows[i];
        char b[64];
        if (kind == 0)
            d->host->format_number(b, sizeof b, r->v[year - d->m->first_year], s->decimals, 1);
        else if (kind == 1)
            d->host->format_percent(b, sizeof b, r->cagr, s->cagr_decimals);
        else
            share_text(d, b, sizeof b, r->share[kind - 2], s->share_decimals);
        double x = tb_col_width(d, b, r->flags != 0, TABLE_SIZE);
        w = x > w ? x : w;
    }
    return w;
}

static double label_width(pdf_doc *d, const series_tab *s)
{
    double w = head_width(d, lb(d, L_SEGMENT));
    for (size_t i = 0; i < s->n; i++) {
        double x = tb_col_width(d, s->rows[i].label, s->rows[i].flags != 0, TABLE_SIZE) + s->rows[i].indent * 10;
        w = x > w ? x : w;
    }
    return w;
}

typedef struct plan {
    int panels, per;                /* panels of `per` years (the last may have fewer) */
    double *yw;                     /* width per year column */
    double extra[4];                /* CAGR and share columns */
    const char *head_extra[4];
} plan;

/* Fewest panels that leave the label column its room. */
static plan make_plan(pdf_doc *d, const series_tab *s)
{
    plan p = {0};
    int ny = s->y1 - s->y0 + 1;
    p.yw = ar_alloc(d, (size_t)ny * sizeof *p.yw);
    for (int y = 0; y < ny; y++)
        p.yw[y] = column_width(d, s, 0, s->y0 + y, ar_printf(d, "%d", s->y0 + y));
    p.head_extra[0] = ar_printf(d, lb(d, L_CAGR_RANGE), s->cagr_from, s->y1);
    p.extra[0] = column_width(d, s, 1, 0, p.head_extra[0]);
    for (int k = 0; k < s->shares; k++) {
        p.head_extra[k + 1] = ar_printf(d, lb(d, k < 2 ? L_SHARE : L_SHARE_PARENT), k ? d->m->forecast_end
                                                                                      : d->m->base_year);
        p.extra[k + 1] = column_width(d, s, 2 + k, 0, p.head_extra[k + 1]);
    }
    /* A header that names its base ("Share of market 2025") takes two or
     * three lines, not a word a line. */
    for (int k = 0; k < 1 + s->shares; k++) {
        double half = tb_col_width(d, p.head_extra[k], 1, TABLE_SIZE) * 0.5;
        p.extra[k] = half > p.extra[k] ? half : p.extra[k];
    }
    double lw = label_width(d, s), need = lw < LABEL_MIN ? lw : LABEL_MIN;
    double extra = p.extra[0] + p.extra[1] + p.extra[2] + p.extra[3];
    for (p.panels = 1; p.panels < ny; p.panels++) {
        p.per = (ny + p.panels - 1) / p.panels;
        int fits = 1;
        for (int a = 0; a < ny; a += p.per) {
            double w = a + p.per >= ny ? extra : 0;
            for (int y = a; y < ny && y < a + p.per; y++)
                w += p.yw[y];
            fits &= d->tw - w >= need && p.per <= MAX_PER_PANEL;
        }
        if (fits)
            break;
    }
    p.per = (ny + p.panels - 1) / p.panels;
    return p;
}

static void draw_panel(pdf_doc *d, const series_tab *s, const plan *p, int a, int b, int last)
{
    size_t nc = 1 + (size_t)(b - a + 1) + (last ? 1 + (size_t)s->shares : 0);
    double *w = ar_alloc(d, nc * sizeof *w);
    unsigned char *align = ar_alloc(d, nc);
    const char **head = ar_alloc(d, nc * sizeof *head);
    const char **cells = ar_alloc(d, nc * sizeof *cells);
    double used = 0;
    size_t c = 1;
    head[0] = s->ref->dimension[0] ? lb(d, L_SEGMENT) : lb(d, L_SCENARIO);
    for (int y = a; y <= b; y++, c++) {
        w[c] = p->yw[y - s->y0];
        head[c] = ar_printf(d, "%d", y);
    }
    for (int k = 0; last && k < 1 + s->shares; k++, c++) {
        w[c] = p->extra[k];
        head[c] = p->head_extra[k];
    }
    for (c = 1; c < nc; c++) {
        used += w[c];
        align[c] = TB_RIGHT;
    }
    w[0] = d->tw - used;
    tb_table t = {d, nc, w, align, head, NULL, TABLE_SIZE, 0};
    const char *title = txt(d, s->ref->title), *caption;
    if (p->panels == 1)
        caption = lb_caption(d, L_TABLE, s->ref->number, title);
    else if (a == s->y0)
        caption = ar_printf(d, "%s%s%s", lb_caption(d, L_TABLE, s->ref->number, title), d->zh ? "，" : ", ",
                            ar_printf(d, d->host->label(d->job, "year-range"), a, b));
    else
        caption = ar_printf(d, d->host->label(d->job, "caption"), lb_numbered(d, L_TABLE_CONT, s->ref->number),
                            ar_printf(d, d->host->label(d->job, "year-range"), a, b));
    t.cont = lb_numbered(d, L_TABLE_CONT, s->ref->number);
    tb_begin(&t, caption, 3);
    if (a == s->y0)
        nav_add(d, NAV_TABLE, lb_numbered(d, L_TABLE, s->ref->number), title, d->y + 4);
    tb_head(&t, caption);
    for (size_t i = 0; i < s->n; i++) {
        const row *r = &s->rows[i];
        /* one row's strings live on the stack: 10,000 rows cost no memory */
        char vals[MAX_PER_PANEL + 4][48];
        cells[0] = r->label;
        for (int y = a; y <= b; y++) {
            d->host->format_number(vals[y - a], sizeof vals[0], r->v[y - d->m->first_year], s->decimals, 1);
            cells[1 + y - a] = vals[y - a];
        }
        c = 1 + (size_t)(b - a + 1);
        if (last) {
            d->host->format_percent(vals[c - 1], sizeof vals[0], r->cagr, s->cagr_decimals);
            cells[c] = vals[c - 1];
            c++;
            for (int k = 0; k < s->shares; k++, c++) {
                share_text(d, vals[c - 1], sizeof vals[0], r->share[k], s->share_decimals);
                cells[c] = vals[c - 1];
            }
        }
        tb_row(&t, cells, r->flags, r->indent);
    }
    tb_end(&t);
}

/* The figure of `kind` drawn for a dimension ("" for the market). */
static const mkp_figure *figure_of(const pdf_doc *d, const char *dimension, mkp_chart_kind kind)
{
    for (size_t i = 0; i < d->m->n_figures; i++)
        if (d->m->figures[i].kind == kind && strcmp(d->m->figures[i].dimension, dimension) == 0)
            return &d->m->figures[i];
    return NULL;
}

/* A table prints its values with the decimals of its chart (the model
 * chose them for both, by the rule of host->value_decimals); a table
 * without one reads each year column by that rule. */
static int table_decimals(pdf_doc *d, const series_tab *s)
{
    const mkp_figure *f = figure_of(d, s->ref->dimension, s->ref->dimension[0] ? MKP_CHART_STACKED : MKP_CHART_LINE);
    if (f)
        return f->decimals;
    double *col = ar_alloc(d, (s->n ? s->n : 1) * sizeof *col);
    int best = d->decimals;
    for (int y = s->y0; MKP_HAS(mkp_host, d->host, value_decimals) && y <= s->y1; y++) {
        for (size_t i = 0; i < s->n; i++)
            col[i] = s->rows[i].v[y - d->m->first_year];
        int k = d->host->value_decimals(col, s->n, MKP_NUMBER_AMOUNT);
        best = k > best ? k : best;
    }
    return best;
}

static void series_table(pdf_doc *d, series_tab *s)
{
    s->decimals = table_decimals(d, s);
    plan p = make_plan(d, s);
    for (int a = s->y0; a <= s->y1; a += p.per) {
        int b = a + p.per - 1 > s->y1 ? s->y1 : a + p.per - 1;
        draw_panel(d, s, &p, a, b, b == s->y1);
        pg_gap(d, 4);
    }
}

/* Rounded shares (base year, forecast end) of a sibling set, so that the
 * printed percentages add up to exactly 100. */
static void sibling_shares(pdf_doc *d, const mkp_node *kids, size_t n, row *out, int decimals)
{
    const mkp_model *m = d->m;
    double *f = ar_alloc(d, (n ? n : 1) * sizeof *f), *o = ar_alloc(d, (n ? n : 1) * sizeof *o);
    int years[2] = {m->base_year - m->first_year, m->forecast_end - m->first_year};
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < n; i++)
            f[i] = kids[i].share[years[k]];
        d->host->round_shares(f, n, decimals, o);
        for (size_t i = 0; i < n; i++)
            out[i].share[k] = o[i];
    }
}

/* A sub-segment's share of the whole market in `year`, a percentage
 * rounded as the column shows it. */
static double market_share(const pdf_doc *d, const mkp_node *n, int year, int decimals)
{
    int yi = mkp_year_index(d->m, year);
    double total = yi >= 0 ? d->m->market->value[yi] : 0, k = pow(10, decimals);
    return total > 0 ? round(100.0 * k * n->value[yi] / total) / k : 0;
}

static void notes(pdf_doc *d, int share_note)
{
    pg_gap(d, 1);
    fl_note(d, ar_printf(d, lb(d, L_UNITS), d->unit_label));
    if (share_note)
        fl_note(d, lb(d, L_SHARE_NOTE));
    fl_note(d, txt(d, &d->m->source));
    pg_gap(d, 10);
}

void dt_dimension(pdf_doc *d, const mkp_node *dim, const mkp_table_ref *t)
{
    const mkp_model *m = d->m;
    size_t n = 1, subs = 0;
    for (size_t i = 0; i < dim->n_children; i++)
        n += 1 + dim->children[i].n_children, subs += dim->children[i].n_children;
    row *rows = ar_alloc(d, n * sizeof *rows);
    row *segs = ar_alloc(d, (dim->n_children ? dim->n_children : 1) * sizeof *segs);
    /* the CAGR and share columns as the dimension's CAGR and share charts print them */
    const mkp_figure *cf = figure_of(d, dim->id, MKP_CHART_HBAR), *sf = figure_of(d, dim->id, MKP_CHART_PERCENT);
    int cagr_dec = cf ? cf->decimals : 2, share_dec = sf ? sf->decimals : 1;
    sibling_shares(d, dim->children, dim->n_children, segs, share_dec);
    size_t k = 0;
    for (size_t i = 0; i < dim->n_children; i++) {
        const mkp_node *s = &dim->children[i];
        rows[k] = (row){txt(d, &s->title), s->value, s->cagr, {segs[i].share[0], segs[i].share[1], NAN},
                        s->n_children ? TB_BOLD : 0, 0};
        k++;
        row *sub = &rows[k];
        sibling_shares(d, s->children, s->n_children, sub, share_dec);
        for (size_t j = 0; j < s->n_children; j++, k++) {
            const mkp_node *c = &s->children[j];
            double of_parent = rows[k].share[1];
            rows[k] = (row){txt(d, &c->title), c->value, c->cagr,
                            {market_share(d, c, m->base_year, share_dec), market_share(d, c, m->forecast_end, share_dec),
                             of_parent},
                            0, 1};
        }
    }
    rows[k++] = (row){lb(d, L_TOTAL), dim->value, m->market->cagr, {100, 100, NAN}, TB_TOTAL, 0};
    series_tab s = {t, rows, k, m->first_year, m->forecast_end, subs > 0 ? 3 : 2, m->cagr_start, 0, cagr_dec, share_dec};
    series_table(d, &s);
    notes(d, subs > 0);
}

void dt_scenarios(pdf_doc *d, const mkp_table_ref *t)
{
    const mkp_model *m = d->m;
    row *rows = ar_alloc(d, (m->n_scenarios ? m->n_scenarios : 1) * sizeof *rows);
    for (size_t i = 0; i < m->n_scenarios; i++) {
        const mkp_scenario *sc = &m->scenarios[i];
        rows[i] = (row){txt(d, &sc->title), sc->market, sc->cagr, {0, 0, NAN}, sc == m->scenario ? TB_BOLD : 0, 0};
    }
    series_tab s = {t, rows, m->n_scenarios, m->base_year, m->forecast_end, 0, m->cagr_start, 0, 2, 1};
    series_table(d, &s);
    notes(d, 0);
}

/* Base, estimated and forecast year with their market values, and the CAGR
 * (the publisher's too, when it differs in the shown digits). */
void dt_key_statistics(pdf_doc *d, const mkp_table_ref *t)
{
    const mkp_model *m = d->m;
    const char *head[3] = {lb(d, L_INDICATOR), lb(d, L_YEAR), lb(d, L_VALUE)};
    const char *cells[5][3];
    int years[3] = {m->base_year, m->estimated_year, m->forecast_end};
    int labels[3] = {L_BASE_YEAR, L_EST_YEAR, L_FC_YEAR};
    size_t n = 0;
    int marked = 0;
    for (int i = 0; i < 3; i++, n++) {
        char money[96];
        int yi = mkp_year_index(m, years[i]);
        lb_money(d, money, sizeof money, yi >= 0 ? m->market->value[yi] : NAN);
        cells[n][0] = lb(d, labels[i]);
        cells[n][1] = ar_printf(d, "%d", years[i]);
        /* A figure the publisher did not print says so, beside the ones it did. */
        int estimate = yi >= 0 && !lb_is_published(d, m->market->flags[yi]);
        cells[n][2] = estimate ? ar_printf(d, "%s*", money) : ar_strdup(d, money);
        marked |= estimate;
    }
    const char *range = ar_printf(d, d->host->label(d->job, "year-range"), m->cagr_start, m->forecast_end);
    cells[n][0] = lb(d, L_CAGR);
    cells[n][1] = range;
    cells[n][2] = lb_percent(d, m->market->cagr);
    n++;
    if (m->has_published_cagr && strcmp(lb_percent(d, m->published_cagr), cells[n - 1][2]) != 0) {
        cells[n][0] = ar_printf(d, "%s (%s)", lb(d, L_CAGR), lb(d, L_PUBLISHED));
        cells[n][1] = range;
        cells[n][2] = lb_percent(d, m->published_cagr);
        n++;
    }
    double w[3] = {0, 0, 0};
    unsigned char align[3] = {TB_LEFT, TB_RIGHT, TB_RIGHT};
    for (int c = 1; c < 3; c++) {
        w[c] = tb_col_width(d, head[c], 1, 9);
        for (size_t r = 0; r < n; r++) {
            double x = tb_col_width(d, cells[r][c], 0, 9) + 12;
            w[c] = x > w[c] ? x : w[c];
        }
    }
    w[0] = d->tw - w[1] - w[2];
    tb_table tb = {d, 3, w, align, head, lb_numbered(d, L_TABLE_CONT, t->number), 9, 0};
    const char *caption = lb_caption(d, L_TABLE, t->number, txt(d, t->title));
    tb_begin(&tb, caption, (double)n);
    nav_add(d, NAV_TABLE, lb_numbered(d, L_TABLE, t->number), txt(d, t->title), d->y + 4);
    tb_head(&tb, caption);
    for (size_t r = 0; r < n; r++)
        tb_row(&tb, cells[r], 0, 0);
    tb_end(&tb);
    pg_gap(d, 1);
    if (marked)
        fl_note(d, d->host->label(d->job, "estimate-note"));
    fl_note(d, txt(d, &m->source));
    pg_gap(d, 10);
}
