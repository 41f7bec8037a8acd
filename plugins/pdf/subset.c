/* subset.c - completes libharu 2.3.0's fonts before saving.  It reads the
 * parts of composite glyphs as signed 16-bit numbers and never looks inside
 * parts, so Droid Sans Fallback's ideographs (built from parts above 32767)
 * lost strokes; and it gives each UTF-8 font a ToUnicode map that is not
 * one (see to_unicode).  Uses libharu's installed internal headers, so it
 * acts only on the library version it was built against. */
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* Glyph numbers of the parts of composite glyph `gid`; returns how many
 * (0 for a simple or empty glyph). */
static size_t parts(FILE *f, HPDF_TTFontDefAttr ta, unsigned gid, unsigned *out, size_t cap)
{
    unsigned scale = ta->header.index_to_loc_format == 0 ? 2 : 1;
    unsigned long start = (unsigned long)ta->glyph_tbl.offsets[gid] * scale;
    unsigned long end = (unsigned long)ta->glyph_tbl.offsets[gid + 1] * scale;
    unsigned char buf[4096];
    if (end <= start + 10)
        return 0;
    size_t len = end - start < sizeof buf ? end - start : sizeof buf;
    if (fseek(f, (long)(ta->glyph_tbl.base_offset + start), SEEK_SET) != 0 || fread(buf, 1, len, f) != len)
        return 0;
    if (be16(buf) != 0xFFFF) /* numberOfContours == -1 marks a composite */
        return 0;
    size_t n = 0, p = 10;
    for (;;) {
        if (p + 4 > len || n == cap)
            break;
        unsigned flags = be16(buf + p);
        out[n++] = be16(buf + p + 2);
        p += 4 + ((flags & 0x0001) ? 4 : 2);
        p += (flags & 0x0008) ? 2 : (flags & 0x0040) ? 4 : (flags & 0x0080) ? 8 : 0;
        if (!(flags & 0x0020))
            break;
    }
    return n;
}

static void complete(pdf_doc *d, HPDF_Font font, const char *file)
{
    HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
    HPDF_FontDef def = fa ? fa->fontdef : NULL;
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE)
        return;
    HPDF_TTFontDefAttr ta = (HPDF_TTFontDefAttr)def->attr;
    if (!ta || !ta->embedding || !ta->glyph_tbl.flgs || !ta->glyph_tbl.offsets)
        return;
    FILE *f = fopen(file, "rb");
    if (!f)
        return;
    unsigned n = ta->num_glyphs;
    unsigned char *seen = xrealloc(d, NULL, n ? n : 1);
    memset(seen, 0, n);
    int again = 1;
    while (again) {
        again = 0;
        for (unsigned g = 0; g < n; g++) {
            if (!ta->glyph_tbl.flgs[g] || seen[g])
                continue;
            seen[g] = 1;
            unsigned part[64];
            size_t k = parts(f, ta, g, part, 64);
            for (size_t i = 0; i < k; i++) {
                if (part[i] < n && !ta->glyph_tbl.flgs[part[i]]) {
                    ta->glyph_tbl.flgs[part[i]] = 1;
                    again |= part[i] < g; /* a later one is reached in this pass */
                }
            }
        }
    }
    free(seen);
    fclose(f);
}

/* libharu writes, as the ToUnicode map of a UTF-8 font, the CMap that
 * maps its codes to CIDs (a begincidrange, which poppler warns about on
 * every page, and which a reader cannot copy text by).  A code of such a
 * font is the character's own UTF-16 value (the font's encoding is
 * Identity-H and its CIDToGIDMap finds the glyph), so the map it needs is
 * the identity over the Basic Multilingual Plane: written here in its
 * place, 100 ranges a block as the CMap format allows, surrogates left out. */
static void to_unicode(HPDF_Font font)
{
    HPDF_Dict tu = font ? HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT) : NULL;
    if (!tu || !tu->stream)
        return;
    HPDF_Stream st = tu->stream;
    HPDF_MemStream_FreeData(st);
    HPDF_Stream_WriteStr(st, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                             "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                             "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    int his[256], n = 0;
    for (int hi = 0; hi < 256; hi++)
        if (hi < 0xD8 || hi > 0xDF)
            his[n++] = hi;
    for (int at = 0; at < n; at += 100) {
        int block = n - at < 100 ? n - at : 100;
        char line[64];
        snprintf(line, sizeof line, "%d beginbfrange\n", block);
        HPDF_Stream_WriteStr(st, line);
        for (int k = at; k < at + block; k++) {
            snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", his[k], his[k], his[k]);
            HPDF_Stream_WriteStr(st, line);
        }
        HPDF_Stream_WriteStr(st, "endbfrange\n");
    }
    HPDF_Stream_WriteStr(st, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

void pf_complete_subsets(pdf_doc *d)
{
    if (strcmp(HPDF_GetVersion(), HPDF_VERSION_TEXT) != 0)
        return;
    for (int i = 0; i < PF_NFACES; i++)
        if (d->face[i].state == 1) {
            complete(d, d->face[i].font, pf_file(d, i));
            to_unicode(d->face[i].font);
            to_unicode(d->face[i].font_utf);
        }
}
