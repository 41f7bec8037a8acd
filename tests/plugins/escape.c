/* escape.c - writes its output, and also a file beside it and one in the
 * working folder: plugin-check must name both. */
#include <stdio.h>
#include <string.h>

#include "common.h"

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static int render(const mkp_job *job)
{
    char beside[4096];
    snprintf(beside, sizeof beside, "%s.sidecar", job->output_path);
    put(job->output_path, "output\n");
    put(beside, "not allowed\n");
    put("escaped.txt", "not allowed\n");
    return MKP_OK;
}

TEST_PLUGIN("escape", render);
