/* diag.c - one line per problem, in the format editors and CI parse, and
 * say() for the rest.  Each line is handed to the stream whole, and to
 * standard error with a single write(). */
#include "base/diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "marketpress/text.h"

int diag_verbosity = VERBOSITY_NORMAL;

void diag_init(diag_ctx *d, const char *file, FILE *out)
{
    d->file = file;
    d->out = out ? out : stderr;
    d->errors = d->warnings = 0;
    d->max_errors = d->max_warnings = 20;
    d->errors_shown = d->warnings_shown = 0;
    d->errors_cut = d->warnings_cut = 0;
    d->strict = 0;
}

/* The longest message, in bytes: what a dataset gives is quoted in
 * messages, and a 5 MB value quoted whole helps nobody. */
#define MESSAGE_MAX 600

/* Appends `msg` to b as it may reach a terminal: cut at MESSAGE_MAX (at a
 * character boundary, with "..."), and every control character written
 * out as \xNN (a newline would split the line, an escape sequence would
 * act on the terminal). */
static void put_safe(strbuf *b, const char *msg)
{
    size_t len = strlen(msg), i = 0;
    while (i < len) {
        if (i >= MESSAGE_MAX) {
            sb_printf(b, "...");
            return;
        }
        size_t at = i;
        uint32_t c = mkp_utf8_next(msg, len, &i);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            sb_printf(b, "\\x%02X", (unsigned)c);
        else if (c == 0xFFFD && !(i - at == 3 && memcmp(msg + at, "\xEF\xBF\xBD", 3) == 0))
            sb_printf(b, "\\x%02X", (unsigned char)msg[at]);
        else
            sb_printf(b, "%.*s", (int)(i - at), msg + at);
    }
}

/* Hands one finished line to the diagnostics' stream. */
static void put_line(diag_ctx *d, strbuf *b)
{
    if (d->out == stderr) {
        say("%s", b->s);
    } else {
        sb_printf(b, "\n");
        fputs(b->s, d->out);
    }
    free(b->s);
}

/* "file:line:col: kind: message", or "file: kind: message" for the file as
 * a whole; `tail` is added after the message (never cut). */
static void emit(diag_ctx *d, const char *kind, int line, int col, const char *tail, const char *fmt, va_list ap)
{
    /* -q: errors only; what is only a warning or a note is still counted */
    if (diag_verbosity < VERBOSITY_NORMAL && strcmp(kind, "error") != 0)
        return;
    strbuf b = {0};
    if (line > 0)
        sb_printf(&b, "%s:%d:%d: %s: ", d->file, line, col > 0 ? col : 1, kind);
    else
        sb_printf(&b, "%s: %s: ", d->file, kind);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    put_safe(&b, msg ? msg : "(out of memory)");
    free(msg);
    sb_printf(&b, "%s", tail);
    put_line(d, &b);
}

static void cut_note(diag_ctx *d, int cut, int shown, const char *what)
{
    if (cut <= 0 || (diag_verbosity < VERBOSITY_NORMAL && strcmp(what, "error") != 0))
        return;
    strbuf b = {0};
    sb_printf(&b, "%s: note: %d more %s%s not shown (the first %d are above)", d->file, cut, what, cut > 1 ? "s" : "",
              shown);
    put_line(d, &b);
}

void diag_finish(diag_ctx *d)
{
    cut_note(d, d->errors_cut, d->max_errors, "error");
    cut_note(d, d->warnings_cut, d->max_warnings, "warning");
}

void diag_error(diag_ctx *d, int line, int col, const char *fmt, ...)
{
    d->errors++;
    if (d->errors_shown >= d->max_errors) {
        d->errors_cut++;
        return;
    }
    d->errors_shown++;
    va_list ap;
    va_start(ap, fmt);
    emit(d, "error", line, col, "", fmt, ap);
    va_end(ap);
}

/* A warning, or under --strict an error that says why it is one.  One the
 * caller chose not to show (!show) is summed up in the caller's own note;
 * a bulk one leaves max_warnings to the others. */
static void vwarn(diag_ctx *d, int show, int bulk, int line, int col, const char *fmt, va_list ap)
{
    int *count = d->strict ? &d->errors : &d->warnings;
    int *shown = d->strict ? &d->errors_shown : &d->warnings_shown;
    int *cut = d->strict ? &d->errors_cut : &d->warnings_cut;
    int max = d->strict ? d->max_errors : d->max_warnings;
    ++*count;
    if (!show)
        return;
    if (!bulk || d->strict) {
        if (*shown >= max) {
            ++*cut;
            return;
        }
        ++*shown;
    }
    emit(d, d->strict ? "error" : "warning", line, col, d->strict ? " [--strict]" : "", fmt, ap);
}

void diag_warning(diag_ctx *d, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(d, 1, 0, line, col, fmt, ap);
    va_end(ap);
}

void diag_warning_bulk(diag_ctx *d, int show, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(d, show, 1, line, col, fmt, ap);
    va_end(ap);
}

void diag_note(diag_ctx *d, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(d, "note", line, col, "", fmt, ap);
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

void say_verbose(const char *fmt, ...)
{
    if (diag_verbosity < VERBOSITY_VERBOSE)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsay(fmt, ap);
    va_end(ap);
}
