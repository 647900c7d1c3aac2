#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text being read and where the reader stands. */
struct reader {
    const char *at;
};

static void skip_space(struct reader *r) {
    while (*r->at == ' ' || *r->at == '\n' || *r->at == '\r' || *r->at == '\t') {
        r->at++;
    }
}

static bool expect(struct reader *r, char c) {
    skip_space(r);
    if (*r->at != c) {
        fprintf(stderr, "json: expected '%c' at \"%.20s\"\n", c, r->at);
        return false;
    }
    r->at++;
    return true;
}

/* Appends a code point as UTF-8. */
static size_t put_utf8(char *out, unsigned long c) {
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

static bool hex4(struct reader *r, unsigned long *value) {
    int i;
    *value = 0;
    for (i = 0; i < 4; i++) {
        char c = *r->at++;
        *value <<= 4;
        if (c >= '0' && c <= '9') {
            *value |= (unsigned long)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            *value |= (unsigned long)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            *value |= (unsigned long)(c - 'A' + 10);
        } else {
            return false;
        }
    }
    return true;
}

/* Reads a string into a new NUL-terminated buffer (never longer than the JSON text of it). */
static char *read_string(struct reader *r) {
    const char *start;
    char *out;
    size_t n = 0;
    if (!expect(r, '"')) {
        return NULL;
    }
    start = r->at;
    while (*r->at != '"' && *r->at != '\0') {
        r->at += (*r->at == '\\' && r->at[1] != '\0') ? 2 : 1;
    }
    out = malloc((size_t)(r->at - start) + 1);
    r->at = start;
    while (out != NULL && *r->at != '"') {
        char c = *r->at++;
        unsigned long code;
        if (c != '\\') {
            out[n++] = c;
            continue;
        }
        c = *r->at++;
        switch (c) {
        case 'n': out[n++] = '\n'; break;
        case 't': out[n++] = '\t'; break;
        case 'r': out[n++] = '\r'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'u':
            if (!hex4(r, &code)) {
                free(out);
                return NULL;
            }
            if (code >= 0xD800 && code < 0xDC00 && r->at[0] == '\\' && r->at[1] == 'u') {
                unsigned long low;
                r->at += 2;
                if (!hex4(r, &low)) {
                    free(out);
                    return NULL;
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
            n += put_utf8(out + n, code);
            break;
        default: out[n++] = c; break; /* \" \\ \/ */
        }
    }
    if (out == NULL || *r->at != '"') {
        free(out);
        return NULL;
    }
    r->at++;
    out[n] = '\0';
    return out;
}

static bool read_record(struct reader *r, struct json_record *record) {
    size_t capacity = 0;
    record->fields = NULL;
    record->count = 0;
    if (!expect(r, '{')) {
        return false;
    }
    skip_space(r);
    if (*r->at == '}') {
        r->at++;
        return true;
    }
    for (;;) {
        struct json_field field;
        field.key = read_string(r);
        if (field.key == NULL || !expect(r, ':')) {
            free(field.key);
            return false;
        }
        skip_space(r);
        if (strncmp(r->at, "null", 4) == 0) {
            r->at += 4;
            field.value = NULL;
        } else if ((field.value = read_string(r)) == NULL) {
            fprintf(stderr, "json: %s: expected a string or null\n", field.key);
            free(field.key);
            return false;
        }
        if (record->count == capacity) {
            struct json_field *grown;
            capacity = capacity ? capacity * 2 : 32;
            grown = realloc(record->fields, capacity * sizeof *grown);
            if (grown == NULL) {
                free(field.key);
                free(field.value);
                return false;
            }
            record->fields = grown;
        }
        record->fields[record->count++] = field;
        skip_space(r);
        if (*r->at == ',') {
            r->at++;
            continue;
        }
        return expect(r, '}');
    }
}

bool json_read_records(const char *text, struct json_records *records) {
    struct reader r;
    size_t capacity = 0;
    r.at = text;
    records->records = NULL;
    records->count = 0;
    if (!expect(&r, '[')) {
        return false;
    }
    skip_space(&r);
    if (*r.at == ']') {
        return true;
    }
    for (;;) {
        if (records->count == capacity) {
            struct json_record *grown;
            capacity = capacity ? capacity * 2 : 16;
            grown = realloc(records->records, capacity * sizeof *grown);
            if (grown == NULL) {
                json_records_free(records);
                return false;
            }
            records->records = grown;
        }
        if (!read_record(&r, &records->records[records->count])) {
            records->count++;
            json_records_free(records);
            return false;
        }
        records->count++;
        skip_space(&r);
        if (*r.at == ',') {
            r.at++;
            continue;
        }
        if (!expect(&r, ']')) {
            json_records_free(records);
            return false;
        }
        return true;
    }
}

void json_records_free(struct json_records *records) {
    size_t i, j;
    for (i = 0; i < records->count; i++) {
        for (j = 0; j < records->records[i].count; j++) {
            free(records->records[i].fields[j].key);
            free(records->records[i].fields[j].value);
        }
        free(records->records[i].fields);
    }
    free(records->records);
    records->records = NULL;
    records->count = 0;
}
