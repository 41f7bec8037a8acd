/* imprint.c - what a publisher prints besides the study: the copyright
 * page that faces the cover (the rights, the licence the client holds, the
 * edition, the disclaimer), and at the end the scope of the report (every
 * segment with its one-line definition) and a chapter about the publisher
 * with its contact details.  The dataset's own wording when it gives one,
 * else the house wording of the host's table of words. */
#include <string.h>

#include "pdf.h"

#define FACT_COL 125.0              /* where the value of a label: value line starts */
#define SCOPE_SIZE 8.0              /* table text, as in the data tables */

/* The imprint members exist from this host on (ABI 1.1, later build). */
static int has_imprint(const mkp_model *m)
{
    return MKP_HAS(mkp_model, m, definitions);
}

/* The dataset's text, or the house wording `label` when it has none. */
static const char *text_or(pdf_doc *d, const mkp_text *t, int label)
{
    return has_imprint(d->m) && t->n && *txt(d, t) ? txt(d, t) : lb(d, label);
}

/* "Label   value" lines, the value wrapped in its column; `link` makes the
 * value a link to that address. */
static void fact(pdf_doc *d, const char *label, const char *value, const char *link)
{
    if (!value || !*value)
        return;
    pf_style ls = {0, 0, 8.5, d->col.muted}, vs = {0, 0, 10, d->col.ink};
    double lead = 14, w = d->tw - FACT_COL;
    size_t n = tx_lines(d, &d->cell, value, &vs, w);
    pg_need(d, (double)n * lead);
    double top = d->y;
    pf_draw(d, d->left, d->y - 10.5, label, &ls);
    for (size_t i = 0; i < n; i++) {
        tx_draw_line(d, &d->cell, i, d->left + FACT_COL, d->y - 10.5, w, 0);
        pg_take(d, lead);
    }
    if (link) {
        double right = d->left + FACT_COL + (n ? d->cell.line[0].w : 0);
        HPDF_Rect r = {(HPDF_REAL)(d->left + FACT_COL), (HPDF_REAL)d->y, (HPDF_REAL)right, (HPDF_REAL)top};
        HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(d->page, r, link);
        if (a)
            HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }
}

/* The holder's line in bold: "© 2026 marketpress Research. All rights
 * reserved." */
static void rights_line(pdf_doc *d)
{
    const char *c = lb_copyright(d);
    pf_style st = {1, 0, 11, d->col.primary};
    const char *s = *c ? ar_printf(d, "%s%s%s", c, d->zh ? "\xE3\x80\x82" : ". ", lb(d, L_RIGHTS)) : lb(d, L_RIGHTS);
    size_t n = tx_lines(d, &d->cell, s, &st, d->tw);
    for (size_t i = 0; i < n; i++) {
        tx_draw_line(d, &d->cell, i, d->left, d->y - 12, d->tw, 0);
        pg_take(d, 16);
    }
    pg_take(d, 10);
}

/* The copyright page: rights, the report's identity, the licence and the
 * disclaimer.  Laid out with the front matter, in front of the contents. */
void rp_rights(pdf_doc *d)
{
    const mkp_model *m = d->m;
    pg_new(d);
    nav_front_title(d, L_RIGHTS_PAGE, d->outline_front[3]);
    rights_line(d);
    const char *title = txt(d, &m->title), *sub = txt(d, &m->subtitle);
    fact(d, lb(d, L_REPORT_KIND), *sub ? ar_printf(d, "%s%s%s", title, d->zh ? "\xEF\xBC\x9A" : " \xE2\x80\x94 ", sub)
                                       : title,
         NULL);
    fact(d, lb(d, L_PUBLISHER), txt(d, &m->publisher), NULL);
    fact(d, lb(d, L_EDITION), lb_date(d), NULL);
    fact(d, lb(d, L_PRODUCT), m->product_code, NULL);
    fact(d, d->host->label(d->job, "licensee"), lc_rights(d), NULL);
    const char *licence = text_or(d, &m->licence, L_LICENCE_TERMS);
    fl_heading(d, lb(d, L_LICENCE), fl_lead(d, licence));
    fl_paragraph(d, licence, 1);
    const char *disclaimer = text_or(d, &m->disclaimer, L_DISCLAIMER_TERMS);
    fl_heading(d, lb(d, L_DISCLAIMER), fl_lead(d, disclaimer));
    fl_paragraph(d, disclaimer, 1);
}

/* ---- scope and definitions ------------------------------------------------ */

/* What the scope table says of a segment: its definition, else its
 * description, else a dash. */
static const char *definition_of(pdf_doc *d, const mkp_definition *e)
{
    if (e->text.n && *txt(d, &e->text))
        return txt(d, &e->text);
    return *txt(d, &e->node->description) ? txt(d, &e->node->description) : "\xE2\x80\x93";
}

/* The segment column: as wide as its widest name (indent included) up to
 * a third of the line, so that the definitions keep most of it. */
static double name_width(pdf_doc *d)
{
    const mkp_model *m = d->m;
    double w = tb_col_width(d, lb(d, L_SEGMENT), 1, SCOPE_SIZE), max = d->tw / 3;
    for (size_t i = 0; i < m->n_dimensions && w < max; i++)
        w = tb_col_width(d, txt(d, &m->dimensions[i].title), 1, SCOPE_SIZE) > w
                ? tb_col_width(d, txt(d, &m->dimensions[i].title), 1, SCOPE_SIZE)
                : w;
    for (size_t i = 0; i < m->n_definitions && w < max; i++) {
        const mkp_node *n = m->definitions[i].node;
        double x = tb_col_width(d, txt(d, &n->title), 0, SCOPE_SIZE) + 10.0 * n->depth;
        w = x > w ? x : w;
    }
    return w < max ? w : max;
}

static const mkp_node *dimension_of(const mkp_node *n)
{
    while (n->parent)
        n = n->parent;
    return n;
}

/* One row per dimension (its title, its description) and under it every
 * segment of it, sub-segments indented; the header repeats on every page
 * the table runs onto. */
static void scope_table(pdf_doc *d)
{
    const mkp_model *m = d->m;
    static const unsigned char align[2] = {TB_LEFT, TB_LEFT};
    const char *head[2] = {lb(d, L_SEGMENT), lb(d, L_DEFINITION)};
    double w[2];
    w[0] = name_width(d);
    w[1] = d->tw - w[0];
    tb_table t = {d, 2, w, align, head, lb(d, L_SCOPE_CONT), SCOPE_SIZE, 0};
    tb_begin(&t, "", 4);
    tb_head(&t, "");
    const mkp_node *shown = NULL;
    for (size_t k = 0; k < m->n_definitions; k++) {
        const mkp_definition *e = &m->definitions[k];
        const mkp_node *dim = dimension_of(e->node);
        if (dim != shown) {
            const char *row[2] = {txt(d, &dim->title), txt(d, &dim->description)};
            tb_row(&t, row, TB_LEAD, 0);
            shown = dim;
        }
        const char *cells[2] = {txt(d, &e->node->title), definition_of(d, e)};
        tb_row(&t, cells, 0, e->node->depth);
    }
    tb_end(&t);
}

/* ---- about the publisher ---------------------------------------------------- */

static int has_about(const pdf_doc *d)
{
    const mkp_model *m = d->m;
    if (*txt(d, &m->publisher))
        return 1;
    return has_imprint(m) && (m->about.n || *or_empty(m->contact_email) || *or_empty(m->contact_web) ||
                              *or_empty(m->contact_phone) || m->contact_address.n);
}

/* The publisher's contact details under a heading (a numbered section
 * when `numbered`); nothing when the dataset gives none. */
static void contact(pdf_doc *d, int numbered)
{
    const mkp_model *m = d->m;
    const char *who = txt(d, &m->publisher);
    if (!has_imprint(m))
        return;
    const char *email = or_empty(m->contact_email), *web = or_empty(m->contact_web);
    const char *phone = or_empty(m->contact_phone), *address = txt(d, &m->contact_address);
    if (!*email && !*web && !*phone && !*address)
        return;
    if (numbered)
        fl_section(d, lb(d, L_CONTACT), 4 * 14);
    else
        fl_heading(d, lb(d, L_CONTACT), 4 * 14);
    fact(d, lb(d, L_PUBLISHER), who, NULL);
    fact(d, lb(d, L_ADDRESS), address, NULL);
    fact(d, lb(d, L_PHONE), phone, NULL);
    fact(d, lb(d, L_EMAIL), email, *email ? ar_printf(d, "mailto:%s", email) : NULL);
    fact(d, lb(d, L_WEB), web, *web ? web : NULL);
}

/* The contact details outside a chapter (the sample edition's last page). */
void rp_contact(pdf_doc *d)
{
    contact(d, 0);
}

static void ch_about(pdf_doc *d)
{
    const mkp_model *m = d->m;
    const char *who = txt(d, &m->publisher);
    fl_chapter(d, lb(d, L_ABOUT));
    if (has_imprint(m) && m->about.n)
        fl_paragraph(d, txt(d, &m->about), 1);
    else if (*who)
        fl_paragraph(d, ar_printf(d, lb(d, L_PUBLISHED_LINE), who), 0);
    contact(d, 1);
}

/* The chapters after the study: its scope, then the publisher. */
void rp_back(pdf_doc *d)
{
    const mkp_model *m = d->m;
    if (has_imprint(m) && m->n_definitions) {
        fl_chapter(d, lb(d, L_SCOPE));
        fl_paragraph(d, lb(d, L_SCOPE_INTRO), 1);
        scope_table(d);
    }
    if (has_about(d))
        ch_about(d);
}
