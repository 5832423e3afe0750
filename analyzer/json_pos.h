/*
 * json_pos.h - where is a JSON value in its source text?
 *
 * cJSON keeps no source positions, so the rules loader finds the
 * line:column of a value it wants to complain about by walking the raw
 * text along a path of object keys and array indexes.
 */
#ifndef SKILLGAP_JSON_POS_H
#define SKILLGAP_JSON_POS_H

#include <stddef.h>

struct json_step {
	const char *key;  /* object member, or NULL for an array index */
	long index;
};

/*
 * Byte offset of the value at `path` (n steps) in text[0..len): as deep
 * as the path can be followed, so a missing member points at its object.
 */
size_t json_locate(const char *text, size_t len, const struct json_step *path, size_t n);
/* 1-based line and column (in bytes) of offset `off`. */
void json_line_col(const char *text, size_t len, size_t off, unsigned *line, unsigned *col);

#endif
