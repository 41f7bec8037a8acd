/* plugins.c - find plugin files and load them.  Every file that is
 * not used gets one sentence saying why: a plugin author never has to
 * guess at a silent skip. */
#include <ctype.h>
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/files.h"
#include "host/host.h"

#define MIN_DESC_SIZE (offsetof(mkp_plugin, render) + sizeof(void (*)(void)))

static int valid_name(const char *s)
{
    if (!s || !*s || strlen(s) > 32)
        return 0;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-'))
            return 0;
    return 1;
}

/* The oldest host minor a descriptor runs on.  One built before ABI 1.2
 * has no min_host_minor, and its abi_minor meant just that; one built
 * since says it apart from the header it was built against, so a plugin
 * rebuilt against a newer header still loads here when it asks no more. */
static int needed_minor(const mkp_plugin *d)
{
    return MKP_HAS(mkp_plugin, d, min_host_minor) ? d->min_host_minor : d->abi_minor;
}

/* Why dlopen failed, in words a plugin author can act on. */
static char *dlopen_reason(const char *err)
{
    if (strstr(err, "invalid ELF header") || strstr(err, "file too short") || strstr(err, "not an ELF"))
        return xprintf("not a shared object (%s)", err);
    if (strstr(err, "Too many open files") || strstr(err, "Cannot allocate memory") ||
        strstr(err, "failed to map segment"))
        return xprintf("cannot be loaded here and now, short of resources: %s", err);
    if (strstr(err, "cannot open shared object file") || strstr(err, "undefined symbol"))
        return xprintf("a library or symbol it needs is missing: %s", err);
    return xprintf("cannot be loaded: %s", err);
}

/* RTLD_NODELETE: the libraries a plugin pulls in (cairo, libharu, ...)
 * keep global state that must stay mapped until exit, so the process
 * never unmaps code another part may still reach. */
/* What a plugin's constructors and entry function print goes to standard
 * error: standard output is the command's own (the list of plugins). */
static int stdout_aside(void)
{
    fflush(stdout);
    int saved = dup(1);
    if (saved >= 0 && dup2(2, 1) < 0) {
        close(saved);
        saved = -1;
    }
    return saved;
}

static void stdout_back(int saved)
{
    if (saved < 0)
        return;
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
}

static const mkp_plugin *open_entry(const char *path, void **handle, mkp_entry_fn *entry_out)
{
    int saved = stdout_aside();
    dlerror();
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    const mkp_plugin *d = NULL;
    mkp_entry_fn entry = NULL;
    if (h) {
        *(void **)&entry = dlsym(h, MKP_ENTRY_NAME);
        if (entry)
            d = entry(&host_table);
    }
    stdout_back(saved);
    *handle = h;
    *entry_out = entry;
    return d;
}

int plugin_open(const char *path, loaded_plugin *out, char **reason)
{
    mkp_entry_fn entry;
    void *h;
    const mkp_plugin *d = open_entry(path, &h, &entry);
    if (!h) {
        const char *err = dlerror();
        *reason = dlopen_reason(err ? err : "unknown error");
        return -1;
    }
    if (!entry) {
        for (int major = 0; major < 10; major++) {
            char name[40];
            snprintf(name, sizeof name, "mkp_plugin_entry_v%d", major);
            if (major != MKP_ABI_MAJOR && dlsym(h, name)) {
                *reason = xprintf("built for plugin ABI %d while this marketpress speaks ABI %d; rebuild it "
                                  "against this version's header",
                                  major, MKP_ABI_MAJOR);
                dlclose(h);
                return -1;
            }
        }
        *reason = xprintf("missing the entry symbol %s (is it exported with MKP_EXPORT?)", MKP_ENTRY_NAME);
        dlclose(h);
        return -1;
    }
    const char *why = NULL;
    char *owned = NULL;
    if (!d)
        why = "its entry function returned no descriptor";
    else if (d->size < MIN_DESC_SIZE)
        why = owned = xprintf("descriptor too small (%zu bytes; ABI %d needs at least %zu)", d->size, MKP_ABI_MAJOR,
                              (size_t)MIN_DESC_SIZE);
    else if (d->abi_major != MKP_ABI_MAJOR)
        why = owned = xprintf("descriptor says plugin ABI %d while this marketpress speaks ABI %d", d->abi_major,
                              MKP_ABI_MAJOR);
    else if (needed_minor(d) < 0)
        why = owned = xprintf("its descriptor's min_host_minor (%d) is not a minor version", needed_minor(d));
    else if (needed_minor(d) > MKP_ABI_MINOR)
        why = owned = xprintf("needs a host of plugin ABI %d.%d or later (%s %d) but this marketpress provides "
                              "%d.%d; upgrade marketpress",
                              d->abi_major, needed_minor(d),
                              MKP_HAS(mkp_plugin, d, min_host_minor) ? "min_host_minor" : "built for minor",
                              needed_minor(d), MKP_ABI_MAJOR, MKP_ABI_MINOR);
    else if (!valid_name(d->name))
        why = "its name is missing or not 1-32 of a-z, 0-9 and '-'";
    else if (!d->render)
        why = "its descriptor has no render function";
    else if (!(d->flags & MKP_PLUGIN_DIRECTORY) && (!d->extension || !*d->extension))
        why = "it writes one file but declares no file extension";
    else if (d->n_options && !d->options)
        why = "it declares options but gives no option table";
    for (size_t i = 0; !why && d && i < d->n_options; i++) {
        const mkp_option *o = &d->options[i];
        if (!valid_name(o->name))
            why = owned = xprintf("option %zu has an invalid name", i + 1);
        else if (o->default_value && option_check(o, o->default_value))
            why = owned = xprintf("the default of option '%s' (%s) %s", o->name, o->default_value,
                                  option_check(o, o->default_value));
    }
    if (why) {
        *reason = owned ? owned : xstrdup(why);
        dlclose(h);
        return -1;
    }
    out->desc = d;
    out->handle = h;
    out->path = xstrdup(path);
    char *slash = strrchr(out->path, '/');
    out->dir = slash ? xprintf("%.*s", (int)(slash - out->path), out->path) : xstrdup(".");
    return 0;
}

#define PROBE_SECONDS 10

/* Loads `path` in a throw-away child first: a plugin whose constructors or
 * entry function crash or hang is refused with a sentence instead of taking
 * the host down.  Returns 0 when the child loaded it cleanly. */
typedef struct probe_run {
    pid_t pid;
    int fd;
    char *failure;                  /* set when the probe could not start */
    int busy;                       /* it could not start for want of processes or
                                       descriptors: worth trying again alone */
} probe_run;

static probe_run probe_start(const char *path)
{
    probe_run pr = {-1, -1, NULL, 0};
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        pr.busy = errno == EMFILE || errno == ENFILE;
        pr.failure = xprintf("cannot be tried: %s", strerror(errno));
        return pr;
    }
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        /* Dies with marketpress; what the plugin prints while loading goes
         * to standard error, never into the command's own output. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(1);
        dup2(2, 1);
        static const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};
        for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++)
            signal(faults[i], SIG_DFL);
        close(fds[0]);
        loaded_plugin lp;
        char *why = NULL;
        const char *msg = plugin_open(path, &lp, &why) == 0 ? "" : why;
        ssize_t w = write(fds[1], msg, strlen(msg));
        _exit(w < 0 ? 1 : 0);
    }
    close(fds[1]);
    if (pid < 0) {
        pr.busy = errno == EAGAIN || errno == ENOMEM;
        pr.failure = xprintf("cannot be tried: %s", strerror(errno));
        close(fds[0]);
        return pr;
    }
    pr.pid = pid;
    pr.fd = fds[0];
    return pr;
}

static int probe_finish(probe_run pr, char **reason)
{
    if (pr.failure) {
        *reason = pr.failure;
        return -1;
    }
    pid_t pid = pr.pid;
    char buf[1024];
    size_t len = 0;
    struct pollfd pfd = {pr.fd, POLLIN, 0};
    int timed_out = 0;
    for (;;) {
        int r = poll(&pfd, 1, PROBE_SECONDS * 1000);
        if (r == 0) {
            timed_out = 1;
            kill(pid, SIGKILL);
            break;
        }
        if (r < 0 && errno == EINTR)
            continue;
        ssize_t n = r > 0 ? read(pr.fd, buf + len, sizeof buf - 1 - len) : -1;
        if (n <= 0)
            break;
        len += (size_t)n;
        if (len == sizeof buf - 1)
            break;
    }
    close(pr.fd);
    buf[len] = '\0';
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (timed_out) {
        *reason = xprintf("did not finish loading within %d s (a constructor or the entry function hangs)",
                          PROBE_SECONDS);
        return -1;
    }
    if (WIFSIGNALED(st)) {
        const char *abbrev = sigabbrev_np(WTERMSIG(st));
        *reason = xprintf("crashed while loading (SIG%s) in a constructor or the entry function", abbrev ? abbrev : "?");
        return -1;
    }
    if (len) {
        *reason = xstrdup(buf);
        return -1;
    }
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        *reason = xprintf("exited while loading, with exit status %d, in a constructor or the entry function",
                          WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        return -1;
    }
    return 0;
}

int plugin_load(const char *path, loaded_plugin *out, char **reason)
{
    return probe_finish(probe_start(path), reason) != 0 || plugin_open(path, out, reason) != 0 ? -1 : 0;
}

static void add_dir(plugin_set *s, const char *dir)
{
    if (!*dir)
        return;
    for (size_t i = 0; i < s->n_dirs; i++)
        if (strcmp(s->dirs[i], dir) == 0)
            return;
    s->dirs = xrealloc(s->dirs, (s->n_dirs + 1) * sizeof *s->dirs);
    s->dirs[s->n_dirs++] = xstrdup(dir);
}

static void refuse(plugin_set *s, const char *path, char *reason)
{
    s->refused = xrealloc(s->refused, (s->n_refused + 1) * sizeof *s->refused);
    s->refused[s->n_refused++] = (refusal){xstrdup(path), reason, 0};
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Takes a probed file into the set, or records why not; frees path. */
static void accept_file(plugin_set *s, char *path, probe_run pr)
{
    loaded_plugin lp;
    char *reason = NULL;
    if (probe_finish(pr, &reason) != 0 || plugin_open(path, &lp, &reason) != 0) {
        refuse(s, path, reason);
        free(path);
        return;
    }
    const loaded_plugin *prev = plugins_find(s, lp.desc->name);
    if (prev) {
        refuse(s, path, xprintf("plugin '%s' is already provided by %s, found earlier in the search path",
                                lp.desc->name, prev->path));
        dlclose(lp.handle);
        free(lp.path);
        free(lp.dir);
        free(path);
        return;
    }
    s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
    s->v[s->n++] = lp;
    free(path);
}

/* Probes `paths` (taken over and freed) and takes them into the set in
 * their order.  The probes of a batch of files run at once; results are
 * taken in order, so the outcome does not depend on timing. */
static void probe_files(plugin_set *s, char **paths, size_t n)
{
    enum { BATCH = 16 };
    for (size_t b0 = 0; b0 < n; b0 += BATCH) {
        size_t b1 = b0 + BATCH < n ? b0 + BATCH : n;
        probe_run runs[BATCH];
        for (size_t i = b0; i < b1; i++) {
            struct stat st;
            if (stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode))
                runs[i - b0] = (probe_run){-1, -1, xstrdup("not a regular file"), 0};
            else
                runs[i - b0] = probe_start(paths[i]);
        }
        /* A probe that found no process or descriptor free is tried once
         * more, alone, when the ones before it have ended. */
        for (size_t i = b0; i < b1; i++) {
            if (runs[i - b0].busy) {
                free(runs[i - b0].failure);
                runs[i - b0] = probe_start(paths[i]);
            }
            accept_file(s, paths[i], runs[i - b0]);
        }
    }
}

static void scan_dir(plugin_set *s, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        /* A folder of the search path that is not there is no news; one
         * that is there and cannot be read hides its plugins. */
        if (errno != ENOENT && errno != ENOTDIR) {
            refuse(s, dir, xprintf("this folder of the search path cannot be read: %s", strerror(errno)));
            s->refused[s->n_refused - 1].folder = 1;
        }
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".so") != 0 || e->d_name[0] == '.')
            continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str); /* the same order on every machine */
    for (size_t i = 0; i < n; i++) {
        char *path = xprintf("%s/%s", dir, names[i]);
        free(names[i]);
        names[i] = path;
    }
    probe_files(s, names, n);
    free(names);
}

/* The search path: -P dirs, MARKETPRESS_PLUGIN_PATH, the install's own
 * folder, the configured one. */
static void search_path(plugin_set *s, char **extra, size_t n_extra)
{
    for (size_t i = 0; i < n_extra; i++)
        add_dir(s, extra[i]);
    const char *env = getenv("MARKETPRESS_PLUGIN_PATH");
    if (env) {
        char *copy = xstrdup(env), *save = NULL;
        for (char *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
            add_dir(s, tok);
        free(copy);
    }
    char *bin = fs_program_dir();
    if (bin) {
        char *own = xprintf("%s/../lib/marketpress/plugins", bin);
        char real[PATH_MAX];
        add_dir(s, realpath(own, real) ? real : own);
        free(own);
        free(bin);
    }
#ifdef MKP_PLUGIN_DIR
    add_dir(s, MKP_PLUGIN_DIR);
#endif
}

void plugins_discover(plugin_set *s, char **extra, size_t n_extra)
{
    memset(s, 0, sizeof *s);
    search_path(s, extra, n_extra);
    for (size_t i = 0; i < s->n_dirs; i++)
        scan_dir(s, s->dirs[i]);
}

/* A plugin is normally in a file named after it.  Loading only those files
 * spares a render the cost of loading every other plugin and the libraries
 * they pull in; when a name has no such file, or the file turns out to hold
 * another plugin, every file is probed after all. */
void plugins_discover_named(plugin_set *s, char **extra, size_t n_extra, const char *const *names, size_t n_names)
{
    memset(s, 0, sizeof *s);
    search_path(s, extra, n_extra);
    char **paths = xrealloc(NULL, (n_names + 1) * sizeof *paths);
    size_t n = 0;
    int all = 1;
    for (size_t i = 0; i < n_names && all; i++) {
        int dup = 0;
        for (size_t k = 0; k < i; k++)
            dup |= strcmp(names[k], names[i]) == 0;
        if (dup)
            continue;
        char *found = NULL;
        for (size_t d = 0; d < s->n_dirs && !found && valid_name(names[i]); d++) {
            char *p = xprintf("%s/%s.so", s->dirs[d], names[i]);
            if (access(p, F_OK) == 0)
                found = p;
            else
                free(p);
        }
        if (found)
            paths[n++] = found;
        else
            all = 0;
    }
    if (all) {
        probe_files(s, paths, n);
        for (size_t i = 0; i < n_names && all; i++)
            all = plugins_find(s, names[i]) != NULL;
    } else {
        for (size_t i = 0; i < n; i++)
            free(paths[i]);
    }
    free(paths);
    if (!all) {
        plugins_free(s);
        plugins_discover(s, extra, n_extra);
    }
}

const loaded_plugin *plugins_find(const plugin_set *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i].desc->name, name) == 0)
            return &s->v[i];
    return NULL;
}

void plugins_free(plugin_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        dlclose(s->v[i].handle);
        free(s->v[i].path);
        free(s->v[i].dir);
    }
    for (size_t i = 0; i < s->n_refused; i++) {
        free(s->refused[i].path);
        free(s->refused[i].reason);
    }
    for (size_t i = 0; i < s->n_dirs; i++)
        free(s->dirs[i]);
    free(s->v);
    free(s->refused);
    free(s->dirs);
    memset(s, 0, sizeof *s);
}
