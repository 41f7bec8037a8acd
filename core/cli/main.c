/* main.c - the marketpress command line: which command, the help, and the
 * checks every command shares (SOURCE_DATE_EPOCH before anything is read,
 * a standard output that took everything).  Exit status: 0 ok, 1 a plugin
 * failed or an output could not be written, 2 bad input or usage, 3 out
 * of memory. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/date.h"
#include "base/diag.h"
#include "cli/cli.h"
#include "marketpress/plugin.h"


static void usage(FILE *f)
{
    fputs("usage: marketpress COMMAND [OPTIONS] ...\n"
          "\n"
          "commands:\n"
          "  validate [--strict] FILE...\n"
          "                             check datasets; print one line per file\n"
          "  forecast FILE [--summary|--csv|--json] [--lang LANG] [--scenario NAME]\n"
          "                             print the key statistics and every series\n"
          "  render DATASET... [-f NAMES] [-o DIR] [-P DIR] [-O plugin.key=value]\n"
          "         [--lang LANG[,LANG...]|all] [--scenario NAME] [-j N] [--timeout SECONDS]\n"
          "         [--times] [--strict]\n"
          "                             render datasets with output plugins (default: all, into out/);\n"
          "                             a language other than the dataset's first is named in the\n"
          "                             outputs: out/<id>.<lang>.pdf, out/<id>.<lang>-svg/\n"
          "  plugins [-P DIR] [-v]      list output plugins; -v also lists refused files\n"
          "  plugin-check FILE.so       run a plugin against fixture models and report problems\n"
          "\n"
          "options:\n"
          "  --help, -h                 this help\n"
          "  --version                  print the version\n"
          "\n"
          "Dataset errors print 'file:line:col: error: message' and exit 2; so do warnings\n"
          "with --strict (validate, render), such as a text missing in a declared language.\n"
          "See docs/cli.md for the full reference.\n",
          f);
}

static int run(int argc, char **argv);

/* Whatever the command, what it printed must have reached its standard
 * output: a full disk or a closed pipe is an error, not a success. */
int main(int argc, char **argv)
{
    long long epoch;
    if (date_source_epoch(&epoch) < 0) {
        say("marketpress: SOURCE_DATE_EPOCH=%s: give whole seconds since 1970-01-01, at most %lld "
            "(9999-12-31 23:59:59 UTC)",
            getenv("SOURCE_DATE_EPOCH"), DATE_EPOCH_MAX);
        return 2;
    }
    int rc = run(argc, argv);
    if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
        say("marketpress: cannot write to standard output: %s", strerror(errno ? errno : EIO));
        if (rc == 0)
            rc = 1;
    }
    return rc;
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("marketpress %s (plugin ABI %d.%d)\n", MKP_VERSION, MKP_ABI_MAJOR, MKP_ABI_MINOR);
        return 0;
    }
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        }
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(argc - 2, argv + 2);
    if (strcmp(cmd, "forecast") == 0)
        return cmd_forecast(argc - 2, argv + 2);
    if (strcmp(cmd, "render") == 0)
        return cmd_render(argc - 2, argv + 2);
    if (strcmp(cmd, "plugins") == 0)
        return cmd_plugins(argc - 2, argv + 2);
    if (strcmp(cmd, "plugin-check") == 0)
        return cmd_plugin_check(argc - 2, argv + 2);
    fprintf(stderr, "marketpress: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
