/* bench_holt.c - fits Holt's alpha and beta (minimum sum of squared
 * one-step errors) on every series of a dataset: the market and each
 * segment and sub-segment as built, and the same series with a few
 * percent of deterministic noise.  Loading and building are not timed.
 * Prints the median and best time of ITER runs.  Usage: bench_holt FILE [ITER] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "forecast/forecast.h"
#include "model/model.h"
#include "benchhelp.h"


typedef struct bench {
    size_t n, cap;
    const double **v;
} bench;

static void collect(bench *b, const mkp_node *n)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 1024;
        const double **v = realloc(b->v, b->cap * sizeof *v);
        if (!v)
            exit(1);
        b->v = v;
    }
    b->v[b->n++] = n->value;
    for (size_t i = 0; i < n->n_children; i++)
        collect(b, &n->children[i]);
}

/* Fits every series once; returns the time in ms and adds the fitted
 * alphas to *check so that the work cannot be optimised away. */
static double run(const bench *b, int n_years, int first_year, double noise, double *check)
{
    fc_point *pt = malloc(sizeof *pt * (size_t)n_years * b->n);
    double *out = malloc(sizeof *out * (size_t)n_years);
    if (!pt || !out)
        exit(1);
    unsigned long long seed = 88172645463325252ULL;
    for (size_t s = 0; s < b->n; s++)
        for (int i = 0; i < n_years; i++) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            double u = (double)(seed >> 11) / 9007199254740992.0 - 0.5;
            pt[s * (size_t)n_years + (size_t)i] = (fc_point){first_year + i, b->v[s][i] * (1 + 2 * noise * u)};
        }
    double t0 = now_ms();
    for (size_t s = 0; s < b->n; s++) {
        fc_points p = {(size_t)n_years, pt + s * (size_t)n_years};
        fc_fit fit;
        fc_input in = {&p, 0, 0, first_year, n_years, NULL, &fit};
        if (fc_series(&fc_holt, &in, out) != 0) {
            fprintf(stderr, "bench_holt: series %zu: %s\n", s, fit.why);
            exit(1);
        }
        *check += fit.param[0];
    }
    double t = now_ms() - t0;
    free(pt);
    free(out);
    return t;
}

int main(int argc, char **argv)
{
    int iter = bench_iterations(argc, argv, "bench_holt", 5);
    if (iter < 0)
        return 2;
    diag_ctx d;
    diag_init(&d, argv[1], stderr);
    mkp_doc *doc = mdl_load_file(argv[1], &d);
    if (!doc || mdl_build(doc, &d) != 0) {
        fprintf(stderr, "bench_holt: %s does not load\n", argv[1]);
        return 1;
    }
    const mkp_model *m = doc->model;
    bench b = {0, 0, NULL};
    collect(&b, m->market);
    for (size_t i = 0; i < m->n_dimensions; i++)
        for (size_t c = 0; c < m->dimensions[i].n_children; c++)
            collect(&b, &m->dimensions[i].children[c]);
    double *t = malloc(sizeof *t * (size_t)iter), check = 0;
    if (!t)
        return 1;
    static const double noise[] = {0, 0.03};
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < iter; i++)
            t[i] = run(&b, m->n_years, m->first_year, noise[k], &check);
        qsort(t, (size_t)iter, sizeof *t, cmp_double);
        printf("holt, alpha and beta fitted: %zu series x %d years%s  median %7.2f ms  best %7.2f ms  (%.2f us a "
               "series)\n",
               b.n, m->n_years, k ? ", 3% noise" : ",  as built", t[iter / 2], t[0], 1e3 * t[iter / 2] / (double)b.n);
    }
    if (!isfinite(check))
        return 1;
    free(t);
    free(b.v);
    ds_free(doc);
    return 0;
}
