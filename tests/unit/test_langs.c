/* test_langs.c - language tags (the BCP 47 checker and its canonical case),
 * the texts a dataset lacks in a declared language, and the limits and
 * --strict of the diagnostics that report them. */
#include <stdlib.h>

#include "base/diag.h"
#include "dataset/loader.h"
#include "model/model.h"
#include "testhelp.h"

static int tag(const char *s, char *canon)
{
    char why[200];
    return ld_lang_tag(s, canon, why, sizeof why);
}

TEST(lang_tags_well_formed_and_canonical)
{
    static const char *const good[] = {"en", "de", "zh-CN", "zh-Hans-CN", "sr-Latn-RS", "es-419", "sgn",
                                       "de-CH-1901", "sl-rozaj-biske", "zh-yue-HK", "en-US-u-ca-gregory",
                                       "en-a-bbb-x-a-ccc", "x-whatever", "klingon", "ast", "en-GB-oxendict",
                                       "de-DE-x-private-1"};
    char canon[LD_LANG_TAG_MAX + 1];
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        int rc = tag(good[i], canon);
        if (rc != LD_LANG_OK)
            test_fail(__FILE__, __LINE__, "'%s' is %d, wanted well-formed and canonical", good[i], rc);
        EXPECT_STR(canon, good[i]);
    }
}

TEST(lang_tags_in_another_case_get_the_canonical_one)
{
    static const char *const pairs[][2] = {{"zh-cn", "zh-CN"}, {"EN", "en"}, {"ZH-HANS-cn", "zh-Hans-CN"},
                                           {"sr-latn-rs", "sr-Latn-RS"}, {"en-us-X-Private", "en-US-x-private"},
                                           {"az-Latn-x-LATN", "az-Latn-x-latn"}, {"de-ch-1901", "de-CH-1901"}};
    char canon[LD_LANG_TAG_MAX + 1];
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        EXPECT_INT(tag(pairs[i][0], canon), LD_LANG_CASE);
        EXPECT_STR(canon, pairs[i][1]);
    }
}

TEST(lang_tags_malformed)
{
    /* underscore, empty subtags, a 4-letter or 1-letter language, a region
     * after a variant, a script twice, a singleton without its subtag, a
     * subtag of 9, an extlang after a long language, 4 extlangs, the
     * grandfathered i-klingon, a digit in the language. */
    static const char *const bad[] = {"zh_CN", "", "-en", "en-", "en--US", "engl", "e", "de-1901-CH",
                                      "zh-Hans-Hant", "en-a", "en-x", "en-abcdefghi", "klingon-yue",
                                      "zh-aaa-bbb-ccc-ddd", "i-klingon", "e1", "en US", "zh-CN-x",
                                      "toolongtag-toolongtag-toolongtag-toolongtag-toolongtag-toolongtag"};
    char canon[LD_LANG_TAG_MAX + 1];
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (tag(bad[i], canon) != LD_LANG_BAD)
            test_fail(__FILE__, __LINE__, "'%s' was taken as a language tag", bad[i]);
    char why[200] = "";
    EXPECT_INT(ld_lang_tag("de-1901-CH", canon, why, sizeof why), LD_LANG_BAD);
    EXPECT(strstr(why, "'CH' is out of place") != NULL);
    EXPECT_INT(ld_lang_tag("en-x", canon, why, sizeof why), LD_LANG_BAD);
    EXPECT(strstr(why, "singleton") != NULL);
}

/* Loads `text`, diagnostics into err; strict as --strict. */
static mkp_doc *load(const char *text, char *err, size_t cap, int strict)
{
    FILE *f = fmemopen(err, cap, "w");
    diag_ctx d;
    diag_init(&d, "t.yaml", f);
    d.strict = strict;
    mkp_doc *doc = mdl_load_buffer("t.yaml", (const unsigned char *)text, strlen(text), &d);
    diag_finish(&d);
    fclose(f);
    return doc;
}

static const char two_langs[] = "report: {id: t, title: {en: T, zh-cn: 中}, base_year: 2025, estimated_year: 2026,\n"
                                "         forecast_end: 2030, currency: USD, unit: billion,\n"
                                "         languages: [en, zh-CN], publisher: P}\n"
                                "market: {anchors: {2025: 1, 2030: 2}}\n"
                                "landscape: {players: [{id: p, name: Acme, description: D}]}\n";

TEST(loader_reads_tags_in_canonical_case_and_warns_for_missing_texts)
{
    char err[2048] = "";
    mkp_doc *doc = load(two_langs, err, sizeof err, 0);
    EXPECT(doc != NULL);
    if (doc) {
        const mkp_text *t = &doc->model->title;
        EXPECT_INT(t->n, 2);
        EXPECT_STR(t->v[0].lang, "en");
        EXPECT_STR(t->v[1].lang, "zh-CN");
        EXPECT_INT(doc->model->n_languages, 2);
    }
    EXPECT(strstr(err, "t.yaml:1:32: warning: language tag 'zh-cn' is written zh-CN") != NULL);
    EXPECT(strstr(err, "t.yaml:5:56: warning: player 'p' description has no zh-CN text; the zh-CN edition will "
                       "show English\n") != NULL);
    EXPECT(strstr(err, "name has no") == NULL);
    EXPECT(strstr(err, "publisher") == NULL);
    EXPECT(strstr(err, "t.yaml: note: zh-CN: 1 text missing\n") != NULL);
    ds_free(doc);
}

TEST(loader_under_strict_fails_on_a_missing_text)
{
    char err[2048] = "";
    mkp_doc *doc = load(two_langs, err, sizeof err, 1);
    EXPECT(doc == NULL);
    EXPECT(strstr(err, "t.yaml:5:56: error: player 'p' description has no zh-CN text; the zh-CN edition will show "
                       "English [--strict]\n") != NULL);
    EXPECT(strstr(err, "t.yaml:1:32: error: language tag 'zh-cn' is written zh-CN") != NULL);
    ds_free(doc);
}

TEST(diag_limits_warnings_and_leaves_room_beside_bulk_ones)
{
    char out[8192] = "";
    FILE *f = fmemopen(out, sizeof out, "w");
    diag_ctx d;
    diag_init(&d, "x.yaml", f);
    for (int i = 0; i < 30; i++)
        diag_warning_bulk(&d, i < 5, 1, 1, "bulk %d", i);
    for (int i = 0; i < 25; i++)
        diag_warning(&d, 2, 1, "plain %d", i);
    diag_finish(&d);
    fclose(f);
    EXPECT_INT(d.warnings, 55);
    EXPECT_INT(d.errors, 0);
    EXPECT(strstr(out, "bulk 4\n") != NULL && strstr(out, "bulk 5\n") == NULL);
    EXPECT(strstr(out, "plain 19\n") != NULL && strstr(out, "plain 20\n") == NULL);
    EXPECT(strstr(out, "x.yaml: note: 5 more warnings not shown (the first 20 are above)\n") != NULL);
}

TEST(diag_strict_makes_warnings_errors_within_the_error_limit)
{
    char out[8192] = "";
    FILE *f = fmemopen(out, sizeof out, "w");
    diag_ctx d;
    diag_init(&d, "x.yaml", f);
    d.strict = 1;
    diag_warning(&d, 3, 4, "careful");
    for (int i = 0; i < 22; i++)
        diag_error(&d, 5, 1, "wrong %d", i);
    diag_note(&d, 0, 0, "sum");
    diag_finish(&d);
    fclose(f);
    EXPECT_INT(d.errors, 23);
    EXPECT_INT(d.warnings, 0);
    EXPECT(strncmp(out, "x.yaml:3:4: error: careful [--strict]\n", 38) == 0);
    EXPECT(strstr(out, "wrong 18\n") != NULL && strstr(out, "wrong 19\n") == NULL);
    EXPECT(strstr(out, "x.yaml: note: sum\n") != NULL);
    EXPECT(strstr(out, "x.yaml: note: 3 more errors not shown (the first 20 are above)\n") != NULL);
}
