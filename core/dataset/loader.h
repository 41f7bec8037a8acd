/* loader.h - the dataset loader's own header: the loader's state, the
 * small readers every block uses (a value, a year, a text, points), and
 * the block loaders, one file each (market.c, imprint.c, segments.c,
 * content.c).
 * Private to dataset/.  Prefix ld_. */
#ifndef MKP_DATASET_LOADER_H
#define MKP_DATASET_LOADER_H
#include "dataset/dataset.h"
#include "dataset/ytree.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2200

#define LD_CASE_WARNED 8         /* spellings of tags warned about, per file */

typedef struct loader {
    mkp_doc *doc;
    arena *a;
    diag_ctx *d;
    const ds_methods *methods;
    /* languages (langs.c) */
    int langs_line, langs_col;      /* of `languages:`, 0 when the report has none */
    int langs_bad;                  /* `languages:` has an error: texts are not checked against it */
    size_t *missing;                /* per declared language: texts without it */
    size_t *missing_shown;          /* of those, warned about line by line */
    size_t n_shown;                 /* over every language */
    const char *owner_kind;         /* what the texts being read belong to, */
    const char *owner_id;           /* to name them: "segment", "region/americas" */
    const char *case_warned[LD_CASE_WARNED];
    size_t n_case_warned;
} loader;

/* ---- the small readers (readers.c) ---------------------------------------
 * Each checks one node and reports at its line and column; on a problem it
 * returns 0, NULL or an empty value, and loading goes on. */
size_t ld_edit_distance(const char *a, const char *b);
void ld_check_keys(loader *L, const ynode *map, const char *where, const char *const *allowed);
const ynode *ld_need(loader *L, const ynode *map, const char *key, const char *where);
int ld_want_kind(loader *L, const ynode *n, ykind k, const char *what);
int ld_parse_double(const ynode *n, double *out);
/* Digits after the decimal point of a number as written ("28.46": 2). */
int ld_decimals(const char *s);
int ld_get_amount(loader *L, const ynode *n, const char *what, double *out);
int ld_get_year(loader *L, const ynode *n, const char *what, int *out);
const char *ld_get_string(loader *L, const ynode *n, const char *what);
int ld_valid_id(const char *s);
const char *ld_get_id(loader *L, const ynode *n, const char *what);
const char *const *ld_get_string_list(loader *L, const ynode *n, const char *what, size_t *count);
ypoints ld_get_points(loader *L, const ynode *n, const char *what, int lo, int hi, const char *range_name);
mkp_provenance ld_get_provenance(loader *L, const ynode *n, mkp_provenance dflt);
const char *ld_get_date(loader *L, const ynode *n, const char *what, long long *epoch);
/* For each of n ids, the index of its first occurrence (itself when it is
 * the first; "" never repeats): duplicates found by sorting, for lists of
 * many thousand.  Free the result. */
size_t *ld_first_of(const char *const *ids, size_t n);

/* ---- languages (langs.c) -------------------------------------------------
 * ld_lang_tag checks a BCP 47 tag and writes it in its canonical case into
 * canon (LD_LANG_TAG_MAX + 1 bytes): LD_LANG_OK, LD_LANG_CASE when only
 * the case differs, or LD_LANG_BAD with the reason in why. */
#define LD_LANG_TAG_MAX 63
enum { LD_LANG_BAD = -1, LD_LANG_OK = 0, LD_LANG_CASE = 1 };
int ld_lang_tag(const char *s, char *canon, char *why, size_t cap);
/* report.languages (en first; [en] when absent), read before any text. */
void ld_languages(loader *L, const ynode *report);
/* Says what the texts read next belong to, for the warnings about missing
 * languages: ld_text_owner(L, "segment", path); id NULL for "report title". */
void ld_text_owner(loader *L, const char *kind, const char *id);
/* A string (English), or a map of declared language -> string; warns for
 * each declared language it lacks. */
mkp_text ld_get_text(loader *L, const ynode *n, const char *what);
/* The same for a proper name, which need not be translated. */
mkp_text ld_get_name(loader *L, const ynode *n, const char *what);
/* One note per language that texts lack: "zh-CN: 17 texts missing". */
void ld_language_totals(loader *L);

/* ---- the blocks (market.c, segments.c, content.c) ------------------------ */
void ld_report(loader *L, const ynode *r);
/* report.copyright, licence, disclaimer, about and contact (imprint.c). */
void ld_imprint(loader *L, const ynode *r);
void ld_market(loader *L, const ynode *mk);
/* `method:` and `params:` of the market or of a segment with anchors. */
void ld_method(loader *L, spec *s, const ynode *y);
void ld_dimensions(loader *L, const ynode *list);
void ld_sections(loader *L, const ynode *list);
void ld_landscape(loader *L, const ynode *y);
void ld_scenarios(loader *L, const ynode *list);
#endif
