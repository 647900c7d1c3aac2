/*
 * A reader for the one JSON shape the golden files have: a list of flat objects whose values
 * are strings or null (tests/fixtures/cases/<case>/expected.json). Enough to compare every
 * field with styrkort_report_get; not a general JSON parser.
 */
#ifndef STYRKORT_TEST_JSON_H
#define STYRKORT_TEST_JSON_H

#include <stdbool.h>
#include <stddef.h>

/* One field: its key and its value, NULL for JSON null. */
struct json_field {
    char *key;
    char *value;
};

/* One object, its fields in order. */
struct json_record {
    struct json_field *fields;
    size_t count;
};

/* A list of objects. */
struct json_records {
    struct json_record *records;
    size_t count;
};

/* Reads `text`; false (with a message on stderr) when it is not a list of flat objects of
   strings and nulls. On success `*records` is to be freed with json_records_free. */
bool json_read_records(const char *text, struct json_records *records);

/* Frees what json_read_records made. */
void json_records_free(struct json_records *records);

#endif
