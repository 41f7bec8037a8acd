/* ytree.h - a YAML document as a small tree whose every node knows its
 * line and column, built with libyaml's event parser into an arena. */
#ifndef MKP_YTREE_H
#define MKP_YTREE_H
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"

typedef enum { Y_SCALAR, Y_MAP, Y_SEQ } ykind;

typedef struct ynode ynode;
struct ynode {
    ykind kind;
    int line, col;                  /* 1-based */
    int quoted;                     /* scalar was written in quotes */
    const char *str;                /* Y_SCALAR */
    size_t len;
    size_t n;                       /* Y_MAP: pairs; Y_SEQ: items */
    ynode **keys;                   /* Y_MAP */
    ynode **items;                  /* Y_MAP values or Y_SEQ items */
};

/* Parse `len` bytes.  Returns the document's root (NULL for an empty
 * document) and sets *ok to 0 after reporting a syntax error. */
ynode *ytree_parse(arena *a, diag_ctx *d, const unsigned char *buf, size_t len, int *ok);
/* The value for `key` in a map, or NULL. */
ynode *ytree_get(const ynode *map, const char *key);
const char *ytree_kind_name(const ynode *n);
#endif
