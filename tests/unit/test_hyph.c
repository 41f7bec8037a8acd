/* test_hyph.c - Liang's hyphenation of the pdf plugin (plugins/pdf/hyph.c):
 * the algorithm on the patterns of Liang's thesis, the dictionary format
 * with its keywords and malformed lines, dictionaries of megabytes and
 * words of thousands of letters. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "../../plugins/pdf/breaks.h"
#include "../../plugins/pdf/hyph.h"
#include "testhelp.h"

/* The dictionary text [s, s+len) in a temporary file, whose name goes into
 * path; 0 when it cannot be written. */
static int temp_dict(const char *s, size_t len, char *path, size_t cap)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, cap, "%s/mkp-hyph-XXXXXX", dir && *dir ? dir : P_tmpdir);
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    size_t done = 0;
    while (done < len) {
        ssize_t got = write(fd, s + done, len - done);
        if (got <= 0)
            break;
        done += (size_t)got;
    }
    close(fd);
    if (done < len)
        unlink(path);
    return done == len;
}

/* The word with a '-' wherever the levels of d are odd, at every boundary
 * inside it (no house limits). */
static const char *liang(const hy_dict *d, const char *word)
{
    static char out[256];
    unsigned char level[128];
    size_t n = strlen(word), o = 0;
    hy_levels(d, word, n, level);
    for (size_t i = 0; i < n && o + 2 < sizeof out; i++) {
        if (i && (level[i] & 1))
            out[o++] = '-';
        out[o++] = word[i];
    }
    out[o] = '\0';
    return out;
}

/* word with a '-' at every place br_hyphenate gives (the house limits). */
static const char *cut(br_hyph *h, const char *word)
{
    static char out[256];
    uint32_t at[64];
    size_t n = br_hyphenate(h, word, strlen(word), at, 64), o = 0, k = 0;
    for (size_t i = 0; word[i] && o + 2 < sizeof out; i++) {
        if (k < n && at[k] == i) {
            out[o++] = '-';
            k++;
        }
        out[o++] = word[i];
    }
    out[o] = '\0';
    return out;
}

static const char thesis[] = "UTF-8\nhy3ph\nhe2n\nhena4\nhen5at\n1na\nn2at\n1tio\n2io\no2n\n";

TEST(hyph_liang_thesis_patterns)
{
    hy_dict *d = hy_parse(thesis, strlen(thesis));
    EXPECT(d != NULL);
    EXPECT_INT(hy_count(d), 9);
    /* h y p h e n a t i o n: the highest digit at each boundary */
    unsigned char level[12];
    static const unsigned char want[12] = {0, 0, 3, 0, 0, 2, 5, 4, 2, 0, 2, 0};
    hy_levels(d, "hyphenation", 11, level);
    for (int i = 0; i < 12; i++)
        EXPECT_INT(level[i], want[i]);
    EXPECT_STR(liang(d, "hyphenation"), "hy-phen-ation");
    EXPECT_STR(liang(d, "nation"), "na-tion");
    hy_free(d);

    /* the same through a file and the house's API */
    char path[4096];
    EXPECT(temp_dict(thesis, strlen(thesis), path, sizeof path));
    br_hyph *h = br_hyph_open(path);
    unlink(path);
    EXPECT(h != NULL);
    EXPECT_STR(cut(h, "hyphenation"), "hy-phen-ation");
    EXPECT_STR(cut(h, "(hyphenation),"), "(hy-phen-ation),");
    EXPECT_STR(cut(h, "Hyphenation"), "Hyphenation");
    br_hyph_close(h);
}

TEST(hyph_word_ends_and_dots)
{
    /* ".ab1c" only at the start, "x1y." only at the end */
    const char *s = "UTF-8\n.ab1c\nx1y.\n";
    hy_dict *d = hy_parse(s, strlen(s));
    EXPECT_STR(liang(d, "abcab"), "ab-cab");
    EXPECT_STR(liang(d, "cabcd"), "cabcd");
    EXPECT_STR(liang(d, "xyzxy"), "xyzx-y");
    EXPECT_STR(liang(d, "xyxyz"), "xyxyz");
    hy_free(d);
}

TEST(hyph_the_format_keywords_comments_and_charsets)
{
    /* ISO8859-1, CRLF, comments, blanks, keywords; the larger
     * LEFTHYPHENMIN of the file wins over the house's 2 */
    const char *s = "ISO8859-1\r\n% Liang's patterns\r\nLEFTHYPHENMIN 3\r\nRIGHTHYPHENMIN 3\r\n"
                    "COMPOUNDLEFTHYPHENMIN 2\r\nNOHYPHEN -,'\r\n\r\n  hy3ph  \r\nhe2n % a comment\r\n"
                    "hena4\r\nhen5at\r\n1na\r\nn2at\r\n1tio\r\n2io\r\no2n";
    hy_dict *d = hy_parse(s, strlen(s));
    EXPECT_INT(hy_count(d), 9);
    EXPECT_INT(hy_left_min(d), 3);
    EXPECT_INT(hy_right_min(d), 3);
    EXPECT_STR(liang(d, "hyphenation"), "hy-phen-ation");
    hy_free(d);
    char path[4096];
    EXPECT(temp_dict(s, strlen(s), path, sizeof path));
    br_hyph *h = br_hyph_open(path);
    unlink(path);
    EXPECT_STR(cut(h, "hyphenation"), "hyphen-ation");
    br_hyph_close(h);

    /* NEXTLEVEL: only the last level's patterns, and its keywords */
    const char *two = "UTF-8\nLEFTHYPHENMIN 4\n1x1\nNEXTLEVEL\nhy3ph\n";
    d = hy_parse(two, strlen(two));
    EXPECT_INT(hy_count(d), 1);
    EXPECT_INT(hy_left_min(d), 0);
    EXPECT_STR(liang(d, "hyphxx"), "hy-phxx");
    hy_free(d);

    /* a pattern given twice: the later one stands */
    const char *twice = "UTF-8\na1b\na2b\n";
    d = hy_parse(twice, strlen(twice));
    EXPECT_INT(hy_count(d), 1);
    EXPECT_STR(liang(d, "abab"), "abab");
    hy_free(d);
}

TEST(hyph_malformed_lines_are_ignored)
{
    static const char s[] = "UTF-8\n"
                            "a12b\n"          /* two digits at one boundary */
                            "ab cd\n"         /* two words */
                            "ff1f/f=f,1,2\n"  /* a non-standard replacement */
                            "x.y\n"           /* a dot inside */
                            "a..\n"
                            "123\n"           /* no letter */
                            "Ab1c\n"          /* a capital: a keyword nobody knows */
                            "a2\xEF\xAC\x81\n" /* a ligature */
                            "\xFF\xFE\x01\n"
                            "c1d\0e\n"        /* a NUL byte */
                            "LEFTHYPHENMIN\n" /* no number */
                            "RIGHTHYPHENMIN 99999999999\n"
                            "%\n"
                            "\t\n"
                            "\n"
                            "hy3ph\n"
                            "1na";            /* the last line has no newline */
    hy_dict *d = hy_parse(s, sizeof s - 1);
    EXPECT_INT(hy_count(d), 2);
    EXPECT_INT(hy_left_min(d), 0);
    EXPECT(hy_right_min(d) >= 0 && hy_right_min(d) < 1000);
    EXPECT_STR(liang(d, "hyphna"), "hy-ph-na");
    EXPECT_STR(liang(d, "abcdxyff"), "abcdxyff");
    hy_free(d);

    /* a pattern of 48 letters is kept, one of 49 is not */
    char big[256];
    snprintf(big, sizeof big, "UTF-8\n%.*s1%.*s\n", 24, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 24,
             "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    d = hy_parse(big, strlen(big));
    EXPECT_INT(hy_count(d), 1);
    hy_free(d);
    snprintf(big, sizeof big, "UTF-8\n%.*s1%.*s\n", 24, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 25,
             "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    EXPECT(hy_parse(big, strlen(big)) == NULL);

    /* no pattern at all, a charset alone, nothing: no dictionary */
    EXPECT(hy_parse("UTF-8\n% none\n", 13) == NULL);
    EXPECT(hy_parse("UTF-8", 5) == NULL);
    EXPECT(hy_parse("", 0) == NULL);
    EXPECT(hy_load(NULL) == NULL);
    char path[4096];
    EXPECT(temp_dict("", 0, path, sizeof path));
    EXPECT(br_hyph_open(path) == NULL);
    unlink(path);
}

/* A small linear congruential generator: the same bytes each run. */
static uint32_t next_rand(uint32_t *x)
{
    *x = *x * 1103515245u + 12345u;
    return *x >> 8;
}

TEST(hyph_random_bytes_never_read_astray)
{
    /* bytes of the format's own alphabet, mostly: ASan sees any overread */
    static const char alphabet[] = "abcxyz.0123456789\n\n\n%/ \t\rAZ\xC3\xA9\xFF";
    uint32_t x = 1;
    for (int round = 0; round < 300; round++) {
        size_t len = next_rand(&x) % 400;
        char *s = malloc(len + 1);
        for (size_t i = 0; i < len; i++)
            s[i] = alphabet[next_rand(&x) % (sizeof alphabet - 1)];
        hy_dict *d = hy_parse(s, len);
        char word[40];
        unsigned char level[41];
        size_t n = next_rand(&x) % sizeof word;
        for (size_t i = 0; i < n; i++)
            word[i] = "abcxyz"[next_rand(&x) % 6];
        hy_levels(d, word, n, level);
        for (size_t i = 0; i <= n; i++)
            EXPECT(level[i] <= 9);
        hy_free(d);
        free(s);
    }
}

static double cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Every pattern of `letters` small letters with a digit after the first,
 * in order, as a dictionary file: 26^letters lines. */
static char *all_patterns(int letters, size_t *len)
{
    size_t lines = 1;
    for (int i = 0; i < letters; i++)
        lines *= 26;
    size_t cap = 6 + lines * (size_t)(letters + 2);
    char *s = malloc(cap), *p = s;
    memcpy(p, "UTF-8\n", 6);
    p += 6;
    for (size_t k = 0; k < lines; k++) {
        char w[8];
        size_t v = k;
        for (int i = letters - 1; i >= 0; i--, v /= 26)
            w[i] = (char)('a' + v % 26);
        *p++ = w[0];
        *p++ = (char)('1' + k % 2);
        memcpy(p, w + 1, (size_t)letters - 1);
        p += letters - 1;
        *p++ = '\n';
    }
    *len = (size_t)(p - s);
    return s;
}

TEST(hyph_dictionaries_of_megabytes_load_in_linear_time)
{
    /* 26^4 patterns (2.7 MB), and their first 64th: 64 times the lines
     * should take about 64 times as long (a few times more, as the table
     * no longer fits a cache), nowhere near 64^2 */
    size_t big_len;
    char *big = all_patterns(4, &big_len);
    size_t small_len = 6 + (big_len - 6) / 64;
    while (big[small_len - 1] != '\n')
        small_len--;
    double t0 = cpu_ms();
    for (int i = 0; i < 64; i++)
        hy_free(hy_parse(big, small_len));
    double t1 = cpu_ms();
    hy_dict *d = hy_parse(big, big_len);
    double t2 = cpu_ms();
    EXPECT(big_len > 2000000);
    EXPECT_INT(hy_count(d), 26 * 26 * 26 * 26);
    /* "b1aaa" is line 17576 (even: digit 1), "b2aab" the next */
    EXPECT_STR(liang(d, "baaa"), "b-aaa");
    EXPECT_STR(liang(d, "baab"), "baab");
    if (t2 - t1 > 16 * (t1 - t0) + 50)
        test_fail(__FILE__, __LINE__, "2.7 MB took %.1f ms, 64 times its first 64th %.1f ms", t2 - t1, t1 - t0);
    hy_free(d);
    free(big);

    /* long patterns, none sharing more than a letter or two: the table
     * grows past what the file's size suggested */
    uint32_t x = 7;
    size_t cap = 6 + 10000 * 41, len = 6;
    char *s = malloc(cap);
    memcpy(s, "UTF-8\n", 6);
    for (int k = 0; k < 10000; k++) {
        for (int i = 0; i < 40; i++)
            s[len++] = (char)('a' + next_rand(&x) % 26);
        s[len++] = '\n';
    }
    d = hy_parse(s, len);
    EXPECT(d != NULL);
    EXPECT(hy_count(d) > 9900);
    hy_free(d);
    free(s);
}

TEST(hyph_a_word_of_ten_thousand_letters)
{
    /* a pattern of 48 letters that matches everywhere: 48 steps a letter */
    char s[128];
    snprintf(s, sizeof s, "UTF-8\n1a\n%.48s3\n", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    hy_dict *d = hy_parse(s, strlen(s));
    EXPECT_INT(hy_count(d), 2);
    size_t n = 10000;
    char *word = malloc(n);
    unsigned char *level = malloc(n + 1);
    memset(word, 'a', n);
    double t0 = cpu_ms();
    hy_levels(d, word, n, level);
    double t1 = cpu_ms();
    EXPECT_INT(level[0], 1);
    EXPECT_INT(level[1], 1);
    EXPECT_INT(level[48], 3);
    EXPECT_INT(level[n], 3);
    if (t1 - t0 > 500)
        test_fail(__FILE__, __LINE__, "10,000 letters took %.1f ms", t1 - t0);
    hy_free(d);

    /* the real dictionary on a long word of English letters */
    br_hyph *h = br_hyph_open(br_hyph_find(""));
    for (size_t i = 0; i < n; i++)
        word[i] = "hyphenation"[i % 11];
    uint32_t at[8];
    EXPECT_INT(br_hyphenate(h, word, n, at, 8), 0);       /* longer than any word */
    br_hyph_close(h);
    d = hy_load(br_hyph_find(""));
    if (d) {
        /* far from its ends the word is cut as seven copies of
         * "hyphenation" are in the middle one: no pattern is longer than
         * the three copies on either side */
        char seven[78];
        unsigned char mid[78];
        memcpy(seven, word, 77);
        hy_levels(d, seven, 77, mid);
        hy_levels(d, word, n, level);
        for (size_t j = 0; j < 11; j++)
            EXPECT_INT(level[11 * 400 + j], mid[33 + j]);
        EXPECT(mid[33 + 2] & 1);  /* hy-phen-ation */
        EXPECT(mid[33 + 6] & 1);
    }
    hy_free(d);
    free(word);
    free(level);
}
