/* out.c - the page as a growing string: appending, escaping every text
 * that comes from the dataset or the host, the lang attribute of a text
 * shown in another language than the page's, and the prose blocks with
 * their *italic* and **bold** read by text.h's one tokenizer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

static int grow(ht_buf *b, size_t more)
{
    if (b->failed)
        return 0;
    if (b->len + more + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->p = p;
    b->cap = cap;
    return 1;
}

static void append(ht_buf *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void ht_put(ht_buf *b, const char *s)
{
    append(b, s, strlen(s));
}

void ht_printf(ht_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void ht_free(ht_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* Whether code point c may stand in an HTML document as it is: no
 * control character but tab and newline, no noncharacter (a validator
 * reports both, and a browser may show them as boxes). */
static int allowed(unsigned long c)
{
    if (c < 0x20)
        return c == '\t' || c == '\n';
    if (c >= 0x7F && c <= 0x9F)
        return 0;
    if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
        return 0;
    return 1;
}

/* n bytes of s as text or attribute value: the five markup characters as
 * references, malformed UTF-8 as U+FFFD (mkp_utf8_next's reading, the
 * one every plugin shares), controls left out. */
void ht_escape_n(ht_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i]) {
        size_t at = i;
        unsigned long c = mkp_utf8_next(s, n, &i);
        if (c == '&')
            ht_put(b, "&amp;");
        else if (c == '<')
            ht_put(b, "&lt;");
        else if (c == '>')
            ht_put(b, "&gt;");
        else if (c == '"')
            ht_put(b, "&quot;");
        else if (c == '\'')
            ht_put(b, "&#39;");
        else if (c == 0xFFFD)
            ht_put(b, "\xEF\xBF\xBD");
        else if (allowed(c))
            append(b, s + at, i - at);
    }
}

void ht_escape(ht_buf *b, const char *s)
{
    if (s)
        ht_escape_n(b, s, strlen(s));
}

char *ht_strdup(ht_doc *d, const char *s)
{
    char *p = strdup(s ? s : "");
    if (!p)
        d->failed = 1;
    return p;
}

const char *ht_text(const ht_doc *d, const mkp_text *t)
{
    return t ? d->host->text(t, d->lang) : "";
}

/* ` lang="en"` when the text shown for the edition's language is in
 * another one (the dataset lacks it in this language): a screen reader
 * then reads it with the right voice, and a browser picks the right
 * fonts. */
void ht_lang_attr(ht_doc *d, ht_buf *b, const mkp_text *t)
{
    if (!t || !t->n)
        return;
    const char *l = d->host->text_lang(t, d->lang);
    if (*l && strcmp(l, d->lang) != 0) {
        ht_put(b, " lang=\"");
        ht_escape(b, l);
        ht_put(b, "\"");
    }
}

/* The same for the host's own words, which are English in an edition
 * whose language the host has no words for. */
void ht_label_lang(ht_doc *d, ht_buf *b)
{
    if (strcmp(d->label_lang, d->lang) != 0)
        ht_printf(b, " lang=\"%s\"", d->label_lang);
}

const char *ht_label(const ht_doc *d, const char *key)
{
    return d->host->label(d->job, key);
}

/* A text with its emphasis as <strong> and <em>, escaped. */
void ht_emphasis(ht_buf *b, const char *s)
{
    mkp_emphasis e;
    mkp_emphasis_run r;
    mkp_emphasis_begin(&e, s);
    while (mkp_emphasis_next(&e, &r)) {
        if (r.style & MKP_EMPH_BOLD)
            ht_put(b, "<strong>");
        if (r.style & MKP_EMPH_ITALIC)
            ht_put(b, "<em>");
        ht_escape_n(b, e.s + r.start, r.len);
        if (r.style & MKP_EMPH_ITALIC)
            ht_put(b, "</em>");
        if (r.style & MKP_EMPH_BOLD)
            ht_put(b, "</strong>");
    }
}

/* One paragraph of the dataset's prose; nothing for an empty text. */
void ht_paragraph(ht_doc *d, const mkp_text *t, const char *cls)
{
    const char *s = ht_text(d, t);
    if (!*s)
        return;
    ht_put(d->out, "<p");
    if (cls)
        ht_printf(d->out, " class=\"%s\"", cls);
    ht_lang_attr(d, d->out, t);
    ht_put(d->out, ">");
    ht_emphasis(d->out, s);
    ht_put(d->out, "</p>\n");
}

static void bullets(ht_doc *d, const mkp_block *bl)
{
    ht_put(d->out, "<ul>\n");
    for (size_t i = 0; i < bl->n_items; i++) {
        const mkp_text *it = mkp_item_at(d->m, bl, i);
        ht_put(d->out, "<li");
        ht_lang_attr(d, d->out, it);
        ht_put(d->out, ">");
        ht_emphasis(d->out, ht_text(d, it));
        ht_put(d->out, "</li>\n");
    }
    ht_put(d->out, "</ul>\n");
}

/* A narrative section's paragraphs and bullet lists, in order. */
void ht_blocks(ht_doc *d, const mkp_section *s)
{
    for (size_t i = 0; s && i < s->n_blocks; i++) {
        const mkp_block *bl = mkp_block_at(d->m, s, i);
        if (bl->kind == MKP_BLOCK_BULLETS)
            bullets(d, bl);
        else
            ht_paragraph(d, &bl->text, NULL);
    }
}
