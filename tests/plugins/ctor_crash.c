/* ctor_crash.c - crashes in a constructor, the moment it is loaded: the
 * host must refuse it with a sentence, not crash itself. */
#include <signal.h>

#include "common.h"

__attribute__((constructor)) static void boom(void)
{
    raise(SIGSEGV);
}

static int render(const mkp_job *job)
{
    (void)job;
    return MKP_OK;
}

TEST_DESCRIPTOR("ctor-crash", render);

MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *host)
{
    (void)host;
    return &descriptor;
}
