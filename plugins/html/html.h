/* html.h - the html plugin's shared state: one self-contained page of the
 * whole report (inline CSS, inline SVG charts), built in memory and
 * written in one go.  Only the public headers: the host hands out the
 * tables, the words, the fonts and the SVG of every chart. */
#ifndef HTML_PLUGIN_H
#define HTML_PLUGIN_H

#include <stdarg.h>
#include <stddef.h>

#include "marketpress/plugin.h"
#include "marketpress/text.h"

/* A growing string.  A failed allocation sets `failed` and later
 * appends do nothing, so that the writers need not check every call. */
typedef struct ht_buf {
    char *p;
    size_t len, cap;
    int failed;
} ht_buf;

/* One entry of the contents list: a chapter (level 1) or a section. */
typedef struct ht_entry {
    int level;
    char *anchor;
    char *title;
    char *lang;                     /* the title's language when not the page's, else NULL */
    int shown;                      /* on this page: a sample edition lists what it leaves out, unlinked */
} ht_entry;

typedef struct ht_doc {
    const mkp_job *job;
    const mkp_host *host;
    const mkp_model *m;
    const char *lang;               /* the edition's language, the page's lang */
    const char *label_lang;         /* the language of the host's words: the edition's, or "en"
                                       for a language the host has no words for */
    int zh;                         /* a Chinese edition: sentences and spacing differ */
    mkp_fonts *fonts;               /* the host's chart fonts, NULL when they cannot be had */
    double chart_width;             /* points, html.width */
    ht_buf front;                   /* the copyright page, before the contents list */
    ht_buf body;                    /* the chapters, after it */
    ht_buf *out;                    /* the one being written */
    ht_entry *toc;
    size_t n_toc, cap_toc;
    int chapters;                   /* chapters written so far: chapter-N anchors */
    int sections;                   /* sections of the current chapter: chapter-N-M */
    int failed;                     /* out of memory outside a buffer */
    /* the house style and this copy (the host's, else the defaults) */
    const mkp_theme *theme;
    const mkp_copy *copy;
    char licence[512];              /* the licence line, "" for a copy licensed to no one */
    char *logo;                     /* the logo as a data: URI, NULL without one */
    const char *watermark;          /* "" for none */
    /* A sample edition writes every chapter, so that the contents list
     * has them all, but shows only what the sample holds: the rest goes
     * to `hidden` and is dropped. */
    int sample;
    int whole;                      /* the chapter being opened is shown whole (the summary) */
    ht_buf hidden;                  /* what the sample leaves out */
    ht_buf opening;                 /* the current chapter's opening, until something shows it */
    size_t chapter_entry;           /* its contents entry */
    int chapter_shown;              /* whether it has been shown */
    unsigned char *shown_tables;    /* per table number: on this page */
} ht_doc;

/* out.c: appending, escaping, the language of a text, emphasis */
void ht_printf(ht_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void ht_put(ht_buf *b, const char *s);
void ht_escape(ht_buf *b, const char *s);
void ht_escape_n(ht_buf *b, const char *s, size_t n);
void ht_free(ht_buf *b);
char *ht_strdup(ht_doc *d, const char *s);
const char *ht_text(const ht_doc *d, const mkp_text *t);
void ht_lang_attr(ht_doc *d, ht_buf *b, const mkp_text *t);
void ht_label_lang(ht_doc *d, ht_buf *b);
const char *ht_label(const ht_doc *d, const char *key);
void ht_emphasis(ht_buf *b, const char *s);
void ht_paragraph(ht_doc *d, const mkp_text *t, const char *cls);
void ht_blocks(ht_doc *d, const mkp_section *s);

/* page.c: the document around the report */
int ht_document(ht_doc *d, ht_buf *out);
void ht_toc_add(ht_doc *d, int level, const char *anchor, const char *title, const char *lang);

/* theme.c: the house style, this copy */
int ht_theme_open(ht_doc *d);
void ht_theme_close(ht_doc *d);
void ht_style(const ht_doc *d, ht_buf *b, const char *css);
void ht_font_stacks(const ht_doc *d, ht_buf *b, int sans);
void ht_css_string(ht_buf *b, const char *s);
void ht_color(ht_buf *b, mkp_color c);
const char *ht_footer_text(const ht_doc *d);
int ht_in_sample(const ht_doc *d, int figure_number);

/* copy.c: the licensed copy and the sample edition */
void ht_copy_meta(ht_doc *d, ht_buf *b);
void ht_copy_css(ht_doc *d, ht_buf *b);
void ht_watermark(ht_doc *d, ht_buf *b);
void ht_order(ht_doc *d, ht_buf *b);
ht_buf *ht_sample_opening(ht_doc *d);
int ht_sample_show(ht_doc *d);
void ht_sample_hide(ht_doc *d, int was);
void ht_sample_chapter_end(ht_doc *d);
void ht_table_shown(ht_doc *d, int number);
int ht_table_is_shown(const ht_doc *d, int number);

/* report.c: the chapters in the report's order */
void ht_report(ht_doc *d);
int ht_chapter(ht_doc *d, const char *title, const char *title_lang);
void ht_chapter_end(ht_doc *d);
void ht_heading(ht_doc *d, const char *title, const char *title_lang, const char *anchor_hint);

/* prose.c: the sentences the report writes from the numbers */
void ht_market_prose(ht_doc *d);
void ht_summary_prose(ht_doc *d);
void ht_dimension_prose(ht_doc *d, const mkp_node *dim);
void ht_method_prose(ht_doc *d);
void ht_money(const ht_doc *d, char *buf, size_t cap, int year);

/* tables.c: the numbered tables, as host->table() holds them */
const mkp_table *ht_table_by_id(const ht_doc *d, const char *id, const char *dimension);
void ht_table(ht_doc *d, const mkp_table *t);
void ht_caption(ht_doc *d, const char *number, const mkp_text *title);
void ht_key_tiles(ht_doc *d);

/* figures.c: the numbered figures as inline SVG */
void ht_figures(ht_doc *d, const char *dimension, int scenarios);
int ht_is_scenario_figure(const mkp_figure *f);

/* imprint.c: the copyright page, the scope, the publisher */
void ht_copyright_line(const ht_doc *d, char *buf, size_t cap);
void ht_edition_date(const ht_doc *d, char *buf, size_t cap);
void ht_rights(ht_doc *d);
void ht_scope(ht_doc *d);
void ht_about(ht_doc *d);
void ht_contact(ht_doc *d);

#endif
