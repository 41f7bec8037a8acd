/* sample.c - the sample edition: the cover, the executive summary with the
 * key statistics, the full edition's contents and lists with its page
 * numbers (what the sample leaves out marked "in the full report"), the
 * first figure of each chapter under its chapter's heading, and a page on
 * how to order the full report.
 *
 * The full edition's page numbers come from laying it out first
 * (PASS_MEASURE, never saved): render() keeps its contents and lists here
 * (sm_keep), then lays out the sample (PASS_SAMPLE) with them. */
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

#define MARK_SIZE 8.0               /* the "in the full report" marker */
#define MARK_GAP 8.0                /* between the leader dots and the marker */

int sm_is_sample(const mkp_job *job)
{
    return MKP_HAS(mkp_job, job, copy) && job->copy && job->copy->edition == MKP_EDITION_SAMPLE;
}

static const char *label(const pdf_doc *d, const char *key)
{
    return d->host->label(d->job, key);
}

/* ---- the full edition's contents ------------------------------------------- */

static char *dup(pdf_doc *d, const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(d, NULL, n), s, n);
}

/* The number of the figure whose list entry is "Figure N"; 0 for none. */
static int figure_number(pdf_doc *d, const char *number)
{
    for (size_t i = 0; i < d->m->n_figures; i++)
        if (strcmp(lb_numbered(d, L_FIGURE, d->m->figures[i].number), number) == 0)
            return d->m->figures[i].number;
    return 0;
}

static void keep_list(pdf_doc *d, const nav_list *l)
{
    sm_plan *p = d->plan;
    p->v = xrealloc(d, p->v, (p->n + l->n + 1) * sizeof *p->v);
    for (size_t i = 0; i < l->n; i++) {
        const nav_entry *e = &l->v[i];
        sm_entry *k = &p->v[p->n++];
        memset(k, 0, sizeof *k); /* freeable before it is filled in */
        k->kind = e->kind;
        k->page = pg_number(d, e->page);
        k->chapter = e->chapter;
        k->figure = e->kind == NAV_FIGURE ? figure_number(d, e->number) : 0;
        k->number = dup(d, e->number);
        k->title = dup(d, e->title);
    }
}

/* PASS_MEASURE, once the front matter is laid out: the contents, the
 * figures and the tables of the full edition with their page numbers. */
void sm_keep(pdf_doc *d)
{
    keep_list(d, &d->toc);
    keep_list(d, &d->figs);
    keep_list(d, &d->tabs);
}

void sm_plan_free(sm_plan *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->v[i].number);
        free(p->v[i].title);
    }
    free(p->v);
    p->v = NULL;
    p->n = 0;
}

/* ---- the sample's body ---------------------------------------------------------- */

/* Whether the sample shows the figure of plan entry k: the host's rule
 * (the first figure of each chapter), else the same rule from the full
 * edition's layout. */
static int shown(const pdf_doc *d, size_t k)
{
    const sm_entry *e = &d->plan->v[k];
    if (MKP_HAS(mkp_host, d->host, in_sample) && d->host->in_sample)
        return d->host->in_sample(d->job, e->figure) != 0;
    for (size_t i = 0; i < k; i++)
        if (d->plan->v[i].kind == NAV_FIGURE && d->plan->v[i].chapter == e->chapter)
            return 0;
    return 1;
}

static const mkp_figure *figure(const pdf_doc *d, int number)
{
    for (size_t i = 0; number && i < d->m->n_figures; i++)
        if (d->m->figures[i].number == number)
            return &d->m->figures[i];
    return NULL;
}

/* The next figure of `chapter` the sample shows, from plan entry *k on. */
static const mkp_figure *next_shown(const pdf_doc *d, int chapter, size_t *k)
{
    for (; *k < d->plan->n; (*k)++) {
        const sm_entry *e = &d->plan->v[*k];
        if (e->kind == NAV_FIGURE && e->chapter == chapter && figure(d, e->figure) && shown(d, *k))
            return figure(d, e->figure);
    }
    return NULL;
}

/* Chapter `c` (a plan entry) as its number and title over the figures of
 * it the sample shows; nothing when it shows none. */
static void chapter(pdf_doc *d, const sm_entry *c)
{
    size_t k = 0;
    const mkp_figure *f = next_shown(d, c->chapter, &k);
    if (!f)
        return;
    d->chapter = c->chapter - 1; /* fl_chapter counts it: the full edition's number */
    fl_chapter(d, c->title);
    while (f) {
        k++;
        const mkp_figure *next = next_shown(d, c->chapter, &k);
        ch_figure(d, f, next);
        f = next;
    }
}

/* The last page: how to order the full report (the theme's words, else
 * the host's), and whom to ask. */
static void order_page(pdf_doc *d)
{
    const mkp_model *m = d->m;
    const char *head = label(d, "order-heading");
    const mkp_theme *th = MKP_HAS(mkp_model, m, theme) ? m->theme : NULL;
    const char *call = th && th->order.n ? txt(d, &th->order) : "";
    d->running = head;
    pg_new(d);
    HPDF_Outline o = HPDF_CreateOutline(d->pdf, NULL, head, d->utf8);
    if (o)
        HPDF_Outline_SetDestination(o, nav_here(d, d->y + 10));
    pf_style st = {1, 0, 19, d->col.primary};
    pf_draw(d, d->left, d->y - 22, pf_fit(d, head, &st, d->tw), &st);
    pg_take(d, 32);
    pg_line(d, d->left, d->y, d->right, d->y, 1.2, d->col.primary);
    pg_take(d, 16);
    fl_paragraph(d, *call ? call : label(d, "order-call"), 1);
    rp_contact(d);
}

/* PASS_SAMPLE: what follows the cover. */
void sm_body(pdf_doc *d)
{
    rp_summary(d);
    int done = d->chapter;
    for (size_t i = 0; i < d->plan->n; i++)
        if (d->plan->v[i].kind == NAV_CHAPTER && d->plan->v[i].chapter > done)
            chapter(d, &d->plan->v[i]);
    order_page(d);
}

/* ---- the sample's contents -------------------------------------------------------- */

static void push(pdf_doc *d, nav_list *l, const nav_entry *e)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->v = xrealloc(d, l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = *e;
}

static const nav_entry *laid_out(const pdf_doc *d, int kind, const char *number)
{
    const nav_list *l = kind == NAV_FIGURE ? &d->figs : kind == NAV_TABLE ? &d->tabs : &d->toc;
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].kind == kind && strcmp(l->v[i].number, number) == 0)
            return &l->v[i];
    return NULL;
}

/* Before the front matter: the contents and lists become the full
 * edition's, each entry with its page there, linked to where the sample
 * has it, or marked as in the full report only. */
void sm_lists(pdf_doc *d)
{
    nav_list l[3] = {{0}};
    for (size_t i = 0; i < d->plan->n; i++) {
        const sm_entry *k = &d->plan->v[i];
        const nav_entry *s = laid_out(d, k->kind, k->number);
        nav_entry e = {k->kind, k->number, k->title, s ? s->page : 0, s ? s->dest : NULL, k->chapter, k->page, !s};
        push(d, &l[k->kind == NAV_FIGURE ? 1 : k->kind == NAV_TABLE ? 2 : 0], &e);
    }
    free(d->toc.v);
    free(d->figs.v);
    free(d->tabs.v);
    d->toc = l[0];
    d->figs = l[1];
    d->tabs = l[2];
}

/* Under the contents' heading: what its page numbers and marks mean. */
void sm_contents_note(pdf_doc *d)
{
    if (d->pass != PASS_SAMPLE)
        return;
    pf_style st = {0, 1, 8.5, d->col.muted};
    size_t n = tx_lines(d, &d->cell, label(d, "sample-contents"), &st, d->tw);
    for (size_t i = 0; i < n; i++) {
        tx_draw_line(d, &d->cell, i, d->left, d->y - 9, d->tw, 0);
        pg_take(d, 12);
    }
    pg_take(d, 8);
}

/* The room an entry's marker takes before its page number: 0 for one the
 * sample has. */
double sm_mark_room(pdf_doc *d, const nav_entry *e)
{
    if (!e->out)
        return 0;
    pf_style st = {0, 1, MARK_SIZE, d->col.muted};
    return pf_width(d, label(d, "in-full-report"), &st) + MARK_GAP;
}

/* The marker, its right end at `right`, on baseline y. */
void sm_mark(pdf_doc *d, double right, double y)
{
    pf_style st = {0, 1, MARK_SIZE, d->col.muted};
    const char *w = label(d, "in-full-report");
    pf_draw(d, right - pf_width(d, w, &st), y, w, &st);
}
