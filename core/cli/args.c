/* args.c - what the commands share in reading their arguments and their
 * datasets: argument lists, a dataset opened with every check (from a file,
 * or from standard input for "-"), and the languages a dataset declares as
 * --lang names them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "cli/cli.h"

void strs_push(strs *s, char *x)
{
    s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
    s->v[s->n++] = x;
}

/* As much as the loader takes from a file. */
#define MAX_STDIN_BYTES (64u << 20)

/* Standard input, read whole; NULL after a line saying why. */
static unsigned char *read_stdin(size_t *len)
{
    size_t cap = 1 << 16;
    unsigned char *buf = xmalloc(cap);
    *len = 0;
    for (;;) {
        *len += fread(buf + *len, 1, cap - *len, stdin);
        if (*len < cap)
            break;
        if (cap >= MAX_STDIN_BYTES) {
            say("%s: error: larger than %u MiB: not a dataset", CMD_STDIN_NAME, MAX_STDIN_BYTES >> 20);
            free(buf);
            return NULL;
        }
        buf = xrealloc(buf, cap * 2);
        cap *= 2;
    }
    if (ferror(stdin)) {
        say("%s: error: cannot read: %s", CMD_STDIN_NAME, strerror(errno));
        free(buf);
        return NULL;
    }
    return buf;
}

/* A dataset with the checks its command asks for (mdl_open_checked). */
mkp_doc *cmd_open(const char *path, const char *scenario, int flags)
{
    int checks = (flags & OPEN_CHECKS) != 0, strict = (flags & OPEN_STRICT) != 0;
    mkp_doc *doc;
    if (strcmp(path, "-") != 0) {
        doc = mdl_open_checked(path, scenario, checks, strict);
    } else {
        size_t len;
        unsigned char *buf = read_stdin(&len);
        doc = buf ? mdl_open_buffer_checked(CMD_STDIN_NAME, buf, len, scenario, checks, strict) : NULL;
        free(buf);
    }
    if (doc) {
        char *langs = cmd_lang_list(doc->model);
        say_verbose("marketpress: dataset %s from %s (languages %s%s%s)", doc->model->id,
                    strcmp(path, "-") == 0 ? "standard input" : path, langs, scenario ? ", scenario " : "",
                    scenario ? scenario : "");
        free(langs);
    }
    return doc;
}

const char *cmd_dataset_name(const char *path)
{
    return strcmp(path, "-") == 0 ? CMD_STDIN_NAME : path;
}

int cmd_one_stdin(const cli_cmd *c, char *const *paths, size_t n)
{
    size_t dashes = 0;
    for (size_t i = 0; i < n; i++)
        dashes += strcmp(paths[i], "-") == 0;
    if (dashes < 2)
        return 0;
    cli_usage_error(c, "- (standard input) is given %zu times; it can be read once", dashes);
    return -1;
}

/* Language tags are case-insensitive (RFC 5646): zh-cn names zh-CN. */
const char *cmd_find_lang(const mkp_model *m, const char *want)
{
    for (size_t i = 0; i < m->n_languages; i++)
        if (strcasecmp(m->languages[i], want) == 0)
            return m->languages[i];
    return NULL;
}

char *cmd_lang_list(const mkp_model *m)
{
    strbuf b = {0};
    for (size_t i = 0; i < m->n_languages; i++)
        sb_printf(&b, "%s%s", i ? ", " : "", m->languages[i]);
    return b.s ? b.s : xstrdup("");
}

void cmd_no_lang(const char *cmd, const char *want, const char *path, const mkp_model *m)
{
    char *list = cmd_lang_list(m);
    /* zh_CN, as locales write it, for zh-CN */
    char *dashed = xstrdup(want);
    for (char *p = dashed; *p; p++)
        *p = *p == '_' ? '-' : *p;
    const char *near = cmd_find_lang(m, dashed);
    say("marketpress %s: --lang %s: %s declares %s%s%s%s", cmd, want, path, list, near ? "; did you mean " : "",
        near ? near : "", near ? "?" : "");
    free(dashed);
    free(list);
}
