/* styrkort_target_parse: the core's ParsedTarget as JSON, and a text that fits no form. */
#include <string.h>

#include "check.h"
#include "support.h"
#include "tests.h"

/* The JSON of a target text; NULL (with the error printed) when it does not parse. */
static char *parsed(const char *text, size_t len) {
    char *json = NULL;
    styrkort_error *error = NULL;
    if (styrkort_target_parse(text, len, &json, &error) != STYRKORT_STATUS_OK) {
        print_error(text, error);
    }
    return json;
}

bool test_target_parse(void) {
    bool passed = true;
    static const char text[] = "Minska med 50 % jmf 2019";
    char *json = parsed(text, strlen(text));
    CHECK_STR(json, "{\"input\":\"Minska med 50 % jmf 2019\",\"canonical\":\"Minska med 50 % jmf 2019\","
                    "\"kind\":\"relative_change\",\"direction\":\"decrease\",\"value\":\"50\",\"unit\":\"percent\","
                    "\"base\":\"2019\"}");
    styrkort_string_free(json);
    /* The region's spellings, read into their canonical form. */
    json = parsed("K 16,0 M 17,2", 13);
    CHECK(json != NULL && strstr(json, "\"kind\":\"per_sex\"") != NULL);
    styrkort_string_free(json);
    json = parsed("100 % i dec", 11);
    CHECK(json != NULL && strstr(json, "\"canonical\":\"100 % i december\"") != NULL);
    styrkort_string_free(json);
    /* The length is honoured: "Öka" of "Öka med 5 %" (Ö is two bytes). */
    json = parsed("Öka med 5 %", 4);
    CHECK(json != NULL && strstr(json, "\"input\":\"Öka\"") != NULL && strstr(json, "\"kind\":\"direction\"") != NULL);
    styrkort_string_free(json);
    return passed;
}

bool test_target_that_fits_no_form(void) {
    bool passed = true;
    char *json = UNTOUCHED;
    styrkort_error *error = NULL;
    /* Located by the column of the text (and its bytes), with what was expected. */
    CHECK(failed_with(styrkort_target_parse("Minska med", 10, &json, &error), &error, STYRKORT_STATUS_TARGET_SYNTAX, "",
                      1, 11, "bytes 10..10: expected a number after 'Minska med'"));
    CHECK(json == UNTOUCHED);
    return passed;
}
