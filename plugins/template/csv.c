/* csv.c - the template plugin: a tidy CSV of every series, one row per
 * series and year (series,year,value,provenance).  Copy this folder to
 * start your own plugin; docs/plugin-guide.md walks through it.
 *
 * Step 1: include the one public header.  Nothing else from marketpress is
 * needed to build: the host hands you its functions at load time. */
#include <marketpress/marketpress.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Step 2: keep the host's function table; it stays valid while loaded. */
static const mkp_host *host;

/* Step 3: declare your options.  Users set them as -O csv.decimals=2;
 * marketpress checks types and ranges before your code runs. */
static const mkp_option options[] = {
    {"decimals", MKP_OPT_INT, "-1", "digits after the point; -1 keeps full precision", NULL, -1, 12},
    {"header", MKP_OPT_BOOL, "true", "write the header row", NULL, 0, 0},
};

/* What one value is: published, actual, illustrative, estimate or
 * scenario (mkp_value_class, from the year's flags).  A host of ABI 1.0
 * does not tell a published anchor from an illustrative one in the flags:
 * there the series' own provenance is all there is. */
static const char *provenance_name(const mkp_node *n, int i)
{
    if (host->abi_minor >= 1)
        return mkp_value_class_name(mkp_value_class_of(n->flags[i]));
    return n->provenance == MKP_PUBLISHED ? "published" : n->provenance == MKP_DERIVED ? "derived" : "illustrative";
}

/* Writes one node's rows, then its children's (depth first). */
static int write_node(FILE *f, const mkp_model *m, const mkp_node *n, int decimals)
{
    char buf[64];
    for (int i = 0; i < m->n_years; i++) {
        if (decimals < 0) {
            /* Full precision: the shortest text that reads back exactly. */
            for (int p = 15; p <= 17; p++) {
                snprintf(buf, sizeof buf, "%.*g", p, n->value[i]);
                double back;
                if (sscanf(buf, "%lf", &back) == 1 && back == n->value[i])
                    break;
            }
        } else {
            /* The host formats without regard to the locale. */
            host->format_number(buf, sizeof buf, n->value[i], decimals, 0);
        }
        if (fprintf(f, "%s,%d,%s,%s\n", n->path, m->first_year + i, buf, provenance_name(n, i)) < 0)
            return -1;
    }
    /* Step through arrays of the model with the accessors (mkp_child_at,
     * mkp_dimension_at, mkp_figure_at, ...), never with [i]: they step by
     * the host's element size, so a later marketpress may grow mkp_node
     * without breaking this plugin. */
    for (size_t c = 0; c < n->n_children; c++)
        if (write_node(f, m, mkp_child_at(m, n, c), decimals) != 0)
            return -1;
    return 0;
}

/* Step 4: render.  Write only to job->output_path: it is a temporary name
 * that marketpress moves into place when you return MKP_OK.  You run in a
 * process of your own, so a crash here costs only this output. */
static int render(const mkp_job *job)
{
    const mkp_model *m = job->model;
    /* A number option as a number: the host checked it against the range
     * declared above before this job started. */
    int decimals = (int)host->option_int(job, "decimals");
    FILE *f = fopen(job->output_path, "w");
    if (!f) {
        host->diag(job, MKP_FAIL, "cannot create %s: %s", job->output_path, strerror(errno));
        return MKP_EIO;
    }
    int rc = 0;
    errno = 0;
    /* option_bool came after the first 1.0 hosts: ask for it by size. */
    int header = MKP_HAS(mkp_host, host, option_bool) ? host->option_bool(job, "header")
                                                      : strcmp(host->option(job, "header"), "true") == 0;
    if (header)
        rc = fputs("series,year,value,provenance\n", f) < 0;
    rc = rc || write_node(f, m, m->market, decimals) != 0;
    /* A free sample (ABI 1.3, job->copy) gives away the market total
     * only, as the workbook's sample does: check by size, the copy came
     * after the first hosts. */
    int sample = MKP_HAS(mkp_job, job, copy) && job->copy && job->copy->edition == MKP_EDITION_SAMPLE;
    /* Dimensions share the market's values; their segments are the rows. */
    for (size_t d = 0; !rc && !sample && d < m->n_dimensions; d++) {
        const mkp_node *dim = mkp_dimension_at(m, d);
        for (size_t s = 0; !rc && s < dim->n_children; s++)
            rc = write_node(f, m, mkp_child_at(m, dim, s), decimals) != 0;
    }
    /* A full disk shows at the latest when the last buffer is flushed:
     * check every write and the close, and name the reason. */
    int err = rc || ferror(f) ? (errno ? errno : EIO) : 0;
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    if (err) {
        host->diag(job, MKP_FAIL, "cannot write %s: %s", job->output_path, strerror(err));
        return MKP_EIO;
    }
    return MKP_OK;
}

/* Step 5: the descriptor and the one exported symbol.  The descriptor
 * starts with its own size and the ABI you built against, so marketpress
 * can refuse a mismatch with a clear message; the entry hands you the
 * host's table.  MKP_DEFINE_PLUGIN writes both; in full it is
 *
 *     static const mkp_plugin descriptor = {
 *         .size = sizeof(mkp_plugin), .abi_major = MKP_ABI_MAJOR, .abi_minor = MKP_ABI_MINOR,
 *         .name = "csv", .version = "1.0.0", .description = "...", .extension = "csv",
 *         .flags = 0, .n_options = 2, .options = options, .render = render,
 *         .min_host_minor = 0,
 *     };
 *     MKP_EXPORT const mkp_plugin *MKP_ENTRY(const mkp_host *h)
 *     {
 *         host = h;
 *         return &descriptor;
 *     }
 *
 * Build with -fvisibility=hidden so that nothing else leaves your shared
 * object.
 *
 * min_host_minor is the oldest host the plugin runs on, whatever header it
 * is built against: this one calls only ABI 1.0 host functions and asks
 * before it relies on anything newer (host->abi_minor for the 1.1 flags,
 * MKP_HAS for option_bool), so 0: every 1.x marketpress loads it.  Had it
 * called host->label (1.1) unchecked, it would say 1 here. */
MKP_DEFINE_PLUGIN(host, .name = "csv", .version = "1.0.0",
                  .description = "tidy CSV of every series: series,year,value,provenance", .extension = "csv",
                  .flags = 0, MKP_OPTIONS(options), .render = render, .min_host_minor = 0);
