/* render.c - the `render` and `plugins` commands. */
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
    "                          [--lang LANG] [--scenario NAME] [-j N] [--timeout SECONDS] [--times]\n"

typedef struct strs {
    char **v;
    size_t n;
} strs;

static void push(strs *s, char *x)
{
    s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
    s->v[s->n++] = x;
}

/* mkdir -p */
static int make_dirs(const char *path)
{
    char *p = strdup(path);
    if (!p)
        return -1;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = mkdir(p, 0777) != 0 && errno != EEXIST ? -1 : 0;
    free(p);
    return rc;
}

static const char *arg_value(int argc, char **argv, int *i, const char *name)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "marketpress: option %s needs a value\n", name);
        return NULL;
    }
    return argv[++*i];
}

static void list_names(const plugin_set *ps, FILE *f)
{
    for (size_t i = 0; i < ps->n; i++)
        fprintf(f, "%s%s", i ? ", " : "", ps->v[i].desc->name);
    if (!ps->n)
        fputs("none", f);
}

/* Checks -O plugin.key=value against the plugins' declarations. */
static int parse_options(const plugin_set *ps, const strs *raw, opt_value *out)
{
    for (size_t i = 0; i < raw->n; i++) {
        char *s = raw->v[i], *dot = strchr(s, '.'), *eq = strchr(s, '=');
        if (!dot || !eq || dot > eq || dot == s || eq == dot + 1) {
            fprintf(stderr, "marketpress: -O %s: write it as plugin.key=value, e.g. -O pdf.paper=letter\n", s);
            return -1;
        }
        *dot = '\0';
        *eq = '\0';
        out[i] = (opt_value){s, dot + 1, eq + 1};
        const loaded_plugin *p = plugins_find(ps, s);
        if (!p) {
            fprintf(stderr, "marketpress: -O %s.%s: no plugin named '%s' (found: ", s, dot + 1, s);
            list_names(ps, stderr);
            fputs(")\n", stderr);
            return -1;
        }
        const mkp_option *decl = NULL;
        for (size_t k = 0; k < p->desc->n_options; k++)
            if (strcmp(p->desc->options[k].name, dot + 1) == 0)
                decl = &p->desc->options[k];
        if (!decl) {
            fprintf(stderr, "marketpress: -O %s.%s: plugin '%s' has no option '%s'", s, dot + 1, s, dot + 1);
            if (p->desc->n_options) {
                fputs(" (it has: ", stderr);
                for (size_t k = 0; k < p->desc->n_options; k++)
                    fprintf(stderr, "%s%s", k ? ", " : "", p->desc->options[k].name);
                fputc(')', stderr);
            }
            fputc('\n', stderr);
            return -1;
        }
        const char *why = option_check(decl, eq + 1);
        if (why) {
            fprintf(stderr, "marketpress: -O %s.%s=%s: plugin '%s' option '%s' %s", s, dot + 1, eq + 1, s, dot + 1,
                    why);
            if (decl->type == MKP_OPT_CHOICE)
                fprintf(stderr, " (%s)", decl->choices);
            else if ((decl->type == MKP_OPT_INT || decl->type == MKP_OPT_NUMBER) && decl->min < decl->max)
                fprintf(stderr, " (%g to %g)", decl->min, decl->max);
            fputc('\n', stderr);
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
    double timeout = 600;
    int times = 0;
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
                fprintf(stderr, "marketpress: -j %s: give a number of parallel jobs from 1 to 256\n", v);
                goto out;
            }
        } else if (strcmp(a, "--times") == 0) {
            times = 1;
        } else if (strcmp(a, "--timeout") == 0) {
            if (!(v = arg_value(argc, argv, &i, a)))
                goto out;
            char *end;
            timeout = strtod(v, &end);
            if (*end || !(timeout > 0)) {
                fprintf(stderr, "marketpress: --timeout %s: give seconds, more than 0\n", v);
                goto out;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "marketpress render: unknown option '%s'\n" RENDER_USAGE, a);
            goto out;
        } else {
            push(&datasets, (char *)a);
        }
    }
    if (!datasets.n) {
        fputs("marketpress render: no dataset given\n" RENDER_USAGE, stderr);
        goto out;
    }
    plugin_set ps;
    if (formats) {
        /* The plugins named by -f and -O are all this render needs. */
        strs wanted = {0};
        char *copy = strdup(formats), *save = NULL;
        if (!copy)
            exit(3);
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
    if (!opts || !chosen || !docs)
        exit(3);
    if (!ps.n) {
        fputs("marketpress: no output plugins found; searched:", stderr);
        for (size_t i = 0; i < ps.n_dirs; i++)
            fprintf(stderr, " %s", ps.dirs[i]);
        fputs(" (see 'marketpress plugins -v')\n", stderr);
        goto done;
    }
    if (formats) {
        char *copy = strdup(formats), *save = NULL;
        for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            const loaded_plugin *p = plugins_find(&ps, tok);
            if (!p) {
                fprintf(stderr, "marketpress: -f: no plugin named '%s' (found: ", tok);
                list_names(&ps, stderr);
                fputs("; 'marketpress plugins -v' tells why files were refused)\n", stderr);
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
        for (size_t i = 0; i < ps.n; i++)
            chosen[n_chosen++] = &ps.v[i];
    }
    for (size_t i = 0; i < n_chosen; i++)
        for (size_t k = i + 1; k < n_chosen; k++) {
            const mkp_plugin *a = chosen[i]->desc, *b = chosen[k]->desc;
            int dir_a = (a->flags & MKP_PLUGIN_DIRECTORY) != 0, dir_b = (b->flags & MKP_PLUGIN_DIRECTORY) != 0;
            if (!dir_a && !dir_b && strcmp(a->extension, b->extension) == 0) {
                fprintf(stderr, "marketpress: plugins '%s' and '%s' would both write %s/<id>.%s; choose one with -f\n",
                        a->name, b->name, out_dir, a->extension);
                goto done;
            }
        }
    if (parse_options(&ps, &raw_opts, opts) != 0)
        goto done;
    int bad = 0;
    for (size_t i = 0; i < datasets.n; i++) {
        docs[i] = mkp_open_scenario(datasets.v[i], 1, scenario);
        bad |= docs[i] == NULL;
        for (size_t k = 0; docs[i] && k < i; k++)
            if (docs[k] && strcmp(docs[k]->model->id, docs[i]->model->id) == 0) {
                fprintf(stderr, "%s: error: report id '%s' is also the id of %s; outputs would collide\n",
                        datasets.v[i], docs[i]->model->id, datasets.v[k]);
                bad = 1;
            }
    }
    if (bad)
        goto done; /* no output at all when any dataset is wrong */
    if (make_dirs(out_dir) != 0) {
        fprintf(stderr, "marketpress: cannot create output folder %s: %s\n", out_dir, strerror(errno));
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
                                                 .timeout = timeout};
    jobs_run(jobs, n_jobs, (int)parallel, times ? JOBS_TIMES : 0);
    rc = 0;
    for (size_t i = 0; i < n_jobs; i++) {
        if (!jobs[i].ok) {
            fprintf(stderr, "marketpress: %s\n", jobs[i].failure ? jobs[i].failure : "job failed");
            rc = 1;
        }
        free(jobs[i].failure);
        free(jobs[i].final_path);
    }
done:
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
