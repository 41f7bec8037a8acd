/* check.c - `marketpress plugin-check FILE.so`: a conformance run for
 * plugin authors.  The plugin renders a set of fixture models twice, each
 * run in a scratch folder of its own; we report crashes, time, missing or
 * empty output, files written beside the output, and output that differs
 * between the two runs. */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
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

/* The problems of one finished run of a job: failed, or files written
 * outside its output path (in the working folder, or beside the output in
 * the job's own folder).  0 when clean. */
static int run_problems(const char *label, const char *work, const job_spec *js)
{
    if (!js->ok) {
        printf("FAIL %s: %s\n", label, js->failure);
        return 1;
    }
    char *keep = xprintf("out/%s", strrchr(js->final_path, '/') + 1);
    char *stray = NULL;
    stray_files(work, "", keep, &stray);
    if (js->stray) {
        char *both = xprintf("%s%s%s", stray ? stray : "", stray ? ", " : "", js->stray);
        free(stray);
        stray = both;
    }
    if (stray)
        printf("FAIL %s: wrote outside the output path: %s\n", label, stray);
    int bad = stray != NULL;
    free(stray);
    free(keep);
    return bad;
}

/* One model in one language, rendered twice, each run in a scratch folder
 * of its own; returns 1 when a problem was reported. */
static int check_twice(const loaded_plugin *lp, const mkp_model *m, const char *label, const char *lang,
                       const char *base, double timeout)
{
    job_spec jobs[2];
    char *work[2], *outdir[2];
    static unsigned serial;
    serial++;
    for (int r = 0; r < 2; r++) {
        work[r] = xprintf("%s/c%u-%s-run%d", base, serial, lang, r + 1);
        outdir[r] = xprintf("%s/out", work[r]);
        if (mkdir(work[r], 0777) != 0 || mkdir(outdir[r], 0777) != 0) {
            say("marketpress: cannot make %s: %s", outdir[r], strerror(errno));
            exit(1);
        }
        jobs[r] = (job_spec){.plugin = lp, .model = m, .lang = lang, .out_dir = outdir[r], .timeout = timeout,
                             .work_dir = work[r]};
    }
    jobs_run(jobs, 2, 1, JOBS_QUIET);
    int bad = run_problems(label, work[0], &jobs[0]) || run_problems(label, work[1], &jobs[1]);
    if (!bad && !same_tree(jobs[0].final_path, jobs[1].final_path)) {
        printf("FAIL %s: two runs gave different output\n", label);
        bad = 1;
    }
    if (!bad)
        printf("ok   %s: %.1f ms\n", label, jobs[0].seconds * 1000.0);
    for (int r = 0; r < 2; r++) {
        free(jobs[r].failure);
        free(jobs[r].final_path);
        free(jobs[r].stray);
        free(work[r]);
        free(outdir[r]);
    }
    return bad;
}

/* Every fixture in English and Chinese; returns the number of problems. */
static int check_fixtures(const loaded_plugin *lp, const char *base, double timeout)
{
    fixture fx[] = {
        {"minimal dataset", xprintf("%s", fixture_minimal)},
        {"empty dimensions, zero market", xprintf("%s", fixture_empty_dims)},
        {"Unicode and very long titles", xprintf("%s", fixture_unicode)},
        {"10,000 segments", big_fixture(10000)},
    };
    static const char *const langs[] = {"en", "zh-CN"};
    int problems = 0;
    for (size_t f = 0; f < sizeof fx / sizeof fx[0]; f++) {
        /* The fixtures leave texts untranslated on purpose: what the
         * loader says about them matters only when one does not load. */
        char *said = NULL;
        size_t said_len = 0;
        FILE *log = open_memstream(&said, &said_len);
        diag_ctx d;
        diag_init(&d, fx[f].name, log);
        mkp_doc *doc = mdl_load_buffer(fx[f].name, (const unsigned char *)fx[f].text, strlen(fx[f].text), &d);
        if (doc && mdl_build(doc, &d) != 0) {
            ds_free(doc);
            doc = NULL;
        }
        if (log)
            fclose(log);
        if (!doc) {
            fputs(said ? said : "", stderr);
            printf("INTERNAL fixture '%s' did not load\n", fx[f].name);
            problems++;
        }
        free(said);
        for (size_t l = 0; doc && l < 2; l++) {
            char *label = xprintf("%s [%s]", fx[f].name, langs[l]);
            problems += check_twice(lp, doc->model, label, langs[l], base, timeout);
            free(label);
        }
        ds_free(doc);
        free(fx[f].text);
    }
    return problems;
}

int cmd_plugin_check(int argc, char **argv)
{
    const cli_cmd *c = cli_find_command("plugin-check");
    double timeout = 60;
    int k;
    cli_parser p;
    cli_begin(&p, c, argc, argv);
    while ((k = cli_next(&p)) >= 0)
        if (k == 't') {
            char *end;
            timeout = strtod(p.value, &end);
            if (*end || !(timeout > 0)) {
                cli_usage_error(c, "--timeout %s: give seconds, more than 0", p.value);
                k = CLI_BAD;
                break;
            }
        }
    cli_end(&p);
    if (k != CLI_END)
        return k == CLI_HELP ? 0 : 2;
    if (argc - p.first != 1) {
        cli_usage_error(c, argc == p.first ? "no plugin file given" : "one plugin file at a time");
        return 2;
    }
    const char *file = argv[p.first];
    char *path = strchr(file, '/') ? xstrdup(file) : xprintf("./%s", file);
    loaded_plugin lp;
    char *reason = NULL;
    if (plugin_load(path, &lp, &reason) != 0) {
        printf("FAIL load: %s: %s\n", file, reason);
        free(reason);
        free(path);
        return 1;
    }
    printf("plugin %s %s (ABI %d.%d) from %s\n", lp.desc->name, lp.desc->version ? lp.desc->version : "?",
           lp.desc->abi_major, lp.desc->abi_minor, file);
    const char *tmp = getenv("TMPDIR");
    char *base = xprintf("%s/marketpress-check-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int problems = 1;
    if (!mkdtemp(base)) {
        say("marketpress: cannot make a scratch folder %s: %s", base, strerror(errno));
    } else {
        problems = check_fixtures(&lp, base, timeout);
        fs_remove_tree(base);
        printf("%s: %d problem(s)\n", problems ? "FAILED" : "passed", problems);
    }
    free(base);
    dlclose(lp.handle);
    free(lp.path);
    free(lp.dir);
    free(path);
    return problems ? 1 : 0;
}
