/* test_forecast.c - the forecast modules against established
 * implementations, their behaviour on short, long, flat, declining and
 * noisy series, the dataset keys that select them, reconciliation (top
 * down and bottom up), rounded shares and the published-sums warnings.
 *
 * The reference numbers below were computed once by
 * tests/fixtures/forecast/reference.py with numpy, scipy and statsmodels
 * (the versions in the first comment); each block names the call that
 * produced it.  The suite itself needs no Python.  Every series starts in
 * 2020; reference curves run over the points and 5 years beyond. */
#include <stdlib.h>

#include "model/format.h"
#include "forecast/forecast.h"
#include "model/model.h"
#include "testhelp.h"

/* numpy 1.24.2, scipy 1.10.1, statsmodels 0.13.5+dfsg */
static const double s3[] = {10.0, 12.0, 15.0};
static const double s30[] = {50.0,   57.12,  62.51,  65.23,  65.61,  65.15,  65.77,  68.96,  75.01,  82.95,
                             90.94,  97.18,  100.73, 101.96, 102.4,  103.97, 108.12, 115.14, 124.0,  132.87,
                             139.94, 144.32, 146.42, 147.76, 150.27, 155.4,  163.37, 173.15, 182.89, 190.81};
static const double flat[] = {50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0};
static const double decl[] = {100.0, 92.0, 85.0, 79.0, 74.0, 70.0, 66.5, 63.4};
static const double noisy[] = {20.1, 23.4, 22.8, 27.9, 29.3, 28.7, 33.8, 35.2, 34.1, 39.6, 41.0, 40.2};
static const double trend16[] = {28.3, 33.0, 39.6, 43.2, 38.0, 41.3, 46.6, 39.4,
                                 44.4, 45.9, 50.7, 50.3, 49.0, 51.4, 54.7, 63.5};
static const double linear_s3[] = {9.83333333333485,   12.333333333335759, 14.833333333335759, 17.33333333333576,
                                   19.833333333336668, 22.333333333336668, 24.833333333336668, 27.333333333337578};
static const double linear_s30[] = {
    44.07501075268374,  48.69041230997027,  53.30581386725498,  57.921215424541515, 62.53661698182805,
    67.15201853911276,  71.76742009639929,  76.38282165368582,  80.99822321097054,  85.61362476825707,
    90.2290263255436,   94.84442788282831,  99.45982944011485,  104.07523099740138, 108.69063255468609,
    113.30603411197262, 117.92143566925915, 122.53683722654387, 127.1522387838304,  131.76764034111693,
    136.38304189840346, 140.99844345568818, 145.6138450129747,  150.22924657026124, 154.84464812754595,
    159.46004968483248, 164.07545124211902, 168.69085279940373, 173.30625435669026, 177.9216559139768,
    182.5370574712615,  187.15245902854804, 191.76786058583457, 196.38326214311928, 200.9986637004058};
static const double linear_decl[] = {96.80833333333067, 91.64523809523598,  86.4821428571413,  81.3190476190448,
                                     76.15595238095011, 70.99285714285543,  65.82976190475893, 60.66666666666424,
                                     55.50357142856774, 50.340476190473055, 45.17738095237837, 40.01428571428187,
                                     34.851190476187185};
static const double linear_noisy[] = {20.747435897436844, 22.67365967366095,  24.5998834498846,   26.526107226108252,
                                      28.452331002331903, 30.378554778555554, 32.304778554779205, 34.231002331002855,
                                      36.157226107226506, 38.08344988345061,  40.00967365967426,  41.935897435897914,
                                      43.862121212121565, 45.788344988345216, 47.71456876456887,  49.64079254079252,
                                      51.56701631701617};
static const double loglinear_s3[] = {9.932194267796213, 12.164403991149017, 14.898291401695102, 18.246605986724482,
                                      22.34743710254383, 27.369908980088166, 33.52115565381751,  41.05486347013208};
static const double loglinear_s30[] = {
    54.97504155010352,  57.42681231661994,  59.98792688210495,  62.66326174909956,  65.45791090186077,
    68.3771955055878,   71.42667403820863,  74.61215287403222,  77.93969733939991,  81.41564326140019,
    85.0466090316308,   88.8395082079804,   92.80156267841694,  96.94031641186555,  101.26364982233417,
    105.77979477365504, 110.49735025340466, 115.42529874584764, 120.5730233350809,  125.95032557093337,
    131.56744413166427, 137.4350743189613,  143.564388422383,   149.96705699201033, 156.65527105981437,
    163.6417653520513,  170.93984253687051, 178.56339855333758, 186.5269490700551,  194.84565712379364,
    203.5353619907452,  212.6126093453733,  222.0946827642874,  231.99963663510795, 242.34633053302858};
static const double loglinear_decl[] = {97.74048408374853,  91.58863347670484,  85.82398440898639,  80.42216616003324,
                                        75.36034191853226,  70.61711223715369,  66.17242456391293,  62.00748846768638,
                                        58.104696199498136, 54.447548253714075, 51.020583614481204, 47.80931439249334,
                                        44.800164575763695};
static const double loglinear_noisy[] = {21.52029608172844,  22.938606762449634, 24.45039223456813,  26.061813021829217,
                                         27.779435661752032, 29.61025946426106,  31.561745033863637, 33.64184467160675,
                                         35.859034780687765, 38.222350407789364, 40.74142206088168,  43.426514953529164,
                                         46.28857083562195,  49.33925258099034,  52.59099171360542,  56.05703906601413,
                                         59.75151877646927};
/* Holt(s3[1:], damped_trend=False, initialization_method='known',
 *      initial_level=s3[0], initial_trend=s3[1]-s3[0])
 *   .fit(smoothing_level=0.8, smoothing_trend=0.2, optimized=False) */
static const double holt_s3_fitted[] = {12.0, 14.0};
static const double holt_s3_forecast[] = {16.96, 19.119999999999997, 21.28, 23.439999999999998, 25.6};
static const double holt_s3_sse = 1.0;
/* Holt(s30[1:], damped_trend=True, initialization_method='known',
 *      initial_level=s30[0], initial_trend=s30[1]-s30[0])
 *   .fit(smoothing_level=0.5, smoothing_trend=0.3, damping_trend=0.9, optimized=False) */
static const double holt_s30_fitted[] = {56.408,
                                         62.62731999999999,
                                         67.82980979999999,
                                         70.91396539699998,
                                         71.491601817205,
                                         70.37134187011434,
                                         69.29497664795238,
                                         70.18414161810831,
                                         74.19954965532844,
                                         81.19831658584172,
                                         89.74547313619199,
                                         97.7750810536541,
                                         103.53256462158605,
                                         106.38600777216199,
                                         107.13064575207122,
                                         107.58751337889719,
                                         109.7591138358729,
                                         114.89079798187548,
                                         122.87225822092968,
                                         132.30499755763208,
                                         141.1437057109862,
                                         147.67973882346314,
                                         151.33290204173704,
                                         152.91883861223897,
                                         154.27197492570065,
                                         157.39807090550374,
                                         163.49612097889695,
                                         172.427211130828,
                                         182.76481763999377};
static const double holt_s30_forecast[] = {192.4690993057195, 197.58262074286986, 202.18479003630517, 206.326742400397,
                                           210.0544995280796};
static const double holt_s30_sse = 990.2761312266737;
/* Holt(decl[1:], damped_trend=False, initialization_method='known',
 *      initial_level=decl[0], initial_trend=decl[1]-decl[0])
 *   .fit(smoothing_level=0.8, smoothing_trend=0.2, optimized=False) */
static const double holt_decl_fitted[] = {92.0, 84.0, 76.96, 71.0784, 66.369536, 62.80863744, 59.88707573760001};
static const double holt_decl_forecast[] = {57.38483127910399, 52.07224741068799, 46.759663542271994, 41.44707967385599,
                                            36.13449580543998};
static const double holt_decl_sse = 52.84440983802433;
/* Holt(noisy[1:], damped_trend=False, initialization_method='known',
 *      initial_level=noisy[0], initial_trend=noisy[1]-noisy[0])
 *   .fit(smoothing_level=0.4, smoothing_trend=0.1, optimized=False) */
static const double holt_noisy_fitted[] = {23.4,
                                           26.699999999999996,
                                           28.283999999999995,
                                           31.259039999999995,
                                           33.52570239999999,
                                           34.45267174399999,
                                           37.02274648063999,
                                           39.051881463398395,
                                           39.6312871945175,
                                           42.17767914540826,
                                           44.218407150126396};
static const double holt_noisy_forecast[] = {44.962107666952214, 47.313171043828596, 49.66423442070497,
                                             52.015297797581354, 54.36636117445773};
static const double holt_noisy_sse = 88.28771562287292;
/* alpha, beta, sse */
static const double holt_noisy_opt[] = {0.2585273110888629, 1.0, 48.11256300142354};
/* alpha, beta, sse */
static const double holt_s30_opt[] = {1.0, 1.0, 110.83059999999992};
/* alpha, beta, sse */
static const double holt_decl_opt[] = {1.0, 1.0, 4.409999999999999};
/* alpha, beta, sse */
static const double holt_trend16_opt[] = {0.8139625153336502, 0.18980969771500397, 305.8334364802658};
static const double logistic_given[] = {3.732688734412946,  6.008665017400761, 9.534946489910949, 14.804719803168947,
                                        22.270013882530886, 32.08213008246071, 43.78234991142019, 56.21765008857981,
                                        67.91786991753929,  77.72998611746911, 85.19528019683106, 90.46505351008906,
                                        93.99133498259924,  96.26731126558707, 97.70226300899743};
static const double bass_given[] = {42.52814070109108,  75.25003598185648, 116.57523586581507, 165.59932124568678,
                                    219.61760893643762, 274.5048708288766, 325.86879297927504, 370.363553168238,
                                    406.4016106106731,  434.0338521058168, 454.34378156934673, 468.8124664650334,
                                    478.8919451818521,  485.8048199054934, 490.4952445139553};
static const double logistic_data[] = {4.98, 7.62, 13.11, 19.31, 29.37, 40.6, 50.43, 60.29, 66.99, 72.38};
/* scipy.optimize.curve_fit(logistic, t, logistic_data, p0=(90, 2024, 2)) */
static const double logistic_fit[] = {80.04874742771199, 2024.9985598106464, 1.8067972079020624};
static const double logistic_fit_curve[] = {4.735669771155332, 7.891474512252278, 12.793051534485757, 19.89950495935407,
                                            29.23744720393039, 40.04032533078448, 50.84087980495436,  60.17307026892095,
                                            67.27282178938812, 72.16860594411308, 75.32017559529426,  77.26001762385161,
                                            78.42125714754053, 79.10485884780056, 79.50332145767109};
static const double bass_data[] = {7.57, 18.37, 35.42, 56.94, 87.07, 119.9, 157.42, 193.18, 222.21};
/* scipy.optimize.curve_fit(bass with launch 2019, t, bass_data, p0=(350, 0.03, 0.4)) */
static const double bass_fit[] = {297.7530052498952, 0.01999253696540059, 0.4539396969367265};
static const double bass_fit_curve[] = {7.425506154204985,  18.607684511624804, 34.87157018770775,  57.36865781197527,
                                        86.41962739203929,  120.77534666547434, 157.42042237865473, 192.44571485646176,
                                        222.58249768848677, 246.25540493526015, 263.5548705108211,  275.5406531524827,
                                        283.5414322867234,  288.7502512983406,  292.0864040220771};

#define N(a) (sizeof(a) / sizeof *(a))
#define FIRST 2020

/* ---- helpers ----------------------------------------------------------- */

typedef struct series {
    fc_point pt[64];
    fc_points p;
} series;


/* The method a spec names, or NULL (the default, cagr). */
static const fc_module *method_of(const spec *s)
{
    return s->method ? fc_module_at((size_t)s->method - 1) : NULL;
}

/* Points for the years FIRST, FIRST + 1, ... */
static const fc_points *points(series *s, const double *v, size_t n)
{
    for (size_t i = 0; i < n && i < N(s->pt); i++)
        s->pt[i] = (fc_point){FIRST + (int)i, v[i]};
    s->p = (fc_points){n, s->pt};
    return &s->p;
}

/* Parameters in the module's order; NAN for "not given". */
static const double *params(double *buf, double a, double b, double c, double d)
{
    buf[0] = a;
    buf[1] = b;
    buf[2] = c;
    buf[3] = d;
    return buf;
}

/* The module's own curve (no bending), over n_years from FIRST. */
static int curve(const fc_module *m, const fc_points *p, const double *param, int n_years, double *out, fc_fit *fit)
{
    fc_input in = {p, 0, 0, FIRST, n_years, param, fit};
    return m->fill(&in, out);
}

/* The whole method, through the points. */
static int series_of(const fc_module *m, const fc_points *p, const double *param, int n_years, double *out, fc_fit *fit)
{
    fc_input in = {p, 0, 0, FIRST, n_years, param, fit};
    return fc_series(m, &in, out);
}

static void expect_curve(const double *got, const double *want, size_t n, double tol, int line)
{
    for (size_t i = 0; i < n; i++)
        if (!(fabs(got[i] - want[i]) <= tol)) {
            test_fail(__FILE__, line, "year %d: %.15g, wanted %.15g (tolerance %g)", FIRST + (int)i, got[i], want[i],
                      tol);
            return;
        }
}
#define EXPECT_CURVE(got, want, n, tol) expect_curve(got, want, n, tol, __LINE__)

/* A diagnostic text holds `want`. */
#define EXPECT_HAS(text, want)                                                                                         \
    do {                                                                                                               \
        const char *t_ = (text);                                                                                       \
        if (!strstr(t_, want))                                                                                         \
            test_fail(__FILE__, __LINE__, "no \"%s\" in: %s", want, t_);                                               \
    } while (0)

static const double *const unit_series[] = {s3, s30, flat, decl, noisy};
static const size_t unit_len[] = {N(s3), N(s30), N(flat), N(decl), N(noisy)};
static const char *const unit_name[] = {"short", "long", "flat", "declining", "noisy"};

/* ---- reference checks -------------------------------------------------- */

TEST(linear_matches_numpy_polyfit)
{
    const double *ys[] = {s3, s30, decl, noisy}, *want[] = {linear_s3, linear_s30, linear_decl, linear_noisy};
    size_t n[] = {N(s3), N(s30), N(decl), N(noisy)};
    for (size_t k = 0; k < N(ys); k++) {
        series s;
        double out[64];
        EXPECT_INT(curve(&fc_linear, points(&s, ys[k], n[k]), NULL, (int)n[k] + 5, out, NULL), 0);
        EXPECT_CURVE(out, want[k], n[k] + 5, 1e-6);
    }
}

TEST(loglinear_matches_numpy_polyfit_of_logs)
{
    const double *ys[] = {s3, s30, decl, noisy};
    const double *want[] = {loglinear_s3, loglinear_s30, loglinear_decl, loglinear_noisy};
    size_t n[] = {N(s3), N(s30), N(decl), N(noisy)};
    for (size_t k = 0; k < N(ys); k++) {
        series s;
        double out[64];
        EXPECT_INT(curve(&fc_loglinear, points(&s, ys[k], n[k]), NULL, (int)n[k] + 5, out, NULL), 0);
        EXPECT_CURVE(out, want[k], n[k] + 5, 1e-6);
    }
}

TEST(holt_matches_statsmodels_with_given_parameters)
{
    struct {
        const double *y, *fitted, *forecast, *sse;
        size_t n;
        double alpha, beta, phi;
    } c[] = {
        {s3, holt_s3_fitted, holt_s3_forecast, &holt_s3_sse, N(s3), 0.8, 0.2, 1},
        {s30, holt_s30_fitted, holt_s30_forecast, &holt_s30_sse, N(s30), 0.5, 0.3, 0.9},
        {decl, holt_decl_fitted, holt_decl_forecast, &holt_decl_sse, N(decl), 0.8, 0.2, 1},
        {noisy, holt_noisy_fitted, holt_noisy_forecast, &holt_noisy_sse, N(noisy), 0.4, 0.1, 1},
    };
    for (size_t k = 0; k < N(c); k++) {
        double fitted[64], out[64], pbuf[4];
        double sse = fc_holt_run(c[k].y, c[k].n, c[k].alpha, c[k].beta, c[k].phi, fitted, NULL, NULL);
        EXPECT_NEAR(sse, *c[k].sse, 1e-6);
        EXPECT_CURVE(fitted + 1, c[k].fitted, c[k].n - 1, 1e-6);
        series s;
        fc_fit fit;
        EXPECT_INT(curve(&fc_holt, points(&s, c[k].y, c[k].n), params(pbuf, c[k].alpha, c[k].beta, c[k].phi, NAN),
                         (int)c[k].n + 5, out, &fit),
                   0);
        EXPECT_CURVE(out + c[k].n, c[k].forecast, 5, 1e-6);
        EXPECT_CURVE(out, c[k].y, c[k].n, 0);
        EXPECT_NEAR(fit.sse, *c[k].sse, 1e-6);
    }
}

TEST(holt_fits_the_sse_optimum)
{
    struct {
        const double *y, *opt;
        size_t n;
    } c[] = {{noisy, holt_noisy_opt, N(noisy)},
             {s30, holt_s30_opt, N(s30)},
             {decl, holt_decl_opt, N(decl)},
             {trend16, holt_trend16_opt, N(trend16)}};
    for (size_t k = 0; k < N(c); k++) {
        series s;
        fc_fit fit;
        double out[64];
        EXPECT_INT(curve(&fc_holt, points(&s, c[k].y, c[k].n), NULL, (int)c[k].n, out, &fit), 0);
        EXPECT_NEAR(fit.param[0], c[k].opt[0], 1e-4);
        EXPECT_NEAR(fit.param[1], c[k].opt[1], 1e-4);
        EXPECT_NEAR(fit.sse, c[k].opt[2], 1e-6 * c[k].opt[2]);
        EXPECT(fit.sse <= c[k].opt[2] * (1 + 1e-9));
        EXPECT_NEAR(fit.param[2], 1, 0);
    }
    /* One of the two given: the other is fitted alone, and no better than both. */
    series s;
    fc_fit fit;
    double out[64], pbuf[4];
    EXPECT_INT(curve(&fc_holt, points(&s, trend16, N(trend16)), params(pbuf, 0.5, NAN, NAN, NAN), 16, out, &fit), 0);
    EXPECT_NEAR(fit.param[0], 0.5, 0);
    EXPECT(fit.param[1] >= 0 && fit.param[1] <= 1);
    EXPECT(fit.sse >= holt_trend16_opt[2]);
    EXPECT(fit.sse <= fc_holt_run(trend16, N(trend16), 0.5, 0.1, 1, NULL, NULL, NULL));
}

TEST(logistic_matches_formula_and_curve_fit)
{
    series s;
    double out[64], pbuf[4];
    fc_point one = {2026, 43.78234991142019};
    fc_points p1 = {1, &one};
    /* Every parameter given: the formula, whatever the points. */
    EXPECT_INT(curve(&fc_logistic, &p1, params(pbuf, 100, 2026.5, 2, NAN), 15, out, NULL), 0);
    EXPECT_CURVE(out, logistic_given, 15, 1e-6);
    fc_fit fit;
    EXPECT_INT(curve(&fc_logistic, points(&s, logistic_data, N(logistic_data)), NULL, 15, out, &fit), 0);
    EXPECT_NEAR(fit.param[0], logistic_fit[0], 1e-4 * logistic_fit[0]);
    EXPECT_NEAR(fit.param[1], logistic_fit[1], 1e-4);
    EXPECT_NEAR(fit.param[2], logistic_fit[2], 1e-4 * logistic_fit[2]);
    EXPECT_CURVE(out, logistic_fit_curve, 15, 1e-5);
}

TEST(bass_matches_formula_and_curve_fit)
{
    series s;
    double out[64], pbuf[4];
    fc_point one = {2021, 75.25003598185648};
    fc_points p1 = {1, &one};
    EXPECT_INT(curve(&fc_bass, &p1, params(pbuf, 500, 0.03, 0.38, 2018), 15, out, NULL), 0);
    EXPECT_CURVE(out, bass_given, 15, 1e-6);
    fc_fit fit;
    EXPECT_INT(curve(&fc_bass, points(&s, bass_data, N(bass_data)), params(pbuf, NAN, NAN, NAN, 2019), 15, out, &fit),
               0);
    EXPECT_NEAR(fit.param[0], bass_fit[0], 1e-4 * bass_fit[0]);
    EXPECT_NEAR(fit.param[1], bass_fit[1], 1e-4 * bass_fit[1]);
    EXPECT_NEAR(fit.param[2], bass_fit[2], 1e-4 * bass_fit[2]);
    EXPECT_CURVE(out, bass_fit_curve, 15, 1e-5);
    /* launch defaults to the year before the first point. */
    EXPECT_INT(curve(&fc_bass, points(&s, bass_data, N(bass_data)), NULL, 15, out, &fit), 0);
    EXPECT_NEAR(fit.param[3], 2019, 0);
}

/* ---- every method on short, long, flat, declining and noisy series ------ */

static const fc_module *const all_modules[] = {&fc_cagr, &fc_linear, &fc_loglinear, &fc_holt, &fc_logistic, &fc_bass};

TEST(every_method_passes_through_every_point_and_stays_finite)
{
    for (size_t m = 0; m < N(all_modules); m++)
        for (size_t k = 0; k < N(unit_series); k++) {
            series s;
            fc_fit fit;
            double out[64];
            const fc_points *p = points(&s, unit_series[k], unit_len[k]);
            /* Two years before the points and five after. */
            fc_input in = {p, 0, 0, FIRST - 2, (int)unit_len[k] + 7, NULL, &fit};
            if (fc_series(all_modules[m], &in, out) != 0) {
                test_fail(__FILE__, __LINE__, "%s on the %s series failed: %s", all_modules[m]->name, unit_name[k],
                          fit.why);
                continue;
            }
            for (int i = 0; i < in.n_years; i++)
                if (!isfinite(out[i]) || out[i] < 0)
                    test_fail(__FILE__, __LINE__, "%s on the %s series: %g in %d", all_modules[m]->name, unit_name[k],
                              out[i], in.first_year + i);
            for (size_t i = 0; i < unit_len[k]; i++)
                if (out[i + 2] != unit_series[k][i])
                    test_fail(__FILE__, __LINE__, "%s on the %s series misses the point %g in %d: %.17g",
                              all_modules[m]->name, unit_name[k], unit_series[k][i], FIRST + (int)i, out[i + 2]);
        }
}

TEST(every_method_keeps_a_flat_series_flat)
{
    /* Bass cannot be flat from launch on: its curve only approaches the
     * level, and the bend through the last point keeps what is left. */
    const double tol[] = {1e-9, 1e-9, 1e-9, 1e-9, 1e-9, 1e-4};
    for (size_t m = 0; m < N(all_modules); m++) {
        series s;
        fc_fit fit;
        double out[64];
        EXPECT_INT(series_of(all_modules[m], points(&s, flat, N(flat)), NULL, 15, out, &fit), 0);
        for (int i = 8; i < 15; i++)
            if (!(fabs(out[i] - 50) <= 50 * tol[m]))
                test_fail(__FILE__, __LINE__, "%s: %.17g in %d", all_modules[m]->name, out[i], FIRST + i);
    }
}

TEST(trend_methods_carry_a_decline_on)
{
    /* Bass is cumulative and cannot fall; every other method can. */
    for (size_t m = 0; m + 1 < N(all_modules); m++) {
        series s;
        fc_fit fit;
        double out[64];
        EXPECT_INT(series_of(all_modules[m], points(&s, decl, N(decl)), NULL, 13, out, &fit), 0);
        for (int i = 8; i < 13; i++)
            if (!(out[i] < out[i - 1]))
                test_fail(__FILE__, __LINE__, "%s: %g in %d after %g", all_modules[m]->name, out[i], FIRST + i,
                          out[i - 1]);
    }
    /* The logistic fits a falling S-curve: a negative scale. */
    series s;
    fc_fit fit;
    double out[64];
    EXPECT_INT(curve(&fc_logistic, points(&s, decl, N(decl)), NULL, 13, out, &fit), 0);
    EXPECT(fit.param[2] < 0);
}

TEST(trend_methods_follow_the_trend_of_a_noisy_series)
{
    /* Not cagr: it carries the last interval on, here a dip. */
    for (size_t m = 1; m < N(all_modules); m++) {
        series s;
        fc_fit fit;
        double out[64];
        EXPECT_INT(series_of(all_modules[m], points(&s, noisy, N(noisy)), NULL, 17, out, &fit), 0);
        if (!(out[16] > out[11]))
            test_fail(__FILE__, __LINE__, "%s: %g in 2036, %g in 2031", all_modules[m]->name, out[16], out[11]);
    }
}

TEST(linear_and_loglinear_extrapolate_their_fitted_trend)
{
    series s;
    double out[64], raw[64];
    const fc_points *p = points(&s, noisy, N(noisy));
    /* Residuals are added: the line's yearly increase carries on. */
    EXPECT_INT(series_of(&fc_linear, p, NULL, 17, out, NULL), 0);
    curve(&fc_linear, p, NULL, 17, raw, NULL);
    for (int i = 12; i < 17; i++)
        EXPECT_NEAR(out[i] - out[i - 1], raw[i] - raw[i - 1], 1e-9);
    EXPECT_NEAR(out[12] - out[11], linear_noisy[1] - linear_noisy[0], 1e-6);
    /* Ratios are multiplied: the fitted growth rate carries on. */
    EXPECT_INT(series_of(&fc_loglinear, p, NULL, 17, out, NULL), 0);
    for (int i = 12; i < 17; i++)
        EXPECT_NEAR(out[i] / out[i - 1], loglinear_noisy[1] / loglinear_noisy[0], 1e-9);
}

TEST(holt_is_forced_through_a_later_anchor)
{
    /* Five consecutive years, then an anchor after a gap: the forecast
     * runs from the stretch and the gap is closed by a residual that grows
     * linearly to the anchor, then stays. */
    fc_point pt[] = {{2020, 10}, {2021, 12}, {2022, 13},
                   {2023, 15}, {2024, 16}, {2030, 40}};
    fc_points p = {N(pt), pt};
    double out[16], raw[16], pbuf[4];
    const double *par = params(pbuf, 0.5, 0.3, NAN, NAN);
    EXPECT_INT(curve(&fc_holt, &p, par, 14, raw, NULL), 0);
    EXPECT_INT(series_of(&fc_holt, &p, par, 14, out, NULL), 0);
    EXPECT_NEAR(out[10], 40, 0);
    double e = 40 - raw[10];
    for (int i = 5; i < 10; i++)
        EXPECT_NEAR(out[i], raw[i] + e * (i - 4) / 6.0, 1e-9);
    for (int i = 11; i < 14; i++)
        EXPECT_NEAR(out[i], raw[i] + e, 1e-9);
    /* The level and trend of the stretch, given phi. */
    double level, trend;
    double y[] = {10, 12, 13, 15, 16};
    fc_holt_run(y, 5, 0.5, 0.3, 1, NULL, &level, &trend);
    EXPECT_NEAR(raw[5], level + trend, 1e-12);
    EXPECT_NEAR(raw[7], level + 3 * trend, 1e-12);
}

TEST(damped_holt_levels_off)
{
    series s;
    double out[64], pbuf[4];
    EXPECT_INT(curve(&fc_holt, points(&s, noisy, N(noisy)), params(pbuf, 0.4, 0.1, 0.8, NAN), 60, out, NULL), 0);
    double level, trend;
    fc_holt_run(noisy, N(noisy), 0.4, 0.1, 0.8, NULL, &level, &trend);
    /* level + trend (phi + ... + phi^h) = level + trend phi (1 - phi^h) / (1 - phi) */
    EXPECT_NEAR(out[59], level + trend * 0.8 * (1 - pow(0.8, 48)) / 0.2, 1e-9);
    EXPECT_NEAR(out[59], level + trend * 0.8 / 0.2, 1e-3);
}

TEST(cagr_takes_its_rate_from_params)
{
    fc_point one = {2020, 100};
    fc_points p = {1, &one};
    double out[4], pbuf[4];
    EXPECT_INT(series_of(&fc_cagr, &p, params(pbuf, 5, NAN, NAN, NAN), 4, out, NULL), 0);
    EXPECT_NEAR(out[3], 100 * 1.05 * 1.05 * 1.05, 1e-9);
}

TEST(a_curve_below_zero_is_clamped_and_counted)
{
    const double y[] = {10, 5, 3};
    series s;
    fc_fit fit;
    double out[8];
    EXPECT_INT(series_of(&fc_linear, points(&s, y, 3), NULL, 8, out, &fit), 0);
    EXPECT(fit.clamped > 0);
    EXPECT_INT(fit.clamped_from, FIRST + 8 - fit.clamped);
    EXPECT_INT(fit.clamped_to, FIRST + 7);
    for (int i = 0; i < 8; i++)
        EXPECT(out[i] >= 0);
    EXPECT_NEAR(out[2], 3, 0);
}

TEST(too_few_points_say_what_is_missing)
{
    series s;
    fc_fit fit;
    double out[8], pbuf[4];
    EXPECT_INT(series_of(&fc_linear, points(&s, s3, 1), NULL, 8, out, &fit), -1);
    EXPECT_HAS(fit.why, "linear fits a line and needs at least 2 known points; it has 1");
    EXPECT_INT(series_of(&fc_holt, points(&s, s3, 2), NULL, 8, out, &fit), -1);
    EXPECT_HAS(fit.why, "holt needs at least 3 consecutive yearly points to fit alpha and beta");
    EXPECT_INT(series_of(&fc_holt, points(&s, s3, 2), params(pbuf, 0.5, 0.5, NAN, NAN), 8, out, &fit), 0);
    EXPECT_INT(series_of(&fc_logistic, points(&s, s3, 2), NULL, 8, out, &fit), -1);
    EXPECT_HAS(fit.why, "logistic fits capacity, midpoint and scale and needs at least 3 known points");
    EXPECT_INT(series_of(&fc_logistic, points(&s, s3, 2), params(pbuf, 20, NAN, NAN, NAN), 8, out, &fit), 0);
    EXPECT_INT(series_of(&fc_bass, points(&s, s3, 2), NULL, 8, out, &fit), -1);
    EXPECT_HAS(fit.why, "bass fits m, p and q and needs at least 3 known points");
    EXPECT_INT(series_of(&fc_bass, points(&s, s3, 3), params(pbuf, NAN, NAN, NAN, 2020), 8, out, &fit), -1);
    EXPECT_HAS(fit.why, "first known point (2020) must come after it");
    const double z[] = {4, 0, 2};
    EXPECT_INT(series_of(&fc_loglinear, points(&s, z, 3), NULL, 8, out, &fit), -1);
    EXPECT_HAS(fit.why, "needs values above 0; 2021 is 0");
    /* Holt needs consecutive years. */
    fc_point gap[] = {{2020, 1}, {2022, 2}, {2024, 3}};
    fc_points pg = {3, gap};
    EXPECT_INT(series_of(&fc_holt, &pg, NULL, 8, out, &fit), -1);
    EXPECT_HAS(fit.why, "the longest run is 2024-2024 (1 point)");
}

TEST(parameter_ranges)
{
    const fc_param *alpha = &fc_holt.param[0], *phi = &fc_holt.param[2], *scale = &fc_logistic.param[2];
    EXPECT(fc_param_ok(alpha, 0) && fc_param_ok(alpha, 1) && !fc_param_ok(alpha, 1.01) && !fc_param_ok(alpha, -0.1));
    EXPECT(!fc_param_ok(phi, 0) && fc_param_ok(phi, 1));
    EXPECT(!fc_param_ok(scale, 0) && fc_param_ok(scale, -2));
    EXPECT(!fc_param_ok(&fc_logistic.param[0], 0));
    EXPECT(!fc_param_ok(alpha, NAN));
    EXPECT(fc_find("holt") == &fc_holt && fc_find("Holt") == NULL);
    size_t n = 0;
    while (fc_module_at(n))
        n++;
    EXPECT_INT(n, 6);
}

/* ---- the dataset: method and params ------------------------------------ */

/* Loads and builds `text` and runs the consistency checks; errors and
 * warnings go to err. */
static mkp_doc *load(const char *text, char *err, size_t cap)
{
    err[0] = '\0';
    FILE *f = fmemopen(err, cap, "w");
    diag_ctx d;
    diag_init(&d, "t.yaml", f);
    mkp_doc *doc = mdl_load_buffer("t.yaml", (const unsigned char *)text, strlen(text), &d);
    if (doc && mdl_build(doc, &d) != 0) {
        ds_free(doc);
        doc = NULL;
    }
    if (doc)
        mdl_check_consistency(doc, &d);
    fclose(f);
    return doc;
}

#define HEAD                                                                                                           \
    "report: {id: t, title: T, base_year: 2025, estimated_year: 2026, forecast_end: 2032,\n"                           \
    "         currency: USD, unit: billion}\n"

static double at(const mkp_doc *doc, const char *path, int year)
{
    const mkp_model *m = doc->model;
    if (strcmp(path, "market") == 0)
        return m->market->value[year - m->first_year];
    for (size_t d = 0; d < m->n_dimensions; d++) {
        const mkp_node *dim = &m->dimensions[d];
        for (size_t i = 0; i < dim->n_children; i++) {
            if (strcmp(dim->children[i].path, path) == 0)
                return dim->children[i].value[year - m->first_year];
            for (size_t j = 0; j < dim->children[i].n_children; j++)
                if (strcmp(dim->children[i].children[j].path, path) == 0)
                    return dim->children[i].children[j].value[year - m->first_year];
        }
    }
    return NAN;
}

/* Every dimension and segment adds up to its parent in every year. */
static void expect_reconciled(const mkp_doc *doc, int line)
{
    const mkp_model *m = doc->model;
    for (size_t d = 0; d < m->n_dimensions; d++) {
        const mkp_node *dim = &m->dimensions[d];
        for (int i = 0; i < m->n_years; i++) {
            double sum = 0;
            for (size_t c = 0; c < dim->n_children; c++) {
                const mkp_node *seg = &dim->children[c];
                sum += seg->value[i];
                if (seg->value[i] < 0)
                    test_fail(__FILE__, line, "%s is %g", seg->path, seg->value[i]);
                double sub = 0;
                for (size_t k = 0; k < seg->n_children; k++)
                    sub += seg->children[k].value[i];
                if (seg->n_children && fabs(sub - seg->value[i]) > 1e-9 * seg->value[i])
                    test_fail(__FILE__, line, "%s: children add up to %.17g, not %.17g", seg->path, sub, seg->value[i]);
            }
            if (fabs(sum - m->market->value[i]) > 1e-9 * m->market->value[i])
                test_fail(__FILE__, line, "%s adds up to %.17g, not %.17g", dim->path, sum, m->market->value[i]);
        }
    }
}
#define EXPECT_RECONCILED(doc) expect_reconciled(doc, __LINE__)

static const char mixed[] = HEAD "market:\n"
                                 "  anchors: {2025: 100.0, 2026: 108.0, 2032: 190.0}\n"
                                 "  history: {2020: 61.0, 2021: 66.5, 2022: 74.2, 2023: 80.1, 2024: 90.3}\n"
                                 "  method: holt\n"
                                 "dimensions:\n"
                                 "  - id: region\n"
                                 "    title: Region\n"
                                 "    segments:\n"
                                 "      - id: a\n"
                                 "        title: A\n"
                                 "        anchors: {2025: 40, 2026: 42, 2027: 45}\n"
                                 "        method: linear\n"
                                 "      - id: b\n"
                                 "        title: B\n"
                                 "        anchors: {2025: 30, 2026: 33, 2027: 37}\n"
                                 "        method: logistic\n"
                                 "        params: {capacity: 80}\n"
                                 "      - id: c\n"
                                 "        title: C\n"
                                 "        anchors: {2025: 20, 2032: 30}\n"
                                 "        method: loglinear\n"
                                 "      - id: d\n"
                                 "        title: D\n"
                                 "        anchors: {2025: 10, 2026: 14, 2027: 19}\n"
                                 "        method: bass\n"
                                 "        params: {launch: 2023}\n"
                                 "  - id: channel\n"
                                 "    title: Channel\n"
                                 "    segments:\n"
                                 "      - {id: direct, title: Direct, share: {2025: 60, 2032: 50}}\n"
                                 "      - {id: partner, title: Partner, share: {2025: 40, 2032: 50}}\n";

TEST(dataset_selects_a_method_per_series)
{
    char err[2048] = "";
    mkp_doc *doc = load(mixed, err, sizeof err);
    EXPECT(doc != NULL);
    if (!doc) {
        test_fail(__FILE__, __LINE__, "%s", err);
        return;
    }
    EXPECT_STR(err, "");
    EXPECT(method_of(&doc->market) == &fc_holt);
    EXPECT(method_of(&doc->dims[0].children[1]) == &fc_logistic);
    EXPECT_NEAR(doc->dims[0].children[1].param[0], 80, 0);
    EXPECT_INT(doc->dims[0].children[1].param_given, 1);
    EXPECT(method_of(&doc->dims[0].children[0]) == &fc_linear);
    EXPECT(method_of(&doc->dims[1].children[0]) == NULL);
    /* The market still passes through its published anchors and history. */
    EXPECT_NEAR(at(doc, "market", 2020), 61.0, 0);
    EXPECT_NEAR(at(doc, "market", 2025), 100.0, 0);
    EXPECT_NEAR(at(doc, "market", 2026), 108.0, 0);
    EXPECT_NEAR(at(doc, "market", 2032), 190.0, 0);
    EXPECT_RECONCILED(doc);
    ds_free(doc);
}

/* The first diagnostic line of loading `text` (which must fail or warn). */
static const char *problem(const char *text, char *err, size_t cap)
{
    mkp_doc *doc = load(text, err, cap);
    ds_free(doc);
    return err;
}

TEST(dataset_method_mistakes_point_at_their_place)
{
    char err[1024];
    const char *market1 = HEAD "market:\n  anchors: {2025: 10, 2026: 11, 2027: 12}\n";
    char text[1024];
    snprintf(text, sizeof text, "%s  method: hold\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err),
               "t.yaml:5:11: error: unknown forecast method 'hold'; did you mean 'holt'? (methods: cagr, linear, "
               "loglinear, holt, logistic, bass)");
    snprintf(text, sizeof text, "%s  method: arima\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err), "t.yaml:5:11: error: unknown forecast method 'arima' (methods:");
    snprintf(text, sizeof text, "%s  method: holt\n  params: {alpha: 1.3, beta: 0.2}\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err), "t.yaml:6:19: error: holt alpha must be within [0, 1], not '1.3'");
    snprintf(text, sizeof text, "%s  method: holt\n  params: {alpah: 0.3}\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err),
               "t.yaml:6:12: error: unknown key 'alpah' in the params of holt; did you mean 'alpha'?");
    snprintf(text, sizeof text, "%s  method: holt\n  params: {phi: 0}\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err), "error: holt phi must be within (0, 1], not '0'");
    snprintf(text, sizeof text, "%s  method: logistic\n  params: {capacity: 0}\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err),
               "t.yaml:6:22: error: logistic capacity must be a value above 0, not '0'");
    snprintf(text, sizeof text, "%s  method: logistic\n  params: {scale: 0}\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err), "logistic scale must be a non-zero number of years");
    snprintf(text, sizeof text, "%s  method: bass\n  params: {p: 0}\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err), "bass p must be within (0, 1], not '0'");
    snprintf(text, sizeof text, "%s  method: linear\n  params: {alpha: 0.3}\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err), "t.yaml:6:11: error: method linear takes no params");
    snprintf(text, sizeof text, "%s  params: {alpha: 0.3}\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err), "t.yaml:5:11: error: params without a method: add 'method: NAME'");
    snprintf(text, sizeof text, "%s  rate: 5\n  method: cagr\n  params: {rate: 4}\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err), "t.yaml:5:9: error: rate is given twice");
    snprintf(text, sizeof text, "%s  rate: 5\n  method: linear\n", market1);
    EXPECT_HAS(problem(text, err, sizeof err),
               "t.yaml:5:9: error: rate belongs to the cagr method; linear does not use it");
    /* Too few points is found when the series is built, at the method. */
    snprintf(text, sizeof text, HEAD "market:\n  anchors: {2025: 10, 2032: 20}\n  method: holt\n");
    EXPECT_HAS(problem(text, err, sizeof err),
               "t.yaml:5:11: error: market: holt needs at least 3 consecutive yearly points to fit alpha and beta; "
               "the longest run is 2032-2032 (1 point): give alpha and beta in params, or more years");
    /* One anchor: a method with all its parameters needs no rate. */
    snprintf(text, sizeof text,
             HEAD "market:\n  anchors: {2025: 10}\n  method: logistic\n"
                  "  params: {capacity: 40, midpoint: 2028, scale: 2}\n");
    mkp_doc *doc = load(text, err, sizeof err);
    EXPECT(doc != NULL);
    if (doc)
        EXPECT(at(doc, "market", 2032) > 10);
    ds_free(doc);
}

TEST(dataset_method_on_a_segment_needs_anchors)
{
    char err[1024];
    const char *text = HEAD "market: {anchors: {2025: 10, 2032: 20}}\n"
                            "dimensions:\n"
                            "  - id: r\n"
                            "    title: R\n"
                            "    segments:\n"
                            "      - {id: a, title: A, share: {2025: 50}, method: linear}\n"
                            "      - {id: b, title: B, share: {2025: 50}}\n";
    EXPECT_HAS(problem(text, err, sizeof err),
               "t.yaml:8:54: error: a method forecasts a segment's own anchors, and segment 'a' is a share of its "
               "parent");
    const char *few = HEAD "market: {anchors: {2025: 10, 2032: 20}}\n"
                           "dimensions:\n"
                           "  - id: r\n"
                           "    title: R\n"
                           "    segments:\n"
                           "      - {id: a, title: A, anchors: {2025: 5}, method: linear}\n"
                           "      - {id: b, title: B, share: {2025: 50}}\n";
    EXPECT_HAS(problem(few, err, sizeof err),
               "t.yaml:8:55: error: r/a: linear fits a line and needs at least 2 known points; it has 1");
}

/* ---- reconciliation ---------------------------------------------------- */

static const char bottom_up[] = HEAD "market: {anchors: {2025: 100.0, 2032: 200.0}}\n"
                                     "dimensions:\n"
                                     "  - id: r\n"
                                     "    title: R\n"
                                     "    segments:\n"
                                     "      - id: a\n"
                                     "        title: A\n"
                                     "        reconcile: bottom-up\n"
                                     "        segments:\n"
                                     "          - {id: a1, title: A1, anchors: {2025: 10, 2032: 20}}\n"
                                     "          - {id: a2, title: A2, anchors: {2025: 5, 2032: 15}, method: linear}\n"
                                     "      - {id: b, title: B, share: {2025: 60, 2032: 50}}\n"
                                     "      - {id: c, title: C, share: {2025: 40, 2032: 50}}\n";

TEST(bottom_up_segment_is_the_sum_of_its_children)
{
    char err[1024] = "";
    mkp_doc *doc = load(bottom_up, err, sizeof err);
    EXPECT(doc != NULL);
    if (!doc) {
        test_fail(__FILE__, __LINE__, "%s", err);
        return;
    }
    EXPECT_STR(err, "");
    EXPECT_INT(doc->dims[0].children[0].kind, GROWTH_BOTTOM_UP);
    EXPECT_NEAR(at(doc, "r/a", 2025), 15, 1e-12);
    EXPECT_NEAR(at(doc, "r/a", 2032), 35, 1e-12);
    EXPECT_NEAR(at(doc, "r/a/a1", 2032), 20, 1e-12);
    /* The siblings share what is left, in their proportions (60:40). */
    EXPECT_NEAR(at(doc, "r/b", 2025), 85 * 0.6, 1e-9);
    EXPECT_NEAR(at(doc, "r/c", 2025), 85 * 0.4, 1e-9);
    EXPECT_NEAR(at(doc, "market", 2032), 200, 0);
    EXPECT_RECONCILED(doc);
    ds_free(doc);
}

TEST(bottom_up_larger_than_the_market_is_scaled_down_with_a_warning)
{
    char text[2048], err[1024] = "";
    snprintf(text, sizeof text, "%s", bottom_up);
    char *p = strstr(text, "{2025: 10, 2032: 20}");
    memcpy(p, "{2025: 99, 2032: 20}", 20);
    mkp_doc *doc = load(text, err, sizeof err);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    EXPECT_HAS(err, "t.yaml:5:5: warning: the bottom-up segments of 'r' add up to 104 in 2025, more than its 100; "
                    "they are scaled down to it and the other segments set to 0");
    EXPECT_NEAR(at(doc, "r/a", 2025), 100, 1e-12);
    EXPECT_NEAR(at(doc, "r/b", 2025), 0, 0);
    EXPECT_NEAR(at(doc, "r/a/a1", 2025), 100 * 99 / 104.0, 1e-9);
    EXPECT_RECONCILED(doc);
    ds_free(doc);
}

TEST(a_segment_below_zero_never_reaches_the_model)
{
    char err[1024] = "";
    const char *text = HEAD "market: {anchors: {2025: 100, 2032: 200}}\n"
                            "dimensions:\n"
                            "  - id: r\n"
                            "    title: R\n"
                            "    segments:\n"
                            "      - {id: a, title: A, anchors: {2025: 30, 2026: 20, 2027: 12}, method: linear}\n"
                            "      - {id: b, title: B, anchors: {2025: 70, 2032: 150}}\n";
    mkp_doc *doc = load(text, err, sizeof err);
    EXPECT(doc != NULL);
    if (!doc)
        return;
    EXPECT_HAS(err, "t.yaml:8:76: warning: r/a: the linear curve falls below zero in 4 years (2029-2032); set "
                    "to 0 there");
    EXPECT_NEAR(at(doc, "r/a", 2032), 0, 0);
    EXPECT_NEAR(at(doc, "r/b", 2032), 200, 1e-12);
    EXPECT_RECONCILED(doc);
    ds_free(doc);
}

TEST(bottom_up_mistakes)
{
    char err[1024];
    const char *share = HEAD "market: {anchors: {2025: 10, 2032: 20}}\n"
                             "dimensions:\n"
                             "  - id: r\n"
                             "    title: R\n"
                             "    segments:\n"
                             "      - id: a\n"
                             "        title: A\n"
                             "        reconcile: bottom-up\n"
                             "        share: {2025: 50}\n"
                             "        segments:\n"
                             "          - {id: a1, title: A1, share: {2025: 100}}\n";
    problem(share, err, sizeof err);
    EXPECT_HAS(err, "t.yaml:11:16: error: segment 'a' is the sum of its sub-segments (reconcile: bottom-up); "
                    "remove its share");
    EXPECT_HAS(err, "t.yaml:13:13: error: sub-segment 'a1' needs anchors of its own: 'a' is their sum");
    const char *none = HEAD "market: {anchors: {2025: 10, 2032: 20}}\n"
                            "dimensions:\n"
                            "  - id: r\n"
                            "    title: R\n"
                            "    segments:\n"
                            "      - {id: a, title: A, share: {2025: 100}, reconcile: bottom-up}\n";
    EXPECT_HAS(problem(none, err, sizeof err),
               "t.yaml:8:58: error: reconcile applies to sub-segments, and segment 'a' has none");
    const char *bad = HEAD "market: {anchors: {2025: 10, 2032: 20}}\n"
                           "dimensions:\n"
                           "  - id: r\n"
                           "    title: R\n"
                           "    segments:\n"
                           "      - {id: a, title: A, share: {2025: 100}, reconcile: sideways}\n";
    EXPECT_HAS(problem(bad, err, sizeof err),
               "t.yaml:8:58: error: reconcile must be top-down or bottom-up, not 'sideways'");
    const char *dim = HEAD "market: {anchors: {2025: 10, 2032: 20}}\n"
                           "dimensions:\n"
                           "  - id: r\n"
                           "    title: R\n"
                           "    reconcile: bottom-up\n"
                           "    segments:\n"
                           "      - {id: a, title: A, share: {2025: 100}}\n";
    EXPECT_HAS(problem(dim, err, sizeof err),
               "t.yaml:7:16: error: a dimension always adds up to the market, which never moves; put 'reconcile: "
               "bottom-up' on a segment with sub-segments");
}

/* ---- rounded shares ---------------------------------------------------- */

static double sum_of(const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    return s;
}

TEST(rounded_shares_thirds_sevenths_and_ties)
{
    double out[8];
    const double thirds[] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    fmt_round_shares(thirds, 3, 1, out);
    /* 33.3 + 33.3 + 33.3 misses 0.1; equal remainders: the first sibling takes it. */
    EXPECT_NEAR(out[0], 33.4, 1e-9);
    EXPECT_NEAR(out[1], 33.3, 1e-9);
    EXPECT_NEAR(out[2], 33.3, 1e-9);
    fmt_round_shares(thirds, 3, 0, out);
    EXPECT_NEAR(out[0], 34, 0);
    EXPECT_NEAR(out[1] + out[2], 66, 0);
    double sevenths[7];
    for (int i = 0; i < 7; i++)
        sevenths[i] = 1.0 / 7;
    for (int dec = 0; dec <= 3; dec++) {
        fmt_round_shares(sevenths, 7, dec, out);
        EXPECT_NEAR(sum_of(out, 7), 100, 1e-9);
        double step = pow(10, -dec);
        for (int i = 0; i < 7; i++)
            EXPECT(fabs(out[i] - 100.0 / 7) < step);
    }
    /* The largest remainder wins, wherever it is. */
    const double f[] = {0.1214, 0.5432, 0.3354};
    fmt_round_shares(f, 3, 0, out);
    EXPECT_NEAR(out[0], 12, 0);
    EXPECT_NEAR(out[1], 54, 0);
    EXPECT_NEAR(out[2], 34, 0);
}

TEST(rounded_shares_of_unnormalised_zero_and_negative_parts)
{
    double out[4];
    /* Fractions that do not add up to 1 are taken relative to their total. */
    const double f[] = {0.2, 0.2, 0.1};
    fmt_round_shares(f, 3, 1, out);
    EXPECT_NEAR(out[0], 40, 1e-9);
    EXPECT_NEAR(out[2], 20, 1e-9);
    const double z[] = {0, 0.5, 0, 0.5};
    fmt_round_shares(z, 4, 2, out);
    EXPECT_NEAR(out[0], 0, 0);
    EXPECT_NEAR(out[1], 50, 1e-9);
    EXPECT_NEAR(sum_of(out, 4), 100, 1e-9);
    const double neg[] = {-0.1, 0.6, 0.5};
    fmt_round_shares(neg, 3, 1, out);
    EXPECT_NEAR(out[0], 0, 0);
    EXPECT_NEAR(sum_of(out, 3), 100, 1e-9);
    const double none[] = {0, 0};
    fmt_round_shares(none, 2, 1, out);
    EXPECT_NEAR(out[0] + out[1], 0, 0);
    const double one[] = {0.37};
    fmt_round_shares(one, 1, 1, out);
    EXPECT_NEAR(out[0], 100, 1e-9);
}

/* ---- consistency warnings: published sums (the published CAGR and growth
 * steps are in test_consistency.c) ------------------------------------- */

static const char published_sum[] =
    HEAD "market: {anchors: {2025: 100.0, 2032: 200.0}}\n"
         "dimensions:\n"
         "  - id: r\n"
         "    title: R\n"
         "    segments:\n"
         "      - id: a\n"
         "        title: A\n"
         "        provenance: published\n"
         "        anchors: {2025: 33.3, 2032: 70.0}\n"
         "        segments:\n"
         "          - {id: a1, title: A1, provenance: published, anchors: {2025: 20.0}}\n"
         "          - {id: a2, title: A2, provenance: published, anchors: {2025: 12.0}}\n"
         "      - {id: b, title: B, provenance: published, anchors: {2025: 33.3, 2032: 60.0}}\n"
         "      - {id: c, title: C, provenance: published, anchors: {2025: 33.3, 2032: 60.0}}\n";

TEST(published_segments_that_do_not_add_up_warn)
{
    char err[2048] = "";
    mkp_doc *doc = load(published_sum, err, sizeof err);
    EXPECT(doc != NULL);
    /* 2025: 99.9 against 100.0 is within the rounding of four figures
     * written to one decimal.  2032: 190 against 200 is not. */
    EXPECT(strstr(err, "of 'r' add up to 99.9") == NULL);
    EXPECT_HAS(err, "t.yaml:11:37: warning: the published segments of 'r' add up to 190 in 2032, but the market is "
                    "200: 10 (5.00%) short");
    /* A segment's own published children against its anchor: 32 vs 33.3. */
    EXPECT_HAS(err, "t.yaml:13:72: warning: the published segments of 'r/a' add up to 32 in 2025, but 'r/a' is "
                    "33.3: 1.3 (3.90%) short");
    ds_free(doc);
}

TEST(published_segments_that_alone_exceed_their_parent_warn)
{
    char err[1024] = "";
    const char *text = HEAD "market: {anchors: {2025: 100, 2032: 200}}\n"
                            "dimensions:\n"
                            "  - id: r\n"
                            "    title: R\n"
                            "    segments:\n"
                            "      - {id: a, title: A, provenance: published, anchors: {2025: 70, 2032: 150}}\n"
                            "      - {id: b, title: B, provenance: published, anchors: {2025: 45}}\n"
                            "      - {id: c, title: C, anchors: {2025: 1, 2032: 1}}\n";
    mkp_doc *doc = load(text, err, sizeof err);
    EXPECT(doc != NULL);
    EXPECT_HAS(err, "t.yaml:8:66: warning: the published segments of 'r' (2 of 3) add up to 115 in 2025, more than "
                    "the 100 of the market: 15 (15.00%) over");
    EXPECT(strstr(err, "2032") == NULL);
    ds_free(doc);
}

TEST(published_sums_use_the_market_history_and_interpolation)
{
    char err[1024] = "";
    /* 2024 is a history year: exact.  2028 has no market anchor: the
     * series there (100 * 2^(3/7)) is the reference. */
    const char *text = "report: {id: t, title: T, base_year: 2025, estimated_year: 2026, forecast_end: 2032,\n"
                       "         currency: USD, unit: billion}\n"
                       "market: {anchors: {2025: 100, 2032: 200}, history: {2024: 90}}\n"
                       "dimensions:\n"
                       "  - id: r\n"
                       "    title: R\n"
                       "    segments:\n"
                       "      - {id: a, title: A, provenance: published, anchors: {2024: 50, 2028: 70}}\n"
                       "      - {id: b, title: B, provenance: published, anchors: {2024: 40, 2028: 64.7}}\n";
    mkp_doc *doc = load(text, err, sizeof err);
    EXPECT(doc != NULL);
    EXPECT_STR(err, "");
    ds_free(doc);
}
