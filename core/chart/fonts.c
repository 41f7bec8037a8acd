/* fonts.c - the host's chart fonts: found through fontconfig with the
 * pdf plugin's rules (plugins/common/fontfind.c, the one finder, linked
 * into the program as it is), loaded with FreeType once per job, and
 * measured from their unhinted advances in font units.  What measure()
 * counts is where text_glyphs() and the SVG writer put every glyph, so a
 * layout measured with these fonts is exactly what is drawn. */
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_OUTLINE_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "chart/fonts.h"
#include "fontfind.h"
#include "marketpress/text.h"

typedef struct glyph_info {
    uint32_t gid_plus1;             /* 0: not looked up yet */
    float advance;                  /* in em */
} glyph_info;

typedef struct chart_face {
    FT_Face ft;                     /* NULL: no such face (no CJK font) */
    glyph_info *bmp;                /* per code point of the Basic Multilingual Plane */
    char **outline;                 /* per glyph: its SVG path in font units, once made */
    unsigned *doc;                  /* per glyph: the last document whose <defs> has it */
} chart_face;

struct mkp_fonts {
    const mkp_job *job;             /* for the warnings said on first use */
    FT_Library lib;
    ff_fonts found;                 /* what fontconfig found for each face */
    chart_face f[MKP_FACES];
    unsigned docs;                  /* documents written so far */
};

/* Where each face comes from: the CJK font twice, so that the emboldened
 * one has outlines (and ids in an SVG) of its own. */
static const int face_source[MKP_FACES] = {FF_REGULAR, FF_BOLD, FF_CJK, FF_CJK};

/* A CJK font has no bold (Droid Sans Fallback has none): it is emboldened
 * by an em/24 in each direction, which widens every advance as much, as
 * FreeType's FT_GlyphSlot_Embolden and cairo's synthetic bold do. */
#define SYNTH_BOLD_EXTRA (1.0 / 24.0)

static int open_face(mkp_fonts *fs, int i)
{
    const ff_face *src = &fs->found.face[face_source[i]];
    chart_face *f = &fs->f[i];
    if (!src->file)
        return 0; /* no CJK font: pick() keeps to the Latin faces */
    if (FT_New_Face(fs->lib, src->file, src->index, &f->ft)) {
        f->ft = NULL;
        fs->job->host->diag(fs->job, MKP_FAIL, "cannot load the font %s", src->file);
        return -1;
    }
    f->bmp = xcalloc(0x10000, sizeof *f->bmp);
    return 0;
}

mkp_fonts *chart_fonts_open(const mkp_job *job, const char *family, const char *cjk_family)
{
    if (!job || !job->host)
        return NULL;
    mkp_fonts *fs = xcalloc(1, sizeof *fs);
    fs->job = job;
    if (FT_Init_FreeType(&fs->lib)) {
        fs->lib = NULL;
        job->host->diag(job, MKP_FAIL, "cannot start FreeType");
        chart_fonts_close(fs);
        return NULL;
    }
    int rc = ff_find(&fs->found, job->host, job, family, "DejaVu Sans", 1u << FF_BOLD, cjk_family);
    for (int i = 0; rc == 0 && i < MKP_FACES; i++)
        rc = open_face(fs, i);
    if (rc != 0) {
        chart_fonts_close(fs);
        return NULL;
    }
    return fs;
}

void chart_fonts_close(mkp_fonts *fs)
{
    if (!fs)
        return;
    for (int i = 0; i < MKP_FACES; i++) {
        chart_face *f = &fs->f[i];
        if (f->outline)
            for (long g = 0; g < f->ft->num_glyphs; g++)
                free(f->outline[g]);
        free(f->outline);
        free(f->doc);
        free(f->bmp);
        if (f->ft)
            FT_Done_Face(f->ft);
    }
    if (fs->lib)
        FT_Done_FreeType(fs->lib);
    ff_free(&fs->found);
    free(fs);
}

/* Glyph index (0: none) and advance in em of a code point in a face. */
static glyph_info lookup(chart_face *f, uint32_t cp)
{
    glyph_info g = {0, 0};
    glyph_info *slot = cp < 0x10000 ? &f->bmp[cp] : &g;
    if (!slot->gid_plus1) {
        FT_UInt gid = FT_Get_Char_Index(f->ft, cp);
        FT_Fixed adv = 0;
        FT_Get_Advance(f->ft, gid, FT_LOAD_NO_SCALE, &adv);
        slot->gid_plus1 = gid + 1;
        slot->advance = (float)((double)adv / f->ft->units_per_EM);
    }
    return *slot;
}

/* East Asian wide characters (mkp_is_wide) from the CJK font, the rest from
 * the Latin face where it has the glyph, else from the CJK font where that
 * has it.  Without a CJK font, Chinese shows as the Latin face's boxes, said
 * once; so is a bold face that is the regular one. */
static int pick(mkp_fonts *fs, uint32_t cp, int bold)
{
    int latin = bold ? MKP_FACE_BOLD : MKP_FACE_REGULAR, cjk = bold ? MKP_FACE_CJK_BOLD : MKP_FACE_CJK;
    if (bold)
        ff_warn(&fs->found, FF_BOLD, fs->job->host, fs->job);
    if (!mkp_is_wide(cp) && lookup(&fs->f[latin], cp).gid_plus1 > 1)
        return latin;
    if (!fs->f[cjk].ft) {
        if (mkp_is_wide(cp))
            ff_warn(&fs->found, FF_CJK, fs->job->host, fs->job);
        return latin;
    }
    return lookup(&fs->f[cjk], cp).gid_plus1 > 1 ? cjk : latin;
}

static double advance(mkp_fonts *fs, int which, uint32_t cp, double size)
{
    double a = lookup(&fs->f[which], cp).advance * size;
    return which == MKP_FACE_CJK_BOLD ? a + SYNTH_BOLD_EXTRA * size : a;
}

double chart_fonts_measure(void *ctx, const char *t, double size, int bold)
{
    mkp_fonts *fs = ctx;
    double w = 0;
    if (!fs || !t)
        return 0;
    for (size_t i = 0, len = strlen(t); i < len;) {
        uint32_t cp = mkp_utf8_next(t, len, &i);
        w += advance(fs, pick(fs, cp, bold), cp, size);
    }
    return w;
}

size_t chart_fonts_glyphs(mkp_fonts *fs, const char *t, double size, int bold, mkp_glyph *out, size_t cap)
{
    size_t n = 0;
    double x = 0;
    if (!fs || !t)
        return 0;
    for (size_t i = 0, len = strlen(t); i < len; n++) {
        uint32_t cp = mkp_utf8_next(t, len, &i);
        int which = pick(fs, cp, bold);
        if (out && n < cap)
            out[n] = (mkp_glyph){which, lookup(&fs->f[which], cp).gid_plus1 - 1, x};
        x += advance(fs, which, cp, size);
    }
    return n;
}

const char *chart_fonts_file(const mkp_fonts *fs, int face, int *index, int *embolden)
{
    if (index)
        *index = 0;
    if (embolden)
        *embolden = 0;
    if (!fs || face < 0 || face >= MKP_FACES || !fs->f[face].ft)
        return NULL;
    const ff_face *src = &fs->found.face[face_source[face]];
    if (index)
        *index = src->index;
    if (embolden)
        *embolden = face == MKP_FACE_CJK_BOLD;
    return src->file;
}

double chart_fonts_upem(const mkp_fonts *fs, int face)
{
    return fs->f[face].ft->units_per_EM;
}

/* ---- outlines: a glyph as SVG path data, y turned to grow downwards ---- */

static void add_point(strbuf *b, char cmd, const FT_Vector *v)
{
    sb_add(b, &cmd, 1);
    sb_long(b, v->x);
    sb_add(b, " ", 1);
    sb_long(b, -v->y);
}

static int on_move(const FT_Vector *to, void *u)
{
    strbuf *b = u;
    if (b->len)
        sb_add(b, "Z", 1);
    add_point(b, 'M', to);
    return 0;
}

static int on_line(const FT_Vector *to, void *u)
{
    add_point(u, 'L', to);
    return 0;
}

static int on_conic(const FT_Vector *c, const FT_Vector *to, void *u)
{
    add_point(u, 'Q', c);
    add_point(u, ' ', to);
    return 0;
}

static int on_cubic(const FT_Vector *c1, const FT_Vector *c2, const FT_Vector *to, void *u)
{
    add_point(u, 'C', c1);
    add_point(u, ' ', c2);
    add_point(u, ' ', to);
    return 0;
}

/* Integer font units straight from the TrueType outline: quadratic curves
 * stay Q, and nothing is formatted with printf. */
static char *make_outline(chart_face *f, int which, FT_UInt gid)
{
    strbuf b = {0};
    if (FT_Load_Glyph(f->ft, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) == 0 &&
        f->ft->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
        FT_Outline *o = &f->ft->glyph->outline;
        if (which == MKP_FACE_CJK_BOLD) {
            FT_Pos strength = f->ft->units_per_EM / 24;
            FT_Outline_EmboldenXY(o, strength, strength);
        }
        static const FT_Outline_Funcs funcs = {on_move, on_line, on_conic, on_cubic, 0, 0};
        FT_Outline_Decompose(o, &funcs, &b);
        if (b.len)
            sb_add(&b, "Z", 1);
    }
    sb_add(&b, "", 0);
    return b.s;
}

static int known_glyph(const mkp_fonts *fs, int which, unsigned gid)
{
    return which >= 0 && which < MKP_FACES && fs->f[which].ft && (long)gid < fs->f[which].ft->num_glyphs;
}

static void need_tables(chart_face *f)
{
    if (!f->outline) {
        f->outline = xcalloc((size_t)f->ft->num_glyphs, sizeof *f->outline);
        f->doc = xcalloc((size_t)f->ft->num_glyphs, sizeof *f->doc);
    }
}

const char *chart_fonts_outline(mkp_fonts *fs, int which, unsigned gid)
{
    if (!known_glyph(fs, which, gid))
        return "";
    chart_face *f = &fs->f[which];
    need_tables(f);
    if (!f->outline[gid])
        f->outline[gid] = make_outline(f, which, gid);
    return f->outline[gid];
}

unsigned chart_fonts_new_doc(mkp_fonts *fs)
{
    return ++fs->docs;
}

int chart_fonts_first_use(mkp_fonts *fs, int which, unsigned gid, unsigned doc)
{
    if (!known_glyph(fs, which, gid))
        return 0;
    chart_face *f = &fs->f[which];
    need_tables(f);
    if (f->doc[gid] == doc)
        return 0;
    f->doc[gid] = doc;
    return 1;
}

int chart_family_exists(const char *family)
{
    return ff_family_exists(family);
}
