/* Reading scorecards, observations and judgements from text, and what a bad text says. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "support.h"
#include "tests.h"

static const char plan_json[] =
    "{\"schema\": 1, \"organisation\": \"Region Exempel\", \"name\": \"Plan 2021\", \"years\": [2021, 2021],\n"
    " \"perspectives\": [{\"id\": \"verksamhet\", \"name\": \"Verksamhet\"}],\n"
    " \"goals\": [{\"id\": \"G1\", \"perspective\": \"verksamhet\", \"name\": \"God vård\"}],\n"
    " \"success_factors\": [{\"id\": \"F1\", \"goal\": \"G1\", \"name\": \"Samordnad vård\"}],\n"
    " \"measures\": [{\"id\": \"M1\", \"success_factor\": \"F1\", \"name\": \"Andel nöjda (%)\",\n"
    "                \"unit\": \"percent\", \"targets\": {\"2021\": \"72 %\"}}]}\n";

/* The JSON plan above, read. */
static styrkort_scorecard *json_plan(void) {
    styrkort_scorecard *scorecard = NULL;
    styrkort_error *error = NULL;
    if (styrkort_scorecard_from_json(plan_json, strlen(plan_json), "plan.json", &scorecard, &error) !=
        STYRKORT_STATUS_OK) {
        print_error("plan.json", error);
    }
    return scorecard;
}

bool test_version(void) {
    bool passed = true;
    char expected[64];
    sprintf(expected, "%d.%d.%d", STYRKORT_VERSION_MAJOR, STYRKORT_VERSION_MINOR, STYRKORT_VERSION_PATCH);
    CHECK_STR(styrkort_version(), expected);
    return passed;
}

bool test_scorecard_from_toml(void) {
    bool passed = true;
    styrkort_scorecard *scorecard = NULL;
    styrkort_error *error = UNTOUCHED;
    size_t len;
    char *text = read_file("examples/minimal.toml", &len);
    CHECK(text != NULL);
    CHECK(styrkort_scorecard_from_toml(text, len, "minimal.toml", &scorecard, &error) == STYRKORT_STATUS_OK);
    CHECK(scorecard != NULL);
    CHECK(error == UNTOUCHED); /* success leaves the error alone */
    styrkort_scorecard_free(scorecard);
    free(text);
    CHECK((scorecard = load_scorecard(EXAMPLE_PLAN)) != NULL);
    styrkort_scorecard_free(scorecard);
    return passed;
}

bool test_scorecard_from_json(void) {
    bool passed = true;
    styrkort_scorecard *scorecard = json_plan();
    styrkort_error *error = NULL;
    CHECK(scorecard != NULL);
    styrkort_scorecard_free(scorecard);
    /* TOML is not JSON. */
    scorecard = UNTOUCHED;
    CHECK(failed_with(styrkort_scorecard_from_json("schema = 1", 10, "plan.json", &scorecard, &error), &error,
                      STYRKORT_STATUS_SCORECARD, "plan.json", 1, 1, "plan.json:1:1: "));
    CHECK(scorecard == UNTOUCHED);
    return passed;
}

bool test_bad_toml_is_located(void) {
    bool passed = true;
    static const char plan[] = "schema = 1\norganisation = \"Region Exempel\"\nname = 3\nyears = [2021, 2023]\n";
    static const char broken[] = "schema = 1\norganisation = \"Region";
    styrkort_scorecard *scorecard = UNTOUCHED;
    styrkort_error *error = NULL;
    CHECK(failed_with(styrkort_scorecard_from_toml(plan, strlen(plan), "plan.toml", &scorecard, &error), &error,
                      STYRKORT_STATUS_SCORECARD, "plan.toml", 3, 8, "plan.toml:3:8: name: invalid type: integer `3`"));
    CHECK(scorecard == UNTOUCHED);
    /* Not TOML at all, and no name: the text is called <input>. */
    CHECK(failed_with(styrkort_scorecard_from_toml(broken, strlen(broken), NULL, &scorecard, &error), &error,
                      STYRKORT_STATUS_SCORECARD, "<input>", 2, 23, "<input>:2:23: TOML syntax"));
    CHECK(scorecard == UNTOUCHED);
    /* The length is honoured: the same plan cut before its bad line misses two keys, and the
       message has one line per problem. */
    CHECK(failed_with(styrkort_scorecard_from_toml(plan, 43, "cut.toml", &scorecard, &error), &error,
                      STYRKORT_STATUS_SCORECARD, "cut.toml", 1, 1,
                      "cut.toml:1:1: missing key `name`: expected the plan's name\ncut.toml:1:1: missing key `years`"));
    CHECK(scorecard == UNTOUCHED);
    return passed;
}

bool test_observations_from_csv_and_json(void) {
    bool passed = true;
    static const char csv[] = "measure;period;sex;value\nM1;2021-DÅ04;T;80,5\n";
    static const char json[] = "[{\"measure\": \"M1\", \"period\": \"2021-DÅ04\", \"sex\": \"T\", \"value\": \"80.5\"}]";
    styrkort_scorecard *scorecard = json_plan();
    styrkort_observations *from_csv = NULL, *from_json = NULL;
    styrkort_error *error = NULL;
    CHECK(styrkort_observations_from_csv(csv, strlen(csv), "utfall.csv", scorecard, &from_csv, &error) ==
          STYRKORT_STATUS_OK);
    print_error("utfall.csv", error);
    error = NULL;
    CHECK(styrkort_observations_from_json(json, strlen(json), "utfall.json", scorecard, &from_json, &error) ==
          STYRKORT_STATUS_OK);
    print_error("utfall.json", error);
    CHECK(from_csv != NULL && from_json != NULL);
    styrkort_observations_free(from_csv);
    styrkort_observations_free(from_json);
    /* Without a scorecard nothing is checked against one. */
    from_csv = NULL;
    CHECK(styrkort_observations_from_csv(csv, strlen(csv), NULL, NULL, &from_csv, NULL) == STYRKORT_STATUS_OK);
    styrkort_observations_free(from_csv);
    styrkort_scorecard_free(scorecard);
    return passed;
}

bool test_bad_csv_is_located_by_row_and_column(void) {
    bool passed = true;
    static const char csv[] = "measure,period,sex,value\nM1,2021-DÅ04,T,16.2\nM1,2021-DÅ08,T,åttio\n";
    static const char json[] = "[{\"measure\": \"M1\", \"period\": \"2021-DÅ04\",\n  \"value\": \"x\"}]";
    styrkort_observations *observations = UNTOUCHED;
    styrkort_error *error = NULL;
    CHECK(failed_with(styrkort_observations_from_csv(csv, strlen(csv), "utfall.csv", NULL, &observations, &error),
                      &error, STYRKORT_STATUS_OBSERVATIONS, "utfall.csv", 3, 4,
                      "utfall.csv:3:4: column 'value': 'åttio' is not a number"));
    CHECK(observations == UNTOUCHED);
    CHECK(failed_with(styrkort_observations_from_json(json, strlen(json), "utfall.json", NULL, &observations, &error),
                      &error, STYRKORT_STATUS_OBSERVATIONS, "utfall.json", 2, 12, "'x' is not a number"));
    CHECK(observations == UNTOUCHED);
    return passed;
}

static const char judgements_toml[] =
    "[[judgements]]\ngoal = \"G1\"\nperiod = \"2021-DÅ04\"\nstatus = \"delvis uppnått\"\nmotivation = \"Arbetet pågår.\"\n";

bool test_judgements_from_toml_and_json(void) {
    bool passed = true;
    static const char json[] = "{\"judgements\": [{\"goal\": \"G1\", \"period\": \"2021-DÅ04\", "
                               "\"status\": \"achieved\", \"motivation\": \"Klart.\"}]}";
    styrkort_scorecard *scorecard = json_plan();
    styrkort_judgements *from_toml = NULL, *from_json = NULL;
    styrkort_error *error = NULL;
    CHECK(styrkort_judgements_from_toml(judgements_toml, strlen(judgements_toml), "j.toml", scorecard, &from_toml,
                                        &error) == STYRKORT_STATUS_OK);
    print_error("j.toml", error);
    error = NULL;
    CHECK(styrkort_judgements_from_json(json, strlen(json), "j.json", scorecard, &from_json, &error) ==
          STYRKORT_STATUS_OK);
    print_error("j.json", error);
    CHECK(from_toml != NULL && from_json != NULL);
    styrkort_judgements_free(from_toml);
    styrkort_judgements_free(from_json);
    styrkort_scorecard_free(scorecard);
    return passed;
}

bool test_judgements_are_checked_against_the_scorecard(void) {
    bool passed = true;
    static const char unknown[] = "[[judgements]]\ngoal = \"G9\"\nperiod = \"2021-DÅ04\"\nstatus = \"uppnått\"\n"
                                  "motivation = \"?\"\n";
    static const char incomplete[] = "{\"judgements\": [{\"goal\": \"G1\"}]}";
    styrkort_scorecard *scorecard = json_plan();
    styrkort_judgements *judgements = UNTOUCHED;
    styrkort_error *error = NULL;
    CHECK(failed_with(styrkort_judgements_from_toml(unknown, strlen(unknown), "j.toml", scorecard, &judgements, &error),
                      &error, STYRKORT_STATUS_JUDGEMENTS, "j.toml", 2, 8, "G9"));
    CHECK(failed_with(styrkort_judgements_from_json(incomplete, strlen(incomplete), "j.json", NULL, &judgements, &error),
                      &error, STYRKORT_STATUS_JUDGEMENTS, "j.json", 1, 17, "judgements[0]: missing field `period`"));
    CHECK(judgements == UNTOUCHED);
    styrkort_scorecard_free(scorecard);
    return passed;
}
