/* NULL where a pointer is required, NULL given to every _free, text that is not UTF-8, and
   failures with no error object asked for. */
#include <string.h>

#include "check.h"
#include "support.h"
#include "tests.h"

/* A call that got NULL for `parameter`. */
static bool null_argument(styrkort_status status, styrkort_error **error, const char *parameter) {
    char message[128];
    sprintf(message, "`%s` is NULL", parameter);
    return failed_with(status, error, STYRKORT_STATUS_NULL_ARGUMENT, "", 0, 0, message);
}

bool test_null_arguments(void) {
    bool passed = true;
    styrkort_error *e = NULL;
    styrkort_report *example = example_report();
    styrkort_scorecard *scorecard = load_scorecard(EXAMPLE_PLAN);
    styrkort_observations *observations = load_observations(EXAMPLE_OBSERVATIONS, scorecard);
    styrkort_scorecard *s = UNTOUCHED;
    styrkort_observations *o = UNTOUCHED;
    styrkort_judgements *j = UNTOUCHED;
    styrkort_report *r = UNTOUCHED;
    styrkort_assessment row;
    char *text = UNTOUCHED;
    const char *file = UNTOUCHED;
    size_t line = 7, column = 7;

    CHECK(null_argument(styrkort_scorecard_from_toml(NULL, 0, "p", &s, &e), &e, "text"));
    CHECK(null_argument(styrkort_scorecard_from_toml("", 0, "p", NULL, &e), &e, "scorecard_out"));
    CHECK(null_argument(styrkort_scorecard_from_json(NULL, 0, "p", &s, &e), &e, "text"));
    CHECK(null_argument(styrkort_scorecard_from_json("{}", 2, "p", NULL, &e), &e, "scorecard_out"));
    CHECK(null_argument(styrkort_observations_from_csv(NULL, 0, "o", NULL, &o, &e), &e, "text"));
    CHECK(null_argument(styrkort_observations_from_csv("", 0, "o", NULL, NULL, &e), &e, "observations_out"));
    CHECK(null_argument(styrkort_observations_from_json(NULL, 0, "o", NULL, &o, &e), &e, "text"));
    CHECK(null_argument(styrkort_observations_from_json("[]", 2, "o", NULL, NULL, &e), &e, "observations_out"));
    CHECK(null_argument(styrkort_judgements_from_toml(NULL, 0, "j", NULL, &j, &e), &e, "text"));
    CHECK(null_argument(styrkort_judgements_from_toml("", 0, "j", NULL, NULL, &e), &e, "judgements_out"));
    CHECK(null_argument(styrkort_judgements_from_json(NULL, 0, "j", NULL, &j, &e), &e, "text"));
    CHECK(null_argument(styrkort_judgements_from_json("{}", 2, "j", NULL, NULL, &e), &e, "judgements_out"));
    CHECK(s == UNTOUCHED && o == UNTOUCHED && j == UNTOUCHED);

    CHECK(null_argument(styrkort_assess(NULL, observations, NULL, EXAMPLE_PERIOD, NULL, 0, NULL, 0, &r, &e), &e,
                        "scorecard"));
    CHECK(null_argument(styrkort_assess(scorecard, NULL, NULL, EXAMPLE_PERIOD, NULL, 0, NULL, 0, &r, &e), &e,
                        "observations"));
    CHECK(null_argument(styrkort_assess(scorecard, observations, NULL, NULL, NULL, 0, NULL, 0, &r, &e), &e, "period"));
    CHECK(null_argument(styrkort_assess(scorecard, observations, NULL, EXAMPLE_PERIOD, NULL, 0, NULL, 0, NULL, &e), &e,
                        "report_out"));
    CHECK(r == UNTOUCHED);

    CHECK(styrkort_report_len(NULL) == 0);
    CHECK(null_argument(styrkort_report_get(NULL, 0, &row, &e), &e, "report"));
    CHECK(null_argument(styrkort_report_get(example, 0, NULL, &e), &e, "assessment_out"));
    CHECK(null_argument(styrkort_report_summary(NULL, &text, &e), &e, "report"));
    CHECK(null_argument(styrkort_report_summary(example, NULL, &e), &e, "summary_out"));
    CHECK(null_argument(styrkort_report_to_json(NULL, &text, &e), &e, "report"));
    CHECK(null_argument(styrkort_report_to_json(example, NULL, &e), &e, "json_out"));
    CHECK(null_argument(styrkort_report_to_csv(NULL, &text, &e), &e, "report"));
    CHECK(null_argument(styrkort_report_to_csv(example, NULL, &e), &e, "csv_out"));
    CHECK(null_argument(styrkort_report_to_html(NULL, &text, &e), &e, "report"));
    CHECK(null_argument(styrkort_report_to_html(example, NULL, &e), &e, "html_out"));
    CHECK(null_argument(styrkort_report_to_markdown(NULL, &text, &e), &e, "report"));
    CHECK(null_argument(styrkort_report_to_markdown(example, NULL, &e), &e, "markdown_out"));
    CHECK(null_argument(styrkort_report_with_options(NULL, "", 0, &r, &e), &e, "report"));
    CHECK(null_argument(styrkort_report_with_options(example, NULL, 0, &r, &e), &e, "options"));
    CHECK(null_argument(styrkort_report_with_options(example, "", 0, NULL, &e), &e, "report_out"));
    CHECK(r == UNTOUCHED);
    CHECK(null_argument(styrkort_target_parse(NULL, 0, &text, &e), &e, "text"));
    CHECK(null_argument(styrkort_target_parse("Öka", 4, NULL, &e), &e, "json_out"));
    CHECK(text == UNTOUCHED);

    /* The error's own accessors. */
    CHECK(styrkort_error_message(NULL) == NULL);
    CHECK(styrkort_error_code(NULL) == STYRKORT_STATUS_NULL_ARGUMENT);
    CHECK(styrkort_error_location(NULL, &file, &line, &column) == STYRKORT_STATUS_NULL_ARGUMENT);
    styrkort_report_get(NULL, 0, &row, &e);
    CHECK(styrkort_error_location(e, NULL, &line, &column) == STYRKORT_STATUS_NULL_ARGUMENT);
    CHECK(styrkort_error_location(e, &file, NULL, &column) == STYRKORT_STATUS_NULL_ARGUMENT);
    CHECK(styrkort_error_location(e, &file, &line, NULL) == STYRKORT_STATUS_NULL_ARGUMENT);
    CHECK(file == UNTOUCHED && line == 7 && column == 7);
    styrkort_error_free(e);

    styrkort_observations_free(observations);
    styrkort_scorecard_free(scorecard);
    styrkort_report_free(example);
    return passed;
}

bool test_free_null(void) {
    bool passed = true;
    styrkort_scorecard_free(NULL);
    styrkort_observations_free(NULL);
    styrkort_judgements_free(NULL);
    styrkort_report_free(NULL);
    styrkort_error_free(NULL);
    styrkort_string_free(NULL);
    return passed;
}

bool test_invalid_utf8(void) {
    bool passed = true;
    static const char plan[] = "schema = 1\nname = \"R\xe4ttvik\"\n";
    static const char csv[] = "measure,period,sex,value\nM1,2021-D\xc5" "04,T,1\n";
    static const char json[] = "{\"judgements\": [\xff]}";
    styrkort_error *e = NULL;
    styrkort_scorecard *s = UNTOUCHED;
    styrkort_observations *o = UNTOUCHED;
    styrkort_judgements *j = UNTOUCHED;
    styrkort_report *r = UNTOUCHED;
    char *text = UNTOUCHED;
    styrkort_scorecard *scorecard = load_scorecard(EXAMPLE_PLAN);
    styrkort_observations *observations = load_observations(EXAMPLE_OBSERVATIONS, scorecard);

    CHECK(failed_with(styrkort_scorecard_from_toml(plan, strlen(plan), "plan.toml", &s, &e), &e,
                      STYRKORT_STATUS_INVALID_UTF8, "plan.toml", 2, 10, "plan.toml:2:10: not UTF-8 from byte 20"));
    CHECK(failed_with(styrkort_scorecard_from_json(plan, strlen(plan), "plan.json", &s, &e), &e,
                      STYRKORT_STATUS_INVALID_UTF8, "plan.json", 2, 10, "not UTF-8"));
    CHECK(failed_with(styrkort_scorecard_from_toml("x", 1, "\xe5r.toml", &s, &e), &e, STYRKORT_STATUS_INVALID_UTF8,
                      "name", 1, 1, "name:1:1: not UTF-8 from byte 0"));
    CHECK(failed_with(styrkort_observations_from_csv(csv, strlen(csv), "utfall.csv", NULL, &o, &e), &e,
                      STYRKORT_STATUS_INVALID_UTF8, "utfall.csv", 2, 10, "not UTF-8"));
    CHECK(failed_with(styrkort_observations_from_json(json, strlen(json), "utfall.json", NULL, &o, &e), &e,
                      STYRKORT_STATUS_INVALID_UTF8, "utfall.json", 1, 17, "not UTF-8"));
    CHECK(failed_with(styrkort_judgements_from_toml(csv, strlen(csv), "j.toml", NULL, &j, &e), &e,
                      STYRKORT_STATUS_INVALID_UTF8, "j.toml", 2, 10, "not UTF-8"));
    CHECK(failed_with(styrkort_judgements_from_json(json, strlen(json), "j.json", NULL, &j, &e), &e,
                      STYRKORT_STATUS_INVALID_UTF8, "j.json", 1, 17, "not UTF-8"));
    CHECK(s == UNTOUCHED && o == UNTOUCHED && j == UNTOUCHED);

    CHECK(failed_with(styrkort_assess(scorecard, observations, NULL, "2020-D\xc5" "04", NULL, 0, NULL, 0, &r, &e), &e,
                      STYRKORT_STATUS_INVALID_UTF8, "period", 1, 7, "period:1:7: not UTF-8"));
    CHECK(failed_with(styrkort_assess(scorecard, observations, NULL, EXAMPLE_PERIOD, NULL, 0, "Lule\xe5", 0, &r, &e), &e,
                      STYRKORT_STATUS_INVALID_UTF8, "unit", 1, 5, "unit:1:5: not UTF-8"));
    CHECK(failed_with(styrkort_assess(scorecard, observations, NULL, EXAMPLE_PERIOD, "a = \"\xff\"", 7, NULL, 0, &r, &e),
                      &e, STYRKORT_STATUS_INVALID_UTF8, "rules", 1, 6, "rules:1:6: not UTF-8"));
    CHECK(r == UNTOUCHED);
    {
        styrkort_report *example = example_report();
        CHECK(failed_with(styrkort_report_with_options(example, "csv = \"\xff\"", 9, &r, &e), &e,
                          STYRKORT_STATUS_INVALID_UTF8, "options", 1, 8, "options:1:8: not UTF-8"));
        CHECK(r == UNTOUCHED);
        styrkort_report_free(example);
    }
    CHECK(failed_with(styrkort_target_parse("Minst 80 \x25\xff", 11, &text, &e), &e, STYRKORT_STATUS_INVALID_UTF8,
                      "text", 1, 11, "text:1:11: not UTF-8 from byte 10"));
    CHECK(text == UNTOUCHED);

    styrkort_observations_free(observations);
    styrkort_scorecard_free(scorecard);
    return passed;
}

bool test_no_error_out(void) {
    bool passed = true;
    styrkort_scorecard *s = UNTOUCHED;
    styrkort_report *r = UNTOUCHED;
    CHECK(styrkort_scorecard_from_toml("schema = ", 9, "p", &s, NULL) == STYRKORT_STATUS_SCORECARD);
    CHECK(styrkort_scorecard_from_toml(NULL, 0, "p", &s, NULL) == STYRKORT_STATUS_NULL_ARGUMENT);
    CHECK(styrkort_assess(NULL, NULL, NULL, NULL, NULL, 0, NULL, 0, &r, NULL) == STYRKORT_STATUS_NULL_ARGUMENT);
    CHECK(s == UNTOUCHED && r == UNTOUCHED);
    return passed;
}
