/* content.c - what the report says and imagines: narrative sections with
 * their blocks, the competitive landscape, and scenarios with their
 * shocks. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/date.h"
#include "dataset/loader.h"

static const char *const section_keys[] = {"id", "title", "blocks", NULL};
static const char *const block_keys[] = {"paragraph", "bullets", NULL};

/* A block of a section; paragraphs and lists are counted so that a
 * warning can say which ("paragraph 2", "bullet 3 in list 1"). */
static void load_block(loader *L, mkp_block *b, const ynode *y, size_t *paragraphs, size_t *lists)
{
    if (!ld_want_kind(L, y, Y_MAP, "a block"))
        return;
    ld_check_keys(L, y, "a block", block_keys);
    if (y->n != 1) {
        diag_error(L->d, y->line, y->col, "a block is one 'paragraph' or one 'bullets' list");
        return;
    }
    const ynode *n;
    if ((n = ytree_get(y, "paragraph"))) {
        b->kind = MKP_BLOCK_PARAGRAPH;
        b->text = ld_get_text(L, n, arena_printf(L->a, "paragraph %zu", ++*paragraphs));
    } else if ((n = ytree_get(y, "bullets")) && ld_want_kind(L, n, Y_SEQ, "bullets")) {
        b->kind = MKP_BLOCK_BULLETS;
        mkp_text *items = arena_array(L->a, n->n, sizeof *items);
        ++*lists;
        for (size_t i = 0; i < n->n; i++)
            items[i] = ld_get_text(L, n->items[i], arena_printf(L->a, "bullet %zu in list %zu", i + 1, *lists));
        b->items = items;
        b->n_items = n->n;
    }
}

/* The id of item i of a list of maps (sections, players): the map checked
 * against its keys, the id read and recorded in ids[i] ("" when missing or
 * wrong).  NULL when the item is not a map. */
static const char *item_id(loader *L, const ynode *y, const char *what, const char *id_what,
                           const char *const *keys, const char **ids, size_t i)
{
    ids[i] = "";
    if (!ld_want_kind(L, y, Y_MAP, what))
        return NULL;
    ld_check_keys(L, y, what, keys);
    const ynode *n = ld_need(L, y, "id", what);
    if (n && ld_get_id(L, n, id_what))
        ids[i] = n->str;
    return ids[i];
}

/* Items of `list` whose id repeats an earlier one's, in file order. */
static void duplicate_ids(loader *L, const ynode *list, const char **ids, const char *id_what)
{
    size_t *first = ld_first_of(ids, list->n);
    for (size_t i = 0; i < list->n; i++)
        if (first[i] != i)
            diag_error(L->d, list->items[i]->line, list->items[i]->col, "duplicate %s '%s'", id_what, ids[i]);
    free(first);
}

void ld_sections(loader *L, const ynode *list)
{
    if (!ld_want_kind(L, list, Y_SEQ, "sections"))
        return;
    mkp_section *secs = arena_array(L->a, list->n, sizeof *secs);
    L->doc->model->sections = secs;
    L->doc->model->n_sections = list->n;
    const char **ids = arena_array(L->a, list->n, sizeof *ids);
    for (size_t i = 0; i < list->n; i++) {
        const ynode *y = list->items[i], *n;
        if (!(secs[i].id = item_id(L, y, "a section", "section id", section_keys, ids, i))) {
            secs[i].id = "";
            continue;
        }
        ld_text_owner(L, "section", secs[i].id);
        if ((n = ld_need(L, y, "title", "a section")))
            secs[i].title = ld_get_text(L, n, "title");
        if ((n = ld_need(L, y, "blocks", "a section")) && ld_want_kind(L, n, Y_SEQ, "blocks")) {
            mkp_block *blocks = arena_array(L->a, n->n, sizeof *blocks);
            size_t paragraphs = 0, lists = 0;
            for (size_t k = 0; k < n->n; k++)
                load_block(L, &blocks[k], n->items[k], &paragraphs, &lists);
            secs[i].blocks = blocks;
            secs[i].n_blocks = n->n;
        }
    }
    duplicate_ids(L, list, ids, "section id");
}

static const char *const landscape_keys[] = {"intro", "players", NULL};
static const char *const player_keys[] = {"id", "name", "description", NULL};

void ld_landscape(loader *L, const ynode *y)
{
    mkp_model *m = L->doc->model;
    if (!ld_want_kind(L, y, Y_MAP, "landscape"))
        return;
    ld_check_keys(L, y, "landscape", landscape_keys);
    const ynode *n;
    ld_text_owner(L, "landscape", NULL);
    if ((n = ytree_get(y, "intro")))
        m->landscape_intro = ld_get_text(L, n, "intro");
    if (!(n = ytree_get(y, "players")) || !ld_want_kind(L, n, Y_SEQ, "players"))
        return;
    mkp_player *p = arena_array(L->a, n->n, sizeof *p);
    m->players = p;
    m->n_players = n->n;
    const char **ids = arena_array(L->a, n->n, sizeof *ids);
    for (size_t i = 0; i < n->n; i++) {
        const ynode *py = n->items[i], *v;
        if (!(p[i].id = item_id(L, py, "a player", "player id", player_keys, ids, i))) {
            p[i].id = "";
            continue;
        }
        ld_text_owner(L, "player", p[i].id);
        /* A company's name is its own in every language. */
        if ((v = ld_need(L, py, "name", "a player")))
            p[i].name = ld_get_name(L, v, "name");
        if ((v = ytree_get(py, "description")))
            p[i].description = ld_get_text(L, v, "description");
    }
    duplicate_ids(L, n, ids, "player id");
}

static const char *const scenario_keys[] = {"id", "title", "description", "growth", "from", "to", "shocks", NULL};
static const char *const shock_keys[] = {"segment", "growth", "from", "to", NULL};

static spec *find_spec(spec *s, const char *path)
{
    if (strcmp(s->node->path, path) == 0)
        return s;
    for (size_t i = 0; i < s->n_children; i++) {
        spec *f = find_spec(&s->children[i], path);
        if (f)
            return f;
    }
    return NULL;
}

/* A growth change in percentage points, and the years it applies to
 * (default: every forecast year). */
static void get_adjustment(loader *L, const ynode *y, double *growth, int *from, int *to)
{
    const mkp_model *m = L->doc->model;
    const ynode *n;
    *from = m->base_year + 1;
    *to = m->forecast_end;
    if ((n = ytree_get(y, "growth")) && ld_want_kind(L, n, Y_SCALAR, "growth")) {
        if (!ld_parse_double(n, growth) || *growth <= -100.0)
            diag_error(L->d, n->line, n->col, "growth must be percentage points above -100, such as -2 or 1.5, not '%s'",
                       n->str);
    }
    if ((n = ytree_get(y, "from")) && ld_get_year(L, n, "from", from) && (*from <= m->base_year || *from > m->forecast_end))
        diag_error(L->d, n->line, n->col, "from %d must be a forecast year (%d-%d)", *from, m->base_year + 1,
                   m->forecast_end);
    if ((n = ytree_get(y, "to")) && ld_get_year(L, n, "to", to) && (*to < *from || *to > m->forecast_end))
        diag_error(L->d, n->line, n->col, "to %d must be within %d-%d", *to, *from, m->forecast_end);
}

void ld_scenarios(loader *L, const ynode *list)
{
    mkp_doc *doc = L->doc;
    if (!ld_want_kind(L, list, Y_SEQ, "scenarios"))
        return;
    doc->scenarios = arena_array(L->a, list->n + 1, sizeof *doc->scenarios);
    mkp_scenario *pub = arena_array(L->a, list->n + 1, sizeof *pub);
    for (size_t i = 0; i <= list->n; i++)
        doc->scenarios[i].pub = &pub[i];
    pub[0].id = "base";
    mkp_text_entry *e = arena_array(L->a, 2, sizeof *e);
    e[0] = (mkp_text_entry){"en", "Base case"};
    e[1] = (mkp_text_entry){"zh-CN", "基准情景"};
    pub[0].title = (mkp_text){2, e};
    size_t k = 1;
    for (size_t i = 0; i < list->n; i++) {
        const ynode *y = list->items[i], *n;
        if (!ld_want_kind(L, y, Y_MAP, "a scenario"))
            continue;
        ld_check_keys(L, y, "a scenario", scenario_keys);
        const char *id = (n = ld_need(L, y, "id", "a scenario")) ? ld_get_id(L, n, "scenario id") : NULL;
        if (!id)
            continue;
        int is_base = strcmp(id, "base") == 0;
        scenario_spec *sc = is_base ? &doc->scenarios[0] : &doc->scenarios[k++];
        for (size_t j = 0; j < k; j++)
            if (&doc->scenarios[j] != sc && strcmp(doc->scenarios[j].pub->id, id) == 0)
                diag_error(L->d, y->line, y->col, "duplicate scenario id '%s'", id);
        sc->pub->id = id;
        sc->line = y->line;
        sc->col = y->col;
        ld_text_owner(L, "scenario", id);
        if ((n = ld_need(L, y, "title", "a scenario")))
            sc->pub->title = ld_get_text(L, n, "title");
        if ((n = ytree_get(y, "description")))
            sc->pub->description = ld_get_text(L, n, "description");
        if (is_base && (ytree_get(y, "growth") || ytree_get(y, "shocks"))) {
            diag_error(L->d, y->line, y->col, "the base scenario is the forecast itself; put adjustments in a scenario "
                                              "of another name");
            continue;
        }
        get_adjustment(L, y, &sc->growth, &sc->from, &sc->to);
        if (!(n = ytree_get(y, "shocks")) || !ld_want_kind(L, n, Y_SEQ, "shocks"))
            continue;
        sc->shocks = arena_array(L->a, n->n, sizeof *sc->shocks);
        for (size_t j = 0; j < n->n; j++) {
            const ynode *sy = n->items[j], *v;
            if (!ld_want_kind(L, sy, Y_MAP, "a shock"))
                continue;
            ld_check_keys(L, sy, "a shock", shock_keys);
            shock_spec *sh = &sc->shocks[sc->n_shocks];
            if (!(v = ld_need(L, sy, "segment", "a shock")) || !ld_get_string(L, v, "segment"))
                continue;
            for (size_t d = 0; d < doc->n_dims && !sh->target; d++)
                sh->target = find_spec(&doc->dims[d], v->str);
            if (!sh->target || sh->target->node->depth == 0) {
                diag_error(L->d, v->line, v->col, "segment '%s' is not a segment path such as '%s'", v->str,
                           doc->n_dims && doc->dims[0].n_children ? doc->dims[0].children[0].node->path
                                                                  : "dimension/segment");
                continue;
            }
            if (!ld_need(L, sy, "growth", "a shock"))
                continue;
            get_adjustment(L, sy, &sh->growth, &sh->from, &sh->to);
            sc->n_shocks++;
        }
    }
    doc->n_scenarios = k;
}

