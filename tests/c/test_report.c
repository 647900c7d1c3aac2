/* A report's rows through styrkort_report_get, its summary and its renderings. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "json.h"
#include "support.h"
#include "tests.h"

/* Whether `text` is one of the NULL-terminated list `codes`. */
static bool one_of(const char *text, const char *const *codes) {
    for (; *codes != NULL; codes++) {
        if (text != NULL && strcmp(text, *codes) == 0) {
            return true;
        }
    }
    return false;
}

bool test_report_rows(void) {
    static const char *const statuses[] = {"achieved", "partially_achieved", "not_achieved", "not_assessed", NULL};
    static const char *const sexes[] = {"T", "K", "M", NULL};
    static const char *const trends[] = {"improved", "unchanged", "worsened", "none", NULL};
    bool passed = true;
    styrkort_report *report = example_report();
    styrkort_assessment row;
    size_t i, len = styrkort_report_len(report), assessed = 0;
    CHECK(len > 100);
    for (i = 0; i < len; i++) {
        CHECK(styrkort_report_get(report, i, &row, NULL) == STYRKORT_STATUS_OK);
        /* Never NULL: */
        CHECK(row.perspective && row.goal && row.success_factor && row.measure && row.measure_name && row.kind);
        CHECK(row.period && row.rule && row.status_label && row.arrow && row.value_unit && row.value_text);
        CHECK(row.explanation && row.explanation[0] != '\0');
        CHECK_STR(row.period, EXAMPLE_PERIOD);
        CHECK(one_of(row.status, statuses) && one_of(row.sex, sexes) && one_of(row.trend, trends));
        /* A reason exactly when the row is not assessed. */
        CHECK((row.reason != NULL) == (strcmp(row.status, "not_assessed") == 0));
        assessed += row.reason == NULL;
    }
    CHECK(assessed > 0);
    styrkort_report_free(report);
    return passed;
}

bool test_row_past_the_end(void) {
    bool passed = true;
    styrkort_report *report = example_report();
    styrkort_assessment row, before;
    styrkort_error *error = NULL;
    size_t len = styrkort_report_len(report);
    memset(&row, 0x5a, sizeof row);
    before = row;
    CHECK(failed_with(styrkort_report_get(report, len, &row, &error), &error, STYRKORT_STATUS_OUT_OF_RANGE, "", 0, 0,
                      "past the end"));
    CHECK(failed_with(styrkort_report_get(report, (size_t)-1, &row, &error), &error, STYRKORT_STATUS_OUT_OF_RANGE, "",
                      0, 0, "past the end"));
    CHECK(memcmp(&row, &before, sizeof row) == 0);
    CHECK(styrkort_report_get(report, len - 1, &row, NULL) == STYRKORT_STATUS_OK);
    styrkort_report_free(report);
    return passed;
}

bool test_borrowed_strings_stay_put(void) {
    bool passed = true;
    styrkort_report *report = example_report();
    styrkort_assessment first, again, last;
    char *name;
    size_t i, len = styrkort_report_len(report);
    CHECK(styrkort_report_get(report, 0, &first, NULL) == STYRKORT_STATUS_OK);
    name = malloc(strlen(first.measure_name) + 1);
    strcpy(name, first.measure_name);
    /* Reading every row, from the end, writes every block ... */
    for (i = len; i-- > 0;) {
        CHECK(styrkort_report_get(report, i, &last, NULL) == STYRKORT_STATUS_OK);
    }
    /* ... and leaves the first row's strings where and what they were. */
    CHECK(styrkort_report_get(report, 0, &again, NULL) == STYRKORT_STATUS_OK);
    CHECK(memcmp(&first, &again, sizeof first) == 0);
    CHECK_STR(first.measure_name, name);
    free(name);
    styrkort_report_free(report);
    return passed;
}

bool test_renderings(void) {
    bool passed = true;
    styrkort_report *report = example_report();
    char *json = NULL, *csv = NULL, *html = NULL, *markdown = NULL, *summary = NULL;
    struct json_records records;
    CHECK(styrkort_report_to_json(report, &json, NULL) == STYRKORT_STATUS_OK);
    CHECK(styrkort_report_to_csv(report, &csv, NULL) == STYRKORT_STATUS_OK);
    CHECK(styrkort_report_to_html(report, &html, NULL) == STYRKORT_STATUS_OK);
    CHECK(styrkort_report_to_markdown(report, &markdown, NULL) == STYRKORT_STATUS_OK);
    CHECK(styrkort_report_summary(report, &summary, NULL) == STYRKORT_STATUS_OK);
    if (json && csv && html && markdown && summary) {
        CHECK(json_read_records(json, &records));
        CHECK(records.count == styrkort_report_len(report));
        json_records_free(&records);
        CHECK(strncmp(csv, "perspective,goal,success_factor,measure,measure_name,", 53) == 0);
        CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0 && strstr(html, summary) != NULL);
        CHECK(strstr(html, "Bilaga måluppfyllelse") != NULL);
        CHECK(strstr(markdown, "| Styrmått |") != NULL && strstr(markdown, summary) != NULL);
    }
    styrkort_string_free(json);
    styrkort_string_free(csv);
    styrkort_string_free(html);
    styrkort_string_free(markdown);
    styrkort_string_free(summary);
    styrkort_report_free(report);
    return passed;
}

/* The report rendered with `options`; NULL (with the error printed) on failure. */
static styrkort_report *with_options(const styrkort_report *report, const char *options) {
    styrkort_report *other = NULL;
    styrkort_error *error = NULL;
    if (styrkort_report_with_options(report, options, strlen(options), &other, &error) != STYRKORT_STATUS_OK) {
        print_error(options, error);
    }
    return other;
}

/* A report's rendering as HTML (`format` 'h'), CSV ('c') or JSON ('j'); NULL on failure. */
static char *rendered(const styrkort_report *report, char format) {
    char *text = NULL;
    styrkort_status status = format == 'h'   ? styrkort_report_to_html(report, &text, NULL)
                             : format == 'c' ? styrkort_report_to_csv(report, &text, NULL)
                                             : styrkort_report_to_json(report, &text, NULL);
    return status == STYRKORT_STATUS_OK ? text : NULL;
}

bool test_report_options(void) {
    bool passed = true;
    styrkort_report *report = example_report();
    styrkort_report *published = with_options(report, "publish = true\ncolumns = [\"utfall\"]\n");
    styrkort_report *english = with_options(report, "{\"language\": \"en\", \"csv\": \"excel\"}");
    char *working_html = rendered(report, 'h'), *published_html = rendered(published, 'h');
    char *english_html = rendered(english, 'h'), *excel = rendered(english, 'c');
    char *json = rendered(report, 'j'), *english_json = rendered(english, 'j');
    CHECK(published != NULL && english != NULL);
    CHECK(styrkort_report_len(published) == styrkort_report_len(report));
    /* The working mode flags the computed suggestions that differ; the published one does not. */
    CHECK(working_html != NULL && strstr(working_html, "⚑") != NULL);
    CHECK(published_html != NULL && strstr(published_html, "⚑") == NULL);
    CHECK(strstr(published_html, "<th scope=\"col\">Utfall</th>") != NULL);
    CHECK(english_html != NULL && strstr(english_html, "Appendix: goal fulfilment by perspective") != NULL);
    /* Swedish Excel: a byte-order mark, semicolons, CRLF; the rows themselves do not change. */
    CHECK(excel != NULL && strncmp(excel, "\xef\xbb\xbfperspective;goal;success_factor;", 31) == 0);
    CHECK(strstr(excel, "\r\n") != NULL);
    CHECK(json != NULL && english_json != NULL && strcmp(json, english_json) == 0);
    styrkort_string_free(working_html);
    styrkort_string_free(published_html);
    styrkort_string_free(english_html);
    styrkort_string_free(excel);
    styrkort_string_free(json);
    styrkort_string_free(english_json);
    styrkort_report_free(published);
    styrkort_report_free(english);
    styrkort_report_free(report);
    return passed;
}

bool test_bad_report_options_are_located(void) {
    bool passed = true;
    styrkort_report *report = example_report();
    styrkort_report *other = UNTOUCHED;
    styrkort_error *error = NULL;
    const char *unknown = "publish = true\nlang = \"en\"\n", *bad = "{\"csv\": \"xlsx\"}";
    CHECK(failed_with(styrkort_report_with_options(report, unknown, strlen(unknown), &other, &error), &error,
                      STYRKORT_STATUS_REPORT_OPTIONS, "options", 2, 1, "unknown field `lang`"));
    CHECK(failed_with(styrkort_report_with_options(report, bad, strlen(bad), &other, &error), &error,
                      STYRKORT_STATUS_REPORT_OPTIONS, "options", 1, 9, "xlsx"));
    CHECK(other == UNTOUCHED);
    styrkort_report_free(report);
    return passed;
}
