/*
 * The C suite of libstyrkort: every function and every error path, the golden cases of
 * tests/fixtures/cases and two threads on one report. Run as `styrkort-tests REPOSITORY`;
 * exits non-zero when a test fails.
 */
#include "check.h"
#include "support.h"
#include "tests.h"

#define TEST(name) {#name, name}

static const struct test tests[] = {
    TEST(test_version),
    TEST(test_scorecard_from_toml),
    TEST(test_scorecard_from_json),
    TEST(test_bad_toml_is_located),
    TEST(test_observations_from_csv_and_json),
    TEST(test_bad_csv_is_located_by_row_and_column),
    TEST(test_judgements_from_toml_and_json),
    TEST(test_judgements_are_checked_against_the_scorecard),
    TEST(test_assess_the_example_with_its_judgements),
    TEST(test_measure_verdicts_and_analysis_texts),
    TEST(test_one_thread_or_every_core_gives_the_same_rows),
    TEST(test_unknown_period),
    TEST(test_unknown_unit),
    TEST(test_one_unit),
    TEST(test_rule_set_out_of_range),
    TEST(test_rule_sets_in_toml_and_json),
    TEST(test_observations_that_do_not_fit),
    TEST(test_report_rows),
    TEST(test_row_past_the_end),
    TEST(test_borrowed_strings_stay_put),
    TEST(test_renderings),
    TEST(test_report_options),
    TEST(test_bad_report_options_are_located),
    TEST(test_null_arguments),
    TEST(test_free_null),
    TEST(test_invalid_utf8),
    TEST(test_no_error_out),
    TEST(test_target_parse),
    TEST(test_target_that_fits_no_form),
    TEST(test_golden_cases),
    TEST(test_two_threads_share_handles),
};

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s REPOSITORY\n", argv[0]);
        return 2;
    }
    repository = argv[1];
    return run_tests(tests, sizeof tests / sizeof tests[0]) == 0 ? 0 : 1;
}
