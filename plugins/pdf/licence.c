/* licence.c - whom this copy is licensed to, where the report says so: a
 * block at the foot of the cover (the licensee, the licence, its seats and
 * date), the host's licence line at the foot of every other page, and the
 * document's subject and keywords.  A copy licensed to no one shows none
 * of it and is byte for byte the report it always was. */
#include <string.h>

#include "pdf.h"

#define BLOCK_PAD 8.0               /* inside the cover's strip */
#define FOOT_SIZE 7.5               /* the running foot's */
#define FOOT_MIN 6.0                /* a long licence line shrinks to this, then wraps */

static const char *label(const pdf_doc *d, const char *key)
{
    return d->host->label(d->job, key);
}

static int sample(const pdf_doc *d)
{
    return d->pass == PASS_SAMPLE || (d->copy && d->copy->edition == MKP_EDITION_SAMPLE);
}

/* "single user", "25 users", "site licence"; "" when not stated. */
static const char *seats(pdf_doc *d)
{
    int n = d->copy->seats;
    if (n == 1)
        return label(d, "seats-single");
    if (n < 0)
        return label(d, "seats-site");
    return n > 1 ? ar_printf(d, label(d, "seats-n"), n) : "";
}

/* The host's line, however long.  Every host that gives a copy (ABI 1.3)
 * has licence_line. */
static const char *line_of(pdf_doc *d)
{
    char buf[512];
    size_t n = d->host->licence_line(d->job, buf, sizeof buf);
    if (n < sizeof buf)
        return ar_strdup(d, buf);
    char *big = ar_alloc(d, n + 1);
    d->host->licence_line(d->job, big, n + 1);
    return big;
}

void lc_init(pdf_doc *d)
{
    d->copy = MKP_HAS(mkp_job, d->job, copy) ? d->job->copy : NULL;
    d->licence = "";
    if (d->copy && *or_empty(d->copy->licensee))
        d->licence = str_short(d, line_of(d));
}

static const char *joined(pdf_doc *d, const char *a, const char *sep, const char *b)
{
    return !*b ? a : !*a ? b : ar_printf(d, "%s%s%s", a, sep, b);
}

/* ---- the cover ------------------------------------------------------------ */


/* "Licence L-1234 · single user", its first letter a capital. */
static const char *details(pdf_doc *d)
{
    const mkp_copy *c = d->copy;
    const char *id = "", *n = seats(d);
    if (*or_empty(c->licence_id)) {
        char *s = ar_printf(d, label(d, "licence-id"), c->licence_id);
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
        id = s;
    }
    return !*id ? n : !*n ? id : ar_printf(d, "%s \xC2\xB7 %s", id, n);
}

/* Lines of s in st, at most `max` of them (the size shrinking to `min`
 * first), the last cut to fit; drawn when `draw` from baseline y down, a
 * line `lead` times the size apart.  Returns the height they take. */
static double lines(pdf_doc *d, const char *s, pf_style *st, double x, double y, double w, size_t max, double min,
                    double lead, int draw)
{
    if (!*s)
        return 0;
    while (st->size > min && tx_lines(d, &d->cell, s, st, w) > max)
        st->size -= 0.5;
    size_t n = tx_lines(d, &d->cell, s, st, w);
    double step = st->size * lead;
    const char *rest = NULL;
    if (n > max) { /* still too long: the first lines whole, the last cut */
        const tx_para *p = &d->cell;
        size_t at = p->line[max - 1].a < p->n ? p->box[p->line[max - 1].a].off : 0;
        rest = pf_fit(d, ar_printf(d, "%.*s", (int)(p->blen - at), p->buf + at), st, w);
        n = max;
    }
    for (size_t i = 0; draw && i < n; i++) {
        if (rest && i + 1 == n)
            pf_draw(d, x, y - (double)i * step, rest, st);
        else
            tx_draw_line(d, &d->cell, i, x, y - (double)i * step, w, 0);
    }
    return (double)n * step;
}

/* The cover's clear block at its foot (d->cover_free, which every
 * layout leaves empty): a strip in the style of the headline figures,
 * "Licensed to" and the licensee on its first lines, the licence, its
 * seats and date (and for a sample, that it is one) under them.  A long
 * name shrinks and wraps over up to three lines; the strip grows down. */
void lc_cover(pdf_doc *d)
{
    int licensed = *d->licence != 0;
    if (!licensed && !sample(d))
        return;
    pdf_box b = d->cover_free;
    double tx = b.x + BLOCK_PAD + 3, tw = b.w - 2 * BLOCK_PAD - 3, top = b.y + b.h;
    pf_style hs = {0, 0, 8.5, d->col.muted}, ns = {1, 0, 12, d->col.primary}, ds = {0, 0, 8.5, d->col.ink};
    const char *head = licensed ? label(d, "licensed-to") : "";
    const char *name = licensed ? d->copy->licensee : label(d, "sample-edition");
    const char *more = "";
    if (licensed) {
        more = joined(d, details(d), " \xC2\xB7 ", lb_day(d, or_empty(d->copy->licence_date)));
        more = joined(d, more, " \xC2\xB7 ", sample(d) ? label(d, "sample-edition") : "");
    }
    double hw = *head ? pf_width(d, head, &hs) + 8 : 0;
    /* Measured first, for the height of the strip. */
    pf_style n0 = ns, d0 = ds;
    double nh = lines(d, name, &n0, 0, 0, tw - hw, 3, 7.5, 1.25, 0);
    double mh = *more ? 3 + lines(d, more, &d0, 0, 0, tw, 2, 7, 1.3, 0) : 0;
    double h = BLOCK_PAD + nh + mh + BLOCK_PAD - 3;
    pg_rect(d, b.x, top - h, b.w, h, d->col.zebra);
    pg_rect(d, b.x, top - h, 3, h, d->col.accent);
    double base = top - BLOCK_PAD - n0.size * 0.85;
    if (*head)
        pf_draw(d, tx, base, head, &hs);
    lines(d, name, &ns, tx + hw, base, tw - hw, 3, 7.5, 1.25, 1);
    if (*more)
        lines(d, more, &ds, tx, top - BLOCK_PAD - nh - 3 - d0.size * 0.85, tw, 2, 7, 1.3, 1);
}

/* The copyright page's licensee line: "Acme Corp · Licence L-1234 ·
 * single user · 30 November 2026"; "" for a copy licensed to no one. */
const char *lc_rights(pdf_doc *d)
{
    if (!*d->licence)
        return "";
    const char *s = str_short(d, d->copy->licensee), *more = details(d);
    const char *date = lb_day(d, or_empty(d->copy->licence_date));
    s = *more ? ar_printf(d, "%s \xC2\xB7 %s", s, more) : s;
    return *date ? ar_printf(d, "%s \xC2\xB7 %s", s, date) : s;
}

/* ---- the running foot and the document's properties ----------------------- */

/* The licence line under the copyright line and the page number, at the
 * width of the text: shrunk to FOOT_MIN points when it is long, then
 * wrapped onto a second line, and only then cut. */
void lc_foot(pdf_doc *d, double y)
{
    if (!*d->licence)
        return;
    pf_style st = {0, 0, FOOT_SIZE, d->col.muted};
    lines(d, d->licence, &st, d->left, y - 11, d->tw, 2, FOOT_MIN, 1.25, 1);
}


/* The subject with the licence line and, for a sample, the edition. */
const char *lc_subject(pdf_doc *d, const char *subject)
{
    if (!*d->licence && !sample(d))
        return subject;
    subject = joined(d, subject, " \xC2\xB7 ", sample(d) ? label(d, "sample-edition") : "");
    return joined(d, subject, " \xC2\xB7 ", d->licence);
}

/* The keywords with the licensee and the licence's number. */
const char *lc_keywords(pdf_doc *d, const char *keywords)
{
    if (!*d->licence)
        return keywords;
    keywords = joined(d, keywords, ", ", d->copy->licensee);
    return joined(d, keywords, ", ", or_empty(d->copy->licence_id));
}
