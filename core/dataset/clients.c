/* clients.c - whom each copy of a report is for (docs/editions.md): the
 * clients file, a YAML list of licensees and the sample editions to make
 * in one batch, read with the dataset's readers and their file:line:col
 * errors; and the small checks the command line's --licensee, --seats and
 * --permissions share with it. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "dataset/loader.h"

#define MAX_SEATS 1000000

static const char *const top_keys[] = {"theme", "clients", NULL};
static const char *const client_keys[] = {"licensee",    "licence",       "seats", "date",
                                          "edition",     "watermark",     "permissions",
                                          "owner_password", "open_password", "options", NULL};

const char *ds_slug(arena *a, const char *name)
{
    size_t n = strlen(name);
    char *out = arena_alloc(a, n + 1);
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (isalnum(*p) || *p >= 0x80) /* letters of other scripts stay, as UTF-8 */
            out[k++] = (char)tolower(*p);
        else if (k && out[k - 1] != '-')
            out[k++] = '-';
    }
    while (k && out[k - 1] == '-')
        k--;
    out[k] = '\0';
    return out;
}

int ds_parse_seats(const char *s, int *seats)
{
    if (strcmp(s, "site") == 0) {
        *seats = -1;
        return 0;
    }
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 1 || v > MAX_SEATS)
        return -1;
    *seats = (int)v;
    return 0;
}

int ds_parse_permissions(const char *s, mkp_copy *c)
{
    c->protect = 1;
    c->allow_print = c->allow_copy = c->allow_modify = 0;
    if (strcmp(s, "none") == 0)
        return 0;
    for (const char *p = s; *p;) {
        size_t n = strcspn(p, ",");
        if (n == 5 && strncmp(p, "print", 5) == 0)
            c->allow_print = 1;
        else if (n == 4 && strncmp(p, "copy", 4) == 0)
            c->allow_copy = 1;
        else if (n == 6 && strncmp(p, "modify", 6) == 0)
            c->allow_modify = 1;
        else
            return -1;
        p += n + (p[n] == ',');
    }
    return 0;
}

/* permissions: none, a list of what is allowed, or the same as one string. */
static void load_permissions(loader *L, const ynode *n, mkp_copy *c)
{
    const char *s = NULL;
    if (n->kind == Y_SEQ) {
        strbuf b = {0};
        for (size_t i = 0; i < n->n; i++)
            if (ld_get_string(L, n->items[i], "permissions"))
                sb_printf(&b, "%s%s", b.len ? "," : "", n->items[i]->str);
        s = arena_strdup(L->a, b.s ? b.s : "none");
        free(b.s);
    } else {
        s = ld_get_string(L, n, "permissions");
    }
    if (s && ds_parse_permissions(s, c) != 0)
        diag_error(L->d, n->line, n->col,
                   "permissions lists what the reader may do: none, or any of print, copy and modify; not '%s'", s);
}

static const char *optional_string(loader *L, const ynode *e, const char *key)
{
    const ynode *n = ytree_get(e, key);
    const char *s = n ? ld_get_string(L, n, key) : NULL;
    return s ? s : "";
}

/* options: {pdf.paper: letter, ...}: the client's own -O, kept as
 * "plugin.key=value" for the command line's checks. */
static void load_options(loader *L, const ynode *n, ds_clients *cl, size_t i)
{
    if (!ld_want_kind(L, n, Y_MAP, "options"))
        return;
    const char **v = arena_array(L->a, n->n ? n->n : 1, sizeof *v);
    for (size_t k = 0; k < n->n; k++) {
        const ynode *key = n->keys[k], *val = n->items[k];
        if (!strchr(key->str, '.'))
            diag_error(L->d, key->line, key->col, "options are written plugin.key: value, such as pdf.paper: "
                       "letter; not '%s'", key->str);
        else if (ld_get_string(L, val, arena_printf(L->a, "option %s", key->str)))
            v[cl->n_options[i]++] = arena_printf(L->a, "%s=%s", key->str, val->str);
    }
    cl->options[i] = v;
}

static void load_client(loader *L, const ynode *e, mkp_copy *c)
{
    *c = (mkp_copy){.size = sizeof *c, .licensee = "", .licence_id = "", .licence_date = "", .watermark = "",
                    .owner_password = "", .open_password = "", .slug = ""};
    if (!ld_want_kind(L, e, Y_MAP, "a client"))
        return;
    ld_check_keys(L, e, "a client", client_keys);
    c->licensee = optional_string(L, e, "licensee");
    c->licence_id = optional_string(L, e, "licence");
    c->watermark = optional_string(L, e, "watermark");
    c->owner_password = optional_string(L, e, "owner_password");
    c->open_password = optional_string(L, e, "open_password");
    const ynode *n;
    if ((n = ytree_get(e, "seats")) && ld_get_string(L, n, "seats") && ds_parse_seats(n->str, &c->seats) != 0)
        diag_error(L->d, n->line, n->col, "seats must be a number of readers from 1 to %d, or site; not '%s'",
                   MAX_SEATS, n->str);
    if ((n = ytree_get(e, "date")))
        c->licence_date = ld_get_date(L, n, "date", NULL) ? n->str : "";
    if ((n = ytree_get(e, "edition")) && ld_get_string(L, n, "edition")) {
        if (strcmp(n->str, "sample") == 0)
            c->edition = MKP_EDITION_SAMPLE;
        else if (strcmp(n->str, "full") != 0)
            diag_error(L->d, n->line, n->col, "edition must be full or sample, not '%s'", n->str);
    }
    if ((n = ytree_get(e, "permissions")))
        load_permissions(L, n, c);
    if (!*c->licensee && c->edition != MKP_EDITION_SAMPLE)
        diag_error(L->d, e->line, e->col, "a client needs a licensee, unless it is a sample edition");
    c->slug = ds_copy_slug(L->a, c);
}

const char *ds_copy_slug(arena *a, const mkp_copy *c)
{
    const char *s = c->licensee && *c->licensee ? ds_slug(a, c->licensee) : "";
    if (c->edition == MKP_EDITION_SAMPLE)
        return *s ? arena_printf(a, "%s-sample", s) : "sample";
    return *s ? s : "";
}

/* Two copies may not share a folder: one would overwrite the other. */
static void check_slugs(loader *L, const ynode *list, const ds_clients *cl)
{
    for (size_t i = 0; i < cl->n; i++)
        for (size_t k = 0; k < i; k++)
            if (*cl->v[i].slug && strcmp(cl->v[i].slug, cl->v[k].slug) == 0) {
                const ynode *e = list->items[i], *f = list->items[k];
                diag_error(L->d, e->line, e->col,
                           "this client's copies would go to the folder %s, as those of the client at line %d do",
                           cl->v[i].slug, f->line);
                break;
            }
}

ds_clients *ds_clients_load(const char *path, diag_ctx *d)
{
    size_t len;
    unsigned char *buf = ds_read_file(path, 1u << 20, &len, d);
    if (!buf)
        return NULL;
    ds_clients *cl = ds_clients_load_buffer(path, buf, len, d);
    free(buf);
    return cl;
}

ds_clients *ds_clients_load_buffer(const char *path, const unsigned char *buf, size_t len, diag_ctx *d)
{
    ds_clients *cl = xcalloc(1, sizeof *cl);
    arena_init(&cl->arena);
    mkp_doc *scratch = arena_alloc(&cl->arena, sizeof *scratch);
    scratch->model = arena_alloc(&cl->arena, sizeof *scratch->model);
    loader L = {.doc = scratch, .a = &cl->arena, .d = d, .langs_bad = 1};
    int ok = 1;
    ynode *root = ytree_parse(&cl->arena, d, buf, len, &ok);
    const ynode *list = NULL, *n;
    if (ok && !root)
        diag_error(d, 1, 1, "the file is empty: a clients file lists its clients under 'clients:'");
    else if (ok && ld_want_kind(&L, root, Y_MAP, "a clients file")) {
        ld_check_keys(&L, root, "a clients file", top_keys);
        list = ld_need(&L, root, "clients", "a clients file");
        if ((n = ytree_get(root, "theme")) && ld_get_string(&L, n, "theme")) {
            const char *slash = strrchr(path, '/');
            cl->theme_path = n->str[0] == '/' || !slash
                                 ? n->str
                                 : arena_printf(&cl->arena, "%.*s/%s", (int)(slash - path), path, n->str);
        }
    }
    if (list && ld_want_kind(&L, list, Y_SEQ, "clients")) {
        if (!list->n)
            diag_error(d, list->line, list->col, "clients lists no client");
        cl->n = list->n;
        cl->v = arena_array(&cl->arena, list->n ? list->n : 1, sizeof *cl->v);
        cl->options = arena_array(&cl->arena, list->n ? list->n : 1, sizeof *cl->options);
        cl->n_options = arena_array(&cl->arena, list->n ? list->n : 1, sizeof *cl->n_options);
        for (size_t i = 0; i < list->n; i++) {
            load_client(&L, list->items[i], &cl->v[i]);
            if (list->items[i]->kind == Y_MAP && (n = ytree_get(list->items[i], "options")))
                load_options(&L, n, cl, i);
        }
        check_slugs(&L, list, cl);
    }
    if (!ok || !root || d->errors) {
        ds_clients_free(cl);
        return NULL;
    }
    return cl;
}

void ds_clients_free(ds_clients *cl)
{
    if (!cl)
        return;
    arena_free(&cl->arena);
    free(cl);
}
