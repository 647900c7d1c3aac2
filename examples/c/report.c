/* A small reporting tool on libstyrkort: prints the goal table of a period (the organisation's
   rows, with status and trend) and its summary, then writes the HTML report to publish.
   cc report.c $(pkg-config --cflags --libs styrkort) -o report
   ./report PLAN.toml OBSERVATIONS.csv PERIOD REPORT.html [JUDGEMENTS.toml] */
#include <stdio.h>
#include <stdlib.h>
#include <styrkort.h>

/* Reads a whole file; NULL if it cannot. */
static char *slurp(const char *path, size_t *len) {
    FILE *file = fopen(path, "rb");
    char *text = NULL;
    long size;
    if (file && fseek(file, 0, SEEK_END) == 0 && (size = ftell(file)) >= 0 && fseek(file, 0, SEEK_SET) == 0 &&
        (text = malloc((size_t)size + 1)) && fread(text, 1, (size_t)size, file) == (size_t)size) {
        *len = (size_t)size;
    } else {
        free(text);
        text = NULL;
        fprintf(stderr, "report: cannot read %s\n", path);
    }
    if (file) fclose(file);
    return text;
}

/* Prints what went wrong, every problem as file:line:column: message, and frees the error. */
static int fail(styrkort_error *error) {
    fprintf(stderr, "%s\n", error ? styrkort_error_message(error) : "report: failed");
    styrkort_error_free(error);
    return 1;
}

int main(int argc, char **argv) {
    styrkort_scorecard *plan = NULL;
    styrkort_observations *observations = NULL;
    styrkort_judgements *judgements = NULL;
    styrkort_report *report = NULL, *published = NULL;
    styrkort_error *error = NULL;
    styrkort_assessment row;
    char *text, *summary = NULL, *html = NULL;
    size_t len, i;
    FILE *out;
    if (argc < 5) {
        fprintf(stderr, "usage: %s PLAN.toml OBSERVATIONS.csv PERIOD REPORT.html [JUDGEMENTS.toml]\n", argv[0]);
        return 2;
    }
    /* Each text is handed over with its length and the name to use in messages; every call
       returns STYRKORT_STATUS_OK (0) on success. */
    if (!(text = slurp(argv[1], &len))) return 1;
    if (styrkort_scorecard_from_toml(text, len, argv[1], &plan, &error)) return fail(error);
    free(text);
    if (!(text = slurp(argv[2], &len))) return 1;
    if (styrkort_observations_from_csv(text, len, argv[2], plan, &observations, &error)) return fail(error);
    free(text);
    if (argc > 5) {
        if (!(text = slurp(argv[5], &len))) return 1;
        if (styrkort_judgements_from_toml(text, len, argv[5], plan, &judgements, &error)) return fail(error);
        free(text);
    }
    /* Default rules (NULL), the organisation and every unit (NULL), on every core (0). */
    if (styrkort_assess(plan, observations, judgements, argv[3], NULL, 0, NULL, 0, &report, &error)) return fail(error);
    styrkort_judgements_free(judgements);
    styrkort_observations_free(observations);
    styrkort_scorecard_free(plan);

    printf("Mål | Styrmått | K/M | Utfall | Mål %.4s | Måluppfyllelse | Utveckling\n", argv[3]);
    for (i = 0; i < styrkort_report_len(report); i++) {
        if (styrkort_report_get(report, i, &row, &error)) return fail(error);
        if (row.unit != NULL) continue; /* a unit's row: this table is the organisation's */
        printf("%s | %s | %s | %s | %s | %s | %s\n", row.goal, row.measure_name, row.sex, row.value_text,
               row.target ? row.target : "", row.status_label, row.arrow);
    }
    if (styrkort_report_summary(report, &summary, &error)) return fail(error);
    printf("\n%s\n", summary);
    styrkort_string_free(summary);

    /* The document to publish: without the flags and explanations meant for those who prepare it. */
    if (styrkort_report_with_options(report, "publish = true", 14, &published, &error)) return fail(error);
    if (styrkort_report_to_html(published, &html, &error)) return fail(error);
    if (!(out = fopen(argv[4], "w")) || fputs(html, out) == EOF || fclose(out) != 0) {
        fprintf(stderr, "report: cannot write %s\n", argv[4]);
        return 1;
    }
    printf("wrote %s\n", argv[4]);
    styrkort_string_free(html);
    styrkort_report_free(published);
    styrkort_report_free(report);
    return 0;
}
