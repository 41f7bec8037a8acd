/* fuzz.h - what the libFuzzer targets of tests/fuzz/ share: a fuzzed
 * dataset (YAML bytes, the input format of every target) loaded and built
 * into a frozen model with the diagnostics thrown away, and a deterministic
 * text measure standing in for a renderer's fonts. */
#ifndef MKP_FUZZ_H
#define MKP_FUZZ_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "marketpress/text.h"
#include "model/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a built model, or NULL when the loader or the builder
 * refused it (which is the loader target's business, not a finding here).
 * Diagnostics go to /dev/null: a message per input would drown the
 * fuzzer's own lines. */
static inline mkp_doc *fuzz_model(const uint8_t *data, size_t size)
{
    static FILE *null_out;
    if (!null_out && !(null_out = fopen("/dev/null", "w"))) {
        perror("fuzz: /dev/null");
        abort();
    }
    diag_ctx d;
    diag_init(&d, "fuzz.yaml", null_out);
    mkp_doc *doc = mdl_load_buffer("fuzz.yaml", data, size, &d);
    if (doc && mdl_build(doc, &d) != 0) {
        ds_free(doc);
        doc = NULL;
    }
    return doc;
}

/* Width of `text` in points: 0.6 em a code point, a whole em for a wide
 * (CJK) one, bold 5% wider.  Per code point rather than per byte so that
 * Chinese and Latin texts crowd a chart about as real fonts do, and every
 * byte of a broken sequence counts, as mkp_utf8_next reads it. */
static inline double fuzz_measure(void *ctx, const char *text, double size, int bold)
{
    (void)ctx;
    if (!text) {
        fprintf(stderr, "fuzz: the layout measured a NULL text\n");
        abort();
    }
    double em = 0;
    for (size_t i = 0; text[i];) {
        uint32_t c = mkp_utf8_next(text, (size_t)-1, &i);
        em += mkp_is_wide(c) ? 1.0 : 0.6;
    }
    return em * size * (bold ? 1.05 : 1.0);
}
#endif
