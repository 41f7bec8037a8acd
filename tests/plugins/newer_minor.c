/* newer_minor.c - says it runs only on hosts of ABI 1.9 or later
 * (min_host_minor 9), more than the host has: refused, with that reason. */
#include "common.h"

static int render(const mkp_job *job)
{
    (void)job;
    return MKP_OK;
}

static const mkp_plugin descriptor = {
    .size = sizeof(mkp_plugin),
    .abi_major = MKP_ABI_MAJOR,
    .abi_minor = 9,
    .name = "newer-minor",
    .extension = "txt",
    .render = render,
    .min_host_minor = 9,
};

TEST_ENTRY(descriptor)
