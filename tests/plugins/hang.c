/* hang.c - never returns: the host must stop it at --timeout. */
#include <unistd.h>

#include "common.h"

static int render(const mkp_job *job)
{
    (void)job;
    for (;;)
        pause();
    return MKP_OK;
}

TEST_DESCRIPTOR("hang", render);

MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *host)
{
    (void)host;
    return &descriptor;
}
