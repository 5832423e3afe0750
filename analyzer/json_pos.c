/*
 * json_pos.c - locate values in JSON source text; see json_pos.h. Input:
 * JSON text that cJSON already accepted. Output: byte offsets.
 */
#include "json_pos.h"

#include <string.h>

struct walker {
	const char *s;
	size_t n, i;
};

static void ws(struct walker *w)
{
	while (w->i < w->n && (w->s[w->i] == ' ' || w->s[w->i] == '\t' ||
			       w->s[w->i] == '\n' || w->s[w->i] == '\r'))
		w->i++;
}

/* Skip a string starting at '"'; store its raw contents' span. */
static void skip_string(struct walker *w, size_t *start, size_t *end)
{
	w->i++; /* opening quote */
	*start = w->i;
	while (w->i < w->n && w->s[w->i] != '"') {
		if (w->s[w->i] == '\\')
			w->i++;
		w->i++;
	}
	*end = w->i < w->n ? w->i : w->n;
	if (w->i < w->n)
		w->i++;
}

static void skip_value(struct walker *w, int depth)
{
	size_t a, b;
	ws(w);
	if (w->i >= w->n || depth > 512)
		return;
	switch (w->s[w->i]) {
	case '"':
		skip_string(w, &a, &b);
		return;
	case '{':
	case '[': {
		char close = w->s[w->i] == '{' ? '}' : ']';
		w->i++;
		for (;;) {
			ws(w);
			if (w->i >= w->n)
				return;
			if (w->s[w->i] == close) {
				w->i++;
				return;
			}
			if (w->s[w->i] == ',' || w->s[w->i] == ':' || w->s[w->i] == '}' || w->s[w->i] == ']') {
				w->i++; /* a stray closer of the other kind: step over it */
				continue;
			}
			skip_value(w, depth + 1);
		}
	}
	default:
		/* a scalar; always consume at least one byte (a NUL is not a delimiter) */
		do
			w->i++;
		while (w->i < w->n && !memchr(",]} \t\r\n", w->s[w->i], 7));
	}
}

size_t json_locate(const char *text, size_t len, const struct json_step *path, size_t n)
{
	struct walker w = { text, len, 0 };
	size_t k;

	ws(&w);
	for (k = 0; k < n; k++) {
		size_t here = w.i;
		int found = 0;
		if (w.i >= w.n)
			return here;
		if (path[k].key && w.s[w.i] == '{') {
			w.i++;
			for (;;) {
				size_t ks, ke;
				ws(&w);
				if (w.i >= w.n || w.s[w.i] == '}')
					break;
				if (w.s[w.i] == ',') {
					w.i++;
					continue;
				}
				if (w.s[w.i] != '"')
					break;
				skip_string(&w, &ks, &ke);
				ws(&w);
				if (w.i < w.n && w.s[w.i] == ':')
					w.i++;
				ws(&w);
				if (ke - ks == strlen(path[k].key) &&
				    memcmp(w.s + ks, path[k].key, ke - ks) == 0) {
					found = 1;
					break;
				}
				skip_value(&w, 0);
			}
		} else if (!path[k].key && w.s[w.i] == '[') {
			long idx = 0;
			w.i++;
			for (;;) {
				ws(&w);
				if (w.i >= w.n || w.s[w.i] == ']')
					break;
				if (w.s[w.i] == ',') {
					w.i++;
					continue;
				}
				if (idx == path[k].index) {
					found = 1;
					break;
				}
				skip_value(&w, 0);
				idx++;
			}
		}
		if (!found)
			return here;
	}
	return w.i;
}

void json_line_col(const char *text, size_t len, size_t off, unsigned *line, unsigned *col)
{
	size_t i;
	unsigned l = 1, c = 1;
	for (i = 0; i < off && i < len; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
	}
	*line = l;
	*col = c;
}
