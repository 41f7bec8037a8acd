/* test_labels.c - the one table of marketpress's own words (model/labels.c):
 * sorted for its binary search, every word in both languages, the same
 * printf arguments in each, and the units and amounts of both languages. */
#include <stdlib.h>

#include "model/format.h"
#include "testhelp.h"

/* The conversions of a printf format in argument order ("d,d,s"), reading
 * positional ones (%2$s) into their place.  Empty when the format has none
 * (a label without arguments is plain text and may hold a "100%"). */
static void conversions(const char *f, char *out, size_t cap)
{
    char slot[8] = {0};
    int next = 0, n = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        p++;
        int pos = next;
        if (p[0] >= '1' && p[0] <= '9' && p[1] == '$') {
            pos = p[0] - '1';
            p += 2;
        }
        while (*p == 'z' || *p == 'l' || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-')
            p++;
        if (!*p)
            break;
        if (!strchr("dsufgx", *p)) /* a plain "100%" of a label that is not a format */
            continue;
        if (pos < 8)
            slot[pos] = *p;
        next = pos + 1;
        n = next > n ? next : n;
    }
    size_t o = 0;
    for (int i = 0; i < n && o + 2 < cap; i++) {
        out[o++] = slot[i] ? slot[i] : '?';
        out[o++] = ',';
    }
    out[o] = '\0';
}

TEST(labels_sorted_complete_and_alike)
{
    size_t n = 0;
    for (const char *k; (k = fmt_label_key(n)); n++) {
        const char *next = fmt_label_key(n + 1);
        if (next && strcmp(k, next) >= 0)
            test_fail(__FILE__, __LINE__, "labels out of order: %s before %s", k, next);
        const char *en = fmt_label("en", k), *zh = fmt_label("zh-CN", k);
        if (!en || !zh || !*en || !*zh) {
            test_fail(__FILE__, __LINE__, "label %s is not found by its key or is empty", k);
            continue;
        }
        char ce[32], cz[32];
        conversions(en, ce, sizeof ce);
        conversions(zh, cz, sizeof cz);
        if (strcmp(ce, cz) != 0)
            test_fail(__FILE__, __LINE__, "label %s takes %s in English but %s in Chinese", k, ce, cz);
    }
    EXPECT(n > 100);
    EXPECT(fmt_label("en", "no-such-label") == NULL);
    EXPECT_STR(fmt_label("de", "cagr"), "CAGR");
    EXPECT_STR(fmt_label("zh", "cagr"), "年复合增长率");
    EXPECT_STR(fmt_label("zh-Hans-CN", "cagr"), "年复合增长率");
    EXPECT_STR(fmt_label("zhx", "cagr"), "CAGR");
}

TEST(labels_units_and_money)
{
    char b[64];
    fmt_unit(b, sizeof b, "en", "USD", "billion");
    EXPECT_STR(b, "USD billion");
    fmt_unit(b, sizeof b, "zh-CN", "USD", "billion");
    EXPECT_STR(b, "十亿美元");
    fmt_unit(b, sizeof b, "zh-CN", "XAU", "billion"); /* a currency without a Chinese name */
    EXPECT_STR(b, "XAU billion");
    fmt_money(b, sizeof b, "en", "USD", "billion", 28.46, 2);
    EXPECT_STR(b, "USD 28.46 billion");
    fmt_money(b, sizeof b, "zh-CN", "USD", "billion", 28.46, 2);
    EXPECT_STR(b, "284.6亿美元");
    fmt_money(b, sizeof b, "zh-CN", "USD", "billion", 1553.0, 2);
    EXPECT_STR(b, "1.5530万亿美元"); /* the precision of 1,553.00 billion */
    fmt_money(b, sizeof b, "zh-CN", "EUR", "million", 0.25, 2);
    EXPECT_STR(b, "25万欧元");
    fmt_money(b, sizeof b, "zh-CN", "USD", "billion", NAN, 2);
    EXPECT_STR(b, "USD n/a billion");
    /* cut to the buffer, never past it */
    char small[6];
    EXPECT_INT(fmt_unit(small, sizeof small, "en", "USD", "billion"), 5);
    EXPECT_STR(small, "USD b");
    EXPECT_INT(fmt_unit(small, sizeof small, "zh-CN", "USD", "billion"), 3); /* 十 and not half of 亿 */
    EXPECT_STR(small, "十");
}
