/* emodel.c - returns MKP_EMODEL without a word through diag(): the host
 * must name the status as plugin.h does, not print a number. */
#include "common.h"

static int render(const mkp_job *job)
{
    (void)job;
    return MKP_EMODEL;
}

TEST_PLUGIN("emodel", render);
