/* args.c - what the commands share in reading their arguments. */
#include "base/alloc.h"
#include "cli/cli.h"

void strs_push(strs *s, char *x)
{
    s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
    s->v[s->n++] = x;
}
