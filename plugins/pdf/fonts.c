/* fonts.c - the report's embedded TrueType faces: found through fontconfig
 * once per job, loaded lazily, glyph widths (cached, since libharu looks each
 * one up by a linear cmap search), the choice of face per character (the
 * Latin family, or the CJK font for ideographs) and drawing a single line of
 * text as runs of one face each. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

const char *pf_file(const pdf_doc *d, int face)
{
    return d->fonts.face[face].file;
}

/* Finds every face before the document starts, so that a missing font is
 * one clear sentence instead of a libharu error code.  The options choose
 * for the whole report (font, typeface) and for Chinese (cjk-font); what
 * they leave, the theme's families choose, when installed. */
int pf_open(pdf_doc *d)
{
    const mkp_theme *t = d->theme;
    int latin_option = (d->font && *d->font) || d->typeface;
    ff_want w = {
        .family = d->font,
        .default_family = d->sans ? "DejaVu Sans" : "DejaVu Serif",
        .styles = 1u << FF_BOLD | 1u << FF_ITALIC,
        .cjk_family = d->cjk_font,
        .why = "the theme's",
    };
    if (t && !latin_option) {
        w.preferred = t->font_body;
        w.heading = t->font_heading;
    }
    if (t)
        w.cjk_preferred = t->font_cjk;
    return ff_find_want(&d->fonts, d->host, d->job, &w);
}

void pf_close(pdf_doc *d)
{
    for (int f = 0; f < PF_NFACES; f++) {
        free(d->face[f].width);
        d->face[f].width = NULL;
    }
    ff_free(&d->fonts);
}

/* A TrueType collection (.ttc) starts with the tag "ttcf". */
static int is_collection(const char *file)
{
    char tag[4] = {0};
    FILE *f = fopen(file, "rb");
    if (!f)
        return 0;
    size_t n = fread(tag, 1, sizeof tag, f);
    fclose(f);
    return n == sizeof tag && memcmp(tag, "ttcf", 4) == 0;
}

/* libharu's name of a face's font file, loading the file once: libharu
 * refuses to load one twice (HPDF_FONT_EXISTS), and a face that stands in
 * for another (the regular face for a missing italic, or one family for both
 * Latin and Chinese) is the same file. */
static const char *load_file(pdf_doc *d, int f)
{
    const ff_face *ff = &d->fonts.face[f];
    for (int g = 0; g < PF_NFACES; g++)
        if (g != f && d->face[g].state == 1 && ff_same(ff, &d->fonts.face[g]))
            return d->face[g].name;
    if (ff->index > 0 || is_collection(ff->file))
        return HPDF_LoadTTFontFromFile2(d->pdf, ff->file, (HPDF_UINT)ff->index, HPDF_TRUE);
    return HPDF_LoadTTFontFromFile(d->pdf, ff->file, HPDF_TRUE);
}

static pdf_face *face_get(pdf_doc *d, int f)
{
    pdf_face *pf = &d->face[f];
    if (pf->state != 0)
        return pf;
    pf->state = -1;
    if (d->pass != PASS_MEASURE) /* a sample's full layout, not saved: the sample's says it */
        ff_warn(&d->fonts, f, d->host, d->job); /* a stand-in, or no CJK font: said when first needed */
    if (!pf_file(d, f))
        return pf; /* only the CJK face: Chinese shows as boxes */
    const char *name = load_file(d, f);
    pf->name = name;
    pf->font = name ? HPDF_GetFont(d->pdf, name, f == PF_CJK ? "UTF-8" : "CP1252") : NULL;
    if (!pf->font)
        return pf;
    pf->width = xrealloc(d, NULL, 65536 * sizeof *pf->width);
    memset(pf->width, 0xff, 65536 * sizeof *pf->width);
    pf->state = 1;
    return pf;
}

size_t pf_put(char *o, uint32_t c)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    o[0] = (char)(0xE0 | (c >> 12));
    o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (char)(0x80 | (c & 0x3F));
    return 3;
}

/* The Latin face of a style: a heading's is the theme's heading family
 * when there is one, else the bold face. */
int pf_latin(const pdf_doc *d, const pf_style *st)
{
    if (st->bold == PF_HEAD && d->fonts.face[PF_HEADING].file)
        return PF_HEADING;
    return st->bold ? PF_BOLD : st->italic ? PF_ITALIC : PF_REGULAR;
}

/* East Asian wide characters (mkp_is_wide) are set in the CJK face when
 * there is one.  Dashes and curly quotes are not wide, so they stay in the
 * Latin face even beside Chinese: Droid Sans Fallback has no em dash. */
int pf_pick(pdf_doc *d, const pf_style *st, uint32_t cp)
{
    if (mkp_is_wide(cp) && face_get(d, PF_CJK)->state == 1)
        return PF_CJK;
    return pf_latin(d, st);
}

double pf_cp_width(pdf_doc *d, int face, uint32_t cp)
{
    pdf_face *pf = face_get(d, face);
    if (pf->state != 1)
        return 600;
    if (cp > 0xFFFF)
        cp = 0xFFFD;
    if (pf->width[cp] < 0) {
        HPDF_INT w = HPDF_Font_GetUnicodeWidth(pf->font, (HPDF_UNICODE)cp);
        pf->width[cp] = (int16_t)(w < 0 ? 0 : w > 30000 ? 30000 : w);
    }
    return pf->width[cp];
}

/* ---- single-line text as runs of one face ------------------------------- */

typedef void (*run_fn)(pdf_doc *d, const char *s, size_t len, int face, void *ctx);

/* Splits s into maximal runs of one face, hands each to fn (when not NULL)
 * and returns the total width in points. */
static double for_runs(pdf_doc *d, const char *s, const pf_style *st, run_fn fn, void *ctx)
{
    size_t len = strlen(s), i = 0, run_start = 0;
    int run_face = -1;
    double w = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp = pf_next_char(s, len, &i);
        int f = pf_pick(d, st, cp);
        if (f != run_face) {
            if (run_face >= 0 && fn)
                fn(d, s + run_start, at - run_start, run_face, ctx);
            run_face = f;
            run_start = at;
        }
        w += pf_cp_width(d, f, cp);
    }
    if (fn && run_face >= 0)
        fn(d, s + run_start, len - run_start, run_face, ctx);
    return w * st->size / 1000.0;
}

double pf_width(pdf_doc *d, const char *s, const pf_style *st)
{
    return for_runs(d, s, st, NULL, NULL);
}

void pf_rgb_fill(pdf_doc *d, uint32_t rgb)
{
    HPDF_Page_SetRGBFill(d->page, (HPDF_REAL)((rgb >> 16) & 0xFF) / 255.0f, (HPDF_REAL)((rgb >> 8) & 0xFF) / 255.0f,
                         (HPDF_REAL)(rgb & 0xFF) / 255.0f);
}

void pf_rgb_stroke(pdf_doc *d, uint32_t rgb)
{
    HPDF_Page_SetRGBStroke(d->page, (HPDF_REAL)((rgb >> 16) & 0xFF) / 255.0f,
                           (HPDF_REAL)((rgb >> 8) & 0xFF) / 255.0f, (HPDF_REAL)(rgb & 0xFF) / 255.0f);
}

static void use_font(pdf_doc *d, HPDF_Font font, double size)
{
    if (d->font_page == d->page && d->font_cur == font && d->font_size == size)
        return;
    HPDF_Page_SetFontAndSize(d->page, font, (HPDF_REAL)size);
    d->font_page = d->page;
    d->font_cur = font;
    d->font_size = size;
}

/* Selects a face inside a text object, skipping the operator when the page
 * already has it. */
void pf_set_font(pdf_doc *d, int face, double size)
{
    pdf_face *pf = face_get(d, face);
    if (pf->state != 1) {
        face = PF_REGULAR;
        pf = face_get(d, face);
    }
    d->face_cur = face;
    use_font(d, pf->font, size);
}

/* The cp1252 byte of a code point, or 0 when it has none. */
static unsigned char cp1252(uint32_t c)
{
    static const uint16_t high[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                                      0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
    if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF))
        return (unsigned char)c;
    for (int i = 0; i < 32; i++)
        if (high[i] && high[i] == c)
            return (unsigned char)(0x80 + i);
    return 0;
}

static void show_bytes(pdf_doc *d, size_t o)
{
    d->tmp[o] = '\0';
    if (o)
        HPDF_Page_ShowText(d->page, d->tmp);
}

/* Shows len bytes at the current text position.  libharu wants a C string,
 * so the run is copied, re-encoded from what pf_next_char decoded: the
 * bytes that reach the PDF are always the characters that were measured. */
void pf_show(pdf_doc *d, const char *s, size_t len)
{
    if (d->tmp_cap < len + 4) {
        d->tmp_cap = len + 64;
        d->tmp = xrealloc(d, d->tmp, d->tmp_cap);
    }
    size_t i = 0, o = 0;
    pdf_face *pf = &d->face[d->face_cur];
    if (d->face_cur == PF_CJK || pf->state != 1) {
        while (i < len)
            o += pf_put(d->tmp + o, pf_next_char(s, len, &i));
        show_bytes(d, o);
        return;
    }
    /* A Latin face: cp1252 bytes in its WinAnsi font, anything else as
     * UTF-8 in its UTF-8 font; both have the same widths. */
    double size = d->font_size;
    int utf = d->font_cur != pf->font;
    while (i < len) {
        uint32_t cp = pf_next_char(s, len, &i);
        unsigned char b = cp1252(cp);
        if ((b == 0) != utf) {
            if (!utf && !pf->font_utf)
                pf->font_utf = HPDF_GetFont(d->pdf, pf->name, "UTF-8");
            if (!utf && !pf->font_utf) { /* cannot: show a question mark */
                d->tmp[o++] = '?';
                continue;
            }
            show_bytes(d, o);
            o = 0;
            utf = !utf;
            use_font(d, utf ? pf->font_utf : pf->font, size);
        }
        if (utf)
            o += pf_put(d->tmp + o, cp);
        else
            d->tmp[o++] = (char)b;
    }
    show_bytes(d, o);
}

typedef struct run_ctx {
    const pf_style *st;
} run_ctx;

/* Chinese has no bold face of its own here: bold CJK runs are filled and
 * stroked with a hairline of the text colour. */
static void show_run(pdf_doc *d, const char *s, size_t len, int face, void *ctx)
{
    const pf_style *st = ((run_ctx *)ctx)->st;
    pf_set_font(d, face, st->size);
    int fake = face == PF_CJK && st->bold;
    if (fake) {
        HPDF_Page_SetTextRenderingMode(d->page, HPDF_FILL_THEN_STROKE);
        HPDF_Page_SetLineWidth(d->page, (HPDF_REAL)(st->size * 0.035));
        pf_rgb_stroke(d, st->rgb);
    }
    pf_show(d, s, len);
    if (fake)
        HPDF_Page_SetTextRenderingMode(d->page, HPDF_FILL);
}

/* Draws one line of text with its left end at (x, y) on the baseline and
 * returns its width. */
double pf_draw(pdf_doc *d, double x, double y, const char *s, const pf_style *st)
{
    if (!*s)
        return 0;
    run_ctx rc = {st};
    HPDF_Page_BeginText(d->page);
    pf_rgb_fill(d, st->rgb);
    HPDF_Page_MoveTextPos(d->page, (HPDF_REAL)x, (HPDF_REAL)y);
    double w = for_runs(d, s, st, show_run, &rc);
    HPDF_Page_EndText(d->page);
    return w;
}

void pf_draw_rotated(pdf_doc *d, double x, double y, double degrees, const char *s, const pf_style *st)
{
    if (!*s)
        return;
    double a = degrees * 3.14159265358979323846 / 180.0, c = cos(a), sn = sin(a);
    run_ctx rc = {st};
    HPDF_Page_BeginText(d->page);
    pf_rgb_fill(d, st->rgb);
    HPDF_Page_SetTextMatrix(d->page, (HPDF_REAL)c, (HPDF_REAL)sn, (HPDF_REAL)-sn, (HPDF_REAL)c, (HPDF_REAL)x,
                            (HPDF_REAL)y);
    for_runs(d, s, st, show_run, &rc);
    HPDF_Page_EndText(d->page);
}

/* The chart engine's measure callback: the faces the chart is drawn in. */
double pf_measure_cb(void *ctx, const char *text, double size, int bold)
{
    pf_style st = {(unsigned char)(bold != 0), 0, size, 0};
    return text ? pf_width(ctx, text, &st) : 0;
}

/* pf_width(d, s, st) <= width, summed in the same order (so with the same
 * result) but only as far as needed: a running head or a cell is fitted
 * from texts that may be megabytes long. */
static int fits(pdf_doc *d, const char *s, const pf_style *st, double width)
{
    size_t i = 0;
    double w = 0;
    while (s[i]) { /* not strlen: that alone would read all of it */
        uint32_t cp = pf_next_char(s, (size_t)-1, &i);
        w += pf_cp_width(d, pf_pick(d, st, cp), cp);
        if (w * st->size / 1000.0 > width)
            return 0; /* widths are never negative: the whole is wider still */
    }
    return w * st->size / 1000.0 <= width;
}

/* Where a shortened text may end: after a word (before a space), or beside
 * an ideograph, which is a word of its own.  A text cut inside a word
 * reads as a different word ("Tariffs 2…" for 2025). */
static int word_end(const char *s, size_t at, uint32_t before)
{
    size_t i = at;
    uint32_t next = s[at] ? pf_next_char(s, (size_t)-1, &i) : 0;
    return next == ' ' || mkp_is_wide(before) || mkp_is_wide(next);
}

/* s itself when it fits in width, else a copy cut after its last whole
 * word that fits, without the spaces and separators left before the cut,
 * and ended with an ellipsis.  A first word wider than width is cut at a
 * character boundary: something must show. */
char *pf_fit(pdf_doc *d, const char *s, const pf_style *st, double width)
{
    if (fits(d, s, st, width))
        return (char *)s;
    size_t len = strlen(s), i = 0, keep = 0, word = 0;
    double w = pf_width(d, "\xE2\x80\xA6", st);
    while (i < len) {
        uint32_t cp = pf_next_char(s, len, &i);
        w += pf_cp_width(d, mkp_is_wide(cp) ? PF_CJK : pf_latin(d, st), cp) * st->size / 1000.0;
        if (w > width)
            break;
        keep = i;
        if (cp != ' ' && word_end(s, i, cp))
            word = i;
    }
    if (word)
        keep = word;
    while (keep > 0 && strchr(" ,;:-", s[keep - 1]))
        keep--;
    char *o = ar_alloc(d, keep + 4);
    memcpy(o, s, keep);
    memcpy(o + keep, "\xE2\x80\xA6", 4);
    return o;
}
