/* args.c - what the commands share in reading their arguments and their
 * datasets: argument lists, a dataset opened with every check, and the
 * languages a dataset declares as --lang names them. */
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

/* A dataset with the checks its command asks for (mdl_open_checked). */
mkp_doc *cmd_open(const char *path, const char *scenario, int flags)
{
    return mdl_open_checked(path, scenario, (flags & OPEN_CHECKS) != 0, (flags & OPEN_STRICT) != 0);
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
