/* imprint.c - what a publisher prints besides the study (model.h's ABI
 * 1.2 imprint): the copyright page with the licence and the disclaimer,
 * the scope (every segment with its one-line definition) and a chapter
 * about the publisher with its contact details.  The dataset's wording
 * when it gives one, else the host's house wording. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "html.h"

/* The edition as year, month and day: the dataset's date, else the
 * edition epoch (never the clock); 0 when there is none. */
static int edition(const ht_doc *d, int *y, int *mo, int *dd)
{
    const char *e = d->m->edition;
    if (e && sscanf(e, "%d-%d-%d", y, mo, dd) == 3 && *mo >= 1 && *mo <= 12)
        return 1;
    if (d->m->edition_epoch <= 0)
        return 0;
    time_t t = (time_t)d->m->edition_epoch;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return 0;
    *y = tm.tm_year + 1900;
    *mo = tm.tm_mon + 1;
    *dd = tm.tm_mday;
    return 1;
}

/* "15 January 2026" or "2026年1月15日", as the PDF dates its edition. */
void ht_edition_date(const ht_doc *d, char *buf, size_t cap)
{
    static const char *const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    int y, mo, dd;
    buf[0] = '\0';
    if (!edition(d, &y, &mo, &dd))
        return;
    if (d->zh)
        snprintf(buf, cap, "%d\xE5\xB9\xB4%d\xE6\x9C\x88%d\xE6\x97\xA5", y, mo, dd);
    else
        snprintf(buf, cap, "%d %s %d", dd, months[mo - 1], y);
}

/* "© 2026 marketpress Research": the holder is the copyright text, else
 * the publisher. */
void ht_copyright_line(const ht_doc *d, char *buf, size_t cap)
{
    const mkp_model *m = d->m;
    const char *who = ht_text(d, m->copyright.n ? &m->copyright : &m->publisher);
    int y = 0, mo, dd;
    edition(d, &y, &mo, &dd);
    if (y && *who)
        snprintf(buf, cap, "\xC2\xA9 %d %s", y, who);
    else if (y)
        snprintf(buf, cap, "\xC2\xA9 %d", y);
    else
        snprintf(buf, cap, "\xC2\xA9 %s", who);
}

/* A <dt>label</dt><dd>value</dd> pair; nothing for an empty value.  `href`
 * makes the value a link. */
static void fact(ht_doc *d, const char *label, const char *value, const mkp_text *value_t, const char *href)
{
    if (!value || !*value)
        return;
    ht_put(d->out, "<dt");
    ht_label_lang(d, d->out);
    ht_put(d->out, ">");
    ht_escape(d->out, label);
    ht_put(d->out, "</dt><dd");
    ht_lang_attr(d, d->out, value_t);
    ht_put(d->out, ">");
    if (href) {
        ht_put(d->out, "<a href=\"");
        ht_escape(d->out, href);
        ht_put(d->out, "\">");
    }
    ht_escape(d->out, value);
    ht_put(d->out, href ? "</a></dd>\n" : "</dd>\n");
}

/* The dataset's text, or the host's words for it. */
static void text_or(ht_doc *d, const mkp_text *t, const char *key)
{
    if (t->n && *ht_text(d, t)) {
        ht_paragraph(d, t, NULL);
        return;
    }
    ht_put(d->out, "<p");
    ht_label_lang(d, d->out);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_label(d, key));
    ht_put(d->out, "</p>\n");
}

static void small_heading(ht_doc *d, const char *key)
{
    ht_put(d->out, "<h3");
    ht_label_lang(d, d->out);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_label(d, key));
    ht_put(d->out, "</h3>\n");
}

/* The copyright page: the rights, what the report is, the licence and
 * the disclaimer. */
void ht_rights(ht_doc *d)
{
    const mkp_model *m = d->m;
    char line[512], date[64];
    ht_put(d->out, "<section class=\"rights\" id=\"copyright\" aria-labelledby=\"copyright-h\">\n<h2 "
                   "id=\"copyright-h\"");
    ht_label_lang(d, d->out);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_label(d, "copyright-and-licence"));
    ht_put(d->out, "</h2>\n<p class=\"rights-line\">");
    ht_copyright_line(d, line, sizeof line);
    ht_escape(d->out, line);
    ht_put(d->out, d->zh ? "\xE3\x80\x82" : ". ");
    ht_escape(d->out, ht_label(d, "all-rights-reserved"));
    ht_put(d->out, "</p>\n<dl class=\"facts\">\n");
    fact(d, ht_label(d, "report-kind"), ht_text(d, &m->title), &m->title, NULL);
    fact(d, ht_label(d, "publisher"), ht_text(d, &m->publisher), &m->publisher, NULL);
    ht_edition_date(d, date, sizeof date);
    fact(d, ht_label(d, "edition"), date, NULL, NULL);
    fact(d, ht_label(d, "product-code"), m->product_code, NULL, NULL);
    fact(d, ht_label(d, "licensee"), d->copy->licensee, NULL, NULL);
    ht_put(d->out, "</dl>\n");
    small_heading(d, "licence");
    if (*d->licence) {
        ht_put(d->out, "<p class=\"licence-line\"");
        ht_label_lang(d, d->out);
        ht_put(d->out, "><strong>");
        ht_escape(d->out, d->licence);
        ht_put(d->out, "</strong></p>\n");
    }
    text_or(d, &m->licence, "licence-terms");
    small_heading(d, "disclaimer");
    text_or(d, &m->disclaimer, "disclaimer-terms");
    ht_put(d->out, "</section>\n");
}

static const mkp_node *dimension_of(const mkp_node *n)
{
    while (n->parent && n->depth > 0)
        n = n->parent;
    return n;
}

/* One segment's row: its definition, else its description, else a dash. */
static void scope_row(ht_doc *d, const mkp_definition *e)
{
    const mkp_text *t = e->text.n && *ht_text(d, &e->text) ? &e->text : &e->node->description;
    ht_printf(d->out, "<tr%s><th scope=\"row\"", e->node->depth > 1 ? " class=\"sub\"" : "");
    ht_lang_attr(d, d->out, &e->node->title);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_text(d, &e->node->title));
    ht_put(d->out, "</th><td");
    ht_lang_attr(d, d->out, t);
    ht_put(d->out, ">");
    ht_emphasis(d->out, *ht_text(d, t) ? ht_text(d, t) : "\xE2\x80\x94");
    ht_put(d->out, "</td></tr>\n");
}

static void scope_group(ht_doc *d, const mkp_node *dim)
{
    ht_put(d->out, "<tbody>\n<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"2\"");
    ht_lang_attr(d, d->out, &dim->title);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_text(d, &dim->title));
    if (*ht_text(d, &dim->description)) {
        ht_put(d->out, " <span class=\"group-note\"");
        ht_lang_attr(d, d->out, &dim->description);
        ht_put(d->out, ">");
        ht_emphasis(d->out, ht_text(d, &dim->description));
        ht_put(d->out, "</span>");
    }
    ht_put(d->out, "</th></tr>\n");
}

/* Scope and definitions: every segment of every dimension, sub-segments
 * under their segment, in an unnumbered table grouped by dimension. */
void ht_scope(ht_doc *d)
{
    const mkp_model *m = d->m;
    if (!m->n_definitions)
        return;
    ht_chapter(d, ht_label(d, "scope-and-definitions"), d->label_lang);
    text_or(d, &(mkp_text){0, NULL}, "scope-intro");
    ht_put(d->out, "<div class=\"table-wrap\">\n<table class=\"scope\">\n<thead><tr><th scope=\"col\"");
    ht_label_lang(d, d->out);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_label(d, "segment"));
    ht_put(d->out, "</th><th scope=\"col\"");
    ht_label_lang(d, d->out);
    ht_put(d->out, ">");
    ht_escape(d->out, ht_label(d, "definition"));
    ht_put(d->out, "</th></tr></thead>\n");
    const mkp_node *dim = NULL;
    for (size_t i = 0; i < m->n_definitions; i++) {
        const mkp_definition *e = mkp_definition_at(m, i);
        if (dimension_of(e->node) != dim) {
            ht_put(d->out, dim ? "</tbody>\n" : "");
            dim = dimension_of(e->node);
            scope_group(d, dim);
        }
        scope_row(d, e);
    }
    ht_put(d->out, "</tbody>\n</table>\n</div>\n");
    ht_chapter_end(d);
}

static int has_about(const mkp_model *m)
{
    return m->publisher.n || m->about.n || *m->contact_email || *m->contact_web || *m->contact_phone ||
           m->contact_address.n;
}

/* About the publisher: its paragraph (else "This report is published by
 * ..."), then how to reach it. */
void ht_about(ht_doc *d)
{
    const mkp_model *m = d->m;
    if (!has_about(m))
        return;
    ht_chapter(d, ht_label(d, "about-publisher"), d->label_lang);
    if (m->about.n && *ht_text(d, &m->about)) {
        ht_paragraph(d, &m->about, NULL);
    } else if (*ht_text(d, &m->publisher)) {
        char s[512];
        snprintf(s, sizeof s, ht_label(d, "published-by-line"), ht_text(d, &m->publisher));
        ht_put(d->out, "<p>");
        ht_escape(d->out, s);
        ht_put(d->out, "</p>\n");
    }
    ht_heading(d, ht_label(d, "contact"), d->label_lang, "contact");
    ht_contact(d);
    ht_chapter_end(d);
}

/* How to reach the publisher, as a list of facts. */
void ht_contact(ht_doc *d)
{
    const mkp_model *m = d->m;
    char mail[320];
    snprintf(mail, sizeof mail, "mailto:%s", m->contact_email);
    ht_put(d->out, "<dl class=\"facts\">\n");
    fact(d, ht_label(d, "publisher"), ht_text(d, &m->publisher), &m->publisher, NULL);
    fact(d, ht_label(d, "address"), ht_text(d, &m->contact_address), &m->contact_address, NULL);
    fact(d, ht_label(d, "phone"), m->contact_phone, NULL, NULL);
    fact(d, ht_label(d, "email"), m->contact_email, NULL, mail);
    fact(d, ht_label(d, "web"), m->contact_web, NULL, m->contact_web);
    ht_put(d->out, "</dl>\n");
}
