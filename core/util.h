/* util.h - small allocation helpers for the host's own bookkeeping (not
 * the model, which lives in an arena).  They exit on out-of-memory. */
#ifndef MKP_UTIL_H
#define MKP_UTIL_H
#include <stddef.h>

char *xstrdup(const char *s);
char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* realloc that never returns NULL */
void *xrealloc(void *p, size_t size);
#endif
