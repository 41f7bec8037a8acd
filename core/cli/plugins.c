/* plugins.c - the `plugins` command: every plugin found, with its options,
 * and with -v the search path and every file refused, with the reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "cli/cli.h"
#include "host/host.h"

static const char *type_name(mkp_option_type t)
{
    static const char *const names[] = {"bool", "int", "number", "string", "choice"};
    return t <= MKP_OPT_CHOICE ? names[t] : "?";
}

int cmd_plugins(int argc, char **argv)
{
    strs dirs = {0};
    int got;
    cli_parser p;
    cli_begin(&p, cli_find_command("plugins"), argc, argv);
    while ((got = cli_next(&p)) >= 0)
        if (got == 'P')
            strs_push(&dirs, p.value);
    cli_end(&p);
    if (got == CLI_END && p.first < argc) {
        cli_usage_error(p.cmd, "unexpected argument '%s'", argv[p.first]);
        got = CLI_BAD;
    }
    if (got != CLI_END) {
        free(dirs.v);
        return got == CLI_HELP ? 0 : 2;
    }
    int verbose = diag_verbosity >= VERBOSITY_VERBOSE;
    plugin_set ps;
    plugins_discover(&ps, dirs.v, dirs.n);
    printf("%-16s %-8s %-5s %-10s %s\n", "NAME", "VERSION", "ABI", "OUTPUT", "PATH");
    for (size_t i = 0; i < ps.n; i++) {
        const mkp_plugin *d = ps.v[i].desc;
        char out[64];
        if (d->flags & MKP_PLUGIN_DIRECTORY)
            snprintf(out, sizeof out, "<id>-%s/", d->name);
        else
            snprintf(out, sizeof out, "<id>.%s", d->extension);
        printf("%-16s %-8s %d.%-3d %-10s %s\n", d->name, d->version ? d->version : "?", d->abi_major, d->abi_minor,
               out, ps.v[i].path);
        if (d->description)
            printf("    %s\n", d->description);
        for (size_t k = 0; k < d->n_options; k++) {
            const mkp_option *o = &d->options[k];
            printf("    -O %s.%s=%s  (%s", d->name, o->name, o->default_value ? o->default_value : "",
                   type_name(o->type));
            if (o->type == MKP_OPT_CHOICE)
                printf(": %s", o->choices);
            else if ((o->type == MKP_OPT_INT || o->type == MKP_OPT_NUMBER) && o->min < o->max)
                printf(", %g to %g", o->min, o->max);
            printf(")  %s\n", o->help ? o->help : "");
        }
    }
    if (!ps.n)
        puts("(no plugins found)");
    if (verbose) {
        puts("\nsearch path:");
        for (size_t i = 0; i < ps.n_dirs; i++)
            printf("  %s\n", ps.dirs[i]);
        printf("\nrefused (%zu):\n", ps.n_refused);
        for (size_t i = 0; i < ps.n_refused; i++)
            printf("  %s: %s\n", ps.refused[i].path, ps.refused[i].reason);
    } else if (ps.n_refused) {
        printf("\n%zu file(s) refused; 'marketpress plugins -v' says why\n", ps.n_refused);
    }
    plugins_free(&ps);
    free(dirs.v);
    return 0;
}
