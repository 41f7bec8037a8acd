/* freeze.c - the one step that publishes the builder's arrays into the
 * public nodes.  Before it, only spec->value, ->share and ->flags are
 * written; after it, the model is const and every plugin sees the same
 * doubles. */
#include "marketpress/chart.h"
#include "model/model.h"

static void publish(spec *s)
{
    s->node->value = s->value;
    s->node->share = s->share;
    s->node->flags = s->flags;
    for (size_t c = 0; c < s->n_children; c++)
        publish(&s->children[c]);
}

/* The stride of every array of the model (ABI 1.2): this host's sizes, so
 * that a plugin built against a later header, whose structures may be
 * larger, still steps through them right. */
static void strides(mkp_model *m)
{
    m->node_size = sizeof(mkp_node);
    m->text_size = sizeof(mkp_text);
    m->text_entry_size = sizeof(mkp_text_entry);
    m->section_size = sizeof(mkp_section);
    m->block_size = sizeof(mkp_block);
    m->player_size = sizeof(mkp_player);
    m->scenario_size = sizeof(mkp_scenario);
    m->definition_size = sizeof(mkp_definition);
    m->figure_size = sizeof(mkp_figure);
    m->series_size = sizeof(mkp_chart_series);
    m->table_ref_size = sizeof(mkp_table_ref);
    m->table_size = sizeof(mkp_table);
}

void mdl_freeze(mkp_doc *doc)
{
    publish(&doc->market);
    for (size_t i = 0; i < doc->n_dims; i++)
        publish(&doc->dims[i]);
    strides(doc->model);
}
