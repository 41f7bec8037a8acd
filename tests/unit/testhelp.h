/* testhelp.h - a tiny self-registering unit test kit.  Each TEST(name)
 * registers itself at load time; tests/unit/main.c runs them all and
 * prints "ok - name" / "not ok - name: why" and "N passed, N failed". */
#ifndef MKP_TESTHELP_H
#define MKP_TESTHELP_H
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef void (*test_fn)(void);
void test_register(const char *name, test_fn fn);
/* Records a failed expectation of the running test. */
void test_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#define TEST(name)                                                                                                    \
    static void test_##name(void);                                                                                    \
    __attribute__((constructor)) static void register_##name(void) { test_register(#name, test_##name); }            \
    static void test_##name(void)

#define EXPECT(cond)                                                                                                  \
    do {                                                                                                              \
        if (!(cond))                                                                                                  \
            test_fail(__FILE__, __LINE__, "expected %s", #cond);                                                      \
    } while (0)

#define EXPECT_INT(got, want)                                                                                         \
    do {                                                                                                              \
        long long g_ = (long long)(got), w_ = (long long)(want);                                                      \
        if (g_ != w_)                                                                                                 \
            test_fail(__FILE__, __LINE__, "%s is %lld, wanted %lld", #got, g_, w_);                                   \
    } while (0)

#define EXPECT_NEAR(got, want, tol)                                                                                   \
    do {                                                                                                              \
        double g_ = (got), w_ = (want);                                                                               \
        if (!(fabs(g_ - w_) <= (tol)))                                                                                \
            test_fail(__FILE__, __LINE__, "%s is %.17g, wanted %.17g (tolerance %g)", #got, g_, w_, (double)(tol));   \
    } while (0)

#define EXPECT_STR(got, want)                                                                                         \
    do {                                                                                                              \
        const char *g_ = (got), *w_ = (want);                                                                         \
        if (!g_ || strcmp(g_, w_) != 0)                                                                               \
            test_fail(__FILE__, __LINE__, "%s is \"%s\", wanted \"%s\"", #got, g_ ? g_ : "(null)", w_);               \
    } while (0)
#endif
