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
    int errors, warnings;           /* counted, shown or not */
    int max_errors;                 /* show at most this many errors */
    int max_warnings;               /* and this many warnings (bulk ones aside) */
    int errors_shown, warnings_shown;
    int errors_cut, warnings_cut;   /* not shown because of those limits */
    int strict;                     /* --strict: every warning is an error */
} diag_ctx;

void diag_init(diag_ctx *d, const char *file, FILE *out);
void diag_error(diag_ctx *d, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A warning; with d->strict an error, marked "[--strict]". */
void diag_warning(diag_ctx *d, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A warning of a kind that can come by the hundred (a text missing in a
 * language), which the caller limits and sums up itself: shown only when
 * `show`, and never taking the place of another warning under
 * max_warnings.  Counted like diag_warning. */
void diag_warning_bulk(diag_ctx *d, int show, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A line that sums up what was said (or not shown) above; counts as
 * neither an error nor a warning. */
void diag_note(diag_ctx *d, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Says how many errors and warnings were not shown, when the limits cut
 * them. */
void diag_finish(diag_ctx *d);

/* How much the command line asked to hear: -q errors only (warnings and
 * notes about datasets, plugins' warnings and the "wrote" lines are not
 * said), -v also what is loaded and from where.  Set once, by the command
 * line, before anything is said. */
enum { VERBOSITY_QUIET = -1, VERBOSITY_NORMAL = 0, VERBOSITY_VERBOSE = 1 };
extern int diag_verbosity;
/* say() when -v was given, else nothing. */
void say_verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* One line on standard error, newline added.  Short lines are formatted on
 * the stack, so that a process short of memory can still say why. */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vsay(const char *fmt, va_list ap);
/* Writes len bytes to fd, resuming after signals and short writes;
 * returns 0, or -1 with errno set. */
int write_all(int fd, const void *data, size_t len);
#endif
