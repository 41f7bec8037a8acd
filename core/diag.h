/* diag.h - GCC-style diagnostics: "file:line:col: error: message". */
#ifndef MKP_DIAG_H
#define MKP_DIAG_H
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
#endif
