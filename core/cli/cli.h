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
#endif
