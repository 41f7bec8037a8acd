/* wrong_abi.c - built "for ABI 2": exports the v2 entry symbol only. */
#include "common.h"

static int render(const mkp_job *job)
{
    (void)job;
    return MKP_OK;
}

TEST_DESCRIPTOR("wrong-abi", render);

const mkp_plugin *mkp_plugin_entry_v2(const mkp_host *host);

MKP_EXPORT const mkp_plugin *mkp_plugin_entry_v2(const mkp_host *host)
{
    (void)host;
    return &descriptor;
}
