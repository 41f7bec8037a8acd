/* small_desc.c - a descriptor whose size field claims fewer bytes than ABI
 * 1 needs (as an old or hand-rolled plugin might). */
#include "common.h"

static int render(const mkp_job *job)
{
    (void)job;
    return MKP_OK;
}

static mkp_plugin descriptor = {
    .size = 16,
    .abi_major = MKP_ABI_MAJOR,
    .name = "small-desc",
    .extension = "txt",
    .render = render,
};

TEST_ENTRY(descriptor)
