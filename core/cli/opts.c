/* opts.c - every command's options described once, in a table: getopt_long
 * reads the command line from it, each command's --help is printed from it
 * and the did-you-mean hints are found in it, so that what a command takes,
 * what its help says and what a misspelling is told cannot drift apart.
 * The man page, docs/cli.md and the shell completions are checked against
 * the help by tests/e2e/manual.sh. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "cli/cli.h"

/* Every command has these; -q and -v are also taken before the command. */
static const cli_opt common_opts[] = {
    {'q', "quiet", NULL, "say errors only: no warnings, no notes, no 'wrote' lines"},
    {'v', "verbose", NULL, "also say what is loaded and from where"},
    {'h', "help", NULL, "print this help and exit"},
    {0, NULL, NULL, NULL},
};

static const cli_opt validate_opts[] = {
    {OPT_STRICT, "strict", NULL, "every warning about a dataset is an error"},
    {0, NULL, NULL, NULL},
};

static const cli_opt forecast_opts[] = {
    {OPT_SUMMARY, "summary", NULL, "the key statistics (and scenarios) only"},
    {OPT_CSV, "csv", NULL, "series,year,value at full precision"},
    {OPT_JSON, "json", NULL, "every series with titles, shares, CAGRs and kinds"},
    {'l', "lang", "LANG", "titles in LANG, a language the dataset declares"},
    {'s', "scenario", "NAME", "present the dataset's scenario NAME"},
    {0, NULL, NULL, NULL},
};

static const cli_opt render_opts[] = {
    {'f', "format", "NAMES", "comma-separated plugin names (default: every plugin found)"},
    {'o', "output", "DIR", "output folder, made when missing (default: out); - for standard output"},
    {'P', "plugin-dir", "DIR", "search DIR for plugins first (repeatable)"},
    {'O', "option", "PLUGIN.KEY=VALUE", "set a plugin option (repeatable; see 'marketpress plugins')"},
    {'l', "lang", "LANGS", "languages of the outputs: a tag, tags joined by commas, or all"},
    {'s', "scenario", "NAME", "render the dataset's scenario NAME (outputs <id>-NAME.*)"},
    {'j', "jobs", "N", "jobs run at once, 1 to 256 (default: number of CPUs)"},
    {'t', "timeout", "SECONDS", "stop a job still running after SECONDS (default: 600)"},
    {OPT_TIMES, "times", NULL, "name each output with how long it took"},
    {OPT_MEMORY_LIMIT, "memory-limit", "SIZE", "address space per job, such as 512M or 2G"},
    {OPT_CPU_LIMIT, "cpu-limit", "SECONDS", "CPU seconds per job"},
    {OPT_NO_FSYNC, "no-fsync", NULL, "do not flush outputs to disk before moving them into place"},
    {OPT_STRICT, "strict", NULL, "every warning about a dataset is an error; nothing rendered"},
    {OPT_THEME, "theme", "FILE", "the house style (theme.yaml) for every dataset"},
    {OPT_LICENSEE, "licensee", "NAME", "license the copy to NAME (outputs in DIR/<id>/<name>/)"},
    {OPT_LICENCE_ID, "licence-id", "ID", "the licence's number, such as L-1234"},
    {OPT_SEATS, "seats", "N", "readers the licence covers: a number, or site"},
    {OPT_LICENCE_DATE, "licence-date", "DATE", "the day the licence was granted, YYYY-MM-DD"},
    {OPT_WATERMARK, "watermark", "TEXT", "set TEXT diagonally across every page"},
    {OPT_EDITION, "edition", "KIND", "full (default) or sample (outputs in DIR/<id>/sample/)"},
    {OPT_PERMISSIONS, "permissions", "LIST", "protect the copy; the reader may: none, or print,copy,modify"},
    {OPT_OWNER_PASSWORD, "owner-password-file", "FILE",
     "the password that lifts the permissions (else MARKETPRESS_OWNER_PASSWORD)"},
    {OPT_OPEN_PASSWORD, "open-password-file", "FILE",
     "a password the reader needs to open the copy (else MARKETPRESS_OPEN_PASSWORD)"},
    {OPT_CLIENTS, "clients", "FILE", "one copy per client listed in FILE (docs/editions.md)"},
    {0, NULL, NULL, NULL},
};

static const cli_opt plugins_opts[] = {
    {'P', "plugin-dir", "DIR", "search DIR for plugins first (repeatable)"},
    {0, NULL, NULL, NULL},
};

static const cli_opt check_opts[] = {
    {'t', "timeout", "SECONDS", "a run still going after SECONDS fails, and the check stops (default: 60)"},
    {OPT_MEMORY_BUDGET, "memory-budget", "MIB", "a run whose peak memory passes MIB MiB fails (default: 512)"},
    {OPT_NO_NAMESPACE, "no-namespace", NULL, "compare HOME, TMPDIR and the working folder before and after each run "
                                             "instead of confining it"},
    {0, NULL, NULL, NULL},
};

const cli_cmd cli_commands[] = {
    {"validate", "FILE...", "check datasets; print one line per good file", validate_opts,
     "A FILE of - is read from standard input and named <stdin> in messages.\n"
     "Exit status 2 when any file has an error."},
    {"forecast", "FILE", "print the key statistics and every series", forecast_opts,
     "A FILE of - is read from standard input and named <stdin> in messages."},
    {"render", "DATASET...", "render datasets with output plugins", render_opts,
     "A DATASET of - is read from standard input and named <stdin> in messages.\n"
     "-o - writes the one output to standard output: one dataset, one language and\n"
     "one plugin that writes a single file (csv, pdf, xlsx; not svg, which writes a folder).\n"
     "Outputs in another language than the dataset's first carry its tag:\n"
     "out/<id>.<lang>.pdf, out/<id>.<lang>-svg/."},
    {"plugins", "", "list output plugins and their options; -v adds the search path and refused files",
     plugins_opts, NULL},
    {"plugin-check", "FILE.so", "run a plugin against fixture models and report problems", check_opts, NULL},
    {"help", "[COMMAND]", "print the help of COMMAND, or this list", NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const cli_cmd *cli_find_command(const char *name)
{
    for (const cli_cmd *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/* Edits from a to b, a swap of two neighbours counting as one: "--lagn"
 * is one slip from "--lang", as typed. */
static size_t typo_distance(const char *a, const char *b)
{
    enum { MAX = 40 };
    size_t la = strlen(a), lb = strlen(b);
    if (la >= MAX || lb >= MAX)
        return MAX;
    size_t d[MAX + 1][MAX + 1];
    for (size_t i = 0; i <= la; i++)
        for (size_t j = 0; j <= lb; j++) {
            if (!i || !j) {
                d[i][j] = i + j;
                continue;
            }
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

/* The closest of `names` to `word`, when it is close enough to be a
 * misspelling (the rule the dataset loader uses for keys); else NULL. */
const char *cli_nearest(const char *word, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t bestd = 99, len = strlen(word);
    for (size_t i = 0; i < n; i++) {
        size_t d = typo_distance(word, names[i]);
        if (d < bestd) {
            bestd = d;
            best = names[i];
        }
    }
    return best && bestd <= (len < 5 ? 1u : len / 3 + 1) ? best : NULL;
}

/* The command's own options and then the common ones, as one walk. */
static const cli_opt *opt_at(const cli_cmd *c, size_t i)
{
    size_t own = 0;
    while (c->opts && c->opts[own].name)
        own++;
    return i < own ? &c->opts[i] : common_opts[i - own].name ? &common_opts[i - own] : NULL;
}

static void help_line(FILE *f, const cli_opt *o)
{
    char left[64];
    int n = o->key < 256 ? snprintf(left, sizeof left, "-%c, --%s", o->key, o->name)
                         : snprintf(left, sizeof left, "    --%s", o->name);
    if (o->arg && n > 0 && (size_t)n < sizeof left)
        snprintf(left + n, sizeof left - (size_t)n, "=%s", o->arg);
    if (strlen(left) > 26)
        fprintf(f, "  %s\n  %-26s %s\n", left, "", o->help);
    else
        fprintf(f, "  %-26s %s\n", left, o->help);
}

void cli_help(const cli_cmd *c, FILE *f)
{
    fprintf(f, "usage: marketpress %s [OPTIONS]%s%s\n%s\n", c->name, *c->operands ? " " : "", c->operands,
            c->summary);
    fputs("\noptions:\n", f);
    for (size_t i = 0; opt_at(c, i); i++)
        help_line(f, opt_at(c, i));
    if (c->notes)
        fprintf(f, "\n%s\n", c->notes);
    fputs("\nSee marketpress(1) for the full reference.\n", f);
}

void cli_usage_error(const cli_cmd *c, const char *fmt, ...)
{
    char *msg = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    say("marketpress %s: %s\nusage: marketpress %s [OPTIONS]%s%s ('marketpress %s --help' lists the options)",
        c->name, msg ? msg : "usage error", c->name, *c->operands ? " " : "", c->operands, c->name);
    free(msg);
}

void cli_begin(cli_parser *p, const cli_cmd *c, int argc, char **argv)
{
    memset(p, 0, sizeof *p);
    p->cmd = c;
    p->argc = argc;
    p->argv = argv;
    size_t n = 0;
    while (opt_at(c, n))
        n++;
    p->longs = xcalloc(n + 1, sizeof *p->longs);
    strbuf s = {0};
    sb_printf(&s, ":"); /* a missing value is ':', not '?' */
    for (size_t i = 0; i < n; i++) {
        const cli_opt *o = opt_at(c, i);
        p->longs[i] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL, o->key};
        if (o->key < 256)
            sb_printf(&s, "%c%s", o->key, o->arg ? ":" : "");
    }
    p->shorts = s.s;
    optind = 0; /* glibc: start afresh, whatever parsed before */
    opterr = 0;
}

void cli_end(cli_parser *p)
{
    free(p->longs);
    free(p->shorts);
}

/* The option as written, for a message: "-x", or "--name" without its
 * "=value". */
static char *as_written(const cli_parser *p)
{
    const char *w = optind > 0 && optind <= p->argc ? p->argv[optind - 1] : "?";
    if (optopt && !(w[0] == '-' && w[1] == '-'))
        return xprintf("-%c", optopt);
    return xstrndup(w, strcspn(w, "="));
}

/* "unknown option '--strct'; did you mean '--strict'?", or the options a
 * prefix could stand for. */
static void unknown_option(const cli_cmd *c, const char *w)
{
    const char *names[64];
    size_t n = 0, prefixed = 0;
    strbuf b = {0};
    for (size_t i = 0; opt_at(c, i) && n < 64; i++) {
        names[n] = opt_at(c, i)->name;
        if (w[1] == '-' && w[2] && strncmp(names[n], w + 2, strlen(w + 2)) == 0)
            sb_printf(&b, "%s--%s", prefixed++ ? ", " : "", names[n]);
        n++;
    }
    const char *near = w[1] == '-' ? cli_nearest(w + 2, names, n) : NULL;
    if (prefixed > 1)
        cli_usage_error(c, "option '%s' is ambiguous: %s", w, b.s);
    else if (near)
        cli_usage_error(c, "unknown option '%s'; did you mean '--%s'?", w, near);
    else
        cli_usage_error(c, "unknown option '%s'", w);
    free(b.s);
}

/* An option that getopt_long did not take: unknown (with a hint),
 * ambiguous, a flag given a value, or a value missing. */
static void refuse(const cli_parser *p, int got)
{
    char *w = as_written(p);
    const cli_opt *decl = NULL;
    for (size_t i = 0; opt_at(p->cmd, i); i++) {
        const cli_opt *o = opt_at(p->cmd, i);
        if ((optopt && o->key == optopt) || (w[1] == '-' && strcmp(o->name, w + 2) == 0))
            decl = o;
    }
    if (got == ':' && decl)
        cli_usage_error(p->cmd, "option %s needs a value (%s)", w, decl->arg);
    else if (decl && w[1] == '-')
        cli_usage_error(p->cmd, "option %s takes no value", w);
    else
        unknown_option(p->cmd, w);
    free(w);
}

int cli_next(cli_parser *p)
{
    for (;;) {
        optopt = 0;
        int k = getopt_long(p->argc, p->argv, p->shorts, p->longs, NULL);
        p->value = optarg;
        if (k == -1) {
            p->first = optind;
            return CLI_END;
        }
        if (k == '?' || k == ':') {
            refuse(p, k);
            return CLI_BAD;
        }
        if (k == 'h') {
            cli_help(p->cmd, stdout);
            return CLI_HELP;
        }
        if (k == 'q' || k == 'v') {
            diag_verbosity = k == 'q' ? VERBOSITY_QUIET : VERBOSITY_VERBOSE;
            continue;
        }
        return k;
    }
}
