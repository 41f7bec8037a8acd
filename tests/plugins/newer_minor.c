/* newer_minor.c - needs a later minor version of ABI 1 than the host has. */
#include "common.h"

static int render(const mkp_job *job)
{
    (void)job;
    return MKP_OK;
}

static const mkp_plugin descriptor = {
    .size = sizeof(mkp_plugin),
    .abi_major = MKP_ABI_MAJOR,
    .abi_minor = MKP_ABI_MINOR + 7,
    .name = "newer-minor",
    .extension = "txt",
    .render = render,
};

TEST_ENTRY(descriptor)
