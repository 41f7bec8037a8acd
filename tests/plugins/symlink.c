/* symlink.c - "writes" its output as a symbolic link to a file outside the
 * output folder and reports success: the host must not move it into place. */
#include <unistd.h>

#include "common.h"

static int render(const mkp_job *job)
{
    return symlink("/etc/hostname", job->output_path) == 0 ? MKP_OK : MKP_EIO;
}

TEST_PLUGIN("symlink", render);
