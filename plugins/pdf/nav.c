/* nav.c - getting around the report: link destinations, the PDF outline
 * (bookmarks) of chapters and sections, and the front matter (contents,
 * list of figures, list of tables), laid out after the body, when every
 * page number is known, and inserted after the cover behind the copyright
 * page. */
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

#define PAGE_COL 30.0               /* room for the page number at the right */

void nav_init(pdf_doc *d)
{
    const mkp_model *m = d->m;
    d->outline_front[3] = HPDF_CreateOutline(d->pdf, NULL, lb(d, L_RIGHTS_PAGE), d->utf8);
    d->outline_front[0] = HPDF_CreateOutline(d->pdf, NULL, lb(d, L_CONTENTS), d->utf8);
    if (m->n_figures)
        d->outline_front[1] = HPDF_CreateOutline(d->pdf, NULL, lb(d, L_LIST_FIGURES), d->utf8);
    if (m->n_tables)
        d->outline_front[2] = HPDF_CreateOutline(d->pdf, NULL, lb(d, L_LIST_TABLES), d->utf8);
}

void nav_free(pdf_doc *d)
{
    free(d->toc.v);
    free(d->figs.v);
    free(d->tabs.v);
}

/* A destination showing the current page from height y, fitted to the
 * window's width (libharu 2.3.0 refuses XYZ without a zoom). */
HPDF_Destination nav_here(pdf_doc *d, double y)
{
    HPDF_Destination dst = HPDF_Page_CreateDestination(d->page);
    if (dst)
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)(y < d->ph ? y : d->ph));
    return dst;
}

static void push(pdf_doc *d, nav_list *l, const nav_entry *e)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->v = xrealloc(d, l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = *e;
}

/* Records a heading, figure or table at height y of the current page:
 * chapters and sections also become bookmarks.  The title is kept short
 * (str_short): a bookmark is a libharu string, and an entry of the contents
 * must fit on a page. */
void nav_add(pdf_doc *d, int kind, const char *number, const char *title, double y)
{
    title = str_short(d, title);
    nav_entry e = {kind, ar_strdup(d, number), ar_strdup(d, title), d->main.n - 1, nav_here(d, y), d->chapter, 0, 0};
    if (kind == NAV_CHAPTER || kind == NAV_SECTION) {
        push(d, &d->toc, &e);
        HPDF_Outline parent = kind == NAV_SECTION ? d->outline_chapter : NULL;
        HPDF_Outline o = HPDF_CreateOutline(d->pdf, parent, ar_printf(d, "%s %s", number, title), d->utf8);
        if (o && e.dest)
            HPDF_Outline_SetDestination(o, e.dest);
        if (kind == NAV_CHAPTER) {
            d->outline_chapter = o;
            if (o)
                HPDF_Outline_SetOpened(o, HPDF_FALSE);
        }
    } else {
        push(d, kind == NAV_FIGURE ? &d->figs : &d->tabs, &e);
    }
}

/* ---- front matter ------------------------------------------------------- */

typedef struct pending {
    HPDF_Page page;
    double y;                       /* baseline */
    size_t target;                  /* main page index */
    int bold;
    size_t full;                    /* the page number to print instead (the sample's contents), or 0 */
} pending;

typedef struct front {
    pdf_doc *d;
    pending *p;
    size_t n;
} front;

/* A heading of the front matter in `size` points, its bookmark pointing
 * just above it, ruled underneath; `drop`, `above` and `below` place the
 * text and the rule, `rule` is the rule's width. */
static void front_heading(pdf_doc *d, int label, HPDF_Outline o, double size, double drop, double above, double rule,
                          double below)
{
    if (o)
        HPDF_Outline_SetDestination(o, nav_here(d, d->y + 10));
    pf_style st = {PF_HEAD, 0, size, d->col.primary};
    pf_draw(d, d->left, d->y - drop, lb(d, label), &st);
    pg_take(d, above);
    pg_line(d, d->left, d->y, d->right, d->y, rule, d->col.primary);
    pg_take(d, below);
}

void nav_front_title(pdf_doc *d, int label, HPDF_Outline o)
{
    if (!d->fresh)
        pg_new(d);
    front_heading(d, label, o, 19, 22, 32, 1.2, 16);
}

static void dotted(pdf_doc *d, double x1, double x2, double y)
{
    if (x2 - x1 < 8)
        return;
    static const HPDF_UINT16 dots[] = {1, 3};
    HPDF_Page_SetDash(d->page, dots, 2, 0);
    pg_line(d, x1, y, x2, y, 0.7, d->col.rule);
    HPDF_Page_SetDash(d->page, NULL, 0, 0);
}

/* One line of the contents or a list: number, title (wrapped), dotted
 * leader, and a link over the whole entry.  The page number is drawn later,
 * when the front matter's own length is known. */
static void entry(front *f, const nav_entry *e, double numcol)
{
    pdf_doc *d = f->d;
    int chapter = e->kind == NAV_CHAPTER;
    pf_style st = {(unsigned char)chapter, 0, chapter ? 10 : 9, chapter ? d->col.primary : d->col.ink};
    double indent = e->kind == NAV_SECTION ? 24 : 0, lead = chapter ? 13.5 : 12;
    if (e->kind == NAV_CHAPTER)
        numcol = 24;
    else if (e->kind == NAV_SECTION)
        numcol = 30;
    double mark = sm_mark_room(d, e); /* a sample's entry of the full report only */
    if (mark > 0)
        st.rgb = d->col.muted;
    double x = d->left + indent + numcol, w = d->right - PAGE_COL - x - mark;
    size_t n = tx_lines(d, &d->cell, e->title, &st, w);
    pg_gap(d, chapter ? 5 : 1.5);
    pg_need(d, (double)n * lead);
    double top = d->y, base = 0;
    for (size_t i = 0; i < n; i++) {
        base = d->y - lead + 3.5;
        if (i == 0)
            pf_draw(d, d->left + indent, base, e->number, &st);
        tx_draw_line(d, &d->cell, i, x, base, w, 0);
        pg_take(d, lead);
    }
    double end = x + (n ? d->cell.line[n - 1].w : 0);
    dotted(d, end + 6, d->right - PAGE_COL + 4 - mark, base + 0.5);
    if (mark > 0)
        sm_mark(d, d->right - PAGE_COL + 2, base);
    f->p[f->n++] = (pending){d->page, base, e->page, chapter, e->full};
    if (e->dest) {
        HPDF_Rect r = {(HPDF_REAL)d->left, (HPDF_REAL)d->y, (HPDF_REAL)d->right, (HPDF_REAL)top};
        HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(d->page, r, e->dest);
        if (a)
            HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }
}

/* The widest "Figure 12" label, so list titles line up. */
static double number_column(pdf_doc *d, const nav_list *l)
{
    pf_style st = {0, 0, 9, d->col.ink};
    double w = 0;
    for (size_t i = 0; i < l->n; i++) {
        double x = pf_width(d, l->v[i].number, &st);
        w = x > w ? x : w;
    }
    return w + 10;
}

static void list(front *f, const nav_list *l, int label, HPDF_Outline o)
{
    pdf_doc *d = f->d;
    if (!l->n)
        return;
    /* A list continues the previous page when its title and a few entries fit. */
    if (!d->fresh && !pg_room(d, 130))
        pg_new(d);
    else if (!d->fresh)
        pg_take(d, 24);
    front_heading(d, label, o, 15, 18, 26, 0.8, 10);
    double numcol = number_column(d, l);
    for (size_t i = 0; i < l->n; i++)
        entry(f, &l->v[i], numcol);
}

void nav_front(pdf_doc *d)
{
    front f = {d, NULL, 0};
    f.p = ar_alloc(d, (d->toc.n + d->figs.n + d->tabs.n + 1) * sizeof *f.p);
    d->in_front = 1;
    /* The copyright page faces the cover, as in a book; then the contents. */
    d->running = lb(d, L_RIGHTS_PAGE);
    rp_rights(d);
    d->running = lb(d, L_CONTENTS);
    pg_new(d);
    nav_front_title(d, L_CONTENTS, d->outline_front[0]);
    sm_contents_note(d);
    for (size_t i = 0; i < d->toc.n; i++)
        entry(&f, &d->toc.v[i], 0);
    d->running = lb(d, L_LIST_FIGURES);
    if (d->figs.n)
        pg_new(d);
    list(&f, &d->figs, L_LIST_FIGURES, d->outline_front[1]);
    d->running = lb(d, L_LIST_TABLES);
    list(&f, &d->tabs, L_LIST_TABLES, d->outline_front[2]);
    d->running = NULL;
    d->in_front = 0;
    for (size_t i = 0; i < f.n; i++) {
        pf_style st = {(unsigned char)f.p[i].bold, 0, f.p[i].bold ? 10 : 9,
                       f.p[i].bold ? d->col.primary : d->col.ink};
        char *num = ar_printf(d, "%zu", f.p[i].full ? f.p[i].full : pg_number(d, f.p[i].target));
        d->page = f.p[i].page;
        pf_draw(d, d->right - pf_width(d, num, &st), f.p[i].y, num, &st);
    }
}
