/* marketpress/text.h - small text helpers every plugin needs the same way:
 * reading UTF-8 one code point at a time, and telling East Asian wide
 * characters (set in a CJK font, two columns in a cell, a line may break
 * between them).  Header-only (static inline); C99 and C++. */
#ifndef MARKETPRESS_TEXT_H
#define MARKETPRESS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The code point at s[*i], reading no further than s[len - 1] (pass
 * (size_t)-1 for a NUL-terminated string: NUL reads as 0), and advances *i
 * past it.  A byte that does not start a well-formed sequence (a stray
 * continuation, a cut or overlong sequence, a surrogate, anything above
 * U+10FFFF) reads as U+FFFD and advances *i by one. */
static inline uint32_t mkp_utf8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left = len - *i;
    uint32_t c = p[0];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (n == 0 || n > left) {
        *i += 1;
        return 0xFFFD;
    }
    if (n > 1)
        c &= 0x7Fu >> n;
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *i += 1;
            return 0xFFFD;
        }
        c = c << 6 | (p[k] & 0x3Fu);
    }
    if (c < least[n] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
        *i += 1;
        return 0xFFFD;
    }
    *i += n;
    return c;
}

/* East Asian Wide and Fullwidth characters (Unicode's EastAsianWidth W and
 * F): ideographs, kana, hangul, CJK and full-width punctuation. */
static inline int mkp_is_wide(uint32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

/* ---- ABI 1.2: inline emphasis ------------------------------------------
 *
 * The dataset's texts (paragraphs, bullet items) mark emphasis as *italic*
 * and **bold**; every plugin reads them with this one tokenizer, so a text
 * looks the same in every output.  The rules:
 *   - `**` toggles bold and `*` italic (in `***`, `**` comes first);
 *   - a marker opens only when a character other than a space follows it
 *     and a marker of its kind that can close follows later in the text;
 *     it closes only when a character other than a space comes before it:
 *     so a lone `*` between spaces ("5 * 3") and a marker without a partner
 *     are literal stars;
 *   - `\*` is a literal star, whatever surrounds it (the backslash is
 *     dropped); no other backslash is special.
 * The text is split into runs of one style, each a stretch of the text
 * (markers and escaping backslashes fall between runs):
 *
 *     mkp_emphasis e;
 *     mkp_emphasis_run r;
 *     mkp_emphasis_begin(&e, text);
 *     while (mkp_emphasis_next(&e, &r))
 *         draw(text + r.start, r.len, r.style & MKP_EMPH_BOLD, r.style & MKP_EMPH_ITALIC);
 */
#define MKP_EMPH_ITALIC 0x1u
#define MKP_EMPH_BOLD 0x2u

typedef struct mkp_emphasis_run {
    size_t start, len;              /* the run is text + start, len bytes (never 0) */
    unsigned style;                 /* MKP_EMPH_* */
} mkp_emphasis_run;

/* The tokenizer's state; fill it with mkp_emphasis_begin(). */
typedef struct mkp_emphasis {
    const char *s;
    size_t at;                      /* where the next run starts */
    unsigned style;                 /* of the next run */
    int literal;                    /* s[at] is an escaped star */
    size_t no_partner[2];           /* from here on no italic, bold marker can close */
} mkp_emphasis;

static inline void mkp_emphasis_begin(mkp_emphasis *e, const char *s)
{
    e->s = s ? s : "";
    e->at = 0;
    e->style = 0;
    e->literal = 0;
    e->no_partner[0] = e->no_partner[1] = (size_t)-1;
}

static inline int mkp_emph_space_(char c)
{
    return c == '\0' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The width of the marker at s[i] (a '*'): 2 for "**", else 1. */
static inline size_t mkp_emph_width_(const char *s, size_t i)
{
    return s[i + 1] == '*' ? 2 : 1;
}

/* Whether a marker of `width` that can close comes at or after s[i].  A
 * search that fails is remembered, so that a text of many lone stars
 * costs one pass, not one per star. */
static inline int mkp_emph_partner_(mkp_emphasis *e, size_t i, size_t width)
{
    const char *s = e->s;
    if (i >= e->no_partner[width - 1])
        return 0;
    for (size_t k = i; s[k];) {
        if (s[k] == '\\' && s[k + 1] == '*') {
            k += 2;
            continue;
        }
        if (s[k] != '*') {
            k++;
            continue;
        }
        size_t w = mkp_emph_width_(s, k);
        if (w == width && k > 0 && !mkp_emph_space_(s[k - 1]))
            return 1;
        k += w;
    }
    e->no_partner[width - 1] = i;
    return 0;
}

/* Whether the marker at s[i] of `width` opens or closes its style. */
static inline int mkp_emph_toggles_(mkp_emphasis *e, size_t i, size_t width)
{
    unsigned bit = width == 2 ? MKP_EMPH_BOLD : MKP_EMPH_ITALIC;
    if (e->style & bit)
        return i > 0 && !mkp_emph_space_(e->s[i - 1]);
    return !mkp_emph_space_(e->s[i + width]) && mkp_emph_partner_(e, i + width, width);
}

/* The next run of the text into *run; 0 when the text is done. */
static inline int mkp_emphasis_next(mkp_emphasis *e, mkp_emphasis_run *run)
{
    const char *s = e->s;
    while (s[e->at]) {
        size_t i = e->at, w = 0;
        if (e->literal) {
            i++;
            e->literal = 0;
        }
        while (s[i] && !(s[i] == '\\' && s[i + 1] == '*')) {
            if (s[i] == '*' && mkp_emph_toggles_(e, i, w = mkp_emph_width_(s, i)))
                break;
            i += s[i] == '*' ? w : 1;
        }
        run->start = e->at;
        run->len = i - e->at;
        run->style = e->style;
        if (s[i] == '\\') {
            e->at = i + 1;
            e->literal = 1;
        } else if (s[i] == '*') {
            e->style ^= w == 2 ? MKP_EMPH_BOLD : MKP_EMPH_ITALIC;
            e->at = i + w;
        } else {
            e->at = i;
        }
        if (run->len)
            return 1;
    }
    return 0;
}

#ifdef __cplusplus
}
#endif
#endif
