/* fontfind.h - the fonts of the pdf plugin and of the host's charts (the
 * svg plugin's, through host->fonts_open), found through fontconfig: a
 * family and a style, or any TrueType font for Chinese, to a file and a
 * face index.  Compiled into the pdf plugin (hidden visibility) and linked
 * into the program (core/chart/fonts.c), so a chart measures the same in
 * the PDF and in the SVG; not a public header. */
#ifndef MKP_FONTFIND_H
#define MKP_FONTFIND_H

#include <marketpress/marketpress.h>

/* The faces a plugin asks for; the pdf plugin's PF_* faces use the same
 * numbers.  FF_HEADING is the bold face of a second family for headings
 * (ff_find_want), else none. */
enum { FF_REGULAR, FF_BOLD, FF_ITALIC, FF_CJK, FF_HEADING, FF_NFACES };

#define FF_DEFAULT_CJK "Droid Sans Fallback"

typedef struct ff_face {
    char *file;                     /* NULL: none (only the CJK face, or a face not asked for) */
    int index;                      /* the face's number inside a collection (.ttc), else 0 */
    char *warning;                  /* said by ff_warn the first time the face is used, or NULL */
} ff_face;

typedef struct ff_fonts {
    ff_face face[FF_NFACES];
} ff_fonts;

/* Finds the regular face of `family` (NULL or "": `default_family`), the
 * faces in `styles` (1u << FF_BOLD, 1u << FF_ITALIC) and a CJK face
 * (`cjk_family`, NULL or "": Droid Sans Fallback, else the best TrueType
 * font fontconfig has for zh-cn).  Only TrueType outlines of exactly the
 * family asked for are taken.  A missing bold or italic face becomes the
 * regular one, and a missing default CJK font no face, each with a warning
 * kept for ff_warn.  Returns 0, or -1 after one MKP_FAIL line naming what is
 * missing.  Call ff_free in both cases. */
int ff_find(ff_fonts *ff, const mkp_host *host, const mkp_job *job, const char *family, const char *default_family,
            unsigned styles, const char *cjk_family);

/* What ff_find_want looks for.  A family the user chose (an option) is
 * required: when it is missing the lookup fails.  A family a publisher's
 * theme prefers is taken when installed in TrueType outlines, else one
 * warning names it and the default stands in. */
typedef struct ff_want {
    const char *family;             /* the Latin family required, or NULL / "" */
    const char *preferred;          /* else this one when installed, or NULL / "" */
    const char *default_family;     /* else this one, required */
    unsigned styles;                /* 1u << FF_BOLD, 1u << FF_ITALIC */
    const char *cjk_family;         /* the CJK family required, or NULL / "" */
    const char *cjk_preferred;      /* else this one when installed, or NULL / "" */
    const char *heading;            /* a preferred family for headings: its bold face becomes
                                       FF_HEADING unless it is the Latin family; NULL / "" none */
    const char *why;                /* who prefers: "the theme's", for the warnings */
} ff_want;

/* ff_find with preferences; the same return and the same ff_free. */
int ff_find_want(ff_fonts *ff, const mkp_host *host, const mkp_job *job, const ff_want *want);

/* Says the warning kept for `face`, once. */
void ff_warn(ff_fonts *ff, int face, const mkp_host *host, const mkp_job *job);

/* Whether two faces are the same face of the same file. */
int ff_same(const ff_face *a, const ff_face *b);

void ff_free(ff_fonts *ff);

/* Whether fontconfig has TrueType outlines of exactly `family` (a theme's
 * fonts are checked with it when the theme is read). */
int ff_family_exists(const char *family);

#endif
