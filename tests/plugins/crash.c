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

TEST_PLUGIN("crash", render);
