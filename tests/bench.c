/* bench.c - load, validate and forecast a dataset ITER times in one
 * process; prints the median and best time, the model's arena size and the
 * process's peak resident memory.  Usage: bench FILE [ITER] */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "model/model.h"
#include "benchhelp.h"

int main(int argc, char **argv)
{
    int iter = bench_iterations(argc, argv, "bench", 11);
    if (iter < 0)
        return 2;
    double *t = malloc(sizeof *t * (size_t)iter);
    size_t arena_bytes = 0, nodes = 0;
    FILE *devnull = fopen("/dev/null", "w");
    for (int i = 0; i < iter; i++) {
        diag_ctx d;
        diag_init(&d, argv[1], devnull);
        double t0 = now_ms();
        mkp_doc *doc = mdl_load_file(argv[1], &d);
        if (!doc || mdl_build(doc, &d) != 0) {
            fprintf(stderr, "bench: %s does not load\n", argv[1]);
            return 1;
        }
        mdl_check_consistency(doc, &d);
        t[i] = now_ms() - t0;
        arena_bytes = doc->arena.used_total;
        nodes = doc->n_nodes;
        ds_free(doc);
    }
    qsort(t, (size_t)iter, sizeof *t, cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%-44s %6zu segments  median %8.2f ms  best %8.2f ms  model %7.1f KiB  peak RSS %7ld KiB\n", argv[1],
           nodes, t[iter / 2], t[0], arena_bytes / 1024.0, ru.ru_maxrss);
    free(t);
    fclose(devnull);
    return 0;
}
