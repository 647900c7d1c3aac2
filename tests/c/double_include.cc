// The header is self-contained, idempotent and C++: included twice, compiled as C++ with every
// warning an error, and linked, so that its declarations are extern "C".
#include "styrkort.h"
#include "styrkort.h"

#include <cstdio>
#include <cstring>

int main() {
    styrkort_scorecard *scorecard = nullptr;
    styrkort_error *error = nullptr;
    const char plan[] = "schema = 1\n";
    styrkort_status status = styrkort_scorecard_from_toml(plan, std::strlen(plan), "plan.toml", &scorecard, &error);
    bool passed = status == STYRKORT_STATUS_SCORECARD && scorecard == nullptr &&
                  styrkort_error_code(error) == status && std::strstr(styrkort_error_message(error), "plan.toml") &&
                  std::strlen(styrkort_version()) > 0;
    styrkort_error_free(error);
    std::printf("%s\n", passed ? "1 passed, 0 failed" : "0 passed, 1 failed");
    return passed ? 0 : 1;
}
