#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *repository = ".";
long double untouched_storage;

char *read_file(const char *path, size_t *len) {
    char full[4096];
    FILE *file;
    char *text = NULL;
    long size;
    snprintf(full, sizeof full, "%s/%s", repository, path);
    file = fopen(full, "rb");
    if (file == NULL) {
        fprintf(stderr, "cannot open %s\n", full);
        return NULL;
    }
    if (fseek(file, 0, SEEK_END) == 0 && (size = ftell(file)) >= 0 && fseek(file, 0, SEEK_SET) == 0) {
        text = malloc((size_t)size + 1);
        if (text != NULL && fread(text, 1, (size_t)size, file) == (size_t)size) {
            text[size] = '\0';
            *len = (size_t)size;
        } else {
            free(text);
            text = NULL;
        }
    }
    fclose(file);
    if (text == NULL) {
        fprintf(stderr, "cannot read %s\n", full);
    }
    return text;
}

void print_error(const char *what, styrkort_error *error) {
    if (error != NULL) {
        fprintf(stderr, "  %s: %s\n", what, styrkort_error_message(error));
        styrkort_error_free(error);
    }
}

styrkort_scorecard *load_scorecard(const char *path) {
    styrkort_scorecard *scorecard = NULL;
    styrkort_error *error = NULL;
    size_t len;
    char *text = read_file(path, &len);
    if (text != NULL && styrkort_scorecard_from_toml(text, len, path, &scorecard, &error) != STYRKORT_STATUS_OK) {
        print_error(path, error);
    }
    free(text);
    return scorecard;
}

styrkort_observations *load_observations(const char *path, const styrkort_scorecard *scorecard) {
    styrkort_observations *observations = NULL;
    styrkort_error *error = NULL;
    size_t len;
    char *text = read_file(path, &len);
    if (text != NULL &&
        styrkort_observations_from_csv(text, len, path, scorecard, &observations, &error) != STYRKORT_STATUS_OK) {
        print_error(path, error);
    }
    free(text);
    return observations;
}

styrkort_judgements *load_judgements(const char *path, const styrkort_scorecard *scorecard) {
    styrkort_judgements *judgements = NULL;
    styrkort_error *error = NULL;
    size_t len;
    char *text = read_file(path, &len);
    if (text != NULL &&
        styrkort_judgements_from_toml(text, len, path, scorecard, &judgements, &error) != STYRKORT_STATUS_OK) {
        print_error(path, error);
    }
    free(text);
    return judgements;
}

styrkort_report *example_report(void) {
    styrkort_report *report = NULL;
    styrkort_error *error = NULL;
    styrkort_scorecard *scorecard = load_scorecard(EXAMPLE_PLAN);
    styrkort_observations *observations = load_observations(EXAMPLE_OBSERVATIONS, scorecard);
    styrkort_judgements *judgements = load_judgements(EXAMPLE_JUDGEMENTS, scorecard);
    if (scorecard != NULL && observations != NULL && judgements != NULL &&
        styrkort_assess(scorecard, observations, judgements, EXAMPLE_PERIOD, NULL, 0, NULL, 0, &report, &error) !=
            STYRKORT_STATUS_OK) {
        print_error("styrkort_assess", error);
    }
    /* The report owns what it needs: the handles it was made from may go at once. */
    styrkort_judgements_free(judgements);
    styrkort_observations_free(observations);
    styrkort_scorecard_free(scorecard);
    return report;
}

bool failed_with(styrkort_status status, styrkort_error **written, styrkort_status expected, const char *file,
                 size_t line, size_t column, const char *message) {
    bool passed = true;
    styrkort_error *error = *written;
    const char *at = NULL;
    size_t at_line = 0, at_column = 0;
    if (status != expected) {
        fprintf(stderr, "  status %u, expected %u\n", (unsigned)status, (unsigned)expected);
        passed = false;
    }
    if (error == NULL) {
        fprintf(stderr, "  no error object\n");
        return false;
    }
    if (styrkort_error_code(error) != status) {
        fprintf(stderr, "  error code %u, status %u\n", (unsigned)styrkort_error_code(error), (unsigned)status);
        passed = false;
    }
    if (styrkort_error_location(error, &at, &at_line, &at_column) != STYRKORT_STATUS_OK || strcmp(at, file) != 0 ||
        at_line != line || at_column != column) {
        fprintf(stderr, "  at \"%s\":%lu:%lu, expected \"%s\":%lu:%lu\n", at ? at : "(none)",
                (unsigned long)at_line, (unsigned long)at_column, file, (unsigned long)line, (unsigned long)column);
        passed = false;
    }
    if (strstr(styrkort_error_message(error), message) == NULL) {
        fprintf(stderr, "  message \"%s\" lacks \"%s\"\n", styrkort_error_message(error), message);
        passed = false;
    }
    styrkort_error_free(error);
    *written = NULL;
    return passed;
}
