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

#ifdef __cplusplus
}
#endif
#endif
