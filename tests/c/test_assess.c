/* styrkort_assess: periods, units, rule sets, judgements, and what does not fit. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "support.h"
#include "tests.h"

#define CASE "tests/fixtures/cases/units-and-sexes/"

/* The units-and-sexes case: a region with the divisions norr and syd. */
struct inputs {
    styrkort_scorecard *scorecard;
    styrkort_observations *observations;
};

static struct inputs load_case(void) {
    struct inputs inputs;
    inputs.scorecard = load_scorecard(CASE "plan.toml");
    inputs.observations = load_observations(CASE "observations.csv", inputs.scorecard);
    return inputs;
}

static void free_case(struct inputs inputs) {
    styrkort_observations_free(inputs.observations);
    styrkort_scorecard_free(inputs.scorecard);
}

bool test_assess_the_example_with_its_judgements(void) {
    bool passed = true;
    styrkort_report *report = example_report();
    char *summary = NULL;
    CHECK(report != NULL);
    CHECK(styrkort_report_summary(report, &summary, NULL) == STYRKORT_STATUS_OK);
    /* The judgements decide the goals' statuses, as in the region's own report. */
    CHECK(summary != NULL && strstr(summary, "ett av de 20 strategiska målen helt har uppnåtts, 18 har delvis "
                                             "uppnåtts och ett mål har inte uppnåtts") != NULL);
    styrkort_string_free(summary);
    styrkort_report_free(report);
    return passed;
}

bool test_measure_verdicts_and_analysis_texts(void) {
    bool passed = true;
    styrkort_report *report = example_report();
    styrkort_assessment row;
    char *html = NULL;
    size_t i, len = styrkort_report_len(report), judged = 0;
    for (i = 0; i < len; i++) {
        CHECK(styrkort_report_get(report, i, &row, NULL) == STYRKORT_STATUS_OK);
        CHECK(row.reported_status != NULL);
        if (row.verdict_motivation == NULL) {
            /* No verdict on the row: the reported status is the computed one. */
            CHECK_STR(row.reported_status, row.status);
            continue;
        }
        judged++;
        /* The region's verdicts on VER-2-F2-M1, one per sex row, are its reported statuses. */
        if (strcmp(row.measure, "VER-2-F2-M1") == 0 && strcmp(row.sex, "K") == 0) {
            CHECK_STR(row.reported_status, "not_achieved");
            CHECK_STR(row.verdict_motivation, "Andelen kvinnor når inte målnivån men värdet är högre än referensvärdet.");
        } else if (strcmp(row.measure, "VER-2-F2-M1") == 0 && strcmp(row.sex, "M") == 0) {
            CHECK_STR(row.reported_status, "achieved");
            CHECK_STR(row.verdict_motivation, "För andelen män uppnås målnivån om 70 procent.");
        }
    }
    CHECK(judged >= 2);
    /* The analysis texts of the judgement file are in the rendered report. */
    CHECK(styrkort_report_to_html(report, &html, NULL) == STYRKORT_STATUS_OK);
    CHECK(html != NULL && strstr(html, "Arbetet med att ta fram en överenskommelse för samverkan") != NULL);
    styrkort_string_free(html);
    styrkort_report_free(report);
    return passed;
}

bool test_one_thread_or_every_core_gives_the_same_rows(void) {
    bool passed = true;
    struct inputs in = load_case();
    styrkort_report *one = NULL, *every = NULL;
    char *json_one = NULL, *json_every = NULL;
    CHECK(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", NULL, 0, NULL, 1, &one, NULL) ==
          STYRKORT_STATUS_OK);
    CHECK(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", NULL, 0, NULL, 0, &every, NULL) ==
          STYRKORT_STATUS_OK);
    CHECK(styrkort_report_to_json(one, &json_one, NULL) == STYRKORT_STATUS_OK);
    CHECK(styrkort_report_to_json(every, &json_every, NULL) == STYRKORT_STATUS_OK);
    CHECK(json_one != NULL && json_every != NULL && strcmp(json_one, json_every) == 0);
    styrkort_string_free(json_one);
    styrkort_string_free(json_every);
    styrkort_report_free(one);
    styrkort_report_free(every);
    free_case(in);
    return passed;
}

bool test_unknown_period(void) {
    bool passed = true;
    struct inputs in = load_case();
    styrkort_report *report = UNTOUCHED;
    styrkort_error *error = NULL;
    CHECK(failed_with(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ13", NULL, 0, NULL, 0, &report, &error),
                      &error, STYRKORT_STATUS_PERIOD, "", 0, 0, "2021-DÅ13"));
    CHECK(failed_with(styrkort_assess(in.scorecard, in.observations, NULL, "", NULL, 0, NULL, 0, &report, &error), &error,
                      STYRKORT_STATUS_PERIOD, "", 0, 0, "period"));
    CHECK(report == UNTOUCHED);
    free_case(in);
    return passed;
}

bool test_unknown_unit(void) {
    bool passed = true;
    struct inputs in = load_case();
    styrkort_report *report = UNTOUCHED;
    styrkort_error *error = NULL;
    CHECK(failed_with(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", NULL, 0, "öst", 0, &report, &error),
                      &error, STYRKORT_STATUS_UNKNOWN_UNIT, "", 0, 0, "unknown unit 'öst'"));
    CHECK(report == UNTOUCHED);
    free_case(in);
    return passed;
}

bool test_one_unit(void) {
    bool passed = true;
    struct inputs in = load_case();
    styrkort_report *all = NULL, *norr = NULL;
    styrkort_assessment row;
    size_t i;
    CHECK(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", NULL, 0, NULL, 0, &all, NULL) ==
          STYRKORT_STATUS_OK);
    CHECK(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", NULL, 0, "norr", 0, &norr, NULL) ==
          STYRKORT_STATUS_OK);
    CHECK(styrkort_report_len(norr) > 0 && styrkort_report_len(norr) < styrkort_report_len(all));
    for (i = 0; i < styrkort_report_len(norr); i++) {
        CHECK(styrkort_report_get(norr, i, &row, NULL) == STYRKORT_STATUS_OK);
        CHECK_STR(row.unit, "norr");
    }
    styrkort_report_free(all);
    styrkort_report_free(norr);
    free_case(in);
    return passed;
}

bool test_rule_set_out_of_range(void) {
    bool passed = true;
    static const char rules[] = "# a band of 200 %\npartial_band = 2\n";
    static const char json[] = "{\n  \"trend_band\": \"-1\"\n}";
    struct inputs in = load_case();
    styrkort_report *report = UNTOUCHED;
    styrkort_error *error = NULL;
    CHECK(failed_with(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", rules, strlen(rules), NULL, 0,
                                      &report, &error),
                      &error, STYRKORT_STATUS_RULES, "rules", 2, 16, "partial_band"));
    CHECK(failed_with(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", json, strlen(json), NULL, 0,
                                      &report, &error),
                      &error, STYRKORT_STATUS_RULES, "rules", 2, 17, "trend_band"));
    CHECK(failed_with(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", "band = 1", 8, NULL, 0, &report,
                                      &error),
                      &error, STYRKORT_STATUS_RULES, "rules", 1, 1, "band"));
    CHECK(report == UNTOUCHED);
    free_case(in);
    return passed;
}

/* The status of the row of a measure and sex for the organisation (unit NULL). */
static const char *status_of(const styrkort_report *report, const char *measure, const char *sex) {
    styrkort_assessment row;
    size_t i;
    for (i = 0; i < styrkort_report_len(report); i++) {
        if (styrkort_report_get(report, i, &row, NULL) == STYRKORT_STATUS_OK && row.unit == NULL &&
            strcmp(row.measure, measure) == 0 && strcmp(row.sex, sex) == 0) {
            return row.status;
        }
    }
    return NULL;
}

bool test_rule_sets_in_toml_and_json(void) {
    bool passed = true;
    /* M: 17,3 % against at most 17,2 %: within the 5 % band, partially achieved by default;
       with no band at all, not achieved. */
    static const char toml[] = "partial_band = 0\n";
    static const char json[] = "{\"partial_band\": \"0\"}";
    struct inputs in = load_case();
    styrkort_report *standard = NULL, *from_toml = NULL, *from_json = NULL;
    styrkort_error *error = NULL;
    CHECK(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", NULL, 0, NULL, 0, &standard, NULL) ==
          STYRKORT_STATUS_OK);
    CHECK(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", toml, strlen(toml), NULL, 0, &from_toml,
                          &error) == STYRKORT_STATUS_OK);
    print_error("TOML rules", error);
    error = NULL;
    CHECK(styrkort_assess(in.scorecard, in.observations, NULL, "2021-DÅ04", json, strlen(json), NULL, 0, &from_json,
                          &error) == STYRKORT_STATUS_OK);
    print_error("JSON rules", error);
    CHECK_STR(status_of(standard, "aterinskrivningar", "M"), "partially_achieved");
    CHECK_STR(status_of(from_toml, "aterinskrivningar", "M"), "not_achieved");
    CHECK_STR(status_of(from_json, "aterinskrivningar", "M"), "not_achieved");
    styrkort_report_free(standard);
    styrkort_report_free(from_toml);
    styrkort_report_free(from_json);
    free_case(in);
    return passed;
}

bool test_observations_that_do_not_fit(void) {
    bool passed = true;
    /* Read without the scorecard, so that the assessment finds the unknown measure (a
       problem of the whole row: its line, no column). */
    static const char csv[] = "unit,measure,period,sex,value\nnorr,okänt,2021-DÅ04,T,1\n";
    styrkort_scorecard *scorecard = load_scorecard(CASE "plan.toml");
    styrkort_observations *observations = NULL;
    styrkort_report *report = UNTOUCHED;
    styrkort_error *error = NULL;
    CHECK(styrkort_observations_from_csv(csv, strlen(csv), "extra.csv", NULL, &observations, NULL) ==
          STYRKORT_STATUS_OK);
    CHECK(failed_with(styrkort_assess(scorecard, observations, NULL, "2021-DÅ04", NULL, 0, NULL, 0, &report, &error),
                      &error, STYRKORT_STATUS_OBSERVATIONS, "extra.csv", 2, 0, "extra.csv:2: unknown measure 'okänt'"));
    CHECK(report == UNTOUCHED);
    styrkort_observations_free(observations);
    styrkort_scorecard_free(scorecard);
    return passed;
}
