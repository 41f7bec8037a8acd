/* util.c - allocation helpers that treat out-of-memory as fatal (the
 * command line cannot do anything useful after it), a growing string, and
 * whole-line diagnostics. */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(void)
{
    static const char msg[] = "marketpress: out of memory\n";
    write_all(2, msg, sizeof msg - 1);
    exit(3);
}

char *xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d)
        out_of_memory();
    return d;
}

char *xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        out_of_memory();
    return s;
}

void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        out_of_memory();
    return q;
}

void sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = (b->len + (size_t)n + 1) * 2;
        b->s = xrealloc(b->s, b->cap);
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
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
        char *big = malloc((size_t)n + 2);
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
