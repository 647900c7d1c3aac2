/*
 * The C ABI's speed on the national-scale data set (written by `national write DIR`, see
 * examples/national.rs): styrkort_assess timed as the Rust side times Assessments::new and
 * Report::new, then every row walked through styrkort_report_get, the first time (which
 * writes the rows' texts) and again. A benchmark, never a test: `make bench-c`.
 *
 *     national-c DIR [N]
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "styrkort.h"

static double clock_seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The wall clock, and the CPU this process has used (not counting other programs' time). */
static double now(void) { return clock_seconds(CLOCK_MONOTONIC); }
static double cpu(void) { return clock_seconds(CLOCK_PROCESS_CPUTIME_ID); }

static char *slurp(const char *dir, const char *name, size_t *len) {
    char path[4096];
    FILE *file;
    char *text = NULL;
    long size;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if ((file = fopen(path, "rb")) && fseek(file, 0, SEEK_END) == 0 && (size = ftell(file)) >= 0 &&
        fseek(file, 0, SEEK_SET) == 0 && (text = malloc((size_t)size)) &&
        fread(text, 1, (size_t)size, file) == (size_t)size) {
        *len = (size_t)size;
    } else {
        free(text);
        text = NULL;
        fprintf(stderr, "cannot read %s\n", path);
    }
    if (file) fclose(file);
    return text;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Walks every row once; returns the CPU seconds taken. The checksum of the pointers keeps the calls
   from being skipped without reading the strings: what is timed is styrkort_report_get. */
static double walk(const styrkort_report *report, size_t *checksum) {
    styrkort_assessment row;
    size_t i, len = styrkort_report_len(report);
    double start = cpu();
    for (i = 0; i < len; i++) {
        if (styrkort_report_get(report, i, &row, NULL) == STYRKORT_STATUS_OK) {
            *checksum += (size_t)row.status + (size_t)row.explanation;
        }
    }
    return cpu() - start;
}

int main(int argc, char **argv) {
    styrkort_scorecard *scorecard = NULL;
    styrkort_observations *observations = NULL;
    styrkort_report *report = NULL;
    styrkort_error *error = NULL;
    double wall[64], times[64], first, warm[5];
    size_t len, rows, checksum = 0;
    int repeat = argc > 2 ? atoi(argv[2]) : 5, i;
    char *text;
    if (argc < 2 || repeat < 1 || repeat > 64) {
        fprintf(stderr, "usage: %s DIR [N]\n", argv[0]);
        return 2;
    }
    if (!(text = slurp(argv[1], "plan.toml", &len)) ||
        styrkort_scorecard_from_toml(text, len, "plan.toml", &scorecard, &error)) {
        fprintf(stderr, "%s\n", styrkort_error_message(error));
        return 1;
    }
    free(text);
    if (!(text = slurp(argv[1], "observations.csv", &len)) ||
        styrkort_observations_from_csv(text, len, "observations.csv", scorecard, &observations, &error)) {
        fprintf(stderr, "%s\n", styrkort_error_message(error));
        return 1;
    }
    free(text);

    for (i = 0; i < repeat; i++) {
        double start = now(), start_cpu = cpu();
        if (styrkort_assess(scorecard, observations, NULL, "2025-DÅ08", NULL, 0, NULL, 0, &report, &error)) {
            fprintf(stderr, "%s\n", styrkort_error_message(error));
            return 1;
        }
        times[i] = cpu() - start_cpu;
        wall[i] = now() - start;
        if (i + 1 < repeat) {
            styrkort_report_free(report);
        }
    }
    qsort(times, (size_t)repeat, sizeof times[0], by_value);
    qsort(wall, (size_t)repeat, sizeof wall[0], by_value);
    rows = styrkort_report_len(report);
    printf("c:    assess %lu rows: CPU min %.1f ms, median %.1f ms; wall min %.1f ms, median %.1f ms (%d runs)\n",
           (unsigned long)rows, times[0] * 1e3, times[repeat / 2] * 1e3, wall[0] * 1e3, wall[repeat / 2] * 1e3, repeat);

    first = walk(report, &checksum);
    for (i = 0; i < 5; i++) {
        warm[i] = walk(report, &checksum);
    }
    qsort(warm, 5, sizeof warm[0], by_value);
    printf("c:    styrkort_report_get over every row (CPU): first walk %.0f ns/row, later walks median %.1f ns/row, "
           "min %.1f ns/row (checksum %lu)\n",
           first * 1e9 / (double)rows, warm[2] * 1e9 / (double)rows, warm[0] * 1e9 / (double)rows,
           (unsigned long)checksum);
    styrkort_report_free(report);
    styrkort_observations_free(observations);
    styrkort_scorecard_free(scorecard);
    return 0;
}
