/* diag.c - one line per problem, in the format editors and CI parse. */
#include "diag.h"

#include <stdarg.h>

void diag_init(diag_ctx *d, const char *file, FILE *out)
{
    d->file = file;
    d->out = out ? out : stderr;
    d->errors = d->warnings = 0;
    d->max_errors = 20;
}

static void emit(diag_ctx *d, const char *kind, int line, int col, const char *fmt, va_list ap)
{
    if (line > 0)
        fprintf(d->out, "%s:%d:%d: %s: ", d->file, line, col > 0 ? col : 1, kind);
    else
        fprintf(d->out, "%s: %s: ", d->file, kind);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
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
