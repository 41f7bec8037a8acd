/* crash.c - dereferences NULL while rendering: the host must report
 * "plugin crash crashed (SIGSEGV)" and the other jobs must still land. */
#include <signal.h>

#include "common.h"

static int render(const mkp_job *job)
{
    (void)job;
    raise(SIGSEGV);
    return MKP_OK;
}

TEST_DESCRIPTOR("crash", render);

MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *host)
{
    (void)host;
    return &descriptor;
}
