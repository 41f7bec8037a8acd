/* copy.c - what one copy of the page carries for its reader (job->copy):
 * a licensed copy's metadata and licence line, the watermark set across
 * every screen and every printed page, and the sample edition, which
 * writes the whole report but shows only the summary, the key
 * statistics and the first figure of each chapter, lists the rest in
 * its contents unlinked and closes with the call to order. */
#include <stdio.h>
#include <string.h>

#include "html.h"

static void meta(ht_buf *b, const char *name, const char *content)
{
    if (!content || !*content)
        return;
    ht_printf(b, "<meta name=\"%s\" content=\"", name);
    ht_escape(b, content);
    ht_put(b, "\">\n");
}

/* Who the copy is licensed to, for a program reading the page: the
 * licence line as Dublin Core's statement of the licence, and each part
 * of it under a name of marketpress's own. */
void ht_copy_meta(ht_doc *d, ht_buf *b)
{
    const mkp_copy *c = d->copy;
    char seats[32] = "";
    if (d->sample)
        meta(b, "marketpress-edition", "sample");
    if (!*d->licence)
        return;
    meta(b, "dcterms.license", d->licence);
    meta(b, "marketpress-licensee", c->licensee);
    meta(b, "marketpress-licence-id", c->licence_id);
    if (c->seats < 0)
        snprintf(seats, sizeof seats, "site");
    else if (c->seats > 0)
        snprintf(seats, sizeof seats, "%d", c->seats);
    meta(b, "marketpress-seats", seats);
    meta(b, "marketpress-licence-date", c->licence_date);
}

/* The other two covers: the title beside a tall column of the primary
 * colour, or on white over a rule of the accent. */
static const char *const css_sidebar =
    ".cover-sidebar{position:relative;padding-left:13rem;background:linear-gradient(90deg,var(--navy) 13rem,#fff "
    "13rem)}\n"
    ".cover-sidebar .cover{background:none;color:var(--text);border-bottom:0;padding-bottom:1.2rem}\n"
    ".cover-sidebar .cover>.publisher,.cover-sidebar .brand{position:absolute;left:0;top:0;width:13rem;"
    "padding:3.2rem 1.5rem 0;color:$on-primary}\n"
    ".cover-sidebar .cover h1{color:var(--navy)}.cover-sidebar .cover .kind{color:var(--accent)}\n"
    ".cover-sidebar .cover .subtitle{color:var(--muted)}.cover-sidebar .tile{flex-basis:9rem}\n"
    /* on paper the column runs down the whole cover page */
    "@media print{.cover-sidebar{padding-left:4.6cm;min-height:100vh;background:linear-gradient(90deg,var(--navy) "
    "4.6cm,#fff 4.6cm);-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".cover-sidebar .cover>.publisher,.cover-sidebar .brand{width:4.6cm;padding:2.2cm .8cm 0}"
    ".cover-sidebar .cover,.cover-sidebar .tiles,.cover-sidebar .cover-facts{padding-left:1.2cm;padding-right:1.2cm}"
    ".cover-sidebar .tile-value{white-space:normal}}\n";

static const char *const css_plain =
    ".cover-plain .cover{background:#fff;color:var(--text);border-bottom:3px solid var(--accent)}\n"
    ".cover-plain .cover .publisher{color:var(--navy)}.cover-plain .cover h1{color:var(--navy)}\n"
    ".cover-plain .cover .kind{color:var(--accent)}.cover-plain .cover .subtitle{color:var(--muted)}\n";

/* The logo: on a white plate where it stands on the primary colour. */
static const char *const css_logo =
    ".cover .brand{margin:0 0 3.5rem}\n"
    ".brand .logo{display:block;height:3.6rem;width:auto;max-width:15rem;object-fit:contain;margin:0;"
    "background:#fff;padding:.45rem .6rem;border-radius:3px}\n"
    ".cover-plain .brand .logo{padding:0;background:none}\n"
    ".cover-sidebar .brand .logo{max-width:100%}\n"
    "@media print{.brand .logo{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static const char *const css_licence =
    "dl.facts dd.licensee{font-family:var(--sans);font-weight:700;color:var(--navy)}\n"
    "footer.colophon .licence-line{font-weight:700}\n";

static const char *const css_sample =
    ".edition-mark{display:inline-block;font-family:var(--sans);font-weight:700;font-size:.8rem;"
    "letter-spacing:.12em;text-transform:uppercase;border:2px solid currentColor;padding:.15rem .6rem;"
    "margin:0 0 1.2rem}\n"
    "nav.contents li.absent{color:var(--muted)}\n"
    "nav.contents .toc>li.absent>.entry{font-family:var(--sans);font-weight:700}\n"
    ".in-full{font-family:var(--sans);font-size:.72rem;font-weight:400;color:var(--muted);border:1px solid "
    "var(--rule);border-radius:.7em;padding:0 .5em;margin-left:.6em;white-space:nowrap}\n"
    ".lists{grid-template-columns:1fr}\n"
    ".order-link{font-family:var(--sans);font-weight:700;margin:1.4rem 0}nav.contents .order-link a{color:var(--accent)}\n"
    ".order-call{background:var(--shade);border-left:4px solid var(--accent);padding:1rem 1.3rem;"
    "font-size:1.06rem}\n"
    "@media print{.order-call{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* The watermark's size: as large as fits diagonally across the window
 * (and across the printed page's 176 x 259 mm), measured in the host's
 * bold sans face. */
static void watermark_css(ht_doc *d, ht_buf *b)
{
    const char *w = d->watermark;
    size_t n = 0;
    for (const char *p = w; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    double em = d->host->measure(d->fonts, w, 1.0, 1) + 0.05 * (double)n;
    double across = 0.866 * em + 0.5, down = 0.5 * em + 0.866;
    double vw = 90 / across, vh = 85 / down, mm = 168 / across;
    if (vw > 18)
        vw = 18;
    if (mm > 40)
        mm = 40;
    if (mm > 245 / down)
        mm = 245 / down;
    ht_printf(b, ".watermark{position:fixed;top:50%%;left:50%%;z-index:10;transform:translate(-50%%,-50%%) "
                 "rotate(-30deg);font:700 min(%.2fvw,%.2fvh)/1 var(--sans);letter-spacing:.05em;white-space:nowrap;"
                 "pointer-events:none;user-select:none;color:rgba(%d,%d,%d,.14)}\n",
              vw, vh, d->theme->accent.r, d->theme->accent.g, d->theme->accent.b);
    ht_printf(b, "@media print{.watermark{font-size:%.1fmm;-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n",
              mm);
}

/* What only some pages need, after the common stylesheet: nothing for
 * the default theme's unlicensed full edition. */
void ht_copy_css(ht_doc *d, ht_buf *b)
{
    if (d->theme->cover == MKP_COVER_SIDEBAR)
        ht_style(d, b, css_sidebar);
    else if (d->theme->cover == MKP_COVER_PLAIN)
        ht_style(d, b, css_plain);
    if (d->logo)
        ht_style(d, b, css_logo);
    if (*d->licence)
        ht_style(d, b, css_licence);
    if (d->sample)
        ht_style(d, b, css_sample);
    if (*d->watermark)
        watermark_css(d, b);
}

/* The watermark: one element that the stylesheet fixes over the window,
 * which Chromium repeats on every printed page; hidden from screen
 * readers, which read the page's words once. */
void ht_watermark(ht_doc *d, ht_buf *b)
{
    if (!*d->watermark)
        return;
    ht_put(b, "<div class=\"watermark\" aria-hidden=\"true\">");
    ht_escape(b, d->watermark);
    ht_put(b, "</div>\n");
}

/* The sample's last chapter: the theme's call to order (else the host's)
 * and how to reach the publisher. */
void ht_order(ht_doc *d, ht_buf *b)
{
    const mkp_text *order = &d->theme->order;
    ht_buf *keep = d->out;
    d->out = b;
    ht_put(b, "<section class=\"chapter order\" id=\"order\" aria-labelledby=\"order-h\">\n<h2 id=\"order-h\"");
    ht_label_lang(d, b);
    ht_put(b, ">");
    ht_escape(b, ht_label(d, "order-heading"));
    ht_put(b, "</h2>\n");
    if (order->n && *ht_text(d, order)) {
        ht_paragraph(d, order, "order-call");
    } else {
        ht_put(b, "<p class=\"order-call\"");
        ht_label_lang(d, b);
        ht_put(b, ">");
        ht_escape(b, ht_label(d, "order-call"));
        ht_put(b, "</p>\n");
    }
    ht_contact(d);
    ht_put(b, "</section>\n");
    d->out = keep;
}

static void clear(ht_buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = '\0';
}

/* A sample's chapter opening goes to `opening` (returned, emptied) until
 * something in the chapter is shown. */
ht_buf *ht_sample_opening(ht_doc *d)
{
    clear(&d->opening);
    d->chapter_shown = 0;
    return &d->opening;
}

/* Before writing what the sample shows inside a hidden chapter: the
 * chapter's opening goes out first, once, and its contents entry is
 * linked.  Returns whether writing was hidden, for ht_sample_hide(). */
int ht_sample_show(ht_doc *d)
{
    if (d->out != &d->hidden)
        return 0;
    if (!d->chapter_shown) {
        ht_put(&d->body, d->opening.p ? d->opening.p : "");
        if (d->chapter_entry < d->n_toc)
            d->toc[d->chapter_entry].shown = 1;
        d->chapter_shown = 1;
    }
    d->out = &d->body;
    return 1;
}

void ht_sample_hide(ht_doc *d, int was)
{
    if (was)
        d->out = &d->hidden;
}

/* The end of a chapter: a hidden one's content is dropped, and it is
 * closed only if something of it was shown. */
void ht_sample_chapter_end(ht_doc *d)
{
    if (d->out != &d->hidden) {
        ht_put(d->out, "</section>\n");
        return;
    }
    d->failed |= d->hidden.failed;
    clear(&d->hidden);
    d->out = &d->body;
    if (d->chapter_shown)
        ht_put(d->out, "</section>\n");
}

void ht_table_shown(ht_doc *d, int number)
{
    if (d->shown_tables && d->out != &d->hidden && number > 0 && (size_t)number <= d->m->n_tables + 1)
        d->shown_tables[number] = 1;
}

int ht_table_is_shown(const ht_doc *d, int number)
{
    if (!d->sample)
        return 1;
    return d->shown_tables && number > 0 && (size_t)number <= d->m->n_tables + 1 && d->shown_tables[number];
}
