/* abi10.c - a plugin as it was written for ABI 1.0, built against the 1.0
 * headers themselves: marketpress/ beside this file is include/marketpress/
 * as the first ABI 1.0 commits had it, frozen (plugin.h, model.h and
 * marketpress.h of "Plugin ABI v1, ...", chart.h of the commit after it,
 * which added the file that plugin.h already included).  Its descriptor
 * ends before min_host_minor, so the host takes its abi_minor, 0: every
 * 1.x host must load it and let it render, whatever it has added since. */
#include <marketpress/marketpress.h>

#include <stdio.h>

#if MKP_ABI_MINOR != 0
#error "abi10.c must be built against the frozen 1.0 headers (-Itests/plugins/abi10)"
#endif

static const mkp_host *host;

static int write_node(FILE *f, const mkp_model *m, const mkp_node *n)
{
    char buf[64];
    for (int i = 0; i < m->n_years; i++) {
        host->format_number(buf, sizeof buf, n->value[i], 2, 0);
        if (fprintf(f, "%s,%d,%s\n", n->path, m->first_year + i, buf) < 0)
            return -1;
    }
    for (size_t c = 0; c < n->n_children; c++)
        if (write_node(f, m, &n->children[c]) != 0)
            return -1;
    return 0;
}

static int render(const mkp_job *job)
{
    const mkp_model *m = job->model;
    FILE *f = fopen(job->output_path, "w");
    if (!f) {
        host->diag(job, MKP_FAIL, "cannot create %s", job->output_path);
        return MKP_EIO;
    }
    int rc = fprintf(f, "# %s\n", host->text(&m->title, job->lang)) < 0 || write_node(f, m, m->market) != 0;
    for (size_t d = 0; !rc && d < m->n_dimensions; d++)
        for (size_t s = 0; !rc && s < m->dimensions[d].n_children; s++)
            rc = write_node(f, m, &m->dimensions[d].children[s]) != 0;
    if (fclose(f) != 0 || rc)
        return MKP_EIO;
    return MKP_OK;
}

/* 1.0 had no MKP_DEFINE_PLUGIN: the descriptor and the entry in full. */
static const mkp_plugin descriptor = {
    sizeof(mkp_plugin), MKP_ABI_MAJOR, MKP_ABI_MINOR, "abi10", "1.0.0", "a plugin built against the 1.0 headers",
    "abi10", 0, 0, NULL, render,
};

MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *h)
{
    host = h;
    return &descriptor;
}
