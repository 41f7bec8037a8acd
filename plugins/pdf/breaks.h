/* breaks.h - where a line may end and where an English word may take a
 * hyphen: libunibreak's UAX #14 opportunities with the report's own rules
 * laid over them, and the dictionary's splits (Liang's algorithm, hyph.c)
 * with the house limits.
 * Nothing here knows of libharu or the document, so the unit tests link
 * it as it is (tests/unit/test_breaks.c). */
#ifndef MKP_PDF_BREAKS_H
#define MKP_PDF_BREAKS_H

#include <stddef.h>
#include <stdint.h>

enum { BR_NO = 0, BR_ALLOW = 1 };

/* For each byte of the UTF-8 text s (len bytes), out[i] = BR_ALLOW when a
 * line may end after byte i, else BR_NO; the last byte is always BR_NO (the
 * text ends there anyway).  lang is a BCP 47 tag ("en", "zh-CN"). */
void br_opportunities(const char *s, size_t len, const char *lang, char *out);

/* Hyphenation: a loaded dictionary. */
typedef struct br_hyph br_hyph;

#define BR_HYPH_LEFT  2             /* letters kept before a hyphen */
#define BR_HYPH_RIGHT 3             /* letters carried to the next line */

/* The dictionary file to use: `want` when it is given (NULL when it cannot
 * be read), else the build's default (MKP_HYPHEN_DICT), else the first
 * readable one of the usual Debian and local folders; NULL when none is. */
const char *br_hyph_find(const char *want);
br_hyph *br_hyph_open(const char *path);
void br_hyph_close(br_hyph *h);

/* The places in word (len bytes: a word as it stands in the text, with its
 * punctuation) after which it may be cut with a hyphen, as byte offsets in
 * ascending order, at most cap of them; returns how many.  Only words of
 * small Latin letters are cut (a capital or a digit makes a name, a code
 * or a number: "GPT-4", "Nvidia"), with at least BR_HYPH_LEFT letters
 * before the cut and BR_HYPH_RIGHT after it (or the dictionary's
 * LEFTHYPHENMIN and RIGHTHYPHENMIN, when larger). */
size_t br_hyphenate(br_hyph *h, const char *word, size_t len, uint32_t *at, size_t cap);

#endif
