/*
 * Handles that are only read may be shared between threads: two threads assess from the same
 * scorecard and observations, then walk and render one shared report at once, and see what one
 * thread alone sees.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "support.h"
#include "tests.h"

struct shared {
    const styrkort_scorecard *scorecard;
    const styrkort_observations *observations;
    const styrkort_report *report;
};

/* What one thread does; all of it is checked against the main thread's results. */
struct work {
    const struct shared *shared;
    size_t own_len;   /* rows of the report the thread made itself */
    size_t rows_ok;   /* rows of the shared report read */
    char *html;       /* the shared report's HTML */
    const char *first_status;
};

static void *work(void *argument) {
    struct work *w = argument;
    styrkort_report *own = NULL;
    styrkort_assessment row;
    size_t i, len = styrkort_report_len(w->shared->report);
    if (styrkort_assess(w->shared->scorecard, w->shared->observations, NULL, EXAMPLE_PERIOD, NULL, 0, NULL, 0, &own,
                        NULL) == STYRKORT_STATUS_OK) {
        w->own_len = styrkort_report_len(own);
    }
    styrkort_report_free(own);
    /* Both threads start at the same rows, so both race for the first writes of each block. */
    for (i = 0; i < len; i++) {
        if (styrkort_report_get(w->shared->report, i, &row, NULL) == STYRKORT_STATUS_OK && row.measure != NULL) {
            w->rows_ok++;
            if (i == 0) {
                w->first_status = row.status;
            }
        }
    }
    styrkort_report_to_html(w->shared->report, &w->html, NULL);
    return NULL;
}

bool test_two_threads_share_handles(void) {
    bool passed = true;
    struct shared shared;
    struct work works[2];
    pthread_t threads[2];
    styrkort_scorecard *scorecard = load_scorecard(EXAMPLE_PLAN);
    styrkort_observations *observations = load_observations(EXAMPLE_OBSERVATIONS, scorecard);
    styrkort_report *report = NULL;
    styrkort_assessment first;
    char *html = NULL;
    size_t len;
    int t;
    CHECK(styrkort_assess(scorecard, observations, NULL, EXAMPLE_PERIOD, NULL, 0, NULL, 0, &report, NULL) ==
          STYRKORT_STATUS_OK);
    shared.scorecard = scorecard;
    shared.observations = observations;
    shared.report = report;
    len = styrkort_report_len(report);
    for (t = 0; t < 2; t++) {
        memset(&works[t], 0, sizeof works[t]);
        works[t].shared = &shared;
        CHECK(pthread_create(&threads[t], NULL, work, &works[t]) == 0);
    }
    for (t = 0; t < 2; t++) {
        CHECK(pthread_join(threads[t], NULL) == 0);
    }
    CHECK(styrkort_report_to_html(report, &html, NULL) == STYRKORT_STATUS_OK);
    CHECK(styrkort_report_get(report, 0, &first, NULL) == STYRKORT_STATUS_OK);
    for (t = 0; t < 2; t++) {
        CHECK(works[t].own_len == len);
        CHECK(works[t].rows_ok == len);
        /* One block, written once: every thread got the very same pointers. */
        CHECK(works[t].first_status == first.status);
        CHECK(works[t].html != NULL && html != NULL && strcmp(works[t].html, html) == 0);
        styrkort_string_free(works[t].html);
    }
    styrkort_string_free(html);
    styrkort_report_free(report);
    styrkort_observations_free(observations);
    styrkort_scorecard_free(scorecard);
    return passed;
}
