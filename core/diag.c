/* diag.c - one line per problem, in the format editors and CI parse.  Each
 * line is handed to the stream whole, and to standard error with a single
 * write(), so that it never merges with another process's output. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util.h"

void diag_init(diag_ctx *d, const char *file, FILE *out)
{
    d->file = file;
    d->out = out ? out : stderr;
    d->errors = d->warnings = 0;
    d->max_errors = 20;
}

static void emit(diag_ctx *d, const char *kind, int line, int col, const char *fmt, va_list ap)
{
    strbuf b = {0};
    if (line > 0)
        sb_printf(&b, "%s:%d:%d: %s: ", d->file, line, col > 0 ? col : 1, kind);
    else
        sb_printf(&b, "%s: %s: ", d->file, kind);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    sb_printf(&b, "%s", msg ? msg : "(out of memory)");
    free(msg);
    if (d->out == stderr) {
        say("%s", b.s);
    } else {
        sb_printf(&b, "\n");
        fputs(b.s, d->out);
    }
    free(b.s);
}

void diag_error(diag_ctx *d, int line, int col, const char *fmt, ...)
{
    if (++d->errors > d->max_errors)
        return;
    va_list ap;
    va_start(ap, fmt);
    emit(d, "error", line, col, fmt, ap);
    va_end(ap);
}

void diag_warning(diag_ctx *d, int line, int col, const char *fmt, ...)
{
    d->warnings++;
    va_list ap;
    va_start(ap, fmt);
    emit(d, "warning", line, col, fmt, ap);
    va_end(ap);
}
