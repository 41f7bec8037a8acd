/* fuzz_render.c - libFuzzer target for the output plugins: a fuzzed
 * dataset (YAML, as for fuzz_load) that loads and builds is rendered with
 * every built-in plugin (pdf, xlsx, svg, csv), in English and in Chinese,
 * into a scratch folder made for the input and removed after it.
 *
 * The plugins are the .so files of the fuzz build (built with
 * -fsanitize=fuzzer-no-link,address,undefined), loaded with plugin_load as
 * `render` loads them, from MKP_FUZZ_PLUGIN_DIR or else
 * <this program's folder>/lib/marketpress/plugins.  By default render() is
 * called in this process, with the host's own table and a job_spec as the
 * host data, as a job's child calls it: a crash in a plugin is then a crash
 * of the target, and libFuzzer sees the plugins' coverage.  With
 * MKP_FUZZ_RENDER_MODE=fork the jobs go through jobs_run instead, each in
 * a forked child with a timeout, as marketpress runs them: libFuzzer then
 * sees only the host's side (the child's counters die with it), so that
 * mode is for comparison and for reproducing what `render` does.
 *
 * A finding is a crash, a sanitizer report, a leak, an input that runs past
 * libFuzzer's -timeout, or, since what validates must render: a render that
 * fails, an output that is missing, empty or not of its kind (a PDF without
 * its header or trailer, a workbook that is not a whole zip, an SVG cut
 * short, a CSV with a value that is not a finite number), or a file written
 * beside the output.  Each aborts, so that libFuzzer keeps the input.
 * MKP_FUZZ_PLUGINS=csv,svg limits the run to those plugins. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/files.h"
#include "fuzz.h"
#include "host/host.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

#define MAX_PLUGINS 8
#define JOB_TIMEOUT 20.0            /* fork mode; as tests/e2e/fuzzed.sh replays */

static loaded_plugin plugins[MAX_PLUGINS];
static size_t n_plugins;
static int fork_mode;
static char scratch[PATH_MAX];      /* this process's folder; one folder per input inside */
static const char *const langs[] = {"en", "zh-CN"};

/* Standard error as it was when the target started: run.sh has libFuzzer
 * close the plugins' (-close_fd_mask=2), and a finding must still say what
 * it is, beside libFuzzer's own report. */
static int report_fd = 2;

static void finding(const job_spec *js, const char *fmt, const char *detail)
{
    char what[1024];
    snprintf(what, sizeof what, fmt, detail);
    dprintf(report_fd, "fuzz_render: plugin %s [%s]: %s\n", js->plugin->desc->name, js->lang, what);
    abort();
}

static void remove_scratch(void)
{
    if (scratch[0])
        fs_remove_tree(scratch);
}

/* The plugin folder of the fuzz build: run.sh builds them into
 * BUILD/fuzz/lib/marketpress/plugins, beside BUILD/fuzz/fuzz_render. */
static void plugin_dir(char *out, size_t cap)
{
    const char *env = getenv("MKP_FUZZ_PLUGIN_DIR");
    if (env && *env) {
        snprintf(out, cap, "%s", env);
        return;
    }
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash = len > 0 ? (exe[len] = '\0', strrchr(exe, '/')) : NULL;
    if (!slash) {
        fprintf(stderr, "fuzz_render: cannot tell where this program is; set MKP_FUZZ_PLUGIN_DIR\n");
        exit(1);
    }
    *slash = '\0';
    snprintf(out, cap, "%s/lib/marketpress/plugins", exe);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    int fd = dup(2);
    report_fd = fd >= 0 ? fd : 2;
    const char *mode = getenv("MKP_FUZZ_RENDER_MODE");
    fork_mode = mode && strcmp(mode, "fork") == 0;
    char dir[PATH_MAX], list[256];
    plugin_dir(dir, sizeof dir);
    const char *names = getenv("MKP_FUZZ_PLUGINS");
    snprintf(list, sizeof list, "%s", names && *names ? names : "pdf,xlsx,svg,csv");
    char *save = NULL;
    for (char *name = strtok_r(list, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        char path[PATH_MAX + 64], *reason = NULL;
        snprintf(path, sizeof path, "%s/%s.so", dir, name);
        if (n_plugins == MAX_PLUGINS || plugin_load(path, &plugins[n_plugins], &reason) != 0) {
            fprintf(stderr, "fuzz_render: cannot load %s: %s\n", path, reason ? reason : "too many plugins");
            exit(1);
        }
        n_plugins++;
    }
    /* Under TMPDIR, which run.sh points into the build folder: what a
     * crash leaves behind stays there. */
    const char *tmp = getenv("TMPDIR");
    snprintf(scratch, sizeof scratch, "%s/mkp-fuzz-render-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(scratch)) {
        fprintf(stderr, "fuzz_render: cannot make %s: %s\n", scratch, strerror(errno));
        exit(1);
    }
    atexit(remove_scratch);
    fprintf(stderr, "fuzz_render: %zu plugin(s) from %s, %s\n", n_plugins, dir,
            fork_mode ? "each job in a forked child (jobs_run)" : "render() called in this process");
    return 0;
}

/* ---- what a finished output must be ------------------------------------- */

/* The whole file, NUL-terminated, or NULL when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap + 1);
    for (size_t got; s && (got = fread(s + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *t = realloc(s, 2 * cap + 1);
            if (!t) {
                free(s);
                s = NULL;
                break;
            }
            s = t;
            cap *= 2;
        }
    }
    fclose(f);
    if (s) {
        s[n] = '\0';
        *len = n;
    }
    return s;
}

static const char *find_last(const char *s, size_t len, const char *what, size_t wl)
{
    for (size_t i = len >= wl ? len - wl + 1 : 0; i-- > 0;)
        if (memcmp(s + i, what, wl) == 0)
            return s + i;
    return NULL;
}

/* NULL when `path` is a file of `kind` as far as its first and last bytes
 * tell, else what is wrong.  The e2e replay (tests/e2e/fuzzed.sh) opens the
 * kept inputs' outputs with the real readers; this is the quick look. */
static const char *bad_content(const char *kind, const char *path)
{
    size_t len = 0;
    char *s = slurp(path, &len);
    const char *why = NULL;
    if (!s)
        return "cannot be read back";
    if (len == 0)
        why = "is empty";
    else if (strcmp(kind, "pdf") == 0) {
        const char *eof = find_last(s, len, "%%EOF", 5);
        if (len < 8 || memcmp(s, "%PDF-", 5) != 0)
            why = "does not start with %PDF-";
        else if (!eof || len - (size_t)(eof - s) > 8)
            why = "does not end with %%EOF";
    } else if (strcmp(kind, "xlsx") == 0) {
        /* A zip ends with its end-of-central-directory record (no
         * comment: 22 bytes). */
        if (len < 22 || memcmp(s, "PK\3\4", 4) != 0)
            why = "is not a zip file";
        else if (memcmp(s + len - 22, "PK\5\6", 4) != 0)
            why = "is a zip without its end record";
    } else if (strcmp(kind, "svg") == 0) {
        const char *end = find_last(s, len, "</svg>", 6);
        if (strncmp(s, "<?xml", 5) != 0 && strncmp(s, "<svg", 4) != 0)
            why = "does not start as an SVG";
        else if (!end || strspn(end + 6, " \r\n\t") != len - (size_t)(end + 6 - s))
            why = "does not end with </svg>";
    } else if (strcmp(kind, "csv") == 0) {
        /* series,year,value,provenance: every value a finite number. */
        for (char *ln = s, *next; !why && ln && *ln; ln = next) {
            next = strchr(ln, '\n');
            if (next)
                *next++ = '\0';
            char *c1 = strchr(ln, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL, *c3 = c2 ? strchr(c2 + 1, ',') : NULL;
            if (!c3 || strchr(c3 + 1, ','))
                why = "has a line that is not series,year,value,provenance";
            else if (ln != s || strncmp(ln, "series,", 7) != 0) {
                char *end;
                double v = strtod(c2 + 1, &end);
                if (end != c3 || !isfinite(v))
                    why = "has a value that is not a finite number";
            }
        }
    }
    free(s);
    return why;
}

/* The output of one finished job, in place at js->final_path. */
static void check_output(const job_spec *js)
{
    const char *name = js->plugin->desc->name;
    struct stat st;
    if (lstat(js->final_path, &st) != 0)
        finding(js, "reported success but %s is not there", js->final_path);
    if (!(js->plugin->desc->flags & MKP_PLUGIN_DIRECTORY)) {
        if (!S_ISREG(st.st_mode))
            finding(js, "%s is not a regular file", js->final_path);
        const char *why = bad_content(name, js->final_path);
        if (why)
            finding(js, "the output %s", why);
        return;
    }
    if (!S_ISDIR(st.st_mode))
        finding(js, "%s is not a folder", js->final_path);
    DIR *d = opendir(js->final_path);
    struct dirent *e;
    size_t files = 0;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", js->final_path, e->d_name);
        size_t nl = strlen(e->d_name);
        const char *kind = nl > 4 && strcmp(e->d_name + nl - 4, ".svg") == 0 ? name : "";
        const char *why = lstat(path, &st) != 0 || !S_ISREG(st.st_mode) ? "is not a regular file"
                                                                        : bad_content(kind, path);
        if (why) {
            dprintf(report_fd, "fuzz_render: %s: %s\n", path, why);
            finding(js, "a file of the output folder %s", why);
        }
        files++;
    }
    if (d)
        closedir(d);
    if (!files)
        finding(js, "reported success but left %s empty", js->final_path);
}

/* Names in `dir` other than the output `keep` (a file written beside it). */
static void check_strays(const job_spec *js, const char *dir, const char *keep)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 && strcmp(e->d_name, keep) != 0)
            finding(js, "wrote %s beside its output", e->d_name);
    if (d)
        closedir(d);
}

/* ---- the two ways of running a job ---------------------------------------- */

/* As a job's child does (core/host/jobs.c, child_run), minus the fork: the
 * output path is final at once, since nothing moves it. */
static void render_here(const loaded_plugin *lp, const mkp_model *m, const char *lang, const char *dir)
{
    job_spec js = {.plugin = lp, .model = m, .lang = lang, .out_dir = dir};
    js.final_path = output_name(lp, m, lang, dir);
    js.tmp_out = js.final_path;
    if ((lp->desc->flags & MKP_PLUGIN_DIRECTORY) && mkdir(js.final_path, 0777) != 0)
        finding(&js, "cannot make the output folder: %s", strerror(errno));
    mkp_job job = {
        .size = sizeof(mkp_job),
        .host = &host_table,
        .model = m,
        .lang = lang,
        .output_path = js.final_path,
        .plugin_dir = lp->dir,
        .host_data = &js,
    };
    int rc = lp->desc->render(&job);
    fflush(NULL);
    if (rc != MKP_OK) {
        char *status = jobs_status_words(rc), detail[512];
        snprintf(detail, sizeof detail, "%s%s", status, js.explained ? "" : ", without saying why");
        finding(&js, "failed with %s on a model that validates", detail);
        free(status);
    }
    check_output(&js);
    check_strays(&js, dir, strrchr(js.final_path, '/') + 1);
    fs_remove_tree(js.final_path);
    free(js.final_path);
}

/* Every plugin in both languages through jobs_run, one job at a time. */
static void render_forked(const mkp_model *m, const char *dir)
{
    job_spec jobs[MAX_PLUGINS * 2];
    char *dirs[2];
    size_t n = 0;
    for (size_t l = 0; l < 2; l++) {
        dirs[l] = malloc(strlen(dir) + 16);
        if (!dirs[l])
            abort();
        sprintf(dirs[l], "%s/%s", dir, langs[l]);
        if (mkdir(dirs[l], 0777) != 0)
            abort();
        for (size_t p = 0; p < n_plugins; p++)
            jobs[n++] = (job_spec){.plugin = &plugins[p], .model = m, .lang = langs[l], .out_dir = dirs[l],
                                   .timeout = JOB_TIMEOUT};
    }
    jobs_run(jobs, n, 1, JOBS_QUIET | JOBS_NO_FSYNC);
    for (size_t i = 0; i < n; i++) {
        if (!jobs[i].ok)
            finding(&jobs[i], "%s", jobs[i].failure);
        if (jobs[i].stray && *jobs[i].stray)
            finding(&jobs[i], "wrote %s beside its output", jobs[i].stray);
        check_output(&jobs[i]);
        free(jobs[i].final_path);
        free(jobs[i].failure);
        free(jobs[i].stray);
    }
    free(dirs[0]);
    free(dirs[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mkp_doc *doc = fuzz_model(data, size);
    if (!doc)
        return 0;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/in-XXXXXX", scratch);
    if (!mkdtemp(dir)) {
        dprintf(report_fd, "fuzz_render: cannot make %s: %s\n", dir, strerror(errno));
        abort();
    }
    if (fork_mode)
        render_forked(doc->model, dir);
    else
        for (size_t l = 0; l < 2; l++)
            for (size_t p = 0; p < n_plugins; p++)
                render_here(&plugins[p], doc->model, langs[l], dir);
    fs_remove_tree(dir);
    ds_free(doc);
    return 0;
}
