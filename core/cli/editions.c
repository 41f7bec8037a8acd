/* editions.c - what render makes of each dataset besides its languages:
 * the house style it is shown in (--theme, a clients file's theme:, the
 * dataset's report.theme, else the default) and the copies (--licensee and
 * its company, --edition, or one per entry of a clients file), each copy
 * with its folder (docs/editions.md). */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "chart/fonts.h"
#include "cli/cli.h"

#define PASSWORD_MAX 127            /* what PDF encryption takes, and more than libharu keeps */

int cmd_edition_option(edition_args *ea, int key, const char *v)
{
    static const struct {
        int key;
        size_t at;                  /* the member of edition_args the value goes to */
    } to[] = {
        {OPT_THEME, offsetof(edition_args, theme)},
        {OPT_CLIENTS, offsetof(edition_args, clients)},
        {OPT_LICENSEE, offsetof(edition_args, licensee)},
        {OPT_LICENCE_ID, offsetof(edition_args, licence_id)},
        {OPT_SEATS, offsetof(edition_args, seats)},
        {OPT_LICENCE_DATE, offsetof(edition_args, licence_date)},
        {OPT_WATERMARK, offsetof(edition_args, watermark)},
        {OPT_EDITION, offsetof(edition_args, edition)},
        {OPT_PERMISSIONS, offsetof(edition_args, permissions)},
        {OPT_OWNER_PASSWORD, offsetof(edition_args, owner_password_file)},
        {OPT_OPEN_PASSWORD, offsetof(edition_args, open_password_file)},
    };
    for (size_t i = 0; i < sizeof to / sizeof to[0]; i++)
        if (to[i].key == key) {
            memcpy((char *)ea + to[i].at, &v, sizeof v);
            return 1;
        }
    return 0;
}

/* A password: the first line of `file`, else the environment's `var`,
 * else "".  NULL after a line when the file cannot be read or is wrong. */
static const char *password(arena *a, const char *file, const char *var, const char *opt)
{
    if (!file) {
        const char *e = getenv(var);
        return arena_strdup(a, e ? e : "");
    }
    FILE *f = fopen(file, "r");
    char buf[PASSWORD_MAX + 2] = "";
    if (!f) {
        say("marketpress render: %s %s: %s", opt, file, strerror(errno));
        return NULL;
    }
    int got = fgets(buf, sizeof buf, f) != NULL;
    fclose(f);
    buf[strcspn(buf, "\r\n")] = '\0';
    if (!got || !*buf || strlen(buf) > PASSWORD_MAX) {
        say("marketpress render: %s %s: the first line must hold the password, 1 to %d characters", opt, file,
            PASSWORD_MAX);
        return NULL;
    }
    return arena_strdup(a, buf);
}

/* The copy the command line describes; 0, or -1 after a line. */
static int copy_from_args(const edition_args *ea, arena *a, mkp_copy *c)
{
    *c = host_unlicensed;
    c->licensee = ea->licensee ? ea->licensee : "";
    c->licence_id = ea->licence_id ? ea->licence_id : "";
    c->licence_date = ea->licence_date ? ea->licence_date : "";
    c->watermark = ea->watermark ? ea->watermark : "";
    const char *bad = NULL;
    if (ea->licensee && !*ea->licensee)
        bad = "--licensee needs the licensee's name, such as --licensee \"Acme Corp\"";
    else if (ea->seats && ds_parse_seats(ea->seats, &c->seats) != 0)
        bad = "--seats takes a number of readers from 1 to 1000000, or site";
    else if (ea->licence_date && !ds_valid_date(ea->licence_date, NULL))
        bad = "--licence-date takes a date YYYY-MM-DD";
    else if (ea->edition && strcmp(ea->edition, "full") != 0 && strcmp(ea->edition, "sample") != 0)
        bad = "--edition takes full or sample";
    else if (ea->permissions && ds_parse_permissions(ea->permissions, c) != 0)
        bad = "--permissions takes none, or what the reader may do: any of print, copy and modify, joined by commas";
    else if (!ea->licensee && (ea->licence_id || ea->seats || ea->licence_date))
        bad = "--licence-id, --seats and --licence-date describe a licence: give --licensee too";
    if (bad) {
        say("marketpress render: %s", bad);
        return -1;
    }
    c->edition = ea->edition && strcmp(ea->edition, "sample") == 0 ? MKP_EDITION_SAMPLE : MKP_EDITION_FULL;
    c->slug = ds_copy_slug(a, c);
    return 0;
}

/* Every protected copy has an owner password: its own, the file's, or the
 * environment's; and an open password when one is given.  0, or -1. */
static int add_passwords(const edition_args *ea, edition_set *es, const char *where)
{
    const char *owner = password(&es->a, ea->owner_password_file, "MARKETPRESS_OWNER_PASSWORD", "--owner-password-file");
    const char *open = password(&es->a, ea->open_password_file, "MARKETPRESS_OPEN_PASSWORD", "--open-password-file");
    if (!owner || !open)
        return -1;
    for (size_t i = 0; i < es->n; i++) {
        mkp_copy *c = &es->v[i];
        if (!c->owner_password || !*c->owner_password)
            c->owner_password = owner;
        if (!c->open_password || !*c->open_password)
            c->open_password = open;
        if (c->protect && !*c->owner_password) {
            say("marketpress render: %s%s sets permissions, which need an owner password: give "
                "--owner-password-file FILE or set MARKETPRESS_OWNER_PASSWORD",
                where, *c->licensee ? c->licensee : "the sample edition");
            return -1;
        }
        if (!c->protect)
            c->owner_password = c->open_password = "";
    }
    return 0;
}

int cmd_editions(const edition_args *ea, edition_set *es)
{
    arena_init(&es->a);
    if (ea->clients) {
        const char *copy_flags = ea->licensee       ? "--licensee"
                                 : ea->edition     ? "--edition"
                                 : ea->permissions ? "--permissions"
                                 : ea->watermark   ? "--watermark"
                                                   : NULL;
        if (copy_flags) {
            say("marketpress render: %s and --clients both say whom the copies are for; give the clients file "
                "alone", copy_flags);
            return 2;
        }
        diag_ctx d;
        diag_init(&d, ea->clients, stderr);
        es->clients = ds_clients_load(ea->clients, &d);
        diag_finish(&d);
        if (!es->clients)
            return 2;
        es->n = es->clients->n;
        es->v = es->clients->v;
        return add_passwords(ea, es, arena_printf(&es->a, "%s: ", ea->clients)) == 0 ? 0 : 2;
    }
    es->n = 1;
    es->v = arena_alloc(&es->a, sizeof *es->v);
    if (copy_from_args(ea, &es->a, es->v) != 0 || add_passwords(ea, es, "") != 0)
        return 2;
    return 0;
}

/* A theme, read once however many datasets name it. */
static const ds_theme *theme_at(edition_set *es, const char *path, int *bad)
{
    for (size_t i = 0; i < es->n_themes; i++)
        if (strcmp(es->themes[i]->pub.source_file, path) == 0)
            return es->themes[i];
    diag_ctx d;
    diag_init(&d, path, stderr);
    ds_theme *t = ds_theme_load(path, &d, chart_family_exists);
    diag_finish(&d);
    if (!t) {
        *bad = 1;
        return NULL;
    }
    es->themes = xrealloc(es->themes, (es->n_themes + 1) * sizeof *es->themes);
    es->themes[es->n_themes++] = t;
    say_verbose("marketpress: theme %s from %s", t->pub.name, path);
    return t;
}

/* --theme NAME (no '/', no .yaml): a theme that comes with marketpress,
 * beside the program (<bin>/../share/marketpress/themes, which is also
 * where the build puts them), else in the install's data folder.  A file
 * name stays as it is. */
static const char *theme_file(arena *a, const char *v)
{
    size_t n = strlen(v);
    if (strchr(v, '/') || (n > 5 && strcmp(v + n - 5, ".yaml") == 0) || !*v)
        return v;
    struct stat st;
    char *bin = fs_program_dir();
    const char *own = bin ? arena_printf(a, "%s/../share/marketpress/themes/%s.yaml", bin, v) : NULL;
    free(bin);
    if (own && stat(own, &st) == 0)
        return own;
    const char *installed = arena_printf(a, "%s/themes/%s.yaml", MKP_DATA_DIR, v);
    return stat(installed, &st) == 0 ? installed : v;
}

int cmd_themes(const edition_args *ea, edition_set *es, mkp_doc **docs, size_t n)
{
    int bad = 0;
    const char *all = ea->theme ? theme_file(&es->a, ea->theme) : es->clients ? es->clients->theme_path : NULL;
    for (size_t i = 0; i < n; i++) {
        const char *path = all ? all : docs[i]->theme_path;
        int was_bad = bad;
        const ds_theme *t = path ? theme_at(es, path, &bad) : ds_theme_default();
        if (t)
            ds_theme_apply(docs[i], t);
        else if (!all && !was_bad)
            say("%s:%d:%d: note: the dataset names that theme here", docs[i]->model->source_file,
                docs[i]->theme_line, docs[i]->theme_col);
    }
    return bad ? 2 : 0;
}

void cmd_editions_free(edition_set *es)
{
    for (size_t i = 0; i < es->n_themes; i++)
        ds_theme_free(es->themes[i]);
    free(es->themes);
    ds_clients_free(es->clients);
    arena_free(&es->a);
}
