/* main.c - the marketpress command line: which command, the help, and the
 * checks every command shares (SOURCE_DATE_EPOCH before anything is read,
 * a standard output that took everything).  Exit status: 0 ok, 1 a plugin
 * failed or an output could not be written, 2 bad input or usage, 3 out
 * of memory. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/date.h"
#include "base/diag.h"
#include "cli/cli.h"
#include "marketpress/plugin.h"


/* The list of commands, from the same table as each command's help. */
static void usage(FILE *f)
{
    fputs("usage: marketpress [-q|-v] COMMAND [OPTIONS] [ARGUMENTS]\n"
          "       marketpress help COMMAND | COMMAND --help\n"
          "       marketpress --version | --help\n"
          "\ncommands:\n",
          f);
    for (const cli_cmd *c = cli_commands; c->name; c++)
        fprintf(f, "  %-14s %s\n", c->name, c->summary);
    fputs("\noptions:\n"
          "  -q, --quiet    say errors only\n"
          "  -v, --verbose  also say what is loaded and from where\n"
          "  -V, --version  print the version and exit\n"
          "  -h, --help     print this help and exit\n"
          "\nDataset errors print 'file:line:col: error: message' and exit 2; so do warnings\n"
          "with --strict (validate, render).  A dataset of - is read from standard input.\n",
          f);
    struct stat st;
    if (stat(MKP_DATA_DIR "/datasets", &st) == 0)
        fputs("Example datasets: " MKP_DATA_DIR "/datasets\n", f);
    fputs("See marketpress(1) for the full reference.\n", f);
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

static void version(void)
{
    printf("marketpress %s (plugin ABI %d.%d)\n", MKP_VERSION, MKP_ABI_MAJOR, MKP_ABI_MINOR);
    say_verbose("marketpress: plugins in %s, data in %s", MKP_PLUGIN_DIR, MKP_DATA_DIR);
}

/* "unknown command 'rendr'; did you mean 'render'?" */
static void unknown_command(const char *word)
{
    const char *names[16];
    size_t n = 0;
    for (const cli_cmd *c = cli_commands; c->name && n < 16; c++)
        names[n++] = c->name;
    const char *near = cli_nearest(word, names, n);
    say("marketpress: unknown command '%s'%s%s%s (see 'marketpress --help')", word, near ? "; did you mean '" : "",
        near ? near : "", near ? "'?" : "");
}

/* `marketpress help [COMMAND]` */
static int help(int argc, char **argv)
{
    if (argc < 2) {
        usage(stdout);
        return 0;
    }
    const cli_cmd *c = cli_find_command(argv[1]);
    if (!c) {
        unknown_command(argv[1]);
        return 2;
    }
    if (strcmp(c->name, "help") == 0)
        usage(stdout);
    else
        cli_help(c, stdout);
    return 0;
}

/* The options before the command: -q, -v, --help, --version.  Returns the
 * index of the command, or the exit status as -1 - status. */
static int global_options(int argc, char **argv)
{
    static const struct option longs[] = {{"help", no_argument, NULL, 'h'},
                                          {"version", no_argument, NULL, 'V'},
                                          {"quiet", no_argument, NULL, 'q'},
                                          {"verbose", no_argument, NULL, 'v'},
                                          {NULL, 0, NULL, 0}};
    opterr = 0;
    optopt = 0;
    int k, shown = 0;
    /* "+": stop at the command; its options are its own */
    while ((k = getopt_long(argc, argv, "+hVqv", longs, NULL)) != -1) {
        if (k == 'h' || k == 'V') {
            if (!shown++)
                k == 'h' ? usage(stdout) : version();
        } else if (k == 'q' || k == 'v') {
            diag_verbosity = k == 'q' ? VERBOSITY_QUIET : VERBOSITY_VERBOSE;
        } else {
            char letter[3] = {'-', (char)optopt, '\0'};
            const char *w = argv[optind - 1];
            say("marketpress: unknown option '%s' before the command (see 'marketpress --help')",
                optopt && w[1] != '-' ? letter : w);
            return -1 - 2;
        }
        optopt = 0;
    }
    if (shown)
        return -1 - 0;
    if (optind >= argc) {
        usage(stderr);
        return -1 - 2;
    }
    return optind;
}

static int run(int argc, char **argv)
{
    int at = global_options(argc, argv);
    if (at < 0)
        return -1 - at;
    const char *cmd = argv[at];
    int n = argc - at;
    char **v = argv + at;
    if (strcmp(cmd, "help") == 0)
        return help(n, v);
    if (strcmp(cmd, "version") == 0) {
        version();
        return 0;
    }
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(n, v);
    if (strcmp(cmd, "forecast") == 0)
        return cmd_forecast(n, v);
    if (strcmp(cmd, "render") == 0)
        return cmd_render(n, v);
    if (strcmp(cmd, "plugins") == 0)
        return cmd_plugins(n, v);
    if (strcmp(cmd, "plugin-check") == 0)
        return cmd_plugin_check(n, v);
    unknown_command(cmd);
    return 2;
}
