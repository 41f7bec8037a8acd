/* cli.h - the cli room: the marketpress program's commands, one file each
 * (main.c dispatches), at the top of the pipeline: they call the host and
 * the model, nothing calls them.  Prefix cmd_. */
#ifndef MKP_CLI_H
#define MKP_CLI_H
#include <stddef.h>
#include <stdio.h>

#include "host/host.h"
#include "model/model.h"

/* ---- options (opts.c): one table per command ------------------------------ */

/* One option: its short letter (or an OPT_ key for a long-only one), its
 * long name, the name of its value (NULL for a flag) and one line of help. */
typedef struct cli_opt {
    int key;
    const char *name;
    const char *arg;
    const char *help;
} cli_opt;

enum { OPT_STRICT = 256, OPT_SUMMARY, OPT_CSV, OPT_JSON, OPT_TIMES, OPT_MEMORY_LIMIT, OPT_CPU_LIMIT, OPT_NO_FSYNC,
       OPT_MEMORY_BUDGET, OPT_NO_NAMESPACE, OPT_THEME, OPT_CLIENTS, OPT_LICENSEE, OPT_LICENCE_ID, OPT_SEATS,
       OPT_LICENCE_DATE, OPT_WATERMARK, OPT_EDITION, OPT_PERMISSIONS, OPT_OWNER_PASSWORD, OPT_OPEN_PASSWORD };

typedef struct cli_cmd {
    const char *name;
    const char *operands;           /* "FILE...", "" */
    const char *summary;            /* one line */
    const cli_opt *opts;            /* ends with a NULL name; -q, -v, -h come with every command */
    const char *notes;              /* lines printed after the options, or NULL */
} cli_cmd;

extern const cli_cmd cli_commands[]; /* ends with a NULL name */
const cli_cmd *cli_find_command(const char *name);
/* The closest of `names` to `word` when it looks like a misspelling of it. */
const char *cli_nearest(const char *word, const char *const *names, size_t n);
void cli_help(const cli_cmd *c, FILE *f);
/* "marketpress CMD: MESSAGE" and the command's usage line, on stderr. */
void cli_usage_error(const cli_cmd *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* getopt_long over a command's table: long and short forms, --opt=value,
 * bundled short options, --, operands anywhere.  -q and -v set
 * diag_verbosity and are not returned. */
typedef struct cli_parser {
    const cli_cmd *cmd;
    int argc;
    char **argv;                    /* argv[0] is the command's name */
    struct option *longs;
    char *shorts;
    char *value;                    /* the value of the option just returned (in argv) */
    int first;                      /* at CLI_END: the operands are argv[first..argc) */
} cli_parser;

/* cli_next's answers besides an option's key: no more options; the help
 * was printed (exit 0); a usage error was said (exit 2). */
enum { CLI_END = -1, CLI_HELP = -2, CLI_BAD = -3 };
void cli_begin(cli_parser *p, const cli_cmd *c, int argc, char **argv);
int cli_next(cli_parser *p);
void cli_end(cli_parser *p);

/* ---- commands: each takes argv[0] = its own name ------------------------- */

int cmd_validate(int argc, char **argv);
int cmd_forecast(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_plugins(int argc, char **argv);
int cmd_plugin_check(int argc, char **argv);

/* A growing list of arguments (the strings stay the caller's). */
typedef struct strs {
    char **v;
    size_t n;
} strs;
void strs_push(strs *s, char *x);

/* Loads, builds and checks a dataset, printing its problems on standard
 * error as file:line:col; NULL when it has errors.  OPEN_CHECKS adds the
 * consistency checks that only warn; OPEN_STRICT (--strict) makes every
 * warning an error, and implies them.  Free with ds_free. */
enum { OPEN_CHECKS = 1, OPEN_STRICT = 2 };
/* A path of "-" is standard input, named CMD_STDIN_NAME in messages. */
mkp_doc *cmd_open(const char *path, const char *scenario, int flags);
#define CMD_STDIN_NAME "<stdin>"
/* What messages call the dataset at `path`: the path, or <stdin>. */
const char *cmd_dataset_name(const char *path);
/* Standard input can be read once: -1 after a usage line when `paths`
 * holds "-" more than once. */
int cmd_one_stdin(const cli_cmd *c, char *const *paths, size_t n);
/* The language m declares that `want` names, in any case; NULL if none. */
const char *cmd_find_lang(const mkp_model *m, const char *want);
/* "en, zh-CN": the languages m declares (malloc'd). */
char *cmd_lang_list(const mkp_model *m);
/* The line for --lang WANT that the dataset at `path` does not declare:
 * "marketpress CMD: --lang klingon: PATH declares en, zh-CN". */
void cmd_no_lang(const char *cmd, const char *want, const char *path, const mkp_model *m);
/* ---- editions (editions.c): the house style and the copies of a render ---- */

/* What the command line says of them, as given. */
typedef struct edition_args {
    const char *theme, *clients;
    const char *licensee, *licence_id, *seats, *licence_date, *watermark, *edition, *permissions;
    const char *owner_password_file, *open_password_file;
} edition_args;

typedef struct edition_set {
    arena a;
    size_t n;                       /* copies of every dataset, at least 1 */
    mkp_copy *v;                    /* slug "": the outputs' usual place */
    ds_clients *clients;
    ds_theme **themes;              /* every theme read */
    size_t n_themes;
} edition_set;

/* Takes --theme, --clients, --licensee, ... into ea: 1, or 0 for another key. */
int cmd_edition_option(edition_args *ea, int key, const char *v);
/* The copies: one per client of --clients, else the one the flags describe
 * (the unlicensed full edition without any).  0, or 2 after lines. */
int cmd_editions(const edition_args *ea, edition_set *es);
/* Gives each loaded dataset its theme; 0, or 2 after a theme's errors. */
int cmd_themes(const edition_args *ea, edition_set *es, mkp_doc **docs, size_t n);
void cmd_editions_free(edition_set *es);

#endif
