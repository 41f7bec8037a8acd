/* load.c - dataset file -> draft model: the file read whole, its YAML tree,
 * then each top-level block (market.c, segments.c, content.c).  Every
 * check points at the offending node's line and column; the first problem
 * of each kind is reported and loading goes on so one run shows as many as
 * it can. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/date.h"
#include "dataset/loader.h"

#define MAX_FILE_BYTES (64u << 20)

static const char *const top_keys[] = {"report", "market", "dimensions", "sections", "landscape", "scenarios", NULL};

mkp_doc *ds_load_buffer(const char *name, const unsigned char *buf, size_t len, const ds_methods *methods,
                         diag_ctx *d)
{
    mkp_doc *doc = xcalloc(1, sizeof *doc);
    arena_init(&doc->arena);
    loader L = {.doc = doc, .a = &doc->arena, .d = d, .methods = methods};
    doc->model = arena_alloc(L.a, sizeof *doc->model);
    doc->model->size = sizeof *doc->model;
    doc->model->source_file = arena_strdup(L.a, name);
    doc->model->theme = &ds_theme_default()->pub;
    int ok;
    int errors_before = d->errors;
    ynode *root = ytree_parse(L.a, d, buf, len, &ok);
    if (!ok)
        goto fail;
    if (!root) {
        diag_error(d, 1, 1, "the file is empty: a dataset needs 'report' and 'market' blocks");
        goto fail;
    }
    if (!ld_want_kind(&L, root, Y_MAP, "a dataset"))
        goto fail;
    ld_check_keys(&L, root, "the dataset", top_keys);
    const ynode *r = ld_need(&L, root, "report", "the dataset");
    const ynode *mk = ld_need(&L, root, "market", "the dataset");
    if (r && ld_want_kind(&L, r, Y_MAP, "report"))
        ld_report(&L, r);
    mkp_model *m = doc->model;
    if (!m->base_year || !m->forecast_end || m->forecast_end <= m->base_year)
        goto fail;
    if (mk && ld_want_kind(&L, mk, Y_MAP, "market"))
        ld_market(&L, mk);
    if (!doc->market.node)
        goto fail;
    m->market = doc->market.node;
    m->first_year = doc->market.history.n ? doc->market.history.v[0].year : m->base_year;
    m->n_years = m->forecast_end - m->first_year + 1;
    const ynode *n;
    if ((n = ytree_get(root, "dimensions")))
        ld_dimensions(&L, n);
    if ((n = ytree_get(root, "sections")))
        ld_sections(&L, n);
    if ((n = ytree_get(root, "landscape")))
        ld_landscape(&L, n);
    if ((n = ytree_get(root, "scenarios")))
        ld_scenarios(&L, n);
    ld_language_totals(&L);
    if (d->errors == errors_before)
        return doc;
    ds_free(doc);
    return NULL;
fail:
    ld_language_totals(&L);
    ds_free(doc);
    return NULL;
}

unsigned char *ds_read_file(const char *path, size_t max, size_t *len_out, diag_ctx *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(d, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = xmalloc(cap);
    for (;;) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        if (cap >= max) {
            fclose(f);
            free(buf);
            diag_error(d, 0, 0, "larger than %zu MiB: not a %s", max >> 20,
                       max == MAX_FILE_BYTES ? "dataset" : "theme");
            return NULL;
        }
        buf = xrealloc(buf, cap * 2);
        cap *= 2;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        diag_error(d, 0, 0, "cannot read: %s", strerror(errno));
        return NULL;
    }
    *len_out = len;
    return buf;
}

mkp_doc *ds_load_file(const char *path, const ds_methods *methods, diag_ctx *d)
{
    size_t len;
    unsigned char *buf = ds_read_file(path, MAX_FILE_BYTES, &len, d);
    if (!buf)
        return NULL;
    mkp_doc *doc = ds_load_buffer(path, buf, len, methods, d);
    free(buf);
    return doc;
}

void ds_free(mkp_doc *doc)
{
    if (!doc)
        return;
    arena_free(&doc->arena);
    free(doc);
}
