/* diag.h - the program's messages: GCC-style diagnostics for datasets
 * ("file:line:col: error: message"), and say() for every other line.
 * Each line goes out whole, in one write(), so that lines from concurrent
 * jobs and processes sharing a terminal, pipe or log never run together. */
#ifndef MKP_BASE_DIAG_H
#define MKP_BASE_DIAG_H
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef struct diag_ctx {
    const char *file;
    FILE *out;                      /* stderr, or a test's memstream */
    int errors, warnings;
    int max_errors;                 /* stop reporting after this many */
} diag_ctx;

void diag_init(diag_ctx *d, const char *file, FILE *out);
void diag_error(diag_ctx *d, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_warning(diag_ctx *d, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Says how many errors were not shown, when max_errors cut them. */
void diag_finish(diag_ctx *d);

/* One line on standard error, newline added.  Short lines are formatted on
 * the stack, so that a process short of memory can still say why. */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vsay(const char *fmt, va_list ap);
/* Writes len bytes to fd, resuming after signals and short writes;
 * returns 0, or -1 with errno set. */
int write_all(int fd, const void *data, size_t len);
#endif
