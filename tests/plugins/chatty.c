/* chatty.c - a good plugin that prints to standard output while it loads
 * and while it renders: none of that may reach marketpress's own output. */
#include <stdio.h>

#include "common.h"

__attribute__((constructor)) static void loaded(void)
{
    printf("chatty: loaded\n");
}

static int render(const mkp_job *job)
{
    printf("chatty: rendering %s\n", job->model->id);
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return MKP_EIO;
    fputs("chatty output\n", f);
    return fclose(f) == 0 ? MKP_OK : MKP_EIO;
}

TEST_PLUGIN("chatty", render);
