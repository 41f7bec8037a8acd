/* marketpress/plugin.h - the contract between marketpress and its output
 * plugins.  A plugin is a shared object that exports one function,
 * MKP_ENTRY_NAME, returning a const descriptor.  This header (with model.h)
 * is all a plugin needs to build: no host library to link against.
 *
 * Compatibility: the ABI major is part of the entry symbol's name, so a
 * plugin built for another major is refused by name, never half-loaded.
 * Within a major, structures only grow at their end; every structure starts
 * with its size so both sides can tell what the other knows. */
#ifndef MARKETPRESS_PLUGIN_H
#define MARKETPRESS_PLUGIN_H

#include <stdarg.h>
#include <stddef.h>

#include "chart.h"
#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

#define MKP_ABI_MAJOR 1
#define MKP_ABI_MINOR 0

/* The entry symbol: "mkp_plugin_entry_v1" for ABI major 1. */
#define MKP_ENTRY mkp_plugin_entry_v1
#define MKP_ENTRY_NAME "mkp_plugin_entry_v1"

#if defined(__GNUC__)
#define MKP_EXPORT __attribute__((visibility("default")))
#else
#define MKP_EXPORT
#endif

/* Status codes returned by a plugin's render(), one comment each. */
typedef enum mkp_status {
    MKP_OK = 0,                     /* output written completely */
    MKP_ERROR = -1,                 /* failed; the reason went to diag() */
    MKP_EIO = -2,                   /* could not write the output */
    MKP_EMODEL = -3                 /* the model has something it cannot present */
} mkp_status;

/* Option types a plugin can declare. */
typedef enum mkp_option_type {
    MKP_OPT_BOOL = 0,               /* true|false|yes|no|1|0 */
    MKP_OPT_INT = 1,                /* a decimal integer within [min, max] */
    MKP_OPT_NUMBER = 2,             /* a decimal number within [min, max] */
    MKP_OPT_STRING = 3,             /* any text */
    MKP_OPT_CHOICE = 4              /* one of `choices`, separated by '|' */
} mkp_option_type;

typedef struct mkp_option {
    const char *name;               /* [a-z0-9-]+; set as -O plugin.name=value */
    mkp_option_type type;
    const char *default_value;      /* as it would be typed on the command line */
    const char *help;               /* one line */
    const char *choices;            /* MKP_OPT_CHOICE: "a4|letter" */
    double min, max;                /* MKP_OPT_INT and MKP_OPT_NUMBER */
} mkp_option;

/* Diagnostic levels for host->diag(). */
typedef enum mkp_level {
    MKP_NOTE = 0,
    MKP_WARNING = 1,
    MKP_FAIL = 2
} mkp_level;

typedef struct mkp_job mkp_job;

/* The host's functions.  Append-only within an ABI major: a plugin that
 * uses a member added by a later minor checks `size` first. */
typedef struct mkp_host {
    size_t size;                    /* sizeof(mkp_host) of the host */
    int abi_major, abi_minor;
    const char *version;            /* marketpress version, "0.1.0" */

    /* Text in `lang`, falling back to "en", then to the first entry, then
     * to "".  Never NULL. */
    const char *(*text)(const mkp_text *t, const char *lang);

    /* Locale-independent number formatting into buf (always terminated).
     * format_number: fixed `decimals`, ',' thousands groups when `group`.
     * format_percent: a fraction as a percentage, 0.0943 -> "9.43%".
     * Both return the length written. */
    size_t (*format_number)(char *buf, size_t cap, double v, int decimals, int group);
    size_t (*format_percent)(char *buf, size_t cap, double fraction, int decimals);

    /* Shares of a sibling set rounded to `decimals` places so that the
     * rounded values add up to exactly 100 (largest remainder).  Writes n
     * percentages into out. */
    void (*round_shares)(const double *fractions, size_t n, int decimals, double *out);

    /* The value of an option declared by the plugin, as text (the default
     * when not set on the command line).  NULL for an undeclared name. */
    const char *(*option)(const mkp_job *job, const char *name);

    /* Report a note, warning or failure; the host prefixes the plugin's
     * name and the dataset. */
    void (*diag)(const mkp_job *job, mkp_level level, const char *fmt, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 3, 4)))
#endif
        ;

    /* The chart engine: lay `figure` out on a width x height canvas in
     * `lang`, measuring text with `measure`.  Returns a scene that the
     * caller frees with scene_free(), or NULL when out of memory. */
    const mkp_scene *(*chart_layout)(const mkp_figure *figure, const char *lang, double width, double height,
                                     mkp_measure_fn measure, void *measure_ctx);
    void (*scene_free)(const mkp_scene *scene);
} mkp_host;

/* One rendering job: one model, one plugin, one output. */
struct mkp_job {
    size_t size;                    /* sizeof(mkp_job) of the host */
    const mkp_host *host;
    const mkp_model *model;
    const char *lang;               /* "en" or "zh-CN", ... */
    /* Where to write.  For a single-file plugin, a file path the plugin
     * creates; for a MKP_PLUGIN_DIRECTORY plugin, an existing empty folder
     * that the plugin fills.  It is a temporary name: the host moves it into
     * place when render() returns MKP_OK, and removes it otherwise.  Write
     * nowhere else. */
    const char *output_path;
    const char *plugin_dir;         /* the folder the plugin was loaded from */
    void *host_data;                /* the host's; do not touch */
};

/* Descriptor flags. */
#define MKP_PLUGIN_DIRECTORY 0x01u  /* writes several files into a folder
                                       DIR/<id>-<name>/ instead of DIR/<id>.<ext> */

typedef struct mkp_plugin {
    size_t size;                    /* sizeof(mkp_plugin) the plugin was built with */
    int abi_major;                  /* MKP_ABI_MAJOR */
    int abi_minor;                  /* MKP_ABI_MINOR */
    const char *name;               /* [a-z0-9-]+, unique: "pdf", "csv" */
    const char *version;            /* the plugin's own version */
    const char *description;        /* one line */
    const char *extension;          /* output file extension, "pdf" */
    unsigned flags;                 /* MKP_PLUGIN_* */
    size_t n_options;
    const mkp_option *options;
    /* Render job->model into job->output_path.  Runs in its own process:
     * a crash costs only this output.  Return MKP_OK or a negative status. */
    int (*render)(const mkp_job *job);
} mkp_plugin;

/* The one symbol a plugin exports.  The host passes its function table,
 * which stays valid for as long as the plugin is loaded. */
typedef const mkp_plugin *(*mkp_entry_fn)(const mkp_host *host);

/* Define it in your plugin as:
 *     MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *host) { ... } */
MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *host);

#ifdef __cplusplus
}
#endif
#endif
