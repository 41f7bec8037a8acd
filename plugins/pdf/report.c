/* report.c - what the report contains and in which order: the cover
 * (cover.c), the executive summary with the key statistics, the dataset's
 * narrative chapters, the data chapters (market, one per dimension,
 * scenarios) before the closing chapters, the competitive landscape and the
 * methodology. */
#include <math.h>
#include <string.h>

#include "pdf.h"

static const mkp_table_ref *table(const pdf_doc *d, const char *id)
{
    for (size_t i = 0; i < d->m->n_tables; i++)
        if (strcmp(d->m->tables[i].id, id) == 0)
            return &d->m->tables[i];
    return NULL;
}

static const mkp_table_ref *dimension_table(const pdf_doc *d, const char *dim)
{
    for (size_t i = 0; i < d->m->n_tables; i++)
        if (strcmp(d->m->tables[i].dimension, dim) == 0)
            return &d->m->tables[i];
    return NULL;
}

static const mkp_section *section(const pdf_doc *d, const char *id)
{
    for (size_t i = 0; i < d->m->n_sections; i++)
        if (strcmp(d->m->sections[i].id, id) == 0)
            return &d->m->sections[i];
    return NULL;
}

static int has_scenarios(const mkp_model *m)
{
    return MKP_HAS(mkp_model, m, scenario) && m->n_scenarios > 1 && m->scenarios;
}

static int is_scenario_figure(const mkp_figure *f)
{
    return strncmp(f->id, "scenario", 8) == 0;
}

/* ---- chapters ----------------------------------------------------------- */

static void figures_of(pdf_doc *d, const char *dimension, int scenarios)
{
    const mkp_figure *f = NULL;
    for (size_t i = 0; i <= d->m->n_figures; i++) {
        const mkp_figure *g = i < d->m->n_figures ? &d->m->figures[i] : NULL;
        if (g && (strcmp(g->dimension, dimension) != 0 || is_scenario_figure(g) != scenarios))
            continue;
        if (f) /* each figure placed with the next in view */
            ch_figure(d, f, g);
        f = g;
    }
}

static const mkp_figure *first_figure(const pdf_doc *d, const char *dimension)
{
    for (size_t i = 0; i < d->m->n_figures; i++)
        if (strcmp(d->m->figures[i].dimension, dimension) == 0)
            return &d->m->figures[i];
    return NULL;
}

static void ch_summary(pdf_doc *d, const mkp_section *exec)
{
    fl_chapter(d, exec && *txt(d, &exec->title) ? txt(d, &exec->title) : lb(d, L_EXEC));
    const mkp_table_ref *t = table(d, "key-statistics");
    if (t)
        dt_key_statistics(d, t);
    if (exec && exec->n_blocks)
        fl_blocks(d, exec);
    else
        pr_summary(d);
}

/* The executive summary alone (the sample edition's first chapter). */
void rp_summary(pdf_doc *d)
{
    ch_summary(d, section(d, "executive-summary"));
}

static void ch_market(pdf_doc *d)
{
    fl_chapter(d, lb(d, L_MARKET));
    const mkp_section *exec = section(d, "executive-summary");
    pr_market(d, exec && exec->n_blocks);
    figures_of(d, "", 0);
}

static void ch_dimension(pdf_doc *d, const mkp_node *dim)
{
    fl_chapter(d, ar_printf(d, lb(d, L_DIM_CHAPTER), txt(d, &dim->title)));
    if (*txt(d, &dim->description))
        fl_paragraph(d, txt(d, &dim->description), 1);
    pr_dimension(d, dim);
    const mkp_table_ref *t = dimension_table(d, dim->id);
    if (t) {
        fl_section(d, lb(d, L_SEGMENT_TABLE), 110);
        dt_dimension(d, dim, t);
    }
    const mkp_figure *f = first_figure(d, dim->id);
    if (f) {
        /* The figures' subject as the heading, never a bare "Charts". */
        fl_section(d, ar_printf(d, lb(d, L_DIM_FIGURES), txt(d, &dim->title), d->m->base_year, d->m->forecast_end),
                   ch_need(d, f));
        figures_of(d, dim->id, 0);
    }
}

static void ch_scenarios(pdf_doc *d)
{
    fl_chapter(d, lb(d, L_SCENARIOS));
    pr_scenarios(d);
    const mkp_table_ref *t = table(d, "scenarios");
    if (t)
        dt_scenarios(d, t);
    figures_of(d, "", 1);
}

static void ch_landscape(pdf_doc *d, const mkp_section *s)
{
    const mkp_model *m = d->m;
    fl_chapter(d, s && *txt(d, &s->title) ? txt(d, &s->title) : lb(d, L_LANDSCAPE));
    if (s)
        fl_blocks(d, s);
    if (*txt(d, &m->landscape_intro))
        fl_paragraph(d, txt(d, &m->landscape_intro), 1);
    for (size_t i = 0; i < m->n_players; i++) {
        const mkp_player *p = &m->players[i];
        const char *desc = txt(d, &p->description);
        fl_section(d, *txt(d, &p->name) ? txt(d, &p->name) : p->id, *desc ? fl_lead(d, desc) : 0);
        fl_paragraph(d, desc, 1);
    }
}

static int has_landscape(const pdf_doc *d)
{
    return d->m->n_players > 0 || *txt(d, &d->m->landscape_intro) || section(d, "competitive-landscape");
}

static void ch_methodology(pdf_doc *d, const mkp_section *s)
{
    fl_chapter(d, s && *txt(d, &s->title) ? txt(d, &s->title) : lb(d, L_METHOD));
    if (s)
        fl_blocks(d, s);
    pr_methodology(d);
}

/* Market, dimensions and scenarios, followed by the landscape when the
 * dataset has no chapter of its own to hang it on. */
static void ch_data(pdf_doc *d)
{
    const mkp_model *m = d->m;
    ch_market(d);
    for (size_t i = 0; i < m->n_dimensions; i++)
        if (m->dimensions[i].n_children)
            ch_dimension(d, &m->dimensions[i]);
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

void rp_body(pdf_doc *d)
{
    const mkp_model *m = d->m;
    ch_summary(d, section(d, "executive-summary"));
    int data = 0, method = 0;
    for (size_t i = 0; i < m->n_sections; i++) {
        const mkp_section *s = &m->sections[i];
        if (strcmp(s->id, "executive-summary") == 0)
            continue;
        if (!data && closing(s->id)) {
            ch_data(d);
            data = 1;
        }
        if (strcmp(s->id, "competitive-landscape") == 0) {
            ch_landscape(d, s);
        } else if (strcmp(s->id, "methodology") == 0 || strcmp(s->id, "research-methodology") == 0) {
            if (!method)
                ch_methodology(d, s);
            method = 1;
        } else {
            fl_chapter(d, *txt(d, &s->title) ? txt(d, &s->title) : s->id);
            fl_blocks(d, s);
        }
    }
    if (!data)
        ch_data(d);
    if (!method)
        ch_methodology(d, NULL);
}
