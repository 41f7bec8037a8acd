/* no_entry.c - exports an entry under a made-up name instead of
 * MKP_ENTRY, so the host finds no entry symbol. */
#include "common.h"

static int render(const mkp_job *job)
{
    (void)job;
    return MKP_OK;
}

TEST_DESCRIPTOR("no-entry", render);

MKP_EXPORT const mkp_plugin *mkp_plugin_entry(const mkp_host *host);

MKP_EXPORT const mkp_plugin *mkp_plugin_entry(const mkp_host *host)
{
    (void)host;
    return &descriptor;
}
