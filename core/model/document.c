/* document.c - a dataset from its file to a built model in one call, with
 * every problem printed as file:line:col on standard error. */
#include "model/model.h"

mkp_doc *mdl_open(const char *path, int quiet_warnings)
{
    return mdl_open_scenario(path, quiet_warnings, NULL);
}

mkp_doc *mdl_open_scenario(const char *path, int quiet_warnings, const char *scenario)
{
    return mdl_open_checked(path, scenario, !quiet_warnings, 0);
}

/* The build and the checks a loaded dataset goes through, whatever it was
 * read from; NULL when anything is an error. */
static mkp_doc *build_checked(mkp_doc *doc, diag_ctx *d, const char *scenario, int checks)
{
    if (doc) {
        doc->want_scenario = scenario;
        if (mdl_build(doc, d) != 0) {
            ds_free(doc);
            doc = NULL;
        }
    }
    if (doc && (checks || d->strict))
        mdl_check_consistency(doc, d);
    if (doc && d->errors) { /* --strict: a warning of the checks counts */
        ds_free(doc);
        doc = NULL;
    }
    diag_finish(d);
    return doc;
}

mkp_doc *mdl_open_checked(const char *path, const char *scenario, int checks, int strict)
{
    diag_ctx d;
    diag_init(&d, path, stderr);
    d.strict = strict;
    return build_checked(mdl_load_file(path, &d), &d, scenario, checks);
}

mkp_doc *mdl_open_buffer_checked(const char *name, const unsigned char *buf, size_t len, const char *scenario,
                                 int checks, int strict)
{
    diag_ctx d;
    diag_init(&d, name, stderr);
    d.strict = strict;
    return build_checked(mdl_load_buffer(name, buf, len, &d), &d, scenario, checks);
}
