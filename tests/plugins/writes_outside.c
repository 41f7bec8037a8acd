/* writes_outside.c - writes its output, then a file into $HOME:
 * plugin-check must name it, and a confined run must leave the real HOME
 * as it was.  A write that fails (HOME read-only) is said and fails the
 * job, so that the check has something to report either way. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static const mkp_host *host;

static int put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return errno;
    fputs(text, f);
    return fclose(f) == 0 ? 0 : errno;
}

static int render(const mkp_job *job)
{
    if (put(job->output_path, "output\n") != 0)
        return MKP_EIO;
    const char *home = getenv("HOME");
    char path[4096];
    snprintf(path, sizeof path, "%s/marketpress-was-here", home ? home : ".");
    int err = put(path, "not allowed\n");
    if (err) {
        host->diag(job, MKP_FAIL, "cannot write %s: %s", path, strerror(err));
        return MKP_EIO;
    }
    return MKP_OK;
}

MKP_DEFINE_PLUGIN(host, TEST_FIELDS("writes-outside", render));
