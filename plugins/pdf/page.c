/* page.c - pages and the vertical flow on them: paper size and margins, new
 * pages (appended to the body, or inserted after the cover while the
 * contents are laid out), page breaks, and the running heads and footers
 * (the copyright line, the theme's footer, "Page X of Y") drawn once the
 * page count is known. */
#include <string.h>

#include "pdf.h"

#define MARGIN_SIDE 62.0
#define MARGIN_TOP 78.0
#define MARGIN_BOTTOM 70.0

void pg_setup(pdf_doc *d, const char *paper)
{
    if (paper && strcmp(paper, "letter") == 0) {
        d->pw = 612;
        d->ph = 792;
    } else {
        d->pw = 595.276;
        d->ph = 841.89;
    }
    d->left = MARGIN_SIDE;
    d->right = d->pw - MARGIN_SIDE;
    d->tw = d->right - d->left;
    d->top = d->ph - MARGIN_TOP;
    d->bottom = MARGIN_BOTTOM;
}

static void push_page(pdf_doc *d, pdf_pages *pp, HPDF_Page page)
{
    if (pp->n == pp->cap) {
        pp->cap = pp->cap ? pp->cap * 2 : 64;
        pp->v = xrealloc(d, pp->v, pp->cap * sizeof *pp->v);
    }
    pp->v[pp->n].page = page;
    pp->v[pp->n].running = d->running;
    pp->n++;
}

/* Front matter goes in front of the first body page: libharu keeps every
 * page in memory until it saves, so the contents can be made last. */
void pg_new(pdf_doc *d)
{
    HPDF_Page page;
    /* After an error libharu adds no page: that error is the one to report. */
    if (pdf_failed(d))
        longjmp(d->oom, PDF_JMP_HPDF);
    if (d->in_front && d->main.n > 1)
        page = HPDF_InsertPage(d->pdf, d->main.v[1].page);
    else
        page = HPDF_AddPage(d->pdf);
    if (!page)
        longjmp(d->oom, d->err && d->err != HPDF_FAILD_TO_ALLOC_MEM ? PDF_JMP_HPDF : 1);
    HPDF_Page_SetWidth(page, (HPDF_REAL)d->pw);
    HPDF_Page_SetHeight(page, (HPDF_REAL)d->ph);
    push_page(d, d->in_front ? &d->front : &d->main, page);
    d->page = page;
    d->y = d->top;
    d->fresh = 1;
}

int pg_room(const pdf_doc *d, double h)
{
    return d->y - h >= d->bottom - 0.01;
}

/* A break unless h fits; on an empty page there is nothing to gain. */
void pg_need(pdf_doc *d, double h)
{
    if (!d->fresh && !pg_room(d, h))
        pg_new(d);
}

/* Space between blocks; it disappears at the top of a page. */
void pg_gap(pdf_doc *d, double h)
{
    if (!d->fresh)
        d->y -= h;
}

void pg_take(pdf_doc *d, double h)
{
    d->y -= h;
    d->fresh = 0;
}

size_t pg_number(const pdf_doc *d, size_t main_index)
{
    return main_index == 0 ? 1 : main_index + 1 + d->front.n;
}

void pg_rect(pdf_doc *d, double x, double y, double w, double h, uint32_t fill)
{
    pf_rgb_fill(d, fill);
    HPDF_Page_Rectangle(d->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
    HPDF_Page_Fill(d->page);
}

void pg_line(pdf_doc *d, double x1, double y1, double x2, double y2, double width, uint32_t rgb)
{
    pf_rgb_stroke(d, rgb);
    HPDF_Page_SetLineWidth(d->page, (HPDF_REAL)width);
    HPDF_Page_MoveTo(d->page, (HPDF_REAL)x1, (HPDF_REAL)y1);
    HPDF_Page_LineTo(d->page, (HPDF_REAL)x2, (HPDF_REAL)y2);
    HPDF_Page_Stroke(d->page);
}

/* The texts every page's running head and footer repeat, made once. */
typedef struct heads {
    const char *title, *who;
} heads;

/* The report title (left) and the chapter (right) as they fit on the head
 * line, HEAD_GAP apart.  When the two do not fit, the one narrower than its
 * share of the line (TITLE_SHARE for the title) is shown whole and the other
 * takes the rest; when both are wider, the title is cut to its share and
 * the chapter takes all the title left, so that a text is shortened only
 * as far as the line makes it. */
#define HEAD_GAP 18.0
#define TITLE_SHARE 0.5

static void head_texts(pdf_doc *d, const char **title, const char **running, const pf_style *st, double width)
{
    double line = width - HEAD_GAP;
    double t = pf_width(d, *title, st), r = pf_width(d, *running, st);
    if (t + r <= line)
        return;
    if (r <= line * (1 - TITLE_SHARE)) {
        *title = pf_fit(d, *title, st, line - r);
        return;
    }
    if (t > line * TITLE_SHARE) {
        *title = pf_fit(d, *title, st, line * TITLE_SHARE);
        t = pf_width(d, *title, st);
    }
    *running = pf_fit(d, *running, st, line - t);
}

/* The theme's logo in the running head, at the left of the title:
 * LOGO_HEAD points high (less when wider than LOGO_HEAD_W), sitting on the
 * head's baseline, a little below it. */
#define LOGO_HEAD 13.0
#define LOGO_HEAD_W 80.0
#define LOGO_GAP 10.0

/* The theme's footer line between the copyright line and the page number:
 * centred on the page where it fits there, else in the room between them,
 * shortened when that is too little.  The copyright line keeps at most
 * WHO_SHARE of the line then. */
#define FOOT_GAP 14.0
#define WHO_SHARE 0.4

static void foot_line(pdf_doc *d, double foot, const char *who, const char *pg, const pf_style *st)
{
    double pw = pf_width(d, pg, st);
    who = pf_fit(d, who, st, d->tw * WHO_SHARE);
    double ww = pf_width(d, who, st), from = d->left + ww + (ww > 0 ? FOOT_GAP : 0), to = d->right - pw - FOOT_GAP;
    pf_draw(d, d->left, foot, who, st);
    const char *f = pf_fit(d, d->footer, st, to - from);
    double fw = pf_width(d, f, st), x = (d->pw - fw) / 2;
    if (x < from || x + fw > to)
        x = from + (to - from - fw) / 2;
    pf_draw(d, x, foot, f, st);
}

/* Running head (the theme's logo, report title left, chapter right) and
 * footer (the copyright line, "© 2026 marketpress Research", left; the
 * theme's footer line; "Page X of Y" right) on one page. */
static void decorate(pdf_doc *d, const pdf_page *p, size_t number, size_t total, const heads *h)
{
    pf_style st = {0, 0, 7.5, d->col.muted};
    double head = d->ph - 46, foot = 40, x = d->left;
    d->page = p->page;
    if (d->logo)
        x += th_logo_draw(d, d->left, head - 3, LOGO_HEAD, LOGO_HEAD_W) + LOGO_GAP;
    const char *title = h->title, *run = p->running;
    if (run)
        head_texts(d, &title, &run, &st, d->right - x);
    else
        title = pf_fit(d, title, &st, d->right - x);
    pf_draw(d, x, head, title, &st);
    if (run)
        pf_draw(d, d->right - pf_width(d, run, &st), head, run, &st);
    pg_line(d, d->left, head - 6, d->right, head - 6, 0.5, d->col.rule);
    pg_line(d, d->left, foot + 12, d->right, foot + 12, 0.5, d->col.rule);
    char *pg = ar_printf(d, lb(d, L_PAGE_OF), number, total);
    if (*d->footer) {
        foot_line(d, foot, h->who, pg, &st);
    } else {
        pf_draw(d, d->left, foot, pf_fit(d, h->who, &st, d->tw * 0.6), &st);
    }
    pf_draw(d, d->right - pf_width(d, pg, &st), foot, pg, &st);
    lc_foot(d, foot);
}

/* Every page but the cover, in reading order: front matter, then body. */
void pg_decorate(pdf_doc *d)
{
    size_t total = d->main.n + d->front.n, n = 2;
    heads h = {txt_short(d, &d->m->title), lb_copyright(d)};
    /* The copyright line names its holder; without one it dates the title. */
    if (!*txt(d, &d->m->publisher) && !(MKP_HAS(mkp_model, d->m, definitions) && d->m->copyright.n))
        h.who = *h.who ? ar_printf(d, "%s \xC2\xB7 %s", h.who, h.title) : h.title;
    for (size_t i = 0; i < d->front.n; i++)
        decorate(d, &d->front.v[i], n++, total, &h);
    for (size_t i = 1; i < d->main.n; i++)
        decorate(d, &d->main.v[i], n++, total, &h);
}
