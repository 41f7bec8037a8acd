/* options.c - a good plugin with one option of each type; writes the
 * values it was given, so tests can check -O parsing end to end. */
#include <stdio.h>

#include "common.h"

static const mkp_host *host;

static const mkp_option options[] = {
    {"flag", MKP_OPT_BOOL, "false", "a switch", NULL, 0, 0},
    {"count", MKP_OPT_INT, "3", "a whole number", NULL, 1, 10},
    {"ratio", MKP_OPT_NUMBER, "0.5", "a number", NULL, 0, 1},
    {"label", MKP_OPT_STRING, "x", "any text", NULL, 0, 0},
    {"paper", MKP_OPT_CHOICE, "a4", "a choice", "a4|letter", 0, 0},
};

static int render(const mkp_job *job)
{
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return MKP_EIO;
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
        fprintf(f, "%s=%s\n", options[i].name, host->option(job, options[i].name));
    fprintf(f, "lang=%s\nid=%s\n", job->lang, job->model->id);
    return fclose(f) == 0 ? MKP_OK : MKP_EIO;
}

MKP_DEFINE_PLUGIN(host, .name = "options", .version = "1.0", .description = "echoes its options", .extension = "opts",
                  MKP_OPTIONS(options), .render = render);
