/*
 * read_json.c - the JSON reader. Input: JSON bytes (UTF-8, optional BOM,
 * LF or CRLF). Output: a document; a JSON Resume (schema 1.0 and the
 * older field names) becomes headed sections with one line per value and
 * structured work dates, any other JSON becomes its string values with
 * keys as section hints (layout_recognized = 0).
 *
 * A validating pre-scan runs first: it enforces the depth cap without
 * recursion and reports what cJSON would accept or reject without a
 * position (trailing commas, comments, bad escapes, lone surrogates,
 * NaN, truncation) as FILE:LINE:COL. Only then does cJSON build the tree.
 */
#include "read.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "utf8.h"

/* ---- positions and the validating pre-scan --------------------------- */

/* 1-based line and column (in code points) of byte offset `off`. */
static void json_position(const char *s, size_t off, int *line, int *col)
{
	size_t i;
	int l = 1, c = 1;
	for (i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '\n' || (ch == '\r' && !(i + 1 < off && s[i + 1] == '\n'))) {
			l++;
			c = 1;
		} else if (ch == '\r') {
			/* the '\n' of CRLF ends the line */
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

struct scan {
	const char *s;
	size_t n;
	const char *name;
	struct diag *d;
};

static int scan_err(const struct scan *sc, size_t at, const char *what)
{
	int line, col;
	json_position(sc->s, at, &line, &col);
	return diag_set(sc->d, SG_ECORRUPT, "'%s':%d:%d: invalid JSON: %s", sc->name, line, col, what);
}

static int hex4(const char *s, size_t n, size_t i, unsigned *out)
{
	size_t k;
	unsigned v = 0;
	if (i + 4 > n)
		return -1;
	for (k = 0; k < 4; k++) {
		unsigned char c = (unsigned char)s[i + k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	*out = v;
	return 0;
}

/*
 * Past the bytes from s[k] on that need no look inside a string: none
 * below 0x20, no '"', no '\\'. Sixteen at a time where SSE2 is there,
 * then eight; each test finds whether such a byte is among them, never
 * a wrong "no".
 */
static size_t plain_run(const char *s, size_t k, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
#if defined(__SSE2__)
	for (; k + 16 <= n; k += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
		__m128i ctl = _mm_cmpeq_epi8(_mm_subs_epu8(x, _mm_set1_epi8(0x1F)), _mm_setzero_si128());
		unsigned stop = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			ctl, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
					  _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')))));
		if (stop)
			return k + (size_t)__builtin_ctz(stop);
	}
#endif
	for (; k + 8 <= n; k += 8) {
		uint64_t v, q, b;
		memcpy(&v, s + k, 8);
		q = v ^ ('"' * ones);
		b = v ^ ('\\' * ones);
		if ((((v - 0x20 * ones) & ~v) | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs)
			break;
	}
	while (k < n && (unsigned char)s[k] >= 0x20 && s[k] != '"' && s[k] != '\\')
		k++;
	return k;
}

/* A string starting at the quote s[*i]; *i ends after the closing quote. */
static int scan_string(const struct scan *sc, size_t *i)
{
	const char *s = sc->s;
	size_t n = sc->n, k = *i + 1;
	char what[64];

	while (k < n) {
		unsigned char c;
		k = plain_run(s, k, n);
		if (k >= n)
			break;
		c = (unsigned char)s[k];
		if (c == '"') {
			*i = k + 1;
			return 0;
		}
		if (c < 0x20)
			return scan_err(sc, k, "control character in string (escape it)");
		if (c != '\\') {
			k++;
			continue;
		}
		if (k + 1 >= n)
			return scan_err(sc, n, "unexpected end of input");
		c = (unsigned char)s[k + 1];
		if (strchr("\"\\/bfnrt", c) && c) {
			k += 2;
		} else if (c == 'u') {
			unsigned v, lo;
			if (hex4(s, n, k + 2, &v) < 0)
				return k + 6 > n ? scan_err(sc, n, "unexpected end of input")
						 : scan_err(sc, k, "bad \\u escape (needs 4 hex digits)");
			if (v >= 0xDC00 && v <= 0xDFFF) {
				snprintf(what, sizeof(what), "lone surrogate '\\u%04x' in string", v);
				return scan_err(sc, k, what);
			}
			if (v >= 0xD800 && v <= 0xDBFF) {
				if (k + 12 > n && k + 6 < n && s[k + 6] == '\\' && (k + 7 >= n || s[k + 7] == 'u'))
					return scan_err(sc, n, "unexpected end of input");
				if (k + 12 > n || s[k + 6] != '\\' || s[k + 7] != 'u' ||
				    hex4(s, n, k + 8, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF) {
					snprintf(what, sizeof(what), "lone surrogate '\\u%04x' in string", v);
					return scan_err(sc, k, what);
				}
				k += 12;
			} else {
				k += 6;
			}
		} else {
			if (c >= 0x20 && c < 0x7F)
				snprintf(what, sizeof(what), "invalid escape '\\%c' in string", c);
			else
				snprintf(what, sizeof(what), "invalid escape in string");
			return scan_err(sc, k, what);
		}
	}
	return scan_err(sc, n, "unexpected end of input");
}

/* One or more digits at s[k] (a fraction or an exponent of the number at `start`); *end after them. */
static int scan_digits(const struct scan *sc, size_t k, size_t start, size_t *end)
{
	if (k >= sc->n)
		return scan_err(sc, sc->n, "unexpected end of input");
	if (!isdigit((unsigned char)sc->s[k]))
		return scan_err(sc, start, "invalid number");
	while (k < sc->n && isdigit((unsigned char)sc->s[k]))
		k++;
	*end = k;
	return 0;
}

static int scan_number(const struct scan *sc, size_t *i)
{
	const char *s = sc->s;
	size_t n = sc->n, k = *i, start = *i;
	int rc;

	if (s[k] == '-')
		k++;
	if (k >= n)
		return scan_err(sc, n, "unexpected end of input");
	if (s[k] == 'I')
		return scan_err(sc, k, "Infinity is not valid JSON");
	if (s[k] == '0') {
		k++;
		if (k < n && isdigit((unsigned char)s[k]))
			return scan_err(sc, start, "invalid number (leading zero)");
	} else if (isdigit((unsigned char)s[k])) {
		while (k < n && isdigit((unsigned char)s[k]))
			k++;
	} else {
		return scan_err(sc, start, "invalid number");
	}
	if (k < n && s[k] == '.' && (rc = scan_digits(sc, k + 1, start, &k)) < 0)
		return rc;
	if (k < n && (s[k] == 'e' || s[k] == 'E')) {
		k++;
		if (k < n && (s[k] == '+' || s[k] == '-'))
			k++;
		if ((rc = scan_digits(sc, k, start, &k)) < 0)
			return rc;
	}
	*i = k;
	return 0;
}

static int scan_literal(const struct scan *sc, size_t *i)
{
	static const char *const lits[] = { "true", "false", "null" };
	const char *s = sc->s + *i;
	size_t left = sc->n - *i, k, l;

	for (k = 0; k < 3; k++) {
		l = strlen(lits[k]);
		if (s[0] != lits[k][0])
			continue;
		if (left < l && memcmp(s, lits[k], left) == 0)
			return scan_err(sc, sc->n, "unexpected end of input");
		if (left >= l && memcmp(s, lits[k], l) == 0 &&
		    (left == l || !isalnum((unsigned char)s[l]))) {
			*i += l;
			return 0;
		}
	}
	if (left >= 3 && memcmp(s, "NaN", 3) == 0)
		return scan_err(sc, *i, "NaN is not valid JSON");
	if (left >= 8 && memcmp(s, "Infinity", 8) == 0)
		return scan_err(sc, *i, "Infinity is not valid JSON");
	if (s[0] == '/')
		return scan_err(sc, *i, "comments are not allowed in JSON");
	if (s[0] == '\'')
		return scan_err(sc, *i, "strings must use double quotes");
	return scan_err(sc, *i, "unexpected character");
}

enum scan_state { S_VALUE, S_VALUE_OR_END, S_KEY, S_KEY_OR_END, S_AFTER, S_DONE };

/*
 * Validate JSON without recursion. The container stack is bounded by
 * `max_depth`: nesting deeper than that is SG_ELIMIT.
 */
static int json_validate(const char *s, size_t n, const char *name, unsigned max_depth,
			 struct diag *d)
{
	struct scan sc = { s, n, name, d };
	char *stack = NULL;
	size_t depth = 0, i = 0, comma = 0;
	enum scan_state st = S_VALUE;
	int ret = 0;

	stack = xmalloc((size_t)max_depth + 1);
	for (;;) {
		unsigned char c;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			i++;
		if (i == n) {
			if (st != S_DONE && !(st == S_AFTER && depth == 0))
				ret = scan_err(&sc, n, "unexpected end of input");
			goto done;
		}
		c = (unsigned char)s[i];
		if (c == '/') {
			ret = scan_err(&sc, i, "comments are not allowed in JSON");
			goto done;
		}
		switch (st) {
		case S_DONE:
			ret = scan_err(&sc, i, "unexpected content after the JSON value");
			goto done;
		case S_VALUE:
		case S_VALUE_OR_END:
			if (c == ']' && st == S_VALUE_OR_END) {
				depth--;
				i++;
				st = S_AFTER;
				break;
			}
			if ((c == ']' || c == '}') && st == S_VALUE && depth > 0) {
				ret = scan_err(&sc, comma, "trailing comma");
				goto done;
			}
			if (c == '{' || c == '[') {
				if (depth >= max_depth) {
					ret = diag_set(d, SG_ELIMIT, "'%s': nesting deeper than %u levels (see --json-max-depth)",
						       name, max_depth);
					goto done;
				}
				stack[depth++] = (char)c;
				i++;
				st = c == '{' ? S_KEY_OR_END : S_VALUE_OR_END;
				break;
			}
			if (c == '"')
				ret = scan_string(&sc, &i);
			else if (c == '-' || isdigit(c))
				ret = scan_number(&sc, &i);
			else
				ret = scan_literal(&sc, &i);
			if (ret < 0)
				goto done;
			st = S_AFTER;
			break;
		case S_KEY:
		case S_KEY_OR_END:
			if (c == '}') {
				if (st == S_KEY) {
					ret = scan_err(&sc, comma, "trailing comma");
					goto done;
				}
				depth--;
				i++;
				st = S_AFTER;
				break;
			}
			if (c != '"') {
				ret = scan_err(&sc, i, c == '\'' ? "strings must use double quotes"
								: "expected a string key");
				goto done;
			}
			if ((ret = scan_string(&sc, &i)) < 0)
				goto done;
			while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
				i++;
			if (i == n) {
				ret = scan_err(&sc, n, "unexpected end of input");
				goto done;
			}
			if (s[i] != ':') {
				ret = scan_err(&sc, i, "expected ':' after object key");
				goto done;
			}
			i++;
			st = S_VALUE;
			break;
		case S_AFTER:
			if (depth == 0) {
				st = S_DONE;
				break;
			}
			if (c == ',') {
				comma = i++;
				st = stack[depth - 1] == '{' ? S_KEY : S_VALUE;
			} else if (c == '}' && stack[depth - 1] == '{') {
				depth--;
				i++;
			} else if (c == ']' && stack[depth - 1] == '[') {
				depth--;
				i++;
			} else {
				ret = scan_err(&sc, i, stack[depth - 1] == '{' ? "expected ',' or '}'"
									: "expected ',' or ']'");
				goto done;
			}
			break;
		}
	}
done:
	free(stack);
	return ret;
}

/* ---- the parse arena ----------------------------------------------------- */

/*
 * cJSON allocates every value and string of a parse. With
 * read_json_use_arena(), read_json() parses into this thread's arena: a
 * 64 KiB block of thread-local storage, then blocks from malloc() when a
 * document needs more, all dropped at once when the document is built
 * (as cmark's arena allocator does). Outside a parse, or without
 * read_json_use_arena(), cJSON's allocations are malloc() and free().
 */
#define ARENA_FIRST 65536

struct arena_block {
	struct arena_block *next;
	max_align_t data[];
};

struct arena {
	int on;                   /* this thread is parsing into the arena */
	unsigned char *p;         /* the next free byte ... */
	size_t left;              /* ... and how many follow it */
	struct arena_block *more; /* blocks from malloc(), freed by arena_end() */
};

static int arena_hooks;       /* read_json_use_arena() was called */
static _Thread_local struct arena arena;
static _Thread_local max_align_t arena_first[ARENA_FIRST / sizeof(max_align_t)];

static void *arena_malloc(size_t n)
{
	void *p;
	if (!arena.on)
		return malloc(n);
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (n > arena.left) {
		size_t cap = n > ARENA_FIRST ? n : ARENA_FIRST;
		struct arena_block *b = malloc(sizeof(*b) + cap);
		if (!b)
			return NULL; /* cJSON reports a failed parse */
		b->next = arena.more;
		arena.more = b;
		arena.p = (unsigned char *)b->data;
		arena.left = cap;
	}
	p = arena.p;
	arena.p += n;
	arena.left -= n;
	return p;
}

static void arena_free(void *p)
{
	if (!arena.on)
		free(p);
	/* in the arena: dropped with it */
}

void read_json_use_arena(void)
{
	cJSON_Hooks h = { arena_malloc, arena_free };
	cJSON_InitHooks(&h);
	arena_hooks = 1;
}

static int arena_begin(void)
{
	if (!arena_hooks)
		return 0;
	arena.on = 1;
	arena.p = (unsigned char *)arena_first;
	arena.left = sizeof(arena_first);
	return 1;
}

static void arena_end(void)
{
	while (arena.more) {
		struct arena_block *b = arena.more;
		arena.more = b->next;
		free(b);
	}
	arena.on = 0;
}

/* ---- building the document ------------------------------------------- */

/*
 * The member `key` of object o, or NULL: cJSON_GetObjectItemCaseSensitive()
 * with the first bytes compared before strcmp(), since the walkers below
 * look up many keys in every object.
 */
static const cJSON *jget(const cJSON *o, const char *key)
{
	const cJSON *it;
	for (it = o ? o->child : NULL; it; it = it->next)
		if (it->string && it->string[0] == key[0] && strcmp(it->string, key) == 0)
			return it;
	return NULL;
}

static const char *jstr(const cJSON *o, const char *key)
{
	const cJSON *v = jget(o, key);
	return cJSON_IsString(v) && v->valuestring && v->valuestring[0] ? v->valuestring : NULL;
}

static const char *jstr2(const cJSON *o, const char *key, const char *old)
{
	const char *s = jstr(o, key);
	return s ? s : jstr(o, old);
}

static void add_text(struct document *doc, const char *s, unsigned flags)
{
	if (s && *s)
		document_add_line(doc, s, strlen(s), flags);
}

/* "a, b, c" from the strings of an array. */
static void join_strings(struct buf *b, const cJSON *arr, const char *sep)
{
	const cJSON *it;
	size_t before = b->len;
	cJSON_ArrayForEach(it, arr) {
		if (!cJSON_IsString(it) || !it->valuestring || !it->valuestring[0])
			continue;
		if (b->len > before)
			buf_puts(b, sep);
		buf_puts(b, it->valuestring);
	}
}

/* Append parts joined with ", ", skipping NULLs. */
static void join_parts(struct buf *b, const char *const *parts, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		if (!parts[i])
			continue;
		if (b->len)
			buf_puts(b, ", ");
		buf_puts(b, parts[i]);
	}
}

/* " (start - end)" or " (end)" after the line so far (no space first on an empty line). */
static void date_span(struct buf *b, const char *start, const char *end)
{
	if (!start && !end)
		return;
	buf_puts(b, b->len ? " (" : "(");
	if (start) {
		buf_puts(b, start);
		buf_puts(b, " - ");
	}
	buf_puts(b, end ? end : "Present");
	buf_putc(b, ')');
}

static int open_word(const char *s)
{
	static const char *const words[] = { "present", "current", "now", "ongoing", "today" };
	size_t k;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		size_t l = strlen(words[k]), i;
		for (i = 0; i < l && s[i] && tolower((unsigned char)s[i]) == words[k][i]; i++)
			;
		if (i == l)
			return 1;
	}
	return 0;
}

/*
 * Structured dates: a start month; the end is exclusive, so a month end
 * counts through that month (end = month + 1) and a year-only end is
 * January of that year (as the text reader reads "2019 - 2021"). No end
 * date (or "Present") is an open range.
 */
static void add_work_dates(struct document *doc, const cJSON *o, uint32_t line)
{
	const cJSON *ev = jget(o, "endDate");
	const char *sd = jstr(o, "startDate");
	int yo = 0, start, end;

	if (!sd || (start = date_parse(sd, strlen(sd), &yo)) < 0)
		return;
	if (!cJSON_IsString(ev) || !ev->valuestring || !ev->valuestring[0] ||
	    open_word(ev->valuestring)) {
		if (ev && !cJSON_IsNull(ev) && !cJSON_IsString(ev))
			return;
		document_add_dates(doc, start, 0, 1, line);
		return;
	}
	end = date_parse(ev->valuestring, strlen(ev->valuestring), &yo);
	if (end < 0)
		return;
	document_add_dates(doc, start, yo ? end : end + 1, 0, line);
}

static void add_list(struct document *doc, const cJSON *arr)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, arr)
		if (cJSON_IsString(it))
			add_text(doc, it->valuestring, LINE_LIST);
}

/* Any other JSON: every string value, with keys as section hints. */
static enum section_kind key_section(const char *key)
{
	char low[64];
	size_t i;
	enum section_kind k;

	for (i = 0; key[i] && i < sizeof(low) - 1; i++)
		low[i] = (char)(key[i] == '_' ? ' ' : tolower((unsigned char)key[i]));
	low[i] = '\0';
	if (strstr(low, "skill"))
		return SEC_SKILLS;
	if (strstr(low, "experience") || strstr(low, "work") || strstr(low, "position") ||
	    strstr(low, "job") || strstr(low, "employment"))
		return SEC_EXPERIENCE;
	if (strstr(low, "education") || strstr(low, "school") || strstr(low, "degree"))
		return SEC_EDUCATION;
	if (strstr(low, "publication"))
		return SEC_PUBLICATIONS;
	if (strstr(low, "cert") || strstr(low, "license"))
		return SEC_CERTIFICATIONS;
	if (strstr(low, "project"))
		return SEC_PROJECTS;
	k = section_classify(low, strlen(low));
	return k == SEC_CONTACT ? SEC_NONE : k;
}

static void walk_other(struct document *doc, const cJSON *v, int depth)
{
	const cJSON *it;

	if (cJSON_IsString(v)) {
		add_text(doc, v->valuestring, 0);
		return;
	}
	if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(it, v)
			walk_other(doc, it, depth + 1);
		return;
	}
	if (!cJSON_IsObject(v))
		return;
	cJSON_ArrayForEach(it, v) {
		enum section_kind saved = doc->cur_section, k;
		const char *key = it->string ? it->string : "";
		/* contact fields at the top levels, outside any hinted section */
		if (depth <= 1 && doc->cur_section == SEC_NONE && cJSON_IsString(it) &&
		    it->valuestring[0]) {
			if (strcmp(key, "name") == 0 || strcmp(key, "fullName") == 0 ||
			    strcmp(key, "full_name") == 0) {
				if (!doc->contact.name)
					document_set_contact(doc, it->valuestring, NULL, NULL);
			} else if (strstr(key, "email") && strchr(it->valuestring, '@')) {
				if (!doc->contact.email)
					document_set_contact(doc, NULL, it->valuestring, NULL);
			} else if (strstr(key, "phone")) {
				if (!doc->contact.phone)
					document_set_contact(doc, NULL, NULL, it->valuestring);
			}
		}
		k = key_section(key);
		if (k != SEC_NONE)
			document_set_section(doc, k);
		walk_other(doc, it, depth + 1);
		document_set_section(doc, saved);
	}
}

/* ---- JSON Resume ----------------------------------------------------- */

static void resume_basics(struct document *doc, const cJSON *b)
{
	const char *name = jstr(b, "name"), *email = jstr(b, "email"), *phone = jstr(b, "phone");
	const char *url = jstr2(b, "url", "website"), *summary = jstr2(b, "summary", "about");
	const cJSON *loc = jget(b, "location"), *it;
	struct buf line = BUF_INIT;

	document_set_section(doc, SEC_NONE);
	add_text(doc, name, 0);
	add_text(doc, jstr(b, "label"), 0);
	add_text(doc, email, 0);
	add_text(doc, phone, 0);
	add_text(doc, url, 0);
	if (cJSON_IsObject(loc)) {
		const char *parts[5] = { jstr(loc, "address"), jstr(loc, "city"), jstr(loc, "region"),
					 jstr(loc, "postalCode"), jstr(loc, "countryCode") };
		join_parts(&line, parts, 5);
		add_text(doc, line.ptr, 0);
	} else if (cJSON_IsString(loc)) {
		add_text(doc, loc->valuestring, 0);
	}
	document_set_contact(doc, name, email, phone);
	document_add_link(doc, url);
	cJSON_ArrayForEach(it, jget(b, "profiles")) {
		const char *parts[3] = { jstr(it, "network"), jstr(it, "username"), jstr(it, "url") };
		buf_truncate(&line, 0);
		join_parts(&line, parts, 3);
		add_text(doc, line.ptr, 0);
		document_add_link(doc, parts[2]);
		document_add_handle(doc, parts[1]);
	}
	if (summary) {
		document_add_heading(doc, "Summary", 7, SEC_SUMMARY);
		add_text(doc, summary, 0);
	}
	buf_release(&line);
}

/* work and volunteer: "Position, Company (start - end)", summary, highlights */
static void resume_jobs(struct document *doc, const cJSON *arr, int work)
{
	const cJSON *it;
	struct buf line = BUF_INIT;
	cJSON_ArrayForEach(it, arr) {
		const char *parts[3];
		uint32_t at = (uint32_t)doc->nlines;
		if (!cJSON_IsObject(it)) {
			walk_other(doc, it, 2);
			continue;
		}
		parts[0] = jstr(it, "position");
		parts[1] = work ? jstr2(it, "name", "company") : jstr2(it, "organization", "name");
		parts[2] = jstr(it, "location");
		buf_truncate(&line, 0);
		join_parts(&line, parts, 3);
		date_span(&line, jstr(it, "startDate"), jstr(it, "endDate"));
		add_text(doc, line.ptr, 0);
		if (work && line.len)
			add_work_dates(doc, it, at);
		add_text(doc, jstr(it, "description"), 0);
		add_text(doc, jstr(it, "summary"), 0);
		add_list(doc, jget(it, "highlights"));
	}
	buf_release(&line);
}

static void resume_education(struct document *doc, const cJSON *arr)
{
	const cJSON *it;
	struct buf line = BUF_INIT;
	cJSON_ArrayForEach(it, arr) {
		const char *study = jstr(it, "studyType"), *area = jstr(it, "area");
		const char *score = jstr(it, "score"), *gpa = jstr(it, "gpa");
		if (!cJSON_IsObject(it)) {
			walk_other(doc, it, 2);
			continue;
		}
		buf_truncate(&line, 0);
		if (study && area)
			buf_printf(&line, "%s in %s", study, area);
		else if (study || area)
			buf_puts(&line, study ? study : area);
		{
			const char *parts[1] = { jstr(it, "institution") };
			join_parts(&line, parts, 1);
		}
		date_span(&line, jstr(it, "startDate"), jstr(it, "endDate"));
		add_text(doc, line.ptr, 0);
		buf_truncate(&line, 0);
		if (score || gpa) {
			buf_printf(&line, "%s: %s", score ? "Score" : "GPA", score ? score : gpa);
			add_text(doc, line.ptr, 0);
		}
		add_list(doc, jget(it, "courses"));
	}
	buf_release(&line);
}

/* awards, certificates, publications: "Title, Issuer (date)", summary */
static void resume_items(struct document *doc, const cJSON *arr, const char *title,
			 const char *by, const char *old_by, const char *date)
{
	const cJSON *it;
	struct buf line = BUF_INIT;
	cJSON_ArrayForEach(it, arr) {
		const char *parts[2];
		if (!cJSON_IsObject(it)) {
			walk_other(doc, it, 2);
			continue;
		}
		parts[0] = jstr(it, title);
		parts[1] = jstr2(it, by, old_by);
		buf_truncate(&line, 0);
		join_parts(&line, parts, 2);
		date_span(&line, NULL, jstr(it, date));
		add_text(doc, line.ptr, 0);
		add_text(doc, jstr(it, "summary"), 0);
	}
	buf_release(&line);
}

/* skills and interests: "Name (level): kw1, kw2" */
static void resume_keywords(struct document *doc, const cJSON *arr, int with_level)
{
	const cJSON *it;
	struct buf line = BUF_INIT;
	cJSON_ArrayForEach(it, arr) {
		const char *name, *level;
		size_t at;
		if (!cJSON_IsObject(it)) {
			walk_other(doc, it, 2);
			continue;
		}
		name = jstr(it, "name");
		level = with_level ? jstr(it, "level") : NULL;
		buf_truncate(&line, 0);
		if (name)
			buf_puts(&line, name);
		if (level)
			buf_printf(&line, "%s(%s)", line.len ? " " : "", level);
		at = line.len;
		if (at)
			buf_puts(&line, ": ");
		join_strings(&line, jget(it, "keywords"), ", ");
		if (line.len == at + 2)
			buf_truncate(&line, at);
		add_text(doc, line.ptr, 0);
	}
	buf_release(&line);
}

static void resume_languages(struct document *doc, const cJSON *arr)
{
	const cJSON *it;
	struct buf line = BUF_INIT;
	cJSON_ArrayForEach(it, arr) {
		const char *lang = jstr2(it, "language", "name"), *fl = jstr(it, "fluency");
		if (!cJSON_IsObject(it)) {
			walk_other(doc, it, 2);
			continue;
		}
		buf_truncate(&line, 0);
		if (lang)
			buf_puts(&line, lang);
		if (fl)
			buf_printf(&line, "%s(%s)", line.len ? " " : "", fl);
		add_text(doc, line.ptr, 0);
	}
	buf_release(&line);
}

static void resume_references(struct document *doc, const cJSON *arr)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, arr) {
		if (!cJSON_IsObject(it)) {
			walk_other(doc, it, 2);
			continue;
		}
		add_text(doc, jstr(it, "name"), 0);
		add_text(doc, jstr(it, "reference"), 0);
	}
}

static void resume_projects(struct document *doc, const cJSON *arr)
{
	const cJSON *it;
	struct buf line = BUF_INIT;
	cJSON_ArrayForEach(it, arr) {
		const char *parts[2];
		if (!cJSON_IsObject(it)) {
			walk_other(doc, it, 2);
			continue;
		}
		parts[0] = jstr(it, "name");
		parts[1] = jstr(it, "entity");
		buf_truncate(&line, 0);
		join_parts(&line, parts, 2);
		date_span(&line, jstr(it, "startDate"), jstr(it, "endDate"));
		add_text(doc, line.ptr, 0);
		add_text(doc, jstr(it, "description"), 0);
		add_list(doc, jget(it, "highlights"));
		buf_truncate(&line, 0);
		join_strings(&line, jget(it, "roles"), ", ");
		add_text(doc, line.ptr, 0);
		buf_truncate(&line, 0);
		join_strings(&line, jget(it, "keywords"), ", ");
		add_text(doc, line.ptr, 0);
	}
	buf_release(&line);
}

static const struct {
	const char *key;
	const char *heading;
	enum section_kind kind;
} resume_sections[] = {
	{ "work", "Work Experience", SEC_EXPERIENCE },
	{ "volunteer", "Volunteer", SEC_VOLUNTEER },
	{ "education", "Education", SEC_EDUCATION },
	{ "awards", "Awards", SEC_AWARDS },
	{ "certificates", "Certificates", SEC_CERTIFICATIONS },
	{ "publications", "Publications", SEC_PUBLICATIONS },
	{ "skills", "Skills", SEC_SKILLS },
	{ "languages", "Languages", SEC_LANGUAGES },
	{ "interests", "Interests", SEC_INTERESTS },
	{ "references", "References", SEC_REFERENCES },
	{ "projects", "Projects", SEC_PROJECTS },
};

static int resume_section_index(const char *key)
{
	size_t i;
	for (i = 0; i < sizeof(resume_sections) / sizeof(resume_sections[0]); i++)
		if (strcmp(key, resume_sections[i].key) == 0)
			return (int)i;
	return -1;
}

/* "basics", or "work" holding an array, or two of the schema's sections. */
static int is_json_resume(const cJSON *root)
{
	const cJSON *it;
	int n = 0;
	if (!cJSON_IsObject(root))
		return 0;
	if (cJSON_IsObject(jget(root, "basics")) ||
	    cJSON_IsArray(jget(root, "work")))
		return 1;
	cJSON_ArrayForEach(it, root)
		if (it->string && resume_section_index(it->string) >= 0)
			n++;
	return n >= 2;
}

static void read_resume(struct document *doc, const cJSON *root)
{
	const cJSON *it, *basics = jget(root, "basics");

	doc->dates_structured = 1;
	if (cJSON_IsObject(basics))
		resume_basics(doc, basics);
	cJSON_ArrayForEach(it, root) {
		int k = it->string ? resume_section_index(it->string) : -1;
		const char *key = it->string ? it->string : "";
		if (it == basics || strcmp(key, "meta") == 0 || strcmp(key, "$schema") == 0)
			continue;
		if (k < 0 || !cJSON_IsArray(it)) {
			enum section_kind hint = k >= 0 ? resume_sections[k].kind : key_section(key);
			document_set_section(doc, hint);
			walk_other(doc, it, 1);
			continue;
		}
		if (cJSON_GetArraySize(it) == 0)
			continue;
		document_add_heading(doc, resume_sections[k].heading,
				     strlen(resume_sections[k].heading), resume_sections[k].kind);
		switch (resume_sections[k].kind) {
		case SEC_EXPERIENCE: resume_jobs(doc, it, 1); break;
		case SEC_VOLUNTEER: resume_jobs(doc, it, 0); break;
		case SEC_EDUCATION: resume_education(doc, it); break;
		case SEC_AWARDS: resume_items(doc, it, "title", "awarder", "awarder", "date"); break;
		case SEC_CERTIFICATIONS: resume_items(doc, it, "name", "issuer", "issuer", "date"); break;
		case SEC_PUBLICATIONS:
			resume_items(doc, it, "name", "publisher", "publisher", "releaseDate");
			break;
		case SEC_SKILLS: resume_keywords(doc, it, 1); break;
		case SEC_INTERESTS: resume_keywords(doc, it, 0); break;
		case SEC_LANGUAGES: resume_languages(doc, it); break;
		case SEC_REFERENCES: resume_references(doc, it); break;
		case SEC_PROJECTS: resume_projects(doc, it); break;
		default: break;
		}
	}
}

int read_json(struct document **out, const char *bytes, size_t len,
	      const char *name, const struct read_limits *lim, struct diag *d)
{
	struct document *doc;
	cJSON *root;
	int ret, in_arena;

	*out = NULL;
	if (len >= 3 && (unsigned char)bytes[0] == 0xEF && (unsigned char)bytes[1] == 0xBB &&
	    (unsigned char)bytes[2] == 0xBF) {
		bytes += 3;
		len -= 3;
	}
	ret = json_validate(bytes, len, name, lim->json_max_depth, d);
	if (ret < 0)
		return ret;
	in_arena = arena_begin();
	root = cJSON_ParseWithLengthOpts(bytes, len, NULL, 0);
	if (!root) {
		if (in_arena)
			arena_end();
		return diag_set(d, SG_ECORRUPT, "'%s': invalid JSON (nested too deeply or malformed)", name);
	}
	doc = document_new(DOC_JSON);
	document_reserve(doc, len, len / 64 + 1);
	if (is_json_resume(root)) {
		read_resume(doc, root);
	} else {
		doc->layout_recognized = 0;
		walk_other(doc, root, 0);
	}
	if (in_arena)
		arena_end(); /* the whole tree at once */
	else
		cJSON_Delete(root);
	document_set_section(doc, doc->cur_section);
	document_finish(doc);
	if (!document_has_text(doc)) {
		document_free(doc);
		return diag_set(d, SG_ENOTEXT, "'%s' contains no text (no string values)", name);
	}
	*out = doc;
	return 0;
}
