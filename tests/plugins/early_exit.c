/* early_exit.c - calls exit(0) from inside render, before finishing: the
 * host must not mistake that for success. */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"

static int render(const mkp_job *job)
{
    FILE *f = fopen(job->output_path, "w");
    if (f)
        fclose(f);
    exit(0);
}

TEST_PLUGIN("early-exit", render);
