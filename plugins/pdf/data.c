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

/* A table of years (a dimension's, the scenarios'): its leading year
 * columns are split into panels, the CAGR and share columns after them
 * end the last panel. */
typedef struct series_tab {
    const mkp_table *t;
    size_t n_years;                 /* the leading MKP_COLUMN_YEAR columns */
    size_t n_extra;                 /* the CAGR and share columns after them (at most 4) */
    int y0, y1;                     /* years shown */
} series_tab;

/* A cell's text as the column prints it: "1,234.5", "9.43%", "55.0%"; an
 * empty share (a segment's share of its parent, the market) prints
 * nothing, a CAGR that cannot be computed n/a. */
static void number_text(const pdf_doc *d, char *buf, size_t cap, double v, int decimals, int percent)
{
    size_t n = d->host->format_number(buf, cap - 1, v, decimals, !percent);
    if (percent && isfinite(v)) {
        buf[n] = '%';
        buf[n + 1] = '\0';
    }
}

static void cell_text(const pdf_doc *d, char *buf, size_t cap, const mkp_table_column *c, double v)
{
    if (isnan(v) && c->kind == MKP_COLUMN_SHARE)
        buf[0] = '\0';
    else
        number_text(d, buf, cap, v, c->decimals, c->kind != MKP_COLUMN_YEAR);
}

/* The style flags of a row (TB_*) and its indent. */
static unsigned row_flags(const mkp_table_row *r)
{
    return r->kind == MKP_ROW_TOTAL ? TB_TOTAL : (r->flags & MKP_ROW_STRONG) ? TB_BOLD : 0;
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

/* Width of column c over all rows.  Values are formatted here and again
 * when drawn: cheaper than keeping 10,000 rows of strings. */
static double column_width(pdf_doc *d, const series_tab *s, size_t c, const char *head)
{
    const mkp_table_column *col = mkp_column_at(s->t, c);
    double w = head_width(d, head);
    for (size_t i = 0; i < s->t->n_rows; i++) {
        const mkp_table_row *r = mkp_row_at(s->t, i);
        char b[64];
        cell_text(d, b, sizeof b, col, r->values[c]);
        double x = tb_col_width(d, b, row_flags(r) != 0, TABLE_SIZE);
        w = x > w ? x : w;
    }
    return w;
}

static double label_width(pdf_doc *d, const series_tab *s)
{
    double w = head_width(d, txt(d, s->t->row_heading));
    for (size_t i = 0; i < s->t->n_rows; i++) {
        const mkp_table_row *r = mkp_row_at(s->t, i);
        double x = tb_col_width(d, txt(d, r->label), row_flags(r) != 0, TABLE_SIZE) + r->level * 10;
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
    int ny = (int)s->n_years;
    p.yw = ar_alloc(d, (size_t)(ny ? ny : 1) * sizeof *p.yw);
    for (int y = 0; y < ny; y++)
        p.yw[y] = column_width(d, s, (size_t)y, txt(d, mkp_column_at(s->t, (size_t)y)->heading));
    for (size_t k = 0; k < s->n_extra; k++) {
        p.head_extra[k] = txt(d, mkp_column_at(s->t, s->n_years + k)->heading);
        p.extra[k] = column_width(d, s, s->n_years + k, p.head_extra[k]);
        /* A header that names its base ("Share of market 2025") takes two
         * or three lines, not a word a line. */
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

/* "Table 2: title", or for a table in panels "Table 2: title, 2025–2030"
 * and "Table 2 (continued): 2031–2035". */
static const char *panel_caption(pdf_doc *d, const series_tab *s, const plan *p, int a, int b)
{
    const mkp_table *t = s->t;
    const char *title = txt(d, t->title);
    if (p->panels == 1)
        return lb_caption(d, L_TABLE, t->number, title);
    const char *years = ar_printf(d, d->host->label(d->job, "year-range"), a, b);
    if (a == s->y0)
        return ar_printf(d, "%s%s%s", lb_caption(d, L_TABLE, t->number, title), d->zh ? "，" : ", ", years);
    return ar_printf(d, d->host->label(d->job, "caption"), lb_numbered(d, L_TABLE_CONT, t->number), years);
}

static void draw_panel(pdf_doc *d, const series_tab *s, const plan *p, int a, int b, int last)
{
    const mkp_table *t = s->t;
    size_t nc = 1 + (size_t)(b - a + 1) + (last ? s->n_extra : 0);
    double *w = ar_alloc(d, nc * sizeof *w);
    unsigned char *align = ar_alloc(d, nc);
    const char **head = ar_alloc(d, nc * sizeof *head);
    const char **cells = ar_alloc(d, nc * sizeof *cells);
    size_t *src = ar_alloc(d, nc * sizeof *src); /* the table's column of each printed one */
    double used = 0;
    size_t c = 1;
    head[0] = txt(d, t->row_heading);
    for (int y = a; y <= b; y++, c++) {
        src[c] = (size_t)(y - s->y0);
        w[c] = p->yw[y - s->y0];
        head[c] = txt(d, mkp_column_at(t, src[c])->heading);
    }
    for (size_t k = 0; last && k < s->n_extra; k++, c++) {
        src[c] = s->n_years + k;
        w[c] = p->extra[k];
        head[c] = p->head_extra[k];
    }
    for (c = 1; c < nc; c++) {
        used += w[c];
        align[c] = TB_RIGHT;
    }
    w[0] = d->tw - used;
    tb_table tt = {d, nc, w, align, head, NULL, TABLE_SIZE, 0};
    const char *caption = panel_caption(d, s, p, a, b);
    tt.cont = lb_numbered(d, L_TABLE_CONT, t->number);
    tb_begin(&tt, caption, 3);
    if (a == s->y0)
        nav_add(d, NAV_TABLE, lb_numbered(d, L_TABLE, t->number), txt(d, t->title), d->y + 4);
    tb_head(&tt, caption);
    for (size_t i = 0; i < t->n_rows; i++) {
        const mkp_table_row *r = mkp_row_at(t, i);
        /* one row's strings live on the stack: 10,000 rows cost no memory */
        char vals[MAX_PER_PANEL + 4][48];
        cells[0] = txt(d, r->label);
        for (c = 1; c < nc; c++) {
            cell_text(d, vals[c - 1], sizeof vals[0], mkp_column_at(t, src[c]), r->values[src[c]]);
            cells[c] = vals[c - 1];
        }
        tb_row(&tt, cells, row_flags(r), r->level);
    }
    tb_end(&tt);
}

/* The table's notes: the unit, the share basis, what * marks, the source. */
static void notes(pdf_doc *d, const mkp_table *t)
{
    pg_gap(d, 1);
    for (size_t i = 0; i < t->n_notes; i++)
        fl_note(d, txt(d, &t->notes[i]));
    pg_gap(d, 10);
}

/* A table of years as the model holds it: its year columns in panels as
 * wide as the page allows. */
static void series_table(pdf_doc *d, const mkp_table *t)
{
    series_tab s = {t, 0, 0, 0, 0};
    while (s.n_years < t->n_columns && mkp_column_at(t, s.n_years)->kind == MKP_COLUMN_YEAR)
        s.n_years++;
    s.n_extra = t->n_columns - s.n_years;
    s.n_extra = s.n_extra > 4 ? 4 : s.n_extra;
    if (!s.n_years)
        return;
    s.y0 = mkp_column_at(t, 0)->year;
    s.y1 = mkp_column_at(t, s.n_years - 1)->year;
    plan p = make_plan(d, &s);
    for (int a = s.y0; a <= s.y1; a += p.per) {
        int b = a + p.per - 1 > s.y1 ? s.y1 : a + p.per - 1;
        draw_panel(d, &s, &p, a, b, b == s.y1);
        pg_gap(d, 4);
    }
    notes(d, t);
}

/* What Table `ref` holds, from the host (the model's one copy). */
static const mkp_table *contents(const pdf_doc *d, const mkp_table_ref *ref)
{
    return MKP_HAS(mkp_host, d->host, table) ? d->host->table(d->job, ref->number) : NULL;
}

void dt_dimension(pdf_doc *d, const mkp_node *dim, const mkp_table_ref *ref)
{
    (void)dim;
    const mkp_table *t = contents(d, ref);
    if (t)
        series_table(d, t);
}

void dt_scenarios(pdf_doc *d, const mkp_table_ref *ref)
{
    const mkp_table *t = contents(d, ref);
    if (t)
        series_table(d, t);
}

/* A statistic's value: "USD 28.46 billion" (with * when the publisher did
 * not print it) or "9.43%". */
static const char *statistic_text(pdf_doc *d, const mkp_table_row *r)
{
    char b[96];
    if (r->number != MKP_NUMBER_AMOUNT) {
        number_text(d, b, sizeof b, r->values[0], r->decimals, 1);
        return ar_strdup(d, b);
    }
    d->host->format_money(d->job, b, sizeof b, r->values[0], r->decimals);
    mkp_value_class c = (mkp_value_class)r->classes[0];
    int estimate = !isnan(r->values[0]) && c != MKP_VALUE_PUBLISHED && c != MKP_VALUE_ACTUAL;
    return estimate ? ar_printf(d, "%s*", b) : ar_strdup(d, b);
}

/* Base, estimated and forecast year with their market values, and the CAGR
 * (the publisher's too, when it differs in the shown digits). */
void dt_key_statistics(pdf_doc *d, const mkp_table_ref *ref)
{
    const mkp_table *t = contents(d, ref);
    if (!t)
        return;
    const char *head[3] = {txt(d, t->row_heading), lb(d, L_YEAR), txt(d, mkp_column_at(t, 0)->heading)};
    const char *(*cells)[3] = ar_alloc(d, (t->n_rows ? t->n_rows : 1) * sizeof *cells);
    size_t n = 0;
    const char *cagr = "";
    for (size_t i = 0; i < t->n_rows; i++) {
        const mkp_table_row *r = mkp_row_at(t, i);
        const char *v = statistic_text(d, r);
        if (strcmp(r->key, "cagr-published") == 0 && strcmp(v, cagr) == 0)
            continue;
        if (strcmp(r->key, "cagr") == 0)
            cagr = v;
        cells[n][0] = txt(d, r->label);
        cells[n][1] = r->year_from == r->year
                          ? ar_printf(d, "%d", r->year)
                          : ar_printf(d, d->host->label(d->job, "year-range"), r->year_from, r->year);
        cells[n++][2] = v;
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
    notes(d, t); /* with what * marks, when a value has one */
}
