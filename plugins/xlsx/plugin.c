/* plugin.c - the xlsx plugin's entry: its options, render(), which opens
 * the workbook in the C locale, has book.c fill it and reports the first
 * failure in one line, and the descriptor.  docs/workbook.md describes the
 * workbook an analyst receives; xlsx.h lists the plugin's files. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"
#include "../common/capture.h"

const mkp_host *host;

static const mkp_option options[] = {
    {"decimals", MKP_OPT_INT, "2", "decimals shown in value cells (cells keep full precision)", NULL, 0, 6},
    {"charts", MKP_OPT_BOOL, "true", "add native Excel charts for the report's figures", NULL, 0, 0},
    {"collapse", MKP_OPT_BOOL, "false", "open dimension sheets with sub-segment rows collapsed", NULL, 0, 0},
};

static int render(const mkp_job *job)
{
    /* libxlsxwriter prints numbers with printf: use the C locale on this
     * thread only, whatever the caller set. */
    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t old = c_locale ? uselocale(c_locale) : (locale_t)0;
    book b = {.job = job, .m = job->model, .lang = job->lang ? job->lang : "en"};
    b.zh = strncmp(b.lang, "zh", 2) == 0;
    b.decimals = (int)host->option_int(job, "decimals");
    b.charts = host->option_bool(job, "charts");
    b.collapse = host->option_bool(job, "collapse");
    st_init(&b);
    host->format_unit(job, b.unit, sizeof b.unit);
    if (!MKP_HAS(mkp_model, b.m, figures))
        b.charts = 0;
    int rc = MKP_OK;
    /* The parts are built in memory (see lxw_tmpfile in parts.c); should
     * the library make files after all, they go beside the output, in the
     * folder the host made for this job alone. */
    char *own_dir = strdup(job->output_path), *slash = own_dir ? strrchr(own_dir, '/') : NULL;
    if (slash)
        *slash = '\0';
    lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = slash ? own_dir : NULL,
                               .use_zip64 = LXW_FALSE};
    pt_reset();
    /* libxlsxwriter prints its errors and warnings to standard error
     * itself, several lines for one failed write: a failure is reported
     * below in one line, anything else becomes a warning. */
    cap_stderr cap = cap_begin();
    b.wb = workbook_new_opt(job->output_path, &wo);
    if (!b.wb) {
        int e = errno ? errno : EIO;
        cap_end(&cap, host, job, "libxlsxwriter", 1);
        host->diag(job, MKP_FAIL, "cannot create %s: %s", job->output_path, strerror(e));
        rc = MKP_EIO;
    } else {
        if (bk_open(&b) != 0)
            note_err(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        else
            bk_write(&b);
        errno = 0;
        lxw_error closed = workbook_close(b.wb);
        int err = errno, lost = pt_failed();
        cap_end(&cap, host, job, "libxlsxwriter", lost || b.err != LXW_NO_ERROR || closed != LXW_NO_ERROR);
        if (lost) {
            host->diag(job, MKP_FAIL, "cannot build %s: a part of the workbook did not fit in memory (%s)",
                       job->output_path, strerror(lost));
            rc = MKP_EIO;
        } else if (b.err != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
            lxw_error e = b.err != LXW_NO_ERROR ? b.err : closed;
            if (closed != LXW_NO_ERROR && err)
                host->diag(job, MKP_FAIL, "cannot write %s: %s", job->output_path, strerror(err));
            else
                host->diag(job, MKP_FAIL, "writing %s failed: %s", job->output_path, lxw_strerror(e));
            rc = closed != LXW_NO_ERROR ? MKP_EIO : MKP_ERROR;
        }
    }
    cap_end(&cap, host, job, "libxlsxwriter", 1);
    free(own_dir);
    bk_free(&b);
    if (c_locale) {
        uselocale(old);
        freelocale(c_locale);
    }
    return rc;
}

MKP_DEFINE_PLUGIN(host, .name = "xlsx", .version = "1.0.0",
                  .description = "Excel workbook: live formulas, native charts, a tidy Data table (libxlsxwriter)",
                  .extension = "xlsx", .flags = 0, MKP_OPTIONS(options), .render = render);
