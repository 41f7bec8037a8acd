/* fail.c - reports an error through the host and returns MKP_ERROR. */
#include <stdio.h>

#include "common.h"

static const mkp_host *host;

static int render(const mkp_job *job)
{
    FILE *f = fopen(job->output_path, "w");
    if (f) {
        fputs("partial", f);
        fclose(f);
    }
    host->diag(job, MKP_FAIL, "this plugin always fails");
    return MKP_ERROR;
}

MKP_DEFINE_PLUGIN(host, TEST_FIELDS("fail", render));
