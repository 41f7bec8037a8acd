/* benchhelp.h - what the in-process benchmarks share: a monotonic clock in
 * milliseconds and a comparison for sorting times to take their median. */
#ifndef MKP_BENCHHELP_H
#define MKP_BENCHHELP_H
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static inline int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* FILE [ITER] from the command line: the iterations (at least 1), or -1
 * after the usage line. */
static inline int bench_iterations(int argc, char **argv, const char *name, int dflt)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [ITER]\n", name);
        return -1;
    }
    int iter = argc > 2 ? atoi(argv[2]) : dflt;
    return iter < 1 ? 1 : iter;
}
#endif
