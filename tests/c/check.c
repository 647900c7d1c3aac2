#include "check.h"

#include <string.h>

bool same_string(const char *a, const char *b) {
    if (a == NULL || b == NULL) {
        return a == b;
    }
    return strcmp(a, b) == 0;
}

int run_tests(const struct test *tests, size_t count) {
    int passed = 0;
    int failed = 0;
    size_t i;
    for (i = 0; i < count; i++) {
        if (tests[i].run()) {
            printf("ok   %s\n", tests[i].name);
            passed++;
        } else {
            printf("FAIL %s\n", tests[i].name);
            failed++;
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed;
}
