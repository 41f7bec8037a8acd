/* jobs.c - every rendering job runs in a forked child that shares the
 * frozen model copy-on-write.  The child writes to a temporary name; the
 * parent renames it into place only when the plugin said MKP_OK and the
 * output exists, so a crash, a hang or an error costs that one output and
 * never clobbers the last good one. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "host.h"
#include "util.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

char *output_name(const loaded_plugin *p, const mkp_model *m, const char *dir)
{
    if (p->desc->flags & MKP_PLUGIN_DIRECTORY)
        return xprintf("%s/%s-%s", dir, m->id, p->desc->name);
    return xprintf("%s/%s.%s", dir, m->id, p->desc->extension);
}

/* Removes a file or a folder tree; used only on our own temporary names. */
static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d))) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                    continue;
                char *sub = xprintf("%s/%s", path, e->d_name);
                remove_tree(sub);
                free(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* An output that exists and is not empty (a folder with at least one file). */
static int output_present(const char *path, int is_dir)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    if (!is_dir)
        return S_ISREG(st.st_mode) && st.st_size > 0;
    DIR *d = opendir(path);
    if (!d)
        return 0;
    int any = 0;
    struct dirent *e;
    while (!any && (e = readdir(d)))
        any = e->d_name[0] != '.';
    closedir(d);
    return any;
}

typedef struct running {
    job_spec *job;
    pid_t pid;
    int status_fd;
    char *tmp;
    double start;
    int killed;
} running;

static void child_run(job_spec *js, const char *tmp, int status_fd)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    /* A plugin's crash must end the child by its signal, so that the parent
     * can name it, even in a build whose runtime catches faults itself. */
    static const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++)
        signal(faults[i], SIG_DFL);
    if (js->work_dir && chdir(js->work_dir) != 0)
        _exit(120);
    mkp_job job = {
        .size = sizeof(mkp_job),
        .host = &host_table,
        .model = js->model,
        .lang = js->lang,
        .output_path = tmp,
        .plugin_dir = js->plugin->dir,
        .host_data = js,
    };
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
    /* The status byte, then how long render() took. */
    char msg[1 + sizeof(double)];
    msg[0] = (char)(signed char)(rc < -100 ? -100 : rc > 100 ? 100 : rc);
    double took = now() - t0;
    memcpy(msg + 1, &took, sizeof took);
    if (write(status_fd, msg, sizeof msg) != (ssize_t)sizeof msg)
        _exit(121);
    _exit(0);
}

static void start(running *r, job_spec *js)
{
    r->job = js;
    r->killed = 0;
    free(js->final_path);
    js->final_path = output_name(js->plugin, js->model, js->out_dir);
    const char *slash = strrchr(js->final_path, '/');
    r->tmp = xprintf("%.*s/.%s.tmp-%ld", (int)(slash - js->final_path), js->final_path, slash + 1, (long)getpid());
    for (int k = 1; access(r->tmp, F_OK) == 0; k++) {
        free(r->tmp);
        r->tmp = xprintf("%.*s/.%s.tmp-%ld-%d", (int)(slash - js->final_path), js->final_path, slash + 1,
                         (long)getpid(), k);
    }
    if ((js->plugin->desc->flags & MKP_PLUGIN_DIRECTORY) && mkdir(r->tmp, 0777) != 0) {
        js->failure = xprintf("cannot create %s: %s", r->tmp, strerror(errno));
        r->pid = -1;
        return;
    }
    int fds[2];
    if (pipe(fds) != 0) {
        js->failure = xprintf("cannot create a pipe: %s", strerror(errno));
        r->pid = -1;
        return;
    }
    fflush(NULL);
    r->start = now();
    r->pid = fork();
    if (r->pid == 0) {
        close(fds[0]);
        child_run(js, r->tmp, fds[1]);
    }
    close(fds[1]);
    r->status_fd = fds[0];
    if (r->pid < 0) {
        js->failure = xprintf("cannot fork: %s", strerror(errno));
        close(fds[0]);
    }
}

static void finish(running *r, int wstatus)
{
    job_spec *js = r->job;
    const char *name = js->plugin->desc->name, *id = js->model->id;
    int is_dir = (js->plugin->desc->flags & MKP_PLUGIN_DIRECTORY) != 0;
    js->seconds = now() - r->start;
    char msg[1 + sizeof(double)];
    ssize_t got = read(r->status_fd, msg, sizeof msg);
    close(r->status_fd);
    signed char rc = got >= 1 ? (signed char)msg[0] : 0;
    js->render_seconds = 0;
    if (got == (ssize_t)sizeof msg)
        memcpy(&js->render_seconds, msg + 1, sizeof js->render_seconds);
    if (r->killed) {
        js->failure = xprintf("plugin %s timed out after %g s rendering %s", name, js->timeout, id);
    } else if (WIFSIGNALED(wstatus)) {
        const char *abbrev = sigabbrev_np(WTERMSIG(wstatus));
        js->failure = xprintf("plugin %s crashed (SIG%s) rendering %s", name, abbrev ? abbrev : "?", id);
    } else if (got < 1) {
        js->failure = xprintf("plugin %s exited (status %d) before finishing %s", name,
                              WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1, id);
    } else if (rc != MKP_OK) {
        js->failure = xprintf("plugin %s failed (status %d) rendering %s", name, rc, id);
    } else if (!output_present(r->tmp, is_dir)) {
        js->failure = xprintf("plugin %s reported success but wrote no output for %s", name, id);
    }
    if (js->failure) {
        remove_tree(r->tmp);
    } else if (is_dir) {
        /* Swap folders: the old one is set aside first, so a failure in
         * between still leaves one complete folder in place. */
        char *old = xprintf("%s.old-%ld", r->tmp, (long)getpid());
        int had = rename(js->final_path, old) == 0;
        if (rename(r->tmp, js->final_path) != 0) {
            js->failure = xprintf("cannot move %s into place: %s", js->final_path, strerror(errno));
            if (had)
                rename(old, js->final_path);
            remove_tree(r->tmp);
        } else if (had) {
            remove_tree(old);
        }
        free(old);
    } else if (rename(r->tmp, js->final_path) != 0) {
        js->failure = xprintf("cannot move %s into place: %s", js->final_path, strerror(errno));
        unlink(r->tmp);
    }
    js->ok = js->failure == NULL;
    free(r->tmp);
    r->tmp = NULL;
    r->pid = 0;
}

void jobs_run(job_spec *jobs, size_t n, int parallel, int flags)
{
    if (parallel < 1)
        parallel = 1;
    running *run = calloc((size_t)parallel, sizeof *run);
    if (!run)
        exit(3);
    sigset_t chld, old_mask;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old_mask);
    size_t next = 0, active = 0;
    while (next < n || active > 0) {
        while (active < (size_t)parallel && next < n) {
            running *slot = NULL;
            for (int i = 0; i < parallel && !slot; i++)
                if (run[i].pid == 0)
                    slot = &run[i];
            job_spec *js = &jobs[next++];
            start(slot, js);
            if (slot->pid < 0) {
                free(slot->tmp);
                slot->tmp = NULL;
                slot->pid = 0;
                js->ok = 0;
                continue;
            }
            active++;
        }
        int wstatus;
        pid_t pid = waitpid(-1, &wstatus, WNOHANG);
        if (pid > 0) {
            for (int i = 0; i < parallel; i++)
                if (run[i].pid == pid) {
                    finish(&run[i], wstatus);
                    active--;
                    const job_spec *done = run[i].job;
                    if (!(flags & JOBS_QUIET) && done->ok && (flags & JOBS_TIMES))
                        fprintf(stderr, "marketpress: wrote %s (render %.2f ms, job %.2f ms)\n", done->final_path,
                                done->render_seconds * 1e3, done->seconds * 1e3);
                    else if (!(flags & JOBS_QUIET) && done->ok)
                        fprintf(stderr, "marketpress: wrote %s\n", done->final_path);
                }
            continue;
        }
        if (pid < 0 && errno == ECHILD)
            break;
        double t = now();
        for (int i = 0; i < parallel; i++)
            if (run[i].pid > 0 && !run[i].killed && run[i].job->timeout > 0 &&
                t - run[i].start > run[i].job->timeout) {
                kill(run[i].pid, SIGKILL);
                run[i].killed = 1;
            }
        /* Sleep until a child ends (SIGCHLD is blocked, so it waits here)
         * or it is time to look at the timeouts again. */
        struct timespec ts = {0, 50 * 1000 * 1000};
        sigtimedwait(&chld, NULL, &ts);
    }
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    free(run);
}
