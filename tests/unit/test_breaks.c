/* test_breaks.c - the pdf plugin's break opportunities (UAX #14 and the
 * report's own rules) and English hyphenation (plugins/pdf/breaks.c). */
#include <stdlib.h>

#include "../../plugins/pdf/breaks.h"
#include "testhelp.h"

/* s with a '|' after every byte a line may end after. */
static const char *marked(const char *s, const char *lang)
{
    static char out[1024], brk[512];
    size_t n = strlen(s), o = 0;
    br_opportunities(s, n, lang, brk);
    for (size_t i = 0; i < n && o + 2 < sizeof out; i++) {
        out[o++] = s[i];
        if (brk[i] == BR_ALLOW)
            out[o++] = '|';
    }
    out[o] = '\0';
    return out;
}

TEST(breaks_english_spaces_hyphens_and_slashes)
{
    EXPECT_STR(marked("open-weight models and/or APIs", "en"), "open-|weight |models |and/|or |APIs");
    /* no break before closing punctuation nor after opening, even with a space */
    EXPECT_STR(marked("a ( b ) c !", "en"), "a |( b ) |c !");
    EXPECT_STR(marked("GPT-4 at 9.43% (2025)", "en"), "GPT-4 |at |9.43% |(2025)");
}

TEST(breaks_ranges_of_years_stay_whole)
{
    EXPECT_STR(marked("in 2025-2031 and 2025\xE2\x80\x93" "2032 or 2025\xE2\x80\x94" "2032", "en"),
               "in |2025-2031 |and |2025\xE2\x80\x93" "2032 |or |2025\xE2\x80\x94" "2032");
    /* between words a dash still lets a line end after it, never before */
    EXPECT_STR(marked("word\xE2\x80\x94word and x\xE2\x80\x93y", "en"),
               "word\xE2\x80\x94|word |and |x\xE2\x80\x93|y");
}

TEST(breaks_a_leading_dash_stays_with_its_word)
{
    EXPECT_STR(marked("down -5% and -based", "en"), "down |-5% |and |-based");
}

TEST(breaks_chinese_kinsoku)
{
    /* 基础模型，正在「改变」（GPT-4）市场。 */
    const char *zh = "\xE5\x9F\xBA\xE7\xA1\x80\xE6\xA8\xA1\xE5\x9E\x8B\xEF\xBC\x8C\xE6\xAD\xA3\xE5\x9C\xA8"
                     "\xE3\x80\x8C\xE6\x94\xB9\xE5\x8F\x98\xE3\x80\x8D\xEF\xBC\x88GPT-4\xEF\xBC\x89"
                     "\xE5\xB8\x82\xE5\x9C\xBA\xE3\x80\x82";
    EXPECT_STR(marked(zh, "zh-CN"), "\xE5\x9F\xBA|\xE7\xA1\x80|\xE6\xA8\xA1|\xE5\x9E\x8B\xEF\xBC\x8C|\xE6\xAD\xA3|"
                                    "\xE5\x9C\xA8|\xE3\x80\x8C\xE6\x94\xB9|\xE5\x8F\x98\xE3\x80\x8D|"
                                    "\xEF\xBC\x88GPT-4\xEF\xBC\x89|\xE5\xB8\x82|\xE5\x9C\xBA\xE3\x80\x82");
    /* a pair of figures stays whole: 扩散模型17%→22%； */
    EXPECT_STR(marked("\xE6\xA8\xA1\xE5\x9E\x8B" "17%\xE2\x86\x92" "22%\xEF\xBC\x9B", "zh-CN"),
               "\xE6\xA8\xA1|\xE5\x9E\x8B|" "17%\xE2\x86\x92" "22%\xEF\xBC\x9B");
    /* a Latin word inside Chinese text stays whole, its apostrophe too */
    EXPECT_STR(marked("\xE7\x9A\x84" "open" "\xE7\x9A\x84" "it\xE2\x80\x99s", "zh-CN"),
               "\xE7\x9A\x84|open|\xE7\x9A\x84|it\xE2\x80\x99s");
}

TEST(breaks_no_break_at_the_end_and_none_inside_a_character)
{
    char brk[8];
    br_opportunities("\xE5\x9F\xBA\xE7\xA1\x80", 6, "zh", brk);
    EXPECT_INT(brk[0], BR_NO);
    EXPECT_INT(brk[1], BR_NO);
    EXPECT_INT(brk[2], BR_ALLOW);
    EXPECT_INT(brk[5], BR_NO);
    br_opportunities("x", 1, "en", brk);
    EXPECT_INT(brk[0], BR_NO);
}

/* word with a '-' at every place br_hyphenate gives. */
static const char *hyphenated(br_hyph *h, const char *word)
{
    static char out[128];
    uint32_t at[32];
    size_t n = br_hyphenate(h, word, strlen(word), at, 32), o = 0, k = 0;
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

TEST(hyphenation_english_with_the_house_limits)
{
    const char *path = br_hyph_find("");
    br_hyph *h = br_hyph_open(path);
    if (!h) {
        test_fail(__FILE__, __LINE__, "no English hyphenation dictionary (Debian package hyphen-en-us)");
        return;
    }
    EXPECT_STR(hyphenated(h, "hyphenation"), "hy-phen-ation");
    EXPECT_STR(hyphenated(h, "pretrained"), "pre-trained");
    /* marks around the word stay outside it, a possessive too */
    EXPECT_STR(hyphenated(h, "(publisher's,"), "(pub-lisher's,");
    EXPECT_STR(hyphenated(h, "\xE2\x80\x9C" "accountability.\xE2\x80\x9D"),
               "\xE2\x80\x9C" "ac-count-abil-ity.\xE2\x80\x9D");
    /* at least two letters before a cut, three after */
    EXPECT_STR(hyphenated(h, "models"), "mod-els");
    EXPECT_STR(hyphenated(h, "into"), "into");
    EXPECT_STR(hyphenated(h, "reaches"), "reaches");
    /* names, codes and numbers are never cut */
    EXPECT_STR(hyphenated(h, "Anthropic"), "Anthropic");
    EXPECT_STR(hyphenated(h, "GPT-4"), "GPT-4");
    EXPECT_STR(hyphenated(h, "deployment2025"), "deployment2025");
    EXPECT_STR(hyphenated(h, "fine-tuning"), "fine-tuning");
    EXPECT_STR(hyphenated(h, "caf\xC3\xA9teria"), "caf\xC3\xA9teria");
    br_hyph_close(h);
    EXPECT_INT(br_hyphenate(NULL, "hyphenation", 11, NULL, 0), 0);
}

TEST(hyphenation_dictionary_lookup)
{
    EXPECT(br_hyph_find("/nonexistent/hyph_xx.dic") == NULL);
    EXPECT(br_hyph_open(NULL) == NULL);
    EXPECT(br_hyph_open("/nonexistent/hyph_xx.dic") == NULL);
}
