/* Every test of the C suite, by file; main.c runs them in this order. */
#ifndef STYRKORT_TEST_TESTS_H
#define STYRKORT_TEST_TESTS_H

#include <stdbool.h>

/* test_loading.c */
bool test_version(void);
bool test_scorecard_from_toml(void);
bool test_scorecard_from_json(void);
bool test_bad_toml_is_located(void);
bool test_observations_from_csv_and_json(void);
bool test_bad_csv_is_located_by_row_and_column(void);
bool test_judgements_from_toml_and_json(void);
bool test_judgements_are_checked_against_the_scorecard(void);

/* test_assess.c */
bool test_assess_the_example_with_its_judgements(void);
bool test_measure_verdicts_and_analysis_texts(void);
bool test_one_thread_or_every_core_gives_the_same_rows(void);
bool test_unknown_period(void);
bool test_unknown_unit(void);
bool test_one_unit(void);
bool test_rule_set_out_of_range(void);
bool test_rule_sets_in_toml_and_json(void);
bool test_observations_that_do_not_fit(void);

/* test_report.c */
bool test_report_rows(void);
bool test_row_past_the_end(void);
bool test_borrowed_strings_stay_put(void);
bool test_renderings(void);
bool test_report_options(void);
bool test_bad_report_options_are_located(void);

/* test_arguments.c */
bool test_null_arguments(void);
bool test_free_null(void);
bool test_invalid_utf8(void);
bool test_no_error_out(void);

/* test_target.c */
bool test_target_parse(void);
bool test_target_that_fits_no_form(void);

/* test_golden.c */
bool test_golden_cases(void);

/* test_threads.c */
bool test_two_threads_share_handles(void);

#endif
