/* summary.c - the Summary sheet (key statistics as live formulas over the
 * market row, the market by year with its growth and the basis of each
 * year, and the defined names Market_*) and the Scenarios sheet. */
#include <stdio.h>

#include "xlsx.h"

/* A workbook-wide name for a cell or range, for analysts' own formulas. */
static void define_name(book *b, const char *name, const sheet *sh, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
                        lxw_col_t c2)
{
    char prefix[NAME_CAP * 2 + 4], range[48], formula[NAME_CAP * 2 + 64];
    sh_prefix(prefix, sizeof prefix, sh->name);
    if (r1 == r2 && c1 == c2)
        lxw_rowcol_to_cell_abs(range, r1, c1, 1, 1);
    else
        lxw_rowcol_to_range_abs(range, r1, c1, r2, c2);
    snprintf(formula, sizeof formula, "=%s%s", prefix, range);
    note_err(b, workbook_define_name(b->wb, name, formula));
}

/* Key statistics: formulas over the market row, so the CAGR stays live. */
static void key_statistics(book *b, sheet *sh, lxw_row_t r, lxw_row_t market_row)
{
    const mkp_model *m = b->m;
    const double *v = m->market->value;
    put_caption(b, sh, r, table_for(b, "key-statistics", NULL), lb(b, L_KEY_STATS));
    put_text(b, sh, r + 1, 0, lb(b, L_METRIC), b->f.head_left, 1);
    put_text(b, sh, r + 1, 1, lb(b, L_YEAR), b->f.head_left, 1);
    put_text(b, sh, r + 1, 2, b->unit, b->f.head, 1);
    put_text(b, sh, r + 1, 3, lb(b, L_PROVENANCE), b->f.head_left, 1);
    struct {
        int label, year;
        const char *name;
    } rows[] = {{L_BASE, m->base_year, "Market_Base"},
                {L_ESTIMATED, m->estimated_year, "Market_Estimated"},
                {L_FORECAST, m->forecast_end, "Market_Forecast"}};
    lxw_row_t at = r + 2;
    for (size_t k = 0; k < 3; k++, at++) {
        int yi = rows[k].year - m->first_year;
        char ref[16], formula[24];
        cell_ref(ref, market_row, (lxw_col_t)(YEAR_COL + yi));
        snprintf(formula, sizeof formula, "=%s", ref);
        put_text(b, sh, at, 0, lb(b, rows[k].label), b->f.text, 1);
        put_number(b, sh, at, 1, rows[k].year, b->f.year, 0);
        put_formula(b, sh, at, 2, formula, v[yi], b->f.value, b->decimals);
        define_name(b, rows[k].name, sh, at, 2, at, 2);
        /* what the figure is: a published one, or an estimate among them */
        put_text(b, sh, at, 3, lb_value_class(b, m->market->flags[yi]), b->f.text, 1);
    }
    char years[32];
    snprintf(years, sizeof years, host->label(b->job, "year-range"), m->cagr_start, m->forecast_end);
    put_text(b, sh, at, 0, lb(b, L_CAGR), b->f.text, 1);
    put_text(b, sh, at, 1, years, b->f.text, 1);
    put_cagr(b, sh, at, 2, market_row, m->market->cagr, b->f.pct);
    define_name(b, "Market_CAGR", sh, at, 2, at, 2);
    if (m->has_published_cagr) {
        at++;
        put_text(b, sh, at, 0, lb(b, L_CAGR_PUBLISHED), b->f.text, 1);
        put_text(b, sh, at, 1, years, b->f.text, 1);
        put_number(b, sh, at, 2, m->published_cagr, b->f.pct, 2);
        define_name(b, "Market_CAGR_Published", sh, at, 2, at, 2);
    }
}

/* Market by year with its growth and the basis of each year. */
static void market_table(book *b, sheet *sh, lxw_row_t r)
{
    const mkp_model *m = b->m;
    const mkp_node *mk = m->market;
    char buf[256];
    snprintf(buf, sizeof buf, lb(b, L_BY_YEAR), b->unit);
    put_text(b, sh, r, 0, buf, b->f.caption, 0);
    put_text(b, sh, r + 1, 0, lb(b, L_YEAR), b->f.head_left, 1);
    put_year_header(b, sh, r + 1, m->first_year, m->forecast_end);
    b->market_header = r + 1;
    put_text(b, sh, r + 2, 0, lb(b, L_MARKET_SIZE), b->f.text, 1);
    put_years(b, sh, r + 2, mk->value, b->f.value);
    ref_add(b, mk->path, sh, r + 2, mk->value);
    put_text(b, sh, r + 3, 0, lb(b, L_GROWTH), b->f.text, 1);
    for (int i = 1; i < m->n_years; i++) {
        if (mk->value[i - 1] == 0)
            continue;
        char prev[16], cur[16], formula[48];
        cell_ref(prev, r + 2, (lxw_col_t)(YEAR_COL + i - 1));
        cell_ref(cur, r + 2, (lxw_col_t)(YEAR_COL + i));
        snprintf(formula, sizeof formula, "=%s/%s-1", cur, prev);
        put_formula(b, sh, r + 3, (lxw_col_t)(YEAR_COL + i), formula, mk->value[i] / mk->value[i - 1] - 1,
                    b->f.pct, 2);
    }
    put_text(b, sh, r + 4, 0, lb(b, L_BASIS), b->f.text, 1);
    for (int i = 0; i < m->n_years; i++)
        put_text(b, sh, r + 4, (lxw_col_t)(YEAR_COL + i), lb_basis(b, mk->flags[i]), b->f.center, 1);
    define_name(b, "Market_Series", sh, r + 2, YEAR_COL, r + 2, (lxw_col_t)(YEAR_COL + m->n_years - 1));
}

/* A model of an older minor has no scenarios. */
size_t sm_n_scenarios(const mkp_model *m)
{
    return MKP_HAS(mkp_model, m, scenario) ? m->n_scenarios : 0;
}

/* Returns the rows used. */
static lxw_row_t scenario_table(book *b, sheet *sh, lxw_row_t r)
{
    const mkp_model *m = b->m;
    size_t n = sm_n_scenarios(m);
    if (n < 2)
        return 0;
    lxw_col_t cagr_col = (lxw_col_t)(YEAR_COL + m->n_years);
    char buf[512];
    put_caption(b, sh, r, table_for(b, "scenarios", NULL), lb(b, L_SCENARIOS));
    put_text(b, sh, r + 1, 0, lb(b, L_SCENARIO), b->f.head_left, 1);
    put_year_header(b, sh, r + 1, m->first_year, m->forecast_end);
    snprintf(buf, sizeof buf, host->label(b->job, "cagr-range"), m->cagr_start, m->forecast_end);
    put_text(b, sh, r + 1, cagr_col, buf, b->f.head, 1);
    for (size_t i = 0; i < n; i++) {
        const mkp_scenario *s = &m->scenarios[i];
        lxw_row_t at = r + 2 + (lxw_row_t)i;
        if (s == m->scenario)
            tx_cat(buf, sizeof buf, 0, lb(b, L_SHOWN), tx(b, &s->title));
        else
            tx_cat(buf, sizeof buf, 0, "%s", tx(b, &s->title));
        put_text(b, sh, at, 0, buf, b->f.text, 1);
        put_years(b, sh, at, s->market, b->f.value);
        put_cagr(b, sh, at, cagr_col, at, s->cagr, b->f.pct);
        ref_add(b, s->id, sh, at, s->market);
    }
    return (lxw_row_t)(n + 3);
}

/* "Contact: sales@example.com  |  https://example.com  |  +1 555 0100". */
static void contact_line(book *b, char *buf, size_t cap)
{
    const mkp_model *m = b->m;
    buf[0] = '\0';
    if (!MKP_HAS(mkp_model, m, definitions))
        return;
    const char *parts[] = {m->contact_email, m->contact_web, m->contact_phone, tx(b, &m->contact_address)};
    char list[768];
    size_t o = 0;
    list[0] = '\0';
    for (size_t k = 0; k < 4 && o < sizeof list; k++)
        if (parts[k] && *parts[k])
            o = tx_cat(list, sizeof list, o, "%s%s", o ? "  |  " : "", parts[k]);
    if (o)
        tx_cat(buf, cap, 0, "%s: %s", host->label(b->job, "contact"), list);
}

/* Below the edition's facts (a sample's say so): whom the copy is
 * licensed to, and in a sample the call to order the full report with the
 * publisher's contact.  Returns the next free row. */
static lxw_row_t notices(book *b, sheet *sh, lxw_row_t r)
{
    if (*b->licence)
        put_text(b, sh, r++, 0, b->licence, b->f.notice, 0);
    if (!b->sample)
        return r;
    put_text(b, sh, r++, 0, host->label(b->job, "order-heading"), b->f.notice, 0);
    const mkp_theme *t = b->theme;
    const char *order = t && t->order.n ? tx(b, &t->order) : host->label(b->job, "order-call");
    lxw_col_t last = (lxw_col_t)(YEAR_COL + b->m->n_years - 1);
    note_err(b, worksheet_merge_range(sh->ws, r, 0, r, last, tx_xml(b, order), b->f.order));
    b->order_row = r++;
    char buf[1024];
    contact_line(b, buf, sizeof buf);
    put_text(b, sh, r, 0, buf, b->f.note, 0);
    return *buf ? r + 1 : r;
}

/* The call to order wraps over the columns of the market table: its row
 * is as tall as its lines there, once the columns have their widths. */
void sm_order_height(book *b)
{
    const sheet *sh = &b->summary;
    if (!b->order_row)
        return;
    const mkp_theme *t = b->theme;
    const char *order = t && t->order.n ? tx(b, &t->order) : host->label(b->job, "order-call");
    double w = 0;
    for (int c = 0; c < YEAR_COL + b->m->n_years && c < sh->n_cols; c++)
        w += sh->width[c];
    double lines = w > 4 ? (double)(int)(tx_width(order) * b->font_scale / (w - 4)) + 1 : 1;
    note_err(b, worksheet_set_row(sh->ws, b->order_row, 15 * lines + 3, NULL));
}

/* Title, the edition's facts, the key statistics above the market row they
 * point at, and room for the market chart below. */
void sm_summary(book *b)
{
    const mkp_model *m = b->m;
    sheet *sh = &b->summary;
    char buf[1024];
    put_text(b, sh, 0, 0, tx(b, &m->title), b->f.title, 0);
    put_text(b, sh, 1, 0, tx(b, &m->subtitle), b->f.subtitle, 0);
    size_t o = 0;
    const char *pub = tx(b, &m->publisher);
    struct {
        int label;
        const char *value;
    } facts[] = {{L_EDITION, m->edition}, {L_PRODUCT, m->product_code}, {L_PUBLISHER, pub}};
    buf[0] = '\0';
    for (size_t k = 0; k < 3; k++)
        if (facts[k].value && *facts[k].value && o < sizeof buf)
            o = tx_cat(buf, sizeof buf, o, "%s%s: %s", o ? "  |  " : "", lb(b, facts[k].label), facts[k].value);
    if (b->sample && o < sizeof buf)
        tx_cat(buf, sizeof buf, o, "%s%s", o ? "  |  " : "", host->label(b->job, "sample-edition"));
    put_text(b, sh, 2, 0, buf, b->f.note, 0);
    lxw_row_t key = notices(b, sh, 3) + 1, n_key = 4 + (m->has_published_cagr != 0);
    lxw_row_t series = key + 2 + n_key + 1;
    key_statistics(b, sh, key, series + 2);
    market_table(b, sh, series);
    sh->chart_row = series + 7;
    sh_keep(b, sh, 0, series + 5, 0);
    sh_print_setup(b, sh, -1, -1);
}

/* The scenario comparison has a sheet of its own: the table of every
 * scenario's market with its CAGR, what each scenario assumes, and the
 * comparison chart. */
void sm_scenarios(book *b)
{
    const mkp_model *m = b->m;
    sheet *sh = &b->scenarios;
    put_text(b, sh, 0, 0, lb(b, L_SCENARIOS), b->f.title, 0);
    put_text(b, sh, 1, 0, b->unit, b->f.note, 0);
    lxw_row_t r = 3 + scenario_table(b, sh, 3);
    for (size_t i = 0; i < m->n_scenarios; i++) {
        const mkp_scenario *s = &m->scenarios[i];
        if (!s->description.n)
            continue;
        put_text(b, sh, r, 0, tx(b, &s->title), b->f.text, 1);
        put_text(b, sh, r, 1, tx(b, &s->description), b->f.note, 0);
        r++;
    }
    sh->chart_row = r + 1;
    sh_keep(b, sh, 0, r, 0);
    sh_print_setup(b, sh, -1, -1);
}
