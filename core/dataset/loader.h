/* loader.h - the dataset loader's own header: the loader's state, the
 * small readers every block uses (a value, a year, a text, points), and
 * the block loaders, one file each (market.c, segments.c, content.c).
 * Private to dataset/.  Prefix ld_. */
#ifndef MKP_DATASET_LOADER_H
#define MKP_DATASET_LOADER_H
#include "dataset/dataset.h"
#include "dataset/ytree.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2200

typedef struct loader {
    mkp_doc *doc;
    arena *a;
    diag_ctx *d;
    const ds_methods *methods;
} loader;

/* ---- the small readers (readers.c) ---------------------------------------
 * Each checks one node and reports at its line and column; on a problem it
 * returns 0, NULL or an empty value, and loading goes on. */
size_t ld_edit_distance(const char *a, const char *b);
void ld_check_keys(loader *L, const ynode *map, const char *where, const char *const *allowed);
const ynode *ld_need(loader *L, const ynode *map, const char *key, const char *where);
int ld_want_kind(loader *L, const ynode *n, ykind k, const char *what);
int ld_parse_double(const ynode *n, double *out);
int ld_get_amount(loader *L, const ynode *n, const char *what, double *out);
int ld_get_year(loader *L, const ynode *n, const char *what, int *out);
const char *ld_get_string(loader *L, const ynode *n, const char *what);
int ld_valid_id(const char *s);
const char *ld_get_id(loader *L, const ynode *n, const char *what);
int ld_valid_lang(const char *s);
mkp_text ld_get_text(loader *L, const ynode *n, const char *what);
const char *const *ld_get_string_list(loader *L, const ynode *n, const char *what, size_t *count);
ypoints ld_get_points(loader *L, const ynode *n, const char *what, int lo, int hi, const char *range_name);
mkp_provenance ld_get_provenance(loader *L, const ynode *n, mkp_provenance dflt);
const char *ld_get_date(loader *L, const ynode *n, long long *epoch);
/* For each of n ids, the index of its first occurrence (itself when it is
 * the first; "" never repeats): duplicates found by sorting, for lists of
 * many thousand.  Free the result. */
size_t *ld_first_of(const char *const *ids, size_t n);

/* ---- the blocks (market.c, segments.c, content.c) ------------------------ */
void ld_report(loader *L, const ynode *r);
void ld_market(loader *L, const ynode *mk);
/* `method:` and `params:` of the market or of a segment with anchors. */
void ld_method(loader *L, spec *s, const ynode *y);
void ld_dimensions(loader *L, const ynode *list);
void ld_sections(loader *L, const ynode *list);
void ld_landscape(loader *L, const ynode *y);
void ld_scenarios(loader *L, const ynode *list);
#endif
