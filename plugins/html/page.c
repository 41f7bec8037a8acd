/* page.c - the document around the report: the head with its one inline
 * stylesheet in the theme's colours (screen and print: A4 pages, a
 * chapter to a page, figures kept whole, the copyright line, a licensed
 * copy's licence line and the page number in the running footer, the
 * theme's logo at the head), the cover in the theme's layout, the
 * contents list with the lists of figures and tables (a sample's marking
 * what it leaves out), and the colophon.  Nothing is fetched: no script,
 * no font, no image from elsewhere (the logo is a data: URI). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

/* The screen layout: a sheet of paper on a grey desk, figures and tables
 * wider than the measure of the text.  Each $name is a colour of the
 * theme or one derived from it (theme.c); the custom properties before
 * it (--navy, --accent, ...) are the theme's too. */
static const char *const css_screen =
    "*{box-sizing:border-box}\n"
    "html{background:$desk}\n"
    "body{margin:0 auto;max-width:64rem;background:#fff;color:var(--text);font-family:var(--body);"
    "font-size:16px;line-height:1.6;font-kerning:normal;box-shadow:0 0 24px $shadow}\n"
    "main,.rights,nav.contents,footer.colophon{padding:0 3.5rem}\n"
    "p,li,dd{max-width:44em}\n"
    "p{margin:0 0 .9em}\n"
    "a{color:var(--accent);text-decoration-thickness:.06em;text-underline-offset:.15em}\n"
    "h1,h2,h3{font-family:var(--sans);color:var(--navy);line-height:1.25;font-weight:700}\n"
    "h2{font-size:1.65rem;margin:0 0 1.2rem;padding:2.6rem 0 .6rem;border-bottom:2px solid var(--accent)}\n"
    "h3{font-size:1.15rem;margin:2rem 0 .7rem}\n"
    ".chapter-number{color:var(--accent);margin-right:.35em}\n"
    ".lead{font-size:1.06rem;color:$lead}\n"
    "ul{padding-left:1.3em}li{margin:.25em 0}\n"
    "strong{font-weight:700}\n"
    /* the cover */
    ".cover{background:var(--navy);color:$on-primary;padding:3.2rem 3.5rem 2.6rem;border-bottom:6px solid var(--accent)}\n"
    ".cover .publisher{font-family:var(--sans);font-weight:700;font-size:1.05rem;margin:0 0 3.5rem}\n"
    ".cover .kind{font-family:var(--sans);font-weight:700;font-size:.8rem;letter-spacing:.12em;"
    "text-transform:uppercase;color:$kind;margin:0 0 .6rem}\n"
    ".cover h1{color:$on-primary;font-size:2.6rem;margin:0 0 1rem;max-width:20em;text-wrap:balance}\n"
    ".cover .subtitle{font-size:1.2rem;color:$subtitle;margin:0;max-width:34em;text-wrap:balance}\n"
    ".tiles{display:flex;gap:1rem;padding:2rem 3.5rem 0;flex-wrap:wrap}\n"
    ".tile{flex:1 1 12rem;background:var(--shade);border-left:4px solid var(--accent);padding:.8rem 1rem}\n"
    ".tile p{margin:0}.tile-label{font-family:var(--sans);font-size:.8rem;color:var(--muted)}\n"
    ".tile-value{font-family:var(--sans);font-size:1.35rem;font-weight:700;color:var(--navy);"
    "font-variant-numeric:tabular-nums}\n"
    ".cover-facts{padding:1.4rem 3.5rem .5rem}\n"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.6rem;margin:0 0 1.2rem}\n"
    "dl.facts dt{font-family:var(--sans);font-size:.85rem;color:var(--muted);padding-top:.12rem}\n"
    "dl.facts dd{margin:0}\n"
    ".rights-line{font-family:var(--sans);font-weight:700;color:var(--navy)}\n"
    /* contents */
    "nav.contents ol{list-style:none;padding:0;margin:0}\n"
    "nav.contents li{margin:.2rem 0;max-width:none}\n"
    "nav.contents ol ol{padding-left:2.1rem;font-size:.93rem}\n"
    "nav.contents a{color:var(--text);text-decoration:none}\n"
    "nav.contents a:hover,nav.contents a:focus{color:var(--accent);text-decoration:underline}\n"
    "nav.contents .toc>li{margin-top:.55rem}\n"
    "nav.contents .toc>li>a{font-family:var(--sans);font-weight:700;color:var(--navy)}\n"
    ".toc-number{display:inline-block;min-width:2.1rem;color:var(--accent)}\n"
    ".lists{display:grid;grid-template-columns:1fr 1fr;gap:0 2.5rem;font-size:.9rem}\n"
    /* tables */
    ".table-wrap{overflow-x:auto;margin:1.4rem 0 .4rem}\n"
    "table{border-collapse:collapse;font-family:var(--sans);line-height:1.35;"
    "font-variant-numeric:tabular-nums lining-nums;min-width:60%;font-size:.8rem}\n"
    "caption{caption-side:top;text-align:left;font-weight:700;color:var(--navy);font-size:.92rem;"
    "padding-bottom:.5rem}\n"
    ".caption-number{color:var(--accent)}\n"
    "th,td{padding:.34rem .55rem;border-bottom:1px solid $cell-rule;vertical-align:top}\n"
    "thead th{background:$header-fill;color:$header-ink;font-weight:700;vertical-align:bottom;border-bottom:0}\n"
    "thead th.label{text-align:left}\n"
    /* a long segment name wraps, never a number; a header may wrap at its spaces */
    "th[scope=row]{text-align:left;font-weight:400;min-width:12em}\n"
    "td.num,th.num{text-align:right;white-space:nowrap}thead th.rate{white-space:normal;min-width:5.5em}\n"
    "tbody tr:nth-child(even){background:$zebra-row}\n"
    "tr.strong th,tr.strong td{font-weight:700}\n"
    "tr.total th,tr.total td{font-weight:700;border-top:1.5px solid var(--navy);border-bottom:1.5px solid "
    "var(--navy);background:var(--shade)}\n"
    "th.sub{padding-left:1.9rem}\n"
    ".mark{color:var(--muted)}\n"
    ".notes{font-family:var(--sans);font-size:.76rem;color:var(--muted);margin:0 0 1.6rem}\n"
    ".notes p{margin:.1rem 0}\n"
    "table.scope{width:100%}table.scope td{font-family:var(--body);font-size:.9rem}\n"
    "tr.group th{background:var(--shade);color:var(--navy);font-weight:700;text-align:left}\n"
    ".group-note{font-weight:400;color:var(--muted)}\n"
    /* figures */
    "figure{margin:1.8rem 0 2.2rem}\n"
    "figcaption{font-family:var(--sans);font-weight:700;color:var(--navy);font-size:.92rem;margin-bottom:.5rem}\n"
    "figure.chart svg{display:block;width:100%;height:auto;border:1px solid $frame}\n"
    ".formula{font-family:var(--sans);background:var(--shade);padding:.6rem 1rem;display:inline-block}\n"
    "ul.classes{list-style:none;padding:0}\n"
    "ul.classes li::before{content:\"\";display:inline-block;width:.8em;height:.8em;margin-right:.6em;"
    "vertical-align:-.05em;background:var(--swatch)}\n"
    "footer.colophon{font-family:var(--sans);font-size:.8rem;color:var(--muted);border-top:1px solid "
    "var(--rule);margin-top:3rem;padding-top:1rem;padding-bottom:2rem}\n"
    "footer.colophon p{margin:.2rem 0}\n";

/* On paper: A4, a chapter to a page, nothing split that reads badly
 * split.  The running footer is added with the copyright line. */
static const char *const css_print =
    "@media print{\n"
    "html{background:none}body{max-width:none;box-shadow:none;font-size:10pt;line-height:1.45}\n"
    "main,.rights,nav.contents,footer.colophon{padding:0}\n"
    ".cover{padding:2.2cm 1.4cm 1.6cm;margin:0 0 0;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".tiles{padding:1cm 1.4cm 0}.cover-facts{padding:1cm 1.4cm 0}.tile-value{font-size:12pt;white-space:nowrap}\n"
    ".tile,thead th,tr.total th,tr.total td,tr.group th,tbody tr,ul.classes li::before,.formula{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}\n"
    ".rights,nav.contents,section.chapter{break-before:page}\n"
    "h2{padding-top:0}h2,h3,caption,figcaption{break-after:avoid}\n"
    "figure,tr,.tile,dl.facts{break-inside:avoid}\n"
    "thead{display:table-header-group}\n"
    ".table-wrap{overflow:visible}\n"
    "table{font-size:7.6pt}th,td{padding:.2rem .4rem}\n"
    "figure.chart svg{border:0}\n"
    "a{color:inherit;text-decoration:none}\n"
    ".lists{font-size:8.5pt}\n"
    "}\n";

/* "Page X of Y" as generated content: the host's words around the two
 * counters. */
static void page_counter(ht_doc *d, ht_buf *b)
{
    const char *fmt = ht_label(d, "page-of"), *a = strstr(fmt, "%zu"), *c = a ? strstr(a + 3, "%zu") : NULL;
    if (!a || !c) {
        ht_put(b, "counter(page) \" / \" counter(pages)");
        return;
    }
    char piece[256];
    snprintf(piece, sizeof piece, "%.*s", (int)(a - fmt), fmt);
    ht_css_string(b, piece);
    ht_put(b, " counter(page) ");
    snprintf(piece, sizeof piece, "%.*s", (int)(c - a - 3), a + 3);
    ht_css_string(b, piece);
    ht_put(b, " counter(pages) ");
    ht_css_string(b, c + 3);
}

/* The logo, small, at the head of every printed page but the cover: at
 * most 9 mm high and 45 mm wide (a margin box shows an image at its own
 * size, so the resolution says how small). */
static void page_logo(ht_doc *d, ht_buf *b)
{
    const mkp_theme *t = d->theme;
    double px_mm = 96.0 / 25.4, x = 1;
    if (t->logo_height > 0 && t->logo_height / (9 * px_mm) > x)
        x = t->logo_height / (9 * px_mm);
    if (t->logo_width > 0 && t->logo_width / (45 * px_mm) > x)
        x = t->logo_width / (45 * px_mm);
    ht_put(b, "@top-right{content:image-set(url(\"");
    ht_put(b, d->logo);
    ht_printf(b, "\") %.2fx)}\n", x);
}

/* The running footer: the copyright line (and the theme's footer) at the
 * left, a licensed copy's licence line under it, the page number at the
 * right.  The cover has none. */
static void page_rules(ht_doc *d, ht_buf *b)
{
    char line[1024];
    ht_copyright_line(d, line, sizeof line);
    if (*ht_footer_text(d)) {
        size_t n = strlen(line);
        snprintf(line + n, sizeof line - n, " \xC2\xB7 %s", ht_footer_text(d));
    }
    ht_put(b, "@page{size:A4;margin:18mm 17mm 20mm;\n");
    if (d->logo)
        page_logo(d, b);
    ht_put(b, "@bottom-left{content:");
    ht_css_string(b, line);
    if (*d->licence) {
        ht_put(b, " \"\\A \" ");
        ht_css_string(b, d->licence);
        ht_put(b, ";white-space:pre-line");
    }
    ht_style(d, b, ";font:7.5pt var(--sans);color:$muted}\n@bottom-right{content:");
    page_counter(d, b);
    ht_style(d, b, ";font:7.5pt var(--sans);color:$muted}}\n"
                   "@page:first{margin:0;@bottom-left{content:none}@bottom-right{content:none}");
    ht_put(b, d->logo ? "@top-right{content:none}}\n" : "}\n");
}

static void head(ht_doc *d, ht_buf *b, int sans)
{
    const mkp_model *m = d->m;
    ht_put(b, "<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    ht_escape(b, ht_text(d, &m->title));
    if (d->sample) {
        ht_put(b, " \xC2\xB7 ");
        ht_escape(b, ht_label(d, "sample-edition"));
    }
    ht_put(b, "</title>\n<meta name=\"generator\" content=\"marketpress\">\n");
    if (m->edition && *m->edition) {
        ht_put(b, "<meta name=\"dcterms.date\" content=\"");
        ht_escape(b, m->edition);
        ht_put(b, "\">\n");
    }
    if (m->n_keywords) {
        ht_put(b, "<meta name=\"keywords\" content=\"");
        for (size_t i = 0; i < m->n_keywords; i++) {
            ht_put(b, i ? ", " : "");
            ht_escape(b, m->keywords[i]);
        }
        ht_put(b, "\">\n");
    }
    ht_copy_meta(d, b);
    ht_put(b, "<style>\n");
    ht_font_stacks(d, b, sans);
    ht_style(d, b, css_screen);
    ht_put(b, css_print);
    page_rules(d, b);
    ht_copy_css(d, b);
    ht_put(b, "</style>\n</head>\n");
}

/* An element of the host's words (`key`), in their language. */
static void label_el(ht_doc *d, ht_buf *b, const char *tag, const char *attrs, const char *key)
{
    ht_printf(b, "<%s%s", tag, attrs);
    ht_label_lang(d, b);
    ht_put(b, ">");
    ht_escape(b, ht_label(d, key));
    ht_printf(b, "</%s>\n", tag);
}

static void text_el(ht_doc *d, ht_buf *b, const char *tag, const char *cls, const mkp_text *t)
{
    if (!*ht_text(d, t))
        return;
    ht_printf(b, "<%s class=\"%s\"", tag, cls);
    ht_lang_attr(d, b, t);
    ht_put(b, ">");
    ht_escape(b, ht_text(d, t));
    ht_printf(b, "</%s>\n", tag);
}

static void cover_fact(ht_doc *d, ht_buf *b, const char *key, const char *value, const mkp_text *t)
{
    if (!value || !*value)
        return;
    label_el(d, b, "dt", "", key);
    ht_put(b, "<dd");
    ht_lang_attr(d, b, t);
    ht_put(b, ">");
    ht_escape(b, value);
    ht_put(b, "</dd>\n");
}

/* Whom a licensed copy is for, among the cover's facts: "Licensed to"
 * and the rest of the host's licence line ("Acme Corp, licence L-1234,
 * single user"), or, for a line that does not start with those words,
 * "Licensee" and the whole line. */
static void licence_fact(ht_doc *d, ht_buf *b)
{
    const char *to = ht_label(d, "licensed-to"), *rest = d->licence;
    size_t n = strlen(to);
    if (!*d->licence)
        return;
    int prefixed = n && strncmp(d->licence, to, n) == 0 && d->licence[n];
    if (prefixed)
        for (rest += n; *rest == ' '; rest++)
            ;
    ht_put(b, "<dt");
    ht_label_lang(d, b);
    ht_put(b, ">");
    ht_escape(b, prefixed ? to : ht_label(d, "licensee"));
    ht_put(b, "</dt>\n<dd class=\"licensee\"");
    ht_label_lang(d, b);
    ht_put(b, ">");
    ht_escape(b, rest);
    ht_put(b, "</dd>\n");
}

/* The publisher: its name, or the theme's logo with the name as its
 * text (a logo shows the name itself). */
static void brand(ht_doc *d, ht_buf *b)
{
    const mkp_theme *t = d->theme;
    if (!d->logo) {
        text_el(d, b, "p", "publisher", &d->m->publisher);
        return;
    }
    ht_put(b, "<p class=\"brand\"><img class=\"logo\" src=\"");
    ht_put(b, d->logo);
    ht_put(b, "\" alt=\"");
    ht_escape(b, ht_text(d, &d->m->publisher));
    ht_put(b, "\"");
    ht_lang_attr(d, b, &d->m->publisher);
    if (t->logo_width > 0 && t->logo_height > 0)
        ht_printf(b, " width=\"%d\" height=\"%d\"", t->logo_width, t->logo_height);
    ht_put(b, "></p>\n");
}

/* The cover: publisher, kind, title and subtitle on the navy band (or
 * beside the theme's column, or on white), a licensed copy's licence
 * line, the three headline figures, and who published which edition. */
static void cover(ht_doc *d, ht_buf *b)
{
    static const char *const layouts[] = {"", " cover-sidebar", " cover-plain"};
    const mkp_model *m = d->m;
    char date[64];
    unsigned layout = (unsigned)d->theme->cover;
    ht_printf(b, "<header class=\"cover-page%s\" id=\"top\">\n<div class=\"cover\">\n", layout < 3 ? layouts[layout] : "");
    brand(d, b);
    if (d->sample)
        label_el(d, b, "p", " class=\"edition-mark\"", "sample-edition");
    label_el(d, b, "p", " class=\"kind\"", "report-kind");
    text_el(d, b, "h1", "title", &m->title);
    text_el(d, b, "p", "subtitle", &m->subtitle);
    ht_put(b, "</div>\n");
    ht_buf *keep = d->out;
    d->out = b;
    ht_key_tiles(d);
    d->out = keep;
    ht_put(b, "<div class=\"cover-facts\"><dl class=\"facts\">\n");
    cover_fact(d, b, "published-by", ht_text(d, &m->publisher), &m->publisher);
    cover_fact(d, b, "product-code", m->product_code, NULL);
    ht_edition_date(d, date, sizeof date);
    cover_fact(d, b, "edition", date, NULL);
    if (m->n_scenarios > 1 && m->scenario && m->scenario != mkp_scenario_at(m, 0))
        cover_fact(d, b, "scenario", ht_text(d, &m->scenario->title), &m->scenario->title);
    licence_fact(d, b);
    ht_put(b, "</dl></div>\n</header>\n");
}

void ht_toc_add(ht_doc *d, int level, const char *anchor, const char *title, const char *lang)
{
    if (d->n_toc == d->cap_toc) {
        size_t cap = d->cap_toc ? 2 * d->cap_toc : 32;
        ht_entry *p = realloc(d->toc, cap * sizeof *p);
        if (!p) {
            d->failed = 1;
            return;
        }
        d->toc = p;
        d->cap_toc = cap;
    }
    ht_entry *e = &d->toc[d->n_toc++];
    e->level = level;
    e->anchor = ht_strdup(d, anchor);
    e->title = ht_strdup(d, title);
    e->lang = lang && strcmp(lang, d->lang) != 0 ? ht_strdup(d, lang) : NULL;
    e->shown = d->out != &d->hidden;
}

/* A sample's mark on what only the full report has. */
static void in_full(ht_doc *d, ht_buf *b)
{
    ht_put(b, " <span class=\"in-full\"");
    ht_label_lang(d, b);
    ht_put(b, ">");
    ht_escape(b, ht_label(d, "in-full-report"));
    ht_put(b, "</span>");
}

/* An entry, linked; one the page does not have is listed unlinked, and
 * marked unless its chapter is (`mark`). */
static void toc_link(ht_doc *d, ht_buf *b, const ht_entry *e, int number, int mark)
{
    if (!e->shown) {
        ht_put(b, "<li class=\"absent\">");
        if (number)
            ht_printf(b, "<span class=\"toc-number\">%d</span>", number);
        ht_put(b, "<span class=\"entry\"");
        if (e->lang)
            ht_printf(b, " lang=\"%s\"", e->lang);
        ht_put(b, ">");
        ht_escape(b, e->title);
        ht_put(b, "</span>");
        if (mark)
            in_full(d, b);
        return;
    }
    ht_printf(b, "<li><a href=\"#%s\"", e->anchor);
    if (e->lang)
        ht_printf(b, " lang=\"%s\"", e->lang);
    ht_put(b, ">");
    if (number)
        ht_printf(b, "<span class=\"toc-number\">%d</span>", number);
    ht_escape(b, e->title);
    ht_put(b, "</a>");
}

/* Chapters with their sections under them, as nested lists. */
static void toc_entries(ht_doc *d, ht_buf *b)
{
    int chapter = 0, open = 0, shown = 1;
    ht_put(b, "<ol class=\"toc\">\n");
    for (size_t i = 0; i < d->n_toc; i++) {
        const ht_entry *e = &d->toc[i];
        if (e->level == 1) {
            ht_put(b, open ? "</ol></li>\n" : (i ? "</li>\n" : ""));
            open = 0;
            toc_link(d, b, e, ++chapter, 1);
            shown = e->shown;
        } else {
            ht_put(b, open ? "</li>\n" : "\n<ol>\n");
            open = 1;
            toc_link(d, b, e, 0, shown);
        }
    }
    ht_put(b, open ? "</li></ol></li>\n" : (d->n_toc ? "</li>\n" : ""));
    ht_put(b, "</ol>\n");
}

/* One entry of a list of figures or tables: "Figure 3: title", linked to
 * #figure-3 (`what` is the label key and the anchor's stem). */
static void list_entry(ht_doc *d, ht_buf *b, const char *what, int number, const mkp_text *title)
{
    char numbered[64];
    snprintf(numbered, sizeof numbered, ht_label(d, what), number);
    int shown = strcmp(what, "figure") == 0 ? ht_in_sample(d, number) : ht_table_is_shown(d, number);
    if (!shown) {
        ht_put(b, "<li class=\"absent\">");
        ht_caption(d, numbered, title);
        in_full(d, b);
        ht_put(b, "</li>\n");
        return;
    }
    ht_printf(b, "<li><a href=\"#%s-%d\">", what, number);
    ht_caption(d, numbered, title);
    ht_put(b, "</a></li>\n");
}

/* The lists of figures and of tables, each entry its caption. */
static void lists(ht_doc *d, ht_buf *b)
{
    const mkp_model *m = d->m;
    ht_buf *keep = d->out;
    d->out = b;
    ht_put(b, "<div class=\"lists\">\n<div>\n");
    label_el(d, b, "h3", " id=\"list-of-figures\"", "list-of-figures");
    ht_put(b, "<ol>\n");
    for (size_t i = 0; i < m->n_figures; i++)
        list_entry(d, b, "figure", mkp_figure_at(m, i)->number, mkp_figure_at(m, i)->title);
    ht_put(b, "</ol>\n</div>\n<div>\n");
    label_el(d, b, "h3", " id=\"list-of-tables\"", "list-of-tables");
    ht_put(b, "<ol>\n");
    for (size_t i = 0; i < m->n_tables; i++)
        list_entry(d, b, "table", mkp_table_ref_at(m, i)->number, mkp_table_ref_at(m, i)->title);
    ht_put(b, "</ol>\n</div>\n</div>\n");
    d->out = keep;
}

static void contents(ht_doc *d, ht_buf *b)
{
    ht_put(b, "<nav class=\"contents\" id=\"contents\" aria-labelledby=\"contents-h\">\n");
    label_el(d, b, "h2", " id=\"contents-h\"", "contents");
    toc_entries(d, b);
    lists(d, b);
    if (d->sample) {
        ht_put(b, "<p class=\"order-link\"><a href=\"#order\"");
        ht_label_lang(d, b);
        ht_put(b, ">");
        ht_escape(b, ht_label(d, "order-heading"));
        ht_put(b, "</a></p>\n");
    }
    ht_put(b, "</nav>\n");
}

static void colophon(ht_doc *d, ht_buf *b)
{
    char line[512];
    ht_copyright_line(d, line, sizeof line);
    ht_put(b, "<footer class=\"colophon\">\n<p>");
    ht_escape(b, line);
    ht_put(b, " · <a href=\"#copyright\"");
    ht_label_lang(d, b);
    ht_put(b, ">");
    ht_escape(b, ht_label(d, "copyright-and-licence"));
    ht_put(b, "</a> · <a href=\"#contents\"");
    ht_label_lang(d, b);
    ht_put(b, ">");
    ht_escape(b, ht_label(d, "contents"));
    ht_put(b, "</a></p>\n");
    if (*d->licence) {
        ht_put(b, "<p class=\"licence-line\"");
        ht_label_lang(d, b);
        ht_put(b, ">");
        ht_escape(b, d->licence);
        ht_put(b, "</p>\n");
    }
    if (*ht_footer_text(d)) {
        ht_put(b, "<p class=\"house-footer\"");
        ht_lang_attr(d, b, &d->theme->footer);
        ht_put(b, ">");
        ht_escape(b, ht_footer_text(d));
        ht_put(b, "</p>\n");
    }
    ht_put(b, "<p");
    ht_label_lang(d, b);
    ht_put(b, ">");
    ht_escape(b, ht_label(d, "generated-by"));
    ht_put(b, " marketpress</p>\n</footer>\n");
}

/* The whole page into `out`: the chapters are written first, so that the
 * contents list knows them. */
int ht_document(ht_doc *d, ht_buf *out)
{
    int sans = strcmp(d->host->option(d->job, "typeface"), "sans") == 0;
    d->out = &d->front;
    ht_rights(d);
    d->out = &d->body;
    ht_report(d);
    if (d->sample)
        ht_order(d, &d->body);
    ht_put(out, "<!DOCTYPE html>\n<html lang=\"");
    ht_escape(out, d->lang);
    ht_put(out, "\">\n");
    head(d, out, sans);
    ht_put(out, "<body>\n");
    ht_watermark(d, out);
    cover(d, out);
    ht_put(out, d->front.p ? d->front.p : "");
    contents(d, out);
    ht_put(out, "<main>\n");
    ht_put(out, d->body.p ? d->body.p : "");
    ht_put(out, "</main>\n");
    colophon(d, out);
    ht_put(out, "</body>\n</html>\n");
    return out->failed || d->front.failed || d->body.failed || d->failed ? -1 : 0;
}
