/* render.c - the `render` command, in four steps: read the arguments,
 * choose the plugins (and say why any that should run cannot), load every
 * dataset and choose its languages (one wrong dataset or language and
 * nothing is rendered), then run one job per dataset, language and plugin
 * (host/jobs.c) and report what did not land. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "cli/cli.h"
#include "host/host.h"

/* What the command line asked for. */
typedef struct render_args {
    strs datasets, dirs, raw_opts;  /* raw_opts: copies, cut up by parse_options */
    const char *formats, *out_dir, *scenario;
    const char *lang;               /* as given: NULL, "all", or "en,zh-CN" */
    long parallel;
    double timeout, cpu_limit;
    unsigned long long memory_limit;
    int flags;                      /* JOBS_* */
    int strict;                     /* --strict: a dataset's warnings are errors */
    edition_args ed;                /* --theme, --licensee, --clients, ... */
} render_args;

/* What the steps found. */
typedef struct render_state {
    plugin_set ps;
    const loaded_plugin **chosen;
    size_t n_chosen;
    opt_value *opts;
    mkp_doc **docs;
    const char ***langs;            /* per dataset: the languages to render, declared tags */
    size_t *n_langs;
    int missing;                    /* a plugin that should have run cannot: exit 1 */
    edition_set es;                 /* the themes and the copies */
    opt_value **copy_opts;          /* per copy of a clients file with options: -O, then its own */
    size_t *n_copy_opts;
} render_state;

/* A size such as 512M, 2G or 1048576 (bytes); 0 when not understood. */
static unsigned long long parse_size(const char *v)
{
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (end == v || errno || !(d > 0))
        return 0;
    static const char units[] = "KMGT";
    const char *u = *end ? strchr(units, toupper((unsigned char)*end)) : NULL;
    if (*end && (!u || (end[1] && strcmp(end + 1, "iB") != 0 && strcmp(end + 1, "B") != 0)))
        return 0;
    for (const char *k = units; u && k <= u; k++)
        d *= 1024;
    return d < 1 || d > 9.0e18 ? 0 : (unsigned long long)d;
}

/* An option that takes a number: -j, --timeout, --cpu-limit, --memory-limit. */
static int parse_number(render_args *a, int key, const char *v)
{
    char *end;
    if (key == 'j') {
        a->parallel = strtol(v, &end, 10);
        if (!*end && a->parallel >= 1 && a->parallel <= 256)
            return 0;
        say("marketpress: -j %s: give a number of parallel jobs from 1 to 256", v);
        return -1;
    }
    if (key == OPT_MEMORY_LIMIT) {
        a->memory_limit = parse_size(v);
        if (a->memory_limit >= (1u << 20))
            return 0;
        say("marketpress: --memory-limit %s: give a size of at least 1M, such as 512M or 2G", v);
        return -1;
    }
    double secs = strtod(v, &end);
    if (*end || !(secs > 0) || secs > 1e9) {
        say("marketpress: %s %s: give seconds, more than 0", key == 't' ? "--timeout" : "--cpu-limit", v);
        return -1;
    }
    *(key == 't' ? &a->timeout : &a->cpu_limit) = secs;
    return 0;
}

/* Takes one option into `a`; 0, or -1 after a line. */
static int take_option(render_args *a, int key, char *v)
{
    if (key == 'f')
        a->formats = v;
    else if (key == 'o')
        a->out_dir = v;
    else if (key == 'P')
        strs_push(&a->dirs, v);
    else if (key == 'O')
        strs_push(&a->raw_opts, xstrdup(v));
    else if (key == 's')
        a->scenario = v;
    else if (key == 'l')
        a->lang = v;
    else if (key == OPT_TIMES)
        a->flags |= JOBS_TIMES;
    else if (key == OPT_NO_FSYNC)
        a->flags |= JOBS_NO_FSYNC;
    else if (key == OPT_STRICT)
        a->strict = 1;
    else if (!cmd_edition_option(&a->ed, key, v))
        return parse_number(a, key, v);
    return 0;
}

/* Reads the command line into `a`: 0, CLI_HELP (the help was printed), or
 * -1 after a line. */
static int parse_args(int argc, char **argv, render_args *a)
{
    cli_parser p;
    int k;
    cli_begin(&p, cli_find_command("render"), argc, argv);
    while ((k = cli_next(&p)) >= 0 && take_option(a, k, p.value) == 0)
        ;
    cli_end(&p);
    if (k == CLI_HELP)
        return CLI_HELP;
    if (k != CLI_END)
        return -1;
    for (int i = p.first; i < argc; i++)
        strs_push(&a->datasets, argv[i]);
    if (diag_verbosity < VERBOSITY_NORMAL)
        a->flags |= JOBS_QUIET;
    return 0;
}

/* What is wrong with --lang's value as a list, or NULL: it is `all`, or
 * language tags joined by commas. */
static const char *lang_list_problem(const char *v)
{
    size_t len = strlen(v);
    if (!len || v[0] == ',' || v[len - 1] == ',' || strstr(v, ",,"))
        return "give language tags such as en or en,zh-CN, or all";
    if (strcmp(v, "all") == 0)
        return NULL;
    for (const char *p = v; *p;) {
        size_t n = strcspn(p, ",");
        if (n == 3 && strncmp(p, "all", 3) == 0)
            return "all stands alone: it means every language each dataset declares";
        p += n + (p[n] == ',');
    }
    return NULL;
}

/* -o -: the one output goes to standard output. */
static int to_stdout(const render_args *a)
{
    return strcmp(a->out_dir, "-") == 0;
}

/* The checks that need no plugin and no dataset. */
static int check_args(const render_args *a)
{
    struct stat st;
    if (!a->datasets.n)
        cli_usage_error(cli_find_command("render"), "no dataset given");
    else if (cmd_one_stdin(cli_find_command("render"), a->datasets.v, a->datasets.n) != 0)
        return -1;
    else if (!*a->out_dir)
        say("marketpress render: -o needs a folder name");
    else if (a->formats && a->formats[strspn(a->formats, ",")] == '\0')
        say("marketpress render: -f needs one or more plugin names, such as -f pdf,xlsx");
    else if (a->lang && lang_list_problem(a->lang))
        say("marketpress render: --lang %s: %s", a->lang, lang_list_problem(a->lang));
    else if (!to_stdout(a) && stat(a->out_dir, &st) == 0 && !S_ISDIR(st.st_mode))
        say("marketpress render: -o %s: that is a file, not a folder", a->out_dir);
    else
        return 0;
    return -1;
}

static void list_names(const plugin_set *ps, strbuf *b)
{
    for (size_t i = 0; i < ps->n; i++)
        sb_printf(b, "%s%s", i ? ", " : "", ps->v[i].desc->name);
    if (!ps->n)
        sb_printf(b, "none");
}

/* The file refused for plugin `name`, if a file named after it was. */
static const refusal *refused_as(const plugin_set *ps, const char *name)
{
    for (size_t i = 0; i < ps->n_refused; i++) {
        const char *slash = strrchr(ps->refused[i].path, '/');
        const char *base = slash ? slash + 1 : ps->refused[i].path;
        size_t n = strlen(name);
        if (strncmp(base, name, n) == 0 && strcmp(base + n, ".so") == 0)
            return &ps->refused[i];
    }
    return NULL;
}

/* A refusal that is about the file rather than about it being found twice. */
static int is_shadowed(const refusal *r)
{
    return strstr(r->reason, "is already provided by") != NULL;
}

/* Checks -O plugin.key=value against the plugins' declarations. */
static int parse_options(const plugin_set *ps, const strs *raw, opt_value *out)
{
    for (size_t i = 0; i < raw->n; i++) {
        char *s = raw->v[i], *dot = strchr(s, '.'), *eq = strchr(s, '=');
        if (!dot || !eq || dot > eq || dot == s || eq == dot + 1) {
            say("marketpress: -O %s: write it as plugin.key=value, e.g. -O pdf.paper=letter", s);
            return -1;
        }
        *dot = '\0';
        *eq = '\0';
        out[i] = (opt_value){s, dot + 1, eq + 1};
        const loaded_plugin *p = plugins_find(ps, s);
        const refusal *refused = p ? NULL : refused_as(ps, s);
        strbuf b = {0};
        if (refused) {
            /* Its file is there: what stops it is the refusal, not the name. */
            say("marketpress: -O %s.%s: plugin %s cannot be used: %s: %s", s, dot + 1, s, refused->path,
                refused->reason);
            return -1;
        }
        if (!p) {
            sb_printf(&b, "marketpress: -O %s.%s: no plugin named '%s' (found: ", s, dot + 1, s);
            list_names(ps, &b);
            say("%s)", b.s);
            free(b.s);
            return -1;
        }
        const mkp_option *decl = NULL;
        for (size_t k = 0; k < p->desc->n_options; k++)
            if (strcmp(p->desc->options[k].name, dot + 1) == 0)
                decl = &p->desc->options[k];
        if (!decl) {
            sb_printf(&b, "marketpress: -O %s.%s: plugin '%s' has no option '%s'", s, dot + 1, s, dot + 1);
            for (size_t k = 0; k < p->desc->n_options; k++)
                sb_printf(&b, "%s%s", k ? ", " : " (it has: ", p->desc->options[k].name);
            say("%s%s", b.s, p->desc->n_options ? ")" : "");
            free(b.s);
            return -1;
        }
        const char *why = option_check(decl, eq + 1);
        if (why) {
            sb_printf(&b, "marketpress: -O %s.%s=%s: plugin '%s' option '%s' %s", s, dot + 1, eq + 1, s, dot + 1,
                      why);
            if (decl->type == MKP_OPT_CHOICE)
                sb_printf(&b, " (%s)", decl->choices);
            else if ((decl->type == MKP_OPT_INT || decl->type == MKP_OPT_NUMBER) && decl->min < decl->max)
                sb_printf(&b, " (%g to %g)", decl->min, decl->max);
            say("%s", b.s);
            free(b.s);
            return -1;
        }
    }
    return 0;
}


/* The plugins named by -f and -O are all this render needs: only their
 * files are loaded (host/plugins.c); without -f, every file is. */
/* The plugin a "plugin.key=value" is for, malloc'd. */
static char *plugin_of_option(const char *o)
{
    const char *dot = strchr(o, '.');
    return xstrndup(o, dot ? (size_t)(dot - o) : 0);
}

static void find_plugins(const render_args *a, const ds_clients *cl, plugin_set *ps)
{
    if (!a->formats) {
        plugins_discover(ps, a->dirs.v, a->dirs.n);
        return;
    }
    strs wanted = {0};
    char *copy = xstrdup(a->formats), *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
        strs_push(&wanted, tok);
    /* and those an option is for: -O's, and a clients file's */
    strs heads = {0};
    for (size_t i = 0; i < a->raw_opts.n; i++)
        strs_push(&heads, plugin_of_option(a->raw_opts.v[i]));
    for (size_t c = 0; cl && c < cl->n; c++)
        for (size_t k = 0; k < cl->n_options[c]; k++)
            strs_push(&heads, plugin_of_option(cl->options[c][k]));
    for (size_t i = 0; i < heads.n; i++)
        strs_push(&wanted, heads.v[i]);
    plugins_discover_named(ps, a->dirs.v, a->dirs.n, (const char *const *)wanted.v, wanted.n);
    for (size_t i = 0; i < heads.n; i++)
        free(heads.v[i]);
    free(heads.v);
    free(wanted.v);
    free(copy);
}

/* The plugins -f names, in its order.  A name whose file is there but
 * cannot be used is a line and exit 1 later; an unknown name is a usage
 * error (-1). */
static int choose_named(const render_args *a, render_state *rs)
{
    char *copy = xstrdup(a->formats), *save = NULL;
    int rc = 0;
    for (char *tok = strtok_r(copy, ",", &save); tok && rc == 0; tok = strtok_r(NULL, ",", &save)) {
        const loaded_plugin *p = plugins_find(&rs->ps, tok);
        const refusal *why = p ? NULL : refused_as(&rs->ps, tok);
        if (why) {
            say("marketpress: plugin %s cannot be used: %s: %s", tok, why->path, why->reason);
            rs->missing = 1;
        } else if (!p) {
            strbuf b = {0};
            sb_printf(&b, "marketpress: -f: no plugin named '%s' (found: ", tok);
            list_names(&rs->ps, &b);
            say("%s; 'marketpress plugins -v' tells why files were refused)", b.s);
            free(b.s);
            rc = -1;
        } else {
            int dup = 0;
            for (size_t k = 0; k < rs->n_chosen; k++)
                dup |= rs->chosen[k] == p;
            if (!dup)
                rs->chosen[rs->n_chosen++] = p;
        }
    }
    free(copy);
    return rc;
}

/* Every plugin file installed is expected to give an output: one that
 * cannot be used is named, never skipped in silence. */
static void choose_all(render_state *rs)
{
    for (size_t i = 0; i < rs->ps.n_refused; i++)
        if (!is_shadowed(&rs->ps.refused[i])) {
            say("marketpress: plugin %s %s not used: %s", rs->ps.refused[i].folder ? "folder" : "file",
                rs->ps.refused[i].path, rs->ps.refused[i].reason);
            rs->missing = 1;
        }
    for (size_t i = 0; i < rs->ps.n; i++)
        rs->chosen[rs->n_chosen++] = &rs->ps.v[i];
}

/* -v: where plugins were looked for and which were taken from where. */
static void say_loaded(const render_state *rs)
{
    if (diag_verbosity < VERBOSITY_VERBOSE)
        return;
    strbuf b = {0};
    for (size_t i = 0; i < rs->ps.n_dirs; i++)
        sb_printf(&b, "%s%s", i ? ":" : "", rs->ps.dirs[i]);
    say("marketpress: plugin search path: %s", b.s ? b.s : "(none)");
    free(b.s);
    for (size_t i = 0; i < rs->n_chosen; i++) {
        const mkp_plugin *d = rs->chosen[i]->desc;
        say("marketpress: plugin %s %s (ABI %d.%d) from %s", d->name, d->version ? d->version : "?", d->abi_major,
            d->abi_minor, rs->chosen[i]->path);
    }
}

/* Chooses the plugins and checks their options.  Returns 0, or the exit
 * status after saying why nothing can run. */
static int select_plugins(const render_args *a, render_state *rs)
{
    find_plugins(a, rs->es.clients, &rs->ps);
    rs->chosen = xcalloc(rs->ps.n + 1, sizeof *rs->chosen);
    rs->opts = xcalloc(a->raw_opts.n + 1, sizeof *rs->opts);
    if (a->formats ? choose_named(a, rs) != 0 : (choose_all(rs), 0))
        return 2;
    say_loaded(rs);
    if (!rs->n_chosen) {
        strbuf b = {0};
        sb_printf(&b, "marketpress: no output plugin can run; searched:");
        for (size_t i = 0; i < rs->ps.n_dirs; i++)
            sb_printf(&b, " %s", rs->ps.dirs[i]);
        say("%s (see 'marketpress plugins -v')", b.s);
        free(b.s);
        return rs->missing ? 1 : 2;
    }
    for (size_t i = 0; i < rs->n_chosen; i++)
        for (size_t k = i + 1; k < rs->n_chosen; k++) {
            const mkp_plugin *pa = rs->chosen[i]->desc, *pb = rs->chosen[k]->desc;
            if (!(pa->flags & MKP_PLUGIN_DIRECTORY) && !(pb->flags & MKP_PLUGIN_DIRECTORY) &&
                strcmp(pa->extension, pb->extension) == 0) {
                say("marketpress: plugins '%s' and '%s' would both write %s/<id>.%s; choose one with -f", pa->name,
                    pb->name, a->out_dir, pa->extension);
                return 2;
            }
        }
    return parse_options(&rs->ps, &a->raw_opts, rs->opts) != 0 ? 2 : 0;
}

/* One bad dataset stops a render of several: which, and that nothing was
 * written, not even the good ones. */
static void say_bad_datasets(const render_args *a, const unsigned char *is_bad, size_t bad)
{
    strbuf b = {0};
    size_t listed = 0;
    for (size_t i = 0; i < a->datasets.n; i++)
        if (is_bad[i] && listed++ < 5)
            sb_printf(&b, "%s%s", listed > 1 ? ", " : "", cmd_dataset_name(a->datasets.v[i]));
    if (listed > 5)
        sb_printf(&b, " and %zu more", listed - 5);
    say("marketpress: nothing rendered, nothing written: %zu of %zu datasets %s errors (%s); the others were "
        "not rendered either",
        bad, a->datasets.n, bad > 1 ? "have" : "has", b.s);
    free(b.s);
}

/* Every dataset, loaded and checked before any plugin runs; 0, or -1 when
 * any is wrong (then nothing at all is rendered). */
static int load_datasets(const render_args *a, render_state *rs)
{
    rs->docs = xcalloc(a->datasets.n, sizeof *rs->docs);
    unsigned char *is_bad = xcalloc(a->datasets.n, 1);
    size_t bad = 0;
    for (size_t i = 0; i < a->datasets.n; i++) {
        rs->docs[i] = cmd_open(a->datasets.v[i], a->scenario, a->strict ? OPEN_STRICT : 0);
        is_bad[i] = rs->docs[i] == NULL;
        for (size_t k = 0; rs->docs[i] && k < i; k++)
            if (rs->docs[k] && strcmp(rs->docs[k]->model->id, rs->docs[i]->model->id) == 0 && !is_bad[i]) {
                say("%s: error: report id '%s' is also the id of %s; outputs would collide",
                    cmd_dataset_name(a->datasets.v[i]), rs->docs[i]->model->id, cmd_dataset_name(a->datasets.v[k]));
                is_bad[i] = 1;
            }
        bad += is_bad[i];
    }
    if (bad && a->datasets.n > 1)
        say_bad_datasets(a, is_bad, bad);
    free(is_bad);
    return bad ? -1 : 0;
}

/* Adds lang to the languages of dataset i unless it is there already. */
static void add_lang(render_state *rs, size_t i, const char *lang)
{
    for (size_t k = 0; k < rs->n_langs[i]; k++)
        if (rs->langs[i][k] == lang)
            return;
    rs->langs[i][rs->n_langs[i]++] = lang;
}

/* The languages each dataset is rendered in: its default (the first it
 * declares) without --lang, all it declares with --lang all, else each
 * one listed, which it must declare.  0, or -1 after one line for each
 * language a dataset lacks (then nothing is rendered). */
static int choose_langs(const render_args *a, render_state *rs)
{
    size_t nd = a->datasets.n, listed = 1;
    for (const char *p = a->lang; p && *p; p++)
        listed += *p == ',';
    rs->langs = xcalloc(nd, sizeof *rs->langs);
    rs->n_langs = xcalloc(nd, sizeof *rs->n_langs);
    int bad = 0;
    for (size_t i = 0; i < nd; i++) {
        const mkp_model *m = rs->docs[i]->model;
        rs->langs[i] = xcalloc(m->n_languages + listed, sizeof **rs->langs);
        int all = a->lang && strcmp(a->lang, "all") == 0;
        for (size_t k = 0; k < (all ? m->n_languages : 0); k++)
            add_lang(rs, i, m->languages[k]);
        if (!a->lang)
            add_lang(rs, i, m->languages[0]);
        if (!a->lang || all)
            continue;
        char *copy = xstrdup(a->lang), *save = NULL;
        for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            const char *lang = cmd_find_lang(m, tok);
            if (lang)
                add_lang(rs, i, lang);
            else
                cmd_no_lang("render", tok, cmd_dataset_name(a->datasets.v[i]), m);
            bad |= !lang;
        }
        free(copy);
    }
    return bad ? -1 : 0;
}

/* The output folder, made when missing; 0, or the exit status after one
 * line (a folder that cannot be written is said once, before any job). */
static int prepare_out_dir(const char *out_dir)
{
    int err = fs_make_dirs(out_dir);
    if (err == ENOTDIR) {
        say("marketpress render: -o %s: a part of that path is a file, not a folder", out_dir);
        return 2;
    }
    if (!err && access(out_dir, W_OK | X_OK) != 0)
        err = errno;
    if (err) {
        say("marketpress: cannot write in %s: %s; nothing rendered", out_dir, strerror(err));
        return 1;
    }
    return 0;
}

/* A clients file's options, each checked as -O is, after the command
 * line's, so that a client's own win; 0, or 2 after a line. */
static int client_options(const render_args *a, render_state *rs)
{
    const ds_clients *cl = rs->es.clients;
    if (!cl)
        return 0;
    rs->copy_opts = xcalloc(cl->n, sizeof *rs->copy_opts);
    rs->n_copy_opts = xcalloc(cl->n, sizeof *rs->n_copy_opts);
    for (size_t i = 0; i < cl->n; i++) {
        if (!cl->n_options[i])
            continue;
        /* Copies in the editions' arena: the checked values point into them. */
        strs raw = {0};
        for (size_t k = 0; k < a->raw_opts.n; k++) /* -O, already cut up by its own check */
            strs_push(&raw, arena_printf(&rs->es.a, "%s.%s=%s", rs->opts[k].plugin, rs->opts[k].key, rs->opts[k].value));
        for (size_t k = 0; k < cl->n_options[i]; k++)
            strs_push(&raw, arena_strdup(&rs->es.a, cl->options[i][k]));
        rs->copy_opts[i] = xcalloc(raw.n, sizeof **rs->copy_opts);
        rs->n_copy_opts[i] = raw.n;
        int bad = parse_options(&rs->ps, &raw, rs->copy_opts[i]);
        free(raw.v);
        if (bad) {
            say("marketpress: that option is one of %s's in %s", *cl->v[i].licensee ? cl->v[i].licensee : "the sample",
                a->ed.clients);
            return 2;
        }
    }
    return 0;
}

/* Where the outputs of copy `c` of model `m` go: DIR itself for the
 * unlicensed full edition, else DIR/<id>/<slug>.  malloc'd. */
static char *copy_dir(const char *out_dir, const mkp_model *m, const mkp_copy *c)
{
    return *c->slug ? xprintf("%s/%s/%s", out_dir, m->id, c->slug) : xstrdup(out_dir);
}

/* The copy a job presents: the edition's own, with a sample's watermark in
 * the job's language when it gives none. */
static mkp_copy job_copy(const mkp_copy *c, const mkp_model *m, const char *lang)
{
    mkp_copy j = *c;
    if (c->edition == MKP_EDITION_SAMPLE && !*c->watermark) {
        mkp_job probe = {.size = sizeof probe, .host = &host_table, .model = m, .lang = lang};
        j.watermark = host_table.label(&probe, "sample-mark");
    }
    return j;
}

/* The folders of the copies, made before any job; 0, or 1 after a line. */
static int make_copy_dirs(char **dirs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int err = fs_make_dirs(dirs[i]);
        if (err) {
            say("marketpress: cannot make %s: %s; nothing rendered", dirs[i], strerror(err));
            return 1;
        }
    }
    return 0;
}

/* The results of the jobs: each failure said once; the exit status. */
static int collect(job_spec *jobs, size_t n_jobs, int rc)
{
    for (size_t i = 0; i < n_jobs; i++) {
        if (!jobs[i].ok) {
            /* A plugin that said why in its own words needs no second line. */
            if (!jobs[i].explained)
                say("marketpress: %s", jobs[i].failure ? jobs[i].failure : "job failed");
            rc = 1;
        }
        free(jobs[i].failure);
        free(jobs[i].final_path);
        free(jobs[i].stray);
    }
    return rc;
}

/* One job per copy, dataset, language and plugin, all run together;
 * returns the exit status. */
static int dispatch(const render_args *a, render_state *rs)
{
    const edition_set *es = &rs->es;
    size_t n_jobs = 0, n_dirs = es->n * a->datasets.n;
    for (size_t i = 0; i < a->datasets.n; i++)
        n_jobs += rs->n_langs[i] * rs->n_chosen * es->n;
    job_spec *jobs = xcalloc(n_jobs, sizeof *jobs);
    mkp_copy *copies = xcalloc(n_jobs, sizeof *copies);
    char **dirs = xcalloc(n_dirs, sizeof *dirs);
    size_t j = 0, d = 0;
    for (size_t c = 0; c < es->n; c++)
        for (size_t i = 0; i < a->datasets.n; i++, d++) {
            const mkp_model *m = rs->docs[i]->model;
            dirs[d] = copy_dir(a->out_dir, m, &es->v[c]);
            for (size_t l = 0; l < rs->n_langs[i]; l++)
                for (size_t k = 0; k < rs->n_chosen; k++, j++) {
                    copies[j] = job_copy(&es->v[c], m, rs->langs[i][l]);
                    int own = rs->copy_opts && rs->copy_opts[c];
                    jobs[j] = (job_spec){.plugin = rs->chosen[k], .model = m, .lang = rs->langs[i][l],
                                         .out_dir = dirs[d], .opts = own ? rs->copy_opts[c] : rs->opts,
                                         .n_opts = own ? rs->n_copy_opts[c] : a->raw_opts.n,
                                         .copy = &copies[j], .timeout = a->timeout,
                                         .memory_limit = a->memory_limit, .cpu_limit = a->cpu_limit};
                }
        }
    int rc = make_copy_dirs(dirs, n_dirs);
    if (rc == 0) {
        jobs_run(jobs, n_jobs, (int)a->parallel, a->flags);
        rc = collect(jobs, n_jobs, rs->missing);
    }
    for (size_t i = 0; i < n_dirs; i++)
        free(dirs[i]);
    free(dirs);
    free(copies);
    free(jobs);
    return rc;
}

/* Why -o - cannot take this render, or NULL: standard output takes one
 * file, so one dataset in one language with one plugin that writes a file. */
static char *why_not_stdout(const render_args *a, const render_state *rs)
{
    size_t n = 0;
    for (size_t i = 0; i < a->datasets.n; i++)
        n += rs->n_langs[i] * rs->n_chosen * rs->es.n;
    if (n != 1)
        return xprintf("-o - writes one output to standard output, and this render makes %zu (%zu dataset%s, %zu "
                       "plugin%s, each in its languages); choose one with -f, --lang and a single DATASET",
                       n, a->datasets.n, a->datasets.n > 1 ? "s" : "", rs->n_chosen, rs->n_chosen > 1 ? "s" : "");
    const mkp_plugin *d = rs->chosen[0]->desc;
    if (!(d->flags & MKP_PLUGIN_DIRECTORY))
        return NULL;
    strbuf b = {0};
    for (size_t i = 0; i < rs->ps.n; i++)
        if (!(rs->ps.v[i].desc->flags & MKP_PLUGIN_DIRECTORY))
            sb_printf(&b, "%s%s", b.len ? ", " : "", rs->ps.v[i].desc->name);
    char *why = xprintf("-o -: plugin %s writes a folder of files, which standard output cannot take; give a "
                        "folder with -o DIR%s%s%s",
                        d->name, b.s ? " (of the plugins loaded, these write one file: " : "", b.s ? b.s : "",
                        b.s ? ")" : "");
    free(b.s);
    return why;
}

/* Copies the file at `path` to standard output; a write error is left for
 * main() to report, as for every command. */
static int copy_to_stdout(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        say("marketpress: cannot read %s: %s", path, strerror(errno));
        return 1;
    }
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0 && fwrite(buf, 1, n, stdout) == n)
        ;
    int bad = ferror(f);
    fclose(f);
    if (bad)
        say("marketpress: cannot read %s: %s", path, strerror(EIO));
    /* what standard output did not take is said once, by main() */
    return bad || fflush(stdout) != 0 || ferror(stdout);
}

/* -o -: the one job renders into a scratch folder of its own, and the file
 * it made goes to standard output; the scratch folder goes with it. */
static int render_to_stdout(const render_args *a, render_state *rs)
{
    char *why = why_not_stdout(a, rs);
    if (why) {
        say("marketpress render: %s", why);
        free(why);
        return 2;
    }
    const char *tmp = getenv("TMPDIR");
    char *scratch = xprintf("%s/marketpress-stdout-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(scratch)) {
        say("marketpress: cannot make a scratch folder %s: %s", scratch, strerror(errno));
        free(scratch);
        return 1;
    }
    render_args b = *a;
    b.out_dir = scratch;
    b.flags |= JOBS_QUIET | JOBS_NO_FSYNC; /* nothing of it is kept */
    int rc = dispatch(&b, rs);
    if (rc == 0) {
        char *dir = copy_dir(scratch, rs->docs[0]->model, &rs->es.v[0]);
        char *out = output_name(rs->chosen[0], rs->docs[0]->model, rs->langs[0][0], dir);
        free(dir);
        rc = copy_to_stdout(out);
        if (rc == 0 && diag_verbosity >= VERBOSITY_NORMAL)
            say("marketpress: wrote %s to standard output", strrchr(out, '/') + 1);
        free(out);
    }
    fs_remove_tree(scratch);
    free(scratch);
    return rc;
}

/* Plugins, then datasets and languages, then the jobs: nothing is written
 * until everything checked out. */
static int render(const render_args *a, render_state *rs)
{
    /* The copies first: a clients file may name plugins by their options. */
    int rc = cmd_editions(&a->ed, &rs->es);
    if (rc == 0)
        rc = select_plugins(a, rs);
    if (rc == 0)
        rc = client_options(a, rs);
    if (rc == 0 && (load_datasets(a, rs) != 0 || cmd_themes(&a->ed, &rs->es, rs->docs, a->datasets.n) != 0 ||
                    choose_langs(a, rs) != 0))
        rc = 2;
    if (rc == 0 && to_stdout(a))
        return render_to_stdout(a, rs);
    if (rc == 0)
        rc = prepare_out_dir(a->out_dir);
    return rc == 0 ? dispatch(a, rs) : rc;
}

int cmd_render(int argc, char **argv)
{
    render_args a = {.out_dir = "out", .parallel = sysconf(_SC_NPROCESSORS_ONLN), .timeout = 600};
    render_state rs = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc == CLI_HELP)
        rc = 0;
    else if (rc != 0 || check_args(&a) != 0)
        rc = 2;
    else
        rc = render(&a, &rs);
    for (size_t i = 0; rs.docs && i < a.datasets.n; i++) {
        ds_free(rs.docs[i]);
        if (rs.langs)
            free(rs.langs[i]);
    }
    free(rs.docs);
    free(rs.langs);
    free(rs.n_langs);
    free(rs.chosen);
    free(rs.opts);
    for (size_t i = 0; rs.copy_opts && i < rs.es.n; i++)
        free(rs.copy_opts[i]);
    free(rs.copy_opts);
    free(rs.n_copy_opts);
    cmd_editions_free(&rs.es);
    plugins_free(&rs.ps);
    for (size_t i = 0; i < a.raw_opts.n; i++)
        free(a.raw_opts.v[i]);
    free(a.raw_opts.v);
    free(a.datasets.v);
    free(a.dirs.v);
    return rc;
}
