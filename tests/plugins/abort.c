/* abort.c - writes half a file, then aborts: nothing may land. */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"

static int render(const mkp_job *job)
{
    FILE *f = fopen(job->output_path, "w");
    if (f) {
        fputs("half", f);
        fflush(f);
    }
    abort();
}

TEST_PLUGIN("abort", render);
