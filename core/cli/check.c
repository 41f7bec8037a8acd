/* check.c - `marketpress plugin-check FILE.so`: a conformance run for
 * plugin authors.  The plugin renders a set of fixture models twice, each
 * run in a folder of its own and, where the machine allows, in a mount
 * namespace where nothing but that folder can be written; we report
 * crashes, time, a timeout (and stop there), missing or empty output,
 * files written outside the output, bytes printed to standard output, a
 * peak of memory over the budget, and output that differs between the two
 * runs. */
#include <dirent.h>
#include <limits.h>
#include <time.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
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

static const char fixture_minimal[] =
    "report: {id: minimal, title: Minimal Market, base_year: 2025, estimated_year: 2026,\n"
    "         forecast_end: 2030, currency: USD, unit: million}\n"
    "market: {anchors: {2025: 100, 2030: 150}}\n";

static const char fixture_empty_dims[] =
    "report: {id: empty-dimensions, title: Empty, base_year: 2024, estimated_year: 2025,\n"
    "         forecast_end: 2026, currency: EUR, unit: billion}\n"
    "market: {anchors: {2024: 0, 2026: 0}}\n"
    "dimensions: []\nsections: []\n";

static const char fixture_unicode[] =
    "report:\n"
    "  id: unicode-long\n"
    "  title: {en: \"Denoising Diffusion Probabilistic Models and Latent Diffusion for Very Long Titles "
    "That Keep Going Well Past Any Reasonable Width: A Global Outlook \\\"Quoted\\\", <Tagged> & Co.\", "
    "zh-CN: \"生成式人工智能基础模型市场：按模型类型、部署方式、应用和行业划分的全球预测\"}\n"
    "  base_year: 2025\n  estimated_year: 2026\n  forecast_end: 2032\n  currency: JPY\n  unit: trillion\n"
    "  languages: [en, zh-CN]\n"
    "market: {anchors: {2025: 1.5, 2026: 1.9, 2032: 7.25}}\n"
    "dimensions:\n"
    "  - id: region\n    title: {en: Région / Übersicht — ünïcödé, zh-CN: 地区}\n    segments:\n"
    "      - {id: a, title: {en: \"Ångström, naïve café; Zürich (€) = 'x' ≥ 1\", zh-CN: 亚太地区}, share: {2025: 60}}\n"
    "      - {id: b, title: \"=SUM(A1) +1 -1 @cmd\", share: {2025: 40}}\n"
    "sections:\n  - id: s\n    title: {en: Überblick, zh-CN: 概述}\n    blocks:\n"
    "      - paragraph: {en: \"**Bold** and *italic* text with emoji-free symbols ±×÷.\", zh-CN: 中文段落，测试换行。}\n"
    "      - bullets: [one, two, 三]\n";

typedef struct fixture {
    const char *name;
    char *text;
} fixture;

static char *big_fixture(int segments)
{
    size_t cap = (size_t)segments * 96 + 1024, len = 0;
    char *s = xmalloc(cap);
    len += (size_t)snprintf(s + len, cap - len,
                            "report: {id: ten-thousand, title: Ten Thousand Segments, base_year: 2025,\n"
                            "         estimated_year: 2026, forecast_end: 2032, currency: USD, unit: million}\n"
                            "market: {anchors: {2025: 10000, 2032: 20000}}\n"
                            "dimensions:\n  - id: big\n    title: Big\n    segments:\n");
    for (int i = 0; i < segments; i++)
        len += (size_t)snprintf(s + len, cap - len, "      - {id: s%d, title: Segment %d, anchors: {2025: %d, 2032: %d}}\n",
                                i, i, 1 + i % 97, 2 + i % 89);
    return s;
}

/* Lists everything below `dir` except `keep` (relative names). */
static void stray_files(const char *dir, const char *rel, const char *keep, char **report)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *r = *rel ? xprintf("%s/%s", rel, e->d_name) : xprintf("%s", e->d_name);
        char *full = xprintf("%s/%s", dir, e->d_name);
        struct stat st;
        if (strcmp(r, keep) == 0) {
            /* the output itself */
        } else if (strcmp(r, "out") == 0 && lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
            stray_files(full, r, keep, report);
        } else {
            char *old = *report;
            *report = xprintf("%s%s%s", old ? old : "", old ? ", " : "", r);
            free(old);
        }
        free(r);
        free(full);
    }
    closedir(d);
}

static int same_file(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    int same = fa && fb;
    while (same) {
        int ca = getc(fa), cb = getc(fb);
        if (ca != cb)
            same = 0;
        if (ca == EOF || cb == EOF)
            break;
    }
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return same;
}

/* Same tree: every file in a is in b with the same bytes, and b has no more. */
static int same_tree(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    if (!S_ISDIR(sa.st_mode) || !S_ISDIR(sb.st_mode))
        return !S_ISDIR(sa.st_mode) && !S_ISDIR(sb.st_mode) && same_file(a, b);
    int same = 1, na = 0, nb = 0;
    DIR *d = opendir(a);
    struct dirent *e;
    while (d && same && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        na++;
        char *pa = xprintf("%s/%s", a, e->d_name), *pb = xprintf("%s/%s", b, e->d_name);
        same = same_tree(pa, pb);
        free(pa);
        free(pb);
    }
    if (d)
        closedir(d);
    d = opendir(b);
    while (d && (e = readdir(d)))
        nb += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return same && na == nb;
}

/* What one plugin-check is run with. */
typedef struct check_ctx {
    const loaded_plugin *lp;
    const char *base;               /* the scratch folder of every run */
    double timeout;
    long budget_kib;
    int confined;                   /* each run in a mount namespace of its own */
    char *home, *tmp;               /* unconfined: the folders compared after each run */
    unsigned serial;
} check_ctx;

/* What a run that ended gives the next steps. */
typedef struct run_result {
    char *final_path;               /* the output, when the run succeeded */
    double seconds;
    long peak_kib;
} run_result;

static void add_name(char **list, const char *name)
{
    char *old = *list;
    *list = xprintf("%s%s%s", old ? old : "", old ? ", " : "", name);
    free(old);
}

/* Every file under `dir` as SHOWN/rel: what a confined run wrote into HOME
 * (the overlay's upper layer, where a removed file is a whiteout, a
 * character device 0:0) or left in its TMPDIR. */
static void list_tree(const char *dir, const char *shown, char **list)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *full = xprintf("%s/%s", dir, e->d_name), *name = xprintf("%s/%s", shown, e->d_name);
        struct stat st;
        if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
            list_tree(full, name, list);
        } else if (S_ISCHR(st.st_mode) && st.st_rdev == 0) {
            char *removed = xprintf("%s (removed)", name);
            add_name(list, removed);
            free(removed);
        } else {
            add_name(list, name);
        }
        free(full);
        free(name);
    }
    if (d)
        closedir(d);
}

static int newer(struct timespec a, struct timespec since)
{
    return a.tv_sec > since.tv_sec || (a.tv_sec == since.tv_sec && a.tv_nsec >= since.tv_nsec);
}

/* Whether the file at `path` came to be since `since`: by its birth time
 * where the filesystem keeps one, else by its ctime (which no one can set
 * back).  Birth, not change: a file that was there before the run and is
 * only written to meanwhile, such as the caller's log of this very check
 * (a shell's 2>FILE in TMPDIR), is not the run's doing. */
static int born_since(const char *path, const struct stat *st, struct timespec since)
{
    struct statx sx;
    if (statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_BTIME, &sx) == 0 && (sx.stx_mask & STATX_BTIME)) {
        struct timespec born = {(time_t)sx.stx_btime.tv_sec, (long)sx.stx_btime.tv_nsec};
        return newer(born, since);
    }
    return newer(st->st_ctim, since);
}

/* Unconfined: every file under `dir` made since `since` (born_since), as
 * SHOWN/rel, leaving out `skip` (the check's own folder); six levels and
 * 100,000 entries at most. */
static void changed_since(const char *dir, const char *shown, const char *skip, struct timespec since, int depth,
                          size_t *left, char **list)
{
    DIR *d = depth > 6 ? NULL : opendir(dir);
    struct dirent *e;
    while (d && *left && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        --*left;
        char *full = xprintf("%s/%s", dir, e->d_name), *name = xprintf("%s/%s", shown, e->d_name);
        struct stat st;
        if (strcmp(full, skip) == 0 || lstat(full, &st) != 0) {
            /* the check's own, or gone meanwhile */
        } else if (S_ISDIR(st.st_mode)) {
            changed_since(full, name, skip, since, depth + 1, left, list);
        } else if (born_since(full, &st, since)) {
            add_name(list, name);
        }
        free(full);
        free(name);
    }
    if (d)
        closedir(d);
}

/* Everything a finished run wrote but its output: in its working folder,
 * beside the output, left in its TMPDIR, and in HOME (the overlay's layer
 * when confined; else HOME and the real TMPDIR compared).  NULL if none. */
static char *outside_writes(const check_ctx *c, const job_spec *js, const char *run, struct timespec since)
{
    char *list = NULL, *cwd = xprintf("%s/cwd", run), *tmp = xprintf("%s/tmp", run);
    char *keep = js->final_path ? xprintf("out/%s", strrchr(js->final_path, '/') + 1) : xstrdup("");
    stray_files(cwd, "", keep, &list);
    if (js->stray && *js->stray)
        add_name(&list, js->stray);
    list_tree(tmp, "$TMPDIR", &list);
    if (c->confined) {
        char *home = xprintf("%s/%s", run, JOBS_HOME_WRITES);
        list_tree(home, "$HOME", &list);
        free(home);
    } else {
        size_t left = 100000;
        if (c->home)
            changed_since(c->home, "$HOME", c->base, since, 0, &left, &list);
        left = 100000;
        if (c->tmp)
            changed_since(c->tmp, c->tmp, c->base, since, 0, &left, &list);
    }
    free(keep);
    free(cwd);
    free(tmp);
    return list;
}

static void make_dir(const char *path)
{
    if (mkdir(path, 0777) != 0) {
        say("marketpress: cannot make %s: %s", path, strerror(errno));
        exit(1);
    }
}

/* The problems of a finished run, one FAIL line each: it failed, printed
 * to standard output, passed the memory budget, wrote outside its output. */
static int run_problems(const check_ctx *c, const char *label, const job_spec *js, const char *run,
                        struct timespec since)
{
    int problems = 0;
    if (!js->ok) {
        printf("FAIL %s: %s\n", label, js->failure);
        problems++;
    }
    if (js->timed_out)
        return problems;
    if (js->stdout_bytes) {
        printf("FAIL %s: printed %s%zu bytes to standard output\n", label,
               js->stdout_bytes >= JOBS_STDOUT_CAP ? "at least " : "", js->stdout_bytes);
        problems++;
    }
    if (js->peak_kib > c->budget_kib) {
        printf("FAIL %s: peak memory %ld MiB, over the budget of %ld MiB (--memory-budget)\n", label,
               js->peak_kib >> 10, c->budget_kib >> 10);
        problems++;
    }
    char *outside = outside_writes(c, js, run, since);
    if (outside) {
        printf("FAIL %s: wrote outside the output path: %s\n", label, outside);
        problems++;
    }
    free(outside);
    return problems;
}

/* One run in a folder of its own: RUN/cwd is its working folder,
 * RUN/cwd/out its output folder, RUN/tmp its TMPDIR, and RUN the one folder
 * it may write in when confined.  Returns the problems, or -1 after a
 * timeout (then the check stops). */
static int run_once(check_ctx *c, const mkp_model *m, const mkp_copy *copy, const char *label, const char *lang,
                    int nth, run_result *res)
{
    char *run = xprintf("%s/c%u-%s-run%d", c->base, c->serial, lang, nth);
    char *cwd = xprintf("%s/cwd", run), *out = xprintf("%s/out", cwd), *tmp = xprintf("%s/tmp", run);
    make_dir(run);
    make_dir(cwd);
    make_dir(out);
    make_dir(tmp);
    job_spec js = {.plugin = c->lp, .model = m, .lang = lang, .out_dir = out, .copy = copy, .timeout = c->timeout,
                   .work_dir = cwd, .confine = c->confined ? run : NULL, .tmpdir = tmp, .catch_stdout = 1};
    struct timespec since;
    clock_gettime(CLOCK_REALTIME_COARSE, &since); /* the clock file times are taken from */
    jobs_run(&js, 1, 1, JOBS_QUIET);
    int problems = run_problems(c, label, &js, run, since);
    *res = (run_result){js.ok ? js.final_path : NULL, js.seconds, js.peak_kib};
    if (!js.ok)
        free(js.final_path);
    free(js.failure);
    free(js.stray);
    free(run);
    free(cwd);
    free(out);
    free(tmp);
    return js.timed_out ? -1 : problems;
}

/* One model in one language, rendered twice, each run in a folder of its
 * own; returns the problems reported, or -1 after a timeout. */
static int check_twice(check_ctx *c, const mkp_model *m, const mkp_copy *copy, const char *label, const char *lang)
{
    run_result a = {0}, b = {0};
    c->serial++;
    int problems = run_once(c, m, copy, label, lang, 1, &a);
    if (problems == 0)
        problems = run_once(c, m, copy, label, lang, 2, &b);
    if (problems == 0 && !same_tree(a.final_path, b.final_path)) {
        printf("FAIL %s: two runs gave different output\n", label);
        problems = 1;
    }
    if (problems == 0)
        printf("ok   %s: %.1f ms, peak %ld MiB\n", label, a.seconds * 1000.0, (a.peak_kib + 1023) >> 10);
    free(a.final_path);
    free(b.final_path);
    return problems;
}

enum { N_FIXTURES = 5, N_LANGS = 2 };

/* The last fixture is rendered as a copy licensed to someone, protected
 * and cut down to the sample edition (ABI 1.3), so that a plugin meets
 * every kind of copy before a publisher's clients do. */
static const mkp_copy licensed_sample = {.size = sizeof(mkp_copy), .edition = MKP_EDITION_SAMPLE,
                                         .licensee = "Acme Corp", .licence_id = "L-1234", .seats = 1,
                                         .licence_date = "2026-01-15", .watermark = "SAMPLE", .protect = 1,
                                         .allow_print = 1, .owner_password = "plugin-check-owner",
                                         .open_password = "", .slug = "acme-corp-sample"};

/* Loads fixture `f` quietly; NULL (after its messages) when it does not. */
static mkp_doc *load_fixture(const fixture *f)
{
    /* The fixtures leave texts untranslated on purpose: what the loader
     * says about them matters only when one does not load. */
    char *said = NULL;
    size_t said_len = 0;
    FILE *log = open_memstream(&said, &said_len);
    diag_ctx d;
    diag_init(&d, f->name, log);
    mkp_doc *doc = mdl_load_buffer(f->name, (const unsigned char *)f->text, strlen(f->text), &d);
    if (doc && mdl_build(doc, &d) != 0) {
        ds_free(doc);
        doc = NULL;
    }
    if (log)
        fclose(log);
    if (!doc) {
        fputs(said ? said : "", stderr);
        printf("INTERNAL fixture '%s' did not load\n", f->name);
    }
    free(said);
    return doc;
}

/* Every fixture in English and Chinese, stopping at the first timeout;
 * returns the number of problems. */
static int check_fixtures(check_ctx *c)
{
    fixture fx[N_FIXTURES] = {
        {"minimal dataset", xprintf("%s", fixture_minimal)},
        {"empty dimensions, zero market", xprintf("%s", fixture_empty_dims)},
        {"Unicode and very long titles", xprintf("%s", fixture_unicode)},
        {"10,000 segments", big_fixture(10000)},
        {"a licensed, protected sample copy", xprintf("%s", fixture_unicode)},
    };
    static const char *const langs[N_LANGS] = {"en", "zh-CN"};
    int problems = 0, stopped = 0;
    for (size_t f = 0; f < N_FIXTURES; f++) {
        mkp_doc *doc = stopped ? NULL : load_fixture(&fx[f]);
        problems += !stopped && !doc;
        for (size_t l = 0; doc && l < N_LANGS && !stopped; l++) {
            char *label = xprintf("%s [%s]", fx[f].name, langs[l]);
            int p = check_twice(c, doc->model, f == N_FIXTURES - 1 ? &licensed_sample : NULL, label, langs[l]);
            free(label);
            problems += p < 0 ? 1 : p;
            if (p < 0) {
                stopped = 1;
                size_t left = (N_FIXTURES - f) * N_LANGS - l - 1;
                printf("stopped at the first timeout: %zu more fixture run(s) not tried\n", left);
            }
        }
        ds_free(doc);
        free(fx[f].text);
    }
    return problems;
}

/* How the runs are kept from writing outside their output: confined when
 * this machine allows it, else the folders compared after each run. */
static void choose_isolation(check_ctx *c, int no_namespace)
{
    char *how = NULL, *probe = xprintf("%s/probe", c->base);
    make_dir(probe);
    if (no_namespace)
        how = xstrdup("--no-namespace");
    else
        c->confined = jobs_confine_probe(probe, &how) == 0;
    fs_remove_tree(probe);
    free(probe);
    if (c->confined) {
        printf("isolation: %s\n", how);
    } else {
        const char *home = getenv("HOME"), *tmp = getenv("TMPDIR");
        c->home = home && *home ? realpath(home, NULL) : NULL;
        c->tmp = realpath(tmp && *tmp ? tmp : "/tmp", NULL);
        if (c->home && strcmp(c->home, "/") == 0) {
            free(c->home);
            c->home = NULL;
        }
        printf("isolation: none (%s): the working folder, HOME and TMPDIR compared after each run\n", how);
    }
    free(how);
}

/* The command line: 0 and the settings, else the exit status. */
static int check_args(int argc, char **argv, check_ctx *c, int *no_namespace, const char **file)
{
    const cli_cmd *cmd = cli_find_command("plugin-check");
    int k;
    cli_parser p;
    cli_begin(&p, cmd, argc, argv);
    while ((k = cli_next(&p)) >= 0) {
        char *end;
        if (k == 't') {
            c->timeout = strtod(p.value, &end);
            if (*end || !(c->timeout > 0)) {
                cli_usage_error(cmd, "--timeout %s: give seconds, more than 0", p.value);
                k = CLI_BAD;
                break;
            }
        } else if (k == OPT_MEMORY_BUDGET) {
            long mib = strtol(p.value, &end, 10);
            if (*end || end == p.value || mib < 1 || mib > (1L << 30)) {
                cli_usage_error(cmd, "--memory-budget %s: give MiB, a whole number from 1", p.value);
                k = CLI_BAD;
                break;
            }
            c->budget_kib = mib << 10;
        } else if (k == OPT_NO_NAMESPACE) {
            *no_namespace = 1;
        }
    }
    cli_end(&p);
    if (k != CLI_END)
        return k == CLI_HELP ? 0 : 2;
    if (argc - p.first != 1) {
        cli_usage_error(cmd, argc == p.first ? "no plugin file given" : "one plugin file at a time");
        return 2;
    }
    *file = argv[p.first];
    return -1;
}

int cmd_plugin_check(int argc, char **argv)
{
    check_ctx c = {.timeout = 60, .budget_kib = 512L << 10};
    int no_namespace = 0;
    const char *file = NULL;
    int rc = check_args(argc, argv, &c, &no_namespace, &file);
    if (rc >= 0)
        return rc;
    char *path = strchr(file, '/') ? xstrdup(file) : xprintf("./%s", file);
    loaded_plugin lp;
    char *reason = NULL;
    if (plugin_load(path, &lp, &reason) != 0) {
        printf("FAIL load: %s: %s\n", file, reason);
        free(reason);
        free(path);
        return 1;
    }
    const mkp_plugin *d = lp.desc;
    printf("plugin %s %s (ABI %d.%d, runs on 1.%d and later) from %s\n", d->name, d->version ? d->version : "?",
           d->abi_major, d->abi_minor, MKP_HAS(mkp_plugin, d, min_host_minor) ? d->min_host_minor : d->abi_minor,
           file);
    const char *tmp = getenv("TMPDIR");
    char *base = xprintf("%s/marketpress-check-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int problems = 1;
    c.lp = &lp;
    c.base = base;
    if (!mkdtemp(base)) {
        say("marketpress: cannot make a scratch folder %s: %s", base, strerror(errno));
    } else {
        choose_isolation(&c, no_namespace);
        problems = check_fixtures(&c);
        fs_remove_tree(base);
        printf("%s: %d problem(s)\n", problems ? "FAILED" : "passed", problems);
    }
    free(c.home);
    free(c.tmp);
    free(base);
    dlclose(lp.handle);
    free(lp.path);
    free(lp.dir);
    free(path);
    return problems ? 1 : 0;
}
