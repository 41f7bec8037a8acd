/* stall.c - writes half of its output, then tells the test it is there
 * (its pid, in the file named by -O stall.marker=PATH) and waits forever:
 * the moment a test sends marketpress a signal, or kills it. */
#include <stdio.h>
#include <unistd.h>

#include "common.h"

static const mkp_host *host;

static const mkp_option options[] = {
    {"marker", MKP_OPT_STRING, "", "file to write the job's pid into once it stalls", NULL, 0, 0},
};

static int render(const mkp_job *job)
{
    FILE *f = fopen(job->output_path, "w");
    if (f) {
        fputs("half of an output", f);
        fflush(f);
    }
    const char *marker = host->option(job, "marker");
    if (*marker) {
        char tmp[4096];
        snprintf(tmp, sizeof tmp, "%s.part", marker);
        FILE *m = fopen(tmp, "w");
        if (m) {
            fprintf(m, "%ld\n", (long)getpid());
            if (fclose(m) == 0)
                rename(tmp, marker);
        }
    }
    for (;;)
        pause();
    return MKP_OK;
}

MKP_DEFINE_PLUGIN(host, .name = "stall", .version = "1.0", .description = "stalls halfway", .extension = "stall",
                  MKP_OPTIONS(options), .render = render);
