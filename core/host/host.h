/* host.h - the host room: finding and loading plugins (plugins.c), the
 * function table and options they get (table.c), and isolated jobs
 * (jobs.c).  Prefixes plugins_, host_, jobs_. */
#ifndef MKP_HOST_H
#define MKP_HOST_H
#include <stddef.h>

#include "marketpress/plugin.h"

typedef struct loaded_plugin {
    const mkp_plugin *desc;
    char *path;
    char *dir;
    void *handle;
} loaded_plugin;

typedef struct refusal {
    char *path;
    char *reason;                   /* one sentence */
    int folder;                     /* a folder of the search path, not a file */
} refusal;

typedef struct plugin_set {
    loaded_plugin *v;
    size_t n;
    refusal *refused;
    size_t n_refused;
    char **dirs;                    /* the search path, in order */
    size_t n_dirs;
} plugin_set;

extern const mkp_host host_table;
/* The copy a job presents when it names none: a full edition, licensed to no one. */
extern const mkp_copy host_unlicensed;

/* Search -P dirs, then MARKETPRESS_PLUGIN_PATH, then the install's own
 * folder (<bin>/../lib/marketpress/plugins). */
void plugins_discover(plugin_set *s, char **extra_dirs, size_t n_extra);
/* The same set as far as `names` go, loading only the files named after
 * them (<name>.so, first in the search path) when that finds them all. */
void plugins_discover_named(plugin_set *s, char **extra_dirs, size_t n_extra, const char *const *names,
                            size_t n_names);
/* Loads one file; on refusal returns -1 and sets *reason (malloc'd).
 * plugin_load first tries the file in a child process, so that a plugin
 * crashing or hanging while it loads is refused rather than fatal. */
int plugin_load(const char *path, loaded_plugin *out, char **reason);
int plugin_open(const char *path, loaded_plugin *out, char **reason);
void plugins_free(plugin_set *s);
const loaded_plugin *plugins_find(const plugin_set *s, const char *name);

/* -O plugin.key=value, checked against the plugin's declared options. */
typedef struct opt_value {
    const char *plugin, *key, *value;
} opt_value;

/* Checks one value against its declaration; NULL when fine, else a reason. */
const char *option_check(const mkp_option *o, const char *value);

/* One job: render `model` with `plugin` into its final place. */
typedef struct job_spec {
    const loaded_plugin *plugin;
    const mkp_model *model;
    const char *lang;
    const char *out_dir;
    const opt_value *opts;
    size_t n_opts;
    const mkp_copy *copy;           /* NULL: host_unlicensed */
    double timeout;                 /* seconds; 0 = none */
    const char *work_dir;           /* chdir here in the child (plugin-check) */
    unsigned long long memory_limit; /* bytes of address space for the job; 0 = none */
    double cpu_limit;               /* seconds of CPU for the job; 0 = none */
    /* plugin-check's own (NULL or 0 for a render): */
    const char *confine;            /* run in a mount namespace of its own where every filesystem is
                                       read-only but this folder (which holds work_dir and out_dir),
                                       and HOME an overlay whose writes land in
                                       confine/JOBS_HOME_WRITES (read-only where overlays cannot be) */
    const char *tmpdir;             /* TMPDIR in the job's process */
    int catch_stdout;               /* standard output into a pipe, counted in stdout_bytes */
    /* results */
    int timed_out;                  /* stopped at `timeout` */
    size_t stdout_bytes;            /* what it printed to standard output (catch_stdout; at most
                                       JOBS_STDOUT_CAP are counted) */
    long peak_kib;                  /* the peak resident memory of the job's process, KiB */
    char *final_path;
    int ok;
    double seconds;                 /* the whole job, fork to rename */
    double render_seconds;          /* the plugin's render() alone */
    char *failure;                  /* one sentence when !ok */
    int explained;                  /* the plugin already said why, in a line of its own */
    char *stray;                    /* files the plugin wrote beside its output */
    /* the child's own: where its output goes before it is moved into place */
    const char *tmp_out;
} job_spec;

/* Runs the jobs, at most `parallel` at once, each in a forked child.  A job
 * that succeeds is moved into place; a failed one leaves nothing and keeps
 * the previous output.  Each output written is named on stderr unless
 * JOBS_QUIET, with its times if JOBS_TIMES.  JOBS_NO_FSYNC skips flushing
 * outputs to the disk before they are moved into place.  SIGINT, SIGTERM
 * and SIGHUP stop every job, remove their temporaries and end the process
 * by the same signal. */
enum { JOBS_QUIET = 1, JOBS_TIMES = 2, JOBS_NO_FSYNC = 4 };
void jobs_run(job_spec *jobs, size_t n, int parallel, int flags);

/* Where a confined job's writes into HOME land, in its `confine` folder
 * (with "home-work", the overlay's own). */
#define JOBS_HOME_WRITES "home-writes"
#define JOBS_STDOUT_CAP 65536
/* Whether a job can be confined here, tried in a child with `dir` (an
 * empty folder) as its writable folder: 0 and *how says the way ("a private
 * mount namespace, HOME an overlay"), or -1 and *how says why not.  *how is
 * malloc'd; `dir` is emptied again. */
int jobs_confine_probe(const char *dir, char **how);
/* A render() status as plugin.h names it, with what it means:
 * "MKP_EIO (could not write the output)".  malloc'd. */
char *jobs_status_words(int rc);
/* DIR/<id>.<ext> or DIR/<id>-<plugin>/ in the model's default language
 * (its first; lang NULL means it), DIR/<id>.<lang>.<ext> or
 * DIR/<id>.<lang>-<plugin>/ in any other, so that editions live side by
 * side.  malloc'd. */
char *output_name(const loaded_plugin *p, const mkp_model *m, const char *lang, const char *dir);
#endif
