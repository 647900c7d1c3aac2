/*
 * What the tests share: the repository's files (the bundled example, the golden cases) read
 * from the root given on the command line, and the example's report.
 */
#ifndef STYRKORT_TEST_SUPPORT_H
#define STYRKORT_TEST_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "styrkort.h"

/* The repository's root, from argv[1]. */
extern const char *repository;

/* A file of the repository (path relative to the root), read whole and NUL-terminated; its
   length without the NUL in *len. NULL (with a message) when it cannot be read. Free with free(). */
char *read_file(const char *path, size_t *len);

/* Reads a scorecard file of the repository; NULL (with the error printed) on failure. */
styrkort_scorecard *load_scorecard(const char *path);

/* Reads an observation file (CSV) of the repository, checked against the scorecard. */
styrkort_observations *load_observations(const char *path, const styrkort_scorecard *scorecard);

/* Reads a judgement file (TOML) of the repository, checked against the scorecard. */
styrkort_judgements *load_judgements(const char *path, const styrkort_scorecard *scorecard);

/* The bundled example (Region Norrbotten, 2020-DÅ04) assessed for the organisation and every
   unit, with its judgements; NULL on failure. */
styrkort_report *example_report(void);

/* A pointer that no function of styrkort hands out: out-parameters are set to it before a call
   that must fail, to check that failure leaves them alone. */
extern long double untouched_storage;
#define UNTOUCHED ((void *)&untouched_storage)

/* Whether a call failed as expected: `status` is `expected`, the error it wrote to `*error` has
   the same code, its first location is file:line:column (line and column 0 for none) and its
   message contains `message` (each failed check printed). Frees the error and sets `*error` to
   NULL. The error is passed by address so that it is read after the call that writes it. */
bool failed_with(styrkort_status status, styrkort_error **written, styrkort_status expected, const char *file,
                 size_t line, size_t column, const char *message);

/* Prints an error's message on stderr, if there is one, and frees it. */
void print_error(const char *what, styrkort_error *error);

#define EXAMPLE_PLAN "examples/norrbotten-2020/scorecard-2020.toml"
#define EXAMPLE_OBSERVATIONS "examples/norrbotten-2020/observations-2020-DÅ04.csv"
#define EXAMPLE_JUDGEMENTS "examples/norrbotten-2020/judgements-2020-DÅ04.toml"
#define EXAMPLE_PERIOD "2020-DÅ04"

#endif
