/* freeze.c - the one step that publishes the builder's arrays into the
 * public nodes.  Before it, only spec->value, ->share and ->flags are
 * written; after it, the model is const and every plugin sees the same
 * doubles. */
#include "model/model.h"

static void publish(spec *s)
{
    s->node->value = s->value;
    s->node->share = s->share;
    s->node->flags = s->flags;
    for (size_t c = 0; c < s->n_children; c++)
        publish(&s->children[c]);
}

void mdl_freeze(mkp_doc *doc)
{
    publish(&doc->market);
    for (size_t i = 0; i < doc->n_dims; i++)
        publish(&doc->dims[i]);
}
