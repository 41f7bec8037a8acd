/* test_imprint.c - the publisher's imprint in a dataset (report.copyright,
 * licence, disclaimer, about, contact) and the definition of every
 * segment: read into the model, checked where they are written, warned
 * about when a declared language lacks them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "marketpress/plugin.h"
#include "model/model.h"
#include "testhelp.h"

static mkp_doc *load(const char *text, char *err, size_t cap)
{
    FILE *f = fmemopen(err, cap, "w");
    diag_ctx d;
    diag_init(&d, "t.yaml", f);
    mkp_doc *doc = mdl_load_buffer("t.yaml", (const unsigned char *)text, strlen(text), &d);
    diag_finish(&d);
    fclose(f);
    return doc;
}

#define HEAD                                                                                                          \
    "report:\n"                                                                                                       \
    "  id: t\n"                                                                                                       \
    "  title: {en: T, zh-CN: 中}\n"                                                                                   \
    "  base_year: 2025\n"                                                                                             \
    "  estimated_year: 2026\n"                                                                                        \
    "  forecast_end: 2030\n"                                                                                          \
    "  currency: USD\n"                                                                                               \
    "  unit: billion\n"                                                                                               \
    "  languages: [en, zh-CN]\n"

#define TAIL                                                                                                          \
    "market: {anchors: {2025: 1, 2030: 2}}\n"                                                                         \
    "dimensions:\n"                                                                                                   \
    "  - id: d\n"                                                                                                     \
    "    title: {en: D, zh-CN: 维}\n"                                                                                 \
    "    segments:\n"                                                                                                 \
    "      - id: a\n"                                                                                                 \
    "        title: {en: A, zh-CN: 甲}\n"                                                                             \
    "        definition: {en: The first., zh-CN: 第一。}\n"                                                           \
    "        share: {2025: 60}\n"                                                                                     \
    "        segments:\n"                                                                                             \
    "          - {id: a1, title: {en: A1, zh-CN: 甲一}, definition: Only English., share: {2025: 100}}\n"             \
    "      - {id: b, title: {en: B, zh-CN: 乙}, share: {2025: 40}}\n"

TEST(imprint_and_definitions_reach_the_model_in_tree_order)
{
    char err[2048] = "";
    mkp_doc *doc = load(HEAD "  copyright: Example Holdings\n"
                             "  licence: {en: Internal use., zh-CN: 仅限内部使用。}\n"
                             "  disclaimer: {en: Estimates., zh-CN: 估算。}\n"
                             "  about: {en: We publish., zh-CN: 我们出版。}\n"
                             "  contact: {email: sales@example.com, web: \"https://www.example.org/x\",\n"
                             "            phone: \"+44 20 7946 0000\", address: 1 Example Road}\n" TAIL,
                        err, sizeof err);
    EXPECT(doc != NULL);
    if (doc) {
        const mkp_model *m = doc->model;
        EXPECT(MKP_HAS(mkp_model, m, definitions));
        EXPECT_STR(m->copyright.v[0].text, "Example Holdings");
        EXPECT_INT(m->licence.n, 2);
        EXPECT_STR(m->disclaimer.v[1].text, "估算。");
        EXPECT_STR(m->about.v[0].text, "We publish.");
        EXPECT_STR(m->contact_email, "sales@example.com");
        EXPECT_STR(m->contact_web, "https://www.example.org/x");
        EXPECT_STR(m->contact_phone, "+44 20 7946 0000");
        EXPECT_STR(m->contact_address.v[0].text, "1 Example Road");
        EXPECT_INT(m->n_definitions, 3);
        if (m->n_definitions == 3) {
            EXPECT_STR(m->definitions[0].node->path, "d/a");
            EXPECT_STR(m->definitions[0].text.v[1].text, "第一。");
            EXPECT_STR(m->definitions[1].node->path, "d/a/a1");
            EXPECT_STR(m->definitions[2].node->path, "d/b");
            EXPECT_INT(m->definitions[2].text.n, 0);
        }
    }
    /* A definition without the declared zh-CN is a missing text like any
     * other; a segment without a definition is not. */
    EXPECT(strstr(err, "t.yaml:26:62: warning: segment 'd/a/a1' definition has no zh-CN text; the zh-CN edition "
                       "will show English\n") != NULL);
    EXPECT(strstr(err, "'d/b'") == NULL);
    EXPECT(strstr(err, "note: zh-CN: 1 text missing") != NULL);
    ds_free(doc);
}

TEST(imprint_absent_leaves_empty_fields)
{
    char err[2048] = "";
    mkp_doc *doc = load(HEAD TAIL, err, sizeof err);
    EXPECT(doc != NULL);
    if (doc) {
        EXPECT_INT(doc->model->copyright.n, 0);
        EXPECT_INT(doc->model->licence.n, 0);
        EXPECT_STR(doc->model->contact_email, "");
        EXPECT_STR(doc->model->contact_web, "");
        EXPECT_STR(doc->model->contact_phone, "");
    }
    ds_free(doc);
}

/* Each bad field: the error at its line and column, nothing loaded. */
TEST(imprint_malformed_fields_are_errors_at_their_place)
{
    static const struct {
        const char *yaml, *want;
    } cases[] = {
        {"  contact: {email: sales.example.com}\n",
         "t.yaml:10:20: error: contact email must be an address such as sales@example.com, not 'sales.example.com'"},
        {"  contact: {web: www.example.com}\n",
         "t.yaml:10:18: error: contact web must be a web address such as https://www.example.com, not "
         "'www.example.com'"},
        {"  contact: {phone: call us}\n", "t.yaml:10:20: error: contact phone must be a telephone number"},
        {"  contact: {emial: a@example.com}\n",
         "t.yaml:10:13: error: unknown key 'emial' in contact; did you mean 'email'?"},
        {"  contact: sales@example.com\n",
         "t.yaml:10:12: error: contact must be a mapping (key: value), not a scalar"},
        {"  licence: [a, b]\n", "t.yaml:10:12: error: licence must be text or a map of language to text, not list"},
        {"  disclaimer: \"\"\n", "t.yaml:10:15: error: disclaimer must not be empty"},
        {"  copyrigth: X\n", "t.yaml:10:3: error: unknown key 'copyrigth' in report; did you mean 'copyright'?"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[2048], err[2048] = "";
        snprintf(text, sizeof text, "%s%s%s", HEAD, cases[i].yaml, TAIL);
        mkp_doc *doc = load(text, err, sizeof err);
        EXPECT(doc == NULL);
        if (!strstr(err, cases[i].want))
            test_fail(__FILE__, __LINE__, "case %zu: wanted '%s' in: %s", i, cases[i].want, err);
        ds_free(doc);
    }
}

TEST(definition_of_the_wrong_type_is_an_error)
{
    char text[2048], err[2048] = "";
    snprintf(text, sizeof text, "%s%s", HEAD, TAIL);
    char *at = strstr(text, "definition: {en: The first., zh-CN: 第一。}");
    if (!at) {
        test_fail(__FILE__, __LINE__, "fixture lacks its definition");
        return;
    }
    memcpy(at, "definition: [x]", 15);
    memset(at + 15, ' ', strlen("definition: {en: The first., zh-CN: 第一。}") - 15);
    mkp_doc *doc = load(text, err, sizeof err);
    EXPECT(doc == NULL);
    EXPECT(strstr(err, "t.yaml:17:21: error: definition must be text or a map of language to text, not list") !=
           NULL);
    ds_free(doc);
}
