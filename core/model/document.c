/* document.c - a dataset from its file to a built model in one call, with
 * every problem printed as file:line:col on standard error. */
#include "model/model.h"

mkp_doc *mdl_open(const char *path, int quiet_warnings)
{
    return mdl_open_scenario(path, quiet_warnings, NULL);
}

mkp_doc *mdl_open_scenario(const char *path, int quiet_warnings, const char *scenario)
{
    diag_ctx d;
    diag_init(&d, path, stderr);
    mkp_doc *doc = mdl_load_file(path, &d);
    if (doc) {
        doc->want_scenario = scenario;
        if (mdl_build(doc, &d) != 0) {
            ds_free(doc);
            doc = NULL;
        }
    }
    if (doc && !quiet_warnings)
        mdl_check_consistency(doc, &d);
    diag_finish(&d);
    return doc;
}
