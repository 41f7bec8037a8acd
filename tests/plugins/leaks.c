/* leaks.c - allocates 600 MB, touches every page and never frees it,
 * then writes a good output: past plugin-check's default memory budget
 * of 512 MiB, which it must name with the peak. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static int render(const mkp_job *job)
{
    size_t n = (size_t)600 << 20;
    char *p = malloc(n);
    if (!p)
        return MKP_ERROR;
    memset(p, 1, n);
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return MKP_EIO;
    fprintf(f, "%d\n", p[n - 1]);
    return fclose(f) == 0 ? MKP_OK : MKP_EIO;
}

TEST_PLUGIN("leaks", render);
