/* alloc.h - the one allocation family of the program: every x* function
 * reports "out of memory" and ends the process with status 3 rather than
 * return NULL (the command line can do nothing useful after it), and a
 * growing string.  The model itself lives in an arena (arena.h). */
#ifndef MKP_BASE_ALLOC_H
#define MKP_BASE_ALLOC_H
#include <stddef.h>

#define XALLOC_EXIT 3               /* the exit status after out-of-memory */

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Says "marketpress: out of memory" and exits with XALLOC_EXIT. */
void xalloc_die(void) __attribute__((noreturn));

/* A string that grows as text is appended; free(b.s) when done. */
typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends n bytes of s (b->s stays NUL-terminated); sb_long a number in
 * decimals, without printf's cost (the SVG writers append thousands). */
void sb_add(strbuf *b, const char *s, size_t n);
void sb_long(strbuf *b, long v);
#endif
