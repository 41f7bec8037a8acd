/* util.h - small helpers for the host's own bookkeeping (not the model,
 * which lives in an arena): allocation that exits on out-of-memory, a
 * growing string, and diagnostics written one whole line at a time. */
#ifndef MKP_UTIL_H
#define MKP_UTIL_H
#include <stdarg.h>
#include <stddef.h>

char *xstrdup(const char *s);
char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* realloc that never returns NULL */
void *xrealloc(void *p, size_t size);

/* A string that grows as text is appended; free(b.s) when done. */
typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One line on standard error, newline added, written with a single
 * write(): lines from concurrent jobs and processes sharing a terminal,
 * pipe or log never run into each other. */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vsay(const char *fmt, va_list ap);
/* Writes len bytes to fd, resuming after signals and short writes;
 * returns 0, or -1 with errno set. */
int write_all(int fd, const void *data, size_t len);
#endif
