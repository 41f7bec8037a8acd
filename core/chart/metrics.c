/* metrics.c - the engine's own text widths, for the one label decision per
 * figure (layout.c).  A label shown in the PDF must be shown in the SVG
 * too, yet the two renderers measure with different faces (DejaVu Serif in
 * an English report, DejaVu Sans in the SVG, or what the user chose): so
 * which values get a label is decided with these widths, never with a
 * renderer's.  They are the wider of DejaVu Sans and DejaVu Serif for each
 * printable ASCII character (regular, bold), 1 em for anything else, plus
 * a margin, so that a label decided here also fits where either renderer
 * draws it. */
#include <stddef.h>

#include "chart/layout.h"
#include "marketpress/text.h"

/* Advances in thousandths of an em, for ' ' to '~'. */
static const unsigned short regular[95] = {
    318,  402, 460, 838, 637, 951, 891, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637, 637,
    637,  637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 537, 1000, 723, 735, 766, 802, 730, 694, 799,
    873,  396, 401, 748, 665, 1024, 875, 820, 673, 820, 753, 686, 667, 843, 723, 1028, 712, 661, 695, 391,
    337,  391, 838, 500, 500, 613, 641, 561, 641, 616, 371, 641, 645, 320, 311, 606, 320, 975, 645, 612,
    641,  641, 479, 521, 402, 645, 592, 856, 592, 592, 527, 637, 337, 637, 838,
};
static const unsigned short bold_w[95] = {
    349, 457,  521, 838, 696, 1002, 903, 307, 474, 474, 523, 838, 380, 416, 380,  366, 696, 696, 696, 696,
    696, 696,  696, 696, 696, 696,  400, 400, 838, 838, 838, 586, 1000, 776, 846, 796, 868, 763, 710, 855,
    945, 468,  474, 870, 704, 1107, 915, 872, 752, 872, 832, 723, 745, 873, 776, 1124, 776, 725, 730, 474,
    366, 474,  838, 500, 500, 675,  716, 609, 716, 679, 436, 716, 728, 380, 362, 693, 380, 1059, 728, 688,
    716, 716,  527, 596, 479, 728,  652, 924, 646, 652, 583, 712, 366, 712, 838,
};

/* Wider than any renderer draws the same text: libharu rounds advances to
 * thousandths of an em, FreeType does not, and a user's font may be a
 * little wider than DejaVu. */
#define MARGIN 1.03
/* cairo emboldens a CJK face without a bold by an em/24. */
#define SYNTH_BOLD 42

double chart_ref_measure(void *ctx, const char *text, double size, int bold)
{
    (void)ctx;
    double em = 0;
    for (size_t i = 0; text[i];) {
        uint32_t cp = mkp_utf8_next(text, (size_t)-1, &i);
        if (cp >= 32 && cp < 127)
            em += (bold ? bold_w : regular)[cp - 32];
        else
            em += 1000 + (bold && mkp_is_wide(cp) ? SYNTH_BOLD : 0);
    }
    return em / 1000.0 * size * MARGIN;
}
