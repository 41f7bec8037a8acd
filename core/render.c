/* render.c - the `render` and `plugins` commands. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "host.h"
#include "util.h"

#define RENDER_USAGE                                                                                                  \
    "usage: marketpress render DATASET... [-f NAMES] [-o DIR] [-P DIR] [-O plugin.key=value]\n"                      \
    "                          [--lang LANG] [--scenario NAME] [-j N] [--timeout SECONDS] [--times]\n"   \
    "                          [--memory-limit SIZE] [--cpu-limit SECONDS] [--no-fsync]"

typedef struct strs {
    char **v;
    size_t n;
} strs;

static void push(strs *s, char *x)
{
    s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
    s->v[s->n++] = x;
}

/* mkdir -p; returns 0 or an errno. */
static int make_dirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            int err = errno;
            free(p);
            return err;
        }
        *s = '/';
    }
    int err = mkdir(p, 0777) != 0 && errno != EEXIST ? errno : 0;
    free(p);
    if (!err) {
        struct stat st;
        if (stat(path, &st) != 0)
            err = errno;
        else if (!S_ISDIR(st.st_mode))
            err = ENOTDIR;
    }
    return err;
}

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

static const char *arg_value(int argc, char **argv, int *i, const char *name)
{
    if (*i + 1 >= argc) {
        say("marketpress: option %s needs a value", name);
        return NULL;
    }
    return argv[++*i];
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
        strbuf b = {0};
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

int cmd_render(int argc, char **argv)
{
    strs datasets = {0}, dirs = {0}, raw_opts = {0};
    const char *formats = NULL, *out_dir = "out", *lang = "en", *scenario = NULL;
    long parallel = sysconf(_SC_NPROCESSORS_ONLN);
    double timeout = 600, cpu_limit = 0;
    unsigned long long memory_limit = 0;
    int flags = 0;
    int rc = 2;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
            if (!(v = arg_value(argc, argv, &i, a)))
                goto out;
            formats = v;
        } else if (strcmp(a, "-o") == 0) {
            if (!(v = arg_value(argc, argv, &i, a)))
                goto out;
            out_dir = v;
        } else if (strcmp(a, "-P") == 0) {
            if (!(v = arg_value(argc, argv, &i, a)))
                goto out;
            push(&dirs, (char *)v);
        } else if (strcmp(a, "-O") == 0) {
            if (!(v = arg_value(argc, argv, &i, a)))
                goto out;
            push(&raw_opts, xstrdup(v));
        } else if (strcmp(a, "--scenario") == 0) {
            if (!(v = arg_value(argc, argv, &i, a)))
                goto out;
            scenario = v;
        } else if (strcmp(a, "--lang") == 0) {
            if (!(v = arg_value(argc, argv, &i, a)))
                goto out;
            lang = v;
        } else if (strcmp(a, "-j") == 0) {
            if (!(v = arg_value(argc, argv, &i, a)))
                goto out;
            char *end;
            parallel = strtol(v, &end, 10);
            if (*end || parallel < 1 || parallel > 256) {
                say("marketpress: -j %s: give a number of parallel jobs from 1 to 256", v);
                goto out;
            }
        } else if (strcmp(a, "--times") == 0) {
            flags |= JOBS_TIMES;
        } else if (strcmp(a, "--no-fsync") == 0) {
            flags |= JOBS_NO_FSYNC;
        } else if (strcmp(a, "--timeout") == 0 || strcmp(a, "--cpu-limit") == 0) {
            if (!(v = arg_value(argc, argv, &i, a)))
                goto out;
            char *end;
            double secs = strtod(v, &end);
            if (*end || !(secs > 0) || secs > 1e9) {
                say("marketpress: %s %s: give seconds, more than 0", a, v);
                goto out;
            }
            *(a[2] == 't' ? &timeout : &cpu_limit) = secs;
        } else if (strcmp(a, "--memory-limit") == 0) {
            if (!(v = arg_value(argc, argv, &i, a)))
                goto out;
            memory_limit = parse_size(v);
            if (memory_limit < (1u << 20)) {
                say("marketpress: --memory-limit %s: give a size of at least 1M, such as 512M or 2G", v);
                goto out;
            }
        } else if (a[0] == '-' && a[1]) {
            say("marketpress render: unknown option '%s'\n" RENDER_USAGE, a);
            goto out;
        } else {
            push(&datasets, (char *)a);
        }
    }
    if (!datasets.n) {
        say("marketpress render: no dataset given\n" RENDER_USAGE);
        goto out;
    }
    if (!*out_dir) {
        say("marketpress render: -o needs a folder name");
        goto out;
    }
    if (formats && formats[strspn(formats, ",")] == '\0') {
        say("marketpress render: -f needs one or more plugin names, such as -f pdf,xlsx");
        goto out;
    }
    struct stat st;
    if (stat(out_dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        say("marketpress render: -o %s: that is a file, not a folder", out_dir);
        goto out;
    }
    plugin_set ps;
    if (formats) {
        /* The plugins named by -f and -O are all this render needs. */
        strs wanted = {0};
        char *copy = xstrdup(formats), *save = NULL;
        for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
            push(&wanted, tok);
        char **heads = calloc(raw_opts.n + 1, sizeof *heads);
        if (!heads)
            exit(3);
        for (size_t i = 0; i < raw_opts.n; i++) {
            const char *dot = strchr(raw_opts.v[i], '.');
            heads[i] = strndup(raw_opts.v[i], dot ? (size_t)(dot - raw_opts.v[i]) : 0);
            if (!heads[i])
                exit(3);
            push(&wanted, heads[i]);
        }
        plugins_discover_named(&ps, dirs.v, dirs.n, (const char *const *)wanted.v, wanted.n);
        for (size_t i = 0; i < raw_opts.n; i++)
            free(heads[i]);
        free(heads);
        free(wanted.v);
        free(copy);
    } else {
        plugins_discover(&ps, dirs.v, dirs.n);
    }
    opt_value *opts = calloc(raw_opts.n + 1, sizeof *opts);
    const loaded_plugin **chosen = calloc(ps.n + 1, sizeof *chosen);
    size_t n_chosen = 0;
    mkp_doc **docs = calloc(datasets.n, sizeof *docs);
    job_spec *jobs = NULL;
    int missing = 0; /* a plugin that should have run cannot: exit 1 */
    if (!opts || !chosen || !docs)
        exit(3);
    strbuf b = {0};
    if (formats) {
        char *copy = xstrdup(formats), *save = NULL;
        for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            const loaded_plugin *p = plugins_find(&ps, tok);
            const refusal *why = p ? NULL : refused_as(&ps, tok);
            if (why) {
                /* The file is there but cannot be used (it is broken, or
                 * this machine is out of processes, memory or files). */
                say("marketpress: plugin %s cannot be used: %s: %s", tok, why->path, why->reason);
                missing = 1;
                continue;
            }
            if (!p) {
                b.len = 0;
                sb_printf(&b, "marketpress: -f: no plugin named '%s' (found: ", tok);
                list_names(&ps, &b);
                say("%s; 'marketpress plugins -v' tells why files were refused)", b.s);
                free(copy);
                goto done;
            }
            int dup = 0;
            for (size_t k = 0; k < n_chosen; k++)
                dup |= chosen[k] == p;
            if (!dup && n_chosen < ps.n)
                chosen[n_chosen++] = p;
        }
        free(copy);
    } else {
        /* Every plugin file installed is expected to give an output: one
         * that cannot be used is named, never skipped in silence. */
        for (size_t i = 0; i < ps.n_refused; i++)
            if (!is_shadowed(&ps.refused[i])) {
                say("marketpress: plugin %s %s not used: %s", ps.refused[i].folder ? "folder" : "file",
                    ps.refused[i].path, ps.refused[i].reason);
                missing = 1;
            }
        for (size_t i = 0; i < ps.n; i++)
            chosen[n_chosen++] = &ps.v[i];
    }
    if (!n_chosen) {
        b.len = 0;
        sb_printf(&b, "marketpress: no output plugin can run; searched:");
        for (size_t i = 0; i < ps.n_dirs; i++)
            sb_printf(&b, " %s", ps.dirs[i]);
        say("%s (see 'marketpress plugins -v')", b.s);
        rc = missing ? 1 : 2;
        goto done;
    }
    for (size_t i = 0; i < n_chosen; i++)
        for (size_t k = i + 1; k < n_chosen; k++) {
            const mkp_plugin *pa = chosen[i]->desc, *pb = chosen[k]->desc;
            int dir_a = (pa->flags & MKP_PLUGIN_DIRECTORY) != 0, dir_b = (pb->flags & MKP_PLUGIN_DIRECTORY) != 0;
            if (!dir_a && !dir_b && strcmp(pa->extension, pb->extension) == 0) {
                say("marketpress: plugins '%s' and '%s' would both write %s/<id>.%s; choose one with -f", pa->name,
                    pb->name, out_dir, pa->extension);
                goto done;
            }
        }
    if (parse_options(&ps, &raw_opts, opts) != 0)
        goto done;
    size_t bad = 0;
    for (size_t i = 0; i < datasets.n; i++) {
        docs[i] = mkp_open_scenario(datasets.v[i], 1, scenario);
        bad += docs[i] == NULL;
        for (size_t k = 0; docs[i] && k < i; k++)
            if (docs[k] && strcmp(docs[k]->model->id, docs[i]->model->id) == 0) {
                say("%s: error: report id '%s' is also the id of %s; outputs would collide", datasets.v[i],
                    docs[i]->model->id, datasets.v[k]);
                bad++;
            }
    }
    if (bad) { /* no output at all when any dataset is wrong */
        if (datasets.n > 1)
            say("marketpress: nothing rendered: %zu of %zu datasets have errors", bad, datasets.n);
        goto done;
    }
    int err = make_dirs(out_dir);
    if (err == ENOTDIR) {
        say("marketpress render: -o %s: a part of that path is a file, not a folder", out_dir);
        goto done;
    }
    if (!err && access(out_dir, W_OK | X_OK) != 0)
        err = errno;
    if (err) {
        say("marketpress: cannot write in %s: %s; nothing rendered", out_dir, strerror(err));
        rc = 1;
        goto done;
    }
    size_t n_jobs = datasets.n * n_chosen;
    jobs = calloc(n_jobs, sizeof *jobs);
    if (!jobs)
        exit(3);
    for (size_t i = 0; i < datasets.n; i++)
        for (size_t k = 0; k < n_chosen; k++)
            jobs[i * n_chosen + k] = (job_spec){.plugin = chosen[k], .model = docs[i]->model, .lang = lang,
                                                 .out_dir = out_dir, .opts = opts, .n_opts = raw_opts.n,
                                                 .timeout = timeout, .memory_limit = memory_limit,
                                                 .cpu_limit = cpu_limit};
    jobs_run(jobs, n_jobs, (int)parallel, flags);
    rc = missing;
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
done:
    free(b.s);
    for (size_t i = 0; i < datasets.n; i++)
        mkp_doc_free(docs[i]);
    free(docs);
    free(jobs);
    free(chosen);
    free(opts);
    plugins_free(&ps);
out:
    for (size_t i = 0; i < raw_opts.n; i++)
        free(raw_opts.v[i]);
    free(raw_opts.v);
    free(datasets.v);
    free(dirs.v);
    return rc;
}

static const char *type_name(mkp_option_type t)
{
    static const char *const names[] = {"bool", "int", "number", "string", "choice"};
    return t <= MKP_OPT_CHOICE ? names[t] : "?";
}

int cmd_plugins(int argc, char **argv)
{
    strs dirs = {0};
    int verbose = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) {
            verbose = 1;
        } else if (strcmp(argv[i], "-P") == 0 && i + 1 < argc) {
            push(&dirs, argv[++i]);
        } else {
            fprintf(stderr, "marketpress plugins: unknown argument '%s'\nusage: marketpress plugins [-P DIR] [-v]\n",
                    argv[i]);
            free(dirs.v);
            return 2;
        }
    }
    plugin_set ps;
    plugins_discover(&ps, dirs.v, dirs.n);
    printf("%-16s %-8s %-5s %-10s %s\n", "NAME", "VERSION", "ABI", "OUTPUT", "PATH");
    for (size_t i = 0; i < ps.n; i++) {
        const mkp_plugin *d = ps.v[i].desc;
        char out[64];
        if (d->flags & MKP_PLUGIN_DIRECTORY)
            snprintf(out, sizeof out, "<id>-%s/", d->name);
        else
            snprintf(out, sizeof out, "<id>.%s", d->extension);
        printf("%-16s %-8s %d.%-3d %-10s %s\n", d->name, d->version ? d->version : "?", d->abi_major, d->abi_minor,
               out, ps.v[i].path);
        if (d->description)
            printf("    %s\n", d->description);
        for (size_t k = 0; k < d->n_options; k++) {
            const mkp_option *o = &d->options[k];
            printf("    -O %s.%s=%s  (%s", d->name, o->name, o->default_value ? o->default_value : "",
                   type_name(o->type));
            if (o->type == MKP_OPT_CHOICE)
                printf(": %s", o->choices);
            else if ((o->type == MKP_OPT_INT || o->type == MKP_OPT_NUMBER) && o->min < o->max)
                printf(", %g to %g", o->min, o->max);
            printf(")  %s\n", o->help ? o->help : "");
        }
    }
    if (!ps.n)
        puts("(no plugins found)");
    if (verbose) {
        puts("\nsearch path:");
        for (size_t i = 0; i < ps.n_dirs; i++)
            printf("  %s\n", ps.dirs[i]);
        printf("\nrefused (%zu):\n", ps.n_refused);
        for (size_t i = 0; i < ps.n_refused; i++)
            printf("  %s: %s\n", ps.refused[i].path, ps.refused[i].reason);
    } else if (ps.n_refused) {
        printf("\n%zu file(s) refused; 'marketpress plugins -v' says why\n", ps.n_refused);
    }
    plugins_free(&ps);
    free(dirs.v);
    return 0;
}
