/* hyph.c - Liang's hyphenation over a hyphen-* dictionary (hyph.h).
 *
 * A pattern such as "hen5at" is the letters "henat" with a digit at some of
 * the boundaries between them.  A word is hyphenated as ".word.": every
 * pattern that occurs in it puts its digits at the boundaries it covers,
 * the highest digit at each boundary wins, and an odd one allows a hyphen.
 *
 * The patterns are a trie whose edges, (node, letter) -> node, sit in one
 * open-addressed hash table; a node that ends a pattern points at the
 * pattern's digits.  The file is read with one read() into the dictionary's
 * own block and parsed once: each pattern's digits are written over the
 * start of its line, so that the block is the pool of digits, and nothing
 * is allocated a pattern: the block and the table are all.  The 11,000
 * lines of hyphen-en-us load in about a millisecond (docs/pdf-report.md).
 *
 * The file's format: the first line is its charset ("UTF-8", "ISO8859-1");
 * then one pattern a line; "%" starts a comment; lines that begin with a
 * capital are keywords (LEFTHYPHENMIN n, RIGHTHYPHENMIN n, the COMPOUND...
 * ones, NOHYPHEN, NEXTLEVEL).  The report hyphenates words of small ASCII
 * letters only, so a pattern with any other character (a capital, a
 * ligature, an apostrophe; the same bytes in either charset) could never
 * match and is left out, and so are the non-standard patterns with a "/"
 * replacement ("ff1f/f=f,1,2"), which no English dictionary needs.  After
 * NEXTLEVEL (a compound dictionary's second level, as German ones have)
 * only the last level's patterns are kept: the ones for inside a word. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hyph.h"

/* Edges key a node (below 2^24) and a letter: a dictionary of more than
 * 16 million distinct prefixes is refused. */
#define HY_NODES_MAX (1u << 24)

typedef struct {
    uint32_t key;                   /* parent << 8 | letter */
    uint32_t child;                 /* 0: an empty slot (the root is no child) */
} hy_edge;

struct hy_dict {
    hy_edge *edge;                  /* 1 << bits slots, then digits */
    uint32_t *digits;               /* per node: offset into text, 0 for none */
    unsigned bits;
    uint32_t nodes;                 /* below half the slots */
    size_t count;
    int left, right;
    size_t len;
    char text[];                    /* the file, and the pool of digits */
};

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* ---- the table ----------------------------------------------------------- */

static uint32_t slot_of(uint32_t key, unsigned bits)
{
    return (uint32_t)(key * 2654435761u) >> (32 - bits);
}

static uint32_t child_of(const hy_dict *d, uint32_t node, unsigned char c)
{
    uint32_t key = node << 8 | c, mask = (1u << d->bits) - 1;
    for (uint32_t i = slot_of(key, d->bits);; i = (i + 1) & mask) {
        const hy_edge *e = &d->edge[i];
        if (!e->child)
            return 0;
        if (e->key == key)
            return e->child;
    }
}

/* A table of 1 << bits slots (and digits for half as many nodes) holding
 * what d's holds; 0 when memory runs out. */
static int resize(hy_dict *d, unsigned bits)
{
    size_t slots = (size_t)1 << bits;
    hy_edge *edge = calloc(1, slots * sizeof(hy_edge) + slots / 2 * sizeof(uint32_t));
    if (!edge)
        return 0;
    uint32_t *digits = (uint32_t *)(void *)(edge + slots), mask = (uint32_t)slots - 1;
    if (d->edge) {
        for (size_t k = 0; k < (size_t)1 << d->bits; k++) {
            const hy_edge *e = &d->edge[k];
            if (!e->child)
                continue;
            uint32_t i = slot_of(e->key, bits);
            while (edge[i].child)
                i = (i + 1) & mask;
            edge[i] = *e;
        }
        memcpy(digits, d->digits, d->nodes * sizeof(uint32_t));
        free(d->edge);
    }
    d->edge = edge;
    d->digits = digits;
    d->bits = bits;
    return 1;
}

/* The child of node by letter c, made when there is none; 0 when the
 * table cannot grow. */
static uint32_t add_child(hy_dict *d, uint32_t node, unsigned char c)
{
    uint32_t key = node << 8 | c;
    for (;;) {
        uint32_t mask = (1u << d->bits) - 1;
        for (uint32_t i = slot_of(key, d->bits);; i = (i + 1) & mask) {
            hy_edge *e = &d->edge[i];
            if (e->child && e->key == key)
                return e->child;
            if (e->child)
                continue;
            if (d->nodes < (1u << d->bits) / 2) {
                e->key = key;
                e->child = d->nodes++;
                return e->child;
            }
            break;
        }
        /* half full: twice the slots, then look again */
        if (d->nodes >= HY_NODES_MAX || !resize(d, d->bits + 1))
            return 0;
    }
}

/* ---- the file ------------------------------------------------------------ */

static int keyword(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    return len >= n && memcmp(s, word, n) == 0 && (len == n || is_blank(s[n]));
}

static int number_after(const char *s, size_t len, size_t at)
{
    while (at < len && is_blank(s[at]))
        at++;
    int v = 0;
    while (at < len && s[at] >= '0' && s[at] <= '9' && v < 100)
        v = v * 10 + (s[at++] - '0');
    return v;
}

/* A line that begins with a capital, [s, s+len): the keywords that matter
 * here; returns 0 when all that came before is to be forgotten. */
static int keyword_line(hy_dict *d, const char *s, size_t len)
{
    if (keyword(s, len, "LEFTHYPHENMIN"))
        d->left = number_after(s, len, 13);
    else if (keyword(s, len, "RIGHTHYPHENMIN"))
        d->right = number_after(s, len, 14);
    else if (keyword(s, len, "NEXTLEVEL"))
        return 0;                   /* what came before is the compound level */
    /* COMPOUND..., NOHYPHEN and the like: nothing for words of letters */
    return 1;
}

/* A byte's part in a pattern line. */
enum { C_OTHER, C_LETTER, C_DIGIT, C_END, C_BLANK, C_COMMENT };

static unsigned char class_of(unsigned char c)
{
    if ((c >= 'a' && c <= 'z') || c == '.')
        return C_LETTER;
    if (c >= '0' && c <= '9')
        return C_DIGIT;
    if (c == '\n')
        return C_END;
    if (c == '%')
        return C_COMMENT;
    return is_blank((char)c) ? C_BLANK : C_OTHER;
}

/* The pattern line at *at of s (len bytes, a newline after them): its k
 * letters and k + 1 digits; returns k, 0 when the line is no pattern.
 * *at moves past the line. */
static size_t read_pattern(const unsigned char *cls, const char *s, size_t len, size_t *at, unsigned char *letter,
                           unsigned char *digit)
{
    /* letters with at most one digit between two, then blanks and a
     * comment; anything else and the line is left out */
    size_t i = *at, start = i, k = 0, dots = 0, last_dot = 0;
    int bad = 0;
    digit[0] = 0;
    for (;; i++) {
        unsigned char c = (unsigned char)s[i], t = cls[c];
        if (t == C_LETTER) {
            if (k == HY_PATTERN_MAX) {
                bad = 1;
                break;
            }
            if (c == '.' && k) {
                dots++;
                last_dot = k;
            }
            letter[k++] = c;
            digit[k] = 0;
        } else if (t == C_DIGIT) {
            /* "a12b": one digit a boundary */
            if (i > start && cls[(unsigned char)s[i - 1]] == C_DIGIT)
                bad = 1;
            digit[k] = (unsigned char)(c - '0');
        } else {
            break;
        }
    }
    if (cls[(unsigned char)s[i]] != C_END) {
        /* blanks and a comment may follow; "/" replacements, capitals,
         * other letters and a second word ("ab cd") may not */
        while (cls[(unsigned char)s[i]] == C_BLANK)
            i++;
        if (cls[(unsigned char)s[i]] != C_END && cls[(unsigned char)s[i]] != C_COMMENT)
            bad = 1;
        i = (size_t)((const char *)memchr(s + i, '\n', len + 1 - i) - s);
    }
    *at = i + 1;
    /* a dot stands only for the word's start or end */
    if (bad || dots > 1 || (dots && last_dot != k - 1))
        return 0;
    return k;
}

/* Builds d's trie from d->text (d->len bytes; one more is writable). */
static int build(hy_dict *d)
{
    char *s = d->text;
    size_t len = d->len;
    const char *nl = memchr(s, '\n', len);
    if (!nl)
        return 0;                   /* a charset and nothing else */
    size_t at = (size_t)(nl - s) + 1;
    unsigned bits = 6;
    while (bits < 24 && ((size_t)1 << bits) < len / 4)
        bits++;
    if (!resize(d, bits))
        return 0;
    unsigned char cls[256];
    for (int c = 0; c < 256; c++)
        cls[c] = class_of((unsigned char)c);
    /* the last line ends too (the byte after the text is ours) */
    s[len] = '\n';
    /* the pattern before and the nodes along it: the file's patterns come
     * in order, and share the most of their letters with the one before */
    unsigned char letter[HY_PATTERN_MAX], prev[HY_PATTERN_MAX], digit[HY_PATTERN_MAX + 1];
    uint32_t path[HY_PATTERN_MAX + 1];
    size_t prev_k = 0;
    path[0] = 0;
    while (at < len) {
        size_t start = at;
        while (cls[(unsigned char)s[at]] == C_BLANK)
            at++;
        if (s[at] >= 'A' && s[at] <= 'Z') {
            const char *e = memchr(s + at, '\n', len + 1 - at);
            size_t end = (size_t)(e - s);
            if (!keyword_line(d, s + at, end - at)) {
                memset(d->edge, 0, ((size_t)1 << d->bits) * sizeof(hy_edge) + d->nodes * sizeof(uint32_t));
                d->nodes = 1;
                d->count = 0;
                d->left = d->right = 0;
                prev_k = 0;
            }
            at = end + 1;
            continue;
        }
        size_t k = read_pattern(cls, s, len, &at, letter, digit);
        if (!k)
            continue;
        size_t same = 0;
        while (same < k && same < prev_k && letter[same] == prev[same])
            same++;
        for (size_t i = same; i < k; i++) {
            if (!(path[i + 1] = add_child(d, path[i], letter[i])))
                return 0;
            prev[i] = letter[i];
        }
        prev_k = k;
        uint32_t node = path[k];
        /* the digits over the line, which holds more bytes than them: its
         * letters and its newline, or the byte after the text */
        memcpy(s + start, digit, k + 1);
        /* a pattern given twice: the later one stands */
        if (!d->digits[node])
            d->count++;
        d->digits[node] = (uint32_t)start;
    }
    return d->count > 0;
}

static hy_dict *new_dict(size_t len)
{
    if (len >= UINT32_MAX)
        return NULL;
    hy_dict *d = malloc(sizeof *d + len + 1);
    if (d) {
        memset(d, 0, sizeof *d);
        d->nodes = 1;               /* the root */
        d->len = len;
    }
    return d;
}

static hy_dict *built(hy_dict *d)
{
    if (!build(d)) {
        hy_free(d);
        return NULL;
    }
    return d;
}

hy_dict *hy_parse(const char *s, size_t len)
{
    hy_dict *d = new_dict(len);
    if (!d)
        return NULL;
    memcpy(d->text, s, len);
    return built(d);
}

hy_dict *hy_load(const char *path)
{
    if (!path)
        return NULL;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct stat st;
    size_t cap = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    /* one read() for a regular file, of one byte more than it holds to see
     * its end; the text keeps a byte after it (build() writes there) */
    hy_dict *d = new_dict(cap);
    size_t len = 0;
    while (d) {
        if (len == cap) {
            hy_dict *more = cap < ((size_t)256 << 20) ? realloc(d, sizeof *d + 2 * cap + 1) : NULL;
            if (!more) {
                free(d);
                d = NULL;
                break;
            }
            d = more;
            cap *= 2;
        }
        ssize_t got = read(fd, d->text + len, cap - len);
        if (got < 0) {
            free(d);
            d = NULL;
        } else if (got == 0) {
            break;
        } else {
            len += (size_t)got;
        }
    }
    close(fd);
    if (!d)
        return NULL;
    d->len = len;
    return built(d);
}

void hy_free(hy_dict *d)
{
    if (d)
        free(d->edge);
    free(d);
}

int hy_left_min(const hy_dict *d)
{
    return d ? d->left : 0;
}

int hy_right_min(const hy_dict *d)
{
    return d ? d->right : 0;
}

size_t hy_count(const hy_dict *d)
{
    return d ? d->count : 0;
}

/* ---- hyphenating --------------------------------------------------------- */

void hy_levels(const hy_dict *d, const char *w, size_t n, unsigned char *level)
{
    memset(level, 0, n + 1);
    if (!d)
        return;
    /* the word with its dots: letter t of ".w." */
    size_t m = n + 2;
    for (size_t i = 0; i < m; i++) {
        uint32_t node = 0;
        for (size_t t = i; t < m; t++) {
            unsigned char c = t == 0 || t == m - 1 ? '.' : (unsigned char)w[t - 1];
            node = child_of(d, node, c);
            if (!node)
                break;
            uint32_t off = d->digits[node];
            if (!off)
                continue;
            /* the pattern is ".w."[i..t]: its digit j falls before letter
             * i + j of ".w.", which is the boundary before w[i + j - 1] */
            const unsigned char *dig = (const unsigned char *)d->text + off;
            for (size_t j = 0; j <= t - i + 1; j++) {
                size_t b = i + j;
                if (b >= 1 && b <= n + 1 && dig[j] > level[b - 1])
                    level[b - 1] = dig[j];
            }
        }
    }
}
