/* notes.c - the Notes sheet: the edition's facts (copyright and licence
 * among them), the methodology and the rules the workbook follows, which
 * series are published and which illustrative, the list of tables and
 * figures with their sheets, and the definition of every segment. */
#include <stdio.h>
#include <string.h>

#include "xlsx.h"

#define PROSE_COL 90                /* width of column B, the prose, in characters */
#define LINE_PT 15                  /* a line of the default font */

/* Paragraph text without the *emphasis* markers of the dataset format
 * (the one tokenizer of text.h says which stars are markers), cut (when it
 * is longer than out) at a character boundary. */
static void plain(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    int cut = 0;
    mkp_emphasis e;
    mkp_emphasis_run r;
    mkp_emphasis_begin(&e, in);
    while (!cut && mkp_emphasis_next(&e, &r)) {
        size_t n = r.len < cap - 1 - o ? r.len : cap - 1 - o;
        memcpy(out + o, in + r.start, n);
        o += n;
        cut = n < r.len;
    }
    if (cut || mkp_emphasis_next(&e, &r)) /* cut short: the last character may lack its end */
        o = tx_boundary(out, o);
    out[o] = '\0';
}

/* Wrapped prose in column c, its row as tall as its lines (a row keeps
 * its default height otherwise, and the lines print over the next rows). */
static void put_prose(book *b, lxw_row_t r, lxw_col_t c, const char *s)
{
    put_text(b, &b->notes, r, c, s, b->f.wrap, 0);
    double lines = 0;
    for (const char *p = s; p;) {
        const char *e = strchr(p, '\n');
        char line[4096];
        size_t len = e ? (size_t)(e - p) : strlen(p);
        len = len < sizeof line - 1 ? len : sizeof line - 1;
        memcpy(line, p, len);
        line[tx_boundary(line, len)] = '\0';
        lines += (double)(int)(tx_width(line) * b->font_scale / (PROSE_COL - 6)) + 1;
        p = e ? e + 1 : NULL;
    }
    if (lines > 1)
        note_err(b, worksheet_set_row(b->notes.ws, r, LINE_PT * lines, NULL));
}

/* The dataset's section with `id`, or NULL. */
static const mkp_section *section(const mkp_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_sections; i++)
        if (strcmp(m->sections[i].id, id) == 0)
            return &m->sections[i];
    return NULL;
}

/* A "key: value" line; nothing for an empty value.  Returns the next row. */
static lxw_row_t note_line(book *b, lxw_row_t r, const char *key, const char *value)
{
    if (!value || !*value)
        return r;
    put_text(b, &b->notes, r, 0, key, b->f.bold, 1);
    put_prose(b, r, 1, value);
    return r + 1;
}

/* The dataset's methodology, then the rules of this workbook. */
static lxw_row_t methodology(book *b, lxw_row_t r)
{
    const mkp_model *m = b->m;
    sheet *sh = &b->notes;
    char buf[4096];
    put_text(b, sh, r++, 0, lb(b, L_METHODOLOGY), b->f.caption, 0);
    const mkp_section *sec = section(m, "methodology");
    for (size_t i = 0; sec && i < sec->n_blocks; i++) {
        const mkp_block *blk = &sec->blocks[i];
        if (blk->kind == MKP_BLOCK_PARAGRAPH) {
            plain(tx(b, &blk->text), buf, sizeof buf);
            put_prose(b, r++, 1, buf);
        }
        for (size_t k = 0; blk->kind == MKP_BLOCK_BULLETS && k < blk->n_items; k++) {
            char item[4096];
            plain(tx(b, &blk->items[k]), item, sizeof item);
            tx_cat(buf, sizeof buf, 0, "\xE2\x80\xA2 %s", item);
            put_prose(b, r++, 1, buf);
        }
    }
    put_prose(b, r++, 1, lb(b, L_RECONCILE));
    snprintf(buf, sizeof buf, lb(b, L_CAGR_RULE), m->forecast_end, m->cagr_start, m->forecast_end - m->cagr_start);
    put_prose(b, r++, 1, buf);
    put_prose(b, r++, 1, lb(b, L_PRECISION));
    return r + 1;
}

/* "2021, 2022, 2025": the years the dataset gives for `n`. */
static void given_years(const book *b, const mkp_node *n, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < b->m->n_years && o < cap; i++)
        if (n->flags[i] & (MKP_YEAR_ANCHOR | MKP_YEAR_HISTORY))
            o += (size_t)snprintf(buf + o, cap - o, "%s%d", o ? ", " : "", b->m->first_year + i);
}

typedef struct prov_list {
    lxw_row_t r;
    size_t shown, hidden;
} prov_list;

/* One row per series that is not illustrative (the market is always
 * listed); illustrative series are counted per dimension. */
static size_t provenance_rows(book *b, prov_list *pl, const mkp_node *n)
{
    size_t illustrative = n->provenance == MKP_ILLUSTRATIVE && n->depth > 0;
    if (!illustrative) {
        if (pl->shown < 200) {
            char years[512];
            given_years(b, n, years, sizeof years);
            put_text(b, &b->notes, pl->r, 0, n->depth ? tx(b, &n->title) : lb(b, L_TOTAL_MARKET), b->f.text, 1);
            put_text(b, &b->notes, pl->r, 1, n->path, b->f.text, 0);
            put_text(b, &b->notes, pl->r, 2, lb_provenance(b, n->provenance), b->f.text, 1);
            put_text(b, &b->notes, pl->r, 3, years, b->f.text, 1);
            pl->r++;
            pl->shown++;
        } else {
            pl->hidden++;
        }
    }
    for (size_t c = 0; c < n->n_children; c++)
        illustrative += provenance_rows(b, pl, &n->children[c]);
    return illustrative;
}

/* The series that are not illustrative one by one (up to 200), and the
 * illustrative ones as one line per dimension. */
static lxw_row_t provenance(book *b, lxw_row_t r)
{
    const mkp_model *m = b->m;
    sheet *sh = &b->notes;
    char buf[1024];
    put_text(b, sh, r++, 0, lb(b, L_PROV_TITLE), b->f.caption, 0);
    put_text(b, sh, r, 0, lb(b, L_SERIES), b->f.head_left, 1);
    put_text(b, sh, r, 1, lb(b, L_PATH), b->f.head_left, 0);
    put_text(b, sh, r, 2, lb(b, L_PROVENANCE), b->f.head_left, 1);
    put_text(b, sh, r++, 3, lb(b, L_GIVEN_YEARS), b->f.head_left, 1);
    prov_list pl = {.r = r};
    provenance_rows(b, &pl, m->market);
    for (size_t d = 0; d < m->n_dimensions; d++) {
        const mkp_node *dim = &m->dimensions[d];
        size_t n = 0;
        for (size_t s = 0; s < dim->n_children; s++)
            n += provenance_rows(b, &pl, &dim->children[s]);
        if (!n)
            continue;
        tx_cat(buf, sizeof buf, 0, lb(b, L_DIM_SERIES), tx(b, &dim->title), n);
        put_text(b, sh, pl.r, 0, buf, b->f.text, 1);
        tx_cat(buf, sizeof buf, 0, "%s/*", dim->path);
        put_text(b, sh, pl.r, 1, buf, b->f.text, 0);
        put_text(b, sh, pl.r++, 2, lb(b, L_ILLUSTRATIVE), b->f.text, 1);
    }
    if (pl.hidden) {
        snprintf(buf, sizeof buf, lb(b, L_MORE), pl.hidden, lb(b, L_PROVENANCE), b->data.name);
        put_text(b, sh, pl.r++, 0, buf, b->f.note, 0);
    }
    return pl.r + 1;
}

/* The sheet a numbered table is on, as the sheets place them: the
 * scenarios table on Scenarios, a dimension's on its sheet, the rest
 * (the key statistics) on Summary. */
static const sheet *tb_sheet_for(const book *b, const mkp_table_ref *t)
{
    const mkp_model *m = b->m;
    if (b->scenarios.ws && strcmp(t->id, "scenarios") == 0)
        return &b->scenarios;
    for (size_t d = 0; *t->dimension && d < m->n_dimensions; d++)
        if (b->dims[d].ws && strcmp(m->dimensions[d].id, t->dimension) == 0)
            return &b->dims[d];
    return &b->summary;
}

/* Every numbered table and figure, with the sheet it is on. */
static lxw_row_t figure_list(book *b, lxw_row_t r)
{
    const mkp_model *m = b->m;
    sheet *sh = &b->notes;
    char buf[1024];
    if (!MKP_HAS(mkp_model, m, tables) || (!m->n_tables && !m->n_figures))
        return r;
    put_text(b, sh, r++, 0, lb(b, L_FIGURES_TITLE), b->f.caption, 0);
    put_text(b, sh, r, 0, lb(b, L_SHEET), b->f.head_left, 1);
    put_text(b, sh, r++, 1, lb(b, L_FIGURES_TITLE), b->f.head_left, 0);
    for (size_t i = 0; i < m->n_tables; i++) {
        const mkp_table_ref *t = &m->tables[i];
        const char *where = tb_sheet_for(b, t)->name;
        lb_numbered(b, buf, sizeof buf, L_TABLE, t->number, tx(b, t->title));
        put_text(b, sh, r, 0, where, b->f.text, 1);
        put_prose(b, r++, 1, buf);
    }
    for (size_t i = 0; i < m->n_figures; i++) {
        const mkp_figure *f = &m->figures[i];
        lb_numbered(b, buf, sizeof buf, L_FIGURE, f->number, tx(b, f->title));
        put_text(b, sh, r, 0, b->charts ? ch_sheet_for(b, f)->name : "", b->f.text, 1);
        put_prose(b, r++, 1, buf);
    }
    return r + 1;
}

/* The scope: every dimension (its description) and under it each segment
 * with its definition and series path, sub-segments indented, as the
 * report's table of definitions lists them. */
static lxw_row_t definitions(book *b, lxw_row_t r)
{
    const mkp_model *m = b->m;
    sheet *sh = &b->notes;
    if (!m->n_definitions)
        return r;
    put_text(b, sh, r++, 0, lb(b, L_SCOPE), b->f.caption, 0);
    put_text(b, sh, r, 0, lb(b, L_SEGMENT), b->f.head_left, 1);
    put_text(b, sh, r, 1, lb(b, L_DEFINITION), b->f.head_left, 0);
    put_text(b, sh, r++, 2, lb(b, L_PATH), b->f.head_left, 1);
    const mkp_node *shown = NULL;
    for (size_t i = 0; i < m->n_definitions; i++) {
        const mkp_node *n = m->definitions[i].node, *dim = n;
        while (dim->parent)
            dim = dim->parent;
        if (dim != shown) {
            put_text(b, sh, r, 0, tx(b, &dim->title), b->f.bold, 1);
            put_prose(b, r, 1, tx(b, &dim->description));
            put_text(b, sh, r++, 2, dim->path, b->f.text, 1);
            shown = dim;
        }
        const mkp_text *def = m->definitions[i].text.n ? &m->definitions[i].text : &n->description;
        put_text(b, sh, r, 0, tx(b, &n->title), n->depth > 1 ? b->f.indent : b->f.text, 1);
        put_prose(b, r, 1, tx(b, def));
        put_text(b, sh, r++, 2, n->path, b->f.text, 1);
    }
    return r + 1;
}

/* The edition's facts, then methodology, provenance and the list of tables
 * and figures, one block under the other. */
void nt_sheet(book *b)
{
    const mkp_model *m = b->m;
    sheet *sh = &b->notes;
    char buf[256];
    put_text(b, sh, 0, 0, lb(b, L_NOTES), b->f.title, 0);
    lxw_row_t r = 2;
    r = note_line(b, r, lb(b, L_SOURCE), tx(b, &m->source));
    r = note_line(b, r, lb(b, L_EDITION), m->edition);
    r = note_line(b, r, lb(b, L_PRODUCT), m->product_code);
    r = note_line(b, r, lb(b, L_PUBLISHER), tx(b, &m->publisher));
    if (*b->licence)
        r = note_line(b, r, host->label(b->job, "licensee"), b->copy->licensee);
    lb_copyright(b, buf, sizeof buf);
    r = note_line(b, r, lb(b, L_COPYRIGHT), buf);
    int imprint = MKP_HAS(mkp_model, m, definitions);
    r = note_line(b, r, lb(b, L_LICENCE), imprint && m->licence.n ? tx(b, &m->licence) : lb(b, L_LICENCE_TERMS));
    r = note_line(b, r, lb(b, L_DATASET), tx_base_name(m->source_file));
    snprintf(buf, sizeof buf, "marketpress %s", host->version);
    r = note_line(b, r, lb(b, L_GENERATED), buf);
    r = methodology(b, r + 1);
    r = provenance(b, r);
    r = figure_list(b, r);
    if (imprint)
        definitions(b, r);
    /* Column B holds the wrapped prose; its width is fixed, not fitted. */
    sh->width[1] = 0;
    sh_widths(sh, WIDTH_MIN);
    worksheet_set_column(sh->ws, 1, 1, PROSE_COL, NULL);
    sh->width[1] = PROSE_COL;
    sh_print_setup(b, sh, -1, -1);
}
