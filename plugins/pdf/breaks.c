/* breaks.c - line break opportunities and English hyphenation for the
 * report's line breaker (text.c).  Opportunities are Unicode's (UAX #14,
 * through libunibreak), with a few rules of the report's own on top;
 * hyphenation points come from Liang's algorithm (hyph.c) with the
 * hyphen-en-us patterns. */
#include <linebreak.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <marketpress/text.h>

#include "breaks.h"
#include "hyph.h"

#ifndef MKP_HYPHEN_DICT
#define MKP_HYPHEN_DICT "/usr/share/hyphen/hyph_en_US.dic"
#endif

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static int is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_space(uint32_t c)
{
    return c == 0x20 || c == 0x3000 || c == 0;
}

/* Hyphen-minus, the Unicode hyphen, figure, en and em dash. */
static int is_dash(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2012 || c == 0x2013 || c == 0x2014;
}

/* The rules UAX #14 leaves out, applied to one code point c (bytes
 * [at, end)) between prev (ending at prev_end) and next; 0 stands for the
 * start or the end of the text. */
static void own_rules(char *out, uint32_t prev, size_t prev_end, uint32_t c, size_t end, uint32_t next)
{
    if (is_dash(c)) {
        /* A range of numbers ("2025–2032") stays whole: cut after its dash
         * it reads as one number to a text extractor ("20252032").  UAX #14
         * keeps "2025-2032" whole (HY × NU) but breaks after an en dash. */
        if (is_digit(prev) && is_digit(next)) {
            out[end - 1] = BR_NO;
            if (prev_end)
                out[prev_end - 1] = BR_NO;
        }
        /* A dash that opens a word ("-5%", "-based") stays with it. */
        if (is_space(prev))
            out[end - 1] = BR_NO;
        /* Never before a dash set close to its word ("word—word" breaks
         * after the dash only): a line that opens with a dash reads as a
         * list item or a minus sign. */
        if (!is_space(prev) && prev_end)
            out[prev_end - 1] = BR_NO;
    }
    /* Nor a pair of figures ("17%→22%"): arrows are ambiguous in width,
     * ideographs to the Chinese tailoring, which may break beside them. */
    if (c == 0x2192 && (is_digit(prev) || prev == '%') && is_digit(next)) {
        out[end - 1] = BR_NO;
        if (prev_end)
            out[prev_end - 1] = BR_NO;
    }
    /* An apostrophe inside a Latin word ("it’s"): the Chinese tailoring
     * makes U+2019 a closing quote, which would break after it. */
    if (c == 0x2019 && is_letter(prev) && is_letter(next))
        out[end - 1] = BR_NO;
}

void br_opportunities(const char *s, size_t len, const char *lang, char *out)
{
    static int ready;
    if (!ready) {
        init_linebreak();
        ready = 1;
    }
    if (!len)
        return;
    set_linebreaks_utf8((const utf8_t *)s, len, lang, out);
    /* A mandatory break (U+2028, a form feed) is one more opportunity: the
     * report's texts are paragraphs, and newlines in them already read as
     * spaces. */
    for (size_t i = 0; i < len; i++)
        out[i] = out[i] == LINEBREAK_ALLOWBREAK || out[i] == LINEBREAK_MUSTBREAK ? BR_ALLOW : BR_NO;
    size_t i = 0, prev_end = 0, end = 0;
    uint32_t prev = 0, c = mkp_utf8_next(s, len, &i);
    end = i;
    while (1) {
        uint32_t next = end < len ? mkp_utf8_next(s, len, &i) : 0;
        own_rules(out, prev, prev_end, c, end, next);
        if (end >= len)
            break;
        prev = c;
        prev_end = end;
        c = next;
        end = i;
    }
    out[len - 1] = BR_NO;
}

/* ---- hyphenation ---------------------------------------------------------- */

struct br_hyph {
    hy_dict *dict;
    size_t left, right;             /* the house limits, or the file's when larger */
};

static int readable(const char *path)
{
    return path && *path && access(path, R_OK) == 0;
}

const char *br_hyph_find(const char *want)
{
    if (want && *want)
        return readable(want) ? want : NULL;
    if (readable(MKP_HYPHEN_DICT))
        return MKP_HYPHEN_DICT;
    /* Debian's folder, a local install's, and the older myspell layout. */
    static const char *const usual[] = {
        "/usr/share/hyphen/hyph_en_US.dic",       "/usr/share/hyphen/hyph_en_GB.dic",
        "/usr/local/share/hyphen/hyph_en_US.dic", "/usr/share/myspell/dicts/hyph_en_US.dic",
        "/usr/share/myspell/hyph_en_US.dic",
    };
    for (size_t k = 0; k < sizeof usual / sizeof usual[0]; k++)
        if (readable(usual[k]))
            return usual[k];
    return NULL;
}

br_hyph *br_hyph_open(const char *path)
{
    hy_dict *dict = hy_load(path);
    if (!dict)
        return NULL;
    br_hyph *h = malloc(sizeof *h);
    if (!h) {
        hy_free(dict);
        return NULL;
    }
    h->dict = dict;
    int left = hy_left_min(dict), right = hy_right_min(dict);
    h->left = left > BR_HYPH_LEFT ? (size_t)left : BR_HYPH_LEFT;
    h->right = right > BR_HYPH_RIGHT ? (size_t)right : BR_HYPH_RIGHT;
    return h;
}

void br_hyph_close(br_hyph *h)
{
    if (!h)
        return;
    hy_free(h->dict);
    free(h);
}

/* Opening and closing marks that may stand around a word: quotes,
 * brackets, and the punctuation after it. */
static int is_mark(uint32_t c)
{
    return c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == '\'' || c == ',' || c == '.' ||
           c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2018 || c == 0x2019 || c == 0x201C ||
           c == 0x201D;
}

/* The letters of word without the marks around it and a possessive "'s":
 * [*a, *b).  Returns 0 unless they are all small Latin letters. */
static int core_of(const char *word, size_t len, size_t *a, size_t *b)
{
    size_t start = 0;
    while (start < len) {
        size_t i = start;
        if (!is_mark(mkp_utf8_next(word, len, &i)))
            break;
        start = i;
    }
    size_t stop = start;
    while (stop < len && word[stop] >= 'a' && word[stop] <= 'z')
        stop++;
    /* what follows the letters: a possessive, then marks only */
    size_t rest = stop;
    if (len - rest >= 2 && memcmp(word + rest, "'s", 2) == 0)
        rest += 2;
    else if (len - rest >= 4 && memcmp(word + rest, "\xE2\x80\x99s", 4) == 0)
        rest += 4;
    while (rest < len)
        if (!is_mark(mkp_utf8_next(word, len, &rest)))
            return 0;
    *a = start;
    *b = stop;
    return stop > start;
}

size_t br_hyphenate(br_hyph *h, const char *word, size_t len, uint32_t *at, size_t cap)
{
    size_t a, b;
    if (!h || !core_of(word, len, &a, &b) || b - a < h->left + h->right || b - a > 60)
        return 0;
    unsigned char level[64];
    size_t n = b - a, got = 0;
    hy_levels(h->dict, word + a, n, level);
    /* level[k + 1] is the boundary after letter k */
    for (size_t k = h->left - 1; k + h->right < n && got < cap; k++)
        if (level[k + 1] & 1)
            at[got++] = (uint32_t)(a + k + 1);
    return got;
}
