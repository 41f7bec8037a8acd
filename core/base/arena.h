/* arena.h - one owner for a whole model: many allocations, one free. */
#ifndef MKP_ARENA_H
#define MKP_ARENA_H
#include <stddef.h>

typedef struct arena_chunk arena_chunk;
typedef struct arena {
    arena_chunk *head;
    size_t used_total;              /* bytes handed out, for the benchmark */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
/* Zeroed, 16-byte aligned memory that lives until arena_free; never NULL
 * (exits on out-of-memory, which a loader cannot recover from anyway). */
void *arena_alloc(arena *a, size_t size);
void *arena_array(arena *a, size_t n, size_t size);
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
