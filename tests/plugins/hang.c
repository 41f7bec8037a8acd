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

TEST_PLUGIN("hang", render);
