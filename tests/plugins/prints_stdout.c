/* prints_stdout.c - a good output, and a line on standard output, which
 * belongs to marketpress: plugin-check must count the bytes. */
#include <stdio.h>

#include "common.h"

static int render(const mkp_job *job)
{
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return MKP_EIO;
    fputs("output\n", f);
    printf("rendering %s\n", job->model->id);
    return fclose(f) == 0 ? MKP_OK : MKP_EIO;
}

TEST_PLUGIN("prints-stdout", render);
