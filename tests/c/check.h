/*
 * A small test harness for the C suite: each test is a `bool test_x(void)` that records its
 * failed checks with CHECK and returns whether all passed; run_tests runs a table of them and
 * prints "N passed, N failed".
 */
#ifndef STYRKORT_TEST_CHECK_H
#define STYRKORT_TEST_CHECK_H

#include <stdbool.h>
#include <stdio.h>

/* Records a failed condition with its place; the test goes on, so one run shows every failure. */
#define CHECK(condition)                                                                       \
    do {                                                                                       \
        if (!(condition)) {                                                                    \
            fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #condition);    \
            passed = false;                                                                    \
        }                                                                                      \
    } while (0)

/* As CHECK, with the two strings compared (either may be NULL). */
#define CHECK_STR(actual, expected)                                                            \
    do {                                                                                       \
        const char *check_actual_ = (actual);                                                  \
        const char *check_expected_ = (expected);                                              \
        if (!same_string(check_actual_, check_expected_)) {                                    \
            fprintf(stderr, "  %s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__,    \
                    #actual, check_actual_ ? check_actual_ : "(null)",                         \
                    check_expected_ ? check_expected_ : "(null)");                             \
            passed = false;                                                                    \
        }                                                                                      \
    } while (0)

/* One test of the table. */
struct test {
    const char *name;
    bool (*run)(void);
};

/* Whether two strings, either of which may be NULL, are equal. */
bool same_string(const char *a, const char *b);

/* Runs every test, printing each failure, then "N passed, N failed"; returns the failures. */
int run_tests(const struct test *tests, size_t count);

#endif
