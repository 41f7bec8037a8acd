/* report.c - what the page holds and in which order, the order of the PDF
 * report: the executive summary with the key statistics, the dataset's
 * narrative chapters, the data chapters (market, one per dimension,
 * scenarios) before the first closing chapter, the competitive landscape,
 * the methodology, then the scope and the publisher.  Every chapter and
 * section is an anchor the contents list links to. */
#include <stdio.h>
#include <string.h>

#include "html.h"

static const mkp_section *section(const ht_doc *d, const char *id)
{
    for (size_t i = 0; i < d->m->n_sections; i++)
        if (strcmp(mkp_section_at(d->m, i)->id, id) == 0)
            return mkp_section_at(d->m, i);
    return NULL;
}

static int has_scenarios(const mkp_model *m)
{
    return m->n_scenarios > 1 && m->scenarios;
}

/* Opens chapter N: <section id="chapter-N"> with its <h2>, and its line in
 * the contents.  `title_lang` is the title's language when it is not the
 * page's (NULL: the page's).  In a sample edition a chapter is hidden
 * unless it is to be shown whole (d->whole): its opening waits until
 * one of its figures is shown. */
int ht_chapter(ht_doc *d, const char *title, const char *title_lang)
{
    int n = ++d->chapters;
    char anchor[32];
    snprintf(anchor, sizeof anchor, "chapter-%d", n);
    d->sections = 0;
    int hide = d->sample && !d->whole && d->out == &d->body;
    ht_buf *to = hide ? ht_sample_opening(d) : d->out;
    ht_printf(to, "<section class=\"chapter\" id=\"%s\" aria-labelledby=\"%s-h\">\n<h2 id=\"%s-h\">", anchor, anchor,
              anchor);
    ht_printf(to, "<span class=\"chapter-number\">%d</span> <span", n);
    if (title_lang && strcmp(title_lang, d->lang) != 0)
        ht_printf(to, " lang=\"%s\"", title_lang);
    ht_put(to, ">");
    ht_escape(to, title);
    ht_put(to, "</span></h2>\n");
    if (hide)
        d->out = &d->hidden;
    ht_toc_add(d, 1, anchor, title, title_lang);
    d->chapter_entry = d->n_toc - 1;
    return n;
}

void ht_chapter_end(ht_doc *d)
{
    ht_sample_chapter_end(d);
}

/* A section heading inside the current chapter, listed in the contents
 * under it. */
void ht_heading(ht_doc *d, const char *title, const char *title_lang, const char *anchor_hint)
{
    char anchor[96];
    if (anchor_hint)
        snprintf(anchor, sizeof anchor, "%s", anchor_hint);
    else
        snprintf(anchor, sizeof anchor, "chapter-%d-%d", d->chapters, ++d->sections);
    ht_printf(d->out, "<h3 id=\"%s\"", anchor);
    if (title_lang && strcmp(title_lang, d->lang) != 0)
        ht_printf(d->out, " lang=\"%s\"", title_lang);
    ht_put(d->out, ">");
    ht_escape(d->out, title);
    ht_put(d->out, "</h3>\n");
    ht_toc_add(d, 2, anchor, title, title_lang);
}

/* The title of a dataset text, or the host's word `key` when it has none,
 * with the language either is in. */
static void title_of(ht_doc *d, const mkp_text *t, const char *key, const char **title, const char **lang)
{
    if (t && *ht_text(d, t)) {
        *title = ht_text(d, t);
        *lang = d->host->text_lang(t, d->lang);
    } else {
        *title = ht_label(d, key);
        *lang = d->label_lang;
    }
}

static void ch_summary(ht_doc *d, const mkp_section *exec)
{
    const char *title, *lang;
    title_of(d, exec ? &exec->title : NULL, "executive-summary", &title, &lang);
    d->whole = 1; /* the sample shows the summary and its key statistics */
    ht_chapter(d, title, lang);
    d->whole = 0;
    const mkp_table *t = ht_table_by_id(d, "key-statistics", NULL);
    if (t)
        ht_table(d, t);
    if (exec && exec->n_blocks)
        ht_blocks(d, exec);
    else
        ht_summary_prose(d);
    ht_chapter_end(d);
}

static void ch_market(ht_doc *d)
{
    ht_chapter(d, ht_label(d, "market-size-and-forecast"), d->label_lang);
    ht_market_prose(d);
    ht_figures(d, "", 0);
    ht_chapter_end(d);
}

static int has_figures(const ht_doc *d, const char *dimension)
{
    for (size_t i = 0; i < d->m->n_figures; i++) {
        const mkp_figure *f = mkp_figure_at(d->m, i);
        if (strcmp(f->dimension, dimension) == 0 && !ht_is_scenario_figure(f))
            return 1;
    }
    return 0;
}

static void ch_dimension(ht_doc *d, const mkp_node *dim)
{
    char title[512];
    snprintf(title, sizeof title, ht_label(d, "market-by"), ht_text(d, &dim->title));
    ht_chapter(d, title, NULL);
    ht_paragraph(d, &dim->description, "lead");
    ht_dimension_prose(d, dim);
    const mkp_table *t = ht_table_by_id(d, NULL, dim->id);
    if (t) {
        ht_heading(d, ht_label(d, "segment-table"), d->label_lang, NULL);
        ht_table(d, t);
    }
    if (has_figures(d, dim->id)) {
        /* what the figures show, never a bare "Charts" */
        snprintf(title, sizeof title, ht_label(d, "dimension-figures"), ht_text(d, &dim->title), d->m->base_year,
                 d->m->forecast_end);
        ht_heading(d, title, NULL, NULL);
        ht_figures(d, dim->id, 0);
    }
    ht_chapter_end(d);
}

static void ch_scenarios(ht_doc *d)
{
    const mkp_model *m = d->m;
    ht_chapter(d, ht_label(d, "scenario-analysis"), d->label_lang);
    for (size_t i = 0; i < m->n_scenarios; i++) {
        const mkp_scenario *s = mkp_scenario_at(m, i);
        const char *title, *lang;
        title_of(d, &s->title, "scenario", &title, &lang);
        ht_heading(d, *ht_text(d, &s->title) ? title : s->id, lang, NULL);
        ht_paragraph(d, &s->description, NULL);
    }
    const mkp_table *t = ht_table_by_id(d, "scenarios", NULL);
    if (t)
        ht_table(d, t);
    ht_figures(d, "", 1);
    ht_chapter_end(d);
}

static void ch_landscape(ht_doc *d, const mkp_section *s)
{
    const mkp_model *m = d->m;
    const char *title, *lang;
    title_of(d, s ? &s->title : NULL, "competitive-landscape", &title, &lang);
    ht_chapter(d, title, lang);
    ht_blocks(d, s);
    ht_paragraph(d, &m->landscape_intro, NULL);
    for (size_t i = 0; i < m->n_players; i++) {
        const mkp_player *p = mkp_player_at(m, i);
        const char *name = *ht_text(d, &p->name) ? ht_text(d, &p->name) : p->id;
        ht_heading(d, name, p->name.n ? d->host->text_lang(&p->name, d->lang) : NULL, NULL);
        ht_paragraph(d, &p->description, NULL);
    }
    ht_chapter_end(d);
}

static int has_landscape(const ht_doc *d)
{
    return d->m->n_players > 0 || *ht_text(d, &d->m->landscape_intro) || section(d, "competitive-landscape");
}

static void ch_methodology(ht_doc *d, const mkp_section *s)
{
    const char *title, *lang;
    title_of(d, s ? &s->title : NULL, "research-methodology", &title, &lang);
    ht_chapter(d, title, lang);
    ht_blocks(d, s);
    ht_method_prose(d);
    ht_chapter_end(d);
}

/* Market, dimensions and scenarios, and the landscape after them when the
 * dataset has no chapter of its own for it. */
static void ch_data(ht_doc *d)
{
    const mkp_model *m = d->m;
    ch_market(d);
    for (size_t i = 0; i < m->n_dimensions; i++)
        if (mkp_dimension_at(m, i)->n_children)
            ch_dimension(d, mkp_dimension_at(m, i));
    if (has_scenarios(m))
        ch_scenarios(d);
    if (has_landscape(d) && !section(d, "competitive-landscape"))
        ch_landscape(d, NULL);
}

/* Chapters that close a report: the data chapters go before the first. */
static int closing(const char *id)
{
    static const char *const ids[] = {"competitive-landscape", "recommendations", "methodology",
                                      "research-methodology", "conclusion", "conclusions", "appendix"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (strcmp(id, ids[i]) == 0)
            return 1;
    return 0;
}

static int is_methodology(const char *id)
{
    return strcmp(id, "methodology") == 0 || strcmp(id, "research-methodology") == 0;
}

static void narrative(ht_doc *d, const mkp_section *s)
{
    const char *title = *ht_text(d, &s->title) ? ht_text(d, &s->title) : s->id;
    ht_chapter(d, title, s->title.n ? d->host->text_lang(&s->title, d->lang) : NULL);
    ht_blocks(d, s);
    ht_chapter_end(d);
}

void ht_report(ht_doc *d)
{
    const mkp_model *m = d->m;
    ch_summary(d, section(d, "executive-summary"));
    int data = 0, method = 0;
    for (size_t i = 0; i < m->n_sections; i++) {
        const mkp_section *s = mkp_section_at(m, i);
        if (strcmp(s->id, "executive-summary") == 0)
            continue;
        if (!data && closing(s->id)) {
            ch_data(d);
            data = 1;
        }
        if (strcmp(s->id, "competitive-landscape") == 0)
            ch_landscape(d, s);
        else if (is_methodology(s->id) && !method)
            ch_methodology(d, s);
        else if (!is_methodology(s->id))
            narrative(d, s);
        method |= is_methodology(s->id);
    }
    if (!data)
        ch_data(d);
    if (!method)
        ch_methodology(d, NULL);
    ht_scope(d);
    ht_about(d);
}
