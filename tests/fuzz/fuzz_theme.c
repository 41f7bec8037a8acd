/* fuzz_theme.c - libFuzzer target: any bytes through the theme reader and
 * the clients-file reader (the first byte chooses which).  A theme's logo
 * is named from tests/fuzz/, where no logo is: the reader's file checks
 * run on names the input makes up.  Diagnostics go to a null stream; the
 * only failure is a crash, a sanitizer report or a leak. */
#include <stdint.h>
#include <stdio.h>

#include "dataset/dataset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *null_out;
    if (!null_out)
        null_out = fopen("/dev/null", "w");
    if (size < 1)
        return 0;
    diag_ctx d;
    diag_init(&d, "fuzz.yaml", null_out);
    if (data[0] & 1)
        ds_clients_free(ds_clients_load_buffer("tests/fuzz/clients.yaml", data + 1, size - 1, &d));
    else
        ds_theme_free(ds_theme_load_buffer("tests/fuzz/theme.yaml", data + 1, size - 1, &d, NULL));
    return 0;
}
