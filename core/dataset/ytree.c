/* ytree.c - build a ynode tree from libyaml events.  Anchors, aliases and
 * tags are refused (a dataset has no use for them, and expanding aliases
 * invites the "billion laughs"); duplicate keys are refused here, where the
 * second key's position is known; and text may hold no control character
 * but tab and newline, and no Unicode noncharacter, so that every output
 * format can carry it. */
#include "dataset/ytree.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/alloc.h"
#include "marketpress/text.h"

#define MAX_DEPTH 64

typedef struct builder {
    arena *a;
    diag_ctx *d;
    yaml_parser_t p;
    const unsigned char *buf;       /* the input, for the position of a reader error */
    size_t len;
    int failed;
} builder;

static int mark_line(const yaml_mark_t *m) { return (int)m->line + 1; }
static int mark_col(const yaml_mark_t *m) { return (int)m->column + 1; }

/* libyaml gives a byte offset, not a line, for bytes that are not UTF-8. */
static void offset_mark(const builder *b, size_t offset, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && i < b->len;) {
        if (b->buf[i] == '\n') {
            ++*line;
            *col = 1;
            i++;
            continue;
        }
        size_t at = i;
        mkp_utf8_next((const char *)b->buf, offset, &i);
        if (i <= at)
            i = at + 1;
        ++*col;
    }
}

static int next_event(builder *b, yaml_event_t *ev)
{
    if (yaml_parser_parse(&b->p, ev))
        return 1;
    const char *what = b->p.problem ? b->p.problem : "malformed YAML";
    if (b->p.error == YAML_READER_ERROR) {
        int line, col;
        size_t at = b->p.problem_offset;
        /* At the start of the broken sequence, not at its second byte. */
        for (int k = 0; k < 3 && at > 0 && at <= b->len && b->buf[at - 1] >= 0x80; k++)
            at--;
        offset_mark(b, at, &line, &col);
        diag_error(b->d, line, col, "not UTF-8 text: %s", what);
    } else if (b->p.context)
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

/* Whether a text may hold code point c: no control character but tab and
 * newline (C0, DEL, C1: a report has no use for them, XML forbids most,
 * and a terminal acts on them), and no noncharacter (XML forbids U+FFFE
 * and U+FFFF; the rest are not meant for interchange). */
static int allowed(uint32_t c)
{
    if (c < 0x20)
        return c == '\t' || c == '\n';
    if (c >= 0x7F && c <= 0x9F)
        return 0;
    return !(c >= 0xFDD0 && c <= 0xFDEF) && (c & 0xFFFE) != 0xFFFE;
}

/* Refuses a scalar holding what `allowed` does not allow, naming the code
 * point (never echoing it) and its place in the text. */
static int check_text(builder *b, const ynode *n, const yaml_event_t *ev)
{
    const char *s = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length, i = 0, count = 0;
    while (i < len) {
        size_t at = i;
        uint32_t c = mkp_utf8_next(s, len, &i);
        count++;
        int bad_utf8 = c == 0xFFFD && !(i - at == 3 && memcmp(s + at, "\xEF\xBF\xBD", 3) == 0);
        if (!bad_utf8 && allowed(c))
            continue;
        if (c == 0)
            diag_error(b->d, n->line, n->col, "text holds a NUL character (character %zu)", count);
        else if (bad_utf8)
            diag_error(b->d, n->line, n->col, "text holds bytes that are not UTF-8 (character %zu)", count);
        else if (c < 0xA0)
            diag_error(b->d, n->line, n->col,
                       "text holds U+%04X (character %zu), a control character: a dataset's text may hold tab and "
                       "newline, no other",
                       (unsigned)c, count);
        else
            diag_error(b->d, n->line, n->col,
                       "text holds U+%04X (character %zu), a Unicode noncharacter, which no output can carry",
                       (unsigned)c, count);
        b->failed = 1;
        return -1;
    }
    return 0;
}

/* Anchors and tags are YAML's, not a dataset's: refused where written. */
static int plain_node(builder *b, const yaml_event_t *ev)
{
    const yaml_char_t *anchor = NULL, *tag = NULL;
    if (ev->type == YAML_SCALAR_EVENT) {
        anchor = ev->data.scalar.anchor;
        tag = ev->data.scalar.tag;
    } else if (ev->type == YAML_MAPPING_START_EVENT) {
        anchor = ev->data.mapping_start.anchor;
        tag = ev->data.mapping_start.tag;
    } else if (ev->type == YAML_SEQUENCE_START_EVENT) {
        anchor = ev->data.sequence_start.anchor;
        tag = ev->data.sequence_start.tag;
    }
    if (anchor)
        diag_error(b->d, mark_line(&ev->start_mark), mark_col(&ev->start_mark),
                   "YAML anchors (&name) are not supported in datasets: write the value out");
    else if (tag)
        diag_error(b->d, mark_line(&ev->start_mark), mark_col(&ev->start_mark),
                   "YAML tags (such as !!str) are not supported in datasets: quote a value to make it text");
    else
        return 0;
    b->failed = 1;
    return -1;
}

static ynode *new_node(builder *b, ykind k, const yaml_event_t *ev)
{
    ynode *n = arena_alloc(b->a, sizeof *n);
    n->kind = k;
    n->line = mark_line(&ev->start_mark);
    n->col = mark_col(&ev->start_mark);
    return n;
}

/* By text, then in file order. */
static int cmp_key_at(const void *x, const void *y)
{
    const ynode *a = *(const ynode *const *)x, *c = *(const ynode *const *)y;
    int r = strcmp(a->str, c->str);
    if (r)
        return r;
    if (a->line != c->line)
        return (a->line > c->line) - (a->line < c->line);
    return (a->col > c->col) - (a->col < c->col);
}

/* Duplicate keys of a map, found by sorting (a map may hold many thousands
 * of keys): the error is at the first key, in file order, that repeats an
 * earlier one. */
static int check_duplicates(builder *b, const ynode *map)
{
    if (map->n < 2)
        return 0;
    const ynode **sorted = xmalloc(map->n * sizeof *sorted);
    for (size_t i = 0; i < map->n; i++)
        sorted[i] = map->keys[i];
    qsort(sorted, map->n, sizeof *sorted, cmp_key_at);
    const ynode *second = NULL, *first = NULL;
    for (size_t i = 1; i < map->n; i++) {
        /* Only the second of a run of equal keys: the first repeat. */
        if (strcmp(sorted[i]->str, sorted[i - 1]->str) != 0 ||
            (i >= 2 && strcmp(sorted[i]->str, sorted[i - 2]->str) == 0))
            continue;
        const ynode *k = sorted[i];
        if (!second || k->line < second->line || (k->line == second->line && k->col < second->col)) {
            second = k;
            first = sorted[i - 1];
        }
    }
    free(sorted);
    if (!second)
        return 0;
    diag_error(b->d, second->line, second->col, "duplicate key '%s' (first given on line %d)", second->str,
               first->line);
    b->failed = 1;
    return -1;
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
    if (n->kind == Y_MAP && check_duplicates(b, n) != 0)
        return NULL;
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
    if (plain_node(b, ev) != 0)
        return NULL;
    switch (ev->type) {
    case YAML_SCALAR_EVENT: {
        ynode *n = new_node(b, Y_SCALAR, ev);
        n->len = ev->data.scalar.length;
        n->str = arena_strndup(b->a, (const char *)ev->data.scalar.value, n->len);
        n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
        if (check_text(b, n, ev) != 0)
            return NULL;
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
    /* A byte order mark is allowed at the start (YAML says so); libyaml,
     * told the file is UTF-8, would take it for text. */
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    builder b = {.a = a, .d = d, .buf = buf, .len = len};
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
