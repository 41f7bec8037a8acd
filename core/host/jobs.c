/* jobs.c - every rendering job runs in a forked child that shares the
 * frozen model copy-on-write.  The child writes into a private folder made
 * with mkdtemp beside the final output and flushes what it wrote to disk;
 * the parent moves the output into place only when the plugin said MKP_OK
 * and the output is a complete file or folder of the job's own making.  A
 * crash, a hang, a full disk or a signal costs that one output and never
 * clobbers the last good one, and no temporary outlives the command. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <malloc.h>
#include <string.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "chart/layout.h"
#include "host/host.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The language of a job when it is not the model's default, else NULL. */
static const char *other_lang(const mkp_model *m, const char *lang)
{
    if (!lang || (m->n_languages && strcmp(lang, m->languages[0]) == 0) || (!m->n_languages && !strcmp(lang, "en")))
        return NULL;
    return lang;
}

char *output_name(const loaded_plugin *p, const mkp_model *m, const char *lang, const char *dir)
{
    const char *l = other_lang(m, lang);
    char *stem = l ? xprintf("%s.%s", m->id, l) : xstrdup(m->id);
    char *path = p->desc->flags & MKP_PLUGIN_DIRECTORY ? xprintf("%s/%s-%s", dir, stem, p->desc->name)
                                                      : xprintf("%s/%s.%s", dir, stem, p->desc->extension);
    free(stem);
    return path;
}

/* What a job renders, for its messages: the report id, and the language
 * when it is not the default one ("aigc-foundation-models (zh-CN)"). */
static char *job_label(const job_spec *js)
{
    const char *l = other_lang(js->model, js->lang);
    return l ? xprintf("%s (%s)", js->model->id, l) : xstrdup(js->model->id);
}

/* ---- files ---------------------------------------------------------------- */

/* Names in the job's folder other than its output ("" when none). */
static char *strays(const char *tmp_dir, const char *keep)
{
    strbuf b = {0};
    DIR *d = opendir(tmp_dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 && strcmp(e->d_name, keep) != 0)
            sb_printf(&b, "%s%s", b.len ? ", " : "", e->d_name);
    if (d)
        closedir(d);
    return b.s;
}

/* Moves the finished output into place.  A folder is exchanged with the
 * previous one in a single step, so that concurrent renders into one folder
 * each see a complete folder there at every moment; the previous output
 * ends up in the job's folder and goes with it.  Returns 0 or an errno. */
static int place(const char *from, const char *to, int is_dir, const char *aside)
{
    if (!is_dir)
        return rename(from, to) == 0 ? 0 : errno;
    for (int attempt = 0; attempt < 16; attempt++) {
        if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE) == 0)
            return 0;
        if (errno == ENOENT) {
            if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
                return 0;
            if (errno == EEXIST)
                continue; /* another render placed its folder meanwhile */
        }
        if (errno != EINVAL && errno != ENOSYS)
            return errno;
        /* A filesystem without exchange: set the old folder aside first,
         * so that a failure in between still leaves one in place. */
        int had = rename(to, aside) == 0;
        if (rename(from, to) == 0)
            return 0;
        int err = errno;
        if (had)
            rename(aside, to);
        if (err != ENOTEMPTY && err != EEXIST)
            return err;
    }
    return EBUSY;
}

/* ---- temporaries -----------------------------------------------------------
 * A job's folder is DIR/.<output>.tmp-<host>-<pid>-XXXXXX: unpredictable
 * (mkdtemp), so nothing can be planted there, and named after the process
 * that made it, so that a later render can tell a dead process's leftovers
 * from a live one's, even in a folder that several machines share. */

static char host_tag[96];

static void make_tag(void)
{
    char host[65] = "";
    if (gethostname(host, sizeof host - 1) != 0)
        host[0] = '\0';
    size_t o = 0;
    for (const char *p = host; *p && *p != '.' && o < 40; p++)
        host_tag[o++] = isalnum((unsigned char)*p) ? *p : '_';
    if (!o)
        host_tag[o++] = '_';
    snprintf(host_tag + o, sizeof host_tag - o, "-%ld", (long)getpid());
}

/* Removes the job folders that processes of this host no longer running
 * left in `dir` (killed with SIGKILL, or a machine that went down). */
static void sweep_stale(const char *dir)
{
    const char *dash = strrchr(host_tag, '-');
    size_t hl = (size_t)(dash - host_tag);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        const char *name = e->d_name, *p = NULL;
        if (name[0] != '.')
            continue;
        for (const char *q = strstr(name, ".tmp-"); q; q = strstr(q + 1, ".tmp-"))
            p = q + 5;
        if (!p || strncmp(p, host_tag, hl) != 0 || p[hl] != '-')
            continue;
        char *end;
        long pid = strtol(p + hl + 1, &end, 10);
        if (end == p + hl + 1 || *end != '-' || strlen(end + 1) != 6 || pid <= 0 || pid == (long)getpid())
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue; /* still running, or not ours to ask */
        struct stat st;
        if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid())
            fs_remove_at(dirfd(d), name);
    }
    if (d)
        closedir(d);
}

/* ---- confinement (plugin-check) --------------------------------------------
 * A confined job runs in a mount namespace of its own where every
 * filesystem is read-only but its own folder: a write anywhere else fails
 * and changes nothing outside.  HOME, where a plugin is most likely to
 * write, is an overlay in that namespace: reads see the real one, writes
 * land in the job's folder, where plugin-check finds and names them. */

static int write_text(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int err = write_all(fd, text, strlen(text)) == 0 ? 0 : errno;
    close(fd);
    return err;
}

/* A mount namespace: as root directly, else as the root of a user
 * namespace of our own, keeping our user and group ids. */
static int enter_namespace(const char **how)
{
    uid_t uid = geteuid();
    gid_t gid = getegid();
    *how = "a private mount namespace";
    if (unshare(CLONE_NEWNS) == 0)
        return 0;
    if (errno != EPERM)
        return errno;
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return errno;
    *how = "a private mount namespace in a user namespace";
    char map[64];
    snprintf(map, sizeof map, "%lu %lu 1", (unsigned long)uid, (unsigned long)uid);
    int err = write_text("/proc/self/uid_map", map);
    if (!err)
        err = write_text("/proc/self/setgroups", "deny");
    snprintf(map, sizeof map, "%lu %lu 1", (unsigned long)gid, (unsigned long)gid);
    return err ? err : write_text("/proc/self/gid_map", map);
}

/* Whether `inner` is `outer` or below it. */
static int path_within(const char *inner, const char *outer)
{
    size_t n = strlen(outer);
    return strncmp(inner, outer, n) == 0 && (inner[n] == '/' || inner[n] == '\0' || (n == 1 && *outer == '/'));
}

/* HOME as an overlay whose writes go to dir/JOBS_HOME_WRITES; 0, or -1
 * when it stays as it is (read-only once everything is): no HOME, one that
 * holds the job's folder or lies in it, a path the overlay's options cannot
 * carry, or a kernel that refuses. */
static int divert_home(const char *dir, char *home, size_t cap)
{
    const char *h = getenv("HOME");
    char real[PATH_MAX], own[PATH_MAX];
    if (!h || !realpath(h, real) || !realpath(dir, own) || strlen(real) >= cap || strpbrk(real, ",:\\") ||
        strpbrk(dir, ",:\\") || path_within(own, real) || path_within(real, own) || strcmp(real, "/") == 0)
        return -1;
    char *upper = xprintf("%s/%s", dir, JOBS_HOME_WRITES), *work = xprintf("%s/home-work", dir);
    char *opts = xprintf("lowerdir=%s,upperdir=%s,workdir=%s", real, upper, work);
    int rc = (mkdir(upper, 0700) == 0 || errno == EEXIST) && (mkdir(work, 0700) == 0 || errno == EEXIST) &&
                     mount("overlay", real, "overlay", 0, opts) == 0
                 ? 0
                 : -1;
    free(upper);
    free(work);
    free(opts);
    strcpy(home, real);
    return rc;
}

/* Confines this process to `dir`; 0, or an errno with `why` naming the
 * step that failed.  `how` gets the way, for plugin-check's first line. */
static int confine(const char *dir, char *how, size_t cap, const char **why)
{
    const char *ns;
    int err = enter_namespace(&ns);
    *why = "unshare";
    if (err)
        return err;
    *why = "making / private";
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        return errno;
    *why = "binding the job's folder";
    if (mount(dir, dir, NULL, MS_BIND | MS_REC, NULL) != 0)
        return errno;
    char home[PATH_MAX];
    int diverted = divert_home(dir, home, sizeof home) == 0;
    struct mount_attr ro = {.attr_set = MOUNT_ATTR_RDONLY}, rw = {.attr_clr = MOUNT_ATTR_RDONLY};
    *why = "making every filesystem read-only";
    if (mount_setattr(AT_FDCWD, "/", AT_RECURSIVE, &ro, sizeof ro) != 0)
        return errno;
    *why = "making the job's folder writable";
    if (mount_setattr(AT_FDCWD, dir, AT_RECURSIVE, &rw, sizeof rw) != 0 ||
        (diverted && mount_setattr(AT_FDCWD, home, 0, &rw, sizeof rw) != 0))
        return errno;
    snprintf(how, cap, "%s, every filesystem read-only but the run's folder, HOME %s", ns,
             diverted ? "an overlay whose writes are kept apart" : "read-only (no overlay here)");
    return 0;
}

int jobs_confine_probe(const char *dir, char **how)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        *how = xprintf("cannot try: %s", strerror(errno));
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        char said[400];
        const char *why;
        int err = confine(dir, said, sizeof said, &why);
        if (err)
            snprintf(said, sizeof said, "%s: %s", why, strerror(err));
        char msg[420];
        snprintf(msg, sizeof msg, "%c%s", err ? '-' : '+', said);
        _exit(write_all(fds[1], msg, strlen(msg)) == 0 ? 0 : 1);
    }
    close(fds[1]);
    char buf[420] = "";
    ssize_t got = 0, n;
    while (pid > 0 && (size_t)got < sizeof buf - 1 &&
           ((n = read(fds[0], buf + got, sizeof buf - 1 - (size_t)got)) > 0 || (n < 0 && errno == EINTR)))
        got += n > 0 ? n : 0;
    buf[got] = '\0';
    close(fds[0]);
    while (pid > 0 && waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
    char *home_writes = xprintf("%s/%s", dir, JOBS_HOME_WRITES), *home_work = xprintf("%s/home-work", dir);
    fs_remove_tree(home_writes);
    fs_remove_tree(home_work);
    free(home_writes);
    free(home_work);
    *how = xstrdup(buf[0] ? buf + 1 : pid < 0 ? strerror(errno) : "the trial ended without a word");
    return buf[0] == '+' ? 0 : -1;
}

/* ---- the job's process ---------------------------------------------------- */

/* What the child tells the parent: one write, well under PIPE_BUF. */
typedef struct job_status {
    signed char rc;                 /* render()'s status, or JOB_UNSYNCED */
    unsigned char explained;        /* the plugin reported its failure itself */
    double took;                    /* render() alone, seconds */
    char msg[400];
} job_status;

#define JOB_UNSYNCED 101            /* the output could not be flushed to disk */
#define JOB_UNCONFINED 102          /* the job could not be confined (plugin-check) */

/* Exit statuses of a job's process that are the host's, not the plugin's:
 * the job ended before or after render() for a reason of its own. */
enum {
    JOB_EXIT_NO_WORKDIR = 120,      /* could not enter its working folder */
    JOB_EXIT_NO_REPORT = 121,       /* could not tell the parent how render() went */
    JOB_EXIT_ORPHAN = 122,          /* marketpress ended before the job began */
};

char *jobs_status_words(int rc)
{
    switch (rc) {
    case MKP_ERROR:
        return xstrdup("MKP_ERROR (failed)");
    case MKP_EIO:
        return xstrdup("MKP_EIO (could not write the output)");
    case MKP_EMODEL:
        return xstrdup("MKP_EMODEL (the model has something it cannot present)");
    default:
        return xprintf("%d, a status plugin.h does not define (render returns MKP_OK or MKP_ERROR, MKP_EIO, "
                       "MKP_EMODEL)",
                       rc);
    }
}

/* Why a job's process exited with `code` before it said how render()
 * went, as the end of "plugin NAME ...". */
static char *exit_words(int code, const char *id)
{
    switch (code) {
    case XALLOC_EXIT:
        /* The host's functions end the job this way when memory runs out. */
        return xprintf("ran out of memory rendering %s", id);
    case JOB_EXIT_NO_WORKDIR:
        return xprintf("could not enter its working folder to render %s", id);
    case JOB_EXIT_NO_REPORT:
        return xprintf("rendered %s but its process could not report the result", id);
    case JOB_EXIT_ORPHAN:
        return xprintf("was not run for %s: marketpress ended first", id);
    default:
        return xprintf("exited with exit status %d before finishing %s", code, id);
    }
}

typedef struct running {
    job_spec *job;
    pid_t pid;
    int status_fd;
    char *tmp_dir;                  /* the job's private folder */
    char *tmp_out;                  /* the output inside it */
    int out_fd, out_wr;             /* the standard output pipe (catch_stdout), else -1 */
    double start;
    int killed;
} running;

static void child_run(job_spec *js, const running *r, int status_fd, pid_t parent, int flags)
{
    /* The job dies with marketpress, even by SIGKILL, instead of running
     * on unwatched past its timeout. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(JOB_EXIT_ORPHAN);
    /* SIGINT, SIGTERM and SIGHUP stay blocked: marketpress itself stops
     * its jobs and cleans up after them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    sigprocmask(SIG_SETMASK, &stop, NULL);
    /* A plugin's crash must end the child by its signal, so that the parent
     * can name it, even in a build whose runtime catches faults itself. */
    static const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++)
        signal(faults[i], SIG_DFL);
    /* What a plugin prints goes to standard error, never into the
     * command's own output; plugin-check counts it in a pipe that never
     * blocks the plugin (a write to a full one fails). */
    dup2(r->out_wr >= 0 ? r->out_wr : 2, 1);
    if (js->memory_limit) {
        struct rlimit rl = {(rlim_t)js->memory_limit, (rlim_t)js->memory_limit};
        setrlimit(RLIMIT_AS, &rl);
    }
    if (js->cpu_limit > 0) {
        rlim_t s = (rlim_t)ceil(js->cpu_limit);
        struct rlimit rl = {s, s + 1}; /* SIGXCPU first, SIGKILL a second later */
        setrlimit(RLIMIT_CPU, &rl);
    }
    /* Confined before it enters its working folder: a folder entered
     * first would be the one under the writable bind, read-only. */
    if (js->confine) {
        char how[400];
        const char *why;
        int err = confine(js->confine, how, sizeof how, &why);
        if (err) {
            job_status st = {JOB_UNCONFINED, 0, 0, ""};
            snprintf(st.msg, sizeof st.msg, "cannot confine plugin %s (%s: %s)", js->plugin->desc->name, why,
                     strerror(err));
            _exit(write_all(status_fd, &st, sizeof st) == 0 ? 0 : JOB_EXIT_NO_REPORT);
        }
    }
    if (js->tmpdir)
        setenv("TMPDIR", js->tmpdir, 1);
    if (js->work_dir && chdir(js->work_dir) != 0)
        _exit(JOB_EXIT_NO_WORKDIR);
    js->tmp_out = r->tmp_out;
    mkp_job job = {
        .size = sizeof(mkp_job),
        .host = &host_table,
        .model = js->model,
        .lang = js->lang,
        .output_path = r->tmp_out,
        .plugin_dir = js->plugin->dir,
        .host_data = js,
        .copy = js->copy ? js->copy : &host_unlicensed,
    };
    /* The job's charts are drawn in its model's house style. */
    chart_use_theme(js->model->theme);
    /* The job's process ends with the job: memory it frees is kept for
     * its next allocation rather than handed back to the system at once.
     * zlib's 256 KB of state per deflated stream (libharu and
     * libxlsxwriter deflate dozens) otherwise costs a trim and fresh pages
     * every time. */
    if (!getenv("MKP_MALLOC_DEFAULTS")) {
        mallopt(M_TRIM_THRESHOLD, 64 << 20);
        mallopt(M_MMAP_THRESHOLD, 16 << 20);
    }
    double t0 = now();
    int rc = js->plugin->desc->render(&job);
    fflush(NULL);
    job_status st = {(signed char)(rc < -100 ? -100 : rc > 100 ? 100 : rc), (unsigned char)js->explained,
                     now() - t0, ""};
    if (rc == MKP_OK && !(flags & JOBS_NO_FSYNC)) {
        int err = fs_sync_at(AT_FDCWD, r->tmp_dir);
        if (err) {
            st.rc = JOB_UNSYNCED;
            snprintf(st.msg, sizeof st.msg, "cannot write %s: %s", js->final_path, strerror(err));
        }
    }
    _exit(write_all(status_fd, &st, sizeof st) == 0 ? 0 : JOB_EXIT_NO_REPORT);
}

/* The pipe a plugin-check job's standard output goes to.  Neither end
 * blocks: the parent reads it once the job has ended, and a plugin that
 * fills it only sees its writes fail. */
static int stdout_pipe(running *r)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
        return -1;
    r->out_fd = fds[0];
    r->out_wr = fds[1];
    return 0;
}

/* How many bytes the job printed, up to JOBS_STDOUT_CAP; closes the pipe. */
static size_t drain_stdout(running *r)
{
    size_t total = 0;
    char buf[4096];
    ssize_t n;
    while (r->out_fd >= 0 && total < JOBS_STDOUT_CAP &&
           ((n = read(r->out_fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)))
        total += n > 0 ? (size_t)n : 0;
    if (r->out_fd >= 0)
        close(r->out_fd);
    r->out_fd = -1;
    return total < JOBS_STDOUT_CAP ? total : JOBS_STDOUT_CAP;
}

static void close_pipes(running *r)
{
    if (r->out_fd >= 0)
        close(r->out_fd);
    if (r->out_wr >= 0)
        close(r->out_wr);
    r->out_fd = r->out_wr = -1;
}

/* Starts one job.  Returns 0, -1 when the job failed to start (failure
 * set), or -2 when no process could be made just now (EAGAIN). */
static int start(running *r, job_spec *js, int flags)
{
    r->job = js;
    r->killed = 0;
    r->pid = 0;
    free(js->final_path);
    js->final_path = output_name(js->plugin, js->model, js->lang, js->out_dir);
    const char *base = strrchr(js->final_path, '/') + 1;
    r->tmp_dir = xprintf("%s/.%s.tmp-%s-XXXXXX", js->out_dir, base, host_tag);
    r->tmp_out = NULL;
    r->out_fd = r->out_wr = -1;
    int fds[2] = {-1, -1};
    const char *what = NULL;
    if (!mkdtemp(r->tmp_dir)) {
        what = "write in";
        free(r->tmp_dir);
        r->tmp_dir = NULL;
    } else {
        r->tmp_out = xprintf("%s/%s", r->tmp_dir, base);
        if ((js->plugin->desc->flags & MKP_PLUGIN_DIRECTORY) && mkdir(r->tmp_out, 0777) != 0)
            what = "write in";
        else if (pipe2(fds, O_CLOEXEC) != 0 || (js->catch_stdout && stdout_pipe(r) != 0))
            what = "make a pipe for";
    }
    if (!what) {
        fflush(NULL);
        r->start = now();
        pid_t parent = getpid();
        r->pid = fork();
        if (r->pid == 0) {
            close(fds[0]);
            child_run(js, r, fds[1], parent, flags);
        }
        close(fds[1]);
        if (r->out_wr >= 0)
            close(r->out_wr);
        r->out_wr = -1;
        r->status_fd = fds[0];
        if (r->pid > 0)
            return 0;
        close(fds[0]);
        what = "start a process for";
    }
    int err = errno;
    if (fds[0] >= 0 && strcmp(what, "make a pipe for") == 0) {
        close(fds[0]);
        close(fds[1]);
    }
    close_pipes(r);
    if (r->tmp_dir)
        fs_remove_tree(r->tmp_dir);
    free(r->tmp_dir);
    free(r->tmp_out);
    r->tmp_dir = r->tmp_out = NULL;
    r->pid = 0;
    if (err == EAGAIN && strcmp(what, "start a process for") == 0)
        return -2;
    if (strcmp(what, "write in") == 0) {
        js->failure = xprintf("cannot write in %s: %s; %s not rendered", js->out_dir, strerror(err), js->final_path);
    } else {
        char *label = job_label(js);
        js->failure = xprintf("cannot %s plugin %s rendering %s: %s", what, js->plugin->desc->name, label,
                              strerror(err));
        free(label);
    }
    js->ok = 0;
    return -1;
}

static void finish(running *r, int wstatus, const struct rusage *ru)
{
    job_spec *js = r->job;
    js->peak_kib = ru->ru_maxrss;
    js->timed_out = r->killed;
    js->stdout_bytes = drain_stdout(r);
    const char *name = js->plugin->desc->name;
    char *id = job_label(js);
    int is_dir = (js->plugin->desc->flags & MKP_PLUGIN_DIRECTORY) != 0;
    js->seconds = now() - r->start;
    job_status st;
    ssize_t got;
    do
        got = read(r->status_fd, &st, sizeof st);
    while (got < 0 && errno == EINTR);
    close(r->status_fd);
    int have = got == (ssize_t)sizeof st;
    js->render_seconds = have ? st.took : 0;
    js->explained = 0;
    int sig = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
    if (r->killed) {
        js->failure = xprintf("plugin %s timed out after %g s rendering %s", name, js->timeout, id);
    } else if (js->cpu_limit > 0 && (sig == SIGXCPU || (sig == SIGKILL && !have))) {
        js->failure = xprintf("plugin %s used up its CPU limit of %g s rendering %s", name, js->cpu_limit, id);
    } else if (sig) {
        const char *abbrev = sigabbrev_np(sig);
        js->failure = xprintf("plugin %s crashed (SIG%s) rendering %s", name, abbrev ? abbrev : "?", id);
    } else if (!have) {
        char *why = exit_words(WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1, id);
        js->failure = xprintf("plugin %s %s", name, why);
        free(why);
    } else if (st.rc == JOB_UNSYNCED || st.rc == JOB_UNCONFINED) {
        st.msg[sizeof st.msg - 1] = '\0';
        js->failure = xstrdup(st.msg);
    } else if (st.rc != MKP_OK) {
        char *why = jobs_status_words(st.rc);
        js->failure = xprintf("plugin %s failed rendering %s: %s", name, id, why);
        free(why);
        js->explained = st.explained;
    } else {
        struct stat sb;
        int there = lstat(r->tmp_out, &sb) == 0;
        if (there && S_ISLNK(sb.st_mode))
            js->failure = xprintf("plugin %s left a symbolic link instead of its output for %s", name, id);
        else if (!there || (is_dir ? !S_ISDIR(sb.st_mode) : !S_ISREG(sb.st_mode) || sb.st_size == 0))
            js->failure = xprintf("plugin %s reported success but wrote no output for %s", name, id);
        else if (is_dir) {
            char *inside = strays(r->tmp_out, "");
            if (!inside)
                js->failure = xprintf("plugin %s reported success but wrote no output for %s", name, id);
            free(inside);
        }
    }
    if (js->failure && js->memory_limit && !r->killed) {
        js->explained = 0; /* the plugin's own words may not say why */
        char *longer = xprintf("%s (the job was limited to %llu MiB of memory)", js->failure,
                               js->memory_limit >> 20);
        free(js->failure);
        js->failure = longer;
    }
    free(js->stray);
    js->stray = strays(r->tmp_dir, strrchr(js->final_path, '/') + 1);
    if (!js->failure) {
        char *aside = xprintf("%s/previous", r->tmp_dir);
        int err = place(r->tmp_out, js->final_path, is_dir, aside);
        if (err)
            js->failure = xprintf("cannot move %s into place: %s", js->final_path, strerror(err));
        free(aside);
    }
    fs_remove_tree(r->tmp_dir);
    js->ok = js->failure == NULL;
    free(id);
    free(r->tmp_dir);
    free(r->tmp_out);
    r->tmp_dir = r->tmp_out = NULL;
    r->pid = 0;
}

/* SIGINT, SIGTERM or SIGHUP while jobs run: every job is stopped and its
 * folder removed, then the process ends by the same signal, so that the
 * shell sees 130, 143 or 129. */
static void stop_all(running *run, int parallel, int sig, size_t not_started)
{
    size_t stopped = 0;
    for (int i = 0; i < parallel; i++) {
        if (run[i].pid <= 0)
            continue;
        kill(run[i].pid, SIGKILL);
        while (waitpid(run[i].pid, NULL, 0) < 0 && errno == EINTR)
            ;
        close(run[i].status_fd);
        close_pipes(&run[i]);
        fs_remove_tree(run[i].tmp_dir);
        stopped++;
    }
    const char *abbrev = sigabbrev_np(sig);
    say("marketpress: interrupted by SIG%s: %zu job(s) stopped and %zu not started; their outputs were not "
        "written and the previous ones are kept",
        abbrev ? abbrev : "?", stopped, not_started);
    signal(sig, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    sigprocmask(SIG_UNBLOCK, &one, NULL);
    raise(sig);
    _exit(128 + sig);
}

static void report_written(const job_spec *js, int flags)
{
    if (flags & JOBS_QUIET)
        return;
    if (js->stray && *js->stray)
        say("marketpress: warning: plugin %s wrote %s beside %s; discarded", js->plugin->desc->name, js->stray,
            js->final_path);
    if (!js->ok)
        return;
    if (flags & JOBS_TIMES)
        say("marketpress: wrote %s (render %.2f ms, job %.2f ms)", js->final_path, js->render_seconds * 1e3,
            js->seconds * 1e3);
    else
        say("marketpress: wrote %s", js->final_path);
}

/* Each output folder once: stale temporaries swept before, the renames
 * flushed after. */
static void each_dir(job_spec *jobs, size_t n, int sync)
{
    for (size_t i = 0; i < n; i++) {
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(jobs[k].out_dir, jobs[i].out_dir) == 0;
        if (seen)
            continue;
        if (!sync) {
            sweep_stale(jobs[i].out_dir);
            continue;
        }
        int fd = open(jobs[i].out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) {
            fsync(fd);
            close(fd);
        }
    }
}

void jobs_run(job_spec *jobs, size_t n, int parallel, int flags)
{
    if (parallel < 1)
        parallel = 1;
    running *run = xcalloc((size_t)parallel, sizeof *run);
    /* A stop signal that marketpress was started ignoring (nohup for
     * SIGHUP, a script's background job for SIGINT) stays ignored. */
    sigset_t watch, old_mask;
    sigemptyset(&watch);
    sigaddset(&watch, SIGCHLD);
    static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++) {
        struct sigaction sa;
        if (sigaction(stop_signals[i], NULL, &sa) == 0 && sa.sa_handler != SIG_IGN)
            sigaddset(&watch, stop_signals[i]);
    }
    sigprocmask(SIG_BLOCK, &watch, &old_mask);
    make_tag();
    each_dir(jobs, n, 0);
    size_t next = 0, active = 0;
    int starved = 0;                /* no process could be made: wait for a job to end */
    int retries = 0;
    sigset_t stops = watch;
    sigdelset(&stops, SIGCHLD);
    const struct timespec zero = {0, 0};
    while (next < n || active > 0) {
        int stop = sigtimedwait(&stops, NULL, &zero);
        if (stop > 0)
            stop_all(run, parallel, stop, n - next);
        while (!starved && active < (size_t)parallel && next < n) {
            running *slot = NULL;
            for (int i = 0; i < parallel && !slot; i++)
                if (run[i].pid == 0)
                    slot = &run[i];
            job_spec *js = &jobs[next];
            int rc = start(slot, js, flags);
            if (rc == -2 && (active > 0 || retries < 20)) {
                starved = 1; /* try again when a job ends, or shortly */
                retries += active == 0;
                break;
            }
            if (rc == -2) {
                char *label = job_label(js);
                js->failure = xprintf("cannot start a process for plugin %s rendering %s: %s",
                                      js->plugin->desc->name, label, strerror(EAGAIN));
                free(label);
            }
            next++;
            retries = 0;
            if (rc == 0)
                active++;
        }
        int wstatus;
        struct rusage ru;
        pid_t pid = wait4(-1, &wstatus, WNOHANG, &ru);
        if (pid > 0) {
            for (int i = 0; i < parallel; i++)
                if (run[i].pid == pid) {
                    finish(&run[i], wstatus, &ru);
                    active--;
                    starved = 0;
                    report_written(run[i].job, flags);
                }
            continue;
        }
        double t = now();
        for (int i = 0; i < parallel; i++)
            if (run[i].pid > 0 && !run[i].killed && run[i].job->timeout > 0 &&
                t - run[i].start > run[i].job->timeout) {
                kill(run[i].pid, SIGKILL);
                run[i].killed = 1;
            }
        /* Sleep until a child ends or a stop signal comes (both are
         * blocked, so they wait here), or it is time to look at the
         * timeouts again. */
        struct timespec ts = {0, 50 * 1000 * 1000};
        int sig = sigtimedwait(&watch, NULL, &ts);
        if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP)
            stop_all(run, parallel, sig, n - next);
        if (starved && active == 0 && sig < 0)
            starved = 0; /* a process may be possible again */
    }
    if (!(flags & JOBS_NO_FSYNC))
        each_dir(jobs, n, 1);
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    free(run);
}
