/* gen_dataset.c - writes a synthetic dataset with about N segments (five
 * dimensions of twenty segments, each with sub-segments), for the
 * benchmarks and the large-model checks.  Usage: gen_dataset N > file.yaml */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 10000;
    const int dims = 5, segs = 20;
    long subs = n / (dims * segs) - 1;
    if (subs < 0)
        subs = 0;
    printf("report:\n  id: synthetic-%ld\n  title: Synthetic Market With %ld Segments\n", n, n);
    printf("  base_year: 2025\n  estimated_year: 2026\n  forecast_end: 2032\n");
    printf("  currency: USD\n  unit: million\n");
    printf("market:\n  anchors: {2025: 100000, 2026: 108000, 2032: 190000}\n  published_cagr: 9.60\n");
    printf("dimensions:\n");
    for (int d = 0; d < dims; d++) {
        printf("  - id: dim-%d\n    title: Dimension %d\n    segments:\n", d, d);
        for (int s = 0; s < segs; s++) {
            printf("      - id: seg-%d\n        title: Segment %d.%d\n        share: {2025: 5, 2032: 5}\n", s, d, s);
            if (!subs)
                continue;
            printf("        segments:\n");
            for (long k = 0; k < subs; k++)
                printf("          - {id: sub-%ld, title: Sub-segment %d.%d.%ld, anchors: {2025: %ld, 2032: %ld}}\n", k,
                       d, s, k, 10 + (k * 7 + s) % 90, 15 + (k * 13 + d) % 120);
        }
    }
    return 0;
}
