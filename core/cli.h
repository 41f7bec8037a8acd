/* cli.h - the commands of the marketpress program, one function each. */
#ifndef MKP_CLI_H
#define MKP_CLI_H
#include "model_int.h"

extern const char *const mkp_version;


int cmd_render(int argc, char **argv);
int cmd_plugins(int argc, char **argv);
int cmd_plugin_check(int argc, char **argv);
#endif
