/* fontfind.c - fontconfig lookups for the pdf plugin and the host's chart
 * fonts: only faces of the family asked for, only TrueType outlines
 * (libharu embeds no CFF), and the fallbacks a user would expect, each said
 * once.  fontconfig's caches are read, never written.  See fontfind.h. */
#include <ctype.h>
#include <dirent.h>
#include <fontconfig/fontconfig.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture.h"
#include "fontfind.h"

static const char *const style_name[FF_NFACES] = {"regular", "bold", "italic", "CJK", "heading"};

/* Where Debian keeps the default faces (dpkg -S), for the message when one
 * is missing: a fresh Debian 12 has fonts-dejavu-core but not the slanted
 * faces of fonts-dejavu-extra. */
static const struct hint {
    const char *family;
    int face;
    const char *face_name;
    const char *package;
} hints[] = {
    {"DejaVu Serif", FF_REGULAR, "DejaVu Serif", "fonts-dejavu-core"},
    {"DejaVu Serif", FF_BOLD, "DejaVu Serif Bold", "fonts-dejavu-core"},
    {"DejaVu Serif", FF_ITALIC, "DejaVu Serif Italic", "fonts-dejavu-extra"},
    {"DejaVu Sans", FF_REGULAR, "DejaVu Sans", "fonts-dejavu-core"},
    {"DejaVu Sans", FF_BOLD, "DejaVu Sans Bold", "fonts-dejavu-core"},
    {"DejaVu Sans", FF_ITALIC, "DejaVu Sans Oblique", "fonts-dejavu-extra"},
    {FF_DEFAULT_CJK, FF_CJK, FF_DEFAULT_CJK, "fonts-droid-fallback"},
};

/* Family names compare as fontconfig compares them: "dejavu sans" and
 * "DejaVuSans" are DejaVu Sans. */
static int same_family(const char *a, const char *b)
{
    for (;; a++, b++) {
        while (*a == ' ')
            a++;
        while (*b == ' ')
            b++;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
        if (!*a)
            return 1;
    }
}

static const struct hint *hint_for(const char *family, int face)
{
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
        if (hints[i].face == face && same_family(hints[i].family, family))
            return &hints[i];
    return NULL;
}

static char *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *str_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

/* One lookup: the user's fontconfig configuration, every face it knows, and
 * where to say what is wrong. */
typedef struct finder {
    FcConfig *cfg;
    FcFontSet *fonts;
    FcStrSet *seen;                 /* folders read, against loops */
    const mkp_host *host;
    const mkp_job *job;
} finder;

/* ---- the fonts fontconfig knows, read without writing --------------------
 * FcInit rescans a folder whose cache it cannot read and writes what it
 * found back into the machine's (or the user's) cache.  A job under a
 * memory limit (render --memory-limit, ulimit -v) can fail to read the
 * cache and to open the fonts alike, and then writes an empty but valid
 * cache: every program on the machine loses that folder's fonts until
 * `fc-cache -f`.  So the configuration is loaded here without its fonts,
 * each folder's faces come from its cache as it is, a folder without a
 * valid cache is scanned in memory, and nothing is written.  (Unlike
 * FcInit, this applies no <selectfont> rules.) */

static void add_dir(finder *fd, const FcChar8 *dir, int depth);

static void add_face(finder *fd, FcPattern *p)
{
    if (!FcFontSetAdd(fd->fonts, p))
        FcPatternDestroy(p);
}

/* The faces of every file in a folder without a cache, in name order as
 * fontconfig scans them; subfolders may have caches of their own. */
static void scan_dir(finder *fd, const char *dir, int depth)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    for (int i = 0; i < n; i++) {
        char *path = names[i]->d_name[0] != '.' ? str_printf("%s/%s", dir, names[i]->d_name) : NULL;
        struct stat st;
        int known = path && stat(path, &st) == 0;
        if (known && S_ISDIR(st.st_mode)) {
            add_dir(fd, (const FcChar8 *)path, depth + 1);
        } else if (known && S_ISREG(st.st_mode)) {
            int count = 1;
            for (int id = 0; id < count && id < 0x10000; id++) {
                FcPattern *p = FcFreeTypeQuery((const FcChar8 *)path, (unsigned)id, NULL, &count);
                if (!p)
                    break;
                add_face(fd, p);
            }
        }
        free(path);
        free(names[i]);
    }
    if (n >= 0)
        free(names);
}

static void add_dir(finder *fd, const FcChar8 *dir, int depth)
{
    if (depth > 32 || FcStrSetMember(fd->seen, dir) || !FcStrSetAdd(fd->seen, dir))
        return;
    FcCache *cache = FcDirCacheLoad(dir, fd->cfg, NULL);
    if (!cache) {
        scan_dir(fd, (const char *)dir, depth);
        return;
    }
    /* The copy holds references into the cache, which stays mapped until
     * the last of them is dropped. */
    FcFontSet *set = FcCacheCopySet(cache);
    for (int i = 0; set && i < set->nfont; i++)
        add_face(fd, set->fonts[i]);
    if (set) {
        set->nfont = 0;
        FcFontSetDestroy(set);
    }
    for (int i = 0; i < FcCacheNumSubdir(cache); i++)
        add_dir(fd, FcCacheSubdir(cache, i), depth + 1);
    FcDirCacheUnload(cache);
}

static int finder_open(finder *fd)
{
    fd->cfg = FcInitLoadConfig();
    fd->fonts = FcFontSetCreate();
    fd->seen = FcStrSetCreate();
    if (!fd->cfg || !fd->fonts || !fd->seen)
        return -1;
    FcStrList *dirs = FcConfigGetFontDirs(fd->cfg);
    for (FcChar8 *dir; dirs && (dir = FcStrListNext(dirs));)
        add_dir(fd, dir, 0);
    if (dirs)
        FcStrListDone(dirs);
    return 0;
}

static void finder_close(finder *fd)
{
    if (fd->fonts)
        FcFontSetDestroy(fd->fonts);
    if (fd->seen)
        FcStrSetDestroy(fd->seen);
    if (fd->cfg)
        FcConfigDestroy(fd->cfg);
}

/* ---- choosing a face ------------------------------------------------------ */

/* A face both libharu and FreeType open as it is: a variable font's named
 * instances would come out in its default outlines. */
static int usable(FcPattern *p, const char *family)
{
    FcChar8 *s;
    FcBool variable = FcFalse;
    int index = 0;
    if (FcPatternGetString(p, FC_FILE, 0, &s) != FcResultMatch)
        return 0;
    if ((FcPatternGetBool(p, FC_VARIABLE, 0, &variable) == FcResultMatch && variable) ||
        (FcPatternGetInteger(p, FC_INDEX, 0, &index) == FcResultMatch && (index < 0 || index > 0xFFFF)))
        return 0;
    if (!family)
        return 1;
    for (int i = 0; FcPatternGetString(p, FC_FAMILY, i, &s) == FcResultMatch; i++)
        if (same_family((const char *)s, family))
            return 1;
    return 0;
}

/* The faces of `family`, or with family NULL of any family covering
 * `lang`, in TrueType outlines unless `any_format`.  Listing instead of
 * matching, which always returns some font: a family that is not
 * installed gives an empty set, never a neighbour.  NULL when out of memory. */
static FcFontSet *candidates(finder *fd, const char *family, const char *lang, int any_format)
{
    FcPattern *pat = FcPatternCreate();
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, FC_STYLE, FC_SLANT, FC_WEIGHT, FC_WIDTH, FC_FILE, FC_INDEX,
                                       FC_FONTFORMAT, FC_VARIABLE, (char *)0);
    FcLangSet *ls = lang ? FcLangSetCreate() : NULL;
    int ok = pat && os && (!lang || ls);
    if (ok && family)
        ok = FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    if (ok && ls)
        ok = FcLangSetAdd(ls, (const FcChar8 *)lang) && FcPatternAddLangSet(pat, FC_LANG, ls);
    if (ok && !any_format)
        ok = FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)"TrueType");
    FcFontSet *set = ok ? FcFontSetList(fd->cfg, &fd->fonts, 1, pat, os) : NULL;
    if (ls)
        FcLangSetDestroy(ls);
    if (os)
        FcObjectSetDestroy(os);
    if (pat)
        FcPatternDestroy(pat);
    if (!set)
        return NULL;
    int n = 0;
    for (int i = 0; i < set->nfont; i++) {
        if (usable(set->fonts[i], family))
            set->fonts[n++] = set->fonts[i];
        else
            FcPatternDestroy(set->fonts[i]);
    }
    set->nfont = n;
    return set;
}

/* The candidate fontconfig ranks first for the family in a weight and
 * slant, after the user's configuration has had its say; for Chinese
 * (family NULL) the ranking of the sans-serif families for `lang`.
 * Sorting rather than FcFontSetMatch: a match is prepared for rendering,
 * and the usual configuration then claims a synthetic bold or oblique
 * (weight and slant as asked) for a family that has no such face. */
static FcPattern *best(finder *fd, FcFontSet *set, const char *family, const char *lang, int weight, int slant)
{
    FcPattern *q = FcPatternCreate();
    if (!q)
        return NULL;
    FcPattern *m = NULL;
    if (FcPatternAddString(q, FC_FAMILY, (const FcChar8 *)(family ? family : "sans-serif")) &&
        (!lang || FcPatternAddString(q, FC_LANG, (const FcChar8 *)lang)) && FcPatternAddInteger(q, FC_WEIGHT, weight) &&
        FcPatternAddInteger(q, FC_SLANT, slant) && FcConfigSubstitute(fd->cfg, q, FcMatchPattern)) {
        FcDefaultSubstitute(q);
        FcResult r;
        FcFontSet *sorted = FcFontSetSort(fd->cfg, &set, 1, q, FcFalse, NULL, &r);
        if (sorted && sorted->nfont > 0) {
            m = sorted->fonts[0];
            FcPatternReference(m);
        }
        if (sorted)
            FcFontSetDestroy(sorted);
    }
    FcPatternDestroy(q);
    return m;
}

/* Whether the face found for `face` is of that style, and not the one
 * fontconfig ranked nearest (the bold italic for italic, say). */
static int has_style(FcPattern *m, int face)
{
    int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(m, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(m, FC_SLANT, 0, &slant);
    int bold = weight >= FC_WEIGHT_DEMIBOLD, upright = slant == FC_SLANT_ROMAN;
    return face == FF_BOLD ? bold && upright : face == FF_ITALIC ? !bold && !upright : 1;
}

static int out_of_memory(finder *fd)
{
    fd->host->diag(fd->job, MKP_FAIL, "out of memory");
    return -1;
}

/* Copies the file and face index of a match.  The file is checked once
 * more: a cache may be older than the disk. */
static int take(finder *fd, ff_face *out, FcPattern *m, const char *family, int face)
{
    FcChar8 *file;
    int index = 0;
    if (FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch)
        return out_of_memory(fd);
    FcPatternGetInteger(m, FC_INDEX, 0, &index);
    if (access((const char *)file, R_OK) != 0) {
        fd->host->diag(fd->job, MKP_FAIL, "cannot read the font file %s (%s, %s face)", (const char *)file, family,
                       style_name[face]);
        return -1;
    }
    out->file = strdup((const char *)file);
    out->index = index;
    return out->file ? 0 : out_of_memory(fd);
}

/* The one line for a face that cannot be had. */
static void missing(finder *fd, const char *family, int face, const char *option)
{
    FcFontSet *other = candidates(fd, family, NULL, 1);
    int other_format = other && other->nfont > 0;
    if (other)
        FcFontSetDestroy(other);
    const struct hint *h = hint_for(family, face);
    if (other_format)
        fd->host->diag(fd->job, MKP_FAIL,
                       "font family '%s' is installed only in outlines other than TrueType, which cannot be embedded; "
                       "`fc-list :fontformat=TrueType family` lists the TrueType families",
                       family);
    else if (h)
        fd->host->diag(fd->job, MKP_FAIL, "font %s not found by fontconfig (Debian package %s)", h->face_name,
                       h->package);
    else
        fd->host->diag(fd->job, MKP_FAIL,
                       "font family '%s'%s%s%s is not installed; `fc-list : family` lists those that are", family,
                       option ? " (option " : "", option ? option : "", option ? ")" : "");
}

/* Face f (FF_REGULAR, FF_BOLD, FF_ITALIC) of `family` from its candidates
 * `set`; a missing bold or italic is the family's regular face `regular`,
 * with a warning. */
static int find_style(finder *fd, FcFontSet *set, const char *family, int f, const ff_face *regular, ff_face *out)
{
    static const int weight[] = {FC_WEIGHT_REGULAR, FC_WEIGHT_BOLD, FC_WEIGHT_REGULAR};
    static const int slant[] = {FC_SLANT_ROMAN, FC_SLANT_ROMAN, FC_SLANT_ITALIC};
    FcPattern *m = best(fd, set, family, NULL, weight[f], slant[f]);
    int rc;
    if (m && f != FF_REGULAR && !has_style(m, f)) {
        /* The family's regular face stands in, as a word processor would do. */
        const struct hint *h = hint_for(family, f);
        out->file = strdup(regular->file);
        out->index = regular->index;
        out->warning = h ? str_printf("%s has no %s face (%s, Debian package %s): %s text is set in the regular "
                                      "face", family, style_name[f], h->face_name, h->package, style_name[f])
                         : str_printf("%s has no %s face: %s text is set in the regular face", family,
                                      style_name[f], style_name[f]);
        rc = out->file && out->warning ? 0 : out_of_memory(fd);
    } else {
        rc = m ? take(fd, out, m, family, f) : out_of_memory(fd);
    }
    if (m)
        FcPatternDestroy(m);
    return rc;
}

/* The regular face and the styles asked for. */
static int find_latin(finder *fd, ff_fonts *ff, const char *family, int chosen, unsigned styles)
{
    FcFontSet *set = candidates(fd, family, NULL, 0);
    if (!set)
        return out_of_memory(fd);
    int rc = 0;
    if (set->nfont == 0) {
        missing(fd, family, FF_REGULAR, chosen ? "font" : NULL);
        rc = -1;
    }
    for (int f = FF_REGULAR; rc == 0 && f <= FF_ITALIC; f++)
        if (f == FF_REGULAR || (styles & 1u << f))
            rc = find_style(fd, set, family, f, &ff->face[FF_REGULAR], &ff->face[f]);
    FcFontSetDestroy(set);
    return rc;
}

/* The bold face of the heading family, which is installed: its regular
 * face when it has no bold, with a warning. */
static int find_heading(finder *fd, ff_fonts *ff, const char *family)
{
    FcFontSet *set = candidates(fd, family, NULL, 0);
    if (!set)
        return out_of_memory(fd);
    ff_face regular = {0};
    int rc = find_style(fd, set, family, FF_REGULAR, &regular, &regular);
    if (rc == 0)
        rc = find_style(fd, set, family, FF_BOLD, &regular, &ff->face[FF_HEADING]);
    free(regular.file);
    free(regular.warning);
    FcFontSetDestroy(set);
    return rc;
}

/* The CJK face: the family chosen (required), or Droid Sans Fallback, or
 * the best TrueType font for Simplified Chinese, or none with a warning. */
static int find_cjk(finder *fd, ff_fonts *ff, const char *family, int chosen)
{
    ff_face *out = &ff->face[FF_CJK];
    FcFontSet *set = candidates(fd, family, NULL, 0);
    FcPattern *m = set && set->nfont ? best(fd, set, family, NULL, FC_WEIGHT_REGULAR, FC_SLANT_ROMAN) : NULL;
    if (set && !set->nfont && chosen) {
        FcFontSetDestroy(set);
        missing(fd, family, FF_CJK, "cjk-font");
        return -1;
    }
    if (set && !set->nfont) {
        FcFontSetDestroy(set);
        family = "the best font for zh-cn";
        set = candidates(fd, NULL, "zh-cn", 0);
        m = set && set->nfont ? best(fd, set, NULL, "zh-cn", FC_WEIGHT_REGULAR, FC_SLANT_ROMAN) : NULL;
    }
    int rc = 0;
    if (!set || (set->nfont && !m)) {
        rc = out_of_memory(fd);
    } else if (m) {
        rc = take(fd, out, m, family, FF_CJK);
    } else {
        const struct hint *h = hint_for(FF_DEFAULT_CJK, FF_CJK);
        out->warning = str_printf("no TrueType font for Chinese: neither %s (Debian package %s) nor another covering "
                                  "zh-cn is installed; Chinese characters will show as boxes",
                                  h->face_name, h->package);
        rc = out->warning ? 0 : out_of_memory(fd);
    }
    if (m)
        FcPatternDestroy(m);
    if (set)
        FcFontSetDestroy(set);
    return rc;
}

static int given(const char *s)
{
    return s && *s;
}

/* Whether a preferred family is installed in TrueType outlines; when it is
 * not, one warning names it and `instead`, the family that stands in. */
static int preferred(finder *fd, const char *family, const char *what, const char *instead, const char *why)
{
    FcFontSet *set = candidates(fd, family, NULL, 0);
    FcFontSet *other = set && !set->nfont ? candidates(fd, family, NULL, 1) : NULL;
    int found = set && set->nfont > 0, other_format = other && other->nfont > 0;
    if (set)
        FcFontSetDestroy(set);
    if (other)
        FcFontSetDestroy(other);
    if (!found)
        fd->host->diag(fd->job, MKP_WARNING,
                       "%s %s font family '%s' is %s: %s stands in (`fc-list :fontformat=TrueType family` lists the "
                       "families that can be embedded)",
                       why, what, family, other_format ? "installed only in outlines other than TrueType" : "not installed",
                       instead);
    return found;
}

static int find_all(finder *fd, ff_fonts *ff, const ff_want *w)
{
    const char *why = given(w->why) ? w->why : "the preferred";
    int chosen = given(w->family), cjk_chosen = given(w->cjk_family);
    const char *latin = chosen ? w->family : w->default_family;
    if (!chosen && given(w->preferred) && preferred(fd, w->preferred, "body", w->default_family, why))
        latin = w->preferred;
    int rc = find_latin(fd, ff, latin, chosen, w->styles);
    const char *cjk = cjk_chosen ? w->cjk_family : FF_DEFAULT_CJK;
    if (rc == 0 && !cjk_chosen && given(w->cjk_preferred) &&
        preferred(fd, w->cjk_preferred, "Chinese", FF_DEFAULT_CJK, why))
        cjk = w->cjk_preferred;
    if (rc == 0)
        rc = find_cjk(fd, ff, cjk, cjk_chosen);
    if (rc == 0 && given(w->heading) && !same_family(w->heading, latin) &&
        preferred(fd, w->heading, "heading", latin, why))
        rc = find_heading(fd, ff, w->heading);
    return rc;
}

/* The configuration and the font list are the lookup's own and go with it:
 * fontconfig's default configuration is never loaded (so no FcFini, which
 * would pull it from under cairo were cairo using it). */
int ff_find_want(ff_fonts *ff, const mkp_host *host, const mkp_job *job, const ff_want *want)
{
    memset(ff, 0, sizeof *ff);
    finder fd = {.host = host, .job = job};
    int rc;
    /* fontconfig reports a broken configuration (or, short of memory, every
     * file of it) on standard error, a line each. */
    cap_stderr cap = cap_begin();
    int opened = finder_open(&fd);
    cap_end(&cap, host, job, "fontconfig", 0);
    if (opened != 0) {
        host->diag(job, MKP_FAIL, "fontconfig cannot load its configuration");
        rc = -1;
    } else {
        rc = find_all(&fd, ff, want);
    }
    finder_close(&fd);
    return rc;
}

int ff_find(ff_fonts *ff, const mkp_host *host, const mkp_job *job, const char *family, const char *default_family,
            unsigned styles, const char *cjk_family)
{
    ff_want w = {.family = family, .default_family = default_family, .styles = styles, .cjk_family = cjk_family};
    return ff_find_want(ff, host, job, &w);
}

void ff_warn(ff_fonts *ff, int face, const mkp_host *host, const mkp_job *job)
{
    ff_face *f = &ff->face[face];
    if (f->warning) {
        host->diag(job, MKP_WARNING, "%s", f->warning);
        free(f->warning);
        f->warning = NULL;
    }
}

int ff_same(const ff_face *a, const ff_face *b)
{
    return a->file && b->file && a->index == b->index && strcmp(a->file, b->file) == 0;
}

void ff_free(ff_fonts *ff)
{
    for (int f = 0; f < FF_NFACES; f++) {
        free(ff->face[f].file);
        free(ff->face[f].warning);
        ff->face[f].file = ff->face[f].warning = NULL;
    }
}

int ff_family_exists(const char *family)
{
    finder fd = {0};
    int yes = 1; /* fontconfig that cannot start: the renderer says so */
    if (finder_open(&fd) == 0) {
        FcFontSet *set = candidates(&fd, family, NULL, 0);
        yes = set && set->nfont > 0;
        if (set)
            FcFontSetDestroy(set);
    }
    finder_close(&fd);
    return yes;
}
