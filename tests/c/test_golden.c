/*
 * The golden cases of tests/fixtures/cases, which the Rust suite runs too: each case's plan and
 * observations, assessed for its period with the default rules, give exactly its expected.json,
 * both as styrkort_report_to_json's text and field by field through styrkort_report_get.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json.h"
#include "support.h"
#include "tests.h"

#define CASES "tests/fixtures/cases"

/* Every field of styrkort_assessment by its JSON name. */
#define FIELD(name) {#name, offsetof(styrkort_assessment, name)}
static const struct {
    const char *name;
    size_t offset;
} fields[] = {
    FIELD(perspective), FIELD(goal),        FIELD(success_factor), FIELD(measure),      FIELD(measure_name),
    FIELD(kind),        FIELD(body),        FIELD(unit),           FIELD(period),       FIELD(sex),
    FIELD(status),      FIELD(reason),      FIELD(trend),          FIELD(rule),         FIELD(value),
    FIELD(target_value), FIELD(target_low), FIELD(comparison),     FIELD(base),         FIELD(base_period),
    FIELD(reference),   FIELD(status_label), FIELD(arrow),         FIELD(value_unit),   FIELD(value_text),
    FIELD(target),      FIELD(target_kind), FIELD(target_canonical), FIELD(explanation), FIELD(reported_status),
    FIELD(verdict_motivation),
};
#define FIELDS (sizeof fields / sizeof fields[0])

/* The field of a row by its JSON name; `*known` false when the view has no such field. */
static const char *field_of(const styrkort_assessment *row, const char *name, bool *known) {
    size_t i;
    for (i = 0; i < FIELDS; i++) {
        if (strcmp(fields[i].name, name) == 0) {
            *known = true;
            return *(const char *const *)((const char *)row + fields[i].offset);
        }
    }
    *known = false;
    return NULL;
}

/* The period of a case.toml: its line `period = "…"`. */
static bool read_period(const char *text, char *period, size_t size) {
    const char *at = strstr(text, "period = \"");
    const char *end;
    if (at == NULL || (end = strchr(at + 10, '"')) == NULL || (size_t)(end - at - 10) >= size) {
        return false;
    }
    memcpy(period, at + 10, (size_t)(end - at - 10));
    period[end - at - 10] = '\0';
    return true;
}

/* Runs one case; prints what differs. */
static bool run_case(const char *name) {
    bool passed = true;
    char path[512], period[32];
    size_t len, i, j;
    char *case_toml, *expected, *json = NULL;
    styrkort_scorecard *scorecard;
    styrkort_observations *observations;
    styrkort_report *report = NULL;
    styrkort_error *error = NULL;
    struct json_records records;

    sprintf(path, CASES "/%s/case.toml", name);
    case_toml = read_file(path, &len);
    CHECK(case_toml != NULL && read_period(case_toml, period, sizeof period));
    free(case_toml);
    sprintf(path, CASES "/%s/plan.toml", name);
    scorecard = load_scorecard(path);
    sprintf(path, CASES "/%s/observations.csv", name);
    observations = load_observations(path, scorecard);
    sprintf(path, CASES "/%s/expected.json", name);
    expected = read_file(path, &len);
    if (!passed || scorecard == NULL || observations == NULL || expected == NULL) {
        passed = false;
        goto done;
    }
    CHECK(styrkort_assess(scorecard, observations, NULL, period, NULL, 0, NULL, 0, &report, &error) ==
          STYRKORT_STATUS_OK);
    print_error(name, error);
    if (report == NULL) {
        passed = false;
        goto done;
    }

    /* The JSON, byte for byte. */
    CHECK(styrkort_report_to_json(report, &json, NULL) == STYRKORT_STATUS_OK);
    CHECK(json != NULL && strcmp(json, expected) == 0);

    /* Every field of every row. */
    CHECK(json_read_records(expected, &records));
    CHECK(records.count == styrkort_report_len(report));
    for (i = 0; i < records.count && i < styrkort_report_len(report); i++) {
        styrkort_assessment row;
        CHECK(styrkort_report_get(report, i, &row, NULL) == STYRKORT_STATUS_OK);
        CHECK(records.records[i].count == FIELDS);
        for (j = 0; j < records.records[i].count; j++) {
            const struct json_field *field = &records.records[i].fields[j];
            bool known;
            const char *actual = field_of(&row, field->key, &known);
            if (!known || !same_string(actual, field->value)) {
                fprintf(stderr, "  %s row %lu: %s is \"%s\", expected \"%s\"%s\n", name, (unsigned long)i, field->key,
                        actual ? actual : "(null)", field->value ? field->value : "(null)",
                        known ? "" : " (no such field in styrkort_assessment)");
                passed = false;
            }
        }
    }
    json_records_free(&records);

done:
    styrkort_string_free(json);
    styrkort_report_free(report);
    styrkort_observations_free(observations);
    styrkort_scorecard_free(scorecard);
    free(expected);
    return passed;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool test_golden_cases(void) {
    bool passed = true;
    char path[4096], *names[64];
    size_t count = 0, i;
    struct dirent *entry;
    DIR *dir;
    sprintf(path, "%s/" CASES, repository);
    dir = opendir(path);
    CHECK(dir != NULL);
    while (dir != NULL && (entry = readdir(dir)) != NULL && count < 64) {
        char probe[4400];
        FILE *file;
        snprintf(probe, sizeof probe, "%s/%s/case.toml", path, entry->d_name);
        if (entry->d_name[0] != '.' && (file = fopen(probe, "r")) != NULL) {
            fclose(file);
            names[count] = malloc(strlen(entry->d_name) + 1);
            strcpy(names[count++], entry->d_name);
        }
    }
    if (dir != NULL) {
        closedir(dir);
    }
    CHECK(count >= 3); /* the cases are there */
    qsort(names, count, sizeof names[0], by_name);
    for (i = 0; i < count; i++) {
        if (!run_case(names[i])) {
            fprintf(stderr, "  case %s differs\n", names[i]);
            passed = false;
        }
        free(names[i]);
    }
    return passed;
}
