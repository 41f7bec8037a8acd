/* test_consistency.c - the consistency checks that read rounding: the
 * published CAGR against the range of CAGRs the rounded anchors allow
 * (silent, a note, or a warning with another cagr_start to try), and a
 * growth step between anchors that departs from its neighbour.  The
 * published sums are in test_forecast.c. */
#include <stdlib.h>

#include "model/model.h"
#include "testhelp.h"

/* Loads and builds `text` and runs the consistency checks; errors,
 * warnings and notes go to err.  Returns the number of warnings. */
static int check(const char *text, char *err, size_t cap)
{
    err[0] = '\0';
    FILE *f = fmemopen(err, cap, "w");
    diag_ctx d;
    diag_init(&d, "t.yaml", f);
    mkp_doc *doc = mdl_load_buffer("t.yaml", (const unsigned char *)text, strlen(text), &d);
    int warnings = -1;
    if (doc && mdl_build(doc, &d) == 0)
        warnings = mdl_check_consistency(doc, &d);
    if (d.errors)
        warnings = -1;
    fclose(f);
    ds_free(doc);
    return warnings;
}

#define EXPECT_HAS(text, want)                                                                                         \
    do {                                                                                                               \
        const char *t_ = (text);                                                                                       \
        if (!strstr(t_, want))                                                                                         \
            test_fail(__FILE__, __LINE__, "no \"%s\" in: %s", want, t_);                                               \
    } while (0)

#define EXPECT_NOT_HAS(text, unwanted)                                                                                 \
    do {                                                                                                               \
        const char *t_ = (text);                                                                                       \
        if (strstr(t_, unwanted))                                                                                      \
            test_fail(__FILE__, __LINE__, "unexpected \"%s\" in: %s", unwanted, t_);                                   \
    } while (0)

#define REPORT(base, end)                                                                                              \
    "report: {id: t, title: T, base_year: " #base ", estimated_year: 2026, forecast_end: " #end ",\n"                \
    "         currency: USD, unit: billion}\n"
#define R2023 "report: {id: t, title: T, base_year: 2023, estimated_year: 2024, forecast_end: 2032,\n" \
              "         currency: USD, unit: billion}\n"

/* ---- the published CAGR ------------------------------------------------ */

TEST(published_cagr_as_the_anchors_give_it_is_silent)
{
    char err[1024];
    /* (53.49 / 28.46)^(1/7) - 1 = 9.433%, printed 9.43. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 28.46, 2032: 53.49}, published_cagr: 9.43}\n", err,
                     sizeof err),
               0);
    EXPECT_STR(err, "");
}

TEST(published_cagr_within_the_rounding_of_the_anchors_is_a_note)
{
    char err[1024];
    /* 2.4 -> 3.1 over five years is 5.25%, but 2.45 -> 3.05 gives 4.48%
     * and 2.35 -> 3.15 gives 6.03%: a publisher who printed 5.1% worked
     * from figures that round to these. */
    EXPECT_INT(check(REPORT(2025, 2030) "market: {anchors: {2025: 2.4, 2030: 3.1}, published_cagr: 5.1}\n", err,
                     sizeof err),
               0);
    EXPECT_STR(err, "t.yaml:3:59: note: published_cagr 5.1% for 2025-2030 is within rounding of the 5.25% that the "
                    "anchors imply: the rounded anchors allow 4.48%-6.03%\n");
    /* Whole numbers allow 10.29%-10.53% for 100 -> 200 over seven years. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 100, 2032: 200}, published_cagr: 10.52}\n", err,
                     sizeof err),
               0);
    EXPECT_HAS(err, "within rounding of the 10.41%");
    EXPECT_NOT_HAS(err, "warning");
}

TEST(published_cagr_outside_the_rounding_warns_by_how_much)
{
    char err[1024];
    /* 22 -> 900 over nine years is 51.04%; whole numbers allow
     * 50.65%-51.44%, nowhere near 39.8%. */
    EXPECT_INT(check(R2023 "market: {anchors: {2023: 22, 2032: 900}, published_cagr: 39.8}\n", err, sizeof err), 1);
    EXPECT_STR(err, "t.yaml:3:58: warning: published_cagr 39.8% for 2023-2032 is outside the 50.65%-51.44% that the "
                    "rounded anchors allow by 10.85 percentage points (the anchors imply 51.04%)\n");
    /* Two decimals allow 9.43%-9.44% for 28.46 -> 53.49 over seven. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 28.46, 2032: 53.49}, published_cagr: 9.6}\n", err,
                     sizeof err),
               1);
    EXPECT_HAS(err, "t.yaml:3:63: warning: published_cagr 9.6% for 2025-2032 is outside the 9.43%-9.44% that the "
                    "rounded anchors allow by 0.16 percentage points (the anchors imply 9.43%)");
}

TEST(published_cagr_is_allowed_its_own_rounding_as_written)
{
    char err[1024];
    /* The anchors give 9.433% and allow 9.4288%-9.4372%.  Written 9.4, the
     * CAGR stands for 9.35-9.45: it is 9.433% printed with one decimal.
     * Written 9.40, it stands for 9.395-9.405 only. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 28.46, 2032: 53.49}, published_cagr: 9.4}\n", err,
                     sizeof err),
               0);
    EXPECT_STR(err, "");
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 28.46, 2032: 53.49}, published_cagr: 9.40}\n", err,
                     sizeof err),
               1);
    EXPECT_HAS(err, "published_cagr 9.40% for 2025-2032 is outside the 9.43%-9.44% that the rounded anchors allow by "
                    "0.03 percentage points");
    /* The gap is given as finely as the CAGR is written. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 28.46, 2032: 53.49}, published_cagr: 9.380}\n",
                     err, sizeof err),
               1);
    EXPECT_HAS(err, "published_cagr 9.380% for 2025-2032 is outside the 9.43%-9.44% that the rounded anchors allow "
                    "by 0.049 percentage points");
}

TEST(published_cagr_names_the_start_year_that_gives_it)
{
    char err[2048];
    /* From 2024, (900 / 61.7)^(1/8) - 1 = 39.80%. */
    EXPECT_INT(
        check(R2023 "market: {anchors: {2023: 22, 2024: 61.7, 2032: 900}, published_cagr: 39.8}\n", err, sizeof err),
        2);
    EXPECT_HAS(err, "t.yaml:3:70: warning: published_cagr 39.8% for 2023-2032 is outside the 50.65%-51.44% that the "
                    "rounded anchors allow by 10.85 percentage points (the anchors imply 51.04%); cagr_start: 2024 "
                    "would give 39.80%\n");
    /* The other way: counted from 2024, but the publisher counts from the
     * base year. */
    EXPECT_INT(check("report: {id: t, title: T, base_year: 2023, estimated_year: 2024, forecast_end: 2032,\n"
                     "         cagr_start: 2024, currency: USD, unit: billion}\n"
                     "market: {anchors: {2023: 22, 2024: 61.7, 2032: 900}, published_cagr: 51.0}\n",
                     err, sizeof err),
               2);
    EXPECT_HAS(err, "published_cagr 51.0% for 2024-2032 is outside the 39.77%-39.82% that the rounded anchors allow by "
                    "11.18 percentage points (the anchors imply 39.80%); cagr_start: 2023 would give 51.04%\n");
    /* A history year cannot be cagr_start: said, not offered as YAML. */
    EXPECT_INT(check(R2023 "market: {anchors: {2023: 200, 2032: 900}, history: {2021: 145.7}, published_cagr: 18.0}\n",
                     err, sizeof err),
               1);
    EXPECT_HAS(err, "(the anchors imply 18.19%); counted from history year 2021 it would be 18.00% (cagr_start cannot "
                    "come before base_year 2023)\n");
    /* No year gives it: no suggestion. */
    EXPECT_INT(
        check(R2023 "market: {anchors: {2023: 22, 2024: 61.7, 2032: 900}, published_cagr: 45.0}\n", err, sizeof err),
        2);
    EXPECT_HAS(err, "published_cagr 45.0%");
    EXPECT_NOT_HAS(err, "cagr_start");
}

TEST(published_cagr_is_checked_against_the_base_case)
{
    char err[1024];
    /* The scenario grows 2 points faster; the published CAGR is the
     * publisher's base case. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 28.46, 2032: 53.49}, published_cagr: 9.43}\n"
                                        "scenarios:\n"
                                        "  - {id: up, title: Up, growth: 2}\n",
                     err, sizeof err),
               0);
    EXPECT_STR(err, "");
}

/* ---- growth steps between anchors -------------------------------------- */

TEST(growth_step_that_departs_from_its_neighbour_warns)
{
    char err[1024];
    /* +5.83% in one year, then 10.04% a year: 4.21 points apart, 4.17
     * even at the far ends of the rounding. */
    EXPECT_INT(
        check(REPORT(2025, 2032) "market: {anchors: {2025: 28.46, 2026: 30.12, 2032: 53.49}}\n", err, sizeof err), 1);
    EXPECT_STR(err, "t.yaml:3:39: warning: market anchor 2026 (30.12) implies +5.83% in 2025-2026 but 10.04% a year in "
                    "2026-2032, 4.21 percentage points apart; check the 2026 figure\n");
}

TEST(smooth_growth_between_anchors_is_silent)
{
    char err[1024];
    /* 10% a year throughout, and 10% then 12.9%. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 100, 2026: 110, 2032: 194.87}}\n", err, sizeof err),
               0);
    EXPECT_STR(err, "");
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 100.00, 2026: 110.00, 2027: 124.19}}\n", err,
                     sizeof err),
               0);
    EXPECT_STR(err, "");
}

TEST(growth_step_threshold_is_three_points_beyond_rounding)
{
    char err[1024];
    /* 10.00% then 13.00%: 3 points, not more. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 100.000, 2026: 110.000, 2027: 124.300}}\n", err,
                     sizeof err),
               0);
    EXPECT_STR(err, "");
    /* 10.00% then 13.20%, 3.18 points apart even within the rounding. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 100.00, 2026: 110.00, 2027: 124.52}}\n", err,
                     sizeof err),
               1);
    EXPECT_HAS(err, "market anchor 2026 (110.00) implies +10.00% in 2025-2026 but +13.20% in 2026-2027, 3.20 "
                    "percentage points apart; check the 2026 figure");
}

TEST(growth_step_that_rounding_explains_is_silent)
{
    char err[1024];
    /* 0% then 4.47% a year, but 2.0 may be 1.95 or 2.05: 5.13% then
     * 3.70% fits the figures as written. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 2.0, 2026: 2.0, 2032: 2.6}}\n", err, sizeof err), 0);
    EXPECT_STR(err, "");
    /* The same figures written to two decimals leave no such room. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 2.00, 2026: 2.00, 2032: 2.60}}\n", err, sizeof err),
               1);
    EXPECT_HAS(err, "market anchor 2026 (2.00) implies +0.00% in 2025-2026 but 4.47% a year in 2026-2032, 4.47 "
                    "percentage points apart");
}

TEST(growth_steps_of_every_interior_anchor_and_published_segment)
{
    char err[2048];
    /* 150 for 121: the steps on both sides of it turn. */
    const char *text = REPORT(2025, 2032) "market: {anchors: {2025: 100.0, 2026: 110.0, 2027: 150.0, 2028: 165.0}}\n"
                                          "dimensions:\n"
                                          "  - id: r\n"
                                          "    title: R\n"
                                          "    segments:\n"
                                          "      - id: a\n"
                                          "        title: A\n"
                                          "        provenance: published\n"
                                          "        anchors: {2025: 40.0, 2026: 44.0, 2032: 60.0}\n"
                                          "      - id: b\n"
                                          "        title: B\n"
                                          "        anchors: {2025: 60.0, 2026: 66.0, 2032: 90.0}\n";
    EXPECT_INT(check(text, err, sizeof err), 3);
    EXPECT_HAS(err, "t.yaml:3:39: warning: market anchor 2026 (110.0) implies +10.00% in 2025-2026 but +36.36% in "
                    "2026-2027, 26.36 percentage points apart; check the 2026 figure\n");
    EXPECT_HAS(err, "t.yaml:3:52: warning: market anchor 2027 (150.0) implies +36.36% in 2026-2027 but +10.00% in "
                    "2027-2028, 26.36 percentage points apart; check the 2027 figure\n");
    /* A published segment: +10% then 5.31% a year. */
    EXPECT_HAS(err, "t.yaml:11:37: warning: r/a anchor 2026 (44.0) implies +10.00% in 2025-2026 but 5.31% a year in "
                    "2026-2032, 4.69 percentage points apart; check the 2026 figure\n");
    /* An illustrative one is not the publisher's to check. */
    EXPECT_NOT_HAS(err, "r/b anchor");
}

TEST(growth_steps_skip_zeros_and_an_illustrative_market)
{
    char err[1024];
    /* From 0 the cagr method joins linearly: there is no rate to compare. */
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 0, 2026: 10, 2032: 20}}\n", err, sizeof err), 1);
    EXPECT_HAS(err, "market has no CAGR");
    EXPECT_NOT_HAS(err, "percentage points apart");
    EXPECT_INT(check(REPORT(2025, 2032) "market: {anchors: {2025: 28.46, 2026: 30.12, 2032: 53.49},\n"
                                        "         provenance: illustrative}\n",
                     err, sizeof err),
               0);
    EXPECT_STR(err, "");
}
