/* fuzz_load.c - libFuzzer target: any bytes through the dataset loader and
 * the model build.  Diagnostics go to a null stream; the only failure is a
 * crash, a sanitizer report or a leak. */
#include <stdint.h>
#include <stdio.h>

#include "model/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *null_out;
    if (!null_out)
        null_out = fopen("/dev/null", "w");
    diag_ctx d;
    diag_init(&d, "fuzz.yaml", null_out);
    mkp_doc *doc = mdl_load_buffer("fuzz.yaml", data, size, &d);
    if (doc) {
        if (mdl_build(doc, &d) == 0)
            mdl_check_consistency(doc, &d);
        ds_free(doc);
    }
    return 0;
}
