/* built_newer.c - built against a later minor's header (1.9, whose
 * descriptor has grown a member at its end) but asking for no more than a
 * 1.0 host gives (min_host_minor 0): it loads and renders here. */
#include <stdio.h>

#include "common.h"

static int render(const mkp_job *job)
{
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return MKP_EIO;
    fprintf(f, "%s\n", job->model->id);
    return fclose(f) == 0 ? MKP_OK : MKP_EIO;
}

/* The descriptor as a 1.9 header would lay it out: this one's members,
 * then one this host has never heard of. */
static const struct {
    mkp_plugin known;
    const char *added_later;
} descriptor = {
    .known = {
        .size = sizeof descriptor,
        .abi_major = MKP_ABI_MAJOR,
        .abi_minor = 9,
        TEST_FIELDS("built-newer", render),
        .min_host_minor = 0,
    },
    .added_later = "a member of ABI 1.9",
};

TEST_ENTRY(descriptor.known)
