/* nondeterministic.c - writes the process id: two runs differ, which
 * plugin-check must catch. */
#include <stdio.h>
#include <unistd.h>

#include "common.h"

static int render(const mkp_job *job)
{
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return MKP_EIO;
    fprintf(f, "%ld\n", (long)getpid());
    return fclose(f) == 0 ? MKP_OK : MKP_EIO;
}

TEST_PLUGIN("nondeterministic", render);
