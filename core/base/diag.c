/* diag.c - one line per problem, in the format editors and CI parse, and
 * say() for the rest.  Each line is handed to the stream whole, and to
 * standard error with a single write(). */
#include "base/diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/alloc.h"

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

int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Short lines are formatted on the stack, so that a job short of memory
 * can still say why it failed. */
void vsay(const char *fmt, va_list ap)
{
    char small[1024];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small - 1, fmt, ap);
    if (n >= 0 && (size_t)n < sizeof small - 1) {
        small[n] = '\n';
        write_all(2, small, (size_t)n + 1);
    } else if (n >= 0) {
        char *big = malloc((size_t)n + 2); /* not xmalloc: without memory, the line is cut */
        if (big)
            vsnprintf(big, (size_t)n + 1, fmt, again);
        char *line = big ? big : small;
        size_t len = big ? (size_t)n : sizeof small - 2;
        line[len] = '\n';
        write_all(2, line, len + 1);
        free(big);
    }
    va_end(again);
}

void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
}
