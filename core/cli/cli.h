/* cli.h - the cli room: the marketpress program's commands, one file each
 * (main.c dispatches), at the top of the pipeline: they call the host and
 * the model, nothing calls them.  Prefix cmd_. */
#ifndef MKP_CLI_H
#define MKP_CLI_H
#include <stddef.h>

#include "model/model.h"

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
mkp_doc *cmd_open(const char *path, const char *scenario, int flags);
/* The language m declares that `want` names, in any case; NULL if none. */
const char *cmd_find_lang(const mkp_model *m, const char *want);
/* "en, zh-CN": the languages m declares (malloc'd). */
char *cmd_lang_list(const mkp_model *m);
/* The line for --lang WANT that the dataset at `path` does not declare:
 * "marketpress CMD: --lang klingon: PATH declares en, zh-CN". */
void cmd_no_lang(const char *cmd, const char *want, const char *path, const mkp_model *m);
#endif
