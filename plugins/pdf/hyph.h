/* hyph.h - Liang's hyphenation (the algorithm of TeX's patterns) over a
 * dictionary in the format of Debian's hyphen-* packages
 * (/usr/share/hyphen/hyph_*.dic): a charset on the first line, then one
 * pattern a line (".ach4", "1ba", "hen5at").  Only patterns of small ASCII
 * letters are kept, the only words the report hyphenates (breaks.c).
 * Nothing here knows of the document; the unit tests link it as it is. */
#ifndef MKP_PDF_HYPH_H
#define MKP_PDF_HYPH_H

#include <stddef.h>

typedef struct hy_dict hy_dict;

/* Longest pattern kept, in letters (with its dots); longer ones are
 * ignored.  A word's hyphenation costs at most this many steps a letter. */
#define HY_PATTERN_MAX 48

/* The patterns of the dictionary file at path, or of the text [s, s+len)
 * in the same format; NULL when the file cannot be read, memory runs out
 * or no pattern is usable.  Lines that are not patterns are ignored. */
hy_dict *hy_load(const char *path);
hy_dict *hy_parse(const char *s, size_t len);
void hy_free(hy_dict *d);

/* The file's LEFTHYPHENMIN and RIGHTHYPHENMIN, 0 when it names none. */
int hy_left_min(const hy_dict *d);
int hy_right_min(const hy_dict *d);

/* How many patterns were kept. */
size_t hy_count(const hy_dict *d);

/* Liang's values for the word w of n small letters (no dots): level[p],
 * for p in [0, n], is the highest digit the patterns put at the boundary
 * before letter p (p = n: after the last); an odd one allows a hyphen
 * there.  level holds n + 1 bytes.  Takes O(n * HY_PATTERN_MAX) steps. */
void hy_levels(const hy_dict *d, const char *w, size_t n, unsigned char *level);

#endif
