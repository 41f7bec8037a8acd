/* main.c - runs every registered unit test. */
#include <stdarg.h>
#include <stdlib.h>

#include "testhelp.h"

typedef struct test_entry {
    const char *name;
    test_fn fn;
} test_entry;

static test_entry tests[512];
static size_t n_tests;
static int current_failed;
static char first_failure[512];

void test_register(const char *name, test_fn fn)
{
    if (n_tests < sizeof tests / sizeof tests[0])
        tests[n_tests++] = (test_entry){name, fn};
}

void test_fail(const char *file, int line, const char *fmt, ...)
{
    if (current_failed++)
        return;
    int n = snprintf(first_failure, sizeof first_failure, "%s:%d: ", file, line);
    va_list ap;
    va_start(ap, fmt);
    if (n > 0 && (size_t)n < sizeof first_failure)
        vsnprintf(first_failure + n, sizeof first_failure - (size_t)n, fmt, ap);
    va_end(ap);
}

int main(int argc, char **argv)
{
    int pass = 0, fail = 0;
    for (size_t i = 0; i < n_tests; i++) {
        if (argc > 1 && !strstr(tests[i].name, argv[1]))
            continue;
        current_failed = 0;
        tests[i].fn();
        if (current_failed) {
            printf("not ok - unit/%s: %s\n", tests[i].name, first_failure);
            fail++;
        } else {
            printf("ok - unit/%s\n", tests[i].name);
            pass++;
        }
    }
    printf("%d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
