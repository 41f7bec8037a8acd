/* flow.c - the blocks of running text: chapter openings, numbered section
 * headings kept with what follows them, justified paragraphs without
 * orphans or widows, bullet lists, captions, notes and display lines. */
#include <math.h>
#include <string.h>

#include "pdf.h"

#define BODY_SIZE 10.0
#define LEAD 1.42                   /* line height / font size */
#define PARA_GAP 7.0

static pf_style body(const pdf_doc *d)
{
    pf_style st = {0, 0, BODY_SIZE, d->col.ink};
    return st;
}

/* The baseline that centres a line of `size` text in a line box of
 * height `lead` whose top is at `top`. */
static double baseline(double top, double size, double lead)
{
    return top - lead / 2 - size * 0.33;
}

/* Places the lines of p at x (width w), breaking pages as needed: never a
 * lone first line at the bottom of a page, never a lone last line at the
 * top of the next.  `marker` (a bullet) goes left of the first line. */
static void place(pdf_doc *d, tx_para *p, double x, double w, int justify, const char *marker)
{
    double lead = p->size * LEAD;
    size_t n = p->nl, i = 0;
    while (i < n) {
        /* A gap taken after the last line of a full page (pg_take) may
         * leave y a little below the bottom margin: no line fits there. */
        double lines = floor((d->y - d->bottom + 0.01) / lead);
        size_t fit = lines > 0 ? (size_t)lines : 0;
        if (!d->fresh && (fit == 0 || (i == 0 && fit == 1 && n > 1))) {
            pg_new(d);
            continue;
        }
        if (fit == 0)
            fit = 1;
        size_t take = fit < n - i ? fit : n - i;
        if (i + take < n && n - (i + take) == 1 && take >= 2)
            take--;
        for (size_t k = 0; k < take; k++, i++) {
            double y = baseline(d->y, p->size, lead);
            if (i == 0 && marker) {
                pf_style ms = {0, 0, p->size, d->col.accent};
                pf_draw(d, x - 11, y, marker, &ms);
            }
            tx_draw_line(d, p, i, x, y, w, justify);
            pg_take(d, lead);
        }
        if (i < n)
            pg_new(d);
    }
}

void fl_paragraph(pdf_doc *d, const char *marked, int justify)
{
    if (!*marked)
        return;
    pf_style st = body(d);
    tx_reset(&d->para, st.size, st.rgb);
    tx_add_marked(d, &d->para, marked, &st);
    tx_break(d, &d->para, d->tw, justify ? TX_JUSTIFY : TX_RAGGED);
    place(d, &d->para, d->left, d->tw, justify, NULL);
    pg_gap(d, PARA_GAP);
}

void fl_bullet_text(pdf_doc *d, const char *marked)
{
    pf_style st = body(d);
    double indent = 16;
    tx_reset(&d->para, st.size, st.rgb);
    tx_add_marked(d, &d->para, marked, &st);
    tx_break(d, &d->para, d->tw - indent, TX_RAGGED);
    place(d, &d->para, d->left + indent, d->tw - indent, 0, "\xE2\x80\xA2");
    pg_gap(d, 3);
}

void fl_bullets(pdf_doc *d, const mkp_text *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (*txt(d, &items[i]))
            fl_bullet_text(d, txt(d, &items[i]));
    pg_gap(d, PARA_GAP - 3);
}

void fl_blocks(pdf_doc *d, const mkp_section *s)
{
    for (size_t b = 0; b < s->n_blocks; b++) {
        const mkp_block *bl = &s->blocks[b];
        if (bl->kind == MKP_BLOCK_BULLETS)
            fl_bullets(d, bl->items, bl->n_items);
        else
            fl_paragraph(d, txt(d, &bl->text), 1);
    }
}

/* Height of the first two lines of a (justified) paragraph: what a
 * heading above it must find room for on the same page. */
double fl_lead(pdf_doc *d, const char *marked)
{
    pf_style st = body(d);
    tx_reset(&d->cell, st.size, st.rgb);
    tx_add_marked(d, &d->cell, marked, &st);
    size_t n = tx_break(d, &d->cell, d->tw, TX_JUSTIFY);
    return (double)(n < 2 ? n : 2) * st.size * LEAD;
}

/* Lines of `s` in style st wrapped to w, drawn from the current position.
 * The caller made room for the first line; a text taller than what is left
 * goes on over the next pages instead of below the bottom margin (and,
 * further down, at coordinates libharu refuses). */
static void draw_wrapped(pdf_doc *d, const char *s, const pf_style *st, double x, double w, double lead)
{
    size_t n = tx_lines(d, &d->cell, s, st, w);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && !pg_room(d, lead))
            pg_new(d);
        tx_draw_line(d, &d->cell, i, x, baseline(d->y, st->size, lead), w, 0);
        pg_take(d, lead);
    }
}

/* A chapter opens a page: its number large, its title (short: it is also
 * the running head and a bookmark), a rule. */
void fl_chapter(pdf_doc *d, const char *title)
{
    title = str_short(d, title);
    d->chapter++;
    d->section = 0;
    d->running = ar_strdup(d, title);
    if (d->fresh && d->page && d->main.n > 1)
        d->main.v[d->main.n - 1].running = d->running;
    else
        pg_new(d);
    char *num = ar_printf(d, "%d", d->chapter);
    nav_add(d, NAV_CHAPTER, num, title, d->y + 10);
    pf_style ns = {PF_HEAD, 0, 30, d->col.accent};
    pf_draw(d, d->left, d->y - 26, num, &ns);
    pg_take(d, 42);
    pf_style ts = {PF_HEAD, 0, 19, d->col.primary};
    draw_wrapped(d, title, &ts, d->left, d->tw, 24);
    pg_take(d, 6);
    pg_line(d, d->left, d->y, d->right, d->y, 1.2, d->col.primary);
    pg_take(d, 20);
}

/* A numbered section heading, moved to the next page unless `keep` points
 * of what follows fit under it. */
void fl_section(pdf_doc *d, const char *title, double keep)
{
    title = str_short(d, title);
    pf_style st = {PF_HEAD, 0, 12, d->col.primary};
    double numw = 34, lead = 16;
    size_t n = tx_lines(d, &d->cell, title, &st, d->tw - numw);
    pg_gap(d, 10);
    pg_need(d, (double)n * lead + 6 + keep);
    d->section++;
    char *num = ar_printf(d, "%d.%d", d->chapter, d->section);
    nav_add(d, NAV_SECTION, num, title, d->y + 6);
    pf_draw(d, d->left, baseline(d->y, st.size, lead), num, &st);
    draw_wrapped(d, title, &st, d->left + numw, d->tw - numw, lead);
    pg_take(d, 6);
}

/* A heading without a number or a bookmark (the copyright page's parts),
 * kept with `keep` points of what follows. */
void fl_heading(pdf_doc *d, const char *title, double keep)
{
    title = str_short(d, title);
    pf_style st = {PF_HEAD, 0, 12, d->col.primary};
    double lead = 16;
    size_t n = tx_lines(d, &d->cell, title, &st, d->tw);
    pg_gap(d, 10);
    pg_need(d, (double)n * lead + 6 + keep);
    draw_wrapped(d, title, &st, d->left, d->tw, lead);
    pg_take(d, 6);
}

/* A figure's or table's caption, as short as its entry in the lists. */
void fl_caption(pdf_doc *d, const char *text)
{
    pf_style st = {1, 0, 9, d->col.primary};
    draw_wrapped(d, str_short(d, text), &st, d->left, d->tw, 12);
    pg_take(d, 4);
}

/* Source lines and table notes: small and grey, wrapped, kept on the page
 * of the table or figure they belong to when they fit. */
void fl_note(pdf_doc *d, const char *text)
{
    if (!*text)
        return;
    pf_style st = {0, 0, 7.5, d->col.muted};
    size_t n = tx_lines(d, &d->cell, text, &st, d->tw);
    pg_need(d, (double)n * 10);
    draw_wrapped(d, text, &st, d->left, d->tw, 10);
    pg_take(d, 1);
}
