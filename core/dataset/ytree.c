/* ytree.c - build a ynode tree from libyaml events.  Aliases are refused
 * (a dataset has no use for them, and expanding them invites the
 * "billion laughs"); duplicate keys are refused here, where the second
 * key's position is known. */
#include "dataset/ytree.h"

#include <string.h>
#include <yaml.h>

#define MAX_DEPTH 64

typedef struct builder {
    arena *a;
    diag_ctx *d;
    yaml_parser_t p;
    int failed;
} builder;

static int mark_line(const yaml_mark_t *m) { return (int)m->line + 1; }
static int mark_col(const yaml_mark_t *m) { return (int)m->column + 1; }

static int next_event(builder *b, yaml_event_t *ev)
{
    if (yaml_parser_parse(&b->p, ev))
        return 1;
    const char *what = b->p.problem ? b->p.problem : "malformed YAML";
    if (b->p.context)
        diag_error(b->d, mark_line(&b->p.problem_mark), mark_col(&b->p.problem_mark),
                   "YAML syntax: %s (%s that starts at line %d, column %d)", what, b->p.context,
                   mark_line(&b->p.context_mark), mark_col(&b->p.context_mark));
    else
        diag_error(b->d, mark_line(&b->p.problem_mark), mark_col(&b->p.problem_mark), "YAML syntax: %s", what);
    b->failed = 1;
    return 0;
}

typedef struct vec {
    ynode **v;
    size_t n, cap;
} vec;

static void vec_push(builder *b, vec *v, ynode *x)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        ynode **nv = arena_array(b->a, cap, sizeof *nv);
        if (v->n)
            memcpy(nv, v->v, v->n * sizeof *nv);
        v->v = nv;
        v->cap = cap;
    }
    v->v[v->n++] = x;
}

static ynode *parse_node(builder *b, yaml_event_t *ev, int depth);

static ynode *new_node(builder *b, ykind k, const yaml_event_t *ev)
{
    ynode *n = arena_alloc(b->a, sizeof *n);
    n->kind = k;
    n->line = mark_line(&ev->start_mark);
    n->col = mark_col(&ev->start_mark);
    return n;
}

/* Parses the children after a MAPPING_START or SEQUENCE_START event. */
static ynode *parse_collection(builder *b, ynode *n, int depth)
{
    vec keys = {0}, items = {0};
    for (;;) {
        yaml_event_t ev;
        if (!next_event(b, &ev))
            return NULL;
        if (ev.type == YAML_MAPPING_END_EVENT || ev.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&ev);
            break;
        }
        ynode *k = parse_node(b, &ev, depth + 1);
        yaml_event_delete(&ev);
        if (!k)
            return NULL;
        if (n->kind == Y_SEQ) {
            vec_push(b, &items, k);
            continue;
        }
        if (k->kind != Y_SCALAR) {
            diag_error(b->d, k->line, k->col, "a key must be a plain name, not a %s", ytree_kind_name(k));
            b->failed = 1;
            return NULL;
        }
        for (size_t i = 0; i < keys.n; i++) {
            if (keys.v[i]->len == k->len && memcmp(keys.v[i]->str, k->str, k->len) == 0) {
                diag_error(b->d, k->line, k->col, "duplicate key '%s' (first given on line %d)",
                           k->str, keys.v[i]->line);
                b->failed = 1;
                return NULL;
            }
        }
        yaml_event_t vev;
        if (!next_event(b, &vev))
            return NULL;
        ynode *v = parse_node(b, &vev, depth + 1);
        yaml_event_delete(&vev);
        if (!v)
            return NULL;
        vec_push(b, &keys, k);
        vec_push(b, &items, v);
    }
    n->keys = keys.v;
    n->items = items.v;
    n->n = items.n;
    return n;
}

static ynode *parse_node(builder *b, yaml_event_t *ev, int depth)
{
    if (depth > MAX_DEPTH) {
        diag_error(b->d, mark_line(&ev->start_mark), mark_col(&ev->start_mark),
                   "nesting deeper than %d levels", MAX_DEPTH);
        b->failed = 1;
        return NULL;
    }
    switch (ev->type) {
    case YAML_SCALAR_EVENT: {
        ynode *n = new_node(b, Y_SCALAR, ev);
        n->len = ev->data.scalar.length;
        n->str = arena_strndup(b->a, (const char *)ev->data.scalar.value, n->len);
        n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
        if (strlen(n->str) != n->len) {
            diag_error(b->d, n->line, n->col, "text holds a NUL character");
            b->failed = 1;
            return NULL;
        }
        return n;
    }
    case YAML_MAPPING_START_EVENT:
        return parse_collection(b, new_node(b, Y_MAP, ev), depth);
    case YAML_SEQUENCE_START_EVENT:
        return parse_collection(b, new_node(b, Y_SEQ, ev), depth);
    case YAML_ALIAS_EVENT:
        diag_error(b->d, mark_line(&ev->start_mark), mark_col(&ev->start_mark),
                   "YAML aliases (*name) are not supported in datasets");
        b->failed = 1;
        return NULL;
    default:
        diag_error(b->d, mark_line(&ev->start_mark), mark_col(&ev->start_mark), "unexpected YAML event");
        b->failed = 1;
        return NULL;
    }
}

ynode *ytree_parse(arena *a, diag_ctx *d, const unsigned char *buf, size_t len, int *ok)
{
    builder b = {.a = a, .d = d};
    ynode *root = NULL;
    *ok = 0;
    if (!yaml_parser_initialize(&b.p)) {
        diag_error(d, 0, 0, "cannot start the YAML parser");
        return NULL;
    }
    yaml_parser_set_input_string(&b.p, buf, len);
    yaml_parser_set_encoding(&b.p, YAML_UTF8_ENCODING);
    int docs = 0;
    for (;;) {
        yaml_event_t ev;
        if (!next_event(&b, &ev))
            break;
        yaml_event_type_t t = ev.type;
        if (t == YAML_STREAM_END_EVENT) {
            yaml_event_delete(&ev);
            *ok = !b.failed;
            break;
        }
        if (t == YAML_DOCUMENT_START_EVENT && ++docs > 1) {
            diag_error(d, mark_line(&ev.start_mark), mark_col(&ev.start_mark),
                       "a dataset file holds one YAML document");
            yaml_event_delete(&ev);
            break;
        }
        if (t == YAML_SCALAR_EVENT || t == YAML_MAPPING_START_EVENT || t == YAML_SEQUENCE_START_EVENT ||
            t == YAML_ALIAS_EVENT) {
            root = parse_node(&b, &ev, 0);
            yaml_event_delete(&ev);
            if (!root)
                break;
            continue;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&b.p);
    return *ok ? root : NULL;
}

ynode *ytree_get(const ynode *map, const char *key)
{
    if (!map || map->kind != Y_MAP)
        return NULL;
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->keys[i]->str, key) == 0)
            return map->items[i];
    return NULL;
}

const char *ytree_kind_name(const ynode *n)
{
    if (!n)
        return "nothing";
    switch (n->kind) {
    case Y_SCALAR: return n->len ? "scalar" : "empty value";
    case Y_MAP: return "mapping";
    default: return "list";
    }
}
